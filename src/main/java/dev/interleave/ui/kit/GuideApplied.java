package dev.interleave.ui.kit;

import java.util.List;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a guide's setup button set, for the line beside it: "Set: 2 philosophers, naive, think 0..0
 * ms, eat 0..0 ms. Press Run (Space).", until any setting changes (another setup's included), when
 * it no longer says what is set, or a run starts (it stood under a stopped run's figures, still
 * asking for Run). A learner sees the click was taken.
 */
public final class GuideApplied {

    private final ReadOnlyStringWrapper words = new ReadOnlyStringWrapper(this, "words", "");

    /** @param settings every setting of the view: a change to any one clears the line */
    public GuideApplied(List<? extends Observable> settings) {
        for (Observable setting : settings) {
            setting.addListener(obs -> words.set(""));
        }
    }

    /** Says that {@code setup} (in words) was set: call after setting it, which cleared the line. */
    public void set(String setup) {
        words.set("Set: " + setup + ". Press Run (Space).");
    }

    /** A run has started (Run, or Step from idle): "Press Run" is done, and the line goes. */
    public void started() {
        words.set("");
    }

    /** The line; "" until a setup is set, and again once a setting changes or a run starts. */
    public ReadOnlyStringProperty wordsProperty() {
        return words.getReadOnlyProperty();
    }
}
