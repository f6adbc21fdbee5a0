package dev.interleave.ui.philosophers;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.prefs.Preferences;

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

import dev.interleave.engine.philosophers.Action;
import dev.interleave.engine.philosophers.Coffman;
import dev.interleave.engine.philosophers.Deadlock;
import dev.interleave.engine.philosophers.Fairness;
import dev.interleave.engine.philosophers.Names;
import dev.interleave.engine.philosophers.PhilosopherState;
import dev.interleave.engine.philosophers.PhilosophersJson;
import dev.interleave.engine.philosophers.PhilosophersResult;
import dev.interleave.engine.philosophers.PhilosophersRunner;
import dev.interleave.engine.philosophers.PhilosophersSettings;
import dev.interleave.engine.philosophers.PhilosophersSnapshot;
import dev.interleave.engine.philosophers.PhilosophersTrace;
import dev.interleave.engine.philosophers.Steps;
import dev.interleave.engine.philosophers.Strategy;
import dev.interleave.engine.philosophers.TableEvent;
import dev.interleave.engine.philosophers.TableState;
import dev.interleave.engine.philosophers.TableView;
import dev.interleave.engine.philosophers.WaitForGraph;
import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.History;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;
import dev.interleave.engine.run.Verdict;
import dev.interleave.ui.kit.GuideApplied;
import dev.interleave.ui.kit.IntInput;
import dev.interleave.ui.kit.ModelSupport;
import dev.interleave.ui.kit.PlotClock;
import dev.interleave.ui.kit.PlotData;
import dev.interleave.ui.kit.Rewind;
import dev.interleave.ui.kit.RunViewModel;
import dev.interleave.ui.kit.SavedSettings;
import dev.interleave.ui.kit.Words;

/**
 * The deadlock lab's state: settings, every philosopher and fork, the wait-for graph and its circle,
 * the four conditions as they stand, meals, attempts, fairness, livelock and starvation, the step
 * narration, and plots of attempts against meals and of the fairness index. Pulled from the
 * {@link PhilosophersRunner} once per frame. Every run is recorded ({@link TableEvent}): while
 * paused or after a run, {@link #rewind()} moves to any recorded event and the table, the graph,
 * the conditions and the narration show it as it was then. FX thread only; holds no {@code Node}.
 */
public final class PhilosophersViewModel extends RunViewModel<PhilosophersSettings> {

    /** Where the delay sliders end: the fields take the command line's whole range, {@link DelayRange#MAX_MILLIS}. */
    public static final int SLIDER_MAX_DELAY_MILLIS = 2_000;
    /** What the philosophers field accepts: the command line's range. */
    public static final IntInput PHILOSOPHERS = new IntInput(PhilosophersSettings.MIN_N, PhilosophersSettings.MAX_N, "");
    /** Why the delay sliders end before the fields' range does. */
    public static final String DELAY_NOTE = String.format(Locale.ROOT, "The slider ends at %,d ms, slow enough to "
            + "follow by eye; type up to %,d in the fields, as the command line (--think-ms, --eat-ms) takes.",
            SLIDER_MAX_DELAY_MILLIS, DelayRange.MAX_MILLIS);
    /** What the delay fields accept: the command line's range; the sliders end sooner. */
    public static final IntInput DELAY = IntInput.sliderTo(0, DelayRange.MAX_MILLIS, SLIDER_MAX_DELAY_MILLIS, DELAY_NOTE);
    static final long PLOT_INTERVAL_NANOS = 100_000_000L;
    static final int MAX_POINTS = 600;

    private final PhilosophersRunner runner;

    private final IntegerProperty n = new SimpleIntegerProperty(this, "n", 5);
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>(this, "strategy", Strategy.NAIVE);
    private final BooleanProperty fair = new SimpleBooleanProperty(this, "fair", false);
    private final ObjectProperty<ThreadKind> threads = new SimpleObjectProperty<>(this, "threads", ThreadKind.PLATFORM);
    private final IntegerProperty thinkMinMillis = new SimpleIntegerProperty(this, "thinkMinMillis", 0);
    private final IntegerProperty thinkMaxMillis = new SimpleIntegerProperty(this, "thinkMaxMillis", 100);
    private final IntegerProperty eatMinMillis = new SimpleIntegerProperty(this, "eatMinMillis", 0);
    private final IntegerProperty eatMaxMillis = new SimpleIntegerProperty(this, "eatMaxMillis", 100);

    private final ObservableList<TableView.Diner> philosophers = FXCollections.observableArrayList();
    private final ObservableList<Integer> forkHolders = FXCollections.observableArrayList();
    private final ObservableList<WaitForGraph.Edge> edges = FXCollections.observableArrayList();
    private final ObservableList<Integer> circle = FXCollections.observableArrayList();
    private final ObservableList<WaitForGraph.FreeWait> freeWaits = FXCollections.observableArrayList();
    private final ObservableList<WaitForGraph.Edge> circleEdges = FXCollections.observableArrayList();
    private final ObservableList<Integer> starving = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Strategy> tableStrategy = new ReadOnlyObjectWrapper<>(this, "tableStrategy");
    private final ReadOnlyStringWrapper deadlockText = new ReadOnlyStringWrapper(this, "deadlockText", "");
    private final ReadOnlyBooleanWrapper deadlocked = new ReadOnlyBooleanWrapper(this, "deadlocked");
    /** Whether the moment rewound to is in the run's ending: its waits interrupted, the forks put down ({@link TableState#ending}). */
    private final ReadOnlyBooleanWrapper endingShown = new ReadOnlyBooleanWrapper(this, "endingShown");
    private final ReadOnlyBooleanWrapper livelockNow = new ReadOnlyBooleanWrapper(this, "livelockNow");
    private final ReadOnlyBooleanWrapper livelockSeen = new ReadOnlyBooleanWrapper(this, "livelockSeen");
    /** Spells of livelock in the run so far (LivelockWatch). */
    private final ReadOnlyIntegerWrapper livelockSpells = new ReadOnlyIntegerWrapper(this, "livelockSpells");
    /** The longest stretch with no meal a spell of livelock was in, in ms of the run's active time. */
    private final ReadOnlyLongWrapper livelockLongestMillis = new ReadOnlyLongWrapper(this, "livelockLongestMillis");
    private final Map<Coffman, ReadOnlyBooleanWrapper> conditions = new EnumMap<>(Coffman.class);
    private final ReadOnlyIntegerWrapper longestChain = new ReadOnlyIntegerWrapper(this, "longestChain");
    /** Whether the waits close a circle only through timed tries: circular wait holds, but cannot last. */
    private final ReadOnlyBooleanWrapper timedCircle = new ReadOnlyBooleanWrapper(this, "timedCircle");
    /** The waiter's seats (N - 1), or 0 when the strategy has no waiter; and how many are taken. */
    private final ReadOnlyIntegerWrapper seats = new ReadOnlyIntegerWrapper(this, "seats");
    private final ReadOnlyIntegerWrapper seated = new ReadOnlyIntegerWrapper(this, "seated");
    private final ReadOnlyLongWrapper totalMeals = new ReadOnlyLongWrapper(this, "totalMeals");
    private final ReadOnlyLongWrapper totalAttempts = new ReadOnlyLongWrapper(this, "totalAttempts");
    /** Jain's index of the meals; NaN while nobody has eaten. */
    private final ReadOnlyDoubleWrapper jain = new ReadOnlyDoubleWrapper(this, "jain", Double.NaN);
    private final ReadOnlyStringWrapper lastAction = new ReadOnlyStringWrapper(this, "lastAction", "");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(this, "stepText", "");
    private final ReadOnlyLongWrapper stepsTaken = new ReadOnlyLongWrapper(this, "stepsTaken");
    /** Over the plots, why they stand at 0 s: every step so far came while paused; else empty. */
    private final ReadOnlyStringWrapper plotsNote = new ReadOnlyStringWrapper(this, "plotsNote", "");

