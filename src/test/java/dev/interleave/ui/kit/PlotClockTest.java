package dev.interleave.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Placing a moment of a run on its plots' x axis, seconds run with pauses left out. */
class PlotClockTest {

    private static final long MS = 1_000_000;

    /**
     * Samples every 100 ms of a run that ran 1 s, paused 2 s, then ran 0.5 s: a moment is placed in
     * proportion between its samples, stands still within the pause, and is never placed before
     * the run's 0 or after the last sample.
     */
    @Test
    void aMomentFallsBetweenItsSamplesAndStandsStillInAPause() {
        PlotClock clock = new PlotClock();
        assertTrue(Double.isNaN(clock.secondsAt(5 * MS)), "no sample: no place");
        long start = 1_000 * MS;
        for (int i = 1; i <= 10; i++) {
            clock.add(start + i * 100 * MS, i * 0.1);
        }
        for (int i = 1; i <= 20; i++) {
            clock.add(start + 1_000 * MS + i * 100 * MS, 1.0); // paused: the active time stands still
        }
        for (int i = 1; i <= 5; i++) {
            clock.add(start + 3_000 * MS + i * 100 * MS, 1.0 + i * 0.1);
        }
        assertEquals(0.25, clock.secondsAt(start + 250 * MS), 1e-9, "between two samples, in proportion");
        assertEquals(0.05, clock.secondsAt(start + 50 * MS), 1e-9, "before the first sample: counted back");
        assertEquals(0.0, clock.secondsAt(start - 500 * MS), 1e-9, "never before the run's start");
        assertEquals(1.0, clock.secondsAt(start + 2_000 * MS), 1e-9, "within the pause: its moment");
        assertEquals(1.25, clock.secondsAt(start + 3_250 * MS), 1e-9, "after the pause, the pause left out");
        assertEquals(1.5, clock.secondsAt(start + 9_000 * MS), 1e-9, "after the last sample: the last");
        clock.clear();
        assertTrue(Double.isNaN(clock.secondsAt(start)), "cleared: no place");
    }

    /** A long run keeps its whole span in at most MAX_SAMPLES samples, and still places its moments. */
    @Test
    void aLongRunKeepsItsWholeSpan() {
        PlotClock clock = new PlotClock();
        int samples = 10 * PlotClock.MAX_SAMPLES + 7;
        for (int i = 0; i < samples; i++) {
            clock.add(i * 100 * MS, i * 0.1);
        }
        assertEquals(0.0, clock.secondsAt(0), 1e-9, "the first sample kept");
        assertEquals(12.345, clock.secondsAt(12_345 * MS), 1e-6, "a moment in the middle, in proportion");
        double last = clock.secondsAt(Long.MAX_VALUE);
        assertTrue(last > (samples - 1) * 0.1 - 0.1 * 16, "the end kept: " + last);
    }
}
