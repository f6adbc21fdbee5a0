package dev.interleave.engine.run;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A random delay, uniform in {@code [minMillis, maxMillis]}; {@code 0..0} means none.
 *
 * @param minMillis 0 or more
 * @param maxMillis minMillis or more, at most {@link #MAX_MILLIS}
 */
public record DelayRange(int minMillis, int maxMillis) {

    /** The longest delay a range may name. */
    public static final int MAX_MILLIS = 60_000;
    /** No delay: workers run flat out. */
    public static final DelayRange NONE = new DelayRange(0, 0);

    /**
     * @throws IllegalArgumentException if the bounds are negative, reversed or too large
     */
    public DelayRange {
        if (minMillis < 0 || maxMillis < minMillis || maxMillis > MAX_MILLIS) {
            throw new IllegalArgumentException(String.format(
                    "a delay range is a..b with 0 <= a <= b <= %,d ms, was %d..%d", MAX_MILLIS, minMillis, maxMillis));
        }
    }

    /**
     * Parses {@code "a..b"} or a single {@code "a"} (meaning a..a), each a whole number as
     * {@link Counts#plainDigits} reads it ("1,000").
     *
     * @throws IllegalArgumentException saying what is allowed
     */
    public static DelayRange parse(String text) {
        String[] parts = text.strip().split("\\.\\.", -1);
        String why = "is not a delay range";
        try {
            // Grouped as the window's fields and the other numbers take them ("0..1,000"): the
            // message below wrote its limit as 60,000, a form it refused.
            int min = bound(parts[0]);
            int max = parts.length == 2 ? bound(parts[1]) : min;
            if (parts.length <= 2) {
                // Numbers: then say what is wrong with them, if anything ("5..1": the first is the least).
                why = min > max ? "starts above its end (" + min + " > " + max + ")"
                        : min < 0 || max > MAX_MILLIS ? "is out of range" : why;
                return new DelayRange(min, max);
            }
        } catch (IllegalArgumentException e) {
            // not numbers, or out of order or range: the message below says what is allowed
        }
        throw new IllegalArgumentException(String.format(
                "'%s' %s; allowed: a..b in ms with 0 <= a <= b <= %,d, e.g. 5..20", text, why, MAX_MILLIS));
    }

    /** A bound of a range as {@link Counts#plainDigits} reads it. @throws NumberFormatException if it is not one */
    private static int bound(String text) {
        String digits = Counts.plainDigits(text);
        if (digits == null) {
            throw new NumberFormatException("not a whole number: " + text);
        }
        return Integer.parseInt(digits);
    }

    /** Sleeps a random time in the range; returns at once for 0..0. */
    public void sleep() throws InterruptedException {
        if (maxMillis == 0) {
            return;
        }
        Thread.sleep(minMillis == maxMillis ? minMillis : ThreadLocalRandom.current().nextInt(minMillis, maxMillis + 1));
    }

    /** As {@link #parse} reads it, and JSON writes it: "0..1000". */
    @Override
    public String toString() {
        return minMillis + ".." + maxMillis;
    }

    /** For people, grouped as the other figures are: "0..1,000" (the command line's header said "0..1000"). */
    public String words() {
        return String.format(Locale.ROOT, "%,d..%,d", minMillis, maxMillis);
    }
}
