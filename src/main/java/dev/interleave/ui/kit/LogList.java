package dev.interleave.ui.kit;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ListViewSkin;

/**
 * A list of lines that can show its very end, as a console does. {@code scrollTo(last)} is not
 * enough: with cells of a fractional height (23.4 px at the window's text size) it sometimes
 * stopped with the last line just below the view, at position 0.994 of 1, and a paused run then
 * kept its newest line out of sight. {@link #showEnd()} sets the position to the end itself.
 *
 * <p>It also notes the widest line it has shown since it was last empty ({@link #widestShownEm()}),
 * so that its owner can wrap the lines when one is wider than the list.
 */
final class LogList extends ListView<String> {

    /**
     * The widest line shown since the list was last empty, in em of its cells' font (a zoom keeps
     * it). "Shown": given to a cell, which includes the cells the list lays out to measure itself.
     */
    private double widestShownEm;
    /** Told when a line wider than any before it is shown. */
    private Runnable wider = () -> {
    };

    LogList(ObservableList<String> lines) {
        super(lines);
        setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
                if (!empty && line != null) {
                    noteWidth(Controls.textWidth(line, getFont()) / getFont().getSize());
                }
            }
        });
        // New rows' height (a zoom): a new skin, whose flow lays the rows out afresh. The old one kept
        // sizes and an offset of the old rows: at 200 % a paused run's log stopped a dozen lines short
        // of its end, and End and "now" with it (a learner's tryout).
        fixedCellSizeProperty().addListener(obs -> {
            if (getSkin() instanceof EndSkin skin) {
                boolean atEnd = skin.atEnd();
                int first = skin.firstShown();
                // After the pass that set the height: a skin let go of within it still had cells to lay out.
                Platform.runLater(() -> {
                    if (getSkin() == skin) {
                        setSkin(new EndSkin(this));
                        layout(); // its rows laid out before it scrolls: scrolled at once, it stopped a row or two short
                    }
                    // Where it was: at the line selected (a rewound view's moment: a zoom or a theme
                    // showed lines 0 to 8 beside "after event 33", a lecturer's tryout), at the end,
                    // or at its first line.
                    if (getSelectionModel().getSelectedIndex() >= 0) {
                        showSelected();
                    } else if (atEnd) {
                        showEnd();
                    } else {
                        scrollTo(first);
                    }
                });
            }
        });
        lines.addListener((ListChangeListener<String>) change -> {
            if (lines.isEmpty()) {
                widestShownEm = 0; // a new run's lines
            }
        });
    }

    /** The widest line shown since the list was last empty, in em. */
    double widestShownEm() {
        return widestShownEm;
    }

    /** Calls {@code action} when a line wider than any before it is shown. */
    void onWider(Runnable action) {
        wider = action;
    }

    private void noteWidth(double em) {
        if (em > widestShownEm + 0.05) {
            widestShownEm = em;
            wider.run();
        }
    }

    /** The last line in view, at the bottom: now, or at the next layout if the skin is not yet made. */
    void showEnd() {
        if (getSkin() instanceof EndSkin skin) {
            skin.showEnd();
        } else if (!getItems().isEmpty()) {
            scrollTo(getItems().size() - 1);
        }
    }

    /**
     * The line selected in view, with up to three lines before it, as many as leave it whole in
     * view: at rows three lines high, three before it put it below the list's edge.
     */
    void showSelected() {
        int line = getSelectionModel().getSelectedIndex();
        if (line >= 0) {
            double rows = getFixedCellSize() > 0 ? getHeight() / getFixedCellSize() : 0;
            int before = rows > 0 ? (int) Math.clamp((rows - 1) / 2, 0, 3) : 3;
            scrollTo(Math.max(0, line - before));
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

        /** Whether the flow is at its end (its last line at the bottom). */
        boolean atEnd() {
            return getVirtualFlow().getPosition() >= 0.999;
        }

        /** The first line in view, 0 for none. */
        int firstShown() {
            var cell = getVirtualFlow().getFirstVisibleCell();
            return cell == null ? 0 : Math.max(0, cell.getIndex());
        }

        /** The flow takes in lines added since the last layout first, or the end would be the old one. */
        void showEnd() {
            updateItemCount();
            getVirtualFlow().setPosition(1);
        }
    }
}
