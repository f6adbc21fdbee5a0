package dev.interleave.ui.race;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
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
import dev.interleave.engine.race.LabMeasure;
import dev.interleave.engine.race.LabRunner;
import dev.interleave.engine.race.StepProgram;
import dev.interleave.engine.race.StepperRunner;
import dev.interleave.engine.run.RunState;
import dev.interleave.ui.buffer.BufferScenario;
import dev.interleave.ui.buffer.BufferViewModel;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.shell.InterleaveApp;
import dev.interleave.ui.shell.MainView;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The race lab's tab in the window, driven as a learner drives it (TestFX, headless), controls by {@code #id}. */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class RaceViewFxTest {

    /** interleave.css's -il-note-background and -il-ok-background in the light palette. */
    private static final Color NOTE_BACKGROUND = Color.web("#fff6d6");
    private static final Color OK_BACKGROUND = Color.web("#e3f0fa");

    private final StepperRunner stepper = new StepperRunner();
    private final LabRunner lab = new LabRunner();
    private final BufferRunner bufferRunner = new BufferRunner();
    private RaceViewModel race;

    @Start
    void start(Stage stage) {
        race = new RaceViewModel(new StepperViewModel(stepper), new LabViewModel(lab));
        MainView view = new MainView(List.of(BufferScenario.tab(new BufferViewModel(bufferRunner)),
                RaceScenario.tab(race)), new FrameStats());
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(
                InterleaveApp.class.getResource("interleave.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopRuns() throws Exception {
        for (var runner : List.of(stepper, lab, bufferRunner)) {
            if (runner.state() != RunState.IDLE) {
                runner.stop();
            }
        }
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /**
     * Each mode has a guide, folded, that names the programs and measures as the buttons do (so a
     * renamed button breaks it) and ends on a question.
     */
    @Test
    void eachModeHasAGuideInTheButtonsWords(FxRobot robot) {
        robot.clickOn("#tab-race");
        String slow = text(robot, "#stepper-guide-text");
        for (StepProgram program : StepProgram.values()) {
            assertTrue(slow.contains(program.label()), program.label() + " in: " + slow);
        }
        assertTrue(slow.strip().endsWith("?"), slow);
        robot.clickOn("#race-full-speed");
        String full = text(robot, "#lab-race-guide-text");
        for (LabMeasure measure : LabMeasure.values()) {
            assertTrue(full.contains(measure.label()), measure.label() + " in: " + full);
        }
        for (String strategy : List.of("racy", "volatile", "packed", "padded")) { // the tables' and bars' words
            assertTrue(full.contains(strategy), strategy + " in: " + full);
        }
        assertTrue(full.strip().endsWith("?"), full);
    }

    /**
     * Keys 1 and 2, as a learner presses them, make the textbook lost update: the last step names
     * it, the lost-updates figure reads 1, T2's lane shows its register, the log lists six steps.
     */
    @Test
    void keysOneAndTwoMakeTheLostUpdate(FxRobot robot) throws Exception {
        robot.clickOn("#tab-race");
        robot.interact(() -> race.stepper().incrementsProperty().set(1));
        assertEquals(NOTE_BACKGROUND, challengeFill(robot), "an open challenge reads in the note colours");
        double[] lanesAt = new double[2];
        Node challenge = robot.lookup("#stepper-challenge").query();
        robot.interact(() -> lanesAt[0] = challenge.localToScene(0, 0).getY());
        for (KeyCode key : List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT1, KeyCode.DIGIT1, KeyCode.DIGIT2,
                KeyCode.DIGIT2)) {
            robot.type(key);
            stepper.awaitSteps(Duration.ofSeconds(10));
            if (lanesAt[1] == 0) {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                        () -> race.stepper().figuresNoteProperty().get().startsWith("This run's"));
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> lanesAt[1] = challenge.localToScene(0, 0).getY());
                // Paused between steps, Space is Resume, as the tool bar says (the hint said Run).
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                        () -> text(robot, "#stepper-hint").endsWith("Space: Resume, played as Auto-step."));
            }
        }
        // The line over the figures filled at the first step, in the room it kept: nothing under it moved.
        assertEquals(lanesAt[0], lanesAt[1], 0.5, "the challenge and the lanes under it stayed put");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> text(robot, "#stepper-last-step").equals("Step 6: T2 wrote 1 over T1's 1: one increment lost"));
        // The lost update in the failure box, and the challenge met on a line of its own in the success
        // colours: "✔ Challenge met." stood inside the red dashed box (a teacher's tryout).
        assertEquals("✔ Challenge met.", text(robot, "#stepper-step-goal"));
        Label stepGoal = robot.lookup("#stepper-step-goal").queryAs(Label.class);
        Label lastStep = robot.lookup("#stepper-last-step").queryAs(Label.class);
        assertTrue(stepGoal.getPseudoClassStates().contains(PseudoClass.getPseudoClass("success")),
                "the challenge met reads as a success: " + stepGoal.getPseudoClassStates());
        assertTrue(lastStep.getPseudoClassStates().contains(PseudoClass.getPseudoClass("lost")), "the lost update as a failure");
        assertFalse(lastStep.getText().contains("✔"), lastStep.getText());
        assertEquals(OK_BACKGROUND, WaitForAsyncUtils.asyncFx(() -> {
            stepGoal.applyCss();
            return stepGoal.getBackground().getFills().getFirst().getFill();
        }).get(), "in the success colours");
        assertEquals("1", text(robot, "#stepper-lost"));
        assertEquals("1", text(robot, "#stepper-count"));
        assertEquals(6, robot.lookup("#stepper-log").queryAs(VBox.class).getChildren().size());
        assertTrue(text(robot, "#stepper-challenge").startsWith("✔ Challenge met"), text(robot, "#stepper-challenge"));
        assertEquals(OK_BACKGROUND, challengeFill(robot), "a met challenge reads in the success colours");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#stepper-verdict").startsWith("✘"));
        // Both threads done: the hint no longer asks for a next step of this run.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#stepper-hint").startsWith(
                "Every thread has finished, and its steps stay on screen. Press 1 or 2 twice, or click a thread twice,"
                        + " to start a new run"));
        // The status bar says it as the panel does ("Press 1 or 2 ... to let that thread take one step" beside it).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#status").contains(
                "Press 1 or 2 twice, or click a thread twice, to start a new run step by step"));
        // Space, pressed to take over from an Auto-step that had just played the last step, kept
        // nothing: the first press keeps the steps on screen, the second starts Auto-step.
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunState.IDLE, stepper.state());
        assertEquals(6, robot.lookup("#stepper-log").queryAs(VBox.class).getChildren().size());
        assertEquals("This run has ended, and its steps stay on screen: press Space again, or Run, to start a new one.",
                text(robot, "#stepper-hint"));
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stepper.state() != RunState.IDLE);
        robot.clickOn("#stop");
    }

    /** The challenge's background as drawn: its stylesheet's colours (Primer Light's -il-note or -il-ok background). */
    private static Paint challengeFill(FxRobot robot) throws Exception {
        Label challenge = robot.lookup("#stepper-challenge").queryAs(Label.class);
        return WaitForAsyncUtils.asyncFx(() -> {
            challenge.applyCss();
            return challenge.getBackground().getFills().getFirst().getFill();
        }).get();
    }

    /** A click on a lane steps that thread; from idle it starts the run paused first. */
    @Test
    void aClickOnALaneStepsThatThread(FxRobot robot) throws Exception {
        robot.clickOn("#tab-race");
        robot.clickOn("#lane-2");
        stepper.awaitSteps(Duration.ofSeconds(10));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> text(robot, "#stepper-last-step").equals("Step 1: T2 read 0 into its register"));
        assertEquals(RunState.PAUSED, stepper.state());
        assertEquals("‖ paused", text(robot, "#badge-race"));
        assertEquals(List.of("‖ parked before: read", "‖ parked before: add"), laneStates(robot));

        // Stopped after one step: stopped, not done, in the badge, the hint and the lanes.
        robot.clickOn("#stop");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#badge-race").equals("■ stopped"));
        assertTrue(text(robot, "#stepper-hint").startsWith("Stopped. Press 1 or 2"), text(robot, "#stepper-hint"));
        assertEquals(List.of("■ stopped before: read", "■ stopped before: add"), laneStates(robot));

        // Threads set to 4 after Stop: the stopped run's two lanes stay, and the hint says whose they
        // are ("Press 1 to 4" stood over two lanes, a teacher's tryout).
        robot.interact(() -> race.stepper().threadsProperty().set(4));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, laneStates(robot).size());
        assertTrue(text(robot, "#stepper-hint").startsWith("Stopped. These lanes are the last run's 2 threads; a new"
                + " run has 4. Press 1 to 4"), text(robot, "#stepper-hint"));
        robot.interact(() -> race.stepper().threadsProperty().set(2));

        // As the hint says, the first key after Stop starts the new run (it answered "press 1 again").
        robot.type(KeyCode.DIGIT1);
        stepper.awaitSteps(Duration.ofSeconds(10));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> text(robot, "#stepper-last-step").equals("Step 1: T1 read 0 into its register"));
        assertEquals(RunState.PAUSED, stepper.state());
    }

    /** Each lane's last line: what its thread does next, or done. */
    private static List<String> laneStates(FxRobot robot) {
        return robot.lookup(".lane-state").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    /** A digit typed into a settings field is typing, not a step. */
    @Test
    void digitsTypedIntoAFieldAreNotSteps(FxRobot robot) {
        robot.clickOn("#tab-race");
        robot.doubleClickOn("#stepper-increments-field").eraseText(3).write("2").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, race.stepper().incrementsProperty().get());
        assertEquals(RunState.IDLE, stepper.state());
    }

    /** While another tab's run goes on, a step from idle (key or click) is refused like Run, and the status bar says why. */
    @Test
    void stepsFromIdleAreRefusedWhileAnotherTabRuns(FxRobot robot) throws Exception {
        robot.clickOn("#tab-buffer");
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bufferRunner.state() == RunState.RUNNING);
        robot.clickOn("#tab-race");
        robot.type(KeyCode.DIGIT1);
        robot.clickOn("#lane-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunState.IDLE, stepper.state());
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertTrue(status.getText().startsWith("Refused: the run in Bounded Buffer is still running"), status.getText());
    }

    /**
     * A Slow motion run left paused behind Full speed is still the race lab's run: another tab's Run
     * is refused and says so (a tryout had a deadlocked table and Slow motion's Auto-step going at
     * once). And while Slow motion's Run plays steps, the rate slider beside Auto-step, which sets
     * their pace, is live.
     */
    @Test
    void aSlowMotionRunBehindFullSpeedIsStillTheLabsRun(FxRobot robot) throws Exception {
        robot.clickOn("#tab-race");
        robot.clickOn("#run"); // Slow motion's Run: Auto-step
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stepper.state() == RunState.RUNNING);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#auto-step-rate").query().isDisabled()
                && !robot.lookup("#auto-step-rate-text").query().isDisabled()); // its words not greyed beside it
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stepper.state() == RunState.PAUSED);
        robot.clickOn("#race-full-speed");
        robot.clickOn("#tab-buffer");
        Label status = robot.lookup("#status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().contains(
                "The run in Race & Atomics is paused in its tab"));
        assertTrue(robot.lookup("#run").query().isDisabled());
        robot.type(KeyCode.SPACE); // Run's key
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunState.IDLE, bufferRunner.state(), "one run at a time");
        assertTrue(status.getText().startsWith("Refused: the run in Race & Atomics is still paused"), status.getText());
    }

    /**
     * From inside the race lab's own tabs (where Ctrl+Tab turns them, not the window's), Ctrl+1 and
     * Ctrl+2 go to the window's tabs by place; [ and ] set the Auto-step rate, whose slider is not in
     * the Tab order.
     */
    @Test
    void aKeyboardGoesToAnyTabAndSetsTheAutoStepRate(FxRobot robot) {
        robot.clickOn("#tab-race");
        robot.clickOn("#race-full-speed");
        TabPane window = robot.lookup("#scenarios").queryAs(TabPane.class);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertEquals(0, window.getSelectionModel().getSelectedIndex(), "Ctrl+1: the first tab");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertEquals(1, window.getSelectionModel().getSelectedIndex(), "Ctrl+2: the race lab again");
        String before = text(robot, "#auto-step-rate-text");
        robot.type(KeyCode.CLOSE_BRACKET);
        String faster = text(robot, "#auto-step-rate-text");
        robot.type(KeyCode.OPEN_BRACKET);
        assertEquals(Integer.parseInt(before.split(" ")[0]) + 1, Integer.parseInt(faster.split(" ")[0]), faster);
        assertEquals(before, text(robot, "#auto-step-rate-text"));
    }

    /**
     * The tab's badge tells of the lab's latest run, whichever view is open: a measurement ended,
     * then a stepped run stopped, reads "■ stopped" in Slow motion and in Full speed alike (it
     * flipped back to the measurement's "✓ done" in Full speed, a teacher's tryout), and names the
     * part its run is in when that is not the part open ("✓ done" stood over Slow motion's "No run's
     * figures yet", a learner's tryout).
     */
    @Test
    void theBadgeTellsOfTheLatestRunInEitherView(FxRobot robot) throws Exception {
        robot.clickOn("#tab-race");
        robot.clickOn("#race-full-speed");
        robot.interact(() -> {
            race.lab().measureProperty().set(LabMeasure.LOST_UPDATES);
            race.lab().threadsProperty().set(2);
            race.lab().incrementsProperty().set(1_000);
            race.lab().runsProperty().set(1);
        });
        robot.clickOn("#run");
        // "✘ lost updates" when a racy strategy lost some, else "⚠ none lost": a measurement's badge either way.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lab.state() == RunState.IDLE
                && race.lab().showsEndedRun() && (text(robot, "#badge-race").startsWith("⚠")
                || text(robot, "#badge-race").startsWith("✘")));
        String measured = text(robot, "#badge-race");
        assertFalse(measured.contains("("), "in Full speed, the part open: " + measured);
        robot.clickOn("#race-slow-motion");
        WaitForAsyncUtils.waitForFxEvents(5);
        // Over Slow motion's "No run's figures yet", it says whose run it tells of.
        assertEquals(measured + " (Full speed)", text(robot, "#badge-race"), "in Slow motion, before any step");
        robot.clickOn("#lane-1");
        stepper.awaitSteps(Duration.ofSeconds(10));
        robot.clickOn("#stop");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#badge-race").equals("■ stopped"));
        robot.clickOn("#race-full-speed");
        Label status = robot.lookup("#status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().contains("Full speed:"));
        WaitForAsyncUtils.waitForFxEvents(5);
        assertEquals("■ stopped (Slow motion)", text(robot, "#badge-race"),
                "in Full speed, after the stepped run stopped, named as Slow motion's");
    }

    /**
     * Fair lock is greyed out under false sharing, which takes no lock, with the reason under it, as
     * the command line refuses --fair there (it stayed free to tick: an engineer's tryout).
     */
    @Test
    void fairLockIsGreyedWhereNoLockIsTaken(FxRobot robot) {
        robot.clickOn("#tab-race");
        robot.clickOn("#race-full-speed");
        for (LabMeasure measure : LabMeasure.values()) {
            robot.interact(() -> race.lab().measureProperty().set(measure));
            boolean none = measure == LabMeasure.FALSE_SHARING;
            assertEquals(none, robot.lookup("#lab-fair").query().isDisabled(), measure.label());
            assertEquals(none ? LabView.FAIR_GREYED : "", text(robot, "#lab-fair-note"), measure.label());
        }
    }

    /** Full speed: a false-sharing measurement runs from the tool bar and shows both layouts' rates and their ratio. */
    @Test
    void aMeasurementShowsItsFigures(FxRobot robot) throws Exception {
        robot.clickOn("#tab-race");
        robot.clickOn("#race-full-speed");
        robot.interact(() -> {
            race.lab().measureProperty().set(LabMeasure.FALSE_SHARING);
            race.lab().threadsProperty().set(2);
            race.lab().incrementsProperty().set(100_000);
            race.lab().runsProperty().set(2);
        });
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#lab-progress").startsWith("false-sharing, done: 4 of 4 runs"));
        assertTrue(text(robot, "#lab-false-sharing-ratio").startsWith("Padded runs"), text(robot, "#lab-false-sharing-ratio"));
        assertTrue(text(robot, "#lab-rate-packed").endsWith("/s"), text(robot, "#lab-rate-packed"));

        // Another measure run with other increments, then back: the false-sharing figures, measured with
        // 100,000, say at them that the settings have changed since (the note over the view speaks of
        // the lost updates' run alone); the settings they ran with again, they do not.
        robot.interact(() -> {
            race.lab().measureProperty().set(LabMeasure.LOST_UPDATES);
            race.lab().incrementsProperty().set(1_000);
            race.lab().runsProperty().set(1);
        });
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lab.state() == RunState.IDLE && race.lab().showsEndedRun());
        assertFalse(text(robot, "#lab-measured-with").contains(LabView.CHANGED_SINCE), "the last run's own settings");
        robot.interact(() -> race.lab().measureProperty().set(LabMeasure.FALSE_SHARING));
        WaitForAsyncUtils.waitForFxEvents();
        Label with = robot.lookup("#lab-measured-with").queryAs(Label.class);
        assertTrue(with.getText().startsWith("Measured with 2 threads x 100,000 increments")
                && with.getText().endsWith(LabView.CHANGED_SINCE), with.getText());
        assertTrue(with.getPseudoClassStates().contains(PseudoClass.getPseudoClass("settings-changed")));
        robot.interact(() -> {
            race.lab().incrementsProperty().set(100_000);
            race.lab().runsProperty().set(2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(with.getText().contains(LabView.CHANGED_SINCE), with.getText());
        assertFalse(with.getPseudoClassStates().contains(PseudoClass.getPseudoClass("settings-changed")));
    }
}
