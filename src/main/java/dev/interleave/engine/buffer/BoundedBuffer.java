package dev.interleave.engine.buffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Gate;

/**
 * A fixed-capacity FIFO buffer of positive {@code long} items: {@link #put} waits while it is full,
 * {@link #take} waits while it is empty. Instrumented so that one {@link #snapshot()} shows every
 * slot, the put and take positions, who waits on which condition and in what order; and, when made
 * with an {@link EventLog}, records every action there ({@link BufferEvent}), from which the
 * history is told in words ({@link BufferNarration}) and rebuilt ({@link BufferReplay}).
 *
 * <p>Safe for any number of producer and consumer threads. Blocking calls are interruptible: an
 * interrupted {@code put} leaves the item out of the buffer, an interrupted {@code take} takes
 * nothing. Items are handed out in FIFO order; which waiting thread gets a freed slot or a new item
 * depends on the lock's fairness and the {@link WakePolicy}, and callers may not rely on it.
 */
public final class BoundedBuffer implements LabBuffer {

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
     * consistent picture.
     *
     * Recording. With an EventLog, every change the snapshot shows is also appended to the log,
     * under the same lock (the log's writers' lock is this lock): puts, takes, waits, the workers
     * each signal woke, waiters leaving without a signal, unlocked-count's looks (recorded by taking
     * this lock after the look, at the look's time), gate parks and passes (recorded by taking
     * this lock from the gate's callbacks; lock order gate -> buffer, never the other way), and the
     * end of each worker. So the log's order is the order of the critical sections, and a snapshot
     * taken under the lock says how many events precede it (BufferSnapshot.events). The hot path
     * adds one event per put or take and no clock reading (the log timestamps in strides); a lock
     * request is an event only when another thread held the lock (tryLock(0) failed, which honours
     * fairness), so the time spent queuing for it is known. Without a log nothing is recorded and
     * the lock is taken with lockInterruptibly(), as before. Recording writes nothing shared but
     * the log: wokenNow is only read unless a signal woke someone (see recordMove). Puts, takes,
     * waits and signals are also JDK Flight Recorder events (BufferJfr), free without a recording.
     *
     * Wait-set mirrors. Each condition's wait set is mirrored in an ArrayDeque of Waiters: a waiter
     * adds itself just before await(), which enqueues it on the condition in the same critical
     * section, so the mirror's order is the condition queue's order. A thread leaves the condition
     * queue in one of two ways: signal()/signalAll() transfer the first / every thread still
     * waiting, under the lock; or an interrupt cancels it WITHOUT the lock (AQS clears the node's
     * wait status, then the thread queues for the lock so that it can throw). signal() skips
     * cancelled waiters, so a signaller that removes the head of its mirror names the wrong thread
     * once the head was interrupted: the mirror goes on listing the woken thread as waiting.
     *
     * So the mirror is checked against the condition itself, the ground truth: WaitSetLock exposes
     * getWaitingThreads (the threads still waiting, in queue order; getWaitQueueLength counts them).
     * While we hold the lock nobody can join a queue and only our signal or an interrupt can leave
     * it: the queue only shrinks, and the real waiters are always a subsequence of the mirror, the
     * rest being interrupted "leavers" on their way back. Before signalling, dropLeavers takes them
     * out (not counted as woken); after signalling, wake() takes out whoever left the queue since:
     * from the head when the count fell by exactly the policy's number (proof in wake()), else by
     * membership. So a thread transferred by a signal is out of its mirror, marked SIGNALLED,
     * before the signaller unlocks; a waiter whose await returns normally checks that
     * (missedWakeups counts violations; waitSetMismatches() and every snapshot report them).
     * What cannot be known: a waiter interrupted in the instant between dropLeavers and the signal
     * leaves the queue just as the woken one does, so an action's "woke X" may then name it; the
     * mirror's membership is exact regardless. snapshot() drops leavers first, so it shows exactly
     * the threads in each condition queue.
     *
     * Planted bugs (Bug): the same class with one mistake switched on, so that the checks that must
     * reject it run against the real code. ONE_CONDITION makes notEmpty the same Condition as
     * notFull (and one mirror for both); IF_NOT_WHILE and UNLOCKED_COUNT live in waitsAgain() and in
     * the count read before locking (a data race, on purpose, only then), after which UNLOCKED_COUNT
     * records its look (a LOOK event, under the lock: the log's writers hold it) and sleeps 1 ms
     * before it locks: the lab holds the race's window open, so that another worker looks
     * too and the violation comes within a second (without it, once after more than a minute). The
     * sleep is interruptible: a Stop during it leaves the item out, as an interrupted lock request.
     *
     * The lab. enqueue/dequeue check the slot before writing it (a put over a full slot, a take from
     * an empty one: a BufferViolation, recorded and thrown before anything changes). A waiter chosen
     * for a spurious wake-up (the settings' rate) waits with awaitNanos(at most 50 µs): if no signal took
     * it out by then it leaves the condition queue by itself, like an interrupted waiter (dropLeavers
     * and leaveWaitSet know it by Waiter.timed and record SPURIOUS, not LEAVE). A woken waiter that
     * finds its condition still false counts a futile wake-up. resize() moves the items, in order, to
     * a new array: at once when growing or when they fit, else one slot at a time as takes free them
     * (shrinkTo), so producers find the buffer full meanwhile.
     *
     * Worker states. A snapshot is taken under the lock, so it never sees a worker inside the
     * critical section: only what the worker wrote before asking for the lock (WAITING_FOR_LOCK),
     * before await (WAITING_...) and just before unlock (IN_BUFFER, RELEASING). So put and take write
     * nothing else there (recorded runs tell the steps in between by their events,
     * BufferEvent.whereAfter): each state write is a store in the critical section, and every
     * nanosecond there makes the other side likelier to find the lock held and park. One producer,
     * one consumer, 1,024 slots: writing CHECKING, WRITING and SIGNALLING as well cost 10 % (medians of
     * 7 interleaved runs of 3,000,000 items: 5.3 against 5.9 million items a second).
     *
     * Visibility: every guarded field is read and written only while holding `lock`; unlock
     * happens-before the next lock, so each holder sees the previous holder's writes.
     */

    /** The items; 0 marks an empty slot. Its length is the capacity; replaced by resize. Guarded by lock. */
    private long[] items;
    /** The slot the next put fills. Invariant: 0 <= putIndex < items.length. Guarded by lock. */
    private int putIndex;
    /** The slot the next take empties. Invariant: 0 <= takeIndex < items.length. Guarded by lock. */
    private int takeIndex;
    /** Occupied slots. Invariant: 0 <= count <= items.length, and count == produced - consumed. Guarded by lock. */
    private int count;

    /** Guards every field marked so. */
    private final WaitSetLock lock;
    /** Producers wait here while count == items.length. */
    private final Condition notFull;
    /** Consumers wait here while count == 0. The same object as notFull with Bug.ONE_CONDITION. */
    private final Condition notEmpty;
    private final WakePolicy policy;
    /** The planted bug, or Bug.NONE. */
    private final Bug bug;
    /** The gate unlocked-count's look is followed by. */
    private final LabGate labGate = new LabGate();
    /** The fraction of waits that end without a signal (spurious wake-ups), 0 to 1. */
    private final double spurious;
    /** The capacity a shrink waits to reach as items leave, or 0 when none waits. Guarded by lock. */
    private int shrinkTo;
    /** Producers woken that found the buffer still full and waited again. Guarded by lock. */
    private long futileProducerWakeups;
    /** Consumers woken that found the buffer still empty and waited again. Guarded by lock. */
    private long futileConsumerWakeups;
    /** Waits ended by the lab without a signal. Guarded by lock. */
    private long spuriousWakeups;
    /** Puts and takes recorded as violations: the first only (0 or 1). Invariant: 0 without a bug. Guarded by lock. */
    private long violations;
    /** The first violation, which every later one gets back (see FirstViolation). Guarded by lock. */
    private final FirstViolation firstViolation = new FirstViolation();

    /**
     * Producers in notFull's wait set, longest-waiting first. Invariant (holding lock): the threads
     * notFull really holds are a subsequence of these, the others interrupted leavers; after
     * dropLeavers, the same list. Guarded by lock.
     */
    private final ArrayDeque<Waiter> notFullWaiters = new ArrayDeque<>();
    /**
     * Consumers in notEmpty's wait set, longest-waiting first; the same deque as notFullWaiters
     * when the conditions are one. Invariant as notFullWaiters'. Guarded by lock.
     */
    private final ArrayDeque<Waiter> notEmptyWaiters;
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
     * Waiters whose await returned by a signal the mirror did not credit to them (or by a spurious
     * wake-up, which Condition allows; ReentrantLock makes one only when out of memory). Invariant:
     * 0. Guarded by lock.
     */
    private long missedWakeups;

    /** Where every action is recorded, or null when nothing is. Its writers' lock is lock. */
    private final EventLog log;
    /**
     * The workers the signal being sent now took out of a wait set, in order, for the events that
     * follow the put or take (only while recording). Guarded by lock.
     */
    private final List<Worker> wokenNow = new ArrayList<>();

    /** How a waiter left its condition's mirror. */
    private enum Exit {
        /** Still listed. */
        LISTED,
        /** Removed by a signaller: its signal transferred the thread (or, rarely, see notes). */
        SIGNALLED,
        /** Removed because it left the condition queue by itself: interrupted. */
        INTERRUPTED
    }

    /** One thread in a wait-set mirror. */
    private static final class Waiter {
        final Worker worker;
        final Thread thread;
        /** Whether it waits with a time limit: the lab's spurious wake-up if no signal comes first. */
        final boolean timed;
        /** Guarded by the buffer's lock. */
        Exit exit = Exit.LISTED;

        Waiter(Worker worker, Thread thread, boolean timed) {
            this.worker = worker;
            this.thread = thread;
            this.timed = timed;
        }
    }

    /**
     * The longest a wait the lab picks lasts before it returns without a signal: short, so that it
     * ends spuriously nearly always (a signal in the meantime makes it an ordinary wake-up).
     */
    private static final long SPURIOUS_MAX_NANOS = 50_000;

    /** A ReentrantLock that shows its conditions' waiting threads (protected in ReentrantLock). */
    private static final class WaitSetLock extends ReentrantLock {
        WaitSetLock(boolean fair) {
            super(fair);
        }

        /** The threads waiting on {@code condition}, longest-waiting first. Call only when holding this lock. */
        Collection<Thread> waitingThreads(Condition condition) {
            return getWaitingThreads(condition);
        }
    }

    static {
        // Before any buffer exists, so never under a buffer's lock: see BufferJfr.load.
        BufferJfr.load();
    }

    /**
     * Initialises this class and what it needs at its first action (JDK Flight Recorder's event
     * classes), so that a window can pay that once in the background rather than at its first Run.
     */
    public static void warmUp() {
        // Calling a static method initialises the class: the static block above does the work.
    }

    /**
     * @param capacity how many items it holds, 1 or more
     * @param fair     whether the lock (and so the order of lock acquisition) is fair
     * @param policy   how enqueue/dequeue wake waiters
     * @throws IllegalArgumentException if capacity is less than 1
     */
    public BoundedBuffer(int capacity, boolean fair, WakePolicy policy) {
        this(capacity, fair, policy, Bug.NONE, 0, null);
    }

    /**
     * A buffer that records every action in {@code log} ({@link BufferEvent}s); the log must be new,
     * and written by nothing else.
     */
    public BoundedBuffer(int capacity, boolean fair, WakePolicy policy, EventLog log) {
        this(capacity, fair, policy, Bug.NONE, 0, Objects.requireNonNull(log));
    }

    /** The buffer with a planted {@code bug} switched on (or not, with {@link Bug#NONE}). */
    BoundedBuffer(int capacity, boolean fair, WakePolicy policy, Bug bug) {
        this(capacity, fair, policy, bug, 0, null);
    }

    /**
     * The lab's buffer: {@code bug} planted, {@code spurious} of the waits ending without a signal,
     * recording into {@code log} (or nothing, when null).
     */
    BoundedBuffer(int capacity, boolean fair, WakePolicy policy, Bug bug, double spurious, EventLog log) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
        }
        if (!bug.appliesTo(BufferImpl.LOCK)) {
            throw new IllegalArgumentException("bug " + bug + " does not go with the lock buffer");
        }
        this.spurious = spurious;
        this.items = new long[capacity];
        this.lock = new WaitSetLock(fair);
        this.policy = Objects.requireNonNull(policy);
        this.bug = Objects.requireNonNull(bug);
        this.notFull = lock.newCondition();
        boolean oneCondition = bug == Bug.ONE_CONDITION;
        this.notEmpty = oneCondition ? notFull : lock.newCondition();
        this.notEmptyWaiters = oneCondition ? notFullWaiters : new ArrayDeque<>();
        this.log = log;
    }

