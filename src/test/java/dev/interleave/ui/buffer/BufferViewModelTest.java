package dev.interleave.ui.buffer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;

import dev.interleave.engine.buffer.BufferEvent;
import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.Bug;
import dev.interleave.engine.buffer.BufferNarration;
import dev.interleave.engine.buffer.BufferSettings;
import dev.interleave.engine.buffer.WakePolicy;
import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.ThreadKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.interleave.engine.buffer.BufferResult;
import dev.interleave.engine.buffer.BufferReplay;
import dev.interleave.engine.buffer.BufferRunSnapshot;
import dev.interleave.engine.buffer.BufferRunner;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Stopwatch;
import dev.interleave.ui.kit.Rewind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Bounded Buffer view-model, without a toolkit. */
@Timeout(60)
class BufferViewModelTest {

    @Test
    void settingsCannotBeInvalid() {
        BufferViewModel model = new BufferViewModel(new BufferRunner());
        model.capacityProperty().set(0);
        assertEquals(1, model.capacityProperty().get());
        model.capacityProperty().set(BufferSettings.MAX_CAPACITY + 1);
        assertEquals(BufferSettings.MAX_CAPACITY, model.capacityProperty().get());
        model.capacityProperty().set(100);
        assertEquals(100, model.capacityProperty().get(), "past the slider, within the command line's range");
        assertEquals(100, model.slots().size(), "the slots follow the size while idle");
        model.producersProperty().set(100);
        assertEquals(100, model.producersProperty().get(), "past the slider, within the command line's range");
        model.producersProperty().set(201);
        assertEquals(BufferSettings.MAX_WORKERS, model.producersProperty().get());
        model.produceMinMillisProperty().set(900);
        assertTrue(model.produceMaxMillisProperty().get() >= 900, "min never passes max");
        model.consumeMaxMillisProperty().set(5);
        assertTrue(model.consumeMinMillisProperty().get() <= 5, "max never passes min");
        model.settings(); // valid
    }

    /** Run, pause, one step: the step text names the action, and exactly one action happened. */
    @Test
    void oneStepIsOneAction() throws Exception {
        BufferRunner runner = new BufferRunner();
        BufferViewModel model = new BufferViewModel(runner);
        model.produceMinMillisProperty().set(0);
        model.produceMaxMillisProperty().set(5);
        model.consumeMinMillisProperty().set(0);
        model.consumeMaxMillisProperty().set(5);
        model.run();
        Thread.sleep(300);
        model.togglePause();
        assertEquals(RunState.PAUSED, model.stateProperty().get());
        long actions = settle(model);
        model.step();
        long after = settle(model);
        assertEquals(actions + 1, after);
        assertTrue(model.stepTextProperty().get().startsWith("Step 1: "), model.stepTextProperty().get());
        model.stop();
        while (model.stateProperty().get() != RunState.IDLE) {
            Thread.sleep(10);
            model.sample(System.nanoTime());
        }
    }

    /**
     * A step's text tells that step only: after a Step, Resume and Pause, what the free run did is
     * no step's doing (the text told every action since the step, a paragraph that grew until the
     * view went blank); the next Step is told alone again.
     */
    @Test
    void aStepsTextEndsWhenTheRunRunsFreely() throws Exception {
        BufferRunner runner = new BufferRunner();
        BufferViewModel model = new BufferViewModel(runner);
        model.produceMinMillisProperty().set(0);
        model.produceMaxMillisProperty().set(1);
        model.consumeMinMillisProperty().set(0);
        model.consumeMaxMillisProperty().set(1);
        model.step(); // from idle: starts paused, one step
        settle(model);
        assertTrue(model.stepTextProperty().get().startsWith("Step 1: "), model.stepTextProperty().get());
        model.togglePause(); // Resume
        sampleUntil(model, () -> model.consumedProperty().get() > 50);
        model.togglePause(); // Pause
        settle(model);
        assertEquals("", model.stepTextProperty().get(), "no step since the run ran");
        model.step();
        settle(model);
        String step = model.stepTextProperty().get();
        assertTrue(step.startsWith("Step 2: ") && step.split("; then ").length < 8, step);
        model.stop();
        sampleUntil(model, () -> model.stateProperty().get() == RunState.IDLE);
    }

    /**
     * A run only stepped has empty plots, not even a point at 0 s (they draw seconds run, and a step
     * acts while the run is paused), and a note says why; once the run has run, its plots have points and the note is gone.
     */
    @Test
    void aSteppedRunSaysWhyItsPlotsAreEmpty() throws Exception {
        BufferRunner runner = new BufferRunner();
        BufferViewModel model = fastModel(runner);
        assertEquals("", model.plotsNoteProperty().get(), "before any run");
        for (int i = 0; i < 5; i++) {
            model.step();
            settle(model);
        }
        // No point at all: one at 0 s drew a dot under "nothing to plot yet" (an expert's audit).
        assertEquals(List.of(), List.copyOf(model.occupancySeries().getData()), "five steps plot nothing");
        assertTrue(model.plotsNoteProperty().get().startsWith("The plots count only the time the run runs, and a step acts while the run is paused"),
                model.plotsNoteProperty().get());
        assertTrue(model.onlySteppedProperty().get(), "no rate: the steps' items, " + model.consumedProperty().get()
                + " consumed, took no run time");
        model.togglePause(); // Resume
        sampleUntil(model, () -> !model.occupancySeries().getData().isEmpty()
                && model.occupancySeries().getData().getLast().getXValue().doubleValue() > 0.2);
        assertEquals("", model.plotsNoteProperty().get(), "the plots draw the run's time");
        model.stop();
        sampleUntil(model, () -> model.stateProperty().get() == RunState.IDLE);
    }

