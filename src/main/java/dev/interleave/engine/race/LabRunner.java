package dev.interleave.engine.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.engine.run.Hold;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.Run;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Runner;
import dev.interleave.engine.run.ThreadKind;
import dev.interleave.engine.run.ThreadSource;

/**
 * Runs a race lab measurement ({@link LabMeasure}) in the window: its runs one after another, each
 * a {@link RaceRunner} run exactly as the command line makes it. Pause holds the run going on (its
 * threads park) and starts no next one; Stop stops the run going on and makes no more. The run
 * kit's contract otherwise ({@link Runner}).
 */
public final class LabRunner extends Runner<LabSettings, LabResult, LabRunner.LabRun> {

    /*
     * Implementation notes. One coordinator thread per measurement starts each leg on one inner
     * RaceRunner and awaits it. `legLock` makes "start the next leg" and "pause" one step each: the
     * coordinator starts a leg only while holding it and not paused, and Pause sets `paused` and
     * pauses the inner run under it, so a leg never starts (or keeps running) under a paused
     * measurement. Lock order: this runner's lifecycle lock, legLock, the inner runner's lifecycle
     * lock. Stop interrupts the coordinator, which stops the inner run (joining its threads) before
     * it ends; the finisher joins the coordinator, so no thread of any leg outlives the measurement.
     */

    private final ThreadSource threadSource;

    public LabRunner() {
        this(ThreadSource.REAL);
    }

    LabRunner(ThreadSource threadSource) {
        this.threadSource = Objects.requireNonNull(threadSource);
    }

    @Override
    protected LabRun newRun(LabSettings settings) {
        return new LabRun(settings, new LegHold(new RaceRunner(threadSource)));
    }

    @Override
    public boolean supportsStep() {
        return false;
    }

    /** The latest measurement now; {@link LabSnapshot#NONE} before the first. */
    public LabSnapshot snapshot() {
        RunState now = state();
        LabRun run = latest();
        return run == null ? LabSnapshot.NONE : run.snapshot(now);
    }

    /** Pause and Resume for a measurement: the inner run's, and no next leg while paused. */
    private static final class LegHold implements Hold {
        private final RaceRunner inner;
        private final ReentrantLock legLock = new ReentrantLock();
        private final Condition resumed = legLock.newCondition();
        /** Guarded by legLock. */
        private boolean paused;

        LegHold(RaceRunner inner) {
            this.inner = inner;
        }

        @Override
        public void close() {
            legLock.lock();
            try {
                paused = true;
                if (inner.state() == RunState.RUNNING) {
                    inner.pause();
                }
            } catch (IllegalStateException ended) {
                // The leg ended meanwhile: the next one waits for Resume.
            } finally {
                legLock.unlock();
            }
        }

        @Override
        public void open() {
            legLock.lock();
            try {
                paused = false;
                resumed.signalAll();
                if (inner.state() == RunState.PAUSED) {
                    inner.resume();
                }
            } catch (IllegalStateException ended) {
                // Stopped meanwhile.
            } finally {
                legLock.unlock();
            }
        }

        /** Starts {@code leg} once not paused. */
        void startWhenRunning(RaceSettings leg) throws InterruptedException {
            legLock.lockInterruptibly();
            try {
                while (paused) {
                    resumed.await();
                }
                inner.start(leg);
            } finally {
                legLock.unlock();
            }
        }
    }

    final class LabRun extends Run<LabResult> {
        private final LabSettings settings;
        private final List<RaceSettings> plan;
        private final LegHold hold;
        /** Finished legs. Written by the coordinator only; read as a copy. */
        private final List<RaceResult> legs = new ArrayList<>();
        /** The leg going on, or null. */
        private volatile RaceSettings current;
        /** Whether the leg going on is a warm-up run, not counted. */
        private volatile boolean warmingUp;
        /** Set by launch(), before any Stop can read it; volatile all the same (Stop's thread reads it). */
        private volatile Thread coordinator;

