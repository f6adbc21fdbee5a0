package dev.interleave.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.interleave.engine.race.LabFigures;
import dev.interleave.engine.race.LabJson;
import dev.interleave.engine.race.LabMeasure;
import dev.interleave.engine.race.LabResult;
import dev.interleave.engine.race.LabRunner;
import dev.interleave.engine.race.LabSettings;
import dev.interleave.engine.race.LabSnapshot;
import dev.interleave.engine.race.LabWords;
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
 * {@code interleave race}: the race &amp; atomics lab at full speed from a shell. With a strategy,
 * prints the total against T x K, the updates lost in each run, increments per second and, for the
 * cas strategy, its retries. With {@code --measure}, makes the window's Full speed measurement of
 * every strategy at once (lost updates, throughput against threads, false sharing) and prints its
 * figures as the window shows them.
 */
@Command(name = "race", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        header = "Race and atomics: T threads add K each to one count; how many updates survive, how fast.",
        customSynopsis = {
            "interleave race --threads=T --increments=K (--strategy=S | --measure=M)",
            "                       [--threads-kind=KIND] [--fair] [--repeat=R]",
            "                       [--json] [-hV]"},
        description = {"T threads, released together, each add K to one shared count with strategy S; R runs"
                + " in a row. A racy strategy loses updates (a different number each run); a safe one never does.",
                "--measure makes the window's Full speed measurement of every strategy instead.",
                "Exit 0 if every count is exactly T x K (with --measure: every safe strategy's), 1 if updates"
                + " were lost or the run was stopped or failed, 2 on a bad argument."})
public final class RaceCommand extends RunCommand<RaceCommand.Asked, RaceCommand.Done> {

    /** The runs whose figures are listed one by one. */
    private static final int LISTED = 20;
    /** The later runs that lost updates named one by one after the first {@value #LISTED}. */
    private static final int LATER_NAMED = 5;

    /** What was asked: one strategy's runs, or a measurement of every strategy. */
    sealed interface Asked {
    }

    record OneStrategy(RaceSettings settings) implements Asked {
    }

    record Measure(LabSettings settings) implements Asked {
    }

    /** How it ended, as asked. */
    sealed interface Done {
    }

    record StrategyDone(RaceResult result) implements Done {
    }

    record MeasureDone(LabResult result) implements Done {
    }

    /** How far apart a run's slowest and fastest runs must lie for the line to say why. */
    private static final double SPREAD_SAID = 1.5;

    @Option(names = "--threads", required = true, paramLabel = "T", converter = Values.RaceThreads.class,
            description = "Threads, 1 to 64.")
    private int threads;

    @Option(names = "--increments", required = true, paramLabel = "K", converter = Values.Increments.class,
            description = "Increments per thread; T x K at most 10,000,000.")
    private long increments;

    @Option(names = "--strategy", paramLabel = "S", converter = Values.RaceStrategyLabel.class,
            description = {"racy or volatile (both lose updates);", "synchronized, lock, atomic, cas, adder;",
                "striped (one padded counter per thread);", "packed (striped without padding: false sharing)."})
    private RaceStrategy strategy;

    @Option(names = "--measure", paramLabel = "M", converter = Values.LabMeasureLabel.class,
            description = {"Every strategy at once, as the window's Full speed:",
                "lost-updates (R runs of each), throughput (each",
                "at 1 to 64 threads, T x K in all at each count,",
                "the median of R runs of each point, at most 3),",
                "or false-sharing (packed against padded counters,",
                "R runs each)."})
    private LabMeasure measure;

    @Option(names = "--threads-kind", paramLabel = "KIND", converter = Values.Threads.class,
            defaultValue = "platform", description = "platform (default) or virtual.")
    private ThreadKind threadKind;

    @Option(names = "--fair", description = {"A fair lock for the lock strategy: with",
        "--strategy lock, or --measure lost-updates", "or throughput."})
    private boolean fair;