    /**
     * A run paused for most of what its timeline spans gets a word pointing to the timeline's evenly
     * spaced mode; a run paused briefly, or for less than half its span, none.
     */
    @Test
    void theTimelineNoteComesWhenARunWasMostlyPaused() {
        assertEquals("This run was paused for 84 of the 136 s the timeline spans (the grey bars under its lanes), and"
                + " the running is squeezed between the pauses. Tick Evenly spaced (one step per event), or zoom in"
                + " (Ctrl+wheel).", BufferViewModel.timelineNote(136_000_000_000L, 52_000_000_000L));
        assertEquals("", BufferViewModel.timelineNote(136_000_000_000L, 70_000_000_000L), "paused for less than half");
        assertEquals("", BufferViewModel.timelineNote(4_000_000_000L, 0), "paused for under 5 s");
        // The span reaches the end of a pause with no event in it, or now for one that goes on: 10 s of
        // events, then 43 s paused, was a span of 10 s and no word (a learner's tryout).
        long s = 1_000_000_000L;
        assertEquals(53 * s, BufferViewModel.spanEnd(10 * s, List.of(new Stopwatch.Pause(10 * s, 53 * s)), 60 * s));
        assertEquals(60 * s, BufferViewModel.spanEnd(10 * s, List.of(new Stopwatch.Pause(4 * s, 5 * s),
                new Stopwatch.Pause(10 * s, Stopwatch.Pause.GOES_ON)), 60 * s));
        assertEquals(10 * s, BufferViewModel.spanEnd(10 * s, List.of(new Stopwatch.Pause(4 * s, 5 * s)), 60 * s));
    }

    /**
     * A stopped run whose producers held numbered items says why the numbers run past the items put
     * ("Stopped after 207 items consumed" beside "C1 took #208": where did #207 go?); with none in
     * hand, nothing.
     */
    @Test
    void aStoppedRunSaysWhyItsNumbersSkip() {
        assertEquals("Items are numbered as a producer begins one: 2 numbered items were still in producers' hands at"
                + " Stop, never put, so the numbers go up to #209 while 207 were put.", BufferViewModel.inHandAtStop(209, 207));
        assertEquals("Items are numbered as a producer begins one: 1 numbered item was still in a producer's hand at"
                + " Stop, never put, so the numbers go up to #2 while 1 was put.", BufferViewModel.inHandAtStop(2, 1));
        assertEquals("", BufferViewModel.inHandAtStop(207, 207));
    }

    /** Ended, a run only stepped cannot be resumed, and abq's has no timeline: the note says neither. */
    @Test
    void thePlotsNoteFollowsTheRunsState() {
        assertEquals("The plots count only the time the run runs, and a step acts while the run is paused: nothing"
                + " to plot yet. The timeline above has every step; Resume to see the run against time.",
                BufferViewModel.plotsNote(RunState.PAUSED, true));
        assertEquals("The plots count only the time the run ran, and a step acts while the run is paused: nothing"
                + " to plot. The timeline above has every step.", BufferViewModel.plotsNote(RunState.IDLE, true));
        assertEquals("The plots count only the time the run runs, and a step acts while the run is paused: nothing"
                + " to plot yet. Resume to see the run against time.", BufferViewModel.plotsNote(RunState.PAUSED, false));
    }

