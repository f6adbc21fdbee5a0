package dev.interleave.ui.race;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.interleave.engine.race.LabFigures;
import dev.interleave.engine.race.LabMeasure;
import dev.interleave.engine.race.LabSettings;
import dev.interleave.engine.race.RaceResult;
import dev.interleave.engine.race.RaceSettings;
import dev.interleave.engine.race.LabWords;
import dev.interleave.engine.race.RaceStrategy;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The line under each full-speed figure says what the measure ran, not the settings as typed. */
class MeasuredWithTest {

    @Test
    void eachMeasureSaysWhatItRan() {
        assertEquals("Measured with 4 threads x 250,000 increments, each strategy 10 times, platform threads.",
                LabView.measuredWith(new LabSettings(LabMeasure.LOST_UPDATES, 4, 250_000, 10, ThreadKind.PLATFORM, false),
                        Outcome.COMPLETED));
        // Throughput sweeps the thread count with the same total work: not "4 threads".
        assertEquals("Measured with 1,000,000 increments in all (4 threads x 250,000 as set), split over 1 to 64 "
                        + "threads; each point the median of 3 runs; virtual threads, a fair lock.",
                LabView.measuredWith(new LabSettings(LabMeasure.THROUGHPUT, 4, 250_000, 10, ThreadKind.VIRTUAL, true),
                        Outcome.COMPLETED));
        assertEquals("Measured with 2 threads x 1,000 increments, packed and padded each 1 time, platform threads.",
                LabView.measuredWith(new LabSettings(LabMeasure.FALSE_SHARING, 2, 1_000, 1, ThreadKind.PLATFORM, false),
                        Outcome.COMPLETED));
        // One increment is "1 increment": the window read "2 threads x 1 increments" here and in the note above.
        assertEquals("Measured with 2 threads x 1 increment, each strategy 10 times, platform threads.",
                LabView.measuredWith(new LabSettings(LabMeasure.LOST_UPDATES, 2, 1, 10, ThreadKind.PLATFORM, false),
                        Outcome.COMPLETED));
        assertEquals("2 threads x 1 increment, 10 runs", LabViewModel.work(LabMeasure.LOST_UPDATES, 2, 1, 10));
    }

    /**
     * What makes a measure's figures another measure's work, as each uses the settings: throughput
     * only T x K and at most 3 runs; false sharing no lock.
     */
    @Test
    void eachMeasureTellsWhichSettingsWouldMeasureOtherwise() {
        LabSettings throughput = new LabSettings(LabMeasure.THROUGHPUT, 4, 250_000, 3, ThreadKind.VIRTUAL, false);
        assertFalse(LabViewModel.measuresOtherwise(throughput, throughput));
        assertFalse(LabViewModel.measuresOtherwise(throughput,
                new LabSettings(LabMeasure.LOST_UPDATES, 8, 125_000, 10, ThreadKind.VIRTUAL, false)), "the same work, 3 runs");
        assertTrue(LabViewModel.measuresOtherwise(throughput,
                new LabSettings(LabMeasure.THROUGHPUT, 8, 250_000, 3, ThreadKind.VIRTUAL, false)));
        assertTrue(LabViewModel.measuresOtherwise(throughput,
                new LabSettings(LabMeasure.THROUGHPUT, 4, 250_000, 2, ThreadKind.VIRTUAL, false)));
        assertTrue(LabViewModel.measuresOtherwise(throughput,
                new LabSettings(LabMeasure.THROUGHPUT, 4, 250_000, 3, ThreadKind.PLATFORM, false)));
        assertTrue(LabViewModel.measuresOtherwise(throughput,
                new LabSettings(LabMeasure.THROUGHPUT, 4, 250_000, 3, ThreadKind.VIRTUAL, true)));
        LabSettings lost = new LabSettings(LabMeasure.LOST_UPDATES, 4, 250_000, 10, ThreadKind.PLATFORM, false);
        assertTrue(LabViewModel.measuresOtherwise(lost,
                new LabSettings(LabMeasure.LOST_UPDATES, 8, 125_000, 10, ThreadKind.PLATFORM, false)));
        assertTrue(LabViewModel.measuresOtherwise(lost,
                new LabSettings(LabMeasure.LOST_UPDATES, 4, 250_000, 11, ThreadKind.PLATFORM, false)));
        LabSettings sharing = new LabSettings(LabMeasure.FALSE_SHARING, 2, 1_000, 1, ThreadKind.PLATFORM, false);
        assertFalse(LabViewModel.measuresOtherwise(sharing,
                new LabSettings(LabMeasure.LOST_UPDATES, 2, 1_000, 1, ThreadKind.PLATFORM, true)), "no lock to make fair");
    }

