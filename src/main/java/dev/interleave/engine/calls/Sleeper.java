package dev.interleave.engine.calls;

/**
 * How a call waits: real sleeping in runs, something instant or scripted in unit tests.
 */
@FunctionalInterface
public interface Sleeper {

    /** {@link Thread#sleep(long)}: parks a virtual thread without holding its carrier. */
    Sleeper REAL = Thread::sleep;

    /** Returns at once; for tests that need calls but not their latency. */
    Sleeper NONE = millis -> {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    };

    /**
     * Waits about {@code sleepMillis}.
     *
     * @throws InterruptedException if the thread is interrupted before or while waiting
     */
    void sleep(long sleepMillis) throws InterruptedException;
}
