package dev.interleave.ui.kit;

import java.util.ArrayDeque;

/**
 * A rate measured over the last stretch of run time: Δcount between the oldest and the newest of the
 * samples kept, over the time between them (in the run's first stretch, over the whole stretch or
 * over the run time so far: see {@link #RateWindow(long, boolean)}), never a point per event. FX
 * thread only.
 */
public final class RateWindow {

    /** How much run time the rate spans. */
    private final long spanNanos;
    /** Whether the run's first span counts the time before the start as a stretch with nothing counted. */
    private final boolean padsStart;
    /** Samples {elapsedNanos, count}, oldest first. */
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    /** @param spanNanos short enough to show change, long enough to be smooth */
    public RateWindow(long spanNanos) {
        this(spanNanos, true);
    }

    /**
     * @param spanNanos short enough to show change, long enough to be smooth
     * @param padsStart whether the first span's rate is over the whole span (see {@link #add}), or
     *        over the run time so far: a run of evenly spread events, shorter than a span (1,000
     *        calls without sleeps end in under 0.1 s) reads its real rate, not a fraction of it
     */
    public RateWindow(long spanNanos, boolean padsStart) {
        this.spanNanos = spanNanos;
        this.padsStart = padsStart;
    }

    /**
     * Adds a sample and returns the rate per second over the window: what was counted in the last span
     * of run time, over the span. The run's start (time 0, count 0) is the first sample, and in the
     * first span (if it pads the start) the time before it counts as a stretch with nothing counted
     * (over the milliseconds since the start, a run's first items read 290 a second in a run of 11
     * items in all). What changed
     * between two samples at the same run time (steps taken while paused: the paused clock stands
     * still) took no run time and is left out of every rate, before and after (20 items stepped read
     * 65,000 a second, and the plot's scale hid the real 20 a second after Resume).
     */
    public double add(long elapsedNanos, long count) {
        if (samples.isEmpty()) {
            samples.addLast(new long[] {0, 0});
        }
        long[] latest = samples.peekLast();
        if (elapsedNanos <= latest[0]) {
            long stood = count - latest[1];
            for (long[] sample : samples) {
                sample[1] += stood;
            }
            return rate(elapsedNanos, count);
        }
        samples.addLast(new long[] {elapsedNanos, count});
        while (samples.size() > 2 && elapsedNanos - samples.peekFirst()[0] > spanNanos) {
            samples.removeFirst();
        }
        return rate(elapsedNanos, count);
    }

    private double rate(long elapsedNanos, long count) {
        long[] oldest = samples.peekFirst();
        long dtNanos = elapsedNanos - oldest[0];
        if (dtNanos <= 0) {
            return 0;
        }
        // From the start, the whole span: nothing was counted before the run began.
        long overNanos = oldest[0] == 0 && padsStart ? Math.max(dtNanos, spanNanos) : dtNanos;
        return (count - oldest[1]) * 1e9 / overNanos;
    }

    /** The rate at the newest sample, as {@link #add} last returned it; 0 before any. */
    public double latest() {
        return samples.isEmpty() ? 0 : rate(samples.peekLast()[0], samples.peekLast()[1]);
    }

    /** Forgets every sample: a new run, which starts at time 0 with count 0. */
    public void clear() {
        samples.clear();
    }
}
