package dev.interleave.ui.kit;

import java.util.Objects;

import javafx.animation.AnimationTimer;

/**
 * One per view: pulls the view-model's snapshot once per frame while its view is on screen, and
 * at most every {@link #HIDDEN_INTERVAL_NANOS} while it is hidden (a run in a hidden tab keeps its
 * figures and plots sampled, cheaply: no gap, no catch-up spike when the tab is shown again); no
 * callback per engine event. After each sample the window refreshes its tool bar and status bar.
 */
public final class FrameSampler extends AnimationTimer {

    private final RunControls model;
    private final Runnable afterSample;
    private final FrameStats stats;
    /** While hidden, a sample at most this often: 10 a second, the plots' own point rate. */
    public static final long HIDDEN_INTERVAL_NANOS = 100_000_000L;
    private boolean shown = true;
    private long lastSampleNanos;

    public FrameSampler(RunControls model, Runnable afterSample, FrameStats stats) {
        this.model = Objects.requireNonNull(model);
        this.afterSample = Objects.requireNonNull(afterSample);
        this.stats = Objects.requireNonNull(stats);
    }

    /** Whether the view is on screen: every frame is sampled, and counted in the frame statistics. */
    public void setShown(boolean shown) {
        this.shown = shown;
    }

    @Override
    public void handle(long now) {
        if (shown) {
            stats.frame(now);
        } else if (now - lastSampleNanos < HIDDEN_INTERVAL_NANOS) {
            return;
        }
        lastSampleNanos = now;
        model.sample(now);
        afterSample.run();
    }
}
