package dev.interleave.engine.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The gate every worker passes before each action on the buffer: open while a run runs freely,
 * closed while it is paused, and opened for exactly one worker per {@link #step()}.
 *
 * <p>Open, {@link #pass} costs one volatile read. Closed, workers park at the gate (their threads
 * really are parked, state {@code WAITING}) in arrival order; each step lets the one that has
 * waited longest through, or the one a step names ({@link #step(Gated)}). A step with nobody at the
 * gate is kept for the next worker to arrive, so k steps always give k passes. Safe to use from any
 * thread.
 */
public final class Gate implements Hold {

    /*
     * Implementation notes: `open` is volatile and read without the lock on the fast path; every
     * other field is guarded by `lock`. A closed-gate pass joins `waiting` and awaits `changed`
     * until the gate opens, or a step permit exists and it is at the head of `waiting`; taking the
     * permit and leaving the queue happen in one critical section, so two workers can never pass
     * on one permit. Every change to `open`, `permits` or the queue head signals `changed` to all:
     * waiters re-check their own turn.
     *
     * Planted bug (Bug.CHECK_THEN_ACT, package-private, for the model checker): a pass that sees a
     * permit without the lock takes it under the lock without checking again, so two workers that
     * both saw the last permit both pass (and permits goes below 0).
     */

    /** A mistake the gate can be built with, on purpose, so that its checks can be shown to catch it. */
    enum Bug {
        /** The correct gate. */
        NONE,
        /** The permit is checked without the lock and taken under it. */
        CHECK_THEN_ACT
    }

    /** The planted bug, or Bug.NONE. */
    private final Bug bug;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled whenever the gate opens, a step is granted or the head of the queue leaves. */
    private final Condition changed = lock.newCondition();
    /** True while running freely. Written under lock; read without it on the fast path. */
    private volatile boolean open = true;
    /** Steps granted and not yet used. Invariant: permits >= 0 (broken by Bug.CHECK_THEN_ACT). Guarded by lock. */
    private long permits;
    /** Workers parked at the gate, longest-waiting first. Guarded by lock. */
    private final ArrayDeque<Gated> waiting = new ArrayDeque<>();
    /** Passes made on a step permit. Guarded by lock. */
    private long stepsTaken;
    /** The worker that took the latest step, or null. Guarded by lock. */
    private Gated lastStepped;
    /** The worker the next step is for ({@link #step(Gated)}), or null: the longest-waiting. Guarded by lock. */
    private Gated chosen;

    /** A gate, open. */
    public Gate() {
        this(Bug.NONE);
    }

    /** A gate, open, with a planted {@code bug} switched on (or not, with {@link Bug#NONE}). */
    Gate(Bug bug) {
        this.bug = Objects.requireNonNull(bug);
    }

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
        if (bug == Bug.CHECK_THEN_ACT && permits > 0) {
            // The planted bug: a permit seen without the lock is taken under it without checking again.
            lock.lockInterruptibly();
            try {
                takePermit(worker);
            } finally {
                lock.unlock();
            }
            return;
        }
        lock.lockInterruptibly();
        try {
            worker.parkedAtGate();
            waiting.addLast(worker);
            Gated.Exit exit = Gated.Exit.INTERRUPTED;
            try {
                while (!open && !(permits > 0 && (chosen == null ? waiting.peekFirst() == worker : chosen == worker))) {
                    changed.await();
                }
                if (open) {
                    exit = Gated.Exit.OPENED;
                } else {
                    takePermit(worker);
                    exit = Gated.Exit.STEPPED;
                }
            } finally {
                if (waiting.remove(worker)) {
                    changed.signalAll();
                }
                worker.leftGate(exit);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Uses one step permit for {@code worker}; the caller has seen one (with the planted bug,
     * without the lock). Call only when holding lock.
     */
    private void takePermit(Gated worker) {
        assert lock.isHeldByCurrentThread();
        permits--;
        stepsTaken++;
        lastStepped = worker;
        if (chosen == worker) {
            chosen = null;
        }
    }

    /** Whether the gate is open: the run goes freely (false while it is paused or stepped). */
    public boolean isOpen() {
        return open;
    }

    /** Closes the gate: from now on every worker stops at its next pass. */
    @Override
    public void close() {
        lock.lock();
        try {
            open = false;
            permits = 0;
            chosen = null;
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
            chosen = null;
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

    /**
     * Lets exactly one worker through the closed gate: {@code worker}, which need not have waited
     * longest (it passes as soon as it is at the gate); the steps after it go back to the
     * longest-waiting rule.
     */
    public void step(Gated worker) {
        lock.lock();
        try {
            permits++;
            chosen = Objects.requireNonNull(worker);
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
