package dev.interleave.engine.philosophers;

import java.util.Locale;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Gated;

/**
 * What the table records in its {@link EventLog}: one kind per thing a philosopher's thread tells
 * the table, with what each event's fields mean. The log's {@code kind} is the constant's ordinal;
 * {@code track} is always the philosopher (0 is P1; the table names tracks P1 to PN before any
 * event); {@code item} is always the run's active time in ns when it happened (what the actions'
 * {@link Action#atNanos()} say). {@code slot} holds the fork plus one (0: none) in bits 0-7 and one
 * more small number in bits 8-23 ({@link #extra}), as the kind says; {@code other} is as the kind
 * says.
 *
 * <p>Every event carries what its words need, so an event is told without the state around it
 * ({@link #words}), and applying the events in order to an empty {@link TableState} gives the table
 * as it was after the last one.
 */
public enum TableEvent {

    /** p's state became {@code other} (a {@link PhilosopherState} ordinal): thinking, hungry, eating, backing off, done. */
    STATE,
    /** p parked at its closed gate. other: its next action ({@link #NEXT_PICK_UP}...); fork: the fork it is for. */
    PARK,
    /**
     * p left its gate's queue. other: how ({@link dev.interleave.engine.run.Gated.Exit} ordinal);
     * extra: the state it is back in (what it did before it parked, a {@link PhilosopherState} ordinal).
     */
    PASS,
    /** p began an attempt at both forks. */
    ATTEMPT,
    /**
     * p reaches for fork f. other: 0 without a time limit ({@code lockInterruptibly}), else the
     * tryLock limit in ms plus one; extra: the fork's holder plus one (0: on the table).
     */
    REACH,
    /** p's wait just begun closed a circle: deadlock. fork: the fork it waits for. */
    DEADLOCK,
    /**
     * p picked up fork f. extra: the forks in p's hands now; other: the neighbour who had reached for
     * f too and now waits or tries on, plus one (0: none). A fork lies between two philosophers, so
     * at most one other reaches for it.
     */
    TAKE,
    /** p's timed try for fork f ran out. other: the limit in ms. */
    GIVE_UP,
    /** p's wait for a fork ended without it: interrupted (the run is stopping). */
    STOPPED_WAITING,
    /** p is putting fork f down (its thread unlocks it right after). */
    PUT_DOWN,
    /** p asks the waiter for a seat. other: the seats (N - 1); extra: 1 if all are taken (p waits), else 0. */
    ASK_SEAT,
    /** p sat down. other: the seats (N - 1); extra: the seats taken now. */
    SIT,
    /** p left its seat. */
    LEAVE_SEAT,
    /** p finished a meal. */
    ATE;

    private static final TableEvent[] ALL = values();

    /** PARK's other: the next action is to pick up the fork (without a limit). */
    public static final int NEXT_PICK_UP = 0;
    /** PARK's other: the next action is to try the fork. */
    public static final int NEXT_TRY = 1;
    /** PARK's other: the next action is to put the fork down. */
    public static final int NEXT_PUT_DOWN = 2;
    /** PARK's other: the next action is to ask the waiter for a seat. */
    public static final int NEXT_SEAT = 3;

    /** {@link #stateAfter}'s answer for an event that leaves its philosopher's state as it was. */
    public static final int UNCHANGED = -2;

    /**
     * The state (a {@link PhilosopherState} ordinal) of event {@code i}'s philosopher right after it,
     * or {@link #UNCHANGED}: from the event alone, the same as a replay's (a timeline draws lanes
     * with it without replaying).
     */
    public static int stateAfter(EventLog.Batch batch, int i) {
        // The replay's own rule: two copies of it disagreed once a wait the Stop ended was told.
        PhilosopherState after = TableState.stateAfter(of(batch, i), batch.slot(i), batch.other(i));
        return after == null ? UNCHANGED : after.ordinal();
    }

    /** The kind a log event's number names. */
    public static TableEvent of(int kind) {
        return ALL[kind];
    }

    /** The kind of event {@code i} of {@code batch}. */
    public static TableEvent of(EventLog.Batch batch, int i) {
        return ALL[batch.kind(i)];
    }

    /** The slot field for fork {@code fork} (-1: none) and {@code extra}: what {@link #fork} and {@link #extra} read. */
    public static int slot(int fork, int extra) {
        assert fork >= -1 && fork < 255 && extra >= 0 && extra < 1 << 16 : fork + " " + extra;
        return (fork + 1) | extra << 8;
    }

    /** The fork a slot field names, or -1. */
    public static int fork(int slot) {
        return (slot & 0xFF) - 1;
    }

    /** The extra number a slot field holds. */
    public static int extra(int slot) {
        return slot >>> 8;
    }

    /**
     * What the philosopher will do when stepped, as a PARK event's other and fork say: "reach for F2"
     * (not "pick up F2": a fork another holds is waited for, and the step tells it, "reaches for F2,
     * held by P1, and waits").
     */
    public static String nextWords(int next, int fork) {
        return switch (next) {
            case NEXT_PICK_UP -> "reach for " + Names.fork(fork);
            case NEXT_TRY -> "try " + Names.fork(fork);
            case NEXT_PUT_DOWN -> "put down " + Names.fork(fork);
            default -> "ask for a seat";
        };
    }

