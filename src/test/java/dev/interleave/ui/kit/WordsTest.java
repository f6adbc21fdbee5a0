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

    /** A number closing a clause keeps to its word on a wrapped line; others wrap as any word. */
    @Test
    void aClosingNumberKeepsToTheWordBeforeIt() {
        assertEquals("a take must empty a full slot (count never below\u00a00)",
                Words.keepClosingNumbers("a take must empty a full slot (count never below 0)"));
        assertEquals("C2 took from slot\u00a00, which is empty (count 0 of\u00a01: the take would make it\u00a0-1)",
                Words.keepClosingNumbers("C2 took from slot 0, which is empty (count 0 of 1: the take would make it -1)"));
        assertEquals("Stalled at 1,204 ms (and still 0.5 s later)",
                Words.keepClosingNumbers("Stalled at 1,204 ms (and still 0.5 s later)"));
        assertEquals("items put:\u00a012,000", Words.keepClosingNumbers("items put: 12,000"));
        assertEquals("(count 0 of\u00a01: the take would make it\u00a0-1)",
                Words.keepClosingNumbers("(count 0 of 1: the take would make it -1)"));
        assertEquals("ends at\u00a07.\nThen\u00a08\nand 0.5 s", Words.keepClosingNumbers("ends at 7.\nThen 8\nand 0.5 s"));
    }
}
