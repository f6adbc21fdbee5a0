package dev.interleave.ui.buffer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.prefs.Preferences;
import java.util.regex.Pattern;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import dev.interleave.engine.buffer.BufferCode;
import dev.interleave.engine.buffer.BufferEvent;
import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.BufferJson;
import dev.interleave.engine.buffer.BufferNarration;
import dev.interleave.engine.buffer.BufferOutcome;
import dev.interleave.engine.buffer.BufferReplay;
import dev.interleave.engine.buffer.BufferResult;
import dev.interleave.engine.buffer.BufferRunSnapshot;
import dev.interleave.engine.buffer.BufferRunner;
import dev.interleave.engine.buffer.BufferSettings;
import dev.interleave.engine.buffer.BufferSnapshot;
import dev.interleave.engine.buffer.BufferTrace;
import dev.interleave.engine.buffer.Bug;
import dev.interleave.engine.buffer.Slots;
import dev.interleave.engine.buffer.WakePolicy;
import dev.interleave.engine.buffer.Worker;
import dev.interleave.engine.buffer.WorkerState;
import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.History;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Stopwatch;
import dev.interleave.engine.run.ThreadKind;
import dev.interleave.engine.run.Verdict;
import dev.interleave.ui.kit.GuideApplied;
import dev.interleave.ui.kit.IntInput;
import dev.interleave.ui.kit.ModelSupport;
import dev.interleave.ui.kit.PlotClock;
import dev.interleave.ui.kit.PlotData;
import dev.interleave.ui.kit.RateWindow;
import dev.interleave.ui.kit.Rewind;
import dev.interleave.ui.kit.RunViewModel;
import dev.interleave.ui.kit.SavedSettings;
import dev.interleave.ui.kit.Words;

/**
 * The Bounded Buffer view's state: settings, the slots, every producer's and consumer's state, the
 * two wait sets in order, counters, the last action, and plots of occupancy and items per second.
 * Pulled from the {@link BufferRunner} once per frame. FX thread only; holds no {@code Node}.
 */
public final class BufferViewModel extends RunViewModel<BufferSettings> {

    /** The same as the command line's. */
    public static final int MAX_CAPACITY = BufferSettings.MAX_CAPACITY;
    /**
     * The most slots drawn as tiles, each with its item and index, and where the buffer size slider
     * ends; a larger buffer is drawn as a strip of cells (see {@link #CAPACITY}).
     */
    public static final int TILED_CAPACITY = 64;
    /** The buffer's size at first start and after "Reset to defaults". */
    static final int DEFAULT_CAPACITY = 8;
    /** Where the producers and consumers sliders end: see {@link #WORKERS}. */
    public static final int SLIDER_MAX_WORKERS = 16;
    /** Where the delay sliders end: the fields take the command line's whole range, {@link DelayRange#MAX_MILLIS}. */
    public static final int SLIDER_MAX_DELAY_MILLIS = 2_000;

    /** What the buffer size field accepts: the command line's range; the slider ends at the tiles' end. */
    public static final IntInput CAPACITY = IntInput.sliderTo(1, MAX_CAPACITY, TILED_CAPACITY,
            String.format(Locale.ROOT, "The slider ends at %,d, the most slots drawn as tiles with their items; "
                    + "type up to %,d in the field, as the command line (buffer --capacity) takes. More slots are "
                    + "drawn as a strip of cells, coloured where they hold items.", TILED_CAPACITY, MAX_CAPACITY));
    /**
     * What the producers and consumers fields accept: the command line's range. The sliders end where a
     * class still follows every chip; past it the window draws every thread all the same, more slowly
     * (a free run of 100 and 100: frame interval median 30 ms, p99 163 ms, at 1280x800).
     */
    public static final IntInput WORKERS = IntInput.sliderTo(1, BufferSettings.MAX_WORKERS, SLIDER_MAX_WORKERS,
            String.format(Locale.ROOT, "The slider ends at %,d, as many as a class follows by eye; type up to %,d "
                    + "in the field, as the command line (buffer --producers, --consumers) takes. The window draws "
                    + "every thread, in rows that scroll.", SLIDER_MAX_WORKERS, BufferSettings.MAX_WORKERS));
    /** Why the delay sliders end before the fields' range does. */
    public static final String DELAY_NOTE = String.format(Locale.ROOT, "The slider ends at %,d ms, slow enough to "
            + "follow by eye; type up to %,d in the fields, as the command line (--produce-ms, --consume-ms) "
            + "takes.", SLIDER_MAX_DELAY_MILLIS, DelayRange.MAX_MILLIS);
    /** What the delay fields accept: the command line's range; the sliders end sooner. */
    public static final IntInput DELAY = IntInput.sliderTo(0, DelayRange.MAX_MILLIS, SLIDER_MAX_DELAY_MILLIS, DELAY_NOTE);
    /** What the spurious wake-up field accepts: a percentage of waits. */
    public static final IntInput SPURIOUS = new IntInput(0, 100, "");
    static final long PLOT_INTERVAL_NANOS = 100_000_000L;
    static final int MAX_POINTS = 600;

    private final BufferRunner runner;

    private final IntegerProperty capacity = new SimpleIntegerProperty(this, "capacity", DEFAULT_CAPACITY);
    private final IntegerProperty producers = new SimpleIntegerProperty(this, "producers", 3);
    private final IntegerProperty consumers = new SimpleIntegerProperty(this, "consumers", 3);
    private final IntegerProperty produceMinMillis = new SimpleIntegerProperty(this, "produceMinMillis", 100);
    private final IntegerProperty produceMaxMillis = new SimpleIntegerProperty(this, "produceMaxMillis", 700);
    private final IntegerProperty consumeMinMillis = new SimpleIntegerProperty(this, "consumeMinMillis", 100);
    private final IntegerProperty consumeMaxMillis = new SimpleIntegerProperty(this, "consumeMaxMillis", 700);
    private final ObjectProperty<WakePolicy> policy = new SimpleObjectProperty<>(this, "policy", WakePolicy.SIGNAL);
    private final BooleanProperty fair = new SimpleBooleanProperty(this, "fair", false);
    private final ObjectProperty<ThreadKind> threads = new SimpleObjectProperty<>(this, "threads", ThreadKind.PLATFORM);
    private final ObjectProperty<BufferImpl> impl = new SimpleObjectProperty<>(this, "impl", BufferImpl.LOCK);
    /** The planted bug; always one that goes with {@link #impl} (a change of impl drops one that does not). */
    private final ObjectProperty<Bug> bug = new SimpleObjectProperty<>(this, "bug", Bug.NONE);
    /** The lab's spurious wake-up rate, in percent of waits. */
    private final IntegerProperty spuriousPercent = new SimpleIntegerProperty(this, "spuriousPercent", 0);

    /** put and take of the implementation shown (the shown run's, else the settings'), bug included. */
    private final ReadOnlyObjectWrapper<BufferCode.Method> putCode = new ReadOnlyObjectWrapper<>(this, "putCode");
    private final ReadOnlyObjectWrapper<BufferCode.Method> takeCode = new ReadOnlyObjectWrapper<>(this, "takeCode");
    /** Whether the wait sets shown are one for both sides (BufferSettings#oneWaitSet; see captionWaitSets). */
    private final ReadOnlyBooleanWrapper oneWaitSetShown = new ReadOnlyBooleanWrapper(this, "oneWaitSetShown");
    /** Whether the wait sets shown are abq's, inside it and not visible (see captionWaitSets). */
    private final ReadOnlyBooleanWrapper waitSetsHidden = new ReadOnlyBooleanWrapper(this, "waitSetsHidden");
    private final ReadOnlyObjectWrapper<BufferImpl> shownImpl = new ReadOnlyObjectWrapper<>(this, "shownImpl",
            BufferImpl.LOCK);
    /**
     * Whether the code shown is the shown run's (its workers' chips sit at its lines), rather than the
     * code chosen for the next run: before any run, and once a run has ended and another
     * implementation, bug or wake-up is chosen (unless rewound into the run).
     */
    private final ReadOnlyBooleanWrapper codeOfShownRun = new ReadOnlyBooleanWrapper(this, "codeOfShownRun", false);
    /** The implementation, bug and wake-up of the code shown (see showCode). */
    private final ReadOnlyObjectWrapper<BufferImpl> codeImpl = new ReadOnlyObjectWrapper<>(this, "codeImpl",
            BufferImpl.LOCK);
    private final ReadOnlyObjectWrapper<Bug> codeBug = new ReadOnlyObjectWrapper<>(this, "codeBug", Bug.NONE);
    private final ReadOnlyObjectWrapper<WakePolicy> codeWake = new ReadOnlyObjectWrapper<>(this, "codeWake",
            WakePolicy.SIGNAL);
    /** Whether the code and figures shown are abq's, whose slots and wait sets are not visible. */
    private final BooleanBinding abqShown = shownImpl.isEqualTo(BufferImpl.ABQ);
    /** The guidance for the chosen implementation and bug. */
    private final ReadOnlyObjectWrapper<LabGuide> guide = new ReadOnlyObjectWrapper<>(this, "guide");
    /** How the shown run ended as the lab says it; null while it runs, before any run, after Reset. */
    private final ReadOnlyObjectWrapper<BufferOutcome> labOutcome = new ReadOnlyObjectWrapper<>(this, "labOutcome");
    /** The lab's finding, its headline: "Stalled at 12 ms (and still 0.5 s later)", "Violated: " and the invariant. */
    private final ReadOnlyStringWrapper outcomeText = new ReadOnlyStringWrapper(this, "outcomeText", "");
    /** The finding's detail, under its headline: who waits where (stalled), or the action (violated); or "". */
    private final ReadOnlyStringWrapper outcomeDetail = new ReadOnlyStringWrapper(this, "outcomeDetail", "");
    /** What the producers' wait set is in the code beside it ({@link #waitSetCaption}, {@link #captionWaitSets}). */
    private final ReadOnlyStringWrapper notFullCaption = new ReadOnlyStringWrapper(this, "notFullCaption",
            waitSetCaption(BufferImpl.LOCK, Bug.NONE, true));
    /** What the consumers' wait set is in the code beside it. */
    private final ReadOnlyStringWrapper notEmptyCaption = new ReadOnlyStringWrapper(this, "notEmptyCaption",
            waitSetCaption(BufferImpl.LOCK, Bug.NONE, false));
    /** The position that shows what went wrong ({@link #moment(BufferHistory, BufferOutcome, long)}), or -1. */
    private final ReadOnlyLongWrapper moment = new ReadOnlyLongWrapper(this, "moment", -1);
    /** The event the stall's story starts at (the last put or take), or -1 when there is none to show. */
    private final ReadOnlyLongWrapper stallCause = new ReadOnlyLongWrapper(this, "stallCause", -1);
    private final ReadOnlyLongWrapper futileProducers = new ReadOnlyLongWrapper(this, "futileProducers");
    private final ReadOnlyLongWrapper futileConsumers = new ReadOnlyLongWrapper(this, "futileConsumers");
    private final ReadOnlyLongWrapper spuriousWakeups = new ReadOnlyLongWrapper(this, "spuriousWakeups");
    /** What the run has been asked to change and has not yet: workers to leave, a shrink waiting for room. */
    private final ReadOnlyStringWrapper pending = new ReadOnlyStringWrapper(this, "pending", "");
    /** Whether producers, consumers or slots were changed during the run (before: nothing is pending). */
    private boolean liveChanged;
    /** Whether the last sample showed a rewound position (its narration is the past's). FX thread. */
    private boolean showedPast;
    /** Whether the step told now was taken from a rewound view, which came back to now to show it. FX thread. */
    private boolean steppedFromPast;
    /**
     * Why the latest chip chosen at the gate could not act (a rewound view's chip of a thread that
     * is not at the gate now), shown as the step text until a step is taken, the view is rewound
     * again or the run's state changes; else empty.
     */
    private String refusal = "";
    /** The steps taken when {@link #refusal} was said: a step since ends it. */
    private long refusedAtSteps;
    /** The run's state when {@link #refusal} was said: another state ends it. */
    private RunState refusedWhile = RunState.IDLE;
    /** The view's position when {@link #refusal} was said, -1 for now: moving the view ends it. */
    private long refusedAtPosition;
    /** Why a live change was not applied to the running run (it applies to the next). */
    private final ReadOnlyStringWrapper liveRefusal = new ReadOnlyStringWrapper(this, "liveRefusal", "");
    /** What the guide's Apply set ("Set: 3 producers, ..."), until a setting changes again; "" before. */
    private final GuideApplied guideApplied;
    /** See {@link #guideNoteBinding()}. */
    private final StringBinding guideNote;
    /** See {@link #plotsNoteProperty()}. */
    private final ReadOnlyStringWrapper plotsNote = new ReadOnlyStringWrapper(this, "plotsNote", "");
    /** See {@link #timelineNoteProperty()}. */
    private final ReadOnlyStringWrapper timelineNote = new ReadOnlyStringWrapper(this, "timelineNote", "");
    /** Where the plots' samples fall in time: places a rewound moment on their x axis. */
    private final PlotClock plotClock = new PlotClock();
    /** The moment a rewound view shows, in the plots' seconds; NaN at present. */
    private final ReadOnlyDoubleWrapper rewoundSeconds = new ReadOnlyDoubleWrapper(this, "rewoundSeconds", Double.NaN);
    /**
     * The log's clock just after the frame's snapshot, which the plots' clock pairs with the run's
     * seconds then: read when the frame came to plot, after a slow first frame's work, it placed a
     * stall at 35 ms, and every moment before it, at 0 s (a lecturer's tryout).
     */
    private long snapshotNanos;
    /** See {@link #stallSecondsProperty()}. */
    private final ReadOnlyDoubleWrapper stallSeconds = new ReadOnlyDoubleWrapper(this, "stallSeconds", Double.NaN);

