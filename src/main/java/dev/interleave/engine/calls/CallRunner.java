package dev.interleave.engine.calls;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

import dev.interleave.engine.run.MachineCpu;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.PauseSwitch;
import dev.interleave.engine.run.Run;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Runner;
import dev.interleave.engine.run.ThreadKind;
import dev.interleave.engine.run.ThreadSource;

/**
 * Runs the first challenge: many calls of a slow {@link Service}, each on its own thread, their
 * values summed, with at most {@code concurrency} in flight.
 *
 * <p>The run kit's contract ({@link Runner}): one run at a time, Pause and Resume (no Step: calls
 * are not gated one by one), Stop interrupts every call and returns once none is alive (a call that
 * returns after Stop, before its interrupt reaches it, is cut short as the interrupted are: the
 * calls completed stop at Stop), a call that throws (or a thread that cannot start) fails the run
 * with that first cause. Pause holds every
 * call at its next check: before it reads the counter, and before it adds its value to the sum; a
 * call that passed the first check just before Pause still reads the counter once, so the counter
 * may move by up to the calls in flight right after Pause and then holds still. Pause holds a
 * call's sleep as it holds the clock: a call that wakes having slept through part of a pause
 * sleeps that part again after Resume, so every call sleeps what it drew in active time, and
 * neither its duration nor the ideal (see {@link CallResult#idealNanos()}) counts the pause.
 *
 * <p>{@link #snapshot()} never blocks and costs the calls nothing: it reads counters they keep anyway.
 */
public final class CallRunner extends Runner<CallSettings, CallResult, CallRunner.CallRun> {

    /*
     * Implementation notes.
     *
     * Dispatch: one platform thread per run (the dispatcher) takes a Semaphore permit per call and a
     * free slot (0 <= slot < concurrency), and starts a new thread for the call in it: never pooled,
     * so a call's thread lives exactly as long as the call. Slots are how "no thread left behind" is
     * proven without keeping a million Thread objects: before a slot is reused, the dispatcher sees
     * its previous thread terminated (isAlive() false, which like join() makes everything that
     * thread did visible), or keeps it in `exiting` (a call frees its slot and permit as the last
     * thing in `finally`, so its thread may still be leaving); the finisher joins the dispatcher,
     * the last thread of every slot and every thread still in `exiting`. Checking instead of joining
     * keeps the dispatcher from parking once per call on a thread that is a few instructions from
     * its end.
     *
     * Free slots are a first-in first-out queue: offered by calls, polled by the dispatcher alone
     * (after it has a permit, so a slot is there: each offer happens before its permit's release).
     * First in, first out matters: the slot reused is the one freed longest ago, whose thread has
     * long ended, so the dispatcher rarely finds a thread still leaving (with last in, first out it
     * reused the slot just freed almost every time, and its thread, queued behind 100,000 others
     * for a carrier, was still alive).
     *
     * Cancellation: the kit sets `cancelled`, then interruptThreads() interrupts the dispatcher and
     * every thread in `slots`. The dispatcher publishes a thread in its slot before it reads
     * `cancelled` again; see Run for why one of the two sides always sees the other.
     *
     * The ideal: each call credits the active (unpaused) time it spent in the service, at most the
     * sleep it drew, in call order; the ideal makespan schedules those credits. A completed call
     * credits exactly its sleep (a pause lengthens the sleep by what it took, see sleepActive); a
     * call interrupted by Stop credits what it slept before the interrupt. So the ideal counts only
     * what ran, while the clock ran, and stays a lower bound.
     *
     * Running, parked and at the lock: three AtomicLongs each call moves itself between, on its own
     * thread: running from just after its first pause check until its sleep, parked for the sleep
     * (the service's Sleeper is wrapped; a sleep held by Pause, see sleepActive, is parked
     * throughout), running again from its wake-up until it has counted its times, then none while
     * it checks Pause, adds its value and leaves. The counter tells its Watch of the rest: a
     * synchronized or lock counter's update moves the call from running to at the lock and back
     * (atLock, pastLock: it may wait there, unmounted), the racy counter's yield takes it out of
     * running until it is mounted again. Every increment and decrement of `running` happens on the
     * call's thread while it is mounted, and the code between them never blocks, so on virtual
     * threads `running` never exceeds the carriers. Each is exact when read; the three are read one
     * after the other, not together.
     *
     * Durations: the dispatcher reads the active clock just before it starts a call's thread; the
     * call reads it again when the service returns, and once past the second pause check counts the
     * difference with the sleep it drew in the CallHistogram.Recorder (fixed arrays: nothing
     * allocated per call). Counting after the check keeps the histogram's calls those completed: a
     * call held by Pause with its value is in neither. A duration is never below its sleep: the
     * sleep is measured in active time too.
     *
     * Memory: a sampler thread per run reads RSS and heap in use before the dispatcher starts, then
     * every 50 ms; it keeps the sample with the most calls parked and publishes it (volatile). The
     * finisher stops and joins it after every call has ended.
     */

