package dev.interleave.engine.calls;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import dev.interleave.engine.run.Labelled;

/**
 * The counter strategies a user can compare, each named as the command line and the UI name it.
 */
public enum CounterKind implements Labelled {

    /**
     * A lock-free {@link AtomicLong#incrementAndGet()}. Choose it by default: one hardware
     * fetch-and-add, no thread ever blocks.
     */
    ATOMIC("atomic", watch -> new AtomicCounter()),

    /**
     * A {@code synchronized} increment. Choose it to show the intrinsic monitor: correct, and threads
     * that find the monitor taken are parked (virtual threads too, since JDK 24).
     */
    SYNCHRONIZED("synchronized", SynchronizedCounter::new),

    /**
     * A {@link ReentrantLock}-guarded increment. Choose it to compare an explicit lock with the
     * monitor: same guarantee, more options (fairness, tryLock), a little more code.
     */
    LOCK("lock", LockCounter::new),

    /**
     * An unsynchronised read-then-write. Never choose it for real work: two threads that read the
     * same value both write value + 1, so one update is lost and a value is handed out twice. It is
     * here for demonstration.
     */
    RACY("racy", RacyCounter::new);

    /**
     * Told when a counter's thread may stop running in the middle of an update: when the racy
     * counter gives its processor away (its yield) and has it back, and when a safe counter asks
     * for its lock, where it may wait, and is past it. The call runner counts such a call as
     * waiting for a carrier, or for the counter's lock, then, not as running: 3,325 calls showed
     * as running on 2 carriers while they waited for a synchronized counter's monitor.
     */
    public interface Watch {
        /** Nobody watches. */
        Watch NONE = new Watch() {
            @Override
            public void yielding() {
            }

            @Override
            public void resumed() {
            }

            @Override
            public void atLock() {
            }

            @Override
            public void pastLock() {
            }
        };

        /** Just before the yield, on the yielding thread. */
        void yielding();

        /** Just after it, on the same thread, mounted again. */
        void resumed();

        /**
         * Just before the counter asks for its lock, on the asking thread: it may wait there (a
         * waiting virtual thread leaves its carrier; a platform thread blocks).
         */
        void atLock();

        /** Once the thread is past the lock (it has made its update and let the lock go). */
        void pastLock();
    }

    private final String label;
    private final Function<Watch, Counter> factory;

    CounterKind(String label, Function<Watch, Counter> factory) {
        this.label = label;
        this.factory = factory;
    }

    /** The name the command line and UI use, e.g. {@code "atomic"}. */
    @Override
    public String label() {
        return label;
    }

    /** A new counter of this kind, starting at 0. */
    public Counter newCounter() {
        return newCounter(Watch.NONE);
    }

    /** A new counter of this kind, starting at 0, telling {@code watch} of each yield it makes and each lock it asks for. */
    public Counter newCounter(Watch watch) {
        return factory.apply(watch);
    }

    /** Whether its calls may wait at a lock (synchronized, lock): the call runner counts those apart. */
    public boolean hasLock() {
        return this == SYNCHRONIZED || this == LOCK;
    }

    /** Whether every value is handed out exactly once. */
    public boolean isSafe() {
        return this != RACY;
    }

    @Override
    public String toString() {
        return label;
    }

    private static final class AtomicCounter implements Counter {
        /** The latest value handed out. */
        private final AtomicLong value = new AtomicLong();

        @Override
        public long next() {
            return value.incrementAndGet();
        }

        @Override
        public long value() {
            return value.get();
        }
    }

    /**
     * A monitor cannot be tried without waiting, so every update is told to the watch as a wait
     * for the lock, around the synchronized block: an update that found the monitor free is
     * counted so for the nanoseconds it takes, which no sample sees. Outside the block, so that
     * the watch's counting does not lengthen the section every other thread waits on.
     */
    static final class SynchronizedCounter implements Counter {
        /** The latest value handed out. Written only inside {@code synchronized (this)}; volatile so that value() can read it without the monitor. */
        private volatile long value;
        /** Told of each update's wait at the monitor. */
        private final Watch watch;

        SynchronizedCounter(Watch watch) {
            this.watch = watch;
        }

        @Override
        public long next() {
            watch.atLock();
            long next;
            synchronized (this) {
                next = value + 1;
                value = next;
            }
            watch.pastLock();
            return next;
        }

        @Override
        public long value() {
            return value;
        }
    }

    /**
     * Every update is told to the watch, around the lock, as the synchronized counter's are: the two
     * counters then cost the same and their calls "at the lock" mean the same (waiting for it, or
     * for nanoseconds making the update), and a comparison of their times compares the locks.
     */
    static final class LockCounter implements Counter {
        /** Guards {@code value}'s update; package-private: a test holds it to make calls wait. */
        final ReentrantLock lock = new ReentrantLock();
        /** The latest value handed out. Written only while holding lock; volatile so that value() can read it without the lock. */
        private volatile long value;
        /** Told of each update's wait at the lock. */
        private final Watch watch;

        LockCounter(Watch watch) {
            this.watch = watch;
        }

        @Override
        public long next() {
            watch.atLock();
            long next;
            lock.lock();
            try {
                next = value + 1;
                value = next;
            } finally {
                lock.unlock();
            }
            watch.pastLock();
            return next;
        }

        @Override
        public long value() {
            return value;
        }
    }

    /*
     * Implementation notes: read and write are two separate volatile accesses with nothing between
     * them that excludes other threads, so the increment is not atomic. Volatile makes each write
     * visible at once (so value() is fresh) but does nothing for atomicity: that is the lesson.
     *
     * Thread.yield() between the read and the write widens the window on purpose: it offers the
     * processor to another thread exactly where a preemption would hurt. With only a spin-wait
     * hint there the window was a few nanoseconds, and the 1,000-call preset (100 virtual threads
     * on two carriers, each reading the counter once and then sleeping) lost an update in 1 of 6
     * runs measured on two cores; with the yield, in 10 of 10 (450 to 840 values handed out
     * twice). A virtual thread that yields is unmounted, so the next one on its carrier reads the
     * same value. It costs one trip through the scheduler per call, which a demonstration affords.
     */
    private static final class RacyCounter implements Counter {
        /** The latest value written; updates may be lost. */
        private volatile long value;
        /** Told of each yield. */
        private final Watch watch;

        RacyCounter(Watch watch) {
            this.watch = watch;
        }

        @Override
        public long next() {
            long read = value;
            watch.yielding();
            Thread.yield();
            watch.resumed();
            long next = read + 1;
            value = next;
            return next;
        }

        @Override
        public long value() {
            return value;
        }
    }
}
