package dev.interleave.engine.philosophers;

/**
 * What a philosopher is doing at a moment. Which forks it holds is read from the table, not from
 * the state: a philosopher waiting for its right fork usually holds its left one.
 */
public enum PhilosopherState {
    /** Thinking (its think delay), holding no fork. */
    THINKING,
    /** Hungry: about to reach for a fork, or between two fork actions. */
    HUNGRY,
    /** Waiting for one of the waiter's N - 1 seats (strategy {@code waiter}). */
    WAITING_FOR_SEAT,
    /** Blocked in {@code lockInterruptibly} on a fork another philosopher holds: waits without limit. */
    WAITING_FOR_FORK,
    /** In {@code tryLock} with a timeout on a fork: gives up when the time is out. */
    TRYING_FORK,
    /** Holding both forks, eating (its eat delay). */
    EATING,
    /**
     * Has eaten: putting its forks down, the last taken first, one at a time (each its own step),
     * so it may hold one fork or none, and is neither eating nor thinking yet.
     */
    PUTTING_DOWN,
    /** Gave a fork back after a failed try, and waits a random time before the next attempt. */
    BACKING_OFF,
    /** Stopped at its gate: the run is paused, and its next fork action waits for a step. */
    AT_GATE,
    /** Left the table: the run ended. */
    DONE
}
