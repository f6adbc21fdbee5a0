package dev.interleave.engine.buffer;

import dev.interleave.engine.run.Labelled;

/**
 * How a buffer run ended, as the lab says it ({@code --json}'s {@code outcome}): the run kit's
 * verdicts, plus the two findings of the lab's detector.
 */
public enum BufferOutcome implements Labelled {
    /** Completed, every item consumed exactly once, the sum right. Exit 0. */
    OK("ok"),
    /** Completed, but the check failed without the detector naming a violation. Exit 1. */
    WRONG_TOTAL("wrong-total"),
    /** Everybody waited and nobody could proceed ({@link BufferStall}). Exit 1. */
    STALLED("stalled"),
    /** A safety invariant was broken ({@link BufferViolation}). Exit 1. */
    VIOLATED("violated"),
    /** Stopped before every item was consumed. Exit 1. */
    STOPPED("stopped"),
    /** A worker threw something else, or a thread could not be started. Exit 1. */
    FAILED("failed");

    private final String label;

    BufferOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
