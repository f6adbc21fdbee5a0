package dev.interleave.engine.philosophers;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.Stopwatch;

/**
 * How a dining-philosophers run ended.
 *
 * @param settings           what the run was asked to do
 * @param outcome            COMPLETED (its time was up, or a deadlock ended it), STOPPED, or FAILED
 * @param failure            what a thread threw, or null unless FAILED
 * @param elapsedNanos       active time from start to end
 * @param deadlock           the first deadlock detected, or null
 * @param meals              meals per philosopher, P1 first
 * @param attempts           attempts to get both forks per philosopher, P1 first
 * @param livelock           whether the livelock rule ({@link LivelockWatch#RULE}) held at some sample
 * @param livelockAfterNanos active time when it first held, or -1
 * @param livelockSpells     how many spells of livelock the run had: times the rule began to hold (0 without one)
 * @param livelockLongestNanos the longest stretch with no meal a spell was in, in active time (0 without one)
 */
public record PhilosophersResult(PhilosophersSettings settings, Outcome outcome, Throwable failure, long elapsedNanos,
                                 Deadlock deadlock, List<Long> meals, List<Long> attempts, boolean livelock,
                                 long livelockAfterNanos, int livelockSpells, long livelockLongestNanos) {

    public PhilosophersResult {
        Objects.requireNonNull(settings);
        Objects.requireNonNull(outcome);
        meals = List.copyOf(meals);
        attempts = List.copyOf(attempts);
    }

    public boolean deadlocked() {
        return deadlock != null;
    }

    /**
     * Ran its time without a deadlock or a livelock (busy philosophers who hardly eat fail the run as
     * a deadlock does: nobody gets anywhere): what exit code 0 means.
     */
    public boolean ok() {
        return outcome == Outcome.COMPLETED && deadlock == null && !livelock;
    }

    /** Jain's fairness index of the meals; empty if nobody ate. */
    public OptionalDouble jain() {
        return Fairness.jain(mealsArray());
    }

    /** The philosophers (indices) starving at the end, by {@link Fairness#STARVATION_RULE}; none if not judged. */
    public List<Integer> starving() {
        return Fairness.starving(mealsArray(), deadlocked());
    }

    /** Whether the starvation rule judges this run ({@link Fairness#starvationJudged}). */
    public boolean starvationJudged() {
        return Fairness.starvationJudged(mealsArray(), deadlocked());
    }

    public long totalMeals() {
        return meals.stream().mapToLong(Long::longValue).sum();
    }

    public long totalAttempts() {
        return attempts.stream().mapToLong(Long::longValue).sum();
    }

    public long elapsedMillis() {
        return Stopwatch.nearestMillis(elapsedNanos);
    }

    /**
     * The verdict in one word: {@code deadlock}, {@code livelock} (a completed run the livelock rule
     * held in), {@code ok}, {@code stopped} or {@code failed}.
     */
    public String verdict() {
        if (outcome == Outcome.FAILED) {
            return "failed";
        }
        if (deadlock != null) {
            return "deadlock";
        }
        if (outcome == Outcome.COMPLETED) {
            return livelock ? "livelock" : "ok";
        }
        return "stopped";
    }

    private long[] mealsArray() {
        return meals.stream().mapToLong(Long::longValue).toArray();
    }
}