        LabRun(LabSettings settings, LegHold hold) {
            super(hold);
            this.settings = settings;
            this.plan = settings.legs();
            this.hold = hold;
        }

        @Override
        protected void launch() {
            coordinator = threadSource.factory(ThreadKind.PLATFORM, "interleave-lab-")
                    .newThread(this::coordinate);
            coordinator.setName("interleave-lab-coordinator");
            coordinator.start();
        }

        private void coordinate() {
            RaceRunner inner = hold.inner;
            try {
                for (RaceSettings leg : settings.warmUp()) {
                    if (isCancelled()) {
                        break;
                    }
                    warmingUp = true;
                    hold.startWhenRunning(leg);
                    current = leg;
                    RaceResult ended = inner.await();
                    current = null;
                    if (ended.outcome() == Outcome.FAILED) {
                        fail(ended.failure());
                    }
                    if (ended.outcome() != Outcome.COMPLETED) {
                        return;
                    }
                }
                warmingUp = false;
                for (RaceSettings leg : plan) {
                    if (isCancelled()) {
                        break;
                    }
                    hold.startWhenRunning(leg);
                    current = leg;
                    RaceResult ended = inner.await();
                    if (ended.outcome() == Outcome.FAILED) {
                        current = null;
                        fail(ended.failure());
                        break;
                    }
                    if (ended.outcome() != Outcome.COMPLETED) {
                        break; // stopped: its finished runs are kept below
                    }
                    current = null;
                    synchronized (legs) {
                        legs.add(ended);
                    }
                }
            } catch (InterruptedException e) {
                // Stop: the leg going on is stopped below.
            } catch (RuntimeException | Error e) {
                fail(e);
            } finally {
                RaceSettings stopped = warmingUp ? null : current;
                current = null;
                warmingUp = false;
                stopUninterruptibly(inner);
                keepFinishedRuns(inner, stopped);
            }
        }

        /**
         * A lost-updates leg stopped part-way keeps the runs it finished, as a leg of fewer runs than
         * set (its outcome says stopped); the other measures time whole runs and keep none of a stopped one.
         */
        private void keepFinishedRuns(RaceRunner inner, RaceSettings stopped) {
            if (stopped == null || settings.measure() != LabMeasure.LOST_UPDATES) {
                return;
            }
            RaceResult partial = inner.snapshot().result();
            if (partial != null && partial.settings() == stopped && partial.outcome() == Outcome.STOPPED
                    && !partial.totals().isEmpty()) {
                synchronized (legs) {
                    legs.add(partial);
                }
            }
        }

        /** Stops the inner run, if one is going on, and waits until its threads have ended. */
        private void stopUninterruptibly(RaceRunner inner) {
            boolean interrupted = false;
            while (inner.state() != RunState.IDLE) {
                try {
                    inner.stop();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (TimeoutException | IllegalStateException e) {
                    // Not ended yet: ask again.
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        protected void interruptThreads() {
            if (coordinator != null && coordinator != Thread.currentThread()) {
                coordinator.interrupt();
            }
        }

        @Override
        protected void joinThreads() throws InterruptedException {
            if (coordinator != null) {
                coordinator.join();
            }
        }

        @Override
        protected boolean ranToEnd() {
            List<RaceResult> done = legsCopy();
            return done.size() == plan.size() && (done.isEmpty() || done.getLast().outcome() == Outcome.COMPLETED);
        }

        @Override
        protected LabResult result(Outcome outcome, Throwable failure, long elapsedNanos) {
            return new LabResult(settings, outcome, failure, legsCopy());
        }

        private List<RaceResult> legsCopy() {
            synchronized (legs) {
                return List.copyOf(legs);
            }
        }

        LabSnapshot snapshot(RunState now) {
            RaceSettings going = current;
            RaceSnapshot inner = going == null ? null : hold.inner.snapshot();
            return new LabSnapshot(now, settings, plan.size(), legsCopy(), going, warmingUp,
                    inner == null ? 0 : inner.count(), inner == null || inner.settings() != going ? 0 : inner.totals().size(),
                    elapsedNanos(), result());
        }
    }
}
