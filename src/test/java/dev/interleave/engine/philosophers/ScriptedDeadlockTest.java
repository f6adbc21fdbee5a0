package dev.interleave.engine.philosophers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.interleave.engine.run.DelayRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deadlock built step by step with the gates, one fork action at a time for the philosopher the
 * test chooses: after each step the table is exactly what the script says, and the detector
 * reports exactly the circle the script closed, named from the philosopher whose wait closed it.
 */
@Timeout(60)
class ScriptedDeadlockTest {

    /** A paused naive table of {@code n} with every philosopher parked at its gate before its first action. */
    private static PhilosophersRunner pausedTable(HeldThreads threads, Bug bug, int n, ThreadKind kind)
            throws InterruptedException {
        PhilosophersRunner runner = new PhilosophersRunner(threads, bug);
        runner.start(PhilosophersSettings.of(n, Strategy.NAIVE).withThreads(kind));
        runner.pause();
        threads.release();
        Await.until(runner, "every philosopher at its gate", now -> now.steps().atGate().size() == n);
        return runner;
    }

    /** Steps philosopher p and waits until it holds {@code holding} and waits at its gate to reach for {@code next}. */
    private static PhilosophersSnapshot stepToTake(PhilosophersRunner runner, int p, List<Integer> holding, int next)
            throws InterruptedException {
        runner.step(p);
        PhilosophersSnapshot now = Await.until(runner, Names.philosopher(p) + " holds " + holding,
                s -> diner(s, p).holding().equals(holding) && diner(s, p).state() == PhilosopherState.AT_GATE
                        && diner(s, p).next().equals("reach for " + Names.fork(next)));
        assertEquals(Names.philosopher(p), now.steps().lastStepped());
        return now;
    }

    /** Steps philosopher p and waits until it is blocked waiting for {@code fork}. */
    private static PhilosophersSnapshot stepToWait(PhilosophersRunner runner, int p, int fork)
            throws InterruptedException {
        runner.step(p);
        return Await.until(runner, Names.philosopher(p) + " waits for " + Names.fork(fork),
                s -> diner(s, p).state() == PhilosopherState.WAITING_FOR_FORK && diner(s, p).waitingFor() == fork);
    }

    private static TableView.Diner diner(PhilosophersSnapshot snapshot, int p) {
        return snapshot.table().philosophers().get(p);
    }

    /**
     * Three philosophers: each picks up its left fork (P1, P2, P3), then each reaches for its right
     * one (P1, P2, then P3, whose wait closes the circle). The deadlock is P3 → F1 → P1 → F2 → P2 →
     * F3 → P3, and not before P3's wait.
     */
    @ParameterizedTest(name = "{0} threads")
    @EnumSource(ThreadKind.class)
    void theDetectorReportsTheExactCircleTheStepsClosed(ThreadKind kind) throws Exception {
        HeldThreads threads = new HeldThreads();
        PhilosophersRunner runner = pausedTable(threads, Bug.NONE, 3, kind);
        try {
            for (int p = 0; p < 3; p++) {
                assertEquals("reach for " + Names.fork(p), diner(runner.snapshot(), p).next());
            }
            stepToTake(runner, 0, List.of(0), 1);
            stepToTake(runner, 1, List.of(1), 2);
            PhilosophersSnapshot allLeft = stepToTake(runner, 2, List.of(2), 0);
            assertEquals(List.of(0, 1, 2), allLeft.table().forkHolders());
            assertNull(allLeft.table().deadlock());

            PhilosophersSnapshot one = stepToWait(runner, 0, 1);
            assertEquals(List.of(new WaitForGraph.Edge(0, 1, 1, false)), one.table().graph().edges());
            assertNull(one.table().deadlock(), "P1 waits for P2: a chain, not a circle");
            IllegalStateException blocked = assertThrows(IllegalStateException.class, () -> runner.step(0));
            assertTrue(blocked.getMessage().startsWith("P1 waits for F2, which P2 holds"), blocked.getMessage());

            PhilosophersSnapshot two = stepToWait(runner, 1, 2);
            assertNull(two.table().deadlock(), "P1 waits for P2 waits for P3: still a chain");
            assertEquals(3, two.table().graph().longestChain());
            // P3's next action is on F1, which P1 holds: a reach, not the pick-up it was said to be.
            PhilosophersSnapshot reaching = Await.until(runner, "P3 at its gate",
                    s -> diner(s, 2).state() == PhilosopherState.AT_GATE);
            assertEquals("reach for F1", diner(reaching, 2).next());

            runner.step(2);
            PhilosophersSnapshot closed = Await.until(runner, "the deadlock", s -> s.table().deadlock() != null);
            Deadlock deadlock = closed.table().deadlock();
            assertEquals(List.of(2, 0, 1), deadlock.philosophers());
            assertEquals(List.of(0, 1, 2), deadlock.forks());
            assertEquals("P3 → F1 → P1 → F2 → P2 → F3 → P3", deadlock.arrows());
            assertEquals("P3 waits for F1, held by P1; P1 waits for F2, held by P2; P2 waits for F3, held by P3",
                    deadlock.words());
            assertEquals(List.of(0, 1, 2), closed.table().graph().cycle());
            assertTrue(closed.table().recentActions().getLast().words()
                    .equals("the circle closes: deadlock, P3 → F1 → P1 → F2 → P2 → F3 → P3"),
                    closed.table().recentActions().getLast().words());
            for (Coffman condition : Coffman.values()) {
                assertTrue(condition.holdsNow(closed.table(), Strategy.NAIVE), condition + " holds in a deadlock");
            }

            IllegalStateException nobody = assertThrows(IllegalStateException.class, runner::step);
            assertTrue(nobody.getMessage().startsWith("Nobody can act"), nobody.getMessage());
        } finally {
            runner.stop();
        }
        PhilosophersResult result = runner.await();
        assertEquals(Outcome.STOPPED, result.outcome());
        assertEquals(List.of(2, 0, 1), result.deadlock().philosophers());
        assertEquals("deadlock", result.verdict());
        assertEquals(List.of(), threads.alive());
    }

