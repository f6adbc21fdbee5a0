package dev.interleave.engine.race;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.interleave.engine.run.Outcome;

/**
 * How a race run ended: the count each repetition reached against threads x increments.
 *
 * @param settings     what was asked
 * @param outcome      completed (every repetition ran), stopped or failed
 * @param failure      what a thread threw, or null
 * @param totals       the count each finished repetition reached, in order
 * @param runNanos     the time each finished repetition spent incrementing, in order (start and join excluded)
 * @param casRetries   failed compare-and-set attempts over every repetition ({@code cas} only)
 */
public record RaceResult(RaceSettings settings, Outcome outcome, Throwable failure, List<Long> totals,
                         List<Long> runNanos, long casRetries) {

    public RaceResult {
        Objects.requireNonNull(settings);
        Objects.requireNonNull(outcome);
        totals = List.copyOf(totals);
        runNanos = List.copyOf(runNanos);
        if (runNanos.size() != totals.size()) {
            throw new IllegalArgumentException(runNanos.size() + " run times for " + totals.size() + " runs");
        }
    }

    /** The time the finished repetitions spent incrementing, summed. */
    public long elapsedNanos() {
        return runNanos.stream().mapToLong(Long::longValue).sum();
    }

    /** Increments lost in each finished repetition: expected - total. */
    public List<Long> lost() {
        return totals.stream().map(total -> settings.expected() - total).toList();
    }

    /** Whether every repetition ran and every count is exact. */
    public boolean ok() {
        return outcome == Outcome.COMPLETED && totals.stream().allMatch(total -> total == settings.expected());
    }

    /** Increments asked of the finished repetitions per second of their time (lost ones included: the work was done). */
    public double opsPerSecond() {
        long elapsedNanos = elapsedNanos();
        return elapsedNanos == 0 ? 0 : totals.size() * (double) settings.expected() * 1e9 / elapsedNanos;
    }

    /** Each finished repetition's increments per second, in order. */
    public List<Double> runOpsPerSecond() {
        return runNanos.stream().map(nanos -> nanos == 0 ? 0 : settings.expected() * 1e9 / nanos).toList();
    }

    /** The median of the finished repetitions' rates ({@link Median}, as the window's); 0 for none. */
    public double medianRunOpsPerSecond() {
        return Median.of(runOpsPerSecond());
    }

    /** The slowest and the fastest finished repetition; empty for none. */
    public Optional<LabFigures.Range> runRange() {
        return LabFigures.Range.of(runOpsPerSecond());
    }

    public long elapsedMillis() {
        return elapsedNanos() / 1_000_000;
    }
}
