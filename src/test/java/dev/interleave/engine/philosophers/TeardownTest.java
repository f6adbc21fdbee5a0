package dev.interleave.engine.philosophers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Gate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A fork a philosopher locks as the run ends is put back untold: the run's story ends with the
 * run. At a Stop of a deadlock, a philosopher whose neighbour (interrupted first) had put its fork
 * down locked it before its own interrupt was seen, and the timeline told "P5 picks up F1: both
 * forks" after the circle closed (a teacher's tryout).
 */
class TeardownTest {

    private final EventLog log = new EventLog(1_000);
    private final Table table = new Table(2, false, false, System::nanoTime, Bug.NONE, log);
    private final AtomicBoolean ending = new AtomicBoolean();
    private final Philosopher p1 = new Philosopher(0, table, new Gate(), new AtomicLong(), ending::get);

    private List<TableEvent> kinds() {
        EventLog.Batch all = log.readAll();
        List<TableEvent> kinds = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            kinds.add(TableEvent.values()[all.kind(i)]);
        }
        return kinds;
    }

    @Test
    void whileTheRunGoesAForkTakenIsTold() throws Exception {
        p1.take(0);
        assertTrue(table.fork(0).isHeldByCurrentThread());
        assertTrue(kinds().contains(TableEvent.TAKE), kinds().toString());
        assertTrue(p1.tryTake(1, 10));
        assertEquals(2, kinds().stream().filter(TableEvent.TAKE::equals).count(), kinds().toString());
    }

    @Test
    void asTheRunEndsAForkLockedGoesBackUntold() {
        ending.set(true);
        assertThrows(InterruptedException.class, () -> p1.take(0));
        assertFalse(table.fork(0).isLocked(), "the fork is back on the table");
        assertThrows(InterruptedException.class, () -> p1.tryTake(1, 10));
        assertFalse(table.fork(1).isLocked(), "the fork is back on the table");
        List<TableEvent> kinds = kinds();
        assertFalse(kinds.contains(TableEvent.TAKE), "no pick-up told: " + kinds);
        assertEquals(2, kinds.stream().filter(TableEvent.STOPPED_WAITING::equals).count(),
                "each wait told as ended by the Stop: " + kinds);
        // Its wait ended, it waits no more: a seat rewound there read "waits F0", a fork that is not
        // (waiting for none, still in the waiting state: a keyboard tryout).
        TableView.Diner diner = table.view().philosophers().getFirst();
        assertEquals(-1, diner.waitingFor());
        assertEquals(PhilosopherState.HUNGRY, diner.state(), "between its fork actions, as after a give-up");
    }
}
