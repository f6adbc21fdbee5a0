package dev.interleave.ui.kit;

import java.util.Objects;

import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Runner;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What every scenario's view-model does with its runner: the tool bar's commands, none of which
 * blocks the FX thread, and the run state as of the last sample. A scenario's view-model extends
 * it with its settings, its figures and its {@link #sample}.
 *
 * <p>Reset during a run stops that run in the background and clears the figures at once; the
 * stopped run's figures never come back ({@link #showsLatestRun()} is false until the next Run).
 * FX thread only; holds no {@code Node}.
 *
 * @param <S> the scenario's settings
 */
public abstract class RunViewModel<S> implements RunControls {

    private final Runner<S, ?, ?> runner;
    private final String name;
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final BooleanBinding running = state.isNotEqualTo(RunState.IDLE);
    /** False after Reset until the next Run: the latest run's figures are not to be shown. */
    private boolean showsLatestRun = true;

    /**
     * @param runner the scenario's runner
     * @param name   a short name for the stop thread, e.g. {@code "calls"}
     */
    protected RunViewModel(Runner<S, ?, ?> runner, String name) {
        this.runner = Objects.requireNonNull(runner);
        this.name = Objects.requireNonNull(name);
    }

    /** The settings a run would use now. */
    public abstract S settings();

    /** A run with {@code settings} has just started: forget the previous run's figures and series. */
    protected abstract void started(S settings);

    /** Clears every figure and plot of the view (Reset). */
    protected abstract void clearFigures();

    // ---- commands ----

    @Override
    public final void run() {
        if (runner.state() != RunState.IDLE) {
            return;
        }
        S settings = settings();
        try {
            runner.start(settings);
        } catch (IllegalStateException alreadyRunning) {
            return;
        }
        showsLatestRun = true;
        started(settings);
        state.set(runner.state());
    }

    @Override
    public final void togglePause() {
        try {
            switch (runner.state()) {
                case RUNNING -> runner.pause();
                case PAUSED -> runner.resume();
                default -> {
                }
            }
        } catch (IllegalStateException raced) {
            // The run ended between the check and the call: nothing to pause.
        }
        state.set(runner.state());
    }

    @Override
    public final void step() {
        if (!runner.supportsStep()) {
            return;
        }
        try {
            if (runner.state() == RunState.PAUSED) {
                runner.step();
            }
        } catch (IllegalStateException raced) {
            // Resumed or stopped meanwhile.
        }
    }

    @Override
    public final boolean supportsStep() {
        return runner.supportsStep();
    }

    @Override
    public final void stop() {
        RunState now = runner.state();
        if (now == RunState.RUNNING || now == RunState.PAUSED) {
            ModelSupport.stopInBackground("interleave-" + name + "-stop", runner::stop);
        }
    }

    /** Clears every figure at once; a run in progress is stopped in the background and its figures are not shown again. */
    @Override
    public final void reset() {
        stop();
        showsLatestRun = false;
        clearFigures();
        state.set(runner.state());
    }

    @Override
    public final void shutdown() {
        ModelSupport.stopQuietly(runner::stop);
    }

    // ---- for the scenario ----

    /** Records the runner's state as of this sample. */
    protected final void sampled(RunState now) {
        state.set(now);
    }

    /** False after Reset until the next Run: sample() then shows none of the latest run's figures. */
    protected final boolean showsLatestRun() {
        return showsLatestRun;
    }

    @Override
    public final RunState runState() {
        return state.get();
    }

    public final ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True from Run until the run has ended: settings are disabled meanwhile. */
    public final BooleanBinding runningBinding() {
        return running;
    }
}
