package dev.interleave.ui.kit;

import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plotted series spans the whole run, however long: thinned evenly, never cut at its start. */
class ModelSupportTest {

    @Test
    void aLongRunIsThinnedEvenlyFromItsStart() {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        // 200 s sampled every 0.1 s (2,001 points) into a series of at most 600.
        for (int i = 0; i <= 2_000; i++) {
            ModelSupport.addPoint(series, i / 10.0, i % 7, 600);
        }
        var data = series.getData();
        assertTrue(data.size() <= 600, data.size() + " points");
        assertTrue(data.size() >= 300, "thinned to about half, not to nothing: " + data.size());
        assertEquals(0.0, data.getFirst().getXValue().doubleValue(), "the run's start is kept");
        assertEquals(200.0, data.getLast().getXValue().doubleValue(), 1e-9, "the latest point is kept");
        double widest = 0;
        for (int i = 1; i < data.size(); i++) {
            double gap = data.get(i).getXValue().doubleValue() - data.get(i - 1).getXValue().doubleValue();
            assertTrue(gap > 0, "x keeps growing");
            widest = Math.max(widest, gap);
        }
        // Even: no gap wider than the span over a quarter of the points (a run of 200 s in at least
        // 150 steps), where a window of the newest points would have cut the first 140 s.
        assertTrue(widest <= 200.0 / 150, "widest gap " + widest + " s");
    }

    /** Samples at one time (a paused run, stepped: its clock stands still) make one point, the latest value. */
    @Test
    void samplesAtOneTimeMakeOnePoint() {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        ModelSupport.addPoint(series, 0.0, 1, 600);
        for (int i = 0; i < 1_000; i++) {
            ModelSupport.addPoint(series, 2.5, i, 600);
        }
        assertEquals(2, series.getData().size());
        assertEquals(999, series.getData().getLast().getYValue().intValue());
    }
}
