package dev.interleave.engine.buffer;

import dev.interleave.engine.run.Gate;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import kotlin.Unit;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.lincheck.datastructures.DSLScenarioBuilder;
import org.jetbrains.lincheck.datastructures.DSLThreadScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lincheck model checking of put/take on balanced scenarios (every take has its put, so a correct
 * buffer always finishes) and of the step gate. Each check has a planted-bug twin that the same
 * check must reject: {@code if} instead of {@code while}; one shared condition with {@code signal};
 * a check-then-act gate.
 */
class BufferLincheckTest {

    /**
     * Two consumers wait on an empty buffer of one slot while one producer puts two items: the
     * scenario where a woken consumer can find its item gone (the {@code if} bug) and where a
     * consumer's signal can wake the other consumer instead of the producer (the one-condition bug).
     */
    private static void twoConsumersOneProducer(DSLScenarioBuilder scenario, Class<?> ops) {
        scenario.parallel(parallel -> {
            parallel.thread(thread -> add(thread, ops, "take"));
            parallel.thread(thread -> add(thread, ops, "take"));
            parallel.thread(thread -> {
                add(thread, ops, "put", 1L);
                return add(thread, ops, "put", 2L);
            });
            return Unit.INSTANCE;
        });
    }

    /** Two producers and one consumer over one slot: producers must wait for the consumer. */
    private static void twoProducersOneConsumer(DSLScenarioBuilder scenario, Class<?> ops) {
        scenario.parallel(parallel -> {
            parallel.thread(thread -> add(thread, ops, "put", 1L));
            parallel.thread(thread -> add(thread, ops, "put", 2L));
            parallel.thread(thread -> {
                add(thread, ops, "take");
                return add(thread, ops, "take");
            });
            return Unit.INSTANCE;
        });
    }

    private static Unit add(DSLThreadScenario thread, Class<?> ops, String name, Object... args) {
        Method method = List.of(ops.getMethods()).stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
        thread.add(new Actor(method, List.of(args), false, false, false, false, false));
        return Unit.INSTANCE;
    }

    static ModelCheckingOptions bufferCheck(Class<?> ops) {
        return new ModelCheckingOptions()
                .iterations(0)
                .invocationsPerIteration(2_000)
                .sequentialSpecification(BufferModel.class)
                .addCustomScenario(s -> {
                    twoConsumersOneProducer(s, ops);
                    return Unit.INSTANCE;
                })
                .addCustomScenario(s -> {
                    twoProducersOneConsumer(s, ops);
                    return Unit.INSTANCE;
                });
    }

    @Test
    void bufferWithSignalIsLinearizable() {
        bufferCheck(SignalOps.class).check(SignalOps.class);
    }

    @Test
    void bufferWithSignalAllIsLinearizable() {
        bufferCheck(SignalAllOps.class).check(SignalAllOps.class);
    }

    @Test
    void fairBufferIsLinearizable() {
        bufferCheck(FairOps.class).check(FairOps.class);
    }

