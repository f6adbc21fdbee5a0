package dev.interleave.ui.buffer;

import javafx.beans.binding.Bindings;

import dev.interleave.engine.buffer.BufferReplay;
import dev.interleave.engine.buffer.BufferSettings;
import dev.interleave.engine.buffer.Bug;
import dev.interleave.ui.kit.HistoryPane;

/**
 * The Bounded Buffer view's history: the kit's timeline, scrubber and event log, with the buffer's
 * lanes ({@link BufferLanes}).
 */
final class BufferHistoryPane extends HistoryPane<BufferReplay> {

    private static final String LANES = "Timeline: a lane per thread, coloured as its chip; ▼ put, ▲ take (with the"
            + " item when zoomed in), arrows from a signal to the thread it woke. Ctrl+wheel, or a click"
            + " on it and +\u00a0/\u00a0-: zoom; drag: pan.";
    /** With unlocked-count, whose looks without the lock are marks too. */
    private static final String LANES_LOOKS = "Timeline: a lane per thread, coloured as its chip; ▼ put, ▲ take, ⚠ a"
            + " look without the lock (with the item, or what it read, when zoomed in), arrows from a signal to the"
            + " thread it woke. Ctrl+wheel, or a click on it and +\u00a0/\u00a0-: zoom; drag: pan.";
    /** With notify, whose wake-ups are guesses where a notify() came as a wait(1 ms) ran out. */
    private static final String LANES_NOTIFY = "Timeline: a lane per thread, coloured as its chip; ▼ put, ▲ take (with"
            + " the item when zoomed in), arrows from a notify() to the thread it woke, dashed where it came as that"
            + " thread's wait(1 ms) ran out (a guess). Ctrl+wheel, or a click on it and +\u00a0/\u00a0-: zoom;"
            + " drag: pan.";
    private static final String NONE = "Timeline: none for ArrayBlockingQueue, the baseline: "
            + BufferViewModel.ABQ_UNRECORDED;

    BufferHistoryPane(BufferViewModel model) {
        super(model.rewind(), new BufferLanes(model.shownImplProperty()::get, () -> {
            // The run the lanes are of: after it, the code shown may already be the next settings'.
            BufferSettings run = model.shownRunProperty().get();
            return run == null ? Bug.NONE : run.bug();
        }), "buffer-history", LANES, "the buffer");
        // abq records nothing: its caption promised lanes and arrows over an empty timeline.
        captionProperty().bind(Bindings.createStringBinding(() -> model.abqShownBinding().get() ? NONE
                : model.codeBugProperty().get() == Bug.UNLOCKED_COUNT ? LANES_LOOKS
                : model.codeBugProperty().get() == Bug.NOTIFY ? LANES_NOTIFY : LANES,
                model.abqShownBinding(), model.codeBugProperty()));
    }
}
