package dev.interleave.ui.kit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javafx.application.Platform;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.History;
import dev.interleave.engine.run.Replay;
import dev.interleave.engine.run.Stopwatch;

/**
 * A run's timeline: one lane per track of its {@link EventLog} (a thread), coloured by its state as
 * the view colours it, marks on a lane for the actions that matter (with a label when there is
 * room), arrows from one lane to another (who woke whom), moments drawn across every lane (a
 * deadlock), and the rewound position as a line. It follows the run live; Ctrl+wheel, + and - zoom
 * (from the whole run down to single actions; the keys around the rewound moment), dragging pans, and
 * the pointer's event is told in a tooltip. Its axis is the clock, or the events' order
 * ({@link #eventOrderProperty}). Drawn on a canvas, only when something changed and it can be seen ({@link InSight}).
 * What the events look like is the scenario's {@link Lanes}.
 *
 * @param <R> the scenario's rebuilt state
 */
public final class Timeline<R extends Replay<R>> extends Region {

    /**
     * How a scenario's events are drawn. States are small numbers (an enum's ordinals), coloured by
     * looked-up colours of the stylesheet.
     *
     * @param <R> the scenario's rebuilt state
     */
    public interface Lanes<R> {
        /** {@link #stateAfter}'s answer for an event that leaves its track's state as it was. */
        int UNCHANGED = -2;

        /**
         * The state of event {@code i}'s track right after it, from the event alone; -1 draws nothing
         * (the thread has ended); {@link #UNCHANGED} leaves it as it was.
         */
        int stateAfter(EventLog.Batch batch, int i);

        /**
         * The state event {@code i}'s track was in for a while before it, told only once it ended (a
         * lock found held is recorded once had), from {@link #waitedFrom}; or {@link #UNCHANGED}
         * (most events: the track was in the state its previous event left it in). Read for every
         * event drawn: keep it cheap.
         */
        default int waitedBefore(EventLog.Batch batch, int i) {
            return UNCHANGED;
        }

        /**
         * When the {@link #waitedBefore} state of event {@code i} began (the log's clock); read only
         * where it has one. The timeline draws it from no earlier than its track's previous event.
         */
        default long waitedFrom(EventLog.Batch batch, int i) {
            return batch.nanos(i);
        }

        /** Lane {@code lane}'s state in {@code state}, or -1 when it has none yet. */
        int stateOf(R state, int lane);

        /** How many states there are: 0 to states() - 1. */
        int states();

        /** The looked-up colour ({@code -il-working}) of a state. */
        String colour(int state);

        /** What the legend lists, in order: each state with its words (colour is never the only cue). */
        List<Legend> legend();

        /**
         * How tall a state's bar is, as a part of the lane (1: the whole lane): two states that share
         * a colour (as the view colours them) are told apart by it.
         */
        default double height(int state) {
            return 1;
        }

        /**
         * Whether event {@code i} is a mark on its lane (an item moved, a fork taken). Read for every
         * event drawn: keep it cheap.
         */
        boolean marked(EventLog.Batch batch, int i);

        /**
         * Whether a mark ends its bar, though the state goes on: a producer's bar is one item made and
         * put, not a row of them read as one long state (a teacher read 76 ms of "producing" with four
         * puts in it as the scheduler's). Not a philosopher's: its hunger is one bar across the forks it takes.
         */
        default boolean marksEndBars() {
            return false;
        }

        /** The label of a marked event, read only for the marks drawn with labels (zoomed in). */
        String mark(EventLog.Batch batch, int i);

        /** The lane an arrow to event {@code i}'s lane comes from (drawn from that lane's latest mark), or -1. */
        default int arrowFrom(EventLog.Batch batch, int i) {
            return -1;
        }

        /**
         * The number of the event an arrow to event {@code i} comes from, where that is not its lane's
         * latest mark (a wake-up told when the woken thread is back, its waker gone on meanwhile), or -1.
         */
        default long arrowFromEvent(EventLog.Batch batch, int i) {
            return -1;
        }

        /** Whether the arrow to event {@code i} is a guess (drawn dashed): who woke whom is not known. */
        default boolean arrowGuessed(EventLog.Batch batch, int i) {
            return false;
        }

        /** The label of a moment drawn across every lane, at any zoom (a deadlock), or null. */
        default String moment(EventLog.Batch batch, int i) {
            return null;
        }

        /** An event's words restyled for the tooltip. */
        default String style(String words) {
            return words;
        }

        /** A state in words, for the tooltip of a bar pointed at between events: its legend's words. */
        default String words(int state) {
            return legend().stream().filter(line -> line.state() == state).map(Legend::words).findFirst()
                    .orElse("state " + state);
        }

        /** Whether a bar of {@code state} says what other lanes did meanwhile ({@link #meanwhileWords}). */
        default boolean countsMeanwhile(int state) {
            return false;
        }

        /**
         * Whether event {@code i}, another lane's, counts as what happened while a bar of {@code state}
         * lasted (a put under the lock the bar's thread waited for). Read for the events under a bar
         * the pointer is on, at most {@link Timeline#MEANWHILE_MAX}.
         */
        default boolean countedMeanwhile(int state, EventLog.Batch batch, int i) {
            return false;
        }

        /**
         * The words for what other lanes did while a bar of {@code state} lasted: {@code byLane}, each
         * lane's name with its count, in lane order (none if nothing counted); {@code atLeast}: the
         * counts may be short (the bar is cut by the window, or too many events to read).
         */
        default String meanwhileWords(int state, Map<String, Integer> byLane, boolean atLeast) {
            return null;
        }

        /** Why a bar outlasts what its thread does, for {@link #barNote}: more threads than cores. */
        String OFF_CORE = "a thread off its core keeps its state until it is back.";

        /**
         * What a bar of {@code state} needs said beside its length, or null: a timed state (thinking,
         * eating, producing) drawn far longer than the time set is the scheduler's ({@link #OFF_CORE}).
         */
        default String barNote(int state) {
            return null;
        }
    }

    /** One line of the legend: a state's colour and its words. */
    public record Legend(int state, String words) {
    }
    /** The narrowest window: a few microseconds, single actions apart. */
    private static final long MIN_SPAN_NANOS = 2_000;
    /** Sizes at 100 % and a 13 px font; all grow with the window's text (see {@link #em}). */
    private static final double BASE_LABEL_WIDTH = 44;
    /** The widest a mark's label is drawn, at 13 px (a longer one is squeezed to fit). */
    private static final double MAX_MARK_LABEL = 60;
    private static final double BASE_AXIS_HEIGHT = 18;
    private static final double BASE_LEGEND_HEIGHT = 16;
    /** The room between two entries of the legend, in px at 13 px text. */
    private static final double LEGEND_GAP = 14;
    private static final double BASE_FONT_SIZE = 13;
    /**
     * The most events one drawing reads while the run goes on (a drawing each frame: the budget of a
     * frame); past it the clock's axis draws from the {@link LaneSummary} where it is fine enough,
     * else from every k-th event, counted from event 0.
     */
    static final long DRAWN_MAX = 200_000;
    /**
     * The most events one drawing reads while rewinding is allowed (paused, or the run ended: drawn
     * only when something changes, and a pan or zoom only once it rests); past it the clock's axis draws from the summary however coarse.
     * A learner's paused window of 12 philosophers held 1.2 million events, and read from every 6th
     * (counted from its left edge) a lane kept the state of whichever of its events the sampling hit:
     * P12 "waiting for a fork" for the whole 426 ms, and, zoomed in and out to the same range, the
     * other phase: "thinking" from 17.91 s. Not while the run goes: in the buffer's 200-lane benchmark a
     * drawing that read 1 million events took 240 to 410 ms (`--frame-stats timeline`, a loaded machine).
     */
    static final long DRAWN_MAX_STILL = 2_000_000;
    /** A window of more events than this is drawn from the {@link LaneSummary} where it is fine enough. */
    static final long SUMMARISED_FROM_EVENTS = 20_000;
    /**
     * In event order, an event's place on the axis is its number times this, in the units the zoom
     * and pan work in (nanoseconds on the clock): the narrowest window, {@link #MIN_SPAN_NANOS}, is
     * then 8 events wide.
     */
    static final long ORDER_UNIT = 250;

