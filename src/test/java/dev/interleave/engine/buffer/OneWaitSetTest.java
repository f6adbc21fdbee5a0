package dev.interleave.engine.buffer;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.RunState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With one wait set for both sides (the lock's one condition, Bug.ONE_CONDITION; the monitor's, here
 * with Bug.NOTIFY so that it stalls), the snapshot shows that set whole, in wait order (the order that
 * decides whom signal() wakes), beside the two sides' lists; the state rebuilt from the log has the
 * same order. Run as the detector test runs it, until it stalls.
 */
@Timeout(60)
class OneWaitSetTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"LOCK, ONE_CONDITION", "MONITOR, NOTIFY"})
    void theOneWaitSetIsInWaitOrderAndTheLogRebuildsIt(BufferImpl impl, Bug bug) throws Exception {
        BufferSettings settings = LabDetectorTest.detectorSetup(impl, bug, 0.0, 10_000_000);
        assertTrue(settings.oneWaitSet());
        BufferRunner runner = new BufferRunner();
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        runner.start(settings);
        int compared = 0;
        BufferSnapshot mixed = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (runner.state() != RunState.IDLE && System.nanoTime() < deadline) {
            BufferRunSnapshot now = runner.snapshot();
            BufferSnapshot buffer = now.buffer();
            if (buffer != null && !buffer.sharedWaitSet().isEmpty()) {
                assertEquals(List.of(), buffer.brokenInvariants(), "the one set holds both sides' waiters");
                assertTrue(buffer.notFullWaiters().stream().allMatch(name -> name.startsWith("P"))
                        && buffer.notEmptyWaiters().stream().allMatch(name -> name.startsWith("C")), buffer.toString());
                BufferReplay replay = BufferReplay.of(settings);
                replay.applyUntil(now.log().readAll(), buffer.events());
                // (Mid-run, a state outside the lock may be a moment ahead of the log: compared are the
                // wait sets and the buffer, which the snapshot takes under the lock the log is written under.)
                BufferSnapshot rebuilt = replay.snapshot();
                assertEquals(buffer.sharedWaitSet(), rebuilt.sharedWaitSet(), "rebuilt from the log, in the same order");
                assertEquals(buffer.notFullWaiters(), rebuilt.notFullWaiters());
                assertEquals(buffer.notEmptyWaiters(), rebuilt.notEmptyWaiters());
                assertEquals(buffer.slots(), rebuilt.slots());
                compared++;
                if (!buffer.notFullWaiters().isEmpty() && !buffer.notEmptyWaiters().isEmpty()) {
                    mixed = buffer;
                }
            }
            Thread.sleep(2);
        }
        BufferResult result = runner.await(Duration.ofSeconds(20));
        assertEquals(BufferOutcome.STALLED, result.labOutcome(), result.lab().toString());
        assertTrue(compared > 0, "a wait set was seen");
        assertNotNull(mixed, "producers and consumers were seen waiting in the one set at once");
        List<String> order = mixed.sharedWaitSet();
        assertEquals(mixed.notFullWaiters().size() + mixed.notEmptyWaiters().size(), order.size(), order.toString());
        // Each side's list keeps the one set's order among its own.
        assertEquals(mixed.notFullWaiters(), order.stream().filter(name -> name.startsWith("P")).toList());
        assertEquals(mixed.notEmptyWaiters(), order.stream().filter(name -> name.startsWith("C")).toList());
    }

    @Test
    void twoConditionsShowNoOneSet() throws Exception {
        BufferSettings settings = LabDetectorTest.detectorSetup(BufferImpl.LOCK, Bug.NONE, 0.0, 20_000);
        BufferRunner runner = new BufferRunner();
        runner.start(settings);
        while (runner.state() != RunState.IDLE) {
            BufferSnapshot buffer = runner.snapshot().buffer();
            if (buffer != null) {
                assertEquals(List.of(), buffer.sharedWaitSet());
            }
            Thread.sleep(1);
        }
        assertEquals(BufferOutcome.OK, runner.await(Duration.ofSeconds(20)).labOutcome());
    }
}
