package dev.interleave.engine.run;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A switch that many threads check between steps of their work: while it is on, they park until it
 * is turned off. Unlike the {@link Gate} it keeps no queue and has no Step, so it suits a run with
 * 100,000 tasks: checking it costs one volatile read while it is off.
 *
 * <p>Safe to use from any thread.
 */
public final class PauseSwitch implements Hold {

    /*
     * Implementation notes: `paused` is volatile and read without the lock on the fast path; a
     * thread that sees it set re-checks under `lock` in a while loop before awaiting `resumed`, and
     * open() clears it under the same lock before signalAll, so no parked thread misses the resume.
     */

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled (to all) when the switch is turned off. */
    private final Condition resumed = lock.newCondition();
    /** True while threads must wait. Written under lock. */
    private volatile boolean paused;

    /**
     * Returns at once if not paused, else parks until resumed.
     *
     * @throws InterruptedException if interrupted while parked
     */
    public void awaitRunning() throws InterruptedException {
        if (!paused) {
            return;
        }
        lock.lockInterruptibly();
        try {
            while (paused) {
                resumed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            paused = true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void open() {
        lock.lock();
        try {
            paused = false;
            resumed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
