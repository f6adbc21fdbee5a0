package dev.interleave.engine.race;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Runs that lost exactly one thread's increments (or two threads', ...): the race at its plainest.
 * A thread read the count and was descheduled before it wrote it back; meanwhile the others made
 * their increments; its late write put the count back where it had read it. When the others made
 * as many as one thread makes in all, the run loses exactly that many. A class asks why 250,000 of
 * 1,000,000 went missing, to the unit: this is the answer, said beside the figure. The words say
 * it is the scheduler's doing: a student who knew that a JIT may keep a plain count++ in a register
 * for a whole loop took that for the cause; the lab's racy and volatile increments read and write
 * memory each time (opaque and volatile accesses), so a late write is what undoes a batch.
 */
public final class WholeShares {

    /** Why a run can lose a whole number of threads' increments, after "lost exactly ...". */
    static final String WHY = "a thread read the count and was descheduled before writing it back;"
            + " meanwhile the others made that many increments, and its late write undid them all (the scheduler's"
            + " doing, not the compiler's: each count++ here reads and writes memory)";

    /**
     * The least share said so: below it, a loss of exactly K may as well be several small overwrites
     * that happen to add up to K.
     */
    static final long LEAST_SHARE = 1_000;

    private WholeShares() {
    }

    /**
     * A run that lost a whole number of threads' increments.
     *
     * @param run    numbered from 1
     * @param lost   the updates it lost
     * @param shares how many threads' increments that is
     */
    public record Whole(int run, long lost, long shares) {

        /**
         * The run, its loss and why, as the command line and the window both say it: "run 2 lost
         * exactly 250,000, as many as one thread makes: a thread read the count ...".
         */
        public String said() {
            return String.format(Locale.ROOT, "run %d lost exactly %,d, as many as %s: %s", run, lost,
                    shares == 1 ? "one thread makes" : shares + " threads make", WHY);
        }
    }

    /**
     * The runs whose loss is a whole, non-zero number of shares of {@code increments}, in order; none
     * for shares under {@link #LEAST_SHARE}.
     */
    public static List<Whole> runs(List<Long> lost, long increments) {
        if (increments < LEAST_SHARE) {
            return List.of();
        }
        return IntStream.range(0, lost.size())
                .filter(i -> lost.get(i) > 0 && lost.get(i) % increments == 0)
                .mapToObj(i -> new Whole(i + 1, lost.get(i), lost.get(i) / increments))
                .toList();
    }
}
