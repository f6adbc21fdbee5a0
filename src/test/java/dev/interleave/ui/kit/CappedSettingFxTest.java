package dev.interleave.ui.kit;

import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A setting kept at most another (the race lab's Challenge, at most the increments each thread
 * makes) says so with the other's value: "9 is above the maximum, 5: set to 5." was shown under a
 * field that read 3, and lowering the other lowered it without a word.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class CappedSettingFxTest {

    private static final String WHY = "At most the increments each thread makes.";

    private final SimpleIntegerProperty increments = new SimpleIntegerProperty(3);
    private final SimpleIntegerProperty goal = new SimpleIntegerProperty(1);
    private SettingSlider setting;
    private Stage stage;

    @Start
    void start(Stage primary) {
        // The model's rule, as StepperViewModel keeps it: the goal never above the increments.
        increments.addListener((obs, old, now) -> goal.set(Math.min(goal.get(), now.intValue())));
        goal.addListener((obs, old, now) -> goal.set(Math.min(now.intValue(), increments.get())));
        setting = new SettingSlider("goal", "Challenge (lost)", goal, new IntInput(0, 5, ""), false, "The goal.");
        setting.capBy(goal, increments, WHY);
        stage = new Stage();
        stage.setScene(new Scene(setting, 300, 200));
        stage.show();
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    @Test
    void aValueTypedAboveTheOtherSettingIsReadAgainstIt(FxRobot robot) {
        TextField field = robot.lookup("#goal-field").queryAs(TextField.class);
        robot.interact(() -> {
            field.setText("9");
            field.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(3, goal.get());
        assertEquals("3", field.getText());
        assertEquals("9 is above the maximum, 3: set to 3. " + WHY, setting.message());

        robot.interact(() -> {
            field.setText("2");
            field.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals("", setting.message());
        robot.interact(() -> increments.set(1));
        assertEquals(1, goal.get());
        assertEquals("Lowered to 1: at most the increments each thread makes.", setting.message());
        robot.interact(() -> increments.set(4));
        assertEquals(1, goal.get(), "raising the cap leaves the value");
    }
}
