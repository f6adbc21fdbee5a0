package dev.interleave.ui.philosophers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

import dev.interleave.engine.philosophers.Fairness;
import dev.interleave.engine.philosophers.Names;
import dev.interleave.engine.philosophers.TableView;
import dev.interleave.ui.kit.ChartRow;
import dev.interleave.ui.kit.Controls;

/**
 * Meals per philosopher as bars, each with its count and the philosopher's name; a starving
 * philosopher's bar is marked by colour and by a ⚠ before its name, as the verdict's "⚠ Starving" (a
 * ✘ after the count, "43.7k ✘ 56.5k ✘", was read as the next bar's). Lengths are relative to the
 * most meals. Upright columns, count on the bar and name below, where every column gets its least width
 * (its short count's, or its name's) side by side; else one row a philosopher, name, bar and count
 * across: twelve columns at 150 % in 1024x700 needed 700 px of the 576 there were, and the whole
 * results pane scrolled sideways with P12 cut off. The counts are written in full where every one
 * fits, else all short ("14.9k", to the nearest). FX thread only.
 */
final class MealBars extends VBox implements ChartRow.Reflowing {

    private static final PseudoClass STARVING = PseudoClass.getPseudoClass("starving");
    private static final PseudoClass ACROSS = PseudoClass.getPseudoClass("across");
    /** The room between two bars, and between a row's name, bar and count. */
    private static final double GAP = 4;
    /** The least height of the columns' drawing. */
    private static final double LEAST_HEIGHT = 160;
    /** A row's bar at its least, in the counts' em: short of this, the counts are written short. */
    private static final double LEAST_ROW_BAR_EM = 4;

    private final PhilosophersViewModel model;
    private final Bars bars = new Bars();
    private final List<Bar> shown = new ArrayList<>();
    /**
     * Why no bar is marked starving at a deadlock ({@link #unjudgedShown}): meals of 0, 247, 600, 0
     * and 0 stood unmarked, and a presenter could not say why.
     */
    private final Label unjudged = new Label("A deadlock stopped everyone: who ate less before it is not called"
            + " starving.");

