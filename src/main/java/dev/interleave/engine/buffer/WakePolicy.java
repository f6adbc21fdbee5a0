package dev.interleave.engine.buffer;

import java.util.concurrent.locks.Condition;

import dev.interleave.engine.run.Labelled;

/**
 * How a buffer wakes the threads waiting on a condition after it changes the buffer.
 */
public enum WakePolicy implements Labelled {

    /**
     * Wake the one thread that has waited longest. Choose it by default: with separate
     * {@code notFull}/{@code notEmpty} conditions every waiter on a condition waits for the same
     * thing, so one change can satisfy only one of them, and waking more only makes them queue for
     * the lock and go back to sleep. This is what {@link java.util.concurrent.ArrayBlockingQueue} does.
     */
    SIGNAL("signal") {
        @Override
        int wake(Condition condition, int waiting) {
            condition.signal();
            return Math.min(1, waiting);
        }
    },

    /**
     * Wake every waiting thread. Choose it to watch the thundering herd: all of them contend for the
     * lock, one wins the freed slot, the rest find the condition false again and go back to waiting.
     * It is the safe choice only when waiters wait for different things on one condition.
     */
    SIGNAL_ALL("signal-all") {
        @Override
        int wake(Condition condition, int waiting) {
            condition.signalAll();
            return waiting;
        }
    };

    private final String label;

    WakePolicy(String label) {
        this.label = label;
    }

    /**
     * Signals {@code condition}, whose wait set holds {@code waiting} threads; returns how many of
     * them leave it (the longest-waiting first). Call only when holding the condition's lock.
     */
    abstract int wake(Condition condition, int waiting);

    @Override
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
