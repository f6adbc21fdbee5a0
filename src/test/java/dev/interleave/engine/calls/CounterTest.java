package dev.interleave.engine.calls;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.interleave.engine.run.Labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class CounterTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 100_000;

    /** Each safe counter hands out every value 1..800,000 exactly once to 8 contending threads. */
    @ParameterizedTest
    @EnumSource(value = CounterKind.class, names = {"ATOMIC", "SYNCHRONIZED", "LOCK"})
    void safeCounterHandsOutEveryValueExactlyOnce(CounterKind kind) throws InterruptedException {
        Counter counter = kind.newCounter();
        long[][] taken = contend(counter, THREADS, PER_THREAD);

        BitSet seen = new BitSet(THREADS * PER_THREAD + 1);
        for (long[] values : taken) {
            for (long value : values) {
                assertTrue(value >= 1 && value <= THREADS * PER_THREAD, "value out of range: " + value);
                assertFalse(seen.get((int) value), "value handed out twice: " + value);
                seen.set((int) value);
            }
        }
        assertEquals(THREADS * PER_THREAD, seen.cardinality());
        assertEquals(THREADS * PER_THREAD, counter.value());
    }

    /** The racy counter really loses updates under contention: repeated until a loss is seen (bounded, so never flaky). */
    @Test
    void racyCounterLosesUpdates() throws InterruptedException {
        for (int attempt = 1; attempt <= 50; attempt++) {
            Counter counter = CounterKind.RACY.newCounter();
            contend(counter, 2, 200_000);
            if (counter.value() < 400_000) {
                return;
            }
        }
        fail("50 attempts of 2 x 200,000 increments lost no update");
    }

    /** Values from one thread are increasing: each next() sees every earlier write (no stale read). */
    @ParameterizedTest
    @EnumSource(value = CounterKind.class, names = {"ATOMIC", "SYNCHRONIZED", "LOCK"})
    void valuesSeenByOneThreadIncrease(CounterKind kind) throws InterruptedException {
        for (long[] values : contend(kind.newCounter(), 4, 50_000)) {
            for (int i = 1; i < values.length; i++) {
                assertTrue(values[i] > values[i - 1]);
            }
        }
    }

    /** Each label parses back to its kind; an unknown one is refused with the allowed labels. */
    @Test
    void labelsRoundTrip() {
        for (CounterKind kind : CounterKind.values()) {
            assertEquals(kind, Labels.parse(CounterKind.class, kind.label(), "counter"));
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Labels.parse(CounterKind.class, "fast", "counter"));
        assertEquals("'fast' is not a counter; allowed: atomic, synchronized, lock, racy", e.getMessage());
    }

    /** Starts all threads together; each takes `perThread` values; every thread is joined. */
    static long[][] contend(Counter counter, int threads, int perThread) throws InterruptedException {
        long[][] taken = new long[threads][perThread];
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong failures = new AtomicLong();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] mine = taken[t];
            started.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        mine[i] = counter.next();
                    }
                } catch (Throwable e) {
                    failures.incrementAndGet();
                }
            }));
        }
        go.countDown();
        for (Thread thread : started) {
            thread.join(30_000);
            assertFalse(thread.isAlive(), "a counting thread did not finish");
        }
        assertEquals(0, failures.get());
        return taken;
    }
}
