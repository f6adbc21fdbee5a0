package dev.interleave.ui.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.interleave.engine.buffer.BufferEvent;
import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.BufferResult;
import dev.interleave.engine.buffer.BufferRunner;
import dev.interleave.engine.buffer.BufferSettings;
import dev.interleave.engine.buffer.BufferViolation;
import dev.interleave.engine.buffer.Bug;
import dev.interleave.engine.buffer.WakePolicy;
import dev.interleave.engine.buffer.WorkerState;
import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.ThreadKind;

/** What the buffer's lanes draw after the events a step and a violation leave, from real runs. */
@Timeout(60)
class BufferLanesTest {

    private final BufferLanes lanes = new BufferLanes(() -> BufferImpl.LOCK, () -> Bug.NONE);

    /**
     * A thread a step lets through the gate goes for the lock: drawn half height in the lock's
     * colour, "going for the lock", not as a wait for it (every step of a stepped run read as a
     * wait for a lock no one held).
     */
    @Test
    void aStepGoesForTheLockWithoutWaitingForIt() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(10_000);
        runner.startPaused(BufferSettings.of(1, 1, 4, 2_000));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (runner.snapshot().consumed() < 3 && System.nanoTime() < deadline) {
                long steps = runner.snapshot().gate().stepsTaken();
                runner.step();
                // Until the step is taken and every worker is back at the gate (or done): the next step's turn.
                while ((runner.snapshot().gate().stepsTaken() == steps || !runner.snapshot().buffer().workers().stream()
                        .allMatch(w -> w.state() == WorkerState.AT_GATE || w.state() == WorkerState.DONE
                                || w.state() == WorkerState.WAITING_NOT_FULL || w.state() == WorkerState.WAITING_NOT_EMPTY))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
            }
        } finally {
            runner.stop();
        }
        EventLog.Batch all = runner.snapshot().log().readAll();
        int passes = 0;
        for (int i = 0; i < all.size(); i++) {
            if (BufferEvent.of(all, i) == BufferEvent.PASS && all.other(i) != BufferEvent.PASS_INTERRUPTED) {
                passes++;
                assertEquals(BufferLanes.ASKING, lanes.stateAfter(all, i), all.get(i).toString());
            } else if (BufferEvent.of(all, i) == BufferEvent.PASS) {
                // Stop interrupted it there: its put or take ends at the gate, without the lock.
                assertEquals(WorkerState.AT_GATE.ordinal(), lanes.stateAfter(all, i), all.get(i).toString());
            }
        }
        assertTrue(passes >= 3, passes + " passes");
        assertEquals("going for lock", lanes.words(BufferLanes.ASKING));
        assertEquals(0.5, lanes.height(BufferLanes.ASKING));
        assertEquals(lanes.colour(WorkerState.WAITING_FOR_LOCK.ordinal()), lanes.colour(BufferLanes.ASKING));
        assertTrue(lanes.legend().stream().anyMatch(line -> line.state() == BufferLanes.ASKING));
    }

    /** A wait for the lock says who had it meanwhile, in turns (a put, take or wait each). */
    @Test
    void aWaitForTheLockSaysWhoHadItMeanwhile() {
        int waiting = WorkerState.WAITING_FOR_LOCK.ordinal();
        assertTrue(lanes.countsMeanwhile(waiting));
        assertFalse(lanes.countsMeanwhile(WorkerState.PRODUCING.ordinal()));
        Map<String, Integer> byLane = new LinkedHashMap<>();
        byLane.put("P2", 5);
        byLane.put("C1", 9);
        assertEquals("Meanwhile others had the lock 14 times (a put, take or wait each): P2 ×5, C1 ×9",
                lanes.meanwhileWords(waiting, byLane, false));
        assertEquals("Meanwhile others had the monitor at least once (a put, take or wait each): P2 ×1",
                new BufferLanes(() -> BufferImpl.MONITOR, () -> Bug.NONE).meanwhileWords(waiting, Map.of("P2", 1), true));
        assertTrue(lanes.meanwhileWords(waiting, Map.of(), false).startsWith("No other thread put, took or waited"));
        // A semaphore's wait blocks in acquire(), before the mutex: not a turn with it.
        BufferLanes semaphore = new BufferLanes(() -> BufferImpl.SEMAPHORE, () -> Bug.NONE);
        EventLog log = new EventLog(10);
        int track = log.addTrack("C1");
        log.appendNow(BufferEvent.WAIT.ordinal(), track, 0, 0, BufferEvent.ON_NOT_EMPTY);
        log.appendNow(BufferEvent.TAKE.ordinal(), track, 1, 0, 0);
        EventLog.Batch both = log.readAll();
        assertTrue(lanes.countedMeanwhile(waiting, both, 0) && lanes.countedMeanwhile(waiting, both, 1), "the lock's");
        assertFalse(semaphore.countedMeanwhile(waiting, both, 0), "a semaphore's wait");
        assertTrue(semaphore.countedMeanwhile(waiting, both, 1), "a semaphore's take");
        assertEquals("Meanwhile others had the mutex once (a put or take each): C1 ×1",
                semaphore.meanwhileWords(waiting, Map.of("C1", 1), false));
    }

    /**
     * A violation stops its put or take before it changes anything, and its thread lets go of the
     * lock and ends: its lane ends there. It was drawn "in put/take" until the thread's end was
     * recorded, while another thread took the lock: two threads holding it at once, on screen.
     */
    @Test
    void aViolationEndsItsThreadsLane() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        runner.start(new BufferSettings(1, 3, 1, 1_000_000, DelayRange.NONE, DelayRange.NONE, WakePolicy.SIGNAL_ALL,
                false, ThreadKind.PLATFORM, BufferImpl.LOCK, Bug.IF_NOT_WHILE, 0.5));
        BufferResult result = runner.await(Duration.ofSeconds(30));
        assertTrue(result.failure() instanceof BufferViolation, result.toString());
        EventLog.Batch all = runner.snapshot().log().readAll();
        int violations = 0;
        for (int i = 0; i < all.size(); i++) {
            if (BufferEvent.of(all, i) == BufferEvent.VIOLATION) {
                violations++;
                assertEquals(-1, lanes.stateAfter(all, i), all.get(i).toString());
            }
        }
        assertTrue(violations > 0, "the run violated the buffer and recorded it");
    }
}
