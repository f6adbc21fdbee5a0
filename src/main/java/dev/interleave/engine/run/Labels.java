package dev.interleave.engine.run;

import java.util.Arrays;
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
        throw new IllegalArgumentException("'" + text + "' is not a " + noun + "; allowed: " + labels(type));
    }

    /** The labels of {@code type}, a {@link Labelled} enum, in declaration order, e.g. {@code "virtual, platform"}. */
    public static String labels(Class<? extends Labelled> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList());
    }
}
