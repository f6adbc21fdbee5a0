package dev.interleave.ui.buffer;

import dev.interleave.engine.buffer.BoundedBuffer;
import dev.interleave.engine.buffer.BufferRunner;
import dev.interleave.engine.buffer.BufferSettings;
import dev.interleave.ui.kit.SavedSettings;
import dev.interleave.ui.kit.ScenarioTab;
import dev.interleave.ui.kit.WarmUp;

/** The Bounded Buffer scenario's tab: its runner, view-model and view. */
public final class BufferScenario {

    private static final ScenarioTab.Title TITLE = new ScenarioTab.Title("Bounded Buffer", "Buffer");
    private static final String SUMMARY = "Producer and consumer threads share a bounded buffer guarded by one lock:"
            + " producers wait on notFull while it is full, consumers on notEmpty while it is empty.";

    private BufferScenario() {
    }

    /**
     * A new tab, its runner and view-model made when it is first shown. FX thread. Starts loading the buffer's classes in the background,
     * a second after start-up has had the processors, so the first Run does not freeze for them (nor
     * its end, for the settings' equals).
     */
    public static ScenarioTab tab() {
        WarmUp.later("interleave-buffer-warm-up", () -> {
            BoundedBuffer.warmUp();
            // A record's equals builds its code at its first call: not in the frame a run ends in.
            BufferSettings.of(2, 2, 4, 1_000).equals(BufferSettings.of(2, 2, 4, 1_000));
        });
        return ScenarioTab.lazy("buffer", TITLE, SUMMARY,
                () -> new BufferViewModel(new BufferRunner(), SavedSettings.node("buffer")), BufferView::new);
    }

    /** A tab over {@code model}. FX thread. */
    public static ScenarioTab tab(BufferViewModel model) {
        return ScenarioTab.of("buffer", TITLE, SUMMARY, model, BufferView::new);
    }
}
