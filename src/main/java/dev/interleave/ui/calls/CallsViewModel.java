package dev.interleave.ui.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.prefs.Preferences;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import dev.interleave.engine.calls.CallHistogram;
import dev.interleave.engine.calls.CallJson;
import dev.interleave.engine.calls.CallResult;
import dev.interleave.engine.calls.CallRunner;
import dev.interleave.engine.calls.CallSettings;
import dev.interleave.engine.calls.CallSnapshot;
import dev.interleave.engine.calls.CounterKind;
import dev.interleave.engine.calls.MemoryPerThread;
import dev.interleave.engine.run.MachineCpu;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Stopwatch;
import dev.interleave.engine.run.ThreadKind;
import dev.interleave.engine.run.Verdict;
import dev.interleave.ui.kit.IntInput;
import dev.interleave.ui.kit.ModelSupport;
import dev.interleave.ui.kit.PlotData;
import dev.interleave.ui.kit.RateWindow;
import dev.interleave.ui.kit.RunViewModel;
import dev.interleave.ui.kit.SavedSettings;
import dev.interleave.ui.kit.Words;

/**
 * The Counter &amp; Sum view's state: settings the controls bind to, live figures pulled from the
 * {@link CallRunner} once per frame (running and parked, memory per thread in flight among them),
 * the throughput and in-flight plots, and the histogram of call durations against sleeps drawn. FX thread only; holds
 * no {@code Node}, so it is tested without a stage.
 */
public final class CallsViewModel extends RunViewModel<CallSettings> {

    /** The same as the command line's. */
    public static final int MAX_CALLS = CallSettings.MAX_CALLS;
    /**
     * The heap the window keeps for itself when it counts the calls in flight its heap holds: its
     * views, plots and the buffer's log. A run of 524,288 in flight (all of 1 GB at 2 KB each) ended,
     * its frames p99 88 to 144 ms and its heap at most 833 MB; a teacher's run of it beside a busy
     * machine stalled for seconds.
     */
    static final long WINDOW_HEAP_BYTES = 256L << 20;
    /** Where the Max sleep slider ends: the field takes the command line's range, see {@link #MAX_SLEEP}. */
    public static final int SLIDER_MAX_SLEEP_MILLIS = 1_000;

    /** What the Calls field accepts: the command line's range. */
    public static final IntInput CALLS = new IntInput(1, MAX_CALLS, "");
    /**
     * What the Concurrency field accepts: the command line's range, as far as this window's heap holds
     * the calls in flight beside the window itself (about 2 KB each, {@link CallSettings#virtualInFlightFor}):
     * 393,216 in the window's 1 GB (README, "JVM options", says why 1 GB).
     */
    public static final IntInput CONCURRENCY = concurrencyInput(Runtime.getRuntime().maxMemory());
    /** {@link #CONCURRENCY}'s maximum. */
    public static final int MAX_CONCURRENCY = CONCURRENCY.max();
    /** What the Max sleep field accepts: the command line's range; the slider ends sooner. */
    public static final IntInput MAX_SLEEP = IntInput.sliderTo(0, CallSettings.MAX_SLEEP_MILLIS, SLIDER_MAX_SLEEP_MILLIS,
            String.format(Locale.ROOT, "The slider ends at %,d ms, so that a run ends while you watch; type up to "
                    + "%,d in the field, as the command line (calls --max-sleep-ms) takes.", SLIDER_MAX_SLEEP_MILLIS,
                    CallSettings.MAX_SLEEP_MILLIS));
    /** A plot point every this many nanoseconds: throughput is Δcalls / Δt between two of them. */
    static final long PLOT_INTERVAL_NANOS = 100_000_000L;
    /** Points farther apart than this (s), five intervals, are left unjoined on the plots: none was taken between. */
    static final double PLOT_GAP_SECONDS = 5 * PLOT_INTERVAL_NANOS / 1e9;
    /** In a short run's first this many nanoseconds of run time, a plot point every frame. */
    static final long FINE_PLOT_NANOS = 1_000_000_000L;
    /**
     * A run is short when its sleeps, spread over its calls in flight, add up to less than this: a
     * point each frame in the 1,000,000-call run's first second put its frame interval p99 at 35 to
     * 38 ms against 26 to 33 (the packaged image, 3 interleaved runs), in the second its 100,000
     * threads start.
     */
    static final double SHORT_RUN_MILLIS = 2_000;
    /** A short run has at most this many calls: 1,000,000 calls without sleeps start 100,000 threads in a second. */
    static final int SHORT_RUN_CALLS = 10_000;
    /** The most points one series keeps. */
    static final int MAX_POINTS = 3_000;

    /** The two runs of the challenge, one click each. */
    public enum Preset {
        SMALL("1,000 calls / 100 threads", 1_000, 100),
        LARGE("1,000,000 calls / 100,000 threads", 1_000_000, 100_000);

        private final String label;
        private final int calls;
        private final int concurrency;

        Preset(String label, int calls, int concurrency) {
            this.label = label;
            this.calls = calls;
            this.concurrency = concurrency;
        }

        public String label() {
            return label;
        }
    }

    static final String IDEAL_AT_THE_END = "ideal: known at the end";
    static final String MEMORY_NONE = "–";
    static final String HISTOGRAM_NONE = "No call has completed yet.";
    static final String AT_THE_END = "at the end";
    /** The calls completed by which their code is compiled (the JIT compiles a method after thousands of calls). */
    static final long WARMING_CALLS = 10_000;
    /**
     * A past run's mark while fewer than {@link #WARMING_CALLS} calls in all had completed before it
     * since start, in the runs before it together (the JIT counts every call, not runs): its time
     * includes compiling its code (the rule is in the caption's tooltip: spelled out in
     * each row, it made every row three lines tall, and a student read it as jargon). Not "first since
     * start": a second and third run of 1,000 calls read so too, and a teacher counted them.
     */
    static final String COLD_RUN = " (its code compiled as it ran)";
    /** How a past run's mark starts where other programs kept the machine busy: see {@link #busyMark}. */
    static final String BUSY_RUN = " (other programs used ";
    /** The efficiency from which a cold run is not marked {@link #COLD_RUN}: compiling cost it too little to see. */
    static final double COLD_UNSEEN = CallResult.LOSS_UNSEEN;
    /** What efficiency says for a run without sleeps: ideal / elapsed is 0 / elapsed, which measures nothing. */
    static final String NO_SLEEPS = "not defined"; // short: its card sets a column's width (the detail says why)

    /** How the last run's banner reads: success and failure differ in glyph and words, not only colour. */
    public enum Banner {
        /** No run has ended (or Reset). */
        NONE,
        /** ✔ the total is n(n+1)/2. */
        SUCCESS,
        /** ✘ updates lost (calls got values other calls had already got), or the run failed. */
        FAILURE,
        /** The run was stopped before its end. */
        STOPPED
    }

    /**
     * One ended run, as the past-runs table lists it.
     *
     * @param number        1 for the first run since start or Reset
     * @param run           its settings, as its series is named
     * @param result        ✔ with the total, ✘ with the duplicates, or stopped / failed
     * @param elapsedMillis its elapsed time
     * @param idealMillis   the ideal makespan of the sleeps it drew
     * @param efficiency    ideal ÷ elapsed; empty for a run without sleeps
     * @param maxInFlight   the most calls in flight at once
     */
    public record PastRun(int number, String run, String result, long elapsedMillis, long idealMillis,
                          OptionalDouble efficiency, long maxInFlight) {

        /** Whether the run is marked {@link #COLD_RUN}: its code compiled as it ran. */
        public boolean cold() {
            return run.endsWith(COLD_RUN);
        }

        /** Whether the run is marked {@link #busyMark}: other programs kept the machine busy. */
        public boolean busy() {
            return run.contains(BUSY_RUN);
        }
    }

