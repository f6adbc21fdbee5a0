package dev.interleave.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.interleave.engine.philosophers.PhilosophersJson;
import dev.interleave.engine.philosophers.PhilosophersResult;
import dev.interleave.engine.philosophers.PhilosophersSettings;
import dev.interleave.engine.philosophers.Strategy;
import dev.interleave.engine.run.Outcome;

import static dev.interleave.cli.CallsCommandTest.field;
import static dev.interleave.cli.CallsCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code interleave philosophers} through the real Main. */
class PhilosophersCommandTest {

    /** Bad input exits 2 with one line that names the option, the value given and what is allowed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --n 1 --strategy naive                      | --n          | 1     | allowed: 2 to 12
            --n 13 --strategy naive                     | --n          | 13    | allowed: 2 to 12
            --n five --strategy naive                   | --n          | five  | allowed: 2 to 12
            --n 5 --strategy polite                     | --strategy   | polite | allowed: naive, ordered, trylock, trylock-no-backoff, waiter
            --n 5 --strategy naive --think-ms 5..2      | --think-ms   | 5..2  | starts above its end (5 > 2); allowed: a..b in ms with 0 <= a <= b
            --n 5 --strategy naive --think-ms 0..99999  | --think-ms   | 0..99999 | is out of range; allowed: a..b
            --n 5 --strategy naive --eat-ms slow        | --eat-ms     | slow  | allowed: a..b
            --n 5 --strategy naive --threads green      | --threads    | green | allowed: virtual, platform
            --n 5 --strategy naive --seconds 0          | --seconds    | 0     | allowed: 1 to 3,600
            --n 5 --strategy naive --threads platform --threads-kind virtual | --threads-kind | (platform, virtual) | allowed: one of them
            """)
    void badInputExitsTwoWithOneLine(String args, String option, String value, String allowed) {
        CallsCommandTest.Invocation ran = run(("philosophers " + args).split(" "));
        assertEquals(2, ran.exitCode(), ran.err());
        List<String> lines = ran.err().lines().toList();
        assertEquals(1, lines.size(), ran.err());
        assertTrue(lines.getFirst().contains(option), lines.getFirst());
        assertTrue(lines.getFirst().contains(value), lines.getFirst());
        assertTrue(lines.getFirst().contains(allowed), lines.getFirst());
        assertEquals("", ran.out());
    }

    /**
     * Missing options are described in one line of single spaces (an indented help line left "right;
     * if"); a kind by its names alone (the five strategies as --help describes them made the line 450
     * characters long).
     */
    @Test
    void missingOptionsAreDescribedWithoutTheHelpsIndents() {
        CallsCommandTest.Invocation run = run("philosophers");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("interleave philosophers: Missing required options: '--n=N', '--strategy=S';"
                + " --n: Philosophers (and forks), 2 to 12; --strategy: one of naive, ordered, trylock,"
                + " trylock-no-backoff, waiter (see"), run.err());
        assertFalse(run.err().contains("  "), run.err());
        CallsCommandTest.Invocation race = run("race", "--threads", "2");
        assertTrue(race.err().contains("--increments: Increments per thread; T x K at most 10,000,000"), race.err());
    }

    /**
     * Race's spelling of the thread kind, --threads-kind (its --threads is a count), is taken by the
     * commands whose --threads is the kind: a teacher moving from race to philosophers got "Unknown
     * option: '--threads-kind' (did you mean --think-ms?)".
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            philosophers --n 3 --strategy ordered --seconds 1 --threads-kind virtual     | virtual threads
            calls --calls 10 --concurrency 2 --max-sleep-ms 1 --threads-kind platform    | platform threads
            buffer --producers 1 --consumers 1 --capacity 4 --items 10 --threads-kind platform | platform threads
            """)
    void theThreadKindTakesRacesSpellingToo(String line, String header) {
        CallsCommandTest.Invocation run = run(line.split(" "));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().findFirst().orElseThrow().contains(header), run.out());
    }

    /**
     * A count given to --threads, as race takes it, is told that counts go elsewhere: "'4' is not a
     * thread kind" alone left a student guessing why. One line, exit 2.
     */
    @Test
    void aCountGivenForTheThreadKindSaysWhereCountsGo() {
        CallsCommandTest.Invocation ran = run("philosophers", "--n", "3", "--strategy", "naive", "--threads=4");
        assertEquals(2, ran.exitCode());
        // The counting option by name, and where to read more once ("(see --help) (see '... --help')": a review).
        assertTrue(ran.err().contains("'4' is not a thread kind; allowed: virtual, platform; a thread kind, not a count:"
                + " how many threads run is set by --n (see 'interleave philosophers --help')"), ran.err());
        assertEquals(1, ran.err().lines().count(), ran.err());
        assertTrue(run("calls", "--calls", "10", "--concurrency", "1", "--threads", "4").err()
                .contains("how many threads run is set by --concurrency (and --calls) (see"));
        assertTrue(run("buffer", "--producers", "1", "--consumers", "1", "--capacity", "1", "--items", "1",
                "--threads", "4").err().contains("how many threads run is set by --producers and --consumers (see"));
        assertTrue(run("race", "--threads", "2", "--increments", "1", "--threads-kind", "4").err()
                .contains("how many threads run is set by --threads (see"));
        CallsCommandTest.Invocation word = run("philosophers", "--n", "3", "--strategy", "naive", "--threads=green");
        assertFalse(word.err().contains("how many"), "a word is only not a kind: " + word.err());
    }

    @Test
    void missingOptionsExitTwo() {
        CallsCommandTest.Invocation ran = run("philosophers", "--n", "5");
        assertEquals(2, ran.exitCode());
        assertTrue(ran.err().contains("--strategy"), ran.err());
    }

    /** Naive deadlocks: exit 1, one JSON object with the fields in order, the whole ring as the cycle. */
    @Test
    void naiveDeadlocksAndExitsOne() {
        CallsCommandTest.Invocation ran = run("philosophers", "--n", "5", "--strategy", "naive", "--json");
        assertEquals(1, ran.exitCode(), ran.err());
        assertEquals("", ran.err());
        List<String> lines = ran.out().lines().toList();
        assertEquals(1, lines.size());
        String json = lines.getFirst();
        List<String> names = Pattern.compile("\"(\\w+)\":").matcher(json).results().map(m -> m.group(1)).toList();
        assertEquals(List.of("n", "strategy", "fair", "deadlocked", "cycle", "detectedAfterMillis", "meals", "attempts",
                "jain", "livelock", "livelockFromMillis", "livelockSpells", "livelockLongestMillis", "outcome", "threads", "thinkMs", "eatMs", "elapsedMillis",
                "starving", "eventsRecorded", "eventsDropped", "failure"),
                names);
        assertEquals("null", field(json, "eventsRecorded"), "no --trace: nothing recorded");
        assertEquals("5", field(json, "n"));
        assertEquals("\"naive\"", field(json, "strategy"));
        assertEquals("true", field(json, "deadlocked"));
        List<Long> cycle = array(json, "cycle");
        assertEquals(5, cycle.size(), json);
        for (int k = 0; k < 5; k++) {
            assertEquals(cycle.get(k) % 5 + 1, cycle.get((k + 1) % 5), "each waits for the next one's fork: " + json);
        }
        assertTrue(field(json, "detectedAfterMillis").matches("\\d+"), json);
        assertEquals("null", field(json, "livelockFromMillis"), "no livelock: " + json);
        assertEquals("0", field(json, "livelockSpells"), json);
        assertEquals("null", field(json, "livelockLongestMillis"), json);
        assertEquals(5, array(json, "meals").size());
        assertEquals("\"deadlock\"", field(json, "outcome"));
        assertEquals("\"platform\"", field(json, "threads"), "platform threads unless --threads says otherwise");
        assertEquals("null", field(json, "failure"));
        assertEquals("null", field(json, "starving"), "a deadlocked table is not judged for starvation: " + json);
    }

    /**
     * A deadlocked table is not judged for starvation, and the text says why: a naive table deadlocked
     * after 19 ms was said to starve three of its five (a concurrency expert's review).
     */
    @Test
    void aDeadlockedTableIsNotJudgedForStarvation() {
        CallsCommandTest.Invocation ran = run("philosophers", "--n", "5", "--strategy", "naive", "--think-ms", "0..0",
                "--eat-ms", "0..0");
        assertEquals(1, ran.exitCode(), ran.err());
        assertTrue(ran.out().contains("starvation     not judged: the table deadlocked, which stopped everyone"), ran.out());
    }

    /** Ordered runs its time without a deadlock: exit 0, everyone ate, the text says so. */
    @Test
    void orderedRunsItsTimeAndExitsZero() {
        CallsCommandTest.Invocation ran = run("philosophers", "--n", "3", "--strategy", "ordered", "--seconds", "1",
                "--threads", "virtual", "--fair", "--eat-ms", "0..1");
        assertEquals(0, ran.exitCode(), ran.err());
        String text = ran.out();
        assertTrue(text.startsWith("3 philosophers, ordered, fair forks, virtual threads, think 0..0 ms, eat 0..1 ms"),
                text);
        assertTrue(text.contains("deadlock       none in "), text);
        Matcher meals = Pattern.compile("meals +P1 ([\\d,]+), P2 ([\\d,]+), P3 ([\\d,]+)").matcher(text);
        assertTrue(meals.find(), text);
        for (int p = 1; p <= 3; p++) {
            assertTrue(Long.parseLong(meals.group(p).replace(",", "")) > 0, "P" + p + " ate: " + text);
        }
        assertTrue(text.contains("fairness       Jain's index "), text);
        assertTrue(text.endsWith("outcome        ok\n"), text);
    }

    /** Starving is a warning, and the line says so beside "outcome ok" and exit 0. */
    @Test
    void starvationIsSaidToBeAWarning() {
        assertEquals("none", PhilosophersCommand.starvation(List.of()));
        assertEquals("P1, P3 (a warning, as in the window: the outcome and exit code count deadlock and livelock only)",
                PhilosophersCommand.starvation(List.of(0, 2)));
    }

    /**
     * Too few meals for the starvation rule: "not judged", not "none" (a learner read "none" beside
     * meals P1 0, P2 0, P3 0, P4 20, P5 0 as nobody starving), and null in the JSON, not [].
     */
    @Test
    void tooFewMealsAreNotJudgedForStarvation() {
        PhilosophersResult result = new PhilosophersResult(PhilosophersSettings.of(5, Strategy.NAIVE), Outcome.COMPLETED,
                null, 3_000_000_000L, null, List.of(0L, 0L, 0L, 20L, 0L), List.of(1L, 1L, 1L, 21L, 1L), false, -1, 0, 0);
        String text = new PhilosophersCommand().text(result);
        assertTrue(text.contains("starvation     not judged: the rule waits for 10 meals per philosopher on average,"
                + " and the table ate 20 meals\n"), text);
        assertTrue(PhilosophersJson.of(result).contains("\"starving\":null"), PhilosophersJson.of(result));
        PhilosophersResult judged = new PhilosophersResult(PhilosophersSettings.of(3, Strategy.NAIVE), Outcome.COMPLETED,
                null, 3_000_000_000L, null, List.of(0L, 20L, 20L), List.of(1L, 21L, 21L), false, -1, 0, 0);
        assertTrue(new PhilosophersCommand().text(judged).contains("starvation     P1 (a warning"),
                new PhilosophersCommand().text(judged));
        assertTrue(PhilosophersJson.of(judged).contains("\"starving\":[1]"), PhilosophersJson.of(judged));
    }

    /**
     * A livelock's figures as the window's banner gives them: its spells and the longest stretch with
     * no meal ("Livelocked in spells: 72 of them, the longest 2,067 ms"), where the command line gave
     * only when the first began (a teacher's handout could not give the window's figures).
     */
    @Test
    void aLivelockIsToldInItsSpells() {
        PhilosophersResult spells = new PhilosophersResult(PhilosophersSettings.of(5, Strategy.TRYLOCK_NO_BACKOFF),
                Outcome.COMPLETED, null, 3_000_000_000L, null, List.of(9L, 9L, 9L, 9L, 9L),
                List.of(90L, 90L, 90L, 90L, 90L), true, 616_400_000L, 72, 2_067_900_000L);
        String text = new PhilosophersCommand().text(spells);
        assertTrue(text.contains("livelock       yes, first at 616 ms: 72 spells, the longest 2,067 ms with no meal"
                + " while every philosopher kept giving its fork back; meals came between them\n"), text);
        String json = PhilosophersJson.of(spells);
        assertEquals("616", field(json, "livelockFromMillis"), json);
        assertEquals("72", field(json, "livelockSpells"), json);
        assertEquals("2067", field(json, "livelockLongestMillis"), json);
        PhilosophersResult one = new PhilosophersResult(PhilosophersSettings.of(5, Strategy.TRYLOCK_NO_BACKOFF),
                Outcome.COMPLETED, null, 3_000_000_000L, null, List.of(9L, 9L, 9L, 9L, 9L),
                List.of(90L, 90L, 90L, 90L, 90L), true, 616_400_000L, 1, 450_000_000L);
        assertTrue(new PhilosophersCommand().text(one).contains("livelock       yes, at 616 ms: one spell, 450 ms with"
                + " no meal while every philosopher kept giving its fork back\n"), new PhilosophersCommand().text(one));
    }

    /** The text of a deadlock names the circle in arrows and in words. */
    @Test
    void theTextNamesTheCircle() {
        CallsCommandTest.Invocation ran = run("philosophers", "--n", "2", "--strategy", "naive");
        assertEquals(1, ran.exitCode(), ran.err());
        assertTrue(Pattern.compile("deadlock       after [\\d,]+ ms: P(\\d) → F\\d → P\\d → F\\d → P\\1").matcher(ran.out())
                .find(), ran.out());
        assertTrue(ran.out().contains("waits for F"), ran.out());
    }

    private static List<Long> array(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\[([^]]*)]").matcher(json);
        assertTrue(m.find(), name + " missing in " + json);
        return m.group(1).isEmpty() ? List.of()
                : Pattern.compile(",").splitAsStream(m.group(1)).map(Long::parseLong).toList();
    }

    /** --trace writes the deadlocked run as a Chrome trace with a track per philosopher and the deadlock on one. */
    @Test
    void traceWritesTheRun(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.json");
        CallsCommandTest.Invocation ran = run("philosophers", "--n", "3", "--strategy", "naive", "--trace",
                file.toString());
        assertEquals(1, ran.exitCode(), ran.err());
        String json = Files.readString(file);
        assertTrue(json.startsWith("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[") && json.endsWith("]}"), json);
        for (int p = 1; p <= 3; p++) {
            assertTrue(json.contains("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":" + p
                    + ",\"args\":{\"name\":\"P" + p + "\"}}"), "track P" + p);
        }
        assertEquals(1, json.split("\"name\":\"deadlock\"", -1).length - 1, "one deadlock");
        // The figures say what the trace holds, as the buffer's do: a long run's keeps only the newest events.
        assertTrue(Pattern.compile("(?m)^events         [\\d,]+ recorded, [\\d,]+ kept \\(24 bytes each\\), 0 dropped$")
                .matcher(ran.out()).find(), ran.out());
        // And in the JSON, as the buffer's has them (it had none: a tryout).
        String figures = run("philosophers", "--n", "3", "--strategy", "naive", "--trace", file.toString(), "--json")
                .out();
        assertTrue(Long.parseLong(field(figures, "eventsRecorded")) >= 3, figures); // each philosopher's first fork
        assertEquals("0", field(figures, "eventsDropped"), figures);
    }

    /** A trace file that cannot be written is a bad argument, said in one line before anything runs. */
    @Test
    void unwritableTraceExitsTwo(@org.junit.jupiter.api.io.TempDir Path dir) {
        String path = dir.resolve("no/such/folder/run.json").toString();
        CallsCommandTest.Invocation ran = run("philosophers", "--n", "3", "--strategy", "naive", "--trace", path);
        assertEquals(2, ran.exitCode(), ran.err());
        assertEquals(1, ran.err().lines().count(), ran.err());
        assertTrue(ran.err().contains("--trace") && ran.err().contains(path), ran.err());
        assertEquals("", ran.out(), "nothing ran");
    }
}
