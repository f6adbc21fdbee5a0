package dev.interleave.ui.philosophers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A seat's meal count: whole below 10,000, then rounded, so that it never needs a wider seat. */
class TableDrawingTest {

    @ParameterizedTest(name = "{0} meals: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0         | 0 meals
            1         | 1 meal
            9999      | 9,999 meals
            10000     | 10k meals
            113903    | 114k meals
            999499    | 999k meals
            999500    | 1.0M meals
            12345678  | 12.3M meals
            """)
    void mealCountsAreWholeThenRounded(long meals, String words) {
        assertEquals(words, TableDrawing.Seat.mealsWords(meals));
    }
}
