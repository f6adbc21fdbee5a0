package dev.interleave.engine.run;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.interleave.TestThreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run kit's event log: order, fields, the newest N kept, time, and reads racing writes. */
@Timeout(60)
class EventLogTest {

    /** Every field comes back as written, in order, numbered from 0. */
    @Test
    void eventsComeBackInOrderWithTheirFields() {
        EventLog log = new EventLog(10);
        int p1 = log.addTrack("P1");
        int c1 = log.addTrack("C1");
        log.append(2, p1, 17, 5, 1);
        log.appendNow(3, c1, 0, EventLog.MAX_SLOT, EventLog.MAX_OTHER);
        log.appendAt(System.nanoTime(), EventLog.MAX_KINDS - 1, c1, Long.MAX_VALUE, 0, 0);

        EventLog.Batch batch = log.readAll();
        assertEquals(List.of("P1", "C1"), batch.tracks());
        assertEquals(3, batch.size());
        assertEquals(0, batch.firstSeq());
        List<EventLog.Event> events = batch.events();
        assertEquals(new EventLog.Event(0, events.get(0).nanos(), 2, p1, 17, 5, 1), events.get(0));
        assertEquals(new EventLog.Event(1, events.get(1).nanos(), 3, c1, 0, EventLog.MAX_SLOT, EventLog.MAX_OTHER),
                events.get(1));
        assertEquals(new EventLog.Event(2, events.get(2).nanos(), EventLog.MAX_KINDS - 1, c1, Long.MAX_VALUE, 0, 0),
                events.get(2));
        assertEquals(3, log.written());
        assertEquals(0, log.dropped());
    }

