package dev.interleave.engine.calls;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;
import dev.interleave.engine.run.ThreadSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Timeout(120)
class CallRunnerTest {

    /** The first challenge at small scale: 1,000 calls, at most 100 in flight, real sleeps up to 1 s. */
    @Test
    void thousandCallsHundredInFlightSumTo500500() throws InterruptedException {
        CallRunner runner = new CallRunner();
        runner.start(CallSettings.of(1_000, 100));
        CallResult result = runner.await();

        assertEquals(Outcome.COMPLETED, result.outcome());
        assertEquals(500_500L, result.total());
        assertTrue(result.ok());
        assertEquals(0, result.duplicates());
        assertTrue(result.maxInFlight() <= 100, "max in flight " + result.maxInFlight());
        assertTrue(result.idealNanos() > 0 && result.idealNanos() <= result.elapsedNanos(),
                "the ideal makespan is a lower bound on the wall time");
        assertTrue(result.startsPerSecond() >= result.callsPerSecond(),
                "the starts' rate, over the time to the last start, is at least the calls' over the whole run: "
                        + result.startsPerSecond() + " starts/s");
        assertEquals(Optional.empty(), result.startRateCeiling(), "100 in flight were reached");
        assertEquals(0, runner.snapshot().inFlight());
        assertEquals(RunState.IDLE, runner.state());
    }

    /**
     * One platform thread per call, started one after another: calls of 10 ms on average end about
     * as fast as new threads start (at 1,700 a second here), so 3,000 allowed are never near, and the
     * result says why with the start rate it measured.
     */
    @Test
    void platformThreadsThatStartSlowerThanCallsEndSaySo() throws InterruptedException {
        CallRunner runner = new CallRunner();
        runner.start(CallSettings.of(3_000, 3_000).withThreads(ThreadKind.PLATFORM).withMaxSleepMillis(20));
        CallResult result = runner.await();

        assertTrue(result.ok());
        assertTrue(result.maxInFlight() < 2_700, "max in flight " + result.maxInFlight());
        String why = result.startRateCeiling().orElseThrow();
        assertTrue(why.startsWith(String.format(Locale.ROOT, "At most %,d of 3,000 allowed in flight: platform threads "
                + "started at %,.0f a second here", result.maxInFlight(), result.startsPerSecond())), why);
    }

    /** The first challenge at full scale: 1,000,000 calls, 100,000 in flight, virtual threads, real sleeps. */
    @Test
    void millionCallsHundredThousandInFlight() throws InterruptedException {
        CallRunner runner = new CallRunner();
        runner.start(CallSettings.of(1_000_000, 100_000));
        CallResult result = runner.await();

        assertEquals(500_000_500_000L, result.total());
        assertTrue(result.ok());
        assertTrue(result.maxInFlight() <= 100_000);
        assertEquals(0, runner.snapshot().inFlight());
    }

    /** Stop mid-run: the sum is exactly the values of the calls that completed, nothing is left running, and a new run works. */
    @Test
    void stopMidRunLeavesAConsistentSumAndNoTask() throws Exception {
        ConcurrentLinkedQueue<Long> returned = new ConcurrentLinkedQueue<>();
        CallRunner runner = new CallRunner(Sleeper.REAL, returned::add, ThreadSource.REAL);
        runner.start(CallSettings.of(20_000, 2_000).withMaxSleepMillis(200));
        awaitCompleted(runner, 500);

        CallResult result = runner.stop();

        assertEquals(Outcome.STOPPED, result.outcome());
        assertFalse(result.ok());
        assertTrue(result.callsCompleted() < 20_000);
        assertEquals(result.callsCompleted(), returned.size());
        assertEquals(returned.stream().mapToLong(Long::longValue).sum(), result.total());
        assertEquals(0, runner.snapshot().inFlight(), "live tasks after stop");
        assertEquals(RunState.IDLE, runner.state());

        runner.start(CallSettings.of(1_000, 100).withMaxSleepMillis(5));
        assertEquals(500_500L, runner.await().total());
    }

