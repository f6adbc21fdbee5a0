package dev.interleave.engine.buffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Gate;

/**
 * The textbook Java monitor as a bounded buffer: {@code synchronized} on one object, producers and
 * consumers waiting in its one wait set with {@code wait()}, woken by {@code notifyAll()} (or, with
 * {@link Bug#NOTIFY}, {@code notify()}). The same contract, snapshot and events as
 * {@link BoundedBuffer}, so the lab shows it the same way.
 *
 * <p>Safe for any number of producer and consumer threads. {@code wait()} is interruptible; entering
 * the monitor is not (a thread blocked on {@code synchronized} gets in as soon as the holder leaves,
 * and sees its interrupt at its next wait). With {@link Bug#UNLOCKED_COUNT} a worker looks at the
 * count outside the monitor, records the look (entering the monitor only to write the log), then
 * sleeps 1 ms before its {@code synchronized} block (the lab holds the race open, as in
 * {@link BoundedBuffer}); an interrupt in that sleep ends its put or take before the block. What cannot
 * be seen: which thread {@code notify()} wakes (the JVM does not say) until that thread returns
 * from {@code wait()}, and who queues to enter the monitor (no REQUEST events).
 */
final class MonitorBuffer implements LabBuffer {

    /*
     * Implementation notes.
     *
     * The monitor of `monitor` guards every field below that says so; a waiter is added to the mirror
     * `waiters` before wait() in the same synchronized block, and wait() joins the monitor's wait set
     * before releasing it, so the mirror's order is the wait set's order. notifyAll() empties the wait
     * set at once: the notifier takes every waiter out of the mirror, marked notified, and records
     * each WAKE after its put or take. notify() wakes one thread the JVM picks; HotSpot picks the one
     * that has waited longest of those still in the wait set (the Java spec leaves it open), so the
     * notifier marks that waiter in the mirror as picked (`pickedBy`): the first not picked already
     * whose wait(ms) has not run out (a thread whose time ran out leaves the set by itself). The
     * picked thread records its own WAKE when it is back in the monitor, naming the notify's put or
     * take. With none to pick, every thread in the wait set has been woken already or has left by its
     * time: the real wait set is empty, and this notify() is lost, the bug's lesson (its put or take
     * records NOTIFY_LOST). With the mirror empty nobody waits at all: that notify() wakes nobody, and
     * nobody needed it (harmless; recorded as waking 0). A pick within NEAR_DEADLINE_NANOS of the
     * waiter's time running out is a guess (WAKE's item WOKEN_BY_ONE_OF): the thread may have left by
     * its time as the notify() came, and then the JVM woke the next one. That next one, back before
     * its own time ran out with no pick, takes the pick from the earliest picked timed waiter (a guess
     * too), which is then told as spurious. A waiter the lab picks for a spurious wake-up waits with
     * wait(ms): if it returns unpicked, it records SPURIOUS. Crediting instead each thread back with
     * the earliest notify() in flight, as before, told 7,881 of 64,750 spurious wake-ups for threads
     * back within 0.9 ms of a wait(1 ms), which a notify() had woken (5 runs of 3 producers, 3
     * consumers, 1 slot, notify, spurious 100 %); picked, none. A put or take that finds the mirror
     * empty skips notifyAll(): every thread in the wait set is in the mirror (it joins before wait(),
     * in the same block, and leaves only in the monitor), so the wait set is empty and notifyAll()
     * would do nothing; but each call goes into the VM to find the object's monitor. One producer, one
     * consumer, 1,024 slots, medians of 7 interleaved runs: 3.8 million items a second calling it
     * every time, 6.2 skipping it (ArrayBlockingQueue 7.4). Worker states, as in BoundedBuffer: a
     * snapshot is taken in the monitor, so a worker writes only what can be seen from there (before
     * entering, before wait(), just before leaving), never the steps inside. Visibility: every guarded
     * field is read and written inside synchronized (monitor), but for unlocked-count's look at count
     * and items.length (a data race, on purpose, only with that bug); a monitor exit happens-before
     * the next entry. The helpers say "Call only in the monitor" without asserting Thread.holdsLock:
     * Lincheck's model checker takes monitors over, and holdsLock is false under it.
     */

