package dev.interleave.engine.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Gate;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.Run;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Runner;
import dev.interleave.engine.run.ThreadSource;

/**
 * Runs the second challenge: P producers and Q consumers, each on its own thread, passing the items
 * 1..M through a bounded buffer, with Run, Pause, Step and Stop.
 *
 * <p>The run kit's contract ({@link Runner}); Pause closes the {@link Gate} every worker passes
 * before each put and take, so the workers park there; {@link #step} lets exactly one through.
 * Stop interrupts every worker, wherever it is blocked, and returns when all have ended.
 */
public final class BufferRunner extends Runner<BufferSettings, BufferResult, BufferRunner.BufferRun> {

    /**
     * How long every live worker must wait in a wait set, with no put or take meanwhile, before the
     * lab calls the run stalled: long enough that a slow thread under load is not taken for one
     * (signals are handed on in microseconds), short enough to see at once.
     */
    public static final long STALL_MILLIS = 500;
    /** How often the watchdog looks. */
    static final long WATCH_MILLIS = 25;

    /*
     * Implementation notes. Each run has its own buffer, gate, counters and threads. Counters the
     * workers write are LongAdders (statistics) and a bit per item, set with an atomic OR, which is
     * how "each item consumed exactly once" is checked per item. The kit's finisher joins every
     * worker before the result is built, which makes every worker's writes visible to it. Workers
     * are published in `threads` before `cancelled` is read again (see Run).
     *
     * The lab: a watchdog thread (one per instrumented run, joined like the workers) asks the buffer
     * every WATCH_MILLIS whether every live worker waits in a wait set; when that has held, with no
     * put or take, for STALL_MILLIS, it fails the run with a BufferStall. A put or take that would
     * break the slot invariant throws BufferViolation, and an item consumed twice is one too: both
     * fail the run, which interrupts every worker, so it ends with no thread left.
     *
     * Workers join and leave during a run (setWorkers) under `membership`: a new worker is registered
     * and its thread started and published in `threads` (a queue) while holding it, unless the run is
     * closed; joinThreads joins until a pass finds no thread it has not joined, then closes the run
     * under the same lock, so no thread starts after the last join. A leaving worker is asked to
     * (Worker's leave flag, set by LabBuffer.dismiss under the buffer's lock, which records it; an
     * ArrayBlockingQueue run's worker directly) and stops before its next item, so nothing is lost.
     */

    private static final VarHandle BITS = MethodHandles.arrayElementVarHandle(long[].class);
    /** {@link Paused#atPause} while the clock counts. */
    private static final long NOT_PAUSED = -1;

    /**
     * Items consumed while a run's clock was paused: {@code ended} during the pauses that have ended,
     * and the consumed count when the current pause began ({@link #NOT_PAUSED} while it counts).
     * Replaced whole, so a reader never pairs one pause's start with another's total.
     */
    private record Paused(long ended, long atPause) {
    }

    private final ThreadSource threadSource;
    /** Events each new run's log keeps, or 0: runs record nothing. */
    private volatile int recording;

    public BufferRunner() {
        this(ThreadSource.REAL);
    }

    /** A runner that takes its threads from {@code threadSource} (tests pass one that fails). */
    BufferRunner(ThreadSource threadSource) {
        this.threadSource = Objects.requireNonNull(threadSource);
    }

    @Override
    protected BufferRun newRun(BufferSettings settings) {
        return new BufferRun(settings);
    }

    @Override
    public boolean supportsStep() {
        return true;
    }

    /**
     * Whether the runs started from now on record their events, and how many of the newest each
     * keeps ({@link EventLog}; {@link EventLog#DEFAULT_CAPACITY} is a good size, at
     * {@link EventLog#BYTES_PER_EVENT} bytes each, allocated when the run starts); 0 records
     * nothing. Only Interleave's buffer records; an ArrayBlockingQueue run never does.
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

    /**
     * Lets exactly one gated action happen while paused, by the worker named {@code worker} (P1,
     * C2, ...) rather than the one that waited longest at the gate; it acts when it is at the gate.
     *
     * @throws IllegalStateException unless paused
     * @throws IllegalArgumentException if the run has no such worker
     */
    public void step(String worker) {
        BufferRun run = latest();
        if (run == null) {
            throw new IllegalStateException("no run was started");
        }
        run.chooseNext(worker);
        try {
            step();
        } catch (RuntimeException e) {
            run.chooseNext(null);
            throw e;
        }
    }

