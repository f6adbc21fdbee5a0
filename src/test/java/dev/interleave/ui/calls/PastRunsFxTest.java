package dev.interleave.ui.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableCell;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.interleave.ui.kit.StyledStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The past-runs table shows every cell whole, at the width it gets in a 1024x700 window (about 690
 * px): a long row grows as many lines as it needs rather than ending in "...".
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class PastRunsFxTest {

    private final ObservableList<CallsViewModel.PastRun> runs = FXCollections.observableArrayList();
    private Stage stage;

    @Start
    void start(Stage primary) {
        VBox box = CallsView.pastRuns(runs);
        box.setPrefHeight(300);
        stage = StyledStage.show(box, 690, 300);
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    @Test
    void longCellsWrapWhole(FxRobot robot) {
        robot.interact(() -> runs.setAll(
                new CallsViewModel.PastRun(3, "1,000,000 calls / 100,000 in flight, platform threads, synchronized counter,"
                        + " sleeps up to 10,000 ms", "✘ 154 lost updates", 5_759, 5_664, OptionalDouble.of(0.983), 100_000),
                new CallsViewModel.PastRun(2, "1,000 calls / 100 threads, platform threads, racy counter",
                        "✘ 1,154 lost updates", 5_662, 5_648, OptionalDouble.of(0.998), 100),
                new CallsViewModel.PastRun(1, "1,000 calls / 100 threads", "✔ 500,500", 5_682, 5_650,
                        OptionalDouble.empty(), 100)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), cut(robot), "at 690 px");
        // Narrower (a smaller window, a larger zoom): the rows grow again, nothing is cut.
        robot.interact(() -> stage.setWidth(520));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), cut(robot), "at 520 px");
        // Narrower than the columns' least widths together (200 % in 1024x700): no word breaks
        // ("500,5 / 00", "Resu / lt"), and the table scrolls sideways to the columns past its edge.
        robot.interact(() -> stage.setWidth(300));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), cut(robot), "at 300 px");
        javafx.scene.control.TableView<?> table = robot.lookup("#past-runs").queryAs(javafx.scene.control.TableView.class);
        double[] widths = new double[2];
        boolean[] sideways = new boolean[1];
        robot.interact(() -> {
            table.applyCss();
            table.layout();
            widths[0] = table.getColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getWidth).sum();
            widths[1] = table.getWidth();
            for (var node : table.lookupAll(".scroll-bar")) {
                sideways[0] |= node instanceof javafx.scene.control.ScrollBar bar && bar.isVisible()
                        && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL;
            }
        });
        assertTrue(widths[0] > widths[1] && sideways[0], "columns " + widths[0] + " px wide in a " + widths[1]
                + " px table, a sideways scroll bar: " + sideways[0]);
    }

    /**
     * Zoomed to 150 % (the text 1.5 times as large) in a 1920x1080 window, the table keeps its
     * columns' proportions: the run's description gets the widest column, not "1,000 calls / 100
     * threa / ds" in a column narrower than "#".
     */
    @Test
    void zoomedColumnsKeepTheirProportions(FxRobot robot) {
        robot.interact(() -> {
            runs.setAll(new CallsViewModel.PastRun(1, "1,000 calls / 100 threads", "✔ 500,500", 5_665, 5_648,
                    OptionalDouble.of(0.997), 100));
            stage.setWidth(1110);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().setStyle("-fx-font-size: 21px;"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), cut(robot), "at 1110 px, 150 %");
        javafx.scene.control.TableView<?> table = robot.lookup("#past-runs").queryAs(javafx.scene.control.TableView.class);
        double[] widths = new double[2];
        robot.interact(() -> {
            widths[0] = table.getColumns().get(0).getWidth();
            widths[1] = table.getColumns().get(1).getWidth();
        });
        assertTrue(widths[1] >= 3 * widths[0], "'Run' " + widths[1] + " px wide beside '#' " + widths[0] + " px");
    }

    /** Before any run, the table says why it is empty, whole, however narrow (200 % in 1024x700). */
    @Test
    void theEmptyTableSaysSoWhole(FxRobot robot) {
        robot.interact(() -> {
            runs.clear();
            stage.setWidth(300);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> table = robot.lookup("#past-runs").queryAs(javafx.scene.control.TableView.class);
        boolean[] truncated = new boolean[1];
        robot.interact(() -> {
            table.applyCss();
            table.layout();
            javafx.scene.control.Label placeholder = (javafx.scene.control.Label) table.getPlaceholder();
            truncated[0] = !placeholder.isVisible() || placeholder.getScene() == null || placeholder.isTextTruncated();
        });
        assertTrue(!truncated[0], "the placeholder is shown whole at 300 px");
    }

    /**
     * More runs than the table shows rows: its vertical scroll bar takes its width from the
     * columns', so no horizontal bar appears beside it.
     */
    @Test
    void aScrollBarForManyRunsTakesItsWidthFromTheColumns(FxRobot robot) {
        robot.interact(() -> {
            List<CallsViewModel.PastRun> many = new ArrayList<>();
            for (int n = 12; n >= 1; n--) {
                many.add(new CallsViewModel.PastRun(n, "1,000 calls / 100 threads", "✔ 500,500", 5_665, 5_648,
                        OptionalDouble.of(0.997), 100));
            }
            runs.setAll(many);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> table = robot.lookup("#past-runs").queryAs(javafx.scene.control.TableView.class);
        boolean[] bars = new boolean[2];
        robot.interact(() -> {
            for (var node : table.lookupAll(".scroll-bar")) {
                if (node instanceof javafx.scene.control.ScrollBar bar) {
                    bars[bar.getOrientation() == javafx.geometry.Orientation.VERTICAL ? 0 : 1] = bar.isVisible();
                }
            }
        });
        assertTrue(bars[0], "twelve runs scroll");
        assertTrue(!bars[1], "no sideways scroll bar beside the vertical one");
    }

    /** Every cell or column title whose text is not drawn whole, or not inside its cell. */
    private List<String> cut(FxRobot robot) {
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            // The titles: none ends in "..." ("Ela...", "Max in fli..." at 150 %), none breaks a word
            // ("Elaps / ed"), each inside its header.
            for (var node : robot.lookup(".past-runs .column-header").queryAll()) {
                javafx.scene.layout.Region header = (javafx.scene.layout.Region) node;
                for (var label : header.lookupAll(".label")) {
                    if (label instanceof javafx.scene.control.Label shown && !shown.getText().isEmpty()
                            && shown.isTextTruncated()) {
                        cut.add("title '" + shown.getText() + "' truncated");
                    }
                }
                for (var title : header.lookupAll(".column-title")) {
                    Text text = (Text) title;
                    for (String word : text.getText().split(" ")) {
                        Text probe = new Text(word);
                        probe.setFont(text.getFont());
                        if (probe.getLayoutBounds().getWidth() > text.getWrappingWidth() + 0.5) {
                            cut.add("title '" + text.getText() + "' breaks '" + word + "'");
                        }
                    }
                    javafx.geometry.Bounds bounds = header.sceneToLocal(text.localToScene(text.getLayoutBounds()));
                    if (bounds.getMinY() < -0.5 || bounds.getMaxY() > header.getHeight() + 0.5
                            || bounds.getMaxX() > header.getWidth() + 0.5) {
                        cut.add("title '" + text.getText() + "' outside its header");
                    }
                }
            }
            for (var node : robot.lookup(".past-runs .table-cell").queryAll()) {
                TableCell<?, ?> cell = (TableCell<?, ?>) node;
                if (cell.isEmpty() || cell.getItem() == null) {
                    continue;
                }
                // What the cell draws: a text node holding the whole item (no "..."), inside the
                // cell's bounds (not cut off by a row too short for its lines).
                String whole = cell.getItem().toString();
                List<Text> texts = cell.getChildrenUnmodifiable().stream()
                        .filter(child -> child instanceof Text && child.isVisible()).map(child -> (Text) child).toList();
                if (texts.size() != 1 || !texts.getFirst().getText().equals(whole)) {
                    cut.add("'" + whole + "' drawn as " + texts.stream().map(Text::getText).toList());
                    continue;
                }
                for (String word : whole.split(" ")) {
                    Text probe = new Text(word);
                    probe.setFont(texts.getFirst().getFont());
                    if (probe.getLayoutBounds().getWidth() > texts.getFirst().getWrappingWidth() + 0.5) {
                        cut.add("'" + whole + "' breaks '" + word + "'");
                    }
                }
                javafx.geometry.Bounds bounds = texts.getFirst().getBoundsInParent();
                if (bounds.getMinY() < -0.5 || bounds.getMaxY() > cell.getHeight() + 0.5) {
                    cut.add("'" + whole + "' is " + bounds.getHeight() + " px tall in a " + cell.getHeight() + " px cell");
                }
            }
        });
        return cut;
    }
}
