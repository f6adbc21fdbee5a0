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

    /** {@code count} with the singular or the plural given. */
    public static String of(long count, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? singular : plural);
    }
}
