package dev.interleave.ui.race;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

import dev.interleave.ui.kit.Controls;

/**
 * The race & atomics lab: two views in sub-tabs, Slow motion (the stepper) and Full speed (the
 * measurements); the tool bar drives the one on screen ({@link RaceViewModel}).
 */
public final class RaceView extends BorderPane {

    public RaceView(RaceViewModel model) {
        getStyleClass().add("race-view");
        Tab slow = new Tab("Slow motion: step by step");
        slow.setId("race-slow-motion");
        Controls.tip(slow, "Two to four real threads, each parked before every step: you pick who moves.");
        Controls.tabContent(slow, new StepperView(model.stepper()));
        Tab full = new Tab("Full speed: how often, how much it costs");
        full.setId("race-full-speed");
        Controls.tip(full, "Up to 64 threads at full speed: lost updates per run, increments per second, "
                + "false sharing.");
        Controls.tabContent(full, new LabView(model.lab()));
        TabPane modes = new TabPane(slow, full);
        modes.setId("race-modes");
        modes.getStyleClass().add("race-modes");
        modes.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Controls.arrowsKeepTheRing(modes);
        modes.getSelectionModel().select(model.modeProperty().get() == RaceViewModel.Mode.FULL_SPEED ? full : slow);
        modes.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                model.modeProperty().set(now == full ? RaceViewModel.Mode.FULL_SPEED : RaceViewModel.Mode.SLOW_MOTION));
        model.modeProperty().addListener((obs, old, now) ->
                modes.getSelectionModel().select(now == RaceViewModel.Mode.FULL_SPEED ? full : slow));
        setCenter(modes);
    }
}