    private final Rewind<R> rewind;
    /** How this scenario's events look. */
    private final Lanes<R> painter;
    private final Canvas canvas = new Canvas();
    /** By state: a hidden region whose background is the state's colour. */
    private final Map<Integer, ColourProbe> probes = new HashMap<>();
    /** The looked-up colour of the moments' lines: red, apart from every state's colour in both themes. */
    public static final String MOMENT_COLOUR = "-il-moment";
    private final ColourProbe momentInk = probe(MOMENT_COLOUR);
    private final ColourProbe ink = probe("-color-fg-default");
    private final ColourProbe paper = probe("-color-bg-default");
    private final ColourProbe subtle = probe("-color-fg-subtle");
    private final ColourProbe grid = probe("-color-border-default");
    /** What the timeline says while it has no event to draw. */
    private final StringProperty emptyText = new SimpleStringProperty(
            this, "emptyText", "The timeline fills as the run goes: press Run or Step.");
    /** A hidden label: its font is the window's text size (the root's, with the zoom). */
    private final FontProbe fontProbe = new FontProbe(() -> {
        requestLayout();
        redraw();
    });
    private final Tooltip tooltip = new Tooltip();
    /** Measures a mark's label in the canvas's font. */
    private final Text measure = new Text();
    /** How many marks the last redraw labelled. For tests. */
    private int marksLabelled;
    /** Where the last redraw drew its last moment's label: its left and right x. For tests. */
    private double[] momentLabelDrawn = new double[0];
    /** Where the last drawing drew its last moment's line, its halo included: left and right x. For tests. */
    private double[] momentLineDrawn = new double[0];
    /** The axis's words as the last drawing wrote them. For tests. */
    private String axisWords = "";
    /** Where the last drawing drew the rewound position's line, or NaN. For tests. */
    private double positionDrawnAt = Double.NaN;
    /** The foot of the legend's last row as the last drawing drew it (y). For tests. */
    private double legendDrawnTo = Double.NaN;
    /**
     * Where the pointer is over the timeline, or NaN when it is not: a zoom, a pan, a drawing while
     * the tooltip shows, and the tooltip's showing tell it again (a zoom under a still pointer kept
     * the old window's "to past 873.5 ms"). FX thread.
     */
    private double pointerX = Double.NaN;
    private double pointerY;
    /** The pauses the last drawing drew, for the tooltip. */
    private List<PauseBar> pausesDrawn = List.of();
    /** The state bars of the last drawing wide enough to point at ({@link #WIDE_BAR_PX}), for the tooltip. */
    private List<StateBar> barsDrawn = List.of();
    /** The wake-up arrows the last drawing drew. For tests. */
    private List<Arrow> arrowsDrawn = List.of();
    /** Whether the last drawing was from the lane summary. */
    private boolean drewFromSummary;

    /** Width of the window shown, in ns; 0 = the whole run. */
    private long spanNanos;
    /**
     * Whether a drawing is owed: the history, size or zoom changed while the timeline was out of
     * sight, or its colours changed; drawn after the frame's layout once it can be seen.
     */
    private boolean stale;
    /** The window's right edge (ns, the log's clock) when not following the run. */
    private long rightNanos;
    /** Whether the window's right edge follows the newest event. */
    private boolean follow = true;
    /**
     * Whether a pan or a zoom is going on: its drawings read at most {@link #DRAWN_MAX} events, as a
     * running run's, and a drawing with the whole budget comes once it has rested (a review): a drag
     * over a paused window of a million events would read every event at each move, and a drawing
     * that read a million took 240 to 410 ms in the buffer's 200-lane benchmark.
     */
    private boolean moving;
    private final PauseTransition rested = new PauseTransition(Duration.millis(200));
    /** Whether the axis is the events' order (each as wide as the next) rather than the clock. */
    private final BooleanProperty eventOrder = new SimpleBooleanProperty(this, "eventOrder", false);
    /** The history the zoom and pan belong to. */
    private History<R> drawnHistory;
    /** The lanes the latest height asked for was for: the view asks again when they change. FX thread. */
    private int lanesMeasured = -1;
    /** The legend's rows the latest height asked for: a new width that wraps it otherwise asks again. FX thread. */
    private int legendRowsMeasured = -1;
    private double dragX = Double.NaN;
    private long dragRight;
    /** The lanes' states by slices of time, for windows of many events. */
    private LaneSummary<R> summary;
    /** What the last drawing showed, for the tooltip: its window. */
    private long shownLeft;
    private long shownRight;

