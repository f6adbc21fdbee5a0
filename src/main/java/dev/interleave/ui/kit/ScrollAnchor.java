package dev.interleave.ui.kit;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * Keeps what a reader works with where it is on screen when the page above it changes height, as
 * a browser's scroll anchoring does: a philosophers' banner that took a second line as the run was
 * rewound moved the scrubber 55 px down, away from the pointer that had just taken it (1024x700 at
 * 150 %).
 *
 * <p>After each layout pass the pane notes its anchor and where it is in the viewport: the focused
 * node, when it is in the page and in sight; otherwise, once the page is scrolled, the first node
 * in sight at the viewport's top (into containers, not into controls). When the page's height has
 * changed since and the reader has not scrolled, the pane scrolls by as much as its anchor moved.
 * At the very top of a page nothing is anchored but the focus: a page read from its top grows
 * downward. Only a change of the page's height is made up for: a section that grows while another
 * above the anchor shrinks as much moves the anchor, and stays.
 */
final class ScrollAnchor {

    /**
     * How far, in pixels, the pane's own offset may drift as the page changes height (it keeps its
     * offset in pixels, rounded: 0.6 px seen, which a tighter bound took for the reader's scrolling,
     * and the scrubber moved 81 px). A move further than this is the reader's.
     */
    private static final double OWN_DRIFT_PX = 2;
    /** How deep into the page's containers an anchor is looked for. */
    private static final int MAX_DEPTH = 8;

    private final ScrollPane scroll;
    private final Runnable afterLayout = this::afterLayout;
    /** The node kept in place, chosen after the last layout pass, or null. */
    private Node anchor;
    /** Its top in the viewport then. */
    private double anchorTopPx;
    /** The page's height then. */
    private double pageHeightPx = -1;
    /**
     * How far the page was scrolled then, in pixels. The pane keeps it as the page changes height
     * (its vvalue changes); only the reader's scrolling changes it.
     */
    private double scrolledPx;

    private ScrollAnchor(ScrollPane scroll) {
        this.scroll = scroll;
    }

    /** Anchors {@code scroll}'s content from now on, in whatever scene it is shown. */
    static void keep(ScrollPane scroll) {
        ScrollAnchor anchoring = new ScrollAnchor(scroll);
        ChangeListener<Node> focused = (obs, old, now) -> anchoring.focused(now);
        ChangeListener<Scene> moved = (obs, old, now) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(anchoring.afterLayout);
                old.focusOwnerProperty().removeListener(focused);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(anchoring.afterLayout);
                now.focusOwnerProperty().addListener(focused);
            }
            anchoring.anchor = null;
        };
        scroll.sceneProperty().addListener(moved);
        moved.changed(scroll.sceneProperty(), null, scroll.getScene());
    }

    private void afterLayout() {
        // A tab not shown keeps its page in the scene, hidden: nothing to keep in place there.
        if (!(scroll.getContent() instanceof Region page) || !InSight.shown(scroll)) {
            anchor = null;
            return;
        }
        double height = page.getLayoutBounds().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (anchor != null && height != pageHeightPx && Math.abs(offset(page) - scrolledPx) < OWN_DRIFT_PX
                && holds(page, anchor)) {
            double moved = top(anchor, page) - offset(page) - anchorTopPx;
            if (Math.abs(moved) >= 0.5) {
                scrollTo(page, offset(page) + moved);
            }
        }
        pageHeightPx = height;
        scrolledPx = offset(page);
        anchor = pick(page, scrolledPx, viewport);
        anchorTopPx = anchor == null ? 0 : top(anchor, page) - scrolledPx;
    }

    /**
     * The focus moved to {@code node}: from now on it is the anchor, where it is on screen now, if it
     * is in the page and in sight. Taken at once, not after the next layout pass: a press focuses a
     * seat or a button and its click changes the page in the same pulse, so an anchor chosen after
     * the pass before (none, at the page's top) let a note above the table take a second line and
     * move the table 16 px down under the pointer between a teacher's first click and the second.
     * The bounds read here are those of the last pass, which are on screen.
     */
    private void focused(Node node) {
        if (node == null || !(scroll.getContent() instanceof Region page) || !InSight.shown(scroll)
                || pageHeightPx < 0 || page.getLayoutBounds().getHeight() != pageHeightPx || !holds(page, node)) {
            return;
        }
        double offset = offset(page);
        double top = top(node, page) - offset;
        if (Math.abs(offset - scrolledPx) < OWN_DRIFT_PX && top >= 0 && top < scroll.getViewportBounds().getHeight()) {
            anchor = node;
            anchorTopPx = top;
        }
    }

    /** How far the page is scrolled, in pixels. */
    private double offset(Region page) {
        double room = page.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        double span = scroll.getVmax() - scroll.getVmin();
        return room <= 0 || span <= 0 ? 0 : (scroll.getVvalue() - scroll.getVmin()) / span * room;
    }

    private void scrollTo(Region page, double pixels) {
        double room = page.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        if (room <= 0) {
            return;
        }
        double fraction = Math.clamp(pixels / room, 0, 1);
        scroll.setVvalue(scroll.getVmin() + fraction * (scroll.getVmax() - scroll.getVmin()));
    }

    /** The anchor for a page scrolled by {@code offset}: see the class comment. */
    private Node pick(Region page, double offset, double viewport) {
        Node focus = scroll.getScene() == null ? null : scroll.getScene().getFocusOwner();
        if (focus != null && holds(page, focus)) {
            double top = top(focus, page) - offset;
            if (top >= 0 && top < viewport) {
                return focus;
            }
        }
        if (offset <= 0) {
            return null;
        }
        Node found = null;
        Parent within = page;
        for (int depth = 0; depth < MAX_DEPTH && within != null; depth++) {
            // The top-most child in sight (in a grid or a stack, list order is not top to bottom).
            Node next = null;
            double nextTop = Double.POSITIVE_INFINITY;
            for (Node child : within.getChildrenUnmodifiable()) {
                // A node held at the view's top moves with the view: kept in place, it scrolled the
                // page by its own shift at every change of height.
                if (!child.isVisible() || !child.isManaged() || InSight.isHeld(child)) {
                    continue;
                }
                Bounds box = bounds(child, page);
                if (box.getMaxY() > offset && box.getMinY() < offset + viewport && box.getMinY() < nextTop) {
                    next = child;
                    nextTop = box.getMinY();
                }
            }
            if (next == null) {
                break;
            }
            found = next;
            boolean wholeTopInSight = bounds(next, page).getMinY() >= offset;
            within = wholeTopInSight || next instanceof Control || !(next instanceof Parent inside) ? null : inside;
        }
        return found;
    }

    /** Whether {@code node} is shown inside {@code page}. */
    private static boolean holds(Region page, Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
            if (at == page) {
                return true;
            }
        }
        return false;
    }

    private static Bounds bounds(Node node, Region page) {
        return page.sceneToLocal(node.localToScene(node.getLayoutBounds()));
    }

    private static double top(Node node, Region page) {
        return bounds(node, page).getMinY();
    }
}
