package dev.interleave.ui.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;

/**
 * A view-model's settings kept between starts in a {@link Preferences} node (one per scenario):
 * each property registered here takes its stored value at once, if there is one, and stores every
 * change. {@link #resetToDefaults()} puts back the values the properties had when registered.
 * Call {@link #load()} once all are registered. A stored value the property refuses (out of range, an enum constant since renamed) is dropped:
 * the view-model's own checks clamp what they clamp, and an unknown name keeps the default.
 *
 * <p>The node comes from {@link #node(String)}: under {@code dev/interleave} in the user's
 * preferences, or under the path {@code -Dinterleave.prefs} names (the tests use their own node,
 * never the user's). With a null node nothing is stored and reset still works. FX thread only.
 */
public final class SavedSettings {

    /** The system property that moves every node elsewhere, e.g. {@code dev/interleave-test}. */
    public static final String ROOT_PROPERTY = "interleave.prefs";

    private final Preferences node;
    private final List<Runnable> defaults = new ArrayList<>();
    /** Applies a stored value and starts storing changes; run by {@link #load()}. */
    private final List<Runnable> loaders = new ArrayList<>();

    /** @param node where to store; null stores nothing */
    public SavedSettings(Preferences node) {
        this.node = node;
    }

    /**
     * The node for {@code name} (a scenario's id, or "window") under the application's root; null
     * (keep nothing) when {@code -Dinterleave.prefs=none}, as the window's scripts set it.
     */
    public static Preferences node(String name) {
        if ("none".equals(System.getProperty(ROOT_PROPERTY))) {
            return null;
        }
        return Preferences.userRoot().node(System.getProperty(ROOT_PROPERTY, "dev/interleave")).node(name);
    }

    /** Writes every node's changes to the backing store now (they are also written at exit). */
    public static void flushAll() {
        if ("none".equals(System.getProperty(ROOT_PROPERTY))) {
            return;
        }
        try {
            Preferences.userRoot().node(System.getProperty(ROOT_PROPERTY, "dev/interleave")).flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // Nothing to do: the settings stay as they were stored last.
        }
    }

    public void add(IntegerProperty property, String key) {
        int initial = property.get();
        defaults.add(() -> property.set(initial));
        if (node != null) {
            loaders.add(() -> {
                property.set(node.getInt(key, initial));
                property.addListener((obs, old, now) -> node.putInt(key, now.intValue()));
            });
        }
    }

    public void add(LongProperty property, String key) {
        long initial = property.get();
        defaults.add(() -> property.set(initial));
        if (node != null) {
            loaders.add(() -> {
                property.set(node.getLong(key, initial));
                property.addListener((obs, old, now) -> node.putLong(key, now.longValue()));
            });
        }
    }

    public void add(BooleanProperty property, String key) {
        boolean initial = property.get();
        defaults.add(() -> property.set(initial));
        if (node != null) {
            loaders.add(() -> {
                property.set(node.getBoolean(key, initial));
                property.addListener((obs, old, now) -> node.putBoolean(key, now));
            });
        }
    }

    /** An enum setting, stored by its constant's name. */
    public <E extends Enum<E>> void add(ObjectProperty<E> property, String key, Class<E> type) {
        E initial = property.get();
        defaults.add(() -> property.set(initial));
        if (node != null) {
            loaders.add(() -> load(property, key, type));
        }
    }

    private <E extends Enum<E>> void load(ObjectProperty<E> property, String key, Class<E> type) {
        {
            String stored = node.get(key, null);
            if (stored != null) {
                try {
                    property.set(Enum.valueOf(type, stored));
                } catch (IllegalArgumentException renamed) {
                    node.remove(key);
                }
            }
            property.addListener((obs, old, now) -> {
                if (now != null) {
                    node.put(key, now.name());
                }
            });
        }
    }

    /**
     * Gives every registered setting its stored value, in the order registered, and from then on
     * stores its changes. Call once, after every {@code add}: each default is taken at its
     * {@code add}, before any stored value can move another setting (a minimum raising its maximum).
     */
    public void load() {
        loaders.forEach(Runnable::run);
        loaders.clear();
    }

    /** Every registered setting back to its default, in the order registered (and stored so). */
    public void resetToDefaults() {
        defaults.forEach(Runnable::run);
    }
}
