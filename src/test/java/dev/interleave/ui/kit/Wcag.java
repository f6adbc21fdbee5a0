package dev.interleave.ui.kit;

import javafx.scene.paint.Color;

/** WCAG 2 contrast, for tests that check that ink reads on its paper. */
public final class Wcag {

    private Wcag() {
    }

    /** The contrast ratio of two colours, 1 to 21 (text wants 4.5, large text and shapes 3). */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
