package dev.interleave.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongFunction;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.interleave.engine.calls.CallHistogram;
import dev.interleave.engine.calls.CallJson;
import dev.interleave.engine.calls.CallResult;
import dev.interleave.engine.calls.CallRunner;
import dev.interleave.engine.calls.CallSettings;
import dev.interleave.engine.calls.CallSnapshot;
import dev.interleave.engine.calls.CallTrace;
import dev.interleave.engine.calls.CounterKind;
import dev.interleave.engine.calls.MemoryPerThread;
import dev.interleave.engine.run.Counts;
import dev.interleave.engine.run.MachineCpu;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.ThreadKind;

/**
 * {@code interleave calls}: the first challenge from a shell. Prints the figures the Counter &amp;
 * Sum view shows.
 */
@Command(name = "calls", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        header = "Counter and sum: calls to a slow service, the total checked.",
        // Laid out by hand, as BufferCommand's: picocli's own synopsis may break after a hyphen.
        customSynopsis = {
            "interleave calls --calls=N --concurrency=C [--threads=KIND]",
            "                        [--max-sleep-ms=M] [--seed=S] [--counter=KIND]",
            "                        [--trace=FILE] [--json] [-hV]"},
        description = {"Calls a slow service (read the counter, sleep up to --max-sleep-ms, return the value)"
                + " --calls times, at most --concurrency at once, one thread per call, and sums the values.",
                "Exit 0 if the sum is n(n+1)/2, 1 if not (or the run was stopped or failed), 2 on a bad argument."})
public final class CallsCommand extends RunCommand<CallSettings, CallResult> {

    @Option(names = "--calls", required = true, paramLabel = "N", converter = Values.Calls.class,
            description = "How many calls, 1 to 10,000,000.")
    private int calls;

    @Option(names = "--concurrency", required = true, paramLabel = "C", converter = Values.Concurrency.class,
            description = {"The most calls in flight at once, 1 to 1,000,000", "(platform threads: at most 4,000 in flight, the",
                    "smaller of --calls and this;",
                    "virtual threads: 2 KB of heap each allowed for",
                    "(1.1 to 2.2 KB measured with 400,000 or more in",
                    "flight, more with fewer: garbage counted too);",
                    "the command line's 2 GB heap allows all 1,000,000)."})
    private int concurrency;

    @Option(names = "--threads", paramLabel = "KIND", converter = Values.Threads.class, defaultValue = "virtual",
            description = "virtual (default) or platform.")
    private ThreadKind threads;

    @CommandLine.Mixin
    private ThreadsKindAlias threadsKind;

    @Option(names = "--max-sleep-ms", paramLabel = "M", converter = Values.MaxSleep.class, defaultValue = "1000",
            description = {"Each call sleeps a random time in [0, M] ms;", "M is 0 to 60,000, default 1,000."})
    private int maxSleepMillis;

    @Option(names = "--seed", paramLabel = "S", converter = Values.Seed.class, defaultValue = "42",
            description = "Seeds the sleeps, so a run can be repeated; default 42.")
    private long seed;

    @Option(names = "--counter", paramLabel = "KIND", converter = Values.Counter.class, defaultValue = "atomic",
            description = {"atomic (default), synchronized, lock, or racy", "(racy loses updates: it yields its thread between its",
                "read and its write, on purpose, so that losses show",
                "often; a plain count++ loses far fewer)."})
    private CounterKind counter;

    @Option(names = "--trace", paramLabel = "FILE", description = {"Write the run to FILE as a Chrome trace:",
        "calls in flight, running, parked, at the lock,", "completed, sampled every 10 ms (open it in",
        "Perfetto's UI or chrome://tracing). --trace -",
        "writes it to standard output, and the figures",
        "to standard error."})
    private Path trace;

    /** Samples the run for --trace; null without it. */
    private CallTrace sampled;

    @Override
    Path traceFile() {
        return trace;
    }

    @Override
    void writeTrace(OutputStream out) throws IOException, InterruptedException {
        sampled.write(out);
    }

    @Override
    String countingOptions() {
        return "--concurrency (and --calls)";
    }

