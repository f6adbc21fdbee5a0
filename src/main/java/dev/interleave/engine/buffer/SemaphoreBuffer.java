package dev.interleave.engine.buffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Gate;

/**
 * Dijkstra's bounded buffer: a counting semaphore of free slots, one of filled slots, and a binary
 * semaphore as the mutex around the slots. A producer takes a free-slot permit (waiting while there
 * is none), writes its slot under the mutex, and gives a filled-slot permit; a consumer the other
 * way round. No condition is checked in a loop of ours: a permit is the condition, and
 * {@code acquire()} returns only with one, so no code here wakes to find nothing. {@code release()}
 * adds a permit and unparks the first queued thread, which must then take it. On non-fair semaphores
 * an arriving thread may take it first (barging), and the woken thread parks again inside
 * {@code acquire()} (AbstractQueuedSynchronizer), a futile wake-up this class cannot see: it sees
 * {@code acquire()} as one call. Fair semaphores (constructor {@code fair}) serve their queue in
 * order, this class's first try for a permit included: an arriving thread queues behind the waiting
 * ones. The same contract, snapshot and events as {@link BoundedBuffer}.
 *
 * <p>Safe for any number of producer and consumer threads; every acquire is interruptible, and an
 * interrupted put or take gives back the permit it held. With {@link Bug#UNLOCKED_COUNT} a worker
 * looks at {@code availablePermits()} and, seeing one, goes on without taking it (check-then-act:
 * the look is not the act): the next producer sees the same permit, and writes over a full slot.
 */
final class SemaphoreBuffer implements LabBuffer {

    /*
     * Implementation notes.
     *
     * `mutex` (a permit of 1) guards items, putIndex, takeIndex, count and the slot-retiring of a
     * shrink. `books` (a ReentrantLock) guards the lab's records: the wait-set mirrors, the worker
     * list, the counters and the log (the log's writers' lock is books). Lock order mutex -> books;
     * a waiter takes books alone. snapshot() takes both, so it sees no slot write half done.
     * The wait sets mirrored are the threads blocked in freeSlots.acquire() (producers: no free slot, the
     * notFull of the other buffers) and filledSlots.acquire() (consumers): a worker that gets no permit at
     * once (tryAcquireNow: the semaphore's own policy, so on a fair one no permit while others are queued)
     * joins the mirror, waits, and leaves it itself when the permit comes, crediting with its WAKE the
     * earliest release still in flight (`freeReleases`, `filledReleases`, guarded by books): a semaphore does
     * not say whom a release unparks, but release() unparks the thread blocked longest, and each put or take
     * that releases while more threads are blocked than releases are in flight adds one; a waiter whose
     * permit came before it joined the mirror finds none in flight and credits the latest releaser
     * (latestReleaser) with its latest release no wake-up has credited (uncreditedMove). A thread that gets a permit at once while fewer permits are left than releases in
     * flight has barged in on one (a non-fair semaphore lets it): the unparked thread blocks again, and the
     * earliest release is dropped, spent. Each wait is one untimed acquire(), so it has no spurious or futile
     * wake-up to record: the lab's spurious setting is a condition variable's and is not taken here
     * (BufferImpl.takesSpurious): acquire() returns only with a permit, so this code has no loop for a
     * spurious wake-up to test.
     * A wait's clock readings (its WAIT's time, the start and the end of its blocked time) are made
     * before books is taken, so that the workers queueing for books do not wait for the clock too; its
     * blocked time includes that queueing.
     *
     * Resizing keeps this invariant: free permits (may be negative while shrinking) + permits held by
     * producers not yet written + count + permits about to be released by consumers = items.length
     * + the slots still to retire. Growing adds slots, then permits. Shrinking retires one slot per
     * free permit it can take (tryAcquireNow proves that slot is nobody's; on a fair semaphore it takes
     * none while producers are queued for one), and after that one per take,
     * whose consumer keeps its free-slot permit instead of releasing it.
     * Visibility: the slots are read and written holding mutex (release happens-before the next
     * acquire); the records holding books.
     */

    private final Semaphore freeSlots;
    private final Semaphore filledSlots;
    private final Semaphore mutex;
    private final ReentrantLock books = new ReentrantLock();

