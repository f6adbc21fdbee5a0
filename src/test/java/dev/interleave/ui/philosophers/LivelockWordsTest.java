package dev.interleave.ui.philosophers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The livelock's verdict says what it means at a table that eats between spells, with the run's figures. */
class LivelockWordsTest {

    @Test
    void aRunThatLivelockedInSpellsSaysHowManyAndHowLongWithNoMeal() {
        assertEquals("⟳ Livelocked in spells: 12 of them, the longest 191 ms with no meal while all kept trying"
                + " (since anyone last ate, every philosopher has given a fork back at least 3 times); meals came"
                + " between them.", PhilosophersView.livelockWords(false, 12, 191));
        assertTrue(PhilosophersView.livelockWords(false, 1, 1_234).startsWith("⟳ Livelocked in a spell: 1,234 ms with no meal"),
                PhilosophersView.livelockWords(false, 1, 1_234));
        assertTrue(PhilosophersView.livelockWords(true, 3, 84).startsWith("⟳ Livelock now, spell 3 of this run: nobody"
                + " eats while all keep trying (the longest spell so far, 84 ms with no meal)."),
                PhilosophersView.livelockWords(true, 3, 84));
    }
}
