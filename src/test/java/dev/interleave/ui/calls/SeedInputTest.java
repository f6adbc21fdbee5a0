package dev.interleave.ui.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The seed a typed text makes, and what the field says when it keeps the seed in force. */
class SeedInputTest {

    @Test
    void aWholeNumberIsTheSeed() {
        assertEquals(new SeedInput.Reading(7, ""), SeedInput.read(" 7 ", 12));
        assertEquals(new SeedInput.Reading(-3, ""), SeedInput.read("-3", 12));
        assertEquals(new SeedInput.Reading(1_000_000, ""), SeedInput.read("1,000,000", 12));
    }

    /** The command line's --seed takes any long: the window takes the same. */
    @Test
    void theWholeRangeOfALongIsTaken() {
        assertEquals(new SeedInput.Reading(Long.MAX_VALUE, ""), SeedInput.read("9223372036854775807", 12));
        assertEquals(new SeedInput.Reading(Long.MIN_VALUE, ""), SeedInput.read("-9223372036854775808", 12));
    }

    @Test
    void anythingElseKeepsTheSeedAndSaysSo() {
        assertEquals(new SeedInput.Reading(12, "Empty: kept 12."), SeedInput.read("", 12));
        assertEquals(new SeedInput.Reading(12, "\u201c12ab\u201d is not a whole number: kept 12."),
                SeedInput.read("12ab", 12));
        assertEquals(new SeedInput.Reading(12, "\u201c-\u201d is not a whole number: kept 12."), SeedInput.read("-", 12));
        assertEquals(new SeedInput.Reading(12, "\u201c9223372036854775808\u201d is past a seed's range, "
                + "-9,223,372,036,854,775,808 to 9,223,372,036,854,775,807: kept 12."),
                SeedInput.read("9223372036854775808", 12));
    }
}
