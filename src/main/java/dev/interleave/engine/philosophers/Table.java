package dev.interleave.engine.philosophers;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Gated;

/**
 * The forks, the waiter's seats, and the instruments that watch them: who holds each fork, who waits
 * for which, what each philosopher does, meals and attempts, and the deadlock detector. The forks
 * are real {@link ReentrantLock}s (fair or not), taken by the philosophers' own threads; the table
 * only records what they do, before and after each lock call: each change is one {@link TableEvent},
 * recorded in the run's {@link EventLog} when it has one, so the run can be rewound and traced.
 *
 * <p>Deadlock detection: when a philosopher is about to wait without a time limit for a fork
 * another holds, the table follows the waits from it (it waits for F held by Q, Q waits for F'
 * held by R, ...). If they lead back to it, the circle is closed by this very wait: a deadlock,
 * recorded with its circle before the philosopher blocks. A circle can only close when a wait
 * begins, so no deadlock goes undetected and none is reported late: the delay is zero (the window
 * shows it at its next sample, at most 100 ms later). It is never a false alarm: see the
 * implementation notes. Safe to use from any thread; each philosopher's methods are called by its
 * own thread.
 */
final class Table {

    /*
     * Implementation notes. One ReentrantLock, `lock` (not a fork), guards every instrument (the
     * TableState) and is the event log's writers' lock: each change is appended to the log and
     * applied to the state in one call (event()), under it, so the log holds every change in the
     * order made and a replay of it is the table (TableRecordingTest). A snapshot is one
     * acquisition, so it is consistent. `lock` is never held while a fork is
     * taken or a seat awaited (the table is updated just before and just after), so it cannot take
     * part in a deadlock; lock order where both are held: a gate's lock, then `lock`
     * (parked() is called by a gate under its lock); nothing takes a gate's lock under `lock`.
     *
     * Why a detected circle is a real deadlock: a holder is recorded only after the fork's lock is
     * acquired and cleared before it is unlocked, so a recorded holder really holds the fork; a
     * recorded wait without a time limit is cleared only after the fork is acquired. At the instant
     * the detector sees the circle (under `lock`), each philosopher in it really holds the fork the
     * one before it waits for, so none of them can have acquired the fork it waits for, and none
     * will put its fork down before it has: only an interrupt (Stop) ends the wait.
     */

    /** The limit of a wait that has none: {@link #reach} with {@code lockInterruptibly}. */
    static final long NO_LIMIT = -1;

    /** The most recent actions kept for the narration. */
    static final int RECENT_ACTIONS = 32;

    private final int n;
    private final ReentrantLock[] forks;
    /** The waiter's N - 1 seats, or null when the strategy has no waiter. */
    private final Semaphore seats;
    /** The run's active time, for the events' timestamps and the deadlock's. */
    private final LongSupplier clockNanos;
    private final CountDownLatch deadlocked = new CountDownLatch(1);

    private final ReentrantLock lock = new ReentrantLock();
    /**
     * Every instrument: holders, waits, states, meals, attempts, seats, the deadlock, the recent
     * actions. Changed only through {@link #event}, which also records the change. Invariant: a
     * philosopher's held forks are the forks naming it as holder. Guarded by lock.
     */
    private final TableState state;
    /** Where the events are recorded, or null when the run records nothing. Written under lock. */
    private final EventLog log;

