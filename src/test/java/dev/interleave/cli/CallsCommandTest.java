package dev.interleave.cli;

import dev.interleave.engine.run.Outcome;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.interleave.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line through the real {@link Main}: what a user types and what comes back. */
class CallsCommandTest {

    record Outcome(int exitCode, String out, String err) {
    }

    static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Bad input exits 2 with one line that names the option, the value given and what is allowed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            calls --calls -5 --concurrency 10                          | --calls     | -5            | allowed: 1 to 10,000,000
            calls --calls 0 --concurrency 10                           | --calls     | 0             | allowed: 1 to 10,000,000
            calls --calls ten --concurrency 10                         | --calls     | 'ten'         | allowed: 1 to 10,000,000
            calls --calls 99999999999999999999 --concurrency 10        | --calls     | 99999999999999999999 | allowed: 1 to 10,000,000
            calls --calls 20000000 --concurrency 10                    | --calls     | 20000000      | allowed: 1 to 10,000,000
            calls --calls 10 --concurrency 0                           | --concurrency | 0           | allowed: 1 to 1,000,000
            calls --calls 10 --concurrency 10 --max-sleep-ms -1        | --max-sleep-ms | -1         | allowed: 0 to 60,000
            calls --calls 10 --concurrency 10 --seed x1                | --seed      | 'x1'          | allowed:
            calls --calls 10 --concurrency 10 --threads green          | --threads   | 'green'       | allowed: virtual, platform
            calls --calls 10 --concurrency 10 --counter fast           | --counter   | 'fast'        | allowed: atomic, synchronized, lock, racy
            calls --calls 10 --concurrency 10 --turbo                  | --turbo     | --turbo       | allowed options: --calls, --concurrency
            calls --calls 10 --concurrency                             | --concurrency | --concurrency | 1 to 1,000,000
            calls --concurrency 10                                     | --calls     | --calls       | 1 to 10,000,000
            calls --calls 100000 --concurrency 100000 --threads platform | --concurrency | 100,000     | use virtual threads
            frobnicate                                                 | frobnicate  | frobnicate    | allowed: calls
            """)
    void badInputExitsTwoWithOneLine(String line, String option, String value, String allowed) {
        Outcome outcome = run(line.split(" "));
        assertEquals(2, outcome.exitCode(), outcome.err());
        List<String> lines = outcome.err().lines().toList();
        assertEquals(1, lines.size(), "expected one line, got: " + outcome.err());
        String message = lines.getFirst();
        assertTrue(message.contains(option), message);
        assertTrue(message.contains(value), message);
        assertTrue(message.contains(allowed), message);
        assertFalse(message.contains("Exception"), message);
        assertEquals("", outcome.out());
    }

    /** Labels are read ignoring case; a bad one's message names every allowed label (one converter for all). */
    @Test
    void labelsIgnoreCaseAndABadOneNamesTheAllowed() {
        Outcome upper = run("calls", "--calls", "10", "--concurrency", "10", "--max-sleep-ms", "0",
                "--threads", "PLATFORM", "--counter", "Lock", "--json");
        assertEquals(0, upper.exitCode(), upper.err());
        assertEquals("\"platform\"", field(upper.out().strip(), "threads"));
        assertEquals("\"lock\"", field(upper.out().strip(), "counter"));
        assertEquals("'fast' is not a counter; allowed: atomic, synchronized, lock, racy",
                assertThrows(TypeConversionException.class,
                        () -> new Values.Counter().convert("fast")).getMessage());
        assertEquals("'notify' is not a wake-up policy; allowed: signal, signal-all",
                assertThrows(TypeConversionException.class,
                        () -> new Values.Policy().convert("notify")).getMessage());
    }

    /** --json prints exactly one object with the named fields; the sum checks out and the exit code is 0. */
    @Test
    void jsonRunPrintsOneObject() {
        Outcome outcome = run("calls", "--calls", "1000", "--concurrency", "100", "--max-sleep-ms", "20", "--json");
        assertEquals(0, outcome.exitCode(), outcome.err());
        List<String> lines = outcome.out().lines().toList();
        assertEquals(1, lines.size(), outcome.out());
        String json = lines.getFirst();
        assertTrue(json.startsWith("{") && json.endsWith("}"), json);
        List<String> names = Pattern.compile("\"(\\w+)\":").matcher(json).results().map(m -> m.group(1)).toList();
        assertEquals(List.of("calls", "concurrency", "threads", "counter", "seed", "total", "expected", "ok",
                "duplicates", "elapsedMillis", "idealMillis", "efficiency", "maxInFlight"), names);
        assertEquals("500500", field(json, "total"));
        assertEquals("500500", field(json, "expected"));
        assertEquals("true", field(json, "ok"));
        assertEquals("\"virtual\"", field(json, "threads"));
        assertTrue(Long.parseLong(field(json, "maxInFlight")) <= 100);
    }

    /** Text output names the total, the check and the efficiency. */
    @Test
    void textRunPrintsTheFigures() {
        Outcome outcome = run("calls", "--calls", "200", "--concurrency", "20", "--max-sleep-ms", "10",
                "--threads", "platform", "--counter", "lock");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("total          20,100"), outcome.out());
        assertTrue(outcome.out().contains("expected       20,100   OK"), outcome.out());
        assertTrue(outcome.out().contains("efficiency"), outcome.out());
    }

    /** A racy run that loses updates exits 1 and reports duplicates (repeated until the race shows, bounded). */
    @Test
    void racyMismatchExitsOne() {
        for (int attempt = 0; attempt < 20; attempt++) {
            Outcome outcome = run("calls", "--calls", "200000", "--concurrency", "8", "--max-sleep-ms", "0",
                    "--counter", "racy", "--json");
            if (outcome.exitCode() == 1) {
                assertEquals("false", field(outcome.out().strip(), "ok"));
                assertTrue(Long.parseLong(field(outcome.out().strip(), "duplicates")) > 0);
                return;
            }
            assertEquals(0, outcome.exitCode(), outcome.err());
        }
        throw new AssertionError("20 racy runs lost no update");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|[^,}]+)").matcher(json);
        assertTrue(m.find(), name + " missing in " + json);
        return m.group(1);
    }
}
