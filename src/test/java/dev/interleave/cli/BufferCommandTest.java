package dev.interleave.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.interleave.Main;
import dev.interleave.engine.buffer.BufferResult;
import dev.interleave.engine.buffer.BufferSettings;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.TraceEvent;

import static dev.interleave.cli.CallsCommandTest.field;
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
            --impl lmax                 | --impl       | lmax    | allowed: lock, monitor, semaphore, abq
            --bug off-by-one            | --bug        | off-by-one | allowed: none, if-not-while
            --bug notify                | --bug        | notify  | notify: monitor
            --spurious 2                | --spurious   | 2       | allowed: a fraction 0 to 1
            --spurious 20               | --spurious   | (20% is 0.2) | or a percentage, e.g. 5%
            --spurious 150%             | --spurious   | outside 0% to 100% | allowed: a fraction 0 to 1
            --spurious NaN              | --spurious   | 'NaN' is not a number | allowed: a fraction 0 to 1
            --spurious Infinity         | --spurious   | 'Infinity' is not a number | allowed: a fraction 0 to 1
            --fair=yes                  | --fair       | 'yes' is neither true nor false | allowed: true or false, or
            --threads green             | --threads    | green   | allowed: virtual, platform
            --impl monitor --policy signal-all | --policy | signal-all | the monitor wakes every waiter
            --impl abq --policy signal  | --policy     | signal  | only the lock buffer (--impl lock) chooses
            --impl monitor --fair       | --fair       | monitor | --fair goes with lock, semaphore and abq
            --impl abq --spurious 0.1   | --spurious   | 0.1     | --spurious goes with lock and monitor
            --impl abq --spurious 0     | --spurious   | 0 does not go with --impl abq | --spurious goes with lock and monitor
            --impl monitor --fair=false | --fair       | false does not go with --impl monitor | --fair goes with lock, semaphore and abq
            --impl semaphore --spurious 20% | --spurious | semaphore | acquire() never wakes spuriously (it returns only with a permit); --spurious goes with lock and monitor
            --impl abq --trace abq.json | --trace      | abq.json | --trace goes with lock, monitor and semaphore
            --impl abq --record         | --record     | abq     | --record goes with lock, monitor and semaphore
            """)
    void badInputExitsTwoWithOneLine(String extra, String option, String value, String allowed) {
        CallsCommandTest.Invocation ran = run((BASE + " " + extra).split(" "));
        assertEquals(2, ran.exitCode(), ran.err());
        List<String> lines = ran.err().lines().toList();
        assertEquals(1, lines.size(), ran.err());
        assertTrue(lines.getFirst().contains(option), lines.getFirst());
        assertTrue(lines.getFirst().contains(value), lines.getFirst());
        assertTrue(lines.getFirst().contains(allowed), lines.getFirst());
        assertEquals("", ran.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            buffer --producers 0 --consumers 2 --capacity 4 --items 10   | --producers | allowed: 1 to 200
            buffer --producers 2 --consumers 201 --capacity 4 --items 10 | --consumers | allowed: 1 to 200
            buffer --producers 2 --consumers 2 --capacity 0 --items 10   | --capacity  | allowed: 1 to 1,000,000
            buffer --producers 2 --consumers 2 --capacity 4 --items x    | --items     | allowed: 1 to 1,000,000,000
            """)
    void outOfRangeCountsExitTwo(String line, String option, String allowed) {
        CallsCommandTest.Invocation ran = run(line.split(" "));
        assertEquals(2, ran.exitCode(), ran.err());
        assertTrue(ran.err().contains(option) && ran.err().contains(allowed), ran.err());
    }

    /**
     * The first line names only what applies to the buffer that ran: no wake-up policy or fairness
     * for the monitor (it read "monitor buffer, signal, fair" when --fair was accepted there), no
     * policy for abq, no spurious rate for the semaphores and abq.
     */
    @Test
    void theFirstLineNamesOnlyWhatAppliesToTheBuffer() {
        String monitor = run((BASE + " --impl monitor").split(" ")).out().lines().findFirst().orElseThrow();
        assertTrue(monitor.contains("monitor buffer, bug none,") && !monitor.contains("fair")
                && !monitor.contains("signal"), monitor);
        String abq = run((BASE + " --impl abq --fair").split(" ")).out().lines().findFirst().orElseThrow();
        assertTrue(abq.contains("abq buffer, fair queue, bug none,") && !abq.contains("signal"), abq);
        String lock = run(BASE.split(" ")).out().lines().findFirst().orElseThrow();
        assertTrue(lock.contains("lock buffer, signal, non-fair lock, bug none, spurious 0 %,"), lock);
        // No spurious rate where none applies: the semaphores' acquire() never wakes spuriously.
        String semaphore = run((BASE + " --impl semaphore").split(" ")).out().lines().findFirst().orElseThrow();
        assertTrue(semaphore.contains("semaphore buffer, non-fair semaphores, bug none, platform threads"), semaphore);
        assertFalse(abq.contains("spurious"), abq);
    }

    /**
     * --help says --spurious is the lock buffer's and the monitor's: a condition's wait can wake
     * spuriously, a semaphore's acquire() never does (it said "not abq", and a semaphore's run
     * counted timed-out tryAcquires as spurious wake-ups).
     */
    @Test
    void theHelpSaysSpuriousGoesWithLockAndMonitorOnly() {
        CallsCommandTest.Invocation ran = run("buffer", "--help");
        String help = ran.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Lock and monitor only: a condition's wait can wake spuriously, a semaphore's"
                + " acquire() never does"), help);
    }

    /** --record keeps the run's events and says how many, in the text's last line. */
    @Test
    void recordSaysHowManyEvents() {
        CallsCommandTest.Invocation ran = run((BASE + " --record").split(" "));
        assertEquals(0, ran.exitCode(), ran.err());
        String last = ran.out().lines().toList().getLast();
        assertTrue(last.matches("events +[0-9,]+ recorded, [0-9,]+ kept \\(24 bytes each\\), 0 dropped"), last);
        assertFalse(run(BASE.split(" ")).out().contains("events "), "no events line without --record");
        // And in JSON: --record did nothing visible with --json (a tryout).
        String json = run((BASE + " --record --json").split(" ")).out();
        assertTrue(Long.parseLong(field(json, "eventsRecorded")) >= 200, json); // 100 items: a put and a take each at least
        assertEquals("0", field(json, "eventsDropped"), json);
    }

    /** --trace writes a Chrome trace of the run (its structure is checked in BufferTraceTest). */
    @Test
    void traceWritesTheRun(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.json");
        CallsCommandTest.Invocation ran = run((BASE + " --trace " + file).split(" "));
        assertEquals(0, ran.exitCode(), ran.err());
        String json = Files.readString(file);
        assertTrue(json.startsWith("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[") && json.endsWith("]}"), json);
        assertTrue(json.contains("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":1,\"args\":{\"name\":\"P1\"}}"));
        assertEquals(100, json.split("\"name\":\"take\"", -1).length - 1, "100 takes");
    }

    /**
     * --trace - writes the trace to standard output, whole, and the figures to standard error, so
     * that a pipe takes the trace alone (given as /dev/stdout, it had failed in a pipe, "Illegal
     * seek", and, into a file, written over the figures: see LauncherTest).
     */
    @Test
    void traceToStandardOutputPutsTheFiguresOnStandardError() throws Exception {
        CallsCommandTest.Invocation ran = run((BASE + " --trace - --json").split(" "));
        assertEquals(0, ran.exitCode(), ran.err());
        assertEquals(100, TraceEvent.parse(ran.out().getBytes(StandardCharsets.UTF_8)).stream()
                .filter(event -> event.name().equals("take")).count(), "100 takes");
        assertEquals("\"ok\"", field(ran.err(), "outcome"), ran.err());
        assertFalse(ran.out().contains("\"outcome\""), "no figures in the trace");
    }

    /**
     * A trace to a standard output that fails (a pipe closed by its reader, a full disk) is one line
     * on standard error and exit 1, as for a file: a PrintStream swallows its errors, and it was exit 0.
     */
    @Test
    void aTraceToAFailingStandardOutputIsOneLineAndExitOne() {
        PrintStream closed = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        }, true, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run((BASE + " --trace - --json").split(" "), closed, new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, code, lines.toString());
        assertTrue(lines.getFirst().startsWith("interleave buffer: could not write the trace to -: IOException: standard"
                + " output could not be written"), lines.getFirst());
        assertEquals("\"ok\"", field(lines.get(1), "outcome"), "the figures still say how the run went");
    }

    /** A trace file that cannot be written is a bad argument, said in one line before anything runs. */
    @Test
    void unwritableTraceExitsTwoBeforeTheRun(@org.junit.jupiter.api.io.TempDir Path dir) {
        for (String path : new String[] {dir.resolve("no/such/folder/run.json").toString(), dir.toString()}) {
            CallsCommandTest.Invocation ran = run((BASE + " --trace " + path).split(" "));
            assertEquals(2, ran.exitCode(), ran.err());
            List<String> lines = ran.err().lines().toList();
            assertEquals(1, lines.size(), ran.err());
            assertTrue(lines.getFirst().contains("--trace") && lines.getFirst().contains(path)
                    && lines.getFirst().contains("allowed: a file that can be created or overwritten"), lines.getFirst());
            assertEquals("", ran.out(), "nothing ran");
        }
    }

    /**
     * A trace that fails while it is written (the disk full: {@code /dev/full} opens, and every write
     * is ENOSPC) is one line on standard error and exit 1; the JSON still says how the run went.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aTraceThatFailsToWriteIsOneLineAndExitOne() {
        CallsCommandTest.Invocation ran = run((BASE + " --trace /dev/full --json").split(" "));
        assertEquals(1, ran.exitCode(), ran.err());
        List<String> lines = ran.err().lines().toList();
        assertEquals(1, lines.size(), ran.err());
        assertTrue(lines.getFirst().startsWith("interleave buffer: could not write the trace to /dev/full: ")
                && lines.getFirst().contains("No space left on device"), lines.getFirst());
        assertEquals("\"ok\"", field(ran.out(), "outcome"), ran.out()); // the run itself went well
    }

    /** A stalled run's items per second are counted until the stall, and the text says so; a run that ends well's are not. */
    @Test
    void aStalledRunsRateIsUntilTheStall() {
        CallsCommandTest.Invocation stalled = run("buffer", "--producers", "3", "--consumers", "3", "--capacity", "1",
                "--items", "200000", "--bug", "one-condition");
        assertTrue(stalled.out().contains("outcome        stalled"), stalled.out());
        assertTrue(Pattern.compile("(?m)^items/s        [\\d,]+ \\(until the stall\\)$").matcher(stalled.out()).find(),
                stalled.out());
        CallsCommandTest.Invocation ok = run(BASE.split(" "));
        assertTrue(Pattern.compile("(?m)^items/s        [\\d,]+$").matcher(ok.out()).find(), ok.out());
    }

    /** The first line names the run with whole words: "1 producer", not "1 producers". */
    @Test
    void theHeaderCountsInWords() {
        CallsCommandTest.Invocation ran = run("buffer", "--producers", "1", "--consumers", "2", "--capacity", "1",
                "--items", "1", "--spurious", "5%");
        assertEquals(0, ran.exitCode(), ran.err());
        assertTrue(ran.out().startsWith("1 producer, 2 consumers, capacity 1, 1 item, lock buffer"), ran.out());
        // The delays where set, in the header and the JSON: a saved run with them could not be told from
        // one without (an expert's audit).
        CallsCommandTest.Invocation slow = run("buffer", "--producers", "1", "--consumers", "1", "--capacity", "1",
                "--items", "2", "--produce-ms", "1..2", "--consume-ms", "0..1");
        assertEquals(0, slow.exitCode(), slow.err());
        assertTrue(slow.out().startsWith("1 producer, 1 consumer, capacity 1, 2 items, produce 1..2 ms, consume 0..1 ms,"
                + " lock buffer"), slow.out());
        String json = run("buffer", "--producers", "1", "--consumers", "1", "--capacity", "1", "--items", "2",
                "--produce-ms", "1..2", "--json").out();
        assertEquals("\"1..2\"", field(json, "produceMs"));
        assertEquals("\"0..0\"", field(json, "consumeMs"));
    }

    /**
     * A delay range's bounds are read as every other number is, grouped too ("0..1,000"): it was
     * refused with a message that wrote the limit as 60,000 (an engineer's tryout); "1,5" is not 15.
     */
    @Test
    void aDelayRangeIsReadGroupedAsEveryNumberIs() {
        CallsCommandTest.Invocation grouped = run("buffer", "--producers", "1", "--consumers", "1", "--capacity", "1",
                "--items", "1", "--produce-ms", "0..1,000", "--consume-ms", "1_000..2 000", "--json");
        assertEquals(0, grouped.exitCode(), grouped.err());
        assertEquals("\"0..1000\"", field(grouped.out(), "produceMs"));
        assertEquals("\"1000..2000\"", field(grouped.out(), "consumeMs"));
        // And written for people as the other figures are: "produce 0..1000 ms" was not (a tryout).
        CallsCommandTest.Invocation text = run("buffer", "--producers", "1", "--consumers", "1", "--capacity", "1",
                "--items", "1", "--produce-ms", "0..1,000", "--consume-ms", "1_000..2 000");
        assertTrue(text.out().lines().findFirst().orElseThrow().contains("produce 0..1,000 ms, consume 1,000..2,000 ms"),
                text.out());
        CallsCommandTest.Invocation decimal = run("buffer", "--producers", "1", "--consumers", "1", "--capacity", "1",
                "--items", "2", "--produce-ms", "0..1,5");
        assertEquals(2, decimal.exitCode());
        assertTrue(decimal.err().contains("'0..1,5' is not a delay range"), decimal.err());
    }

    /**
     * The JSON gives the spurious rate as given: rounded to 4 decimals, 0.99999 read 1.0000 and
     * 0.00001 read 0.0000, rates the run did not have (an engineer's tryout).
     */
    @Test
    void theJsonGivesTheSpuriousRateAsGiven() {
        for (String rate : List.of("0.99999", "0.00001", "0.05", "0")) {
            CallsCommandTest.Invocation ran = run("buffer", "--producers", "1", "--consumers", "1", "--capacity", "1",
                    "--items", "1", "--spurious", rate, "--json");
            assertEquals(0, ran.exitCode(), ran.err());
            assertEquals(new BigDecimal(rate), new BigDecimal(field(ran.out(), "spurious")), rate);
        }
    }

    /** The header gives the spurious rate in %, as the window does, whether it was given as a fraction or in %. */
    @Test
    void theHeaderGivesTheSpuriousRateInPercent() {
        for (String rate : List.of("0.05", "5%")) {
            CallsCommandTest.Invocation ran = run("buffer", "--producers", "1", "--consumers", "1", "--capacity", "1",
                    "--items", "1", "--spurious", rate);
            assertEquals(0, ran.exitCode(), ran.err());
            assertTrue(ran.out().lines().findFirst().orElseThrow().contains("spurious 5 %,"), rate + ": " + ran.out());
        }
    }

    /**
     * The lab from a shell: a planted bug exits 1 with the detector's outcome (stalled, with when and
     * who; violated, with the invariant), the correct monitor and semaphore exit 0, and a spurious
     * rate is echoed.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --impl lock --bug one-condition                    | 1 | stalled
            --impl monitor --bug notify                        | 1 | stalled
            --impl semaphore --bug unlocked-count              | 1 | violated
            --impl lock --bug if-not-while --spurious 0.2      | 1 | violated
            --impl monitor --spurious 20%                      | 0 | ok
            --impl semaphore                                   | 0 | ok
            """)
    void theLabsOutcomeAndExitCode(String extra, int exit, String outcome) {
        CallsCommandTest.Invocation ran = run(("buffer --producers 3 --consumers 3 --capacity 1 --items 200000 --json "
                + extra).split(" "));
        assertEquals(exit, ran.exitCode(), ran.out() + ran.err());
        String json = ran.out().strip();
        assertEquals("\"" + outcome + "\"", field(json, "outcome"), json);
        assertEquals("null", field(json, "failure"), "a finding is not a failure: " + json);
        assertEquals("", ran.err());
        switch (outcome) {
            case "stalled" -> {
                assertTrue(Long.parseLong(field(json, "stalledAfterMillis")) <= 5_000, json);
                assertTrue(field(json, "stall").contains("wait"), json);
                assertEquals("null", field(json, "violation"));
            }
            case "violated" -> {
                assertTrue(field(json, "violation").contains("slot"), json);
                assertEquals("null", field(json, "stalledAfterMillis"));
            }
            default -> {
                assertEquals("null", field(json, "violation"));
                assertEquals("true", field(json, "ok"));
            }
        }
    }

    /** --json prints one object with the named fields, and the check passes for every implementation. */
    @Test
    void jsonRunPrintsOneObject() {
        for (String impl : new String[] {"interleave", "lock", "monitor", "semaphore", "abq"}) {
            String applies = switch (impl) {
                case "interleave", "lock" -> " --policy signal-all --fair";
                case "monitor" -> "";
                default -> " --fair";
            };
            CallsCommandTest.Invocation ran = run((BASE + " --impl " + impl + applies + " --json").split(" "));
            assertEquals(0, ran.exitCode(), ran.err());
            List<String> lines = ran.out().lines().toList();
            assertEquals(1, lines.size());
            List<String> names = Pattern.compile("\"(\\w+)\":").matcher(lines.getFirst()).results()
                    .map(m -> m.group(1)).toList();
            assertEquals(List.of("producers", "consumers", "capacity", "items", "impl", "policy", "fair", "threads",
                    "produceMs", "consumeMs", "elapsedMillis", "consumed", "consumedWhilePaused", "itemsPerSecond", "sum", "expectedSum", "ok",
                    "duplicates", "missing",
                    "waitsOnFull", "waitsOnEmpty", "bug", "spurious", "violation", "stalledAfterMillis", "futileWakeups",
                    "futileWakeupsProducers", "futileWakeupsConsumers", "spuriousWakeups", "eventsRecorded",
                    "eventsDropped", "outcome", "failure"), names);
            String json = lines.getFirst();
            assertEquals("null", field(json, "eventsRecorded"), "no --record: no events");
            assertTrue(json.contains("\"sum\":5050,\"expectedSum\":5050,\"ok\":true"), json);
            // interleave is the old name of lock, and prints as lock.
            assertTrue(json.contains("\"impl\":\"" + (impl.equals("interleave") ? "lock" : impl) + "\""), json);
            assertEquals("0", field(json, "duplicates"));
            assertEquals("0", field(json, "missing"));
            // Inside ArrayBlockingQueue no wake-up is seen: unknown, not 0.
            assertEquals(impl.equals("abq") ? "null" : "0", field(json, "spuriousWakeups"), json);
            assertEquals("\"ok\"", field(json, "outcome"));
            assertEquals("null", field(json, "failure"));
            assertEquals("\"platform\"", field(json, "threads"), "platform threads, as in the window, unless --threads says otherwise");
            // Only the lock buffer chooses whom it wakes: the others' JSON named "signal", the default.
            assertEquals(impl.equals("interleave") || impl.equals("lock") ? "\"signal-all\"" : "null",
                    field(json, "policy"), json);
        }
    }

    /**
     * Items consumed twice and items never consumed are counted in the JSON, and such a run is a
     * wrong total; a stopped run says so. The results are built by hand: a correct buffer never loses
     * an item, and from a shell a run stops only on Ctrl+C.
     */
    @Test
    void jsonCountsDuplicatesAndMissingItems() {
        BufferSettings settings = BufferSettings.of(2, 2, 4, 100);
        // Items 1 and 2 consumed twice, 99 and 100 never: 100 takes, sum 5,050 + 3 - 199.
        String wrong = new BufferCommand().json(new BufferResult(settings, Outcome.COMPLETED, null, 1_000_000, 100,
                100, 100, 0, 0, 4_854, 5_050, 2, 2, 0, 0, BufferResult.Lab.NONE));
        assertEquals("2", field(wrong, "duplicates"));
        assertEquals("2", field(wrong, "missing"));
        assertEquals("false", field(wrong, "ok"));
        assertEquals("\"wrong-total\"", field(wrong, "outcome"));
        String stopped = new BufferCommand().json(new BufferResult(settings, Outcome.STOPPED, null, 1_000_000, 40,
                39, 35, 0, 4, 630, 5_050, 0, 0, 0, 0, BufferResult.Lab.NONE));
        assertEquals("\"stopped\"", field(stopped, "outcome"));
        assertEquals("null", field(stopped, "failure"));
        assertEquals("null", field(stopped, "missing"), "35 of 100 consumed: missing items are not counted");
        String failed = new BufferCommand().json(new BufferResult(settings, Outcome.FAILED,
                new IllegalStateException("a consumer broke"), 1_000_000, 40, 39, 35, 0, 4, 630, 5_050, 0, 0, 0, 0,
                BufferResult.Lab.NONE));
        assertEquals("\"failed\"", field(failed, "outcome"));
        assertEquals("\"IllegalStateException: a consumer broke\"", field(failed, "failure"));
    }

    /**
     * A run that ends before every item is consumed (here stalled by the planted one-condition bug)
     * does not claim each item was consumed once: missing items are counted only once all are
     * consumed (it printed "each once yes (duplicates 0, missing 0)" with a handful of 100,000
     * consumed), nor that its sum is wrong. Inside abq the waits and wake-ups are not visible, as the
     * window says.
     */
    @Test
    void textSaysWhatWasNotChecked() {
        CallsCommandTest.Invocation stalled = run("buffer --producers 3 --consumers 3 --capacity 1 --items 100000"
                .concat(" --bug one-condition").split(" "));
        assertEquals(1, stalled.exitCode(), stalled.err());
        assertTrue(stalled.out().matches("(?s).*each once      not known: \\d+ of 100,000 items consumed \\(duplicates"
                + " 0; missing items are counted once all are consumed\\).*"), stalled.out());
        assertFalse(stalled.out().contains("each once      yes"), stalled.out());
        // Nor that its sum missed: it never reached its total ("MISMATCH" read as items lost).
        assertTrue(stalled.out().matches("(?s).*expected       5,000,050,000   not reached: \\d+ of 100,000 items"
                + " consumed \\(stalled\\).*"), stalled.out());
        assertFalse(stalled.out().contains("MISMATCH"), stalled.out());
        CallsCommandTest.Invocation abq = run((BASE + " --impl abq").split(" "));
        assertEquals(0, abq.exitCode(), abq.err());
        assertTrue(abq.out().contains("each once      yes (duplicates 0, missing 0)"), abq.out());
        assertTrue(abq.out().contains("wake-ups       not visible inside ArrayBlockingQueue"), abq.out());
        // Every figure's value starts in the column after its label ("futile wake-ups producers 302"
        // ran past it).
        CallsCommandTest.Invocation lock = run(BASE.split(" "));
        for (CallsCommandTest.Invocation text : List.of(stalled, abq, lock)) {
            for (String line : text.out().lines().skip(1).filter(line -> !line.isBlank()).toList()) {
                assertTrue(line.matches("[a-z/ -]{14} \\S.*"), "'" + line + "' in\n" + text.out());
            }
        }
        assertTrue(lock.out().matches(
                "(?s).*wake-ups       futile: producers [\\d,]+, consumers [\\d,]+; spurious 0.*"),
                lock.out());
        assertTrue(abq.out().matches("(?s).*waits on full  not visible inside ArrayBlockingQueue \\((1 put|[\\d,]+ puts) found it"
                + " full\\).*"), abq.out());
        assertTrue(abq.out().matches("(?s).*waits on empty not visible inside ArrayBlockingQueue \\((1 take|[\\d,]+ takes)"
                + " found it empty\\).*"), abq.out());
    }

    /** Text output names the check and the threads; --threads virtual runs on virtual threads (platform is the default). */
    @Test
    void textRunPrintsTheCheck() {
        CallsCommandTest.Invocation ran = run((BASE + " --threads virtual").split(" "));
        assertEquals(0, ran.exitCode(), ran.err());
        assertTrue(ran.out().lines().findFirst().orElseThrow().endsWith("virtual threads"), ran.out());
        assertTrue(ran.out().contains("expected       5,050   OK"), ran.out());
        assertTrue(ran.out().contains("each once      yes"), ran.out());
        assertFalse(ran.out().contains("MISMATCH"));
    }
}
