package dev.interleave.ui.kit;

import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;

/**
 * One choice among a few values, as a row of toggle buttons that wraps onto a second line when the
 * settings panel is narrower than the row (four counter kinds under a large font), instead of
 * cutting the words ("synchroniz…") as a segmented button does. Exactly one button is selected at
 * all times, and it follows the bound property both ways, except while the row is greyed out on its
 * own (its choice does not apply to the setup): then none is, so that the window does not show a
 * choice that is not in effect (the monitor's wake-up policy read "signal" though it calls
 * notifyAll()), and the property keeps its value for when the row applies again. FX thread only.
 *
 * @param <T> the values chosen among
 */
public final class ChoiceRow<T> extends FlowPane {

    private final ToggleGroup group = new ToggleGroup();

    /**
     * @param id       the row's id; each button's id is {@code id-label}
     * @param values   the values, in the order shown
     * @param property the chosen value, kept in step both ways
     * @param label    a value's word on its button
     * @param tooltip  a value's explanation
     */
    public ChoiceRow(String id, List<T> values, ObjectProperty<T> property, Function<T, String> label,
                     Function<T, String> tooltip) {
        super(4, 4);
        setId(id);
        getStyleClass().add("choice-row");
        for (T value : values) {
            ToggleButton button = new ToggleButton(label.apply(value));
            button.setId(id + "-" + label.apply(value));
            button.setUserData(value);
            button.setToggleGroup(group);
            Controls.tip(button, tooltip.apply(value));
            button.setMinWidth(USE_PREF_SIZE); // wrap, never squeeze the words
            getChildren().add(button);
        }
        Controls.arrowsKeepTheRing(buttons());
        Runnable show = () -> buttons().forEach(b -> b.setSelected(!isDisable() && b.getUserData() == property.get()));
        show.run();
        property.addListener((obs, old, now) -> show.run());
        // Greyed out on its own (it does not apply to the setup, as the wake-up policy of a buffer
        // without one), not by a run that locks the settings (a parent's disable): nothing is chosen.
        disableProperty().addListener((obs, old, now) -> show.run());
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                if (!isDisable()) {
                    show.run(); // a choice is always made: clicking the selected one keeps it
                }
            } else {
                @SuppressWarnings("unchecked")
                T chosen = (T) now.getUserData();
                property.set(chosen);
            }
        });
    }

    /** The buttons, one per value, in order. */
    public List<ToggleButton> buttons() {
        ObservableList<Node> children = getChildren();
        return children.stream().map(ToggleButton.class::cast).toList();
    }
}
