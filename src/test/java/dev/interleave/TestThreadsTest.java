package dev.interleave;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(30)
class TestThreadsTest {

    /** A failure in a started thread ends the test's wait at once, with that failure, not with the deadline. */
    @Test
    void aFailingThreadFailsTheWaitingTestWithItsFailure() {
        TestThreads threads = new TestThreads();
        IllegalStateException boom = new IllegalStateException("boom");
        threads.start("failing", () -> {
            throw boom;
        });
        AssertionError failed = assertThrows(AssertionError.class,
                () -> threads.await("a condition that never holds", Duration.ofMinutes(10), () -> false));
        assertSame(boom, failed.getCause());
        AssertionError joined = assertThrows(AssertionError.class, threads::joinAll);
        assertSame(boom, joined.getCause());
    }
}
