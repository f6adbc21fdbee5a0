package dev.interleave;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlowTestsLastTest {

    /** Every name in the slow list is a test class that exists, once: a renamed class is not silently run early. */
    @Test
    void everySlowNameIsATestClass() throws ClassNotFoundException {
        List<String> seen = new ArrayList<>();
        for (String name : SlowTestsLast.SLOW) {
            Class<?> type = Class.forName(name);
            assertTrue(type.getSimpleName().endsWith("Test"), name);
            assertTrue(!seen.contains(name), "named twice: " + name);
            seen.add(name);
        }
        assertEquals(SlowTestsLast.SLOW.size(), seen.size());
    }
}
