package dev.interleave.engine.race;

import java.util.List;
import java.util.Objects;

import dev.interleave.engine.run.Outcome;

/**
 * How a lab measurement ended.
 *
 * @param settings what was asked
 * @param outcome  completed (every run ran), stopped or failed
 * @param failure  what a thread threw, or null
 * @param legs     the runs that finished, in order; a lost-updates measurement stopped part-way ends with
 *                 the leg it stopped in, holding the runs it finished (its outcome stopped)
 */
public record LabResult(LabSettings settings, Outcome outcome, Throwable failure, List<RaceResult> legs) {

    public LabResult {
        Objects.requireNonNull(settings);
        Objects.requireNonNull(outcome);
        legs = List.copyOf(legs);
    }

    public LabFigures figures() {
        return new LabFigures(legs);
    }

    /** Whether every run ran and no safe strategy lost an update (racy ones are expected to). */
    public boolean ok() {
        return outcome == Outcome.COMPLETED && legs.stream().filter(leg -> leg.settings().strategy().isSafe())
                .allMatch(RaceResult::ok);
    }
}
