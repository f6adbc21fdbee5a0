package dev.interleave.engine.buffer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Timeout(120)
class BufferRunnerTest {

    /** Parked states: a paused run settles with every worker in one of these. */
    private static final Set<WorkerState> PARKED = EnumSet.of(WorkerState.AT_GATE, WorkerState.WAITING_NOT_FULL,
            WorkerState.WAITING_NOT_EMPTY, WorkerState.DONE);

    static Stream<Arguments> stressCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int capacity : new int[] {1, 2, 7}) {
            for (ThreadKind threads : ThreadKind.values()) {
                for (WakePolicy policy : WakePolicy.values()) {
                    cases.add(Arguments.of(capacity, threads, policy));
                }
            }
        }
        return cases.stream();
    }

    /**
     * Many producers and consumers, odd capacities, both thread kinds, both policies: every item
     * 1..M consumed exactly once (checked per item), and the invariants hold on every snapshot
     * taken while the run moves.
     */
    @ParameterizedTest(name = "capacity {0}, {1} threads, {2}")
    @MethodSource("stressCases")
    void everyItemIsConsumedExactlyOnce(int capacity, ThreadKind threads, WakePolicy policy) throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.start(BufferSettings.of(5, 3, capacity, 30_000).withThreads(threads).withPolicy(policy));
        List<String> broken = new ArrayList<>();
        int snapshots = 0;
        BufferRunSnapshot now;
        do {
            now = runner.snapshot();
            broken.addAll(now.buffer().brokenInvariants());
            snapshots++;
        } while (now.state() != RunState.IDLE);
        BufferResult result = runner.await();
        assertEquals(List.of(), broken, "invariants broken on snapshots");
        assertTrue(snapshots > 0);
        assertEquals(0, result.duplicates());
        assertEquals(0, result.missing());
        assertEquals(30_000, result.consumed());
        assertEquals(30_000L * 30_001 / 2, result.sum());
        assertTrue(result.ok());
        assertTrue(result.balanced());
    }

    /** The baseline harness over ArrayBlockingQueue checks out the same way. */
    @Test
    void arrayBlockingQueueBaselineRuns() throws InterruptedException {
        BufferRunner runner = new BufferRunner();
        runner.start(BufferSettings.of(4, 4, 16, 50_000).withImpl(BufferImpl.ABQ));
        BufferResult result = runner.await();
        assertTrue(result.ok());
        assertNull(runner.snapshot().buffer());
    }

    /** Pause parks every worker (their threads really WAITING), and nothing changes while paused. */
    @Test
    void pauseFreezesTheRun() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.start(watchable(ThreadKind.PLATFORM));
        awaitConsumed(runner, 50);
        runner.pause();
        BufferRunSnapshot first = awaitParked(runner);
        Thread.sleep(500);
        BufferRunSnapshot second = runner.snapshot();
        assertEquals(first.buffer(), second.buffer());
        assertEquals(first.gate(), second.gate());
        assertEquals(first.made(), second.made());
        assertEquals(first.consumed(), second.consumed());
        for (Thread thread : workerThreads()) {
            assertEquals(Thread.State.WAITING, thread.getState(), thread.getName());
        }
        runner.resume();
        long consumed = second.consumed();
        awaitConsumed(runner, consumed + 20);
        runner.stop();
    }

    /** k steps give exactly k actions, each by the worker that waited longest at the gate, and the snapshot names it. */
    @Test
    void eachStepIsExactlyOneAction() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(100_000);
        runner.start(watchable(ThreadKind.VIRTUAL));
        awaitConsumed(runner, 20);
        runner.pause();
        BufferRunSnapshot before = awaitParked(runner);
        long actions = before.buffer().actions();
        long steps = before.gate().stepsTaken();
        for (int k = 1; k <= 8; k++) {
            List<String> atGate = runner.snapshot().gate().waiting();
            long eventsBefore = runner.snapshot().buffer().events();
            runner.step();
            BufferRunSnapshot after = awaitSteps(runner, steps + k);
            after = awaitParked(runner);
            assertEquals(actions + k, after.buffer().actions(), "actions after " + k + " steps");
            String stepped = after.gate().lastStepped();
            if (!atGate.isEmpty()) {
                assertEquals(atGate.getFirst(), stepped, "the longest-waiting worker takes the step");
            }
            List<BufferNarration.Action> told = BufferNarration.actions(after.log().read(eventsBefore,
                    (int) (after.buffer().events() - eventsBefore)));
            assertFalse(told.isEmpty(), "the step's action is in the log");
            assertEquals(stepped, told.getFirst().worker(), "the step's first action is the stepped worker's");
            assertEquals(List.of(), after.buffer().brokenInvariants());
        }
        runner.stop();
    }

    /** Step while running freely is refused; Run twice starts nothing more. */
    @Test
    void lifecycleRefusesWhatDoesNotFit() throws Exception {
        BufferRunner runner = new BufferRunner();
        assertThrows(IllegalStateException.class, runner::step);
        runner.start(watchable(ThreadKind.PLATFORM));
        assertThrows(IllegalStateException.class, runner::step);
        assertThrows(IllegalStateException.class, runner::resume);
        assertThrows(IllegalStateException.class, () -> runner.start(watchable(ThreadKind.PLATFORM)));
        assertEquals(4, workerThreads().size(), "one set of workers");
        runner.stop();
        assertEquals(RunState.IDLE, runner.state());
    }

    /** Stop ends every worker, blocked in put, in take, at the gate or asleep, within 2 s; the account balances. */
    @Test
    void stopEndsEveryWorkerAndBalancesTheAccount() throws Exception {
        for (boolean paused : new boolean[] {false, true}) {
            BufferRunner runner = new BufferRunner();
            BufferSettings settings = new BufferSettings(3, 2, 1, 0, DelayRange.NONE, new DelayRange(0, 5),
                    WakePolicy.SIGNAL, false, ThreadKind.PLATFORM, BufferImpl.LOCK);
            runner.start(settings);
            awaitConsumed(runner, 30);
            if (paused) {
                runner.pause();
                awaitParked(runner);
            }
            BufferResult result = runner.stop();
            assertEquals(Outcome.STOPPED, result.outcome());
            assertTrue(result.balanced(), result.toString());
            assertEquals(result.made(), result.consumed() + result.leftInBuffer() + result.droppedAtStop());
            assertEquals(List.of(), workerThreads(), "worker threads left after stop");
            assertEquals(RunState.IDLE, runner.state());
            assertTrue(runner.snapshot().buffer().workers().stream().allMatch(w -> w.state() == WorkerState.DONE));
        }
    }

    /** A run that can never finish on its own (one item short for the consumers) still ends cleanly on Stop. */
    @Test
    void runThatCannotFinishEndsOnStop() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.start(BufferSettings.of(1, 1, 3, 0).withDelays(new DelayRange(1, 1), DelayRange.NONE));
        awaitConsumed(runner, 10);
        BufferResult result = runner.stop();
        assertTrue(result.balanced());
        assertFalse(result.ok());
        assertEquals(List.of(), workerThreads());
        runner.start(BufferSettings.of(2, 2, 3, 1_000));
        assertTrue(runner.await().ok(), "a new run works after stop");
    }

    /** Delays can change while running. */
    @Test
    void delaysApplyLive() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.start(BufferSettings.of(1, 1, 2, 0).withDelays(new DelayRange(50, 50), DelayRange.NONE));
        Thread.sleep(200);
        long slow = runner.snapshot().consumed();
        runner.setDelays(DelayRange.NONE, DelayRange.NONE);
        awaitConsumed(runner, slow + 10_000);
        runner.stop();
        assertTrue(slow < 20, "with 50 ms per item, 200 ms made " + slow);
    }

    private static BufferSettings watchable(ThreadKind threads) {
        return new BufferSettings(2, 2, 3, 0, new DelayRange(0, 2), new DelayRange(0, 2), WakePolicy.SIGNAL, false,
                threads, BufferImpl.LOCK);
    }

    private static List<Thread> workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("interleave-buffer-") && t.isAlive()).toList();
    }

    private static void awaitConsumed(BufferRunner runner, long items) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runner.snapshot().consumed() < items) {
            if (System.nanoTime() > deadline) {
                fail("fewer than " + items + " items consumed in 30 s");
            }
            Thread.sleep(2);
        }
    }

    private static BufferRunSnapshot awaitSteps(BufferRunner runner, long steps) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        BufferRunSnapshot now;
        while ((now = runner.snapshot()).gate().stepsTaken() < steps) {
            if (System.nanoTime() > deadline) {
                fail("step " + steps + " was not taken in 10 s");
            }
            Thread.sleep(1);
        }
        return now;
    }

    /** Waits until every worker is parked (at the gate, in a wait set, or done) and stays so for 50 ms. */
    private static BufferRunSnapshot awaitParked(BufferRunner runner) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            BufferRunSnapshot now = runner.snapshot();
            boolean parked = now.buffer().workers().stream().allMatch(w -> PARKED.contains(w.state()));
            if (parked) {
                Thread.sleep(50);
                BufferRunSnapshot later = runner.snapshot();
                if (later.buffer().equals(now.buffer())) {
                    return later;
                }
            }
            if (System.nanoTime() > deadline) {
                fail("workers did not park: " + now.buffer().workers());
            }
            Thread.sleep(2);
        }
    }
}