    // Read-only views, made once (an unmodifiable wrapper listens weakly: one made per call would be collected).
    private final ObservableList<TableView.Diner> philosophersReadOnly =
            FXCollections.unmodifiableObservableList(philosophers);
    private final ObservableList<Integer> forkHoldersReadOnly = FXCollections.unmodifiableObservableList(forkHolders);
    private final ObservableList<WaitForGraph.Edge> edgesReadOnly = FXCollections.unmodifiableObservableList(edges);
    private final ObservableList<Integer> circleReadOnly = FXCollections.unmodifiableObservableList(circle);
    private final ObservableList<WaitForGraph.FreeWait> freeWaitsReadOnly = FXCollections.unmodifiableObservableList(freeWaits);
    private final ObservableList<WaitForGraph.Edge> circleEdgesReadOnly =
            FXCollections.unmodifiableObservableList(circleEdges);
    private final ObservableList<Integer> starvingReadOnly = FXCollections.unmodifiableObservableList(starving);

    private final XYChart.Series<Number, Number> attemptsSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> mealsSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> jainSeries = new XYChart.Series<>();
    private long lastPlotNanos;
    private long stepsSeen;
    /** What the guide's buttons set, until a setting changes. */
    private final GuideApplied guideApplied;
    /** Whether the latest step is what the step text tells: from the step until the run runs freely again. */
    private boolean stepToTell;
    /** The newest action number seen by the previous sample, and the one before the latest step. */
    private long lastSeenSeq;
    private long stepBaseSeq;
    /** Why the latest step asked for was refused, until the next step or run, or until the run's state changes. */
    private String refusal = "";
    /** The run's state when the refusal was made: a new state (resumed, stopped) ends it. FX thread. */
    private RunState refusedWhile = RunState.IDLE;
    /** A step granted and not taken yet, as of the last sample (Auto-step waits for it). */
    private boolean stepPending;
    /** Set by {@link #breakWith} while this tab's run is stopping: Run again once it has. */
    private boolean restartWhenIdle;
    /** With restartWhenIdle: the stopped run was paused (stepped, or paused by Space), and the next starts paused too. */
    private boolean restartPaused;
    private final SavedSettings settingsStore;
    /** The recorded run: the scrubber, the timeline and the event list read it. */
    private final Rewind<TableState> rewind = new Rewind<>();
    /** Where the plots' samples fall in time: places a rewound moment on their x axis. */
    private final PlotClock plotClock = new PlotClock();
    /** The log's clock just after the frame's snapshot, paired with the run's seconds then (as the buffer's). */
    private long snapshotNanos;
    /** The moment a rewound view shows, in the plots' seconds; NaN at present. */
    private final ReadOnlyDoubleWrapper rewoundSeconds = new ReadOnlyDoubleWrapper(this, "rewoundSeconds", Double.NaN);
    /**
     * When the run's circle closed, in the plots' seconds (its active time: pauses left out, as their x
     * axis), rewound or not; NaN while it has not deadlocked.
     */
    private final ReadOnlyDoubleWrapper deadlockSeconds = new ReadOnlyDoubleWrapper(this, "deadlockSeconds", Double.NaN);
    /** Whether the last sample showed a rewound table (its text is then the rewind's). */
    private boolean showedPast;
    /**
     * Whether the plots have their point at the deadlock, and take no more: nothing changes after it,
     * and points going on flat shrank the seconds before it to a strip at the axis's left.
     */
    private boolean deadlockPlotted;
    /** Whether the run now (not the rewound table) is deadlocked, as of the last sample. */
    private boolean deadlockedNow;
    /** The run's state at the last sample: Resume (paused, then running) returns to now. */
    private RunState stateLastSampled = RunState.IDLE;

    /** A view-model whose settings are not kept between starts. */
    public PhilosophersViewModel(PhilosophersRunner runner) {
        this(runner, null);
    }

    /**
     * @param saved where the settings are kept between starts ({@link SavedSettings#node}); null
     *              keeps them nowhere
     */
    public PhilosophersViewModel(PhilosophersRunner runner, Preferences saved) {
        super(runner, "philosophers");
        this.runner = runner;
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        attemptsSeries.setName("attempts");
        mealsSeries.setName("meals");
        jainSeries.setName("Jain's index");
        for (Coffman condition : Coffman.values()) {
            conditions.put(condition, new ReadOnlyBooleanWrapper(this, condition.name()));
        }
        ModelSupport.clamp(n, PhilosophersSettings.MIN_N, PhilosophersSettings.MAX_N);
        for (IntegerProperty delay : List.of(thinkMinMillis, thinkMaxMillis, eatMinMillis, eatMaxMillis)) {
            ModelSupport.clamp(delay, 0, DelayRange.MAX_MILLIS);
        }
        ModelSupport.keepOrdered(thinkMinMillis, thinkMaxMillis);
        ModelSupport.keepOrdered(eatMinMillis, eatMaxMillis);
        for (IntegerProperty delay : List.of(thinkMinMillis, thinkMaxMillis, eatMinMillis, eatMaxMillis)) {
            // Delays apply live: the philosophers read them before each meal.
            // The run's note over its figures names the delays it runs with now (RunViewModel.appliedLive).
            delay.addListener((obs, old, now) -> {
                runner.setDelays(thinkDelay(), eatDelay());
                appliedLive(run -> run.withDelays(thinkDelay(), eatDelay()));
            });
        }
        strategy.addListener((obs, old, now) -> {
            if (now == null) {
                strategy.set(old);
            }
        });
        threads.addListener((obs, old, now) -> {
            if (now == null) {
                threads.set(old);
            }
        });
        n.addListener((obs, old, now) -> {
            if (!showsLatestRun()) {
                showEmptyTable();
            }
        });
        strategy.addListener((obs, old, now) -> {
            if (!showsLatestRun()) {
                tableStrategy.set(now);
            }
        });
        guideApplied = new GuideApplied(List.of(n, strategy, fair, threads, thinkMinMillis, thinkMaxMillis,
                eatMinMillis, eatMaxMillis));
        settingsStore = new SavedSettings(saved);
        settingsStore.add(n, "n");
        settingsStore.add(strategy, "strategy", Strategy.class);
        settingsStore.add(fair, "fair");
        settingsStore.add(threads, "threads", ThreadKind.class);
        settingsStore.add(thinkMinMillis, "thinkMinMillis");
        settingsStore.add(thinkMaxMillis, "thinkMaxMillis");
        settingsStore.add(eatMinMillis, "eatMinMillis");
        settingsStore.add(eatMaxMillis, "eatMaxMillis");
        settingsStore.load();
        showEmptyTable();
    }

