package dev.interleave.ui.kit;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A setting: its name, a slider (linear, or logarithmic where the range spans decades) and an
 * editable value field with thousands separators, both bound to one integer property. Whatever
 * is typed or dragged ends in [min, max], so the control cannot produce an invalid value (the
 * slider may end sooner, {@link IntInput#sliderMax}, and the field take the rest); when a
 * typed value had to be changed, a line under the field says what was typed and why
 * ({@link IntInput}), until the next change.
 */
public final class SettingSlider extends VBox {

    private static final NumberFormat FORMAT = NumberFormat.getIntegerInstance(Locale.US);

    private final Slider slider;
    private final TextField field;
    private final boolean logarithmic;
    private final int min;
    private final int max;
    private final IntInput input;
    private final Label message = new Label();
    /** Says that the value is past the slider's end, typed or restored (the thumb alone would say the end). */
    private final Label pastSlider = new Label();
    /** After a number in {@link #pastSlider}: " ms" when the setting's name says "(ms)". */
    private final String unit;
    private final IntegerProperty value;
    /** Another setting this one stays at or below ({@link #capBy}); null for none. */
    private ObservableIntegerValue cap;
    /** Why it stays at or below cap, a sentence. */
    private String capReason = "";
    /** What it sets, the tooltip's first line. */
    private final String tooltip;
    private boolean updating;

    public SettingSlider(String id, String name, IntegerProperty value, int min, int max, boolean logarithmic, String tooltip) {
        this(id, name, value, new IntInput(min, max, ""), logarithmic, tooltip);
    }

    /**
     * @param input the range, where the slider ends ({@link IntInput#sliderMax}), and why the window or
     *              its slider stops where it does
     */
    public SettingSlider(String id, String name, IntegerProperty value, IntInput input, boolean logarithmic, String tooltip) {
        this.value = value;
        this.input = input;
        this.min = input.min();
        this.max = input.max();
        this.logarithmic = logarithmic;
        this.unit = name.endsWith("(ms)") ? " ms" : "";
        getStyleClass().add("setting");
        setId(id);

        Label label = new Label(name);
        label.getStyleClass().add("setting-name");
        field = new TextField();
        field.setId(id + "-field");
        field.setPrefColumnCount(8);
        field.setAlignment(Pos.CENTER_RIGHT);
        // Anything may be typed; the commit says what it made of it (a filter that dropped
        // keystrokes turned "-5" into 5 without a word).

        // A click on the name types into the field, as a form's label does: a click meant for a field
        // that a message above had just pushed down landed on its name, and the digit typed next
        // stepped a thread (digits step the labs' threads when no field has the keys).
        label.setLabelFor(field);
        label.setOnMouseClicked(e -> field.requestFocus());
        HBox header = new HBox(8, label, field);
        header.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(label, Priority.ALWAYS);
        label.setMaxWidth(Double.MAX_VALUE);
        // Where the row is narrow (200 % in 1024x700) the name stays whole ("Concurre..." was cut),
        // on two lines if it must ("Increments each" pushed the field past the panel's edge, "250,00"),
        // and the field gives up its spare columns, down to the room its widest value takes.
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        Controls.roomForTheLongestWord(label);
        String widest = FORMAT.format(max).length() >= FORMAT.format(min).length() ? FORMAT.format(max) : FORMAT.format(min);
        Controls.roomForTheWidest(field, widest);

        int sliderMax = input.sliderMax();
        slider = logarithmic ? new Slider(Math.log10(Math.max(1, min)), Math.log10(sliderMax), 0)
                : new Slider(min, sliderMax, min);
        slider.setId(id + "-slider");
        slider.setBlockIncrement(logarithmic ? 0.1 : Math.max(1, (sliderMax - min) / 100.0));
        Controls.asFieldMessage(message, id + "-message");
        Controls.asFieldMessage(pastSlider, id + "-past-slider");
        getChildren().addAll(header, message, slider, pastSlider);
        setSpacing(2);

        this.tooltip = tooltip;
        String range = "Allowed: " + input.range() + "." + (input.notes().isEmpty() ? "" : " " + input.notes());
        for (Node each : List.of(this, slider, field)) {
            Controls.tip(each, tooltip + "\n" + range);
        }

        show(value.get());
        value.addListener((obs, old, now) -> {
            message.setText(""); // a new value (a preset, the slider): the old message no longer applies
            show(now.intValue());
        });
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!updating) {
                message.setText("");
                value.set(fromSlider(now.doubleValue()));
            }
        });
        // Past the slider's end the keys that move the thumb are kept from it: Enter in the field gives
        // the slider the keys, and an arrow then set a typed 5,000 to 990 without a word.
        slider.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (value.get() > input.sliderMax() && Controls.movesAThumb(e.getCode())) {
                e.consume();
            }
        });
        field.setOnAction(e -> commit());
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commit();
            }
        });
    }

    private void commit() {
        if (field.getText().equals(FORMAT.format(value.get()))) {
            return; // nothing typed: focus merely left the field
        }
        IntInput now = cap == null || cap.get() >= input.max() ? input
                : new IntInput(input.min(), Math.max(input.min(), cap.get()), capReason);
        IntInput.Reading reading = now.read(field.getText(), value.get());
        value.set(reading.value());
        show(value.get());
        // A model that keeps the value within another setting may have set it lower still (the race
        // lab's threads x increments): its own note says why, and "set to 10,000,000" above a field
        // that reads 2,500,000 would not be true.
        message.setText(value.get() == reading.value() ? reading.message() : "");
    }

    /**
     * Keeps the value at most {@code cap}, another setting, and says so: a value typed above it is
     * read against it ("9 is above the maximum, 3: set to 3." and {@code why}), the slider ends at it,
     * and when lowering the cap lowers the value (the model does that) the line says "Lowered to 1:"
     * and {@code why}. Linear sliders only. Call once.
     */
    public void capBy(ObservableIntegerValue cap, String why) {
        if (logarithmic) {
            throw new IllegalStateException("a logarithmic slider is not capped");
        }
        this.cap = cap;
        this.capReason = why;
        // The tooltips say the range as it is now, not the input's whole one ("Allowed: 0 to 15" beside a
        // slider that ended at 9).
        Runnable tips = () -> {
            String range = String.format(Locale.ROOT, "Allowed now: %s to %s. %s", FORMAT.format(min),
                    FORMAT.format(Math.max(min, Math.min(max, cap.get()))), why);
            for (Node each : List.of(this, slider, field)) {
                Controls.tip(each, tooltip + "\n" + range);
            }
        };
        cap.addListener(obs -> tips.run());
        tips.run();
        slider.maxProperty().bind(Bindings.createDoubleBinding(
                () -> (double) Math.max(min, Math.min(input.sliderMax(), cap.get())), cap));
        value.addListener((obs, old, now) -> {
            if (now.intValue() < old.intValue() && now.intValue() == cap.get() && old.intValue() > cap.get()) {
                message.setText(String.format(Locale.ROOT, "Lowered to %s: %s", FORMAT.format(now.intValue()),
                        Character.toLowerCase(why.charAt(0)) + why.substring(1)));
            }
        });
    }

    /**
     * Clears the line under the field whenever {@code trigger} changes: a view passes its model's
     * {@link RunViewModel#freshStartsProperty()}, so that what was said about a value typed before a
     * Run or Reset does not stay on screen beside the next run's figures.
     */
    public void clearsMessageOn(ObservableValue<?> trigger) {
        trigger.addListener((obs, old, now) -> message.setText(""));
    }

    /** The line under the field: why the typed value was changed; empty when it was not. */
    public String message() {
        return message.getText();
    }

    private void show(int value) {
        updating = true;
        try {
            // A value typed beyond the slider's end puts the thumb at the end; the field says the value.
            int onSlider = Math.min(value, input.sliderMax());
            slider.setValue(logarithmic ? Math.log10(Math.max(1, onSlider)) : onSlider);
            pastSlider.setText(input.pastSlider(value, unit));
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
        return (int) Math.max(min, Math.min(input.sliderMax(), rounded));
    }
}
