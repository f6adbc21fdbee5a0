package dev.interleave.ui.race;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.Preferences;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableStringValue;

import dev.interleave.engine.race.LabFigures;
import dev.interleave.engine.race.LabJson;
import dev.interleave.engine.race.LabMeasure;
import dev.interleave.engine.race.LabResult;
import dev.interleave.engine.race.LabRunner;
import dev.interleave.engine.race.LabSettings;
import dev.interleave.engine.race.LabSnapshot;
import dev.interleave.engine.race.RaceResult;
import dev.interleave.engine.race.RaceSettings;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Verdict;
import dev.interleave.engine.run.ThreadKind;
import dev.interleave.ui.kit.IntInput;
import dev.interleave.ui.kit.ModelSupport;
import dev.interleave.ui.kit.RunViewModel;
import dev.interleave.ui.kit.SavedSettings;
import dev.interleave.ui.kit.Words;

/**
 * The race lab at full speed: which measurement, with how many threads, increments and runs; the
 * progress of the measurement going on; and, per measurement, the figures of its latest run (kept
 * while another measurement runs, so the three can be compared). Pulled from the
 * {@link LabRunner} once per frame. FX thread only; holds no {@code Node}.
 */
public final class LabViewModel extends RunViewModel<LabSettings> {

    public static final IntInput THREADS = new IntInput(1, RaceSettings.MAX_THREADS, "");
    /** Increments per thread: up to the command line's 10,000,000 in all (the field stops at T x K = that). */
    public static final IntInput INCREMENTS = new IntInput(1, (int) RaceSettings.MAX_TOTAL, "");
    /** Runs per strategy or layout: the command line's range (race --repeat). */
    public static final IntInput RUNS = new IntInput(1, LabSettings.MAX_REPEAT, "");

    private final LabRunner runner;

    private final ObjectProperty<LabMeasure> measure = new SimpleObjectProperty<>(this, "measure",
            LabMeasure.LOST_UPDATES);
    private final IntegerProperty threads = new SimpleIntegerProperty(this, "threads", 4);
    private final IntegerProperty increments = new SimpleIntegerProperty(this, "increments", 250_000);
    private final IntegerProperty runs = new SimpleIntegerProperty(this, "runs", 10);
    private final ObjectProperty<ThreadKind> threadKind = new SimpleObjectProperty<>(this, "threadKind",
            ThreadKind.PLATFORM);
    private final BooleanProperty fair = new SimpleBooleanProperty(this, "fair", false);

    /** The figures of the latest run of each measurement, with the settings they ran with. */
    private final Map<LabMeasure, ReadOnlyObjectWrapper<Shown>> shown = new EnumMap<>(LabMeasure.class);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    /** The latest run's measure (going on or ended); null before the first run and after Reset. */
    private final ObjectProperty<LabMeasure> lastRunMeasure = new SimpleObjectProperty<>(this, "lastRunMeasure");
    /** See {@link #runLinesShownBinding()}. */
    private final BooleanBinding runLinesShown;
    /** Why the increments were lowered (T x K at most 10,000,000); empty when they were not. */
    private final ReadOnlyStringWrapper incrementsNote = new ReadOnlyStringWrapper(this, "incrementsNote", "");
    /** Under Runs, where the measure uses fewer of them: throughput takes at most three per point. */
    private final StringExpression runsNote = Bindings.createStringBinding(
            () -> measure.get().runsOfEach(runs.get()) < runs.get()
                    ? String.format(Locale.ROOT, "Throughput makes %d of these %d runs: each point is the median "
                    + "of at most %d, every point measured once a round.", measure.get().runsOfEach(runs.get()),
                    runs.get(), LabMeasure.THROUGHPUT_ROUNDS) : "", measure, runs);
    /** Under Increments, for throughput: the threads it runs are its own, and T x K the work they share. */
    private final StringExpression totalNote = Bindings.createStringBinding(
            () -> measure.get() == LabMeasure.THROUGHPUT
                    ? String.format(Locale.ROOT, "Throughput runs %d to %d threads of its own: Threads x Increments"
                    + " (%,d) is the work each point splits over them.", LabMeasure.THREAD_COUNTS.getFirst(),
                    LabMeasure.THREAD_COUNTS.getLast(), (long) threads.get() * increments.get()) : "",
            measure, threads, increments);
    private final SavedSettings settingsStore;
    private int legsSeen = -1;
    /** When the figures were last shown during the measurement going on ({@code nowNanos} of a sample). */
    private long figuresShownAt;

