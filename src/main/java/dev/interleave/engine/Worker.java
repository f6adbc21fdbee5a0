package dev.interleave.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * One producer or consumer of a buffer run, as the snapshot shows it: a name ({@code P3},
 * {@code C1}), a role and a state.
 *
 * <p>The state is written only by the worker's own thread, by the buffer under its lock or by the
 * gate under the gate's lock, and read by anyone: a reader sees a recent value, and a reader holding
 * the buffer's lock sees the wait states exactly.
 */
public final class Worker {

    /** Producer or consumer. */
    public enum Role {
        PRODUCER, CONSUMER
    }

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Worker.class, "state", WorkerState.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final Role role;
    /** What the worker is doing now. Written with release semantics by the writers named in the class comment. */
    private volatile WorkerState state;

    public Worker(String name, Role role) {
        this.name = Objects.requireNonNull(name);
        this.role = Objects.requireNonNull(role);
        this.state = role == Role.PRODUCER ? WorkerState.PRODUCING : WorkerState.CONSUMING;
    }

    /** A worker for a caller that did not say who it is (the plain put/take). */
    static Worker anonymous(Role role) {
        return new Worker(Thread.currentThread().getName(), role);
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public WorkerState state() {
        return state;
    }

    /**
     * Records what the worker does now. A release store: cheap on the hot path (no fence on x86),
     * and ordered after the writes before it.
     */
    void setState(WorkerState next) {
        STATE.setRelease(this, next);
    }

    @Override
    public String toString() {
        return name;
    }
}
