package dev.interleave.ui.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.interleave.engine.buffer.BufferEvent;
import dev.interleave.engine.buffer.BufferReplay;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.History;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event log under the timeline follows a run at the present. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class HistoryPaneFxTest {

    private Stage stage;
    private Rewind<BufferReplay> rewind;
    private HistoryPane<BufferReplay> pane;

    @Start
    void start(Stage primary) {
        rewind = new Rewind<>();
        pane = new HistoryPane<>(rewind, new TimelineFxTest.OneState(), "test-history", "A run's events.", "the test");
        // Cells of a fractional height (25.9 px), as the window's are (23.4 px).
        pane.setStyle("-fx-font-size: 14.4px;");
        stage = StyledStage.showThemed(pane, 800, 500);
    }

    @AfterAll
    static void unthemed() {
        StyledStage.unthemed();
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    /**
     * Before any run the scrubber has no range (0 to 0): its thumb must still have a place. With
     * min = max JavaFX put the thumb at NaN, a value never equal to itself, so every layout pass
     * moved it again and asked for another: an idle Bounded Buffer or Dining Philosophers view kept
     * the renderer busy, 1.2 cores of two, forever.
     */
    @Test
    void anEmptyScrubbersThumbHasAPlaceAndTheViewRests() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node thumb = pane.lookup("#scrubber").lookup(".thumb");
        double[] x = new double[1];
        WaitForAsyncUtils.asyncFx(() -> x[0] = thumb.getLayoutX()).get();
        assertTrue(Double.isFinite(x[0]), "the thumb at " + x[0]);
        int[] passes = {0};
        WaitForAsyncUtils.asyncFx(() -> pane.needsLayoutProperty().addListener((obs, was, now) -> {
            if (now) {
                passes[0]++;
            }
        })).get();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(passes[0] <= 1, "an idle pane asked for " + passes[0] + " layouts in 0.5 s");
    }

    /**
     * The log's rows are whole pixels high at any zoom: at 150 % (19.5 px) the stylesheet's 1.8 em is
     * 35.1 px, and with rows of a fractional height a full log at its end moved its position by a
     * rounding error at every layout and asked for another, so a paused or ended philosophers run
     * kept the renderer repainting the window at every frame (seen under Xvfb; the headless platform
     * did not show the loop itself, so this holds the rows to whole pixels).
     */
    @Test
    void theLogsRowsAreWholePixelsHigh() throws Exception {
        ListView<?> events = (ListView<?>) pane.lookup("#event-log");
        for (double size : new double[] {13, 14.4, 19.5, 26}) {
            WaitForAsyncUtils.asyncFx(() -> pane.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %spx;", size)))
                    .get();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> {
                double rows = events.getFixedCellSize();
                return rows > 1.7 * size && rows < 3.2 * size && rows == Math.rint(rows);
            }));
        }
    }

    /**
     * After each burst of lines, slow enough to follow, the newest line is in view. ListView's
     * scrollTo(last) stopped one line short after the burst of 47 (210 of 212 in view), and in the
     * window a paused run kept its newest line out of sight (BufferLabFxTest, once in fifteen runs
     * on a loaded machine).
     */
    @Test
    void theNewestLineComesIntoViewAfterEachBurst() throws Exception {
        EventLog log = new EventLog(10_000);
        int track = log.addTrack("P1");
        log.appendNow(BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        for (int i = 1; i < 30; i++) {
            log.appendNow(BufferEvent.REQUEST.ordinal(), track, 0, 0, 0);
        }
        ListView<?> events = (ListView<?>) pane.lookup("#event-log");
        List<String> wanted = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        int size = 30;
        for (int step = 0; step < 12; step++) {
            int burst = 5 + 7 * step;
            for (int k = 0; k < burst; k++) {
                log.appendNow(BufferEvent.REQUEST.ordinal(), track, 0, 0, 0);
            }
            size += burst;
            wanted.add((size - 1) + " of " + size);
            WaitForAsyncUtils.asyncFx(() -> rewind.follow(log, () -> new History<>(log, new BufferReplay(4),
                    (batch, i) -> "event " + batch.seq(i)))).get();
            // Looked at until it comes (a quarter second between two looks, and a few frames; a
            // loaded machine may take longer), at most 5 s: what was in view last is what it shows.
            String want = wanted.getLast();
            String[] inView = {"nothing"};
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> {
                    VirtualFlow<?> flow = (VirtualFlow<?>) events.lookup(".virtual-flow");
                    inView[0] = flow.getLastVisibleCell() == null ? "nothing"
                            : flow.getLastVisibleCell().getIndex() + " of " + events.getItems().size();
                    return inView[0].equals(want);
                }));
            } catch (TimeoutException e) {
                // reported below, with every burst's
            }
            seen.add(inView[0]);
        }
        assertEquals(wanted, seen, "the last line in view after each burst");
    }

    /**
     * A line that needs three lines at the log's width gets rows three lines high, its whole text in
     * sight: a violation's line at 150 % in 1024x700 was cut after its second line (rows were two
     * lines high at most). Rewound to it, its line is in view (with three lines before it, as for
     * rows of one line, it was below the list's edge).
     */
    @Test
    void aLineOfThreeLinesGetsRowsThreeLinesHigh(FxRobot robot) throws Exception {
        EventLog log = logOf(40);
        String violation = "C2 took #1,234 from slot 3, which was empty: a VIOLATION, no item was there to take (its if"
                + " did not check again after a spurious wake-up, so it went on as if notEmpty had been signalled);"
                + " the take before it emptied that slot ";
        robot.interact(() -> rewind.follow(log, () -> new History<>(log, new BufferReplay(4),
                (batch, i) -> (batch.seq(i) == 36 ? violation : "P1 asks for the lock ") + batch.seq(i))));
        ListView<?> events = (ListView<?>) pane.lookup("#event-log");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(
                () -> Math.abs(events.getFixedCellSize() - 4.4 * 14.4) < 0.5));
        // Rewound to the violation, as a run stopped by it is: its line in view, with the lines before
        // it that fit (three before it, at three lines a row, put it below the list's edge).
        robot.interact(() -> {
            rewind.allowedProperty().set(true); // the run is over
            rewind.moveTo(37);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            int at = events.getSelectionModel().getSelectedIndex();
            VirtualFlow<?> flow = (VirtualFlow<?>) events.lookup(".virtual-flow");
            ListCell<?> cell = (ListCell<?>) flow.getVisibleCell(at);
            assertTrue(cell != null && cell.getText().contains("C2 took"), "the violation's row, the position's: line "
                    + at + " of " + events.getItems().size() + ", lines " + flow.getFirstVisibleCell().getIndex() + " to "
                    + flow.getLastVisibleCell().getIndex() + " in view");
            // in view, not only among the flow's cells
            Bounds row = cell.localToScene(cell.getLayoutBounds());
            Bounds list = flow.localToScene(flow.getLayoutBounds());
            assertTrue(row.getMinY() >= list.getMinY() - 0.5 && row.getMaxY() <= list.getMaxY() + 0.5,
                    "the violation's row " + row + " in the list's view " + list);
            double needs = cell.prefHeight(cell.getWidth());
            assertTrue(needs <= cell.getHeight() + 0.5, "the violation's row " + cell.getHeight() + " px high, its text "
                    + needs + " px: nothing cut");
            assertTrue(cell.getWidth() <= events.getWidth(), "nothing cut at the right edge");
        });
    }

    /** A log of {@code events} events of one worker, P1: its registration, then lock requests. */
    private static EventLog logOf(int events) {
        EventLog log = new EventLog(10_000);
        int track = log.addTrack("P1");
        log.appendNow(BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        for (int i = 1; i < events; i++) {
            log.appendNow(BufferEvent.REQUEST.ordinal(), track, 0, 0, 0);
        }
        return log;
    }

    /**
     * The position names the moment by the last event it follows, as the log numbers its lines (and
     * the timeline its axis) from 0: "now (40 events)" stood beside a log ending at line 39 (a
     * learner's tryout).
     */
    @Test
    void thePositionNamesTheLastEventAsTheLogNumbersIt(FxRobot robot) {
        javafx.scene.control.Label position = (javafx.scene.control.Label) pane.lookup("#scrub-position");
        assertEquals("now (no events yet)", OnFx.get(position::getText));
        EventLog log = logOf(40);
        robot.interact(() -> rewind.follow(log, () -> new History<>(log, new BufferReplay(4),
                (batch, i) -> "event " + batch.seq(i))));
        robot.interact(() -> {
            assertEquals("now: after event 39 (40 recorded)", position.getText());
            assertTrue(rewind.lines().getLast().startsWith("39 "), "the log's last line: " + rewind.lines().getLast());
            rewind.allowedProperty().set(true);
            rewind.moveTo(21);
            assertEquals("after event 20 (40 recorded)", position.getText());
            assertTrue(rewind.lines().get(events().getSelectionModel().getSelectedIndex()).startsWith("20 "),
                    "the line selected is the event named");
        });
    }

    private ListView<?> events() {
        return (ListView<?>) pane.lookup("#event-log");
    }

    /**
     * In the log, the scrubber's keys walk the events (Right: one on; Home: the start, before every
     * line, with no line selected), as they do on the scrubber.
     */
    @Test
    void theLogWalksTheEventsWithTheScrubbersKeys(FxRobot robot) throws Exception {
        EventLog log = logOf(40);
        ListView<?> events = (ListView<?>) pane.lookup("#event-log");
        robot.interact(() -> {
            rewind.follow(log, () -> new History<>(log, new BufferReplay(4), (batch, i) -> "event " + batch.seq(i)));
            rewind.allowedProperty().set(true);
            rewind.moveTo(21); // just after event 20
            pane.focusLog();
        });
        assertEquals(rewind.lineOf(20), events.getSelectionModel().getSelectedIndex());
        robot.type(KeyCode.RIGHT);
        assertEquals(22, rewind.positionProperty().get(), "Right: one event on");
        assertEquals(rewind.lineOf(21), events.getSelectionModel().getSelectedIndex());
        robot.type(KeyCode.HOME);
        assertEquals(rewind.startProperty().get(), rewind.positionProperty().get(), "Home: the start");
        assertEquals(-1, events.getSelectionModel().getSelectedIndex(), "at the start no event has happened");
        robot.type(KeyCode.END);
        assertEquals(Rewind.PRESENT, rewind.positionProperty().get(), "End: now");
        // Page Down past the newest event goes on to now, as Right does from it; it stopped at the
        // newest, the view still "Rewound" (a learner's tryout).
        robot.interact(() -> rewind.moveTo(rewind.endProperty().get() - 10));
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(Rewind.PRESENT, rewind.positionProperty().get(), "Page Down past the newest event: now");
    }

    /**
     * At a large zoom (26 px text in 800 px: 31 em) a long line wraps onto a second in a row two lines
     * high, with no sideways scrolling, and the position goes below the scrubber; at the window's
     * usual size each stays on one line. At 200 % lines were cut at the right edge, and "Rewind" and
     * "Now" were squeezed to "...".
     */
    @Test
    void aNarrowLogWrapsItsLinesAndThePositionGoesBelow(FxRobot robot) throws Exception {
        EventLog log = logOf(40);
        robot.interact(() -> rewind.follow(log, () -> new History<>(log, new BufferReplay(4),
                (batch, i) -> "P2 put #12,345 into slot 7, signalled notEmpty (no one was waiting) " + batch.seq(i))));
        ListView<?> events = (ListView<?>) pane.lookup("#event-log");
        Node position = pane.lookup("#scrub-position");
        Node scrubber = pane.lookup("#scrubber");
        PseudoClass narrow = PseudoClass.getPseudoClass("narrow");
        for (double size : new double[] {14.4, 26, 14.4}) {
            robot.interact(() -> pane.setStyle("-fx-font-size: " + size + "px;"));
            boolean wraps = size > 20;
            // The rows' height follows at the pulse after the log is found narrow.
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Math.abs(events.getFixedCellSize()
                    - (wraps ? 3.1 : 1.8) * size) < 0.5 && (position.getParent() == scrubber.getParent()) != wraps);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                assertEquals(wraps, events.getPseudoClassStates().contains(narrow), size + " px: the log is narrow");
                assertEquals((wraps ? 3.1 : 1.8) * size, events.getFixedCellSize(), 0.5, size + " px: the rows' height");
                VirtualFlow<?> flow = (VirtualFlow<?>) events.lookup(".virtual-flow");
                ListCell<?> cell = (ListCell<?>) flow.getFirstVisibleCell();
                assertEquals(wraps, cell.isWrapText(), size + " px: a line wraps");
                assertTrue(cell.getWidth() <= events.getWidth(), size + " px: a row no wider than the list ("
                        + cell.getWidth() + " in " + events.getWidth() + "): nothing cut at the right edge");
                assertEquals(!wraps, position.getParent() == scrubber.getParent(),
                        size + " px: the position beside the scrubber");
            });
        }
    }

    /**
     * A line wider than the log wraps too, at any size: a spurious wake-up with the if bug ("...
     * then goes straight on: its if does not check again") ran past the right edge at 1024x700, 100 %
     * (a teacher's tryout). A new run's short lines are on one line again.
     */
    @Test
    void aLineWiderThanTheLogWrapsItsLines(FxRobot robot) throws Exception {
        EventLog log = logOf(40);
        String spurious = "C1 woke up spuriously (no signal: injected by the lab) and waits for the lock, then goes"
                + " straight on: its if does not check again ";
        robot.interact(() -> rewind.follow(log, () -> new History<>(log, new BufferReplay(4),
                (batch, i) -> (batch.seq(i) == 38 ? spurious : "P1 asks for the lock ") + batch.seq(i))));
        ListView<?> events = (ListView<?>) pane.lookup("#event-log");
        PseudoClass narrow = PseudoClass.getPseudoClass("narrow");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> events.getPseudoClassStates().contains(narrow)
                && Math.abs(events.getFixedCellSize() - 3.1 * 14.4) < 0.5));
        robot.interact(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) events.lookup(".virtual-flow");
            ListCell<?> cell = (ListCell<?>) flow.getLastVisibleCell();
            assertTrue(cell.isWrapText(), "a line wraps");
            assertTrue(cell.getWidth() <= events.getWidth(), "nothing cut at the right edge");
        });

        EventLog next = logOf(40);
        robot.interact(() -> {
            rewind.clear();
            rewind.follow(next, () -> new History<>(next, new BufferReplay(4), (batch, i) -> "P1 asks " + batch.seq(i)));
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(() -> !events.getPseudoClassStates().contains(narrow)
                && Math.abs(events.getFixedCellSize() - 1.8 * 14.4) < 0.5));
    }
}
