package dev.interleave.engine.buffer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * @param events               events its log held when the snapshot was taken: the snapshot shows the
 *                             buffer after event {@code events - 1} and before event {@code events}
 *                             (0 when the buffer records nothing)
 * @param waitSetMismatches    where the wait sets above disagree with the conditions' real wait
 *                             queues; empty unless the buffer's instrumentation is wrong
 * @param futileProducerWakeups times a producer woke (signalled, notified or spuriously) and found
 *                             the buffer still full, so waited again (never in the semaphore buffer:
 *                             acquire() returns only with a permit; a thread woken inside it that
 *                             loses the permit to a barging one, on non-fair semaphores, parks again
 *                             inside the JDK's code, unseen)
 * @param futileConsumerWakeups the same for consumers finding the buffer still empty
 * @param spuriousWakeups      waits the lab ended without a signal ({@link BufferSettings#spurious()})
 * @param sharedWaitSet        when producers and consumers wait in one wait set (the monitor's; the lock
 *                             buffer's with {@link Bug#ONE_CONDITION}), its members in wait order,
 *                             longest-waiting first: the order that decides whom {@code signal()} wakes;
 *                             empty when each side has its own (then the two lists above each hold one
 *                             whole wait set)
 */
public record BufferSnapshot(List<Long> slots, int putIndex, int takeIndex, int count, List<String> notFullWaiters,
                             List<String> notEmptyWaiters, List<WorkerView> workers, long produced, long consumed,
                             long waitsOnFull, long waitsOnEmpty, long producerBlockedNanos,
                             long consumerBlockedNanos, long actions, long events,
                             List<String> waitSetMismatches, long futileProducerWakeups,
                             long futileConsumerWakeups, long spuriousWakeups, List<String> sharedWaitSet) {

    /** A snapshot of a buffer whose producers and consumers wait in separate wait sets. */
    public BufferSnapshot(List<Long> slots, int putIndex, int takeIndex, int count, List<String> notFullWaiters,
                          List<String> notEmptyWaiters, List<WorkerView> workers, long produced, long consumed,
                          long waitsOnFull, long waitsOnEmpty, long producerBlockedNanos, long consumerBlockedNanos,
                          long actions, long events, List<String> waitSetMismatches, long futileProducerWakeups,
                          long futileConsumerWakeups, long spuriousWakeups) {
        this(slots, putIndex, takeIndex, count, notFullWaiters, notEmptyWaiters, workers, produced, consumed,
                waitsOnFull, waitsOnEmpty, producerBlockedNanos, consumerBlockedNanos, actions, events,
                waitSetMismatches, futileProducerWakeups, futileConsumerWakeups, spuriousWakeups, List.of());
    }

    /** A snapshot with no futile or spurious wake-ups counted. */
    public BufferSnapshot(List<Long> slots, int putIndex, int takeIndex, int count, List<String> notFullWaiters,
                          List<String> notEmptyWaiters, List<WorkerView> workers, long produced, long consumed,
                          long waitsOnFull, long waitsOnEmpty, long producerBlockedNanos, long consumerBlockedNanos,
                          long actions, long events, List<String> waitSetMismatches) {
        this(slots, putIndex, takeIndex, count, notFullWaiters, notEmptyWaiters, workers, produced, consumed,
                waitsOnFull, waitsOnEmpty, producerBlockedNanos, consumerBlockedNanos, actions, events,
                waitSetMismatches, 0, 0, 0, List.of());
    }

    /**
     * This snapshot with the workers named in {@code asking} waiting for the lock at its line
     * ({@link Where#ENTERING}): a rebuilt moment's threads that the log tells, later, were waiting
     * for it ({@link BufferReplay#askingAt}).
     */
    public BufferSnapshot withAsking(Set<String> asking) {
        if (asking.isEmpty()) {
            return this;
        }
        List<WorkerView> views = workers.stream().map(view -> asking.contains(view.name())
                ? new WorkerView(view.name(), view.role(), WorkerState.WAITING_FOR_LOCK, Where.ENTERING, view.holding())
                : view).toList();
        return new BufferSnapshot(slots, putIndex, takeIndex, count, notFullWaiters, notEmptyWaiters, views, produced,
                consumed, waitsOnFull, waitsOnEmpty, producerBlockedNanos, consumerBlockedNanos, actions, events,
                waitSetMismatches, futileProducerWakeups, futileConsumerWakeups, spuriousWakeups, sharedWaitSet);
    }

    /**
     * This snapshot with what an event log does not hold set to 0 (the time spent blocked), as
     * {@link BufferReplay#snapshot()} has it: for comparing the two.
     */
    public BufferSnapshot withoutBlockedTimes() {
        return new BufferSnapshot(slots, putIndex, takeIndex, count, notFullWaiters, notEmptyWaiters, workers, produced,
                consumed, waitsOnFull, waitsOnEmpty, 0, 0, actions, events, waitSetMismatches, futileProducerWakeups,
                futileConsumerWakeups, spuriousWakeups, sharedWaitSet);
    }

    /**
     * A worker's name, role, state and where in put or take it is ({@link BufferCode}'s line for it)
     * at the snapshot's instant, and the item a producer has in hand: made, not yet put, shown where it
     * waits with it ({@link #showsItemInHand}: at the gate, or blocked on a full buffer); otherwise
     * {@link #NOTHING}. A run's items are numbered from 1.
     */
    public record WorkerView(String name, Worker.Role role, WorkerState state, Where where, long holding) {

        /** {@link #holding()} when no item in hand is shown. */
        public static final long NOTHING = 0;

        /** A view with nothing in hand. */
        public WorkerView(String name, Worker.Role role, WorkerState state, Where where) {
            this(name, role, state, where, NOTHING);
        }

        /** A view whose place follows from its state alone ({@link Where#of}), nothing in hand. */
        public WorkerView(String name, Worker.Role role, WorkerState state) {
            this(name, role, state, Where.of(state));
        }

        /**
         * Whether a worker in {@code state} is shown with the item it holds: parked at the gate (a
         * producer waits there with the item it made: the first step may well put #2) or waiting on
         * notFull. Not while waiting for the lock: a snapshot cannot tell a fresh request from a
         * woken waiter's.
         */
        public static boolean showsItemInHand(WorkerState state) {
            return state == WorkerState.AT_GATE || state == WorkerState.WAITING_NOT_FULL;
        }
    }

    /** Futile wake-ups of {@code role}'s workers: woken, found the condition still false, waited again. */
    public long futileWakeups(Worker.Role role) {
        return role == Worker.Role.PRODUCER ? futileProducerWakeups : futileConsumerWakeups;
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
        List<String> broken = new ArrayList<>(waitSetMismatches);
        if (count < 0 || count > capacity()) {
            broken.add("count " + count + " outside 0.." + capacity());
        }
        if (count != occupiedSlots()) {
            broken.add("count " + count + " but " + occupiedSlots() + " slots occupied");
        }
        if (produced - consumed != count) {
            broken.add("produced " + produced + " - consumed " + consumed + " != count " + count);
        }
        if (!sharedWaitSet.isEmpty() && !new HashSet<>(sharedWaitSet).equals(
                Stream.concat(notFullWaiters.stream(), notEmptyWaiters.stream()).collect(Collectors.toSet()))) {
            broken.add("the shared wait set " + sharedWaitSet + " is not notFull's " + notFullWaiters
                    + " with notEmpty's " + notEmptyWaiters);
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
