package dev.interleave.ui.kit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The plot's axis arithmetic, without a toolkit. */
class LivePlotTest {

    @Test
    void stepsAreRoundAndFitTheTickBudget() {
        assertEquals(1, LivePlot.niceStep(6, 6));
        assertEquals(2, LivePlot.niceStep(7, 6));
        assertEquals(2, LivePlot.niceStep(12, 6));
        assertEquals(2.5, LivePlot.niceStep(14, 6));
        assertEquals(5, LivePlot.niceStep(16, 6));
        assertEquals(0.2, LivePlot.niceStep(1, 6), 1e-12);
        assertEquals(200_000, LivePlot.niceStep(1_100_000, 6));
        assertEquals(1, LivePlot.niceStep(0, 6), "an empty plot still gets ticks");
        assertEquals(1, LivePlot.niceStep(Double.NaN, 6));
        for (double range = 0.3; range < 5e6; range *= 1.37) {
            double step = LivePlot.niceStep(range, 6);
            assertEquals(true, Math.ceil(range / step - 1e-9) <= 6, range + " in steps of " + step);
        }
    }

    /** A fixed axis (occupied slots) runs 0..top in whole ticks and labels the top itself. */
    @Test
    void fixedAxisHasWholeTicksUpToItsTop() {
        assertEquals(List.of(0.0, 1.0), LivePlot.fixedTicks(1, 6, true), "1 slot: 0 and 1, nothing between");
        assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0), LivePlot.fixedTicks(8, 6, true));
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0), LivePlot.fixedTicks(3, 6, true));
        for (int top = 1; top <= 64; top++) {
            var ticks = LivePlot.fixedTicks(top, 6, true);
            assertEquals(0.0, ticks.getFirst());
            assertEquals(top, ticks.getLast(), "the top is labelled: " + ticks);
            for (double tick : ticks) {
                assertEquals(Math.rint(tick), tick, "whole ticks only: " + ticks);
            }
            assertEquals(true, ticks.size() <= 9, top + ": " + ticks);
        }
    }

    /** A fixed axis of a fraction (Jain's index, 0 to 1) has ticks between its ends, not 0 and 1 alone. */
    @Test
    void fixedFractionAxisHasRoundTicksBetweenItsEnds() {
        var ticks = LivePlot.fixedTicks(1, 6, false);
        assertEquals(6, ticks.size(), ticks.toString());
        for (int i = 0; i < ticks.size(); i++) {
            assertEquals(i * 0.2, ticks.get(i), 1e-9, ticks.toString());
        }
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"),
                ticks.stream().map(tick -> LivePlot.compactLabel(tick, 1)).toList());
        assertEquals(List.of(0.0, 0.5, 1.0), LivePlot.fixedTicks(1, 2, false), "two lines of room: the middle");
    }

    @Test
    void labelsAreShortAndExact() {
        assertEquals("0", LivePlot.compactLabel(0, 0));
        assertEquals("0.5", LivePlot.compactLabel(0.5, 0.5));
        assertEquals("2,500", LivePlot.compactLabel(2_500, 2_500));
        assertEquals("12.5k", LivePlot.compactLabel(12_500, 12_500));
        assertEquals("200k", LivePlot.compactLabel(200_000, 200_000));
        assertEquals("1.5M", LivePlot.compactLabel(1_500_000, 1_500_000));
        // One unit per axis: 0 to 16,000 in steps of 4,000 reads 0, 4k, 8k, 12k, 16k, not "8,000, 12k".
        assertEquals("8k", LivePlot.compactLabel(8_000, 16_000));
        assertEquals("0", LivePlot.compactLabel(0, 16_000));
        assertEquals("0.75M", LivePlot.compactLabel(750_000, 1_500_000));
        assertEquals("0.125M", LivePlot.compactLabel(125_000, 1_000_000));
        assertEquals("7,500", LivePlot.compactLabel(7_500, 7_500));
        assertEquals("1", LivePlot.powerOfTenLabel(0));
        assertEquals("1k", LivePlot.powerOfTenLabel(3));
        assertEquals("1M", LivePlot.powerOfTenLabel(6));
    }
}
