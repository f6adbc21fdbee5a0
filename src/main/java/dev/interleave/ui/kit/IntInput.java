package dev.interleave.ui.kit;

import java.util.Locale;
import java.util.Objects;

import dev.interleave.engine.run.Counts;

/**
 * How a typed value becomes a setting, and what the field says when it had to change it: a whole
 * number in [min, max] is taken as it is; anything else is replaced (by the nearest bound, or the
 * value in force) and the reason is given in one sentence, never silently. Plain Java, no toolkit.
 *
 * <p>A slider may stop short of the field ({@link #sliderMax}) where the whole range would make the
 * useful values hard to pick (delays a class can follow by eye, the threads a picture shows at a
 * glance): the field takes the rest of the command line's range.
 *
 * @param min        the smallest value
 * @param max        the largest value
 * @param beyondMax  why the window stops at {@code max} where the command line may go further; empty if it does not
 * @param sliderMax  where a slider for this value ends: {@code max}, or less when the field alone reaches further
 * @param sliderNote why the slider ends at {@code sliderMax} and how to go further; empty when it ends at {@code max}
 */
public record IntInput(int min, int max, String beyondMax, int sliderMax, String sliderNote) {

    public IntInput {
        if (min > sliderMax || sliderMax > max) {
            throw new IllegalArgumentException("not " + min + " <= " + sliderMax + " <= " + max);
        }
        Objects.requireNonNull(beyondMax);
        Objects.requireNonNull(sliderNote);
        if (sliderMax < max == sliderNote.isEmpty()) {
            throw new IllegalArgumentException("a slider that stops short of the field says why, and only then");
        }
    }

    /** A range whose slider reaches as far as its field. */
    public IntInput(int min, int max, String beyondMax) {
        this(min, max, beyondMax, max, "");
    }

    /**
     * A range the field takes whole (the command line's) and a slider covers up to {@code sliderMax},
     * with {@code sliderNote} saying why it stops there.
     */
    public static IntInput sliderTo(int min, int max, int sliderMax, String sliderNote) {
        return new IntInput(min, max, "", sliderMax, sliderNote);
    }

    /** What the range says in a tooltip after "Allowed: ...": why the window or its slider stops where it does. */
    public String notes() {
        return (beyondMax + " " + sliderNote).strip();
    }

    /**
     * What typing {@code text} does.
     *
     * @param value   the setting's value after the commit
     * @param message why the value is not what was typed; empty when it is
     */
    public record Reading(int value, String message) {
    }

    /** Reads {@code text} (thousands separators and spaces allowed) with {@code current} the value in force. */
    public Reading read(String text, int current) {
        String typed = text.strip();
        if (typed.isEmpty()) {
            return new Reading(current, String.format(Locale.ROOT, "Empty: kept %s.", format(current)));
        }
        String digits = Counts.plainDigits(typed);
        if (digits == null) {
            return new Reading(current, String.format(Locale.ROOT, "\u201c%s\u201d is not a whole number: kept %s.",
                    typed, format(current)));
        }
        boolean negative = digits.startsWith("-");
        String magnitude = digits.replaceFirst("^[-+]", "").replaceFirst("^0+(?=.)", "");
        if (!negative && (magnitude.length() > 18 || Long.parseLong(magnitude) > max)) {
            String shown = magnitude.length() > 18 ? typed : format(Long.parseLong(magnitude));
            return new Reading(max, String.format(Locale.ROOT, "%s is above the maximum, %s: set to %s.%s", shown,
                    format(max), format(max), beyondMax.isEmpty() ? "" : " " + beyondMax));
        }
        long parsed = magnitude.length() > 18 ? Long.MIN_VALUE : Long.parseLong(magnitude) * (negative ? -1 : 1);
        if (parsed < min) {
            String shown = magnitude.length() > 18 ? typed : format(parsed);
            return new Reading(min, String.format(Locale.ROOT, "%s is below the minimum, %s: set to %s.", shown,
                    format(min), format(min)));
        }
        return new Reading((int) parsed, "");
    }

    /**
     * What a slider's line says of {@code value} ({@code unit} after the number, such as " ms", or
     * empty): empty unless it is past the slider's end, and then that it is (typed, or restored from
     * the last start).
     */
    public String pastSlider(long value, String unit) {
        return value > sliderMax ? "Beyond the slider's end (" + format(sliderMax) + unit + "): set in the field." : "";
    }

    /** The range in words, for tooltips: "1 to 1,000,000". */
    public String range() {
        return format(min) + " to " + format(max);
    }

    private static String format(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
