package dev.interleave.ui.philosophers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.interleave.ui.kit.ColourProbe;
import dev.interleave.ui.kit.StyledStage;
import dev.interleave.ui.kit.Timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deadlock's line on the timeline ("the red line is the moment the circle closed") stands apart
 * from every philosopher's state colour, in both themes: drawn in the failure's orange, 38 apart in
 * RGB from the waits' amber, a learner could hardly see it over a lane waiting for a fork.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class MomentColourFxTest {

    /** How far apart (RGB, 0 to 441) the line's colour is from any state's, at least: a quarter of black to white. */
    private static final double APART = 441.0 / 4;
    /**
     * How far apart (RGB) two different states' colours are, at least: dark's thinking and hungry
     * (#64b5f6, #4dd0e1) were 41 apart and its gate and ended greys 23, which a presenter could not
     * tell apart on a projector; light's closest pair, thinking and hungry, is 61.
     */
    private static final double STATES_APART = 60;

    private Stage stage;
    private StackPane view;
    private final List<ColourProbe> states = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private ColourProbe moment;

    @Start
    void start(Stage primary) {
        view = new StackPane();
        PhilosophersLanes lanes = new PhilosophersLanes();
        for (int state = 0; state < lanes.states(); state++) {
            names.add(lanes.colour(state));
            ColourProbe probe = new ColourProbe(lanes.colour(state), () -> { });
            states.add(probe);
            view.getChildren().add(probe);
        }
        moment = new ColourProbe(Timeline.MOMENT_COLOUR, () -> { });
        view.getChildren().add(moment);
        stage = showStyled(view);
    }

    /**
     * {@code view}, a philosophers view's pane, in a window of its own with the lab's stylesheet, under
     * the scene's root as in the window: the dark values are set on ".root:dark .philosophers-view".
     */
    static Stage showStyled(StackPane view) {
        view.getStyleClass().add("philosophers-view"); // where the lab's own colours (-ph-think) are defined
        Stage shown = StyledStage.show(new StackPane(view), 200, 100);
        shown.getScene().getStylesheets().add(Objects.requireNonNull(
                PhilosophersView.class.getResource("philosophers.css")).toExternalForm());
        return shown;
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    /** Different states' colours on the lanes and seats (those not meant to be one, as eating and putting down) stand apart in both themes. */
    @Test
    void theStatesColoursStandApartInBothThemes() throws Exception {
        List<String> seen = new ArrayList<>();
        for (boolean dark : new boolean[] {false, true}) {
            List<Color> colours = themed(dark, states);
            for (int a = 0; a < colours.size(); a++) {
                for (int b = a + 1; b < colours.size(); b++) {
                    if (names.get(a).equals(names.get(b))) {
                        continue; // one colour by design (trying a fork and waiting for one: the lock's)
                    }
                    double apart = apart(colours.get(a), colours.get(b));
                    seen.add(names.get(a) + "/" + names.get(b));
                    assertTrue(apart >= STATES_APART, (dark ? "dark" : "light") + ": " + names.get(a) + " "
                            + colours.get(a) + " and " + names.get(b) + " " + colours.get(b) + " only " + apart + " apart");
                }
            }
        }
        assertTrue(seen.contains("-ph-think/-ph-hungry") || seen.contains("-ph-hungry/-ph-think"), seen.toString());
    }

    @Test
    void theDeadlocksLineStandsApartFromEveryStateInBothThemes() throws Exception {
        List<String> seen = new ArrayList<>();
        for (boolean dark : new boolean[] {false, true}) {
            List<Color> colours = themed(dark, states);
            Color line = themed(dark, List.of(moment)).getFirst();
            assertTrue(line != null, "the line's colour is defined");
            for (int state = 0; state < colours.size(); state++) {
                Color colour = colours.get(state);
                double apart = apart(line, colour);
                seen.add((dark ? "dark " : "light ") + state + " " + colour + " " + Math.round(apart));
                assertTrue(apart >= APART, (dark ? "dark" : "light") + ": the line " + line + " only " + apart
                        + " from state " + state + "'s " + colour);
            }
        }
        assertEquals(2 * states.size(), seen.size(), seen.toString());
    }

    /** The colours of {@code probes} in the dark theme ({@code dark}) or the light. */
    private List<Color> themed(boolean dark, List<ColourProbe> probes) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = stage.getScene();
            scene.getRoot().pseudoClassStateChanged(PseudoClass.getPseudoClass("dark"), dark);
            scene.getRoot().applyCss();
        }).get();
        List<Color> colours = new ArrayList<>();
        for (ColourProbe probe : probes) {
            colours.add((Color) WaitForAsyncUtils.asyncFx(() -> probe.paint(null)).get());
        }
        return colours;
    }

    /** How far apart two colours are in RGB, 0 to 441. */
    private static double apart(Color a, Color b) {
        return 255 * Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2)
                + Math.pow(a.getBlue() - b.getBlue(), 2));
    }
}