    /**
     * The figures of a measurement going on are shown again at most this often (and at once when it
     * ends): each time the view rebuilds its table, and the window's own work competes for the cores
     * with the runs it times (a throughput leg ends every few tens of milliseconds).
     */
    static final long FIGURES_EVERY_NANOS = 500_000_000L;

    /**
     * A measurement's figures as shown.
     *
     * @param settings what it ran with
     * @param figures  its finished runs
     * @param done     whether it has ended (completed, stopped or failed), and how
     */
    public record Shown(LabSettings settings, LabFigures figures, Outcome done) {
    }

    public LabViewModel(LabRunner runner) {
        this(runner, null);
    }

    /** @param saved where the settings are kept between starts; null keeps them nowhere */
    public LabViewModel(LabRunner runner, Preferences saved) {
        super(runner, "lab");
        this.runner = runner;
        runLinesShown = Bindings.createBooleanBinding(() -> runningBinding().get()
                || lastRunMeasure.get() == null || lastRunMeasure.get() == measure.get(),
                runningBinding(), lastRunMeasure, measure);
        for (LabMeasure each : LabMeasure.values()) {
            shown.put(each, new ReadOnlyObjectWrapper<>(this, "shown-" + each.label()));
        }
        ModelSupport.clamp(threads, THREADS.min(), THREADS.max());
        ModelSupport.clamp(increments, INCREMENTS.min(), INCREMENTS.max());
        ModelSupport.clamp(runs, RUNS.min(), RUNS.max());
        threads.addListener((obs, old, now) -> keepWithinTotal());
        increments.addListener((obs, old, now) -> keepWithinTotal());
        // As a field's own message: said when the increments gave way, not beside the runs after it.
        freshStartsProperty().addListener((obs, old, now) -> incrementsNote.set(""));
        for (ObjectProperty<?> choice : List.of(measure, threadKind)) {
            keepChosen(choice);
        }
        settingsStore = new SavedSettings(saved);
        settingsStore.add(measure, "measure", LabMeasure.class);
        settingsStore.add(threads, "threads");
        settingsStore.add(increments, "increments");
        settingsStore.add(runs, "runs");
        settingsStore.add(threadKind, "threadKind", ThreadKind.class);
        settingsStore.add(fair, "fair");
        settingsStore.load();
    }

    private static <T> void keepChosen(ObjectProperty<T> choice) {
        choice.addListener((obs, old, now) -> {
            if (now == null) {
                choice.set(old);
            }
        });
    }

    /** T x K stays within the command line's 10,000,000: the increments give way, and say so. */
    private void keepWithinTotal() {
        long most = RaceSettings.MAX_TOTAL / threads.get();
        if (increments.get() > most) {
            increments.set((int) most);
            incrementsNote.set(String.format(Locale.ROOT, "Lowered to %,d: threads x increments is at most %,d.",
                    most, RaceSettings.MAX_TOTAL));
        } else {
            incrementsNote.set("");
        }
    }

    /** The shown measurement's verdict: a stopped one says stopped, not done. */
    @Override
    public Optional<Verdict> shownVerdict() {
        return shownResult(runner.snapshot().result()).map(result -> Verdict.of(result.outcome(), result.ok()));
    }

