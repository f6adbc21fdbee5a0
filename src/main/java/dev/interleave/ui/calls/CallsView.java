package dev.interleave.ui.calls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import atlantafx.base.theme.Styles;
import dev.interleave.engine.calls.CounterKind;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;
import dev.interleave.ui.kit.ChartRow;
import dev.interleave.ui.kit.ChoiceRow;
import dev.interleave.ui.kit.Controls;
import dev.interleave.ui.kit.LivePlot;
import dev.interleave.ui.kit.SettingSlider;
import dev.interleave.ui.kit.WrapLabel;

/**
 * The Counter &amp; Sum view: settings on the left; on the right the verdict, live figures (with
 * running, parked and memory per thread in flight), three plots (calls per second, calls in
 * flight, and call durations against the sleeps drawn) and the past runs.
 */
public final class CallsView extends BorderPane {

    private static final PseudoClass SUCCESS = PseudoClass.getPseudoClass("success");
    private static final PseudoClass FAILURE = PseudoClass.getPseudoClass("failure");
    private static final PseudoClass STOPPED = PseudoClass.getPseudoClass("stopped");
    /** The verdict's place while a run goes: the verdict is to come. */
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    /** What the verdict's place says while a run goes, in {@code state} (not idle): "Running" stood there paused too (a learner's tryout). */
    static String verdictToCome(RunState state) {
        return switch (state) {
            case PAUSED -> "Paused: ✔ or ✘ when the run ends";
            case STOPPING -> "Stopping: what the run did when its calls have stopped";
            case RUNNING -> "Running: ✔ or ✘ when the run ends";
            case IDLE -> throw new IllegalArgumentException("idle: the verdict itself, or nothing");
        };
    }

    public CallsView(CallsViewModel model) {
        getStyleClass().add("calls-view");
        setLeft(settings(model));
        setCenter(Controls.liveScroll("calls-live", live(model)));
    }

