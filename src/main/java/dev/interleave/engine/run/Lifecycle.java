package dev.interleave.engine.run;

import java.util.concurrent.atomic.AtomicReference;

import static dev.interleave.engine.run.RunState.IDLE;
import static dev.interleave.engine.run.RunState.PAUSED;
import static dev.interleave.engine.run.RunState.RUNNING;
import static dev.interleave.engine.run.RunState.STOPPING;

/**
 * A runner's lifecycle, {@code IDLE → RUNNING ⇄ PAUSED → STOPPING → IDLE}, moved by
 * compare-and-set: of two threads making the same move, exactly one succeeds, so a second Run is
 * refused rather than doubled. Safe to use from any thread.
 */
public final class Lifecycle {

    /** The state now. Moved by compare-and-set, except {@link #ended()}, which only the run's last thread calls. */
    private final AtomicReference<RunState> state = new AtomicReference<>(IDLE);

    public RunState get() {
        return state.get();
    }

    /**
     * IDLE → RUNNING.
     *
     * @throws IllegalStateException if a run is in progress
     */
    public void begin() {
        if (!state.compareAndSet(IDLE, RUNNING)) {
            throw new IllegalStateException("a run is already in progress (" + state.get() + "); stop it first");
        }
    }

    /**
     * RUNNING → PAUSED.
     *
     * @throws IllegalStateException unless running
     */
    public void pause() {
        if (!state.compareAndSet(RUNNING, PAUSED)) {
            throw new IllegalStateException("pause needs a running run; the run is " + state.get());
        }
    }

    /**
     * PAUSED → RUNNING.
     *
     * @throws IllegalStateException unless paused
     */
    public void resume() {
        if (!state.compareAndSet(PAUSED, RUNNING)) {
            throw new IllegalStateException("resume needs a paused run; the run is " + state.get());
        }
    }

    /** RUNNING or PAUSED → STOPPING; true if this call made the move (false if not running or someone else did). */
    public boolean beginStopping() {
        for (RunState now = state.get(); now == RUNNING || now == PAUSED; now = state.get()) {
            if (state.compareAndSet(now, STOPPING)) {
                return true;
            }
        }
        return false;
    }

    /** Back to IDLE: the run has ended and none of its threads is left. */
    public void ended() {
        state.set(IDLE);
    }
}
