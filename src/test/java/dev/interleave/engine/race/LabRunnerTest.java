package dev.interleave.engine.race;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.RecordingThreads;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lab's measurements in the window's runner: each leg a real race run, Pause and Stop across legs. */
@Timeout(120)
class LabRunnerTest {

    /**
     * Lost updates: every strategy runs R times; each safe one loses exactly nothing in every run,
     * and the figures list R runs per strategy.
     */
    @Test
    void lostUpdatesRunsEveryStrategyAndSafeOnesLoseNothing() throws Exception {
        LabRunner runner = new LabRunner();
        runner.start(new LabSettings(LabMeasure.LOST_UPDATES, 2, 20_000, 3, ThreadKind.PLATFORM, false));
        LabResult result = runner.await(Duration.ofSeconds(60));
        assertEquals(Outcome.COMPLETED, result.outcome());
        assertEquals(RaceStrategy.values().length, result.legs().size());
        for (RaceStrategy strategy : RaceStrategy.values()) {
            List<Long> lost = result.figures().lost(strategy);
            assertEquals(3, lost.size(), strategy.label());
            if (strategy.isSafe()) {
                assertEquals(List.of(0L, 0L, 0L), lost, strategy.label());
            }
        }
        assertTrue(result.ok());
    }

    /** Throughput: every strategy at 1, 2, 4 ... 64 threads, the same total work each; a rate for each point and the CAS failure rate. */
    @Test
    void throughputMeasuresEveryStrategyAtEveryThreadCount() throws Exception {
        LabRunner runner = new LabRunner();
        runner.start(new LabSettings(LabMeasure.THROUGHPUT, 1, 64_000, 1, ThreadKind.VIRTUAL, false));
        LabResult result = runner.await(Duration.ofSeconds(90));
        assertEquals(Outcome.COMPLETED, result.outcome());
        assertEquals(LabMeasure.THREAD_COUNTS.size() * RaceStrategy.values().length, result.legs().size());
        for (int threads : LabMeasure.THREAD_COUNTS) {
            for (RaceStrategy strategy : RaceStrategy.values()) {
                assertTrue(result.figures().opsPerSecond(strategy, threads).orElse(0) > 0, strategy + " at " + threads);
            }
            assertTrue(result.figures().casFailuresPerIncrement(threads).isPresent());
            RaceResult leg = result.legs().stream().filter(l -> l.settings().threads() == threads).findFirst().orElseThrow();
            assertEquals(64_000, leg.settings().expected(), "the same total work at " + threads + " threads");
        }
    }

    /** False sharing: packed and padded alternate, R runs each, and a ratio comes out. */
    @Test
    void falseSharingAlternatesPackedAndPadded() throws Exception {
        LabRunner runner = new LabRunner();
        runner.start(new LabSettings(LabMeasure.FALSE_SHARING, 2, 100_000, 2, ThreadKind.PLATFORM, false));
        LabResult result = runner.await(Duration.ofSeconds(60));
        assertEquals(List.of(RaceStrategy.PACKED, RaceStrategy.STRIPED, RaceStrategy.PACKED, RaceStrategy.STRIPED),
                result.legs().stream().map(leg -> leg.settings().strategy()).toList());
        assertTrue(result.figures().falseSharingRatio().isPresent());
    }

    /**
     * Pause holds the leg going on (its count stops) and starts no next leg; Resume finishes; Stop
     * mid-way ends the measurement STOPPED with no thread of it alive, the legs done kept.
     */
    @Test
    void pauseHoldsTheLegAndStopLeavesNoThread() throws Exception {
        RecordingThreads threads = new RecordingThreads();
        LabRunner runner = new LabRunner(threads);
        runner.start(new LabSettings(LabMeasure.LOST_UPDATES, 2, 2_000_000, 20, ThreadKind.PLATFORM, false));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runner.snapshot().currentCount() < 100_000) {
            assertTrue(System.nanoTime() < deadline, "no progress in 30 s");
            Thread.onSpinWait();
        }
        runner.pause();
        while (!threads.alive().stream().filter(t -> !t.getName().contains("coordinator"))
                .allMatch(t -> t.getState() == Thread.State.WAITING)) {
            assertTrue(System.nanoTime() < deadline, "threads not parked after Pause");
            Thread.onSpinWait();
        }
        LabSnapshot paused = runner.snapshot();
        assertEquals(RunState.PAUSED, paused.state());
        assertEquals(paused.legs().size(), runner.snapshot().legs().size(), "no leg finished while paused");
        runner.resume();
        LabResult result = runner.stop();
        assertEquals(Outcome.STOPPED, result.outcome());
        assertEquals(RunState.IDLE, runner.state());
        assertEquals(List.of(), threads.alive());
        assertFalse(result.legs().size() == RaceStrategy.values().length);
    }

    /**
     * Stopped part-way through a strategy's runs, lost updates keeps the runs it finished, as a last
     * leg of fewer runs marked stopped, and the measurement does not count it as whole: a tryout
     * stopped 12 s into synchronized's 100 runs and saw none of them. The snapshot says which run
     * of the leg goes on.
     */
    @Test
    void aStoppedLostUpdatesLegKeepsTheRunsItFinished() throws Exception {
        LabRunner runner = new LabRunner();
        runner.start(new LabSettings(LabMeasure.LOST_UPDATES, 2, 500_000, 100, ThreadKind.PLATFORM, false));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runner.snapshot().currentRuns() < 3) {
            assertTrue(System.nanoTime() < deadline, "no run finished in 30 s");
            Thread.onSpinWait();
        }
        LabSnapshot going = runner.snapshot();
        assertEquals(0, going.legs().size(), "the first strategy's runs go on");
        LabResult result = runner.stop();
        assertEquals(Outcome.STOPPED, result.outcome());
        assertEquals(1, result.legs().size(), "the leg it stopped in, kept");
        RaceResult part = result.legs().getFirst();
        assertEquals(Outcome.STOPPED, part.outcome());
        assertEquals(RaceStrategy.values()[0], part.settings().strategy());
        assertTrue(part.totals().size() >= going.currentRuns() && part.totals().size() < 100,
                part.totals().size() + " runs");
        assertEquals(part.totals().size(), result.figures().lost(part.settings().strategy()).size());
        assertFalse(result.ok(), "stopped is not done");
    }
}
