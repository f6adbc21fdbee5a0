package dev.interleave.engine.calls;

import dev.interleave.engine.run.Outcome;

import dev.interleave.engine.run.Lifecycle;
import dev.interleave.engine.run.PauseSwitch;
import dev.interleave.engine.run.RunState;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * Runs the first challenge: many calls of a slow {@link Service}, each on its own thread, their
 * values summed, with at most {@code concurrency} in flight.
 *
 * <p>One run at a time: {@link #start} while a run is in progress is refused with
 * {@link IllegalStateException}, never doubled. {@link #stop} interrupts every call and returns
 * once none is left; a call that throws fails the run with that first cause and cancels the rest.
 * After a run ends, by any route, the runner is {@link RunState#IDLE} and a new run may start.
 *
 * <p>All methods are safe to call from any thread. {@link #snapshot()} never blocks and costs the
 * workers nothing: it only reads counters they maintain anyway.
 */
public final class CallRunner {

    /*
     * Implementation notes.
     *
     * Lifecycle: `state` moves IDLE -> RUNNING (start, by CAS, so a second start fails), RUNNING ->
     * STOPPING (stop, or the first failing call), and back to IDLE when the run's dispatcher has
     * seen every task end. `latest` is written after the CAS that admits a run and before its
     * dispatcher starts; readers that see the state RUNNING may briefly see the previous run.
     *
     * Dispatch: one platform thread per run (the dispatcher) takes a Semaphore permit per call and
     * starts one new thread for it: never pooled, so a call's thread lives exactly as long as the
     * call. `inFlight` counts task bodies still executing; a task decrements it as the last thing in
     * `finally`. When dispatching is over (`dispatchDone`) and `inFlight` reaches 0, whoever sees that
     * last (the dispatcher or the final task) opens `allDone`: that is how "no thread left behind" is
     * known without ThreadMXBean (which cannot see virtual threads). (Waiting for all `concurrency`
     * permits instead would wake the dispatcher once per release: 100,000 wake-ups at the end.)
     *
     * Cancellation: cancel() writes `cancelled` (volatile), interrupts the dispatcher, then scans
     * `threads` and interrupts every call thread it finds. The dispatcher publishes a thread in
     * `threads` before it re-reads `cancelled`, so either it sees the flag and does not start the
     * thread, or the scan sees the thread and interrupts it (both sides are volatile accesses:
     * sequentially consistent). A task reads `cancelled` first thing, so an interrupt that lands
     * before it starts is not needed to stop it.
     *
     * Visibility of results: every field the result is built from is written by tasks before their
     * decrement of `inFlight`; the dispatcher reads them after `allDone.await()`, and the countDown
     * that opened it follows the last decrement (CountDownLatch: countDown happens-before await's return).
     */

    /** How long {@link #stop()} waits for the calls to end before giving up with a timeout. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

    private final Sleeper sleeper;
    /** Told each value a completed call added to the sum, on the call's thread; tests use it to check the sum independently. */
    private final LongConsumer onReturned;
    /** The lifecycle; the dispatcher calls ended() once every call has ended. */
    private final Lifecycle state = new Lifecycle();
    /** The latest run, in progress or ended; null before the first start. */
    private volatile Run latest;

    /** A runner whose calls really sleep. */
    public CallRunner() {
        this(Sleeper.REAL);
    }

    /** A runner whose calls wait with {@code sleeper} (tests pass one that does not wait). */
    public CallRunner(Sleeper sleeper) {
        this(sleeper, value -> { });
    }

    /** A runner that also reports each value a completed call added to the sum (for tests). */
    CallRunner(Sleeper sleeper, LongConsumer onReturned) {
        this.sleeper = Objects.requireNonNull(sleeper);
        this.onReturned = Objects.requireNonNull(onReturned);
    }

    /**
     * Starts a run and returns at once.
     *
     * @throws IllegalStateException if a run is in progress (nothing is started then)
     */
    public void start(CallSettings settings) {
        Objects.requireNonNull(settings);
        state.begin();
        Run run = new Run(settings);
        latest = run;
        try {
            run.start();
        } catch (RuntimeException | Error e) {
            state.ended();
            throw e;
        }
    }

    /** The runner's lifecycle state now. */
    public RunState state() {
        return state.get();
    }

    /** The latest run as it is now; {@link CallSnapshot#NONE} before the first run. */
    public CallSnapshot snapshot() {
        RunState now = state.get();
        Run run = latest;
        return run == null ? CallSnapshot.NONE : run.snapshot(now);
    }

    /**
     * Waits for the latest run to end and returns its result.
     *
     * @throws IllegalStateException if nothing was ever started
     */
    public CallResult await() throws InterruptedException {
        return requireRun().await();
    }

    /**
     * Waits at most {@code timeout} for the latest run to end.
     *
     * @throws TimeoutException if it has not ended by then
     */
    public CallResult await(Duration timeout) throws InterruptedException, TimeoutException {
        return requireRun().await(timeout);
    }

    /**
     * Pauses the run: no new call starts, no call reads the counter or adds to the sum until
     * {@link #resume()}; calls asleep finish their sleep and then wait. Paused time does not count
     * as elapsed.
     *
     * @throws IllegalStateException unless running
     */
    public void pause() {
        Run run = requireRun();
        state.pause();
        run.pause();
    }

    /**
     * Resumes a paused run.
     *
     * @throws IllegalStateException unless paused
     */
    public void resume() {
        Run run = requireRun();
        state.resume();
        run.resume();
    }

    /**
     * Stops the run in progress: no new call starts, every call in flight is interrupted, and this
     * returns once none is left (normally within milliseconds). If no run is in progress, returns
     * the latest result.
     *
     * @return the result of the stopped run (outcome STOPPED, or COMPLETED if it finished first)
     * @throws TimeoutException if the calls did not end within {@link #STOP_TIMEOUT}
     * @throws IllegalStateException if nothing was ever started
     */
    public CallResult stop() throws InterruptedException, TimeoutException {
        Run run = requireRun();
        if (state.beginStopping()) {
            run.cancel();
        }
        return run.await(STOP_TIMEOUT);
    }

    private Run requireRun() {
        Run run = latest;
        if (run == null) {
            throw new IllegalStateException("no run was started");
        }
        return run;
    }

    /** One run: its shared objects, its counters, its threads. */
    private final class Run {
        private final CallSettings settings;
        private final Counter counter;
        private final Sum sum = new Sum();
        private final Service service;
        private final SleepPlan sleepPlan;
        /** Free places for calls in flight. Invariant: permits available + calls in flight = concurrency. */
        private final Semaphore permits;
        /** Calls started and not yet finished: tasks whose body is still executing. 0 <= inFlight <= concurrency. */
        private final AtomicLong inFlight = new AtomicLong();
        /** Set by the dispatcher once it will start no more calls. */
        private volatile boolean dispatchDone;
        /** Opened once dispatching is done and no task body is executing. */
        private final java.util.concurrent.CountDownLatch allDone = new java.util.concurrent.CountDownLatch(1);
        /** The most calls in flight at once. Written only by the dispatcher. */
        private volatile long maxInFlight;
        /** Calls handed to a thread. Written only by the dispatcher. */
        private volatile long callsStarted;
        /** Calls that returned and added their value. A statistic: read as an estimate while the run moves. */
        private final LongAdder callsCompleted = new LongAdder();
        /** How many completed calls returned value v, at index v - 1: the record duplicates and the ideal are computed from. */
        private volatile AtomicIntegerArray timesReturned;
        /** The thread of call i while it runs, else null; what cancel() interrupts. */
        private volatile AtomicReferenceArray<Thread> threads;
        /** Set once, by stop or by the first failure; never cleared. */
        private volatile boolean cancelled;
        private final AtomicBoolean cancelOnce = new AtomicBoolean();
        /** The first exception a call threw. */
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile long startNanos;
        /** 0 until the run has ended. */
        private volatile long endNanos;
        /** Set just before the state returns to IDLE. */
        private volatile CallResult result;
        private final CompletableFuture<CallResult> done = new CompletableFuture<>();
        private Thread dispatcher;
        /** Where calls and the dispatcher wait while the run is paused. */
        private final PauseSwitch pauseSwitch = new PauseSwitch();
        /** When the current pause began, or 0. Written under the runner's state CAS discipline (one pauser at a time). */
        private volatile long pausedSince;
        /** Total paused time so far, excluded from elapsed. */
        private volatile long pausedNanos;

        Run(CallSettings settings) {
            this.settings = settings;
            this.counter = settings.counter().newCounter();
            this.sleepPlan = new SleepPlan(settings.seed(), settings.maxSleepMillis());
            this.service = new Service(counter, sleepPlan, sleeper);
            this.permits = new Semaphore(settings.concurrency());
        }

        void start() {
            timesReturned = new AtomicIntegerArray(settings.calls());
            threads = new AtomicReferenceArray<>(settings.calls());
            dispatcher = Thread.ofPlatform().daemon(true).name("interleave-calls-dispatcher").unstarted(this::dispatch);
            startNanos = System.nanoTime();
            dispatcher.start();
        }

        private void dispatch() {
            Thread.Builder builder = settings.threads().builder("interleave-call-");
            try {
                for (int i = 0; i < settings.calls() && !cancelled; i++) {
                    pauseSwitch.awaitRunning();
                    permits.acquire();
                    int index = i;
                    Thread thread = builder.unstarted(() -> runCall(index));
                    threads.set(index, thread);
                    if (cancelled) {
                        threads.set(index, null);
                        permits.release();
                        break;
                    }
                    long nowInFlight = inFlight.incrementAndGet();
                    if (nowInFlight > maxInFlight) {
                        maxInFlight = nowInFlight;
                    }
                    try {
                        thread.start();
                    } catch (OutOfMemoryError | RuntimeException e) {
                        // e.g. "unable to create native thread": fail the run, keep the program.
                        threads.set(index, null);
                        inFlight.decrementAndGet();
                        permits.release();
                        fail(e);
                        break;
                    }
                    callsStarted = index + 1;
                }
            } catch (InterruptedException e) {
                // Stop or failure: fall through and wait for the calls in flight.
            }
            dispatchDone = true;
            if (inFlight.get() == 0) {
                allDone.countDown();
            }
            boolean waited = false;
            while (!waited) {
                try {
                    allDone.await();
                    waited = true;
                } catch (InterruptedException e) {
                    // Stop interrupts the dispatcher; it still waits for the calls to end.
                }
            }
            finish();
        }

        private void runCall(int index) {
            try {
                if (cancelled) {
                    return;
                }
                pauseSwitch.awaitRunning();
                if (cancelled) {
                    return;
                }
                long value = service.call();
                pauseSwitch.awaitRunning();
                sum.add(value);
                if (value >= 1 && value <= settings.calls()) {
                    timesReturned.incrementAndGet((int) (value - 1));
                }
                callsCompleted.increment();
                onReturned.accept(value);
            } catch (InterruptedException e) {
                if (!cancelled) {
                    fail(e);
                }
            } catch (RuntimeException | Error e) {
                fail(e);
            } finally {
                threads.set(index, null);
                // Decrement before release: the dispatcher's next increment then never sees more than
                // `concurrency` in flight.
                long stillInFlight = inFlight.decrementAndGet();
                permits.release();
                if (stillInFlight == 0 && dispatchDone) {
                    allDone.countDown();
                }
            }
        }

        void pause() {
            pausedSince = System.nanoTime();
            pauseSwitch.close();
        }

        void resume() {
            pauseSwitch.open();
            long since = pausedSince;
            if (since != 0) {
                pausedNanos += System.nanoTime() - since;
                pausedSince = 0;
            }
        }

        /** Wall time since start, less time paused, up to {@code now}. */
        private long activeNanos(long now) {
            long since = pausedSince;
            return now - startNanos - pausedNanos - (since != 0 ? now - since : 0);
        }

        private void fail(Throwable cause) {
            if (failure.compareAndSet(null, cause)) {
                state.beginStopping();
                cancel();
            }
        }

        void cancel() {
            if (!cancelOnce.compareAndSet(false, true)) {
                return;
            }
            cancelled = true;
            resume();
            dispatcher.interrupt();
            Thread self = Thread.currentThread();
            for (int i = 0, n = threads.length(); i < n; i++) {
                Thread thread = threads.get(i);
                if (thread != null && thread != self) {
                    thread.interrupt();
                }
            }
        }

        private void finish() {
            endNanos = System.nanoTime();
            long completed = callsCompleted.sum();
            int[] sleepMillis = new int[(int) Math.min(completed, Integer.MAX_VALUE)];
            int job = 0;
            long duplicates = 0;
            for (int v = 1; v <= settings.calls(); v++) {
                int times = timesReturned.get(v - 1);
                duplicates += Math.max(0, times - 1);
                for (int k = 0; k < times && job < sleepMillis.length; k++) {
                    sleepMillis[job++] = sleepPlan.sleepMillisFor(v);
                }
            }
            long idealNanos = TimeUnit.MILLISECONDS.toNanos(IdealMakespan.of(sleepMillis, settings.concurrency()));
            Throwable cause = failure.get();
            Outcome outcome = cause != null ? Outcome.FAILED
                    : completed == settings.calls() ? Outcome.COMPLETED
                    : Outcome.STOPPED;
            CallResult ended = new CallResult(settings, outcome, cause, sum.total(), settings.expectedTotal(),
                    completed, duplicates, activeNanos(endNanos), idealNanos, maxInFlight);
            result = ended;
            threads = new AtomicReferenceArray<>(0);
            timesReturned = null;
            state.ended();
            done.complete(ended);
        }

        CallResult await() throws InterruptedException {
            try {
                CallResult ended = done.get();
                dispatcher.join();
                return ended;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }

        CallResult await(Duration timeout) throws InterruptedException, TimeoutException {
            try {
                CallResult ended = done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                dispatcher.join();
                return ended;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }

        CallSnapshot snapshot(RunState now) {
            long end = endNanos;
            long elapsed = activeNanos(end != 0 ? end : System.nanoTime());
            return new CallSnapshot(now, settings, counter.value(), sum.total(), callsStarted, callsCompleted.sum(),
                    inFlight.get(), maxInFlight, elapsed, result);
        }
    }
}
