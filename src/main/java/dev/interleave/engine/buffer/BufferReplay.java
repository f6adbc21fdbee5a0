package dev.interleave.engine.buffer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.History;
import dev.interleave.engine.run.Replay;

/**
 * A bounded buffer rebuilt from its recorded events: apply events 0..k-1 to an empty buffer, and
 * it holds what the real buffer held after event k-1: the slots, the put and take positions, both
 * wait sets in order, the queue at the gate, each worker's state, who was asked to leave, and the
 * counters. So a run can be
 * shown as it was at any recorded event (the window's scrubber), and a test can check that the log
 * missed nothing by comparing with snapshots taken during the run.
 *
 * <p>States between events follow {@link BufferEvent}'s rules: after its put a producer is
 * producing, after its take a consumer is consuming, a woken waiter waits for the lock. Not
 * thread-safe: one thread applies and reads; {@link #copy()} makes an independent checkpoint.
 */
public final class BufferReplay implements Replay<BufferReplay> {

    /** The slots, shared with the copies made of this replay until one side writes; replaced by a resize. */
    private SharedSlots slots;
    private int putIndex;
    private int takeIndex;
    private int count;
    private long produced;
    private long consumed;
    private long waitsOnFull;
    private long waitsOnEmpty;
    private long actions;
    private long futileProducerWakeups;
    private long futileConsumerWakeups;
    private long spuriousWakeups;
    /** By track: whether it was woken (signal or spurious) and has not put, taken or waited since. */
    private final List<Boolean> woken;
    /** Events applied: the state is the buffer's after event applied - 1. */
    private long applied;
    /** The track of the latest put or take, while wake-ups its signal made are still to come; else -1. */
    private int mover = -1;
    /** The wake-ups the latest put or take made that have not been applied yet. */
    private int wakesToCome;
    /** By track. */
    private final List<String> names;
    private final List<Worker.Role> roles;
    private final List<WorkerState> states;
    /** By track: where in put or take. */
    private final List<Where> wheres;
    /** By track: the item a producer parked at the gate or waited on notFull with (0 before any). */
    private final List<Long> inHand;
    /** By track: whether its current put or take has entered the lock (and been counted in actions). */
    private final List<Boolean> inCall;
    /** By track: whether it was asked to leave the run. */
    private final List<Boolean> dismissed;
    /** Tracks in notFull's wait set, longest-waiting first. */
    private final List<Integer> notFull;
    /** Tracks in notEmpty's wait set, longest-waiting first. */
    private final List<Integer> notEmpty;
    /** Tracks parked at the gate, in arrival order. */
    private final List<Integer> atGate;
    /** Whether producers and consumers wait in one wait set (Bug.ONE_CONDITION). */
    private final boolean oneWaitSet;
    /** Tracks waiting, both sides, in wait order: the one wait set when there is one. */
    private final List<Integer> waiting;

    /** An empty buffer of {@code capacity} slots, before event 0, whose sides wait apart. */
    public BufferReplay(int capacity) {
        this(capacity, false);
    }

