package dev.interleave.engine.race;

import java.util.List;

/**
 * The median as the race lab and the command line both say it: the middle value, or of an even
 * count halfway between the middle two (the upper one was said once, and read as a mistake beside
 * the runs it came from).
 */
public final class Median {

    private Median() {
    }

    /** The median of {@code values}, in any order; 0 for none. */
    public static double of(List<? extends Number> values) {
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
