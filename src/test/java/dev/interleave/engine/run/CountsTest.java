package dev.interleave.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Counts and rates in words, as the window and the command line print them. */
class CountsTest {

    /**
     * A slow rate keeps a decimal, a fast one is whole and grouped: 2 calls in 4.75 s read
     * "throughput 0 calls/s" and JSON's callsPerSecond 0 (a review of the command line).
     */
    @Test
    void aRateBelowTenKeepsADecimal() {
        assertEquals("0.4", Counts.rate(2 / 4.75));
        assertEquals("0.0", Counts.rate(0));
        assertEquals("9.9", Counts.rate(9.94));
        assertEquals("10", Counts.rate(9.95));
        assertEquals("1,234,568", Counts.rate(1_234_567.6));
        assertEquals("{\"callsPerSecond\":0.4,\"itemsPerSecond\":1234568}", new Json()
                .putRate("callsPerSecond", 2 / 4.75).putRate("itemsPerSecond", 1_234_567.6).toString());
    }

    @Test
    void oneIsSingular() {
        assertEquals("1 slot", Counts.of(1, "slot"));
        assertEquals("0 slots", Counts.of(0, "slot"));
        assertEquals("1,000 calls", Counts.of(1_000, "call"));
    }
}