    /** The most rows the past-runs table keeps; older ones give way. */
    static final int MAX_PAST_RUNS = 50;

    /** The most series a plot keeps: the latest runs of this many kinds; older ones give way. */
    static final int MAX_SERIES = 4;

    private final CallRunner runner;

    private final IntegerProperty calls = new SimpleIntegerProperty(this, "calls", 1_000);
    private final IntegerProperty concurrency = new SimpleIntegerProperty(this, "concurrency", 100);
    private final IntegerProperty maxSleepMillis = new SimpleIntegerProperty(this, "maxSleepMillis", 1_000);
    private final ObjectProperty<ThreadKind> threads = new SimpleObjectProperty<>(this, "threads", ThreadKind.VIRTUAL);
    private final ObjectProperty<CounterKind> counter = new SimpleObjectProperty<>(this, "counter", CounterKind.ATOMIC);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", CallSettings.DEFAULT_SEED);

    private final ReadOnlyLongWrapper counterValue = new ReadOnlyLongWrapper(this, "counterValue");
    private final ReadOnlyLongWrapper sum = new ReadOnlyLongWrapper(this, "sum");
    private final ReadOnlyLongWrapper expectedSum = new ReadOnlyLongWrapper(this, "expectedSum");
    private final ReadOnlyLongWrapper callsCompleted = new ReadOnlyLongWrapper(this, "callsCompleted");
    private final ReadOnlyLongWrapper callsPlanned = new ReadOnlyLongWrapper(this, "callsPlanned");
    private final ReadOnlyLongWrapper inFlight = new ReadOnlyLongWrapper(this, "inFlight");
    private final ReadOnlyLongWrapper maxInFlight = new ReadOnlyLongWrapper(this, "maxInFlight");
    /** Calls in flight running now (see {@link CallSnapshot#running()}). */
    private final ReadOnlyLongWrapper running = new ReadOnlyLongWrapper(this, "running");
    /** Calls in flight asleep now. */
    private final ReadOnlyLongWrapper parked = new ReadOnlyLongWrapper(this, "parked");
    /** Whether the run whose figures are shown has a counter with a lock (its calls may wait at it). */
    private boolean lockedCounterShown;
    /** Its calls at the counter's lock, waiting for it, in the latest sample: neither running nor parked. */
    private long atLock;
    /** What "running" means for the shown run's threads, with the carriers or cores. */
    private final ReadOnlyStringWrapper runningMeaning = new ReadOnlyStringWrapper(this, "runningMeaning", "");
    /**
     * Why the most in flight stays under the concurrency allowed, when the threads' start rate holds
     * it there (platform threads, here), or empty: see {@link CallSnapshot#startRateCeiling()}.
     */
    private final ReadOnlyStringWrapper startRateNote = new ReadOnlyStringWrapper(this, "startRateNote", "");
    /** When {@link #startRateNote} last changed during a run: once a second, a sentence stays readable. */
    private long lastStartRateNanos;
    /** What {@link #startRateNote} says at each sample, with what it said before in this run. */
    private final StartRateNote startRateWords = new StartRateNote();
    /** The rest of in flight in words: starting (waiting for a carrier), held by Pause, or ending. */
    private final ReadOnlyStringWrapper parkedDetail = new ReadOnlyStringWrapper(this, "parkedDetail", "");
    /**
     * Under the counter, where it is past the calls completed: during a run, its values not yet
     * returned (read by calls in flight); after a stopped run, how many calls Stop cut short.
     */
    private final ReadOnlyStringWrapper counterDetail = new ReadOnlyStringWrapper(this, "counterDetail", "");
    /** Memory per in-flight thread: the figure (RSS) or why there is none. */
    private final ReadOnlyStringWrapper memoryText = new ReadOnlyStringWrapper(this, "memoryText", MEMORY_NONE);
    /** Heap per in-flight thread and the calls in flight it was measured at. */
    private final ReadOnlyStringWrapper memoryDetail = new ReadOnlyStringWrapper(this, "memoryDetail", "");
    /** The histograms' means in words: what the run added to each sleep. */
    private final ReadOnlyStringWrapper histogramNote = new ReadOnlyStringWrapper(this, "histogramNote", HISTOGRAM_NONE);
    /** Two series over the same bins: sleeps drawn, call durations measured; step outlines (x in ms, y calls). */
    private final ObservableList<XYChart.Series<Number, Number>> histogramSeries = FXCollections.observableArrayList();
    private final XYChart.Series<Number, Number> sleepsDrawn = new XYChart.Series<>("sleeps drawn",
            FXCollections.observableArrayList());
    private final XYChart.Series<Number, Number> durationsMeasured = new XYChart.Series<>(
            "calls measured (start to return)", FXCollections.observableArrayList());
    /** The same histograms for export: a point per bin, x its start in seconds, y its calls. */
    private final ObservableList<XYChart.Series<Number, Number>> histogramBins = FXCollections.observableArrayList(
            new XYChart.Series<>(sleepsDrawn.getName(), FXCollections.observableArrayList()),
            new XYChart.Series<>(durationsMeasured.getName(), FXCollections.observableArrayList()));
    private final ReadOnlyLongWrapper elapsedMillis = new ReadOnlyLongWrapper(this, "elapsedMillis");
    private final ReadOnlyLongWrapper idealMillis = new ReadOnlyLongWrapper(this, "idealMillis");
    private final ReadOnlyDoubleWrapper efficiency = new ReadOnlyDoubleWrapper(this, "efficiency");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyDoubleWrapper callsPerSecond = new ReadOnlyDoubleWrapper(this, "callsPerSecond");
    private final ReadOnlyLongWrapper duplicates = new ReadOnlyLongWrapper(this, "duplicates");
    /** Set when a run has ended: whether its total matched. */
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final ReadOnlyBooleanWrapper ok = new ReadOnlyBooleanWrapper(this, "ok");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    /** The ideal makespan in words: known only at the end of a run. */
    private final ReadOnlyStringWrapper idealText = new ReadOnlyStringWrapper(this, "idealText", IDEAL_AT_THE_END);
    /** Efficiency in words: a percentage at the end, or why there is none. */
    private final ReadOnlyStringWrapper efficiencyText = new ReadOnlyStringWrapper(this, "efficiencyText", AT_THE_END);
    private final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>(this, "banner", Banner.NONE);
    /**
     * Beside the shown run's efficiency when other programs kept the machine busy while it went
     * ({@link CallResult#machineWasBusy}), else empty: the card read 11.9 % with nothing by it saying
     * why, and a learner took virtual threads to be slow (only the past runs' row said so).
     */
    private final ReadOnlyStringWrapper efficiencyBusy = new ReadOnlyStringWrapper(this, "efficiencyBusy", "");
    /** See {@link #efficiencyDetailBinding()}. */
    private final StringBinding efficiencyDetail = Bindings.createStringBinding(
            () -> (efficiencyText.get().equals(NO_SLEEPS) ? "no sleeps, no ideal"
                    : banner.get() == Banner.STOPPED ? "over the calls run before Stop" : "ideal ÷ elapsed")
                    + efficiencyBusy.get(), efficiencyText, banner, efficiencyBusy);
    /** Why the thread kind or concurrency was just changed for the other; empty when neither was. */
    private final ReadOnlyStringWrapper threadsNote = new ReadOnlyStringWrapper(this, "threadsNote", "");

