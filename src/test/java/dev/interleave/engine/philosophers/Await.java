package dev.interleave.engine.philosophers;

import java.time.Duration;
import java.util.function.Predicate;

/** Waiting for a runner's snapshot to satisfy a condition, with a deadline (never a sleep and hope). */
final class Await {

    /** Generous: a loaded two-core machine may take a while; a correct run gets there in milliseconds. */
    static final Duration DEADLINE = Duration.ofSeconds(20);

    private Await() {
    }

    /**
     * Polls {@code runner}'s snapshot until {@code condition} holds; returns that snapshot.
     *
     * @throws AssertionError naming {@code what} and the last snapshot's table if the deadline passes
     */
    static PhilosophersSnapshot until(PhilosophersRunner runner, String what, Predicate<PhilosophersSnapshot> condition)
            throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            PhilosophersSnapshot now = runner.snapshot();
            if (condition.test(now)) {
                return now;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what + "; table: "
                        + now.table().philosophers() + ", forks " + now.table().forkHolders());
            }
            Thread.sleep(1);
        }
    }
}
