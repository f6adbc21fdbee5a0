package dev.interleave.engine.philosophers;

import java.util.ArrayDeque;

/**
 * The livelock rule, applied to samples of the table's totals: a livelock is reported when, over
 * the last {@link #WINDOW_NANOS} of running time, at least {@link #MIN_ATTEMPTS} attempts began
 * and fewer than 1 in {@link #ATTEMPTS_PER_MEAL} of them ended in a meal: the philosophers keep
 * trying, busy, and hardly anyone gets on. Paused time does not count (samples carry the run's
 * active time), and a table where nobody tries (a deadlock, everyone thinking) is not livelocked.
 * Confined to one thread (the run's watcher).
 *
 * <p>Why these figures: a philosopher that waits for its forks (every strategy but
 * {@code trylock-no-backoff}) makes an attempt per meal, or, with {@code trylock}, at most one per
 * {@link Strategy#TRY_MILLIS} ms plus its back-off: fewer than 100 a second each, so even twelve
 * failing all the time stay under 1,000. Measured on the reference machine: {@code trylock} with
 * 500 ms meals, 15 attempts per meal but 52 attempts a second; {@code trylock-no-backoff} with 1 ms
 * meals, 50,000 to 200,000 attempts a second, of which 0.05 % to 1.6 % ended in a meal.
 */
public final class LivelockWatch {

    /** How long the ratio is measured over. */
    static final long WINDOW_NANOS = 1_000_000_000L;
    /** Fewer attempts than this in the window are too few to judge. */
    static final long MIN_ATTEMPTS = 1_000;
    /** A livelock: fewer meals than one per this many attempts. */
    static final long ATTEMPTS_PER_MEAL = 10;

    /** The rule in words, as the window and the README state it ("1 s" kept on one line). */
    public static final String RULE = "over the last 1\u00a0s of running time, at least 1,000 attempts began and fewer"
            + " than 1 in 10 ended in a meal";

    private record Sample(long atNanos, long meals, long attempts) {
    }

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    /** Adds a sample of the totals at active time {@code atNanos}; returns whether the table is livelocked now. */
    boolean sample(long atNanos, long meals, long attempts) {
        samples.addLast(new Sample(atNanos, meals, attempts));
        // Keep the newest sample that is at least a window old, and everything after it.
        while (samples.size() > 2 && atNanos - nth(1).atNanos >= WINDOW_NANOS) {
            samples.removeFirst();
        }
        Sample oldest = samples.getFirst();
        long tried = attempts - oldest.attempts;
        long ate = meals - oldest.meals;
        return atNanos - oldest.atNanos >= WINDOW_NANOS && tried >= MIN_ATTEMPTS && ate * ATTEMPTS_PER_MEAL < tried;
    }

    private Sample nth(int k) {
        var it = samples.iterator();
        for (int i = 0; i < k; i++) {
            it.next();
        }
        return it.next();
    }
}
