package dev.interleave.engine.philosophers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Replay;

/**
 * What the table's instruments hold, as events change it: who holds each fork, who waits for which
 * (and whether with a time limit), what each philosopher does and will do at its gate, meals,
 * attempts, seats, the deadlock and the recent actions. The live {@link Table} keeps one and
 * changes it only by {@link #apply(TableEvent, int, long, int, int)}, the very call that a replay
 * of the table's {@link EventLog} makes for each recorded event; so a state rebuilt from the log
 * ({@link #apply(EventLog.Batch, int)} on an empty one) is the table as it was after that event,
 * and a test compares the two. Not thread-safe: the table guards its own with its lock; a replay
 * belongs to one thread.
 */
public final class TableState implements Replay<TableState> {

    private final int n;
    private final boolean waiter;
    private final Bug bug;
    /** For each fork, its holder, or -1. */
    final int[] holder;
    /** For each philosopher, the fork it waits for (blocked or trying), or -1. */
    final int[] waitingFor;
    /** For each philosopher, whether its wait has a time limit. */
    final boolean[] timed;
    /** For each philosopher, the forks in its hands in the order taken. */
    final List<List<Integer>> hands;
    /** For each philosopher, what it does. */
    final PhilosopherState[] states;
    /** For each philosopher, while at its gate, what it did before it parked (restored when it passes). */
    private final PhilosopherState[] beforeGate;
    /** For each philosopher, while at its gate, the action it will take next; else "". */
    private final String[] next;
    private final long[] meals;
    private final long[] attempts;
    /** Philosophers on a seat. */
    int seated;
    /** The first deadlock, or null. */
    private Deadlock deadlock;
    /** Whether a wait was ended by the run's end (Stop, or its time): the run is being torn down. */
    private boolean ending;
    /** Actions so far. */
    private long actions;
    /** The latest actions, oldest first, at most {@link Table#RECENT_ACTIONS}. */
    private final ArrayDeque<Action> recent;
    /** Events applied. */
    private long applied;
    /** The livelock rule, following the give-ups and meals (as every field here, the table's lock guards it in a live table). */
    private final LivelockWatch livelock;

    /** The table of {@code n} philosophers before anything happened: all thinking, every fork down. */
    public TableState(int n, boolean waiter) {
        this(n, waiter, Bug.NONE);
    }

