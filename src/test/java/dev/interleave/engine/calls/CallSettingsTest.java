package dev.interleave.engine.calls;

import org.junit.jupiter.api.Test;

import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Which runs a heap can hold: the calls in flight on virtual threads, each with its stack in the heap. */
class CallSettingsTest {

    private static final long MB = 1L << 20;

    @Test
    void aMillionInFlightDoesNotFitTheCommandLinesHeap() {
        assertEquals(327_680, CallSettings.virtualInFlightFor(640 * MB));
        assertEquals("1,000,000 calls in flight need about 1,953 MB of heap (about 2,048 bytes each while they"
                + " sleep), and this JVM may use 640 MB: at most 327,680 in flight here",
                CallSettings.of(1_000_000, 1_000_000).heapMessage(640 * MB));
        assertEquals("", CallSettings.of(1_000_000, 1_000_000).heapMessage(2_048 * MB));
    }

    /** The calls in flight are the fewer of the calls and the concurrency; platform threads keep their stacks off the heap. */
    @Test
    void onlyWhatCanBeInFlightOnVirtualThreadsCounts() {
        assertEquals("", CallSettings.of(100_000, 1_000_000).heapMessage(640 * MB), "100,000 calls at the most");
        assertEquals("", CallSettings.of(1_000_000, 327_680).heapMessage(640 * MB));
        assertEquals("", CallSettings.of(4_000, 4_000).withThreads(ThreadKind.PLATFORM).heapMessage(0),
                "checked against the platform cap instead");
        assertFalse(CallSettings.of(4_000, 4_000).heapMessage(0).isEmpty(), "the same on virtual threads");
    }
}
