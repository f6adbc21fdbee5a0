package dev.interleave.engine.run;

import java.util.Locale;

/**
 * A count in words, as people write it: "1 slot", "2 slots", "1,000 calls". The one rule for the
 * window ({@code ui.kit.Words}), the command line and the traces; safe from any thread.
 */
public final class Counts {

    private Counts() {
    }

    /** {@code count} and {@code noun}, plural unless the count is 1 ("1 thread", "0 threads"). */
    public static String of(long count, String noun) {
        return of(count, noun, noun + "s");
    }

    /**
     * {@code text} as plain digits, its sign kept, where it is a whole number as people write it:
     * "1000", "1,000", "1 000" or "1_000" (after the first group, groups of three); null otherwise
     * ("1,5" may mean one and a half: it is not read as 15). The one rule for the window's fields and
     * the command line's numbers, which took "1,000" in the window and refused it on the command line.
     */
    public static String plainDigits(String text) {
        String typed = text.strip();
        if (typed.matches("[+-]?[0-9]+")) {
            return typed;
        }
        return typed.matches("[+-]?[0-9]{1,3}([, _][0-9]{3})+") ? typed.replaceAll("[, _]", "") : null;
    }

    /**
     * A rate per second as people read one: whole and grouped from 10 ("1,234"), with a decimal
     * below ("0.4"): 2 calls in 4.75 s read "throughput 0 calls/s" (a review of the command line).
     */
    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 9.95 ? "%,.0f" : "%.1f", perSecond);
    }

    /** {@code count} with the singular or the plural given. */
    public static String of(long count, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? singular : plural);
    }
}