    /** Changes the delays of the run in progress; workers use them from their next item. */
    public void setDelays(DelayRange produce, DelayRange consume) {
        BufferRun run = latest();
        if (run != null) {
            run.produceDelay = Objects.requireNonNull(produce);
            run.consumeDelay = Objects.requireNonNull(consume);
        }
    }

    /**
     * Changes how many producers and consumers the run in progress has (section 4 of the lab): a new
     * worker joins at once (named after the last of its role: P4, C3, ...); a removed worker, the
     * newest of its role first, finishes its current put or take and leaves, so nothing is lost and
     * the account still balances. Does nothing when no run is in progress; does not wait.
     *
     * @throws IllegalArgumentException unless each is 1 to {@link BufferSettings#MAX_WORKERS}
     */
    public void setWorkers(int producers, int consumers) {
        if (producers < 1 || producers > BufferSettings.MAX_WORKERS || consumers < 1
                || consumers > BufferSettings.MAX_WORKERS) {
            throw new IllegalArgumentException(String.format("producers and consumers must be 1 to %d, were %d and %d",
                    BufferSettings.MAX_WORKERS, producers, consumers));
        }
        BufferRun run = latest();
        if (run != null && run.result() == null) {
            run.setWorkers(producers, consumers);
        }
    }

    /**
     * Changes the buffer's slots during the run in progress: growing takes effect at once; shrinking
     * waits until the items fit, and producers wait meanwhile. Not for an abq run (it cannot change).
     * Does nothing when no run is in progress; does not wait.
     *
     * @throws IllegalArgumentException unless 1 to {@link BufferSettings#MAX_CAPACITY}
     * @throws IllegalStateException for an abq run
     */
    public void setCapacity(int capacity) {
        if (capacity < 1 || capacity > BufferSettings.MAX_CAPACITY) {
            throw new IllegalArgumentException(String.format("capacity must be 1 to %,d, was %,d",
                    BufferSettings.MAX_CAPACITY, capacity));
        }
        BufferRun run = latest();
        if (run == null || run.result() != null) {
            return;
        }
        if (run.buffer == null) {
            throw new IllegalStateException("an abq run cannot change its capacity");
        }
        run.buffer.resize(capacity);
    }

    /** The latest run now; {@link BufferRunSnapshot#NONE} before the first. */
    public BufferRunSnapshot snapshot() {
        RunState now = state();
        BufferRun run = latest();
        return run == null ? BufferRunSnapshot.NONE : run.snapshot(now);
    }

    /** The operations a worker loop needs, over either buffer. */
    private interface Channel {
        void put(Worker producer, long item) throws InterruptedException;

        long take(Worker consumer) throws InterruptedException;

        int size();

        long waitsOnFull();

        long waitsOnEmpty();
    }

    private static Channel instrumented(LabBuffer buffer) {
        return new Channel() {
            @Override
            public void put(Worker producer, long item) throws InterruptedException {
                buffer.put(producer, item);
            }

            @Override
            public long take(Worker consumer) throws InterruptedException {
                return buffer.take(consumer);
            }

            @Override
            public int size() {
                return buffer.size();
            }

            @Override
            public long waitsOnFull() {
                return buffer.snapshot().waitsOnFull();
            }

            @Override
            public long waitsOnEmpty() {
                return buffer.snapshot().waitsOnEmpty();
            }
        };
    }