    private final Sleeper sleeper;
    /** Told each value a completed call added to the sum, on the call's thread; tests use it to check the sum independently. */
    private final LongConsumer onReturned;
    private final ThreadSource threadSource;
    /**
     * A planted bug for tests: true leaves a call that is not mounted (asleep, yielded by the racy
     * counter, or waiting for a safe counter's lock) counted as running (as a count of "calls not
     * finished" would), so the test that running never exceeds the carriers must fail.
     */
    private final boolean unmountedCountsAsRunning;
    /**
     * The most calls in flight at an earlier run's memory sample, by the kind of thread: their memory
     * stays resident, and a run of that kind with no more than a few times as many reuses it (see
     * {@link MemoryPerThread#reused}). By kind: a parked virtual thread's stack is in the heap, a
     * platform thread's in native memory the heap's pages are not reused for.
     */
    private final Map<ThreadKind, Long> inFlightSampledBefore = new ConcurrentHashMap<>();

    /** A runner whose calls really sleep. */
    public CallRunner() {
        this(Sleeper.REAL);
    }

    /** A runner whose calls wait with {@code sleeper} (tests pass one that does not wait). */
    public CallRunner(Sleeper sleeper) {
        this(sleeper, value -> { }, ThreadSource.REAL);
    }

    /** A runner that also reports each value a completed call added to the sum, and takes its threads from {@code threadSource} (for tests). */
    CallRunner(Sleeper sleeper, LongConsumer onReturned, ThreadSource threadSource) {
        this(sleeper, onReturned, threadSource, false);
    }

    /** As above, with the planted bug {@code unmountedCountsAsRunning} switched on or off (tests only). */
    CallRunner(Sleeper sleeper, LongConsumer onReturned, ThreadSource threadSource, boolean unmountedCountsAsRunning) {
        this.sleeper = Objects.requireNonNull(sleeper);
        this.onReturned = Objects.requireNonNull(onReturned);
        this.threadSource = Objects.requireNonNull(threadSource);
        this.unmountedCountsAsRunning = unmountedCountsAsRunning;
    }

    @Override
    protected CallRun newRun(CallSettings settings) {
        return new CallRun(settings);
    }

    @Override
    public boolean supportsStep() {
        return false;
    }

    /**
     * The virtual-thread scheduler's carrier threads: its parallelism, which the JDK takes from
     * {@code jdk.virtualThreadScheduler.parallelism}, else the processors available.
     */
    public static int carrierThreads() {
        Integer configured = Integer.getInteger("jdk.virtualThreadScheduler.parallelism");
        return configured != null && configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }

    /** The latest run as it is now; {@link CallSnapshot#NONE} before the first run. */
    public CallSnapshot snapshot() {
        RunState now = state();
        CallRun run = latest();
        return run == null ? CallSnapshot.NONE : run.snapshot(now);
    }

    /** The latest run's counter, or null before the first; for tests, which hold its lock to make calls wait. */
    Counter counter() {
        CallRun run = latest();
        return run == null ? null : run.counter();
    }

