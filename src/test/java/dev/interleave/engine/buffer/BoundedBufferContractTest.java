package dev.interleave.engine.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.interleave.engine.run.EventLog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The buffer's contract, in the style of the JSR-166 TCK: blocking is proven by the blocked
 * thread's {@link Thread.State#WAITING} state, never by sleeping and hoping.
 */
@Timeout(30)
class BoundedBufferContractTest {

    @ParameterizedTest(name = "fair={0}")
    @ValueSource(booleans = {false, true})
    void putBlocksWhileTheBufferIsFull(boolean fair) throws InterruptedException {
        BoundedBuffer buffer = new BoundedBuffer(2, fair, WakePolicy.SIGNAL);
        buffer.put(1);
        buffer.put(2);
        Worker producer = new Worker("P1", Worker.Role.PRODUCER);
        Thread blocked = Threads.start(() -> buffer.put(producer, 3));

        Threads.awaitWaiting(blocked);
        BufferSnapshot full = buffer.snapshot();
        assertEquals(List.of("P1"), full.notFullWaiters());
        assertEquals(WorkerState.WAITING_NOT_FULL, producer.state());
        assertEquals(2, full.count());

        assertEquals(1, buffer.take());
        Threads.join(blocked);
        assertEquals(2, buffer.take());
        assertEquals(3, buffer.take());
        assertEquals(List.of(), buffer.snapshot().notFullWaiters());
    }

    @ParameterizedTest(name = "fair={0}")
    @ValueSource(booleans = {false, true})
    void takeBlocksWhileTheBufferIsEmpty(boolean fair) throws InterruptedException {
        BoundedBuffer buffer = new BoundedBuffer(3, fair, WakePolicy.SIGNAL);
        Worker consumer = new Worker("C1", Worker.Role.CONSUMER);
        AtomicReference<Long> taken = new AtomicReference<>();
        Thread blocked = Threads.start(() -> taken.set(buffer.take(consumer)));

        Threads.awaitWaiting(blocked);
        assertEquals(List.of("C1"), buffer.snapshot().notEmptyWaiters());
        assertEquals(WorkerState.WAITING_NOT_EMPTY, consumer.state());

        buffer.put(42);
        Threads.join(blocked);
        assertEquals(42L, taken.get());
        assertEquals(0, buffer.size());
    }

    /** Waiters are shown in wait order, and signal wakes the longest-waiting one. */
    @Test
    void waitSetsAreShownInWaitOrder() throws InterruptedException {
        BoundedBuffer buffer = new BoundedBuffer(1, true, WakePolicy.SIGNAL, new EventLog(100));
        List<Thread> threads = new ArrayList<>();
        for (int c = 1; c <= 3; c++) {
            Worker consumer = new Worker("C" + c, Worker.Role.CONSUMER);
            buffer.register(consumer);
            Thread thread = Threads.start(() -> buffer.take(consumer));
            Threads.awaitWaiting(thread);
            threads.add(thread);
        }
        assertEquals(List.of("C1", "C2", "C3"), buffer.snapshot().notEmptyWaiters());
        buffer.put(new Worker("P1", Worker.Role.PRODUCER), 7);
        Threads.join(threads.getFirst());
        BufferSnapshot after = buffer.snapshot();
        assertEquals(List.of("C2", "C3"), after.notEmptyWaiters());
        assertEquals(List.of(), after.brokenInvariants());
        String last = lastAction(buffer);
        assertTrue(last.startsWith("C1 took #7 from slot 0, signalled notFull"), last);
        buffer.put(8);
        buffer.put(9);
        Threads.join(threads.get(1));
        Threads.join(threads.get(2));
    }

    /** The recorded actions say who did what, and whom each signal woke. */
    @Test
    void lastActionSaysWhoDidWhatAndWhomItWoke() throws InterruptedException {
        BoundedBuffer buffer = new BoundedBuffer(4, false, WakePolicy.SIGNAL, new EventLog(100));
        Worker p3 = new Worker("P3", Worker.Role.PRODUCER);
        buffer.put(p3, 17);
        assertEquals("P3 put #17 into slot 0, signalled notEmpty (no one was waiting)", lastAction(buffer));
        Worker c2 = new Worker("C2", Worker.Role.CONSUMER);
        assertEquals(17, buffer.take(c2));
        assertEquals("C2 took #17 from slot 0, signalled notFull (no one was waiting)", lastAction(buffer));
        buffer.register(c2);
        Thread waiting = Threads.start(() -> buffer.take(c2));
        Threads.awaitWaiting(waiting);
        assertEquals("C2 found the buffer empty and waits on notEmpty", lastAction(buffer));
        buffer.put(p3, 18);
        Threads.join(waiting);
        List<String> words = BufferNarration.actions(buffer.log().readAll()).stream()
                .map(BufferNarration.Action::words).toList();
        assertEquals(List.of("P3 put #17 into slot 0, signalled notEmpty (no one was waiting)",
                "C2 took #17 from slot 0, signalled notFull (no one was waiting)",
                "C2 found the buffer empty and waits on notEmpty",
                "P3 put #18 into slot 1, signalled notEmpty and woke C2",
                "C2 took #18 from slot 1, signalled notFull (no one was waiting)"), words);
    }