    /**
     * A call whose sleep ends after Stop, before its interrupt reaches it, is cut short, not
     * completed: the figures stop at Stop. (In the window, 33,000 of 100,000 calls in flight completed
     * between Stop and the end of the run, while their interrupts were on their way.)
     */
    @Test
    void aCallThatReturnsAfterStopIsNotCompleted() throws Exception {
        CountDownLatch wake = new CountDownLatch(1);
        CallRunner runner = new CallRunner(millis -> {
            // Deaf to the interrupt: it returns only when woken, as a sleep that ends on its own.
            boolean interrupted = false;
            while (wake.getCount() > 0) {
                try {
                    wake.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        runner.start(CallSettings.of(100, 10).withMaxSleepMillis(1));
        // Until all ten have read the counter and sleep: in flight counts a call from its thread's
        // start, before it reads (CI, on a busy machine: one had read when Stop came).
        while (runner.snapshot().counterValue() < 10) {
            Thread.onSpinWait();
        }
        CompletableFuture<CallResult> stopped = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.stop();
            } catch (InterruptedException | TimeoutException e) {
                throw new IllegalStateException(e);
            }
        });
        while (runner.state() != RunState.STOPPING) {
            Thread.onSpinWait();
        }
        wake.countDown(); // the ten calls in flight return now, after Stop
        CallResult result = stopped.get(10, TimeUnit.SECONDS);
        assertEquals(Outcome.STOPPED, result.outcome());
        assertEquals(0, result.callsCompleted(), "calls that returned after Stop");
        assertEquals(0L, result.total());
        assertEquals(10, runner.snapshot().counterValue(), "each read the counter: cut short, as the interrupted are");
        assertEquals(10, result.callsCutShort(), "the calls that read the counter and never completed");
        assertEquals(0, runner.snapshot().inFlight());
    }

    /** Stop with platform threads: no call thread outlives the run. */
    @Test
    void stopLeavesNoPlatformThread() throws Exception {
        CallRunner runner = new CallRunner();
        runner.start(CallSettings.of(5_000, 500).withThreads(ThreadKind.PLATFORM).withMaxSleepMillis(500));
        awaitCompleted(runner, 100);
        runner.stop();
        assertEquals(0, runner.snapshot().inFlight());
        awaitNoCallThreads();
    }

    /** A call that throws fails the run with that very exception, cancels the rest, and leaves nothing running. */
    @Test
    void failingCallFailsTheRunWithItsCause() throws Exception {
        RuntimeException boom = new IllegalStateException("boom");
        AtomicInteger calls = new AtomicInteger();
        CallRunner runner = new CallRunner(millis -> {
            if (calls.incrementAndGet() == 300) {
                throw boom;
            }
            Thread.sleep(millis);
        });
        runner.start(CallSettings.of(100_000, 1_000).withMaxSleepMillis(100).withThreads(ThreadKind.PLATFORM));
        CallResult result = runner.await(Duration.ofSeconds(30));

        assertEquals(Outcome.FAILED, result.outcome());
        assertSame(boom, result.failure());
        assertTrue(result.callsCompleted() < 100_000);
        assertEquals(0, runner.snapshot().inFlight());
        assertEquals(RunState.IDLE, runner.state());
        awaitNoCallThreads();

        CallRunner next = runner;
        calls.set(1_000_000);
        next.start(CallSettings.of(100, 10).withMaxSleepMillis(0));
        assertEquals(5_050L, next.await().total());
    }

    /** A second start while running is refused and does not start a second set of calls. */
    @Test
    void secondStartIsRefusedNotDoubled() throws Exception {
        CallRunner runner = new CallRunner();
        runner.start(CallSettings.of(2_000, 100).withMaxSleepMillis(50));
        assertThrows(IllegalStateException.class, () -> runner.start(CallSettings.of(10, 10)));
        CallResult result = runner.await();
        assertEquals(2_000, result.settings().calls());
        assertEquals(2_001_000L, result.total());
        assertTrue(result.ok());
    }

    /** The racy counter, through a whole run, hands out values twice and the run reports the mismatch. */
    @Test
    void racyRunReportsDuplicates() throws InterruptedException {
        for (int attempt = 1; attempt <= 20; attempt++) {
            CallRunner runner = new CallRunner(Sleeper.NONE);
            runner.start(CallSettings.of(200_000, 8).withCounter(CounterKind.RACY).withMaxSleepMillis(0));
            CallResult result = runner.await();
            assertEquals(200_000, result.callsCompleted());
            if (result.duplicates() > 0) {
                assertFalse(result.ok());
                assertTrue(result.total() < result.expected());
                return;
            }
        }
        fail("20 racy runs of 200,000 calls handed out no value twice");
    }

    /** Live statistics move while the run does, and in-flight never exceeds the bound. */
    @Test
    void snapshotsAreLiveAndBounded() throws Exception {
        CallRunner runner = new CallRunner();
        assertSame(CallSnapshot.NONE, runner.snapshot());
        runner.start(CallSettings.of(3_000, 300).withMaxSleepMillis(100));
        long lastCompleted = 0;
        while (runner.state() != RunState.IDLE) {
            CallSnapshot now = runner.snapshot();
            assertTrue(now.inFlight() <= 300, "in flight " + now.inFlight());
            assertTrue(now.callsCompleted() >= lastCompleted);
            lastCompleted = now.callsCompleted();
            Thread.sleep(5);
        }
        CallResult result = runner.await();
        CallSnapshot end = runner.snapshot();
        assertEquals(result, end.result());
        assertEquals(3_000, end.callsCompleted());
        assertEquals(result.total(), end.sum());
        assertEquals(3_000, end.counterValue());
    }

    /**
     * The calls' time in flight grows, between any two snapshots of a run without sleeps, by at most as
     * many calls as may be in flight, and never shrinks. Summed from start and end times read apart
     * from the count, it was off by the run's whole time each time a call came or went between the
     * reads (a review): hundreds in flight at a concurrency of 100, or below 0.
     */
    @Test
    void theTimeInFlightGrowsByNoMoreCallsThanMayBeInFlight() throws Exception {
        CallRunner runner = new CallRunner();
        runner.start(CallSettings.of(200_000, 100).withMaxSleepMillis(0));
        CallSnapshot last = runner.snapshot();
        int checked = 0;
        while (runner.state() != RunState.IDLE) {
            Thread.sleep(2);
            CallSnapshot now = runner.snapshot();
            long runNanos = now.elapsedNanos() - last.elapsedNanos();
            if (runNanos > 1_000_000) {
                double mean = (double) (now.inFlightNanos() - last.inFlightNanos()) / runNanos;
                assertTrue(mean >= 0 && mean <= 100.5, String.format("%.1f in flight on average over %,d ns",
                        mean, runNanos));
                checked++;
                last = now;
            }
        }
        assertTrue(checked >= 10, "checked " + checked + " intervals");
    }

    /** Pause freezes the counter, the sum and the completed count; resume finishes the run with the right total. */
    @Test
    void pauseFreezesTheNumbers() throws Exception {
        CallRunner runner = new CallRunner();
        runner.start(CallSettings.of(20_000, 500).withMaxSleepMillis(50));
        awaitCompleted(runner, 1_000);
        runner.pause();
        assertEquals(RunState.PAUSED, runner.state());
        Thread.sleep(200);
        CallSnapshot first = runner.snapshot();
        Thread.sleep(400);
        CallSnapshot second = runner.snapshot();
        assertEquals(first.counterValue(), second.counterValue());
        assertEquals(first.sum(), second.sum());
        assertEquals(first.callsCompleted(), second.callsCompleted());
        assertEquals(first.callsStarted(), second.callsStarted());
        assertEquals(first.elapsedNanos(), second.elapsedNanos(), "paused time counted as elapsed");
        runner.resume();
        CallResult result = runner.await();
        assertTrue(result.ok());
        assertEquals(20_000L * 20_001 / 2, result.total());
    }

    /**
     * A stopped run's elapsed time ends at Stop: the time its calls then take to leave is not the
     * run's (here each call takes 300 ms to heed its interrupt, as 100,000 virtual threads on two
     * cores take seconds).
     */
    @Test
    void aStoppedRunsElapsedTimeEndsAtStop() throws Exception {
        CallRunner runner = new CallRunner(millis -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                long until = System.nanoTime() + 300_000_000L;
                while (System.nanoTime() < until) {
                    try {
                        Thread.sleep(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                    } catch (InterruptedException again) {
                        // still leaving
                    }
                }
                throw e;
            }
        });
        runner.start(CallSettings.of(2_000, 100).withMaxSleepMillis(200));
        awaitCompleted(runner, 300);
        long beforeStop = runner.snapshot().elapsedNanos();
        long stopAsked = System.nanoTime();
        CallResult result = runner.stop();
        assertTrue(System.nanoTime() - stopAsked >= 250_000_000L, "the calls took their time to leave");
        assertEquals(Outcome.STOPPED, result.outcome());
        long afterStop = result.elapsedNanos() - beforeStop;
        assertTrue(afterStop < 200_000_000L, "elapsed went on " + afterStop / 1_000_000 + " ms after Stop");
        assertTrue(result.idealNanos() <= result.elapsedNanos(), "the ideal stays a lower bound");
    }

