package dev.interleave.engine.buffer;

import java.util.List;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Gate;
import dev.interleave.engine.run.RunState;

/**
 * A buffer run as one reader saw it: the buffer (an atomic snapshot under its lock), the gate, and
 * the run's own counters (read one by one: estimates while the run moves).
 *
 * @param state         the runner's lifecycle state
 * @param settings      the latest run's settings, or null before the first run
 * @param buffer        the buffer, or null for an {@link BufferImpl#ABQ} run (it has no instruments)
 * @param gate          the gate: who waits there, steps taken
 * @param made          items made so far (a producer's item in hand is made, not yet put)
 * @param put           items put into the buffer so far
 * @param consumed      items consumed so far
 * @param consumedWhilePaused of those, the items consumed while the run's clock was paused (steps)
 * @param elapsedNanos  time since the run started (frozen when it ends)
 * @param result        how the latest run ended, or null while it runs
 * @param log           the run's event log, live (it goes on filling while the run runs; read it
 *                      with {@link EventLog#read}), or null when the run records nothing
 * @param leaving       the workers asked to leave (fewer producers or consumers set during the run)
 *                      that have not finished yet, in the order they joined
 * @param left          the workers asked to leave that have finished: gone, in the order they joined
 */
public record BufferRunSnapshot(RunState state, BufferSettings settings, BufferSnapshot buffer, Gate.View gate,
                                long made, long put, long consumed, long consumedWhilePaused, long elapsedNanos,
                                BufferResult result, EventLog log,
                                List<String> leaving, List<String> left) {

    /**
     * Items consumed per second of the run's clock so far, steps' items left out with their time (see
     * {@link BufferResult#itemsPerSecond}).
     */
    public double itemsPerSecond() {
        return BufferResult.itemsPerSecond(consumed - consumedWhilePaused, elapsedNanos);
    }

    /** The snapshot of a runner that has never run. */
    public static final BufferRunSnapshot NONE = new BufferRunSnapshot(RunState.IDLE, null, null,
            new Gate.View(true, List.of(), 0, 0, ""), 0, 0, 0, 0, 0, null, null, List.of(), List.of());
}