    /** Past its capacity it keeps the newest events and counts the rest as dropped. */
    @Test
    void keepsTheNewestAndCountsTheDropped() {
        EventLog log = new EventLog(100);
        int track = log.addTrack("P1");
        for (int i = 0; i < 1_050; i++) {
            log.append(1, track, i, i % 100, 0);
        }
        assertEquals(1_050, log.written());
        assertEquals(950, log.dropped());
        EventLog.Batch all = log.readAll();
        assertEquals(100, all.size());
        assertEquals(950, all.firstSeq());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(all.seq(i), all.item(i), "event " + all.seq(i));
        }
        EventLog.Batch fromDropped = log.read(10, 5);
        assertEquals(950, fromDropped.firstSeq(), "a read from a dropped event starts at the oldest kept");
        assertEquals(5, fromDropped.size());
        EventLog.Batch tail = log.read(1_040, 1_000);
        assertEquals(10, tail.size());
        assertEquals(1_049, tail.item(9));
        assertTrue(log.read(1_050, 10).isEmpty());
    }

    /** Times never go down from one event to the next, whether read from the clock, given or strided. */
    @Test
    void timesNeverGoDown() {
        EventLog log = new EventLog(10_000);
        int track = log.addTrack("P1");
        long start = System.nanoTime();
        for (int i = 0; i < 5_000; i++) {
            switch (i % 7) {
                case 0 -> log.appendAt(start - 1_000_000, 1, track, i, 0, 0); // a reading from the past
                case 3 -> log.appendNow(1, track, i, 0, 0);
                default -> log.append(1, track, i, 0, 0);
            }
        }
        EventLog.Batch all = log.readAll();
        assertTrue(all.nanos(0) >= log.originNanos());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.nanos(i) >= all.nanos(i - 1), "event " + i + " is earlier than event " + (i - 1));
        }
        assertTrue(all.nanos(all.size() - 1) <= System.nanoTime());
    }

    /** Slow events each carry their own clock reading; fast ones share one at most MAX_STRIDE events apart. */
    @Test
    void fastEventsShareAReadingAtMostAStrideApart() throws InterruptedException {
        EventLog log = new EventLog(10_000);
        int track = log.addTrack("P1");
        for (int i = 0; i < 3; i++) {
            Thread.sleep(2);
            log.append(1, track, i, 0, 0);
        }
        EventLog.Batch slow = log.readAll();
        assertTrue(slow.nanos(1) - slow.nanos(0) >= 1_000_000 && slow.nanos(2) - slow.nanos(1) >= 1_000_000,
                "each slow event has its own time: " + slow.events());
        for (int i = 0; i < 5_000; i++) {
            log.append(1, track, i, 0, 0);
        }
        EventLog.Batch fast = log.read(3, 5_000);
        int run = 1;
        int longest = 1;
        for (int i = 1; i < fast.size(); i++) {
            run = fast.nanos(i) == fast.nanos(i - 1) ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        assertTrue(longest > 1, "fast events share readings");
        assertTrue(longest <= EventLog.MAX_STRIDE, "at most " + EventLog.MAX_STRIDE + " share one, were " + longest);
    }

    /**
     * An event appended not before a time its writer took itself (a lock request's fresh reading)
     * is not given the older shared reading of a fast run: a contended request was recorded 10 ns
     * before it asked (CI).
     */
    @Test
    void anEventIsNotBeforeTheTimeItsWriterTook() {
        EventLog log = new EventLog(10_000);
        int track = log.addTrack("P1");
        for (int i = 0; i < 5_000; i++) {
            log.append(1, track, i, 0, 0); // fast: events share readings, 32 at most
        }
        for (int i = 0; i < 100; i++) {
            long asked = System.nanoTime();
            log.appendNotBefore(asked, 1, track, asked, 0, 0);
            EventLog.Batch last = log.read(log.written() - 1, 1);
            assertTrue(last.nanos(0) >= asked, "recorded at " + last.nanos(0) + ", asked at " + asked);
            log.append(1, track, i, 0, 0);
        }
    }

    /**
     * A short burst (a step's put and the wake-ups its signal sends, all in one critical section)
     * does not make the next event, a while later, share the burst's time: a slow run's timeline
     * would otherwise draw that event up to seconds early.
     */
    @Test
    void anEventAfterAShortBurstCarriesItsOwnTime() throws InterruptedException {
        EventLog log = new EventLog(10_000);
        int track = log.addTrack("P1");
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < EventLog.FAST_READINGS / 2; i++) {
                log.append(1, track, i, 0, 0);
            }
            Thread.sleep(20);
            log.append(2, track, 0, 0, 0);
        }
        EventLog.Batch all = log.readAll();
        for (int i = 1; i < all.size(); i++) {
            if (all.kind(i) == 2) {
                assertTrue(all.nanos(i) - all.nanos(i - 1) >= 10_000_000,
                        "the event after a burst and 20 ms has its own time: " + all.get(i - 1) + " then " + all.get(i));
            }
        }
    }

    /**
     * A time taken before the writers' lock (when a request for it began) is a fresh clock reading
     * while events come slowly, and the latest reading, without reading the clock, while they come
     * fast: a free run asks for its lock millions of times a second.
     */
    @Test
    void recentNanosReadsTheClockOnlyWhileEventsComeSlowly() throws InterruptedException {
        EventLog log = new EventLog(10_000);
        int track = log.addTrack("P1");
        for (int i = 0; i < 3; i++) {
            Thread.sleep(2);
            log.append(1, track, i, 0, 0);
        }
        Thread.sleep(5);
        long before = System.nanoTime();
        assertTrue(log.recentNanos() >= before, "slow: a fresh reading");

        for (int i = 0; i < 5_000; i++) {
            log.append(1, track, i, 0, 0);
        }
        long latest = log.read(log.written() - 1, 1).nanos(0);
        Thread.sleep(5);
        long recent = log.recentNanos();
        assertEquals(latest, recent, "fast: the latest event's reading, 5 ms old, not a fresh one");
        assertTrue(recent <= System.nanoTime(), "a lower bound");
    }

    @Test
    void refusesWhatItCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> new EventLog(0));
        assertThrows(IllegalArgumentException.class, () -> new EventLog(Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> new EventLog(10).read(-1, 5));
    }

    /**
     * A reader racing a writer that laps a small ring never gets an event that is not the one its
     * number names: every event read has item == seq and slot == seq % 1,000 (a torn or overwritten
     * event would not). At least 200,000 events through 64 slots, and until the reader has read
     * 5,000 times with events in hand.
     */
    @Test
    void readsRacingTheWriterNeverReturnAnOverwrittenEvent() {
        assertEquals(0, badEventsSeen(EventLog.Bug.NONE));
    }

    /** The same race with the reader's re-check switched off (the planted bug) does return overwritten events. */
    @Test
    void theRaceCatchesAReaderThatDoesNotCheckAgain() {
        long bad = 0;
        // Up to 200 races, ending at the first that sees it: on a loaded machine the reader and the
        // writer may take turns rather than overlap, and ten races once saw nothing (CI).
        int attempt = 0;
        while (attempt < 200 && bad == 0) {
            bad = badEventsSeen(EventLog.Bug.NO_RECHECK);
            attempt++;
        }
        assertTrue(bad > 0, "the planted bug went unseen in " + attempt + " races");
    }

    /** Events read whose fields do not match their number, in one race of a writer against a reader. */
    private static long badEventsSeen(EventLog.Bug bug) {
        EventLog log = new EventLog(64, bug);
        ReentrantLock writers = new ReentrantLock();
        int track;
        writers.lock();
        try {
            track = log.addTrack("W");
        } finally {
            writers.unlock();
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        long[] bad = new long[1];
        long[] read = new long[1];
        CountDownLatch go = new CountDownLatch(2);
        TestThreads threads = new TestThreads();
        threads.start("writer", () -> {
            go.countDown();
            go.await();
            // Until the reader has read events a few thousand times (a bounded loop: at most 20,000,000 events).
            for (long seq = 0; seq < 20_000_000 && (seq < 200_000 || reads.get() < 5_000); seq++) {
                writers.lock();
                try {
                    log.append(1, track, seq, (int) (seq % 1_000), (int) (seq % 7));
                } finally {
                    writers.unlock();
                }
            }
            writing.set(false);
        });
        threads.start("reader", () -> {
            go.countDown();
            go.await();
            while (writing.get()) {
                EventLog.Batch batch = log.read(Math.max(0, log.written() - 64), 64);
                for (int i = 0; i < batch.size(); i++) {
                    long seq = batch.seq(i);
                    if (batch.item(i) != seq || batch.slot(i) != seq % 1_000 || batch.other(i) != seq % 7
                            || batch.track(i) != track) {
                        bad[0]++;
                    }
                }
                read[0] += batch.size();
                if (batch.size() > 0) {
                    // Only reads that got events count: on a loaded machine the reader could spin
                    // through its reads before the first append and then sleep through the rest.
                    reads.incrementAndGet();
                }
            }
        });
        threads.joinAll();
        assertTrue(read[0] > 0, "the reader read nothing");
        return bad[0];
    }
}
