package dev.interleave.ui.philosophers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.IntegerExpression;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import dev.interleave.engine.run.Verdict;
import org.controlsfx.control.ToggleSwitch;

import dev.interleave.engine.philosophers.Fairness;
import dev.interleave.engine.philosophers.LivelockWatch;
import dev.interleave.engine.philosophers.Names;
import dev.interleave.engine.philosophers.Strategy;
import dev.interleave.engine.philosophers.TableState;
import dev.interleave.engine.philosophers.WaitForGraph;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;
import dev.interleave.ui.kit.ChartRow;
import dev.interleave.ui.kit.ChoiceRow;
import dev.interleave.ui.kit.Controls;
import dev.interleave.ui.kit.DelayInput;
import dev.interleave.ui.kit.HistoryPane;
import dev.interleave.ui.kit.Words;
import dev.interleave.ui.kit.LivePlot;
import dev.interleave.ui.kit.SettingSlider;
import dev.interleave.ui.kit.Rewind;

/**
 * The deadlock lab's view: settings on the left; on the right a short guide, the verdict (deadlock,
 * livelock, starvation), the table drawn round beside its wait-for graph, the four conditions with
 * their live marks and what breaks each, the step narration, figures, and charts of meals per
 * philosopher, attempts against meals, and the fairness index.
 */
public final class PhilosophersView extends BorderPane {

    private static final PseudoClass SUCCESS = PseudoClass.getPseudoClass("success");
    private static final PseudoClass FAILURE = PseudoClass.getPseudoClass("failure");
    private static final PseudoClass NOTE = PseudoClass.getPseudoClass("note");

    private final PhilosophersViewModel model;

    public PhilosophersView(PhilosophersViewModel model) {
        this.model = model;
        getStyleClass().add("philosophers-view");
        getStylesheets().add(Objects.requireNonNull(PhilosophersView.class.getResource("philosophers.css"))
                .toExternalForm());
        setLeft(settings());
        setCenter(live());
    }

    private ScrollPane settings() {
        SettingSlider n = new SettingSlider("philosophers-n", "Philosophers", model.nProperty(),
                PhilosophersViewModel.PHILOSOPHERS, false, "How many philosophers sit at the table, each on its own "
                + "thread, with one fork between each two. Two is the classic bug of two locks taken in opposite orders.");
        ChoiceRow<Strategy> strategy = new ChoiceRow<>("strategy", List.of(Strategy.values()), model.strategyProperty(),
                Strategy::label, PhilosophersView::explain);
        ToggleSwitch fair = new ToggleSwitch("Fair forks");
        fair.setId("fair-forks");
        fair.selectedProperty().bindBidirectional(model.fairProperty());
        // A teacher read "waiting longest" as a promise of even meals, and saw Jain's index no better (12,
        // ordered, 0 ms; in 3 s command-line runs 0.53 and 0.60 fair against 0.52 and 0.59): the tip says
        // what fairness per fork is, and asks for the measure.
        Controls.tip(fair, "Fair locks hand a fork to the philosopher that has waited longest for that fork; "
                + "non-fair ones let a philosopher that just put a fork down take it straight back. Fair at each "
                + "fork need not be fair at the table: compare the meals per philosopher and Jain's index with "
                + "the switch off and on.");
        ChoiceRow<ThreadKind> threads = new ChoiceRow<>("philosophers-threads", List.of(ThreadKind.values()),
                model.threadsProperty(), ThreadKind::label, kind -> kind == ThreadKind.VIRTUAL
                        ? "Each philosopher on a virtual thread: the JDK's own deadlock detection (ThreadMXBean, "
                        + "jstack) does not see their deadlock; the lab's does."
                        : "Each philosopher on a platform thread: jstack and ThreadMXBean report the same deadlock.");
        VBox fixed = new VBox(12, n, Controls.labelled("Strategy", strategy), fair,
                Controls.labelled("Threads", threads));
        fixed.disableProperty().bind(model.runningBinding());
        DelayInput think = new DelayInput("think-delay", "Think (ms), applies live", model.thinkMinMillisProperty(),
                model.thinkMaxMillisProperty(), PhilosophersViewModel.DELAY, "Time a philosopher thinks between meals, "
                + "holding no fork, random in this range.");
        DelayInput eat = new DelayInput("eat-delay", "Eat (ms), applies live", model.eatMinMillisProperty(),
                model.eatMaxMillisProperty(), PhilosophersViewModel.DELAY, "Time a meal takes, holding both forks, "
                + "random in this range.");
        think.clearsMessageOn(model.freshStartsProperty());
        eat.clearsMessageOn(model.freshStartsProperty());
        return Controls.settingsPanel(model, Controls.heading("Settings"), fixed, think, eat);
    }

