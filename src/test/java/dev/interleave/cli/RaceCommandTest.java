package dev.interleave.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.interleave.engine.race.LabMeasure;
import dev.interleave.engine.race.LabResult;
import dev.interleave.engine.race.LabSettings;
import dev.interleave.engine.race.LabSnapshot;
import dev.interleave.engine.race.RaceJson;
import dev.interleave.engine.race.RaceResult;
import dev.interleave.engine.race.RaceSettings;
import dev.interleave.engine.race.RaceStrategy;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code interleave race} through the real Main. */
@Timeout(120)
class RaceCommandTest {

    /** A safe strategy exits 0 with exact totals, and --json carries the fields scripts read. */
    @Test
    void safeStrategyExitsZeroWithExactTotals() {
        CallsCommandTest.Invocation run = CallsCommandTest.run("race", "--threads", "4", "--increments", "100000",
                "--strategy", "adder", "--repeat", "3", "--json");
        assertEquals(0, run.exitCode(), run.err());
        String json = run.out().strip();
        for (String field : new String[] {"\"threads\":4", "\"increments\":100000", "\"strategy\":\"adder\"",
                "\"expected\":400000", "\"totals\":[400000,400000,400000]", "\"lost\":[0,0,0]", "\"opsPerSecond\":",
                "\"runOpsPerSecond\":[", "\"casRetries\":0", "\"outcome\":\"ok\"", "\"failure\":null"}) {
            assertTrue(json.contains(field), field + " missing from " + json);
        }
    }

    /** One thread is "1 thread", as one increment is "1 increment" ("1 threads x 1,000 increments"). */
    @Test
    void oneThreadIsSaidInTheSingular() {
        CallsCommandTest.Invocation run = CallsCommandTest.run("race", "--threads", "1", "--increments", "1000",
                "--strategy", "racy");
        assertTrue(run.out().startsWith("1 thread x 1,000 increments, racy"), run.out());
        CallsCommandTest.Invocation measured = CallsCommandTest.run("race", "--threads", "2", "--increments", "1",
                "--measure", "lost-updates", "--repeat", "1");
        assertTrue(measured.out().startsWith("lost-updates: every strategy, 1 run of 2 threads x 1 increment each"),
                measured.out());
    }

    /**
     * The racy strategy demonstrates the race: within 10 invocations of 20 runs of 4 x 2,500,000
     * one exits 1 and names the lost updates.
     */
    @Test
    void racyStrategyExitsOneWhenUpdatesAreLost() {
        for (int attempt = 0; attempt < 10; attempt++) {
            CallsCommandTest.Invocation run = CallsCommandTest.run("race", "--threads", "4", "--increments",
                    "2500000", "--strategy", "racy", "--repeat", "20");
            if (run.exitCode() == 1) {
                assertTrue(run.out().contains("LOST UPDATES"), run.out());
                return;
            }
            assertEquals(0, run.exitCode(), run.err());
        }
        throw new AssertionError("10 x 20 racy runs lost no update");
    }

    /**
     * A racy strategy that happened to lose nothing does not say "OK" (a student who ran volatile once
     * read it as "volatile is enough"); a run that lost exactly one thread's increments says why.
     */
    @Test
    void aRacyRunThatLostNothingIsLuckyNotOk() {
        RaceSettings volatile8 = new RaceSettings(8, 1_000_000, RaceStrategy.VOLATILE, ThreadKind.PLATFORM, false, 1);
        String lucky = RaceCommand.text(new RaceResult(volatile8, Outcome.COMPLETED, null, List.of(8_000_000L),
                List.of(1_000_000L), 0));
        assertTrue(lucky.contains("every increment counted, by luck: volatile loses updates when threads interleave;"
                + " run it again, with more runs (--repeat) or more threads"), lucky);
        assertFalse(lucky.contains("OK"), lucky);
        RaceSettings alone = new RaceSettings(1, 1_000_000, RaceStrategy.RACY, ThreadKind.PLATFORM, false, 1);
        assertTrue(RaceCommand.text(new RaceResult(alone, Outcome.COMPLETED, null, List.of(1_000_000L),
                List.of(1_000_000L), 0)).contains("one thread has nobody to race with"));
        RaceSettings atomic = new RaceSettings(8, 1_000_000, RaceStrategy.ATOMIC, ThreadKind.PLATFORM, false, 1);
        assertTrue(RaceCommand.text(new RaceResult(atomic, Outcome.COMPLETED, null, List.of(8_000_000L),
                List.of(1_000_000L), 0)).contains("OK: every increment counted"));
        RaceSettings racy4 = new RaceSettings(4, 250_000, RaceStrategy.RACY, ThreadKind.PLATFORM, false, 3);
        String whole = RaceCommand.text(new RaceResult(racy4, Outcome.COMPLETED, null,
                List.of(1_000_000L, 750_000L, 990_000L), List.of(1_000_000L, 1_000_000L, 1_000_000L), 0));
        assertTrue(whole.contains("why exactly    run 2 lost exactly 250,000, as many as one thread makes: a thread read"
                + " the count and was descheduled before writing it back; meanwhile the others made that many"
                + " increments, and its late write undid them all (the scheduler's doing, not the compiler's: each"
                + " count++ here reads and writes memory)"), whole);
    }

