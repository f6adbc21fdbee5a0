package dev.interleave.ui.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.interleave.engine.race.LabJson;
import dev.interleave.engine.race.LaneView;
import dev.interleave.engine.race.StepEvent;
import dev.interleave.engine.race.StepProgram;
import dev.interleave.engine.race.StepperResult;
import dev.interleave.engine.race.StepperRunner;
import dev.interleave.engine.race.StepperSettings;
import dev.interleave.engine.race.StepperSnapshot;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Verdict;
import dev.interleave.ui.kit.IntInput;
import dev.interleave.ui.kit.ModelSupport;
import dev.interleave.ui.kit.RunViewModel;
import dev.interleave.ui.kit.SavedSettings;
import dev.interleave.ui.kit.Words;

/**
 * The slow-motion stepper's state: its settings, the shared count, every thread's lane (registers,
 * next step), the latest steps in words, the challenge and the verdict. Run plays the threads at
 * random (Auto-step), Pause stops that, Step lets a random thread take one step and
 * {@link #stepThread} the chosen one; from idle, a step starts the run paused first. Pulled from
 * the {@link StepperRunner} once per frame. FX thread only; holds no {@code Node}.
 */
public final class StepperViewModel extends RunViewModel<StepperSettings> {

    public static final IntInput THREADS = new IntInput(StepperSettings.MIN_THREADS, StepperSettings.MAX_THREADS, "");
    /** The challenge's range at most, for the most threads and increments; the settings' own is {@link #goalCapBinding}. */
    public static final IntInput GOAL = new IntInput(0,
            StepperSettings.maxGoal(StepperSettings.MAX_THREADS, StepperSettings.MAX_INCREMENTS), "");
    public static final IntInput INCREMENTS = new IntInput(1, StepperSettings.MAX_INCREMENTS, "");
    private static final IntInput PACE = new IntInput(StepperSettings.MIN_PACE_MILLIS, StepperSettings.MAX_PACE_MILLIS, "");
    /** Steps the log shows, newest first. */
    static final int LOG_LINES = 12;

    private final StepperRunner runner;

    private final ObjectProperty<StepProgram> program = new SimpleObjectProperty<>(this, "program",
            StepProgram.COUNT_PLUS_PLUS);
    private final IntegerProperty threads = new SimpleIntegerProperty(this, "threads", 2);
    private final IntegerProperty increments = new SimpleIntegerProperty(this, "increments", 3);
    private final IntegerProperty paceMillis = new SimpleIntegerProperty(this, "paceMillis", 700);
    /** The challenge: lose this many updates in the fewest steps; 0 for none. */
    private final IntegerProperty goal = new SimpleIntegerProperty(this, "goal", 1);
    /** The most the goal can be with these threads and increments ({@link StepperSettings#maxGoal}). */
    private final IntegerBinding goalCap = Bindings.createIntegerBinding(
            () -> StepperSettings.maxGoal(threads.get(), increments.get()), threads, increments);

    private final ReadOnlyLongWrapper count = new ReadOnlyLongWrapper(this, "count");
    private final ReadOnlyLongWrapper completed = new ReadOnlyLongWrapper(this, "completed");
    private final ReadOnlyLongWrapper expected = new ReadOnlyLongWrapper(this, "expected");
    private final ReadOnlyLongWrapper lost = new ReadOnlyLongWrapper(this, "lost");
    private final ReadOnlyLongWrapper steps = new ReadOnlyLongWrapper(this, "steps");
    private final ObservableList<LaneView> lanes = FXCollections.observableArrayList();
    private final ObservableList<LaneView> lanesReadOnly = FXCollections.unmodifiableObservableList(lanes);
    /** The latest steps, newest first. */
    private final ObservableList<StepEvent> log = FXCollections.observableArrayList();
    private final ObservableList<StepEvent> logReadOnly = FXCollections.unmodifiableObservableList(log);
    private final ReadOnlyStringWrapper lastStep = new ReadOnlyStringWrapper(this, "lastStep", "");
    /**
     * What the latest step did for the challenge, on its own line under the step's words: "✔ Challenge
     * met." at the step that met it (a success, where the step's words may tell a lost update in the
     * failure colours), how many steps the goal took, or that random steps do not count; "" at every
     * other step.
     */
    private final ReadOnlyStringWrapper stepGoal = new ReadOnlyStringWrapper(this, "stepGoal", "");
    private final ReadOnlyStringWrapper challenge = new ReadOnlyStringWrapper(this, "challenge", "");
    private final ReadOnlyBooleanWrapper challengeMet = new ReadOnlyBooleanWrapper(this, "challengeMet");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    /** Why the last step asked for was not taken; empty when it was. */
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");
    private final SavedSettings settingsStore;

