package dev.interleave.engine.philosophers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The livelock rule's figures: its spells, and the longest stretch with no meal one was in. */
class LivelockWatchTest {

    private static final long MS = 1_000_000;

    /** Two philosophers each give up three times with nobody eating: a spell, from the meal before it. */
    private static void spell(LivelockWatch watch, long fromMillis) {
        for (int k = 0; k < LivelockWatch.GIVE_UPS; k++) {
            watch.gaveUp(0, (fromMillis + 10 * k) * MS);
            watch.gaveUp(1, (fromMillis + 10 * k + 5) * MS);
        }
    }

    /** A spell's length runs from the meal before it to the meal after it; the longest of two is kept. */
    @Test
    void spellsAreCountedAndTheLongestStretchWithNoMealIsKept() {
        LivelockWatch watch = new LivelockWatch(2);
        watch.ate(100 * MS);
        assertEquals(0, watch.spells());
        spell(watch, 110); // holds from the last give-up, at 135 ms
        assertTrue(watch.now());
        assertEquals(1, watch.spells());
        assertEquals(35 * MS, watch.longestNanos(), "to the latest give-up while it lasts");
        watch.ate(190 * MS);
        assertFalse(watch.now());
        assertEquals(90 * MS, watch.longestNanos(), "from the meal at 100 ms to the one at 190 ms");
        spell(watch, 200);
        watch.ate(240 * MS);
        assertEquals(2, watch.spells());
        assertEquals(90 * MS, watch.longestNanos(), "the second, 50 ms, is shorter");
        assertEquals(135 * MS, watch.fromNanos(), "when it first held");
    }

    /** Meals that come before everyone has given up three times make no spell, however long. */
    @Test
    void aStretchWithNoMealIsNoSpellUnlessTheRuleHeld() {
        LivelockWatch watch = new LivelockWatch(2);
        watch.gaveUp(0, 10 * MS);
        watch.ate(5_000 * MS);
        assertEquals(0, watch.spells());
        assertEquals(0, watch.longestNanos());
    }
}
