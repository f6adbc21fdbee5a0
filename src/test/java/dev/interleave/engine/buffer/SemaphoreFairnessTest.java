package dev.interleave.engine.buffer;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The semaphore buffer's fair option is its semaphores' fairness, the first try for a permit
 * included: a consumer arriving while another waits in {@code filledSlots.acquire()} does not take
 * the permit a put has just released ahead of the waiting one; non-fair, it does (barging).
 *
 * <p>Deterministic, not a race: the threads are virtual threads on one carrier (a single-thread
 * executor as their scheduler), so the waiting consumer, unparked by the put's release, cannot run
 * before the thread that put (and takes at once) parks or ends. With the untimed {@code tryAcquire()}
 * as the fast path (which barges even on a fair semaphore), the fair case fails every time. See
 * {@link OneCarrier} for how (not public API).
 */
@Timeout(60)
class SemaphoreFairnessTest {

    /** Fair semaphores: C1, waiting first, gets the first item; C2, arriving after the put, the second. */
    @Test
    void anArrivingConsumerQueuesBehindTheWaitingOneWhenFair() throws Exception {
        assertEquals(List.of(1L, 2L), takenByC1ThenC2(true));
    }

    /** Non-fair semaphores: C2, arriving right after the put, barges and gets the first item; C1 the second. */
    @Test
    void anArrivingConsumerBargesWhenNotFair() throws Exception {
        assertEquals(List.of(2L, 1L), takenByC1ThenC2(false));
    }

    /**
     * A shrink takes free-slot permits to retire slots at once, by the same policy: fair, not the one a
     * take has just released to the producer queued for it (which then writes, the slot retiring at a
     * later take); non-fair, it barges, retires the slot, and the producer waits on.
     */
    @Test
    void aShrinkLeavesAQueuedProducersPermitWhenFair() throws Exception {
        assertEquals(Thread.State.TERMINATED, producerAfterATakeAndAShrink(true));
        assertEquals(Thread.State.WAITING, producerAfterATakeAndAShrink(false));
    }

    /**
     * P1 waits in freeSlots.acquire() of a full two-slot buffer; then one thread takes an item and at
     * once shrinks the buffer to one slot. Returns P1's state when that thread has ended and P1 has
     * either written or waits again.
     */
    private static Thread.State producerAfterATakeAndAShrink(boolean fair) throws Exception {
        LabBuffer buffer = new SemaphoreBuffer(2, fair, Bug.NONE, null);
        Worker producer = new Worker("P1", Worker.Role.PRODUCER);
        Worker consumer = new Worker("C1", Worker.Role.CONSUMER);
        buffer.register(producer);
        buffer.register(consumer);
        buffer.put(producer, 1);
        buffer.put(producer, 2);
        ExecutorService carrier = Executors.newSingleThreadExecutor();
        try {
            Thread.Builder.OfVirtual oneCarrier = OneCarrier.virtualThreadsOn(carrier);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            oneCarrier.uncaughtExceptionHandler((thread, e) -> failure.compareAndSet(null, e));
            Thread p1 = oneCarrier.start(() -> {
                try {
                    buffer.put(producer, 3);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            BoundedBufferContractTest.Threads.awaitWaiting(p1);
            assertEquals(List.of("P1"), buffer.snapshot().notFullWaiters(), "P1 waits in freeSlots.acquire()");
            Thread shrinker = oneCarrier.start(() -> {
                assertEquals(1, takeOrThrow(buffer, consumer));
                buffer.resize(1);
            });
            BoundedBufferContractTest.Threads.join(shrinker);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (p1.getState() != Thread.State.TERMINATED && p1.getState() != Thread.State.WAITING) {
                assertTrue(System.nanoTime() < deadline, "P1 " + p1.getState());
                Thread.sleep(1);
            }
            Thread.State after = p1.getState();
            assertNull(failure.get(), "a thread of the test failed");
            // Either way, the takes that follow empty the buffer to one slot in the order put.
            assertEquals(2, buffer.take(consumer));
            assertEquals(3, buffer.take(consumer));
            BoundedBufferContractTest.Threads.join(p1);
            assertEquals(1, buffer.capacity());
            assertEquals(List.of(), buffer.snapshot().brokenInvariants());
            return after;
        } finally {
            carrier.shutdownNow();
        }
    }

    /**
     * C1 waits in filledSlots.acquire() of an empty one-slot buffer; then one thread puts item 1 and
     * at once takes as C2; when one of C1 and C2 has its item and the other waits, the test puts item 2.
     * Returns the items C1 and C2 took.
     */
    private static List<Long> takenByC1ThenC2(boolean fair) throws Exception {
        LabBuffer buffer = new SemaphoreBuffer(1, fair, Bug.NONE, null);
        Worker producer = new Worker("P1", Worker.Role.PRODUCER);
        Worker waiting = new Worker("C1", Worker.Role.CONSUMER);
        Worker arriving = new Worker("C2", Worker.Role.CONSUMER);
        buffer.register(producer);
        buffer.register(waiting);
        buffer.register(arriving);
        ExecutorService carrier = Executors.newSingleThreadExecutor();
        try {
            Thread.Builder.OfVirtual oneCarrier = OneCarrier.virtualThreadsOn(carrier);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            oneCarrier.uncaughtExceptionHandler((thread, e) -> failure.compareAndSet(null, e));
            AtomicLong c1Took = new AtomicLong();
            AtomicLong c2Took = new AtomicLong();

            Thread c1 = oneCarrier.start(() -> c1Took.set(takeOrThrow(buffer, waiting)));
            BoundedBufferContractTest.Threads.awaitWaiting(c1);
            assertEquals(List.of("C1"), buffer.snapshot().notEmptyWaiters(), "C1 waits in filledSlots.acquire()");

            Thread c2 = oneCarrier.start(() -> {
                try {
                    buffer.put(producer, 1);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                c2Took.set(takeOrThrow(buffer, arriving));
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!oneHasItsItemTheOtherWaits(c1, c2)) {
                assertNull(failure.get(), "a thread of the test failed");
                assertTrue(System.nanoTime() < deadline, "C1 " + c1.getState() + ", C2 " + c2.getState());
                Thread.sleep(1);
            }
            buffer.put(producer, 2);
            BoundedBufferContractTest.Threads.join(c1);
            BoundedBufferContractTest.Threads.join(c2);
            assertNull(failure.get(), "a thread of the test failed");
            assertEquals(List.of(), buffer.snapshot().brokenInvariants());
            return List.of(c1Took.get(), c2Took.get());
        } finally {
            carrier.shutdownNow();
        }
    }

    private static boolean oneHasItsItemTheOtherWaits(Thread c1, Thread c2) {
        return c1.getState() == Thread.State.TERMINATED && c2.getState() == Thread.State.WAITING
                || c2.getState() == Thread.State.TERMINATED && c1.getState() == Thread.State.WAITING;
    }

    private static long takeOrThrow(LabBuffer buffer, Worker consumer) {
        try {
            return buffer.take(consumer);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
