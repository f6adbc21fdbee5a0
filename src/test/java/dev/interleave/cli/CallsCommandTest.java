package dev.interleave.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

import dev.interleave.Main;
import dev.interleave.engine.calls.CallHistogram;
import dev.interleave.engine.calls.CallResult;
import dev.interleave.engine.calls.CallRunner;
import dev.interleave.engine.calls.MemoryPerThread;
import dev.interleave.engine.calls.CallSettings;
import dev.interleave.engine.run.Outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line through the real {@link Main}: what a user types and what comes back. */
class CallsCommandTest {

    record Invocation(int exitCode, String out, String err) {
    }

    static Invocation run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Invocation(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Bad input exits 2 with one line that names the option, the value given and what is allowed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            calls --calls -5 --concurrency 10                          | --calls     | -5            | allowed: 1 to 10,000,000
            calls --calls 0 --concurrency 10                           | --calls     | 0             | allowed: 1 to 10,000,000
            calls --calls ten --concurrency 10                         | --calls     | 'ten'         | allowed: 1 to 10,000,000
            calls --calls 99999999999999999999 --concurrency 10        | --calls     | 99999999999999999999 | allowed: 1 to 10,000,000
            calls --calls 20000000 --concurrency 10                    | --calls     | 20,000,000 is out | 1 to 10,000,000
            calls --calls 10 --calls 20 --concurrency 10               | is given more than once | '--calls' | allowed: once
            calls --calls 10 --concurrency 0                           | --concurrency | 0           | allowed: 1 to 1,000,000
            calls --calls 10 --concurrency 10 --max-sleep-ms -1        | --max-sleep-ms | -1         | allowed: 0 to 60,000
            calls --calls 10 --concurrency 10 --seed x1                | --seed      | 'x1'          | allowed:
            calls --calls 10 --concurrency 10 --threads green          | --threads   | 'green'       | allowed: virtual, platform
            calls --calls 10 --concurrency 10 --counter fast           | --counter   | 'fast'        | allowed: atomic, synchronized, lock, racy
            calls --calls 10 --concurrency 10 --turbo                  | --turbo     | --turbo       | allowed options: --calls, --concurrency, --json, --threads, --max-sleep-ms
            calls --calls 10 --concurrency                             | --concurrency | --concurrency | 1 to 1,000,000
            calls --concurrency 10                                     | --calls     | --calls       | 1 to 10,000,000
            calls --calls 100000 --concurrency 100000 --threads platform | --concurrency | 100,000     | use virtual threads
            frobnicate                                                 | frobnicate  | frobnicate    | allowed: calls
            calls                                                      | --calls: How many calls | --concurrency: The most calls | 1 to 1,000,000
            calls --calls 10 --concurrency 10 extra                    | Unknown argument: 'extra' | extra | allowed options: --calls
            frobnicate                                                 | Unknown command: 'frobnicate' | frobnicate | allowed: calls, buffer
            calss --calls 10                                           | Unknown command: 'calss' (did you mean calls?); allowed: calls, buffer | calss | (see 'interleave --help')
            philosophres --n 5                                         | Unknown command: 'philosophres' (did you mean philosophers?); | philosophres | allowed: calls
            calls --calls 10 --concurrency 10 --trheads platform       | Unknown option: '--trheads' (did you mean --threads?); | --trheads | allowed options: --calls
            race --threads 2 --increments 10 --strategy lock --fiar=true | Unknown option: '--fiar=true' (did you mean --fair?); | --fiar | allowed options: --threads
            --hlep                                                     | Unknown option: '--hlep' (did you mean --help?); | --hlep | allowed: calls
            race --threads 2 --increments 10 --strategy lock --fiar    | Unknown option: '--fiar' (did you mean --fair?); | --fiar | allowed options: --threads
            calls --calls 10 --concurrency 10 --max-sleep 5            | (did you mean --max-sleep-ms?) | --max-sleep | allowed options: --calls
            calls --calls 10 --concurency 10                           | Unknown option: '--concurency' (did you mean --concurrency?) | --concurency | allowed options: --calls
            race --threads 2 --increment 10 --strategy racy            | Unknown option: '--increment' (did you mean --increments?) | --increment | allowed options: --threads
            philosophers --philosophers 5 --strategy naive             | Unknown option: '--philosophers'; | --philosophers | allowed options: --n
            """)
    void badInputExitsTwoWithOneLine(String line, String option, String value, String allowed) {
        Invocation ran = run(line.split(" "));
        assertEquals(2, ran.exitCode(), ran.err());
        List<String> lines = ran.err().lines().toList();
        assertEquals(1, lines.size(), "expected one line, got: " + ran.err());
        String message = lines.getFirst();
        assertTrue(message.contains(option), message);
        assertTrue(message.contains(value), message);
        assertTrue(message.contains(allowed), message);
        assertFalse(message.contains("Exception"), message);
        assertEquals("", ran.out());
    }

    /**
     * The unknown-option message lists the options --help lists: not --threads-kind, a hidden alias of
     * --threads in calls, buffer and philosophers (race's own name for its thread kind, which it lists).
     */
    @Test
    void theUnknownOptionMessageListsNoHiddenOption() {
        for (String[] line : List.of(new String[] {"calls", "--calls", "10", "--concurrency", "10", "--turbo"},
                new String[] {"buffer", "--turbo"}, new String[] {"philosophers", "--turbo"})) {
            Invocation ran = run(line);
            assertEquals(2, ran.exitCode(), ran.err());
            assertTrue(ran.err().contains("allowed options: ") && ran.err().contains("--threads,"), ran.err());
            assertFalse(ran.err().contains("--threads-kind"), ran.err());
        }
        Invocation race = run("race", "--turbo");
        assertTrue(race.err().contains("--threads-kind"), race.err());
    }

    /** The name meant: the one a typo away, else the one the word begins; none when two are as near. */
    @Test
    void theNameMeantIsTheOnlyOneATypoAway() {
        List<String> names = List.of("--threads", "--threads-kind", "--fair", "--max-sleep-ms", "--trace");
        assertEquals("--fair", Cli.closest("--fiar", names));
        assertEquals("--threads", Cli.closest("--thread", names), "a typo away before a beginning");
        assertEquals("--max-sleep-ms", Cli.closest("--max-sleep", names));
        assertEquals(null, Cli.closest("--frobnicate", names));
        assertEquals(null, Cli.closest("cals", List.of("calls", "cats")), "two one typo away: neither");
        assertEquals(null, Cli.closest("-", names));
    }

    /** Labels are read ignoring case; a bad one's message names every allowed label (one converter for all). */
    @Test
    void labelsIgnoreCaseAndABadOneNamesTheAllowed() {
        Invocation upper = run("calls", "--calls", "10", "--concurrency", "10", "--max-sleep-ms", "0",
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
        // Java's spelling names the label meant: "signalAll" named none (a lecturer's tryout).
        assertEquals("'signalAll' is not a wake-up policy (did you mean signal-all?); allowed: signal, signal-all",
                assertThrows(TypeConversionException.class,
                        () -> new Values.Policy().convert("signalAll")).getMessage());
    }

    /**
     * Missing options are each named with what they take, in a line that reads as one: the first line
     * of each description. --concurrency's whole description made a line of 420 characters.
     */
    @Test
    void missingOptionsAreNamedInOneShortLine() {
        Invocation ran = run("calls");
        assertEquals(2, ran.exitCode());
        assertEquals(List.of("interleave calls: Missing required options: '--calls=N', '--concurrency=C'; --calls: How many"
                + " calls, 1 to 10,000,000; --concurrency: The most calls in flight at once, 1 to 1,000,000 (see"
                + " 'interleave calls --help')"), ran.err().lines().toList());
    }

    /**
     * --trace writes counter tracks (calls in flight and completed, sampled), ending at the total,
     * not an event per call; an unwritable file is exit 2 in one line before the run.
     */
    @Test
    void traceWritesCounterTracks(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("calls.json");
        Invocation ran = run("calls", "--calls", "1000", "--concurrency", "100", "--max-sleep-ms", "50", "--trace",
                file.toString());
        assertEquals(0, ran.exitCode(), ran.err());
        String json = Files.readString(file);
        assertTrue(json.endsWith("]}"), json);
        List<String> completed = Pattern.compile("\\{\"ph\":\"C\",\"name\":\"completed\"[^}]*\"args\":\\{\"calls\":(\\d+)")
                .matcher(json).results().map(m -> m.group(1)).toList();
        assertTrue(completed.size() >= 2 && completed.size() < 1000, "samples: " + completed.size());
        assertEquals("1000", completed.getLast(), "the last sample counts every call");
        // From the run's start, nothing in flight, and one sample a moment: the first came 56 to 151 ms
        // in, the ramp over, and the last was written up to 14 times at the same moment (a tryout).
        List<String> flying = Pattern.compile("\\{\"ph\":\"C\",\"name\":\"in flight\",[^}]*\"ts\":([\\d.]+)[^}]*\"args\":\\{\"calls\":(\\d+)")
                .matcher(json).results().map(m -> m.group(1) + " " + m.group(2)).toList();
        assertEquals("0.000 0", flying.getFirst(), "at the run's start, nothing in flight");
        List<Double> times = flying.stream().map(sample -> Double.parseDouble(sample.split(" ")[0])).toList();
        for (int i = 1; i < times.size(); i++) {
            assertTrue(times.get(i) > times.get(i - 1), "sample " + i + " at " + times.get(i) + " after " + times.get(i - 1));
        }
        assertTrue(json.contains("\"name\":\"in flight\""), json);
        assertTrue(json.contains("\"name\":\"running\"") && json.contains("\"name\":\"parked\""), json);

        Invocation bad = run("calls", "--calls", "10", "--concurrency", "10", "--trace", dir.toString());
        assertEquals(2, bad.exitCode(), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().contains("--trace") && bad.err().contains("allowed:"), bad.err());
        assertEquals("", bad.out());
    }

    /**
     * --trace writes over a trace, or an empty file, but keeps a file that holds anything else: exit 2
     * in one line, before the run. As root, "--trace /etc/passwd" wrote a trace over the system's users.
     */
    @Test
    void traceKeepsAFileThatIsNoTrace(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "Lost updates: two calls read the same value.\n");
        Invocation kept = run("calls", "--calls", "10", "--concurrency", "10", "--trace", notes.toString());
        assertEquals(2, kept.exitCode(), kept.err());
        assertEquals(1, kept.err().lines().count(), kept.err());
        assertTrue(kept.err().contains("holds something other than a trace") && kept.err().contains("allowed:"), kept.err());
        assertEquals("Lost updates: two calls read the same value.\n", Files.readString(notes));
        assertEquals("", kept.out(), "no run");

        Path trace = dir.resolve("calls.json");
        for (String before : List.of("", "{\"displayTi", "first")) {
            if (!before.equals("first")) {
                Files.writeString(trace, before); // empty, or a trace cut short before its first event
            }
            Invocation over = run("calls", "--calls", "10", "--concurrency", "10", "--trace", trace.toString());
            assertEquals(0, over.exitCode(), "over \"" + before + "\": " + over.err());
            assertTrue(Files.readString(trace).startsWith("{\"displayTimeUnit\"") && Files.readString(trace).endsWith("]}"));
        }
        Invocation again = run("calls", "--calls", "10", "--concurrency", "10", "--trace", trace.toString());
        assertEquals(0, again.exitCode(), "over a whole trace: " + again.err());
    }

    /** A histogram's bins are whole milliseconds, and their width prints as a whole number ("10.0000" it was). */
    @Test
    void jsonBinWidthsPrintAsWholeMilliseconds() {
        Invocation ran = run("calls", "--calls", "100", "--concurrency", "100", "--max-sleep-ms", "200", "--json");
        assertEquals("10", field(ran.out().strip(), "histogramBinMillis"), ran.out());
    }

    /** --json prints exactly one object with the named fields; the sum checks out and the exit code is 0. */
    @Test
    void jsonRunPrintsOneObject() {
        Invocation ran = run("calls", "--calls", "1000", "--concurrency", "100", "--max-sleep-ms", "20", "--json");
        assertEquals(0, ran.exitCode(), ran.err());
        List<String> lines = ran.out().lines().toList();
        assertEquals(1, lines.size(), ran.out());
        String json = lines.getFirst();
        assertTrue(json.startsWith("{") && json.endsWith("}"), json);
        List<String> names = Pattern.compile("\"(\\w+)\":").matcher(json).results().map(m -> m.group(1)).toList();
        assertEquals(List.of("calls", "concurrency", "threads", "counter", "seed", "completed", "total", "expected", "ok",
                "duplicates", "counterValue", "callsCutShort", "elapsedMillis", "idealMillis", "efficiency", "maxInFlight", "startsPerSecond",
                "callsPerSecond", "carrierThreads", "othersCpuShare",
                "memoryInFlight", "rssBytesPerThread", "heapBytesPerThread", "histogramBinMillis", "sleepHistogram",
                "durationHistogram", "meanSleepMillis", "meanDurationMillis", "outcome", "failure"), names);
        assertEquals("1000", field(json, "completed"));
        assertEquals("500500", field(json, "total"));
        assertEquals("500500", field(json, "expected"));
        assertEquals("true", field(json, "ok"));
        assertEquals("\"virtual\"", field(json, "threads"));
        assertTrue(Long.parseLong(field(json, "maxInFlight")) <= 100);
        assertEquals("\"ok\"", field(json, "outcome"));
        assertEquals("null", field(json, "failure"));
        assertTrue(Double.parseDouble(field(json, "efficiency")) > 0, json);
        // Both histograms count every call once; 100 in flight is too few to estimate memory.
        assertEquals(1_000, counts(field(json, "sleepHistogram")).stream().mapToLong(Long::longValue).sum(), json);
        assertEquals(1_000, counts(field(json, "durationHistogram")).stream().mapToLong(Long::longValue).sum(), json);
        int bins = counts(field(json, "durationHistogram")).size();
        // The sleeps' 21 bins of 1 ms and one for all longer, at most 41; merged into wider bins when
        // calls ran long (a loaded machine's: 18 bins of 5 ms).
        long binMillis = Long.parseLong(field(json, "histogramBinMillis"));
        assertTrue(bins >= (21 + binMillis - 1) / binMillis + 1 && bins <= 41,
                "the sleeps' bins and one for all longer, at most 41: " + json);
        assertEquals(bins, counts(field(json, "sleepHistogram")).size());
        assertTrue(Double.parseDouble(field(json, "meanDurationMillis"))
                >= Double.parseDouble(field(json, "meanSleepMillis")), "a call lasts at least its sleep: " + json);
        assertEquals("null", field(json, "rssBytesPerThread"));
        assertEquals("null", field(json, "heapBytesPerThread"));
        assertEquals(String.valueOf(CallRunner.carrierThreads()), field(json, "carrierThreads"));
        // Platform threads run on no carrier: it read 2, the virtual-thread scheduler's (an engineer's tryout).
        Invocation platform = run("calls", "--calls", "10", "--concurrency", "10", "--max-sleep-ms", "0",
                "--threads", "platform", "--json");
        assertEquals("null", field(platform.out().strip(), "carrierThreads"), platform.out());
    }

    /**
     * With thousands of calls in flight the run gives memory per in-flight thread in JSON (bytes, or
     * null with a reason in the text); the figures themselves are checked in a fresh process
     * ({@link CallsMemoryTest}): in this JVM, earlier tests' garbage makes the heap shrink under a run.
     */
    @Test
    void memoryPerThreadIsReportedWithManyInFlight() {
        Invocation virtual = run("calls", "--calls", "3000", "--concurrency", "3000", "--max-sleep-ms", "1000",
                "--json");
        assertEquals(0, virtual.exitCode(), virtual.err());
        String json = virtual.out().strip();
        assertTrue(Long.parseLong(field(json, "memoryInFlight")) >= 500, json);
        String rss = field(json, "rssBytesPerThread");
        assertTrue(rss.equals("null") || Long.parseLong(rss) >= 0, json);
        Invocation text = run("calls", "--calls", "3000", "--concurrency", "3000", "--max-sleep-ms", "1000");
        assertTrue(text.out().lines().anyMatch(l -> l.startsWith("memory/thread  ") && l.contains("RSS")
                && l.contains("heap") && l.contains("in flight")), text.out());
    }

    static List<Long> counts(String array) {
        return Arrays.stream(array.substring(1, array.length() - 1).split(",")).map(Long::parseLong).toList();
    }

    /** Without sleeps there is no ideal makespan to compare with: efficiency is JSON null, and the text says why. */
    @Test
    void efficiencyIsUndefinedWithoutSleeps() {
        Invocation json = run("calls", "--calls", "100", "--concurrency", "10", "--max-sleep-ms", "0", "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertEquals("0", field(json.out().strip(), "idealMillis"));
        assertEquals("null", field(json.out().strip(), "efficiency"));
        Invocation text = run("calls", "--calls", "100", "--concurrency", "10", "--max-sleep-ms", "0");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().lines().anyMatch("efficiency     not defined (no sleeps)"::equals), text.out());
        assertTrue(text.out().lines().anyMatch(line -> line.startsWith("ideal          none (no sleeps)")), text.out());
        // Not "0 in flight at most" under "max in flight 10": the samples' count, as the window says it.
        assertTrue(text.out().lines().anyMatch(
                "memory/thread  not measured: no sample (every 50 ms) found a call asleep"::equals), text.out());
    }

    /**
     * Elapsed and ideal times are said to the nearest ms, so the rate beside them checks out: cut
     * off, 15.98 ms read "15 ms" beside 62,577 calls a second (a learner's tryout).
     */
    @Test
    void timesAreRoundedNotCutOff() {
        CallSettings settings = CallSettings.of(1_000, 100);
        CallResult run = new CallResult(settings, Outcome.COMPLETED, null, 500_500, 500_500, 1_000, 0, 1_000, 15_980_000L,
                7_600_000L, 100, 0, CallHistogram.EMPTY, MemoryPerThread.NONE);
        assertEquals(16, run.elapsedMillis());
        assertEquals(8, run.idealMillis());
        String text = new CallsCommand().text(run);
        assertTrue(text.contains("elapsed        16 ms"), text);
    }

    /**
     * Stopped, failed and wrong runs name their outcome; a failure is one line (simple class name and
     * message). The results are built by hand: from a shell a run stops only on Ctrl+C, and its calls do
     * not fail.
     */
    @Test
    void stoppedAndFailedRunsNameTheirOutcome() {
        CallSettings settings = CallSettings.of(1_000, 100);
        String stopped = new CallsCommand().json(new CallResult(settings, Outcome.STOPPED, null, 55, 500_500, 10, 0, 10,
                2_000_000_000L, 1_000_000_000L, 100, 0,
                CallHistogram.EMPTY, MemoryPerThread.NONE));
        assertEquals("\"stopped\"", field(stopped, "outcome"));
        assertEquals("null", field(stopped, "failure"));
        assertEquals("false", field(stopped, "ok"));
        String failed = new CallsCommand().json(new CallResult(settings, Outcome.FAILED,
                new IllegalStateException("the service broke\n  at call 7"), 55, 500_500, 10, 0, 10, 2_000_000_000L,
                1_000_000_000L, 100, 0,
                CallHistogram.EMPTY, MemoryPerThread.NONE));
        assertEquals("\"failed\"", field(failed, "outcome"));
        assertEquals("\"IllegalStateException: the service broke at call 7\"", field(failed, "failure"));
        String wrong = new CallsCommand().json(new CallResult(settings, Outcome.COMPLETED, null, 500_499, 500_500,
                1_000, 1, 999, 2_000_000_000L, 1_000_000_000L, 100, 0,
                CallHistogram.EMPTY, MemoryPerThread.NONE));
        assertEquals("\"wrong-total\"", field(wrong, "outcome"));
        assertEquals("0.5000", field(wrong, "efficiency"));
        // Stopped, the text says what its ideal and efficiency are over, as the window's card does:
        // "99.1 %: ideal ÷ elapsed" of a run stopped after 0 calls read as a fine run (a tryout).
        String text = new CallsCommand().text(new CallResult(settings, Outcome.STOPPED, null, 0, 500_500, 0, 0, 2,
                1_085_000_000L, 1_075_000_000L, 2, 0, CallHistogram.EMPTY, MemoryPerThread.NONE));
        assertTrue(text.contains("efficiency     0.991 (99.1 %: ideal ÷ elapsed, over the calls run before Stop)\n"), text);
        assertTrue(text.contains("; stopped: of what they slept before Stop)\n"), text);
        String completed = new CallsCommand().text(new CallResult(settings, Outcome.COMPLETED, null, 500_500, 500_500,
                1_000, 0, 1_000, 2_000_000_000L, 1_000_000_000L, 100, 0, CallHistogram.EMPTY, MemoryPerThread.NONE));
        assertTrue(completed.contains("efficiency     0.500 (50.0 %: ideal ÷ elapsed)\n"), completed);
        assertFalse(completed.contains("before Stop"), completed);
    }

    /**
     * A stopped run's calls that had read the counter and never completed are said, as the window's
     * Counter card says "N cut short": the counter stood 1,000 above the calls completed, unexplained
     * (a tryout of the command line). One call is one ("STOPPED after 1 calls").
     */
    @Test
    void aStoppedRunSaysTheCallsItCutShort() {
        CallSettings settings = CallSettings.of(100_000, 1_000);
        CallResult safe = new CallResult(settings, Outcome.STOPPED, null, 11_449_005, 5_000_050_000L, 4_785, 0, 5_785,
                4_000_000_000L, 3_000_000_000L, 1_000, 1_200, CallHistogram.EMPTY, MemoryPerThread.NONE, 1_000);
        String text = new CallsCommand().text(safe);
        assertTrue(text.contains("counter        5,785   1,000 ahead of the 4,785 calls completed\n"
                + "cut short      1,000 calls: Stop cut them short after they had read the counter, moving it on\n"), text);
        assertEquals("1000", field(new CallsCommand().json(safe), "callsCutShort"));
        CallResult one = new CallResult(settings, Outcome.STOPPED, null, 1, 5_000_050_000L, 1, 0, 1,
                4_000_000_000L, 3_000_000_000L, 1_000, 1_200, CallHistogram.EMPTY, MemoryPerThread.NONE, 0);
        String oneText = new CallsCommand().text(one);
        assertTrue(oneText.contains("STOPPED after 1 call\n"), oneText);
        assertFalse(oneText.contains("cut short"), oneText);
        assertEquals("0", field(new CallsCommand().json(one), "callsCutShort"));
    }

    /**
     * How much of the cores other programs used during the run is said, and where it is much, that
     * the run's time counts the wait for them (a learner read 11.9 % on a busy machine and took virtual
     * threads to be slow). JSON carries the share.
     */
    @Test
    void theOtherProgramsShareOfTheCoresIsSaid() {
        CallSettings settings = CallSettings.of(1_000, 100);
        CallResult busy = new CallResult(settings, Outcome.COMPLETED, null, 500_500, 500_500, 1_000, 0, 1_000,
                4_000_000_000L, 1_000_000_000L, 100, 0, CallHistogram.EMPTY, MemoryPerThread.NONE, 0,
                OptionalDouble.of(0.71));
        String text = new CallsCommand().text(busy);
        assertTrue(text.contains("\nother programs 71 % of the machine's cores' time during the run: the elapsed time, and"
                + " so the efficiency, count the time the calls waited for a core\n"), text);
        assertEquals("0.7100", field(new CallsCommand().json(busy), "othersCpuShare"));
        CallResult quiet = new CallResult(settings, Outcome.COMPLETED, null, 500_500, 500_500, 1_000, 0, 1_000,
                1_000_000_000L, 1_000_000_000L, 100, 0, CallHistogram.EMPTY, MemoryPerThread.NONE, 0,
                OptionalDouble.of(0.03));
        String quietText = new CallsCommand().text(quiet);
        assertTrue(quietText.contains("\nother programs 3 % of the machine's cores' time during the run\n"), quietText);
        CallResult unknown = new CallResult(settings, Outcome.COMPLETED, null, 500_500, 500_500, 1_000, 0, 1_000,
                1_000_000_000L, 1_000_000_000L, 100, 0, CallHistogram.EMPTY, MemoryPerThread.NONE);
        assertFalse(new CallsCommand().text(unknown).contains("other programs"));
        assertEquals("null", field(new CallsCommand().json(unknown), "othersCpuShare"));
    }

    /**
     * "The only run of a fresh JVM" is said where compiling may show in the run's time, by the
     * window's rule for marking a cold run: not at 99.6 % efficiency (a tryout), and with no sleeps
     * (no ideal to measure the time against) always.
     */
    @Test
    void aFreshJvmIsSaidWhereCompilingMayShow() {
        CallSettings settings = CallSettings.of(1_000, 100);
        String fresh = "the only run of a fresh JVM";
        String nearIdeal = new CallsCommand().text(new CallResult(settings, Outcome.COMPLETED, null, 500_500, 500_500,
                1_000, 0, 1_000, 1_000_000_000L, 996_000_000L, 100, 0, CallHistogram.EMPTY, MemoryPerThread.NONE));
        assertFalse(nearIdeal.contains(fresh), nearIdeal);
        String slower = new CallsCommand().text(new CallResult(settings, Outcome.COMPLETED, null, 500_500, 500_500,
                1_000, 0, 1_000, 1_000_000_000L, 940_000_000L, 100, 0, CallHistogram.EMPTY, MemoryPerThread.NONE));
        assertTrue(slower.contains(fresh), slower);
        String noSleeps = new CallsCommand().text(new CallResult(settings.withMaxSleepMillis(0), Outcome.COMPLETED,
                null, 500_500, 500_500, 1_000, 0, 1_000, 100_000_000L, 0, 100, 0, CallHistogram.EMPTY,
                MemoryPerThread.NONE));
        assertTrue(noSleeps.contains(fresh), noSleeps);
    }

    /** Text output names the total, the check and the efficiency. */
    @Test
    void textRunPrintsTheFigures() {
        Invocation ran = run("calls", "--calls", "200", "--concurrency", "20", "--max-sleep-ms", "10",
                "--threads", "platform", "--counter", "lock");
        assertEquals(0, ran.exitCode(), ran.err());
        assertTrue(ran.out().contains("total          20,100"), ran.out());
        assertTrue(ran.out().contains("expected       20,100   OK"), ran.out());
        // The ratio --json gives and the window's percentage, one the other's hundredfold.
        Matcher efficiency = Pattern.compile(
                "efficiency     (\\d\\.\\d{3}) \\((\\d+\\.\\d) %: ideal ÷ elapsed\\)").matcher(ran.out());
        assertTrue(efficiency.find(), ran.out());
        assertEquals(Double.parseDouble(efficiency.group(1)) * 100, Double.parseDouble(efficiency.group(2)), 0.1);
        // Under it, why its time is not a warm run's (the window's later runs are warm), where that may show.
        assertEquals(Double.parseDouble(efficiency.group(1)) < CallResult.LOSS_UNSEEN,
                ran.out().contains("the only run of a fresh JVM: its code is compiled as it runs"), ran.out());
    }

    /**
     * The platform cap is on the threads that can exist at once: 100 calls at a concurrency of 10,000
     * start 100, and run; 5,000 calls there would be 5,000 threads, and are refused.
     */
    @Test
    void platformThreadsAreCappedByTheCallsInFlight() {
        Invocation ran = run("calls", "--calls", "100", "--concurrency", "10000", "--max-sleep-ms", "5",
                "--threads", "platform", "--json");
        assertEquals(0, ran.exitCode(), ran.err());
        assertEquals("\"platform\"", field(ran.out(), "threads"));
        Invocation refused = run("calls", "--calls", "5000", "--concurrency", "10000", "--threads", "platform");
        assertEquals(2, refused.exitCode(), refused.out());
        // Named for the option that made them so many: --calls here, not --concurrency.
        assertTrue(refused.err().startsWith("interleave calls: Invalid value for option '--calls': 5,000 calls at a"
                + " concurrency of 10,000 start 5,000 platform threads at once: above the cap of 4,000"),
                refused.err());
        Invocation wide = run("calls", "--calls", "10000", "--concurrency", "5000", "--threads", "platform");
        assertEquals(2, wide.exitCode(), wide.out());
        assertTrue(wide.err().startsWith("interleave calls: Invalid value for option '--concurrency': 5,000 platform"
                + " threads at once: above the cap of 4,000"), wide.err());
    }

    /** A racy run that loses updates exits 1 and reports duplicates (repeated until the race shows, bounded). */
    @Test
    void racyMismatchExitsOne() {
        for (int attempt = 0; attempt < 20; attempt++) {
            Invocation ran = run("calls", "--calls", "200000", "--concurrency", "8", "--max-sleep-ms", "0",
                    "--counter", "racy", "--json");
            if (ran.exitCode() == 1) {
                assertEquals("false", field(ran.out().strip(), "ok"));
                long duplicates = Long.parseLong(field(ran.out().strip(), "duplicates"));
                assertTrue(duplicates > 0);
                // Every value up to the counter's last was handed out at least once: the counter ends at
                // most the distinct values, the calls completed less the repeats.
                long completed = Long.parseLong(field(ran.out().strip(), "completed"));
                long counter = Long.parseLong(field(ran.out().strip(), "counterValue"));
                assertTrue(counter > 0 && counter <= completed - duplicates, counter + " of " + completed);
                assertEquals("\"wrong-total\"", field(ran.out().strip(), "outcome"));
                assertEquals("null", field(ran.out().strip(), "failure"));
                return;
            }
            assertEquals(0, ran.exitCode(), ran.err());
        }
        throw new AssertionError("20 racy runs lost no update");
    }

    /** A run of one call has no start rate: "not defined", not "0 a second" for the call that did start. */
    @Test
    void oneCallHasNoStartRate() {
        Invocation run = run("calls", "--calls", "1", "--concurrency", "1", "--max-sleep-ms", "10");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("calls started  not defined (fewer than two started: a rate needs two starts)\n"),
                run.out());
        String json = run("calls", "--calls", "1", "--concurrency", "1", "--max-sleep-ms", "10", "--json").out();
        assertEquals("null", field(json, "startsPerSecond"), json);
        // A run of many stopped before its second start has none either (the engine's 0 is no rate).
        CallResult stopped = new CallResult(CallSettings.of(1_000, 100), Outcome.STOPPED, null, 0, 500_500, 0, 0, 0,
                1_000_000L, 0, 1, 0, CallHistogram.EMPTY, MemoryPerThread.NONE);
        assertEquals("null", field(new CallsCommand().json(stopped), "startsPerSecond"));
        // Nor means of sleeps and calls when none completed: null, "none", not 0.0 ms.
        assertEquals("null", field(new CallsCommand().json(stopped), "meanSleepMillis"));
        assertEquals("null", field(new CallsCommand().json(stopped), "meanDurationMillis"));
        assertEquals("mean sleep     none: no call completed", CallsCommand.histogramLines(stopped));
    }

    /** The memory line speaks of the run, not of a Run button the command line does not have. */
    @Test
    void theMemoryLineSpeaksOfTheRun() {
        CallResult measured = new CallResult(CallSettings.of(1_000, 1_000), Outcome.COMPLETED, null, 500_500, 500_500,
                1_000, 0, 1_000, 1_000_000_000L, 900_000_000L, 1_000, 1_000, CallHistogram.EMPTY,
                new MemoryPerThread(1_000, true, 4_000_000, false, 8_000_000));
        String lines = CallsCommand.memoryLines(measured);
        assertTrue(lines.contains("(growth since the run began at 1,000 in flight, divided by them)")
                && lines.contains("resident before the run)") && !lines.contains("Run"), lines);
    }

    /**
     * A count grouped by thousands is read as the window's fields read it ("1,000" was refused here and
     * taken there, an engineer's tryout); "1,5" is no whole number in either.
     */
    @Test
    void aCountGroupedByThousandsIsReadAsTheWindowReadsIt() {
        Invocation grouped = run("calls", "--calls", "1,000", "--concurrency", "1_000", "--max-sleep-ms", "0");
        assertEquals(0, grouped.exitCode(), grouped.err());
        assertTrue(grouped.out().startsWith("1,000 calls, at most 1,000 in flight"), grouped.out());
        Invocation decimal = run("calls", "--calls", "1,5");
        assertEquals(2, decimal.exitCode());
        assertTrue(decimal.err().contains("'1,5' is not a whole number; allowed: 1 to 10,000,000"), decimal.err());
    }

    /** A seed or a count past 64 bits is out of range, not "not a whole number"; a trace named '' or a folder says so. */
    @Test
    void outOfRangeAndFolderAreSaidAsSuch() {
        Invocation seed = run("calls", "--calls", "10", "--concurrency", "2", "--seed", "-9223372036854775809");
        assertEquals(2, seed.exitCode());
        assertTrue(seed.err().contains("-9223372036854775809 is out of range; allowed: -9,223,372,036,854,775,808 to"
                + " 9,223,372,036,854,775,807"), seed.err());
        // So are calls past a long's reach, though no long can hold them.
        Invocation calls = run("calls", "--calls", "99999999999999999999", "--concurrency", "2");
        assertEquals(2, calls.exitCode());
        assertTrue(calls.err().contains("99999999999999999999 is out of range; allowed: 1 to 10,000,000"), calls.err());
        Invocation empty = run("calls", "--calls", "10", "--concurrency", "2", "--trace", "");
        assertEquals(2, empty.exitCode());
        assertTrue(empty.err().contains("cannot write '' (an empty name)"), empty.err());
        Invocation folder = run("calls", "--calls", "10", "--concurrency", "2", "--trace",
                System.getProperty("java.io.tmpdir"));
        assertEquals(2, folder.exitCode());
        assertTrue(folder.err().contains("(a folder)"), folder.err());
    }

    /** The raw value of one field of a flat JSON object: a number, true/false, null, or a quoted string. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"[^\"]*\"|\\[[^\\]]*\\]|[^,}]+)").matcher(json);
        assertTrue(m.find(), name + " missing in " + json);
        return m.group(1);
    }
}
