package dev.interleave.engine.buffer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SharedSlotsTest {

    /**
     * A copy shares its chunks until either side writes, and neither then sees the other's writes:
     * a history's checkpoint keeps the slots of its moment while the replay it was copied from goes on.
     */
    @Test
    void aCopyKeepsItsSlotsWhileTheOriginalWritesAndTheOtherWayRound() {
        int length = 3 * SharedSlots.CHUNK + 5;
        SharedSlots live = new SharedSlots(length);
        for (int i = 0; i < length; i++) {
            live.set(i, i + 1);
        }
        SharedSlots checkpoint = live.copy();
        live.set(0, 0);
        live.set(length - 1, 0);
        assertEquals(1, checkpoint.get(0), "the live replay's write is not the checkpoint's");
        assertEquals(length, checkpoint.get(length - 1));
        SharedSlots rewound = checkpoint.copy();
        rewound.set(SharedSlots.CHUNK, -1);
        assertEquals(SharedSlots.CHUNK + 1, checkpoint.get(SharedSlots.CHUNK), "nor a copy's write its checkpoint's");
        assertEquals(SharedSlots.CHUNK + 1, live.get(SharedSlots.CHUNK));
        long[] all = checkpoint.toArray();
        assertEquals(length, all.length);
        for (int i = 0; i < length; i++) {
            assertEquals(i + 1, all[i], "slot " + i);
        }
        assertEquals(0, live.toArray()[0]);
        assertEquals(-1, rewound.toArray()[SharedSlots.CHUNK]);
    }
}
