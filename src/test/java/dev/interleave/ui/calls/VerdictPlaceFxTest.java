package dev.interleave.ui.calls;

import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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

import dev.interleave.engine.calls.CallRunner;
import dev.interleave.engine.calls.CounterKind;
import dev.interleave.engine.run.RunState;
import dev.interleave.ui.kit.OnFx;
import dev.interleave.ui.kit.StyledStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verdict is where a class looks, in the first screen of the results at 150 % in 1024x700 (the
 * results about 600 x 480 px, 19.5 px text): above the figure cards, not under them and the memory
 * card, four screens down, where only the status bar said ✘ (a teacher's tryout). While the run
 * goes, its place is held, so the cards do not move when it comes.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class VerdictPlaceFxTest {

    private final CallsViewModel model = new CallsViewModel(new CallRunner());
    private Stage stage;

    @Start
    void start(Stage primary) {
        CallsView view = new CallsView(model);
        view.setStyle("-fx-font-size: 19.5px;");
        // The settings' panel at 150 % in 1024x700 is about 400 px wide: the results get the rest.
        stage = StyledStage.showThemed(view, 1010, 480);
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
    void theVerdictIsInTheFirstScreenAboveTheCards(FxRobot robot) throws Exception {
        // Laid out first, as a window is before anyone presses Run.
        for (int pulse = 0; pulse < 4; pulse++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(50);
        }
        robot.interact(() -> {
            model.callsProperty().set(1_000);
            model.concurrencyProperty().set(100);
            model.maxSleepMillisProperty().set(0);
            model.counterProperty().set(CounterKind.RACY);
            model.run();
        });
        double[] cardsAtRun = new double[1];
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            // Laid out with Run's verdict place, whether or not a pulse has come since.
            Node root = robot.lookup("#sum").query().getScene().getRoot();
            root.applyCss();
            ((javafx.scene.Parent) root).layout();
            cardsAtRun[0] = top(robot.lookup("#sum").query());
        });
        // Sampled as the window's frame timer does.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> OnFx.get(() -> {
            model.sample(System.nanoTime());
            return model.stateProperty().get() == RunState.IDLE && !model.verdictProperty().get().isEmpty();
        }));
        for (int pulse = 0; pulse < 4; pulse++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(50);
        }
        ScrollPane live = robot.lookup("#calls-live").queryAs(ScrollPane.class);
        Label verdict = robot.lookup("#verdict").queryAs(Label.class);
        double[] at = new double[4];
        robot.interact(() -> {
            live.setVvalue(live.getVmin());
            live.layout();
            at[0] = top(verdict);
            at[1] = top(verdict) + verdict.getHeight();
            at[2] = top(robot.lookup("#sum").query());
            at[3] = live.getViewportBounds().getHeight();
        });
        assertTrue(OnFx.get(() -> verdict.getText().startsWith("✘") && verdict.isVisible()), OnFx.get(verdict::getText));
        assertTrue(at[1] <= at[3], String.format("the verdict at %.0f..%.0f px in a %.0f px view", at[0], at[1], at[3]));
        assertTrue(at[1] <= at[2], String.format("the verdict (ending at %.0f px) above the cards (%.0f px)", at[1], at[2]));
        assertEquals(cardsAtRun[0], at[2], 0.5, "the cards where they were while the run went");
    }

    /** {@code node}'s top in the scrolled content, in px from the view's top edge. */
    private static double top(Node node) {
        Node viewport = node.getScene().lookup("#calls-live").lookup(".viewport");
        Bounds bounds = viewport.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        return bounds.getMinY();
    }
}
