package dev.interleave.engine.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.PauseSwitch;
import dev.interleave.engine.run.Run;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Runner;
import dev.interleave.engine.run.ThreadSource;

/**
 * Runs the race lab at full speed: T threads add K each to one shared count with a strategy, all
 * released at once by a barrier, repeated R times; each repetition's count is checked against
 * T x K. Pause holds every thread at its next check (every {@value #CHECK_EVERY} increments); Stop
 * interrupts them. The run kit's contract otherwise ({@link Runner}).
 */
public final class RaceRunner extends Runner<RaceSettings, RaceResult, RaceRunner.RaceRun> {

    /*
     * Implementation notes. One coordinator thread per run does the repetitions one after another:
     * it starts T threads, which meet at a barrier (so the race is real: all start together), add,
     * and end; the coordinator joins them, reads the count (exact after the joins) and records it.
     * The threads of a repetition live in `workers`, published before `cancelled` is read again
     * (see Run); the finisher joins the coordinator, which joins the workers of every repetition
     * before it ends. The count is read under no lock while threads run: an estimate for the window.
     */

    /** Increments between two checks for Pause and Stop: rare enough to cost nothing measurable. */
    static final int CHECK_EVERY = 1_024;

    private final ThreadSource threadSource;

    public RaceRunner() {
        this(ThreadSource.REAL);
    }

    RaceRunner(ThreadSource threadSource) {
        this.threadSource = Objects.requireNonNull(threadSource);
    }

    @Override
    protected RaceRun newRun(RaceSettings settings) {
        return new RaceRun(settings);
    }

    @Override
    public boolean supportsStep() {
        return false;
    }

    /** The latest run now; {@link RaceSnapshot#NONE} before the first. */
    public RaceSnapshot snapshot() {
        RunState now = state();
        RaceRun run = latest();
        return run == null ? RaceSnapshot.NONE : run.snapshot(now);
    }

    final class RaceRun extends Run<RaceResult> {
        private final RaceSettings settings;
        private final PauseSwitch pauseSwitch;
        /** The counter of the repetition going on. */
        private volatile SharedCounter counter;
        /** The threads of the repetition going on; slots are replaced per repetition. */
        private final AtomicReferenceArray<Thread> workers;
        /**
         * Counts of the finished repetitions. Written by the coordinator only, under its own monitor,
         * which guards {@link #runNanos} too; read as a copy under it.
         */
        private final List<Long> totals = new ArrayList<>();
        private volatile int repetition;
        /** Each finished repetition's incrementing time, beside its total; guarded by {@code totals}' monitor. */
        private final List<Long> runNanos = new ArrayList<>();
        private volatile long casRetries;
        private Thread coordinator;

        RaceRun(RaceSettings settings) {
            this(settings, new PauseSwitch());
        }

        private RaceRun(RaceSettings settings, PauseSwitch pauseSwitch) {
            super(pauseSwitch);
            this.settings = settings;
            this.pauseSwitch = pauseSwitch;
            this.workers = new AtomicReferenceArray<>(settings.threads());
        }

        @Override
        protected void launch() {
            coordinator = Thread.ofPlatform().daemon(true).name("interleave-race-coordinator")
                    .unstarted(this::coordinate);
            coordinator.start();
        }

