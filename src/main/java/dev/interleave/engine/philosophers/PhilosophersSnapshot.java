package dev.interleave.engine.philosophers;

import java.util.Objects;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.RunState;

/**
 * A dining-philosophers run as one reader saw it: the table (consistent, one lock acquisition),
 * the gates, the livelock watch and the run's clock (read one by one).
 *
 * @param state        the runner's lifecycle state
 * @param settings     the latest run's settings, or null before the first run
 * @param table        the table
 * @param steps        who is parked at a gate, steps taken
 * @param elapsedNanos the run's active time (frozen when it ends)
 * @param livelockNow  whether the livelock rule held at the latest sample
 * @param livelockSeen whether it has held at some sample of this run
 * @param livelockSpells       how many spells of livelock the run has had
 * @param livelockLongestNanos the longest stretch with no meal one of them was in, in active time
 * @param result       how the latest run ended, or null while it runs
 * @param log          the run's event log, live (it goes on filling while the run runs), or null
 *                     when the run records nothing ({@link PhilosophersRunner#setRecording})
 */
public record PhilosophersSnapshot(RunState state, PhilosophersSettings settings, TableView table, Steps.View steps,
                                   long elapsedNanos, boolean livelockNow, boolean livelockSeen,
                                   int livelockSpells, long livelockLongestNanos, PhilosophersResult result, EventLog log) {

    public PhilosophersSnapshot {
        Objects.requireNonNull(state);
        Objects.requireNonNull(table);
        Objects.requireNonNull(steps);
    }

    /** The snapshot of a runner that has never run. */
    public static final PhilosophersSnapshot NONE = new PhilosophersSnapshot(RunState.IDLE, null, TableView.EMPTY,
            Steps.View.NONE, 0, false, false, 0, 0, null, null);
}
