package dev.interleave.engine.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.interleave.TestThreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kit's lifecycle under its own commands issued from several threads at once. */
@Timeout(60)
class LifecycleTest {

    /** A run with a real gate and no threads: what the lifecycle moves. */
    private static class GateRun extends Run<String> {
        final Gate gate;
        /** Whether the gate was open when the run launched its (here, no) threads. */
        volatile Boolean openAtLaunch;
        /** Its "threads" end when it is cancelled. */
        private final CountDownLatch cancelled = new CountDownLatch(1);

        GateRun(Gate gate) {
            super(gate);
            this.gate = gate;
        }

        @Override
        protected void launch() {
            openAtLaunch = gate.view().open();
        }

        @Override
        protected void interruptThreads() {
            cancelled.countDown();
        }

        @Override
        protected void joinThreads() throws InterruptedException {
            cancelled.await();
        }

        @Override
        protected boolean ranToEnd() {
            return false;
        }

        @Override
        protected String result(Outcome outcome, Throwable failure, long elapsedNanos) {
            return outcome.name();
        }

        @Override
        protected void step() {
            gate.step();
        }
    }

    /**
     * A result that cannot be built (a scenario's defect; in a tryout, a class recompiled under the
     * running window) ends the run as failed with that cause: the run stayed "stopping" for good,
     * Run greyed out until a restart.
     */
    @Test
    void aResultThatCannotBeBuiltEndsTheRunAsFailed() throws Exception {
        Runner<String, String, GateRun> runner = new Runner<>() {
            @Override
            protected GateRun newRun(String settings) {
                return new GateRun(new Gate()) {
                    @Override
                    protected String result(Outcome outcome, Throwable failure, long elapsedNanos) {
                        if (outcome != Outcome.FAILED) {
                            throw new NoClassDefFoundError("dev/interleave/Missing");
                        }
                        return outcome + ": " + failure.getMessage();
                    }
                };
            }

            @Override
            public boolean supportsStep() {
                return false;
            }
        };
        runner.start("doomed");
        assertEquals("FAILED: dev/interleave/Missing", runner.stop());
        assertEquals(RunState.IDLE, runner.state());
        runner.start("again");
        assertEquals(RunState.RUNNING, runner.state(), "a new run starts");
        runner.stop();
    }

