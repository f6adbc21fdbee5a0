package dev.interleave.engine.run;

/**
 * Where a run is in its lifecycle: {@code IDLE → RUNNING ⇄ PAUSED → STOPPING → IDLE}.
 * Moves are compare-and-set, so a second Run is refused rather than doubled.
 */
public enum RunState {
    /** No run in progress; a new one may start. */
    IDLE,
    /** Workers are running freely. */
    RUNNING,
    /** Workers stop at their next gate; Step lets one through. */
    PAUSED,
    /** Stop was asked for (or a task failed); workers are being interrupted and joined. */
    STOPPING
}
