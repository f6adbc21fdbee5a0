package dev.interleave.engine.race;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.RecordingThreads;
import dev.interleave.engine.run.RunState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The slow-motion stepper through {@link StepperRunner}'s public API: real threads, one step at a
 * time, in the order asked.
 */
@Timeout(60)
class StepperTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    /** Steps thread {@code thread} (1 for T1) and returns the snapshot once the step is taken. */
    private static StepperSnapshot step(StepperRunner runner, int thread) throws Exception {
        runner.step(thread - 1);
        runner.awaitSteps(DEADLINE);
        return runner.snapshot();
    }

    /**
     * The textbook lost update, scripted: T1 reads 0, T2 reads 0, T1 adds and writes 1, T2 adds and
     * writes 1 over it. The count is 1 after two increments, the lost update is named at T2's write,
     * and the challenge "lose one" is met in 6 steps, its par.
     */
    @Test
    void aScriptedInterleavingLosesExactlyOneUpdate() throws Exception {
        RecordingThreads threads = new RecordingThreads();
        StepperRunner runner = new StepperRunner(threads, 1);
        runner.startPaused(StepperSettings.of(2, StepProgram.COUNT_PLUS_PLUS, 1).withGoal(1));
        StepperSnapshot now = runner.snapshot();
        assertEquals(RunState.PAUSED, now.state());
        assertEquals(List.of(Step.READ, Step.READ), now.lanes().stream().map(LaneView::next).toList());

        now = step(runner, 1);
        assertEquals("T1 read 0 into its register", now.events().getLast().words());
        assertEquals(0L, now.lanes().get(0).register());
        assertEquals(Step.ADD, now.lanes().get(0).next());
        now = step(runner, 2);
        assertEquals(0L, now.lanes().get(1).register());
        now = step(runner, 1);
        assertEquals(1L, now.lanes().get(0).register());
        assertEquals(0, now.count(), "add changes only the register");
        now = step(runner, 1);
        assertEquals(1, now.count());
        assertEquals(0, now.lost());
        assertEquals("T1 wrote 1 back: the count is 1", now.events().getLast().words());
        assertTrue(now.lanes().get(0).done());
        now = step(runner, 2);
        assertEquals(1L, now.lanes().get(1).register());
        now = step(runner, 2);
        StepEvent write = now.events().getLast();
        assertEquals("T2 wrote 1 over T1's 1: one increment lost", write.words());
        assertEquals(1, write.lostHere());
        assertEquals(1, write.lostAfter());
        assertEquals(6, now.steps());
        assertEquals(6, now.goalReachedAt());
        assertEquals(6, now.settings().par());

        StepperResult result = runner.await(DEADLINE);
        assertEquals(Outcome.COMPLETED, result.outcome());
        assertEquals(1, result.count());
        assertEquals(2, result.completed());
        assertEquals(1, result.lost());
        assertEquals(List.of(), threads.alive());
    }

    /**
     * T2 holds a stale read of 0 while T1 increments twice; T2's write of 1 loses both, the fewest
     * steps for two lost updates (9 = par for a goal of 2).
     */
    @Test
    void aStaleReadHeldAcrossTwoIncrementsLosesBoth() throws Exception {
        StepperRunner runner = new StepperRunner(new RecordingThreads(), 1);
        runner.startPaused(StepperSettings.of(2, StepProgram.COUNT_PLUS_PLUS, 2).withGoal(2));
        for (int thread : new int[] {2, 1, 1, 1, 1, 1, 1, 2}) {
            step(runner, thread);
        }
        StepperSnapshot now = step(runner, 2);
        assertEquals("T2 wrote 1 over T1's 2: two increments lost", now.events().getLast().words());
        assertEquals(2, now.lost());
        assertEquals(9, now.goalReachedAt());
        assertEquals(9, now.settings().par());
        runner.stop();
    }

    /**
     * A write over a lower, stale write brings lost increments back, and says how: T3 holds a read of
     * 0 while T1 increments twice; T2 reads 2; T3 writes 1 over T1's 2 (two lost); T2 writes 3 over
     * it, and one of the two is counted again ("the count wins back one increment" puzzled a learner).
     */
    @Test
    void aWriteOverAStaleWriteSaysWhyIncrementsComeBack() throws Exception {
        StepperRunner runner = new StepperRunner(new RecordingThreads(), 1);
        runner.startPaused(StepperSettings.of(3, StepProgram.COUNT_PLUS_PLUS, 2));
        for (int thread : new int[] {3, 1, 1, 1, 1, 1, 1, 2, 3}) {
            step(runner, thread);
        }
        StepperSnapshot now = step(runner, 3);
        assertEquals("T3 wrote 1 over T1's 2: two increments lost", now.events().getLast().words());
        step(runner, 2);
        now = step(runner, 2);
        StepEvent write = now.events().getLast();
        assertEquals("T2 wrote 3 over T3's 1: T2 read 2 before a stale write lowered the count, so one increment lost"
                + " comes back (one increment lost in all)", write.words());
        assertEquals(-1, write.lostHere());
        assertEquals(1, write.lostAfter());
        assertEquals(3, now.count());
        runner.stop();
    }

    /**
     * Two stale reads take the count down to 2, the lowest it goes: T1 holds a read of 0 while T2
     * increments twice, writes 1 over T2's 2; T2 holds a read of 1 while T1 increments twice more,
     * and writes 2 over T1's 3. Four of six lost, more than one stale read can (3), in all 18 steps.
     */
    @Test
    void twoStaleReadsLeaveTheCountAtTwo() throws Exception {
        StepperRunner runner = new StepperRunner(new RecordingThreads(), 1);
        StepperSettings settings = StepperSettings.of(2, StepProgram.COUNT_PLUS_PLUS, 3).withGoal(3);
        runner.startPaused(settings);
        StepperSnapshot now = null;
        for (int thread : new int[] {1, 2, 2, 2, 2, 2, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1, 2, 2}) {
            now = step(runner, thread);
        }
        assertEquals(2, now.count(), now.events().getLast().words());
        assertEquals(4, now.lost());
        assertEquals(18, now.goalReachedAt());
        assertEquals(StepperSettings.mostLost(2, 3), now.lost());
        assertTrue(StepperSettings.maxGoal(2, 3) < now.lost(), "more than one stale read can lose");
        runner.await(DEADLINE);
    }

    /**
     * With three threads one stale read loses both others' increments: T1 holds a read of 0 while
     * T2 and T3 increment once each; T1's write of 1 loses two, in par's 9 steps. (The cap on the
     * goal was the increments per thread, 1 here, which ignored the threads.)
     */
    @Test
    void aStaleReadHeldAcrossOtherThreadsLosesTheirIncrements() throws Exception {
        StepperRunner runner = new StepperRunner(new RecordingThreads(), 1);
        runner.startPaused(StepperSettings.of(3, StepProgram.COUNT_PLUS_PLUS, 1).withGoal(2));
        for (int thread : new int[] {1, 2, 2, 2, 3, 3, 3, 1}) {
            step(runner, thread);
        }
        StepperSnapshot now = step(runner, 1);
        assertEquals(2, now.lost(), now.events().getLast().words());
        assertEquals(9, now.goalReachedAt());
        assertEquals(9, now.settings().par());
        runner.stop();
    }

    /**
     * The CAS loop: T1 and T2 both read 0; T1 swaps 0 for 1; T2's compareAndSet(0, 1) fails, is
     * named, writes nothing, and T2 goes back to its read; its retry succeeds. Nothing is lost.
     */
    @Test
    void theCasStepperShowsAFailedSwapAndTheRetry() throws Exception {
        StepperRunner runner = new StepperRunner(new RecordingThreads(), 1);
        runner.startPaused(StepperSettings.of(2, StepProgram.CAS, 1));
        for (int thread : new int[] {1, 2, 1, 1, 2}) {
            step(runner, thread);
        }
        StepperSnapshot now = step(runner, 2);
        StepEvent failed = now.events().getLast();
        assertTrue(failed.casFailed());
        assertEquals("T2 compareAndSet(0, 1) failed: the count is 1, not 0 (T1 changed it); nothing written,"
                + " T2 reads again and retries", failed.words());
        assertEquals(1, now.count());
        assertEquals(Step.CAS_READ, now.lanes().get(1).next(), "after a failed swap the thread reads again");
        assertEquals(1, now.lanes().get(1).casFailures());
        assertFalse(now.lanes().get(1).done());
        step(runner, 2);
        step(runner, 2);
        now = step(runner, 2);
        assertEquals("T2 compareAndSet(1, 2) succeeded: the count is 2", now.events().getLast().words());
        StepperResult result = runner.await(DEADLINE);
        assertEquals(2, result.count());
        assertEquals(0, result.lost());
        assertEquals(1, result.casFailures());
        assertEquals(9, result.steps());
    }

    /** incrementAndGet is one step; whatever the order, nothing is lost. */
    @Test
    void incrementAndGetIsOneStepAndLosesNothing() throws Exception {
        StepperRunner runner = new StepperRunner(new RecordingThreads(), 7);
        runner.startPaused(StepperSettings.of(3, StepProgram.ATOMIC, 5));
        StepperSnapshot now = step(runner, 2);
        assertEquals("T2 incrementAndGet: the count went from 0 to 1 in one indivisible step",
                now.events().getLast().words());
        for (int i = 0; i < 14; i++) {
            runner.step();
        }
        runner.awaitSteps(DEADLINE);
        StepperResult result = runner.await(DEADLINE);
        assertEquals(Outcome.COMPLETED, result.outcome());
        assertEquals(15, result.count());
        assertEquals(15, result.steps());
        assertEquals(0, result.lost());
    }

    /**
     * Random steps on count++ with three threads: after every step the books balance (count plus
     * lost equals the increments completed), exactly one step was taken, and the run ends with
     * every increment done.
     */
    @Test
    void randomStepsKeepTheBooksAndTakeOneStepEach() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            StepperRunner runner = new StepperRunner(new RecordingThreads(), seed);
            runner.startPaused(StepperSettings.of(3, StepProgram.COUNT_PLUS_PLUS, 3));
            long steps = 0;
            while (runner.state() == RunState.PAUSED && steps < 27) {
                runner.step();
                runner.awaitSteps(DEADLINE);
                StepperSnapshot now = runner.snapshot();
                steps++;
                assertEquals(steps, now.steps(), "one step per Step (seed " + seed + ")");
                long lanesDone = now.lanes().stream().mapToLong(LaneView::incrementsDone).sum();
                assertEquals(now.completed(), lanesDone);
                assertTrue(now.lost() >= 0 && now.count() + now.lost() == now.completed(), now.toString());
            }
            StepperResult result = runner.await(DEADLINE);
            assertEquals(Outcome.COMPLETED, result.outcome(), "seed " + seed);
            assertEquals(9, result.completed());
            assertEquals(27, result.steps());
        }
    }

    /** Stop mid-way interrupts every thread of the stepper, lanes and conductor, and none is left. */
    @Test
    void stopLeavesNoThread() throws Exception {
        RecordingThreads threads = new RecordingThreads();
        StepperRunner runner = new StepperRunner(threads, 1);
        runner.startPaused(StepperSettings.of(4, StepProgram.COUNT_PLUS_PLUS, 5));
        step(runner, 3);
        assertEquals(5, threads.created(), "four lanes and a conductor");
        StepperResult result = runner.stop();
        assertEquals(Outcome.STOPPED, result.outcome());
        assertEquals(RunState.IDLE, runner.state());
        assertEquals(List.of(), threads.alive());
        runner.startPaused(StepperSettings.of(2, StepProgram.ATOMIC, 1));
        assertEquals(1, step(runner, 1).count(), "the next run works");
        runner.stop();
        assertEquals(List.of(), threads.alive());
    }

    /** Running (Auto-step), the stepper plays by itself to the end: every increment done, the books balanced. */
    @Test
    void autoStepPlaysToTheEnd() throws Exception {
        StepperRunner runner = new StepperRunner(new RecordingThreads(), 3);
        runner.start(new StepperSettings(2, StepProgram.COUNT_PLUS_PLUS, 2, StepperSettings.MIN_PACE_MILLIS, 0));
        StepperResult result = runner.await(Duration.ofSeconds(30));
        assertEquals(Outcome.COMPLETED, result.outcome());
        assertEquals(4, result.completed());
        assertEquals(12, result.steps());
        assertEquals(result.completed(), result.count() + result.lost());
    }

    /** A chosen step is refused unless paused, and for a thread that does not exist. */
    @Test
    void chosenStepsAreRefusedWhenTheyCannotApply() throws Exception {
        StepperRunner runner = new StepperRunner(new RecordingThreads(), 1);
        assertThrows(IllegalStateException.class, () -> runner.step(0));
        runner.startPaused(StepperSettings.of(2, StepProgram.COUNT_PLUS_PLUS, 1));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> runner.step(2));
        assertEquals("there is no T3: threads are T1 to T2", none.getMessage());
        runner.resume();
        assertThrows(IllegalStateException.class, () -> runner.step(0));
        runner.stop();
        assertNull(runner.snapshot().result().failure());
    }

    /** Settings out of range are refused with what is allowed. */
    @Test
    void settingsOutOfRangeAreRefused() {
        assertEquals("threads must be 2 to 4, was 5", assertThrows(IllegalArgumentException.class,
                () -> StepperSettings.of(5, StepProgram.ATOMIC, 1)).getMessage());
        assertEquals("the goal must be 0 (none) to what one stale read can lose, (threads - 1) x increments = 2,"
                + " was 3", assertThrows(IllegalArgumentException.class,
                        () -> StepperSettings.of(2, StepProgram.COUNT_PLUS_PLUS, 2).withGoal(3)).getMessage());
        assertEquals(6, StepperSettings.of(3, StepProgram.COUNT_PLUS_PLUS, 3).withGoal(6).goalLost());
    }
}
