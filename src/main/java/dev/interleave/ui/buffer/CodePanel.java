package dev.interleave.ui.buffer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import dev.interleave.engine.buffer.BufferCode;
import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.BufferSnapshot;
import dev.interleave.engine.buffer.Bug;
import dev.interleave.engine.buffer.WakePolicy;
import dev.interleave.engine.buffer.Where;
import dev.interleave.engine.buffer.Worker;
import dev.interleave.engine.buffer.WorkerState;
import dev.interleave.ui.kit.Controls;
import dev.interleave.ui.kit.WrapLabel;

/**
 * The code beside the picture: {@code put} and {@code take} of the shown implementation, bug
 * included, as the lab's {@link BufferCode} has them, the bug's lines tagged "bug", and each worker's
 * chip beside the line it is at. The chips follow the view-model's workers, which are the snapshot
 * the view draws (live, stepped, or rebuilt at the scrubber's position), so a rewound view shows
 * the positions as they were. A line with more than {@link #CHIPS_PER_LINE} workers shows that many
 * and a "+N" whose tooltip names the rest; chips of one line wrap, never overlap.
 */
final class CodePanel extends VBox {

    /** Chips drawn beside one line; more are counted in a "+N". */
    static final int CHIPS_PER_LINE = 6;

    private static final PseudoClass BUG = PseudoClass.getPseudoClass("bug");
    private static final PseudoClass LAB = PseudoClass.getPseudoClass("lab");
    private static final PseudoClass OCCUPIED = PseudoClass.getPseudoClass("occupied");
    /** A bug line's tag. */
    private static final String BUG_TAG = "bug ▶";

    private final BufferViewModel model;
    private final Label caption = new Label();
    private final Label hidden = new Label();
    /** put above take: a VBox gives them its width, so long lines wrap instead of widening the view. */
    private final VBox methods = new VBox(12);
    private final MethodBox put = new MethodBox("put", Worker.Role.PRODUCER);
    private final MethodBox take = new MethodBox("take", Worker.Role.CONSUMER);
    /** A tag as a bug line has it, never shown: the tag column's width where no column is made ({@link #widthWithTags}). */
    private final Label tagRuler = new Label(BUG_TAG);
    /** Whether the tag column is kept with no bug chosen ({@link #keepTags}). */
    private boolean keepTags;
    /** Whether the lines have their tag column now. */
    private boolean tagsShown;

    CodePanel(BufferViewModel model) {
        super(6);
        this.model = model;
        setId("code-panel");
        getStyleClass().add("code-panel");
        caption.getStyleClass().add("section");
        caption.setWrapText(true);
        caption.setId("code-caption");
        hidden.setId("code-hidden-note");
        hidden.getStyleClass().add("code-note");
        hidden.setWrapText(true);
        hidden.managedProperty().bind(hidden.visibleProperty());
        // The texts wrap to the code's width; they never widen the panel.
        for (Label text : List.of(caption, hidden)) {
            text.setPrefWidth(1);
            text.setMaxWidth(Double.MAX_VALUE);
        }
        methods.getChildren().addAll(put, take);
        tagRuler.getStyleClass().add("code-tag");
        tagRuler.setManaged(false);
        tagRuler.setVisible(false);
        getChildren().addAll(caption, hidden, methods, tagRuler);
        setMinHeight(Region.USE_PREF_SIZE);
        model.putCodeProperty().addListener(obs -> showCode());
        model.takeCodeProperty().addListener(obs -> showCode());
        model.codeOfShownRunProperty().addListener(obs -> showCode());
        model.workers().addListener((ListChangeListener<BufferSnapshot.WorkerView>) change -> showChips());
        model.notFullWaiters().addListener((ListChangeListener<String>) change -> showChips());
        model.notEmptyWaiters().addListener((ListChangeListener<String>) change -> showChips());
        model.labOutcomeProperty().addListener(obs -> showChips()); // an ended thread's glyph says how

        showCode();
    }

