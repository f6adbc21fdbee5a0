package dev.interleave.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.interleave.engine.race.LabFigures;
import dev.interleave.engine.race.RaceJson;
import dev.interleave.engine.race.RaceResult;
import dev.interleave.engine.race.RaceRunner;
import dev.interleave.engine.race.RaceSettings;
import dev.interleave.engine.race.RaceSnapshot;
import dev.interleave.engine.race.RaceStrategy;
import dev.interleave.engine.race.WholeShares;
import dev.interleave.engine.run.Counts;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.ThreadKind;

/**
 * {@code interleave race}: the race &amp; atomics lab at full speed from a shell. Prints the total
 * against T x K, the updates lost in each run, increments per second and, for the cas strategy,
 * its retries.
 */
@Command(name = "race", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        header = "Race and atomics: T threads add K each to one count; how many updates survive, how fast.",
        customSynopsis = {
            "interleave race --threads=T --increments=K --strategy=S",
            "                        [--threads-kind=KIND] [--fair] [--repeat=R]",
            "                        [--json] [-hV]"},
        description = {"T threads, released together, each add K to one shared count with strategy S; R runs"
                + " in a row. A racy strategy loses updates (a different number each run); a safe one never does.",
                "Exit 0 if every count is exactly T x K, 1 if updates were lost, 2 on a bad argument."})
public final class RaceCommand extends RunCommand<RaceSettings, RaceResult> {

    /** How far apart a run's slowest and fastest runs must lie for the line to say why. */
    private static final double SPREAD_SAID = 1.5;

    @Option(names = "--threads", required = true, paramLabel = "T", converter = Values.RaceThreads.class,
            description = "Threads, 1 to 64.")
    private int threads;

    @Option(names = "--increments", required = true, paramLabel = "K", converter = Values.Increments.class,
            description = "Increments per thread; T x K at most 10,000,000.")
    private long increments;

    @Option(names = "--strategy", required = true, paramLabel = "S", converter = Values.RaceStrategyLabel.class,
            description = {"racy or volatile (both lose updates);", "synchronized, lock, atomic, cas, adder;",
                "striped (one padded counter per thread);", "packed (striped without padding: false sharing)."})
    private RaceStrategy strategy;

    @Option(names = "--threads-kind", paramLabel = "KIND", converter = Values.Threads.class,
            defaultValue = "platform", description = "platform (default) or virtual.")
    private ThreadKind threadKind;

    @Option(names = "--fair", description = "A fair lock: with --strategy lock only.")
    private boolean fair;

    @Option(names = "--repeat", paramLabel = "R", converter = Values.Repeat.class, defaultValue = "1",
            description = "Runs in a row, 1 to 1,000; default 1.")
    private int repeat;

