package dev.interleave.engine.race;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WholeSharesTest {

    /** A run that lost exactly one thread's K, or two threads', is named; other losses, and none, are not. */
    @Test
    void namesTheRunsThatLostWholeSharesOfK() {
        assertEquals(List.of(new WholeShares.Whole(2, 250_000, 1), new WholeShares.Whole(4, 500_000, 2)),
                WholeShares.runs(List.of(23_778L, 250_000L, 0L, 500_000L, 250_001L), 250_000));
        assertEquals(List.of(), WholeShares.runs(List.of(0L, 0L), 250_000));
    }

    /** Under 1,000 increments a thread, several small losses add up to K too often to say why. */
    @Test
    void saysNothingOfSmallShares() {
        assertEquals(List.of(), WholeShares.runs(List.of(10L, 20L), 10));
        assertEquals(List.of(new WholeShares.Whole(1, 1_000, 1)), WholeShares.runs(List.of(1_000L), 1_000));
    }
}
