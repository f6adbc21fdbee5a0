package dev.interleave.ui.buffer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javafx.animation.FadeTransition;
import javafx.animation.Interpolator;
import javafx.animation.ParallelTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.animation.Transition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.ToggleSwitch;

import dev.interleave.engine.buffer.BufferEvent;
import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.BufferOutcome;
import dev.interleave.engine.buffer.BufferSettings;
import dev.interleave.engine.buffer.BufferSnapshot;
import dev.interleave.engine.buffer.WakePolicy;
import dev.interleave.engine.buffer.Worker;
import dev.interleave.engine.buffer.Where;
import dev.interleave.engine.buffer.WorkerState;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;
import dev.interleave.ui.kit.ChartRow;
import dev.interleave.ui.kit.ChoiceRow;
import dev.interleave.ui.kit.Controls;
import dev.interleave.ui.kit.DelayInput;
import dev.interleave.ui.kit.HeightMemo;
import dev.interleave.ui.kit.LivePlot;
import dev.interleave.ui.kit.Motion;
import dev.interleave.ui.kit.SettingSlider;
import dev.interleave.ui.kit.Words;

/**
 * The Bounded Buffer view: settings on the left; the slots, the last action, every producer and
 * consumer with its state, the two wait sets in order, counters and plots on the right.
 */
public final class BufferView extends BorderPane {

    private static final PseudoClass OCCUPIED = PseudoClass.getPseudoClass("occupied");
    private static final PseudoClass PUT = PseudoClass.getPseudoClass("put");
    private static final PseudoClass TAKE = PseudoClass.getPseudoClass("take");
    private static final PseudoClass SUCCESS = PseudoClass.getPseudoClass("success");
    private static final PseudoClass FAILURE = PseudoClass.getPseudoClass("failure");
    private static final PseudoClass STOPPED = PseudoClass.getPseudoClass("stopped");
    /** A chip of a thread the next run will start. */
    private static final PseudoClass NOT_STARTED = PseudoClass.getPseudoClass("not-started");

    private final BufferViewModel model;
    private final TilePane slots = new TilePane();
    /** The slots when there are more than tiles show ({@link BufferViewModel#TILED_CAPACITY}). */
    private final SlotStrip strip = new SlotStrip();
    private final Label stripNote = new Label();
    private final FlowPane producers = new FlowPane(6, 6);
    private final FlowPane consumers = new FlowPane(6, 6);
    private final Label producersCaption = lane("Producers");
    private final Label consumersCaption = lane("Consumers");
    /** The lane chips' common width (see {@link LaneWidth}). */
    private final LaneWidth laneWidth = new LaneWidth(this::relayoutLanes);
    /**
     * The slot tiles' common width, the widest a tile has been: the tile pane sizes every tile to the
     * widest, so one slot holding #1,764 widened them all, and they shrank again when it was taken,
     * the buffer shifting under the eye at every such item (a learner's tryout).
     */
    private final LaneWidth slotWidth = new LaneWidth(this::relayoutSlots);
    private final Pane motionLayer = new Pane();
    /**
     * In a free run, the words of the move whose item is in flight ({@link BufferViewModel.Move#words}),
     * told as the last action until it lands; "" when none flies (the run's own last action is told).
     */
    private final StringProperty drawnAction = new SimpleStringProperty(this, "drawnAction", "");
    private CodePanel code;
    /**
     * The lines kept for the narrated line from Run on: a step takes one to three at 1024x700, a
     * running move one or two.
     */
    private static final int STEP_LINES = 3;
    /** The code panel in a {@link HeightMemo}. */
    private HeightMemo codeBox;
    /**
     * The run's state and whether the view is rewound: the last action's kept height starts afresh
     * when either changes. Held here: a binding is only weakly held by what it depends on.
     */
    private ObjectBinding<List<Object>> narration;

    public BufferView(BufferViewModel model) {
        this.model = model;
        getStyleClass().add("buffer-view");
        setLeft(settings());
        setCenter(live());
        model.slotsProperty().addListener((obs, old, now) -> drawSlots());
        model.putIndexProperty().addListener((obs, old, now) -> drawSlots());
        model.takeIndexProperty().addListener((obs, old, now) -> drawSlots());
        model.workers().addListener((ListChangeListener<BufferSnapshot.WorkerView>) change -> drawWorkers());
        model.leaving().addListener((ListChangeListener<String>) change -> drawWorkers());
        model.left().addListener((ListChangeListener<String>) change -> drawWorkers());
        // Before a run, the threads the next one will start, as the sliders set them.
        model.producersProperty().addListener((obs, old, now) -> drawWorkers());
        model.consumersProperty().addListener((obs, old, now) -> drawWorkers());
        model.abqShownBinding().addListener((obs, old, now) -> drawWorkers());
        model.labOutcomeProperty().addListener((obs, old, now) -> drawWorkers());
        model.movesProperty().addListener((obs, old, now) -> play(now, false));
        model.stateProperty().addListener((obs, old, now) -> {
            drawnAction.set(""); // paused, a step tells its own moves; ended, the run's last action
            if (now == RunState.IDLE || now == RunState.STOPPING) {
                dropMotion();
            }
        });
        drawSlots();
        drawWorkers();
    }

