package dev.interleave.ui.philosophers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The meal bars' short counts: five characters at most, rounded to the nearest. */
class MealBarsTest {

    @Test
    void shortCountsStayShortAndRoundToTheNearest() {
        assertEquals("0", MealBars.shortCount(0));
        assertEquals("999", MealBars.shortCount(999));
        assertEquals("1.0k", MealBars.shortCount(1_000));
        assertEquals("9.1k", MealBars.shortCount(9_076)); // "9.0k" rounded down, a teacher's tryout
        assertEquals("6.4k", MealBars.shortCount(6_394));
        assertEquals("14.9k", MealBars.shortCount(14_859));
        assertEquals("99.9k", MealBars.shortCount(99_949));
        assertEquals("100k", MealBars.shortCount(99_999)); // never "100.0k": six characters
        assertEquals("100k", MealBars.shortCount(100_000));
        assertEquals("443k", MealBars.shortCount(442_848));
        assertEquals("999k", MealBars.shortCount(999_499));
        assertEquals("1.0M", MealBars.shortCount(999_999)); // never "1000k"
        assertEquals("1.0M", MealBars.shortCount(1_000_000));
        assertEquals("2.0M", MealBars.shortCount(2_049_999));
        assertEquals("2.1M", MealBars.shortCount(2_050_000));
        assertEquals("12.3M", MealBars.shortCount(12_345_678));
    }
}
