package dev.interleave.ui.race;

import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.interleave.ui.kit.StyledStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lost-updates histogram's axis spans its bars: "0" under the first (none lost), the most lost
 * ending under the last. "0 … 499,415" in one label ended under the middle bars, and the tallest bar,
 * the last, stood past it (a teacher's tryout, 1024x700).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(30)
class LostUpdatesAxisFxTest {

    private Node histogram;
    private Stage stage;

    @Start
    void start(Stage primary) {
        histogram = LabView.histogram(List.of(0L, 0L, 0L, 0L, 108_044L, 150_000L, 90_000L, 200_000L, 100_000L, 499_415L));
        stage = StyledStage.showThemed(new VBox(histogram), 400, 200);
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    @AfterAll
    static void unthemed() {
        StyledStage.unthemed();
    }

    @Test
    void theAxisSpansTheBars(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            List<Node> bars = List.copyOf(histogram.lookupAll(".histogram-bar"));
            assertEquals(11, bars.size(), "none, then ten bins");
            Bounds first = bars.getFirst().localToScene(bars.getFirst().getLayoutBounds());
            Bounds last = bars.getLast().localToScene(bars.getLast().getLayoutBounds());
            List<Label> ends = histogram.lookupAll(".slot-index").stream().map(Label.class::cast).toList();
            assertEquals(List.of("0", "499,415"), ends.stream().map(Label::getText).toList());
            Bounds zero = ends.getFirst().localToScene(ends.getFirst().getLayoutBounds());
            Bounds most = ends.getLast().localToScene(ends.getLast().getLayoutBounds());
            assertEquals(first.getMinX(), zero.getMinX(), 0.5, "'0' starts under the first bar");
            assertEquals(last.getMaxX(), most.getMaxX(), 0.5, "'499,415' ends under the last bar");
            assertTrue(zero.getMaxX() < most.getMinX(), "the two figures apart");
        });
    }
}
