package dev.interleave.ui;

import javafx.beans.property.IntegerProperty;
import javafx.scene.chart.XYChart;

/** What both view-models do to their inputs and plots. FX thread only; no Node. */
final class ModelSupport {

    private ModelSupport() {
    }

    /** Keeps {@code property} in [min, max]: a value outside is replaced by the nearest bound. */
    static void clamp(IntegerProperty property, int min, int max) {
        property.addListener((obs, old, now) -> {
            if (now.intValue() < min) {
                property.set(min);
            } else if (now.intValue() > max) {
                property.set(max);
            }
        });
    }

    /** Appends a point, dropping the oldest beyond {@code maxPoints}: a fixed window of points. */
    static void addPoint(XYChart.Series<Number, Number> series, double x, double y, int maxPoints) {
        if (series.getData().size() >= maxPoints) {
            series.getData().remove(0);
        }
        series.getData().add(new XYChart.Data<>(x, y));
    }
}
