package dev.interleave.engine.run;


import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The gate every worker passes before each action on the buffer: open while a run runs freely,
 * closed while it is paused, and opened for exactly one worker per {@link #step()}.
 *
 * <p>Open, {@link #pass} costs one volatile read. Closed, workers park at the gate (their threads
 * really are parked, state {@code WAITING}) in arrival order; each step lets the one that has
 * waited longest through. A step with nobody at the gate is kept for the next worker to arrive, so
 * k steps always give k passes. Safe to use from any thread.
 */
public final class Gate implements Hold {

    /*
     * Implementation notes: `open` is volatile and read without the lock on the fast path; every
     * other field is guarded by `lock`. A closed-gate pass joins `waiting` and awaits `changed`
     * until the gate opens, or a step permit exists and it is at the head of `waiting`; taking the
     * permit and leaving the queue happen in one critical section (tryPassLocked), so two workers
     * can never pass on one permit (the check-then-act bug this shape avoids). Every change to
     * `open`, `permits` or the queue head signals `changed` to all: waiters re-check their own turn.
     */

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled whenever the gate opens, a step is granted or the head of the queue leaves. */
    private final Condition changed = lock.newCondition();
    /** True while running freely. Written under lock; read without it on the fast path. */
    private volatile boolean open = true;
    /** Steps granted and not yet used. Invariant: permits >= 0. Guarded by lock. */
    private long permits;
    /** Workers parked at the gate, longest-waiting first. Guarded by lock. */
    private final ArrayDeque<Gated> waiting = new ArrayDeque<>();
    /** Passes made on a step permit. Guarded by lock. */
    private long stepsTaken;
    /** The worker that took the latest step, or null. Guarded by lock. */
    private Gated lastStepped;

    /**
     * Returns when {@code worker} may act: at once if the gate is open, else after a step picks it
     * or the gate opens.
     *
     * @throws InterruptedException if interrupted while parked; the worker has then not passed
     */
    public void pass(Gated worker) throws InterruptedException {
        if (open) {
            return;
        }
        lock.lockInterruptibly();
        try {
            worker.parkedAtGate();
            waiting.addLast(worker);
            try {
                while (!tryPassLocked(worker)) {
                    changed.await();
                }
            } finally {
                if (waiting.remove(worker)) {
                    changed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * One non-blocking attempt: passes if the gate is open, or takes a step permit if one is free
     * and nobody has waited longer. For model checking the permit logic; workers use {@link #pass}.
     */
    public boolean tryPass(Gated worker) {
        lock.lock();
        try {
            return tryPassLocked(worker) || (waiting.isEmpty() && takePermit(worker));
        } finally {
            lock.unlock();
        }
    }

    /** Call only when holding lock. */
    private boolean tryPassLocked(Gated worker) {
        assert lock.isHeldByCurrentThread();
        if (open) {
            return true;
        }
        return waiting.peekFirst() == worker && takePermit(worker);
    }

    /** Call only when holding lock. */
    private boolean takePermit(Gated worker) {
        assert lock.isHeldByCurrentThread();
        if (permits == 0) {
            return false;
        }
        permits--;
        stepsTaken++;
        lastStepped = worker;
        return true;
    }

    /** Closes the gate: from now on every worker stops at its next pass. */
    @Override
    public void close() {
        lock.lock();
        try {
            open = false;
            permits = 0;
        } finally {
            lock.unlock();
        }
    }

    /** Opens the gate: every parked worker passes, and passes cost nothing again. */
    @Override
    public void open() {
        lock.lock();
        try {
            open = true;
            permits = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Lets exactly one worker through the closed gate: the one waiting longest, or the next to arrive. */
    public void step() {
        lock.lock();
        try {
            permits++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The gate at one instant. */
    public record View(boolean open, List<String> waiting, long permits, long stepsTaken, String lastStepped) {
    }

    public View view() {
        lock.lock();
        try {
            List<String> names = new ArrayList<>(waiting.size());
            waiting.forEach(worker -> names.add(worker.name()));
            return new View(open, List.copyOf(names), permits, stepsTaken,
                    lastStepped == null ? "" : lastStepped.name());
        } finally {
            lock.unlock();
        }
    }
}
