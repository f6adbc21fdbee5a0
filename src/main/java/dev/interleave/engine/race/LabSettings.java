package dev.interleave.engine.race;

import java.util.List;
import java.util.Objects;

import dev.interleave.engine.run.ThreadKind;

/**
 * What the race lab measures at full speed, and with what.
 *
 * @param measure    lost updates, throughput against threads, or false sharing
 * @param threads    1 to {@link RaceSettings#MAX_THREADS} (throughput: the total work is threads x increments at every count)
 * @param increments per thread, with threads x increments at most {@link RaceSettings#MAX_TOTAL}
 * @param repeat     runs per strategy (lost updates) or per layout (false sharing), 1 to {@link #MAX_REPEAT}
 * @param threadKind platform or virtual threads
 * @param fair       whether the lock strategy's lock is fair
 */
public record LabSettings(LabMeasure measure, int threads, long increments, int repeat, ThreadKind threadKind,
                          boolean fair) {

    /** The command line's (race --repeat): a run keeps one figure, so a thousand fit. */
    public static final int MAX_REPEAT = RaceSettings.MAX_REPEAT;

    /**
     * @throws IllegalArgumentException naming the setting that is out of range and what is allowed
     */
    public LabSettings {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(threadKind, "threadKind");
        if (repeat < 1 || repeat > MAX_REPEAT) {
            throw new IllegalArgumentException(String.format("runs must be 1 to %,d, was %,d", MAX_REPEAT, repeat));
        }
        new RaceSettings(threads, increments, RaceStrategy.ATOMIC, threadKind, fair, 1); // the same ranges
    }

    /** The runs this measurement makes, in order. */
    public List<RaceSettings> legs() {
        return measure.legs(this);
    }

    /** The runs made before them and not counted (the JIT's warm-up), in order. */
    public List<RaceSettings> warmUp() {
        return measure.warmUp(this);
    }
}
