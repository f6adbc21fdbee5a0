package dev.interleave.ui.buffer;

import dev.interleave.engine.buffer.BufferNarration;
import dev.interleave.engine.buffer.BufferReplay;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.History;
import dev.interleave.ui.kit.Rewind;

/**
 * The Bounded Buffer view's history: the kit's {@link Rewind} over rebuilt buffers, its lines with
 * the items' numbers grouped. FX thread only.
 */
public final class BufferRewind extends Rewind<BufferReplay> {

    BufferRewind() {
        super(BufferViewModel::withSeparators);
    }

    /** Copies the new events of the run recording into {@code log}, whose buffer has {@code capacity} slots. */
    void follow(EventLog log, int capacity) {
        follow(log, () -> new History<>(log, new BufferReplay(capacity), BufferNarration::words));
    }
}