    private void showCode() {
        BufferImpl impl = model.codeImplProperty().get();
        boolean ofRun = model.codeOfShownRunProperty().get();
        Bug bug = model.codeBugProperty().get();
        WakePolicy policy = model.codeWakeProperty().get();
        boolean abq = !impl.instrumented();
        // abq's threads are not seen at their lines: its caption promises no chips.
        caption.setText((ofRun
                ? String.format(Locale.ROOT, "The code each thread runs: %s buffer, bug %s   %s", impl.label(),
                        bug.label(), abq ? "" : "(each chip sits at the line its thread is at)")
                : String.format(Locale.ROOT, "The code each thread will run: %s buffer, bug %s   %s", impl.label(),
                        bug.label(), abq ? "" : "(Run, or Step, to see each thread at its line)")).strip());
        hidden.setVisible(abq);
        hidden.setText(abq ? "abq is the JDK's ArrayBlockingQueue: its wait sets and each thread's line are not "
                + "visible (no chips here, no wait sets below); only the items produced and consumed are." : "");
        Set<Integer> putBugs = bugLines(BufferCode.put(impl, Bug.NONE, policy), model.putCodeProperty().get(), bug);
        Set<Integer> takeBugs = bugLines(BufferCode.take(impl, Bug.NONE, policy), model.takeCodeProperty().get(), bug);
        // Both methods keep the tag column when either has a bug line, so put and take stay in line
        // (one-condition's lines are all over put: take stood a column to the left); and beside the
        // picture, bug or none, wherever a bug can be planted (see keepTags).
        boolean tags = !putBugs.isEmpty() || !takeBugs.isEmpty() || keepTags && Bug.forImpl(impl).size() > 1;
        tagsShown = tags;
        put.show(model.putCodeProperty().get(), putBugs, tags, impl);
        take.show(model.takeCodeProperty().get(), takeBugs, tags, impl);
        // Code the shown run did not run has no threads at its lines, nor outside them: "Producers not in
        // put(): none" stood under the next run's code while the chips above showed P1 at the gate.
        put.showsThreads(ofRun && !abq);
        take.showsThreads(ofRun && !abq);
        showChips();
    }

    /**
     * The lines of {@code planted} that the correct code does not have: the bug, as written. The lab's
     * own pause (a {@link BufferCode.Line#labAid()} line) is not the bug, and is tagged apart.
     */
    static Set<Integer> bugLines(BufferCode.Method correct, BufferCode.Method planted, Bug bug) {
        Set<Integer> lines = new HashSet<>();
        if (bug == Bug.NONE) {
            return lines;
        }
        Set<String> correctTexts = correct.lines().stream().map(BufferCode.Line::text).collect(Collectors.toSet());
        for (int i = 0; i < planted.lines().size(); i++) {
            BufferCode.Line line = planted.lines().get(i);
            if (!line.labAid() && !correctTexts.contains(line.text())) {
                lines.add(i);
            }
        }
        return lines;
    }

    private void showChips() {
        // The chips are the shown run's: beside another implementation's code their lines mean nothing.
        List<BufferSnapshot.WorkerView> workers = model.codeOfShownRunProperty().get() ? model.workers() : List.of();
        // At an await line the chips stand in wait order, longest-waiting first, as the wait sets below.
        Map<String, Integer> waitOrder = new HashMap<>();
        for (List<String> waiters : List.of(model.notFullWaiters(), model.notEmptyWaiters())) {
            for (String name : waiters) {
                waitOrder.putIfAbsent(name, waitOrder.size());
            }
        }
        // How an ended thread ended, as its chip above says it: left (fewer set), ended (the run was), or done.
        Set<String> left = Set.copyOf(model.left());
        boolean endedShort = BufferView.endedShort(model.labOutcomeProperty().get());
        Function<String, String> ended = name -> left.contains(name) ? "left" : endedShort ? "ended" : "done";
        put.chips(workers, waitOrder, ended);
        take.chips(workers, waitOrder, ended);
    }

    /**
     * Keeps the tag column with no bug chosen, or not. Beside the picture the code keeps it: a bug
     * chosen then fills a column already there. Made for the bug alone, the column moved every line
     * 47 px to the right and widened the code past the room beside the picture at 1366x768: the code
     * went under the lanes, out of sight, as the class was to read the bug (a student's tryout). Under
     * the picture the code has the view's width, and an empty column there wrapped lines at 200 %.
     */
    void keepTags(boolean keep) {
        if (keep != keepTags) {
            keepTags = keep;
            showCode();
        }
    }

    /** The width the code asks for with its tag column, whether or not it has one now. */
    double widthWithTags() {
        // Without the column each line's tag is empty, 0 px wide, and the grid's gap stays.
        return prefWidth(-1) + (tagsShown ? 0 : tagRuler.prefWidth(-1));
    }

