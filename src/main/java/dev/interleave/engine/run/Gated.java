package dev.interleave.engine.run;

/**
 * A worker that passes a {@link Gate}: it has a name the gate's view shows, and it is told when it
 * parks at the closed gate, so that its own state can say so.
 */
public interface Gated {

    /** The name a view shows, e.g. {@code P3}. */
    String name();

    /** Called by the gate, under the gate's lock, when this worker parks at the closed gate. */
    void parkedAtGate();

    /** How a parked worker left the gate. */
    enum Exit {
        /** The gate opened (Resume). */
        OPENED,
        /** A step let it through. */
        STEPPED,
        /** It was interrupted while parked, and has not passed. */
        INTERRUPTED
    }

    /**
     * Called by the gate, under the gate's lock, when this worker, parked since
     * {@link #parkedAtGate()}, leaves the gate's queue. Does nothing unless overridden.
     */
    default void leftGate(Exit exit) {
    }
}
