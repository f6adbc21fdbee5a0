package dev.interleave.engine.philosophers;

import java.util.Arrays;

/**
 * The livelock rule, applied to the table's events as they come (and as a replay of its log applies
 * them): a livelock is reported when, since anyone last ate (began or ended a meal), every
 * philosopher has given a fork back at least {@link #GIVE_UPS} times: all of them busy taking and
 * giving back, in step, and nobody eating. It holds until someone eats; the first moment it held is
 * kept. A table where nobody gives anything back (a deadlock, everyone thinking, strategies that
 * wait for their forks) is never livelocked, nor is a busy table that eats.
 *
 * <p>Why not attempts against meals, as this rule was first: a philosopher that retries at once
 * beside a neighbour who eats makes thousands of attempts per meal while the table eats as fast as
 * {@code ordered} does (measured: {@code trylock-no-backoff} with {@code tryLock(0)} and 1 to 5 ms
 * meals, 1,365 meals in 3 s against ordered's 1,121, and "livelock"): busy waiting, not a
 * livelock. What a livelock is: nobody gets on. Measured on the reference machine (5 philosophers,
 * think 0, eat 1 to 5 ms, 4 s): {@code trylock-no-backoff} had stretches of 34 to 99 ms in which
 * nobody ate while every philosopher gave up 3 to 9 times, a dozen of them a run; {@code trylock},
 * with its random back-off, none of 30 ms or more.
 * Not thread-safe: the table applies events under its lock.
 */
public final class LivelockWatch {

    /** Give-ups each philosopher makes, with nobody eating, before the table counts as livelocked. */
    static final int GIVE_UPS = 3;

    /** The rule in words, as the window, the command line and the README state it. */
    public static final String RULE = "since anyone last ate, every philosopher has given a fork back at least "
            + GIVE_UPS + " times";

    /** For each philosopher, its give-ups since anyone last ate, counted up to {@link #GIVE_UPS}. */
    private final int[] giveUps;
    /** Philosophers with fewer than {@link #GIVE_UPS} give-ups since anyone last ate. Invariant: 0 <= below <= n. */
    private int below;
    /** Whether the rule holds now: it held (below reached 0) and nobody has eaten since. Invariant: now implies fromNanos >= 0. */
    private boolean now;
    /** Active time when the rule first held in this run, or -1: kept once set. */
    private long fromNanos = -1;
    /** Active time of the latest meal begun or ended, 0 before any. Invariant: lastAteNanos <= every later event's time. */
    private long lastAteNanos;
    /** Spells of livelock in this run: times the rule began to hold. Invariant: spells > 0 iff fromNanos >= 0. */
    private int spells;
    /**
     * The longest stretch with no meal that a spell was in, in active time: from the meal before it to
     * the meal that ended it, or to the latest give-up of a spell still going; 0 before any spell.
     */
    private long longestNanos;

    LivelockWatch(int n) {
        giveUps = new int[n];
        below = n;
    }

    private LivelockWatch(LivelockWatch from) {
        giveUps = from.giveUps.clone();
        below = from.below;
        now = from.now;
        fromNanos = from.fromNanos;
        lastAteNanos = from.lastAteNanos;
        spells = from.spells;
        longestNanos = from.longestNanos;
    }

    LivelockWatch copy() {
        return new LivelockWatch(this);
    }

    /** Philosopher {@code p} gave up a fork it tried for, at active time {@code atNanos}. */
    void gaveUp(int p, long atNanos) {
        if (giveUps[p] < GIVE_UPS && ++giveUps[p] == GIVE_UPS) {
            below--;
        }
        if (below == 0 && !now) {
            now = true;
            spells++;
            if (fromNanos < 0) {
                fromNanos = atNanos;
            }
        }
        if (now) {
            longestNanos = Math.max(longestNanos, atNanos - lastAteNanos);
        }
    }

    /** Someone began or ended a meal at active time {@code atNanos}: the table gets on, and the count starts again. */
    void ate(long atNanos) {
        if (now) {
            longestNanos = Math.max(longestNanos, atNanos - lastAteNanos);
        }
        lastAteNanos = atNanos;
        Arrays.fill(giveUps, 0);
        below = giveUps.length;
        now = false;
    }

    /** Whether the table is livelocked now: the rule held, and nobody has eaten since. */
    boolean now() {
        return now;
    }

    /** Active time when the rule first held, or -1 if it never has. */
    long fromNanos() {
        return fromNanos;
    }

    /** How many spells of livelock this run has had: times the rule began to hold. */
    int spells() {
        return spells;
    }

    /**
     * The longest stretch with no meal that a spell of livelock was in, in active time (from the meal
     * before it to the meal after it, or to the latest give-up while one lasts); 0 if none.
     */
    long longestNanos() {
        return longestNanos;
    }
}
