package dev.interleave.ui.kit;

import javafx.scene.control.Label;

/**
 * A label that wraps its text and remembers its height for the width last asked, until its text,
 * font or anything else about it asks for a new layout (as {@link HeightMemo} does for a section).
 * A wrapped label's height at a width is a text layout, and a grid asks each cell's heights several
 * times a pass: the code panel's lines, which never change while chips move beside them at every
 * frame, were measured again at every frame.
 */
public class WrapLabel extends Label {

    /** Made at first use: the super constructor calls requestLayout before field initialisers run. */
    private Heights heights;

    public WrapLabel(String text) {
        super(text);
        setWrapText(true);
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
