package dev.interleave.engine.buffer;

import java.util.Objects;

import dev.interleave.engine.run.Outcome;

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
 * @param leftInBuffer         items still in the buffer at the end (read from the buffer itself)
 * @param sum                  the sum of the items consumed
 * @param expectedSum          M(M+1)/2, or 0 for an unbounded run
 * @param duplicates           items consumed more than once (checked per item)
 * @param missing              items of 1..M never consumed (0 for stopped or unbounded runs: not checked)
 * @param waitsOnFull          times a producer found the buffer full and waited
 * @param waitsOnEmpty         times a consumer found the buffer empty and waited
 */
public record BufferResult(BufferSettings settings, Outcome outcome, Throwable failure, long elapsedNanos,
                           long made, long put, long consumed, long leftInBuffer, long sum, long expectedSum,
                           long duplicates, long missing, long waitsOnFull, long waitsOnEmpty) {

    public BufferResult {
        Objects.requireNonNull(settings);
        Objects.requireNonNull(outcome);
    }

    /** Items made but never put: a producer held them when the run stopped. */
    public long droppedAtStop() {
        return made - put;
    }

    /** The account: every item made was consumed, is still in the buffer, or was dropped at stop. */
    public boolean balanced() {
        return put == consumed + leftInBuffer && made == consumed + leftInBuffer + droppedAtStop();
    }

    /** Completed, every item 1..M consumed exactly once, and the sum is M(M+1)/2. */
    public boolean ok() {
        return outcome == Outcome.COMPLETED && balanced() && duplicates == 0 && missing == 0
                && sum == expectedSum;
    }

    public long elapsedMillis() {
        return elapsedNanos / 1_000_000;
    }

    public double itemsPerSecond() {
        return elapsedNanos == 0 ? 0 : consumed * 1e9 / elapsedNanos;
    }
}
