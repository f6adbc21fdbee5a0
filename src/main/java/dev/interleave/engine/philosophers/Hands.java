package dev.interleave.engine.philosophers;

/**
 * What a {@link Strategy} can do with a philosopher's hands: every fork action passes the
 * philosopher's gate first (one action per step while paused) and is recorded by the table.
 * Called only by the philosopher's own thread.
 */
interface Hands {

    /** The philosopher's left fork (index): Pi's is Fi. */
    int left();

    /** The philosopher's right fork (index): Pi's is F(i+1), PN's is F1. */
    int right();

    /** Counts the start of an attempt to get both forks. */
    void attempt();

    /**
     * Takes fork {@code f}, waiting without a time limit while another holds it. Throws
     * InterruptedException when the run ends meanwhile, even if the lock was got: the fork is then
     * back on the table, not in hand.
     */
    void take(int f) throws InterruptedException;

    /**
     * Tries to take fork {@code f}, waiting at most {@code millis}; returns whether it did. Throws
     * InterruptedException when the run ends meanwhile, as {@link #take} does.
     */
    boolean tryTake(int f, long millis) throws InterruptedException;

    /** Puts fork {@code f} (held) down. */
    void putDown(int f) throws InterruptedException;

    /** Puts every held fork down, the last taken first. */
    void putDownAll() throws InterruptedException;

    /** Waits a random back-off of {@code millis} (holding no fork). */
    void backOff(long millis) throws InterruptedException;

    /** Asks the waiter for a seat and waits for one; does nothing without a waiter. */
    void sit() throws InterruptedException;

    /** Gives the seat back, if it has one. */
    void leave();
}
