package dev.interleave.engine.race;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.engine.run.Labelled;

/**
 * How the race lab's threads add to one shared count: the ways a user can compare, racy and safe,
 * each named as the command line and the window name it.
 */
public enum RaceStrategy implements Labelled {

    /**
     * {@code count++} as a separate read and write, not atomic; both opaque (through a VarHandle),
     * so the JIT can neither keep the count in a register nor merge the writes. Never choose it
     * for real work: the read, the add and the write are three steps another thread can come
     * between. It is here to lose updates.
     */
    RACY("racy", false) {
        @Override
        SharedCounter newCounter(int threads, boolean fair) {
            return new PlainCounter();
        }
    },

    /**
     * {@code count++} on a volatile field. Still racy: the volatile reads and writes fall in one
     * total order all threads agree on, each read seeing the latest write in that order, but the
     * read-add-write is still three steps. Choose it to see that visibility is not atomicity.
     */
    VOLATILE("volatile", false) {
        @Override
        SharedCounter newCounter(int threads, boolean fair) {
            return new VolatileCounter();
        }
    },

    /** A {@code synchronized} increment: correct; contending threads queue for the monitor. */
    SYNCHRONIZED("synchronized", true) {
        @Override
        SharedCounter newCounter(int threads, boolean fair) {
            return new SynchronizedCounter();
        }
    },

    /**
     * A {@link ReentrantLock} around the increment: correct; fair or not as the run says. Choose a
     * fair lock to see what strict arrival order costs.
     */
    LOCK("lock", true) {
        @Override
        SharedCounter newCounter(int threads, boolean fair) {
            return new LockCounter(fair);
        }
    },

    /**
     * {@link AtomicLong#incrementAndGet()}: one indivisible hardware fetch-and-add, lock-free: no
     * thread is ever blocked (cores still wait their turn for the cache line). The default.
     */
    ATOMIC("atomic", true) {
        @Override
        SharedCounter newCounter(int threads, boolean fair) {
            return new AtomicCounter();
        }
    },

    /**
     * A compare-and-set loop (read, compute, try to swap; on failure read again): what atomics do
     * without a fetch-and-add. Its failed attempts are counted: they grow with contention.
     */
    CAS("cas", true) {
        @Override
        SharedCounter newCounter(int threads, boolean fair) {
            return new CasCounter(threads);
        }
    },

    /**
     * {@link LongAdder}: contending threads add to different cells, summed when read. Choose it for
     * statistics written often and read rarely; its sum is not an atomic snapshot.
     */
    ADDER("adder", true) {
        @Override
        SharedCounter newCounter(int threads, boolean fair) {
            return new AdderCounter();
        }
    },

    /**
     * One counter per thread, each on its own cache line, summed at the end: no sharing at all, so
     * nothing to contend for. Choose it when the total is needed only at the end.
     */
    STRIPED("striped", true) {
        @Override
        SharedCounter newCounter(int threads, boolean fair) {
            return new StripedCounter(threads, PADDED_STRIDE);
        }
    },

    /**
     * One counter per thread like {@link #STRIPED}, but packed side by side in one array:
     * neighbours share a cache line, and every write by one core takes the line from the others
     * (false sharing). Correct, and slower than striped for no visible reason: that is the lesson.
     */
    PACKED("packed", true) {
        @Override
        SharedCounter newCounter(int threads, boolean fair) {
            return new StripedCounter(threads, 1);
        }
    };

    /** Longs between two padded per-thread counters: 128 bytes, two cache lines (adjacent-line prefetch). */
    static final int PADDED_STRIDE = 16;

    private final String label;
    private final boolean safe;

    RaceStrategy(String label, boolean safe) {
        this.label = label;
        this.safe = safe;
    }

    /** A new counter at 0 for {@code threads} threads. */
    abstract SharedCounter newCounter(int threads, boolean fair);

    @Override
    public String label() {
        return label;
    }

    /** What it does, in a sentence, for a learner (the window's tooltip on its name). */
    public String description() {
        return switch (this) {
            case RACY -> "count++ as a separate read and write (opaque: the JIT cannot keep the count in a register), not"
                    + " atomic."
                    + " Read, add, write: another thread's write can come between, and an update is lost.";
            case VOLATILE -> "count++ on a volatile field. Each read sees the latest write, but read, add, write are"
                    + " still three steps: still not atomic, still racy.";
            case SYNCHRONIZED -> "the increment inside a synchronized block; threads queue for the monitor.";
            case LOCK -> "a ReentrantLock around the increment (fair or not, as set).";
            case ATOMIC -> "AtomicLong.incrementAndGet(), one indivisible hardware fetch-and-add: lock-free, no"
                    + " thread is ever blocked.";
            case CAS -> "a compare-and-set loop: read, add, swap only if the count still holds the value read, else"
                    + " retry.";
            case ADDER -> "a LongAdder: contending threads add to different cells, summed when read.";
            case STRIPED -> "one counter per thread, each on its own cache lines (padded), summed at the end: nothing"
                    + " shared.";
            case PACKED -> "one counter per thread, side by side in one array: nothing shared in the code, but"
                    + " neighbours share a cache line (false sharing).";
        };
    }

    /**
     * Its code in a few words, written under its name in the window; for atomic and cas, the names
     * Slow motion gives the same code ({@link StepProgram#label}): there incrementAndGet and cas-loop,
     * here atomic and cas, and a learner could not tell that they were the same.
     */
    public String code() {
        return switch (this) {
            case RACY -> "count++";
            case VOLATILE -> "volatile count++";
            case SYNCHRONIZED -> "synchronized block";
            case LOCK -> "ReentrantLock";
            case ATOMIC -> StepProgram.ATOMIC.label();
            case CAS -> StepProgram.CAS.label();
            case ADDER -> "LongAdder";
            case STRIPED -> "padded cells";
            case PACKED -> "adjacent cells";
        };
    }

