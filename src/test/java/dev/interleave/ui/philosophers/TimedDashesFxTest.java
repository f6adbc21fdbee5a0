package dev.interleave.ui.philosophers;

import java.util.List;

import javafx.css.PseudoClass;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineCap;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.interleave.ui.kit.OnFx;
import dev.interleave.ui.kit.StyledStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wait with a time limit is drawn dashed at any text size, on the table and in the graph: 6 px
 * dashes 4 px apart, with the square ends of a line 5 px wide, were solid at 2560x1440 (a student's
 * tryout), and telling a timed try from a blocking wait is the lesson on no preemption.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(30)
class TimedDashesFxTest {

    private Stage stage;
    private StackPane view;

    @Start
    void start(Stage primary) {
        view = new StackPane();
        stage = MomentColourFxTest.showStyled(view);
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    @Test
    void aTimedWaitsGapsStayOpenAtAnySize() {
        for (String kind : List.of("wait-arrow", "graph-edge")) {
            for (double size : new double[] {13, 26, 39}) {
                double[] drawn = OnFx.get(() -> {
                    Arrow arrow = new Arrow();
                    arrow.getStyleClass().add(kind);
                    arrow.pseudoClassStateChanged(PseudoClass.getPseudoClass("timed"), true);
                    view.getChildren().setAll(arrow);
                    view.setStyle("-fx-font-size: " + size + "px;");
                    view.applyCss();
                    Shape line = (Shape) arrow.lookup(".arrow-line");
                    List<Double> dashes = line.getStrokeDashArray();
                    double cap = line.getStrokeLineCap() == StrokeLineCap.BUTT ? 0 : line.getStrokeWidth();
                    return new double[] {dashes.size(), dashes.isEmpty() ? 0 : dashes.get(1) - cap, line.getStrokeWidth()};
                });
                assertEquals(2, drawn[0], kind + " at " + size + " px: dashed");
                assertTrue(drawn[1] >= 0.3 * size, kind + " at " + size + " px: a gap of " + drawn[1]
                        + " px seen between dashes, the line " + drawn[2] + " px wide");
            }
        }
    }
}
