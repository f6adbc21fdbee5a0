package dev.interleave.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import dev.interleave.engine.run.TraceEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * target/interleave, the launcher the build writes at compile (src/build/launcher.sh): it runs the
 * command line as a child process and exits with Interleave's exit code.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the launcher is a POSIX shell script, written only on Unix")
class LauncherTest {

    private static final Path LAUNCHER = Path.of("target", "interleave");

    record Exit(int code, String output) {
    }

    /** A passing run exits 0, a bad argument 2, each with Interleave's own output. */
    @Test
    void exitsWithInterleavesExitCode() throws Exception {
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " was not written by the build");
        Exit ok = run("calls", "--calls", "100", "--concurrency", "10", "--max-sleep-ms", "0", "--json");
        assertEquals(0, ok.code(), ok.output());
        assertTrue(ok.output().contains("\"outcome\":\"ok\""), ok.output());
        Exit bad = run("calls", "--calls", "0", "--concurrency", "10");
        assertEquals(2, bad.code(), bad.output());
        assertEquals(1, bad.output().lines().count(), bad.output());
        assertTrue(bad.output().startsWith("interleave calls: Invalid value for option '--calls'"), bad.output());
    }

    /**
     * The command line takes its whole range: a run allowing 1,000,000 calls in flight fits its 2 GB
     * heap and ends, with more in flight at once than 640 MB would have allowed (327,680). In the 640
     * MB it had before, such a run ran out of memory half a minute in. Sleeps of up to 10 s keep calls
     * in flight long enough to pass that many while threads start slowly: with the default 1 s, 297,105
     * at most came in flight on an idle machine, 287,218 beside another suite; with 5 s, 638,492 idle
     * and 394,090 to 561,167 beside two busy loops (1.4 GB resident, 11 to 17 s), but 213,325 and
     * 267,833 in two CI runs beside other work, which failed; with 10 s, 652,695 where 5 s reached
     * 385,898 beside two windows starting (20 s against 18 s, 1.3 GB resident).
     */
    @Test
    void aMillionCallsAllowedInFlightRunInTheCommandLinesHeap() throws Exception {
        Exit million = run("calls", "--calls", "1000000", "--concurrency", "1000000", "--max-sleep-ms", "10000",
                "--json");
        assertEquals(0, million.code(), million.output());
        assertTrue(million.output().contains("\"concurrency\":1000000"), million.output());
        assertTrue(million.output().contains("\"outcome\":\"ok\""), million.output());
        Matcher reached = Pattern.compile("\"maxInFlight\":(\\d+)").matcher(million.output());
        assertTrue(reached.find(), million.output());
        assertTrue(Long.parseLong(reached.group(1)) > 327_680, "at most in flight: " + reached.group(1));
    }

    /**
     * A JVM with less heap than the command line's (640 MB here) refuses the calls in flight it cannot
     * hold, in one line before a thread starts, rather than an OutOfMemoryError half a minute in.
     */
    @Test
    void aRunItsHeapCannotHoldIsRefusedInOneLine() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Exit refused = exec(null, java, "-XX:+UseZGC", "-Xmx640m", "--module-path",
                System.getProperty("jdk.module.path"), "--module", "dev.interleave/dev.interleave.Main", "calls",
                "--calls", "1000000", "--concurrency", "1000000");
        assertEquals(2, refused.code(), refused.output());
        assertEquals(1, refused.output().lines().count(), refused.output());
        assertTrue(refused.output().startsWith("interleave calls: Invalid value for option '--concurrency': "
                + "1,000,000 calls in flight need about 1,953 MB of heap"), refused.output());
        assertTrue(refused.output().contains("may use 640 MB: at most 327,680 in flight here"), refused.output());
    }

    /** The launcher runs the JDK and JVM options the build found, not whatever java is on the PATH. */
    @Test
    void runsTheBuildsJavaWithTheJvmOptions() throws IOException {
        String script = Files.readString(LAUNCHER);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString(); // the toolchain's, as for tests
        assertTrue(script.contains("exec '" + java + "'"), script + "\nthe tests run on " + java);
        assertTrue(script.contains("'-XX:+UseShenandoahGC'") && script.contains("--module dev.interleave/dev.interleave.Main \"$@\""),
                script);
    }

    /**
     * A command runs on the command line's collector (ZGC), the window on its own (Shenandoah):
     * the launcher tells them apart by its first argument (a word is a command).
     */
    @Test
    void aCommandRunsOnZgcAndTheWindowOnShenandoah() throws Exception {
        String log = "-Xlog:gc:stdout -Dglass.platform=Headless";
        Exit command = runWith(log, "calls", "--calls", "10", "--concurrency", "1", "--max-sleep-ms", "0");
        assertEquals(0, command.code(), command.output());
        assertTrue(command.output().contains("Using The Z Garbage Collector"), command.output());
        Exit window = runWith(log, "--smoke");
        assertEquals(0, window.code(), window.output());
        assertTrue(window.output().contains("Using Shenandoah"), window.output());
    }

    /**
     * A run stopped from outside (SIGTERM here; Ctrl+C's SIGINT runs the same shutdown hooks)
     * reports itself stopped and exits 1, its trace whole: it printed nothing and exited with the
     * signal's status (143, 130) before, though README and the help promise 1.
     */
    @Test
    void aRunStoppedFromOutsideReportsItselfAndExitsOne(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("run.json");
        Process process = longBufferRunOnceItsTraceIsMade(trace);
        Thread.sleep(1_000);
        assertTrue(process.isAlive(), "100,000,000 items take longer than a second");
        stopsAndReportsItself(process);
        List<TraceEvent> events = TraceEvent.parse(Files.readAllBytes(trace));
        assertTrue(events.stream().anyMatch(e -> e.name().equals("put")), "the trace holds the run's puts");
    }

    /**
     * Stopped from outside as it starts (the trace's file just made, the run not yet going: a first
     * recorded run loads JFR, a second or more on a busy machine), a run is still stopped and reported:
     * it ended with 143, no report, and the trace's file removed.
     */
    @Test
    void aRunStoppedAsItStartsIsReportedToo(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("run.json");
        Process process = longBufferRunOnceItsTraceIsMade(trace); // and SIGTERM at once
        stopsAndReportsItself(process);
        TraceEvent.parse(Files.readAllBytes(trace)); // a whole trace, if an empty one
    }

    /**
     * A buffer run of 100,000,000 items with a trace, returned as soon as the trace's file is there
     * (it is made just before the run starts).
     */
    private static Process longBufferRunOnceItsTraceIsMade(Path trace) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(LAUNCHER.toString(), "buffer", "--producers", "2", "--consumers", "2",
                "--capacity", "4", "--items", "100000000", "--trace", trace.toString(), "--json")
                .redirectErrorStream(true).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(trace)) {
            assertTrue(System.nanoTime() < deadline && process.isAlive(), "no trace file, and " + process);
            Thread.sleep(1);
        }
        return process;
    }

    /** SIGTERM to {@code process}, which then reports its run stopped and exits 1. */
    private static void stopsAndReportsItself(Process process) throws IOException, InterruptedException {
        process.toHandle().destroy(); // SIGTERM; Process.destroy would close the output too
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "did not end");
        assertEquals(1, process.exitValue(), output);
        assertTrue(output.contains("\"outcome\":\"stopped\""), output);
    }

    /** No command and no display (over SSH, in CI): one line saying what to do, no stack trace. */
    @Test
    @EnabledOnOs(OS.LINUX) // elsewhere the window does not need DISPLAY, and would open
    void noCommandAndNoDisplayIsOneLine() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString()).redirectErrorStream(true);
        for (String name : List.of("DISPLAY", "WAYLAND_DISPLAY", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) {
            builder.environment().remove(name); // no display, and no option that would start the window headless
        }
        Process process = builder.start();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not end: the window opened?");
        }
        String output = read.get(10, TimeUnit.SECONDS);
        assertEquals(1, process.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertEquals(1, lines.size(), output);
        assertTrue(lines.getFirst().startsWith("interleave: cannot open the window (") // JavaFX's reason: "Unable to open DISPLAY"
                && lines.getFirst().endsWith("); give a command to run in the terminal instead: calls, buffer, race or"
                + " philosophers (see 'interleave --help')"), output);
    }

    /**
     * A trace to /dev/stdout through a pipe is the trace alone, whole, with the figures on standard
     * error: it had failed ("could not write the trace to /dev/stdout: IOException: Illegal seek"),
     * and into a file it had been written over by the figures.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aTraceToStandardOutputGoesThroughAPipe() throws Exception {
        Process process = new ProcessBuilder(LAUNCHER.toString(), "buffer", "--producers", "1", "--consumers", "1",
                "--capacity", "2", "--items", "20", "--trace", "/dev/stdout", "--json").start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "did not finish in 120 s");
        String figures = new String(err.join(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), figures);
        assertEquals(20, TraceEvent.parse(out).stream().filter(event -> event.name().equals("put")).count(), figures);
        assertTrue(figures.startsWith("{\"producers\":1,") && figures.contains("\"outcome\":\"ok\""), figures);
    }

    private static Exit run(String... args) throws IOException, InterruptedException {
        return runWith(null, args);
    }

    /** Runs the launcher with {@code javaOptions} in JDK_JAVA_OPTIONS (null: none). */
    private static Exit runWith(String javaOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return exec(javaOptions, command.toArray(String[]::new));
    }

    /** Runs {@code command} with {@code javaOptions} in JDK_JAVA_OPTIONS (null: none), its output read as it comes. */
    private static Exit exec(String javaOptions, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (javaOptions != null) {
            builder.environment().put("JDK_JAVA_OPTIONS", javaOptions);
        }
        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertTrue(ended, "did not finish in 120 s: " + List.of(command));
        return new Exit(process.exitValue(), output.join());
    }
}
