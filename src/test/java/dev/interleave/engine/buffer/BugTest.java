package dev.interleave.engine.buffer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BugTest {

    /** Each planted bug has the label a {@code --bug} option would take, and labels map back to it. */
    @Test
    void labelsRoundTrip() {
        assertEquals("if-not-while", Bug.IF_NOT_WHILE.label());
        assertEquals("one-condition", Bug.ONE_CONDITION.label());
        assertEquals("unlocked-count", Bug.UNLOCKED_COUNT.label());
        for (Bug bug : Bug.values()) {
            assertEquals(bug, Bug.fromLabel(bug.label()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bug.fromLabel("off-by-one"));
        assertEquals("'off-by-one' is not a planted bug; allowed: none, if-not-while, one-condition, unlocked-count",
                e.getMessage());
    }
}