    @Override
    public int capacity() {
        lock.lock();
        try {
            return items.length;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public BufferImpl impl() {
        return BufferImpl.LOCK;
    }

    @Override
    public Bug bug() {
        return bug;
    }

    @Override
    public void resize(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
        }
        lock.lock();
        try {
            shrinkTo = 0;
            if (capacity > items.length) {
                relocate(capacity, null);
                // Room at once: every waiting producer checks again (with one condition, everyone).
                dropLeavers(notFull, notFullWaiters);
                wakeAll(notFull, notFullWaiters);
            } else if (capacity < items.length) {
                shrinkTo = capacity;
                shrinkStep(null);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Shrinks as far toward shrinkTo as the items allow. Call only when holding lock, with shrinkTo set. */
    private void shrinkStep(Worker taker) {
        assert lock.isHeldByCurrentThread();
        int next = Math.max(shrinkTo, count);
        if (next < items.length) {
            relocate(next, taker);
        }
        if (items.length == shrinkTo) {
            shrinkTo = 0;
        }
    }

    /**
     * Moves the items, in order, to slots 0.. of a new array of {@code capacity} >= count slots, and
     * records it. Call only when holding lock.
     */
    private void relocate(int capacity, Worker taker) {
        assert lock.isHeldByCurrentThread() && capacity >= count;
        long[] next = new long[capacity];
        for (int i = 0; i < count; i++) {
            next[i] = items[(takeIndex + i) % items.length];
        }
        items = next;
        takeIndex = 0;
        putIndex = count % capacity;
        if (log != null) {
            log.appendNow(BufferEvent.RESIZE.ordinal(), taker == null ? 0 : track(taker), capacity, 0, 0);
        }
    }

    /** Wakes every waiter of {@code condition} (a resize made room). Call only when holding lock, after dropLeavers. */
    private void wakeAll(Condition condition, ArrayDeque<Waiter> waiters) {
        assert lock.isHeldByCurrentThread();
        condition.signalAll();
        List<Worker> woken = new ArrayList<>(waiters.size());
        for (Waiter waiter; (waiter = waiters.pollFirst()) != null; ) {
            leave(waiter, Exit.SIGNALLED);
            woken.add(waiter.worker);
        }
        if (log != null) {
            for (Worker worker : woken) {
                int track = track(worker);
                log.appendNow(BufferEvent.WAKE.ordinal(), track, 0, 0, track); // woken by the resize itself
            }
            wokenNow.clear();
        }
    }

    @Override
    public String everyoneWaiting() {
        lock.lock();
        try {
            dropLeavers(notFull, notFullWaiters);
            dropLeavers(notEmpty, notEmptyWaiters);
            List<BufferSnapshot.WorkerView> views = new ArrayList<>(workers.size());
            for (Worker worker : workers) {
                views.add(worker.view());
            }
            // One condition is one wait set, named once as the monitor's is.
            return bug == Bug.ONE_CONDITION ? Stalls.everyoneWaiting(views, count, items.length,
                    BufferNarration.ONE_CONDITION_BOTH, BufferNarration.ONE_CONDITION_BOTH)
                    : Stalls.everyoneWaiting(views, count, items.length, "notFull", "notEmpty");
        } finally {
            lock.unlock();
        }
    }

    public boolean isFair() {
        return lock.isFair();
    }

    public WakePolicy policy() {
        return policy;
    }

    /** The log this buffer records into, or null. */
    public EventLog log() {
        return log;
    }

    /**
     * Adds {@code worker} to the snapshot's list of workers (and, when recording, names its track);
     * its gate parks and passes and its end ({@link #retire}) are recorded from now on.
     */
    public void register(Worker worker) {
        lock.lock();
        try {
            workers.add(Objects.requireNonNull(worker));
            worker.joined(this);
            if (log != null) {
                track(worker);
            }
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
        producer.holding(item);
        boolean sawRoomUnlocked = false;
        if (bug == Bug.UNLOCKED_COUNT) {
            producer.set(WorkerState.WAITING_FOR_LOCK, Where.LOOKED);
            int seen = count; // the bug: a racy read
            long readAt = System.nanoTime();
            int slots = items.length;
            sawRoomUnlocked = seen < slots;
            recordLook(producer, readAt, seen, slots, sawRoomUnlocked);
            labGate.pass(producer);
            Thread.sleep(1); // the lab holds the race's window open, so the bug shows within a second, not by luck
        }
        producer.set(WorkerState.WAITING_FOR_LOCK, Where.ENTERING);
        enter(producer);
        try {
            actions++;
            long backNanos = 0;
            for (boolean waited = false; waitsAgain(count == items.length, sawRoomUnlocked, waited); waited = true) {
                if (waited) {
                    futileProducerWakeups++;
                }
                waitsOnFull++;
                long waitedFrom = System.nanoTime();
                recordAt(waitedFrom, BufferEvent.WAIT, producer, item,
                        waited ? BufferEvent.WAITS_AGAIN : BufferEvent.FIRST_WAIT, BufferEvent.ON_NOT_FULL);
                Waiter waiter = new Waiter(producer, Thread.currentThread(), spuriousNext(waited));
                notFullWaiters.addLast(waiter);
                producer.set(WorkerState.WAITING_NOT_FULL, Where.WAITING);
                int waitedSlot = putIndex;
                BufferJfr.Wait jfr = BufferJfr.beginWait();
                boolean signalled = false;
                boolean timedOut = false;
                try {
                    timedOut = await(notFull, waiter);
                    signalled = true;
                } finally {
                    BufferJfr.endWait(jfr, producer, "notFull", item, waitedSlot);
                    leaveWaitSet(waiter, signalled, timedOut, notFullWaiters);
                    backNanos = System.nanoTime();
                    producerBlockedNanos += backNanos - waitedFrom;
                }
            }
            enqueue(producer, item, backNanos);
        } finally {
            producer.set(WorkerState.IN_BUFFER, Where.RELEASING);
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
        boolean sawItemUnlocked = false;
        if (bug == Bug.UNLOCKED_COUNT) {
            consumer.set(WorkerState.WAITING_FOR_LOCK, Where.LOOKED);
            int seen = count; // the bug: a racy read
            long readAt = System.nanoTime();
            sawItemUnlocked = seen > 0;
            recordLook(consumer, readAt, seen, items.length, sawItemUnlocked);
            labGate.pass(consumer);
            Thread.sleep(1); // the lab holds the race's window open, so the bug shows within a second, not by luck
        }
        consumer.set(WorkerState.WAITING_FOR_LOCK, Where.ENTERING);
        enter(consumer);
        try {
            actions++;
            long backNanos = 0;
            for (boolean waited = false; waitsAgain(count == 0, sawItemUnlocked, waited); waited = true) {
                if (waited) {
                    futileConsumerWakeups++;
                }
                waitsOnEmpty++;
                long waitedFrom = System.nanoTime();
                recordAt(waitedFrom, BufferEvent.WAIT, consumer, 0,
                        waited ? BufferEvent.WAITS_AGAIN : BufferEvent.FIRST_WAIT, BufferEvent.ON_NOT_EMPTY);
                Waiter waiter = new Waiter(consumer, Thread.currentThread(), spuriousNext(waited));
                notEmptyWaiters.addLast(waiter);
                consumer.set(WorkerState.WAITING_NOT_EMPTY, Where.WAITING);
                int waitedSlot = takeIndex;
                BufferJfr.Wait jfr = BufferJfr.beginWait();
                boolean signalled = false;
                boolean timedOut = false;
                try {
                    timedOut = await(notEmpty, waiter);
                    signalled = true;
                } finally {
                    BufferJfr.endWait(jfr, consumer, "notEmpty", 0, waitedSlot);
                    leaveWaitSet(waiter, signalled, timedOut, notEmptyWaiters);
                    backNanos = System.nanoTime();
                    consumerBlockedNanos += backNanos - waitedFrom;
                }
            }
            return dequeue(consumer, backNanos);
        } finally {
            consumer.set(WorkerState.IN_BUFFER, Where.RELEASING);
            lock.unlock();
        }
    }

    @Override
    public void holdAt(Gate gate) {
        labGate.holdAt(gate);
    }

    /**
     * Records unlocked-count's look, made at {@code readAt} without the lock: {@code seen} of
     * {@code slots} slots full, and whether that was room (an item) for it ({@link BufferEvent#LOOK}).
     * It takes the lock to write the log, which the look itself did not hold; uninterruptibly, as
     * every other recording outside put and take does: holders never block, and the lab's pause that
     * follows sees an interrupt.
     */
    private void recordLook(Worker worker, long readAt, int seen, int slots, boolean sawRoomOrItem) {
        if (log == null) {
            return;
        }
        lock.lock();
        try {
            log.appendAt(readAt, BufferEvent.LOOK.ordinal(), track(worker), seen, slots,
                    BufferEvent.lookOther(worker.role(), sawRoomOrItem));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the next wait is one the lab ends without a signal (spurious), at the settings' rate and
     * as the run's gate allows ({@link LabGate#mayEndSpuriously}); {@code again}: the same put or take
     * waited before.
     */
    private boolean spuriousNext(boolean again) {
        return spurious > 0 && labGate.mayEndSpuriously(again) && ThreadLocalRandom.current().nextDouble() < spurious;
    }

    /**
     * Waits on {@code condition}: until signalled, or, for a waiter the lab chose ({@link Waiter#timed}),
     * at most a few ms. Returns whether the time ran out (then it may still have been signalled in
     * the same instant: leaveWaitSet decides by its mirror). Call only when holding lock.
     */
    private static boolean await(Condition condition, Waiter waiter) throws InterruptedException {
        if (!waiter.timed) {
            condition.await();
            return false;
        }
        long nanos = ThreadLocalRandom.current().nextLong(1, SPURIOUS_MAX_NANOS);
        return condition.awaitNanos(nanos) <= 0;
    }

    /**
     * Whether a put (take) that finds the buffer {@code blocked}, full (empty), under the lock waits
     * (again). In the correct buffer, whenever it is blocked: the {@code while} of the classic shape.
     * The planted bugs: {@link Bug#IF_NOT_WHILE} waits at most once, as an {@code if} would;
     * {@link Bug#UNLOCKED_COUNT} never waits once it saw room (an item) without the lock. Call only
     * when holding lock.
     */
    private boolean waitsAgain(boolean blocked, boolean sawOtherwiseUnlocked, boolean waited) {
        assert lock.isHeldByCurrentThread();
        if (sawOtherwiseUnlocked) {
            return false;
        }
        return blocked && !(waited && bug == Bug.IF_NOT_WHILE);
    }

    /**
     * Takes the lock for {@code worker}, interruptibly. While recording, a request that finds the
     * lock held is recorded once the lock is had ({@link BufferEvent#REQUEST}, with the time it
     * asked, as cheap as {@link EventLog#recentNanos}).
     *
     * <p>"Finds it held" is one read of the lock's state before asking, not a failed
     * {@code tryLock}: a failed attempt, a clock reading and a second attempt, when a third of a
     * free run's requests find the lock held, cost that run a third of its speed (1 producer, 1
     * consumer, 1,024 slots, medians of 9 interleaved runs: 3.9 million items a second against 5.8
     * unrecorded; with the read, 5.0). A request that finds the lock free and loses it in the next
     * instant waits unrecorded: its lane shows the wait as part of what it did before.
     */
    private void enter(Worker worker) throws InterruptedException {
        if (log == null || !lock.isLocked()) {
            lock.lockInterruptibly();
            return;
        }
        long askedAt = log.recentNanos();
        lock.lockInterruptibly();
        // Not before it asked: the time it took may be a fresh reading, later than the shared one
        // the events since were given (CI: asked 10 ns after its own event's time).
        log.appendNotBefore(askedAt, BufferEvent.REQUEST.ordinal(), track(worker), askedAt, 0, 0);
    }

    /** Marks {@code worker} at the gate and records it, together (see {@link LabBuffer#parked}). */
    @Override
    public void parked(Worker worker) {
        lock.lock();
        try {
            boolean atLook = worker.where() == Where.LOOKED;
            worker.set(WorkerState.AT_GATE, atLook ? Where.LOOKED : Where.OUTSIDE);
            if (log != null) {
                log.appendNow(BufferEvent.PARK.ordinal(), track(worker), worker.holding(),
                        atLook ? BufferEvent.AT_LOOK : 0, 0);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Records that {@code worker} left the gate's queue, {@code how} (a BufferEvent.PASS_ value). */
    @Override
    public void passed(Worker worker, int how) {
        if (log == null) {
            return;
        }
        lock.lock();
        try {
            log.appendNow(BufferEvent.PASS.ordinal(), track(worker), 0,
                        worker.where() == Where.LOOKED ? BufferEvent.AT_LOOK : 0, how);
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code worker} has finished (no more items, or stopped): its state becomes
     * {@link WorkerState#DONE}, recorded when recording.
     */
    public void retire(Worker worker, int end) {
        if (log == null) {
            worker.set(WorkerState.DONE, Where.OUTSIDE);
            return;
        }
        lock.lock();
        try {
            worker.set(WorkerState.DONE, Where.OUTSIDE);
            log.appendNow(BufferEvent.DONE.ordinal(), track(worker), 0, 0, end);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void dismiss(Worker worker) {
        lock.lock();
        try {
            if (worker.state() == WorkerState.DONE) {
                return; // ended meanwhile (its items used up, or stopped): nothing to leave
            }
            worker.leave();
            if (log != null) {
                log.appendNow(BufferEvent.DISMISS.ordinal(), track(worker), 0, 0, worker.role().ordinal());
            }
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
        List<String> mirrorProblems;
        long events;
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
        long futileProducers;
        long futileConsumers;
        long spuriousCount;
        List<String> shared;
        lock.lock();
        try {
            slots = items.clone();
            put = putIndex;
            take = takeIndex;
            occupied = count;
            mirrorProblems = mirrorProblems();
            fullWaiters = names(notFullWaiters, Worker.Role.PRODUCER);
            emptyWaiters = names(notEmptyWaiters, Worker.Role.CONSUMER);
            shared = bug == Bug.ONE_CONDITION ? names(notFullWaiters) : List.of();
            views = new ArrayList<>(workers.size());
            for (Worker worker : workers) {
                views.add(worker.view());
            }
            made = produced;
            taken = consumed;
            fullWaits = waitsOnFull;
            emptyWaits = waitsOnEmpty;
            producerBlocked = producerBlockedNanos;
            consumerBlocked = consumerBlockedNanos;
            entered = actions;
            futileProducers = futileProducerWakeups;
            futileConsumers = futileConsumerWakeups;
            spuriousCount = spuriousWakeups;
            events = log == null ? 0 : log.written();
        } finally {
            lock.unlock();
        }
        return new BufferSnapshot(Slots.owning(slots), put, take, occupied, fullWaiters,
                emptyWaiters, List.copyOf(views), made, taken, fullWaits, emptyWaits, producerBlocked,
                consumerBlocked, entered, events, mirrorProblems, futileProducers, futileConsumers, spuriousCount,
                shared);
    }

    /**
     * For tests, when no put or take is in progress (after a scenario): which invariants are broken,
     * empty when none is. 0 <= count <= capacity; count equals the occupied slots and produced -
     * consumed; nobody is listed in a mirror or waits on a condition; no wake-up was missed. Takes
     * the lock; cheap (no snapshot), so that a model checker can call it after every scenario.
     */
    List<String> brokenInvariantsWhenIdle() {
        lock.lock();
        try {
            int occupied = 0;
            for (long item : items) {
                if (item != 0) {
                    occupied++;
                }
            }
            boolean someoneWaits = !notFullWaiters.isEmpty() || !notEmptyWaiters.isEmpty()
                    || lock.hasWaiters(notFull) || lock.hasWaiters(notEmpty);
            if (count >= 0 && count <= items.length && count == occupied && produced - consumed == count
                    && !someoneWaits && missedWakeups == 0 && violations == 0) {
                return List.of();
            }
            return List.of(String.format(Locale.ROOT,
                    "count %d (capacity %d), %d slots occupied, produced %d - consumed %d, mirrors %s %s,"
                            + " conditions have waiters %b %b, missed wake-ups %d, puts over a full slot or takes from"
                            + " an empty one stopped %d",
                    count, items.length, occupied, produced, consumed, names(notFullWaiters), names(notEmptyWaiters),
                    lock.hasWaiters(notFull), lock.hasWaiters(notEmpty), missedWakeups, violations));
        } finally {
            lock.unlock();
        }
    }

    /**
     * For tests: what is wrong with the wait-set mirrors, empty when nothing is. Takes the lock; drops
     * the interrupted leavers as {@link #snapshot()} does, then checks that each mirror lists exactly
     * the threads its condition's queue holds ({@code getWaitingThreads}, whose size is
     * {@code getWaitQueueLength}), in the same order, and that no waiter ever returned from a signal
     * the mirror had not credited to it.
     */
    List<String> waitSetMismatches() {
        lock.lock();
        try {
            return mirrorProblems();
        } finally {
            lock.unlock();
        }
    }

    /** {@link #waitSetMismatches()}'s work. Call only when holding lock. */
    private List<String> mirrorProblems() {
        assert lock.isHeldByCurrentThread();
        List<String> problems = new ArrayList<>();
        compareWithCondition("notFull", notFull, notFullWaiters, problems);
        compareWithCondition("notEmpty", notEmpty, notEmptyWaiters, problems);
        if (missedWakeups != 0) {
            problems.add(missedWakeups + " waiters returned from await signalled, but their mirror had not taken them"
                    + " out as woken");
        }
        return List.copyOf(problems);
    }

    /** Call only when holding lock. */
    private void compareWithCondition(String name, Condition condition, ArrayDeque<Waiter> waiters,
                                      List<String> problems) {
        assert lock.isHeldByCurrentThread();
        List<Thread> really = List.copyOf(lock.waitingThreads(condition));
        dropLeavers(waiters, really);
        List<Thread> listed = new ArrayList<>(waiters.size());
        waiters.forEach(waiter -> listed.add(waiter.thread));
        if (!listed.equals(really)) {
            problems.add(name + " mirror " + names(waiters) + " (" + listed.size() + ") but the condition holds "
                    + really.stream().map(Thread::getName).toList() + " (" + really.size() + ")");
        }
    }

    /** {@code knownNanos}: a clock reading just made, or 0. Call only when holding lock. */
    private void enqueue(Worker producer, long item, long knownNanos) {
        assert lock.isHeldByCurrentThread();
        int slot = putIndex;
        if (items[slot] != 0 || firstViolation.happened()) {
            throw violation(producer, item, slot, BufferEvent.OVER_FULL_SLOT);
        }
        items[slot] = item;
        if (++putIndex == items.length) {
            putIndex = 0;
        }
        count++;
        produced++;
        dropLeavers(notEmpty, notEmptyWaiters);
        int woken = wake(notEmpty, notEmptyWaiters);
        recordMove(BufferEvent.PUT, producer, item, slot, knownNanos);
        BufferJfr.put(producer, item, slot);
        BufferJfr.signal(producer, "notEmpty", woken, item, slot);
    }

    /** {@code knownNanos}: a clock reading just made, or 0. Call only when holding lock. */
    private long dequeue(Worker consumer, long knownNanos) {
        assert lock.isHeldByCurrentThread();
        int slot = takeIndex;
        long item = items[slot];
        if (item == 0 || firstViolation.happened()) {
            throw violation(consumer, 0, slot, BufferEvent.FROM_EMPTY_SLOT);
        }
        items[slot] = 0;
        if (++takeIndex == items.length) {
            takeIndex = 0;
        }
        count--;
        consumed++;
        dropLeavers(notFull, notFullWaiters);
        int woken = wake(notFull, notFullWaiters);
        recordMove(BufferEvent.TAKE, consumer, item, slot, knownNanos);
        BufferJfr.take(consumer, item, slot);
        BufferJfr.signal(consumer, "notFull", woken, item, slot);
        if (shrinkTo != 0) {
            shrinkStep(consumer);
        }
        return item;
    }

    /**
     * The violation to throw for the put ({@code item} over {@code slot}) or take (from {@code slot})
     * about to break the slot invariant: the first is recorded; later ones get it back, unrecorded
     * ({@link FirstViolation}). Call only when holding lock.
     */
    private BufferViolation violation(Worker worker, long item, int slot, int what) {
        assert lock.isHeldByCurrentThread();
        return firstViolation.keep(() -> {
            violations++;
            if (log != null) {
                log.appendNow(BufferEvent.VIOLATION.ordinal(), track(worker), item, slot, what);
            }
            return Stalls.violation(worker, item, slot, what, items[slot], count, items.length);
        });
    }

    /**
     * Signals {@code condition} by the policy, takes the threads that left its queue out of
     * {@code waiters} (marking them WAITING_FOR_LOCK) and returns how many it woke, the
     * longest-waiting first. Call only when holding lock, right after {@link #dropLeavers}.
     */
    private int wake(Condition condition, ArrayDeque<Waiter> waiters) {
        assert lock.isHeldByCurrentThread();
        int listed = waiters.size();
        int expected = policy.wake(condition, listed);
        if (listed == 0) {
            return 0;
        }
        int stillWaiting = lock.getWaitQueueLength(condition);
        if (stillWaiting == listed - expected) {
            // Exactly `expected` left, and they are the head. signalAll: everyone left. signal: the
            // count only falls, so either nobody was cancelled when we signalled and the transferred
            // thread is the first listed, or nobody could be transferred, all n were cancelled and
            // the count says n = 1: the head left all the same.
            for (int i = 0; i < expected; i++) {
                leave(waiters.pollFirst(), Exit.SIGNALLED);
            }
            return expected;
        }
        // A waiter was interrupted between dropLeavers and the signal: who left decides.
        Collection<Thread> really = lock.waitingThreads(condition);
        int left = 0;
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (!really.contains(waiter.thread)) {
                it.remove();
                leave(waiter, Exit.SIGNALLED);
                left++;
            }
        }
        return Math.min(expected, left);
    }

    /**
     * Takes out of {@code waiters} those that are no longer in {@code condition}'s queue: they were
     * interrupted and are on their way back to throw. Call only when holding lock.
     */
    private void dropLeavers(Condition condition, ArrayDeque<Waiter> waiters) {
        assert lock.isHeldByCurrentThread();
        if (waiters.isEmpty() || lock.getWaitQueueLength(condition) == waiters.size()) {
            return;
        }
        dropLeavers(waiters, lock.waitingThreads(condition));
    }

    /** Takes out of {@code waiters} those not in {@code really}. Call only when holding lock. */
    private void dropLeavers(ArrayDeque<Waiter> waiters, Collection<Thread> really) {
        assert lock.isHeldByCurrentThread();
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (!really.contains(waiter.thread)) {
                it.remove();
                leave(waiter, Exit.INTERRUPTED);
            }
        }
    }

    /**
     * Marks a waiter taken out of its mirror: signalled (or its time ran out), it now waits for the
     * lock; interrupted, its put or take ends, as its LEAVE tells it (rebuilt from the log, it read
     * interrupted while live it read woken). Call only when holding lock.
     */
    private void leave(Waiter waiter, Exit exit) {
        assert lock.isHeldByCurrentThread();
        waiter.exit = exit;
        boolean interrupted = exit == Exit.INTERRUPTED && !waiter.timed;
        waiter.worker.set(interrupted ? WorkerState.IN_BUFFER : WorkerState.WAITING_FOR_LOCK,
                interrupted ? Where.INTERRUPTED : Where.WOKEN);
        if (log != null) {
            if (exit == Exit.SIGNALLED) {
                wokenNow.add(waiter.worker); // recorded after the put or take that signalled
            } else {
                recordLeave(waiter);
            }
        }
    }

    /**
     * After await returns, normally ({@code signalled}) or by interrupt: out of the mirror if still
     * listed. A waiter that returns normally must have been taken out as SIGNALLED by the signaller
     * that woke it; anything else is a missed wake-up. Call only when holding lock.
     */
    private void leaveWaitSet(Waiter waiter, boolean signalled, boolean timedOut, ArrayDeque<Waiter> waiters) {
        assert lock.isHeldByCurrentThread();
        if (waiter.exit == Exit.LISTED) {
            waiters.removeFirstOccurrence(waiter);
            if (log != null) {
                recordLeave(waiter);
            }
        } else if (!signalled && waiter.exit == Exit.SIGNALLED && log != null) {
            // Interrupted in the instant a signal was credited to it (see the notes): its call ends
            // here all the same, and the log says so.
            log.appendNow(BufferEvent.LEAVE.ordinal(), track(waiter.worker), 0, 0, 0);
        }
        if (signalled && waiter.exit != Exit.SIGNALLED) {
            if (timedOut) {
                spuriousWakeups++; // the lab's: the time ran out and no signal had taken it out
            } else {
                missedWakeups++;
            }
        }
        // Signalled (or its time ran out): back to the condition's check. Else interrupted: await() had the
        // lock back before it threw, and its put or take ends.
        waiter.worker.set(WorkerState.IN_BUFFER, signalled ? Where.CHECKING : Where.INTERRUPTED);
    }

    /**
     * Records that {@code waiter} left its condition's queue by itself: SPURIOUS for a waiter the lab
     * gave a time limit (an interrupt at the same time is told as spurious too), else LEAVE
     * (interrupted). Call only when holding lock, while recording.
     */
    private void recordLeave(Waiter waiter) {
        assert lock.isHeldByCurrentThread();
        if (waiter.timed) {
            log.appendNow(BufferEvent.SPURIOUS.ordinal(), track(waiter.worker), 0, 0,
                    waiter.worker.role() == Worker.Role.PRODUCER ? BufferEvent.ON_NOT_FULL : BufferEvent.ON_NOT_EMPTY);
        } else {
            log.appendNow(BufferEvent.LEAVE.ordinal(), track(waiter.worker), 0, 0, 0);
        }
    }

    /**
     * Records a put or take, then each worker its signal woke (wokenNow, emptied). Call only when
     * holding lock.
     */
    private void recordMove(BufferEvent kind, Worker worker, long item, int slot, long knownNanos) {
        assert lock.isHeldByCurrentThread();
        if (log == null) {
            return;
        }
        int who = track(worker);
        // Only reads of wokenNow unless someone was woken: clear() writes its modCount, and a write
        // per event would move that cache line between the producers' and consumers' cores.
        int woken = wokenNow.size();
        if (knownNanos != 0) {
            log.appendAt(knownNanos, kind.ordinal(), who, item, slot, woken);
        } else {
            log.append(kind.ordinal(), who, item, slot, woken);
        }
        if (woken > 0) {
            for (int i = 0; i < woken; i++) {
                log.append(BufferEvent.WAKE.ordinal(), track(wokenNow.get(i)), 0, 0, who);
            }
            wokenNow.clear();
        }
    }

    /** Records an event at a clock reading just made. Call only when holding lock. */
    private void recordAt(long nanos, BufferEvent kind, Worker worker, long item, int slot, int other) {
        assert lock.isHeldByCurrentThread();
        if (log != null) {
            log.appendAt(nanos, kind.ordinal(), track(worker), item, slot, other);
        }
    }

    /**
     * {@code worker}'s track in the log, named (with a REGISTER event) the first time it is seen:
     * a worker that was never registered, e.g. the plain put/take's. Call only when holding lock,
     * while recording.
     */
    private int track(Worker worker) {
        assert lock.isHeldByCurrentThread();
        int track = worker.track();
        if (track < 0) {
            track = log.addTrack(worker.name());
            worker.setTrack(track);
            log.appendNow(BufferEvent.REGISTER.ordinal(), track, 0, 0, worker.role().ordinal());
        }
        return track;
    }

    private static List<String> names(ArrayDeque<Waiter> waiters) {
        List<String> names = new ArrayList<>(waiters.size());
        for (Waiter waiter : waiters) {
            names.add(waiter.worker.name());
        }
        return List.copyOf(names);
    }

    /** The names of the waiters in {@code role}: one condition's waiters split by side (Bug.ONE_CONDITION). */
    private static List<String> names(ArrayDeque<Waiter> waiters, Worker.Role role) {
        List<String> names = new ArrayList<>(waiters.size());
        for (Waiter waiter : waiters) {
            if (waiter.worker.role() == role) {
                names.add(waiter.worker.name());
            }
        }
        return List.copyOf(names);
    }
}