    /** The most calls in flight the settings allow: platform threads are capped by these, not by concurrency alone. */
    private final IntegerBinding mostInFlight = Bindings.createIntegerBinding(
            () -> Math.min(calls.get(), concurrency.get()), calls, concurrency);
    private final BooleanBinding platformAllowed = mostInFlight.lessThanOrEqualTo(ThreadKind.PLATFORM_THREAD_CAP);
    /**
     * What the line under the thread kind says: the note of the latest switch, else why platform
     * threads are greyed out (a disabled button shows no tooltip: the 1,000,000-call preset greyed
     * them out without a word).
     */
    private final StringBinding threadsMessage = Bindings.createStringBinding(() -> !threadsNote.get().isEmpty()
            ? threadsNote.get() : platformAllowed.get() ? ""
            : String.format(Locale.ROOT, "Platform greyed out: %,d in flight is above the cap of %,d platform threads."
                    + " Lower calls or concurrency to %,d or fewer to use them.", mostInFlight.get(),
                    ThreadKind.PLATFORM_THREAD_CAP, ThreadKind.PLATFORM_THREAD_CAP),
            threadsNote, platformAllowed, mostInFlight);

    /** Ended runs, newest first. */
    private final ObservableList<PastRun> pastRuns = FXCollections.observableArrayList();
    private final ObservableList<PastRun> pastRunsReadOnly = FXCollections.unmodifiableObservableList(pastRuns);
    private int runsEnded;
    /**
     * Calls completed since start, in every run together (Reset does not undo them: the code stays
     * compiled). Six runs of 1,000 calls were each marked as compiling, where a run of 10,000 once
     * marked none after it.
     */
    private long callsSinceStart;
    private final ObservableList<XYChart.Series<Number, Number>> throughputSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> inFlightSeries = FXCollections.observableArrayList();
    /** The series the run being plotted draws into: one pair per run (null before the first). */
    private XYChart.Series<Number, Number> throughputNow;
    private XYChart.Series<Number, Number> inFlightNow;

    /** Throughput is measured over this much run time: short enough to show change, long enough to be smooth. */
    static final long RATE_WINDOW_NANOS = 500_000_000L;

    /** The run whose snapshots are being plotted, and the samples of the last rate window. */
    private String plottedLabel;
    private long lastPlotNanos;
    /** The run time of the in-flight plot's latest point, and the calls' time in flight by then ({@link #meanInFlight}). */
    private long inFlightPlottedAtNanos;
    private long inFlightNanosPlotted;
    /** Whether the run is short: a plot point each frame in its first second. */
    private boolean finePlot;
    private final RateWindow rate = new RateWindow(RATE_WINDOW_NANOS, false);
    private boolean resultShown = true;
    /** The result of the run whose figures are shown; null before one ends, and after Run or Reset. */
    private CallResult lastResult;
    private final SavedSettings settingsStore;

    /** A view-model whose settings are not kept between starts. */
    public CallsViewModel(CallRunner runner) {
        this(runner, null);
    }

    /**
     * @param saved where the settings are kept between starts ({@link SavedSettings#node}); null
     *              keeps them nowhere
     */
    public CallsViewModel(CallRunner runner, Preferences saved) {
        super(runner, "calls");
        this.runner = runner;
        // Settings can never describe an invalid run: clamp every input to its range, and platform
        // threads to their cap.
        ModelSupport.clamp(calls, 1, MAX_CALLS);
        ModelSupport.clamp(concurrency, 1, MAX_CONCURRENCY);
        ModelSupport.clamp(maxSleepMillis, 0, CallSettings.MAX_SLEEP_MILLIS);
        // Each change of one for the other is said in threadsNote (the last change's reason wins:
        // a nested change clears the note first, the outer one then sets it).
        // Calls or concurrency: either may raise the calls in flight.
        mostInFlight.addListener((obs, old, now) -> {
            if (threads.get() == ThreadKind.PLATFORM && now.intValue() > ThreadKind.PLATFORM_THREAD_CAP) {
                threads.set(ThreadKind.VIRTUAL);
                threadsNote.set(String.format(Locale.ROOT, "Switched to virtual threads: %,d in flight is above the "
                        + "cap of %,d platform threads.", now.intValue(), ThreadKind.PLATFORM_THREAD_CAP));
            } else {
                threadsNote.set("");
            }
        });
        threads.addListener((obs, old, now) -> {
            if (now == null) {
                threads.set(old);
            } else if (now == ThreadKind.PLATFORM && mostInFlight.get() > ThreadKind.PLATFORM_THREAD_CAP) {
                int before = concurrency.get();
                concurrency.set(ThreadKind.PLATFORM_THREAD_CAP);
                threadsNote.set(String.format(Locale.ROOT, "Concurrency lowered from %,d to %,d: platform threads "
                        + "are capped at %,d per run.", before, ThreadKind.PLATFORM_THREAD_CAP,
                        ThreadKind.PLATFORM_THREAD_CAP));
            } else {
                threadsNote.set("");
            }
        });
        counter.addListener((obs, old, now) -> {
            if (now == null) {
                counter.set(old);
            }
        });
        // The figures are the shown run's: its n(n+1)/2, not the settings' (changed since, maybe).
        expectedSum.bind(Bindings.createLongBinding(() -> shownRunProperty().get() != null
                ? shownRunProperty().get().expectedTotal() : (long) calls.get() * (calls.get() + 1L) / 2,
                calls, shownRunProperty()));
        callsPlanned.bind(Bindings.createLongBinding(() -> shownRunProperty().get() != null
                ? (long) shownRunProperty().get().calls() : (long) calls.get(), calls, shownRunProperty()));
        histogramSeries.addAll(List.of(sleepsDrawn, durationsMeasured));
        settingsStore = new SavedSettings(saved);
        settingsStore.add(calls, "calls");
        settingsStore.add(concurrency, "concurrency");
        settingsStore.add(maxSleepMillis, "maxSleepMillis");
        settingsStore.add(threads, "threads", ThreadKind.class);
        settingsStore.add(counter, "counter", CounterKind.class);
        settingsStore.add(seed, "seed");
        settingsStore.load();
        threadsNote.set("");
    }

    /** Every setting back to its default (1,000 calls, 100 in flight, ...); refused during a run. */
    @Override
    public void resetSettings() {
        if (restoreDefaults(settingsStore)) {
            threadsNote.set("");
        }
    }

    @Override
    public List<PlotData> plots() {
        return List.of(new PlotData("throughput", "calls per second", true, throughputSeries),
                new PlotData("in-flight", "calls in flight (mean since the point before)", true, inFlightSeries),
                new PlotData("durations", "calls in the bin starting at seconds (the last: from there on)", false,
                        histogramBins));
    }

    @Override
    public Optional<Verdict> shownVerdict() {
        return runState() == RunState.IDLE && lastResult != null
                ? Optional.of(Verdict.of(lastResult.outcome(), lastResult.ok())) : Optional.empty();
    }

    @Override
    public Optional<String> resultJson() {
        return runState() == RunState.IDLE && lastResult != null ? Optional.of(CallJson.of(lastResult)) : Optional.empty();
    }

    /** The window records no calls' events; the command line samples a run's counts as a trace. */
    @Override
    public String noTrace() {
        return "Counter & Sum records no trace in the window (a million calls are no event log); the command line"
                + " samples one: interleave calls ... --trace FILE (in flight, running, parked, at the lock, completed).";
    }

    // ---- commands ----

