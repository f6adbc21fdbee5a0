package dev.interleave.ui.kit;

import java.util.List;

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

    /** {@code words} with its first letter a capital: "deadlocked" is "Deadlocked". */
    public static String capitalized(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
