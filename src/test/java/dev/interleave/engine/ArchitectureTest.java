package dev.interleave.engine;

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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine is plain Java: no class under {@code dev.interleave.engine} refers to {@code javafx}.
 * Read from the compiled classes' constant pools, where every type a class uses is named.
 */
class ArchitectureTest {

    @Test
    void engineDoesNotDependOnJavaFx() throws IOException {
        Path engine = compiledPackage("dev/interleave/engine");
        List<String> offenders = javafxReferences(engine);
        assertTrue(classCount(engine) >= 10, "the engine's classes were not found under " + engine);
        assertEquals(List.of(), offenders);
    }

    /** The check can fail: the UI package, which does use JavaFX, is reported. */
    @Test
    void theCheckFindsJavaFxWhereItIsUsed() throws IOException {
        assertFalse(javafxReferences(compiledPackage("dev/interleave/ui")).isEmpty());
    }

    private static Path compiledPackage(String path) {
        try {
            Path classes = Path.of(CallRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.resolve(path);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long classCount(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".class")).count();
        }
    }

    /** "Class -> javafx/..." for every constant-pool name or descriptor that mentions a javafx package. */
    private static List<String> javafxReferences(Path dir) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassModel model = ClassFile.of().parse(file);
                for (PoolEntry entry : model.constantPool()) {
                    if (entry instanceof Utf8Entry utf8 && utf8.stringValue().contains("javafx/")) {
                        found.add(model.thisClass().asInternalName() + " -> " + utf8.stringValue());
                    }
                }
            }
        }
        return found;
    }
}
