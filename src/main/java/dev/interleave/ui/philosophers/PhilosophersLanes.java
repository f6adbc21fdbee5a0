package dev.interleave.ui.philosophers;

import java.util.List;

import dev.interleave.engine.philosophers.Names;
import dev.interleave.engine.philosophers.PhilosopherState;
import dev.interleave.engine.philosophers.PhilosophersTrace;
import dev.interleave.engine.philosophers.Strategy;
import dev.interleave.engine.philosophers.TableEvent;
import dev.interleave.engine.philosophers.TableState;
import dev.interleave.engine.run.EventLog;
import dev.interleave.ui.kit.Timeline;

/**
 * The deadlock lab's lanes on the kit's {@link Timeline}: one per philosopher, coloured by its state
 * with the seats' colours at the table, each fork picked up (+F2) or put down (−F2) a mark, and the
 * moment the circle closed drawn across every lane.
 */
final class PhilosophersLanes implements Timeline.Lanes<TableState> {

    @Override
    public int stateAfter(EventLog.Batch batch, int i) {
        int state = TableEvent.stateAfter(batch, i);
        return state == TableEvent.UNCHANGED ? Timeline.Lanes.UNCHANGED : code(PhilosopherState.values()[state]);
    }

    @Override
    public int stateOf(TableState state, int lane) {
        return lane < state.size() ? code(state.state(lane)) : -1;
    }

    static int code(PhilosopherState state) {
        return state == PhilosopherState.DONE ? -1 : state.ordinal();
    }

    @Override
    public int states() {
        return PhilosopherState.values().length;
    }

    /** The seats' colours (philosophers.css): the same state looks the same at the table and on its lane. */
    @Override
    public String colour(int state) {
        return switch (PhilosopherState.values()[state]) {
            case THINKING -> "-ph-think";
            case HUNGRY -> "-ph-hungry";
            case WAITING_FOR_SEAT -> "-il-in-buffer";
            case WAITING_FOR_FORK, TRYING_FORK -> "-il-lock";
            case EATING, PUTTING_DOWN -> "-il-working";
            case BACKING_OFF, AT_GATE -> "-il-gate";
            case DONE -> "-il-done-lane";
        };
    }

    @Override
    public String words(int state) {
        return PhilosophersTrace.words(PhilosopherState.values()[state]);
    }

    /** The timed states, and the moments between two fork actions, drawn long: the scheduler's. */
    @Override
    public String barNote(int state) {
        return switch (PhilosopherState.values()[state]) {
            case THINKING -> "Longer than the think time set? The rest is the scheduler's: " + OFF_CORE;
            case EATING -> "Longer than the eat time set? The rest is the scheduler's: " + OFF_CORE;
            case TRYING_FORK -> "A try lasts at most its timeout (" + Strategy.TRY_MILLIS + " ms with trylock and"
                    + " trylock-no-backoff):"
                    + " the rest is the scheduler's, and " + OFF_CORE;
            case HUNGRY, PUTTING_DOWN -> "Between two fork actions a thread waits for nothing: a long bar is the"
                    + " scheduler's, and " + OFF_CORE;
            default -> null;
        };
    }

    /**
     * Thin bars: putting forks down shares eating's colour, and hungry (between two fork actions) is a
     * moment between two others; a thin bar tells them from the states a philosopher stays in.
     */
    @Override
    public double height(int state) {
        return state == PhilosopherState.HUNGRY.ordinal() || state == PhilosopherState.PUTTING_DOWN.ordinal() ? 0.4 : 1;
    }

    @Override
    public List<Timeline.Legend> legend() {
        return List.of(legend(PhilosopherState.THINKING), legend(PhilosopherState.HUNGRY),
                new Timeline.Legend(PhilosopherState.WAITING_FOR_FORK.ordinal(), "waiting for / trying a fork"),
                legend(PhilosopherState.EATING), legend(PhilosopherState.PUTTING_DOWN),
                legend(PhilosopherState.WAITING_FOR_SEAT),
                new Timeline.Legend(PhilosopherState.AT_GATE.ordinal(), "at its gate / backing off"));
    }

    private static Timeline.Legend legend(PhilosopherState state) {
        return new Timeline.Legend(state.ordinal(), PhilosophersTrace.words(state));
    }

    @Override
    public boolean marked(EventLog.Batch batch, int i) {
        TableEvent kind = TableEvent.of(batch, i);
        return kind == TableEvent.TAKE || kind == TableEvent.PUT_DOWN;
    }

    @Override
    public String mark(EventLog.Batch batch, int i) {
        TableEvent kind = TableEvent.of(batch, i);
        int fork = TableEvent.fork(batch.slot(i));
        return switch (kind) {
            case TAKE -> "+" + Names.fork(fork);
            case PUT_DOWN -> "−" + Names.fork(fork);
            default -> null;
        };
    }

    @Override
    public String moment(EventLog.Batch batch, int i) {
        return TableEvent.of(batch, i) == TableEvent.DEADLOCK ? "deadlock" : null;
    }
}
