package dev.interleave.engine.calls;

import java.util.Optional;

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
 * @param running        calls in flight between their start and their sleep, or after their
 *                       wake-up, not at the counter's lock: on a virtual thread, mounted on one of
 *                       {@code carrierThreads} carriers (never more); on a platform thread,
 *                       runnable (the OS shares the cores among them)
 * @param parked         calls in flight asleep in the service (a virtual thread unmounted, its
 *                       stack on the heap; a platform thread blocked in the kernel). The rest of
 *                       {@code inFlight} are none of these three: started and waiting for a
 *                       carrier, held by Pause, or ending
 * @param atLock         calls in flight at the counter's lock (synchronized, lock): waiting for it
 *                       (a virtual thread unmounted, a platform thread blocked), or in their update
 * @param carrierThreads the virtual-thread scheduler's carrier threads (its parallelism)
 * @param maxInFlight    the most in flight at once so far
 * @param startsPerSecond calls started per second of active time, from the run's start to the latest
 *                       start (an estimate while the run moves: its two counts are read apart)
 * @param elapsedNanos   time since the run started (frozen when it ends)
 * @param result         how the latest run ended, or {@code null} while it runs or before any
 * @param histogram      the sleeps drawn and the durations measured of the calls completed so far
 * @param memory         the latest estimate of memory per in-flight thread
 * @param inFlightNanos  the calls' time in flight so far, summed over the calls (active time, ns):
 *                       its growth between two snapshots over the time between them is the mean
 *                       in flight over that time (Little's law). In flight swings faster than a
 *                       reader samples it: 1,000 calls without sleeps went from 100 to 0 and back
 *                       every millisecond, and a frame's reading was as often 0 as 100. Summed
 *                       under one lock with the count of calls in flight (CallRunner.flightChange),
 *                       and read under it with elapsedNanos; inFlight and callsStarted are read
 *                       just after it, apart
 */
public record CallSnapshot(RunState state, CallSettings settings, long counterValue, long sum, long callsStarted,
                           long callsCompleted, long inFlight, long running, long parked, long atLock,
                           int carrierThreads,
                           long maxInFlight, double startsPerSecond, long elapsedNanos, CallResult result,
                           CallHistogram histogram,
                           MemoryPerThread memory, long inFlightNanos) {

    /** The snapshot of a runner that has never run. */
    public static final CallSnapshot NONE = new CallSnapshot(RunState.IDLE, null, 0, 0, 0, 0, 0, 0, 0, 0,
            CallRunner.carrierThreads(), 0, 0, 0, null, CallHistogram.EMPTY, MemoryPerThread.NONE, 0);

    /**
     * Why the most in flight so far stays under the concurrency allowed, when the threads' start
     * rate holds it there; empty otherwise, and before a second of the run (see {@link StartRate#ceiling}).
     */
    public Optional<String> startRateCeiling() {
        if (settings == null || elapsedNanos < 1_000_000_000L) {
            return Optional.empty();
        }
        double meanCall = histogram.calls() > 0 ? histogram.meanDurationMillis() : settings.maxSleepMillis() / 2.0;
        return StartRate.ceiling(settings, maxInFlight, startsPerSecond, meanCall);
    }

    /** In flight, neither running, parked nor at the lock: waiting for a carrier to start, held by Pause, or ending. */
    public long otherInFlight() {
        return Math.max(0, inFlight - running - parked - atLock);
    }
}
