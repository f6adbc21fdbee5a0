package dev.interleave.ui.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

import dev.interleave.engine.race.LabFigures;
import dev.interleave.engine.race.LabMeasure;
import dev.interleave.engine.race.LabSettings;
import dev.interleave.engine.race.LabWords;
import dev.interleave.engine.race.RaceStrategy;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.ThreadKind;
import dev.interleave.ui.kit.ChoiceRow;
import dev.interleave.ui.kit.Controls;
import dev.interleave.ui.kit.SettingSlider;
import dev.interleave.ui.kit.Words;

/**
 * Full speed: settings on the left; on the right the progress of the measurement going on and the
 * figures of the chosen measurement's latest run: a histogram of lost updates per strategy, a
 * table of increments per second against threads with a bar per cell (and CAS failures per
 * increment), or the false-sharing comparison. Every bar has its number beside it.
 */
public final class LabView extends BorderPane {

    private static final PseudoClass SAFE = PseudoClass.getPseudoClass("safe");
    private static final PseudoClass RACY = PseudoClass.getPseudoClass("racy");
    private static final PseudoClass SCROLLED = PseudoClass.getPseudoClass("scrolled");
    /**
     * The longest bar, in em of the numbers' font (bars grow with the text): the lost updates' and,
     * where there is room, the throughput table's.
     */
    private static final double BAR_EM = 5.5;
    /** The throughput table's longest bar in a wide view, in em of its numbers' font. */
    private static final double GROWN_BAR_EM = 10;

    /** What a measure's "Measured with" line adds where the settings set now would measure otherwise. */
    static final String CHANGED_SINCE = " The settings have changed since: Run measures again with the new ones.";
    private static final PseudoClass SETTINGS_CHANGED = PseudoClass.getPseudoClass("settings-changed");
    /** Why Fair lock is greyed out under false sharing. */
    static final String FAIR_GREYED = "Greyed out: false sharing takes no lock (each thread adds to its own counter).";

    private final LabViewModel model;
    private final StackPane figures = new StackPane();

    public LabView(LabViewModel model) {
        this.model = model;
        getStyleClass().add("lab-view");
        setLeft(settings());
        setCenter(live());
        model.measureProperty().addListener((obs, old, now) -> draw());
        for (LabMeasure each : LabMeasure.values()) {
            model.shownProperty(each).addListener((obs, old, now) -> draw());
        }
        draw();
    }

    private ScrollPane settings() {
        ChoiceRow<LabMeasure> measure = new ChoiceRow<>("lab-measure", List.of(LabMeasure.values()),
                model.measureProperty(), LabMeasure::label, m -> switch (m) {
                    case LOST_UPDATES -> "Every strategy, several runs each: how many updates each run lost.";
                    case THROUGHPUT -> "Every strategy at 1, 2, 4 ... 64 threads: increments per second.";
                    case FALSE_SHARING -> "Per-thread counters side by side in one array against padded apart.";
                });
        SettingSlider threads = new SettingSlider("lab-threads", "Threads", model.threadsProperty(),
                LabViewModel.THREADS, false, "Threads released together by a barrier. Throughput runs 1 to 64 "
                + "whatever this says, each point doing threads x increments in all.");
        SettingSlider increments = new SettingSlider("lab-increments", "Increments each",
                model.incrementsProperty(), LabViewModel.INCREMENTS, true, "Increments each thread makes per run; "
                + "threads x increments at most 10,000,000.");
        Label incrementsNote = Controls.fieldMessage("lab-increments-note", model.incrementsNoteProperty());
        SettingSlider runs = new SettingSlider("lab-runs", "Runs", model.runsProperty(), LabViewModel.RUNS,
                true, "Runs of each strategy (lost updates) or of each layout (false sharing); throughput makes at "
                + "most " + LabMeasure.THROUGHPUT_ROUNDS + " rounds over every point.");
        for (SettingSlider each : List.of(threads, increments, runs)) {
            each.clearsMessageOn(model.freshStartsProperty());
        }
        ChoiceRow<ThreadKind> kind = new ChoiceRow<>("lab-threads-kind", List.of(ThreadKind.values()),
                model.threadKindProperty(), ThreadKind::label, k -> k == ThreadKind.VIRTUAL
                        ? "Virtual threads, on as many carriers as there are cores." : "Platform (kernel) threads.");
        // A check box, not ControlsFX's ToggleSwitch: under the Primer themes the switch's track and
        // thumb are not drawn (their colours fail to convert), leaving only its words.
        CheckBox fair = new CheckBox("Fair lock (the lock strategy)");
        fair.setId("lab-fair");
        fair.selectedProperty().bindBidirectional(model.fairProperty());
        Controls.tip(fair, "A fair lock hands itself over in arrival order: see what that costs.");
        // Greyed where it changes nothing, with the reason, as the command line refuses --fair there.
        BooleanBinding noLock = model.measureProperty().isEqualTo(LabMeasure.FALSE_SHARING);
        fair.disableProperty().bind(noLock);
        Label fairNote = Controls.fieldMessage("lab-fair-note", Bindings.when(noLock).then(FAIR_GREYED).otherwise(""));
        Label runsNote = Controls.fieldMessage("lab-runs-note", model.runsNote());
        Label totalNote = Controls.fieldMessage("lab-total-note", model.totalNote());
        VBox fixed = new VBox(12, Controls.labelled("Measure", measure), threads, increments, incrementsNote, totalNote,
                runs, runsNote, Controls.labelled("Thread kind", kind), new VBox(4, fair, fairNote));
        fixed.disableProperty().bind(model.runningBinding());
        return Controls.settingsPanel(model, Controls.heading("Full speed"), fixed);
    }