        private void coordinate() {
            ThreadFactory factory = threadSource.factory(settings.threadKind(), "interleave-race-");
            try {
                for (int r = 1; r <= settings.repeat() && !isCancelled(); r++) {
                    repetition = r;
                    SharedCounter shared = settings.strategy().newCounter(settings.threads(), settings.fair());
                    counter = shared;
                    // The clock starts when the barrier opens (its action runs before any thread is
                    // released): starting the threads is not counted as incrementing time.
                    long[] from = {clock().activeNanos()};
                    CyclicBarrier start = new CyclicBarrier(settings.threads(), () -> from[0] = clock().activeNanos());
                    for (int t = 0; t < settings.threads(); t++) {
                        int index = t;
                        Thread thread = factory.newThread(() -> increment(shared, index, start));
                        thread.start();
                        workers.set(t, thread);
                        if (isCancelled()) {
                            thread.interrupt();
                        }
                    }
                    for (int t = 0; t < settings.threads(); t++) {
                        Thread thread = workers.get(t);
                        if (thread != null) {
                            thread.join();
                        }
                    }
                    if (isCancelled()) {
                        break;
                    }
                    // The joins order the barrier action's write of from[0] before this read.
                    long nanos = clock().activeNanos() - from[0];
                    synchronized (totals) {
                        totals.add(shared.total());
                        runNanos.add(nanos);
                    }
                    casRetries += shared.casRetries();
                }
            } catch (InterruptedException e) {
                // Stop: join what is left below.
            } catch (RuntimeException | Error e) {
                fail(e);
            } finally {
                joinWorkersUninterruptibly();
            }
        }

        /*
         * Implementation notes: one loop for every strategy. Once the lab's warm-up has run every
         * strategy through it (LabMeasure.warmUp), its call of increment() has seen every counter
         * class and is made through the interface, not inlined: each increment is one call, as the
         * lab describes it. (A command line run of one strategy alone sees one class, which the JIT
         * may inline.) A loop of each class's own (tried 5 Dec 2026) let the JIT inline the increment
         * in the lab too, then merge a batch's opaque reads and writes (racy at 3,400 M increments/s
         * on 1 thread, against 460) and coarsen synchronized blocks across increments (226 M/s
         * against 43, three times the lock's): the plot then showed what the JIT made of a batch,
         * not what each strategy costs.
         */
        private void increment(SharedCounter shared, int index, CyclicBarrier start) {
            try {
                start.await();
                long todo = settings.increments();
                while (todo > 0 && !isCancelled()) {
                    long batch = Math.min(todo, CHECK_EVERY);
                    for (long i = 0; i < batch; i++) {
                        shared.increment(index);
                    }
                    todo -= batch;
                    pauseSwitch.awaitRunning();
                }
            } catch (InterruptedException | BrokenBarrierException e) {
                if (!isCancelled()) {
                    fail(e);
                }
            } catch (RuntimeException | Error e) {
                fail(e);
            }
        }

        private void joinWorkersUninterruptibly() {
            for (int t = 0; t < workers.length(); t++) {
                Thread thread = workers.get(t);
                while (thread != null && thread.isAlive()) {
                    try {
                        thread.join();
                    } catch (InterruptedException e) {
                        // Stop interrupts the coordinator too; it still waits for its threads.
                    }
                }
            }
        }

        @Override
        protected void interruptThreads() {
            Thread self = Thread.currentThread();
            if (coordinator != null && coordinator != self) {
                coordinator.interrupt();
            }
            for (int t = 0; t < workers.length(); t++) {
                Thread thread = workers.get(t);
                if (thread != null && thread != self) {
                    thread.interrupt();
                }
            }
        }

        @Override
        protected void joinThreads() throws InterruptedException {
            if (coordinator != null) {
                coordinator.join();
            }
            for (int t = 0; t < workers.length(); t++) {
                Thread thread = workers.get(t);
                if (thread != null) {
                    thread.join();
                }
            }
        }

        @Override
        protected boolean ranToEnd() {
            return totalsCopy().size() == settings.repeat();
        }

        @Override
        protected RaceResult result(Outcome outcome, Throwable failure, long elapsedNanos) {
            synchronized (totals) {
                return new RaceResult(settings, outcome, failure, totals, runNanos, casRetries); // copies both
            }
        }

        private List<Long> totalsCopy() {
            synchronized (totals) {
                return List.copyOf(totals);
            }
        }

        RaceSnapshot snapshot(RunState now) {
            SharedCounter shared = counter;
            return new RaceSnapshot(now, settings, repetition, shared == null ? 0 : shared.total(), totalsCopy(),
                    elapsedNanos(), result());
        }
    }
}