    /** A view-model whose settings are not kept between starts. */
    public StepperViewModel(StepperRunner runner) {
        this(runner, null);
    }

    /** The shown run's verdict: a stopped run says stopped, not done; lost updates make it wrong. */
    @Override
    public Optional<Verdict> shownVerdict() {
        return shownResult(runner.snapshot().result()).map(result -> Verdict.of(result.outcome(), result.lost() == 0));
    }

    /**
     * "lost 1 update" when the shown run ended with its counter short, as Full speed's measurement
     * says "lost updates": the tab read "✘ wrong" beside "✔ Challenge met: lose 1 update in 6 steps",
     * where losing it was the point. A stopped run reads "stopped".
     */
    @Override
    public String endedAs() {
        return shownResult(runner.snapshot().result())
                .filter(result -> result.outcome() == Outcome.COMPLETED && result.lost() > 0)
                .map(result -> "lost " + Words.count(result.lost(), "update")).orElse("");
    }

    /**
     * "✓ challenge met" once the shown run met its challenge ({@link #met}), ended or stopped after
     * it: Stop after "✔ Challenge met" turned the tab to "■ stopped", and the success was gone. Not
     * after a failure, which the verdict's "✘ failed" says.
     */
    @Override
    public String endedBadge() {
        StepperSnapshot now = runner.snapshot();
        return shownResult(now.result()).filter(result -> result.outcome() != Outcome.FAILED)
                .filter(result -> met(now.settings(), now.goalReachedAt(), now.randomStepsAtGoal()))
                .map(result -> "✓ challenge met").orElse("");
    }

    /**
     * Whether a run with {@code settings} met its challenge: its goal reached ({@code reachedAt}) in the
     * fewest steps possible, none of them picked at random ({@code randomAtGoal}); as
     * {@link #challengeText} says it.
     */
    static boolean met(StepperSettings settings, long reachedAt, long randomAtGoal) {
        return settings.goalLost() > 0 && reachedAt > 0 && reachedAt == settings.par() && randomAtGoal == 0;
    }

    /** The shown run's figures as JSON (File, Export run's figures as JSON), once it has ended. */
    @Override
    public Optional<String> resultJson() {
        return shownResult(runner.snapshot().result()).map(LabJson::of);
    }

    /** Whether a step asked for has not been taken yet, read from the engine now. */
    @Override
    public boolean stepPending() {
        return runner.snapshot().stepsPending() > 0;
    }

    /** @param saved where the settings are kept between starts; null keeps them nowhere */
    public StepperViewModel(StepperRunner runner, Preferences saved) {
        super(runner, "stepper");
        this.runner = runner;
        ModelSupport.clamp(threads, THREADS.min(), THREADS.max());
        ModelSupport.clamp(increments, INCREMENTS.min(), INCREMENTS.max());
        ModelSupport.clamp(paceMillis, PACE.min(), PACE.max());
        ModelSupport.clamp(goal, 0, GOAL.max());
        // The goal goes up to what one stale read can lose, the other threads' increments, whose
        // fewest steps StepperSettings.par knows. Two stale reads can lose more (two threads of 3
        // increments can leave the count at 2): the guide asks it, so the slider's range does not tell it.
        goalCap.addListener((obs, old, now) -> {
            if (goal.get() > now.intValue()) {
                goal.set(now.intValue());
            }
        });
        goal.addListener((obs, old, now) -> {
            if (now.intValue() > goalCap.get()) {
                goal.set(goalCap.get());
            }
        });
        program.addListener((obs, old, now) -> {
            if (now == null) {
                program.set(old);
            }
        });
        paceMillis.addListener((obs, old, now) -> runner.setPace(now.intValue()));
        for (IntegerProperty each : List.of(threads, increments, goal)) {
            each.addListener((obs, old, now) -> showPlannedLanes());
        }
        program.addListener((obs, old, now) -> showPlannedLanes());
        // An ended run's challenge line follows the settings as the figures' note does: after a run on
        // 4 threads, Threads set to 3 and Increments to 1, it still said "the goal (lose 3 updates)
        // was reached in 17 steps ... (1 to 4, or click a thread)" over the hint's "Press 1 to 3"
        // and a Challenge field lowered to 2 (a learner's tryout).
        for (Observable each : List.of(threads, increments, goal, program)) {
            each.addListener(obs -> {
                if (showsLatestRun() && runner.snapshot().settings() != null) {
                    showChallenge(runner.snapshot());
                }
            });
        }
        settingsStore = new SavedSettings(saved);
        settingsStore.add(program, "program", StepProgram.class);
        settingsStore.add(threads, "threads");
        settingsStore.add(increments, "increments");
        settingsStore.add(goal, "goal");
        settingsStore.load();
        showPlannedLanes();
    }

