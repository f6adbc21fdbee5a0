package dev.interleave.engine.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * How much of the cores other programs used over a run's active time: what its time waited for.
 * The live tests compare core time (what a program used, in nanoseconds of one core), not shares, so
 * that they say the same on two cores and on thirty-two; they wait for the CPU time they need rather
 * than for a fixed time, so that a loaded machine only makes them slower.
 */
@Timeout(60)
class MachineCpuTest {

    /** The CPU time a live test waits for its spinner to use: 30 of the kernel's 10 ms ticks. */
    private static final long SPUN_NANOS = 300_000_000L;
    /** How far a live measure may fall short: a few ticks on each of the reads, and a tenth. */
    private static final double SLACK_NANOS = 60e6;

    /** The kernel's lines as Linux writes them: the first sums the cores, one line per core follows. */
    @Test
    void aSampleIsReadFromTheKernelsLines() {
        List<String> lines = List.of("cpu  5947926 338275 509498 7149927 7495 0 2236 18051 0 0",
                "cpu0 2930042 172727 253606 3615196 1734 0 818 9236 0 0",
                "cpu1 3017883 165548 255892 3534731 5761 0 1418 8815 0 0",
                "intr 1 2 3", "ctxt 99");
        MachineCpu.Sample sample = MachineCpu.parse(lines, 7, 11).orElseThrow();
        long all = 5947926L + 338275 + 509498 + 7149927 + 7495 + 0 + 2236 + 18051;
        assertEquals(new MachineCpu.Sample(all - 7149927 - 7495, all, 2, 7, 11), sample);
        assertEquals(Optional.empty(), MachineCpu.parse(List.of("intr 1 2 3"), 0, 0), "not the kernel's lines");
    }

    /**
     * Of two cores over one second, 300 ticks busy of 400 is 75 %; this process used half a core's
     * second, 25 % of the two: others used 50 %. Under a second, the ticks are too coarse to tell.
     */
    @Test
    void othersAreTheBusyLessThisProcess() {
        MachineCpu.Sample before = new MachineCpu.Sample(1_000, 10_000, 2, 0, 0);
        MachineCpu.Sample after = new MachineCpu.Sample(1_300, 10_400, 2, 500_000_000L, 1_000_000_000L);
        assertEquals(0.5, after.othersShareSince(before).orElseThrow(), 1e-9);
        MachineCpu.Sample soon = new MachineCpu.Sample(1_030, 10_040, 2, 0, 100_000_000L);
        assertTrue(soon.othersShareSince(before).isEmpty(), "0.1 s: a few ticks, too coarse to tell");
    }

    /**
     * A span counts the run's active time only: what the machine did while the run was paused is not
     * the run's (a run paused for a minute while a browser was busy would be marked). A run started
     * paused counts from its first resume.
     */
    @Test
    void aSpanLeavesThePausesOut() {
        Deque<MachineCpu.Sample> samples = new ArrayDeque<>(List.of(
                new MachineCpu.Sample(0, 0, 2, 0, 0), // launch
                new MachineCpu.Sample(100, 200, 2, 0, 1_000_000_000L), // pause: 1 s, half the cores busy
                new MachineCpu.Sample(500, 600, 2, 0, 3_000_000_000L), // resume: the pause's 2 s, all busy
                new MachineCpu.Sample(600, 800, 2, 0, 4_000_000_000L))); // the end: 1 s, half busy
        MachineCpu.Span span = new MachineCpu.Span(() -> Optional.ofNullable(samples.poll()));
        span.launched();
        span.paused();
        span.resumed();
        span.paused();
        assertEquals(0.5, span.othersShare().orElseThrow(), 1e-9, "the busy pause left out");
        assertTrue(samples.isEmpty());

        Deque<MachineCpu.Sample> pausedFirst = new ArrayDeque<>(List.of(
                new MachineCpu.Sample(400, 400, 2, 0, 2_000_000_000L), // the first resume
                new MachineCpu.Sample(400, 800, 2, 0, 4_000_000_000L))); // the end: idle
        MachineCpu.Span startedPaused = new MachineCpu.Span(() -> Optional.ofNullable(pausedFirst.poll()));
        startedPaused.paused(); // begun paused, before launch
        startedPaused.launched(); // takes no sample: paused
        startedPaused.resumed();
        startedPaused.paused();
        assertEquals(0.0, startedPaused.othersShare().orElseThrow(), 1e-9);

        MachineCpu.Span unread = new MachineCpu.Span(Optional::empty);
        unread.launched();
        unread.paused();
        assertTrue(unread.othersShare().isEmpty(), "no /proc/stat: not known");
    }

