package dev.interleave.engine.buffer;

import dev.interleave.engine.run.Gate;

/**
 * The run's gate as a lab buffer sees it. It is passed a second time right after unlocked-count's
 * look ({@link Bug#UNLOCKED_COUNT}), before the lock: while the run is paused, a worker stops between
 * its look and its lock, and a step lets it on, so a learner builds the race by hand (both producers
 * look before either puts). And it says whether a wait may end spuriously ({@link #mayEndSpuriously}):
 * the lab's spurious wake-ups do not go on while the run is held. Free, the gate is open: one volatile read. Each
 * instrumented buffer has one ({@link LabBuffer#holdAt}).
 */
final class LabGate {

    /** The gate, or null: none (a buffer outside a run, as in the model checker's tests). Set before any worker starts. */
    private Gate gate;

    /** Holds looks at {@code runs}, the run's own gate, and asks it whether the run is held. */
    void holdAt(Gate runs) {
        gate = runs;
    }

    /**
     * Passes the gate after {@code worker}'s look (parking there while the run is paused, its
     * {@link Where#LOOKED} kept), then says it is on its way to the lock.
     *
     * @throws InterruptedException if interrupted while parked; its put or take then ends there
     */
    void pass(Worker worker) throws InterruptedException {
        if (gate != null) {
            gate.pass(worker);
            worker.set(WorkerState.WAITING_FOR_LOCK, Where.LOOKED);
        }
    }

    /**
     * Whether the lab may end a wait spuriously: not a wait {@code again} in the same put or take
     * while the run is paused or stepped (its gate closed), where each would be an action no step let
     * happen, and at 100 % a waiting thread woke and waited again for ever. A stepped thread's first
     * wait may, in its step.
     */
    boolean mayEndSpuriously(boolean again) {
        return !again || gate == null || gate.isOpen();
    }
}
