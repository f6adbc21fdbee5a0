package dev.interleave.engine.calls;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When the threads' start rate explains a run's most in flight staying under what it allowed, and the words. */
class StartRateTest {

    private static final CallSettings PLATFORM = CallSettings.of(20_000, 4_000).withThreads(ThreadKind.PLATFORM);

    /** The figures of a run seen here: 20,000 calls on platform threads, 4,000 allowed, 1,422 at most. */
    @Test
    void aRunHeldUnderItsLimitByItsStartsSaysSoWithItsFigures() {
        assertEquals(Optional.of("At most 1,422 of 4,000 allowed in flight: platform threads started at 1,749 a"
                        + " second here (0.57 ms each), and a call lasted 505 ms on average, so calls ended about as"
                        + " fast as new ones began (about 884 in flight on average)."),
                StartRate.ceiling(PLATFORM, 1_422, 1_749, 505.2));
    }

    @Test
    void startsInMicrosecondsAreSaidInMicroseconds() {
        CallSettings virtual = CallSettings.of(1_000_000, 100_000).withMaxSleepMillis(1);
        assertEquals(Optional.of("At most 40,000 of 100,000 allowed in flight: virtual threads started at 100,000"
                        + " a second here (10 µs each), and a call lasted 0.6 ms on average, so calls ended about as"
                        + " fast as new ones began (about 60 in flight on average)."),
                StartRate.ceiling(virtual, 40_000, 100_000, 0.6));
    }

    @Test
    void nothingToSayNearTheLimitOrWhenTheStartsDoNotExplainIt() {
        assertEquals(Optional.empty(), StartRate.ceiling(PLATFORM, 3_600, 1_749, 505), "90 % of the limit reached");
        assertEquals(Optional.empty(), StartRate.ceiling(PLATFORM, 1_422, 10_000, 505),
                "starts fast enough for 5,050 in flight: something else held the run under");
        assertEquals(Optional.empty(), StartRate.ceiling(PLATFORM, 0, 0, 0), "nothing started yet");
    }

    /** Fewer calls than the concurrency: the calls are what is allowed. */
    @Test
    void fewerCallsThanTheConcurrencyAllowTheCalls() {
        CallSettings few = CallSettings.of(1_000, 4_000).withThreads(ThreadKind.PLATFORM);
        assertEquals(Optional.empty(), StartRate.ceiling(few, 950, 1_749, 505), "950 of 1,000 is near the most possible");
        assertEquals("At most 600 of 1,000 allowed",
                StartRate.ceiling(few, 600, 1_749, 505).orElseThrow().substring(0, 28));
    }
}
