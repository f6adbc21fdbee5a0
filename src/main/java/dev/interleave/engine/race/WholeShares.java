package dev.interleave.engine.race;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs that lost exactly one thread's increments (or two threads', ...): the race at its plainest.
 * A thread read the count and was descheduled before it wrote it back; meanwhile the others made
 * their increments; its late write put the count back where it had read it. When the others made
 * as many as one thread makes in all, the run loses exactly that many. A class asks why 250,000 of
 * 1,000,000 went missing, to the unit: this is the answer, said beside the figure.
 */
public final class WholeShares {

    /** Why a run can lose a whole number of threads' increments, after "lost exactly ...". */
    public static final String WHY = "a thread read the count and was descheduled before writing it back;"
            + " meanwhile the others made that many increments, and its late write undid them all";

    /**
     * The least share said so: below it a loss of exactly K can as well be several small overwrites
     * adding up to K (K = 10: three runs in ten lost exactly 10 or 20).
     */
    static final long LEAST_SHARE = 1_000;

    private WholeShares() {
    }

    /**
     * The runs (numbered from 1) whose loss is a whole, non-zero number of shares of {@code increments};
     * none for shares under {@link #LEAST_SHARE}.
     */
    public static List<Integer> runs(List<Long> lost, long increments) {
        if (increments < LEAST_SHARE) {
            return List.of();
        }
        return IntStream.range(0, lost.size())
                .filter(i -> lost.get(i) > 0 && lost.get(i) % increments == 0)
                .mapToObj(i -> i + 1)
                .toList();
    }
}
