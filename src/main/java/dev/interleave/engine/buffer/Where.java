package dev.interleave.engine.buffer;

/**
 * Where in {@code put} or {@code take} a worker is, in terms every instrumented implementation
 * shares: the window puts each worker's chip beside the line of {@link BufferCode} tagged with its
 * value. A line may stand for several values (the semaphore's {@code acquire} both checks and waits).
 *
 * <p>Written by the worker's own thread as it goes (a release store, like its {@link WorkerState}),
 * and by a signaller for {@link #WOKEN}. A snapshot taken under the buffer's lock sees nobody in the
 * critical section ({@link #CHECKING}, {@link #WRITING}, {@link #SIGNALLING}), so the lock and
 * monitor buffers skip them on a put or take's way through (a store there is time in the critical
 * section); they show in recorded runs (the scrubber), where each event says where its worker is
 * ({@link BufferEvent#whereAfter}).
 */
public enum Where {
    /** Not in put or take: making or using an item, parked at the gate, or done. */
    OUTSIDE("outside"),
    /**
     * Read the buffer without the lock and on its way to it: only with the planted
     * {@link Bug#UNLOCKED_COUNT}, whose look at the count (the permits) is the bug.
     */
    LOOKED("looking without the lock"),
    /** Asking for the lock, the monitor or the mutex (blocked while another thread holds it). */
    ENTERING("waiting for the lock"),
    /** Holding it, testing the condition (the {@code while} / {@code if} line; the semaphore's acquire). */
    CHECKING("checking the condition"),
    /** In a wait set: {@code await()}, {@code wait()}, or blocked in a counting semaphore's {@code acquire()}. */
    WAITING("waiting on the condition"),
    /** Left the wait set (signalled, notified, or a spurious wake-up) and waiting to get the lock back. */
    WOKEN("woken, waiting for the lock"),
    /** In the critical section: filling or emptying a slot, moving an index and the count. */
    WRITING("in the critical section"),
    /** Waking the other side: {@code signal}, {@code notifyAll}, or the other semaphore's {@code release()}. */
    SIGNALLING("signalling"),
    /** Giving the lock back: {@code unlock()}, the end of {@code synchronized}, the mutex's {@code release()}. */
    RELEASING("releasing the lock"),
    /**
     * Interrupted in a wait (a Stop): its {@code await()}, {@code wait()} or {@code acquire()} throws,
     * and its put or take ends there, nothing put or taken (the lock and the monitor are had back
     * first and let go on the way out; the semaphore's mutex was never asked for).
     */
    INTERRUPTED("interrupted: its put or take ends");

    private final String words;

    Where(String words) {
        this.words = words;
    }

    /** In a few words, as the window would say it. */
    public String words() {
        return words;
    }

    /**
     * {@link #words()} with the lock named as {@code impl}'s code names it ({@link BufferImpl#lockNoun}):
     * "waiting for the monitor", "woken, waiting for the mutex".
     */
    public String words(BufferImpl impl) {
        if (this == LOOKED && impl == BufferImpl.SEMAPHORE) {
            return "looking at the permits without taking one";
        }
        return words.replace("the lock", "the " + impl.lockNoun());
    }

    /**
     * Where a worker in {@code state} is, when nothing more precise is known (abq's workers); null
     * for a null state.
     */
    public static Where of(WorkerState state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case STARTING, PRODUCING, CONSUMING, AT_GATE, DONE -> OUTSIDE;
            case WAITING_FOR_LOCK -> ENTERING;
            case WAITING_NOT_FULL, WAITING_NOT_EMPTY -> WAITING;
            case IN_BUFFER -> CHECKING;
        };
    }
}
