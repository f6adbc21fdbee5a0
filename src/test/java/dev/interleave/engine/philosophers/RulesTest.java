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

    /** A circle through a timed try is no deadlock ({@code cycle}) but a circle of the moment ({@code timedCycle}). */
    @Test
    void aCircleOfTimedTriesIsToldApart() {
        WaitForGraph timed = graph(List.of(0, 1, 2), List.of(1, 2, 0), List.of(false, true, false));
        assertEquals(List.of(), timed.cycle());
        assertEquals(List.of(0, 1, 2), timed.timedCycle());
        WaitForGraph untimed = graph(List.of(0, 1, 2), List.of(1, 2, 0), List.of(false, false, false));
        assertEquals(List.of(0, 1, 2), untimed.cycle());
        assertEquals(List.of(), untimed.timedCycle(), "a deadlock's circle is cycle()'s");
        assertEquals(List.of(), graph(List.of(0, 1, 2), List.of(1, 2, -1), List.of(true, true, false)).timedCycle(),
                "a chain");
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
        // trylock: each holds its left fork through a timed try for the right, in a circle: hold and
        // wait and circular wait hold at this moment (a concurrency expert's review: they read "not
        // now" beside seats that each had one fork and tried for the next); it gives its fork back
        // when the try runs out, so no preemption is what it breaks, and the circle cannot last.
        TableView trying = table(List.of(List.of(0), List.of(1)), List.of(1, 0), List.of(true, true));
        assertTrue(Coffman.MUTUAL_EXCLUSION.holdsNow(trying, Strategy.TRYLOCK));
        assertTrue(Coffman.HOLD_AND_WAIT.holdsNow(trying, Strategy.TRYLOCK));
        assertFalse(Coffman.NO_PREEMPTION.holdsNow(trying, Strategy.TRYLOCK));
        assertTrue(Coffman.CIRCULAR_WAIT.holdsNow(trying, Strategy.TRYLOCK));
        assertTrue(Coffman.NO_PREEMPTION.ruledOutBy(Strategy.TRYLOCK_NO_BACKOFF));
        assertFalse(Coffman.HOLD_AND_WAIT.ruledOutBy(Strategy.TRYLOCK));
        // One holds and tries, the other holds nothing: hold and wait, no circle.
        TableView oneTrying = table(List.of(List.of(0), List.of()), List.of(1, -1), List.of(true, false));
        assertTrue(Coffman.HOLD_AND_WAIT.holdsNow(oneTrying, Strategy.TRYLOCK));
        assertFalse(Coffman.CIRCULAR_WAIT.holdsNow(oneTrying, Strategy.TRYLOCK));
        // Nobody holds anything: none holds.
        TableView empty = table(List.of(List.of(), List.of()), List.of(-1, -1), List.of(false, false));
        for (Coffman condition : Coffman.values()) {
            assertFalse(condition.holdsNow(empty, Strategy.NAIVE), condition.title());
        }
        assertEquals(List.of(), Coffman.MUTUAL_EXCLUSION.brokenBy());
        assertEquals(List.of(Strategy.ORDERED, Strategy.WAITER), Coffman.CIRCULAR_WAIT.brokenBy());
        assertEquals(List.of(), Coffman.HOLD_AND_WAIT.brokenBy());
        assertEquals(List.of(Strategy.TRYLOCK), Coffman.NO_PREEMPTION.brokenBy());
        for (Coffman condition : Coffman.values()) {
            assertEquals(condition.brokenBy().isEmpty(), !condition.unbroken().isEmpty(), condition.title());
        }
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
        assertEquals(List.of(), Fairness.starving(new long[] {0, 10, 10}, false), "20 meals: too few to judge");
        assertEquals(List.of(0), Fairness.starving(new long[] {0, 20, 20}, false));
        assertEquals(List.of(), Fairness.starving(new long[] {5, 20, 20}, false), "5 is a quarter of 20: not below");
        assertEquals(List.of(0), Fairness.starving(new long[] {4, 20, 20}, false));
        assertEquals(List.of(), Fairness.starving(new long[] {4, 20, 20}, true), "a deadlocked table is not judged");
        assertEquals(List.of(), Fairness.starving(new long[] {10, 10, 10}, false));
    }

    /** Every philosopher gives a fork back 3 times with nobody eating: a livelock, until someone eats. */
    @Test
    void livelockIsEveryoneGivingBackWithNobodyEating() {
        LivelockWatch watch = new LivelockWatch(2);
        for (int round = 1; round <= 3; round++) {
            watch.gaveUp(0, round * 10L);
            assertFalse(watch.now(), "P2 has given back " + (round - 1) + " times");
            watch.gaveUp(1, round * 10L + 5);
            assertEquals(round == 3, watch.now(), "round " + round);
        }
        assertEquals(35, watch.fromNanos(), "when it first held");
        watch.ate(40);
        assertFalse(watch.now(), "someone eats: the table gets on");
        assertEquals(35, watch.fromNanos(), "kept: it happened");

        LivelockWatch busy = new LivelockWatch(2);
        for (int k = 0; k < 1_000; k++) {
            busy.gaveUp(0, k); // both retrying, with a meal begun or ended between every two tries
            busy.gaveUp(1, k);
            if (k % 2 == 1) {
                busy.ate(k);
            }
        }
        assertFalse(busy.now(), "a table that eats is not livelocked, however many tries fail");
        assertEquals(-1, busy.fromNanos());

        LivelockWatch lone = new LivelockWatch(3);
        for (int k = 0; k < 100; k++) {
            lone.gaveUp(0, k); // retrying at once beside a neighbour who eats, or thinks: busy waiting
            lone.gaveUp(1, k);
        }
        assertFalse(lone.now(), "P3 has not given anything back: not everyone");
        assertFalse(watch.copy().now(), "a copy keeps the standing");
        assertEquals(35, watch.copy().fromNanos());
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
