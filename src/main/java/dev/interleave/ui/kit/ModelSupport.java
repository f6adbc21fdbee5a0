package dev.interleave.ui.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javafx.beans.property.IntegerProperty;
import javafx.scene.chart.XYChart;

/** What both view-models do to their inputs and plots. FX thread only; no Node. */
public final class ModelSupport {

    private ModelSupport() {
    }

    /** Keeps {@code property} in [min, max]: a value outside is replaced by the nearest bound. */
    public static void clamp(IntegerProperty property, int min, int max) {
        property.addListener((obs, old, now) -> {
            if (now.intValue() < min) {
                property.set(min);
            } else if (now.intValue() > max) {
                property.set(max);
            }
        });
    }

    /** A runner's stop. */
    public interface Stoppable {
        void stop() throws InterruptedException, TimeoutException;
    }

    /** Keeps {@code min <= max}: moving one past the other moves the other along. FX thread. */
    public static void keepOrdered(IntegerProperty min, IntegerProperty max) {
        min.addListener((obs, old, now) -> {
            if (now.intValue() > max.get()) {
                max.set(now.intValue());
            }
        });
        max.addListener((obs, old, now) -> {
            if (now.intValue() < min.get()) {
                min.set(now.intValue());
            }
        });
    }

    /**
     * Stops a run and waits for its threads, swallowing the outcomes a caller cannot act on (the
     * next sample shows the runner's real state).
     */
    public static void stopQuietly(Stoppable runner) {
        try {
            runner.stop();
        } catch (InterruptedException | TimeoutException | IllegalStateException e) {
            // The next sample shows the runner's real state.
        }
    }

    /**
     * Stops a run off the FX thread: stopping interrupts up to 100,000 threads and waits for them.
     * The next frames' samples show STOPPING, then IDLE with the result. On a platform thread: a
     * virtual one queued behind the run's 100,000 for a carrier, and the run stopped (its clock, its
     * count) about 100 ms after Stop instead of 30 (1,000,000 calls on 100,000 virtual threads).
     */
    public static void stopInBackground(String threadName, Stoppable runner) {
        Thread.ofPlatform().daemon().name(threadName).start(() -> stopQuietly(runner));
    }

    /**
     * {@link #addPoint} on a log10 plot ({@link PlotData#log10}): plots log10 of {@code value}, 0 (the
     * row of 1) for a value between 0 and 1, and the plot's row of 0 ({@link PlotData#LOG_ZERO}) for
     * 0; keeps the value itself as the point's extra value, which the CSV writes (from log10 alone,
     * the 0 calls in flight at a run's end were written as 1).
     */
    public static void addLogPoint(XYChart.Series<Number, Number> series, double x, double value, int maxPoints) {
        addPoint(series, x, value <= 0 ? PlotData.LOG_ZERO : value < 1 ? 0 : Math.log10(value), maxPoints);
        series.getData().getLast().setExtraValue(value);
    }

    /**
     * Whether a run ended at {@code elapsedNanos} still lacks its end's point on {@code series}: it
     * has none, or its last is before the end. An ended run's plots take one point there, its last
     * figures: they stopped at the last tenth of a second's sample (a teaching assistant's check).
     */
    public static boolean endsAfterLastPoint(XYChart.Series<Number, Number> series, long elapsedNanos) {
        List<XYChart.Data<Number, Number>> data = series.getData();
        return data.isEmpty() || elapsedNanos / 1e9 > data.getLast().getXValue().doubleValue() + 1e-6;
    }

    /**
     * Appends a point, or gives the last point its new y if it is at the same x. A series that
     * has {@code maxPoints} is first thinned to about half, evenly
     * over its whole span (its first and latest points kept): a plot always spans the run from its
     * start, a long run's points further apart, rather than a window of its last points drawn on an
     * axis from 0 (which looked like a plot that started late).
     */
    public static void addPoint(XYChart.Series<Number, Number> series, double x, double y, int maxPoints) {
        List<XYChart.Data<Number, Number>> data = series.getData();
        if (!data.isEmpty() && data.getLast().getXValue().doubleValue() == x) {
            data.getLast().setYValue(y); // no time passed (a paused run, stepped): the latest value at that time
            return;
        }
        if (data.size() >= maxPoints) {
            double first = data.getFirst().getXValue().doubleValue();
            double step = (data.getLast().getXValue().doubleValue() - first) / (maxPoints / 2.0);
            List<XYChart.Data<Number, Number>> kept = new ArrayList<>(maxPoints / 2 + 2);
            double next = first;
            for (int i = 0; i < data.size(); i++) {
                double at = data.get(i).getXValue().doubleValue();
                if (at >= next || i == data.size() - 1) {
                    kept.add(data.get(i));
                    next = at + step;
                }
            }
            series.getData().setAll(kept); // one change: the plot redraws once
        }
        series.getData().add(new XYChart.Data<>(x, y));
    }

    /** Run time below which a stepped run's plots have nothing to show (a step acts while paused). */
    public static final long STEPPED_ONLY_NANOS = 50_000_000L;

    /**
     * Whether a run has been stepped ({@code stepsTaken} &gt; 0) and has run for less than {@link
     * #STEPPED_ONLY_NANOS}, pauses left out ({@code elapsedNanos}): its plots draw nothing yet.
     */
    public static boolean steppedOnly(long stepsTaken, long elapsedNanos) {
        return stepsTaken > 0 && elapsedNanos < STEPPED_ONLY_NANOS;
    }

    /**
     * Why the plots of a run only stepped are empty (they draw the time the run runs, pauses left out,
     * and a step acts while the run is paused). {@code canRunOn}: paused, it can still run (Resume);
     * ended, or deadlocked, it cannot. {@code where}: where the steps are to be seen instead ("The
     * timeline above has every step"), or empty.
     */
    public static String steppedPlotsNote(boolean canRunOn, String where) {
        return (canRunOn ? "The plots count only the time the run runs" : "The plots count only the time the run ran")
                + ", and a step acts while the run is paused: nothing to plot" + (canRunOn ? " yet." : ".")
                + (where.isEmpty() ? "" : " " + where + (canRunOn ? ";" : "."))
                + (canRunOn ? " Resume to see the run against time." : "");
    }
}
