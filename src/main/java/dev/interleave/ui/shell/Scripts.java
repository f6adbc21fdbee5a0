package dev.interleave.ui.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.Bug;
import dev.interleave.engine.race.LabMeasure;
import dev.interleave.engine.race.StepProgram;
import dev.interleave.engine.run.RunState;
import dev.interleave.ui.buffer.BufferViewModel;
import dev.interleave.ui.buffer.TimelineBench;
import dev.interleave.ui.calls.CallsViewModel;
import dev.interleave.ui.kit.Controls;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.Png;
import dev.interleave.ui.kit.Timeline;
import dev.interleave.ui.philosophers.PhilosophersViewModel;
import dev.interleave.ui.race.RaceViewModel;

/**
 * Scripted uses of the real window, for checks and documentation:
 * <ul>
 *   <li>{@code --smoke}: open the window, wait for the first rendered frame, print the milliseconds
 *   since the process started, exit 0;</li>
 *   <li>{@code --render DIR}: run each view and render it mid-run to {@code DIR/counter-sum.png},
 *   {@code DIR/bounded-buffer.png} (and in the dark theme, {@code DIR/bounded-buffer-dark.png}),
 *   {@code DIR/bounded-buffer-step.png} (and the buffer's timeline, rewound a few events, to
 *   {@code bounded-buffer-timeline.png}), the condition-variable lab stalled by bug one-condition to
 *   {@code DIR/buffer-lab-stalled.png} (and its code panel to {@code buffer-lab-code.png}),
 *   {@code DIR/race-stepper.png} (right after a lost update),
 *   {@code DIR/race-throughput.png}, and the dining philosophers at a detected deadlock to
 *   {@code DIR/dining-philosophers.png} and, paused there and rewound to just before the circle closed, {@code DIR/dining-philosophers-timeline.png};</li>
 *   <li>{@code --frame-stats [calls N C]}: run the 1,000,000-call preset (or N calls, at most C in
 *   flight) in the window and print the median and 99th percentile of the frame interval during the
 *   run, and of the CPU time per frame of the FX thread and of the renderer thread;</li>
 *   <li>{@code --frame-stats buffer [P Q [SECONDS]] [history] [again] [slots:N]}: the same for a free
 *   buffer run with P producers and Q consumers (8 and 8 by default), N slots (8), zero delays and recording on, for
 *   SECONDS (10 by default), the view's top shown, or with {@code history} scrolled to the timeline
 *   following the run (out of sight the timeline and plots are not drawn); with {@code again}, a
 *   first run of 3 s comes before the one measured; also prints how many events were recorded and
 *   dropped;</li>
 *   <li>{@code --train}: the AOT cache's training run (see {@link #train});</li>
 *   <li>{@code --frame-stats timeline [LANES [EVENTS]]}: the timeline's drawing time on the log of a
 *   real free run with LANES workers (200) recorded until it holds EVENTS events (1,000,000): see
 *   {@link TimelineBench}.</li>
 * </ul>
 * Each step waits on a virtual thread and touches the scene only through {@link Platform#runLater}.
 * A script starts from the default settings, in the light theme at 100 %, and keeps nothing: the
 * settings a user kept are neither used nor changed.
 */
final class Scripts {

    private Scripts() {
    }

    /** The option names Main hands to the window instead of the command line. */
    static boolean isScript(String option) {
        return option.equals("--smoke") || option.equals("--render") || option.equals("--frame-stats")
                || option.equals("--train") || option.equals("--close-during-run");
    }

