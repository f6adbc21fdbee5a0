package dev.interleave.ui.kit;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A text told in three lines, then one, keeps what is below it in place until its reset. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class NeverShorterFxTest {

    private static final String LONG = "Step 3: P1 put #1 into slot 0, signalled notEmpty and woke C1, which waits for"
            + " the lock; C2 and C3 are still parked at the gate, and the buffer holds one item of eight.";

    private Label text;
    private Label below;
    private final SimpleIntegerProperty run = new SimpleIntegerProperty();
    private final SimpleBooleanProperty paused = new SimpleBooleanProperty(true);
    private Stage stage;

    @Start
    void start(Stage primary) {
        text = new Label("Step 1: C1 found the buffer empty");
        below = new Label("the chips");
        text.setWrapText(true);
        Controls.neverShorter(text, run, paused::get);
        stage = new Stage();
        stage.setScene(new Scene(new VBox(4, text, below), 300, 300));
        stage.show();
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    private double belowAt(FxRobot robot, String shown) {
        robot.interact(() -> {
            text.setText(shown);
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        return below.getLayoutY();
    }

    @Test
    void whatIsBelowStaysPutUntilTheReset(FxRobot robot) {
        double oneLine = belowAt(robot, "Step 1: C1 found the buffer empty");
        double long_ = belowAt(robot, LONG);
        assertTrue(long_ > oneLine + 10, "the long text takes more lines: " + oneLine + " -> " + long_);
        assertEquals(long_, belowAt(robot, "Step 4: C1 took #1"), 0.5, "shorter text, the chips stay put");
        robot.interact(() -> run.set(1));
        assertEquals(oneLine, belowAt(robot, "Step 1: C1 found the buffer empty"), 0.5, "a new run starts short");
    }

    /** Nothing is kept while not paused, and a new font (the zoom) starts afresh. */
    @Test
    void keptOnlyWhilePausedAndForOneFont(FxRobot robot) {
        double oneLine = belowAt(robot, "Step 1: C1 found the buffer empty");
        robot.interact(() -> paused.set(false));
        belowAt(robot, LONG);
        assertEquals(oneLine, belowAt(robot, "Step 1: C1 found the buffer empty"), 0.5, "running: nothing kept");
        robot.interact(() -> paused.set(true));
        double long_ = belowAt(robot, LONG);
        assertEquals(long_, belowAt(robot, "Step 1: C1 found the buffer empty"), 0.5, "paused: kept");
        robot.interact(() -> {
            text.setStyle("-fx-font-size: 20px;");
            stage.getScene().getRoot().applyCss();
        });
        double larger = belowAt(robot, "Step 1: C1 found the buffer empty");
        assertTrue(larger < long_, "a new font starts afresh: " + larger + " px, kept " + long_);
    }

    /** With three lines kept, a step told in one line and the next in three leave the chips where they were. */
    @Test
    void threeLinesKeptFromTheFirstStep(FxRobot robot) {
        robot.interact(() -> {
            paused.set(false); // idle, then paused by a new run (Step from idle): the reset brings the lines
            Label three = new Label("Step 1: C1 found the buffer empty");
            three.setWrapText(true);
            Label chips = new Label("the chips");
            Controls.neverShorter(three, run, paused::get, () -> 3);
            stage.getScene().setRoot(new VBox(4, three, chips));
            text = three;
            below = chips;
        });
        double idle = belowAt(robot, "Last action: none yet");
        robot.interact(() -> {
            paused.set(true);
            run.set(1);
        });
        double oneLine = belowAt(robot, "Step 1: C1 found the buffer empty");
        assertTrue(oneLine > idle + 10, "paused: three lines kept from the first step: " + idle + " -> " + oneLine);
        assertEquals(oneLine, belowAt(robot, "Step 2: P1 put #1\ninto slot 0\nand woke C1"), 0.5,
                "three lines kept: the chips stay put");
        double four = belowAt(robot, "a\nb\nc\nd");
        assertTrue(four > oneLine + 5, "a fourth line still takes room: " + oneLine + " -> " + four);
        robot.interact(() -> paused.set(false));
        robot.interact(() -> run.set(2));
        assertTrue(belowAt(robot, "Step 1") < oneLine - 10, "running: no lines kept");
    }

    /**
     * As the buffer's last action: three lines while paused, and while running no lines but the
     * tallest text so far (the text changes at every frame, in one line or two: what was under it
     * jumped at every change), until the run's state changes.
     */
    @Test
    void runningKeepsTheTallestWithoutLines(FxRobot robot) {
        SimpleStringProperty state = new SimpleStringProperty("idle");
        robot.interact(() -> {
            Label action = new Label("Last action: none yet");
            action.setWrapText(true);
            Label chips = new Label("the chips");
            Controls.neverShorter(action, state, () -> !state.get().equals("idle"),
                    () -> state.get().equals("paused") ? 3 : 0);
            stage.getScene().setRoot(new VBox(4, action, chips));
            text = action;
            below = chips;
        });
        double idle = belowAt(robot, "Last action: none yet");
        robot.interact(() -> state.set("running"));
        assertEquals(idle, belowAt(robot, "Last action: P1 put #1"), 0.5, "running: no lines kept from the start");
        double two = belowAt(robot, LONG);
        assertTrue(two > idle + 10, "a longer action takes more lines: " + idle + " -> " + two);
        assertEquals(two, belowAt(robot, "Last action: C1 took #1"), 0.5, "running: the tallest so far kept");
        robot.interact(() -> state.set("idle"));
        assertEquals(idle, belowAt(robot, "Last action: C1 took #1"), 0.5, "ended: nothing kept");
    }

    /**
     * A kept height is a number: a running text that grows a line inside a section yet to learn it
     * grew (a {@link HeightMemo} passes the news up a frame later) was squeezed to the section's old
     * height, its second line cut to "…" for that frame (the buffer's last action beside the rewind
     * buttons at 1024x700, once in CI). The text that outgrows what is kept takes its own height at
     * once.
     */
    @Test
    void aTextThatOutgrowsWhatIsKeptIsNeverCut(FxRobot robot) throws Exception {
        robot.interact(() -> {
            Label action = new Label("Last action: none yet");
            action.setWrapText(true);
            action.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(action, Priority.ALWAYS);
            Button rewind = new Button("⏮");
            rewind.setMinHeight(26);
            Controls.neverShorter(action, run, () -> true);
            stage.getScene().setRoot(new VBox(4, new HeightMemo(new HBox(8, rewind, action)), new Label("the slots")));
            text = action;
        });
        for (String shown : List.of("Last action: none yet", "Last action: P1 put #1", LONG)) {
            robot.interact(() -> {
                text.setText(shown);
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout(); // one pulse's layout: the memo passes the news up after it
                assertFalse(text.isTextTruncated(), "cut at " + text.getHeight() + " px: " + shown);
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        // A taller text, then a short one before the layout: the height kept before still counts.
        double kept = OnFx.get(text::getHeight);
        robot.interact(() -> {
            text.setText(LONG + " " + LONG);
            text.setText("Last action: C1 took #1");
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Math.abs(OnFx.get(text::getHeight) - kept) < 0.5);
    }

    /**
     * A height kept at one width is too little at a narrower one. A scroll pane fitting its content to
     * the viewport gives it its least height when that is more, so the kept one-line height of a text
     * that now takes two was all it got: Slow motion's hint ended in "…" once the settings panel came
     * back beside it, until the next step (a lecturer's tryout, 150 % in 1280x720).
     */
    @Test
    void aKeptTextMadeNarrowerTakesTheLinesItNowNeeds(FxRobot robot) throws Exception {
        Region[] side = new Region[1];
        robot.interact(() -> {
            Label hint = new Label(LONG);
            hint.setWrapText(true);
            hint.setMaxWidth(Double.MAX_VALUE);
            Controls.neverShorter(hint, run, () -> true);
            Region lanes = new Region();
            lanes.setMinHeight(2000); // a page taller than its viewport: given its least height
            VBox page = new VBox(4, hint, new Label("the count"), lanes);
            ScrollPane scroll = Controls.liveScroll("test-live", page);
            HBox.setHgrow(scroll, Priority.ALWAYS);
            side[0] = new Region();
            side[0].setMinWidth(500);
            side[0].setVisible(false);
            side[0].setManaged(false);
            stage.setWidth(1400);
            stage.getScene().setRoot(new HBox(side[0], scroll));
            text = hint;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> text.getHeight() > 0 && !text.isTextTruncated()));
        Thread.sleep(Controls.SETTLE_MILLIS + 100); // heights are kept from then on
        robot.interact(() -> run.set(run.get() + 1));
        WaitForAsyncUtils.waitForFxEvents();
        double wide = OnFx.get(text::getHeight);
        robot.interact(() -> {
            side[0].setVisible(true);
            side[0].setManaged(true);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> text.getWidth() < 1000));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        String seen = OnFx.get(() -> String.format(Locale.ROOT, "%.0f px wide, %.0f px tall of %.0f (%.0f kept when wide)",
                text.getWidth(), text.getHeight(), text.prefHeight(text.getWidth()), wide));
        assertFalse(OnFx.get(text::isTextTruncated), "cut: " + seen);
        assertTrue(OnFx.get(() -> text.getHeight() > wide + 5), "no line more: " + seen);
    }
}
