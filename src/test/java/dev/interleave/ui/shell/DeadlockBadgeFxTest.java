package dev.interleave.ui.shell;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
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
import dev.interleave.engine.calls.CallRunner;
import dev.interleave.engine.philosophers.PhilosophersRunner;
import dev.interleave.engine.run.RunState;
import dev.interleave.ui.buffer.BufferScenario;
import dev.interleave.ui.buffer.BufferViewModel;
import dev.interleave.ui.calls.CallsScenario;
import dev.interleave.ui.calls.CallsViewModel;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.philosophers.PhilosophersScenario;
import dev.interleave.ui.philosophers.PhilosophersViewModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deadlocked table's run goes on (its threads are alive, blocked for good): seen from another
 * tab, its badge says "deadlocked", not "running", and the status bar says it will not end by itself
 * (Run in that other tab stops it first);
 * in its own tab, the status bar says "Deadlocked", not "Running", and Pause has nothing to pause.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class DeadlockBadgeFxTest {

    private final PhilosophersRunner tableRunner = new PhilosophersRunner();
    private final CallRunner callRunner = new CallRunner();
    private final BufferRunner bufferRunner = new BufferRunner();
    private PhilosophersViewModel table;
    private MainView view;

    @Start
    void start(Stage stage) {
        table = new PhilosophersViewModel(tableRunner);
        view = new MainView(List.of(CallsScenario.tab(new CallsViewModel(callRunner)),
                PhilosophersScenario.tab(table), BufferScenario.tab(new BufferViewModel(bufferRunner))),
                new FrameStats());
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(InterleaveApp.class.getResource("interleave.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopRun() throws Exception {
        if (tableRunner.state() != RunState.IDLE) {
            tableRunner.stop();
        }
        if (callRunner.state() != RunState.IDLE) {
            callRunner.stop();
        }
        if (bufferRunner.state() != RunState.IDLE) {
            bufferRunner.stop();
        }
    }

    @Test
    void aDeadlockedRunIsNamedSoFromAnotherTab(FxRobot robot) throws Exception {
        deadlock();
        WaitForAsyncUtils.asyncFx(() -> view.select("calls"));
        Label badge = robot.lookup("#badge-philosophers").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> badge.getText().equals("✘ deadlocked"));
        Label status = robot.lookup("#status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().contains("The run in Dining Philosophers "
                + "is deadlocked in its tab and will not end by itself: Run here stops it first")); // no Step in Counter & Sum
        assertEquals(RunState.RUNNING, tableRunner.state(), "its threads are alive, blocked");
        // It could never end by itself: Run here stops it, then runs (a class moving on to the next
        // topic found Run refused in every other tab).
        assertFalse(robot.lookup("#run").queryButton().isDisabled(), "Run stops the deadlocked table first");
        robot.clickOn(status).type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tableRunner.state() == RunState.IDLE
                && callRunner.state() == RunState.RUNNING);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText()
                .startsWith("Stopped the deadlocked run in Dining Philosophers (its figures stay in its tab), and started"));
        assertEquals("✘ deadlocked", badge.getText(), "stopped, but what it shows is a deadlock");
        // In an ended failure's colours, no longer the live alarm's (the words were the same, and the colours
        // were not brought up to date: a regression tryout).
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(badge.getPseudoClassStates().contains(PseudoClass.getPseudoClass("alarm")), "no longer an alarm");
        assertTrue(badge.getPseudoClassStates().contains(PseudoClass.getPseudoClass("failed")), "an ended failure");
    }

    /**
     * Step from another tab stops the deadlocked table too, and starts its run paused: the status line
     * says so, and how to go on (it had said "started this one" over a paused run, and hid the paused
     * run's own line).
     */
    @Test
    void aStepElsewhereStopsItAndSaysItsRunStartedPaused(FxRobot robot) throws Exception {
        deadlock();
        WaitForAsyncUtils.asyncFx(() -> view.select("buffer"));
        Label status = robot.lookup("#status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().contains("Run or Step here stops it"));
        robot.clickOn(status).type(KeyCode.S);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tableRunner.state() == RunState.IDLE
                && bufferRunner.state() == RunState.PAUSED);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().equals("Stopped the deadlocked run in"
                + " Dining Philosophers (its figures stay in its tab), and started this one paused, its first step"
                + " taken: S steps again, Space resumes."));
    }

    /** A tryout saw "Running  ·  Deadlocked: every philosopher ... blocked for good" beside a live Pause. */
    @Test
    void itsOwnTabSaysDeadlockedAndOffersStopNotPause(FxRobot robot) throws Exception {
        deadlock();
        Label status = robot.lookup("#status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().startsWith("Deadlocked: "));
        assertTrue(status.getText().contains("Stop (Esc) ends the run"), status.getText());
        assertEquals(RunState.RUNNING, tableRunner.state(), "its threads are alive, blocked");
        assertTrue(robot.lookup("#pause").queryButton().isDisabled(), "nothing to pause: " + status.getText());
        assertFalse(robot.lookup("#stop").queryButton().isDisabled(), "Stop ends it");
        robot.type(KeyCode.SPACE); // Pause's key, as the greyed-out button: nothing
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunState.RUNNING, tableRunner.state(), "Space pauses no deadlocked run");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tableRunner.state() == RunState.IDLE);
    }

    /**
     * Paused in a deadlock (as steps leave a table built into one), Resume is greyed out too, and
     * Space does nothing: a tryout's Resume set the tab running with nothing able to happen, and
     * ended the rewinding that paused runs allow.
     */
    @Test
    void pausedInADeadlockOffersNoResume(FxRobot robot) throws Exception {
        deadlock();
        WaitForAsyncUtils.asyncFx(table::togglePause);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tableRunner.state() == RunState.PAUSED);
        Label status = robot.lookup("#status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().startsWith("Paused in a deadlock"));
        assertEquals("Resume", robot.lookup("#pause").queryButton().getText());
        assertTrue(robot.lookup("#pause").queryButton().isDisabled(), "nothing to resume: " + status.getText());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunState.PAUSED, tableRunner.state(), "Space resumes no deadlocked run");
        assertTrue(robot.lookup("#philosophers-step-text").queryAs(Label.class).getText()
                .contains("Step, Auto-step and Resume are greyed out"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tableRunner.state() == RunState.IDLE);
    }

    /** Two philosophers, naive, no delays: deadlocked within moments. */
    private void deadlock() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.select("philosophers");
            table.nProperty().set(2);
            table.thinkMinMillisProperty().set(0);
            table.thinkMaxMillisProperty().set(0);
            table.eatMinMillisProperty().set(0);
            table.eatMaxMillisProperty().set(0);
            table.run();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.deadlockedProperty().get());
    }
}
