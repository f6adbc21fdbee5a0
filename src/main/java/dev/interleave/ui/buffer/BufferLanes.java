package dev.interleave.ui.buffer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.interleave.engine.buffer.BufferEvent;
import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.BufferReplay;
import dev.interleave.engine.buffer.Bug;
import dev.interleave.engine.buffer.Where;
import dev.interleave.engine.buffer.WorkerState;
import dev.interleave.engine.run.EventLog;
import dev.interleave.ui.kit.Timeline;

/**
 * The Bounded Buffer's lanes on the kit's {@link Timeline}: one per producer and consumer,
 * coloured by its state with the chips' colours, each put (▼) and take (▲) a mark with its item
 * (and unlocked-count's look without the lock, ⚠, with what it read),
 * an arrow from a signalling worker to each worker it woke. After unlocked-count's look, a worker's
 * lane is drawn as what it did, {@link #LOOKED}, until it has the lock or, finding it held, asks for it.
 */
final class BufferLanes implements Timeline.Lanes<BufferReplay> {

    /** State colours, as the stylesheet names them. */
    private static final Map<WorkerState, String> LOOKED_UP = new EnumMap<>(Map.of(
            WorkerState.PRODUCING, "-il-working", WorkerState.CONSUMING, "-il-working",
            WorkerState.WAITING_FOR_LOCK, "-il-lock", WorkerState.WAITING_NOT_FULL, "-il-full",
            WorkerState.WAITING_NOT_EMPTY, "-il-empty", WorkerState.IN_BUFFER, "-il-in-buffer",
            WorkerState.AT_GATE, "-il-gate", WorkerState.DONE, "-il-done-lane"));

    /**
     * The lane state after unlocked-count's look, until the worker has the lock (or stops at the
     * gate right after the look): a state of its own here, named as the chip names it ("looked
     * without the lock"), in a colour of its own; the engine counts it as waiting for the lock. A
     * wait for a lock found held is recorded once the lock is had ({@code REQUEST}, with the time
     * it asked): the lane draws it from then, after the look, as the trace does.
     */
    static final int LOOKED = WorkerState.values().length;

    /**
     * The lane state of a thread going for the lock, not (yet) seen to wait for it: after it passed
     * the gate (a step), or left a wait set interrupted, until it has the lock. The engine counts it
     * as waiting for the lock, and the chip says so; drawn as a full "waiting for lock" bar, every
     * step read as a wait for a lock no one held (a teacher, stepping in front of a class). Half as
     * tall, in the lock's colour: a wait for a lock found held is drawn full from when it asked.
     */
    static final int ASKING = LOOKED + 1;

    /** The implementation of the run shown: the legend names its lock as its code does. */
    private final Supplier<BufferImpl> impl;
    /** The planted bug of the run the lanes are of: unlocked-count's legend has the looks' colour. */
    private final Supplier<Bug> bug;

    /** Lanes of the lock buffer's runs, with unlocked-count's looks in the legend. */
    BufferLanes() {
        this(() -> BufferImpl.LOCK, () -> Bug.UNLOCKED_COUNT);
    }

    /** Lanes of runs of {@code impl} with {@code bug}, asked at each drawing of the legend. */
    BufferLanes(Supplier<BufferImpl> impl, Supplier<Bug> bug) {
        this.impl = impl;
        this.bug = bug;
    }

    @Override
    public int stateAfter(EventLog.Batch batch, int i) {
        if (!BufferEvent.of(batch, i).changesAState()) {
            // A resize changes the slots (its track may be 0: outside); a worker asked to leave goes on as it was.
            return UNCHANGED;
        }
        return code(BufferEvent.stateAfter(batch, i), BufferEvent.whereAfter(batch, i));
    }

    /** A lock found held is waited for from when it was asked for (the request's item) until had. */
    @Override
    public int waitedBefore(EventLog.Batch batch, int i) {
        return BufferEvent.of(batch, i) == BufferEvent.REQUEST ? WorkerState.WAITING_FOR_LOCK.ordinal() : UNCHANGED;
    }

    @Override
    public long waitedFrom(EventLog.Batch batch, int i) {
        return batch.item(i);
    }

