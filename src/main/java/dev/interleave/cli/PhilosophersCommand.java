package dev.interleave.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.interleave.engine.philosophers.Fairness;
import dev.interleave.engine.philosophers.LivelockWatch;
import dev.interleave.engine.philosophers.Names;
import dev.interleave.engine.philosophers.PhilosophersJson;
import dev.interleave.engine.philosophers.PhilosophersResult;
import dev.interleave.engine.philosophers.PhilosophersRunner;
import dev.interleave.engine.philosophers.PhilosophersSettings;
import dev.interleave.engine.philosophers.PhilosophersSnapshot;
import dev.interleave.engine.philosophers.PhilosophersTrace;
import dev.interleave.engine.philosophers.Strategy;
import dev.interleave.engine.run.Counts;
import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.ThreadKind;

/**
 * {@code interleave philosophers}: the deadlock lab from a shell. Runs N philosophers for S seconds
 * or until a deadlock is detected, and prints whether and when it deadlocked (the circle), meals
 * and attempts per philosopher, Jain's fairness index, livelock and starvation.
 */
@Command(name = "philosophers", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        header = "Dining philosophers: cause a deadlock with real threads and locks, and break it.",
        customSynopsis = {
            "interleave philosophers --n=N --strategy=S [--fair] [--think-ms=a..b]",
            "                               [--eat-ms=a..b] [--threads=KIND] [--seconds=S]",
            "                               [--trace=FILE] [--json] [-hV]"},
        description = {"N philosophers, each on its own thread, think and eat round a table of N forks"
                + " (ReentrantLocks, taken interruptibly). The run goes on for S seconds, or ends as soon as a"
                + " deadlock is detected: a circle of philosophers, each waiting for a fork the next one holds.",
                "Livelock: " + LivelockWatch.RULE + ". Starvation: " + Fairness.STARVATION_RULE + ".",
                "Exit 0 if no deadlock and no livelock, 1 if either was detected (what naive and",
                "trylock-no-backoff show) or the run was stopped or failed, 2 on a bad argument."})
public final class PhilosophersCommand extends RunCommand<PhilosophersSettings, PhilosophersResult> {

    @Option(names = "--n", required = true, paramLabel = "N", converter = Philosophers.class,
            description = "Philosophers (and forks), 2 to 12.")
    private int n;

    @Option(names = "--strategy", required = true, paramLabel = "S", converter = StrategyLabel.class,
            description = {"naive (left then right: deadlocks);", "ordered (lower-numbered fork first);",
                "trylock (left, then tryLock 10 ms on the right;", "  if it fails, the left back, a random back-off);",
                "trylock-no-backoff (as trylock, but the left", "  taken again at once, no back-off: livelock);",
                "waiter (N - 1 seats)."})
    private Strategy strategy;

    @Option(names = "--fair", description = "Fair locks for the forks (and the waiter's seats).")
    private boolean fair;

    @Option(names = "--think-ms", paramLabel = "a..b", converter = Values.Delay.class, defaultValue = "0..0",
            description = {"Time to think between meals: a..b ms at random (one", "number: always that), 0 <= a <= b <= 60,000;", "default 0..0."})
    private DelayRange think;

    @Option(names = "--eat-ms", paramLabel = "a..b", converter = Values.Delay.class, defaultValue = "0..0",
            description = {"Time to eat, holding both forks: a..b ms at random", "(one number: always that), 0 <= a <= b <= 60,000;", "default 0..0."})
    private DelayRange eat;

    @Option(names = "--threads", paramLabel = "KIND", converter = Values.Threads.class, defaultValue = "platform",
            description = "platform (default: the JDK's own deadlock detection sees them) or virtual.")
    private ThreadKind threads;

    @CommandLine.Mixin
    private ThreadsKindAlias threadsKind;

    @Option(names = "--seconds", paramLabel = "S", converter = Seconds.class, defaultValue = "5",
            description = "Seconds to run (a deadlock ends it sooner), 1 to 3,600; default 5.")
    private int seconds;

    @Option(names = "--trace", paramLabel = "FILE", description = {"Record the run and write it to FILE as a",
        "Chrome trace (open it in Perfetto's UI or", "chrome://tracing): a track per philosopher;",
        "written also when stopped. --trace - writes it",
        "to standard output, and the figures to",
        "standard error."})
    private Path trace;

    /** The run's log, once started with --trace. */
    private EventLog log;
    /** The run's settings, once started. */
    private PhilosophersSettings started;

    static final class Philosophers extends Values.BoundedInt {
        Philosophers() {
            super(PhilosophersSettings.MIN_N, PhilosophersSettings.MAX_N);
        }
    }

    static final class Seconds extends Values.BoundedInt {
        Seconds() {
            super(1, (int) (PhilosophersSettings.MAX_DURATION_MILLIS / 1000));
        }
    }

    static final class StrategyLabel extends Values.LabelledConverter<Strategy> {
        StrategyLabel() {
            super(Strategy.class, "strategy");
        }
    }

    @Override
    String countingOptions() {
        return "--n";
    }