    private static ScrollPane settings(CallsViewModel model) {
        Button small = new Button(CallsViewModel.Preset.SMALL.label());
        small.setId("preset-small");
        small.setOnAction(e -> model.applyPreset(CallsViewModel.Preset.SMALL));
        Controls.tip(small, "1,000 calls, at most 100 in flight, one virtual thread per call, sleeps up to 1 s. "
                + "The counter and the seed stay as chosen: run a preset with each counter to compare them.");
        Button large = new Button(CallsViewModel.Preset.LARGE.label());
        large.setId("preset-large");
        large.setOnAction(e -> model.applyPreset(CallsViewModel.Preset.LARGE));
        Controls.tip(large, "1,000,000 calls, 100,000 in flight: only virtual threads can do this; "
                + "100,000 kernel threads cannot exist here. The counter and the seed stay as chosen.");
        for (Button preset : List.of(small, large)) {
            preset.setMaxWidth(Double.MAX_VALUE);
            preset.setWrapText(true); // whole on two lines where the panel is narrow (200 %), not "100,00..."
            preset.setTextAlignment(TextAlignment.CENTER);
        }

        SettingSlider calls = new SettingSlider("calls", "Calls", model.callsProperty(), CallsViewModel.CALLS, true, "How many calls of the slow service: each reads the counter, "
                + "sleeps, and returns the value, which is added to the sum. One new thread per call.");
        SettingSlider concurrency = new SettingSlider("concurrency", "Concurrency",
                model.concurrencyProperty(), CallsViewModel.CONCURRENCY, true,
                "The most calls in flight at once: a semaphore makes the rest wait for a free place. "
                        + "Platform threads are capped at 4,000.");
        SettingSlider sleep = new SettingSlider("max-sleep", "Max sleep (ms)", model.maxSleepMillisProperty(),
                CallsViewModel.MAX_SLEEP, false,
                "Each call sleeps a random time up to this: the slow I/O. A sleeping virtual thread frees its carrier.");
        for (SettingSlider each : List.of(calls, concurrency, sleep)) {
            each.clearsMessageOn(model.freshStartsProperty());
        }

        ChoiceRow<ThreadKind> threads = new ChoiceRow<>("threads", List.of(ThreadKind.values()), model.threadsProperty(),
                ThreadKind::label, kind -> kind == ThreadKind.VIRTUAL
                        ? "Virtual threads: cheap, 100,000 can sleep at once on two carrier threads."
                        : "Platform threads: one kernel thread each; at most 4,000 here (disabled above that).");
        threads.buttons().get(1).disableProperty().bind(model.platformAllowedBinding().not());
        Controls.tip(threads.buttons().get(1), Bindings.when(model.platformAllowedBinding())
                .then("Platform threads: one kernel thread each; at most 4,000 per run.")
                .otherwise("Disabled: concurrency is above 4,000, and platform threads are capped at "
                        + "4,000 (the kernel allows 32,768 threads in all). Use virtual threads, or lower concurrency."));
        ChoiceRow<CounterKind> counter = new ChoiceRow<>("counter", List.of(CounterKind.values()), model.counterProperty(),
                CounterKind::label, kind -> switch (kind) {
                    case ATOMIC -> "AtomicLong.incrementAndGet: lock-free, every value once.";
                    case SYNCHRONIZED -> "A synchronized increment: threads queue for the monitor.";
                    case LOCK -> "A ReentrantLock around the increment.";
                    case RACY -> "Read, then write, with no lock: two threads can read the same value, "
                            + "so updates are lost and calls get values other calls already got. Between the read "
                            + "and the write it yields its thread on purpose, to widen the window a preemption "
                            + "would open: a plain count++ loses updates too, far less often.";
                });

        TextField seed = new TextField(Long.toString(model.seedProperty().get()));
        seed.setId("seed");
        // Anything may be typed, as in the other fields; Enter or leaving the field commits it, and what
        // it refused is said under it. A filter that dropped keystrokes let the field be emptied, and an
        // empty field ran with the seed before it without a word (an engineer's tryout).
        StringProperty seedRefused = new SimpleStringProperty("");
        model.freshStartsProperty().addListener((obs, old, now) -> seedRefused.set(""));
        Runnable commitSeed = () -> {
            long current = model.seedProperty().get();
            if (seed.getText().equals(Long.toString(current))) {
                return; // nothing typed: focus merely left the field
            }
            SeedInput.Reading reading = SeedInput.read(seed.getText(), current);
            model.seedProperty().set(reading.value());
            seed.setText(Long.toString(reading.value()));
            seedRefused.set(reading.message());
        };
        seed.setOnAction(e -> commitSeed.run());
        seed.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commitSeed.run();
            }
        });
        // Kept settings and Reset to defaults change the seed from the model: the field follows.
        model.seedProperty().addListener((obs, old, now) -> {
            seedRefused.set(""); // a new seed (kept settings, Reset): the old message no longer applies
            if (!seed.getText().equals(Long.toString(now.longValue()))) {
                seed.setText(Long.toString(now.longValue()));
            }
        });
        Controls.tip(seed, "Seeds the random sleeps: the same seed gives the same sleeps, run after run.");

        Label threadsNote = Controls.fieldMessage("threads-message", model.threadsMessageBinding());
        // Counter before Threads: the 1,000,000-call preset greys platform out, and the note that says
        // why pushed the counters 60 px down under the pointer of a learner going on to choose one.
        ScrollPane panel = Controls.settingsPanel(model,
                Controls.heading("Presets"), small, large,
                Controls.heading("Settings"), calls, concurrency, sleep,
                Controls.labelled("Counter", counter), Controls.labelled("Threads", new VBox(2, threads, threadsNote)),
                Controls.labelled("Seed", new VBox(2, seed, Controls.fieldMessage("seed-message", seedRefused))));
        panel.setId("calls-settings");
        panel.getContent().disableProperty().bind(model.runningBinding());
        return panel;
    }

    /**
     * Every ended run since start or Reset, newest first: the runs compare row by row. Until a run
     * ends it is a line saying so. The table, its header and scroll bars are about a sixth of the
     * window's first view, and were styled and laid out before the first frame for nothing; built
     * when the first row came, they held up the frame that shows the first run's result (300 to 350
     * ms, 250 of them on the FX thread). So the table is built, hidden, a second after the view is
     * first laid out if no run goes then ({@code idle}), and shown when the first row comes; built
     * then if it was not before.
     */
    static VBox pastRuns(ObservableList<CallsViewModel.PastRun> runs, BooleanSupplier idle) {
        Label caption = new Label("Past runs (newest first)");
        caption.getStyleClass().add("section");
        Controls.tip(caption, String.format(Locale.ROOT, "A run marked \u201cits code compiled as it ran\u201d had fewer"
                + " than %,d calls run before it since the window opened, in all runs together: the JIT compiled the"
                + " calls' code while it ran, so its time is longer. Compare the runs after it. (A run within %.0f %% of its ideal is"
                + " not marked: compiling cost it too little to see.) A run marked \u201cother programs used ...\u201d ran"
                + " while other programs kept the machine's cores busy: its calls waited for a core, and its time"
                + " counts the wait.", CallsViewModel.WARMING_CALLS, (1 - CallsViewModel.COLD_UNSEEN) * 100));
        Label none = new Label(NO_RUN_YET);
        none.setId("no-past-runs");
        none.getStyleClass().add("no-past-runs");
        none.setWrapText(true);
        none.setMaxWidth(Double.MAX_VALUE);
        none.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(4, caption, none);
        box.setMinHeight(Region.USE_PREF_SIZE);
        List<TableView<CallsViewModel.PastRun>> built = new ArrayList<>(1);
        Runnable build = () -> {
            if (built.isEmpty()) {
                TableView<CallsViewModel.PastRun> table = table(runs, caption);
                table.setVisible(false);
                table.setManaged(false);
                built.add(table);
                box.getChildren().add(table);
            }
        };
        InvalidationListener[] first = new InvalidationListener[1];
        first[0] = obs -> {
            if (!runs.isEmpty()) {
                runs.removeListener(first[0]);
                build.run();
                box.getChildren().remove(none);
                built.getFirst().setManaged(true);
                built.getFirst().setVisible(true);
            }
        };
        runs.addListener(first[0]);
        first[0].invalidated(runs);
        // What the marks mean, under the table while a row has one: said only in the caption's tooltip,
        // "(its code compiled as it ran)" on four rows of small runs read as a stale label (a student).
        markNote(box, runs, "past-runs-cold", COLD_RUNS_NOTE, CallsViewModel.PastRun::cold);
        markNote(box, runs, "past-runs-busy", BUSY_RUNS_NOTE, CallsViewModel.PastRun::busy);
        InvalidationListener[] laidOut = new InvalidationListener[1];
        laidOut[0] = obs -> {
            box.heightProperty().removeListener(laidOut[0]);
            PauseTransition ahead = new PauseTransition(Duration.seconds(1));
            ahead.setOnFinished(e -> {
                if (runs.isEmpty() && idle.getAsBoolean()) {
                    build.run();
                }
            });
            ahead.play();
        };
        box.heightProperty().addListener(laidOut[0]);
        return box;
    }

    /** Under the past runs in {@code box}, after the table, while a row of {@code runs} is {@code marked}: {@code words}. */
    private static void markNote(VBox box, ObservableList<CallsViewModel.PastRun> runs, String id, String words,
                                 Predicate<CallsViewModel.PastRun> marked) {
        Label note = new Label(words);
        note.setId(id);
        note.getStyleClass().add("figure-caption");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        InvalidationListener show = obs -> {
            boolean shown = runs.stream().anyMatch(marked);
            note.setVisible(shown);
            note.setManaged(shown);
            if (shown && !box.getChildren().contains(note)) {
                box.getChildren().add(note); // after the table, built by then
            }
        };
        runs.addListener(show);
        show.invalidated(runs);
    }

    private static final String NO_RUN_YET = "No run has ended yet: each run that ends adds a row here.";

    /**
     * Under the past runs while a row is marked {@link CallsViewModel#busyMark}: what the mark means.
     * A learner read 11.9 % efficiency on a machine other programs kept busy and took virtual threads to
     * be slow.
     */
    static final String BUSY_RUNS_NOTE = "\u201cOther programs used ...\u201d: while the run went, other programs"
            + " kept the machine's cores that busy, so its calls waited for a core: its time is longer and its"
            + " efficiency lower for it, not for its threads. Compare runs made while the machine was quieter.";

    /** Under the past runs while a row is marked {@link CallsViewModel#COLD_RUN}: what the mark means. */
    static final String COLD_RUNS_NOTE = String.format(Locale.ROOT, "\u201cIts code compiled as it ran\u201d: fewer"
            + " than %,d calls had run since the window opened, so the JIT was still compiling the calls' code and"
            + " the run took longer. Compare the runs after it. A run within %.0f %% of its ideal time is not marked:"
            + " compiling cost it too little to see.", CallsViewModel.WARMING_CALLS,
            100 * (1 - CallsViewModel.COLD_UNSEEN));

    /** The past runs' table, fitted to its rows (see {@link #fittedHeight}); {@code caption}'s font sets its em. */
    private static TableView<CallsViewModel.PastRun> table(ObservableList<CallsViewModel.PastRun> runs, Label caption) {
        TableView<CallsViewModel.PastRun> table = new TableView<>(runs);
        table.setId("past-runs");
        table.getStyleClass().add("past-runs");
        // Shown once the table is, with no row: only after Reset ("No run has ended yet" said so over
        // three runs a Reset had just cleared).
        Label placeholder = new Label("Reset cleared the past runs: each run that ends adds a row here.");
        placeholder.setId("past-runs-cleared");
        placeholder.setWrapText(true); // at 200 % in 1024x700 one line was cut short ("...: each ...")
        placeholder.setTextAlignment(TextAlignment.CENTER);
        placeholder.setPadding(new Insets(0, 8, 0, 8));
        table.setPlaceholder(placeholder);
        // The columns are sized here (fitColumns), not by a resize policy: the constrained policy,
        // set anew after a zoom, shared the width out evenly ("#" 93 px beside "Run" 205 px at 150 %).
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // Each run's settings are a line of their own across its row, above its figures (PastRunRow),
        // not a column: beside five columns of figures, a "Run" column got 12 characters at 150 % in
        // 1024x700 and a row stood ten lines high, one run to the table's height ("1,000 / calls /
        // 100 / threads, / ..."), while "Max in flight" went past the table's right edge.
        table.getColumns().add(column("Result", 0.26, "500,500", CallsViewModel.PastRun::result));
        table.getColumns().add(column("Elapsed", 0.19, "", r -> millis(r.elapsedMillis())));
        table.getColumns().add(column("Ideal", 0.17, "", r -> r.efficiency().isEmpty() ? "–"
                : millis(r.idealMillis())));
        table.getColumns().add(column("Efficiency", 0.19, "", r -> r.efficiency().isEmpty() ? "not defined"
                : String.format(Locale.ROOT, "%.1f %%", r.efficiency().getAsDouble() * 100)));
        table.getColumns().add(column("Max in flight", 0.19, "", r -> String.format(Locale.ROOT, "%,d", r.maxInFlight())));
        table.widthProperty().addListener(obs -> fitColumns(table));
        // The newest run, just added at the top, in view whole, once the table is fitted to its rows
        // (see below): the flow kept its place, and the new row came half above the table's top edge.
        // A few passes at most: a height that never settled would scroll to the top at every layout,
        // and the past runs could not be scrolled.
        int[] toTheNewest = {0};
        runs.addListener((ListChangeListener<CallsViewModel.PastRun>) change -> {
            fitColumns(table);
            toTheNewest[0] = runs.isEmpty() ? 0 : NEWEST_PASSES;
        });
        // The vertical scroll bar, once there are more rows than fit, takes its width from the columns'.
        table.skinProperty().addListener((obs, old, skin) ->
                verticalBar(table).ifPresent(bar -> bar.visibleProperty().addListener(o -> fitColumns(table))));
        // As high as its header and rows (up to SHOWN_RUNS of them, and at most TALLEST_EMS; more
        // scroll), the plots above taking the rest: at a fixed 17 em it was 400 px of white under
        // 340 px of plots, empty, in 2560x1440. Its rows' heights are known once drawn: it is fitted
        // after each layout pass (a change in the middle of one is not passed up to the view).
        table.getStyleClass().add(Styles.DENSE); // one line of text in 2 em, not Primer's 3 em
        table.setMinHeight(Region.USE_PREF_SIZE); // the plots give way, not the runs
        // Rows of whole pixels, so that the rows fill the table to the pixel. Under a fraction of a
        // pixel left over the table adds an empty row, and then, with its sideways scroll bar
        // showing (200 % in 1024x700), keeps a vertical one it no longer needs (VirtualFlow's
        // computeBarVisiblity: one cell more than rows, the bars changed, a breadth bar).
        table.setRowFactory(view -> new PastRunRow());
        boolean[] fitting = {false};
        table.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (!needs && !fitting[0]) {
                fitting[0] = true;
                Platform.runLater(() -> {
                    fitting[0] = false;
                    double height = fittedHeight(table, TALLEST_EMS * caption.getFont().getSize());
                    boolean fitted = height > 0 && Math.abs(height - table.getPrefHeight()) <= 0.5;
                    if (height > 0 && !fitted) {
                        table.setPrefHeight(height);
                    }
                    if (toTheNewest[0] > 0) {
                        table.scrollTo(0);
                        toTheNewest[0] = fitted ? 0 : toTheNewest[0] - 1;
                    }
                });
            }
        });
        return table;
    }

    /** Milliseconds, the figure and its unit kept on one line ("5,662 / ms" read as two figures). */
    private static String millis(long millis) {
        return String.format(Locale.ROOT, "%,d\u00a0ms", millis);
    }

    /**
     * A past run's row: "#3 1,000 calls / 100 threads, no sleeps, racy counter" on a line across
     * the whole row (wrapped within it), its figures under it, each in its column. Its height is
     * the cells' and the line's; whole pixels, so that the rows fill the table to the pixel: under
     * a fraction of a pixel left over the table adds an empty row, and then, with its sideways
     * scroll bar showing (200 % in 1024x700), keeps a vertical one it no longer needs
     * (VirtualFlow's computeBarVisiblity: one cell more than rows, the bars changed, a breadth bar).
     */
    static final class PastRunRow extends TableRow<CallsViewModel.PastRun> {
        /** The run's number and settings; drawn above the cells (the skin lays out only the cells). */
        private final Text settings = new Text();

        PastRunRow() {
            settings.getStyleClass().add("run-text");
            settings.setManaged(false);
        }

        @Override
        protected void updateItem(CallsViewModel.PastRun item, boolean empty) {
            super.updateItem(item, empty);
            settings.setText(empty || item == null ? "" : "#" + item.number() + "  " + item.run());
            requestLayout();
        }

        /** The line's padding above and at its sides: a cell's (interleave.css: 0.3 em). */
        private double padding() {
            return 0.3 * settings.getFont().getSize();
        }

        /** The height the settings' line takes above the cells in a row {@code width} wide, padding included. */
        private double settingsHeight(double width) {
            if (settings.getText().isEmpty()) {
                return 0;
            }
            // The row's font (the cells' too), also before the line is first styled: measured in
            // the default font, the row came out a line short, and the table fitted to it scrolled.
            settings.setFont(getFont());
            // Across the table's view, not the row, which is as wide as the columns: where they
            // scroll sideways (200 % in 1024x700), the line stays whole in view.
            TableView<CallsViewModel.PastRun> table = getTableView();
            double view = table == null || table.getWidth() <= 0 ? (width > 0 ? width : getWidth())
                    : table.getWidth() - table.snappedLeftInset() - table.snappedRightInset()
                    - verticalBar(table).filter(Node::isVisible).map(ScrollBar::getWidth).orElse(0.0);
            double across = Math.min(view, width > 0 ? width : getWidth()) - snappedLeftInset() - snappedRightInset()
                    - 2 * padding();
            settings.setWrappingWidth(Math.max(1, across));
            return settings.getLayoutBounds().getHeight() + padding();
        }

        @Override
        protected double computePrefHeight(double width) {
            return Math.ceil(super.computePrefHeight(width) + settingsHeight(width));
        }

        @Override
        protected void layoutChildren() {
            // The skin sets its children to the cells whenever the columns change: the line goes back.
            if (settings.getParent() != this) {
                getChildren().add(settings);
            }
            super.layoutChildren();
            double above = settingsHeight(getWidth());
            for (Node child : getChildren()) {
                if (child instanceof TableCell<?, ?> cell) {
                    // Moved down by a translation, where the skin put them: moved back and forth between
                    // its place and this one at every pass, a cell asked its row's parents for another
                    // layout (a node's layoutY does), and an ended run's window repainted at every frame
                    // (a core, an engineer's tryout).
                    cell.setTranslateY(above);
                    cell.resize(cell.getWidth(), Math.max(0, getHeight() - snappedTopInset() - snappedBottomInset() - above));
                }
            }
            settings.relocate(snappedLeftInset() + padding(), snappedTopInset() + padding());
        }
    }

    /**
     * The width {@code card} takes to show each of {@code values} in {@code value} and each of
     * {@code details} in {@code detail} (null: none) whole, beside its caption.
     */
    private static double cardWidth(VBox card, Label value, List<String> values, Label detail, List<String> details) {
        double widest = card.getChildren().getFirst().prefWidth(-1);
        for (String text : values) {
            widest = Math.max(widest, Math.ceil(Controls.textWidth(text, value.getFont())));
        }
        for (String text : details) {
            widest = Math.max(widest, Math.ceil(Controls.textWidth(text, detail.getFont())));
        }
        return card.snappedLeftInset() + widest + card.snappedRightInset();
    }

    /** {@code card}'s preferred width with {@code line} left out: it wraps within the width the rest sets. */
    private static double widthWithout(VBox card, Node line) {
        double widest = 0;
        for (Node child : card.getChildren()) {
            if (child != line) {
                widest = Math.max(widest, child.prefWidth(-1));
            }
        }
        return card.snappedLeftInset() + widest + card.snappedRightInset();
    }

    /** Past runs the table shows before it scrolls. */
    private static final int SHOWN_RUNS = 6;
    /**
     * The table's greatest height, in em, whatever its rows: its fixed height before it followed
     * them. Six runs wrapped on seven lines each (200 % in 2560x1440) would be 2,500 px.
     */
    private static final double TALLEST_EMS = 17;
    /** Layout passes in which a new run is scrolled into view while the table is fitted to its rows. */
    private static final int NEWEST_PASSES = 5;

    /**
     * The height that shows {@code table}'s header and its first {@link #SHOWN_RUNS} rows whole, as
     * last drawn (a row not drawn yet is taken as high as the highest drawn), but no more than
     * {@code tallest} unless the first row needs it, or, while it is empty, its placeholder; and its
     * sideways scroll bar if it shows one. -1 before it is first drawn.
     */
    private static double fittedHeight(TableView<?> table, double tallest) {
        if (!(table.lookup(".column-header-background") instanceof Region header)) {
            return -1;
        }
        double height = table.snappedTopInset() + header.getHeight() + table.snappedBottomInset();
        for (var node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.isVisible()
                    && bar.getOrientation() == Orientation.HORIZONTAL) {
                height += bar.getHeight();
            }
        }
        int shown = Math.min(table.getItems().size(), SHOWN_RUNS);
        if (shown == 0) {
            Node placeholder = table.getPlaceholder();
            double width = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
            double line = placeholder instanceof Label label ? label.getFont().getSize() : 0;
            height += placeholder.prefHeight(width) + line; // half a line above and below
        } else {
            double[] rows = new double[shown];
            for (var node : table.lookupAll(".table-row-cell")) {
                // Drawn rows only: not the flow's hidden spares, nor its off-sheet row for measuring.
                if (node instanceof TableRow<?> row && row.isVisible() && !row.isEmpty()
                        && row.getParent() != null && row.getParent().getStyleClass().contains("sheet")
                        && row.getIndex() >= 0 && row.getIndex() < shown) {
                    rows[row.getIndex()] = row.getHeight();
                }
            }
            double highest = Arrays.stream(rows).max().orElse(0);
            if (highest <= 0) {
                return -1;
            }
            double all = 0;
            for (double row : rows) {
                all += row > 0 ? row : highest;
            }
            height += Math.min(all, Math.max(tallest - height, rows[0] > 0 ? rows[0] : highest));
        }
        return Math.ceil(height);
    }

    /** A column's property: its share of the table's width. */
    private static final String SHARE = "interleave.share";
    /** A column's property: the width under which its title or typical value breaks mid-word. */
    private static final String LEAST = "interleave.least-width";

    /**
     * Fills the table's width (less its vertical scroll bar's) with its columns, each its share of
     * it, but none narrower than its title's or any of its cells' longest word (then the others
     * share what is left), and as many as the room allows as wide as their values whole. Where even the longest words do not fit (200 % in
     * 1024x700), each gets its share, words break, and no column is pushed out of the table, out of
     * reach.
     */
    private static void fitColumns(TableView<?> table) {
        var columns = table.getColumns();
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - 1;
        room -= verticalBar(table).filter(Node::isVisible).map(ScrollBar::getWidth)
                .orElse(0.0);
        if (room <= 0) {
            return;
        }
        int n = columns.size();
        double[] share = new double[n];
        double[] least = new double[n];
        double[] whole = new double[n];
        for (int i = 0; i < n; i++) {
            var column = columns.get(i);
            share[i] = (double) column.getProperties().get(SHARE);
            least[i] = (double) column.getProperties().getOrDefault(LEAST, 0.0);
            whole[i] = least[i];
            if (column.getGraphic() instanceof Text heading) {
                // The cells' font: the title's, not bold.
                Font font = Font.font(heading.getFont().getFamily(),
                        heading.getFont().getSize());
                double padding = 0.6 * font.getSize() + 2; // the cell's (interleave.css), a pixel each side to spare
                for (int row = 0; row < table.getItems().size(); row++) {
                    Object cell = column.getCellData(row);
                    if (cell != null) {
                        // Whole pixels: a width floored below a fractional least broke "1,169 m / s".
                        least[i] = Math.max(least[i], Math.ceil(longestWord(cell.toString(), font) + padding));
                        whole[i] = Math.max(whole[i], Math.ceil(Controls.textWidth(cell.toString(), font) + padding));
                    }
                }
            }
        }
        // Where there is room, values ("5,666 ms") stay on one line: as many columns as the room
        // left allows, those needing least first.
        double leastSum = Arrays.stream(least).sum();
        double spare = room - leastSum;
        Integer[] byExtra = new Integer[n];
        for (int i = 0; i < n; i++) {
            byExtra[i] = i;
        }
        Arrays.sort(byExtra, Comparator.comparingDouble(i -> whole[i] - least[i]));
        for (int i : byExtra) {
            if (whole[i] - least[i] <= spare) {
                spare -= whole[i] - least[i];
                leastSum += whole[i] - least[i];
                least[i] = whole[i];
            }
        }
        double[] width = new double[n];
        boolean[] held = new boolean[n];
        if (leastSum > room) {
            // No room for every column's least width (200 % in 1024x700): each column takes its
            // least, and the table scrolls sideways, rather than break "500,500" into "500,5 / 00".
            Arrays.fill(held, true);
        }
        // Water-filling: a column whose share falls short of its least width is held there, and the
        // rest share what is left, until every share is at least its least width.
        for (boolean again = true; again; ) {
            again = false;
            double left = room;
            double shares = 0;
            for (int i = 0; i < n; i++) {
                if (held[i]) {
                    left -= least[i];
                } else {
                    shares += share[i];
                }
            }
            for (int i = 0; i < n; i++) {
                width[i] = held[i] ? least[i] : share[i] / shares * left;
                if (leastSum <= room && !held[i] && width[i] < least[i]) {
                    held[i] = true;
                    again = true;
                }
            }
        }
        // Whole pixels, the last column taking what rounding left over: no filler column beside it.
        double given = 0;
        for (int i = 0; i < n; i++) {
            double each = i == n - 1 ? Math.max(Math.floor(room - given), Math.ceil(least[i])) : Math.floor(width[i]);
            columns.get(i).setMinWidth(10);
            columns.get(i).setPrefWidth(each);
            given += each;
        }
    }

    /**
     * The least width at which {@code text} takes at most two lines ("Max in / flight"): in three,
     * its first line was cut off at the top of the header, which is laid out two lines high.
     */
    private static double twoLines(String text, Font font) {
        String[] words = text.split(" ");
        double least = Controls.textWidth(text, font);
        for (int split = 1; split < words.length; split++) {
            least = Math.min(least, Math.max(
                    Controls.textWidth(String.join(" ", Arrays.copyOfRange(words, 0, split)), font),
                    Controls.textWidth(String.join(" ", Arrays.copyOfRange(words, split, words.length)), font)));
        }
        return least;
    }

    /** The table's vertical scroll bar (its skin's), if it has one yet. */
    private static Optional<ScrollBar> verticalBar(TableView<?> table) {
        for (var node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar
                    && bar.getOrientation() == Orientation.VERTICAL) {
                return Optional.of(bar);
            }
        }
        return Optional.empty();
    }

    private static double longestWord(String text, Font font) {
        double widest = 0;
        for (String word : text.split(" ")) {
            widest = Math.max(widest, Controls.textWidth(word, font));
        }
        return widest;
    }

    /** A column title's padding, both sides together, in em (interleave.css has the same). */
    private static final double TITLE_PADDING_EMS = 0.5;

    private static TableColumn<CallsViewModel.PastRun, String> column(String title, double share,
            String sample, Function<CallsViewModel.PastRun, String> text) {
        TableColumn<CallsViewModel.PastRun, String> column = new TableColumn<>();
        // The title wraps in a narrow column ("Max in / flight") rather than end in "...", as the
        // cells do (a Text: the header measures its graphic for no width).
        Text heading = new Text(title);
        heading.getStyleClass().add("column-title");
        heading.setTextAlignment(TextAlignment.CENTER);
        // Within the title's padding (0.25 em each side, interleave.css: Primer Light's 0.5 em took
        // 50 px of five columns at 150 % in 1024x700) and the header's border: 12 px set aside let
        // "Max in" run past the header's edge at 47 px (200 % in 2560x1440).
        heading.wrappingWidthProperty().bind(column.widthProperty().subtract(Bindings.createDoubleBinding(
                () -> TITLE_PADDING_EMS * heading.getFont().getSize() + 2, heading.fontProperty())));
        column.setGraphic(heading);
        // The width under which the title's longest word or a typical value ({@code sample}) breaks:
        // "Elaps / ed", "500,50 / 0". Held as the column's least width while the table has room for
        // every column's (fitColumns).
        heading.fontProperty().addListener((obs, old, font) -> {
            column.getProperties().put(LEAST, Math.ceil(Math.max(twoLines(title, font), longestWord(sample, font))
                    + TITLE_PADDING_EMS * font.getSize() + 4));
            if (column.getTableView() != null) {
                fitColumns(column.getTableView());
            }
        });
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        // Long texts wrap within their cell and the row grows, rather than end in "...": drawn by a
        // Text wrapped at the column's width. (A wrapping label asks the row for one line: the row
        // measures its cells for no width.)
        column.setCellFactory(c -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.getStyleClass().add("cell-text");
                text.wrappingWidthProperty().bind(c.widthProperty().subtract(
                        Bindings.createDoubleBinding(() -> snappedLeftInset() + snappedRightInset() + 1,
                                paddingProperty())));
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty ? null : item);
                setGraphic(empty ? null : text);
            }
        });
        column.setSortable(false);
        column.setReorderable(false);
        column.getProperties().put(SHARE, share);
        column.setPrefWidth(share * 1_000); // until fitColumns knows the table's width
        return column;
    }

    private static VBox live(CallsViewModel model) {
        Label counterValue = new Label();
        Controls.bindNumber(counterValue, model.counterValueProperty());
        Label sum = new Label();
        Controls.bindNumber(sum, model.sumProperty());
        Label expected = new Label();
        expected.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "of %,d",
                model.expectedSumProperty().get()), model.expectedSumProperty()));
        Label completed = new Label();
        completed.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d / %,d",
                model.callsCompletedProperty().get(), model.callsPlannedProperty().get()), model.callsCompletedProperty(),
                model.callsPlannedProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label inFlight = new Label();
        Controls.bindNumber(inFlight, model.inFlightProperty());
        Label maxInFlight = new Label();
        maxInFlight.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "max %,d",
                model.maxInFlightProperty().get()), model.maxInFlightProperty()));
        Label elapsed = new Label();
        elapsed.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d ms",
                model.elapsedMillisProperty().get()), model.elapsedMillisProperty()));
        Label ideal = new Label();
        ideal.textProperty().bind(model.idealTextProperty());
        ideal.setWrapText(true); // "ideal: known at the end" wraps in a narrow card at 200 %, not cut
        Label efficiency = new Label();
        efficiency.setId("efficiency-value");
        efficiency.textProperty().bind(model.efficiencyTextProperty());
        Label rate = new Label();
        // Said over what: during a run the last half second's rate, at its end the whole run's (the
        // same words read 167,882 mid-run and 75,102 at the end of one run, a teacher's tryout).
        // Paused, the rate is the one the run had when Pause came, and says so ("60,791 calls per
        // second" beside calls held still read as a rate now).
        // Whether the run was paused when Stop came: stopping it, no call completes, and the rate is
        // still the one before the pause ("28,827 calls per second (the last 0.5 s)" stood while a
        // paused run stopped).
        BooleanProperty pausedAtStop = new SimpleBooleanProperty(false);
        model.stateProperty().addListener((obs, old, now) -> {
            if (now != RunState.STOPPING) {
                pausedAtStop.set(now == RunState.PAUSED);
            }
        });
        rate.textProperty().bind(Bindings.createStringBinding(() -> rateWords(model.callsPerSecondProperty().get(),
                model.stateProperty().get(), model.elapsedMillisProperty().get(), pausedAtStop.get()),
                model.callsPerSecondProperty(), model.stateProperty(), model.elapsedMillisProperty(), pausedAtStop));

        // Arranged at every layout pass, where the cards' preferred widths (they follow the text
        // size) and the width on offer are both known.
        Runnable[] arrangeFigures = {() -> { }};
        GridPane figures = new GridPane() {
            @Override
            protected void layoutChildren() {
                arrangeFigures[0].run();
                super.layoutChildren();
            }
        };
        figures.getStyleClass().add("figures");
        figures.setMinHeight(Region.USE_PREF_SIZE); // the plots give way, not the figures
        figures.setHgap(10);
        figures.setVgap(10);
        rate.setId("rate");
        rate.getStyleClass().add("figure-detail");
        VBox completedBox = Controls.figure("calls-completed", "Calls completed", completed,
                "Calls that returned and added their value to the sum; below, Δ calls / Δ time over the last 0.5 s.");
        completedBox.getChildren().addAll(progress, rate);
        VBox sumBox = Controls.figure("sum", "Sum", sum, expected,
                "The shared sum of the values the calls returned, against what it must be: n(n+1)/2.");
        Label counterDetail = new Label();
        counterDetail.textProperty().bind(model.counterDetailProperty());
        counterDetail.setWrapText(true);
        counterDetail.setMinHeight(Region.USE_PREF_SIZE); // wraps in a narrow card rather than end in "..."
        VBox counterBox = Controls.figure("counter-value", "Counter", counterValue, counterDetail,
                "The shared counter's latest value: with a safe counter, it ends at the number of calls. A call "
                        + "reads it before its sleep, so a call cut short by Stop (the number below) has "
                        + "moved it without completing.");
        VBox inFlightBox = Controls.figure("in-flight", "In flight", inFlight, maxInFlight,
                "Calls started and not finished: threads alive right now (virtual threads are counted by the run itself).");
        VBox elapsedBox = Controls.figure("elapsed", "Elapsed", elapsed, ideal,
                "Wall time, against the ideal makespan of the sleeps drawn on this many slots, in the order the"
                + " calls started: no run in that order is faster (known at the end). One seed, one set of sleeps:"
                + " the ideal is the same every run, racy or not. Timed here beside the window's own drawing, on"
                + " the same cores, and with Pause's time left out: the command line (calls) runs the same calls"
                + " alone, often faster.");
        Label running = new Label();
        running.setId("running-value");
        Controls.bindNumber(running, model.runningProperty());
        Label runningMeaning = new Label();
        runningMeaning.setId("running-meaning");
        runningMeaning.textProperty().bind(model.runningMeaningProperty());
        runningMeaning.setWrapText(true);
        VBox runningBox = Controls.figure("running", "Running", running, runningMeaning,
                "Calls in flight that are not asleep: between their start and their sleep, or after waking up. "
                        + "A virtual thread runs only while mounted on a carrier (a platform thread of the JDK's "
                        + "scheduler), so on virtual threads this never exceeds the carriers, however many are in "
                        + "flight. A call runs for microseconds before and after its sleep, so this mostly reads 0 even "
                        + "while thousands wait for a carrier: the carriers' time goes to mounting, unmounting and "
                        + "scheduling threads (no call's own code), and the cores are shared with the window and the "
                        + "garbage collector. A call waiting for the counter's lock (synchronized, lock) is not running "
                        + "either: Parked's card counts those. Counted by the calls themselves: the JDK's thread counts "
                        + "do not see virtual threads.");
        Label parked = new Label();
        parked.setId("parked-value");
        Controls.bindNumber(parked, model.parkedProperty());
        Label parkedDetail = new Label();
        parkedDetail.setId("parked-detail");
        parkedDetail.textProperty().bind(model.parkedDetailProperty());
        parkedDetail.setWrapText(true);
        VBox parkedBox = Controls.figure("parked", "Parked", parked, parkedDetail,
                "Calls in flight asleep in the service. A sleeping virtual thread leaves its carrier: its stack is "
                        + "copied to the heap until it wakes. A sleeping platform thread keeps its kernel thread and "
                        + "stack. Under it, with a synchronized or lock counter, the calls at the counter's lock: "
                        + "waiting for it, or (for nanoseconds) making their update. In flight, less running, parked "
                        + "and at the lock: threads started and waiting for a carrier, held by Pause, or ending.");
        Label memory = new Label();
        memory.setId("memory-value");
        memory.textProperty().bind(model.memoryTextProperty());
        Label memoryDetail = new Label();
        memoryDetail.setId("memory-detail");
        memoryDetail.textProperty().bind(model.memoryDetailProperty());
        memoryDetail.setWrapText(true);
        VBox memoryBox = Controls.figure("memory", "Memory per thread in flight", memory, memoryDetail,
                "How much the process's resident memory (RSS) and the heap in use grew from Run to the moment with "
                        + "the most calls parked (sampled every 50 ms), divided by the calls in flight then. It counts "
                        + "everything that grew meanwhile, so it is an upper bound; with fewer than 500 in flight other "
                        + "growth would swamp it, so it is not given, nor when the run reused memory an earlier run "
                        + "left resident (its RSS hardly grows). Platform threads: stacks in native memory (RSS). "
                        + "Virtual threads: stacks on the heap.");
        Label efficiencyDetail = new Label();
        efficiencyDetail.textProperty().bind(model.efficiencyDetailBinding());
        efficiencyDetail.setWrapText(true);
        efficiencyDetail.setMinHeight(Region.USE_PREF_SIZE);
        VBox efficiencyBox = Controls.figure("efficiency", "Efficiency", efficiency, efficiencyDetail,
                // How the ideal is had, said where its ratio is read: "18.1 %, ideal 5,662 ms" for a
                // run of 31 s stood unexplained (a learner's tryout). IdealMakespan, CallRunner#credit.
                "Ideal ÷ elapsed: how close the run came to the ideal; scheduling and overhead lose the rest. The"
                        + " ideal (under Elapsed) is the shortest time the run's sleeps allow: the sleep each call"
                        + " drew, in the order the calls started, each given to whichever of the Concurrency slots"
                        + " frees first, as if starting a thread, waiting for a carrier or a core, and the counter"
                        + " cost nothing. 100 % would lose nothing to them; 18 % took five and a half times the"
                        + " ideal. A stopped run's ideal counts only the calls that ran, each for as long as it"
                        + " slept. Without sleeps there is no ideal, and no efficiency.");
        List<VBox> cards = List.of(sumBox, completedBox, counterBox, inFlightBox, elapsedBox, efficiencyBox,
                runningBox, parkedBox, memoryBox);
        // Four columns where the cards fit side by side; two (five rows) where they do not, as at
        // 200 % zoom on a projector; one where not even two fit (200 % in 1024x700): a card is never
        // squeezed below its preferred width. The counter's line under its value, which comes with
        // Run ("80,390 not yet returned"), does not widen its card: at 1024x700 the cards went from
        // four columns to two at Run and back at the end, moving everything below them. Nor does the
        // efficiency's: a stopped run's is long, and the widest text seen would keep two columns for good.
        // The widest cards seen at this width and text size: the columns follow the widest texts a
        // run has shown, so that a text narrowing at the end ("at the end" becoming "97.1 %") does not
        // rearrange the cards under a class's eyes (150 %: two columns while running, four at the end).
        int[] shown = {0, 0}; // the columns shown, and the span of the first row's cards
        double[] widest = new double[2]; // a second- or third-row card; a first-row card (Sum, Calls completed)
        double[] measuredAt = {-1, -1}; // the grid's width, the text size
        Runnable arrange = () -> {
            double width = figures.getWidth();
            double textSize = completed.getFont().getSize();
            // Measured again at a new width, not one a scroll bar gives or takes: the two columns a
            // wide text had made brought the page's scroll bar, whose 15 px measured the cards anew,
            // and the narrower text then put them back into four (at 1280x800, once the plots under
            // them had their least height).
            if (Math.abs(width - measuredAt[0]) > Controls.NEW_WIDTH_PX || textSize != measuredAt[1]) {
                measuredAt[0] = width;
                measuredAt[1] = textSize;
                widest[0] = 0;
                // The rate's texts with the most digits a run may show (millions of calls a second): they
                // follow the font alone, so they are measured here, not at every pass.
                widest[1] = cardWidth(completedBox, completed, List.of(), rate, everyRateWords(8_888_888));
            }
            // The cards of the second row set the width; the third row's texts wrap within it.
            for (VBox box : cards.subList(2, 6)) {
                // (Not a preferred width of 1 on the line, as the buffer guide's text has: the grid
                // then asks the card's height for no width, and that line stood a word to a line.)
                widest[0] = Math.max(widest[0],
                        box == counterBox ? widthWithout(box, counterDetail)
                                : box == efficiencyBox ? widthWithout(box, efficiencyDetail) : box.prefWidth(-1));
            }
            // And as wide as the texts they can show in this run, whether or not shown yet: the texts
            // of the moment alone set four columns at start, two while a racy 1,000,000-call run was
            // paused and after Reset, four again later (a learner's tryout, 1024x700).
            long calls = model.callsPlannedProperty().get();
            long allowed = Math.min(calls, model.shownRunProperty().get() != null
                    ? model.shownRunProperty().get().concurrency() : model.concurrencyProperty().get());
            widest[0] = Math.max(widest[0], Math.max(
                    Math.max(cardWidth(counterBox, counterValue, List.of(String.format(Locale.ROOT, "%,d", calls)), null, List.of()),
                            cardWidth(inFlightBox, inFlight, List.of(String.format(Locale.ROOT, "%,d", allowed)),
                                    maxInFlight, List.of(String.format(Locale.ROOT, "max %,d", allowed)))),
                    Math.max(cardWidth(elapsedBox, elapsed, List.of("88,888 ms"), ideal, List.of(
                                    CallsViewModel.IDEAL_AT_THE_END, "ideal: none (no sleeps)", "ideal 88,888 ms")),
                            cardWidth(efficiencyBox, efficiency, List.of(CallsViewModel.AT_THE_END,
                                    CallsViewModel.NO_SLEEPS, "100.0 %"), null, List.of()))));
            widest[1] = Math.max(widest[1], Math.max(sumBox.prefWidth(-1), completedBox.prefWidth(-1)));
            // Four columns: the first row's cards span two. Two: the first row's cards each span
            // both where they do not fit in one ("1,000,000 / 1,000..." was cut at 200 % in
            // 2560x1440: only the second row's cards were asked).
            double card = widest[0];
            double top = widest[1];
            double gap = figures.getHgap();
            int columns = width <= 0 || width >= 4 * Math.max(card, (top - gap) / 2) + 3 * gap ? 4
                    : width >= 2 * card + gap ? 2 : 1;
            int topSpan = columns == 2 && width < 2 * top + gap ? 2 : 1;
            if (columns == shown[0] && topSpan == shown[1]) {
                return;
            }
            shown[0] = columns;
            shown[1] = topSpan;
            figures.getChildren().clear();
            figures.getColumnConstraints().clear();
            if (columns == 4) {
                figures.add(sumBox, 0, 0, 2, 1);
                figures.add(completedBox, 2, 0, 2, 1);
                figures.add(counterBox, 0, 1);
                figures.add(inFlightBox, 1, 1);
                figures.add(elapsedBox, 2, 1);
                figures.add(efficiencyBox, 3, 1);
                figures.add(runningBox, 0, 2);
                figures.add(parkedBox, 1, 2);
                figures.add(memoryBox, 2, 2, 2, 1);
            } else {
                // Spans always given: a card keeps its span from the wide layout otherwise (Sum lay
                // over Calls completed). The last card, alone in its row, takes the whole row.
                int first = 0;
                if (topSpan == 2) {
                    figures.add(sumBox, 0, 0, 2, 1);
                    figures.add(completedBox, 0, 1, 2, 1);
                    first = 2;
                }
                for (int k = first; k < cards.size(); k++) {
                    int at = k - first;
                    int span = k == cards.size() - 1 ? columns - at % columns : 1;
                    figures.add(cards.get(k), at % columns, first + at / columns, span, 1);
                }
            }
            for (int column = 0; column < columns; column++) {
                ColumnConstraints constraints = new ColumnConstraints();
                constraints.setPercentWidth(100.0 / columns);
                figures.getColumnConstraints().add(constraints);
            }
        };
        arrange.run();
        arrangeFigures[0] = arrange;

        Label startRate = new WrapLabel("");
        startRate.setId("start-rate-note");
        startRate.getStyleClass().add("figure-detail");
        startRate.setMinHeight(Region.USE_PREF_SIZE); // wrapped whole, never one line ending in "..."
        startRate.textProperty().bind(model.startRateNoteProperty());
        startRate.managedProperty().bind(startRate.textProperty().isNotEmpty());
        startRate.visibleProperty().bind(startRate.textProperty().isNotEmpty());

        // The verdict under the note on the figures, above the cards: under them and the memory card
        // it came four screens down at 150 % in 1024x700, and only the status bar said ✘ (a teacher's
        // tryout). From Run to the end it holds its place, saying the verdict is to come, as high as
        // it was at Run (the last verdict's) or as the longest verdict the run can end with, so that
        // the cards under it stay where they are while the run goes and when the verdict comes.
        // At the width the layout asks for, not one read at Run: Run before the page was laid out (a
        // window in its first pulses, once in CI) held nothing, and the verdict pushed the cards down.
        double[] heldAtRun = {0}; // the verdict's own height at Run (the last run's), kept
        String[] longest = {null}; // the longest verdict the run can end with, or null: nothing held
        // The longest verdict's height, measured by a label styled as a ✘ verdict is, in the page but
        // neither laid out nor drawn: reckoned from the words in a Text, the place held was 4 px short
        // of the label's (40 against 44 px for two lines at 1280x800), and the cards moved down as a
        // racy run's verdict came on two lines after one.
        Label longestShown = new Label();
        longestShown.getStyleClass().add("verdict");
        longestShown.pseudoClassStateChanged(FAILURE, true);
        longestShown.setWrapText(true);
        longestShown.setManaged(false);
        longestShown.setVisible(false);
        Label verdict = new Label() {
            @Override
            protected double computeMinHeight(double width) {
                double least = Math.max(heldAtRun[0], computePrefHeight(width));
                if (longest[0] == null || width <= 0 || longestShown.getScene() == null) {
                    return least;
                }
                // An em narrower: the page's scroll bar, which a run's figures can bring, narrows it.
                return Math.max(least, Math.ceil(longestShown.prefHeight(width - longestShown.getFont().getSize())));
            }
        };
        verdict.setId("verdict");
        verdict.getStyleClass().add("verdict");
        BooleanBinding toCome = Bindings.createBooleanBinding(() -> model.verdictProperty().get().isEmpty()
                && model.stateProperty().get() != RunState.IDLE, model.verdictProperty(), model.stateProperty());
        verdict.textProperty().bind(Bindings.createStringBinding(() -> toCome.get()
                        ? verdictToCome(model.stateProperty().get()) : model.verdictProperty().get(),
                toCome, model.stateProperty(), model.verdictProperty()));
        toCome.addListener((obs, old, now) -> verdict.pseudoClassStateChanged(PENDING, now));
        verdict.pseudoClassStateChanged(PENDING, toCome.get()); // a view made while a run goes
        // Run sets the state before the view lays out again: the height read here is the one before Run.
        model.stateProperty().addListener((obs, old, now) -> {
            if (old == RunState.IDLE && now != RunState.IDLE) {
                heldAtRun[0] = verdict.isManaged() ? verdict.getHeight() : 0;
                longest[0] = CallsViewModel.longestVerdict(model.settings());
                longestShown.setText(longest[0]);
                verdict.requestLayout();
            } else if (now == RunState.STOPPING && model.shownRunProperty().get() != null) {
                // Stop pressed: the place grows now, under the key, not when the run has ended.
                longest[0] = CallsViewModel.longestStoppedVerdict(model.shownRunProperty().get());
                longestShown.setText(longest[0]);
                verdict.requestLayout();
            }
        });
        // Kept after the run too (the verdict shorter than held, its box keeps the height: nothing
        // moves up at the end either), until the next Run measures again, or Reset clears it.
        model.verdictProperty().addListener((obs, old, now) -> {
            if (now.isEmpty() && model.stateProperty().get() == RunState.IDLE) {
                heldAtRun[0] = 0;
                longest[0] = null;
            }
        });
        verdict.setWrapText(true);
        verdict.setMaxWidth(Double.MAX_VALUE);
        verdict.managedProperty().bind(verdict.textProperty().isNotEmpty());
        verdict.visibleProperty().bind(verdict.textProperty().isNotEmpty());
        // One property decides the banner's look, so success and failure can never both be set.
        Runnable showBanner = () -> {
            CallsViewModel.Banner banner = model.bannerProperty().get();
            verdict.pseudoClassStateChanged(SUCCESS, banner == CallsViewModel.Banner.SUCCESS);
            verdict.pseudoClassStateChanged(FAILURE, banner == CallsViewModel.Banner.FAILURE);
            verdict.pseudoClassStateChanged(STOPPED, banner == CallsViewModel.Banner.STOPPED);
        };
        model.bannerProperty().addListener((obs, old, now) -> showBanner.run());
        showBanner.run();
        Controls.tip(verdict, "✔: the sum is exactly n(n+1)/2, every value handed out once. "
                + "✘: updates were lost (calls got values other calls had already got).");

        LivePlot throughput = new LivePlot("throughput-chart", "Calls per second (log scale)", "seconds run, pauses left out",
                LivePlot.Scale.LOG10);
        throughput.setData(model.throughputSeries());
        LivePlot inFlightChart = new LivePlot("in-flight-chart", "Calls in flight (log scale)", "seconds run, pauses left out",
                LivePlot.Scale.LOG10);
        inFlightChart.setData(model.inFlightSeries());
        Controls.tip(inFlightChart, "Each point: the mean in flight since the point before (the calls' time in flight"
                + " over the time between the points). Read at an instant, in flight swings between 0 and the"
                + " concurrency faster than the plot takes points, and a run's end always finds 0.");
        for (LivePlot plot : List.of(throughput, inFlightChart)) {
            plot.runsSideBySide(model.runningBinding().not());
            // A point every 0.1 s: five missed (the window too busy to take them) break the line.
            plot.setGapOver(CallsViewModel.PLOT_GAP_SECONDS);
        }
        LivePlot histogram = new LivePlot("histogram-chart", "Call durations against the sleeps drawn",
                "ms (the last bin: all longer)", LivePlot.Scale.LINEAR);
        histogram.setData(model.histogramSeries());
        Controls.tip(histogram, "Two histograms over the same bins, of the calls completed: the sleep "
                + "each drew (solid) and the time it took (dashed), from the moment its thread was started to the "
                + "moment its service call returned. The gap is what the run added: starting the thread, waiting "
                + "for a carrier or a core, waking up.");
        Label histogramNote = new Label();
        histogramNote.setId("histogram-note");
        histogramNote.getStyleClass().add("figure-detail");
        histogramNote.textProperty().bind(model.histogramNoteProperty());
        histogramNote.setWrapText(true);
        histogramNote.setMinHeight(Region.USE_PREF_SIZE);
        histogramNote.setMaxWidth(Double.MAX_VALUE);
        // Over the bins, not under them: under, its three lines raised the histogram's axis 60 px
        // over the line plots' beside it (a teacher's tryout).
        histogram.setCaption(histogramNote);
        // Three plots in a row where each gets 23 em (300 px at the smallest text size); else the
        // histogram under the other two, as wide as both: its bins need the width.
        // The line plots side by side where they fit, else one under the other (ChartRow).
        double gap = 10;
        ChartRow plots = new ChartRow(gap);
        VBox charts = new VBox(gap, plots);
        VBox.setVgrow(plots, Priority.ALWAYS);
        for (Region each : List.of(throughput, inFlightChart, histogram)) {
            HBox.setHgrow(each, Priority.ALWAYS);
            each.setMaxWidth(Double.MAX_VALUE);
        }
        plots.getChildren().setAll(throughput, inFlightChart);
        charts.getChildren().add(histogram);
        VBox.setVgrow(histogram, Priority.ALWAYS); // shares the height with the line plots
        BooleanProperty inRow = new SimpleBooleanProperty(false);
        Runnable placeHistogram = () -> {
            boolean fits = charts.getWidth() >= 3 * 23 * histogramNote.getFont().getSize() + 2 * gap;
            if (fits == inRow.get()) {
                return;
            }
            // Moved after this layout pass: a change in the middle of one is not passed up to the view.
            Platform.runLater(() -> {
                if (fits == inRow.get()) {
                    return;
                }
                if (fits) {
                    charts.getChildren().remove(histogram);
                    plots.getChildren().add(histogram);
                } else {
                    plots.getChildren().remove(histogram);
                    charts.getChildren().add(histogram);
                }
                inRow.set(fits);
            });
        };
        charts.widthProperty().addListener(obs -> placeHistogram.run());
        histogramNote.fontProperty().addListener(obs -> placeHistogram.run());
        // The plots' own least heights, and in a row what lines their plot areas up (the row's own):
        // never squeezed below (the view's least height is not passed up from a box whose children
        // just moved).
        charts.minHeightProperty().bind(Bindings.createDoubleBinding(() -> inRow.get()
                        ? plots.minHeight(charts.getWidth())
                        : plots.minHeight(charts.getWidth()) + charts.getSpacing() + histogram.getMinHeight(),
                histogram.minHeightProperty(), inRow, throughput.minHeightProperty(),
                inFlightChart.minHeightProperty(), charts.widthProperty()));
        VBox.setVgrow(charts, Priority.ALWAYS);
        charts.getStyleClass().add("charts");

        Label lastRun = Controls.figuresNote(model);
        // Platform threads before the 1,000,000 calls: after them, the platform run stayed under the most
        // memory the process had had, and its card said RSS was not measurable where the guide asked to
        // compare it (a learner's tryout; in this order both are measured, seen here).
        TitledPane guide = Controls.guide("calls-guide", "What to try: 1,000 calls with the racy counter, then"
                + " atomic; then 1,000,000 calls", "1. Press 1,000 calls / 100 threads, choose the racy counter and"
                + " Max sleep 0: Run. The sum misses n(n+1)/2: two calls read the same value and both wrote it plus"
                + " one, so an update was lost and a value handed out twice (the racy counter yields its thread between"
                + " the read and the write, so it loses far more than a plain count++ would). Run again: the sum"
                + " changes from run to run, while the ✘ verdict's count (calls that got a value already handed"
                + " out) can come out the same.\n"
                + "2. The same with atomic, synchronized or lock: ✔ every time. Each makes read-add-write one"
                + " indivisible step; racy does not.\n"
                + "3. Calls 20,000, Concurrency 4,000, Max sleep 1,000 (step 1 set 0: calls that do not sleep"
                + " end as they start, too few in flight to measure), platform threads: Run, and note Memory per"
                + " thread in flight (a platform thread's stack is native memory, kept while it sleeps).\n"
                + "4. Press 1,000,000 calls / 100,000 threads and Run: 100,000 calls in flight, yet Running never"
                + " goes above the carrier threads (the cores); the rest are parked in their sleep, each a virtual"
                + " thread whose stack is copied to the heap: compare Memory per thread in flight with step 3's."
                + " Efficiency compares the time taken with the sleeps'. Run it twice: the first run after start also"
                + " waits for its code to be compiled, and on a busy machine two runs of one setting can differ by a"
                + " second or more. (In this order both memories are measured: a later run on the same kind of"
                + " thread, with fewer than four times the calls in flight, reuses the memory the earlier one left"
                + " resident, and its card says RSS is not measurable now; a fresh start measures it again.)\n"
                + "Question: on 1,000,000 calls, does the choice between atomic, synchronized and lock change the"
                + " time taken? Why, or why not?");
        // The cards and the note under them keep the most height they have had since the settings
        // last changed (or Reset), so that nothing under them moves when a run starts, pauses or
        // ends: the Parked card's lines went at the end (the plots moved up 13 px at 1024x700), and
        // the note on the start rate, shown during a platform run, was gone at its end where the
        // whole run's figures did not call for it (50 px at 1280x800, a learner's tryout).
        HeldHeight heldFigures = new HeldHeight(figures);
        HeldHeight heldNote = new HeldHeight(startRate);
        heldNote.setId("start-rate-place");
        for (HeldHeight held : List.of(heldFigures, heldNote)) {
            model.settingsChangedProperty().addListener((obs, old, now) -> {
                if (now && model.stateProperty().get() == RunState.IDLE) {
                    held.letGo();
                }
            });
            // Reset, not Run: Run clears the verdict too, before the state says running, and let go of
            // the places at every Run: the start-rate note said at a run's end waits a second of the next
            // run before it says anything, and the plots moved up as the run began, then down again. The
            // cards' place too is held into the next Run now, let go at Reset or a change of settings.
            model.verdictProperty().addListener((obs, old, now) -> {
                if (now.isEmpty() && model.stateProperty().get() == RunState.IDLE
                        && model.shownRunProperty().get() == null) {
                    held.letGo(); // Reset
                }
            });
        }
        VBox live = new VBox(10, guide, lastRun, verdict, heldFigures, heldNote, charts,
                pastRuns(model.pastRuns(), () -> model.stateProperty().get() == RunState.IDLE), longestShown);
        live.setPadding(new Insets(12));
        live.getStyleClass().add("live");
        return live;
    }

    /**
     * A box around one part of the page that never gets shorter than the most that part has
     * needed at this width and text size, until {@link #letGo}: the page under it stays where it
     * is while the part's lines come and go with a run. Taken out of the layout only while the part
     * is, and nothing is held.
     */
    static final class HeldHeight extends VBox {
        private final Region part;
        /** The most height the part has needed since the last let-go, at {@link #heldWidth}; 0 for none. */
        private double held;
        private double heldWidth = -1;
        private double heldFont = -1;

        HeldHeight(Region part) {
            super(part);
            this.part = part;
            setMinHeight(Region.USE_PREF_SIZE);
            setFillWidth(true);
            managedProperty().bind(Bindings.createBooleanBinding(() -> part.isManaged() || held > 0,
                    part.managedProperty()));
        }

        /** The least height the part's own needs, or what is held, the more. */
        @Override
        protected double computePrefHeight(double width) {
            double needs = part.isManaged() ? super.computePrefHeight(width) : 0;
            double font = Font.getDefault().getSize();
            if (part.getScene() != null && part.lookup(".label") instanceof Label label) {
                font = label.getFont().getSize();
            }
            if (width > 0 && (width != heldWidth || font != heldFont)) {
                // Another width or text size: what was held was at the old one.
                if (heldWidth >= 0) {
                    held = 0;
                }
                heldWidth = width;
                heldFont = font;
            }
            if (width > 0 && width == heldWidth) {
                held = Math.max(held, needs);
            }
            return Math.max(needs, held);
        }

        /** Holds nothing from now on: the part takes the height it needs. */
        void letGo() {
            held = 0;
            // The managed binding reads held: a fresh look, as when the part comes or goes.
            managedProperty().unbind();
            managedProperty().bind(Bindings.createBooleanBinding(() -> part.isManaged() || held > 0,
                    part.managedProperty()));
            requestLayout();
        }

        /** The height held now, for tests. */
        double held() {
            return held;
        }
    }

    /**
     * The calls-completed card's rate, with what it is over: the last half second, or the time since
     * Run in a run's first half second ({@code elapsedMillis} of run time), or the whole run once ended.
     * Stopping, no call completes and the run's clock has stopped: the rate is the one before Stop, or
     * before the pause where the run was paused when Stop came ({@code pausedAtStop}).
     */
    static String rateWords(double perSecond, RunState state, long elapsedMillis, boolean pausedAtStop) {
        boolean first = elapsedMillis * 1_000_000L < CallsViewModel.RATE_WINDOW_NANOS;
        String over = switch (state) {
            case RUNNING -> first ? " (since Run)"
                    : String.format(Locale.ROOT, " (the last %.1f s)", CallsViewModel.RATE_WINDOW_NANOS / 1e9);
            case PAUSED -> " (before the pause)";
            case STOPPING -> pausedAtStop ? " (before the pause)" : " (before Stop)";
            case IDLE -> perSecond > 0 ? " (the whole run)" : "";
        };
        return String.format(Locale.ROOT, "%,.0f calls per second%s", perSecond, over);
    }

    /**
     * Every text {@link #rateWords} gives for a rate of {@code perSecond}: the Calls completed card is
     * as wide as the widest from the start, so that none moves the cards (at 1024x700 a paused
     * 1,000,000-call run's "164,881 calls per second in the 0.5 s before the pause" widened the card,
     * and the cards went from four columns to two at Pause, for the rest of the run: a teacher's tryout).
     */
    static List<String> everyRateWords(double perSecond) {
        List<String> words = new ArrayList<>();
        for (RunState state : RunState.values()) {
            for (long elapsedMillis : new long[] {0, 1_000}) {
                for (boolean pausedAtStop : new boolean[] {false, true}) {
                    words.add(rateWords(perSecond, state, elapsedMillis, pausedAtStop));
                }
            }
        }
        return words.stream().distinct().toList();
    }
}
