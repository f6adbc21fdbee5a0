package dev.interleave.engine.philosophers;

import java.util.Objects;

import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.ThreadKind;

/**
 * What a dining-philosophers run does: N philosophers round a table with N forks, each on its own
 * thread, thinking and eating with the chosen strategy for taking forks.
 *
 * @param n              philosophers (and forks), {@link #MIN_N} to {@link #MAX_N}; 2 is the
 *                       two-locks-in-opposite-order bug
 * @param strategy       how a philosopher takes its forks
 * @param fair           whether the forks (and the waiter's seats) are fair locks
 * @param think          how long a philosopher thinks between meals (applies live)
 * @param eat            how long a meal takes, holding both forks (applies live)
 * @param threads        which threads the philosophers run on
 * @param durationMillis how long the run goes on by itself, in active (unpaused) time; 0 means until Stop
 * @param endOnDeadlock  whether the run ends as soon as a deadlock is detected (the command line); if
 *                       not, the deadlocked threads stay blocked, on screen, until Stop
 */
public record PhilosophersSettings(int n, Strategy strategy, boolean fair, DelayRange think, DelayRange eat,
                                   ThreadKind threads, long durationMillis, boolean endOnDeadlock) {

    public static final int MIN_N = 2;
    public static final int MAX_N = 12;
    /** The longest run the settings allow: one hour. */
    public static final long MAX_DURATION_MILLIS = 3_600_000L;

    /**
     * @throws IllegalArgumentException naming the setting out of range and what is allowed
     */
    public PhilosophersSettings {
        Objects.requireNonNull(strategy);
        Objects.requireNonNull(think);
        Objects.requireNonNull(eat);
        Objects.requireNonNull(threads);
        if (n < MIN_N || n > MAX_N) {
            throw new IllegalArgumentException(String.format("philosophers must be %d to %d, was %d", MIN_N, MAX_N, n));
        }
        if (durationMillis < 0 || durationMillis > MAX_DURATION_MILLIS) {
            throw new IllegalArgumentException(String.format("the duration must be 0 (until Stop) to %,d ms, was %,d",
                    MAX_DURATION_MILLIS, durationMillis));
        }
    }

    /** Defaults: non-fair forks, no think or eat delay, platform threads, until Stop, deadlocks stay. */
    public static PhilosophersSettings of(int n, Strategy strategy) {
        return new PhilosophersSettings(n, strategy, false, DelayRange.NONE, DelayRange.NONE, ThreadKind.PLATFORM, 0,
                false);
    }

    public PhilosophersSettings withFair(boolean fair) {
        return new PhilosophersSettings(n, strategy, fair, think, eat, threads, durationMillis, endOnDeadlock);
    }

    public PhilosophersSettings withDelays(DelayRange think, DelayRange eat) {
        return new PhilosophersSettings(n, strategy, fair, think, eat, threads, durationMillis, endOnDeadlock);
    }

    public PhilosophersSettings withThreads(ThreadKind threads) {
        return new PhilosophersSettings(n, strategy, fair, think, eat, threads, durationMillis, endOnDeadlock);
    }

    /** Ends by itself after {@code durationMillis} of active time, or at the first deadlock if {@code endOnDeadlock}. */
    public PhilosophersSettings withEnd(long durationMillis, boolean endOnDeadlock) {
        return new PhilosophersSettings(n, strategy, fair, think, eat, threads, durationMillis, endOnDeadlock);
    }
}
