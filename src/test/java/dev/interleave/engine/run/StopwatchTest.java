package dev.interleave.engine.run;

import java.util.List;

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

    /**
     * The pauses are kept in order, each from when to when, the last going on while paused; Stop ends
     * a pause in progress; and together they are the time the clock left out.
     */
    @Test
    void thePausesAreKeptAndAddUpToThePausedTime() throws Exception {
        Stopwatch clock = new Stopwatch();
        assertEquals(List.of(), clock.pauses());
        clock.start();
        clock.pause();
        Thread.sleep(20);
        clock.resume();
        Thread.sleep(5);
        clock.pause();
        clock.pause(); // already paused: no second pause
        List<Stopwatch.Pause> now = clock.pauses();
        assertEquals(2, now.size(), now.toString());
        assertTrue(now.get(0).toNanos() - now.get(0).fromNanos() >= 20_000_000L, now.toString());
        assertTrue(now.get(1).fromNanos() - now.get(0).toNanos() >= 5_000_000L, now.toString());
        assertTrue(!now.get(0).goesOn() && now.get(1).goesOn(), now.toString());
        Thread.sleep(10);
        clock.stop();
        List<Stopwatch.Pause> all = clock.pauses();
        assertTrue(!all.get(1).goesOn() && all.get(1).toNanos() - all.get(1).fromNanos() >= 10_000_000L, all.toString());
        assertEquals(clock.pausedNanos(), all.stream().mapToLong(p -> p.toNanos() - p.fromNanos()).sum());
        clock.resume();
        clock.pause(); // stopped: neither makes a pause
        assertEquals(all, clock.pauses());
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
