package dev.interleave.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.Bug;
import dev.interleave.engine.buffer.BufferJson;
import dev.interleave.engine.buffer.BufferResult;
import dev.interleave.engine.buffer.BufferRunSnapshot;
import dev.interleave.engine.buffer.BufferRunner;
import dev.interleave.engine.buffer.BufferSettings;
import dev.interleave.engine.buffer.BufferTrace;
import dev.interleave.engine.buffer.WakePolicy;
import dev.interleave.engine.run.ChromeTrace;
import dev.interleave.engine.run.Counts;
import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.ThreadKind;

/**
 * {@code interleave buffer}: the second challenge from a shell. Prints the figures the Bounded
 * Buffer view shows.
 */
@Command(name = "buffer", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        header = "Bounded buffer: producers and consumers, every item checked.",
        // Laid out by hand: picocli's own synopsis breaks inside "a..b" and after hyphens at 80 columns.
        customSynopsis = {
            "interleave buffer --producers=P --consumers=Q --capacity=K --items=M",
            "                         [--produce-ms=a..b] [--consume-ms=a..b] [--fair]",
            "                         [--policy=POLICY] [--threads=KIND] [--impl=IMPL]",
            "                         [--bug=BUG] [--spurious=RATE] [--record]",
            "                         [--trace=FILE] [--json] [-hV]"},
        description = {"P producers put the items 1..M into a bounded buffer of capacity K (--impl: a lock and"
                + " two conditions, a monitor, semaphores, or the JDK's queue) while Q consumers take them out;"
                + " checks that each item"
                + " is consumed exactly once. The lab's detector stops a run that stalls (everybody waiting for"
                + " longer than 0.5 s) or breaks an invariant (violated).",
                "Exit 0 if the check passes, 1 if not (stalled, violated, wrong total, stopped, failed), 2 on a bad"
                + " argument."})
public final class BufferCommand extends RunCommand<BufferSettings, BufferResult> {

    @Option(names = "--producers", required = true, paramLabel = "P", converter = Values.Workers.class,
            description = "Producer threads, 1 to 200.")
    private int producers;

    @Option(names = "--consumers", required = true, paramLabel = "Q", converter = Values.Workers.class,
            description = "Consumer threads, 1 to 200.")
    private int consumers;

    @Option(names = "--capacity", required = true, paramLabel = "K", converter = Values.Capacity.class,
            description = "Buffer slots, 1 to 1,000,000.")
    private int capacity;

    @Option(names = "--items", required = true, paramLabel = "M", converter = Values.Items.class,
            description = "Items to pass through, 1 to 1,000,000,000.")
    private long items;

    @Option(names = "--produce-ms", paramLabel = "a..b", converter = Values.Delay.class, defaultValue = "0..0",
            description = {"Time to make an item: a..b ms at random (one number:", "always that), 0 <= a <= b <= 60,000; default 0..0."})
    private DelayRange produceDelay;

    @Option(names = "--consume-ms", paramLabel = "a..b", converter = Values.Delay.class, defaultValue = "0..0",
            description = {"Time to use an item: a..b ms at random (one number:", "always that), 0 <= a <= b <= 60,000; default 0..0."})
    private DelayRange consumeDelay;

    @Option(names = "--policy", paramLabel = "POLICY", converter = Values.Policy.class, defaultValue = "signal",
            description = {"signal (default: wake one waiter) or signal-all;",
                "the lock buffer only."})
    private WakePolicy policy;

    @Option(names = "--fair", description = {"A fair lock (the lock buffer's, the semaphores',",
        "the queue's): waiters are served in order;",
        "not the monitor (never fair)."})
    private boolean fair;

    // Platform by default, as the window, race and philosophers: the same settings, the same run (a
    // teacher compared a window's run with a command line's on virtual threads). The monitor on
    // virtual threads runs at a hundredth of its platform speed on this JDK (docs/benchmarks.md).
    @Option(names = "--threads", paramLabel = "KIND", converter = Values.Threads.class, defaultValue = "platform",
            description = "platform (default, as in the window) or virtual.")
    private ThreadKind threads;

    @CommandLine.Mixin
    private ThreadsKindAlias threadsKind;

    @Option(names = "--impl", paramLabel = "IMPL", converter = Values.Impl.class, defaultValue = "lock",
            description = {"lock (default: a lock and two conditions,",
                "notFull and notEmpty), monitor (synchronized,",
                "wait/notifyAll), semaphore (two counting semaphores",
                "and a mutex) or abq (the baseline: the JDK's",
                "ArrayBlockingQueue, not instrumented)."})
    private BufferImpl impl;

    @Option(names = "--bug", paramLabel = "BUG", converter = Values.BugLabel.class, defaultValue = "none",
            description = {"A planted bug: none (default), if-not-while (lock,",
                "monitor), one-condition (lock), notify (monitor),",
                "unlocked-count (lock, monitor, semaphore)."})
    private Bug bug;