    /** Whether every increment counts, whatever the interleaving. */
    public boolean isSafe() {
        return safe;
    }

    @Override
    public String toString() {
        return label;
    }

    /*
     * Implementation notes: count++ as three separate steps, read, add, write, with nothing that
     * excludes other threads. The read and the write are opaque accesses: each one really goes to
     * memory, as count++ does in the interpreter. A plain field would let the JIT keep the count in
     * a register for a whole batch of increments and write it back once, which loses updates only
     * when two batches happen to overlap: after warm-up the lab then rarely shows the race at all.
     * Opaque access gives no atomicity and no ordering, so the race is the same race, every time.
     */
    private static final class PlainCounter implements SharedCounter {
        private static final VarHandle COUNT;

        static {
            try {
                COUNT = MethodHandles.lookup().findVarHandle(PlainCounter.class, "count", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /** Written by every thread without synchronisation: updates are lost. */
        private long count;

        @Override
        public void increment(int thread) {
            long read = (long) COUNT.getOpaque(this);
            COUNT.setOpaque(this, read + 1);
        }

        @Override
        public long total() {
            return (long) COUNT.getOpaque(this);
        }
    }

    private static final class VolatileCounter implements SharedCounter {
        /** Each read sees the latest write (volatile accesses are totally ordered); the read-add-write is still not one step. */
        private volatile long count;

        @Override
        public void increment(int thread) {
            count++;
        }

        @Override
        public long total() {
            return count;
        }
    }

    private static final class SynchronizedCounter implements SharedCounter {
        /** Guarded by this object's monitor. */
        private long count;

        @Override
        public synchronized void increment(int thread) {
            count++;
        }

        @Override
        public synchronized long total() {
            return count;
        }
    }

    private static final class LockCounter implements SharedCounter {
        private final ReentrantLock lock;
        /** Guarded by lock. */
        private long count;

        LockCounter(boolean fair) {
            lock = new ReentrantLock(fair);
        }

        @Override
        public void increment(int thread) {
            lock.lock();
            try {
                count++;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public long total() {
            lock.lock();
            try {
                return count;
            } finally {
                lock.unlock();
            }
        }
    }

    private static final class AtomicCounter implements SharedCounter {
        private final AtomicLong count = new AtomicLong();

        @Override
        public void increment(int thread) {
            count.incrementAndGet();
        }

        @Override
        public long total() {
            return count.get();
        }
    }

    /*
     * Implementation notes: the count is one AtomicLong, swapped with compareAndSet. Each thread
     * counts its own failed attempts in its own padded slot of `retries` (written only by that
     * thread, so plain increments are safe); casRetries() sums them, exactly once the threads have
     * been joined.
     */
    private static final class CasCounter implements SharedCounter {
        private final AtomicLong count = new AtomicLong();
        /** Thread t's failed attempts at t * PADDED_STRIDE. Each slot written only by its thread. */
        private final long[] retries;

        CasCounter(int threads) {
            retries = new long[threads * PADDED_STRIDE];
        }

        @Override
        public void increment(int thread) {
            while (true) {
                long seen = count.get();
                if (count.compareAndSet(seen, seen + 1)) {
                    return;
                }
                retries[thread * PADDED_STRIDE]++;
            }
        }

        @Override
        public long total() {
            return count.get();
        }

        @Override
        public long casRetries() {
            long sum = 0;
            for (int t = 0; t < retries.length; t += PADDED_STRIDE) {
                sum += retries[t];
            }
            return sum;
        }
    }

    private static final class AdderCounter implements SharedCounter {
        private final LongAdder count = new LongAdder();

        @Override
        public void increment(int thread) {
            count.increment();
        }

        @Override
        public long total() {
            return count.sum();
        }
    }

    /*
     * Implementation notes: thread t owns cells[offset + t * stride] (offset a line's worth with
     * padding, else 0) and is its only writer, so its
     * increments need no atomicity; an opaque write (VarHandle setOpaque) keeps the JIT from keeping
     * the cell in a register, so the cache-line traffic under test is real. total() sums the
     * threads' cells (not the padding): exact once the threads have been joined.
     */
    static final class StripedCounter implements SharedCounter {
        private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(long[].class);
        private final long[] cells;
        private final int stride;
        private final int threads;
        /**
         * The planted bug, for the checks that must catch it: every thread adds to the first cell,
         * so the cell has many writers and its read-add-write loses updates. False in the lab.
         */
        private final boolean oneCellForAll;

        StripedCounter(int threads, int stride) {
            this(threads, stride, false);
        }

        /** A striped counter with the planted bug switched on (or not). */
        StripedCounter(int threads, int stride, boolean oneCellForAll) {
            this.stride = stride;
            this.threads = threads;
            this.oneCellForAll = oneCellForAll;
            // With padding, a line's worth before the first cell too: no other object shares its line.
            int offset = stride == 1 ? 0 : stride;
            this.cells = new long[offset + threads * stride + offset];
        }

        private int index(int thread) {
            return (stride == 1 ? 0 : stride) + (oneCellForAll ? 0 : thread) * stride;
        }

        @Override
        public void increment(int thread) {
            int at = index(thread);
            CELL.setOpaque(cells, at, (long) CELL.getOpaque(cells, at) + 1);
        }

        @Override
        public long total() {
            long sum = 0;
            for (int t = 0; t < threads; t++) {
                sum += (long) CELL.getOpaque(cells, (stride == 1 ? 0 : stride) + t * stride); // thread t's own cell
            }
            return sum;
        }
    }
}