    @Override
    RaceSettings settings() {
        if ((long) threads * increments > RaceSettings.MAX_TOTAL) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "Invalid values for options '--threads' and '--increments': %,d x %,d is more than %,d"
                            + " increments in all; allowed: T x K from 1 to %,d", threads, increments,
                    RaceSettings.MAX_TOTAL, RaceSettings.MAX_TOTAL));
        }
        if (fair && strategy != RaceStrategy.LOCK) {
            // Refused, not ignored: the run would say nothing of it, and a reader would take it to have mattered.
            throw new CommandLine.ParameterException(spec.commandLine(), "Option '--fair' does not go with --strategy "
                    + strategy.label() + ": only the lock strategy has a lock to make fair (--strategy lock)");
        }
        return new RaceSettings(threads, increments, strategy, threadKind, fair, repeat);
    }

    @Override
    Running<RaceResult> start(RaceSettings settings) {
        RaceRunner runner = new RaceRunner();
        runner.start(settings);
        return new Running<>(runner::await, runner::stop, () -> progressLine(runner.snapshot()));
    }

    private static String progressLine(RaceSnapshot now) {
        return String.format(Locale.ROOT, "run %,d of %,d: count %,d of %,d, %.1f s", now.repetition(),
                now.settings().repeat(), now.count(), now.settings().expected(), now.elapsedNanos() / 1e9);
    }

    @Override
    Outcome outcome(RaceResult result) {
        return result.outcome();
    }

    @Override
    boolean ok(RaceResult result) {
        return result.ok();
    }

    @Override
    Throwable failure(RaceResult result) {
        return result.failure();
    }

    @Override
    String json(RaceResult result) {
        return RaceJson.of(result);
    }

    @Override
    String text(RaceResult result) {
        RaceSettings s = result.settings();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s x %s, %s, %s threads%s, %s%n",
                Counts.of(s.threads(), "thread"), Counts.of(s.increments(), "increment"), s.strategy(), s.threadKind(),
                s.strategy() == RaceStrategy.LOCK ? (s.fair() ? ", fair lock" : ", non-fair lock") : "",
                Counts.of(s.repeat(), "run")));
        out.append(String.format(Locale.ROOT, "expected       %,d per run%n", s.expected()));
        out.append(String.format(Locale.ROOT, "totals         %s%n", numbers(result.totals())));
        List<Long> lost = result.lost();
        long runsLosing = lost.stream().filter(l -> l > 0).count();
        out.append(String.format(Locale.ROOT, "lost           %s   %s%n", numbers(lost),
                result.outcome() != Outcome.COMPLETED ? result.outcome().name()
                        : runsLosing > 0 ? String.format(Locale.ROOT, "LOST UPDATES in %,d of %,d runs", runsLosing,
                                lost.size())
                        : s.strategy().isSafe() ? "OK: every increment counted"
                        // "OK" under volatile read as "volatile is enough" to a student who ran it once.
                        : s.threads() == 1 ? "every increment counted: one thread has nobody to race with"
                        : "every increment counted, by luck: " + s.strategy() + " loses updates when threads"
                                + " interleave; run it again, with more runs (--repeat) or more threads"));
        List<WholeShares.Whole> whole = WholeShares.runs(lost, s.increments());
        if (!whole.isEmpty()) {
            out.append(String.format(Locale.ROOT, "why exactly    %s%s%n", whole.getFirst().said(),
                    whole.size() > 1 ? " (" + Counts.of(whole.size() - 1, "other run") + " too)" : ""));
        }
        // Of all the runs together, not a median: said, so that it is not compared with the window's medians as one.
        out.append(String.format(Locale.ROOT, "increments/s   %,.0f%s%n", result.opsPerSecond(),
                lost.size() > 1 ? " (the " + lost.size() + " runs together: their increments over their time)"
                        : s.repeat() == 1 ? " (one run, the JIT's warm-up in it; --repeat gives a median and a range)"
                        : ""));
        // The spread, beside the window's medians: one run of lock at 22.7 M/s against synchronized's 64.2 M/s
        // ranked them the other way round from the window (a tryout), with nothing to say one run is noise.
        if (lost.size() > 1) {
            LabFigures.Range range = result.runRange().orElseThrow();
            out.append(String.format(Locale.ROOT, "per run        median %,.0f, slowest %,.0f, fastest %,.0f%s%n",
                    result.medianRunOpsPerSecond(), range.slowest(), range.fastest(), range.spread() >= SPREAD_SAID
                            ? String.format(Locale.ROOT, " (%.1fx apart, one strategy: the first run's JIT warm-up and"
                                    + " this machine's noise; compare strategies by their medians)", range.spread())
                            : ""));
        }
        if (s.strategy() == RaceStrategy.CAS) {
            // Only the compare-and-set loop retries: "cas retries 0" under racy or adder read as a finding.
            out.append(String.format(Locale.ROOT, "cas retries    %,d%s%n", result.casRetries(),
                    lost.size() > 1 ? " in all" : ""));
        }
        return out.toString().stripTrailing();
    }

    /** At most the first 20 numbers, with thousands separators. */
    private static String numbers(List<Long> values) {
        String shown = values.stream().limit(20).map(v -> String.format(Locale.ROOT, "%,d", v))
                .collect(Collectors.joining(" "));
        return values.size() > 20 ? shown + " ... (" + values.size() + " runs)" : shown;
    }
}