    private ScrollPane settings() {
        SettingSlider capacity = new SettingSlider("capacity", "Buffer size (slots)", model.capacityProperty(),
                BufferViewModel.CAPACITY, false, "How many items the buffer holds. Producers wait (on notFull) "
                + "while every slot is full; consumers wait (on notEmpty) while none is.");
        SettingSlider producerCount = new SettingSlider("producers", "Producers", model.producersProperty(),
                BufferViewModel.WORKERS, false, "Producer threads: each makes an item (its produce delay), then puts it.");
        SettingSlider consumerCount = new SettingSlider("consumers", "Consumers", model.consumersProperty(),
                BufferViewModel.WORKERS, false, "Consumer threads: each takes an item, then uses it (its consume delay).");
        DelayInput produce = new DelayInput("produce-delay", "Produce delay (ms), applies live",
                model.produceMinMillisProperty(), model.produceMaxMillisProperty(), BufferViewModel.DELAY,
                "Time to make one item, random in this range, outside the lock. Changes apply while running.");
        DelayInput consume = new DelayInput("consume-delay", "Consume delay (ms), applies live",
                model.consumeMinMillisProperty(), model.consumeMaxMillisProperty(), BufferViewModel.DELAY,
                "Time to use one item, random in this range, outside the lock. Changes apply while running.");
        produce.clearsMessageOn(model.freshStartsProperty());
        consume.clearsMessageOn(model.freshStartsProperty());
        ChoiceRow<WakePolicy> policy = new ChoiceRow<>("policy", List.of(WakePolicy.values()), model.policyProperty(),
                WakePolicy::label, p -> p == WakePolicy.SIGNAL
                        ? "signal: a put wakes the one consumer waiting longest (and a take one producer)."
                        : "signal-all: every waiter wakes, all contend for the lock, most go back to waiting.");
        ToggleSwitch fair = new ToggleSwitch("Fair lock");
        fair.setId("fair");
        // The monitor is never fair: greyed out, its switch reads off, and the lock's choice is kept.
        Runnable showFair = () -> fair.setSelected(model.fairProperty().get() && model.implProperty().get().takesFair());
        showFair.run();
        model.fairProperty().addListener(o -> showFair.run());
        model.implProperty().addListener(o -> showFair.run());
        fair.selectedProperty().addListener((obs, old, now) -> {
            if (model.implProperty().get().takesFair()) {
                model.fairProperty().set(now);
            }
        });
        Controls.tip(fair, "A fair lock grants itself in arrival order; a non-fair one lets a newcomer "
                + "barge ahead of threads already queued (faster, less predictable).");
        ChoiceRow<ThreadKind> threads = new ChoiceRow<>("buffer-threads", List.of(ThreadKind.values()),
                model.threadsProperty(), ThreadKind::label, kind -> kind == ThreadKind.VIRTUAL
                        ? "Each producer and consumer on a virtual thread." : "Each producer and consumer on a platform thread.");

        ChoiceRow<BufferImpl> impl = new ChoiceRow<>("impl", List.of(BufferImpl.values()), model.implProperty(),
                BufferImpl::label, BufferView::explain);
        BugChooser bug = new BugChooser(model.bugProperty(), model.implProperty());
        SettingSlider spurious = new SettingSlider("spurious", "Spurious %",
                model.spuriousPercentProperty(), BufferViewModel.SPURIOUS, false, "The lab makes this share of waits "
                + "return without a signal (shown as such in the log), so an if where a while belongs fails "
                + "visibly, not only by luck; a signal that comes first (within 50 µs, 1 ms in the monitor) wakes "
                + "the thread as usual, so short waits end spuriously less often. While paused, a thread's wait "
                + "ends spuriously at most once, in its step. The lock buffer and the monitor "
                + "only: a condition's wait can wake spuriously, a semaphore's acquire() never does.");
        for (SettingSlider each : List.of(capacity, producerCount, consumerCount, spurious)) {
            each.clearsMessageOn(model.freshStartsProperty());
        }
        // Spurious wake-ups are a condition variable's: the lock buffer's and the monitor's waits only.
        spurious.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.implProperty().get().takesSpurious(),
                model.implProperty()));
        Label spuriousWhy = Controls.fieldMessage("spurious-why",
                Bindings.createStringBinding(() -> whySpuriousGreyedOut(model.implProperty().get()), model.implProperty()));
        VBox lab = new VBox(12, Controls.labelled("Implementation", impl), Controls.labelled("Planted bug", bug),
                spurious, spuriousWhy);
        Label liveNote = new Label("Producers, consumers and slots act on the running run.");
        liveNote.getStyleClass().add("field-message");
        liveNote.setWrapText(true);
        Label pending = Controls.fieldMessage("live-pending", model.pendingProperty());
        Label refused = Controls.fieldMessage("live-refused", model.liveRefusalProperty());
        VBox live = new VBox(12, capacity, producerCount, consumerCount, liveNote, pending, refused);
        // Only the lock buffer signals by a policy; every implementation but the monitor can be fair.
        policy.disableProperty().bind(model.implProperty().isNotEqualTo(BufferImpl.LOCK));
        fair.disableProperty().bind(model.implProperty().isEqualTo(BufferImpl.MONITOR));
        Label greyedOutWhy = Controls.fieldMessage("lock-settings-why",
                Bindings.createStringBinding(() -> whyGreyedOut(model.implProperty().get()), model.implProperty()));
        VBox fixed = new VBox(12, Controls.labelled("Wake-up policy", policy), fair, greyedOutWhy,
                Controls.labelled("Threads", threads));
        lab.disableProperty().bind(model.runningBinding());
        fixed.disableProperty().bind(model.runningBinding());
        return Controls.settingsPanel(model, Controls.heading("Settings"), lab, live, fixed, produce, consume);
    }

    /** Why the wake-up policy (and, for the monitor, the fair lock) is greyed out for {@code impl}; "" for the lock. */
    static String whyGreyedOut(BufferImpl impl) {
        return switch (impl) {
            case LOCK -> "";
            case MONITOR -> "Greyed out: the monitor has no policy (it calls notifyAll(), notify() with bug notify) "
                    + "and no fairness (synchronized never has).";
            case SEMAPHORE -> "Wake-up policy greyed out: a release adds a permit and wakes the first thread waiting in "
                    + "acquire(), though a thread just arriving may take the permit first. Fair lock makes the "
                    + "semaphores fair: an arriving thread then queues behind the waiting ones.";
            case ABQ -> "Wake-up policy greyed out: abq signals one waiter, as signal does; Fair lock makes its lock fair.";
        };
    }

    /** Why Spurious % is greyed out for {@code impl}; "" for the lock buffer and the monitor, which take it. */
    static String whySpuriousGreyedOut(BufferImpl impl) {
        return switch (impl) {
            case LOCK, MONITOR -> "";
            case SEMAPHORE -> "Spurious % greyed out: acquire() returns only with a permit, so the semaphores never "
                    + "wake spuriously. Spurious wake-ups are a condition's: try the lock buffer or the monitor.";
            case ABQ -> "Spurious % greyed out: abq's waits are inside the JDK, out of the lab's reach.";
        };
    }

    /** What an implementation is, for its button's tooltip. */
    static String explain(BufferImpl impl) {
        return switch (impl) {
            case LOCK -> "lock: one ReentrantLock, two conditions (notFull, notEmpty), signal or signal-all.";
            case MONITOR -> "monitor: synchronized with wait() and notifyAll() on one object: one wait set for both "
                    + "sides.";
            case SEMAPHORE -> "semaphore: Dijkstra's solution, two counting semaphores (free slots, filled slots) "
                    + "and a mutex.";
            case ABQ -> "abq: the JDK's ArrayBlockingQueue, the baseline. Its wait sets and each thread's line are not "
                    + "visible.";
        };
    }

    /**
     * Rows of slots as even as they go in {@code width}: 8 slots where 7 fit wrapped as 7 and 1, the
     * last slot alone under the first, in a buffer whose put and take go round from 7 back to 0 (a
     * tryout at 1024x700, 150 %); now 4 and 4.
     */
    private void balanceSlots(double width) {
        int n = slots.getChildren().size();
        double tile = slots.getTileWidth();
        double gap = slots.getHgap();
        double sides = slots.snappedLeftInset() + slots.snappedRightInset();
        int fit = tile <= 0 ? n : (int) Math.max(1, Math.floor((width - sides + gap) / (tile + gap)));
        if (n <= fit) {
            slots.setMaxWidth(Double.MAX_VALUE);
            return;
        }
        int columns = evenColumns(n, fit);
        slots.setMaxWidth(Math.ceil(sides + columns * tile + (columns - 1) * gap));
    }

    /** The columns that set {@code n} slots in as few rows as {@code fit} a row allows, the rows as even as they go. */
    static int evenColumns(int n, int fit) {
        int rows = (n + fit - 1) / fit;
        return (n + rows - 1) / rows;
    }

    private ScrollPane live() {
        slots.setId("slots");
        slots.getStyleClass().add("slots");
        slots.setHgap(4);
        slots.setVgap(4);
        slots.setPrefColumns(16);
        Label slotsCaption = new Label();
        slotsCaption.getStyleClass().add("section");
        slotsCaption.setWrapText(true);
        slotsCaption.textProperty().bind(Bindings.createStringBinding(() -> model.abqShownBinding().get()
                ? String.format(Locale.ROOT, "Buffer: %s inside ArrayBlockingQueue, not visible: the baseline is not "
                        + "instrumented (its items consumed are counted below)", Words.count(model.slots().size(), "slot"))
                : String.format(Locale.ROOT, "Buffer: %,d of %s full   (▼ next put, ▲ next take)",
                        model.countProperty().get(), Words.count(model.slots().size(), "slot")),
                model.countProperty(), model.slotsProperty(), model.abqShownBinding()));
        Controls.tip(slots, "Each slot shows the item in it (#n) and its index. Items are numbered as producers"
                + " make them, and put in the order the producers get the lock: with several producers, #12 can sit"
                + " after #13.");
        // abq's slots are not seen: drawn empty, they would say it never held an item. More slots
        // than tiles hold are drawn as a strip, with a line saying what a cell stands for.
        BooleanBinding tiled = model.tiledBinding();
        slots.visibleProperty().bind(model.abqShownBinding().not().and(tiled));
        slots.managedProperty().bind(slots.visibleProperty());
        strip.setId("slot-strip");
        strip.visibleProperty().bind(model.abqShownBinding().not().and(tiled.not()));
        strip.managedProperty().bind(strip.visibleProperty());
        stripNote.setId("slot-strip-note");
        stripNote.getStyleClass().add("slot-strip-note");
        stripNote.setWrapText(true);
        stripNote.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "%s, more than the %d tiles: a strip of cells, slot 0 at the top left. Point at a cell for its "
                        + "slots and items.", Words.count(model.slots().size(), "slot"),
                BufferViewModel.TILED_CAPACITY), model.slotsProperty()));
        stripNote.visibleProperty().bind(strip.visibleProperty());
        stripNote.managedProperty().bind(strip.visibleProperty());

        Label lastAction = new Label();
        lastAction.setId("last-action");
        lastAction.getStyleClass().add("last-action");
        // In a free run, while an item flies, the move it draws: the run's latest action ran ahead of
        // the badge ("C5 took #74" over #68 in flight), up to ten actions in one flight. Said to be the
        // move in flight, not the last: the slots show the run now, moves past it (a learner read
        // "Last action: P2 put #202 into slot 0" over #201 in that slot and thought the window wrong).
        lastAction.textProperty().bind(Bindings.createStringBinding(() -> model.stepTextProperty().get().isEmpty()
                ? (model.abqShownBinding().get() ? "Last action: not visible inside ArrayBlockingQueue"
                : !drawnAction.get().isEmpty() ? "In flight (the slots show the run now): " + drawnAction.get()
                : "Last action: " + (model.lastActionProperty().get().isEmpty() ? "none yet"
                : model.lastActionProperty().get()))
                : model.stepTextProperty().get(), model.lastActionProperty(), model.stepTextProperty(),
                model.abqShownBinding(), drawnAction));
        lastAction.setWrapText(true);
        // Steps told in 1 to 3 lines: three lines kept from Run on, running, paused and rewound (an ended
        // run's as well), so that the chips stay put between two steps ("Rewound to just after event 14
        // ... (Now or End: back to the run's end)" took 2 lines or 3 as Right went through the events) and
        // at Pause (kept only once paused, the slots and chips moved down a line or two as a teacher
        // paused to explain them). Running, the text changes at every frame, in one line or two; a text
        // of more lines is kept at its tallest, so that what is under it moves once, not at every frame
        // (teachers' tryouts at 1024x700).
        BooleanBinding rewound = model.rewind().rewoundBinding();
        BooleanSupplier kept = () -> model.stateProperty().get() == RunState.PAUSED || rewound.get()
                || model.stateProperty().get() == RunState.RUNNING;
        // A new width too (the settings panel shown again, the code moved under the picture): see newWidths.
        ObservableValue<Number> widths = Controls.newWidths(lastAction);
        narration = Bindings.createObjectBinding(() -> List.of(model.stateProperty().get(), rewound.get(),
                widths.getValue()), model.stateProperty(), rewound, widths);
        Controls.neverShorter(lastAction, narration, kept, () -> kept.getAsBoolean() ? STEP_LINES : 0);
        Label stepText = new Label();
        stepText.setId("step-text");
        stepText.textProperty().bind(model.stepTextProperty());
        stepText.setVisible(false);
        stepText.setManaged(false);

        VBox notFull = queue("not-full-queue", model.notFullCaptionProperty(),
                model.notFullWaiters(), WorkerState.WAITING_NOT_FULL);
        VBox notEmpty = queue("not-empty-queue", model.notEmptyCaptionProperty(),
                model.notEmptyWaiters(), WorkerState.WAITING_NOT_EMPTY);
        // One wait set for both sides: the second queue is only its other name, with no "empty" under it.
        Node notEmptyChips = notEmpty.getChildren().getLast();
        BooleanBinding secondShown = model.oneWaitSetShownProperty().or(model.waitSetsHiddenProperty()).not();
        notEmptyChips.visibleProperty().bind(secondShown);
        notEmptyChips.managedProperty().bind(secondShown);
        // abq's wait sets are not visible: no "empty" under their captions.
        Node notFullChips = notFull.getChildren().getLast();
        notFullChips.visibleProperty().bind(model.waitSetsHiddenProperty().not());
        notFullChips.managedProperty().bind(model.waitSetsHiddenProperty().not());
        // What the gate is, where it shows: "passed the gate" in a step's words was jargon to a learner.
        VBox gate = queue("gate-queue", new ReadOnlyStringWrapper(
                "Parked at the gate, in arrival order. While paused, every thread stops here before its next"
                        + " action; each Step lets one through (the first, or the chip you click)"), model.atGate(),
                WorkerState.AT_GATE);

        producers.setId("producers-lanes");
        consumers.setId("consumers-lanes");
        VBox lanes = lanes();
        // abq's workers are not seen: no chips, no empty headings either.
        lanes.visibleProperty().bind(model.abqShownBinding().not());
        lanes.managedProperty().bind(lanes.visibleProperty());

        FlowPane counters = new FlowPane(10, 10,
                counter("produced", "Produced", model.producedProperty(), "Items put into the buffer."),
                counter("consumed", "Consumed", model.consumedProperty(), "Items taken out of the buffer."),
                rate(),
                inside("waits-full", "Waits on full", model.waitsOnFullProperty(),
                        "Times a producer found every slot full and waited on notFull."),
                inside("waits-empty", "Waits on empty", model.waitsOnEmptyProperty(),
                        "Times a consumer found the buffer empty and waited on notEmpty."),
                inside("futile-producers", "Futile wake-ups: producers", model.futileProducersProperty(),
                        "Times a producer was woken, found the buffer still full and waited again."),
                inside("futile-consumers", "Futile wake-ups: consumers", model.futileConsumersProperty(),
                        "Times a consumer was woken, found the buffer still empty and waited again."),
                inside("spurious-wakeups", "Spurious wake-ups", model.spuriousWakeupsProperty(),
                        "Waits the lab ended without a signal (the spurious wake-up setting)."));
        counters.getStyleClass().add("counters");

        LivePlot occupancy = new LivePlot("occupancy-chart", "Occupied slots", "seconds run, pauses left out",
                LivePlot.Scale.LINEAR);
        occupancy.setData(FXCollections.observableArrayList(List.of(model.occupancySeries())));
        occupancy.setLegendVisible(false);
        // 0 to the buffer's size, whole slots: the axis says how full the buffer is, not how full it got.
        occupancy.setWholeNumbers(true);
        occupancy.setFixedYTop(model.plotCapacityProperty().get());
        model.plotCapacityProperty().addListener((obs, old, now) -> occupancy.setFixedYTop(now.intValue()));
        LivePlot rate = new LivePlot("items-rate-chart", "Items consumed per second (last 1 s)",
                "seconds run, pauses left out", LivePlot.Scale.LINEAR);
        rate.setData(FXCollections.observableArrayList(List.of(model.itemsPerSecondSeries())));
        rate.setLegendVisible(false);
        // Side by side where they fit, else one under another (ChartRow).
        ChartRow charts = new ChartRow(10, occupancy, rate);
        charts.setId("buffer-charts");
        charts.getStyleClass().add("charts");
        VBox.setVgrow(charts, Priority.ALWAYS);

        LivePlot futile = new LivePlot("futile-chart", "Futile wake-ups (woken, waited again)", "seconds run, pauses left out",
                LivePlot.Scale.LINEAR);
        futile.setData(FXCollections.observableArrayList(List.of(model.futileProducerSeries(),
                model.futileConsumerSeries())));
        futile.setWholeNumbers(true); // counts: no tick at 0.2
        charts.getChildren().add(futile);
        for (LivePlot plot : List.of(occupancy, rate, futile)) {
            plot.markerProperty().bind(model.rewoundSecondsProperty());
            // After it the curves go flat for the lab's watch, with nothing else saying why.
            plot.setEventLabel("✘ stall");
            plot.eventProperty().bind(model.stallSecondsProperty());
        }

        Label lastRun = Controls.figuresNote(model);
        BufferHistoryPane history = new BufferHistoryPane(model);
        history.evenlySpacedWhenStepped(model.stepsTakenProperty(), model.freshStartsProperty());
        history.rewindKeysAnywhereIn(this);
        String recording = history.timeline().emptyTextProperty().get();
        history.timeline().emptyTextProperty().bind(Bindings.when(model.abqShownBinding())
                .then("abq records no events (the baseline is not instrumented): nothing to draw.")
                .otherwise(recording));
        TitledPane guide = guide();
        VBox outcome = outcome(history);
        Label pendingNow = Controls.fieldMessage("pending-now", model.pendingProperty());
        code = new CodePanel(model);
        codeBox = new HeightMemo(code); // its chips move at every frame: a move that keeps its size stays inside
        // The code beside the buffer when there is room, else below the lanes and wait sets: items fly
        // between the lanes and the slots, never over the code.
        VBox slotsBox = new VBox(4, slots, strip, stripNote);
        InvalidationListener balance = obs -> balanceSlots(slotsBox.getWidth());
        slotsBox.widthProperty().addListener(balance);
        slots.tileWidthProperty().addListener(balance);
        slots.getChildren().addListener(balance);
        VBox picture = new VBox(8);
        HBox narrated = new HBox(8, Controls.rewindButtons("buffer-rewind", model.rewind()), lastAction);
        HBox.setHgrow(lastAction, Priority.ALWAYS);
        lastAction.setMaxWidth(Double.MAX_VALUE);
        // The narration above the picture and its code, across both (fitCode), not between the slots
        // and the lanes: every item flies between a slot and a lane's chip, and under the slots its
        // badge crossed the narration's words. In the picture's column beside the code, 240 px at
        // 1366x768, a rewound step's line wrapped to six or seven lines (a learner's tryout).
        Node[] told = HeightMemo.each(slotsCaption, narrated, stepText);
        picture.getChildren().add(new HeightMemo(slotsBox));
        picture.getChildren().addAll(HeightMemo.each(lanes, notFull, notEmpty, gate));
        HBox.setHgrow(picture, Priority.ALWAYS);
        VBox area = new VBox(8);
        area.setMinHeight(Region.USE_PREF_SIZE);
        // Each section remembers its height until something in it changes (see HeightMemo): a frame's
        // layout then measures only what changed, once.
        // The figures right under the picture and its code, before the timeline and the event log: under
        // them, a learner found Produced, Consumed and the wake-ups at the view's very foot.
        // Gone once the timeline is evenly spaced: it points there.
        Label timelineNote = Controls.fieldMessage("timeline-note", Bindings.when(history.timeline().eventOrderProperty())
                .then("").otherwise(model.timelineNoteProperty()));
        VBox live = new VBox(8, HeightMemo.each(guide, lastRun, outcome, pendingNow, area, counters, timelineNote,
                history));
        Label plotsNote = Controls.fieldMessage("plots-note", model.plotsNoteProperty());
        live.getChildren().addAll(plotsNote, charts);
        for (Region fixed : List.of(guide, outcome, slotsCaption, slots, lastAction, code, lanes,
                notFull, notEmpty, gate, history, counters, plotsNote, timelineNote)) {
            fixed.setMinHeight(Region.USE_PREF_SIZE); // the plots give way, then the pane scrolls
        }
        live.setPadding(new Insets(12));
        live.getStyleClass().add("live");
        // Motion is drawn on a layer over the live content, scrolling with it; it takes no clicks.
        motionLayer.setId("motion-layer");
        motionLayer.setMouseTransparent(true);
        motionLayer.setPickOnBounds(false);
        ScrollPane scroll = Controls.liveScroll("buffer-live", new StackPane(live, motionLayer));
        fitCode(scroll, slotsCaption, area, told, picture);
        return scroll;
    }

    /**
     * The buffer's caption and narration, {@code told}, across the view, and under them the code
     * panel beside the buffer's picture when the viewport has room for both (the picture needs about
     * 26 em: two chips a row, eight slots in two rows), else under it. The em is a label's font size,
     * which follows the zoom. A change of room or font moves them after the pass that made it: a
     * font changes while the scene restyles its nodes one by one, and children replaced in the
     * middle of that (zooming in at 1920x1080) threw IndexOutOfBoundsException on the FX thread.
     */
    private void fitCode(ScrollPane scroll, Label ruler, VBox area, Node[] told, VBox picture) {
        boolean[] side = new boolean[1];
        Runnable apply = () -> {
            double room = scroll.getViewportBounds().getWidth() - 24;
            double em = ruler.getFont().getSize();
            // The code's width with its tag column, kept beside the picture (CodePanel.keepTags): with
            // no bug chosen as with one, so that choosing one leaves the code where it is.
            boolean beside = room > 0 && room >= code.widthWithTags() + 26 * em;
            if (beside == side[0] && !area.getChildren().isEmpty()) {
                return;
            }
            side[0] = beside;
            code.keepTags(beside);
            area.getChildren().setAll(told);
            HBox row = new HBox(12);
            if (beside) {
                code.setMinWidth(Region.USE_PREF_SIZE); // the picture gives way, the code lines do not wrap
                row.getChildren().setAll(picture, codeBox);
                area.getChildren().add(row);
            } else {
                code.setMinWidth(Region.USE_COMPUTED_SIZE);
                area.getChildren().addAll(picture, codeBox);
            }
        };
        boolean[] queued = new boolean[1];
        InvalidationListener later = obs -> {
            if (!queued[0]) {
                queued[0] = true;
                Platform.runLater(() -> {
                    queued[0] = false;
                    apply.run();
                });
            }
        };
        scroll.viewportBoundsProperty().addListener(later);
        ruler.fontProperty().addListener(later);
        code.widthProperty().addListener(later);
        apply.run();
    }

    /** The guidance for the chosen implementation and bug, collapsible, with a button that applies its setup. */
    private TitledPane guide() {
        Label text = Controls.guideText(""); // measured once per width, wrapped whole (see Controls.guide)
        text.setId("lab-guide-text");
        text.getStyleClass().add("guide-text");
        text.setPrefWidth(1); // wraps to the pane's width, never widens it
        text.setMaxWidth(Double.MAX_VALUE);
        Button apply = Controls.thenRun(new Button("Apply this setup"));
        apply.setId("lab-guide-apply");
        apply.disableProperty().bind(model.runningBinding());
        apply.setMinWidth(Region.USE_PREF_SIZE);
        // What Apply set, beside it, until a setting changes: a learner sees the click was taken. During
        // a run, why it is greyed out (a teacher clicked it mid-demo and got nothing).
        Label applied = Controls.fieldMessage("lab-guide-applied", model.guideNoteBinding());
        apply.setOnAction(e -> model.applyGuide());
        HBox applyRow = new HBox(10, apply, applied);
        // On the button's line, not centred beside it: at 150 % in 1024x700 the line takes four lines and
        // the button, centred, moved 22 px down from the pointer that clicked it.
        applyRow.setAlignment(Pos.BASELINE_LEFT);
        VBox content = new VBox(8, text, applyRow);
        TitledPane guide = new TitledPane("", content);
        guide.setId("lab-guide");
        guide.setExpanded(false);
        guide.setMinWidth(0); // its title wraps rather than widen the view
        Controls.wrapTitle(guide);
        Controls.opensByKeys(guide); // as every guide: Enter did nothing here (a keyboard tryout)
        Runnable show = () -> {
            LabGuide now = model.guideProperty().get();
            guide.setText(now.title());
            text.setText(now.text());
            Controls.tip(apply, "Sets " + now.setup().words(model.implProperty().get()) + ". Then press Run.");
        };
        model.guideProperty().addListener(obs -> show.run());
        show.run();
        return guide;
    }

    /** Events shown before a stall's last put or take: the puts, takes and waits that led to it. */
    private static final int STALL_LEAD_EVENTS = 10;
    /** Events shown up to a violation: the wake-ups and checks that let its thread past its if. */
    private static final int VIOLATION_STORY_EVENTS = 30;

    /**
     * The story the scrubber was just moved to, in the timeline's sight: for a stall, from a few
     * events before the last put or take to the last wait before the lab's interrupts (not the half
     * second after it, in which nothing happens); for a violation, the events that led to it. Evenly
     * spaced unless chosen otherwise: a story told within a millisecond, among threads joining later,
     * was a few pixels wide on the clock even in a window of 5 ms.
     */
    private void showStory(BufferHistoryPane history) {
        long moment = model.momentProperty().get();
        long cause = model.stallCauseProperty().get();
        if (moment >= 0 || cause >= 0) {
            history.spaceEvenlyUnlessChosen();
        }
        if (model.labOutcomeProperty().get() == BufferOutcome.STALLED && cause >= 0 && moment > cause) {
            history.timeline().show(cause - STALL_LEAD_EVENTS, moment - 1);
        } else if (moment >= 0) {
            history.timeline().show(moment - VIOLATION_STORY_EVENTS, moment);
        }
    }

    /**
     * The lab's verdict on the shown run: stalled or violated in the failure colour with ✘, correct
     * in the success colour with ✔, stopped muted; its headline large, its detail (who waits where,
     * the action that broke the invariant) at reading size under it, and under the box the buttons
     * that move the scrubber to the moment it went wrong (for a stall, also to the last put or take
     * before everyone waited). One sentence in the headline's size took five lines at 1024x700, 125 %.
     */
    private VBox outcome(BufferHistoryPane history) {
        Label banner = new Label();
        banner.setId("lab-outcome");
        banner.getStyleClass().add("verdict-headline");
        banner.setWrapText(true);
        banner.setMinHeight(Region.USE_PREF_SIZE);
        Label detail = new Label();
        detail.setId("lab-outcome-detail");
        detail.getStyleClass().add("verdict-detail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        VBox verdict = new VBox(banner, detail);
        verdict.setId("lab-verdict");
        verdict.getStyleClass().add("verdict-box");
        verdict.setMaxWidth(Region.USE_PREF_SIZE); // as wide as its words, up to the view's width
        Button cause = new Button();
        cause.setId("lab-stall-cause");
        cause.setMinWidth(Region.USE_PREF_SIZE);
        Controls.tip(cause, "Moves the scrubber to just before the last put or take: step forward "
                + "(→ in the log) through the signal it sent and everyone going to wait. The timeline shows "
                + "those events, evenly spaced.");
        cause.setOnAction(e -> {
            model.showStallCause();
            showStory(history);
            history.focusLog(); // → walks on from there at once, as the tip says
        });
        Button moment = new Button();
        moment.setId("lab-moment");
        moment.setMinWidth(Region.USE_PREF_SIZE);
        Controls.tip(moment, "Moves the scrubber back to the moment it went wrong, each chip at the line "
                + "its thread was at (End: the run after Stop interrupted everyone).");
        moment.setOnAction(e -> {
            model.showMoment();
            showStory(history);
            history.focusLog();
        });
        // Greyed while the view is there already: after a Run that broke the run, the view shows the moment
        // at once, and the button, pressed as the guide says, seemed to do nothing.
        BooleanBinding momentShown = model.rewind().rewoundBinding()
                .and(model.rewind().positionProperty().isEqualTo(model.momentProperty()));
        moment.disableProperty().bind(momentShown);
        // The same for the story's start: it stayed as it was there, and a lecturer could not tell
        // which of the two the view showed.
        BooleanBinding causeShown = model.rewind().rewoundBinding()
                .and(model.rewind().positionProperty().isEqualTo(model.stallCauseProperty()));
        cause.disableProperty().bind(causeShown);
        cause.textProperty().bind(Bindings.createStringBinding(() -> causeButtonText(causeShown.get()), causeShown));
        HBox buttons = new HBox(10, moment, cause);
        VBox box = new VBox(6, verdict, buttons);
        Runnable show = () -> {
            BufferOutcome outcome = model.labOutcomeProperty().get();
            boolean bad = outcome != null && BufferViewModel.wentWrong(outcome);
            banner.setText(outcome == null ? "" : BufferViewModel.glyph(outcome)
                    + Words.keepClosingNumbers(model.outcomeTextProperty().get()));
            detail.setText(Words.keepClosingNumbers(model.outcomeDetailProperty().get()));
            detail.setVisible(!detail.getText().isEmpty());
            detail.setManaged(detail.isVisible());
            verdict.pseudoClassStateChanged(FAILURE, bad);
            verdict.pseudoClassStateChanged(SUCCESS, outcome == BufferOutcome.OK);
            verdict.pseudoClassStateChanged(STOPPED, outcome == BufferOutcome.STOPPED);
            boolean stalled = outcome == BufferOutcome.STALLED && model.stallCauseProperty().get() >= 0;
            boolean hasMoment = model.momentProperty().get() >= 0;
            moment.setText(momentButtonText(outcome == BufferOutcome.STALLED, momentShown.get()));
            moment.setVisible(hasMoment);
            moment.setManaged(hasMoment);
            cause.setVisible(stalled);
            cause.setManaged(stalled);
            buttons.setVisible(hasMoment || stalled);
            buttons.setManaged(buttons.isVisible());
            box.setVisible(outcome != null);
            box.setManaged(outcome != null);
        };
        model.labOutcomeProperty().addListener(obs -> show.run());
        // A run that stalled or broke moves the scrubber to that moment by itself: the timeline shows
        // the story too, as the buttons do. Left on the clock it kept the run's first 131 ms, one
        // thread starting, and squeezed the broken action into its last pixels (a learner's tryout).
        model.labOutcomeProperty().addListener((obs, old, now) -> {
            if ((now == BufferOutcome.STALLED || now == BufferOutcome.VIOLATED) && model.momentProperty().get() >= 0
                    && model.rewind().positionProperty().get() == model.momentProperty().get()) {
                showStory(history);
            }
        });
        model.outcomeTextProperty().addListener(obs -> show.run());
        model.outcomeDetailProperty().addListener(obs -> show.run());
        model.stallCauseProperty().addListener(obs -> show.run());
        model.momentProperty().addListener(obs -> show.run());
        momentShown.addListener(obs -> show.run());
        show.run();
        return box;
    }

    /**
     * The moment's button: what it shows, or, greyed while the view is there, that it is shown (greyed
     * with "Show the broken action" beside that very action, it read as broken, and a greyed button
     * shows no tooltip: a teacher's tryout).
     */
    static String momentButtonText(boolean stalled, boolean shown) {
        if (shown) {
            return stalled ? "✓ Everyone waiting, shown below" : "✓ The broken action, shown below";
        }
        return stalled ? "Show everyone waiting" : "Show the broken action";
    }

    /** The stall's story's button: what it shows, or, greyed while the view is there, where to go on. */
    static String causeButtonText(boolean shown) {
        return shown ? "✓ How it stalled, from here: ▶ steps on" : "Show how it stalled";
    }

    // ---- motion ----

    /** At most this many moves are drawn from one frame: more is a free run, too fast to follow. */
    private static final int MAX_MOVES_PER_FRAME = 6;
    /** At most this many tokens in flight at once: a safety net, as moves are drawn one at a time. */
    private static final int MAX_TOKENS = 24;

    /** Running, a move starts at most this late: a frame's time, so it starts when it happened. */
    private static final long LATE_NANOS = 20_000_000;
    /** Paused, a move (a Step's) starts at most this many moves' flights after it happened. */
    private static final int MAX_STEP_LAG = 3;
    /** The shortest flight: steps faster than their flights shorten them, down to about two frames. */
    private static final long MIN_FLIGHT_NANOS = 35_000_000;

    /** When the latest step's moves came ({@link System#nanoTime()}), or 0 when not stepping. */
    private long stepMovesAt;

    /**
     * When the moves drawn so far have all landed ({@link System#nanoTime()}): moves are drawn one
     * after another, never two items at once.
     */
    private long motionFreeAt;

    /**
     * Draws the frame's moves: each item travels from its producer's chip into its slot, or from
     * its slot to its consumer's chip, and each thread a signal woke goes from its place in the wait
     * set back to its lane. Only a picture: the tokens are dropped at the end of their flight.
     *
     * <p>One item in flight at a time, each woken thread with the move whose signal woke it. Paused
     * (each move a Step the class is watching): every move is drawn, in the order they happened (a
     * put, then the take it let through), each after the one before; when steps come faster than
     * their flights (Auto-step at 20 a second), the flights in the air are dropped and the new
     * ones share the time between steps (at least {@link #MIN_FLIGHT_NANOS}), so the picture keeps
     * up with the steps; a move more than {@link #MAX_STEP_LAG} flights behind is not drawn
     * (a safety net). Running: a move is drawn only if
     * nothing is in flight when it happens, and starts then, the frame's latest move (the one the
     * last action tells while it flies); moves that come meanwhile are not drawn (the slots and
     * chips show them), so the picture never trails the run.
     */
    private void play(List<BufferViewModel.Move> moves, boolean deferred) {
        Motion.Speed speed = Motion.speedProperty().get();
        RunState state = model.runState();
        // Only while the run goes on: the sample that sees it end (or stopping) still carries its
        // last moves, and their tokens would fly over the banner that replaces the run.
        if (speed == Motion.Speed.OFF || moves.isEmpty() || moves.size() > MAX_MOVES_PER_FRAME
                || getScene() == null || state != RunState.RUNNING && state != RunState.PAUSED) {
            return;
        }
        if (!deferred && moves.stream().anyMatch(move -> lookup("#worker-" + move.worker()) == null)) {
            // A run's first moves come in the sample that draws its chips, after them: they fly
            // once the chips are there and laid out (the first step's item was never drawn).
            Platform.runLater(() -> {
                applyCss();
                layout();
                play(moves, true);
            });
            return;
        }
        boolean stepping = state == RunState.PAUSED;
        long now = System.nanoTime();
        long duration = (long) (speed.duration().toMillis() * 1e6);
        if (stepping) {
            long sinceLastStep = stepMovesAt == 0 ? Long.MAX_VALUE : now - stepMovesAt;
            stepMovesAt = now;
            if (sinceLastStep < duration * moves.size()) {
                // Steps come faster than their flights (Auto-step at 20 a second, S held down): the
                // flights still in the air are dropped (the slots and chips show where they went), and
                // this step's share the time since the last one, so the picture shows each step as it
                // is taken instead of trailing it.
                duration = Math.max(MIN_FLIGHT_NANOS, sinceLastStep / moves.size());
                if (motionFreeAt > now) {
                    motionLayer.getChildren().clear();
                    motionFreeAt = now;
                }
            }
        } else {
            stepMovesAt = 0;
        }
        Duration flight = Duration.millis(duration / 1e6);
        long allowed = stepping ? MAX_STEP_LAG * duration : LATE_NANOS;
        long start = Math.max(now, motionFreeAt);
        // Running, the frame's latest move, the one the narration tells: its first ran a frame's
        // moves behind the words above it.
        for (BufferViewModel.Move move : stepping ? moves : List.of(moves.getLast())) {
            if (start - now > allowed) {
                return; // too far behind: the rest of this frame is not drawn
            }
            Duration delay = Duration.millis((start - now) / 1e6);
            Node chip = lookup("#worker-" + move.worker());
            if (chip != null && slotInScene(move.slot()) != null) {
                Label token = token(String.format(Locale.ROOT, "#%,d", move.item()), "motion-item");
                boolean put = move.kind() == BufferEvent.PUT;
                Supplier<Bounds> slot = () -> slotInScene(move.slot());
                Supplier<Bounds> atChip = () -> inScene(chip);
                // Told only if it flies: a token refused never lands, and its words would stay.
                if (fly(token, put ? atChip : slot, put ? slot : atChip, flight, delay) && !stepping) {
                    tell(token, move.words());
                }
            }
            String queue = move.kind() == BufferEvent.PUT ? "#not-empty-queue-" : "#not-full-queue-";
            for (String woken : move.woken()) {
                Node from = lookup(queue + woken);
                if (from == null) {
                    from = lookup("#not-full-queue-" + woken); // one wait set, shown in the first queue
                }
                Node to = lookup("#worker-" + woken);
                if (from != null && to != null) {
                    Node queued = from;
                    fly(token(woken + " woken", "motion-woken"), () -> inScene(queued), () -> inScene(to), flight, delay);
                }
            }
            start += duration;
            motionFreeAt = start;
            if (!stepping) {
                return; // a free run: one move a flight
            }
        }
    }

    /** The share of a flight at its end in which its token fades out. */
    private static final double LANDING = 0.3;

    /**
     * Tells {@code words} as the last action while {@code token} flies (a free run's move): the words
     * and the badge go together, and the narration changes as often as a move is drawn.
     */
    private void tell(Label token, String words) {
        drawnAction.set(words);
        token.parentProperty().addListener((obs, old, now) -> {
            if (now == null && words.equals(drawnAction.get())) {
                drawnAction.set(""); // landed, or dropped: the run's own last action again
            }
        });
    }

    /** Drops the tokens in flight: the run has ended or stopped, and the view is laid out anew. */
    private void dropMotion() {
        motionLayer.getChildren().clear();
        motionFreeAt = 0;
        stepMovesAt = 0;
    }

    private static Label token(String text, String styleClass) {
        Label token = new Label(text);
        token.getStyleClass().addAll("motion-token", styleClass);
        token.setManaged(false);
        return token;
    }

    /** The node's bounds in the scene; null once it has left the scene (a worker's chip of a run gone by). */
    private static Bounds inScene(Node node) {
        return node.getScene() == null ? null : node.localToScene(node.getBoundsInLocal());
    }

    /** Where slot {@code slot} is shown, in the scene: its tile, or its cell of the strip; null if neither (or gone). */
    private Bounds slotInScene(int slot) {
        if (strip.isVisible()) {
            Bounds cell = strip.cellBounds(slot);
            return cell == null ? null : strip.localToScene(cell);
        }
        return slot < slots.getChildren().size() ? inScene(slots.getChildren().get(slot)) : null;
    }

    /**
     * Moves {@code token} from the centre of {@code from} to the centre of {@code to} (scene
     * bounds) after {@code delay}, then drops it. Both ends are read again at every frame of the
     * flight. Returns whether it flies: not when {@link #MAX_TOKENS} are in the air already, or an
     * end is not in the scene.
     */
    private boolean fly(Label token, Supplier<Bounds> from, Supplier<Bounds> to, Duration flight, Duration delay) {
        Bounds first = from.get();
        Bounds last = to.get();
        if (motionLayer.getChildren().size() >= MAX_TOKENS || first == null || last == null) {
            return false;
        }
        motionLayer.getChildren().add(token);
        token.applyCss();
        token.autosize();
        double w = token.getWidth();
        double h = token.getHeight();
        // Both ends are read again at every frame of the flight: the picture can move under a token in
        // the air (the narration above the slots grows a line, the lanes rewrap), and a token flown to
        // where its slot was at take-off landed 22 px above it.
        Transition travel = new Transition() {
            private Bounds start = first;
            private Bounds end = last;

            {
                setCycleDuration(flight);
                setInterpolator(Interpolator.EASE_BOTH);
            }

            @Override
            protected void interpolate(double frac) {
                start = Objects.requireNonNullElse(from.get(), start);
                end = Objects.requireNonNullElse(to.get(), end);
                Bounds a = motionLayer.sceneToLocal(start);
                Bounds b = motionLayer.sceneToLocal(end);
                token.relocate(a.getCenterX() + (b.getCenterX() - a.getCenterX()) * frac - w / 2,
                        a.getCenterY() + (b.getCenterY() - a.getCenterY()) * frac - h / 2);
            }
        };
        Bounds takeOff = motionLayer.sceneToLocal(first);
        token.relocate(takeOff.getCenterX() - w / 2, takeOff.getCenterY() - h / 2);
        FadeTransition landing = new FadeTransition(flight.multiply(LANDING), token);
        landing.setDelay(flight.multiply(1 - LANDING));
        landing.setToValue(0);
        // Hidden while it waits its turn, so it never sits on a slot before its item arrives.
        token.setVisible(false);
        PauseTransition wait = new PauseTransition(delay);
        wait.setOnFinished(e -> token.setVisible(true));
        SequentialTransition both = new SequentialTransition(wait, new ParallelTransition(travel, landing));
        both.setOnFinished(e -> motionLayer.getChildren().remove(token));
        both.play();
        return true;
    }

    /** The line of its method {@code worker}'s chip is beside in the code panel, or -1 (outside); for tests. */
    int codeLineOf(String worker) {
        return code.lineOf(worker);
    }

    /** The tokens in flight now; for tests. */
    int tokensInFlight() {
        return motionLayer.getChildren().size();
    }

    /**
     * A wait set (or the gate's queue) as a queue of the workers' own chips, first in line on the
     * left; its tooltip says what that order means for the implementation shown ({@link #queueTip}).
     */
    private VBox queue(String id, ObservableStringValue caption, ObservableList<String> names,
                       WorkerState state) {
        Label title = new Label();
        title.setId(id + "-caption");
        title.textProperty().bind(caption);
        title.getStyleClass().add("wait-set-caption");
        title.setWrapText(true);
        FlowPane chips = new FlowPane(4, 4);
        chips.setId(id);
        chips.getStyleClass().add("wait-set");
        chips.setAlignment(Pos.CENTER_LEFT);
        Label empty = new Label("empty");
        empty.getStyleClass().add("wait-set-empty");
        // The chips and arrows are made once and kept in place: a chip at position i shows whoever is
        // i-th now. Rebuilding them at every change (every frame in a fast run) made each frame restyle
        // a new subtree per chip and add a tooltip.
        // A queue that grows adds its chips and arrows for good; one that shrinks hides those past its
        // end (a node taken out of the scene and put back is restyled whole: at every frame of a free
        // run, queues grow and shrink).
        List<WorkerChip> pool = new ArrayList<>();
        List<Label> arrows = new ArrayList<>();
        chips.getChildren().add(empty);
        Runnable draw = () -> {
            show(empty, names.isEmpty());
            Map<String, BufferSnapshot.WorkerView> byName = new HashMap<>();
            for (BufferSnapshot.WorkerView worker : model.workers()) {
                byName.put(worker.name(), worker);
            }
            while (pool.size() < names.size()) {
                Label arrow = new Label("→");
                arrow.getStyleClass().add("wait-set-arrow");
                arrows.add(arrow);
                WorkerChip chip = new WorkerChip(id + "-");
                chip.getStyleClass().add("queued");
                if (state == WorkerState.AT_GATE) {
                    chooseOnClick(chip);
                }
                pool.add(chip);
                if (pool.size() > 1) {
                    chips.getChildren().add(arrow); // an arrow before each chip but the first
                }
                chips.getChildren().add(chip);
            }
            // A chip chosen by keyboard (Enter) is often the one hidden next, its worker gone
            // through the gate: the focus stays in the queue, on its last chip, rather than falling
            // to the next control far below (a queue left empty has no chip to take it).
            boolean focusHidden = false;
            for (int i = names.size(); i < pool.size(); i++) {
                focusHidden |= pool.get(i).isFocused();
            }
            for (int i = 0; i < pool.size(); i++) {
                boolean queued = i < names.size();
                show(pool.get(i), queued);
                show(arrows.get(i), queued && i > 0);
                if (queued) {
                    String name = names.get(i);
                    pool.get(i).impl(model.shownImplProperty().get());
                    pool.get(i).show(byName.getOrDefault(name, new BufferSnapshot.WorkerView(name,
                            name.startsWith("P") ? Worker.Role.PRODUCER : Worker.Role.CONSUMER, state)));
                    // As its lane's chip says: P3 read "waiting, leaving" in its lane and "waiting" here.
                    pool.get(i).leaving(model.leaving().contains(name));
                } else {
                    pool.get(i).setId(null); // a hidden chip answers to no worker's id
                }
            }
            if (focusHidden && !names.isEmpty()) {
                pool.get(names.size() - 1).requestFocus();
            }
        };
        names.addListener((ListChangeListener<String>) change -> draw.run());
        model.leaving().addListener((ListChangeListener<String>) change -> draw.run());
        // And when a queued worker's state or place changes with the same names: a worker read as it
        // left the gate, back at it after unlocked-count's look, kept "at gate" until the next step.
        model.workers().addListener((ListChangeListener<BufferSnapshot.WorkerView>) change -> {
            if (!names.isEmpty()) {
                draw.run();
            }
        });
        draw.run();
        VBox box = new VBox(4, title, chips);
        Controls.tip(box, Bindings.createStringBinding(() -> queueTip(model.shownImplProperty().get(), state),
                model.shownImplProperty()));
        return box;
    }

    /**
     * What the order of a queue of chips means: the gate's ({@code state} {@link WorkerState#AT_GATE})
     * is Step's; a wait set's is the order its threads began to wait, which only a lock's condition
     * wakes in ({@code signal}: the first); the monitor's {@code notify()} picks a thread of the JVM's
     * choice, and a semaphore's release wakes the first but, unless the semaphores are fair, can lose
     * the permit to a barging thread.
     */
    static String queueTip(BufferImpl impl, WorkerState state) {
        if (state == WorkerState.AT_GATE) {
            return "In arrival order: each Step lets the first (left) through, or the chip you click.";
        }
        return switch (impl) {
            case LOCK -> "In wait order: the first (left) is the one signal wakes next (a condition wakes its "
                    + "waiters first come, first served); signal-all wakes them all.";
            case MONITOR -> "In the order they began to wait, which the monitor need not follow: notify() wakes one "
                    + "thread of the JVM's choice (the log says which), and after notifyAll() they all contend for "
                    + "the monitor.";
            case SEMAPHORE -> "In the order they began to wait: a release wakes the first (left), but unless the "
                    + "semaphores are fair (Fair lock) a thread arriving meanwhile may take the permit first, and "
                    + "the woken one then waits on inside acquire().";
            case ABQ -> "abq's waits are inside the JDK: not visible.";
        };
    }

    /** Shows or hides {@code node}, taking it out of the layout while hidden. */
    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /**
     * A chip at the gate chooses who steps next: click it, or Tab to it and press Enter. The chip
     * stays in its place while the worker it shows changes: it asks whom it shows when used.
     */
    private void chooseOnClick(WorkerChip chip) {
        chip.setFocusTraversable(true);
        chip.getStyleClass().add("choosable");
        chip.setOnMouseClicked(e -> {
            // A click's second half (a double-click) is not a choice: the chip chosen first has left the
            // queue, and the next thread's chip had slid under the pointer (a learner's tryout).
            if (e.getClickCount() == 1) {
                model.stepWorker(chip.workerName());
            }
        });
        chip.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.stepWorker(chip.workerName());
                e.consume();
            }
        });
        Controls.tip(chip, "Let this thread act next (click, or Enter): a step by the thread you"
                + " choose. S steps the one that has waited longest.");
    }

    private static VBox counter(String id, String caption, ObservableNumberValue value,
                                String tooltip) {
        Label label = new Label();
        Controls.bindNumber(label, value);
        return Controls.figure(id, caption, label, tooltip);
    }

    /**
     * The run's items per second; "stepped: no rate" while every item was a step's (a step acts while
     * the run is paused, and its time is not the run's).
     */
    private VBox rate() {
        Label label = new Label();
        label.textProperty().bind(Bindings.createStringBinding(() -> model.onlySteppedProperty().get()
                ? "stepped: no rate" : String.format(Locale.ROOT, "%,d", model.runItemsPerSecondProperty().get()),
                model.runItemsPerSecondProperty(), model.onlySteppedProperty()));
        VBox card = Controls.figure("items-per-second", RATE_CAPTION, label,
                "Items consumed while the run ran, divided by the seconds it ran: pauses left out, and with them"
                + " the items steps move (a step acts while the run is paused); a run that stalled, until the"
                + " stall (not the half second the lab watches it after). The command line's"
                + " itemsPerSecond. Compare implementations and threads with it.");
        // What the rate is over, in the caption: "Items per second, whole run" over "87 until the stall"
        // said two spans at once (a lecturer's tryout).
        ((Label) card.getChildren().getFirst()).textProperty().bind(Bindings.when(model.rateUntilStallProperty())
                .then(RATE_UNTIL_STALL_CAPTION).otherwise(RATE_CAPTION));
        return card;
    }

    /** The rate card's caption, and a stalled run's. */
    static final String RATE_CAPTION = "Items per second, whole run";
    static final String RATE_UNTIL_STALL_CAPTION = "Items per second, until the stall";

    /** A count of what happens inside the buffer: "not visible" for abq, whose inside is not instrumented (not 0). */
    private VBox inside(String id, String caption, ObservableNumberValue value, String tooltip) {
        Label label = new Label();
        label.textProperty().bind(Bindings.createStringBinding(() -> model.abqShownBinding().get() ? "not visible"
                : String.format(Locale.ROOT, "%,d", value.longValue()), value, model.abqShownBinding()));
        return Controls.figure(id, caption, label, tooltip);
    }

    private void drawSlots() {
        List<Long> items = model.slots();
        if (!model.tiledBinding().get()) {
            slots.getChildren().clear();
            strip.show(items, model.putIndexProperty().get(), model.takeIndexProperty().get());
            return;
        }
        while (slots.getChildren().size() > items.size()) {
            slots.getChildren().removeLast();
        }
        while (slots.getChildren().size() < items.size()) {
            slots.getChildren().add(new SlotTile(slots.getChildren().size(), slotWidth));
        }
        for (int i = 0; i < items.size(); i++) {
            ((SlotTile) slots.getChildren().get(i)).show(items.get(i), i == model.putIndexProperty().get(),
                    i == model.takeIndexProperty().get());
        }
    }

    /**
     * Whether a run that ended so ended its threads short: Stop, the lab's detector (a stall, a
     * violation) or a failure; a completed run's threads (a wrong total's too) finished their work.
     */
    static boolean endedShort(BufferOutcome outcome) {
        return outcome != null && outcome != BufferOutcome.OK && outcome != BufferOutcome.WRONG_TOTAL;
    }

    private void relayoutSlots() {
        slots.getChildren().forEach(tile -> ((Region) tile).requestLayout());
    }

    private void relayoutLanes() {
        for (FlowPane lane : List.of(producers, consumers)) {
            for (Node node : lane.getChildren()) {
                if (node instanceof WorkerChip chip) {
                    chip.requestLayout();
                }
            }
        }
    }

    /**
     * The run's workers; before a run (none shown, and not abq's), the threads the next run will
     * start, as the sliders set them, marked as not started: moving a slider shows what it changes.
     */
    private void drawWorkers() {
        List<BufferSnapshot.WorkerView> all = model.workers();
        if (all.isEmpty() && !model.abqShownBinding().get()) {
            laneWidth.forget(); // before a run: as wide as their words, until the run's widen them
            slotWidth.forget();
            plan(producers, "P", Worker.Role.PRODUCER, model.producersProperty().get());
            plan(consumers, "C", Worker.Role.CONSUMER, model.consumersProperty().get());
            return;
        }
        List<BufferSnapshot.WorkerView> p = all.stream().filter(w -> w.role() == Worker.Role.PRODUCER).toList();
        List<BufferSnapshot.WorkerView> c = all.stream().filter(w -> w.role() == Worker.Role.CONSUMER).toList();
        // Asked to leave, and once gone "– left" (fewer set by the slider), not "✓ done": the same
        // thread read "done" while the run went on and "ended" once it was stopped.
        Set<String> leaving = Set.copyOf(model.leaving());
        Set<String> left = Set.copyOf(model.left());
        // A run ended by Stop, the lab's detector (a stall, a violation) or a failure: its threads
        // were ended, not done with their work; "✓ done" on every chip of a stopped run read as if
        // they had finished. (A wrong total's threads did finish.)
        boolean endedShort = endedShort(model.labOutcomeProperty().get());
        // The run's threads not started yet (or never: a violation after six events ended a run of 3
        // producers and 1 consumer before P3 and C1 began, and the lanes showed only P1 and P2).
        BufferSettings run = model.abqShownBinding().get() ? null : model.shownRunProperty().get();
        draw(producers, p, run == null ? 0 : run.producers(), "P", Worker.Role.PRODUCER,
                leaving, left, endedShort);
        draw(consumers, c, run == null ? 0 : run.consumers(), "C", Worker.Role.CONSUMER,
                leaving, left, endedShort);
        for (FlowPane lane : List.of(producers, consumers)) {
            for (Node node : lane.getChildren()) {
                if (node instanceof WorkerChip chip && !chip.getStyleClass().contains(LANE_CHOOSABLE)) {
                    chooseAtGate(chip);
                }
            }
        }
    }

    /** A lane's chip, while its thread is at the gate, chooses who steps next as the gate's own chips do. */
    private static final String LANE_CHOOSABLE = "lane-choosable";

    /**
     * A chip of the producers' or consumers' lane chooses its thread to step next when clicked while
     * that thread waits at the gate; otherwise it does nothing. A learner clicked these chips, which
     * look like the gate's, and nothing happened. (The keyboard chooses in the gate's queue, whose
     * chips take the focus: these would add a Tab stop per thread.)
     */
    private void chooseAtGate(WorkerChip chip) {
        chip.getStyleClass().add(LANE_CHOOSABLE);
        PseudoClass atGate = WorkerChip.pseudo(WorkerState.AT_GATE);
        chip.setOnMouseClicked(e -> {
            if (chip.getPseudoClassStates().contains(atGate)) {
                model.stepWorker(chip.workerName());
            }
        });
    }

    /**
     * The producers' and consumers' lanes: each caption on a line of its own, its chips under it,
     * wrapping at the view's width (with the caption first in the flow, a lane's second row of chips
     * wrapped under "Producers": 8 producers at 1024x700, a teacher's tryout). A flow pane in a VBox
     * is given its width before its height is asked, so it never reserves rows it does not use.
     */
    private VBox lanes() {
        VBox lanes = new VBox(4, producersCaption, producers, consumersCaption, consumers);
        VBox.setMargin(consumersCaption, new Insets(4, 0, 0, 0));
        lanes.getStyleClass().add("lanes");
        return lanes;
    }

    private static Label lane(String caption) {
        Label label = new Label(caption);
        label.getStyleClass().addAll("section", "lane-caption");
        return label;
    }

    /**
     * A chip per worker in {@code pane}, those {@code leaving} marked
     * so, then one "not started" for each of {@code prefix}1 to {@code planned} the run has not
     * started (yet).
     */
    private void draw(FlowPane pane, List<BufferSnapshot.WorkerView> workers, int planned,
                      String prefix, Worker.Role role, Set<String> leaving, Set<String> left, boolean endedShort) {
        Set<String> started = workers.stream().map(BufferSnapshot.WorkerView::name).collect(Collectors.toSet());
        List<String> notStarted = IntStream.rangeClosed(1, planned).mapToObj(i -> prefix + i)
                .filter(name -> !started.contains(name)).toList();
        chips(pane, workers.size() + notStarted.size());
        for (int i = 0; i < workers.size(); i++) {
            WorkerChip chip = (WorkerChip) pane.getChildren().get(i);
            chip.impl(model.shownImplProperty().get());
            chip.show(workers.get(i));
            chip.leaving(leaving.contains(workers.get(i).name()));
            chip.left(left.contains(workers.get(i).name()));
            chip.endedShort(endedShort);
        }
        for (int i = 0; i < notStarted.size(); i++) {
            ((WorkerChip) pane.getChildren().get(workers.size() + i)).plan(notStarted.get(i), role);
        }
    }

    /** {@code count} chips named {@code prefix}1, 2, ... as the runner names them, not started. */
    private void plan(FlowPane pane, String prefix, Worker.Role role, int count) {
        chips(pane, count);
        for (int i = 0; i < count; i++) {
            ((WorkerChip) pane.getChildren().get(i)).plan(prefix + (i + 1), role);
        }
    }

    /** Makes {@code pane} {@code count} chips, keeping those it has. */
    private void chips(FlowPane pane, int count) {
        while (pane.getChildren().size() > count) {
            pane.getChildren().removeLast();
        }
        while (pane.getChildren().size() < count) {
            pane.getChildren().add(new WorkerChip(laneWidth));
        }
    }

    /**
     * The widest a lane chip (or a slot tile) has been, in its text's ems, since the threads were last
     * planned (before a run, or after Reset): every chip of the lanes is as wide. With 16 producers, a chip's words
     * growing from "producing" to "awaits room with #2,052" re-wrapped the lanes from four chips a
     * row to two, and back, at every frame; now the lanes widen once, to the widest words the run has
     * shown, and stay. In ems: a zoom keeps the lanes' proportions. FX thread.
     */
    static final class LaneWidth {
        private final Runnable relayout;
        /** The widest chip's preferred width since {@link #forget}, over its text size; 0 before any. */
        private double widestEms;
        /** Whether a relayout of the lanes is posted and has not run yet: one per layout pass, however many chips grew. */
        private boolean relayoutPending;

        /** @param relayout asks every lane chip for its width again */
        LaneWidth(Runnable relayout) {
            this.relayout = relayout;
        }

        /**
         * The width for a chip whose own preferred width is {@code ownPx} at a text size of {@code em}
         * px: the widest so far. A chip wider than that widens every one: the others follow in the next
         * layout pass (asked in the middle of this one, they would not).
         */
        double widen(double ownPx, double em) {
            if (ownPx > widestEms * em + 0.5) {
                widestEms = ownPx / em;
                if (!relayoutPending) {
                    relayoutPending = true;
                    Platform.runLater(() -> {
                        relayoutPending = false;
                        relayout.run();
                    });
                }
            }
            return Math.max(ownPx, widestEms * em);
        }

        /** Back to each chip's own width (threads planned for the next run). */
        void forget() {
            if (widestEms > 0) {
                widestEms = 0;
                relayout.run();
            }
        }
    }

    /** One slot: the item it holds (or nothing), with the put and take positions marked. */
    static final class SlotTile extends VBox {
        private final Label marker = new Label();
        private final Label item = new Label();
        private final Label index = new Label();
        /** The tiles' common width: the widest a tile has been. */
        private final LaneWidth width;

        SlotTile(int slot, LaneWidth width) {
            this.width = width;
            getStyleClass().add("slot");
            setId("slot-" + slot);
            setAlignment(Pos.CENTER);
            marker.getStyleClass().add("slot-marker");
            item.getStyleClass().add("slot-item");
            index.getStyleClass().add("slot-index");
            index.setText(Integer.toString(slot));
            getChildren().addAll(marker, item, index);
        }

        @Override
        protected double computePrefWidth(double height) {
            return width.widen(super.computePrefWidth(height), item.getFont().getSize());
        }

        void show(long value, boolean put, boolean take) {
            item.setText(value == 0 ? "" : String.format(Locale.ROOT, "#%,d", value));
            marker.setText(put && take ? "▼▲" : put ? "▼" : take ? "▲" : " ");
            pseudoClassStateChanged(OCCUPIED, value != 0);
            pseudoClassStateChanged(PUT, put);
            pseudoClassStateChanged(TAKE, take);
        }
    }

    /** One producer or consumer: name, a glyph and words for its state; colour is never the only cue. */
    static final class WorkerChip extends HBox {
        /** A thread its run ended (see {@link #endedShort}), beside :done. */
        private static final PseudoClass ENDED = PseudoClass.getPseudoClass("ended");
        private final Label glyph = new Label();
        private final Label name = new Label();
        private final Label state = new Label();
        /** The chip's id is this and the worker's name. */
        private final String idPrefix;
        private WorkerState shown;
        /** Whether it shows a thread not started yet ({@link #plan}). */
        private boolean planned;
        /** Whether it says its thread was asked to leave ({@link #leaving}). */
        private boolean leaving;
        /** Whether its run ended short ({@link #endedShort}): its DONE is "ended", not "done". */
        private boolean endedShort;
        /** Whether its thread was asked to leave in the shown run ({@link #left}): its DONE is "left". */
        private boolean left;
        /** The item in hand it shows ({@link BufferSnapshot.WorkerView#holding}), or none. */
        private long holding = BufferSnapshot.WorkerView.NOTHING;
        /** The implementation its thread runs: the lock it waits for is named as its code names it. */
        private BufferImpl impl = BufferImpl.LOCK;
        /**
         * Whether it shows its thread after unlocked-count's look, on its way to the lock or stopped at
         * the gate there: it says so, as its chip beside the code sits at the look's line.
         */
        private boolean looked;
        /**
         * Whether it shows its thread interrupted in its wait (a Stop), its put or take ending: it says
         * so, as its chip beside the code does (it read "◆ in put/take", the critical section's glyph,
         * for a semaphore's thread that never asked for the mutex).
         */
        private boolean interrupted;

        /** Whose thread it shows: a producer is in put(), a consumer in take(). */
        private Worker.Role role;

        /** The lanes' common width, for a chip of the lanes; null for a chip of a queue, as wide as its words. */
        private final LaneWidth lane;

        /** A chip of the workers' lanes: its id is {@code worker-} and the name; as wide as the widest lane chip ({@code lane}). */
        WorkerChip(LaneWidth lane) {
            this("worker-", lane);
        }

        /** A chip of a queue: its id is {@code idPrefix} and the name. */
        WorkerChip(String idPrefix) {
            this(idPrefix, null);
        }

        private WorkerChip(String idPrefix, LaneWidth lane) {
            super(6);
            this.idPrefix = idPrefix;
            this.lane = lane;
            getStyleClass().add("worker");
            setAlignment(Pos.CENTER_LEFT);
            glyph.getStyleClass().add("worker-glyph");
            name.getStyleClass().add("worker-name");
            state.getStyleClass().add("worker-state");
            getChildren().addAll(glyph, name, state);
        }

        @Override
        protected double computePrefWidth(double height) {
            double own = super.computePrefWidth(height);
            if (lane == null) {
                return own;
            }
            return lane.widen(own, name.getFont().getSize());
        }

        /** The worker shown now (empty before the first {@link #show}). */
        String workerName() {
            return name.getText();
        }

        /**
         * Shows {@code worker}; changes only what differs (a style-class change restyles the chip, and
         * the chips are shown at every frame).
         */
        void show(BufferSnapshot.WorkerView worker) {
            name(worker.name(), worker.role());
            if ((worker.where() == Where.LOOKED) != looked || (worker.where() == Where.INTERRUPTED) != interrupted) {
                looked = worker.where() == Where.LOOKED;
                interrupted = worker.where() == Where.INTERRUPTED;
                showState();
            }
            if (shown != worker.state() || planned) {
                if (shown != null) {
                    pseudoClassStateChanged(pseudo(shown), false);
                }
                planned = false;
                pseudoClassStateChanged(NOT_STARTED, false);
                shown = worker.state();
                holding = worker.holding();
                pseudoClassStateChanged(pseudo(shown), true);
                showState();
            } else if (holding != worker.holding()) {
                holding = worker.holding();
                showState();
            }
        }

        /**
         * Says which implementation its thread runs: a monitor's thread is "waiting for monitor", as
         * the log says it waits for the monitor (it read "waiting for lock").
         */
        void impl(BufferImpl runs) {
            if (runs != impl) {
                impl = runs;
                showState();
            }
        }

        /**
         * Says whether its thread was asked to leave (fewer producers or consumers set during the
         * run): "Pending: 3 producers to leave" did not say which chips would go.
         */
        void leaving(boolean asked) {
            if (asked != leaving) {
                leaving = asked;
                showState();
            }
        }

        /**
         * Says whether the run was ended (by Stop, the lab's detector or a failure): a thread it
         * ended reads "– ended", not "✓ done", which a stopped run's every chip said.
         */
        void endedShort(boolean ended) {
            if (ended != endedShort) {
                endedShort = ended;
                showState();
            }
        }

        /**
         * Says whether its thread was asked to leave during the shown run (fewer set by a slider):
         * once gone it reads "– left", not "✓ done" (the same thread read "done" while the run went on
         * and "ended" once it was stopped). Only its DONE changes: at a rewound moment before it left
         * it reads as it was then.
         */
        void left(boolean asked) {
            if (asked != left) {
                left = asked;
                showState();
            }
        }

        private void showState() {
            if (shown != null) {
                boolean gone = shown == WorkerState.DONE && left;
                boolean ended = shown == WorkerState.DONE && endedShort;
                pseudoClassStateChanged(ENDED, gone || ended);
                glyph.setText(gone || ended ? "–" : interrupted && shown == WorkerState.IN_BUFFER ? "×" : glyph(shown));
                state.setText(gone ? "left" : ended ? "ended" : words() + inHand() + (leaving ? ", leaving" : ""));
            }
        }

        /** Its state in words, a look without the lock said as such (it read "waiting for lock" at the look's line). */
        private String words() {
            if (looked && shown == WorkerState.AT_GATE) {
                return "at gate after its look";
            }
            if (looked && shown == WorkerState.WAITING_FOR_LOCK) {
                return impl.lookedWords();
            }
            if (interrupted && shown == WorkerState.IN_BUFFER) {
                return "interrupted in its wait";
            }
            return role == null ? shown.words(impl) : shown.words(impl, role);
        }

        /**
         * The item a producer waits with, at the gate or on a full buffer ("at gate with #2"): the
         * first step may well put #2, made before the gate, and a blocked producer's item is the one
         * its put will bring.
         */
        private String inHand() {
            return holding == BufferSnapshot.WorkerView.NOTHING ? "" : String.format(Locale.ROOT, " with #%,d", holding);
        }

        /** Shows a thread the next run will start, named {@code worker}: not started yet. */
        void plan(String worker, Worker.Role role) {
            name(worker, role);
            if (!planned) {
                if (shown != null) {
                    pseudoClassStateChanged(pseudo(shown), false);
                    shown = null;
                }
                planned = true;
                leaving = false;
                left = false;
                holding = BufferSnapshot.WorkerView.NOTHING;
                pseudoClassStateChanged(NOT_STARTED, true);
                glyph.setText("○");
                state.setText("not started");
            }
        }

        private void name(String worker, Worker.Role role) {
            if (role != this.role) {
                this.role = role;
                showState();
            }
            if (!worker.equals(name.getText()) || getId() == null) {
                setId(idPrefix + worker);
                name.setText(worker);
            }
            String roleClass = role == Worker.Role.PRODUCER ? "producer" : "consumer";
            if (!getStyleClass().contains(roleClass)) {
                getStyleClass().removeAll("producer", "consumer");
                getStyleClass().add(roleClass);
            }
        }

        static PseudoClass pseudo(WorkerState state) {
            return PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }

        static String glyph(WorkerState state) {
            return switch (state) {
                case PRODUCING, CONSUMING -> "●";
                case WAITING_FOR_LOCK -> "◔";
                case WAITING_NOT_FULL -> "■";
                case WAITING_NOT_EMPTY -> "□";
                case IN_BUFFER -> "◆";
                case AT_GATE -> "‖";
                case DONE -> "✓";
                case STARTING -> "○";
            };
        }
    }
}
