package dev.interleave.ui.shell;

import java.util.List;
import javafx.scene.control.TabPane;

/** Every view of the window, each tab and both modes of the race lab, for tests that visit them all. */
final class EveryView {

    /** The views: a tab's id, or the race tab's id and a mode's index ("race:1"). */
    static final List<String> ALL = List.of("calls", "buffer", "race:0", "race:1", "philosophers");

    private EveryView() {
    }

    /** Shows {@code which} (one of {@link #ALL}) in {@code view}. FX thread. */
    static void show(MainView view, String which) {
        String[] parts = which.split(":");
        view.select(parts[0]);
        if (parts.length > 1) {
            ((TabPane) view.lookup("#race-modes")).getSelectionModel().select(Integer.parseInt(parts[1]));
        }
    }
}
