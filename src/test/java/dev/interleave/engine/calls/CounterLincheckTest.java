package dev.interleave.engine.calls;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lincheck model-checks each counter strategy and the sum against their sequential meaning
 * (next() returns 1, 2, 3, ...; total() is the sum of the adds before it), and the racy counter
 * is the planted bug the same check must catch.
 */
class CounterLincheckTest {

    /*
     * Budgets, measured on two cores: at these counts the racy counter's lost update was caught in
     * 10 of 10 runs by each mode; the class takes about 25 to 45 s (it was 30 x 500 and 20 x 2,000,
     * 134 s).
     */

    /** Random scenarios of 2 threads x 3 operations, model-checked. */
    static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions().iterations(3).invocationsPerIteration(50).threads(2).actorsPerThread(3);
    }

    /** The same shape on real threads. */
    static StressOptions stress() {
        return new StressOptions().iterations(3).invocationsPerIteration(300).threads(2).actorsPerThread(3);
    }

    @Test
    void atomicCounterIsLinearizable() {
        modelChecking().check(AtomicOps.class);
        stress().check(AtomicOps.class);
    }

    @Test
    void synchronizedCounterIsLinearizable() {
        modelChecking().check(SynchronizedOps.class);
        stress().check(SynchronizedOps.class);
    }

    @Test
    void lockCounterIsLinearizable() {
        modelChecking().check(LockOps.class);
        stress().check(LockOps.class);
    }

    @Test
    void sumIsLinearizable() {
        modelChecking().check(SumOps.class);
        stress().check(SumOps.class);
    }

    /** The planted bug: the same model check must reject the racy read-then-write counter. */
    @Test
    void modelCheckingCatchesTheRacyCounter() {
        AssertionError failure = assertThrows(AssertionError.class, () -> modelChecking().check(RacyOps.class));
        assertTrue(failure.getMessage().contains("Invalid execution results"), failure.getMessage());
    }

    /** The planted bug on real threads: stress mode must reject it too. */
    @Test
    void stressCatchesTheRacyCounter() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> stress().minimizeFailedScenario(false).check(RacyOps.class));
        assertTrue(failure.getMessage().contains("Invalid execution results"), failure.getMessage());
    }

    /** Operations on a counter; Lincheck makes a fresh instance per scenario. */
    public abstract static class CounterOps {
        private final Counter counter;

        CounterOps(CounterKind kind) {
            this.counter = kind.newCounter();
        }

        @Operation
        public long next() {
            return counter.next();
        }

        @Operation
        public long value() {
            return counter.value();
        }
    }

    public static final class AtomicOps extends CounterOps {
        public AtomicOps() {
            super(CounterKind.ATOMIC);
        }
    }

    public static final class SynchronizedOps extends CounterOps {
        public SynchronizedOps() {
            super(CounterKind.SYNCHRONIZED);
        }
    }

    public static final class LockOps extends CounterOps {
        public LockOps() {
            super(CounterKind.LOCK);
        }
    }

    public static final class RacyOps extends CounterOps {
        public RacyOps() {
            super(CounterKind.RACY);
        }
    }

    public static final class SumOps {
        private final Sum sum = new Sum();

        @Operation
        public void addOne() {
            sum.add(1);
        }

        @Operation
        public void addMillion() {
            sum.add(1_000_000L);
        }

        @Operation
        public long total() {
            return sum.total();
        }
    }
}
