package dev.interleave.engine.calls;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;
import dev.interleave.engine.run.ThreadSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** What the run counts about its calls besides the sum: running and parked, durations against sleeps, memory. */
@Timeout(120)
class CallInstrumentationTest {

    /**
     * What the sampler saw of one run: the most running in any snapshot, and the snapshot with the
     * most calls parked (once the first burst of starts has mounted and gone to sleep).
     */
    private record Watched(long mostRunning, long parkedAtFullest, long inFlightAtFullest, CallResult result,
                           CallSnapshot end) {
    }

    /** Snapshots the run as often as it can until it ends. */
    private static Watched watch(CallRunner runner) throws InterruptedException {
        long mostRunning = 0;
        long fullest = -1;
        long parkedAtFullest = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (runner.state() != RunState.IDLE) {
            CallSnapshot now = runner.snapshot();
            mostRunning = Math.max(mostRunning, now.running());
            assertTrue(now.running() >= 0 && now.parked() >= 0, now.toString());
            if (now.parked() > parkedAtFullest) {
                fullest = now.inFlight();
                parkedAtFullest = now.parked();
            }
            if (System.nanoTime() > deadline) {
                fail("the run did not end in 60 s");
            }
            Thread.sleep(1);
        }
        CallResult result = runner.await();
        return new Watched(mostRunning, parkedAtFullest, fullest, result, runner.snapshot());
    }

    /**
     * 1,000 calls on 1,000 virtual threads with sleeps up to 2 s: at the fullest moment nearly all
     * are parked, and running (mounted) never exceeds the carrier threads.
     */
    @Test
    void virtualCallsAreNearlyAllParkedAndRunningNeverExceedsTheCarriers() throws InterruptedException {
        CallRunner runner = new CallRunner();
        runner.start(CallSettings.of(1_000, 1_000).withMaxSleepMillis(2_000));
        Watched seen = watch(runner);

        assertTrue(seen.result().ok());
        assertTrue(seen.inFlightAtFullest() >= 900, "in flight at most " + seen.inFlightAtFullest());
        assertTrue(seen.parkedAtFullest() >= 0.95 * seen.inFlightAtFullest(),
                seen.parkedAtFullest() + " parked of " + seen.inFlightAtFullest() + " in flight");
        int carriers = CallRunner.carrierThreads();
        assertTrue(seen.mostRunning() <= carriers, seen.mostRunning() + " running on " + carriers + " carriers");
        assertEquals(0, seen.end().running());
        assertEquals(0, seen.end().parked());
    }

    /**
     * The planted bug (a sleeping call still counted as running) breaks the claim above: the same
     * run then shows hundreds "running" on a few carriers, so the test above can fail.
     */
    @Test
    void sleepCountedAsRunningBreaksTheCarrierBound() throws InterruptedException {
        CallRunner runner = new CallRunner(Sleeper.REAL, value -> { }, ThreadSource.REAL, true);
        runner.start(CallSettings.of(1_000, 1_000).withMaxSleepMillis(2_000));
        Watched seen = watch(runner);

        assertTrue(seen.mostRunning() > CallRunner.carrierThreads(), "planted bug not seen: most running "
                + seen.mostRunning());
        assertTrue(seen.parkedAtFullest() == 0);
    }

    /**
     * The racy counter yields between its read and its write: the yielding call is unmounted and
     * waits for a carrier, so it is not running then. Without that (the planted bug, which counts an
     * unmounted call as running) thousands showed as "running" on two carriers.
     */
    @Test
    void aCallTheRacyCounterUnmountsIsNotRunning() throws InterruptedException {
        CallSettings racy = CallSettings.of(20_000, 20_000).withMaxSleepMillis(20).withCounter(CounterKind.RACY);
        CallRunner runner = new CallRunner();
        runner.start(racy);
        Watched seen = watch(runner);
        int carriers = CallRunner.carrierThreads();
        assertTrue(seen.mostRunning() <= carriers, seen.mostRunning() + " running on " + carriers + " carriers");

        CallRunner planted = new CallRunner(Sleeper.REAL, value -> { }, ThreadSource.REAL, true);
        planted.start(racy);
        assertTrue(watch(planted).mostRunning() > carriers, "the planted bug shows more running than carriers");
    }