    /**
     * A setup the guide names, set with one click: its step 1 (a deadlock at once) and step 4 (a
     * livelock).
     */
    public enum GuideSetup {
        DEADLOCK(2, Strategy.NAIVE, 0, 0),
        LIVELOCK(5, Strategy.TRYLOCK_NO_BACKOFF, 1, 5);

        private final int n;
        private final Strategy strategy;
        private final int eatMinMillis;
        private final int eatMaxMillis;

        /** Thinking takes no time in either: the philosophers are hungry again at once. */
        GuideSetup(int n, Strategy strategy, int eatMinMillis, int eatMaxMillis) {
            this.n = n;
            this.strategy = strategy;
            this.eatMinMillis = eatMinMillis;
            this.eatMaxMillis = eatMaxMillis;
        }

        /** The setup in words: "2 philosophers, naive, non-fair forks, think 0..0 ms, eat 0..0 ms". */
        public String words() {
            return String.format(Locale.ROOT, "%d philosophers, %s, non-fair forks, think 0..0 ms, eat %d..%d ms", n,
                    strategy.label(), eatMinMillis, eatMaxMillis);
        }
    }

    /** Sets {@code setup} (not while a run goes on: the settings are locked then) and says so beside the button. */
    public void applyGuide(GuideSetup setup) {
        if (runningBinding().get()) {
            return;
        }
        n.set(setup.n);
        strategy.set(setup.strategy);
        fair.set(false); // fair forks break the livelock's step: the guide names them as its cure
        thinkMinMillis.set(0);
        thinkMaxMillis.set(0);
        eatMinMillis.set(0); // the lower bound first: the range stays ordered on the way
        eatMaxMillis.set(setup.eatMaxMillis);
        eatMinMillis.set(setup.eatMinMillis);
        guideApplied.set(setup.words());
    }

    /** What the guide's buttons set, for the line beside them; "" until one is used, and after a setting changes. */
    public ReadOnlyStringProperty guideAppliedProperty() {
        return guideApplied.wordsProperty();
    }

    public DelayRange thinkDelay() {
        return new DelayRange(thinkMinMillis.get(), thinkMaxMillis.get());
    }

    public DelayRange eatDelay() {
        return new DelayRange(eatMinMillis.get(), eatMaxMillis.get());
    }

    /** The settings a run would use now: until Stop, and a deadlock stays on screen. */
    @Override
    public PhilosophersSettings settings() {
        return new PhilosophersSettings(n.get(), strategy.get(), fair.get(), thinkDelay(), eatDelay(), threads.get(),
                0, false);
    }

    @Override
    public void resetSettings() {
        restoreDefaults(settingsStore);
    }

    // ---- commands ----

    /**
     * Lets philosopher {@code p} take its next fork action. Paused: at once (or when it reaches its
     * gate); idle: starts the run paused and steps it; running: asks to pause first. A philosopher
     * that cannot act (it waits for a fork or a seat) is refused, and the step text says why.
     */
    public void stepPhilosopher(int p) {
        RunState now = runner.state();
        if (now == RunState.RUNNING) {
            refuse("Pause first (Space), then click a philosopher (or Tab to it and press Enter) to let it take one"
                    + " fork action.");
            return;
        }
        try {
            // From idle the run starts paused, every gate closed: no philosopher acts before this step.
            if (now == RunState.IDLE && !startForStep()) {
                return;
            }
            if (runner.state() == RunState.PAUSED) {
                refusal = "";
                runner.step(p);
            }
        } catch (IllegalStateException cannot) {
            refuse(cannot.getMessage());
        } catch (IndexOutOfBoundsException noSuchPhilosopher) {
            // A click on a table drawn for another N: nothing to step.
        }
    }

    /**
     * Chooses {@code next} as the strategy, the one click from a condition to what breaks it: a run
     * in progress is stopped and run again with it, paused before its first step if it was paused (a
     * class stepping a deadlock together pressed trylock's button and the table ran at full speed);
     * while idle it is only chosen (Run starts it).
     */
    public void breakWith(Strategy next) {
        strategy.set(next);
        RunState now = runner.state();
        if (now == RunState.RUNNING || now == RunState.PAUSED) {
            restartWhenIdle = true;
            restartPaused = now == RunState.PAUSED;
            stop();
        }
    }

    @Override
    protected void started(PhilosophersSettings settings) {
        guideApplied.started();
        attemptsSeries.getData().clear();
        mealsSeries.getData().clear();
        jainSeries.getData().clear();
        // The counts start at 0 with the run: a deadlock within the first plot interval drew its lines
        // only from its own mark on, as if nothing had happened before it.
        ModelSupport.addPoint(attemptsSeries, 0, 0, MAX_POINTS);
        ModelSupport.addPoint(mealsSeries, 0, 0, MAX_POINTS);
        lastPlotNanos = 0;
        stepsSeen = 0;
        stepToTell = false;
        lastSeenSeq = 0;
        stepBaseSeq = 0;
        refusal = "";
        stepText.set("");
        lastAction.set("");
        tableStrategy.set(settings.strategy());
        rewind.clear();
        plotClock.clear();
        rewoundSeconds.set(Double.NaN);
        deadlockSeconds.set(Double.NaN);
        deadlockedNow = false;
        deadlockPlotted = false;
    }

