package dev.interleave.ui.shell;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import dev.interleave.Scenarios;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.SavedSettings;
import dev.interleave.ui.kit.ScenarioTab;

/**
 * The desktop application: one window, two views, one stylesheet.
 */
public final class InterleaveApp extends Application {

    /** Window title. */
    public static final String TITLE = "Interleave";
    /** How long closing the window may take before the process is ended regardless. */
    static final long EXIT_DEADLINE_MILLIS = 3_000;
    /**
     * JavaFX's controls' logger, kept (the logging framework holds its loggers weakly, and a level set
     * on one collected is lost).
     */
    private static final Logger CONTROLS_LOG = Logger.getLogger("javafx.scene.control");

    private final FrameStats frameStats = new FrameStats();
    private MainView view;

    /** Opens the window and returns when it closes. */
    public static void open() {
        quietControls();
        lowerCompilers();
        Application.launch(InterleaveApp.class);
    }

    /**
     * Warnings and errors only from JavaFX's controls: a list laid out for a moment at a few pixels'
     * height (the settings panel hidden and shown, a theme switched, a tab shown) made its virtual
     * flow print "INFO: index exceeds maxCellCount. Check size calculations" to the terminal, 48
     * times in one lesson, a notice for JavaFX's developers that read to a teacher as a fault.
     */
    static void quietControls() {
        CONTROLS_LOG.setLevel(Level.WARNING);
    }

    /**
     * The JIT compilers give way to the window's start from the first moment (see {@link UiPriority}):
     * on two cores, compiling competed with building and styling the first frame.
     */
    private static void lowerCompilers() {
        if (uiPriority()) {
            UiPriority.lowerCompilers();
        }
    }

    /** -Dinterleave.uiPriority=false leaves every thread at normal priority (to measure the difference). */
    private static boolean uiPriority() {
        return Boolean.parseBoolean(System.getProperty("interleave.uiPriority", "true"));
    }

    /**
     * Opens the window for a script: {@code --smoke}, {@code --render DIR}, {@code --frame-stats} or
     * {@code --train} (see {@link Scripts}); returns when it closes.
     */
    public static void openScripted(String... args) {
        quietControls();
        lowerCompilers();
        Application.launch(InterleaveApp.class, args);
    }

    /** Whether {@code option} names a scripted use of the window rather than a command. */
    public static boolean isScript(String option) {
        return Scripts.isScript(option);
    }

    /** -Dinterleave.startupTrace=true prints how long each start-up phase took. */
    private static final boolean TRACE = Boolean.getBoolean("interleave.startupTrace");

    static void trace(String phase) {
        if (TRACE) {
            long start = ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("[startup] " + phase + " at " + (System.currentTimeMillis() - start) + " ms");
        }
    }

    @Override
    public void init() {
        trace("toolkit up, Application.init");
        // The window's threads exist now (the FX thread, the renderer, GTK's loop): every other
        // thread, the JIT compilers among them, goes lower before the window is built, so that on
        // two cores building and styling the first frame is not shared with them. (Not earlier: a
        // thread started by a lowered one is born low, and the window's would stay low.)
        if (uiPriority()) {
            UiPriority.start();
        }
    }

    @Override
    public void start(Stage stage) {
        trace("start");
        if (!getParameters().getRaw().isEmpty()) {
            // A script (--smoke, --render, ...) starts from the defaults and keeps nothing.
            System.setProperty(SavedSettings.ROOT_PROPERTY, "none");
        }
        stage.setTitle(TITLE);
        stage.setScene(createScene());
        trace("scene built");
        stage.setMinWidth(1024);
        stage.setMinHeight(700);
        stage.setOnCloseRequest(e -> close());
        stage.show();
        trace("shown");
        List<String> args = getParameters().getRaw();
        if (!args.isEmpty()) {
            switch (args.getFirst()) {
                case "--smoke" -> Scripts.smoke(stage, System.out);
                case "--render" -> Scripts.render(this, stage,
                        Path.of(args.size() > 1 ? args.get(1) : "docs"));
                case "--frame-stats" -> Scripts.frameStats(this, stage, System.out, args);
                case "--train" -> Scripts.train(this, stage, System.out);
                case "--close-during-run" -> Scripts.closeDuringRun(this, stage, System.out);
                default -> throw new IllegalArgumentException("unknown window script " + args.getFirst());
            }
        }
    }

    /** The window's scene, with a view per scenario, its theme and zoom as last chosen. */
    Scene createScene() {
        WindowModel window = new WindowModel(SavedSettings.node("window"),
                SavedSettings.node("window") == null ? Theme.LIGHT : desktopTheme());
        // The theme before the first control: JavaFX loads its default stylesheet (Modena) when the
        // first Control class initialises unless one is set, only for MainView to replace it.
        Application.setUserAgentStylesheet(window.themeProperty().get().stylesheet());
        List<ScenarioTab> scenarios = Scenarios.tabs();
        trace("view-models built");
        view = new MainView(scenarios, frameStats, window);
        trace("views built");
        // -Dinterleave.window=WIDTHxHEIGHT opens another size (the smallest supported is 1024x700).
        // Otherwise 1280x800, or the screen's size if smaller: on a 1024x700 screen the window
        // opened at -128,-33, its menus and tool bar off the screen.
        String chosen = System.getProperty("interleave.window");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        int width;
        int height;
        if (chosen != null) {
            String[] size = chosen.split("x");
            width = Math.max(MainView.MIN_WIDTH, Integer.parseInt(size[0]));
            height = Math.max(MainView.MIN_HEIGHT, Integer.parseInt(size[1]));
        } else {
            width = (int) Math.min(MainView.DEFAULT_WIDTH, screen.getWidth());
            height = (int) Math.min(MainView.DEFAULT_HEIGHT, screen.getHeight());
        }
        view.scaleText(width, height);
        Scene scene = new Scene(view, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(
                InterleaveApp.class.getResource("interleave.css")).toExternalForm());
        return scene;
    }

    /**
     * The desktop's light or dark preference, where JavaFX can read it (JavaFX 22+, on platforms
     * that report one); light otherwise. Used on the first start only: then the theme last chosen.
     */
    static Theme desktopTheme() {
        try {
            return Platform.getPreferences().getColorScheme() == ColorScheme.DARK ? Theme.DARK : Theme.LIGHT;
        } catch (RuntimeException unavailable) {
            return Theme.LIGHT;
        }
    }

    MainView view() {
        return view;
    }

    FrameStats frameStats() {
        return frameStats;
    }

    /**
     * Closing the window ends the process within {@link #EXIT_DEADLINE_MILLIS}: sampling stops, the
     * toolkit exits, {@link #stop()} stops both runs (every thread interrupted and joined) and Main
     * exits; a watchdog ends the JVM if anything still holds it.
     */
    private void close() {
        Thread.ofPlatform().daemon(true).name("interleave-exit-watchdog").start(() -> {
            try {
                Thread.sleep(EXIT_DEADLINE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(0);
        });
        view.stopSampling();
    }

    @Override
    public void stop() {
        if (view != null) {
            view.shutdown();
        }
        SavedSettings.flushAll();
    }
}