    @Override
    CallSettings settings() {
        ThreadKind kind = threadsKind.or(threads, spec);
        // The threads that can exist at once: 100 calls at a concurrency of 10,000 start 100.
        int inFlight = Math.min(calls, concurrency);
        if (kind == ThreadKind.PLATFORM && inFlight > ThreadKind.PLATFORM_THREAD_CAP) {
            // Named for the option that sets how many: 5,000 calls at a concurrency of 10,000 read
            // "Invalid value for option '--concurrency': 5,000 platform threads" (a review).
            throw new CommandLine.ParameterException(spec.commandLine(), calls < concurrency
                    ? String.format(Locale.ROOT, "Invalid value for option '--calls': %,d calls at a concurrency of %,d"
                            + " start %s", calls, concurrency, CallSettings.platformCapMessage(inFlight))
                    : "Invalid value for option '--concurrency': " + CallSettings.platformCapMessage(inFlight));
        }
        CallSettings settings = new CallSettings(calls, concurrency, kind, maxSleepMillis, seed, counter);
        // Refused before a thread starts, in a JVM given less heap than the command line's 2 GB:
        // 1,000,000 in flight in 640 MB ran out of memory half a minute in, with a stack trace.
        String heap = settings.heapMessage(Runtime.getRuntime().maxMemory());
        if (!heap.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--concurrency': "
                    + heap);
        }
        return settings;
    }

    @Override
    Running<CallResult> start(CallSettings settings) {
        CallRunner runner = new CallRunner();
        runner.start(settings);
        if (trace != null) {
            sampled = CallTrace.start(runner);
        }
        return new Running<>(runner::await, runner::stop, () -> progressLine(runner.snapshot()));
    }

    @Override
    Outcome outcome(CallResult result) {
        return result.outcome();
    }

    @Override
    boolean ok(CallResult result) {
        return result.ok();
    }

    @Override
    Throwable failure(CallResult result) {
        return result.failure();
    }

    private static String progressLine(CallSnapshot now) {
        String atLock = now.settings().counter().hasLock()
                ? String.format(Locale.ROOT, ", %,d at the counter's lock", now.atLock()) : "";
        return String.format(Locale.ROOT, "%,d / %,d calls done, %,d in flight on %s threads (%,d running, %,d parked%s),"
                + " %.1f s", now.callsCompleted(), now.settings().calls(), now.inFlight(), now.settings().threads(),
                now.running(), now.parked(), atLock, now.elapsedNanos() / 1e9);
    }

    @Override
    String json(CallResult result) {
        return CallJson.of(result);
    }

    @Override
    String text(CallResult result) {
        CallSettings settings = result.settings();
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.printf(Locale.ROOT, "%s, at most %,d in flight, %s threads, %s counter, sleeps 0..%,d ms, seed %d%n",
                Counts.of(settings.calls(), "call"), settings.concurrency(), settings.threads(), settings.counter(),
                settings.maxSleepMillis(), settings.seed());
        out.printf(Locale.ROOT, "total          %,d%n", result.total());
        out.printf(Locale.ROOT, "expected       %,d   %s%n", result.expected(), checkWord(result));
        if (result.duplicates() > 0 || !settings.counter().isSafe()) {
            out.printf(Locale.ROOT, "duplicates     %s got a value another call had already got%n",
                    Counts.of(result.duplicates(), "call"));
        }
        // The window's Counter card, and how far it ends short of the calls completed (a tryout could not
        // check the window's "ends 984 short of the calls" here).
        long counterShort = result.callsCompleted() - result.counterValue();
        out.printf(Locale.ROOT, "counter        %,d%s%n", result.counterValue(), counterShort == 0 ? ""
                : String.format(Locale.ROOT, "   %,d %s the %s completed", Math.abs(counterShort),
                        counterShort > 0 ? "short of" : "ahead of", Counts.of(result.callsCompleted(), "call")));
        // A stopped run's counter ran ahead of the calls completed, or a racy one fell less short than
        // its repeats, by calls that had read it and never completed, unsaid: the window's card says
        // "1,000 cut short" (a tryout of the command line).
        if (result.callsCutShort() > 0) {
            out.printf(Locale.ROOT, "cut short      %s: Stop cut them short after they had read the counter, moving"
                    + " it on%n", Counts.of(result.callsCutShort(), "call"));
        }
        out.printf(Locale.ROOT, "elapsed        %,d ms%n", result.elapsedMillis());
        // A tryout compared counters here (each run a fresh JVM) with the window's runs after its first
        // (compiled by then) and got the opposite ranking. Not said where it could not show, as the
        // window does not mark such a run: it stood under a run at 99.6 % efficiency (a tryout).
        if (result.lossMayShow()) {
            out.printf(Locale.ROOT, "               the only run of a fresh JVM: its code is compiled as it runs; in the"
                    + " window, runs after the first large one are compiled%n");
        }
        // Stopped, the ideal and the efficiency are over what the calls slept before Stop, as the window's
        // card says ("over the calls run before Stop"): "99.1 %" of a run stopped after 0 calls read as a
        // fine run (an engineer's tryout).
        boolean stopped = result.outcome() == Outcome.STOPPED;
        if (result.efficiency().isPresent()) {
            out.printf(Locale.ROOT, "ideal          %,d ms   (greedy schedule of the sleeps drawn, in the order the calls"
                    + " started: no run in that order is faster%s)%n", result.idealMillis(),
                    stopped ? "; stopped: of what they slept before Stop" : "");
        } else {
            out.printf(Locale.ROOT, "ideal          none (no sleeps), as the window's card says%n"); // not "0 ms"
        }
        if (result.efficiency().isPresent()) {
            // The ratio, as --json gives it, and the percentage the window's card shows.
            double efficiency = result.efficiency().getAsDouble();
            out.printf(Locale.ROOT, "efficiency     %.3f (%.1f %%: ideal ÷ elapsed%s)%n", efficiency, efficiency * 100,
                    stopped ? ", over the calls run before Stop" : "");
        } else {
            out.printf(Locale.ROOT, "efficiency     not defined (no sleeps)%n");
        }
        // On a machine other programs kept busy, the same run took several times as long, with nothing
        // of the run to say why (a learner read 11.9 % and took virtual threads to be slow).
        if (result.othersCpu().isPresent()) {
            out.printf(Locale.ROOT, "other programs %s during the run%s%n",
                    MachineCpu.shareWords(result.othersCpu().getAsDouble()),
                    result.machineWasBusy() ? ": the elapsed time, and so the efficiency, count the time the calls"
                            + " waited for a core" : "");
        }
        out.printf(Locale.ROOT, "max in flight  %,d%n", result.maxInFlight());
        result.startRateCeiling().ifPresent(why -> out.printf(Locale.ROOT, "               %s%n", why));
        if (result.startRate().isPresent()) {
            out.printf(Locale.ROOT, "calls started  %s a second%n", Counts.rate(result.startRate().getAsDouble()));
        } else {
            out.printf(Locale.ROOT, "calls started  not defined (fewer than two started: a rate needs two starts)%n");
        }
        out.printf(Locale.ROOT, "throughput     %s calls/s%n", Counts.rate(result.callsPerSecond()));
        out.print(memoryLines(result));
        out.print(histogramLines(result));
        out.flush();
        return text.toString();
    }

    /** Memory per in-flight thread, with what it measures. */
    static String memoryLines(CallResult result) {
        MemoryPerThread memory = result.memory();
        StringBuilder text = new StringBuilder();
        if (!memory.measured()) {
            // As the window's card says it: the samples' own count, not the run's most in flight.
            text.append(memory.inFlight() > 0
                    ? String.format(Locale.ROOT, "memory/thread  not measured: needs %,d in flight when sampled, had %,d"
                            + " (fewer, and other growth swamps it)%n", MemoryPerThread.MIN_IN_FLIGHT, memory.inFlight())
                    : String.format(Locale.ROOT, "memory/thread  not measured: no sample (every %d ms) found a call"
                            + " asleep%n", MemoryPerThread.INTERVAL_MILLIS));
            return text.toString();
        }
        LongFunction<String> bytes = n -> String.format(Locale.ROOT, "%,d bytes", n);
        text.append(String.format(Locale.ROOT, "memory/thread  %s, %s   (growth since the run began at %,d in flight,"
                + " divided by them)%n               RSS is an upper bound; the heap in use counts garbage not yet"
                + " collected, and can grow more than RSS (into pages already resident before the run)%n", memory.rssWords(bytes),
                memory.heapWords(bytes), memory.inFlight()));
        return text.toString();
    }

    /** The two histograms side by side, one line per bin that holds a call. */
    static String histogramLines(CallResult result) {
        CallHistogram histogram = result.histogram().merged(CallJson.HISTOGRAM_BINS);
        if (histogram.calls() == 0) {
            return "mean sleep     none: no call completed";
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "mean sleep     %,.1f ms drawn, %,.1f ms measured per call%n",
                histogram.meanSleepMillis(), histogram.meanDurationMillis()));
        text.append("histogram      ms               sleeps drawn    calls measured");
        double width = histogram.binMicros() / 1e3;
        for (int bin = 0; bin < histogram.bins(); bin++) {
            if (histogram.sleeps(bin) == 0 && histogram.durations(bin) == 0) {
                continue;
            }
            String range = bin == histogram.bins() - 1
                    ? String.format(Locale.ROOT, "%s and more", millis(bin * width))
                    : String.format(Locale.ROOT, "%s to %s", millis(bin * width), millis((bin + 1) * width));
            text.append(String.format(Locale.ROOT, "%n               %-16s %12s    %14s", range,
                    String.format(Locale.ROOT, "%,d", histogram.sleeps(bin)),
                    String.format(Locale.ROOT, "%,d", histogram.durations(bin))));
        }
        return text.toString();
    }

    private static String millis(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String checkWord(CallResult result) {
        return switch (result.outcome()) {
            case COMPLETED -> result.ok() ? "OK" : "MISMATCH";
            case STOPPED -> "STOPPED after " + Counts.of(result.callsCompleted(), "call");
            case FAILED -> "FAILED";
        };
    }
}
