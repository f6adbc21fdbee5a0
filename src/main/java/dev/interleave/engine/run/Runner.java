package dev.interleave.engine.run;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * What every scenario's runner does: start a run, pause, resume, step (where the scenario can),
 * stop, wait for the end, and report its state. The lifecycle is {@code IDLE → RUNNING ⇄ PAUSED →
 * STOPPING → IDLE}; a command that does not fit the state is refused with
 * {@link IllegalStateException} (a second Run, Step while running), never doubled. After a run
 * ends, by any route, the runner is IDLE, none of the run's threads is alive, and a new run may
 * start. Every method is safe to call from any thread; only {@link #stop()} and the awaits block.
 *
 * @param <S> the scenario's settings
 * @param <R> the scenario's result
 * @param <X> the scenario's run
 */
public abstract class Runner<S, R, X extends Run<R>> {

    /** How long {@link #stop()} waits for the run's threads to end before giving up with a timeout. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

    private final Lifecycle lifecycle = new Lifecycle();

    /** A new run for {@code settings}, not started: its constructor should be cheap (no threads). */
    protected abstract X newRun(S settings);

    /** Whether {@link #step()} applies to this scenario. */
    public abstract boolean supportsStep();

    /**
     * Starts a run and returns at once. If a thread of it cannot be started, the run fails (its
     * result says why) rather than this method.
     *
     * @throws IllegalStateException if a run is in progress (nothing is started then)
     */
    public final void start(S settings) {
        start(settings, false);
    }

    /**
     * Starts a run paused (Step from idle): its gates are closed before any of its threads starts,
     * so that nothing gated happens before the first {@link #step()}; returns at once.
     *
     * @throws IllegalStateException if a run is in progress (nothing is started then)
     */
    public final void startPaused(S settings) {
        start(settings, true);
    }

    private void start(S settings, boolean paused) {
        X run = newRun(Objects.requireNonNull(settings));
        lifecycle.begin(run, paused);
        run.start(lifecycle);
    }

    /** The state now. */
    public final RunState state() {
        return lifecycle.state();
    }

    /**
     * Pauses the run: its workers stop at their next check, and paused time is not counted.
     *
     * @throws IllegalStateException unless running
     */
    public final void pause() {
        lifecycle.pause();
    }

    /**
     * Resumes a paused run.
     *
     * @throws IllegalStateException unless paused
     */
    public final void resume() {
        lifecycle.resume();
    }

    /**
     * Lets exactly one gated action happen while paused.
     *
     * @throws IllegalStateException unless paused
     * @throws UnsupportedOperationException if the scenario cannot step
     */
    public final void step() {
        if (!supportsStep()) {
            throw new UnsupportedOperationException("this scenario cannot step");
        }
        lifecycle.step();
    }

    /**
     * Stops the run in progress: every thread of it is interrupted, and this returns once none is
     * alive. With no run in progress, returns the latest result.
     *
     * @return the result (STOPPED, or COMPLETED/FAILED if it ended first)
     * @throws TimeoutException if the threads did not end within {@link #STOP_TIMEOUT}
     * @throws IllegalStateException if nothing was ever started
     */
    public final R stop() throws InterruptedException, TimeoutException {
        X run = requireRun();
        if (lifecycle.beginStopping()) {
            run.cancel();
        }
        return run.await(STOP_TIMEOUT);
    }

    /**
     * Waits for the latest run to end.
     *
     * @throws IllegalStateException if nothing was ever started
     */
    public final R await() throws InterruptedException {
        X run = requireRun();
        while (true) {
            try {
                return run.await(Duration.ofDays(1));
            } catch (TimeoutException stillRunning) {
                // A run may go on for days (an endless buffer run); keep waiting.
            }
        }
    }

    /**
     * Waits at most {@code timeout} for the latest run to end.
     *
     * @throws TimeoutException if it has not ended by then
     */
    public final R await(Duration timeout) throws InterruptedException, TimeoutException {
        return requireRun().await(timeout);
    }

    /** The run in progress or the latest to end; null before the first. */
    @SuppressWarnings("unchecked")
    protected final X latest() {
        return (X) lifecycle.current();
    }

    private X requireRun() {
        X run = latest();
        if (run == null) {
            throw new IllegalStateException("no run was started");
        }
        return run;
    }
}
