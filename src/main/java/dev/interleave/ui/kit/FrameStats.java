package dev.interleave.ui.kit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The intervals between the frames an {@link javafx.animation.AnimationTimer} saw: how responsive
 * the window was; and the CPU time between them of the FX thread and of the renderer thread (which
 * draws the frame the FX thread prepared): how much of each frame the window's own work took,
 * figures that a loaded machine (other processes or a run's threads taking the cores) does not
 * inflate as it does the intervals. Keeps the latest {@link #CAPACITY} frames. FX thread only.
 */
public final class FrameStats {

    public static final int CAPACITY = 100_000;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long[] intervalNanos = new long[CAPACITY];
    private final long[] busyNanos = new long[CAPACITY];
    private final long[] renderNanos = new long[CAPACITY];
    /** The renderer thread's id: 0 until looked up at the first frame, -1 if none was found then. */
    private long rendererId;
    /** The renderer thread's CPU time at the last frame, in ns. */
    private long lastRenderNanos;
    private int size;
    private int next;
    private long lastFrameNanos;
    private long lastCpuNanos;

    /** Records a frame at {@code nowNanos} (the AnimationTimer's timestamp). */
    public void frame(long nowNanos) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        if (rendererId == 0) {
            rendererId = rendererThreadId();
        }
        long render = rendererId > 0 ? Math.max(0, THREADS.getThreadCpuTime(rendererId)) : 0;
        if (lastFrameNanos != 0) {
            intervalNanos[next] = nowNanos - lastFrameNanos;
            busyNanos[next] = cpu - lastCpuNanos;
            renderNanos[next] = Math.max(0, render - lastRenderNanos);
            next = (next + 1) % CAPACITY;
            size = Math.min(size + 1, CAPACITY);
        }
        lastFrameNanos = nowNanos;
        lastCpuNanos = cpu;
        lastRenderNanos = render;
    }

    /** The id of JavaFX's renderer thread ("QuantumRenderer-0"), or -1. */
    private static long rendererThreadId() {
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0)) {
            if (info != null && info.getThreadName().startsWith("QuantumRenderer")) {
                return info.getThreadId();
            }
        }
        return -1;
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

    /**
     * The {@code p}-th percentile (0 to 100) of the renderer thread's CPU time per frame, in
     * milliseconds; 0 where no renderer thread was found.
     */
    public double renderPercentileMillis(double p) {
        return percentile(renderNanos, p);
    }

    /**
     * One frame: when it ended, counted from the first frame kept; the interval before it; the FX
     * thread's CPU time in that interval.
     */
    public record Frame(double atSeconds, double intervalMillis, double busyMillis) {
    }

    /**
     * The {@code n} longest intervals kept, longest first, each with when it happened: a p99 made
     * of a few frames at a run's start or end reads differently from one spread over the run.
     */
    public List<Frame> slowest(int n) {
        List<Frame> frames = new ArrayList<>(size);
        long at = 0;
        for (int i = 0; i < size; i++) {
            int place = (next - size + i + CAPACITY) % CAPACITY;
            at += intervalNanos[place];
            frames.add(new Frame(at / 1e9, intervalNanos[place] / 1e6, busyNanos[place] / 1e6));
        }
        frames.sort(Comparator.comparingDouble(Frame::intervalMillis).reversed());
        return List.copyOf(frames.subList(0, Math.min(n, frames.size())));
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