    @Override
    protected void started(CallSettings settings) {
        plottedLabel = seriesLabel(settings);
        finePlot = settings.calls() <= SHORT_RUN_CALLS
                && (double) settings.calls() * settings.maxSleepMillis() / 2 / settings.concurrency() < SHORT_RUN_MILLIS;
        // Each run its own curves, named by its row in the past runs: "run it twice" shows both runs,
        // the first (compiling its code) beside the second (a teacher saw the second replace the first).
        String name = "#" + (runsEnded + 1) + " " + plottedLabel;
        throughputNow = newSeries(throughputSeries, name);
        inFlightNow = newSeries(inFlightSeries, name);
        lastPlotNanos = 0;
        inFlightPlottedAtNanos = 0;
        inFlightNanosPlotted = 0;
        lastStartRateNanos = 0;
        startRateWords.newRun();
        rate.clear();
        resultShown = false;
        lastResult = null;
        finished.set(false);
        ok.set(false);
        verdict.set("");
        banner.set(Banner.NONE);
        idealMillis.set(0);
        efficiency.set(0);
        idealText.set(IDEAL_AT_THE_END);
        efficiencyText.set(AT_THE_END);
        efficiencyBusy.set("");
        duplicates.set(0);
        clearInstrumentation();
    }

    /** Running, parked, memory and the histograms back to "nothing yet". */
    private void clearInstrumentation() {
        running.set(0);
        parked.set(0);
        atLock = 0;
        runningMeaning.set("");
        parkedDetail.set("");
        startRateNote.set("");
        counterDetail.set("");
        memoryText.set(MEMORY_NONE);
        memoryDetail.set("");
        histogramNote.set(HISTOGRAM_NONE);
        sleepsDrawn.getData().clear();
        durationsMeasured.getData().clear();
        histogramBins.forEach(series -> series.getData().clear());
    }

    /** The settings a run would use now. */
    @Override
    public CallSettings settings() {
        return new CallSettings(calls.get(), concurrency.get(), threads.get(), maxSleepMillis.get(), seed.get(),
                counter.get());
    }

    public void applyPreset(Preset preset) {
        if (runningBinding().get()) {
            return;
        }
        threads.set(ThreadKind.VIRTUAL);
        calls.set(preset.calls);
        concurrency.set(preset.concurrency);
        maxSleepMillis.set(CallSettings.DEFAULT_MAX_SLEEP_MILLIS);
    }

    @Override
    protected void clearFigures() {
        pastRuns.clear();
        runsEnded = 0;
        throughputSeries.clear();
        inFlightSeries.clear();
        for (ReadOnlyLongWrapper figure : new ReadOnlyLongWrapper[] {counterValue, sum, callsCompleted, inFlight,
                maxInFlight, elapsedMillis, idealMillis, duplicates}) {
            figure.set(0);
        }
        efficiency.set(0);
        idealText.set(IDEAL_AT_THE_END);
        efficiencyText.set(AT_THE_END);
        efficiencyBusy.set("");
        progress.set(0);
        callsPerSecond.set(0);
        finished.set(false);
        ok.set(false);
        verdict.set("");
        banner.set(Banner.NONE);
        resultShown = true;
        lastResult = null;
        clearInstrumentation();
    }

    // ---- sampling ----

    /**
     * Figures change at most this often: 60 redraws a second of numbers nobody can read that fast
     * cost the renderer CPU that the run's threads need (two cores here). Ten a second rather than
     * twenty: in the 1,000,000-call run the FX thread's CPU per frame went from a median of 0.8 ms
     * to 0.5, and the run's efficiency in the window from a median of 0.35 to 0.38 (4 interleaved
     * rounds; the text layouts of the changed numbers, and their compiling, were most of the
     * window's own work).
     */
    static final long FIGURES_INTERVAL_NANOS = 100_000_000L;
    private long lastFiguresNanos;

    @Override
    public void sample(long nowNanos) {
        CallSnapshot now = runner.snapshot();
        sampled(now.state());
        boolean figuresDue = now.result() != null || nowNanos - lastFiguresNanos >= FIGURES_INTERVAL_NANOS;
        // A short run's plots take a point each frame in its first second, then every PLOT_INTERVAL:
        // 1,000 calls without sleeps end in under 0.1 s, and drew as one 4 px dash.
        boolean plotDue = now.result() != null || nowNanos - lastPlotNanos
                >= (finePlot && now.elapsedNanos() < FINE_PLOT_NANOS ? 0 : PLOT_INTERVAL_NANOS);
        if (!figuresDue && !plotDue) {
            return;
        }
        if (now.settings() == null || !showsLatestRun() || resultShown && now.result() != null) {
            return;
        }
        if (!figuresDue) {
            plot(now, nowNanos);
            return;
        }
        lastFiguresNanos = nowNanos;
        counterValue.set(now.counterValue());
        sum.set(now.sum());
        callsCompleted.set(now.callsCompleted());
        inFlight.set(now.inFlight());
        maxInFlight.set(now.maxInFlight());
        if (now.result() == null) {
            // Why the counter runs ahead of the calls completed: a call reads it before its sleep (a
            // safe counter's only). A racy one that has fallen behind them has lost at least the
            // difference (every completed call added one), which its card showed no word of. Short:
            // it wraps within its card at 1024x700.
            long readNotReturned = now.counterValue() - now.callsCompleted();
            counterDetail.set(now.settings().counter().isSafe()
                    ? readNotReturned > 0 ? String.format(Locale.ROOT, "%,d not yet returned", readNotReturned) : ""
                    : readNotReturned < 0 ? "at least " + Words.count(-readNotReturned, "update") + " lost"
                    : "");
        }
        showInstrumentation(now);
        if (now.result() == null && nowNanos - lastStartRateNanos >= 1_000_000_000L) {
            // Whether the note shows is decided once a second (near its threshold it came and went)...
            lastStartRateNanos = nowNanos;
            startRateNote.set(startRateWords.next(now.startRateCeiling(), now.settings(), now.maxInFlight()));
        } else if (now.result() == null && !startRateNote.get().isEmpty()) {
            // ... but once shown, its figures are the frame's: "At most 482 of 4,000 allowed in flight"
            // stood under an In flight card reading "max 520".
            startRateNote.set(startRateWords.refreshed(now.startRateCeiling(), now.settings(), now.maxInFlight()));
        }
        elapsedMillis.set(Stopwatch.nearestMillis(now.elapsedNanos())); // as the result says it
        progress.set((double) now.callsCompleted() / now.settings().calls());
        if (plotDue) {
            plot(now, nowNanos);
        }
        if (plottedLabel != null) {
            callsPerSecond.set(rate.latest());
            showHistogram(now.histogram());
        }
        if (now.result() != null) {
            showResult(now.result());
        }
    }

    /** Running, parked and memory from {@code now}. */
    private void showInstrumentation(CallSnapshot now) {
        running.set(now.running());
        parked.set(now.parked());
        atLock = now.atLock();
        runningMeaning.set(runningMeaning(now.settings().threads(), now.carrierThreads(), now.running()));
        lockedCounterShown = now.settings().counter().hasLock();
        parkedDetail.set(parkedWords(now.settings().threads(), now.state() == RunState.PAUSED, lockedCounterShown,
                now.atLock(), now.otherInFlight()));
        showMemory(now.memory(), false, now.settings().maxSleepMillis());
    }

    /**
     * What parked means on {@code threads}, the calls at the counter's lock where it has one, and
     * the {@code other} in flight, neither running, parked nor at the lock.
     */
    static String parkedWords(ThreadKind threads, boolean paused, boolean locked, long atLock, long other) {
        boolean virtual = threads == ThreadKind.VIRTUAL;
        // As long as the others, so that Pause does not add a line to the card and move what is under
        // it ("held by Pause, or waiting to start" did, 15 px at 1024x700; a thread started but not yet at its
        // first check is held there as it comes).
        String others = paused ? "held by Pause"
                : virtual ? "waiting for a carrier or ending" : "starting or ending";
        // A counter with a lock: its waiters are neither running nor asleep (3,325 were shown running
        // on 2 carriers). Said even at 0, so that synchronized against atomic shows where calls wait.
        String waiting = locked ? String.format(Locale.ROOT, "%n%,d waiting at the counter's lock", atLock) : "";
        return String.format(Locale.ROOT, "%s%s%n%,d more in flight %s", virtual
                ? "asleep: unmounted, its stack on the heap" : "asleep: blocked in the kernel, its stack kept", waiting,
                other, others);
    }