    /**
     * ArrayBlockingQueue has no instruments: a wait is counted when a non-blocking offer/poll fails
     * and the blocking put/take follows (once per call, where Interleave's buffer counts each await).
     */
    private static Channel abq(int capacity, boolean fair) {
        ArrayBlockingQueue<Long> queue = new ArrayBlockingQueue<>(capacity, fair);
        LongAdder fullWaits = new LongAdder();
        LongAdder emptyWaits = new LongAdder();
        return new Channel() {
            @Override
            public void put(Worker producer, long item) throws InterruptedException {
                Long boxed = item;
                if (!queue.offer(boxed)) {
                    fullWaits.increment();
                    producer.set(WorkerState.WAITING_NOT_FULL, Where.WAITING);
                    queue.put(boxed);
                }
            }

            @Override
            public long take(Worker consumer) throws InterruptedException {
                Long item = queue.poll();
                if (item == null) {
                    emptyWaits.increment();
                    consumer.set(WorkerState.WAITING_NOT_EMPTY, Where.WAITING);
                    item = queue.take();
                }
                return item;
            }

            @Override
            public int size() {
                return queue.size();
            }

            @Override
            public long waitsOnFull() {
                return fullWaits.sum();
            }

            @Override
            public long waitsOnEmpty() {
                return emptyWaits.sum();
            }
        };
    }

    /** The instrumented buffer {@code settings} name, recording into {@code log} (or not, when null). */
    static LabBuffer newBuffer(BufferSettings settings, EventLog log) {
        return switch (settings.impl()) {
            case LOCK -> new BoundedBuffer(settings.capacity(), settings.fair(), settings.policy(), settings.bug(),
                    settings.spurious(), log);
            case MONITOR -> new MonitorBuffer(settings.capacity(), settings.bug(), settings.spurious(), log);
            case SEMAPHORE -> new SemaphoreBuffer(settings.capacity(), settings.fair(), settings.bug(), log);
            case ABQ -> throw new IllegalArgumentException("abq is not instrumented");
        };
    }

    final class BufferRun extends Run<BufferResult> {
        private final BufferSettings settings;
        /** The instrumented buffer, or null for abq. */
        private final LabBuffer buffer;
        private final Channel channel;
        private final Gate gate;
        /** Where the buffer records, or null. */
        private final EventLog log;
        /** Every worker that ever joined, in joining order. */
        private final List<Worker> workers = new CopyOnWriteArrayList<>();
        /** The threads of the workers and the watchdog, once started; what cancel interrupts and the finisher joins. */
        private final Queue<Thread> threads = new ConcurrentLinkedQueue<>();
        /** Guards joining, leaving and closing (see the notes). */
        private final Object membership = new Object();
        /** No thread may start any more: the finisher has joined them all. Guarded by membership. */
        private boolean closed;
        /** Makes the workers' threads. */
        private ThreadFactory factory;
        /** The last item number drawn by a producer; items are 1..M. */
        private final AtomicLong lastItemDrawn = new AtomicLong();
        /** Items not yet claimed by a consumer (bounded runs): a consumer takes only with a claim. */
        private final AtomicLong unclaimed;
        private final LongAdder made = new LongAdder();
        private final LongAdder put = new LongAdder();
        private final LongAdder consumed = new LongAdder();
        /**
         * Items consumed during the pauses that have ended, and where the count stood at the current one.
         * Written only under the lifecycle's lock (clockPaused, clockResumed); read without it.
         */
        private volatile Paused paused = new Paused(0, NOT_PAUSED);
        private final LongAdder consumedSum = new LongAdder();
        private final LongAdder duplicates = new LongAdder();
        /** Bit i-1 set once item i is consumed (bounded runs only). */
        private final long[] consumedBits;
        private volatile DelayRange produceDelay;
        private volatile DelayRange consumeDelay;

        BufferRun(BufferSettings settings) {
            this(settings, new Gate());
        }

        private BufferRun(BufferSettings settings, Gate gate) {
            super(gate);
            this.gate = gate;
            this.settings = settings;
            this.produceDelay = settings.produceDelay();
            this.consumeDelay = settings.consumeDelay();
            this.unclaimed = new AtomicLong(settings.items());
            this.consumedBits = settings.isBounded() ? new long[(int) ((settings.items() + 63) / 64)] : new long[0];
            int events = recording;
            BoundedBuffer.warmUp(); // its first use loads JFR: before the log's clock starts
            if (settings.impl().instrumented()) {
                log = newLog(events);
                buffer = newBuffer(settings, log);
                buffer.holdAt(gate); // looks stop at it while paused, and spurious wake-ups do not go on
                channel = instrumented(buffer);
            } else {
                log = null;
                buffer = null;
                channel = abq(settings.capacity(), settings.fair());
            }
        }

