package dev.interleave.engine.race;

import java.util.ArrayList;
import java.util.List;

import dev.interleave.engine.run.Labelled;

/**
 * What the race lab measures at full speed in the window: each measure is a list of runs (legs)
 * of the command line's kind, one after another.
 */
public enum LabMeasure implements Labelled {

    /**
     * Every strategy, R runs each of T threads x K increments: how many updates each run lost. A
     * racy strategy loses a different number each run; a safe one loses none, every run.
     */
    LOST_UPDATES("lost-updates") {
        @Override
        List<RaceSettings> legs(LabSettings s) {
            List<RaceSettings> legs = new ArrayList<>();
            for (RaceStrategy strategy : RaceStrategy.values()) {
                legs.add(new RaceSettings(s.threads(), s.increments(), strategy, s.threadKind(), s.fair(), s.repeat()));
            }
            return legs;
        }
    },

    /**
     * Increments per second against the thread count, 1, 2, 4 ... 64, for every strategy: each
     * point is the median of up to {@link #THROUGHPUT_ROUNDS} runs of the same total work (T x K as
     * set, split over its threads), made in rounds over every point so that a slow moment of the
     * machine spoils one run of many points, not every run of one. The CAS strategy's failed
     * attempts per increment are measured alongside.
     */
    THROUGHPUT("throughput") {
        @Override
        public int runsOfEach(int repeat) {
            return Math.min(repeat, THROUGHPUT_ROUNDS);
        }

        @Override
        List<RaceSettings> legs(LabSettings s) {
            List<RaceSettings> legs = new ArrayList<>();
            long total = s.threads() * s.increments();
            for (int round = 0; round < runsOfEach(s.repeat()); round++) {
                for (int threads : THREAD_COUNTS) {
                    for (RaceStrategy strategy : RaceStrategy.values()) {
                        legs.add(new RaceSettings(threads, Math.max(1, total / threads), strategy, s.threadKind(),
                                s.fair(), 1));
                    }
                }
            }
            return legs;
        }
    },

    /**
     * Per-thread counters packed side by side (neighbours share a cache line) against the same
     * counters padded apart, R runs each, alternating: the padded ones' median speed over the
     * packed ones'.
     */
    FALSE_SHARING("false-sharing") {
        @Override
        List<RaceSettings> legs(LabSettings s) {
            List<RaceSettings> legs = new ArrayList<>();
            for (int r = 0; r < s.repeat(); r++) {
                legs.add(new RaceSettings(s.threads(), s.increments(), RaceStrategy.PACKED, s.threadKind(), s.fair(), 1));
                legs.add(new RaceSettings(s.threads(), s.increments(), RaceStrategy.STRIPED, s.threadKind(), s.fair(), 1));
            }
            return legs;
        }
    };

    /** The most runs per point of the throughput measure (fewer if fewer runs are asked for). */
    public static final int THROUGHPUT_ROUNDS = 3;

    /**
     * The runs this measure makes of each strategy (or layout, or throughput point) when {@code
     * repeat} are asked for: all of them, but at most {@link #THROUGHPUT_ROUNDS} for throughput (its
     * JSON said "repeat":10 over 3 runs of each point, an engineer's tryout).
     */
    public int runsOfEach(int repeat) {
        return repeat;
    }

    /** The thread counts the throughput measure runs, doubling from 1 to the lab's most. */
    public static final List<Integer> THREAD_COUNTS = List.of(1, 2, 4, 8, 16, 32, 64);

    private final String label;

    LabMeasure(String label) {
        this.label = label;
    }

    /** The runs this measure makes with {@code settings}, in order. */
    abstract List<RaceSettings> legs(LabSettings settings);

    /**
     * Runs made first and not counted, so that the JIT has compiled every strategy's increment
     * before a rate is taken (an interpreted first run was 10 to 50 times slower): each strategy
     * of the measure once, 2 threads x 500,000 increments. None for lost updates, which counts,
     * not times.
     */
    List<RaceSettings> warmUp(LabSettings s) {
        if (this == LOST_UPDATES) {
            return List.of();
        }
        List<RaceStrategy> strategies = this == FALSE_SHARING ? List.of(RaceStrategy.PACKED, RaceStrategy.STRIPED)
                : List.of(RaceStrategy.values());
        List<RaceSettings> legs = new ArrayList<>();
        for (RaceStrategy strategy : strategies) {
            legs.add(new RaceSettings(2, WARM_UP_INCREMENTS, strategy, s.threadKind(), s.fair(), 1));
        }
        return legs;
    }

    /** Increments per thread of a warm-up run. */
    static final long WARM_UP_INCREMENTS = 500_000;

    @Override
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
