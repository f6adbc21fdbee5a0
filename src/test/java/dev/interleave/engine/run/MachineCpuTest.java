package dev.interleave.engine.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
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

/** How much of the cores other programs used between two samples: what a run's time waited for. */
@Timeout(60)
class MachineCpuTest {

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
     * second, 25 % of the two: others used 50 %.
     */
    @Test
    void othersAreTheBusyLessThisProcess() {
        MachineCpu.Sample before = new MachineCpu.Sample(1_000, 10_000, 2, 0, 0);
        MachineCpu.Sample after = new MachineCpu.Sample(1_300, 10_400, 2, 500_000_000L, 1_000_000_000L);
        assertEquals(0.5, after.othersShareSince(before).orElseThrow(), 1e-9);
        MachineCpu.Sample soon = new MachineCpu.Sample(1_001, 10_004, 2, 0, 10_000_000L);
        assertTrue(soon.othersShareSince(before).isEmpty(), "10 ms: too short to tell");
    }

    /**
     * Another program spinning on a core while the samples are taken is counted, at least about as
     * much as the kernel says it used.
     */
    @Test
    void anotherProgramsWorkIsCounted() throws Exception {
        Optional<MachineCpu.Sample> before = MachineCpu.now();
        assumeTrue(before.isPresent(), "no /proc/stat here");
        Process spinner = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            Thread.sleep(1_500);
            Duration used = spinner.info().totalCpuDuration().orElse(Duration.ZERO);
            MachineCpu.Sample after = MachineCpu.now().orElseThrow();
            double wall = after.atNanos() - before.get().atNanos();
            double spun = used.toNanos() / (wall * after.cores());
            double others = after.othersShareSince(before.get()).orElseThrow();
            assertTrue(spun > 0.05, "the spinner ran: " + spun);
            assertTrue(others >= spun - 0.1, String.format("others %.2f, the spinner alone %.2f", others, spun));
        } finally {
            spinner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** This process's own work is not counted as others': a thread of it spinning adds nothing. */
    @Test
    void thisProcesssOwnWorkIsNotCounted() throws Exception {
        Optional<MachineCpu.Sample> before = MachineCpu.now();
        assumeTrue(before.isPresent(), "no /proc/stat here");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicBoolean spin = new AtomicBoolean(true);
        AtomicLong spun = new AtomicLong();
        Thread spinner = Thread.ofPlatform().start(() -> {
            long start = threads.getCurrentThreadCpuTime();
            long sink = 0;
            while (spin.get()) {
                sink += System.nanoTime() & 1;
            }
            spun.set(threads.getCurrentThreadCpuTime() - start + (sink & 0));
        });
        Thread.sleep(1_500);
        spin.set(false);
        spinner.join();
        MachineCpu.Sample after = MachineCpu.now().orElseThrow();
        double wall = after.atNanos() - before.get().atNanos();
        double own = spun.get() / (wall * after.cores());
        double busy = (double) (after.busyTicks() - before.get().busyTicks()) / (after.allTicks() - before.get().allTicks());
        double others = after.othersShareSince(before.get()).orElseThrow();
        // Counted as others', the spinner's share would come on top of what the rest of the machine did.
        assertTrue(others + own <= busy + 0.05, String.format("others %.2f + own spinner %.2f over the busy %.2f",
                others, own, busy));
    }
}
