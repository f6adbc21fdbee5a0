package dev.interleave.engine.buffer;

import java.util.function.Supplier;

/**
 * A buffer's first violation: a lab run stops at it, and reports that one. A put or take that would
 * break the invariant after it (a worker woken before the run could stop) gets the same violation
 * back, unrecorded, instead of one of its own: with several consumers woken at once, three had
 * taken from the empty slot one after the other, each narrated "the run stops", and the result named
 * whichever throw reached the run first.
 *
 * <p>Not thread-safe: guarded by its buffer's lock (the one held where a put or take checks its slot).
 */
final class FirstViolation {

    /** The first violation, null while none. Guarded by the owner's lock. */
    private BufferViolation first;

    /**
     * The violation to throw: the first one, or, if none yet, the one {@code recordAndMake} records
     * and makes, kept as the first. Call only holding the owner's lock.
     */
    BufferViolation keep(Supplier<BufferViolation> recordAndMake) {
        if (first == null) {
            first = recordAndMake.get();
        }
        return first;
    }
}
