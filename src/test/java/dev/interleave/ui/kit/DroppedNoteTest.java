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
                + " Events 0 to 1,863,679 (1,863,680 of them), up to that moment, are out of reach.",
                HistoryPane.droppedNote(1_863_680, 2_861_429));
    }

    /** A run that outran the window rebuilds nothing: the note says so, not "reach the last 0". */
    @Test
    void aRunThatOutranTheWindowSaysNothingCanBeRebuilt() {
        assertEquals("This run outran the window: its log dropped events before the window could copy them, so no"
                + " moment of it can be rebuilt, and the scrubber stays at now. The log keeps the newest 1,000,000 of"
                + " the 27,503,053 events, and the timeline draws them. A slower run (delays above 0 ms, or fewer"
                + " threads) can be rewound.", HistoryPane.droppedNote(27_503_053, 27_503_053));
    }
}
