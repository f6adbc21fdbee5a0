package dev.interleave.ui.race;

import dev.interleave.engine.race.LabRunner;
import dev.interleave.engine.race.StepperRunner;
import dev.interleave.ui.kit.SavedSettings;
import dev.interleave.ui.kit.ScenarioTab;

/** The race & atomics lab's tab: its two runners, view-models and views. */
public final class RaceScenario {

    private RaceScenario() {
    }

    /** A new tab over new runners. FX thread. */
    public static ScenarioTab tab() {
        return tab(new RaceViewModel(new StepperViewModel(new StepperRunner(), SavedSettings.node("race-stepper")),
                new LabViewModel(new LabRunner(), SavedSettings.node("race-lab"))));
    }

    /** A tab over {@code model}. FX thread. */
    public static ScenarioTab tab(RaceViewModel model) {
        return new ScenarioTab("race", "Race & Atomics", "Why count++ loses updates, step by step with real threads;"
                + " and what atomics, locks and adders cost, measured at full speed.", model, () -> new RaceView(model));
    }
}
