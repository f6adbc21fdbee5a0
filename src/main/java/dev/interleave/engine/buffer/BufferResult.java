package dev.interleave.engine.buffer;

import java.util.Objects;

import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.Stopwatch;

/**
 * How a buffer run ended, with its check and its account.
 *
 * @param settings             what the run was asked to do
 * @param outcome              completed (every item consumed), stopped, or failed
 * @param failure              what a worker threw, or null unless FAILED
 * @param elapsedNanos         from start until the last worker ended
 * @param made                 items the producers made (numbers drawn)
 * @param put                  items put into the buffer
 * @param consumed             items taken out by consumers
 * @param consumedWhilePaused  of those, the items taken while the run's clock was paused: by steps, or
 *                             by an action begun before a pause; an estimate at the edges (an action
 *                             in flight at Pause counts as the pause's). 0 on the command line
 * @param leftInBuffer         items still in the buffer at the end (read from the buffer itself)
 * @param sum                  the sum of the items consumed
 * @param expectedSum          M(M+1)/2, or 0 for an unbounded run
 * @param duplicates           items consumed more than once (checked per item)
 * @param missing              items of 1..M never consumed (0 for stopped or unbounded runs: not checked)
 * @param waitsOnFull          times a producer found the buffer full and waited
 * @param waitsOnEmpty         times a consumer found the buffer empty and waited
 * @param lab                  what the lab's detector found, and the wake-ups it counted
 */
public record BufferResult(BufferSettings settings, Outcome outcome, Throwable failure, long elapsedNanos,
                           long made, long put, long consumed, long consumedWhilePaused, long leftInBuffer, long sum,
                           long expectedSum,
                           long duplicates, long missing, long waitsOnFull, long waitsOnEmpty, Lab lab) {

    /**
     * The lab's findings.
     *
     * @param invariant             the invariant broken, or null: "a take must empty a full slot (count never below 0)"
     * @param action                what broke it, or null: "C2 was about to take from slot 0, which is empty ..."
     * @param stall                 who waited where when the run stalled, or null
     * @param stalledAfterNanos     the run's active time when it stalled, or -1: when the watchdog last saw a
     *                              put or take, before it found everybody waiting (the stall began within
     *                              {@code BufferRunner.WATCH_MILLIS}, 25 ms, before it)
     * @param futileProducerWakeups producers woken that found the buffer still full and waited again
     * @param futileConsumerWakeups consumers woken that found the buffer still empty and waited again
     * @param spuriousWakeups       waits the lab ended without a signal
     */
    public record Lab(String invariant, String action, String stall, long stalledAfterNanos,
                      long futileProducerWakeups, long futileConsumerWakeups, long spuriousWakeups) {

        /** {@link #stalledAfterNanos} in whole milliseconds, or -1 when the run did not stall. */
        public long stalledAfterMillis() {
            return stalledAfterNanos < 0 ? -1 : Stopwatch.nearestMillis(stalledAfterNanos);
        }

        /** Nothing found, nothing counted (an abq run). */
        public static final Lab NONE = new Lab(null, null, null, -1, 0, 0, 0);

        /** The invariant broken and the action that broke it, in one line ("...: C2 was about to ..."), or null. */
        public String violation() {
            return invariant == null ? null : invariant + ": " + action;
        }
    }

    public BufferResult {
        Objects.requireNonNull(settings);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(lab);
    }

    /**
     * The outcome as the lab says it: {@code stalled} or {@code violated} when the detector found it,
     * else ok, wrong-total, stopped or failed.
     */
    public BufferOutcome labOutcome() {
        if (lab.stall() != null) {
            return BufferOutcome.STALLED;
        }
        if (lab.violation() != null) {
            return BufferOutcome.VIOLATED;
        }
        return switch (outcome) {
            case COMPLETED -> ok() ? BufferOutcome.OK : BufferOutcome.WRONG_TOTAL;
            case STOPPED -> BufferOutcome.STOPPED;
            case FAILED -> BufferOutcome.FAILED;
        };
    }

    /**
     * What a worker threw that is not one of the lab's findings (a {@link BufferViolation} or a
     * {@link BufferStall}, which {@link #lab()} tells), or null.
     */
    public Throwable unexpectedFailure() {
        return failure instanceof BufferViolation || failure instanceof BufferStall ? null : failure;
    }

    /** Items made but never put: a producer held them when the run stopped. */
    public long droppedAtStop() {
        return made - put;
    }

    /** The account: every item made was consumed, is still in the buffer, or was dropped at stop. */
    public boolean balanced() {
        return put == consumed + leftInBuffer && made == consumed + leftInBuffer + droppedAtStop();
    }

    /**
     * Whether {@link #missing} was checked: only once every item 1..M has been consumed (a stopped,
     * stalled or unbounded run has not consumed them all, and its missing count is 0 unchecked).
     */
    public boolean missingChecked() {
        return missingCounted(settings, consumed);
    }

    /** Whether a run of {@code settings} that consumed {@code consumed} items counts its missing ones. */
    static boolean missingCounted(BufferSettings settings, long consumed) {
        return settings.isBounded() && consumed >= settings.items();
    }

    /** Whether the waits inside the buffer were seen: not inside ArrayBlockingQueue (abq), the baseline. */
    public boolean insideVisible() {
        return settings.impl().instrumented();
    }

    /** Completed, every item 1..M consumed exactly once, and the sum is M(M+1)/2. */
    public boolean ok() {
        return outcome == Outcome.COMPLETED && lab.violation() == null && lab.stall() == null && balanced() && duplicates == 0 && missing == 0
                && sum == expectedSum;
    }

    public long elapsedMillis() {
        return Stopwatch.nearestMillis(elapsedNanos);
    }

    /**
     * Items consumed per second of the run's clock: the items taken while it counted, over the time it
     * counted. A step acts while the clock is paused, so its items are left out with its time: counted
     * over the clock's milliseconds, five steps in six seconds read "80,067 items per second". A run
     * that stalled is counted until the stall ({@link #ratedUntilStall}): the detector's half second of
     * watching nobody move after it is not the buffer's (4 items in a 114 ms run that stalled read 6 a
     * second, counted to the run's end at 634 ms).
     */
    public double itemsPerSecond() {
        return itemsPerSecond(consumed - consumedWhilePaused, ratedUntilStall() ? lab.stalledAfterNanos() : elapsedNanos);
    }

    /** Whether {@link #itemsPerSecond} is counted until the stall, not to the run's end. */
    public boolean ratedUntilStall() {
        return lab.stalledAfterNanos() > 0 && lab.stalledAfterNanos() < elapsedNanos;
    }

    /** {@code items} over {@code nanos} as items per second; 0 for no time. */
    static double itemsPerSecond(long items, long nanos) {
        return nanos == 0 ? 0 : items * 1e9 / nanos;
    }
}
