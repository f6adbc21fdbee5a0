package dev.interleave.engine.buffer;

import java.util.function.Supplier;

/**
 * A buffer's first violation: a lab run stops at it, and reports that one. Every put or take after
 * it (a worker woken, or already on its way, before the run could stop) gets the same violation
 * back, unrecorded, and changes nothing: the buffer stays as the violation found it. With several
 * consumers woken at once, three had taken from the empty slot one after the other, each narrated
 * "the run stops", and the result named whichever throw reached the run first; and takes that
 * broke nothing went on for 10 ms after the violation, counted in the run's items and sum.
 *
 * <p>Not thread-safe: guarded by its buffer's lock (the one held where a put or take checks its slot).
 */
final class FirstViolation {

    /** The first violation, null while none. Guarded by the owner's lock. */
    private BufferViolation first;

    /**
     * Whether a violation has been kept: no put or take may change the buffer any more. Call only
     * holding the owner's lock.
     */
    boolean happened() {
        return first != null;
    }

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
