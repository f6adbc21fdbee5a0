package dev.interleave.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's threads keep their priority; the others are lowered. Linux: where it applies. */
@EnabledOnOs(OS.LINUX)
class UiPriorityTest {

    @Test
    void lowersTheThreadsItDoesNotKeep() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread lowered = waiting("uiprio-lower", release);
        Thread kept = waiting("uiprio-keep", release);
        try {
            long loweredTid = tidOf("uiprio-lower");
            long keptTid = tidOf("uiprio-keep");
            int keptBefore = UiPriority.niceOf(keptTid);
            assertTrue(UiPriority.niceOf(loweredTid) < 15, "starts above the target priority");
            // Lower only the test's own thread, so the rest of this JVM is untouched.
            UiPriority priority = UiPriority.create(name -> name.equals("uiprio-lower") ? 15 : 0).orElseThrow();
            priority.sweep();
            assertEquals(15, UiPriority.niceOf(loweredTid));
            assertEquals(keptBefore, UiPriority.niceOf(keptTid), "a kept thread is left alone");
            priority.sweep();
            assertEquals(15, UiPriority.niceOf(loweredTid), "sweeping again changes nothing");
        } finally {
            release.countDown();
            lowered.join();
            kept.join();
        }
    }

    /**
     * A run's threads are born at the priority of the thread that starts them (the FX thread's):
     * sweepSoon, called when a run starts, lowers them now, not at the keeper's next sweep.
     */
    @Test
    void sweepSoonLowersNewThreadsWithoutWaitingForTheInterval() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread keeper = UiPriority.start(name -> name.equals("uiprio-soon") ? 15 : 0, Duration.ofHours(1));
        Thread soon = null;
        try {
            // The keeper's first sweep done (it parks after it), before the thread exists.
            long parked = System.nanoTime() + 10_000_000_000L;
            while (keeper.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < parked) {
                Thread.sleep(5);
            }
            assertEquals(Thread.State.TIMED_WAITING, keeper.getState(), "the keeper swept once and waits");
            soon = waiting("uiprio-soon", release);
            long tid = tidOf("uiprio-soon");
            assertTrue(UiPriority.niceOf(tid) < 15, "starts above the target priority");
            UiPriority.sweepSoon();
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (UiPriority.niceOf(tid) != 15 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(15, UiPriority.niceOf(tid), "lowered at once, an hour before the next sweep");
        } finally {
            keeper.interrupt();
            keeper.join();
            release.countDown();
            if (soon != null) {
                soon.join();
            }
        }
    }

    @Test
    void theWindowThreadsAreNamedAsTheKernelHoldsThem() {
        // The kernel keeps 15 characters of a thread's name.
        assertTrue(UiPriority.WINDOW_THREADS.contains("JavaFX Application Thread".substring(0, 15)));
        assertTrue(UiPriority.WINDOW_THREADS.contains("QuantumRenderer-0".substring(0, 15)));
    }

    /** One sweep takes each thread to its own nice value: 5 for one, 15 for another, the rest left alone. */
    @Test
    void eachThreadGoesToItsOwnNiceValue() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread half = waiting("uiprio-half", release);
        Thread low = waiting("uiprio-low", release);
        Thread kept = waiting("uiprio-kept", release);
        try {
            long halfTid = tidOf("uiprio-half");
            long lowTid = tidOf("uiprio-low");
            long keptTid = tidOf("uiprio-kept");
            int keptBefore = UiPriority.niceOf(keptTid);
            assertTrue(UiPriority.niceOf(halfTid) < 5, "starts above the target priority");
            UiPriority priority = UiPriority.create(name -> switch (name) {
                case "uiprio-half" -> 5;
                case "uiprio-low" -> 15;
                default -> 0;
            }).orElseThrow();
            priority.sweep();
            assertEquals(5, UiPriority.niceOf(halfTid));
            assertEquals(15, UiPriority.niceOf(lowTid));
            assertEquals(keptBefore, UiPriority.niceOf(keptTid), "a thread left alone keeps its nice value");
        } finally {
            release.countDown();
            half.join();
            low.join();
            kept.join();
        }
    }

    @Test
    void theCollectorGoesHalfWayTheRunAllTheWayTheWindowNowhere() {
        // Kernel names (15 characters) of Shenandoah's, ZGC's and G1's threads, of a run's, and of the window's.
        for (String collector : List.of("Shenandoah GC T", "Shenandoah Cont", "ZWorkerYoung#0", "ZDriverMajor",
                "G1 Conc#0", "GC Thread#0", "VM Thread")) {
            assertEquals(UiPriority.COLLECTOR_NICE, UiPriority.niceFor(collector), collector);
        }
        for (String run : List.of("ForkJoinPool-1-", "interleave-call", "C2 CompilerThre", "C1 CompilerThre",
                "interleave-buff")) {
            assertEquals(UiPriority.BACKGROUND_NICE, UiPriority.niceFor(run), run);
        }
        for (String window : UiPriority.WINDOW_THREADS) {
            assertEquals(0, UiPriority.niceFor(window), window);
        }
        assertTrue(0 < UiPriority.COLLECTOR_NICE && UiPriority.COLLECTOR_NICE < UiPriority.BACKGROUND_NICE);
    }

    private static Thread waiting(String name, CountDownLatch release) {
        return Thread.ofPlatform().name(name).start(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static long tidOf(String name) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                var match = tasks.filter(task -> {
                    try {
                        return Files.readString(task.resolve("comm")).strip().equals(name);
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst();
                if (match.isPresent()) {
                    return Long.parseLong(match.get().getFileName().toString());
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no thread named " + name);
    }
}
