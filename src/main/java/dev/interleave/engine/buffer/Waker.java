package dev.interleave.engine.buffer;

/**
 * What woke a thread that tells its wake-up only when it is back (the monitor's notify(), a
 * semaphore's release()): {@code worker}'s put or take, numbered {@code move} in the log (-1: not
 * recorded); a null worker, the buffer itself (it grew).
 */
record Waker(Worker worker, long move) {
}
