package dev.interleave.engine.run;

/**
 * What a run's workers stop at while the run is paused: closed by Pause, opened by Resume and
 * Stop. The {@link Lifecycle} changes its state and its hold in one step.
 */
public interface Hold {

    /** From now on workers stop at their next check, until {@link #open()}. */
    void close();

    /** Workers stopped at the hold go on, and checks cost nothing again. */
    void open();
}
