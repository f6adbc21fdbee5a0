package dev.interleave.ui.kit;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.History;
import dev.interleave.engine.run.Replay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Each lane's state at the end of fixed slices of time, kept up with a run's {@link History} as its
 * events arrive, so that a {@link Timeline} showing many events at once (the whole of a free run:
 * a million of them) draws from a few thousand slices per lane instead of reading every event at
 * every frame.
 *
 * <p>The slices start at the first event summarised and are all as wide; when the run outgrows
 * {@link #SLICES} of them, each two neighbours become one twice as wide, so the slices always cover
 * the run in at most {@link #SLICES} and at least half as many. A slice holds the state its lane
 * was left in by the last event of that lane in it, or {@link #NONE} when none of the lane's events
 * fell in it: exactly the state the timeline draws for a pixel that spans it ("a pixel shows its
 * latest state"). Moments (a deadlock) are kept each with its time, as they are drawn at any zoom.
 *
 * <p>Not thread-safe: the FX thread keeps it up and reads it.
 *
 * @param <R> the scenario's rebuilt state
 */
final class LaneSummary<R extends Replay<R>> {

    /** A slice in which the lane had no event: its state is the slice before's. */
    static final byte NONE = Byte.MIN_VALUE;
    /** The most slices: a run fills from half of them to all, about as many as a 4K window has pixels. */
    static final int SLICES = 8_192;

    private final History<R> history;
    private final Timeline.Lanes<R> lanes;
    /** The start of the first slice (ns, the log's clock); Long.MIN_VALUE before the first event. */
    private long originNanos = Long.MIN_VALUE;
    /** How wide each slice is: 1,024 ns times a power of two, doubled at each coarsening. */
    private long sliceNanos = 1_024;
    /** By lane: the state before the first slice. */
    private byte[] before = new byte[0];
    /** By lane, by slice: the state after the lane's last event in the slice, or NONE. */
    private byte[][] slices = new byte[0][];
    /** By lane, by slice: whether an event of the lane in the slice is a mark (a mark ends a bar). */
    private boolean[][] marks = new boolean[0][];
    /** By lane: the time of its latest event summarised (Long.MIN_VALUE for none). */
    private long[] eventNanos = new long[0];
    /** The event after the last one summarised. */
    private long next = -1;
    /** The moments' times and labels: two lists in step, in the order the moments happened. */
    private final List<Long> momentNanos = new ArrayList<>();
    private final List<String> momentLabels = new ArrayList<>();

    LaneSummary(History<R> history, Timeline.Lanes<R> lanes) {
        this.history = history;
        this.lanes = lanes;
    }

    History<R> history() {
        return history;
    }

    /**
     * Summarises the events the history has copied since the last call. Nothing while the history
     * can rebuild no state (none yet, or the log dropped events it never copied): then the summary
     * is not {@link #upToDate}, and the timeline reads the events.
     */
    void catchUp() {
        long end = history.end();
        if (history.start() >= end) {
            return;
        }
        if (next < history.start()) {
            // The first call, or the log dropped events never summarised: start again from the state
            // the history rebuilds at its first event, in the slice of that event's time.
            long start = history.start();
            R state = history.stateAt(start);
            int count = history.log().tracks().size();
            ensureLanes(count);
            if (originNanos == Long.MIN_VALUE) {
                originNanos = history.nanosOf(start);
                for (int lane = 0; lane < count; lane++) {
                    before[lane] = (byte) lanes.stateOf(state, lane);
                }
            } else {
                int slice = sliceOf(history.nanosOf(start));
                for (int lane = 0; lane < count; lane++) {
                    slices[lane][slice] = (byte) lanes.stateOf(state, lane);
                }
            }
            next = start;
        }
        while (next < end) {
            EventLog.Batch batch = history.batchOf(next);
            if (batch == null) {
                next = Math.max(next + 1, history.firstKept());
                continue;
            }
            ensureLanes(batch.tracks().size());
            for (int i = (int) (next - batch.firstSeq()); i < batch.size(); i++) {
                int lane = batch.track(i);
                long nanos = batch.nanos(i);
                int waited = lanes.waitedBefore(batch, i);
                if (waited != Timeline.Lanes.UNCHANGED && lane < slices.length) {
                    // A wait told at its end, in the slice it began in (a later event of its lane
                    // in that slice would overwrite it, but none comes while its thread waits).
                    long from = Math.clamp(lanes.waitedFrom(batch, i), Math.min(eventNanos[lane], nanos), nanos);
                    slices[lane][sliceOf(from)] = (byte) waited;
                }
                if (lane < eventNanos.length) {
                    eventNanos[lane] = nanos;
                    if (lanes.marked(batch, i)) {
                        marks[lane][sliceOf(nanos)] = true;
                    }
                }
                int state = lanes.stateAfter(batch, i);
                if (state != Timeline.Lanes.UNCHANGED && lane < slices.length) {
                    slices[lane][sliceOf(nanos)] = (byte) state;
                }
                String moment = lanes.moment(batch, i);
                if (moment != null) {
                    momentNanos.add(nanos);
                    momentLabels.add(moment);
                }
            }
            next = batch.endSeq();
        }
    }

    /** Whether every event the history holds is summarised: only then may a drawing use the slices. */
    boolean upToDate() {
        return next == history.end() && next >= 0;
    }

    /** The slice that holds time {@code nanos}, coarsening the slices first if it lies beyond them. */
    private int sliceOf(long nanos) {
        long at = Math.max(0, nanos - originNanos) / sliceNanos;
        while (at >= SLICES) {
            coarsen();
            at = Math.max(0, nanos - originNanos) / sliceNanos;
        }
        return (int) at;
    }

    /**
     * Each two neighbouring slices become one: the later one's state if it has one, else the
     * earlier's; marked if either was.
     */
    private void coarsen() {
        for (byte[] row : slices) {
            for (int k = 0; k < SLICES / 2; k++) {
                byte later = row[2 * k + 1];
                row[k] = later != NONE ? later : row[2 * k];
            }
            Arrays.fill(row, SLICES / 2, SLICES, NONE);
        }
        for (boolean[] row : marks) {
            for (int k = 0; k < SLICES / 2; k++) {
                row[k] = row[2 * k] || row[2 * k + 1];
            }
            Arrays.fill(row, SLICES / 2, SLICES, false);
        }
        sliceNanos *= 2;
    }

    private void ensureLanes(int count) {
        if (count <= slices.length) {
            return;
        }
        int had = slices.length;
        slices = Arrays.copyOf(slices, count);
        marks = Arrays.copyOf(marks, count);
        before = Arrays.copyOf(before, count);
        eventNanos = Arrays.copyOf(eventNanos, count);
        Arrays.fill(eventNanos, had, count, Long.MIN_VALUE);
        for (int lane = had; lane < count; lane++) {
            slices[lane] = new byte[SLICES];
            marks[lane] = new boolean[SLICES];
            Arrays.fill(slices[lane], NONE);
            before[lane] = -1; // a lane added later had no state before it
        }
    }

    /** How wide a slice is now (ns). */
    long sliceNanos() {
        return sliceNanos;
    }

    /** The start of the first slice (ns). */
    long originNanos() {
        return originNanos;
    }

    int laneCount() {
        return slices.length;
    }

    /** Whether an event of {@code lane} in slice {@code k} is a mark. */
    boolean marked(int lane, int k) {
        return marks[lane][k];
    }

    /** Slice {@code k}'s state on {@code lane}, or {@link #NONE}. */
    byte at(int lane, int k) {
        return slices[lane][k];
    }

    /** The slice of time {@code nanos}, within 0 .. SLICES - 1, without coarsening. */
    int sliceAt(long nanos) {
        return (int) Math.max(0, Math.min(SLICES - 1, (nanos - originNanos) / sliceNanos));
    }

    /** {@code lane}'s state at the start of slice {@code k}: the last state set before it. */
    int stateBefore(int lane, int k) {
        byte[] row = slices[lane];
        for (int j = k - 1; j >= 0; j--) {
            if (row[j] != NONE) {
                return row[j];
            }
        }
        return before[lane];
    }

    /** The moments summarised, with their times (ns). */
    List<Long> momentNanos() {
        return momentNanos;
    }

    List<String> momentLabels() {
        return momentLabels;
    }
}
