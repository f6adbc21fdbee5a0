package dev.interleave.ui.race;

import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.InvalidationListener;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import dev.interleave.engine.race.LaneView;
import dev.interleave.engine.race.Step;
import dev.interleave.engine.race.StepEvent;
import dev.interleave.engine.race.StepProgram;
import dev.interleave.engine.race.StepperSettings;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Verdict;
import dev.interleave.ui.kit.ChoiceRow;
import dev.interleave.ui.kit.Controls;
import dev.interleave.ui.kit.SettingSlider;
import dev.interleave.ui.kit.StepWorkerEvent;

/**
 * Slow motion: settings on the left; on the right the shared count, one lane per thread (its code
 * with the next line marked, its register, its increments), the step just taken in words, and the
 * latest steps. A click on a lane lets that thread take its next step.
 */
public final class StepperView extends BorderPane {

    /** Why the challenge stops where it does, under its field when a value was brought down to it. */
    static final String GOAL_CAP = "The challenge goes up to what one stale read can lose: (threads - 1) x"
            + " increments each, every increment of the other threads. The threads can lose more (how many is the"
            + " guide's question).";

    private static final PseudoClass MET = PseudoClass.getPseudoClass("met");
    private static final PseudoClass NEXT = PseudoClass.getPseudoClass("next");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass LAST = PseudoClass.getPseudoClass("last-stepped");
    /** A register kept from the increment before, while the next step reads afresh. */
    private static final PseudoClass OLD = PseudoClass.getPseudoClass("old");
    private static final PseudoClass LOST = PseudoClass.getPseudoClass("lost");
    private static final PseudoClass CAS_FAILED = PseudoClass.getPseudoClass("cas-failed");
    private static final PseudoClass SUCCESS = PseudoClass.getPseudoClass("success");
    private static final PseudoClass FAILURE = PseudoClass.getPseudoClass("failure");
    private static final PseudoClass SETTINGS_CHANGED = PseudoClass.getPseudoClass("settings-changed");

    /** How long Auto-step keeps the lane shown before it shows another: 2.5 moves a second at most. */
    private static final long FOLLOW_GAP_NANOS = 400_000_000L;

    private final StepperViewModel model;
    private final LaneRows lanes = new LaneRows();
    /** The lane shown whole after a step, for {@link #laneToShow}; null before the first. */
    private Node followed;
    /** When {@link #followed} was first shown, in {@link System#nanoTime} nanoseconds. */
    private long followedAtNanos;
    private final VBox log = new VBox(2);

    public StepperView(StepperViewModel model) {
        this.model = model;
        getStyleClass().add("stepper-view");
        setLeft(settings());
        setCenter(live());
        model.lanes().addListener((ListChangeListener<LaneView>) change -> drawLanes());
        model.log().addListener((ListChangeListener<StepEvent>) change -> drawLog());
        model.programProperty().addListener((obs, old, now) -> drawLanes());
        model.shownRunProperty().addListener((obs, old, now) -> drawLanes());
        model.stateProperty().addListener((obs, old, now) -> drawLanes()); // parked, or stopped
        drawLanes();
        drawLog();
    }

    private ScrollPane settings() {
        ChoiceRow<StepProgram> program = new ChoiceRow<>("stepper-program", List.of(StepProgram.values()),
                model.programProperty(), StepProgram::label, p -> switch (p) {
                    case COUNT_PLUS_PLUS -> "count++: read into a register, add one, write back: three steps another"
                            + " thread can come between.";
                    case ATOMIC -> "AtomicLong.incrementAndGet(): read, add and write in one indivisible step (Full"
                            + " speed and Counter & Sum call it atomic).";
                    case CAS -> "A compare-and-set loop: read, compute, swap only if the count still holds the value"
                            + " read; else retry (Full speed calls it cas).";
                });
        SettingSlider threads = new SettingSlider("stepper-threads", "Threads", model.threadsProperty(),
                StepperViewModel.THREADS, false, "Real threads, T1 to T4, each parked before every step.");
        SettingSlider increments = new SettingSlider("stepper-increments", "Increments each",
                model.incrementsProperty(), StepperViewModel.INCREMENTS, false,
                "How many times each thread increments the shared count (1 to 5).");
        SettingSlider goal = new SettingSlider("stepper-goal", "Challenge (lost)",
                model.goalProperty(), StepperViewModel.GOAL, false,
                "Find the race: make the threads lose this many updates in as few steps as you can; 0: no "
                        + "challenge. Up to what one stale read can lose, the other threads' increments (the "
                        + "threads can lose more: the guide asks how many).");
        // Not "at most what can be lost": 2 threads of 3 increments can lose 4 (a teacher read "set to 3"
        // as the most, then lost 4); how low the count can go is the guide's question, not the slider's.
        goal.capBy(model.goalCapBinding(), GOAL_CAP);
        for (SettingSlider each : List.of(threads, increments, goal)) {
            each.clearsMessageOn(model.freshStartsProperty());
        }
        VBox fixed = new VBox(12, Controls.labelled("Each thread runs", program), threads, increments, goal);
        fixed.disableProperty().bind(model.runningBinding());
        return Controls.settingsPanel(model, Controls.heading("Slow motion"), fixed);
    }

