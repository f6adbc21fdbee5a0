package dev.interleave.ui.kit;

import java.util.Objects;
import java.util.function.Supplier;

import javafx.scene.Node;

/**
 * One scenario as the window shows it: a tab with a title and a one-sentence summary, the
 * view-model the tool bar drives, and the view, built when the tab is first shown (the window's
 * first frame then lays out one view, not all).
 *
 * @param id      a short id, e.g. {@code "calls"}: the tab's node id is {@code "tab-" + id}
 * @param title   the tab's title
 * @param summary what the scenario shows, for the tab's tooltip
 * @param model   the view-model
 * @param view    builds the view over {@code model}; called once, on the FX thread
 */
public record ScenarioTab(String id, String title, String summary, RunControls model, Supplier<Node> view) {

    public ScenarioTab {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(summary);
        Objects.requireNonNull(model);
        Objects.requireNonNull(view);
    }
}