    /** One run: its shared objects, its counters, its threads. */
    final class CallRun extends Run<CallResult> {
        private final CallSettings settings;
        private final Counter counter;
        private final Sum sum = new Sum();
        private final Service service;
        private final SleepPlan sleepPlan;
        /** Where calls and the dispatcher wait while the run is paused. */
        private final PauseSwitch pauseSwitch;
        /** Free places for calls in flight. Invariant: permits available <= free slots. */
        private final Semaphore permits;
        /** Calls started and not yet finished. 0 <= inFlight <= concurrency. */
        private final AtomicLong inFlight = new AtomicLong();
        /**
         * Guards the calls' time in flight: the count and the time summed change together and are read
         * together. Two sums of start and end times, read apart from the count, were off by a whole
         * run's time each time a call came or went between the reads (a review): a plot point of
         * hundreds in flight at a concurrency of 100.
         */
        private final Object flight = new Object();
        /** The calls' time in flight up to {@link #flightAt} (active ns, summed over the calls). Guarded by flight. */
        private long flightNanos;
        /** The active time {@link #flightNanos} is summed up to. Guarded by flight. */
        private long flightAt;
        /** The calls in flight as {@link #flightNanos} counts them. Guarded by flight. */
        private long flightCount;
        /** The most calls in flight at once. Written only by the dispatcher. */
        private volatile long maxInFlight;
        /** Calls handed to a thread. Written only by the dispatcher. */
        private volatile long callsStarted;
        /** Active time at which the latest call was handed to its thread. Written only by the dispatcher. */
        private volatile long lastStartNanos;
        /**
         * Values the counter handed out: the calls that read it. Once every call has ended, less
         * {@link #callsCompleted}, the calls Stop cut short after they had read it.
         */
        private final LongAdder valuesHandedOut = new LongAdder();
        /** Calls that returned and added their value. A statistic: read as an estimate while the run moves. */
        private final LongAdder callsCompleted = new LongAdder();
        /** Calls in flight running: past their first pause check and not asleep, not yet counted. Changed only by each call's own thread. */
        private final AtomicLong running = new AtomicLong();
        /** Calls in flight asleep in the service. Changed only by each call's own thread. */
        private final AtomicLong parked = new AtomicLong();
        /** Calls in flight at the counter's lock (waiting for it, or in their update). Changed only by each call's own thread. */
        private final AtomicLong atLock = new AtomicLong();
        /** Every completed call's drawn sleep and measured duration. */
        private final CallHistogram.Recorder histogram;
        /** The memory sample with the most calls parked so far; written by the sampler only. */
        private volatile MemoryPerThread memory = MemoryPerThread.NONE;
        /** The machine's cores' time over the run's active spans: see {@link MachineCpu}. Safe from any thread. */
        private final MachineCpu.Span cpu = new MachineCpu.Span();
        /** Samples memory while the calls run; null before launch. */
        private Thread memorySampler;
        /** Set by the finisher once every call has ended: the sampler stops. */
        private volatile boolean callsEnded;
        /** The thread that last used each slot (it may have ended), or null; what cancel interrupts and the finisher joins. */
        private AtomicReferenceArray<Thread> slots;
        /** Threads whose slot was reused while they were still leaving. Dispatcher only; the finisher joins them after it. */
        private final ArrayDeque<Thread> exiting = new ArrayDeque<>();
        /**
         * Slots freed by their calls, freed longest ago first. A call offers its slot before it
         * releases its permit, so a dispatcher holding a permit, with no fresh slot left, finds one here.
         */
        private final ConcurrentLinkedQueue<Integer> freeSlots = new ConcurrentLinkedQueue<>();
        /** Slots never used yet are slots[usedSlots..]: handed out before any freed one is. Dispatcher only. */
        private int usedSlots;
        /** How many completed calls returned value v, at index v - 1: duplicates are counted from it. */
        private AtomicIntegerArray timesReturned;
        /** Per call, in call order: the active microseconds credited to the ideal. Entry i written only by call i. */
        private int[] creditedMicros;
        private Thread dispatcher;

        CallRun(CallSettings settings) {
            this(settings, new PauseSwitch());
        }

        private CallRun(CallSettings settings, PauseSwitch pauseSwitch) {
            super(pauseSwitch);
            this.settings = settings;
            this.pauseSwitch = pauseSwitch;
            // A call the racy counter's yield unmounts waits for a carrier, and one at a safe
            // counter's lock may wait for it: not running meanwhile (the planted bug counts both
            // running, as it counts a sleeping call).
            this.counter = unmountedCountsAsRunning ? settings.counter().newCounter()
                    : settings.counter().newCounter(new CounterKind.Watch() {
                @Override
                public void yielding() {
                    running.decrementAndGet();
                }

                @Override
                public void resumed() {
                    running.incrementAndGet();
                }

                @Override
                public void atLock() {
                    running.decrementAndGet();
                    atLock.incrementAndGet();
                }

                @Override
                public void pastLock() {
                    atLock.decrementAndGet();
                    running.incrementAndGet();
                }
            });
            this.sleepPlan = new SleepPlan(settings.seed(), settings.maxSleepMillis());
            // The service reads the counter through this, which counts the values handed out: less the
            // calls completed, once every call has ended, the calls Stop cut short after they had read it.
            Counter counting = new Counter() {
                @Override
                public long next() {
                    long value = counter.next();
                    valuesHandedOut.increment();
                    return value;
                }

                @Override
                public long value() {
                    return counter.value();
                }
            };
            this.service = new Service(counting, sleepPlan, this::sleepParked);
            this.histogram = new CallHistogram.Recorder(settings.maxSleepMillis());
            this.permits = new Semaphore(settings.concurrency());
        }

