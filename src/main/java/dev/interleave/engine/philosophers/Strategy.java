package dev.interleave.engine.philosophers;

import java.util.concurrent.ThreadLocalRandom;

import dev.interleave.engine.run.Labelled;

/**
 * How a philosopher gets its two forks, and puts them back: the lab's choice, each a different
 * answer (or none) to the four conditions of deadlock ({@link Coffman}). Every strategy takes forks
 * only through {@link Hands}, so each fork action is instrumented and gated the same way.
 */
public enum Strategy implements Labelled {

    /**
     * Left fork, then right, waiting as long as it takes for each. Choose it to see a deadlock: when
     * every philosopher holds its left fork, each waits for its neighbour's, and none ever lets go.
     */
    NAIVE("naive", false) {
        @Override
        void pickUp(Hands hands) throws InterruptedException {
            hands.attempt();
            hands.take(hands.left());
            hands.take(hands.right());
        }
    },

    /**
     * The lower-numbered fork first, then the other (one global order on forks). Choose it to break
     * circular wait: the last philosopher reaches for F1 before FN, so the waits can never close a
     * circle, and someone always eats.
     */
    ORDERED("ordered", false) {
        @Override
        void pickUp(Hands hands) throws InterruptedException {
            hands.attempt();
            hands.take(Math.min(hands.left(), hands.right()));
            hands.take(Math.max(hands.left(), hands.right()));
        }
    },

    /**
     * Left fork (waiting for it while holding nothing), then the right with {@code tryLock} and a
     * timeout of {@link #TRY_MILLIS} ms; if it does not come, put the left one back and wait a random
     * time up to {@link #BACK_OFF_MILLIS} ms before trying again. Choose it to break no preemption: a
     * philosopher whose try runs out gives its own fork back (it pre-empts itself, which no lock can do
     * to it), so no circle of waits can last. It still holds the left fork while it tries for the right.
     */
    TRYLOCK("trylock", true) {
        @Override
        void pickUp(Hands hands) throws InterruptedException {
            while (true) {
                hands.attempt();
                hands.take(hands.left());
                if (hands.tryTake(hands.right(), TRY_MILLIS)) {
                    return;
                }
                hands.putDown(hands.left());
                hands.backOff(ThreadLocalRandom.current().nextInt(BACK_OFF_MILLIS + 1));
            }
        }
    },

    /**
     * As {@link #TRYLOCK}, but without the back-off: when the right fork does not come within
     * {@link #TRY_MILLIS} ms, the left goes back and the philosopher reaches for it again at once.
     * Choose it to see a livelock: once every philosopher holds its left fork, each waits its 10 ms,
     * gives its fork back and takes it again before its neighbour, woken for it, can (the forks are
     * not fair): all of them in step, busy, and nobody eats, until chance breaks the step. Fair
     * forks hand a fork given back to the neighbour waiting for it, and break the step; so does
     * {@link #TRYLOCK}'s random back-off. (Fair forks only while a neighbour still waits: two
     * philosophers on two cores may give up at the same moment, and stay in step for a spell.)
     */
    TRYLOCK_NO_BACKOFF("trylock-no-backoff", true) {
        @Override
        void pickUp(Hands hands) throws InterruptedException {
            while (true) {
                hands.attempt();
                hands.take(hands.left());
                if (hands.tryTake(hands.right(), TRY_MILLIS)) {
                    return;
                }
                hands.putDown(hands.left());
            }
        }
    },

    /**
     * Ask a waiter for a seat first (a semaphore with N - 1 seats), then left fork, then right. Choose
     * it to break circular wait by admission: with at most N - 1 philosophers reaching for forks, at least
     * one of them can always get both of its forks, so the waits cannot close a circle.
     */
    WAITER("waiter", false) {
        @Override
        void pickUp(Hands hands) throws InterruptedException {
            hands.sit();
            hands.attempt();
            hands.take(hands.left());
            hands.take(hands.right());
        }
    };

    /** How long a {@code trylock} philosopher waits for its second fork before giving up. */
    public static final int TRY_MILLIS = 10;
    /** The longest random back-off of {@link #TRYLOCK}, in ms (uniform from 0). */
    public static final int BACK_OFF_MILLIS = 20;

    private final String label;
    private final boolean givesForksBack;

    Strategy(String label, boolean givesForksBack) {
        this.label = label;
        this.givesForksBack = givesForksBack;
    }

    /** Returns holding both forks (and a seat, for {@link #WAITER}); counts each attempt. */
    abstract void pickUp(Hands hands) throws InterruptedException;

    /** After eating: puts both forks down, the last taken first, and leaves the seat if it had one. */
    void putDown(Hands hands) throws InterruptedException {
        hands.putDownAll();
        hands.leave();
    }

    /** Whether a philosopher gives a fork back before it has eaten (breaks no preemption). */
    public boolean givesForksBack() {
        return givesForksBack;
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
