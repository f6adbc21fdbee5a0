package dev.interleave.engine.buffer;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SlotsTest {

    /** Slots are a list like any other of their items: equal, with the same hash, and unmodifiable. */
    @Test
    void slotsAreTheListOfTheirItems() {
        long[] items = {0, 7, 8, 0};
        Slots slots = Slots.copyOf(items);
        items[1] = 99; // a copy: the array's later changes are not the snapshot's
        assertEquals(List.of(0L, 7L, 8L, 0L), slots);
        assertEquals(slots, List.of(0L, 7L, 8L, 0L));
        assertEquals(List.of(0L, 7L, 8L, 0L).hashCode(), slots.hashCode());
        assertEquals(slots, Slots.of(List.of(0L, 7L, 8L, 0L)));
        assertNotEquals(slots, Slots.copyOf(new long[] {0, 7, 8, 1}));
        assertEquals(8L, slots.item(2));
        assertSame(slots, Slots.of(slots));
        assertEquals(List.of(0L, 0L, 0L), Slots.empty(3));
        assertThrows(UnsupportedOperationException.class, () -> slots.set(0, 1L));
    }
}