    /**
     * Rewinding rebuilds the whole view from the log: after each of several steps (one of them by a
     * chip chosen at the gate, not the longest-waiting) the view's figures are kept; moved back to
     * each step's position, the view shows exactly those figures again, and End returns to now.
     */
    @Test
    void rewindShowsTheWholeViewAsItWasAfterEachStep() throws Exception {
        BufferRunner runner = new BufferRunner();
        BufferViewModel model = fastModel(runner);
        model.run();
        Thread.sleep(300);
        model.togglePause();
        settle(model);
        List<Long> positions = new ArrayList<>();
        List<List<Object>> views = new ArrayList<>();
        for (int step = 1; step <= 8; step++) {
            if (step == 4) {
                String last = model.atGate().getLast();
                model.stepWorker(last);
                settle(model);
                assertEquals(last, runner.snapshot().gate().lastStepped(), "the chosen worker took the step");
            } else {
                model.step();
                settle(model);
            }
            positions.add(model.rewind().endProperty().get());
            views.add(figures(model));
        }
        for (int i = 0; i < positions.size(); i++) {
            model.rewind().moveTo(positions.get(i));
            model.sample(System.nanoTime());
            assertEquals(views.get(i), figures(model), "rewound to event " + positions.get(i));
            assertTrue(model.stepTextProperty().get().startsWith("Rewound to just after event "),
                    model.stepTextProperty().get());
        }
        model.rewind().moveTo(0);
        model.sample(System.nanoTime());
        assertTrue(model.slots().stream().allMatch(item -> item == 0), "at event 0 the buffer is empty");
        model.rewind().toPresent();
        model.sample(System.nanoTime());
        assertEquals(views.getLast(), figures(model), "back to now");
        assertTrue(model.stepTextProperty().get().startsWith("Step 8: "), "back to now, the last step's words: "
                + model.stepTextProperty().get());
        assertEquals(model.rewind().endProperty().get(), model.rewind().lines().size(), "a line per event");
        model.stop();
        sampleUntil(model, () -> model.stateProperty().get() == RunState.IDLE);

        // After the run: Home, then End, back to its end; the narration is no longer the past's.
        model.rewind().moveTo(0);
        model.sample(System.nanoTime());
        assertTrue(model.stepTextProperty().get().startsWith("Rewound to the run's start"), model.stepTextProperty().get());
        model.rewind().toPresent();
        model.sample(System.nanoTime());
        assertFalse(model.stepTextProperty().get().startsWith("Rewound"), "at the run's end: "
                + model.stepTextProperty().get());
    }

    /**
     * Rewound, the plots mark the moment shown, on their axis of seconds run with pauses left out:
     * the first event after a half-second pause falls where the pause began, the newest where the
     * plots end, the run's start at 0; at present there is no mark.
     */
    @Test
    void rewoundThePlotsMarkTheMomentShownWithPausesLeftOut() throws Exception {
        BufferRunner runner = new BufferRunner();
        BufferViewModel model = fastModel(runner);
        model.run();
        sampleFor(model, 600);
        model.togglePause();
        sampleFor(model, 500);
        double pausedAt = runner.snapshot().elapsedNanos() / 1e9;
        model.togglePause();
        long resumed = System.nanoTime();
        sampleFor(model, 400);
        model.togglePause();
        settle(model);
        assertTrue(Double.isNaN(model.rewoundSecondsProperty().get()), "at present: no mark");
        Rewind<BufferReplay> rewind = model.rewind();
        rewind.moveTo(rewind.history().firstAtOrAfter(resumed) + 1);
        model.sample(System.nanoTime());
        assertEquals(pausedAt, model.rewoundSecondsProperty().get(), 0.12,
                "the first event after the pause, where the pause began (not half a second later)");
        rewind.moveTo(rewind.endProperty().get());
        model.sample(System.nanoTime());
        var points = model.occupancySeries().getData();
        assertEquals(points.getLast().getXValue().doubleValue(), model.rewoundSecondsProperty().get(), 0.12,
                "the newest event, where the plots end");
        rewind.moveTo(0);
        model.sample(System.nanoTime());
        assertEquals(0.0, model.rewoundSecondsProperty().get(), "the run's start");
        rewind.toPresent();
        model.sample(System.nanoTime());
        assertTrue(Double.isNaN(model.rewoundSecondsProperty().get()), "back to now: no mark");
        model.stop();
        sampleUntil(model, () -> model.stateProperty().get() == RunState.IDLE);
    }

    /** A step taken while the view is rewound brings it back to now, where the step is told. */
    @Test
    void aStepWhileRewoundReturnsToNow() throws Exception {
        BufferRunner runner = new BufferRunner();
        BufferViewModel model = fastModel(runner);
        model.run();
        Thread.sleep(300);
        model.togglePause();
        settle(model);
        model.step();
        settle(model);
        model.rewind().moveTo(0);
        model.sample(System.nanoTime());
        assertTrue(model.rewind().rewoundBinding().get());
        // The status says the view is the past's (it read "Paused: 0 workers parked at the gate").
        assertEquals("Paused, rewound to the run's start: the view shows the past; Now or End returns to now, and S steps"
                + " the run from now", model.statusSentence());
        long end = model.rewind().endProperty().get();
        model.rewind().moveTo(end - 1);
        model.sample(System.nanoTime());
        assertEquals(String.format("Paused, rewound to just after event %,d (of %,d recorded): the view shows the past;"
                + " Now or End returns to now, and S steps the run from now", end - 2, end), model.statusSentence());
        model.step();
        settle(model);
        assertEquals(Rewind.PRESENT, model.rewind().positionProperty().get(), "back to now");
        assertTrue(model.stepTextProperty().get().startsWith("Back to now. Step 2: "), model.stepTextProperty().get());
        model.stop();
        sampleUntil(model, () -> model.stateProperty().get() == RunState.IDLE);
    }

