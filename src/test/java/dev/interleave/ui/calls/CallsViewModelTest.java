package dev.interleave.ui.calls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.prefs.Preferences;

import javafx.scene.chart.XYChart;

import dev.interleave.engine.calls.CallSettings;
import dev.interleave.ui.kit.IntInput;
import dev.interleave.ui.kit.PlotData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.interleave.engine.calls.CallHistogram;
import dev.interleave.engine.calls.CallResult;
import dev.interleave.engine.calls.CallRunner;
import dev.interleave.engine.calls.CounterKind;
import dev.interleave.engine.calls.MemoryPerThread;
import dev.interleave.engine.run.Counts;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Counter & Sum view-model, without a toolkit: properties, commands, sampling. */
@Timeout(60)
class CallsViewModelTest {

    /**
     * The Running card says something true when none run: "runnable: the OS shares 2 cores among
     * them" stood under a 0 (a learner's tryout), during the run and after it.
     */
    @Test
    void theRunningCardSaysSoWhenNoneRun() throws InterruptedException {
        for (ThreadKind kind : ThreadKind.values()) {
            assertFalse(CallsViewModel.runningMeaning(kind, 2, 0).contains("them")
                    || CallsViewModel.runningMeaning(kind, 2, 0).contains("one of"), CallsViewModel.runningMeaning(kind, 2, 0));
            assertTrue(CallsViewModel.runningMeaning(kind, 2, 0).startsWith("none "));
        }
        assertEquals("mounted on one of 2 carrier threads", CallsViewModel.runningMeaning(ThreadKind.VIRTUAL, 2, 1));
        CallsViewModel model = model(100, 10, 0);
        model.threadsProperty().set(ThreadKind.PLATFORM);
        model.run();
        sampleUntilIdle(model);
        assertEquals(0, model.runningProperty().get());
        assertTrue(model.runningMeaningProperty().get().startsWith("none runnable now"), model.runningMeaningProperty().get());
    }

    /** Settings cannot describe an invalid run: out-of-range values are clamped, platform threads capped. */
    @Test
    void settingsCannotBeInvalid() {
        CallsViewModel model = new CallsViewModel(new CallRunner());
        model.callsProperty().set(0);
        assertEquals(1, model.callsProperty().get());
        model.callsProperty().set(50_000_000);
        assertEquals(CallsViewModel.MAX_CALLS, model.callsProperty().get());
        model.maxSleepMillisProperty().set(-4);
        assertEquals(0, model.maxSleepMillisProperty().get());

        model.concurrencyProperty().set(50_000);
        assertFalse(model.platformAllowedBinding().get());
        model.threadsProperty().set(ThreadKind.PLATFORM);
        assertEquals(ThreadKind.PLATFORM_THREAD_CAP, model.concurrencyProperty().get(), "platform caps concurrency");
        model.concurrencyProperty().set(20_000);
        assertEquals(ThreadKind.VIRTUAL, model.threadsProperty().get(), "raising concurrency returns to virtual");
        model.threadsProperty().set(null);
        assertEquals(ThreadKind.VIRTUAL, model.threadsProperty().get());
        model.settings(); // builds without throwing: the settings are valid
    }

    @Test
    void presetsSetTheChallengeRuns() {
        CallsViewModel model = new CallsViewModel(new CallRunner());
        model.applyPreset(CallsViewModel.Preset.LARGE);
        assertEquals(1_000_000, model.settings().calls());
        assertEquals(100_000, model.settings().concurrency());
        assertEquals(ThreadKind.VIRTUAL, model.settings().threads());
        assertEquals(500_000_500_000L, model.expectedSumProperty().get());
        assertEquals(CallsViewModel.Preset.LARGE.label() + ", atomic counter", CallsViewModel.seriesLabel(model.settings()));
        model.applyPreset(CallsViewModel.Preset.SMALL);
        assertEquals(CallsViewModel.Preset.SMALL.label() + ", atomic counter", CallsViewModel.seriesLabel(model.settings()));
        model.callsProperty().set(777);
        assertEquals("777 calls / 100 in flight, atomic counter", CallsViewModel.seriesLabel(model.settings()));
    }

    /** The plots keep the latest few runs, each its own series named by its row; the oldest gives way. */
    @Test
    void plotsKeepTheLatestFewRuns() throws InterruptedException {
        CallsViewModel model = new CallsViewModel(new CallRunner());
        model.concurrencyProperty().set(10);
        model.maxSleepMillisProperty().set(0);
        for (int calls = 1; calls <= CallsViewModel.MAX_SERIES + 1; calls++) {
            model.callsProperty().set(calls * 10);
            model.run();
            sampleUntilIdle(model);
        }
        assertEquals(CallsViewModel.MAX_SERIES + 1, model.pastRuns().size(), "every ended run is a row");
        assertEquals(CallsViewModel.MAX_SERIES + 1, model.pastRuns().getFirst().number(), "newest first");
        // Runs too small to compile their code: each is still marked as compiling as it ran.
        assertEquals("50 calls / 10 in flight, no sleeps, atomic counter" + CallsViewModel.COLD_RUN,
                model.pastRuns().getFirst().run());
        assertEquals("✔ 1,275", model.pastRuns().getFirst().result());
        assertEquals(CallsViewModel.MAX_SERIES, model.throughputSeries().size());
        assertEquals(CallsViewModel.MAX_SERIES, model.inFlightSeries().size());
        assertEquals("#2 20 calls / 10 in flight, no sleeps, atomic counter", model.throughputSeries().getFirst().getName());
        assertEquals("#5 50 calls / 10 in flight, no sleeps, atomic counter", model.inFlightSeries().getLast().getName());
    }

    /**
     * "Run it twice": two runs of the same settings are two curves, the first (compiling its code as
     * it went) beside the second, each named by its row (the second used to replace the first).
     */
    @Test
    void aRunRepeatedIsDrawnBesideTheFirst() throws InterruptedException {
        CallsViewModel model = model(300, 30, 5);
        for (int run = 1; run <= 2; run++) {
            model.run();
            sampleUntilIdle(model);
        }
        String label = "300 calls / 30 in flight, sleeps ≤ 5 ms, atomic counter";
        for (var chart : List.of(model.throughputSeries(), model.inFlightSeries())) {
            assertEquals(List.of("#1 " + label, "#2 " + label), chart.stream().map(XYChart.Series::getName).toList());
            assertTrue(chart.stream().allMatch(series -> !series.getData().isEmpty()), "both runs drawn");
        }
        assertEquals(List.of(2, 1), model.pastRuns().stream().map(CallsViewModel.PastRun::number).toList());
    }

