package dev.interleave.engine.buffer;

import java.util.Objects;

import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.ThreadKind;

/**
 * What a buffer run does: P producers put the items 1..M into a buffer of capacity K while Q
 * consumers take them out.
 *
 * @param producers     1 to {@link #MAX_WORKERS}
 * @param consumers     1 to {@link #MAX_WORKERS}
 * @param capacity      1 to {@link #MAX_CAPACITY}
 * @param items         how many items, 1 to {@link #MAX_ITEMS}; 0 means unbounded, until Stop
 * @param produceDelay  how long making one item takes (outside the lock)
 * @param consumeDelay  how long using one item takes (outside the lock)
 * @param policy        how the buffer wakes waiters
 * @param fair          whether the buffer's lock is fair
 * @param threads       which threads the workers run on
 * @param impl          which buffer
 * @param bug           the planted bug ({@link Bug#NONE}: the correct code); must go with impl
 *                      ({@link Bug#appliesTo})
 * @param spurious      the fraction of waits, 0 to 1, that the lab makes return without a signal (a
 *                      spurious wake-up, recorded as such: {@link BufferEvent#SPURIOUS}); 0 for none.
 *                      Such a wait lasts at most 50 µs (1 ms in the monitor, whose wait counts in
 *                      ms); a signal in the meantime makes it an ordinary wake-up, so a few fewer end
 *                      spuriously than the rate says. Only a condition variable's wait wakes spuriously:
 *                      ignored by {@link BufferImpl#SEMAPHORE} ({@code acquire()} returns only with a
 *                      permit) and {@link BufferImpl#ABQ}, as fair is by the monitor (see
 *                      {@link BufferImpl#takesSpurious()})
 */
