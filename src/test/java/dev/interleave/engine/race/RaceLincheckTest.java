package dev.interleave.engine.race;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lincheck checks the race lab's own shared-count strategies, the CAS loop, the adder and the
 * striped (padded) and packed per-thread counters, against their sequential meaning (each
 * increment adds one; total() is the number of increments before it); racy and volatile are the
 * planted bugs the same model check must reject, and so is a striped counter whose threads all
 * add to one cell. (The synchronized, lock and atomic increments are the calls scenario's
 * counters, checked by CounterLincheckTest.) The per-thread counters need each thread's own
 * index: the operations give each thread of a scenario the next free one the first time it calls.
 */
class RaceLincheckTest {

    static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions().iterations(10).invocationsPerIteration(200).threads(2).actorsPerThread(3);
    }

    static StressOptions stress() {
        return new StressOptions().iterations(5).invocationsPerIteration(500).threads(2).actorsPerThread(3);
    }

    @ParameterizedTest
    @EnumSource(value = RaceStrategy.class, names = {"CAS", "ADDER", "STRIPED", "PACKED"})
    void casAdderAndPerThreadCountersAreLinearizable(RaceStrategy strategy) {
        Class<?> ops = switch (strategy) {
            case CAS -> CasOps.class;
            case ADDER -> AdderOps.class;
            case STRIPED -> StripedOps.class;
            case PACKED -> PackedOps.class;
            default -> throw new IllegalArgumentException(strategy.label());
        };
        modelChecking().check(ops);
        if (strategy == RaceStrategy.CAS || strategy == RaceStrategy.ADDER) {
            // The per-thread counters' cells have one writer each: the model check's interleavings
            // already cover what a stress run could hit, at a quarter of the time.
            stress().check(ops);
        }
    }

    /** The planted bug in the real striped counter, every thread on one cell: the model check rejects it. */
    @Test
    void modelCheckingCatchesAStripedCounterWhoseThreadsShareACell() {
        AssertionError failure = assertThrows(AssertionError.class, () -> modelChecking().check(OneCellOps.class),
                "a striped counter with one cell for all passed the model check");
        assertTrue(failure.getMessage().contains("Invalid execution results"), failure.getMessage());
    }

    /** The planted bugs: the same model check rejects racy count++ (opaque read and write) and count++ on a volatile field. */
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
        /** Lincheck's two threads, and the thread that runs a scenario's first and last parts. */
        private static final int SLOTS = 4;
        private final SharedCounter counter;
        /** Each calling thread's index into a per-thread counter, given on its first call. */
        private final ConcurrentHashMap<Thread, Integer> slots =
                new ConcurrentHashMap<>();
        private final AtomicInteger nextSlot = new AtomicInteger();

        CountOps(RaceStrategy strategy) {
            this(strategy.newCounter(SLOTS, false));
        }

        CountOps(SharedCounter counter) {
            this.counter = counter;
        }

        @Operation
        public void increment() {
            counter.increment(slots.computeIfAbsent(Thread.currentThread(), thread -> nextSlot.getAndIncrement()) % SLOTS);
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

    public static final class StripedOps extends CountOps {
        public StripedOps() {
            super(RaceStrategy.STRIPED);
        }
    }

    public static final class PackedOps extends CountOps {
        public PackedOps() {
            super(RaceStrategy.PACKED);
        }
    }

    /** The real striped counter with its planted bug switched on: every thread adds to the first cell. */
    public static final class OneCellOps extends CountOps {
        public OneCellOps() {
            super(new RaceStrategy.StripedCounter(4, RaceStrategy.PADDED_STRIDE, true));
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