    /**
     * "lost updates" when a strategy of the shown lost-updates measurement lost some (racy and
     * volatile are meant to: the lesson, though not a failure of the lab): the tab read "✓ done" over
     * a run whose racy counter lost updates in 5 of 10 runs, where Slow motion's reads "✘ lost 1
     * update". Not after throughput or false sharing, whose figures are rates: their racy runs lose
     * updates too, but the view does not show them (the tab said "✘ lost updates" over a throughput
     * chart).
     */
    @Override
    public String endedAs() {
        return shownResult(runner.snapshot().result())
                .filter(result -> result.outcome() == Outcome.COMPLETED) // a stopped one reads "stopped"
                .filter(result -> result.settings().measure() == LabMeasure.LOST_UPDATES)
                .filter(result -> result.legs().stream().anyMatch(leg -> leg.lost().stream().anyMatch(lost -> lost > 0)))
                .map(result -> "lost updates").orElse("");
    }

    /**
     * "⚠ none lost" when the shown lost-updates measurement's racy counters lost nothing
     * ({@link #endedBadge(LabResult)}).
     */
    @Override
    public String endedBadge() {
        return shownResult(runner.snapshot().result()).map(LabViewModel::endedBadge).orElse("");
    }

    /**
     * "⚠ none lost" after a lost-updates measurement of two threads or more, run to its end, in which
     * no strategy lost an update, racy and volatile included: the threads took turns, and "✓ done"
     * beside a count++ that lost nothing taught the wrong lesson in front of a class (a teacher's
     * tryout, on two cores other programs kept busy). Else empty.
     */
    static String endedBadge(LabResult result) {
        boolean raced = result.outcome() == Outcome.COMPLETED && result.settings().measure() == LabMeasure.LOST_UPDATES
                && result.settings().threads() > 1
                && result.legs().stream().anyMatch(leg -> !leg.settings().strategy().isSafe());
        boolean lostNone = result.legs().stream().allMatch(leg -> leg.lost().stream().allMatch(lost -> lost == 0));
        return raced && lostNone ? "⚠ none lost" : "";
    }

    /** The shown run's figures as JSON (File, Export run's figures as JSON), once it has ended. */
    @Override
    public Optional<String> resultJson() {
        return shownResult(runner.snapshot().result()).map(LabJson::of);
    }

    @Override
    public LabSettings settings() {
        return new LabSettings(measure.get(), threads.get(), increments.get(), runs.get(), threadKind.get(), fair.get());
    }

    @Override
    public void resetSettings() {
        restoreDefaults(settingsStore);
    }

    @Override
    protected void started(LabSettings settings) {
        lastRunMeasure.set(settings.measure());
        legsSeen = -1;
        progress.set("");
        shown.get(settings.measure()).set(new Shown(settings, new LabFigures(List.of()), null));
    }

    @Override
    protected void clearFigures() {
        lastRunMeasure.set(null);
        shown.values().forEach(each -> each.set(null));
        progress.set("");
        legsSeen = -1;
    }

