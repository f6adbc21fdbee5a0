package dev.interleave.ui.kit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Frame intervals: percentiles, and the slowest frames with when they came. */
class FrameStatsTest {

    private static final long MS = 1_000_000;

    @Test
    void theSlowestFramesComeLongestFirstWithWhenTheyEnded() {
        FrameStats stats = new FrameStats();
        long now = 5_000 * MS; // any origin: times are counted from the first frame
        stats.frame(now);
        long[] intervals = {16, 16, 90, 17, 16, 40, 16};
        for (long interval : intervals) {
            now += interval * MS;
            stats.frame(now);
        }
        assertEquals(7, stats.frames());
        List<FrameStats.Frame> slowest = stats.slowest(2);
        assertEquals(2, slowest.size());
        assertEquals(90, slowest.get(0).intervalMillis(), 1e-9);
        assertEquals(0.122, slowest.get(0).atSeconds(), 1e-9, "ended 16 + 16 + 90 ms after the first frame");
        assertEquals(40, slowest.get(1).intervalMillis(), 1e-9);
        assertEquals(0.195, slowest.get(1).atSeconds(), 1e-9);
        assertEquals(7, stats.slowest(20).size(), "no more than were kept");
        assertEquals(90, stats.percentileMillis(100), 1e-9);
        assertEquals(16, stats.percentileMillis(50), 1e-9);
    }

    @Test
    void onceFullTheOldestAreDroppedAndTimesCountFromTheOldestKept() {
        FrameStats stats = new FrameStats();
        long now = 0;
        stats.frame(now);
        now += 500 * MS; // the one slow frame, dropped below
        stats.frame(now);
        for (int i = 0; i < FrameStats.CAPACITY; i++) {
            now += (i == 10 ? 30 : 10) * MS;
            stats.frame(now);
        }
        assertEquals(FrameStats.CAPACITY, stats.frames());
        FrameStats.Frame slowest = stats.slowest(1).getFirst();
        assertEquals(30, slowest.intervalMillis(), 1e-9, "the 500 ms frame is no longer kept");
        assertEquals(0.130, slowest.atSeconds(), 1e-9, "10 frames of 10 ms, then the 30 ms one");
    }
}
