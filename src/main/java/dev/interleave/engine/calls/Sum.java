package dev.interleave.engine.calls;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A shared running total of {@code long} values (500,000,500,000 does not fit an {@code int}).
 *
 * <p>Safe to call from any thread. {@link #total()} is linearizable with {@link #add(long)}: it
 * returns the sum of exactly the adds that happened before it.
 */
public final class Sum {

    /*
     * Implementation notes: one AtomicLong. A LongAdder would scale better under contention but
     * its sum() is not an atomic snapshot, and the point of this class is a total that is exactly
     * right at every moment. In a run the adds are spread over up to a second of sleeping, so the
     * single cache line is not a bottleneck.
     */

    /** The sum of every value added so far. */
    private final AtomicLong total = new AtomicLong();

    /** Adds {@code value} to the total. */
    public void add(long value) {
        total.addAndGet(value);
    }

    /** The sum of every value added so far. */
    public long total() {
        return total.get();
    }
}