    @Override
    protected void stepRefused(String why) {
        // Paused in a deadlock, the step text says so already, after the words of the step that closed
        // the circle: the refusal in its place wiped them (one S too many, a teacher's tryout).
        if (why.equals(Steps.NOBODY_CAN_ACT) && stepText.get().contains(NOBODY_CAN_ACT_SAID)) {
            return;
        }
        refuse(why);
    }

    /** How the deadlock's step text begins to say that nobody can act (see narrateSteps). */
    private static final String NOBODY_CAN_ACT_SAID = Steps.NOBODY_CAN_ACT.substring(0, Steps.NOBODY_CAN_ACT.indexOf(':'));

    /** Says why a step was refused, until a step is taken or the run is no longer as it was (see narrateSteps). */
    private void refuse(String why) {
        refusal = why;
        refusedWhile = runner.state();
        stepText.set(why);
    }

    @Override
    protected void pausedBeforeFirstStep() {
        // What the philosophers did between start and pause is not the step's doing.
        lastSeenSeq = runner.snapshot().table().actions();
    }

    @Override
    protected void clearFigures() {
        attemptsSeries.getData().clear();
        mealsSeries.getData().clear();
        jainSeries.getData().clear();
        deadlockText.set("");
        deadlocked.set(false);
        livelockNow.set(false);
        livelockSeen.set(false);
        livelockSpells.set(0);
        livelockLongestMillis.set(0);
        conditions.values().forEach(mark -> mark.set(false));
        longestChain.set(0);
        timedCircle.set(false);
        seats.set(0);
        seated.set(0);
        totalMeals.set(0);
        totalAttempts.set(0);
        jain.set(Double.NaN);
        lastAction.set("");
        stepText.set("");
        stepsTaken.set(0);
        plotsNote.set("");
        refusal = "";
        restartWhenIdle = false;
        rewind.clear();
        plotClock.clear();
        rewoundSeconds.set(Double.NaN);
        deadlockSeconds.set(Double.NaN);
        deadlockedNow = false;
        deadlockPlotted = false;
        showEmptyTable();
    }

    /** Before any run (and after Reset): the table to come, everyone thinking, every fork on the table. */
    private void showEmptyTable() {
        List<TableView.Diner> diners = new ArrayList<>();
        for (int p = 0; p < n.get(); p++) {
            diners.add(new TableView.Diner(p, PhilosopherState.THINKING, List.of(), -1, false, 0, 0, ""));
        }
        setIfChanged(philosophers, diners);
        setIfChanged(forkHolders, Collections.nCopies(n.get(), -1));
        edges.clear();
        freeWaits.clear();
        circle.clear();
        circleEdges.clear();
        starving.clear();
        tableStrategy.set(strategy.get());
    }

    // ---- sampling ----

    @Override
    public void sample(long nowNanos) {
        PhilosophersSnapshot now = runner.snapshot();
        snapshotNanos = System.nanoTime();
        sampled(now.state());
        stepPending = now.state() == RunState.PAUSED && now.steps().pending();
        if (restartWhenIdle && now.state() == RunState.IDLE) {
            restartWhenIdle = false;
            if (restartPaused) {
                startForStep();
            } else {
                run();
            }
            return;
        }
        if (now.settings() == null || !showsLatestRun()) {
            if (philosophers.size() != n.get()) {
                showEmptyTable();
            }
            return;
        }
        Deadlock closed = now.table().deadlock();
        deadlockedNow = closed != null;
        deadlockSeconds.set(closed != null ? closed.detectedAfterNanos() / 1e9 : Double.NaN);
        if (now.steps().stepsTaken() > stepsSeen) {
            rewind.toPresent(); // a step acts now: the view shows it
        }
        TableState past = rewound(now);
        TableView table = past == null ? now.table() : past.view();
        endingShown.set(past != null && past.ending());
        setIfChanged(philosophers, table.philosophers());
        setIfChanged(forkHolders, table.forkHolders());
        setIfChanged(edges, table.graph().edges());
        setIfChanged(freeWaits, table.graph().freeWaits());
        Deadlock deadlock = table.deadlock();
        // The circle: the detected deadlock's (it stays on screen after Stop, as the record), else none.
        setIfChanged(circle, deadlock != null ? sorted(deadlock.philosophers()) : List.of());
        setIfChanged(circleEdges, deadlock != null ? circleEdges(deadlock) : List.of());
        deadlocked.set(deadlock != null);
        deadlockText.set(deadlock == null ? "" : deadlockWords(deadlock.detectedAfterMillis(),
                now.steps().stepsTaken(), circle(deadlock)));
        // Ended, the table is in no livelock "now": stopped in a spell that no meal ended, the banner
        // read "Livelock now" above seats that all read "ended" (a teacher's tryout, 2 stops in 10).
        livelockNow.set(now.livelockNow() && now.state() != RunState.IDLE);
        livelockSeen.set(now.livelockSeen());
        livelockSpells.set(now.livelockSpells());
        livelockLongestMillis.set(now.livelockLongestNanos() / 1_000_000);
        Strategy running = now.settings().strategy();
        for (Coffman condition : Coffman.values()) {
            conditions.get(condition).set(condition.holdsNow(table, running));
        }
        longestChain.set(table.graph().longestChain());
        timedCircle.set(!table.graph().timedCycle().isEmpty());
        seats.set(table.seats());
        seated.set(table.seated());
        totalMeals.set(table.totalMeals());
        totalAttempts.set(table.totalAttempts());
        OptionalDouble index = Fairness.jain(table.meals());
        jain.set(index.isPresent() ? index.getAsDouble() : Double.NaN);
        setIfChanged(starving, Fairness.starving(table.meals(), table.deadlock() != null));
        lastAction.set(table.recentActions().isEmpty() ? "" : Words.capitalized(table.recentActions().getLast().words()));
        if (past != null) {
            long position = rewind.positionProperty().get();
            // Deadlocked, Resume is greyed out (nothing can happen): Now or End alone goes back.
            String wayBack = Rewind.wayBack(runState(), !deadlockedNow);
            String moment = "Rewound to " + Rewind.moment(position, rewind.endProperty().get());
            stepText.set(position == 0 ? moment + "   " + wayBack
                    : moment + ": " + Words.capitalized(pastWords(position - 1, past)) + closedTheCircle(position)
                    + "   " + wayBack);
            showedPast = true;
            if (now.state() == RunState.IDLE) {
                plotIfDue(now, nowNanos); // its end's point, rewound or not
            }
            return;
        }
        if (showedPast) {
            showedPast = false;
            stepText.set(""); // back to now: the step narration takes over again
        }
        narrateSteps(now, table);
        // A table stepped from the start has run for no time the plots count: beside "Attempts 5" their
        // curves stood on the axis at 0 s, and read as empty (a teacher's tryout). The buffer's words.
        boolean steppedOnly = ModelSupport.steppedOnly(stepsSeen, now.elapsedNanos());
        plotsNote.set(steppedOnly ? ModelSupport.steppedPlotsNote(now.state() == RunState.PAUSED && !deadlockedNow,
                "The timeline and the cards above have every step") : "");
        plotIfDue(now, nowNanos);
    }

