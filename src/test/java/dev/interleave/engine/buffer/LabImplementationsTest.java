package dev.interleave.engine.buffer;

import java.time.Duration;
import java.util.ArrayList;
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
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One contract and stress suite run over every correct instrumented implementation (lock, monitor,
 * semaphore): blocking proven by the thread's WAITING state (JSR-166 TCK style), FIFO order,
 * interruption, invariants on every snapshot of a hammering run (with and without the lab's
 * spurious wake-ups), the recorded log rebuilding the final state, and the account of a run
 * checked per item. The Lincheck half of the suite is {@link LabLincheckTest}.
 */
@Timeout(120)
class LabImplementationsTest {

    static LabBuffer buffer(BufferImpl impl, int capacity, EventLog log) {
        return BufferRunner.newBuffer(BufferSettings.of(1, 1, capacity, 1).withImpl(impl), log);
    }

    @ParameterizedTest
    @EnumSource(value = BufferImpl.class, names = "ABQ", mode = EnumSource.Mode.EXCLUDE)
    void putBlocksWhileTheBufferIsFull(BufferImpl impl) throws InterruptedException {
        LabBuffer buffer = buffer(impl, 2, null);
        Worker producer = new Worker("P1", Worker.Role.PRODUCER);
        Worker consumer = new Worker("C1", Worker.Role.CONSUMER);
        buffer.register(producer);
        buffer.register(consumer);
        buffer.put(producer, 1);
        buffer.put(producer, 2);
        Thread blocked = BoundedBufferContractTest.Threads.start(() -> buffer.put(producer, 3));
        BoundedBufferContractTest.Threads.awaitWaiting(blocked);
        BufferSnapshot full = buffer.snapshot();
        assertEquals(List.of("P1"), full.notFullWaiters());
        assertEquals(WorkerState.WAITING_NOT_FULL, producer.state());
        assertEquals(Where.WAITING, producer.where());
        assertEquals(List.of(), full.brokenInvariants());

        assertEquals(1, buffer.take(consumer));
        BoundedBufferContractTest.Threads.join(blocked);
        assertEquals(2, buffer.take(consumer));
        assertEquals(3, buffer.take(consumer));
        assertEquals(List.of(), buffer.snapshot().notFullWaiters());
        assertEquals(List.of(), buffer.snapshot().brokenInvariants());
    }

    /**
     * A wait the lab ends spuriously is followed by another, and each counts its own time once: a
     * producer blocked through 20 or more such waits is never reported blocked for longer than the
     * test's own clock ran (the semaphore buffer, when it still took spurious wake-ups, once summed, at
     * each wait, the time since the first: about ten times the truth after 20 waits). The buffers whose
     * waits can wake spuriously: the lock buffer and the monitor.
     */
    @ParameterizedTest
    @EnumSource(value = BufferImpl.class, names = {"LOCK", "MONITOR"})
    void blockedTimeCountsEachWaitOnceThroughSpuriousWakeups(BufferImpl impl) throws InterruptedException {
        LabBuffer buffer = BufferRunner.newBuffer(BufferSettings.of(1, 1, 1, 1).withImpl(impl).withSpurious(1.0),
                null);
        Worker producer = new Worker("P1", Worker.Role.PRODUCER);
        Worker consumer = new Worker("C1", Worker.Role.CONSUMER);
        buffer.register(producer);
        buffer.register(consumer);
        buffer.put(producer, 1);
        long from = System.nanoTime();
        Thread blocked = BoundedBufferContractTest.Threads.start(() -> buffer.put(producer, 2));
        while (buffer.snapshot().futileProducerWakeups() < 20) {
            assertTrue(blocked.isAlive() && System.nanoTime() - from < 10_000_000_000L,
                    impl + ": the producer's waits did not end spuriously");
            Thread.sleep(1);
        }
        assertEquals(1, buffer.take(consumer));
        BoundedBufferContractTest.Threads.join(blocked);
        long elapsed = System.nanoTime() - from;
        assertEquals(2, buffer.take(consumer));
        long blockedNanos = buffer.snapshot().producerBlockedNanos();
        assertTrue(blockedNanos > 0 && blockedNanos <= elapsed, impl + ": blocked " + blockedNanos / 1e6
                + " ms in " + elapsed / 1e6 + " ms");
    }

