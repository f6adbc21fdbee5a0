package dev.interleave.ui.philosophers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

import dev.interleave.engine.philosophers.Names;
import dev.interleave.engine.philosophers.TableView;
import dev.interleave.ui.kit.Controls;

/**
 * Meals per philosopher as bars, each with its count above it and the philosopher's name below; a
 * starving philosopher's bar is marked by colour and by a ⚠ before its name, as the verdict's "⚠
 * Starving" (a ✘ after the count, "43.7k ✘ 56.5k ✘", was read as the next bar's). Heights are relative to the most
 * meals. The bars are of one width; the counts are written in full where every one fits its bar,
 * else all short ("14.8k"). A bar's least width is its short count's, so twelve bars of seven-digit
 * counts fit beside the other plots or, where they do not, the plots go one under another (they
 * drew over their neighbours). FX thread only.
 */
final class MealBars extends VBox {

    private static final PseudoClass STARVING = PseudoClass.getPseudoClass("starving");

    private final PhilosophersViewModel model;
    /** The bars; once laid out, every count in full where every one fits its bar, else every one short. */
    private final HBox bars = new HBox(4) {
        @Override
        protected void layoutChildren() {
            super.layoutChildren(); // the bars' widths of this pass, then the counts' words for them
            boolean full = shown.stream().allMatch(Bar::fullFits);
            for (Bar bar : shown) {
                bar.fullCount(full);
            }
        }
    };
    private final List<Bar> shown = new ArrayList<>();

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
        bars.setAlignment(Pos.BOTTOM_CENTER);
        VBox.setVgrow(bars, Priority.ALWAYS);
        getChildren().addAll(title, bars);
        setMinHeight(160);
        setPrefWidth(320);
        model.philosophers().addListener((ListChangeListener<TableView.Diner>) change -> update());
        model.starving().addListener((ListChangeListener<Integer>) change -> update());
        update();
    }

    private void update() {
        List<TableView.Diner> diners = model.philosophers();
        while (shown.size() > diners.size()) {
            bars.getChildren().remove(shown.removeLast());
        }
        while (shown.size() < diners.size()) {
            Bar bar = new Bar(shown.size());
            HBox.setHgrow(bar, Priority.ALWAYS);
            shown.add(bar);
            bars.getChildren().add(bar);
        }
        long most = diners.stream().mapToLong(TableView.Diner::meals).max().orElse(0);
        double widest = 0;
        for (int p = 0; p < diners.size(); p++) {
            shown.get(p).show(diners.get(p).meals(), most, model.starving().contains(p));
            widest = Math.max(widest, shown.get(p).minWidth(-1));
        }
        for (Bar bar : shown) {
            bar.setPrefWidth(widest); // bars of one width, whatever their counts
        }
    }


    /** A count in at most five characters, never rounded up: 950, 14.8k (for 14,859), 149k, 1.2M. */
    static String shortCount(long meals) {
        if (meals < 1_000) {
            return Long.toString(meals);
        }
        if (meals < 100_000) {
            return String.format(Locale.ROOT, "%.1fk", Math.floor(meals / 100.0) / 10);
        }
        if (meals < 1_000_000) {
            return meals / 1_000 + "k";
        }
        return String.format(Locale.ROOT, "%.1fM", Math.floor(meals / 100_000.0) / 10);
    }

    /** One philosopher's bar. */
    private static final class Bar extends VBox {
        private final Label count = new Label();
        private final Label name;
        private final String philosopher;
        /** The count in full ("14,859") and short ("14.8k"). */
        private String full = "";
        private String brief = "";
        private final Region fill = new Region();
        private final StackPane well = new StackPane(fill);
        private double share;

        Bar(int p) {
            super(2);
            setId("meals-" + Names.philosopher(p));
            getStyleClass().add("meal-bar");
            setAlignment(Pos.BOTTOM_CENTER);
            count.getStyleClass().add("meal-count");
            fill.getStyleClass().add("meal-fill");
            StackPane.setAlignment(fill, Pos.BOTTOM_CENTER);
            well.setMinHeight(20);
            VBox.setVgrow(well, Priority.ALWAYS);
            philosopher = Names.philosopher(p);
            name = new Label(philosopher);
            name.getStyleClass().add("meal-name");
            getChildren().addAll(count, well, name);
            well.heightProperty().addListener((obs, old, now) -> size());
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
            size();
        }

        /** The short count's width, or the name's: never narrower than what it must show. */
        @Override
        protected double computeMinWidth(double height) {
            double text = Math.max(Controls.textWidth(brief, count.getFont()), Controls.textWidth(name.getText(),
                    name.getFont()));
            return snappedLeftInset() + Math.ceil(text) + 2 + snappedRightInset();
        }

        /** Writes the count in full or short. */
        void fullCount(boolean full) {
            String text = full ? this.full : brief;
            if (!text.equals(count.getText())) {
                count.setText(text);
            }
        }

        /** Whether the full count fits the bar's width. */
        boolean fullFits() {
            return Controls.textWidth(full, count.getFont()) + 2 <= getWidth() - snappedLeftInset() - snappedRightInset();
        }

        private void size() {
            double height = Math.max(share > 0 ? 2 : 0, well.getHeight() * share);
            fill.setMaxHeight(height);
            fill.setPrefHeight(height);
            fill.setMinHeight(height);
        }
    }
}