    /**
     * Repeated, each run's rate is summed up by its median and range, and a wide range is said to be
     * noise; one run says it is one, warm-up included (a tryout ranked lock and synchronized the other
     * way round from the window on one run each).
     */
    @Test
    void repeatedRunsGiveTheirMedianAndRange() {
        RaceSettings lock3 = new RaceSettings(8, 1_000_000, RaceStrategy.LOCK, ThreadKind.PLATFORM, false, 3);
        String three = RaceCommand.text(new RaceResult(lock3, Outcome.COMPLETED, null,
                List.of(8_000_000L, 8_000_000L, 8_000_000L), List.of(400_000_000L, 200_000_000L, 100_000_000L), 0));
        assertTrue(three.contains("per run        median 40,000,000, slowest 20,000,000, fastest 80,000,000 (4.0x apart,"
                + " one strategy: the first run's JIT warm-up, this machine's noise, and the JIT's own loop for one"
                + " counter, which can merge racy's increments or widen a lock over many; to compare strategies, race"
                + " --measure throughput runs them all through one call)"), three);
        String two = RaceCommand.text(new RaceResult(lock3.withRepeat(2), Outcome.COMPLETED, null,
                List.of(8_000_000L, 8_000_000L), List.of(100_000_000L, 80_000_000L), 0));
        assertTrue(two.contains("per run        median 90,000,000, slowest 80,000,000, fastest 100,000,000"), two);
        assertFalse(two.contains("apart"), "1.25x apart is not said: " + two);
        RaceSettings lock1 = lock3.withRepeat(1);
        String one = RaceCommand.text(new RaceResult(lock1, Outcome.COMPLETED, null, List.of(8_000_000L),
                List.of(100_000_000L), 0));
        assertTrue(one.contains("increments/s   80,000,000 (one run, the JIT's warm-up in it; --repeat gives a"
                + " median and a range)"), one);
        assertFalse(one.contains("per run        median"), one);
    }

    /**
     * Repeated, the rate and the CAS retries say they are of all the runs together: a teacher compared
     * the line with the window's medians. One run says neither.
     */
    @Test
    void repeatedRunsFiguresSayTheyAreOfAllTheRuns() {
        CallsCommandTest.Invocation three = CallsCommandTest.run("race", "--threads", "2", "--increments", "1000",
                "--strategy", "cas", "--repeat", "3");
        assertEquals(0, three.exitCode(), three.err());
        assertTrue(three.out().contains(" (the 3 runs together: their increments over their time)"), three.out());
        assertTrue(three.out().matches("(?s).*cas retries +[0-9,]+ in all.*"), three.out());
        CallsCommandTest.Invocation one = CallsCommandTest.run("race", "--threads", "2", "--increments", "1000",
                "--strategy", "cas");
        assertFalse(one.out().contains("together") || one.out().contains("in all"), one.out());
        // Only the compare-and-set loop has retries to count: "cas retries 0" under adder read as a finding.
        CallsCommandTest.Invocation adder = CallsCommandTest.run("race", "--threads", "2", "--increments", "1000",
                "--strategy", "adder");
        assertEquals(0, adder.exitCode(), adder.err());
        assertFalse(adder.out().contains("cas retries"), adder.out());
        assertTrue(one.out().contains("cas retries"), one.out());
    }

