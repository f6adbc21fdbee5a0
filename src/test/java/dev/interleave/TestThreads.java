package dev.interleave;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The threads a test starts: each is joined, and the first failure in any of them fails the test
 * at once, with that failure: the test's own thread is interrupted out of whatever it waits for,
 * and {@link #check()}, {@link #await} and {@link #joinAll()} rethrow the failure as the cause.
 * Use one per test; the test's thread is the one that creates it.
 */
public final class TestThreads {

    /** A thread body that may throw anything. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private final Thread owner = Thread.currentThread();
    private final List<Thread> started = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Starts a platform thread running {@code body}. */
    public Thread start(String name, Body body) {
        Thread thread = Thread.ofPlatform().name(name).start(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                if (failure.compareAndSet(null, e)) {
                    owner.interrupt();
                }
            }
        });
        started.add(thread);
        return thread;
    }

    /** Throws the first failure of a started thread, if any. */
    public void check() {
        Throwable first = failure.get();
        if (first != null) {
            Thread.interrupted(); // the owner was interrupted to get here at once; the failure says why
            throw new AssertionError("a thread the test started failed: " + first, first);
        }
    }

    /**
     * Waits until {@code condition} holds, checking for failures while it waits.
     *
     * @throws AssertionError naming {@code what} if the deadline passes first
     */
    public void await(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            check();
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline.toSeconds() + " s: " + what);
            }
            Thread.onSpinWait();
        }
        check();
    }

    /** Joins every started thread (each within 60 s, a deadline for a hung thread) and rethrows the first failure. */
    public void joinAll() {
        try {
            for (Thread thread : started) {
                // join's answer, not isAlive() after it: a thread join has seen terminate can still
                // read alive for a moment (its native thread exiting), and this said "still alive after
                // 60 s" 0.4 µs into the join, once in five runs of BufferRunnerRaceTest.
                if (!thread.join(Duration.ofSeconds(60))) {
                    check();
                    throw new AssertionError(thread.getName() + " still alive after 60 s");
                }
            }
        } catch (InterruptedException e) {
            check();
            throw new AssertionError("interrupted while joining", e);
        }
        check();
    }
}