        @Override
        protected void launch() {
            factory = threadSource.factory(settings.threads(), "interleave-buffer-");
            synchronized (membership) {
                // Every worker joins before any starts: with no delays, two producers and a consumer
                // broke if-not-while's buffer 9 ms in, and the log read "C3 joins as a consumer" after
                // "... nobody puts or takes after it" (a teaching assistant's tryout). Each one that
                // joined starts, even if the run was cancelled meanwhile (it ends at once, as done).
                List<Worker> joined = new ArrayList<>();
                for (int p = 1; p <= settings.producers() && !isCancelled(); p++) {
                    joined.add(enrol(new Worker("P" + p, Worker.Role.PRODUCER)));
                }
                for (int c = 1; c <= settings.consumers() && !isCancelled(); c++) {
                    joined.add(enrol(new Worker("C" + c, Worker.Role.CONSUMER)));
                }
                for (Worker worker : joined) {
                    begin(worker);
                }
                if (buffer != null && !isCancelled()) {
                    start(Thread.ofVirtual().name("interleave-buffer-watchdog").unstarted(this::watch));
                }
            }
        }

        /** Registers {@code worker} and starts its thread. Call only holding membership, while not closed. */
        private void join(Worker worker) {
            begin(enrol(worker));
        }

        /** Registers {@code worker} (in the log, it joins); returns it. Call only holding membership, while not closed. */
        private Worker enrol(Worker worker) {
            assert Thread.holdsLock(membership) && !closed;
            workers.add(worker);
            if (buffer != null) {
                buffer.register(worker);
            }
            return worker;
        }

        /** Starts enrolled {@code worker}'s thread. Call only holding membership. */
        private void begin(Worker worker) {
            assert Thread.holdsLock(membership);
            Runnable loop = worker.role() == Worker.Role.PRODUCER ? () -> produce(worker) : () -> consume(worker);
            Thread thread = factory.newThread(loop);
            thread.setName("interleave-buffer-" + worker.name());
            start(thread);
        }

        /** Starts and publishes {@code thread}; interrupts it if the run was cancelled meanwhile. */
        private void start(Thread thread) {
            thread.start();
            threads.add(thread);
            if (isCancelled()) {
                thread.interrupt();
            }
        }

        /** See {@link BufferRunner#setWorkers}. */
        void setWorkers(int producers, int consumers) {
            synchronized (membership) {
                if (closed || isCancelled()) {
                    return;
                }
                adjust(Worker.Role.PRODUCER, producers);
                adjust(Worker.Role.CONSUMER, consumers);
            }
        }

        /** Makes the workers of {@code role} that are not leaving {@code wanted}. Call only holding membership. */
        private void adjust(Worker.Role role, int wanted) {
            List<Worker> staying = new ArrayList<>();
            int highest = 0;
            for (Worker worker : workers) {
                if (worker.role() == role) {
                    highest = Math.max(highest, Integer.parseInt(worker.name().substring(1)));
                    if (!worker.leaving() && worker.state() != WorkerState.DONE) {
                        staying.add(worker);
                    }
                }
            }
            for (int i = staying.size(); i < wanted; i++) {
                join(new Worker((role == Worker.Role.PRODUCER ? "P" : "C") + ++highest, role));
            }
            for (int i = staying.size() - 1; i >= wanted; i--) {
                // The newest first; it finishes its current put or take. Recorded: a rewound moment knows it.
                if (buffer != null) {
                    buffer.dismiss(staying.get(i));
                } else {
                    staying.get(i).leave();
                }
            }
        }

        /** The worker the next step is for, or null (the longest-waiting). Set and read on the stepping thread. */
        private volatile Worker chosenNext;