    @Override
    public int stateOf(BufferReplay state, int lane) {
        return lane < state.names().size() ? code(state.state(lane), state.where(lane)) : -1;
    }

    private static int code(WorkerState state, Where where) {
        if (state == WorkerState.WAITING_FOR_LOCK) {
            switch (where) {
                case LOOKED -> {
                    return LOOKED;
                }
                case OUTSIDE, ENTERING -> {
                    return ASKING;
                }
                case WOKEN -> {
                    // It waits for the signaller to let go of the lock: a wait, drawn full.
                }
                default -> throw new IllegalStateException("waiting for the lock at " + where);
            }
        }
        if (state == WorkerState.IN_BUFFER && (where == Where.WRITING || where == Where.INTERRUPTED)) {
            // Only a violation leaves a thread at the write (BufferEvent.whereAfter), and only a Stop
            // interrupts a wait: stopped there, it lets go of the lock and ends, its lane with it.
            return -1;
        }
        return state.drawn() ? state.ordinal() : -1;
    }

    @Override
    public int states() {
        return ASKING + 1;
    }

    @Override
    public String colour(int state) {
        if (state == LOOKED) {
            return "-il-looked";
        }
        return state == ASKING ? "-il-lock" : LOOKED_UP.getOrDefault(WorkerState.values()[state], "-il-done-lane");
    }

    /** Going for the lock, half as tall as waiting for it: the same colour, told apart. */
    @Override
    public double height(int state) {
        return state == ASKING ? 0.5 : 1;
    }

    @Override
    public List<Timeline.Legend> legend() {
        List<Timeline.Legend> legend = new ArrayList<>(List.of(
                new Timeline.Legend(WorkerState.PRODUCING.ordinal(), "producing / consuming"),
                legend(WorkerState.WAITING_FOR_LOCK), new Timeline.Legend(ASKING, words(ASKING)),
                legend(WorkerState.WAITING_NOT_FULL),
                legend(WorkerState.WAITING_NOT_EMPTY), legend(WorkerState.IN_BUFFER), legend(WorkerState.AT_GATE)));
        if (bug.get() == Bug.UNLOCKED_COUNT) {
            legend.add(3, new Timeline.Legend(LOOKED, words(LOOKED)));
        }
        return legend;
    }

    private Timeline.Legend legend(WorkerState state) {
        return new Timeline.Legend(state.ordinal(), state.words(impl.get()));
    }

    @Override
    public String words(int state) {
        if (state == LOOKED) {
            return impl.get().lookedWords();
        }
        return state == ASKING ? "going for " + impl.get().lockNoun() : WorkerState.values()[state].words(impl.get());
    }

    /**
     * The timed states drawn long, and a lock held long: the scheduler's, or a wait for the lock
     * the lane could not draw. The lock buffer records a wait for its lock found held (drawn
     * "waiting for lock"); the monitor's and the mutex's waits are not recorded, and their lanes
     * show them as what the thread did before.
     */
    @Override
    public String barNote(int state) {
        String noun = impl.get().lockNoun();
        String offCore = impl.get() == BufferImpl.LOCK ? "The rest is the scheduler's: " + OFF_CORE
                : "The rest is a wait for the " + noun + " (not recorded: the lane goes on as it was) or the"
                        + " scheduler's: " + OFF_CORE;
        if (state == LOOKED) {
            return (impl.get() == BufferImpl.SEMAPHORE ? "" : "The lab sleeps 1 ms after the look, holding the race's"
                    + " window open. ") + offCore;
        }
        if (state == ASKING) {
            return impl.get() == BufferImpl.LOCK
                    ? "Found free, the lock is had at once; a request that finds it held is drawn full height from"
                    + " when it asked (not a take-back after an interrupted wait, which is not recorded). " + offCore
                    : offCore;
        }
        return switch (WorkerState.values()[state]) {
            case PRODUCING -> "Longer than the produce delay set? " + offCore;
            case CONSUMING -> "Longer than the consume delay set? " + offCore;
            case IN_BUFFER -> "A put or take holds the " + noun + " for microseconds: a long bar is"
                    + " the scheduler's, the thread off its core while it held the " + noun + ".";
            default -> null;
        };
    }

