package dev.interleave.engine.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.interleave.engine.run.Counts;

/**
 * The race lab's figures in words, as the window's Full speed view says them, here beside the
 * figures so that the command line can say them alike: a lost-updates row's summary, how far
 * single runs spread, rates and ratios as people read them.
 */
public final class LabWords {

    private LabWords() {
    }

    /** Who reads the words: the window (its Runs field, bars to point at) or a shell (--repeat, numbers). */
    public enum Reader {
        WINDOW("Runs sets it", "bars", "Increments each"),
        SHELL("--repeat sets it", "numbers", "--increments");

        private final String runsSet;
        private final String figures;
        /** The setting that makes each run longer, as this reader sets it. */
        private final String incrementsSet;

        Reader(String runsSet, String figures, String incrementsSet) {
            this.runsSet = runsSet;
            this.figures = figures;
            this.incrementsSet = incrementsSet;
        }
    }

    /**
     * A row's summary: how many runs lost updates, the median and the most; and when a run lost exactly
     * one thread's increments (or two threads', ...), why (a class asked why 250,000 of 1,000,000 went
     * missing, to the unit).
     */
    public static String lostSummary(RaceStrategy strategy, List<Long> lost, long expected, long increments) {
        long losing = lost.stream().filter(l -> l > 0).count();
        if (losing == 0) {
            // Each run's expected count is its threads' increments: one thread's is its own ("lucky"
            // was said of a single thread, which has nobody to race with: an engineer's tryout).
            boolean alone = expected == increments;
            return String.format(Locale.ROOT, "%s 0 lost in each of %s", strategy.isSafe() ? "✔" : "·",
                    Counts.of(lost.size(), "run")) + (strategy.isSafe() ? ""
                    : alone ? ": one thread has nobody to race with; run it with more threads"
                    : ": lucky, the threads took turns rather than add at the same moment; run more, or with more"
                    + " increments or threads");
        }
        // A racy row whose runs lost none in part would read as safer than one that lost in every run:
        // say why they lost none. A plain count++ takes about a nanosecond, so a thread's increments
        // can end within its time slice, before another thread starts: the threads never add at once.
        long none = lost.size() - losing;
        String turns = none == 0 ? "" : String.format(Locale.ROOT, " %s lost none: %s threads took turns rather than"
                + " add at the same moment (one thread's %s can end before another starts).",
                none == 1 ? "One run" : Counts.of(none, "run"), none == 1 ? "its" : "their",
                Counts.of(increments, "increment"));
        // "median 108,044" did not say of which runs: of all of them, those that lost none too.
        String summary = String.format(Locale.ROOT, "✘ lost in %d of %s (median of all %d: %,.0f; most: %,d of %,d)",
                losing, Counts.of(lost.size(), "run"), lost.size(), Median.of(lost),
                lost.stream().mapToLong(Long::longValue).max().orElse(0), expected);
        List<WholeShares.Whole> whole = WholeShares.runs(lost, increments);
        String said = whole.isEmpty() ? summary + (turns.isEmpty() ? "" : "." + turns)
                : summary + ". " + capitalized(whole.getFirst().said())
                + (whole.size() > 1 ? " (" + Counts.of(whole.size() - 1, "other run") + " too)" : "") + "." + turns;
        // Said beside the figure, not only in the name's tooltip: a student asked why volatile, which
        // "sees the latest write", lost updates at all.
        return strategy == RaceStrategy.VOLATILE ? said + (said.endsWith(".") ? " " : ". ") + VOLATILE_WHY : said;
    }

    /** Why volatile loses updates, after its row's figures. */
    static final String VOLATILE_WHY = "Volatile gives visibility, not atomicity: each read sees the latest write,"
            + " but two threads can still read the same value before either writes it back.";

