package dev.interleave.engine.buffer;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.interleave.TestThreads;
import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.RecordingThreads;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The buffer runner under its own commands at the worst moments. */
@Timeout(120)
class BufferRunnerRaceTest {

    private static BufferSettings settings(int producers, int consumers, long items, ThreadKind kind) {
        return new BufferSettings(producers, consumers, 4, items, DelayRange.NONE, DelayRange.NONE,
                WakePolicy.SIGNAL, false, kind, BufferImpl.LOCK);
    }

    /**
     * A worker thread that cannot be started fails the run with that cause: the workers already
     * started are interrupted and joined, the run ends (no zombie), and the next run works.
     */
    @Test
    void aThreadThatCannotStartFailsTheRunCleanly() throws Exception {
        for (ThreadKind kind : ThreadKind.values()) {
            RecordingThreads threads = new RecordingThreads(3);
            BufferRunner runner = new BufferRunner(threads);
            runner.start(settings(2, 2, 0, kind));
            BufferResult result = runner.await(Duration.ofSeconds(10));
            assertEquals(Outcome.FAILED, result.outcome(), kind.label());
            assertInstanceOf(OutOfMemoryError.class, result.failure());
            assertEquals(RunState.IDLE, runner.state());
            assertEquals(2, threads.created());
            assertEquals(List.of(), threads.alive(), "threads alive after the failed run ended");
            assertTrue(result.balanced(), result.toString());

            runner.start(settings(2, 2, 10_000, kind));
            assertTrue(runner.await(Duration.ofSeconds(30)).ok());
        }
    }

    /** Pause and Resume pressed from two threads at once never leave a RUNNING run behind a closed gate (1,000 races). */
    @Test
    void pauseAndResumeRacingNeverStrandTheWorkers() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.start(settings(2, 2, 0, ThreadKind.PLATFORM));
        for (int attempt = 0; attempt < 1_000; attempt++) {
            TestThreads threads = new TestThreads();
            threads.start("resumer", () -> ignoreRefusal(runner::resume));
            threads.start("pauser", () -> ignoreRefusal(runner::pause));
            threads.joinAll();
            BufferRunSnapshot now = runner.snapshot();
            assertEquals(now.state() == RunState.RUNNING, now.gate().open(), "attempt " + attempt + ": " + now.state());
            if (now.state() == RunState.PAUSED) {
                runner.resume();
            }
        }
        runner.stop();
    }

    private static void ignoreRefusal(Runnable command) {
        try {
            command.run();
        } catch (IllegalStateException refused) {
            // The other command won the race: refusing is the contract.
        }
    }
}
