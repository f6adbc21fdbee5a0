package dev.interleave.ui.kit;

import javafx.beans.property.SimpleStringProperty;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Controls#tip(Node, String)} makes no tooltip until the pointer comes over the node, then
 * installs one with the latest text, once; later calls change its text.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(30)
class LazyTipFxTest {

    @Test
    void aControlGetsItsTooltipWhenThePointerFirstEnters() {
        onFx(() -> {
            Button button = new Button("Run");
            Controls.tip(button, "first");
            Controls.tip(button, "second");
            assertNull(button.getTooltip(), "no tooltip before the pointer came");
            assertTrue(Controls.madeTip(button).isEmpty());

            enter(button);
            Tooltip made = button.getTooltip();
            assertEquals("second", made.getText(), "made with the latest text");
            assertTrue(made.isWrapText());
            assertSame(made, Controls.madeTip(button).orElseThrow());

            enter(button);
            assertSame(made, button.getTooltip(), "made once");
            Controls.tip(button, "third");
            assertEquals("third", button.getTooltip().getText(), "a later call changes the text");
        });
    }

    @Test
    void aNodeThatIsNoControlGetsOneInstalled() {
        onFx(() -> {
            Pane pane = new Pane();
            Controls.tip(pane, "a figure");
            assertTrue(Controls.madeTip(pane).isEmpty());
            enter(pane);
            assertEquals("a figure", Controls.madeTip(pane).orElseThrow().getText());
        });
    }

    @Test
    void anObservedTextIsFollowedBeforeAndAfterTheTooltipIsMade() {
        onFx(() -> {
            SimpleStringProperty text = new SimpleStringProperty("allowed");
            Button button = new Button("Platform");
            Controls.tip(button, text);
            text.set("disabled: above the cap");
            enter(button);
            assertEquals("disabled: above the cap", button.getTooltip().getText());
            text.set("allowed again");
            assertEquals("allowed again", button.getTooltip().getText());
        });
    }

    private static void enter(Node node) {
        Event.fireEvent(node, new MouseEvent(MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, null));
    }

    private static void onFx(Runnable check) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(check));
    }
}
