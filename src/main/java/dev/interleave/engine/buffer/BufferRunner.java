package dev.interleave.engine.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
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

    /*
     * Implementation notes. Each run has its own buffer, gate, counters and threads. Counters the
     * workers write are LongAdders (statistics) and a bit per item, set with an atomic OR, which is
     * how "each item consumed exactly once" is checked per item. The kit's finisher joins every
     * worker before the result is built, which makes every worker's writes visible to it. Workers
     * are published in `threads` before `cancelled` is read again (see Run).
     */

    private static final VarHandle BITS = MethodHandles.arrayElementVarHandle(long[].class);

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
        throw new UnsupportedOperationException("comes with the next commits");
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
        throw new UnsupportedOperationException("comes with the next commits");
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

    private static Channel interleave(BoundedBuffer buffer) {
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

    final class BufferRun extends Run<BufferResult> {
        private final BufferSettings settings;
        private final BoundedBuffer buffer;
        private final Channel channel;
        private final Gate gate;
        /** Where the buffer records, or null. */
        private final EventLog log;
        private final List<Worker> workers = new ArrayList<>();
        /** The thread of each worker, once started; what cancel interrupts and the finisher joins. */
        private final AtomicReferenceArray<Thread> threads;
        /** The last item number drawn by a producer; items are 1..M. */
        private final AtomicLong lastItemDrawn = new AtomicLong();
        /** Items not yet claimed by a consumer (bounded runs): a consumer takes only with a claim. */
        private final AtomicLong unclaimed;
        private final LongAdder made = new LongAdder();
        private final LongAdder put = new LongAdder();
        private final LongAdder consumed = new LongAdder();
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
            this.threads = new AtomicReferenceArray<>(settings.producers() + settings.consumers());
            this.consumedBits = settings.isBounded() ? new long[(int) ((settings.items() + 63) / 64)] : new long[0];
            int events = recording;
            if (settings.impl() == BufferImpl.LOCK) {
                log = events > 0 ? new EventLog(events) : null;
                buffer = log != null ? new BoundedBuffer(settings.capacity(), settings.fair(), settings.policy(), log)
                        : new BoundedBuffer(settings.capacity(), settings.fair(), settings.policy());
                channel = interleave(buffer);
            } else if (settings.impl() != BufferImpl.ABQ) {
                throw new UnsupportedOperationException(settings.impl() + " is not built yet");
            } else {
                log = null;
                buffer = null;
                channel = abq(settings.capacity(), settings.fair());
            }
        }

        @Override
        protected void launch() {
            for (int p = 1; p <= settings.producers(); p++) {
                workers.add(new Worker("P" + p, Worker.Role.PRODUCER));
            }
            for (int c = 1; c <= settings.consumers(); c++) {
                workers.add(new Worker("C" + c, Worker.Role.CONSUMER));
            }
            ThreadFactory factory = threadSource.factory(settings.threads(), "interleave-buffer-");
            for (int i = 0; i < workers.size() && !isCancelled(); i++) {
                Worker worker = workers.get(i);
                if (buffer != null) {
                    buffer.register(worker);
                }
                Runnable loop = worker.role() == Worker.Role.PRODUCER ? () -> produce(worker) : () -> consume(worker);
                Thread thread = factory.newThread(loop);
                thread.setName("interleave-buffer-" + worker.name());
                thread.start();
                threads.set(i, thread);
                if (isCancelled()) {
                    thread.interrupt();
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
            try {
                while (!isCancelled()) {
                    long item = lastItemDrawn.incrementAndGet();
                    if (settings.isBounded() && item > settings.items()) {
                        break;
                    }
                    made.increment();
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
                retire(producer);
            }
        }

        private void consume(Worker consumer) {
            try {
                while (!isCancelled() && (!settings.isBounded() || unclaimed.getAndDecrement() > 0)) {
                    gate.pass(consumer);
                    long item = channel.take(consumer);
                    consumed.increment();
                    consumedSum.add(item);
                    markConsumed(item);
                    consumer.set(WorkerState.CONSUMING, Where.OUTSIDE);
                    consumeDelay.sleep();
                }
            } catch (InterruptedException e) {
                // Stop.
            } catch (RuntimeException | Error e) {
                fail(e);
            } finally {
                retire(consumer);
            }
        }

        /** The worker has ended: DONE, and recorded so when the buffer records. */
        private void retire(Worker worker) {
            if (buffer != null) {
                buffer.retire(worker);
            } else {
                worker.set(WorkerState.DONE, Where.OUTSIDE);
            }
        }

        private void markConsumed(long item) {
            if (!settings.isBounded()) {
                return;
            }
            if (item < 1 || item > settings.items()) {
                duplicates.increment();
                return;
            }
            long index = item - 1;
            long mask = 1L << (index & 63);
            long before = (long) BITS.getAndBitwiseOr(consumedBits, (int) (index >>> 6), mask);
            if ((before & mask) != 0) {
                duplicates.increment();
            }
        }

        @Override
        protected void interruptThreads() {
            Thread self = Thread.currentThread();
            for (int i = 0, n = threads.length(); i < n; i++) {
                Thread thread = threads.get(i);
                if (thread != null && thread != self) {
                    thread.interrupt();
                }
            }
        }

        @Override
        protected void joinThreads() throws InterruptedException {
            for (int i = 0, n = threads.length(); i < n; i++) {
                Thread thread = threads.get(i);
                if (thread != null) {
                    thread.join();
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
            if (bounded && consumedCount >= settings.items()) {
                for (int i = 0; i < consumedBits.length; i++) {
                    long expected = i == consumedBits.length - 1 && settings.items() % 64 != 0
                            ? (1L << (settings.items() % 64)) - 1 : -1L;
                    missing += Long.bitCount(expected & ~consumedBits[i]);
                }
            }
            return new BufferResult(settings, outcome, failure, elapsedNanos, made.sum(), put.sum(), consumedCount,
                    channel.size(), consumedSum.sum(), bounded ? settings.expectedSum() : 0, duplicates.sum(), missing,
                    channel.waitsOnFull(), channel.waitsOnEmpty(), BufferResult.Lab.NONE);
        }

        BufferRunSnapshot snapshot(RunState now) {
            return new BufferRunSnapshot(now, settings, buffer == null ? null : buffer.snapshot(), gate.view(),
                    made.sum(), consumed.sum(), elapsedNanos(), result(), log);
        }
    }
}
