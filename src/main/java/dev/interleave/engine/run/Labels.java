package dev.interleave.engine.run;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Parses and lists the labels of a {@link Labelled} enum: one place for what each strategy enum
 * would otherwise write by hand. Safe to call from any thread.
 */
public final class Labels {

    private Labels() {
    }

    /**
     * The constant of {@code type} whose label is {@code text}, ignoring case.
     *
     * @param noun what a constant of {@code type} is called in a message, e.g. {@code "thread kind"}
     * @throws IllegalArgumentException {@code "'x' is not a <noun>; allowed: a, b, c"}
     */
    public static <E extends Enum<E> & Labelled> E parse(Class<E> type, String text, String noun) {
        Objects.requireNonNull(text);
        for (E constant : type.getEnumConstants()) {
            if (constant.label().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a " + noun + meant(text,
                Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList()) + "; allowed: " + labels(type));
    }

    /**
     * " (did you mean x?)" where {@code text} is one of {@code labels} spelt as Java spells names
     * ("signalAll", "if_not_while"), else "": "'signalAll' is not a wake-up policy" named no
     * policy, beside the method a lecturer had just shown (a tryout).
     */
    public static String meant(String text, List<String> labels) {
        String bare = text.replace("-", "").replace("_", "");
        return labels.stream().filter(label -> label.replace("-", "").equalsIgnoreCase(bare)).findFirst()
                .map(label -> " (did you mean " + label + "?)").orElse("");
    }

    /** The labels of {@code type}, a {@link Labelled} enum, in declaration order, e.g. {@code "virtual, platform"}. */
    public static String labels(Class<? extends Labelled> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList());
    }
}
