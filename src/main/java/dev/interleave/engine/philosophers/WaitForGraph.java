package dev.interleave.engine.philosophers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who waits for whom at one moment of the table: philosopher P waits for Q when P waits for a fork
 * Q holds. A circle of waits without a time limit is a deadlock; a wait with a time limit
 * ({@code tryLock} with a timeout) is an edge too, drawn and listed, but a circle through it
 * breaks by itself when the time is out. Immutable; the algorithms are also used by {@link Table}
 * on its own arrays, under its lock.
 *
 * @param forkHolders for each fork, the philosopher holding it, or -1
 * @param waitingFor  for each philosopher, the fork it waits for, or -1
 * @param timed       for each philosopher, whether its wait has a time limit
 */
public record WaitForGraph(List<Integer> forkHolders, List<Integer> waitingFor, List<Boolean> timed) {

    /**
     * One wait: {@code from} waits for {@code fork}, which {@code to} holds.
     *
     * @param timed whether the wait has a time limit
     */
    public record Edge(int from, int fork, int to, boolean timed) {
    }

    public WaitForGraph {
        forkHolders = List.copyOf(forkHolders);
        waitingFor = List.copyOf(waitingFor);
        timed = List.copyOf(timed);
        if (waitingFor.size() != timed.size()) {
            throw new IllegalArgumentException("one wait and one time limit per philosopher");
        }
    }

    /**
     * A wait on a fork nobody holds: {@code philosopher} waits for {@code fork}, which lies on the
     * table (a moment before the philosopher, or another waiting for it, picks it up). No edge: the
     * wait is for nobody.
     */
    public record FreeWait(int philosopher, int fork) {
    }

    /** Every wait on a fork nobody holds, by waiting philosopher: the waits {@link #edges()} leaves out. */
    public List<FreeWait> freeWaits() {
        List<FreeWait> waits = new ArrayList<>();
        for (int p = 0; p < waitingFor.size(); p++) {
            int fork = waitingFor.get(p);
            if (fork >= 0 && forkHolders.get(fork) < 0) {
                waits.add(new FreeWait(p, fork));
            }
        }
        return waits;
    }

    /** Every wait on a fork somebody holds, by waiting philosopher. */
    public List<Edge> edges() {
        List<Edge> edges = new ArrayList<>();
        for (int p = 0; p < waitingFor.size(); p++) {
            int fork = waitingFor.get(p);
            if (fork >= 0 && forkHolders.get(fork) >= 0) {
                edges.add(new Edge(p, fork, forkHolders.get(fork), timed.get(p)));
            }
        }
        return edges;
    }

    /**
     * A circle of waits without a time limit, as the philosophers in it, starting with the
     * lowest-numbered one; empty when there is none. (Each philosopher waits for at most one
     * fork, so circles cannot share a philosopher; this returns the one with the lowest member.)
     */
    public List<Integer> cycle() {
        int[] holders = toArray(forkHolders);
        int[] waits = toArray(waitingFor);
        boolean[] limits = new boolean[timed.size()];
        for (int i = 0; i < limits.length; i++) {
            limits[i] = timed.get(i);
        }
        for (int p = 0; p < waits.length; p++) {
            List<Integer> circle = cycleThrough(p, holders, waits, limits, Bug.NONE);
            if (!circle.isEmpty()) {
                return circle;
            }
        }
        return List.of();
    }

    /**
     * A circle of waits of which some have a time limit ({@code tryLock} with a timeout), as
     * {@link #cycle()} gives its philosophers; empty when there is none, or when the circle's waits
     * have no time limit (then it is {@link #cycle()}'s, a deadlock). Circular wait holds at this
     * moment, but the circle breaks by itself: a try runs out and its fork goes back.
     */
    public List<Integer> timedCycle() {
        if (!cycle().isEmpty()) {
            return List.of();
        }
        int[] holders = toArray(forkHolders);
        int[] waits = toArray(waitingFor);
        boolean[] noLimits = new boolean[timed.size()];
        for (int p = 0; p < waits.length; p++) {
            List<Integer> circle = cycleThrough(p, holders, waits, noLimits, Bug.NONE);
            if (!circle.isEmpty()) {
                return circle;
            }
        }
        return List.of();
    }

    /** The most philosophers in one chain of waits without a time limit (P1 waits for P2, who waits for P3: 3). */
    public int longestChain() {
        int longest = 0;
        for (int p = 0; p < waitingFor.size(); p++) {
            int length = 1;
            int at = p;
            boolean[] seen = new boolean[waitingFor.size()];
            seen[p] = true;
            while (true) {
                int fork = waitingFor.get(at);
                if (fork < 0 || timed.get(at) || forkHolders.get(fork) < 0 || seen[forkHolders.get(fork)]) {
                    break;
                }
                at = forkHolders.get(fork);
                seen[at] = true;
                length++;
            }
            longest = Math.max(longest, length);
        }
        return waitingFor.stream().allMatch(fork -> fork < 0) ? 0 : longest;
    }

    /**
     * The circle of waits without a time limit that goes through {@code start}, as its philosophers
     * in wait order from {@code start} (each waits for a fork the next one holds, the last for one
     * {@code start} holds); empty if there is none.
     *
     * @param holders for each fork its holder, or -1
     * @param waits   for each philosopher the fork it waits for, or -1
     * @param timed   for each philosopher whether its wait has a time limit
     * @param bug     {@link Bug#TWO_CYCLES_ONLY} looks one philosopher ahead only
     */
    static List<Integer> cycleThrough(int start, int[] holders, int[] waits, boolean[] timed, Bug bug) {
        Objects.requireNonNull(bug);
        List<Integer> path = new ArrayList<>();
        path.add(start);
        int at = start;
        while (true) {
            int fork = waits[at];
            if (fork < 0 || timed[at] || holders[fork] < 0) {
                return List.of();
            }
            int next = holders[fork];
            if (next == start) {
                return List.copyOf(path);
            }
            if (path.contains(next) || (bug == Bug.TWO_CYCLES_ONLY && path.size() == 2)) {
                return List.of(); // a circle that does not go through start, or the planted bug gives up
            }
            path.add(next);
            at = next;
        }
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