    /**
     * The action this event is, for the narration and the recent actions ({@link Action.Kind}), or
     * null when it is not one (a state change, a gate, a free fork reached for, ...).
     */
    public static Action.Kind action(TableEvent kind, int slot, int other) {
        return switch (kind) {
            case REACH -> extra(slot) == 0 ? null : other == 0 ? Action.Kind.WAIT : Action.Kind.TRY;
            case DEADLOCK -> Action.Kind.DEADLOCK;
            case TAKE -> Action.Kind.TAKE;
            case GIVE_UP -> Action.Kind.GIVE_UP;
            case PUT_DOWN -> Action.Kind.PUT_DOWN;
            case ASK_SEAT -> extra(slot) == 1 ? Action.Kind.WAIT_FOR_SEAT : null;
            case SIT -> Action.Kind.SIT;
            case LEAVE_SEAT -> Action.Kind.LEAVE_SEAT;
            default -> null;
        };
    }

    /** Event {@code i} of {@code batch} in words. */
    public static String words(EventLog.Batch batch, int i) {
        return words(of(batch, i), batch.track(i), batch.slot(i), batch.other(i), null);
    }

    /**
     * Event {@code i} of {@code batch} in words, told with the table as it was right after it
     * ({@code after}): the deadlock names its whole circle.
     */
    public static String words(EventLog.Batch batch, int i, TableState after) {
        return words(of(batch, i), batch.track(i), batch.slot(i), batch.other(i), after.deadlock());
    }

    /**
     * An event in words, e.g. "P2 picks up F3 (its right fork)". The deadlock's words name its
     * circle when {@code circle} is given (the table knows it), else only the closing wait.
     */
    static String words(TableEvent kind, int p, int slot, int other, Deadlock circle) {
        String who = Names.philosopher(p);
        int f = fork(slot);
        int extra = extra(slot);
        return switch (kind) {
            case STATE -> who + switch (PhilosopherState.values()[other]) {
                case THINKING -> " thinks";
                case HUNGRY -> " is hungry";
                case EATING -> " eats";
                case BACKING_OFF -> " backs off for a random time";
                case DONE -> " leaves the table";
                default -> " is " + PhilosopherState.values()[other].name().toLowerCase(Locale.ROOT);
            };
            // "Stops at its gate" left the gate unexplained to a learner: it is where a step is waited for.
            case PARK -> who + " waits at its gate for a step; next: " + nextWords(other, f);
            case PASS -> who + switch (Gated.Exit.values()[other]) {
                case STEPPED -> " is let through its gate by a step";
                case OPENED -> " passes its gate: the run resumes";
                case INTERRUPTED -> " is interrupted at its gate";
            };
            case ATTEMPT -> who + " begins an attempt at both forks";
            case REACH -> extra == 0
                    ? String.format("%s reaches for %s (%s): it lies on the table", who, Names.fork(f), side(p, f))
                    : other == 0
                    ? String.format("%s reaches for %s (%s), held by %s, and waits", who, Names.fork(f), side(p, f),
                            Names.philosopher(extra - 1))
                    : String.format("%s tries %s (%s) %s: %s holds it", who, Names.fork(f), side(p, f),
                            other == 1 ? "without waiting" : "for up to " + (other - 1) + " ms",
                            Names.philosopher(extra - 1));
            case DEADLOCK -> circle == null ? "the circle closes at " + who + "'s wait for " + Names.fork(f) + ": deadlock"
                    : "the circle closes: deadlock, " + circle.arrows();
            // Ahead of a neighbour, as short as the plain pick-up's "both forks": "..., who reached for it
            // too; P11 has both forks" was wider than the log at 1024x700, and one such line makes every
            // row of the log two lines high for the rest of the run (rows of 40 px, a learner's tryout).
            case TAKE -> String.format("%s picks up %s (%s)%s%s", who, Names.fork(f), side(p, f), other == 0 ? ""
                    : " ahead of " + Names.philosopher(other - 1) + ", who reached for it too",
                    extra == 2 ? ": both forks" : "");
            case GIVE_UP -> String.format("%s gives up on %s %s", who, Names.fork(f),
                    other == 0 ? "at once" : "after " + other + " ms");
            case STOPPED_WAITING -> who + " stops waiting: interrupted, the run is ending";
            case PUT_DOWN -> String.format("%s puts down %s (%s)", who, Names.fork(f), side(p, f));
            case ASK_SEAT -> extra == 1
                    ? String.format("%s asks the waiter for a seat: all %d are taken, waits", who, other)
                    : String.format("%s asks the waiter for a seat", who);
            case SIT -> String.format("%s sits down (%d of %d seats taken)", who, extra, other);
            case LEAVE_SEAT -> who + " gives its seat back";
            case ATE -> who + " finishes a meal and puts its forks down";
        };
    }

    /** "its left fork" or "its right fork". */
    private static String side(int p, int f) {
        return f == p ? "its left fork" : "its right fork";
    }
}