public record BufferSettings(int producers, int consumers, int capacity, long items, DelayRange produceDelay,
                             DelayRange consumeDelay, WakePolicy policy, boolean fair, ThreadKind threads,
                             BufferImpl impl, Bug bug, double spurious) {

    public static final int MAX_WORKERS = 200;
    public static final int MAX_CAPACITY = 1_000_000;
    /** The most items in one run (the run keeps one bit per item to check each is consumed once). */
    public static final long MAX_ITEMS = 1_000_000_000L;

    /**
     * @throws IllegalArgumentException naming the setting out of range and what is allowed
     */
    public BufferSettings {
        Objects.requireNonNull(produceDelay);
        Objects.requireNonNull(consumeDelay);
        Objects.requireNonNull(policy);
        Objects.requireNonNull(threads);
        Objects.requireNonNull(impl);
        Objects.requireNonNull(bug);
        if (!bug.appliesTo(impl)) {
            throw new IllegalArgumentException("bug " + bug.label() + " does not go with the " + impl.label()
                    + " buffer; bugs go with: " + Bug.combinations());
        }
        if (!(spurious >= 0 && spurious <= 1)) {
            throw new IllegalArgumentException("spurious must be a fraction 0 to 1, was " + spurious);
        }
        requireInRange("producers", producers, 1, MAX_WORKERS);
        requireInRange("consumers", consumers, 1, MAX_WORKERS);
        requireInRange("capacity", capacity, 1, MAX_CAPACITY);
        requireInRange("items", items, 0, MAX_ITEMS);
    }

    /** The correct code ({@link Bug#NONE}) with no spurious wake-ups. */
    public BufferSettings(int producers, int consumers, int capacity, long items, DelayRange produceDelay,
                          DelayRange consumeDelay, WakePolicy policy, boolean fair, ThreadKind threads,
                          BufferImpl impl) {
        this(producers, consumers, capacity, items, produceDelay, consumeDelay, policy, fair, threads, impl, Bug.NONE,
                0);
    }

    /** Defaults: no delays, signal, non-fair, platform threads, the lock buffer, no bug, no spurious wake-ups. */
    public static BufferSettings of(int producers, int consumers, int capacity, long items) {
        return new BufferSettings(producers, consumers, capacity, items, DelayRange.NONE, DelayRange.NONE,
                WakePolicy.SIGNAL, false, ThreadKind.PLATFORM, BufferImpl.LOCK);
    }

    /** The same run with {@code producers} and {@code consumers} (a change made during the run). */
    public BufferSettings withWorkers(int producers, int consumers) {
        return new BufferSettings(producers, consumers, capacity, items, produceDelay, consumeDelay, policy, fair,
                threads, impl, bug, spurious);
    }

    /** The same run with {@code capacity} slots (a change made during the run). */
    public BufferSettings withCapacity(int capacity) {
        return new BufferSettings(producers, consumers, capacity, items, produceDelay, consumeDelay, policy, fair,
                threads, impl, bug, spurious);
    }

    public BufferSettings withDelays(DelayRange produce, DelayRange consume) {
        return new BufferSettings(producers, consumers, capacity, items, produce, consume, policy, fair, threads,
                impl, bug, spurious);
    }

    public BufferSettings withPolicy(WakePolicy policy) {
        return new BufferSettings(producers, consumers, capacity, items, produceDelay, consumeDelay, policy, fair,
                threads, impl, bug, spurious);
    }

    public BufferSettings withThreads(ThreadKind threads) {
        return new BufferSettings(producers, consumers, capacity, items, produceDelay, consumeDelay, policy, fair,
                threads, impl, bug, spurious);
    }

    /** The same run on {@code impl}; the bug is kept if it goes with impl, else {@link Bug#NONE}. */
    public BufferSettings withImpl(BufferImpl impl) {
        return new BufferSettings(producers, consumers, capacity, items, produceDelay, consumeDelay, policy, fair,
                threads, impl, bug.appliesTo(impl) ? bug : Bug.NONE, spurious);
    }

    /**
     * Whether producers and consumers wait in one wait set: the monitor's (one object's wait set), or
     * the lock buffer's with {@link Bug#ONE_CONDITION}. Its snapshot then shows that set in wait order.
     */
    public boolean oneWaitSet() {
        return oneWaitSet(impl, bug);
    }

    /** Whether {@code impl} with {@code bug} has one wait set for both sides (see {@link #oneWaitSet()}). */
    public static boolean oneWaitSet(BufferImpl impl, Bug bug) {
        return impl == BufferImpl.MONITOR || impl == BufferImpl.LOCK && bug == Bug.ONE_CONDITION;
    }

    /** {@link #machinery(BufferImpl, WakePolicy, boolean)} of this run. */
    public String machinery() {
        return machinery(impl, policy, fair);
    }

    /**
     * What is set for {@code impl}'s waking and locking, only what applies to it: "signal, non-fair
     * lock" (the lock buffer), "fair queue" (abq: it signals one waiter), "non-fair semaphores", and
     * nothing for the monitor (notifyAll, and synchronized is never fair).
     */
    public static String machinery(BufferImpl impl, WakePolicy policy, boolean fair) {
        String fairness = fair ? "fair" : "non-fair";
        return switch (impl) {
            case LOCK -> policy + ", " + fairness + " lock";
            case ABQ -> fairness + " queue";
            case MONITOR -> "";
            case SEMAPHORE -> fairness + " semaphores";
        };
    }

    /** The same run with {@code bug} planted ({@link Bug#NONE}: none). */
    public BufferSettings withBug(Bug bug) {
        return new BufferSettings(producers, consumers, capacity, items, produceDelay, consumeDelay, policy, fair,
                threads, impl, bug, spurious);
    }

    /** The same run with {@code spurious} of its waits ending without a signal. */
    public BufferSettings withSpurious(double spurious) {
        return new BufferSettings(producers, consumers, capacity, items, produceDelay, consumeDelay, policy, fair,
                threads, impl, bug, spurious);
    }

    /**
     * The delays in words, "produce 1..2 ms, consume 2..3 ms", or "" where neither is set: they change
     * every figure, so a run's header and its trace's title say them (an expert's audit).
     */
    public String delays() {
        return produceDelay.equals(DelayRange.NONE) && consumeDelay.equals(DelayRange.NONE) ? ""
                : "produce " + produceDelay.words() + " ms, consume " + consumeDelay.words() + " ms";
    }

    /** Whether the run ends by itself (a number of items) or only on Stop. */
    public boolean isBounded() {
        return items > 0;
    }

    /** M(M+1)/2: the sum of the items when each is consumed once. Exact for M up to about 4 * 10^9. */
    public long expectedSum() {
        return items * (items + 1) / 2;
    }

    private static void requireInRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(String.format("%s must be %,d to %,d, was %,d", name, min, max, value));
        }
    }
}
