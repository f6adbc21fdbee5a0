package dev.interleave;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.interleave.engine.run.Outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds the runtime image and the app-image from jlink.json, as {@code -Pdist} does (installers
 * left out: too slow for every run), and runs the launchers: the command line and the window
 * (JavaFX's headless platform).
 */
@Timeout(600)
class PackagedAppTest {

    private static final Path OUT = Path.of("target", "test-dist");
    private static Path image;
    private static Path appImage;

    @BeforeAll
    static void buildImage() throws Exception {
        Outcome built = run(Map.of(), java(), "src/build/Packager.java", "--config", "jlink.json",
                "--module-path", System.getProperty("jdk.module.path"), "--out", OUT.toString(),
                "--pom-version", pomVersion(), "--types", "app-image");
        assertEquals(0, built.code(), built.out());
        image = OUT.resolve("image");
        appImage = OUT.resolve("app-image").resolve("interleave");
    }

    /** A command runs on the command line's collector (ZGC), without the window's AOT cache. */
    @Test
    void imageLauncherRunsTheCommandLine() throws Exception {
        Outcome calls = run(Map.of("JDK_JAVA_OPTIONS", "-Xlog:gc:stdout"), image.resolve("bin/interleave").toString(),
                "calls", "--calls", "1000", "--concurrency", "100", "--max-sleep-ms", "20");
        assertEquals(0, calls.code(), calls.out());
        assertTrue(calls.out().contains("total          500,500"), calls.out());
        assertTrue(calls.out().contains("Using The Z Garbage Collector"), calls.out());
        assertFalse(calls.out().contains("[error]") || calls.out().contains("[warning]"), calls.out());
        Outcome buffer = run(Map.of(), image.resolve("bin/interleave").toString(), "buffer", "--producers", "2",
                "--consumers", "3", "--capacity", "4", "--items", "10000", "--json");
        assertEquals(0, buffer.code(), buffer.out());
        assertTrue(buffer.out().contains("\"ok\":true"), buffer.out());
        Outcome bad = run(Map.of(), image.resolve("bin/interleave").toString(), "calls", "--calls", "x",
                "--concurrency", "1");
        assertEquals(2, bad.code(), bad.out());
    }

    /**
     * The window runs on Shenandoah and loads the AOT cache, the heap objects G1's training run
     * wrote into it included (the linked lambdas).
     */
    @Test
    void imageLauncherOpensTheWindow() throws Exception {
        Outcome smoke = run(Map.of("JDK_JAVA_OPTIONS", "-Dglass.platform=Headless -Xlog:gc:stdout -Xlog:aot=info:stdout"),
                image.resolve("bin/interleave").toString(), "--smoke");
        assertEquals(0, smoke.code(), smoke.out());
        assertTrue(smoke.out().contains("Using Shenandoah"), smoke.out());
        assertTrue(smoke.out().contains("Loaded heap"), smoke.out());
        assertTrue(smoke.out().matches("(?s).*first frame after \\d+ ms.*"), smoke.out());
        assertFalse(smoke.out().contains("[error]") || smoke.out().contains("[warning]"),
                "the AOT cache must load cleanly: " + smoke.out());
    }

    /**
     * The cache was trained on a free buffer run and the 1,000,000 calls ({@code --train}), not on the
     * first frame alone: what only those runs load comes from the cache at start.
     */
    @Test
    void theAotCacheHoldsWhatARunLoads() throws Exception {
        Outcome smoke = run(Map.of("JDK_JAVA_OPTIONS", "-Dglass.platform=Headless -Xlog:class+load=info:stdout"),
                image.resolve("bin/interleave").toString(), "--smoke");
        assertEquals(0, smoke.code(), smoke.out());
        // The buffer run's timeline and event log; the calls run's duration histogram.
        for (String runOnly : List.of("dev.interleave.ui.kit.Timeline", "dev.interleave.engine.run.EventLog",
                "dev.interleave.engine.calls.CallHistogram$Recorder")) {
            assertTrue(smoke.out().contains(runOnly + " source: shared objects file"), runOnly + " not from the cache");
        }
    }

    /** The JavaFX native libraries are in the image: nothing is unpacked under the user's home. */
    @Test
    void nativeLibrariesAreInsideTheImage() throws Exception {
        try (var libs = Files.list(image.resolve("lib"))) {
            assertTrue(libs.anyMatch(p -> p.getFileName().toString().equals("libglass.so")));
        }
        assertTrue(Files.isRegularFile(image.resolve("lib/interleave.aot")), "AOT cache");
    }

    @Test
    void appImageLauncherWorks() throws Exception {
        Path launcher = appImage.resolve("bin/interleave");
        Outcome calls = run(Map.of(), launcher.toString(), "calls", "--calls", "1000", "--concurrency", "100",
                "--max-sleep-ms", "20", "--json");
        assertEquals(0, calls.code(), calls.out());
        assertTrue(calls.out().contains("\"total\":500500"), calls.out());
        Outcome smoke = run(Map.of("JAVA_TOOL_OPTIONS", "-Dglass.platform=Headless"), launcher.toString(), "--smoke");
        assertEquals(0, smoke.code(), smoke.out());
        assertTrue(smoke.out().contains("first frame after"), smoke.out());
    }

    /** A wrong jlink.json fails the build with one line naming the field. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            "launcher": "interleave"        | "launcherX": "interleave"  | missing field app.launcher
            "shortcut": true                | "shortcut": "yes"          | jpackage.shortcut: expected true or false, found a string
            "addModules": ["dev.interleave"] | "addModules": ["dev.interleave", "no.such.module"] | jlink.addModules: unknown module 'no.such.module'
            "version": "0.1.0"              | "version": "9.9.9"         | app.version is "9.9.9" but pom.xml's version is
            "jvmOptions": [                 | "jvmOptions": 7, "x": [    | jvmOptions: expected an array of strings, found a number
            "commandLineJvmOptions": [      | "commandLineJvmOptionsX": [ | missing field commandLineJvmOptions
            """)
    void wrongConfigNamesTheField(String original, String replacement, String message) throws Exception {
        String config = Files.readString(Path.of("jlink.json"));
        assertTrue(config.contains(original), "jlink.json no longer has " + original);
        Path wrong = Files.createTempFile("jlink", ".json");
        Files.writeString(wrong, config.replace(original, replacement));
        Outcome outcome = run(Map.of(), java(), "src/build/Packager.java", "--config", wrong.toString(),
                "--module-path", System.getProperty("jdk.module.path"), "--out", OUT.resolve("wrong").toString(),
                "--pom-version", pomVersion(), "--types", "app-image");
        Files.delete(wrong);
        assertEquals(2, outcome.code(), outcome.out());
        assertEquals(1, outcome.out().strip().lines().count(), outcome.out());
        assertTrue(outcome.out().contains(message), outcome.out());
    }

    record Outcome(int code, String out) {
    }

    static Outcome run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "did not finish: " + String.join(" ", command));
        return new Outcome(process.exitValue(), out);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    /** The project version, from the module descriptor the build wrote. */
    private static String pomVersion() {
        return Main.class.getModule().getDescriptor().rawVersion().orElseThrow();
    }
}
