package dev.interleave.ui.kit;

import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.Duration;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Replay;

/**
 * A view's history: the timeline, the scrubber that rewinds the whole view to any recorded event
 * (slider; Left / Right one event, Page Up / Page Down a hundred, Home the run's start (before its
 * first event), End back to now), and the event log, one line per event, in step with the scrubber.
 * Any scenario with a {@link Rewind} uses one.
 *
 * @param <R> the scenario's rebuilt state
 */
public class HistoryPane<R extends Replay<R>> extends VBox {

    /** Events one Page Up / Page Down moves. */
    static final int PAGE = 100;
    /** The least length, in em, the scrubber keeps beside the position before the position goes below it. */
    private static final double SCRUBBER_LEAST_EM = 10;
    /** The event log's row height, in em (interleave.css has the same); set in whole pixels. */
    static final double ROW_EM = 1.8;
    /** A narrow log's row height (two lines), in em (interleave.css has the same). */
    static final double NARROW_ROW_EM = 3.1;
    /** What each line past two adds to a narrow log's rows, in em. */
    private static final double MORE_LINE_EM = NARROW_ROW_EM - ROW_EM;
    /** The most lines a narrow log's row holds. */
    private static final int MOST_LINES = 4;
    /** The share of a wrapped line's width its words fill, about (a word that does not fit goes below). */
    private static final double WRAP_FILL = 0.85;
    /** About the longest event line, in em: a log narrower than this wraps its lines (see interleave.css). */
    private static final double LOG_LINE_EM = 44;
    /** The log's width a line does not have: the cells' padding and the scroll bar, in em (about). */
    private static final double LINE_ROOM_EM = 2.5;
    private static final PseudoClass NARROW = PseudoClass.getPseudoClass("narrow");

    private final Rewind<R> rewind;
    private final Timeline<R> timeline;
    /** What the timeline shows, in words, above it. */
    private final Label captionLabel;
    /** Never of no range (see sync). */
    private final Slider scrubber = new Slider(0, 1, 0);
    private final LogList events;
    /** Puts the position beside the scrubber, or below it where the row has no room; true if it moved. */
    private final BooleanSupplier arrangeScrubArea;
    /** Marks the log narrow (its lines wrap) where it has less room than a long line; true if that changed. */
    private final BooleanSupplier narrowLog;
    /** The scrubber's position in words: its font is the window's text size. */
    private final Label where = new Label();
    /** Whether the "Evenly spaced" check box was ever set by hand: then a step never sets it. FX thread. */
    private boolean orderChosen;
    /** True while the slider or the list is being set from the position, not by the user. */
    private boolean syncing;