        /** Names the worker the next step is for; null: the longest-waiting. */
        void chooseNext(String name) {
            if (name == null) {
                chosenNext = null;
                return;
            }
            chosenNext = workers.stream().filter(w -> w.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no worker " + name + " in this run"));
        }

        @Override
        protected void step() {
            Worker chosen = chosenNext;
            chosenNext = null;
            if (chosen != null) {
                gate.step(chosen);
            } else {
                gate.step();
            }
        }

        private void produce(Worker producer) {
            boolean partDone = false;
            try {
                while (!isCancelled() && !producer.leaving()) {
                    long item = lastItemDrawn.incrementAndGet();
                    if (settings.isBounded() && item > settings.items()) {
                        partDone = true;
                        break;
                    }
                    made.increment();
                    producer.holding(item); // shown at the gate: it waits there with the item it made
                    producer.set(WorkerState.PRODUCING, Where.OUTSIDE);
                    produceDelay.sleep();
                    gate.pass(producer);
                    channel.put(producer, item);
                    put.increment();
                }
            } catch (InterruptedException e) {
                // Stop: the item in hand, if any, is dropped (made - put counts it).
            } catch (RuntimeException | Error e) {
                fail(e);
            } finally {
                retire(producer, partDone);
            }
        }

        private void consume(Worker consumer) {
            boolean partDone = false;
            try {
                while (!isCancelled() && !consumer.leaving()) {
                    if (settings.isBounded() && unclaimed.getAndDecrement() <= 0) {
                        partDone = true;
                        break;
                    }
                    gate.pass(consumer);
                    long item = channel.take(consumer);
                    consumed.increment();
                    consumedSum.add(item);
                    markConsumed(consumer, item);
                    consumer.set(WorkerState.CONSUMING, Where.OUTSIDE);
                    consumeDelay.sleep();
                }
            } catch (InterruptedException e) {
                // Stop.
            } catch (RuntimeException | Error e) {
                fail(e);
            } finally {
                retire(consumer, partDone);
            }
        }

        /**
         * The worker has ended: DONE, and recorded so when the buffer records, with how: its part
         * done, or it left (fewer workers set), or else the run was stopped first.
         */
        private void retire(Worker worker, boolean partDone) {
            int end = partDone ? BufferEvent.DONE_FINISHED : worker.leaving() ? BufferEvent.DONE_LEFT
                    : BufferEvent.DONE_STOPPED;
            if (buffer != null) {
                buffer.retire(worker, end);
            } else {
                worker.set(WorkerState.DONE, Where.OUTSIDE);
            }
        }

        /**
         * The watchdog: fails the run with a {@link BufferStall} once every live worker has waited in a
         * wait set, with no put or take, for {@link #STALL_MILLIS}; ends when every worker has.
         */
        private void watch() {
            long since = -1;
            long progressSeenAt = 0; // the run's time at the last look that found a put or take since the one before
            long progress = -1;
            try {
                while (!isCancelled()) {
                    Thread.sleep(WATCH_MILLIS);
                    boolean anyLive = false;
                    for (Worker worker : workers) {
                        anyLive |= worker.state() != WorkerState.DONE;
                    }
                    if (!anyLive) {
                        return;
                    }
                    String waiting = buffer.everyoneWaiting();
                    long now = put.sum() + consumed.sum();
                    if (waiting == null || now != progress) {
                        since = -1;
                        if (now != progress) {
                            progress = now;
                            progressSeenAt = elapsedNanos();
                        }
                        continue;
                    }
                    long nanos = System.nanoTime();
                    if (since < 0) {
                        since = nanos;
                    } else if (nanos - since >= STALL_MILLIS * 1_000_000) {
                        // The last put or take came after the look before that one, and by this one:
                        // the stall began within the WATCH_MILLIS before it.
                        fail(new BufferStall(progressSeenAt, waiting));
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // Stop, or the run failed.
            }
        }

        private void markConsumed(Worker consumer, long item) {
            if (!settings.isBounded()) {
                return;
            }
            if (item < 1 || item > settings.items()) {
                duplicates.increment();
                throw new BufferViolation("each item must be consumed once", consumer.name() + " took #" + item
                        + ", which no producer made");
            }
            long index = item - 1;
            long mask = 1L << (index & 63);
            long before = (long) BITS.getAndBitwiseOr(consumedBits, (int) (index >>> 6), mask);
            if ((before & mask) != 0) {
                duplicates.increment();
                throw new BufferViolation("each item must be consumed once", consumer.name() + " took #" + item
                        + " a second time");
            }
        }

        @Override
        protected void interruptThreads() {
            Thread self = Thread.currentThread();
            for (Thread thread : threads) {
                if (thread != self) {
                    thread.interrupt();
                }
            }
        }

        @Override
        protected void joinThreads() throws InterruptedException {
            Set<Thread> joined = new HashSet<>();
            while (true) {
                for (Thread thread : threads) {
                    if (joined.add(thread)) {
                        thread.join();
                    }
                }
                synchronized (membership) {
                    if (joined.containsAll(threads)) {
                        closed = true;
                        return;
                    }
                }
            }
        }

        @Override
        protected boolean ranToEnd() {
            return settings.isBounded() && consumed.sum() == settings.items();
        }

        @Override
        protected BufferResult result(Outcome outcome, Throwable failure, long elapsedNanos) {
            long consumedCount = consumed.sum();
            boolean bounded = settings.isBounded();
            long missing = 0;
            long firstMissing = 0;
            if (BufferResult.missingCounted(settings, consumedCount)) {
                for (int i = 0; i < consumedBits.length; i++) {
                    long expected = i == consumedBits.length - 1 && settings.items() % 64 != 0
                            ? (1L << (settings.items() % 64)) - 1 : -1L;
                    long lost = expected & ~consumedBits[i];
                    if (lost != 0 && firstMissing == 0) {
                        firstMissing = 64L * i + Long.numberOfTrailingZeros(lost) + 1;
                    }
                    missing += Long.bitCount(lost);
                }
            }
            return new BufferResult(settings, outcome, failure, elapsedNanos, made.sum(), put.sum(), consumedCount,
                    consumedWhilePaused(consumedCount), channel.size(), consumedSum.sum(),
                    bounded ? settings.expectedSum() : 0, duplicates.sum(), missing,
                    channel.waitsOnFull(), channel.waitsOnEmpty(), lab(failure, missing, firstMissing));
        }

        /** What the lab found, from the failure (a violation or a stall) and the items' check. */
        private BufferResult.Lab lab(Throwable failure, long missing, long firstMissing) {
            String invariant = failure instanceof BufferViolation v ? v.invariant() : null;
            String action = failure instanceof BufferViolation v ? v.action() : null;
            if (invariant == null && missing > 0) {
                invariant = "each item must be consumed once";
                action = missing + " never consumed (#" + firstMissing + " the first), lost";
            }
            String stall = failure instanceof BufferStall s ? s.waiting() : null;
            long stalledAfter = failure instanceof BufferStall s ? s.stalledAfterNanos() : -1;
            if (buffer == null) {
                return new BufferResult.Lab(invariant, action, stall, stalledAfter, 0, 0, 0);
            }
            BufferSnapshot end = buffer.snapshot();
            return new BufferResult.Lab(invariant, action, stall, stalledAfter, end.futileProducerWakeups(),
                    end.futileConsumerWakeups(), end.spuriousWakeups());
        }

        BufferRunSnapshot snapshot(RunState now) {
            long consumedNow = consumed.sum();
            return new BufferRunSnapshot(now, settings, buffer == null ? null : buffer.snapshot(), gate.view(),
                    made.sum(), put.sum(), consumedNow, consumedWhilePaused(consumedNow), elapsedNanos(), result(), log,
                    asked(false), asked(true));
        }

        @Override
        protected void clockPaused() {
            paused = new Paused(paused.ended(), consumed.sum());
        }

        @Override
        protected void clockResumed() {
            Paused now = paused;
            paused = new Paused(now.ended() + consumed.sum() - now.atPause(), NOT_PAUSED);
        }

        /**
         * Of {@code consumedNow} (a reading of the count), the items consumed while the clock was paused,
         * the current pause's so far included (a run stopped while paused).
         */
        private long consumedWhilePaused(long consumedNow) {
            Paused now = paused;
            return now.ended() + (now.atPause() == NOT_PAUSED ? 0 : Math.max(0, consumedNow - now.atPause()));
        }

        /**
         * The workers asked to leave that have finished ({@code done}: they left) or not yet (they are
         * leaving), in the order they joined. A view sampling once a frame may never see a worker
         * leaving (its last action took less than a frame): it learns that it left from here.
         */
        private List<String> asked(boolean done) {
            List<String> asked = new ArrayList<>();
            for (Worker worker : workers) {
                if (worker.leaving() && (worker.state() == WorkerState.DONE) == done) {
                    asked.add(worker.name());
                }
            }
            return List.copyOf(asked);
        }
    }
}
