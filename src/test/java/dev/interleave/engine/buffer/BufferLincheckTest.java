package dev.interleave.engine.buffer;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.List;

import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.lincheck.datastructures.DSLScenarioBuilder;
import org.jetbrains.lincheck.datastructures.DSLThreadScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.Validate;
import org.jetbrains.lincheck.datastructures.verifier.EpsilonVerifier;
import org.junit.jupiter.api.Test;
import kotlin.Unit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lincheck checks put/take of the real {@link BoundedBuffer} on balanced scenarios (every take has
 * its put, so a correct buffer always finishes), in model-checking and stress modes, and after
 * every scenario a validation function checks the buffer's invariants. Each check is shown to
 * reject a planted bug: the same class built with {@link Bug#IF_NOT_WHILE},
 * {@link Bug#ONE_CONDITION} or {@link Bug#UNLOCKED_COUNT}.
 */
class BufferLincheckTest {

    /*
     * Budgets, per scenario, measured on two cores. The model checker found every planted bug in
     * every run tried, even at 10 invocations; 100 gives it ten times that, and a correct buffer
     * then costs 5 to 20 s. Stress caught `if` for `while` in 20 of 20 runs at 3,000 invocations
     * (a few seconds).
     */
    private static final int MODEL_CHECKING_INVOCATIONS = 100;
    private static final int STRESS_INVOCATIONS = 3_000;

    /**
     * Two consumers wait on an empty buffer of one slot while one producer puts two items: the
     * scenario where a woken consumer can find its item gone (the {@code if} bug) and where a
     * consumer's signal can wake the other consumer instead of the producer (the one-condition bug).
     */
    private static void twoConsumersOneProducer(DSLScenarioBuilder scenario) {
        scenario.parallel(parallel -> {
            parallel.thread(thread -> add(thread, "take"));
            parallel.thread(thread -> add(thread, "take"));
            parallel.thread(thread -> {
                add(thread, "put", 1L);
                return add(thread, "put", 2L);
            });
            return Unit.INSTANCE;
        });
    }

    /** Two producers and one consumer over one slot: producers must wait for the consumer. */
    private static void twoProducersOneConsumer(DSLScenarioBuilder scenario) {
        scenario.parallel(parallel -> {
            parallel.thread(thread -> add(thread, "put", 1L));
            parallel.thread(thread -> add(thread, "put", 2L));
            parallel.thread(thread -> {
                add(thread, "take");
                return add(thread, "take");
            });
            return Unit.INSTANCE;
        });
    }

    private static Unit add(DSLThreadScenario thread, String name, Object... args) {
        Method method = List.of(BufferOps.class.getMethods()).stream().filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
        thread.add(new Actor(method, List.of(args), false, false, false, false, false));
        return Unit.INSTANCE;
    }

    private static <O extends Options<O, ?>> O withScenarios(O options) {
        return options.iterations(0)
                .addCustomScenario(s -> {
                    twoConsumersOneProducer(s);
                    return Unit.INSTANCE;
                })
                .addCustomScenario(s -> {
                    twoProducersOneConsumer(s);
                    return Unit.INSTANCE;
                });
    }

    /** Every interleaving the model checker picks, against the sequential one-slot buffer. */
    static ModelCheckingOptions modelChecking() {
        return withScenarios(new ModelCheckingOptions()).invocationsPerIteration(MODEL_CHECKING_INVOCATIONS)
                .sequentialSpecification(BufferModel.class);
    }

    /** The same scenarios on real threads, many times over. */
    static StressOptions stress() {
        return withScenarios(new StressOptions()).invocationsPerIteration(STRESS_INVOCATIONS)
                .sequentialSpecification(BufferModel.class);
    }

    /** Only the validation function (and deadlock detection) judges: every result is accepted. */
    static ModelCheckingOptions validationOnly() {
        return withScenarios(new ModelCheckingOptions()).invocationsPerIteration(MODEL_CHECKING_INVOCATIONS)
                .verifier(EpsilonVerifier.class);
    }

    /** The classic buffer with signal is linearizable and keeps its invariants (model checking, then stress). */
    @Test
    void bufferWithSignalIsLinearizable() {
        modelChecking().check(SignalOps.class);
        stress().check(SignalOps.class);
    }

    /** With signalAll too. */
    @Test
    void bufferWithSignalAllIsLinearizable() {
        modelChecking().check(SignalAllOps.class);
        stress().check(SignalAllOps.class);
    }

    /** With a fair lock too. */
    @Test
    void fairBufferIsLinearizable() {
        modelChecking().check(FairOps.class);
        stress().check(FairOps.class);
    }

    /** Planted bug `if` instead of `while` around await: model checking rejects its results. */
    @Test
    void modelCheckingCatchesIfInsteadOfWhile() {
        assertRejected(() -> modelChecking().check(IfNotWhileOps.class), "Invalid execution results");
    }

    /** Planted bug one shared condition with signal: model checking finds everybody waiting. */
    @Test
    void modelCheckingCatchesOneConditionWithSignal() {
        assertRejected(() -> modelChecking().check(OneConditionOps.class), "The execution has hung");
    }

    /** Planted bug count checked outside the lock: model checking rejects its results. */
    @Test
    void modelCheckingCatchesUnlockedCount() {
        assertRejected(() -> modelChecking().check(UnlockedCountOps.class), "Invalid execution results");
    }

    /**
     * Every result accepted, `if` for `while` is still caught: by the validation function (count and
     * slots disagree, or a put or take the buffer's own slot check stopped), by the BufferViolation
     * it throws, or by the run hanging once a stopped take left its partner waiting.
     */
    @Test
    void validationCatchesIfInsteadOfWhile() {
        assertRejected(() -> validationOnly().check(ValidatedIfNotWhileOps.class), "Validation function",
                "BufferViolation", "The execution has hung");
    }

    /** Likewise the unlocked count: an item overwritten in a full buffer. */
    @Test
    void validationCatchesUnlockedCount() {
        assertRejected(() -> validationOnly().check(ValidatedUnlockedCountOps.class), "Validation function",
                "BufferViolation", "The execution has hung");
    }

    /**
     * Stress mode, on real threads, rejects `if` instead of `while` too. (Not the unlocked count:
     * its window was one unlocked read, and stress caught it in only 2 to 5 of 10 runs; that was
     * before the lab's 1 ms pause after the read, and is not measured again.)
     */
    @Test
    void stressCatchesIfInsteadOfWhile() {
        assertRejected(() -> stress().check(IfNotWhileOps.class), "Invalid execution results");
    }

    /** Runs {@code check}, which must fail with a message containing one of {@code expected}. */
    private static void assertRejected(Runnable check, String... expected) {
        AssertionError failure = assertThrows(AssertionError.class, check::run);
        String message = String.valueOf(failure.getMessage());
        assertTrue(List.of(expected).stream().anyMatch(message::contains), message);
    }

    // ---- the buffers under test: the real class, bug switched off or on ----

    /** Operations on a one-slot buffer. */
    public abstract static class BufferOps {
        final BoundedBuffer buffer;

        BufferOps(boolean fair, WakePolicy policy, Bug bug) {
            buffer = new BoundedBuffer(1, fair, policy, bug);
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

    /** The operations, and the buffer's invariants checked after each scenario. */
    public abstract static class ValidatedOps extends BufferOps {
        ValidatedOps(boolean fair, WakePolicy policy, Bug bug) {
            super(fair, policy, bug);
        }

        /**
         * After a scenario, with every thread finished: 0 <= count <= capacity, count equals the
         * occupied slots and produced - consumed, and no one waits, in the mirrors or on the
         * conditions (so the mirrors match the real wait queues).
         */
        @Validate
        public void invariantsHold() {
            List<String> broken = buffer.brokenInvariantsWhenIdle();
            if (!broken.isEmpty()) {
                throw new IllegalStateException("invariants broken: " + broken);
            }
        }
    }

    public static final class SignalOps extends ValidatedOps {
        public SignalOps() {
            super(false, WakePolicy.SIGNAL, Bug.NONE);
        }
    }

    public static final class SignalAllOps extends ValidatedOps {
        public SignalAllOps() {
            super(false, WakePolicy.SIGNAL_ALL, Bug.NONE);
        }
    }

    public static final class FairOps extends ValidatedOps {
        public FairOps() {
            super(true, WakePolicy.SIGNAL, Bug.NONE);
        }
    }

    /** The real buffer with Bug.IF_NOT_WHILE (signalAll, so that both consumers wake); results only. */
    public static final class IfNotWhileOps extends BufferOps {
        public IfNotWhileOps() {
            super(false, WakePolicy.SIGNAL_ALL, Bug.IF_NOT_WHILE);
        }
    }

    /** The real buffer with Bug.ONE_CONDITION and signal; results only. */
    public static final class OneConditionOps extends BufferOps {
        public OneConditionOps() {
            super(false, WakePolicy.SIGNAL, Bug.ONE_CONDITION);
        }
    }

    /** The real buffer with Bug.UNLOCKED_COUNT; results only. */
    public static final class UnlockedCountOps extends BufferOps {
        public UnlockedCountOps() {
            super(false, WakePolicy.SIGNAL, Bug.UNLOCKED_COUNT);
        }
    }

    /** Bug.IF_NOT_WHILE with the validation function, for the check that judges by it alone. */
    public static final class ValidatedIfNotWhileOps extends ValidatedOps {
        public ValidatedIfNotWhileOps() {
            super(false, WakePolicy.SIGNAL_ALL, Bug.IF_NOT_WHILE);
        }
    }

    /** Bug.UNLOCKED_COUNT with the validation function, for the check that judges by it alone. */
    public static final class ValidatedUnlockedCountOps extends ValidatedOps {
        public ValidatedUnlockedCountOps() {
            super(false, WakePolicy.SIGNAL, Bug.UNLOCKED_COUNT);
        }
    }

    /**
     * The sequential meaning of a one-slot buffer. A put on a full or a take on an empty buffer
     * cannot be a linearization point of a blocking buffer, so here they fail, and Lincheck rejects
     * any order that needs them.
     */
    public static final class BufferModel {
        private final ArrayDeque<Long> items = new ArrayDeque<>();

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
}