    /** What a strategy does and which condition it breaks, for its button's tooltip. */
    static String explain(Strategy strategy) {
        return switch (strategy) {
            case NAIVE -> "naive: left fork, then right, waiting as long as it takes. Deadlocks.";
            case ORDERED -> "ordered: the lower-numbered fork first. Breaks circular wait.";
            case TRYLOCK -> String.format(Locale.ROOT, "trylock: left fork, then tryLock the right for %d ms; if it "
                    + "does not come, give the left back and wait a random 0 to %d ms. Breaks no preemption: it gives"
                    + " its own fork back.",
                    Strategy.TRY_MILLIS, Strategy.BACK_OFF_MILLIS);
            case TRYLOCK_NO_BACKOFF -> String.format(Locale.ROOT, "trylock-no-backoff: as trylock (the right for %d"
                    + " ms), but the left is taken again at once, with no back-off. Livelocks: all in step, each gives"
                    + " its fork back and takes it again, and nobody eats.", Strategy.TRY_MILLIS);
            case WAITER -> "waiter: ask for one of N - 1 seats first. Breaks circular wait by admission.";
        };
    }

    private ScrollPane live() {
        TitledPane guide = guide();

        Label verdict = new Label();
        verdict.setId("philosophers-verdict");
        verdict.getStyleClass().add("verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        Runnable showVerdict = () -> showVerdict(verdict);
        for (var property : List.of(model.deadlockTextProperty(), model.livelockNowProperty(),
                model.livelockSeenProperty(), model.livelockSpellsProperty(), model.livelockLongestMillisProperty(),
                model.totalMealsProperty(), model.stateProperty(), model.endingShownProperty())) {
            property.addListener(obs -> showVerdict.run());
        }
        model.starving().addListener((ListChangeListener<Integer>) change -> showVerdict.run());
        model.rewind().rewoundBinding().addListener(obs -> showVerdict.run());
        showVerdict.run();
        // Stepped or rewound, the table stays under the pointer: the deadlock's verdict in three lines,
        // then "Rewound ... At this moment: no deadlock yet" in two, moved it up at the first ◀. Kept
        // into a rewind, not out of it: a new state, or End, starts afresh (each time the keeping may
        // stop), so that no blank lines stay under the verdict after it.
        BooleanBinding rewound = model.rewind().rewoundBinding();
        LongProperty afresh = new SimpleLongProperty();
        model.stateProperty().addListener(obs -> afresh.set(afresh.get() + 1));
        rewound.addListener((obs, was, now) -> {
            if (!now) {
                afresh.set(afresh.get() + 1);
            }
        });
        Controls.neverShorter(verdict, afresh, () -> model.stateProperty().get() == RunState.PAUSED || rewound.get());

        TableDrawing table = new TableDrawing(model);
        HBox.setHgrow(table, Priority.ALWAYS);
        Label graphCaption = new Label("Wait-for graph");
        graphCaption.getStyleClass().add("section");
        graphCaption.setWrapText(true);
        WaitForGraphDrawing graph = new WaitForGraphDrawing(model);
        VBox.setVgrow(graph, Priority.ALWAYS);
        // As tall as its tallest note: the graph above it stays still as the note changes.
        GraphNoteLabel graphNote = new GraphNoteLabel(() -> Math.max(model.nProperty().get(), model.philosophers().size()));
        graphNote.setId("graph-note");
        graphNote.getStyleClass().add("graph-note");
        model.nProperty().addListener(obs -> graphNote.requestLayout()); // longer names, longer notes
        graphNote.textProperty().bind(Bindings.createStringBinding(() -> graphNote(model.circle().size(),
                        model.edges(), model.freeWaits(), model.longestChainProperty().get(), model.philosophers().size(),
                        model.stateProperty().get() == RunState.IDLE),
                model.circle(), model.edges(), model.freeWaits(), model.longestChainProperty(), model.philosophers(),
                model.stateProperty()));
        VBox graphColumn = new GraphColumn(graphCaption, graph, graphNote);
        graphColumn.getStyleClass().add("graph-column");
        // Side by side; stacked when the panel is narrower than both at their least (a large zoom).
        Responsive drawings = new Responsive(table, graphColumn);
        drawings.setId("drawings");
        drawings.getStyleClass().add("drawings");
        VBox.setVgrow(drawings, Priority.ALWAYS);

        Label step = new Label();
        step.setId("philosophers-step-text");
        step.getStyleClass().add("last-action");
        step.setWrapText(true);
        step.textProperty().bind(Bindings.createStringBinding(() -> model.stepTextProperty().get().isEmpty()
                ? "Last action: " + (model.lastActionProperty().get().isEmpty() ? "none yet"
                : model.lastActionProperty().get())
                : model.stepTextProperty().get(), model.stepTextProperty(), model.lastActionProperty()));

        Label meals = new Label();
        Controls.bindNumber(meals, model.totalMealsProperty());
        Label attempts = new Label();
        Controls.bindNumber(attempts, model.totalAttemptsProperty());
        Label jain = new Label();
        jain.textProperty().bind(Bindings.createStringBinding(() -> Double.isNaN(model.jainProperty().get())
                ? "–" : String.format(Locale.ROOT, "%.3f", model.jainProperty().get()), model.jainProperty()));
        Label seated = new Label();
        seated.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%d of %d taken",
                model.seatedProperty().get(), model.seatsProperty().get()), model.seatedProperty(), model.seatsProperty()));
        Node seats = Controls.figure("seats", "Waiter's seats", seated, "The waiter lets at most N - 1 "
                + "philosophers reach for forks at once: at least one of them can always get both of its forks.");
        seats.visibleProperty().bind(model.seatsProperty().greaterThan(0));
        seats.managedProperty().bind(seats.visibleProperty());
        FlowPane figures = new FlowPane(10, 10,
                Controls.figure("meals", "Meals", meals, "Meals eaten by all the philosophers. With short think"
                        + " and eat times the command line makes more in the same time: here the philosophers' threads"
                        + " run at a lower priority than the window's, which shares their cores, and every change at"
                        + " the table is recorded for the timeline (the command line records only with --trace)."),
                Controls.figure("attempts", "Attempts", attempts, "Attempts to get both forks; with trylock, each "
                        + "failed try counts. Attempts far above meals is work wasted; a livelock is worse: nobody"
                        + " eats at all while everyone keeps trying (the banner gives the rule)."),
                // Its scale under the number: 0.999 alone read as jargon to a learner (a tryout); the formula
                // stays in the tooltip.
                Controls.figure("jain", "Jain's fairness index", jain, new Label("1: all ate alike; 1/N: one ate all"),
                        "(Σx)² / (N·Σx²) over the meals of the N philosophers: 1 when everyone ate the same, 1/N"
                        + " when one ate everything."), seats);
        figures.getStyleClass().add("counters");

        MealBars bars = new MealBars(model);
        LivePlot progress = new LivePlot("attempts-meals-chart", "Attempts and meals", "seconds run, pauses left out",
                LivePlot.Scale.LINEAR);
        progress.setData(FXCollections.observableArrayList(List.of(model.attemptsSeries(), model.mealsSeries())));
        progress.setWholeNumbers(true); // counts: no tick at 0.5 meals
        LivePlot fairness = new LivePlot("fairness-chart", "Jain's fairness index", "seconds run, pauses left out",
                LivePlot.Scale.LINEAR);
        fairness.setData(FXCollections.observableArrayList(List.of(model.jainSeries())));
        fairness.setLegendVisible(false);
        fairness.setFixedYTop(1);
        // Not on plots with nothing to plot (a run only stepped): "✘ deadlock" on an empty 0 to 0.002 s
        // axis, under a note that says there is nothing to plot, read as a contradiction (a student).
        DoubleBinding deadlockMark = Bindings.createDoubleBinding(() -> model.plotsNoteProperty().get().isEmpty()
                ? model.deadlockSecondsProperty().get() : Double.NaN, model.plotsNoteProperty(), model.deadlockSecondsProperty());
        for (LivePlot plot : List.of(progress, fairness)) {
            plot.markerProperty().bind(model.rewoundSecondsProperty());
            // After it the curves go flat, or on, with nothing else saying why.
            plot.setEventLabel("✘ deadlock");
            plot.eventProperty().bind(deadlockMark);
        }
        // Side by side where they fit, else one under another (ChartRow).
        ChartRow charts = new ChartRow(10, bars, progress, fairness);
        charts.setId("philosophers-charts");
        charts.getStyleClass().add("charts");
        VBox.setVgrow(charts, Priority.ALWAYS);

        HistoryPane<TableState> history = new HistoryPane<>(model.rewind(), new PhilosophersLanes(),
                "philosophers-history", "Timeline: a lane per philosopher, coloured by its state as its seat is; +F2 picks up"
                + " a fork, −F2 puts it down (when zoomed in); in a deadlock, the red line is the moment the circle closed."
                + " Ctrl+wheel, or a click on it and +\u00a0/\u00a0-: zoom; drag: pan. Paused or ended, rewind: the"
                + " table shows each event as it was. (A bar's tooltip says when its length is the scheduler's.)",
                "the table, the wait-for graph and the conditions");
        history.evenlySpacedWhenStepped(model.stepsTakenProperty(), model.freshStartsProperty());
        // A deadlock's story is told in milliseconds, and the run stands still after it for as long as
        // it is left, or until a Stop seconds later: on the clock, 286 meals and the circle closing
        // were a pixel at the left of a 6 s axis (a teacher's tryout). The next run is on the clock again.
        model.deadlockedProperty().addListener((obs, was, now) -> {
            if (now) {
                history.spaceEvenlyUnlessChosen();
            }
        });
        history.rewindKeysAnywhereIn(this);

        Label lastRun = Controls.figuresNote(model);
        // ◀ ▶ beside the verdict: the table rewinds an event at a time without the scrubber, screens below.
        HBox top = new HBox(8, Controls.rewindButtons("philosophers-rewind", model.rewind()), verdict);
        top.setMinHeight(Region.USE_PREF_SIZE);
        // At the row's foot, next to the table: the page keeps the clicked seat (or ◀ itself) where it
        // is on screen, so lines the verdict gains go up, above the table. At the row's top, ◀ went up
        // 58 px with them at the first step back from a deadlock of five, and the next clicks hit
        // nothing (150 % in 1024x700, a teacher's tryout).
        // (Not stretched to the row's height either: the arrows' own row puts them at its top.)
        top.setAlignment(Pos.BOTTOM_LEFT);
        top.setFillHeight(false);
        // Between the cards and the plots: why the plots stand at 0 s while the cards count steps (as
        // the buffer's note says it).
        Label plotsNote = Controls.fieldMessage("philosophers-plots-note", model.plotsNoteProperty());
        // The verdict over the table, and the table under it, in view once a card's strategy starts it again.
        ConditionsPanel conditions = new ConditionsPanel(model, () -> Controls.scrollTo(top));
        VBox live = new VBox(8, guide, lastRun, top, drawings, step, conditions, history, figures, plotsNote, charts);
        drawings.betweenWhenStacked(step);
        for (Region fixed : List.of(guide, step, conditions, history, figures, plotsNote)) {
            fixed.setMinHeight(Region.USE_PREF_SIZE);
        }
        live.setPadding(new Insets(12));
        live.getStyleClass().add("live");
        ScrollPane scroll = Controls.liveScroll("philosophers-live", live);
        // The table's size, not the list, which is set anew every frame of a run.
        fit(scroll, graphCaption, drawings, table, graph, conditions, Bindings.size(model.philosophers()));
        return scroll;
    }

    /**
     * Two regions side by side, the first growing, or one above the other ({@code :stacked}).
     * The view decides which from the room it has, in em (see {@link #fit}).
     */
    static final class Responsive extends GridPane {
        private static final PseudoClass STACKED = PseudoClass.getPseudoClass("stacked");
        private final Region first;
        private final Region second;
        /** Shown between the two when stacked, else just after this in its parent; null for none. */
        private Region between;
        private Boolean stacked;
        /**
         * Stacked, the first region's row: as tall as {@link #firstHeight} says, whatever is under it.
         * It took what the rows under it left of the whole's height, and the step's words there (one
         * line, then four at a deadlock) moved the table under the pointer of a teacher stepping it.
         */
        private final RowConstraints firstRow = new RowConstraints();

        Responsive(Region first, Region second) {
            super(12, 12);
            this.first = first;
            this.second = second;
            arrange(false);
        }

        /**
         * Keeps {@code node}, which follows this in its parent, right under the first region when
         * the two stack: the table's step words stood under the graph, off the screen with the table
         * at 150 % in 1024x700 (a teacher's tryout).
         */
        void betweenWhenStacked(Region node) {
            between = node;
            Boolean now = stacked;
            stacked = null;
            arrange(now);
        }

        /** Stacked, the first region's height, in pixels: fixed, so that nothing under it moves it. */
        void firstHeight(double height) {
            firstRow.setMinHeight(height);
            firstRow.setPrefHeight(height);
            firstRow.setMaxHeight(height);
        }

        /**
         * Stacked, at least as tall as it asks to be: the page is laid out at its least height (it
         * scrolls), and at a GridPane's least the rows lost their gaps. The step's words under the
         * table stood over "Wait-for graph" when the settings were hidden and shown again at 150 % in
         * 1024x700 (a teacher's tryout).
         */
        @Override
        protected double computeMinHeight(double width) {
            return Boolean.TRUE.equals(stacked) ? computePrefHeight(width) : super.computeMinHeight(width);
        }

        void arrange(boolean stack) {
            if (Boolean.valueOf(stack).equals(stacked)) {
                return;
            }
            stacked = stack;
            getChildren().clear();
            if (between != null && between.getParent() instanceof Pane home && home != this) {
                home.getChildren().remove(between);
            }
            getColumnConstraints().clear();
            getRowConstraints().clear();
            ColumnConstraints grow = new ColumnConstraints();
            grow.setHgrow(Priority.ALWAYS);
            RowConstraints fill = new RowConstraints();
            fill.setVgrow(Priority.ALWAYS);
            add(first, 0, 0);
            if (stack) {
                if (between != null) {
                    add(between, 0, 1);
                }
                add(second, 0, between == null ? 1 : 2);
                getColumnConstraints().add(grow);
                getRowConstraints().add(firstRow);
                if (between != null) {
                    getRowConstraints().add(new RowConstraints());
                }
                getRowConstraints().add(fill); // the room a tall window leaves goes to the second
            } else {
                add(second, 1, 0);
                getColumnConstraints().addAll(grow, new ColumnConstraints());
                getRowConstraints().add(fill);
                if (between != null && getParent() instanceof Pane home) {
                    home.getChildren().add(home.getChildren().indexOf(this) + 1, between);
                }
            }
            pseudoClassStateChanged(STACKED, stack);
        }
    }

    /**
     * Below 40 em of room (a large zoom, a narrow window) the table and the graph stack, and below
     * 36 em, or less room than two cards side by side need, the four conditions go one per row: the
     * view scrolls down rather than being cut off on the right (at 125 % in 1024x700 two cards needed
     * 680 px of the 612 px left: 36 em alone let them stand side by side). The room is the scroll
     * pane's viewport, not the content's own width (which the side-by-side minimum would hold wide);
     * the em is a label's font size, which follows the zoom.
     */
    private static void fit(ScrollPane scroll, Label ruler, Responsive drawings, TableDrawing table,
                            WaitForGraphDrawing graph, ConditionsPanel conditions, IntegerExpression diners) {
        Runnable apply = () -> {
            double room = scroll.getViewportBounds().getWidth() - 24;
            double em = ruler.getFont().getSize();
            if (room > 0) {
                boolean stack = room < 40 * em;
                drawings.arrange(stack);
                conditions.columns(room < Math.max(36 * em, conditions.twoColumnsWidth()) ? 1 : 2);
                // The least height too: the view, taller than the window, is laid out at its least.
                // (Inline: the stylesheet's heights win over a setter's.)
                drawings.firstHeight(stackedTableHeight(scroll.getViewportBounds().getHeight(), em,
                        diners.get() >= TableDrawing.COMPACT_FROM));
                double tall = drawingsHeight(stack, scroll.getViewportBounds().getHeight(), room, em);
                drawings.setStyle(Double.isNaN(tall) ? ""
                        : String.format(Locale.ROOT, "-fx-min-height: %.0fpx; -fx-pref-height: %<.0fpx;", tall));
                // Under the stylesheet's least heights, the table and the graph give way too (their row
                // is as tall as the tallest least height in it).
                boolean under = !Double.isNaN(tall) && tall < LEAST_DRAWINGS_EM * em;
                table.setStyle(under ? String.format(Locale.ROOT, "-fx-min-height: %.0fpx;", tall) : "");
                graph.setStyle(under ? "-fx-min-height: 8em;" : "");
            }
        };
        scroll.viewportBoundsProperty().addListener(obs -> apply.run());
        ruler.fontProperty().addListener(obs -> apply.run());
        diners.addListener(obs -> apply.run());
        conditions.onLeastWidthChange(apply);
    }

    /**
     * The drawings' height, or NaN for the stylesheet's when stacked. Side by side, in a tall window,
     * 0.6 of the viewport's height when that is more than 32 em of unscaled text (416 px,
     * {@link TableDrawing#GROWS_FROM_EM}) and more than 26 em,
     * at most as tall as the table's column is wide (the room less the graph's 24 em), so that a
     * narrow, tall window does not push the conditions down around a table its width holds small. At
     * 1920x1080 the table stayed 360 px across, its seats' words at 10 px, in wide empty margins.
     * Else, where the stylesheet's least, 26 em, is more than the viewport holds under what stands
     * above the drawings ({@link #ABOVE_DRAWINGS_EM}), that room, down to {@link #LEAST_FITTED_EM}: at
     * 2560x1440 and 150 % the text is 35.5 px, 26 em 923 px, and the bottom seats of a deadlock were
     * cut off by the window's edge (a teacher's projector). Where it holds more, as much more as leaves
     * the last action's line in sight ({@link #BELOW_DRAWINGS_EM}), up to the stylesheet's preferred
     * 32 em: at 1280x800 the drawings stood at their least with 170 px to spare under them.
     */
    static double drawingsHeight(boolean stacked, double viewportHeight, double room, double em) {
        if (stacked) {
            return Double.NaN;
        }
        double tall = Math.min(0.6 * viewportHeight, room - 24 * em);
        // A tall window by its pixels, not by its text, which grows with the window: at 1920x1080 the
        // text is 17.5 px, 0.6 of the viewport was under 32 em, and the drawings kept their least
        // height, the seats' words 12 px (a teacher's tryout). Never under the stylesheet's least.
        double tallFrom = Math.max(LEAST_DRAWINGS_EM * em, TableDrawing.GROWS_FROM_EM * UNSCALED_EM);
        if (tall > tallFrom) {
            return tall;
        }
        double inSight = viewportHeight - ABOVE_DRAWINGS_EM * em;
        if (inSight < LEAST_DRAWINGS_EM * em) {
            return Math.max(inSight, LEAST_FITTED_EM * em);
        }
        // Room for more than the least: what the viewport holds between the verdict and the last
        // action's line, up to the stylesheet's preferred height. Laid out at its least in a page
        // taller than the window, the table at 1280x800 was 26 em (338 px) tall with 170 px to spare
        // under it, its seats shrunk to 0.85 and their words 11 px (a teacher's tryout).
        return Math.clamp(inSight - BELOW_DRAWINGS_EM * em, LEAST_DRAWINGS_EM * em, PREFERRED_DRAWINGS_EM * em);
    }

    /**
     * What stands above the drawings, in em, at most: the guide's line, the note over the figures and
     * the verdict in three lines (its text is 1.15 em), with their gaps and the page's margin.
     */
    static final double ABOVE_DRAWINGS_EM = 10;
    /** What the drawings leave in sight under them when they grow past their least, in em: the last action's line. */
    static final double BELOW_DRAWINGS_EM = 3;
    /** The least the drawings give way to, side by side, in em: the table's seats still stand apart. */
    static final double LEAST_FITTED_EM = 16;

    /**
     * Stacked, the table's height: the viewport's less 3 em (the verdict's line and a margin), so
     * that a teacher scrolls the whole table into sight, between the table's least and preferred
     * heights in the stylesheet (21 and 32 em). At 150 % in 1024x700, 448 px (it was squeezed to 420,
     * then less at each step). A crowded table takes more than the viewport, {@link #CROWDED_TABLE_EM}:
     * its seats' words at the view's text size read better than a whole table in sight at 11 px.
     */
    static double stackedTableHeight(double viewportHeight, double em, boolean crowded) {
        return Math.clamp(viewportHeight - 3 * em, crowded ? CROWDED_TABLE_EM * em : 21 * em, 32 * em);
    }

    /**
     * Stacked, a crowded table's least height, in em ({@link TableDrawing#COMPACT_FROM}): twelve seats
     * in short words stand apart at their full size, their words at the view's text size.
     */
    static final double CROWDED_TABLE_EM = 30;

    /** The drawings' least height in the stylesheet (philosophers.css), in em. */
    static final double LEAST_DRAWINGS_EM = 26;
    /** The drawings' preferred height in the stylesheet (philosophers.css), in em. */
    static final double PREFERRED_DRAWINGS_EM = TableDrawing.GROWS_FROM_EM;
    /** The text's size in a window of 1280x800 or less at 100 %: the stylesheet's root size, in pixels (the shell's too). */
    private static final double UNSCALED_EM = 13;

    /** What the banner adds, rewound into the run's ending. */
    static final String ENDING = "The run is ending here: the philosophers are interrupted out of their waits and"
            + " leave, one by one.";

    /** The verdict line: deadlock, livelock, starvation, or all is well; glyph and words, not colour alone. */
    private void showVerdict(Label verdict) {
        String text;
        PseudoClass kind;
        if (model.rewind().rewoundBinding().get()) {
            // The moment shown, said as such: rewound to before the circle closed, the banner read "No
            // deadlock so far" under a tab that said "✘ deadlocked" and a status line "Paused in a deadlock".
            // The way back as the step line says it: after the run, to its end; deadlocked, no Resume.
            String moment = "↶ Rewound " + Rewind.wayBack(model.stateProperty().get(), !model.runDeadlocked())
                    + ". At this moment: ";
            long meals = model.totalMealsProperty().get();
            if (!model.deadlockTextProperty().get().isEmpty()) {
                // In the run's ending the circle is being undone: the seats read "ended" one by one under
                // a banner that said the deadlock alone, and the conditions' cards "not now" (a teacher).
                text = moment + "✘ " + model.deadlockTextProperty().get() + (model.endingShownProperty().get()
                        ? ". " + ENDING : "");
                kind = FAILURE;
            } else {
                // "Yet" only where one comes: after an ordered run it promised a deadlock that never came.
                text = moment + (model.runDeadlocked() ? "no deadlock yet, " : "no deadlock, ")
                        + (meals == 0 ? "and no meal yet." : Words.count(meals, "meal") + " so far.")
                        // Under a tab that says ✘ deadlocked, after Stop too: the run's own end, in words.
                        + (model.runDeadlocked() ? " Later the table deadlocks: End shows it." : "");
                kind = NOTE;
            }
        } else if (!model.deadlockTextProperty().get().isEmpty()) {
            text = "✘ " + model.deadlockTextProperty().get();
            kind = FAILURE;
        } else if (model.livelockNowProperty().get() || model.livelockSeenProperty().get()) {
            // What makes it one, in the rule's own words: nobody eats while everyone is busy. (Attempts far
            // above meals alone were called a livelock once, on a table that ate as fast as ordered.)
            // Now, or a stretch of it earlier: a table that livelocks by spells eats between them, and
            // "nobody eating" beside a climbing meal count read as false (a regression tryout).
            text = livelockWords(model.livelockNowProperty().get(), model.livelockSpellsProperty().get(),
                    model.livelockLongestMillisProperty().get());
            // A failure, now or earlier in the run: a run the rule held in fails (exit 1, "✘ livelocked").
            kind = FAILURE;
        } else if (!model.starving().isEmpty()) {
            // Ended, in the past: "Starving" stood over a stopped run (a teacher's tryout).
            text = (model.stateProperty().get() == RunState.IDLE ? "⚠ Starved in this run: " : "⚠ Starving: ")
                    + model.starving().stream().map(Names::philosopher).collect(Collectors.joining(", "))
                    + " (" + Fairness.STARVATION_RULE + ").";
            kind = NOTE;
        } else if (model.stateProperty().get() != RunState.IDLE && model.totalMealsProperty().get() == 0) {
            // Nothing has happened yet: not a success to tick ("✔ No deadlock so far: 0 meals" after one step).
            text = "… No deadlock so far, and no meal yet.";
            kind = NOTE;
        } else if (model.stateProperty().get() != RunState.IDLE) {
            text = "✔ No deadlock so far: " + Words.count(model.totalMealsProperty().get(), "meal") + ".";
            kind = SUCCESS;
        } else if (model.shownVerdict().orElse(null) == Verdict.STOPPED) {
            // Stopped, not finished: nothing was shown to hold for the run's whole length.
            text = "■ Stopped after " + Words.count(model.totalMealsProperty().get(), "meal")
                    + ", with no deadlock until then.";
            kind = NOTE;
        } else if (model.totalMealsProperty().get() > 0) {
            text = "✔ No deadlock in this run: " + Words.count(model.totalMealsProperty().get(), "meal") + ".";
            kind = SUCCESS;
        } else {
            // Before a run, a line where the verdict will be: when it came with the run, the table moved
            // down under the teacher's pointer between the first click on a seat and the second.
            // Short, as the next verdict; the keys too, for whoever drives it by keyboard (a tryout).
            text = "… Not run yet: Run (Space), Step (S), or click a philosopher.";
            kind = NOTE;
        }
        verdict.setText(text);
        for (PseudoClass each : List.of(SUCCESS, FAILURE, NOTE)) {
            verdict.pseudoClassStateChanged(each, each == kind);
        }
    }

    /**
     * The verdict for a livelock, now or earlier in the run, with the run's own figures: how many
     * spells, and the longest stretch with no meal one was in. "✘ livelocked" beside seats that had
     * eaten 554 to 614 meals each read as a contradiction to students (a teacher's tryout): the table
     * livelocks in spells and eats between them. Short: the rule's own words (LivelockWatch.RULE),
     * not a paraphrase around them as well (six bold lines at 150 % in 1024x700, an earlier tryout).
     */
    static String livelockWords(boolean now, int spells, long longestMillis) {
        if (now) {
            return String.format(Locale.ROOT, "⟳ Livelock now, spell %,d of this run: nobody eats while all keep"
                    + " trying (the longest spell so far, %,d ms with no meal). The rule: %s.", spells, longestMillis,
                    LivelockWatch.RULE);
        }
        return spells <= 1
                ? String.format(Locale.ROOT, "⟳ Livelocked in a spell: %,d ms with no meal while all kept trying (%s);"
                        + " meals came after it.", longestMillis, LivelockWatch.RULE)
                : String.format(Locale.ROOT, "⟳ Livelocked in spells: %,d of them, the longest %,d ms with no meal while"
                        + " all kept trying (%s); meals came between them.", spells, longestMillis, LivelockWatch.RULE);
    }

    private TitledPane guide() {
        TitledPane guide = Controls.guide("philosophers-guide",
                "What to try: 2 philosophers, naive, 0 ms. Then ordered.",
                "1. Two philosophers, naive, think and eat 0..0 ms: Run. They deadlock within milliseconds (often"
                + " before a meal, at times after a few thousand meals), each "
                + "holding one fork and waiting for the other's: the graph draws the circle, thick and red, and"
                + " their seats read ✘. (With the delays as they start, 0..100 ms, a naive table may eat for a"
                + " minute or more first: the circle closes only when all of them hold their first fork at the same moment.)\n"
                + "2. In the four conditions' cards under the table, click a strategy under a condition to break it"
                + " (ordered under Circular wait): the table starts again with it, and never deadlocks. (The"
                + " Strategy buttons in Settings are greyed while a table runs, deadlocked too: Stop first to use"
                + " them.)\n"
                + "3. Build one yourself: naive again; with no run going (Stop, Esc, if one is), click a philosopher: "
                + "the run starts paused and that click is its first fork action. Then click the philosophers one "
                + "at a time, each click one fork action, until every one holds a fork and waits for the next.\n"
                + "4. trylock-no-backoff, think 0 ms, eat 1..5 ms: Run. Whenever every philosopher holds its left"
                + " fork, each waits its 10 ms for the right, gives the left back and takes it again at once, before"
                + " its neighbour can: in step, and nobody eats (a livelock: spells of it, until chance breaks the step;"
                + " the banner says so while one lasts, and after). No deadlock, as the four conditions say: hold and"
                + " wait and circular wait both hold, but each gives its own fork back (no preemption is broken). trylock's random"
                + " back-off breaks the step. So do fair forks, mostly: at 5 philosophers in every run measured, at 2"
                + " not always (two on two cores can give up at the same moment, with nobody left queued).\n"
                + "Question: ordered never deadlocks, yet with 12 philosophers and no delays some eat far less than "
                + "others. Why those? And do fair forks help?");
        // Steps 1 and 4 set with a click, as the buffer's guide does; what was set is said under them,
        // wrapped at the guide's width. In the buttons' flow it was laid out on one line as wide as its
        // words (a flow's least width is its widest child's): at 150 % in 1024x700 the guide grew wider
        // than its pane, every line of the steps lost its last words at the right edge, and the steps,
        // wrapped again to the wider width, took fewer lines: the buttons jumped up from the pointer.
        Button deadlock = setupButton("philosophers-guide-deadlock", "Set step 1",
                PhilosophersViewModel.GuideSetup.DEADLOCK);
        Button livelock = setupButton("philosophers-guide-livelock", "Set step 4",
                PhilosophersViewModel.GuideSetup.LIVELOCK);
        FlowPane buttons = new FlowPane(10, 6, deadlock, livelock);
        Label applied = Controls.fieldMessage("philosophers-guide-applied", model.guideAppliedProperty());
        applied.setMinHeight(Region.USE_PREF_SIZE); // every line of it, never one ending in "..."
        guide.setContent(new VBox(8, guide.getContent(), new VBox(6, buttons, applied)));
        return guide;
    }

    private Button setupButton(String id, String text, PhilosophersViewModel.GuideSetup setup) {
        Button button = Controls.thenRun(new Button(text));
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.disableProperty().bind(model.runningBinding());
        Controls.tip(button, "Sets " + setup.words() + ". Then press Run.");
        button.setOnAction(e -> model.applyGuide(setup));
        return button;
    }

    /**
     * The line under the wait-for graph: the circle when there is one (after the run, as it closed), else the longest chain of
     * waits without a time limit (the only kind that can close a circle); dashed waits are said to
     * be left out of it, so "a chain of 1" beside four dashed arrows does not read as a mistake. A
     * wait for a fork nobody holds (on the table) has no arrow: said, so "Nobody waits now" never
     * stands beside a card that reads "waits F1".
     */
    static String graphNote(int circle, List<WaitForGraph.Edge> edges, List<WaitForGraph.FreeWait> freeWaits,
                            int longestChain, int philosophers, boolean ended) {
        if (circle > 0) {
            // Kept after Stop, which freed the table beside it: said, so the two do not seem to disagree.
            // Drawn thick as well as red: the words name both, not the colour alone.
            return "The circle drawn thick and red is the deadlock" + (ended ? " as it closed" : "") + ": " + circle
                    + " philosophers, each waiting for the next." + (ended
                    ? " The run has since ended: its threads were interrupted, every fork put down." : "");
        }
        String free = freeWaits.isEmpty() ? "" : " " + onTheTable(freeWaits);
        if (edges.isEmpty()) {
            return "P → Q: P waits for a fork Q holds. " + (free.isEmpty() ? "Nobody waits now." : free.strip());
        }
        if (edges.stream().allMatch(WaitForGraph.Edge::timed)) {
            return "P → Q: P waits for a fork Q holds. Dashed: the wait has a time limit and ends by itself, "
                    + "so no circle of them can hold." + free;
        }
        // "the longest chain is 2 of 2" read as a full circle of two (a teacher's tryout).
        // "links 2 of the 2 philosophers" read oddly at the table's smallest (a presenter's tryout).
        String linked = longestChain < philosophers
                ? String.format(Locale.ROOT, "%d of the %d philosophers", longestChain, philosophers)
                : philosophers == 2 ? "both philosophers" : String.format(Locale.ROOT, "all %d philosophers", philosophers);
        return "P → Q: P waits for a fork Q holds. No circle: the longest chain of waits links " + linked
                + (edges.stream().anyMatch(WaitForGraph.Edge::timed) ? " (dashed waits, with a time limit, not counted)" : "")
                + ", and does not come back to its first." + free;
    }

    /** "P1 and P2 wait for F1, which lies on the table (nobody holds it): no arrow." */
    private static String onTheTable(List<WaitForGraph.FreeWait> waits) {
        Map<Integer, List<String>> byFork = new TreeMap<>();
        for (WaitForGraph.FreeWait wait : waits) {
            byFork.computeIfAbsent(wait.fork(), fork -> new ArrayList<>()).add(Names.philosopher(wait.philosopher()));
        }
        List<String> parts = new ArrayList<>();
        byFork.forEach((fork, waiters) -> parts.add(Words.list(waiters)
                + (parts.isEmpty() ? (waiters.size() == 1 ? " waits for " : " wait for ") : " for ") + Names.fork(fork)));
        return Words.list(parts) + (byFork.size() == 1 ? ", which lies on the table" : ", which lie on the table")
                + " (nobody holds " + (byFork.size() == 1 ? "it" : "them") + "): no arrow.";
    }
}
