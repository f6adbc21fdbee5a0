package dev.interleave.ui.shell;

import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import dev.interleave.ui.kit.Motion;
import dev.interleave.ui.kit.SavedSettings;

/**
 * The window's own settings: the theme, the zoom, the Auto-step rate and the motion speed
 * ({@link Motion}), kept between starts (the node
 * {@code window}). On the first start the theme follows the desktop's preference (what the shell
 * passes in); later, the one last chosen. Zoom multiplies the root font size, which every size in
 * the stylesheet (em) follows: 100 % to 200 % in steps, for projectors. FX thread only; holds no
 * {@code Node}.
 */
public final class WindowModel {

    /** The zoom steps, Ctrl+= and Ctrl+- move along them. */
    public static final List<Double> ZOOMS = List.of(1.0, 1.1, 1.25, 1.5, 1.75, 2.0);

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);
    /** The motion speed. Never null. */
    private final ObjectProperty<Motion.Speed> motion = new SimpleObjectProperty<>(this, "motion", Motion.Speed.NORMAL);
    /** Auto-step's steps per second. Invariant: AutoStep.MIN_RATE <= rate <= AutoStep.MAX_RATE. */
    private final IntegerProperty autoStepRate = new SimpleIntegerProperty(this, "autoStepRate", 2);
    /** Whether the views show their settings panels; hidden, a view's figures take the whole width. */
    private final BooleanProperty settingsShown = new SimpleBooleanProperty(this, "settingsShown", true);
    private final StringBinding zoomText = Bindings.createStringBinding(
            () -> String.format(Locale.ROOT, "%.0f %%", zoom.get() * 100), zoom);

    /**
     * @param saved        where theme and zoom are kept; null keeps them nowhere
     * @param desktopTheme the theme for a first start: the desktop's light or dark preference
     */
    public WindowModel(Preferences saved, Theme desktopTheme) {
        theme.set(desktopTheme);
        theme.addListener((obs, old, now) -> {
            if (now == null) {
                theme.set(old);
            }
        });
        zoom.addListener((obs, old, now) -> {
            double clamped = Math.clamp(now.doubleValue(), ZOOMS.getFirst(), ZOOMS.getLast());
            if (clamped != now.doubleValue()) {
                zoom.set(clamped);
            }
        });
        motion.addListener((obs, old, now) -> {
            if (now == null) {
                motion.set(old);
            }
        });
        autoStepRate.addListener((obs, old, now) -> {
            int clamped = Math.clamp(now.intValue(), AutoStep.MIN_RATE, AutoStep.MAX_RATE);
            if (clamped != now.intValue()) {
                autoStepRate.set(clamped);
            }
        });
        SavedSettings store = new SavedSettings(saved);
        store.add(theme, "theme", Theme.class);
        store.add(autoStepRate, "autoStepRate");
        store.add(motion, "motion", Motion.Speed.class);
        store.load();
        if (saved != null) {
            zoom.set(saved.getDouble("zoom", 1.0));
            zoom.addListener((obs, old, now) -> saved.putDouble("zoom", now.doubleValue()));
        }
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Auto-step's steps per second, 1 to 20 (a value outside is brought inside). */
    public IntegerProperty autoStepRateProperty() {
        return autoStepRate;
    }

    /** How fast the views' motion plays: one setting for the window (the window binds {@link Motion} to it). */
    public ObjectProperty<Motion.Speed> motionProperty() {
        return motion;
    }

    /** Light to dark, or dark to light. */
    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    /**
     * Whether the views show their settings panels (on the left). A teacher in front of a class
     * hides them once the settings are chosen: the buffer, its chips and its code get the width.
     */
    public BooleanProperty settingsShownProperty() {
        return settingsShown;
    }

    /** The zoom factor: 1 is 100 %. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** "150 %". */
    public StringBinding zoomTextBinding() {
        return zoomText;
    }

    /** The next zoom step up; at 200 % it stays. */
    public void zoomIn() {
        for (double step : ZOOMS) {
            if (step > zoom.get() + 1e-9) {
                zoom.set(step);
                return;
            }
        }
    }

    /** The next zoom step down; at 100 % it stays. */
    public void zoomOut() {
        for (double step : ZOOMS.reversed()) {
            if (step < zoom.get() - 1e-9) {
                zoom.set(step);
                return;
            }
        }
    }

    /** Back to 100 %. */
    public void zoomReset() {
        zoom.set(1.0);
    }
}
