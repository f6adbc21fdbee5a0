package dev.interleave.ui.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real app as a child process, on JavaFX's headless platform. */
@Timeout(120)
class AppProcessTest {

    /**
     * Closing the window during the 1,000,000-call run ends the process: no thread of the run holds
     * it (10 s is a deadline for a hung process, not a figure; the app's own watchdog ends it 3 s
     * after the close at the latest).
     */
    @Test
    void closingTheWindowDuringARunEndsTheProcess() throws Exception {
        Process app = start("--close-during-run");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            List<String> seen = new ArrayList<>();
            while ((line = out.readLine()) != null && !line.equals("closing during the run")) {
                seen.add(line);
            }
            assertEquals("closing during the run", line, "the app never got to close: " + seen);
            boolean ended = app.waitFor(10, TimeUnit.SECONDS);
            assertTrue(ended, "the process was still alive 10 s after the window closed");
        } finally {
            app.destroyForcibly();
        }
    }

    /** --smoke opens the window, waits for the first frame, prints the time and exits 0. */
    @Test
    void smokeCheckOpensTheWindowAndExits() throws Exception {
        Process app = start("--smoke");
        String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(app.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, app.exitValue(), output);
        assertTrue(output.matches("(?s).*first frame after \\d+ ms.*"), output);
    }

    private static Process start(String option) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Dglass.platform=Headless", "-XX:+UseShenandoahGC", "-Xmx640m",
                "-Djdk.trackAllThreads=false", "--enable-native-access=javafx.graphics,dev.interleave",
                "--module-path", System.getProperty("jdk.module.path"),
                "--module", "dev.interleave/dev.interleave.Main", option);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