    /** The item in each slot, 0 where empty: replaced, never changed in place ({@link Slots} from a snapshot). */
    private final ReadOnlyObjectWrapper<List<Long>> slots = new ReadOnlyObjectWrapper<>(this, "slots",
            Slots.empty(DEFAULT_CAPACITY));
    private final BooleanBinding tiled = Bindings.createBooleanBinding(
            () -> slots.get().size() <= TILED_CAPACITY, slots);
    private final ReadOnlyIntegerWrapper putIndex = new ReadOnlyIntegerWrapper(this, "putIndex");
    private final ReadOnlyIntegerWrapper takeIndex = new ReadOnlyIntegerWrapper(this, "takeIndex");
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private final ObservableList<BufferSnapshot.WorkerView> workers = FXCollections.observableArrayList();
    /** The workers asked to leave that have not finished yet (fewer set during the run). */
    private final ObservableList<String> leaving = FXCollections.observableArrayList();
    /** The workers of the shown run asked to leave that have finished: they left. */
    private final ObservableList<String> left = FXCollections.observableArrayList();
    private final ObservableList<String> notFullWaiters = FXCollections.observableArrayList();
    private final ObservableList<String> notEmptyWaiters = FXCollections.observableArrayList();
    private final ObservableList<String> atGate = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper produced = new ReadOnlyLongWrapper(this, "produced");
    private final ReadOnlyLongWrapper consumed = new ReadOnlyLongWrapper(this, "consumed");
    /**
     * Items consumed per second of the run so far, pauses left out; once it has ended, the command
     * line's itemsPerSecond (a stalled run's until the stall, {@link #rateUntilStall}).
     */
    private final ReadOnlyLongWrapper runItemsPerSecond = new ReadOnlyLongWrapper(this, "runItemsPerSecond");
    /** Whether the shown run stalled and its rate is counted until the stall ({@link BufferResult#ratedUntilStall}). */
    private final ReadOnlyBooleanWrapper rateUntilStall = new ReadOnlyBooleanWrapper(this, "rateUntilStall");
    /**
     * Whether the run's items so far were all taken by steps (while paused), or it has only been
     * stepped and consumed none: either way it has no rate.
     */
    private final ReadOnlyBooleanWrapper onlyStepped = new ReadOnlyBooleanWrapper(this, "onlyStepped");
    private final ReadOnlyLongWrapper waitsOnFull = new ReadOnlyLongWrapper(this, "waitsOnFull");
    private final ReadOnlyLongWrapper waitsOnEmpty = new ReadOnlyLongWrapper(this, "waitsOnEmpty");
    private final ReadOnlyLongWrapper actions = new ReadOnlyLongWrapper(this, "actions");
    private final ReadOnlyStringWrapper lastAction = new ReadOnlyStringWrapper(this, "lastAction", "");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    /** The occupancy plot's top: the shown run's buffer size, or the setting before any run. */
    private final ReadOnlyIntegerWrapper plotCapacity = new ReadOnlyIntegerWrapper(this, "plotCapacity");


    // Read-only views, made once: an unmodifiable wrapper listens to its list weakly, so a wrapper
    // made per call would be collected and take its listeners with it.
    private final ObservableList<BufferSnapshot.WorkerView> workersReadOnly =
            FXCollections.unmodifiableObservableList(workers);
    private final ObservableList<String> leavingReadOnly = FXCollections.unmodifiableObservableList(leaving);
    private final ObservableList<String> leftReadOnly = FXCollections.unmodifiableObservableList(left);
    private final ObservableList<String> notFullWaitersReadOnly =
            FXCollections.unmodifiableObservableList(notFullWaiters);
    private final ObservableList<String> notEmptyWaitersReadOnly =
            FXCollections.unmodifiableObservableList(notEmptyWaiters);
    private final ObservableList<String> atGateReadOnly = FXCollections.unmodifiableObservableList(atGate);

    private final XYChart.Series<Number, Number> occupancy = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> itemsPerSecond = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> futileProducerSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> futileConsumerSeries = new XYChart.Series<>();
    /** Items per second are measured over this much run time (items come a few per second when watched). */
    static final long RATE_WINDOW_NANOS = 1_000_000_000L;
    private long lastPlotNanos;
    private final RateWindow rate = new RateWindow(RATE_WINDOW_NANOS);
    private long stepsSeen;
    /** Steps taken in the shown run, as last seen: stepsSeen, for the view. */
    private final ReadOnlyLongWrapper stepsTaken = new ReadOnlyLongWrapper(this, "stepsTaken");
    /** Events recorded when the previous sample was taken, and when the latest step began. */
    private long lastSeenEvents;
    /** The puts and takes since the previous frame, for the view's motion; empty when there were none. */
    private final ReadOnlyObjectWrapper<List<Move>> moves = new ReadOnlyObjectWrapper<>(this, "moves", List.of());
    private final SavedSettings settingsStore;
    private long stepBaseEvents;
    /**
     * Whether the latest step is what the step text tells: from the step until the run runs freely
     * again. (Told whenever paused after any step, a Step, Resume and Pause told every action of the
     * free run since as that step's: a paragraph that grew until the view went blank.)
     */
    private boolean stepToTell;
    /** The run's recorded history and the position the view is rewound to. */
    private final BufferRewind rewind = new BufferRewind();
    /** How far back the last action is looked for: enough for a signal-all's wake-ups and re-waits. */
    static final int LAST_ACTION_WINDOW = 1_024;
    /** The most events one step's text tells (a step sets off a few; a signal-all, one per waiter). */
    static final int STEP_EVENTS_MAX = 10_000;
    /**
     * The most actions one step's text names; past it, the first ones, how many more, and the last.
     * A waiter that wakes spuriously at every wait (spurious 100 %) acts hundreds of times in one step.
     */
    static final int STEP_ACTIONS_TOLD = 6;
    /**
     * A run too fast to follow (more than {@link #MOTION_EVENTS_MAX} events since the last frame
     * shown) has its slots, chips, queues and counters shown at most this often, as the plots: ten
     * a second. At every frame they were a blur the eye could not read, and the restyling and
     * layout they set off took the FX thread about 10 ms a frame (4.5 ms since: docs/benchmarks.md).
     */
    static final long FAST_RUN_SHOW_NANOS = 100_000_000L;
    private long lastShownNanos;

    /** A view-model whose settings are not kept between starts. */
    public BufferViewModel(BufferRunner runner) {
        this(runner, null);
    }