    static void smoke(Stage stage, PrintStream out) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                // The first pulse after show() renders the first frame; the second pulse proves it went out.
                if (++frames == 2) {
                    stop();
                    long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
                    out.printf(Locale.ROOT, "first frame after %d ms%n", System.currentTimeMillis() - startMillis);
                    out.flush();
                    stage.close();
                    Platform.exit();
                }
            }
        }.start();
    }

    /**
     * The packaging build's training run for the AOT cache: what a first session does, briefly, so
     * that the classes it loads are in the cache, linked, and the methods it runs come with their
     * profiles (JEP 515), and the first Run of a free buffer or of the 1,000,000 calls does not start
     * in the interpreter. The window's first frame; a free 8/8 buffer run (3 s), again scrolled to its
     * timeline (2 s); 3 s of the 1,000,000-call preset; then exits, printing how long it took.
     *
     * <p>Not the labs: every class in the cache is loaded at start, and with the labs' views and
     * engines in it too the first frame came 27 to 196 ms later (four sets of 7 to 9 interleaved
     * starts); without them, up to 9 % later than with the cache of the first frame alone (two sets
     * of 9), and a free 8/8 buffer run's first 10 s had a frame p99 median of 46.6 ms against 60.0
     * (Xvfb 1280x800; README, "Benchmarks").
     */
    static void train(InterleaveApp app, Stage stage, PrintStream out) {
        Thread.ofVirtual().name("interleave-train").start(() -> {
            long from = System.nanoTime();
            try {
                MainView view = app.view();
                awaitFrames(2); // the first frame rendered, and out
                onFx(() -> showFreeBuffer(view, 8, 8));
                runFor(view, 3_000);
                Runnable back = onFxGet(() -> Controls.scrollTo(stage.getScene().lookup("#buffer-history")));
                runFor(view, 2_000);
                onFx(back);
                onFx(() -> {
                    view.select("calls");
                    ((CallsViewModel) view.active()).applyPreset(CallsViewModel.Preset.LARGE);
                });
                runFor(view, 3_000);
                out.printf(Locale.ROOT, "trained in %d ms: the first frame, a free buffer run, the 1,000,000 calls%n",
                        Duration.ofNanos(System.nanoTime() - from).toMillis());
                out.flush();
            } catch (Throwable failed) {
                // Exit 1 without writing the cache: the packaging build stops, not ships it half trained.
                System.err.println("training failed:");
                failed.printStackTrace();
                Runtime.getRuntime().halt(1);
            }
            Platform.runLater(() -> {
                stage.close();
                Platform.exit();
            });
        });
    }

    /** Waits until {@code count} more frames have been pulsed. */
    private static void awaitFrames(int count) throws InterruptedException {
        CountDownLatch frames = new CountDownLatch(count);
        Platform.runLater(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.countDown();
                if (frames.getCount() == 0) {
                    stop();
                }
            }
        }.start());
        frames.await();
    }

    /** Shows the buffer view set for a free run: {@code producers} and {@code consumers}, zero delays. FX thread. */
    private static void showFreeBuffer(MainView view, int producers, int consumers) {
        view.select("buffer");
        BufferViewModel buffer = (BufferViewModel) view.active();
        buffer.producersProperty().set(producers);
        buffer.consumersProperty().set(consumers);
        buffer.produceMinMillisProperty().set(0);
        buffer.produceMaxMillisProperty().set(0);
        buffer.consumeMinMillisProperty().set(0);
        buffer.consumeMaxMillisProperty().set(0);
    }

    /** Runs the shown view for {@code millis} (as the Run button does), stops it and waits until it is idle. */
    private static void runFor(MainView view, long millis) throws Exception {
        onFx(view::runActive);
        Thread.sleep(millis);
        onFx(() -> {
            if (view.active().runState() != RunState.IDLE) {
                view.active().stop();
            }
        });
        awaitIdle(view);
    }

    static void render(InterleaveApp app, Stage stage, Path dir) {
        Thread.ofVirtual().name("interleave-render").start(() -> {
            try {
                Files.createDirectories(dir);
                MainView view = app.view();
                onFx(() -> {
                    view.select("calls");
                    ((CallsViewModel) view.active()).applyPreset(CallsViewModel.Preset.SMALL);
                    view.runActive(); // as the Run button does
                });
                awaitIdle(view);
                onFx(() -> {
                    ((CallsViewModel) view.active()).applyPreset(CallsViewModel.Preset.LARGE);
                    view.runActive(); // as the Run button does
                });
                Thread.sleep(4_000);
                snapshot(stage.getScene(), dir.resolve("counter-sum.png"));
                onFx(() -> view.active().stop());
                awaitIdle(view);
                onFx(() -> view.select("buffer"));
                onFx(() -> {
                    // Producers faster than consumers: the buffer fills and producers queue on notFull.
                    BufferViewModel buffer = (BufferViewModel) view.active();
                    buffer.producersProperty().set(4);
                    buffer.consumersProperty().set(3);
                    buffer.produceMinMillisProperty().set(50);
                    buffer.produceMaxMillisProperty().set(300);
                    buffer.consumeMinMillisProperty().set(300);
                    buffer.consumeMaxMillisProperty().set(900);
                    buffer.run();
                });
                Thread.sleep(5_000);
                snapshot(stage.getScene(), dir.resolve("bounded-buffer.png"));
                onFx(() -> view.window().themeProperty().set(Theme.DARK));
                Thread.sleep(500);
                snapshot(stage.getScene(), dir.resolve("bounded-buffer-dark.png"));
                onFx(() -> view.window().themeProperty().set(Theme.LIGHT));
                onFx(() -> view.active().togglePause());
                Thread.sleep(1_500);
                onFx(() -> view.active().step());
                Thread.sleep(1_500); // past the step's flights: an item in the air lay over the step's words
                snapshot(stage.getScene(), dir.resolve("bounded-buffer-step.png"));
                // A few more steps, then rewind a little: the timeline, the scrubber and the event log.
                for (int i = 0; i < 6; i++) {
                    onFx(() -> view.active().step());
                    Thread.sleep(300);
                }
                onFx(() -> ((BufferViewModel) view.active()).rewind().moveBy(-4));
                Thread.sleep(500);
                snapshotNode(stage.getScene(), "#buffer-history", dir.resolve("bounded-buffer-timeline.png"));
                onFx(() -> view.active().stop());
                awaitIdle(view);
                renderLab(view, stage, dir);
                renderRace(view, stage, dir);
                renderDeadlock(view, stage, dir.resolve("dining-philosophers.png"));
                System.out.println("rendered " + dir.toAbsolutePath().normalize());
            } catch (Exception e) {
                System.err.println("render failed: " + e);
            }
            Platform.runLater(() -> {
                stage.close();
                Platform.exit();
            });
        });
    }

    /**
     * The condition-variable lab: the lock buffer with bug one-condition in its guide's setup (3
     * producers, 3 consumers, 1 slot, signal, no delays) until the lab finds the stall; the window
     * then shows everyone waiting, to {@code buffer-lab-stalled.png}, and the code panel with each
     * chip at its line to {@code buffer-lab-code.png}. The settings are put back afterwards.
     */
    private static void renderLab(MainView view, Stage stage, Path dir) throws Exception {
        BufferViewModel[] lab = new BufferViewModel[1];
        onFx(() -> {
            view.select("buffer");
            lab[0] = (BufferViewModel) view.active();
            lab[0].reset();
            lab[0].implProperty().set(BufferImpl.LOCK);
            lab[0].bugProperty().set(Bug.ONE_CONDITION);
            lab[0].applyGuide();
            lab[0].run();
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        boolean[] found = new boolean[1];
        while (!found[0] && System.nanoTime() < deadline) {
            Thread.sleep(100);
            onFx(() -> found[0] = lab[0].labOutcomeProperty().get() != null);
        }
        Thread.sleep(1_000);
        snapshot(stage.getScene(), dir.resolve("buffer-lab-stalled.png"));
        snapshotNode(stage.getScene(), "#code-panel", dir.resolve("buffer-lab-code.png"));
        onFx(() -> view.active().stop());
        awaitIdle(view);
        onFx(() -> {
            lab[0].reset();
            lab[0].bugProperty().set(Bug.NONE);
            lab[0].resetSettings();
        });
    }

    /**
     * The race lab: the stepper right after the textbook lost update (T1 reads, T2 reads, T1 adds
     * and writes, T2 adds and writes over it), then a throughput measurement at its end.
     */
    private static void renderRace(MainView view, Stage stage, Path dir) throws Exception {
        RaceViewModel[] race = new RaceViewModel[1];
        onFx(() -> {
            view.select("race");
            race[0] = (RaceViewModel) view.active();
            race[0].modeProperty().set(RaceViewModel.Mode.SLOW_MOTION);
            race[0].stepper().programProperty().set(StepProgram.COUNT_PLUS_PLUS);
            race[0].stepper().threadsProperty().set(2);
            race[0].stepper().incrementsProperty().set(3);
            race[0].stepper().goalProperty().set(1);
        });
        for (int thread : new int[] {0, 1, 0, 0, 1, 1}) {
            onFx(() -> view.active().stepWorker(thread));
            Thread.sleep(400);
        }
        Thread.sleep(500);
        snapshot(stage.getScene(), dir.resolve("race-stepper.png"));
        onFx(() -> view.active().stop());
        awaitIdle(view);
        onFx(() -> {
            race[0].modeProperty().set(RaceViewModel.Mode.FULL_SPEED);
            race[0].lab().measureProperty().set(LabMeasure.THROUGHPUT);
            view.runActive(); // as the Run button does
        });
        awaitIdle(view);
        Thread.sleep(500);
        snapshot(stage.getScene(), dir.resolve("race-throughput.png"));
    }

    /** Five naive philosophers (the defaults: 0 to 100 ms) until their deadlock is detected and drawn. */
    private static void renderDeadlock(MainView view, Stage stage, Path file) throws Exception {
        onFx(() -> {
            view.select("philosophers");
            view.runActive(); // as the Run button does
        });
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        boolean[] deadlocked = new boolean[1];
        while (!deadlocked[0] && System.nanoTime() < deadline) {
            Thread.sleep(100);
            onFx(() -> deadlocked[0] = ((PhilosophersViewModel) view.active()).deadlockedProperty().get());
        }
        Thread.sleep(1_000);
        snapshot(stage.getScene(), file);
        // Paused in the deadlock, rewound to just before the wait that closed the circle: the
        // timeline (its red line), the scrubber and the event list.
        onFx(() -> view.active().togglePause());
        Thread.sleep(1_000);
        onFx(() -> {
            PhilosophersViewModel philosophers = (PhilosophersViewModel) view.active();
            philosophers.rewind().moveTo(philosophers.rewind().endProperty().get() - 2);
            // The last few hundred milliseconds: the forks picked up one by one, then the red line.
            Timeline<?> timeline = (Timeline<?>) stage.getScene().lookup("#philosophers-history #timeline");
            var history = philosophers.rewind().history();
            long whole = history.nanosOf(history.end() - 1) - history.nanosOf(history.firstKept());
            timeline.zoomBy(400e6 / Math.max(400e6, whole), timeline.getWidth());
        });
        Thread.sleep(500);
        snapshotNode(stage.getScene(), "#philosophers-history",
                file.resolveSibling("dining-philosophers-timeline.png"));
        onFx(() -> view.active().stop());
        awaitIdle(view);
    }

    /** How many of the slowest frames --frame-stats lists: about the 1 % of a 10 s run that sets its p99. */
    private static final int SLOWEST_SHOWN = 8;

    /** "slowest frames (s since Run: interval, FX busy): 0.05 s: 85.1 ms, 60.2 ms busy; ..." */
    static String slowestLine(List<FrameStats.Frame> frames) {
        return "slowest frames (when, since Run: interval, FX thread busy): " + frames.stream()
                .map(f -> String.format(Locale.ROOT, "%.2f s: %.1f ms, %.1f busy", f.atSeconds(), f.intervalMillis(),
                        f.busyMillis()))
                .collect(Collectors.joining("; "));
    }

    static void frameStats(InterleaveApp app, Stage stage, PrintStream out, List<String> args) {
        if (args.size() > 1 && args.get(1).equals("buffer")) {
            bufferFrameStats(app, stage, out, args.subList(2, args.size()));
            return;
        }
        if (args.size() > 1 && args.get(1).equals("timeline")) {
            Thread.ofVirtual().name("interleave-frame-stats").start(() -> {
                try {
                    TimelineBench.run(out, args.size() > 2 ? Integer.parseInt(args.get(2)) : 200,
                            args.size() > 3 ? Integer.parseInt(args.get(3)) : 1_000_000,
                            List.copyOf(stage.getScene().getStylesheets()), Scripts::onFx);
                } catch (Exception e) {
                    System.err.println("frame stats failed: " + e);
                }
                Platform.runLater(() -> {
                    stage.close();
                    Platform.exit();
                });
            });
            return;
        }
        Thread.ofVirtual().name("interleave-frame-stats").start(() -> {
            try {
                MainView view = app.view();
                boolean given = args.size() > 1 && args.get(1).equals("calls");
                if (given && args.size() != 4) {
                    throw new IllegalArgumentException("--frame-stats calls N C: N calls, at most C in flight");
                }
                onFx(() -> {
                    view.select("calls");
                    CallsViewModel calls = (CallsViewModel) view.active();
                    calls.applyPreset(CallsViewModel.Preset.LARGE);
                    if (given) {
                        calls.callsProperty().set(Integer.parseInt(args.get(2)));
                        calls.concurrencyProperty().set(Integer.parseInt(args.get(3)));
                    }
                });
                Thread.sleep(Long.getLong("interleave.frameStatsWarmupMillis", 1_000));
                onFx(() -> {
                    app.frameStats().clear();
                    view.runActive(); // as the Run button does
                });
                awaitIdle(view);
                FrameStats stats = app.frameStats();
                record Measured(String frames, String ran, double efficiency, List<FrameStats.Frame> slowest) {
                }
                Measured measured = onFxGet(() -> {
                    CallsViewModel calls = (CallsViewModel) view.active();
                    // What ran: the fields take the nearest allowed values to those given.
                    return new Measured(framesText(stats), String.format(Locale.ROOT, "%,d calls, at most %,d in flight",
                            calls.settings().calls(), calls.settings().concurrency()), calls.efficiencyProperty().get(),
                            stats.slowest(SLOWEST_SHOWN));
                });
                out.printf(Locale.ROOT, "frames during the run of %s: %s; run efficiency %.3f%n", measured.ran(),
                        measured.frames(), measured.efficiency());
                out.println(slowestLine(measured.slowest()));
                out.flush();
            } catch (Exception e) {
                System.err.println("frame stats failed: " + e);
            }
            Platform.runLater(() -> {
                stage.close();
                Platform.exit();
            });
        });
    }

    /**
     * "N; interval median ... ms, p99 ... ms; FX thread busy per frame median ..., p99 ...; renderer
     * busy per frame median ..., p99 ...": what --frame-stats prints of {@code stats}. FX thread.
     */
    static String framesText(FrameStats stats) {
        return String.format(Locale.ROOT, "%d; interval median %.1f ms, p99 %.1f ms; FX thread busy per frame median"
                + " %.1f ms, p99 %.1f ms; renderer busy per frame median %.1f ms, p99 %.1f ms", stats.frames(),
                stats.percentileMillis(50), stats.percentileMillis(99), stats.busyPercentileMillis(50),
                stats.busyPercentileMillis(99), stats.renderPercentileMillis(50), stats.renderPercentileMillis(99));
    }

    private static void bufferFrameStats(InterleaveApp app, Stage stage, PrintStream out, List<String> given) {
        // Words after the numbers: "history", the view scrolled to its timeline, which is then drawn
        // at every frame; "again", a first run of 3 s before the one measured (a class's second run).
        boolean history = given.contains("history");
        boolean again = given.contains("again");
        // "slots:N": a buffer of N slots rather than the default 8.
        int capacity = given.stream().filter(arg -> arg.startsWith("slots:")).mapToInt(arg -> Integer.parseInt(
                arg.substring("slots:".length()))).findFirst().orElse(0);
        List<String> args = given.stream().filter(arg -> !arg.equals("history") && !arg.equals("again")
                && !arg.startsWith("slots:")).toList();
        int producers = args.size() > 0 ? Integer.parseInt(args.get(0)) : 8;
        int consumers = args.size() > 1 ? Integer.parseInt(args.get(1)) : 8;
        int seconds = args.size() > 2 ? Integer.parseInt(args.get(2)) : 10;
        Thread.ofVirtual().name("interleave-frame-stats").start(() -> {
            try {
                MainView view = app.view();
                onFx(() -> {
                    showFreeBuffer(view, producers, consumers);
                    if (capacity > 0) {
                        ((BufferViewModel) view.active()).capacityProperty().set(capacity);
                    }
                });
                if (history) {
                    onFx(() -> Controls.scrollTo(stage.getScene().lookup("#buffer-history")));
                }
                Thread.sleep(Long.getLong("interleave.frameStatsWarmupMillis", 1_000));
                if (again) {
                    onFx(view::runActive);
                    Thread.sleep(3_000);
                    onFx(() -> view.active().stop());
                    awaitIdle(view);
                    Thread.sleep(1_000);
                }
                long runNanos = onFxGet(() -> {
                    app.frameStats().clear();
                    long before = System.nanoTime();
                    view.runActive(); // as the Run button does
                    return System.nanoTime() - before;
                });
                Thread.sleep(seconds * 1_000L);
                FrameStats stats = app.frameStats();
                record Measured(String frames, long consumed, long recorded, long dropped, List<FrameStats.Frame> slowest) {
                }
                Measured measured = onFxGet(() -> {
                    BufferViewModel buffer = (BufferViewModel) view.active();
                    Measured now = new Measured(framesText(stats), buffer.consumedProperty().get(),
                            buffer.rewind().endProperty().get(), buffer.rewind().droppedProperty().get(),
                            stats.slowest(SLOWEST_SHOWN));
                    view.active().stop();
                    return now;
                });
                awaitIdle(view);
                out.printf(Locale.ROOT, "frames during %d s of a free buffer run, %d producers and %d consumers, zero delays,"
                        + " recording on, %s%s: %s; %,d items consumed, %,d events recorded, %,d dropped%n", seconds,
                        producers, consumers, history ? "scrolled to its timeline" : "the view's top shown",
                        again ? ", the second run" : "", measured.frames(), measured.consumed(), measured.recorded(),
                        measured.dropped());
                out.printf(Locale.ROOT, "Run itself (starting the run, on the FX thread): %.1f ms%n", runNanos / 1e6);
                out.println(slowestLine(measured.slowest()));
                out.flush();
            } catch (Exception e) {
                System.err.println("frame stats failed: " + e);
            }
            Platform.runLater(() -> {
                stage.close();
                Platform.exit();
            });
        });
    }

    /**
     * Starts the 1,000,000-call run, then closes the window the way the window manager's close
     * button does (a close request, then close): the process must end within 3 s. For the test
     * that proves it.
     */
    static void closeDuringRun(InterleaveApp app, Stage stage, PrintStream out) {
        Thread.ofVirtual().name("interleave-close-during-run").start(() -> {
            try {
                MainView view = app.view();
                onFx(() -> {
                    view.select("calls");
                    ((CallsViewModel) view.active()).applyPreset(CallsViewModel.Preset.LARGE);
                    view.runActive(); // as the Run button does
                });
                Thread.sleep(1_500);
                out.println("closing during the run");
                out.flush();
                Platform.runLater(() -> {
                    stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
                    stage.close();
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void awaitIdle(MainView view) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Thread.sleep(300);
        while (true) {
            RunState[] state = new RunState[1];
            onFx(() -> state[0] = view.active().runState());
            if (state[0] == RunState.IDLE) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the run did not end in 2 minutes");
            }
            Thread.sleep(100);
        }
    }

    private static void snapshot(Scene scene, Path file) throws Exception {
        WritableImage[] image = new WritableImage[1];
        onFx(() -> image[0] = scene.snapshot(null));
        try (OutputStream out = Files.newOutputStream(file)) {
            Png.write(image[0], out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    /**
     * Writes the node {@code selector} finds in {@code scene} to {@code file} as a PNG, scrolled into
     * sight first (a timeline or plot out of sight is not drawn) and scrolled back after.
     */
    private static void snapshotNode(Scene scene, String selector, Path file) throws Exception {
        WritableImage[] image = new WritableImage[1];
        Runnable[] back = new Runnable[1];
        onFx(() -> back[0] = Controls.scrollTo(scene.lookup(selector)));
        Thread.sleep(300); // a frame or two: what came into sight is drawn
        onFx(() -> {
            image[0] = scene.lookup(selector).snapshot(null, null);
            back[0].run();
        });
        try (OutputStream out = Files.newOutputStream(file)) {
            Png.write(image[0], out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    /** What {@code action} returns on the FX thread; what it throws there is thrown here. */
    private static <T> T onFxGet(Supplier<T> action) throws InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("on the FX thread: " + e.getCause(), e.getCause());
        }
    }

    /** Runs {@code action} on the FX thread and waits for it. */
    private static void onFx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }
}
