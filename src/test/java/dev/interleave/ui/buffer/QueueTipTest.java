package dev.interleave.ui.buffer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.WorkerState;

/** What a queue of chips' order means, said per implementation: only a lock's condition wakes its first waiter. */
class QueueTipTest {

    /** "The first is the one signal wakes next" is the lock buffer's alone: not the monitor's, not a semaphore's. */
    @Test
    void onlyTheLockSaysSignalWakesTheFirst() {
        String lock = BufferView.queueTip(BufferImpl.LOCK, WorkerState.WAITING_NOT_FULL);
        assertTrue(lock.contains("the one signal wakes next"), lock);
        String monitor = BufferView.queueTip(BufferImpl.MONITOR, WorkerState.WAITING_NOT_EMPTY);
        assertTrue(monitor.contains("notify() wakes one thread of the JVM's choice"), monitor);
        String semaphore = BufferView.queueTip(BufferImpl.SEMAPHORE, WorkerState.WAITING_NOT_FULL);
        assertTrue(semaphore.contains("may take the permit first"), semaphore);
        for (BufferImpl impl : new BufferImpl[] {BufferImpl.MONITOR, BufferImpl.SEMAPHORE, BufferImpl.ABQ}) {
            assertFalse(BufferView.queueTip(impl, WorkerState.WAITING_NOT_FULL).contains("signal wakes"), impl.label());
        }
    }

    /** The gate's queue is Step's, whatever the implementation. */
    @Test
    void theGatesQueueIsStepsOrder() {
        for (BufferImpl impl : BufferImpl.values()) {
            String gate = BufferView.queueTip(impl, WorkerState.AT_GATE);
            assertTrue(gate.startsWith("In arrival order: each Step lets the first"), gate);
        }
    }
}
