package dev.interleave.ui.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.interleave.engine.buffer.BufferEvent;
import dev.interleave.engine.buffer.BufferReplay;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.History;
import dev.interleave.engine.run.Stopwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline's zoom belongs to one run: the next run opens whole. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class TimelineFxTest {

    private Stage stage;
    private Rewind<BufferReplay> rewind;
    private Timeline<BufferReplay> timeline;

    /** Lanes with one state: enough to draw and zoom; the event numbered {@link #momentAt} is a deadlock. */
    static final class OneState implements Timeline.Lanes<BufferReplay> {
        long momentAt = -1;
        /** Events from this one on are marked, labelled "#" and their number. */
        long markedFrom = Long.MAX_VALUE;
        /** The only track whose events are marked, or -1 for every track. */
        int markedTrack = -1;
        /** What a bar's tooltip adds. */
        String note;
        /** Whether a request tells a wait (state 1) from the time in its item, as the buffer's does. */
        boolean waits;
        /** Whether a mark ends its bar, as the buffer's do. */
        boolean marksEnd;
        /** Whether a wake-up draws an arrow, as the buffer's do. */
        boolean arrows;
        /** Whether each event leaves its track in the state its item names (0 or 1). */
        boolean itemStates;

        @Override
        public int arrowFrom(EventLog.Batch batch, int i) {
            return arrows && BufferEvent.of(batch, i) == BufferEvent.WAKE ? batch.other(i) : -1;
        }

        @Override
        public long arrowFromEvent(EventLog.Batch batch, int i) {
            return BufferEvent.wakerMove(batch, i);
        }

        @Override
        public boolean arrowGuessed(EventLog.Batch batch, int i) {
            return batch.item(i) == BufferEvent.WOKEN_BY_ONE_OF;
        }

        @Override
        public boolean marksEndBars() {
            return marksEnd;
        }

        @Override
        public int waitedBefore(EventLog.Batch batch, int i) {
            return waits && BufferEvent.of(batch, i) == BufferEvent.REQUEST ? 1 : UNCHANGED;
        }

        @Override
        public long waitedFrom(EventLog.Batch batch, int i) {
            return batch.item(i);
        }

        @Override
        public boolean countsMeanwhile(int state) {
            return state == 1;
        }

        @Override
        public boolean countedMeanwhile(int state, EventLog.Batch batch, int i) {
            return BufferEvent.of(batch, i) == BufferEvent.PUT;
        }

        @Override
        public String meanwhileWords(int state, java.util.Map<String, Integer> byLane, boolean atLeast) {
            return "meanwhile " + (atLeast ? "at least " : "") + byLane;
        }

        @Override
        public String barNote(int state) {
            return note;
        }

        @Override
        public String moment(EventLog.Batch batch, int i) {
            return batch.seq(i) == momentAt ? "deadlock" : null;
        }

        public int stateAfter(EventLog.Batch batch, int i) {
            return itemStates ? (int) batch.item(i) : 0;
        }

        public int stateOf(BufferReplay state, int lane) {
            return 0;
        }

        public int states() {
            return waits || itemStates ? 2 : 1;
        }

        public String colour(int state) {
            return state == 0 ? "-il-working" : "-il-lock";
        }

        /** The legend, when a test sets one. */
        List<Timeline.Legend> legendOf;

        public List<Timeline.Legend> legend() {
            return legendOf != null ? legendOf : waits ? List.of(new Timeline.Legend(0, "working"), new Timeline.Legend(1, "waiting for lock"))
                    : List.of(new Timeline.Legend(0, "working"));
        }

        public boolean marked(EventLog.Batch batch, int i) {
            return batch.seq(i) >= markedFrom && (markedTrack < 0 || batch.track(i) == markedTrack);
        }

        public String mark(EventLog.Batch batch, int i) {
            return "#" + batch.seq(i);
        }
    }

    private final OneState lanes = new OneState();

    @Start
    void start(Stage primary) {
        rewind = new Rewind<>();
        timeline = new Timeline<>(rewind, lanes);
        // The window's stylesheets: the timeline reads the theme's looked-up colours (without
        // them JavaFX logs a warning for each colour the canvas probes).
        stage = StyledStage.showThemed(timeline, 800, 300);
    }

    @AfterAll
    static void unthemed() {
        StyledStage.unthemed();
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    /** A log of one worker's registration and {@code events} more, 1 ms apart. */
    private static EventLog run(int events) throws InterruptedException {
        EventLog log = new EventLog(1_000);
        int track = log.addTrack("P1");
        log.appendNow(BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        for (int i = 0; i < events; i++) {
            Thread.sleep(1);
            log.appendNow(BufferEvent.REQUEST.ordinal(), track, 0, 0, 0);
        }
        return log;
    }

    /** A log keeping {@code capacity} events, of P1 (track 0) and P2 (track 1), both registered at its origin. */
    private static EventLog twoLanes(int capacity) {
        EventLog log = new EventLog(capacity);
        for (String name : List.of("P1", "P2")) {
            log.appendAt(log.originNanos(), BufferEvent.REGISTER.ordinal(), log.addTrack(name), 0, 0, 0);
        }
        return log;
    }

    private void follow(EventLog log) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> rewind.follow(log, () -> new History<>(log, new BufferReplay(4),
                (batch, i) -> "event " + batch.seq(i)))).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Zoomed in on the newest events, a scrubber moved far back pans the window to its moment, in the
     * middle: the timeline stayed where it was and the moment was out of sight (a learner's tryout).
     */
    @Test
    void aMomentRewoundOutOfAZoomedWindowIsBroughtIntoSight() throws Exception {
        EventLog log = run(100);
        follow(log);
        double[] drawn = new double[2];
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.eventOrderProperty().set(true);
            for (int i = 0; i < 5; i++) {
                timeline.zoomBy(0.5, timeline.getWidth()); // 101 events to about 3
            }
            rewind.allowedProperty().set(true);
            rewind.moveTo(11); // just after event 10
            timeline.draw();
            drawn[0] = timeline.positionDrawnAt();
            drawn[1] = timeline.lanesLeft();
        }).get();
        assertTrue(timeline.spanNanos() < 10 * Timeline.ORDER_UNIT, "zoomed in: " + timeline.spanNanos());
        double middle = (drawn[1] + timeline.getWidth()) / 2;
        assertEquals(middle, drawn[0], (timeline.getWidth() - drawn[1]) / 4, "the moment in the middle of the window");
        assertFalse(timeline.following());
        // Home: the run's start, before its first event (the window stayed on events 10 to 12).
        WaitForAsyncUtils.asyncFx(() -> {
            rewind.moveTo(rewind.startProperty().get());
            timeline.draw();
        }).get();
        assertEquals(0, rewind.positionProperty().get(), "the start");
        String axis = OnFx.get(timeline::axisWordsDrawn);
        assertTrue(axis.matches("events 0 \\.\\. [0-9]+ of 101 in order, evenly spaced"),
                "the first events in the window, and of how many: " + axis);
    }

    /**
     * A story shown (a button's rewind) fills the window, with a tenth of its width either side: the
     * timeline kept the whole run, the story squashed into a few pixels at one end.
     */
    @Test
    void aStoryShownFillsTheWindow() throws Exception {
        EventLog log = run(100); // events 1 to 100, about 1 ms apart
        follow(log);
        EventLog.Batch all = log.readAll();
        long story = all.nanos(50) - all.nanos(40);
        WaitForAsyncUtils.asyncFx(() -> timeline.show(40, 50)).get();
        assertEquals(story + 2 * Math.max(story / 10, 1_000), timeline.spanNanos(), "events 40 to 50 and a margin");
        assertFalse(timeline.following(), "held there, not following the run's end");
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.eventOrderProperty().set(true);
            timeline.show(40, 50);
        }).get();
        assertEquals(12 * Timeline.ORDER_UNIT, timeline.spanNanos(), "in event order: ten events wide and one each side");
    }

    /**
     * Evenly spaced, a bar says the events it runs between, rounded to events (it read "across events
     * 1,983 to 1,983"). The state after the newest event is drawn one event wide: it had no width, so
     * a step just taken ("P1 parked at the gate") did not show on its lane (an expert's audit).
     */
    @Test
    void anEvenlySpacedBarSaysItsEvents() throws Exception {
        lanes.marksEnd = true;
        lanes.markedFrom = 1;
        EventLog log = new EventLog(1_000);
        int track = log.addTrack("P1");
        log.appendNow(BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        log.appendNow(BufferEvent.PUT.ordinal(), track, 1, 0, 0); // events 1 and 2: marks, each ending a bar
        log.appendNow(BufferEvent.PUT.ordinal(), track, 2, 0, 0);
        follow(log);
        List<String> words = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.eventOrderProperty().set(true);
            timeline.draw();
            for (Timeline.StateBar bar : timeline.barsDrawn()) {
                words.add(timeline.pointerWords((bar.x0() + bar.x1()) / 2, timeline.laneMiddleY(0)));
            }
        }).get();
        assertEquals(List.of("P1 working from event 0 to 1", "P1 working from event 1 to 2",
                "P1 working since event 2, the latest"), words);
        // The axis names the events drawn, the newest the last, though it ends one event past it: it read
        // "events 0 .. 3" beside the scrubber's "now (3 events)" (a learner's tryout).
        assertEquals("events 0 .. 2 in order, evenly spaced", WaitForAsyncUtils.asyncFx(timeline::axisWordsDrawn).get());
    }

    /**
     * A wake-up told when the woken thread is back (the monitor's notify(), a semaphore's release())
     * has its arrow from the put or take that woke it, not from its waker's latest move: P1 put #5,
     * #8, #9 and #10, and the arrows to C1 and C3 came from ▼10 (an expert's audit). A guess (a
     * notify() that came as a wait(1 ms) ran out) is dashed.
     */
    @Test
    void aWakeUpToldLaterHasItsArrowFromTheMoveThatWokeIt() throws Exception {
        lanes.arrows = true;
        lanes.markedFrom = 1;
        lanes.markedTrack = 0;
        EventLog log = twoLanes(1_000); // events 0 and 1: P1's and P2's registrations
        for (int i = 2; i < 8; i++) {
            log.appendNow(BufferEvent.REQUEST.ordinal(), 1, 0, 0, 0); // events 2 to 7: wider than the least span
        }
        log.appendNow(BufferEvent.PUT.ordinal(), 0, 5, 0, 1); // event 8: P1's put that woke P2
        log.appendNow(BufferEvent.PUT.ordinal(), 0, 8, 1, 0); // event 9
        log.appendNow(BufferEvent.WAKE.ordinal(), 1, BufferEvent.WOKEN_BY_ONE_OF, 2, 0); // event 10: back to 8
        List<Timeline.Arrow> drawn = arrowsInEventOrder(log);
        double left = 44; // the lane names' column at 13 px
        double step = (timeline.getWidth() - left) / 11; // events 0 to 10, and a step after the newest
        assertEquals(1, drawn.size(), drawn.toString());
        Timeline.Arrow arrow = drawn.getFirst();
        assertEquals(left + 8 * step, arrow.x0(), 2, "from P1's put of #5, event 8, not its latest, event 9: " + arrow);
        assertEquals(left + 10 * step, arrow.x1(), 2, "to P2's wake-up, event 10");
        assertTrue(arrow.guessed(), "a guess, drawn dashed");
    }

    /**
     * An arrow whose waker made no move in the window starts at the lanes' left edge: it started at
     * x = 0 and crossed the lanes' names (a tryout).
     */
    @Test
    void anArrowFromAMoveOutOfSightStartsAtTheLanesEdge() throws Exception {
        lanes.arrows = true;
        EventLog log = twoLanes(1_000); // P1 makes no move to draw an arrow from
        for (int i = 2; i < 8; i++) {
            log.appendNow(BufferEvent.REQUEST.ordinal(), 1, 0, 0, 0);
        }
        log.appendNow(BufferEvent.WAKE.ordinal(), 1, 0, 0, 0); // woken by P1, by a move not recorded
        List<Timeline.Arrow> drawn = arrowsInEventOrder(log);
        assertEquals(1, drawn.size(), drawn.toString());
        assertEquals(44, drawn.getFirst().x0(), 1, "from the lanes' left edge, right of the names column");
    }

    /** The arrows {@code log} draws, followed and drawn evenly spaced, one step per event. */
    private List<Timeline.Arrow> arrowsInEventOrder(EventLog log) throws Exception {
        follow(log);
        List<Timeline.Arrow> drawn = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.eventOrderProperty().set(true);
            timeline.draw();
            drawn.addAll(timeline.arrowsDrawn());
        }).get();
        return drawn;
    }

    @Test
    void aZoomDoesNotCarryOverToTheNextRun() throws Exception {
        follow(run(20));
        WaitForAsyncUtils.asyncFx(() -> timeline.zoomBy(0.01, timeline.getWidth() / 2)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(timeline.spanNanos() > 0, "zoomed in on the first run");
        follow(run(20));
        assertEquals(0, timeline.spanNanos(), "the next run opens whole");
    }

    /**
     * Between events, the pointer on a long bar names its thread, its state, when it began and ended
     * and how long it lasted, with the lanes' note on it; it said only "No event here", and a learner
     * read a philosopher's 0.7 s meal, with eat set to 1..5 ms, as the run's own.
     */
    @Test
    void aLongBarUnderThePointerSaysWhoseStateAndHowLong() throws Exception {
        EventLog log = new EventLog(1_000);
        int track = log.addTrack("P1");
        log.appendAt(log.originNanos(), BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        log.appendAt(log.originNanos() + 300_000_000L, BufferEvent.REQUEST.ordinal(), track, 0, 0, 0);
        lanes.note = "A note on working.";
        follow(log);
        WaitForAsyncUtils.asyncFx(timeline::draw).get();
        String[] words = new String[3];
        WaitForAsyncUtils.asyncFx(() -> {
            List<Timeline.StateBar> bars = timeline.barsDrawn();
            assertEquals(1, bars.size(), bars.toString());
            Timeline.StateBar bar = bars.getFirst();
            double y = timeline.laneMiddleY(0);
            words[0] = timeline.pointerWords((bar.x0() + bar.x1()) / 2, y);
            words[1] = timeline.pointerWords(bar.x0() + 1, y); // by the first event: that event
            timeline.zoomBy(0.5, (bar.x0() + bar.x1()) / 2); // the middle half: the bar goes on both sides
            timeline.draw();
            Timeline.StateBar cut = timeline.barsDrawn().getFirst();
            words[2] = timeline.pointerWords((cut.x0() + cut.x1()) / 2, y);
        }).get();
        // The last bar: its state holds at the latest event, so its length is at least what is drawn.
        assertEquals("P1 working from 0 ms to 300 ms, the latest event (at least 300.0 ms). A note on working.",
                words[0]);
        assertTrue(words[1].startsWith("Event 0 at "), words[1]);
        assertTrue(words[2].matches("P1 working from before [0-9.]+ ms to past [0-9.]+ ms \\(at least 150\\.[0-9] ms\\)\\."
                + " A note on working\\."), "zoomed in, the bar is cut at both edges: " + words[2]);
    }

    /**
     * A wait recorded at its end (the buffer's request for a lock found held, with the time it
     * asked) is drawn from when it began: the lane read "working" through a 200 ms wait for the
     * lock, and the pointer blamed the scheduler. Drawn from the events, and from the summary when
     * the window holds too many to read.
     */
    @Test
    void aWaitToldAtItsEndIsDrawnFromWhenItBegan() throws Exception {
        lanes.waits = true;
        EventLog log = new EventLog(100_000);
        int track = log.addTrack("P1");
        long origin = log.originNanos();
        log.appendAt(origin, BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        log.appendAt(origin + 300_000_000L, BufferEvent.REQUEST.ordinal(), track, origin + 100_000_000L, 0, 0);
        follow(log);
        List<String> words = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.draw();
            for (Timeline.StateBar bar : timeline.barsDrawn()) {
                words.add(timeline.pointerWords((bar.x0() + bar.x1()) / 2, timeline.laneMiddleY(0)));
            }
        }).get();
        assertEquals(List.of("P1 working from 0 ms to 100 ms (100.0 ms)",
                "P1 waiting for lock from 100 ms to 300 ms (200.0 ms). meanwhile {}"), words);

        // The same two, with 30,000 events on another lane in between: drawn from the summary.
        EventLog busy = twoLanes(100_000); // P1 and P2, registered at its origin
        track = 0;
        int other = 1;
        origin = busy.originNanos();
        for (int i = 1; i <= 30_000; i++) {
            busy.appendAt(origin + i * 9_000L, BufferEvent.PUT.ordinal(), other, 0, 0, 0);
        }
        busy.appendAt(origin + 300_000_000L, BufferEvent.REQUEST.ordinal(), track, origin + 100_000_000L, 0, 0);
        follow(busy);
        List<Timeline.StateBar> bars = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.draw();
            timeline.barsDrawn().stream().filter(bar -> bar.lane() == 0).forEach(bars::add);
        }).get();
        assertTrue(timeline.drewFromSummary(), "30,000 events: drawn from the summary");
        assertEquals(List.of(0, 1), bars.stream().map(Timeline.StateBar::state).toList(), bars.toString());
        double third = (bars.get(1).x1() - bars.get(0).x0()) / 3;
        assertEquals(bars.get(0).x0() + third, bars.get(0).x1(), 1.5, "the wait begins a third of the way: " + bars);
    }

    /**
     * A wait's bar says what the other lanes did while it lasted, as the lanes count it ("who held
     * the lock?" had no answer on screen): their puts in its time, by lane, not its own, not the
     * ones before or after it.
     */
    @Test
    void aWaitSaysWhatTheOthersDidMeanwhile() throws Exception {
        lanes.waits = true;
        EventLog log = new EventLog(1_000);
        int p1 = log.addTrack("P1");
        int p2 = log.addTrack("P2");
        int p3 = log.addTrack("P3");
        long origin = log.originNanos();
        for (int track : List.of(p1, p2, p3)) {
            log.appendAt(origin, BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        }
        log.appendAt(origin + 50_000_000L, BufferEvent.PUT.ordinal(), p2, 0, 0, 0); // before the wait
        for (long ms : List.of(150L, 160L, 250L)) {
            log.appendAt(origin + ms * 1_000_000L, BufferEvent.PUT.ordinal(), p2, 0, 0, 0);
        }
        log.appendAt(origin + 200_000_000L, BufferEvent.PUT.ordinal(), p3, 0, 0, 0);
        log.appendAt(origin + 300_000_000L, BufferEvent.REQUEST.ordinal(), p1, origin + 100_000_000L, 0, 0);
        log.appendAt(origin + 310_000_000L, BufferEvent.PUT.ordinal(), p1, 0, 0, 0); // its own, after
        log.appendAt(origin + 320_000_000L, BufferEvent.PUT.ordinal(), p2, 0, 0, 0); // after the wait
        follow(log);
        List<String> words = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.draw();
            for (Timeline.StateBar bar : timeline.barsDrawn()) {
                if (bar.lane() == 0 && bar.state() == 1) {
                    words.add(timeline.pointerWords((bar.x0() + bar.x1()) / 2, timeline.laneMiddleY(0)));
                }
            }
        }).get();
        assertEquals(List.of("P1 waiting for lock from 100 ms to 300 ms (200.0 ms). meanwhile {P2=3, P3=1}"), words);
    }

    /**
     * A mark ends its bar, though the state goes on: three items made and put in a row are three
     * bars of 100 ms, not one of 300 ms whose note blamed the scheduler for the length (a teacher
     * read 76 ms of "producing" with four puts in it so). Drawn from the events, and from the summary.
     */
    @Test
    void aMarkEndsItsBar() throws Exception {
        lanes.marksEnd = true;
        lanes.markedFrom = 1;
        lanes.markedTrack = 0;
        EventLog log = twoLanes(100_000); // P1 and P2, registered at its origin
        int track = 0;
        int other = 1;
        long origin = log.originNanos();
        for (int k = 1; k <= 3; k++) {
            log.appendAt(origin + k * 100_000_000L, BufferEvent.PUT.ordinal(), track, k, 0, 0);
        }
        follow(log);
        List<String> words = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.draw();
            for (Timeline.StateBar bar : timeline.barsDrawn()) {
                if (bar.lane() == 0) {
                    words.add(timeline.pointerWords((bar.x0() + bar.x1()) / 2, timeline.laneMiddleY(0)));
                }
            }
        }).get();
        assertEquals(List.of("P1 working from 0 ms to 100 ms (100.0 ms)", "P1 working from 100 ms to 200 ms (100.0 ms)",
                "P1 working from 200 ms to 300 ms (100.0 ms)"), words);

        // With 30,000 events of P2 in between: drawn from the summary, each bar ends within a slice of its mark.
        EventLog busy = twoLanes(100_000); // P1 and P2, registered at its origin
        track = 0;
        other = 1;
        origin = busy.originNanos();
        for (int i = 1; i <= 30_000; i++) {
            busy.appendAt(origin + i * 9_000L, BufferEvent.PUT.ordinal(), other, 0, 0, 0);
            if (i % 10_000 == 0) {
                busy.appendAt(origin + i * 9_000L, BufferEvent.PUT.ordinal(), track, i, 0, 0);
            }
        }
        follow(busy);
        List<Timeline.StateBar> bars = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.draw();
            timeline.barsDrawn().stream().filter(bar -> bar.lane() == 0).forEach(bars::add);
        }).get();
        assertTrue(timeline.drewFromSummary(), "30,000 events: drawn from the summary");
        assertEquals(3, bars.size(), bars.toString());
        double third = (bars.get(2).x1() - bars.get(0).x0()) / 3;
        for (int k = 0; k < 3; k++) {
            assertEquals(bars.get(0).x0() + (k + 1) * third, bars.get(k).x1(), 1.5, "bar " + k + " of " + bars);
        }
    }

    /**
     * A paused window of more events than a drawing once read (every 2nd drawn), finer than the
     * summary's slices: each lane is drawn in the state its own events give, and the same whatever window edge
     * a zoom path left. P1 and P2 take turns, both in state 1 throughout; read from every 2nd event,
     * one of them stayed in the state it had before (a learner's 12 philosophers: P12 "waiting for a
     * fork" the whole window, then, after zooming in and out again to the same range, "thinking").
     */
    @Test
    void everyLaneIsDrawnInTheStateItsOwnEventsGiveWhateverTheWindowsEdge() throws Exception {
        int burst = 300_000;
        pausedOnABurst(burst);
        List<List<Timeline.StateBar>> drawings = new ArrayList<>();
        for (long from : new long[] {2, 3}) { // the window's left edge an event apart: every 2nd read in the other phase
            WaitForAsyncUtils.asyncFx(() -> {
                timeline.show(from, from + burst - 2);
                drawings.add(List.copyOf(timeline.barsDrawn()));
            }).get();
            assertFalse(timeline.drewFromSummary(), "finer than the summary: drawn from the events");
        }
        for (List<Timeline.StateBar> bars : drawings) {
            double middle = (timeline.lanesLeft() + timeline.getWidth()) / 2;
            for (int lane = 0; lane < 2; lane++) {
                int onLane = lane;
                List<Timeline.StateBar> there = bars.stream()
                        .filter(bar -> bar.lane() == onLane && bar.x0() <= middle && bar.x1() >= middle).toList();
                assertEquals(1, there.size(), "lane " + lane + " at the middle: " + bars);
                assertEquals(1, there.get(0).state(), "lane " + lane + ", in state 1 by all its events: " + bars);
            }
        }
    }

    /**
     * Two lanes taking turns, {@code burst} events 20 ns apart, and a last one 100 s on: the summary's
     * slices (the run over 8,192) are far wider than a pixel of the burst. Followed, then paused: drawn
     * when changed.
     */
    private void pausedOnABurst(int burst) throws Exception {
        lanes.itemStates = true;
        EventLog log = twoLanes(burst + 100);
        long origin = log.originNanos();
        for (int i = 0; i < burst; i++) {
            log.appendAt(origin + 1_000_000 + i * 20L, BufferEvent.PUT.ordinal(), i % 2, 1, 0, 0);
        }
        log.appendAt(origin + 100_000_000_000L, BufferEvent.PUT.ordinal(), 0, 1, 0, 0);
        follow(log);
        WaitForAsyncUtils.asyncFx(() -> rewind.allowedProperty().set(true)).get();
    }

    /**
     * A pan or zoom of a paused window reads no more events a drawing than a running run's may (a drag
     * would have read all 300,000 at each move), and once it rests the window is drawn from every event.
     */
    @Test
    void aPanOrZoomDrawsWithinTheRunningBudgetUntilItRests() throws Exception {
        int burst = 300_000;
        pausedOnABurst(burst);
        String[] words = new String[2];
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.show(2, burst - 2);
            words[0] = timeline.axisWordsDrawn();
            timeline.zoomBy(0.999, timeline.getWidth() / 2);
            words[1] = timeline.axisWordsDrawn();
        }).get();
        assertFalse(words[0].contains("every"), "shown paused: every event drawn: " + words[0]);
        assertTrue(words[1].contains("every 2nd event drawn"), "zooming: " + words[1]);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !OnFx.get(timeline::axisWordsDrawn).contains("every"));
    }

    /**
     * Zoomed with Ctrl+wheel under a still pointer, the tooltip tells the bar as the new window cuts
     * it: it kept the old window's words ("to past 873.5 ms" once zoomed out to where the bar ends).
     */
    @Test
    void theTooltipFollowsAZoomUnderAStillPointer() throws Exception {
        EventLog log = new EventLog(1_000);
        int track = log.addTrack("P1");
        log.appendAt(log.originNanos(), BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        log.appendAt(log.originNanos() + 300_000_000L, BufferEvent.REQUEST.ordinal(), track, 0, 0, 0);
        follow(log);
        String[] words = new String[3];
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.draw();
            Timeline.StateBar bar = timeline.barsDrawn().getFirst();
            double x = (bar.x0() + bar.x1()) / 2;
            double y = timeline.laneMiddleY(0);
            timeline.zoomBy(0.25, x); // the middle quarter: the bar goes on past both edges
            timeline.fireEvent(new MouseEvent(MouseEvent.MOUSE_MOVED, x, y, x, y, MouseButton.NONE, 0, false,
                    false, false, false, false, false, false, false, false, false, null));
            words[0] = timeline.tooltipWords();
            for (int i = 0; i < 6; i++) { // Ctrl+wheel back: out past both ends of the bar
                timeline.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, false, true, false, false,
                        false, false, 0, -40, 0, -40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                        ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            }
            words[1] = timeline.tooltipWords();
            words[2] = timeline.pointerWords(x, y);
        }).get();
        assertTrue(words[0].contains("from before") && words[0].contains("to past"), words[0]);
        assertEquals(words[2], words[1], "the tooltip is the pointer's words in the window shown");
        assertTrue(!words[1].contains("to past"), "zoomed out, the bar's end is in sight: " + words[1]);
    }

    /**
     * Once the log has dropped its oldest events, a bar from the oldest kept began before it: the
     * pointer says "from before" there, even with the whole log shown (it said "from" the oldest
     * kept event, a start it never saw).
     */
    @Test
    void aBarFromTheOldestKeptEventBeganBeforeIt() throws Exception {
        EventLog log = new EventLog(1_000);
        int track = log.addTrack("P1");
        log.appendAt(log.originNanos(), BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        for (int i = 1; i <= 5_000; i++) { // a burst, 1 µs apart: the log keeps the newest of it
            log.appendAt(log.originNanos() + i * 1_000L, BufferEvent.REQUEST.ordinal(), track, 0, 0, 0);
        }
        log.appendAt(log.originNanos() + 300_000_000L, BufferEvent.REQUEST.ordinal(), track, 0, 0, 0);
        follow(log);
        String[] words = new String[1];
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.draw();
            Timeline.StateBar bar = timeline.barsDrawn().getFirst();
            words[0] = timeline.pointerWords((bar.x0() + bar.x1()) / 2, timeline.laneMiddleY(0));
        }).get();
        assertTrue(log.dropped() > 0, "the log dropped its oldest: " + log.dropped());
        assertTrue(words[0].startsWith("P1 working from before "), words[0]);
    }

    /** A timeline of the test's lanes as the stage's page, in a scroll pane that gives it its preferred height. */
    private Timeline<BufferReplay> inPage() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Timeline<BufferReplay> laidOut = new Timeline<>(rewind, lanes);
            ScrollPane page = new ScrollPane(new VBox(laidOut)); // each child at its preferred height
            page.setFitToWidth(true);
            stage.getScene().setRoot(page);
            return laidOut;
        }).get();
    }

    /**
     * Lanes that come after the first frames (a run's workers start as it goes) get their room: the
     * timeline asks for its height again (with 12 philosophers its last three lanes were cut off).
     */
    @Test
    void lanesThatComeLaterGetRoom() throws Exception {
        Timeline<BufferReplay> laidOut = inPage();
        EventLog log = run(5);
        follow(log);
        Thread.sleep(100); // a pulse or two: laid out for one lane
        WaitForAsyncUtils.waitForFxEvents();
        double oneLane = laidOut.getHeight();
        for (int p = 2; p <= 12; p++) {
            int track = log.addTrack("P" + p);
            log.appendNow(BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        }
        follow(log);
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
        double[] now = new double[2];
        WaitForAsyncUtils.asyncFx(() -> {
            now[0] = laidOut.getHeight();
            now[1] = laidOut.prefHeight(-1);
        }).get();
        assertTrue(now[0] > oneLane && now[0] >= now[1] - 0.5, "12 lanes: " + now[0] + " px high, wanting "
                + now[1] + " (one lane: " + oneLane + ")");
    }

    /**
     * A legend that wraps onto more rows than two gets them: at 150 % and 200 % the buffer's seven
     * entries took three and four rows, the height kept two, and "in put/take" and "at gate" were
     * drawn below the canvas (a keyboard user's tryout; the bars' colours then had no words).
     */
    @Test
    void aLegendThatWrapsGetsTheRowsItNeeds() throws Exception {
        lanes.legendOf = List.of(new Timeline.Legend(0, "working on its item"), new Timeline.Legend(1, "waiting for the lock"),
                new Timeline.Legend(0, "waiting for room in a slot"), new Timeline.Legend(1, "waiting for an item"),
                new Timeline.Legend(0, "at the gate, paused"), new Timeline.Legend(1, "in put or take"));
        lanes.waits = true;
        Timeline<BufferReplay> laidOut = inPage();
        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(420)).get();
        EventLog log = run(5);
        for (int p = 2; p <= 6; p++) { // lanes enough that the legend, not the least height, sets the foot
            log.appendNow(BufferEvent.REGISTER.ordinal(), log.addTrack("P" + p), 0, 0, 0);
        }
        follow(log);
        // A pulse or two, and the height asked again for the rows; the figures read after the wait either way.
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> OnFx.get(() -> laidOut.legendDrawnTo() <= laidOut.getHeight()));
        } catch (TimeoutException notInTime) {
            // the assertion below fails with the figures, which the timeout alone would not give
        }
        double[] drawn = OnFx.get(() -> new double[] {laidOut.legendDrawnTo(), laidOut.getHeight()});
        assertTrue(drawn[0] <= drawn[1], "the legend drawn to y " + drawn[0] + " in a timeline " + drawn[1] + " px high");
    }

    /**
     * With 16 producers and 16 consumers the puts and takes are labelled, as the caption promises: their
     * lanes were 10 px high, too low for a label at any zoom (a tryout zoomed to 2.1 ms and saw ticks only).
     */
    @Test
    void thirtyTwoLanesLabelTheirMarks() throws Exception {
        EventLog log = new EventLog(1_000);
        for (int p = 1; p <= 32; p++) {
            int track = log.addTrack((p <= 16 ? "P" : "C") + ((p - 1) % 16 + 1));
            log.appendNow(BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        }
        lanes.markedFrom = 32;
        for (int k = 0; k < 10; k++) {
            Thread.sleep(2);
            log.appendNow(BufferEvent.PUT.ordinal(), k * 3, 0, 0, 0); // lanes 0, 3, ..., 27
        }
        follow(log);
        WaitForAsyncUtils.asyncFx(timeline::draw).get();
        int labelled = timeline.marksLabelled();
        assertTrue(labelled >= 9, labelled + " of the ten marks labelled (the newest, at the right edge, may not be)");
    }

    /**
     * Ten events within a millisecond and one 200 ms later: on the clock event 5 sits at the left
     * edge; in event order every event is as wide as the next, so event 5 of 0 to 10 is half-way. The keys
     * zoom around the rewound moment, which stays in the window.
     */
    @Test
    void inEventOrderEveryEventIsAsWideAsTheNext() throws Exception {
        EventLog log = new EventLog(1_000);
        int track = log.addTrack("P1");
        log.appendNow(BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        for (int i = 0; i < 9; i++) {
            log.appendNow(BufferEvent.REQUEST.ordinal(), track, 0, 0, 0);
        }
        Thread.sleep(200);
        log.appendNow(BufferEvent.REQUEST.ordinal(), track, 0, 0, 0); // event 10, the last
        follow(log);
        double[] x = new double[4];
        WaitForAsyncUtils.asyncFx(() -> {
            rewind.allowedProperty().set(true);
            rewind.moveTo(6); // just after event 5
            timeline.draw();
            x[0] = timeline.positionDrawnAt();
            timeline.eventOrderProperty().set(true);
            timeline.draw();
            x[1] = timeline.positionDrawnAt();
        }).get();
        double left = 44; // the lane names' column at 13 px
        double width = timeline.getWidth() - left;
        assertTrue(x[0] < left + 0.05 * width, "on the clock, event 5 of a burst at the left edge: " + x[0]);
        assertEquals(left + width * 5 / 11, x[1], 2, "in order, event 5 of events 0 to 10 (and a step after it)");
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.eventOrderProperty().set(false);
            timeline.requestFocus();
        }).get();
        for (int i = 0; i < 6; i++) {
            WaitForAsyncUtils.asyncFx(() -> timeline.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "+", "+",
                    KeyCode.PLUS, false, false, false, false))).get();
        }
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.draw();
            x[2] = timeline.positionDrawnAt();
            x[3] = timeline.spanNanos();
        }).get();
        assertTrue(x[3] > 0 && x[3] < 10_000_000, "zoomed in to a few ms: " + x[3] + " ns");
        assertTrue(x[2] >= left && x[2] <= timeline.getWidth(), "the rewound moment still in the window: " + x[2]);
    }

    /** A log of one lane, P1, whose pauses are {@code clock}'s, started: P1's registration, event 0. */
    private static EventLog clockedLane(Stopwatch clock) {
        EventLog log = new EventLog(1_000);
        log.pausesOf(clock);
        clock.start();
        log.appendNow(BufferEvent.REGISTER.ordinal(), log.addTrack("P1"), 0, 0, 0);
        return log;
    }

    /**
     * Each pause of the run is a bar under the lanes as long as the pause on the clock; in event order,
     * as wide as the events recorded while paused (a step's). A pause going on ends at the newest event.
     */
    @Test
    void thePausesAreBarsAsLongAsThePauses() throws Exception {
        Stopwatch clock = new Stopwatch();
        EventLog log = clockedLane(clock);
        int track = 0;
        for (int i = 0; i < 9; i++) {
            log.appendNow(BufferEvent.REQUEST.ordinal(), track, 0, 0, 0); // events 1 to 9, a burst
        }
        clock.pause();
        Thread.sleep(100);
        log.appendNow(BufferEvent.REQUEST.ordinal(), track, 0, 0, 0); // event 10, a step's
        Thread.sleep(100);
        clock.resume();
        for (int i = 0; i < 10; i++) {
            log.appendNow(BufferEvent.REQUEST.ordinal(), track, 0, 0, 0); // events 11 to 20
        }
        clock.pause();
        follow(log);
        List<List<Timeline.PauseBar>> drawn = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.draw();
            drawn.add(timeline.pausesDrawn());
            timeline.eventOrderProperty().set(true);
            timeline.draw();
            drawn.add(timeline.pausesDrawn());
        }).get();
        double left = 44; // the lane names' column at 13 px
        double width = timeline.getWidth() - left;
        History<BufferReplay> history = rewind.history();
        long span = history.nanosOf(20) - history.nanosOf(0);
        Stopwatch.Pause first = clock.pauses().getFirst();
        Timeline.PauseBar onTheClock = drawn.get(0).getFirst();
        assertEquals(2, drawn.get(0).size(), "the pause that goes on too");
        assertEquals(width * (first.toNanos() - first.fromNanos()) / span, onTheClock.x1() - onTheClock.x0(), 2,
                "on the clock, as long as the pause: " + onTheClock);
        Timeline.PauseBar inOrder = drawn.get(1).getFirst();
        assertEquals(width / 21, inOrder.x1() - inOrder.x0(), 1, "in order, one event wide (of 0 to 20, and a step"
                + " after it): " + inOrder);
        assertEquals(left + width * 9.5 / 21, inOrder.x0(), 1, "from just after event 9");
        assertTrue(Timeline.pauseWords(history, first).endsWith("; 1 event recorded during it."),
                Timeline.pauseWords(history, first));
        assertTrue(Timeline.pauseWords(history, first).matches("Paused from \\S+ \\S+ to \\S+ \\S+ \\(\\S+ \\S+\\): .*"),
                Timeline.pauseWords(history, first));
    }

    /**
     * A bar that lasted through a pause says how much of it was the pause: the clock's lengths hold
     * the run's pauses, and "waiting for a fork from 7.89 s to 13.88 s" over a 5.8 s pause read as a
     * 6 s wait in the run (a learner's tryout).
     */
    @Test
    void aBarThroughAPauseSaysHowMuchOfItWasPaused() throws Exception {
        Stopwatch clock = new Stopwatch();
        EventLog log = clockedLane(clock);
        int track = 0;
        Thread.sleep(100);
        log.appendNow(BufferEvent.REQUEST.ordinal(), track, 0, 0, 0);
        Thread.sleep(50);
        clock.pause();
        Thread.sleep(200);
        clock.resume();
        Thread.sleep(50);
        log.appendNow(BufferEvent.REQUEST.ordinal(), track, 0, 0, 0);
        follow(log);
        String[] words = new String[2];
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.draw();
            Timeline.PauseBar pause = timeline.pausesDrawn().getFirst();
            words[0] = timeline.pointerWords((pause.x0() + pause.x1()) / 2, timeline.laneMiddleY(0));
        }).get();
        Stopwatch.Pause pause = clock.pauses().getFirst();
        String paused = String.format(java.util.Locale.ROOT, "%.1f ms of it paused)", (pause.toNanos() - pause.fromNanos()) / 1e6);
        assertTrue(words[0].startsWith("P1 working from ") && words[0].contains(" ms, " + paused), words[0]);
        // Zoomed in on the pause's middle, the bar is cut at both edges, and all of the part shown is paused.
        WaitForAsyncUtils.asyncFx(() -> {
            Timeline.PauseBar at = timeline.pausesDrawn().getFirst();
            timeline.zoomBy(0.25, (at.x0() + at.x1()) / 2);
            timeline.draw();
            Timeline.StateBar cut = timeline.barsDrawn().getFirst();
            words[1] = timeline.pointerWords((cut.x0() + cut.x1()) / 2, timeline.laneMiddleY(0));
        }).get();
        java.util.regex.Matcher lengths = java.util.regex.Pattern.compile(
                "P1 working from before [0-9.]+ ms to past [0-9.]+ ms \\(at least ([0-9.]+) ms, ([0-9.]+) ms of it paused\\)")
                .matcher(words[1]);
        assertTrue(lengths.lookingAt(), "zoomed in on the pause: " + words[1]);
        assertEquals(lengths.group(1), lengths.group(2), "the part shown is all paused: " + words[1]);
    }

    /**
     * A pause that goes on counts to the bar's end: paused, a step's event comes, and the bar before it
     * says how much of it the pause has taken so far.
     */
    @Test
    void aPauseGoingOnCountsToTheBarsEnd() throws Exception {
        Stopwatch clock = new Stopwatch();
        EventLog log = clockedLane(clock);
        Thread.sleep(100);
        clock.pause(); // and never resumed
        Thread.sleep(100);
        log.appendNow(BufferEvent.REQUEST.ordinal(), 0, 0, 0, 0); // a step's event, while paused
        follow(log);
        String[] words = new String[1];
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.draw();
            Timeline.PauseBar pause = timeline.pausesDrawn().getFirst();
            words[0] = timeline.pointerWords((pause.x0() + pause.x1()) / 2, timeline.laneMiddleY(0));
        }).get();
        History<BufferReplay> history = rewind.history();
        double pausedMillis = (history.nanosOf(1) - clock.pauses().getFirst().fromNanos()) / 1e6;
        java.util.regex.Matcher paused = java.util.regex.Pattern.compile(", ([0-9.]+) ms of it paused\\)").matcher(words[0]);
        assertTrue(paused.find(), words[0]);
        assertEquals(pausedMillis, Double.parseDouble(paused.group(1)), 2, "from the pause's start to the step: " + words[0]);
    }

    /** Ctrl+wheel zooms; the wheel alone is left to the page around (it scrolls), the timeline unchanged. */
    @Test
    void onlyCtrlWheelZooms() throws Exception {
        follow(run(20));
        WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < 2; i++) {
                ScrollEvent wheel = new ScrollEvent(
                        ScrollEvent.SCROLL, 400, 100, 400, 100, false, i == 1, false, false,
                        false, false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                        ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
                timeline.fireEvent(wheel);
                if (i == 0) {
                    assertEquals(0, timeline.spanNanos(), "the wheel alone does not zoom");
                }
            }
        }).get();
        assertTrue(timeline.spanNanos() > 0, "Ctrl+wheel zooms in");
    }

    /**
     * Zoomed in on the past while paused, the timeline follows the run again on Resume, at the
     * zoom chosen: it stayed on the past while the run went on out of sight.
     */
    @Test
    void resumeFollowsTheRunAgainAtTheZoomChosen() throws Exception {
        follow(run(20));
        WaitForAsyncUtils.asyncFx(() -> {
            rewind.allowedProperty().set(true); // paused
            timeline.zoomBy(0.2, 0); // about the first events
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        boolean[] seen = new boolean[2];
        long[] span = new long[2];
        WaitForAsyncUtils.asyncFx(() -> {
            seen[0] = timeline.following();
            span[0] = timeline.spanNanos();
            rewind.allowedProperty().set(false); // resumed
            seen[1] = timeline.following();
            span[1] = timeline.spanNanos();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(false, seen[0], "zoomed in on the first events, not following");
        assertEquals(true, seen[1], "resumed: following again");
        assertTrue(span[0] > 0 && span[1] == span[0], "the zoom kept: " + span[0] + " then " + span[1] + " ns");
    }

    /**
     * A moment on the newest event, at the right edge, is labelled whole at any text size: left of
     * its line where the right has no room ("deadlo" at 150 %, where 70 px were kept free).
     */
    @Test
    void aMomentAtTheRightEdgeIsLabelledWhole() throws Exception {
        lanes.momentAt = 20;
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().setStyle("-fx-font-size: 28px;")).get();
        follow(run(20));
        double[] drawn = new double[3];
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.draw();
            double[] label = timeline.momentLabelDrawn();
            drawn[0] = label.length == 0 ? Double.NaN : label[0];
            drawn[1] = label.length == 0 ? Double.NaN : label[1];
            drawn[2] = timeline.getWidth();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(drawn[1] <= drawn[2] && drawn[1] - drawn[0] > 60, "the label drawn from " + drawn[0] + " to "
                + drawn[1] + " px on a " + drawn[2] + " px timeline");
    }

    /**
     * A moment on the newest event, at the lanes' right edge, is drawn wholly inside them, its line
     * between two stripes of the background and in the moment's colour at its middle: half of it was
     * past the lanes' edge, over bars of a near colour, and a learner could hardly find it.
     */
    @Test
    void aMomentAtTheRightEdgeIsDrawnWhollyInsideTheLanes() throws Exception {
        lanes.momentAt = 20;
        follow(run(20));
        int[] argb = new int[4];
        double[] line = new double[3];
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.draw();
            double[] drawn = timeline.momentLineDrawn();
            line[0] = drawn[0];
            line[1] = drawn[1];
            line[2] = timeline.getWidth();
            WritableImage image = timeline.snapshot(null, null);
            int y = (int) timeline.laneMiddleY(0);
            int middle = (int) Math.floor((drawn[0] + drawn[1]) / 2);
            argb[0] = image.getPixelReader().getArgb(middle, y);
            argb[1] = image.getPixelReader().getArgb((int) Math.ceil(drawn[0]), y); // the halo's left edge
            argb[2] = argbOf(looked(Timeline.MOMENT_COLOUR));
            argb[3] = argbOf(looked("-color-bg-default"));
        }).get();
        assertTrue(line[0] >= timeline.lanesLeft() && line[1] <= line[2], "the line and its halo from " + line[0]
                + " to " + line[1] + " px, in lanes from " + timeline.lanesLeft() + " to " + line[2]);
        assertEquals(Integer.toHexString(argb[2]), Integer.toHexString(argb[0]), "the line's middle in the moment's colour");
        assertEquals(Integer.toHexString(argb[3]), Integer.toHexString(argb[1]), "the halo in the background's colour");
    }

    /** A looked-up colour as the timeline's stylesheets define it. FX thread. */
    private javafx.scene.paint.Color looked(String name) {
        ColourProbe probe = new ColourProbe(name, () -> { });
        javafx.scene.Scene scene = new javafx.scene.Scene(new VBox(probe));
        scene.getStylesheets().setAll(stage.getScene().getStylesheets());
        scene.getRoot().applyCss();
        return (javafx.scene.paint.Color) probe.paint(javafx.scene.paint.Color.TRANSPARENT);
    }

    private static int argbOf(javafx.scene.paint.Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    /**
     * A timeline scrolled out of sight is not drawn at each new event (JavaFX would render its
     * canvas at every frame all the same); it is drawn in the frame it comes into sight.
     */
    @Test
    void outOfSightItIsDrawnOnceScrolledTo() throws Exception {
        lanes.momentAt = 20;
        List<Timeline<BufferReplay>> below = new ArrayList<>();
        ScrollPane[] scroll = new ScrollPane[1];
        Stage[] page = new Stage[1];
        WaitForAsyncUtils.asyncFx(() -> {
            // A button above takes the first focus: the timeline, focusable, would be scrolled to.
            Button above = new Button("above");
            above.setMinHeight(1500);
            below.add(new Timeline<>(rewind, lanes));
            scroll[0] = new ScrollPane(new VBox(above, below.getFirst()));
            scroll[0].setFitToWidth(true);
            page[0] = StyledStage.show(scroll[0], 800, 300);
        }).get();
        try {
            follow(run(20));
            double[][] drawn = new double[2][];
            WaitForAsyncUtils.asyncFx(() -> drawn[0] = below.getFirst().momentLabelDrawn()).get();
            WaitForAsyncUtils.asyncFx(() -> scroll[0].setVvalue(1)).get();
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.asyncFx(() -> drawn[1] = below.getFirst().momentLabelDrawn()).get();
            assertEquals(0, drawn[0].length, "1,500 px below the window: no moment drawn");
            assertEquals(2, drawn[1].length, "scrolled to: the moment drawn and labelled");
        } finally {
            StyledStage.close(page[0]);
        }
    }

    /** A theme switched after the run (nothing new to draw) recolours the lanes all the same. */
    @Test
    void aNewThemeRecoloursTheLanes() throws Exception {
        follow(run(20));
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().setStyle("-il-working: #ff0000;")).get();
        WaitForAsyncUtils.waitForFxEvents();
        int[] red = new int[1];
        WaitForAsyncUtils.asyncFx(() -> {
            WritableImage image = timeline.snapshot(null, null);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    red[0] += image.getPixelReader().getArgb(x, y) == 0xffff0000 ? 1 : 0;
                }
            }
        }).get();
        assertTrue(red[0] > 1_000, red[0] + " pixels in the new lane colour");
    }

    /**
     * Marks packed closer than their ticks are wide stripe their lane, its colour showing between
     * the ticks: forty-four forks taken in 60 px were a solid black block, read as a state the
     * legend did not have.
     */
    @Test
    void packedMarksStripeTheirLaneRatherThanBlackenIt() throws Exception {
        lanes.markedFrom = 1;
        lanes.markedTrack = 0;
        EventLog log = twoLanes(10_000); // P1 and P2, registered at its origin
        int track = 0;
        int other = 1;
        long origin = log.originNanos();
        for (int k = 1; k <= 400; k++) { // 400 marks in the first tenth of the run: about 0.2 px apart
            log.appendAt(origin + k * 25_000L, BufferEvent.PUT.ordinal(), track, k, 0, 0);
        }
        log.appendAt(origin + 100_000_000L, BufferEvent.PUT.ordinal(), other, 0, 0, 0); // the run's end
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().setStyle("-il-working: #ff0000;")).get();
        follow(log);
        int[] red = new int[1];
        WaitForAsyncUtils.asyncFx(() -> {
            timeline.draw();
            WritableImage image = timeline.snapshot(null, null);
            int y = (int) timeline.laneMiddleY(0);
            int from = (int) timeline.lanesLeft();
            for (int x = from + 4; x < from + 60; x++) { // within the packed tenth (75 px wide)
                int argb = image.getPixelReader().getArgb(x, y);
                // Red, give or take the blending of a bar per pixel: not the ticks' ink (0x24292f).
                red[0] += (argb >> 16 & 0xff) >= 0xc0 && (argb >> 8 & 0xff) <= 0x60 ? 1 : 0;
            }
        }).get();
        assertTrue(red[0] >= 20, red[0] + " of 56 pixels show the lane's colour between the ticks");
    }

    /**
     * An ended run's timeline in a window made wider is drawn whole at the new width: it was drawn
     * when its width changed, on a canvas still at the old size, and the new room stayed blank (the
     * deadlock's end and its line cut off after a teacher maximised the window).
     */
    @Test
    void aWiderWindowDrawsTheWholeRunAtItsNewWidth() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().setStyle("-il-working: #ff0000;")).get();
        follow(run(20));
        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(1400)).get();
        WaitForAsyncUtils.waitForFxEvents();
        int[] redAtRight = new int[2];
        WaitForAsyncUtils.asyncFx(() -> {
            WritableImage image = timeline.snapshot(null, null);
            redAtRight[1] = (int) image.getWidth();
            int x = (int) image.getWidth() - 30; // beyond the 800 px it was drawn at first
            for (int y = 0; y < image.getHeight(); y++) {
                redAtRight[0] += image.getPixelReader().getArgb(x, y) == 0xffff0000 ? 1 : 0;
            }
        }).get();
        assertTrue(redAtRight[1] > 1_200, "the timeline widened: " + redAtRight[1] + " px");
        assertTrue(redAtRight[0] > 5, "the lane drawn 30 px from the new right edge: " + redAtRight[0] + " px");
    }
}
