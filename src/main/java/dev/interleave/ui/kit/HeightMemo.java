package dev.interleave.ui.kit;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A box around one section of a view that remembers the section's heights for the width last
 * asked, until something inside the section asks for a new layout; and that keeps such a request
 * from laying out every box above it when the section's size did not change.
 *
 * <p>Why: a wrapped label gives every box above it a horizontal content bias, and JavaFX remembers a
 * box's sizes only when no width is given; so each layout pass of a scrolled view asks every such
 * section for its height at the viewport's width, several times (minimum, preferred, maximum; the
 * scroll pane, the stack, the box), each time down to the text layout of each wrapped label, even
 * when nothing in the section changed. During a free run a text changes somewhere at every frame,
 * and those passes took most of the frame.
 *
 * <p>Why it is never stale: anything inside that may change size (a text, a font, a child added or
 * hidden from layout) calls {@code requestLayout}, which passes through this box on its way up and
 * forgets what it remembered, as {@link javafx.scene.Parent} forgets its own sizes.
 *
 * <p>Why the boxes above are not asked for nothing: once the section has been laid out, a request
 * from inside lays out only the section, in the next pass; there this box measures the section
 * again at the widths its parent asked, and only if a height or width changed (or it is laid out at
 * a width it no longer remembers being asked) does it pass the request up, after the pass (a
 * request during a pass is dropped by a parent laying out). The boxes above then lay out again a
 * frame later, and a frame later again for each memo around this one. In the frames between, the
 * section is laid out in its old size; its heights asked meanwhile are measured afresh, its widths
 * not (the parent's cache).
 */
public final class HeightMemo extends StackPane {

    /** Made at first use: the super constructor calls requestLayout before field initialisers run. */
    private Heights heights;
    /** The heights the parent was last told, while a change inside waits to be measured; else null. */
    private Heights told;
    /** Whether this box is laying out its section now. */
    private boolean layingOut;

    public HeightMemo(Node section) {
        super(section);
        setAlignment(Pos.TOP_LEFT);
        getStyleClass().add("height-memo");
        // A section out of the layout (hidden with its managed flag) takes its memo out with it: no gap.
        managedProperty().bind(section.managedProperty());
    }

    /** Each of {@code sections} in its own memo, in order. */
    public static Node[] each(Node... sections) {
        Node[] memos = new Node[sections.length];
        for (int i = 0; i < sections.length; i++) {
            memos[i] = new HeightMemo(sections[i]);
        }
        return memos;
    }

    @Override
    protected double computePrefHeight(double width) {
        return heights().pref(width, super::computePrefHeight);
    }

    @Override
    protected double computeMinHeight(double width) {
        return heights().min(width, super::computeMinHeight);
    }

    private Heights heights() {
        if (heights == null) {
            heights = new Heights();
        }
        return heights;
    }

    @Override
    public void requestLayout() {
        if (heights != null && (told != null || heights.known()) && !layingOut && getParent() != null) {
            if (told == null) {
                told = heights.copy();
            }
            heights.forget();
            setNeedsLayout(true); // this box only: measured in layoutChildren
            return;
        }
        if (heights != null) {
            heights.forget();
        }
        super.requestLayout();
    }

    @Override
    protected void layoutChildren() {
        layingOut = true;
        try {
            if (told != null) {
                Heights before = told;
                told = null;
                boolean sameWidths = prefWidth(-1) == super.computePrefWidth(-1) // the parent's cache: what it was told
                        && minWidth(-1) == super.computeMinWidth(-1);
                // Laid out at a width whose questions it forgot (a parent asked at three): passed up too.
                boolean asked = before.knownAt(getWidth());
                boolean same = before.stillIn(heights(), super::computePrefHeight, super::computeMinHeight);
                if (!(same & sameWidths & asked)) {
                    // What it remembers now is the new size: the boxes above ask for it, in the next pass.
                    Platform.runLater(HeightMemo.super::requestLayout);
                }
            }
            super.layoutChildren();
        } finally {
            layingOut = false;
        }
    }
}
