package dev.interleave.ui.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.BufferRunner;
import dev.interleave.engine.buffer.Bug;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.OnFx;
import dev.interleave.ui.shell.MainView;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Where the buffer's code stands, in the window of the most common laptop screen (1366x768),
 * headless: beside the picture, and still there, its lines where they were, when a bug is chosen.
 * A class was to read the bug; the code went under the lanes, out of sight (a student's tryout).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class CodePanelPlaceFxTest {

    private BufferViewModel model;
    private MainView main;

    @Start
    void start(Stage stage) {
        model = new BufferViewModel(new BufferRunner());
        main = new MainView(List.of(BufferScenario.tab(model)), new FrameStats());
        Scene scene = new Scene(main, 1366, 768);
        scene.getStylesheets().add(Objects.requireNonNull(
                MainView.class.getResource("interleave.css")).toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene(); // the stage is shared: another test class may have sized it
        stage.show();
    }

    /** The code panel's bounds and its first line's, in the scene, once {@code impl} and {@code bug} are shown. */
    private List<Bounds> place(FxRobot robot, BufferImpl impl, Bug bug) {
        robot.interact(() -> {
            model.implProperty().set(impl);
            model.bugProperty().set(bug);
        });
        // The code moves in a pass after the one that widened it (a runLater), and new lines are laid
        // out at the next pulse: both done here before the bounds are read.
        for (int pass = 0; pass < 2; pass++) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                main.applyCss();
                main.layout();
            });
        }
        return OnFx.get(() -> {
            Node code = main.lookup("#code-panel");
            Node firstLine = main.lookup("#code-put-line-0");
            return List.of(code.localToScene(code.getBoundsInLocal()),
                    firstLine.localToScene(firstLine.getBoundsInLocal()));
        });
    }

    @Test
    void choosingABugMovesNeitherTheCodeNorItsLines(FxRobot robot) {
        for (BufferImpl impl : BufferImpl.values()) {
            List<Bounds> correct = place(robot, impl, Bug.NONE);
            Bounds slots = OnFx.get(() -> main.lookup("#slots").localToScene(main.lookup("#slots").getBoundsInLocal()));
            assertTrue(correct.getFirst().getMinX() > slots.getMaxX() && correct.getFirst().getMinY() < slots.getMaxY(),
                    impl + ": the code stands beside the slots at 1366x768, not under them: code " + correct.getFirst()
                            + ", slots " + slots);
            for (Bug bug : Bug.forImpl(impl)) {
                List<Bounds> planted = place(robot, impl, bug);
                // Within a character (8 px): the semaphore's unlocked-count look at filledSlots is one
                // character longer than put's signature, the correct code's widest line.
                assertEquals(correct.getFirst().getMinX(), planted.getFirst().getMinX(), 8.5,
                        impl + "/" + bug + ": the code panel's left edge");
                assertEquals(correct.getFirst().getMinY(), planted.getFirst().getMinY(), 0.5,
                        impl + "/" + bug + ": the code panel's top");
                assertEquals(correct.getLast().getMinX() - correct.getFirst().getMinX(),
                        planted.getLast().getMinX() - planted.getFirst().getMinX(), 0.5,
                        impl + "/" + bug + ": the first line's place in the panel");
            }
        }
    }
}
