package dev.interleave.engine.run;

/**
 * Which threads run a workload's tasks.
 */
public enum ThreadKind implements Labelled {

    /**
     * Virtual threads. Choose them for many blocking tasks: a sleeping virtual thread is a small
     * heap object, not a kernel thread, so 100,000 of them sleep at once on two carrier threads.
     */
    VIRTUAL("virtual") {
        @Override
        public Thread.Builder builder(String namePrefix) {
            return Thread.ofVirtual();
        }

        @Override
        public boolean stacksInHeap() {
            return true;
        }
    },

    /**
     * Platform (kernel) threads. Choose them to see what virtual threads save: each costs a kernel
     * thread and its stack, and the kernel allows only so many (32,768 in all on the reference
     * machine), so a workload's concurrency is capped at {@link #PLATFORM_THREAD_CAP}.
     */
    PLATFORM("platform") {
        @Override
        public Thread.Builder builder(String namePrefix) {
            return Thread.ofPlatform().daemon(true).name(namePrefix, 0);
        }

        @Override
        public boolean stacksInHeap() {
            return false;
        }
    };

    /**
     * The most platform threads one run may ask for. Well under the kernel's 32,768 threads
     * (kernel.pid_max here), leaving room for the JVM, the desktop and the rest of the machine;
     * about 29 KB of resident memory each when parked.
     */
    public static final int PLATFORM_THREAD_CAP = 4_000;

    private final String label;

    ThreadKind(String label) {
        this.label = label;
    }

    /** A builder for this kind of thread; platform threads are named {@code namePrefix0, 1, ...}. */
    public abstract Thread.Builder builder(String namePrefix);

    /**
     * Whether a parked thread's stack is a heap object (a virtual thread's, copied in as it unmounts)
     * rather than native memory (a platform thread's).
     */
    public abstract boolean stacksInHeap();

    @Override
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
