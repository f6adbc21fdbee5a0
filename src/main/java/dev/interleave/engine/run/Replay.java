package dev.interleave.engine.run;

/**
 * A scenario's state rebuilt from its recorded events: apply events 0..k-1, in order, to the empty
 * state and it is the state after event k-1. {@link History} keeps copies of one as checkpoints, so
 * that any kept event's state is cheap to rebuild. Not thread-safe: one thread applies and reads.
 *
 * @param <R> the scenario's own replay class
 */
public interface Replay<R extends Replay<R>> {

    /** Events applied so far: the state is as it was after event {@code events() - 1}. */
    long events();

    /** Applies event {@code i} of {@code batch}, which must be the next event ({@code batch.seq(i) == events()}). */
    void apply(EventLog.Batch batch, int i);

    /**
     * Whether event {@code i} of {@code batch}, the next to apply, completes the last one applied:
     * written with it under one hold of the scenario's lock (a buffer's put and the wake-ups its
     * signal made), so that a state between the two was never the scenario's. {@link History#wholeAt}
     * applies such events too; none by default.
     */
    default boolean completes(EventLog.Batch batch, int i) {
        return false;
    }

    /** An independent copy of this state. */
    R copy();

    /**
     * Applies {@code batch}'s events up to (not including) event number {@code until}, from the next
     * one not yet applied.
     *
     * @throws IllegalArgumentException if the batch starts after the next event to apply (a gap)
     */
    default void applyUntil(EventLog.Batch batch, long until) {
        if (batch.firstSeq() > events() && batch.size() > 0) {
            throw new IllegalArgumentException("events " + events() + " to " + (batch.firstSeq() - 1)
                    + " are missing (dropped from the log, or never read)");
        }
        long end = Math.min(until, batch.endSeq());
        for (long seq = events(); seq < end; seq++) {
            apply(batch, (int) (seq - batch.firstSeq()));
        }
    }
}
