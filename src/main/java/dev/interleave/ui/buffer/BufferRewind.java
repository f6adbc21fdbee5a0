package dev.interleave.ui.buffer;

import dev.interleave.engine.buffer.BufferNarration;
import dev.interleave.engine.buffer.BufferReplay;
import dev.interleave.engine.buffer.BufferSettings;
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

    /**
     * Copies the new events of the run recording into {@code log}, the run of {@code settings}: its
     * buffer's slots, and its implementation's words for the events.
     */
    void follow(EventLog log, BufferSettings settings) {
        follow(log, () -> new History<>(log, BufferReplay.of(settings),
                BufferNarration.Terms.of(settings).narrator()));
    }
}
