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
        robot.interact(() -> racyRun(model));
        WaitForAsyncUtils.waitForFxEvents();
        verdictAboveCardsThatStayPut(robot, model, cardsNow(robot));
    }

    /**
     * Run before the page was ever laid out (a window in its first pulses; once in CI the place
     * was not held and the verdict pushed the cards 103 px down): the place is held from the first
     * layout on.
     */
    @Test
    void aRunBeforeTheFirstLayoutHoldsThePlaceToo(FxRobot robot) throws Exception {
        CallsViewModel early = new CallsViewModel(new CallRunner());
        Stage[] second = {null};
        try {
            robot.interact(() -> {
                CallsView view = new CallsView(early);
                view.setStyle("-fx-font-size: 19.5px;");
                racyRun(early); // the view in no window yet: no width to wrap the place at
                stage.close(); // one window: the lookups find this view's nodes
                second[0] = StyledStage.showThemed(view, 1010, 480);
            });
            WaitForAsyncUtils.waitForFxEvents();
            verdictAboveCardsThatStayPut(robot, early, cardsNow(robot));
        } finally {
            if (second[0] != null) {
                StyledStage.close(second[0]);
            }
        }
    }

    /**
     * The place says what the run is doing: "Running: ✔ or ✘ when the run ends" stood there while
     * the run was paused, the tab's badge and the status bar saying Paused (a learner's tryout).
     */
    @Test
    void thePlaceSaysWhetherTheRunGoesOrIsPaused(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.callsProperty().set(1_000);
            model.concurrencyProperty().set(100);
            model.maxSleepMillisProperty().set(1_000);
            model.run();
        });
        Label verdict = robot.lookup("#verdict").queryAs(Label.class);
        try {
            assertEquals("Running: ✔ or ✘ when the run ends", OnFx.get(verdict::getText));
            robot.interact(model::togglePause);
            assertEquals(RunState.PAUSED, OnFx.get(() -> model.stateProperty().get()));
            assertEquals("Paused: ✔ or ✘ when the run ends", OnFx.get(verdict::getText));
            assertTrue(OnFx.get(() -> verdict.getPseudoClassStates().stream()
                    .anyMatch(state -> state.getPseudoClassName().equals("pending"))), "drawn as a place to come");
        } finally {
            robot.interact(model::stop);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> OnFx.get(() -> {
                model.sample(System.nanoTime());
                return model.stateProperty().get() == RunState.IDLE;
            }));
        }
        assertTrue(OnFx.get(verdict::getText).startsWith("Stopped after"), OnFx.get(verdict::getText));
        assertTrue(OnFx.get(() -> verdict.getPseudoClassStates().stream()
                .noneMatch(state -> state.getPseudoClassName().equals("pending"))), "the verdict, not a place");
    }

    /** Sets a run of 1,000 calls on 100 threads, no sleeps, the racy counter, on {@code on}, and runs it. */
    private static void racyRun(CallsViewModel on) {
        on.callsProperty().set(1_000);
        on.concurrencyProperty().set(100);
        on.maxSleepMillisProperty().set(0);
        on.counterProperty().set(CounterKind.RACY);
        on.run();
    }

    /** The cards' top, laid out with the verdict's place as it is now, whether or not a pulse has come since. */
    private static double cardsNow(FxRobot robot) {
        double[] top = new double[1];
        robot.interact(() -> {
            Node root = robot.lookup("#sum").query().getScene().getRoot();
            root.applyCss();
            ((javafx.scene.Parent) root).layout();
            top[0] = top(robot.lookup("#sum").query());
        });
        return top[0];
    }

    /** Once {@code on}'s run has ended (sampled as the frame timer does): its ✘ verdict in view, above the cards, which have not moved. */
    private static void verdictAboveCardsThatStayPut(FxRobot robot, CallsViewModel on, double cardsAtRun) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> OnFx.get(() -> {
            on.sample(System.nanoTime());
            return on.stateProperty().get() == RunState.IDLE && !on.verdictProperty().get().isEmpty();
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
        assertEquals(cardsAtRun, at[2], 0.5, "the cards where they were while the run went");
    }

    /** {@code node}'s top in the scrolled content, in px from the view's top edge. */
    private static double top(Node node) {
        Node viewport = node.getScene().lookup("#calls-live").lookup(".viewport");
        Bounds bounds = viewport.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        return bounds.getMinY();
    }
}