    /**
     * @param n          philosophers (and forks)
     * @param fair       whether the forks (and seats) are fair locks
     * @param waiter     whether there is a waiter with N - 1 seats
     * @param clockNanos the run's active time
     * @param log        where to record every event ({@link TableEvent}), or null to record nothing;
     *                   its tracks P1 to PN are named here
     */
    Table(int n, boolean fair, boolean waiter, LongSupplier clockNanos, Bug bug, EventLog log) {
        this.n = n;
        this.clockNanos = Objects.requireNonNull(clockNanos);
        forks = new ReentrantLock[n];
        for (int f = 0; f < n; f++) {
            forks[f] = new ReentrantLock(fair);
        }
        seats = waiter ? new Semaphore(n - 1, fair) : null;
        state = new TableState(n, waiter, bug);
        this.log = log;
        if (log != null) {
            lock.lock();
            try {
                for (int p = 0; p < n; p++) {
                    log.addTrack(Names.philosopher(p));
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** A table that records nothing. */
    Table(int n, boolean fair, boolean waiter, LongSupplier clockNanos, Bug bug) {
        this(n, fair, waiter, clockNanos, bug, null);
    }

    int size() {
        return n;
    }

    /** The fork's lock: taken and released by a philosopher's thread, around the calls below. */
    ReentrantLock fork(int f) {
        return forks[f];
    }

    /** The waiter's seats, or null. */
    Semaphore seats() {
        return seats;
    }

    // ---- what a philosopher's own thread records ----

    void setState(int p, PhilosopherState now) {
        lock.lock();
        try {
            event(TableEvent.STATE, p, -1, 0, now.ordinal());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called by p's gate, under the gate's lock: p is parked there, and will take its next action
     * ({@link TableEvent#NEXT_PICK_UP}, ...) on fork {@code f} (-1: none) when stepped.
     */
    void parked(int p, int nextAction, int f) {
        lock.lock();
        try {
            event(TableEvent.PARK, p, f, 0, nextAction);
        } finally {
            lock.unlock();
        }
    }

    /** Called by p's gate, under the gate's lock: p, parked there, has left the gate's queue. */
    void passed(int p, Gated.Exit exit) {
        lock.lock();
        try {
            event(TableEvent.PASS, p, -1, state.stateAfterPass(p).ordinal(), exit.ordinal());
        } finally {
            lock.unlock();
        }
    }

    void attempt(int p) {
        lock.lock();
        try {
            event(TableEvent.ATTEMPT, p, -1, 0, 0);
        } finally {
            lock.unlock();
        }
    }

    /**
     * p is about to take fork f: with {@code lockInterruptibly} when {@code limitMillis} is
     * {@link #NO_LIMIT}, else with {@code tryLock} and that timeout (0: no wait at all). If f is held
     * by another, p is recorded as waiting for it and, for a wait without a limit, the detector
     * follows the waits from p.
     *
     * @return the deadlock this wait closes, or null
     */
    Deadlock reach(int p, int f, long limitMillis) {
        boolean limited = limitMillis != NO_LIMIT;
        assert limitMillis < EventLog.MAX_OTHER : limitMillis;
        lock.lock();
        try {
            Deadlock before = state.deadlock();
            // Recorded as waiting; for a wait without a limit for a held fork, the state follows the
            // waits from p, and finds the circle if this wait closes one.
            event(TableEvent.REACH, p, f, state.holder[f] + 1, limited ? (int) limitMillis + 1 : 0);
            if (before != null || state.deadlock() == null) {
                return null;
            }
            event(TableEvent.DEADLOCK, p, f, 0, 0); // the circle, told
            deadlocked.countDown();
            return state.deadlock();
        } finally {
            lock.unlock();
        }
    }

    /** p has taken fork f (its lock is held by p's thread). */
    void took(int p, int f) {
        lock.lock();
        try {
            assert state.holder[f] < 0 : Names.fork(f) + " recorded as held by " + state.holder[f];
            event(TableEvent.TAKE, p, f, state.hands.get(p).size() + 1, state.alsoReachingFor(f, p) + 1);
        } finally {
            lock.unlock();
        }
    }

    /** p's try for fork f, with a limit of {@code limitMillis}, failed. */
    void gaveUp(int p, int f, long limitMillis) {
        lock.lock();
        try {
            event(TableEvent.GIVE_UP, p, f, 0, (int) limitMillis);
        } finally {
            lock.unlock();
        }
    }

    /** p's wait for a fork ended without it (interrupted: the run is stopping). */
    void stoppedWaiting(int p) {
        lock.lock();
        try {
            event(TableEvent.STOPPED_WAITING, p, -1, 0, 0);
        } finally {
            lock.unlock();
        }
    }

    /** p is about to put fork f down (p's thread unlocks it right after). */
    void putDown(int p, int f) {
        lock.lock();
        try {
            assert state.holder[f] == p : Names.fork(f) + " is not " + Names.philosopher(p) + "'s";
            event(TableEvent.PUT_DOWN, p, f, 0, 0);
        } finally {
            lock.unlock();
        }
    }

    /** p asks the waiter for a seat (it waits for one if all are taken). */
    void askSeat(int p) {
        lock.lock();
        try {
            event(TableEvent.ASK_SEAT, p, -1, state.seated >= n - 1 ? 1 : 0, n - 1);
        } finally {
            lock.unlock();
        }
    }

    void sat(int p) {
        lock.lock();
        try {
            event(TableEvent.SIT, p, -1, state.seated + 1, n - 1);
        } finally {
            lock.unlock();
        }
    }

    void left(int p) {
        lock.lock();
        try {
            event(TableEvent.LEAVE_SEAT, p, -1, 0, 0);
        } finally {
            lock.unlock();
        }
    }

    void ate(int p) {
        lock.lock();
        try {
            event(TableEvent.ATE, p, -1, 0, 0);
        } finally {
            lock.unlock();
        }
    }

    // ---- for anyone ----

    /** The first deadlock detected, or null. */
    Deadlock deadlock() {
        lock.lock();
        try {
            return state.deadlock();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The livelock rule's standing ({@link LivelockWatch}): whether it holds now, since when it first
     * held, how many spells, and the longest stretch with no meal one was in.
     */
    record Livelock(boolean now, long fromNanos, int spells, long longestNanos) {
    }

    /** The table and the livelock rule's standing at one instant. */
    record Standing(TableView view, Livelock livelock) {
    }

    /** The table now with the livelock rule's standing, in one acquisition of its lock: consistent. */
    Standing standing() {
        lock.lock();
        try {
            return new Standing(state.view(), new Livelock(state.livelockNow(), state.livelockFromNanos(),
                    state.livelockSpells(), state.livelockLongestNanos()));
        } finally {
            lock.unlock();
        }
    }

    /** Waits at most {@code timeout} for a deadlock; returns it, or null. */
    Deadlock awaitDeadlock(Duration timeout) throws InterruptedException {
        return deadlocked.await(timeout.toNanos(), TimeUnit.NANOSECONDS) ? deadlock() : null;
    }

    /** The table now, in one acquisition of its lock. */
    TableView view() {
        lock.lock();
        try {
            return state.view();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The table now and the number of events recorded up to it, in one acquisition of its lock: the
     * state a replay of that many events must rebuild.
     */
    Sample sample() {
        lock.lock();
        try {
            return new Sample(state.view(), state.events());
        } finally {
            lock.unlock();
        }
    }

    /** The table at one instant, after {@code events} events. */
    record Sample(TableView view, long events) {
    }

    /**
     * Records one event and applies it to the instruments: the one place every change of the table
     * passes through, so the log holds every change, in the order made. Call only when holding lock.
     *
     * @param f     the fork, or -1
     * @param extra the kind's extra number ({@link TableEvent})
     * @param other the kind's other number
     */
    private void event(TableEvent kind, int p, int f, int extra, int other) {
        assert lock.isHeldByCurrentThread();
        long at = clockNanos.getAsLong();
        int slot = TableEvent.slot(f, extra);
        if (log != null) {
            // A fresh clock reading each: a philosopher's burst of events (state, attempt, reach,
            // take) followed by a long think would leave strided stamps far behind (EventLog).
            log.appendNow(kind.ordinal(), p, at, slot, other);
        }
        state.apply(kind, p, at, slot, other);
    }
}