    /** The line index {@code worker}'s chip is shown at in its method, or -1 when outside; for tests. */
    int lineOf(String worker) {
        int line = put.lineOf(worker);
        return line >= 0 ? line : take.lineOf(worker);
    }

    /** A method's lines, each with the chips of the workers at it, and the workers outside below. */
    private static final class MethodBox extends VBox {
        private final String name;
        private final Worker.Role role;
        private final GridPane grid = new GridPane();
        private final FlowPane outside = new FlowPane(4, 4);
        /**
         * The caption and {@link #outside}: hidden for abq, whose threads are not seen (it read
         * "Producers not in put(): none" while three producers ran: a learner's tryout).
         */
        private final HBox outsideRow;
        /** What {@link #outside} says when it holds nobody (its caption stood alone, "Producers not in put():"). */
        private final Label nobody = new Label("none");
        /** How an ended worker ended, by name: "left", "ended" or "done" ({@link #chips}). */
        private Function<String, String> ended = name -> "done";
        private final List<FlowPane> lineChips = new ArrayList<>();
        /** By worker name: its chip, wherever it is shown. */
        private final Map<String, Label> chipOf = new HashMap<>();
        /** By pane: its "+N" label. */
        private final Map<FlowPane, Label> mores = new HashMap<>();
        private BufferCode.Method method;
        /** The lines of {@link #method} marked as the bug. */
        private Set<Integer> bugLines = Set.of();
        /** Whether the tag column is kept (a bug line in this method or the other). */
        private boolean tags;
        /** The implementation {@link #method} is of: its lock is named as its code names it. */
        private BufferImpl impl = BufferImpl.LOCK;

        MethodBox(String name, Worker.Role role) {
            super(4);
            this.name = name;
            this.role = role;
            setId("code-" + name);
            getStyleClass().add("code-method");
            grid.setHgap(6);
            grid.setVgap(0);
            outside.setId("code-" + name + "-outside");
            outside.getStyleClass().add("code-outside");
            outside.setAlignment(Pos.CENTER_LEFT);
            // Who it holds, not a heading: "Outside put:" under put's closing brace read as the title
            // of take's code below it.
            Label outsideCaption = new Label(role == Worker.Role.PRODUCER ? "Producers not in put():"
                    : "Consumers not in take():");
            outsideCaption.getStyleClass().add("code-note");
            outsideCaption.setMinWidth(Region.USE_PREF_SIZE);
            Controls.tip(outsideCaption, role == Worker.Role.PRODUCER
                    ? "Producers not in put(): making their next item, parked at the gate, or ended."
                    : "Consumers not in take(): using their last item, parked at the gate, or ended.");
            nobody.getStyleClass().add("code-note");
            outsideRow = new HBox(6, outsideCaption, outside);
            getChildren().addAll(grid, outsideRow);
        }

