package dev.interleave.ui.kit;

import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
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

/**
 * A live side keeps what the reader works with in place when the page above it changes height: a
 * banner's second line moved the philosophers' scrubber 55 px down under the pointer.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class ScrollAnchorFxTest {

    private static final double GROWTH = 55;

    private ScrollPane scroll;
    private Region banner;
    private Region block;
    private Button button;
    private Button outside;
    private Stage stage;

    @Start
    void start(Stage primary) {
        banner = new Region();
        banner.setMinHeight(Region.USE_PREF_SIZE); // as the views' labels: the page, fit to height, grows with it
        banner.setPrefHeight(40);
        block = new Region();
        block.setMinHeight(600);
        button = new Button("scrubber");
        Region below = new Region();
        below.setMinHeight(2_000);
        VBox page = new VBox(banner, block, button, below);
        scroll = Controls.liveScroll("live", page);
        outside = new Button("tool bar");
        stage = new Stage();
        stage.setScene(new Scene(new VBox(outside, scroll), 400, 500));
        stage.show();
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    /** Scrolls the page by {@code pixels}. */
    private void scrollBy(FxRobot robot, double pixels) {
        robot.interact(() -> {
            double room = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(pixels / room);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double sceneTop(Node node) {
        return OnFx.get(() -> node.localToScene(node.getLayoutBounds()).getMinY());
    }

    /**
     * The banner grows (or shrinks back) by GROWTH; returns once a layout pass has given it that
     * height (the anchor runs right after that pass, in the same pulse).
     */
    private void grow(FxRobot robot, boolean taller) throws Exception {
        double height = taller ? 40 + GROWTH : 40;
        robot.interact(() -> banner.setPrefHeight(height));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> banner.getHeight() == height));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theFocusedControlStaysWhereItIs(FxRobot robot) throws Exception {
        scrollBy(robot, 500);
        robot.interact(button::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        double before = sceneTop(button);
        grow(robot, true);
        assertEquals(before, sceneTop(button), 1, "the banner grew above it");
        grow(robot, false);
        assertEquals(before, sceneTop(button), 1, "and shrank back");
    }

    @Test
    void withoutFocusTheNodeAtTheViewportsTopStays(FxRobot robot) throws Exception {
        robot.interact(outside::requestFocus);
        scrollBy(robot, 300); // the block fills the viewport's top
        double before = sceneTop(block);
        grow(robot, true);
        assertEquals(before, sceneTop(block), 1);
    }

    @Test
    void atTheTopThePageGrowsDownward(FxRobot robot) throws Exception {
        robot.interact(outside::requestFocus);
        double before = sceneTop(block);
        grow(robot, true);
        assertEquals(before + GROWTH, sceneTop(block), 1, "read from its top, a page is not scrolled for the reader");
        assertEquals(0, OnFx.get(scroll::getVvalue), 1e-9);
    }

    /** The reader's own scrolling in the same pulse as a change is not undone. */
    @Test
    void theReadersScrollWins(FxRobot robot) throws Exception {
        scrollBy(robot, 500);
        robot.interact(button::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            banner.setPrefHeight(40 + GROWTH);
            scroll.setVvalue(0);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> banner.getHeight() == 40 + GROWTH));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, OnFx.get(scroll::getVvalue), 1e-9, "scrolled to the top as asked");
    }
}