    private static String lastAction(BoundedBuffer buffer) {
        return BufferNarration.lastAction(buffer.log().readAll()).orElseThrow().words();
    }

    /** An interrupt while blocked in put throws InterruptedException and adds nothing. */
    @Test
    void interruptWhileBlockedInPutLosesNothing() throws InterruptedException {
        BoundedBuffer buffer = new BoundedBuffer(1, false, WakePolicy.SIGNAL);
        buffer.put(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Worker producer = new Worker("P1", Worker.Role.PRODUCER);
        buffer.register(producer);
        Thread blocked = Thread.ofPlatform().start(() -> {
            try {
                buffer.put(producer, 2);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        Threads.awaitWaiting(blocked);
        blocked.interrupt();
        Threads.join(blocked);
        assertInstanceOf(InterruptedException.class, thrown.get());
        BufferSnapshot after = buffer.snapshot();
        assertEquals(1, after.count());
        assertEquals(List.of(), after.notFullWaiters());
        assertEquals(List.of(), after.brokenInvariants());
        assertEquals(1, buffer.take());
        assertEquals(0, buffer.size());
    }

    /** An interrupt while blocked in take throws InterruptedException and takes nothing. */
    @Test
    void interruptWhileBlockedInTakeLosesNothing() throws InterruptedException {
        BoundedBuffer buffer = new BoundedBuffer(2, false, WakePolicy.SIGNAL_ALL);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread blocked = Thread.ofPlatform().start(() -> {
            try {
                buffer.take();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        Threads.awaitWaiting(blocked);
        blocked.interrupt();
        Threads.join(blocked);
        assertInstanceOf(InterruptedException.class, thrown.get());
        buffer.put(5);
        assertEquals(5, buffer.take());
        assertEquals(List.of(), buffer.snapshot().notEmptyWaiters());
    }

    /** A thread already interrupted throws at once, even when it need not wait. */
    @Test
    void alreadyInterruptedThreadThrowsAtOnce() {
        BoundedBuffer buffer = new BoundedBuffer(2, false, WakePolicy.SIGNAL);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> buffer.put(1));
        assertFalse(Thread.interrupted());
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, buffer::take);
        assertFalse(Thread.interrupted());
        assertEquals(0, buffer.size());
    }

    @Test
    void capacityBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedBuffer(0, false, WakePolicy.SIGNAL));
        assertThrows(IllegalArgumentException.class, () -> new BoundedBuffer(-3, true, WakePolicy.SIGNAL));
        assertThrows(IllegalArgumentException.class, () -> new BoundedBuffer(2, false, WakePolicy.SIGNAL).put(0));
    }

    /** FIFO across many wrap-arounds of the indices. */
    @ParameterizedTest(name = "fair={0}")
    @ValueSource(booleans = {false, true})
    void fifoAcrossWrapAround(boolean fair) throws InterruptedException {
        BoundedBuffer buffer = new BoundedBuffer(3, fair, WakePolicy.SIGNAL);
        long next = 1;
        long expected = 1;
        for (int round = 0; round < 50; round++) {
            int puts = Math.min(1 + round % 3, 3 - buffer.size());
            for (int i = 0; i < puts; i++) {
                buffer.put(next++);
            }
            int takes = buffer.size() == 3 ? 2 : 1;
            for (int i = 0; i < takes; i++) {
                assertEquals(expected++, buffer.take());
            }
            BufferSnapshot now = buffer.snapshot();
            assertEquals(List.of(), now.brokenInvariants());
        }
        while (buffer.size() > 0) {
            assertEquals(expected++, buffer.take());
        }
        assertEquals(next, expected);
    }

    /** Starting, joining and observing test threads; every thread is checked and joined. */
    static final class Threads {
        interface Body {
            void run() throws Exception;
        }

        static Thread start(Body body) {
            return Thread.ofPlatform().start(() -> {
                try {
                    body.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        /** Waits (bounded) until the thread is parked: WAITING, as a blocked put/take or gate is. */
        static void awaitWaiting(Thread thread) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (thread.getState() != Thread.State.WAITING) {
                assertTrue(thread.isAlive(), "the thread ended instead of blocking");
                assertTrue(System.nanoTime() < deadline, "the thread did not block: " + thread.getState());
                Thread.onSpinWait();
                Thread.sleep(1);
            }
        }

        static void join(Thread thread) throws InterruptedException {
            thread.join(10_000);
            assertFalse(thread.isAlive(), "the thread did not finish");
        }
    }
}
