package dev.interleave.ui.kit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DroppedNoteTest {

    /**
     * The note's counts add up: a tryout read "keeps the newest 1,000,000 events, so the 1,863,680
     * oldest are out of reach" beside "now (2,861,429 events)", and could rewind through 997,749.
     */
    @Test
    void theEventsInReachAndThoseBeforeAddUpToTheRun() {
        assertEquals("The log keeps the newest 1,000,000 events. The scrubber and the event log reach the last 997,749 of"
                + " the 2,861,429, back to just after event 1,863,679: the oldest moment they can rebuild, from a"
                + " checkpoint a little after the oldest event kept (the timeline also draws the few before it)."
                + " The 1,863,680 before it are out of reach.",
                HistoryPane.droppedNote(1_863_680, 2_861_429));
    }
}
