package dev.interleave.ui.buffer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Slots that do not fit in one row wrap into rows as even as they go: 8 slots where 7 fit were 7
 * and 1, the last alone under the first (a tryout at 1024x700, 150 %).
 */
class SlotRowsTest {

    @Test
    void slotsWrapIntoEvenRows() {
        assertEquals(4, BufferView.evenColumns(8, 7), "8 where 7 fit: 4 and 4");
        assertEquals(6, BufferView.evenColumns(12, 7), "12 where 7 fit: 6 and 6");
        assertEquals(7, BufferView.evenColumns(20, 7), "20 where 7 fit: 7, 7 and 6");
        assertEquals(8, BufferView.evenColumns(8, 8), "8 where 8 fit: one row");
        assertEquals(1, BufferView.evenColumns(3, 1), "one a row where one fits");
    }
}
