package dev.interleave.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.engine.buffer.BufferEvent;
import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.BufferNarration;
import dev.interleave.engine.buffer.BufferReplay;
import dev.interleave.engine.buffer.BufferRunner;
import dev.interleave.engine.buffer.BufferSettings;
import dev.interleave.engine.buffer.WorkerState;
import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.buffer.WakePolicy;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.History;
import dev.interleave.engine.run.Replay;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The summary a timeline draws a window of many events from holds, at the end of each slice of
 * time, each lane's state as the run's history rebuilds it at that time: kept up with a real free
 * run as it goes (as the timeline keeps it, a frame at a time), and with events written at known
 * times, through the slices' coarsening, a lane joining, and a log that drops events.
 */
@Timeout(60)
class LaneSummaryTest {

    /** Lanes that only have states: no colours, legend or marks to speak of. */
    private abstract static class StatesOnly<R> implements Timeline.Lanes<R> {
        @Override
        public String colour(int state) {
            return "-il-working";
        }

        @Override
        public List<Timeline.Legend> legend() {
            return List.of();
        }

        @Override
        public boolean marked(EventLog.Batch batch, int i) {
            return false;
        }

        @Override
        public String mark(EventLog.Batch batch, int i) {
            return "";
        }
    }

    /** Each worker's state as the buffer's events leave it: the ordinal of its {@code WorkerState}. */
    private static class States extends StatesOnly<BufferReplay> {
        @Override
        public int stateAfter(EventLog.Batch batch, int i) {
            return !BufferEvent.of(batch, i).changesAState() ? UNCHANGED
                    : BufferEvent.stateAfter(batch, i).ordinal();
        }

        @Override
        public int stateOf(BufferReplay state, int lane) {
            return lane < state.names().size() ? state.state(lane).ordinal() : -1;
        }

        @Override
        public int states() {
            return WorkerState.values().length;
        }
    }

    @Test
    void eachSliceEndsInTheStateTheHistoryRebuildsThere() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        runner.start(new BufferSettings(8, 8, 4, 60_000, DelayRange.NONE, DelayRange.NONE, WakePolicy.SIGNAL, false,
                ThreadKind.PLATFORM, BufferImpl.LOCK));
        History<BufferReplay> history = null;
        LaneSummary<BufferReplay> summary = null;
        int catchUps = 0;
        while (runner.snapshot().state() != RunState.IDLE || catchUps == 0) {
            EventLog log = runner.snapshot().log();
            if (log != null && history == null) {
                history = new History<>(log, new BufferReplay(4), BufferNarration::words);
                summary = new LaneSummary<>(history, new States());
            }
            if (history != null) {
                history.catchUp();
                summary.catchUp();
                catchUps++;
            }
            Thread.sleep(2);
        }
        runner.await(Duration.ofSeconds(30));
        history.catchUp();
        summary.catchUp();
        assertEquals(0, history.log().dropped(), "the log kept every event");