    /**
     * Choosing a thread that is not at the gate (a rewound view's chip shows the past) does nothing:
     * the step was saved for that thread, and nobody else could pass until it came to the gate.
     */
    @Test
    void choosingAThreadNotAtTheGateLeavesStepsToTheOthers() throws Exception {
        BufferRunner runner = new BufferRunner();
        BufferViewModel model = fastModel(runner);
        String away = pausedWithOneAwayFromTheGate(runner, model);
        long taken = runner.snapshot().gate().stepsTaken();
        model.stepWorker(away);
        model.step();
        settle(model);
        assertEquals(taken + 1, runner.snapshot().gate().stepsTaken(),
                away + " chose nothing; the step went to the gate's first");
        model.stop();
        sampleUntil(model, () -> model.stateProperty().get() == RunState.IDLE);
    }

    /**
     * Runs 3 producers and a consumer over 1 slot, pauses, and steps until a worker is not at the
     * gate (a producer that found the slot full waits in notFull); returns its name.
     */
    private static String pausedWithOneAwayFromTheGate(BufferRunner runner, BufferViewModel model) throws Exception {
        model.capacityProperty().set(1);
        model.producersProperty().set(3);
        model.consumersProperty().set(1);
        model.run();
        sampleUntil(model, () -> model.consumedProperty().get() >= 20);
        model.togglePause();
        settle(model);
        for (int steps = 0; runner.snapshot().gate().waiting().size() == model.workers().size() && steps < 20; steps++) {
            model.step();
            settle(model);
        }
        List<String> atGate = runner.snapshot().gate().waiting();
        return model.workers().stream().map(worker -> worker.name())
                .filter(name -> !atGate.contains(name)).findFirst().orElseThrow();
    }

    /**
     * A chip at the gate of a rewound view shows the past: clicking one whose thread is not at the
     * gate now brings the view back to now and says why nothing stepped (it did nothing, silently,
     * in a teacher's tryout); one whose thread is at the gate now steps it, as S does, and the view
     * comes back to now to show the step.
     */
    @Test
    void aRewoundGateChipStepsItsThreadOrSaysWhyNot() throws Exception {
        BufferRunner runner = new BufferRunner();
        BufferViewModel model = fastModel(runner);
        String away = pausedWithOneAwayFromTheGate(runner, model);
        long taken = runner.snapshot().gate().stepsTaken();

        model.rewind().moveTo(1);
        model.sample(System.nanoTime());
        assertTrue(model.rewind().rewoundBinding().get());
        model.stepWorker(away);
        model.sample(System.nanoTime());
        assertFalse(model.rewind().rewoundBinding().get(), "back to now");
        assertEquals(taken, runner.snapshot().gate().stepsTaken(), "nobody stepped");
        assertTrue(model.stepTextProperty().get().startsWith(away + " was at the gate at the moment shown, not now"),
                model.stepTextProperty().get());
        model.sample(System.nanoTime());
        assertTrue(model.stepTextProperty().get().startsWith(away + " was at"), "kept: " + model.stepTextProperty().get());

        model.rewind().moveTo(1);
        model.sample(System.nanoTime());
        assertTrue(model.stepTextProperty().get().startsWith("Rewound to"), "rewound again, the past's words: "
                + model.stepTextProperty().get());
        String there = runner.snapshot().gate().waiting().getLast();
        model.stepWorker(there);
        settle(model);
        assertEquals(taken + 1, runner.snapshot().gate().stepsTaken(), there + " stepped");
        assertFalse(model.rewind().rewoundBinding().get(), "the view shows the step, now");
        assertTrue(model.stepTextProperty().get().startsWith("Back to now. Step "), model.stepTextProperty().get());

        // Ended, a rewound view keeps its moment, and its gate chips say the run has ended.
        model.rewind().moveTo(1);
        model.sample(System.nanoTime());
        model.stop();
        sampleUntil(model, () -> model.stateProperty().get() == RunState.IDLE);
        model.rewind().moveTo(1);
        model.sample(System.nanoTime());
        model.stepWorker(there);
        model.sample(System.nanoTime());
        assertTrue(model.rewind().rewoundBinding().get(), "the ended run's view keeps its moment");
        assertTrue(model.stepTextProperty().get().startsWith(there + " was at the gate at the moment shown, and the"
                + " run has ended since"), model.stepTextProperty().get());
        model.rewind().moveBy(1);
        model.sample(System.nanoTime());
        assertTrue(model.stepTextProperty().get().startsWith("Rewound to"), "moved on, the past's words: "
                + model.stepTextProperty().get());
    }

    /** The monitor's Apply names no wake-up policy: the monitor has none (it read "signal"). */
    @Test
    void theMonitorsApplyNamesNoPolicy() {
        BufferViewModel model = new BufferViewModel(new BufferRunner());
        model.implProperty().set(BufferImpl.MONITOR);
        model.applyGuide();
        String applied = model.guideAppliedProperty().get();
        assertTrue(applied.startsWith("Set: 3 producers, 3 consumers, 1 slot, spurious 0 %"), applied);
    }

