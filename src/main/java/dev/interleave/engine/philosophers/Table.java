package dev.interleave.engine.philosophers;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The forks, the waiter's seats, and the instruments that watch them: who holds each fork, who waits
 * for which, what each philosopher does, meals and attempts, and the deadlock detector. The forks
 * are real {@link ReentrantLock}s (fair or not), taken by the philosophers' own threads; the table
 * only records what they do, before and after each lock call.
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
     * Implementation notes. One ReentrantLock, `lock` (not a fork), guards every instrument field;
     * a snapshot is one acquisition, so it is consistent. `lock` is never held while a fork is
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
    private final Bug bug;
    /** The run's active time, for the actions' timestamps and the deadlock's. */
    private final LongSupplier clockNanos;
    private final CountDownLatch deadlocked = new CountDownLatch(1);

    private final ReentrantLock lock = new ReentrantLock();
    /** For each fork, its holder, or -1. Invariant: a philosopher's held forks are the forks naming it here. Guarded by lock. */
    private final int[] holder;
    /** For each philosopher, the fork it waits for (blocked or trying), or -1. Guarded by lock. */
    private final int[] waitingFor;
    /** For each philosopher, whether its wait has a time limit. Guarded by lock. */
    private final boolean[] timed;
    /** For each philosopher, the forks in its hands in the order taken. Guarded by lock. */
    private final List<List<Integer>> hands;
    /** For each philosopher, what it does. Guarded by lock. */
    private final PhilosopherState[] states;
    /** For each philosopher, while at its gate, the action it will take next; else "". Guarded by lock. */
    private final String[] next;
    /** Meals eaten. Guarded by lock. */
    private final long[] meals;
    /** Attempts begun. Guarded by lock. */
    private final long[] attempts;
    /** Philosophers on a seat. Guarded by lock. */
    private int seated;
    /** The first deadlock detected, or null. Set once. Guarded by lock. */
    private Deadlock deadlock;
    /** Actions recorded. Guarded by lock. */
    private long actions;
    /** The latest actions, oldest first, at most RECENT_ACTIONS. Guarded by lock. */
    private final ArrayDeque<Action> recent = new ArrayDeque<>();

    /**
     * @param n          philosophers (and forks)
     * @param fair       whether the forks (and seats) are fair locks
     * @param waiter     whether there is a waiter with N - 1 seats
     * @param clockNanos the run's active time
     */
    Table(int n, boolean fair, boolean waiter, LongSupplier clockNanos, Bug bug) {
        this.n = n;
        this.bug = Objects.requireNonNull(bug);
        this.clockNanos = Objects.requireNonNull(clockNanos);
        forks = new ReentrantLock[n];
        for (int f = 0; f < n; f++) {
            forks[f] = new ReentrantLock(fair);
        }
        seats = waiter ? new Semaphore(n - 1, fair) : null;
        holder = new int[n];
        Arrays.fill(holder, -1);
        waitingFor = new int[n];
        Arrays.fill(waitingFor, -1);
        timed = new boolean[n];
        hands = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            hands.add(new ArrayList<>(2));
        }
        states = new PhilosopherState[n];
        Arrays.fill(states, PhilosopherState.THINKING);
        next = new String[n];
        Arrays.fill(next, "");
        meals = new long[n];
        attempts = new long[n];
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

    void setState(int p, PhilosopherState state) {
        lock.lock();
        try {
            states[p] = state;
            next[p] = "";
        } finally {
            lock.unlock();
        }
    }

    /** Called by p's gate, under the gate's lock: p is parked there, and will {@code nextAction} when stepped. */
    void parked(int p, String nextAction) {
        lock.lock();
        try {
            states[p] = PhilosopherState.AT_GATE;
            next[p] = nextAction;
        } finally {
            lock.unlock();
        }
    }

    void attempt(int p) {
        lock.lock();
        try {
            attempts[p]++;
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
        lock.lock();
        try {
            states[p] = limited ? PhilosopherState.TRYING_FORK : PhilosopherState.WAITING_FOR_FORK;
            next[p] = "";
            waitingFor[p] = f;
            timed[p] = limited;
            if (holder[f] < 0) {
                return null; // on the table: the lock call will most likely take it at once
            }
            record(p, limited ? Action.Kind.TRY : Action.Kind.WAIT, f, limited
                    ? String.format("%s tries %s (%s) %s: %s holds it", Names.philosopher(p), Names.fork(f),
                            side(p, f), limitMillis == 0 ? "without waiting" : "for up to " + limitMillis + " ms",
                            Names.philosopher(holder[f]))
                    : String.format("%s reaches for %s (%s), held by %s, and waits", Names.philosopher(p),
                            Names.fork(f), side(p, f), Names.philosopher(holder[f])));
            if (limited || deadlock != null) {
                return null;
            }
            List<Integer> circle = WaitForGraph.cycleThrough(p, holder, waitingFor, timed, bug);
            if (circle.isEmpty()) {
                return null;
            }
            deadlock = new Deadlock(circle, circle.stream().map(q -> waitingFor[q]).toList(), clockNanos.getAsLong());
            record(p, Action.Kind.DEADLOCK, f, "the circle closes: deadlock, " + deadlock.arrows());
            deadlocked.countDown();
            return deadlock;
        } finally {
            lock.unlock();
        }
    }

    /** p has taken fork f (its lock is held by p's thread). */
    void took(int p, int f) {
        lock.lock();
        try {
            assert holder[f] < 0 : Names.fork(f) + " recorded as held by " + holder[f];
            holder[f] = p;
            hands.get(p).add(f);
            waitingFor[p] = -1;
            timed[p] = false;
            states[p] = PhilosopherState.HUNGRY;
            record(p, Action.Kind.TAKE, f, String.format("%s picks up %s (%s)%s", Names.philosopher(p), Names.fork(f),
                    side(p, f), hands.get(p).size() == 2 ? ": both forks" : ""));
        } finally {
            lock.unlock();
        }
    }

    /** p's try for fork f, with a limit of {@code limitMillis}, failed. */
    void gaveUp(int p, int f, long limitMillis) {
        lock.lock();
        try {
            waitingFor[p] = -1;
            timed[p] = false;
            states[p] = PhilosopherState.HUNGRY;
            record(p, Action.Kind.GIVE_UP, f, String.format("%s gives up on %s %s", Names.philosopher(p),
                    Names.fork(f), limitMillis == 0 ? "at once" : "after " + limitMillis + " ms"));
        } finally {
            lock.unlock();
        }
    }

    /** p's wait for a fork ended without it (interrupted: the run is stopping). */
    void stoppedWaiting(int p) {
        lock.lock();
        try {
            waitingFor[p] = -1;
            timed[p] = false;
        } finally {
            lock.unlock();
        }
    }

    /** p is about to put fork f down (p's thread unlocks it right after). */
    void putDown(int p, int f) {
        lock.lock();
        try {
            assert holder[f] == p : Names.fork(f) + " is not " + Names.philosopher(p) + "'s";
            holder[f] = -1;
            hands.get(p).remove(Integer.valueOf(f));
            record(p, Action.Kind.PUT_DOWN, f, String.format("%s puts down %s (%s)", Names.philosopher(p),
                    Names.fork(f), side(p, f)));
        } finally {
            lock.unlock();
        }
    }

    /** p asks the waiter for a seat (it waits for one if all are taken). */
    void askSeat(int p) {
        lock.lock();
        try {
            states[p] = PhilosopherState.WAITING_FOR_SEAT;
            next[p] = "";
            if (seated >= n - 1) {
                record(p, Action.Kind.WAIT_FOR_SEAT, -1, String.format("%s asks the waiter for a seat: all %d are "
                        + "taken, waits", Names.philosopher(p), n - 1));
            }
        } finally {
            lock.unlock();
        }
    }

    void sat(int p) {
        lock.lock();
        try {
            seated++;
            states[p] = PhilosopherState.HUNGRY;
            record(p, Action.Kind.SIT, -1, String.format("%s sits down (%d of %d seats taken)", Names.philosopher(p),
                    seated, n - 1));
        } finally {
            lock.unlock();
        }
    }

    void left(int p) {
        lock.lock();
        try {
            seated--;
        } finally {
            lock.unlock();
        }
    }

    void ate(int p) {
        lock.lock();
        try {
            meals[p]++;
        } finally {
            lock.unlock();
        }
    }

    // ---- for anyone ----

    /** The first deadlock detected, or null. */
    Deadlock deadlock() {
        lock.lock();
        try {
            return deadlock;
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
            List<TableView.Diner> diners = new ArrayList<>(n);
            List<Integer> waits = new ArrayList<>(n);
            List<Boolean> limits = new ArrayList<>(n);
            for (int p = 0; p < n; p++) {
                diners.add(new TableView.Diner(p, states[p], hands.get(p), waitingFor[p], timed[p], meals[p],
                        attempts[p], next[p]));
                waits.add(waitingFor[p]);
                limits.add(timed[p]);
            }
            List<Integer> holders = Arrays.stream(holder).boxed().toList();
            return new TableView(diners, holders, new WaitForGraph(holders, waits, limits), deadlock, actions,
                    List.copyOf(recent), seats == null ? 0 : n - 1, seated);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records one action: the one place every action of the table passes through (the seam where
     * a per-thread timeline would record its events). Call only when holding lock.
     */
    private void record(int p, Action.Kind kind, int f, String words) {
        assert lock.isHeldByCurrentThread();
        actions++;
        if (recent.size() == RECENT_ACTIONS) {
            recent.removeFirst();
        }
        recent.addLast(new Action(actions, clockNanos.getAsLong(), p, kind, f, words));
    }

    /** "its left fork" or "its right fork". */
    private String side(int p, int f) {
        return f == p ? "its left fork" : "its right fork";
    }
}