    /**
     * Runs are marked as compiling their code as they ran until {@link CallsViewModel#WARMING_CALLS}
     * calls in all have run before them: a large run, or small ones together (six runs of 1,000 calls
     * were each marked, a learner's tryout: the JIT counts calls, not runs).
     */
    @Test
    void theFirstLargeRunSinceStartIsMarkedCold() throws InterruptedException {
        CallsViewModel model = model(10, 10, 0);
        model.run();
        sampleUntilIdle(model);
        model.callsProperty().set((int) CallsViewModel.WARMING_CALLS);
        model.run();
        sampleUntilIdle(model);
        model.callsProperty().set(10);
        model.run();
        sampleUntilIdle(model);
        assertEquals(List.of(false, true, true), model.pastRuns().stream()
                .map(past -> past.run().endsWith(CallsViewModel.COLD_RUN)).toList(), "newest first");

        CallsViewModel small = model(2_500, 100, 0);
        for (int run = 1; run <= 5; run++) {
            small.run();
            sampleUntilIdle(small);
        }
        assertEquals(List.of(false, true, true, true, true), small.pastRuns().stream()
                .map(past -> past.run().endsWith(CallsViewModel.COLD_RUN)).toList(), "10,000 calls before the fifth");
    }

    /**
     * A cold run at its ideal is not marked: compiling cost it nothing to see, and every row of the
     * 1,000-call preset (sleeps of up to 1 s, efficiency 99 %) read "(its code compiled as it ran)".
     * Each run is checked against the rule whatever its efficiency (a loaded machine can hold one
     * under it); up to three runs of 10 calls (all cold: far under {@link CallsViewModel#WARMING_CALLS})
     * until one reaches it, which is then unmarked.
     */
    @Test
    void aColdRunAtItsIdealIsNotMarked() throws InterruptedException {
        CallsViewModel model = model(10, 10, 2_000); // one wave of sleeps of up to 2 s: its efficiency near 1
        boolean unmarkedSeen = false;
        for (int run = 1; run <= 3 && !unmarkedSeen; run++) {
            model.run();
            sampleUntilIdle(model);
            CallsViewModel.PastRun past = model.pastRuns().getFirst();
            boolean atIdeal = past.efficiency().orElseThrow() >= CallsViewModel.COLD_UNSEEN;
            assertEquals(!atIdeal, past.cold(), past.toString());
            unmarkedSeen = atIdeal;
        }
        assertTrue(unmarkedSeen, "none of three runs of 10 calls reached " + CallsViewModel.COLD_UNSEEN + " of its ideal: "
                + model.pastRuns());
    }

    /**
     * A run no memory sample found a call asleep in (one call, no sleep: over before the sampler's
     * first look) says so, not "sampled while the calls run" once it has ended.
     */
    @Test
    void aRunThatEndsBeforeTheFirstMemorySampleSaysSo() throws InterruptedException {
        CallsViewModel model = new CallsViewModel(new CallRunner());
        model.callsProperty().set(1); // one call, no sleep: over long before the sampler's first look
        model.concurrencyProperty().set(1);
        model.maxSleepMillisProperty().set(0);
        model.run();
        sampleUntilIdle(model);
        assertEquals(CallsViewModel.MEMORY_NONE, model.memoryTextProperty().get());
        assertEquals("no sample (every 50 ms) found a call asleep: with Max sleep 0 a call ends as soon as it starts",
                model.memoryDetailProperty().get());
    }

    /**
     * A run its platform threads' starts held far under its limit says why under the cards, with the
     * start rate the run measured; the next run, which reaches its limit, says nothing.
     */
    @Test
    void aRunItsThreadStartsHeldUnderItsLimitSaysWhy() throws InterruptedException {
        CallsViewModel model = new CallsViewModel(new CallRunner());
        model.threadsProperty().set(ThreadKind.PLATFORM);
        model.callsProperty().set(3_000);
        model.concurrencyProperty().set(3_000);
        model.maxSleepMillisProperty().set(20); // 10 ms a call: ended as fast as new threads start
        model.run();
        sampleUntilIdle(model);
        String why = model.startRateNoteProperty().get();
        assertTrue(why.startsWith(String.format(Locale.ROOT, "At most %,d of 3,000 allowed in flight: platform threads"
                + " started at ", model.maxInFlightProperty().get())), why);

        model.callsProperty().set(100);
        model.concurrencyProperty().set(10);
        model.maxSleepMillisProperty().set(50);
        model.run();
        sampleUntilIdle(model);
        assertEquals(10, model.maxInFlightProperty().get());
        assertEquals("", model.startRateNoteProperty().get());
    }

    /**
     * A past run's row says where other programs kept the machine busy while it went: its time counts
     * the wait for a core (a learner read 11.9 % on a busy machine and took virtual threads to be slow).
     */
    @Test
    void aRunOnABusyMachineIsMarked() {
        CallSettings settings = CallSettings.of(1_000, 100);
        CallResult busy = new CallResult(settings, Outcome.COMPLETED, null, 500_500, 500_500, 1_000, 0, 1_000,
                4_000_000_000L, 1_000_000_000L, 100, 0, CallHistogram.EMPTY, MemoryPerThread.NONE, 0,
                OptionalDouble.of(0.71));
        assertEquals(" (other programs used 71 % of the machine's cores' time)", CallsViewModel.busyMark(busy));
        CallsViewModel.PastRun row = new CallsViewModel.PastRun(1, "#1 1,000 calls" + CallsViewModel.busyMark(busy)
                + CallsViewModel.COLD_RUN, "✔ 500,500", 4_000, 1_000, OptionalDouble.of(0.25), 100);
        assertTrue(row.busy() && row.cold(), row.run());
        CallResult quiet = new CallResult(settings, Outcome.COMPLETED, null, 500_500, 500_500, 1_000, 0, 1_000,
                1_000_000_000L, 1_000_000_000L, 100, 0, CallHistogram.EMPTY, MemoryPerThread.NONE, 0,
                OptionalDouble.of(0.2));
        assertEquals("", CallsViewModel.busyMark(quiet), "under a quarter: not worth a mark");
        // The efficiency card says so too, beside its 25 %, until a run without the mark is shown.
        CallsViewModel model = new CallsViewModel(new CallRunner());
        model.showResult(busy);
        assertEquals("25.0 %", model.efficiencyTextProperty().get());
        assertEquals("ideal ÷ elapsed; lower while other programs used 71 % of the machine's cores' time",
                model.efficiencyDetailBinding().get());
        model.showResult(quiet);
        assertEquals("ideal ÷ elapsed", model.efficiencyDetailBinding().get());
        CallResult spared = new CallResult(settings, Outcome.COMPLETED, null, 500_500, 500_500, 1_000, 0, 1_000,
                1_000_000_000L, 980_000_000L, 100, 0, CallHistogram.EMPTY, MemoryPerThread.NONE, 0,
                OptionalDouble.of(0.94));
        assertEquals("", CallsViewModel.busyMark(spared), "at 98 % of its ideal: the wait cost it too little to see");
        assertEquals("", CallsViewModel.busyMark(new CallResult(settings, Outcome.COMPLETED, null, 500_500, 500_500,
                1_000, 0, 1_000, 1_000_000_000L, 1_000_000_000L, 100, 0, CallHistogram.EMPTY, MemoryPerThread.NONE)),
                "not known");
    }