    /**
     * Adds the plots' points, of the run as it is now: a plot interval after the last while it goes,
     * and once when it has ended, at its end (the curves, and their CSV, stopped at the last tenth of
     * a second's sample, 372 meals where the run ended with 373: a teaching assistant's check of the
     * export). Not while the run has only been stepped, as the buffer's: its points at 0 s drew a line
     * up to "Attempts 4" under "nothing to plot yet" (a learner's tryout).
     */
    private void plotIfDue(PhilosophersSnapshot now, long nowNanos) {
        boolean due = now.state() == RunState.IDLE ? ModelSupport.endsAfterLastPoint(attemptsSeries, now.elapsedNanos())
                : nowNanos - lastPlotNanos >= PLOT_INTERVAL_NANOS;
        if (!due || deadlockPlotted || ModelSupport.steppedOnly(stepsSeen, now.elapsedNanos())) {
            return;
        }
        TableView table = now.table();
        // The last point at the deadlock's mark, when no point is past it yet: nothing changes after
        // it (they ran on flat from the mark at 5 ms to the first plot interval's 110 ms).
        double seconds = deadlockedNow ? Math.max(deadlockSeconds.get(), lastPlottedSeconds())
                : now.elapsedNanos() / 1e9;
        plotClock.add(snapshotNanos, now.elapsedNanos() / 1e9); // the log's clock at the snapshot, not the frame's
        ModelSupport.addPoint(attemptsSeries, seconds, table.totalAttempts(), MAX_POINTS);
        ModelSupport.addPoint(mealsSeries, seconds, table.totalMeals(), MAX_POINTS);
        OptionalDouble index = Fairness.jain(table.meals());
        if (index.isPresent()) {
            ModelSupport.addPoint(jainSeries, seconds, index.getAsDouble(), MAX_POINTS);
        }
        lastPlotNanos = nowNanos;
        deadlockPlotted = deadlockedNow; // the last point: the curves end at the deadlock's line
    }

    /** The time of the latest point plotted, 0 for none. */
    private double lastPlottedSeconds() {
        return attemptsSeries.getData().isEmpty() ? 0 : attemptsSeries.getData().getLast().getXValue().doubleValue();
    }

    /**
     * Copies the run's new events into the history; while the view is rewound (paused, after a run,
     * or deadlocked while running), returns the table rebuilt at the position, else null.
     */
    private TableState rewound(PhilosophersSnapshot now) {
        // A deadlocked run goes on only in name: nothing can happen any more, so the class may rewind
        // at once (it had to press Pause first, over a table that would never move again). End
        // returns to now; paused there, Resume is greyed out (nothing can happen).
        boolean frozen = now.state() == RunState.RUNNING && deadlockedNow;
        if (now.state() == RunState.RUNNING && stateLastSampled == RunState.PAUSED) {
            rewind.toPresent();
        }
        stateLastSampled = now.state();
        // Stopping too, so that a view rewound while paused keeps its moment through Stop.
        rewind.allowedProperty().set(now.state() != RunState.RUNNING || frozen);
        EventLog log = now.log();
        if (log != null) {
            PhilosophersSettings settings = now.settings();
            rewind.follow(log, () -> new History<>(log, new TableState(settings.n(),
                    settings.strategy() == Strategy.WAITER), TableEvent::words));
        }
        if (!rewind.allowedProperty().get()) {
            rewind.toPresent();
        }
        rewoundSeconds.set(plotClock.shownBy(rewind));
        return rewind.shown();
    }

    /** Event {@code seq} in words, told with the table rebuilt just after it (a deadlock names its circle). */
    /**
     * What the event just before {@code position} did, when it was the wait that closed the circle
     * (the next event is the deadlock's): the first ◀ after a deadlock shows the same table, circle
     * and all, and "looked as if nothing happened" (a presenter's tryout); else "".
     */
    private String closedTheCircle(long position) {
        EventLog.Batch batch = rewind.history().batchOf(position);
        boolean closing = batch != null && TableEvent.of(batch, (int) (position - batch.firstSeq())) == TableEvent.DEADLOCK;
        return closing ? ": this wait closed the circle, so the table looks as it does now (◀ once more: the moment"
                + " before)" : "";
    }

    private String pastWords(long seq, TableState after) {
        EventLog.Batch batch = rewind.history().batchOf(seq);
        return batch == null ? "" : TableEvent.words(batch, (int) (seq - batch.firstSeq()), after);
    }

    /**
     * While rewound, the moment shown, in the plots' seconds (run time, pauses left out), for the
     * plots to mark; NaN at present.
     */
    public ReadOnlyDoubleProperty rewoundSecondsProperty() {
        return rewoundSeconds.getReadOnlyProperty();
    }

    /** When the run deadlocked, in the plots' seconds; NaN while it has not (see {@link #deadlockSeconds}). */
    public ReadOnlyDoubleProperty deadlockSecondsProperty() {
        return deadlockSeconds.getReadOnlyProperty();
    }

    /** The recorded run: the scrubber, the timeline and the event list read it. */
    public Rewind<TableState> rewind() {
        return rewind;
    }

    @Override
    public boolean canExportTrace() {
        return rewind.history() != null;
    }

    /** A run only stepped plots nothing, and says why (a tryout read the race lab's reason here). */
    @Override
    public String noSeries() {
        return plotsNote.get().isEmpty() ? super.noSeries() : "Nothing to export as CSV. " + plotsNote.get();
    }

    @Override
    public String noTrace() {
        return "Nothing to export yet: Run or Step first; the run is exported as recorded so far (going on, paused,"
                + " deadlocked or ended).";
    }

    @Override
    public void writeTrace(OutputStream out) throws IOException {
        PhilosophersSnapshot now = runner.snapshot();
        if (now.log() == null || now.settings() == null) {
            throw new IllegalStateException("no recorded run to export yet: run one first");
        }
        PhilosophersTrace.write(now.log(), now.settings(), out);
    }

    /** Whether the run shown has deadlocked by its latest event (the view may be rewound to before). */
    public boolean runDeadlocked() {
        return deadlockedNow;
    }

