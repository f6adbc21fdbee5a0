package dev.interleave.ui.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.interleave.engine.buffer.BufferRunner;
import dev.interleave.engine.run.RunState;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.Motion;
import dev.interleave.ui.kit.OnFx;
import dev.interleave.ui.shell.MainView;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The buffer's picture at 1024x700, headless, as a class sees it during a run: chips under their
 * lanes' captions, items flying clear of the narration, and the narration telling the move whose
 * badge flies.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class BufferPictureLayoutFxTest {

    private final BufferRunner runner = new BufferRunner();
    private BufferViewModel model;
    private MainView main;

    @Start
    void start(Stage stage) {
        model = new BufferViewModel(runner);
        main = new MainView(List.of(BufferScenario.tab(model)), new FrameStats());
        Scene scene = new Scene(main, 1024, 700);
        scene.getStylesheets().add(Objects.requireNonNull(
                MainView.class.getResource("interleave.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopRun() throws Exception {
        if (runner.state() != RunState.IDLE) {
            runner.stop();
        }
    }

    /** 8 producers and 8 consumers, 2 slots, delays a class can watch (100 to 300 ms). */
    private void watchable(FxRobot robot, int producers, int consumers) {
        robot.interact(() -> {
            model.capacityProperty().set(2);
            model.producersProperty().set(producers);
            model.consumersProperty().set(consumers);
            model.produceMinMillisProperty().set(100);
            model.produceMaxMillisProperty().set(300);
            model.consumeMinMillisProperty().set(100);
            model.consumeMaxMillisProperty().set(300);
        });
    }

    private static Bounds inScene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    private static List<Node> laneChips(FxRobot robot) {
        List<Node> chips = new ArrayList<>();
        for (String lane : List.of("#producers-lanes", "#consumers-lanes")) {
            chips.addAll(robot.lookup(lane).queryAs(Pane.class).getChildren().stream()
                    .filter(n -> n.getStyleClass().contains("worker") && n.isVisible()).toList());
        }
        return chips;
    }

    /**
     * Every lane chip stands under its own lane's caption, never beside or under the other's: a lane's
     * second row of chips wrapped under "Producers" (8 producers and 8 consumers at 1024x700), and
     * each row's chips read as that lane's, running too, at 16 and 16 as well.
     */
    @Test
    void theLaneChipsStayUnderTheirCaption(FxRobot robot) throws Exception {
        for (int workers : List.of(8, 16)) {
            watchable(robot, workers, workers);
            robot.interact(model::run);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.snapshot().consumed() > 10);
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitForFxEvents();
            List<String> wrong = OnFx.get(() -> {
                List<Node> captions = robot.lookup(".lane-caption").queryAll().stream().toList();
                assertEquals(2, captions.size(), "Producers and Consumers");
                Bounds producers = inScene(captions.get(0));
                Bounds consumers = inScene(captions.get(1));
                List<String> found = new ArrayList<>();
                for (Node chip : laneChips(robot)) {
                    Bounds at = inScene(chip);
                    boolean producer = chip.getId().startsWith("worker-P");
                    if (producer ? at.getMinY() < producers.getMaxY() || at.getMaxY() > consumers.getMinY()
                            : at.getMinY() < consumers.getMaxY()) {
                        found.add(chip.getId() + " at y " + at.getMinY() + " to " + at.getMaxY());
                    }
                    if (at.intersects(producers) || at.intersects(consumers)) {
                        found.add(chip.getId() + " on a caption");
                    }
                }
                assertTrue(laneChips(robot).stream().map(chip -> inScene(chip).getMinY()).distinct().count() > 2,
                        "the chips wrap onto several rows");
                return found;
            });
            assertEquals(List.of(), wrong, workers + " and " + workers);
            robot.interact(model::stop);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state() == RunState.IDLE);
        }
    }

    /**
     * No item's path crosses the narration: an item flies between a slot and a lane's chip, and the
     * narration between the slots and the lanes had the badge over its words.
     */
    @Test
    void noItemFliesOverTheNarration(FxRobot robot) throws Exception {
        watchable(robot, 8, 8);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> crossing = OnFx.get(() -> {
            Bounds words = inScene(robot.lookup("#last-action").query());
            List<String> found = new ArrayList<>();
            for (Node slot : robot.lookup("#slots").queryAs(Pane.class).getChildren()) {
                for (Node chip : laneChips(robot)) {
                    Bounds from = inScene(slot);
                    Bounds to = inScene(chip);
                    if (crosses(words, new Point2D(from.getCenterX(), from.getCenterY()),
                            new Point2D(to.getCenterX(), to.getMinY()))) {
                        found.add(slot.getId() + " to " + chip.getId());
                    }
                }
            }
            return found;
        });
        assertEquals(List.of(), crossing, "flights over the narration's words");
    }

    /** Whether the segment from {@code a} to {@code b} passes through {@code box} (sampled finely). */
    private static boolean crosses(Bounds box, Point2D a, Point2D b) {
        for (int i = 0; i <= 200; i++) {
            double t = i / 200.0;
            if (box.contains(a.getX() + t * (b.getX() - a.getX()), a.getY() + t * (b.getY() - a.getY()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * In a free run, while an item's badge flies, the narration tells that move: it told the run's
     * latest action, a frame's moves and a flight's worth ahead ("C5 took #74" over #68 in flight).
     */
    @Test
    void theNarrationTellsTheMoveInFlight(FxRobot robot) throws Exception {
        watchable(robot, 8, 8);
        robot.interact(() -> {
            // Fast enough for frames of several moves, slow enough that a frame on a loaded machine
            // stays under BufferViewModel.MOTION_EVENTS_MAX (past it, no move is drawn at all).
            model.produceMinMillisProperty().set(50);
            model.produceMaxMillisProperty().set(150);
            model.consumeMinMillisProperty().set(50);
            model.consumeMaxMillisProperty().set(150);
        });
        assertNotEquals(Motion.Speed.OFF, OnFx.get(() -> Motion.speedProperty().get()), "motion is drawn");
        Pane layer = robot.lookup("#motion-layer").queryAs(Pane.class);
        robot.interact(model::run);
        List<String> behind = new ArrayList<>();
        int seen = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            String[] now = OnFx.get(() -> {
                // The newest badge, shown or about to be (hidden for at most a frame while the one
                // before it lands).
                List<Label> items = layer.getChildren().stream()
                        .filter(n -> n.getStyleClass().contains("motion-item"))
                        .map(Label.class::cast).toList();
                String narration = robot.lookup("#last-action").queryAs(Label.class).getText();
                return items.isEmpty() || model.runState() != RunState.RUNNING ? null
                        : new String[] {items.getLast().getText(), narration};
            });
            if (now != null) {
                seen++;
                if (!now[1].matches("In flight \\(the slots show the run now\\): .*" + now[0] + "\\b.*")) {
                    behind.add(now[0] + " in flight, narration: " + now[1]);
                }
            }
            Thread.sleep(15);
        }
        assertTrue(seen >= 10, seen + " looks at an item in flight");
        assertEquals(List.of(), behind, behind.size() + " of " + seen + " looks");
    }

    /**
     * Shown again (Ctrl+B) over a view stepped and rewound with the settings hidden, the narration is
     * as tall as its words at its new width, or its three lines: it kept a height the layout passed
     * through on the way, its words 300 px under its ◀ ▶ and the slots pushed below the fold (a
     * learner's tryout, 1024x700).
     */
    @Test
    void theNarrationKeepsNoHeightFromTheSettingsComingBack(FxRobot robot) throws Exception {
        robot.interact(() -> {
            main.window().settingsShownProperty().set(false);
            model.capacityProperty().set(8);
            model.producersProperty().set(3);
            model.consumersProperty().set(3);
            model.step(); // from idle: starts paused, one step
        });
        BufferLabFxTest.settle(runner);
        for (int step = 1; step < 6; step++) {
            robot.interact(model::step);
            BufferLabFxTest.settle(runner);
        }
        robot.interact(() -> model.rewind().moveBy(-3));
        robot.interact(model::stop);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state() == RunState.IDLE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> model.rewind().rewoundBinding().get()));
        robot.interact(() -> main.window().settingsShownProperty().set(true));
        Label narration = robot.lookup("#last-action").queryAs(Label.class);
        // Its words at its width, or the three lines it keeps while rewound, measured as neverShorter does.
        Supplier<double[]> heights = () -> OnFx.get(() -> {
            Text lines = new Text("X\nX\nX");
            lines.setFont(narration.getFont());
            lines.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER);
            double three = narration.snappedTopInset() + Math.ceil(lines.getLayoutBounds().getHeight())
                    + narration.snappedBottomInset();
            return new double[] {narration.getHeight(), Math.max(narration.prefHeight(narration.getWidth()), three)};
        });
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> heights.get()[0] <= heights.get()[1] + 1);
        } catch (TimeoutException e) {
            double[] last = heights.get();
            fail("\"" + OnFx.get(narration::getText) + "\" is " + last[0] + " px tall, its words " + last[1]);
        }
    }
}