    /**
     * How far single runs of one point of the throughput table spread, at the widest and at the
     * median point, so that a learner knows which differences between bars this machine's noise
     * could make: on a shared machine one run of a point can go twice as fast as the next. The
     * strategies that lose nothing are measured apart from racy and volatile, whose single-thread
     * runs spread up to 14x and set the whole table's note ("up to 14× apart"), covering every
     * difference between the safe ones (a teacher's tryout); theirs is added when wider. Where even
     * the median point spreads {@link #NOISY_MEDIAN} or more (1.93× in a tryout on two shared cores,
     * at the default 1,000,000 increments a point), most of the table is noise, and the note says how
     * to make runs longer: the guide said it, the line under the table did not.
     *
     * @param runsAsked the measure's runs of each point as asked (its legs are single runs)
     */
    public static String throughputNoise(LabFigures figures, int runsAsked, Reader reader) {
        Spread safe = new Spread();
        Spread losing = new Spread();
        int points = 0;
        for (RaceStrategy strategy : RaceStrategy.values()) {
            for (int threads : LabMeasure.THREAD_COUNTS) {
                Optional<LabFigures.Range> range = figures.range(strategy, threads);
                if (range.isEmpty()) {
                    continue;
                }
                points++;
                if (range.get().runs() >= 2) {
                    (strategy.isSafe() ? safe : losing).add(range.get().spread(),
                            strategy.label() + ", " + Counts.of(threads, "thread"));
                }
            }
        }
        if (points == 0) {
            return "";
        }
        if (safe.spreads.isEmpty() && losing.spreads.isEmpty() && runsAsked == 1) {
            // One run asked for: "so far ... takes up to three runs" read, at the end of a measure that
            // had run one of each as asked, as a promise broken (a teacher's tryout). Asked, not the
            // legs' own (each leg is one run): a measure of 3 stopped after one of each said "as asked".
            return String.format(Locale.ROOT, "One run of each point, as asked: nothing tells a difference between"
                    + " %s from this machine's noise. With 2 runs or more (%s), each point takes up to three, and %s"
                    + " says how far they spread.", reader.figures, reader.runsSet,
                    reader == Reader.WINDOW ? "this line" : "a line here");
        }
        if (safe.spreads.isEmpty() && losing.spreads.isEmpty()) {
            return String.format(Locale.ROOT, "One run of each point so far: nothing yet tells a difference between"
                    + " %s from this machine's noise. Each point takes up to three runs (%s); then %s says how far"
                    + " they spread.", reader.figures, reader.runsSet,
                    reader == Reader.WINDOW ? "this line" : "a line here");
        }
        Spread told = safe.spreads.isEmpty() ? losing : safe;
        String text = String.format(Locale.ROOT, "Single runs of one point%s ranged up to %s apart (%s), %s at the"
                + " median point: a difference between two %s smaller than that may be this machine's noise, not"
                + " the strategy.", told == safe ? " of the strategies that lose nothing" : "", times(told.widest),
                told.where, times(told.median()), reader.figures);
        if (told == safe && losing.widest > safe.widest) {
            text += String.format(Locale.ROOT, " Racy and volatile spread further: up to %s (%s).",
                    times(losing.widest), losing.where);
        }
        if (told.median() >= NOISY_MEDIAN) {
            text += String.format(Locale.ROOT, " Half the points or more spread that far here: raise %s for longer runs, in"
                    + " which a moment the machine spends elsewhere weighs less.", reader.incrementsSet);
        }
        return reader == Reader.WINDOW ? text + " Point at a number to see its runs." : text;
    }

    /** The median point's spread from which the throughput note calls most of the table noise. */
    static final double NOISY_MEDIAN = 1.5;

    /** The spreads of several points' runs: the widest, where, and all of them for the median. */
    private static final class Spread {
        private final List<Double> spreads = new ArrayList<>();
        private double widest;
        private String where = "";

        void add(double spread, String point) {
            spreads.add(spread);
            if (spread > widest) {
                widest = spread;
                where = point;
            }
        }

        double median() {
            return Median.of(spreads);
        }
    }

    /** A ratio as people read it: "1.07×" near 1, "2.4×", "34×". */
    public static String times(double ratio) {
        return String.format(Locale.ROOT, ratio < 2 ? "%.2f×" : ratio < 10 ? "%.1f×" : "%.0f×", ratio);
    }

