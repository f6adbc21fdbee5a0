package dev.interleave.ui.calls;

import java.util.Locale;

import dev.interleave.engine.run.Counts;

/**
 * How a typed seed becomes the seed: any whole number a {@code long} holds, as the command line's
 * {@code --seed} takes (thousands separators and spaces allowed); anything else keeps the seed in
 * force and says so in one sentence. Plain Java, no toolkit.
 */
final class SeedInput {

    private SeedInput() {
    }

    /**
     * What typing {@code text} does.
     *
     * @param value   the seed after the commit
     * @param message why the seed is not what was typed; empty when it is
     */
    record Reading(long value, String message) {
    }

    /** Reads {@code text} with {@code current} the seed in force. */
    static Reading read(String text, long current) {
        String typed = text.strip();
        if (typed.isEmpty()) {
            return new Reading(current, "Empty: kept " + current + ".");
        }
        String digits = Counts.plainDigits(typed);
        if (digits == null) {
            return new Reading(current, "\u201c" + typed + "\u201d is not a whole number: kept " + current + ".");
        }
        try {
            return new Reading(Long.parseLong(digits), "");
        } catch (NumberFormatException tooLong) {
            return new Reading(current, String.format(Locale.ROOT, "\u201c%s\u201d is past a seed's range, %,d to %,d: kept %d.",
                    typed, Long.MIN_VALUE, Long.MAX_VALUE, current));
        }
    }
}
