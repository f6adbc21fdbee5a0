package dev.interleave.engine.buffer;

import dev.interleave.engine.calls.CallRunner;

/**
 * Breaks the layout on purpose, in the test classes only: a buffer class that uses the calls
 * scenario. {@code ArchitectureTest} shows its check reports this.
 */
public final class ArchitectureFixture {

    private ArchitectureFixture() {
    }

    /** A reference to another scenario's runner. */
    public static Class<?> crossing() {
        return CallRunner.class;
    }
}
