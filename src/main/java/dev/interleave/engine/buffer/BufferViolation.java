package dev.interleave.engine.buffer;

/**
 * A safety invariant of the buffer broken by a put or take (thrown from it, before it changes
 * anything) or found by the run's own check of the items (an item taken twice, or lost): what the
 * lab reports as outcome {@code violated}. The run stops at once, like after any failure.
 */
public final class BufferViolation extends RuntimeException {

    private final String invariant;
    private final String action;

    /**
     * @param invariant the invariant broken, as a rule: "a take must empty a full slot"
     * @param action    what broke it, e.g. "C2 was about to take from slot 0, which is empty (count 0 of 1:
     *                  the take would make it -1)"
     */
    public BufferViolation(String invariant, String action) {
        super(invariant + ": " + action, null, false, false);
        this.invariant = invariant;
        this.action = action;
    }

    /** The invariant broken. */
    public String invariant() {
        return invariant;
    }

    /** The action that broke it. */
    public String action() {
        return action;
    }
}
