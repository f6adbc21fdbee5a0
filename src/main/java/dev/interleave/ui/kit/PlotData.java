package dev.interleave.ui.kit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * One plot of a view, as a view-model names it for export: its id, what its y values are, and its
 * series. A {@code log10} plot holds log10 of the quantity (see {@link LivePlot.Scale#LOG10}): the
 * CSV writes the quantity itself.
 *
 * @param id     the plot's id, e.g. {@code "throughput"}
 * @param yName  what y measures, e.g. {@code "calls per second"}
 * @param log10  whether the series hold log10 of it
 * @param series the plot's series, one per run
 */
public record PlotData(String id, String yName, boolean log10, ObservableList<XYChart.Series<Number, Number>> series) {

    public PlotData {
        Objects.requireNonNull(id);
        Objects.requireNonNull(yName);
        Objects.requireNonNull(series);
    }

    /**
     * Where a log10 plot holds 0 ({@link ModelSupport#addLogPoint}), log10 having none: the plot's
     * lowest row, labelled "0", under 1's ({@link LivePlot.Scale#LOG10}).
     */
    public static final double LOG_ZERO = -0.7;

    /** The CSV header: one row per point follows. */
    public static final String CSV_HEADER = "plot,series,seconds,value,measure";

    /**
     * Writes every point of {@code plots} as CSV (RFC 4180: a header, then
     * {@code plot,series,seconds,value,measure} per point; texts quoted when they hold a comma or
     * a quote). Values of a log10 plot are written as the quantity: the value the point keeps
     * ({@link ModelSupport#addLogPoint}), else 10^y.
     */
    public static void writeCsv(Path file, List<PlotData> plots) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CSV_HEADER + "\n");
            for (PlotData plot : plots) {
                for (XYChart.Series<Number, Number> one : plot.series()) {
                    String name = one.getName() == null ? "" : one.getName();
                    for (XYChart.Data<Number, Number> point : one.getData()) {
                        double y = point.getYValue().doubleValue();
                        // A log10 plot's value itself where the point keeps it (ModelSupport.addLogPoint).
                        double value = !plot.log10() ? y
                                : point.getExtraValue() instanceof Number real ? real.doubleValue() : Math.pow(10, y);
                        out.write(String.format(Locale.ROOT, "%s,%s,%.3f,%.3f,%s\n", quote(plot.id()), quote(name),
                                point.getXValue().doubleValue(), value, quote(plot.yName())));
                    }
                }
            }
        }
    }

    private static String quote(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
