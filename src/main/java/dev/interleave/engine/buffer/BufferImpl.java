package dev.interleave.engine.buffer;

import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;

import dev.interleave.engine.run.Labelled;

/**
 * Which buffer a buffer run drives: one of the lab's three instrumented implementations of the same
 * contract, or the JDK's as a baseline. Each instrumented one shows the same snapshot (slots,
 * indices, wait sets as the lab mirrors them, each worker's state and {@link Where}) and records the
 * same {@link BufferEvent}s, so every view, the timeline and the trace work for all three.
 */
public enum BufferImpl implements Labelled {

    /**
     * {@link BoundedBuffer}: one {@code ReentrantLock}, two conditions ({@code notFull},
     * {@code notEmpty}), signal or signal-all, fair or not: ArrayBlockingQueue's algorithm. Choose it
     * to watch the classic shape, and as the fastest instrumented one.
     */
    LOCK("lock"),

    /**
     * {@link MonitorBuffer}: {@code synchronized} with {@code wait()} / {@code notifyAll()} on one
     * object, the textbook Java monitor. Choose it to see why one wait set for both sides forces
     * {@code notifyAll} (and what {@code notify} does).
     */
    MONITOR("monitor"),

    /**
     * {@link SemaphoreBuffer}: Dijkstra's solution, two counting semaphores ({@code freeSlots},
     * {@code filledSlots}) and a binary semaphore as the mutex. Choose it to see waiting without a
     * condition loop: a permit is the condition.
     */
    SEMAPHORE("semaphore"),

    /**
     * {@link ArrayBlockingQueue}: the lock algorithm without instrumentation. Choose it as the
     * benchmark baseline; its runs show counts but no slots or wait sets (they are not visible).
     */
    ABQ("abq");

    /** The name {@link #LOCK} had before the lab, still accepted by {@link #fromLabel}. */
    public static final String LOCK_ALIAS = "interleave";

    private final String label;

    BufferImpl(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether runs of it show slots, wait sets and events (all but {@link #ABQ}). */
    public boolean instrumented() {
        return this != ABQ;
    }

    /**
     * Whether the lab's spurious wake-ups ({@link BufferSettings#spurious()}) apply: the lock buffer
     * and the monitor, whose waits are a condition variable's ({@code Condition.await},
     * {@code Object.wait}), which may return without a signal, and whose callers therefore check
     * their condition again in a loop. Not the semaphores: {@code acquire()} returns only with a
     * permit, so their code has no loop for a spurious wake-up to test (one injected as a timed
     * {@code tryAcquire} would also send a fair semaphore's waiter to the back of its queue). Not
     * abq: its waits are inside the JDK, out of the lab's reach.
     */
    public boolean takesSpurious() {
        return this == LOCK || this == MONITOR;
    }

    /** Whether a fair lock ({@link BufferSettings#fair()}) applies: all but the monitor (synchronized is never fair). */
    public boolean takesFair() {
        return this != MONITOR;
    }

    /**
     * What its code calls the lock a put or take waits to enter: "lock", "monitor" (synchronized),
     * "mutex" (the semaphores' binary one); abq's is a lock inside the JDK.
     */
    public String lockNoun() {
        return switch (this) {
            case MONITOR -> "monitor";
            case SEMAPHORE -> "mutex";
            case LOCK, ABQ -> "lock";
        };
    }

    /**
     * unlocked-count's look before the lock, in words: "looked without the lock" ("monitor"), and
     * the semaphores' "looked at the permits" (it reads them without taking one).
     */
    public String lookedWords() {
        return this == SEMAPHORE ? "looked at the permits" : "looked without the " + lockNoun();
    }

    /**
     * The implementation named {@code text} (ignoring case); {@value #LOCK_ALIAS} is {@link #LOCK}.
     *
     * @throws IllegalArgumentException naming the allowed labels
     */
    public static BufferImpl fromLabel(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        if (wanted.equals(LOCK_ALIAS)) {
            return LOCK;
        }
        for (BufferImpl impl : values()) {
            if (impl.label.equals(wanted)) {
                return impl;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a buffer implementation; allowed: lock, monitor,"
                + " semaphore, abq ('interleave', the first version's name, means lock)");
    }

    @Override
    public String toString() {
        return label;
    }
}
