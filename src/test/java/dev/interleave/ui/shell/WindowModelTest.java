package dev.interleave.ui.shell;

import java.util.UUID;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The window's theme and zoom, without a toolkit. */
class WindowModelTest {

    /** Ctrl+= and Ctrl+- move along the steps and stop at 100 % and 200 %; Ctrl+0 is 100 %. */
    @Test
    void zoomMovesInStepsBetweenOneAndTwo() {
        WindowModel window = new WindowModel(null, Theme.LIGHT);
        window.zoomOut();
        assertEquals(1.0, window.zoomProperty().get());
        for (int i = 0; i < 10; i++) {
            window.zoomIn();
        }
        assertEquals(2.0, window.zoomProperty().get());
        assertEquals("200 %", window.zoomTextBinding().get());
        window.zoomOut();
        assertEquals(1.75, window.zoomProperty().get());
        window.zoomProperty().set(5);
        assertEquals(2.0, window.zoomProperty().get(), "clamped");
        window.zoomReset();
        assertEquals(1.0, window.zoomProperty().get());
    }

    /** The first start follows the desktop; later starts keep the theme and zoom last chosen. */
    @Test
    void themeAndZoomAreKeptBetweenStarts() throws Exception {
        Preferences node = Preferences.userRoot().node("dev/interleave-test/" + UUID.randomUUID());
        try {
            WindowModel first = new WindowModel(node, Theme.DARK);
            assertEquals(Theme.DARK, first.themeProperty().get(), "the desktop's preference at first start");
            first.toggleTheme();
            assertEquals(Theme.LIGHT, first.themeProperty().get());
            first.zoomIn();
            first.zoomIn();
            node.flush();
            WindowModel second = new WindowModel(node, Theme.DARK);
            assertEquals(Theme.LIGHT, second.themeProperty().get(), "the theme chosen, not the desktop's");
            assertEquals(1.25, second.zoomProperty().get());
        } finally {
            node.removeNode();
        }
    }
}
