package dev.interleave.ui.kit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Verdict;

/**
 * What the shared tool bar drives: the view-model of the view on screen. Every method runs on the
 * FX thread and returns at once.
 */
public interface RunControls {

    /** Starts a run with the current settings; does nothing if one is in progress. */
    public void run();

    /** Pauses a running run, or resumes a paused one. */
    public void togglePause();

    /** Lets exactly one thread act; only while paused, where stepping applies. */
    public void step();

    /** Stops the run; every thread of it ends. */
    public void stop();

    /** Clears the figures and plots (stopping a run first). */
    public void reset();

    /** Pulls the engine's snapshot into the properties; called once per frame. */
    public void sample(long nowNanos);

    /** The run's state as of the last sample. */
    public RunState runState();

    /** Whether the view shows a run that has ended (its figures, until the next Run or Reset). */
    public boolean showsEndedRun();

    /**
     * How the run whose figures are shown ended, with its check ({@link Verdict#OK}: completed and
     * correct); empty while none is shown (before the first run ends, during a run, after Reset).
     */
    public default Optional<Verdict> shownVerdict() {
        return Optional.empty();
    }

    /**
     * The state of the tab's run in progress, for the one-run-at-a-time rule and what other tabs
     * say of it: {@link #runState()}, unless the tab holds a run its tool bar does not drive now
     * (the race lab's Slow motion, paused or playing, while Full speed is shown).
     */
    public default RunState tabRunState() {
        return runState();
    }

    /**
     * A word for what has gone wrong in a run that is still going and cannot recover by itself
     * ("deadlocked": its threads are alive but blocked for good), shown in the tab's badge instead
     * of "running" or "paused", so it reads from any tab; empty when there is none.
     */
    public default String alarm() {
        return "";
    }

    /**
     * A word for what a run still going shows going wrong now, though it may recover by itself (a
     * "livelock": busy, and hardly anyone gets anywhere), shown in the tab's badge instead of
     * "running"; empty when there is none. Unlike an {@link #alarm}, the run may end by itself.
     */
    public default String warning() {
        return "";
    }

    /**
     * How the shown run ended, in the scenario's own word where the kit's verdict would hide it (a
     * lab's run that "stalled" or was "violated", a table that "deadlocked", which the verdicts call
     * failed or stopped), for the tab's badge; empty: the verdict's word.
     */
    public default String endedAs() {
        return "";
    }

    /**
     * The tab's badge for the shown run once it has ended, glyph first, where neither the verdict's
     * word nor {@link #endedAs} says it right: a Slow motion challenge met and then stopped read
     * "■ stopped", and a measurement whose racy counters lost nothing "✓ done" (a teacher's tryout).
     * Empty: the verdict's word, or endedAs.
     */
    public default String endedBadge() {
        return "";
    }

    /**
     * The window's Auto-step rate (the tool bar's, 1 to 20 steps a second), given when the view-model
     * is made and whenever it changes: a view whose Run itself plays steps one at a time (the race
     * lab's Slow motion) plays them at this rate, so the window has one Auto-step speed.
     */
    public default void autoStepRate(int stepsPerSecond) {
    }

    /**
     * Whether its Run plays steps by itself, one at a time, at the Auto-step rate (the race lab's
     * Slow motion): running, it is Auto-step, and its tab says so.
     */
    public default boolean runAutoSteps() {
        return false;
    }

    /**
     * Whether Space, pressed while idle, keeps the ended run on screen rather than starting the next
     * (the view then says "press Space again"); false: Space starts the next run, as Run does.
     */
    public default boolean spaceKeepsEndedRun() {
        return false;
    }

    /**
     * Asks, for a Step pressed while idle, whether it keeps the ended run on screen this time rather
     * than starting the next: the words that say so and ask for Step again, or empty, and the Step
     * starts the next run. Not a plain question: an answer with words marks the ask, so the next
     * call (the second press) answers empty. One press more than the run's last step had wiped the
     * failure a class had just stepped into.
     */
    public default Optional<String> askStepAgain() {
        return Optional.empty();
    }

    /**
     * The run the tab's badge tells of: by default this view's own. A tab of two views (the race
     * lab's Slow motion and Full speed) names one, so that its badge does not change with the view
     * that happens to be open.
     */
    public default RunControls badgeRun() {
        return this;
    }

    /**
     * The view the run the badge tells of ({@link #badgeRun}) is in, named when it is not the view
     * open ("Full speed"), so the badge says which part it is about; empty when it is the view open.
     */
    public default String badgeRunIn() {
        return "";
    }

    /** Whether Step applies to this view at all. */
    public boolean supportsStep();

    /**
     * Whether a Step was granted and no thread has taken it yet (a worker can be in its delay
     * before the gate), read from the engine now. Auto-step waits for it rather than piling up steps.
     */
    public default boolean stepPending() {
        return false;
    }

    /**
     * Why no Step can do anything now, in a sentence (a deadlocked table: nobody can act), or empty
     * when a Step may. Auto-step stops on it rather than firing refused steps.
     */
    public default String whyNoStep() {
        return "";
    }

    /** What Step does in this view, for the Step button's tooltip. */
    public default String stepDescription() {
        return "Let exactly one producer or consumer (the one waiting longest at the gate) make one put or take; "
                + "from idle, this starts the run paused and takes its first step. (S)";
    }

    /** Whether the keys 1 to 9 (and {@link StepWorkerEvent}) let a chosen worker of this view take a step. */
    public default boolean stepsChosenWorkers() {
        return false;
    }

    /** Lets worker {@code index} (0 for the first) take its next step; from idle, the run starts paused first. */
    public default void stepWorker(int index) {
    }

    /** One sentence on what is happening now, for the status bar. */
    public String statusSentence();

    /** Ends any run and waits for its threads (the window is closing). */
    public void shutdown();

    /** Puts every setting of the view back to its default (and stores that); not during a run. */
    public default void resetSettings() {
    }

    /** The view's plots, for File, Export plotted series (CSV). */
    public default List<PlotData> plots() {
        return List.of();
    }

    /**
     * Why File, Export plotted series has nothing to write now (no point plotted in {@link #plots()}),
     * in a sentence for the status bar.
     */
    public default String noSeries() {
        return "Nothing to export as CSV: no series is plotted in this view yet; its plots fill in as a run goes.";
    }

    /**
     * The figures of the run whose figures are shown (it has ended), as the one JSON object the
     * command line's {@code --json} prints for the same run; empty before the first run ends,
     * during a run and after Reset.
     */
    public default Optional<String> resultJson() {
        return Optional.empty();
    }

    /** Whether the view has a recorded run to export as a trace (File, Export trace). */
    public default boolean canExportTrace() {
        return false;
    }

    /**
     * Why File, Export trace has nothing to write now ({@link #canExportTrace()} false), in a
     * sentence for the status bar: by default, that the view records no log of its runs.
     */
    public default String noTrace() {
        return "Nothing to export: this view records no log of its runs' events, so it has no trace (the views"
                + " with a timeline record theirs).";
    }

    /**
     * Writes the recorded run (going on, paused or ended) to {@code out} as a Chrome trace, and
     * closes it.
     *
     * @throws IllegalStateException if there is nothing to export ({@link #canExportTrace()} false)
     */
    public default void writeTrace(OutputStream out) throws IOException {
        throw new IllegalStateException("this view records no trace");
    }
}