        void show(BufferCode.Method method, Set<Integer> bugLines, boolean tags, BufferImpl impl) {
            if (method.equals(this.method) && bugLines.equals(this.bugLines) && tags == this.tags && impl == this.impl) {
                return; // the same code (a Run asks again): its lines and their chips stay as they are
            }
            if (impl != this.impl) {
                chipOf.clear(); // made afresh: a chip's tooltip named the last implementation's lock
            }
            this.impl = impl;
            this.method = method;
            this.bugLines = Set.copyOf(bugLines);
            this.tags = tags;
            grid.getChildren().clear();
            lineChips.clear();
            mores.keySet().retainAll(List.of(outside));
            for (int i = 0; i < method.lines().size(); i++) {
                BufferCode.Line line = method.lines().get(i);
                Label tag = new Label(bugLines.contains(i) ? BUG_TAG : line.labAid() ? "lab ▶" : "");
                tag.getStyleClass().add("code-tag");
                tag.setMinWidth(Region.USE_PREF_SIZE); // never "bu..."
                if (tags && tag.getText().isEmpty()) {
                    // The column keeps the tag's width on every line, in both methods: the tag's own
                    // text, unseen (five spaces were narrower, and take stood 8 px to the left).
                    tag.setText(BUG_TAG);
                    tag.setVisible(false);
                }
                int indent = indentOf(line.text());
                // A line longer than the room wraps (a large zoom, a narrow window): never cut, never
                // wider than the view. Its indentation is a blank graphic, so a wrapped line goes on
                // under its own first character, not at column 0 where it would read as another
                // statement. A WrapLabel: its height is measured once, not at every frame its chips move.
                Label text = new WrapLabel(line.text().substring(indent));
                text.setId("code-" + name + "-line-" + i);
                text.getStyleClass().add("code-line");
                indent(text, indent);
                text.pseudoClassStateChanged(BUG, bugLines.contains(i));
                text.pseudoClassStateChanged(LAB, line.labAid());
                tag.pseudoClassStateChanged(LAB, line.labAid());
                if (line.labAid()) {
                    Controls.tip(text, "Not the bug: the lab pauses here so that another thread looks too before "
                            + "this one locks. The race is there without it, but may take minutes to show. While the "
                            + "run is paused, a thread that looked stops at the gate here until a step lets it on.");
                }
                if (!line.where().isEmpty()) {
                    Controls.tip(text, "A thread here is "
                            + line.where().stream().map(where -> where.words(impl)).collect(Collectors.joining(", or "))
                            + ".");
                }
                FlowPane chips = new FlowPane(3, 3);
                chips.setId("code-" + name + "-chips-" + i);
                chips.getStyleClass().add("code-chips");
                chips.setAlignment(Pos.CENTER_LEFT);
                chips.setPrefWrapLength(240);
                lineChips.add(chips);
                grid.add(tag, 0, i);
                grid.add(text, 1, i);
                grid.add(chips, 2, i);
                GridPane.setHgrow(chips, Priority.ALWAYS);
            }
        }

        /** The spaces {@code text} begins with. */
        static int indentOf(String text) {
            int n = 0;
            while (n < text.length() && text.charAt(n) == ' ') {
                n++;
            }
            return n;
        }

        /** Indents {@code text} by {@code columns} of its font's spaces, as a graphic the wrapped lines keep clear of. */
        private static void indent(Label text, int columns) {
            if (columns == 0) {
                return;
            }
            Region blank = new Region();
            blank.getStyleClass().add("code-indent");
            text.setGraphic(blank);
            text.setGraphicTextGap(0);
            Runnable size = () -> {
                Text ruler = new Text(" ".repeat(columns));
                ruler.setFont(text.getFont());
                double width = ruler.getLayoutBounds().getWidth();
                blank.setMinWidth(width);
                blank.setPrefWidth(width);
                blank.setMaxWidth(width);
            };
            text.fontProperty().addListener(obs -> size.run());
            size.run();
        }

        /**
         * Shows each worker's chip at its line; chips of waiting workers in {@code waitOrder} (name to
         * place); an ended worker's says how it ended ({@code ended}: "left", "ended" or "done").
         */
        void chips(List<BufferSnapshot.WorkerView> workers, Map<String, Integer> waitOrder,
                   Function<String, String> ended) {
            if (method == null) {
                return;
            }
            this.ended = ended;
            List<List<BufferSnapshot.WorkerView>> at = new ArrayList<>();
            for (int i = 0; i < lineChips.size(); i++) {
                at.add(new ArrayList<>());
            }
            List<BufferSnapshot.WorkerView> out = new ArrayList<>();
            for (BufferSnapshot.WorkerView worker : workers) {
                if (worker.role() != role) {
                    continue;
                }
                int line = worker.where() == null ? -1 : method.lineOf(worker.where());
                if (line >= 0) {
                    at.get(line).add(worker);
                } else {
                    out.add(worker);
                }
            }
            Comparator<BufferSnapshot.WorkerView> waited =
                    Comparator.comparing(worker -> waitOrder.getOrDefault(worker.name(), Integer.MAX_VALUE));
            for (int i = 0; i < lineChips.size(); i++) {
                at.get(i).sort(waited); // stable: the others keep the snapshot's order
                fill(lineChips.get(i), at.get(i));
            }
            // The finished last: after Producers went from 5 to 2, the departed P3 to P5 filled the
            // row and the live ones stood behind "+2".
            out.sort(Comparator.comparing(worker -> worker.state() == WorkerState.DONE));
            fill(outside, out);
        }

        /**
         * Whether the threads outside the method are listed under it: only under the shown run's code of
         * an instrumented buffer (abq's threads are not seen).
         */
        void showsThreads(boolean shows) {
            outsideRow.setVisible(shows);
            outsideRow.setManaged(shows);
        }

