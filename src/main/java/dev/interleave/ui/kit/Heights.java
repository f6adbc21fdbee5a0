package dev.interleave.ui.kit;

import java.util.function.DoubleUnaryOperator;

/**
 * A node's preferred and minimum heights for the last two widths asked of each (a pass often asks at
 * the viewport's width and at no width), all forgotten on the node's {@code requestLayout}. See
 * {@link HeightMemo}.
 */
final class Heights {

    private final Remembered pref = new Remembered();
    private final Remembered min = new Remembered();

    double pref(double width, DoubleUnaryOperator compute) {
        return pref.at(width, compute);
    }

    double min(double width, DoubleUnaryOperator compute) {
        return min.at(width, compute);
    }

    void forget() {
        pref.forget();
        min.forget();
    }

    /** Whether a height is remembered: the node was measured since it last forgot. */
    boolean known() {
        return pref.known() || min.known();
    }

    /** Whether a height at {@code width} is remembered. */
    boolean knownAt(double width) {
        return pref.knownAt(width) || min.knownAt(width);
    }

    /** A copy of what is remembered now: the heights the node's parent was last told. */
    Heights copy() {
        Heights copy = new Heights();
        copy.pref.copyFrom(pref);
        copy.min.copyFrom(min);
        return copy;
    }

    /**
     * Whether each height remembered here is still the height {@code now} gives at its width (the
     * same questions asked of {@code now}: it measures and remembers the answers).
     */
    boolean stillIn(Heights now, DoubleUnaryOperator prefNow, DoubleUnaryOperator minNow) {
        return pref.stillIn(now.pref, prefNow) & min.stillIn(now.min, minNow);
    }

    private static final class Remembered {
        private double firstWidth = Double.NaN;
        private double first;
        private double secondWidth = Double.NaN;
        private double second;

        /** The height at {@code width}: remembered, or computed now and remembered in place of the older. */
        double at(double width, DoubleUnaryOperator compute) {
            if (Double.compare(width, firstWidth) == 0) {
                return first;
            }
            if (Double.compare(width, secondWidth) == 0) {
                return second;
            }
            double height = compute.applyAsDouble(width);
            secondWidth = firstWidth;
            second = first;
            firstWidth = width;
            first = height;
            return height;
        }

        void forget() {
            firstWidth = Double.NaN;
            secondWidth = Double.NaN;
        }

        boolean known() {
            return !Double.isNaN(firstWidth);
        }

        boolean knownAt(double width) {
            return Double.compare(width, firstWidth) == 0 || Double.compare(width, secondWidth) == 0;
        }

        void copyFrom(Remembered other) {
            firstWidth = other.firstWidth;
            first = other.first;
            secondWidth = other.secondWidth;
            second = other.second;
        }

        boolean stillIn(Remembered now, DoubleUnaryOperator compute) {
            boolean firstHolds = Double.isNaN(firstWidth) || now.at(firstWidth, compute) == first;
            return firstHolds & (Double.isNaN(secondWidth) || now.at(secondWidth, compute) == second);
        }
    }
}
