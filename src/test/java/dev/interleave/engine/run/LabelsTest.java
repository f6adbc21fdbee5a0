package dev.interleave.engine.run;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one converter between labels and the strategy enums. */
class LabelsTest {

    /** A labelled enum of the test's own, so the kit's test needs no scenario. */
    private enum Shade implements Labelled {
        LIGHT("light"), DARK_GREY("dark-grey");

        private final String label;

        Shade(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** Every label parses back to its constant, whatever its case. */
    @Test
    void parsesEachLabelIgnoringCase() {
        for (Shade shade : Shade.values()) {
            assertEquals(shade, Labels.parse(Shade.class, shade.label(), "shade"));
            assertEquals(shade, Labels.parse(Shade.class, shade.label().toUpperCase(Locale.ROOT), "shade"));
        }
        assertEquals(ThreadKind.VIRTUAL, Labels.parse(ThreadKind.class, "Virtual", "thread kind"));
    }

    /**
     * An unknown label is refused with a message naming the noun and every allowed label, in order,
     * and the one meant where it is spelt as Java spells names ("DARK_GREY", "darkGrey").
     */
    @Test
    void anUnknownLabelNamesTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Labels.parse(Shade.class, "DARK_GREY", "shade"));
        assertEquals("'DARK_GREY' is not a shade (did you mean dark-grey?); allowed: light, dark-grey", e.getMessage());
        assertEquals("'dusk' is not a shade; allowed: light, dark-grey",
                assertThrows(IllegalArgumentException.class, () -> Labels.parse(Shade.class, "dusk", "shade")).getMessage());
        assertEquals("virtual, platform", Labels.labels(ThreadKind.class));
    }
}
