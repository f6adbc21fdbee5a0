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
     * Made not to pad the start, a run shorter than the span reads its real rate: 1,000 calls spread
     * evenly over 75 ms read 13,333 a second at every sample, as the whole run's figure does at the
     * end; padded, they read 2,000 at the end (a plot peaking at 2,000 under a card of 13,333).
     */
    @Test
    void aShortRunUnpaddedReadsItsRealRate() {
        RateWindow real = new RateWindow(500 * MS, false);
        RateWindow padded = new RateWindow(500 * MS);
        for (long t = 15; t <= 75; t += 15) {
            long calls = t * 1_000 / 75;
            assertEquals(13_333.3, real.add(t * MS, calls), 0.1, "at " + t + " ms");
            padded.add(t * MS, calls);
        }
        assertEquals(2_000, padded.add(75 * MS, 1_000), 1e-9, "padded: the 0.5 s span counted whole");
        for (long t = 100; t <= 1_000; t += 100) {
            real.add(t * MS, 1_000 + (t - 75) * 2);
        }
        assertEquals(2_000, real.add(1_100 * MS, 1_000 + 1_025 * 2), 1e-6, "past the first span: over the span alone");
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
