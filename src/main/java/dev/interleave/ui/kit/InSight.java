package dev.interleave.ui.kit;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * Whether a node can be seen now, and a way to catch up the moment it can: a canvas that nobody
 * sees need not be drawn. JavaFX renders a canvas's drawing into its image at every frame even
 * while the canvas is scrolled out of sight (it must, to empty its command buffer), so a timeline
 * and three plots below the fold of a free buffer run cost the renderer a third of its time for
 * nothing.
 */
public final class InSight {

    private InSight() {
    }

    /**
     * Whether some of {@code node} shows: it is in a shown window, it and every parent are visible
     * (an unselected tab's content is not), and its bounds meet the window's and those of every
     * scroll pane it is in. An iconified window counts as shown. FX thread.
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
            if (at != node && at instanceof ScrollPane scroll
                    && !scroll.localToScene(scroll.getLayoutBounds()).intersects(bounds)) {
                return false;
            }
        }
        return true;
    }

    /**
     * From now on, after the layout of every frame of the scene {@code node} is in (whichever scene
     * that is), runs {@code draw} if {@code pending} says a drawing is owed and {@code node} is in
     * sight: a scroll, a tab chosen or a window resized is a frame, so what changed out of sight is
     * drawn in the frame it comes into sight. FX thread.
     */
    public static void drawWhenSeen(Node node, BooleanSupplier pending, Runnable draw) {
        Objects.requireNonNull(pending);
        Objects.requireNonNull(draw);
        Runnable check = () -> {
            if (pending.getAsBoolean() && inSight(node)) {
                draw.run();
            }
        };
        node.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(check);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(check);
            }
        });
        if (node.getScene() != null) {
            node.getScene().addPostLayoutPulseListener(check);
        }
    }
}
