package dev.interleave.engine.philosophers;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.History;
import dev.interleave.engine.run.RecordingThreads;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table's event log holds every change: the table rebuilt from the log ({@link TableState}
 * replaying it) equals the live table's samples, taken during free runs of every strategy and
 * after each step of a scripted deadlock, at each sample's exact event count.
 */
@Timeout(120)
class TableRecordingTest {

    /** The table rebuilt from {@code log} after {@code events} events, through a History (checkpoints and all). */
    private static TableView rebuilt(History<TableState> history, long events) {
        return history.stateAt(events).view();
    }

    private static History<TableState> history(EventLog log, PhilosophersSettings settings) {
        History<TableState> history = new History<>(log, new TableState(settings.n(),
                settings.strategy() == Strategy.WAITER), TableEvent::words);
        history.catchUp();
        return history;
    }

    /**
     * Free runs of each strategy with short delays: every live sample (one lock acquisition: the table
     * and its event count) equals the table rebuilt from the log at that count.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void theTableRebuiltFromTheLogEqualsTheLiveSamples(Strategy strategy) throws Exception {
        RecordingThreads threads = new RecordingThreads();
        PhilosophersRunner runner = new PhilosophersRunner(threads, Bug.NONE);
        runner.setRecording(4_000_000);
        PhilosophersSettings settings = PhilosophersSettings.of(5, strategy)
                .withDelays(new DelayRange(0, 1), new DelayRange(0, 1));
        runner.start(settings);
        List<Table.Sample> samples = new ArrayList<>();
        try {
            long end = System.nanoTime() + 600_000_000L;
            while (System.nanoTime() < end) {
                samples.add(runner.table().sample());
                Thread.sleep(3);
            }
        } finally {
            runner.stop();
        }
        samples.add(runner.table().sample());
        EventLog log = runner.snapshot().log();
        assertNotNull(log, "a recording run has a log");
        assertEquals(0, log.dropped(), "the log kept every event");
        History<TableState> history = history(log, settings);
        assertEquals(samples.getLast().events(), history.end(), "the last sample saw every event");
        for (Table.Sample sample : samples) {
            assertEquals(sample.view(), rebuilt(history, sample.events()), "after " + sample.events() + " events");
        }
        assertTrue(samples.getLast().view().totalAttempts() > 0, "the run did something");
        // The state a timeline reads from each event alone is the replay's.
        EventLog.Batch all = log.readAll();
        TableState replay = new TableState(settings.n(), strategy == Strategy.WAITER);
        for (int i = 0; i < all.size(); i++) {
            int p = all.track(i);
            PhilosopherState before = replay.state(p);
            replay.apply(all, i);
            int told = TableEvent.stateAfter(all, i);
            assertEquals(told == TableEvent.UNCHANGED ? before : PhilosopherState.values()[told], replay.state(p),
                    "after event " + i + ": " + TableEvent.words(all, i));
        }
        assertEquals(List.of(), threads.alive());
    }

    /**
     * A deadlock closed step by step (P1, P2, P3 each pick up their left fork, then reach for the
     * right one): after each step the rebuilt table equals the live one, and the last has the circle.
     */
    @ParameterizedTest(name = "{0} threads")
    @EnumSource(ThreadKind.class)
    void everyStepOfAScriptedDeadlockIsRebuilt(ThreadKind kind) throws Exception {
        RecordingThreads threads = new RecordingThreads();
        PhilosophersRunner runner = new PhilosophersRunner(threads, Bug.NONE);
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        PhilosophersSettings settings = PhilosophersSettings.of(3, Strategy.NAIVE).withThreads(kind);
        runner.startPaused(settings);
        try {
            Await.until(runner, "everyone at the gate", now -> now.steps().atGate().size() == 3);
            List<Table.Sample> samples = new ArrayList<>();
            samples.add(runner.table().sample());
            for (int p : new int[] {0, 1, 2, 0, 1, 2}) {
                runner.step(p);
                String who = Names.philosopher(p);
                int index = p;
                // Taken (no permit left), and done: parked at its gate again, or blocked on a fork.
                Await.until(runner, who + " done with its step", now -> !now.steps().pending()
                        && (now.steps().atGate().contains(who)
                        || now.table().philosophers().get(index).state() == PhilosopherState.WAITING_FOR_FORK));
                samples.add(runner.table().sample());
            }
            assertNotNull(samples.getLast().view().deadlock(), "the third wait closes the circle");
            EventLog log = runner.snapshot().log();
            History<TableState> history = history(log, settings);
            for (Table.Sample sample : samples) {
                assertEquals(sample.view(), rebuilt(history, sample.events()), "after " + sample.events() + " events");
            }
            // Before the last wait there was no deadlock: rewound, the table shows the circle open.
            assertNull(rebuilt(history, samples.get(samples.size() - 2).events()).deadlock());
        } finally {
            runner.stop();
        }
        assertEquals(List.of(), threads.alive());
    }

