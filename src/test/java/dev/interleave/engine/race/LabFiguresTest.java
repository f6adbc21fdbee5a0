package dev.interleave.engine.race;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.interleave.engine.run.Outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the lab's runs say, measure by measure. */
class LabFiguresTest {

    /**
     * The failed compare-and-sets per increment at a thread count are the median of its runs', as the
     * rates beside them are: three runs of 0, 1.395 and 3.184 % read 1.5 % (their pooled mean) under a
     * caption saying "the median of up to three runs" (a teaching assistant's tryout).
     */
    @Test
    void casFailuresAreTheMedianOfTheRuns() {
        RaceSettings four = RaceSettings.of(4, 250_000, RaceStrategy.CAS); // 1,000,000 increments a run
        LabFigures figures = new LabFigures(List.of(cas(four, 0), cas(four, 13_950), cas(four, 31_840),
                cas(RaceSettings.of(8, 125_000, RaceStrategy.CAS), 50_000)));
        assertEquals(0.01395, figures.casFailuresPerIncrement(4).orElseThrow(), 1e-9);
        assertEquals(0.05, figures.casFailuresPerIncrement(8).orElseThrow(), 1e-9);
        assertTrue(figures.casFailuresPerIncrement(16).isEmpty(), "no run at 16 threads");
    }

    private static RaceResult cas(RaceSettings settings, long failures) {
        return new RaceResult(settings, Outcome.COMPLETED, null, List.of(settings.expected()), List.of(10_000_000L),
                failures);
    }
}
