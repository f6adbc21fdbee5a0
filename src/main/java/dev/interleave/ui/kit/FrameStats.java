package dev.interleave.ui.kit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The intervals between the frames an {@link javafx.animation.AnimationTimer} saw: how responsive
 * the window was; and the FX thread's CPU time between them: how much of each frame the window's own
 * work took, a figure that a loaded machine (other processes taking the cores) does not inflate as it
 * does the intervals. Keeps the latest {@link #CAPACITY} frames. FX thread only.
 */
public final class FrameStats {

    public static final int CAPACITY = 100_000;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long[] intervalNanos = new long[CAPACITY];
    private final long[] busyNanos = new long[CAPACITY];
    private int size;
    private int next;
    private long lastFrameNanos;
    private long lastCpuNanos;

    /** Records a frame at {@code nowNanos} (the AnimationTimer's timestamp). */
    public void frame(long nowNanos) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        if (lastFrameNanos != 0) {
            intervalNanos[next] = nowNanos - lastFrameNanos;
            busyNanos[next] = cpu - lastCpuNanos;
            next = (next + 1) % CAPACITY;
            size = Math.min(size + 1, CAPACITY);
        }
        lastFrameNanos = nowNanos;
        lastCpuNanos = cpu;
    }

    public void clear() {
        size = 0;
        next = 0;
        lastFrameNanos = 0;
    }

    public int frames() {
        return size;
    }

    /** The {@code p}-th percentile (0 to 100) of the intervals, in milliseconds; 0 with no frames. */
    public double percentileMillis(double p) {
        return percentile(intervalNanos, p);
    }

    /** The {@code p}-th percentile (0 to 100) of the FX thread's CPU time per frame, in milliseconds. */
    public double busyPercentileMillis(double p) {
        return percentile(busyNanos, p);
    }

    private double percentile(long[] values, double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(p / 100 * size) - 1));
        return sorted[index] / 1e6;
    }
}
