package dev.interleave.engine.buffer;

import dev.interleave.engine.run.EventLog;

/**
 * What a bounded buffer records in its {@link EventLog}: one kind per thing a worker does, with
 * what each event's fields mean. The log's {@code kind} is the constant's ordinal; {@code track}
 * is always the worker the event is about (its number in the log, in registration order).
 *
 * <p>Worker states follow from the events (see {@link BufferReplay}): a producer is
 * {@link WorkerState#PRODUCING} from its registration or put until its next event, a consumer
 * {@link WorkerState#STARTING} from its registration and {@link WorkerState#CONSUMING} from its
 * take; a waiter woken by a signal waits for the lock until its next event, and so does a worker
 * that looked without the lock ({@link #LOOK}, the planted unlocked count only), at
 * {@link Where#LOOKED}. A worker that finds the lock free goes straight in, so only a contended
 * lock request is an event of its own ({@link #REQUEST}). Two kinds change no state: a resize
 * ({@link #RESIZE}) and a worker asked to leave ({@link #DISMISS}), which goes on as before until
 * its put or take in progress is done.
 */
public enum BufferEvent {

    /** A worker joins the buffer. other: its role's ordinal ({@link Worker.Role}). */
    REGISTER,
    /**
     * A worker asked for the buffer's lock while another thread held it, and has now got it.
     * item: the {@link System#nanoTime()} when it asked (the event's own time is when it got in,
     * or a lower bound).
     */
    REQUEST,
    /**
     * A producer put an item and signalled notEmpty. item: the item; slot: its slot; other: how many
     * waiting consumers the signal woke (each a {@link #WAKE} event right after), or
     * {@link #NOTIFY_LOST} (read the count with {@link #woken}).
     */
    PUT,
    /**
     * A consumer took an item and signalled notFull. item: the item; slot: its slot; other: how
     * many waiting producers the signal woke (each a {@link #WAKE} event right after), or
     * {@link #NOTIFY_LOST} (read the count with {@link #woken}).
     */
    TAKE,
    /**
     * A worker found the buffer full (a producer) or empty (a consumer) and waits on notFull or
     * notEmpty, joining the end of that wait set. item: the producer's item in hand (0 for a
     * consumer); slot: {@link #WAITS_AGAIN} when it was woken and found its condition still false
     * (a futile wake-up, as the buffer counts it), else {@link #FIRST_WAIT}; other: {@link #ON_NOT_FULL}
     * or {@link #ON_NOT_EMPTY}.
     */
    WAIT,
    /**
     * A waiter was woken by a signal: it leaves its wait set and waits for the lock. other: the
     * track of the worker whose put or take signalled (the event before, or a few before with
     * signal-all). item: {@link #WOKEN_BY_ONE_OF}, where the monitor's notify() came as a wait(ms)
     * was running out, so which thread it woke is a guess (the JVM does not say), else 0.
     * slot: how many events before this one that put or take is, where the woken thread tells its
     * own wake-up when it is back (the monitor's notify(), a semaphore's release()), by which time
     * its waker may have moved again; 0 where it is the waker's latest move ({@link #wakerMove}).
     */
    WAKE,
    /**
     * A waiter was interrupted (Stop): it leaves its wait set (if a signal had not already taken it
     * out), and its put or take ends there with InterruptedException, nothing put or taken (the lock
     * and the monitor had back first, or as it goes; the semaphores' mutex never asked for): after
     * it, its worker is {@link Where#INTERRUPTED}. (The lock buffer also records it for a waiter
     * back from await() with no signal credited, a missed wake-up, which then re-checks: rare, and
     * told as interrupted.)
     */
    LEAVE,
    /**
     * A worker parked at the closed gate (the run is paused), joining the end of its queue. item: the
     * item a producer waits there with (made, not yet put), 0 for a consumer; slot: {@link #AT_LOOK}
     * when it parked inside put or take, right after unlocked-count's look ({@link #LOOK}), else 0.
     */
    PARK,
    /**
     * A worker left the gate's queue. other: 0 the gate opened (Resume), 1 a step let it through,
     * 2 it was interrupted there; slot: {@link #AT_LOOK} when it had parked right after its look.
     */
    PASS,
    /**
     * A worker ended. other: {@link #DONE_FINISHED} its part was done, {@link #DONE_STOPPED} the run
     * was stopped (Stop, a failure, a violation, a stall) first, {@link #DONE_LEFT} it left (fewer
     * workers were set).
     */
    DONE,
    /**
     * A spurious wake-up, injected by the lab ({@link BufferSettings#spurious()}): a waiter left its
     * wait set without a signal and waits for the lock, to check its condition again (or not, with
     * {@link Bug#IF_NOT_WHILE}). other: {@link #ON_NOT_FULL} or {@link #ON_NOT_EMPTY}. The lock
     * buffer's and the monitor's only ({@link BufferImpl#takesSpurious()}): the semaphores'
     * {@code acquire()} returns only with a permit.
     */
    SPURIOUS,
    /**
     * A put or take was about to break a safety invariant, and the lab stopped it before it changed
     * anything ({@link BufferViolation}): the run ends as {@code violated}. item: the item (a put's,
     * or the 0 a take found); slot: the slot; other: {@link #OVER_FULL_SLOT} or
     * {@link #FROM_EMPTY_SLOT}.
     */
    VIOLATION,
    /**
     * The buffer changed size during the run: its items were moved, in order, to slots 0, 1, ...
     * of the new slots (take position 0, put position the count). item: the new number of slots;
     * track: the worker that made it happen (a taker completing a shrink), or 0 when the request
     * came from outside; it changes no worker's state.
     */
    RESIZE,
    /**
     * A worker was asked to leave the run (fewer producers or consumers set while it ran): a
     * producer puts the item it holds or is making, a consumer finishes the take in progress, if
     * any; then it ends ({@link #DONE}). other: its role's ordinal ({@link Worker.Role}); it changes
     * no worker's state. Never recorded after the worker's DONE.
     */
    DISMISS,
    /**
     * With the planted {@link Bug#UNLOCKED_COUNT} only: a worker looked at the buffer without the
     * lock, the bug's racy read, and is on its way to the lock (the lock and the monitor: after the
     * lab's 1 ms pause; the semaphores: to acquire, or straight to the mutex). item: what it read,
     * the count (the semaphores: the permits available to it); slot: the number of slots it read
     * beside it; other: {@link #lookOther}, whether it is a producer or a consumer and whether it saw
     * room (an item), so it will not check again under the lock. Recorded after the read, under the
     * lock that serializes the log (the look itself held nothing), at the read's time (raised to the
     * event before's): so its place in the log can come after events that followed the read, when
     * another worker held the lock meanwhile.
     */
    LOOK;

