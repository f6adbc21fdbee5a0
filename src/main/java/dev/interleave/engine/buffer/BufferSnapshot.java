package dev.interleave.engine.buffer;

import java.util.List;

/**
 * A bounded buffer as it was at one instant: taken under the buffer's lock, so every field agrees
 * with every other (an atomic snapshot of the buffer; each worker's state outside the lock,
 * producing or consuming, may be a moment old).
 *
 * @param slots                the item in each slot, 0 where the slot is empty (items are 1 or more)
 * @param putIndex             the slot the next put fills
 * @param takeIndex            the slot the next take empties
 * @param count                occupied slots
 * @param notFullWaiters       producers in the notFull wait set, longest-waiting first
 * @param notEmptyWaiters      consumers in the notEmpty wait set, longest-waiting first
 * @param workers              every registered worker and its state, in registration order
 * @param produced             successful puts
 * @param consumed             successful takes
 * @param waitsOnFull          times a producer found the buffer full and waited
 * @param waitsOnEmpty         times a consumer found the buffer empty and waited
 * @param producerBlockedNanos total time producers spent in {@code notFull.await()}
 * @param consumerBlockedNanos total time consumers spent in {@code notEmpty.await()}
 * @param actions              puts and takes entered (each gated action is one)
 * @param recentActions        the latest actions (up to 8), oldest first, in words, e.g.
 *                             {@code P3 put #17 into slot 5, signalled notEmpty and woke C1}
 * @param waitSetMismatches    where the wait sets above disagree with the conditions' real wait
 *                             queues; empty unless the buffer's instrumentation is wrong
 */
public record BufferSnapshot(List<Long> slots, int putIndex, int takeIndex, int count, List<String> notFullWaiters,
                             List<String> notEmptyWaiters, List<WorkerView> workers, long produced, long consumed,
                             long waitsOnFull, long waitsOnEmpty, long producerBlockedNanos,
                             long consumerBlockedNanos, long actions, List<Action> recentActions,
                             List<String> waitSetMismatches) {

    /**
     * One thing a worker did in the buffer.
     *
     * @param seq        its number: actions are numbered 0, 1, 2, ... in the order they happened
     * @param worker     who did it
     * @param words      what happened
     * @param kind       what kind of action it was
     * @param item       the item put, taken, or held while waiting on notFull; 0 for a consumer's wait
     * @param slot       the slot put into or taken from; for a wait, the slot it waits for
     * @param firstWoken for a put or take, the longest waiter its signal named (null if none)
     * @param wokenCount for a put or take, how many waiters its signal woke (signal-all wakes all)
     */
    public record Action(long seq, String worker, String words, Kind kind, long item, int slot, String firstWoken,
                         int wokenCount) {

        /** The kinds of action a worker takes in the buffer. */
        public enum Kind {
            /** A producer put an item into a slot and signalled notEmpty. */
            PUT,
            /** A consumer took an item from a slot and signalled notFull. */
            TAKE,
            /** A producer found the buffer full and waits on notFull. */
            WAIT_NOT_FULL,
            /** A consumer found the buffer empty and waits on notEmpty. */
            WAIT_NOT_EMPTY
        }
    }

    /** The latest action in words, or "nothing yet". */
    public String lastAction() {
        return recentActions.isEmpty() ? "nothing yet" : recentActions.getLast().words();
    }

    /** A worker's name, role and state at the snapshot's instant. */
    public record WorkerView(String name, Worker.Role role, WorkerState state) {
    }

    public int capacity() {
        return slots.size();
    }

    /** Slots holding an item. */
    public int occupiedSlots() {
        return (int) slots.stream().filter(item -> item != 0).count();
    }

    /**
     * The buffer's invariants; empty when they all hold, otherwise what is broken. Tests assert
     * this on every snapshot they take during runs.
     */
    public List<String> brokenInvariants() {
        List<String> broken = new java.util.ArrayList<>(waitSetMismatches);
        if (count < 0 || count > capacity()) {
            broken.add("count " + count + " outside 0.." + capacity());
        }
        if (count != occupiedSlots()) {
            broken.add("count " + count + " but " + occupiedSlots() + " slots occupied");
        }
        if (produced - consumed != count) {
            broken.add("produced " + produced + " - consumed " + consumed + " != count " + count);
        }
        for (WorkerView worker : workers) {
            boolean waitsNotFull = notFullWaiters.contains(worker.name());
            boolean waitsNotEmpty = notEmptyWaiters.contains(worker.name());
            if (waitsNotFull != (worker.state() == WorkerState.WAITING_NOT_FULL)) {
                broken.add(worker.name() + " is " + worker.state() + (waitsNotFull ? " but" : " but not") + " in notFull");
            }
            if (waitsNotEmpty != (worker.state() == WorkerState.WAITING_NOT_EMPTY)) {
                broken.add(worker.name() + " is " + worker.state() + (waitsNotEmpty ? " but" : " but not") + " in notEmpty");
            }
        }
        return broken;
    }
}