    /** Bad input exits 2 with one line naming what is wrong and what is allowed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            race --threads 0 --increments 10 --strategy atomic            | allowed: 1 to 64
            race --threads 65 --increments 10 --strategy atomic           | allowed: 1 to 64
            race --threads virtual --increments 10 --strategy atomic      | race takes it as --threads-kind virtual
            race --threads 64 --increments 1000000 --strategy atomic      | allowed: T x K from 1 to 10,000,000
            race --threads 2 --increments 10 --strategy fast              | allowed: racy, volatile, synchronized
            race --threads 2 --increments 10 --strategy atomic --repeat 0 | allowed: 1 to 1,000
            race --threads 2 --increments 10                              | --strategy
            race --threads 2 --increments 10 --strategy atomic --fair     | only the lock strategy has a lock
            race --threads 2 --increments 10 --measure fastest            | allowed: lost-updates, throughput, false-sharing
            race --threads 2 --increments 10 --strategy cas --measure throughput | do not go together
            race --threads 2 --increments 10 --measure false-sharing --fair | no lock
            race --threads 64 --increments 1000000 --measure lost-updates | allowed: T x K from 1 to 10,000,000
            """)
    void badInputExitsTwoWithOneLine(String line, String expected) {
        CallsCommandTest.Invocation run = CallsCommandTest.run(line.strip().split("\\s+"));
        assertEquals(2, run.exitCode(), run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(expected), run.err());
    }
    /**
     * --measure makes the window's Full speed measurement from a shell: every strategy, each row
     * said as the window says it; the JSON is the window's export of the same measurement; the
     * exit is 0 while every safe strategy counted every increment, racy ones losing as they do.
     */
    @Test
    void aMeasurementOfEveryStrategyPrintsTheWindowsFigures() {
        CallsCommandTest.Invocation lost = CallsCommandTest.run("race", "--threads", "4", "--increments", "20000",
                "--measure", "lost-updates", "--repeat", "3");
        assertEquals(0, lost.exitCode(), lost.err());
        List<String> lines = lost.out().lines().toList();
        assertEquals("lost-updates: every strategy, 3 runs of 4 threads x 20,000 increments each, platform threads",
                lines.getFirst());
        for (RaceStrategy strategy : RaceStrategy.values()) {
            String row = lines.stream().filter(line -> line.startsWith(String.format("%-14s ", strategy.label())))
                    .findFirst().orElseThrow(() -> new AssertionError(strategy + " has no row: " + lost.out()));
            assertTrue(strategy.isSafe() ? row.contains("✔ 0 lost in each of 3 runs")
                    : row.matches(".*(✘ lost in [1-3] of 3 runs|· 0 lost in each of 3 runs).*"), row);
        }
        CallsCommandTest.Invocation json = CallsCommandTest.run("race", "--threads", "2", "--increments", "1000",
                "--measure", "throughput", "--repeat", "1", "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().startsWith("{\"measure\":\"throughput\",\"threads\":2,\"increments\":1000,"), json.out());
        // 7 thread counts x 9 strategies, one run each.
        assertEquals(7 * RaceStrategy.values().length, json.out().split("\"strategy\":", -1).length - 1, json.out());
        // More runs than a point takes: "repeat" gives those made, 3 of each, not the 10 asked ("repeat":10
        // over 189 runs, an engineer's tryout).
        CallsCommandTest.Invocation capped = CallsCommandTest.run("race", "--threads", "2", "--increments", "64",
                "--measure", "throughput", "--repeat", "10", "--json");
        assertEquals(0, capped.exitCode(), capped.err());
        assertTrue(capped.out().contains(",\"repeat\":3,"), capped.out());
        assertEquals(3 * 7 * RaceStrategy.values().length, capped.out().split("\"strategy\":", -1).length - 1);
        CallsCommandTest.Invocation table = CallsCommandTest.run("race", "--threads", "2", "--increments", "1000",
                "--measure", "throughput", "--repeat", "1");
        assertTrue(table.out().lines().anyMatch(line -> line.matches("cas failed, %( +\\S+){7}")), table.out());
        // The shell's words, not the window's: its option, no pointer to point with.
        assertTrue(table.out().contains("One run of each point, as asked: nothing tells a difference between numbers from this machine's noise. With 2 runs or more (--repeat sets it)"), table.out());
        assertFalse(table.out().contains("Runs sets it") || table.out().contains("Point at"), table.out());
        CallsCommandTest.Invocation layouts = CallsCommandTest.run("race", "--threads", "2", "--increments", "10000",
                "--measure", "false-sharing", "--repeat", "1");
        assertEquals(0, layouts.exitCode(), layouts.err());
        assertTrue(layouts.out().contains("Padded runs ") && layouts.out().contains("× the packed speed"), layouts.out());
        assertFalse(layouts.out().contains("with one thread"), layouts.out());
        // One thread shares no cache line: its ratio is noise, and the verdict says so (a tryout).
        CallsCommandTest.Invocation alone = CallsCommandTest.run("race", "--threads", "1", "--increments", "10000",
                "--measure", "false-sharing", "--repeat", "1");
        assertEquals(0, alone.exitCode(), alone.err());
        assertTrue(alone.out().contains("but with one thread no cache line is shared, so nothing here is false sharing")
                && !alone.out().contains("only the layout differs"), alone.out());
    }

