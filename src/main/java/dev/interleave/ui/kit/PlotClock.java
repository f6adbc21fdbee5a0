package dev.interleave.ui.kit;

import java.util.Arrays;

/**
 * Where a moment of a run falls on its plots' x axis, seconds run with pauses left out: a view-model
 * notes, at each plot sample, the clock ({@link System#nanoTime()}) and the run's active seconds;
 * a recorded event's time is then placed between the two samples around it, so that a rewound view
 * can mark on its plots the moment it shows. Within a pause the active seconds stand still, and so
 * does every moment placed there. Accurate to a sample's interval around a pause's edges, else to
 * the clock. FX thread only (the view-model's sampling).
 */
public final class PlotClock {

    /** The most samples kept: beyond, every other one is dropped (a long run keeps its whole span). */
    static final int MAX_SAMPLES = 4_096;

    private long[] nanos = new long[64];
    private double[] seconds = new double[64];
    private int size;

    /** Forgets every sample: a new run, or Reset. */
    public void clear() {
        size = 0;
    }

    /**
     * Notes that at {@code atNanos} the run had been active {@code activeSeconds}; samples come in
     * the order taken (a sample earlier than the last is ignored).
     */
    public void add(long atNanos, double activeSeconds) {
        if (size > 0 && atNanos < nanos[size - 1]) {
            return;
        }
        if (size == MAX_SAMPLES) {
            for (int i = 0; i < size / 2; i++) {
                nanos[i] = nanos[2 * i];
                seconds[i] = seconds[2 * i];
            }
            size /= 2;
        } else if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, Math.min(MAX_SAMPLES, 2 * size));
            seconds = Arrays.copyOf(seconds, nanos.length);
        }
        nanos[size] = atNanos;
        seconds[size] = activeSeconds;
        size++;
    }

    /**
     * The moment {@code rewind} shows, in the plots' seconds: NaN at present (no mark), 0 at the
     * run's start, else its event's time placed by {@link #secondsAt}.
     */
    public double shownBy(Rewind<?> rewind) {
        long position = rewind.positionProperty().get();
        if (position == Rewind.PRESENT || rewind.history() == null) {
            return Double.NaN;
        }
        return position == 0 ? 0 : secondsAt(rewind.history().nanosOf(position - 1));
    }

    /**
     * The active seconds at {@code atNanos}: between two samples, in proportion (both in one pause:
     * the pause's); before the first, counted back from it (not below 0); after the last, the last
     * one's (a moment after the last sample is at most a sample's interval after it). NaN with no
     * sample.
     */
    public double secondsAt(long atNanos) {
        if (size == 0) {
            return Double.NaN;
        }
        if (atNanos <= nanos[0]) {
            return Math.max(0, seconds[0] - (nanos[0] - atNanos) / 1e9);
        }
        if (atNanos >= nanos[size - 1]) {
            return seconds[size - 1];
        }
        int at = Arrays.binarySearch(nanos, 0, size, atNanos);
        if (at >= 0) {
            return seconds[at];
        }
        int after = -at - 1;
        int before = after - 1;
        double share = (double) (atNanos - nanos[before]) / (nanos[after] - nanos[before]);
        return seconds[before] + share * (seconds[after] - seconds[before]);
    }
}