    @Override
    public StepperSettings settings() {
        return new StepperSettings(threads.get(), program.get(), increments.get(), paceMillis.get(),
                Math.min(goal.get(), goalCap.get()));
    }

    @Override
    public void resetSettings() {
        restoreDefaults(settingsStore);
    }

    // ---- commands ----

    /**
     * Lets thread {@code index} (0 for T1) take its next step: from idle the run starts paused
     * first, and while Auto-step plays it pauses first. A finished thread takes none, and says so.
     */
    public void stepThread(int index) {
        refusal.set("");
        // Idle, a key starts a new run of the threads set now: the lanes are still the last run's (a
        // run of 2 ended, Threads set to 4: 3 was refused, "this run has 2 threads").
        boolean idle = runState() == RunState.IDLE;
        if (index >= (idle ? threads.get() : lanes.size())) {
            refusal.set(String.format(Locale.ROOT, "There is no T%d: %s has %s.", index + 1,
                    idle ? "the next run" : "this run", Words.count(idle ? threads.get() : lanes.size(), "thread")));
            return;
        }
        if (keepsEndedRun(Integer.toString(index + 1)) || !pauseForStep()) {
            return;
        }
        if (lanes.get(index).done()) {
            refusal.set(lanes.get(index).name() + " has done all its increments: pick another thread.");
            return;
        }
        try {
            runner.step(index);
        } catch (IllegalStateException | IllegalArgumentException raced) {
            refusal.set(raced.getMessage());
        }
    }

    /** Lets a thread picked at random take its next step (S): from idle, the run starts paused first. */
    public void stepRandom() {
        refusal.set("");
        if (!keepsEndedRun("S") && pauseForStep()) {
            try {
                runner.step();
            } catch (IllegalStateException raced) {
                refusal.set(raced.getMessage());
            }
        }
    }

    /**
     * Space (Run, played as Auto-step); pressed as the last step of an Auto-step was played (to take over), it
     * started a new run and wiped the steps the class had just watched: like a step key, it keeps
     * the ended run at its first press.
     */
    @Override
    public boolean spaceKeepsEndedRun() {
        refusal.set("");
        return keepsEndedRun("Space");
    }

    /**
     * Whether a step key, pressed once the shown run has ended, is answered with "press it again"
     * rather than a new run ({@link #asksAgain}), said in the view. The second press starts the new
     * run; so does Run, and so does the first press once a setting has changed, or after Stop: the
     * hint said "Stopped. Press 1 or 2 ... to start a new run", which the first press then refused
     * (a teacher's tryout). The hint says "press 1 or 2 twice" only while {@link #keysTwice} holds.
     */
    private boolean keepsEndedRun(String key) {
        if (!asksAgain()) {
            return false;
        }
        refusal.set(String.format(Locale.ROOT, "This run has ended, and its steps stay on screen: press %s again, or"
                + " Run, to start a new one.", key));
        return true;
    }

    /** Gets the runner paused: started paused from idle, paused from playing. Returns whether it is. */
    private boolean pauseForStep() {
        try {
            switch (runner.state()) {
                case IDLE -> startForStep();
                case RUNNING -> runner.pause();
                default -> {
                }
            }
        } catch (IllegalStateException raced) {
            // Ended or stopped meanwhile.
        }
        boolean paused = runner.state() == RunState.PAUSED;
        if (paused) {
            sample(0);
        }
        return paused;
    }