        @Override
        protected void launch() {
            int concurrency = settings.concurrency();
            slots = new AtomicReferenceArray<>(concurrency); // no slot queued: 100,000 offers took the Run's frame
            timesReturned = new AtomicIntegerArray(settings.calls());
            creditedMicros = new int[settings.calls()];
            cpu.launched();
            long rssBefore = MemoryPerThread.rssBytes();
            long peakBefore = MemoryPerThread.peakRssBytes();
            long heapBefore = MemoryPerThread.heapUsedBytes();
            long inFlightBefore = inFlightSampledBefore.getOrDefault(settings.threads(), 0L);
            memorySampler = Thread.ofPlatform().daemon(true).name("interleave-calls-memory")
                    .unstarted(() -> sampleMemory(rssBefore, peakBefore, heapBefore, inFlightBefore));
            memorySampler.start();
            dispatcher = Thread.ofPlatform().daemon(true).name("interleave-calls-dispatcher").unstarted(this::dispatch);
            dispatcher.start();
        }

        private void dispatch() {
            ThreadFactory threads = threadSource.factory(settings.threads(), "interleave-call-");
            try {
                for (int i = 0; i < settings.calls() && !isCancelled(); i++) {
                    pauseSwitch.awaitRunning();
                    permits.acquire();
                    // A permit means a free slot: a fresh one while there are some, else one a call freed.
                    int slot = usedSlots < slots.length() ? usedSlots++ : freeSlots.poll();
                    Thread previous = slots.get(slot);
                    if (previous != null && previous.isAlive()) {
                        exiting.addLast(previous);
                    }
                    if (exiting.size() > 64) {
                        exiting.removeIf(thread -> !thread.isAlive());
                    }
                    int index = i;
                    long startedAt = clock().activeNanos();
                    Thread thread = threads.newThread(() -> runCall(index, slot, startedAt));
                    slots.set(slot, thread);
                    if (isCancelled()) {
                        slots.set(slot, null);
                        break;
                    }
                    flightChange(1);
                    long nowInFlight = inFlight.incrementAndGet();
                    if (nowInFlight > maxInFlight) {
                        maxInFlight = nowInFlight;
                    }
                    try {
                        thread.start();
                    } catch (OutOfMemoryError | RuntimeException e) {
                        // e.g. "unable to create native thread": fail the run, keep the program.
                        slots.set(slot, null);
                        inFlight.decrementAndGet();
                        flightChange(-1);
                        fail(e);
                        break;
                    }
                    callsStarted = index + 1;
                    lastStartNanos = startedAt;
                }
            } catch (InterruptedException e) {
                // Stop or failure: the finisher joins the calls in flight.
            } catch (RuntimeException | Error e) {
                fail(e);
            }
        }

        /**
         * {@code delta} calls came into flight now (or left it, below 0): the time in flight is summed
         * up to now first. The clock is read holding flight, so the changes' times never go back (read
         * before, a thread held up between its reading and the lock counted from a time already past).
         */
        private void flightChange(int delta) {
            synchronized (flight) {
                long at = Math.max(flightAt, clock().activeNanos());
                flightNanos += flightCount * (at - flightAt);
                flightAt = at;
                flightCount += delta;
            }
        }

        /**
         * The calls' time in flight up to active time {@code now}, summed over the calls; a {@code now}
         * read a moment before the latest change is reckoned back from it.
         */
        private long flightNanos(long now) {
            synchronized (flight) {
                return Math.max(0, flightNanos + flightCount * (now - flightAt));
            }
        }