    /** Until a measure completes it has up to its runs: stopped, it said "the median of 3 runs" over single runs. */
    @Test
    void anUnfinishedMeasureSaysUpTo() {
        LabSettings throughput = new LabSettings(LabMeasure.THROUGHPUT, 4, 250_000, 10, ThreadKind.VIRTUAL, false);
        assertEquals("Measured with 1,000,000 increments in all (4 threads x 250,000 as set), split over 1 to 64 "
                + "threads; each point the median of up to 3 runs, stopped before the end; virtual threads.",
                LabView.measuredWith(throughput, Outcome.STOPPED));
        assertEquals("Measured with 2 threads x 1,000 increments, each strategy up to 10 times, platform threads.",
                LabView.measuredWith(new LabSettings(LabMeasure.LOST_UPDATES, 2, 1_000, 10, ThreadKind.PLATFORM,
                        false), null), "running");
    }

    /**
     * The false-sharing verdict says how far single runs spread and whether that hides the
     * difference (three runs in a row read 0.88x, 1.93x and 1.01x on a busy machine).
     */
    @Test
    void theFalseSharingVerdictSaysWhetherNoiseHidesTheDifference() {
        // 1,000,000 increments each: 10 ms is 100 M/s.
        LabFigures apart = figures(new long[] {10, 11, 12}, new long[] {5, 6, 5});
        assertEquals(" The medians of the runs; single runs ranged 83.3 M/s to 100 M/s packed, 167 M/s to 200 M/s"
                + " padded: the ranges do not overlap, so the difference is the layout's, not noise.",
                LabWords.spread(apart, LabWords.Reader.WINDOW));
        LabFigures noisy = figures(new long[] {10, 30, 20}, new long[] {20, 8, 15});
        assertEquals(" The medians of the runs; single runs ranged 33.3 M/s to 100 M/s packed, 50.0 M/s to 125 M/s"
                + " padded: the ranges overlap, so on this machine the layout's difference, if any, is within its noise. Run it again,"
                + " with fewer programs running, before drawing a conclusion.", LabWords.spread(noisy, LabWords.Reader.WINDOW));
        assertEquals("", LabWords.spread(figures(new long[] {10}, new long[0]), LabWords.Reader.WINDOW), "not both ran yet");
        assertEquals(" From 1 run of each so far: 3 or more runs of each show how far single runs spread, and"
                + " whether that is as large as the difference (Runs sets it).",
                LabWords.spread(figures(new long[] {10}, new long[] {9}), LabWords.Reader.WINDOW), "one run each: no verdict on noise");
        assertEquals(" From 2 runs of each so far: 3 or more runs of each show how far single runs spread, and"
                + " whether that is as large as the difference (Runs sets it).",
                LabWords.spread(figures(new long[] {10, 11, 12}, new long[] {5, 6}), LabWords.Reader.WINDOW));
    }

