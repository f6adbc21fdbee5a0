package dev.interleave.ui.philosophers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The meal bars' short counts: five characters at most, never more than the meals eaten. */
class MealBarsTest {

    @Test
    void shortCountsStayShortAndNeverRoundUp() {
        assertEquals("0", MealBars.shortCount(0));
        assertEquals("999", MealBars.shortCount(999));
        assertEquals("1.0k", MealBars.shortCount(1_000));
        assertEquals("14.8k", MealBars.shortCount(14_859));
        assertEquals("99.9k", MealBars.shortCount(99_999));
        assertEquals("100k", MealBars.shortCount(100_000));
        assertEquals("999k", MealBars.shortCount(999_999));
        assertEquals("1.0M", MealBars.shortCount(1_000_000));
        assertEquals("2.0M", MealBars.shortCount(2_049_999));
        assertEquals("12.3M", MealBars.shortCount(12_345_678));
    }
}