        /** Call {@code index} in {@code slot}, its thread started at active time {@code startedAt}. */
        private void runCall(int index, int slot, long startedAt) {
            long from = 0;
            boolean inService = false;
            boolean isRunning = false;
            try {
                if (isCancelled()) {
                    return;
                }
                pauseSwitch.awaitRunning();
                if (isCancelled()) {
                    return;
                }
                running.incrementAndGet();
                isRunning = true;
                from = clock().activeNanos();
                inService = true;
                long value = service.call(index + 1L);
                long returnedAt = clock().activeNanos();
                inService = false;
                int sleepMillis = sleepPlan.sleepMillisFor(index + 1L);
                credit(index, from, sleepMillis);
                running.decrementAndGet();
                isRunning = false;
                pauseSwitch.awaitRunning();
                if (isCancelled()) {
                    // Stop came while it slept, before its interrupt reached it (interrupting 100,000
                    // calls takes seconds): cut short as the interrupted are, so that the figures
                    // stop at Stop, not tens of thousands of calls later.
                    return;
                }
                histogram.record(sleepMillis, returnedAt - startedAt);
                sum.add(value);
                if (value >= 1 && value <= settings.calls()) {
                    timesReturned.incrementAndGet((int) (value - 1));
                }
                callsCompleted.increment();
                onReturned.accept(value);
            } catch (InterruptedException e) {
                if (!isCancelled()) {
                    fail(e);
                }
            } catch (RuntimeException | Error e) {
                fail(e);
            } finally {
                if (isRunning) {
                    running.decrementAndGet();
                }
                if (inService) {
                    // Interrupted (or failed) in the service: credit what it slept.
                    credit(index, from, CallSettings.MAX_SLEEP_MILLIS);
                }
                flightChange(-1);
                inFlight.decrementAndGet();
                freeSlots.offer(slot);
                permits.release();
            }
        }

        /** The service's sleep, with the calling call counted parked (not running) while it lasts. */
        private void sleepParked(long sleepMillis) throws InterruptedException {
            if (unmountedCountsAsRunning) {
                sleepActive(sleepMillis);
                return;
            }
            running.decrementAndGet();
            parked.incrementAndGet();
            try {
                sleepActive(sleepMillis);
            } finally {
                parked.decrementAndGet();
                running.incrementAndGet();
            }
        }

        /**
         * Sleeps {@code sleepMillis} of active time: whatever part of the sleep a pause took is
         * slept again once the run resumes (after waiting out the pause), so a call's sleep stops
         * with the clock. Without a pause, one sleep and two volatile reads.
         */
        private void sleepActive(long sleepMillis) throws InterruptedException {
            long pausedBefore = clock().pausedNanos();
            sleeper.sleep(sleepMillis);
            for (long owed = clock().pausedNanos() - pausedBefore; owed > 0; ) {
                pauseSwitch.awaitRunning();
                pausedBefore = clock().pausedNanos();
                sleeper.sleep(TimeUnit.NANOSECONDS.toMillis(owed + 999_999)); // whole ms, rounded up
                owed = clock().pausedNanos() - pausedBefore;
            }
        }

        /**
         * Samples memory every {@link MemoryPerThread#INTERVAL_MILLIS} ms until the calls have
         * ended (or the run is cancelled), keeping the sample with the most calls parked.
         */
        private void sampleMemory(long rssBefore, long peakBefore, long heapBefore, long inFlightBefore) {
            long mostParked = 0;
            try {
                while (!callsEnded) {
                    Thread.sleep(MemoryPerThread.INTERVAL_MILLIS);
                    long nowParked = parked.get();
                    if (nowParked > mostParked) {
                        mostParked = nowParked;
                        long rss = MemoryPerThread.rssBytes();
                        if (Thread.currentThread().isInterrupted()) {
                            return; // the read may have been cut short: keep the last whole sample
                        }
                        boolean rssKnown = rssBefore >= 0 && rss >= 0;
                        long inFlightNow = inFlight.get();
                        long heapGrowth = MemoryPerThread.heapUsedBytes() - heapBefore;
                        memory = new MemoryPerThread(inFlightNow, rssKnown, rssKnown ? rss - rssBefore : 0,
                                rssKnown && MemoryPerThread.reused(rssBefore, peakBefore, rss, inFlightBefore,
                                        inFlightNow, settings.threads().stacksInHeap(), heapGrowth), heapGrowth);
                        inFlightSampledBefore.merge(settings.threads(), inFlightNow, Math::max);
                    }
                }
            } catch (InterruptedException e) {
                // Stop, or the calls have ended: the best sample so far stands.
            }
        }

