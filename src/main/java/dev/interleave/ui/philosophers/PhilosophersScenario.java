package dev.interleave.ui.philosophers;

import dev.interleave.engine.philosophers.PhilosophersRunner;
import dev.interleave.ui.kit.SavedSettings;
import dev.interleave.ui.kit.ScenarioTab;

/** The deadlock lab's tab: its runner, view-model and view. */
public final class PhilosophersScenario {

    private static final ScenarioTab.Title TITLE = new ScenarioTab.Title("Dining Philosophers", "Philosophers");
    private static final String SUMMARY = "Philosophers on real threads share forks (locks) round a table: cause a"
            + " deadlock, watch the circle of waits close, and break it by breaking one of its four conditions.";

    private PhilosophersScenario() {
    }

    /** A new tab, its runner and view-model made when it is first shown. FX thread. */
    public static ScenarioTab tab() {
        return ScenarioTab.lazy("philosophers", TITLE, SUMMARY,
                () -> new PhilosophersViewModel(new PhilosophersRunner(), SavedSettings.node("philosophers")),
                PhilosophersView::new);
    }

    /** A tab over {@code model}. FX thread. */
    public static ScenarioTab tab(PhilosophersViewModel model) {
        return ScenarioTab.of("philosophers", TITLE, SUMMARY, model, PhilosophersView::new);
    }
}