    /** A wait for the lock says who had it meanwhile ("who holds the lock?" had no answer on screen). */
    @Override
    public boolean countsMeanwhile(int state) {
        return state == WorkerState.WAITING_FOR_LOCK.ordinal();
    }

    /**
     * Each put, take and wait of another thread is a turn of it with the lock; a semaphore's wait is
     * not (it blocks in acquire() before the mutex, and was counted as a turn with it).
     */
    @Override
    public boolean countedMeanwhile(int state, EventLog.Batch batch, int i) {
        BufferEvent kind = BufferEvent.of(batch, i);
        return kind.movesAnItem() || kind == BufferEvent.WAIT && impl.get() != BufferImpl.SEMAPHORE;
    }

    /**
     * "Meanwhile others had the lock 14 times (a put, take or wait each): P2 ×5, C1 ×9"; none: the
     * holder had done its put or take just before the ask and was on its way out, then the scheduler.
     */
    @Override
    public String meanwhileWords(int state, Map<String, Integer> byLane, boolean atLeast) {
        String noun = impl.get().lockNoun();
        if (byLane.isEmpty()) {
            // Not "it waited for the holder to finish its put or take" beside "no other thread put or
            // took": a student read it as a contradiction. The holder's put or take came before the ask.
            boolean semaphore = impl.get() == BufferImpl.SEMAPHORE; // its waits are not turns with the mutex
            return atLeast ? null : "No other thread " + (semaphore ? "put or took" : "put, took or waited")
                    + " in that time: the " + noun + "'s holder had"
                    + " done its put or take just before and was on its way out (signal, unlock), then the scheduler"
                    + " had to run this thread again";
        }
        int turns = byLane.values().stream().mapToInt(Integer::intValue).sum();
        return String.format(Locale.ROOT, "Meanwhile others had the %s %s%s (a %s each): %s", noun,
                atLeast ? "at least " : "", turns == 1 ? "once" : String.format(Locale.ROOT, "%,d times", turns),
                impl.get() == BufferImpl.SEMAPHORE ? "put or take" : "put, take or wait", byLane.entrySet().stream()
                        .map(entry -> String.format(Locale.ROOT, "%s ×%,d", entry.getKey(), entry.getValue()))
                        .collect(Collectors.joining(", ")));
    }

    /** A put or take ends its bar: a bar is one item made and put, or taken and used. */
    @Override
    public boolean marksEndBars() {
        return true;
    }

    /** Puts, takes, and unlocked-count's looks without the lock: the bug, on the lane where it happened. */
    @Override
    public boolean marked(EventLog.Batch batch, int i) {
        BufferEvent kind = BufferEvent.of(batch, i);
        return kind.movesAnItem() || kind == BufferEvent.LOOK;
    }

    /** "▼12" a put of item 12, "▲12" its take, "⚠ 0 of 1" a look that read 0 of 1 slot full. */
    @Override
    public String mark(EventLog.Batch batch, int i) {
        BufferEvent kind = BufferEvent.of(batch, i);
        if (kind == BufferEvent.LOOK) {
            return String.format(Locale.ROOT, "⚠ %,d of %,d", batch.item(i), batch.slot(i));
        }
        return (kind == BufferEvent.PUT ? "▼" : "▲") + String.format(Locale.ROOT, "%,d", batch.item(i));
    }

    @Override
    public int arrowFrom(EventLog.Batch batch, int i) {
        return BufferEvent.of(batch, i) == BufferEvent.WAKE ? batch.other(i) : -1;
    }

    /** The put or take that woke it, where the woken thread told its wake-up later (notify(), a release()). */
    @Override
    public long arrowFromEvent(EventLog.Batch batch, int i) {
        return BufferEvent.of(batch, i) == BufferEvent.WAKE ? BufferEvent.wakerMove(batch, i) : -1;
    }

    @Override
    public boolean arrowGuessed(EventLog.Batch batch, int i) {
        return BufferEvent.of(batch, i) == BufferEvent.WAKE && batch.item(i) == BufferEvent.WOKEN_BY_ONE_OF;
    }

    @Override
    public String style(String words) {
        return BufferViewModel.withSeparators(words);
    }
}
