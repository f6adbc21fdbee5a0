package dev.interleave.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * How busy other programs kept the machine's cores while a run went: a run's elapsed time counts
 * the time its threads waited for a core, so on a busy machine the same run takes several times as
 * long, and its efficiency falls with nothing of the run to explain it (a learner read 11.9 % on a
 * machine other programs kept busy, and took virtual threads to be slow). Read from the kernel's
 * counts of the cores' busy time ({@code /proc/stat}, Linux) less this process's own CPU time, between
 * samples; not known elsewhere, nor where the kernel counts other cores than the JVM may use (a
 * container's cpuset: the host's other tenants would count, its quota's throttling would not). Time a
 * virtual machine's host took (steal) counts as other programs': the run waited for it too.
 */
public final class MachineCpu {

    /** The share of the cores' time from which other programs' use is worth saying beside a run's time. */
    public static final double WORTH_SAYING = 0.25;

    /**
     * The least time over which a share is told: the kernel counts in ticks of 10 ms, so over 0.1 s on
     * two cores each term was off by 5 to 10 %, enough to cross {@link #WORTH_SAYING} by noise.
     */
    static final long LEAST_NANOS = 1_000_000_000L;

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
         * ({@link #LEAST_NANOS}).
         */
        public OptionalDouble othersShareSince(Sample earlier) {
            return othersShare(busyTicks - earlier.busyTicks, allTicks - earlier.allTicks, cores,
                    ownCpuNanos - earlier.ownCpuNanos, atNanos - earlier.atNanos);
        }
    }

    /**
     * Other programs' share of the cores' time over a run's active spans, from launch or a resume to a
     * pause or the end: a pause takes no time of the run's clock, and whatever the machine did meanwhile
     * is not the run's (a run paused for a minute while a browser was busy would be marked). Safe from
     * any thread: launched on one, paused and resumed under the lifecycle's lock, ended on another.
     */
    public static final class Span {
        private final Supplier<Optional<Sample>> samples;
        private Sample from; // the active span going on, or null while paused or before launch
        private boolean paused; // a pause came, before launch too (a run started paused)
        private long busy;
        private long all;
        private long own;
        private long wall;
        private int cores;
        private boolean unknown;

        /** A span of this machine's cores. */
        public Span() {
            this(MachineCpu::now);
        }

        /** A span of the cores {@code samples} reads, for tests. */
        Span(Supplier<Optional<Sample>> samples) {
            this.samples = samples;
        }

        /** Counts from now, unless a pause came first (a run started paused): at launch. */
        public synchronized void launched() {
            if (!paused) {
                count();
            }
        }

        /** Counts again from now: at each resume. */
        public synchronized void resumed() {
            paused = false;
            count();
        }

        private void count() {
            if (from == null && !unknown) {
                from = samples.get().orElse(null);
                unknown = from == null;
            }
        }

        /** Stops counting: at each pause, and at the end. */
        public synchronized void paused() {
            paused = true;
            if (from == null) {
                return;
            }
            Optional<Sample> to = samples.get();
            if (to.isEmpty() || to.get().cores() != from.cores()) {
                unknown = true;
            } else {
                busy += to.get().busyTicks() - from.busyTicks();
                all += to.get().allTicks() - from.allTicks();
                own += to.get().ownCpuNanos() - from.ownCpuNanos();
                wall += to.get().atNanos() - from.atNanos();
                cores = from.cores();
            }
            from = null;
        }

        /** The share over the spans counted; empty where not known, or over too short a time. */
        public synchronized OptionalDouble othersShare() {
            return unknown ? OptionalDouble.empty() : MachineCpu.othersShare(busy, all, cores, own, wall);
        }
    }
    private MachineCpu() {
    }

    /** {@code share} of the cores' time in words: "71 % of the machine's cores' time". */
    public static String shareWords(double share) {
        return String.format(Locale.ROOT, "%.0f %% of the machine's cores' time", share * 100);
    }

    /**
     * Other programs' share of {@code all} ticks of {@code cores} cores, {@code busy} of them busy, of
     * which this process took {@code ownNanos} of CPU time over {@code wallNanos}.
     */
    static OptionalDouble othersShare(long busy, long all, int cores, long ownNanos, long wallNanos) {
        if (all <= 0 || wallNanos < LEAST_NANOS || cores <= 0) {
            return OptionalDouble.empty();
        }
        double own = (double) ownNanos / ((double) wallNanos * cores);
        return OptionalDouble.of(Math.clamp((double) busy / all - own, 0, 1));
    }

    /**
     * The cores' time and this process's now; empty where the kernel's counts cannot be read (not
     * Linux), or count other cores than the JVM may use.
     */
    public static Optional<Sample> now() {
        try {
            Optional<Duration> own = ProcessHandle.current().info().totalCpuDuration();
            if (own.isEmpty()) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(STAT);
            long at = System.nanoTime();
            return parse(lines, own.get().toNanos(), at)
                    .filter(sample -> sample.cores() == Runtime.getRuntime().availableProcessors());
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
