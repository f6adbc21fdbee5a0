package dev.interleave.engine.calls;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.interleave.engine.run.MachineCpu;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.Stopwatch;

/**
 * How a calls run ended, with the figures the command line prints and the UI shows.
 *
 * @param settings        what the run was asked to do
 * @param outcome         completed, stopped or failed
 * @param failure         the first exception a call threw, or {@code null} unless {@code outcome} is FAILED
 * @param total           the sum of the values returned by completed calls
 * @param expected        n(n+1)/2 for n = calls
 * @param callsCompleted  calls that returned a value and added it to the sum
 * @param duplicates      values returned more than once, counted once per extra time (0 for a safe counter)
 * @param counterValue    the counter's value at the end: the calls completed for a safe counter, less
 *                        for a racy one that lost updates
 * @param elapsedNanos    active time (pauses left out) from start until the last call ended, or until Stop
 * @param idealNanos      the ideal makespan of the sleeps drawn (see {@link IdealMakespan}); a lower bound
 * @param maxInFlight     the most calls that were in flight at once
 * @param startsPerSecond calls started per second of active time, from the run's start to the last
 *                        start: how fast threads started, or permits came back when the limit held
 * @param histogram       the sleeps drawn and the durations measured of every completed call
 * @param memory          memory per in-flight thread, as sampled during the run
 * @param callsCutShort   calls that had read the counter and never completed: Stop cut them short
 *                        (0 for a completed run). They moved the counter on, so a safe counter ends
 *                        this far above the calls completed, and a racy one this much less short
 * @param othersCpu       the share of the machine's cores' time other programs used while the run went,
 *                        0 to 1 ({@link MachineCpu}); empty where it is not known
 */
public record CallResult(CallSettings settings, Outcome outcome, Throwable failure, long total, long expected,
                         long callsCompleted, long duplicates, long counterValue, long elapsedNanos, long idealNanos, long maxInFlight,
                         double startsPerSecond, CallHistogram histogram, MemoryPerThread memory,
                         long callsCutShort, OptionalDouble othersCpu) {

    /** A result with no call cut short after it read the counter, and the machine's other use not known. */
    public CallResult(CallSettings settings, Outcome outcome, Throwable failure, long total, long expected,
                      long callsCompleted, long duplicates, long counterValue, long elapsedNanos, long idealNanos,
                      long maxInFlight, double startsPerSecond, CallHistogram histogram, MemoryPerThread memory) {
        this(settings, outcome, failure, total, expected, callsCompleted, duplicates, counterValue, elapsedNanos,
                idealNanos, maxInFlight, startsPerSecond, histogram, memory, 0);
    }

    /** A result with the machine's other use not known. */
    public CallResult(CallSettings settings, Outcome outcome, Throwable failure, long total, long expected,
                      long callsCompleted, long duplicates, long counterValue, long elapsedNanos, long idealNanos,
                      long maxInFlight, double startsPerSecond, CallHistogram histogram, MemoryPerThread memory,
                      long callsCutShort) {
        this(settings, outcome, failure, total, expected, callsCompleted, duplicates, counterValue, elapsedNanos,
                idealNanos, maxInFlight, startsPerSecond, histogram, memory, callsCutShort, OptionalDouble.empty());
    }

    public CallResult {
        Objects.requireNonNull(settings);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(histogram);
        Objects.requireNonNull(memory);
        Objects.requireNonNull(othersCpu);
    }

    /**
     * Whether other programs used enough of the cores while the run went ({@link MachineCpu#WORTH_SAYING})
     * that its elapsed time, and so its efficiency, may count much waiting for them: not said of a run
     * that lost too little time to see ({@link #lossMayShow}), whose sleeps left the cores to spare (a
     * run of 1,000 calls at 98.4 % read that its time counted the wait).
     */
    public boolean machineWasBusy() {
        return othersCpu.isPresent() && othersCpu.getAsDouble() >= MachineCpu.WORTH_SAYING && lossMayShow();
    }

    /** Whether every call ran and the total equals n(n+1)/2. */
    public boolean ok() {
        return outcome == Outcome.COMPLETED && total == expected;
    }

    /**
     * The efficiency from which a run lost too little time to see: compiling its code as it ran, or
     * waiting for a core other programs kept busy. The window does not mark such a run, and the
     * command line does not say it of its run.
     */
    public static final double LOSS_UNSEEN = 0.95;

    /**
     * Whether time lost (compiling its code as it ran, waiting for a core) may show in this run's
     * time: its efficiency is under {@link #LOSS_UNSEEN}, or not defined (no sleeps: nothing to
     * measure it against).
     */
    public boolean lossMayShow() {
        return efficiency().orElse(0) < LOSS_UNSEEN;
    }

    /**
     * Ideal makespan / elapsed: 1.0 means the run lost no time to scheduling or overhead. Empty when
     * the ideal makespan is 0 (no call slept, e.g. max sleep 0): then there is no lower bound to
     * compare the elapsed time with, and the ratio would be 0 whatever the run did.
     */
    public OptionalDouble efficiency() {
        if (idealNanos == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(elapsedNanos == 0 ? 1.0 : (double) idealNanos / elapsedNanos);
    }

    /** The elapsed time to the nearest ms ({@link Stopwatch#nearestMillis}). */
    public long elapsedMillis() {
        return Stopwatch.nearestMillis(elapsedNanos);
    }

    /** The ideal makespan to the nearest ms. */
    public long idealMillis() {
        return Stopwatch.nearestMillis(idealNanos);
    }

    /**
     * Why the most in flight stayed under the concurrency allowed, when the threads' start rate held
     * it there; empty otherwise (see {@link StartRate#ceiling}).
     */
    public Optional<String> startRateCeiling() {
        // With no call completed, the mean sleep drawn stands for the mean call, as the snapshot has it:
        // 0 ms said the start rate no longer accounted for anything (a review).
        double meanCall = histogram.calls() > 0 ? histogram.meanDurationMillis() : settings.maxSleepMillis() / 2.0;
        return StartRate.ceiling(settings, maxInFlight, startsPerSecond, meanCall);
    }

    /**
     * {@link #startsPerSecond()} where it is defined: empty while fewer than two calls started (the
     * engine's 0 then is no rate: one call, or a run stopped before its second start).
     */
    public OptionalDouble startRate() {
        return startsPerSecond > 0 ? OptionalDouble.of(startsPerSecond) : OptionalDouble.empty();
    }

    /** Calls completed per second of elapsed time, over the whole run. */
    public double callsPerSecond() {
        return elapsedNanos == 0 ? 0 : callsCompleted * 1e9 / elapsedNanos;
    }
}