    /** The guide's Apply says what it set, until a setting changes: then it no longer says what is set. */
    @Test
    void applySaysWhatItSetUntilASettingChanges() {
        BufferViewModel model = new BufferViewModel(new BufferRunner());
        model.bugProperty().set(Bug.ONE_CONDITION);
        assertEquals("", model.guideAppliedProperty().get());
        model.applyGuide();
        LabGuide.Setup setup = model.guideProperty().get().setup();
        assertEquals("Set: " + setup.words(BufferImpl.LOCK) + ". Press Run (Space).", model.guideAppliedProperty().get());
        assertTrue(setup.words(BufferImpl.LOCK).contains(", signal, "), setup.words(BufferImpl.LOCK));
        assertTrue(setup.words(BufferImpl.LOCK).endsWith(", spurious 0 %, no delays"), setup.words(BufferImpl.LOCK));
        assertEquals(setup.producers(), model.producersProperty().get());
        model.producersProperty().set(setup.producers() + 1);
        assertEquals("", model.guideAppliedProperty().get(), "a setting changed since");
    }

    /** Up to seven actions told whole (never "1 more actions"); past them the first five, how many more, the last. */
    @Test
    void aLongStepNamesItsFirstActionsItsLastAndHowManyBetween() {
        List<String> seven = List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7");
        assertEquals(String.join("; then ", seven), BufferViewModel.inTurn(seven));
        List<String> eight = new ArrayList<>(seven);
        eight.add("a8");
        assertEquals("a1; then a2; then a3; then a4; then a5; then 2 more actions (each in the event log); then a8",
                BufferViewModel.inTurn(eight));
    }

    /** A step whose signal let a woken thread finish its put says why two threads acted in one step. */
    @Test
    void aStepSaysWhyTheThreadItWokeWentOn() {
        var took = new BufferNarration.Action(7, "C2", "C2 took #159 from slot 7, signalled notFull and woke P3");
        var put = new BufferNarration.Action(9, "P3", "P3 put #169 into slot 7");
        assertEquals("   (P3 passed the gate before it waited, so it goes on without a step)",
                BufferViewModel.wokenWentOn(List.of(took, put), "C2"));
        assertEquals("", BufferViewModel.wokenWentOn(List.of(took), "C2"), "one thread acted");
        assertEquals("", BufferViewModel.wokenWentOn(List.of(), "C2"), "nothing told");
    }

    /**
     * A waiter that wakes spuriously and waits again does so in the step's words: the step read
     * "C1 found the buffer empty and waits on notEmpty; then C1 found the buffer empty and waits on
     * notEmpty", the wake-up between them left out. And a step is one wake-up long: at 100 % the
     * waiter woke and waited again for ever while paused, and the step ran to hundreds of actions
     * (an expert's audit); its wait again is not ended spuriously while the run is held.
     */
    @Test
    void aStepTellsASpuriousWakeUp() throws Exception {
        BufferRunner runner = new BufferRunner();
        BufferViewModel model = new BufferViewModel(runner);
        model.producersProperty().set(1);
        model.consumersProperty().set(1);
        model.produceMinMillisProperty().set(300); // the producer is still making its item: the step is C1's
        model.produceMaxMillisProperty().set(300);
        model.spuriousPercentProperty().set(100); // every first wait ends without a signal
        try {
            model.step();
            String waits = "C1 found the buffer empty and waits on notEmpty";
            String wakes = "C1 woke up spuriously (no signal: injected by the lab) and waits for the lock, to check again";
            // A wait after the wake-up says it is one again, the futile wake-up the figures count.
            String again = "C1 found the buffer still empty and waits on notEmpty again (a futile wake-up: it was spurious)";
            String whole = "Step 1: " + String.join("; then ", waits, wakes, again);
            sampleUntil(model, () -> model.stepTextProperty().get().startsWith(whole));
            sampleFor(model, 300);
            assertEquals(whole, model.stepTextProperty().get(), "the step, and nothing after it while paused");
        } finally {
            model.stop();
        }
        sampleUntil(model, () -> model.stateProperty().get() == RunState.IDLE);
    }

