package dev.interleave.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Memory per in-flight thread, measured as a user measures it: each run in a fresh process (the
 * launcher the build writes), where nothing else grows or shrinks the heap under the run.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "RSS is read from /proc/self/status")
class CallsMemoryTest {

    private static final Path LAUNCHER = Path.of("target", "interleave");

    /** A platform thread costs more resident memory than a virtual one: its stack is native, the virtual one's a heap object. */
    @Test
    void platformThreadsCostMoreResidentMemoryThanVirtualOnes() throws Exception {
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " was not written by the build");
        // Sleeps up to 3 s: starting platform threads is slow, and they must pile up in flight.
        String virtual = run("calls", "--calls", "2000", "--concurrency", "2000", "--max-sleep-ms", "3000", "--json");
        String platform = run("calls", "--calls", "2000", "--concurrency", "2000", "--max-sleep-ms", "3000",
                "--threads", "platform", "--json");
        long virtualRss = Long.parseLong(CallsCommandTest.field(virtual, "rssBytesPerThread"));
        long platformRss = Long.parseLong(CallsCommandTest.field(platform, "rssBytesPerThread"));
        assertTrue(Long.parseLong(CallsCommandTest.field(platform, "memoryInFlight")) >= 500, platform);
        assertTrue(platformRss > virtualRss, "platform " + platformRss + " B, virtual " + virtualRss + " B per thread");
        assertTrue(platformRss >= 8_192, "a platform thread's stack touches pages of its own: " + platformRss + " B");
    }

    private static String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "did not finish: " + command);
        assertEquals(0, process.exitValue(), output);
        return output.strip();
    }
}
