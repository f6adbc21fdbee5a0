package dev.interleave.ui.kit;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        settle();
        assertWhole(robot, title, "300 px");
        double[] heights = new double[2];
        robot.interact(() -> {
            heights[0] = title.getHeight();
            heights[1] = guide.getHeight();
        });
        assertTrue(heights[0] > 2.5 * oneLine, "three lines or more at 300 px: " + heights[0] + " px, a line " + oneLine);
        assertEquals(guide.getText(), title.getText());

        robot.interact(() -> guide.setText(TITLE + ", then with a compare-and-set loop"));
        settle();
        assertWhole(robot, title, "300 px, a longer title");

        robot.interact(() -> stage.setWidth(1000));
        settle();
        assertWhole(robot, title, "1000 px");
        robot.interact(() -> assertEquals(oneLine, title.getHeight(), 1, "one line at 1000 px"));
    }

    @Test
    void aClickOnTheWrappedTitleStillOpensTheGuide(FxRobot robot) throws Exception {
        settle();
        robot.clickOn("#guide-title");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(guide.isExpanded());
    }

    private static double lineHeight(FxRobot robot, Label title) {
        double[] line = new double[1];
        robot.interact(() -> {
            Text probe = new Text("What");
            probe.setFont(title.getFont());
            line[0] = probe.getLayoutBounds().getHeight();
        });
        return line[0];
    }

    private static void settle() throws InterruptedException {
        for (int pulse = 0; pulse < 3; pulse++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(50);
        }
    }

    private void assertWhole(FxRobot robot, Label title, String where) {
        robot.interact(() -> {
            Bounds text = title.localToScene(title.getLayoutBounds());
            Bounds pane = guide.localToScene(guide.getLayoutBounds());
            assertFalse(title.isTextTruncated(), where + ": '" + title.getText() + "' cut");
            assertTrue(text.getMaxX() <= pane.getMaxX() + 0.5, where + ": ends at " + text.getMaxX() + ", the pane at " + pane.getMaxX());
            assertTrue(text.getMaxY() <= pane.getMaxY() + 0.5, where + ": bottom at " + text.getMaxY() + ", the pane's at " + pane.getMaxY());
            assertTrue(title.getHeight() + 0.5 >= title.prefHeight(-1), where + ": " + title.getHeight() + " px high of " + title.prefHeight(-1));
        });
    }
}
