package dev.interleave.engine.philosophers;

/**
 * A mistake the deadlock detector can be built with, on purpose, so that the tests can show they
 * catch it (the real {@link Table} with the bug switched on, never a copy). Package-private: the
 * product has no way to switch it on.
 */
enum Bug {
    /** The correct detector: follows the waits around the whole table. */
    NONE,
    /**
     * Looks only one philosopher ahead: "does the holder of my fork wait for a fork I hold?". It finds
     * the two-philosopher deadlock and misses every longer circle.
     */
    TWO_CYCLES_ONLY
}
