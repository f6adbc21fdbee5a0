package dev.interleave.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.interleave.engine.buffer.BufferEvent;
import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.BufferNarration;
import dev.interleave.engine.buffer.BufferReplay;
import dev.interleave.engine.buffer.BufferRunner;
import dev.interleave.engine.buffer.BufferSettings;
import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.buffer.WakePolicy;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.History;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The summary a timeline draws a window of many events from holds, at the end of each slice of
 * time, each lane's state as the run's history rebuilds it at that time: kept up with a real free
 * run as it goes (as the timeline keeps it, a frame at a time), through the slices' coarsening.
 */
@Timeout(60)
class LaneSummaryTest {

    /** Each worker's state as the buffer's events leave it: the ordinal of its {@code WorkerState}. */
    private static final class States implements Timeline.Lanes<BufferReplay> {
        @Override
        public int stateAfter(EventLog.Batch batch, int i) {
            return BufferEvent.of(batch, i) == BufferEvent.RESIZE ? UNCHANGED
                    : BufferEvent.stateAfter(batch, i).ordinal();
        }

        @Override
        public int stateOf(BufferReplay state, int lane) {
            return lane < state.names().size() ? state.state(lane).ordinal() : -1;
        }

        @Override
        public int states() {
            return dev.interleave.engine.buffer.WorkerState.values().length;
        }

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
        assertTrue(catchUps > 3, "kept up as the run went: " + catchUps + " times");
        assertTrue(summary.sliceNanos() > 1_024, "the run outgrew the first slices: " + summary.sliceNanos() + " ns");

        States states = new States();
        long last = history.nanosOf(history.end() - 1);
        int compared = 0;
        for (int k = 0; k < LaneSummary.SLICES; k++) {
            long sliceEnd = summary.origin() + (k + 1) * summary.sliceNanos() - 1;
            if (sliceEnd > last + summary.sliceNanos()) {
                break;
            }
            BufferReplay rebuilt = history.stateAt(history.firstAtOrAfter(sliceEnd + 1));
            for (int lane = 0; lane < summary.laneCount(); lane++) {
                int held = summary.at(lane, k);
                int summarised = held != LaneSummary.NONE ? held : summary.stateBefore(lane, k);
                assertEquals(states.stateOf(rebuilt, lane), summarised, "lane " + lane + " at the end of slice " + k);
                compared++;
            }
        }
        assertTrue(compared > 16 * LaneSummary.SLICES / 2, "compared " + compared);
    }
}
