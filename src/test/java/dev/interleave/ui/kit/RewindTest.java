package dev.interleave.ui.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import dev.interleave.engine.buffer.BufferEvent;
import dev.interleave.engine.buffer.BufferReplay;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.History;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event log's lines: at most LINES_SHOWN, the newest at present, those around a rewound position. */
class RewindTest {

    private static History<BufferReplay> history(EventLog log) {
        return new History<>(log, new BufferReplay(4), (batch, i) -> "event " + batch.seq(i));
    }

    private static void append(EventLog log, int track, int events) {
        for (int i = 0; i < events; i++) {
            log.appendNow(BufferEvent.REQUEST.ordinal(), track, 0, 0, 0);
        }
    }

    /**
     * A mirror of the lines kept by their change events alone, as a list view keeps its rows:
     * after every change it holds what the lines hold.
     */
    private static List<String> mirror(Rewind<BufferReplay> rewind) {
        List<String> mirror = new ArrayList<>(rewind.lines());
        rewind.lines().addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                mirror.subList(change.getFrom(), change.getFrom() + change.getRemovedSize()).clear();
                if (change.wasAdded()) {
                    mirror.addAll(change.getFrom(), change.getAddedSubList());
                }
            }
        });
        return mirror;
    }

    /**
     * The events said to be dropped are the log's: with 1,000 kept of 3,650 recorded, 2,650, though
     * the history still holds the start of a batch the log dropped only in part (it said 2,589,231
     * dropped of 3,600,650 recorded, 1,000,000 kept).
     */
    @Test
    void theDroppedAreTheLogs() {
        EventLog log = new EventLog(1_000);
        int track = log.addTrack("P1");
        Rewind<BufferReplay> rewind = new Rewind<>(UnaryOperator.identity(), () -> 0L);
        log.appendNow(BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        for (int round = 0; round < 10; round++) {
            append(log, track, round == 0 ? 364 : 365);
            rewind.follow(log, () -> history(log));
        }
        assertEquals(3_650, rewind.endProperty().get());
        assertEquals(2_650, log.dropped());
        assertEquals(2_650, rewind.droppedProperty().get());
    }

    /**
     * Once the log has dropped events the history never copied (its frames fell behind a fast run),
     * no state can be rebuilt: a rewind stays at now, and the history refuses a state, where it
     * showed the state it had stopped at (307,601 produced at event 3,144,599 of a run at 616,444).
     */
    @Test
    void aHistoryThatMissedEventsRebuildsNothing() {
        EventLog log = new EventLog(1_000);
        int track = log.addTrack("P1");
        Rewind<BufferReplay> rewind = new Rewind<>(UnaryOperator.identity(), () -> 0L);
        rewind.allowedProperty().set(true);
        log.appendNow(BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        append(log, track, 99);
        rewind.follow(log, () -> history(log));
        rewind.moveTo(50);
        assertEquals(50, rewind.positionProperty().get(), "all copied: it rewinds");
        rewind.toPresent();
        append(log, track, 3_000); // more than the log keeps, before the history copies them
        rewind.follow(log, () -> history(log));
        History<BufferReplay> history = rewind.history();
        assertFalse(history.rebuilds());
        rewind.moveTo(history.end());
        assertEquals(Rewind.PRESENT, rewind.positionProperty().get(), "nothing to rebuild: it stays at now");
        assertThrows(IllegalStateException.class, () -> history.stateAt(history.end()));
    }

    /**
     * Once the log has dropped events, the lines begin at the scrubber's start (the event just before
     * it), not at the oldest event kept: Home showed lines older than the start, which a selection
     * could not rewind to.
     */
    @Test
    void afterDroppedEventsTheLinesBeginWhereTheScrubberCanReach() {
        EventLog log = new EventLog(12_000);
        int track = log.addTrack("P1");
        Rewind<BufferReplay> rewind = new Rewind<>(UnaryOperator.identity(), () -> 0L);
        log.appendNow(BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        for (int round = 0; round < 60; round++) {
            append(log, track, 1_000);
            rewind.follow(log, () -> history(log));
        }
        long start = rewind.startProperty().get();
        assertTrue(log.dropped() > 0 && start - 1 > log.dropped(), "kept events before the start: dropped "
                + log.dropped() + ", start " + start);
        rewind.allowedProperty().set(true);
        rewind.moveTo(0); // Home
        assertEquals(start, rewind.positionProperty().get());
        assertEquals(start - 1, rewind.eventOfLine(0), "the first line is the event the start comes after");
        rewind.moveTo(start + 1);
        assertEquals(start - 1, rewind.eventOfLine(0));
    }

    @Test
    void theLinesAreTheNewestAtPresentAndThoseAroundAPosition() {
        EventLog log = new EventLog(100_000);
        int track = log.addTrack("P1");
        long[] now = {0};
        Rewind<BufferReplay> rewind = new Rewind<>(UnaryOperator.identity(), () -> now[0]);
        List<String> mirror = mirror(rewind);
        log.appendNow(BufferEvent.REGISTER.ordinal(), track, 0, 0, 0); // the replay names P1 first
        append(log, track, 2_999);
        rewind.follow(log, () -> history(log));
        assertEquals(3_000, rewind.lines().size(), "fewer events than LINES_SHOWN: a line each");
        assertEquals("0  event 0", rewind.lines().getFirst());

        append(log, track, 22_000);
        now[0] += Rewind.SLIDE_NANOS;
        rewind.follow(log, () -> history(log));
        assertEquals(Rewind.LINES_SHOWN, rewind.lines().size());
        assertEquals(15_000, rewind.eventOfLine(0), "the newest 10,000 of 25,000");
        assertEquals("24,999  event 24999", rewind.lines().getLast());
        assertEquals(Rewind.LINES_SHOWN - 1, rewind.lineOf(24_999));
        assertEquals(-1, rewind.lineOf(14_999));
        assertEquals(rewind.lines(), mirror, "the changes told the list what the lines are");

        rewind.allowedProperty().set(true);
        rewind.moveTo(101); // the state after event 100: far before the lines
        int line = rewind.lineOf(100);
        assertEquals("100  event 100", rewind.lines().get(line), "the lines moved to the position");
        assertEquals(0, rewind.eventOfLine(0), "as centred as the start allows");
        assertEquals(rewind.lines(), mirror);

        rewind.moveTo(20_001);
        assertEquals(15_000, rewind.eventOfLine(0), "centred on event 20,000, as far as the end allows");
        assertEquals("20,000  event 20000", rewind.lines().get(rewind.lineOf(20_000)));
        rewind.moveTo(12_001);
        assertEquals(7_000, rewind.eventOfLine(0), "centred on event 12,000");
        assertEquals(rewind.lines(), mirror);

        rewind.toPresent();
        rewind.moveTo(0); // Home from now: the run's start, before every event
        assertEquals(0, rewind.eventOfLine(0), "the lines go back to the start with it");
        assertEquals(rewind.lines(), mirror);
        rewind.toPresent();
        assertEquals(15_000, rewind.eventOfLine(0), "back to the newest");
        assertEquals("24,999  event 24999", rewind.lines().getLast());
        assertEquals(rewind.lines(), mirror);

        rewind.clear();
        assertEquals(0, rewind.lines().size());
        assertEquals(List.of(), mirror);
    }

    @Test
    void whileARunGoesManyNewEventsSlideTheLinesAtMostEveryQuarterSecond() {
        EventLog log = new EventLog(100_000);
        int track = log.addTrack("P1");
        long[] now = {0};
        Rewind<BufferReplay> rewind = new Rewind<>(UnaryOperator.identity(), () -> now[0]);
        List<String> mirror = mirror(rewind);
        log.appendNow(BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        append(log, track, 2_999);
        rewind.follow(log, () -> history(log));
        assertEquals("2,999  event 2999", rewind.lines().getLast(), "the first lines come at once");

        append(log, track, (int) Rewind.SLIDE_MAX_LINES);
        now[0] += 1_000_000;
        rewind.follow(log, () -> history(log));
        assertEquals("3,499  event 3499", rewind.lines().getLast(), "a few new events: at once (a step, a slow run)");

        append(log, track, 5_000);
        now[0] += Rewind.SLIDE_NANOS / 2;
        rewind.follow(log, () -> history(log));
        assertEquals("3,499  event 3499", rewind.lines().getLast(), "many, soon after the last slide: they wait");
        assertEquals(8_500, rewind.endProperty().get(), "the scrubber's end does not wait");

        now[0] += Rewind.SLIDE_NANOS / 2;
        append(log, track, 10);
        rewind.follow(log, () -> history(log));
        assertEquals("8,509  event 8509", rewind.lines().getLast(), "a quarter second after the last slide: the newest");
        assertEquals(rewind.lines(), mirror);

        append(log, track, 5_000);
        now[0] += 1_000_000;
        rewind.follow(log, () -> history(log));
        assertEquals("8,509  event 8509", rewind.lines().getLast());
        now[0] += Rewind.SLIDE_NANOS;
        rewind.follow(log, () -> history(log)); // nothing new since: a stall, a deadlock
        assertEquals("13,509  event 13509", rewind.lines().getLast(), "held back, then nothing new: they come");

        append(log, track, 5_000);
        now[0] += 1_000_000;
        rewind.follow(log, () -> history(log));
        assertEquals("13,509  event 13509", rewind.lines().getLast());
        rewind.allowedProperty().set(true); // paused, or the run ended
        assertEquals("18,509  event 18509", rewind.lines().getLast(), "paused: the held-back lines come at once");
        assertEquals(rewind.lines(), mirror);

        append(log, track, 5_000);
        now[0] += 1_000_000;
        rewind.follow(log, () -> history(log));
        assertEquals("23,509  event 23509", rewind.lines().getLast(), "while paused or ended, always at once");

        // A new run within a quarter second of the last slide: its first lines come at once.
        EventLog next = new EventLog(100_000);
        int p1 = next.addTrack("P1");
        next.appendNow(BufferEvent.REGISTER.ordinal(), p1, 0, 0, 0);
        append(next, p1, 2_000);
        rewind.allowedProperty().set(false);
        now[0] += 1_000_000;
        rewind.follow(next, () -> history(next));
        assertEquals("2,000  event 2000", rewind.lines().getLast(), "a new run's first lines");
    }
}
