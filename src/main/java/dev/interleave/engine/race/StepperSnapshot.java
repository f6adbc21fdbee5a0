package dev.interleave.engine.race;

import java.util.List;

import dev.interleave.engine.run.RunState;

/**
 * The stepper at one instant, read under its lock: consistent between steps.
 *
 * @param state         the runner's state
 * @param settings      the latest run's settings, or null before the first
 * @param count         the shared count
 * @param completed     increments completed by all threads
 * @param steps         steps taken so far
 * @param lanes         each thread, T1 first
 * @param events        the latest steps, oldest first (at most {@link #EVENTS_KEPT})
 * @param goalReachedAt the step at which the challenge's goal was reached, or 0
 * @param randomStepsAtGoal of the steps up to goalReachedAt, how many were picked at random (S,
 *                      Auto-step) rather than chosen: the challenge counts only chosen steps
 * @param stepsPending  steps asked for and not yet taken
 * @param result        how the run ended, or null while it goes on
 */
public record StepperSnapshot(RunState state, StepperSettings settings, long count, long completed, long steps,
                              List<LaneView> lanes, List<StepEvent> events, long goalReachedAt,
                              long randomStepsAtGoal, long stepsPending,
                              StepperResult result) {

    /** How many of the latest steps a snapshot carries. */
    public static final int EVENTS_KEPT = 100;

    /** The snapshot of a stepper that has never run. */
    public static final StepperSnapshot NONE = new StepperSnapshot(RunState.IDLE, null, 0, 0, 0, List.of(), List.of(),
            0, 0, 0, null);

    public StepperSnapshot {
        lanes = List.copyOf(lanes);
        events = List.copyOf(events);
    }

    /** Increments completed but missing from the count. */
    public long lost() {
        return completed - count;
    }
}
