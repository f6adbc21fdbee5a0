package dev.interleave.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
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
            UiPriority priority = UiPriority.create(name -> !name.equals("uiprio-lower"), 15).orElseThrow();
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

    @Test
    void theWindowThreadsAreNamedAsTheKernelHoldsThem() {
        // The kernel keeps 15 characters of a thread's name.
        assertTrue(UiPriority.WINDOW_THREADS.contains("JavaFX Application Thread".substring(0, 15)));
        assertTrue(UiPriority.WINDOW_THREADS.contains("QuantumRenderer-0".substring(0, 15)));
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
