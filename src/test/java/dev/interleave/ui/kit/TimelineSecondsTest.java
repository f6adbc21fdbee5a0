package dev.interleave.ui.kit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The timeline's range line gives as many decimals as its width needs, not always microseconds. */
class TimelineSecondsTest {

    private static final long MS = 1_000_000;

    @Test
    void decimalsFollowTheWindowsWidth() {
        assertEquals("60.4 s", Timeline.instant(60_448_401_000L, 60_000 * MS), "a whole run of a minute");
        assertEquals("37.247 s", Timeline.instant(37_246_875_000L, 400 * MS), "zoomed to 400 ms");
        assertEquals("1.000020 s", Timeline.instant(1_000_020_000L, 2_000), "zoomed to 2 µs: to the µs");
        assertEquals("4.877 ms", Timeline.instant(4_877_000L, 1), "one event under a second: ms, to the µs");
    }

    /** Both ends in one unit: ms while the window ends within the first second, not "0.00027 s .. 0.00425 s". */
    @Test
    void aWindowInTheFirstSecondIsInMilliseconds() {
        assertEquals("0.27 ms .. 4.25 ms", Timeline.range(270_000, 4_250_000, 3_980_000));
        assertEquals("0.0 s .. 60.4 s", Timeline.range(0, 60_448_401_000L, 60_448 * MS), "a whole run");
        assertEquals("0.950 s .. 1.050 s", Timeline.range(950 * MS, 1_050 * MS, 100 * MS),
                "across the first second: seconds at both ends");
    }

    /** "every 2nd event drawn", "every 11th", "every 23rd": the evenly spaced axis's note on a long window. */
    @Test
    void ordinalsReadAsWords() {
        assertEquals(List.of("nd", "rd", "th", "th", "st", "nd", "th"),
                List.of(Timeline.ordinal(2), Timeline.ordinal(23), Timeline.ordinal(11), Timeline.ordinal(12),
                        Timeline.ordinal(101), Timeline.ordinal(1_002), Timeline.ordinal(5)));
    }
}
