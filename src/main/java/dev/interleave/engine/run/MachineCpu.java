package dev.interleave.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How busy other programs kept the machine's cores while a run went: a run's elapsed time counts
 * the time its threads waited for a core, so on a busy machine the same run takes several times as
 * long, and its efficiency falls with nothing of the run to explain it (a learner read 11.9 % on a
 * machine other programs kept busy, and took virtual threads to be slow). Read from the kernel's
 * counts of the cores' busy time ({@code /proc/stat}, Linux) less this process's own CPU time, between
 * two samples; not known elsewhere.
 */
public final class MachineCpu {

    /** The share of the cores' time from which other programs' use is worth saying beside a run's time. */
    public static final double WORTH_SAYING = 0.25;

    private static final Path STAT = Path.of("/proc/stat");

    /**
     * The machine's cores' time and this process's CPU time at one moment.
     *
     * @param busyTicks    the cores' busy time, in the kernel's ticks, summed over the cores
     * @param allTicks     the cores' whole time, busy or idle, in the same ticks
     * @param cores        the cores the kernel counts
     * @param ownCpuNanos  this process's CPU time, every thread of it
     * @param atNanos      {@link System#nanoTime()} when sampled
     */
    public record Sample(long busyTicks, long allTicks, int cores, long ownCpuNanos, long atNanos) {

        /**
         * The share of the cores' time, 0 to 1, other programs used from {@code earlier} to this
         * sample: the cores' busy share less this process's. Empty over too short a time to tell
         * (under a tenth of a second, a few ticks).
         */
        public OptionalDouble othersShareSince(Sample earlier) {
            long all = allTicks - earlier.allTicks;
            long wall = atNanos - earlier.atNanos;
            if (all <= 0 || wall < 100_000_000L || cores <= 0) {
                return OptionalDouble.empty();
            }
            double busy = (double) (busyTicks - earlier.busyTicks) / all;
            double own = (double) (ownCpuNanos - earlier.ownCpuNanos) / ((double) wall * cores);
            return OptionalDouble.of(Math.clamp(busy - own, 0, 1));
        }
    }

    private MachineCpu() {
    }

    /** {@code share} of the cores' time in words: "71 % of the machine's cores' time". */
    public static String shareWords(double share) {
        return String.format(Locale.ROOT, "%.0f %% of the machine's cores' time", share * 100);
    }

    /** The cores' time and this process's now; empty where the kernel's counts cannot be read (not Linux). */
    public static Optional<Sample> now() {
        try {
            Optional<Duration> own = ProcessHandle.current().info().totalCpuDuration();
            if (own.isEmpty()) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(STAT);
            long at = System.nanoTime();
            return parse(lines, own.get().toNanos(), at);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no /proc: the figure is not known, and the run does not depend on it
        }
    }

    /**
     * A sample from the lines of {@code /proc/stat}: the first, "cpu user nice system idle iowait irq
     * softirq steal ...", summed over the cores, and one "cpuN" line per core. Empty if it is not so.
     */
    static Optional<Sample> parse(List<String> lines, long ownCpuNanos, long atNanos) {
        if (lines.isEmpty() || !lines.getFirst().startsWith("cpu ")) {
            return Optional.empty();
        }
        String[] fields = lines.getFirst().trim().split("\\s+");
        if (fields.length < 8) {
            return Optional.empty();
        }
        long[] ticks = new long[Math.min(fields.length - 1, 8)];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = Long.parseLong(fields[i + 1]);
        }
        long idle = ticks[3] + ticks[4]; // idle, and idle waiting for I/O
        long all = 0;
        for (long t : ticks) {
            all += t; // guest time is counted in user already: the first eight only
        }
        int cores = (int) lines.stream().filter(line -> line.matches("cpu\\d+\\s.*")).count();
        return Optional.of(new Sample(all - idle, all, cores, ownCpuNanos, atNanos));
    }
}
