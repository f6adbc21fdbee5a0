package dev.interleave.engine.calls;

import java.util.Objects;

/**
 * A slow, I/O-bound call: it reads the shared counter, sleeps a random time (the "I/O"), and
 * returns the value it read. The sleep is the plan's draw for the call's number, not for the value
 * read: a racy counter that hands one value to a hundred calls would otherwise give them all one
 * sleep, and its runs (whose values differ every time) sleeps no seed could repeat.
 *
 * <p>Safe to call from any number of threads at once; it holds no lock while sleeping.
 */
public final class Service {

    private final Counter counter;
    private final SleepPlan sleepPlan;
    private final Sleeper sleeper;

    /**
     * @param counter   the shared counter the calls read
     * @param sleepPlan the sleep each call draws, by its number
     * @param sleeper   how to wait ({@link Sleeper#REAL} outside tests)
     */
    public Service(Counter counter, SleepPlan sleepPlan, Sleeper sleeper) {
        this.counter = Objects.requireNonNull(counter);
        this.sleepPlan = Objects.requireNonNull(sleepPlan);
        this.sleeper = Objects.requireNonNull(sleeper);
    }

    /**
     * Reads the counter, sleeps {@code sleepPlan.sleepMillisFor(callNumber)} and returns the value read.
     *
     * @param callNumber the call's number, 1 for the first started
     * @throws InterruptedException if interrupted while sleeping; the value read is then lost
     */
    public long call(long callNumber) throws InterruptedException {
        long value = counter.next();
        sleeper.sleep(sleepPlan.sleepMillisFor(callNumber));
        return value;
    }
}