    /**
     * An empty buffer of {@code capacity} slots, before event 0; {@code oneWaitSet}: its producers
     * and consumers wait in one wait set (the snapshot then shows it in wait order).
     */
    public BufferReplay(int capacity, boolean oneWaitSet) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
        }
        slots = new SharedSlots(capacity);
        names = new ArrayList<>();
        roles = new ArrayList<>();
        states = new ArrayList<>();
        wheres = new ArrayList<>();
        inHand = new ArrayList<>();
        inCall = new ArrayList<>();
        dismissed = new ArrayList<>();
        woken = new ArrayList<>();
        notFull = new ArrayList<>();
        notEmpty = new ArrayList<>();
        atGate = new ArrayList<>();
        this.oneWaitSet = oneWaitSet;
        waiting = new ArrayList<>();
    }

    /** A replay of a run of {@code settings}: its capacity, and one wait set as {@link BufferSettings#oneWaitSet}. */
    public static BufferReplay of(BufferSettings settings) {
        return new BufferReplay(settings.capacity(), settings.oneWaitSet());
    }

    private BufferReplay(BufferReplay from) {
        slots = from.slots.copy();
        putIndex = from.putIndex;
        takeIndex = from.takeIndex;
        count = from.count;
        produced = from.produced;
        consumed = from.consumed;
        waitsOnFull = from.waitsOnFull;
        waitsOnEmpty = from.waitsOnEmpty;
        actions = from.actions;
        futileProducerWakeups = from.futileProducerWakeups;
        futileConsumerWakeups = from.futileConsumerWakeups;
        spuriousWakeups = from.spuriousWakeups;
        woken = new ArrayList<>(from.woken);
        applied = from.applied;
        mover = from.mover;
        wakesToCome = from.wakesToCome;
        names = new ArrayList<>(from.names);
        roles = new ArrayList<>(from.roles);
        states = new ArrayList<>(from.states);
        wheres = new ArrayList<>(from.wheres);
        inHand = new ArrayList<>(from.inHand);
        inCall = new ArrayList<>(from.inCall);
        dismissed = new ArrayList<>(from.dismissed);
        notFull = new ArrayList<>(from.notFull);
        notEmpty = new ArrayList<>(from.notEmpty);
        atGate = new ArrayList<>(from.atGate);
        oneWaitSet = from.oneWaitSet;
        waiting = new ArrayList<>(from.waiting);
    }

    /** An independent copy of this state. */
    @Override
    public BufferReplay copy() {
        return new BufferReplay(this);
    }

    /** Events applied so far: the state is as it was after event {@code events() - 1}. */
    @Override
    public long events() {
        return applied;
    }

    /**
     * A wake-up the latest put or take made, written just after it under the same hold of the lock
     * (its WAKE names the mover): the put and whom its signal woke are one action. A notify() names
     * no one (its woken tells it later, itself), so its move completes nothing.
     */
    @Override
    public boolean completes(EventLog.Batch batch, int i) {
        return wakesToCome > 0 && BufferEvent.of(batch, i) == BufferEvent.WAKE && batch.other(i) == mover
                && batch.track(i) != mover;
    }

    /**
     * Applies {@code batch}'s events up to (not including) event number {@code until}, from the
     * next one not yet applied.
     *
     * @throws IllegalArgumentException if the batch starts after the next event to apply (a gap)
     */
    @Override
    public void applyUntil(EventLog.Batch batch, long until) {
        if (batch.firstSeq() > applied && batch.size() > 0) {
            throw new IllegalArgumentException("events " + applied + " to " + (batch.firstSeq() - 1)
                    + " are missing (dropped from the log, or never read)");
        }
        long end = Math.min(until, batch.endSeq());
        for (long seq = applied; seq < end; seq++) {
            apply(batch, (int) (seq - batch.firstSeq()));
        }
    }

    /** Applies every event of {@code batch} not yet applied. */
    public void apply(EventLog.Batch batch) {
        applyUntil(batch, batch.endSeq());
    }

    /** Applies event {@code i} of {@code batch}, which must be the next event. */
    @Override
    public void apply(EventLog.Batch batch, int i) {
        if (batch.seq(i) != applied) {
            throw new IllegalArgumentException("event " + batch.seq(i) + " is not the next, " + applied);
        }
        int track = batch.track(i);
        BufferEvent kind = BufferEvent.of(batch, i);
        if (kind == BufferEvent.PUT || kind == BufferEvent.TAKE) {
            mover = track;
            wakesToCome = BufferEvent.woken(batch, i);
        } else if (completes(batch, i)) {
            wakesToCome--;
        } else {
            wakesToCome = 0;
        }
        switch (kind) {
            case REGISTER -> register(track, BufferNarration.name(batch, track), Worker.Role.values()[batch.other(i)]);
            case REQUEST -> {
                // in the buffer: the state below says so
            }
            case LOOK -> {
                // unlocked-count's look: on its way to the lock, as the state below says
            }
            case PUT -> {
                enter(track);
                inCall.set(track, false);
                int slot = batch.slot(i);
                slots.set(slot, batch.item(i));
                putIndex = (slot + 1) % slots.length();
                count++;
                produced++;
            }
            case TAKE -> {
                enter(track);
                inCall.set(track, false);
                int slot = batch.slot(i);
                slots.set(slot, 0);
                takeIndex = (slot + 1) % slots.length();
                count--;
                consumed++;
            }
            case WAIT -> {
                enter(track);
                if (woken.get(track)) {
                    woken.set(track, false);
                    if (roles.get(track) == Worker.Role.PRODUCER) {
                        futileProducerWakeups++;
                    } else {
                        futileConsumerWakeups++;
                    }
                }
                if (batch.other(i) == BufferEvent.ON_NOT_FULL) {
                    waitsOnFull++;
                    notFull.add(track);
                    inHand.set(track, batch.item(i));
                } else {
                    waitsOnEmpty++;
                    notEmpty.add(track);
                }
                waiting.add(track);
            }
            case WAKE, SPURIOUS -> {
                notFull.remove((Integer) track);
                notEmpty.remove((Integer) track);
                waiting.remove((Integer) track);
                woken.set(track, true);
                if (BufferEvent.of(batch, i) == BufferEvent.SPURIOUS) {
                    spuriousWakeups++;
                }
            }
            case VIOLATION -> enter(track); // stopped before it changed anything
            case RESIZE -> {
                resize((int) batch.item(i));
                applied++;
                return;
            }
            case DISMISS -> {
                // It goes on as it was until its put or take is done.
                dismissed.set(track, true);
                applied++;
                return;
            }
            case LEAVE -> {
                // Interrupted: its put or take ends with InterruptedException (a retry is a new call).
                notFull.remove((Integer) track);
                notEmpty.remove((Integer) track);
                waiting.remove((Integer) track);
                inCall.set(track, false);
            }
            case PARK -> {
                atGate.add(track);
                inHand.set(track, batch.item(i));
            }
            case PASS -> atGate.remove((Integer) track);
            case DONE -> inCall.set(track, false);
        }
        states.set(track, BufferEvent.stateAfter(batch, i));
        wheres.set(track, BufferEvent.whereAfter(batch, i));
        if (BufferEvent.of(batch, i) != BufferEvent.WAKE && BufferEvent.of(batch, i) != BufferEvent.SPURIOUS
                && BufferEvent.of(batch, i) != BufferEvent.REQUEST) {
            woken.set(track, false);
        }
        applied++;
    }

    /** The buffer's items moved, in order, to slots 0, 1, ... of {@code capacity} new slots. */
    private void resize(int capacity) {
        SharedSlots next = new SharedSlots(capacity);
        for (int i = 0; i < count; i++) {
            next.set(i, slots.get((takeIndex + i) % slots.length()));
        }
        slots = next;
        takeIndex = 0;
        putIndex = count % capacity;
    }

    /** A put or take by {@code track} entered the lock: counted once per call, as the buffer counts it. */
    private void enter(int track) {
        if (!inCall.get(track)) {
            inCall.set(track, true);
            actions++;
        }
    }

    private void register(int track, String name, Worker.Role role) {
        if (track != names.size()) {
            throw new IllegalArgumentException("track " + track + " registered out of order, " + names.size()
                    + " expected");
        }
        names.add(name);
        roles.add(role);
        states.add(role == Worker.Role.PRODUCER ? WorkerState.PRODUCING : WorkerState.STARTING);
        wheres.add(Where.OUTSIDE);
        inHand.add(BufferSnapshot.WorkerView.NOTHING);
        inCall.add(false);
        dismissed.add(false);
        woken.add(false);
    }

    /**
     * The rebuilt buffer in the snapshot's shape. What the log does not hold is 0: the time spent
     * blocked; {@code events} is {@link #events()} and there are no wait-set mismatches.
     */
    public BufferSnapshot snapshot() {
        List<BufferSnapshot.WorkerView> workers = new ArrayList<>(names.size());
        for (int t = 0; t < names.size(); t++) {
            WorkerState state = states.get(t);
            workers.add(new BufferSnapshot.WorkerView(names.get(t), roles.get(t), state, wheres.get(t),
                    BufferSnapshot.WorkerView.showsItemInHand(state) ? inHand.get(t) : BufferSnapshot.WorkerView.NOTHING));
        }
        return new BufferSnapshot(Slots.owning(slots.toArray()), putIndex, takeIndex, count, names(notFull),
                names(notEmpty), List.copyOf(workers), produced, consumed, waitsOnFull, waitsOnEmpty, 0, 0, actions,
                applied, List.of(), futileProducerWakeups, futileConsumerWakeups, spuriousWakeups,
                oneWaitSet ? names(waiting) : List.of());
    }

    /**
     * The workers asked to leave that have not finished yet (each finishes its current put or take
     * first), in the order they joined; as {@link BufferRunSnapshot#leaving()} was then.
     */
    public List<String> leaving() {
        return dismissed(false);
    }

    /**
     * The workers asked to leave that have finished: they left. In the order they joined; as
     * {@link BufferRunSnapshot#left()} was then.
     */
    public List<String> left() {
        return dismissed(true);
    }

    private List<String> dismissed(boolean done) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < names.size(); t++) {
            if (dismissed.get(t) && (states.get(t) == WorkerState.DONE) == done) {
                out.add(names.get(t));
            }
        }
        return List.copyOf(out);
    }

    /** The workers parked at the gate, in arrival order. */
    public List<String> atGate() {
        return names(atGate);
    }

    /** Track {@code track}'s place in put or take now. */
    public Where where(int track) {
        return wheres.get(track);
    }

    /** Track {@code track}'s state now. */
    public WorkerState state(int track) {
        return states.get(track);
    }

    /** The workers named so far, by track. */
    public List<String> names() {
        return List.copyOf(names);
    }

    private List<String> names(List<Integer> tracks) {
        List<String> out = new ArrayList<>(tracks.size());
        for (int track : tracks) {
            out.add(names.get(track));
        }
        return List.copyOf(out);
    }

    /** The most events {@link #askingAt} reads past the moment. */
    static final int ASKING_LOOKAHEAD = 10_000;

    /**
     * The threads that, just after event {@code position} - 1, were waiting for a lock they had found
     * held: such a wait is recorded when the lock is had ({@link BufferEvent#REQUEST}, with the time
     * it was asked for), after the moment, so the state rebuilt there does not know it yet. Read from
     * each thread's next event, up to {@link #ASKING_LOOKAHEAD} events on. The timeline's lanes draw
     * the wait from when it was asked for; the chips of a rewound view say it too (one read
     * "starting" over a lane already waiting for the lock).
     */
    public static Set<String> askingAt(History<BufferReplay> history, long position) {
        if (position <= history.firstKept() || position >= history.end()) {
            return Set.of();
        }
        long moment = history.nanosOf(position - 1);
        List<String> names = history.log().tracks();
        Set<Integer> seen = new HashSet<>();
        Set<String> asking = new TreeSet<>();
        long end = Math.min(history.end(), position + ASKING_LOOKAHEAD);
        for (long seq = position; seq < end && seen.size() < names.size(); seq++) {
            EventLog.Batch batch = history.batchOf(seq);
            if (batch == null) {
                continue;
            }
            int i = (int) (seq - batch.firstSeq());
            BufferEvent kind = BufferEvent.of(batch, i);
            // A resize or a request to leave is no act of the thread's own: its next act is still to come.
            if (kind.changesAState() && seen.add(batch.track(i)) && kind == BufferEvent.REQUEST
                    && batch.item(i) <= moment) {
                asking.add(names.get(batch.track(i)));
            }
        }
        return asking;
    }
}
