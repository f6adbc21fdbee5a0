package dev.interleave.ui.philosophers;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.interleave.engine.philosophers.WaitForGraph;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The line under the wait-for graph says what the longest chain counts. */
class GraphNoteTest {

    private static WaitForGraph.Edge wait(int from, int to, boolean timed) {
        return new WaitForGraph.Edge(from, to, to, timed);
    }

    @Test
    void dashedWaitsAreSaidToBeLeftOutOfTheChain() {
        // trylock, as seen in the window: four timed waits in a row, none without a limit.
        List<WaitForGraph.Edge> timed = List.of(wait(1, 2, true), wait(2, 3, true), wait(3, 4, true), wait(4, 0, true));
        assertEquals("P → Q: P waits for a fork Q holds. Dashed: the wait has a time limit and ends by itself, "
                + "so no circle of them can hold.", PhilosophersView.graphNote(0, timed, List.of(), 1, 5, false));
        List<WaitForGraph.Edge> mixed = List.of(wait(0, 1, false), wait(1, 2, false), wait(2, 3, true));
        assertEquals("P → Q: P waits for a fork Q holds. No circle: the longest chain of waits links 3 of the 5 "
                + "philosophers (dashed waits, with a time limit, not counted), and does not come back to its first.",
                PhilosophersView.graphNote(0, mixed, List.of(), 3, 5, false));
        assertEquals("P → Q: P waits for a fork Q holds. No circle: the longest chain of waits links 2 of the 5"
                + " philosophers, and does not come back to its first.",
                PhilosophersView.graphNote(0, List.of(wait(0, 1, false)), List.of(), 2, 5, false));
        // A chain through everyone that does not close: "links 2 of the 2 philosophers" read oddly.
        assertEquals("P → Q: P waits for a fork Q holds. No circle: the longest chain of waits links both"
                + " philosophers, and does not come back to its first.",
                PhilosophersView.graphNote(0, List.of(wait(0, 1, false)), List.of(), 2, 2, false));
        assertEquals("P → Q: P waits for a fork Q holds. No circle: the longest chain of waits links all 3"
                + " philosophers, and does not come back to its first.",
                PhilosophersView.graphNote(0, List.of(wait(0, 1, false), wait(1, 2, false)), List.of(), 3, 3, false));
        assertEquals("P → Q: P waits for a fork Q holds. Nobody waits now.", PhilosophersView.graphNote(0, List.of(), List.of(), 0, 5, false));
        assertEquals("The circle drawn thick and red is the deadlock: 2 philosophers, each waiting for the next.",
                PhilosophersView.graphNote(2, List.of(wait(0, 1, false), wait(1, 0, false)), List.of(), 2, 2, false));
        // Kept after the run, whose end freed the table: the note says the circle is as it closed.
        assertEquals("The circle drawn thick and red is the deadlock as it closed: 2 philosophers, each waiting for the next. The run"
                + " has since ended: its threads were interrupted, every fork put down.",
                PhilosophersView.graphNote(2, List.of(wait(0, 1, false), wait(1, 0, false)), List.of(), 2, 2, true));
    }

    /**
     * A wait for a fork nobody holds (on the table, not yet taken) has no arrow; the note says so.
     * A tryout rewound a two-philosopher deadlock to where P1 and P2 both waited for F1, on the
     * table: the cards read "waits F1" and the note "Nobody waits now".
     */
    @Test
    void aWaitForAForkOnTheTableIsSaidNotLeftOut() {
        WaitForGraph graph = new WaitForGraph(List.of(-1, 1), List.of(0, 0), List.of(false, false));
        assertEquals(List.of(), graph.edges());
        assertEquals(List.of(new WaitForGraph.FreeWait(0, 0), new WaitForGraph.FreeWait(1, 0)), graph.freeWaits());
        assertEquals("P → Q: P waits for a fork Q holds. P1 and P2 wait for F1, which lies on the table (nobody holds"
                + " it): no arrow.", PhilosophersView.graphNote(0, graph.edges(), graph.freeWaits(),
                graph.longestChain(), 2, false));
        // Beside arrows, and on two forks: P3 waits for F4, held by P4; P1 for F1 and P2 for F3, both on the table.
        WaitForGraph more = new WaitForGraph(List.of(-1, -1, -1, 3), List.of(0, 2, 3, -1), List.of(false, false, false, false));
        assertEquals(List.of(new WaitForGraph.Edge(2, 3, 3, false)), more.edges());
        assertEquals("P → Q: P waits for a fork Q holds. No circle: the longest chain of waits links 2 of the 4"
                + " philosophers, and does not come back to its first. P1 waits for F1 and P2 for F3, which lie on"
                + " the table (nobody holds them): no arrow.", PhilosophersView.graphNote(0, more.edges(),
                more.freeWaits(), more.longestChain(), 4, false));
    }
}