    /** Every event of a run can be told in words, and the deadlock's closing event names the fork. */
    @Test
    void everyEventIsToldInWords() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        runner.start(PhilosophersSettings.of(2, Strategy.NAIVE));
        try {
            assertNotNull(runner.awaitDeadlock(Await.DEADLINE));
        } finally {
            runner.stop();
        }
        EventLog.Batch all = runner.snapshot().log().readAll();
        boolean deadlockTold = false;
        for (int i = 0; i < all.size(); i++) {
            String words = TableEvent.words(all, i);
            assertTrue(words.startsWith("P") || words.startsWith("the circle"), words);
            deadlockTold |= TableEvent.of(all, i) == TableEvent.DEADLOCK && words.contains("deadlock");
        }
        assertTrue(deadlockTold, "the deadlock is an event");
    }
    /**
     * P2 reaches for F1 while it lies on the table and P1 picks it up first: P1's pick-up names P2
     * (else the log reads "P2 reaches for F1: it lies on the table", then "P1 picks up F1", a
     * puzzle); a pick-up nobody else reached for names nobody.
     */
    @Test
    void aPickUpAheadOfANeighbourWhoReachedForTheForkNamesIt() {
        EventLog log = new EventLog(64);
        Table table = new Table(3, false, false, () -> 0L, Bug.NONE, log);
        table.reach(1, 0, Table.NO_LIMIT); // P2 reaches for its right fork, F1: free
        table.took(0, 0); // P1 takes F1 (its left) before P2's lock
        table.took(1, 1); // P2 takes F2, which nobody else reached for
        table.reach(2, 1, Table.NO_LIMIT); // P3 reaches for F2 (its right), held by P2
        table.putDown(1, 1);
        table.took(0, 1); // P1 takes F2, its second fork, ahead of P3
        EventLog.Batch all = log.readAll();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            words.add(TableEvent.words(all, i));
        }
        assertEquals(List.of("P2 reaches for F1 (its right fork): it lies on the table",
                "P1 picks up F1 (its left fork) ahead of P2, who reached for it too",
                "P2 picks up F2 (its left fork)",
                "P3 reaches for F2 (its right fork), held by P2, and waits",
                "P2 puts down F2 (its left fork)",
                "P1 picks up F2 (its right fork) ahead of P3, who reached for it too: both forks"), words);
    }

    /**
     * Giving a seat back is an action: the last action after it is not "P1 sits down (2 of 2 seats
     * taken)" beside a seats card of 1 (a teacher's tryout, the waiter paused).
     */
    @Test
    void aSeatGivenBackIsTheLastAction() {
        Table table = new Table(3, false, true, () -> 0L, Bug.NONE, new EventLog(64)); // with the waiter: 2 seats
        table.askSeat(0);
        table.sat(0);
        table.askSeat(1);
        table.sat(1);
        assertEquals("P2 sits down (2 of 2 seats taken)", table.view().recentActions().getLast().words());
        table.left(0);
        assertEquals("P1 gives its seat back", table.view().recentActions().getLast().words());
        assertEquals(1, table.view().seated());
    }
}