    private ScrollPane live() {
        Label progress = new Label();
        progress.setId("lab-progress");
        progress.getStyleClass().add("last-action");
        progress.setWrapText(true);
        progress.setMinHeight(Region.USE_PREF_SIZE);
        progress.textProperty().bind(Bindings.createStringBinding(() -> model.progressProperty().get().isEmpty()
                ? "Pick a measure and press Run (Space)." : model.progressProperty().get(), model.progressProperty()));
        progress.managedProperty().bind(model.runLinesShownBinding());
        progress.visibleProperty().bind(model.runLinesShownBinding());
        figures.setId("lab-figures");
        figures.setAlignment(Pos.TOP_LEFT);
        TitledPane guide = Controls.guide("lab-race-guide", "What to try: lost updates, then throughput, then false"
                + " sharing", "1. lost-updates, 4 threads: racy and volatile lose updates, a different number each"
                + " run (in most runs on a quiet machine; on a busy one the threads overlap less, and more runs"
                + " lose none); every other strategy loses none, in any run. volatile makes each read see the latest write,"
                + " yet count++ is still three steps: visibility is not atomicity.\n"
                + "2. throughput: each strategy at 1 to 64 threads. Which fall as threads are added, which hold up,"
                + " and what do those that hold up do differently? (Point at a strategy's name for what it does.)"
                + " Run it twice: on two cores a single cell can swing several times over between runs (the line"
                + " under the table says how far); trust what both runs show, and raise Increments each for"
                + " longer, steadier runs.\n"
                + "3. false-sharing, 2 threads: the same per-thread counters packed side by side, then padded apart."
                + " Read the line under the bars: when single runs' ranges overlap, run it again.\n"
                + "Question: padded shares no counter and no cache line; why can packed, which shares no counter"
                + " either, be slower?");
        VBox live = new VBox(10, guide, Controls.figuresNote(model, model.runLinesShownBinding()), progress,
                figures);
        progress.setMinHeight(Region.USE_PREF_SIZE);
        live.setPadding(new Insets(12));
        live.getStyleClass().add("live");
        return Controls.liveScroll("lab-live", live);
    }

    private void draw() {
        LabMeasure measure = model.measureProperty().get();
        LabViewModel.Shown shown = model.shownProperty(measure).get();
        Node content = switch (measure) {
            case LOST_UPDATES -> lostUpdates(shown);
            case THROUGHPUT -> throughput(shown);
            case FALSE_SHARING -> falseSharing(shown);
        };
        figures.getChildren().setAll(content);
    }

    /**
     * What the figures were measured with, as the measure used the settings: lost updates ran the
     * threads and increments as set, each strategy that many times; throughput split the same total
     * work over every thread count it plots. {@code done}: how it ended, null while it goes on.
     */
    static String measuredWith(LabSettings run, Outcome done) {
        String kind = run.threadKind() + " threads" + (run.fair() ? ", a fair lock" : "");
        // Until it completes, a measure has up to its runs: a stopped one said "each point the median
        // of 3 runs" over points of one run.
        String upTo = done == Outcome.COMPLETED ? "" : "up to ";
        String stopped = done == Outcome.STOPPED ? ", stopped before the end" : done == Outcome.FAILED
                ? ", failed before the end" : "";
        return switch (run.measure()) {
            case LOST_UPDATES -> String.format(Locale.ROOT, "Measured with %s x %s, each strategy %s%s%s, %s.",
                    Words.count(run.threads(), "thread"), Words.count(run.increments(), "increment"), upTo,
                    Words.count(run.repeat(), "time"), stopped, kind);
            case THROUGHPUT -> "Measured with " + LabViewModel.sweep(run.threads(), run.increments(), run.repeat(),
                    !upTo.isEmpty()) + stopped + "; " + kind + ".";
            case FALSE_SHARING -> String.format(Locale.ROOT, "Measured with %s x %s, packed and padded "
                    + "each %s%s%s, %s.", Words.count(run.threads(), "thread"),
                    Words.count(run.increments(), "increment"), upTo, Words.count(run.repeat(), "time"), stopped, kind);
        };
    }

