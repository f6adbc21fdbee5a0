package dev.interleave.ui.kit;

import java.util.stream.IntStream;

import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event log in a view's scroll pane (a live side's): the wheel over it scrolls the view until
 * the log is clicked, then the log (scrolling a view down, the log slid under the pointer, took the wheel, and the page
 * stopped half-way).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(30)
class LogListFxTest {

    private LogList log;
    private ScrollPane page;
    private Button first;
    private Stage stage;

    @Start
    void start(Stage primary) {
        log = new LogList(FXCollections.observableArrayList(
                IntStream.range(0, 500).mapToObj(i -> "line " + i).toList()));
        log.setPrefHeight(200);
        first = new Button("first");
        Region above = new Region();
        above.setPrefHeight(400);
        Region below = new Region();
        below.setPrefHeight(800);
        // The window's focus starts elsewhere (the tool bar): here a button above the log.
        page = Controls.liveScroll("page", new VBox(first, above, log, below));
        page.setFitToHeight(false);
        stage = StyledStage.show(page, 400, 500);
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    @Test
    void theWheelScrollsThePageUntilTheLogIsClicked() throws Exception {
        OnFx.get(() -> {
            first.requestFocus();
            page.setVvalue(0);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(OnFx.get(() -> !log.isFocused()), "the log is not focused yet");
        double[] before = OnFx.get(() -> new double[] {page.getVvalue(), flow().getPosition()});
        OnFx.get(() -> wheelDown());
        double[] unfocused = OnFx.get(() -> new double[] {page.getVvalue(), flow().getPosition()});
        assertTrue(unfocused[0] > before[0], "the page scrolled: " + before[0] + " to " + unfocused[0]);
        assertEquals(before[1], unfocused[1], 1e-9, "the log did not");

        OnFx.get(() -> {
            log.requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        // Focused, the page may scroll to show the log whole: that is where the wheel starts from.
        double[] clicked = OnFx.get(() -> new double[] {page.getVvalue(), flow().getPosition()});
        OnFx.get(() -> wheelDown());
        double[] focused = OnFx.get(() -> new double[] {page.getVvalue(), flow().getPosition()});
        assertEquals(clicked[0], focused[0], 1e-9, "the page stayed");
        assertTrue(focused[1] > clicked[1], "the log scrolled: " + clicked[1] + " to " + focused[1]);
    }

    /**
     * At its end, the last line shows at the bottom whatever the rows' height: at 200 % a paused run's
     * log of rows three lines high stopped 12 lines short of its end, End too (a learner's tryout).
     */
    @Test
    void theEndShowsTheLastLineAtAnyRowHeight() throws Exception {
        for (int rowPx : new int[] {23, 80, 114, 40}) {
            OnFx.get(() -> {
                log.setStyle("-fx-fixed-cell-size: " + rowPx + "px;");
                log.showEnd();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents(3);
            int last = OnFx.get(() -> flow().getLastVisibleCell().getIndex());
            assertEquals(499, last, "rows of " + rowPx + " px, at " + OnFx.get(() -> flow().getPosition()));
        }
    }

    /**
     * A line selected (a rewound view's moment) stays whole in view at any rows' height: after Ctrl+0
     * the log showed lines 0 to 8 beside "after event 33", and nothing marked (a lecturer's tryout).
     */
    @Test
    void theSelectedLineStaysInViewAtAnyRowHeight() throws Exception {
        OnFx.get(() -> {
            log.getSelectionModel().clearAndSelect(250);
            log.showSelected();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        for (int rowPx : new int[] {80, 23, 114, 40}) {
            OnFx.get(() -> {
                log.setStyle("-fx-fixed-cell-size: " + rowPx + "px;");
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents(3);
            int[] shown = OnFx.get(() -> new int[] {flow().getFirstVisibleCell().getIndex(),
                    flow().getLastVisibleCell().getIndex()});
            assertTrue(shown[0] <= 250 && 250 < shown[1], "rows of " + rowPx + " px: lines " + shown[0] + " to "
                    + shown[1] + " shown");
        }
    }

    private VirtualFlow<?> flow() {
        return (VirtualFlow<?>) log.lookup(".virtual-flow");
    }

    /** A wheel turn down over the log's middle, at its list of lines, as a real one is picked. FX thread. */
    private boolean wheelDown() {
        VirtualFlow<?> at = flow();
        double x = at.getWidth() / 2;
        double y = at.getHeight() / 2;
        var screen = at.localToScreen(x, y);
        var scene = at.localToScene(x, y);
        at.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                false, false, false, false, false, false, 0, -120, 0, -120,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0,
                new PickResult(at, scene.getX(), scene.getY())));
        return true;
    }
}