    /**
     * A run that made its log before the lifecycle admitted it has one clock for both: the log counts
     * from when the run's clock started (a deadlock "detected after 15 ms of running time" stood beside
     * a timeline that put it at 19.6 ms), and the setup after the log was made is no run time.
     */
    @Test
    void aRunsLogCountsFromWhenItsClockStarted() throws Exception {
        EventLog[] made = new EventLog[1];
        long[] madeAt = new long[1];
        Runner<String, String, GateRun> runner = new Runner<>() {
            @Override
            protected GateRun newRun(String settings) {
                return new GateRun(new Gate()) {
                    {
                        made[0] = newLog(10);
                        madeAt[0] = made[0].originNanos();
                        try {
                            Thread.sleep(30); // the rest of a scenario's setup, after its log was made
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                };
            }

            @Override
            public boolean supportsStep() {
                return false;
            }
        };
        runner.start("logged");
        assertEquals(runner.latest().clock().startNanos(), made[0].originNanos(), "one origin");
        assertTrue(made[0].originNanos() - madeAt[0] >= 30_000_000L, "the setup is before it");
        assertTrue(runner.latest().elapsedNanos() < System.nanoTime() - madeAt[0] - 30_000_000L + 1,
                "the setup is no run time");
        runner.stop();
        assertThrows(IllegalStateException.class, () -> {
            EventLog log = new EventLog(10);
            log.appendNow(0, log.addTrack("T1"), 0, 0, 0);
            log.startAt(System.nanoTime());
        }, "an origin moved under its events");
    }

    /**
     * A run started paused (Step from idle) is PAUSED with its gate closed before it launches a
     * thread, and its clock does not count until Resume; started plainly, the gate is open at launch.
     */
    @Test
    void aRunStartedPausedLaunchesBehindAClosedGate() throws Exception {
        Runner<String, String, GateRun> runner = new Runner<>() {
            @Override
            protected GateRun newRun(String settings) {
                return new GateRun(new Gate());
            }

            @Override
            public boolean supportsStep() {
                return true;
            }
        };
        runner.startPaused("paused");
        GateRun paused = runner.latest();
        assertEquals(RunState.PAUSED, runner.state());
        assertEquals(Boolean.FALSE, paused.openAtLaunch, "the gate was open when the threads started");
        long atStart = paused.elapsedNanos();
        Thread.sleep(20);
        assertEquals(atStart, paused.elapsedNanos(), "a paused start counts no time");
        runner.resume();
        assertTrue(paused.gate.view().open());
        assertEquals(RunState.RUNNING, runner.state());
        assertThrows(IllegalStateException.class, () -> runner.startPaused("again"), "a run is in progress");
        runner.stop();

        runner.start("plain");
        assertEquals(Boolean.TRUE, runner.latest().openAtLaunch);
        runner.stop();
    }

    /**
     * Pause and Resume from two threads at once never leave the state and the gate apart: RUNNING
     * always has the gate open, PAUSED always has it closed (2,000 races).
     */
    @Test
    void pauseAndResumeRacingKeepStateAndGateTogether() throws Exception {
        Lifecycle lifecycle = new Lifecycle();
        GateRun run = new GateRun(new Gate());
        lifecycle.begin(run);
        CyclicBarrier bothReady = new CyclicBarrier(2);
        for (int attempt = 0; attempt < 2_000; attempt++) {
            TestThreads threads = new TestThreads();
            threads.start("resumer", () -> race(bothReady, lifecycle::resume));
            threads.start("pauser", () -> race(bothReady, lifecycle::pause));
            threads.joinAll();
            RunState state = lifecycle.state();
            assertEquals(state == RunState.RUNNING, run.gate.view().open(), "attempt " + attempt + ": " + state
                    + " with the gate " + (run.gate.view().open() ? "open" : "closed"));
            if (state == RunState.PAUSED) {
                lifecycle.resume();
            }
        }
    }

    /**
     * Resume racing Stop counts a 1 ms pause once (500 races): counted twice, the active time
     * would fall below what it was when the pause began.
     */
    @Test
    void resumeRacingStopCountsThePauseOnce() throws Exception {
        for (int attempt = 0; attempt < 500; attempt++) {
            Lifecycle lifecycle = new Lifecycle();
            GateRun run = new GateRun(new Gate());
            lifecycle.begin(run);
            lifecycle.pause();
            long pausedAt = run.clock().activeNanos();
            Thread.sleep(1);
            CyclicBarrier bothReady = new CyclicBarrier(2);
            TestThreads threads = new TestThreads();
            threads.start("resumer", () -> race(bothReady, lifecycle::resume));
            threads.start("stopper", () -> race(bothReady, lifecycle::beginStopping));
            threads.joinAll();
            assertEquals(RunState.STOPPING, lifecycle.state());
            run.clock().stop();
            long stoppedAt = run.clock().activeNanos();
            assertTrue(stoppedAt >= pausedAt, "attempt " + attempt + ": active time went from " + pausedAt + " to "
                    + stoppedAt + " ns: the pause was subtracted twice");
        }
    }

    /** Commands that do not fit the state are refused, and a second begin is refused, not doubled. */
    @Test
    void commandsThatDoNotFitAreRefused() {
        Lifecycle lifecycle = new Lifecycle();
        GateRun run = new GateRun(new Gate());
        assertThrows(IllegalStateException.class, lifecycle::pause);
        assertThrows(IllegalStateException.class, lifecycle::step);
        lifecycle.begin(run);
        assertThrows(IllegalStateException.class, () -> lifecycle.begin(new GateRun(new Gate())));
        assertThrows(IllegalStateException.class, lifecycle::resume);
        assertThrows(IllegalStateException.class, lifecycle::step);
        lifecycle.pause();
        lifecycle.step();
        assertEquals(1, run.gate.view().permits());
        assertTrue(lifecycle.beginStopping());
        assertTrue(!lifecycle.beginStopping(), "a second stop makes no move");
        lifecycle.ended(run);
        assertEquals(RunState.IDLE, lifecycle.state());
    }

    private static void race(CyclicBarrier bothReady, Runnable command) throws Exception {
        bothReady.await();
        try {
            command.run();
        } catch (IllegalStateException refused) {
            // The other command won: refusing is the contract.
        }
    }
}