        /** Credits call {@code index} with the active time since {@code from}, at most {@code sleepMillis}. */
        private void credit(int index, long from, int sleepMillis) {
            long activeMicros = (clock().activeNanos() - from) / 1_000;
            creditedMicros[index] = (int) Math.min(activeMicros, sleepMillis * 1_000L);
        }

        @Override
        protected void interruptThreads() {
            Thread self = Thread.currentThread();
            Thread dispatching = dispatcher;
            if (dispatching != null && dispatching != self) {
                dispatching.interrupt();
            }
            Thread sampling = memorySampler;
            if (sampling != null && sampling != self) {
                sampling.interrupt();
            }
            AtomicReferenceArray<Thread> all = slots;
            if (all == null) {
                return;
            }
            for (int slot = 0, n = all.length(); slot < n; slot++) {
                Thread thread = all.get(slot);
                if (thread != null && thread != self) {
                    thread.interrupt();
                }
            }
        }

        @Override
        protected void joinThreads() throws InterruptedException {
            if (dispatcher != null) {
                joinCalls();
            }
            callsEnded = true;
            if (memorySampler != null) {
                memorySampler.interrupt();
                memorySampler.join();
            }
        }

        private void joinCalls() throws InterruptedException {
            dispatcher.join();
            for (int slot = 0, n = slots.length(); slot < n; slot++) {
                Thread thread = slots.get(slot);
                if (thread != null) {
                    thread.join();
                }
            }
            for (Thread thread : exiting) {
                thread.join();
            }
        }

        @Override
        protected boolean ranToEnd() {
            return callsCompleted.sum() == settings.calls();
        }

        @Override
        protected CallResult result(Outcome outcome, Throwable failure, long elapsedNanos) {
            long duplicates = 0;
            if (timesReturned != null) {
                for (int v = 0; v < settings.calls(); v++) {
                    duplicates += Math.max(0, timesReturned.get(v) - 1);
                }
            }
            long idealMicros = 0;
            if (creditedMicros != null) {
                int started = (int) Math.min(callsStarted, creditedMicros.length);
                idealMicros = IdealMakespan.of(Arrays.copyOf(creditedMicros, started), settings.concurrency());
            }
            CallResult ended = new CallResult(settings, outcome, failure, sum.total(), settings.expectedTotal(),
                    callsCompleted.sum(), duplicates, counter.value(), elapsedNanos, TimeUnit.MICROSECONDS.toNanos(idealMicros),
                    maxInFlight, startsPerSecond(), histogram.snapshot(), memory,
                    Math.max(0, valuesHandedOut.sum() - callsCompleted.sum()), othersCpu());
            timesReturned = null;
            creditedMicros = null;
            return ended;
        }

        /** The share of the cores' time other programs used while the run's clock counted, where known. */
        private OptionalDouble othersCpu() {
            cpu.paused(); // the end
            return cpu.othersShare();
        }

        @Override
        protected void clockPaused() {
            cpu.paused();
        }

        @Override
        protected void clockResumed() {
            cpu.resumed();
        }

        /** Calls started per second, from the run's start to the latest start (0 before the second). */
        private double startsPerSecond() {
            long started = callsStarted;
            long by = lastStartNanos;
            return started < 2 || by == 0 ? 0 : (started - 1) * 1e9 / by;
        }

        Counter counter() {
            return counter;
        }

        CallSnapshot snapshot(RunState now) {
            // The result first: once it is there every call has ended, so the figures read after it
            // are final and agree with it (read before, the counter could be a moment older).
            CallResult ended = result();
            // The run's time and the time in flight read together under the flight lock: the time read
            // before a wait for the lock, the sum reckoned back to it with the count of after the wait
            // gave 232 in flight on average at a concurrency of 100 (CallRunnerTest, once in CI). And
            // before the counts, which are read after it: a wait for the lock came between an in-flight
            // count read first and the rest, 0 in flight beside 2,000 started and 1,793 at the
            // counter's lock (CallInstrumentationTest, once in CI).
            long elapsed;
            long inFlightNanos; // each call's time in flight: to its end, or to now
            synchronized (flight) {
                elapsed = elapsedNanos();
                inFlightNanos = flightNanos(elapsed);
            }
            return new CallSnapshot(now, settings, counter.value(), sum.total(), callsStarted, callsCompleted.sum(),
                    inFlight.get(), running.get(), parked.get(), atLock.get(), carrierThreads(), maxInFlight,
                    startsPerSecond(),
                    elapsed, ended,
                    histogram.snapshot(), memory, inFlightNanos);
        }
    }
}