    @Override
    public void sample(long nowNanos) {
        LabSnapshot now = runner.snapshot();
        sampled(now.state());
        if (now.settings() == null || !showsLatestRun()) {
            return;
        }
        LabResult result = now.result();
        boolean ended = result != null && shown.get(now.settings().measure()).get().done() == null;
        boolean due = legsSeen < 0 || nowNanos - figuresShownAt >= FIGURES_EVERY_NANOS;
        if (ended || now.legs().size() != legsSeen && due) {
            legsSeen = now.legs().size();
            figuresShownAt = nowNanos;
            shown.get(now.settings().measure()).set(new Shown(now.settings(), now.figures(),
                    result == null ? null : result.outcome()));
        }
        if (result != null) {
            // Named by its measure: with another measure chosen since, "Done: 9 of 9 strategies" stood
            // above the new one's "Not measured yet".
            List<RaceResult> whole = result.legs().stream().filter(leg -> leg.outcome() == Outcome.COMPLETED).toList();
            RaceResult part = whole.size() < result.legs().size() ? result.legs().getLast() : null;
            progress.set(String.format(Locale.ROOT, "%s, %s: %s of %s%s in %.1f s", now.settings().measure().label(),
                    switch (result.outcome()) {
                        case COMPLETED -> "done";
                        case STOPPED -> "stopped";
                        case FAILED -> "failed (" + result.failure() + ")";
                    }, String.format(Locale.ROOT, "%,d", whole.size()), legs(now.settings(), now.legsTotal()),
                    part == null ? "" : String.format(Locale.ROOT, ", and %,d of %s's %s,", part.totals().size(),
                            part.settings().strategy(), Words.count(part.settings().repeat(), "run")),
                    now.elapsedNanos() / 1e9));
        } else if (now.current() != null) {
            RaceSettings leg = now.current();
            progress.set(now.warmingUp() ? String.format(Locale.ROOT, "Warming up (not counted): %s, so the JIT has "
                    + "compiled it before it is timed, %.1f s", leg.strategy(), now.elapsedNanos() / 1e9)
                    : String.format(Locale.ROOT, "%s %,d of %,d: %s, %s x %s%s, %.1f s",
                    countsStrategies(now.settings()) ? "Strategy" : "Run", now.legs().size() + 1, now.legsTotal(),
                    leg.strategy(), Words.count(leg.threads(), "thread"), Words.count(leg.increments(), "increment"),
                    // Which of its runs: "100 times, 21.6 s" read as a run of 21.6 s.
                    leg.repeat() > 1 ? String.format(Locale.ROOT, ", run %,d of %,d",
                            Math.min(now.currentRuns() + 1, leg.repeat()), leg.repeat()) : "",
                    now.elapsedNanos() / 1e9));
        }
    }

    /**
     * {@code count} of what a measure's progress counts: strategies for lost updates (each run as many
     * times as set, so "10 runs" and "9 measurements" never stand side by side), runs for the others.
     */
    private static String legs(LabSettings settings, int count) {
        return countsStrategies(settings)
                ? Words.count(count, "strategy", "strategies") + " (" + Words.count(settings.repeat(), "run") + " each)"
                : Words.count(count, "run");
    }

    /** Whether a measure's progress counts strategies (lost updates: each runs the runs set) rather than runs. */
    private static boolean countsStrategies(LabSettings settings) {
        return settings.measure() == LabMeasure.LOST_UPDATES;
    }

    @Override
    protected String describe(LabSettings run) {
        return String.format(Locale.ROOT, "%s, %s, %s threads", run.measure(), work(run.measure(), run.threads(),
                run.increments(), run.repeat()), run.threadKind());
    }

    /**
     * The work a measure makes of threads, increments and runs. Throughput shares T x K among 1 to 64
     * threads, each point the median of at most three runs: "4 threads x 250,000 increments, 10 runs"
     * above a table of 1 to 64 threads read as the wrong run.
     */
    static String work(LabMeasure measure, int threads, long increments, int runs) {
        return measure == LabMeasure.THROUGHPUT ? sweep(threads, increments, runs, false)
                : String.format(Locale.ROOT, "%s x %s, %s", Words.count(threads, "thread"),
                        Words.count(increments, "increment"), Words.count(runs, "run"));
    }

    /**
     * The throughput measure's work, in the words the status bar, the last run's note and its figures'
     * caption share: "1,000,000 increments in all (4 threads x 250,000 as set), split over 1 to 64
     * threads; each point the median of 3 runs" ({@code upTo}: "of up to 3 runs", for one not done).
     */
    static String sweep(int threads, long increments, int runs, boolean upTo) {
        int perPoint = LabMeasure.THROUGHPUT.runsOfEach(runs);
        return String.format(Locale.ROOT, "%,d increments in all (%s x %,d as set), split over %d to %d threads; %s",
                (long) threads * increments, Words.count(threads, "thread"), increments,
                LabMeasure.THREAD_COUNTS.getFirst(), LabMeasure.THREAD_COUNTS.getLast(),
                perPoint == 1 && !upTo ? "each point one run"
                        : "each point the median of " + (upTo ? "up to " : "") + Words.count(perPoint, "run"));
    }

