package dev.interleave.engine.buffer;

import dev.interleave.engine.run.Outcome;

import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.Gate;
import dev.interleave.engine.run.Lifecycle;
import dev.interleave.engine.run.RunState;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs the second challenge: P producers and Q consumers, each on its own thread, passing the items
 * 1..M through a bounded buffer, with Run, Pause, Step and Stop.
 *
 * <p>Lifecycle {@code IDLE → RUNNING ⇄ PAUSED → STOPPING → IDLE}, moved by compare-and-set: a
 * second {@link #start} is refused, {@link #step} is refused unless paused. {@link #pause} closes
 * the {@link Gate} every worker passes before each put and take, so the workers park there;
 * {@link #step} lets exactly one through. {@link #stop} interrupts every worker, wherever it is
 * blocked, and returns when all have ended. All methods are safe to call from any thread.
 */
public final class BufferRunner {

    /*
     * Implementation notes. Each run has its own buffer, gate, counters and threads; `latest` is the
     * run in progress or the last one ended. A virtual "finisher" thread joins every worker thread,
     * then builds the result, sets the state to IDLE and completes `done`: so when await() returns,
     * no worker thread is alive (join is the proof, not a count). Counters the workers write are
     * LongAdders (statistics) and a bit per item, set with an atomic OR, which is how "each item
     * consumed exactly once" is checked per item. The join in the finisher makes every worker's
     * writes visible to the result.
     */

    /** How long {@link #stop()} waits for the workers to end. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

    private static final VarHandle BITS = MethodHandles.arrayElementVarHandle(long[].class);

    /** The lifecycle; the finisher calls ended() once every worker has been joined. */
    private final Lifecycle state = new Lifecycle();
    private volatile Run latest;

    /**
     * Starts a run and returns at once.
     *
     * @throws IllegalStateException if a run is in progress (nothing is started then)
     */
    public void start(BufferSettings settings) {
        Objects.requireNonNull(settings);
        state.begin();
        Run run = new Run(settings);
        latest = run;
        try {
            run.start();
        } catch (RuntimeException | Error e) {
            run.cancel();
            state.ended();
            throw e;
        }
    }

    public RunState state() {
        return state.get();
    }

    /**
     * Parks every worker at its next gate.
     *
     * @throws IllegalStateException unless running
     */
    public void pause() {
        Run run = latest;
        state.pause();
        run.gate.close();
    }

    /**
     * Opens the gate again: back to running freely.
     *
     * @throws IllegalStateException unless paused
     */
    public void resume() {
        Run run = latest;
        state.resume();
        run.gate.open();
    }

    /**
     * Lets exactly one gated action happen: the worker that has waited longest at the gate (or the
     * next to arrive) makes its put or take.
     *
     * @throws IllegalStateException unless paused (Step while running freely is refused)
     */
    public void step() {
        Run run = latest;
        if (state.get() != RunState.PAUSED || run == null) {
            throw new IllegalStateException("step works only while paused; the run is " + state.get());
        }
        run.gate.step();
    }

    /** Changes the delays of the run in progress; workers use them from their next item. */
    public void setDelays(DelayRange produce, DelayRange consume) {
        Run run = latest;
        if (run != null) {
            run.produceDelay = Objects.requireNonNull(produce);
            run.consumeDelay = Objects.requireNonNull(consume);
        }
    }

    /**
     * Stops the run: interrupts every worker, wherever it is blocked, and returns once all have
     * ended. With no run in progress, returns the latest result.
     *
     * @throws TimeoutException if the workers did not end within {@link #STOP_TIMEOUT}
     * @throws IllegalStateException if nothing was ever started
     */
    public BufferResult stop() throws InterruptedException, TimeoutException {
        Run run = requireRun();
        if (state.beginStopping()) {
            run.cancel();
        }
        return run.await(STOP_TIMEOUT);
    }

    /** Waits for the latest run to end. */
    public BufferResult await() throws InterruptedException {
        try {
            return requireRun().await(Duration.ofDays(365));
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits at most {@code timeout} for the latest run to end. */
    public BufferResult await(Duration timeout) throws InterruptedException, TimeoutException {
        return requireRun().await(timeout);
    }

    /** The latest run now; {@link BufferRunSnapshot#NONE} before the first. */
    public BufferRunSnapshot snapshot() {
        RunState now = state.get();
        Run run = latest;
        return run == null ? BufferRunSnapshot.NONE : run.snapshot(now);
    }

    private Run requireRun() {
        Run run = latest;
        if (run == null) {
            throw new IllegalStateException("no run was started");
        }
        return run;
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
                    producer.setState(WorkerState.WAITING_NOT_FULL);
                    queue.put(boxed);
                }
            }

            @Override
            public long take(Worker consumer) throws InterruptedException {
                Long item = queue.poll();
                if (item == null) {
                    emptyWaits.increment();
                    consumer.setState(WorkerState.WAITING_NOT_EMPTY);
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

    private final class Run {
        private final BufferSettings settings;
        private final BoundedBuffer buffer;
        private final Channel channel;
        private final Gate gate = new Gate();
        private final List<Worker> workers = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
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
        private volatile boolean cancelled;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile long startNanos;
        private volatile long endNanos;
        private volatile BufferResult result;
        private final CompletableFuture<BufferResult> done = new CompletableFuture<>();
        private Thread finisher;

        Run(BufferSettings settings) {
            this.settings = settings;
            this.produceDelay = settings.produceDelay();
            this.consumeDelay = settings.consumeDelay();
            this.unclaimed = new AtomicLong(settings.items());
            this.consumedBits = settings.isBounded() ? new long[(int) ((settings.items() + 63) / 64)] : new long[0];
            if (settings.impl() == BufferImpl.INTERLEAVE) {
                buffer = new BoundedBuffer(settings.capacity(), settings.fair(), settings.policy());
                channel = interleave(buffer);
            } else {
                buffer = null;
                channel = abq(settings.capacity(), settings.fair());
            }
        }

        void start() {
            for (int p = 1; p <= settings.producers(); p++) {
                workers.add(new Worker("P" + p, Worker.Role.PRODUCER));
            }
            for (int c = 1; c <= settings.consumers(); c++) {
                workers.add(new Worker("C" + c, Worker.Role.CONSUMER));
            }
            for (Worker worker : workers) {
                if (buffer != null) {
                    buffer.register(worker);
                }
                Runnable loop = worker.role() == Worker.Role.PRODUCER ? () -> produce(worker) : () -> consume(worker);
                threads.add(settings.threads().builder("interleave-buffer-").name("interleave-buffer-" + worker.name())
                        .unstarted(loop));
            }
            startNanos = System.nanoTime();
            for (Thread thread : threads) {
                thread.start();
            }
            finisher = Thread.ofVirtual().name("interleave-buffer-finisher").start(this::finish);
        }

        private void produce(Worker producer) {
            try {
                while (!cancelled) {
                    long item = lastItemDrawn.incrementAndGet();
                    if (settings.isBounded() && item > settings.items()) {
                        break;
                    }
                    made.increment();
                    producer.setState(WorkerState.PRODUCING);
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
                producer.setState(WorkerState.DONE);
            }
        }

        private void consume(Worker consumer) {
            try {
                while (!cancelled && (!settings.isBounded() || unclaimed.getAndDecrement() > 0)) {
                    gate.pass(consumer);
                    long item = channel.take(consumer);
                    consumed.increment();
                    consumedSum.add(item);
                    markConsumed(item);
                    consumer.setState(WorkerState.CONSUMING);
                    consumeDelay.sleep();
                }
            } catch (InterruptedException e) {
                // Stop.
            } catch (RuntimeException | Error e) {
                fail(e);
            } finally {
                consumer.setState(WorkerState.DONE);
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

        private void fail(Throwable cause) {
            if (failure.compareAndSet(null, cause)) {
                state.beginStopping();
                cancel();
            }
        }

        void cancel() {
            cancelled = true;
            for (Thread thread : threads) {
                thread.interrupt();
            }
        }

        private void finish() {
            for (Thread thread : threads) {
                boolean joined = false;
                while (!joined) {
                    try {
                        thread.join();
                        joined = true;
                    } catch (InterruptedException e) {
                        // The finisher is never interrupted on purpose; keep joining.
                    }
                }
            }
            endNanos = System.nanoTime();
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
            Throwable cause = failure.get();
            Outcome outcome = cause != null ? Outcome.FAILED
                    : bounded && consumedCount == settings.items() ? Outcome.COMPLETED
                    : Outcome.STOPPED;
            BufferResult ended = new BufferResult(settings, outcome, cause, endNanos - startNanos, made.sum(),
                    put.sum(), consumedCount, channel.size(), consumedSum.sum(), bounded ? settings.expectedSum() : 0,
                    duplicates.sum(), missing, channel.waitsOnFull(), channel.waitsOnEmpty());
            result = ended;
            state.ended();
            done.complete(ended);
        }

        BufferResult await(Duration timeout) throws InterruptedException, TimeoutException {
            try {
                BufferResult ended = done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                finisher.join();
                return ended;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }

        BufferRunSnapshot snapshot(RunState now) {
            long end = endNanos;
            long elapsed = (end != 0 ? end : System.nanoTime()) - startNanos;
            return new BufferRunSnapshot(now, settings, buffer == null ? null : buffer.snapshot(), gate.view(),
                    made.sum(), consumed.sum(), elapsed, result);
        }
    }
}
