package dev.interleave.ui.race;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
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

import dev.interleave.engine.race.StepperRunner;
import dev.interleave.engine.run.RunState;
import dev.interleave.ui.kit.StyledStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The count's cards held at the top of Slow motion's view never cut a lane: a lane is either clear
 * of them or out of sight under and above them, never its name hidden and the rest of it showing.
 * Scrolled down to the steps, the held cards hid "T1 (key 1)" (2 threads, 1024x700); at 150 % they
 * hid T1's and T2's lanes but for their last line, "‖ parked before: add" (a learner's tryout).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class StepperHeldCardsFxTest {

    /** The held cards' ground and rule reach this far below them, in pixels (the stylesheet). */
    private static final double RULE_PX = 5;

    private final StepperRunner runner = new StepperRunner();
    private final StepperViewModel model = new StepperViewModel(runner);
    private Stage stage;

    @Start
    void start(Stage primary) {
        // The room the view has in a 1024x700 window (see StepperLanesFxTest).
        stage = StyledStage.showThemed(new StepperView(model), 1024, 525);
    }

    @AfterEach
    void close() throws Exception {
        if (runner.state() != RunState.IDLE) {
            runner.stop();
            runner.await(Duration.ofSeconds(10));
        }
        StyledStage.close(stage);
    }

    @AfterAll
    static void unthemed() {
        StyledStage.unthemed();
    }

    private void steps(FxRobot robot, int... threads) throws Exception {
        for (int thread : threads) {
            robot.interact(() -> model.stepThread(thread));
            runner.awaitSteps(Duration.ofSeconds(10));
            robot.interact(() -> model.sample(System.nanoTime()));
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** The lanes partly under the held cards, in words; whether the cards are held goes in {@code held}. FX thread. */
    private static List<String> lanesCut(FxRobot robot, int lanes, boolean[] held) {
        Node cards = robot.lookup("#stepper-figures").query();
        List<String> cut = new ArrayList<>();
        if (cards.getTranslateY() <= 0) {
            return cut;
        }
        held[0] = true;
        Bounds cardsAt = cards.localToScene(cards.getLayoutBounds());
        for (int lane = 1; lane <= lanes; lane++) {
            Node node = robot.lookup("#lane-" + lane).query();
            Bounds laneAt = node.localToScene(node.getLayoutBounds());
            if (laneAt.getMinY() < cardsAt.getMaxY() + RULE_PX - 0.5 && laneAt.getMaxY() > cardsAt.getMaxY() + RULE_PX + 0.5) {
                cut.add(String.format("T%d's lane at %.0f..%.0f, cards held at %.0f..%.0f", lane, laneAt.getMinY(),
                        laneAt.getMaxY(), cardsAt.getMinY(), cardsAt.getMaxY()));
            }
        }
        return cut;
    }

    /** Scrolled by hand from the top of the page to its end, the held cards cut no lane anywhere. */
    private void scrollThrough(FxRobot robot, int lanes, boolean[] held) {
        ScrollPane scroll = robot.lookup("#stepper-live").queryAs(ScrollPane.class);
        for (int at = 0; at <= 40; at++) {
            double share = at / 40.0;
            robot.interact(() -> scroll.setVvalue(scroll.getVmin() + share * (scroll.getVmax() - scroll.getVmin())));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> assertEquals(List.of(), lanesCut(robot, lanes, held), "scrolled to " + share));
        }
    }

    /** Two threads in 1024x700, the guide open, scrolled down to the steps so far by hand (the tryout's shot-14). */
    @Test
    void scrolledByHandTheHeldCardsCutNoLane(FxRobot robot) throws Exception {
        robot.interact(() -> {
            robot.lookup("#stepper-guide").queryAs(TitledPane.class).setExpanded(true);
            model.goalProperty().set(3);
        });
        // T2 does three increments between T1's read and its write: three lost, the challenge met.
        steps(robot, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0);
        boolean[] held = {false};
        scrollThrough(robot, 2, held);
        assertTrue(held[0], "the cards were held somewhere on the way down");
    }

    /** Four threads at 150 % in 1024x700: after each step and scrolled by hand (the tryout's shot-104). */
    @Test
    void atOneAndAHalfTheHeldCardsCutNoLaneAfterAStepOrAScroll(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.getScene().getRoot().setStyle("-fx-font-size: 19.5px;"); // 150 %
            stage.setHeight(430);
            model.threadsProperty().set(4);
        });
        boolean[] held = {false};
        for (int thread : new int[] {0, 1, 2, 3, 0, 3, 1, 2}) {
            steps(robot, thread);
            String step = model.lastStepProperty().get();
            robot.interact(() -> assertEquals(List.of(), lanesCut(robot, 4, held), step));
        }
        assertTrue(held[0], "the cards were held after a step");
        scrollThrough(robot, 4, held);
    }
}
