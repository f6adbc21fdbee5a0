package dev.interleave.engine.buffer;

/**
 * What a producer or consumer is doing at a moment.
 */
public enum WorkerState {
    /** A producer making its next item, outside the lock (its produce delay). */
    PRODUCING("producing"),
    /** A consumer using the item it took, outside the lock (its consume delay). */
    CONSUMING("consuming"),
    /**
     * Trying to acquire the buffer's lock, or signalled and waiting to re-acquire it; also, with the
     * planted unlocked count, from its look without the lock through the lab's pause until it asks.
     */
    WAITING_FOR_LOCK("waiting for lock"),
    /**
     * A producer parked in {@code notFull.await()}: the buffer was full. In the notFull wait set. Said
     * as what it awaits, "awaits room", as the code's await() does: with one condition, producers stay
     * parked in an empty buffer, and "blocked: full" then said the opposite of the slots beside it.
     * ("waiting for room with #42" made the chips too wide for four in a row at 1280x800.)
     */
    WAITING_NOT_FULL("awaits room"),
    /** A consumer parked in {@code notEmpty.await()}: the buffer was empty. In the notEmpty wait set. */
    WAITING_NOT_EMPTY("awaits an item"),
    /** Holding the buffer's lock, inside put or take ("in buffer" read as an item in the buffer). */
    IN_BUFFER("in put/take"),
    /** Stopped at the gate: the run is paused, or waiting for a step. */
    AT_GATE("at gate"),
    /** Finished: no more items to make or take, or stopped. */
    DONE("done"),
    /**
     * A consumer that has joined the buffer, before its first event (parking at the gate, asking
     * for the lock, a wait or a take): it has nothing to consume yet (it was shown "consuming", and
     * its lane drawn so, until then). A producer starts by making its first item: {@link #PRODUCING}.
     */
    STARTING("starting");

    private final String words;

    WorkerState(String words) {
        this.words = words;
    }

    /**
     * Whether a timeline lane or a trace track shows it: not before a consumer's first event
     * ({@link #STARTING}), not after the end ({@link #DONE}): the worker does nothing then.
     */
    public boolean drawn() {
        return this != STARTING && this != DONE;
    }

    /** Whether it is parked on a condition: {@link #WAITING_NOT_FULL} or {@link #WAITING_NOT_EMPTY}. */
    public boolean waitsOnACondition() {
        return this == WAITING_NOT_FULL || this == WAITING_NOT_EMPTY;
    }

    /** The state in a few words, "awaits room"; the chips say {@link #words(BufferImpl, Worker.Role)}. */
    public String words() {
        return words;
    }

    /**
     * {@link #words()} with the lock named as {@code impl}'s code names it ({@link BufferImpl#lockNoun}):
     * a monitor's thread is "waiting for monitor", as its log line says it waits for the monitor.
     */
    public String words(BufferImpl impl) {
        return this == WAITING_FOR_LOCK ? "waiting for " + impl.lockNoun() : words;
    }

    /**
     * {@link #words(BufferImpl)} for one thread of {@code role}: holding the lock, a producer is "in
     * put()" and a consumer "in take()" (a consumer's chip read "C2 in put/take", a teacher's tryout).
     */
    public String words(BufferImpl impl, Worker.Role role) {
        return this != IN_BUFFER ? words(impl) : role == Worker.Role.PRODUCER ? "in put()" : "in take()";
    }
}