    @Override
    protected void started(StepperSettings settings) {
        log.clear();
        lastStep.set("");
        stepGoal.set("");
        verdict.set("");
        refusal.set("");
        expected.set(settings.expected());
    }

    @Override
    protected void clearFigures() {
        for (ReadOnlyLongWrapper figure : List.of(count, completed, lost, steps)) {
            figure.set(0);
        }
        log.clear();
        lastStep.set("");
        stepGoal.set("");
        verdict.set("");
        refusal.set("");
        showPlannedLanes();
    }

    /** Before any run (and after Reset): the lanes to come, each at its first step. */
    private void showPlannedLanes() {
        if (showsLatestRun()) {
            return;
        }
        StepperSettings planned = settings();
        List<LaneView> planned2 = new ArrayList<>();
        for (int i = 0; i < planned.threads(); i++) {
            planned2.add(new LaneView("T" + (i + 1), planned.program().steps().getFirst(), "", null, 0,
                    planned.increments(), 0, 0, false));
        }
        lanes.setAll(planned2);
        expected.set(planned.expected());
        challenge.set(challengeText(planned, 0, 0, 0, 0, 0));
        challengeMet.set(false);
    }

    // ---- sampling ----

    @Override
    public void sample(long nowNanos) {
        StepperSnapshot now = runner.snapshot();
        sampled(now.state());
        if (now.settings() == null || !showsLatestRun()) {
            return;
        }
        // A refusal ("T1 has done all its increments: pick another thread") answers the run as it
        // was: a step taken since (Space, S, another key) or the run's end leaves it nothing to say
        // (but "press it again", the answer to a key pressed after the end, stays).
        if (!refusal.get().isEmpty() && (now.steps() != steps.get() || now.result() != null && !newRunAsked())) {
            refusal.set("");
        }
        count.set(now.count());
        completed.set(now.completed());
        expected.set(now.settings().expected());
        lost.set(now.lost());
        steps.set(now.steps());
        if (!lanes.equals(now.lanes())) {
            lanes.setAll(now.lanes());
        }
        List<StepEvent> newestFirst = new ArrayList<>(now.events().reversed());
        if (newestFirst.size() > LOG_LINES) {
            newestFirst = newestFirst.subList(0, LOG_LINES);
        }
        if (!log.equals(newestFirst)) {
            log.setAll(newestFirst);
        }
        lastStep.set(now.events().isEmpty() ? "" : stepWords(now.events().getLast()));
        stepGoal.set(now.events().isEmpty() ? ""
                : goalHere(now.settings(), now.events().getLast().number(), now.goalReachedAt(), now.randomStepsAtGoal()));
        showChallenge(now);
        StepperResult result = now.result();
        verdict.set(result == null ? "" : verdictText(result));
    }

    /**
     * The challenge line for the run {@code now} shows; once it has ended and the settings have
     * changed since ({@link #settingsChanged}), the next run's challenge instead, as the figures
     * under it are marked the last run's: never one run's challenge beside another's settings.
     */
    private void showChallenge(StepperSnapshot now) {
        StepperSettings next = settings();
        if (now.state() == RunState.IDLE && !sameRun(now.settings(), next)) {
            challenge.set(nextChallengeText(next));
            challengeMet.set(false);
            return;
        }
        challenge.set(challengeText(now.settings(), now.goalReachedAt(), now.randomStepsAtGoal(), now.steps(),
                now.lost(), now.completed()));
        challengeMet.set(met(now.settings(), now.goalReachedAt(), now.randomStepsAtGoal()));
    }

    /**
     * The challenge of a run with {@code next}, said while the last run's figures stay on screen
     * with other settings: "The settings have changed: the next run's challenge is ...".
     */
    static String nextChallengeText(StepperSettings next) {
        String lead = "The settings have changed since the last run: ";
        if (next.goalLost() == 0) {
            return lead + "the next run has no challenge (Challenge is 0); set it to 1 or more to lose that many"
                    + " updates in the fewest steps.";
        }
        String goalWords = "lose " + Words.count(next.goalLost(), "update");
        if (!next.program().canLoseUpdates()) {
            return String.format(Locale.ROOT, "%sthe next run's challenge is to %s, and with %s it cannot be done: no"
                    + " interleaving loses an update. Try count++.", lead, goalWords, next.program());
        }
        return String.format(Locale.ROOT, "%sthe next run's challenge is to %s in the fewest steps (it can be done in"
                + " %d).", lead, goalWords, next.par());
    }

