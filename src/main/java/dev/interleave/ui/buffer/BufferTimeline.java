package dev.interleave.ui.buffer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import dev.interleave.engine.buffer.BufferEvent;
import dev.interleave.engine.buffer.BufferHistory;
import dev.interleave.engine.buffer.BufferReplay;
import dev.interleave.engine.buffer.WorkerState;
import dev.interleave.engine.run.EventLog;

/**
 * The Bounded Buffer's timeline: one lane per producer and consumer, coloured by its state with
 * the chips' colours, each put and take a mark (with its item when there is room), an arrow from a
 * signalling worker to each worker it woke, and the rewound position as a line. It follows the
 * run live; the wheel, + and - zoom (from the whole run down to single actions), dragging pans, and
 * the pointer's event is told in a tooltip. Drawn on a canvas, only when something changed.
 */
final class BufferTimeline extends Region {

    /** State colours, as the stylesheet names them (looked up through hidden probes). */
    private static final Map<WorkerState, String> LOOKED_UP = new EnumMap<>(Map.of(
            WorkerState.PRODUCING, "-il-working", WorkerState.CONSUMING, "-il-working",
            WorkerState.WAITING_FOR_LOCK, "-il-lock", WorkerState.WAITING_NOT_FULL, "-il-full",
            WorkerState.WAITING_NOT_EMPTY, "-il-empty", WorkerState.IN_BUFFER, "-il-in-buffer",
            WorkerState.AT_GATE, "-il-gate", WorkerState.DONE, "-il-done"));
    /** The narrowest window: a few microseconds, single actions apart. */
    private static final long MIN_SPAN_NANOS = 2_000;
    private static final double LABEL_WIDTH = 44;
    private static final double AXIS_HEIGHT = 18;
    private static final double LEGEND_HEIGHT = 16;
    /** The most events one drawing reads. */
    static final long DRAWN_MAX = 200_000;

    private final BufferRewind rewind;
    private final Canvas canvas = new Canvas();
    private final Map<WorkerState, Region> probes = new EnumMap<>(WorkerState.class);
    private final Region ink = probe("-color-fg-default");
    private final Region subtle = probe("-color-fg-subtle");
    private final Region grid = probe("-color-border-default");
    private final Region accent = probe("-il-accent");
    private final Tooltip tooltip = new Tooltip();

    /** Width of the window shown, in ns; 0 = the whole run. */
    private long spanNanos;
    /** The window's right edge (ns, the log's clock) when not following the run. */
    private long rightNanos;
    /** Whether the window's right edge follows the newest event. */
    private boolean follow = true;
    private double dragX = Double.NaN;
    private long dragRight;
    /** What the last drawing showed, for the tooltip: its window. */
    private long shownLeft;
    private long shownRight;

