package dev.interleave.ui.kit;

import java.util.Objects;

import javafx.animation.AnimationTimer;

/**
 * One per view: while its view is on screen, pulls the view-model's snapshot once per frame
 * (no callback per engine event), then lets the window refresh its tool bar and status bar.
 */
public final class FrameSampler extends AnimationTimer {

    private final RunControls model;
    private final Runnable afterSample;
    private final FrameStats stats;

    public FrameSampler(RunControls model, Runnable afterSample, FrameStats stats) {
        this.model = Objects.requireNonNull(model);
        this.afterSample = Objects.requireNonNull(afterSample);
        this.stats = Objects.requireNonNull(stats);
    }

    @Override
    public void handle(long now) {
        stats.frame(now);
        model.sample(now);
        afterSample.run();
    }
}
