package dev.interleave.ui.race;

import javafx.event.ActionEvent;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.interleave.engine.race.LabRunner;
import dev.interleave.ui.kit.StyledStage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A value typed past two limits says the one that set it: 99,999,999 increments at 4 threads read
 * "99,999,999 is above the maximum, 10,000,000: set to 10,000,000." above a field that read
 * 2,500,000, and under it "Lowered to 2,500,000: threads x increments is at most 10,000,000." (a
 * tryout).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class LabIncrementsFxTest {

    private final LabViewModel model = new LabViewModel(new LabRunner());
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = StyledStage.showThemed(new LabView(model), 1024, 700);
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    @AfterAll
    static void unthemed() {
        StyledStage.unthemed();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aValueTypedPastTwoLimitsSaysTheOneThatSetIt(FxRobot robot) {
        robot.interact(() -> model.threadsProperty().set(4));
        TextField field = robot.lookup("#lab-increments-field").queryAs(TextField.class);
        robot.interact(() -> {
            field.setText("99999999");
            field.fireEvent(new ActionEvent());
        });
        assertEquals(2_500_000, model.incrementsProperty().get());
        assertEquals("2,500,000", field.getText());
        assertEquals("", text(robot, "#lab-increments-message"), "not \"set to 10,000,000\"");
        assertEquals("Lowered to 2,500,000: threads x increments is at most 10,000,000.",
                text(robot, "#lab-increments-note"));

        robot.interact(() -> {
            field.setText("0");
            field.fireEvent(new ActionEvent());
        });
        assertEquals(1, model.incrementsProperty().get());
        assertEquals("0 is below the minimum, 1: set to 1.", text(robot, "#lab-increments-message"),
                "a value only the field's own limit changed says so");
    }
}