    /** A deadlocked table, running or paused: its threads are blocked for good, until Stop. */
    @Override
    public String alarm() {
        return runState() != RunState.IDLE && deadlockedNow ? "deadlocked" : "";
    }

    /** A table in livelock now, by the rule: busy, and hardly anyone eats (it may recover). */
    @Override
    public String warning() {
        return runState() != RunState.IDLE && livelockNow.get() ? "livelock" : "";
    }

    /** A paused deadlocked table: no step can do anything, and Auto-step stops saying so. */
    @Override
    public String whyNoStep() {
        return runState() == RunState.PAUSED && deadlockedNow ? Steps.NOBODY_CAN_ACT : "";
    }

    /** The step text: what the latest step did and what it set off (a blocked neighbour getting the fork put down). */
    private void narrateSteps(PhilosophersSnapshot now, TableView table) {
        long newestSeq = table.actions();
        if (now.steps().stepsTaken() > stepsSeen) {
            stepsSeen = now.steps().stepsTaken();
            stepBaseSeq = lastSeenSeq;
            refusal = "";
            stepToTell = true;
        }
        stepsTaken.set(stepsSeen);
        if (!refusal.isEmpty() && now.state() != refusedWhile) {
            // Refused while paused in a deadlock, then stopped: "Nobody can act ... Stop ends the run"
            // stayed under a table whose philosophers had all left.
            refusal = "";
            stepText.set("");
        }
        if (!refusal.isEmpty()) {
            stepText.set(refusal);
        } else if (now.state() == RunState.PAUSED && deadlockedNow) {
            // After the step that closed the circle, that step first: the click that built the deadlock
            // was the one step a learner was not told (a tryout).
            stepText.set((stepToTell ? stepWords(now, table) + ". " : "") + Steps.NOBODY_CAN_ACT.replace(
                    "Stop ends the run.", "Step, Auto-step and Resume are greyed out; rewind below to watch the circle"
                    + " close, or Stop (Esc)."));
        } else if (stepToTell && now.state() == RunState.PAUSED) {
            stepText.set(stepWords(now, table));
        } else if (now.state() != RunState.PAUSED) {
            // Running, or ended: a step's words stayed beside the cards of a stopped run ("P2 reaches
            // for F1, and waits" next to "done").
            stepText.set("");
            if (now.state() == RunState.RUNNING) {
                stepToTell = false; // paused again with no step taken: what the run did is no step's doing
            }
        }
        lastSeenSeq = newestSeq;
    }

    /** The latest step and what it set off: "Step 4: P2 reaches for F1 (its right fork), held by P1, and waits". */
    private String stepWords(PhilosophersSnapshot now, TableView table) {
        List<String> since = table.recentActions().stream().filter(a -> a.seq() > stepBaseSeq)
                .map(Action::words).toList();
        return String.format(Locale.ROOT, "Step %,d: %s", stepsSeen, since.isEmpty()
                ? now.steps().lastStepped() + " is on its way to its gate (thinking or eating first)"
                : Words.capitalized(String.join("; then ", since)));
    }

    /** The deadlock's waits: each philosopher of the circle waits for its fork, held by the next one. */
    private static List<WaitForGraph.Edge> circleEdges(Deadlock deadlock) {
        List<WaitForGraph.Edge> waits = new ArrayList<>();
        List<Integer> members = deadlock.philosophers();
        for (int k = 0; k < members.size(); k++) {
            waits.add(new WaitForGraph.Edge(members.get(k), deadlock.forks().get(k),
                    members.get((k + 1) % members.size()), false));
        }
        return waits;
    }

    private static List<Integer> sorted(List<Integer> values) {
        return values.stream().sorted().toList();
    }

    private static <T> void setIfChanged(ObservableList<T> target, List<T> source) {
        if (!target.equals(source)) {
            target.setAll(source);
        }
    }

    /**
     * The run's settings, its delays too, as the command line's header gives them: "This run's figures
     * (5 philosophers, naive, ...)" never said think or eat, and whether a table deadlocked at once or
     * ate for a minute first turns on them (a teacher's tryout).
     */
    @Override
    protected String describe(PhilosophersSettings run) {
        return String.format(Locale.ROOT, "%s, %s, %s forks, %s threads, %s", Words.count(run.n(), "philosopher"),
                run.strategy(), run.fair() ? "fair" : "non-fair", run.threads(), delayWords(run.think(), run.eat()));
    }

    /** "think 0..100 ms, eat 1..5 ms", as the command line's header has them. */
    static String delayWords(DelayRange think, DelayRange eat) {
        return "think " + think.words() + " ms, eat " + eat.words() + " ms";
    }

    /** Delays apply live, so they are not what makes another run. */
    @Override
    protected boolean sameRun(PhilosophersSettings shown, PhilosophersSettings now) {
        return shown.withDelays(DelayRange.NONE, DelayRange.NONE).equals(now.withDelays(DelayRange.NONE, DelayRange.NONE));
    }

    /**
     * Said of the run's own deadlock while the view is rewound to a moment before it: "Deadlocked"
     * stood beside a banner reading "At this moment: no deadlock yet" (a teacher's tryout).
     */
    private String rewoundBeforeItNote() {
        return rewind().rewoundBinding().get() && !deadlocked.get() ? " (the table shows a moment before it)" : "";
    }

    @Override
    public String statusSentence() {
        long waiting = philosophers.stream().filter(p -> p.state() == PhilosopherState.WAITING_FOR_FORK).count();
        long trying = philosophers.stream().filter(p -> p.state() == PhilosopherState.TRYING_FORK).count();
        long seatless = philosophers.stream().filter(p -> p.state() == PhilosopherState.WAITING_FOR_SEAT).count();
        String ended = runState() == RunState.IDLE && !settingsChangedProperty().get() ? endedWords() : "";
        return switch (runState()) {
            // How the run shown ended, until the settings change, as Counter & Sum's line says its verdict:
            // after a deadlock it read "Ready: ..." beside a table in the circle (a student's tryout).
            case IDLE -> !ended.isEmpty() ? ended
                    : String.format(Locale.ROOT, "Ready: %s, %s, %s forks, %s threads, %s",
                    Words.count(n.get(), "philosopher"), strategy.get(), fair.get() ? "fair" : "non-fair", threads.get(),
                    delayWords(thinkDelay(), eatDelay()));
            // The run's own deadlock, as for PAUSED: rewound to before the circle closed it read
            // "Deadlocked  ·  328 meals, ...; 1 philosopher waiting", the moment shown mixed with now.
            case RUNNING -> deadlockedNow
                    ? "Deadlocked" + rewoundBeforeItNote()
                    + ": every philosopher in the circle is blocked for good; Stop (Esc) ends the run"
                    : livelockNow.get()
                    ? String.format(Locale.ROOT, "Livelock: nobody eats, while each gives its fork back and takes it"
                            + " again (%s, %s so far)", Words.count(totalAttempts.get(), "attempt"),
                            Words.count(totalMeals.get(), "meal"))
                    : runningWords(totalMeals.get(), totalAttempts.get(), waiting, trying, seatless) + "; "
                    + delayWords(thinkDelay(), eatDelay());
            // The run's own deadlock, not the shown one: rewound to before the circle closed, the run
            // is still deadlocked and Step still does nothing.
            case PAUSED -> deadlockedNow
                    ? "Paused in a deadlock" + rewoundBeforeItNote()
                    + ": nobody can act, Step is greyed out; Stop (Esc) ends the run"
                    : "Paused: press S to let the philosopher waiting longest act, or choose one (click, or Tab and"
                    + " Enter)";
            case STOPPING -> "Stopping: interrupting every philosopher out of its wait";
        };
    }

