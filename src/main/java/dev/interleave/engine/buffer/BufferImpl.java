package dev.interleave.engine.buffer;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * Which buffer a buffer run drives: Interleave's instrumented one, or the JDK's as a baseline.
 */
public enum BufferImpl {

    /** {@link BoundedBuffer}: lock, two conditions, and everything the view shows. Choose it to watch. */
    INTERLEAVE("interleave"),

    /**
     * {@link ArrayBlockingQueue}: the same algorithm without instrumentation. Choose it as the
     * benchmark baseline; its runs show counts but no slots or wait sets.
     */
    ABQ("abq");

    private final String label;

    BufferImpl(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * @throws IllegalArgumentException naming the allowed labels
     */
    public static BufferImpl fromLabel(String label) {
        for (BufferImpl impl : values()) {
            if (impl.label.equalsIgnoreCase(label)) {
                return impl;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a buffer implementation; allowed: interleave, abq");
    }

    @Override
    public String toString() {
        return label;
    }
}
