package dev.interleave.engine.buffer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Producers, consumers and the buffer's size change during a run (section 4 of the lab): a new
 * worker joins at once; a removed one finishes its action and leaves, and the account still
 * balances; growing takes effect at once; shrinking waits until the items fit, producers waiting
 * meanwhile. Checked on every implementation, and under stress with the invariants on every
 * snapshot.
 */
@Timeout(120)
class LabResizeTest {

    private static final long DEADLINE_NANOS = 10_000_000_000L;

    @ParameterizedTest
    @EnumSource(value = BufferImpl.class, names = "ABQ", mode = EnumSource.Mode.EXCLUDE)
    void growingIsAtOnceAndShrinkingWaitsForTheItemsToFit(BufferImpl impl) throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(100_000);
        // Producers fast, consumers slow: the buffer stays full, producers waiting.
        runner.start(new BufferSettings(3, 1, 2, 0, DelayRange.NONE, new DelayRange(20, 20), WakePolicy.SIGNAL, false,
                ThreadKind.PLATFORM, impl, Bug.NONE, 0));
        await(runner, s -> s.count() == 2 && !s.notFullWaiters().isEmpty(), "the buffer fills");

        runner.setCapacity(6);
        assertEquals(6, runner.snapshot().buffer().capacity(), "growing takes effect at once");
        await(runner, s -> s.count() == 6, "the producers fill the new slots");

