package dev.interleave.engine.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trace begins as {@link ChromeTrace#BEGINNING} says, which is what --trace reads to decide that a
 * file may be written over: the two written apart, a change to the header would make every earlier
 * trace a file kept.
 */
class ChromeTraceTest {

    @Test
    void aTraceBeginsAsItsBeginningSaysAndMayBeWrittenOver() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ChromeTrace trace = new ChromeTrace(out)) {
            trace.processName(1, "a run");
        }
        String written = out.toString(StandardCharsets.UTF_8);
        assertTrue(written.startsWith(ChromeTrace.BEGINNING), written);
        byte[] bytes = out.toByteArray();
        assertTrue(ChromeTrace.mayOverwrite(bytes), "a whole trace");
        assertTrue(ChromeTrace.mayOverwrite(java.util.Arrays.copyOf(bytes, 5)), "a trace cut short");
        assertTrue(ChromeTrace.mayOverwrite(new byte[0]), "an empty file");
        assertFalse(ChromeTrace.mayOverwrite("root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.UTF_8)),
                "a file that is no trace");
        assertFalse(ChromeTrace.mayOverwrite("{\"other\":1}".getBytes(StandardCharsets.UTF_8)), "other JSON");
    }
}
