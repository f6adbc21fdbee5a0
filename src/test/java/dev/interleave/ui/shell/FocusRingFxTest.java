package dev.interleave.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.interleave.engine.calls.CallRunner;
import dev.interleave.ui.calls.CallsScenario;
import dev.interleave.ui.calls.CallsViewModel;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.StyledStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A slider or a choice reached by Tab shows that it has the focus (a glow: interleave.css's
 * :focus-visible rules), in the window's theme: Primer drew none, and a keyboard user moved Calls
 * with Left unseen.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class FocusRingFxTest {

    private Stage stage;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage = new Stage();
        MainView view = new MainView(List.of(CallsScenario.tab(new CallsViewModel(new CallRunner()))), new FrameStats());
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(InterleaveApp.class.getResource("interleave.css"))
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterAll
    static void unthemed() {
        StyledStage.unthemed();
    }

    @Test
    void slidersAndChoicesReachedByTabShowTheirFocus(FxRobot robot) {
        List<String> unseen = new ArrayList<>();
        int sliders = 0;
        int choices = 0;
        for (int stop = 0; stop < 15; stop++) {
            robot.type(KeyCode.TAB);
            Node owner = stage.getScene().getFocusOwner();
            if (owner instanceof Slider slider) {
                sliders++;
                if (slider.lookup(".thumb").getEffect() == null) {
                    unseen.add(slider.getId());
                }
            } else if (owner instanceof ToggleButton choice) {
                choices++;
                if (choice.getEffect() == null) {
                    unseen.add(choice.getText());
                }
            }
        }
        assertTrue(sliders >= 3 && choices >= 1, sliders + " sliders, " + choices + " choices reached");
        assertEquals(List.of(), unseen, "focused, and drawn as before");
        StyledStage.close(stage);
    }
}