    /**
     * The Concurrency field's range in a window of {@code maxHeapBytes}: the command line's whole range
     * where the heap holds it, and otherwise as much as it holds, saying why it stops short.
     */
    static IntInput concurrencyInput(long maxHeapBytes) {
        int max = CallSettings.virtualInFlightFor(maxHeapBytes - WINDOW_HEAP_BYTES);
        return new IntInput(1, max, max == CallSettings.MAX_CONCURRENCY ? "" : String.format(Locale.ROOT,
                "As many as the window's heap holds beside the window; the command line (calls --concurrency) "
                        + "takes up to %,d.", CallSettings.MAX_CONCURRENCY));
    }

    /**
     * What "running" means on {@code threads}, {@code running} of them now: on virtual threads,
     * mounted on one of the carriers; on platform threads, runnable, the cores shared among them.
     * With none running, says so ("Running 0, runnable: the OS shares 2 cores among them" had no
     * "them", a learner's tryout).
     */
    static String runningMeaning(ThreadKind threads, int carriers, long running) {
        if (threads == ThreadKind.VIRTUAL) {
            return running == 0 ? String.format(Locale.ROOT, "none mounted now on the %s", Words.count(carriers,
                    "carrier thread"))
                    : String.format(Locale.ROOT, "mounted on one of %s", Words.count(carriers, "carrier thread"));
        }
        String cores = Words.count(Runtime.getRuntime().availableProcessors(), "core");
        return running == 0 ? String.format(Locale.ROOT, "none runnable now (the OS shares %s among the runnable)", cores)
                : String.format(Locale.ROOT, "runnable: the OS shares %s among them", cores);
    }

    /**
     * The Memory per thread card's figure and line for {@code memory}, of a run whose calls sleep up
     * to {@code maxSleepMillis}; {@code ended}: the run's last.
     */
    void showMemory(MemoryPerThread memory, boolean ended, int maxSleepMillis) {
        if (!memory.measured()) {
            memoryText.set(MEMORY_NONE);
            // Without sleeps a call ends as it starts: a learner who kept step 1's Max sleep 0 for the
            // guide's memory step read "needs 500 in flight" with nothing saying why so few were.
            String noSleeps = maxSleepMillis == 0 ? ": with Max sleep 0 a call ends as soon as it starts" : "";
            if (memory.inFlight() > 0) {
                // The sample's, not the run's most (the In flight card's "max 100" stood beside "had 99").
                memoryDetail.set(String.format(Locale.ROOT, "needs %,d in flight to measure (its fullest sample,"
                        + " one every %d ms, had %,d)%s", MemoryPerThread.MIN_IN_FLIGHT,
                        MemoryPerThread.INTERVAL_MILLIS, memory.inFlight(), noSleeps));
            } else if (ended) {
                // The sampler keeps a sample only when it finds calls asleep: a run too short for its
                // first look, or with no sleeps, has none.
                memoryDetail.set(String.format(Locale.ROOT, "no sample (every %d ms) found a call asleep%s",
                        MemoryPerThread.INTERVAL_MILLIS, noSleeps));
            } else {
                memoryDetail.set("sampled while the calls run");
            }
            return;
        }
        if (memory.rssKnown() && memory.rssReused()) {
            // A later run in the same window reuses the memory an earlier one made resident: its RSS
            // hardly grows (100,000 virtual threads read 1 byte each), so no RSS figure. Nor a heap
            // figure as the headline: collections during the run free the earlier runs' garbage too,
            // and the heap's growth read 260 B a thread where the command line measured 4.7 KB (a
            // teaching assistant's tryout, "garbage included" beside it). Its growth is told below.
            String why = "RSS not measurable now: this run reused the memory an earlier run made resident (a fresh "
                    + "start measures it, as the command line does)";
            memoryText.set("not measurable now");
            memoryDetail.set(memory.heapBytesPerThread().isPresent()
                    ? String.format(Locale.ROOT, "%s. The heap in use grew %s a call in flight, %,d of them, but"
                            + " collections meanwhile freed earlier runs' garbage too: it can be far too low",
                            why, bytes(memory.heapBytesPerThread().getAsLong()), memory.inFlight())
                    : why);
            return;
        }
        memoryText.set(memory.rssBytesPerThread().isPresent() ? "≈ " + memory.rssWords(CallsViewModel::bytes)
                : memory.rssWords(CallsViewModel::bytes));
        memoryDetail.set(String.format(Locale.ROOT, "RSS growth since Run ÷ %,d in flight (an upper bound that"
                        + " varies run to run); heap in use: %s",
                memory.inFlight(), memory.heapBytesPerThread().isPresent()
                        ? "+" + bytes(memory.heapBytesPerThread().getAsLong()) + " each, garbage included (it can grow more than RSS, into pages already resident before Run)"
                        : memory.heapWords(CallsViewModel::bytes)));
    }