    /**
     * A rate in millions a second, the unit the throughput table's corner names: "329", "70.9",
     * "0.87", three significant figures at most. The format is picked by the value as rounded, not
     * as measured: 99.96 M/s, just under 100, took one decimal and read "100.0" in a column of
     * "102" and "99.2" (a learner's tryout).
     */
    public static String millions(double perSecond) {
        double m = perSecond / 1e6;
        return String.format(Locale.ROOT, roundsTo(m, 1) >= 100 ? "%,.0f" : roundsTo(m, 2) >= 1 ? "%.1f"
                : roundsTo(m, 4) >= 0.01 ? "%.2f" : "%.4f", m);
    }

    /** {@code value} rounded to {@code decimals} places, as {@code %.nf} writes it. */
    private static double roundsTo(double value, int decimals) {
        return Double.parseDouble(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    /**
     * Failed CAS attempts per increment as a percentage, its unit in the row's caption: "0", "<0.001",
     * "0.01", "3.4", "120".
     */
    public static String percent(double perIncrement) {
        double percent = perIncrement * 100;
        if (percent == 0) {
            return "0";
        }
        if (percent < 0.001) {
            return "<0.001"; // %g would write 3e-05
        }
        return percent >= 10 ? String.format(Locale.ROOT, "%.0f", percent) : percent >= 0.1
                ? String.format(Locale.ROOT, "%.2g", percent) : String.format(Locale.ROOT, "%.1g", percent);
    }

    /**
     * The false-sharing measure's verdict: how many times the packed speed the padded counters ran,
     * and how far single runs spread ({@link #spread}); "" until both layouts have run.
     */
    public static String falseSharing(LabFigures figures, Reader reader) {
        OptionalDouble ratio = figures.falseSharingRatio();
        // One thread writes one counter, whichever the layout: there is no other thread to share its
        // cache line with ("0.48×, only the layout differs" read as a finding, an engineer's tryout).
        boolean alone = figures.legs().stream().allMatch(leg -> leg.settings().threads() == 1);
        return ratio.isEmpty() ? "" : String.format(Locale.ROOT, alone
                ? "Padded runs %.2f× the packed speed, but with one thread no cache line is shared, so nothing here"
                + " is false sharing: any difference is the machine's noise (2 threads or more show it)."
                : "Padded runs %.2f× the packed speed: same work, same threads; only the layout differs.",
                ratio.getAsDouble()) + spread(figures, reader);
    }

    /** The fewest runs of each layout from which their spread is told against the difference. */
    public static final int SPREAD_RUNS = 3;

    /**
     * How far single runs spread, and whether that hides the difference: one run on a shared machine
     * can be slowed several times over, and three learners' runs in a row read 0.88×, 1.93× and 1.01×.
     */
    public static String spread(LabFigures figures, Reader reader) {
        Optional<LabFigures.Range> packed = figures.range(RaceStrategy.PACKED);
        Optional<LabFigures.Range> padded = figures.range(RaceStrategy.STRIPED);
        if (packed.isEmpty() || padded.isEmpty()) {
            return "";
        }
        int fewest = Math.min(packed.get().runs(), padded.get().runs());
        if (fewest < SPREAD_RUNS) {
            // One or two runs make no range: two single rates always differ, noise or not.
            return String.format(Locale.ROOT, " From %s of each so far: %d or more runs of each show how far single"
                    + " runs spread, and whether that is as large as the difference (%s).",
                    Counts.of(fewest, "run"), SPREAD_RUNS, reader.runsSet);
        }
        String ranges = String.format(Locale.ROOT, " The medians of the runs; single runs ranged %s to %s packed,"
                + " %s to %s padded", rate(packed.get().slowest()), rate(packed.get().fastest()),
                rate(padded.get().slowest()), rate(padded.get().fastest()));
        return ranges + (packed.get().overlaps(padded.get())
                ? ": the ranges overlap, so on this machine the layout's difference, if any, is within its noise."
                + " Run it again, with fewer programs running, before drawing a conclusion."
                : ": the ranges do not overlap, so the difference is the layout's, not noise.");
    }

    /** Increments per second as people read them: "123 M/s", "4.5 M/s", "870 k/s". */
    public static String rate(double perSecond) {
        return perSecond >= 1e6 ? millions(perSecond) + " M/s" : String.format(Locale.ROOT, "%,.0f k/s", perSecond / 1e3);
    }

    /** {@code words} with its first letter a capital. */
    private static String capitalized(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
