package dev.interleave.ui.philosophers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A seat's meal count: whole below 10,000, then short, so that it never needs a wider seat, and as the
 * meal bars write it (never rounded up).
 */
class TableDrawingTest {

    @ParameterizedTest(name = "{0} meals: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0         | 0 meals
            1         | 1 meal
            9999      | 9,999 meals
            10000     | 10.0k meals
            33507     | 33.5k meals
            113903    | 113k meals
            442848    | 442k meals
            999999    | 999k meals
            1000000   | 1.0M meals
            12345678  | 12.3M meals
            """)
    void mealCountsAreWholeThenShortAsTheBarsHaveThem(long meals, String words) {
        assertEquals(words, TableDrawing.Seat.mealsWords(meals));
    }
}
