package dev.interleave.engine.calls;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Two histograms over the same bins: the sleeps the plan drew and the measured durations of the
 * same calls (from the moment the call's thread was started to the moment its service call
 * returned, in the run's active time). Their gap is what the run added to each sleep: waiting for a
 * carrier or a core, starting the thread, waking up.
 *
 * <p>A run counts into fixed bins set by its max sleep M: {@link #BINS} - 1 bins of equal width,
 * M / 20 rounded up to whole milliseconds (sleeps are whole milliseconds: narrower bins would be
 * a comb of full and empty ones), and a last bin for everything beyond them; with M = 0 the width
 * is that of M = 1 ms. {@link #merged} gives the same counts in at most 40 wider bins that reach just past the
 * longest call, for a plot or a listing: a run whose calls waited seconds for a carrier still shows
 * their spread, not one bar at the edge.
 *
 * <p>Immutable; {@link Recorder} counts a run's calls into it.
 */
public final class CallHistogram {

    /** Bins a run counts into: 1,200 of equal width up to at least 60 times the max sleep, and one for the rest. */
    public static final int BINS = 1_201;
    /** The factors {@link #merged} widens bins by: round multiples of the run's bin width. */
    private static final int[] MERGE_FACTORS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000};
    /** Bins across the max sleep, at most: fewer where a bin would be narrower than a millisecond. */
    static final int BINS_PER_MAX_SLEEP = 20;

    /** No call counted, for a max sleep of 1 ms. */
    public static final CallHistogram EMPTY = new CallHistogram(binMicrosFor(1), 2, new long[BINS], new long[BINS], 0, 0);

    private final long binMicros;
    private final long[] sleeps;
    private final long[] durations;
    private final long sleepMicrosTotal;
    private final long durationMicrosTotal;
    /** The bins the sleeps can fall in (up to the max sleep's): the least a merged plot reaches. */
    private final int sleepBins;

    private CallHistogram(long binMicros, int sleepBins, long[] sleeps, long[] durations, long sleepMicrosTotal,
                          long durationMicrosTotal) {
        this.binMicros = binMicros;
        this.sleepBins = sleepBins;
        this.sleeps = sleeps;
        this.durations = durations;
        this.sleepMicrosTotal = sleepMicrosTotal;
        this.durationMicrosTotal = durationMicrosTotal;
    }

    /**
     * The width of one bin for a run whose max sleep is {@code maxSleepMillis}, in microseconds:
     * M / 20 rounded up to whole milliseconds. Sleeps are whole milliseconds, so a narrower bin (or
     * one of 1.5 ms) would hold sleeps in some bins and none in their neighbours: a comb, not a
     * distribution.
     */
    public static long binMicrosFor(int maxSleepMillis) {
        int millis = (Math.max(1, maxSleepMillis) + BINS_PER_MAX_SLEEP - 1) / BINS_PER_MAX_SLEEP;
        return millis * 1_000L;
    }

    /** How many bins: the last holds every call from {@code (bins() - 1) * binMicros()} on. */
    public int bins() {
        return durations.length;
    }

    /**
     * The same counts in at most {@code maxBins} bins of a round multiple of this width, and a last
     * bin for everything beyond them: enough bins to reach past the longest sleep and the longest
     * call counted (at least the whole range of the sleeps), no more.
     */
    public CallHistogram merged(int maxBins) {
        int used = sleepBins;
        for (int bin = 0; bin < bins() - 1; bin++) {
            if (sleeps[bin] > 0 || durations[bin] > 0) {
                used = Math.max(used, bin + 1);
            }
        }
        int factor = MERGE_FACTORS[MERGE_FACTORS.length - 1];
        for (int each : MERGE_FACTORS) {
            if ((used + each - 1) / each <= maxBins) {
                factor = each;
                break;
            }
        }
        int kept = (used + factor - 1) / factor;
        long[] drawn = new long[kept + 1];
        long[] took = new long[kept + 1];
        for (int bin = 0; bin < bins(); bin++) {
            int into = Math.min(kept, bin == bins() - 1 ? kept : bin / factor);
            drawn[into] += sleeps[bin];
            took[into] += durations[bin];
        }
        return new CallHistogram(binMicros * factor, (sleepBins + factor - 1) / factor, drawn, took, sleepMicrosTotal,
                durationMicrosTotal);
    }

    /** The width of each bin but the last, in microseconds. */
    public long binMicros() {
        return binMicros;
    }

    /** Calls whose drawn sleep fell in {@code bin}. */
    public long sleeps(int bin) {
        return sleeps[bin];
    }

    /** Calls whose measured duration fell in {@code bin}. */
    public long durations(int bin) {
        return durations[bin];
    }

    /** The sleep counts, bin by bin (a copy). */
    public List<Long> sleepCounts() {
        return Arrays.stream(sleeps).boxed().toList();
    }

    /** The duration counts, bin by bin (a copy). */
    public List<Long> durationCounts() {
        return Arrays.stream(durations).boxed().toList();
    }

    /** Calls counted: each completed call is counted once in each histogram. */
    public long calls() {
        return Arrays.stream(durations).sum();
    }

    /** The mean sleep drawn by the calls counted, in ms; 0 before any. */
    public double meanSleepMillis() {
        long n = calls();
        return n == 0 ? 0 : sleepMicrosTotal / 1e3 / n;
    }

    /** The mean measured duration of the calls counted, in ms; 0 before any. */
    public double meanDurationMillis() {
        long n = calls();
        return n == 0 ? 0 : durationMicrosTotal / 1e3 / n;
    }

    /**
     * Counts a run's completed calls: one fixed array per histogram, so counting allocates nothing.
     * Safe to use from any number of threads; {@link #snapshot} is not an atomic snapshot (a call
     * counted while it reads may show in one histogram and not yet in the other).
     */
    static final class Recorder {

        /*
         * Implementation notes: each call increments one element of each AtomicLongArray and adds
         * to two LongAdders; the arrays are shared by every call (the sleeps spread over up to 21 bins,
         * and two cores do not contend enough on them to show in a run's time).
         */

        private final long binMicros;
        private final int sleepBins;
        /** Calls by drawn-sleep bin (9.6 KB a histogram: allocated once a run). */
        private final AtomicLongArray sleeps = new AtomicLongArray(BINS);
        /** Calls by measured-duration bin. */
        private final AtomicLongArray durations = new AtomicLongArray(BINS);
        /** The sum of the counted calls' drawn sleeps, µs. A statistic. */
        private final LongAdder sleepMicrosTotal = new LongAdder();
        /** The sum of the counted calls' durations, µs. A statistic. */
        private final LongAdder durationMicrosTotal = new LongAdder();

        Recorder(int maxSleepMillis) {
            this.binMicros = binMicrosFor(maxSleepMillis);
            this.sleepBins = (int) (Math.max(1, maxSleepMillis) * 1_000L / binMicros) + 1;
        }

        /** Counts one completed call: the sleep it drew and how long it took. Any thread. */
        void record(int sleepMillis, long durationNanos) {
            long sleepMicros = sleepMillis * 1_000L;
            long durationMicros = Math.max(0, durationNanos) / 1_000;
            sleeps.incrementAndGet(bin(sleepMicros));
            durations.incrementAndGet(bin(durationMicros));
            sleepMicrosTotal.add(sleepMicros);
            durationMicrosTotal.add(durationMicros);
        }

        private int bin(long micros) {
            return (int) Math.min(BINS - 1, micros / binMicros);
        }

        /** The counts so far. */
        CallHistogram snapshot() {
            long[] drawn = new long[BINS];
            long[] took = new long[BINS];
            for (int bin = 0; bin < BINS; bin++) {
                took[bin] = durations.get(bin);
                drawn[bin] = sleeps.get(bin);
            }
            return new CallHistogram(binMicros, sleepBins, drawn, took, sleepMicrosTotal.sum(), durationMicrosTotal.sum());
        }
    }
}
