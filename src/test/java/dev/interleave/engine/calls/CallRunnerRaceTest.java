package dev.interleave.engine.calls;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.RecordingThreads;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calls runner under its own commands at the worst moments. */
@Timeout(120)
class CallRunnerRaceTest {

    /**
     * Stop pressed just as the run finishes on its own returns a result and leaves the runner IDLE
     * (300 races; it used to throw ArrayIndexOutOfBoundsException about 1 time in 6).
     */
    @Test
    void stopRacingTheNaturalEndReturnsAResult() throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            CallRunner runner = new CallRunner(Sleeper.NONE);
            runner.start(CallSettings.of(2_000, 50).withMaxSleepMillis(0));
            while (runner.snapshot().callsCompleted() < 1_990 && runner.state() != RunState.IDLE) {
                Thread.onSpinWait();
            }
            CallResult result = runner.stop();
            assertTrue(result.outcome() == Outcome.COMPLETED || result.outcome() == Outcome.STOPPED,
                    "attempt " + attempt + ": " + result.outcome());
            assertEquals(RunState.IDLE, runner.state());
        }
    }

    /**
     * A call thread that cannot be started fails the run with that cause; the calls already started
     * are joined, the run ends, and the next run works.
     */
    @Test
    void aThreadThatCannotStartFailsTheRunCleanly() throws Exception {
        for (ThreadKind kind : ThreadKind.values()) {
            RecordingThreads threads = new RecordingThreads(50);
            CallRunner runner = new CallRunner(Sleeper.REAL, value -> { }, threads);
            runner.start(CallSettings.of(1_000, 100).withThreads(kind).withMaxSleepMillis(1_000));
            CallResult result = runner.await(Duration.ofSeconds(10));
            assertEquals(Outcome.FAILED, result.outcome(), kind.label());
            assertInstanceOf(OutOfMemoryError.class, result.failure());
            assertEquals(RunState.IDLE, runner.state());
            assertEquals(49, threads.created());
            assertEquals(List.of(), threads.alive(), "threads alive after the failed run ended");
            assertEquals(result, runner.stop(), "stop after the end returns the result at once");

            runner.start(CallSettings.of(100, 10).withThreads(kind).withMaxSleepMillis(0));
            assertTrue(runner.await(Duration.ofSeconds(10)).ok());
        }
    }

    /**
     * When a stopped run says it has ended, every thread it created has ended too: joined, not
     * counted (20 runs of platform threads stopped mid-way, each thread checked).
     */
    @Test
    void noThreadOfAnEndedRunIsAlive() throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            RecordingThreads threads = new RecordingThreads();
            CallRunner runner = new CallRunner(Sleeper.REAL, value -> { }, threads);
            runner.start(CallSettings.of(5_000, 200).withThreads(ThreadKind.PLATFORM).withMaxSleepMillis(20));
            while (runner.snapshot().callsCompleted() < 300) {
                Thread.onSpinWait();
            }
            runner.stop();
            assertEquals(List.of(), threads.alive(), "attempt " + attempt);
        }
    }

    /**
     * Pause, Resume and Stop do not make a run look better than ideal: calls asleep during a pause
     * are not credited with it, and a stopped run's ideal counts only what ran (efficiency <= 1).
     */
    @Test
    void pausedAndStoppedRunsAreNeverAboveTheIdeal() throws Exception {
        CallRunner runner = new CallRunner();
        runner.start(CallSettings.of(2_000, 100).withMaxSleepMillis(200));
        for (int pause = 0; pause < 3; pause++) {
            long target = 200L * (pause + 1);
            while (runner.snapshot().callsCompleted() < target) {
                Thread.onSpinWait();
            }
            runner.pause();
            Thread.sleep(150);
            runner.resume();
        }
        CallResult result = runner.stop();
        assertEquals(Outcome.STOPPED, result.outcome());
        assertTrue(result.idealNanos() > 0, "something ran");
        assertTrue(result.idealNanos() <= result.elapsedNanos(), "ideal " + result.idealNanos() + " ns > elapsed "
                + result.elapsedNanos() + " ns: efficiency above 100 %");
    }
}
