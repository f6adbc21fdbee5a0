package dev.interleave.engine.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.interleave.TestThreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class StopwatchTest {

    /** Elapsed never goes down while another thread pauses, resumes and stops the clock (200,000 reads). */
    @Test
    void elapsedNeverGoesDown() throws Exception {
        for (int round = 0; round < 20; round++) {
            Stopwatch clock = new Stopwatch();
            clock.start();
            TestThreads threads = new TestThreads();
            threads.start("toggler", () -> {
                for (int i = 0; i < 2_000; i++) {
                    clock.pause();
                    clock.resume();
                }
                clock.stop();
            });
            threads.start("reader", () -> {
                long last = 0;
                for (int i = 0; i < 10_000; i++) {
                    long now = clock.elapsedNanos();
                    assertTrue(now >= last, "elapsed went from " + last + " to " + now);
                    last = now;
                }
            });
            threads.joinAll();
        }
    }

    /** While paused the clock holds still, and a stopped clock is frozen for good. */
    @Test
    void pausedAndStoppedClocksHoldStill() throws Exception {
        Stopwatch clock = new Stopwatch();
        assertEquals(0, clock.elapsedNanos());
        clock.start();
        clock.pause();
        long paused = clock.elapsedNanos();
        Thread.sleep(20);
        assertEquals(paused, clock.elapsedNanos());
        clock.resume();
        clock.stop();
        long stopped = clock.elapsedNanos();
        assertTrue(stopped >= paused);
        Thread.sleep(20);
        assertEquals(stopped, clock.elapsedNanos());
    }
}
