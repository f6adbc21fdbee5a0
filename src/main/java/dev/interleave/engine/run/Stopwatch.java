package dev.interleave.engine.run;

/**
 * A run's active time: wall time since it started, less the time it spent paused, frozen once it
 * has ended.
 *
 * <p>{@link #elapsedNanos()} never goes down, whoever reads it and whenever: a figure that dips for
 * a frame is a lie on screen. {@link #activeNanos()} is the cheap raw reading for the run's own
 * threads (one volatile read and {@code System.nanoTime()}); two readers racing a pause may see it
 * out of order by the few microseconds between their clock reads. Safe to use from any thread.
 */
public final class Stopwatch {

    /*
     * Implementation notes: the whole state is one immutable Reading in a volatile field, replaced
     * (under this object's monitor) at start, pause, resume and stop, so a reader never combines
     * fields from two moments (reading pausedSince before a resume and pausedNanos after it would
     * subtract the pause twice). Each transition keeps the active time continuous: at pause the
     * reading freezes at the pause instant, at resume the pause's length joins pausedNanos. The
     * largest elapsed value handed out is kept in `highWater`, so elapsedNanos() is monotone even
     * for two readers whose clock reads straddle a pause.
     */

    /**
     * @param startNanos       when the run started (System.nanoTime)
     * @param pausedNanos      the length of every pause that has ended
     * @param pausedSinceNanos when the current pause began, or 0 when not paused
     * @param stoppedAtNanos   when the run ended, or 0 while it goes on
     */
    private record Reading(long startNanos, long pausedNanos, long pausedSinceNanos, long stoppedAtNanos) {

        long activeAt(long nowNanos) {
            long end = stoppedAtNanos != 0 ? stoppedAtNanos : pausedSinceNanos != 0 ? pausedSinceNanos : nowNanos;
            return Math.max(0, end - startNanos - pausedNanos);
        }
    }

    /** The state now; null until started. Replaced only under this object's monitor. */
    private volatile Reading reading;
    /** The largest value {@link #elapsedNanos()} returned. Guarded by this object's monitor. */
    private long highWater;

    /** Starts the clock now. */
    public synchronized void start() {
        reading = new Reading(System.nanoTime(), 0, 0, 0);
    }

    /** Stops counting until {@link #resume()}; does nothing unless counting. */
    public synchronized void pause() {
        Reading now = reading;
        if (now != null && now.pausedSinceNanos == 0 && now.stoppedAtNanos == 0) {
            reading = new Reading(now.startNanos, now.pausedNanos, System.nanoTime(), 0);
        }
    }

    /** Counts again after a pause; does nothing unless paused. */
    public synchronized void resume() {
        Reading now = reading;
        if (now != null && now.pausedSinceNanos != 0 && now.stoppedAtNanos == 0) {
            reading = new Reading(now.startNanos, now.pausedNanos + System.nanoTime() - now.pausedSinceNanos, 0, 0);
        }
    }

    /** Freezes the clock for good (a pause in progress ends first). */
    public synchronized void stop() {
        resume();
        Reading now = reading;
        if (now != null && now.stoppedAtNanos == 0) {
            reading = new Reading(now.startNanos, now.pausedNanos, 0, System.nanoTime());
        }
    }

    /** The active time now, raw: for the run's own threads, which only subtract two readings of their own. */
    public long activeNanos() {
        Reading now = reading;
        return now == null ? 0 : now.activeAt(System.nanoTime());
    }

    /**
     * The time the run has spent paused so far, the current pause included: a thread that reads it
     * before and after a wait learns how much of the wait a pause took.
     */
    public long pausedNanos() {
        Reading now = reading;
        if (now == null) {
            return 0;
        }
        return now.pausedNanos + (now.pausedSinceNanos != 0 ? System.nanoTime() - now.pausedSinceNanos : 0);
    }

    /** The active time now, never less than any value returned before: for figures on screen and in results. */
    public synchronized long elapsedNanos() {
        highWater = Math.max(highWater, activeNanos());
        return highWater;
    }
}
