package dev.interleave.ui.kit;

import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A section in a {@link HeightMemo} (with {@link WrapLabel}s) is laid out exactly as the same section
 * without them, after every kind of change, and is measured once per change, not once per question.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class HeightMemoFxTest {

    private static final String SHORT = "A short line.";
    private static final String LONG = "A much longer line that has to wrap several times at this width, "
            + "as a guide text or a banner does in a narrow window, and then wraps once more.";

    /** Two columns, the same content in each: on the left memoized, on the right plain. */
    private Section memoized;
    private Section plain;
    private HBox columns;
    private Stage stage;
    /** The boxes that hold the memoized and the plain section. */
    private LaidOut left;
    private LaidOut right;

    /** A stage of its own, closed after each test: the shared primary stage keeps its size for the next class. */
    @Start
    void start(Stage primary) {
        stage = new Stage();
        memoized = new Section(true);
        plain = new Section(false);
        left = new LaidOut(new HeightMemo(memoized.box), new Label("below the memo"));
        right = new LaidOut(plain.box, new Label("below the section"));
        columns = new HBox(10, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(1);
        right.setPrefWidth(1);
        stage.setScene(new Scene(columns, 600, 500));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(stage::close).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The content of one column: a wrapped label (a WrapLabel on the memoized side), a label, a counter. */
    private static final class Section {
        final Label wrapped;
        final Label other;
        final Counting box;

        Section(boolean memoized) {
            other = new Label("other");
            wrapped = memoized ? new WrapLabel(SHORT) : new Label(SHORT);
            wrapped.setWrapText(true);
            wrapped.setPrefWidth(1);
            wrapped.setMaxWidth(Double.MAX_VALUE);
            box = new Counting(wrapped, other);
        }
    }

    /** A VBox that counts how often its height at a width is computed. */
    private static final class Counting extends VBox {
        int computed;

        Counting(Label... labels) {
            super(4, labels);
        }

        @Override
        protected double computePrefHeight(double width) {
            computed++;
            return super.computePrefHeight(width);
        }
    }

    /** A VBox that counts its layouts. */
    private static final class LaidOut extends VBox {
        int layouts;

        LaidOut(Node... children) {
            super(8, children);
        }

        @Override
        protected void layoutChildren() {
            layouts++;
            super.layoutChildren();
        }
    }

    private void change(Consumer<Section> change) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            change.accept(memoized);
            change.accept(plain);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> columns.layout()).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertSameLayout(String after) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            assertEquals(plain.box.getHeight(), memoized.box.getHeight(), 0.01, "the section's height after " + after);
            assertEquals(plain.wrapped.getHeight(), memoized.wrapped.getHeight(), 0.01, "the label's height after " + after);
            assertEquals(plain.box.getParent().getChildrenUnmodifiable().get(1).getLayoutY(),
                    memoized.box.getParent().getParent().getChildrenUnmodifiable().get(1).getLayoutY(), 0.01,
                    "what follows the section, after " + after);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aMemoizedSectionIsLaidOutAsThePlainOneAfterEveryChange() throws Exception {
        assertSameLayout("the first layout");
        change(s -> s.wrapped.setText(LONG));
        assertSameLayout("a longer text");
        assertTrue(memoized.wrapped.getHeight() > 2 * memoized.other.getHeight(), "the long text wraps");
        change(s -> s.wrapped.setStyle("-fx-font-size: 24px;"));
        assertSameLayout("a larger font");
        change(s -> s.other.setManaged(false));
        assertSameLayout("a child taken out of the layout");
        change(s -> s.box.getChildren().add(new Label("added")));
        assertSameLayout("a child added");
        change(s -> s.wrapped.setText(SHORT));
        assertSameLayout("a shorter text");
        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(350)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertSameLayout("a narrower window");
        change(s -> s.wrapped.setText(LONG));
        assertSameLayout("a longer text in the narrower window");
    }

    @Test
    void aSectionIsMeasuredOncePerChangeNotOncePerQuestion() throws Exception {
        int[] counted = new int[5];
        WaitForAsyncUtils.asyncFx(() -> {
            HeightMemo memo = (HeightMemo) memoized.box.getParent();
            double width = memo.getWidth();
            memo.prefHeight(width);
            counted[0] = memoized.box.computed;
            for (int i = 0; i < 10; i++) {
                memo.prefHeight(width);
                memo.minHeight(width);
                memo.prefHeight(-1);
            }
            counted[1] = memoized.box.computed;
            memoized.other.setText("changed");
            memo.prefHeight(width);
            memo.prefHeight(width);
            counted[2] = memoized.box.computed;
            // Without the memo, every question at a width is a measurement.
            counted[3] = plain.box.computed;
            for (int i = 0; i < 10; i++) {
                plain.box.prefHeight(width);
            }
            counted[4] = plain.box.computed;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(counted[1] - counted[0] <= 1, "30 questions, nothing changed: at most one more measurement "
                + "(no width is a new question), was " + (counted[1] - counted[0]));
        assertEquals(1, counted[2] - counted[1], "after a change, two questions: one measurement");
        assertEquals(10, counted[4] - counted[3], "the plain section: 10 questions, 10 measurements");
    }

    /**
     * A change inside that leaves the section's size as it was lays out the section, not the box
     * above it (at every frame of a free run some figure changes, and the boxes above are a whole
     * view); the plain section's box is laid out at each change.
     */
    @Test
    void aChangeThatKeepsTheSizeLaysOutOnlyTheSection() throws Exception {
        change(s -> {
            s.other.setText("12");
            s.other.setMinWidth(80); // a label of fixed width: a text that fits changes nothing around it
            s.other.setPrefWidth(80);
            s.other.setMaxWidth(80);
        });
        int[] before = new int[2];
        WaitForAsyncUtils.asyncFx(() -> {
            before[0] = left.layouts;
            before[1] = right.layouts;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 10; i++) {
            String digits = i % 2 == 0 ? "21" : "12";
            change(s -> s.other.setText(digits));
            WaitForAsyncUtils.asyncFx(() -> assertEquals(digits, memoized.other.getText())).get();
        }
        WaitForAsyncUtils.asyncFx(() -> {
            assertEquals(before[0], left.layouts, "the memoized section's box, after 10 changes of the same size");
            assertTrue(right.layouts >= before[1] + 10, "the plain section's box: " + (right.layouts - before[1]));
            assertEquals(plain.other.getWidth(), memoized.other.getWidth(), 0.01);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertSameLayout("changes of the same size");
    }
}
