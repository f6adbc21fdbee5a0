package dev.interleave.engine.race;

import java.util.List;

import dev.interleave.engine.run.RunState;

/**
 * A lab measurement as one reader saw it (field by field, not an atomic snapshot).
 *
 * @param state        the runner's state
 * @param settings     the latest measurement's settings, or null before the first
 * @param legsTotal    runs the measurement makes in all
 * @param legs         the runs finished so far, in order
 * @param current      the run going on, or null between runs and at the end
 * @param warmingUp    whether the run going on is a warm-up run (not counted)
 * @param currentCount its count now (an estimate while its threads run)
 * @param currentRuns  how many of its repetitions have finished (a lost-updates leg runs the runs set)
 * @param elapsedNanos active time since the measurement started
 * @param result       how it ended, or null while it goes on
 */
public record LabSnapshot(RunState state, LabSettings settings, int legsTotal, List<RaceResult> legs,
                          RaceSettings current, boolean warmingUp, long currentCount, int currentRuns, long elapsedNanos,
                          LabResult result) {

    /** The snapshot of a runner that has never run. */
    public static final LabSnapshot NONE = new LabSnapshot(RunState.IDLE, null, 0, List.of(), null, false, 0, 0, 0,
            null);

    public LabSnapshot {
        legs = List.copyOf(legs);
    }

    public LabFigures figures() {
        return new LabFigures(legs);
    }
}
