package dev.interleave.engine.run;

/** How a run ended, whatever its scenario. */
public enum Outcome {
    /** Every task ran to its end. Whether the figures check out is the scenario's to say. */
    COMPLETED,
    /** Stop was asked for before every task ran. */
    STOPPED,
    /** A task threw, or a thread could not be started; the rest were cancelled. */
    FAILED
}
