package dev.interleave.ui.kit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a typed value becomes, and that a changed value always comes with its reason. Without a toolkit. */
class IntInputTest {

    private final IntInput calls = new IntInput(1, 1_000_000, "The command line takes up to 10,000,000.");

    @Test
    void aValueInRangeIsTakenAsTypedWithoutAMessage() {
        assertEquals(new IntInput.Reading(1_234, ""), calls.read("1,234", 5));
        assertEquals(new IntInput.Reading(1_000_000, ""), calls.read(" 1000000 ", 5));
    }

    @Test
    void zeroBecomesTheMinimumAndSaysSo() {
        IntInput.Reading reading = calls.read("0", 500);
        assertEquals(1, reading.value());
        assertEquals("0 is below the minimum, 1: set to 1.", reading.message());
    }

    @Test
    void aNegativeValueBecomesTheMinimumNotItsMagnitude() {
        IntInput.Reading reading = calls.read("-5", 500);
        assertEquals(1, reading.value(), "-5 must not become 5");
        assertEquals("-5 is below the minimum, 1: set to 1.", reading.message());
    }

    @Test
    void tooLargeBecomesTheMaximumAndSaysWhereMoreIsAllowed() {
        IntInput.Reading reading = calls.read("99999999", 500);
        assertEquals(1_000_000, reading.value());
        assertEquals("99,999,999 is above the maximum, 1,000,000: set to 1,000,000. "
                + "The command line takes up to 10,000,000.", reading.message());
        assertEquals(1_000_000, calls.read("123456789012345678901234567890", 500).value());
    }

    /** A slider that ends before the field: the field takes the whole range, and a value past the slider is said. */
    @Test
    void aSliderMayEndBeforeTheField() {
        IntInput delay = IntInput.sliderTo(0, 60_000, 2_000, "The slider ends at 2,000 ms.");
        assertEquals(new IntInput.Reading(5_000, ""), delay.read("5000", 100));
        assertEquals("Beyond the slider's end (2,000 ms): set in the field.", delay.pastSlider(5_000, " ms"));
        assertEquals("", delay.pastSlider(2_000, " ms"));
        assertEquals("The slider ends at 2,000 ms.", delay.notes());
        assertThrows(IllegalArgumentException.class, () -> new IntInput(0, 60_000, "", 2_000, ""),
                "a slider that ends sooner says why");
    }

    @Test
    void textThatIsNoNumberKeepsTheValueAndSaysSo() {
        IntInput.Reading reading = calls.read("abc", 500);
        assertEquals(500, reading.value());
        assertEquals("\u201cabc\u201d is not a whole number: kept 500.", reading.message());
        assertTrue(calls.read("", 500).message().startsWith("Empty"));
        assertTrue(calls.read("1.5", 500).message().contains("not a whole number"));
    }

    /**
     * Thousands grouped as people write them are read ("1 000", "1_000" too), as the command line
     * reads them; "1,5", one and a half where the comma is the decimal point, is not read as 15.
     */
    @Test
    void groupsOfThreeAreReadAndOtherCommasAreNot() {
        assertEquals(new IntInput.Reading(1_000, ""), calls.read("1 000", 5));
        assertEquals(new IntInput.Reading(12_000, ""), calls.read("12_000", 5));
        assertEquals(new IntInput.Reading(500, "\u201c1,5\u201d is not a whole number: kept 500."), calls.read("1,5", 500));
        assertEquals(500, calls.read("1,00,000", 500).value(), "groups of three only");
    }
}