    private static final BufferEvent[] ALL = values();

    /** A {@link #WAKE}'s item where its waker is a guess: the notify() came as a wait(ms) was running out. */
    public static final int WOKEN_BY_ONE_OF = 1;
    /** WAIT's other: on notFull. */
    public static final int ON_NOT_FULL = 0;
    /** WAIT's other: on notEmpty. */
    public static final int ON_NOT_EMPTY = 1;
    /** VIOLATION's other: a put over a full slot. */
    public static final int OVER_FULL_SLOT = 0;
    /** VIOLATION's other: a take from an empty slot. */
    public static final int FROM_EMPTY_SLOT = 1;
    /** PASS's other: the gate opened. */
    public static final int PASS_OPENED = 0;
    /** PASS's other: a step let the worker through. */
    public static final int PASS_STEPPED = 1;
    /** PASS's other: interrupted at the gate. */
    public static final int PASS_INTERRUPTED = 2;
    /** PARK's and PASS's slot: at the gate right after unlocked-count's look, inside put or take. */
    public static final int AT_LOOK = 1;
    /** LOOK's other, a bit: it saw room (an item), and goes on without checking under the lock. */
    private static final int LOOK_SAW = 1;
    /** LOOK's other, a bit: a consumer looked (else a producer). */
    private static final int LOOK_BY_CONSUMER = 2;
    /** DONE's other: the worker's part was done (no more items to make or take). */
    public static final int DONE_FINISHED = 0;
    /** DONE's other: the run was stopped (Stop, a failure, a violation, a stall) before the worker's part was done. */
    public static final int DONE_STOPPED = 1;
    /** DONE's other: the worker left the run, fewer workers being set. */
    public static final int DONE_LEFT = 2;

