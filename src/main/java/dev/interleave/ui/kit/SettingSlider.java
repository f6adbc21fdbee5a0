package dev.interleave.ui.kit;

import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

import javafx.beans.property.IntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A setting: its name, a slider (linear, or logarithmic where the range spans decades) and an
 * editable value field with thousands separators, both bound to one integer property. Whatever
 * is typed or dragged is clamped to [min, max], so the control cannot produce an invalid value.
 */
public final class SettingSlider extends VBox {

    private static final NumberFormat FORMAT = NumberFormat.getIntegerInstance(Locale.US);

    private final Slider slider;
    private final TextField field;
    private final boolean logarithmic;
    private final int min;
    private final int max;
    private boolean updating;

    public SettingSlider(String id, String name, IntegerProperty value, int min, int max, boolean logarithmic, String tooltip) {
        this.min = min;
        this.max = max;
        this.logarithmic = logarithmic;
        getStyleClass().add("setting");
        setId(id);

        Label label = new Label(name);
        label.getStyleClass().add("setting-name");
        field = new TextField();
        field.setId(id + "-field");
        field.setPrefColumnCount(8);
        field.setAlignment(Pos.CENTER_RIGHT);
        field.setTextFormatter(new TextFormatter<>(change ->
                change.getControlNewText().matches("[0-9,]*") ? change : null));
        HBox header = new HBox(8, label, field);
        header.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(label, Priority.ALWAYS);
        label.setMaxWidth(Double.MAX_VALUE);

        slider = logarithmic ? new Slider(Math.log10(Math.max(1, min)), Math.log10(max), 0) : new Slider(min, max, min);
        slider.setId(id + "-slider");
        slider.setBlockIncrement(logarithmic ? 0.1 : Math.max(1, (max - min) / 100.0));
        getChildren().addAll(header, slider);
        setSpacing(2);

        Tooltip tip = new Tooltip(tooltip);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        Tooltip.install(this, tip);
        slider.setTooltip(tip);
        field.setTooltip(tip);

        show(value.get());
        value.addListener((obs, old, now) -> show(now.intValue()));
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!updating) {
                value.set(fromSlider(now.doubleValue()));
            }
        });
        field.setOnAction(e -> commit(value));
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commit(value);
            }
        });
    }

    private void commit(IntegerProperty value) {
        Number typed = FORMAT.parse(field.getText().replace(",", ""), new ParsePosition(0));
        int clamped = typed == null ? value.get() : (int) Math.max(min, Math.min(max, typed.longValue()));
        value.set(clamped);
        show(value.get());
    }

    private void show(int value) {
        updating = true;
        try {
            slider.setValue(logarithmic ? Math.log10(Math.max(1, value)) : value);
            field.setText(FORMAT.format(value));
        } finally {
            updating = false;
        }
    }

    private int fromSlider(double position) {
        double raw = logarithmic ? Math.pow(10, position) : position;
        long rounded = Math.round(raw);
        if (logarithmic && rounded > 10) {
            // Round to two significant figures so dragging lands on readable numbers.
            double magnitude = Math.pow(10, Math.floor(Math.log10(rounded)) - 1);
            rounded = Math.round(Math.round(rounded / magnitude) * magnitude);
        }
        return (int) Math.max(min, Math.min(max, rounded));
    }
}