    /**
     * Another program spinning on a core while the samples are taken is counted: at least about the
     * CPU time the kernel says it used.
     */
    @Test
    void anotherProgramsWorkIsCounted() throws Exception {
        Optional<MachineCpu.Sample> before = MachineCpu.now();
        assumeTrue(before.isPresent(), "no /proc/stat here, or other cores than the JVM's");
        Process spinner = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            Duration used = Duration.ZERO;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((used.toNanos() < SPUN_NANOS || System.nanoTime() - before.get().atNanos() < 1_200_000_000L)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
                used = spinner.info().totalCpuDuration().orElse(Duration.ZERO);
            }
            assumeTrue(used.toNanos() >= SPUN_NANOS, "the spinner got " + used + " of CPU in 20 s");
            MachineCpu.Sample after = MachineCpu.now().orElseThrow();
            used = spinner.info().totalCpuDuration().orElse(used);
            double wall = after.atNanos() - before.get().atNanos();
            double othersNanos = after.othersShareSince(before.get()).orElseThrow() * wall * after.cores();
            assertTrue(othersNanos >= used.toNanos() * 0.9 - SLACK_NANOS,
                    String.format("others' core time %.0f ms, the spinner's alone %d ms", othersNanos / 1e6,
                            used.toMillis()));
        } finally {
            spinner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * This process's own work is not counted as others': threads of it spinning on every core add
     * none of their CPU time to others'. Counted as others', it would come on top of the machine's busy
     * time less the rest, and the busy time less others' would fall short of what the spinners used.
     */
    @Test
    void thisProcesssOwnWorkIsNotCounted() throws Exception {
        Optional<MachineCpu.Sample> before = MachineCpu.now();
        assumeTrue(before.isPresent(), "no /proc/stat here, or other cores than the JVM's");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicBoolean spin = new AtomicBoolean(true);
        AtomicLong spun = new AtomicLong();
        List<Thread> spinners = new ArrayList<>();
        try {
            for (int core = 0; core < before.get().cores(); core++) {
                spinners.add(Thread.ofPlatform().start(() -> {
                    long start = threads.getCurrentThreadCpuTime();
                    long last = start;
                    while (spin.get()) {
                        long now = threads.getCurrentThreadCpuTime();
                        spun.addAndGet(now - last);
                        last = now;
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((spun.get() < SPUN_NANOS || System.nanoTime() - before.get().atNanos() < 1_200_000_000L)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            spin.set(false);
            for (Thread spinner : spinners) {
                spinner.join();
            }
        }
        assumeTrue(spun.get() >= SPUN_NANOS, "the spinners got " + spun.get() / 1_000_000 + " ms of CPU in 20 s");
        MachineCpu.Sample after = MachineCpu.now().orElseThrow();
        double wall = after.atNanos() - before.get().atNanos();
        double busyNanos = (double) (after.busyTicks() - before.get().busyTicks())
                / (after.allTicks() - before.get().allTicks()) * wall * after.cores();
        double othersNanos = after.othersShareSince(before.get()).orElseThrow() * wall * after.cores();
        assertTrue(busyNanos - othersNanos >= spun.get() * 0.9 - SLACK_NANOS, String.format(
                "busy %.0f ms, others' %.0f ms, this process's spinners %d ms", busyNanos / 1e6, othersNanos / 1e6,
                spun.get() / 1_000_000));
    }
}