    /**
     * The items; 0 marks an empty slot. Guarded by mutex; replaced (relocate) holding books too, so
     * its length can be read under either.
     */
    private long[] items;
    /** Guarded by mutex. */
    private int putIndex;
    /** Guarded by mutex. */
    private int takeIndex;
    /** Occupied slots. Guarded by mutex. */
    private int count;
    /** The first violation, which every later one gets back (see FirstViolation). Guarded by mutex. */
    private final FirstViolation firstViolation = new FirstViolation();
    /** Slots a shrink has still to retire. Guarded by mutex. */
    private int toRetire;

    private final Bug bug;
    /** The gate unlocked-count's look is followed by. */
    private final LabGate labGate = new LabGate();
    private final EventLog log;

    /** Producers blocked in freeSlots.acquire(), longest first. Guarded by books. */
    private final ArrayDeque<Worker> notFullWaiters = new ArrayDeque<>();
    /** Consumers blocked in filledSlots.acquire(), longest first. Guarded by books. */
    private final ArrayDeque<Worker> notEmptyWaiters = new ArrayDeque<>();
    /** Guarded by books. */
    private final List<Worker> workers = new ArrayList<>();
    /**
     * The releases of a free-slot / filled-slot permit that unpark a blocked thread not yet back
     * from acquire(), earliest first: each release() unparks the thread queued longest, and the
     * threads coming back credit them in that order (the latest releaser was credited, though a
     * release before it had unparked the thread). A null worker: the buffer grew. Guarded by books.
     */
    private final ArrayDeque<Waker> freeReleases = new ArrayDeque<>();
    private final ArrayDeque<Waker> filledReleases = new ArrayDeque<>();
    /**
     * The worker of the latest take noted as releasing a free-slot permit ([{@link #FREE}]) and of the
     * latest put a filled-slot one ([{@link #FILLED}]), whether or not a thread was blocked for it
     * (null: the buffer grew, or none yet): a waiter that finds no release in flight when its permit
     * comes is credited with that worker's latest release not yet credited, looked up in the log. Such a waiter found no permit, and a release
     * came before it joined the mirror (a moment later, under books): it was credited to no one, and
     * the trace drew P1's own put waking P1. A convention, not a certainty: permits are alike, a
     * release is noted before it is made, and the one that unparked the waiter may be an earlier one
     * not yet credited. Written only when the worker changes, and no move kept: written at every put
     * and take, a worker and a move cost the recorded 1/1/1024 run an eighth of its items a second
     * (0.88x in 9 interleaved rounds). Guarded by books.
     */
    private final Worker[] latestReleaser = new Worker[2];
    /** {@link #latestReleaser}'s index of the free-slot side, and of the filled-slot side. */
    private static final int FREE = 0;
    private static final int FILLED = 1;
    /**
     * How many of each are in flight: written under books as they change, read without it where a
     * permit came at once, which takes books only where it may have barged in on one (taking it at
     * every such acquire cost a recorded run with one producer, one consumer and 1,024 slots a fifth
     * of its items a second, and a flag for both of them still a seventh).
     */
    private volatile int freeInFlight;
    private volatile int filledInFlight;

    /** Guarded by books, as the counters below. */
    private long produced;
    private long consumed;
    private long waitsOnFull;
    private long waitsOnEmpty;
    private long producerBlockedNanos;
    private long consumerBlockedNanos;
    private long actions;

