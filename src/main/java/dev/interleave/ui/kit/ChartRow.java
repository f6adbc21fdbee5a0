package dev.interleave.ui.kit;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Plots side by side where each gets at least its least width, one under another where they do
 * not (a large zoom, a narrow window): a row of plots is never wider than the room it is given, so
 * a view scrolls down rather than being cut off on the right. Side by side, each plot gets its least
 * width (a {@link Reflowing} one its least beside others) and an equal share of the rest, and the
 * row's height, less what lines the plot areas up ({@link Aligned}); stacked, each gets the whole
 * width and an equal share of the height, at least its least height at that width.
 */
public final class ChartRow extends Pane {

    /**
     * A chart that can be narrower alone, across the whole row, than beside others: drawn another way
     * there (the philosophers' meal bars, rows where their columns do not fit). Side by side it
     * gets at least {@link #leastWidthInRow()}; its least width is what it can be squeezed to alone.
     */
    public interface Reflowing {
        /** The least width at which it stands beside the other charts, insets included. */
        double leastWidthInRow();
    }

    /**
     * A chart with a plot area and words under it (a legend): side by side, charts with less under
     * their plot area are made shorter by the difference, so that the plot areas' feet, and their x
     * axes, stand on one line. A histogram's two-line legend, and its note then under it, raised its
     * axis 50 to 60 px over the line plots' beside it (a teacher's tryout).
     */
    public interface Aligned {
        /** How tall the part under the plot area is at {@code width}, insets included. */
        double underArea(double width);
    }

    private final double gap;

    public ChartRow(double gap, Node... charts) {
        super(charts);
        this.gap = gap;
        getStyleClass().add("chart-row");
    }

    /** Whether the charts fit side by side in {@code width} (this box's, insets included). */
    public boolean fitsInRow(double width) {
        List<Node> charts = getManagedChildren();
        double least = gap * Math.max(0, charts.size() - 1);
        for (Node chart : charts) {
            least += leastInRow(chart);
        }
        Insets insets = getInsets();
        return least <= width - insets.getLeft() - insets.getRight() + 0.5;
    }

    /** The least width {@code chart} takes beside the others. */
    private static double leastInRow(Node chart) {
        return chart instanceof Reflowing reflowing ? Math.max(chart.minWidth(-1), reflowing.leastWidthInRow())
                : chart.minWidth(-1);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        double widest = 0;
        for (Node chart : getManagedChildren()) {
            widest = Math.max(widest, chart.minWidth(-1));
        }
        return getInsets().getLeft() + widest + getInsets().getRight();
    }

    @Override
    protected double computePrefWidth(double height) {
        List<Node> charts = getManagedChildren();
        double sum = gap * Math.max(0, charts.size() - 1);
        for (Node chart : charts) {
            sum += chart.prefWidth(-1);
        }
        return getInsets().getLeft() + sum + getInsets().getRight();
    }

    @Override
    protected double computeMinHeight(double width) {
        return height(width, true);
    }

    @Override
    protected double computePrefHeight(double width) {
        return height(width, false);
    }

    private double height(double width, boolean least) {
        List<Node> charts = getManagedChildren();
        boolean row = width < 0 || fitsInRow(width);
        double inner = width < 0 ? -1 : width - getInsets().getLeft() - getInsets().getRight();
        // Side by side, each asked at the width it will get: a chart whose height depends on its width
        // (the philosophers' meal bars, rows where columns do not fit) was asked at none, and cut off.
        double share = width < 0 ? 0 : spareShare(inner, charts);
        double total = row ? 0 : gap * Math.max(0, charts.size() - 1);
        double[] shorter = row && width >= 0 ? shorterToAlign(charts, share) : new double[charts.size()];
        for (int i = 0; i < charts.size(); i++) {
            Node chart = charts.get(i);
            double at = row ? (width < 0 ? -1 : leastInRow(chart) + share) : inner;
            double h = least ? chart.minHeight(at) : chart.prefHeight(at);
            // As tall as each chart needs once made shorter to line the plot areas up: a histogram
            // squeezed under its least height for it lost its bins to its words.
            total = row ? Math.max(total, h + shorter[i]) : total + h;
        }
        return getInsets().getTop() + total + getInsets().getBottom();
    }

    /**
     * Side by side, each chart given its least width and {@code share}: how much shorter than the row
     * it is made so that its plot area's foot stands on the deepest's line ({@link Aligned}; 0 for others).
     */
    private double[] shorterToAlign(List<Node> charts, double share) {
        double[] under = new double[charts.size()];
        double deepest = 0;
        for (int i = 0; i < charts.size(); i++) {
            if (charts.get(i) instanceof Aligned aligned) {
                under[i] = aligned.underArea(leastInRow(charts.get(i)) + share);
                deepest = Math.max(deepest, under[i]);
            }
        }
        double[] shorter = new double[charts.size()];
        for (int i = 0; i < charts.size(); i++) {
            shorter[i] = charts.get(i) instanceof Aligned ? deepest - under[i] : 0;
        }
        return shorter;
    }

    /** Side by side in {@code width} (inside the insets): what each chart gets over its least width. */
    private double spareShare(double width, List<Node> charts) {
        double spare = width - gap * (charts.size() - 1);
        for (Node chart : charts) {
            spare -= leastInRow(chart);
        }
        return Math.max(0, spare) / Math.max(1, charts.size());
    }

    @Override
    protected void layoutChildren() {
        List<Node> charts = getManagedChildren();
        if (charts.isEmpty()) {
            return;
        }
        Insets insets = getInsets();
        double x = insets.getLeft();
        double y = insets.getTop();
        double width = getWidth() - insets.getLeft() - insets.getRight();
        double height = getHeight() - insets.getTop() - insets.getBottom();
        double gaps = gap * (charts.size() - 1);
        if (fitsInRow(getWidth())) {
            double share = spareShare(width, charts);
            double[] shorter = shorterToAlign(charts, share);
            for (int i = 0; i < charts.size(); i++) {
                Node chart = charts.get(i);
                double w = leastInRow(chart) + share;
                double h = chart instanceof Aligned ? Math.max(chart.minHeight(w), height - shorter[i]) : height;
                chart.resizeRelocate(snapPositionX(x), snapPositionY(y), snapSizeX(w), snapSizeY(h));
                x += w + gap;
            }
        } else {
            double share = (height - gaps) / charts.size();
            for (Node chart : charts) {
                double h = Math.max(chart.minHeight(width), share);
                chart.resizeRelocate(snapPositionX(x), snapPositionY(y), snapSizeX(width), snapSizeY(h));
                y += h + gap;
            }
        }
    }
}
