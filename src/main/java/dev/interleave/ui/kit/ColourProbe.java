package dev.interleave.ui.kit;

import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;

/**
 * A theme's looked-up colour for a canvas to draw with: a hidden, unmanaged region whose background
 * is that colour. Its owner adds it to its children, reads {@link #paint} when drawing, and hears
 * from it when a theme switch changes the colour (after the frame's styling, once per probe).
 */
public final class ColourProbe extends Region {

    /** A probe of {@code lookedUp} (such as {@code -il-failed}); {@code changed} runs when its colour does. */
    public ColourProbe(String lookedUp, Runnable changed) {
        setStyle("-fx-background-color: " + lookedUp + ";");
        setManaged(false);
        setVisible(false);
        backgroundProperty().addListener((obs, old, now) -> changed.run());
    }

    /** The colour, or {@code fallback} before the probe is styled. */
    public Paint paint(Paint fallback) {
        Background background = getBackground();
        return background == null || background.getFills().isEmpty() ? fallback : background.getFills().getFirst().getFill();
    }
}
