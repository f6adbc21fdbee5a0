package dev.interleave.ui.kit;

import java.util.Arrays;

/**
 * The intervals between the frames an {@link javafx.animation.AnimationTimer} saw: how responsive
 * the window was. Keeps the latest {@link #CAPACITY} intervals. FX thread only.
 */
public final class FrameStats {

    public static final int CAPACITY = 100_000;

    private final long[] intervalNanos = new long[CAPACITY];
    private int size;
    private int next;
    private long lastFrameNanos;

    /** Records a frame at {@code nowNanos} (the AnimationTimer's timestamp). */
    public void frame(long nowNanos) {
        if (lastFrameNanos != 0) {
            intervalNanos[next] = nowNanos - lastFrameNanos;
            next = (next + 1) % CAPACITY;
            size = Math.min(size + 1, CAPACITY);
        }
        lastFrameNanos = nowNanos;
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
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(intervalNanos, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(p / 100 * size) - 1));
        return sorted[index] / 1e6;
    }
}
