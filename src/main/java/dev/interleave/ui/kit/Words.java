package dev.interleave.ui.kit;

import java.util.List;
import java.util.regex.Pattern;

import dev.interleave.engine.run.Counts;

/** Counts and lists in words the way people write them: "1 slot", "2 slots", "P3, P4 and P5". */
public final class Words {

    private Words() {
    }

    /** {@code items} as a list in words: "P3", "P3 and P4", "P3, P4 and P5"; "" when there are none. */
    public static String list(List<String> items) {
        return items.size() <= 1 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    /** {@code count} and {@code noun}, plural unless the count is 1 ("1 thread", "0 threads"): {@link Counts#of}. */
    public static String count(long count, String noun) {
        return Counts.of(count, noun);
    }

    /** {@code count} with the singular or the plural given. */
    public static String count(long count, String singular, String plural) {
        return Counts.of(count, singular, plural);
    }

    /**
     * A number closing a clause, and the space before it: "below 0)", "make it -1)", "slot 0,", "of 1:",
     * at a line's end too (a punctuation mark followed by a digit is inside the number: "1,204", "0.5").
     */
    private static final Pattern CLOSING_NUMBER = Pattern.compile(" ([-\u2212]?\\d+(?:[,.]\\d+)*)(?=[),.;:](?!\\d)|$)",
            Pattern.MULTILINE);

    /**
     * {@code text} with each number that closes a clause bound to the word before it (a no-break
     * space), so that a wrapping label never starts a line with "0)" or "-1)" alone (the buffer's
     * violated banner at 1024x700: "... (count never below" over "0)").
     */
    public static String keepClosingNumbers(String text) {
        return CLOSING_NUMBER.matcher(text).replaceAll("\u00a0$1");
    }

    /** {@code words} with its first letter a capital: "deadlocked" is "Deadlocked". */
    public static String capitalized(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