    /**
     * The challenge in a sentence: met only at the fewest steps possible ({@link StepperSettings#par}),
     * every one chosen by the learner (1 to 4, a click); a goal reached in more steps says so, and one
     * reached with any step picked at random (S, Auto-step) is named as such, and does not count. A
     * run that has lost more than the goal ({@code lost} so far, of {@code completed} increments) is
     * told so: a learner who took the count down to 2, the guide's question, was told only that the
     * goal of 3 was not reached in the fewest steps. Said only while the settings are the run's
     * ({@link #nextChallengeText} once they have changed).
     */
    static String challengeText(StepperSettings settings, long reachedAt, long randomAtGoal, long steps, long lost,
                                long completed) {
        if (settings.goalLost() == 0) {
            // Said, not hidden: the line vanished when Challenge was set to 0.
            return "No challenge (Challenge is 0): set it to 1 or more to lose that many updates in the fewest steps.";
        }
        String goalWords = "lose " + Words.count(settings.goalLost(), "update");
        if (!settings.program().canLoseUpdates()) {
            return String.format(Locale.ROOT, "Challenge: %s. With %s it cannot be done: no interleaving loses an"
                    + " update. Try count++.", goalWords, settings.program());
        }
        if (reachedAt > 0 && randomAtGoal > 0) {
            String picked = randomAtGoal == reachedAt ? "every one picked" : randomAtGoal == 1
                    ? "one of them picked" : randomAtGoal + " of them picked";
            return String.format(Locale.ROOT, "Challenge not met: the goal (%s) was reached in %d steps, but %s at"
                    + " random (S or Auto-step). Only steps you choose count: start again and pick every step (%s,"
                    + " or click a thread).", goalWords, reachedAt, picked, threadKeys(settings.threads()));
        }
        if (reachedAt > 0) {
            // Met only at the fewest steps: "✔ Challenge met ... in 9 steps. The fewest possible is 6"
            // was drawn in the success colours over a challenge that asks for the fewest.
            return (reachedAt == settings.par()
                    ? String.format(Locale.ROOT, "✔ Challenge met: %s in %d steps, the fewest possible.", goalWords, reachedAt)
                    // "you did lose 1 update in 17 steps" beside a count of 2 lost read as a contradiction:
                    // the steps are the goal's, and the run may lose more after it.
                    : String.format(Locale.ROOT, "Not the fewest yet: the goal (%s) was reached in %d steps, and it can"
                    + " be done in %d. Try again?", goalWords, reachedAt, settings.par()))
                    + moreThanTheGoal(settings, lost, completed);
        }
        return String.format(Locale.ROOT, "Challenge: %s in the fewest steps (it can be done in %d). Steps so far: %d.",
                goalWords, settings.par(), steps);
    }

    /**
     * What a run that lost more than its goal has shown, or "": past what one stale read can lose
     * ({@link StepperSettings#maxGoal}), more than one was at work, and at the most any interleaving
     * can lose ({@link StepperSettings#mostLost}) the count is as low as it goes. "Ended" only once
     * every increment is done ({@code completed}): with two increments each the most can be lost
     * before the last write, and a count that goes on rising had not ended anywhere; then "in all",
     * not "so far". Once the field is set, the line tells the next run's challenge instead
     * ({@link #nextChallengeText}).
     */
    static String moreThanTheGoal(StepperSettings settings, long lost, long completed) {
        if (lost <= settings.goalLost()) {
            return "";
        }
        boolean ended = completed == settings.expected();
        int most = StepperSettings.mostLost(settings.threads(), settings.increments());
        if (lost >= most) {
            return ended
                    ? String.format(Locale.ROOT, " This run lost %s in all, the most any interleaving can: the count"
                    + " ended at %d of %d, the guide's question answered.", Words.count(lost, "update"),
                    settings.expected() - lost, settings.expected())
                    : String.format(Locale.ROOT, " It has lost %s by now, the most any interleaving can: the count is"
                    + " %d after %d of %d increments.", Words.count(lost, "update"), completed - lost, completed,
                    settings.expected());
        }
        if (lost > StepperSettings.maxGoal(settings.threads(), settings.increments())) {
            return ended
                    ? String.format(Locale.ROOT, " It lost %s in all, more than one stale read can: a second one was"
                    + " at work.", Words.count(lost, "update"))
                    : String.format(Locale.ROOT, " It has lost %s by now, more than one stale read can: a second one"
                    + " is at work.", Words.count(lost, "update"));
        }
        String lostWords = ended ? String.format(Locale.ROOT, " It lost %s in all", Words.count(lost, "update"))
                : String.format(Locale.ROOT, " It has lost %s so far", Words.count(lost, "update"));
        return String.format(Locale.ROOT, "%s: to be scored on %d, set Challenge (lost) to %d%s.", lostWords, lost,
                lost, ended ? " and run again" : " for the next run");
    }

