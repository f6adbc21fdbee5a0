package dev.interleave.ui.buffer;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.stage.Stage;

import dev.interleave.engine.buffer.BufferReplay;
import dev.interleave.engine.buffer.BufferRunner;
import dev.interleave.engine.buffer.BufferSettings;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.ThreadKind;
import dev.interleave.ui.kit.Timeline;

/**
 * How long the timeline takes to draw a large recording: {@code --frame-stats timeline [LANES
 * [EVENTS]]}. A real free run of LANES / 2 producers and LANES / 2 consumers (virtual threads, zero
 * delays, 16 slots) records until its log holds EVENTS events; the buffer's timeline is then drawn
 * from that log, in a window of its own, a number of times at three zooms: the whole run, the last
 * tenth, and the last few hundred events (every mark labelled, every wake-up an arrow). Prints the
 * median and the slowest drawing at each, in time and in the FX thread's CPU time (which a loaded
 * machine does not inflate), after a few drawings to warm up. The window's sliders end at 16
 * producers and 16 consumers (its fields take up to 200 of each); this is the kit's timeline past
 * that, as any later lab's would be.
 */
public final class TimelineBench {

    private static final int CAPACITY = 16;
    private static final int DRAWINGS = 30;
    private static final int WARM_UP = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TimelineBench() {
    }

    /** Records, then measures on the FX thread through {@code onFx}; prints one line per zoom. */
    public static void run(PrintStream out, int lanes, int events, List<String> stylesheets, FxRunner onFx)
            throws Exception {
        BufferSettings settings = BufferSettings.of(lanes / 2, lanes - lanes / 2, CAPACITY, 0)
                .withThreads(ThreadKind.VIRTUAL);
        EventLog log = record(settings, events);
        Stage[] stage = new Stage[1];
        BufferRewind rewind = new BufferRewind();
        @SuppressWarnings("unchecked")
        Timeline<BufferReplay>[] timeline = new Timeline[1];
        onFx.run(() -> {
            rewind.follow(log, settings);
            timeline[0] = new Timeline<>(rewind, new BufferLanes());
            stage[0] = new Stage();
            Scene scene = new Scene(timeline[0], 1600, timeline[0].prefHeight(1600));
            scene.getStylesheets().setAll(stylesheets); // the window's: the lanes in the window's colours
            stage[0].setScene(scene);
            stage[0].show();
        });
        Thread.sleep(500);
        out.printf(Locale.ROOT, "timeline of %d lanes, %,d events recorded (%,d kept), %.0f x %.0f px:%n", lanes,
                log.written(), Math.min(log.written(), log.capacity()), timeline[0].getWidth(), timeline[0].getHeight());
        String[] zooms = {"whole run", "last tenth", "last few hundred events"};
        for (int zoom = 0; zoom < zooms.length; zoom++) {
            long[] nanos = new long[DRAWINGS];
            long[] cpu = new long[DRAWINGS];
            int shown = zoom;
            onFx.run(() -> {
                if (shown == 1) {
                    timeline[0].zoomBy(10, timeline[0].getWidth());
                } else if (shown == 2) {
                    var history = rewind.history();
                    long end = history.end();
                    long span = history.nanosOf(end - 1) - history.nanosOf(Math.max(history.start(), end - 300));
                    long tenth = (history.nanosOf(end - 1) - history.nanosOf(history.firstKept())) / 10;
                    timeline[0].zoomBy((double) tenth / Math.max(1, span), timeline[0].getWidth());
                }
                for (int i = 0; i < WARM_UP; i++) {
                    timeline[0].draw();
                }
                for (int i = 0; i < DRAWINGS; i++) {
                    long start = System.nanoTime();
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    timeline[0].draw();
                    cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
                    nanos[i] = System.nanoTime() - start;
                }
            });
            Arrays.sort(nanos);
            Arrays.sort(cpu);
            out.printf(Locale.ROOT, "  %s: drawing median %.1f ms, slowest %.1f ms; its CPU time median %.1f ms, most"
                    + " %.1f ms (%d drawings after %d)%n", zooms[zoom], nanos[DRAWINGS / 2] / 1e6,
                    nanos[DRAWINGS - 1] / 1e6, cpu[DRAWINGS / 2] / 1e6, cpu[DRAWINGS - 1] / 1e6, DRAWINGS, WARM_UP);
        }
        out.flush();
        onFx.run(() -> stage[0].close());
    }

    /** A free run recording until its log holds {@code events} events; the log. */
    private static EventLog record(BufferSettings settings, int events) throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(events);
        runner.start(settings);
        try {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (true) {
                EventLog log = runner.snapshot().log();
                if (log != null && log.written() >= events || System.nanoTime() > deadline) {
                    return log;
                }
                Thread.sleep(50);
            }
        } finally {
            runner.stop();
        }
    }

    /** Runs an action on the FX thread and waits for it. */
    @FunctionalInterface
    public interface FxRunner {
        void run(Runnable action) throws InterruptedException;
    }
}
