package dev.interleave.engine.calls;

/**
 * A shared counter that hands out 1, 2, 3, ... to any number of threads.
 *
 * <p>Implementations are chosen through {@link CounterKind}. All of them except
 * {@link CounterKind#RACY} return every value exactly once; the racy one exists to show what a
 * lost update looks like.
 */
public interface Counter {

    /** Advances the counter and returns the new value (the first call returns 1). Safe to call from any thread. */
    long next();

    /** The latest value handed out, or 0 before the first call. Safe to call from any thread; a moment later it may be larger. */
    long value();
}
