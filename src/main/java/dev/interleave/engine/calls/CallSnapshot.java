package dev.interleave.engine.calls;

import dev.interleave.engine.run.RunState;

/**
 * A calls run as one reader saw it at one moment: cheap to take from any thread, immutable, and
 * taken field by field (not an atomic snapshot: {@code callsCompleted} and {@code sum} may come from
 * instants a few calls apart while the run moves).
 *
 * @param state          the runner's state
 * @param settings       the latest run's settings, or {@code null} before the first run
 * @param counterValue   the counter's latest value
 * @param sum            the sum so far
 * @param callsStarted   calls handed to a thread
 * @param callsCompleted calls that returned and added their value
 * @param inFlight       calls started and not yet finished (tasks still alive)
 * @param maxInFlight    the most in flight at once so far
 * @param elapsedNanos   time since the run started (frozen when it ends)
 * @param result         how the latest run ended, or {@code null} while it runs or before any
 */
public record CallSnapshot(RunState state, CallSettings settings, long counterValue, long sum, long callsStarted,
                           long callsCompleted, long inFlight, long maxInFlight, long elapsedNanos,
                           CallResult result) {

    /** The snapshot of a runner that has never run. */
    public static final CallSnapshot NONE = new CallSnapshot(RunState.IDLE, null, 0, 0, 0, 0, 0, 0, 0, null);
}
