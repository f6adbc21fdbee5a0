package dev.interleave.ui.kit;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Runner;
import dev.interleave.engine.run.Verdict;

/**
 * What every scenario's view-model does with its runner: the tool bar's commands, none of which
 * blocks the FX thread, and the run state as of the last sample. A scenario's view-model extends
 * it with its settings, its figures and its {@link #sample}.
 *
 * <p>Reset during a run stops that run in the background and clears the figures at once; the
 * stopped run's figures never come back ({@link #showsLatestRun()} is false until the next Run).
 * The figures shown are named with the settings of the run they are from ({@link
 * #figuresNoteProperty()}): this run's while it goes; an ended run's, kept until the next Run or
 * Reset, as the last run's, so they are never read against settings changed since. Step from idle
 * starts the run paused and takes the first step.
 * FX thread only; holds no {@code Node}.
 *
 * @param <S> the scenario's settings
 */
public abstract class RunViewModel<S> implements RunControls {

    private final Runner<S, ?, ?> runner;
    private final String name;
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final BooleanBinding running = state.isNotEqualTo(RunState.IDLE);
    /** The settings of the run whose figures are shown; null before the first Run and after Reset. */
    private final ReadOnlyObjectWrapper<S> shownRun = new ReadOnlyObjectWrapper<>(this, "shownRun");
    /**
     * Whether a step pressed after the shown run ended has been answered with "press it again" (see
     * {@link #asksAgain}); cleared when a run starts and by Reset.
     */
    private boolean newRunAsked;
    /** Which run the figures shown are from, with its settings; empty while none are shown. */
    private final ReadOnlyStringWrapper figuresNote = new ReadOnlyStringWrapper(this, "figuresNote", "");
    /** True while idle with a run's figures shown and the settings changed since that run. */
    private final ReadOnlyBooleanWrapper settingsChanged = new ReadOnlyBooleanWrapper(this, "settingsChanged", false);
    /**
     * Runs started, Resets and returns to the default settings, counted: what a field said about a
     * value typed before any of them is old news then.
     */
    private final ReadOnlyLongWrapper freshStarts = new ReadOnlyLongWrapper(this, "freshStarts", 0);
    /** Runs started by this view-model (Run, or Step from idle), however short. */
    private final ReadOnlyLongWrapper runsStarted = new ReadOnlyLongWrapper(this, "runsStarted", 0);

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

    /** The settings in a few words, for the last-run note: "1,000 calls, at most 100 in flight, ...". */
    protected abstract String describe(S settings);

    /**
     * Whether a run with {@code now} would be the same run as {@code shown}; by default they are
     * equal. A scenario whose settings partly apply live overrides it to leave those out.
     */
    protected boolean sameRun(S shown, S now) {
        return shown.equals(now);
    }

    /**
     * Step from idle: the run has just started and is paused, nothing stepped yet. A scenario that
     * reports steps takes its baseline here.
     */
    protected void pausedBeforeFirstStep() {
    }

    /** A Step was refused, saying why (the run's rules, or a race with Resume or Stop); shown by scenarios that narrate steps. */
    protected void stepRefused(String why) {
    }

    // ---- commands ----

    @Override
    public final void run() {
        start();
    }

    private boolean start() {
        return start(false);
    }

    /**
     * Step from idle, up to the step: starts a run paused, its gates closed before any of its
     * threads starts (nothing happens before the first step), and takes the step baseline
     * ({@link #pausedBeforeFirstStep}). Returns false if a run could not start (one was in progress).
     */
    protected final boolean startForStep() {
        if (!start(true)) {
            return false;
        }
        pausedBeforeFirstStep();
        return true;
    }

