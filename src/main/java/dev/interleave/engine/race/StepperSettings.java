package dev.interleave.engine.race;

import java.util.Objects;

/**
 * What the slow-motion stepper runs: {@code threads} real threads, each doing
 * {@code increments} increments of one shared count with {@code program}, one step at a time.
 *
 * @param threads    2 to {@link #MAX_THREADS}
 * @param program    count++, incrementAndGet or the CAS loop
 * @param increments per thread, 1 to {@link #MAX_INCREMENTS}
 * @param paceMillis while playing (Auto-step), the time between two steps, {@link #MIN_PACE_MILLIS} to {@link #MAX_PACE_MILLIS}
 * @param goalLost   the "find the race" challenge: reach this many lost updates in the fewest steps;
 *                   0 for no challenge, at most {@link #maxGoal(int, int)}: what one stale read can lose
 */
public record StepperSettings(int threads, StepProgram program, int increments, int paceMillis, int goalLost) {

    public static final int MIN_THREADS = 2;
    public static final int MAX_THREADS = 4;
    public static final int MAX_INCREMENTS = 5;
    public static final int MIN_PACE_MILLIS = 50;
    public static final int MAX_PACE_MILLIS = 3_000;

    /**
     * @throws IllegalArgumentException naming the setting that is out of range and what is allowed
     */
    public StepperSettings {
        Objects.requireNonNull(program, "program");
        if (threads < MIN_THREADS || threads > MAX_THREADS) {
            throw new IllegalArgumentException(String.format("threads must be %d to %d, was %d", MIN_THREADS,
                    MAX_THREADS, threads));
        }
        if (increments < 1 || increments > MAX_INCREMENTS) {
            throw new IllegalArgumentException(String.format("increments must be 1 to %d, was %d", MAX_INCREMENTS,
                    increments));
        }
        if (paceMillis < MIN_PACE_MILLIS || paceMillis > MAX_PACE_MILLIS) {
            throw new IllegalArgumentException(String.format("pace must be %,d to %,d ms, was %,d", MIN_PACE_MILLIS,
                    MAX_PACE_MILLIS, paceMillis));
        }
        if (goalLost < 0 || goalLost > maxGoal(threads, increments)) {
            throw new IllegalArgumentException(String.format("the goal must be 0 (none) to what one stale read can"
                    + " lose, (threads - 1) x increments = %d, was %d", maxGoal(threads, increments), goalLost));
        }
    }

    /** Two threads, one program, no challenge, a step every 700 ms while playing. */
    public static StepperSettings of(int threads, StepProgram program, int increments) {
        return new StepperSettings(threads, program, increments, 700, 0);
    }

    public StepperSettings withGoal(int lost) {
        return new StepperSettings(threads, program, increments, paceMillis, lost);
    }

    /** Increments asked for in all: threads x increments; the count's value if none is lost. */
    public int expected() {
        return threads * increments;
    }

    /**
     * The largest challenge: what one stale read can lose, every increment of the other threads
     * ({@code (threads - 1) x increments}), made while one thread holds its read. More can be lost
     * with several stale reads (two threads of 3 increments can leave the count at 2), but then
     * {@link #par} is not the fewest steps: how low the count can go is the guide's question.
     */
    public static int maxGoal(int threads, int increments) {
        return (threads - 1) * increments;
    }

    /**
     * The most updates count++ can lose, over every interleaving: threads x increments - 2 (the count
     * ends at 2), or threads - 1 with one increment each (it ends at 1). The classic argument: the
     * last write writes one more than its thread read for that increment; that read came after the
     * thread's own earlier write, and from any write on the count is at least 1 (every write writes
     * at least 1), so the last write writes at least 2. With one increment each, one stale read of 0
     * loses every other write. Checked against a search of every interleaving (StepperSettingsTest).
     */
    public static int mostLost(int threads, int increments) {
        return increments == 1 ? threads - 1 : threads * increments - 2;
    }

    /**
     * The fewest steps in which {@code goalLost} updates can be lost with count++: 3 (goal + 1).
     * The final count is at least 1 (some write wrote it), so goal lost updates need goal + 1
     * completed increments of three steps each; one thread holding a stale read while the others
     * complete goal increments, then writing, does it in exactly that many (hence
     * {@link #maxGoal}).
     */
    public int par() {
        return 3 * (goalLost + 1);
    }
}
