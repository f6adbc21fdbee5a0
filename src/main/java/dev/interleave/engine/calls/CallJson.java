package dev.interleave.engine.calls;

import java.util.OptionalDouble;

import dev.interleave.engine.run.Json;
import dev.interleave.engine.run.ThreadKind;

/**
 * A {@link CallResult} as one JSON object: what {@code interleave calls --json} prints and the
 * window's File, Export figures writes. Fields: {@code calls, concurrency, threads, counter, seed,
 * completed, total, expected, ok, duplicates, counterValue, callsCutShort, elapsedMillis, idealMillis, efficiency, maxInFlight,
 * startsPerSecond, callsPerSecond, carrierThreads, othersCpuShare, memoryInFlight, rssBytesPerThread, heapBytesPerThread, histogramBinMillis,
 * sleepHistogram, durationHistogram, meanSleepMillis, meanDurationMillis, outcome, failure}.
 *
 * <p>The memory fields: {@code memoryInFlight} is the calls in flight at the sample used,
 * {@code rssBytesPerThread} and {@code heapBytesPerThread} the growth of RSS and heap in use since
 * the run began divided by it ({@code null} below {@link MemoryPerThread#MIN_IN_FLIGHT} in flight, or
 * RSS unreadable): see {@link MemoryPerThread}. The histograms: the run's counts merged into at most
 * {@link #HISTOGRAM_BINS} bins and one more ({@link CallHistogram#merged}), bin i from i x
 * {@code histogramBinMillis} ms (the last bin: everything from there on), one for the sleeps drawn
 * and one for the measured durations of the same completed calls; their means are {@code null}
 * when no call completed.
 */
public final class CallJson {

    private CallJson() {
    }

    /** The most bins of the histograms in JSON (and one for all longer calls). */
    public static final int HISTOGRAM_BINS = 40;

    public static String of(CallResult result) {
        CallSettings settings = result.settings();
        Json fields = new Json()
                .put("calls", settings.calls())
                .put("concurrency", settings.concurrency())
                .put("threads", settings.threads().label())
                .put("counter", settings.counter().label())
                .put("seed", settings.seed())
                .put("completed", result.callsCompleted()) // fewer than calls in a stopped run
                .put("total", result.total())
                .put("expected", result.expected())
                .put("ok", result.ok())
                .put("duplicates", result.duplicates())
                .put("counterValue", result.counterValue()) // the counter at the end: below completed when updates were lost
                .put("callsCutShort", result.callsCutShort()) // read the counter, never completed: Stop cut them short
                .put("elapsedMillis", result.elapsedMillis())
                .put("idealMillis", result.idealMillis())
                .put("efficiency", result.efficiency())
                .put("maxInFlight", result.maxInFlight());
        // Fewer than two starts have no start rate: null, as the text's "not defined", not 0.
        if (result.startRate().isPresent()) {
            fields.putRate("startsPerSecond", result.startRate().getAsDouble());
        } else {
            fields.putNull("startsPerSecond");
        }
        fields.putRate("callsPerSecond", result.callsPerSecond());
        // Platform threads run on no carrier: null, not the virtual-thread scheduler's 2 (an engineer's tryout).
        if (result.settings().threads() == ThreadKind.VIRTUAL) {
            fields.put("carrierThreads", CallRunner.carrierThreads());
        } else {
            fields.putNull("carrierThreads");
        }
        fields.put("othersCpuShare", result.othersCpu()); // null where not known (no /proc/stat)
        MemoryPerThread memory = result.memory();
        fields.put("memoryInFlight", memory.inFlight());
        fields.put("rssBytesPerThread", memory.rssBytesPerThread());
        fields.put("heapBytesPerThread", memory.heapBytesPerThread());
        CallHistogram histogram = result.histogram().merged(HISTOGRAM_BINS);
        // Bins are whole milliseconds (CallHistogram.binMicrosFor): a whole number, "50", not "50.0000".
        fields.put("histogramBinMillis", histogram.binMicros() / 1_000)
                .put("sleepHistogram", histogram.sleepCounts())
                .put("durationHistogram", histogram.durationCounts())
                // No call completed (a run stopped at once): no mean, null as the text's "none", not 0.
                .put("meanSleepMillis", mean(histogram, histogram.meanSleepMillis()))
                .put("meanDurationMillis", mean(histogram, histogram.meanDurationMillis()));
        return Json.ofRun(fields, result.outcome(), result.ok(), result.failure());
    }

    /** {@code mean}, or none when {@code histogram} counted no call. */
    private static OptionalDouble mean(CallHistogram histogram, double mean) {
        return histogram.calls() == 0 ? OptionalDouble.empty() : OptionalDouble.of(mean);
    }
}
