package dev.interleave.engine.philosophers;

/**
 * One thing that happened at the table, in words: a fork picked up, a wait begun, a try given up, a
 * fork put down, a seat taken, the circle closing. The table numbers them in the order they
 * happened (under its lock).
 *
 * @param seq         1, 2, 3, ... in the order the table recorded them
 * @param atNanos     the run's active time when it happened
 * @param philosopher who acted (index; 0 is P1)
 * @param kind        what kind of action
 * @param fork        the fork acted on (index; 0 is F1), or -1
 * @param words       the action in a sentence, e.g. "P2 picks up F3 (its right fork)"
 */
public record Action(long seq, long atNanos, int philosopher, Kind kind, int fork, String words) {

    /** What kind of action. */
    public enum Kind {
        /** Picked up a fork. */
        TAKE,
        /** Reached for a fork someone holds, and waits without a time limit. */
        WAIT,
        /** Reached for a fork someone holds with {@code tryLock} and a timeout. */
        TRY,
        /** A timed try ran out: the fork did not come. */
        GIVE_UP,
        /** Put a fork down. */
        PUT_DOWN,
        /** Asked the waiter for a seat and waits: every seat is taken. */
        WAIT_FOR_SEAT,
        /** Sat down on one of the waiter's seats. */
        SIT,
        /**
         * Gave its seat back to the waiter: one is free again. An action, so that the last action
         * after it is not "sits down (4 of 4 seats taken)" beside a seats card of 3 (a teacher's tryout).
         */
        LEAVE_SEAT,
        /** The wait just begun closed a circle: deadlock. */
        DEADLOCK
    }
}
