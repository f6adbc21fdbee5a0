package dev.interleave.engine.race;

/**
 * One shared count that many threads increment at once, by one {@link RaceStrategy}. Thread
 * {@code t} of a run always passes the same index, 0 &lt;= t &lt; threads.
 *
 * <p>{@link #total()} is exact only once every incrementing thread has been joined (a join makes
 * their writes visible); read while they run it is an estimate, and for the racy strategies it is
 * what survived, not what was asked.
 */
interface SharedCounter {

    /** Adds one on behalf of thread {@code thread}. */
    void increment(int thread);

    /** The count. */
    long total();

    /** Failed compare-and-set attempts so far (0 for strategies that make none). */
    default long casRetries() {
        return 0;
    }
}