    /** A series is named for what its run was: a preset's run with another sleep or counter says so. */
    @Test
    void seriesNamesSayHowARunDiffersFromThePreset() {
        CallsViewModel model = new CallsViewModel(new CallRunner());
        model.applyPreset(CallsViewModel.Preset.SMALL);
        model.maxSleepMillisProperty().set(20);
        model.counterProperty().set(CounterKind.RACY);
        assertEquals("1,000 calls / 100 threads, sleeps ≤ 20 ms, racy counter",
                CallsViewModel.seriesLabel(model.settings()));
        model.callsProperty().set(1);
        model.concurrencyProperty().set(1);
        model.threadsProperty().set(ThreadKind.PLATFORM);
        assertEquals("1 call / 1 in flight, platform threads, sleeps ≤ 20 ms, racy counter",
                CallsViewModel.seriesLabel(model.settings()));
    }

    /** A run sampled frame by frame ends with the right total, the check mark and a plotted series. */
    @Test
    void runEndsWithTheCheckMark() throws InterruptedException {
        CallRunner runner = new CallRunner();
        CallsViewModel model = new CallsViewModel(runner);
        model.callsProperty().set(1_000);
        model.concurrencyProperty().set(100);
        model.maxSleepMillisProperty().set(20);
        model.run();
        model.run(); // Run twice starts nothing extra
        assertTrue(model.runningBinding().get());
        sampleUntilIdle(model);
        assertEquals(500_500L, model.sumProperty().get());
        assertTrue(model.okProperty().get());
        assertTrue(model.verdictProperty().get().startsWith("✔ 500,500"), model.verdictProperty().get());
        assertEquals(CallsViewModel.Banner.SUCCESS, model.bannerProperty().get(), "a right total is a success banner");
        assertEquals(1_000, model.callsCompletedProperty().get());
        assertTrue(model.efficiencyProperty().get() > 0);
        assertEquals(1, model.throughputSeries().size());
        assertEquals("#1 " + CallsViewModel.Preset.SMALL.label() + ", sleeps ≤ 20 ms, atomic counter", model.throughputSeries().getFirst().getName());
        assertFalse(model.throughputSeries().getFirst().getData().isEmpty());
    }

    /**
     * While calls sleep the view shows them parked, not running, and says what running means; at the
     * end both histogram series count every call, and Reset clears them.
     */
    @Test
    void runningParkedAndTheHistogramFollowTheRun() throws InterruptedException {
        CallsViewModel model = model(1_000, 1_000, 1_000);
        model.run();
        double mostParkedShare = 0;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (model.stateProperty().get() != RunState.IDLE || !model.finishedProperty().get()) {
            Thread.sleep(16);
            model.sample(System.nanoTime());
            if (model.inFlightProperty().get() >= 500) {
                mostParkedShare = Math.max(mostParkedShare,
                        (double) model.parkedProperty().get() / model.inFlightProperty().get());
            }
            assertTrue(model.runningProperty().get() <= CallRunner.carrierThreads(), "running "
                    + model.runningProperty().get());
            assertTrue(System.nanoTime() < deadline, "the run did not end in 30 s");
        }
        assertTrue(mostParkedShare >= 0.9, "at most " + mostParkedShare + " of the calls in flight parked");
        assertEquals(String.format("none mounted now on the %d carrier threads", CallRunner.carrierThreads()),
                model.runningMeaningProperty().get(), "none running once the run has ended");
        assertEquals(0, model.parkedProperty().get(), "nothing parked once the run has ended");
        assertEquals(2, model.histogramSeries().size());
        for (var series : model.histogramSeries()) {
            long counted = 0;
            var points = series.getData();
            for (int i = 0; i + 1 < points.size(); i += 2) {
                counted += points.get(i).getYValue().longValue(); // each bin is two points at its height
            }
            assertEquals(1_000, counted, series.getName());
        }
        assertTrue(model.histogramNoteProperty().get().startsWith("1,000 calls: mean sleep"),
                model.histogramNoteProperty().get());
        // An earlier test's run may have left its memory resident: then this run reused it, and says so.
        assertTrue(model.memoryTextProperty().get().contains("RSS") || model.memoryTextProperty().get().contains("heap")
                || model.memoryTextProperty().get().equals("not measurable now"), model.memoryTextProperty().get());

        model.reset();
        assertTrue(model.histogramSeries().stream().allMatch(series -> series.getData().isEmpty()));
        assertEquals(CallsViewModel.MEMORY_NONE, model.memoryTextProperty().get());
    }

    /**
     * With a counter that has a lock, the Parked card counts the calls at it apart from running (a
     * teacher saw 3,325 running on 2 carriers while they waited for the synchronized counter's
     * monitor); an atomic counter has no such line.
     */
    @Test
    void theCallsAtTheCountersLockAreCountedApart() throws InterruptedException {
        CallsViewModel model = model(2_000, 2_000, 20);
        model.counterProperty().set(CounterKind.SYNCHRONIZED);
        model.run();
        boolean said = false;
        while (model.stateProperty().get() != RunState.IDLE || !model.finishedProperty().get()) {
            Thread.sleep(5);
            model.sample(System.nanoTime());
            said |= model.parkedDetailProperty().get().matches("(?s).*\\n[0-9,]+ waiting at the counter's lock\\n.*")
                    && model.statusSentence().matches(".*parked, [0-9,]+ at the lock\\), .*");
        }
        assertTrue(said, "the lock's line: " + model.parkedDetailProperty().get());
        CallsViewModel atomic = model(2_000, 2_000, 20);
        atomic.run();
        boolean sampled = false;
        while (atomic.stateProperty().get() != RunState.IDLE || !atomic.finishedProperty().get()) {
            Thread.sleep(5);
            atomic.sample(System.nanoTime());
            String detail = atomic.parkedDetailProperty().get();
            sampled |= detail.contains("more in flight");
            assertFalse(detail.contains("lock"), detail);
        }
        assertTrue(sampled, "no sample of the atomic run in flight");
    }

    /** Bytes read as a teacher would say them. */
    @Test
    void bytesInWords() {
        assertEquals("512 B", CallsViewModel.bytes(512));
        assertEquals("1.9 KB", CallsViewModel.bytes(1_926));
        assertEquals("29 KB", CallsViewModel.bytes(29_400));
        assertEquals("1.2 MB", CallsViewModel.bytes(1_200_000));
    }

