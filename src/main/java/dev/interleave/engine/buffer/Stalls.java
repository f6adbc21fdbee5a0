package dev.interleave.engine.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of the lab's two findings, the same for every implementation: who waits where when
 * everybody waits (a stall), and which invariant a put or take was about to break (a violation).
 */
final class Stalls {

    private Stalls() {
    }

    /**
     * Null unless every worker in {@code workers} that has not finished is in a wait set
     * ({@link WorkerState#WAITING_NOT_FULL} or {@link WorkerState#WAITING_NOT_EMPTY}) and at least one
     * is; then who waits where: "P1, P2 wait on notFull and C1 waits on notEmpty, with 1 of 1 slot
     * full: nobody is left to wake them" ("P1, P2, C1 all wait on the monitor" where both sides share
     * one wait set). Read the views under the buffer's lock.
     *
     * @param fullName  what producers wait on, e.g. "notFull", "the monitor", "freeSlots"
     * @param emptyName what consumers wait on
     */
    static String everyoneWaiting(List<BufferSnapshot.WorkerView> workers, int count, int capacity, String fullName,
                                  String emptyName) {
        List<String> onFull = new ArrayList<>();
        List<String> onEmpty = new ArrayList<>();
        for (BufferSnapshot.WorkerView worker : workers) {
            switch (worker.state()) {
                case DONE -> {
                }
                case WAITING_NOT_FULL -> onFull.add(worker.name());
                case WAITING_NOT_EMPTY -> onEmpty.add(worker.name());
                default -> {
                    return null;
                }
            }
        }
        if (onFull.isEmpty() && onEmpty.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>(2);
        if (fullName.equals(emptyName) && !onFull.isEmpty() && !onEmpty.isEmpty()) {
            // One wait set (the monitor): "P1, P2, C1 all wait on the monitor", not "P1, P2 wait on the
            // monitor and C1 waits on the monitor".
            List<String> all = new ArrayList<>(onFull);
            all.addAll(onEmpty);
            parts.add(String.join(", ", all) + (all.size() == 2 ? " both" : " all") + " wait on " + fullName);
            onFull.clear();
            onEmpty.clear();
        }
        if (!onFull.isEmpty()) {
            parts.add(String.join(", ", onFull) + (onFull.size() == 1 ? " waits" : " wait") + " on " + fullName);
        }
        if (!onEmpty.isEmpty()) {
            parts.add(String.join(", ", onEmpty) + (onEmpty.size() == 1 ? " waits" : " wait") + " on " + emptyName);
        }
        return String.format(Locale.ROOT, "%s, with %,d of %,d %s full: nobody is left to wake them",
                String.join(" and ", parts), count, capacity, capacity == 1 ? "slot" : "slots");
    }

    /**
     * The violation of a put of {@code item} over {@code slot} holding {@code found}
     * ({@link BufferEvent#OVER_FULL_SLOT}), or of a take from {@code slot}, which is empty
     * ({@link BufferEvent#FROM_EMPTY_SLOT}).
     */
    static BufferViolation violation(Worker worker, long item, int slot, int what, long found, int count,
                                     int capacity) {
        if (what == BufferEvent.OVER_FULL_SLOT) {
            // "was about to": the lab stops the action before it changes anything.
            // The count the action would leave, said: "(count >= 0)" beside "count 0 of 1" read as a
            // rule kept.
            return new BufferViolation("a put must fill an empty slot (count never above capacity)",
                    String.format(Locale.ROOT, "%s was about to put #%d over slot %d, which holds #%d (count %d of"
                            + " %d: the put would make it %d)", worker.name(), item, slot, found, count, capacity,
                            count + 1));
        }
        return new BufferViolation("a take must empty a full slot (count never below 0)", String.format(Locale.ROOT,
                "%s was about to take from slot %d, which is empty (count %d of %d: the take would make it %d)",
                worker.name(), slot, count, capacity, count - 1));
    }
}
