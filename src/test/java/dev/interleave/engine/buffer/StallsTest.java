package dev.interleave.engine.buffer;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The stall's words: who waits where, and how full the buffer is, in the singular for one slot. */
class StallsTest {

    private static BufferSnapshot.WorkerView worker(String name, WorkerState state) {
        return new BufferSnapshot.WorkerView(name, name.startsWith("P") ? Worker.Role.PRODUCER : Worker.Role.CONSUMER,
                state);
    }

    @Test
    void saysWhoWaitsWhereAndHowFull() {
        List<BufferSnapshot.WorkerView> stalled = List.of(worker("P1", WorkerState.WAITING_NOT_FULL),
                worker("C1", WorkerState.WAITING_NOT_EMPTY), worker("C2", WorkerState.WAITING_NOT_EMPTY),
                worker("P2", WorkerState.DONE));
        assertEquals("P1 waits on notFull and C1, C2 wait on notEmpty, with 0 of 1 slot full: nobody is left to"
                + " wake them", Stalls.everyoneWaiting(stalled, 0, 1, "notFull", "notEmpty"));
        assertEquals("P1 waits on notFull and C1, C2 wait on notEmpty, with 1,024 of 2,048 slots full: nobody is"
                + " left to wake them", Stalls.everyoneWaiting(stalled, 1_024, 2_048, "notFull", "notEmpty"));
        // One wait set for both (the monitor): named once.
        assertEquals("P1, C1, C2 all wait on the monitor, with 0 of 1 slot full: nobody is left to wake them",
                Stalls.everyoneWaiting(stalled, 0, 1, "the monitor", "the monitor"));
    }

    @Test
    void anyoneNotWaitingIsNoStall() {
        assertNull(Stalls.everyoneWaiting(List.of(worker("P1", WorkerState.WAITING_NOT_FULL),
                worker("C1", WorkerState.AT_GATE)), 1, 1, "notFull", "notEmpty"));
    }
}
