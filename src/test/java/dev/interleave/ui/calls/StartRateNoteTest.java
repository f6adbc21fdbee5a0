package dev.interleave.ui.calls;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.interleave.engine.calls.CallSettings;
import dev.interleave.engine.calls.StartRate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-rate note through a run, as the 1,000,000-call run on virtual threads has it: held back
 * in its first seconds, then at 100,000 in flight. Its place is held under the cards: blank once the
 * start rate no longer held the run back, it stood as an empty band over the plots.
 */
class StartRateNoteTest {

    private static final CallSettings LARGE = CallSettings.of(1_000_000, 100_000);

    @Test
    void onceTheStartsNoLongerHoldTheRunBackTheNoteSaysInFlightCaughtUp() {
        StartRateNote note = new StartRateNote();
        assertEquals("", note.next(Optional.empty(), LARGE, 0), "nothing to say in the first second");
        Optional<String> ceiling = StartRate.ceiling(LARGE, 30_000, 30_000, 500);
        assertEquals(ceiling.orElseThrow(), note.next(ceiling, LARGE, 30_000));
        assertEquals("In flight came to 100,000 of 100,000 allowed: the threads' start rate held it lower only"
                + " early in the run.", note.next(Optional.empty(), LARGE, 100_000));
        assertEquals("At most 80,000 of 100,000 allowed in flight: the threads' start rate held it lower early in"
                        + " the run, and no longer accounts for the shortfall.",
                note.next(Optional.empty(), LARGE, 80_000), "under the limit, for another reason");
    }

    /**
     * Between the once-a-second decisions, a frame refreshes the figures of the sentence said, never
     * another sentence: near its threshold the ceiling comes and goes from frame to frame, and the note
     * flipped between two sentences at the frame rate (a review).
     */
    @Test
    void aFrameRefreshesTheFiguresNotTheSentence() {
        StartRateNote note = new StartRateNote();
        Optional<String> ceiling = StartRate.ceiling(LARGE, 30_000, 30_000, 500);
        String held = note.next(ceiling, LARGE, 30_000);
        assertEquals(held, note.refreshed(Optional.empty(), LARGE, 30_500), "no ceiling this frame: the sentence stays");
        Optional<String> later = StartRate.ceiling(LARGE, 31_000, 30_000, 500);
        assertEquals(later.orElseThrow(), note.refreshed(later, LARGE, 31_000), "its figures the frame's");
        String caughtUp = note.next(Optional.empty(), LARGE, 100_000);
        assertTrue(caughtUp.startsWith("In flight came to 100,000"), caughtUp);
        assertTrue(note.refreshed(ceiling, LARGE, 100_000).startsWith("In flight came to"),
                "a ceiling for a frame does not bring the other sentence back");
        assertEquals("", new StartRateNote().refreshed(ceiling, LARGE, 30_000), "nothing said: nothing refreshed");
    }

    @Test
    void aRunTheStartsNeverHeldBackSaysNothingAndANewRunStartsAfresh() {
        StartRateNote note = new StartRateNote();
        assertEquals("", note.next(Optional.empty(), LARGE, 100_000));
        note.next(StartRate.ceiling(LARGE, 30_000, 30_000, 500), LARGE, 30_000);
        note.newRun();
        assertEquals("", note.next(Optional.empty(), LARGE, 100_000), "the last run's hold-back is not this one's");
    }
}
