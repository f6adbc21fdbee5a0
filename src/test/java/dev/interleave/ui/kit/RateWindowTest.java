package dev.interleave.ui.kit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The items or calls per second over the last stretch of a run. */
class RateWindowTest {

    private static final long MS = 1_000_000;

    /**
     * A run that did all it did before the first sample (six items, then a stall) shows that rate
     * from the run's start, then falls to 0 once the window has passed it; it read 0 throughout.
     * In the first second, the count is over the whole second (nothing before the start): 6 items in
     * the first 100 ms read 6 a second, not 60, in a run of 11 items in all.
     */
    @Test
    void theRunsStartIsTheFirstSample() {
        RateWindow rate = new RateWindow(1_000 * MS);
        assertEquals(6, rate.add(100 * MS, 6), 1e-9, "6 items in the first 100 ms: 6 in the last second");
        assertEquals(6, rate.add(200 * MS, 6), 1e-9, "no more");
        assertEquals(11, rate.add(690 * MS, 11), 1e-9, "11 in all");
        for (long t = 700; t <= 1_600; t += 100) {
            rate.add(t * MS, 11);
        }
        assertEquals(0, rate.add(1_700 * MS, 11), 1e-9, "a window later: nothing in the last second");
        rate.clear();
        assertEquals(5, rate.add(500 * MS, 5), 1e-9, "a new run starts at 0 again");
        assertEquals(40, rate.add(1_500 * MS, 45), 1e-9, "a second later: over the last second alone");
    }

    /**
     * A run stepped while paused (its clock stands still at 10 µs) and then resumed: the 20 items
     * stepped took no run time and count in no rate; it read 2,000,000 a second, then 40 after Resume.
     */
    @Test
    void whatChangedWhileTheClockStoodStillIsLeftOut() {
        RateWindow rate = new RateWindow(1_000 * MS);
        long stoodAt = 10_000; // ns: the run started paused
        assertEquals(0, rate.add(stoodAt, 0), 1e-9);
        assertEquals(0, rate.add(stoodAt, 12), 1e-9, "12 items stepped, no run time");
        assertEquals(0, rate.add(stoodAt, 20), 1e-9, "8 more");
        assertEquals(10, rate.add(stoodAt + 500 * MS, 30), 1e-3, "resumed: 10 items in 0.5 s, the first second");
        assertEquals(10, rate.add(stoodAt + 500 * MS, 34), 1e-3, "paused again, 4 stepped: the rate before");
        assertEquals(20, rate.add(stoodAt + 1_000 * MS, 44), 1e-3, "10 more in 0.5 s: 20 in the second");
    }
}