    /** A step in a sentence, for the banner: "Step 6: T2 wrote 1 over T1's 1: ...", naming a random pick. */
    static String stepWords(StepEvent step) {
        return "Step " + step.number() + (step.atRandom() ? " (picked at random): " : ": ") + step.words();
    }

    /**
     * What the step numbered {@code step} did for the challenge, on a line of its own under its words:
     * "" but at the step that reached the goal. The challenge line says it too, but it sits above the
     * count: a step scrolls the count, the lanes and the step's words into view, and at 150 % in
     * 1024x700 "✔ Challenge met" was out of sight above them at the very step that met it (a teacher's
     * tryout). Not in the step's words: they read in the failure colours when the step lost an update,
     * and "✔ Challenge met" stood in that red box.
     */
    static String goalHere(StepperSettings settings, long step, long reachedAt, long randomAtGoal) {
        if (settings.goalLost() == 0 || reachedAt == 0 || step != reachedAt) {
            return "";
        }
        if (randomAtGoal > 0) {
            return "Goal reached, but with steps picked at random: they do not count.";
        }
        return reachedAt == settings.par() ? "✔ Challenge met."
                : String.format(Locale.ROOT, "Goal reached in %d steps; the fewest is %d.", reachedAt, settings.par());
    }

    /**
     * What the keys do now, as the panel's hint and the status bar both say it: after an ended run,
     * "twice" when the first press keeps it on screen ({@link #keysTwice}).
     */
    public String keysHint() {
        if (!showsEndedRun()) {
            // Space by the tool bar button's word for the state: paused, it read "Space: Run" beside Resume.
            String space = switch (runState()) {
                case RUNNING -> "Pause";
                case PAUSED -> "Resume, played as Auto-step";
                case IDLE, STOPPING -> "Run, played as Auto-step";
            };
            return "Press " + threadKeys(lanes.isEmpty() ? threads.get() : lanes.size()) + ", or click a thread, to let"
                    + " it take its next step; S: a random thread; Space: " + space + ".";
        }
        // The lanes on screen are the ended run's: with Threads changed since, "Press 1 to 4" stood
        // over two lanes (a teacher's tryout). Say whose lanes they are, and what the keys start.
        String lanesNote = !lanes.isEmpty() && lanes.size() != threads.get()
                ? "These lanes are the last run's " + Words.count(lanes.size(), "thread") + "; a new run has "
                        + threads.get() + ". "
                : "";
        return lanesNote + (keysTwice()
                ? "Press " + threadKeys(threads.get()) + " twice, or click a thread twice, to start a new run step by"
                        + " step; S twice: a random thread; Space twice: Run, played as Auto-step."
                : "Press " + threadKeys(threads.get()) + ", or click a thread, to start a new run step by step; S: a"
                        + " random thread; Space: Run, played as Auto-step.");
    }

    /**
     * Beside an ended run's lanes and steps once the settings have changed: whose they are. The note
     * over the view said so, but out of sight over the lanes: incrementAndGet chosen, count++'s lanes
     * and "Step 6: T2 wrote 1 over T1's 1" stood unmarked under it (a lecturer's tryout, 150 % in
     * 1280x720). Empty otherwise.
     */
    public String lanesNote() {
        StepperSettings shown = shownRunProperty().get();
        if (shown == null || !showsEndedRun() || !settingsChangedProperty().get()) {
            return "";
        }
        // One line at 150 % in 1280x720: held under the lanes with the step's words, it covers their foot.
        return "Last run's lanes (" + shown.program().label() + ", " + Words.count(shown.threads(), "thread")
                + "): the settings have changed since.";
    }

