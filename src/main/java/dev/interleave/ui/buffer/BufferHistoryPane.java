package dev.interleave.ui.buffer;

import dev.interleave.engine.buffer.BufferReplay;
import dev.interleave.ui.kit.HistoryPane;

/**
 * The Bounded Buffer view's history: the kit's timeline, scrubber and event log, with the buffer's
 * lanes ({@link BufferLanes}).
 */
final class BufferHistoryPane extends HistoryPane<BufferReplay> {

    BufferHistoryPane(BufferViewModel model) {
        super(model.rewind(), new BufferLanes(), "buffer-history", "Timeline: a lane per thread, coloured as its chip;"
                + " ▼ put, ▲ take (with the item when zoomed in), arrows from a signal to the thread it woke. Ctrl+wheel or"
                + " + / -: zoom; drag: pan.", "the buffer");
    }
}
