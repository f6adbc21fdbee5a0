package dev.interleave.ui.race;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The throughput table's bars: in proportion to the rate while the rates lie within tenfold of each
 * other (36.2 M/s was a sliver beside 48.7 M/s, a third of the width, on the log scale a student read
 * as "locks collapse"), on a log scale past that, where a slow rate would be no bar at all.
 */
class RateBarsTest {

    @Test
    void ratesWithinTenfoldAreBarsFromZero() {
        assertEquals(36.2 / 176, LabView.barShare(36.2, 36.2, 176), 1e-12);
        assertEquals(48.7 / 176, LabView.barShare(48.7, 36.2, 176), 1e-12);
        assertEquals(1, LabView.barShare(176, 36.2, 176), 1e-12);
        // Twice the rate, twice the bar.
        assertEquals(2 * LabView.barShare(40, 20, 190), LabView.barShare(80, 20, 190), 1e-12);
    }

    @Test
    void ratesMoreThanTenfoldApartAreOnALogScale() {
        assertEquals(0.08, LabView.barShare(0.1, 0.1, 170), 1e-12, "the slowest still a bar");
        assertEquals(1, LabView.barShare(170, 0.1, 170), 1e-12);
        double middle = Math.sqrt(0.1 * 170); // half-way on the log scale
        assertEquals(0.08 + 0.92 / 2, LabView.barShare(middle, 0.1, 170), 1e-12);
    }
}
