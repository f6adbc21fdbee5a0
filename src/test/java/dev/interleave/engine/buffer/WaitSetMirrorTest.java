package dev.interleave.engine.buffer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.interleave.engine.run.EventLog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wait-set mirrors under interrupts: producers and consumers hammer a one-slot buffer while an
 * interrupter interrupts whoever is parked, and after every action the mirrors must agree with the
 * conditions' real wait queues ({@link BoundedBuffer#waitSetMismatches()}).
 */
@Timeout(120)
class WaitSetMirrorTest {

    /** Items per run: enough for thousands of interrupted waits, a few seconds on two cores. */
    private static final int ITEMS = 20_000;
    private static final int PRODUCERS = 3;
    private static final int CONSUMERS = 3;
    /** Mismatches kept for the failure message. */
    private static final int KEPT = 10;

    /**
     * Interrupting waiting producers and consumers while others put and take never makes a mirror
     * name the wrong waiter, and every item is still taken exactly once.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(WakePolicy.class)
    void mirrorsMatchTheRealWaitQueuesWhileWaitersAreInterrupted(WakePolicy policy) throws InterruptedException {
        BoundedBuffer buffer = new BoundedBuffer(1, false, policy, new EventLog(EventLog.DEFAULT_CAPACITY));
        ConcurrentLinkedQueue<BufferSnapshot> snapshots = new ConcurrentLinkedQueue<>();
        AtomicLong lastItemDrawn = new AtomicLong();
        AtomicLong takesLeft = new AtomicLong(ITEMS);
        AtomicLongArray taken = new AtomicLongArray(ITEMS + 1);
        AtomicLong interruptedWaits = new AtomicLong();
        ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);

        List<Thread> workers = new ArrayList<>();
        for (int p = 1; p <= PRODUCERS; p++) {
            Worker producer = new Worker("P" + p, Worker.Role.PRODUCER);
            buffer.register(producer);
            workers.add(worker(failure, go, () -> {
                for (long item; (item = lastItemDrawn.incrementAndGet()) <= ITEMS; ) {
                    while (true) {
                        try {
                            buffer.put(producer, item);
                            break;
                        } catch (InterruptedException e) {
                            interruptedWaits.incrementAndGet();
                            if (failure.get() != null) {
                                return;
                            }
                        }
                    }
                    keep(mismatches, buffer.waitSetMismatches());
                    if (item % 50 == 0) {
                        snapshots.add(buffer.snapshot());
                    }
                }
            }));
        }
        for (int c = 1; c <= CONSUMERS; c++) {
            Worker consumer = new Worker("C" + c, Worker.Role.CONSUMER);
            buffer.register(consumer);
            workers.add(worker(failure, go, () -> {
                while (takesLeft.getAndDecrement() > 0) {
                    long item;
                    while (true) {
                        try {
                            item = buffer.take(consumer);
                            break;
                        } catch (InterruptedException e) {
                            interruptedWaits.incrementAndGet();
                            if (failure.get() != null) {
                                return;
                            }
                        }
                    }
                    taken.incrementAndGet((int) item);
                    keep(mismatches, buffer.waitSetMismatches());
                }
            }));
        }
        Thread interrupter = worker(failure, go, () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (workers.stream().anyMatch(Thread::isAlive)) {
                Thread target = workers.get(random.nextInt(workers.size()));
                if (target.getState() == Thread.State.WAITING) {
                    target.interrupt();
                }
                Thread.onSpinWait();
            }
        });
        go.countDown();

        awaitEndOrFailure(workers, failure);
        join(interrupter);
        assertNull(failure.get(), () -> "a test thread failed: " + failure.get());
        assertEquals(List.of(), List.copyOf(mismatches), "mirror mismatches seen after actions");
        assertEquals(List.of(), buffer.waitSetMismatches());
        assertEquals(List.of(), buffer.snapshot().brokenInvariants());
        for (int item = 1; item <= ITEMS; item++) {
            assertEquals(1, taken.get(item), "times item " + item + " was taken");
        }
        assertTrue(interruptedWaits.get() > 0, "no put or take was interrupted: the hammer proved nothing");

        // The log saw every interrupted waiter leave: the wait sets rebuilt from it are the live ones.
        EventLog.Batch all = buffer.log().readAll();
        assertEquals(0, buffer.log().dropped());
        BufferReplay replay = new BufferReplay(1);
        List<BufferSnapshot> inOrder = snapshots.stream()
                .sorted(Comparator.comparingLong(BufferSnapshot::events)).toList();
        for (BufferSnapshot live : inOrder) {
            replay.applyUntil(all, live.events());
            assertEquals(BufferRecordingTest.exactPart(live), BufferRecordingTest.exactPart(replay.snapshot()),
                    "after event " + live.events());
        }
        assertTrue(inOrder.size() > 100, "snapshots compared: " + inOrder.size());
        replay.apply(all);
        assertEquals(BufferRecordingTest.exactPart(buffer.snapshot()), BufferRecordingTest.exactPart(replay.snapshot()));
    }

    private interface Body {
        void run() throws Exception;
    }

    /**
     * A platform thread that waits for {@code go} (through interrupts: the interrupter may already
     * run), runs {@code body}, and records its failure.
     */
    private static Thread worker(AtomicReference<Throwable> failure, CountDownLatch go, Body body) {
        return Thread.ofPlatform().start(() -> {
            try {
                while (true) {
                    try {
                        go.await();
                        break;
                    } catch (InterruptedException e) {
                        // Not yet started: an interrupt meant for a wait in the buffer.
                    }
                }
                body.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        });
    }

    private static void keep(ConcurrentLinkedQueue<String> kept, List<String> found) {
        if (!found.isEmpty() && kept.size() < KEPT) {
            kept.addAll(found);
        }
    }

    /**
     * Waits (at most a minute) until every worker has ended; if a test thread fails first, interrupts
     * the workers so that they end at once (each returns from an interrupted wait once a failure is
     * recorded), and joins them.
     */
    private static void awaitEndOrFailure(List<Thread> workers, AtomicReference<Throwable> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        for (Thread thread : workers) {
            while (thread.isAlive() && failure.get() == null && System.nanoTime() < deadline) {
                thread.join(10);
            }
        }
        if (failure.get() != null) {
            workers.forEach(Thread::interrupt);
        }
        for (Thread thread : workers) {
            join(thread);
        }
    }

    private static void join(Thread thread) throws InterruptedException {
        thread.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(thread.isAlive(), "a test thread did not finish: " + thread);
    }
}