    /** The same circle closed in another order is named from its own closer: P1 → F2 → P2 → F3 → P3 → F1 → P1. */
    @Test
    void theCircleIsNamedFromThePhilosopherWhoseWaitClosedIt() throws Exception {
        HeldThreads threads = new HeldThreads();
        PhilosophersRunner runner = pausedTable(threads, Bug.NONE, 3, ThreadKind.PLATFORM);
        try {
            stepToTake(runner, 2, List.of(2), 0);
            stepToTake(runner, 0, List.of(0), 1);
            stepToTake(runner, 1, List.of(1), 2);
            stepToWait(runner, 1, 2);
            stepToWait(runner, 2, 0);
            runner.step(0);
            Deadlock deadlock = Await.until(runner, "the deadlock", s -> s.table().deadlock() != null).table()
                    .deadlock();
            assertEquals("P1 → F2 → P2 → F3 → P3 → F1 → P1", deadlock.arrows());
        } finally {
            runner.stop();
        }
        assertEquals(List.of(), threads.alive());
    }

    /**
     * A step for a philosopher on its way to its gate (eating) is kept for it and shown as pending
     * until it arrives and takes it; then it is no longer pending.
     */
    @Test
    void aStepForAnEatingPhilosopherIsPendingUntilTaken() throws Exception {
        HeldThreads threads = new HeldThreads();
        PhilosophersRunner runner = new PhilosophersRunner(threads, Bug.NONE);
        runner.start(PhilosophersSettings.of(2, Strategy.NAIVE)
                .withDelays(DelayRange.NONE, new DelayRange(300, 300)));
        runner.pause();
        threads.release();
        try {
            Await.until(runner, "both at their gates", now -> now.steps().atGate().size() == 2);
            stepToTake(runner, 0, List.of(0), 1);
            runner.step(0);
            Await.until(runner, "P1 eats", s -> diner(s, 0).state() == PhilosopherState.EATING);
            runner.step(0); // its next action, putting F2 down, comes after its 300 ms meal
            assertTrue(runner.snapshot().steps().pending(), "granted, not taken yet");
            Await.until(runner, "P1 puts down F2", s -> diner(s, 0).holding().equals(List.of(0)));
            assertFalse(runner.snapshot().steps().pending());
        } finally {
            runner.stop();
        }
    }

    /** Step without a choice lets the philosopher that has waited longest at its gate act. */
    @Test
    void stepWithoutAChoiceGoesToTheLongestWaiting() throws Exception {
        HeldThreads threads = new HeldThreads();
        PhilosophersRunner runner = pausedTable(threads, Bug.NONE, 4, ThreadKind.PLATFORM);
        try {
            List<String> atGate = runner.snapshot().steps().atGate();
            int first = Integer.parseInt(atGate.getFirst().substring(1)) - 1;
            runner.step();
            PhilosophersSnapshot now = Await.until(runner, atGate.getFirst() + " picks up its left fork",
                    s -> diner(s, first).holding().equals(List.of(first)));
            assertEquals(atGate.getFirst(), now.steps().lastStepped());
            assertEquals(1, now.steps().stepsTaken());
            assertEquals(1, now.table().forkHolders().stream().filter(h -> h >= 0).count(), "one step, one fork");
        } finally {
            runner.stop();
        }
    }

