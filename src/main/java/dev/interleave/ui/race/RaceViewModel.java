package dev.interleave.ui.race;

import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Verdict;
import dev.interleave.ui.kit.PlotData;
import dev.interleave.ui.kit.RunControls;
import dev.interleave.ui.kit.RunViewModel;
import dev.interleave.ui.kit.SavedSettings;

/**
 * The race lab's tab as the tool bar sees it: two views, Slow motion (the stepper) and Full speed
 * (the measurements), each with its own view-model and runner. The tool bar drives the one on
 * screen, except that a full-speed measurement in progress owns it wherever the learner looks
 * (its state is the tab's, so no other tab's run starts under it and spoils its timings). Starting
 * a measurement stops the stepper's threads first. FX thread only; holds no {@code Node}.
 */
public final class RaceViewModel implements RunControls {

    /** Which of the lab's two views is on screen. */
    public enum Mode {
        SLOW_MOTION, FULL_SPEED
    }

    private final StepperViewModel stepper;
    private final LabViewModel lab;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.SLOW_MOTION);
    /** The view whose run started last (Slow motion's until either starts one); see {@link #badgeRun}. */
    private RunViewModel<?> latest;

    public RaceViewModel(StepperViewModel stepper, LabViewModel lab) {
        this(stepper, lab, null);
    }

    /**
     * As above, the view on screen kept in {@code saved} between starts (null: kept nowhere): a
     * teacher who left the lab in Full speed found it in Slow motion at the next start.
     */
    public RaceViewModel(StepperViewModel stepper, LabViewModel lab, Preferences saved) {
        this.stepper = stepper;
        this.lab = lab;
        this.latest = stepper;
        mode.addListener((obs, old, now) -> {
            if (now == null) {
                mode.set(old);
            }
        });
        for (RunViewModel<?> each : List.of(stepper, lab)) {
            each.runsStartedProperty().addListener((obs, old, now) -> latest = each);
        }
        SavedSettings kept = new SavedSettings(saved);
        kept.add(mode, "mode", Mode.class);
        kept.load();
    }

    /** The view-model the tool bar drives now: a measurement in progress, else the view on screen's. */
    private RunViewModel<?> current() {
        return lab.inProgress() || mode.get() == Mode.FULL_SPEED ? lab : stepper;
    }

    @Override
    public void run() {
        if (current() == lab && stepper.runState() != RunState.IDLE && !lab.inProgress()) {
            stepper.stop(); // its threads are parked; the measurement gets the cores to itself
        }
        current().run();
    }

    @Override
    public void togglePause() {
        current().togglePause();
    }

    /** Step: in Slow motion, a random thread takes its next step. */
    @Override
    public void step() {
        if (current() == stepper) {
            stepper.stepRandom();
        }
    }

    /** Whether a step asked for has not been taken yet (Auto-step waits for it). */
    @Override
    public boolean stepPending() {
        return current() == stepper && stepper.stepPending();
    }

    @Override
    public boolean stepsChosenWorkers() {
        return current() == stepper;
    }

    /** Keys 1 to 4, or a click on a thread's lane: that thread takes its next step (Slow motion). */
    @Override
    public void stepWorker(int index) {
        if (current() == stepper) {
            stepper.stepThread(index);
        }
    }

    @Override
    public String stepDescription() {
        return "Let one thread, picked at random, take its next step (keys 1 to 4 pick the thread); from idle, "
                + "this starts the slow-motion run paused. (S)";
    }

    @Override
    public void stop() {
        current().stop();
    }

    @Override
    public void reset() {
        current().reset();
    }

    @Override
    public void sample(long nowNanos) {
        stepper.sample(nowNanos);
        lab.sample(nowNanos);
    }

    @Override
    public RunState runState() {
        return current().runState();
    }

    /** The view shown's run, else Slow motion's: a stepped run left behind Full speed is still in progress. */
    @Override
    public RunState tabRunState() {
        RunState shown = runState();
        return shown == RunState.IDLE ? stepper.runState() : shown;
    }

    /**
     * The tab's badge tells of the lab's latest run, whichever view it was in and whichever view is
     * open: a run going on first (a measurement owns the tool bar, and a stepped run is paused
     * between steps), else the run started last while its view still shows it, else the other
     * view's. It followed the view open, and flipped between "✓ done" and "■ stopped" as a teacher
     * went from Full speed to Slow motion and back, with no run in between. The tool bar still
     * drives the view open.
     */
    @Override
    public RunControls badgeRun() {
        if (lab.inProgress()) {
            return lab;
        }
        if (stepper.runState() != RunState.IDLE) {
            return stepper;
        }
        RunViewModel<?> other = latest == lab ? stepper : lab;
        return latest.showsEndedRun() || !other.showsEndedRun() ? latest : other;
    }

    /**
     * "Full speed" or "Slow motion" while the badge tells of the view not open: "✓ done" from a
     * measurement stood over Slow motion's "No run's figures yet", and "✘ lost 8 updates" from a
     * stepped run over Full speed's (a learner's tryout).
     */
    @Override
    public String badgeRunIn() {
        RunControls told = badgeRun();
        return told == current() ? "" : told == lab ? "Full speed" : "Slow motion";
    }

    @Override
    public boolean showsEndedRun() {
        return current().showsEndedRun();
    }

    @Override
    public Optional<Verdict> shownVerdict() {
        return current().shownVerdict();
    }

    @Override
    public String endedAs() {
        return current().endedAs();
    }

    @Override
    public String endedBadge() {
        return current().endedBadge();
    }

    @Override
    public void autoStepRate(int stepsPerSecond) {
        stepper.autoStepRate(stepsPerSecond);
    }

    @Override
    public boolean supportsStep() {
        return current() == stepper;
    }

    @Override
    public boolean runAutoSteps() {
        return current().runAutoSteps();
    }

    @Override
    public boolean spaceKeepsEndedRun() {
        return current().spaceKeepsEndedRun();
    }

    @Override
    public String statusSentence() {
        String sentence = current().statusSentence();
        return current() == lab && mode.get() == Mode.SLOW_MOTION ? "Full speed (its own view): " + sentence : sentence;
    }

    @Override
    public void shutdown() {
        stepper.shutdown();
        lab.shutdown();
    }

    @Override
    public void resetSettings() {
        current().resetSettings();
    }

    @Override
    public List<PlotData> plots() {
        return current().plots();
    }

    @Override
    public String noSeries() {
        return "Nothing to export as CSV: the race lab plots no series over time (its measurements draw bars:"
                + " File, Export run's figures as JSON has them).";
    }

    @Override
    public Optional<String> resultJson() {
        return current().resultJson();
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StepperViewModel stepper() {
        return stepper;
    }

    public LabViewModel lab() {
        return lab;
    }
}
