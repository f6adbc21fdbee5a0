package dev.interleave.engine.philosophers;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How evenly the meals went round: Jain's fairness index, and the starvation rule. Plain
 * functions of the meal counts.
 */
public final class Fairness {

    /** Starvation is judged only once the table has eaten this many meals per philosopher on average. */
    public static final int STARVATION_MIN_AVERAGE_MEALS = 10;
    /** A philosopher starves below this share of the others' average meals. */
    public static final double STARVATION_SHARE = 0.25;

    /** The starvation rule in words, as the window and the README state it. */
    public static final String STARVATION_RULE = "once the table has eaten 10 meals per philosopher on average,"
            + " a philosopher who has eaten less than a quarter of the others' average starves";

    private Fairness() {
    }

    /**
     * Jain's index, (Σx)² / (n · Σx²): 1 when everyone ate the same, 1/n when one ate everything;
     * empty when nobody has eaten (it is not defined).
     */
    public static OptionalDouble jain(long[] meals) {
        double sum = 0;
        double squares = 0;
        for (long m : meals) {
            sum += m;
            squares += (double) m * m;
        }
        return squares == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum * sum / (meals.length * squares));
    }

    /**
     * Whether {@link #STARVATION_RULE} judges a table: not {@code deadlocked} (a deadlock stops everyone,
     * and who ate less in its first moments is not starving: a naive table deadlocked after 19 ms was
     * said to starve three of five), and enough meals eaten, {@value #STARVATION_MIN_AVERAGE_MEALS}
     * per philosopher on average, among 2 philosophers or more.
     */
    public static boolean starvationJudged(long[] meals, boolean deadlocked) {
        if (deadlocked) {
            return false;
        }
        long total = 0;
        for (long m : meals) {
            total += m;
        }
        return meals.length >= 2 && total >= (long) STARVATION_MIN_AVERAGE_MEALS * meals.length;
    }

    /** The philosophers (indices) starving by {@link #STARVATION_RULE}; empty where it does not judge. */
    public static List<Integer> starving(long[] meals, boolean deadlocked) {
        long total = 0;
        for (long m : meals) {
            total += m;
        }
        List<Integer> starving = new ArrayList<>();
        if (!starvationJudged(meals, deadlocked)) {
            return starving;
        }
        for (int p = 0; p < meals.length; p++) {
            double othersAverage = (double) (total - meals[p]) / (meals.length - 1);
            if (meals[p] < STARVATION_SHARE * othersAverage) {
                starving.add(p);
            }
        }
        return starving;
    }
}
