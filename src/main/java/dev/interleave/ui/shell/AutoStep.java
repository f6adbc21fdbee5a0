package dev.interleave.ui.shell;

import java.util.Objects;
import java.util.function.Supplier;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.util.Duration;

import dev.interleave.engine.run.RunState;
import dev.interleave.ui.kit.RunControls;

/**
 * Auto-step: Step played at a chosen rate, 1 to 20 a second, so a class watches one action at a
 * time without anyone pressing S. Switched on from idle, its first beat starts the run paused (as
 * Step does); each beat then lets exactly one thread act. A beat is skipped while the last step
 * has not been taken yet (a worker still in its delay), so steps never pile up behind a slow one:
 * the rate is an upper bound. It switches itself off when the run ends, when the run is resumed
 * (it runs freely then) or stopped, and when the view cannot step. The engine never waits for it:
 * it only calls Step. It also switches itself off when the view says no step can do anything
 * ({@link RunControls#whyNoStep()}: a deadlock), and the view says why. FX thread only.
 */
final class AutoStep {

    /** Slowest rate: one step a second. */
    static final int MIN_RATE = 1;
    /** Fastest rate: twenty steps a second, still one action at a time to the eye. */
    static final int MAX_RATE = 20;

    private final IntegerProperty rate;
    private final Supplier<RunControls> active;
    private final Runnable step;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final Timeline beats = new Timeline();
    /** Whether a beat has stepped since Auto-step was switched on. */
    private boolean stepped;

    /**
     * @param rate   steps per second (the window's setting)
     * @param active the view-model of the view on screen
     * @param step   what Step does in the window (refusals included)
     */
    AutoStep(IntegerProperty rate, Supplier<RunControls> active, Runnable step) {
        this.rate = Objects.requireNonNull(rate);
        this.active = Objects.requireNonNull(active);
        this.step = Objects.requireNonNull(step);
        beats.setCycleCount(Animation.INDEFINITE);
        rate.addListener((obs, old, now) -> {
            if (playing.get()) {
                restartBeats();
            }
        });
    }

    /** Whether Auto-step is on. */
    ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Switches Auto-step on (the first beat comes at once) or off. */
    void setPlaying(boolean on) {
        if (on == playing.get()) {
            return;
        }
        playing.set(on);
        if (on) {
            stepped = false;
            restartBeats();
            beat();
        } else {
            beats.stop();
        }
    }

    private void restartBeats() {
        beats.stop();
        beats.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1.0 / rate.get()), e -> beat()));
        beats.play();
    }

    /**
     * One beat: a step if one applies; off if the run has ended, runs freely, is stopping, or the
     * view cannot step. Called by the timer; tests call it directly.
     */
    void beat() {
        if (!playing.get()) {
            return;
        }
        RunControls model = active.get();
        RunState state = model.runState();
        boolean over = state == RunState.RUNNING || state == RunState.STOPPING
                || (state == RunState.IDLE && stepped);
        if (!model.supportsStep() || over || !model.whyNoStep().isEmpty()) {
            setPlaying(false);
            return;
        }
        if (state == RunState.PAUSED && model.stepPending()) {
            return; // the last step is not taken yet: skip this beat
        }
        stepped = true;
        step.run();
    }
}
