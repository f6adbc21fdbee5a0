package dev.interleave.ui.calls;

import dev.interleave.engine.calls.CallRunner;
import dev.interleave.ui.kit.SavedSettings;
import dev.interleave.ui.kit.ScenarioTab;

/** The Counter &amp; Sum scenario's tab: its runner, view-model and view. */
public final class CallsScenario {

    private static final String TITLE = "Counter & Sum";
    private static final String SUMMARY = "One thread per call reads a shared counter, sleeps, and adds the value to"
            + " a shared sum: 1,000 calls on 100 threads, or 1,000,000 on 100,000 virtual threads.";

    private CallsScenario() {
    }

    /** A new tab, its runner and view-model made when it is first shown. FX thread. */
    public static ScenarioTab tab() {
        return ScenarioTab.lazy("calls", TITLE, SUMMARY,
                () -> new CallsViewModel(new CallRunner(), SavedSettings.node("calls")), CallsView::new);
    }

    /** A tab over {@code model}. FX thread. */
    public static ScenarioTab tab(CallsViewModel model) {
        return ScenarioTab.of("calls", TITLE, SUMMARY, model, CallsView::new);
    }
}
