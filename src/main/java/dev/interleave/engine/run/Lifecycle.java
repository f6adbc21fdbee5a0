package dev.interleave.engine.run;

import java.util.concurrent.locks.ReentrantLock;

import static dev.interleave.engine.run.RunState.IDLE;
import static dev.interleave.engine.run.RunState.PAUSED;
import static dev.interleave.engine.run.RunState.RUNNING;
import static dev.interleave.engine.run.RunState.STOPPING;

/**
 * A runner's lifecycle, {@code IDLE → RUNNING ⇄ PAUSED → STOPPING → IDLE}, with the run in
 * progress: each move changes the state, the run's {@link Hold} and its {@link Stopwatch}, and tells
 * the run of a pause or a resume ({@link Run#clockPaused}, {@link Run#clockResumed}), as one step, so
 * that of two threads making moves at once (Pause and Resume, Resume and Stop) the result is always
 * one of the two orders, never a mix (a RUNNING run with its gate closed, a pause counted twice). A
 * move that does not fit the state is refused with {@link IllegalStateException}: a second Run is
 * refused, never doubled. Safe to use from any thread.
 */
final class Lifecycle {

    /*
     * Implementation notes: every move happens while holding `lock`, and reads the state again
     * under it, so moves are totally ordered and each sees the previous one's effects. `state` and
     * `current` are volatile so that readers (snapshots, tool bars) need no lock; they may see a
     * state a moment old. Hold and stopwatch calls, and the run's clockPaused and clockResumed, are
     * short and never block on a worker (closing a gate only sets a flag; the buffer run reads a
     * counter), so holding the lock across them cannot deadlock with workers.
     */

    private final ReentrantLock lock = new ReentrantLock();
    /** The state now. Written only while holding lock. */
    private volatile RunState state = IDLE;
    /** The run in progress, or the latest one to end; null before the first. Written only while holding lock. */
    private volatile Run<?> current;

    RunState state() {
        return state;
    }

    Run<?> current() {
        return current;
    }

    /**
     * IDLE → RUNNING with {@code run} as the run in progress; its clock starts.
     *
     * @throws IllegalStateException if a run is in progress
     */
    void begin(Run<?> run) {
        begin(run, false);
    }

    /**
     * IDLE → RUNNING, or IDLE → PAUSED when {@code paused}, with {@code run} as the run in progress;
     * its clock starts (and stops counting at once when paused). Paused, its hold is closed before
     * this returns, so before the run launches any thread: none passes a gated action unstepped.
     *
     * @throws IllegalStateException if a run is in progress
     */
    void begin(Run<?> run, boolean paused) {
        lock.lock();
        try {
            if (state != IDLE) {
                throw new IllegalStateException("a run is already in progress (" + state + "); stop it first");
            }
            current = run;
            run.clock().start();
            run.clockStarted();
            if (paused) {
                run.hold().close();
                run.clock().pause();
                run.clockPaused();
                state = PAUSED;
            } else {
                state = RUNNING;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * RUNNING → PAUSED: the hold closes and the clock stops counting.
     *
     * @throws IllegalStateException unless running
     */
    void pause() {
        lock.lock();
        try {
            if (state != RUNNING) {
                throw new IllegalStateException("pause needs a running run; the run is " + state);
            }
            current.hold().close();
            current.clock().pause();
            current.clockPaused();
            state = PAUSED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * PAUSED → RUNNING: the hold opens and the clock counts again.
     *
     * @throws IllegalStateException unless paused
     */
    void resume() {
        lock.lock();
        try {
            if (state != PAUSED) {
                throw new IllegalStateException("resume needs a paused run; the run is " + state);
            }
            // The run hears of it before its threads are let go: what they do from now on is the
            // running clock's, not the pause's.
            current.clockResumed();
            current.clock().resume();
            current.hold().open();
            state = RUNNING;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Lets one worker act, while paused.
     *
     * @throws IllegalStateException unless paused
     */
    void step() {
        lock.lock();
        try {
            if (state != PAUSED) {
                throw new IllegalStateException("step works only while paused; the run is " + state);
            }
            current.stepOnce();
        } finally {
            lock.unlock();
        }
    }

    /**
     * RUNNING or PAUSED → STOPPING; the clock stops for good (a pause in progress ends first, its
     * time counted once): a stopped run's elapsed time is its time until Stop, not the time its
     * threads then take to leave (seconds for 100,000 virtual threads on two cores). Returns true if
     * this call made the move, false if no run was in progress or another call made it.
     */
    boolean beginStopping() {
        lock.lock();
        try {
            if (state != RUNNING && state != PAUSED) {
                return false;
            }
            current.clock().stop();
            state = STOPPING;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Back to IDLE: {@code run} has ended and none of its threads is alive. */
    void ended(Run<?> run) {
        lock.lock();
        try {
            if (current == run) {
                state = IDLE;
            }
        } finally {
            lock.unlock();
        }
    }
}
