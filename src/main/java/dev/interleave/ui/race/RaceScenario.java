package dev.interleave.ui.race;

import dev.interleave.engine.race.LabRunner;
import dev.interleave.engine.race.StepperRunner;
import dev.interleave.ui.kit.SavedSettings;
import dev.interleave.ui.kit.ScenarioTab;

/** The race & atomics lab's tab: its two runners, view-models and views. */
public final class RaceScenario {

    private static final ScenarioTab.Title TITLE = new ScenarioTab.Title("Race & Atomics", "Race");
    private static final String SUMMARY = "Why count++ loses updates, step by step with real threads; and what"
            + " atomics, locks and adders cost, measured at full speed.";

    private RaceScenario() {
    }

    /** A new tab, its runners and view-models made when it is first shown. FX thread. */
    public static ScenarioTab tab() {
        return ScenarioTab.lazy("race", TITLE, SUMMARY,
                () -> new RaceViewModel(new StepperViewModel(new StepperRunner(), SavedSettings.node("race-stepper")),
                        new LabViewModel(new LabRunner(), SavedSettings.node("race-lab")), SavedSettings.node("race")),
                RaceView::new);
    }

    /** A tab over {@code model}. FX thread. */
    public static ScenarioTab tab(RaceViewModel model) {
        return ScenarioTab.of("race", TITLE, SUMMARY, model, RaceView::new);
    }
}
