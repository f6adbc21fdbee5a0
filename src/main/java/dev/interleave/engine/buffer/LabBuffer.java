package dev.interleave.engine.buffer;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Gate;

/**
 * What a buffer run needs of an instrumented buffer, whichever its implementation
 * ({@link BufferImpl#LOCK}, {@link BufferImpl#MONITOR}, {@link BufferImpl#SEMAPHORE}): put and take on
 * behalf of a {@link Worker}, one consistent {@link BufferSnapshot}, the {@link BufferEvent}s it
 * records, the gate's callbacks, resizing during a run, and the lab's checks. Every implementation
 * detects a safety violation where it happens (a take from an empty slot, a put over a full one)
 * and throws {@link BufferViolation} from that put or take, before changing anything.
 */
interface LabBuffer {

    BufferImpl impl();

    Bug bug();

    /** Slots now (after a shrink that waits for items to fit, still the old number). */
    int capacity();

    /** The log it records into, or null. */
    EventLog log();

    /** Adds {@code worker} to the snapshot's workers (and names its track when recording). */
    void register(Worker worker);

    void put(Worker producer, long item) throws InterruptedException;

    long take(Worker consumer) throws InterruptedException;

    /**
     * {@code worker} has ended: DONE, recorded when recording with how ({@code end}: {@link
     * BufferEvent#DONE_FINISHED}, {@link BufferEvent#DONE_STOPPED} or {@link BufferEvent#DONE_LEFT}).
     */
    void retire(Worker worker, int end);

    /** Items in the buffer now. */
    int size();

    /** The whole buffer at one instant. Safe to call from any thread. */
    BufferSnapshot snapshot();

    /**
     * The gate parked {@code worker} (called by the gate, under its lock): marks it at the gate and
     * records it, under the buffer's own lock, so that a snapshot (taken under that lock) sees both
     * or neither: the state rebuilt from the log at the snapshot's event count is the snapshot's.
     */
    void parked(Worker worker);

    /**
     * Asks {@code worker} to leave the run once its current put or take is done
     * ({@link Worker#leave}), and records it ({@link BufferEvent#DISMISS}) under the buffer's own
     * lock, so that a moment rebuilt from the log knows who had been asked; a worker that has ended
     * meanwhile (DONE, set under the same lock) is left as it is. Any thread.
     */
    void dismiss(Worker worker);

    /** {@code worker} left the gate's queue, {@code how} (a BufferEvent.PASS_ value). */
    void passed(Worker worker, int how);

    /**
     * With the planted {@link Bug#UNLOCKED_COUNT}, has each worker pass {@code gate} again right after
     * its look, before it locks: while the run is paused, a step then lets a worker look and the next
     * step lets it put or take, so a learner can make two workers look before either acts. And while
     * the gate is closed, a thread that waits again in the same put or take is never given a spurious
     * wake-up. Call before any worker starts; without a call there is no gate there.
     */
    void holdAt(Gate gate);

    /**
     * Asks for {@code capacity} slots: growing takes effect at once (waiting producers are woken);
     * shrinking takes effect once the items fit, and producers wait meanwhile. Safe to call from any
     * thread; does not wait.
     *
     * @throws IllegalArgumentException if capacity is less than 1
     */
    void resize(int capacity);

    /**
     * Null unless every registered worker that has not finished waits in a wait set (on a condition,
     * the monitor, or a counting semaphore), so that none can proceed by itself; then who waits where,
     * in words. A momentary answer: the run's watchdog asks again before calling it a stall.
     */
    String everyoneWaiting();
}
