package dev.interleave.ui.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.effect.DropShadow;
import javafx.scene.effect.Effect;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
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
 * A slider, a choice, a field or the tab strip reached by Tab shows that it has the focus (a solid ring: interleave.css's
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
        Map<String, Integer> reached = new HashMap<>();
        for (int stop = 0; stop < 15; stop++) {
            robot.type(KeyCode.TAB);
            // Read on the FX thread, the focused node's styles applied (:focus-visible's rules come at a pulse).
            robot.interact(() -> {
                Node owner = stage.getScene().getFocusOwner();
                owner.applyCss();
                String kind = owner.getClass().getSimpleName();
                reached.merge(kind, 1, Integer::sum);
                if (!shown(owner)) {
                    unseen.add(owner.getId() != null ? owner.getId() : kind);
                }
            });
        }
        assertTrue(reached.getOrDefault("Slider", 0) >= 3 && reached.getOrDefault("ToggleButton", 0) >= 1
                && reached.getOrDefault("TextField", 0) >= 3 && reached.getOrDefault("TabPane", 0) == 1,
                "reached: " + reached);
        assertEquals(List.of(), unseen, "focused, and drawn as before");
        StyledStage.close(stage);
    }

    /** Whether {@code owner}, focused by Tab, shows it (true for kinds this test does not check). FX thread. */
    private static boolean shown(Node owner) {
        return switch (owner) {
            // Its thumb in the accent, inside a ring of the text's colour 3 px out (a ring of the
            // thumb's own grey read as a slightly larger thumb).
            case Slider slider -> {
                List<BackgroundFill> fills = ((Region) slider.lookup(".thumb")).getBackground().getFills();
                yield fills.size() >= 2 && fills.getFirst().getInsets().getTop() <= -3;
            }
            // A ring inside the chosen tab: an outer layer, and the tab's own background 2.5 px in (a
            // shadow outside it was clipped by the header, and never seen).
            case TabPane strip -> {
                Region tab = (Region) strip.lookup(".tab:selected");
                tab.applyCss();
                List<BackgroundFill> fills = tab.getBackground().getFills();
                yield fills.size() >= 2 && fills.get(1).getInsets().getTop() >= 2;
            }
            case ToggleButton choice -> ring(choice.getEffect());
            // Its border grown outwards: the outer layer of its background 2 px outside it.
            case TextField field -> {
                Insets outer = field.getBackground().getFills().getFirst().getInsets();
                yield outer.getTop() <= -2 && outer.getLeft() <= -2;
            }
            default -> true;
        };
    }

    /**
     * Whether {@code effect} is a solid ring, seen from the back of a room: a shadow spread whole
     * (a soft glow, spread 0.6, read as a pale halo on a projector; a text field had none).
     */
    private static boolean ring(Effect effect) {
        return effect instanceof DropShadow shadow && shadow.getSpread() >= 0.99 && shadow.getRadius() >= 4;
    }
}
