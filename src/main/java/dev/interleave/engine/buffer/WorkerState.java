package dev.interleave.engine.buffer;

/**
 * What a producer or consumer is doing at a moment.
 */
public enum WorkerState {
    /** A producer making its next item, outside the lock (its produce delay). */
    PRODUCING,
    /** A consumer using the item it took, outside the lock (its consume delay). */
    CONSUMING,
    /** Trying to acquire the buffer's lock, or signalled and waiting to re-acquire it. */
    WAITING_FOR_LOCK,
    /** A producer parked in {@code notFull.await()}: the buffer was full. In the notFull wait set. */
    WAITING_NOT_FULL,
    /** A consumer parked in {@code notEmpty.await()}: the buffer was empty. In the notEmpty wait set. */
    WAITING_NOT_EMPTY,
    /** Holding the buffer's lock. */
    IN_BUFFER,
    /** Stopped at the gate: the run is paused, or waiting for a step. */
    AT_GATE,
    /** Finished: no more items to make or take, or stopped. */
    DONE
}