    /**
     * How the ended run shown ended, in a few words with its glyph: "✘ Deadlocked: ...", "✘ Livelocked:
     * ...", "■ Stopped after 12 meals, with no deadlock until then", "✔ No deadlock in this run: 40
     * meals"; empty while none is shown.
     */
    String endedWords() {
        Optional<Verdict> verdict = shownVerdict();
        if (verdict.isEmpty()) {
            return "";
        }
        String meals = Words.count(totalMeals.get(), "meal");
        return switch (endedAs()) {
            // "✘ Deadlocked, detected after 10 steps: ...", not "✘ Deadlocked: Deadlock, detected ..." (a teacher).
            case "deadlocked" -> deadlockText.get().isEmpty() ? "✘ Deadlocked"
                    : "✘ Deadlocked, " + deadlockText.get().substring(DEADLOCK_OPENING.length());
            // In its spells, meals between them: "nobody ate while everyone was busy (3,100 meals in all)"
            // contradicted itself (a learner's tryout).
            case "livelocked" -> livelockSpells.get() == 1
                    ? String.format(Locale.ROOT, "✘ Livelocked once: %,d ms with no meal while all kept trying (%s in"
                    + " all)", livelockLongestMillis.get(), meals)
                    : String.format(Locale.ROOT, "✘ Livelocked in %,d spells, the longest %,d ms with no meal while all"
                    + " kept trying (%s in all, between them)", livelockSpells.get(), livelockLongestMillis.get(), meals);
            default -> switch (verdict.get()) {
                case STOPPED -> "■ Stopped after " + meals + ", with no deadlock until then";
                case OK -> "✔ No deadlock in this run: " + meals;
                case WRONG_TOTAL, FAILED -> "✘ The run failed: " + meals;
            };
        };
    }

    /**
     * A running table in words: meals, attempts, who waits for a fork, who tries for one with a
     * time limit (a timed try waits too: "1 philosopher waiting" stood beside four seats drawn waiting),
     * and who waits for the waiter's seat ({@code seatless}: "1 philosopher waiting for a fork" stood
     * beside two more drawn waiting for a seat, a learner's tryout).
     */
    static String runningWords(long meals, long attempts, long waiting, long trying, long seatless) {
        return String.format(Locale.ROOT, "%s, %s; %s waiting for a fork%s%s", Words.count(meals, "meal"),
                Words.count(attempts, "attempt"), Words.count(waiting, "philosopher"),
                trying == 0 ? "" : String.format(Locale.ROOT, ", %,d trying for one (a timed try)", trying),
                seatless == 0 ? "" : String.format(Locale.ROOT, ", %,d for a seat", seatless));
    }

    /** How {@link #deadlockWords} begin: the status line after the run says "✘ Deadlocked, " in their place. */
    private static final String DEADLOCK_OPENING = "Deadlock, ";

    /**
     * A deadlock in words: when it was detected, and the circle. A run built step by step has hardly
     * run (its clock stops while paused), so its steps are said too.
     */
    static String deadlockWords(long detectedAfterMillis, long steps, String circle) {
        // A table closed step by step: the steps first ("after 0 ms of running time and 6 steps" read
        // as if it had taken no time at all); the running time only if the run ran between them.
        if (steps > 0) {
            return String.format(Locale.ROOT, DEADLOCK_OPENING + "detected after %s%s: %s", Words.count(steps, "step"),
                    detectedAfterMillis > 0 ? String.format(Locale.ROOT, " and %,d ms of running time", detectedAfterMillis)
                            : "", circle);
        }
        return String.format(Locale.ROOT, DEADLOCK_OPENING + "detected after %,d ms of running time: %s", detectedAfterMillis,
                circle);
    }

    /**
     * The longest circle told philosopher by philosopher in the deadlock's banner: five in words took
     * six lines of the banner at 150 % in a 1024x700 window, and pushed the table below the fold.
     */
    static final int WORDED_CIRCLE = 3;

    /**
     * The circle: who holds what, in words ("P1 waits for F2, held by P2; ..."), for a circle a short
     * sentence can carry; a longer one in arrows, as the command line says it (P1 → F2 → P2 → ...).
     */
    static String circle(Deadlock deadlock) {
        return deadlock.philosophers().size() <= WORDED_CIRCLE ? deadlock.words() : deadlock.arrows();
    }

    @Override
    public List<PlotData> plots() {
        return List.of(new PlotData("attempts-meals", "attempts and meals", false,
                        FXCollections.observableArrayList(attemptsSeries, mealsSeries)),
                new PlotData("fairness", "Jain's fairness index", false, FXCollections.observableArrayList(jainSeries)));
    }

    @Override
    public boolean stepPending() {
        return stepPending;
    }

    @Override
    public Optional<Verdict> shownVerdict() {
        return shownResult(runner.snapshot().result()).map(result -> Verdict.of(result.outcome(), result.ok()));
    }

    /**
     * "deadlocked": a run that deadlocked and was then stopped, which the verdict calls stopped;
     * "livelocked": a run the livelock rule held in (the verdict's word for a check that failed is "wrong").
     */
    @Override
    public String endedAs() {
        PhilosophersResult result = runner.snapshot().result();
        if (runState() != RunState.IDLE || !showsLatestRun() || result == null) {
            return "";
        }
        return result.deadlocked() ? "deadlocked" : result.livelock() ? "livelocked" : "";
    }

    @Override
    public Optional<String> resultJson() {
        PhilosophersSnapshot now = runner.snapshot();
        return shownResult(now.result()).map(result -> PhilosophersJson.of(result, now.log())); // the log is that run's
    }