    /**
     * The semaphore buffer takes no spurious wake-ups, whatever the rate: {@code acquire()} never
     * wakes without a permit, and the lab once swapped in a timed {@code tryAcquire} that ran out and
     * called that a spurious wake-up (and a futile one, against the guide's flat plot; on fair
     * semaphores the retry also lost the thread its place in the queue). At 100 % a blocked producer
     * parks untimed (WAITING, not TIMED_WAITING), is told as one wait, and an interrupt ends it as a
     * LEAVE, with no spurious or futile wake-up counted or recorded.
     */
    @Test
    void theSemaphoreBufferWaitsInAcquireWithoutSpuriousWakeupsAtAnyRate() throws InterruptedException {
        EventLog log = new EventLog(10_000);
        LabBuffer buffer = BufferRunner.newBuffer(BufferSettings.of(1, 1, 1, 1).withImpl(BufferImpl.SEMAPHORE)
                .withSpurious(1.0), log);
        Worker producer = new Worker("P1", Worker.Role.PRODUCER);
        buffer.register(producer);
        buffer.put(producer, 1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread blocked = Thread.ofPlatform().start(() -> {
            try {
                buffer.put(producer, 2);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        try {
            BoundedBufferContractTest.Threads.awaitWaiting(blocked);
            assertEquals(List.of("P1"), buffer.snapshot().notFullWaiters());
        } finally {
            blocked.interrupt(); // also when the wait was not seen: no thread left parked for good
            BoundedBufferContractTest.Threads.join(blocked);
        }
        assertInstanceOf(InterruptedException.class, thrown.get());
        BufferSnapshot end = buffer.snapshot();
        assertEquals(0, end.spuriousWakeups(), "no spurious wake-up counted");
        assertEquals(0, end.futileProducerWakeups(), "no futile wake-up counted");
        assertEquals(1, end.waitsOnFull(), "one wait, not one per timed try");
        List<EventLog.Event> events = log.readAll().events();
        assertTrue(events.stream().noneMatch(e -> e.kind() == BufferEvent.SPURIOUS.ordinal()), "none recorded");
        EventLog.Event last = events.getLast();
        assertEquals(BufferEvent.LEAVE.ordinal(), last.kind(), "the producer's last event: " + last);
        assertEquals(producer.track(), last.track());
        assertEquals(1, buffer.size());
    }

    @ParameterizedTest
    @EnumSource(value = BufferImpl.class, names = "ABQ", mode = EnumSource.Mode.EXCLUDE)
    void takeBlocksWhileTheBufferIsEmptyAndAnInterruptTakesNothing(BufferImpl impl) throws InterruptedException {
        LabBuffer buffer = buffer(impl, 3, null);
        Worker consumer = new Worker("C1", Worker.Role.CONSUMER);
        Worker producer = new Worker("P1", Worker.Role.PRODUCER);
        buffer.register(consumer);
        buffer.register(producer);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread interrupted = Thread.ofPlatform().start(() -> {
            try {
                buffer.take(consumer);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        BoundedBufferContractTest.Threads.awaitWaiting(interrupted);
        assertEquals(List.of("C1"), buffer.snapshot().notEmptyWaiters());
        interrupted.interrupt();
        BoundedBufferContractTest.Threads.join(interrupted);
        assertInstanceOf(InterruptedException.class, thrown.get());
        assertEquals(List.of(), buffer.snapshot().notEmptyWaiters());
        // Out of the wait set and not shown waiting in it: a snapshot while a stalled run's workers
        // were stopped found "C1 is WAITING_NOT_EMPTY but not in notEmpty" (the monitor's).
        assertEquals(List.of(), buffer.snapshot().brokenInvariants());

        AtomicReference<Long> taken = new AtomicReference<>();
        Thread blocked = BoundedBufferContractTest.Threads.start(() -> taken.set(buffer.take(consumer)));
        BoundedBufferContractTest.Threads.awaitWaiting(blocked);
        buffer.put(producer, 42);
        BoundedBufferContractTest.Threads.join(blocked);
        assertEquals(42L, taken.get());
        assertEquals(0, buffer.size());
        assertEquals(List.of(), buffer.snapshot().brokenInvariants());
    }

    @ParameterizedTest
    @EnumSource(value = BufferImpl.class, names = "ABQ", mode = EnumSource.Mode.EXCLUDE)
    void itemsComeOutInFifoOrderAndNonPositiveItemsAreRefused(BufferImpl impl) throws InterruptedException {
        LabBuffer buffer = buffer(impl, 4, null);
        Worker producer = new Worker("P1", Worker.Role.PRODUCER);
        Worker consumer = new Worker("C1", Worker.Role.CONSUMER);
        for (int round = 0; round < 3; round++) {
            for (long i = 1; i <= 4; i++) {
                buffer.put(producer, 10 * round + i);
            }
            for (long i = 1; i <= 4; i++) {
                assertEquals(10 * round + i, buffer.take(consumer));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> buffer.put(producer, 0));
    }

    static Stream<Arguments> hammering() {
        List<Arguments> cases = new ArrayList<>();
        for (BufferImpl impl : List.of(BufferImpl.LOCK, BufferImpl.MONITOR, BufferImpl.SEMAPHORE)) {
            cases.add(Arguments.of(impl, 4, 4, 2, 0.0, ThreadKind.PLATFORM));
            // The semaphores take no spurious rate (the window and the command line refuse one).
            cases.add(Arguments.of(impl, 3, 3, 1, impl.takesSpurious() ? 0.2 : 0.0, ThreadKind.VIRTUAL));
            cases.add(Arguments.of(impl, 6, 2, 5, impl.takesSpurious() ? 0.1 : 0.0, ThreadKind.PLATFORM));
        }
        return cases.stream();
    }

    /**
     * A hammering run of each correct implementation: every snapshot keeps the invariants, the run
     * ends ok (each item once, the sum right), the log rebuilds the final state, and the lab finds
     * neither a stall nor a violation, spurious wake-ups or not.
     */
    @ParameterizedTest(name = "{0} {1}P {2}C K={3} spurious {4} {5}")
    @MethodSource("hammering")
    void aHammeringRunKeepsTheInvariantsAndBalances(BufferImpl impl, int producers, int consumers, int capacity,
                                                    double spurious, ThreadKind threads) throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        BufferSettings settings = new BufferSettings(producers, consumers, capacity, 20_000, DelayRange.NONE,
                DelayRange.NONE, WakePolicy.SIGNAL, false, threads, impl, Bug.NONE, spurious);
        runner.start(settings);
        int snapshots = 0;
        BufferRunSnapshot now;
        do {
            now = runner.snapshot();
            if (now.buffer() != null) {
                assertEquals(List.of(), now.buffer().brokenInvariants(), "snapshot " + snapshots);
                snapshots++;
            }
            Thread.sleep(1); // a snapshot takes the buffer's lock: leave the workers room
        } while (now.state() != RunState.IDLE);
        BufferResult result = runner.await(Duration.ofSeconds(60));
        assertTrue(result.ok(), result.toString());
        assertEquals(BufferOutcome.OK, result.labOutcome());
        assertTrue(result.balanced());
        assertTrue(snapshots > 3, "snapshots " + snapshots);

        BufferRunSnapshot end = runner.snapshot();
        assertEquals(0, end.log().dropped());
        BufferReplay replay = new BufferReplay(capacity);
        replay.apply(end.log().readAll());
        assertEquals(end.buffer().withoutBlockedTimes(), replay.snapshot(), "the log rebuilds the end");
        if (spurious > 0 && impl == BufferImpl.LOCK) {
            // (The monitor's shortest timed wait is 1 ms, and in a hammering run a notifyAll nearly
            // always comes first: its spurious wake-ups show in the slower runs of LabDetectorTest.)
            assertTrue(result.lab().spuriousWakeups() > 0, "the lab injected spurious wake-ups: " + result.lab());
        } else if (spurious == 0 || impl == BufferImpl.SEMAPHORE) {
            // The semaphores ignore the rate: acquire() never wakes spuriously.
            assertEquals(0, result.lab().spuriousWakeups());
        }
        if (impl == BufferImpl.SEMAPHORE) {
            // Nor does it wake to find nothing: the guide's flat futile wake-ups plot. Read from the
            // log (the semaphore's own snapshot counts none by construction): no spurious wake-up,
            // no wait again, and the replay of it counts no futile one.
            EventLog.Batch all = end.log().readAll();
            for (int i = 0; i < all.size(); i++) {
                BufferEvent kind = BufferEvent.of(all, i);
                assertTrue(kind != BufferEvent.SPURIOUS && !(kind == BufferEvent.WAIT && BufferEvent.waitsAgain(all, i)),
                        "event " + all.get(i));
            }
            assertEquals(0, replay.snapshot().futileProducerWakeups() + replay.snapshot().futileConsumerWakeups());
        }
    }
}
