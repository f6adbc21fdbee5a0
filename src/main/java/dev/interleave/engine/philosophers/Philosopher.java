package dev.interleave.engine.philosophers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import dev.interleave.engine.run.Gate;
import dev.interleave.engine.run.Gated;

/**
 * One philosopher's hands: each fork action passes its own {@link Gate} first, is recorded by the
 * {@link Table}, and is done on the fork's real lock by this philosopher's thread. Every method but
 * {@link #parkedAtGate}, {@link #name} and {@link #arrivedAtGate} is called only by that thread.
 */
final class Philosopher implements Gated, Hands {

    private final int index;
    private final Table table;
    private final Gate gate;
    /** Shared by the table's philosophers: numbers arrivals at the gates, so Step finds the longest waiting. */
    private final AtomicLong arrivals;
    /** Whether the run is ending (Stop, its time up, or a failure): a fork locked then goes back untold ({@link #inHand}). */
    private final BooleanSupplier ending;
    /** The forks in hand, in the order taken. Confined to the philosopher's thread. */
    private final List<Integer> held = new ArrayList<>(2);
    /** Whether it sits on one of the waiter's seats. Confined to the philosopher's thread. */
    private boolean seated;
    /** The action it passes its gate for ({@link TableEvent#NEXT_PICK_UP}, ...). Confined to its thread (the gate calls back on it). */
    private int nextAction;
    /** The fork of that action, or -1. Confined to its thread. */
    private int nextFork = -1;
    /** When it last parked at its gate (an arrival number). Written under the gate's lock. */
    private volatile long arrivedAtGate;

    Philosopher(int index, Table table, Gate gate, AtomicLong arrivals, BooleanSupplier ending) {
        this.index = index;
        this.table = Objects.requireNonNull(table);
        this.gate = Objects.requireNonNull(gate);
        this.arrivals = Objects.requireNonNull(arrivals);
        this.ending = Objects.requireNonNull(ending);
    }

    int index() {
        return index;
    }

    Gate gate() {
        return gate;
    }

    /** The arrival number of its latest park at the gate: lower has waited longer. */
    long arrivedAtGate() {
        return arrivedAtGate;
    }

    @Override
    public String name() {
        return Names.philosopher(index);
    }

    @Override
    public void parkedAtGate() {
        arrivedAtGate = arrivals.incrementAndGet();
        table.parked(index, nextAction, nextFork);
    }

    @Override
    public void leftGate(Exit exit) {
        table.passed(index, exit);
    }

    @Override
    public int left() {
        return index;
    }

    @Override
    public int right() {
        return (index + 1) % table.size();
    }

    @Override
    public void attempt() {
        table.attempt(index);
    }

    @Override
    public void take(int f) throws InterruptedException {
        pass(TableEvent.NEXT_PICK_UP, f);
        table.reach(index, f, Table.NO_LIMIT);
        try {
            table.fork(f).lockInterruptibly();
        } catch (InterruptedException e) {
            table.stoppedWaiting(index);
            throw e;
        }
        inHand(f);
    }

    /**
     * Fork {@code f}, just locked, is in hand: told, unless the run is ending. Stop interrupts every
     * philosopher; a deadlocked one whose neighbour, interrupted first, put its fork down could lock
     * that fork before its own interrupt was seen: the timeline then told "P5 picks up F1: both
     * forks" after the circle, as the run was torn down (a teacher rewinding a deadlock). The flag
     * is seen here: the run sets it (Stop, its time up, a failure) before it interrupts anyone, and
     * the neighbour's unlock came after it saw its own interrupt. Such a fork goes back at once, and
     * the wait is told as the run's end ended it (STOPPED_WAITING): it would have been, a moment later.
     */
    private void inHand(int f) throws InterruptedException {
        if (ending.getAsBoolean()) {
            table.fork(f).unlock();
            table.stoppedWaiting(index);
            throw new InterruptedException("the run is ending");
        }
        held.add(f);
        table.took(index, f);
    }

    @Override
    public boolean tryTake(int f, long millis) throws InterruptedException {
        pass(TableEvent.NEXT_TRY, f);
        table.reach(index, f, millis);
        boolean got;
        try {
            got = table.fork(f).tryLock(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            table.stoppedWaiting(index);
            throw e;
        }
        if (got) {
            inHand(f);
        } else {
            table.gaveUp(index, f, millis);
        }
        return got;
    }

    @Override
    public void putDown(int f) throws InterruptedException {
        pass(TableEvent.NEXT_PUT_DOWN, f);
        release(f);
    }

    @Override
    public void putDownAll() throws InterruptedException {
        while (!held.isEmpty()) {
            putDown(held.getLast());
        }
    }

    @Override
    public void backOff(long millis) throws InterruptedException {
        table.setState(index, PhilosopherState.BACKING_OFF);
        Thread.sleep(millis);
    }

    @Override
    public void sit() throws InterruptedException {
        if (table.seats() == null) {
            return;
        }
        pass(TableEvent.NEXT_SEAT, -1);
        table.askSeat(index);
        table.seats().acquire();
        seated = true;
        table.sat(index);
    }

    @Override
    public void leave() {
        if (seated) {
            seated = false;
            table.left(index);
            table.seats().release();
        }
    }

    /** Leaving the table (the run ends): every fork down and the seat given back, without the gate. */
    void leaveTable() {
        while (!held.isEmpty()) {
            release(held.getLast());
        }
        leave();
        table.setState(index, PhilosopherState.DONE);
    }

    private void release(int f) {
        table.putDown(index, f); // recorded as free before it is: a recorded holder always holds the fork
        held.remove(Integer.valueOf(f));
        table.fork(f).unlock();
    }

    private void pass(int action, int fork) throws InterruptedException {
        nextAction = action;
        nextFork = fork;
        gate.pass(this);
    }

    @Override
    public String toString() {
        return name();
    }
}
