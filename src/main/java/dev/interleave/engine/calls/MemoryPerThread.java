package dev.interleave.engine.calls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * What a run's threads cost in memory, estimated from outside: how much the process's resident set
 * (RSS, from {@code /proc/self/status}) and the heap in use ({@code Runtime}) had grown since just
 * before the first call, at the sample with the most calls parked, divided by the calls in flight
 * at that sample. The run samples every {@link #INTERVAL_MILLIS} ms.
 *
 * <p>What it measures: everything the process grew by, not only the threads (objects not yet
 * collected, compiled code, memory the collector took), so it is an upper bound for one thread's
 * cost, and only meaningful with many threads in flight: below {@link #MIN_IN_FLIGHT} it is not
 * given. A platform thread's stack is native memory (in RSS, not in the heap); a parked virtual
 * thread's stack is copied into the heap (in both, once the heap has grown).
 *
 * <p>Only a run that takes the process to more memory than it ever had measures anything: a run
 * after a larger one reuses pages already resident (the heap the collector keeps), and its RSS
 * hardly grows (a window's later runs of 100,000 threads read 1 to 656 bytes a thread, its first
 * 6.3 KB). Such a sample gives no RSS figure ({@link #rssReused}): one at or under the resident
 * peak from before the run ({@code VmHWM}), or over it by less than half of what the run grew (a
 * second 1,000,000-call run in a window passed the first's peak by a few hundred kilobytes and read
 * 5 bytes a thread), or one with fewer than {@value #FRESH_FACTOR} times as many calls in flight as
 * an earlier run of the same runner, on the same kind of thread, had at its sample (the peak's rule
 * missed a second and a third run of 100,000 threads that sat at the peak and grew 353 and 1 bytes
 * a thread past it), or one on virtual threads whose heap in use grew by more than twice what RSS grew
 * (their stacks went into pages already resident).
 *
 * @param inFlight         calls in flight at the sample used; 0 before any sample
 * @param rssKnown         whether RSS could be read ({@code /proc/self/status}: Linux)
 * @param rssGrowthBytes   RSS then less RSS before the first call (negative when the collector
 *                         returned more memory meanwhile than the threads took)
 * @param rssReused        whether RSS then was at or under the process's resident peak from before
 *                         the run: memory an earlier run made resident was reused
 * @param heapGrowthBytes  heap in use then less heap in use before the first call (negative when a
 *                         collection freed more meanwhile than the threads took)
 */
public record MemoryPerThread(long inFlight, boolean rssKnown, long rssGrowthBytes, boolean rssReused,
                              long heapGrowthBytes) {

    /**
     * Less RSS growth a virtual thread than this, and its stack went into pages already resident: a
     * parked call's stack took 3.2 to 5.3 KB of heap a thread in fresh processes here (command line,
     * 2,000 and 100,000 in flight), and its pages as much RSS.
     */
    static final long LEAST_VIRTUAL_STACK_BYTES = 1_000;

    /** Fewer calls in flight than this, and other growth would swamp the threads': no estimate. */
    public static final long MIN_IN_FLIGHT = 500;
    /** How often a run samples memory. */
    public static final long INTERVAL_MILLIS = 50;
    /** Before any sample. */
    public static final MemoryPerThread NONE = new MemoryPerThread(0, false, 0, false, 0);

    /**
     * A run with fewer than this many times the calls in flight an earlier run had reuses the
     * earlier one's resident memory for most of its threads.
     */
    static final long FRESH_FACTOR = 4;

    /**
     * Whether a sample of RSS {@code rssBytes} reused memory an earlier run made resident: the run
     * began at {@code rssBeforeBytes} with the process's resident peak at {@code peakBeforeBytes},
     * and the sample is at or under that peak, or past it by less than half of the run's own growth.
     * False when either reading before the run is unknown (negative).
     */
    static boolean reused(long rssBeforeBytes, long peakBeforeBytes, long rssBytes) {
        return rssBeforeBytes >= 0 && peakBeforeBytes >= 0 && (rssBytes <= peakBeforeBytes
                || rssBytes - peakBeforeBytes < (rssBytes - rssBeforeBytes) / 2);
    }

    /**
     * As {@link #reused(long, long, long)}, or the sample, with {@code inFlight} calls, has fewer
     * than {@link #FRESH_FACTOR} times the {@code inFlightBefore} an earlier run's sample had: the
     * threads of that run left their memory resident (the collector keeps the heap it grew to), and
     * this run's threads live in it.
     */
    static boolean reused(long rssBeforeBytes, long peakBeforeBytes, long rssBytes, long inFlightBefore, long inFlight) {
        return reused(rssBeforeBytes, peakBeforeBytes, rssBytes)
                || inFlightBefore >= MIN_IN_FLIGHT && inFlight < FRESH_FACTOR * inFlightBefore;
    }

    /**
     * As {@link #reused(long, long, long, long, long)}, or, on virtual threads ({@code stacksInHeap}),
     * the heap in use grew by more than twice what RSS grew ({@code heapGrowthBytes}): the threads'
     * stacks, heap objects, went into pages already resident, which another scenario's run can have
     * left (a 1,000,000-call run after the philosophers' read "≈ 32 B RSS" beside 913 bytes of heap a
     * thread: a teacher's tryout). Fresh pages grow RSS by about what the stacks take (4,152 against
     * 4,068 bytes a thread in a fresh process). Not on platform threads: their stacks are native, and
     * their run's heap grows by its garbage alone (160 KB a thread, beside 8 KB of RSS, in a fresh
     * process). Nor when, on virtual threads, RSS grew by less than {@link #LEAST_VIRTUAL_STACK_BYTES}
     * a thread: less than a parked thread's stack takes, so the stacks went into pages already
     * resident (after the other labs' runs, "≈ 543 B RSS" a thread beside "heap shrank", where a
     * fresh start measured 5.2 KB (the command line) to 7.4 KB (the window): a teaching assistant's tryout). The heap's shrinking alone
     * does not tell it: in a fresh process a collection of the start's garbage can outweigh 2,000
     * threads' stacks (CI, CallsMemoryTest).
     */
    static boolean reused(long rssBeforeBytes, long peakBeforeBytes, long rssBytes, long inFlightBefore, long inFlight,
                          boolean stacksInHeap, long heapGrowthBytes) {
        return reused(rssBeforeBytes, peakBeforeBytes, rssBytes, inFlightBefore, inFlight)
                || stacksInHeap && rssBeforeBytes >= 0
                && (heapGrowthBytes > 2 * (rssBytes - rssBeforeBytes)
                || inFlight > 0 && (rssBytes - rssBeforeBytes) / inFlight < LEAST_VIRTUAL_STACK_BYTES);
    }

    /** Whether there were enough calls in flight for an estimate. */
    public boolean measured() {
        return inFlight >= MIN_IN_FLIGHT;
    }

    /**
     * RSS growth per call in flight, bytes; empty when not measured, RSS cannot be read, it shrank,
     * or the run reused memory an earlier one made resident.
     */
    public OptionalLong rssBytesPerThread() {
        return measured() && rssKnown && !rssReused && rssGrowthBytes >= 0 ? OptionalLong.of(rssGrowthBytes / inFlight)
                : OptionalLong.empty();
    }

    /** Heap growth per call in flight, bytes; empty when not measured or the heap in use shrank. */
    public OptionalLong heapBytesPerThread() {
        return measured() && heapGrowthBytes >= 0 ? OptionalLong.of(heapGrowthBytes / inFlight) : OptionalLong.empty();
    }

    /** The RSS figure in words: "1,926 bytes", or why there is none (for the text output and the window). */
    public String rssWords(LongFunction<String> bytes) {
        if (!rssKnown) {
            return "RSS unknown (not Linux)";
        }
        if (rssReused) {
            return "RSS not measurable: an earlier run's memory reused";
        }
        return rssBytesPerThread().isPresent() ? bytes.apply(rssBytesPerThread().getAsLong()) + " RSS"
                : "RSS shrank (the collector returned memory)";
    }

    /** The heap figure in words, or why there is none. */
    public String heapWords(LongFunction<String> bytes) {
        return heapBytesPerThread().isPresent() ? bytes.apply(heapBytesPerThread().getAsLong()) + " heap"
                : "heap shrank (a collection ran)";
    }

    /** The process's resident set size in bytes, or -1 where {@code /proc/self/status} cannot be read (not Linux). */
    static long rssBytes() {
        return statusBytes("VmRSS:");
    }

    /** The process's resident peak so far ({@code VmHWM}) in bytes, or -1 where it cannot be read. */
    static long peakRssBytes() {
        return statusBytes("VmHWM:");
    }

    /** A size {@code /proc/self/status} gives in kB on the line starting with {@code field}, in bytes; or -1. */
    private static long statusBytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    String kilobytes = line.substring(field.length()).trim().split("\\s+")[0];
                    return Long.parseLong(kilobytes) * 1_024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: not known.
        }
        return -1;
    }

    /** Heap in use now, bytes (live objects and garbage not yet collected). */
    static long heapUsedBytes() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
