package dev.interleave.ui.kit;

import java.util.Locale;

/** Counts in words the way people write them: "1 slot", "2 slots", "1,000 calls". */
public final class Words {

    private Words() {
    }

    /** {@code count} and {@code noun}, plural unless the count is 1 ("1 thread", "0 threads"). */
    public static String count(long count, String noun) {
        return count(count, noun, noun + "s");
    }

    /** {@code count} with the singular or the plural given. */
    public static String count(long count, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? singular : plural);
    }
}