    /**
     * The racy verdict's two figures say what each counts, and why they differ when they do (a
     * learner read "9,154 values handed out more than once; the counter ends 9,156 short" as an error).
     */
    @Test
    void theRacyVerdictSaysWhatEachFigureCounts() {
        assertEquals("639 calls got a value another call had already got; the counter ends 639 short of the calls",
                CallsViewModel.lostUpdates(639, 639));
        assertEquals("1 call got a value another call had already got; the counter ends 1 short of the calls",
                CallsViewModel.lostUpdates(1, 1));
        assertEquals("9,154 calls got a value another call had already got; the counter ends 9,156 short of the calls"
                + " (2 more: a stale write moved it back below values already handed out)",
                CallsViewModel.lostUpdates(9_154, 9_156));
    }

    /** The racy counter ends with a cross and the number of duplicated values. */
    @Test
    void racyRunEndsWithACross() throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            CallsViewModel model = model(200_000, 8, 0);
            model.counterProperty().set(CounterKind.RACY);
            model.run();
            sampleUntilIdle(model);
            if (!model.okProperty().get()) {
                assertTrue(model.duplicatesProperty().get() > 0);
                assertTrue(model.verdictProperty().get().startsWith("✘"), model.verdictProperty().get());
                // The counter hands out every value up to its end (each write is a read value plus one),
                // so at most calls - counter values are handed out twice; fewer when it moved back.
                long duplicates = model.duplicatesProperty().get();
                long short_ = 200_000 - model.counterValueProperty().get();
                assertTrue(duplicates <= short_, duplicates + " duplicates, " + short_ + " short");
                assertTrue(model.verdictProperty().get().endsWith(": " + CallsViewModel.lostUpdates(duplicates, short_)),
                        model.verdictProperty().get());
                assertEquals(CallsViewModel.Banner.FAILURE, model.bannerProperty().get());
                return;
            }
        }
        throw new AssertionError("20 racy runs lost no update");
    }

    /**
     * After a run, changed settings leave the run's figures as they were (its calls, its n(n+1)/2),
     * marked as the last run's with its settings, until Reset.
     */
    @Test
    void changedSettingsNeverReinterpretTheLastRunsFigures() throws InterruptedException {
        CallsViewModel model = model(1_000, 100, 5);
        model.run();
        // While it runs the line names the run (it went, and the page under it shifted up a line).
        assertEquals("This run's figures (1,000 calls, at most 100 in flight, virtual threads, sleeps up to 5 ms, "
                + "atomic counter, seed 42).", model.figuresNoteProperty().get());
        sampleUntilIdle(model);
        assertEquals("Last run's figures (1,000 calls, at most 100 in flight, virtual threads, sleeps up to 5 ms, "
                + "atomic counter, seed 42).", model.figuresNoteProperty().get());
        assertFalse(model.settingsChangedProperty().get());
        assertEquals("✔ 500,500 = n(n+1)/2", model.statusSentence(), "the status line: the run's verdict");

        model.callsProperty().set(100_000);
        model.sample(System.nanoTime());
        assertEquals("Ready: 100,000 calls, at most 100 in flight on virtual threads", model.statusSentence(),
                "the settings changed: the status line says what Run will do, as the other tabs' do");
        assertEquals(1_000, model.callsPlannedProperty().get(), "completed counts against the run's calls");
        assertEquals(1_000, model.callsCompletedProperty().get());
        assertEquals(500_500L, model.expectedSumProperty().get(), "the sum is checked against the run's n(n+1)/2");
        assertEquals(CallsViewModel.Banner.SUCCESS, model.bannerProperty().get(), "the banner stays, marked");
        assertTrue(model.settingsChangedProperty().get());
        assertTrue(model.figuresNoteProperty().get().startsWith("Last run's figures (1,000 calls"),
                model.figuresNoteProperty().get());
        assertTrue(model.figuresNoteProperty().get().contains("settings have changed"), model.figuresNoteProperty().get());

        assertEquals(1, model.pastRuns().size());
        model.reset();
        assertTrue(model.pastRuns().isEmpty(), "Reset clears the past runs too");
        assertEquals("", model.figuresNoteProperty().get());
        assertEquals(100_000, model.callsPlannedProperty().get(), "after Reset, the settings' calls");
        assertEquals(CallsViewModel.Banner.NONE, model.bannerProperty().get());
    }

    /** A run without sleeps is said to have none, as its efficiency card says: not "sleeps up to 0 ms". */
    @Test
    void aRunWithoutSleepsSaysSo() throws InterruptedException {
        CallsViewModel model = model(1_000, 100, 0);
        model.run();
        assertEquals("This run's figures (1,000 calls, at most 100 in flight, virtual threads, no sleeps, "
                + "atomic counter, seed 42).", model.figuresNoteProperty().get());
        sampleUntilIdle(model);
    }

    /** Platform threads above their cap are never switched silently: the note says what changed and why. */
    @Test
    void threadKindChangesSayWhy() {
        CallsViewModel model = new CallsViewModel(new CallRunner());
        model.callsProperty().set(1_000_000);
        model.concurrencyProperty().set(100);
        model.threadsProperty().set(ThreadKind.PLATFORM);
        assertEquals("", model.threadsNoteProperty().get());
        model.concurrencyProperty().set(20_000);
        assertEquals(ThreadKind.VIRTUAL, model.threadsProperty().get());
        assertEquals("Switched to virtual threads: 20,000 in flight is above the cap of 4,000 platform threads.",
                model.threadsNoteProperty().get());
        model.threadsProperty().set(ThreadKind.PLATFORM);
        assertEquals(4_000, model.concurrencyProperty().get());
        assertEquals("Concurrency lowered from 20,000 to 4,000: platform threads are capped at 4,000 per run.",
                model.threadsNoteProperty().get());
        model.concurrencyProperty().set(50);
        assertEquals("", model.threadsNoteProperty().get(), "a change that needs no switch clears the note");
        assertEquals("", model.threadsMessageBinding().get());
        model.threadsProperty().set(ThreadKind.VIRTUAL);
        model.concurrencyProperty().set(100_000);
        assertEquals("Platform greyed out: 100,000 in flight is above the cap of 4,000 platform threads. Lower"
                + " calls or concurrency to 4,000 or fewer to use them.", model.threadsMessageBinding().get(),
                "no switch, but a button greyed out");
        // What caps platform threads is the calls in flight: 1,000 calls start 1,000 threads at most,
        // whatever the concurrency.
        model.callsProperty().set(1_000);
        assertTrue(model.platformAllowedBinding().get(), "1,000 calls at a concurrency of 100,000");
        assertEquals("", model.threadsMessageBinding().get());
        model.threadsProperty().set(ThreadKind.PLATFORM);
        assertEquals(100_000, model.concurrencyProperty().get(), "nothing lowered: 1,000 in flight at most");
        assertEquals(ThreadKind.PLATFORM, model.settings().threads());
        model.callsProperty().set(10_000);
        assertEquals(ThreadKind.VIRTUAL, model.threadsProperty().get(), "more calls, more in flight: virtual again");
        assertEquals("Switched to virtual threads: 10,000 in flight is above the cap of 4,000 platform threads.",
                model.threadsNoteProperty().get());
    }

    /**
     * A run that reused memory an earlier one made resident has no RSS figure, nor a heap figure as
     * its headline: collections during the run free earlier runs' garbage too, and the heap's growth
     * read 260 B a thread where a fresh start measured 4.7 KB (a teaching assistant's tryout). The
     * line says why, and tells the heap's growth with that warning.
     */
    @Test
    void aRunThatReusedMemoryIsNotMeasurableNow() {
        CallsViewModel model = new CallsViewModel(new CallRunner());
        model.showMemory(new MemoryPerThread(100_000, true, 0, true, 26_000_000), true, 1_000);
        assertEquals("not measurable now", model.memoryTextProperty().get());
        assertEquals("RSS not measurable now: this run reused the memory an earlier run made resident (a fresh start"
                + " measures it, as the command line does). The heap in use grew 260 B a call in flight, 100,000 of"
                + " them, but collections meanwhile freed earlier runs' garbage too: it can be far too low",
                model.memoryDetailProperty().get());
        model.showMemory(new MemoryPerThread(100_000, true, 0, true, -1), true, 1_000);
        assertEquals("not measurable now", model.memoryTextProperty().get(), "nor when the heap shrank");
        assertTrue(model.memoryDetailProperty().get().endsWith("as the command line does)"),
                model.memoryDetailProperty().get());
        model.showMemory(new MemoryPerThread(100_000, true, 150_000_000, false, 130_000_000), true, 1_000);
        assertEquals("≈ 1.5 KB RSS", model.memoryTextProperty().get(), "RSS when it is measured");
    }

    /**
     * A run too thin to measure memory says why when its calls do not sleep: a learner who kept the
     * guide's step 1 Max sleep 0 for its memory step read only "needs 500 in flight to measure".
     */
    @Test
    void aMemoryNotMeasuredForWantOfSleepsSaysSo() {
        CallsViewModel model = new CallsViewModel(new CallRunner());
        MemoryPerThread thin = new MemoryPerThread(14, false, 0, false, -1);
        model.showMemory(thin, true, 0);
        assertEquals("needs 500 in flight to measure (its fullest sample, one every 50 ms, had 14): with Max sleep 0"
                + " a call ends as soon as it starts", model.memoryDetailProperty().get());
        model.showMemory(thin, true, 1_000);
        assertEquals("needs 500 in flight to measure (its fullest sample, one every 50 ms, had 14)",
                model.memoryDetailProperty().get(), "sleeping calls: too few in flight for another reason");
        model.showMemory(new MemoryPerThread(0, false, 0, false, -1), true, 0);
        assertEquals("no sample (every 50 ms) found a call asleep: with Max sleep 0 a call ends as soon as it starts",
                model.memoryDetailProperty().get());
    }

    /** The window takes what the command line takes, or its field says why it stops short. */
    @Test
    void windowRangesAgreeWithTheCommandLineOrSayWhyNot() {
        assertEquals(CallSettings.MAX_CALLS, CallsViewModel.CALLS.max());
        assertEquals("", CallsViewModel.CALLS.beyondMax());
        // The window's 1 GB holds 393,216 in flight beside the window (768 MB at 2 KB each), and says
        // why it stops there; 3 GB holds the command line's whole range.
        IntInput window = CallsViewModel.concurrencyInput(1L << 30);
        assertEquals(393_216, window.max());
        assertEquals("As many as the window's heap holds beside the window; the command line (calls --concurrency)"
                + " takes up to 1,000,000.", window.beyondMax());
        IntInput whole = CallsViewModel.concurrencyInput(3L << 30);
        assertEquals(CallSettings.MAX_CONCURRENCY, whole.max());
        assertEquals("", whole.beyondMax(), "nothing to say where the window takes the command line's range");
        assertEquals(CallSettings.MAX_SLEEP_MILLIS, CallsViewModel.MAX_SLEEP.max(), "the slider ends sooner, not the field");
        assertEquals(CallsViewModel.SLIDER_MAX_SLEEP_MILLIS, CallsViewModel.MAX_SLEEP.sliderMax());
        assertTrue(CallsViewModel.MAX_SLEEP.sliderNote().contains("60,000"), CallsViewModel.MAX_SLEEP.sliderNote());
    }

    /**
     * A stopped run's counter is above its completed calls (calls stopped in their sleep had read
     * it): the counter says so and by how much, and the next run starts without the note.
     */
    @Test
    void aStoppedRunsCounterSaysWhyItIsAboveTheCallsCompleted() throws InterruptedException {
        CallsViewModel model = model(20_000, 2_000, 500);
        model.run();
        long deadline = System.nanoTime() + 30_000_000_000L;
        do {
            Thread.sleep(16);
            model.sample(System.nanoTime());
            assertTrue(System.nanoTime() < deadline, "1,000 calls did not complete in 30 s");
        } while (model.callsCompletedProperty().get() < 1_000);
        assertTrue(model.counterDetailProperty().get().endsWith(" not yet returned"),
                "while the run goes on, the calls in flight: " + model.counterDetailProperty().get());
        model.stop();
        sampleUntilIdle(model);
        long above = model.counterValueProperty().get() - model.callsCompletedProperty().get();
        assertTrue(above > 0, "2,000 in flight, none stopped after reading the counter?");
        assertEquals(String.format(Locale.ROOT, "%,d cut short", above),
                model.counterDetailProperty().get());
        model.maxSleepMillisProperty().set(0);
        model.callsProperty().set(100);
        model.run();
        sampleUntilIdle(model);
        assertTrue(model.okProperty().get());
        assertEquals("", model.counterDetailProperty().get(), "a completed run has no note");
    }

    /**
     * A racy run run to its end says on its counter's card how many updates it lost, exactly (each
     * call added one): the card's "at least 127 updates lost" went as the run ended, just when a
     * class reads it (a teacher's tryout). The banner's shortfall is the same figure.
     */
    @Test
    void aCompletedRacyRunsCounterSaysHowManyUpdatesItLost() throws InterruptedException {
        assertEquals("1,234 updates lost", CallsViewModel.completedCounterDetail(false, 1_234));
        assertEquals("1 update lost", CallsViewModel.completedCounterDetail(false, 1), "not '1 updates lost'");
        assertEquals("", CallsViewModel.completedCounterDetail(false, 0), "none lost");
        assertEquals("", CallsViewModel.completedCounterDetail(true, 0), "a safe counter");
        CallsViewModel model = model(1_000, 100, 0);
        model.counterProperty().set(CounterKind.RACY);
        long lost = 0;
        for (int run = 0; run < 5 && lost == 0; run++) { // the racy counter yields between its read and its write
            model.run();
            sampleUntilIdle(model);
            lost = model.callsCompletedProperty().get() - model.counterValueProperty().get();
        }
        assertEquals(1_000, model.callsCompletedProperty().get(), "run to its end");
        assertTrue(lost > 0, "none lost in five racy runs of 1,000 calls on 100 threads");
        assertEquals(Counts.of(lost, "update") + " lost", model.counterDetailProperty().get());
        assertTrue(model.verdictProperty().get().contains(String.format(Locale.ROOT, "%,d short", lost)),
                model.verdictProperty().get());
    }

    /**
     * A racy run stopped after it lost updates keeps the evidence: the banner is a failure with the
     * repeats and how far the counter ends short, the counter card says how many were lost at least,
     * and the past runs' row has the duplicates (a teacher stopped a long racy demo and was left with
     * "Stopped after 3,310,951 calls" and a bare counter of 11,819).
     */
    @Test
    void aRacyRunStoppedAfterItLostUpdatesSaysSo() throws InterruptedException {
        CallsViewModel model = model(5_000_000, 1_000, 1);
        model.counterProperty().set(CounterKind.RACY);
        model.run();
        long deadline = System.nanoTime() + 30_000_000_000L;
        do {
            Thread.sleep(16);
            model.sample(System.nanoTime());
            assertTrue(System.nanoTime() < deadline, "no update lost in 30 s: " + model.counterDetailProperty().get());
        } while (!model.counterDetailProperty().get().startsWith("at least "));
        model.stop();
        sampleUntilIdle(model);
        long duplicates = model.duplicatesProperty().get();
        long short_ = model.callsCompletedProperty().get() - model.counterValueProperty().get();
        assertTrue(duplicates > 0 && short_ > 0, duplicates + " duplicates, " + short_ + " short");
        String verdict = model.verdictProperty().get();
        assertTrue(verdict.startsWith(String.format(Locale.ROOT, "✘ Stopped after %,d calls, updates lost already: ",
                model.callsCompletedProperty().get())), verdict);
        assertEquals(CallsViewModel.Banner.FAILURE, model.bannerProperty().get());
        // 1,000 in flight at Stop, most of them past their read of the counter: the card says how many
        // Stop cut short, and the banner's two figures, if they differ, say why.
        String card = model.counterDetailProperty().get();
        assertTrue(card.matches("at least " + Counts.of(short_, "update") + " lost(\n[0-9,]+ cut short)?"), card);
        long cutShort = card.contains("\n")
                ? Long.parseLong(card.substring(card.indexOf('\n') + 1, card.indexOf(" cut short")).replace(",", "")) : 0;
        assertTrue(verdict.endsWith(CallsViewModel.stoppedShort(duplicates, short_, cutShort)), verdict);
        assertTrue(short_ == duplicates || verdict.endsWith(")"), "the figures differ without a word why: " + verdict);
        // The place held for the verdict from Stop on was as high as this one needs: no longer
        // than the longest verdict the run could end with (a stopped one took a line more, 1280x800).
        assertTrue(CallsViewModel.longestStoppedVerdict(model.settings()).length() >= verdict.length(),
                CallsViewModel.longestStoppedVerdict(model.settings()) + " against " + verdict);
        assertTrue(model.pastRuns().getFirst().result().endsWith(", ✘ " + Counts.of(duplicates, "duplicate")),
                model.pastRuns().getFirst().result());
    }

    /**
     * During a run the counter card says why it runs ahead of the calls completed: the calls in
     * flight read it before their sleep (a learner saw "Counter 370" beside "270 / 1,000" unexplained).
     */
    @Test
    void theCounterSaysWhyItRunsAheadOfTheCallsCompleted() throws InterruptedException {
        CallsViewModel model = model(400, 100, 500);
        model.counterProperty().set(CounterKind.ATOMIC);
        model.run();
        String seen = "";
        for (int i = 0; i < 200 && seen.isEmpty(); i++) {
            Thread.sleep(20);
            model.sample(System.nanoTime());
            long ahead = model.counterValueProperty().get() - model.callsCompletedProperty().get();
            if (ahead > 0 && model.stateProperty().get() == RunState.RUNNING) {
                seen = model.counterDetailProperty().get();
                assertEquals(String.format(Locale.ROOT, "%,d not yet returned", ahead), seen);
            }
        }
        assertFalse(seen.isEmpty(), "never sampled the counter ahead of the calls completed");
        sampleUntilIdle(model);
        assertEquals("", model.counterDetailProperty().get(), "a completed run's counter equals its calls");
    }

    /**
     * A racy counter that has fallen behind the calls completed has lost at least the difference,
     * and its card says so during the run: it showed "693" beside hundreds of thousands of calls
     * completed, with no word.
     */
    @Test
    void aRacyCounterBehindTheCallsCompletedSaysItLostUpdates() throws InterruptedException {
        CallsViewModel model = model(20_000, 1_000, 20);
        model.counterProperty().set(CounterKind.RACY);
        model.run();
        String seen = "";
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (seen.isEmpty() && model.stateProperty().get() != RunState.IDLE && System.nanoTime() < deadline) {
            Thread.sleep(16);
            model.sample(System.nanoTime());
            long behind = model.callsCompletedProperty().get() - model.counterValueProperty().get();
            if (behind > 0 && model.stateProperty().get() == RunState.RUNNING) {
                seen = model.counterDetailProperty().get();
                assertEquals("at least " + Counts.of(behind, "update") + " lost", seen);
            }
        }
        model.stop();
        assertFalse(seen.isEmpty(), "never sampled the racy counter behind the calls completed");
    }

    /**
     * A short run draws a curve at its real rate. In its first second a point each frame: 1,000 calls
     * with sleeps up to 100 ms (about 0.5 s) take 10 points at least, where a point every 0.1 s gave 5
     * or 6. Each rate over the run time so far: 1,000 calls with sleeps up to 20 ms (about 0.1 s)
     * peak at their whole run's rate, where over a half second padded with nothing they peaked at
     * 2,000 calls a second beside a card of 7,944 (1,000 calls without sleeps drew as one 4 px dash).
     */
    @Test
    void aShortRunDrawsACurveThatReachesItsRate() throws InterruptedException {
        CallsViewModel model = model(1_000, 100, 100);
        // Twice: the first sample of a test JVM's first run took 100 ms (its code loading); the
        // second run's series replaces the first's.
        for (int run = 0; run < 2; run++) {
            model.run();
            sampleUntilIdle(model);
        }
        List<XYChart.Data<Number, Number>> points = model.throughputSeries().getFirst().getData();
        assertTrue(points.size() >= 10, points.size() + " points over " + points.getLast().getXValue() + " s");
        assertTrue(model.inFlightSeries().getFirst().getData().size() >= 10, "calls in flight too");
        model.maxSleepMillisProperty().set(20);
        model.run();
        sampleUntilIdle(model);
        double highest = model.throughputSeries().getLast().getData().stream()
                .mapToDouble(point -> ((Number) point.getExtraValue()).doubleValue()).max().orElseThrow();
        assertTrue(highest >= 0.8 * model.callsPerSecondProperty().get(), "the curve peaks at " + highest
                + " calls a second, the whole run went at " + model.callsPerSecondProperty().get());
    }

    /**
     * The calls in flight are plotted as their mean since the point before, not as read at the
     * point: a run sampled only once it has ended (1,000 calls without sleeps end within a frame or
     * two) draws its mean in flight over the run, not the 0 left when every call has ended (a learner
     * saw a run that had 100 in flight drawn flat on the 0 row).
     */
    @Test
    void aRunSampledOnlyAtItsEndDrawsItsMeanInFlight() throws InterruptedException {
        CallRunner runner = new CallRunner();
        CallsViewModel model = new CallsViewModel(runner);
        model.callsProperty().set(1_000);
        model.concurrencyProperty().set(100);
        model.maxSleepMillisProperty().set(0);
        model.run();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (runner.snapshot().result() == null) {
            assertTrue(System.nanoTime() < deadline, "1,000 calls without sleeps did not end in 30 s");
            Thread.sleep(1);
        }
        model.sample(System.nanoTime());
        List<XYChart.Data<Number, Number>> points = model.inFlightSeries().getLast().getData();
        assertEquals(1, points.size(), "one sample, one point");
        double mean = ((Number) points.getFirst().getExtraValue()).doubleValue();
        assertTrue(mean >= 1 && mean <= model.maxInFlightProperty().get(), "mean in flight " + mean + ", most "
                + model.maxInFlightProperty().get());
    }

    /**
     * A stopped racy run's banner says why its two figures differ: the calls Stop cut short had
     * moved the counter on (a learner's "450,632 calls got a value another call had already got; the
     * counter ends 450,584 short of the calls", unexplained); where they raise it above the calls
     * completed, that too.
     */
    @Test
    void aStoppedRacyRunSaysWhyItsTwoFiguresDiffer() {
        assertEquals("450,632 calls got a value another call had already got; the counter ends 450,584 short of the"
                + " calls completed, not 450,632: the 48 calls Stop cut short had read it, moving it on, and never"
                + " completed", CallsViewModel.stoppedShort(450_632, 450_584, 48));
        // More cut short than the difference: some of their updates were lost too (1 fewer beside
        // 99,009 cut short "moving it on" read as nonsense; "70 fewer ... and some of their updates
        // stand" as a puzzle).
        assertEquals("10,308 calls got a value another call had already got; the counter ends 10,307 short of the"
                + " calls completed, not 10,308: 1 of the 99,009 calls Stop cut short after they had read it moved it"
                + " on for good (the others' updates were lost too)", CallsViewModel.stoppedShort(10_308, 10_307, 99_009));
        assertEquals("170 calls got a value another call had already got; the counter ends 100 short of the calls"
                + " completed, not 170: 70 of the 100 calls Stop cut short after they had read it moved it on for good"
                + " (the others' updates were lost too)", CallsViewModel.stoppedShort(170, 100, 100));
        assertEquals("9 calls got a value another call had already got; the counter ends 3 above the calls"
                + " completed: 20 calls Stop cut short had read it, moving it on, and never completed",
                CallsViewModel.stoppedShort(9, -3, 20));
        assertEquals(CallsViewModel.lostUpdates(9_154, 9_156), CallsViewModel.stoppedShort(9_154, 9_156, 0));
        assertEquals("at least 450,584 updates lost\n52 cut short", CallsViewModel.stoppedCounterDetail(false, 450_584, 52));
        assertEquals("65,278 cut short", CallsViewModel.stoppedCounterDetail(true, -65_278, 65_278));
    }

    /** The card says what its rate is over: since Run in the first half second, then the last half second. */
    @Test
    void theRateSaysWhatItIsOver() {
        assertEquals("13,333 calls per second (since Run)", CallsView.rateWords(13_333, RunState.RUNNING, 75, false));
        assertEquals("2,000 calls per second (the last 0.5 s)", CallsView.rateWords(2_000, RunState.RUNNING, 500, false));
        // Paused, the rate the run had when Pause came, in a run's first half second too; short, as the
        // running one is (see FiguresHoldStillFxTest#theFigureCardsKeepTheirColumnsThroughEveryRate).
        assertEquals("2,000 calls per second (before the pause)", CallsView.rateWords(2_000, RunState.PAUSED, 499, false));
        assertEquals("2,000 calls per second (before the pause)", CallsView.rateWords(2_000, RunState.PAUSED, 900, false));
        assertEquals("7,944 calls per second (the whole run)", CallsView.rateWords(7_944, RunState.IDLE, 126, false));
        // Stopping: no call completes; the rate is the one before Stop, or before the pause.
        assertEquals("28,827 calls per second (before the pause)",
                CallsView.rateWords(28_827, RunState.STOPPING, 4_000, true));
        assertEquals("28,827 calls per second (before Stop)",
                CallsView.rateWords(28_827, RunState.STOPPING, 4_000, false));
    }

    /**
     * A view-model with a runner of its own: {@code calls} calls, up to {@code concurrency} in flight,
     * sleeps up to {@code maxSleepMillis}.
     */
    private static CallsViewModel model(int calls, int concurrency, int maxSleepMillis) {
        CallsViewModel model = new CallsViewModel(new CallRunner());
        model.callsProperty().set(calls);
        model.concurrencyProperty().set(concurrency);
        model.maxSleepMillisProperty().set(maxSleepMillis);
        return model;
    }

    static void sampleUntilIdle(CallsViewModel model) throws InterruptedException {
        long now = System.nanoTime();
        do {
            Thread.sleep(16);
            now += 16_000_000L;
            model.sample(System.nanoTime());
        } while (model.stateProperty().get() != RunState.IDLE || !model.finishedProperty().get());
    }

    /**
     * Reset during a run returns while the run is still stopping (its calls ignore interrupts until
     * released), clears every figure, and the stopped run's figures never come back.
     */
    @Test
    void resetDuringARunDoesNotBlockAndClearsForGood() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // Calls that ignore interrupts until released: stopping this run takes as long as the test wants.
        CallRunner runner = new CallRunner(millis -> {
            boolean interrupted = false;
            while (true) {
                try {
                    release.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                throw new InterruptedException();
            }
        });
        CallsViewModel model = new CallsViewModel(runner);
        model.callsProperty().set(1_000);
        model.concurrencyProperty().set(100);
        model.run();
        while (runner.snapshot().inFlight() < 100) {
            Thread.onSpinWait();
        }
        model.sample(System.nanoTime());
        assertTrue(model.inFlightProperty().get() > 0);

        model.reset();
        assertTrue(runner.state() == RunState.RUNNING || runner.state() == RunState.STOPPING,
                "reset returned before the run could stop: " + runner.state());
        model.sample(System.nanoTime() + 1_000_000_000L);
        assertEquals(0, model.inFlightProperty().get());
        assertEquals(0, model.callsCompletedProperty().get());
        assertEquals("", model.verdictProperty().get());

        release.countDown();
        runner.await();
        model.sample(System.nanoTime() + 2_000_000_000L);
        assertEquals(RunState.IDLE, model.runState());
        assertEquals(0, model.sumProperty().get(), "the stopped run's figures came back after Reset");
        assertFalse(model.finishedProperty().get());
    }

    /**
     * A run without sleeps says efficiency is not defined (no "0.0 %" and no "NaN"), and the next
     * run with sleeps shows its ideal and its efficiency again.
     */
    @Test
    void efficiencyWithoutSleepsIsNotDefinedAndComesBack() throws InterruptedException {
        CallRunner runner = new CallRunner();
        CallsViewModel model = new CallsViewModel(runner);
        model.callsProperty().set(200);
        model.concurrencyProperty().set(20);
        model.maxSleepMillisProperty().set(0);
        model.run();
        runner.await();
        model.sample(System.nanoTime());
        assertEquals(CallsViewModel.NO_SLEEPS, model.efficiencyTextProperty().get());
        assertEquals("ideal: none (no sleeps)", model.idealTextProperty().get(), "as the past runs' table: no ideal");

        model.maxSleepMillisProperty().set(20);
        model.run();
        assertEquals(CallsViewModel.AT_THE_END, model.efficiencyTextProperty().get());
        assertEquals(CallsViewModel.IDEAL_AT_THE_END, model.idealTextProperty().get());
        runner.await();
        model.sample(System.nanoTime());
        assertTrue(model.efficiencyTextProperty().get().matches("\\d+\\.\\d %"), model.efficiencyTextProperty().get());
        assertTrue(model.idealTextProperty().get().matches("ideal [0-9,]+ ms"), model.idealTextProperty().get());
    }

    /** A test's own preferences node, never the user's: removed after the test. */
    static Preferences testNode() {
        return Preferences.userRoot().node("dev/interleave-test/" + UUID.randomUUID());
    }

    /** Settings are kept between starts (a new view-model on the same node has them), and Reset to defaults forgets them. */
    @Test
    void settingsPersistAndResetToDefaults() throws Exception {
        Preferences node = testNode();
        try {
            CallsViewModel first = new CallsViewModel(new CallRunner(), node);
            CallSettingsDefaults defaults = CallSettingsDefaults.of(first);
            first.callsProperty().set(4_321);
            first.concurrencyProperty().set(77);
            first.maxSleepMillisProperty().set(12);
            first.threadsProperty().set(ThreadKind.PLATFORM);
            first.counterProperty().set(CounterKind.RACY);
            first.seedProperty().set(99);
            node.flush();

            CallsViewModel second = new CallsViewModel(new CallRunner(), node);
            assertEquals(new CallSettings(4_321, 77, ThreadKind.PLATFORM, 12, 99,
                    CounterKind.RACY), second.settings(), "the next start has the kept settings");

            second.resetSettings();
            assertEquals(defaults, CallSettingsDefaults.of(second), "Reset to defaults");
            CallsViewModel third = new CallsViewModel(new CallRunner(), node);
            assertEquals(defaults, CallSettingsDefaults.of(third), "and the defaults are what is kept");
        } finally {
            node.removeNode();
        }
    }

    private record CallSettingsDefaults(int calls, int concurrency, int maxSleep, ThreadKind threads,
                                        CounterKind counter, long seed) {
        static CallSettingsDefaults of(CallsViewModel model) {
            return new CallSettingsDefaults(model.callsProperty().get(), model.concurrencyProperty().get(),
                    model.maxSleepMillisProperty().get(), model.threadsProperty().get(), model.counterProperty().get(),
                    model.seedProperty().get());
        }
    }

    /** The figures export as the command line's JSON object for the same run; the series as CSV rows. */
    @Test
    void anEndedRunExportsAsTheCommandLinesJsonAndCsv() throws Exception {
        CallsViewModel model = new CallsViewModel(new CallRunner());
        assertTrue(model.resultJson().isEmpty(), "nothing before a run");
        model.callsProperty().set(200);
        model.concurrencyProperty().set(20);
        model.maxSleepMillisProperty().set(5);
        model.run();
        sampleUntilIdle(model);
        String json = model.resultJson().orElseThrow();
        assertTrue(json.startsWith("{\"calls\":200,\"concurrency\":20,\"threads\":\"virtual\",\"counter\":\"atomic\""), json);
        assertTrue(json.contains("\"total\":20100,\"expected\":20100,\"ok\":true"), json);
        assertTrue(json.endsWith("\"outcome\":\"ok\",\"failure\":null}"), json);

        Path csv = Files.createTempFile("interleave-", ".csv");
        try {
            PlotData.writeCsv(csv, model.plots());
            List<String> lines = Files.readAllLines(csv);
            assertEquals(PlotData.CSV_HEADER, lines.getFirst());
            long points = model.throughputSeries().getFirst().getData().size() + model.inFlightSeries().getFirst().getData().size();
            // The third plot too: a row per bin of each histogram, whose calls add up to the run's
            // (the CSV had the two line plots alone).
            List<String> bins = lines.stream().filter(line -> line.startsWith("durations,")).toList();
            assertEquals(points + bins.size(), lines.size() - 1, "one row a point");
            for (String series : List.of("sleeps drawn", "calls measured (start to return)")) {
                double calls = bins.stream().filter(line -> line.contains("," + series + ","))
                        .mapToDouble(line -> Double.parseDouble(line.split(",")[3])).sum();
                assertEquals(200, calls, series + ": " + bins);
            }
            assertTrue(lines.stream().skip(1).allMatch(line -> line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)").length == 5),
                    lines.toString());
            // The log plots' real values (log10 alone wrote 1 for an ended run's 0 in flight): the
            // last point's mean in flight, not its log.
            String lastInFlight = lines.stream().filter(line -> line.startsWith("in-flight,")).reduce((a, b) -> b)
                    .orElseThrow();
            double mean = ((Number) model.inFlightSeries().getFirst().getData().getLast().getExtraValue()).doubleValue();
            assertTrue(lastInFlight.endsWith(String.format(Locale.ROOT, ",%.3f,calls in flight (mean since the point before)",
                    mean)), lastInFlight + " against " + mean);
        } finally {
            Files.deleteIfExists(csv);
        }
        model.reset();
        assertTrue(model.resultJson().isEmpty(), "nothing after Reset");
    }
}