    private VBox section(String title, String explanation, Node body, LabViewModel.Shown shown) {
        Label heading = new Label(title);
        heading.getStyleClass().add("heading");
        heading.setWrapText(true); // whole at 175 % and 200 % in 1024 px, not "Increments per second against thre..."
        heading.setMinHeight(Region.USE_PREF_SIZE);
        Label words = new Label(explanation);
        words.setWrapText(true);
        words.getStyleClass().add("wait-set-caption");
        words.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(8, heading, words);
        if (shown == null) {
            Label none = new Label("Not measured yet: press Run (Space).");
            none.getStyleClass().add("wait-set-empty");
            box.getChildren().add(none);
        } else {
            Label with = new Label();
            BooleanBinding changed = model.changedSinceBinding(shown.settings().measure());
            with.textProperty().bind(Bindings.createStringBinding(() -> measuredWith(shown.settings(), shown.done())
                    + (changed.get() ? CHANGED_SINCE : ""), changed));
            with.setId("lab-measured-with");
            with.getStyleClass().add("figure-caption");
            changed.addListener((obs, was, now) -> with.pseudoClassStateChanged(SETTINGS_CHANGED, now));
            with.pseudoClassStateChanged(SETTINGS_CHANGED, changed.get());
            with.setWrapText(true); // whole on two lines in a narrow view, not cut at "each strategy..."
            with.setMinHeight(Region.USE_PREF_SIZE);
            box.getChildren().addAll(with, body);
        }
        return box;
    }

    // ---- lost updates ----

    private Node lostUpdates(LabViewModel.Shown shown) {
        GridPane grid = shown == null ? lostRows(new LabFigures(List.of()), 0, 0)
                : lostRows(shown.figures(), shown.settings().threads() * shown.settings().increments(),
                        shown.settings().increments());
        return section("Lost updates per run", "Each strategy runs several times; the bars count the runs by how many "
                + "updates they lost (left: none), a bar as tall as the row being every run. A racy strategy loses a different number each run; a safe one "
                + "loses none, every run.", grid, shown);
    }

    /**
     * A row per strategy that ran: its name, its histogram and its summary, every histogram on one
     * axis, up to the most any run lost (racy's bars ran to 660,267 and volatile's, under them, to
     * 337,185: a class compared bars of different scales).
     */
    static GridPane lostRows(LabFigures figures, long expected, long increments) {
        GridPane grid = new GridPane();
        grid.setId("lab-lost-grid");
        grid.setHgap(14);
        grid.setVgap(8);
        long axisMost = 0;
        for (RaceStrategy strategy : RaceStrategy.values()) {
            axisMost = Math.max(axisMost, figures.lost(strategy).stream().mapToLong(Long::longValue).max().orElse(0));
        }
        // One scale for every row, as one axis: the most runs any row has (rows still filling in have fewer).
        int runs = 1;
        for (RaceStrategy strategy : RaceStrategy.values()) {
            runs = Math.max(runs, figures.lost(strategy).size());
        }
        int row = 0;
        if (axisMost > 0) {
            // The shared axis once, over the rows: its end under every row read as that row's most
            // ("603,519" under racy, whose own most was 537,074: a tryout); each row's own is in its summary.
            Label caption = new Label("runs by updates lost");
            caption.getStyleClass().add("figure-caption");
            caption.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(new VBox(1, caption, axis(axisMost)), 1, row++);
        }
        List<Node[]> rows = new ArrayList<>();
        for (RaceStrategy strategy : RaceStrategy.values()) {
            List<Long> lost = figures.lost(strategy);
            if (lost.isEmpty()) {
                continue;
            }
            VBox name = strategyName(strategy, strategy.label()); // the summary wraps, not the name
            Label summary = new Label(LabWords.lostSummary(strategy, lost, expected, increments));
            summary.setId("lab-lost-" + strategy.label());
            summary.setWrapText(true);
            summary.setMinHeight(Region.USE_PREF_SIZE);
            summary.getStyleClass().add("lab-summary");
            summary.pseudoClassStateChanged(RACY, lost.stream().anyMatch(l -> l > 0));
            summary.pseudoClassStateChanged(SAFE, lost.stream().allMatch(l -> l == 0));
            Region bars = histogram(lost, axisMost, runs, false);
            // Name, bars and summary from the top of their row, the name on the summary's first line:
            // the bars filled the row from its top and the name sat at its foot, under a four-line
            // summary, by the next row's bars (a learner read volatile's name as the next row's); set
            // at the bars' foot, a one-line summary stood between two names (a teacher).
            bars.setMaxHeight(Region.USE_PREF_SIZE);
            GridPane.setValignment(bars, VPos.TOP);
            GridPane.setValignment(name, VPos.TOP);
            GridPane.setValignment(summary, VPos.TOP);
            rows.add(new Node[] {name, bars, summary});
        }
        if (rows.isEmpty()) {
            return grid;
        }
        int first = row;
        // Beside the bars while a summary has SUMMARY_EM there, else under them, the row's whole
        // width: at 200 % on a projector a summary beside them wrapped two words a line, its row a
        // screen tall and its name far under its bars (a tryout).
        Boolean[] under = {null}; // as placed: null before the first placing
        Runnable place = () -> {
            double em = ((Label) rows.getFirst()[2]).getFont().getSize();
            double names = rows.stream().mapToDouble(r -> r[0].prefWidth(-1)).max().orElse(0);
            double bars = rows.stream().mapToDouble(r -> r[1].prefWidth(-1)).max().orElse(0);
            boolean stack = grid.getWidth() > 0
                    && grid.getWidth() - names - bars - 2 * grid.getHgap() < SUMMARY_EM * em;
            if (Boolean.valueOf(stack).equals(under[0])) {
                return;
            }
            under[0] = stack;
            for (Node[] each : rows) {
                grid.getChildren().removeAll(each);
            }
            int at = first;
            for (Node[] each : rows) {
                grid.add(each[0], 0, at);
                grid.add(each[1], 1, at);
                if (stack) {
                    grid.add(each[2], 0, at + 1, 3, 1);
                    at += 2;
                } else {
                    grid.add(each[2], 2, at++);
                }
            }
        };
        place.run();
        grid.widthProperty().addListener(obs -> place.run());
        return grid;
    }

