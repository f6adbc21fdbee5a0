package dev.interleave.ui.kit;

import java.util.ArrayDeque;

/**
 * A rate measured over the last stretch of run time: Δcount / Δt between the oldest and the newest
 * of the samples kept, never a point per event. FX thread only.
 */
public final class RateWindow {

    /** How much run time the rate spans. */
    private final long spanNanos;
    /** Samples {elapsedNanos, count}, oldest first. */
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    /** @param spanNanos short enough to show change, long enough to be smooth */
    public RateWindow(long spanNanos) {
        this.spanNanos = spanNanos;
    }

    /**
     * Adds a sample and returns the rate per second over the window: what was counted in the last
     * span of run time, over the span. In the run's first span, the time before its start counts as a
     * stretch in which nothing was counted, so the rate grows into the run's own: over the short
     * stretch since the start, the first items of a run made 290 items a second of a run that took 11
     * in all, under a title promising the last second. The run's start (time 0, count 0) is the first
     * sample: a run that did all it did before the first sample (a stall after six items) shows that
     * rate, not 0. What changed between two samples at the same run time (Steps
     * taken while paused: the paused clock does not move) took no run time and is left out of every
     * rate, before and after: 20 items stepped in the first microseconds of a run read 65,000 a second, and the
     * plot's scale hid the real 20 a second after Resume.
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
        long overNanos = oldest[0] == 0 ? Math.max(dtNanos, spanNanos) : dtNanos;
        return (count - oldest[1]) * 1e9 / overNanos;
    }

    /** Forgets every sample: a new run, which starts at time 0 with count 0. */
    public void clear() {
        samples.clear();
    }
}
