package dev.interleave.ui.kit;

import javafx.collections.ObservableList;
import javafx.scene.control.ListView;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ListViewSkin;

/**
 * A list of lines that can show its very end, as a console does. {@code scrollTo(last)} is not
 * enough: with cells of a fractional height (23.4 px at the window's text size) it sometimes
 * stopped with the last line just below the view, at position 0.994 of 1, and a paused run then
 * kept its newest line out of sight. {@link #showEnd()} sets the position to the end itself.
 */
final class LogList extends ListView<String> {

    LogList(ObservableList<String> lines) {
        super(lines);
    }

    /** The last line in view, at the bottom: now, or at the next layout if the skin is not yet made. */
    void showEnd() {
        if (getSkin() instanceof EndSkin skin) {
            skin.showEnd();
        } else if (!getItems().isEmpty()) {
            scrollTo(getItems().size() - 1);
        }
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new EndSkin(this);
    }

    private static final class EndSkin extends ListViewSkin<String> {
        EndSkin(LogList list) {
            super(list);
        }

        /** The flow takes in lines added since the last layout first, or the end would be the old one. */
        void showEnd() {
            updateItemCount();
            getVirtualFlow().setPosition(1);
        }
    }
}
