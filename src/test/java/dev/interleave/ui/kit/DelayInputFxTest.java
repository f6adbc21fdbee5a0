package dev.interleave.ui.kit;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.RangeSlider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A delay's two fields in a narrow settings panel (1024x700 at 150 %: 19.5 px text in a panel
 * about 14 em wide): the fields give up room and "to" and "ms" stay whole (they read "...").
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class DelayInputFxTest {

    private DelayInput delay;
    private Stage stage;

    @Start
    void start(Stage primary) {
        delay = new DelayInput("produce", "Produce delay (ms), applies live", new SimpleIntegerProperty(100),
                new SimpleIntegerProperty(700), new IntInput(0, 10_000, ""), "The time to make an item.");
        VBox panel = new VBox(delay);
        panel.setStyle("-fx-font-size: 19.5px; -fx-padding: 12px;");
        stage = StyledStage.show(panel, 14 * 19.5, 300);
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    @Test
    void toAndMsStayWholeWhenThePanelIsNarrow(FxRobot robot) {
        List<String> cut = new ArrayList<>();
        double[] fieldWidth = new double[1];
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            for (var node : delay.lookupAll(".label")) {
                Label label = (Label) node;
                if (List.of("to", "ms").contains(label.getText()) && label.getWidth() < label.prefWidth(-1) - 0.5) {
                    cut.add(label.getText() + ": " + label.getWidth() + " of " + label.prefWidth(-1) + " px");
                }
            }
            fieldWidth[0] = ((TextField) delay.lookup("#produce-max")).getWidth();
        });
        assertEquals(List.of(), cut, "cut to '...'");
        assertTrue(fieldWidth[0] >= 2.5 * 19.5, "the field still shows '700': " + fieldWidth[0] + " px");
    }

    /**
     * A range typed past the slider's end (restored from the last start, here) puts both thumbs at the
     * end and says so: the low thumb was left at 0, clamped against the slider's default high end.
     */
    @Test
    void aRangePastTheSliderPutsBothThumbsAtItsEnd(FxRobot robot) {
        SimpleIntegerProperty min = new SimpleIntegerProperty(3_000);
        SimpleIntegerProperty max = new SimpleIntegerProperty(5_000);
        DelayInput past = OnFx.get(() -> new DelayInput("think", "Think (ms)", min, max,
                IntInput.sliderTo(0, 60_000, 2_000, "The slider ends at 2,000 ms."), "Time to think."));
        RangeSlider slider = (RangeSlider) past.lookup("#think-slider");
        assertEquals(List.of(2_000.0, 2_000.0), OnFx.get(() -> List.of(slider.getLowValue(), slider.getHighValue())));
        assertEquals(List.of(3_000, 5_000), List.of(min.get(), max.get()), "the thumbs do not move the values");
        assertEquals("Beyond the slider's end (2,000 ms): set in the field.", ((Label) past.lookup("#think-past-slider")).getText());
        robot.interact(() -> {
            min.set(1_000); // as a view-model keeps them: the least at most the most
            max.set(1_500);
        });
        assertEquals(List.of(1_000.0, 1_500.0), OnFx.get(() -> List.of(slider.getLowValue(), slider.getHighValue())));
        assertEquals("", ((Label) past.lookup("#think-past-slider")).getText());
    }
}
