package dev.interleave.ui.race;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
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

import dev.interleave.engine.race.LabFigures;
import dev.interleave.engine.race.RaceResult;
import dev.interleave.engine.race.RaceSettings;
import dev.interleave.engine.race.RaceStrategy;
import dev.interleave.engine.race.StepProgram;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.ThreadKind;
import dev.interleave.ui.kit.OnFx;
import dev.interleave.ui.kit.StyledStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lost-updates histogram's axis spans its bars: "0" under the first (none lost), the most lost
 * ending under the last. "0 … 499,415" in one label ended under the middle bars, and the tallest bar,
 * the last, stood past it (a teacher's tryout, 1024x700).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(30)
class LostUpdatesAxisFxTest {

    private Node histogram;
    private Stage stage;

    @Start
    void start(Stage primary) {
        histogram = LabView.histogram(List.of(0L, 0L, 0L, 0L, 108_044L, 150_000L, 90_000L, 200_000L, 100_000L, 499_415L));
        stage = StyledStage.showThemed(new VBox(histogram), 400, 200);
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
    void theAxisSpansTheBars(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            List<Node> bars = List.copyOf(histogram.lookupAll(".histogram-bar"));
            assertEquals(11, bars.size(), "none, then ten bins");
            Bounds first = bars.getFirst().localToScene(bars.getFirst().getLayoutBounds());
            Bounds last = bars.getLast().localToScene(bars.getLast().getLayoutBounds());
            List<Label> ends = histogram.lookupAll(".slot-index").stream().map(Label.class::cast).toList();
            assertEquals(List.of("0", "499,415"), ends.stream().map(Label::getText).toList());
            Bounds zero = ends.getFirst().localToScene(ends.getFirst().getLayoutBounds());
            Bounds most = ends.getLast().localToScene(ends.getLast().getLayoutBounds());
            assertEquals(first.getMinX(), zero.getMinX(), 0.5, "'0' starts under the first bar");
            assertEquals(last.getMaxX(), most.getMaxX(), 0.5, "'499,415' ends under the last bar");
            assertTrue(zero.getMaxX() < most.getMinX(), "the two figures apart");
        });
    }

    /**
     * The rows of the strategies share one axis: racy's and volatile's histograms end at the most any
     * run lost, and a safe row keeps its one bar (racy's axis ran to 660,267 and volatile's to 337,185,
     * a teacher's tryout). The axis is labelled once, over the rows.
     */
    @Test
    void theRowsShareOneAxis(FxRobot robot) {
        LabFigures figures = new LabFigures(List.of(
                leg(RaceStrategy.RACY, 0L, 660_267L, 12_000L), leg(RaceStrategy.VOLATILE, 337_185L, 5L, 0L),
                leg(RaceStrategy.ATOMIC, 0L, 0L, 0L)));
        List<List<String>> axes = OnFx.get(() -> {
            GridPane grid = LabView.lostRows(figures, 1_000_000, 250_000);
            List<List<String>> ends = new ArrayList<>();
            for (Node cell : grid.getChildren()) {
                if (GridPane.getColumnIndex(cell) == 1) {
                    ends.add(cell.lookupAll(".slot-index").stream().map(n -> ((Label) n).getText()).toList());
                }
            }
            return ends;
        });
        // Once, over the rows: under each row, "660,267" read as that row's most (a tryout: "603,519"
        // under racy, whose own most was 537,074).
        assertEquals(List.of(List.of("0", "660,267"), List.of(), List.of(), List.of()), axes,
                "the axis over the rows; racy, volatile, atomic");
    }

    /**
     * Every row's bars on one scale: a bar's height is its share of the runs, so volatile's 6 runs of
     * 10 that lost none stand at six tenths of a safe row's 10 (each row scaled to its own tallest
     * bar drew them the same height), and the bars are one width in every row.
     */
    @Test
    void everyRowsBarsAreOnOneScale(FxRobot robot) {
        LabFigures figures = new LabFigures(List.of(
                leg(RaceStrategy.VOLATILE, 0L, 0L, 0L, 0L, 0L, 0L, 5L, 7L, 9L, 142_022L),
                leg(RaceStrategy.ATOMIC, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L)));
        List<double[]> firstBars = OnFx.get(() -> {
            GridPane grid = LabView.lostRows(figures, 1_000_000, 250_000);
            new Scene(new VBox(grid));
            grid.applyCss(); // the bars' sizes are styles, in em
            List<double[]> sizes = new ArrayList<>();
            for (Node cell : grid.getChildren()) {
                if (GridPane.getColumnIndex(cell) == 1 && !cell.lookupAll(".histogram-bar").isEmpty()) {
                    Region none = (Region) cell.lookupAll(".histogram-bar").iterator().next();
                    sizes.add(new double[] {none.prefHeight(-1), none.prefWidth(-1)});
                }
            }
            return sizes;
        });
        assertEquals(2, firstBars.size(), "volatile's and atomic's rows");
        double volatileNone = firstBars.get(0)[0];
        double atomicNone = firstBars.get(1)[0];
        assertEquals(0.6, volatileNone / atomicNone, 0.01, volatileNone + " px against " + atomicNone);
        assertEquals(firstBars.get(0)[1], firstBars.get(1)[1], 0.01, "one width in every row");
    }

    /**
     * A row's summary stands beside its bars where it has room, and under them, the row's whole
     * width, where it has not: at 200 % on a projector it wrapped two words a line beside them, its
     * row a screen tall (a tryout).
     */
    @Test
    void aSummaryGoesUnderItsBarsWhenItHasNoRoomBeside(FxRobot robot) {
        LabFigures figures = new LabFigures(List.of(leg(RaceStrategy.RACY, 0L, 660_267L, 12_000L),
                leg(RaceStrategy.ATOMIC, 0L, 0L, 0L)));
        for (double width : new double[] {1_400, 500, 1_400}) {
            List<Integer> columns = OnFx.get(() -> {
                GridPane grid = LabView.lostRows(figures, 1_000_000, 250_000);
                VBox box = new VBox(grid);
                new Scene(box, width, 800);
                box.applyCss();
                box.layout();
                return grid.getChildren().stream().filter(cell -> cell.getId() != null
                        && cell.getId().startsWith("lab-lost-")).map(GridPane::getColumnIndex).toList();
            });
            assertEquals(width > 1_000 ? List.of(2, 2) : List.of(0, 0), columns, "at " + width + " px");
        }
    }

    /**
     * A strategy's name sits by its own bars and on its summary's first line, however tall the
     * summary: the bars filled their row from its top and the name sat at the row's foot, by the
     * next row's bars (a learner read volatile's name as the next row's); set at the bars' foot, a
     * one-line summary stood between two names (a teacher).
     */
    @Test
    void aNameSitsByItsOwnBars(FxRobot robot) {
        LabFigures figures = new LabFigures(List.of(leg(RaceStrategy.RACY, 0L, 660_267L, 12_000L),
                leg(RaceStrategy.VOLATILE, 0L, 337_185L, 5L), leg(RaceStrategy.ATOMIC, 0L, 0L, 0L)));
        List<double[]> rows = OnFx.get(() -> {
            GridPane grid = LabView.lostRows(figures, 1_000_000, 250_000);
            VBox box = new VBox(grid);
            new Scene(box, 720, 800); // the summaries beside their bars, racy's four lines and more
            box.applyCss();
            box.layout();
            List<double[]> spans = new ArrayList<>();
            for (Node name : grid.getChildren()) {
                if (name.getStyleClass().contains("strategy-name")) { // the name, its code under it
                    Node cell = grid.getChildren().stream().filter(each -> GridPane.getRowIndex(each).equals(
                            GridPane.getRowIndex(name)) && GridPane.getColumnIndex(each) == 1).findFirst().orElseThrow();
                    Node bars = cell.lookup(".histogram"); // the bars themselves, not their cell
                    Bounds named = name.localToScene(name.getLayoutBounds());
                    Bounds drawn = bars.localToScene(bars.getLayoutBounds());
                    Node said = grid.getChildren().stream().filter(each -> GridPane.getRowIndex(each).equals(
                            GridPane.getRowIndex(name)) && GridPane.getColumnIndex(each) == 2).findFirst().orElseThrow();
                    Bounds summary = said.localToScene(said.getLayoutBounds());
                    spans.add(new double[] {named.getMinY(), named.getMaxY(), drawn.getMinY(), drawn.getMaxY(),
                            summary.getMinY()});
                }
            }
            return spans;
        });
        assertEquals(3, rows.size());
        for (double[] row : rows) {
            assertTrue(row[0] >= row[2] - 1 && row[1] <= row[3] + 4, String.format(
                    "the name from %.0f to %.0f px, its bars from %.0f to %.0f px", row[0], row[1], row[2], row[3]));
            assertEquals(row[4], row[0], 3, "the summary's first line beside the name");
        }
    }

    /**
     * Each row's name has its code under it: Slow motion's incrementAndGet is Full speed's atomic,
     * which a learner could not tell.
     */
    @Test
    void eachNameHasItsCodeUnderIt() {
        LabFigures figures = new LabFigures(List.of(leg(RaceStrategy.RACY, 5L), leg(RaceStrategy.ATOMIC, 0L),
                leg(RaceStrategy.CAS, 0L)));
        List<String> codes = OnFx.get(() -> LabView.lostRows(figures, 1_000_000, 250_000).getChildren().stream()
                .filter(cell -> cell.getStyleClass().contains("strategy-name"))
                .map(cell -> ((Label) ((VBox) cell).getChildren().getLast()).getText()).toList());
        assertEquals(List.of("count++", StepProgram.ATOMIC.label(), StepProgram.CAS.label()), codes);
        assertEquals(List.of("incrementAndGet", "cas-loop"), List.of(codes.get(1), codes.get(2)),
                "Slow motion's names");
    }

    private static RaceResult leg(RaceStrategy strategy, long... lost) {
        RaceSettings settings = new RaceSettings(4, 250_000, strategy, ThreadKind.PLATFORM, false, lost.length);
        List<Long> totals = Arrays.stream(lost).map(l -> settings.expected() - l).boxed().toList();
        return new RaceResult(settings, Outcome.COMPLETED, null, totals,
                totals.stream().map(total -> 1_000_000L).toList(), 0);
    }
}