    MealBars(PhilosophersViewModel model) {
        super(4);
        this.model = model;
        setId("meal-bars");
        getStyleClass().add("meal-bars");
        Label title = new Label("Meals per philosopher");
        title.getStyleClass().add("plot-title");
        title.setMaxWidth(Double.MAX_VALUE);
        title.setAlignment(Pos.CENTER);
        // Wrapped, as the plots' titles are: "Meals per philoso..." at 1024x700.
        title.setWrapText(true);
        title.setTextAlignment(TextAlignment.CENTER);
        title.setMinHeight(Region.USE_PREF_SIZE);
        // Never narrower than its longest word: a narrow column broke it as "philosoph" / "er" (a tryout).
        String longestWord = Arrays.stream(title.getText().split(" ")).max(Comparator.comparingDouble(
                word -> Controls.textWidth(word, title.getFont()))).orElseThrow();
        title.minWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.ceil(Controls.textWidth(longestWord,
                title.getFont())) + title.snappedLeftInset() + title.snappedRightInset(), title.fontProperty()));
        VBox.setVgrow(bars, Priority.ALWAYS);
        unjudged.setId("meal-bars-unjudged");
        unjudged.getStyleClass().add("figure-detail");
        unjudged.setWrapText(true);
        unjudged.setMinHeight(Region.USE_PREF_SIZE);
        unjudged.setVisible(false);
        unjudged.managedProperty().bind(unjudged.visibleProperty());
        getChildren().addAll(title, bars, unjudged);
        setPrefWidth(320);
        model.philosophers().addListener((ListChangeListener<TableView.Diner>) change -> update());
        model.starving().addListener((ListChangeListener<Integer>) change -> update());
        model.deadlockedProperty().addListener(obs -> update());
        update();
    }

    /** At least {@value #LEAST_HEIGHT} px, and as tall as its rows when they are rows. */
    @Override
    protected double computeMinHeight(double width) {
        return Math.max(LEAST_HEIGHT, super.computeMinHeight(width));
    }

    /**
     * Beside the other plots, the columns' least width: there they are never rows (twelve rows
     * squeezed into a third of the width drew bars a few pixels long); alone across the view, the
     * rows' least width is its least.
     */
    @Override
    public double leastWidthInRow() {
        return Math.max(minWidth(-1), snappedLeftInset() + bars.columnsWidth() + snappedRightInset());
    }

    /** Whether the bars are drawn as rows (name, bar and count across): for tests. */
    boolean across() {
        return bars.across;
    }

    private void update() {
        List<TableView.Diner> diners = model.philosophers();
        while (shown.size() > diners.size()) {
            bars.getChildren().remove(shown.removeLast());
        }
        while (shown.size() < diners.size()) {
            Bar bar = new Bar(shown.size());
            shown.add(bar);
            bars.getChildren().add(bar);
        }
        long most = diners.stream().mapToLong(TableView.Diner::meals).max().orElse(0);
        for (int p = 0; p < diners.size(); p++) {
            shown.get(p).show(diners.get(p).meals(), most, model.starving().contains(p));
        }
        unjudged.setVisible(unjudgedShown(model.deadlockedProperty().get(),
                diners.stream().mapToLong(TableView.Diner::meals).toArray()));
        bars.requestLayout();
    }

    /**
     * Whether the line on a deadlock's unjudged starvation shows: the table is {@code deadlocked},
     * and with these {@code meals} someone would be starving were it not (too few meals judge nobody
     * either way, and the line would give the wrong reason).
     */
    static boolean unjudgedShown(boolean deadlocked, long[] meals) {
        return deadlocked && !Fairness.starving(meals, false).isEmpty();
    }


    /**
     * A count in at most five characters, rounded to the nearest: 950, 14.9k (for 14,859), 149k, 1.2M.
     * Rounded down, 9,076 read "9.0k" and 6,394 "6.3k" (a teacher's tryout); a count that rounds up
     * to the next unit takes it (99,960 is "100k", 999,500 "1.0M").
     */
    static String shortCount(long meals) {
        if (meals < 1_000) {
            return Long.toString(meals);
        }
        long tenthsOfK = Math.round(meals / 100.0);
        if (tenthsOfK < 1_000) {
            return String.format(Locale.ROOT, "%.1fk", tenthsOfK / 10.0);
        }
        long k = Math.round(meals / 1_000.0);
        if (k < 1_000) {
            return k + "k";
        }
        return String.format(Locale.ROOT, "%.1fM", Math.round(meals / 100_000.0) / 10.0);
    }

    /**
     * The bars, side by side as columns of one width where each gets its least width, else one
     * under another as rows whose names and counts line up in two columns. Its least width is the
     * rows', so it is never what makes the view wider than its pane.
     */
    private final class Bars extends Pane {
        /** Rows, at the last layout. */
        private boolean across;

        @Override
        public Orientation getContentBias() {
            return Orientation.HORIZONTAL;
        }

        /** The columns' least width: every column its short count's or its name's width. */
        private double columnsWidth() {
            double widest = 0;
            for (Bar bar : shown) {
                widest = Math.max(widest, bar.columnWidth());
            }
            return snappedLeftInset() + shown.size() * widest + GAP * Math.max(0, shown.size() - 1) + snappedRightInset();
        }

        private boolean columnsFit(double width) {
            return width < 0 || columnsWidth() <= width + 0.5;
        }

        private double nameColumn() {
            return shown.stream().mapToDouble(Bar::nameWidth).max().orElse(0);
        }

        /** The counts' column in rows: the full counts' where a row's bar keeps its least length beside them, else the short ones'. */
        private double countColumn(double width, boolean[] full) {
            double fullWidth = shown.stream().mapToDouble(bar -> bar.countWidth(true)).max().orElse(0);
            double rest = width - snappedLeftInset() - snappedRightInset() - nameColumn() - 2 * GAP - fullWidth;
            full[0] = shown.isEmpty() || rest >= LEAST_ROW_BAR_EM * shown.getFirst().count.getFont().getSize();
            return full[0] ? fullWidth : shown.stream().mapToDouble(bar -> bar.countWidth(false)).max().orElse(0);
        }

        private double rowHeight() {
            return shown.stream().mapToDouble(Bar::rowHeight).max().orElse(0);
        }

        @Override
        protected double computeMinWidth(double height) {
            double countShort = shown.stream().mapToDouble(bar -> bar.countWidth(false)).max().orElse(0);
            double em = shown.isEmpty() ? 0 : shown.getFirst().count.getFont().getSize();
            return snappedLeftInset() + nameColumn() + 2 * GAP + 2 * em + countShort + snappedRightInset();
        }

        @Override
        protected double computePrefWidth(double height) {
            return columnsWidth();
        }

        @Override
        protected double computeMinHeight(double width) {
            if (columnsFit(width)) {
                double labels = shown.isEmpty() ? 0 : shown.getFirst().columnLabelsHeight();
                return snappedTopInset() + labels + 20 + snappedBottomInset();
            }
            return snappedTopInset() + shown.size() * rowHeight() + GAP * Math.max(0, shown.size() - 1)
                    + snappedBottomInset();
        }

        @Override
        protected double computePrefHeight(double width) {
            return computeMinHeight(width);
        }

        @Override
        protected void layoutChildren() {
            int n = shown.size();
            if (n == 0) {
                return;
            }
            double left = snappedLeftInset();
            double top = snappedTopInset();
            double width = getWidth() - left - snappedRightInset();
            double height = getHeight() - top - snappedBottomInset();
            across = !columnsFit(getWidth());
            pseudoClassStateChanged(ACROSS, across);
            if (across) {
                boolean[] full = new boolean[1];
                double counts = countColumn(getWidth(), full);
                double names = nameColumn();
                double row = rowHeight();
                for (int p = 0; p < n; p++) {
                    Bar bar = shown.get(p);
                    bar.fullCount(full[0]);
                    bar.across(true, names, counts);
                    bar.resizeRelocate(left, snapPositionY(top + p * (row + GAP)), width, snapSizeY(row));
                }
            } else {
                double each = (width - GAP * (n - 1)) / n;
                boolean full = true;
                for (Bar bar : shown) {
                    full &= bar.countWidth(true) <= each + 0.5;
                }
                for (int p = 0; p < n; p++) {
                    Bar bar = shown.get(p);
                    bar.fullCount(full);
                    bar.across(false, 0, 0);
                    double x = snapPositionX(left + p * (each + GAP));
                    bar.resizeRelocate(x, top, snapPositionX(left + p * (each + GAP) + each) - x, height);
                }
            }
        }
    }

    /** One philosopher's bar: its count, the bar itself, its name. */
    private static final class Bar extends Region {
        private final Label count = new Label();
        private final Label name;
        private final String philosopher;
        /** The count in full ("14,859") and short ("14.8k"). */
        private String full = "";
        private String brief = "";
        private final Region fill = new Region();
        private double share;
        /** Drawn across, with the names' and the counts' column widths. */
        private boolean across;
        private double nameColumn;
        private double countColumn;

        Bar(int p) {
            setId("meals-" + Names.philosopher(p));
            getStyleClass().add("meal-bar");
            count.getStyleClass().add("meal-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            fill.getStyleClass().add("meal-fill");
            fill.setManaged(false);
            philosopher = Names.philosopher(p);
            name = new Label(philosopher);
            name.getStyleClass().add("meal-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            getChildren().addAll(count, fill, name);
        }

        void show(long meals, long most, boolean starving) {
            String nowFull = String.format(Locale.ROOT, "%,d", meals);
            String nowName = starving ? "⚠ " + philosopher : philosopher;
            if (!nowFull.equals(full) || !nowName.equals(name.getText())) {
                full = nowFull;
                brief = shortCount(meals);
                name.setText(nowName);
                requestLayout();
            }
            share = most == 0 ? 0 : (double) meals / most;
            pseudoClassStateChanged(STARVING, starving);
            requestLayout();
        }

        double countWidth(boolean whole) {
            return Math.ceil(Controls.textWidth(whole ? full : brief, count.getFont())) + 2;
        }

        double nameWidth() {
            return Math.ceil(Controls.textWidth(name.getText(), name.getFont())) + 2;
        }

        /** The short count's width, or the name's: never narrower than what it must show. */
        double columnWidth() {
            return snappedLeftInset() + Math.max(countWidth(false), nameWidth()) + snappedRightInset();
        }

        double columnLabelsHeight() {
            return count.prefHeight(-1) + name.prefHeight(-1) + 2 * 2;
        }

        double rowHeight() {
            return snappedTopInset() + Math.max(count.prefHeight(-1), name.prefHeight(-1)) + snappedBottomInset();
        }

        /** Writes the count in full or short. */
        void fullCount(boolean whole) {
            String text = whole ? full : brief;
            if (!text.equals(count.getText())) {
                count.setText(text);
            }
        }

        void across(boolean across, double nameColumn, double countColumn) {
            if (across != this.across || nameColumn != this.nameColumn || countColumn != this.countColumn) {
                this.across = across;
                this.nameColumn = nameColumn;
                this.countColumn = countColumn;
                requestLayout();
            }
        }

        @Override
        protected double computeMinWidth(double height) {
            return columnWidth();
        }

        @Override
        protected void layoutChildren() {
            double left = snappedLeftInset();
            double top = snappedTopInset();
            double width = getWidth() - left - snappedRightInset();
            double height = getHeight() - top - snappedBottomInset();
            if (across) {
                // Name | bar from the left | count, the names right-aligned against their bars.
                layoutInArea(name, left, top, nameColumn, height, 0, HPos.RIGHT, VPos.CENTER);
                double countX = left + width - countColumn;
                layoutInArea(count, countX, top, countColumn, height, 0, HPos.RIGHT, VPos.CENTER);
                double x = left + nameColumn + GAP;
                double well = Math.max(0, countX - GAP - x);
                double length = Math.max(share > 0 ? 2 : 0, well * share);
                double thick = Math.max(2, height - 4);
                fill.resizeRelocate(snapPositionX(x), snapPositionY(top + (height - thick) / 2), snapSizeX(length),
                        snapSizeY(thick));
            } else {
                // Name at the foot, the bar up from the name, its count on the bar: at the column's top
                // over a short bar, "16" stood level with its neighbour's "93" and read as a second tall
                // bar (a learner's tryout).
                double countHeight = count.prefHeight(-1);
                double nameHeight = name.prefHeight(-1);
                layoutInArea(name, left, top + height - nameHeight, width, nameHeight, 0, HPos.CENTER, VPos.TOP);
                double well = Math.max(0, height - countHeight - nameHeight - 2 * 2);
                double tall = Math.max(share > 0 ? 2 : 0, well * share);
                double bottom = top + height - nameHeight - 2;
                fill.resizeRelocate(left, snapPositionY(bottom - tall), width, snapSizeY(tall));
                layoutInArea(count, left, bottom - tall - 2 - countHeight, width, countHeight, 0, HPos.CENTER,
                        VPos.BOTTOM);
            }
        }
    }
}