    /** Bytes in B, KB or MB (powers of 1,000), three figures at most. */
    static String bytes(long bytes) {
        if (bytes < 1_000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, bytes < 10_000 ? "%.1f KB" : "%.0f KB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, bytes < 10_000_000 ? "%.1f MB" : "%.0f MB", bytes / 1e6);
    }

    /** The two histograms as step outlines over the same bins; the last bin holds everything from its start on. */
    private void showHistogram(CallHistogram counted) {
        CallHistogram histogram = counted.merged(CallJson.HISTOGRAM_BINS);
        double width = histogram.binMicros() / 1e3;
        int bins = histogram.bins();
        List<XYChart.Data<Number, Number>> drawn = new ArrayList<>(2 * bins + 2);
        List<XYChart.Data<Number, Number>> took = new ArrayList<>(2 * bins + 2);
        List<XYChart.Data<Number, Number>> drawnBins = new ArrayList<>(bins);
        List<XYChart.Data<Number, Number>> tookBins = new ArrayList<>(bins);
        for (int bin = 0; bin < bins; bin++) {
            step(drawn, bin * width, width, histogram.sleeps(bin));
            step(took, bin * width, width, histogram.durations(bin));
            drawnBins.add(new XYChart.Data<>(bin * width / 1e3, histogram.sleeps(bin)));
            tookBins.add(new XYChart.Data<>(bin * width / 1e3, histogram.durations(bin)));
        }
        histogramBins.get(0).getData().setAll(drawnBins);
        histogramBins.get(1).getData().setAll(tookBins);
        drawn.add(new XYChart.Data<>(bins * width, 0));
        took.add(new XYChart.Data<>(bins * width, 0));
        sleepsDrawn.getData().setAll(drawn);
        durationsMeasured.getData().setAll(took);
        long calls = histogram.calls();
        histogramNote.set(calls == 0 ? HISTOGRAM_NONE : String.format(Locale.ROOT,
                "%s: mean sleep %,.1f ms, mean call %,.1f ms (%+,.1f ms each: starting, waiting for a %s%s, waking)."
                        + " Bins of %s ms; the last, from %,.0f ms on.",
                Words.count(calls, "call"), histogram.meanSleepMillis(), histogram.meanDurationMillis(),
                histogram.meanDurationMillis() - histogram.meanSleepMillis(),
                shownThreads() == ThreadKind.VIRTUAL ? "carrier" : "core",
                lockedCounterShown ? " and at the counter's lock" : "",
                width == Math.rint(width) ? String.format(Locale.ROOT, "%,.0f", width)
                        : String.format(Locale.ROOT, "%.2f", width), (bins - 1) * width));
    }

    private static void step(List<XYChart.Data<Number, Number>> points, double from, double width, long count) {
        points.add(new XYChart.Data<>(from, count));
        points.add(new XYChart.Data<>(from + width, count));
    }

    private ThreadKind shownThreads() {
        CallSettings shown = shownRunProperty().get();
        return shown != null ? shown.threads() : threads.get();
    }

    private void plot(CallSnapshot now, long nowNanos) {
        if (plottedLabel == null) {
            return;
        }
        double callsRate = rate.add(now.elapsedNanos(), now.callsCompleted());
        double seconds = now.elapsedNanos() / 1e9;
        ModelSupport.addLogPoint(throughputNow, seconds, callsRate, MAX_POINTS);
        ModelSupport.addLogPoint(inFlightNow, seconds, meanInFlight(now), MAX_POINTS);
        lastPlotNanos = nowNanos;
    }

    /**
     * The mean in flight since the plot's point before (the run's start for the first): the calls'
     * time in flight over the run time between them, as throughput is Δcalls / Δt. In flight read
     * at each point swung between 0 and the concurrency faster than frames come: 1,000 calls
     * without sleeps (100 in flight at most, 75 on average) drew a flat line at 0, and the run's last
     * point, taken when every call had ended, was always 0. With no run time between the two (a
     * paused run), in flight now, which Pause holds still.
     */
    private double meanInFlight(CallSnapshot now) {
        long runNanos = now.elapsedNanos() - inFlightPlottedAtNanos;
        double mean = runNanos <= 0 ? now.inFlight()
                : (double) (now.inFlightNanos() - inFlightNanosPlotted) / runNanos;
        if (runNanos > 0) {
            inFlightPlottedAtNanos = now.elapsedNanos();
            inFlightNanosPlotted = now.inFlightNanos();
        }
        // The run's clock and the sum are read a moment apart: held within 0 and the most in flight.
        return Math.clamp(mean, 0, Math.max(now.maxInFlight(), now.inFlight()));
    }

    /**
     * A past run's mark where other programs used much of the cores while it went ({@link
     * CallResult#machineWasBusy}): its time counts the wait for a core (a learner read 11.9 % on a
     * busy machine and took virtual threads to be slow). Empty otherwise, or where it is not known.
     */
    static String busyMark(CallResult result) {
        return result.machineWasBusy() ? BUSY_RUN + MachineCpu.shareWords(result.othersCpu().getAsDouble()) + ")" : "";
    }

    void showResult(CallResult result) {
        resultShown = true;
        lastResult = result;
        lockedCounterShown = result.settings().counter().hasLock();
        finished.set(true);
        ok.set(result.ok());
        sum.set(result.total());
        callsCompleted.set(result.callsCompleted());
        elapsedMillis.set(result.elapsedMillis());
        idealMillis.set(result.idealMillis());
        efficiency.set(result.efficiency().orElse(Double.NaN));
        // As the past runs' table has it: a run without sleeps has no ideal (the card read "ideal 0 ms"
        // beside the table's "–").
        idealText.set(result.efficiency().isPresent() ? String.format(Locale.ROOT, "ideal %,d ms", result.idealMillis())
                : "ideal: none (no sleeps)");
        efficiencyText.set(result.efficiency().isPresent()
                ? String.format(Locale.ROOT, "%.1f %%", result.efficiency().getAsDouble() * 100) : NO_SLEEPS);
        efficiencyBusy.set(result.machineWasBusy() && result.efficiency().isPresent()
                ? "; lower while other programs used " + MachineCpu.shareWords(result.othersCpu().getAsDouble()) : "");
        duplicates.set(result.duplicates());
        // A safe counter's lead is calls cut short; a racy one behind the calls completed lost at
        // least the difference, as the card said while it ran (a stopped racy run's card fell silent),
        // and its calls cut short are said too (the banner's two figures differ by them).
        // Run to its end, a racy counter short of the calls lost exactly that many updates (each call
        // added one): the card's "at least 127 updates lost" went as the run ended, when it mattered.
        boolean stopped = result.outcome() == Outcome.STOPPED;
        long behind = result.callsCompleted() - result.counterValue();
        boolean safe = result.settings().counter().isSafe();
        counterDetail.set(stopped ? stoppedCounterDetail(safe, behind, result.callsCutShort())
                : result.outcome() == Outcome.COMPLETED ? completedCounterDetail(safe, behind) : "");
        // Stopped after updates were lost: the race is shown already, and the banner says so (it said
        // only "Stopped after 3,310,951 calls", the 3,299,153 repeats in the JSON alone).
        boolean stoppedLosing = stopped && result.duplicates() > 0;
        maxInFlight.set(result.maxInFlight());
        startRateNote.set(startRateWords.next(result.startRateCeiling(), result.settings(), result.maxInFlight()));
        inFlight.set(0);
        running.set(0);
        runningMeaning.set(runningMeaning(result.settings().threads(), CallRunner.carrierThreads(), 0));
        parked.set(0);
        atLock = 0;
        // Its lines kept, their counts at 0: gone at the end, the card's row shrank and the plots
        // under it moved up (13 px at 1024x700).
        parkedDetail.set(parkedWords(result.settings().threads(), false, lockedCounterShown, 0, 0));
        showMemory(result.memory(), true, result.settings().maxSleepMillis());
        showHistogram(result.histogram());
        callsPerSecond.set(result.callsPerSecond());
        banner.set(switch (result.outcome()) {
            case COMPLETED -> result.ok() ? Banner.SUCCESS : Banner.FAILURE;
            case STOPPED -> stoppedLosing ? Banner.FAILURE : Banner.STOPPED;
            case FAILED -> Banner.FAILURE;
        });
        verdict.set(switch (result.outcome()) {
            case COMPLETED -> result.ok()
                    ? String.format(Locale.ROOT, "✔ %,d = n(n+1)/2", result.total())
                    : String.format(Locale.ROOT, "✘ %,d ≠ %,d: %s", result.total(), result.expected(),
                            lostUpdates(result.duplicates(), result.callsCompleted() - counterValue.get()));
            case STOPPED -> stoppedLosing
                    ? String.format(Locale.ROOT, "✘ Stopped after %s, updates lost already: %s",
                            Words.count(result.callsCompleted(), "call"), stoppedShort(result.duplicates(),
                                    result.callsCompleted() - counterValue.get(), result.callsCutShort()))
                    : String.format(Locale.ROOT, "Stopped after %s (sum %,d)",
                            Words.count(result.callsCompleted(), "call"), result.total());
            case FAILED -> "✘ Failed: " + result.failure();
        });
        String outcome = switch (result.outcome()) {
            case COMPLETED -> result.ok() ? String.format(Locale.ROOT, "✔ %,d", result.total())
                    : "✘ " + Words.count(result.duplicates(), "duplicate");
            case STOPPED -> String.format(Locale.ROOT, "stopped after %s%s", Words.count(result.callsCompleted(), "call"),
                    stoppedLosing ? ", ✘ " + Words.count(result.duplicates(), "duplicate") : "");
            case FAILED -> "✘ failed";
        };
        // A run with no large run before it compiles its code as it goes: a synchronized run first took
        // 17.9 s, then lock 6.7 s and synchronized again 5.9 s, and read as the slowest counter (a
        // tryout). A run of a few calls compiles little: the next is still cold. Said only where it
        // may explain the time: a run within COLD_UNSEEN of its ideal lost nothing to it worth a
        // mark, and every row of the 1,000-call preset read "(its code compiled as it ran)" (a tryout).
        boolean showsCompiling = result.lossMayShow();
        boolean warm = callsSinceStart >= WARMING_CALLS;
        String run = (plottedLabel == null ? "" : plottedLabel) + busyMark(result)
                + (warm || !showsCompiling ? "" : COLD_RUN);
        callsSinceStart += result.callsCompleted();
        pastRuns.addFirst(new PastRun(++runsEnded, run, outcome,
                result.elapsedMillis(), result.idealMillis(), result.efficiency(), result.maxInFlight()));
        if (pastRuns.size() > MAX_PAST_RUNS) {
            pastRuns.removeLast();
        }
    }

    /** A new series named {@code name} at the end of {@code chart}, the oldest giving way beyond {@link #MAX_SERIES}. */
    private static XYChart.Series<Number, Number> newSeries(ObservableList<XYChart.Series<Number, Number>> chart,
                                                            String name) {
        if (chart.size() >= MAX_SERIES) {
            chart.removeFirst();
        }
        XYChart.Series<Number, Number> created = new XYChart.Series<>();
        created.setName(name);
        chart.add(created);
        return created;
    }

    /**
     * A series' name says which run it is: a preset's label for that preset's run, else the calls
     * and the concurrency; then whatever differs from the presets' other settings (thread kind,
     * max sleep, seed) and the counter, always. Each run's series is this with its number before it
     * ("#2 1,000 calls / 100 threads, atomic counter"), as its row in the past runs.
     */
    static String seriesLabel(CallSettings settings) {
        String base = String.format(Locale.ROOT, "%s / %,d in flight", Words.count(settings.calls(), "call"),
                settings.concurrency());
        for (Preset preset : Preset.values()) {
            if (settings.calls() == preset.calls && settings.concurrency() == preset.concurrency) {
                base = preset.label();
            }
        }
        StringBuilder label = new StringBuilder(base);
        if (settings.threads() != ThreadKind.VIRTUAL) {
            label.append(", ").append(settings.threads()).append(" threads");
        }
        if (settings.maxSleepMillis() != CallSettings.DEFAULT_MAX_SLEEP_MILLIS) {
            label.append(settings.maxSleepMillis() == 0 ? ", no sleeps"
                    : String.format(Locale.ROOT, ", sleeps ≤ %,d ms", settings.maxSleepMillis()));
        }
        // The counter always: it is what a class compares, and beside "..., racy counter" a run
        // named without one was not read as atomic's.
        label.append(", ").append(settings.counter().label()).append(" counter");
        if (settings.seed() != CallSettings.DEFAULT_SEED) {
            label.append(", seed ").append(settings.seed());
        }
        return label.toString();
    }

    @Override
    protected String describe(CallSettings run) {
        return String.format(Locale.ROOT, "%s, at most %,d in flight, %s threads, %s, %s counter, seed %d",
                Words.count(run.calls(), "call"), run.concurrency(), run.threads(),
                run.maxSleepMillis() == 0 ? "no sleeps" : "sleeps up to " + Words.count(run.maxSleepMillis(), "ms", "ms"),
                run.counter().label(), run.seed());
    }

    @Override
    public String statusSentence() {
        CallSettings settings = settings();
        return switch (runState()) {
            // The verdict of the run shown until the settings change: then what Run will do, as the
            // other tabs say ("✔ 500,000,500,000 = n(n+1)/2" stood beside 1,000 calls set for the next run).
            case IDLE -> finished.get() && !settingsChangedProperty().get() ? verdict.get()
                    : String.format(Locale.ROOT, "Ready: %s, at most %,d in flight on %s threads",
                            Words.count(settings.calls(), "call"), settings.concurrency(), settings.threads());
            case RUNNING -> String.format(Locale.ROOT, "%s in flight on %s threads (%,d running, %,d parked%s), %,d of %,d"
                    + " done", Words.count(inFlight.get(), "call"), runnerThreads(), running.get(), parked.get(),
                    lockedCounterShown ? String.format(Locale.ROOT, ", %,d at the lock", atLock) : "",
                    callsCompleted.get(), callsPlanned.get());
            // Step and Auto-step are greyed out here, and a greyed button shows no tooltip: the line says why.
            case PAUSED -> String.format(Locale.ROOT, "Paused: %s in flight hold%s still; no counter read or add"
                    + " (no Step here: Pause holds every thread at once; Space resumes)",
                    Words.count(inFlight.get(), "call"), inFlight.get() == 1 ? "s" : "");
            // With no call left in flight, the threads still end (100,000 of them take a second or
            // more): "interrupting 0 calls" stood for seconds.
            case STOPPING -> inFlight.get() > 0
                    ? String.format(Locale.ROOT, "Stopping: interrupting %s", Words.count(inFlight.get(), "call"))
                    : "Stopping: no call in flight; waiting for the run's threads to end";
        };
    }

    private ThreadKind runnerThreads() {
        CallSnapshot now = runner.snapshot();
        return now.settings() == null ? threads.get() : now.settings().threads();
    }

    /**
     * A racy run's two figures, each named for what it counts: {@code repeats} calls got a value an
     * earlier call had got (CallResult#duplicates), and the counter ends {@code short_} short of the
     * calls. It can end further short than the repeats: a stale write moves it back below values
     * already handed out, which no later call got again (9,154 and 9,156 side by side, unexplained,
     * read as an error).
     */
    static String lostUpdates(long repeats, long callsShort) {
        String figures = String.format(Locale.ROOT, "%s got a value another call had already got; the counter"
                + " ends %,d short of the calls", Words.count(repeats, "call"), callsShort);
        if (callsShort <= repeats) {
            return figures;
        }
        return figures + String.format(Locale.ROOT, " (%,d more: a stale write moved it back below %s already"
                + " handed out)", callsShort - repeats, callsShort - repeats == 1 ? "a value" : "values");
    }

    /**
     * About the longest verdict a run of {@code settings} can end with, as it completes (the racy
     * counter's, with the stale writes' clause): the view holds its place this high while the run goes, so
     * that the verdict coming does not push the figures down under a class's eyes.
     */
    static String longestVerdict(CallSettings settings) {
        long calls = settings.calls();
        long expected = calls * (calls + 1) / 2;
        return settings.counter() == CounterKind.RACY
                ? String.format(Locale.ROOT, "✘ %,d ≠ %,d: %s", expected, expected, lostUpdates(calls, calls + 10))
                : String.format(Locale.ROOT, "✔ %,d = n(n+1)/2", expected);
    }

    /**
     * About the longest verdict a run of {@code settings} can end with once Stop has come: as it
     * completes ({@link #longestVerdict}) or as it is stopped, which can be longer. Held from Stop
     * on: a stopped racy run's verdict took a line more than the place held, and the cards moved
     * down as it came (1280x800); held from Run, its six lines stood empty over every racy run at 150 %.
     */
    static String longestStoppedVerdict(CallSettings settings) {
        long calls = settings.calls();
        long expected = calls * (calls + 1) / 2;
        String completes = longestVerdict(settings);
        String stopped = settings.counter() == CounterKind.RACY
                ? String.format(Locale.ROOT, "✘ Stopped after %s, updates lost already: %s", Words.count(calls - 1, "call"),
                        stoppedShort(calls - 1, calls - 2, calls - 1))
                : String.format(Locale.ROOT, "Stopped after %s (sum %,d)", Words.count(calls - 1, "call"), expected);
        return stopped.length() > completes.length() ? stopped : completes;
    }

    /**
     * A stopped racy run's loss: its repeats, how far the counter ends short of the calls completed
     * ({@code callsShort}), and why the two differ where they do. The {@code cutShort} calls Stop
     * cut short had read the counter, moving it on, and never completed: the counter ends that much
     * less short, or above the calls completed however many updates were lost ("450,632 calls got a
     * value another call had already got; the counter ends 450,584 short" stood unexplained). A stale
     * write moves it back the other way ({@link #lostUpdates}).
     */
    static String stoppedShort(long repeats, long callsShort, long cutShort) {
        String cut = Words.count(cutShort, "call") + " Stop cut short had read it, moving it on, and never completed";
        if (callsShort <= 0) {
            String figures = Words.count(repeats, "call") + " got a value another call had already got";
            return cutShort > 0 ? figures + String.format(Locale.ROOT, "; the counter ends %s the calls completed: %s",
                    callsShort == 0 ? "level with" : String.format(Locale.ROOT, "%,d above", -callsShort), cut) : figures;
        }
        if (callsShort >= repeats || cutShort == 0) {
            return lostUpdates(repeats, callsShort);
        }
        // Where the cut short are more than the difference, some of their updates were lost as others'
        // were (the racy counter's): "1 fewer: 99,009 calls Stop cut short ... moving it on" read as nonsense,
        // and "(70 fewer: 100 calls Stop cut short had read it too and never completed, and some of their
        // updates stand)" beside 170 repeats and 100 short as a puzzle (a learner's tryout): the figure the
        // counter is short of, and how many of the cut short moved it on for good, are said.
        long fewer = repeats - callsShort;
        return String.format(Locale.ROOT, "%s got a value another call had already got; the counter ends %,d short of"
                + " the calls completed, not %,d: %s", Words.count(repeats, "call"), callsShort, repeats,
                fewer >= cutShort ? "the " + cut : String.format(Locale.ROOT, "%,d of the %s Stop cut short after they"
                        + " had read it moved it on for good (the others' updates were lost too)", fewer,
                        Words.count(cutShort, "call")));
    }

    /**
     * Under the counter of a run run to its end, {@code behind} the calls completed: a racy counter
     * lost exactly that many updates (each call added one). Empty for a safe one, which is never behind.
     */
    static String completedCounterDetail(boolean safe, long behind) {
        return !safe && behind > 0 ? Words.count(behind, "update") + " lost" : "";
    }

    /**
     * Under a stopped run's counter: how many calls Stop cut short after they had read it (why a safe
     * counter ends above the calls completed), and a racy counter that ends below them, how many
     * updates it lost at least. Empty for a run that was not stopped.
     */
    static String stoppedCounterDetail(boolean safe, long callsShort, long cutShort) {
        List<String> lines = new ArrayList<>(2);
        if (!safe && callsShort > 0) {
            lines.add("at least " + Words.count(callsShort, "update") + " lost");
        }
        if (cutShort > 0) {
            lines.add(String.format(Locale.ROOT, "%,d cut short", cutShort)); // short: the card sets a column's width
        }
        return String.join("\n", lines);
    }

    // ---- properties ----

    public IntegerProperty callsProperty() {
        return calls;
    }

    public IntegerProperty concurrencyProperty() {
        return concurrency;
    }

    public IntegerProperty maxSleepMillisProperty() {
        return maxSleepMillis;
    }

    public ObjectProperty<ThreadKind> threadsProperty() {
        return threads;
    }

    public ObjectProperty<CounterKind> counterProperty() {
        return counter;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public ReadOnlyLongProperty counterValueProperty() {
        return counterValue.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty sumProperty() {
        return sum.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty expectedSumProperty() {
        return expectedSum.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty callsCompletedProperty() {
        return callsCompleted.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty inFlightProperty() {
        return inFlight.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty maxInFlightProperty() {
        return maxInFlight.getReadOnlyProperty();
    }

    /** Calls in flight running now: see {@link #runningMeaningProperty()}. */
    public ReadOnlyLongProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Calls in flight asleep now. */
    public ReadOnlyLongProperty parkedProperty() {
        return parked.getReadOnlyProperty();
    }

    /** Why the most in flight stays under the concurrency allowed, when the start rate holds it there; or empty. */
    public ReadOnlyStringProperty startRateNoteProperty() {
        return startRateNote.getReadOnlyProperty();
    }

    /** What running means for the shown run's threads ("mounted on one of 2 carrier threads"). */
    public ReadOnlyStringProperty runningMeaningProperty() {
        return runningMeaning.getReadOnlyProperty();
    }

    /** How many calls Stop cut short after they had read the counter (a safe counter's), or empty. */
    public ReadOnlyStringProperty counterDetailProperty() {
        return counterDetail.getReadOnlyProperty();
    }

    /** What parked means, and how many in flight are neither running nor parked. */
    public ReadOnlyStringProperty parkedDetailProperty() {
        return parkedDetail.getReadOnlyProperty();
    }

    /** Memory per in-flight thread (RSS), or a dash. */
    public ReadOnlyStringProperty memoryTextProperty() {
        return memoryText.getReadOnlyProperty();
    }

    /** Heap per in-flight thread and the calls in flight it was measured at, or why there is no figure. */
    public ReadOnlyStringProperty memoryDetailProperty() {
        return memoryDetail.getReadOnlyProperty();
    }

    /** The histograms' means and bins in words. */
    public ReadOnlyStringProperty histogramNoteProperty() {
        return histogramNote.getReadOnlyProperty();
    }

    /** Sleeps drawn and call durations measured, as two step outlines over the same bins (x: ms, y: calls). */
    public ObservableList<XYChart.Series<Number, Number>> histogramSeries() {
        return histogramSeries;
    }

    public ReadOnlyLongProperty elapsedMillisProperty() {
        return elapsedMillis.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty idealMillisProperty() {
        return idealMillis.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty efficiencyProperty() {
        return efficiency.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty callsPerSecondProperty() {
        return callsPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty duplicatesProperty() {
        return duplicates.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty okProperty() {
        return ok.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty idealTextProperty() {
        return idealText.getReadOnlyProperty();
    }

    /**
     * What the efficiency is of, under it: "ideal ÷ elapsed"; a stopped run's is over the calls that
     * ran before Stop (its ideal counts only them: a large "99.8 %" on a run stopped at 465 calls of
     * 1,000 read as a fine run; "93.9 % of the calls that ran before Stop" read as a share of the
     * calls, a student's tryout); without sleeps there is none.
     */
    public StringBinding efficiencyDetailBinding() {
        return efficiencyDetail;
    }

    public ReadOnlyStringProperty efficiencyTextProperty() {
        return efficiencyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** How the banner reads: success, failure, stopped, or none. */
    public ReadOnlyObjectProperty<Banner> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** The calls the figures count to: the shown run's, or the settings' before any run. */
    public ReadOnlyLongProperty callsPlannedProperty() {
        return callsPlanned.getReadOnlyProperty();
    }

    /** Why the thread kind or concurrency was just changed to suit the other; empty when neither was. */
    public ReadOnlyStringProperty threadsNoteProperty() {
        return threadsNote.getReadOnlyProperty();
    }

    /** The line under the thread kind: the latest switch's note, else why platform threads are greyed out. */
    public StringBinding threadsMessageBinding() {
        return threadsMessage;
    }

    /** False when concurrency is above the platform-thread cap. */
    public BooleanBinding platformAllowedBinding() {
        return platformAllowed;
    }

    /** Ended runs since start or Reset, newest first. */
    public ObservableList<PastRun> pastRuns() {
        return pastRunsReadOnly;
    }

    public ObservableList<XYChart.Series<Number, Number>> throughputSeries() {
        return throughputSeries;
    }

    public ObservableList<XYChart.Series<Number, Number>> inFlightSeries() {
        return inFlightSeries;
    }
}
