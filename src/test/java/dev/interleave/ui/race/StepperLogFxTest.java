package dev.interleave.ui.race;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.interleave.engine.race.LabRunner;
import dev.interleave.engine.race.StepProgram;
import dev.interleave.engine.race.StepperRunner;
import dev.interleave.engine.run.RunState;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.StyledStage;
import dev.interleave.ui.shell.MainView;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The slow-motion log ("Steps so far, newest first") in the window, zoomed: each step's line is
 * whole, wrapped on as many lines as it needs within the width in view, never ended in "..." (at
 * 150 % in 1280x800 the failed compareAndSet lines read "... (T2 changed it); nothi...") nor run past
 * the view's right edge (200 % in 1024x700, where the lanes' code makes the view scroll sideways).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class StepperLogFxTest {

    private final StepperRunner stepper = new StepperRunner();
    private final LabRunner lab = new LabRunner();
    private RaceViewModel race;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage primary) {
        race = new RaceViewModel(new StepperViewModel(stepper), new LabViewModel(lab));
        view = new MainView(List.of(RaceScenario.tab(race)), new FrameStats());
        stage = StyledStage.show(view, 1280, 800);
    }

    @AfterEach
    void close() throws Exception {
        if (stepper.state() != RunState.IDLE) {
            stepper.stop();
        }
        StyledStage.close(stage);
    }

    @Test
    void everyStepIsWholeAtOneAndAHalfAndTwiceTheSize(FxRobot robot) throws Exception {
        robot.interact(() -> {
            race.stepper().programProperty().set(StepProgram.CAS);
            race.stepper().threadsProperty().set(4);
        });
        // Four threads read 0, compute 1 and try their compareAndSet: one succeeds, three fail,
        // and the failures are the log's longest lines.
        for (int round = 0; round < 3; round++) {
            for (int thread = 0; thread < 4; thread++) {
                int each = thread;
                robot.interact(() -> race.stepper().stepThread(each));
                stepper.awaitSteps(Duration.ofSeconds(10));
            }
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> race.stepper().log().size() == 12);
        List<String> cut = new ArrayList<>();
        for (double[] size : List.of(new double[] {1280, 800}, new double[] {1024, 700})) {
            for (double zoom : List.of(1.5, 2.0)) {
                robot.interact(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    view.window().zoomProperty().set(zoom);
                });
                // A few pulses: views that rearrange for their width do so after a layout pass.
                for (int pulse = 0; pulse < 3; pulse++) {
                    WaitForAsyncUtils.waitForFxEvents();
                    Thread.sleep(100);
                }
                robot.interact(() -> {
                    view.applyCss();
                    view.layout();
                    ScrollPane scroll = (ScrollPane) view.lookup("#stepper-live");
                    scroll.setHvalue(scroll.getHmin());
                    scroll.layout();
                    Node viewport = scroll.lookup(".viewport");
                    double right = viewport.localToScene(viewport.getLayoutBounds()).getMaxX();
                    List<Node> lines = List.copyOf(view.lookupAll(".step-log-line"));
                    assertEquals(12, lines.size(), "log lines");
                    for (Node node : lines) {
                        Label line = (Label) node;
                        String where = String.format(Locale.ROOT, "%.0fx%.0f at %.0f %%: '%s'", size[0], size[1],
                                zoom * 100, line.getText());
                        if (line.isTextTruncated() || line.getHeight() + 0.5 < line.prefHeight(line.getWidth())) {
                            cut.add(String.format(Locale.ROOT, "%s %.0f px high of %.0f", where, line.getHeight(),
                                    line.prefHeight(line.getWidth())));
                        }
                        // Scrolled to its left edge, the view shows each line whole: none runs past
                        // the right edge (200 % in 1024x700, where the lanes' code is wider than the view).
                        double end = line.localToScene(line.getLayoutBounds()).getMaxX();
                        if (end > right + 0.5) {
                            cut.add(String.format(Locale.ROOT, "%s ends at x %.0f, past the view's right edge at %.0f",
                                    where, end, right));
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), cut);
    }
    /** Slow motion's Run is Auto-step: its tab says "▶▶ auto-step", as Auto-step started with A does. */
    @Test
    void aSlowMotionRunIsAutoStepInItsTab(FxRobot robot) throws Exception {
        robot.interact(race.stepper()::run);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return stepper.state() == RunState.RUNNING
                    && "▶▶ auto-step".equals(robot.lookup("#badge-race").queryAs(Label.class).getText());
        });
    }
}
