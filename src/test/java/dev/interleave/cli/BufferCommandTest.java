package dev.interleave.cli;

import dev.interleave.engine.run.Outcome;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.interleave.cli.CallsCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code interleave buffer} through the real Main. */
class BufferCommandTest {

    private static final String BASE = "buffer --producers 2 --consumers 2 --capacity 4 --items 100";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --produce-ms 5..2           | --produce-ms | 5..2    | 0 <= a <= b
            --consume-ms -1..3          | --consume-ms | -1..3   | 0 <= a <= b
            --consume-ms fast           | --consume-ms | fast    | allowed: a..b
            --policy notify             | --policy     | notify  | allowed: signal, signal-all
            --impl lmax                 | --impl       | lmax    | allowed: interleave, abq
            --threads green             | --threads    | green   | allowed: virtual, platform
            """)
    void badInputExitsTwoWithOneLine(String extra, String option, String value, String allowed) {
        CallsCommandTest.Outcome outcome = run((BASE + " " + extra).split(" "));
        assertEquals(2, outcome.exitCode(), outcome.err());
        List<String> lines = outcome.err().lines().toList();
        assertEquals(1, lines.size(), outcome.err());
        assertTrue(lines.getFirst().contains(option), lines.getFirst());
        assertTrue(lines.getFirst().contains(value), lines.getFirst());
        assertTrue(lines.getFirst().contains(allowed), lines.getFirst());
        assertEquals("", outcome.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            buffer --producers 0 --consumers 2 --capacity 4 --items 10   | --producers | allowed: 1 to 200
            buffer --producers 2 --consumers 201 --capacity 4 --items 10 | --consumers | allowed: 1 to 200
            buffer --producers 2 --consumers 2 --capacity 0 --items 10   | --capacity  | allowed: 1 to 1,000,000
            buffer --producers 2 --consumers 2 --capacity 4 --items x    | --items     | allowed: 1 to 1,000,000,000
            """)
    void outOfRangeCountsExitTwo(String line, String option, String allowed) {
        CallsCommandTest.Outcome outcome = run(line.split(" "));
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains(option) && outcome.err().contains(allowed), outcome.err());
    }

    /** --json prints one object with the named fields, and the check passes for both implementations. */
    @Test
    void jsonRunPrintsOneObject() {
        for (String impl : new String[] {"interleave", "abq"}) {
            CallsCommandTest.Outcome outcome = run((BASE + " --impl " + impl + " --policy signal-all --fair --json")
                    .split(" "));
            assertEquals(0, outcome.exitCode(), outcome.err());
            List<String> lines = outcome.out().lines().toList();
            assertEquals(1, lines.size());
            List<String> names = Pattern.compile("\"(\\w+)\":").matcher(lines.getFirst()).results()
                    .map(m -> m.group(1)).toList();
            assertEquals(List.of("producers", "consumers", "capacity", "items", "impl", "policy", "fair", "threads",
                    "elapsedMillis", "itemsPerSecond", "sum", "expectedSum", "ok", "waitsOnFull", "waitsOnEmpty"), names);
            assertTrue(lines.getFirst().contains("\"sum\":5050,\"expectedSum\":5050,\"ok\":true"), lines.getFirst());
            assertTrue(lines.getFirst().contains("\"impl\":\"" + impl + "\""));
        }
    }

    @Test
    void textRunPrintsTheCheck() {
        CallsCommandTest.Outcome outcome = run((BASE + " --threads virtual").split(" "));
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("expected       5,050   OK"), outcome.out());
        assertTrue(outcome.out().contains("each once      yes"), outcome.out());
        assertFalse(outcome.out().contains("MISMATCH"));
    }
}
