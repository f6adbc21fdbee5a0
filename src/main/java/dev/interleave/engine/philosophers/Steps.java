package dev.interleave.engine.philosophers;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import dev.interleave.engine.run.Gate;
import dev.interleave.engine.run.Hold;

/**
 * Pause and Step for a table: one {@link Gate} per philosopher, closed and opened together, so that
 * a step can go to the philosopher the learner chooses (its gate gets the permit), or, without a
 * choice, to the one that has waited longest at its gate. Safe to use from any thread.
 *
 * <p>A step for a philosopher that is not at its gate yet (thinking, eating, between two actions) is
 * kept for it: its next fork action is the step. A step for one that cannot act (it waits for a fork
 * or a seat) is refused, with the reason.
 */
public final class Steps implements Hold {

    /*
     * Implementation notes: the gates are the run kit's, unchanged; each philosopher passes only
     * its own. close() and open() are called by the lifecycle under its lock, step() too (Runner.step),
     * so steps never interleave with a pause or resume. stepsTaken and lastStepped are guarded by
     * this object's monitor. Who is parked is read from each gate's view (under the gate's lock);
     * a philosopher's arrival number is written under its gate's lock before it joins the queue.
     */

    private final List<Gate> gates;
    /** Steps granted. Guarded by this. */
    private long stepsTaken;
    /** The philosopher granted the latest step, or "". Guarded by this. */
    private String lastStepped = "";

    /** Open gates for {@code n} philosophers. */
    Steps(int n) {
        gates = Stream.generate(Gate::new).limit(n).toList();
    }

    /** Philosopher {@code p}'s gate. */
    Gate gate(int p) {
        return gates.get(p);
    }

    @Override
    public void close() {
        gates.forEach(Gate::close);
    }

    @Override
    public void open() {
        gates.forEach(Gate::open);
    }

    /**
     * Lets one fork action happen: {@code chosen}'s (an index), or with -1 the action of the
     * philosopher waiting longest at its gate; when nobody is at a gate yet, the next action of the
     * first philosopher on its way to one (thinking or eating: it takes the step when it gets there).
     *
     * @throws IllegalStateException saying why, when the chosen philosopher cannot act, or nobody is at a gate
     */
    synchronized void step(int chosen, List<Philosopher> philosophers, Table table) {
        Philosopher next = chosen >= 0 ? philosophers.get(chosen) : longestWaiting(philosophers);
        if (next == null && table.deadlock() != null) {
            throw new IllegalStateException(NOBODY_CAN_ACT);
        }
        if (next == null) {
            // Nobody at a gate yet (a run just started parked, or all are thinking or eating): the step
            // is kept for the first philosopher on its way to its gate, unless one is kept already.
            TableView now = table.view();
            next = philosophers.stream().filter(p -> onItsWay(now, p)).findFirst().orElse(null);
            if (next == null) {
                throw new IllegalStateException(philosophers.stream().anyMatch(p -> p.gate().view().permits() > 0)
                        ? "A step is on its way: its philosopher takes it at its next fork action."
                        : "Nobody can act now: every philosopher waits for a fork or a seat.");
            }
        }
        if (!parked(next)) {
            refuseIfBlocked(table.view(), next.index());
        }
        next.gate().step();
        stepsTaken++;
        lastStepped = next.name();
    }

    /** Why a deadlocked table takes no step. */
    public static final String NOBODY_CAN_ACT = "Nobody can act: every philosopher in the circle is blocked on a fork"
            + " (deadlock). Stop ends the run.";

    /** Whether p is thinking, eating or between actions (not blocked, not done), with no step kept for it. */
    private static boolean onItsWay(TableView table, Philosopher p) {
        return switch (table.philosophers().get(p.index()).state()) {
            case THINKING, HUNGRY, EATING, PUTTING_DOWN, BACKING_OFF -> p.gate().view().permits() == 0;
            default -> false;
        };
    }

    /** Refuses a step for a philosopher blocked in a wait: it has no action to take until the wait ends. */
    private static void refuseIfBlocked(TableView table, int p) {
        TableView.Diner diner = table.philosophers().get(p);
        String why = switch (diner.state()) {
            case WAITING_FOR_FORK -> String.format("%s waits for %s, which %s holds: it has no action to take until %s"
                    + " is put down.", diner.name(), Names.fork(diner.waitingFor()),
                    holder(table, diner.waitingFor()), Names.fork(diner.waitingFor()));
            case TRYING_FORK -> String.format("%s is trying %s: step again when it has it or has given up.",
                    diner.name(), Names.fork(diner.waitingFor()));
            case WAITING_FOR_SEAT -> diner.name() + " waits for a seat: it acts when someone leaves the table.";
            case DONE -> diner.name() + " has left the table.";
            default -> null;
        };
        if (why != null) {
            throw new IllegalStateException(why);
        }
    }

    private static String holder(TableView table, int fork) {
        int holder = table.forkHolders().get(fork);
        return holder < 0 ? "nobody" : Names.philosopher(holder);
    }

    private static boolean parked(Philosopher p) {
        return p.gate().view().waiting().contains(p.name());
    }

    private static Philosopher longestWaiting(List<Philosopher> philosophers) {
        return philosophers.stream().filter(Steps::parked).min(Comparator.comparingLong(Philosopher::arrivedAtGate))
                .orElse(null);
    }

    /**
     * The steps at one instant.
     *
     * @param atGate      the philosophers parked at their gates, longest waiting first
     * @param stepsTaken  steps granted in this run
     * @param lastStepped who was granted the latest, or ""
     * @param pending     whether a step was granted that its philosopher has not taken yet (it is
     *                    still thinking or eating on its way to its gate)
     */
    public record View(List<String> atGate, long stepsTaken, String lastStepped, boolean pending) {

        public static final View NONE = new View(List.of(), 0, "", false);

        public View {
            atGate = List.copyOf(atGate);
            Objects.requireNonNull(lastStepped);
        }
    }

    View view(List<Philosopher> philosophers) {
        List<String> atGate = philosophers.stream().filter(Steps::parked)
                .sorted(Comparator.comparingLong(Philosopher::arrivedAtGate)).map(Philosopher::name).toList();
        boolean pending = gates.stream().anyMatch(gate -> gate.view().permits() > 0);
        synchronized (this) {
            return new View(atGate, stepsTaken, lastStepped, pending);
        }
    }
}
