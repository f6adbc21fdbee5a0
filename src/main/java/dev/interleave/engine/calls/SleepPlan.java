package dev.interleave.engine.calls;

/**
 * The random sleep each call draws, as a pure function of a seed and the call's number (1 for the
 * first started): the same seed gives the same sleeps whatever order threads run in and whatever
 * the counter hands out (a racy one too), so a run can be reproduced and its ideal makespan
 * computed afterwards.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param seed          the run's seed
 * @param maxSleepMillis the largest sleep; each draw is uniform in {@code [0, maxSleepMillis]}
 */
public record SleepPlan(long seed, int maxSleepMillis) {

    public SleepPlan {
        if (maxSleepMillis < 0) {
            throw new IllegalArgumentException("maxSleepMillis must be 0 or more, was " + maxSleepMillis);
        }
    }

    /**
     * The sleep for call number {@code callNumber}: uniform in {@code [0, maxSleepMillis]}.
     *
     * <p>SplitMix64's finaliser over seed and number (the generator behind
     * {@link java.util.SplittableRandom}), so draws for consecutive calls are independent.
     */
    public int sleepMillisFor(long callNumber) {
        if (maxSleepMillis == 0) {
            return 0;
        }
        long z = seed + callNumber * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) Long.remainderUnsigned(z, maxSleepMillis + 1L);
    }
}