        runner.setCapacity(2);
        BufferSnapshot right = runner.snapshot().buffer();
        // Not yet 2, and never under the items held: a take between the fill and the shrink (the
        // consumer's every 20 ms) let a CI run's shrink go to 5 at once, holding 5.
        assertTrue(right.capacity() > 2 && right.capacity() >= right.count(),
                right.count() + " items do not fit 2 slots yet: " + right.capacity());
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        BufferSnapshot now = right;
        do {
            int before = now.count();
            now = runner.snapshot().buffer();
            assertEquals(List.of(), now.brokenInvariants());
            assertTrue(now.count() <= before || now.capacity() == 2,
                    "producers wait while the shrink waits: " + before + " then " + now.count());
            assertTrue(System.nanoTime() < deadline, "shrank to " + now.capacity());
        } while (now.capacity() != 2);
        BufferResult stopped = runner.stop();
        assertTrue(stopped.balanced(), stopped.toString());
        BufferRunSnapshot end = runner.snapshot();
        BufferReplay replay = new BufferReplay(2);
        replay.apply(end.log().readAll());
        assertEquals(end.buffer().withoutBlockedTimes(), replay.snapshot(), "the log rebuilds the resizes too");
        assertThrows(IllegalArgumentException.class, () -> runner.setCapacity(0));
    }

    @ParameterizedTest
    @EnumSource(value = BufferImpl.class, names = "ABQ", mode = EnumSource.Mode.EXCLUDE)
    void workersJoinAtOnceAndLeaveAfterTheirAction(BufferImpl impl) throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.start(new BufferSettings(2, 2, 2, 4_000, new DelayRange(1, 1), new DelayRange(1, 1),
                WakePolicy.SIGNAL, false, ThreadKind.PLATFORM, impl, Bug.NONE, 0));
        runner.setWorkers(1, 3);
        List<String> names = runner.snapshot().buffer().workers().stream().map(BufferSnapshot.WorkerView::name)
                .toList();
        assertTrue(names.contains("C3"), "C3 joined at once: " + names);
        await(runner, s -> s.workers().stream().anyMatch(w -> w.name().equals("P2") && w.state() == WorkerState.DONE),
                "P2 leaves");
        assertEquals(RunState.RUNNING, runner.state(), "the run goes on without P2");
        BufferResult result = runner.await(Duration.ofSeconds(60));
        assertTrue(result.ok(), "every item consumed once: " + result);
    }

    /**
     * While paused, the workers asked to leave (the newest first) are named in the snapshot until
     * they have finished their action and left; resumed, they leave and the list empties, and they
     * are named as having left.
     */
    @Test
    void theWorkersAskedToLeaveAreNamedUntilTheyHaveLeft() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.startPaused(BufferSettings.of(3, 1, 4, 0));
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!runner.snapshot().gate().waiting().containsAll(List.of("P1", "P2", "P3"))) {
            assertTrue(System.nanoTime() < deadline, "producers at the gate: " + runner.snapshot().gate().waiting());
            Thread.sleep(5);
        }
        assertEquals(List.of(), runner.snapshot().leaving());
        runner.setWorkers(1, 1);
        assertEquals(List.of("P2", "P3"), runner.snapshot().leaving(), "at the gate with an item each, paused");
        assertEquals(List.of(), runner.snapshot().left(), "not gone yet");
        runner.resume();
        await(runner, s -> s.workers().stream().filter(w -> !w.name().equals("P1") && w.role() == Worker.Role.PRODUCER)
                .allMatch(w -> w.state() == WorkerState.DONE), "P2 and P3 leave");
        assertEquals(List.of(), runner.snapshot().leaving());
        // Named as gone, however briefly they were leaving: a view sampling once a frame may have missed it.
        assertEquals(List.of("P2", "P3"), runner.snapshot().left());
        runner.stop();
    }

    /**
     * Who was asked to leave is in the log (DISMISS), so a moment rebuilt from it says who was
     * leaving and who had left then: nobody before the request, the two producers while they finish,
     * and at the end what the run itself says.
     */
    @ParameterizedTest
    @EnumSource(value = BufferImpl.class, names = "ABQ", mode = EnumSource.Mode.EXCLUDE)
    void aMomentRebuiltFromTheLogKnowsWhoHadBeenAskedToLeave(BufferImpl impl) throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        runner.startPaused(new BufferSettings(3, 1, 4, 0, new DelayRange(1, 1), new DelayRange(1, 1), WakePolicy.SIGNAL,
                false, ThreadKind.PLATFORM, impl, Bug.NONE, 0));
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!runner.snapshot().gate().waiting().containsAll(List.of("P1", "P2", "P3"))) {
            assertTrue(System.nanoTime() < deadline, "producers at the gate: " + runner.snapshot().gate().waiting());
            Thread.sleep(5);
        }
        long beforeAsking = runner.snapshot().log().written();
        runner.setWorkers(1, 1);
        runner.resume();
        await(runner, s -> s.workers().stream().filter(w -> !w.name().equals("P1") && w.role() == Worker.Role.PRODUCER)
                .allMatch(w -> w.state() == WorkerState.DONE), "P2 and P3 leave");
        runner.stop();
        runner.await(Duration.ofSeconds(60));
        BufferRunSnapshot end = runner.snapshot();
        EventLog.Batch all = end.log().readAll();
        assertEquals(0, all.firstSeq(), "the whole run is in the log");
        List<Long> dismissals = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (BufferEvent.of(all, i) == BufferEvent.DISMISS) {
                dismissals.add(all.seq(i));
            }
        }
        assertEquals(2, dismissals.size(), "one request to leave each, P3 and P2");
        assertTrue(dismissals.getFirst() >= beforeAsking, "asked after the moment before");

        BufferReplay before = BufferReplay.of(end.settings());
        before.applyUntil(all, beforeAsking);
        assertEquals(List.of(), before.leaving(), "before anyone was asked");
        assertEquals(List.of(), before.left());
        BufferReplay asked = BufferReplay.of(end.settings());
        asked.applyUntil(all, dismissals.getLast() + 1);
        assertEquals(List.of("P2", "P3"), asked.leaving(), "asked, at the gate with an item each");
        assertEquals(List.of(), asked.left(), "not gone yet");
        assertEquals(WorkerState.AT_GATE, asked.state(all.track((int) (dismissals.getLast() - all.firstSeq()))),
                "asked to leave, it goes on as it was");
        BufferReplay whole = BufferReplay.of(end.settings());
        whole.apply(all);
        assertEquals(end.leaving(), whole.leaving());
        assertEquals(List.of("P2", "P3"), whole.left(), "as the run says: " + end.left());
        assertEquals(end.left(), whole.left());
        assertEquals(end.buffer().withoutBlockedTimes(), whole.snapshot(), "the rest of the moment as before");
    }

    /** Random changes of all three every few ms on a hammering run: invariants on every snapshot, every item once. */
    @ParameterizedTest
    @EnumSource(value = BufferImpl.class, names = "ABQ", mode = EnumSource.Mode.EXCLUDE)
    void changesUnderStressKeepTheInvariants(BufferImpl impl) throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.start(new BufferSettings(3, 3, 4, 150_000, DelayRange.NONE, DelayRange.NONE, WakePolicy.SIGNAL, false,
                ThreadKind.PLATFORM, impl, Bug.NONE, 0.02));
        SplittableRandom random = new SplittableRandom(12);
        int changes = 0;
        BufferRunSnapshot now;
        do {
            if (changes % 2 == 0) {
                runner.setWorkers(random.nextInt(1, 6), random.nextInt(1, 6));
            } else {
                runner.setCapacity(random.nextInt(1, 9));
            }
            changes++;
            now = runner.snapshot();
            if (now.buffer() != null) {
                assertEquals(List.of(), now.buffer().brokenInvariants(), "after " + changes + " changes");
            }
            Thread.sleep(2);
        } while (now.state() != RunState.IDLE);
        BufferResult result = runner.await(Duration.ofSeconds(60));
        assertTrue(result.ok(), result + " after " + changes + " changes");
        assertTrue(changes > 20, "changes made: " + changes);
    }

    private interface Check {
        boolean holds(BufferSnapshot snapshot);
    }

    private static void await(BufferRunner runner, Check check, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!check.holds(runner.snapshot().buffer())) {
            assertTrue(System.nanoTime() < deadline, what + ": " + runner.snapshot().buffer());
            Thread.sleep(5);
        }
    }
}