    @Option(names = "--spurious", paramLabel = "RATE", converter = Values.Fraction.class, defaultValue = "0",
            description = {"The fraction of waits, 0 to 1 (or a percentage: 20%%),",
                "that the lab ends without a signal (spurious", "wake-ups), unless a signal comes first (within",
                "50 µs; 1 ms in the monitor); default 0. Lock and",
                "monitor only: a condition's wait can wake",
                "spuriously, a semaphore's acquire() never does,",
                "and abq's waits are inside the JDK."})
    private double spurious;

    @Option(names = "--record", description = {"Record every put, take, wait, wake-up and state",
        "change (the newest 1,000,000 events) and say how many;", "not abq's, which is not instrumented."})
    private boolean record;

    @Option(names = "--trace", paramLabel = "FILE", description = {"Record the run and write it to FILE as a",
        "Chrome trace (open it in Perfetto's UI or", "chrome://tracing); written also when stopped.",
        "--trace - writes it to standard output, and",
        "the figures to standard error."})
    private Path trace;

    /** The run's log, once started with --record or --trace. */
    private EventLog log;
    /** The run's settings, once started. */
    private BufferSettings started;

    @Override
    String countingOptions() {
        return "--producers and --consumers";
    }

    @Override
    BufferSettings settings() {
        if (!bug.appliesTo(impl)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--bug': "
                    + bug.label() + " does not go with --impl " + impl.label() + "; bugs go with: " + Bug.combinations());
        }
        // What does not apply to the buffer chosen is refused, as the window disables it: the run
        // would otherwise say nothing of it, and a reader would take it to have mattered. Refused
        // whenever given, whatever its value: --spurious 0 with abq was taken and --policy signal-all
        // with monitor refused, though each says what that buffer does anyway (a review).
        if (given("--policy") && impl != BufferImpl.LOCK) {
            throw notWith("--policy", policy.toString(), "only the lock buffer (--impl lock) chooses whom it wakes; "
                    + wakes(impl));
        }
        if (given("--fair") && impl == BufferImpl.MONITOR) {
            throw notWith("--fair", fair ? "" : "false", "synchronized is never fair; --fair goes with lock, semaphore and abq");
        }
        if (given("--spurious") && impl == BufferImpl.SEMAPHORE) {
            throw notWith("--spurious", Values.fraction(spurious), "a semaphore's acquire() never wakes spuriously"
                    + " (it returns only with a permit); --spurious goes with lock and monitor");
        }
        if (given("--spurious") && impl == BufferImpl.ABQ) {
            throw notWith("--spurious", Values.fraction(spurious), "the JDK's queue is not instrumented;"
                    + " --spurious goes with lock and monitor");
        }
        // Its trace would be empty: no track, no event, and nothing said of why (a tryout).
        if (trace != null && impl == BufferImpl.ABQ) {
            throw notWith("--trace", trace.toString(), "the JDK's queue is not instrumented, so nothing of it could"
                    + " be traced; --trace goes with lock, monitor and semaphore");
        }
        // As --trace: it ran and said "events none" (a tryout of the command line).
        if (record && impl == BufferImpl.ABQ) {
            throw notWith("--record", "", "the JDK's queue is not instrumented, so none of its events could be"
                    + " recorded; --record goes with lock, monitor and semaphore");
        }
        return new BufferSettings(producers, consumers, capacity, items, produceDelay, consumeDelay, policy, fair,
                threadsKind.or(threads, spec), impl, bug, spurious);
    }

    /** Whether {@code option} was given on the command line (not its default). */
    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** The one line for {@code option}, given as {@code value}, that does not go with the --impl chosen. */
    private CommandLine.ParameterException notWith(String option, String value, String why) {
        String what = value.isEmpty() ? "Option '" + option + "'" : "Invalid value for option '" + option + "': " + value;
        return new CommandLine.ParameterException(spec.commandLine(), what + " does not go with --impl " + impl.label()
                + ": " + why);
    }

    /**
     * The total's check: OK, MISMATCH, or for a run that ended before its last item (stalled,
     * stopped) "not reached": it has no total to match ("sum 13 / expected 5,000,050,000 MISMATCH"
     * read as items lost, not a run that never got there).
     */
    private static String sumCheck(BufferResult result) {
        if (result.ok()) {
            return "OK";
        }
        BufferSettings settings = result.settings();
        if (settings.isBounded() && !result.missingChecked()) {
            return String.format(Locale.ROOT, "not reached: %,d of %,d items consumed (%s)", result.consumed(),
                    settings.items(), result.labOutcome());
        }
        return "MISMATCH";
    }

    /** How {@code impl}, not the lock buffer, wakes its waiters. */
    private static String wakes(BufferImpl impl) {
        return switch (impl) {
            case MONITOR -> "the monitor wakes every waiter (notifyAll)";
            case SEMAPHORE -> "a semaphore's release wakes one waiter";
            case ABQ -> "abq signals one waiter";
            case LOCK -> throw new IllegalArgumentException("the lock buffer chooses");
        };
    }

    @Override
    Running<BufferResult> start(BufferSettings settings) {
        BufferRunner runner = new BufferRunner();
        if (record || trace != null) {
            runner.setRecording(EventLog.DEFAULT_CAPACITY);
        }
        runner.start(settings);
        started = settings;
        log = runner.snapshot().log();
        return new Running<>(runner::await, runner::stop, () -> {
            BufferRunSnapshot now = runner.snapshot();
            return String.format(Locale.ROOT, "%,d / %,d items consumed, %.1f s", now.consumed(),
                    now.settings().items(), now.elapsedNanos() / 1e9);
        });
    }

    @Override
    Path traceFile() {
        return trace;
    }

    @Override
    void writeTrace(OutputStream out) throws IOException {
        if (log == null) { // no run made: Ctrl+C's hook gave up waiting for it to start (abq is refused --trace)
            try (out) {
                new ChromeTrace(out).close();
            }
            return;
        }
        BufferTrace.write(log, started, out);
    }

    @Override
    Outcome outcome(BufferResult result) {
        return result.outcome();
    }

    @Override
    boolean ok(BufferResult result) {
        return result.ok();
    }

    @Override
    String verdictLabel(BufferResult result) {
        return result.labOutcome().label();
    }

    @Override
    Throwable failure(BufferResult result) {
        return result.unexpectedFailure();
    }

    @Override
    String json(BufferResult result) {
        return BufferJson.of(result, log);
    }

    @Override
    String text(BufferResult result) {
        BufferSettings s = result.settings();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "%s, %s, capacity %,d, %s, %s%s buffer, %sbug %s, %s%s threads%n",
                Counts.of(s.producers(), "producer"), Counts.of(s.consumers(), "consumer"), s.capacity(),
                Counts.of(s.items(), "item"),
                s.delays().isEmpty() ? "" : s.delays() + ", ",
                s.impl(),
                s.machinery().isEmpty() ? "" : s.machinery() + ", ", s.bug(),
                // Only where it applies, as the machinery: the semaphores and abq take no spurious rate.
                s.impl().takesSpurious() ? "spurious " + Values.percent(s.spurious()) + ", " : "",
                s.threads()));
        BufferResult.Lab lab = result.lab();
        out.append(String.format(Locale.ROOT, "outcome        %s%n", result.labOutcome()));
        if (lab.violation() != null) {
            out.append(String.format(Locale.ROOT, "violation      %s%n", lab.violation()));
        }
        if (lab.stall() != null) {
            out.append(String.format(Locale.ROOT, "stalled        at %,d ms (and still %.1f s later): %s%n",
                    lab.stalledAfterMillis(), BufferRunner.STALL_MILLIS / 1000.0, lab.stall()));
        }
        out.append(String.format(Locale.ROOT, "items/s        %s%s%n", Counts.rate(result.itemsPerSecond()),
                result.ratedUntilStall() ? " (until the stall)" : ""));
        out.append(String.format(Locale.ROOT, "elapsed        %,d ms%n", result.elapsedMillis()));
        out.append(String.format(Locale.ROOT, "sum            %,d%n", result.sum()));
        out.append(String.format(Locale.ROOT, "expected       %,d   %s%n", result.expectedSum(), sumCheck(result)));
        if (result.missingChecked()) {
            out.append(String.format(Locale.ROOT, "each once      %s (duplicates %,d, missing %,d)%n",
                    result.duplicates() == 0 && result.missing() == 0 ? "yes" : "NO", result.duplicates(),
                    result.missing()));
        } else {
            out.append(String.format(Locale.ROOT, "each once      %s: %,d of %,d items consumed (duplicates %,d; missing"
                            + " items are counted once all are consumed)%n", result.duplicates() == 0 ? "not known" : "NO",
                    result.consumed(), s.items(), result.duplicates()));
        }
        if (result.insideVisible()) {
            out.append(String.format(Locale.ROOT, "waits on full  %,d%n", result.waitsOnFull()));
            out.append(String.format(Locale.ROOT, "waits on empty %,d%n", result.waitsOnEmpty()));
            out.append(String.format(Locale.ROOT, "wake-ups       futile: producers %,d, consumers %,d; spurious %,d",
                    lab.futileProducerWakeups(), lab.futileConsumerWakeups(), lab.spuriousWakeups()));
        } else {
            // As the window: what happens inside ArrayBlockingQueue is not seen. A put that found it
            // full is (its offer failed first), but not how often it waited.
            out.append(String.format(Locale.ROOT, "waits on full  not visible inside ArrayBlockingQueue (%s found"
                    + " it full)%n", Counts.of(result.waitsOnFull(), "put")));
            out.append(String.format(Locale.ROOT, "waits on empty not visible inside ArrayBlockingQueue (%s found"
                    + " it empty)%n", Counts.of(result.waitsOnEmpty(), "take")));
            out.append("wake-ups       not visible inside ArrayBlockingQueue");
        }
        if (log != null) {
            out.append(String.format(Locale.ROOT, "%n%s", events(log)));
        }
        return out.toString();
    }
}
