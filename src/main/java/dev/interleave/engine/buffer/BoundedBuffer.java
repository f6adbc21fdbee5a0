package dev.interleave.engine.buffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed-capacity FIFO buffer of positive {@code long} items: {@link #put} waits while it is full,
 * {@link #take} waits while it is empty. Instrumented so that one {@link #snapshot()} shows every
 * slot, the put and take positions, who waits on which condition and in what order, and the latest
 * action in words.
 *
 * <p>Safe for any number of producer and consumer threads. Blocking calls are interruptible: an
 * interrupted {@code put} leaves the item out of the buffer, an interrupted {@code take} takes
 * nothing. Items are handed out in FIFO order; which waiting thread gets a freed slot or a new item
 * depends on the lock's fairness and the {@link WakePolicy}, and callers may not rely on it.
 */
public final class BoundedBuffer {

    /*
     * Implementation notes.
     *
     * The classic two-condition bounded buffer, in java.util.concurrent.ArrayBlockingQueue's shape:
     * a circular array with putIndex/takeIndex/count, one ReentrantLock `lock` guarding every field
     * below that says so, and two conditions of that lock named for what their waiters need:
     * producers wait on notFull, consumers on notEmpty, each in a `while` loop that re-checks the
     * condition after every wake-up (a woken thread must re-acquire the lock, and another thread may
     * have taken the slot first). enqueue/dequeue signal the other side through the WakePolicy.
     *
     * Instrumentation is recorded under the same lock, so one lock acquisition in snapshot() gives a
     * consistent picture. The wait sets are mirrored in ArrayDeques: a waiter adds itself (still
     * holding the lock) just before await(), which enqueues it on the condition in the same order,
     * and the signaller removes the threads the policy wakes from the head, marking them
     * WAITING_FOR_LOCK: that is exactly what signal()/signalAll() do to the condition's own queue.
     *
     * Visibility: every guarded field is read and written only while holding `lock`; unlock
     * happens-before the next lock, so each holder sees the previous holder's writes.
     */

    /** The items; 0 marks an empty slot. Guarded by lock. */
    private final long[] items;
    /** The slot the next put fills. Invariant: 0 <= putIndex < items.length. Guarded by lock. */
    private int putIndex;
    /** The slot the next take empties. Invariant: 0 <= takeIndex < items.length. Guarded by lock. */
    private int takeIndex;
    /** Occupied slots. Invariant: 0 <= count <= items.length, and count == produced - consumed. Guarded by lock. */
    private int count;

    /** Guards every field marked so. */
    private final ReentrantLock lock;
    /** Producers wait here while count == items.length. */
    private final Condition notFull;
    /** Consumers wait here while count == 0. */
    private final Condition notEmpty;
    private final WakePolicy policy;

    /** Producers in notFull's wait set, longest-waiting first. Guarded by lock. */
    private final ArrayDeque<Worker> notFullWaiters = new ArrayDeque<>();
    /** Consumers in notEmpty's wait set, longest-waiting first. Guarded by lock. */
    private final ArrayDeque<Worker> notEmptyWaiters = new ArrayDeque<>();
    /** Workers shown in snapshots. Guarded by lock. */
    private final List<Worker> workers = new ArrayList<>();

    /** Successful puts. Guarded by lock. */
    private long produced;
    /** Successful takes. Guarded by lock. */
    private long consumed;
    /** Awaits on notFull. Guarded by lock. */
    private long waitsOnFull;
    /** Awaits on notEmpty. Guarded by lock. */
    private long waitsOnEmpty;
    /** Time spent in notFull.await(), summed over producers. Guarded by lock. */
    private long producerBlockedNanos;
    /** Time spent in notEmpty.await(), summed over consumers. Guarded by lock. */
    private long consumerBlockedNanos;
    /** Puts and takes entered. Guarded by lock. */
    private long actions;

    /**
     * The latest {@link #HISTORY} actions, kept as fields in a ring and put into words only when a
     * snapshot asks (no string is built on the hot path). Entry {@code seq % HISTORY} holds action
     * number {@code seq}. Guarded by lock.
     */
    private static final int HISTORY = 8;
    /** HISTORY - 1: an index mask, HISTORY being a power of two. */
    private static final int HISTORY_MASK = HISTORY - 1;
    /** Entry e: who acted at 2e, the first thread its signal woke (or null) at 2e + 1. Guarded by lock. */
    private final Worker[] historyWho = new Worker[2 * HISTORY];
    /**
     * Entry e: the item at 2e; at 2e + 1 the action's ordinal (bits 0-7), the slot (bits 8-39) and
     * how many threads its signal woke (bits 40-55). Two small arrays rather than six, because each
     * array is another cache line to move between cores with every put and take. Guarded by lock.
     */
    private final long[] historyData = new long[2 * HISTORY];
    /** Actions recorded so far; the latest is number actionSeq - 1. Guarded by lock. */
    private long actionSeq;

    private enum Action {
        PUT, TAKE, WAIT_NOT_FULL, WAIT_NOT_EMPTY
    }

    private static final Action[] ACTIONS = Action.values();

    /**
     * @param capacity how many items it holds, 1 or more
     * @param fair     whether the lock (and so the order of lock acquisition) is fair
     * @param policy   how enqueue/dequeue wake waiters
     * @throws IllegalArgumentException if capacity is less than 1
     */
    public BoundedBuffer(int capacity, boolean fair, WakePolicy policy) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
        }
        this.items = new long[capacity];
        this.lock = new ReentrantLock(fair);
        this.notFull = lock.newCondition();
        this.notEmpty = lock.newCondition();
        this.policy = Objects.requireNonNull(policy);
    }

    public int capacity() {
        return items.length;
    }

    public boolean isFair() {
        return lock.isFair();
    }

    public WakePolicy policy() {
        return policy;
    }

    /** Adds {@code worker} to the snapshot's list of workers. */
    public void register(Worker worker) {
        lock.lock();
        try {
            workers.add(Objects.requireNonNull(worker));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts {@code item} at the tail, waiting while the buffer is full.
     *
     * @throws InterruptedException if interrupted before or while waiting; the item is not added
     * @throws IllegalArgumentException if item is not positive
     */
    public void put(long item) throws InterruptedException {
        put(Worker.anonymous(Worker.Role.PRODUCER), item);
    }

    /** {@link #put(long)} on behalf of {@code producer}, whose state and wait the snapshot shows. */
    public void put(Worker producer, long item) throws InterruptedException {
        if (item <= 0) {
            throw new IllegalArgumentException("items are positive, was " + item);
        }
        producer.setState(WorkerState.WAITING_FOR_LOCK);
        lock.lockInterruptibly();
        try {
            producer.setState(WorkerState.IN_BUFFER);
            actions++;
            while (count == items.length) {
                waitsOnFull++;
                record(producer, Action.WAIT_NOT_FULL, item, putIndex, null, 0);
                long waitedFrom = System.nanoTime();
                notFullWaiters.addLast(producer);
                producer.setState(WorkerState.WAITING_NOT_FULL);
                try {
                    notFull.await();
                } finally {
                    leaveWaitSet(producer, WorkerState.WAITING_NOT_FULL, notFullWaiters);
                    producerBlockedNanos += System.nanoTime() - waitedFrom;
                }
            }
            enqueue(producer, item);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the item at the head, waiting while the buffer is empty.
     *
     * @throws InterruptedException if interrupted before or while waiting; nothing is taken
     */
    public long take() throws InterruptedException {
        return take(Worker.anonymous(Worker.Role.CONSUMER));
    }

    /** {@link #take()} on behalf of {@code consumer}, whose state and wait the snapshot shows. */
    public long take(Worker consumer) throws InterruptedException {
        consumer.setState(WorkerState.WAITING_FOR_LOCK);
        lock.lockInterruptibly();
        try {
            consumer.setState(WorkerState.IN_BUFFER);
            actions++;
            while (count == 0) {
                waitsOnEmpty++;
                record(consumer, Action.WAIT_NOT_EMPTY, 0, takeIndex, null, 0);
                long waitedFrom = System.nanoTime();
                notEmptyWaiters.addLast(consumer);
                consumer.setState(WorkerState.WAITING_NOT_EMPTY);
                try {
                    notEmpty.await();
                } finally {
                    leaveWaitSet(consumer, WorkerState.WAITING_NOT_EMPTY, notEmptyWaiters);
                    consumerBlockedNanos += System.nanoTime() - waitedFrom;
                }
            }
            return dequeue(consumer);
        } finally {
            lock.unlock();
        }
    }

    /** Items in the buffer now. */
    public int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The whole buffer at one instant, taken under its lock in time proportional to capacity +
     * workers. Safe to call from any thread; the workers wait for the lock meanwhile.
     */
    public BufferSnapshot snapshot() {
        long[] slots;
        List<String> fullWaiters;
        List<String> emptyWaiters;
        List<BufferSnapshot.WorkerView> views;
        List<BufferSnapshot.Action> recent;
        int put;
        int take;
        int occupied;
        long made;
        long taken;
        long fullWaits;
        long emptyWaits;
        long producerBlocked;
        long consumerBlocked;
        long entered;
        lock.lock();
        try {
            slots = items.clone();
            put = putIndex;
            take = takeIndex;
            occupied = count;
            fullWaiters = names(notFullWaiters);
            emptyWaiters = names(notEmptyWaiters);
            views = new ArrayList<>(workers.size());
            for (Worker worker : workers) {
                views.add(new BufferSnapshot.WorkerView(worker.name(), worker.role(), worker.state()));
            }
            made = produced;
            taken = consumed;
            fullWaits = waitsOnFull;
            emptyWaits = waitsOnEmpty;
            producerBlocked = producerBlockedNanos;
            consumerBlocked = consumerBlockedNanos;
            entered = actions;
            recent = describeRecentActions();
        } finally {
            lock.unlock();
        }
        return new BufferSnapshot(Arrays.stream(slots).boxed().toList(), put, take, occupied, fullWaiters,
                emptyWaiters, List.copyOf(views), made, taken, fullWaits, emptyWaits, producerBlocked,
                consumerBlocked, entered, recent);
    }

    /** Call only when holding lock. */
    private void enqueue(Worker producer, long item) {
        assert lock.isHeldByCurrentThread();
        int slot = putIndex;
        items[slot] = item;
        if (++putIndex == items.length) {
            putIndex = 0;
        }
        count++;
        produced++;
        Worker longestWaiting = notEmptyWaiters.peekFirst();
        int woken = wake(notEmpty, notEmptyWaiters);
        record(producer, Action.PUT, item, slot, longestWaiting, woken);
    }

    /** Call only when holding lock. */
    private long dequeue(Worker consumer) {
        assert lock.isHeldByCurrentThread();
        int slot = takeIndex;
        long item = items[slot];
        items[slot] = 0;
        if (++takeIndex == items.length) {
            takeIndex = 0;
        }
        count--;
        consumed++;
        Worker longestWaiting = notFullWaiters.peekFirst();
        int woken = wake(notFull, notFullWaiters);
        record(consumer, Action.TAKE, item, slot, longestWaiting, woken);
        return item;
    }

    /**
     * Signals {@code condition} by the policy and moves the woken, longest-waiting first, out of
     * {@code waiters}; returns how many. Call only when holding lock.
     */
    private int wake(Condition condition, ArrayDeque<Worker> waiters) {
        assert lock.isHeldByCurrentThread();
        int woken = policy.wake(condition, waiters.size());
        for (int i = 0; i < woken; i++) {
            waiters.pollFirst().setState(WorkerState.WAITING_FOR_LOCK);
        }
        return woken;
    }

    /**
     * After await returns (normally, by interrupt or spuriously): if no signaller took the worker out
     * of the wait set, take it out now. Call only when holding lock.
     */
    private void leaveWaitSet(Worker worker, WorkerState waiting, ArrayDeque<Worker> waiters) {
        assert lock.isHeldByCurrentThread();
        if (worker.state() == waiting) {
            waiters.removeFirstOccurrence(worker);
        }
        worker.setState(WorkerState.IN_BUFFER);
    }

    /** Call only when holding lock. */
    private void record(Worker worker, Action action, long item, int slot, Worker firstWoken, int wokenCount) {
        int at = 2 * ((int) actionSeq++ & HISTORY_MASK);
        historyWho[at] = worker;
        historyWho[at + 1] = firstWoken;
        historyData[at] = item;
        historyData[at + 1] = action.ordinal() | (long) slot << 8 | (long) wokenCount << 40;
    }

    /** The recorded actions, oldest first, in words. Call only when holding lock. */
    private List<BufferSnapshot.Action> describeRecentActions() {
        assert lock.isHeldByCurrentThread();
        List<BufferSnapshot.Action> recent = new ArrayList<>(HISTORY);
        for (long seq = Math.max(0, actionSeq - HISTORY); seq < actionSeq; seq++) {
            int at = 2 * ((int) seq & HISTORY_MASK);
            Worker who = historyWho[at];
            long item = historyData[at];
            long meta = historyData[at + 1];
            int slot = (int) (meta >>> 8);
            String woke = woke(historyWho[at + 1], (int) (meta >>> 40 & 0xFFFF));
            String words = switch (ACTIONS[(int) (meta & 0xFF)]) {
                case PUT -> String.format(Locale.ROOT, "%s put #%d into slot %d, signalled notEmpty%s", who,
                        item, slot, woke);
                case TAKE -> String.format(Locale.ROOT, "%s took #%d from slot %d, signalled notFull%s", who,
                        item, slot, woke);
                case WAIT_NOT_FULL -> String.format(Locale.ROOT,
                        "%s found the buffer full and waits on notFull with #%d", who, item);
                case WAIT_NOT_EMPTY -> who + " found the buffer empty and waits on notEmpty";
            };
            recent.add(new BufferSnapshot.Action(seq, who.name(), words));
        }
        return List.copyOf(recent);
    }

    private static String woke(Worker first, int count) {
        if (count == 0) {
            return " (no one was waiting)";
        }
        return count == 1 ? " and woke " + first : " and woke " + count + " threads";
    }

    private static List<String> names(ArrayDeque<Worker> waiters) {
        List<String> names = new ArrayList<>(waiters.size());
        for (Iterator<Worker> it = waiters.iterator(); it.hasNext(); ) {
            names.add(it.next().name());
        }
        return List.copyOf(names);
    }
}
