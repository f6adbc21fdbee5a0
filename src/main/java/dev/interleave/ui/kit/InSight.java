package dev.interleave.ui.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
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

    /** The node under which every visible node counts as in sight now ({@link #seeingAll}); null at other times. FX thread only. */
    private static Node seeingUnder;
    /** The key of a node's properties under which {@link #drawWhenSeen} keeps its check. */
    private static final Object OWED = new Object();
    /** The key of a node's properties marking it as held at its pane's top or bottom ({@link #heldInView}). */
    private static final Object HELD = new Object();
    /** A held node's state while shifted: its opaque ground, in the stylesheet. */
    static final PseudoClass HELD_STATE = PseudoClass.getPseudoClass("held");

    /**
     * Runs {@code action} with every visible node under {@code root} in sight, whether or not it is
     * scrolled into view, its owed drawings made first: a picture of a whole page (File, Export view
     * as PNG) has its plots and timeline below the fold drawn, as they are now, not blank or stale.
     * FX thread.
     */
    public static <T> T seeingAll(Node root, Supplier<T> action) {
        Node before = seeingUnder;
        seeingUnder = root;
        // A node held at the top or the bottom of the view (a race lab's count cards, its step's
        // words) is drawn where it stands in the page, not over what it covers in the view now.
        List<Node> held = new ArrayList<>();
        collectHeld(root, held);
        double[] shifts = held.stream().mapToDouble(Node::getTranslateY).toArray();
        held.forEach(node -> {
            node.setTranslateY(0);
            node.pseudoClassStateChanged(HELD_STATE, false);
        });
        try {
            drawOwed(root);
            return action.get();
        } finally {
            seeingUnder = before;
            for (int i = 0; i < held.size(); i++) {
                held.get(i).setTranslateY(shifts[i]);
                held.get(i).pseudoClassStateChanged(HELD_STATE, shifts[i] != 0);
            }
        }
    }

    /**
     * Marks {@code node} as shifted ({@code translateY}) to stay in its scroll pane's view:
     * {@link #seeingAll} draws it unshifted, in its place in the page. FX thread.
     */
    public static void heldInView(Node node) {
        node.getProperties().put(HELD, Boolean.TRUE);
    }

    /** Whether {@code node} is held at its pane's top or bottom ({@link #heldInView}): no anchor to scroll by, it moves with the view. */
    static boolean isHeld(Node node) {
        return node.getProperties().containsKey(HELD);
    }

    /** Whether a {@link #seeingAll} is drawing now: a held node stays where its page puts it. */
    static boolean seeingAllNow() {
        return seeingUnder != null;
    }

    private static void collectHeld(Node node, List<Node> held) {
        if (node.getProperties().containsKey(HELD)) {
            held.add(node);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectHeld(child, held);
            }
        }
    }

    /** Whether {@code node} and every container it is in are visible (an unselected tab's content is not). */
    public static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code node} is {@code root} or inside it. */
    private static boolean under(Node root, Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == root) {
                return true;
            }
        }
        return false;
    }

    private static void drawOwed(Node node) {
        if (node.getProperties().get(OWED) instanceof Runnable check) {
            check.run();
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                drawOwed(child);
            }
        }
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
        if (seeingUnder != null && under(seeingUnder, node)) {
            return shown(node);
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
        node.getProperties().put(OWED, check); // for seeingAll
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