    /** The keys that step the threads: "1 or 2" for two, "1 to 4" for four. */
    public static String threadKeys(int threads) {
        return threads == 2 ? "1 or 2" : "1 to " + threads;
    }

    static String verdictText(StepperResult result) {
        if (result.outcome() != Outcome.COMPLETED) {
            return result.outcome() == Outcome.STOPPED ? "Stopped after " + Words.count(result.steps(), "step") + "."
                    : "Failed: " + result.failure();
        }
        return result.lost() == 0
                ? String.format(Locale.ROOT, "✔ The count is %d: all %s counted.", result.count(),
                Words.count(result.completed(), "increment"))
                : String.format(Locale.ROOT, "✘ The count is %d after %s: %s lost.", result.count(),
                Words.count(result.completed(), "increment"), Words.count(result.lost(), "update"));
    }

    @Override
    protected String describe(StepperSettings run) {
        return String.format(Locale.ROOT, "%s, %s, %s each", run.program(), Words.count(run.threads(), "thread"),
                Words.count(run.increments(), "increment"));
    }

    /** Run plays a random thread's step at the window's Auto-step rate (the tool bar's), live. */
    @Override
    public void autoStepRate(int stepsPerSecond) {
        paceMillis.set(Math.clamp(Math.round(1_000f / stepsPerSecond), PACE.min(), PACE.max()));
    }

    /** Its Run is Auto-step: a random thread's step at the window's rate. */
    @Override
    public boolean runAutoSteps() {
        return true;
    }

    /** The pace applies live, so it is not what makes another run. */
    @Override
    protected boolean sameRun(StepperSettings shown, StepperSettings now) {
        return shown.threads() == now.threads() && shown.program() == now.program()
                && shown.increments() == now.increments() && shown.goalLost() == now.goalLost();
    }

    @Override
    public String statusSentence() {
        if (!refusal.get().isEmpty()) {
            return refusal.get();
        }
        return switch (runState()) {
            case IDLE -> String.format(Locale.ROOT, "Slow motion: %s on %s. %s", program.get(),
                    Words.count(threads.get(), "thread"), keysHint());
            case RUNNING -> "Auto-step: a random thread takes a step every " + paceMillis.get()
                    + " ms (the rate beside Auto-step on the tool bar). Space: Pause; " + threadKeys(lanes.size())
                    + " take a step yourself.";
            case PAUSED -> "Your turn: press " + threadKeys(lanes.size()) + " (or click a thread) for its next step; S for a"
                    + " random one; Space: Resume, played as Auto-step.";
            case STOPPING -> "Stopping the stepper's threads";
        };
    }

    // ---- properties ----

    public ObjectProperty<StepProgram> programProperty() {
        return program;
    }

    public IntegerProperty threadsProperty() {
        return threads;
    }

    public IntegerProperty incrementsProperty() {
        return increments;
    }

    public IntegerProperty paceMillisProperty() {
        return paceMillis;
    }

    public IntegerProperty goalProperty() {
        return goal;
    }

    /** The most the goal can be now: what one stale read can lose, (threads - 1) x increments. */
    public IntegerBinding goalCapBinding() {
        return goalCap;
    }

    public ReadOnlyLongProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty completedProperty() {
        return completed.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty expectedProperty() {
        return expected.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty lostProperty() {
        return lost.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    public ObservableList<LaneView> lanes() {
        return lanesReadOnly;
    }

    /** The latest steps, newest first. */
    public ObservableList<StepEvent> log() {
        return logReadOnly;
    }

    public ReadOnlyStringProperty lastStepProperty() {
        return lastStep.getReadOnlyProperty();
    }

    /** What the latest step did for the challenge ("✔ Challenge met."), or "". */
    public ReadOnlyStringProperty stepGoalProperty() {
        return stepGoal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty challengeProperty() {
        return challenge.getReadOnlyProperty();
    }

    /** Whether the shown run met its challenge: the goal reached in the fewest steps, every one chosen by the learner. */
    public ReadOnlyBooleanProperty challengeMetProperty() {
        return challengeMet.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }
}
