package dev.interleave.ui.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plot whose legend grows (a line per past run) keeps room for its curve: its least height grows
 * with the legend, so a view short of room scrolls rather than flattening the curve (it shrank to
 * about 45 px under a four-line legend at 1024x700).
 */
@ExtendWith(ApplicationExtension.class)
class LivePlotFxTest {

    private LivePlot plot;

    @Start
    void start(Stage stage) {
        plot = new LivePlot("plot", "Calls per second (log scale)", "seconds since Run", LivePlot.Scale.LOG10);
        plot.setManaged(false); // sized by the test alone
        stage.setScene(new Scene(new Pane(plot), 420, 300));
        stage.show();
    }

    @Test
    void aLongLegendMakesThePlotTallerNotItsCurveFlatter(FxRobot robot) {
        robot.interact(() -> {
            plot.setData(named("1,000 calls / 100 threads, atomic counter", "1,000 calls / 100 threads, racy counter",
                    "1,000,000 calls / 100,000 threads, racy counter", "1,000,000 calls / 100,000 threads, atomic counter"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        double font = Font.getDefault().getSize();
        robot.interact(() -> {
            // Squeezed to its least height, as a view short of room lays it out.
            plot.resize(420, plot.minHeight(-1));
            plot.layout();
        });
        Canvas canvas = robot.from(plot).lookup((Canvas c) -> true).queryAs(Canvas.class);
        assertTrue(canvas.getHeight() >= 8.5 * font, "the curve's area is " + canvas.getHeight() + " px high, at "
                + plot.getHeight() + " px for the whole plot");
    }

    /**
     * Counter &amp; Sum's histogram draws no series in a run's colour: its blue "sleeps drawn" read as
     * run 1 of the plots beside it, its orange "calls measured" as run 2.
     */
    @Test
    void theHistogramsSeriesAreNotColouredAsRuns(FxRobot robot) {
        LivePlot runs = new LivePlot("throughput-chart", "Calls per second", "seconds run", LivePlot.Scale.LOG10);
        LivePlot histogram = new LivePlot("histogram-chart", "Call durations", "ms", LivePlot.Scale.LINEAR);
        List<XYChart.Series<Number, Number>> four = named("run 1", "run 2", "run 3", "run 4");
        List<XYChart.Series<Number, Number>> two = named("sleeps drawn", "calls measured");
        Stage[] shown = new Stage[1];
        try {
            robot.interact(() -> {
                runs.setData(FXCollections.observableArrayList(four));
                histogram.setData(FXCollections.observableArrayList(two));
                shown[0] = StyledStage.showThemed(new HBox(runs, histogram), 900, 400);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Set<Object> runColours = four.stream().map(one -> runs.styleOf(one).getFirst()).collect(Collectors.toSet());
            assertEquals(4, runColours.size(), runColours.toString());
            for (XYChart.Series<Number, Number> one : two) {
                Object colour = histogram.styleOf(one).getFirst();
                assertFalse(runColours.contains(colour), one.getName() + " in a run's colour, " + colour);
            }
            assertNotEquals(histogram.styleOf(two.get(0)).getFirst(), histogram.styleOf(two.get(1)).getFirst());
        } finally {
            if (shown[0] != null) {
                StyledStage.close(shown[0]);
            }
            StyledStage.unthemed();
        }
    }

    /** A series keeps its colour and line when an older one is dropped (a class tracks a run by its line). */
    @Test
    void droppingTheOldestSeriesRestylesNoOther(FxRobot robot) {
        var data = FXCollections.<XYChart.Series<Number, Number>>observableArrayList();
        List<XYChart.Series<Number, Number>> runs = named("run 1", "run 2", "run 3", "run 4");
        List<List<Object>> before = new ArrayList<>();
        robot.interact(() -> {
            data.setAll(runs);
            plot.setData(data);
            for (var run : runs) {
                before.add(plot.styleOf(run));
            }
            data.removeFirst();
            XYChart.Series<Number, Number> fifth = new XYChart.Series<>();
            fifth.setName("run 5");
            data.add(fifth);
        });
        robot.interact(() -> {
            for (int i = 1; i < 4; i++) {
                assertEquals(before.get(i), plot.styleOf(runs.get(i)), "run " + (i + 1));
            }
            List<List<Object>> plotted = data.stream().map(plot::styleOf).toList();
            assertEquals(plotted.size(), plotted.stream().distinct().count(), "every plotted run told apart: " + plotted);
        });
    }

    /**
     * At 200 % in a narrow plot each series name wraps onto two or three lines: the least height
     * counts the lines the legend really takes, so the curve keeps its room (it had none left).
     */
    @Test
    void aLegendThatWrapsStillLeavesRoomForTheCurve(FxRobot robot) {
        robot.interact(() -> {
            plot.setStyle("-fx-font-size: 26px;");
            plot.setData(named("1,000 calls / 100 threads, sleeps ≤ 20 ms, synchronized counter",
                    "1,000 calls / 100 threads, sleeps ≤ 20 ms, racy counter",
                    "1,000 calls / 8 in flight, platform threads, racy counter", "1,000 calls / 100 threads"));
            plot.resize(330, 600);
            plot.applyCss();
            plot.layout();
        });
        WaitForAsyncUtils.waitForFxEvents(); // the least height is measured again at the new width
        robot.interact(() -> {
            plot.resize(330, plot.minHeight(-1));
            plot.layout();
        });
        Canvas canvas = robot.from(plot).lookup((Canvas c) -> true).queryAs(Canvas.class);
        assertTrue(canvas.getHeight() >= 8.5 * 26, "the curve's area is " + canvas.getHeight() + " px high, at "
                + plot.getHeight() + " px for the whole plot");
    }

    /**
     * At 200 % in a narrow, short plot the axes keep their labels apart: x tick labels a space apart
     * ("7.5 10 12.5 15" had run together), y tick labels at least a line apart (0 to 70 in steps of 10
     * had overlapped), the axis title on two lines rather than cut at both ends, and a count's ticks
     * whole numbers.
     */
    @Test
    void crowdedAxesThinTheirTicks(FxRobot robot) {
        LivePlot counts = new LivePlot("counts", "Futile wake-ups", "seconds run, pauses left out", LivePlot.Scale.LINEAR);
        robot.interact(() -> {
            ((Pane) plot.getParent()).getChildren().add(counts);
            counts.setManaged(false);
            counts.setStyle("-fx-font-size: 26px;");
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            for (int i = 0; i <= 60; i++) {
                series.getData().add(new XYChart.Data<>(i * 0.25, i * 70 / 60.0));
            }
            counts.setData(FXCollections.observableArrayList(List.of(series)));
            counts.setLegendVisible(false);
            counts.applyCss();
            counts.resize(260, 300);
            counts.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        double line = 26 * 0.75;
        List<LivePlot.Tick> x = counts.xTicksDrawn();
        assertTrue(x.size() >= 2, "x ticks " + x);
        List<Bounds> boxes = counts.labelBoxesDrawn().subList(counts.yRowsDrawn().size(), counts.labelBoxesDrawn().size());
        for (int i = 1; i < x.size(); i++) {
            double gap = boxes.get(i).getMinX() - boxes.get(i - 1).getMaxX();
            assertTrue(gap >= line / 2, "x labels " + x.get(i - 1).label() + " and " + x.get(i).label() + " " + gap + " px apart");
        }
        List<Double> y = counts.yRowsDrawn();
        for (int i = 1; i < y.size(); i++) {
            assertTrue(y.get(i - 1) - y.get(i) >= line, "y ticks " + (y.get(i - 1) - y.get(i)) + " px apart: " + y);
        }
        assertEquals(List.of("seconds run,", "pauses left out"), counts.xLabelDrawn());
        // A count of wake-ups, 0 to 2: ticks 0, 1, 2, not 0.2 apart.
        robot.interact(() -> {
            XYChart.Series<Number, Number> few = new XYChart.Series<>();
            few.getData().add(new XYChart.Data<>(0, 0));
            few.getData().add(new XYChart.Data<>(1, 1));
            counts.setData(FXCollections.observableArrayList(List.of(few)));
            counts.setWholeNumbers(true);
            counts.resize(600, 400);
            counts.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(counts.yTickLabels().stream().allMatch(label -> label.matches("\\d+")), counts.yTickLabels().toString());
    }

    /**
     * Every y label is centred on its line, the lowest too, and no tick label meets another: set
     * on its line, the lowest ("0") stood 13 px above the axis at 150 % and read as a value above
     * zero, and at 200 % it met "1". Linear counts and log rates, at 100 %, 150 % and 200 %.
     */
    @Test
    void theLowestYLabelIsOnItsLineAndClearOfTheXLabels(FxRobot robot) {
        List<String> wrong = new ArrayList<>();
        for (LivePlot.Scale scale : LivePlot.Scale.values()) {
            for (double font : new double[] {13, 19.5, 26}) {
                LivePlot one = new LivePlot("one", "Futile wake-ups", "seconds run, pauses left out", scale);
                robot.interact(() -> {
                    ((Pane) plot.getParent()).getChildren().add(one);
                    one.setManaged(false);
                    one.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", font));
                    XYChart.Series<Number, Number> series = new XYChart.Series<>();
                    series.getData().add(new XYChart.Data<>(0, 0));
                    series.getData().add(new XYChart.Data<>(3, scale == LivePlot.Scale.LOG10 ? 5 : 2));
                    one.setData(FXCollections.observableArrayList(List.of(series)));
                    one.setWholeNumbers(scale == LivePlot.Scale.LINEAR);
                    one.setLegendVisible(false);
                    one.applyCss();
                    one.resize(400, 260);
                    one.layout();
                });
                WaitForAsyncUtils.waitForFxEvents();
                String at = scale + " at " + font + " px: ";
                List<Double> rows = one.yRowsDrawn();
                List<Bounds> boxes = one.labelBoxesDrawn();
                for (int i = 0; i < rows.size(); i++) {
                    Bounds label = boxes.get(i);
                    double centre = (label.getMinY() + label.getMaxY()) / 2;
                    if (Math.abs(centre - rows.get(i)) > 0.5) {
                        wrong.add(at + "y label " + one.yTickLabels().get(i) + " centred at " + centre + ", its line at "
                                + rows.get(i));
                    }
                }
                for (int i = 0; i < boxes.size(); i++) {
                    for (int j = i + 1; j < boxes.size(); j++) {
                        if (boxes.get(i).intersects(boxes.get(j))) {
                            wrong.add(at + "labels " + i + " and " + j + " meet: " + boxes.get(i) + ", " + boxes.get(j));
                        }
                    }
                }
                robot.interact(() -> ((Pane) plot.getParent()).getChildren().remove(one));
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The top tick's label, centred on the plot's top line, is drawn whole: at 200 % "1M" was cut in half. */
    @Test
    void theTopTickLabelIsWholeWhenZoomed(FxRobot robot) {
        LivePlot rates = new LivePlot("rates", "Calls per second (log scale)", "seconds run, pauses left out",
                LivePlot.Scale.LOG10);
        robot.interact(() -> {
            ((Pane) plot.getParent()).getChildren().add(rates);
            rates.setManaged(false);
            rates.setStyle("-fx-font-size: 26px;");
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.getData().add(new XYChart.Data<>(0, 10));
            series.getData().add(new XYChart.Data<>(1, 100_000));
            rates.setData(FXCollections.observableArrayList(List.of(series)));
            rates.setLegendVisible(false);
            rates.applyCss();
            rates.resize(500, 400);
            rates.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        double label = 26 * 0.75; // the tick labels' font size
        List<Double> y = rates.yRowsDrawn();
        assertEquals("1M", rates.yTickLabels().getLast());
        assertTrue(y.getLast() >= label * 0.6, "the top label's row at " + y.getLast() + " px: its top half cut");
    }

    /**
     * Runs side by side whose names wrap (each entry two lines in a plot a third of 1024x700) keep
     * their curve's area: the least height was measured before the new check boxes were styled, as
     * one line for the whole legend, and the curves of the 1,000,000-call run shrank to nothing
     * under four two-line entries (a learner's tryout of the guide's step 3).
     */
    @Test
    void wrappingEntriesOfRunsSideBySideKeepTheCurvesArea(FxRobot robot) {
        robot.interact(() -> {
            plot.runsSideBySide(new SimpleBooleanProperty(true));
            plot.resize(330, 300);
            plot.layout();
            plot.setData(named("#7 1,000 calls / 100 threads, no sleeps, atomic counter",
                    "#8 1,000 calls / 100 threads, no sleeps, synchronized counter",
                    "#9 1,000 calls / 100 threads, no sleeps, lock counter",
                    "#10 1,000,000 calls / 100,000 threads, lock counter"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        double font = Font.getDefault().getSize();
        robot.interact(() -> {
            plot.resize(330, plot.minHeight(-1));
            plot.layout();
        });
        Canvas canvas = robot.from(plot).lookup((Canvas c) -> true).queryAs(Canvas.class);
        assertTrue(canvas.getHeight() >= 8.5 * font, "the curve's area is " + canvas.getHeight() + " px high, at "
                + plot.getHeight() + " px for the whole plot");
        // The next run takes the oldest's place: as many entries, as tall, each made anew. The legend's height
        // does not change, and its new entries were measured unstyled (the curves 42 px after a tryout's
        // tenth run).
        robot.interact(() -> plot.setData(named("#8 1,000 calls / 100 threads, no sleeps, synchronized counter",
                "#9 1,000 calls / 100 threads, no sleeps, lock counter",
                "#10 1,000,000 calls / 100,000 threads, lock counter",
                "#11 1,000 calls / 100 threads, no sleeps, atomic counter")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            plot.resize(330, plot.minHeight(-1));
            plot.layout();
        });
        assertTrue(canvas.getHeight() >= 8.5 * font, "after the next run, the curve's area is " + canvas.getHeight()
                + " px high, at " + plot.getHeight() + " px for the whole plot");
    }

    /**
     * A run's long name wraps inside its plot: the legend's least width was the name's, unwrapped,
     * and held the plot wider than its place, over its neighbour's legend (1,000,000 calls at 1280x800).
     */
    @Test
    void aLongRunNameWrapsInsideThePlot(FxRobot robot) {
        robot.interact(() -> {
            plot.runsSideBySide(new SimpleBooleanProperty(true));
            plot.setData(named("#1 1,000,000 calls / 100,000 threads, sleeps ≤ 20 ms, atomic counter, seed 7"));
            plot.resize(220, 320);
            plot.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(plot::layout);
        assertLegendWithin(robot, 220, "one run: a label");
        // Runs apart, nothing shared: each a check box with its whole name, wrapping too (they ran
        // into the neighbouring plot at 1280x800).
        robot.interact(() -> {
            plot.setData(named("#1 1,000 calls / 100 threads, racy counter", "#2 1,000,000 calls / 100,000 threads, atomic counter"));
            plot.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(plot::layout);
        assertLegendWithin(robot, 220, "two runs: check boxes");
    }

    private void assertLegendWithin(FxRobot robot, double width, String what) {
        assertTrue(OnFx.get(() -> plot.minWidth(-1)) <= width, what + ": the plot's least width "
                + OnFx.get(() -> plot.minWidth(-1)));
        List<Labeled> entries = robot.from(plot).lookup(".plot-legend-entry").queryAllAs(Labeled.class).stream().toList();
        for (Labeled entry : entries) {
            double right = OnFx.get(() -> plot.sceneToLocal(entry.localToScene(entry.getLayoutBounds())).getMaxX());
            assertTrue(right <= width + 0.5, what + ": '" + entry.getText() + "' ends at " + right + " px");
        }
        Labeled longest = entries.getLast();
        assertTrue(OnFx.get(longest::getHeight) > 1.5 * Font.getDefault().getSize() * 1.2,
                what + ": wrapped onto more lines: " + OnFx.get(longest::getHeight) + " px high");
    }

    /**
     * Points farther apart than the gap set are not joined (no point was taken between them): a
     * line across 5 s with no sample drew a ramp the run never had (an engineer's tryout). A point
     * alone between two gaps still shows.
     */
    @Test
    void aGapInTheSamplesBreaksTheLine(FxRobot robot) {
        LivePlot rates = new LivePlot("gapped", "Calls per second", "seconds run", LivePlot.Scale.LINEAR);
        XYChart.Series<Number, Number> run = new XYChart.Series<>();
        for (double x : new double[] {0, 0.1, 0.2, 5.2, 9.0, 9.1}) { // 0.2 to 5.2 and 5.2 to 9.0: nothing taken
            run.getData().add(new XYChart.Data<>(x, 100 * x));
        }
        robot.interact(() -> {
            ((Pane) plot.getParent()).getChildren().add(rates);
            rates.setManaged(false);
            rates.setData(FXCollections.observableArrayList(List.of(run)));
            rates.resize(500, 400);
            rates.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, OnFx.get(rates::piecesDrawn), "no gap set: one line");
        robot.interact(() -> {
            rates.setGapOver(0.5);
            rates.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, OnFx.get(rates::piecesDrawn), "0 to 0.2, 5.2 alone, 9.0 to 9.1");
        assertEquals(6, OnFx.get(rates::pointsDrawn));
    }

    /**
     * A log axis reaches the decade above the highest curve shown, 1k at least, 1M at most: runs of
     * 1,000 calls at about 180 a second were a thin band low on a 1-to-1M axis (a tryout).
     */
    @Test
    void aLogAxisReachesTheDecadeAboveItsCurves(FxRobot robot) {
        LivePlot rates = new LivePlot("fitted", "Calls per second (log scale)", "seconds run, pauses left out",
                LivePlot.Scale.LOG10);
        XYChart.Series<Number, Number> small = new XYChart.Series<>();
        small.getData().add(new XYChart.Data<>(0, Math.log10(150)));
        small.getData().add(new XYChart.Data<>(5, Math.log10(180)));
        XYChart.Series<Number, Number> large = new XYChart.Series<>();
        large.getData().add(new XYChart.Data<>(0, Math.log10(1_000)));
        large.getData().add(new XYChart.Data<>(2, Math.log10(700_000)));
        var data = FXCollections.<XYChart.Series<Number, Number>>observableArrayList(small);
        robot.interact(() -> {
            ((Pane) plot.getParent()).getChildren().add(rates);
            rates.setManaged(false);
            rates.runsSideBySide(new SimpleBooleanProperty(true));
            rates.setData(data);
            rates.resize(500, 400);
            rates.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1k", rates.yTickLabels().getLast(), "180 a second: up to 1k");
        robot.interact(() -> {
            data.add(large);
            rates.layout();
        });
        assertEquals("1M", rates.yTickLabels().getLast(), "beside 700,000 a second: up to 1M");
        robot.interact(() -> {
            robot.from(rates).lookup(".plot-legend-entry").queryAllAs(CheckBox.class).stream().toList().getLast()
                    .setSelected(false);
            rates.layout();
        });
        assertEquals("1k", rates.yTickLabels().getLast(), "the large run hidden: up to 1k again");

        // Short, with room for few ticks: the top still on one, labelled (10^5 with a tick every two
        // decades read "100, 10k" under an unlabelled top line).
        XYChart.Series<Number, Number> middling = new XYChart.Series<>();
        middling.getData().add(new XYChart.Data<>(0, Math.log10(30_000)));
        robot.interact(() -> {
            data.setAll(List.of(middling));
            rates.resize(500, 150);
            rates.layout();
        });
        List<String> labels = OnFx.get(rates::yTickLabels);
        assertTrue(labels.size() < 6, "few ticks: " + labels);
        assertTrue(List.of("100k", "1M").contains(labels.getLast()), "the top labelled: " + labels);
    }

    /**
     * Curves and the legend's samples grow with the text: at 200 % on a projector a 2 px curve beside
     * text twice its size was lost. Measured on the drawing: the curve's pixels down one column.
     */
    @Test
    void theCurveAndItsSampleThickenWithTheText(FxRobot robot) {
        // Without the window's stylesheet the title is the text's size: 26 px is 1.74 times 13 px x 1.15.
        double[] thin = curveThickness(robot, 13);
        double[] thick = curveThickness(robot, 26);
        assertTrue(thick[0] >= 1.6 * thin[0], "the curve is " + thin[0] + " px thick at 13 px text, " + thick[0]
                + " px at 26 px");
        assertTrue(thick[1] >= 1.6 * thin[1], "the legend's sample is " + thin[1] + " px at 13 px text, " + thick[1]
                + " px at 26 px");
    }

    /**
     * A flat curve drawn at {@code font} px text: how thick it is down one column of the plot, in
     * pixels of its colour (edges in part), and the legend's sample line's stroke width.
     */
    private double[] curveThickness(FxRobot robot, double font) {
        LivePlot flat = new LivePlot("flat-" + (int) font, "Occupied slots", "seconds run", LivePlot.Scale.LINEAR);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName("run");
        series.getData().add(new XYChart.Data<>(0, 3.3));
        series.getData().add(new XYChart.Data<>(10, 3.3));
        WritableImage[] image = new WritableImage[1];
        double[] sample = new double[1];
        robot.interact(() -> {
            ((Pane) plot.getParent()).getChildren().add(flat);
            flat.setManaged(false);
            flat.setStyle("-fx-font-size: " + font + "px;");
            flat.setData(FXCollections.observableArrayList(List.of(series)));
            flat.applyCss();
            flat.resize(500, 500);
            flat.layout();
            image[0] = flat.snapshot(null, null);
            sample[0] = ((Line) ((Labeled) flat.lookup(".plot-legend-entry")).getGraphic()).getStrokeWidth();
            ((Pane) plot.getParent()).getChildren().remove(flat);
        });
        Color colour = (Color) flat.styleOf(series).getFirst();
        PixelReader pixels = image[0].getPixelReader();
        int x = (int) image[0].getWidth() / 2;
        // The curve's row: the pixel of the column nearest its colour. Its thickness: how much of its
        // colour the rows around it hold, each pixel counted by how far it is from the background
        // towards the colour (an anti-aliased edge counts in part, wherever the line falls).
        int row = 0;
        for (int y = 0; y < image[0].getHeight(); y++) {
            if (distance(pixels.getColor(x, y), colour) < distance(pixels.getColor(x, row), colour)) {
                row = y;
            }
        }
        assertTrue(distance(pixels.getColor(x, row), colour) < 0.15, "no pixel of the curve's colour at " + font
                + " px text");
        Color background = pixels.getColor(x, row + 14);
        double coverage = 0;
        for (int y = row - 8; y <= row + 8; y++) {
            double part = 1 - distance(pixels.getColor(x, y), colour) / distance(background, colour);
            coverage += Math.clamp(part, 0, 1);
        }
        return new double[] {coverage, sample[0]};
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }

    /**
     * A marked moment is drawn where its x is on the axis, within the plot even past the last point,
     * and taken away with NaN.
     */
    @Test
    void aMarkedMomentIsDrawnWhereItsXIs(FxRobot robot) {
        LivePlot marked = new LivePlot("marked", "Occupied slots", "seconds run, pauses left out", LivePlot.Scale.LINEAR);
        robot.interact(() -> {
            ((Pane) plot.getParent()).getChildren().add(marked);
            marked.setManaged(false);
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            for (int i = 0; i <= 10; i++) {
                series.getData().add(new XYChart.Data<>(i, i % 3));
            }
            marked.setData(FXCollections.observableArrayList(List.of(series)));
            marked.applyCss();
            marked.resize(500, 300);
            marked.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Double.isNaN(marked.markerDrawnAt()), "no mark until one is set");
        List<LivePlot.Tick> x = marked.xTicksDrawn();
        double zero = x.getFirst().at();
        double ten = x.stream().filter(tick -> tick.label().equals("10")).findFirst().orElseThrow().at();
        robot.interact(() -> {
            marked.setMarker(2.5);
            marked.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(zero + (ten - zero) / 4, marked.markerDrawnAt(), 1.0, "2.5 s of 10, ticks " + x);
        robot.interact(() -> {
            marked.setMarker(13);
            marked.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<LivePlot.Tick> wider = marked.xTicksDrawn();
        double at12 = wider.stream().filter(tick -> tick.label().equals("12.5")).findFirst().orElseThrow().at();
        double at15 = wider.stream().filter(tick -> tick.label().equals("15")).findFirst().orElseThrow().at();
        assertEquals(at12 + (at15 - at12) / 5, marked.markerDrawnAt(), 1.0,
                "past the last point, the axis takes it in: " + wider);
        robot.interact(() -> {
            marked.setMarker(Double.NaN);
            marked.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Double.isNaN(marked.markerDrawnAt()), "NaN takes the mark away");
    }

    /**
     * What happened (a deadlock) is a line where its x is, its words at the line's foot beside it:
     * at the top they covered the counts' curves, which rise to the line and go on flat after it.
     * Near the right edge the words go to the line's left; NaN takes both away.
     */
    @Test
    void anEventIsALineWithItsWordsAtItsFoot(FxRobot robot) {
        LivePlot counts = new LivePlot("counts", "Attempts and meals", "seconds run, pauses left out", LivePlot.Scale.LINEAR);
        robot.interact(() -> {
            ((Pane) plot.getParent()).getChildren().add(counts);
            counts.setManaged(false);
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            for (int i = 0; i <= 10; i++) {
                series.getData().add(new XYChart.Data<>(i, Math.min(i, 5) * 200)); // flat at the top after 5 s
            }
            counts.setData(FXCollections.observableArrayList(List.of(series)));
            counts.setEventLabel("✘ deadlock");
            counts.applyCss();
            counts.resize(500, 300);
            counts.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Double.isNaN(counts.eventDrawnAt()) && counts.eventLabelDrawn() == null, "no event until one is set");
        List<LivePlot.Tick> x = counts.xTicksDrawn();
        double zero = x.getFirst().at();
        double ten = x.stream().filter(tick -> tick.label().equals("10")).findFirst().orElseThrow().at();
        robot.interact(() -> {
            counts.eventProperty().set(5);
            counts.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        double line = counts.eventDrawnAt();
        assertEquals(zero + (ten - zero) / 2, line, 1.0, "5 s of 10, ticks " + x);
        Bounds words = counts.eventLabelDrawn();
        List<Double> rows = counts.yRowsDrawn(); // bottom up: the axis, then each tick's line
        assertTrue(words.getMinX() > line && words.getMinY() > (rows.getFirst() + rows.getLast()) / 2,
                "beside the line, in the plot's lower half (the curve is flat at the top there): " + words + ", rows " + rows);
        assertTrue(words.getMaxY() <= rows.getFirst(), "above the axis: " + words + ", rows " + rows);
        robot.interact(() -> {
            counts.eventProperty().set(9.8);
            counts.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(counts.eventLabelDrawn().getMaxX() < counts.eventDrawnAt(), "near the right edge, to the line's left");
        robot.interact(() -> {
            counts.eventProperty().set(Double.NaN);
            counts.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Double.isNaN(counts.eventDrawnAt()) && counts.eventLabelDrawn() == null, "NaN takes it away");
    }

    /**
     * The curves end at the event (a deadlock 14 ms into the run): the x axis ends there too, just
     * after it, where a 1 s axis's least, 0.2 s, squeezed the curves and the line into the plot's
     * left twentieth (a teacher's tryout). Before the event, while points come, the axis keeps that least.
     */
    @Test
    void theAxisEndsAtAnEarlyEvent(FxRobot robot) {
        LivePlot counts = new LivePlot("early", "Attempts and meals", "seconds run, pauses left out", LivePlot.Scale.LINEAR);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        robot.interact(() -> {
            ((Pane) plot.getParent()).getChildren().add(counts);
            counts.setManaged(false);
            for (double at : new double[] {0, 0.004, 0.009, 0.014}) {
                series.getData().add(new XYChart.Data<>(at, at * 10_000));
            }
            counts.setData(FXCollections.observableArrayList(List.of(series)));
            counts.setEventLabel("✘ deadlock");
            counts.applyCss();
            counts.resize(500, 300);
            counts.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.2", counts.xTicksDrawn().getLast().label(), "no event yet: a 1 s axis's least, " + counts.xTicksDrawn());
        robot.interact(() -> {
            counts.eventProperty().set(0.014);
            counts.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<LivePlot.Tick> x = counts.xTicksDrawn();
        double zero = x.getFirst().at();
        double end = x.getLast().at();
        double top = Double.parseDouble(x.getLast().label());
        assertTrue(top >= 0.014 && top <= 0.02, "the axis ends just after 14 ms: " + x + ", the line at " + counts.eventDrawnAt());
        assertTrue((counts.eventDrawnAt() - zero) / (end - zero) >= 0.7, "the line at " + counts.eventDrawnAt()
                + " on an axis from " + zero + " to " + end + ", ticks " + x);
        for (LivePlot.Tick tick : x) { // every label its tick's value: no 0.0025 written "0.003"
            assertEquals(x.indexOf(tick) * top / (x.size() - 1), Double.parseDouble(tick.label()), 1e-9, "ticks " + x);
        }
    }

    /**
     * A plot scrolled out of sight is not drawn (JavaFX would render its canvas at every frame all
     * the same); it is drawn in the frame it comes into sight.
     */
    @Test
    void outOfSightAPlotIsDrawnOnceScrolledTo(FxRobot robot) {
        LivePlot[] below = new LivePlot[1];
        ScrollPane[] scroll = new ScrollPane[1];
        Stage[] page = new Stage[1];
        robot.interact(() -> {
            Region above = new Region();
            above.setMinHeight(1500);
            below[0] = new LivePlot("below", "Occupied slots", "seconds since Run", LivePlot.Scale.LINEAR);
            scroll[0] = new ScrollPane(new VBox(above, below[0]));
            scroll[0].setFitToWidth(true);
            page[0] = new Stage();
            page[0].setScene(new Scene(scroll[0], 420, 300));
            page[0].show();
            below[0].setData(named("run 1"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        try {
            int[] drawn = new int[2];
            robot.interact(() -> drawn[0] = below[0].pointsDrawn());
            robot.interact(() -> scroll[0].setVvalue(1));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> drawn[1] = below[0].pointsDrawn());
            assertEquals(0, drawn[0], "points drawn while 1,500 px below the window");
            assertEquals(2, drawn[1], "points drawn once scrolled to");
        } finally {
            robot.interact(() -> page[0].close());
        }
    }

    /**
     * A 37 ms run beside two runs of 6 s is a sliver at the left of their axis (a teacher's tryout saw
     * a vertical line at 0): the legend says so, and unticking the long runs fits the axis to it,
     * once no run goes; ticked again, they are back.
     */
    @Test
    void aShortRunBesideLongOnesIsSeenOnceTheyAreUnticked(FxRobot robot) {
        SimpleBooleanProperty idle = new SimpleBooleanProperty(false);
        var data = FXCollections.<XYChart.Series<Number, Number>>observableArrayList();
        XYChart.Series<Number, Number> longRun = run("1,000 calls, racy counter", 6.0);
        XYChart.Series<Number, Number> otherLong = run("1,000 calls, atomic counter", 5.8);
        XYChart.Series<Number, Number> shortRun = run("1,000 calls, no sleeps, racy counter", 0.037);
        robot.interact(() -> {
            plot.resize(420, 320);
            plot.runsSideBySide(idle);
            data.setAll(List.of(longRun, otherLong, shortRun));
            plot.setData(data);
        });
        Label note = robot.from(plot).lookup(".plot-squeezed-note").queryAs(Label.class);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(plot::layout);
        assertFalse(OnFx.get(note::isVisible), "not while a run goes: " + OnFx.get(note::getText));
        robot.interact(() -> idle.set(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(plot::layout);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(OnFx.get(note::isVisible), "the sliver is noted");
        assertEquals("6", lastXTick(), "the axis spans the long runs");

        List<CheckBox> boxes = robot.from(plot).lookup(".plot-legend-entry").queryAllAs(CheckBox.class).stream().toList();
        assertEquals(3, boxes.size());
        robot.interact(() -> {
            boxes.get(0).setSelected(false);
            boxes.get(1).setSelected(false);
            plot.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(plot::layout);
        assertEquals(List.of(false, false, true), List.of(plot.shows(longRun), plot.shows(otherLong), plot.shows(shortRun)));
        assertEquals("0.04", lastXTick(), "the axis fits the short run alone");
        assertEquals(2, plot.pointsDrawn(), "only the short run's curve is drawn");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(OnFx.get(note::isVisible), "nothing squeezed now");

        robot.interact(() -> {
            boxes.get(0).setSelected(true);
            plot.layout();
        });
        assertEquals("6", lastXTick(), "ticked again, the long run is back");
        robot.interact(() -> idle.set(false));
        robot.interact(plot::layout);
        assertEquals("0.2", OnFx.get(() -> {
            boxes.get(0).setSelected(false);
            plot.layout();
            return lastXTick();
        }), "while a run goes the axis keeps a 1 s axis's ticks");

        // A new run of a hidden kind is drawn into its series (emptied first): shown again, ticked.
        robot.interact(() -> {
            otherLong.getData().clear();
            otherLong.getData().add(new XYChart.Data<>(0.1, 2));
            otherLong.getData().add(new XYChart.Data<>(0.5, 2));
            plot.layout();
        });
        assertTrue(plot.shows(otherLong), "the new run of a hidden kind");
        assertFalse(plot.shows(longRun), "the other hidden one stays hidden");
        assertEquals(List.of(false, true, true), OnFx.get(() -> robot.from(plot).lookup(".plot-legend-entry")
                .queryAllAs(CheckBox.class).stream().map(CheckBox::isSelected).toList()));
        assertEquals(4, OnFx.get(plot::pointsDrawn), "its two points and the short run's");
    }

    /**
     * Four runs of one setting say it once over four short entries: their eight lines of legend
     * (each name wrapping onto two) had left the curves about 50 px at 1280x800.
     */
    @Test
    void runsOfOneSettingShareOneLineOfLegend(FxRobot robot) {
        String each = "1,000 calls / 100 threads, atomic counter";
        var data = FXCollections.<XYChart.Series<Number, Number>>observableArrayList();
        for (int n = 1; n <= 4; n++) {
            data.add(run("#" + n + " " + each, 5.6));
        }
        robot.interact(() -> {
            plot.resize(420, 320);
            plot.runsSideBySide(new SimpleBooleanProperty(true));
            plot.setData(data);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(plot::layout);
        Label shared = robot.from(plot).lookup("#plot-shared").queryAs(Label.class);
        assertEquals("All 4 runs: " + each, OnFx.get(shared::getText));
        assertTrue(OnFx.get(shared::isVisible));
        List<CheckBox> boxes = robot.from(plot).lookup(".plot-legend-entry").queryAllAs(CheckBox.class).stream().toList();
        assertEquals(List.of("#1", "#2", "#3", "#4"), OnFx.get(() -> boxes.stream().map(CheckBox::getText).toList()));
        double top = OnFx.get(() -> boxes.getFirst().getLayoutY());
        assertTrue(boxes.stream().allMatch(box -> OnFx.get(box::getLayoutY) == top),
                "the four entries side by side, on one line");
        assertEquals(List.of("#1 " + each, "#2 " + each, "#3 " + each, "#4 " + each), plot.legendNames(),
                "the series keep their whole names");

        // A run that differs is named by what differs; nothing shared by all, no line over them.
        robot.interact(() -> data.add(run("#5 1,000,000 calls / 100,000 threads, racy counter", 9)));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(OnFx.get(shared::isVisible), OnFx.get(shared::getText));
        assertEquals("#5 1,000,000 calls / 100,000 threads, racy counter", OnFx.get(() -> ((Labeled) robot.from(plot)
                .lookup(".plot-legend-entry").queryAll().stream().toList().getLast()).getText()));
    }

    /**
     * A log plot has a row for 0 under 1's: a rate that fell to 0 (no call completed for 0.2 s) was
     * drawn at 1 and read as "1 call a second".
     */
    @Test
    void aLogPlotDrawsZeroOnARowOfItsOwn(FxRobot robot) {
        XYChart.Series<Number, Number> rates = new XYChart.Series<>();
        rates.setName("calls per second");
        robot.interact(() -> {
            ModelSupport.addLogPoint(rates, 0.1, 100, 100);
            ModelSupport.addLogPoint(rates, 0.2, 0, 100);
            ModelSupport.addLogPoint(rates, 0.3, 1, 100);
            plot.resize(420, 320);
            plot.setData(FXCollections.observableArrayList(List.of(rates)));
            plot.layout();
        });
        assertEquals(List.of(2.0, PlotData.LOG_ZERO, 0.0), rates.getData().stream().map(p -> p.getYValue().doubleValue()).toList());
        List<String> labels = OnFx.get(plot::yTickLabels);
        assertEquals("0", labels.getFirst(), labels.toString());
        assertEquals("1", labels.get(1), labels.toString());
        List<Double> rows = OnFx.get(plot::yRowsDrawn);
        assertTrue(rows.get(0) > rows.get(1), "0's row under 1's: " + rows);
    }

    private String lastXTick() {
        return OnFx.get(() -> plot.xTicksDrawn().getLast().label());
    }

    /** A run's curve from 0 to {@code seconds}: two points. */
    private static XYChart.Series<Number, Number> run(String name, double seconds) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        series.getData().add(new XYChart.Data<>(0, 1));
        series.getData().add(new XYChart.Data<>(seconds, 3));
        return series;
    }

    /** A series per name, each a short rising line. */
    private static ObservableList<XYChart.Series<Number, Number>> named(String... names) {
        var data = FXCollections.<XYChart.Series<Number, Number>>observableArrayList();
        for (String name : names) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(name);
            series.getData().add(new XYChart.Data<>(0, 1));
            series.getData().add(new XYChart.Data<>(1, 3));
            data.add(series);
        }
        return data;
    }
}