    /**
     * @param saved where the settings are kept between starts ({@link SavedSettings#node}); null
     *              keeps them nowhere
     */
    public BufferViewModel(BufferRunner runner, Preferences saved) {
        super(runner, "buffer");
        this.runner = runner;
        // The window records every run: the last action, the step text (and the timeline) are told from the log.
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        occupancy.setName("occupied slots");
        itemsPerSecond.setName("items consumed per second");
        futileProducerSeries.setName("producers");
        futileConsumerSeries.setName("consumers");
        guideApplied = new GuideApplied(List.of(capacity, producers, consumers, produceMinMillis, produceMaxMillis,
                consumeMinMillis, consumeMaxMillis, policy, fair, threads, impl, bug, spuriousPercent));
        guideNote = Bindings.createStringBinding(() -> runningBinding().get()
                ? "A run is going on: Stop it (Esc), then Apply sets this up (the implementation and bug cannot change"
                + " during a run)." : guideApplied.wordsProperty().get(), runningBinding(), guideApplied.wordsProperty());
        ModelSupport.clamp(capacity, 1, MAX_CAPACITY);
        ModelSupport.clamp(producers, 1, BufferSettings.MAX_WORKERS);
        ModelSupport.clamp(consumers, 1, BufferSettings.MAX_WORKERS);
        for (IntegerProperty delay : List.of(produceMinMillis, produceMaxMillis, consumeMinMillis, consumeMaxMillis)) {
            ModelSupport.clamp(delay, 0, DelayRange.MAX_MILLIS);
        }
        ModelSupport.keepOrdered(produceMinMillis, produceMaxMillis);
        ModelSupport.keepOrdered(consumeMinMillis, consumeMaxMillis);
        for (IntegerProperty delay : List.of(produceMinMillis, produceMaxMillis, consumeMinMillis, consumeMaxMillis)) {
            // Delays apply live: the workers read them before each item.
            delay.addListener((obs, old, now) -> {
                runner.setDelays(produceDelay(), consumeDelay());
                appliedLive(run -> run.withDelays(produceDelay(), consumeDelay()));
            });
        }
        policy.addListener((obs, old, now) -> {
            if (now == null) {
                policy.set(old);
            }
        });
        // An invalidation listener, added first: it runs before every other listener of impl, which
        // then sees a bug that goes with the new implementation.
        impl.addListener(obs -> {
            if (impl.get() != null && !bug.get().appliesTo(impl.get())) {
                bug.set(Bug.NONE);
            }
        });
        impl.addListener((obs, old, now) -> {
            if (now == null) {
                impl.set(old);
            }
        });
        bug.addListener((obs, old, now) -> {
            if (now == null || !now.appliesTo(impl.get())) {
                bug.set(old); // refused: the view disables the bugs that do not go with the implementation
            }
        });
        ModelSupport.clamp(spuriousPercent, SPURIOUS.min(), SPURIOUS.max());
        // Producers, consumers and slots act on the running run (section 4 of the lab).
        producers.addListener((obs, old, now) -> applyWorkersLive());
        consumers.addListener((obs, old, now) -> applyWorkersLive());
        capacity.addListener((obs, old, now) -> applyCapacityLive());
        threads.addListener((obs, old, now) -> {
            if (now == null) {
                threads.set(old);
            }
        });
        // Before any run (and after Reset) the slots show the buffer to come; a run's slots stay,
        // marked as the last run's, until the next Run or Reset.
        capacity.addListener((obs, old, now) -> {
            if (!showsLatestRun()) {
                showEmptyBuffer();
            }
        });
        for (var input : List.of(impl, bug, policy, shownRunProperty(), stateProperty(), rewind.rewoundBinding())) {
            input.addListener(obs -> showCode());
        }
        impl.addListener(obs -> showGuide());
        bug.addListener(obs -> showGuide());
        plotCapacity.bind(Bindings.createIntegerBinding(() -> shownRunProperty().get() != null
                ? shownRunProperty().get().capacity() : capacity.get(), capacity, shownRunProperty()));
        settingsStore = new SavedSettings(saved);
        settingsStore.add(capacity, "capacity");
        settingsStore.add(producers, "producers");
        settingsStore.add(consumers, "consumers");
        settingsStore.add(produceMinMillis, "produceMinMillis");
        settingsStore.add(produceMaxMillis, "produceMaxMillis");
        settingsStore.add(consumeMinMillis, "consumeMinMillis");
        settingsStore.add(consumeMaxMillis, "consumeMaxMillis");
        settingsStore.add(policy, "policy", WakePolicy.class);
        settingsStore.add(fair, "fair");
        settingsStore.add(threads, "threads", ThreadKind.class);
        settingsStore.add(impl, "impl", BufferImpl.class);
        settingsStore.add(bug, "bug", Bug.class);
        settingsStore.add(spuriousPercent, "spuriousPercent");
        settingsStore.load();
        if (!bug.get().appliesTo(impl.get())) {
            bug.set(Bug.NONE);
        }
        showGuide();
        showCode();
        showEmptyBuffer();
    }

    /** Every setting back to its default (8 slots, 3 producers, 3 consumers, ...); refused during a run. */
    @Override
    public void resetSettings() {
        restoreDefaults(settingsStore);
    }

    @Override
    public List<PlotData> plots() {
        return List.of(new PlotData("occupancy", "occupied slots", false, FXCollections.observableArrayList(occupancy)),
                new PlotData("items-per-second", "items consumed per second", false,
                        FXCollections.observableArrayList(itemsPerSecond)),
                new PlotData("futile-wakeups", "futile wake-ups", false,
                        FXCollections.observableArrayList(futileProducerSeries, futileConsumerSeries)));
    }

    @Override
    public Optional<Verdict> shownVerdict() {
        return shownResult(runner.snapshot().result()).map(result -> Verdict.of(result.outcome(), result.ok()));
    }

    /** "stalled" or "violated": what the lab's detector found, which the verdict calls failed. */
    @Override
    public String endedAs() {
        BufferResult result = runner.snapshot().result();
        if (runState() != RunState.IDLE || !showsLatestRun() || result == null) {
            return "";
        }
        BufferOutcome outcome = result.labOutcome();
        return outcome == BufferOutcome.STALLED || outcome == BufferOutcome.VIOLATED ? outcome.label() : "";
    }

    @Override
    public Optional<String> resultJson() {
        BufferRunSnapshot now = runner.snapshot();
        return shownResult(now.result()).map(result -> BufferJson.of(result, now.log())); // the log is that run's
    }

    public DelayRange produceDelay() {
        return new DelayRange(produceMinMillis.get(), produceMaxMillis.get());
    }

    public DelayRange consumeDelay() {
        return new DelayRange(consumeMinMillis.get(), consumeMaxMillis.get());
    }

    /** The settings a run would use now: items without end, until Stop. */
    @Override
    public BufferSettings settings() {
        return new BufferSettings(producers.get(), consumers.get(), capacity.get(), 0, produceDelay(), consumeDelay(),
                policy.get(), fair.get() && impl.get().takesFair(), threads.get(), impl.get(), bug.get(), spuriousRate());
    }

    /**
     * The spurious rate a run gets: the field's, on a buffer whose waits are a condition's (lock,
     * monitor), else 0. The field keeps its value, greyed out, for when such a buffer is chosen again,
     * as Fair lock keeps its own on the monitor.
     */
    private double spuriousRate() {
        return impl.get().takesSpurious() ? spuriousPercent.get() / 100.0 : 0;
    }

    // ---- commands ----

    @Override
    protected void started(BufferSettings settings) {
        guideApplied.started();
        occupancy.getData().clear();
        itemsPerSecond.getData().clear();
        lastPlotNanos = 0;
        rate.clear();
        stepsSeen = 0;
        stepsTaken.set(0);
        plotsNote.set("");
        timelineNote.set("");
        lastSeenEvents = 0;
        stepBaseEvents = 0;
        stepToTell = false;
        stepText.set("");
        rewind.clear();
        plotClock.clear();
        rewoundSeconds.set(Double.NaN);
        futileProducerSeries.getData().clear();
        futileConsumerSeries.getData().clear();
        clearLab();
    }

    private void clearLab() {
        liveChanged = false;
        labOutcome.set(null);
        outcomeText.set("");
        outcomeDetail.set("");
        stallCause.set(-1);
        stallSeconds.set(Double.NaN);
        moment.set(-1);
        pending.set("");
        setIfChanged(leaving, List.of());
        liveRefusal.set("");
        for (ReadOnlyLongWrapper figure : List.of(futileProducers, futileConsumers, spuriousWakeups)) {
            figure.set(0);
        }
    }

    @Override
    protected void clearFigures() {
        plotClock.clear();
        rewoundSeconds.set(Double.NaN);
        occupancy.getData().clear();
        itemsPerSecond.getData().clear();
        futileProducerSeries.getData().clear();
        futileConsumerSeries.getData().clear();
        clearLab();
        for (ReadOnlyLongWrapper figure : new ReadOnlyLongWrapper[] {produced, consumed, runItemsPerSecond,
                waitsOnFull, waitsOnEmpty, actions}) {
            figure.set(0);
        }
        onlyStepped.set(false);
        rateUntilStall.set(false);
        plotsNote.set("");
        timelineNote.set("");
        lastAction.set("");
        stepText.set("");
        rewind.clear();
        workers.clear();
        notFullWaiters.clear();
        notEmptyWaiters.clear();
        atGate.clear();
        showEmptyBuffer();
    }

    private void showEmptyBuffer() {
        slots.set(Slots.empty(capacity.get()));
        putIndex.set(0);
        takeIndex.set(0);
        count.set(0);
    }

    /**
     * Something that moved in the buffer since the previous frame, for the view's motion: an item
     * from a producer into a slot, or from a slot to a consumer, and the threads its signal woke
     * (back from their wait set to their lane).
     *
     * @param kind   {@link BufferEvent#PUT} or {@link BufferEvent#TAKE}
     * @param worker the producer or consumer
     * @param item   the item
     * @param slot   the slot
     * @param woken  the threads its signal woke, longest waiting first (empty if none)
     * @param words  the move as the last action tells it ("P2 put #41 into slot 1, signalled ...")
     */
    public record Move(BufferEvent kind, String worker, long item, int slot, List<String> woken, String words) {
    }

    /** The puts and takes since the previous frame (empty if none, or if too many to follow). */
    public ReadOnlyObjectProperty<List<Move>> movesProperty() {
        return moves.getReadOnlyProperty();
    }

    /** More events than this between two frames is a run too fast to follow: no motion. */
    static final int MOTION_EVENTS_MAX = 64;