    private ScrollPane live() {
        Label count = new Label();
        Controls.bindNumber(count, model.countProperty());
        Label completed = new Label();
        completed.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d of %,d",
                model.completedProperty().get(), model.expectedProperty().get()), model.completedProperty(),
                model.expectedProperty()));
        Label lost = new Label();
        Controls.bindNumber(lost, model.lostProperty());
        Label steps = new Label();
        Controls.bindNumber(steps, model.stepsProperty());
        VBox lostFigure = Controls.figure("stepper-lost", "Lost updates", lost,
                "Increments done but missing from the count: a write that overwrote another thread's increment.");
        model.lostProperty().addListener((obs, old, now) -> lost.pseudoClassStateChanged(FAILURE, now.longValue() > 0));
        // The four small cards in one row, never wrapped three and one (a row wasted at 150 % in
        // 1024x700): narrower than their words, their captions wrap ("Increments / done") and the
        // numbers stay whole.
        HBox figures = new HBox(8,
                Controls.figure("stepper-count", "Shared count", count, "The value in memory that every thread increments."),
                Controls.figure("stepper-completed", "Increments done", completed,
                        "Increments the threads completed, of all they will do."),
                lostFigure,
                Controls.figure("stepper-steps", "Steps", steps, "Steps taken so far, by you or by Auto-step."));
        figures.setId("stepper-figures");
        figures.getStyleClass().addAll("counters", "compact-figures");
        for (Node card : figures.getChildren()) {
            for (Node line : ((VBox) card).getChildren()) {
                Label label = (Label) line;
                label.setWrapText(true);
                label.setMinHeight(Region.USE_PREF_SIZE);
                if (label.getStyleClass().contains("figure-value")) {
                    label.setMinWidth(Region.USE_PREF_SIZE);
                }
            }
        }

        Label challenge = wrapped("stepper-challenge", "challenge");
        challenge.textProperty().bind(model.challengeProperty());
        hideWhenEmpty(challenge);
        // Met reads in the success colours, apart from the challenge still open or not met.
        model.challengeMetProperty().subscribe(met -> challenge.pseudoClassStateChanged(MET, met));
        Label hint = wrapped("stepper-hint", "stepper-hint");
        hint.textProperty().bind(Bindings.createStringBinding(() -> !model.refusalProperty().get().isEmpty()
                ? model.refusalProperty().get()
                : (!model.showsEndedRun() ? ""
                        // A finished run's steps stay on screen at the first key (see StepperViewModel).
                        : model.keysTwice() ? "Every thread has finished, and its steps stay on screen. "
                        : model.shownVerdict().orElse(Verdict.OK) == Verdict.STOPPED ? "Stopped. "
                        : "Every thread has finished. ") + model.keysHint(), model.refusalProperty(), model.lanes(),
                model.stateProperty(), model.shownRunProperty(), model.threadsProperty(), model.programProperty(),
                model.incrementsProperty(), model.goalProperty()));
        // Never shorter than it has been since the settings last changed (a setting is made on the
        // left, away from what moves here): "Every thread has finished ... Press 1 or 2 twice ..." on
        // two lines, then at the first key "This run has ended ...: press 1 again ..." on one, and
        // the count and the lanes under it moved up 16 px under the pointer (a learner's tryout,
        // 1024x700).
        Controls.neverShorter(hint, Bindings.createObjectBinding(() -> List.of(model.threadsProperty().get(),
                model.incrementsProperty().get(), model.programProperty().get(), model.goalProperty().get()),
                model.threadsProperty(), model.incrementsProperty(), model.programProperty(), model.goalProperty()),
                () -> true);

        lanes.setId("stepper-lanes");
        lanes.getStyleClass().add("lanes");

        Label lastStep = wrapped("stepper-last-step", "step-banner");
        lastStep.textProperty().bind(Bindings.createStringBinding(() -> model.lastStepProperty().get().isEmpty()
                ? "No step yet." : model.lastStepProperty().get(), model.lastStepProperty()));
        model.log().addListener((ListChangeListener<StepEvent>) change -> {
            StepEvent newest = model.log().isEmpty() ? null : model.log().getFirst();
            lastStep.pseudoClassStateChanged(LOST, newest != null && newest.lostHere() > 0);
            lastStep.pseudoClassStateChanged(CAS_FAILED, newest != null && newest.casFailed());
        });
        // What the step did for the challenge, on its own line: "✔ Challenge met." in the success
        // colours (glyph and colour), never inside the failure box of the lost update that met it.
        Label stepGoal = wrapped("stepper-step-goal", "step-banner");
        stepGoal.textProperty().bind(model.stepGoalProperty());
        hideWhenEmpty(stepGoal);
        model.stepGoalProperty().subscribe(now -> stepGoal.pseudoClassStateChanged(SUCCESS, now.startsWith("✔")));
        VBox step = new VBox(2, lastStep, stepGoal);
        Label verdict = new Label();
        verdict.setId("stepper-verdict");
        verdict.getStyleClass().add("verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(model.verdictProperty());
        hideWhenEmpty(verdict);
        model.verdictProperty().addListener((obs, old, now) -> {
            verdict.pseudoClassStateChanged(SUCCESS, now.startsWith("✔"));
            verdict.pseudoClassStateChanged(FAILURE, now.startsWith("✘"));
        });

        Label logCaption = new Label("Steps so far, newest first");
        logCaption.getStyleClass().add("section");
        log.setId("stepper-log");
        log.getStyleClass().add("step-log");

        Label lastRun = Controls.figuresNote(model);
        TitledPane guide = Controls.guide("stepper-guide", "What to try: lose an update with count++, then try"
                + " with incrementAndGet", "1. count++ on 2 threads, 3 increments each. Press 1 (T1 reads 0), 2 (T2"
                + " reads 0), then let each add and write: both write 1. Two increments, and the count went up by one:"
                + " an update is lost. The challenge counts your steps.\n"
                + "2. incrementAndGet: each increment is one indivisible step. Try to lose an update.\n"
                + "3. cas-loop: let T1 read and compute, then let T2 finish an increment before T1's compareAndSet:"
                + " T1's swap fails, it reads again and retries. Nothing is lost; a step is wasted.\n"
                + "Question: the Challenge goes up to 3 lost, a count of 3. With count++, 2 threads and 3"
                + " increments each, can the count end lower, and how low?");
        // What to do and the goal first, then the figures right over the lanes and the step's words:
        // the count, the lanes and the step taken in one screen at 150 % in 1024x700, as a step
        // scrolls them into view (the hint and the challenge between them pushed the count out).
        // The step's words and the verdict kept in sight together: the run's last step scrolled its words
        // into view and left "✘ The count is 4 after 6 increments: 2 updates lost" cut in half under them.
        // Held with the step's words under the lanes: whose they are, once the settings changed.
        Label lanesNote = wrapped("stepper-lanes-note", "last-run-note");
        lanesNote.pseudoClassStateChanged(SETTINGS_CHANGED, true);
        lanesNote.textProperty().bind(Bindings.createStringBinding(model::lanesNote, model.settingsChangedProperty(),
                model.stateProperty(), model.shownRunProperty()));
        hideWhenEmpty(lanesNote);
        lanesNote.setMinHeight(Region.USE_PREF_SIZE);
        VBox told = new VBox(10, lanesNote, step, verdict);
        VBox live = new VBox(10, guide, hint, challenge, lastRun, figures, lanes, told, logCaption, log);
        // The log too: squeezed to the viewport's height, its wrapping lines each kept one line and
        // ended in "..." ("T4 compareAndSet(0, 1) failed: ... (T2 changed it); nothi..." at 150 % in
        // 1280x800). At its own height (twelve lines at most) the view scrolls instead.
        for (Region fixed : List.of(figures, challenge, hint, lanes, lastStep, stepGoal, step, verdict, told, log)) {
            fixed.setMinHeight(Region.USE_PREF_SIZE);
        }
        live.setPadding(new Insets(12));
        live.getStyleClass().add("live");
        ScrollPane scroll = Controls.liveScroll("stepper-live", live);
        // Where the count, the lanes and the step's words do not fit in one screen (four threads at
        // 150 % in 1024x700), the count's cards stay at the top of the view, captions and all, the
        // step's words at its bottom, and the lane that took the step whole between them: the cards
        // held over the first row of lanes hid the lane that had just stepped, its register and all
        // (a teacher's tryout).
        Controls.keepInSight(told, lastStep.textProperty(), List.of(hint, challenge, lastRun, figures), this::laneToShow);
        Controls.keepInSight(told, verdict.textProperty(), List.of(hint, challenge, lastRun, figures), this::laneToShow);
        // Paused, the latest step's lane, which Auto-step may have passed by (see laneToShow).
        SimpleBooleanProperty paused = new SimpleBooleanProperty();
        model.stateProperty().subscribe(now -> paused.set(now == RunState.PAUSED));
        Controls.keepInSight(told, paused, List.of(hint, challenge, lastRun, figures), this::laneToShow);
        // Never over part of a lane: held over the first row, they hid "T1 (key 1)" with the rest of
        // its lane showing under them (a learner's tryout; see Controls.holdAtTop).
        Controls.holdAtTop(figures, scroll, lanes.getChildren());
        // Zoomed or resized with the cards held, the view shows the step again: from 150 % to 100 % the
        // page was left scrolled with the cards held over the first row of lanes, though all fit now.
        SimpleIntegerProperty relaid = new SimpleIntegerProperty();
        InvalidationListener relay = obs -> {
            if (figures.getTranslateY() > 0) {
                relaid.set(relaid.get() + 1);
            }
        };
        lanes.heightProperty().addListener(relay);
        scroll.heightProperty().addListener(relay);
        Controls.keepInSight(told, relaid, List.of(hint, challenge, lastRun, figures), this::laneToShow);
        told.setId("stepper-told");
        told.getStyleClass().add("held-words");
        Controls.holdAtBottom(told, scroll);
        // At 200 % in 1024x700 the lanes' code is wider than the view, which then scrolls sideways:
        // the text around the lanes wraps at the width in view instead, so each step reads whole
        // without scrolling to the right and back for every line. Set only when the width changes: a
        // binding invalidated the texts' widths at every layout (the scroll pane's viewport bounds are
        // a new object each pass), which asked for the next layout, for good: an idle view kept a core
        // busy.
        scroll.viewportBoundsProperty().addListener((obs, old, now) -> {
            double width = now.getWidth() - live.getPadding().getLeft() - live.getPadding().getRight();
            double most = width > 0 ? width : Double.MAX_VALUE;
            for (Region text : List.of(challenge, hint, lastStep, stepGoal, verdict, lanesNote, log)) {
                text.setMaxWidth(most); // the same width again changes nothing (no new layout)
            }
        });
        return scroll;
    }

    /**
     * The lane to show whole after a step: the one of the thread that took it (null before the
     * first), but while Auto-step plays, the one shown last if it was shown less than
     * {@link #FOLLOW_GAP_NANOS} ago: following every step at 20 a second flung the view between
     * the two rows of lanes twenty times a second.
     */
    private Node laneToShow() {
        Node stepped = lanes.getChildren().stream().filter(lane -> lane.getPseudoClassStates().contains(LAST))
                .findFirst().orElse(null);
        long now = System.nanoTime();
        if (stepped != followed && followed != null && followed.getParent() == lanes
                && model.runState() == RunState.RUNNING && now - followedAtNanos < FOLLOW_GAP_NANOS) {
            return followed;
        }
        if (stepped != followed) {
            followed = stepped;
            followedAtNanos = now;
        }
        return stepped;
    }

    private static Label wrapped(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static void hideWhenEmpty(Label label) {
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
    }

    private void drawLanes() {
        List<LaneView> views = model.lanes();
        // The lanes of the run shown run its program: the one set now only once no run is shown (a
        // stopped incrementAndGet run's registers stood under the CAS loop's code when it was picked).
        StepperSettings shown = model.shownRunProperty().get();
        StepProgram program = shown != null ? shown.program() : model.programProperty().get();
        while (lanes.getChildren().size() > views.size()) {
            lanes.getChildren().removeLast();
        }
        while (lanes.getChildren().size() < views.size()) {
            lanes.getChildren().add(new Lane(lanes.getChildren().size()));
        }
        String lastThread = model.log().isEmpty() ? "" : model.log().getFirst().thread();
        // Parked only while a run goes on; a stopped run's threads have left, and before a run there are none.
        String waiting = model.stateProperty().get() != RunState.IDLE ? "‖ parked before: "
                : model.shownVerdict().orElse(null) == Verdict.STOPPED ? "■ stopped before: " : "next: ";
        for (int i = 0; i < views.size(); i++) {
            ((Lane) lanes.getChildren().get(i)).show(views.get(i), program, lastThread, waiting);
        }
    }

    private void drawLog() {
        List<Label> lines = model.log().stream().map(event -> {
            Label line = new Label(String.format(Locale.ROOT, "%d.  %s%s", event.number(), event.words(),
                    event.atRandom() ? "  (picked at random)" : ""));
            line.getStyleClass().add("step-log-line");
            line.setWrapText(true);
            line.pseudoClassStateChanged(LOST, event.lostHere() > 0);
            line.pseudoClassStateChanged(CAS_FAILED, event.casFailed());
            return line;
        }).toList();
        if (lines.isEmpty()) {
            Label none = new Label("None yet: press 1 to let T1 take its first step.");
            none.getStyleClass().add("wait-set-empty");
            log.getChildren().setAll(none);
        } else {
            log.getChildren().setAll(lines);
        }
        drawLanes(); // the lane that took the latest step is marked
    }

    /**
     * The lanes side by side, as many to a row as fit at their least widths (the width of their
     * code), sharing the row's width: four in a row in a wide window, two rows of two at 1024x700,
     * where a row of four cut every lane's code off.
     */
    private static final class LaneRows extends Pane {
        private static final double GAP = 10;

        @Override
        public Orientation getContentBias() {
            return Orientation.HORIZONTAL;
        }

        /** The widest lane's least width: no lane is laid out narrower. */
        private double laneWidth() {
            double widest = 0;
            for (Node lane : getManagedChildren()) {
                widest = Math.max(widest, ((Lane) lane).codeWidth());
            }
            return widest;
        }

        private int columns(double width) {
            int lanes = getManagedChildren().size();
            if (lanes == 0) {
                return 1;
            }
            double room = width - snappedLeftInset() - snappedRightInset();
            int fit = Math.clamp((int) Math.floor((room + GAP) / (laneWidth() + GAP)), 1, lanes);
            int rows = (lanes + fit - 1) / fit;
            return (lanes + rows - 1) / rows; // rows as even as they can be: two of two, not three and one
        }

        private double columnWidth(double width, int columns) {
            double room = width - snappedLeftInset() - snappedRightInset();
            return Math.max(laneWidth(), (room - GAP * (columns - 1)) / columns);
        }

        @Override
        protected double computeMinWidth(double height) {
            return snappedLeftInset() + laneWidth() + snappedRightInset();
        }

        @Override
        protected double computePrefWidth(double height) {
            int lanes = getManagedChildren().size();
            double sum = 0;
            for (Node lane : getManagedChildren()) {
                sum += lane.prefWidth(-1);
            }
            return snappedLeftInset() + sum + GAP * Math.max(0, lanes - 1) + snappedRightInset();
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected double computePrefHeight(double width) {
            double w = width >= 0 ? width : prefWidth(-1);
            int columns = columns(w);
            double column = columnWidth(w, columns);
            List<Node> lanes = getManagedChildren();
            double height = 0;
            for (int row = 0; row * columns < lanes.size(); row++) {
                double tallest = 0;
                for (Node lane : lanes.subList(row * columns, Math.min(lanes.size(), (row + 1) * columns))) {
                    tallest = Math.max(tallest, lane.prefHeight(column));
                }
                height += (row > 0 ? GAP : 0) + tallest;
            }
            return snappedTopInset() + height + snappedBottomInset();
        }

        @Override
        protected void layoutChildren() {
            int columns = columns(getWidth());
            double column = columnWidth(getWidth(), columns);
            List<Node> lanes = getManagedChildren();
            double y = snappedTopInset();
            for (int row = 0; row * columns < lanes.size(); row++) {
                List<Node> inRow = lanes.subList(row * columns, Math.min(lanes.size(), (row + 1) * columns));
                double tallest = 0;
                for (Node lane : inRow) {
                    tallest = Math.max(tallest, lane.prefHeight(column));
                }
                double x = snappedLeftInset();
                for (Node lane : inRow) {
                    lane.resizeRelocate(snapPositionX(x), snapPositionY(y), snapSizeX(column), snapSizeY(tallest));
                    x += column + GAP;
                }
                y += tallest + GAP;
            }
        }
    }

    /** One thread: its name and key, its program with the next line marked, its register, its progress. */
    private final class Lane extends VBox {
        private final int index;
        private final Label title = new Label();
        private final VBox code = new VBox(1);
        private final Label register = new Label();
        private final Label progress = new Label();
        private final Label state = new Label();

        Lane(int index) {
            super(3);
            this.index = index;
            setId("lane-" + (index + 1));
            getStyleClass().add("lane");
            setCursor(Cursor.HAND);
            title.getStyleClass().add("lane-title");
            code.getStyleClass().add("lane-code");
            code.setMaxWidth(Region.USE_PREF_SIZE); // as wide as its widest line, not the lane
            register.getStyleClass().add("lane-register");
            Controls.tip(register, "What this thread holds in its own registers. \u201c(old)\u201d: kept from its last"
                    + " increment (the CAS loop's, or its last failed swap); its next step reads the count afresh, and"
                    + " these values are not used again.");
            progress.getStyleClass().add("lane-progress");
            state.getStyleClass().add("lane-state");
            for (Label each : List.of(register, progress, state)) {
                each.setWrapText(true);
            }
            getChildren().addAll(title, code, register, progress, state);
            setOnMouseClicked(e -> fireEvent(new StepWorkerEvent(this.index)));
            Controls.tip(this, "Click (or press " + (index + 1)
                    + ") to let T" + (index + 1) + " take its next step.");
        }

        /** The width its code needs, whole: the least a lane is laid out at. */
        double codeWidth() {
            return snappedLeftInset() + code.prefWidth(-1) + snappedRightInset();
        }

        void show(LaneView lane, StepProgram program, String lastThread, String waiting) {
            title.setText(lane.name() + "   (key " + (index + 1) + ")");
            List<Step> steps = program.steps();
            while (code.getChildren().size() > steps.size()) {
                code.getChildren().removeLast();
            }
            while (code.getChildren().size() < steps.size()) {
                Label line = new Label();
                line.getStyleClass().add("code-line");
                line.setMaxWidth(Double.MAX_VALUE); // the marked line's bar spans the code, whichever line it is
                code.getChildren().add(line);
            }
            for (int i = 0; i < steps.size(); i++) {
                Label line = (Label) code.getChildren().get(i);
                boolean next = steps.get(i) == lane.next();
                line.setText((next ? "▶ " : "   ") + steps.get(i).code().replace("\n", "\n   "));
                line.pseudoClassStateChanged(NEXT, next);
            }
            // The CAS loop keeps two, seen and next, and its steps say "in its registers".
            // Kept from the increment before while the next step reads afresh: "(old)", drawn muted, the
            // tooltip says why ("register: r = 1" beside a next step that reads the count read as the
            // value it would use: a student's tryout). Short: at 150 % in 1024x700 a longer note wrapped
            // and pushed the lane under the held cards.
            // The CAS loop's too, back at its read after a swap, done or failed: "seen = 0, next = 1" beside
            // a next step that reads afresh looked live (a learner's tryout). incrementAndGet's one step
            // is always its first.
            boolean old = (program == StepProgram.COUNT_PLUS_PLUS || program == StepProgram.CAS) && !lane.done()
                    && !lane.registers().isEmpty() && lane.next() == steps.getFirst()
                    && (lane.incrementsDone() > 0 || lane.casFailures() > 0);
            register.setText((program == StepProgram.CAS ? "registers: " : "register: ")
                    + (lane.registers().isEmpty() ? "nothing read yet" : lane.registers())
                    + (old ? " (old)" : ""));
            register.pseudoClassStateChanged(OLD, old);
            progress.setText(String.format(Locale.ROOT, "increments: %d of %d%s", lane.incrementsDone(),
                    lane.increments(), program == StepProgram.CAS ? ", failed CAS: " + lane.casFailures() : ""));
            state.setText(lane.done() ? "✓ done" : lane.next() == null ? "" : waiting + lane.next().verb());
            pseudoClassStateChanged(DONE, lane.done());
            pseudoClassStateChanged(LAST, lane.name().equals(lastThread));
        }
    }

    /** For tests: lane {@code index}'s text, every line joined. */
    String laneText(int index) {
        Lane lane = (Lane) lanes.getChildren().get(index);
        StringBuilder out = new StringBuilder(lane.title.getText());
        lane.code.getChildren().forEach(line -> out.append('\n').append(((Label) line).getText()));
        return out.append('\n').append(lane.register.getText()).append('\n').append(lane.progress.getText()).toString();
    }
}