        int lineOf(String worker) {
            for (int i = 0; i < lineChips.size(); i++) {
                for (Node chip : lineChips.get(i).getChildren()) {
                    if (("code-chip-" + worker).equals(chip.getId())) {
                        return i;
                    }
                }
            }
            return -1;
        }

        /**
         * Shows {@code workers}' chips in {@code pane}. Chips are made once per worker and moved, and a
         * pane whose chips are the same is left alone: in a free run the chips change lines at every
         * frame, and new labels (each with its tooltip) cost the frame their styling and layout.
         */
        private void fill(FlowPane pane, List<BufferSnapshot.WorkerView> workers) {
            List<Node> chips = new ArrayList<>();
            int shown = workers.size() > CHIPS_PER_LINE ? CHIPS_PER_LINE - 1 : workers.size();
            for (int i = 0; i < shown; i++) {
                chips.add(chip(workers.get(i)));
            }
            if (shown < workers.size()) {
                List<BufferSnapshot.WorkerView> rest = workers.subList(shown, workers.size());
                Label more = more(pane);
                more.setText("+" + rest.size());
                Controls.tip(more, "Also here: " + rest.stream()
                        .map(w -> w.name() + " (" + words(w.where()) + ")").collect(Collectors.joining(", ")));
                chips.add(more);
            }
            if (chips.isEmpty() && pane == outside) {
                chips.add(nobody);
            }
            if (!pane.getChildren().equals(chips)) {
                pane.getChildren().setAll(chips);
            }
            pane.pseudoClassStateChanged(OCCUPIED, !workers.isEmpty());
        }

        /** {@code worker}'s chip, made at its first showing, with its glyph, state and tooltip as now. */
        private Label chip(BufferSnapshot.WorkerView worker) {
            Label chip = chipOf.computeIfAbsent(worker.name(), name -> {
                Label made = new Label();
                made.setId("code-chip-" + name);
                made.getStyleClass().addAll("code-chip", worker.role() == Worker.Role.PRODUCER ? "producer" : "consumer");
                made.setMinWidth(Region.USE_PREF_SIZE);
                return made;
            });
            // Parked at the gate, or ended: the glyph of the worker's chip above ("‖", "✓", "–"), not
            // "outside"'s "●", which an ended thread's chip kept beside "– ended" above.
            String done = worker.state() != WorkerState.DONE ? "" : ended.apply(worker.name());
            String text = (worker.state() == WorkerState.AT_GATE ? BufferView.WorkerChip.glyph(WorkerState.AT_GATE)
                    : done.equals("done") ? BufferView.WorkerChip.glyph(WorkerState.DONE)
                    : !done.isEmpty() ? "–" : glyph(worker.where())) + " " + worker.name();
            if (!text.equals(chip.getText())) {
                chip.setText(text);
                Controls.tip(chip, worker.name() + ": " + (!done.isEmpty() ? done
                        : (worker.state() == WorkerState.AT_GATE ? "parked at the gate, " : "") + words(worker.where())));
            }
            PseudoClass state = BufferView.WorkerChip.pseudo(worker.state());
            if (!chip.getPseudoClassStates().contains(state)) {
                for (WorkerState each : WorkerState.values()) {
                    chip.pseudoClassStateChanged(BufferView.WorkerChip.pseudo(each), false);
                }
                chip.pseudoClassStateChanged(state, true);
            }
            return chip;
        }

        /** The pane's "+N" label, made at its first use. */
        private Label more(FlowPane pane) {
            return mores.computeIfAbsent(pane, shown -> {
                Label made = new Label();
                made.setId(shown.getId() + "-more");
                made.getStyleClass().addAll("code-chip", "code-more");
                return made;
            });
        }

        private String words(Where where) {
            return where == null ? "not known" : where.words(impl);
        }
    }

    /** A glyph per place, so the chip says where it is without colour. */
    static String glyph(Where where) {
        if (where == null) {
            return "?";
        }
        return switch (where) {
            case OUTSIDE -> "●";
            case LOOKED -> "⚠";
            case ENTERING -> "◔";
            case CHECKING -> "?";
            case WAITING -> "■";
            case WOKEN -> "↑";
            case WRITING -> "◆";
            case SIGNALLING -> "»";
            case RELEASING -> "↓";
            case INTERRUPTED -> "×";
        };
    }
}