    /** Planted bug: `if` instead of `while` around await. The same check must fail. */
    @Test
    void checkCatchesIfInsteadOfWhile() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> bufferCheck(IfInsteadOfWhileOps.class).check(IfInsteadOfWhileOps.class));
        assertTrue(failure.getMessage().contains("Invalid execution results"), failure.getMessage());
    }

    /** Planted bug: producers and consumers share one condition and signal wakes one thread. The same check must fail. */
    @Test
    void checkCatchesOneConditionWithSignal() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> bufferCheck(OneConditionOps.class).check(OneConditionOps.class));
        assertTrue(failure.getMessage().toLowerCase().contains("deadlock")
                || failure.getMessage().contains("Invalid execution results"), failure.getMessage());
    }

    static ModelCheckingOptions gateCheck() {
        return new ModelCheckingOptions().iterations(30).invocationsPerIteration(500).threads(3).actorsPerThread(2);
    }

    /** Steps and passes on a closed gate: each step lets exactly one pass. */
    @Test
    void gateIsLinearizable() {
        gateCheck().check(GateOps.class);
        new StressOptions().iterations(20).invocationsPerIteration(2_000).threads(3).actorsPerThread(2)
                .check(GateOps.class);
    }

    /** Planted bug: a gate that checks the permit count and then decrements it. The same check must fail. */
    @Test
    void checkCatchesCheckThenActGate() {
        AssertionError failure = assertThrows(AssertionError.class, () -> gateCheck().check(CheckThenActGateOps.class));
        assertTrue(failure.getMessage().contains("Invalid execution results"), failure.getMessage());
    }

    // ---- the buffers under test ----

    /** Operations on one-slot buffers. */
    public abstract static class BufferOps {
        private final BoundedBuffer buffer;

        BufferOps(boolean fair, WakePolicy policy) {
            buffer = new BoundedBuffer(1, fair, policy);
        }

        @Operation
        public void put(long item) throws InterruptedException {
            buffer.put(item);
        }

        @Operation
        public long take() throws InterruptedException {
            return buffer.take();
        }
    }

    public static final class SignalOps extends BufferOps {
        public SignalOps() {
            super(false, WakePolicy.SIGNAL);
        }
    }

    public static final class SignalAllOps extends BufferOps {
        public SignalAllOps() {
            super(false, WakePolicy.SIGNAL_ALL);
        }
    }

    public static final class FairOps extends BufferOps {
        public FairOps() {
            super(true, WakePolicy.SIGNAL);
        }
    }

    /**
     * The sequential meaning of a one-slot buffer. A put on a full or a take on an empty buffer
     * cannot be a linearization point of a blocking buffer, so here they fail, and Lincheck rejects
     * any order that needs them.
     */
    public static final class BufferModel {
        private final java.util.ArrayDeque<Long> items = new java.util.ArrayDeque<>();

        public void put(long item) {
            if (items.size() == 1) {
                throw new IllegalStateException("full");
            }
            items.addLast(item);
        }

        public long take() {
            if (items.isEmpty()) {
                throw new IllegalStateException("empty");
            }
            return items.removeFirst();
        }
    }

    /** Planted bug twin: the classic buffer with `if` where `while` belongs. */
    public static final class IfInsteadOfWhileOps {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notFull = lock.newCondition();
        private final Condition notEmpty = lock.newCondition();
        private final long[] items = new long[1];
        private int count;
        private int putIndex;
        private int takeIndex;

        @Operation
        public void put(long item) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                if (count == items.length) {
                    notFull.await();
                }
                items[putIndex] = item;
                putIndex = (putIndex + 1) % items.length;
                count++;
                notEmpty.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Operation
        public long take() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                if (count == 0) {
                    notEmpty.await();
                }
                long item = items[takeIndex];
                items[takeIndex] = 0;
                takeIndex = (takeIndex + 1) % items.length;
                count--;
                notFull.signalAll();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Planted bug twin: one condition for both sides, and signal wakes just one thread, maybe the wrong side. */
    public static final class OneConditionOps {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final long[] items = new long[1];
        private int count;
        private int putIndex;
        private int takeIndex;

        @Operation
        public void put(long item) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (count == items.length) {
                    changed.await();
                }
                items[putIndex] = item;
                putIndex = (putIndex + 1) % items.length;
                count++;
                changed.signal();
            } finally {
                lock.unlock();
            }
        }

        @Operation
        public long take() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (count == 0) {
                    changed.await();
                }
                long item = items[takeIndex];
                items[takeIndex] = 0;
                takeIndex = (takeIndex + 1) % items.length;
                count--;
                changed.signal();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    // ---- the gate under test ----

    /** A closed gate: step() grants one pass, tryPass() uses one. */
    public static final class GateOps {
        private final Gate gate = new Gate();
        private final Worker worker = new Worker("W", Worker.Role.PRODUCER);

        public GateOps() {
            gate.close();
        }

        @Operation
        public void step() {
            gate.step();
        }

        @Operation
        public boolean tryPass() {
            return gate.tryPass(worker);
        }
    }

    /** Planted bug twin: permits checked, then decremented, with nothing holding them together. */
    public static final class CheckThenActGateOps {
        private final java.util.concurrent.atomic.AtomicLong permits = new java.util.concurrent.atomic.AtomicLong();

        @Operation
        public void step() {
            permits.incrementAndGet();
        }

        @Operation
        public boolean tryPass() {
            if (permits.get() > 0) {
                permits.decrementAndGet();
                return true;
            }
            return false;
        }
    }
}
