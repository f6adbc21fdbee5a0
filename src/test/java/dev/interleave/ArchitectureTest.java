package dev.interleave;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.interleave.engine.buffer.ArchitectureFixture;
import dev.interleave.engine.run.Gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout's rules, read from the compiled classes' constant pools (where every type a class uses
 * is named): the engine is plain Java and knows nothing of the window or the command line; the
 * kits ({@code engine.run}, {@code ui.kit}) know no scenario; scenario packages never refer to
 * each other.
 */
class ArchitectureTest {

    /** Packages under engine and ui that are not scenarios. */
    private static final Set<String> NOT_SCENARIOS = Set.of("run", "kit", "shell");

    @Test
    void theEngineReferstoNoJavaFxNoWindowAndNoCommandLine() throws IOException {
        Path main = classesOf(Gate.class);
        assertTrue(classCount(main.resolve("dev/interleave/engine")) >= 20, "the engine's classes were not found");
        assertEquals(List.of(), references(main.resolve("dev/interleave/engine"),
                List.of("javafx/", "dev/interleave/ui/", "dev/interleave/cli/", "dev/interleave/Main")));
    }

    @Test
    void theKitsReferToNoScenario() throws IOException {
        Path main = classesOf(Gate.class);
        List<String> scenarioPrefixes = new ArrayList<>();
        for (String scenario : scenarios(main)) {
            scenarioPrefixes.add("dev/interleave/engine/" + scenario + "/");
            scenarioPrefixes.add("dev/interleave/ui/" + scenario + "/");
        }
        scenarioPrefixes.add("dev/interleave/ui/shell/");
        assertEquals(List.of(), references(main.resolve("dev/interleave/engine/run"), scenarioPrefixes));
        assertEquals(List.of(), references(main.resolve("dev/interleave/ui/kit"), scenarioPrefixes));
    }

    @Test
    void scenariosReferToNoOtherScenario() throws IOException {
        Path main = classesOf(Gate.class);
        Set<String> scenarios = scenarios(main);
        assertTrue(scenarios.containsAll(Set.of("calls", "buffer")), "scenarios found: " + scenarios);
        assertEquals(List.of(), crossScenarioReferences(main, scenarios));
    }

    /** The checks can fail: a test-only class in engine.buffer that uses engine.calls is reported. */
    @Test
    void theChecksFindAReferenceWhereOneExists() throws IOException {
        Path test = classesOf(ArchitectureFixture.class);
        List<String> found = crossScenarioReferences(test, Set.of("calls", "buffer"));
        assertTrue(found.stream().anyMatch(line -> line.startsWith("dev/interleave/engine/buffer/ArchitectureFixture")
                && line.contains("dev/interleave/engine/calls/")), "found: " + found);
        assertTrue(!references(classesOf(Gate.class).resolve("dev/interleave/ui/shell"), List.of("javafx/")).isEmpty(),
                "the JavaFX check sees the window's use of JavaFX");
    }

    /** Scenario packages: the subpackages of engine and ui that are not kits or the shell. */
    private static Set<String> scenarios(Path classes) throws IOException {
        Set<String> found = new TreeSet<>();
        for (String layer : List.of("engine", "ui")) {
            try (Stream<Path> dirs = Files.list(classes.resolve("dev/interleave/" + layer))) {
                dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString())
                        .filter(name -> !NOT_SCENARIOS.contains(name)).forEach(found::add);
            }
        }
        return found;
    }

    private static List<String> crossScenarioReferences(Path classes, Set<String> scenarios) throws IOException {
        List<String> found = new ArrayList<>();
        for (String layer : List.of("engine", "ui")) {
            for (String scenario : scenarios) {
                Path dir = classes.resolve("dev/interleave/" + layer + "/" + scenario);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                List<String> others = new ArrayList<>();
                for (String other : scenarios) {
                    if (!other.equals(scenario)) {
                        others.add("dev/interleave/engine/" + other + "/");
                        others.add("dev/interleave/ui/" + other + "/");
                    }
                }
                found.addAll(references(dir, others));
            }
        }
        return found;
    }

    private static Path classesOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long classCount(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".class")).count();
        }
    }

    /** "Class -> name" for every constant-pool name or descriptor that mentions one of {@code forbidden}. */
    private static List<String> references(Path dir, List<String> forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                ClassModel model = ClassFile.of().parse(file);
                for (PoolEntry entry : model.constantPool()) {
                    if (entry instanceof Utf8Entry utf8) {
                        for (String prefix : forbidden) {
                            if (utf8.stringValue().contains(prefix)) {
                                found.add(model.thisClass().asInternalName() + " -> " + utf8.stringValue());
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
