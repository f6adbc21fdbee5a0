package dev.interleave.engine.race;

import java.util.Objects;

import dev.interleave.engine.run.ThreadKind;

/**
 * What a race run does: {@code threads} threads each add {@code increments} to one shared count
 * with {@code strategy}, all starting together, {@code repeat} times over.
 *
 * @param threads    1 to {@link #MAX_THREADS}
 * @param increments per thread, 1 or more, with threads x increments at most {@link #MAX_TOTAL}
 * @param strategy   how they add
 * @param threadKind platform or virtual threads
 * @param fair       whether the {@code lock} strategy's lock is fair (ignored by the others)
 * @param repeat     how many runs, 1 to {@link #MAX_REPEAT}: a racy strategy loses a different number each time
 */
public record RaceSettings(int threads, long increments, RaceStrategy strategy, ThreadKind threadKind, boolean fair,
                           int repeat) {

    public static final int MAX_THREADS = 64;
    /** The most increments one run asks for, over all its threads. */
    public static final long MAX_TOTAL = 10_000_000;
    public static final int MAX_REPEAT = 1_000;

    /**
     * @throws IllegalArgumentException naming the setting that is out of range and what is allowed
     */
    public RaceSettings {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(threadKind, "threadKind");
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException(String.format("threads must be 1 to %,d, was %,d", MAX_THREADS, threads));
        }
        if (increments < 1 || increments * threads > MAX_TOTAL) {
            throw new IllegalArgumentException(String.format(
                    "threads x increments must be 1 to %,d, was %,d x %,d", MAX_TOTAL, threads, increments));
        }
        if (repeat < 1 || repeat > MAX_REPEAT) {
            throw new IllegalArgumentException(String.format("repeat must be 1 to %,d, was %,d", MAX_REPEAT, repeat));
        }
    }

    /** One run on platform threads with a non-fair lock. */
    public static RaceSettings of(int threads, long increments, RaceStrategy strategy) {
        return new RaceSettings(threads, increments, strategy, ThreadKind.PLATFORM, false, 1);
    }

    public RaceSettings withThreadKind(ThreadKind kind) {
        return new RaceSettings(threads, increments, strategy, kind, fair, repeat);
    }

    public RaceSettings withRepeat(int times) {
        return new RaceSettings(threads, increments, strategy, threadKind, fair, times);
    }

    /** What each run's count must be: threads x increments. */
    public long expected() {
        return threads * increments;
    }
}