    /** The least width of a lost-updates summary beside its bars, in em; narrower, it goes under them. */
    private static final double SUMMARY_EM = 24;

    /**
     * The lost-updates bars' width (a safe row's one bar too: drawn wider, it read as another scale),
     * the gap between bars, their tallest and the least of a bar that counts a run, in em, so that
     * they grow with the text: 10 px bars, 2.6 em tall, and one run of ten drawn 0.2 em high, were
     * dashes from the back of a room.
     */
    private static final double LOST_BAR_EM = 1.2;
    private static final double GAP_EM = 0.15;
    private static final double BARS_EM = 3.2;
    /** The histogram's height: the tallest bar's and a tenth of an em over it. */
    private static final double HISTOGRAM_EM = BARS_EM + 0.1;
    private static final double LEAST_BAR_EM = 0.5;

    /** The bins of the lost-updates histogram over 1 to the most lost; the first bin, before them, is "none". */
    static final int LOST_BINS = 10;

    /**
     * Runs counted by lost updates: first the runs that lost none, then {@link #LOST_BINS} equal bins
     * from 1 to the most lost, each {@link #lostBinWidth} wide (only the first when none lost any).
     * Ten bins from 0 put a run that lost 34,401 of 1,000,000 in the "none" bar beside it.
     */
    static int[] lostBins(List<Long> lost) {
        return lostBins(lost, lost.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    /** As {@link #lostBins(List)}, the bins reaching {@code axisMost} (at least the most lost), shared by several rows. */
    static int[] lostBins(List<Long> lost, long axisMost) {
        long most = lost.stream().mapToLong(Long::longValue).max().orElse(0);
        int[] counts = new int[most == 0 ? 1 : 1 + LOST_BINS];
        long width = lostBinWidth(Math.max(most, axisMost));
        for (long each : lost) {
            counts[each == 0 ? 0 : 1 + (int) Math.min(LOST_BINS - 1, (each - 1) / width)]++;
        }
        return counts;
    }

    /** The width of each bin after the first (none): {@link #LOST_BINS} of them reach {@code most}. */
    static long lostBinWidth(long most) {
        return Math.max(1, (most + LOST_BINS - 1) / LOST_BINS);
    }

    /** Runs counted by lost updates ({@link #lostBins}): none first, then ten bins up to the most lost. */
    static Region histogram(List<Long> lost) {
        return histogram(lost, 0, lost.size(), true);
    }

    /**
     * As {@link #histogram(List)}, on an axis up to {@code axisMost} (or the most lost, if more), a
     * bar as tall as {@code runs} runs at most: the rows of several strategies on one scale. A row
     * that lost none keeps its one bar. {@code labelled}: with the axis's two figures under the bars
     * (the rows share one over them instead).
     */
    static Region histogram(List<Long> lost, long axisMost, int runs, boolean labelled) {
        long most = lost.stream().mapToLong(Long::longValue).max().orElse(0);
        long axisEnd = most == 0 ? 0 : Math.max(most, axisMost);
        int[] counts = lostBins(lost, axisEnd);
        int bins = counts.length;
        long width = lostBinWidth(axisEnd);
        // Every row on one scale, as its axis: a bar as tall as the row is every run. Scaled to each
        // row's own tallest bin, volatile's 6 runs of 10 that lost none stood as tall as a safe row's 10.
        int scale = Math.max(1, Math.max(runs, lost.size()));
        HBox bars = new HBox();
        // Sized in em, unsnapped, so that the axis under them, sized the same, ends where they do
        // (snapped, eleven 15.6 px bars and their gaps came to 196 px against the axis's 192).
        bars.setSnapToPixel(false);
        bars.setAlignment(Pos.BOTTOM_LEFT);
        bars.setFillHeight(false); // each bar keeps its own height
        bars.getStyleClass().add("histogram");
        for (int i = 0; i < bins; i++) {
            Region bar = new Region();
            bar.setSnapToPixel(false);
            bar.getStyleClass().add("histogram-bar");
            bar.pseudoClassStateChanged(RACY, i > 0);
            double share = counts[i] / (double) scale;
            bar.setStyle(String.format(Locale.ROOT, "-fx-pref-width: %.2fem; -fx-min-width: %<.2fem;"
                    + " -fx-pref-height: %.2fem; -fx-min-height: %.2fem;", LOST_BAR_EM,
                    BARS_EM * share, counts[i] > 0 ? LEAST_BAR_EM : 0));
            Controls.tip(bar, i == 0 ? Words.count(counts[i], "run") + " lost none"
                    : String.format(Locale.ROOT, "%s lost %,d to %,d updates", Words.count(counts[i], "run"),
                    (i - 1) * width + 1, Math.min(i * width, axisEnd)));
            bars.getChildren().add(bar);
        }
        VBox box = new VBox(1, bars);
        if (labelled) {
            box.getChildren().add(most == 0 ? axisEnds("") : axis(axisEnd));
        }
        box.setMaxWidth(Region.USE_PREF_SIZE); // as wide as the bars (or the axis's two figures), no wider
        box.setMinHeight(Region.USE_PREF_SIZE);
        bars.setMinHeight(Region.USE_PREF_SIZE);
        bars.setStyle(String.format(Locale.ROOT, "-fx-spacing: %.2fem; -fx-min-height: %.2fem;"
                + " -fx-pref-height: %<.2fem;", GAP_EM, HISTOGRAM_EM));
        return box;
    }

    /**
     * The axis of the lost-updates bars from end to end, as wide as a row of them: "0" under the
     * first, the most lost under the last ("0 … 499,415" in one label ended under the middle bars,
     * the last bar beyond it).
     */
    private static HBox axis(long axisEnd) {
        HBox axis = axisEnds(String.format(Locale.ROOT, "%,d", axisEnd));
        double width = (1 + LOST_BINS) * LOST_BAR_EM + LOST_BINS * GAP_EM; // the bars' widths and the gaps between them
        axis.setSnapToPixel(false);
        axis.setStyle(String.format(Locale.ROOT, "-fx-min-width: %.2fem; -fx-pref-width: %<.2fem;"
                + " -fx-max-width: %<.2fem;", width));
        return axis;
    }

    private static HBox axisEnds(String end) {
        Label none = new Label("0");
        Label mostLost = new Label(end);
        Region between = new Region();
        HBox.setHgrow(between, Priority.ALWAYS);
        for (Label each : List.of(none, mostLost)) {
            each.getStyleClass().add("slot-index");
            each.setMinWidth(Region.USE_PREF_SIZE);
        }
        return new HBox(4, none, between, mostLost);
    }

    // ---- throughput ----

    /**
     * A point not measured (yet, or ever: the measure was stopped): a dash, so that its column keeps
     * a width and its heading its own place ("32 64" ran together over two empty columns).
     */
    private static Label notMeasured() {
        Label dash = new Label("–");
        dash.getStyleClass().add("figure-caption");
        Controls.tip(dash, "Not measured: the measure has not come to this point, or stopped or failed before it.");
        return dash;
    }

    /** The cores the threads share: the table goes to 64 threads whatever the machine. */
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** How the throughput table's bars are drawn, in words: from zero, or on a log scale (see {@link #barShare}). */
    private static String scaleWords(LabViewModel.Shown shown) {
        if (shown == null) {
            return "bars in proportion to the rate";
        }
        RateRange range = RateRange.of(rates(shown.figures()));
        return onLogScale(range.low(), range.high())
                ? String.format(Locale.ROOT, "bars on a log scale: the rates lie more than %.0f times apart", LINEAR_UP_TO)
                : "bars from zero, in proportion to the rate";
    }

    /** The slowest and the fastest rate of a table; 1 and 1 when none is measured yet. */
    private record RateRange(double low, double high) {
        static RateRange of(List<Double> rates) {
            return new RateRange(rates.stream().mapToDouble(Double::doubleValue).min().orElse(1),
                    rates.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        }
    }

    /** Every rate the table shows, strategy by strategy, thread count by thread count. */
    private static List<Double> rates(LabFigures figures) {
        List<Double> all = new ArrayList<>();
        for (RaceStrategy strategy : RaceStrategy.values()) {
            for (int threads : LabMeasure.THREAD_COUNTS) {
                figures.opsPerSecond(strategy, threads).ifPresent(all::add);
            }
        }
        return all;
    }

    private Node throughput(LabViewModel.Shown shown) {
        GridPane grid = new GridPane();
        grid.setId("lab-throughput-grid");
        grid.setHgap(10);
        grid.setVgap(6);
        List<Node> pinned = new ArrayList<>();
        if (shown != null) {
            LabFigures figures = shown.figures();
            List<Double> all = rates(figures);
            RateRange range = RateRange.of(all);
            double low = range.low();
            double high = range.high();
            // Every rate column as wide as the widest number, so that the bars share one scale.
            List<String> numbers = new ArrayList<>(all.stream().map(LabWords::millions).toList());
            for (int threads : LabMeasure.THREAD_COUNTS) {
                figures.casFailuresPerIncrement(threads).ifPresent(failures -> numbers.add(LabWords.percent(failures)));
            }
            WidestNumber widest = new WidestNumber(numbers);
            // Said at the bars, not only in the caption: synchronized's bar a third of racy's read as a
            // third as fast, where it was 17 times slower (a teacher's tryout).
            Label corner = new Label("threads →\nin M/s" + (onLogScale(low, high) ? "\nlog-scale bars" : ""));
            corner.setId("lab-throughput-corner");
            corner.getStyleClass().add("figure-caption");
            grid.add(corner, 0, 0);
            pinned.add(corner);
            for (int c = 0; c < LabMeasure.THREAD_COUNTS.size(); c++) {
                Label head = new Label(Integer.toString(LabMeasure.THREAD_COUNTS.get(c)));
                head.getStyleClass().add("section");
                grid.add(head, c + 1, 0);
            }
            int row = 1;
            for (RaceStrategy strategy : RaceStrategy.values()) {
                // Never "...": the rate cells give way first.
                VBox name = strategyName(strategy, strategy.label() + (strategy.isSafe() ? "" : " ✘"));
                name.setId("lab-throughput-name-" + strategy.name().toLowerCase(Locale.ROOT));
                grid.add(name, 0, row);
                pinned.add(name);
                for (int c = 0; c < LabMeasure.THREAD_COUNTS.size(); c++) {
                    int threads = LabMeasure.THREAD_COUNTS.get(c);
                    OptionalDouble rate = figures.opsPerSecond(strategy, threads);
                    grid.add(rate.isPresent() ? new RateCell(rate.getAsDouble(), low, high, strategy,
                            figures.range(strategy, threads).orElseThrow(), widest) : notMeasured(), c + 1, row);
                }
                row++;
            }
            Label casRow = new Label("cas: failed\nattempts, %");
            casRow.getStyleClass().add("figure-caption");
            grid.add(casRow, 0, row);
            pinned.add(casRow);
            for (int c = 0; c < LabMeasure.THREAD_COUNTS.size(); c++) {
                OptionalDouble failures = figures.casFailuresPerIncrement(LabMeasure.THREAD_COUNTS.get(c));
                Label value = failures.isPresent() ? new Label(LabWords.percent(failures.getAsDouble())) : notMeasured();
                value.getStyleClass().add("rate-value");
                value.setMinWidth(Region.USE_PREF_SIZE); // never "< 0...."
                value.setId("lab-cas-failures-" + LabMeasure.THREAD_COUNTS.get(c));
                grid.add(value, c + 1, row);
            }
        }
        // The rate columns share what room there is: in a wide view (1920x1080) the table spans it and
        // the bars grow, up to GROWN_BAR_EM, where it stayed small beside an empty half of the view.
        for (int c = 0; c <= LabMeasure.THREAD_COUNTS.size(); c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setHgrow(c == 0 ? Priority.NEVER : Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        // Seven columns of bars, their bars shorter in a narrow view down to the width of their numbers
        // (at 125 % in 1024x700 the 32 and 64 columns were out of sight, the scroll bar under the last
        // row); narrower still (200 %), the grid alone scrolls sideways, and the texts around it keep
        // the view's width.
        ScrollPane sideways = new ScrollPane(grid);
        sideways.setId("lab-throughput-scroll");
        sideways.setFitToHeight(true);
        sideways.setFitToWidth(true);
        sideways.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideways.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        sideways.getStyleClass().add("edge-to-edge");
        sideways.setMinHeight(Region.USE_PREF_SIZE);
        grid.setStyle("-fx-padding: 0 0 1.2em 0;"); // room for the scroll bar under the last row
        pinNames(grid, sideways, pinned);
        grid.setMinHeight(Region.USE_PREF_SIZE);
        Label noise = new Label(shown == null ? "" : LabWords.throughputNoise(shown.figures(), shown.settings().repeat(),
                LabWords.Reader.WINDOW));
        noise.setId("lab-throughput-noise");
        noise.getStyleClass().add("last-action");
        noise.setWrapText(true);
        noise.setMinHeight(Region.USE_PREF_SIZE);
        return section("Increments per second against threads", "Every strategy at 1, 2, 4 ... 64 threads, the same "
                + "total work at every count, the median of up to three runs (" + scaleWords(shown) + ", under each its "
                + "millions of increments a second). This machine has " + Words.count(CORES, "core") + ": more threads"
                + " than that take turns on them. Watch which strategies hold their speed, and how often a"
                + " compare-and-set fails (failed attempts per 100 increments) as threads are added."
                + ALONGSIDE_THE_WINDOW, new VBox(8, sideways, noise), shown);
    }

    /**
     * A row's name, {@code text}, with its strategy's code under it ({@link RaceStrategy#code}), both
     * at the row's left edge and never "...", and its description as a tip.
     */
    private static VBox strategyName(RaceStrategy strategy, String text) {
        Label name = new Label(text);
        name.getStyleClass().add("section");
        Label code = new Label(strategy.code());
        code.getStyleClass().add("strategy-code");
        VBox both = new VBox(name, code);
        both.getStyleClass().add("strategy-name");
        both.setMaxHeight(Region.USE_PREF_SIZE); // at the top of a row a long summary makes tall
        for (Region each : List.of(name, code, both)) {
            each.setMinWidth(Region.USE_PREF_SIZE);
        }
        Controls.tip(both, strategy.label() + ": " + strategy.description());
        return both;
    }

    /**
     * Keeps the table's first column, {@code names} (the heading and the strategies' names), where it
     * is while the rate columns scroll sideways under it: at 150 % in 1024x700 the 64 column was
     * past the edge, and scrolling to it took the names out of view, leaving rows of unlabelled
     * numbers. The names and a backdrop behind them, as wide as the column, move by the scroll's
     * offset; the backdrop hides the numbers that pass under them.
     */
    private static void pinNames(GridPane grid, ScrollPane sideways, List<Node> names) {
        if (names.isEmpty()) {
            return;
        }
        Region backdrop = new Region();
        backdrop.getStyleClass().add("pinned-column");
        backdrop.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        grid.add(backdrop, 0, 0, 1, names.size());
        backdrop.setViewOrder(-1); // over the rate cells, under the names
        // The offset scrolled, in px: the share of the scroll bar's range times the width out of view.
        var offset = Bindings.createDoubleBinding(() -> {
            double range = sideways.getHmax() - sideways.getHmin();
            double hidden = grid.getWidth() - sideways.getViewportBounds().getWidth();
            return range <= 0 || hidden <= 0 ? 0 : (sideways.getHvalue() - sideways.getHmin()) / range * hidden;
        }, sideways.hvalueProperty(), sideways.hminProperty(), sideways.hmaxProperty(), sideways.viewportBoundsProperty(),
                grid.widthProperty());
        backdrop.translateXProperty().bind(offset);
        offset.subscribe(x -> backdrop.pseudoClassStateChanged(SCROLLED, x.doubleValue() > 0));
        for (Node name : names) {
            name.setViewOrder(-2);
            name.translateXProperty().bind(offset);
        }
    }

    /**
     * A point of the throughput table: its bar, on the table's log scale, over its rate in millions
     * a second. The bar's longest is the cell's width, up to {@link #GROWN_BAR_EM} em: {@link #BAR_EM}
     * em preferred, less in a narrow view (down to the width of the table's widest number), more in a
     * wide one, where the rate columns share the room. Every cell of the table is as wide as the
     * others (they are alike, and their columns grow alike), so that the bars keep one scale.
     */
    private static final class RateCell extends Region {
        private final Region bar = new Region();
        private final Label value;
        private final WidestNumber widest;
        private final double share;

        RateCell(double rate, double low, double high, RaceStrategy strategy, LabFigures.Range runs, WidestNumber widest) {
            this.share = barShare(rate, low, high);
            this.widest = widest;
            bar.getStyleClass().add("rate-bar");
            bar.pseudoClassStateChanged(RACY, !strategy.isSafe());
            value = new Label(LabWords.millions(rate));
            value.getStyleClass().add("rate-value");
            value.setMinWidth(Region.USE_PREF_SIZE);
            getChildren().addAll(bar, value);
            // In the cell's unit: "0.87" over a tooltip of "870 k/s" read as two figures.
            Controls.tip(value, runs.runs() == 1 ? "One run: " + LabWords.millions(rate) + " M/s"
                    : String.format(Locale.ROOT, "The median of %d runs; the slowest %s M/s, the fastest %s M/s (%s apart)",
                            runs.runs(), LabWords.millions(runs.slowest()), LabWords.millions(runs.fastest()),
                            LabWords.times(runs.spread())));
        }

        /** The width of the table's widest number in this cell's font, with the label's insets, in px. */
        private double widestNumberWidth() {
            return widest.in(value.getFont()) + value.snappedLeftInset() + value.snappedRightInset();
        }

        @Override
        protected double computeMinWidth(double height) {
            return snappedLeftInset() + Math.ceil(widestNumberWidth()) + snappedRightInset();
        }

        @Override
        protected double computePrefWidth(double height) {
            return snappedLeftInset() + Math.ceil(Math.max(widestNumberWidth(), BAR_EM * value.getFont().getSize()))
                    + snappedRightInset();
        }

        @Override
        protected double computePrefHeight(double width) {
            return snappedTopInset() + bar.prefHeight(-1) + 1 + value.prefHeight(-1) + snappedBottomInset();
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected void layoutChildren() {
            double x = snappedLeftInset();
            double y = snappedTopInset();
            double room = getWidth() - x - snappedRightInset();
            double barHeight = bar.prefHeight(-1);
            bar.resizeRelocate(x, y, snapSizeX(share * Math.min(room, GROWN_BAR_EM * value.getFont().getSize())),
                    barHeight);
            value.resizeRelocate(x, y + barHeight + 1, Math.max(room, value.prefWidth(-1)), value.prefHeight(-1));
        }
    }

    /** Up to this ratio of the table's fastest rate to its slowest, the bars are drawn from zero; past it, on a log scale. */
    static final double LINEAR_UP_TO = 10;

    /**
     * How much of the longest bar a rate's bar takes, in a table whose rates run from {@code low} to
     * {@code high}: in proportion to the rate while they lie within {@link #LINEAR_UP_TO} of each
     * other, so that a bar twice as long is twice as fast; on a log scale past that (a fair lock at
     * 0.1 M/s beside racy at 170 M/s), the slowest at 0.08. Always on a log scale, 36.2 M/s was a
     * sliver beside 48.7 M/s at a third of the width, and a student read that locks collapse.
     */
    static double barShare(double rate, double low, double high) {
        if (high <= 0) {
            return 1;
        }
        if (!onLogScale(low, high)) {
            return rate / high;
        }
        double span = Math.log10(high) - Math.log10(low);
        return 0.08 + 0.92 * (Math.log10(rate) - Math.log10(low)) / span;
    }

    /** Whether rates from {@code low} to {@code high} are drawn on a log scale: more than {@link #LINEAR_UP_TO} apart. */
    static boolean onLogScale(double low, double high) {
        return low > 0 && high / low > LINEAR_UP_TO;
    }

    /** The widest of a table's numbers on screen, measured once per font (its cells ask at every layout). */
    private static final class WidestNumber {
        private final List<String> numbers;
        private Font font;
        private double width;

        WidestNumber(List<String> numbers) {
            this.numbers = List.copyOf(numbers);
        }

        /** In px, in {@code font}. */
        double in(Font font) {
            if (!font.equals(this.font)) {
                this.font = font;
                width = numbers.stream().mapToDouble(number -> Controls.textWidth(number, font)).max().orElse(0);
            }
            return width;
        }
    }

    // ---- false sharing ----

    private Node falseSharing(LabViewModel.Shown shown) {
        VBox body = new VBox(8);
        if (shown != null) {
            LabFigures figures = shown.figures();
            OptionalDouble packed = figures.opsPerSecond(RaceStrategy.PACKED);
            OptionalDouble padded = figures.opsPerSecond(RaceStrategy.STRIPED);
            double high = Math.max(packed.orElse(0), padded.orElse(0));
            body.getChildren().addAll(
                    // Named as the command line names them (--strategy packed, striped): "Padded" here and
                    // "striped" there could not be compared (a teacher's tryout).
                    layoutRow("packed", "Packed (--strategy packed): thread t's counter at cells[t], neighbours on one cache"
                            + " line", packed, high),
                    layoutRow("padded", "Padded (--strategy striped): thread t's counter at cells[16 + 16 × t], 128 bytes apart",
                            padded, high));
            Label verdict = new Label(LabWords.falseSharing(figures, LabWords.Reader.WINDOW));
            verdict.setId("lab-false-sharing-ratio");
            verdict.getStyleClass().add("last-action");
            verdict.setWrapText(true);
            verdict.setMinHeight(Region.USE_PREF_SIZE); // whole, never one line ending in "diffe..." (1024x700)
            body.getChildren().add(verdict);
        }
        return section("False sharing", "Each thread adds to a counter of its own, so no count is shared, and no "
                + "update can be lost. Packed side by side, the counters still share cache lines: every write by one "
                + "core takes the line away from the others." + ALONGSIDE_THE_WINDOW, body, shown);
    }

    /**
     * The timed measures' runs share the two cores with the window's drawing: the command line's
     * ran up to 3.8 times faster, with more failed compare-and-sets (a tryout compared them).
     */
    private static final String ALONGSIDE_THE_WINDOW = " Timed here beside the window's own drawing, on the same cores:"
            + " the command line (race --measure) times the same runs alone, often faster.";

    private static Node layoutRow(String id, String caption, OptionalDouble rate, double high) {
        Label name = new Label(caption);
        name.setId("lab-layout-" + id);
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE); // whole on two lines, not "neighbours on ..." (125 % in 1024x700)
        Region bar = new Region();
        bar.getStyleClass().add("rate-bar");
        double share = rate.isPresent() && high > 0 ? rate.getAsDouble() / high : 0;
        bar.setStyle(String.format(Locale.ROOT, "-fx-pref-width: %.2fem; -fx-max-width: %.2fem;", 24 * share,
                24 * share));
        Label value = new Label(rate.isPresent() ? LabWords.rate(rate.getAsDouble()) : "");
        value.setId("lab-rate-" + id);
        value.getStyleClass().add("figure-value");
        HBox line = new HBox(10, bar, value);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, name, line);
    }
}
