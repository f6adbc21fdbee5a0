package dev.interleave.engine.buffer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The buffer's Flight Recorder events, read back from a recording with {@link RecordingFile}. */
@Timeout(60)
class BufferJfrTest {

    /**
     * Under a recording, every put and take is an event with its worker, item and slot (each item
     * put once and taken once), waits last as long as they waited and name their condition, and
     * signals say how many they woke; all in the "Interleave" category.
     */
    @Test
    void putTakeWaitAndSignalAreFlightRecorderEvents(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.jfr");
        try (Recording recording = new Recording()) {
            for (String name : List.of("Put", "Take", "Wait", "Signal")) {
                recording.enable("dev.interleave." + name).withThreshold(Duration.ZERO);
            }
            recording.start();
            BufferRunner runner = new BufferRunner();
            runner.start(BufferSettings.of(3, 2, 2, 2_000));
            assertTrue(runner.await().ok());
            recording.stop();
            recording.dump(file);
        }
        assertTrue(Files.size(file) > 0);
        Map<String, Integer> counts = new HashMap<>();
        Map<Long, Integer> puts = new HashMap<>();
        Map<Long, Integer> takes = new HashMap<>();
        int woken = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (!type.startsWith("dev.interleave.")) {
                continue;
            }
            counts.merge(type, 1, Integer::sum);
            assertEquals(List.of("Interleave", "Bounded Buffer"), event.getEventType().getCategoryNames());
            String worker = event.getString("worker");
            assertTrue(worker.matches("[PC][1-3]"), "worker " + worker);
            int slot = event.getInt("slot");
            assertTrue(slot >= 0 && slot < 2, "slot " + slot);
            switch (type) {
                case "dev.interleave.Put" -> {
                    assertTrue(worker.startsWith("P"));
                    puts.merge(event.getLong("item"), 1, Integer::sum);
                }
                case "dev.interleave.Take" -> {
                    assertTrue(worker.startsWith("C"));
                    takes.merge(event.getLong("item"), 1, Integer::sum);
                }
                case "dev.interleave.Wait" -> {
                    assertEquals(worker.startsWith("P") ? "notFull" : "notEmpty", event.getString("condition"));
                    assertTrue(!event.getDuration().isNegative());
                }
                case "dev.interleave.Signal" -> {
                    assertEquals(worker.startsWith("P") ? "notEmpty" : "notFull", event.getString("condition"));
                    woken += event.getInt("woken");
                }
                default -> throw new AssertionError("unexpected event " + type);
            }
        }
        assertEquals(2_000, puts.size(), "items put");
        assertEquals(2_000, takes.size(), "items taken");
        assertTrue(puts.values().stream().allMatch(n -> n == 1) && takes.values().stream().allMatch(n -> n == 1));
        assertEquals(4_000, counts.get("dev.interleave.Signal"), "one signal per put and per take");
        assertTrue(counts.getOrDefault("dev.interleave.Wait", 0) > 0, "waits on a 2-slot buffer: " + counts);
        assertTrue(woken > 0, "signals woke waiters");
    }
}
