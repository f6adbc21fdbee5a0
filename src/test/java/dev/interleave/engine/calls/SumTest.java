package dev.interleave.engine.calls;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SumTest {

    /** 500,000,500,000 does not fit an int: the sum is long all the way. */
    @Test
    void sumOfOneToAMillionIsExact() {
        Sum sum = new Sum();
        for (long v = 1; v <= 1_000_000; v++) {
            sum.add(v);
        }
        assertEquals(500_000_500_000L, sum.total());
    }

    /** Concurrent adds are never lost. */
    @Test
    void concurrentAddsAreNotLost() throws InterruptedException {
        Sum sum = new Sum();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 250_000; i++) {
                    sum.add(3);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join(30_000);
            assertFalse(thread.isAlive());
        }
        assertEquals(3_000_000L, sum.total());
    }
}
