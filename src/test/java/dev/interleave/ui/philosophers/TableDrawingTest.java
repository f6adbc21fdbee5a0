package dev.interleave.ui.philosophers;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.interleave.engine.philosophers.PhilosopherState;
import dev.interleave.engine.philosophers.TableView;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A seat's words. Its meal count: whole while the table's most is below 10,000, then short, so that it never
 * needs a wider seat, every seat alike, and as the meal bars write it (to the nearest).
 */
class TableDrawingTest {

    @ParameterizedTest(name = "{0} meals of at most {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0         | 0        | 0 meals
            1         | 1        | 1 meal
            9999      | 9999     | 9,999 meals
            10000     | 10000    | 10.0k meals
            33507     | 33507    | 33.5k meals
            113903    | 113903   | 114k meals
            442848    | 442848   | 443k meals
            999999    | 999999   | 1.0M meals
            1000000   | 1000000  | 1.0M meals
            12345678  | 12345678 | 12.3M meals
            9076      | 9999     | 9,076 meals
            9076      | 15400    | 9.1k meals
            6394      | 100000   | 6.4k meals
            265       | 47223    | 265 meals
            1         | 20000    | 1 meal
            0         | 20000    | 0 meals
            """)
    void mealCountsAreWholeThenShortAsTheBarsHaveThem(long meals, long most, String words) {
        assertEquals(words, TableDrawing.Seat.mealsWords(meals, most));
    }

    /**
     * A hungry philosopher holding a fork says it is hungry under the fork, in full words and on a
     * crowded table: "has F3" alone, on a rewound seat, named no state (a student's tryout).
     */
    @Test
    void aHungryPhilosopherWithAForkSaysSo() {
        TableView.Diner holding = new TableView.Diner(2, PhilosopherState.HUNGRY, List.of(2), -1, false, 0, 0, "");
        assertEquals("has F3\nhungry", PhilosophersViewModel.shortWords(holding));
        assertEquals("has F3\nhungry", TableDrawing.Seat.compactWords(holding));
        TableView.Diner empty = new TableView.Diner(2, PhilosopherState.HUNGRY, List.of(), -1, false, 0, 0, "");
        assertEquals("hungry", PhilosophersViewModel.shortWords(empty));
        assertEquals("hungry", TableDrawing.Seat.compactWords(empty));
    }
}
