package dev.interleave.ui.kit;

import java.text.NumberFormat;
import java.util.Locale;

import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.TraversalDirection;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.RangeSlider;

/**
 * A delay range: its caption, a range slider (by log(1 + ms): {@link #place}), and two fields for
 * the least and the most, so that an exact range (0 .. 0 above all, which the slider's thumbs cannot reach: they keep a thumb's width
 * apart) can be typed. The slider may end before the fields' range does ({@link IntInput#sliderMax}):
 * a value beyond it puts the thumb at the end, and only dragging moves the value from the slider. A
 * typed value out of range is changed with the reason under the fields ({@link IntInput}). FX thread
 * only.
 */
public final class DelayInput extends VBox {

    private static final NumberFormat FORMAT = NumberFormat.getIntegerInstance(Locale.US);

    private final Label message = new Label();
    /** Says that the range's upper end is past the slider's end, typed or restored (both thumbs sit at the end). */
    private final Label pastSlider = new Label();
    /** True while the slider is moved to show the model's values: its clamping is not taken as a drag. */
    private boolean updating;

    public DelayInput(String id, String caption, IntegerProperty min, IntegerProperty max, IntInput input, String tooltip) {
        super(4);
        setId(id);
        int end = input.sliderMax();
        RangeSlider range = new RangeSlider(0, TRACK, place(Math.min(min.get(), end), end),
                place(Math.min(max.get(), end), end));
        range.setId(id + "-slider");
        range.setBlockIncrement(TRACK / 100.0);
        range.lowValueProperty().addListener((obs, old, now) -> {
            if (!updating) {
                min.set(Math.max(input.min(), millisAt(now.doubleValue(), end)));
            }
        });
        range.highValueProperty().addListener((obs, old, now) -> {
            if (!updating) {
                max.set(Math.max(input.min(), millisAt(now.doubleValue(), end)));
            }
        });
        // Past the slider's end the keys that move a thumb are kept from it (as SettingSlider's).
        range.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (max.get() > input.sliderMax() && Controls.movesAThumb(e.getCode())) {
                e.consume();
            }
        });
        tabLeavesIt(range);
        endsAreThePages(range);
        Runnable show = () -> {
            updating = true;
            try {
                // High first, so that the low thumb is not held below an old high end.
                range.setHighValue(place(Math.min(max.get(), end), end));
                range.setLowValue(place(Math.min(min.get(), end), end));
                range.setHighValue(place(Math.min(max.get(), end), end));
                pastSlider.setText(input.pastSlider(max.get(), " ms"));
            } finally {
                updating = false;
            }
        };
        min.addListener((obs, old, now) -> show.run());
        max.addListener((obs, old, now) -> show.run());
        show.run(); // the constructor's values may have been clamped against its default high end
        TextField low = field(id + "-min", min, max,
                "The upper end moved up to %s ms with it: it is never below the lower.", input);
        TextField high = field(id + "-max", max, min,
                "The lower end moved down to %s ms with it: it is never above the upper.", input);
        // Enter in the upper field: the keys go to the range, on its upper thumb (they went to the lower,
        // and Left and Right then moved the other end: a keyboard user's tryout). The range's own Tab
        // moves its focus from the lower thumb to the upper; there is no other way in to its skin.
        high.getProperties().put(Controls.AFTER_ENTER, (Runnable) () -> {
            Node lowThumb = range.lookup(".low-thumb");
            if (lowThumb != null && lowThumb.isFocused()) {
                range.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, false, false, false, false));
            }
        });
        Label to = new Label("to");
        Label unit = new Label("ms");
        // Whole: when the panel is narrow (1024x700 at 150 %) the fields give up their spare room, not
        // "to" and "ms", which read "..." there.
        to.setMinWidth(Region.USE_PREF_SIZE);
        unit.setMinWidth(Region.USE_PREF_SIZE);
        HBox fields = new HBox(6, low, to, high, unit);
        fields.setAlignment(Pos.CENTER_LEFT);
        Label label = new Label(caption);
        label.getStyleClass().add("setting-name");
        label.setWrapText(true);
        Controls.asFieldMessage(message, id + "-message");
        Controls.asFieldMessage(pastSlider, id + "-past-slider");
        getChildren().addAll(label, range, pastSlider, fields, message);
        getStyleClass().add("setting"); // as a SettingSlider: Enter in a field gives the keys to its slider
        Controls.tip(this, tooltip + " Allowed: " + input.range() + " ms. " + input.notes());
    }

    /**
     * Home and End move a thumb only when pressed here: ControlsFX's range acts on their release, and
     * the release of Ctrl+End, whose press the window takes to scroll the page to its foot, sent a
     * clicked thumb to the end of its track, and the run's think time with it (a student's tryout).
     */
    private static void endsAreThePages(RangeSlider range) {
        KeyCode[] pressedHere = {null};
        // Seen only by a press no filter before took (the window's, or one past the slider's end).
        range.addEventHandler(KeyEvent.KEY_PRESSED, e -> pressedHere[0] = e.getCode());
        range.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if ((e.getCode() == KeyCode.HOME || e.getCode() == KeyCode.END) && pressedHere[0] != e.getCode()) {
                e.consume();
            }
            pressedHere[0] = null;
        });
    }

    /**
     * Tab and Shift+Tab go through the range's two thumbs and then on, out of it: Tab from the low
     * thumb to the high, from the high to the next control; Shift+Tab from the high to the low, from
     * the low to the control before. Ctrl+Tab and Ctrl+Shift+Tab leave it from either thumb.
     * ControlsFX's range slider moves on by asking the focus for its next sibling, here a label,
     * which does not take it: Tab, Shift+Tab and Ctrl+Tab all stayed on the range, and a
     * keyboard-only tryout could reach nothing after it. The arrow keys stay the thumbs'.
     */
    private static void tabLeavesIt(RangeSlider range) {
        range.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.TAB || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            Node low = range.lookup(".low-thumb");
            Node high = range.lookup(".high-thumb");
            boolean onward = !e.isShiftDown();
            boolean between = !e.isControlDown() && (onward ? low != null && low.isFocused()
                    : high != null && high.isFocused());
            if (!between) { // else the range's own: to its other thumb
                range.requestFocusTraversal(onward ? TraversalDirection.NEXT : TraversalDirection.PREVIOUS);
                e.consume();
            }
        });
        // One stop in the line, the range: its skin makes its low thumb a stop of its own, next after
        // the range, which then took the focus from it (and Shift+Tab from the field under it).
        range.skinProperty().addListener((obs, old, skin) -> {
            Node low = range.lookup(".low-thumb");
            if (low != null) {
                low.setFocusTraversable(false);
            }
        });
    }

    /** The slider's track, in places: {@link #place} maps milliseconds onto it. */
    public static final int TRACK = 1_000;

    /**
     * Where on the track (0 to {@link #TRACK}) {@code millis} sits on a slider that ends at {@code end}
     * ms: by log(1 + ms), so that 0 to 100 ms, where most runs are set, has most of the track. Linear,
     * 0 to 100 of 2,000 ms was a twentieth of it, under the two thumbs (a learner saw one blob, and
     * the range between them never showed).
     */
    public static double place(int millis, int end) {
        return TRACK * Math.log1p(millis) / Math.log1p(end);
    }

    /** The milliseconds at {@code place} on the track of a slider that ends at {@code end} ms; {@link #place}'s inverse. */
    static int millisAt(double place, int end) {
        return (int) Math.min(end, Math.round(Math.expm1(place / TRACK * Math.log1p(end))));
    }

    /**
     * A field for {@code value}; {@code other} is the range's other end, which the model moves to keep
     * lower <= upper, and {@code otherMoved} what is said when it does (a format of its new value).
     */
    private TextField field(String id, IntegerProperty value, IntegerProperty other, String otherMoved,
                            IntInput input) {
        TextField field = new TextField(FORMAT.format(value.get()));
        field.setId(id);
        field.setPrefColumnCount(5);
        field.setAlignment(Pos.CENTER_RIGHT);
        Controls.roomForTheWidest(field, FORMAT.format(input.max()));
        value.addListener((obs, old, now) -> {
            field.setText(FORMAT.format(now.intValue()));
            message.setText("");
        });
        Runnable commit = () -> {
            if (field.getText().equals(FORMAT.format(value.get()))) {
                return; // nothing typed: focus merely left the field
            }
            IntInput.Reading reading = input.read(field.getText(), value.get());
            int otherBefore = other.get();
            value.set(reading.value());
            field.setText(FORMAT.format(value.get()));
            // The other end moved with it (the lower is at most the upper): said, not done silently.
            // Read aloud in class, "the most moved to 6,000 ms with it: a range's least is at most its
            // most" took a second reading.
            String moved = other.get() == otherBefore ? "" : String.format(Locale.ROOT, otherMoved,
                    FORMAT.format(other.get()));
            message.setText(reading.message().isEmpty() ? moved : moved.isEmpty() ? reading.message()
                    : reading.message() + " " + moved);
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commit.run();
            }
        });
        return field;
    }

    /** Clears the line under the fields whenever {@code trigger} changes (as SettingSlider#clearsMessageOn). */
    public void clearsMessageOn(ObservableValue<?> trigger) {
        trigger.addListener((obs, old, now) -> message.setText(""));
    }

    /** The line under the fields: why a typed value was changed; empty when it was not. */
    public String message() {
        return message.getText();
    }
}