    /**
     * A call waiting for the counter's lock is not running: with the synchronized counter's monitor
     * (or the lock counter's lock) held here, the calls pile up at it, each virtual thread off its
     * carrier, and running stays within the carriers while the calls are counted at the lock. The
     * planted bug counts them running: a teacher saw "3,325 running, mounted on one of 2 carrier
     * threads" in a synchronized run, whose monitor's holder had lost its core for a moment.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = CounterKind.class, names = {"SYNCHRONIZED", "LOCK"})
    void aCallWaitingForTheCountersLockIsNotRunning(CounterKind kind) throws Exception {
        int carriers = CallRunner.carrierThreads();
        CallSnapshot held = heldAtTheLock(new CallRunner(Sleeper.NONE), kind);
        assertTrue(held.running() <= carriers, held.running() + " running on " + carriers + " carriers");
        assertTrue(held.atLock() >= AT_LOCK_WANTED, "at the lock: " + held.atLock() + " of " + held.inFlight() + " in flight");

        CallSnapshot planted = heldAtTheLock(new CallRunner(Sleeper.NONE, value -> { }, ThreadSource.REAL, true), kind);
        assertTrue(planted.running() > carriers, "the planted bug shows " + planted.running() + " running");
    }

    /** The calls of a run whose counter's lock the test holds. */
    private static final int CALLS = 2_000;
    /** How many of them the test waits for at the lock (or, the planted bug, running). */
    private static final int AT_LOCK_WANTED = 1_000;

    /**
     * A run of {@link #CALLS} calls, each on its own virtual thread, snapshotted with its counter's
     * lock held here. The run starts paused, so that no call reads the counter before the test holds
     * its lock, and resumes under it: started running, on a busy CI machine 1,005 of 2,000 calls (and
     * once all 4,000 of 4,000, in 8.5 ms) had finished before the test took the lock.
     */
    private static CallSnapshot heldAtTheLock(CallRunner runner, CounterKind kind) throws Exception {
        runner.startPaused(CallSettings.of(CALLS, CALLS).withCounter(kind));
        Counter counter = runner.counter();
        Callable<CallSnapshot> whileHeld = () -> {
            runner.resume();
            // Until a thousand calls are at the lock: counted there, or (the planted bug) as running.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            CallSnapshot now = runner.snapshot();
            while (now.atLock() + now.running() < AT_LOCK_WANTED && System.nanoTime() < deadline) {
                Thread.sleep(5);
                now = runner.snapshot();
            }
            return now;
        };
        CallSnapshot seen;
        if (counter instanceof CounterKind.LockCounter lockCounter) {
            lockCounter.lock.lock();
            try {
                seen = whileHeld.call();
            } finally {
                lockCounter.lock.unlock();
            }
        } else {
            synchronized (counter) {
                seen = whileHeld.call();
            }
        }
        assertTrue(runner.await().ok());
        assertTrue(seen.inFlight() >= AT_LOCK_WANTED, "the calls piled up: " + seen);
        return seen;
    }

    /**
     * Platform threads: nearly all parked too; running is not bounded by the cores there (the OS
     * time-slices runnable threads), so only the parked share is checked.
     */
    @Test
    void platformCallsAreNearlyAllParked() throws InterruptedException {
        CallRunner runner = new CallRunner();
        runner.start(CallSettings.of(1_000, 1_000).withMaxSleepMillis(2_000).withThreads(ThreadKind.PLATFORM));
        Watched seen = watch(runner);

        assertTrue(seen.result().ok());
        assertTrue(seen.inFlightAtFullest() >= 300, "in flight at most " + seen.inFlightAtFullest());
        assertTrue(seen.parkedAtFullest() >= 0.9 * seen.inFlightAtFullest(),
                seen.parkedAtFullest() + " parked of " + seen.inFlightAtFullest() + " in flight");
    }

