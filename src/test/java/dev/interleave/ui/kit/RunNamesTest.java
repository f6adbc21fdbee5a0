package dev.interleave.ui.kit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The legend's words for runs side by side: what they share said once, each entry what differs. */
class RunNamesTest {

    @Test
    void runsOfOneSettingAreTheirNumbersUnderOneLine() {
        String each = "1,000 calls / 100 threads, atomic counter";
        RunNames names = RunNames.of(List.of("#1 " + each, "#2 " + each, "#3 " + each, "#4 " + each));
        assertEquals(each, names.shared());
        assertEquals(List.of("#1", "#2", "#3", "#4"), names.entries());
    }

    @Test
    void eachEntryKeepsWhatDiffersInItsOwnOrder() {
        RunNames names = RunNames.of(List.of("#1 1,000 calls / 100 threads, racy counter",
                "#2 1,000 calls / 100 threads, platform threads, atomic counter",
                "#3 1,000 calls / 100 threads, atomic counter, seed 7"));
        assertEquals("1,000 calls / 100 threads", names.shared());
        assertEquals(List.of("#1 racy counter", "#2 platform threads, atomic counter", "#3 atomic counter, seed 7"),
                names.entries());
    }

    @Test
    void namesWithNothingSharedOrNoNumberStayWhole() {
        List<String> apart = List.of("#1 1,000 calls / 100 threads, racy counter",
                "#2 1,000,000 calls / 100,000 threads, atomic counter");
        assertEquals(new RunNames("", apart), RunNames.of(apart));
        List<String> unnumbered = List.of("sleeps drawn", "calls measured (start to return)");
        assertEquals(new RunNames("", unnumbered), RunNames.of(unnumbered));
        assertEquals(new RunNames("", List.of()), RunNames.of(List.of()));
    }
}
