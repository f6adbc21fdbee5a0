package dev.interleave.ui.philosophers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import javafx.scene.chart.XYChart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.interleave.engine.philosophers.Coffman;
import dev.interleave.engine.philosophers.PhilosophersRunner;
import dev.interleave.engine.philosophers.Steps;
import dev.interleave.engine.philosophers.Strategy;
import dev.interleave.engine.philosophers.TableState;
import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.RunState;
import dev.interleave.ui.kit.Rewind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The deadlock lab's view-model, without a toolkit. */
@Timeout(60)
class PhilosophersViewModelTest {

    private static void sampleUntil(PhilosophersViewModel model, String what, BooleanSupplier condition)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            model.sample(System.nanoTime());
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > end) {
                fail("not within 20 s: " + what + "; step text: " + model.stepTextProperty().get());
            }
            Thread.sleep(2);
        }
    }

    private static PhilosophersViewModel fastModel(PhilosophersRunner runner, int n) {
        PhilosophersViewModel model = new PhilosophersViewModel(runner);
        model.nProperty().set(n);
        model.thinkMaxMillisProperty().set(0);
        model.eatMaxMillisProperty().set(0);
        return model;
    }

    private static void pause(PhilosophersViewModel model) throws InterruptedException {
        model.togglePause();
        sampleUntil(model, "paused", () -> model.stateProperty().get() == RunState.PAUSED);
    }

    private static void stopAndSettle(PhilosophersViewModel model) throws InterruptedException {
        model.stop();
        sampleUntil(model, "idle", () -> model.stateProperty().get() == RunState.IDLE);
    }

    /**
     * A stopped run's curves (and so their CSV) end at its end, with its last figures: they stopped
     * at the last tenth of a second's sample, 372 meals and 376 attempts where the run ended with 373
     * and 377 (a teaching assistant's check of the export).
     */
    @Test
    void theCurvesEndAtTheRunsEndWithItsFigures() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = fastModel(runner, 5);
        model.strategyProperty().set(Strategy.ORDERED);
        model.thinkMaxMillisProperty().set(3);
        model.eatMaxMillisProperty().set(3);
        model.run();
        long until = System.nanoTime() + Duration.ofMillis(450).toNanos();
        sampleUntil(model, "0.45 s of a run", () -> System.nanoTime() > until);
        stopAndSettle(model);
        model.sample(System.nanoTime());
        double end = runner.snapshot().elapsedNanos() / 1e9;
        XYChart.Data<Number, Number> meals = model.mealsSeries().getData().getLast();
        XYChart.Data<Number, Number> attempts = model.attemptsSeries().getData().getLast();
        assertEquals(end, meals.getXValue().doubleValue(), 1e-9, "the meals' curve ends at the run's end");
        assertEquals(model.totalMealsProperty().get(), meals.getYValue().longValue(), "with the run's meals");
        assertEquals(model.totalAttemptsProperty().get(), attempts.getYValue().longValue(), "and its attempts");
        int points = model.mealsSeries().getData().size();
        model.sample(System.nanoTime());
        assertEquals(points, model.mealsSeries().getData().size(), "the end's point once");
    }

    /** Rewound after a run, the plots mark the moment shown: its end where the plots end, its start at 0. */
    @Test
    void rewoundThePlotsMarkTheMomentShown() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = fastModel(runner, 3);
        model.strategyProperty().set(Strategy.ORDERED);
        model.thinkMaxMillisProperty().set(2); // few enough events that the log keeps the run's start
        model.run();
        long until = System.nanoTime() + Duration.ofMillis(700).toNanos();
        sampleUntil(model, "0.7 s of a run", () -> System.nanoTime() > until);
        assertTrue(Double.isNaN(model.rewoundSecondsProperty().get()), "at present: no mark");
        stopAndSettle(model);
        Rewind<TableState> rewind = model.rewind();
        rewind.moveTo(rewind.endProperty().get());
        model.sample(System.nanoTime());
        double plotsEnd = model.mealsSeries().getData().getLast().getXValue().doubleValue();
        assertEquals(plotsEnd, model.rewoundSecondsProperty().get(), 0.12, "the last event, where the plots end");
        rewind.moveTo(0);
        model.sample(System.nanoTime());
        assertEquals(0.0, model.rewoundSecondsProperty().get(), "the run's start");
        rewind.toPresent();
        model.sample(System.nanoTime());
        assertTrue(Double.isNaN(model.rewoundSecondsProperty().get()), "back to now: no mark");
    }

    @Test
    void settingsCannotBeInvalid() {
        PhilosophersViewModel model = new PhilosophersViewModel(new PhilosophersRunner());
        model.nProperty().set(1);
        assertEquals(2, model.nProperty().get());
        model.nProperty().set(13);
        assertEquals(12, model.nProperty().get());
        assertEquals(12, model.philosophers().size(), "the table to come follows N while idle");
        model.thinkMaxMillisProperty().set(5_000);
        assertEquals(5_000, model.thinkMaxMillisProperty().get(), "past the slider, within the command line's range");
        model.thinkMaxMillisProperty().set(70_000);
        assertEquals(DelayRange.MAX_MILLIS, model.thinkMaxMillisProperty().get());
        model.eatMinMillisProperty().set(900);
        assertTrue(model.eatMaxMillisProperty().get() >= 900, "min never passes max");
        assertEquals("-5 is below the minimum, 0: set to 0.", PhilosophersViewModel.DELAY.read("-5", 10).message());
        model.settings(); // valid
    }

    /**
     * A click on a philosopher from idle starts the run with every gate closed and lets exactly that
     * philosopher act: P2 picks up its left fork, and no other fork leaves the table.
     */
    @Test
    void stepFromIdleIsExactlyOneForkAction() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = fastModel(runner, 4);
        model.stepPhilosopher(1);
        try {
            sampleUntil(model, "P2 picks up F2", () -> model.forkHolders().equals(List.of(-1, 1, -1, -1))
                    && model.stepTextProperty().get().startsWith("Step 1: "));
            assertEquals(RunState.PAUSED, model.stateProperty().get());
            assertEquals("Step 1: P2 picks up F2 (its left fork)", model.stepTextProperty().get());
            Thread.sleep(50);
            model.sample(System.nanoTime());
            assertEquals(List.of(-1, 1, -1, -1), model.forkHolders(), "nobody else acted");

            model.stepPhilosopher(0);
            sampleUntil(model, "P1 picks up F1", () -> model.forkHolders().equals(List.of(0, 1, -1, -1)));
            model.stepPhilosopher(0);
            sampleUntil(model, "P1 waits for F2", () -> model.edges().size() == 1);
            model.stepPhilosopher(0);
            assertEquals("P1 waits for F2, which P2 holds: it has no action to take until F2 is put down.",
                    model.stepTextProperty().get());
        } finally {
            stopAndSettle(model);
        }
    }

    /**
     * The guide's step 4 livelocks, and the tab's badge says so while it lasts ("⟳ livelock", a
     * warning: the run may recover) and after Stop ("livelocked"): it read "running", then "stopped".
     */
    @Test
    void aLivelockIsTheTabsWarningAndHowTheRunEnded() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = new PhilosophersViewModel(runner);
        model.applyGuide(PhilosophersViewModel.GuideSetup.LIVELOCK);
        model.run();
        try {
            sampleUntil(model, "the livelock step 4 promises", () -> model.livelockNowProperty().get());
            assertEquals("livelock", model.warning());
            assertEquals("", model.alarm(), "not an alarm: a livelock may end by itself, a deadlock cannot");
            // Paused in a spell, then stopped: held at their gates, nobody eats as the run ends (without
            // the pause, a meal begun as it stopped ended the spell, most times).
            pause(model);
            for (int tries = 1; !model.livelockNowProperty().get(); tries++) {
                assertTrue(tries <= 20, "paused in a spell within 20 tries");
                model.togglePause();
                sampleUntil(model, "the next spell", () -> model.livelockNowProperty().get());
                pause(model);
            }
        } finally {
            stopAndSettle(model);
        }
        assertEquals("", model.warning(), "no warning once the run has ended");
        // Stopped in a spell: not "Livelock now" above seats that read "ended" (a teacher's tryout).
        assertFalse(model.livelockNowProperty().get(), "an ended run is in no livelock now");
        assertTrue(model.livelockSeenProperty().get(), "but was in one");
        assertEquals("livelocked", model.endedAs());
        // In its spells, with the meals between them: "nobody ate while everyone was busy (3,100 meals
        // in all)" contradicted itself (a learner's tryout).
        String ended = model.endedWords();
        int spells = model.livelockSpellsProperty().get();
        assertTrue(spells >= 1, spells + " spells");
        String longest = String.format(Locale.ROOT, "%,d ms with no meal while all kept trying",
                model.livelockLongestMillisProperty().get());
        assertTrue(ended.startsWith(spells == 1 ? "✘ Livelocked once: " + longest
                : String.format(Locale.ROOT, "✘ Livelocked in %,d spells, the longest ", spells) + longest), ended);
        assertFalse(ended.contains("nobody ate"), ended);
        model.reset();
        assertEquals("", model.endedAs(), "Reset: no run shown");
    }

    /**
     * The guide's steps 1 and 4 are set with a click, said beside the buttons until a setting
     * changes; step 1's setup deadlocks, as the guide says.
     */
    @Test
    void theGuidesSetupsAreSetAndDoWhatItSays() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = new PhilosophersViewModel(runner);
        model.applyGuide(PhilosophersViewModel.GuideSetup.LIVELOCK);
        assertEquals(List.of(5, Strategy.TRYLOCK_NO_BACKOFF, 0, 0, 1, 5), List.of(model.nProperty().get(),
                model.strategyProperty().get(), model.thinkMinMillisProperty().get(), model.thinkMaxMillisProperty().get(),
                model.eatMinMillisProperty().get(), model.eatMaxMillisProperty().get()));
        model.applyGuide(PhilosophersViewModel.GuideSetup.DEADLOCK);
        assertEquals(List.of(2, Strategy.NAIVE, 0, 0, 0, 0), List.of(model.nProperty().get(),
                model.strategyProperty().get(), model.thinkMinMillisProperty().get(), model.thinkMaxMillisProperty().get(),
                model.eatMinMillisProperty().get(), model.eatMaxMillisProperty().get()));
        assertEquals("Set: 2 philosophers, naive, non-fair forks, think 0..0 ms, eat 0..0 ms. Press Run (Space).",
                model.guideAppliedProperty().get());
        model.run();
        try {
            sampleUntil(model, "the deadlock step 1 promises", () -> model.deadlockedProperty().get());
            assertEquals("", model.guideAppliedProperty().get(), "Run pressed: 'Press Run' is done");
        } finally {
            stopAndSettle(model);
        }
        model.applyGuide(PhilosophersViewModel.GuideSetup.DEADLOCK);
        model.fairProperty().set(true);
        assertEquals("", model.guideAppliedProperty().get(), "a setting changed: no longer what was set");
    }

    /** A step's text ends when the run runs freely: paused again with no step, the free run's actions are no step's. */
    @Test
    void aStepsTextEndsWhenTheRunRunsFreely() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = fastModel(runner, 4);
        model.strategyProperty().set(Strategy.ORDERED);
        model.stepPhilosopher(1);
        try {
            sampleUntil(model, "step 1 told", () -> model.stepTextProperty().get().startsWith("Step 1: "));
            model.togglePause(); // Resume
            sampleUntil(model, "meals", () -> model.totalMealsProperty().get() > 20);
            model.togglePause(); // Pause
            sampleUntil(model, "paused", () -> model.stateProperty().get() == RunState.PAUSED);
            model.sample(System.nanoTime());
            assertEquals("", model.stepTextProperty().get(), "no step since the run ran");
        } finally {
            stopAndSettle(model);
        }
    }

    /**
     * A naive table deadlocks: the verdict, the circle (members and waits), every condition marked;
     * the plots' mark at the moment the circle closed; after Stop the figures stay as the last run's,
     * the JSON says deadlock, and Reset clears them.
     */
    @Test
    void aDeadlockIsShownAndKeptAfterStop() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = fastModel(runner, 5);
        assertTrue(Double.isNaN(model.deadlockSecondsProperty().get()), "no mark before a deadlock");
        model.run();
        sampleUntil(model, "a deadlock", () -> model.deadlockedProperty().get());
        assertEquals(List.of(0, 1, 2, 3, 4), model.circle());
        assertEquals(5, model.circleEdges().size());
        assertTrue(model.deadlockTextProperty().get().startsWith("Deadlock, detected after "),
                model.deadlockTextProperty().get());
        // Who holds what, as the command line says it: five are told in arrows, to keep the banner short.
        for (int p = 1; p <= 5; p++) {
            String link = String.format("P%d → F%d → P%d", p, p % 5 + 1, p % 5 + 1);
            assertTrue(model.deadlockTextProperty().get().contains(link), model.deadlockTextProperty().get());
        }
        assertFalse(model.deadlockTextProperty().get().contains("waits for"), model.deadlockTextProperty().get());
        sampleUntil(model, "the marks", () -> model.holdsProperty(Coffman.CIRCULAR_WAIT).get());
        for (Coffman condition : Coffman.values()) {
            assertTrue(model.holdsProperty(condition).get(), condition.title());
        }
        assertTrue(model.statusSentence().startsWith("Deadlocked"), model.statusSentence());
        // The plots mark when the circle closed, on their axis: the run's active seconds.
        double closed = runner.snapshot().table().deadlock().detectedAfterNanos() / 1e9;
        assertEquals(closed, model.deadlockSecondsProperty().get(), 1e-9);
        assertTrue(closed <= runner.snapshot().elapsedNanos() / 1e9, closed + " s");
        // The plots take one point at the deadlock and no more: nothing changes after it, and points
        // going on flat shrank the run before it to a strip at the axis's left.
        sampleUntil(model, "a point at the deadlock", () -> !model.attemptsSeries().getData().isEmpty()
                && model.attemptsSeries().getData().getLast().getXValue().doubleValue() >= closed);
        // A point past the deadlock's time may come from a snapshot that had not yet seen the circle
        // (a busy CI machine: two points); the first plot interval after the deadlock is seen is the last.
        long seen = System.nanoTime() + 2 * PhilosophersViewModel.PLOT_INTERVAL_NANOS;
        sampleUntil(model, "two plot intervals", () -> System.nanoTime() > seen);
        int points = model.attemptsSeries().getData().size();
        // From (0, 0) at Run to the deadlock's mark: the last point sits on the mark unless a point
        // before it had already passed it (a deadlock inside the first plot interval drew flat lines
        // from its mark to that interval's end, and nothing before the mark).
        List<XYChart.Data<Number, Number>> data = model.attemptsSeries().getData();
        assertEquals(0.0, data.getFirst().getXValue().doubleValue());
        assertEquals(0.0, data.getFirst().getYValue().doubleValue());
        // A point past the mark from a snapshot that had not yet seen the circle is the last itself:
        // the deadlock's point, at the same time, only gives it its value (ModelSupport.addPoint).
        double last = data.getLast().getXValue().doubleValue();
        double before = data.get(points - 2).getXValue().doubleValue();
        assertTrue(Math.abs(last - closed) < 1e-9 || last > closed && before < last,
                "the last point at the deadlock's mark (" + closed + "), or past it: " + before + ", " + last);
        long until = System.nanoTime() + 4 * PhilosophersViewModel.PLOT_INTERVAL_NANOS;
        sampleUntil(model, "four plot intervals", () -> System.nanoTime() > until);
        assertEquals(points, model.attemptsSeries().getData().size(), "no point after the deadlock's");

        stopAndSettle(model);
        assertTrue(model.deadlockedProperty().get(), "the deadlock stays on screen as the run's record");
        // And on the status line, until the settings change ("Ready: ..." beside the circle: a student).
        assertTrue(model.deadlockTextProperty().get().startsWith("Deadlock, detected after "),
                model.deadlockTextProperty().get());
        assertEquals("✘ Deadlocked, " + model.deadlockTextProperty().get().substring("Deadlock, ".length()),
                model.statusSentence(), "the word said once");
        int philosophers = model.nProperty().get();
        model.nProperty().set(philosophers + 1);
        model.sample(System.nanoTime());
        assertTrue(model.statusSentence().startsWith("Ready: "), model.statusSentence());
        model.nProperty().set(philosophers);
        model.sample(System.nanoTime());
        assertEquals(closed, model.deadlockSecondsProperty().get(), 1e-9, "and its mark on the plots");
        assertEquals(5, model.circleEdges().size());
        assertTrue(model.resultJson().orElseThrow().contains("\"deadlocked\":true"), model.resultJson().orElseThrow());
        assertTrue(model.resultJson().orElseThrow().contains("\"outcome\":\"deadlock\""));
        assertFalse(model.figuresNoteProperty().get().isEmpty());

        model.reset();
        assertFalse(model.deadlockedProperty().get());
        assertTrue(Double.isNaN(model.deadlockSecondsProperty().get()), "no mark after Reset");
        assertTrue(model.circle().isEmpty() && model.circleEdges().isEmpty() && model.edges().isEmpty());
        assertEquals(0, model.totalMealsProperty().get());
        assertTrue(model.attemptsSeries().getData().isEmpty());
        assertTrue(model.forkHolders().stream().allMatch(holder -> holder < 0));
    }

    /** One click from a condition to its breaker: a deadlocked run is stopped and run again with ordered, which eats. */
    @Test
    void breakingAConditionRunsAgainWithItsStrategy() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = fastModel(runner, 3);
        model.run();
        sampleUntil(model, "a deadlock", () -> model.deadlockedProperty().get());
        model.breakWith(Strategy.ORDERED);
        assertEquals(Strategy.ORDERED, model.strategyProperty().get());
        try {
            sampleUntil(model, "ordered running and eating", () -> runner.snapshot().settings().strategy()
                    == Strategy.ORDERED && runner.snapshot().table().totalMeals() > 100);
            model.sample(System.nanoTime());
            assertEquals(RunState.RUNNING, model.stateProperty().get());
            assertFalse(model.deadlockedProperty().get(), "the new run's figures, not the deadlocked run's");
            assertTrue(model.totalMealsProperty().get() > 100);
            assertEquals(Strategy.ORDERED, model.tableStrategyProperty().get());
        } finally {
            stopAndSettle(model);
        }
        // While idle, a breaker only chooses the strategy.
        model.breakWith(Strategy.WAITER);
        model.sample(System.nanoTime());
        assertEquals(RunState.IDLE, model.stateProperty().get());
        assertEquals(Strategy.WAITER, model.strategyProperty().get());
    }

    /**
     * A breaker pressed while a class steps the table starts the new strategy's run paused, before
     * its first step, so the stepping goes on (it ran at full speed: 155,000 meals in a tryout).
     */
    @Test
    void breakingAConditionWhileSteppingStartsAgainPaused() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = fastModel(runner, 3);
        model.step(); // from idle: paused, one fork action
        sampleUntil(model, "the first step taken", () -> model.stepsTakenProperty().get() == 1);
        model.breakWith(Strategy.TRYLOCK);
        try {
            sampleUntil(model, "trylock's run", () -> runner.snapshot().settings().strategy() == Strategy.TRYLOCK);
            model.sample(System.nanoTime());
            assertEquals(RunState.PAUSED, model.stateProperty().get(), "paused, as the run it replaced");
            assertEquals(0, runner.snapshot().table().totalMeals(), "nothing happened before its first step");
            assertEquals(0, model.stepsTakenProperty().get());
            model.step();
            sampleUntil(model, "a step of the new run", () -> model.stepsTakenProperty().get() == 1);
            assertEquals(RunState.PAUSED, model.stateProperty().get());
        } finally {
            stopAndSettle(model);
        }
    }

    /**
     * The note over the figures and the status line name the delays the run uses, as the command
     * line's header does ("think 0..0 ms, eat 0..0 ms"), and follow them when they change live: the
     * window started at 0..100 ms where the command line starts at 0..0, and said neither.
     */
    @Test
    void theFiguresNoteAndTheStatusNameTheRunsDelays() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = fastModel(runner, 3);
        model.strategyProperty().set(Strategy.ORDERED);
        assertTrue(model.statusSentence().endsWith(", think 0..0 ms, eat 0..0 ms"), model.statusSentence());
        try {
            model.run();
            sampleUntil(model, "running", () -> model.stateProperty().get() == RunState.RUNNING);
            assertEquals("This run's figures (3 philosophers, ordered, non-fair forks, platform threads, think 0..0 ms,"
                    + " eat 0..0 ms).", model.figuresNoteProperty().get());
            model.eatMaxMillisProperty().set(3); // applies live
            sampleUntil(model, "the note follows the delays", () -> model.figuresNoteProperty().get()
                    .endsWith("think 0..0 ms, eat 0..3 ms)."));
            assertTrue(model.statusSentence().endsWith("; think 0..0 ms, eat 0..3 ms"), model.statusSentence());
        } finally {
            stopAndSettle(model);
        }
        assertTrue(model.figuresNoteProperty().get().startsWith("Last run's figures (3 philosophers, ordered, non-fair"
                + " forks, platform threads, think 0..0 ms, eat 0..3 ms)"), model.figuresNoteProperty().get());
    }

    /**
     * A running table's line counts timed tries and the waiter's seat beside the waits for a fork: it
     * said "1 philosopher waiting" beside four seats waiting, and "1 philosopher waiting for a fork"
     * beside two more waiting for a seat.
     */
    @Test
    void theStatusCountsTimedTriesAndSeatsWithTheWaits() {
        assertEquals("12 meals, 30 attempts; 1 philosopher waiting for a fork, 3 trying for one (a timed try)",
                PhilosophersViewModel.runningWords(12, 30, 1, 3, 0));
        assertEquals("1 meal, 2 attempts; 0 philosophers waiting for a fork", PhilosophersViewModel.runningWords(1, 2, 0, 0, 0));
        assertEquals("40 meals, 41 attempts; 1 philosopher waiting for a fork, 2 for a seat",
                PhilosophersViewModel.runningWords(40, 41, 1, 0, 2));
    }

    /** A deadlock built step by step says its steps: its running time is next to nothing, the clock stopped while paused. */
    @Test
    void aSteppedDeadlockCountsItsSteps() {
        assertEquals("Deadlock, detected after 4 steps: P1 → F2 → P2 → F1 → P1",
                PhilosophersViewModel.deadlockWords(0, 4, "P1 → F2 → P2 → F1 → P1"), "closed step by step");
        assertEquals("Deadlock, detected after 4 steps and 320 ms of running time: P1 → F2 → P2 → F1 → P1",
                PhilosophersViewModel.deadlockWords(320, 4, "P1 → F2 → P2 → F1 → P1"), "steps, then a free run");
        assertEquals("Deadlock, detected after 1,250 ms of running time: P1 → F2 → P2 → F1 → P1",
                PhilosophersViewModel.deadlockWords(1_250, 0, "P1 → F2 → P2 → F1 → P1"), "a free run: no steps to tell");
    }

    /**
     * The step that closes the circle is told, with the deadlock it made: after it the words said
     * only "Nobody can act ...", and the click that built the deadlock was the one step a learner
     * was not told (a tryout: P1, P2, P1, P2 on a table of two).
     */
    @Test
    void theStepThatClosesTheCircleIsTold() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = fastModel(runner, 2);
        try {
            int[] order = {0, 1, 0, 1};
            for (int step = 1; step <= order.length; step++) {
                model.stepPhilosopher(order[step - 1]);
                int taken = step;
                // Taken, not only granted: a philosopher still on its way to its gate takes its step there.
                sampleUntil(model, "step " + step, () -> model.stepsTakenProperty().get() == taken
                        && model.stepTextProperty().get().startsWith("Step " + taken + ": ")
                        && !model.stepTextProperty().get().contains(" is on its way to its gate"));
            }
            sampleUntil(model, "the deadlock", () -> model.deadlockedProperty().get());
            String text = model.stepTextProperty().get();
            assertTrue(text.startsWith("Step 4: P2 reaches for F1") && text.contains(". " + Steps.NOBODY_CAN_ACT
                    .substring(0, Steps.NOBODY_CAN_ACT.indexOf("Stop ends"))), text);
            assertTrue(model.statusSentence().startsWith("Paused in a deadlock: nobody can act, Step is greyed out"),
                    model.statusSentence());
            // One S too many: the words that say nobody can act stay, and the closing step's with them.
            model.step();
            model.sample(System.nanoTime());
            assertEquals(text, model.stepTextProperty().get());
        } finally {
            stopAndSettle(model);
        }
    }

    /**
     * S from idle starts the run with every gate closed and takes the first step: exactly one fork
     * action (the philosopher first at its gate, or P1 if none is there yet, picks up its left fork),
     * then the run waits paused.
     */
    @Test
    void stepFromIdleStartsParkedAndTakesTheFirstStep() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = fastModel(runner, 4);
        assertEquals("", model.plotsNoteProperty().get());
        model.step();
        try {
            // Taken at once, or kept for P1 on its way to its gate ("Step 1: P1 is on its way ...") and then taken.
            sampleUntil(model, "the first step taken", () -> model.stepTextProperty().get().startsWith("Step 1: ")
                    && model.stepTextProperty().get().contains(" picks up "));
            assertEquals(RunState.PAUSED, model.stateProperty().get());
            assertTrue(model.stepTextProperty().get().matches("Step 1: P[1-4] picks up F[1-4] \\(its left fork\\)"),
                    model.stepTextProperty().get());
            Thread.sleep(50);
            model.sample(System.nanoTime());
            assertEquals(1, model.forkHolders().stream().filter(holder -> holder >= 0).count(), "nobody else acted");
            // The plots' clock leaves pauses out: under them, why their curves stand at 0 s.
            assertEquals("The plots count only the time the run runs, and a step acts while the run is paused: nothing"
                    + " to plot yet. The timeline and the cards above have every step; Resume to see the run against"
                    + " time.", model.plotsNoteProperty().get());
            model.step();
            sampleUntil(model, "a second step", () -> model.stepsTakenProperty().get() == 2
                    && model.forkHolders().stream().filter(holder -> holder >= 0).count() == 2);
            // Nothing plotted over the steps, as the note says: points at 0 s drew a line up to the
            // attempts made (a learner's tryout).
            for (int frame = 0; frame < 6; frame++) {
                Thread.sleep(60);
                model.sample(System.nanoTime());
            }
            assertTrue(model.attemptsSeries().getData().stream().allMatch(point -> point.getYValue().doubleValue() == 0),
                    "attempts plotted over the steps: " + model.attemptsSeries().getData());
            model.togglePause(); // Resume: the plots draw the run's time, and the note goes
            sampleUntil(model, "the run's time plotted", () -> model.plotsNoteProperty().get().isEmpty());
        } finally {
            stopAndSettle(model);
        }
    }

    /**
     * A step refused in a paused deadlock (a click on a philosopher, Step) says why until the run is
     * no longer paused: stopped, the table's philosophers had all left and "Nobody can act ... Stop
     * ends the run" stayed under it.
     */
    @Test
    void aRefusedStepsWordsGoWithTheStop() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = fastModel(runner, 3);
        model.run();
        try {
            sampleUntil(model, "a deadlock", () -> model.deadlockedProperty().get());
            pause(model);
            model.stepPhilosopher(0);
            model.sample(System.nanoTime());
            assertTrue(model.stepTextProperty().get().startsWith("P1 waits for F"), model.stepTextProperty().get());
            model.step();
            model.sample(System.nanoTime());
            assertEquals(Steps.NOBODY_CAN_ACT, model.stepTextProperty().get(), "Step says why it did nothing");
        } finally {
            stopAndSettle(model);
        }
        model.sample(System.nanoTime());
        assertEquals(RunState.IDLE, model.stateProperty().get());
        assertEquals("", model.stepTextProperty().get());
    }

    /**
     * A running deadlock rewound to before the circle closed keeps saying the run is deadlocked: it
     * read "328 meals, 330 attempts; 1 philosopher waiting for a fork", the moment shown mixed with now.
     * And it says the table shows a moment before: "Deadlocked" alone stood beside a banner reading
     * "At this moment: no deadlock yet" (a teacher's tryout).
     */
    @Test
    void aRunningDeadlockRewoundStillSaysDeadlocked() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = fastModel(runner, 3);
        model.run();
        try {
            sampleUntil(model, "a deadlock", () -> model.deadlockedProperty().get());
            assertEquals(RunState.RUNNING, model.runState());
            assertTrue(model.statusSentence().startsWith("Deadlocked: every philosopher"), "at the present: "
                    + model.statusSentence());
            model.rewind().moveTo(model.rewind().startProperty().get()); // before the circle closed
            model.sample(System.nanoTime());
            assertFalse(model.deadlockedProperty().get(), "the view shows the start");
            assertTrue(model.statusSentence().startsWith("Deadlocked (the table shows a moment before it): every"
                    + " philosopher"), model.statusSentence());
        } finally {
            stopAndSettle(model);
        }
    }

    /**
     * A stopped deadlock rewound: up to the Stop the moment is the deadlock's; after it, the run's
     * ending, said as such (its seats read "ended" one by one under a banner that said the deadlock
     * alone, a teacher's tryout), and no philosopher picks up a fork in it.
     */
    @Test
    void aStoppedDeadlockRewoundTellsTheRunsEnding() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = fastModel(runner, 3);
        model.run();
        sampleUntil(model, "a deadlock", () -> model.deadlockedProperty().get());
        stopAndSettle(model);
        Rewind<TableState> rewind = model.rewind();
        long end = rewind.endProperty().get();
        long closed = -1;
        boolean endingSeen = false;
        for (long at = rewind.startProperty().get(); at < end; at++) {
            rewind.moveTo(at);
            model.sample(System.nanoTime());
            boolean ending = model.endingShownProperty().get();
            if (closed < 0 && model.deadlockedProperty().get()) {
                closed = at;
                assertFalse(ending, "the circle just closed: the run goes on");
            }
            if (ending) {
                assertTrue(closed >= 0, "the ending comes after the deadlock, at " + at);
                assertFalse(model.lastActionProperty().get().contains("picks up"),
                        "no fork picked up as the run ends: " + model.lastActionProperty().get());
                endingSeen = true;
            } else {
                assertFalse(endingSeen, "the ending, once begun, lasts to the end: not at " + at);
            }
        }
        assertTrue(closed >= 0 && endingSeen, "the circle closed at " + closed + ", then the ending");
        rewind.toPresent();
        model.sample(System.nanoTime());
        assertFalse(model.endingShownProperty().get(), "now is not a moment rewound to");
    }

    /**
     * Paused in a deadlock, no step can do anything: the view-model says so (Auto-step stops on it)
     * and Step explains why instead of doing nothing silently.
     */
    @Test
    void aPausedDeadlockSaysNobodyCanAct() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = fastModel(runner, 3);
        model.run();
        try {
            sampleUntil(model, "a deadlock", () -> model.deadlockedProperty().get());
            assertEquals("", model.whyNoStep(), "running: Auto-step is off anyway");
            pause(model);
            assertEquals(Steps.NOBODY_CAN_ACT, model.whyNoStep());
            String said = model.stepTextProperty().get();
            assertTrue(said.startsWith("Nobody can act"), said);
            model.step();
            assertEquals(said, model.stepTextProperty().get(), "Step did nothing: the words say why already");
            assertTrue(model.statusSentence().startsWith("Paused in a deadlock"), model.statusSentence());
            model.rewind().moveTo(model.rewind().startProperty().get()); // before the circle closed
            model.sample(System.nanoTime());
            assertFalse(model.deadlockedProperty().get(), "the view shows the start");
            assertTrue(model.statusSentence().startsWith("Paused in a deadlock (the table shows a moment before it):"),
                    "rewound, the run is still deadlocked, and the moment shown is not: " + model.statusSentence());
        } finally {
            stopAndSettle(model);
        }
        assertEquals("", model.whyNoStep(), "idle: nothing to refuse");
    }

    /**
     * After a deadlocked run, the scrubber rewinds the whole view: at the start every fork is on the
     * table; forks are picked up one by one until all are held with nobody deadlocked yet; at the
     * last event the circle is closed, told in words; Now returns to the run as it ended. While
     * running, rewinding is refused, unless the run is deadlocked (nothing can happen any more).
     */
    @Test
    void rewindingADeadlockShowsTheCircleCloseForkByFork() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        PhilosophersViewModel model = fastModel(runner, 3);
        model.strategyProperty().set(Strategy.ORDERED);
        Rewind<TableState> rewind = model.rewind();
        model.run();
        try {
            sampleUntil(model, "meals", () -> model.totalMealsProperty().get() > 0);
            rewind.moveTo(0);
            assertEquals(Rewind.PRESENT, rewind.positionProperty().get(), "refused while running");
        } finally {
            stopAndSettle(model);
        }

        model.strategyProperty().set(Strategy.NAIVE);
        model.run();
        try {
            sampleUntil(model, "a deadlock", () -> model.deadlockedProperty().get());
            rewind.moveTo(0);
            assertEquals(0, rewind.positionProperty().get(), "allowed while running in a deadlock");
            rewind.toPresent();
        } finally {
            stopAndSettle(model);
        }
        model.sample(System.nanoTime());
        long end = rewind.endProperty().get();
        assertTrue(end > 0);
        assertEquals(Math.min(end, Rewind.LINES_SHOWN), rewind.lines().size(), "a line per event, the newest 10,000");
        assertEquals(end - 1, rewind.eventOfLine(rewind.lines().size() - 1), "the last line is the last event");

        rewind.moveTo(0);
        model.sample(System.nanoTime());
        assertTrue(model.forkHolders().stream().allMatch(holder -> holder < 0), "the start: every fork down");
        assertFalse(model.deadlockedProperty().get());
        assertTrue(model.stepTextProperty().get().startsWith("Rewound to the run's start"));

        // Back from the end: the last moment with no deadlock has every fork held, the circle about to close.
        long closing = -1;
        for (long position = end; position >= 0 && closing < 0; position--) {
            rewind.moveTo(position);
            model.sample(System.nanoTime());
            if (!model.deadlockedProperty().get()) {
                closing = position;
            }
        }
        assertTrue(closing > 0);
        assertEquals(3, model.forkHolders().stream().filter(holder -> holder >= 0).count(), "every fork held");
        assertTrue(model.circle().isEmpty(), "no circle drawn yet");
        assertFalse(model.stepTextProperty().get().contains("closed the circle"), model.stepTextProperty().get());
        rewind.moveBy(1);
        model.sample(System.nanoTime());
        assertTrue(model.deadlockedProperty().get(), "one event later, the wait that closes the circle: deadlock");
        assertEquals(List.of(0, 1, 2), model.circle());
        assertTrue(model.holdsProperty(Coffman.CIRCULAR_WAIT).get());
        // The table as the deadlock left it: the words say why, and where the moment before is.
        assertTrue(model.stepTextProperty().get().endsWith("and waits: this wait closed the circle, so the table looks"
                + " as it does now (◀ once more: the moment before)   (Now or End: back to the run's end)"),
                model.stepTextProperty().get());
        rewind.moveBy(1);
        model.sample(System.nanoTime());
        assertTrue(model.stepTextProperty().get().contains("The circle closes: deadlock, P"),
                model.stepTextProperty().get());

        rewind.toPresent();
        model.sample(System.nanoTime());
        assertTrue(model.deadlockedProperty().get());
        assertFalse(model.stepTextProperty().get().startsWith("Rewound"));
        assertTrue(model.canExportTrace());
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        model.writeTrace(trace); // File > Export trace
        String json = trace.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"name\":\"deadlock\"") && json.contains("\"name\":\"P3\""), json);
    }
}