    /**
     * Both histograms count every call exactly once, and the sleeps histogram is exactly the plan's
     * draws for the calls 1..n (binned here independently); a million calls, no real sleeping.
     */
    @Test
    void histogramsCountEveryCallAndTheSleepsAreThePlans() throws InterruptedException {
        int calls = 1_000_000;
        CallSettings settings = CallSettings.of(calls, 1_000).withMaxSleepMillis(1_000).withSeed(7);
        CallRunner runner = new CallRunner(Sleeper.NONE);
        runner.start(settings);
        CallResult result = runner.await();
        assertTrue(result.ok());

        CallHistogram histogram = result.histogram();
        SleepPlan plan = new SleepPlan(settings.seed(), settings.maxSleepMillis());
        long[] expected = new long[CallHistogram.BINS];
        long expectedSleepMicros = 0;
        for (int call = 1; call <= calls; call++) {
            int sleep = plan.sleepMillisFor(call);
            expected[(int) Math.min(CallHistogram.BINS - 1, sleep * 1_000L / histogram.binMicros())]++;
            expectedSleepMicros += sleep * 1_000L;
        }
        assertEquals(50_000, histogram.binMicros(), "bins of 50 ms for sleeps up to 1 s");
        assertEquals(Arrays.stream(expected).boxed().toList(), histogram.sleepCounts());
        assertEquals(calls, histogram.calls());
        assertEquals(calls, histogram.durationCounts().stream().mapToLong(Long::longValue).sum());
        assertEquals(expectedSleepMicros / 1e3 / calls, histogram.meanSleepMillis(), 1e-9);
        // Nobody slept: every duration is overhead only, far below the first bin's 50 ms.
        assertTrue(histogram.durations(0) > 0.99 * calls, histogram.durationCounts().toString());
    }

    /**
     * A racy counter hands some values out twice and others never; the sleeps do not follow: they are
     * the plan's draws for calls 1..n, as with a safe counter, so one seed gives one set of sleeps
     * (keyed by the value read, a hundred calls reading one value drew one sleep, and no two racy
     * runs drew the same).
     */
    @Test
    void aRacyRunsSleepsAreThePlansToo() throws InterruptedException {
        int calls = 200_000;
        CallSettings settings = CallSettings.of(calls, 8).withCounter(CounterKind.RACY).withMaxSleepMillis(1_000)
                .withSeed(11);
        SleepPlan plan = new SleepPlan(settings.seed(), settings.maxSleepMillis());
        for (int attempt = 1; ; attempt++) {
            CallRunner runner = new CallRunner(Sleeper.NONE);
            runner.start(settings);
            CallResult result = runner.await();
            assertEquals(calls, result.callsCompleted());
            if (result.duplicates() == 0) {
                assertTrue(attempt < 20, "20 racy runs handed out no value twice");
                continue;
            }
            CallHistogram histogram = result.histogram();
            long[] expected = new long[CallHistogram.BINS];
            for (int call = 1; call <= calls; call++) {
                expected[(int) (plan.sleepMillisFor(call) * 1_000L / histogram.binMicros())]++;
            }
            // Sleeps of at most 1 s fill the bins up to 1 s's; the rest are compared as well, by their sum.
            int filled = (int) (1_000_000 / histogram.binMicros() + 1);
            assertEquals(Arrays.stream(expected).limit(filled).boxed().toList(),
                    histogram.sleepCounts().subList(0, filled), result.duplicates() + " values handed out twice");
            assertEquals(calls, histogram.sleepCounts().stream().limit(filled).mapToLong(Long::longValue).sum());
            return;
        }
    }

    /** Real sleeps: each call lasts at least the sleep it drew, so the durations sit at or right of the sleeps. */
    @Test
    void durationsAreNeverShorterThanTheSleeps() throws InterruptedException {
        CallRunner runner = new CallRunner();
        runner.start(CallSettings.of(2_000, 500).withMaxSleepMillis(200));
        CallResult result = runner.await();
        CallHistogram histogram = result.histogram();
        assertEquals(2_000, histogram.calls());
        assertNoCallShorterThanItsSleep(histogram);
    }

