package dev.interleave.engine.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

import dev.interleave.engine.run.Gated;

/**
 * One producer or consumer of a buffer run, as the snapshot shows it: a name ({@code P3},
 * {@code C1}), a role and a state.
 *
 * <p>The state is written only by the worker's own thread, by the buffer under its lock or by the
 * gate under the gate's lock, and read by anyone: a reader sees a recent value, and a reader holding
 * the buffer's lock sees the wait states exactly. The item in hand is written by the producer's own
 * thread only, before the release store of the state that shows it (AT_GATE, WAITING_NOT_FULL): a
 * reader that sees that state with its acquire load sees that item.
 */
public final class Worker implements Gated {

    /** Producer or consumer. */
    public enum Role {
        PRODUCER, CONSUMER
    }

    /**
     * Index of the state's ordinal in {@link #stateCell}: 64 bytes from either end of the array, so
     * no other object's fields share the state's cache line.
     */
    private static final int STATE_INDEX = 16;
    /** Index of the {@link Where}'s ordinal in {@link #stateCell}: beside the state, written by the same threads. */
    private static final int WHERE_INDEX = STATE_INDEX + 1;
    private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(int[].class);
    /** Index of the item in hand in {@link #handCell}: 64 bytes from either end, as the state's. */
    private static final int HAND_INDEX = 8;
    private static final VarHandle HAND = MethodHandles.arrayElementVarHandle(long[].class);
    private static final WorkerState[] STATES = WorkerState.values();
    private static final Where[] WHERES = Where.values();

    private final String name;
    private final Role role;
    /**
     * What the worker is doing now: the ordinals of its state at {@link #STATE_INDEX} and of its
     * {@link Where} at {@link #WHERE_INDEX}; the other elements are never used. Written with release
     * semantics by the writers named in the class comment.
     *
     * <p>Why a padded cell and not a field: the state is written several times in every put and
     * take, and workers are created one after another, so P1's and C1's states would share a cache
     * line and every write by one core would invalidate the other's (false sharing). Measured when
     * the cell came in, one producer and one consumer, 5,000,000 items: a plain field ran at 0.64x
     * ArrayBlockingQueue, a padded cell at 1.06x.
     *
     * <p>Why ordinals in an {@code int[]} and not the enums in an {@code AtomicReferenceArray}: a
     * reference store pays the garbage collector's store barrier (the command line runs ZGC) and the
     * VarHandle's array type check, inside the buffer's critical section, where every nanosecond
     * makes the other side more likely to find the lock held and park. One producer, one consumer,
     * 1,024 slots, 3,000,000 items, medians of 7 interleaved runs: with no state writes at all the
     * lock buffer ran 22 % faster than with the reference cell; with this cell, 15 % faster.
     */
    private final int[] stateCell = new int[2 * STATE_INDEX];
    /**
     * The item a producer holds on its way to the buffer, at {@link #HAND_INDEX} (0 before its first):
     * written by its own thread before it passes the gate and again as its put begins, read by the
     * buffer's snapshots. Padded as {@link #stateCell} is: written at every item, it would otherwise
     * share a line with the fields of the worker made next (not measured apart from the cell).
     */
    private final long[] handCell = new long[2 * HAND_INDEX];
    /**
     * The buffer it was registered with, told when the worker parks at or leaves the gate; null
     * until then. Written under that buffer's lock before the worker's thread starts (or by it).
     */
    private volatile LabBuffer buffer;
    /** Set once when the run asks it to leave: it stops before its next item. */
    private volatile boolean leaving;
    /** Its track in the buffer's event log, or -1 before it has one. Guarded by the buffer's lock. */
    private int track = -1;

    public Worker(String name, Role role) {
        this.name = Objects.requireNonNull(name);
        this.role = Objects.requireNonNull(role);
        stateCell[STATE_INDEX] = (role == Role.PRODUCER ? WorkerState.PRODUCING : WorkerState.STARTING).ordinal();
        stateCell[WHERE_INDEX] = Where.OUTSIDE.ordinal();
    }

    /** A worker for a caller that did not say who it is (the plain put/take). */
    static Worker anonymous(Role role) {
        return new Worker(Thread.currentThread().getName(), role);
    }

    @Override
    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public WorkerState state() {
        return STATES[(int) CELL.getAcquire(stateCell, STATE_INDEX)];
    }

    /** Where in put or take it is now (as recent as {@link #state()}). */
    public Where where() {
        return WHERES[(int) CELL.getAcquire(stateCell, WHERE_INDEX)];
    }

    /**
     * Records where in put or take the worker is now. A release store: cheap on the hot path (no
     * fence on x86), and ordered after the writes before it.
     */
    void setWhere(Where next) {
        CELL.setRelease(stateCell, WHERE_INDEX, next.ordinal());
    }

    /** Both at once: the state, then where. */
    void set(WorkerState state, Where where) {
        CELL.setRelease(stateCell, STATE_INDEX, state.ordinal());
        CELL.setRelease(stateCell, WHERE_INDEX, where.ordinal());
    }

    /**
     * The item this producer has in hand: made, not yet put. Its own thread only, before it passes the
     * gate with it and as its put begins; an opaque store, ordered before the release store of the
     * state that shows it (see the class comment).
     */
    void holding(long item) {
        HAND.setOpaque(handCell, HAND_INDEX, item);
    }

    /** The item this producer had in hand last ({@link #holding(long)}), 0 if none yet. */
    long holding() {
        return (long) HAND.getOpaque(handCell, HAND_INDEX);
    }

    /**
     * The worker as a snapshot shows it now: with the item in hand where its state shows it
     * ({@link BufferSnapshot.WorkerView#showsItemInHand}). Exact when called holding the buffer's lock
     * for a worker at the gate or in a wait set.
     */
    BufferSnapshot.WorkerView view() {
        WorkerState state = state();
        return new BufferSnapshot.WorkerView(name, role, state, where(),
                BufferSnapshot.WorkerView.showsItemInHand(state) ? holding() : BufferSnapshot.WorkerView.NOTHING);
    }

    /** Registered with {@code buffer}. Call only when holding its lock. */
    void joined(LabBuffer buffer) {
        this.buffer = buffer;
    }

    /** Asks the worker to leave the run once its current put or take is done. Any thread. */
    void leave() {
        leaving = true;
    }

    /** Whether it was asked to leave. */
    public boolean leaving() {
        return leaving;
    }

    /** Call only when holding the buffer's lock. */
    int track() {
        return track;
    }

    /** Call only when holding the buffer's lock. */
    void setTrack(int track) {
        this.track = track;
    }

    @Override
    public void parkedAtGate() {
        LabBuffer joined = buffer;
        if (joined != null) {
            joined.parked(this); // the state and its event together, under the buffer's lock
        } else {
            set(WorkerState.AT_GATE, Where.OUTSIDE);
        }
    }

    @Override
    public void leftGate(Exit exit) {
        LabBuffer joined = buffer;
        if (joined != null) {
            joined.passed(this, switch (exit) {
                case OPENED -> BufferEvent.PASS_OPENED;
                case STEPPED -> BufferEvent.PASS_STEPPED;
                case INTERRUPTED -> BufferEvent.PASS_INTERRUPTED;
            });
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
