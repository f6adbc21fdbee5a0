package dev.interleave.ui.calls;

import dev.interleave.engine.calls.CallRunner;
import dev.interleave.ui.kit.SavedSettings;
import dev.interleave.ui.kit.ScenarioTab;

/** The Counter &amp; Sum scenario's tab: its runner, view-model and view. */
public final class CallsScenario {

    private CallsScenario() {
    }

    /** A new tab over a new runner. FX thread. */
    public static ScenarioTab tab() {
        return tab(new CallsViewModel(new CallRunner(), SavedSettings.node("calls")));
    }

    /** A tab over {@code model}. FX thread. */
    public static ScenarioTab tab(CallsViewModel model) {
        return new ScenarioTab("calls", "Counter & Sum", "One thread per call reads a shared counter, sleeps, and adds"
                + " the value to a shared sum: 1,000 calls on 100 threads, or 1,000,000 on 100,000 virtual threads.",
                model, () -> new CallsView(model));
    }
}