    BufferTimeline(BufferRewind rewind) {
        this.rewind = rewind;
        setId("timeline");
        getStyleClass().add("timeline");
        setFocusTraversable(true);
        for (Map.Entry<WorkerState, String> entry : LOOKED_UP.entrySet()) {
            probes.put(entry.getKey(), probe(entry.getValue()));
        }
        getChildren().add(canvas);
        setMinHeight(120);
        rewind.versionProperty().addListener((obs, old, now) -> draw());
        widthProperty().addListener((obs, old, now) -> draw());
        heightProperty().addListener((obs, old, now) -> draw());
        setOnScroll(this::zoom);
        setOnMousePressed(e -> {
            requestFocus();
            dragX = e.getX();
            dragRight = right();
        });
        setOnMouseDragged(this::pan);
        setOnMouseReleased(e -> dragX = Double.NaN);
        setOnMouseMoved(this::explain);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.ADD || e.getCode() == KeyCode.EQUALS) {
                zoomBy(0.5, getWidth());
                e.consume();
            } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
                zoomBy(2, getWidth());
                e.consume();
            }
        });
        tooltip.setShowDelay(Duration.millis(100));
        Tooltip.install(this, tooltip);
    }

    /** A hidden region whose background is a looked-up colour: the canvas reads the theme's colours through it. */
    private Region probe(String lookedUp) {
        Region probe = new Region();
        probe.setStyle("-fx-background-color: " + lookedUp + ";");
        probe.setManaged(false);
        probe.setVisible(false);
        getChildren().add(probe);
        return probe;
    }

    private Paint colour(Region probe, Paint fallback) {
        Background background = probe.getBackground();
        return background == null || background.getFills().isEmpty() ? fallback : background.getFills().getFirst().getFill();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    @Override
    protected double computePrefHeight(double width) {
        BufferHistory history = rewind.history();
        int lanes = history == null ? 6 : Math.max(1, history.log().tracks().size());
        return AXIS_HEIGHT + lanes * laneHeight(lanes) + 8 + LEGEND_HEIGHT;
    }

    private static double laneHeight(int lanes) {
        return lanes > 24 ? 10 : 18;
    }

    /** The window's right edge now. */
    private long right() {
        BufferHistory history = rewind.history();
        if (history == null) {
            return 0;
        }
        return follow ? history.nanosOf(history.end() - 1) : rightNanos;
    }

    private long span(BufferHistory history) {
        long whole = Math.max(MIN_SPAN_NANOS, history.nanosOf(history.end() - 1) - history.nanosOf(history.firstKept()));
        return spanNanos <= 0 ? whole : Math.min(spanNanos, whole);
    }

    private void zoom(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoomBy(e.getDeltaY() > 0 ? 0.7 : 1 / 0.7, e.getX());
            e.consume();
        }
    }

    /** Multiplies the window's width by {@code factor}, keeping the time under {@code x} in place. */
    void zoomBy(double factor, double x) {
        BufferHistory history = rewind.history();
        if (history == null) {
            return;
        }
        long span = span(history);
        long right = right();
        double width = Math.max(1, getWidth() - LABEL_WIDTH);
        double fraction = Math.max(0, Math.min(1, (x - LABEL_WIDTH) / width));
        long at = right - (long) ((1 - fraction) * span);
        long newSpan = Math.max(MIN_SPAN_NANOS, (long) (span * factor));
        rightNanos = at + (long) ((1 - fraction) * newSpan);
        spanNanos = newSpan;
        follow = rightNanos >= history.nanosOf(history.end() - 1);
        draw();
    }

    private void pan(MouseEvent e) {
        BufferHistory history = rewind.history();
        if (history == null || Double.isNaN(dragX)) {
            return;
        }
        long span = span(history);
        double width = Math.max(1, getWidth() - LABEL_WIDTH);
        rightNanos = dragRight - (long) ((e.getX() - dragX) / width * span);
        follow = rightNanos >= history.nanosOf(history.end() - 1);
        draw();
    }

    /** The event nearest the pointer on its lane, in words. */
    private void explain(MouseEvent e) {
        BufferHistory history = rewind.history();
        if (history == null || history.end() == 0 || e.getX() < LABEL_WIDTH) {
            tooltip.setText("Wheel, + and -: zoom; drag: pan");
            return;
        }
        int lanes = history.log().tracks().size();
        int lane = (int) ((e.getY() - AXIS_HEIGHT) / laneHeight(lanes));
        double width = Math.max(1, getWidth() - LABEL_WIDTH);
        long at = shownLeft + (long) ((e.getX() - LABEL_WIDTH) / width * (shownRight - shownLeft));
        long slack = (long) (6 / width * (shownRight - shownLeft));
        long from = history.firstAtOrAfter(at - slack);
        long to = Math.min(history.end(), history.firstAtOrAfter(at + slack + 1));
        long best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (long seq = from; seq < to && seq < from + 10_000; seq++) {
            EventLog.Batch batch = history.batchOf(seq);
            int i = (int) (seq - batch.firstSeq());
            boolean onLane = batch.track(i) == lane || BufferEvent.of(batch, i) == BufferEvent.WAKE && batch.other(i) == lane;
            long distance = Math.abs(batch.nanos(i) - at);
            if (onLane && distance < bestDistance) {
                best = seq;
                bestDistance = distance;
            }
        }
        tooltip.setText(best < 0 ? "No event here (wheel, + and -: zoom; drag: pan)"
                : String.format(Locale.ROOT, "Event %,d at %s: %s", best,
                seconds(history.nanosOf(best) - history.log().originNanos()),
                BufferViewModel.withSeparators(history.words(best))));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.6f s", nanos / 1e9);
    }

    /** Draws the lanes of the window now shown. */
    void draw() {
        double w = getWidth();
        double h = getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        BufferHistory history = rewind.history();
        Paint inkPaint = colour(ink, Color.BLACK);
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        if (history == null || history.end() == history.firstKept()) {
            g.setFill(colour(subtle, Color.GRAY));
            g.fillText("The timeline fills as the run goes: press Run or Step.", LABEL_WIDTH, AXIS_HEIGHT + 10);
            return;
        }
        List<String> names = history.log().tracks();
        int lanes = names.size();
        double laneH = laneHeight(lanes);
        double width = Math.max(1, w - LABEL_WIDTH);
        long span = span(history);
        long right = right();
        long left = right - span;
        shownLeft = left;
        shownRight = right;
        double scale = width / span;

        // Lane names and grid.
        g.setFill(inkPaint);
        g.setTextAlign(TextAlignment.LEFT);
        for (int lane = 0; lane < lanes; lane++) {
            g.fillText(names.get(lane), 4, AXIS_HEIGHT + lane * laneH + laneH / 2);
        }
        g.setFill(colour(subtle, Color.GRAY));
        g.fillText(String.format(Locale.ROOT, "%s .. %s since Run   (%s wide)", seconds(left - history.log().originNanos()),
                seconds(right - history.log().originNanos()), duration(span)), LABEL_WIDTH, AXIS_HEIGHT / 2);

        // States: each lane's state from the window's first event on, drawn as runs of colour.
        long first = history.firstAtOrAfter(left);
        long last = history.firstAtOrAfter(right + 1);
        long startAt = Math.max(history.start(), Math.min(first, history.end()));
        BufferReplay before = startAt <= history.end() && startAt >= history.start() ? history.stateAt(startAt) : null;
        WorkerState[] state = new WorkerState[lanes];
        double[] since = new double[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            state[lane] = before != null && lane < before.names().size() ? before.state(lane) : null;
            since[lane] = LABEL_WIDTH;
        }
        List<double[]> arrows = new ArrayList<>();
        List<double[]> marks = new ArrayList<>();
        double[] movedX = new double[lanes];
        boolean detailed = last - first < 4_000;
        // A window of more than DRAWN_MAX events is drawn from every k-th: a pixel then spans many
        // events anyway, and a frame's budget stays bounded at a million events.
        long stride = Math.max(1, (last - first + DRAWN_MAX - 1) / DRAWN_MAX);
        long seq = first;
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
                if (lane >= lanes || BufferEvent.of(batch, i) == BufferEvent.RESIZE) {
                    continue; // a resize changes the slots, not its track's state (its track may be 0: outside)
                }
                double x = LABEL_WIDTH + (batch.nanos(i) - left) * scale;
                WorkerState next = BufferEvent.stateAfter(batch, i);
                if (next != state[lane]) {
                    // Runs narrower than a pixel are merged into the next; a pixel shows its latest state.
                    if (x - since[lane] >= 1) {
                        fillState(g, state[lane], since[lane], x, lane, laneH);
                        since[lane] = x;
                    }
                    state[lane] = next;
                }
                BufferEvent kind = BufferEvent.of(batch, i);
                if (kind.movesAnItem()) {
                    movedX[lane] = x;
                    if (detailed) {
                        marks.add(new double[] {x, lane, batch.item(i), kind == BufferEvent.PUT ? 1 : 0});
                    }
                } else if (kind == BufferEvent.WAKE && detailed && batch.other(i) < lanes) {
                    arrows.add(new double[] {movedX[batch.other(i)], batch.other(i), x, lane});
                }
            }
            seq = batch.firstSeq() + i;
        }
        double end = Math.min(w, LABEL_WIDTH + (history.nanosOf(history.end() - 1) - left) * scale);
        for (int lane = 0; lane < lanes; lane++) {
            fillState(g, state[lane], since[lane], end, lane, laneH);
        }

        // Puts and takes: a tick, and the item when there is room.
        g.setTextAlign(TextAlignment.CENTER);
        boolean labels = marks.size() < width / 28;
        for (double[] mark : marks) {
            double y = AXIS_HEIGHT + mark[1] * laneH;
            g.setFill(inkPaint);
            g.fillRect(mark[0] - 1, y, 2, laneH);
            if (labels) {
                g.fillText((mark[3] == 1 ? "▼" : "▲") + String.format(Locale.ROOT, "%,d", (long) mark[2]), mark[0],
                        y - 1 + (mark[1] == 0 ? laneH + 6 : 0), 60);
            }
        }
        // Wake-ups: an arrow from the signaller's put or take to the woken lane.
        g.setStroke(inkPaint);
        g.setLineWidth(1.2);
        for (double[] arrow : arrows) {
            double x0 = arrow[0];
            double y0 = AXIS_HEIGHT + arrow[1] * laneH + laneH / 2;
            double x1 = arrow[2];
            double y1 = AXIS_HEIGHT + arrow[3] * laneH + laneH / 2;
            g.strokeLine(x0, y0, x1, y1);
            double dir = Math.signum(y1 - y0);
            g.strokeLine(x1, y1, x1 - 3, y1 - 5 * dir);
            g.strokeLine(x1, y1, x1 + 3, y1 - 5 * dir);
        }
        // The rewound position.
        long position = rewind.positionProperty().get();
        if (position != BufferRewind.PRESENT && position > 0) {
            double x = LABEL_WIDTH + (history.nanosOf(position - 1) - left) * scale;
            g.setStroke(colour(accent, Color.BLUE));
            g.setLineWidth(2);
            g.strokeLine(x, AXIS_HEIGHT - 4, x, AXIS_HEIGHT + lanes * laneH);
        }
        g.setStroke(colour(grid, Color.LIGHTGRAY));
        g.setLineWidth(1);
        g.strokeLine(LABEL_WIDTH, AXIS_HEIGHT + lanes * laneH + 0.5, w, AXIS_HEIGHT + lanes * laneH + 0.5);
        legend(g, AXIS_HEIGHT + lanes * laneH + 4 + LEGEND_HEIGHT / 2, inkPaint);
    }

    /** What each colour means, in the chips' words: colour is never the only cue. */
    private void legend(GraphicsContext g, double y, Paint inkPaint) {
        double x = LABEL_WIDTH;
        g.setTextAlign(TextAlignment.LEFT);
        for (WorkerState state : List.of(WorkerState.PRODUCING, WorkerState.WAITING_FOR_LOCK,
                WorkerState.WAITING_NOT_FULL, WorkerState.WAITING_NOT_EMPTY, WorkerState.IN_BUFFER, WorkerState.AT_GATE)) {
            String words = state == WorkerState.PRODUCING ? "producing / consuming" : state.words();
            g.setFill(colour(probes.get(state), Color.GRAY));
            g.fillRect(x, y - 5, 14, 10);
            g.setFill(inkPaint);
            g.fillText(words, x + 18, y);
            x += 18 + words.length() * 6.2 + 14;
        }
    }

    private void fillState(GraphicsContext g, WorkerState state, double from, double to, int lane, double laneH) {
        if (state == null || state == WorkerState.DONE || to <= LABEL_WIDTH || to - from <= 0) {
            return;
        }
        double x0 = Math.max(LABEL_WIDTH, from);
        g.setFill(colour(probes.get(state), Color.GRAY));
        g.fillRect(x0, AXIS_HEIGHT + lane * laneH + 2, Math.max(0.6, to - x0), laneH - 4);
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
