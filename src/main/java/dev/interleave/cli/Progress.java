package dev.interleave.cli;

import java.io.Console;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What every run command does while its run goes: redraw one progress line on a terminal a few
 * times a second (Ctrl+C is {@link RunCommand}'s: it stops the run and reports it).
 */
final class Progress {

    /** How often the progress line is redrawn. */
    static final Duration INTERVAL = Duration.ofMillis(250);

    /** A run's wait with a timeout. */
    interface Awaitable<R> {
        R await(Duration timeout) throws InterruptedException, TimeoutException;
    }

    /** A run's stop. */
    interface Stoppable {
        void stop() throws InterruptedException, TimeoutException;
    }

    private Progress() {
    }

    /**
     * Waits for the run; on a terminal (and unless {@code quiet}) redraws {@code line} every
     * {@link #INTERVAL} and clears it at the end.
     */
    static <R> R await(boolean quiet, Awaitable<R> run, Supplier<String> line) throws InterruptedException {
        Console console = System.console();
        boolean show = !quiet && console != null && console.isTerminal();
        while (true) {
            try {
                R result = run.await(INTERVAL);
                if (show) {
                    console.writer().print("\r\033[K");
                    console.writer().flush();
                }
                return result;
            } catch (TimeoutException stillRunning) {
                if (show) {
                    console.writer().print("\r\033[K" + line.get());
                    console.writer().flush();
                }
            }
        }
    }
}