    /**
     * @param rewind   the view-model's history
     * @param lanes    how the scenario's events are drawn
     * @param id       the pane's id and style class, e.g. "buffer-history"
     * @param caption  what the timeline shows, in a sentence or two
     * @param whatIsShown what the rewound view shows, e.g. "the buffer" (for the scrubber's tooltip)
     */
    public HistoryPane(Rewind<R> rewind, Timeline.Lanes<R> lanes, String id, String caption, String whatIsShown) {
        super(6);
        this.rewind = rewind;
        setId(id);
        getStyleClass().add(id);

        captionLabel = new Label(caption);
        captionLabel.getStyleClass().add("section");
        captionLabel.setWrapText(true);
        Label dropped = new Label();
        dropped.setId("events-dropped");
        dropped.getStyleClass().add("last-run-note");
        dropped.setWrapText(true);
        // One count, the scrubber's (see droppedNote): the log's own ("54,020 older ones were dropped")
        // stood beside "reaches back to just after event 53,247", an event it had just said was gone.
        dropped.textProperty().bind(Bindings.createStringBinding(
                () -> droppedNote(rewind.startProperty().get(), rewind.endProperty().get()),
                rewind.startProperty(), rewind.endProperty()));
        dropped.visibleProperty().bind(rewind.droppedProperty().greaterThan(0));
        dropped.managedProperty().bind(dropped.visibleProperty());

        timeline = new Timeline<>(rewind, lanes);

        scrubber.setId("scrubber");
        // Greyed out too where nothing can be rebuilt (the start at the end, a run that outran the
        // window): a thumb that would not move read as broken; the note above says why.
        scrubber.disableProperty().bind(rewind.allowedProperty().not().or(rewind.endProperty().isEqualTo(0))
                .or(rewind.startProperty().greaterThanOrEqualTo(rewind.endProperty())));
        Controls.tip(scrubber, "Rewind: the whole view shows " + whatIsShown + " as it was after the chosen event,"
                + " and the plots mark that moment with a dashed line. Left / Right: one event; Page Up / Page Down: "
                + PAGE + "; Home: the run's start, before its first event; End: back to now."
                + " Only while paused or after a run.");
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        scrubber.valueProperty().addListener((obs, old, now) -> {
            if (!syncing && rewind.allowedProperty().get()) {
                long target = Math.round(now.doubleValue());
                if (target != rewind.positionProperty().get()) {
                    rewind.moveTo(target);
                }
            }
        });
        Button present = new Button("Now");
        present.setId("scrub-present");
        Controls.tip(present, "Back to the run as it is now (End).");
        present.disableProperty().bind(rewind.rewoundBinding().not());
        present.setOnAction(e -> rewind.toPresent());
        Controls.passKeysWhenGreyed(List.of(scrubber, present)); // pressed by Space: back to the scrubber
        where.setId("scrub-position");
        where.textProperty().bind(Bindings.createStringBinding(() -> rewind.positionProperty().get()
                        == Rewind.PRESENT ? (rewind.endProperty().get() == 0 ? "now (no events yet)"
                        : String.format(Locale.ROOT, "now: after event %,d (%,d recorded)", rewind.endProperty().get() - 1,
                        rewind.endProperty().get()))
                        : rewind.positionProperty().get() == 0 ? "the start"
                        : String.format(Locale.ROOT, "after event %,d (%,d recorded)", rewind.positionProperty().get() - 1,
                        rewind.endProperty().get()), rewind.positionProperty(), rewind.endProperty()));
        // Now named by its last event, as the list and the timeline's axis number them from 0: "now (46
        // events)" stood beside a list ending at event 45 (a learner's tryout).
        // As wide as its longest text from the start, so that the scrubber keeps its length (and its
        // thumb its place) when "now: ..." becomes "after event ... (... recorded)".
        Runnable roomForTheLongest = () -> {
            long end = Math.max(1, rewind.endProperty().get());
            Text longest = new Text(
                    String.format(Locale.ROOT, "now: after event %,d (%,d recorded)", end - 1, end));
            longest.setFont(where.getFont());
            where.setMinWidth(Math.ceil(longest.getLayoutBounds().getWidth()) + 2);
        };
        rewind.endProperty().addListener(obs -> roomForTheLongest.run());
        where.fontProperty().addListener(obs -> roomForTheLongest.run());
        roomForTheLongest.run();
        Label rewindLabel = new Label("Rewind");
        rewindLabel.setMinWidth(Region.USE_PREF_SIZE);
        present.setMinWidth(Region.USE_PREF_SIZE);
        HBox scrubRow = new HBox(8, rewindLabel, scrubber, where, present);
        scrubRow.setAlignment(Pos.CENTER_LEFT);
        VBox scrubArea = new VBox(4, scrubRow);
        // Where the row has no room for the position beside a scrubber of some length (a large zoom),
        // the position goes on a line of its own below: squeezed, "Rewind" and "Now" read "...".
        arrangeScrubArea = () -> {
            double em = where.getFont().getSize();
            double needed = rewindLabel.prefWidth(-1) + SCRUBBER_LEAST_EM * em + where.getMinWidth()
                    + present.prefWidth(-1) + 3 * scrubRow.getSpacing();
            boolean below = getWidth() > 0 && getWidth() < needed;
            if (below == (where.getParent() == scrubArea)) {
                return false;
            }
            (below ? scrubRow : scrubArea).getChildren().remove(where);
            if (below) {
                scrubArea.getChildren().add(where);
            } else {
                scrubRow.getChildren().add(2, where);
            }
            return true;
        };
        // Arranged at each layout (see layoutChildren), when the fonts of a zoom are all in place.

        events = new LogList(rewind.lines());
        events.setId("event-log");
        // Nine rows high, five at least, at any zoom; five and three of two lines each where the log is
        // narrow (see narrowLog): the heights are in interleave.css, in em.
        // The scrubber's keys work in the log too (Up and Down stay the list's: a line each, the same).
        events.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (rewind.allowedProperty().get()) {
                key(e);
            }
        });
        // And on the timeline, which marks the position: Left / Right move it an event (+ and - zoom).
        timeline.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (rewind.allowedProperty().get()) {
                key(e);
            }
        });
        // Told on the "Rewind" label, not the log: over the log, the tooltip covered the lines being read.
        Controls.tip(rewindLabel, String.format(Locale.ROOT, "The log below: the recorded events in words, %,d at a"
                + " time: the newest, or those around the scrubber, which reaches the rest. Select one to rewind the"
                + " view to just after it (while paused or after a run).", Rewind.LINES_SHOWN));
        events.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (!syncing && now.intValue() >= 0 && rewind.allowedProperty().get()) {
                rewind.moveTo(rewind.eventOfLine(now.intValue()) + 1);
            }
        });

        rewind.positionProperty().addListener((obs, old, now) -> {
            sync();
            if (now.longValue() == Rewind.PRESENT && old.longValue() != Rewind.PRESENT) {
                follow(true); // End, Resume or "Now": the newest lines, however fast they came
            }
        });
        catchUp.setOnFinished(e -> {
            catchUpQueued = false;
            if (rewind.positionProperty().get() == Rewind.PRESENT) {
                follow(false);
            }
        });
        rewind.endProperty().addListener((obs, old, now) -> sync());
        // Lines held back by a burst come later than the events (Rewind.SLIDE_NANOS): look again then.
        rewind.lines().addListener((ListChangeListener<String>) change -> {
            if (rewind.positionProperty().get() == Rewind.PRESENT) {
                follow(false);
            }
        });
        rewind.startProperty().addListener((obs, old, now) -> sync());
        // Narrower than a long line (a large zoom), a line wraps onto a second, and every row is two
        // lines high (the rows' height stays fixed, for speed): cut at the right edge, it read
        // "signalled no" until scrolled sideways.
        // Decided at each layout (see layoutChildren), when the fonts of a zoom are all in place.
        // Or narrower than a line it has shown: a spurious wake-up with the if bug ("... then goes
        // straight on: its if does not check again") ran past the right edge at 1024x700 (a tryout).
        // It stays wrapped until the list empties (a new run). A line that needs more than two (a
        // violation's at 150 % in 1024x700 was cut after its second) makes every row as many lines
        // high, up to MOST_LINES: rows grow only, for a wider line, and all of them at once.
        events.onWider(() -> Platform.runLater(this::requestLayout));
        narrowLog = () -> {
            double em = where.getFont().getSize();
            double room = lineRoom();
            boolean narrow = getWidth() > 0 && (getWidth() < LOG_LINE_EM * em || events.widestShownEm() * em > room);
            boolean was = events.getPseudoClassStates().contains(NARROW);
            events.pseudoClassStateChanged(NARROW, narrow);
            int lines = narrow ? (int) Math.clamp(Math.ceil(events.widestShownEm() * em / (room * WRAP_FILL)), 2, MOST_LINES) : 1;
            double rowEm = lines == 1 ? ROW_EM : NARROW_ROW_EM + (lines - 2) * MORE_LINE_EM;
            // The rows' fixed height in whole pixels (interleave.css gives it in em): at 35.1 px (1.8 em
            // at 150 %) a list of 10,000 lines at its end moved its position by a rounding error at
            // every layout and asked for another, and the renderer repainted the window at every frame
            // (60 % of a core, a paused or ended run of the philosophers).
            String rows = String.format(Locale.ROOT, "-fx-fixed-cell-size: %dpx;", Math.round(rowEm * em));
            boolean resized = !rows.equals(events.getStyle());
            if (resized) {
                events.setStyle(rows);
            }
            return narrow != was || resized;
        };
        CheckBox order = new CheckBox("Evenly spaced: one step per event, not the clock");
        order.setId("timeline-event-order");
        order.setWrapText(true);
        order.setMinHeight(Region.USE_PREF_SIZE);
        Controls.tip(order, "The timeline's axis by the events' order, every event as wide as the next however close"
                + " in time: for a story told within a millisecond (a bug with no delays) or steps taken seconds apart."
                + " Unticked, the axis is the clock.");
        order.selectedProperty().bindBidirectional(timeline.eventOrderProperty());
        order.setOnAction(e -> orderChosen = true);
        getChildren().addAll(captionLabel, dropped, order, timeline, scrubArea, events);
    }

    /**
     * Arranges the scrubber's row and the log's rows for the room, then lays out. A change made here
     * changes this pane's height, which its parent asked for before this pass: it asks again, at the
     * next pulse (a request made during the pass goes no higher than this pane).
     */
    @Override
    protected void layoutChildren() {
        if (arrangeScrubArea.getAsBoolean() | narrowLog.getAsBoolean()) {
            Platform.runLater(this::requestLayout);
        }
        super.layoutChildren();
    }

    /** The words above the timeline: what it shows (a scenario's run that records nothing says so). */
    public StringProperty captionProperty() {
        return captionLabel.textProperty();
    }

    /**
     * Lays the events out evenly spaced, unless the choice was made by hand: a story a button rewinds
     * to ("Show how it stalled") is told within a millisecond, and reads event by event.
     */
    public void spaceEvenlyUnlessChosen() {
        if (!orderChosen) {
            timeline.eventOrderProperty().set(true);
        }
    }

    /**
     * Spaces the timeline evenly while the run shown has been stepped, on the clock for a run that has
     * not, unless the check box was ever set by hand: on the clock, with the pauses between steps
     * included, a lesson's minutes of steps drew as a sliver of activity in 200 s of grey at the gate,
     * and the rewound position could not be seen. {@code stepsTaken}: the shown run's, 0 at its start.
     * At each fresh start ({@code freshStarts} goes up: Run, Reset, Reset to defaults) the same rule holds again, so a
     * story told evenly ({@link #spaceEvenlyUnlessChosen}) does not space the next run's timeline
     * with nothing on screen saying why (a teacher's next run read "every 6th event drawn").
     */
    public void evenlySpacedWhenStepped(ObservableValue<? extends Number> stepsTaken,
                                        ObservableValue<? extends Number> freshStarts) {
        stepsTaken.addListener((obs, old, now) -> {
            if (!orderChosen) {
                timeline.eventOrderProperty().set(now.longValue() > 0);
            }
        });
        freshStarts.addListener((obs, old, now) -> {
            if (!orderChosen) {
                timeline.eventOrderProperty().set(stepsTaken.getValue().longValue() > 0);
            }
        });
    }

    /** The timeline. */
    public Timeline<R> timeline() {
        return timeline;
    }

    /** Keyboard focus to the event log, where Left / Right walk the events from the position. */
    public void focusLog() {
        events.requestFocus();
    }

    /**
     * End, pressed anywhere in {@code view} while it is rewound, returns to now, as the view's words
     * say ("Now or End: back to now"): the page scrolled to its bottom instead, the view still rewound (a
     * teacher's tryout). A text field keeps its End; nothing changes while the view shows now. Left
     * and Right, pressed where no control takes them (the page itself, after a click on an empty spot
     * of it), walk the events as in the log: a learner following the guide's "step forward with
     * the Right arrow key" clicked beside the slots first, and Right did nothing.
     */
    public void rewindKeysAnywhereIn(Node view) {
        view.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isShiftDown() || e.isAltDown() || !rewind.rewoundBinding().get()) {
                return;
            }
            if (e.getCode() == KeyCode.END && !(e.getTarget() instanceof TextInputControl)) {
                rewind.toPresent();
                e.consume();
            } else if ((e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT) && !takenByAControl(e.getTarget(), view)) {
                key(e);
            }
        });
    }

    /**
     * Whether {@code target}, or a parent of it inside {@code view}, is a control that takes the arrow
     * keys itself (a slider, a field, a range's bar inside its control): a scroll pane's page does not.
     */
    private static boolean takenByAControl(Object target, Node view) {
        for (Node node = target instanceof Node n ? n : null; node != null && node != view; node = node.getParent()) {
            if (node instanceof Control && !(node instanceof ScrollPane)) {
                return true;
            }
        }
        return false;
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case LEFT -> rewind.moveBy(-1);
            case RIGHT -> rewind.stepOn();
            case PAGE_UP -> rewind.moveBy(-PAGE);
            case PAGE_DOWN -> rewind.moveOn(PAGE);
            case HOME -> rewind.moveTo(rewind.startProperty().get());
            case END -> rewind.toPresent();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** How often, at most, the log scrolls to follow a run at the present: as often as its lines slide. */
    private static final long FOLLOW_NANOS = Rewind.SLIDE_NANOS;
    /** The most lines that may come in FOLLOW_NANOS for the log to follow them: those that slide at once. */
    private static final long FOLLOW_MAX_LINES = Rewind.SLIDE_MAX_LINES;
    /** When the log last looked at following, the end then, and whether a scroll is queued. FX thread. */
    private long followedAt;
    private long followedEnd;
    private boolean followQueued;
    /** The next look, a quarter second after one put off; whether it is queued. FX thread. */
    private final PauseTransition catchUp =
            new PauseTransition(Duration.millis(FOLLOW_NANOS / 1e6));
    private boolean catchUpQueued;

    /**
     * At the present the log follows a run slow enough to read: its newest line in view, as the
     * scrubber is at its end (Pause, then select or scroll, to read back). It looks at most every
     * FOLLOW_NANOS, and scrolls (after the list has taken in its new lines) only if at most
     * FOLLOW_MAX_LINES came since it last looked, or when {@code asked} (back to the present): a
     * free run adds a hundred thousand lines a second, and scrolling the list through them took
     * each frame 50 ms. A look put off, or lines that came too fast, bring another look a quarter
     * second later, so the last lines of a burst, or of a run that has just ended, come into view.
     */
    private void follow(boolean asked) {
        long now = System.nanoTime();
        if (!asked && now - followedAt < FOLLOW_NANOS) {
            lookAgain();
            return;
        }
        long end = rewind.endProperty().get();
        boolean readable = asked || end - followedEnd <= FOLLOW_MAX_LINES;
        followedAt = now;
        followedEnd = end;
        if (!readable) {
            lookAgain();
        } else if (!followQueued) {
            followQueued = true;
            Platform.runLater(() -> {
                followQueued = false;
                if (rewind.positionProperty().get() == Rewind.PRESENT && !events.getItems().isEmpty()) {
                    events.showEnd();
                }
            });
        }
    }

    private void lookAgain() {
        if (!catchUpQueued) {
            catchUpQueued = true;
            catchUp.playFromStart();
        }
    }

    /** The slider and the list follow the position; at the present, the list shows its newest lines. */
    private void sync() {
        syncing = true;
        try {
            // A slider of no range (0 to 0 before a run) puts its thumb at NaN, which is never equal
            // to itself: every layout pass moved the thumb again and asked for another, and an idle
            // view kept the renderer busy for good. The thumb stays at the start; the scrubber is
            // disabled while nothing is recorded.
            long start = rewind.startProperty().get();
            scrubber.setMin(start);
            scrubber.setMax(Math.max(start + 1, rewind.endProperty().get()));
            long position = rewind.positionProperty().get();
            scrubber.setValue(position == Rewind.PRESENT ? rewind.endProperty().get() : position);
            if (position == Rewind.PRESENT) {
                events.getSelectionModel().clearSelection();
                follow(false);
            } else if (position > 0) {
                int line = rewind.lineOf(position - 1);
                if (line < 0) {
                    events.getSelectionModel().clearSelection(); // no line shows it: none marked
                } else if (events.getSelectionModel().getSelectedIndex() != line) {
                    events.getSelectionModel().clearAndSelect(line);
                    events.showSelected();
                }
            } else {
                events.getSelectionModel().clearSelection(); // the start: before every line
                events.scrollTo(0);
            }
        } finally {
            syncing = false;
        }
    }

    /**
     * What a log that has dropped events leaves in reach, once {@code end} events are recorded and the
     * scrubber starts at {@code start}: the first state it can rebuild (a checkpoint's) lies a little
     * after the oldest event kept, so the events in reach are counted from there, and with those
     * before it they add up to the run ("keeps the newest 1,000,000, so the 1,863,680 oldest are out
     * of reach" stood beside 2,861,429 events). Those before are named by number: "the 1,863,680 before
     * it", after "just after event 1,863,679", read as one too many (a learner's tryout).
     */
    static String droppedNote(long start, long end) {
        if (start >= end) {
            // Nothing to rebuild (History.rebuilds): "reach the last 0 of the 27,503,053" beside a
            // scrubber that would not move read as a broken scrubber (a student's tryout).
            return String.format(Locale.ROOT, "This run outran the window: its log dropped events before the window"
                    + " could copy them, so no moment of it can be rebuilt, and the scrubber stays at now. The log keeps"
                    + " the newest %,d of the %,d events, and the timeline draws them. A slower run (delays above 0 ms,"
                    + " or fewer threads) can be rewound.", EventLog.DEFAULT_CAPACITY, end);
        }
        return String.format(Locale.ROOT, "The log keeps the newest %,d events. The scrubber and the event log reach the"
                + " last %,d of the %,d, back to just after event %,d: the oldest moment they can rebuild, from a"
                + " checkpoint a little after the oldest event kept (the timeline also draws the few before it)."
                + " Events 0 to %,d (%,d of them), up to that moment, are out of reach.",
                EventLog.DEFAULT_CAPACITY, end - start, end, start - 1, start - 1, start);
    }

    /**
     * The width (px) a line of the log has before its rows wrap onto two lines, all of them: the
     * pane's (the log spans it; 0 before the first layout) less the cells' padding and the scroll bar.
     */
    public double lineRoom() {
        return getWidth() - snappedLeftInset() - snappedRightInset() - LINE_ROOM_EM * where.getFont().getSize();
    }
}