    /**
     * On platform threads the JDK's own detector agrees: ThreadMXBean finds exactly the circle's
     * threads deadlocked, each blocked on the lock that the circle says its neighbour holds.
     */
    @Test
    void theJdkFindsTheSameCircle() throws Exception {
        HeldThreads threads = new HeldThreads();
        PhilosophersRunner runner = pausedTable(threads, Bug.NONE, 3, ThreadKind.PLATFORM);
        try {
            closeTheCircleOfThree(runner);
            PhilosophersSnapshot closed = Await.until(runner, "the deadlock", s -> s.table().deadlock() != null);
            crossCheck(closed.table());
        } finally {
            runner.stop();
        }
    }

    /**
     * The planted bug (a detector that looks one philosopher ahead) misses the circle of three, and
     * the cross-check with ThreadMXBean catches it; it still finds the two-philosopher circle.
     */
    @Test
    void theCrossCheckCatchesTheDetectorThatLooksOneAhead() throws Exception {
        HeldThreads threads = new HeldThreads();
        PhilosophersRunner runner = pausedTable(threads, Bug.TWO_CYCLES_ONLY, 3, ThreadKind.PLATFORM);
        try {
            closeTheCircleOfThree(runner);
            PhilosophersSnapshot blocked = Await.until(runner, "P3 waits for F1",
                    s -> diner(s, 2).state() == PhilosopherState.WAITING_FOR_FORK);
            assertNull(blocked.table().deadlock(), "the planted bug misses the circle of three");
            AssertionError caught = assertThrows(AssertionError.class, () -> crossCheck(runner.snapshot().table()));
            assertTrue(caught.getMessage().startsWith("the table detected no deadlock; the JDK found"),
                    caught.getMessage());
        } finally {
            runner.stop();
        }
        HeldThreads two = new HeldThreads();
        PhilosophersRunner pair = pausedTable(two, Bug.TWO_CYCLES_ONLY, 2, ThreadKind.PLATFORM);
        try {
            stepToTake(pair, 0, List.of(0), 1);
            stepToTake(pair, 1, List.of(1), 0);
            stepToWait(pair, 0, 1);
            pair.step(1);
            assertNotNull(Await.until(pair, "the deadlock of two", s -> s.table().deadlock() != null));
        } finally {
            pair.stop();
        }
    }

    private static void closeTheCircleOfThree(PhilosophersRunner runner) throws InterruptedException {
        stepToTake(runner, 0, List.of(0), 1);
        stepToTake(runner, 1, List.of(1), 2);
        stepToTake(runner, 2, List.of(2), 0);
        stepToWait(runner, 0, 1);
        stepToWait(runner, 1, 2);
        runner.step(2);
    }

    /**
     * Asserts that ThreadMXBean (waited for: a thread recorded as waiting parks a moment later)
     * reports exactly the detected circle's threads, each blocked on a lock owned by the thread of
     * the philosopher the table says holds the fork it waits for.
     */
    static void crossCheck(TableView table) throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long[] ids;
        while ((ids = mx.findDeadlockedThreads()) == null && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertNotNull(ids, "ThreadMXBean found no deadlock");
        ThreadInfo[] infos = mx.getThreadInfo(ids);
        Set<String> jdk = Arrays.stream(infos).map(ThreadInfo::getThreadName).collect(Collectors.toSet());
        assertNotNull(table.deadlock(), "the table detected no deadlock; the JDK found " + jdk);
        Set<String> ours = table.deadlock().philosophers().stream()
                .map(p -> "interleave-philosopher-" + Names.philosopher(p)).collect(Collectors.toSet());
        assertEquals(ours, jdk);
        for (ThreadInfo info : infos) {
            int p = Integer.parseInt(info.getThreadName().substring("interleave-philosopher-P".length())) - 1;
            int fork = table.philosophers().get(p).waitingFor();
            String holder = "interleave-philosopher-" + Names.philosopher(table.forkHolders().get(fork));
            assertEquals(holder, info.getLockOwnerName(), info.getThreadName() + "'s lock owner");
            assertTrue(info.getLockName().contains("ReentrantLock"), info.getLockName());
        }
    }
}
