package dev.interleave.ui.calls;

import java.util.Locale;
import java.util.Optional;

import dev.interleave.engine.calls.CallSettings;
import dev.interleave.engine.calls.StartRate;

/**
 * The words under the figure cards on the threads' start rate, sample by sample through a run: why
 * it holds the calls in flight under what is allowed ({@link StartRate#ceiling}), and once it no
 * longer does, in a run where it did, that in flight caught up. Blank then, the note's place (held,
 * so that the plots stay put) stood as an empty band two lines high over the plots of the
 * 1,000,000-call run: README's first picture.
 */
final class StartRateNote {

    /** Whether the start rate has held this run's calls in flight back, as the note said. */
    private boolean heldBack;

    /** A new run: nothing said yet. */
    void newRun() {
        heldBack = false;
    }

    /**
     * The note for a sample (or the result) of {@code settings}' run, whose start rate explains the
     * shortfall in {@code ceiling}, and which has had at most {@code maxInFlight} in flight.
     */
    String next(Optional<String> ceiling, CallSettings settings, long maxInFlight) {
        if (ceiling.isPresent()) {
            heldBack = true;
            return ceiling.get();
        }
        return heldBack ? caughtUp(settings, maxInFlight) : "";
    }

    /**
     * Once the start rate no longer holds in flight back, in a run where it did: in flight reached
     * what {@code settings} allow, or else the start rate no longer accounts for the shortfall (calls
     * came to last long enough for the starts to fill more of it).
     */
    static String caughtUp(CallSettings settings, long maxInFlight) {
        long allowed = Math.min(settings.calls(), settings.concurrency());
        return StartRate.reached(settings, maxInFlight)
                ? String.format(Locale.ROOT, "In flight came to %,d of %,d allowed: the threads' start rate held it"
                        + " lower only early in the run.", maxInFlight, allowed)
                : String.format(Locale.ROOT, "At most %,d of %,d allowed in flight: the threads' start rate held it"
                        + " lower early in the run, and no longer accounts for the shortfall.", maxInFlight, allowed);
    }
}
