package dev.interleave.engine.philosophers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.RecordingThreads;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole runs of the table: deadlocks detected, strategies that never deadlock, Stop, livelock, the run's end. */
@Timeout(180)
class PhilosophersRunnerTest {

    static Stream<Arguments> tablesAndThreads() {
        List<Arguments> cases = new ArrayList<>();
        for (int n : new int[] {2, 5}) {
            for (ThreadKind kind : ThreadKind.values()) {
                cases.add(Arguments.of(n, kind));
            }
        }
        return cases.stream();
    }

    /** The ring a naive table deadlocks in: each philosopher waits for its right fork, held by its right neighbour. */
    private static void assertNaiveRing(Deadlock deadlock, int n) {
        assertEquals(n, deadlock.philosophers().size(), deadlock.arrows());
        for (int k = 0; k < n; k++) {
            int p = deadlock.philosophers().get(k);
            assertEquals((p + 1) % n, deadlock.forks().get(k), Names.philosopher(p) + " waits for its right fork");
            assertEquals((p + 1) % n, deadlock.philosophers().get((k + 1) % n), "the next in the circle holds it");
        }
    }

    /**
     * What the table shows is possible: a philosopher shown eating holds both its forks, at every
     * snapshot of a fast run (2 philosophers, zero delays, so a snapshot often falls between a
     * meal's end and its forks' putting down). A philosopher who has eaten and is putting its forks
     * down is shown so (it was shown eating with one fork, or none, next to its neighbour eating
     * with the same fork: a learner's tryout).
     */
    @Test
    void aPhilosopherShownEatingHoldsBothForks() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        runner.start(PhilosophersSettings.of(2, Strategy.ORDERED));
        long until = System.nanoTime() + Duration.ofMillis(1_500).toNanos();
        int puttingDown = 0;
        int snapshots = 0;
        try {
            while (System.nanoTime() < until) {
                PhilosophersSnapshot now = runner.snapshot();
                snapshots++;
                for (TableView.Diner diner : now.table().philosophers()) {
                    if (diner.state() == PhilosopherState.EATING) {
                        assertEquals(List.of(diner.index(), (diner.index() + 1) % 2).stream().sorted().toList(),
                                diner.holding().stream().sorted().toList(),
                                diner.name() + " shown eating holds both forks (snapshot " + snapshots + ")");
                    }
                    if (diner.state() == PhilosopherState.PUTTING_DOWN) {
                        puttingDown++;
                    }
                }
            }
        } finally {
            runner.stop();
        }
        assertTrue(puttingDown > 0, "no snapshot of " + snapshots + " fell between a meal and its forks' putting down");
    }

    /**
     * Naive with zero delays deadlocks, and the detector reports the whole ring (the deadline only
     * bounds a failing test); Stop then ends the run, every thread of it joined, and none alive.
     */
    @ParameterizedTest(name = "N = {0}, {1} threads")
    @MethodSource("tablesAndThreads")
    void naiveDeadlocksAndStopRecoversIt(int n, ThreadKind kind) throws Exception {
        RecordingThreads threads = new RecordingThreads();
        PhilosophersRunner runner = new PhilosophersRunner(threads, Bug.NONE);
        runner.start(PhilosophersSettings.of(n, Strategy.NAIVE).withThreads(kind));
        Deadlock deadlock = runner.awaitDeadlock(Await.DEADLINE);
        assertNotNull(deadlock, "no deadlock detected within " + Await.DEADLINE);
        assertNaiveRing(deadlock, n);
        PhilosophersSnapshot now = runner.snapshot();
        assertEquals(RunState.RUNNING, now.state(), "a deadlocked run stays on screen until Stop");
        for (int p : deadlock.philosophers()) {
            TableView.Diner diner = now.table().philosophers().get(p);
            assertEquals(List.of(p), diner.holding(), diner.name() + " holds its left fork");
            assertEquals((p + 1) % n, diner.waitingFor(), diner.name() + " waits for its right fork");
        }

        PhilosophersResult result = runner.stop(); // throws TimeoutException after Runner.STOP_TIMEOUT (2 s)
        assertEquals(Outcome.STOPPED, result.outcome());
        assertEquals(deadlock, result.deadlock());
        assertEquals(Arrays.stream(now.table().meals()).boxed().toList(), result.meals(),
                "Stop of a deadlock ends no meal: the meals are those eaten before it");
        assertEquals(RunState.IDLE, runner.state());
        assertEquals(n, threads.created(), "one thread per philosopher");
        assertEquals(List.of(), threads.alive(), "no thread of the run is left");
        assertTrue(runner.snapshot().table().forkHolders().stream().allMatch(holder -> holder < 0),
                "every fork back on the table");
    }

    static Stream<Arguments> safeStrategies() {
        List<Arguments> cases = new ArrayList<>();
        for (Strategy strategy : List.of(Strategy.ORDERED, Strategy.TRYLOCK, Strategy.WAITER)) {
            for (int n : new int[] {2, 5}) {
                for (ThreadKind kind : ThreadKind.values()) {
                    cases.add(Arguments.of(strategy, n, kind));
                }
            }
        }
        return cases.stream();
    }

    /** Runs in a row of {@code strategy}: returns the first deadlock detected, or null when every run had every philosopher eat. */
    private static Deadlock runsUntilEveryoneAte(Strategy strategy, int n, ThreadKind kind, int runs, long meals)
            throws Exception {
        for (int run = 0; run < runs; run++) {
            RecordingThreads threads = new RecordingThreads();
            PhilosophersRunner runner = new PhilosophersRunner(threads, Bug.NONE);
            runner.start(PhilosophersSettings.of(n, strategy).withThreads(kind));
            try {
                PhilosophersSnapshot end = Await.until(runner, "every philosopher eats " + meals + " meals, or a deadlock",
                        s -> s.table().deadlock() != null
                                || s.table().philosophers().stream().allMatch(p -> p.meals() >= meals));
                if (end.table().deadlock() != null) {
                    return end.table().deadlock();
                }
            } finally {
                runner.stop();
            }
            assertEquals(List.of(), threads.alive());
        }
        return null;
    }

    /**
     * Ordered, trylock and waiter never deadlock, run after run with zero delays, and every
     * philosopher eats (50 meals each) in every run.
     */
    @ParameterizedTest(name = "{0}, N = {1}, {2} threads")
    @MethodSource("safeStrategies")
    void safeStrategiesNeverDeadlockAndEveryoneEats(Strategy strategy, int n, ThreadKind kind) throws Exception {
        assertNull(runsUntilEveryoneAte(strategy, n, kind, 10, 50));
    }

    /** The check above is not blind: run on the naive table, the same runs find a deadlock. */
    @Test
    void theSameCheckCatchesTheNaiveTable() throws Exception {
        Deadlock deadlock = runsUntilEveryoneAte(Strategy.NAIVE, 5, ThreadKind.PLATFORM, 10, 1_000_000);
        assertNotNull(deadlock);
        assertNaiveRing(deadlock, 5);
    }

    /** A free-running naive table of platform threads: ThreadMXBean finds the very circle the table detected. */
    @Test
    void theJdkAgreesOnAFreeRunningDeadlock() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        runner.start(PhilosophersSettings.of(5, Strategy.NAIVE));
        try {
            assertNotNull(runner.awaitDeadlock(Await.DEADLINE));
            ScriptedDeadlockTest.crossCheck(runner.snapshot().table());
        } finally {
            runner.stop();
        }
    }

    /**
     * Trylock without back-off livelocks: the philosophers give their forks back and take them again
     * in step, and nobody eats (the rule reports it); the same table with trylock's random back-off
     * does not, nor with fair forks, which hand a fork given back to the neighbour waiting for it.
     * Fair forks at the guide's 5: two philosophers on two cores give up at the same moment, so
     * neither finds the other queued for its fork, and fair forks keep them in step now and then
     * (3 runs of 10 livelocked here, and one in CI; 5 philosophers 0 of 30).
     */
    @Test
    void noBackOffLivelocksAndBackOffOrFairForksDoNot() throws Exception {
        DelayRange eat = new DelayRange(1, 1);
        PhilosophersRunner livelocked = new PhilosophersRunner();
        livelocked.start(PhilosophersSettings.of(2, Strategy.TRYLOCK_NO_BACKOFF).withDelays(DelayRange.NONE, eat)
                .withEnd(3_000, false));
        PhilosophersResult inStep = livelocked.await();
        assertTrue(inStep.livelock(), "no livelock reported: " + inStep);
        assertTrue(inStep.livelockAfterNanos() >= 0, inStep.toString());
        // A livelock fails the run, as a deadlock does (the command line said "outcome ok", exit 0).
        assertFalse(inStep.ok(), inStep.toString());
        assertEquals("livelock", inStep.verdict());

        for (PhilosophersSettings cured : List.of(
                PhilosophersSettings.of(2, Strategy.TRYLOCK).withDelays(DelayRange.NONE, eat).withEnd(3_000, false),
                PhilosophersSettings.of(5, Strategy.TRYLOCK_NO_BACKOFF).withFair(true).withDelays(DelayRange.NONE, eat)
                        .withEnd(3_000, false))) {
            PhilosophersRunner runner = new PhilosophersRunner();
            runner.start(cured);
            PhilosophersResult result = runner.await();
            assertFalse(result.livelock(), result.toString());
            assertTrue(result.ok(), result.toString());
            assertEquals("ok", result.verdict());
        }
    }

    /** A run with a duration ends by itself, COMPLETED; with endOnDeadlock a naive run ends at its deadlock. */
    @Test
    void runsEndByThemselves() throws Exception {
        RecordingThreads timed = new RecordingThreads();
        PhilosophersRunner ordered = new PhilosophersRunner(timed, Bug.NONE);
        ordered.start(PhilosophersSettings.of(3, Strategy.ORDERED).withEnd(300, false));
        PhilosophersResult result = ordered.await();
        assertEquals(Outcome.COMPLETED, result.outcome());
        assertTrue(result.ok());
        assertEquals("ok", result.verdict());
        assertTrue(result.elapsedNanos() >= 300_000_000L, "ran its time");
        assertEquals(List.of(), timed.alive());

        RecordingThreads naiveThreads = new RecordingThreads();
        PhilosophersRunner naive = new PhilosophersRunner(naiveThreads, Bug.NONE);
        naive.start(PhilosophersSettings.of(4, Strategy.NAIVE).withEnd(PhilosophersSettings.MAX_DURATION_MILLIS, true));
        PhilosophersResult deadlocked = naive.await();
        assertEquals(Outcome.COMPLETED, deadlocked.outcome());
        assertFalse(deadlocked.ok());
        assertEquals("deadlock", deadlocked.verdict());
        assertNaiveRing(deadlocked.deadlock(), 4);
        assertEquals(List.of(), naiveThreads.alive());
    }

    /** Think and eat delays apply live: a table eating for 1 s per meal speeds up when the delay is set to 0. */
    @Test
    void delaysApplyLive() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        DelayRange slow = new DelayRange(60_000, 60_000);
        runner.start(PhilosophersSettings.of(3, Strategy.ORDERED).withDelays(DelayRange.NONE, new DelayRange(1, 1)));
        try {
            Await.until(runner, "some meals", s -> s.table().totalMeals() > 10);
            runner.setDelays(slow, DelayRange.NONE);
            PhilosophersSnapshot thinking = Await.until(runner, "everyone thinking for a minute",
                    s -> s.table().philosophers().stream().allMatch(p -> p.state() == PhilosopherState.THINKING));
            Thread.sleep(50);
            assertEquals(thinking.table().totalMeals(), runner.snapshot().table().totalMeals(), "nobody eats");
        } finally {
            runner.stop(); // interrupts the minute-long thoughts
        }
    }
}
