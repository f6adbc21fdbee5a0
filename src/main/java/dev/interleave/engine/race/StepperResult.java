package dev.interleave.engine.race;

import java.util.Objects;

import dev.interleave.engine.run.Outcome;

/**
 * How a stepper run ended.
 *
 * @param settings       what was asked
 * @param outcome        completed (every thread finished every increment), stopped or failed
 * @param failure        what a thread threw, or null
 * @param count          the shared count at the end
 * @param completed      increments completed (each thread's writes, increments or successful swaps)
 * @param steps          steps taken
 * @param casFailures    failed compareAndSet attempts
 * @param goalReachedAt  the step at which the challenge's goal was reached, or 0
 */
public record StepperResult(StepperSettings settings, Outcome outcome, Throwable failure, long count, long completed,
                            long steps, long casFailures, long goalReachedAt) {

    public StepperResult {
        Objects.requireNonNull(settings);
        Objects.requireNonNull(outcome);
    }

    /** Increments completed but missing from the count. */
    public long lost() {
        return completed - count;
    }
}