    @Override
    public String statusSentence() {
        return switch (runState()) {
            case IDLE -> String.format(Locale.ROOT, "Full speed: %s, %s. Space runs it.", measure.get(),
                    work(measure.get(), threads.get(), increments.get(), runs.get()));
            case RUNNING -> progress.get();
            case PAUSED -> "Paused: every thread of the run going on is parked; Space resumes.";
            case STOPPING -> "Stopping the run going on";
        };
    }

    // ---- properties ----

    public ObjectProperty<LabMeasure> measureProperty() {
        return measure;
    }

    public IntegerProperty threadsProperty() {
        return threads;
    }

    public IntegerProperty incrementsProperty() {
        return increments;
    }

    public IntegerProperty runsProperty() {
        return runs;
    }

    public ObjectProperty<ThreadKind> threadKindProperty() {
        return threadKind;
    }

    public BooleanProperty fairProperty() {
        return fair;
    }

    /** The latest figures of {@code which}, or null before it first ran (and after Reset). */
    public ReadOnlyObjectProperty<Shown> shownProperty(LabMeasure which) {
        return shown.get(which).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /**
     * Whether the progress line and the "Last run's figures" note speak of the measure chosen: while a
     * run goes on, before any, and while its measure is the one chosen. Not once another is chosen
     * after a run: they read "false-sharing, done: 20 of 20 runs" and "The settings have changed
     * since" above the lost updates' "Not measured yet" (a tryout); each measure's figures say what
     * they were measured with.
     */
    public BooleanBinding runLinesShownBinding() {
        return runLinesShown;
    }

    /**
     * Whether {@code measure}'s figures on show were measured with other settings than those set now,
     * where the note over the view does not say so: it speaks of the last run's measure alone, and a
     * measure gone back to showed its figures of 8 x 250,000 under settings of 8 x 300,000 with
     * nothing but its grey "Measured with" line to tell (a teacher's tryout).
     */
    public BooleanBinding changedSinceBinding(LabMeasure measure) {
        ReadOnlyObjectWrapper<Shown> figures = shown.get(measure);
        return Bindings.createBooleanBinding(() -> {
            Shown those = figures.get();
            return those != null && those.done() != null && !runLinesShown.get()
                    && measuresOtherwise(those.settings(), settings());
        }, figures, threads, increments, runs, threadKind, fair, runLinesShown);
    }

    /**
     * Whether {@code now} makes other work of {@code shown}'s measure than {@code shown} did, as that
     * measure uses the settings: throughput splits T x K over its thread counts (their product alone
     * counts) and takes at most {@link LabMeasure#THROUGHPUT_ROUNDS} runs; false sharing takes no lock.
     */
    static boolean measuresOtherwise(LabSettings shown, LabSettings now) {
        LabMeasure measure = shown.measure();
        boolean work = measure == LabMeasure.THROUGHPUT
                ? shown.threads() * shown.increments() != now.threads() * now.increments()
                : shown.threads() != now.threads() || shown.increments() != now.increments();
        return work || measure.runsOfEach(shown.repeat()) != measure.runsOfEach(now.repeat())
                || shown.threadKind() != now.threadKind()
                || measure != LabMeasure.FALSE_SHARING && shown.fair() != now.fair();
    }

    public ReadOnlyStringProperty incrementsNoteProperty() {
        return incrementsNote.getReadOnlyProperty();
    }

    /** What throughput makes of Threads and Increments; empty for the other measures. */
    public ObservableStringValue totalNote() {
        return totalNote;
    }

    /** What the chosen measure makes of Runs, where it uses fewer; empty where it uses them all. */
    public ObservableStringValue runsNote() {
        return runsNote;
    }

    /** Whether a run is going on (for the composite's routing). */
    boolean inProgress() {
        return runner.state() != RunState.IDLE;
    }
}
