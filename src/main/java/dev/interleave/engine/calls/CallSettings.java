package dev.interleave.engine.calls;

import java.util.Locale;
import java.util.Objects;

import dev.interleave.engine.run.ThreadKind;

/**
 * What a calls run does: {@code calls} calls of the {@link Service}, at most {@code concurrency}
 * in flight, each on its own thread of {@code threads} kind.
 *
 * @param calls          how many calls, 1 to {@link #MAX_CALLS}
 * @param concurrency    the most calls in flight at once, 1 to {@link #MAX_CONCURRENCY}
 *                       ({@link ThreadKind#PLATFORM_THREAD_CAP} for platform threads)
 * @param threads        which threads run the calls
 * @param maxSleepMillis each call sleeps uniformly in {@code [0, maxSleepMillis]}, 0 to {@link #MAX_SLEEP_MILLIS}
 * @param seed           seeds the sleeps, so a run can be repeated
 * @param counter        the counter strategy
 */
public record CallSettings(int calls, int concurrency, ThreadKind threads, int maxSleepMillis, long seed,
                           CounterKind counter) {

    /** The most calls in one run (the run keeps one int per call value for its checks). */
    public static final int MAX_CALLS = 10_000_000;
    /** The most calls in flight at once (virtual threads). */
    public static final int MAX_CONCURRENCY = 1_000_000;
    /** The longest sleep a call may draw. */
    public static final int MAX_SLEEP_MILLIS = 60_000;
    /** The sleep bound of the two challenge runs. */
    public static final int DEFAULT_MAX_SLEEP_MILLIS = 1_000;
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42;

    /**
     * @throws IllegalArgumentException naming the setting that is out of range and what is allowed
     */
    public CallSettings {
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(counter, "counter");
        requireInRange("calls", calls, 1, MAX_CALLS);
        requireInRange("concurrency", concurrency, 1, MAX_CONCURRENCY);
        requireInRange("maxSleepMillis", maxSleepMillis, 0, MAX_SLEEP_MILLIS);
        // The threads that can exist at once: 100 calls at a concurrency of 10,000 start 100.
        if (threads == ThreadKind.PLATFORM && Math.min(calls, concurrency) > ThreadKind.PLATFORM_THREAD_CAP) {
            throw new IllegalArgumentException(platformCapMessage(Math.min(calls, concurrency)));
        }
    }

    /** Settings with the default sleep bound, seed and counter. */
    public static CallSettings of(int calls, int concurrency) {
        return new CallSettings(calls, concurrency, ThreadKind.VIRTUAL, DEFAULT_MAX_SLEEP_MILLIS, DEFAULT_SEED,
                CounterKind.ATOMIC);
    }

    public CallSettings withThreads(ThreadKind threads) {
        return new CallSettings(calls, concurrency, threads, maxSleepMillis, seed, counter);
    }

    public CallSettings withMaxSleepMillis(int maxSleepMillis) {
        return new CallSettings(calls, concurrency, threads, maxSleepMillis, seed, counter);
    }

    public CallSettings withSeed(long seed) {
        return new CallSettings(calls, concurrency, threads, maxSleepMillis, seed, counter);
    }

    public CallSettings withCounter(CounterKind counter) {
        return new CallSettings(calls, concurrency, threads, maxSleepMillis, seed, counter);
    }

    /** n(n+1)/2 for n = calls: what the sum must be when every value 1..n is added once. */
    public long expectedTotal() {
        return (long) calls * (calls + 1L) / 2;
    }

    /** Why {@code inFlight} platform threads at once are refused, with the way out. */
    public static String platformCapMessage(int inFlight) {
        return String.format(Locale.ROOT, "%,d platform threads at once: above the cap of %,d (the kernel allows"
                + " 32,768 threads in all on a machine like this one); use virtual threads for more", inFlight,
                ThreadKind.PLATFORM_THREAD_CAP);
    }

    /**
     * About the heap a call in flight on a virtual thread takes: its stack, copied into the heap while
     * it sleeps, its thread and its timer. Heap growth per call in flight measured on the command line
     * (ZGC, 1,000,000 calls, 4 Dec 2026): 1,090 bytes at 500,000 in flight in 640 MB (the run ended,
     * its sleeps stretched twentyfold by the collector), 1,814 at 400,000 and 2,164 at 448,540 in 1
     * GB, 1,252 at 788,799 in 2 GB; 1,000,000 in flight in 640 MB ran out of memory, and 327,680
     * (what this allows there) ran to the end. The command line now has 2 GB (640 MB soft), where
     * a run allowing 1,000,000 in flight (630,144 reached) ran to the end; the window has 1 GB.
     */
    public static final long HEAP_BYTES_PER_VIRTUAL_CALL = 2_048;

    /** The most virtual-thread calls in flight that a heap of {@code maxHeapBytes} holds ({@link #HEAP_BYTES_PER_VIRTUAL_CALL}). */
    public static int virtualInFlightFor(long maxHeapBytes) {
        return (int) Math.min(MAX_CONCURRENCY, Math.max(1, maxHeapBytes / HEAP_BYTES_PER_VIRTUAL_CALL));
    }

    /**
     * Why this run would not fit in a heap of {@code maxHeapBytes}, in one sentence without a final stop;
     * empty when it fits: calls on virtual threads, at most {@link #virtualInFlightFor} in flight.
     */
    public String heapMessage(long maxHeapBytes) {
        int inFlight = Math.min(calls, concurrency);
        int fits = virtualInFlightFor(maxHeapBytes);
        if (threads != ThreadKind.VIRTUAL || inFlight <= fits) {
            return "";
        }
        return String.format(Locale.ROOT, "%,d calls in flight need about %,d MB of heap (about %,d bytes each while "
                + "they sleep), and this JVM may use %,d MB: at most %,d in flight here", inFlight,
                inFlight * HEAP_BYTES_PER_VIRTUAL_CALL >> 20, HEAP_BYTES_PER_VIRTUAL_CALL, maxHeapBytes >> 20, fits);
    }

    private static void requireInRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(String.format("%s must be %,d to %,d, was %,d", name, min, max, value));
        }
    }
}
