package dev.interleave.engine.buffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The code the lab shows ({@link BufferCode}) stays the code the lab runs: every line's key is in the
 * real class's source (comments stripped, whitespace ignored), every {@link Where} the real class
 * records is on some line, and every line a worker can be at is reachable. Rename a condition, swap
 * {@code notifyAll()} for {@code notify()}, or record a new step in the real class, and this fails
 * naming the line.
 */
class BufferCodeTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/interleave/engine/buffer");
    private static final Pattern WHERE_USED = Pattern.compile("Where\\.([A-Z_]+)");

    @ParameterizedTest
    @EnumSource(BufferImpl.class)
    void everyKeyIsInTheRealSource(BufferImpl impl) throws IOException {
        String source = code(impl);
        List<String> missing = new ArrayList<>();
        for (Bug bug : Bug.forImpl(impl)) {
            for (WakePolicy policy : WakePolicy.values()) {
                for (BufferCode.Method method : List.of(BufferCode.put(impl, bug, policy), BufferCode.take(impl, bug, policy))) {
                    for (BufferCode.Line line : method.lines()) {
                        if (line.key() != null && !source.contains(squeeze(line.key()))) {
                            missing.add(impl + "/" + bug + "/" + policy + " " + method.name() + ": '" + line.text().strip()
                                    + "' stands for '" + line.key() + "', which " + BufferCode.sources(impl)
                                    + " do not contain");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /**
     * Each place the real class records is on a line of its put or take, whatever the bug; but
     * {@link Where#LOOKED}, unlocked-count's look, only with that bug: the correct code has no look.
     */
    @ParameterizedTest
    @EnumSource(value = BufferImpl.class, names = "ABQ", mode = EnumSource.Mode.EXCLUDE)
    void everyPlaceTheRealClassRecordsHasALine(BufferImpl impl) throws IOException {
        Set<Where> recorded = EnumSet.noneOf(Where.class);
        Matcher m = WHERE_USED.matcher(Files.readString(SOURCES.resolve(BufferCode.sources(impl).getFirst())));
        while (m.find()) {
            recorded.add(Where.valueOf(m.group(1)));
        }
        recorded.remove(Where.OUTSIDE);
        for (Bug bug : Bug.forImpl(impl)) {
            for (boolean put : new boolean[] {true, false}) {
                BufferCode.Method method = put ? BufferCode.put(impl, bug, WakePolicy.SIGNAL)
                        : BufferCode.take(impl, bug, WakePolicy.SIGNAL);
                for (Where where : recorded) {
                    if (where == Where.LOOKED && bug != Bug.UNLOCKED_COUNT) {
                        assertEquals(-1, method.lineOf(where), impl + "/" + bug + " " + method.name()
                                + " shows a look without the lock:\n" + method.text());
                    } else {
                        assertTrue(method.lineOf(where) >= 0, impl + "/" + bug + " " + method.name() + " records "
                                + where + " but shows no line for it:\n" + method.text());
                    }
                }
            }
        }
    }

    /**
     * A worker waiting for the lock (the monitor, the mutex) sits at the line that takes it, never
     * at unlocked-count's read of the count, which comes a few lines earlier.
     */
    @ParameterizedTest
    @EnumSource(value = BufferImpl.class, names = "ABQ", mode = EnumSource.Mode.EXCLUDE)
    void waitingForTheLockIsAtTheLineThatTakesIt(BufferImpl impl) {
        Set<String> takers = Set.of("lock.lockInterruptibly()", "synchronized (monitor)", "mutex.acquire()");
        for (Bug bug : Bug.forImpl(impl)) {
            for (BufferCode.Method method : List.of(BufferCode.put(impl, bug, WakePolicy.SIGNAL),
                    BufferCode.take(impl, bug, WakePolicy.SIGNAL))) {
                BufferCode.Line line = method.lines().get(method.lineOf(Where.ENTERING));
                assertTrue(takers.contains(line.key()), impl + "/" + bug + " " + method.name()
                        + ": waiting for the lock shown at '" + line.text().strip() + "'");
            }
        }
    }

    /** The planted bug changes the line it is about, and only the correct code is the default. */
    @ParameterizedTest
    @EnumSource(value = BufferImpl.class, names = "ABQ", mode = EnumSource.Mode.EXCLUDE)
    void eachBugChangesTheText(BufferImpl impl) {
        String correct = BufferCode.put(impl, Bug.NONE, WakePolicy.SIGNAL).text()
                + BufferCode.take(impl, Bug.NONE, WakePolicy.SIGNAL).text();
        for (Bug bug : Bug.forImpl(impl)) {
            if (bug != Bug.NONE) {
                String buggy = BufferCode.put(impl, bug, WakePolicy.SIGNAL).text()
                        + BufferCode.take(impl, bug, WakePolicy.SIGNAL).text();
                assertTrue(!buggy.equals(correct), impl + "/" + bug + " shows the correct code");
            }
        }
    }

    /**
     * one-condition's defect is in the code shown, not only in a comment: the lock's two conditions
     * over put, one object with the bug (a teacher read the methods, which look correct, as correct).
     */
    @Test
    void oneConditionShowsTheTwoConditionsAsOneObject() {
        List<String> correct = BufferCode.put(BufferImpl.LOCK, Bug.NONE, WakePolicy.SIGNAL).lines().stream()
                .map(BufferCode.Line::text).toList();
        List<String> planted = BufferCode.put(BufferImpl.LOCK, Bug.ONE_CONDITION, WakePolicy.SIGNAL).lines().stream()
                .map(BufferCode.Line::text).toList();
        assertEquals(List.of("Condition notFull = lock.newCondition();",
                "Condition notEmpty = lock.newCondition();"), correct.subList(0, 2));
        assertEquals(List.of("Condition notFull = lock.newCondition();",
                "// one-condition: one wait set for both sides", "Condition notEmpty = notFull;"),
                planted.subList(0, 3));
        assertEquals("", correct.get(2), "a blank line between the fields and the methods");
        assertTrue(correct.get(3).startsWith("public void put("), correct.get(3));
    }

    /** The sources of {@code impl}, comments stripped and whitespace removed. */
    private static String code(BufferImpl impl) throws IOException {
        StringBuilder all = new StringBuilder();
        for (String file : BufferCode.sources(impl)) {
            all.append(Files.readString(SOURCES.resolve(file)));
        }
        String noBlockComments = all.toString().replaceAll("(?s)/\\*.*?\\*/", "");
        String noLineComments = noBlockComments.replaceAll("//[^\\n]*", "");
        return squeeze(noLineComments);
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }
}
