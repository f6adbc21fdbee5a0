package dev.interleave.engine.run;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's active time: wall time since it started, less the time it spent paused, frozen once it
 * has ended; and its pauses, each from when to when ({@link #pauses()}).
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
     * for two readers whose clock reads straddle a pause. The Reading's `pauses` is an immutable
     * list replaced with it: its last pause goes on exactly when pausedSinceNanos is not 0.
     */

    /**
     * {@code nanos} to the nearest ms, as every result says its times: cut off, 15.98 ms read "15 ms"
     * beside a rate worked out from 15.98, and a reader's check of the rate was a sixteenth off.
     */
    public static long nearestMillis(long nanos) {
        return Math.round(nanos / 1e6);
    }

    /**
     * @param startNanos       when the run started (System.nanoTime)
     * @param pausedNanos      the length of every pause that has ended
     * @param pausedSinceNanos when the current pause began, or 0 when not paused
     * @param stoppedAtNanos   when the run ended, or 0 while it goes on
     * @param pauses           every pause so far, the last going on when pausedSinceNanos is not 0
     */
    private record Reading(long startNanos, long pausedNanos, long pausedSinceNanos, long stoppedAtNanos,
                           List<Pause> pauses) {

        long activeAt(long nowNanos) {
            long end = stoppedAtNanos != 0 ? stoppedAtNanos : pausedSinceNanos != 0 ? pausedSinceNanos : nowNanos;
            return Math.max(0, end - startNanos - pausedNanos);
        }
    }

    /**
     * A pause of the run, on the clock of {@link System#nanoTime()}: from when the clock stopped
     * counting to when it counted again, or to when the run was stopped; {@code toNanos} is
     * {@link #GOES_ON} while the pause goes on.
     */
    public record Pause(long fromNanos, long toNanos) {

        /** {@link #toNanos()} of a pause that goes on. */
        public static final long GOES_ON = 0;

        /** Whether the pause goes on. */
        public boolean goesOn() {
            return toNanos == GOES_ON;
        }
    }

    /** The state now; null until started. Replaced only under this object's monitor. */
    private volatile Reading reading;
    /** The largest value {@link #elapsedNanos()} returned. Guarded by this object's monitor. */
    private long highWater;

    /** Starts the clock now. */
    public synchronized void start() {
        reading = new Reading(System.nanoTime(), 0, 0, 0, List.of());
    }

    /** The {@link System#nanoTime()} when the clock started; 0 before. */
    public long startNanos() {
        Reading now = reading;
        return now == null ? 0 : now.startNanos;
    }

    /** Stops counting until {@link #resume()}; does nothing unless counting. */
    public synchronized void pause() {
        Reading now = reading;
        if (now != null && now.pausedSinceNanos == 0 && now.stoppedAtNanos == 0) {
            long at = System.nanoTime();
            reading = new Reading(now.startNanos, now.pausedNanos, at, 0, with(now.pauses, new Pause(at, Pause.GOES_ON)));
        }
    }

    /** Counts again after a pause; does nothing unless paused. */
    public synchronized void resume() {
        Reading now = reading;
        if (now != null && now.pausedSinceNanos != 0 && now.stoppedAtNanos == 0) {
            long at = System.nanoTime();
            List<Pause> ended = new ArrayList<>(now.pauses);
            ended.set(ended.size() - 1, new Pause(now.pausedSinceNanos, at));
            reading = new Reading(now.startNanos, now.pausedNanos + at - now.pausedSinceNanos, 0, 0, List.copyOf(ended));
        }
    }

    /** Freezes the clock for good (a pause in progress ends first). */
    public synchronized void stop() {
        resume();
        Reading now = reading;
        if (now != null && now.stoppedAtNanos == 0) {
            reading = new Reading(now.startNanos, now.pausedNanos, 0, System.nanoTime(), now.pauses);
        }
    }

    /**
     * The run's pauses so far, oldest first, the last still going on if the run is paused now (a run
     * started paused begins with one). A pause in progress at Stop ends there. Empty before the start.
     */
    public List<Pause> pauses() {
        Reading now = reading;
        return now == null ? List.of() : now.pauses;
    }

    private static List<Pause> with(List<Pause> pauses, Pause pause) {
        List<Pause> all = new ArrayList<>(pauses.size() + 1);
        all.addAll(pauses);
        all.add(pause);
        return List.copyOf(all);
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
