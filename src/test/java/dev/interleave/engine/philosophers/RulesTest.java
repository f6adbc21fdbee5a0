package dev.interleave.engine.philosophers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wait-for graph, the four conditions, Jain's index, the starvation and livelock rules, as plain functions. */
class RulesTest {

    private static WaitForGraph graph(List<Integer> holders, List<Integer> waits, List<Boolean> timed) {
        return new WaitForGraph(holders, waits, timed);
    }

    /** A table of n where philosopher p holds forks holding[p] and waits for waits[p]. */
    private static TableView table(List<List<Integer>> holding, List<Integer> waits, List<Boolean> timed) {
        int n = holding.size();
        Integer[] holders = new Integer[n];
        Arrays.fill(holders, -1);
        List<TableView.Diner> diners = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            for (int f : holding.get(p)) {
                holders[f] = p;
            }
            diners.add(new TableView.Diner(p, waits.get(p) >= 0 ? PhilosopherState.WAITING_FOR_FORK
                    : PhilosopherState.THINKING, holding.get(p), waits.get(p), timed.get(p), 0, 0, ""));
        }
        List<Integer> forkHolders = List.of(holders);
        return new TableView(diners, forkHolders, graph(forkHolders, waits, timed), null, 0, List.of(), 0, 0);
    }

    @Test
    void aCircleOfWaitsWithoutLimitIsACycle() {
        // P1 holds F1 and waits for F2; P2 holds F2, waits for F3; P3 holds F3, waits for F1.
        WaitForGraph circle = graph(List.of(0, 1, 2), List.of(1, 2, 0), List.of(false, false, false));
        assertEquals(List.of(0, 1, 2), circle.cycle());
        assertEquals(3, circle.edges().size());
        assertEquals(new WaitForGraph.Edge(2, 0, 0, false), circle.edges().get(2));
        assertEquals(List.of(1, 2, 0), WaitForGraph.cycleThrough(1, new int[] {0, 1, 2}, new int[] {1, 2, 0},
                new boolean[3], Bug.NONE));
    }

    @Test
    void aTimedWaitBreaksTheCircleButIsStillAnEdge() {
        WaitForGraph timed = graph(List.of(0, 1, 2), List.of(1, 2, 0), List.of(false, true, false));
        assertEquals(List.of(), timed.cycle());
        assertEquals(3, timed.edges().size());
        assertTrue(timed.edges().get(1).timed());
    }

    @Test
    void aChainIsNotACycle() {
        // P1 waits for P2, who waits for P3, who waits for nobody: a chain of three.
        WaitForGraph chain = graph(List.of(0, 1, 2, -1), List.of(1, 2, -1, -1), List.of(false, false, false, false));
        assertEquals(List.of(), chain.cycle());
        assertEquals(3, chain.longestChain());
        assertEquals(0, graph(List.of(-1, -1), List.of(-1, -1), List.of(false, false)).longestChain());
        // A wait for a fork on the table (about to be taken) is no edge.
        assertEquals(List.of(), graph(List.of(-1, -1), List.of(1, -1), List.of(false, false)).edges());
    }

    @Test
    void thePlantedBugSeesOnlyCirclesOfTwo() {
        int[] holders = {0, 1, 2};
        int[] waits = {1, 2, 0};
        assertEquals(List.of(), WaitForGraph.cycleThrough(0, holders, waits, new boolean[3], Bug.TWO_CYCLES_ONLY));
        assertEquals(List.of(0, 1), WaitForGraph.cycleThrough(0, new int[] {0, 1}, new int[] {1, 0}, new boolean[2],
                Bug.TWO_CYCLES_ONLY));
    }

    @Test
    void theFourConditionsEachHoldOrNot() {
        TableView deadlocked = table(List.of(List.of(0), List.of(1)), List.of(1, 0), List.of(false, false));
        for (Coffman condition : Coffman.values()) {
            assertTrue(condition.holdsNow(deadlocked, Strategy.NAIVE), condition.title());
        }
        // trylock: the waits are timed; it gives its fork back: no hold-and-wait, no "no preemption", no circle.
        TableView trying = table(List.of(List.of(0), List.of(1)), List.of(1, 0), List.of(true, true));
        assertTrue(Coffman.MUTUAL_EXCLUSION.holdsNow(trying, Strategy.TRYLOCK));
        assertFalse(Coffman.HOLD_AND_WAIT.holdsNow(trying, Strategy.TRYLOCK));
        assertFalse(Coffman.NO_PREEMPTION.holdsNow(trying, Strategy.TRYLOCK));
        assertFalse(Coffman.CIRCULAR_WAIT.holdsNow(trying, Strategy.TRYLOCK));
        // Nobody holds anything: none holds.
        TableView empty = table(List.of(List.of(), List.of()), List.of(-1, -1), List.of(false, false));
        for (Coffman condition : Coffman.values()) {
            assertFalse(condition.holdsNow(empty, Strategy.NAIVE), condition.title());
        }
        assertEquals(List.of(), Coffman.MUTUAL_EXCLUSION.brokenBy());
        assertEquals(List.of(Strategy.ORDERED, Strategy.WAITER), Coffman.CIRCULAR_WAIT.brokenBy());
        assertEquals(List.of(Strategy.TRYLOCK), Coffman.HOLD_AND_WAIT.brokenBy());
    }

    @Test
    void jainsIndexIsOneWhenEvenAndOneOverNWhenOneAteAll() {
        assertEquals(1.0, Fairness.jain(new long[] {5, 5, 5, 5}).getAsDouble(), 1e-12);
        assertEquals(0.25, Fairness.jain(new long[] {8, 0, 0, 0}).getAsDouble(), 1e-12);
        assertEquals(100.0 / (4 * 30), Fairness.jain(new long[] {1, 2, 3, 4}).getAsDouble(), 1e-12);
        assertTrue(Fairness.jain(new long[] {0, 0}).isEmpty(), "not defined when nobody ate");
    }

    @Test
    void starvationIsJudgedOnlyAfterEnoughMeals() {
        assertEquals(List.of(), Fairness.starving(new long[] {0, 10, 10}), "20 meals: too few to judge");
        assertEquals(List.of(0), Fairness.starving(new long[] {0, 20, 20}));
        assertEquals(List.of(), Fairness.starving(new long[] {5, 20, 20}), "5 is a quarter of 20: not below");
        assertEquals(List.of(0), Fairness.starving(new long[] {4, 20, 20}));
        assertEquals(List.of(), Fairness.starving(new long[] {10, 10, 10}));
    }

    @Test
    void livelockNeedsAFullWindowOfManyAttemptsAndFewMeals() {
        long second = LivelockWatch.WINDOW_NANOS;
        LivelockWatch watch = new LivelockWatch();
        assertFalse(watch.sample(0, 0, 0));
        assertFalse(watch.sample(second / 2, 10, 5_000), "half a window");
        assertTrue(watch.sample(second, 99, 1_000), "1,000 attempts, 99 meals in a second");
        assertFalse(watch.sample(2 * second, 300, 2_000), "then 1,000 attempts and 201 meals");

        LivelockWatch slow = new LivelockWatch();
        slow.sample(0, 0, 0);
        assertFalse(slow.sample(second, 0, 999), "too few attempts to judge");
        LivelockWatch stuck = new LivelockWatch();
        stuck.sample(0, 0, 0);
        assertFalse(stuck.sample(5 * second, 0, 0), "nobody trying (a deadlock) is not a livelock");
    }

    @Test
    void aDeadlockNamesItsCircle() {
        Deadlock deadlock = new Deadlock(List.of(1, 0), List.of(0, 1), 3_000_000);
        assertEquals("P2 → F1 → P1 → F2 → P2", deadlock.arrows());
        assertEquals("P2 waits for F1, held by P1; P1 waits for F2, held by P2", deadlock.words());
        assertEquals(List.of(2L, 1L), deadlock.numbers());
        assertEquals(3, deadlock.detectedAfterMillis());
    }
}