    private final Object monitor = new Object();

    /** The items; 0 marks an empty slot; length = capacity. Guarded by monitor. */
    private long[] items;
    /** Invariant: 0 <= putIndex < items.length. Guarded by monitor. */
    private int putIndex;
    /** Invariant: 0 <= takeIndex < items.length. Guarded by monitor. */
    private int takeIndex;
    /** Occupied slots. Invariant: 0 <= count <= items.length. Guarded by monitor. */
    private int count;
    /** The first violation, which every later one gets back (see FirstViolation). Guarded by monitor. */
    private final FirstViolation firstViolation = new FirstViolation();
    /** The capacity a shrink waits to reach, or 0. Guarded by monitor. */
    private int shrinkTo;

    private final Bug bug;
    /** The gate unlocked-count's look is followed by. */
    private final LabGate labGate = new LabGate();
    private final double spurious;
    private final EventLog log;

    /** The monitor's wait set as the lab sees it, longest-waiting first. Guarded by monitor. */
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    /** Guarded by monitor. */
    private final List<Worker> workers = new ArrayList<>();
    /** Workers the notifyAll being sent took out of the wait set, for the events after the move. Guarded by monitor. */
    private final List<Worker> wokenNow = new ArrayList<>();
    /** A waiter whose wait(ms) has this little left when a notify() picks it may have left by its time: a guess. */
    private static final long NEAR_DEADLINE_NANOS = 100_000;

    private long produced;
    private long consumed;
    private long waitsOnFull;
    private long waitsOnEmpty;
    private long producerBlockedNanos;
    private long consumerBlockedNanos;
    private long actions;
    private long futileProducerWakeups;
    private long futileConsumerWakeups;
    private long spuriousWakeups;

    /** One waiting thread. */
    private static final class Waiter {
        final Worker worker;
        /** When a spurious wait(ms) runs out (System.nanoTime()), or Long.MAX_VALUE: waits until notified. */
        final long deadline;
        /** Taken out by a notifyAll. Guarded by monitor. */
        boolean notified;
        /** The notify() that picked it, not yet told (it is not back yet), or null. Guarded by monitor. */
        Waker pickedBy;
        /** Whether the pick is a guess: its wait(ms) was about to run out. Guarded by monitor. */
        boolean pickGuessed;

        Waiter(Worker worker, long deadline) {
            this.worker = worker;
            this.deadline = deadline;
        }
    }

