package dev.interleave.engine.race;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.RecordingThreads;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Timeout(120)
class RaceRunnerTest {

    /** Every safe strategy counts every increment, on both thread kinds, every repetition: 8 x 100,000, three times. */
    @ParameterizedTest
    @EnumSource(value = RaceStrategy.class, names = {"SYNCHRONIZED", "LOCK", "ATOMIC", "CAS", "ADDER", "STRIPED", "PACKED"})
    void safeStrategiesCountEveryIncrement(RaceStrategy strategy) throws Exception {
        for (ThreadKind kind : ThreadKind.values()) {
            RaceRunner runner = new RaceRunner();
            runner.start(RaceSettings.of(8, 100_000, strategy).withThreadKind(kind).withRepeat(3));
            RaceResult result = runner.await(Duration.ofSeconds(60));
            assertEquals(Outcome.COMPLETED, result.outcome());
            assertEquals(List.of(800_000L, 800_000L, 800_000L), result.totals(), strategy + " on " + kind);
            assertEquals(List.of(0L, 0L, 0L), result.lost());
            assertTrue(result.ok());
        }
    }

    /**
     * The lab can demonstrate the race: racy and volatile lose updates within 40 runs of 4 x
     * 2,500,000 (asserts the demonstration, not a timing). Runs this long overlap on two cores even
     * on a loaded machine: 20 runs of 4 x 1,000,000, a few milliseconds each, once lost nothing
     * while other builds held the cores (the threads ran one after another).
     */
    @ParameterizedTest
    @EnumSource(value = RaceStrategy.class, names = {"RACY", "VOLATILE"})
    void racyStrategiesLoseUpdates(RaceStrategy strategy) throws Exception {
        RaceRunner runner = new RaceRunner();
        for (int attempt = 0; attempt < 40; attempt++) {
            runner.start(RaceSettings.of(4, 2_500_000, strategy));
            RaceResult result = runner.await(Duration.ofSeconds(60));
            assertEquals(Outcome.COMPLETED, result.outcome());
            long lost = result.lost().getFirst();
            assertTrue(lost >= 0, "a count above T x K: " + result.totals());
            if (lost > 0) {
                assertTrue(!result.ok());
                return;
            }
        }
        fail(strategy + " lost no update in 40 runs of 4 x 2,500,000");
    }

    /** Under contention the CAS loop fails some attempts, counts them, and still counts exactly. */
    @Test
    void casRetriesAreCountedAndTheCountIsExact() throws Exception {
        RaceRunner runner = new RaceRunner();
        for (int attempt = 0; attempt < 20; attempt++) {
            runner.start(RaceSettings.of(4, 1_000_000, RaceStrategy.CAS));
            RaceResult result = runner.await(Duration.ofSeconds(60));
            assertTrue(result.ok(), result.toString());
            if (result.casRetries() > 0) {
                return;
            }
        }
        fail("no compare-and-set failed in 20 contended runs");
    }

    /** Stop in the middle of a long run ends it STOPPED, with no thread of it alive. */
    @Test
    void stopLeavesNoThread() throws Exception {
        RecordingThreads threads = new RecordingThreads();
        RaceRunner runner = new RaceRunner(threads);
        runner.start(RaceSettings.of(4, 2_500_000, RaceStrategy.LOCK).withRepeat(1_000));
        while (runner.snapshot().totals().isEmpty()) {
            Thread.onSpinWait();
        }
        RaceResult result = runner.stop();
        assertEquals(Outcome.STOPPED, result.outcome());
        assertEquals(RunState.IDLE, runner.state());
        assertTrue(result.totals().size() >= 1 && result.totals().size() < 1_000);
        assertEquals(List.of(), threads.alive());
    }

    /**
     * Pause really stops the threads: each parks (state WAITING) at its next check, so the count
     * holds still; Resume finishes with exact counts.
     */
    @Test
    void pauseParksEveryThread() throws Exception {
        RecordingThreads threads = new RecordingThreads();
        RaceRunner runner = new RaceRunner(threads);
        runner.start(RaceSettings.of(2, 5_000_000, RaceStrategy.ATOMIC).withRepeat(2));
        while (runner.snapshot().count() < 100_000) {
            Thread.onSpinWait();
        }
        runner.pause();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!threads.alive().stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
            assertTrue(System.nanoTime() < deadline, "threads not parked 10 s after Pause");
            Thread.onSpinWait();
        }
        long parkedAt = runner.snapshot().count();
        assertEquals(2, threads.alive().size());
        assertEquals(parkedAt, runner.snapshot().count(), "the count moved with every thread parked");
        runner.resume();
        RaceResult result = runner.await(Duration.ofSeconds(60));
        assertTrue(result.ok());
    }

    /** Settings out of range are refused with a message that says what is allowed. */
    @Test
    void settingsOutOfRangeAreRefused() {
        IllegalArgumentException tooMany = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RaceSettings.of(64, 1_000_000, RaceStrategy.ATOMIC));
        assertTrue(tooMany.getMessage().contains("10,000,000"), tooMany.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RaceSettings.of(0, 10, RaceStrategy.ATOMIC));
    }
}
