package dev.interleave.ui.philosophers;

import dev.interleave.engine.philosophers.PhilosophersRunner;
import dev.interleave.ui.kit.SavedSettings;
import dev.interleave.ui.kit.ScenarioTab;

/** The deadlock lab's tab: its runner, view-model and view. */
public final class PhilosophersScenario {

    private PhilosophersScenario() {
    }

    /** A new tab over a new runner. FX thread. */
    public static ScenarioTab tab() {
        return tab(new PhilosophersViewModel(new PhilosophersRunner(), SavedSettings.node("philosophers")));
    }

    /** A tab over {@code model}. FX thread. */
    public static ScenarioTab tab(PhilosophersViewModel model) {
        return new ScenarioTab("philosophers", "Dining Philosophers", "Philosophers on real threads share forks "
                + "(locks) round a table: cause a deadlock, watch the circle of waits close, and break it by "
                + "breaking one of its four conditions.", model, () -> new PhilosophersView(model));
    }
}
