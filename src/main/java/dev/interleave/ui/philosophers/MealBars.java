package dev.interleave.ui.philosophers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import dev.interleave.engine.philosophers.Names;
import dev.interleave.engine.philosophers.TableView;

/**
 * Meals per philosopher as bars, each with its count above it and the philosopher's name below; a
 * starving philosopher's bar is marked (colour, and the word). Heights are relative to the most
 * meals. FX thread only.
 */
final class MealBars extends VBox {

    private static final PseudoClass STARVING = PseudoClass.getPseudoClass("starving");

    private final PhilosophersViewModel model;
    private final HBox bars = new HBox(4);
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
        bars.setAlignment(Pos.BOTTOM_CENTER);
        VBox.setVgrow(bars, Priority.ALWAYS);
        getChildren().addAll(title, bars);
        setMinHeight(160);
        setPrefWidth(320);
        setMinWidth(200);
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
        for (int p = 0; p < diners.size(); p++) {
            shown.get(p).show(diners.get(p).meals(), most, model.starving().contains(p));
        }
    }

    /** One philosopher's bar. */
    private static final class Bar extends VBox {
        private final Label count = new Label();
        private final Region fill = new Region();
        private final StackPane well = new StackPane(fill);
        private double share;

        Bar(int p) {
            super(2);
            setId("meals-" + Names.philosopher(p));
            getStyleClass().add("meal-bar");
            setAlignment(Pos.BOTTOM_CENTER);
            count.getStyleClass().add("meal-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            fill.getStyleClass().add("meal-fill");
            StackPane.setAlignment(fill, Pos.BOTTOM_CENTER);
            well.setMinHeight(20);
            VBox.setVgrow(well, Priority.ALWAYS);
            Label name = new Label(Names.philosopher(p));
            name.getStyleClass().add("meal-name");
            getChildren().addAll(count, well, name);
            well.heightProperty().addListener((obs, old, now) -> size());
        }

        void show(long meals, long most, boolean starving) {
            count.setText(String.format(Locale.ROOT, "%,d", meals) + (starving ? " ✘" : ""));
            share = most == 0 ? 0 : (double) meals / most;
            pseudoClassStateChanged(STARVING, starving);
            size();
        }

        private void size() {
            double height = Math.max(share > 0 ? 2 : 0, well.getHeight() * share);
            fill.setMaxHeight(height);
            fill.setPrefHeight(height);
            fill.setMinHeight(height);
        }
    }
}