    /** A timeline of {@code rewind}'s history, drawn as {@code lanes} says. */
    public Timeline(Rewind<R> rewind, Lanes<R> lanes) {
        this.rewind = Objects.requireNonNull(rewind);
        this.painter = Objects.requireNonNull(lanes);
        setId("timeline");
        getStyleClass().add("timeline");
        setFocusTraversable(true);
        for (int state = 0; state < lanes.states(); state++) {
            probeOf(state);
        }
        getChildren().add(canvas);
        getChildren().add(fontProbe);
        setMinHeight(120);
        rewind.versionProperty().addListener((obs, old, now) -> {
            if (rewind.history() != drawnHistory) {
                // A new run (or none): its whole run, following it. A zoom kept from the last run
                // opened the next one at a few microseconds on the old run's clock, and it looked empty.
                drawnHistory = rewind.history();
                summary = null; // the last run's, and its history with it
                spanNanos = 0;
                follow = true;
            }
            if (lanes() != lanesMeasured) {
                // Lanes came (a run's workers start after its first frame): the parent asks for the
                // new height at the next pulse (with 12 philosophers, the last three lanes were cut off).
                requestLayout();
            }
            redraw();
        });
        // Resume, End or "Now": the window follows the run again, as wide as it was zoomed (panned
        // back while paused, it stayed on the past while the run went on out of sight).
        rewind.allowedProperty().addListener((obs, old, now) -> {
            if (!now) {
                followAgain();
            }
        });
        rewind.positionProperty().addListener((obs, old, now) -> {
            if (now.longValue() == Rewind.PRESENT) {
                followAgain();
            } else if (bringIntoSight(now.longValue())) {
                redraw();
            }
        });
        emptyText.addListener((obs, old, now) -> redraw());
        // Another axis: the whole run again, following it (a window on the clock is no window in order).
        eventOrder.addListener((obs, old, now) -> {
            spanNanos = 0;
            follow = true;
            redraw();
        });
        InSight.drawWhenSeen(this, () -> stale, this::draw);
        setOnScroll(this::zoom);
        setOnMousePressed(e -> {
            requestFocus();
            dragX = e.getX();
            dragRight = right();
            // Consumed, or the scroll pane around the view takes the focus in its turn, and + and -
            // after a click on the timeline zoomed nothing (they worked only once reached by Tab).
            e.consume();
        });
        setOnMouseDragged(this::pan);
        rested.setOnFinished(e -> {
            moving = false;
            draw();
        });
        setOnMouseReleased(e -> dragX = Double.NaN);
        setOnMouseMoved(this::explain);
        setOnMouseExited(e -> pointerX = Double.NaN);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.ADD || e.getCode() == KeyCode.EQUALS) {
                zoomBy(0.5, zoomAnchorX());
                retell();
                e.consume();
            } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
                zoomBy(2, zoomAnchorX());
                retell();
                e.consume();
            }
        });
        tooltip.setShowDelay(Duration.millis(100));
        // Told as it shows, from the drawing then: a live window may have moved since the pointer did.
        tooltip.setOnShowing(e -> retell());
        tooltip.setWrapText(true); // a long bar's note: lines, not one line off the screen's edge
        tooltip.maxWidthProperty().bind(Bindings.createDoubleBinding(() -> 40 * tooltip.getFont().getSize(),
                tooltip.fontProperty())); // 40 em: it follows the zoom
        Tooltip.install(this, tooltip);
    }

    /** A probe of a looked-up colour: the canvas is drawn again when a theme switch changes it. */
    private ColourProbe probe(String lookedUp) {
        ColourProbe probe = new ColourProbe(lookedUp, () -> stale = true);
        getChildren().add(probe);
        return probe;
    }

    /**
     * The canvas takes the timeline's new size, and is drawn again at it: drawn when the width changed
     * (before this layout), a run that had ended stayed at its old width in a window made larger, its
     * end and the deadlock's line cut off, until the next zoom (a teacher's tryout).
     */
    @Override
    protected void layoutChildren() {
        if (legendRows(getWidth()) != legendRowsMeasured) {
            // Narrower (a zoom, a smaller window): the legend wraps onto more rows than the height
            // asked for, and at 150 % its last entries were drawn below the canvas. Asked again
            // after this pass, as for new lanes.
            legendRowsMeasured = legendRows(getWidth());
            Platform.runLater(this::requestLayout);
        }
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw();
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        int lanes = lanes();
        lanesMeasured = lanes;
        // The rows at the width laid out, whatever width is asked about: a height asked for at another
        // width would differ from the one layoutChildren checks, and ask again at every pulse.
        legendRowsMeasured = legendRows(getWidth());
        // A row for the moments' labels, then the legend's rows: two at least, the room a legend of a
        // few entries had before the rows were counted, so that short legends keep their place.
        return axisHeight() + lanes * laneHeight(lanes) + 8 + (1 + Math.max(2, legendRowsMeasured)) * legendHeight();
    }

    /** How many rows the legend takes in {@code width}: as {@link #legend} wraps it; 1 before any width. */
    private int legendRows(double width) {
        double x = labelWidth();
        int rows = 1;
        for (Legend entry : painter.legend()) {
            double entryWidth = legendEntryWidth(entry.words());
            if (x > labelWidth() && x + entryWidth > width) {
                x = labelWidth();
                rows++;
            }
            x += entryWidth + LEGEND_GAP * em();
        }
        return width > 0 ? rows : 1;
    }

    /** An entry of the legend: its colour's swatch and its words, as wide as {@link #legend} draws it. */
    private double legendEntryWidth(String words) {
        return (18 + words.length() * 6.2) * em();
    }

    /** The lanes the height is for: the history's tracks, at least 1; 6 before any run. */
    private int lanes() {
        History<R> history = rewind.history();
        return history == null ? 6 : Math.max(1, history.log().tracks().size());
    }

    /**
     * 18 px a lane (at 13 px text) up to 24 lanes; 14 up to 48, still high enough for a put's or a
     * take's label in a smaller font ({@link #laneFont}); 10 past that, so that 200 lanes stay a page high.
     */
    private double laneHeight(int lanes) {
        return (lanes > 48 ? 10 : lanes > 24 ? 14 : 18) * em();
    }

    /** The lane names' and mark labels' font: 11 px (at 13 px text), smaller in lanes too low for it. */
    private Font laneFont(double laneH) {
        return Font.font(Math.clamp(laneH / em() - 4, 8, 11) * em());
    }

    /**
     * The window's text size against 13 px: the lanes, labels and legend grow with it (a larger
     * window, or the zoom), so the timeline stays as readable as the text around it.
     */
    private double em() {
        return fontProbe.getFont().getSize() / BASE_FONT_SIZE;
    }

    private double labelWidth() {
        return BASE_LABEL_WIDTH * em();
    }

    private double axisHeight() {
        return BASE_AXIS_HEIGHT * em();
    }

    private double legendHeight() {
        return BASE_LEGEND_HEIGHT * em();
    }

    /** Where the last drawing drew the rewound position's line (x), or NaN. For tests. */
    double positionDrawnAt() {
        return positionDrawnAt;
    }

    /** The foot of the legend's last row as the last drawing drew it (y), or NaN. For tests. */
    double legendDrawnTo() {
        return legendDrawnTo;
    }

    /** How many marks the last redraw labelled. For tests. */
    int marksLabelled() {
        return marksLabelled;
    }

    /** The axis's words as last drawn ("events 0 .. 516 in order, evenly spaced"); for tests. */
    String axisWordsDrawn() {
        return axisWords;
    }

    /** Where the last redraw drew its last moment's line, its halo included, left and right x; empty if none. For tests. */
    double[] momentLineDrawn() {
        return momentLineDrawn.clone();
    }

    /** Where the last redraw drew its last moment's label, left and right x; empty if none. For tests. */
    double[] momentLabelDrawn() {
        return momentLabelDrawn.clone();
    }

    private void followAgain() {
        if (!follow) {
            follow = true;
            redraw();
        }
    }

    /** Whether the window's right edge follows the newest event. For tests. */
    boolean following() {
        return follow;
    }

    /** The width of the window shown, in ns; 0 while it shows the whole run. For tests. */
    long spanNanos() {
        return spanNanos;
    }

    /** The window's right edge now. */
    private long right() {
        History<R> history = rewind.history();
        if (history == null) {
            return 0;
        }
        return follow ? newestPlace(history) : rightNanos;
    }

    /**
     * Whether the axis is the events' order, each event as wide as the next, rather than the clock:
     * a story told within a millisecond (a bug with no delays), or steps taken seconds apart, reads
     * event by event. Switching shows the whole run again. A window of more than {@link #DRAWN_MAX}
     * events is drawn from every k-th, as the axis says (on the clock a summary stands in).
     */
    public BooleanProperty eventOrderProperty() {
        return eventOrder;
    }

    /** Event {@code seq}'s place on the axis (the nearest kept event's): its time, or in event order its number. */
    private long placeOf(History<R> history, long seq) {
        if (eventOrder.get()) {
            return Math.max(history.firstKept(), Math.min(seq, history.end() - 1)) * ORDER_UNIT;
        }
        return history.nanosOf(seq);
    }

    /**
     * The axis's end: the newest event's place, and in event order one event further, where the
     * state after the newest event shows (it had no width: a step just taken, "P1 parked at the
     * gate", left P1's lane green, producing, to its end).
     */
    private long newestPlace(History<R> history) {
        return placeOf(history, history.end() - 1) + (eventOrder.get() ? ORDER_UNIT : 0);
    }

    /** Event {@code i} of {@code batch}'s place on the axis. */
    private long placeOf(EventLog.Batch batch, int i) {
        return eventOrder.get() ? batch.seq(i) * ORDER_UNIT : batch.nanos(i);
    }

    /** The first kept event at or after {@code place} on the axis ({@code history.end()} if none). */
    private long firstAtOrAfter(History<R> history, long place) {
        if (eventOrder.get()) {
            long seq = Math.floorDiv(place + ORDER_UNIT - 1, ORDER_UNIT);
            return Math.max(history.firstKept(), Math.min(history.end(), seq));
        }
        return history.firstAtOrAfter(place);
    }

    private long span(History<R> history) {
        long whole = Math.max(MIN_SPAN_NANOS, newestPlace(history) - placeOf(history, history.firstKept()));
        return spanNanos <= 0 ? whole : Math.min(spanNanos, whole);
    }

    /** Ctrl+wheel zooms; the wheel alone is left to the page the timeline is in, which scrolls. */
    private void zoom(ScrollEvent e) {
        if (e.getDeltaY() != 0 && e.isControlDown()) {
            zoomBy(e.getDeltaY() > 0 ? 0.7 : 1 / 0.7, e.getX());
            retell();
            e.consume();
        }
    }

    /**
     * Where + and - zoom around: the rewound moment, else the right edge (the newest events). A
     * rewound moment out of the window is first brought to its middle: this pans.
     */
    private double zoomAnchorX() {
        History<R> history = rewind.history();
        long position = rewind.positionProperty().get();
        if (history == null || position == Rewind.PRESENT) {
            return getWidth();
        }
        bringIntoSight(position);
        long place = placeOf(history, Math.max(history.firstKept(), position - 1)); // the start: its first event
        long span = span(history);
        double width = Math.max(1, getWidth() - labelWidth());
        return labelWidth() + (double) (place - (right() - span)) / span * width;
    }

    /**
     * Pans a zoomed window that does not show rewound {@code position} so that it stands in its middle;
     * returns whether it panned. Zoomed in on the newest events, the scrubber moved the moment far
     * back, and the timeline stayed where it was, its moment out of sight (a learner's tryout).
     */
    private boolean bringIntoSight(long position) {
        History<R> history = rewind.history();
        // The run's start too (Home: before its first event): zoomed in on the newest events, it stayed there.
        if (history == null || position < 0 || history.end() == 0) {
            return false;
        }
        long place = placeOf(history, Math.max(history.firstKept(), Math.min(history.end(), position) - 1));
        long span = span(history);
        if (place >= right() - span && place <= right()) {
            return false;
        }
        rightNanos = place + span / 2;
        follow = rightNanos >= newestPlace(history);
        return true;
    }

    /**
     * Shows events {@code fromSeq} to {@code toSeq} (the kept ones), with a tenth of their width
     * either side: the story a button rewinds to ("Show how it stalled") in sight. The timeline kept
     * the whole run, its cursor at 4 ms of 571, the story squashed into a few pixels.
     */
    public void show(long fromSeq, long toSeq) {
        History<R> history = rewind.history();
        if (history == null || history.end() == 0) {
            return;
        }
        long from = placeOf(history, Math.max(history.firstKept(), fromSeq));
        long to = placeOf(history, Math.max(history.firstKept(), Math.min(history.end() - 1, toSeq)));
        long margin = Math.max((to - from) / 10, eventOrder.get() ? ORDER_UNIT : MIN_SPAN_NANOS / 2);
        spanNanos = Math.max(MIN_SPAN_NANOS, to - from + 2 * margin);
        rightNanos = to + margin;
        follow = rightNanos >= newestPlace(history);
        draw();
    }

    /** Multiplies the window's width by {@code factor}, keeping the time under {@code x} in place. */
    public void zoomBy(double factor, double x) {
        History<R> history = rewind.history();
        if (history == null) {
            return;
        }
        long span = span(history);
        long right = right();
        double width = Math.max(1, getWidth() - labelWidth());
        double fraction = Math.max(0, Math.min(1, (x - labelWidth()) / width));
        long at = right - (long) ((1 - fraction) * span);
        long newSpan = Math.max(MIN_SPAN_NANOS, (long) (span * factor));
        rightNanos = at + (long) ((1 - fraction) * newSpan);
        spanNanos = newSpan;
        follow = rightNanos >= newestPlace(history);
        moved();
    }

    /** Draws a window a pan or zoom moved: within a running run's budget until the gesture rests. */
    private void moved() {
        moving = true;
        rested.playFromStart();
        draw();
    }

    private void pan(MouseEvent e) {
        History<R> history = rewind.history();
        if (history == null || Double.isNaN(dragX)) {
            return;
        }
        long span = span(history);
        double width = Math.max(1, getWidth() - labelWidth());
        rightNanos = dragRight - (long) ((e.getX() - dragX) / width * span);
        follow = rightNanos >= newestPlace(history);
        pointerX = e.getX();
        pointerY = e.getY();
        moved();
        retell();
    }

    /** The event nearest the pointer on its lane, in words; kept for the next drawing. */
    private void explain(MouseEvent e) {
        pointerX = e.getX();
        pointerY = e.getY();
        tooltip.setText(pointerWords(pointerX, pointerY));
    }

    /**
     * What the tooltip says with the pointer at ({@code x}, {@code y}): the pause bar under it, the
     * event nearest it on its lane, or else the state bar under it.
     */
    String pointerWords(double x, double y) {
        History<R> history = rewind.history();
        if (history == null || history.end() == 0 || x < labelWidth()) {
            return "Ctrl+wheel, + and -: zoom; drag: pan";
        }
        int lanes = history.log().tracks().size();
        double barY = pauseBarY(lanes * laneHeight(lanes));
        if (y >= barY && y <= barY + legendHeight() - 2 * em()) {
            for (PauseBar bar : pausesDrawn) {
                if (x >= bar.x0() - 2 && x <= bar.x1() + 2) {
                    return pauseWords(history, bar.pause());
                }
            }
        }
        int lane = (int) Math.floor((y - axisHeight()) / laneHeight(lanes));
        double width = Math.max(1, getWidth() - labelWidth());
        long at = shownLeft + (long) ((x - labelWidth()) / width * (shownRight - shownLeft));
        long slack = (long) (POINTER_SLACK_PX / width * (shownRight - shownLeft));
        long from = firstAtOrAfter(history, at - slack);
        long to = Math.min(history.end(), firstAtOrAfter(history, at + slack + 1));
        long best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (long seq = from; seq < to && seq < from + 10_000; seq++) {
            EventLog.Batch batch = history.batchOf(seq);
            int i = (int) (seq - batch.firstSeq());
            boolean onLane = batch.track(i) == lane || this.painter.arrowFrom(batch, i) == lane;
            long distance = Math.abs(placeOf(batch, i) - at);
            if (onLane && distance < bestDistance) {
                best = seq;
                bestDistance = distance;
            }
        }
        if (best < 0 && lane >= 0 && lane < lanes) {
            // Between events, a long bar says what it is and how long it lasted: a learner saw a
            // philosopher eat for 0.7 s with eat set to 1..5 ms, and the pointer said only "No event here".
            for (StateBar bar : barsDrawn) {
                if (bar.lane() == lane && x >= bar.x0() && x <= bar.x1()) {
                    return barWords(history, bar, width);
                }
            }
        }
        return best < 0 ? "No event here (Ctrl+wheel, + and -: zoom; drag: pan)"
                : String.format(Locale.ROOT, "Event %,d at %s: %s", best,
                instant(history.nanosOf(best) - history.log().originNanos(), 1), // one event: to the µs
                this.painter.style(history.words(best)));
    }

    /** The y of lane {@code lane}'s middle in the last drawing's layout; for tests. */
    double laneMiddleY(int lane) {
        History<R> history = rewind.history();
        int lanes = history == null ? 1 : history.log().tracks().size();
        return axisHeight() + (lane + 0.5) * laneHeight(lanes);
    }

    /**
     * A bar in words, for its tooltip: whose, which state, from when to when and how long. A bar cut
     * by the window's edge says so ("from before 7.51 s", "at least 40.0 ms"): the part shown is not
     * the state's length. The scheduler's note only on the clock's axis, where lengths are times.
     */
    private String barWords(History<R> history, StateBar bar, double width) {
        long from = shownLeft + (long) ((bar.x0() - labelWidth()) / width * (shownRight - shownLeft));
        long to = shownLeft + (long) ((bar.x1() - labelWidth()) / width * (shownRight - shownLeft));
        String who = history.log().tracks().get(bar.lane()) + " " + painter.words(bar.state());
        if (eventOrder.get()) {
            // A bar runs from the event that began it to the next of its lane: "from event 1,983 to
            // 1,984" (rounded to events: it read "across events 1,983 to 1,983", a pixel short). A
            // lane's last bar holds its state since, to the latest event and the step after it.
            long first = Math.max(0, Math.round((double) from / ORDER_UNIT));
            if (bar.latest()) {
                long newest = history.end() - 1;
                return String.format(Locale.ROOT, "%s since %sevent %,d", who, bar.fromBefore() ? "before " : "", first)
                        + (first == newest ? ", the latest" : String.format(Locale.ROOT, " (the latest is %,d)", newest));
            }
            return String.format(Locale.ROOT, "%s from %sevent %,d to %s%,d", who, bar.fromBefore() ? "before " : "",
                    first, bar.toAfter() ? "past " : "", Math.round((double) to / ORDER_UNIT));
        }
        long origin = history.log().originNanos();
        String[] ends = range(from - origin, to - origin, to - from).split(" \\.\\. ");
        String start = (bar.fromBefore() ? "from before " : "from ") + ends[0];
        String end = bar.toAfter() ? " to past " + ends[1] : " to " + ends[1] + (bar.latest() ? ", the latest event" : "");
        boolean open = bar.fromBefore() || bar.toAfter() || bar.latest();
        // The clock's lengths hold the run's pauses: "waiting for a fork from 7.89 s to 13.88 s (6.0 s)"
        // over a 5.8 s pause read as a 6 s wait in the run (a learner's tryout).
        long paused = pausedWithin(history, from, to);
        String when = start + end + " (" + (open ? "at least " : "") + duration(to - from)
                + (paused > 0 ? ", " + duration(paused) + " of it paused" : "") + ")";
        String note = painter.barNote(bar.state());
        String meanwhile = meanwhile(history, bar, from, to);
        return who + " " + when + (meanwhile == null ? "" : ". " + meanwhile) + (note == null ? "" : ". " + note);
    }

    /** How long the run was paused between {@code from} and {@code to}, on the log's clock. */
    private static long pausedWithin(History<?> history, long from, long to) {
        long paused = 0;
        for (Stopwatch.Pause pause : history.log().pauses()) {
            long end = pause.goesOn() ? to : Math.min(to, pause.toNanos());
            paused += Math.max(0, end - Math.max(from, pause.fromNanos()));
        }
        return paused;
    }

    /** The most events a bar's words read for what other lanes did meanwhile. */
    static final int MEANWHILE_MAX = 10_000;

    /**
     * What the other lanes did while {@code bar} lasted (from {@code from} to {@code to} on the
     * axis), as its lanes count it ({@link Lanes#countedMeanwhile}), in their words; null for a
     * state that counts nothing.
     */
    private String meanwhile(History<R> history, StateBar bar, long from, long to) {
        if (!painter.countsMeanwhile(bar.state())) {
            return null;
        }
        Map<Integer, Integer> byLane = new TreeMap<>();
        long end = Math.min(history.end(), firstAtOrAfter(history, to));
        long seq = firstAtOrAfter(history, from);
        long read = 0;
        for (; seq < end && read < MEANWHILE_MAX; seq++, read++) {
            EventLog.Batch batch = history.batchOf(seq);
            if (batch == null) {
                continue;
            }
            int i = (int) (seq - batch.firstSeq());
            if (batch.track(i) != bar.lane() && painter.countedMeanwhile(bar.state(), batch, i)) {
                byLane.merge(batch.track(i), 1, Integer::sum);
            }
        }
        Map<String, Integer> named = new LinkedHashMap<>();
        byLane.forEach((lane, count) -> named.put(history.log().tracks().get(lane), count));
        return painter.meanwhileWords(bar.state(), named, seq < end || bar.fromBefore() || bar.toAfter());
    }

    /** A pause in words, for its tooltip: when, how long, and what happened in it. */
    static String pauseWords(History<?> history, Stopwatch.Pause pause) {
        long origin = history.log().originNanos();
        long steps = (pause.goesOn() ? history.end() : history.firstAtOrAfter(pause.toNanos()))
                - history.firstAtOrAfter(pause.fromNanos());
        String during = steps == 0 ? "no event during it" : String.format(Locale.ROOT,
                "%,d %s recorded during it", steps, steps == 1 ? "event" : "events");
        return pause.goesOn()
                ? String.format(Locale.ROOT, "Paused since %s: the run's clock stopped, its threads held till Resume"
                        + " or a Step; %s so far.", instant(pause.fromNanos() - origin, 1_000_000_000), during)
                // To the decimals the pause's own length needs: "3.06 s to 9.21 s", not "3.06212 s to 9.20996 s".
                // Its length in brackets: "from 0 ms to 43.1 s, 43.1 s" read as a third moment (a learner's tryout).
                : String.format(Locale.ROOT, "Paused from %s to %s (%s): the run's clock stopped, its threads held till"
                        + " Resume or a Step; %s.", instant(pause.fromNanos() - origin, pause.toNanos() - pause.fromNanos()),
                        instant(pause.toNanos() - origin, pause.toNanos() - pause.fromNanos()),
                        duration(pause.toNanos() - pause.fromNanos()), during);
    }

    /**
     * A moment {@code nanos} after Run, to as many decimals as a window {@code spanNanos} wide needs to
     * tell its two ends apart, and a couple more: in milliseconds under a second ("4.877 ms"), else in
     * seconds ("60.4 s" in a whole run, "1.000020 s" zoomed to microseconds).
     */
    static String instant(long nanos, long spanNanos) {
        return inMillis(nanos) ? millis(nanos, spanNanos) : inSeconds(nanos, spanNanos);
    }

    /**
     * A window's two ends, in one unit: milliseconds while both are under a second ("0.27 ms .. 4.25
     * ms", beside "(4.0 ms wide)"), else seconds at both ("0.950 s .. 1.050 s").
     */
    static String range(long fromNanos, long toNanos, long spanNanos) {
        return inMillis(toNanos)
                ? millis(fromNanos, spanNanos) + " .. " + millis(toNanos, spanNanos)
                : inSeconds(fromNanos, spanNanos) + " .. " + inSeconds(toNanos, spanNanos);
    }

    /** Whether a moment {@code nanos} after Run is given in milliseconds: within the first second. */
    private static boolean inMillis(long nanos) {
        return nanos < 1_000_000_000L;
    }

    private static String millis(long nanos, long spanNanos) {
        int decimals = (int) Math.clamp(Math.ceil(-Math.log10(Math.max(1, spanNanos) / 1e6)) + 2, 0, 3);
        return String.format(Locale.ROOT, "%." + decimals + "f ms", nanos / 1e6);
    }

    private static String inSeconds(long nanos, long spanNanos) {
        int decimals = (int) Math.max(1, Math.min(6, Math.ceil(-Math.log10(Math.max(1, spanNanos) / 1e9)) + 2));
        return String.format(Locale.ROOT, "%." + decimals + "f s", nanos / 1e9);
    }

    /** What the timeline says while it has no event to draw (a run that records none says why). */
    public StringProperty emptyTextProperty() {
        return emptyText;
    }

    /**
     * Draws now if the timeline can be seen; if not, only keeps its summary up with the history (a
     * frame's new events, so that coming into sight costs no more than a frame) and draws in the
     * frame it comes into sight.
     */
    private void redraw() {
        if (InSight.inSight(this)) {
            draw();
            return;
        }
        stale = true;
        History<R> history = rewind.history();
        if (history != null) {
            summary(history);
        }
    }

    /**
     * Draws the lanes of the window now shown. The timeline redraws by itself at every change of its
     * history, size or zoom while it can be seen; calling this is for measuring. A tooltip showing is
     * told again from the new drawing: a live window moves the bars under a still pointer.
     */
    public void draw() {
        drawLanes();
        if (tooltip.isShowing()) { // not at every frame else: the words read up to 10,000 events
            retell();
        }
    }

    /** The tooltip told again for the pointer where it is, if it is over the timeline. */
    private void retell() {
        if (!Double.isNaN(pointerX)) {
            tooltip.setText(pointerWords(pointerX, pointerY));
        }
    }

    private void drawLanes() {
        stale = false;
        double w = getWidth();
        double h = getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        History<R> history = rewind.history();
        positionDrawnAt = Double.NaN;
        pausesDrawn = List.of(); // none answers the pointer until drawn again
        barsDrawn = List.of();
        arrowsDrawn = List.of();
        Paint inkPaint = ink.paint(Color.BLACK);
        g.setFont(Font.font(11 * em()));
        g.setTextBaseline(VPos.CENTER);
        if (history == null || history.end() == history.firstKept()) {
            g.setFill(subtle.paint(Color.GRAY));
            g.fillText(emptyText.get(), labelWidth(), axisHeight() + 10);
            return;
        }
        List<String> names = history.log().tracks();
        int lanes = names.size();
        double laneH = laneHeight(lanes);
        double width = Math.max(1, w - labelWidth());
        long span = span(history);
        long right = right();
        long left = right - span;
        shownLeft = left;
        shownRight = right;
        double scale = width / span;

        // Lane names and grid.
        Font textFont = g.getFont();
        g.setFont(laneFont(laneH));
        g.setFill(inkPaint);
        g.setTextAlign(TextAlignment.LEFT);
        for (int lane = 0; lane < lanes; lane++) {
            g.fillText(names.get(lane), 4, axisHeight() + lane * laneH + laneH / 2);
        }
        g.setFont(textFont);

        // States: each lane's state from the window's first event on, drawn as runs of colour.
        long first = firstAtOrAfter(history, left);
        long last = firstAtOrAfter(history, right + 1);
        int[] state = new int[lanes];
        double[] since = new double[lanes];
        Arrays.fill(since, labelWidth());
        List<Arrow> arrows = new ArrayList<>();
        List<double[]> marks = new ArrayList<>();
        List<Double> momentX = new ArrayList<>();
        List<String> momentLabels = new ArrayList<>();
        double[] movedX = new double[lanes];
        double[] eventX = new double[lanes]; // each lane's latest event drawn: a wait told later began no earlier
        boolean endsBars = this.painter.marksEndBars();
        Arrays.fill(eventX, Double.NEGATIVE_INFINITY);
        boolean detailed = last - first < 4_000;
        // Wake-up arrows only when the window holds at most one event per 3 px (on average: a burst
        // may still crowd): the whole of a free run's first seconds was a wall of black arrows (a
        // learner); zoomed in, they come.
        boolean arrowsApart = detailed && (last - first) * 3 <= width;
        LaneSummary<R> summary = summary(history); // kept up at every drawing: a frame's new events
        boolean summaryReady = !eventOrder.get() && summary.upToDate() && summary.laneCount() >= lanes;
        boolean fineSummary = summary.sliceNanos() <= span / width;
        long budget = rewind.allowedProperty().get() && !moving ? DRAWN_MAX_STILL : DRAWN_MAX;
        // Many events: from the summary where its slices are no wider than a pixel; else every event is
        // read, up to the budget, and past it (paused) the summary stands in all the same, each lane by
        // its own events' latest state in a slice a few pixels wide: coarser, never another lane's phase.
        boolean summarised = summaryReady && last - first > SUMMARISED_FROM_EVENTS
                && (fineSummary || last - first > DRAWN_MAX_STILL
                || last - first > budget && summary.sliceNanos() <= 4 * span / width);
        // Where no summary stands in (in event order; on the clock, after the log dropped events the
        // history never copied, or a run going on), a window of more events than the budget is drawn
        // from every k-th, and a state shorter than k events can be missed. The axis says so; paused or
        // zoomed in, every event is drawn.
        long stride = summarised ? 1 : Math.max(1, (last - first + budget - 1) / budget);
        String sampled = stride > 1
                ? String.format(Locale.ROOT, "   (every %,d%s event drawn: zoom in for each)", stride, ordinal(stride))
                : summarised && !fineSummary
                ? String.format(Locale.ROOT, "   (states by %s slices: zoom in for each event)",
                        duration(summary.sliceNanos())) : "";
        g.setFill(subtle.paint(Color.GRAY));
        // The clock of the log: pauses included (a paused run's lanes show them, at the gate), where
        // the plots leave them out; the axis says so, as the plots do.
        axisWords = eventOrder.get()
                // No "(50 events wide)" beside "events 0 .. 50", which are 51 (a tryout read it against the
                // scrubber's "now (51 events)"): the range says how many. The last is the last event placed
                // before the right edge: following a run, the axis ends one event past the newest (see
                // newestPlace), and "events 0 .. 517" stood beside "now (517 events)", the newest 516.
                // A window on part of the run says of how many: "events 0 .. 14" stood beside the
                // scrubber's "after event 12 (17 recorded)" (a teacher's tryout).
                ? String.format(Locale.ROOT, "events %,d .. %,d%s in order, evenly spaced%s",
                        Math.max(0, left / ORDER_UNIT), Math.max(0, Math.floorDiv(right - 1, ORDER_UNIT)),
                        left / ORDER_UNIT > history.firstKept() || Math.floorDiv(right - 1, ORDER_UNIT) < history.end() - 1
                                ? String.format(Locale.ROOT, " of %,d", history.end()) : "", sampled)
                : String.format(Locale.ROOT, "%s since Run, pauses included   (%s wide)%s",
                        range(left - history.log().originNanos(), right - history.log().originNanos(), span),
                        duration(span), sampled);
        g.fillText(axisWords, labelWidth(), axisHeight() / 2);
        Bars bars = new Bars(g, laneH, lanes);
        // A bar at the left edge began before it: the window begins after the oldest event kept, or
        // the log has dropped older ones (a state shown from the oldest kept began before it, unseen).
        bars.cutsLeft = placeOf(history, history.firstKept()) < left || history.firstKept() > 0;
        // Every k-th counted from event 0, not from the window's first: the same range draws the same
        // events whatever zoom path led to it.
        long seq = first + Math.floorMod(-first, stride);
        double left0 = labelWidth();
        if (summarised) {
            // Many events, slices no wider than a pixel (or, past the budget, as wide as they are):
            // drawn from the summary, as the events would be.
            fromSummary(summary, left, right, scale, bars, state, since, momentX, momentLabels);
            seq = last;
            drewFromSummary = true;
        } else {
            drewFromSummary = false;
            long startAt = Math.max(history.start(), Math.min(first, history.end()));
            R before = history.rebuilds() && startAt <= history.end() && startAt >= history.start()
                    ? history.stateAt(startAt) : null;
            for (int lane = 0; lane < lanes; lane++) {
                state[lane] = before != null ? this.painter.stateOf(before, lane) : -1;
            }
        }
        while (seq < last) {
            EventLog.Batch batch = history.batchOf(seq);
            if (batch == null) {
                seq++;
                continue;
            }
            int stop = (int) Math.min(batch.size(), last - batch.firstSeq());
            int i = (int) (seq - batch.firstSeq());
            for (; i < stop; i += (int) stride) {
                int lane = batch.track(i);
                if (lane >= lanes) {
                    continue;
                }
                double x = left0 + (placeOf(batch, i) - left) * scale;
                int waited = eventOrder.get() ? Lanes.UNCHANGED : this.painter.waitedBefore(batch, i);
                if (waited != Lanes.UNCHANGED && waited != state[lane]) {
                    // A wait told at its end (on the clock's axis only: in event order it is no event wide).
                    double from = Math.clamp(left0 + (this.painter.waitedFrom(batch, i) - left) * scale,
                            Math.min(eventX[lane], x), x);
                    if (from - since[lane] >= 1) {
                        bars.fill(state[lane], since[lane], from, lane, false, false);
                        since[lane] = from;
                    }
                    state[lane] = waited;
                }
                int next = this.painter.stateAfter(batch, i);
                boolean marked = this.painter.marked(batch, i);
                boolean changes = next != Lanes.UNCHANGED && next != state[lane];
                if ((changes || marked && endsBars) && x - since[lane] >= 1) {
                    // Runs narrower than a pixel are merged into the next; a pixel shows its latest state.
                    bars.fill(state[lane], since[lane], x, lane, false, false);
                    since[lane] = x;
                }
                if (changes) {
                    state[lane] = next;
                }
                if (marked) {
                    movedX[lane] = x;
                    if (detailed) {
                        marks.add(new double[] {x, lane, batch.firstSeq() + i}); // its label read if drawn
                    }
                } else if (arrowsApart) {
                    int from = this.painter.arrowFrom(batch, i);
                    if (from >= 0 && from < lanes) {
                        long fromEvent = this.painter.arrowFromEvent(batch, i);
                        double fromX = fromEvent >= history.firstKept()
                                ? Math.max(left0, left0 + (placeOf(history, fromEvent) - left) * scale) : Math.max(left0, movedX[from]);
                        arrows.add(new Arrow(fromX, from, x, lane, this.painter.arrowGuessed(batch, i)));
                    }
                }
                eventX[lane] = x;
                String moment = this.painter.moment(batch, i);
                if (moment != null) {
                    momentX.add(x);
                    momentLabels.add(moment);
                }
            }
            seq = batch.firstSeq() + i;
        }
        double end = Math.min(w, labelWidth() + (newestPlace(history) - left) * scale);
        boolean pastWindow = newestPlace(history) > right;
        for (int lane = 0; lane < lanes; lane++) {
            // The last bar of each lane goes on past the window, or stops at the latest event: its state holds since.
            bars.fill(state[lane], since[lane], end, lane, pastWindow, !pastWindow);
        }
        bars.flush();
        barsDrawn = bars.wide;

        // Marks: a tick across the lane, and its label just right of it, inside the lane on a patch
        // of the background (readable over any state's colour), where the lane is tall enough and the
        // lane's last label has ended: a label never reaches into the next lane or over another label.
        g.setTextAlign(TextAlignment.LEFT);
        Font font = laneFont(laneH);
        g.setFont(font);
        measure.setFont(font);
        double textHeight = font.getSize() + 2;
        boolean labels = marks.size() < width / 28 && laneH >= textHeight + 2;
        Paint paperPaint = paper.paint(Color.WHITE);
        marksLabelled = 0;
        double[] labelledUpTo = new double[lanes];
        Arrays.fill(labelledUpTo, Double.NEGATIVE_INFINITY);
        // Ticks at least twice their width apart: forty-four forks taken in 60 px were a solid black
        // block, read as a state the legend did not have; thinned, they stripe the state's colour.
        double[] tickedAt = new double[lanes];
        Arrays.fill(tickedAt, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < marks.size(); k++) {
            double[] mark = marks.get(k);
            double y = axisHeight() + mark[1] * laneH;
            int markLane = (int) mark[1];
            if (mark[0] - tickedAt[markLane] >= 4 * em()) {
                g.setFill(inkPaint);
                g.fillRect(mark[0] - em(), y, 2 * em(), laneH);
                tickedAt[markLane] = mark[0];
            }
            double x = mark[0] + 2;
            if (labels && x >= labelledUpTo[markLane]) {
                EventLog.Batch batch = history.batchOf((long) mark[2]);
                String label = this.painter.mark(batch, (int) ((long) mark[2] - batch.firstSeq()));
                measure.setText(label);
                double textWidth = Math.min(MAX_MARK_LABEL * em(), measure.getLayoutBounds().getWidth());
                if (x + textWidth + 4 <= w) {
                    g.setFill(paperPaint);
                    g.fillRect(x, y + (laneH - textHeight) / 2, textWidth + 4, textHeight);
                    g.setFill(inkPaint);
                    g.fillText(label, x + 2, y + laneH / 2, MAX_MARK_LABEL * em());
                    labelledUpTo[markLane] = x + textWidth + 8;
                    marksLabelled++;
                }
            }
        }
        g.setFont(textFont);
        measure.setFont(textFont);
        pauses(g, history, left, scale, lanes * laneH, w, inkPaint);
        // Moments: a line across every lane, labelled above them.
        Paint momentPaint = momentInk.paint(Color.RED);
        momentLabelDrawn = new double[0];
        momentLineDrawn = new double[0];
        g.setTextAlign(TextAlignment.LEFT);
        // A red line 3 em wide between two stripes of the background, 2 em each: it stands apart from
        // the bars it crosses whatever their colour. Drawn as 2.5 em of the failure's orange at the
        // lanes' right edge (the newest event, where a deadlock is), half of it past the lanes and
        // over the waits' amber, a learner could hardly find "the red line" the heading promised.
        double lineWidth = 3 * em();
        double haloWidth = lineWidth + 4 * em();
        for (int k = 0; k < momentX.size(); k++) {
            double x = momentX.get(k);
            if (x < labelWidth() || x > w + 1) {
                continue;
            }
            // Wholly inside the lanes, halo too: the newest event sits on the right edge.
            x = Math.clamp(x, labelWidth() + haloWidth / 2, Math.max(labelWidth() + haloWidth / 2, w - haloWidth / 2));
            g.setStroke(paperPaint);
            g.setLineWidth(haloWidth);
            g.strokeLine(x, axisHeight(), x, axisHeight() + lanes * laneH);
            g.setStroke(momentPaint);
            g.setLineWidth(lineWidth);
            g.strokeLine(x, axisHeight() - 2, x, axisHeight() + lanes * laneH);
            momentLineDrawn = new double[] {x - haloWidth / 2, x + haloWidth / 2};
            g.setFill(momentPaint);
            // Right of its line, or left of it where the line is too near the right edge ("deadlo"
            // at 150 %, when a fixed 70 px was kept free).
            measure.setText(momentLabels.get(k));
            double labelW = measure.getLayoutBounds().getWidth();
            double labelX = x + 3 + labelW <= w ? x + 3 : Math.max(labelWidth(), x - 3 - labelW);
            double labelY = axisHeight() + lanes * laneH + 4 + legendHeight() / 2;
            // On the background's colour: it reads over a pause's bar in the same row too.
            g.setFill(paperPaint);
            g.fillRect(labelX - 2, labelY - legendHeight() / 2 + em(), labelW + 4, legendHeight() - 2 * em());
            g.setFill(momentPaint);
            g.fillText(momentLabels.get(k), labelX, labelY);
            momentLabelDrawn = new double[] {labelX, labelX + labelW};
        }
        // Wake-ups: an arrow from the signaller's put or take to the woken lane; lines and heads grow
        // with the text, as the lanes do (at 200 % on a projector 1.2 px arrows were lost).
        g.setStroke(inkPaint);
        g.setLineWidth(1.2 * em());
        // Within the lanes: a signaller's put before the window drew from x = 0, over the lanes' names.
        g.save();
        g.beginPath();
        g.rect(labelWidth(), axisHeight(), w - labelWidth(), lanes * laneH);
        g.clip();
        for (Arrow arrow : arrows) {
            // A guess (the monitor's notify() calls in flight were several) dashed: its waker may be another.
            g.setLineDashes(arrow.guessed() ? new double[] {4 * em(), 3 * em()} : null);
            double x0 = arrow.x0();
            double y0 = axisHeight() + arrow.fromLane() * laneH + laneH / 2;
            double x1 = arrow.x1();
            double y1 = axisHeight() + arrow.toLane() * laneH + laneH / 2;
            if (x1 - x0 < 2 * em()) {
                // At the signal's own moment (or as good as): straight down or up to the woken lane.
                g.strokeLine(x0, y0, x1, y1);
                g.setLineDashes(null); // a head in one piece
                double dir = Math.signum(y1 - y0);
                g.strokeLine(x1, y1, x1 - 3 * em(), y1 - 5 * em() * dir);
                g.strokeLine(x1, y1, x1 + 3 * em(), y1 - 5 * em() * dir);
            } else {
                // Later: down (or up) from the signal, then along the woken lane into its wake-up, so
                // that a signalAll's arrows fan out. Straight, evenly spaced, they lay on one line (the
                // wake-ups one step and one lane apart each) and read as a single arrow to the last
                // lane (a learner's tryout).
                g.beginPath();
                g.moveTo(x0, y0);
                g.quadraticCurveTo(x0, y1, x1, y1);
                g.stroke();
                g.setLineDashes(null);
                g.strokeLine(x1, y1, x1 - 5 * em(), y1 - 3 * em());
                g.strokeLine(x1, y1, x1 - 5 * em(), y1 + 3 * em());
            }
        }
        g.restore();
        arrowsDrawn = arrows;
        // The rewound position, as the plots mark the moment shown: a dashed line in the text's colour,
        // a triangle on top (a thin line in the accent was lost among lanes "awaits an item" in blue).
        long position = rewind.positionProperty().get();
        positionDrawnAt = Double.NaN;
        if (position != Rewind.PRESENT && position > 0) {
            double x = labelWidth() + (placeOf(history, position - 1) - left) * scale;
            positionDrawnAt = x;
            double top = axisHeight() - 4;
            g.setStroke(inkPaint);
            g.setLineWidth(2 * em());
            g.setLineDashes(5 * em(), 3 * em());
            g.strokeLine(x, top, x, axisHeight() + lanes * laneH);
            g.setLineDashes();
            g.setFill(inkPaint);
            g.fillPolygon(new double[] {x - 5 * em(), x + 5 * em(), x}, new double[] {top - 4 * em(), top - 4 * em(),
                    top + 3 * em()}, 3);
        }
        g.setStroke(grid.paint(Color.LIGHTGRAY));
        g.setLineWidth(1);
        g.strokeLine(labelWidth(), axisHeight() + lanes * laneH + 0.5, w, axisHeight() + lanes * laneH + 0.5);
        legend(g, axisHeight() + lanes * laneH + 4 + legendHeight() + legendHeight() / 2, inkPaint);
    }

    /**
     * The run's pauses in the window: a bar under the lanes from each pause's start to its end, with
     * "paused" and its length in it where they fit, and its edges dashed across the lanes. The lanes'
     * long stays at the gate there are the pause's, not the run's: a class's run paused for 83 of its
     * 136 s read as a run whose threads had waited. {@code lanesHeight}: the lanes' height.
     */
    private void pauses(GraphicsContext g, History<R> history, long left, double scale, double lanesHeight, double w,
                        Paint inkPaint) {
        List<PauseBar> drawn = new ArrayList<>();
        double top = axisHeight();
        double barY = pauseBarY(lanesHeight);
        double barH = legendHeight() - 2 * em();
        long oldestKept = history.nanosOf(history.firstKept());
        for (Stopwatch.Pause pause : history.log().pauses()) {
            if (!pause.goesOn() && pause.toNanos() < oldestKept) {
                continue; // its events were dropped: no place on the axis, nothing to count
            }
            long[] at = placesOf(history, pause);
            double x0 = labelWidth() + (at[0] - left) * scale;
            double x1 = labelWidth() + (at[1] - left) * scale;
            // At least a stub: a pause going on with no event since it began ends where it begins, at
            // the newest event (the right edge while following the run).
            if (pause.goesOn()) {
                x0 = Math.min(x0, x1 - 2 * em());
            } else {
                x1 = Math.max(x1, x0 + 2 * em());
            }
            if (x1 < labelWidth() || x0 > w) {
                continue;
            }
            x0 = Math.max(labelWidth(), x0);
            x1 = Math.min(w, x1);
            drawn.add(new PauseBar(x0, x1, pause));
            g.setFill(subtle.paint(Color.GRAY));
            g.setGlobalAlpha(0.35);
            g.fillRect(x0, barY, x1 - x0, barH);
            g.setGlobalAlpha(1);
            g.setStroke(inkPaint);
            g.setLineWidth(em());
            g.setLineDashes(2 * em(), 3 * em());
            for (double x : new double[] {x0, x1}) {
                if (x > labelWidth() && x < w) {
                    g.strokeLine(x, top, x, barY + barH);
                }
            }
            g.setLineDashes();
            String words = pause.goesOn() ? "paused" : "paused " + duration(pause.toNanos() - pause.fromNanos());
            measure.setText(words);
            double textWidth = measure.getLayoutBounds().getWidth();
            if (textWidth + 6 * em() <= x1 - x0) {
                g.setFill(inkPaint);
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(words, (x0 + x1) / 2, barY + barH / 2);
                g.setTextAlign(TextAlignment.LEFT);
            }
        }
        pausesDrawn = drawn;
    }

    /** The top of the pauses' bars, under lanes {@code lanesHeight} high. */
    private double pauseBarY(double lanesHeight) {
        return axisHeight() + lanesHeight + 3 * em();
    }

    /**
     * Where {@code pause} lies on the axis, its start and end: on the clock, or in event order from
     * just before the first event after it began to just before the first after it ended (the events
     * between are its steps'). A pause going on ends at the newest event.
     */
    private long[] placesOf(History<R> history, Stopwatch.Pause pause) {
        long newest = newestPlace(history);
        if (eventOrder.get()) {
            long from = history.firstAtOrAfter(pause.fromNanos()) * ORDER_UNIT - ORDER_UNIT / 2;
            long to = pause.goesOn() ? newest : history.firstAtOrAfter(pause.toNanos()) * ORDER_UNIT - ORDER_UNIT / 2;
            return new long[] {from, to};
        }
        return new long[] {pause.fromNanos(), pause.goesOn() ? newest : pause.toNanos()};
    }

    /** A pause as the last drawing drew it: its bar from x0 to x1. */
    record PauseBar(double x0, double x1, Stopwatch.Pause pause) {
    }

    /** The pauses the last drawing drew. For tests. */
    List<PauseBar> pausesDrawn() {
        return pausesDrawn;
    }

    /** This history's summary, kept up to its newest event. */
    private LaneSummary<R> summary(History<R> history) {
        if (summary == null || summary.history() != history) {
            summary = new LaneSummary<>(history, painter);
        }
        summary.catchUp();
        return summary;
    }

    /**
     * The lanes' runs of colour from {@code left} to {@code right} from the summary's slices, a
     * change or a mark drawn at the end of its slice (at most a pixel off); each lane's state and where
     * its last run began are left in {@code state} and {@code since}, as the event loop leaves them.
     */
    private void fromSummary(LaneSummary<R> summary, long left, long right, double scale, Bars bars, int[] state,
                             double[] since, List<Double> momentX, List<String> momentLabels) {
        double left0 = labelWidth();
        int from = summary.sliceAt(left);
        int to = summary.sliceAt(right);
        boolean endsBars = painter.marksEndBars();
        for (int lane = 0; lane < state.length; lane++) {
            int now = summary.stateBefore(lane, from);
            double start = left0;
            for (int k = from; k <= to; k++) {
                byte next = summary.at(lane, k);
                boolean changes = next != LaneSummary.NONE && next != now;
                if (changes || endsBars && summary.marked(lane, k)) {
                    double x = left0 + (summary.originNanos() + (k + 1) * summary.sliceNanos() - left) * scale;
                    if (x - start >= 1) {
                        bars.fill(now, start, x, lane, false, false);
                        start = x;
                    }
                    if (changes) {
                        now = next;
                    }
                }
            }
            state[lane] = now;
            since[lane] = start;
        }
        List<Long> times = summary.momentNanos();
        for (int k = 0; k < times.size(); k++) {
            if (times.get(k) >= left && times.get(k) <= right) {
                momentX.add(left0 + (times.get(k) - left) * scale);
                momentLabels.add(summary.momentLabels().get(k));
            }
        }
    }

    /** What each colour means, in the view's words: colour is never the only cue. */
    private void legend(GraphicsContext g, double y, Paint inkPaint) {
        double em = em();
        double x = labelWidth();
        g.setTextAlign(TextAlignment.LEFT);
        for (Legend entry : painter.legend()) {
            String words = entry.words();
            double width = legendEntryWidth(words);
            if (x > labelWidth() && x + width > getWidth()) {
                x = labelWidth(); // wrap: a second row
                y += legendHeight();
            }
            g.setFill(probeOf(entry.state()).paint(Color.GRAY));
            double height = 10 * em * painter.height(entry.state());
            g.fillRect(x, y - height / 2, 14 * em, height);
            g.setFill(inkPaint);
            g.fillText(words, x + 18 * em, y);
            x += width + LEGEND_GAP * em;
        }
        legendDrawnTo = y + legendHeight() / 2;
    }

    /** The probe of a state's colour, made the first time it is drawn. */
    private ColourProbe probeOf(int state) {
        return probes.computeIfAbsent(state, s -> probe(painter.colour(s)));
    }

    /**
     * Draws the state bars of one drawing: each state's paint and bar height looked up once, the fill
     * set only when it changes (a drawing at 200 lanes fills tens of thousands of bars).
     */
    private final class Bars {
        /** The bars drawn at least {@link #WIDE_BAR_PX} wide, in drawing order. */
        final List<StateBar> wide = new ArrayList<>();
        /** Whether the window begins after the first event kept: a bar from its left edge began before. */
        boolean cutsLeft;
        private final GraphicsContext g;
        private final double laneH;
        private final double left = labelWidth();
        private final double top = axisHeight();
        private final Paint[] paints = new Paint[painter.states()];
        private final double[] heights = new double[painter.states()];
        private Paint fill;
        /**
         * By lane, the run of colour not painted yet: bars of one state end to end (split at marks,
         * {@link Lanes#marksEndBars}) are painted as one rectangle, as many as before they were split
         * (a bar a pixel at 200 lanes cost the drawing a third more time).
         */
        private final int[] pendingState;
        private final double[] pendingFrom;
        private final double[] pendingTo;

        Bars(GraphicsContext g, double laneH, int lanes) {
            this.g = g;
            this.laneH = laneH;
            double full = laneH - 4;
            for (int state = 0; state < paints.length; state++) {
                paints[state] = probeOf(state).paint(Color.GRAY);
                heights[state] = full * painter.height(state);
            }
            pendingState = new int[lanes];
            Arrays.fill(pendingState, -1);
            pendingFrom = new double[lanes];
            pendingTo = new double[lanes];
        }

        /**
         * Lane {@code lane} in {@code state} from x {@code from} to {@code to}; nothing for no state
         * (-1). {@code toAfter}: it goes on past the window; {@code latest}: it ends at the latest event.
         * Painted by {@link #flush} at the latest.
         */
        void fill(int state, double from, double to, int lane, boolean toAfter, boolean latest) {
            if (state < 0 || to <= left || to - from <= 0) {
                return;
            }
            double x0 = Math.max(left, from);
            if (to - x0 >= WIDE_BAR_PX) {
                wide.add(new StateBar(lane, x0, to, state, cutsLeft && from <= left + 0.5, toAfter, latest));
            }
            if (pendingState[lane] == state && pendingTo[lane] == from) {
                pendingTo[lane] = to; // the same colour on: one rectangle
                return;
            }
            paint(lane);
            pendingState[lane] = state;
            pendingFrom[lane] = x0;
            pendingTo[lane] = to;
        }

        /** Paints every lane's run of colour not painted yet: before anything is drawn over the bars. */
        void flush() {
            for (int lane = 0; lane < pendingState.length; lane++) {
                paint(lane);
            }
        }

        private void paint(int lane) {
            int state = pendingState[lane];
            if (state < 0) {
                return;
            }
            if (paints[state] != fill) {
                fill = paints[state];
                g.setFill(fill);
            }
            double full = laneH - 4;
            double x0 = pendingFrom[lane];
            g.fillRect(x0, top + lane * laneH + 2 + (full - heights[state]) / 2, Math.max(0.6, pendingTo[lane] - x0),
                    heights[state]);
            pendingState[lane] = -1;
        }
    }

    /** How near the pointer (px) an event of its lane answers it. */
    static final double POINTER_SLACK_PX = 6;
    /**
     * Bars at least this wide (px) answer the pointer between events; a narrower one is within
     * {@link #POINTER_SLACK_PX} of its own ends everywhere. At most lanes x width / this many a drawing.
     */
    static final double WIDE_BAR_PX = 2 * POINTER_SLACK_PX;

    /**
     * A state bar as drawn: its lane, its ends (px), its state; whether it began before the window
     * ({@code fromBefore}), goes on past it ({@code toAfter}), or ends at the latest event ({@code latest}).
     */
    record StateBar(int lane, double x0, double x1, int state, boolean fromBefore, boolean toAfter, boolean latest) {
    }

    /** A wake-up arrow: from x0 on its waker's lane to x1 on the woken one's; a guess drawn dashed. */
    record Arrow(double x0, int fromLane, double x1, int toLane, boolean guessed) {
    }

    /** The wake-up arrows the last drawing drew. For tests. */
    List<Arrow> arrowsDrawn() {
        return arrowsDrawn;
    }

    /** What the pointer's tooltip says now; for tests. */
    String tooltipWords() {
        return tooltip.getText();
    }

    /** Whether the last drawing drew the lanes from the {@link LaneSummary}; for tests. */
    boolean drewFromSummary() {
        return drewFromSummary;
    }

    /** The x where the lanes begin, right of their names; for tests. */
    double lanesLeft() {
        return labelWidth();
    }

    /** The bars of the last drawing that answer the pointer; for tests. */
    List<StateBar> barsDrawn() {
        return barsDrawn;
    }

    /** "st", "nd", "rd" or "th" for {@code n}: "every 2nd event". */
    static String ordinal(long n) {
        long lastTwo = n % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return "th";
        }
        return switch ((int) (n % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static String duration(long nanos) {
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%,d µs", nanos / 1_000);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