    /**
     * A pause holds the calls' sleeps as it holds the clock: while paused, the histogram counts
     * exactly the calls completed (a call held by Pause with its value is in neither), and once
     * resumed no call lasted less active time than the sleep it drew, those asleep when the pause
     * came included (they sleep the rest after Resume).
     */
    @Test
    void aPauseHoldsTheSleepsAndTheHistogramCountsTheCompleted() throws InterruptedException {
        CallRunner runner = new CallRunner();
        runner.start(CallSettings.of(10_000, 300).withMaxSleepMillis(200)); // about 3.3 s: Pause comes mid-run
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runner.snapshot().callsCompleted() < 600) {
            assertTrue(System.nanoTime() < deadline, "600 calls did not complete in 30 s");
            Thread.sleep(5);
        }
        runner.pause();
        Thread.sleep(400); // longer than any sleep: every call asleep at the pause has woken meanwhile
        CallSnapshot paused = runner.snapshot();
        assertTrue(paused.inFlight() > 0, "calls held by the pause");
        assertEquals(paused.callsCompleted(), paused.histogram().calls(),
                "the histogram counts calls that returned but wait at the pause");
        runner.resume();
        CallResult result = runner.await();
        assertTrue(result.ok());
        assertEquals(10_000, result.histogram().calls());
        assertNoCallShorterThanItsSleep(result.histogram());
    }

    /**
     * Sleeps are whole milliseconds, and so are the bins: every bin across the sleeps holds some
     * (no comb of full and empty bins, as bins of 0.5 ms drew at max sleep 10 ms).
     */
    @Test
    void theSleepsFillEveryBinUpToTheMaxSleep() throws InterruptedException {
        for (int maxSleep : new int[] {1, 10, 30, 250}) {
            CallRunner runner = new CallRunner(Sleeper.NONE);
            runner.start(CallSettings.of(20_000, 100).withMaxSleepMillis(maxSleep));
            CallHistogram histogram = runner.await().histogram();
            assertEquals(0, histogram.binMicros() % 1_000, "bins of whole ms at max sleep " + maxSleep);
            int lastBin = (int) (maxSleep * 1_000L / histogram.binMicros());
            for (int bin = 0; bin <= lastBin; bin++) {
                assertTrue(histogram.sleeps(bin) > 0, "max sleep " + maxSleep + " ms: bin " + bin + " of "
                        + histogram.binMicros() + " µs is empty: " + histogram.sleepCounts().subList(0, lastBin + 1));
            }
        }
        // Calls that took exactly their sleeps: the plot reaches just past the max sleep (11 bins of
        // 1 ms for 0 to 10 ms, then the last bin), not twice as far.
        CallHistogram.Recorder exact = new CallHistogram.Recorder(10);
        for (int sleep = 0; sleep <= 10; sleep++) {
            exact.record(sleep, sleep * 1_000_000L);
        }
        CallHistogram plotted = exact.snapshot().merged(CallJson.HISTOGRAM_BINS);
        assertEquals(1_000, plotted.binMicros());
        assertEquals(12, plotted.bins(), "0 to 11 ms and the rest");
    }

    /** Each call lasted at least the sleep it drew: at every bin's end, no more calls took less than slept less. */
    private static void assertNoCallShorterThanItsSleep(CallHistogram histogram) {
        long sleptUpTo = 0;
        long tookUpTo = 0;
        for (int bin = 0; bin < CallHistogram.BINS; bin++) {
            sleptUpTo += histogram.sleeps(bin);
            tookUpTo += histogram.durations(bin);
            assertTrue(tookUpTo <= sleptUpTo, "bin " + bin + ": more calls took under its end than slept under it: "
                    + histogram.durationCounts() + " vs " + histogram.sleepCounts());
        }
        assertTrue(histogram.meanDurationMillis() >= histogram.meanSleepMillis());
    }

    /** A stopped run counts exactly its completed calls; nothing of the run (its memory sampler included) stays alive. */
    @Test
    void stoppedRunCountsItsCompletedCallsAndLeavesNoThread() throws Exception {
        CallRunner runner = new CallRunner();
        runner.start(CallSettings.of(50_000, 5_000).withMaxSleepMillis(300));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runner.snapshot().callsCompleted() < 2_000 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        CallResult result = runner.stop();
        assertEquals(Outcome.STOPPED, result.outcome());
        assertEquals(result.callsCompleted(), result.histogram().calls());
        assertEquals(result.callsCompleted(), result.histogram().sleepCounts().stream().mapToLong(Long::longValue).sum());
        assertTrue(result.memory().measured(), "5,000 in flight: " + result.memory());
        // An earlier test's run may have left its memory resident: then this run reused it.
        assertTrue(result.memory().rssBytesPerThread().isPresent() || result.memory().rssReused() || !isLinux(),
                result.memory().toString());
        List<String> alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(name -> name.startsWith("interleave-call")).toList();
        assertEquals(List.of(), alive);
        assertFalse(runner.snapshot().running() > 0);
    }

    /**
     * A run that stays at or under the resident peak from before it reused memory an earlier run
     * made resident: it gives no RSS figure, and says why (a window's later runs of 100,000 threads
     * read 1 to 656 bytes a thread, its first 6.3 KB).
     */
    @Test
    void aRunThatReusedResidentMemoryGivesNoRssFigure() {
        MemoryPerThread reused = new MemoryPerThread(100_000, true, 100_000, true, 200_000_000);
        assertTrue(reused.rssBytesPerThread().isEmpty(), reused.toString());
        assertEquals("RSS not measurable: an earlier run's memory reused", reused.rssWords(Long::toString));
        assertEquals(2_000, reused.heapBytesPerThread().orElseThrow(), "the heap's growth is still told");
        MemoryPerThread fresh = new MemoryPerThread(100_000, true, 450_000_000, false, 200_000_000);
        assertEquals(4_500, fresh.rssBytesPerThread().orElseThrow());
    }

    /**
     * Which samples reused memory: under the peak from before the run, or over it by less than half
     * the run's growth (a window's second 1,000,000-call run passed the first's peak by a hair and
     * read 5 bytes a thread); a run that takes the process well past its peak measures.
     */
    @Test
    void aRunThatBarelyPassesTheEarlierPeakReusedItsMemory() {
        long mb = 1_000_000;
        assertTrue(MemoryPerThread.reused(680 * mb, 720 * mb, 700 * mb), "under the peak");
        assertTrue(MemoryPerThread.reused(720 * mb, 720 * mb, 720 * mb), "at the peak, nothing grown");
        assertTrue(MemoryPerThread.reused(719 * mb, 720 * mb, 720 * mb + 300_000), "past it by 0.3 MB of 1.3 MB grown");
        assertFalse(MemoryPerThread.reused(200 * mb, 210 * mb, 700 * mb), "a first large run");
        assertFalse(MemoryPerThread.reused(400 * mb, 550 * mb, 900 * mb), "well past a smaller run's peak");
        assertFalse(MemoryPerThread.reused(-1, 720 * mb, 700 * mb), "RSS unknown before the run");
    }

    /**
     * A run with no more than a few times the calls in flight of an earlier run's sample reused that
     * run's memory, wherever the peak was: a window's second and third runs of 100,000 threads sat
     * at the process's peak, passed it by more than half of their small growth, and read 353 and 1
     * bytes a thread (a learner read "≈ 96 B RSS" as what a virtual thread costs).
     */
    @Test
    void aRunNoLargerThanAnEarlierOneReusedItsMemory() {
        long mb = 1_000_000;
        // Past the peak by 500 MB of 500 grown: the peak's rule alone measures it.
        assertFalse(MemoryPerThread.reused(200 * mb, 210 * mb, 700 * mb, 0, 100_000), "no earlier run");
        assertTrue(MemoryPerThread.reused(200 * mb, 210 * mb, 700 * mb, 100_000, 100_000), "as many in flight before");
        assertTrue(MemoryPerThread.reused(200 * mb, 210 * mb, 700 * mb, 30_000, 100_000), "a third as many before");
        assertFalse(MemoryPerThread.reused(200 * mb, 210 * mb, 700 * mb, 1_000, 100_000), "a hundredth as many before");
        assertFalse(MemoryPerThread.reused(200 * mb, 210 * mb, 700 * mb, MemoryPerThread.MIN_IN_FLIGHT - 1, 600),
                "an earlier run too small to measure leaves nothing to speak of");
    }

    /**
     * A run whose heap grew more than twice what RSS grew reused resident pages: a 1,000,000-call run
     * after the philosophers' read "≈ 32 B RSS" beside 913 bytes of heap a thread (a teacher's
     * tryout). A fresh run, whose RSS grows past its heap's growth, measures.
     */
    @Test
    void aRunWhoseHeapGrewFarPastItsRssReusedResidentPages() {
        long mb = 1_000_000;
        // 1,000 in flight: 3.2 MB of RSS against 91.3 MB of heap, well past the peak (its own rules pass).
        assertTrue(MemoryPerThread.reused(500 * mb, 500 * mb, 503_200_000L, 0, 1_000, true, 91_300_000L));
        assertFalse(MemoryPerThread.reused(500 * mb, 500 * mb, 503_200_000L, 0, 1_000, true, 0),
                "the same without the heap's growth");
        assertFalse(MemoryPerThread.reused(200 * mb, 210 * mb, 615 * mb, 0, 100_000, true, 407 * mb),
                "fresh: 4,152 bytes of RSS for 4,068 of heap a thread");
        assertFalse(MemoryPerThread.reused(200 * mb, 200 * mb, 214 * mb, 0, 1_750, false, 280 * mb),
                "platform threads: their stacks in RSS, the heap's growth their run's garbage");
        assertTrue(MemoryPerThread.reused(200 * mb, 200 * mb, 214 * mb, 0, 1_750, true, 280 * mb),
                "the same on virtual threads: their stacks went into resident pages");
        // After the other labs' runs: 54 MB of RSS for 100,000 in flight (543 B a thread), past the
        // peak, while a collection freed more heap than the stacks took (a teaching assistant's tryout).
        assertTrue(MemoryPerThread.reused(600 * mb, 600 * mb, 654_300_000L, 0, 100_000, true, -20 * mb),
                "virtual threads, less RSS a thread than a stack takes: the stacks went into resident pages");
        assertFalse(MemoryPerThread.reused(600 * mb, 600 * mb, 654_300_000L, 0, 100_000, false, -20 * mb),
                "platform threads: their stacks are native, in RSS whatever the heap did");
        // A fresh process: 2,000 in flight grew RSS 12.8 MB while a collection of the start's garbage
        // shrank the heap (CI): measured.
        assertFalse(MemoryPerThread.reused(60 * mb, 60 * mb, 72_800_000L, 0, 2_000, true, -3 * mb),
                "fresh, 6,400 B a thread: measured though the heap shrank");
    }

    /** The runner remembers its runs' samples: its second run of as many threads reused the first's memory. */
    @Test
    void aRunnersSecondRunOfAsManyThreadsGivesNoRssFigure() throws Exception {
        CallRunner runner = new CallRunner();
        runner.start(CallSettings.of(2_000, 2_000).withMaxSleepMillis(500));
        MemoryPerThread first = runner.await().memory();
        assertTrue(first.measured(), first.toString());
        runner.start(CallSettings.of(2_000, 2_000).withMaxSleepMillis(500));
        MemoryPerThread second = runner.await().memory();
        assertTrue(second.measured(), second.toString());
        assertTrue(second.rssReused() || !isLinux(), second.toString());
        assertTrue(second.rssBytesPerThread().isEmpty() || !isLinux(), second.toString());
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }
}
