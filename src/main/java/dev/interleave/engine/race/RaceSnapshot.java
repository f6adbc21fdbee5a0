package dev.interleave.engine.race;

import java.util.List;

import dev.interleave.engine.run.RunState;

/**
 * A race run as one reader saw it (field by field, not an atomic snapshot).
 *
 * @param state        the runner's state
 * @param settings     the latest run's settings, or null before the first
 * @param repetition   the repetition going on (1-based), or the last one
 * @param count        the current repetition's shared count now (an estimate while threads run)
 * @param totals       the counts of the finished repetitions
 * @param elapsedNanos active time since the run started
 * @param result       how the run ended, or null while it goes on
 */
public record RaceSnapshot(RunState state, RaceSettings settings, int repetition, long count, List<Long> totals,
                           long elapsedNanos, RaceResult result) {

    /** The snapshot of a runner that has never run. */
    public static final RaceSnapshot NONE = new RaceSnapshot(RunState.IDLE, null, 0, 0, List.of(), 0, null);
}