    private boolean start(boolean paused) {
        if (runner.state() != RunState.IDLE) {
            return false;
        }
        S settings = settings();
        try {
            if (paused) {
                runner.startPaused(settings);
            } else {
                runner.start(settings);
            }
        } catch (IllegalStateException alreadyRunning) {
            return false;
        }
        shownRun.set(settings);
        newRunAsked = false;
        figuresNote.set(thisRun(settings));
        settingsChanged.set(false);
        freshStarts.set(freshStarts.get() + 1);
        runsStarted.set(runsStarted.get() + 1);
        started(settings);
        // Started, whatever the runner says by now: a run quick enough to be over already (1,000
        // calls without sleeps, on a warm JVM) read IDLE here, and the view never saw it start (the
        // verdict's place was not held, and the cards jumped 103 px when the verdict came: CI). The
        // next sample says it ended.
        state.set(paused ? RunState.PAUSED : RunState.RUNNING);
        return true;
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
            if (runner.state() == RunState.IDLE && !startForStep()) {
                return;
            }
            if (runner.state() == RunState.PAUSED) {
                runner.step();
            }
        } catch (IllegalStateException refused) {
            // Resumed, stopped or ended meanwhile, or refused by the run's rules.
            stepRefused(refused.getMessage());
        }
    }

    /**
     * Whether a step key starts the next run only at its second press, the first keeping the ended
     * run on screen ({@link #asksAgain}): an ended run, not stopped (whoever stopped it has no verdict
     * to keep), whose settings are still the view's (else the next run is being set up).
     */
    public final boolean keysTwice() {
        return runState() == RunState.IDLE && showsEndedRun() && shownVerdict().orElse(Verdict.OK) != Verdict.STOPPED
                && sameRun(shownRun.get(), settings());
    }

    /**
     * Whether this press of a step key (from idle) is the one that keeps the ended run on screen:
     * true at the first press while {@link #keysTwice} holds, and marks it asked, so the next press
     * starts the new run. One key more than the run's last step had wiped the verdict and the
     * steps that led to it (a class counting presses).
     */
    protected final boolean asksAgain() {
        if (newRunAsked || !keysTwice()) {
            return false;
        }
        newRunAsked = true;
        return true;
    }

    /** Whether a step key pressed after the end has been answered with "press it again" ({@link #asksAgain}). */
    protected final boolean newRunAsked() {
        return newRunAsked;
    }

    /** Step from idle asks twice after a run that ended by itself ({@link #asksAgain}), in the tool bar's words. */
    @Override
    public final Optional<String> askStepAgain() {
        return runner.supportsStep() && asksAgain()
                ? Optional.of("This run has ended, and its figures stay on screen: press Step (S) again, or Run, to"
                        + " start a new one.")
                : Optional.empty();
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
        shownRun.set(null);
        newRunAsked = false;
        figuresNote.set("");
        settingsChanged.set(false);
        freshStarts.set(freshStarts.get() + 1);
        clearFigures();
        state.set(runner.state());
    }

    @Override
    public final void shutdown() {
        ModelSupport.stopQuietly(runner::stop);
    }

    // ---- for the scenario ----

    /** Records the runner's state as of this sample, and whether the figures are the last run's. */
    protected final void sampled(RunState now) {
        state.set(now);
        S shown = shownRun.get();
        if (now != RunState.IDLE || shown == null) {
            // Said while a run goes too, so that the line, and the page under it, stay put from Run to the end.
            figuresNote.set(shown == null ? "" : thisRun(shown));
            settingsChanged.set(false);
            return;
        }
        boolean changed = !sameRun(shown, settings());
        settingsChanged.set(changed);
        figuresNote.set("Last run's figures (" + describe(shown) + ")"
                + (changed ? ". The settings have changed since: Run uses the new ones, Reset clears these." : "."));
    }

    private String thisRun(S settings) {
        return "This run's figures (" + describe(settings) + ").";
    }

    /**
     * A setting the run in progress took while going (its workers, its buffer size, its delays):
     * from now on the run's figures, and the "Last run's figures" note after it, are told against
     * {@code change} applied to the settings it had. Does nothing while idle.
     */
    protected final void appliedLive(UnaryOperator<S> change) {
        S shown = shownRun.get();
        if (shown != null && runner.state() != RunState.IDLE) {
            shownRun.set(change.apply(shown));
        }
    }

    /**
     * Puts {@code settings} back to their defaults, unless a run goes (then nothing: false), and
     * clears what the fields said about values typed before, as Run and Reset do: "“abc” is not a
     * whole number: kept 1,000." stayed under a field that then held its default, 1,000 (a
     * teacher's tryout).
     */
    protected final boolean restoreDefaults(SavedSettings settings) {
        if (running.get()) {
            return false;
        }
        settings.resetToDefaults();
        freshStarts.set(freshStarts.get() + 1);
        return true;
    }

    /** False before the first Run and after Reset until the next Run: sample() then shows none of the latest run's figures. */
    protected final boolean showsLatestRun() {
        return shownRun.get() != null;
    }

    /**
     * Goes up at every Run (or first Step), every Reset and every return to the default settings
     * ({@link #restoreDefaults}): a field's message about a value typed
     * before ("0 is below the minimum, 1: set to 1.") is cleared then (SettingSlider#clearsMessageOn),
     * so a class does not read it against a later run.
     */
    public final ReadOnlyLongProperty freshStartsProperty() {
        return freshStarts.getReadOnlyProperty();
    }

    /**
     * Goes up at every run started, Run or first Step: a run too short for any sample to see it
     * going still counts (the race lab's badge tells of the latest run of its two views).
     */
    public final ReadOnlyLongProperty runsStartedProperty() {
        return runsStarted.getReadOnlyProperty();
    }

    /** The settings of the run whose figures are shown; null before the first Run and after Reset. */
    public final ReadOnlyObjectProperty<S> shownRunProperty() {
        return shownRun.getReadOnlyProperty();
    }

    /**
     * Which run the figures on screen are from: "This run's figures (its settings)." while it goes;
     * "Last run's figures (its settings)" once it has ended, and whether the settings have changed
     * since; empty while no run's figures are shown (before the first Run, after Reset).
     */
    public final ReadOnlyStringProperty figuresNoteProperty() {
        return figuresNote.getReadOnlyProperty();
    }

    /** True while idle with the last run's figures shown and settings changed since that run. */
    public final ReadOnlyBooleanProperty settingsChangedProperty() {
        return settingsChanged.getReadOnlyProperty();
    }

    /**
     * {@code result} while it is the ended run the view shows (idle, not reset or replaced by a
     * new run's settings), else empty: what a verdict or an export of the shown run reads.
     */
    protected final <T> Optional<T> shownResult(T result) {
        return runState() == RunState.IDLE && showsLatestRun() && result != null ? Optional.of(result)
                : Optional.empty();
    }

    @Override
    public final boolean showsEndedRun() {
        return state.get() == RunState.IDLE && shownRun.get() != null;
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
