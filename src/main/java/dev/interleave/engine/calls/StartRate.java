package dev.interleave.engine.calls;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a run's calls in flight can stay well under the concurrency allowed: one thread per call,
 * started one after another, and a call ends after its sleep, so with threads started at R a second
 * and calls of D seconds about R x D are in flight at once, whatever the limit. Platform threads
 * started at about 1,700 a second on the machine this was built on (0.6 ms each, most of it in the
 * kernel), so 4,000 allowed were never reached with sleeps of up to a second (1,422 at most);
 * virtual threads start in microseconds.
 */
public final class StartRate {

    /** The share of what is allowed from which the most in flight counts as having reached it. */
    static final double NEAR_LIMIT = 0.9;

    private StartRate() {
    }

    /** What {@code settings} allow in flight at most: the concurrency, or the calls if fewer. */
    public static long allowed(CallSettings settings) {
        return Math.min(settings.calls(), settings.concurrency());
    }

    /** Whether {@code maxInFlight} came near what {@code settings} allow ({@link #allowed}). */
    public static boolean reached(CallSettings settings, long maxInFlight) {
        return maxInFlight >= NEAR_LIMIT * allowed(settings);
    }

    /**
     * The sentence that says why {@code maxInFlight} stayed under what {@code settings} allow (the
     * concurrency, or the calls if fewer), when the start rate explains it: threads started at
     * {@code startsPerSecond}, calls lasting {@code meanCallMillis} on average, keep about their
     * product in flight. Empty when the most in flight came near the limit, or the start rate does
     * not account for the shortfall, or either figure is not known yet (0).
     */
    public static Optional<String> ceiling(CallSettings settings, long maxInFlight, double startsPerSecond,
                                           double meanCallMillis) {
        long allowed = allowed(settings);
        double steady = startsPerSecond * meanCallMillis / 1_000;
        if (startsPerSecond <= 0 || meanCallMillis <= 0 || reached(settings, maxInFlight)
                || steady >= NEAR_LIMIT * allowed) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "At most %,d of %,d allowed in flight: %s threads started at"
                        + " %,.0f a second here (%s each), and a call lasted %s ms on average, so calls ended about"
                        + " as fast as new ones began (about %,.0f in flight on average).", maxInFlight, allowed,
                settings.threads().label(), startsPerSecond, each(startsPerSecond),
                String.format(Locale.ROOT, meanCallMillis < 10 ? "%.1f" : "%,.0f", meanCallMillis), steady));
    }

    /** The time one start took, in the unit that reads best: "0.57 ms", "8 µs". */
    private static String each(double startsPerSecond) {
        double micros = 1e6 / startsPerSecond;
        return micros >= 100 ? String.format(Locale.ROOT, "%.2f ms", micros / 1e3)
                : String.format(Locale.ROOT, "%.0f µs", micros);
    }
}