    @Option(names = "--repeat", paramLabel = "R", converter = Values.Repeat.class, defaultValue = "1",
            description = {"Runs in a row, 1 to 1,000; default 1 (with", "--measure: per strategy, or per layout;",
                "throughput makes at most 3 of each point)."})
    private int repeat;

    @Override
    String countingOptions() {
        return "--threads";
    }

    @Override
    Asked settings() {
        if ((strategy == null) == (measure == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), strategy == null
                    ? "Missing option: --strategy S (one strategy), or --measure M (every strategy at once:"
                    + " lost-updates, throughput or false-sharing)"
                    : "Options '--strategy' and '--measure' do not go together: --measure runs every strategy;"
                    + " allowed: one of them");
        }
        if ((long) threads * increments > RaceSettings.MAX_TOTAL) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "Invalid values for options '--threads' and '--increments': %,d x %,d is more than %,d"
                            + " increments in all; allowed: T x K from 1 to %,d", threads, increments,
                    RaceSettings.MAX_TOTAL, RaceSettings.MAX_TOTAL));
        }
        if (measure != null) {
            if (fair && measure == LabMeasure.FALSE_SHARING) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Option '--fair' does not go with"
                        + " --measure false-sharing: it runs packed and padded counters, no lock (the other measures"
                        + " take it for their lock strategy)");
            }
            return new Measure(new LabSettings(measure, threads, increments, repeat, threadKind, fair));
        }
        return new OneStrategy(strategySettings());
    }

    private RaceSettings strategySettings() {
        if (fair && strategy != RaceStrategy.LOCK) {
            // Refused, not ignored: the run would say nothing of it, and a reader would take it to have mattered.
            throw new CommandLine.ParameterException(spec.commandLine(), "Option '--fair' does not go with --strategy "
                    + strategy.label() + ": only the lock strategy has a lock to make fair (--strategy lock)");
        }
        return new RaceSettings(threads, increments, strategy, threadKind, fair, repeat);
    }

    @Override
    Running<Done> start(Asked asked) {
        return switch (asked) {
            case OneStrategy one -> {
                RaceRunner runner = new RaceRunner();
                runner.start(one.settings());
                yield new Running<>(timeout -> new StrategyDone(runner.await(timeout)),
                        () -> runner.stop(), () -> progressLine(runner.snapshot()));
            }
            case Measure measured -> {
                LabRunner runner = new LabRunner();
                runner.start(measured.settings());
                yield new Running<>(timeout -> new MeasureDone(runner.await(timeout)),
                        () -> runner.stop(), () -> progressLine(runner.snapshot()));
            }
        };
    }

    private static String progressLine(RaceSnapshot now) {
        return String.format(Locale.ROOT, "run %,d of %,d: count %,d of %,d, %.1f s", now.repetition(),
                now.settings().repeat(), now.count(), now.settings().expected(), now.elapsedNanos() / 1e9);
    }

    /**
     * "lost-updates: 2 of 9 strategies done, now volatile, 4 threads x 20,000, run 3 of 10, 1.2 s":
     * a lost-updates measure's leg is a strategy's R runs, the others' legs one run each.
     */
    static String progressLine(LabSnapshot now) {
        LabMeasure measure = now.settings().measure();
        RaceSettings going = now.current();
        String leg = going == null ? "" : String.format(Locale.ROOT, ", %s %s, %s x %,d%s", now.warmingUp()
                ? "warming up:" : "now", going.strategy(), Counts.of(going.threads(), "thread"), going.increments(),
                going.repeat() > 1 ? String.format(Locale.ROOT, ", run %,d of %,d",
                        Math.min(now.currentRuns() + 1, going.repeat()), going.repeat()) : "");
        return String.format(Locale.ROOT, "%s: %,d of %s done%s, %.1f s", measure, now.legs().size(),
                Counts.of(now.legsTotal(), measure == LabMeasure.LOST_UPDATES ? "strategy" : "run",
                        measure == LabMeasure.LOST_UPDATES ? "strategies" : "runs"),
                leg, now.elapsedNanos() / 1e9);
    }

    @Override
    Outcome outcome(Done done) {
        return switch (done) {
            case StrategyDone one -> one.result().outcome();
            case MeasureDone measured -> measured.result().outcome();
        };
    }

    @Override
    boolean ok(Done done) {
        return switch (done) {
            case StrategyDone one -> one.result().ok();
            case MeasureDone measured -> measured.result().ok();
        };
    }

    @Override
    Throwable failure(Done done) {
        return switch (done) {
            case StrategyDone one -> one.result().failure();
            case MeasureDone measured -> measured.result().failure();
        };
    }

    @Override
    String json(Done done) {
        return switch (done) {
            case StrategyDone one -> RaceJson.of(one.result());
            case MeasureDone measured -> LabJson.of(measured.result());
        };
    }

    @Override
    String text(Done done) {
        return switch (done) {
            case StrategyDone one -> text(one.result());
            case MeasureDone measured -> text(measured.result());
        };
    }

    static String text(RaceResult result) {
        RaceSettings s = result.settings();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s x %s, %s, %s threads%s, %s%n",
                Counts.of(s.threads(), "thread"), Counts.of(s.increments(), "increment"), s.strategy(), s.threadKind(),
                s.strategy() == RaceStrategy.LOCK ? (s.fair() ? ", fair lock" : ", non-fair lock") : "",
                Counts.of(s.repeat(), "run")));
        out.append(String.format(Locale.ROOT, "expected       %,d per run%n", s.expected()));
        // Stopped in its first run: "none: no run finished", where "totals" and "lost" stood empty.
        boolean none = result.totals().isEmpty();
        out.append(String.format(Locale.ROOT, "totals         %s%n", none ? "none: no run finished"
                : numbers(result.totals())));
        List<Long> lost = result.lost();
        long runsLosing = lost.stream().filter(l -> l > 0).count();
        out.append(String.format(Locale.ROOT, "lost           %s   %s%n", none ? "none counted" : losses(lost),
                result.outcome() != Outcome.COMPLETED ? result.outcome().name()
                        : runsLosing > 0 ? String.format(Locale.ROOT, "LOST UPDATES in %,d of %s", runsLosing,
                                Counts.of(lost.size(), "run"))
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
        out.append(result.totals().isEmpty() ? String.format(Locale.ROOT, "increments/s   none: no run finished%n")
                : String.format(Locale.ROOT, "increments/s   %,.0f%s%n", result.opsPerSecond(),
                lost.size() > 1 ? String.format(Locale.ROOT,
                        " (the %,d runs together: their increments over their time)", lost.size())
                        : s.repeat() == 1 ? " (one run, the JIT's warm-up in it; --repeat gives a median and a range)"
                        : ""));
        // The spread, beside the window's medians: one run of lock at 22.7 M/s against synchronized's 64.2 M/s
        // ranked them the other way round from the window (a tryout), with nothing to say one run is noise.
        if (lost.size() > 1) {
            LabFigures.Range range = result.runRange().orElseThrow();
            out.append(String.format(Locale.ROOT, "per run        median %,.0f, slowest %,.0f, fastest %,.0f%s%n",
                    result.medianRunOpsPerSecond(), range.slowest(), range.fastest(), range.spread() >= SPREAD_SAID
                            ? String.format(Locale.ROOT, " (%.1fx apart, one strategy: the first run's JIT warm-up,"
                                    + " this machine's noise, and the JIT's own loop for one counter, which can merge"
                                    + " racy's increments or widen a lock over many; to compare strategies, race"
                                    + " --measure throughput runs them all through one call)", range.spread())
                            : ""));
        }
        if (s.strategy() == RaceStrategy.CAS) {
            // Only the compare-and-set loop retries: "cas retries 0" under racy or adder read as a finding.
            out.append(String.format(Locale.ROOT, "cas retries    %,d%s%n", result.casRetries(),
                    lost.size() > 1 ? " in all" : ""));
        }
        return out.toString().stripTrailing();
    }

    /** A measurement's figures, as the window's Full speed view shows them. */
    static String text(LabResult result) {
        LabSettings s = result.settings();
        LabFigures figures = result.figures();
        StringBuilder out = new StringBuilder();
        String kind = s.threadKind() + " threads" + (s.fair() ? ", a fair lock" : "");
        String stopped = result.outcome() == Outcome.COMPLETED ? "" : " (" + result.outcome().name() + ": the runs"
                + " made before it)";
        switch (s.measure()) {
            case LOST_UPDATES -> {
                out.append(String.format(Locale.ROOT, "lost-updates: every strategy, %s of %s x %s"
                        + " each%s, %s%n", Counts.of(s.repeat(), "run"), Counts.of(s.threads(), "thread"),
                        Counts.of(s.increments(), "increment"), stopped, kind));
                long expected = s.threads() * s.increments();
                for (RaceStrategy strategy : RaceStrategy.values()) {
                    List<Long> lost = figures.lost(strategy);
                    if (lost.isEmpty()) {
                        // Stopped before it: its row said nothing, and seven of nine strategies were gone
                        // from a table headed "every strategy" (a tryout of the command line).
                        // Stopped or failed while it ran, or before it: no run of it ended either way.
                        if (result.outcome() != Outcome.COMPLETED) {
                            out.append(String.format(Locale.ROOT, "%-14s none: the measure %s before a run of it"
                                    + " ended%n", strategy, result.outcome() == Outcome.STOPPED ? "was stopped" : "failed"));
                        }
                        continue;
                    }
                    out.append(String.format(Locale.ROOT, "%-14s %s%n", strategy, LabWords.lostSummary(strategy, lost,
                            expected, s.increments())));
                    if (lost.stream().anyMatch(l -> l > 0)) { // a safe row's "lost 0 0 0 ..." said nothing more
                        out.append(String.format(Locale.ROOT, "%-14s lost %s%n", "", losses(lost)));
                    }
                }
            }
            case THROUGHPUT -> {
                long total = s.threads() * s.increments();
                int rounds = s.measure().runsOfEach(s.repeat());
                // Fewer increments than threads: each thread still makes one, and the count makes more
                // than the total (40 read "40 increments in all at each count" over 64 at 64 threads).
                out.append(String.format(Locale.ROOT, "throughput: every strategy at %,d to %,d threads, %,d increments"
                        + " in all at each count (split over its threads, rounded down%s), %s%s, %s%n",
                        LabMeasure.THREAD_COUNTS.getFirst(), LabMeasure.THREAD_COUNTS.getLast(), total,
                        total < LabMeasure.THREAD_COUNTS.getLast() ? ", at least 1 each" : "",
                        rounds == 1 ? "one run of each point" : "the median of " + rounds + " runs of each point",
                        stopped, kind));
                out.append(String.format(Locale.ROOT, "%-14s", "M incr./s"));
                for (int threads : LabMeasure.THREAD_COUNTS) {
                    out.append(String.format(Locale.ROOT, " %8s", Counts.of(threads, "thr.", "thr.")));
                }
                out.append(System.lineSeparator());
                for (RaceStrategy strategy : RaceStrategy.values()) {
                    out.append(String.format(Locale.ROOT, "%-14s", strategy));
                    for (int threads : LabMeasure.THREAD_COUNTS) {
                        var rate = figures.opsPerSecond(strategy, threads);
                        out.append(String.format(Locale.ROOT, " %8s", rate.isPresent()
                                ? LabWords.millions(rate.getAsDouble()) : "–"));
                    }
                    out.append(System.lineSeparator());
                }
                out.append(String.format(Locale.ROOT, "%-14s", "cas failed, %")); // as the window's row
                for (int threads : LabMeasure.THREAD_COUNTS) {
                    var failures = figures.casFailuresPerIncrement(threads);
                    out.append(String.format(Locale.ROOT, " %8s", failures.isPresent()
                            ? LabWords.percent(failures.getAsDouble()) : "–"));
                }
                out.append(System.lineSeparator());
                String noise = LabWords.throughputNoise(figures, s.repeat(), LabWords.Reader.SHELL);
                if (!noise.isEmpty()) {
                    out.append(noise).append(System.lineSeparator());
                }
            }
            case FALSE_SHARING -> {
                out.append(String.format(Locale.ROOT, "false-sharing: %s x %s, packed and padded counters"
                        + " in turn, %s each%s, %s%n", Counts.of(s.threads(), "thread"),
                        Counts.of(s.increments(), "increment"),
                        Counts.of(s.repeat(), "run"), stopped, kind));
                var packed = figures.opsPerSecond(RaceStrategy.PACKED);
                var padded = figures.opsPerSecond(RaceStrategy.STRIPED);
                // Stopped, how many runs each figure is of: "200 runs each (STOPPED ...)" said none.
                boolean cut = result.outcome() != Outcome.COMPLETED;
                out.append(String.format(Locale.ROOT, "packed  (--strategy packed)   %s%s%n",
                        packed.isPresent() ? LabWords.rate(packed.getAsDouble()) : "–",
                        cut ? runsMade(figures, RaceStrategy.PACKED) : ""));
                out.append(String.format(Locale.ROOT, "padded  (--strategy striped)  %s%s%n",
                        padded.isPresent() ? LabWords.rate(padded.getAsDouble()) : "–",
                        cut ? runsMade(figures, RaceStrategy.STRIPED) : ""));
                String verdict = LabWords.falseSharing(figures, LabWords.Reader.SHELL);
                if (!verdict.isEmpty()) {
                    out.append(verdict).append(System.lineSeparator());
                }
            }
        }
        return out.toString().stripTrailing();
    }

    /** How many runs of {@code strategy} a stopped measure made: "   (2 runs made)". */
    private static String runsMade(LabFigures figures, RaceStrategy strategy) {
        return "   (" + Counts.of(figures.range(strategy).map(LabFigures.Range::runs).orElse(0), "run") + " made)";
    }

    /** At most the first {@value #LISTED} numbers, with thousands separators. */
    private static String numbers(List<Long> values) {
        String shown = values.stream().limit(LISTED).map(v -> String.format(Locale.ROOT, "%,d", v))
                .collect(Collectors.joining(" "));
        return values.size() > LISTED ? shown + String.format(Locale.ROOT, " ... (%,d runs)", values.size()) : shown;
    }

    /**
     * The first {@value #LISTED} runs' lost updates, and the later runs that lost some, by number, up
     * to {@value #LATER_NAMED} of them, then how many more: "LOST UPDATES in 3 of 30 runs" stood over
     * a list that showed two of them, and 1,000 runs of which most lost some named about 180 on one
     * line (a review of the command line).
     */
    private static String losses(List<Long> lost) {
        if (lost.size() <= LISTED) {
            return numbers(lost);
        }
        List<Integer> later = IntStream.range(LISTED, lost.size()).filter(run -> lost.get(run) > 0).boxed().toList();
        if (later.isEmpty()) {
            return numbers(lost);
        }
        String named = later.stream().limit(LATER_NAMED)
                .map(run -> String.format(Locale.ROOT, "run %,d: %,d", run + 1, lost.get(run)))
                .collect(Collectors.joining(", "));
        int more = later.size() - Math.min(later.size(), LATER_NAMED);
        return numbers(lost) + " and " + named + (more == 0 ? ""
                : ", and " + Counts.of(more, "more run") + " that lost updates (--json lists every run)");
    }
}