    TableState(int n, boolean waiter, Bug bug) {
        if (n < 1) {
            throw new IllegalArgumentException("a table of 1 or more, was " + n);
        }
        this.n = n;
        this.waiter = waiter;
        this.bug = Objects.requireNonNull(bug);
        holder = new int[n];
        Arrays.fill(holder, -1);
        waitingFor = new int[n];
        Arrays.fill(waitingFor, -1);
        timed = new boolean[n];
        hands = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            hands.add(new ArrayList<>(2));
        }
        states = new PhilosopherState[n];
        Arrays.fill(states, PhilosopherState.THINKING);
        beforeGate = new PhilosopherState[n];
        Arrays.fill(beforeGate, PhilosopherState.THINKING);
        next = new String[n];
        Arrays.fill(next, "");
        meals = new long[n];
        attempts = new long[n];
        recent = new ArrayDeque<>();
        livelock = new LivelockWatch(n);
    }

    private TableState(TableState from) {
        n = from.n;
        waiter = from.waiter;
        bug = from.bug;
        holder = from.holder.clone();
        waitingFor = from.waitingFor.clone();
        timed = from.timed.clone();
        hands = new ArrayList<>(n);
        for (List<Integer> hand : from.hands) {
            hands.add(new ArrayList<>(hand));
        }
        states = from.states.clone();
        beforeGate = from.beforeGate.clone();
        next = from.next.clone();
        meals = from.meals.clone();
        attempts = from.attempts.clone();
        seated = from.seated;
        deadlock = from.deadlock;
        ending = from.ending;
        actions = from.actions;
        recent = new ArrayDeque<>(from.recent);
        applied = from.applied;
        livelock = from.livelock.copy();
    }

    @Override
    public TableState copy() {
        return new TableState(this);
    }

    @Override
    public long events() {
        return applied;
    }

    /** Philosophers at the table. */
    public int size() {
        return n;
    }

    @Override
    public void apply(EventLog.Batch batch, int i) {
        if (batch.seq(i) != applied) {
            throw new IllegalArgumentException("event " + batch.seq(i) + " is not the next, " + applied);
        }
        apply(TableEvent.of(batch, i), batch.track(i), batch.item(i), batch.slot(i), batch.other(i));
    }

    /**
     * Applies one event, as {@link TableEvent} describes its fields.
     *
     * @param p         the philosopher
     * @param atNanos   the run's active time
     * @param slot      the fork plus one, and the extra number ({@link TableEvent#slot})
     * @param other     as the kind says
     */
    void apply(TableEvent kind, int p, long atNanos, int slot, int other) {
        int f = TableEvent.fork(slot);
        switch (kind) {
            case STATE, PASS, ASK_SEAT -> next[p] = "";
            case PARK -> {
                if (states[p] != PhilosopherState.AT_GATE) {
                    beforeGate[p] = states[p];
                }
                next[p] = TableEvent.nextWords(other, f);
            }
            case ATTEMPT -> attempts[p]++;
            case REACH -> {
                next[p] = "";
                waitingFor[p] = f;
                timed[p] = other != 0;
                if (other == 0 && TableEvent.extra(slot) != 0 && deadlock == null) {
                    // A wait without a limit for a held fork: does it close a circle? (Table.reach)
                    List<Integer> circle = WaitForGraph.cycleThrough(p, holder, waitingFor, timed, bug);
                    if (!circle.isEmpty()) {
                        deadlock = new Deadlock(circle, circle.stream().map(q -> waitingFor[q]).toList(), atNanos);
                    }
                }
            }
            case DEADLOCK -> {
                // The circle was found by the wait just before (REACH): this event tells it.
            }
            case TAKE -> {
                holder[f] = p;
                hands.get(p).add(f);
                waitingFor[p] = -1;
                timed[p] = false;
            }
            case GIVE_UP -> {
                waitingFor[p] = -1;
                timed[p] = false;
                livelock.gaveUp(p, atNanos);
            }
            case STOPPED_WAITING -> {
                waitingFor[p] = -1;
                timed[p] = false;
                ending = true;
            }
            case PUT_DOWN -> {
                holder[f] = -1;
                hands.get(p).remove(Integer.valueOf(f));
            }
            case SIT -> seated++;
            case LEAVE_SEAT -> seated--;
            case ATE -> {
                meals[p]++;
                livelock.ate(atNanos);
            }
        }
        PhilosopherState after = stateAfter(kind, slot, other);
        if (after != null) {
            states[p] = after;
            if (after == PhilosopherState.EATING) {
                livelock.ate(atNanos); // a meal begun: the table gets on
            }
        }
        Action.Kind action = TableEvent.action(kind, slot, other);
        if (action != null) {
            actions++;
            if (recent.size() == Table.RECENT_ACTIONS) {
                recent.removeFirst();
            }
            recent.addLast(new Action(actions, atNanos, p, action, f,
                    TableEvent.words(kind, p, slot, other, kind == TableEvent.DEADLOCK ? deadlock : null)));
        }
        applied++;
    }

    /**
     * The state an event of {@code kind} leaves its philosopher in, from the event alone, or null
     * where it leaves the state as it was: the rule {@link #apply} follows, and a trace of a log
     * that dropped its oldest events (nothing to replay from) draws its states by.
     */
    static PhilosopherState stateAfter(TableEvent kind, int slot, int other) {
        return switch (kind) {
            case STATE -> PhilosopherState.values()[other];
            case PARK -> PhilosopherState.AT_GATE;
            case PASS -> PhilosopherState.values()[TableEvent.extra(slot)];
            case REACH -> other == 0 ? PhilosopherState.WAITING_FOR_FORK : PhilosopherState.TRYING_FORK;
            // A wait the Stop ended: between fork actions too (its forks go down next), no longer
            // waiting; a seat left waiting read "waits F0", for no fork (a keyboard tryout).
            case TAKE, GIVE_UP, SIT, STOPPED_WAITING -> PhilosopherState.HUNGRY;
            case ASK_SEAT -> PhilosopherState.WAITING_FOR_SEAT;
            case ATE -> PhilosopherState.PUTTING_DOWN; // the meal is over: the forks go down next
            case ATTEMPT, DEADLOCK, PUT_DOWN, LEAVE_SEAT -> null;
        };
    }

    /** The philosopher other than {@code p} reaching for fork {@code f} (waiting or trying), or -1. */
    int alsoReachingFor(int f, int p) {
        for (int q = 0; q < n; q++) {
            if (q != p && waitingFor[q] == f) {
                return q;
            }
        }
        return -1;
    }

    /**
     * Whether the run is ending here: a philosopher's wait for a fork was ended by the run's end
     * (Stop, or its time up), and each puts its forks down and leaves.
     */
    public boolean ending() {
        return ending;
    }

    /** The first deadlock, or null. */
    public Deadlock deadlock() {
        return deadlock;
    }

    /** Whether the table is livelocked now ({@link LivelockWatch#RULE}, and nobody has eaten since). */
    public boolean livelockNow() {
        return livelock.now();
    }

    /** Active time when the livelock rule first held, or -1 if it never has. */
    public long livelockFromNanos() {
        return livelock.fromNanos();
    }

    /** Spells of livelock so far in this run ({@link LivelockWatch#spells}). */
    public int livelockSpells() {
        return livelock.spells();
    }

    /** The longest stretch with no meal a spell of livelock was in, in active time ({@link LivelockWatch#longestNanos}). */
    public long livelockLongestNanos() {
        return livelock.longestNanos();
    }

    /** The table in the snapshot's shape. */
    public TableView view() {
        List<TableView.Diner> diners = new ArrayList<>(n);
        List<Integer> waits = new ArrayList<>(n);
        List<Boolean> limits = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            diners.add(new TableView.Diner(p, states[p], hands.get(p), waitingFor[p], timed[p], meals[p],
                    attempts[p], next[p]));
            waits.add(waitingFor[p]);
            limits.add(timed[p]);
        }
        List<Integer> holders = Arrays.stream(holder).boxed().toList();
        return new TableView(diners, holders, new WaitForGraph(holders, waits, limits), deadlock, actions,
                List.copyOf(recent), waiter ? n - 1 : 0, seated);
    }

    /** The state p is in once it leaves its gate: what it did before it parked (its state now if not parked). */
    PhilosopherState stateAfterPass(int p) {
        return states[p] == PhilosopherState.AT_GATE ? beforeGate[p] : states[p];
    }

    /** Philosopher {@code p}'s state now. */
    public PhilosopherState state(int p) {
        return states[p];
    }

}
