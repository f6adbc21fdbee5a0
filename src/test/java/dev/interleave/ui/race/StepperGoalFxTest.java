package dev.interleave.ui.race;

import javafx.event.ActionEvent;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.interleave.engine.race.StepperRunner;
import dev.interleave.ui.kit.OnFx;
import dev.interleave.ui.kit.StyledStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Challenge goes up to what one stale read can lose, (threads - 1) x increments, and its field says so with the
 * increments' value: "9 is above the maximum, 5: set to 5." was shown under a field that read 3,
 * lowering the increments lowered it without a word, and its slider went on past them.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class StepperGoalFxTest {

    /** Not "at most what can be lost": 2 threads of 3 increments can lose 4 (the words said 3 was the most). */
    private static final String WHY = StepperView.GOAL_CAP;

    private final StepperViewModel model = new StepperViewModel(new StepperRunner());
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = StyledStage.showThemed(new StepperView(model), 1024, 525);
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    @AfterAll
    static void unthemed() {
        StyledStage.unthemed();
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#stepper-goal-message").queryAs(Label.class).getText();
    }

    @Test
    void theChallengeIsReadAgainstTheIncrementsAndSaysSo(FxRobot robot) {
        robot.interact(() -> {
            model.incrementsProperty().set(3);
            model.goalProperty().set(1);
        });
        TextField field = robot.lookup("#stepper-goal-field").queryAs(TextField.class);
        robot.interact(() -> {
            field.setText("9");
            field.fireEvent(new ActionEvent());
        });
        assertEquals(3, model.goalProperty().get());
        assertEquals("3", field.getText());
        assertEquals("9 is above the maximum, 3: set to 3. " + WHY, message(robot));
        assertEquals(3, robot.lookup("#stepper-goal-slider").queryAs(Slider.class).getMax(), "the slider ends there");

        robot.interact(() -> model.incrementsProperty().set(1));
        assertEquals(1, model.goalProperty().get());
        assertEquals("Lowered to 1: " + Character.toLowerCase(WHY.charAt(0)) + WHY.substring(1), message(robot));
        assertEquals(1, robot.lookup("#stepper-goal-slider").queryAs(Slider.class).getMax());
    }

    /**
     * With more threads, one stale read loses more: 4 threads of 3 increments, T1 holding its read
     * while the other three make their 9. The cap was the increments alone, 3.
     */
    @Test
    void moreThreadsRaiseTheChallengesCap(FxRobot robot) {
        robot.interact(() -> {
            model.threadsProperty().set(4);
            model.incrementsProperty().set(3);
        });
        TextField field = robot.lookup("#stepper-goal-field").queryAs(TextField.class);
        robot.interact(() -> {
            field.setText("12");
            field.fireEvent(new ActionEvent());
        });
        assertEquals(9, model.goalProperty().get());
        assertEquals("12 is above the maximum, 9: set to 9. " + WHY, message(robot));
        assertEquals(9, robot.lookup("#stepper-goal-slider").queryAs(Slider.class).getMax());
        assertEquals(9, model.settings().goalLost());
        robot.moveTo(field); // the tooltip is made when the pointer first comes
        assertTrue(OnFx.get(() -> field.getTooltip().getText()).contains("Allowed now: 0 to 9. " + WHY),
                "the tooltip says the range as it is: " + OnFx.get(() -> field.getTooltip().getText()));

        robot.interact(() -> model.threadsProperty().set(2));
        assertEquals(3, model.goalProperty().get());
        assertEquals("Lowered to 3: " + Character.toLowerCase(WHY.charAt(0)) + WHY.substring(1), message(robot));
        assertTrue(OnFx.get(() -> field.getTooltip().getText()).contains("Allowed now: 0 to 3."));
    }

    /**
     * A click on a field's name gives the field the keys, so the digit typed next goes into it: a click
     * meant for the field, pushed down by a message above, landed on the name, and the "4" typed next
     * reached the window, where digits step the threads.
     */
    @Test
    void aClickOnTheNameTypesIntoItsField(FxRobot robot) {
        robot.interact(() -> {
            model.incrementsProperty().set(3);
            model.goalProperty().set(1);
        });
        TextField field = robot.lookup("#stepper-goal-field").queryAs(TextField.class);
        robot.clickOn("#stepper-threads-field"); // the keys elsewhere first
        robot.clickOn(robot.lookup("#stepper-goal .setting-name").queryAs(Label.class));
        robot.push(KeyCode.CONTROL, KeyCode.A).write("2").type(KeyCode.ENTER);
        assertEquals(2, model.goalProperty().get(), "the digit went into the field");
        assertEquals("2", field.getText());
    }
}