    /**
     * The lab's semaphore buffer, with {@code bug} planted and its events recorded in {@code log}
     * (null: nothing recorded). It takes no spurious rate: acquire() never wakes without a permit.
     */
    SemaphoreBuffer(int capacity, boolean fair, Bug bug, EventLog log) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
        }
        if (!bug.appliesTo(BufferImpl.SEMAPHORE)) {
            throw new IllegalArgumentException("bug " + bug + " does not go with the semaphore buffer");
        }
        this.items = new long[capacity];
        this.freeSlots = new Semaphore(capacity, fair);
        this.filledSlots = new Semaphore(0, fair);
        this.mutex = new Semaphore(1, fair);
        this.bug = bug;
        this.log = log;
    }

    @Override
    public BufferImpl impl() {
        return BufferImpl.SEMAPHORE;
    }

    @Override
    public Bug bug() {
        return bug;
    }

    @Override
    public int capacity() {
        mutex.acquireUninterruptibly();
        try {
            return items.length;
        } finally {
            mutex.release();
        }
    }

    @Override
    public EventLog log() {
        return log;
    }

    @Override
    public void register(Worker worker) {
        books.lock();
        try {
            workers.add(Objects.requireNonNull(worker));
            worker.joined(this);
            if (log != null) {
                track(worker);
            }
        } finally {
            books.unlock();
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
            int seen = freeSlots.availablePermits(); // the bug: looks only
            long readAt = System.nanoTime();
            sawRoom = seen > 0;
            recordLook(producer, readAt, seen, sawRoom);
            labGate.pass(producer);
        }
        producer.set(WorkerState.WAITING_FOR_LOCK, Where.CHECKING);
        boolean waited = false;
        if (!sawRoom) {
            waited = acquire(freeSlots, producer, item);
        }
        producer.set(WorkerState.WAITING_FOR_LOCK, Where.ENTERING);
        try {
            mutex.acquire();
        } catch (InterruptedException e) {
            if (!sawRoom) {
                freeSlots.release();
            }
            throw e;
        }
        try {
            producer.set(WorkerState.IN_BUFFER, Where.WRITING);
            int slot = putIndex;
            if (items[slot] != 0 || firstViolation.happened()) {
                throw violation(producer, item, slot, BufferEvent.OVER_FULL_SLOT);
            }
            items[slot] = item;
            if (++putIndex == items.length) {
                putIndex = 0;
            }
            count++;
            books.lock();
            try {
                if (!waited) {
                    actions++; // counted at its first event, as the replay counts it
                }
                produced++;
                releasing(false, notEmptyWaiters, producer);
                if (log != null) {
                    log.append(BufferEvent.PUT.ordinal(), track(producer), item, slot, 0);
                }
            } finally {
                books.unlock();
            }
        } finally {
            producer.setWhere(Where.RELEASING);
            mutex.release();
        }
        producer.setWhere(Where.SIGNALLING);
        filledSlots.release();
    }

    @Override
    public long take(Worker consumer) throws InterruptedException {
        boolean sawItem = false;
        if (bug == Bug.UNLOCKED_COUNT) {
            consumer.set(WorkerState.WAITING_FOR_LOCK, Where.LOOKED);
            int seen = filledSlots.availablePermits(); // the bug: looks only
            long readAt = System.nanoTime();
            sawItem = seen > 0;
            recordLook(consumer, readAt, seen, sawItem);
            labGate.pass(consumer);
        }
        consumer.set(WorkerState.WAITING_FOR_LOCK, Where.CHECKING);
        boolean waited = false;
        if (!sawItem) {
            waited = acquire(filledSlots, consumer, 0);
        }
        consumer.set(WorkerState.WAITING_FOR_LOCK, Where.ENTERING);
        try {
            mutex.acquire();
        } catch (InterruptedException e) {
            if (!sawItem) {
                filledSlots.release();
            }
            throw e;
        }
        long item;
        boolean keepPermit = false;
        try {
            consumer.set(WorkerState.IN_BUFFER, Where.WRITING);
            int slot = takeIndex;
            item = items[slot];
            if (item == 0 || firstViolation.happened()) {
                throw violation(consumer, 0, slot, BufferEvent.FROM_EMPTY_SLOT);
            }
            items[slot] = 0;
            if (++takeIndex == items.length) {
                takeIndex = 0;
            }
            count--;
            books.lock();
            try {
                if (!waited) {
                    actions++;
                }
                consumed++;
                if (toRetire == 0) { // else this slot goes, and no permit is released
                    releasing(true, notFullWaiters, consumer);
                }
                if (log != null) {
                    log.append(BufferEvent.TAKE.ordinal(), track(consumer), item, slot, 0);
                }
                if (toRetire > 0) {
                    // A shrink waits for room: this slot goes, and its free-slot permit with it.
                    toRetire--;
                    keepPermit = true;
                    relocate(items.length - 1, consumer);
                }
            } finally {
                books.unlock();
            }
        } finally {
            consumer.setWhere(Where.RELEASING);
            mutex.release();
        }
        consumer.setWhere(Where.SIGNALLING);
        if (!keepPermit) {
            freeSlots.release();
        }
        return item;
    }

    @Override
    public void holdAt(Gate gate) {
        labGate.holdAt(gate);
    }

    /**
     * Records unlocked-count's look, made at {@code readAt}: {@code seen} permits, none taken, and
     * whether that was one for it ({@link BufferEvent#LOOK}; slot: the number of slots, read under
     * books, which relocate holds as it replaces the items).
     */
    private void recordLook(Worker worker, long readAt, int seen, boolean sawRoomOrItem) {
        if (log == null) {
            return;
        }
        books.lock();
        try {
            log.appendAt(readAt, BufferEvent.LOOK.ordinal(), track(worker), seen, items.length,
                    BufferEvent.lookOther(worker.role(), sawRoomOrItem));
        } finally {
            books.unlock();
        }
    }

    /**
     * Takes a permit of {@code permits} (freeSlots for a producer, filledSlots for a consumer): at
     * once if there is one, else as one mirrored wait in {@code acquire()}, which returns only with a
     * permit (or throws, the thread interrupted: then a LEAVE). Returns whether it waited (and so
     * counted the action at its WAIT).
     */
    private boolean acquire(Semaphore permits, Worker worker, long item) throws InterruptedException {
        boolean producer = worker.role() == Worker.Role.PRODUCER;
        if (tryAcquireNow(permits)) {
            int inFlight = producer ? freeInFlight : filledInFlight;
            if (inFlight > 0 && permits.availablePermits() < inFlight) {
                books.lock();
                try {
                    // Fewer permits left than releases in flight: it barged in on a permit released for
                    // a blocked thread, which goes back to waiting, and that release is spent.
                    ArrayDeque<Waker> releases = producer ? freeReleases : filledReleases;
                    if (permits.availablePermits() < releases.size()) {
                        releases.pollFirst();
                        noteReleasesInFlight();
                    }
                } finally {
                    books.unlock();
                }
            }
            return false;
        }
        ArrayDeque<Worker> mirror = producer ? notFullWaiters : notEmptyWaiters;
        // The clock is read before books is taken (and after the wait, before it is taken again):
        // other workers queue for books meanwhile.
        long waitsFrom = System.nanoTime();
        books.lock();
        try {
            actions++;
            if (producer) {
                waitsOnFull++;
            } else {
                waitsOnEmpty++;
            }
            if (log != null) {
                log.appendAt(waitsFrom, BufferEvent.WAIT.ordinal(), track(worker), item, 0,
                        producer ? BufferEvent.ON_NOT_FULL : BufferEvent.ON_NOT_EMPTY);
            }
            mirror.addLast(worker);
            worker.set(producer ? WorkerState.WAITING_NOT_FULL : WorkerState.WAITING_NOT_EMPTY, Where.WAITING);
        } finally {
            books.unlock();
        }
        boolean got = false;
        try {
            permits.acquire();
            got = true;
        } finally {
            long back = System.nanoTime();
            books.lock();
            try {
                mirror.remove(worker);
                ArrayDeque<Waker> releases = producer ? freeReleases : filledReleases;
                Waker releaser = got ? releases.pollFirst() : null;
                if (got && releaser == null) {
                    // None in flight: the latest releaser, with its latest release no wake-up has
                    // credited (it was told with no move: LabDetectorTest, now and then in CI).
                    Worker latest = latestReleaser[producer ? FREE : FILLED];
                    releaser = new Waker(latest, latest == null ? -1
                            : uncreditedMove(latest, producer ? BufferEvent.TAKE : BufferEvent.PUT));
                }
                while (releases.size() > mirror.size()) {
                    releases.pollFirst(); // interrupted: a release in flight may have been its, spent
                }
                noteReleasesInFlight();
                long blocked = back - waitsFrom;
                if (producer) {
                    producerBlockedNanos += blocked;
                } else {
                    consumerBlockedNanos += blocked;
                }
                if (got) {
                    worker.set(WorkerState.WAITING_FOR_LOCK, Where.WOKEN);
                } else {
                    worker.set(WorkerState.IN_BUFFER, Where.INTERRUPTED); // its put or take ends, no mutex asked for
                }
                if (log != null) {
                    int track = track(worker);
                    if (got) {
                        // None in flight: the latest release (see latestReleaser); one the buffer
                        // made (it grew) is told as the buffer's own.
                        log.appendAt(back, BufferEvent.WAKE.ordinal(), track, 0,
                                BufferEvent.wakerBack(releaser.move(), log.written()),
                                releaser.worker() == null ? track : track(releaser.worker()));
                    } else {
                        log.appendAt(back, BufferEvent.LEAVE.ordinal(), track, 0, 0,
                                producer ? BufferEvent.ON_NOT_FULL : BufferEvent.ON_NOT_EMPTY);
                    }
                }
            } finally {
                books.unlock();
            }
        }
        return true;
    }

    /**
     * Notes a release of a {@code free}-slot permit (else a filled-slot one) by {@code releaser}'s put
     * or take, about to be recorded (null: the buffer grew): always as the latest release, and as one
     * that will unpark a thread blocked in {@code waiters}' acquire(), if one is blocked there that no
     * release in flight unparks yet. Call only holding books.
     */
    private void releasing(boolean free, ArrayDeque<Worker> waiters, Worker releaser) {
        assert books.isHeldByCurrentThread();
        int side = free ? FREE : FILLED;
        if (latestReleaser[side] != releaser) {
            latestReleaser[side] = releaser;
        }
        ArrayDeque<Waker> releases = free ? freeReleases : filledReleases;
        if (waiters.size() > releases.size()) {
            releases.addLast(new Waker(releaser, releaser == null || log == null ? -1 : log.written()));
            noteReleasesInFlight();
        }
    }

    /** How far back, in events, {@link #uncreditedMove} looks. */
    private static final int LOOK_BACK = 4_096;

    /**
     * The number of {@code releaser}'s latest {@code kind} event (a put or a take: a release) in the
     * log's last {@link #LOOK_BACK} events that no wake-up there has credited, or -1 (none, or not
     * recording). Read only on the rare wake-up that finds no release in flight: its permit came
     * before it joined the mirror, from a release nobody was credited with. Looked up in the log, not
     * kept: kept at every put and take, a move cost the recorded run an eighth of its items a second.
     * Call only holding books (every event is recorded under it).
     */
    private long uncreditedMove(Worker releaser, BufferEvent kind) {
        assert books.isHeldByCurrentThread();
        if (log == null) {
            return -1;
        }
        int track = track(releaser);
        long end = log.written();
        EventLog.Batch recent = log.read(Math.max(0, end - LOOK_BACK), LOOK_BACK);
        Set<Long> credited = new HashSet<>();
        for (int i = recent.size() - 1; i >= 0; i--) { // a wake-up comes after the move it credits
            BufferEvent event = BufferEvent.of(recent, i);
            if (event == BufferEvent.WAKE) {
                credited.add(BufferEvent.wakerMove(recent, i));
            } else if (event == kind && recent.track(i) == track && !credited.contains(recent.seq(i))) {
                return recent.seq(i);
            }
        }
        return -1;
    }

    /** Sets {@link #freeInFlight} and {@link #filledInFlight} after a change. Call only holding books. */
    private void noteReleasesInFlight() {
        if (freeInFlight != freeReleases.size()) {
            freeInFlight = freeReleases.size();
        }
        if (filledInFlight != filledReleases.size()) {
            filledInFlight = filledReleases.size();
        }
    }

    /**
     * Takes a permit of {@code permits} if the semaphore's own policy gives one now: a fair semaphore
     * only when no thread is queued ahead, a non-fair one whenever a permit is free (barging). Not the
     * untimed {@code tryAcquire()}, which barges even on a fair semaphore (its Javadoc says so, and
     * names this call as the one that honours fairness); like {@code acquire()}, it throws if the
     * thread is interrupted.
     */
    private static boolean tryAcquireNow(Semaphore permits) throws InterruptedException {
        return permits.tryAcquire(0, TimeUnit.SECONDS);
    }

    /** The violation to throw: the first recorded, later ones get it back (FirstViolation). Call only holding mutex. */
    private BufferViolation violation(Worker worker, long item, int slot, int what) {
        return firstViolation.keep(() -> {
            books.lock();
            try {
                if (log != null) {
                    log.appendNow(BufferEvent.VIOLATION.ordinal(), track(worker), item, slot, what);
                }
            } finally {
                books.unlock();
            }
            return Stalls.violation(worker, item, slot, what, items[slot], count, items.length);
        });
    }

    /** Call only holding books, while recording. */
    private int track(Worker worker) {
        assert books.isHeldByCurrentThread();
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
        mutex.acquireUninterruptibly();
        try {
            books.lock();
            try {
                int target = items.length - toRetire;
                if (capacity > target) {
                    int more = capacity - target;
                    int cancelled = Math.min(more, toRetire);
                    toRetire -= cancelled;
                    int grow = more - cancelled;
                    if (grow > 0) {
                        relocate(items.length + grow, null);
                        for (int i = 0; i < grow; i++) {
                            releasing(true, notFullWaiters, null);
                        }
                        freeSlots.release(grow);
                    }
                } else if (capacity < target) {
                    toRetire += target - capacity;
                    // Each free permit taken now proves a slot nobody holds: retire it at once. The
                    // rest (and all, if this thread is interrupted: resize does not throw) retire at takes.
                    try {
                        while (toRetire > 0 && items.length > count && tryAcquireNow(freeSlots)) {
                            toRetire--;
                            relocate(items.length - 1, null);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            } finally {
                books.unlock();
            }
        } finally {
            mutex.release();
        }
    }

    /** Moves the items, in order, to slots 0.. of {@code capacity} new slots. Call only holding mutex and books. */
    private void relocate(int capacity, Worker taker) {
        assert books.isHeldByCurrentThread() && capacity >= count;
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
        books.lock();
        try {
            worker.set(WorkerState.DONE, Where.OUTSIDE);
            if (log != null) {
                log.appendNow(BufferEvent.DONE.ordinal(), track(worker), 0, 0, end);
            }
        } finally {
            books.unlock();
        }
    }

    @Override
    public int size() {
        mutex.acquireUninterruptibly();
        try {
            return count;
        } finally {
            mutex.release();
        }
    }

    @Override
    public void parked(Worker worker) {
        books.lock();
        try {
            boolean atLook = worker.where() == Where.LOOKED;
            worker.set(WorkerState.AT_GATE, atLook ? Where.LOOKED : Where.OUTSIDE);
            if (log != null) {
                log.appendNow(BufferEvent.PARK.ordinal(), track(worker), worker.holding(),
                        atLook ? BufferEvent.AT_LOOK : 0, 0);
            }
        } finally {
            books.unlock();
        }
    }

    @Override
    public void dismiss(Worker worker) {
        books.lock();
        try {
            if (worker.state() == WorkerState.DONE) {
                return; // ended meanwhile (its items used up, or stopped): nothing to leave
            }
            worker.leave();
            if (log != null) {
                log.appendNow(BufferEvent.DISMISS.ordinal(), track(worker), 0, 0, worker.role().ordinal());
            }
        } finally {
            books.unlock();
        }
    }

    @Override
    public void passed(Worker worker, int how) {
        if (log != null) {
            books.lock();
            try {
                log.appendNow(BufferEvent.PASS.ordinal(), track(worker), 0,
                        worker.where() == Where.LOOKED ? BufferEvent.AT_LOOK : 0, how);
            } finally {
                books.unlock();
            }
        }
    }

    @Override
    public String everyoneWaiting() {
        books.lock();
        try {
            // count and capacity read without the mutex: words only, a moment old at worst.
            return Stalls.everyoneWaiting(views(), filledSlots.availablePermits(), freeSlots.availablePermits()
                    + filledSlots.availablePermits(), "freeSlots", "filledSlots");
        } finally {
            books.unlock();
        }
    }

    /** Call only holding books. */
    private List<BufferSnapshot.WorkerView> views() {
        List<BufferSnapshot.WorkerView> views = new ArrayList<>(workers.size());
        for (Worker worker : workers) {
            views.add(worker.view());
        }
        return List.copyOf(views);
    }

    @Override
    public BufferSnapshot snapshot() {
        mutex.acquireUninterruptibly();
        try {
            books.lock();
            try {
                return new BufferSnapshot(Slots.copyOf(items), putIndex, takeIndex, count,
                        names(notFullWaiters), names(notEmptyWaiters), views(), produced, consumed, waitsOnFull,
                        waitsOnEmpty, producerBlockedNanos, consumerBlockedNanos, actions,
                        log == null ? 0 : log.written(), List.of()); // acquire() wakes only with a permit
            } finally {
                books.unlock();
            }
        } finally {
            mutex.release();
        }
    }

    private static List<String> names(ArrayDeque<Worker> waiting) {
        return waiting.stream().map(Worker::name).toList();
    }
}
