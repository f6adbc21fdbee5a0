package dev.interleave.ui.calls;

import dev.interleave.ui.kit.ModelSupport;
import dev.interleave.ui.kit.RateWindow;
import dev.interleave.ui.kit.RunViewModel;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.interleave.engine.calls.CallResult;
import dev.interleave.engine.calls.CallRunner;
import dev.interleave.engine.calls.CallSettings;
import dev.interleave.engine.calls.CallSnapshot;
import dev.interleave.engine.calls.CounterKind;
import dev.interleave.engine.run.ThreadKind;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The Counter &amp; Sum view's state: settings the controls bind to, live figures pulled from the
 * {@link CallRunner} once per frame, and the throughput and in-flight plots. FX thread only; holds
 * no {@code Node}, so it is tested without a stage.
 */
public final class CallsViewModel extends RunViewModel<CallSettings> {

    public static final int MAX_CALLS = 1_000_000;
    public static final int MAX_CONCURRENCY = 100_000;
    public static final int MAX_SLEEP_MILLIS = 1_000;
    /** A plot point every this many nanoseconds: throughput is Δcalls / Δt between two of them. */
    static final long PLOT_INTERVAL_NANOS = 100_000_000L;
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
    static final String AT_THE_END = "at the end";
    /** What efficiency says for a run without sleeps: ideal / elapsed is 0 / elapsed, which measures nothing. */
    static final String NO_SLEEPS = "not defined: no sleeps";

    /** The series label of a run that matches no preset. */
    static final String CURRENT_RUN = "current run";

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

    private final BooleanBinding platformAllowed = concurrency.lessThanOrEqualTo(ThreadKind.PLATFORM_THREAD_CAP);

    private final ObservableList<XYChart.Series<Number, Number>> throughputSeries = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> inFlightSeries = FXCollections.observableArrayList();
    private final Map<String, XYChart.Series<Number, Number>> throughputByLabel = new LinkedHashMap<>();
    private final Map<String, XYChart.Series<Number, Number>> inFlightByLabel = new LinkedHashMap<>();

    /** Throughput is measured over this much run time: short enough to show change, long enough to be smooth. */
    static final long RATE_WINDOW_NANOS = 500_000_000L;

    /** The run whose snapshots are being plotted, and the samples of the last rate window. */
    private String plottedLabel;
    private long lastPlotNanos;
    private final RateWindow rate = new RateWindow(RATE_WINDOW_NANOS);
    private boolean resultShown = true;

    public CallsViewModel(CallRunner runner) {
        super(runner, "calls");
        this.runner = runner;
        // Settings can never describe an invalid run: clamp every input to its range, and platform
        // threads to their cap.
        ModelSupport.clamp(calls, 1, MAX_CALLS);
        ModelSupport.clamp(concurrency, 1, MAX_CONCURRENCY);
        ModelSupport.clamp(maxSleepMillis, 0, MAX_SLEEP_MILLIS);
        concurrency.addListener((obs, old, now) -> {
            if (threads.get() == ThreadKind.PLATFORM && now.intValue() > ThreadKind.PLATFORM_THREAD_CAP) {
                threads.set(ThreadKind.VIRTUAL);
            }
        });
        threads.addListener((obs, old, now) -> {
            if (now == null) {
                threads.set(old);
            } else if (now == ThreadKind.PLATFORM && concurrency.get() > ThreadKind.PLATFORM_THREAD_CAP) {
                concurrency.set(ThreadKind.PLATFORM_THREAD_CAP);
            }
        });
        counter.addListener((obs, old, now) -> {
            if (now == null) {
                counter.set(old);
            }
        });
        expectedSum.bind(Bindings.createLongBinding(() -> (long) calls.get() * (calls.get() + 1L) / 2, calls));
    }

    // ---- commands ----

    @Override
    protected void started(CallSettings settings) {
        plottedLabel = seriesLabel(settings);
        series(throughputSeries, throughputByLabel, plottedLabel).getData().clear();
        series(inFlightSeries, inFlightByLabel, plottedLabel).getData().clear();
        lastPlotNanos = 0;
        rate.clear();
        resultShown = false;
        finished.set(false);
        ok.set(false);
        verdict.set("");
        idealMillis.set(0);
        efficiency.set(0);
        idealText.set(IDEAL_AT_THE_END);
        efficiencyText.set(AT_THE_END);
        duplicates.set(0);
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
        throughputSeries.clear();
        inFlightSeries.clear();
        throughputByLabel.clear();
        inFlightByLabel.clear();
        for (ReadOnlyLongWrapper figure : new ReadOnlyLongWrapper[] {counterValue, sum, callsCompleted, inFlight,
                maxInFlight, elapsedMillis, idealMillis, duplicates, callsPlanned}) {
            figure.set(0);
        }
        efficiency.set(0);
        idealText.set(IDEAL_AT_THE_END);
        efficiencyText.set(AT_THE_END);
        progress.set(0);
        callsPerSecond.set(0);
        finished.set(false);
        ok.set(false);
        verdict.set("");
        resultShown = true;
    }

    // ---- sampling ----

    /**
     * Figures change at most this often: 60 redraws a second of numbers nobody can read that fast
     * cost the renderer CPU that the run's threads need (two cores here).
     */
    static final long FIGURES_INTERVAL_NANOS = 50_000_000L;
    private long lastFiguresNanos;

