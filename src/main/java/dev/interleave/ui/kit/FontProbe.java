package dev.interleave.ui.kit;

import javafx.scene.control.Label;

/**
 * The window's text size (the root's, with the zoom) for a canvas to size its drawing by: a hidden,
 * unmanaged label whose owner adds it to its children and hears from it when the size changes.
 */
public final class FontProbe extends Label {

    /** A probe; {@code changed} runs when the text size does (a zoom, a new window size). */
    public FontProbe(Runnable changed) {
        setManaged(false);
        setVisible(false);
        fontProperty().addListener((obs, old, now) -> changed.run());
    }
}
