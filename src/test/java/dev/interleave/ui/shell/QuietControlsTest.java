package dev.interleave.ui.shell;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window keeps JavaFX's controls' INFO notices off the terminal ("index exceeds maxCellCount",
 * 48 times in a lesson), their warnings on. JavaFX logs through {@link System#getLogger}, as read here.
 */
class QuietControlsTest {

    @Test
    void infoNoticesOffWarningsOn() {
        InterleaveApp.quietControls();
        System.Logger controls = System.getLogger("javafx.scene.control");
        assertFalse(controls.isLoggable(System.Logger.Level.INFO), "INFO notices");
        assertTrue(controls.isLoggable(System.Logger.Level.WARNING), "warnings");
    }
}
