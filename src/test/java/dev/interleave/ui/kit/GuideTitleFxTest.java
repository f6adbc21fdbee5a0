package dev.interleave.ui.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A guide's title wraps at the pane's width, whole, and the pane makes room for its lines: at 150 %
 * and 200 % the titles ended in "..." ("What to try: lose an update with count++, then try with
 * i..."). Set again (the buffer lab's title follows the chosen bug), it wraps again; wide enough,
 * it is one line.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(30)
class GuideTitleFxTest {

    private static final String TITLE = "What to try: lose an update with count++, then try with incrementAndGet";

    private TitledPane guide;
    private Stage stage;

    @Start
    void start(Stage primary) {
        guide = Controls.guide("guide", TITLE, "1. Press Run.\n2. Question: why?");
        stage = StyledStage.showThemed(new VBox(guide), 300, 400);
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
    void theTitleWrapsWholeInANarrowPane(FxRobot robot) throws Exception {
        Label title = robot.lookup("#guide-title").queryAs(Label.class);
        double oneLine = lineHeight(robot, title);
        whole(robot, title, "300 px");
        robot.interact(() -> assertTrue(title.getHeight() > 2.5 * oneLine,
                "three lines or more at 300 px: " + title.getHeight() + " px, a line " + oneLine));
        assertEquals(guide.getText(), title.getText());

        robot.interact(() -> guide.setText(TITLE + ", then with a compare-and-set loop"));
        whole(robot, title, "300 px, a longer title");

        robot.interact(() -> stage.setWidth(1000));
        whole(robot, title, "1000 px");
        robot.interact(() -> assertEquals(oneLine, title.getHeight(), 1, "one line at 1000 px"));
    }

    @Test
    void aClickOnTheWrappedTitleStillOpensTheGuide(FxRobot robot) throws Exception {
        whole(robot, robot.lookup("#guide-title").queryAs(Label.class), "300 px");
        robot.clickOn("#guide-title");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(guide.isExpanded());
    }

    /** One line of the title's text, in its font once styled. */
    private static double lineHeight(FxRobot robot, Label title) {
        double[] line = new double[1];
        robot.interact(() -> {
            title.applyCss();
            Text probe = new Text("What");
            probe.setFont(title.getFont());
            line[0] = probe.getLayoutBounds().getHeight();
        });
        return line[0];
    }

    /** Waits (5 s at most) for the title to be laid out whole, then checks it. */
    private void whole(FxRobot robot, Label title, String where) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                boolean[] whole = new boolean[1];
                robot.interact(() -> whole[0] = problems(title, where).isEmpty());
                return whole[0];
            });
        } catch (TimeoutException e) {
            // Says what is still wrong.
        }
        robot.interact(() -> assertEquals(List.of(), problems(title, where)));
    }

    /** What is cut about the title, if anything: its text, its right edge or its bottom past the pane's. */
    private List<String> problems(Label title, String where) {
        Bounds text = title.localToScene(title.getLayoutBounds());
        Bounds pane = guide.localToScene(guide.getLayoutBounds());
        List<String> problems = new ArrayList<>();
        if (title.isTextTruncated()) {
            problems.add(where + ": '" + title.getText() + "' cut");
        }
        if (text.getMaxX() > pane.getMaxX() + 0.5) {
            problems.add(where + ": ends at " + text.getMaxX() + ", the pane at " + pane.getMaxX());
        }
        if (text.getMaxY() > pane.getMaxY() + 0.5) {
            problems.add(where + ": bottom at " + text.getMaxY() + ", the pane's at " + pane.getMaxY());
        }
        if (title.getHeight() + 0.5 < title.prefHeight(-1)) {
            problems.add(where + ": " + title.getHeight() + " px high of " + title.prefHeight(-1));
        }
        return problems;
    }
}
