package dev.interleave.engine.race;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.interleave.engine.run.Labelled;

/**
 * What each thread of the slow-motion stepper runs, once per increment, one {@link Step} at a
 * time: the racy {@code count++}, the atomic {@code incrementAndGet}, or a compare-and-set loop.
 * The steps are real operations on one shared {@link java.util.concurrent.atomic.AtomicLong}; the
 * stepper only decides which thread takes its next step.
 */
public enum StepProgram implements Labelled {

    /**
     * {@code count++} as the three steps it is: read into a register, add one, write back. Another
     * thread that writes between this thread's read and its write has its increment overwritten:
     * a lost update. Choose it to see the race.
     */
    COUNT_PLUS_PLUS("count++", List.of(Step.READ, Step.ADD, Step.WRITE)) {
        @Override
        void increment(Lane lane) throws InterruptedException {
            lane.await(Step.READ);
            long r = lane.count().get();
            lane.read(r);
            lane.await(Step.ADD);
            r = r + 1;
            lane.added(r);
            lane.await(Step.WRITE);
            // What the write replaces, read for the record only: no other thread of the stepper
            // moves while this one takes its step.
            long overwritten = lane.count().get();
            lane.count().set(r);
            lane.wrote(overwritten, r);
        }
    },

    /**
     * {@code count.incrementAndGet()}: one indivisible step, so no thread can come between its read
     * and its write. Choose it to see the fix at the same scale as the bug.
     */
    ATOMIC("incrementAndGet", List.of(Step.INCREMENT_AND_GET)) {
        @Override
        void increment(Lane lane) throws InterruptedException {
            lane.await(Step.INCREMENT_AND_GET);
            lane.incremented(lane.count().incrementAndGet());
        }
    },

    /**
     * A compare-and-set loop: read, compute, and swap only if the count still holds what was read;
     * a failed swap changes nothing, and the thread reads again. Choose it to see a failed CAS and
     * its retry: what {@code incrementAndGet} does inside, where the hardware has no fetch-and-add.
     */
    CAS("cas-loop", List.of(Step.CAS_READ, Step.CAS_COMPUTE, Step.CAS_SWAP)) {
        @Override
        void increment(Lane lane) throws InterruptedException {
            while (true) {
                lane.await(Step.CAS_READ);
                long seen = lane.count().get();
                lane.seen(seen);
                lane.await(Step.CAS_COMPUTE);
                long next = seen + 1;
                lane.computed(seen, next);
                lane.await(Step.CAS_SWAP);
                boolean swapped = lane.count().compareAndSet(seen, next);
                lane.swapped(seen, next, swapped);
                if (swapped) {
                    return;
                }
            }
        }
    };

    private final String label;
    private final List<Step> steps;

    StepProgram(String label, List<Step> steps) {
        this.label = label;
        this.steps = steps;
    }

    /** One increment, step by step: each step waits for its turn at the lane's gate first. */
    abstract void increment(Lane lane) throws InterruptedException;

    /** The program's steps, in order (the CAS loop goes back to its first on a failed swap). */
    public List<Step> steps() {
        return steps;
    }

    /** Whether some interleaving of this program loses an update. */
    public boolean canLoseUpdates() {
        return this == COUNT_PLUS_PLUS;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** What a program's step needs from the stepper: the turn, the shared count, and where to record what it did. */
    interface Lane {

        /** Waits until this thread may take {@code step}. */
        void await(Step step) throws InterruptedException;

        /** The shared count. */
        AtomicLong count();

        /** count++ read {@code value} into its register. */
        void read(long value);

        /** count++ added one: the register holds {@code value}. */
        void added(long value);

        /** count++ wrote {@code value} back over {@code overwritten}. */
        void wrote(long overwritten, long value);

        /** incrementAndGet returned {@code value}. */
        void incremented(long value);

        /** The CAS loop read {@code seen}. */
        void seen(long seen);

        /** The CAS loop computed {@code next} from {@code seen}. */
        void computed(long seen, long next);

        /** The CAS loop's compareAndSet(seen, next) returned {@code swapped}. */
        void swapped(long seen, long next, boolean swapped);
    }
}
