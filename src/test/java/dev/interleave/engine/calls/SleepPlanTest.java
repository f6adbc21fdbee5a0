package dev.interleave.engine.calls;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SleepPlanTest {

    /** The same seed gives the same sleeps; another seed gives others. */
    @Test
    void sleepsAreAFunctionOfSeedAndCallNumber() {
        SleepPlan plan = new SleepPlan(42, 1000);
        SleepPlan again = new SleepPlan(42, 1000);
        SleepPlan other = new SleepPlan(43, 1000);
        int differ = 0;
        for (long call = 1; call <= 1000; call++) {
            assertEquals(plan.sleepMillisFor(call), again.sleepMillisFor(call));
            if (plan.sleepMillisFor(call) != other.sleepMillisFor(call)) {
                differ++;
            }
        }
        assertTrue(differ > 900, "another seed changed only " + differ + " of 1,000 sleeps");
    }

    /** Draws cover [0, max] with a mean near max / 2. */
    @Test
    void drawsAreUniformInRange() {
        SleepPlan plan = new SleepPlan(7, 1000);
        long total = 0;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (long v = 1; v <= 100_000; v++) {
            int sleep = plan.sleepMillisFor(v);
            total += sleep;
            min = Math.min(min, sleep);
            max = Math.max(max, sleep);
        }
        assertEquals(0, min);
        assertEquals(1000, max);
        assertEquals(500, total / 100_000.0, 5);
    }

    @Test
    void zeroMaxMeansNoSleep() {
        assertEquals(0, new SleepPlan(1, 0).sleepMillisFor(12345));
        assertNotEquals(0, new SleepPlan(1, 1000).sleepMillisFor(2) + new SleepPlan(1, 1000).sleepMillisFor(3));
        assertThrows(IllegalArgumentException.class, () -> new SleepPlan(1, -1));
    }
}
