package dev.interleave.engine.philosophers;

import java.util.List;
import java.util.Objects;

/**
 * The table at one instant: every philosopher, every fork, the wait-for graph, the deadlock if one
 * was detected, the recent actions. Taken under the table's lock in one acquisition, so it is
 * consistent: a fork a philosopher holds is the fork's holder, a wait names a fork whose holder
 * is in the graph.
 *
 * @param philosophers  P1 to PN
 * @param forkHolders   for each fork (F1 to FN), its holder's index, or -1 when it lies on the table
 * @param graph         who waits for whom
 * @param deadlock      the first deadlock detected in this run, or null
 * @param actions       actions recorded so far
 * @param recentActions the latest actions, oldest first (at most {@link Table#RECENT_ACTIONS})
 * @param seats         the waiter's seats (N - 1), or 0 when the strategy has no waiter
 * @param seated        philosophers on a seat now
 */
public record TableView(List<Diner> philosophers, List<Integer> forkHolders, WaitForGraph graph, Deadlock deadlock,
                        long actions, List<Action> recentActions, int seats, int seated) {

    /**
     * One philosopher at that instant.
     *
     * @param index     0 for P1
     * @param state     what it does
     * @param holding   the forks in its hands, in the order it picked them up
     * @param waitingFor the fork it waits for (blocked or trying), or -1
     * @param timedWait whether that wait has a time limit
     * @param meals     meals eaten
     * @param attempts  attempts to get both forks (a failed try counts; so does the one in progress)
     * @param next      while at its gate: the fork action it will take when stepped, e.g. "reach for F2"; else empty
     */
    public record Diner(int index, PhilosopherState state, List<Integer> holding, int waitingFor, boolean timedWait,
                        long meals, long attempts, String next) {

        public Diner {
            Objects.requireNonNull(state);
            holding = List.copyOf(holding);
            Objects.requireNonNull(next);
        }

        public String name() {
            return Names.philosopher(index);
        }
    }

    public TableView {
        philosophers = List.copyOf(philosophers);
        forkHolders = List.copyOf(forkHolders);
        Objects.requireNonNull(graph);
        recentActions = List.copyOf(recentActions);
    }

    /** The table before a run: nobody, no forks. */
    public static final TableView EMPTY = new TableView(List.of(), List.of(),
            new WaitForGraph(List.of(), List.of(), List.of()), null, 0, List.of(), 0, 0);

    /** Meals of each philosopher, P1 first. */
    public long[] meals() {
        return philosophers.stream().mapToLong(Diner::meals).toArray();
    }

    /** Attempts of each philosopher, P1 first. */
    public long[] attempts() {
        return philosophers.stream().mapToLong(Diner::attempts).toArray();
    }

    public long totalMeals() {
        return philosophers.stream().mapToLong(Diner::meals).sum();
    }

    public long totalAttempts() {
        return philosophers.stream().mapToLong(Diner::attempts).sum();
    }
}
