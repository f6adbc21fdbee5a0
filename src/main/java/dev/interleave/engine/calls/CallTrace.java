package dev.interleave.engine.calls;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import dev.interleave.engine.run.ChromeTrace;

/**
 * A calls run as a Chrome trace of counter tracks: calls in flight, running, parked, at the
 * counter's lock and completed, sampled every {@link #INTERVAL} while the run goes (a million
 * calls are a few hundred samples, not a million events). {@link #start} begins sampling the runner's run on a thread of its own, which
 * ends by itself when the run has ended; {@link #write} waits for it, then writes.
 */
public final class CallTrace {

    /*
     * Implementation notes: the sampler thread alone appends to the arrays; write() joins it
     * first, and join makes every append visible to the writer.
     */

    /** How often the counters are sampled. */
    public static final Duration INTERVAL = Duration.ofMillis(10);
    /** The process id of the run in the trace. */
    public static final int PID = 1;

    private final CallRunner runner;
    private final Thread sampler;
    /** Sample i: run time (ns), calls in flight, running, parked, at the lock, completed. Written by the sampler only. */
    private long[] times = new long[1_024];
    private long[] inFlight = new long[1_024];
    private long[] running = new long[1_024];
    private long[] parked = new long[1_024];
    private long[] atLock = new long[1_024];
    private long[] completed = new long[1_024];
    private int samples;
    /** The run's settings, from the first sample. Written by the sampler only. */
    private CallSettings settings;

    private CallTrace(CallRunner runner) {
        this.runner = Objects.requireNonNull(runner);
        // A platform thread: a virtual one waited for a carrier behind the calls' threads, and took its
        // first sample 56 to 151 ms into a run, the ramp over, with holes of a second in a run of
        // 100,000 (an engineer's tryout).
        this.sampler = Thread.ofPlatform().daemon().name("interleave-calls-trace").unstarted(this::sample);
    }

    /** Starts sampling the run {@code runner} has started (call right after {@code runner.start}). */
    public static CallTrace start(CallRunner runner) {
        CallTrace trace = new CallTrace(runner);
        trace.sampler.start();
        return trace;
    }

    private void sample() {
        try {
            while (true) {
                CallSnapshot now = runner.snapshot();
                add(now);
                if (now.result() != null) {
                    return;
                }
                Thread.sleep(INTERVAL);
            }
        } catch (InterruptedException e) {
            // Asked to stop sampling: what was sampled is written.
        }
    }

    private void add(CallSnapshot now) {
        if (settings == null) {
            settings = now.settings();
            if (now.elapsedNanos() > 0) {
                // The run's start, nothing in flight yet: the counters rise from 0 on the tracks.
                append(0, 0, 0, 0, 0, 0);
            }
        }
        if (samples > 0 && times[samples - 1] == now.elapsedNanos()) {
            samples--; // the run's clock stopped (it has ended): one sample for its end, the newest
        }
        append(now.elapsedNanos(), now.inFlight(), now.running(), now.parked(), now.atLock(), now.callsCompleted());
    }

    private void append(long time, long flying, long mounted, long asleep, long waiting, long done) {
        if (samples == times.length) {
            times = Arrays.copyOf(times, 2 * samples);
            inFlight = Arrays.copyOf(inFlight, 2 * samples);
            running = Arrays.copyOf(running, 2 * samples);
            parked = Arrays.copyOf(parked, 2 * samples);
            atLock = Arrays.copyOf(atLock, 2 * samples);
            completed = Arrays.copyOf(completed, 2 * samples);
        }
        times[samples] = time;
        inFlight[samples] = flying;
        running[samples] = mounted;
        parked[samples] = asleep;
        atLock[samples] = waiting;
        completed[samples] = done;
        samples++;
    }

    /**
     * Waits for the sampler (the run must have ended, or be ending), then writes the counters as a
     * trace to {@code out} and closes it.
     */
    public void write(OutputStream out) throws IOException, InterruptedException {
        sampler.join();
        try (ChromeTrace trace = new ChromeTrace(out)) {
            trace.processName(PID, settings == null ? "Interleave calls run" : String.format(Locale.ROOT,
                    "Interleave calls run: %,d calls, at most %,d in flight, %s threads, %s counter",
                    settings.calls(), settings.concurrency(), settings.threads(), settings.counter()));
            for (int i = 0; i < samples; i++) {
                trace.counter(PID, "in flight", times[i], "calls", inFlight[i]);
                trace.counter(PID, "running", times[i], "calls", running[i]);
                trace.counter(PID, "parked", times[i], "calls", parked[i]);
                trace.counter(PID, "at the counter's lock", times[i], "calls", atLock[i]);
                trace.counter(PID, "completed", times[i], "calls", completed[i]);
            }
        }
    }

    /** Samples taken so far (after {@link #write}: all of them). */
    int samples() {
        return samples;
    }
}