    @Override
    PhilosophersSettings settings() {
        return new PhilosophersSettings(n, strategy, fair, think, eat, threadsKind.or(threads, spec), seconds * 1000L,
                true);
    }

    @Override
    Running<PhilosophersResult> start(PhilosophersSettings settings) {
        PhilosophersRunner runner = new PhilosophersRunner();
        if (trace != null) {
            runner.setRecording(EventLog.DEFAULT_CAPACITY);
        }
        runner.start(settings);
        started = settings;
        log = runner.snapshot().log();
        return new Running<>(runner::await, runner::stop, () -> {
            PhilosophersSnapshot now = runner.snapshot();
            return String.format(Locale.ROOT, "%,d meals, %,d attempts, %.1f of %d s", now.table().totalMeals(),
                    now.table().totalAttempts(), now.elapsedNanos() / 1e9, seconds);
        });
    }

    @Override
    Path traceFile() {
        return trace;
    }

    @Override
    void writeTrace(OutputStream out) throws IOException {
        PhilosophersTrace.write(log, started, out);
    }

    @Override
    Outcome outcome(PhilosophersResult result) {
        return result.outcome();
    }

    @Override
    boolean ok(PhilosophersResult result) {
        return result.ok();
    }

    @Override
    Throwable failure(PhilosophersResult result) {
        return result.failure();
    }

    @Override
    String json(PhilosophersResult result) {
        return PhilosophersJson.of(result, log); // --trace's events, as the text's last line gives them
    }

    @Override
    String text(PhilosophersResult result) {
        PhilosophersSettings s = result.settings();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d philosophers, %s, %s forks, %s threads, think %s ms, eat %s ms%n",
                s.n(), s.strategy(), s.fair() ? "fair" : "non-fair", s.threads(), s.think().words(), s.eat().words()));
        if (result.deadlocked()) {
            out.append(String.format(Locale.ROOT, "deadlock       after %,d ms: %s%n",
                    result.deadlock().detectedAfterMillis(), result.deadlock().arrows()));
            out.append(String.format(Locale.ROOT, "               %s%n", result.deadlock().words()));
        } else {
            out.append(String.format(Locale.ROOT, "deadlock       none in %,d ms%n", result.elapsedMillis()));
        }
        out.append(String.format(Locale.ROOT, "meals          %s (%,d in all)%n", perPhilosopher(result.meals()),
                result.totalMeals()));
        out.append(String.format(Locale.ROOT, "attempts       %s (%,d in all)%n", perPhilosopher(result.attempts()),
                result.totalAttempts()));
        out.append(String.format(Locale.ROOT, "fairness       %s%n", result.jain().isPresent()
                ? String.format(Locale.ROOT, "Jain's index %.3f (1 = everyone ate the same, %.3f = one ate all)",
                        result.jain().getAsDouble(), 1.0 / s.n())
                : "not defined: nobody ate"));
        // The window's banner's figures too: how many spells, and the longest stretch with no meal.
        out.append(String.format(Locale.ROOT, "livelock       %s%n", !result.livelock() ? "no"
                : result.livelockSpells() <= 1
                ? String.format(Locale.ROOT, "yes, at %,d ms: one spell, %,d ms with no meal while every philosopher"
                        + " kept giving its fork back", result.livelockAfterNanos() / 1_000_000,
                        result.livelockLongestNanos() / 1_000_000)
                : String.format(Locale.ROOT, "yes, first at %,d ms: %,d spells, the longest %,d ms with no meal while"
                        + " every philosopher kept giving its fork back; meals came between them",
                        result.livelockAfterNanos() / 1_000_000, result.livelockSpells(),
                        result.livelockLongestNanos() / 1_000_000)));
        out.append(String.format(Locale.ROOT, "starvation     %s%n", result.starvationJudged() ? starvation(result.starving())
                : result.deadlocked() ? "not judged: the table deadlocked, which stopped everyone"
                : String.format(Locale.ROOT, "not judged: the rule waits for %d meals per philosopher on average, and"
                        + " the table ate %s", Fairness.STARVATION_MIN_AVERAGE_MEALS, Counts.of(result.totalMeals(), "meal"))));
        out.append(String.format(Locale.ROOT, "outcome        %s", result.verdict()));
        if (log != null) {
            // Recorded for --trace: a trace of a long run holds only the newest events, and says so (an
            // expert's audit: a 3 s run of ordered kept 1,000,000, and nothing said so).
            out.append(String.format(Locale.ROOT, "%n%s", events(log)));
        }
        return out.toString();
    }

    /**
     * The starving philosophers, and that starving is a warning (the window's ⚠): "starvation P1, P3"
     * above "outcome ok" and exit 0 read as a contradiction (a tryout).
     */
    static String starvation(List<Integer> starving) {
        return starving.isEmpty() ? "none" : starving.stream().map(Names::philosopher).collect(Collectors.joining(", "))
                + " (a warning, as in the window: the outcome and exit code count deadlock and livelock only)";
    }

    private static String perPhilosopher(List<Long> values) {
        return IntStream.range(0, values.size())
                .mapToObj(p -> String.format(Locale.ROOT, "%s %,d", Names.philosopher(p), values.get(p)))
                .collect(Collectors.joining(", "));
    }
}
