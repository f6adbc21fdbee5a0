package dev.interleave.engine.calls;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdealMakespanTest {

    @Test
    void oneSlotRunsJobsBackToBack() {
        assertEquals(10, IdealMakespan.of(new int[] {1, 2, 3, 4}, 1));
    }

    @Test
    void moreSlotsThanJobsIsTheLongestJob() {
        assertEquals(9, IdealMakespan.of(new int[] {3, 9, 1}, 100));
    }

    /** Greedy in call order: each job goes to the slot that frees first. */
    @Test
    void greedyListScheduling() {
        // slots: [5] [1] -> job 3 to slot 2 (1+3=4) -> job 2 to slot 2 (4+2=6) -> job 4 to slot 1 (5+4=9)
        assertEquals(9, IdealMakespan.of(new int[] {5, 1, 3, 2, 4}, 2));
    }

    @Test
    void noJobsTakeNoTime() {
        assertEquals(0, IdealMakespan.of(new int[0], 3));
        assertThrows(IllegalArgumentException.class, () -> IdealMakespan.of(new int[] {1}, 0));
    }
}
