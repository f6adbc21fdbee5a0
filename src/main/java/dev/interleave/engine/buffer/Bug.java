package dev.interleave.engine.buffer;

/**
 * A mistake {@link BoundedBuffer} can be built with, on purpose: the planted bugs that its checks
 * (Lincheck, the invariants, the snapshot) must catch. Package-private for now; each label is the
 * name a later {@code --bug} option is meant to give it.
 */
enum Bug {

    /** The correct buffer. */
    NONE("none"),

    /**
     * {@code if} where {@code while} belongs around {@code await}: a woken thread does not re-check.
     * Another thread can take the item (or the slot) between the signal and the woken thread's
     * return, which then takes from an empty buffer (0 and a count of -1) or puts into a full one
     * (an item overwritten, a count above capacity).
     */
    IF_NOT_WHILE("if-not-while"),

    /**
     * Producers and consumers wait on one shared condition, and {@code signal} wakes one thread of
     * either side. A consumer's signal meant for a producer can wake another consumer, which finds
     * the buffer empty and waits again: the signal is lost, and the run can stop with everybody
     * waiting.
     */
    ONE_CONDITION("one-condition"),

    /**
     * The count is checked outside the lock: a put that sees room (a take that sees an item) before
     * locking goes ahead without checking again under the lock. Two producers can both see the last
     * free slot, and the second overwrites the first one's item.
     */
    UNLOCKED_COUNT("unlocked-count");

    private final String label;

    Bug(String label) {
        this.label = label;
    }

    /** The name a command line would use, e.g. {@code "if-not-while"}. */
    String label() {
        return label;
    }

    /**
     * @throws IllegalArgumentException naming the allowed labels
     */
    static Bug fromLabel(String label) {
        for (Bug bug : values()) {
            if (bug.label.equalsIgnoreCase(label)) {
                return bug;
            }
        }
        throw new IllegalArgumentException(
                "'" + label + "' is not a planted bug; allowed: none, if-not-while, one-condition, unlocked-count");
    }

    @Override
    public String toString() {
        return label;
    }
}
