package dev.interleave.ui.kit;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A box around one section of a view that remembers the section's heights for the width last
 * asked, until something inside the section asks for a new layout.
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
 */
public final class HeightMemo extends StackPane {

    /** Made at first use: the super constructor calls requestLayout before field initialisers run. */
    private Heights heights;

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
        if (heights != null) {
            heights.forget();
        }
        super.requestLayout();
    }
}
