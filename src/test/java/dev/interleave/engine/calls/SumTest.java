package dev.interleave.engine.calls;

import org.junit.jupiter.api.Test;

import dev.interleave.TestThreads;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void concurrentAddsAreNotLost() {
        Sum sum = new Sum();
        TestThreads threads = new TestThreads();
        for (int t = 0; t < 4; t++) {
            threads.start("adder-" + t, () -> {
                for (int i = 0; i < 250_000; i++) {
                    sum.add(3);
                }
            });
        }
        threads.joinAll();
        assertEquals(3_000_000L, sum.total());
    }
}
