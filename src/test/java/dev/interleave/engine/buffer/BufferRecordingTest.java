package dev.interleave.engine.buffer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Gated;
import dev.interleave.engine.run.History;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The buffer's event log misses nothing: the buffer rebuilt from it ({@link BufferReplay}) is the
 * live buffer at every snapshot taken during runs, every item is put once and taken once in it,
 * and a step's actions are all told, however many waiters a signal-all wakes.
 */
@Timeout(120)
class BufferRecordingTest {

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of(4, 4, 3, WakePolicy.SIGNAL, false, ThreadKind.PLATFORM),
                Arguments.of(6, 2, 1, WakePolicy.SIGNAL_ALL, false, ThreadKind.VIRTUAL),
                Arguments.of(2, 5, 2, WakePolicy.SIGNAL, true, ThreadKind.PLATFORM),
                Arguments.of(8, 8, 7, WakePolicy.SIGNAL_ALL, true, ThreadKind.VIRTUAL));
    }

    /**
     * During free runs, at every snapshot taken (hundreds, at random moments), the buffer rebuilt
     * from the log's events up to the snapshot's position has the same slots, put and take
     * positions, count, wait sets in order, counters, and states of the waiting workers; at the end
     * the whole rebuilt buffer is the final snapshot, every worker done.
     */
    @ParameterizedTest(name = "{0} producers, {1} consumers, capacity {2}, {3}, fair {4}, {5}")
    @MethodSource("runs")
    void theStateRebuiltFromTheLogIsTheLiveStateAtEverySnapshot(int producers, int consumers, int capacity,
                                                               WakePolicy policy, boolean fair, ThreadKind threads)
            throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        runner.start(new BufferSettings(producers, consumers, capacity, 20_000, DelayRange.NONE, DelayRange.NONE,
                policy, fair, threads, BufferImpl.LOCK));
        List<BufferSnapshot> taken = new ArrayList<>();
        BufferRunSnapshot now;
        do {
            now = runner.snapshot();
            taken.add(now.buffer());
        } while (now.state() != RunState.IDLE);
        BufferResult result = runner.await();
        assertEquals(Outcome.COMPLETED, result.outcome());
        BufferRunSnapshot end = runner.snapshot();
        EventLog log = end.log();
        assertEquals(0, log.dropped(), "the log kept every event");
        EventLog.Batch all = log.readAll();

        BufferReplay replay = new BufferReplay(capacity);
        int compared = 0;
        for (BufferSnapshot live : taken) {
            replay.applyUntil(all, live.events());
            assertEquals(exactPart(live), exactPart(replay.snapshot()), "after event " + live.events());
            compared++;
        }
        replay.apply(all);
        assertEquals(end.buffer().withoutBlockedTimes(), replay.snapshot(), "at the end");
        assertTrue(replay.snapshot().workers().stream().allMatch(w -> w.state() == WorkerState.DONE));
        assertTrue(compared > 10, "snapshots compared: " + compared);
    }

    /**
     * What a snapshot taken under the buffer's lock shows exactly: everything but the blocked times
     * and the states of workers outside the wait sets (a worker sets its state outside the lock, so
     * a snapshot may see it a moment before or after its event).
     */
    static BufferSnapshot exactPart(BufferSnapshot snapshot) {
        List<BufferSnapshot.WorkerView> waiting = snapshot.workers().stream()
                .map(w -> w.state() == WorkerState.WAITING_NOT_FULL || w.state() == WorkerState.WAITING_NOT_EMPTY
                        ? w : new BufferSnapshot.WorkerView(w.name(), w.role(), null)).toList();
        return new BufferSnapshot(snapshot.slots(), snapshot.putIndex(), snapshot.takeIndex(), snapshot.count(),
                snapshot.notFullWaiters(), snapshot.notEmptyWaiters(), waiting, snapshot.produced(),
                snapshot.consumed(), snapshot.waitsOnFull(), snapshot.waitsOnEmpty(), 0, 0, snapshot.actions(),
                snapshot.events(), snapshot.waitSetMismatches());
    }

    /** A one-slot buffer, recorded, whose C1 waited in take until P1's put of #5 woke it and it took #5. */
    private static BoundedBuffer aPutThatWokeATake() throws Exception {
        BoundedBuffer buffer = new BoundedBuffer(1, false, WakePolicy.SIGNAL, new EventLog(1_000));
        Worker consumer = new Worker("C1", Worker.Role.CONSUMER);
        Worker producer = new Worker("P1", Worker.Role.PRODUCER);
        buffer.register(producer);
        buffer.register(consumer);
        Thread taking = BoundedBufferContractTest.Threads.start(() -> buffer.take(consumer));
        BoundedBufferContractTest.Threads.awaitWaiting(taking);
        buffer.put(producer, 5);
        BoundedBufferContractTest.Threads.join(taking);
        return buffer;
    }

    /**
     * Every worker joins before any starts: with no delays, two producers and a consumer broke
     * if-not-while's buffer 9 ms in, and the log read "C3 joins as a consumer" after "... nobody puts or
     * takes after it" (a teaching assistant's tryout).
     */
    @Test
    void everyWorkerJoinsBeforeAnyActs() throws Exception {
        for (int round = 0; round < 5; round++) {
            BufferRunner runner = new BufferRunner();
            runner.setRecording(EventLog.DEFAULT_CAPACITY);
            runner.start(BufferSettings.of(4, 4, 2, 2_000));
            runner.await();
            EventLog.Batch all = runner.snapshot().log().readAll();
            int firstAct = -1;
            int lastJoin = -1;
            for (int i = 0; i < all.size(); i++) {
                if (BufferEvent.of(all, i) == BufferEvent.REGISTER) {
                    lastJoin = i;
                } else if (firstAct < 0) {
                    firstAct = i;
                }
            }
            assertEquals(7, lastJoin, "eight workers joined, first");
            assertTrue(firstAct > lastJoin, "round " + round + ": event " + firstAct + " ("
                    + BufferEvent.of(all, firstAct) + ") before the last worker joined (event " + lastJoin + ")");
        }
    }

    /**
     * A worker interrupted at the gate (Stop, or the end of a violated or stalled run) stays at the
     * gate, live and rebuilt: its put or take ends there, without the lock. Rebuilt, it read "waiting
     * for lock", and its lane was drawn so until it ended (an expert's audit).
     */
    @Test
    void aWorkerInterruptedAtTheGateNeverAsksForTheLock() throws Exception {
        BoundedBuffer buffer = new BoundedBuffer(1, false, WakePolicy.SIGNAL, new EventLog(1_000));
        Worker consumer = new Worker("C1", Worker.Role.CONSUMER);
        buffer.register(consumer);
        consumer.parkedAtGate();
        consumer.leftGate(Gated.Exit.INTERRUPTED);
        BufferReplay replay = new BufferReplay(1);
        replay.apply(buffer.log().readAll());
        assertEquals(WorkerState.AT_GATE, buffer.snapshot().workers().getFirst().state(), "live");
        assertEquals(WorkerState.AT_GATE, replay.snapshot().workers().getFirst().state(), "rebuilt");
    }

    /**
     * A consumer interrupted in its wait (a Stop, or the end of a stalled run) is still in its take,
     * which ends by the exception, live and rebuilt: at the wait's line, interrupted. Rebuilt, it read
     * "waiting for the lock" (the mutex, the monitor) at the lock's line, where the lock and the
     * monitor had been had back already and the semaphore's mutex is never asked for.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = BufferImpl.class, names = {"LOCK", "MONITOR", "SEMAPHORE"})
    void aWorkerInterruptedInItsWaitEndsItsCallThere(BufferImpl impl) throws Exception {
        LabBuffer buffer = LabImplementationsTest.buffer(impl, 1, new EventLog(1_000));
        Worker consumer = new Worker("C1", Worker.Role.CONSUMER);
        buffer.register(consumer);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread blocked = Thread.ofPlatform().start(() -> {
            try {
                buffer.take(consumer);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        BoundedBufferContractTest.Threads.awaitWaiting(blocked);
        blocked.interrupt();
        BoundedBufferContractTest.Threads.join(blocked);
        assertInstanceOf(InterruptedException.class, thrown.get());
        EventLog.Batch all = buffer.log().readAll();
        assertEquals(BufferEvent.LEAVE, BufferEvent.of(all, all.size() - 1), "its last event");
        BufferReplay replay = new BufferReplay(1);
        replay.apply(all);
        BufferSnapshot.WorkerView rebuilt = replay.snapshot().workers().getFirst();
        assertEquals(WorkerState.IN_BUFFER, rebuilt.state(), "rebuilt");
        assertEquals(Where.INTERRUPTED, rebuilt.where(), "rebuilt");
        if (impl != BufferImpl.LOCK) {
            // The lock buffer's finally lets go of the lock after (RELEASING), as a put or take does.
            assertEquals(WorkerState.IN_BUFFER, consumer.state(), "live");
            assertEquals(Where.INTERRUPTED, consumer.where(), "live");
        }
    }

    /**
     * A consumer that has registered but not yet acted is starting, live and rebuilt from the log:
     * it has nothing to consume (its chip read "consuming", and its lane was drawn so, from its start
     * until its first event); rebuilt after its take it is consuming. A producer starts by making its item.
     */
    @Test
    void aConsumerStartsWithNothingToConsume() throws Exception {
        BoundedBuffer buffer = new BoundedBuffer(1, false, WakePolicy.SIGNAL, new EventLog(1_000));
        Worker producer = new Worker("P1", Worker.Role.PRODUCER);
        Worker consumer = new Worker("C1", Worker.Role.CONSUMER);
        buffer.register(producer);
        buffer.register(consumer);
        BufferReplay replay = new BufferReplay(1);
        replay.apply(buffer.log().readAll());
        for (BufferSnapshot snapshot : List.of(buffer.snapshot(), replay.snapshot())) {
            assertEquals(List.of(WorkerState.PRODUCING, WorkerState.STARTING),
                    snapshot.workers().stream().map(BufferSnapshot.WorkerView::state).toList());
        }
        buffer.put(producer, 1);
        buffer.take(consumer);
        BufferReplay after = new BufferReplay(1);
        after.apply(buffer.log().readAll());
        assertEquals(WorkerState.CONSUMING, after.snapshot().workers().get(1).state(), "rebuilt after its take");
    }

    /** The comparison can fail: a replay that misses one event (a lost wake-up) disagrees with the live buffer. */
    @Test
    void aReplayMissingOneEventDisagrees() throws Exception {
        BoundedBuffer buffer = aPutThatWokeATake();
        BufferSnapshot live = buffer.snapshot();
        EventLog.Batch all = buffer.log().readAll();

        BufferReplay whole = new BufferReplay(1);
        whole.apply(all);
        assertEquals(exactPart(live), exactPart(whole.snapshot()));

        EventLog withoutWakeUps = new EventLog(1_000);
        all.tracks().forEach(withoutWakeUps::addTrack);
        for (int i = 0; i < all.size(); i++) {
            if (BufferEvent.of(all, i) != BufferEvent.WAKE) {
                withoutWakeUps.appendAt(all.nanos(i), all.kind(i), all.track(i), all.item(i), all.slot(i), all.other(i));
            }
        }
        BufferReplay missing = new BufferReplay(1);
        missing.apply(withoutWakeUps.readAll());
        assertNotEquals(exactPart(live), exactPart(missing.snapshot()));
    }

    /**
     * Rewound to a put that woke a waiter, the waiter is out of its wait set already, as the put's
     * holder of the lock left it (and as "P1 put #5 ... and woke C1" says), even where the log's
     * reading cut the put and the woken's WAKE into two batches: it showed C1 still waiting.
     */
    @Test
    void aPutThatWokeAWaiterHasItOutOfTheWaitSetWhereverTheReadingCutTheLog() throws Exception {
        BoundedBuffer buffer = aPutThatWokeATake();
        EventLog.Batch all = buffer.log().readAll();
        int put = 0;
        while (BufferEvent.of(all, put) != BufferEvent.PUT) {
            put++;
        }
        assertEquals(BufferEvent.WAKE, BufferEvent.of(all, put + 1), "the woken's event follows the put");

        // The same events in a log read twice: once up to the put, once after it.
        EventLog cut = new EventLog(1_000);
        all.tracks().forEach(cut::addTrack);
        History<BufferReplay> history = new History<>(cut, new BufferReplay(1), (batch, i) -> "");
        for (int i = 0; i < all.size(); i++) {
            cut.appendAt(all.nanos(i), all.kind(i), all.track(i), all.item(i), all.slot(i), all.other(i));
            if (i == put) {
                history.catchUp();
            }
        }
        history.catchUp();
        long afterPut = all.seq(put) + 1;
        assertEquals(afterPut, history.batchOf(all.seq(put)).endSeq(), "the put ends its batch");

        assertEquals(List.of("C1"), history.wholeAt(afterPut - 1).snapshot().notEmptyWaiters(), "before the put");
        BufferReplay rewound = history.wholeAt(afterPut);
        assertEquals(List.of(), rewound.snapshot().notEmptyWaiters(), "woken by the put: out at once");
        assertEquals(history.stateAt(afterPut + 1).state(1), rewound.state(1),
                "C1's state after the put is its state after its wake-up");
        assertEquals(List.of("C1"), history.stateAt(afterPut).snapshot().notEmptyWaiters(),
                "stateAt stays the state after exactly these events (the lanes count from it)");
    }

    /**
     * A buffer of more slots than one chunk of {@link SharedSlots}, rewound through a history: at each
     * point its rebuilt state, from a checkpoint whose slots it shares with the live replay, is the
     * state of a replay of every event up to it. (Checkpoints that copied their slots whole took 2 GB
     * at 1,000,000 slots; shared ones must still keep their moment's slots.)
     */
    @Test
    void aLargeBuffersPastIsRebuiltFromCheckpointsThatShareItsSlots() throws Exception {
        int capacity = 3 * SharedSlots.CHUNK + 100;
        BufferRunner runner = new BufferRunner();
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        runner.start(new BufferSettings(2, 2, capacity, 30_000, DelayRange.NONE, DelayRange.NONE, WakePolicy.SIGNAL,
                false, ThreadKind.PLATFORM, BufferImpl.LOCK));
        assertEquals(Outcome.COMPLETED, runner.await().outcome());
        EventLog log = runner.snapshot().log();
        History<BufferReplay> history = new History<>(log, new BufferReplay(capacity), (batch, i) -> "");
        history.catchUp();
        EventLog.Batch all = log.readAll();
        assertTrue(all.size() > 10 * History.CHECKPOINT_EVERY, "events: " + all.size());
        BufferReplay replay = new BufferReplay(capacity);
        for (long at = 1; at < all.size(); at += all.size() / 37) {
            replay.applyUntil(all, at);
            BufferSnapshot expected = replay.snapshot();
            BufferSnapshot rebuilt = history.stateAt(at).snapshot();
            int slot = 0;
            while (slot < capacity && expected.slots().get(slot).equals(rebuilt.slots().get(slot))) {
                slot++;
            }
            assertEquals(capacity, slot, "after " + at + " events, slot " + slot + " differs"); // a short message
            assertEquals(expected, rebuilt, "after " + at + " events");
        }
    }

    /** Every item 1..M is put exactly once and taken exactly once, in the log, and taken after it was put. */
    @Test
    void everyItemIsPutOnceAndTakenOnceInTheLog() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        runner.start(BufferSettings.of(5, 3, 4, 50_000).withPolicy(WakePolicy.SIGNAL_ALL));
        assertTrue(runner.await().ok());
        EventLog.Batch all = runner.snapshot().log().readAll();
        long[] putAt = new long[50_001];
        long[] takenAt = new long[50_001];
        Arrays.fill(putAt, -1);
        Arrays.fill(takenAt, -1);
        for (int i = 0; i < all.size(); i++) {
            BufferEvent kind = BufferEvent.of(all, i);
            if (kind == BufferEvent.PUT) {
                assertEquals(-1, putAt[(int) all.item(i)], "item " + all.item(i) + " put twice");
                putAt[(int) all.item(i)] = all.seq(i);
            } else if (kind == BufferEvent.TAKE) {
                assertEquals(-1, takenAt[(int) all.item(i)], "item " + all.item(i) + " taken twice");
                takenAt[(int) all.item(i)] = all.seq(i);
            }
            if (i > 0) {
                assertTrue(all.nanos(i) >= all.nanos(i - 1), "time goes down at event " + i);
            }
        }
        for (int item = 1; item <= 50_000; item++) {
            assertTrue(putAt[item] >= 0 && takenAt[item] > putAt[item], "item " + item + ": put at event "
                    + putAt[item] + ", taken at " + takenAt[item]);
        }
    }

    /**
     * A semaphore's waiter is let through by a release of the other side, never by itself: a take
     * that released a free slot while a producer had found none but was not yet in the wait set's
     * mirror was credited to no one, and the trace drew P1's own put waking P1 (a tryout's trace
     * check found 1 to 8 such in every non-fair run of 1 producer, 2 consumers and 1 slot).
     */
    @Test
    void aSemaphoreWaiterIsLetThroughByTheOtherSide() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        runner.start(BufferSettings.of(1, 2, 1, 30_000).withImpl(BufferImpl.SEMAPHORE));
        assertTrue(runner.await().ok());
        EventLog.Batch all = runner.snapshot().log().readAll();
        List<String> wrong = new ArrayList<>();
        int wakes = 0;
        for (int i = 0; i < all.size(); i++) {
            if (BufferEvent.of(all, i) != BufferEvent.WAKE) {
                continue;
            }
            wakes++;
            int back = all.slot(i);
            if (all.other(i) == all.track(i)) {
                wrong.add("event " + i + ": track " + all.track(i) + " let through by itself");
            } else if (back > 0 && (all.track(i - back) != all.other(i)
                    || !BufferEvent.of(all, i - back).movesAnItem())) {
                wrong.add("event " + i + ": its waker's move, " + back + " back, is "
                        + BufferEvent.of(all, i - back) + " of track " + all.track(i - back));
            }
        }
        assertTrue(wakes > 100, wakes + " wake-ups");
        assertEquals(List.of(), wrong.size() > 5 ? wrong.subList(0, 5) : wrong, wrong.size() + " of " + wakes + " wake-ups");
    }

    /**
     * A free run's contended lock requests are recorded, each with when it asked: not before its
     * worker's previous event, not after it got in (the time is taken cheaply, from the log's
     * latest clock reading while events come fast).
     */
    @Test
    void contendedRequestsAreRecordedWithWhenTheyAsked() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        runner.start(BufferSettings.of(4, 4, 16, 200_000));
        assertTrue(runner.await().ok());
        EventLog.Batch all = runner.snapshot().log().readAll();
        long[] previous = new long[all.tracks().size()];
        int requests = 0;
        for (int i = 0; i < all.size(); i++) {
            int track = all.track(i);
            if (BufferEvent.of(all, i) == BufferEvent.REQUEST) {
                requests++;
                long asked = all.item(i);
                assertTrue(asked >= previous[track] && asked <= all.nanos(i), "event " + all.get(i)
                        + " asked outside its worker's previous event (" + previous[track] + ") and its own time");
            }
            previous[track] = all.nanos(i);
        }
        assertTrue(requests > 0, "four producers and four consumers on two cores contend for the lock");
    }

    /**
     * Sixteen producers wait on a full one-slot buffer; one take with signal-all wakes them all: the
     * log tells the take, the one put it made room for and the fifteen re-waits, nothing lost (the
     * eight-entry history this log replaced lost the take and the put behind eight re-waits).
     */
    @Test
    void aSignalAllStepIsToldWholeBehindItsReWaits() throws Exception {
        BoundedBuffer buffer = new BoundedBuffer(1, false, WakePolicy.SIGNAL_ALL, new EventLog(10_000));
        Worker c1 = new Worker("C1", Worker.Role.CONSUMER);
        buffer.register(c1);
        buffer.put(new Worker("P0", Worker.Role.PRODUCER), 100);
        List<Thread> producers = new ArrayList<>();
        for (int p = 1; p <= 16; p++) {
            Worker producer = new Worker("P" + p, Worker.Role.PRODUCER);
            buffer.register(producer);
            int item = p;
            Thread thread = BoundedBufferContractTest.Threads.start(() -> {
                try {
                    buffer.put(producer, item);
                } catch (InterruptedException e) {
                    // the test's end: the fifteen still waiting are interrupted
                }
            });
            BoundedBufferContractTest.Threads.awaitWaiting(thread);
            producers.add(thread);
        }
        long before = buffer.snapshot().events();
        assertEquals(100, buffer.take(c1));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (buffer.snapshot().notFullWaiters().size() != 15 || buffer.size() != 1) {
            assertTrue(System.nanoTime() < deadline, "the woken producers did not settle");
            Thread.sleep(1);
        }
        long after = buffer.snapshot().events();
        List<BufferNarration.Action> told = BufferNarration.actions(buffer.log().read(before, (int) (after - before)));
        assertEquals("C1 took #100 from slot 0, signalled notFull and woke 16 threads", told.getFirst().words());
        assertEquals(1, told.stream().filter(a -> a.words().contains(" put #")).count(), told.toString());
        assertEquals(15, told.stream().filter(a -> a.words().contains(" waits on notFull")).count(), told.toString());
        assertEquals(17, told.size(), told.toString());
        for (Thread producer : producers) {
            producer.interrupt();
            BoundedBufferContractTest.Threads.join(producer);
        }
    }

    /**
     * A worker's DONE says how it ended, as its chip does: its part done ("finished"), the run stopped
     * first ("ended"), or it left when fewer workers were set ("left").
     */
    @ParameterizedTest
    @MethodSource("everyInstrumentedBuffer")
    void theEndOfAWorkerSaysWhetherTheRunWasStopped(BufferImpl impl) throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        runner.start(BufferSettings.of(2, 2, 4, 2_000).withImpl(impl));
        assertTrue(runner.await().ok());
        assertEquals(List.of("C1 finished", "C2 finished", "P1 finished", "P2 finished"), ends(runner.snapshot().log()));

        runner.start(BufferSettings.of(2, 3, 4, 0).withImpl(impl)); // until Stop
        runner.setWorkers(2, 2); // C3 leaves
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!ends(runner.snapshot().log()).equals(List.of("C3 left the run"))
                || runner.snapshot().consumed() < 100) {
            assertTrue(System.nanoTime() < deadline, "C3 left, the others went on: " + ends(runner.snapshot().log()));
            Thread.sleep(5);
        }
        runner.stop();
        runner.await();
        assertEquals(List.of("C1 ended with the run, its part not done", "C2 ended with the run, its part not done",
                "C3 left the run", "P1 ended with the run, its part not done", "P2 ended with the run, its part not done"),
                ends(runner.snapshot().log()));
    }

    static Stream<BufferImpl> everyInstrumentedBuffer() {
        return Arrays.stream(BufferImpl.values()).filter(BufferImpl::instrumented);
    }

    /** The words of each DONE in the log, sorted. */
    private static List<String> ends(EventLog log) {
        EventLog.Batch all = log.readAll();
        List<String> ends = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (BufferEvent.of(all.kind(i)) == BufferEvent.DONE) {
                ends.add(BufferNarration.words(all, i));
            }
        }
        return ends.stream().sorted().toList();
    }

    /** A small log keeps the newest events, counts the rest, and a replay refuses to skip the gap. */
    @Test
    void aFullLogKeepsTheNewestAndSaysHowManyWereDropped() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(1_000);
        runner.start(BufferSettings.of(2, 2, 4, 5_000));
        assertTrue(runner.await().ok());
        EventLog log = runner.snapshot().log();
        assertTrue(log.written() >= 10_000, "two events per item at least: " + log.written());
        assertEquals(log.written() - 1_000, log.dropped());
        EventLog.Batch kept = log.readAll();
        assertEquals(1_000, kept.size());
        assertEquals(log.dropped(), kept.firstSeq());
        assertThrows(IllegalArgumentException.class, () -> new BufferReplay(4).apply(kept));
    }

    /** Recording is off unless asked for, and an ArrayBlockingQueue run never records. */
    @Test
    void recordingIsOptIn() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.start(BufferSettings.of(1, 1, 2, 100));
        runner.await();
        assertNull(runner.snapshot().log());
        assertEquals(0, runner.snapshot().buffer().events());
        runner.setRecording(100);
        runner.start(BufferSettings.of(1, 1, 2, 100).withImpl(BufferImpl.ABQ));
        runner.await();
        assertNull(runner.snapshot().log());
        assertThrows(IllegalArgumentException.class, () -> runner.setRecording(-1));
    }
}