    /**
     * A stopped measure says what it did not run and how many runs its figures are of (a tryout of
     * the command line): the strategies not reached had no row under "every strategy"; a throughput
     * measure of 3 runs stopped after one of each said "One run of each point, as asked" and to set
     * --repeat; a false-sharing measure of 200 runs stopped said "200 runs each" alone.
     */
    @Test
    void aStoppedMeasureSaysWhatItRan() {
        RaceSettings racy = new RaceSettings(4, 20_000, RaceStrategy.RACY, ThreadKind.PLATFORM, false, 3);
        RaceResult racyRuns = new RaceResult(racy, Outcome.COMPLETED, null, List.of(60_000L, 61_000L, 60_500L),
                List.of(1_000_000L, 1_000_000L, 1_000_000L), 0);
        String lost = RaceCommand.text(new LabResult(new LabSettings(LabMeasure.LOST_UPDATES, 4, 20_000, 3,
                ThreadKind.PLATFORM, false), Outcome.STOPPED, null, List.of(racyRuns)));
        assertTrue(lost.contains("\nracy           ✘ lost in 3 of 3 runs"), lost);
        assertTrue(lost.contains("\natomic         none: the measure was stopped before a run of it ended"), lost);
        assertEquals(8, lost.lines().filter(line -> line.endsWith("none: the measure was stopped before a run of it"
                + " ended")).count(), lost);

        List<RaceResult> firstRound = List.of(one(RaceStrategy.CAS, 4, 1_000_000), one(RaceStrategy.LOCK, 4, 3_000_000));
        String throughput = RaceCommand.text(new LabResult(new LabSettings(LabMeasure.THROUGHPUT, 4, 1_000_000, 3,
                ThreadKind.PLATFORM, false), Outcome.STOPPED, null, firstRound));
        assertTrue(throughput.contains("One run of each point so far") && !throughput.contains("as asked"), throughput);
        String asked = RaceCommand.text(new LabResult(new LabSettings(LabMeasure.THROUGHPUT, 4, 1_000_000, 1,
                ThreadKind.PLATFORM, false), Outcome.COMPLETED, null, firstRound));
        assertTrue(asked.contains("One run of each point, as asked"), asked);
        assertTrue(asked.contains("4,000,000 increments in all at each count (split over its threads, rounded down),"),
                asked);
        // Fewer than 64 in all: 64 threads make one each, more than the total (a review read "40 in all").
        String few = RaceCommand.text(new LabResult(new LabSettings(LabMeasure.THROUGHPUT, 4, 10, 1,
                ThreadKind.PLATFORM, false), Outcome.COMPLETED, null, firstRound));
        assertTrue(few.contains("40 increments in all at each count (split over its threads, rounded down, at least 1"
                + " each),"), few);

        String sharing = RaceCommand.text(new LabResult(new LabSettings(LabMeasure.FALSE_SHARING, 4, 1_000_000, 200,
                ThreadKind.PLATFORM, false), Outcome.STOPPED, null, List.of(one(RaceStrategy.PACKED, 4, 9_000_000),
                one(RaceStrategy.STRIPED, 4, 2_000_000), one(RaceStrategy.PACKED, 4, 8_000_000))));
        assertTrue(sharing.lines().anyMatch(line -> line.startsWith("packed") && line.endsWith("(2 runs made)")), sharing);
        assertTrue(sharing.lines().anyMatch(line -> line.startsWith("padded") && line.endsWith("(1 run made)")), sharing);
    }