    /** A WAIT's slot: the thread's first wait in this put or take. */
    public static final int FIRST_WAIT = 0;
    /**
     * A WAIT's slot: the thread waits again, woken (by a signal or spuriously) to find its condition
     * still false. Recorded by the buffer's own loop, so the words say "again" whatever part of the
     * log is read: a wait told from a step's events alone, its wake-up in an earlier step, read as a
     * first wait.
     */
    public static final int WAITS_AGAIN = 1;

    /** Whether WAIT event {@code i} is a wait again after a futile wake-up ({@link #WAITS_AGAIN}). */
    public static boolean waitsAgain(EventLog.Batch batch, int i) {
        return batch.slot(i) == WAITS_AGAIN;
    }

    /**
     * PUT's and TAKE's other for the monitor's {@code notify()} ({@link Bug#NOTIFY}) that woke nobody
     * while threads were waiting: each had been woken already by an earlier {@code notify()} not yet
     * back in the monitor, so this one is lost. Its other is 0 where nobody was waiting at all (a
     * {@code notify()} nobody needed: harmless). Never a count: at most 2 x
     * {@link BufferSettings#MAX_WORKERS} threads wait.
     */
    public static final int NOTIFY_LOST = EventLog.MAX_OTHER;

    /**
     * The number of the put or take that woke WAKE event {@code i}'s thread, or -1 where that is its
     * waker's latest move before it (see {@link #WAKE}'s slot).
     */
    public static long wakerMove(EventLog.Batch batch, int i) {
        int back = batch.slot(i);
        return back == 0 ? -1 : batch.seq(i) - back;
    }

    /**
     * A WAKE's slot for a thread woken by the put or take numbered {@code move} (-1: not recorded),
     * told now, when {@code log} has {@code written} events: how far back it is, 0 where too far to say.
     */
    static int wakerBack(long move, long written) {
        long back = written - move;
        return move < 0 || back > EventLog.MAX_SLOT ? 0 : (int) back;
    }

    /** How many waiters the PUT or TAKE event {@code i} woke: its other, but 0 for {@link #NOTIFY_LOST}. */
    public static int woken(EventLog.Batch batch, int i) {
        int other = batch.other(i);
        return other == NOTIFY_LOST ? 0 : other;
    }

    /** Whether PUT or TAKE event {@code i} was a lost {@code notify()} ({@link #NOTIFY_LOST}). */
    public static boolean notifyLost(EventLog.Batch batch, int i) {
        return batch.other(i) == NOTIFY_LOST;
    }

    /** LOOK's other: whose look ({@code role}), and whether it saw room (a consumer's: an item). */
    public static int lookOther(Worker.Role role, boolean sawRoomOrItem) {
        return (role == Worker.Role.PRODUCER ? 0 : LOOK_BY_CONSUMER) | (sawRoomOrItem ? LOOK_SAW : 0);
    }

    /** Whether LOOK event {@code i} was a producer's. */
    public static boolean lookByProducer(EventLog.Batch batch, int i) {
        return (batch.other(i) & LOOK_BY_CONSUMER) == 0;
    }

    /** Whether LOOK event {@code i} saw room (a consumer's: an item), and so goes on without checking again. */
    public static boolean lookSaw(EventLog.Batch batch, int i) {
        return (batch.other(i) & LOOK_SAW) != 0;
    }

    /** The kind a log event's number names. */
    public static BufferEvent of(int kind) {
        return ALL[kind];
    }

