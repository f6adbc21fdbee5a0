package dev.interleave.ui.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
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

import dev.interleave.ui.kit.InSight;
import dev.interleave.ui.kit.OnFx;
import dev.interleave.ui.kit.StyledStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The past-runs table, styled as the window is (Primer Light), shows every cell whole, at the width
 * it gets in a 1024x700 window (about 690 px): a long row grows as many lines as it needs rather than
 * ending in "...". And it is as high as its rows, no higher.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class PastRunsFxTest {

    private final ObservableList<CallsViewModel.PastRun> runs = FXCollections.observableArrayList();
    private VBox box;
    private Stage stage;

    @Start
    void start(Stage primary) {
        // Styled as the window is: Primer Light pads a column's title by 0.5 em each side, which
        // at 47 px (200 % in 2560x1440) pushed "Max in" past the header's edge.
        box = CallsView.pastRuns(runs, () -> true);
        box.setPrefHeight(300);
        stage = StyledStage.showThemed(box, 690, 300);
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    @AfterAll
    static void unthemed() {
        StyledStage.unthemed();
    }

    /**
     * A table with a run in it rests: its row moved its cells under the run's line at every layout
     * pass, from where the skin had put them, and each move asked for another pass, so an ended
     * run's window repainted at every frame (a core of two, until another tab was chosen: an
     * engineer's tryout).
     */
    @Test
    void aTableWithARunRests(FxRobot robot) throws Exception {
        robot.interact(() -> runs.setAll(new CallsViewModel.PastRun(1, "1,000 calls / 100 threads, no sleeps, atomic"
                + " counter", "✔ 500,500", 116, 0, OptionalDouble.empty(), 100)));
        Thread.sleep(300); // fitted to its row
        WaitForAsyncUtils.waitForFxEvents();
        int[] passes = {0};
        TableView<?> table = robot.lookup("#past-runs").queryAs(TableView.class);
        robot.interact(() -> table.needsLayoutProperty().addListener((obs, was, now) -> {
            if (now) {
                passes[0]++;
            }
        }));
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(passes[0] <= 1, "an idle table asked for " + passes[0] + " layouts in 0.5 s");
    }

    /**
     * While a row is marked "(its code compiled as it ran)", a line under the table says what the mark
     * means (only the caption's tooltip did, and the mark read as a stale label: a student's tryout);
     * without a marked row, and after Reset, it is gone.
     */
    @Test
    void aColdRunsMarkIsExplainedUnderTheTable(FxRobot robot) {
        assertTrue(OnFx.get(() -> robot.lookup("#past-runs-cold").tryQuery().map(note -> !note.isVisible()).orElse(true)),
                "no run, no note");
        robot.interact(() -> runs.setAll(new CallsViewModel.PastRun(1, "1,000 calls / 100 threads, no sleeps, atomic"
                + " counter" + CallsViewModel.COLD_RUN, "✔ 500,500", 116, 0, OptionalDouble.empty(), 100)));
        Label shown = robot.lookup("#past-runs-cold").queryAs(Label.class);
        assertTrue(OnFx.get(shown::isVisible), "a marked row: the note");
        assertEquals(CallsView.COLD_RUNS_NOTE, OnFx.get(shown::getText));
        List<Node> order = OnFx.get(() -> List.copyOf(box.getChildren()));
        assertTrue(order.indexOf(shown) > order.indexOf(box.lookup("#past-runs")), "under the table: " + order);
        robot.interact(() -> runs.setAll(new CallsViewModel.PastRun(2, "1,000 calls / 100 threads, no sleeps, atomic"
                + " counter", "✔ 500,500", 16, 0, OptionalDouble.empty(), 100)));
        assertFalse(OnFx.get(shown::isVisible), "no marked row: no note");
        robot.interact(runs::clear);
        assertFalse(OnFx.get(shown::isVisible), "Reset: no note");
    }

    @Test
    void longCellsWrapWhole(FxRobot robot) {
        robot.interact(() -> runs.setAll(
                new CallsViewModel.PastRun(3, "1,000,000 calls / 100,000 in flight, platform threads, synchronized counter,"
                        + " sleeps up to 10,000 ms", "✘ 154 lost updates", 5_759, 5_664, OptionalDouble.of(0.983), 100_000),
                new CallsViewModel.PastRun(2, "1,000 calls / 100 threads, platform threads, racy counter",
                        "✘ 1,154 lost updates", 5_662, 5_648, OptionalDouble.of(0.998), 100),
                new CallsViewModel.PastRun(1, "1,000 calls / 100 threads, atomic counter", "✔ 500,500", 5_682, 5_650,
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
        TableView<?> table = robot.lookup("#past-runs").queryAs(TableView.class);
        double[] widths = new double[2];
        boolean[] sideways = new boolean[1];
        robot.interact(() -> {
            table.applyCss();
            table.layout();
            widths[0] = table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
            widths[1] = table.getWidth();
            for (var node : table.lookupAll(".scroll-bar")) {
                sideways[0] |= node instanceof ScrollBar bar && bar.isVisible()
                        && bar.getOrientation() == Orientation.HORIZONTAL;
            }
        });
        assertTrue(widths[0] > widths[1] && sideways[0], "columns " + widths[0] + " px wide in a " + widths[1]
                + " px table, a sideways scroll bar: " + sideways[0]);
    }

    /**
     * At 150 % in 1024x700 (19.5 px text, the table about 580 px wide) and in 1280x800 (800 px),
     * the racy-counter lesson's runs compare row by row: every column inside the table (none past
     * its right edge, no sideways scroll bar), each run's settings on at most two lines across its
     * row and its figures under them, no row higher than four lines, and three runs shown whole.
     * Beside five columns of figures, a "Run" column got 12 characters, and a row stood ten lines
     * high: one run filled the table, and "Max in flight" was past its edge (a teacher's tryout).
     */
    @Test
    void runsCompareRowByRowAt150Percent(FxRobot robot) throws Exception {
        robot.interact(() -> {
            box.setPrefHeight(Region.USE_COMPUTED_SIZE);
            stage.setX(0);
            stage.setY(0);
            stage.setHeight(800);
            stage.getScene().getRoot().setStyle("-fx-font-size: 19.5px;");
            runs.setAll(
                    new CallsViewModel.PastRun(3, "1,000 calls / 100 threads, no sleeps, racy counter", "✘ 987 duplicates",
                            234, 0, OptionalDouble.empty(), 100),
                    new CallsViewModel.PastRun(2, "1,000 calls / 100 threads, no sleeps, atomic counter"
                            + CallsViewModel.COLD_RUN, "✔ 500,500", 116, 0, OptionalDouble.empty(), 100),
                    new CallsViewModel.PastRun(1, "1,000 calls / 100 threads, no sleeps, racy counter"
                            + CallsViewModel.COLD_RUN, "✘ 978 duplicates", 125, 0, OptionalDouble.empty(), 100));
        });
        List<String> wrong = new ArrayList<>();
        for (double width : new double[] {580, 800}) {
            robot.interact(() -> stage.setWidth(width));
            for (int pulse = 0; pulse < 4; pulse++) {
                WaitForAsyncUtils.waitForFxEvents();
                Thread.sleep(50);
            }
            String at = String.format(Locale.ROOT, "%.0f px: ", width);
            cut(robot).forEach(cut -> wrong.add(at + cut));
            robot.interact(() -> {
                TableView<?> table = (TableView<?>) box.lookup("#past-runs");
                table.applyCss();
                table.layout();
                double em = 19.5;
                double columns = table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
                if (columns > table.getWidth() + 0.5) {
                    wrong.add(String.format(Locale.ROOT, "%scolumns %.0f px wide in a %.0f px table", at, columns,
                            table.getWidth()));
                }
                for (var node : table.lookupAll(".scroll-bar")) {
                    if (node instanceof ScrollBar bar && bar.isVisible() && bar.getOrientation() == Orientation.HORIZONTAL) {
                        wrong.add(at + "a sideways scroll bar");
                    }
                }
                Node viewport = table.lookup(".clipped-container");
                Bounds view = viewport.localToScene(viewport.getLayoutBounds());
                Set<Integer> whole = new TreeSet<>();
                for (var node : table.lookupAll(".table-row-cell")) {
                    if (node instanceof TableRow<?> row && row.isVisible() && !row.isEmpty()
                            && row.getParent().getStyleClass().contains("sheet")) {
                        if (row.getHeight() > 4 * 1.25 * em + 2 * 0.6 * em) {
                            wrong.add(String.format(Locale.ROOT, "%srow %d %.0f px high: over four lines", at,
                                    row.getIndex(), row.getHeight()));
                        }
                        Bounds bounds = row.localToScene(row.getLayoutBounds());
                        if (bounds.getMinY() >= view.getMinY() - 0.5 && bounds.getMaxY() <= view.getMaxY() + 0.5) {
                            whole.add(row.getIndex());
                        }
                        // The settings: a line across the row, above its cells, on at most two lines.
                        var settings = row.lookupAll(".run-text");
                        if (settings.size() != 1 || !((Text) settings.iterator().next()).getText().startsWith("#")) {
                            wrong.add(String.format(Locale.ROOT, "%srow %d: %d settings lines, not one \"#n ...\"",
                                    at, row.getIndex(), settings.size()));
                        }
                        for (var text : settings) {
                            Bounds drawn = text.getBoundsInParent();
                            if (drawn.getHeight() > 2 * 1.25 * em || drawn.getMaxX() > row.getWidth() + 0.5) {
                                wrong.add(String.format(Locale.ROOT, "%s'%s' %.0f x %.0f px in a %.0f px row", at,
                                        ((Text) text).getText(), drawn.getWidth(), drawn.getHeight(), row.getWidth()));
                            }
                            for (var cell : row.lookupAll(".table-cell")) {
                                if (cell.getBoundsInParent().getMinY() < drawn.getMaxY() - 0.5) {
                                    wrong.add(at + "a cell over the settings of row " + row.getIndex());
                                    break;
                                }
                            }
                        }
                    }
                }
                if (!whole.containsAll(List.of(0, 1, 2))) {
                    wrong.add(at + "rows " + whole + " shown whole, not the three runs");
                }
            });
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * Before any run, a line says why there are no past runs, whole, however narrow (200 % in
     * 1024x700), and the table is not built yet; after Reset empties it, the table's placeholder
     * says the same, whole.
     */
    @Test
    void theEmptyTableSaysSoWhole(FxRobot robot) {
        robot.interact(() -> stage.setWidth(300));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#past-runs").tryQuery().filter(Node::isVisible).isEmpty(),
                "no table shown before the first run ends");
        Label none = robot.lookup("#no-past-runs").queryAs(Label.class);
        boolean[] whole = new boolean[1];
        robot.interact(() -> {
            box.applyCss();
            box.layout();
            whole[0] = none.isVisible() && !none.isTextTruncated() && none.getHeight() >= none.prefHeight(none.getWidth()) - 0.5;
        });
        assertTrue(whole[0], "the line is shown whole at 300 px");
        robot.interact(() -> {
            runs.add(new CallsViewModel.PastRun(1, "1,000 calls / 100 threads", "✔ 500,500", 5_665, 5_648,
                    OptionalDouble.of(0.997), 100));
            runs.clear();
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#past-runs").queryAs(TableView.class);
        boolean[] truncated = new boolean[1];
        robot.interact(() -> {
            table.applyCss();
            table.layout();
            Label placeholder = (Label) table.getPlaceholder();
            truncated[0] = !placeholder.isVisible() || placeholder.getScene() == null || placeholder.isTextTruncated();
        });
        assertTrue(!truncated[0], "the placeholder is shown whole at 300 px");
        assertEquals("Reset cleared the past runs: each run that ends adds a row here.",
                OnFx.get(() -> ((Label) table.getPlaceholder()).getText()), "not \"No run has ended yet\" after Reset");
    }

    /**
     * The table is built, hidden, a second after the box is first laid out while no run goes (not
     * in the frame that shows the first run's result, which it held up by 250 ms), and the first
     * row shows that table; while a run goes, it is not built ahead.
     */
    @Test
    void theTableIsBuiltAheadOnlyWhileIdle(FxRobot robot) throws Exception {
        AtomicBoolean asked = new AtomicBoolean();
        VBox busy = OnFx.get(() -> CallsView.pastRuns(FXCollections.observableArrayList(), () -> {
            asked.set(true);
            return false; // a run goes
        }));
        Stage other = OnFx.get(() -> StyledStage.showThemed(busy, 690, 300));
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> box.lookup("#past-runs") != null));
            TableView<?> ahead = OnFx.get(() -> (TableView<?>) box.lookup("#past-runs"));
            assertFalse(OnFx.get(ahead::isVisible), "built ahead, hidden");
            assertTrue(OnFx.get(() -> box.lookup("#no-past-runs").isVisible()), "the line says no run has ended");
            robot.interact(() -> runs.add(new CallsViewModel.PastRun(1, "1,000 calls / 100 threads", "✔ 500,500",
                    5_665, 5_648, OptionalDouble.of(0.997), 100)));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(OnFx.get(() -> ahead.isVisible() && ahead.isManaged() && box.lookup("#past-runs") == ahead
                    && box.lookup("#no-past-runs") == null), "the first row shows the table built ahead");
            // Its second passed, it asked whether a run goes, and built nothing.
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, asked::get);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(null, OnFx.get(() -> busy.lookup("#past-runs")), "not built ahead while a run goes");
        } finally {
            StyledStage.close(other);
        }
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
        TableView<?> table = robot.lookup("#past-runs").queryAs(TableView.class);
        boolean[] bars = new boolean[2];
        robot.interact(() -> {
            for (var node : table.lookupAll(".scroll-bar")) {
                if (node instanceof ScrollBar bar) {
                    bars[bar.getOrientation() == Orientation.VERTICAL ? 0 : 1] = bar.isVisible();
                }
            }
        });
        assertTrue(bars[0], "twelve runs scroll");
        assertTrue(!bars[1], "no sideways scroll bar beside the vertical one");
    }

    /**
     * The table is as high as its header and rows, up to six rows and at most 17 em (more scroll),
     * or its header and its placeholder while empty (or, before the first run ends and the table
     * is built, as high as the line saying so): at a fixed 17 em it was 400 px high in
     * 2560x1440, empty, and the plots above got 340 px. Checked with the text sizes of 100 % and
     * 200 % zoom in 1024x700 and 1280x800 (13 and 26 px) and in 2560x1440 (23.5 and 47 px), each in
     * the width it gets there, with 0, 1, 3 and 8 runs, the runs there as the text size changes (a
     * zoom) and the text size kept as the runs change; then 0 again, as after Reset; titles and rows are never cut.
     */
    @Test
    void theTableIsAsHighAsItsRows(FxRobot robot) throws Exception {
        robot.interact(() -> {
            box.setPrefHeight(Region.USE_COMPUTED_SIZE);
            // The table asks for its height: the box is not squeezed below it. (In the headless
            // screen's 1000x1000 px: a window past its edge is not drawn.)
            stage.setX(0);
            stage.setY(0);
            stage.setHeight(800);
        });
        List<String> wrong = new ArrayList<>();
        // (In 2560x1440 at 100 % the table is 1990 px wide: 1000 px here, the headless screen's width.)
        double[][] fontAndWidth = {{13, 690}, {26, 300}, {23.5, 1000}, {47, 850}};
        for (int count : List.of(0, 1, 3, 8, 0)) {
            for (double[] each : fontAndWidth) {
                robot.interact(() -> {
                    stage.getScene().getRoot().setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;",
                            each[0]));
                    stage.setWidth(each[1]);
                    if (runs.size() != count) {
                        List<CallsViewModel.PastRun> many = new ArrayList<>();
                        for (int n = count; n >= 1; n--) {
                            many.add(new CallsViewModel.PastRun(n, "200 calls / 100 in flight, sleeps ≤ 300 ms",
                                    "✔ 20,100", 505, 495, OptionalDouble.of(0.98), 100));
                        }
                        runs.setAll(many);
                    }
                });
                // A few pulses: the table is fitted to its rows after a layout pass draws them.
                for (int pulse = 0; pulse < 4; pulse++) {
                    WaitForAsyncUtils.waitForFxEvents();
                    Thread.sleep(50);
                }
                String at = String.format(Locale.ROOT, "%.1f px text, %.0f px wide, %d runs: ", each[0],
                        each[1], count);
                cut(robot).forEach(cut -> wrong.add(at + cut));
                robot.interact(() -> wrong.addAll(misfits(at, count)));
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** How the table's height fails to follow its {@code count} rows (all alike), each prefixed with {@code at}. */
    private List<String> misfits(String at, int count) {
        TableView<?> table = (TableView<?>) box.lookup("#past-runs");
        if (table != null && !table.isVisible()) {
            table = null; // built ahead, hidden until the first run
        }
        List<String> wrong = new ArrayList<>();
        if (table == null && count > 0) {
            return List.of(at + "no table for " + count + " runs");
        }
        if (table == null) {
            Label none = (Label) box.lookup("#no-past-runs");
            double high = none.prefHeight(none.getWidth());
            if (none.isTextTruncated() || Math.abs(none.getHeight() - high) > 1) {
                wrong.add(String.format(Locale.ROOT, "%sthe line before the first run %.0f px high, not %.0f%s", at,
                        none.getHeight(), high, none.isTextTruncated() ? ", truncated" : ""));
            }
            return wrong;
        }
        Region header = (Region) table.lookup(".column-header-background");
        Node viewport = table.lookup(".clipped-container");
        Bounds view = viewport.localToScene(viewport.getLayoutBounds());
        List<ScrollBar> bars = table.lookupAll(".scroll-bar").stream()
                .filter(node -> node instanceof ScrollBar bar && bar.isVisible())
                .map(node -> (ScrollBar) node).toList();
        boolean scrolls = bars.stream().anyMatch(bar -> bar.getOrientation() == Orientation.VERTICAL);
        double frame = table.snappedTopInset() + header.getHeight() + table.snappedBottomInset() + bars.stream()
                .filter(bar -> bar.getOrientation() == Orientation.HORIZONTAL)
                .mapToDouble(ScrollBar::getHeight).sum();
        double em = ((Label) box.getChildren().getFirst()).getFont().getSize();
        if (count == 0) {
            double placeholder = table.getPlaceholder().prefHeight(table.getWidth());
            if (table.getHeight() > frame + placeholder + 2 * em) {
                wrong.add(String.format(Locale.ROOT, "%s%.0f px high for a %.0f px header and a %.0f px"
                        + " placeholder", at, table.getHeight(), header.getHeight(), placeholder));
            }
            return wrong;
        }
        // The rows drawn whole, by index.
        Set<Integer> whole = new TreeSet<>();
        double row = 0;
        for (var node : table.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> drawn && drawn.isVisible() && !drawn.isEmpty()
                    && drawn.getParent().getStyleClass().contains("sheet")) {
                Bounds bounds = drawn.localToScene(drawn.getLayoutBounds());
                row = drawn.getHeight();
                if (bounds.getMinY() >= view.getMinY() - 0.5 && bounds.getMaxY() <= view.getMaxY() + 0.5) {
                    whole.add(drawn.getIndex());
                }
            }
        }
        // Six rows, or as many as 17 em hold (one at least), all whole; scrolling if there are more.
        double rows = Math.min(Math.min(count, 6) * row, Math.max(17 * em - frame, row));
        int shown = (int) Math.floor((rows + 0.5) / row);
        if (!whole.equals(IntStream.range(0, shown).boxed().collect(Collectors.toSet()))) {
            wrong.add(at + "rows " + whole + " whole, not the first " + shown);
        }
        if (scrolls != count * row > rows + 0.5) {
            wrong.add(at + (scrolls ? "scrolls" : "does not scroll"));
        }
        if (Math.abs(table.getHeight() - frame - rows) > 1) {
            wrong.add(String.format(Locale.ROOT, "%s%.0f px high, not %.0f for a %.0f px header and %.0f px"
                    + " of rows", at, table.getHeight(), frame + rows, header.getHeight(), rows));
        }
        return wrong;
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
                if (!InSight.shown(node)) {
                    continue; // the table built ahead, hidden until the first run: not laid out
                }
                Region header = (Region) node;
                for (var label : header.lookupAll(".label")) {
                    if (label instanceof Label shown && !shown.getText().isEmpty()
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
                    Bounds bounds = header.sceneToLocal(text.localToScene(text.getLayoutBounds()));
                    if (bounds.getMinY() < -0.5 || bounds.getMaxY() > header.getHeight() + 0.5
                            || bounds.getMaxX() > header.getWidth() + 0.5) {
                        cut.add(String.format(Locale.ROOT, "title '%s' outside its header: %.0f..%.0f x %.0f..%.0f"
                                + " in %.0f x %.0f", text.getText(), bounds.getMinX(), bounds.getMaxX(), bounds.getMinY(),
                                bounds.getMaxY(), header.getWidth(), header.getHeight()));
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
                Bounds bounds = texts.getFirst().getBoundsInParent();
                if (bounds.getMinY() < -0.5 || bounds.getMaxY() > cell.getHeight() + 0.5) {
                    cut.add("'" + whole + "' is " + bounds.getHeight() + " px tall in a " + cell.getHeight() + " px cell");
                }
            }
        });
        return cut;
    }
}