    /** One run of {@code strategy} on {@code threads} threads, 1,000,000 increments in all, taking {@code nanos}. */
    private static RaceResult one(RaceStrategy strategy, int threads, long nanos) {
        RaceSettings settings = new RaceSettings(threads, 1_000_000 / threads, strategy, ThreadKind.PLATFORM, false, 1);
        return new RaceResult(settings, Outcome.COMPLETED, null, List.of(1_000_000L), List.of(nanos), 0);
    }

    /** The progress line counts a lost-updates measure's strategies and the runs of the one going on. */
    @Test
    void aMeasurementsProgressLineSaysWhereItIs() {
        LabSettings settings = new LabSettings(LabMeasure.LOST_UPDATES, 4, 20_000, 10, ThreadKind.PLATFORM, false);
        RaceSettings going = new RaceSettings(4, 20_000, RaceStrategy.VOLATILE, ThreadKind.PLATFORM, false, 10);
        RaceSettings racy = new RaceSettings(4, 20_000, RaceStrategy.RACY, ThreadKind.PLATFORM, false, 10);
        RaceResult done = new RaceResult(racy, Outcome.COMPLETED, null, List.of(80_000L), List.of(1_000_000L), 0);
        assertEquals("lost-updates: 1 of 9 strategies done, now volatile, 4 threads x 20,000, run 3 of 10, 1.5 s",
                RaceCommand.progressLine(new LabSnapshot(RunState.RUNNING, settings, 9, List.of(done), going, false, 0,
                        2, 1_500_000_000L, null)));
        assertEquals("lost-updates: 1 of 9 strategies done, 1.5 s", RaceCommand.progressLine(new LabSnapshot(
                RunState.RUNNING, settings, 9, List.of(done), null, false, 0, 0, 1_500_000_000L, null)),
                "between runs: no run going on, no empty clause");
    }

    /**
     * Past the first 20 runs, every run that lost updates is still named: "LOST UPDATES in 3 of 30
     * runs" stood over a list that showed two of them (a tryout). A run stopped before its first
     * finished has no rate: "none", and null in JSON, not 0.
     */
    @Test
    void laterLossesAreNamedAndNoRunHasNoRate() {
        RaceSettings thirty = new RaceSettings(2, 1_000, RaceStrategy.RACY, ThreadKind.PLATFORM, false, 30);
        List<Long> totals = new ArrayList<>(Collections.nCopies(30, 2_000L));
        totals.set(3, 1_990L);
        totals.set(26, 1_500L);
        String text = RaceCommand.text(new RaceResult(thirty, Outcome.COMPLETED, null, totals,
                Collections.nCopies(30, 1_000_000L), 0));
        assertTrue(text.contains("LOST UPDATES in 2 of 30 runs"), text);
        assertTrue(text.contains(" ... (30 runs) and run 27: 500   LOST"), text);
        // Many later losses: five named, then how many more (1,000 runs named about 180 on one line).
        RaceSettings many = new RaceSettings(2, 1_000, RaceStrategy.RACY, ThreadKind.PLATFORM, false, 1_000);
        String manyText = RaceCommand.text(new RaceResult(many, Outcome.COMPLETED, null,
                Collections.nCopies(1_000, 1_990L), Collections.nCopies(1_000, 1_000_000L), 0));
        assertTrue(manyText.contains(" ... (1,000 runs) and run 21: 10, run 22: 10, run 23: 10, run 24: 10, run 25: 10,"
                + " and 975 more runs that lost updates (--json lists every run)"), manyText);
        RaceSettings once = new RaceSettings(2, 1_000, RaceStrategy.RACY, ThreadKind.PLATFORM, false, 1);
        String one = RaceCommand.text(new RaceResult(once, Outcome.COMPLETED, null, List.of(1_999L), List.of(1_000L), 0));
        assertTrue(one.contains("LOST UPDATES in 1 of 1 run\n") || one.contains("LOST UPDATES in 1 of 1 run\r"), one);

        RaceResult none = new RaceResult(thirty, Outcome.STOPPED, null, List.of(), List.of(), 0);
        assertTrue(RaceCommand.text(none).contains("increments/s   none: no run finished"), RaceCommand.text(none));
        // Its totals and losses say so too: they stood empty, "totals" and "lost ... STOPPED" (an expert's audit).
        assertTrue(RaceCommand.text(none).contains("totals         none: no run finished\n"
                + "lost           none counted   STOPPED"), RaceCommand.text(none));
        assertTrue(RaceJson.of(none).contains("\"opsPerSecond\":null"),
                RaceJson.of(none));
    }
}