        assertTrue(summary.upToDate());
        int compared = assertSlicesAsRebuilt(history, summary, new States());
        assertTrue(compared >= 16, "compared " + compared);
    }

    /**
     * As {@link States}, with a wait for the lock found held drawn from when it was asked for, as the
     * buffer's lanes draw it (BufferLanes is the buffer view's, out of this package's reach): what is
     * tested here is that the summary places such a wait, not the buffer's rule for it.
     */
    private static final class WaitingStates extends States {
        @Override
        public int waitedBefore(EventLog.Batch batch, int i) {
            return BufferEvent.of(batch, i) == BufferEvent.REQUEST ? WorkerState.WAITING_FOR_LOCK.ordinal() : UNCHANGED;
        }

        @Override
        public long waitedFrom(EventLog.Batch batch, int i) {
            return batch.item(i);
        }
    }

    /**
     * A wait for the lock is recorded once the lock is had, with the time it was asked for: the
     * summary holds "waiting for lock" in the slices from that time on, not what the thread did
     * before (it did, and a producer's long bar read "producing" through its wait). Each slice of
     * a real contended run is checked against each lane's changes worked out from its events.
     */
    @Test
    void aWaitToldAtItsEndIsSummarisedFromWhenItBegan() throws Exception {
        // A run with a wait for the lock in it: sixteen workers on two cores seldom have none, but with
        // the machine busy with other work one CI run had none (its slices were checked all the same).
        int runs = 0;
        while (!summarisedAsItsEventsSay()) {
            assertTrue(++runs < 5, "five runs of sixteen workers on two cores, and none waited for the lock");
        }
    }

    /** Checks one contended run's slices against its events; whether it had a wait for the lock to check. */
    private static boolean summarisedAsItsEventsSay() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        runner.start(BufferSettings.of(8, 8, 4, 40_000));
        assertTrue(runner.await(Duration.ofSeconds(30)).ok());
        EventLog log = runner.snapshot().log();
        assertEquals(0, log.dropped(), "the log kept every event");
        History<BufferReplay> history = new History<>(log, new BufferReplay(4), BufferNarration::words);
        history.catchUp();
        LaneSummary<BufferReplay> summary = new LaneSummary<>(history, new WaitingStates());
        summary.catchUp();

        // Each lane's changes in time order: (time, state), a request's wait from when it asked.
        EventLog.Batch all = log.readAll();
        int lanes = all.tracks().size();
        List<List<long[]>> changes = new ArrayList<>();
        long[] latest = new long[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            changes.add(new ArrayList<>());
        }
        long waited = 0;
        for (int i = 0; i < all.size(); i++) {
            int lane = all.track(i);
            if (BufferEvent.of(all, i) == BufferEvent.REQUEST) {
                long from = Math.clamp(all.item(i), latest[lane], all.nanos(i));
                changes.get(lane).add(new long[] {from, WorkerState.WAITING_FOR_LOCK.ordinal()});
                waited += all.nanos(i) - from;
            }
            if (BufferEvent.of(all, i).changesAState()) {
                changes.get(lane).add(new long[] {all.nanos(i), BufferEvent.stateAfter(all, i).ordinal()});
            }
            latest[lane] = all.nanos(i);
        }

        int waitingSlices = 0;
        for (int lane = 0; lane < lanes; lane++) {
            int expected = summary.stateBefore(lane, 0);
            int next = 0;
            for (int k = 0; k < LaneSummary.SLICES; k++) {
                long sliceEnd = summary.originNanos() + (k + 1) * summary.sliceNanos() - 1;
                List<long[]> mine = changes.get(lane);
                for (; next < mine.size() && mine.get(next)[0] <= sliceEnd; next++) {
                    expected = (int) mine.get(next)[1];
                }
                int held = summary.at(lane, k);
                int summarised = held != LaneSummary.NONE ? held : summary.stateBefore(lane, k);
                assertEquals(expected, summarised, "lane " + lane + " at the end of slice " + k);
                if (summarised == WorkerState.WAITING_FOR_LOCK.ordinal()) {
                    waitingSlices++;
                }
            }
        }
        if (waited == 0) {
            return false; // nothing to check the waits by: another run
        }
        assertTrue(waitingSlices > 0, "some slice ends in a wait for the lock");
        return true;
    }

    /**
     * Each slice that ends at or after the history's first rebuildable event holds, for each lane,
     * the state rebuilt at the slice's end; returns how many lane-slices were compared.
     */
    private static <R extends Replay<R>> int assertSlicesAsRebuilt(
            History<R> history, LaneSummary<R> summary, Timeline.Lanes<R> lanes) {
        long first = history.nanosOf(history.start());
        long last = history.nanosOf(history.end() - 1);
        int compared = 0;
        for (int k = 0; k < LaneSummary.SLICES; k++) {
            long sliceEnd = summary.originNanos() + (k + 1) * summary.sliceNanos() - 1;
            if (sliceEnd < first) {
                continue;
            }
            if (sliceEnd > last + summary.sliceNanos()) {
                break;
            }
            R rebuilt = history.stateAt(history.firstAtOrAfter(sliceEnd + 1));
            for (int lane = 0; lane < summary.laneCount(); lane++) {
                int held = summary.at(lane, k);
                int summarised = held != LaneSummary.NONE ? held : summary.stateBefore(lane, k);
                assertEquals(lanes.stateOf(rebuilt, lane), summarised, "lane " + lane + " at the end of slice " + k);
                compared++;
            }
        }
        return compared;
    }

    /** A track's state is the kind of its last event; kind 4 is a moment. */
    private static final class LastKind implements Replay<LastKind> {
        private long events;
        private int[] kinds = new int[0];

        @Override
        public long events() {
            return events;
        }

        @Override
        public void apply(EventLog.Batch batch, int i) {
            int track = batch.track(i);
            if (track >= kinds.length) {
                int had = kinds.length;
                kinds = Arrays.copyOf(kinds, track + 1);
                Arrays.fill(kinds, had, kinds.length, -1);
            }
            kinds[track] = batch.kind(i);
            events++;
        }

        @Override
        public LastKind copy() {
            LastKind copy = new LastKind();
            copy.events = events;
            copy.kinds = kinds.clone();
            return copy;
        }
    }

    private static final class Kinds extends StatesOnly<LastKind> {
        int moments;

        @Override
        public int stateAfter(EventLog.Batch batch, int i) {
            return batch.kind(i);
        }

        @Override
        public int stateOf(LastKind state, int lane) {
            return lane < state.kinds.length ? state.kinds[lane] : -1;
        }

        @Override
        public int states() {
            return 5;
        }

        @Override
        public String moment(EventLog.Batch batch, int i) {
            if (batch.kind(i) == 4) {
                moments++;
                return "moment";
            }
            return null;
        }
    }

    /** Appends events {@code from} to {@code to} - 1: every 700 ns, on the tracks in turn, kinds 0 to 4 by a fixed rule. */
    private static void append(EventLog log, int from, int to, int tracks) {
        for (int k = from; k < to; k++) {
            log.appendAt(log.originNanos() + 700L * k, (k * 7 + k / 13) % 5, k % tracks, k, 0, 0);
        }
    }

    /**
     * Written events at known times, kept up with every 1,000 (the run outgrows the first slices
     * three times), a fourth lane added half-way: every slice as rebuilt, every moment kept.
     */
    @Test
    void slicesCoarsenAndLanesJoinAsTheEventsCome() {
        EventLog log = new EventLog(100_000);
        for (String name : List.of("A", "B", "C")) {
            log.addTrack(name);
        }
        History<LastKind> history = new History<>(log, new LastKind(), (batch, i) -> "");
        Kinds kinds = new Kinds();
        LaneSummary<LastKind> summary = new LaneSummary<>(history, kinds);
        for (int k = 0; k < 40_000; k += 1_000) {
            if (k == 20_000) {
                log.addTrack("D");
            }
            append(log, k, k + 1_000, k < 20_000 ? 3 : 4);
            history.catchUp();
            summary.catchUp();
        }
        assertTrue(summary.upToDate());
        assertEquals(4_096, summary.sliceNanos(), "28 ms of events: slices coarsened twice");
        assertEquals(4, summary.laneCount());
        assertEquals(kinds.moments, summary.momentNanos().size(), "every moment kept");
        assertTrue(assertSlicesAsRebuilt(history, summary, kinds) > 4 * 6_000);
    }

    /**
     * The log keeps 10,000 events of 30,000: a summary kept up as they come stays right from the
     * history's first rebuildable event on; once the log drops events the history never copied (it
     * can rebuild nothing), the summary is not up to date, and the timeline reads events.
     */
    @Test
    void afterTheLogDropsEventsTheSummaryGoesOnOrStepsAside() {
        EventLog log = new EventLog(10_000);
        log.addTrack("A");
        log.addTrack("B");
        History<LastKind> history = new History<>(log, new LastKind(), (batch, i) -> "");
        Kinds kinds = new Kinds();
        LaneSummary<LastKind> summary = new LaneSummary<>(history, kinds);
        for (int k = 0; k < 30_000; k += 500) {
            append(log, k, k + 500, 2);
            history.catchUp();
            summary.catchUp();
        }
        assertTrue(history.start() >= history.firstKept() && history.firstKept() > 0, "the log dropped events");
        assertTrue(summary.upToDate());
        assertTrue(assertSlicesAsRebuilt(history, summary, kinds) > 0);

        append(log, 30_000, 45_000, 2); // more than the log keeps, before the history copies them
        history.catchUp();
        summary.catchUp();
        assertEquals(history.end(), history.start(), "the history can rebuild nothing");
        assertFalse(summary.upToDate());
    }

    /**
     * A log shorter than two checkpoints apart: once it drops events, the oldest checkpoint left is
     * older than the oldest event kept, so no state before the newest can be rebuilt (the history
     * said it could from the oldest event kept, and rebuilt it from the checkpoint without the
     * events between); the summary steps aside.
     */
    @Test
    void aShortLogRebuildsNothingOnceItDrops() {
        EventLog log = new EventLog(1_000);
        log.addTrack("A");
        log.addTrack("B");
        History<LastKind> history = new History<>(log, new LastKind(), (batch, i) -> "");
        LaneSummary<LastKind> summary = new LaneSummary<>(history, new Kinds());
        for (int k = 0; k < 6_000; k += 100) {
            append(log, k, k + 100, 2);
            history.catchUp();
            summary.catchUp();
        }
        assertTrue(history.firstKept() > History.CHECKPOINT_EVERY, "dropped past the second checkpoint's place");
        assertEquals(history.end(), history.start());
        assertFalse(summary.upToDate());
    }
}