    /** The kind of event {@code i} of {@code batch}. */
    public static BufferEvent of(EventLog.Batch batch, int i) {
        return ALL[batch.kind(i)];
    }

    /** The wait a WAIT or SPURIOUS event's {@code other} names: {@link #ON_NOT_FULL} or {@link #ON_NOT_EMPTY}. */
    public static WorkerState waitState(int other) {
        return other == ON_NOT_FULL ? WorkerState.WAITING_NOT_FULL : WorkerState.WAITING_NOT_EMPTY;
    }

    /**
     * The state of event {@code i}'s worker ({@code batch.track(i)}) right after it, by the rules in
     * the class comment; the same for a rebuilt buffer and a trace.
     */
    public static WorkerState stateAfter(EventLog.Batch batch, int i) {
        return switch (of(batch, i)) {
            case REGISTER -> batch.other(i) == Worker.Role.PRODUCER.ordinal() ? WorkerState.PRODUCING
                    : WorkerState.STARTING;
            case REQUEST -> WorkerState.IN_BUFFER;
            case PUT -> WorkerState.PRODUCING;
            case TAKE -> WorkerState.CONSUMING;
            case WAIT -> waitState(batch.other(i));
            case WAKE, SPURIOUS, LOOK -> WorkerState.WAITING_FOR_LOCK;
            // Interrupted in its wait: still in its put or take, which ends by the exception.
            case LEAVE -> WorkerState.IN_BUFFER;
            // Interrupted at the gate, its put or take ends there, without the lock.
            case PASS -> batch.other(i) == PASS_INTERRUPTED ? WorkerState.AT_GATE : WorkerState.WAITING_FOR_LOCK;
            case PARK -> WorkerState.AT_GATE;
            case DONE -> WorkerState.DONE;
            case VIOLATION -> WorkerState.IN_BUFFER;
            case RESIZE, DISMISS -> throw new IllegalArgumentException(of(batch, i) + " changes no worker's state");
        };
    }

    /**
     * Where event {@code i}'s worker is in put or take right after it ({@link Where}), by the same
     * rules: what the scrubber shows for each chip's line.
     */
    public static Where whereAfter(EventLog.Batch batch, int i) {
        return switch (of(batch, i)) {
            case REGISTER, PUT, TAKE, DONE -> Where.OUTSIDE;
            case PARK -> batch.slot(i) == AT_LOOK ? Where.LOOKED : Where.OUTSIDE;
            // Through the gate, it asks for the lock next (stateAfter: waiting for lock), at the line
            // that takes it: the code panel listed it under "Producers not in put()" while its chip
            // said "waiting for lock" (a lecturer's tryout, rewound). Interrupted there, it never asks.
            case PASS -> batch.slot(i) == AT_LOOK ? Where.LOOKED
                    : batch.other(i) == PASS_INTERRUPTED ? Where.OUTSIDE : Where.ENTERING;
            case REQUEST -> Where.CHECKING;
            case WAIT -> Where.WAITING;
            case WAKE, SPURIOUS -> Where.WOKEN;
            case LEAVE -> Where.INTERRUPTED;
            case VIOLATION -> Where.WRITING;
            case LOOK -> Where.LOOKED;
            case RESIZE, DISMISS -> throw new IllegalArgumentException(of(batch, i) + " changes no worker's state");
        };
    }

    /** Whether this kind is about a worker (all but {@link #RESIZE}). */
    public boolean aboutAWorker() {
        return this != RESIZE;
    }

    /**
     * Whether an event of this kind changes its worker's state (all but {@link #RESIZE} and
     * {@link #DISMISS}): {@link #stateAfter} and {@link #whereAfter} answer only for these.
     */
    public boolean changesAState() {
        return this != RESIZE && this != DISMISS;
    }

    /** Whether this kind is a put or a take: an action that moves an item. */
    public boolean movesAnItem() {
        return this == PUT || this == TAKE;
    }
}
