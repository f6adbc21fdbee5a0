package dev.interleave.engine.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.History;

/**
 * A wait for a lock found held is recorded when the lock is had, with the time it was asked for:
 * a moment rebuilt before that record knows it from the thread's next event, and its chip says so
 * (one read "starting" over a lane already waiting for the lock).
 */
class BufferAskingTest {

    private static final long MS = 1_000_000L;

    @Test
    void aThreadWhoseNextEventIsARequestAskedBeforeTheMomentWasWaitingForTheLock() {
        EventLog log = new EventLog(1_000);
        int p1 = log.addTrack("P1");
        int c1 = log.addTrack("C1");
        int c2 = log.addTrack("C2");
        long origin = log.originNanos();
        log.appendAt(origin, BufferEvent.REGISTER.ordinal(), p1, 0, 0, Worker.Role.PRODUCER.ordinal()); // 0
        log.appendAt(origin, BufferEvent.REGISTER.ordinal(), c1, 0, 0, Worker.Role.CONSUMER.ordinal()); // 1
        log.appendAt(origin, BufferEvent.REGISTER.ordinal(), c2, 0, 0, Worker.Role.CONSUMER.ordinal()); // 2
        log.appendAt(origin + 5 * MS, BufferEvent.PUT.ordinal(), p1, 1, 0, 0); // 3
        log.appendAt(origin + 8 * MS, BufferEvent.REQUEST.ordinal(), c1, origin + 2 * MS, 0, 0); // 4: asked at 2 ms
        log.appendAt(origin + 9 * MS, BufferEvent.REQUEST.ordinal(), c2, origin + 6 * MS, 0, 0); // 5: asked at 6 ms
        log.appendAt(origin + 10 * MS, BufferEvent.TAKE.ordinal(), c1, 1, 0, 0); // 6
        History<BufferReplay> history = new History<>(log, new BufferReplay(4), BufferNarration::words);
        history.catchUp();

        // Just after the put (5 ms): C1 had asked at 2 ms; C2 asks only at 6 ms; P1 does nothing more.
        assertEquals(Set.of("C1"), BufferReplay.askingAt(history, 4));
        // Just after C1's request (8 ms): C1 has the lock; C2 has been waiting since 6 ms.
        assertEquals(Set.of("C2"), BufferReplay.askingAt(history, 5));
        assertEquals(Set.of(), BufferReplay.askingAt(history, 0), "the run's start: nobody yet");

        BufferSnapshot then = history.stateAt(4).snapshot().withAsking(BufferReplay.askingAt(history, 4));
        BufferSnapshot.WorkerView c1View = then.workers().stream().filter(w -> w.name().equals("C1")).findFirst()
                .orElseThrow();
        assertEquals(WorkerState.WAITING_FOR_LOCK, c1View.state(), "rebuilt, it was starting: " + c1View);
        assertEquals(Where.ENTERING, c1View.where());
        assertEquals(WorkerState.STARTING, then.workers().stream().filter(w -> w.name().equals("C2")).findFirst()
                .orElseThrow().state(), "C2 had not asked yet");
    }

    /**
     * A thread let through the gate asks for the lock next: rebuilt there, its chip says "waiting for
     * lock" and the code panel puts it at the line that takes the lock; it listed it under "Producers
     * not in put()" (a lecturer's tryout, rewound). One interrupted at the gate never asks.
     */
    @Test
    void aThreadThroughTheGateIsAtTheLineThatTakesTheLock() {
        EventLog log = new EventLog(1_000);
        int p1 = log.addTrack("P1");
        int p2 = log.addTrack("P2");
        long origin = log.originNanos();
        log.appendAt(origin, BufferEvent.REGISTER.ordinal(), p1, 0, 0, Worker.Role.PRODUCER.ordinal()); // 0
        log.appendAt(origin, BufferEvent.REGISTER.ordinal(), p2, 0, 0, Worker.Role.PRODUCER.ordinal()); // 1
        log.appendAt(origin + MS, BufferEvent.PARK.ordinal(), p1, 1, 0, 0); // 2
        log.appendAt(origin + MS, BufferEvent.PARK.ordinal(), p2, 2, 0, 0); // 3
        log.appendAt(origin + 2 * MS, BufferEvent.PASS.ordinal(), p1, 0, 0, BufferEvent.PASS_STEPPED); // 4
        log.appendAt(origin + 3 * MS, BufferEvent.PASS.ordinal(), p2, 0, 0, BufferEvent.PASS_INTERRUPTED); // 5
        History<BufferReplay> history = new History<>(log, new BufferReplay(4), BufferNarration::words);
        history.catchUp();

        BufferSnapshot then = history.stateAt(6).snapshot();
        BufferSnapshot.WorkerView p1View = then.workers().stream().filter(w -> w.name().equals("P1")).findFirst()
                .orElseThrow();
        assertEquals(WorkerState.WAITING_FOR_LOCK, p1View.state());
        assertEquals(Where.ENTERING, p1View.where(), "at lock.lockInterruptibly(), as its chip says");
        BufferSnapshot.WorkerView p2View = then.workers().stream().filter(w -> w.name().equals("P2")).findFirst()
                .orElseThrow();
        assertEquals(Where.OUTSIDE, p2View.where(), "interrupted at the gate: its put ends there");
    }
}
