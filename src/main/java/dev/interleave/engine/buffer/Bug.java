package dev.interleave.engine.buffer;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.interleave.engine.run.Labelled;
import dev.interleave.engine.run.Labels;

/**
 * A mistake an instrumented buffer can be built with, on purpose: the planted bugs of the
 * condition-variable lab. Each is switched on in the real class ({@link BoundedBuffer},
 * {@link MonitorBuffer}, {@link SemaphoreBuffer}), never in a copy, so the lab's detector and the
 * tests run against the code the lab shows ({@link BufferCode}). Each goes with the
 * implementations it names ({@link #appliesTo}); {@link #NONE} with all.
 */
public enum Bug implements Labelled {

    /** The correct buffer. */
    NONE("none", EnumSet.allOf(BufferImpl.class)),

    /**
     * {@code if} where {@code while} belongs around {@code await} / {@code wait}: a woken thread does
     * not re-check. Another thread can take the item (or the slot) between the signal and the woken
     * thread's return, or the wake-up was spurious, and it takes from an empty slot or puts over a
     * full one. Lock and monitor.
     */
    IF_NOT_WHILE("if-not-while", EnumSet.of(BufferImpl.LOCK, BufferImpl.MONITOR)),

    /**
     * Producers and consumers wait on one shared condition, and {@code signal} wakes one thread of
     * either side. A consumer's signal meant for a producer can wake another consumer, which finds
     * the buffer empty and waits again: the signal is lost, and the run can stall with everybody
     * waiting. Lock only (a monitor has one wait set anyway: see {@link #NOTIFY}).
     */
    ONE_CONDITION("one-condition", EnumSet.of(BufferImpl.LOCK)),

    /**
     * {@code notify()} instead of {@code notifyAll()}: the monitor's one wait set holds producers and
     * consumers, and {@code notify} wakes one of either side: a lottery that can wake the wrong side
     * and stall the run. Monitor only.
     */
    NOTIFY("notify", EnumSet.of(BufferImpl.MONITOR)),

    /**
     * The count is checked outside the lock (check-then-act): a put that sees room (a take that sees
     * an item) before locking goes ahead without checking again. Two producers can both see the
     * last free slot, and the second writes over the first one's item. In the semaphore buffer the
     * permits are looked at ({@code availablePermits()}) instead of taken: seeing one, it goes on
     * without taking it. Lock, monitor and semaphore.
     */
    UNLOCKED_COUNT("unlocked-count", EnumSet.of(BufferImpl.LOCK, BufferImpl.MONITOR, BufferImpl.SEMAPHORE));

    private final String label;
    private final Set<BufferImpl> impls;

    Bug(String label, Set<BufferImpl> impls) {
        this.label = label;
        this.impls = impls;
    }

    /** The name the command line and the window use, e.g. {@code "if-not-while"}. */
    @Override
    public String label() {
        return label;
    }

    /** Whether {@code impl} can be built with this bug. */
    public boolean appliesTo(BufferImpl impl) {
        return impls.contains(impl);
    }

    /** The implementations this bug goes with, in declaration order. */
    public Set<BufferImpl> impls() {
        return EnumSet.copyOf(impls);
    }

    /** The bugs {@code impl} can be built with, {@link #NONE} first. */
    public static Set<Bug> forImpl(BufferImpl impl) {
        Set<Bug> bugs = EnumSet.noneOf(Bug.class);
        for (Bug bug : values()) {
            if (bug.appliesTo(impl)) {
                bugs.add(bug);
            }
        }
        return bugs;
    }

    /**
     * Which bugs go with which implementations, in one line: "if-not-while: lock, monitor;
     * one-condition: lock; notify: monitor; unlocked-count: lock, monitor, semaphore (none: any)".
     */
    public static String combinations() {
        StringBuilder out = new StringBuilder();
        for (Bug bug : values()) {
            if (bug == NONE) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(bug.label).append(": ")
                    .append(bug.impls.stream().map(BufferImpl::label).collect(Collectors.joining(", ")));
        }
        return out.append(" (none: any)").toString();
    }

    /**
     * @throws IllegalArgumentException naming the allowed labels
     */
    public static Bug fromLabel(String label) {
        for (Bug bug : values()) {
            if (bug.label.equalsIgnoreCase(label)) {
                return bug;
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "'%s' is not a planted bug%s; allowed: none, if-not-while, one-condition, notify, unlocked-count", label,
                Labels.meant(label, Arrays.stream(values()).map(bug -> bug.label).toList())));
    }

    @Override
    public String toString() {
        return label;
    }
}