    MonitorBuffer(int capacity, Bug bug, double spurious, EventLog log) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
        }
        if (!bug.appliesTo(BufferImpl.MONITOR)) {
            throw new IllegalArgumentException("bug " + bug + " does not go with the monitor buffer");
        }
        this.items = new long[capacity];
        this.bug = bug;
        this.spurious = spurious;
        this.log = log;
    }

    @Override
    public BufferImpl impl() {
        return BufferImpl.MONITOR;
    }

    @Override
    public Bug bug() {
        return bug;
    }

    @Override
    public int capacity() {
        synchronized (monitor) {
            return items.length;
        }
    }

    @Override
    public EventLog log() {
        return log;
    }

    @Override
    public void register(Worker worker) {
        synchronized (monitor) {
            workers.add(Objects.requireNonNull(worker));
            worker.joined(this);
            if (log != null) {
                track(worker);
            }
        }
    }

    @Override
    public void put(Worker producer, long item) throws InterruptedException {
        if (item <= 0) {
            throw new IllegalArgumentException("items are positive, was " + item);
        }
        producer.holding(item);
        boolean sawRoom = false;
        if (bug == Bug.UNLOCKED_COUNT) {
            producer.set(WorkerState.WAITING_FOR_LOCK, Where.LOOKED);
            int seen = count; // the bug: a racy read
            long readAt = System.nanoTime();
            int slots = items.length;
            sawRoom = seen < slots;
            recordLook(producer, readAt, seen, slots, sawRoom);
            labGate.pass(producer);
            Thread.sleep(1); // the lab holds the race's window open, so the bug shows within a second, not by luck
        }
        producer.set(WorkerState.WAITING_FOR_LOCK, Where.ENTERING);
        synchronized (monitor) {
            actions++;
            for (boolean waited = false; waitsAgain(count == items.length, sawRoom, waited); waited = true) {
                if (waited) {
                    futileProducerWakeups++;
                }
                waitsOnFull++;
                long from = System.nanoTime(); // one reading for the WAIT, the blocked time and a timed wait
                recordAt(from, BufferEvent.WAIT, producer, item, waited ? BufferEvent.WAITS_AGAIN : BufferEvent.FIRST_WAIT,
                        BufferEvent.ON_NOT_FULL);
                waitHere(producer, WorkerState.WAITING_NOT_FULL, from, waited);
                producerBlockedNanos += System.nanoTime() - from;
            }
            enqueue(producer, item);
            producer.set(WorkerState.IN_BUFFER, Where.RELEASING);
        }
    }

    @Override
    public long take(Worker consumer) throws InterruptedException {
        boolean sawItem = false;
        if (bug == Bug.UNLOCKED_COUNT) {
            consumer.set(WorkerState.WAITING_FOR_LOCK, Where.LOOKED);
            int seen = count; // the bug: a racy read
            long readAt = System.nanoTime();
            sawItem = seen > 0;
            recordLook(consumer, readAt, seen, items.length, sawItem);
            labGate.pass(consumer);
            Thread.sleep(1); // the lab holds the race's window open, so the bug shows within a second, not by luck
        }
        consumer.set(WorkerState.WAITING_FOR_LOCK, Where.ENTERING);
        synchronized (monitor) {
            actions++;
            for (boolean waited = false; waitsAgain(count == 0, sawItem, waited); waited = true) {
                if (waited) {
                    futileConsumerWakeups++;
                }
                waitsOnEmpty++;
                long from = System.nanoTime(); // one reading for the WAIT, the blocked time and a timed wait
                recordAt(from, BufferEvent.WAIT, consumer, 0, waited ? BufferEvent.WAITS_AGAIN : BufferEvent.FIRST_WAIT,
                        BufferEvent.ON_NOT_EMPTY);
                waitHere(consumer, WorkerState.WAITING_NOT_EMPTY, from, waited);
                consumerBlockedNanos += System.nanoTime() - from;
            }
            long item = dequeue(consumer);
            consumer.set(WorkerState.IN_BUFFER, Where.RELEASING);
            return item;
        }
    }

    @Override
    public void holdAt(Gate gate) {
        labGate.holdAt(gate);
    }

    /**
     * Records unlocked-count's look, made at {@code readAt} outside the monitor: {@code seen} of
     * {@code slots} slots full, and whether that was room (an item) for it ({@link BufferEvent#LOOK});
     * it enters the monitor to write the log, which the look itself did not.
     */
    private void recordLook(Worker worker, long readAt, int seen, int slots, boolean sawRoomOrItem) {
        if (log == null) {
            return;
        }
        synchronized (monitor) {
            log.appendAt(readAt, BufferEvent.LOOK.ordinal(), track(worker), seen, slots,
                    BufferEvent.lookOther(worker.role(), sawRoomOrItem));
        }
    }

    /** As BoundedBuffer's: while (blocked), or the planted bug's if / unlocked read. Call only in the monitor. */
    private boolean waitsAgain(boolean blocked, boolean sawOtherwiseUnlocked, boolean waited) {
        if (sawOtherwiseUnlocked) {
            return false;
        }
        return blocked && !(waited && bug == Bug.IF_NOT_WHILE);
    }

    /**
     * One {@code monitor.wait()}, mirrored: joins the wait set's mirror, waits (for at most a few ms
     * when the lab picks this wait to end spuriously), and leaves the mirror. {@code from}: the clock
     * reading made as the wait began; {@code again}: its put or take waited before. Call only in the
     * monitor.
     */
    private void waitHere(Worker worker, WorkerState waiting, long from, boolean again) throws InterruptedException {
        // wait(ms) counts in whole ms: 1 ms, the shortest that is not "forever".
        long timed = spurious > 0 && labGate.mayEndSpuriously(again) && ThreadLocalRandom.current().nextDouble() < spurious
                ? 1 : 0;
        Waiter waiter = new Waiter(worker, timed == 0 ? Long.MAX_VALUE : from + timed * 1_000_000);
        waiters.addLast(waiter);
        worker.set(waiting, Where.WAITING);
        try {
            if (timed == 0) {
                monitor.wait();
            } else {
                monitor.wait(timed);
            }
        } catch (InterruptedException e) {
            if (waiters.remove(waiter) && log != null) {
                log.appendNow(BufferEvent.LEAVE.ordinal(), track(worker), 0, 0, 0);
            }
            // Out of the wait set, as the log's LEAVE tells it: no longer shown waiting in it, and its put
            // or take ends (wait() had the monitor back before it threw).
            worker.set(WorkerState.IN_BUFFER, Where.INTERRUPTED);
            throw e;
        }
        if (!waiter.notified) {
            waiters.remove(waiter);
            if (waiter.pickedBy == null && System.nanoTime() < waiter.deadline) {
                // Back before its time ran out, yet no notify() picked it: one picked a thread whose
                // wait(ms) ran out as it came, and the JVM's notify() went to this one instead.
                stealPick(waiter);
            }
            if (waiter.pickedBy == null) {
                // The lab's spurious wake-up (or, rarely, the JVM's own: wait() allows it).
                spuriousWakeups++;
                if (log != null) {
                    log.appendNow(BufferEvent.SPURIOUS.ordinal(), track(worker), 0, 0,
                            worker.role() == Worker.Role.PRODUCER ? BufferEvent.ON_NOT_FULL : BufferEvent.ON_NOT_EMPTY);
                }
            } else {
                // Woken by the notify() that picked it, told now that it is back in the monitor.
                Waker notifier = waiter.pickedBy;
                if (log != null) {
                    log.appendNow(BufferEvent.WAKE.ordinal(), track(worker),
                            waiter.pickGuessed ? BufferEvent.WOKEN_BY_ONE_OF : 0,
                            BufferEvent.wakerBack(notifier.move(), log.written()), track(notifier.worker()));
                }
            }
        }
        worker.set(WorkerState.IN_BUFFER, Where.CHECKING);
    }

    /** Call only in the monitor. */
    private void enqueue(Worker producer, long item) {
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
        int woken = wakeUp(producer);
        recordMove(BufferEvent.PUT, producer, item, slot, woken);
    }

    /** Call only in the monitor. */
    private long dequeue(Worker consumer) {
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
        int woken = wakeUp(consumer);
        recordMove(BufferEvent.TAKE, consumer, item, slot, woken);
        if (shrinkTo != 0) {
            shrinkStep(consumer);
        }
        return item;
    }

    /**
     * {@code monitor.notifyAll()}, or with the planted bug {@code monitor.notify()}; returns how many
     * waiters it woke, as its put's or take's event says it: a count, or {@link BufferEvent#NOTIFY_LOST}
     * for a notify() lost. Call only in the monitor.
     */
    private int wakeUp(Worker notifier) {
        if (bug == Bug.NOTIFY) {
            monitor.notify();
            if (waiters.isEmpty()) {
                return 0; // nobody waits: this notify() wakes nobody, and nobody needed it
            }
            // HotSpot's notify() wakes the thread that has waited longest of those still in the wait
            // set (the Java spec leaves the choice open): the first in the mirror not picked already
            // whose wait(ms) has not run out (a thread whose time ran out has left the set by itself).
            long now = System.nanoTime();
            for (Waiter waiter : waiters) {
                if (waiter.pickedBy == null && now < waiter.deadline) {
                    waiter.pickedBy = new Waker(notifier, log == null ? -1 : log.written()); // its move, recorded next
                    waiter.pickGuessed = waiter.deadline - now < NEAR_DEADLINE_NANOS;
                    return 1;
                }
            }
            // Every thread in the mirror was woken already, or left by its time: the wait set is
            // empty, this one is lost.
            return BufferEvent.NOTIFY_LOST;
        }
        if (waiters.isEmpty()) {
            return 0; // nobody in the wait set: notifyAll() would do nothing (see the notes)
        }
        monitor.notifyAll();
        return wakeEveryone();
    }

    /**
     * {@code back} returned from wait() before its time ran out and no notify() had picked it: the
     * JVM's notify() went to it rather than to a thread picked as its wait(ms) ran out (which then
     * left the set by its time). Takes that pick, as a guess; none such, it stays unpicked (the JVM's
     * own spurious wake-up). Call only in the monitor.
     */
    private void stealPick(Waiter back) {
        for (Waiter waiter : waiters) {
            if (waiter.pickedBy != null && waiter.deadline != Long.MAX_VALUE) {
                back.pickedBy = waiter.pickedBy;
                back.pickGuessed = true;
                waiter.pickedBy = null;
                return;
            }
        }
    }

    /** After a notifyAll: every waiter leaves the mirror, marked. Call only in the monitor. */
    private int wakeEveryone() {
        int woken = waiters.size();
        for (Waiter waiter; (waiter = waiters.pollFirst()) != null; ) {
            waiter.notified = true;
            waiter.worker.set(WorkerState.WAITING_FOR_LOCK, Where.WOKEN);
            if (log != null) {
                wokenNow.add(waiter.worker);
            }
        }
        return woken;
    }

    /** Records a put or take, then each worker its notifyAll woke. Call only in the monitor. */
    private void recordMove(BufferEvent kind, Worker worker, long item, int slot, int woken) { // woken: as wakeUp's
        if (log == null) {
            return;
        }
        int who = track(worker);
        log.append(kind.ordinal(), who, item, slot, woken);
        if (wokenNow.isEmpty()) {
            // Only a read, as BoundedBuffer's: clear() writes the list's size and modCount, and a
            // write per put and take would move that cache line between the cores.
            return;
        }
        for (Worker each : wokenNow) {
            log.append(BufferEvent.WAKE.ordinal(), track(each), 0, 0, who);
        }
        wokenNow.clear();
    }

    /** The violation to throw: the first recorded, later ones get it back (FirstViolation). Call only in the monitor. */
    private BufferViolation violation(Worker worker, long item, int slot, int what) {
        worker.set(WorkerState.IN_BUFFER, Where.WRITING); // where it leaves the monitor by the throw
        return firstViolation.keep(() -> {
            record(BufferEvent.VIOLATION, worker, item, slot, what);
            return Stalls.violation(worker, item, slot, what, items[slot], count, items.length);
        });
    }

    /** Records an event at {@code nanos}, a clock reading just made. Call only in the monitor. */
    private void recordAt(long nanos, BufferEvent kind, Worker worker, long item, int slot, int other) {
        if (log != null) {
            log.appendAt(nanos, kind.ordinal(), track(worker), item, slot, other);
        }
    }

    /** Call only in the monitor. */
    private void record(BufferEvent kind, Worker worker, long item, int slot, int other) {
        if (log != null) {
            log.appendNow(kind.ordinal(), track(worker), item, slot, other);
        }
    }

    /** Call only in the monitor, while recording. */
    private int track(Worker worker) {
        int track = worker.track();
        if (track < 0) {
            track = log.addTrack(worker.name());
            worker.setTrack(track);
            log.appendNow(BufferEvent.REGISTER.ordinal(), track, 0, 0, worker.role().ordinal());
        }
        return track;
    }

    @Override
    public void resize(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
        }
        synchronized (monitor) {
            shrinkTo = 0;
            if (capacity > items.length) {
                relocate(capacity, null);
                monitor.notifyAll(); // room at once: every waiter checks again
                int woken = waiters.size();
                wakeEveryone();
                if (log != null) {
                    for (Worker worker : wokenNow) {
                        int track = track(worker);
                        log.appendNow(BufferEvent.WAKE.ordinal(), track, 0, 0, track);
                    }
                    wokenNow.clear();
                }
                assert woken >= 0;
            } else if (capacity < items.length) {
                shrinkTo = capacity;
                shrinkStep(null);
            }
        }
    }

    /** Call only in the monitor, with shrinkTo set. */
    private void shrinkStep(Worker taker) {
        int next = Math.max(shrinkTo, count);
        if (next < items.length) {
            relocate(next, taker);
        }
        if (items.length == shrinkTo) {
            shrinkTo = 0;
        }
    }

    /** Moves the items, in order, to slots 0.. of {@code capacity} new slots. Call only in the monitor. */
    private void relocate(int capacity, Worker taker) {
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

    @Override
    public void retire(Worker worker, int end) {
        synchronized (monitor) {
            worker.set(WorkerState.DONE, Where.OUTSIDE);
            if (log != null) {
                log.appendNow(BufferEvent.DONE.ordinal(), track(worker), 0, 0, end);
            }
        }
    }

    @Override
    public int size() {
        synchronized (monitor) {
            return count;
        }
    }

    @Override
    public void parked(Worker worker) {
        synchronized (monitor) {
            boolean atLook = worker.where() == Where.LOOKED;
            worker.set(WorkerState.AT_GATE, atLook ? Where.LOOKED : Where.OUTSIDE);
            if (log != null) {
                log.appendNow(BufferEvent.PARK.ordinal(), track(worker), worker.holding(),
                        atLook ? BufferEvent.AT_LOOK : 0, 0);
            }
        }
    }

    @Override
    public void dismiss(Worker worker) {
        synchronized (monitor) {
            if (worker.state() == WorkerState.DONE) {
                return; // ended meanwhile (its items used up, or stopped): nothing to leave
            }
            worker.leave();
            if (log != null) {
                log.appendNow(BufferEvent.DISMISS.ordinal(), track(worker), 0, 0, worker.role().ordinal());
            }
        }
    }

    @Override
    public void passed(Worker worker, int how) {
        if (log != null) {
            synchronized (monitor) {
                log.appendNow(BufferEvent.PASS.ordinal(), track(worker), 0,
                        worker.where() == Where.LOOKED ? BufferEvent.AT_LOOK : 0, how);
            }
        }
    }

    @Override
    public String everyoneWaiting() {
        synchronized (monitor) {
            return Stalls.everyoneWaiting(views(), count, items.length, "the monitor", "the monitor");
        }
    }

    /** Call only in the monitor. */
    private List<BufferSnapshot.WorkerView> views() {
        List<BufferSnapshot.WorkerView> views = new ArrayList<>(workers.size());
        for (Worker worker : workers) {
            views.add(worker.view());
        }
        return List.copyOf(views);
    }

    @Override
    public BufferSnapshot snapshot() {
        synchronized (monitor) {
            List<String> full = new ArrayList<>();
            List<String> empty = new ArrayList<>();
            List<String> all = new ArrayList<>();
            for (Waiter waiter : waiters) {
                (waiter.worker.role() == Worker.Role.PRODUCER ? full : empty).add(waiter.worker.name());
                all.add(waiter.worker.name());
            }
            return new BufferSnapshot(Slots.copyOf(items), putIndex, takeIndex, count,
                    List.copyOf(full), List.copyOf(empty), views(), produced, consumed, waitsOnFull, waitsOnEmpty,
                    producerBlockedNanos, consumerBlockedNanos, actions, log == null ? 0 : log.written(), List.of(),
                    futileProducerWakeups, futileConsumerWakeups, spuriousWakeups, List.copyOf(all));
        }
    }
}