    /** Stop while paused ends the run at once and leaves nothing running. */
    @Test
    void stopWhilePaused() throws Exception {
        CallRunner runner = new CallRunner();
        runner.start(CallSettings.of(100_000, 10_000).withMaxSleepMillis(100));
        awaitCompleted(runner, 1_000);
        runner.pause();
        CallResult result = runner.stop();
        assertEquals(Outcome.STOPPED, result.outcome());
        assertEquals(0, runner.snapshot().inFlight());
        assertEquals(RunState.IDLE, runner.state());
    }

    /** Platform threads above the cap are refused up front with a message that suggests virtual threads. */
    @Test
    void platformThreadsAboveTheCapAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CallSettings.of(100_000, 100_000).withThreads(ThreadKind.PLATFORM));
        assertTrue(e.getMessage().contains("virtual threads"), e.getMessage());
        assertNull(new CallRunner().snapshot().settings());
    }

    private static void awaitCompleted(CallRunner runner, long calls) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runner.snapshot().callsCompleted() < calls) {
            if (System.nanoTime() > deadline) {
                fail("the run did not complete " + calls + " calls in 30 s");
            }
            Thread.sleep(5);
        }
    }

    /** Platform call threads are named interleave-call-N: none may be alive once the run has ended (they were joined). */
    private static void awaitNoCallThreads() {
        List<String> alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(name -> name.startsWith("interleave-call")).toList();
        assertEquals(List.of(), alive, "call threads alive after the run ended");
    }
}
