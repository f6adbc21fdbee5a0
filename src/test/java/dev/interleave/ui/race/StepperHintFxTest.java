package dev.interleave.ui.race;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
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

import dev.interleave.engine.run.RunState;
import dev.interleave.engine.race.StepperRunner;
import dev.interleave.ui.kit.Controls;
import dev.interleave.ui.kit.OnFx;
import dev.interleave.ui.kit.StyledStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slow motion's hint over the count and the lanes, in the room the view has in a 1024x700 window. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class StepperHintFxTest {

    private final StepperRunner runner = new StepperRunner();
    private final StepperViewModel model = new StepperViewModel(runner);
    private Stage stage;

    /** When the hint's font last changed, in {@link System#nanoTime} nanoseconds. */
    private volatile long fontChangedAtNanos;

    @Start
    void start(Stage primary) {
        stage = StyledStage.showThemed(new StepperView(model), 1024, 525);
        fontChangedAtNanos = System.nanoTime();
        Label hint = (Label) stage.getScene().lookup("#stepper-hint");
        hint.fontProperty().addListener(obs -> fontChangedAtNanos = System.nanoTime());
    }

    /**
     * Waits, with a deadline, until the hint's font has been the same for the settling time after
     * which its heights are kept ({@link Controls#SETTLE_MILLIS}): the stage's styling sets it once
     * more after the first layout, which a kept height takes for a zoom.
     */
    private void fontSettled() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> System.nanoTime() - fontChangedAtNanos > (Controls.SETTLE_MILLIS + 50) * 1_000_000);
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

    private static double sceneTop(Node node) {
        return OnFx.get(() -> node.localToScene(node.getLayoutBounds()).getMinY());
    }

    /**
     * The first key after a run's end leaves the count and the lanes where they are: the hint said
     * "Every thread has finished ... Press 1 or 2 twice ..." on two lines, then "This run has ended
     * ...: press 1 again ..." on one, and everything under it moved up under the pointer (a
     * learner's tryout, 1024x700).
     */
    @Test
    void theFirstKeyAfterTheEndMovesNothingUnderTheHint(FxRobot robot) throws Exception {
        fontSettled();
        robot.interact(() -> {
            model.threadsProperty().set(2);
            model.incrementsProperty().set(1);
        });
        for (int thread : new int[] {0, 0, 0, 1, 1, 1}) {
            robot.interact(() -> model.stepThread(thread));
            runner.awaitSteps(Duration.ofSeconds(10));
            robot.interact(() -> model.sample(System.nanoTime()));
        }
        runner.await(Duration.ofSeconds(10));
        robot.interact(() -> model.sample(System.nanoTime()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(OnFx.get(model::keysTwice), "ended, the keys ask twice");
        Label hint = robot.lookup("#stepper-hint").queryAs(Label.class);
        Node figures = robot.lookup("#stepper-figures").query();
        Node lanes = robot.lookup("#stepper-lanes").query();
        String before = OnFx.get(hint::getText);
        double hintHeight = OnFx.get(hint::getHeight);
        double figuresTop = sceneTop(figures);
        double lanesTop = sceneTop(lanes);

        robot.interact(() -> model.stepThread(0)); // kept on screen: "press 1 again"
        WaitForAsyncUtils.waitForFxEvents();
        String after = OnFx.get(hint::getText);
        assertTrue(!after.equals(before) && after.contains("again"), after);
        double width = OnFx.get(hint::getWidth);
        assertTrue(OnFx.get(() -> hint.prefHeight(width)) < hintHeight - 0.5,
                "the new words take fewer lines: " + after);
        assertEquals(figuresTop, sceneTop(figures), 0.5, "the count's cards moved");
        assertEquals(lanesTop, sceneTop(lanes), 0.5, "the lanes moved");
    }
}