    /** The throughput table says how far one point's runs spread at the widest, and where. */
    @Test
    void theThroughputNoteSaysHowFarOnePointsRunsSpread() {
        assertEquals("", LabWords.throughputNoise(new LabFigures(List.of()), 3, LabWords.Reader.WINDOW), "nothing ran yet");
        // Legs are single runs, whatever the measure asked: 3 asked, one of each made (stopped, or so far).
        LabFigures single = new LabFigures(List.of(leg(RaceStrategy.CAS, 4, 10), leg(RaceStrategy.LOCK, 4, 30)));
        assertEquals("One run of each point so far: nothing yet tells a difference between bars from this machine's"
                + " noise. Each point takes up to three runs (Runs sets it); then this line says how far they spread.",
                LabWords.throughputNoise(single, 3, LabWords.Reader.WINDOW));
        // One run asked for, and done: no promise of more.
        LabFigures asked = new LabFigures(List.of(leg(RaceStrategy.CAS, 4, 10), leg(RaceStrategy.LOCK, 4, 30)));
        assertEquals("One run of each point, as asked: nothing tells a difference between numbers from this machine's"
                + " noise. With 2 runs or more (--repeat sets it), each point takes up to three, and a line here says"
                + " how far they spread.", LabWords.throughputNoise(asked, 1, LabWords.Reader.SHELL));
        LabFigures three = new LabFigures(List.of(leg(RaceStrategy.CAS, 4, 10), leg(RaceStrategy.LOCK, 4, 30),
                leg(RaceStrategy.CAS, 1, 10), leg(RaceStrategy.CAS, 4, 25), leg(RaceStrategy.LOCK, 4, 33),
                leg(RaceStrategy.CAS, 4, 12), leg(RaceStrategy.LOCK, 4, 36)));
        // The median point spreads 1.85×: most of the table is noise, and the note says how to make runs longer.
        assertEquals("Single runs of one point of the strategies that lose nothing ranged up to 2.5× apart (cas, 4"
                + " threads), 1.85× at the median point: a difference between two bars smaller than that may be"
                + " this machine's noise, not the strategy. Half the points or more spread that far here: raise Increments each"
                + " for longer runs, in which a moment the machine spends elsewhere weighs less. Point at a number to"
                + " see its runs.", LabWords.throughputNoise(three, 3, LabWords.Reader.WINDOW));
        assertTrue(LabWords.throughputNoise(three, 3, LabWords.Reader.SHELL).endsWith(" raise --increments for longer"
                + " runs, in which a moment the machine spends elsewhere weighs less."));
        // A steady median point (1.1×): no advice.
        LabFigures steady = new LabFigures(List.of(leg(RaceStrategy.CAS, 4, 10), leg(RaceStrategy.LOCK, 4, 30),
                leg(RaceStrategy.CAS, 4, 11), leg(RaceStrategy.LOCK, 4, 33), leg(RaceStrategy.LOCK, 1, 30),
                leg(RaceStrategy.LOCK, 1, 60)));
        assertFalse(LabWords.throughputNoise(steady, 3, LabWords.Reader.WINDOW).contains("raise"),
                LabWords.throughputNoise(steady, 3, LabWords.Reader.WINDOW));
        // Racy's runs at 1 thread spread 14 times over (a tryout): told apart, not as the whole table's noise.
        List<RaceResult> legs = new ArrayList<>(List.of(leg(RaceStrategy.CAS, 4, 10), leg(RaceStrategy.LOCK, 4, 30),
                leg(RaceStrategy.CAS, 1, 10), leg(RaceStrategy.CAS, 4, 25), leg(RaceStrategy.LOCK, 4, 33),
                leg(RaceStrategy.CAS, 4, 12), leg(RaceStrategy.LOCK, 4, 36)));
        legs.addAll(List.of(leg(RaceStrategy.RACY, 1, 2), leg(RaceStrategy.RACY, 1, 28)));
        assertEquals("Single runs of one point of the strategies that lose nothing ranged up to 2.5× apart (cas, 4"
                + " threads), 1.85× at the median point: a difference between two bars smaller than that may be"
                + " this machine's noise, not the strategy. Racy and volatile spread further: up to 14× (racy, 1"
                + " thread). Half the points or more spread that far here: raise Increments each for longer runs, in which a"
                + " moment the machine spends elsewhere weighs less. Point at a number to see its runs.", LabWords.throughputNoise(new LabFigures(legs), 3, LabWords.Reader.WINDOW));
        assertEquals(3, three.range(RaceStrategy.CAS, 4).orElseThrow().runs());
        assertEquals(1, three.range(RaceStrategy.CAS, 1).orElseThrow().runs(), "a point is one strategy at one count");
        assertEquals(List.of("1.07×", "2.4×", "34×"), List.of(LabWords.times(1.07), LabWords.times(2.4), LabWords.times(33.8)));
    }

    private static RaceResult leg(RaceStrategy strategy, int threads, long millis) {
        // One run, as every leg of a measure is (LabMeasure.legs), whatever the runs asked.
        RaceSettings settings = new RaceSettings(threads, 1_000_000 / threads, strategy, ThreadKind.PLATFORM, false, 1);
        return new RaceResult(settings, Outcome.COMPLETED, null, List.of(1_000_000L), List.of(millis * 1_000_000), 0);
    }

    /** Runs of 1 thread x 1,000,000 increments, packed then padded, taking the given milliseconds. */
    private static LabFigures figures(long[] packedMillis, long[] paddedMillis) {
        List<RaceResult> legs = new ArrayList<>();
        for (long millis : packedMillis) {
            legs.add(leg(RaceStrategy.PACKED, millis));
        }
        for (long millis : paddedMillis) {
            legs.add(leg(RaceStrategy.STRIPED, millis));
        }
        return new LabFigures(legs);
    }

    private static RaceResult leg(RaceStrategy strategy, long millis) {
        RaceSettings settings = new RaceSettings(1, 1_000_000, strategy, ThreadKind.PLATFORM, false, 1);
        return new RaceResult(settings, Outcome.COMPLETED, null, List.of(1_000_000L), List.of(millis * 1_000_000), 0);
    }

    /** Failed CAS attempts per 100 increments read as numbers, never in exponent notation ("3e-05 %"). */
    @Test
    void failedAttemptsReadAsPercentages() {
        assertEquals("0", LabWords.percent(0));
        assertEquals("<0.001", LabWords.percent(3e-7));
        assertEquals("0.01", LabWords.percent(1.2e-4));
        assertEquals("3.4", LabWords.percent(0.034));
        assertEquals("120", LabWords.percent(1.2));
    }
}
