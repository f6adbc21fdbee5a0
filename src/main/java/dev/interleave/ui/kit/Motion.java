package dev.interleave.ui.kit;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;

import dev.interleave.engine.run.Labelled;

/**
 * How fast the views' motion plays (an item travelling into its slot, a woken thread's chip going
 * back to its lane): off, normal or slow. One setting for the whole window, like its theme: the
 * window binds {@link #speedProperty()} to its own kept setting (View menu), and the views read it. Motion is only drawn: the engine never
 * waits for a picture, and with motion off every view behaves exactly as without it. FX thread only.
 */
public final class Motion {

    /** The speeds a presenter can choose. */
    public enum Speed implements Labelled {
        /** No motion: figures change in place. */
        OFF("off", Duration.ZERO),
        /** A move takes a third of a second: quick enough for Auto-step at a few steps a second. */
        NORMAL("normal", Duration.millis(350)),
        /** A move takes a second: for explaining one step at a time to a class. */
        SLOW("slow", Duration.millis(1_000));

        private final String label;
        private final Duration duration;

        Speed(String label, Duration duration) {
            this.label = label;
            this.duration = duration;
        }

        @Override
        public String label() {
            return label;
        }

        /** How long one move takes. */
        public Duration duration() {
            return duration;
        }
    }

    private static final ObjectProperty<Speed> SPEED = new SimpleObjectProperty<>(Motion.class, "speed", Speed.NORMAL);

    private Motion() {
    }

    /** The window's motion speed; bound by the window to its setting (never null). */
    public static ObjectProperty<Speed> speedProperty() {
        return SPEED;
    }
}
