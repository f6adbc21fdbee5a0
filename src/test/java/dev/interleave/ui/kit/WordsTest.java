package dev.interleave.ui.kit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Counts read as people write them. */
class WordsTest {

    @Test
    void oneIsSingularEverythingElsePlural() {
        assertEquals("1 slot", Words.count(1, "slot"));
        assertEquals("0 slots", Words.count(0, "slot"));
        assertEquals("2 threads", Words.count(2, "thread"));
        assertEquals("1,000 calls", Words.count(1_000, "call"));
        assertEquals("5 ms", Words.count(5, "ms", "ms"));
    }

    @Test
    void listsEndWithAnd() {
        assertEquals("", Words.list(List.of()));
        assertEquals("P3", Words.list(List.of("P3")));
        assertEquals("P3 and P4", Words.list(List.of("P3", "P4")));
        assertEquals("P3, P4 and P5", Words.list(List.of("P3", "P4", "P5")));
    }
}
