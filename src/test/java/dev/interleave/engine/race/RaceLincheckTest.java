package dev.interleave.engine.race;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lincheck checks the race lab's own shared-count strategies, the CAS loop and the adder, against
 * their sequential meaning (each increment adds one; total() is the number of increments before
 * it); racy and volatile are the planted bugs the same model check must reject. (The
 * synchronized, lock and atomic increments are the calls scenario's counters, checked by
 * CounterLincheckTest; striped and packed give each thread its own cell, which Lincheck's
 * operations cannot name: the stress test in RaceRunnerTest covers them.)
 */
class RaceLincheckTest {

    static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions().iterations(10).invocationsPerIteration(200).threads(2).actorsPerThread(3);
    }

    static StressOptions stress() {
        return new StressOptions().iterations(5).invocationsPerIteration(500).threads(2).actorsPerThread(3);
    }

    @ParameterizedTest
    @EnumSource(value = RaceStrategy.class, names = {"CAS", "ADDER"})
    void casAndAdderAreLinearizable(RaceStrategy strategy) {
        Class<?> ops = strategy == RaceStrategy.CAS ? CasOps.class : AdderOps.class;
        modelChecking().check(ops);
        stress().check(ops);
    }

    /** The planted bugs: the same model check rejects count++ on a plain and on a volatile field. */
    @Test
    void modelCheckingCatchesTheRacyStrategies() {
        for (Class<?> ops : new Class<?>[] {RacyOps.class, VolatileOps.class}) {
            AssertionError failure = assertThrows(AssertionError.class, () -> modelChecking().check(ops),
                    ops.getSimpleName() + " passed the model check");
            assertTrue(failure.getMessage().contains("Invalid execution results"), failure.getMessage());
        }
    }

    /** Operations on one shared count; Lincheck makes a fresh instance per scenario. */
    public abstract static class CountOps {
        private final SharedCounter counter;

        CountOps(RaceStrategy strategy) {
            counter = strategy.newCounter(2, false);
        }

        @Operation
        public void increment() {
            counter.increment(0);
        }

        @Operation
        public long total() {
            return counter.total();
        }
    }

    public static final class CasOps extends CountOps {
        public CasOps() {
            super(RaceStrategy.CAS);
        }
    }

    public static final class AdderOps extends CountOps {
        public AdderOps() {
            super(RaceStrategy.ADDER);
        }
    }

    public static final class RacyOps extends CountOps {
        public RacyOps() {
            super(RaceStrategy.RACY);
        }
    }

    public static final class VolatileOps extends CountOps {
        public VolatileOps() {
            super(RaceStrategy.VOLATILE);
        }
    }
}
