package dev.interleave.ui.calls;

import dev.interleave.engine.calls.CallRunner;
import dev.interleave.engine.calls.CallSettings;
import dev.interleave.ui.kit.SavedSettings;
import dev.interleave.ui.kit.ScenarioTab;
import dev.interleave.ui.kit.WarmUp;

/** The Counter &amp; Sum scenario's tab: its runner, view-model and view. */
public final class CallsScenario {

    private static final ScenarioTab.Title TITLE = new ScenarioTab.Title("Counter & Sum", "Counter");
    private static final String SUMMARY = "One thread per call reads a shared counter, sleeps, and adds the value to"
            + " a shared sum: 1,000 calls on 100 threads, or 1,000,000 on 100,000 virtual threads.";

    private CallsScenario() {
    }

    /**
     * A new tab, its runner and view-model made when it is first shown. FX thread. Links the settings'
     * {@code equals} in the background, a second after start-up: a record's {@code equals} builds its
     * code at its first call (20 ms and more), and that call was in the frame that shows the
     * 1,000,000-call run's result (are the settings still the result's?).
     */
    public static ScenarioTab tab() {
        WarmUp.later("interleave-calls-warm-up", // linked now, comparing all the fields: the answer does not matter
                () -> CallSettings.of(1_000_000, 100_000).equals(CallSettings.of(1_000_000, 100_000)));
        return ScenarioTab.lazy("calls", TITLE, SUMMARY,
                () -> new CallsViewModel(new CallRunner(), SavedSettings.node("calls")), CallsView::new);
    }

    /** A tab over {@code model}. FX thread. */
    public static ScenarioTab tab(CallsViewModel model) {
        return ScenarioTab.of("calls", TITLE, SUMMARY, model, CallsView::new);
    }
}
