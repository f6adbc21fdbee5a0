package dev.interleave.ui.kit;

/**
 * Work done once in the background a second after start-up (when start-up has had the processors),
 * so that a scenario's first Run, or the frame that shows its result, does not pay for it: loading
 * the engine's classes, linking a record's {@code equals}.
 */
public final class WarmUp {

    private WarmUp() {
    }

    /** Runs {@code work} on a virtual thread named {@code name}, a second from now. */
    public static void later(String name, Runnable work) {
        Thread.ofVirtual().name(name).start(() -> {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return; // nobody interrupts it today; if someone does, it was not wanted
            }
            work.run();
        });
    }
}