    /**
     * The puts and takes recorded after event {@code seen} up to event {@code events}, each with
     * whom its signal woke (the wake-up events that follow it). Empty when there are more than
     * {@link #MOTION_EVENTS_MAX} events (a free run at full speed) or nothing is recorded.
     */
    private static List<Move> movesSince(BufferNarration.Terms terms, EventLog log, long seen, long events) {
        if (log == null || events <= seen || events - seen > MOTION_EVENTS_MAX) {
            return List.of();
        }
        EventLog.Batch batch = log.read(seen, (int) (events - seen));
        List<Move> now = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            BufferEvent kind = BufferEvent.of(batch, i);
            if (!kind.movesAnItem()) {
                continue;
            }
            List<String> woken = new ArrayList<>();
            for (int next = i + 1; next < batch.size() && BufferEvent.of(batch, next) == BufferEvent.WAKE; next++) {
                woken.add(name(batch, batch.track(next)));
            }
            now.add(new Move(kind, name(batch, batch.track(i)), batch.item(i), batch.slot(i), List.copyOf(woken),
                    withSeparators(BufferNarration.words(terms, batch, i))));
        }
        return List.copyOf(now);
    }

    private static String name(EventLog.Batch batch, int track) {
        return track < batch.tracks().size() ? batch.tracks().get(track) : "#" + track;
    }

    @Override
    public boolean stepPending() {
        // Read now, not at the last frame: a timer that fell behind fires its missed beats in one go.
        BufferRunSnapshot now = runner.snapshot();
        return now.state() == RunState.PAUSED && now.gate().permits() > 0;
    }

    // ---- sampling ----

    @Override
    public void sample(long nowNanos) {
        BufferRunSnapshot now = runner.snapshot();
        snapshotNanos = System.nanoTime();
        show(now, nowNanos);
        if (!refusal.isEmpty()) {
            if (now.state() != refusedWhile || now.gate().stepsTaken() != refusedAtSteps
                    || shownPosition() != refusedAtPosition) {
                refusal = "";
            } else {
                stepText.set(refusal);
            }
        }
    }

    private void show(BufferRunSnapshot now, long nowNanos) {
        sampled(now.state());
        BufferSnapshot buffer = now.buffer();
        if (buffer == null && now.settings() != null && showsLatestRun()) {
            showUninstrumented(now, nowNanos);
            return;
        }
        if (buffer == null || !showsLatestRun()) {
            moves.set(List.of());
            // Before any run, or after Reset: show the buffer to come.
            if (slots.get().size() != capacity.get()) {
                showEmptyBuffer();
            }
            return;
        }
        boolean outcomeShown = labOutcome.get() != null;
        showOutcome(now);
        showRate(now); // the whole run's, rewound or not
        if (now.state() == RunState.IDLE && plotsNow(now, nowNanos)) {
            // Its end's point, rewound or not: a run that broke is shown at the moment it went wrong,
            // and one that broke 9 ms in had plotted nothing (see plotsNow). Its buffer and its
            // wake-ups stood at 0 when it began: the lines start there.
            if (itemsPerSecond.getData().isEmpty()) {
                for (XYChart.Series<Number, Number> series : List.of(occupancy, futileProducerSeries, futileConsumerSeries)) {
                    ModelSupport.addPoint(series, 0, 0, MAX_POINTS);
                }
            }
            plot(now, buffer, nowNanos);
        }
        if (now.state() == RunState.IDLE) {
            pending.set(""); // an ended run has nothing pending
        }
        if (now.gate().stepsTaken() > stepsSeen) {
            if (!outcomeShown && labOutcome.get() != null && moment.get() >= 0) {
                // The step broke the run (a woken if-not-while consumer's take from an empty slot): the
                // view stays at the moment it went wrong, as after a Run, and no later frame takes it
                // back to the present for this step (it did: the banner said "Violated" over the
                // step before's words, and every chip read "– ended").
                stepsSeen = now.gate().stepsTaken();
                stepsTaken.set(stepsSeen);
            } else {
                // A step acts now (S pressed, or a chip clicked, while rewound too): the view shows it, and
                // says it came back ("Step 1: C3 found the buffer empty" over the past read as the past rewritten).
                steppedFromPast = rewind.rewoundBinding().get();
                rewind.toPresent();
            }
        }
        if (rewound(now)) {
            moves.set(List.of()); // a rewound view shows the past: nothing flies
            return;
        }
        if (now.state() == RunState.RUNNING && buffer.events() - lastSeenEvents > MOTION_EVENTS_MAX
                && nowNanos - lastShownNanos < FAST_RUN_SHOW_NANOS) {
            if (nowNanos - lastPlotNanos >= PLOT_INTERVAL_NANOS) {
                plot(now, buffer, nowNanos);
            }
            return;
        }
        lastShownNanos = nowNanos;
        showPending(now, buffer);
        setIfChanged(left, now.left());
        // Before the wait sets change: the view reads where a woken thread's chip was queued.
        moves.set(movesSince(BufferNarration.Terms.of(now.settings()), now.log(), lastSeenEvents, buffer.events()));
        showBuffer(buffer, now.gate().waiting());
        EventLog log = now.log();
        long events = buffer.events();
        if (log != null && events > lastSeenEvents) {
            long from = Math.max(lastSeenEvents, events - LAST_ACTION_WINDOW);
            BufferNarration.lastAction(BufferNarration.Terms.of(now.settings()), log.read(from, (int) (events - from)))
                    .ifPresent(action -> lastAction.set(withSeparators(action.words())));
        }
        if (now.gate().stepsTaken() > stepsSeen) {
            stepsSeen = now.gate().stepsTaken();
            stepsTaken.set(stepsSeen);
            stepBaseEvents = lastSeenEvents;
            stepToTell = true;
        }
        if (stepToTell && now.state() == RunState.PAUSED) {
            // What the step did, and what it set off (a woken waiter finishing its put or take).
            List<BufferNarration.Action> actions = log == null ? List.of() : BufferNarration.actions(
                    BufferNarration.Terms.of(now.settings()),
                    log.read(stepBaseEvents, (int) Math.min(STEP_EVENTS_MAX, events - stepBaseEvents)));
            List<String> since = actions.stream().map(action -> withSeparators(action.words())).toList();
            stepText.set(String.format(Locale.ROOT, "%sStep %,d: %s", steppedFromPast ? "Back to now. " : "", stepsSeen,
                    since.isEmpty() ? now.gate().lastStepped() + " passed the gate" : inTurn(since))
                    + wokenWentOn(actions, now.gate().lastStepped()));
        } else if (now.state() == RunState.RUNNING) {
            stepText.set("");
            stepToTell = false; // paused again, with no step taken, nothing since is a step's doing
        }
        lastSeenEvents = events;
        if (plotsNow(now, nowNanos)) {
            plot(now, buffer, nowNanos);
        }
    }

    /**
     * Whether a frame at {@code nowNanos} adds the plots' points: a plot interval after the last, in a
     * run that has run (one only stepped has no running time to plot against: its point at 0 s drew a
     * dot under "nothing to plot yet").
     */
    private boolean plotsNow(BufferRunSnapshot now, long nowNanos) {
        if (steppedOnly(now)) {
            return false;
        }
        if (now.state() == RunState.IDLE) {
            // Once more when the run has ended, at its end: a run stopped by a violation 9 ms in had
            // no point at all, its plots empty and its CSV "nothing plotted yet" (a teaching
            // assistant's tryout), and a longer one's curves stopped at the last tenth of a second.
            return ModelSupport.endsAfterLastPoint(itemsPerSecond, now.elapsedNanos());
        }
        return nowNanos - lastPlotNanos >= PLOT_INTERVAL_NANOS;
    }

    /** The slots, indices, chips, wait sets, gate queue and counters of {@code buffer}. */
    private void showBuffer(BufferSnapshot buffer, List<String> gate) {
        if (!slots.get().equals(buffer.slots())) {
            slots.set(buffer.slots());
        }
        putIndex.set(buffer.putIndex());
        takeIndex.set(buffer.takeIndex());
        count.set(buffer.count());
        setIfChanged(workers, buffer.workers());
        BufferSettings run = shownRunProperty().get();
        if (run != null && run.oneWaitSet()) {
            // One wait set: shown whole, in wait order, in the first queue (its caption says so).
            setIfChanged(notFullWaiters, buffer.sharedWaitSet());
            setIfChanged(notEmptyWaiters, List.of());
        } else {
            setIfChanged(notFullWaiters, buffer.notFullWaiters());
            setIfChanged(notEmptyWaiters, buffer.notEmptyWaiters());
        }
        setIfChanged(atGate, gate);
        produced.set(buffer.produced());
        consumed.set(buffer.consumed());
        waitsOnFull.set(buffer.waitsOnFull());
        waitsOnEmpty.set(buffer.waitsOnEmpty());
        actions.set(buffer.actions());
        futileProducers.set(buffer.futileProducerWakeups());
        futileConsumers.set(buffer.futileConsumerWakeups());
        spuriousWakeups.set(buffer.spuriousWakeups());
    }

    /** The rewound moment {@link #askingThen} was read for, of which history, up to which event; -1 for none. */
    private long askingPosition = -1;
    private History<BufferReplay> askingHistory;
    private long askingEnd;
    /** The threads waiting for the lock at the rewound moment, told by the log only later (see {@link BufferReplay#askingAt}). */
    private Set<String> askingThen = Set.of();

    /**
     * Copies the run's new events into the history; while the view is rewound (paused, or after a
     * run), shows the buffer rebuilt at the position instead of the run now and returns true.
     */
    private boolean rewound(BufferRunSnapshot now) {
        // Stopping too, so that a view rewound while paused keeps its moment through Stop.
        rewind.allowedProperty().set(now.state() != RunState.RUNNING);
        if (now.log() != null) {
            rewind.follow(now.log(), now.settings());
        }
        if (!rewind.allowedProperty().get()) {
            rewind.toPresent();
        }
        BufferReplay past = rewind.shown();
        rewoundSeconds.set(plotClock.shownBy(rewind));
        if (past == null) {
            if (showedPast) {
                showedPast = false;
                stepText.set(""); // back to now: the step narration takes over again
            }
            return false;
        }
        showedPast = true;
        long at = rewind.positionProperty().get();
        // Read once a moment of a history as far as it goes, not at every frame.
        if (at != askingPosition || rewind.history() != askingHistory || rewind.history().end() != askingEnd) {
            askingPosition = at;
            askingHistory = rewind.history();
            askingEnd = askingHistory.end();
            askingThen = BufferReplay.askingAt(askingHistory, at);
        }
        BufferSnapshot then = past.snapshot().withAsking(askingThen);
        showBuffer(then, past.atGate());
        // Who had been asked to leave then, not now: a chip read ", leaving" and the pending line named
        // the present's leavers at a moment before anyone was asked.
        setIfChanged(leaving, past.leaving());
        setIfChanged(left, past.left());
        List<String> parts = new ArrayList<>();
        for (Worker.Role role : Worker.Role.values()) {
            List<String> names = then.workers().stream().filter(w -> w.role() == role
                    && past.leaving().contains(w.name())).map(BufferSnapshot.WorkerView::name).toList();
            if (!names.isEmpty()) {
                parts.add(toLeave(role, names.size(), names));
            }
        }
        pending.set(parts.isEmpty() ? "" : "Pending: " + String.join("; ", parts) + ".");
        long position = rewind.positionProperty().get();
        String wayBack = Rewind.wayBack(runState());
        // At the moment the run went wrong, which the view rewinds to by itself, said so: "Rewound to just
        // after event 62" came with no word of why, to a learner who had pressed nothing (a tryout).
        String why = position != moment.get() ? ""
                : labOutcome.get() == BufferOutcome.STALLED ? "the moment it stalled, "
                : labOutcome.get() == BufferOutcome.VIOLATED ? "the moment it broke, " : "";
        String rewoundTo = "Rewound to " + why + Rewind.moment(position, rewind.endProperty().get());
        stepText.set(position == 0 ? rewoundTo + "   " + wayBack
                : rewoundTo + ": " + withSeparators(rewind.history().words(position - 1)) + "   " + wayBack);
        return true;
    }

    /**
     * Step by {@code worker} (chosen at the gate) instead of the longest-waiting; only while paused
     * (the chips at the gate exist only then, and in a view rewound to a moment then). From a rewound
     * view, a thread at the gate now steps as S does, and the view comes back to now to show it; one
     * that is not at the gate now cannot: the view comes back to now, and the step text says why.
     */
    public void stepWorker(String worker) {
        // Only a thread at the gate now: a chip of a rewound view shows the past, and a step saved for
        // a thread blocked in a wait set let nobody else through until it came to the gate.
        BufferRunSnapshot now = runner.snapshot();
        if (now.state() == RunState.PAUSED && now.gate().waiting().contains(worker)) {
            try {
                runner.step(worker);
            } catch (IllegalStateException | IllegalArgumentException raced) {
                // Resumed, stopped or ended meanwhile.
            }
            return;
        }
        if (!rewind.rewoundBinding().get()) {
            return; // a chip of now, gone from the gate since it was drawn: the next frame shows where
        }
        if (now.state() == RunState.PAUSED) {
            rewind.toPresent();
            refuse(now, worker + " was at the gate at the moment shown, not now: here is now. Click a thread at"
                    + " the gate to let it act next, or press S.");
        } else if (now.state() == RunState.IDLE) {
            // The view keeps its moment: the run's end is no present to go back to for a step.
            refuse(now, worker + " was at the gate at the moment shown, and the run has ended since: a thread is"
                    + " let through the gate only while a run is paused.");
        }
    }

    /** Says {@code why} a chip chosen at the gate could not act, in the step text (see {@link #refusal}). */
    private void refuse(BufferRunSnapshot now, String why) {
        refusal = why;
        refusedAtSteps = now.gate().stepsTaken();
        refusedWhile = now.state();
        refusedAtPosition = shownPosition();
        stepText.set(why);
    }

    /** The rewound view's position, or -1 when it shows now. */
    private long shownPosition() {
        return rewind.rewoundBinding().get() ? rewind.positionProperty().get() : -1;
    }

    /** The run's history: the scrubber, the timeline and the event list read it. */
    public BufferRewind rewind() {
        return rewind;
    }

    @Override
    public boolean canExportTrace() {
        return rewind.history() != null;
    }

    /** Why abq's runs have no timeline and no trace. */
    static final String ABQ_UNRECORDED = "its inside is not instrumented, so its threads' actions are not recorded"
            + " (the lab's implementations record every one).";

    /** A run only stepped plots nothing, and says why (a tryout read the race lab's reason here). */
    @Override
    public String noSeries() {
        return plotsNote.get().isEmpty() ? super.noSeries() : "Nothing to export as CSV. " + plotsNote.get();
    }

    @Override
    public String noTrace() {
        return abqShown.get() ? "Nothing to export: ArrayBlockingQueue, the baseline: " + ABQ_UNRECORDED
                : "Nothing to export yet: Run or Step first; the run is exported as recorded so far (going on,"
                + " paused or ended).";
    }

    @Override
    public void writeTrace(OutputStream out) throws IOException {
        BufferRunSnapshot now = runner.snapshot();
        if (now.log() == null || now.settings() == null) {
            throw new IllegalStateException("no recorded run to export yet: run one first");
        }
        BufferTrace.write(now.log(), now.settings(), out);
    }

    /**
     * A run of an implementation without the lab's instruments (abq): nothing inside the queue is
     * visible, so the slots, chips, wait sets and last action are cleared rather than left as the
     * previous run had them, and the counts, the items rate and the outcome follow this run.
     */
    private void showUninstrumented(BufferRunSnapshot now, long nowNanos) {
        moves.set(List.of());
        if (!workers.isEmpty() || !lastAction.get().isEmpty() || count.get() != 0
                || slots.get().size() != now.settings().capacity()) {
            workers.clear();
            notFullWaiters.clear();
            notEmptyWaiters.clear();
            atGate.clear();
            lastAction.set("");
            for (ReadOnlyLongWrapper unseen : List.of(waitsOnFull, waitsOnEmpty, actions)) {
                unseen.set(0);
            }
            slots.set(Slots.empty(now.settings().capacity()));
            putIndex.set(0);
            takeIndex.set(0);
            count.set(0);
        }
        // Put, as the instrumented buffers count it: a producer's item in hand is not in the queue
        // (made counted it: a stopped run with 3 producers and 1 slot read 787,987 against 787,983).
        // At least the consumed: a put is counted after queue.put returns, and its item may be taken
        // (and counted) first.
        produced.set(Math.max(now.put(), now.consumed()));
        consumed.set(now.consumed());
        showRate(now);
        // The gate is the lab's, outside the queue: who waits at it is seen, and a Step is told.
        setIfChanged(atGate, now.state() == RunState.PAUSED ? now.gate().waiting() : List.of());
        if (now.gate().stepsTaken() > stepsSeen) {
            stepsSeen = now.gate().stepsTaken();
            stepsTaken.set(stepsSeen);
            stepText.set(String.format(Locale.ROOT, "Step %,d: %s passed the gate; what it did inside"
                    + " ArrayBlockingQueue is not visible", stepsSeen, now.gate().lastStepped()));
        } else if (now.state() != RunState.PAUSED) {
            stepText.set("");
        }
        showOutcome(now);
        if (plotsNow(now, nowNanos)) {
            ModelSupport.addPoint(itemsPerSecond, now.elapsedNanos() / 1e9, rate.add(now.elapsedNanos(),
                    now.consumed()), MAX_POINTS);
            lastPlotNanos = nowNanos;
        }
    }

    /**
     * The run's items per second (its end's figure once it has ended), and whether its items were all
     * a step's: steps act while the clock is paused, and their items are left out with their time.
     */
    private void showRate(BufferRunSnapshot now) {
        BufferResult result = now.result();
        runItemsPerSecond.set(Math.round(result != null ? result.itemsPerSecond() : now.itemsPerSecond()));
        rateUntilStall.set(result != null && result.ratedUntilStall());
        long all = result != null ? result.consumed() : now.consumed();
        long stepped = result != null ? result.consumedWhilePaused() : now.consumedWhilePaused();
        boolean steppedOnly = steppedOnly(now);
        onlyStepped.set(all == stepped && (all > 0 || steppedOnly));
        plotsNote.set(steppedOnly ? plotsNote(now.state(), now.buffer() != null) : "");
        History<?> history = rewind.history();
        long spanNanos = history == null || history.end() == 0 ? 0 : spanEnd(history.nanosOf(history.end() - 1),
                history.log().pauses(), System.nanoTime()) - history.log().originNanos();
        timelineNote.set(now.state() == RunState.RUNNING || now.gate().stepsTaken() > 0 ? ""
                : timelineNote(spanNanos, now.elapsedNanos()));
    }

    /**
     * Where the timeline ends on the log's clock: at its last event {@code lastEventNanos}, or later
     * at the end of a pause after it, {@code nowNanos} for one that goes on. A pause with no event in
     * it was left out, and a run paused for 43 of the 53 s its timeline drew said nothing of it (a
     * learner's tryout).
     */
    static long spanEnd(long lastEventNanos, List<Stopwatch.Pause> pauses, long nowNanos) {
        long end = lastEventNanos;
        for (Stopwatch.Pause pause : pauses) {
            end = Math.max(end, pause.goesOn() ? nowNanos : pause.toNanos());
        }
        return end;
    }

    /** Paused time under which a timeline needs no word about it. */
    static final long PAUSES_NOTED_NANOS = 5_000_000_000L;

    /**
     * What the timeline's clock holds, when a run was paused for most of it ("" otherwise, and while
     * it runs): {@code spanNanos} from Run to the last event on the log's clock, pauses included,
     * {@code runNanos} the time it ran. A class's run paused for 83 of 136 s drew its 52 s of running
     * as a black block at the left and grey at the gate for the rest, with nothing pointing to the
     * timeline's evenly spaced mode (a run that was stepped is spaced evenly already).
     */
    static String timelineNote(long spanNanos, long runNanos) {
        long paused = spanNanos - runNanos;
        if (paused < PAUSES_NOTED_NANOS || paused * 2 < spanNanos) {
            return "";
        }
        return String.format(Locale.ROOT, "This run was paused for %,d of the %,d s the timeline spans (the grey bars"
                + " under its lanes), and the running is squeezed between the pauses. Tick Evenly spaced (one step per"
                + " event), or zoom in (Ctrl+wheel).", Math.round(paused / 1e9), Math.round(spanNanos / 1e9));
    }

    /**
     * Whether {@code now} has only been stepped ({@link ModelSupport#steppedOnly}): its plots, which
     * draw the time the run runs, have nothing to show.
     */
    static boolean steppedOnly(BufferRunSnapshot now) {
        return ModelSupport.steppedOnly(now.gate().stepsTaken(), now.elapsedNanos());
    }

    /**
     * Why the plots of a run only stepped are empty, {@code state} its state: paused, it can still run
     * (Resume); ended, it cannot. The timeline is named only where the run was recorded.
     */
    static String plotsNote(RunState state, boolean recorded) {
        return ModelSupport.steppedPlotsNote(state == RunState.PAUSED, recorded ? "The timeline above has every step" : "");
    }

    private void plot(BufferRunSnapshot now, BufferSnapshot buffer, long nowNanos) {
        double seconds = now.elapsedNanos() / 1e9;
        plotClock.add(snapshotNanos, seconds); // the log's clock at the snapshot, not the frame's time
        ModelSupport.addPoint(itemsPerSecond, seconds, rate.add(now.elapsedNanos(), buffer.consumed()), MAX_POINTS);
        ModelSupport.addPoint(occupancy, seconds, buffer.count(), MAX_POINTS);
        ModelSupport.addPoint(futileProducerSeries, seconds, buffer.futileProducerWakeups(), MAX_POINTS);
        ModelSupport.addPoint(futileConsumerSeries, seconds, buffer.futileConsumerWakeups(), MAX_POINTS);
        lastPlotNanos = nowNanos;
    }

    /**
     * A step's actions in turn, "A; then B; then C"; past {@link #STEP_ACTIONS_TOLD}, the first ones,
     * "then 290 more actions (each in the event log)", and the last (what the view now shows). One
     * more than that is told whole: "then 1 more actions" would hide as much as it says.
     */
    static String inTurn(List<String> actions) {
        if (actions.size() <= STEP_ACTIONS_TOLD + 1) {
            return String.join("; then ", actions);
        }
        int first = STEP_ACTIONS_TOLD - 1;
        return String.format(Locale.ROOT, "%s; then %,d more actions (each in the event log); then %s",
                String.join("; then ", actions.subList(0, first)), actions.size() - first - 1, actions.getLast());
    }

    /**
     * Why a step told more than one thread acting: one step lets one thread through the gate, and a
     * thread its signal woke finishes the put or take it waited in without passing the gate again
     * (it passed before it began to wait). "" when only the stepped thread acted.
     */
    static String wokenWentOn(List<BufferNarration.Action> actions, String stepped) {
        List<String> others = actions.stream().map(BufferNarration.Action::worker)
                .filter(worker -> !worker.equals(stepped)).distinct().toList();
        if (others.isEmpty()) {
            return "";
        }
        boolean one = others.size() == 1;
        return String.format(Locale.ROOT, "   (%s passed the gate before %s waited, so %s %s on without a step)",
                String.join(" and ", others), one ? "it" : "they", one ? "it" : "they", one ? "goes" : "go");
    }

    /** An item's number ("#12345") or a slot's ("slot 12345"), of four digits or more. */
    private static final Pattern NUMBER = Pattern.compile("(#|slot )(\\d{4,})");

    /**
     * The engine's words with item and slot numbers as people read them: "#12345" becomes "#12,345"
     * and "slot 100002" "slot 100,002" (a buffer of a million slots put them side by side).
     */
    static String withSeparators(String words) {
        return NUMBER.matcher(words).replaceAll(m -> m.group(1)
                + String.format(Locale.ROOT, "%,d", Long.parseLong(m.group(2))));
    }

    private static <T> void setIfChanged(ObservableList<T> target, List<T> source) {
        if (!target.equals(source)) {
            target.setAll(source);
        }
    }

    @Override
    protected void pausedBeforeFirstStep() {
        // The step text reports what happens after this point: whatever the workers did before
        // reaching the closed gate (registering) is not the step's doing.
        BufferSnapshot buffer = runner.snapshot().buffer();
        if (buffer != null) {
            lastSeenEvents = buffer.events();
        }
    }

    @Override
    protected String describe(BufferSettings run) {
        return lab(run.impl(), run.bug(), run.spurious()) + String.format(Locale.ROOT, "%s, %s, %s%s, %s threads",
                Words.count(run.capacity(), "slot"), Words.count(run.producers(), "producer"),
                Words.count(run.consumers(), "consumer"), machinery(run.impl(), run.policy(), run.fair()), run.threads());
    }

    /**
     * ", signal, non-fair lock": the wake-up policy and fairness, as far as {@code impl} has them (the
     * policy is the lock buffer's only; the monitor has neither; the semaphores and abq are fair or not).
     */
    static String machinery(BufferImpl impl, WakePolicy policy, boolean fair) {
        String words = BufferSettings.machinery(impl, policy, fair);
        return words.isEmpty() ? "" : ", " + words;
    }

    /** Delays apply live, so they are not what makes another run. */
    @Override
    protected boolean sameRun(BufferSettings shown, BufferSettings now) {
        return shown.withDelays(DelayRange.NONE, DelayRange.NONE).equals(now.withDelays(DelayRange.NONE, DelayRange.NONE));
    }

    /**
     * "" for the correct lock buffer (the classic view), else "monitor buffer, bug notify: "; the
     * spurious rate only where it applies ({@code spurious} is 0 elsewhere: see {@link #spuriousRate()}).
     */
    private static String lab(BufferImpl impl, Bug bug, double spurious) {
        if (impl == BufferImpl.LOCK && bug == Bug.NONE && spurious == 0) {
            return "";
        }
        return impl.label() + " buffer, bug " + bug.label()
                + (spurious > 0 ? String.format(Locale.ROOT, ", spurious %.0f %%", spurious * 100) : "") + ": ";
    }

    @Override
    public String statusSentence() {
        long blocked = workers.stream().filter(w -> w.state() == WorkerState.WAITING_NOT_FULL
                || w.state() == WorkerState.WAITING_NOT_EMPTY).count();
        return switch (runState()) {
            // How the run shown ended, until the settings change, as Counter & Sum's line says its verdict:
            // after a stall it read "Ready: ..." under the stall's banner (a student's tryout).
            case IDLE -> labOutcome.get() != null && !settingsChangedProperty().get()
                    ? glyph(labOutcome.get()) + Words.keepClosingNumbers(outcomeText.get())
                    : "Ready: " + lab(impl.get(), bug.get(), spuriousRate()) + String.format(Locale.ROOT,
                    "%s, %s, %s%s, %s threads", Words.count(producers.get(), "producer"),
                    Words.count(consumers.get(), "consumer"), Words.count(capacity.get(), "slot"),
                    machinery(impl.get(), policy.get(), fair.get()), threads.get()); // the command line's default is virtual
            case RUNNING -> abqShown.get()
                    ? String.format(Locale.ROOT, "%,d items consumed; inside ArrayBlockingQueue the slots and the "
                    + "threads blocked are not visible (the baseline is not instrumented)", consumed.get())
                    : String.format(Locale.ROOT, "%,d of %s full; %s blocked waiting for room or an item",
                    count.get(), Words.count(slots.get().size(), "slot"), Words.count(blocked, "thread"));
            // Rewound, the figures (the gate's queue too) are the past's: the sentence says so, and
            // what S does from there ("0 workers parked at the gate" was the past's gate).
            case PAUSED -> rewind.rewoundBinding().get()
                    ? "Paused, rewound to " + Rewind.moment(rewind.positionProperty().get(), rewind.endProperty().get())
                    + ": the view shows the past; Now or End returns to now, and S steps the run from now"
                    : String.format(Locale.ROOT, "Paused: %s parked at the gate; press S to let one through",
                    Words.count(atGate.size(), "worker"));
            case STOPPING -> "Stopping: interrupting every producer and consumer";
        };
    }

    // ---- the lab ----

    /**
     * The implementation the figures are of (the shown run's, or the chosen one before any run); put
     * and take: of the shown run while it goes on, and after it as long
     * as its implementation, bug and wake-up are still the chosen ones; else of the chosen ones, so
     * that a teacher choosing a bug sees its code before Run.
     */
    private void showCode() {
        BufferSettings shownRun = shownRunProperty().get();
        BufferImpl shown = shownRun != null ? shownRun.impl() : impl.get();
        Bug shownBug = shownRun != null ? shownRun.bug() : fitting(bug.get(), shown);
        shownImpl.set(shown);

        // The wake-up changes the code only for the lock (signal or signalAll); elsewhere the same code.
        boolean chosenDiffer = shownRun != null && (shownRun.impl() != impl.get()
                || shownRun.bug() != fitting(bug.get(), impl.get())
                || shownRun.impl() == BufferImpl.LOCK && shownRun.policy() != policy.get());
        // Rewound or not (a violated run ends rewound): a choice made after the run is the code to see next.
        boolean ofRun = shownRun != null && (runState() != RunState.IDLE || !chosenDiffer);
        BufferImpl codeOf = ofRun ? shownRun.impl() : impl.get();
        Bug planted = ofRun ? shownRun.bug() : fitting(bug.get(), codeOf);
        WakePolicy wake = ofRun ? shownRun.policy() : policy.get();
        codeImpl.set(codeOf);
        codeBug.set(planted);
        codeWake.set(wake);
        putCode.set(BufferCode.put(codeOf, planted, wake));
        takeCode.set(BufferCode.take(codeOf, planted, wake));
        codeOfShownRun.set(ofRun);
        captionWaitSets();
    }

    /**
     * The wait sets are named as the code beside them names them; but as the shown run's code does
     * while they show its past (rewound, a stall's waiters among it), whatever is chosen since: an
     * ended run's threads are gone, and its wait sets at the present empty. Switching to the monitor
     * after a lock run left "notFull wait set" beside synchronized and wait() until the next Run.
     */
    private void captionWaitSets() {
        BufferSettings run = shownRunProperty().get();
        boolean ofRun = run != null && (codeOfShownRun.get() || rewind.rewoundBinding().get());
        BufferImpl of = ofRun ? run.impl() : codeImpl.get();
        Bug planted = ofRun ? run.bug() : codeBug.get();
        oneWaitSetShown.set(BufferSettings.oneWaitSet(of, planted));
        waitSetsHidden.set(of == BufferImpl.ABQ);
        notFullCaption.set(waitSetCaption(of, planted, true));
        notEmptyCaption.set(waitSetCaption(of, planted, false));
    }

    /**
     * The caption of the producers' ({@code producers}) or consumers' wait set, in the terms of
     * {@code impl} with {@code bug}: the lock's two conditions, its one condition with one-condition
     * (both sides in one queue), the monitor's one wait set, the semaphores' acquire().
     */
    static String waitSetCaption(BufferImpl impl, Bug bug, boolean producers) {
        return switch (impl) {
            case LOCK -> bug == Bug.ONE_CONDITION
                    ? (producers ? "notFull, the one condition: producers (the buffer was full) and consumers (it"
                    + " was empty) in one wait set, longest-waiting first: signal() wakes the first, whichever it is; signalAll() wakes them all"
                    : "notEmpty is the same condition: its consumers wait in the queue above")
                    : producers ? "notFull wait set: producers that found the buffer full"
                    : "notEmpty wait set: consumers that found the buffer empty";
            case MONITOR -> producers ? "The monitor's one wait set: producers (the buffer was full) and consumers (it"
                    + " was empty) in wait(), in the order they began to wait; notifyAll() wakes them all, notify() one"
                    : "(The same wait set: its consumers are in the queue above.)";
            case SEMAPHORE -> producers ? "Blocked in freeSlots.acquire(): producers, no free slot"
                    : "Blocked in filledSlots.acquire(): consumers, no filled slot";
            case ABQ -> producers ? "notFull wait set, inside abq: not visible"
                    : "notEmpty wait set, inside abq: not visible";
        };
    }
    private void showGuide() {
        guide.set(LabGuide.of(impl.get(), fitting(bug.get(), impl.get())));
    }

    /**
     * {@code planted}, or none if it does not go with {@code shown}: what listeners see in the moment
     * before a refused bug is set back, or before a new implementation's bug is reset.
     */
    private static Bug fitting(Bug planted, BufferImpl shown) {
        return planted.appliesTo(shown) ? planted : Bug.NONE;
    }

    /** Sets the guidance's configuration (refused during a run: it would be another run). */
    public void applyGuide() {
        if (runningBinding().get()) {
            return;
        }
        LabGuide.Setup setup = guide.get().setup();
        producers.set(setup.producers());
        consumers.set(setup.consumers());
        capacity.set(setup.capacity());
        policy.set(setup.policy());
        if (impl.get().takesSpurious()) {
            spuriousPercent.set(setup.spuriousPercent()); // greyed out, the field keeps what was in it
        }
        produceMinMillis.set(0);
        produceMaxMillis.set(setup.produceMaxMillis());
        consumeMinMillis.set(0);
        consumeMaxMillis.set(setup.consumeMaxMillis());
        guideApplied.set(setup.words(impl.get()));
    }

    /** What the guide's Apply set, for the line beside it; "" until Apply, and again once a setting changes. */
    public ReadOnlyStringProperty guideAppliedProperty() {
        return guideApplied.wordsProperty();
    }

    /**
     * The line beside the guide's Apply: during a run, why Apply is greyed out (a teacher clicked it
     * mid-demo and got nothing); else what it set ({@link #guideAppliedProperty()}).
     */
    public StringBinding guideNoteBinding() {
        return guideNote;
    }

    /** A word on the timeline of a run paused for most of it ("" otherwise): see {@link #timelineNote}. */
    public ReadOnlyStringProperty timelineNoteProperty() {
        return timelineNote.getReadOnlyProperty();
    }

    /** Why the plots are empty in a run that has only been stepped ("" otherwise): see {@link #plotsNote}. */
    public ReadOnlyStringProperty plotsNoteProperty() {
        return plotsNote.getReadOnlyProperty();
    }

    private void applyWorkersLive() {
        if (runner.state() == RunState.IDLE) {
            return;
        }
        liveChanged = true;
        try {
            runner.setWorkers(producers.get(), consumers.get());
            appliedLive(run -> run.withWorkers(producers.get(), consumers.get()));
            liveRefusal.set("");
        } catch (UnsupportedOperationException | IllegalStateException | IllegalArgumentException refused) {
            liveRefusal.set("Producers and consumers apply to the next run: " + refused.getMessage());
        }
    }

    private void applyCapacityLive() {
        if (runner.state() == RunState.IDLE) {
            return;
        }
        liveChanged = true;
        try {
            runner.setCapacity(capacity.get());
            appliedLive(run -> run.withCapacity(capacity.get()));
            liveRefusal.set("");
        } catch (UnsupportedOperationException | IllegalStateException | IllegalArgumentException refused) {
            liveRefusal.set("The buffer size applies to the next run: " + refused.getMessage());
        }
    }

    /**
     * What the running run has been asked and has not done yet: workers still to leave (each
     * finishes its action first) and a shrink waiting until the items fit.
     */
    private void showPending(BufferRunSnapshot now, BufferSnapshot buffer) {
        if (now.state() == RunState.IDLE || now.settings() == null || !liveChanged) {
            pending.set("");
            setIfChanged(leaving, List.of());
            return;
        }
        setIfChanged(leaving, now.leaving());
        List<String> parts = new ArrayList<>();
        for (Worker.Role role : Worker.Role.values()) {
            long live = buffer.workers().stream().filter(w -> w.role() == role && w.state() != WorkerState.DONE).count();
            int wanted = role == Worker.Role.PRODUCER ? producers.get() : consumers.get();
            String noun = role == Worker.Role.PRODUCER ? "producer" : "consumer";
            if (live > wanted) {
                List<String> names = buffer.workers().stream().filter(w -> w.role() == role
                        && now.leaving().contains(w.name())).map(BufferSnapshot.WorkerView::name).toList();
                parts.add(toLeave(role, live - wanted, names));
            } else if (live < wanted) {
                parts.add(String.format(Locale.ROOT, "%s to join", Words.count(wanted - live, noun)));
            }
        }
        int slotsNow = buffer.capacity();
        if (capacity.get() < slotsNow) {
            parts.add(String.format(Locale.ROOT, "shrink to %s once the items fit (%,d in the buffer; producers "
                    + "wait meanwhile)", Words.count(capacity.get(), "slot"), buffer.count()));
        } else if (capacity.get() > slotsNow) {
            parts.add(String.format(Locale.ROOT, "grow to %s", Words.count(capacity.get(), "slot")));
        }
        pending.set(parts.isEmpty() ? "" : "Pending: " + String.join("; ", parts) + ".");
    }

    /** "2 consumers to leave after their current action (C2 and C3)": {@code names} may be fewer, or none. */
    private static String toLeave(Worker.Role role, long count, List<String> names) {
        return String.format(Locale.ROOT, "%s to leave after %s current action%s",
                Words.count(count, role == Worker.Role.PRODUCER ? "producer" : "consumer"), count == 1 ? "its" : "their",
                names.isEmpty() ? "" : " (" + Words.list(names) + ")");
    }

    /** Whether {@code outcome} is a run gone wrong: stalled, violated, a wrong total, failed. */
    static boolean wentWrong(BufferOutcome outcome) {
        return outcome == BufferOutcome.STALLED || outcome == BufferOutcome.VIOLATED
                || outcome == BufferOutcome.WRONG_TOTAL || outcome == BufferOutcome.FAILED;
    }

    /** An outcome's glyph and a space: ✘ for what went wrong, ✔ for correct, ■ for stopped. */
    static String glyph(BufferOutcome outcome) {
        return wentWrong(outcome) ? "✘ " : outcome == BufferOutcome.OK ? "✔ " : "■ ";
    }

    /** The banner's outcome, once the shown run has ended; nothing while it runs. */
    private void showOutcome(BufferRunSnapshot now) {
        BufferResult result = now.result();
        if (now.state() != RunState.IDLE || result == null || !showsLatestRun()) {
            if (labOutcome.get() != null && now.state() != RunState.IDLE) {
                clearLab();
            }
            return;
        }
        if (labOutcome.get() != null) {
            return; // shown already
        }
        BufferOutcome outcome = result.labOutcome();
        BufferResult.Lab lab = result.lab();
        outcomeText.set(switch (outcome) {
            // "at": the watchdog first saw everyone waiting then, and still so STALL_MILLIS later, when it
            // ended the run; the last put or take came earlier (the log has it). "found at 77 ms" read as
            // if the lab had waited less than the 0.5 s it says it waits.
            case STALLED -> String.format(Locale.ROOT, "Stalled at %,d ms (and still %s later)", lab.stalledAfterMillis(),
                    String.format(Locale.ROOT, "%.1f s", BufferRunner.STALL_MILLIS / 1000.0));
            case VIOLATED -> "Violated: " + lab.invariant();
            case OK -> "Correct: " + Words.count(result.consumed(), "item") + ", each consumed once.";
            case STOPPED -> String.format(Locale.ROOT, "Stopped after %s consumed; no stall, no violation seen.",
                    Words.count(result.consumed(), "item"));
            case WRONG_TOTAL -> "Wrong total: an item was lost or taken twice.";
            case FAILED -> "Failed: " + (result.failure() == null ? "a worker threw" : result.failure());
        });
        outcomeDetail.set(switch (outcome) {
            case STALLED -> lab.stall();
            case VIOLATED -> lab.action();
            case STOPPED -> inHandAtStop(result.made(), result.put());
            default -> "";
        });
        futileProducers.set(lab.futileProducerWakeups());
        futileConsumers.set(lab.futileConsumerWakeups());
        spuriousWakeups.set(lab.spuriousWakeups());
        stallSeconds.set(outcome == BufferOutcome.STALLED ? lab.stalledAfterNanos() / 1e9 : Double.NaN);
        if (now.log() != null) {
            rewind.follow(now.log(), now.settings());
        }
        stallCause.set(outcome == BufferOutcome.STALLED ? lastAction(rewind.history()) : -1);
        // The run's end interrupted everyone: show the moment it went wrong instead, with each chip
        // where it was (End shows the run after the interrupts).
        long at = moment(rewind.history(), outcome, stallCause.get());
        this.moment.set(at);
        if (at >= 0) {
            rewind.allowedProperty().set(true);
            rewind.moveTo(at);
        }
        labOutcome.set(outcome);
    }

    /**
     * The position that shows what went wrong: for a stall, just before the first interrupt after
     * the last put or take (everyone waiting); for a violation, just after the first VIOLATION event
     * (the worker that was about to break the invariant at its line, the one the banner names: while
     * Stop ends the run, another woken worker may go past its if and be caught too). -1 otherwise,
     * or if not kept.
     */
    static long moment(History<BufferReplay> history, BufferOutcome outcome, long lastAction) {
        if (history == null || (outcome != BufferOutcome.STALLED && outcome != BufferOutcome.VIOLATED)) {
            return -1;
        }
        long from = outcome == BufferOutcome.STALLED ? Math.max(lastAction, history.start()) : history.start();
        if (from < 0) {
            return -1;
        }
        for (long seq = from; seq < history.end(); seq++) {
            EventLog.Batch batch = history.batchOf(seq);
            if (batch == null) {
                continue;
            }
            BufferEvent kind = BufferEvent.of(batch, (int) (seq - batch.firstSeq()));
            if (outcome == BufferOutcome.VIOLATED && kind == BufferEvent.VIOLATION) {
                return seq + 1;
            } else if (outcome == BufferOutcome.STALLED && (kind == BufferEvent.LEAVE || kind == BufferEvent.DONE
                    || (kind == BufferEvent.PASS && batch.other((int) (seq - batch.firstSeq()))
                    == BufferEvent.PASS_INTERRUPTED))) {
                return seq;
            }
        }
        return outcome == BufferOutcome.STALLED ? history.end() : -1;
    }

    /**
     * The last put or take in {@code history}: after it every live worker went to wait, so the story
     * of a stall starts there. -1 when none is kept.
     */
    static long lastAction(History<BufferReplay> history) {
        if (history == null) {
            return -1;
        }
        for (long seq = history.end() - 1; seq >= history.start(); seq--) {
            EventLog.Batch batch = history.batchOf(seq);
            if (batch == null) {
                continue;
            }
            if (BufferEvent.of(batch, (int) (seq - batch.firstSeq())).movesAnItem()) {
                return seq;
            }
        }
        return -1;
    }

    /**
     * Moves the scrubber to the stall's start: just before the last put or take, so the next events
     * (Step forward in the log) are that action, the signal it sent, and everyone going to wait.
     */
    public void showStallCause() {
        long seq = stallCause.get();
        if (seq >= 0) {
            rewind.moveTo(seq);
        }
    }

    // ---- properties ----

    public IntegerProperty capacityProperty() {
        return capacity;
    }

    public IntegerProperty producersProperty() {
        return producers;
    }

    public IntegerProperty consumersProperty() {
        return consumers;
    }

    public IntegerProperty produceMinMillisProperty() {
        return produceMinMillis;
    }

    public IntegerProperty produceMaxMillisProperty() {
        return produceMaxMillis;
    }

    public IntegerProperty consumeMinMillisProperty() {
        return consumeMinMillis;
    }

    public IntegerProperty consumeMaxMillisProperty() {
        return consumeMaxMillis;
    }

    public ObjectProperty<WakePolicy> policyProperty() {
        return policy;
    }

    public BooleanProperty fairProperty() {
        return fair;
    }

    public ObjectProperty<ThreadKind> threadsProperty() {
        return threads;
    }

    /** The item in each slot as shown now, 0 where empty. */
    public List<Long> slots() {
        return slots.get();
    }

    /** Whether the slots shown are few enough to be drawn as tiles ({@link #TILED_CAPACITY}); else a strip. */
    public BooleanBinding tiledBinding() {
        return tiled;
    }

    /** {@link #slots()}, replaced whenever a slot, or the number of slots, changes. */
    public ReadOnlyObjectProperty<List<Long>> slotsProperty() {
        return slots.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty putIndexProperty() {
        return putIndex.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty takeIndexProperty() {
        return takeIndex.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ObservableList<BufferSnapshot.WorkerView> workers() {
        return workersReadOnly;
    }

    /** The workers asked to leave that have not finished yet, in the order they joined. */
    public ObservableList<String> leaving() {
        return leavingReadOnly;
    }

    /**
     * The workers of the shown run asked to leave that have finished (they left), in the order they
     * joined: from the run, not from {@link #leaving} seen frame by frame (a worker can leave within
     * a frame, and was then shown "done").
     */
    public ObservableList<String> left() {
        return leftReadOnly;
    }

    public ObservableList<String> notFullWaiters() {
        return notFullWaitersReadOnly;
    }

    public ObservableList<String> notEmptyWaiters() {
        return notEmptyWaitersReadOnly;
    }

    public ObservableList<String> atGate() {
        return atGateReadOnly;
    }

    public ReadOnlyLongProperty producedProperty() {
        return produced.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty consumedProperty() {
        return consumed.getReadOnlyProperty();
    }

    /** Items consumed per second of the shown run so far, pauses left out; 0 before a run. */
    public ReadOnlyLongProperty runItemsPerSecondProperty() {
        return runItemsPerSecond.getReadOnlyProperty();
    }

    /** Whether the shown run stalled and {@link #runItemsPerSecondProperty} is counted until the stall. */
    public ReadOnlyBooleanProperty rateUntilStallProperty() {
        return rateUntilStall.getReadOnlyProperty();
    }

    /**
     * Whether every item consumed so far was a step's (taken while the run was paused): the rate then
     * measures nothing, and the view says so rather than 0.
     */
    public ReadOnlyBooleanProperty onlySteppedProperty() {
        return onlyStepped.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty waitsOnFullProperty() {
        return waitsOnFull.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty waitsOnEmptyProperty() {
        return waitsOnEmpty.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty actionsProperty() {
        return actions.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastActionProperty() {
        return lastAction.getReadOnlyProperty();
    }

    /** Steps taken in the run shown so far (0 for a run never stepped). */
    public ReadOnlyLongProperty stepsTakenProperty() {
        return stepsTaken.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    /** The occupancy plot's top: the shown run's buffer size, or the setting before any run. */
    public ReadOnlyIntegerProperty plotCapacityProperty() {
        return plotCapacity.getReadOnlyProperty();
    }

    public XYChart.Series<Number, Number> occupancySeries() {
        return occupancy;
    }

    public XYChart.Series<Number, Number> itemsPerSecondSeries() {
        return itemsPerSecond;
    }

    public ObjectProperty<BufferImpl> implProperty() {
        return impl;
    }

    public ObjectProperty<Bug> bugProperty() {
        return bug;
    }

    public IntegerProperty spuriousPercentProperty() {
        return spuriousPercent;
    }

    public ReadOnlyObjectProperty<BufferCode.Method> putCodeProperty() {
        return putCode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BufferCode.Method> takeCodeProperty() {
        return takeCode.getReadOnlyProperty();
    }

    /** The caption of the producers' wait set, in the terms of the code beside it (see captionWaitSets). */
    public ReadOnlyStringProperty notFullCaptionProperty() {
        return notFullCaption.getReadOnlyProperty();
    }

    /** The caption of the consumers' wait set, in the terms of the code beside it. */
    public ReadOnlyStringProperty notEmptyCaptionProperty() {
        return notEmptyCaption.getReadOnlyProperty();
    }

    /** Whether the code and figures shown are abq's: its slots, counts and wait sets are not visible. */
    public BooleanBinding abqShownBinding() {
        return abqShown;
    }

    /** Whether both sides wait in one wait set, shown whole in the first queue (the second is its other name). */
    public ReadOnlyBooleanProperty oneWaitSetShownProperty() {
        return oneWaitSetShown.getReadOnlyProperty();
    }

    /** Whether the wait sets shown are abq's, not visible: their captions say so, with no chips. */
    public ReadOnlyBooleanProperty waitSetsHiddenProperty() {
        return waitSetsHidden.getReadOnlyProperty();
    }

    /** Whether the code shown is the shown run's, its workers' chips at its lines (see showCode). */
    public ReadOnlyBooleanProperty codeOfShownRunProperty() {
        return codeOfShownRun.getReadOnlyProperty();
    }

    /** The implementation of the code shown: the shown run's, or the chosen one (see showCode). */
    public ReadOnlyObjectProperty<BufferImpl> codeImplProperty() {
        return codeImpl.getReadOnlyProperty();
    }

    /** The bug of the code shown. */
    public ReadOnlyObjectProperty<Bug> codeBugProperty() {
        return codeBug.getReadOnlyProperty();
    }

    /** The wake-up (signal or signal-all) of the code shown. */
    public ReadOnlyObjectProperty<WakePolicy> codeWakeProperty() {
        return codeWake.getReadOnlyProperty();
    }

    /** The implementation whose code and chips are shown: the shown run's, else the chosen one. */
    public ReadOnlyObjectProperty<BufferImpl> shownImplProperty() {
        return shownImpl.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LabGuide> guideProperty() {
        return guide.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BufferOutcome> labOutcomeProperty() {
        return labOutcome.getReadOnlyProperty();
    }

    /**
     * Under a stopped run's headline, why the item numbers run past the items put: a number is drawn
     * as a producer begins its item, so those in hand at Stop were never put ("Stopped after 207
     * items consumed" beside "C1 took #208" had a class ask where #207 went). Empty when none was.
     */
    static String inHandAtStop(long made, long put) {
        long inHand = made - put;
        if (inHand <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, "Items are numbered as a producer begins one: %s still in %s at Stop,"
                + " never put, so the numbers go up to #%,d while %,d %s put.",
                Words.count(inHand, "numbered item") + (inHand == 1 ? " was" : " were"),
                inHand == 1 ? "a producer's hand" : "producers' hands", made, put, put == 1 ? "was" : "were");
    }

    /** The lab's finding, its headline ({@link #outcomeDetailProperty} under it). */
    public ReadOnlyStringProperty outcomeTextProperty() {
        return outcomeText.getReadOnlyProperty();
    }

    /** The finding's detail: who waits where, or the action that broke the invariant; "" for the others. */
    public ReadOnlyStringProperty outcomeDetailProperty() {
        return outcomeDetail.getReadOnlyProperty();
    }

    /** The event a stall's story starts at ({@link #showStallCause}), or -1. */
    public ReadOnlyLongProperty stallCauseProperty() {
        return stallCause.getReadOnlyProperty();
    }

    /** The position that shows the stall or violation, or -1; the view moved there when the run ended. */
    public ReadOnlyLongProperty momentProperty() {
        return moment.getReadOnlyProperty();
    }

    /** Back to the moment the run stalled or broke an invariant. */
    public void showMoment() {
        if (moment.get() >= 0) {
            rewind.moveTo(moment.get());
        }
    }

    public ReadOnlyLongProperty futileProducersProperty() {
        return futileProducers.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty futileConsumersProperty() {
        return futileConsumers.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty spuriousWakeupsProperty() {
        return spuriousWakeups.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /**
     * While rewound, the moment shown, in the plots' seconds (run time, pauses left out), for the
     * plots to mark; NaN at present.
     */
    public ReadOnlyDoubleProperty rewoundSecondsProperty() {
        return rewoundSeconds.getReadOnlyProperty();
    }

    /**
     * When the run shown stalled, in the plots' seconds (its last put or take before everybody waited);
     * NaN for a run that did not. The plots went on for the lab's half-second watch after it, flat,
     * with nothing saying the run had stalled 28 ms in (a learner's tryout).
     */
    public ReadOnlyDoubleProperty stallSecondsProperty() {
        return stallSeconds.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty liveRefusalProperty() {
        return liveRefusal.getReadOnlyProperty();
    }

    public XYChart.Series<Number, Number> futileProducerSeries() {
        return futileProducerSeries;
    }

    public XYChart.Series<Number, Number> futileConsumerSeries() {
        return futileConsumerSeries;
    }
}
