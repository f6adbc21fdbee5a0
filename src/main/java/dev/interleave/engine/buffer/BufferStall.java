package dev.interleave.engine.buffer;

/**
 * Every live worker waited in a wait set, none able to proceed, for longer than
 * {@link BufferRunner#STALL_MILLIS}: what the lab reports as outcome {@code stalled}. The run's
 * watchdog fails the run with it, which interrupts every waiter, so the run ends with no thread left.
 */
public final class BufferStall extends RuntimeException {

    private final long stalledAfterNanos;
    private final String waiting;

    /**
     * @param stalledAfterNanos the run's active time when the watchdog last saw a put or take before
     *                          the stall (which began within {@link BufferRunner#WATCH_MILLIS} before it)
     * @param waiting           who waits where, e.g. "P1, P2 wait on notFull with 0 of 1 slot full"
     */
    BufferStall(long stalledAfterNanos, String waiting) {
        super("stalled at " + stalledAfterNanos / 1_000_000 + " ms (and still " + BufferRunner.STALL_MILLIS / 1000.0
                + " s later): " + waiting, null, false, false);
        this.stalledAfterNanos = stalledAfterNanos;
        this.waiting = waiting;
    }

    /** The run's active time when everybody was first seen waiting. */
    public long stalledAfterNanos() {
        return stalledAfterNanos;
    }

    /** Who waits where, in words. */
    public String waiting() {
        return waiting;
    }
}
