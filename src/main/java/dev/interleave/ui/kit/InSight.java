package dev.interleave.ui.kit;

import java.util.Objects;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * Whether a node can be seen now, and a way to catch up the moment it can: a canvas that nobody
 * sees need not be drawn. JavaFX renders a canvas's drawing into its image at every frame even
 * while the canvas is scrolled out of sight (it must, to empty its command buffer), so a timeline
 * and three plots below the fold of a free buffer run cost the renderer a quarter of its time for
 * nothing.
 */
public final class InSight {

    private InSight() {
    }

    /**
     * Whether some of {@code node} shows: it is in a shown window, it and every parent are visible
     * (an unselected tab's content is not), and its bounds meet the window's and those of every
     * scroll pane it is in.
     */
    public static boolean inSight(Node node) {
        Scene scene = node.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return false;
        }
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        if (bounds.getMaxX() <= 0 || bounds.getMaxY() <= 0 || bounds.getMinX() >= scene.getWidth()
                || bounds.getMinY() >= scene.getHeight()) {
            return false;
        }
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
            if (at != node && at instanceof ScrollPane scroll && !scroll.localToScene(scroll.getLayoutBounds()).intersects(bounds)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Calls {@code catchUp} after the layout of every frame of {@code node}'s scene (whichever scene
     * it is in, from now on); {@code catchUp} should return at once unless it has something to draw
     * and {@link #inSight} says it can be seen. A scroll, a tab chosen or a window resized is a
     * frame, so the node is drawn in the frame it comes into sight.
     */
    public static void onEveryFrame(Node node, Runnable catchUp) {
        Objects.requireNonNull(catchUp);
        Runnable listener = catchUp::run;
        node.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(listener);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(listener);
            }
        });
        if (node.getScene() != null) {
            node.getScene().addPostLayoutPulseListener(listener);
        }
    }
}
