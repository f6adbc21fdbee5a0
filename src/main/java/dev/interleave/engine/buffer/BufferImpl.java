package dev.interleave.engine.buffer;

import java.util.concurrent.ArrayBlockingQueue;

import dev.interleave.engine.run.Labelled;

/**
 * Which buffer a buffer run drives: Interleave's instrumented one, or the JDK's as a baseline.
 */
public enum BufferImpl implements Labelled {

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

    @Override
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
