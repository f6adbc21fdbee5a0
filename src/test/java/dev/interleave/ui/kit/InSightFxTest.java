package dev.interleave.ui.kit;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What counts as in sight: inside the window and inside every scroll pane a node is in, in the
 * selected tab; and what was owed while out of sight is drawn when it comes into sight.
 */
@ExtendWith(ApplicationExtension.class)
class InSightFxTest {

    private Stage stage;
    private Stage other;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 400));
        stage.show();
    }

    @AfterEach
    void closeOther(FxRobot robot) {
        if (other != null) {
            robot.interact(other::close);
        }
    }

    /** A node inside the window but below the part of a short scroll pane that shows is out of sight. */
    @Test
    void belowAScrollPanesViewIsOutOfSightThoughInTheWindow(FxRobot robot) {
        Region target = new Region();
        ScrollPane[] scroll = new ScrollPane[1];
        robot.interact(() -> {
            target.setMinSize(50, 50);
            Button above = new Button("above"); // takes the first focus: nothing scrolls to the target
            above.setMinHeight(300);
            scroll[0] = new ScrollPane(new VBox(above, target));
            scroll[0].setMaxHeight(100);
            VBox page = new VBox(scroll[0]); // the scroll pane 100 px high at the top of a 400 px window
            stage.getScene().setRoot(page);
        });
        WaitForAsyncUtils.waitForFxEvents();
        boolean[] seen = new boolean[3];
        robot.interact(() -> {
            seen[0] = target.localToScene(target.getLayoutBounds()).getMaxY() < stage.getScene().getHeight();
            seen[1] = InSight.inSight(target);
        });
        robot.interact(() -> scroll[0].setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> seen[2] = InSight.inSight(target));
        assertTrue(seen[0], "inside the window");
        assertFalse(seen[1], "below what the scroll pane shows");
        assertTrue(seen[2], "scrolled to");
    }

    /** A plot in a tab not chosen is not drawn when its data changes; choosing the tab draws it. */
    @Test
    void aPlotInAnotherTabIsDrawnWhenItsTabIsChosen(FxRobot robot) {
        LivePlot[] plot = new LivePlot[1];
        TabPane[] tabs = new TabPane[1];
        robot.interact(() -> {
            plot[0] = new LivePlot("later", "Occupied slots", "seconds since Run", LivePlot.Scale.LINEAR);
            tabs[0] = new TabPane(new Tab("first", new StackPane()), new Tab("second", plot[0]));
            stage.getScene().setRoot(tabs[0]);
        });
        WaitForAsyncUtils.waitForFxEvents();
        int[] drawn = new int[2];
        robot.interact(() -> {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            for (int x = 0; x < 3; x++) {
                series.getData().add(new XYChart.Data<>(x, x + 1));
            }
            plot[0].setData(FXCollections.observableArrayList(List.of(series)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> drawn[0] = plot[0].pointsDrawn());
        robot.interact(() -> tabs[0].getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> drawn[1] = plot[0].pointsDrawn());
        assertEquals(0, drawn[0], "points drawn in the tab not chosen");
        assertEquals(3, drawn[1], "points drawn once its tab is chosen");
    }

    /** A node moved to another window is checked there; taken out of every window, nowhere. */
    @Test
    void theCheckFollowsTheNodeFromSceneToScene(FxRobot robot) {
        AtomicInteger checks = new AtomicInteger();
        Region moving = new Region();
        robot.interact(() -> {
            moving.setMinSize(50, 50);
            stage.getScene().setRoot(new StackPane(moving));
            InSight.drawWhenSeen(moving, () -> {
                checks.incrementAndGet();
                return false;
            }, () -> { });
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(checks.get() > 0, "checked at the frames of its first window");
        robot.interact(() -> {
            other = new Stage();
            other.setScene(new Scene(new StackPane(moving), 200, 200));
            other.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        int moved = checks.get();
        pulse(robot);
        boolean checkedThere = checks.get() > moved;
        robot.interact(() -> ((StackPane) other.getScene().getRoot()).getChildren().clear());
        WaitForAsyncUtils.waitForFxEvents();
        int detached = checks.get();
        pulse(robot);
        assertTrue(checkedThere, "checked at the frames of its second window");
        // Neither window calls it now: the first let it go at the move, the second when it left.
        assertEquals(detached, checks.get(), "checks after it left every window");
    }

    /** One frame of every window: a change in each, then waits until it is laid out. */
    private void pulse(FxRobot robot) {
        robot.interact(() -> {
            stage.getScene().getRoot().requestLayout();
            other.getScene().getRoot().requestLayout();
            Platform.requestNextPulse();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
