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

    /** What the note says: nothing, why the start rate holds in flight back, or that in flight caught up. */
    private enum Says { NOTHING, HELD_BACK, CAUGHT_UP }

    /** What the note said last ({@link #next}), its figures refreshed since ({@link #refreshed}). */
    private Says says = Says.NOTHING;
    /** Whether the start rate has held this run's calls in flight back, as the note said. */
    private boolean heldBack;
    /** The words said last. */
    private String said = "";

    /** A new run: nothing said yet. */
    void newRun() {
        heldBack = false;
        says = Says.NOTHING;
        said = "";
    }

    /**
     * The note for a sample (once a second: near its threshold it came and went) or the result of
     * {@code settings}' run, whose start rate explains the shortfall in {@code ceiling}, and which
     * has had at most {@code maxInFlight} in flight.
     */
    String next(Optional<String> ceiling, CallSettings settings, long maxInFlight) {
        if (ceiling.isPresent()) {
            heldBack = true;
            says = Says.HELD_BACK;
        } else {
            says = heldBack ? Says.CAUGHT_UP : Says.NOTHING;
        }
        return words(ceiling, settings, maxInFlight);
    }

    /**
     * The note as said last, with this frame's figures: "At most 482 of 4,000 allowed in flight"
     * stood under an In flight card reading "max 520". Never another kind of sentence: that is
     * {@link #next}'s, once a second.
     */
    String refreshed(Optional<String> ceiling, CallSettings settings, long maxInFlight) {
        return says == Says.HELD_BACK && ceiling.isEmpty() ? said : words(ceiling, settings, maxInFlight);
    }

    private String words(Optional<String> ceiling, CallSettings settings, long maxInFlight) {
        said = switch (says) {
            case NOTHING -> "";
            case HELD_BACK -> ceiling.orElse(said);
            case CAUGHT_UP -> caughtUp(settings, maxInFlight);
        };
        return said;
    }

    /**
     * Once the start rate no longer holds in flight back, in a run where it did: in flight reached
     * what {@code settings} allow, or else the start rate no longer accounts for the shortfall (calls
     * came to last long enough for the starts to fill more of it).
     */
    static String caughtUp(CallSettings settings, long maxInFlight) {
        long allowed = StartRate.allowed(settings);
        return StartRate.reached(settings, maxInFlight)
                ? String.format(Locale.ROOT, "In flight came to %,d of %,d allowed: the threads' start rate held it"
                        + " lower only early in the run.", maxInFlight, allowed)
                : String.format(Locale.ROOT, "At most %,d of %,d allowed in flight: the threads' start rate held it"
                        + " lower early in the run, and no longer accounts for the shortfall.", maxInFlight, allowed);
    }
}
