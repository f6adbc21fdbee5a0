package dev.interleave.ui.race;

import org.junit.jupiter.api.Test;

import dev.interleave.engine.race.LabMeasure;
import dev.interleave.engine.race.LabSettings;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The line under each full-speed figure says what the measure ran, not the settings as typed. */
class MeasuredWithTest {

    @Test
    void eachMeasureSaysWhatItRan() {
        assertEquals("Measured with 4 threads x 250,000 increments, each strategy 10 times, platform threads.",
                LabView.measuredWith(new LabSettings(LabMeasure.LOST_UPDATES, 4, 250_000, 10, ThreadKind.PLATFORM, false)));
        // Throughput sweeps the thread count with the same total work: not "4 threads".
        assertEquals("Measured with 1,000,000 increments in all (4 threads x 250,000 as set), split over 1 to 64 "
                        + "threads; each point the median of 3 runs; virtual threads, a fair lock.",
                LabView.measuredWith(new LabSettings(LabMeasure.THROUGHPUT, 4, 250_000, 10, ThreadKind.VIRTUAL, true)));
        assertEquals("Measured with 2 threads x 1,000 increments, packed and striped each 1 time, platform threads.",
                LabView.measuredWith(new LabSettings(LabMeasure.FALSE_SHARING, 2, 1_000, 1, ThreadKind.PLATFORM, false)));
    }

    /** Failed CAS attempts per 100 increments read as numbers, never in exponent notation ("3e-05 %"). */
    @Test
    void failedAttemptsReadAsPercentages() {
        assertEquals("0 %", LabView.percent(0));
        assertEquals("< 0.001 %", LabView.percent(3e-7));
        assertEquals("0.01 %", LabView.percent(1.2e-4));
        assertEquals("3.4 %", LabView.percent(0.034));
        assertEquals("120 %", LabView.percent(1.2));
    }
}