    @Override
    public void sample(long nowNanos) {
        CallSnapshot now = runner.snapshot();
        sampled(now.state());
        if (now.result() == null && nowNanos - lastFiguresNanos < FIGURES_INTERVAL_NANOS) {
            return;
        }
        lastFiguresNanos = nowNanos;
        if (now.settings() == null || !showsLatestRun() || resultShown && now.result() != null) {
            return;
        }
        counterValue.set(now.counterValue());
        sum.set(now.sum());
        callsCompleted.set(now.callsCompleted());
        callsPlanned.set(now.settings().calls());
        inFlight.set(now.inFlight());
        maxInFlight.set(now.maxInFlight());
        elapsedMillis.set(now.elapsedNanos() / 1_000_000);
        progress.set((double) now.callsCompleted() / now.settings().calls());
        if (nowNanos - lastPlotNanos >= PLOT_INTERVAL_NANOS || now.result() != null) {
            plot(now, nowNanos);
        }
        if (now.result() != null) {
            showResult(now.result());
        }
    }

    private void plot(CallSnapshot now, long nowNanos) {
        if (plottedLabel == null) {
            return;
        }
        double callsRate = rate.add(now.elapsedNanos(), now.callsCompleted());
        callsPerSecond.set(callsRate);
        double seconds = now.elapsedNanos() / 1e9;
        ModelSupport.addPoint(series(throughputSeries, throughputByLabel, plottedLabel), seconds, log10(callsRate), MAX_POINTS);
        ModelSupport.addPoint(series(inFlightSeries, inFlightByLabel, plottedLabel), seconds, log10(now.inFlight()),
                MAX_POINTS);
        lastPlotNanos = nowNanos;
    }

    /** Plotted on a log axis: 0 for anything below 1. */
    private static double log10(double value) {
        return value < 1 ? 0 : Math.log10(value);
    }

    private void showResult(CallResult result) {
        resultShown = true;
        finished.set(true);
        ok.set(result.ok());
        sum.set(result.total());
        callsCompleted.set(result.callsCompleted());
        elapsedMillis.set(result.elapsedMillis());
        idealMillis.set(result.idealMillis());
        efficiency.set(result.efficiency().orElse(Double.NaN));
        idealText.set(String.format(Locale.ROOT, "ideal %,d ms", result.idealMillis()));
        efficiencyText.set(result.efficiency().isPresent()
                ? String.format(Locale.ROOT, "%.1f %%", result.efficiency().getAsDouble() * 100) : NO_SLEEPS);
        duplicates.set(result.duplicates());
        maxInFlight.set(result.maxInFlight());
        inFlight.set(0);
        callsPerSecond.set(result.callsPerSecond());
        verdict.set(switch (result.outcome()) {
            case COMPLETED -> result.ok()
                    ? String.format(Locale.ROOT, "✔ %,d = n(n+1)/2", result.total())
                    : String.format(Locale.ROOT, "✘ %,d ≠ %,d: %,d values handed out twice", result.total(),
                            result.expected(), result.duplicates());
            case STOPPED -> String.format(Locale.ROOT, "Stopped after %,d calls (sum %,d)", result.callsCompleted(),
                    result.total());
            case FAILED -> "✘ Failed: " + result.failure();
        });
    }

    private static XYChart.Series<Number, Number> series(ObservableList<XYChart.Series<Number, Number>> chart,
                                                         Map<String, XYChart.Series<Number, Number>> byLabel,
                                                         String label) {
        return byLabel.computeIfAbsent(label, name -> {
            XYChart.Series<Number, Number> created = new XYChart.Series<>();
            created.setName(name);
            chart.add(created);
            return created;
        });
    }

    /** A preset's label if the settings are that preset's run, else {@link #CURRENT_RUN}. */
    static String seriesLabel(CallSettings settings) {
        for (Preset preset : Preset.values()) {
            if (settings.calls() == preset.calls && settings.concurrency() == preset.concurrency) {
                return preset.label();
            }
        }
        return CURRENT_RUN;
    }

    @Override
    public String statusSentence() {
        CallSettings settings = settings();
        return switch (runState()) {
            case IDLE -> finished.get() ? verdict.get()
                    : String.format(Locale.ROOT, "Ready: %,d calls, at most %,d in flight on %s threads",
                            settings.calls(), settings.concurrency(), settings.threads());
            case RUNNING -> String.format(Locale.ROOT, "%,d calls in flight on %s threads, %,d of %,d done",
                    inFlight.get(), runnerThreads(), callsCompleted.get(), callsPlanned.get());
            case PAUSED -> String.format(Locale.ROOT, "Paused: %,d calls in flight hold still; no counter read or add",
                    inFlight.get());
            case STOPPING -> String.format(Locale.ROOT, "Stopping: interrupting %,d calls", inFlight.get());
        };
    }

    private ThreadKind runnerThreads() {
        CallSnapshot now = runner.snapshot();
        return now.settings() == null ? threads.get() : now.settings().threads();
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

    public ReadOnlyStringProperty efficiencyTextProperty() {
        return efficiencyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** False when concurrency is above the platform-thread cap. */
    public BooleanBinding platformAllowedBinding() {
        return platformAllowed;
    }

    public ObservableList<XYChart.Series<Number, Number>> throughputSeries() {
        return throughputSeries;
    }

    public ObservableList<XYChart.Series<Number, Number>> inFlightSeries() {
        return inFlightSeries;
    }
}
