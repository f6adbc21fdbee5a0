package dev.interleave.ui.race;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.interleave.engine.race.LabWords;
import dev.interleave.engine.race.RaceStrategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The race lab's lost-updates histogram counts in its first bar ("none") only the runs that lost
 * none, and its summary's median is the median: a teacher's tryout saw a run that lost 34,401 in
 * the "none" bar, and "median 219,411" where the two middle runs were 217,337 and 219,411.
 */
class LostUpdatesHistogramTest {

    @Test
    void onlyTheRunsThatLostNoneAreInTheFirstBar() {
        // Ten runs of racy, 4 threads x 250,000, as the tryout exported them.
        List<Long> lost = List.of(452_170L, 486_462L, 560_235L, 0L, 0L, 474_386L, 624_500L, 34_401L, 172_360L, 213_924L);
        int[] bins = LabView.lostBins(lost);
        assertEquals(1 + LabView.LOST_BINS, bins.length);
        assertEquals(2, bins[0], "the two runs that lost none: " + Arrays.toString(bins));
        assertEquals(lost.size(), Arrays.stream(bins).sum());
        long width = LabView.lostBinWidth(624_500);
        assertEquals(1, bins[1 + (int) ((34_401 - 1) / width)], "34,401 in a bar of its own");
        assertEquals(1, bins[LabView.LOST_BINS], "the most lost in the last bar");
        assertArrayEquals(new int[] {3}, LabView.lostBins(List.of(0L, 0L, 0L)), "none lost: one bar");
        assertArrayEquals(new int[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1}, LabView.lostBins(List.of(1L, 10L)),
                "1 and 10 lost: the first and the last bar after none");
    }

    /**
     * Several strategies' rows share one axis, up to the most any of them lost: on scales of their
     * own, volatile's bar for 300,000 stood where racy's for 600,000 did (a teacher's tryout).
     */
    @Test
    void rowsOnOneAxisPlaceTheSameLossInTheSameBar() {
        int[] racy = LabView.lostBins(List.of(600_000L, 300_000L), 600_000);
        int[] volatileOnes = LabView.lostBins(List.of(300_000L), 600_000);
        int bar = 1 + (int) ((300_000 - 1) / LabView.lostBinWidth(600_000));
        assertEquals(1, racy[bar]);
        assertEquals(1, volatileOnes[bar], Arrays.toString(volatileOnes));
        assertEquals(1, volatileOnes[5], "half-way along, not at the end: " + Arrays.toString(volatileOnes));
        assertArrayEquals(new int[] {2}, LabView.lostBins(List.of(0L, 0L), 600_000), "a safe row keeps its one bar");
    }

    /** Runs of racy that lost nothing: luck with threads to race, not with one thread alone. */
    @Test
    void noLossIsLuckOnlyWhereThreadsRace() {
        assertEquals("· 0 lost in each of 10 runs: one thread has nobody to race with; run it with more threads",
                LabWords.lostSummary(RaceStrategy.RACY, Collections.nCopies(10, 0L), 1_000, 1_000));
        assertEquals("· 0 lost in each of 10 runs: lucky, the threads took turns rather than add at the same moment;"
                + " run more, or with more increments or threads",
                LabWords.lostSummary(RaceStrategy.RACY, Collections.nCopies(10, 0L), 2_000, 1_000));
        assertEquals("✔ 0 lost in each of 10 runs",
                LabWords.lostSummary(RaceStrategy.ATOMIC, Collections.nCopies(10, 0L), 1_000, 1_000));
    }

    @Test
    void theMedianOfAnEvenCountIsHalfwayBetweenTheMiddleTwo() {
        assertEquals("✘ lost in 3 of 4 runs (median of all 4: 15; most: 30 of 100). One run lost none: its threads"
                + " took turns rather than add at the same moment (one thread's 25 increments can end before another"
                + " starts).", LabWords.lostSummary(RaceStrategy.values()[0], List.of(0L, 10L, 20L, 30L), 100, 25));
        assertEquals("✘ lost in 3 of 3 runs (median of all 3: 20; most: 30 of 100)",
                LabWords.lostSummary(RaceStrategy.values()[0], List.of(30L, 20L, 10L), 100, 25));
    }

    /** A run that lost exactly one thread's increments says why; a loss of another size does not. */
    @Test
    void aRunThatLostOneThreadsWholeShareSaysWhy() {
        String summary = LabWords.lostSummary(RaceStrategy.RACY, List.of(5L, 250_000L, 23_778L), 1_000_000, 250_000);
        assertEquals("✘ lost in 3 of 3 runs (median of all 3: 23,778; most: 250,000 of 1,000,000). Run 2 lost"
                + " exactly 250,000, as many as one thread makes: a thread read the count and was descheduled before"
                + " writing it back; meanwhile the others made that many increments, and its late write undid them"
                + " all (the scheduler's doing, not the compiler's: each count++ here reads and writes memory).", summary);
        String two = LabWords.lostSummary(RaceStrategy.RACY, List.of(500_000L, 250_000L), 1_000_000, 250_000);
        assertTrue(two.contains(". Run 1 lost exactly 500,000, as many as 2 threads make: a thread read"), two);
        assertTrue(two.endsWith("reads and writes memory) (1 other run too)."), two);
        assertEquals("✘ lost in 1 of 2 runs (median of all 2: 11,889; most: 23,778 of 1,000,000). One run lost"
                + " none: its threads took turns rather than add at the same moment (one thread's 250,000 increments"
                + " can end before another starts).",
                LabWords.lostSummary(RaceStrategy.RACY, List.of(0L, 23_778L), 1_000_000, 250_000));
        // With the whole-share sentence: the runs that lost none come after it.
        assertTrue(LabWords.lostSummary(RaceStrategy.VOLATILE, List.of(0L, 0L, 250_000L), 1_000_000, 250_000)
                .endsWith("reads and writes memory). 2 runs lost none: their threads took turns rather than add at the"
                        + " same moment (one thread's 250,000 increments can end before another starts). Volatile gives"
                        + " visibility, not atomicity: each read sees the latest write, but two threads can still read"
                        + " the same value before either writes it back."));
        // Volatile's row says why it loses at all, whatever it lost; racy's does not need it.
        assertTrue(LabWords.lostSummary(RaceStrategy.VOLATILE, List.of(30L, 20L, 10L), 100, 25)
                .endsWith("most: 30 of 100). Volatile gives visibility, not atomicity: each read sees the latest write,"
                        + " but two threads can still read the same value before either writes it back."));
        assertFalse(LabWords.lostSummary(RaceStrategy.RACY, List.of(30L, 20L, 10L), 100, 25).contains("Volatile"));
    }
}
