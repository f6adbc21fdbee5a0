package dev.interleave.engine.philosophers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.Run;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Runner;
import dev.interleave.engine.run.ThreadSource;

/**
 * Runs the deadlock lab: N philosophers, each on its own thread, thinking and eating round a table
 * of N forks ({@link java.util.concurrent.locks.ReentrantLock}s), with the chosen {@link Strategy},
 * and Run, Pause, Step (the philosopher you choose, or the one waiting longest) and Stop.
 *
 * <p>The run kit's contract ({@link Runner}). Every fork is taken interruptibly (and every seat, and
 * every delay is an interruptible sleep), so Stop ends a deadlocked run too: each thread is
 * interrupted out of its wait, puts its forks down and ends, and Stop returns when all have ended.
 * A run goes on until Stop, or for its duration; with {@code endOnDeadlock} it ends as soon as a
 * deadlock is detected ({@link Table}: at the wait that closes the circle).
 */
public final class PhilosophersRunner
        extends Runner<PhilosophersSettings, PhilosophersResult, PhilosophersRunner.PhilosophersRun> {

    /*
     * Implementation notes. Each run has its own table, gates, threads and watcher. The watcher (a
     * virtual thread of the run, interrupted and joined like the philosophers) looks at the clock
     * every SAMPLE, and ends the run when its time is up or, with
     * endOnDeadlock, at once when the table signals a deadlock: it sets `over` (volatile) and
     * interrupts the philosophers. Threads are published in `threads` before `cancelled` is read
     * again (see Run). The finisher joins every thread before the result is built, which makes
     * their writes visible to it; the table's own figures are read under its lock anyway.
     */

    /** How often the watcher looks at the run's time (the livelock rule follows the table's events: LivelockWatch). */
    static final Duration SAMPLE = Duration.ofMillis(100);

    private final ThreadSource threadSource;
    private final Bug bug;
    /** Events each new run's log keeps; 0: runs record nothing. */
    private volatile int recording;

    public PhilosophersRunner() {
        this(ThreadSource.REAL, Bug.NONE);
    }

    /** A runner that takes its threads from {@code threadSource} and builds its detector with {@code bug}. */
    PhilosophersRunner(ThreadSource threadSource, Bug bug) {
        this.threadSource = Objects.requireNonNull(threadSource);
        this.bug = Objects.requireNonNull(bug);
    }

    @Override
    protected PhilosophersRun newRun(PhilosophersSettings settings) {
        return new PhilosophersRun(settings, new Steps(settings.n()));
    }

    /**
     * Whether the runs started from now on record their events ({@link TableEvent}), and how many of
     * the newest each keeps ({@link EventLog}; {@link EventLog#DEFAULT_CAPACITY} is a good size, at
     * {@link EventLog#BYTES_PER_EVENT} bytes each, allocated when the run starts); 0 records nothing.
     *
     * @throws IllegalArgumentException if events is negative
     */
    public void setRecording(int events) {
        if (events < 0) {
            throw new IllegalArgumentException("events must be 0 or more, was " + events);
        }
        recording = events;
    }

    /** How many events each new run keeps; 0 when runs record nothing. */
    public int recording() {
        return recording;
    }

    @Override
    public boolean supportsStep() {
        return true;
    }

    /**
     * Lets philosopher {@code p} (0 is P1) take its next fork action, while paused: at once if it is
     * at its gate, else when it gets there (it is thinking or eating).
     *
     * @throws IllegalStateException unless paused, or saying why p cannot act (it waits for a fork or a seat)
     * @throws IndexOutOfBoundsException if there is no such philosopher
     */
    public void step(int p) {
        PhilosophersRun run = latest();
        if (run == null) {
            throw new IllegalStateException("no run was started");
        }
        Objects.checkIndex(p, run.settings.n());
        run.chosen = p;
        try {
            step();
        } finally {
            run.chosen = -1;
        }
    }

    /** Changes the think and eat delays of the run in progress; philosophers use them from their next meal. */
    public void setDelays(DelayRange think, DelayRange eat) {
        PhilosophersRun run = latest();
        if (run != null) {
            run.think = Objects.requireNonNull(think);
            run.eat = Objects.requireNonNull(eat);
        }
    }

    /** Waits at most {@code timeout} for the latest run to detect a deadlock; returns it, or null. */
    public Deadlock awaitDeadlock(Duration timeout) throws InterruptedException {
        PhilosophersRun run = latest();
        if (run == null) {
            throw new IllegalStateException("no run was started");
        }
        return run.table.awaitDeadlock(timeout);
    }

    /** The latest run's table, for the tests: its instruments and its samples; null before the first run. */
    Table table() {
        PhilosophersRun run = latest();
        return run == null ? null : run.table;
    }

    /** The latest run now; {@link PhilosophersSnapshot#NONE} before the first. */
    public PhilosophersSnapshot snapshot() {
        RunState now = state();
        PhilosophersRun run = latest();
        return run == null ? PhilosophersSnapshot.NONE : run.snapshot(now);
    }

    /** One run: its table, its philosophers and their threads, its watcher. */
    final class PhilosophersRun extends Run<PhilosophersResult> {
        private final PhilosophersSettings settings;
        private final Steps steps;
        private final Table table;
        /** The run's events, or null when it records nothing. */
        private final EventLog log;
        private final List<Philosopher> philosophers;
        /** Each philosopher's thread, once started: what cancel interrupts and the finisher joins. */
        private final AtomicReferenceArray<Thread> threads;
        /** Samples the table and ends a run whose time is up; null until started. */
        private volatile Thread watcher;
        private volatile DelayRange think;
        private volatile DelayRange eat;
        /** Set once, by the watcher, when the run ends by itself (its time, or a deadlock). */
        private volatile boolean over;
        /** The philosopher the next step is for, or -1 for the one waiting longest. Written by step(int). */
        private volatile int chosen = -1;

        private PhilosophersRun(PhilosophersSettings settings, Steps steps) {
            super(steps);
            this.settings = settings;
            this.steps = steps;
            this.think = settings.think();
            this.eat = settings.eat();
            this.log = newLog(recording);
            this.table = new Table(settings.n(), settings.fair(), settings.strategy() == Strategy.WAITER,
                    () -> clock().activeNanos(), bug, log);
            AtomicLong arrivals = new AtomicLong();
            List<Philosopher> all = new ArrayList<>(settings.n());
            for (int p = 0; p < settings.n(); p++) {
                all.add(new Philosopher(p, table, steps.gate(p), arrivals, this::ending));
            }
            this.philosophers = List.copyOf(all);
            this.threads = new AtomicReferenceArray<>(settings.n());
        }

        @Override
        protected void launch() {
            ThreadFactory factory = threadSource.factory(settings.threads(), "interleave-philosopher-");
            for (int p = 0; p < philosophers.size() && !isCancelled(); p++) {
                Philosopher philosopher = philosophers.get(p);
                Thread thread = factory.newThread(() -> dine(philosopher));
                thread.setName("interleave-philosopher-" + philosopher.name());
                thread.start();
                threads.set(p, thread);
                if (isCancelled()) {
                    thread.interrupt();
                }
            }
            Thread watch = Thread.ofVirtual().name("interleave-philosophers-watch").unstarted(this::watch);
            watch.start();
            watcher = watch;
            if (isCancelled()) {
                watch.interrupt();
            }
        }

        /**
         * Whether the run is ending: Stop or a failure (cancelled) or its time up (over), each set
         * before any philosopher is interrupted. Read by the philosophers after a fork's lock, too
         * (Philosopher#inHand).
         */
        private boolean ending() {
            return isCancelled() || over;
        }

        @Override
        protected void step() {
            steps.step(chosen, philosophers, table);
        }

        /** A philosopher's life: think, get both forks by the strategy, eat, put them down; until the run ends. */
        private void dine(Philosopher philosopher) {
            int p = philosopher.index();
            Strategy strategy = settings.strategy();
            try {
                while (!ending()) {
                    table.setState(p, PhilosopherState.THINKING);
                    think.sleep();
                    table.setState(p, PhilosopherState.HUNGRY);
                    strategy.pickUp(philosopher);
                    if (ending()) {
                        break; // Stop (or the run's end) frees forks one at a time: one freed is no meal
                    }
                    table.setState(p, PhilosopherState.EATING);
                    eat.sleep();
                    if (ending()) {
                        break; // a meal the end cut short (a sleep of 0 ms does not see the interrupt)
                    }
                    table.ate(p);
                    strategy.putDown(philosopher);
                }
            } catch (InterruptedException e) {
                // Stop, or the run's end: put the forks down and leave.
            } catch (RuntimeException | Error e) {
                fail(e);
            } finally {
                philosopher.leaveTable();
            }
        }

        /** Every SAMPLE: ends the run when its time is up, or at a deadlock if asked to. */
        private void watch() {
            long durationNanos = settings.durationMillis() * 1_000_000L;
            try {
                while (!ending()) {
                    long wait = SAMPLE.toNanos();
                    if (durationNanos > 0) {
                        wait = Math.max(0, Math.min(wait, durationNanos - clock().activeNanos()));
                    }
                    if (settings.endOnDeadlock()) {
                        if (table.awaitDeadlock(Duration.ofNanos(wait)) != null) {
                            end();
                            return;
                        }
                    } else {
                        Thread.sleep(Duration.ofNanos(wait));
                    }
                    long now = clock().activeNanos();
                    if (durationNanos > 0 && now >= durationNanos) {
                        end();
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // Stop.
            } catch (RuntimeException | Error e) {
                fail(e);
            }
        }

        /** The run ends by itself: every philosopher is interrupted out of whatever it waits for. */
        private void end() {
            over = true;
            for (int p = 0; p < threads.length(); p++) {
                Thread thread = threads.get(p);
                if (thread != null) {
                    thread.interrupt();
                }
            }
        }

        @Override
        protected void interruptThreads() {
            Thread self = Thread.currentThread();
            for (int p = 0; p < threads.length(); p++) {
                Thread thread = threads.get(p);
                if (thread != null && thread != self) {
                    thread.interrupt();
                }
            }
            Thread watch = watcher;
            if (watch != null && watch != self) {
                watch.interrupt();
            }
        }

        @Override
        protected void joinThreads() throws InterruptedException {
            for (int p = 0; p < threads.length(); p++) {
                Thread thread = threads.get(p);
                if (thread != null) {
                    thread.join();
                }
            }
            Thread watch = watcher;
            if (watch != null) {
                watch.join();
            }
        }

        @Override
        protected boolean ranToEnd() {
            return over;
        }

        @Override
        protected PhilosophersResult result(Outcome outcome, Throwable failure, long elapsedNanos) {
            Table.Standing now = table.standing();
            TableView view = now.view();
            Table.Livelock livelock = now.livelock();
            return new PhilosophersResult(settings, outcome, failure, elapsedNanos, view.deadlock(),
                    boxed(view.meals()), boxed(view.attempts()), livelock.fromNanos() >= 0, livelock.fromNanos(),
                    livelock.spells(), livelock.longestNanos());
        }

        PhilosophersSnapshot snapshot(RunState now) {
            Table.Standing standing = table.standing();
            return new PhilosophersSnapshot(now, settings, standing.view(), steps.view(philosophers), elapsedNanos(),
                    standing.livelock().now(), standing.livelock().fromNanos() >= 0, standing.livelock().spells(),
                    standing.livelock().longestNanos(), result(), log);
        }

        private static List<Long> boxed(long[] values) {
            return Arrays.stream(values).boxed().toList();
        }
    }
}