    /** Samples frame by frame for {@code millis}. */
    private static void sampleFor(BufferViewModel model, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            model.sample(System.nanoTime());
            Thread.sleep(16);
        }
    }

    /** Everything the view shows of the buffer, for comparing two moments. */
    private static List<Object> figures(BufferViewModel model) {
        return List.of(List.copyOf(model.slots()), model.putIndexProperty().get(), model.takeIndexProperty().get(),
                model.countProperty().get(), List.copyOf(model.workers()), List.copyOf(model.notFullWaiters()),
                List.copyOf(model.notEmptyWaiters()), List.copyOf(model.atGate()), model.producedProperty().get(),
                model.consumedProperty().get(), model.waitsOnFullProperty().get(), model.waitsOnEmptyProperty().get(),
                model.actionsProperty().get());
    }

    /** Reset after a run clears every figure: slots, chips, wait sets, counters, texts, plots, the note. */
    @Test
    void resetClearsEveryFigure() throws Exception {
        BufferRunner runner = new BufferRunner();
        BufferViewModel model = fastModel(runner);
        model.run();
        sampleUntil(model, () -> model.consumedProperty().get() > 10 && model.occupancySeries().getData().size() > 2);
        assertTrue(model.figuresNoteProperty().get().startsWith("This run's figures (8 slots"),
                "a running run is named too: " + model.figuresNoteProperty().get());
        model.stop();
        sampleUntil(model, () -> model.stateProperty().get() == RunState.IDLE);
        assertTrue(model.figuresNoteProperty().get().startsWith("Last run's figures (8 slots"),
                model.figuresNoteProperty().get());
        // File, Export figures: a run until Stop has no number of items, no sum to reach, and no
        // verdict ("items":0, "expectedSum":0, "ok":false read as a failed run, a tryout).
        String json = model.resultJson().orElseThrow();
        for (String field : List.of("\"items\":null", "\"expectedSum\":null", "\"ok\":null", "\"duplicates\":null",
                "\"outcome\":\"stopped\"")) {
            assertTrue(json.contains(field), field + " in " + json);
        }
        BufferResult result = runner.snapshot().result();
        assertTrue(result.itemsPerSecond() > 0);
        assertEquals(Math.round(result.itemsPerSecond()), model.runItemsPerSecondProperty().get(),
                "the ended run's items per second, as the command line prints it");

        model.reset();
        assertEquals(8, model.slots().size());
        assertTrue(model.slots().stream().allMatch(item -> item == 0), "every slot empty: " + model.slots());
        assertEquals(0, model.countProperty().get());
        assertTrue(model.workers().isEmpty());
        assertTrue(model.notFullWaiters().isEmpty());
        assertTrue(model.notEmptyWaiters().isEmpty());
        assertTrue(model.atGate().isEmpty());
        for (var figure : List.of(model.producedProperty(), model.consumedProperty(), model.runItemsPerSecondProperty(),
                model.waitsOnFullProperty(), model.waitsOnEmptyProperty(), model.actionsProperty())) {
            assertEquals(0, figure.get(), figure.getName());
        }
        assertEquals("", model.lastActionProperty().get());
        assertEquals("", model.stepTextProperty().get());
        assertEquals("", model.figuresNoteProperty().get());
        assertTrue(model.occupancySeries().getData().isEmpty());
        assertTrue(model.itemsPerSecondSeries().getData().isEmpty());
        model.sample(System.nanoTime());
        assertEquals(0, model.consumedProperty().get(), "the stopped run's figures never come back");
    }

    /** A new buffer size does not redraw the last run's slots as another buffer: they stay, marked, until Reset. */
    @Test
    void theLastRunsSlotsStayUntilRunOrReset() throws Exception {
        BufferRunner runner = new BufferRunner();
        BufferViewModel model = fastModel(runner);
        model.run();
        sampleUntil(model, () -> model.consumedProperty().get() > 10);
        model.stop();
        sampleUntil(model, () -> model.stateProperty().get() == RunState.IDLE);
        long consumed = model.consumedProperty().get();

        model.capacityProperty().set(16);
        model.sample(System.nanoTime());
        assertEquals(8, model.slots().size(), "the run's 8 slots, not 16");
        assertEquals(8, model.plotCapacityProperty().get(), "the occupancy axis is the run's");
        assertEquals(consumed, model.consumedProperty().get());
        assertTrue(model.figuresNoteProperty().get().startsWith("Last run's figures (8 slots, 3 producers, 3 consumers"),
                model.figuresNoteProperty().get());
        assertTrue(model.settingsChangedProperty().get());

        model.reset();
        assertEquals(16, model.slots().size());
        assertEquals(16, model.plotCapacityProperty().get());
    }

    /**
     * A run too fast to follow (zero delays: thousands of actions between two frames) shows its
     * buffer, chips and counters ten times a second, not at every frame, and at once when it is
     * paused. The frames' times are given, not waited for.
     */
    @Test
    void aRunTooFastToFollowIsShownTenTimesASecondAndAtOnceWhenPaused() throws Exception {
        BufferRunner runner = new BufferRunner();
        BufferViewModel model = fastModel(runner);
        model.produceMaxMillisProperty().set(0);
        model.consumeMaxMillisProperty().set(0);
        model.run();
        try {
            long frame = System.nanoTime();
            model.sample(frame);
            Thread.sleep(50);
            model.sample(frame += BufferViewModel.FAST_RUN_SHOW_NANOS);
            long shown = model.actionsProperty().get();
            assertTrue(shown > 0, "shown when a tenth of a second has passed");
            Thread.sleep(50);
            for (int i = 0; i < 5; i++) {
                model.sample(frame += 16_000_000L);
                assertEquals(shown, model.actionsProperty().get(), "a frame within the tenth of a second shows the same");
            }
            assertTrue(runner.snapshot().buffer().actions() - shown > BufferViewModel.MOTION_EVENTS_MAX,
                    "the run went on meanwhile");
            model.sample(frame += BufferViewModel.FAST_RUN_SHOW_NANOS);
            assertTrue(model.actionsProperty().get() > shown, "shown again a tenth of a second later");

            shown = model.actionsProperty().get();
            Thread.sleep(50); // thousands of actions after the last frame shown
            model.togglePause();
            // Every worker comes to rest: at the gate, or in a wait set (a consumer waiting on an empty
            // buffer stays there while no producer passes the gate to wake it).
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (held(runner.snapshot()) < 6) {
                assertTrue(System.nanoTime() < deadline, "every worker held within 10 s");
                Thread.sleep(10);
            }
            assertTrue(runner.snapshot().buffer().actions() - shown > BufferViewModel.MOTION_EVENTS_MAX);
            model.sample(frame += 16_000_000L);
            assertEquals(runner.snapshot().buffer().actions(), model.actionsProperty().get(),
                    "paused, the next frame shows the run as it stands");
            assertEquals(6, model.atGate().size() + model.notFullWaiters().size() + model.notEmptyWaiters().size(),
                    "every worker at the gate or waiting: " + model.atGate() + ", " + model.notFullWaiters() + ", "
                    + model.notEmptyWaiters());
        } finally {
            model.stop();
        }
        sampleUntil(model, () -> model.stateProperty().get() == RunState.IDLE);
    }

    /** Step from idle starts the run paused and takes exactly one step. */
    @Test
    void stepFromIdleStartsPausedAndTakesOneStep() throws Exception {
        BufferRunner runner = new BufferRunner();
        BufferViewModel model = fastModel(runner);
        model.step();
        assertEquals(RunState.PAUSED, model.stateProperty().get());
        settle(model);
        assertEquals(1, runner.snapshot().gate().stepsTaken());
        assertTrue(model.stepTextProperty().get().startsWith("Step 1: "), model.stepTextProperty().get());
        model.stop();
        sampleUntil(model, () -> model.stateProperty().get() == RunState.IDLE);
    }

    /**
     * Step by step, the frame's moves say what the view animates, and agree with the buffer: a put
     * is a producer's item now in its slot, a take a consumer's from a slot now empty, and a take
     * that woke a producer blocked on the full slot names it.
     */
    @Test
    void movesFollowTheStepsAndNameWhomASignalWoke() throws Exception {
        BufferRunner runner = new BufferRunner();
        BufferViewModel model = fastModel(runner);
        model.capacityProperty().set(1);
        model.producersProperty().set(3);
        model.consumersProperty().set(1);
        List<BufferViewModel.Move> seen = new ArrayList<>();
        model.movesProperty().addListener((obs, old, now) -> {
            for (BufferViewModel.Move move : now) {
                seen.add(move);
                boolean put = move.kind() == BufferEvent.PUT;
                assertEquals(put ? "P" : "C", move.worker().substring(0, 1), move.toString());
                assertEquals(0, move.slot(), "one slot");
                assertTrue(move.item() > 0, move.toString());
            }
        });
        for (int i = 0; i < 16; i++) {
            model.step();
            settle(model);
        }
        model.stop();
        sampleUntil(model, () -> model.stateProperty().get() == RunState.IDLE);
        assertTrue(seen.stream().anyMatch(m -> m.kind() == BufferEvent.PUT),
                "a put among " + seen);
        assertTrue(seen.stream().anyMatch(m -> m.kind() == BufferEvent.TAKE),
                "a take among " + seen);
        assertTrue(seen.stream().anyMatch(m -> m.kind() == BufferEvent.TAKE
                        && !m.woken().isEmpty() && m.woken().getFirst().startsWith("P")),
                "a take woke a producer blocked on the full slot: " + seen);
        Set<Long> items = new HashSet<>();
        for (BufferViewModel.Move move : seen) {
            if (move.kind() == BufferEvent.PUT) {
                assertTrue(items.add(move.item()), "each item put once: " + seen);
            }
        }
    }

    /** One of a thing is singular: "1 slot", "1 producer". */
    @Test
    void statusSentencesUseSingularForOne() {
        BufferViewModel model = new BufferViewModel(new BufferRunner());
        model.capacityProperty().set(1);
        model.producersProperty().set(1);
        model.consumersProperty().set(1);
        assertEquals("Ready: 1 producer, 1 consumer, 1 slot, signal, non-fair lock, platform threads", model.statusSentence());
    }

    /** Item and slot numbers in the action texts carry thousands separators, as the slots do. */
    @Test
    void itemNumbersHaveThousandsSeparators() {
        assertEquals("P1 put #12,345 into slot 3; then C2 took #1,000,000 from slot 0, with #7",
                BufferViewModel.withSeparators("P1 put #12345 into slot 3; then C2 took #1000000 from slot 0, with #7"));
        assertEquals("C1 took #1,084,360 from slot 100,002", BufferViewModel.withSeparators(
                "C1 took #1084360 from slot 100002"), "slot numbers too, in a buffer past the tiles");
    }

    /** The fields take the command line's ranges, their sliders ending sooner with the reason. */
    @Test
    void rangesAreTheCommandLinesOrSayWhyNot() {
        assertEquals(BufferSettings.MAX_CAPACITY, BufferViewModel.CAPACITY.max());
        assertEquals("", BufferViewModel.CAPACITY.beyondMax());
        assertEquals(BufferViewModel.TILED_CAPACITY, BufferViewModel.CAPACITY.sliderMax(), "the slider ends with the tiles");
        assertTrue(BufferViewModel.CAPACITY.sliderNote().contains("1,000,000"), BufferViewModel.CAPACITY.sliderNote());
        assertEquals(BufferSettings.MAX_WORKERS, BufferViewModel.WORKERS.max());
        assertEquals(BufferViewModel.SLIDER_MAX_WORKERS, BufferViewModel.WORKERS.sliderMax());
        assertTrue(BufferViewModel.WORKERS.sliderNote().contains("200"), BufferViewModel.WORKERS.sliderNote());
        assertEquals(DelayRange.MAX_MILLIS, BufferViewModel.DELAY.max());
        assertTrue(BufferViewModel.DELAY.sliderNote().contains("60,000"), BufferViewModel.DELAY.sliderNote());
    }

    /**
     * A run of a million slots is shown from its snapshots, each one copy of the slots' array, and its
     * rewind rebuilds them from checkpoints that share their slots (copied whole, they outgrew the
     * window's heap): the slots shown, live and rewound, are the buffer's.
     */
    @Test
    void aMillionSlotsAreShownLiveAndRewound() throws InterruptedException {
        BufferRunner runner = new BufferRunner();
        BufferViewModel model = fastModel(runner);
        model.capacityProperty().set(BufferSettings.MAX_CAPACITY);
        model.produceMaxMillisProperty().set(0);
        model.consumeMinMillisProperty().set(5); // the consumers slower: the buffer fills
        model.consumeMaxMillisProperty().set(5);
        model.run();
        sampleUntil(model, () -> model.countProperty().get() >= 100);
        model.togglePause();
        settle(model);
        int count = model.countProperty().get();
        assertTrue(count >= 100, "items in the buffer: " + count);
        assertEquals(BufferSettings.MAX_CAPACITY, model.slots().size());
        long held = model.slots().stream().filter(item -> item != 0).count();
        assertEquals(count, held, "the slots shown hold the count's items");
        long end = model.rewind().endProperty().get();
        model.rewind().moveTo(end / 2);
        model.sample(System.nanoTime());
        assertEquals(BufferSettings.MAX_CAPACITY, model.slots().size(), "rewound");
        assertEquals(model.countProperty().get(), model.slots().stream().filter(item -> item != 0).count(),
                "rewound, the slots hold the count of that moment");
        model.stop();
        sampleUntil(model, () -> model.stateProperty().get() == RunState.IDLE);
    }

    private static BufferViewModel fastModel(BufferRunner runner) {
        BufferViewModel model = new BufferViewModel(runner);
        model.produceMinMillisProperty().set(0);
        model.produceMaxMillisProperty().set(5);
        model.consumeMinMillisProperty().set(0);
        model.consumeMaxMillisProperty().set(5);
        return model;
    }

    /** The workers a paused run holds: at the gate, or in a wait set. */
    private static int held(BufferRunSnapshot now) {
        return now.gate().waiting().size() + now.buffer().notFullWaiters().size()
                + now.buffer().notEmptyWaiters().size();
    }

    /** Samples, frame by frame, until {@code condition} holds; fails after 20 s. */
    private static void sampleUntil(BufferViewModel model, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            model.sample(System.nanoTime());
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 20 s");
            }
            Thread.sleep(16);
        }
    }

    /** Samples until the actions count holds still for 200 ms (every worker parked). */
    private static long settle(BufferViewModel model) throws InterruptedException {
        long last = -1;
        int still = 0;
        while (still < 10) {
            Thread.sleep(20);
            model.sample(System.nanoTime());
            long now = model.actionsProperty().get();
            still = now == last ? still + 1 : 0;
            last = now;
        }
        return last;
    }

    /** Settings are kept between starts, and Reset to defaults puts back the first start's. */
    @Test
    void settingsPersistAndResetToDefaults() throws Exception {
        Preferences node = Preferences.userRoot()
                .node("dev/interleave-test/" + UUID.randomUUID());
        try {
            BufferViewModel first = new BufferViewModel(new BufferRunner(), node);
            BufferSettings defaults = first.settings();
            first.capacityProperty().set(5);
            first.producersProperty().set(7);
            first.consumersProperty().set(2);
            first.produceMaxMillisProperty().set(1_500);
            first.produceMinMillisProperty().set(900);
            first.policyProperty().set(WakePolicy.SIGNAL_ALL);
            first.fairProperty().set(true);
            first.threadsProperty().set(ThreadKind.VIRTUAL);
            BufferSettings changed = first.settings();
            node.flush();

            BufferViewModel second = new BufferViewModel(new BufferRunner(), node);
            assertEquals(changed, second.settings(), "the next start has the kept settings");
            assertEquals(5, second.slots().size(), "and shows the kept buffer");
            second.resetSettings();
            assertEquals(defaults, second.settings());
            assertEquals(defaults, new BufferViewModel(new BufferRunner(), node).settings(), "the defaults are kept");
        } finally {
            node.removeNode();
        }
    }
}
