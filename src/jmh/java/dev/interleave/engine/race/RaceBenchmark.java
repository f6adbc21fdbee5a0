package dev.interleave.engine.race;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The race lab's "atomics vs locks" comparison under JMH: the lab's own counters
 * ({@link RaceStrategy#newCounter}), one increment per benchmark call, in increments per
 * microsecond summed over the threads.
 *
 * <ul>
 *   <li>{@code shared1}, {@code shared2}, {@code shared4}: 1, 2 and 4 threads on one shared counter;</li>
 *   <li>group {@code contended}: two threads of one group on one counter (the group's);</li>
 *   <li>group {@code uncontended}: two threads, each on a counter of its own: what the strategy
 *       costs when nobody else touches it.</li>
 * </ul>
 *
 * Run with {@code ./mvnw -Pjmh -DskipTests test} (README, "Race lab under JMH").
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RaceBenchmark {

    /** The most threads any benchmark here runs: the counters are built for this many. */
    static final int MAX_THREADS = 4;

    /** The strategy under test, by its label. */
    @State(Scope.Benchmark)
    public static class Strategy {
        @Param({"racy", "volatile", "synchronized", "lock", "atomic", "cas", "adder", "striped", "packed"})
        public String strategy;

        RaceStrategy value() {
            for (RaceStrategy each : RaceStrategy.values()) {
                if (each.label().equals(strategy)) {
                    return each;
                }
            }
            throw new IllegalArgumentException(strategy);
        }
    }

    /** One counter every thread of the benchmark shares. */
    @State(Scope.Benchmark)
    public static class SharedCount {
        SharedCounter counter;

        @Setup(Level.Trial)
        public void setUp(Strategy strategy) {
            counter = strategy.value().newCounter(MAX_THREADS, false);
        }
    }

    /** One counter the threads of a group share. */
    @State(Scope.Group)
    public static class GroupCount {
        SharedCounter counter;

        @Setup(Level.Trial)
        public void setUp(Strategy strategy) {
            counter = strategy.value().newCounter(MAX_THREADS, false);
        }
    }

    /** A counter of the thread's own, and the thread's index (0, 1, ...) for the striped counters. */
    @State(Scope.Thread)
    public static class Own {
        private static final AtomicInteger NEXT = new AtomicInteger();
        int index;
        SharedCounter counter;

        @Setup(Level.Trial)
        public void setUp(Strategy strategy) {
            index = NEXT.getAndIncrement() % MAX_THREADS;
            counter = strategy.value().newCounter(MAX_THREADS, false);
        }
    }

    @Benchmark
    @Threads(1)
    public void shared1(SharedCount shared, Own own) {
        shared.counter.increment(own.index);
    }

    @Benchmark
    @Threads(2)
    public void shared2(SharedCount shared, Own own) {
        shared.counter.increment(own.index);
    }

    @Benchmark
    @Threads(4)
    public void shared4(SharedCount shared, Own own) {
        shared.counter.increment(own.index);
    }

    @Benchmark
    @Group("contended")
    @GroupThreads(2)
    public void contended(GroupCount group, Own own) {
        group.counter.increment(own.index);
    }

    @Benchmark
    @Group("uncontended")
    @GroupThreads(2)
    public void uncontended(Own own) {
        own.counter.increment(own.index);
    }
}
