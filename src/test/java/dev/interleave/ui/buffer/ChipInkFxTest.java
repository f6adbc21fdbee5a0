package dev.interleave.ui.buffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.interleave.engine.buffer.WorkerState;
import dev.interleave.ui.kit.StyledStage;
import dev.interleave.ui.kit.Wcag;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A worker chip's state words read on the chip, 4.5:1 at least, in every state and both themes: an
 * ended thread's "C3 ended" was 2.7:1 in the light theme, and a thread waiting for the lock 4.2:1 (a
 * low-vision teacher's tryout, measured from screenshots). The chips are styled by the window's
 * stylesheet alone, so they are made here as BufferView makes them: a box of style class worker, in
 * its state's pseudo-class (every {@link WorkerState}'s, and the run to come's), with a worker-state label.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class ChipInkFxTest {

    /** Every worker state's pseudo-class, as the chips wear it, and the chips of the run to come. */
    private static final List<PseudoClass> STATES = Stream.concat(Arrays.stream(WorkerState.values())
            .map(BufferView.WorkerChip::pseudo), Stream.of(PseudoClass.getPseudoClass("not-started"))).toList();

    private final VBox root = new VBox();
    private Stage stage;

    @Start
    void start(Stage primary) {
        for (PseudoClass state : STATES) {
            Label words = new Label(state.getPseudoClassName());
            words.getStyleClass().add("worker-state");
            HBox chip = new HBox(words);
            chip.getStyleClass().add("worker");
            chip.pseudoClassStateChanged(state, true);
            root.getChildren().add(chip);
        }
        stage = StyledStage.showThemed(root, 400, 500);
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    @AfterAll
    static void unthemed() {
        StyledStage.unthemed();
    }

    @Test
    void everyStatesWordsReadOnItsChipInBothThemes(FxRobot robot) {
        List<String> faint = new ArrayList<>();
        for (boolean dark : List.of(false, true)) {
            robot.interact(() -> {
                Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                        : new PrimerLight().getUserAgentStylesheet());
                root.pseudoClassStateChanged(PseudoClass.getPseudoClass("dark"), dark);
                root.applyCss();
                root.layout();
            });
            for (int i = 0; i < STATES.size(); i++) {
                HBox chip = (HBox) root.getChildren().get(i);
                Label words = (Label) chip.getChildren().getFirst();
                Color ink = (Color) words.getTextFill();
                Color paper = (Color) chip.getBackground().getFills().getLast().getFill();
                double ratio = Wcag.contrast(ink, paper);
                if (ratio < 4.5) {
                    faint.add(String.format(Locale.ROOT, "%s %s: %s on %s, %.2f:1", dark ? "dark" : "light",
                            STATES.get(i), ink, paper, ratio));
                }
            }
        }
        assertEquals(List.of(), faint);
    }
}
