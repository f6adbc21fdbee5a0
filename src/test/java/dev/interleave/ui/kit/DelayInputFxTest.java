package dev.interleave.ui.kit;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.RangeSlider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A delay's two fields in a narrow settings panel (1024x700 at 150 %: 19.5 px text in a panel
 * about 14 em wide): the fields give up room and "to" and "ms" stay whole (they read "...").
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class DelayInputFxTest {

    private DelayInput delay;
    private Stage stage;

    @Start
    void start(Stage primary) {
        delay = new DelayInput("produce", "Produce delay (ms), applies live", new SimpleIntegerProperty(100),
                new SimpleIntegerProperty(700), new IntInput(0, 10_000, ""), "The time to make an item.");
        VBox panel = new VBox(delay);
        panel.setStyle("-fx-font-size: 19.5px; -fx-padding: 12px;");
        stage = StyledStage.show(panel, 14 * 19.5, 300);
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    @AfterAll
    static void unthemed() {
        StyledStage.unthemed(); // after the focus ring's test, in the window's theme
    }

    @Test
    void toAndMsStayWholeWhenThePanelIsNarrow(FxRobot robot) {
        List<String> cut = new ArrayList<>();
        double[] fieldWidth = new double[1];
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            for (var node : delay.lookupAll(".label")) {
                Label label = (Label) node;
                if (List.of("to", "ms").contains(label.getText()) && label.getWidth() < label.prefWidth(-1) - 0.5) {
                    cut.add(label.getText() + ": " + label.getWidth() + " of " + label.prefWidth(-1) + " px");
                }
            }
            fieldWidth[0] = ((TextField) delay.lookup("#produce-max")).getWidth();
        });
        assertEquals(List.of(), cut, "cut to '...'");
        assertTrue(fieldWidth[0] >= 2.5 * 19.5, "the field still shows '700': " + fieldWidth[0] + " px");
    }

    /**
     * A range typed past the slider's end (restored from the last start, here) puts both thumbs at the
     * end and says so: the low thumb was left at 0, clamped against the slider's default high end.
     */
    @Test
    void aRangePastTheSliderPutsBothThumbsAtItsEnd(FxRobot robot) {
        SimpleIntegerProperty min = new SimpleIntegerProperty(3_000);
        SimpleIntegerProperty max = new SimpleIntegerProperty(5_000);
        DelayInput past = OnFx.get(() -> new DelayInput("think", "Think (ms)", min, max,
                IntInput.sliderTo(0, 60_000, 2_000, "The slider ends at 2,000 ms."), "Time to think."));
        RangeSlider slider = (RangeSlider) past.lookup("#think-slider");
        assertEquals(List.of((double) DelayInput.TRACK, (double) DelayInput.TRACK),
                OnFx.get(() -> List.of(slider.getLowValue(), slider.getHighValue())));
        assertEquals(List.of(3_000, 5_000), List.of(min.get(), max.get()), "the thumbs do not move the values");
        assertEquals("Beyond the slider's end (2,000 ms): set in the field.", ((Label) past.lookup("#think-past-slider")).getText());
        robot.interact(() -> {
            min.set(1_000); // as a view-model keeps them: the least at most the most
            max.set(1_500);
        });
        assertEquals(List.of(DelayInput.place(1_000, 2_000), DelayInput.place(1_500, 2_000)),
                OnFx.get(() -> List.of(slider.getLowValue(), slider.getHighValue())));
        assertEquals("", ((Label) past.lookup("#think-past-slider")).getText());
    }

    /**
     * 0 to 100 ms, where most runs are set, has most of a 2,000 ms slider's track: linear, it was a
     * twentieth, under the two thumbs. A drag to a place sets the milliseconds there, and back.
     */
    @Test
    void theShortDelaysHaveMostOfTheTrack(FxRobot robot) {
        SimpleIntegerProperty min = new SimpleIntegerProperty(0);
        SimpleIntegerProperty max = new SimpleIntegerProperty(100);
        DelayInput think = OnFx.get(() -> new DelayInput("think", "Think (ms)", min, max,
                IntInput.sliderTo(0, 60_000, 2_000, "The slider ends at 2,000 ms."), "Time to think."));
        RangeSlider slider = (RangeSlider) think.lookup("#think-slider");
        assertEquals(0.0, OnFx.get(slider::getLowValue));
        assertTrue(OnFx.get(slider::getHighValue) > 0.55 * DelayInput.TRACK, "100 ms at " + OnFx.get(slider::getHighValue));
        assertTrue(DelayInput.place(10, 2_000) > 0.3 * DelayInput.TRACK, "10 ms past a third of the track");
        robot.interact(() -> slider.setHighValue(DelayInput.place(700, 2_000)));
        assertEquals(700, max.get(), "a drag to 700 ms' place sets 700 ms");
        robot.interact(() -> slider.setHighValue(DelayInput.TRACK));
        assertEquals(2_000, max.get(), "the end is the slider's end");
        for (int millis : List.of(0, 1, 5, 99, 100, 1_999, 2_000)) {
            assertEquals(millis, DelayInput.millisAt(DelayInput.place(millis, 2_000), 2_000), "round trip of " + millis);
        }
    }
    /**
     * Tab and Shift+Tab go through the range's two thumbs and on, out of it, both ways, and Ctrl+Tab
     * leaves it from either thumb; the arrows still move a thumb. ControlsFX's range kept Tab,
     * Shift+Tab and Ctrl+Tab (a keyboard-only tryout reached nothing after a delay's range).
     */
    @Test
    void tabGoesOnFromTheRangeBothWays(FxRobot robot) {
        SimpleIntegerProperty min = new SimpleIntegerProperty(10);
        SimpleIntegerProperty max = new SimpleIntegerProperty(100);
        Button before = new Button("before");
        Stage keys = afterAButton(before, min, max);
        try {
            Node range = keys.getScene().lookup("#eat-slider");
            Node after = keys.getScene().lookup("#eat-min"); // the range's first field, under it
            robot.interact(before::requestFocus);
            robot.push(KeyCode.TAB);
            assertEquals(range, focusOwner(keys), "Tab from the button before");
            robot.push(KeyCode.RIGHT);
            assertEquals(11, min.get(), "Right moves the low thumb");
            robot.push(KeyCode.TAB);
            assertEquals(range, focusOwner(keys), "Tab: its high thumb");
            robot.push(KeyCode.TAB);
            assertEquals(after, focusOwner(keys), "a second Tab: on, to the field under it");
            robot.push(KeyCode.SHIFT, KeyCode.TAB);
            assertEquals(range, focusOwner(keys), "Shift+Tab: back to the range");
            // Through its thumbs (one or two: the range keeps the thumb it had), to the button before.
            for (int press = 0; press < 2 && focusOwner(keys) == range; press++) {
                robot.push(KeyCode.SHIFT, KeyCode.TAB);
            }
            assertEquals(before, focusOwner(keys), "Shift+Tab from the range");
            robot.push(KeyCode.TAB);
            robot.push(KeyCode.CONTROL, KeyCode.TAB);
            assertEquals(after, focusOwner(keys), "Ctrl+Tab: out of it at once");
        } finally {
            StyledStage.close(keys);
        }
    }

    /**
     * End moves a thumb when pressed on the range; the release of an End pressed elsewhere does not:
     * the window takes Ctrl+End's press to scroll the page to its foot, and the range, which acts on
     * the release, sent a clicked thumb to the end of its track mid-run (a student's tryout).
     */
    @Test
    void onlyAnEndPressedOnTheRangeMovesAThumb(FxRobot robot) {
        SimpleIntegerProperty min = new SimpleIntegerProperty(10);
        SimpleIntegerProperty max = new SimpleIntegerProperty(100);
        Button before = new Button("before");
        Stage keys = afterAButton(before, min, max);
        try {
            Node range = keys.getScene().lookup("#eat-slider");
            robot.interact(before::requestFocus);
            robot.push(KeyCode.TAB);
            robot.push(KeyCode.TAB); // the high thumb
            assertEquals(range, focusOwner(keys));
            // The release alone, Ctrl held: its press went to the window, which scrolled the page.
            robot.interact(() -> range.fireEvent(new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.END,
                    false, true, false, false)));
            robot.interact(() -> range.fireEvent(new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.HOME,
                    false, true, false, false)));
            assertEquals(List.of(10, 100), List.of(min.get(), max.get()), "a release alone moves no thumb");
            robot.push(KeyCode.END);
            assertEquals(2_000, max.get(), "End pressed on the range: the high thumb to the end");
        } finally {
            StyledStage.close(keys);
        }
    }

    /** A window of its own with {@code before}, then an "Eat" delay of {@code min} to {@code max} under it. */
    private static Stage afterAButton(Button before, SimpleIntegerProperty min, SimpleIntegerProperty max) {
        return OnFx.get(() -> StyledStage.show(new VBox(8, before, new DelayInput("eat", "Eat (ms)", min, max,
                new IntInput(0, 2_000, ""), "Time to eat.")), 400, 300));
    }

    /**
     * With the keys on its range (by Tab), the ring that shows it stays inside the delay's own box and
     * under its caption: a ring round the whole range drew a thick band over the bottom of "Think (ms),
     * applies live", and the low thumb's ring, at the range's left end, was cut at the panel's edge (a
     * learner's tryout, after typing 50 in Think's "to" and Enter).
     */
    @Test
    void theFocusRingStaysInsideTheDelayAndUnderItsCaption(FxRobot robot) {
        Button before = new Button("before");
        DelayInput think = OnFx.get(() -> new DelayInput("think", "Think (ms), applies live", new SimpleIntegerProperty(0),
                new SimpleIntegerProperty(50), new IntInput(0, 2_000, ""), "Time to think."));
        Stage keys = OnFx.get(() -> StyledStage.showThemed(new VBox(8, before, think), 280, 300));
        try {
            robot.interact(before::requestFocus);
            robot.push(KeyCode.TAB);
            Node range = keys.getScene().lookup("#think-slider");
            assertEquals(range, focusOwner(keys), "Tab from the button before");
            List<String> outside = new ArrayList<>();
            robot.interact(() -> {
                keys.getScene().getRoot().applyCss();
                keys.getScene().getRoot().layout();
                javafx.geometry.Bounds box = think.localToScene(think.getLayoutBounds());
                Label caption = (Label) think.getChildren().getFirst();
                double under = caption.localToScene(caption.getLayoutBounds()).getMaxY();
                List<Node> drawn = new ArrayList<>(List.of(range));
                drawn.addAll(range.lookupAll(".low-thumb"));
                drawn.addAll(range.lookupAll(".high-thumb"));
                for (Node node : drawn) {
                    javafx.geometry.Bounds seen = node.localToScene(node.getBoundsInLocal()); // effects included
                    if (seen.getMinX() < box.getMinX() - 0.5 || seen.getMaxX() > box.getMaxX() + 0.5
                            || seen.getMinY() < under - 0.5) {
                        outside.add(node.getStyleClass() + " drawn at " + seen + ", the delay at " + box
                                + ", its caption down to " + under);
                    }
                }
            });
            assertEquals(List.of(), outside);
            // And there is a ring: the thumb with the keys wears one, a fill drawn 3 px outside it (the
            // range's own ring gone, a thumb without one would leave the keys nowhere to be seen).
            boolean ringed = OnFx.get(() -> {
                List<Node> thumbs = new ArrayList<>(range.lookupAll(".low-thumb"));
                thumbs.addAll(range.lookupAll(".high-thumb"));
                return thumbs.stream().anyMatch(thumb -> thumb instanceof javafx.scene.layout.Region region
                        && region.getBackground() != null && region.getBackground().getFills().size() >= 2
                        && region.getBackground().getFills().getFirst().getInsets().getTop() < 0);
            });
            assertTrue(ringed, "a thumb wears the focus ring");
        } finally {
            StyledStage.close(keys);
        }
    }

    private static Node focusOwner(Stage stage) {
        WaitForAsyncUtils.waitForFxEvents();
        return OnFx.get(() -> stage.getScene().getFocusOwner());
    }
}
