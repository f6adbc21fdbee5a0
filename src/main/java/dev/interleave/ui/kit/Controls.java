package dev.interleave.ui.kit;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;

/** Small builders the views share. */
public final class Controls {

    private Controls() {
    }

    /** A segmented choice among {@code values}, kept in step with {@code property} both ways. */
    public static <T> SegmentedButton segmented(String id, List<T> values, ObjectProperty<T> property,
                                         Function<T, String> label, Function<T, String> tooltip) {
        SegmentedButton segmented = new SegmentedButton();
        segmented.setId(id);
        for (T value : values) {
            ToggleButton button = new ToggleButton(label.apply(value));
            button.setId(id + "-" + label.apply(value));
            button.setUserData(value);
            button.setTooltip(tip(tooltip.apply(value)));
            segmented.getButtons().add(button);
        }
        Runnable show = () -> segmented.getButtons().forEach(b -> b.setSelected(b.getUserData() == property.get()));
        show.run();
        property.addListener((obs, old, now) -> show.run());
        segmented.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                show.run(); // a choice is always made: clicking the selected one keeps it
            } else {
                @SuppressWarnings("unchecked")
                T chosen = (T) now.getUserData();
                property.set(chosen);
            }
        });
        return segmented;
    }

    public static Tooltip tip(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(380);
        return tooltip;
    }

    /** A section heading in a settings column. */
    public static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("heading");
        return label;
    }

    /** A control with its caption above it. */
    public static VBox labelled(String caption, javafx.scene.Node control) {
        Label label = new Label(caption);
        label.getStyleClass().add("setting-name");
        return new VBox(4, label, control);
    }

    /** A figure: a small caption over a large value. */
    public static VBox figure(String id, String caption, Label value, String tooltip) {
        value.setId(id);
        value.getStyleClass().add("figure-value");
        Label label = new Label(caption);
        label.getStyleClass().add("figure-caption");
        VBox box = new VBox(2, label, value);
        box.getStyleClass().add("figure");
        Tooltip.install(box, tip(tooltip));
        return box;
    }

    /** A figure with a second, smaller line under the value. */
    public static VBox figure(String id, String caption, Label value, Label detail, String tooltip) {
        VBox box = figure(id, caption, value, tooltip);
        detail.setId(id + "-detail");
        detail.getStyleClass().add("figure-detail");
        box.getChildren().add(detail);
        return box;
    }

    /** A number with thousands separators, kept up to date. */
    public static void bindNumber(Label label, ObservableNumberValue value) {
        label.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%,d", value.longValue()), value));
    }

    /**
     * The settings panel on a view's left: {@code sections} stacked in a padded box that scrolls
     * when the window is too short for it.
     */
    public static ScrollPane settingsPanel(javafx.scene.Node... sections) {
        VBox box = new VBox(12, sections);
        box.getStyleClass().add("settings");
        box.setPadding(new javafx.geometry.Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(300);
        scroll.setMinWidth(260);
        scroll.getStyleClass().add("settings-scroll");
        return scroll;
    }
}
