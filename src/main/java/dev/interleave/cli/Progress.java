package dev.interleave.cli;

import java.io.Console;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What both commands do while their run goes: redraw one progress line on a terminal a few times
 * a second, and stop the run if the JVM is asked to exit (Ctrl+C) so that no thread is left mid-way.
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
     * {@link #INTERVAL} and clears it at the end. Ctrl+C meanwhile stops the run.
     */
    static <R> R await(boolean quiet, Awaitable<R> run, Stoppable stop, Supplier<String> line)
            throws InterruptedException {
        Thread stopOnExit = Thread.ofPlatform().unstarted(() -> {
            try {
                stop.stop();
            } catch (InterruptedException | TimeoutException | IllegalStateException ignored) {
                // The JVM is exiting; nothing more to do.
            }
        });
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Console console = System.console();
        boolean show = !quiet && console != null && console.isTerminal();
        try {
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
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook is running (it stops the run, and writes a trace if asked).
            }
        }
    }
}