    /**
     * A few words for a philosopher's state, for its seat at the table: "waits F2", "has F1", "eats".
     * A seat that waits, tries or stands at the gate with a fork in hand says so on a line above:
     * "has F1" over "waits F2" (hold and wait is what a learner looks for; the arrows alone left it to
     * be worked out, and a class stepping the table saw "‖ take F2" with no word of F1); one that
     * has eaten says so over the forks it puts down. Two lines, not one: "has F10, waits F11" made
     * twelve seats too wide for their ring.
     */
    public static String shortWords(TableView.Diner diner) {
        String holding = String.join("+", diner.holding().stream().map(Names::fork).toList());
        String has = diner.holding().isEmpty() ? "" : "has " + holding + "\n";
        return switch (diner.state()) {
            case THINKING -> "thinks";
            // With "has F3" alone a seat, rewound, named no state (a student's tryout).
            case HUNGRY -> has + "hungry";
            case WAITING_FOR_SEAT -> "waits: seat";
            case WAITING_FOR_FORK -> has + "waits " + Names.fork(diner.waitingFor());
            case TRYING_FORK -> has + "tries " + Names.fork(diner.waitingFor());
            case EATING -> "eats";
            case PUTTING_DOWN -> diner.holding().isEmpty() ? "ate" : "ate\nputs " + holding;
            case BACKING_OFF -> "backs off";
            case AT_GATE -> has + "‖ " + diner.next().replace("reach for ", "take ").replace("put down ", "put ")
                    .replace("ask for a seat", "ask seat");
            // The run ended: "✓ done" read as success inside a stopped deadlock's red, "left" as a
            // fork, "gone" as odd (a teacher's tryout); "ended" as the buffer's chips have it.
            case DONE -> "ended";
        };
    }

    /** Words for a philosopher's state, with the forks it holds and the one it waits for. */
    public static String words(TableView.Diner diner) {
        String holding = diner.holding().isEmpty() ? ""
                : " " + String.join("+", diner.holding().stream().map(Names::fork).toList());
        return switch (diner.state()) {
            case THINKING -> "thinking";
            case HUNGRY -> diner.holding().isEmpty() ? "hungry" : "holds" + holding;
            case WAITING_FOR_SEAT -> "waits for a seat";
            case WAITING_FOR_FORK -> (diner.holding().isEmpty() ? "" : "holds" + holding + ", ") + "waits for "
                    + Names.fork(diner.waitingFor());
            case TRYING_FORK -> (diner.holding().isEmpty() ? "" : "holds" + holding + ", ") + "tries "
                    + Names.fork(diner.waitingFor());
            case EATING -> "eating";
            case PUTTING_DOWN -> "has eaten, puts its forks down" + (diner.holding().isEmpty() ? "" : " (holds" + holding + ")");
            case BACKING_OFF -> "backs off";
            case AT_GATE -> "at gate: " + diner.next() + (diner.holding().isEmpty() ? "" : " (holds" + holding + ")");
            case DONE -> "left the table";
        };
    }

    // ---- properties ----

    public IntegerProperty nProperty() {
        return n;
    }

    public ObjectProperty<Strategy> strategyProperty() {
        return strategy;
    }

    public BooleanProperty fairProperty() {
        return fair;
    }

    public ObjectProperty<ThreadKind> threadsProperty() {
        return threads;
    }

    public IntegerProperty thinkMinMillisProperty() {
        return thinkMinMillis;
    }

    public IntegerProperty thinkMaxMillisProperty() {
        return thinkMaxMillis;
    }

    public IntegerProperty eatMinMillisProperty() {
        return eatMinMillis;
    }

    public IntegerProperty eatMaxMillisProperty() {
        return eatMaxMillis;
    }

    /** P1 to PN as the latest sample saw them (or the table to come). */
    public ObservableList<TableView.Diner> philosophers() {
        return philosophersReadOnly;
    }

    /** For each fork, its holder's index, or -1 on the table. */
    public ObservableList<Integer> forkHolders() {
        return forkHoldersReadOnly;
    }

    /** The waits on a fork nobody holds now (on the table): the waits the graph has no arrow for. */
    public ObservableList<WaitForGraph.FreeWait> freeWaits() {
        return freeWaitsReadOnly;
    }

    /** The waits now: who waits for which fork, held by whom. */
    public ObservableList<WaitForGraph.Edge> edges() {
        return edgesReadOnly;
    }

    /** The philosophers of the circle to draw red: the detected deadlock's, in index order; empty without one. */
    public ObservableList<Integer> circle() {
        return circleReadOnly;
    }

    /** The detected deadlock's waits, one per philosopher of the circle; empty without one. */
    public ObservableList<WaitForGraph.Edge> circleEdges() {
        return circleEdgesReadOnly;
    }

    /** The philosophers starving by {@link Fairness#STARVATION_RULE}. */
    public ObservableList<Integer> starving() {
        return starvingReadOnly;
    }

    /** The strategy of the run on screen (or the one chosen, before a run). */
    public ReadOnlyObjectProperty<Strategy> tableStrategyProperty() {
        return tableStrategy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deadlockTextProperty() {
        return deadlockText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty endingShownProperty() {
        return endingShown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty deadlockedProperty() {
        return deadlocked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty livelockNowProperty() {
        return livelockNow.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty livelockSeenProperty() {
        return livelockSeen.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty livelockSpellsProperty() {
        return livelockSpells.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty livelockLongestMillisProperty() {
        return livelockLongestMillis.getReadOnlyProperty();
    }

    /** Whether {@code condition} held at the latest sample. */
    public ReadOnlyBooleanProperty holdsProperty(Coffman condition) {
        return conditions.get(condition).getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty longestChainProperty() {
        return longestChain.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty timedCircleProperty() {
        return timedCircle.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty seatsProperty() {
        return seats.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty seatedProperty() {
        return seated.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalMealsProperty() {
        return totalMeals.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalAttemptsProperty() {
        return totalAttempts.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty jainProperty() {
        return jain.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastActionProperty() {
        return lastAction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty stepsTakenProperty() {
        return stepsTaken.getReadOnlyProperty();
    }

    /** Over the plots: why they stand at 0 s while every step came while paused; empty otherwise. */
    public ReadOnlyStringProperty plotsNoteProperty() {
        return plotsNote.getReadOnlyProperty();
    }

    public XYChart.Series<Number, Number> attemptsSeries() {
        return attemptsSeries;
    }

    public XYChart.Series<Number, Number> mealsSeries() {
        return mealsSeries;
    }

    public XYChart.Series<Number, Number> jainSeries() {
        return jainSeries;
    }
}
