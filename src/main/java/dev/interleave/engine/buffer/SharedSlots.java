package dev.interleave.engine.buffer;

import java.util.Arrays;

/**
 * A replay's slots: an array of items in chunks that a copy shares until one side writes to a
 * chunk, which it then copies. A history keeps a copy of its replay every few thousand events
 * ({@link dev.interleave.engine.run.History#CHECKPOINT_EVERY}), and between two of them a ring buffer's
 * puts and takes touch a few neighbouring chunks: 244 whole copies of 1,000,000 slots were 2 GB,
 * more than the window's heap; shared, they are a chunk table and the chunks written since. Not
 * thread-safe.
 */
final class SharedSlots {

    /** Slots per chunk. */
    static final int CHUNK = 1_024;

    private final int length;
    private final long[][] chunks;
    /** Whether this copy alone holds the chunk, and may write to it in place. */
    private final boolean[] own;

    /** {@code length} empty slots. */
    SharedSlots(int length) {
        this.length = length;
        int count = (length + CHUNK - 1) / CHUNK;
        chunks = new long[count][];
        own = new boolean[count];
        for (int c = 0; c < count; c++) {
            chunks[c] = new long[Math.min(CHUNK, length - c * CHUNK)];
            own[c] = true;
        }
    }

    private SharedSlots(SharedSlots from) {
        length = from.length;
        chunks = from.chunks.clone();
        own = new boolean[chunks.length];
        Arrays.fill(from.own, false); // shared now: whichever writes first copies
    }

    /** A copy that shares every chunk with this one until either writes to it. */
    SharedSlots copy() {
        return new SharedSlots(this);
    }

    int length() {
        return length;
    }

    long get(int slot) {
        return chunks[slot / CHUNK][slot % CHUNK];
    }

    void set(int slot, long item) {
        int c = slot / CHUNK;
        if (!own[c]) {
            chunks[c] = chunks[c].clone();
            own[c] = true;
        }
        chunks[c][slot % CHUNK] = item;
    }

    /** The items, slot by slot. */
    long[] toArray() {
        long[] items = new long[length];
        for (int c = 0; c < chunks.length; c++) {
            System.arraycopy(chunks[c], 0, items, c * CHUNK, chunks[c].length);
        }
        return items;
    }
}
