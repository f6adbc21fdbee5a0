package dev.interleave.ui.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
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

/**
 * The buffer's picture at 1024x700, headless, as a class sees it during a run: chips in their lanes'
 * column, items flying clear of the narration, badges resting beside chips, and the narration telling
 * the move whose badge flies.
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
     * Every lane chip stands right of the lanes' captions, on every row: a lane's second row of chips
     * wrapped under "Producers" (8 producers and 8 consumers, 16 and 16, at 1024x700), running too.
     */
    @Test
    void theLaneChipsStayInTheirColumn(FxRobot robot) throws Exception {
        for (int workers : List.of(8, 16)) {
            watchable(robot, workers, workers);
            robot.interact(model::run);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.snapshot().consumed() > 10);
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitForFxEvents();
            List<String> wrong = OnFx.get(() -> {
                double captions = robot.lookup(".lane-caption").queryAll().stream()
                        .mapToDouble(caption -> inScene(caption).getMaxX()).max().orElseThrow();
                List<Node> chips = laneChips(robot);
                assertEquals(2 * workers, chips.size(), "a chip per thread");
                assertTrue(chips.stream().map(chip -> inScene(chip).getMinY()).distinct().count() > 2,
                        "the chips wrap onto several rows");
                return chips.stream().filter(chip -> inScene(chip).getMinX() < captions)
                        .map(chip -> chip.getId() + " at x " + inScene(chip).getMinX() + ", captions end at "
                                + captions).toList();
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
     * A badge sets off and lands beside its chip, never on a lane chip's words: at a chip's centre it
     * covered "P3 producing" as it set off, and a consumer's words as it landed.
     */
    @Test
    void badgesRestBesideTheChipsNotOnThem(FxRobot robot) throws Exception {
        watchable(robot, 8, 8);
        assertNotEquals(Motion.Speed.OFF, OnFx.get(() -> Motion.speedProperty().get()), "motion is drawn");
        Pane layer = robot.lookup("#motion-layer").queryAs(Pane.class);
        List<String> covering = new ArrayList<>();
        int[] tokens = {0};
        ListChangeListener<Node> watch = change -> {
            while (change.next()) {
                for (Node node : change.getRemoved()) {
                    Region token = (Region) node;
                    tokens[0]++;
                    // Where it set off (its layout place) and where its flight ends (plus its travel).
                    for (Point2D end : List.of(new Point2D(token.getLayoutX(), token.getLayoutY()),
                            new Point2D(token.getLayoutX() + token.getTranslateX(),
                                    token.getLayoutY() + token.getTranslateY()))) {
                        Bounds rest = layer.localToScene(new javafx.geometry.BoundingBox(end.getX(), end.getY(),
                                token.getWidth(), token.getHeight()));
                        for (Node chip : laneChips(robot)) {
                            if (rest.intersects(inScene(chip))) {
                                covering.add(((Label) token).getText() + " on " + chip.getId());
                            }
                        }
                    }
                }
            }
        };
        robot.interact(model::run);
        // Once every chip has shown its run's words: the lanes widen to the widest words once, early.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.snapshot().consumed() > 40);
        robot.interact(() -> layer.getChildren().addListener(watch));
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> OnFx.get(() -> tokens[0] >= 10));
        } finally {
            // Before Stop, which drops the badges in mid-flight.
            robot.interact(() -> layer.getChildren().removeListener(watch));
        }
        assertEquals(List.of(), OnFx.get(() -> List.copyOf(covering)), "badges at rest on lane chips");
    }

    /**
     * In a free run, while an item's badge flies, the narration tells that move: it told the run's
     * latest action, a frame's moves and a flight's worth ahead ("C5 took #74" over #68 in flight).
     */
    @Test
    void theNarrationTellsTheMoveInFlight(FxRobot robot) throws Exception {
        watchable(robot, 8, 8);
        robot.interact(() -> {
            model.produceMinMillisProperty().set(20);
            model.produceMaxMillisProperty().set(80);
            model.consumeMinMillisProperty().set(20);
            model.consumeMaxMillisProperty().set(80);
        });
        assertNotEquals(Motion.Speed.OFF, OnFx.get(() -> Motion.speedProperty().get()), "motion is drawn");
        Pane layer = robot.lookup("#motion-layer").queryAs(Pane.class);
        robot.interact(model::run);
        List<String> behind = new ArrayList<>();
        int seen = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
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
                if (!now[1].matches(".*" + now[0] + "\\b.*")) {
                    behind.add(now[0] + " in flight, narration: " + now[1]);
                }
            }
            Thread.sleep(15);
        }
        assertTrue(seen > 20, seen + " looks at an item in flight");
        assertEquals(List.of(), behind, behind.size() + " of " + seen + " looks");
    }
}
