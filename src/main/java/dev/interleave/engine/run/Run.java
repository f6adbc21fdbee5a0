package dev.interleave.engine.run;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of a scenario: its threads, its clock, how it fails, how it ends. A scenario subclasses
 * it with its shared objects and counters and says how to start, interrupt and join its threads
 * and how to build its result; the kit does the rest, the same way for every scenario:
 * <ul>
 * <li>a thread that cannot be started, or a task that throws, fails the run once, with that first
 *     cause, and cancels the rest;</li>
 * <li>cancelling (Stop, or a failure) interrupts every thread of the run, once;</li>
 * <li>the run ends only after a finisher thread has joined every thread of it: when
 *     {@link #await} returns, none is alive (a join is the proof, not a count);</li>
 * <li>then the result is built, the runner goes back to IDLE, and waiters are released.</li>
 * </ul>
 *
 * @param <R> the scenario's result
 */
public abstract class Run<R> {

    /*
     * Implementation notes. `cancelled` is written once (true) before the threads are interrupted;
     * subclasses publish each thread they start (a volatile write) before reading `cancelled`, so
     * either they see the flag and interrupt the thread themselves, or interruptThreads() sees the
     * thread (both sides are volatile accesses, so one of the two reads sees the other's write).
     * The finisher builds the result after joining every thread: join makes every write of those
     * threads visible to it, and done.complete() publishes the result to await()'s callers.
     */

    private final Hold hold;
    private final Stopwatch clock = new Stopwatch();
    /** The log made by {@link #newLog}, or null. */
    private volatile EventLog log;
    /** The first failure; null while none. Set once. */
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicBoolean cancelOnce = new AtomicBoolean();
    /** Set once, by Stop or the first failure, before any thread is interrupted; never cleared. */
    private volatile boolean cancelled;
    /** The result, set by the finisher just before the run ends; null while it goes on. */
    private volatile R result;
    private final CompletableFuture<R> done = new CompletableFuture<>();
    /** The runner's lifecycle; set by {@link #start} before anything else happens. */
    private Lifecycle lifecycle;
    /** Joins the run's threads and ends the run; set by {@link #start}. */
    private volatile Thread finisher;

    /** @param hold what the run's workers stop at while it is paused */
    protected Run(Hold hold) {
        this.hold = Objects.requireNonNull(hold);
    }

    // ---- what a scenario provides ----

    /**
     * Starts the run's threads (or the one thread that starts the others). A thread that cannot be
     * started fails the run: throw, and the kit records the cause, cancels and joins what started.
     */
    protected abstract void launch();

    /** Interrupts every thread of the run that may be alive. Called once, from any thread. */
    protected abstract void interruptThreads();

    /**
     * Returns once no thread of the run is alive: joins each. Called by the finisher only, again if
     * it was interrupted.
     */
    protected abstract void joinThreads() throws InterruptedException;

    /** Whether every task of the run ran to its end (read after {@link #joinThreads}). */
    protected abstract boolean ranToEnd();

    /** The result of the ended run, built after {@link #joinThreads}. */
    protected abstract R result(Outcome outcome, Throwable failure, long elapsedNanos);

    /**
     * Called when the run's clock stops counting for a pause (a run started paused too), under the
     * lifecycle's lock: a scenario that reports a rate notes where its count stood, since what steps
     * do while paused takes none of the clock's time. Must be short and must not block. Does nothing
     * unless overridden.
     */
    protected void clockPaused() {
    }

    /**
     * Called when the run's clock is about to count again after a pause, under the lifecycle's lock and
     * before the run's threads are let go (what they do from then on is the running clock's). Must be
     * short and must not block. Does nothing unless overridden.
     */
    protected void clockResumed() {
    }

    /**
     * Lets exactly one gated action happen. Called by the lifecycle, only while paused; runs that
     * cannot step ({@link Runner#supportsStep()} false) are never asked.
     */
    protected void step() {
        throw new UnsupportedOperationException("this run cannot step");
    }

    // ---- for the scenario's threads ----

    /** Whether Stop or a failure cancelled the run; threads check it between actions. */
    protected final boolean isCancelled() {
        return cancelled;
    }

    /** Fails the run with {@code cause}, unless it has failed already; the rest is cancelled. Any thread. */
    protected final void fail(Throwable cause) {
        if (failure.compareAndSet(null, Objects.requireNonNull(cause))) {
            lifecycle.beginStopping();
            cancel();
        }
    }

    /** The run's active time: wall time less pauses. */
    protected final Stopwatch clock() {
        return clock;
    }

    /**
     * A log for this run's events that keeps the newest {@code events} and this run's pauses
     * ({@link EventLog#pausesOf}); null for 0, a run that records nothing.
     */
    protected final EventLog newLog(int events) {
        if (events == 0) {
            return null;
        }
        EventLog log = new EventLog(events);
        log.pausesOf(clock);
        this.log = log;
        return log;
    }

    /**
     * Called by the lifecycle right after it started the clock, before the run launches a thread: the
     * log made with the run counts from the same moment (see {@link EventLog#startAt}). Not the other
     * way round: the clock would then count the run's setup (a recorded run's 24 MB ring) as run time.
     */
    final void clockStarted() {
        EventLog made = log;
        if (made != null) {
            made.startAt(clock.startNanos());
        }
    }

    /** The result once the run has ended, else null. */
    public final R result() {
        return result;
    }

    /** The run's active time so far, frozen at its end; never goes down. */
    public final long elapsedNanos() {
        return clock.elapsedNanos();
    }

    // ---- for the kit ----

    final Hold hold() {
        return hold;
    }

    final void stepOnce() {
        step();
    }

    /** Called once, right after the lifecycle admitted the run (its clock is running). */
    final void start(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
        try {
            launch();
        } catch (RuntimeException | Error e) {
            // e.g. "unable to create native thread": fail the run, keep the program.
            fail(e);
        }
        try {
            finisher = Thread.ofVirtual().name("interleave-run-finisher").start(this::finish);
        } catch (RuntimeException | Error e) {
            finish();
        }
    }

    /** Interrupts every thread of the run, once; any thread may call it. */
    final void cancel() {
        if (cancelOnce.compareAndSet(false, true)) {
            cancelled = true;
            interruptThreads();
        }
    }

    private void finish() {
        boolean joined = false;
        while (!joined) {
            try {
                joinThreads();
                joined = true;
            } catch (InterruptedException e) {
                // Nobody interrupts the finisher on purpose; join again.
            }
        }
        clock.stop();
        R ended = null;
        Throwable unbuilt = null;
        try {
            ended = ended();
        } catch (RuntimeException | Error e) {
            unbuilt = e;
        } finally {
            // The run ends whatever happened above: a result that could not be built must not leave
            // the window in "stopping" for good, with Run greyed out until a restart.
            result = ended;
            lifecycle.ended(this);
            if (ended != null) {
                done.complete(ended);
            } else {
                done.completeExceptionally(unbuilt);
            }
        }
    }

    /**
     * The result of the run that has just ended; one that could not be built (a scenario's defect,
     * or a class the JVM could not load) makes the run end as failed, with that as its cause.
     */
    private R ended() {
        Throwable cause = failure.get();
        try {
            Outcome outcome = cause != null ? Outcome.FAILED : ranToEnd() ? Outcome.COMPLETED : Outcome.STOPPED;
            return result(outcome, cause, clock.elapsedNanos());
        } catch (RuntimeException | Error e) {
            if (cause != null && cause != e) {
                e.addSuppressed(cause);
            }
            failure.compareAndSet(cause, e); // the first failure, unless building the result was one
            return result(Outcome.FAILED, e, clock.elapsedNanos());
        }
    }

    /**
     * Waits at most {@code timeout} for the run to end; returns its result.
     *
     * @throws TimeoutException if it has not ended by then
     */
    final R await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            R ended = done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            Thread last = finisher;
            if (last != null) {
                last.join();
            }
            return ended;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
