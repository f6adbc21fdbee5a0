package dev.interleave.ui.shell;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyProperty;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.TraversalDirection;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.controlsfx.control.ToggleSwitch;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import dev.interleave.engine.run.RunState;
import dev.interleave.ui.kit.Controls;
import dev.interleave.ui.kit.FrameSampler;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.HeightMemo;
import dev.interleave.ui.kit.InSight;
import dev.interleave.ui.kit.Motion;
import dev.interleave.ui.kit.PlotData;
import dev.interleave.ui.kit.Png;
import dev.interleave.ui.kit.RunControls;
import dev.interleave.ui.kit.ScenarioTab;
import dev.interleave.ui.kit.StepWorkerEvent;
import dev.interleave.ui.kit.Timeline;
import dev.interleave.ui.kit.Words;

/**
 * The main window's content: the shared tool bar, the two views as tabs, the status bar. The tool
 * bar and the keys act on the view on screen. Every tab's frame sampler runs: the view on screen's
 * every frame, hidden ones ten times a second, so a run goes on being plotted in a hidden tab.
 * Each tab's title carries a badge with its run's state (running, paused, stopping, done).
 *
 * <p>One run at a time: Run (and Step from idle) is refused while another tab's run is in
 * progress, running or paused, and the status bar says which and why. Two runs would share the
 * two cores and spoil each other's timings (efficiency, throughput) without a word on screen.
 *
 * <p>The text scales with the window (the root's font size, which the stylesheet's em sizes
 * follow): 13 px up to 1280x800, up to twice that on a 4K screen.
 */
public final class MainView extends BorderPane {

    /**
     * How long the zoom's words stay in the status bar: they replaced the view's own line ("Paused:
     * press S to let one through") until the next command, which a teacher found still there later.
     */
    static final Duration ZOOM_NOTICE = Duration.seconds(5);

    /** The tool bar's icons: sized with the text (see {@link #scaleText}). */
    private final List<FontIcon> icons = new ArrayList<>();
    private final Button run = button("run", "Run", Feather.PLAY, "Start a run: real threads, with the settings on the left. (Space)");
    private final Button pause = button("pause", "Pause", Feather.PAUSE,
            "Pause: every thread parks at its next step and nothing changes until Resume. (Space)");
    private final Button step = button("step", "Step", Feather.SKIP_FORWARD,
            "While paused, let exactly one producer or consumer (the one waiting longest at the gate) make one put or take. (S)");
    private final Button stop = button("stop", "Stop", Feather.STOP_CIRCLE,
            "Stop: interrupt every thread of the run and wait until none is left. (Esc)");
    private final Button reset = button("reset", "Reset", Feather.ROTATE_CCW,
            "Clear the figures and plots (stops a run first). (Ctrl+R)");
    private final ToggleButton autoStep = new ToggleButton("Auto-step");
    private final Slider autoStepRate = new Slider(AutoStep.MIN_RATE, AutoStep.MAX_RATE, AutoStep.MIN_RATE);
    private final Label autoStepRateText = new Label();
    private final WindowModel window;
    private final AutoStep autoStepper;
    /** Help, What's this?'s tooltip while it shows, else null. */
    private Tooltip whatsThis;
    /** The last dialog Help opened (the keyboard map or About); for tests. */
    private Dialog<?> lastDialog;
    /** The status line: wraps rather than ending in "..." (at 200 % a run's status is longer than the window). */
    private final Label status = new Label();
    private final TabPane tabs = new TabPane();
    private final Map<Tab, RunControls> models = new LinkedHashMap<>();
    private final Map<Tab, FrameSampler> samplers = new LinkedHashMap<>();
    private final Map<String, Tab> byId = new LinkedHashMap<>();
    private final Map<Tab, Label> badges = new LinkedHashMap<>();
    private final FrameStats frameStats;
    /**
     * What the status bar says until the next command, instead of the view's state: a Run refused, a
     * file exported, the zoom changed (that one only for {@link #ZOOM_NOTICE}).
     */
    private String notice = "";
    /** The menu items with an accelerator: {@link #onKey} fires them before any control can keep the keys. */
    private final List<MenuItem> accelerated = new ArrayList<>();

    /** Step (and S) in a view without steps: where steps are, and what holds this view's threads. */
    static final String NO_STEP_HERE = "Step lets one thread act at a time: in the Bounded Buffer, Dining"
            + " Philosophers and the race lab's Slow motion. Here Pause holds every thread at once.";
    /**
     * The notice of a Run refused while another tab's run went on, while it is the notice shown: it
     * goes once that run has ended (it said "still running" in the status bar after the run had
     * ended by itself, until the next command).
     */
    private String refusal = "";
    /**
     * The command given while another tab's deadlocked run was being stopped for it (see
     * {@link #refused}), given again once that run has ended; null when none waits.
     */
    private Runnable afterStopping;
    /** The tab whose deadlocked run was stopped for {@link #afterStopping}. */
    private Tab stoppedFor;
    /** What the run stopped for {@link #afterStopping} was ("deadlocked"), to say so once it has ended. */
    private String stoppedAs = "";
    private final PauseTransition zoomNoticeEnds = new PauseTransition(ZOOM_NOTICE);

    /** The window's content over {@code scenarios}, one tab each, the first shown; light theme, 100 %, nothing kept. */
    public MainView(List<ScenarioTab> scenarios, FrameStats frameStats) {
        this(scenarios, frameStats, new WindowModel(null, Theme.LIGHT));
    }

    /** The window's content over {@code scenarios}, one tab each, the first shown, with {@code window}'s theme and zoom. */
    public MainView(List<ScenarioTab> scenarios, FrameStats frameStats, WindowModel window) {
        this.window = Objects.requireNonNull(window);
        // Its beats step without taking a typed value: while it plays, the settings that apply live stay
        // editable, and a beat would have entered "1" of a "12" being typed.
        this.autoStepper = new AutoStep(window.autoStepRateProperty(), this::active, () -> stepActive(false));
        Motion.speedProperty().bind(window.motionProperty()); // the views read the window's speed
        getStyleClass().add("main");
        tabs.setId("scenarios");
        for (ScenarioTab scenario : scenarios) {
            Tab tab = new Tab(scenario.title().full());
            tab.setId("tab-" + scenario.id());
            Controls.tip(tab, scenario.summary());
            tab.setUserData(scenario);
            Label badge = new Label();
            badge.setId("badge-" + scenario.id());
            badge.getStyleClass().add("tab-badge");
            // Always managed: a tab header adds an unmanaged graphic to its label never again.
            tab.setGraphic(badge);
            badges.put(tab, badge);
            tabs.getTabs().add(tab);
            byId.put(scenario.id(), tab);
        }
        this.frameStats = frameStats;
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Controls.arrowsKeepTheRing(tabs); // Left and Right change the lesson, the ring still on it
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            showContent(now);
            samplers.forEach((tab, sampler) -> sampler.setShown(tab == now));
            autoStepper.setPlaying(false); // it steps the view it was started on, and no other
            afterStopping = null; // given in the tab left: not to start in this one
            stoppedFor = null;
            notice = "";
            refresh();
            // Switched by the keys (Ctrl+1 to Ctrl+4, Ctrl+Tab): the keys go to the tab strip, its ring
            // on the tab chosen. The focus went to the strip ringless, and Tab went on from there unseen
            // (a keyboard user's tryout). Not for a click: the strip takes the focus itself, no ring.
            if (switchedByKeys) {
                Platform.runLater(this::ringOnTheTabStrip);
            }
            switchedByKeys = false;
        });
        Tab first = tabs.getTabs().getFirst();
        for (Tab tab : tabs.getTabs()) {
            // A view-model given made (a test's) is watched from the start: its run can go on unseen.
            ((ScenarioTab) tab.getUserData()).madeModel().ifPresent(model -> watch(tab, model));
        }
        showContent(first);

        run.setOnAction(e -> runActive());
        pause.setOnAction(e -> togglePauseActive());
        step.setOnAction(e -> stepActive());
        stop.setOnAction(e -> stopActive());
        reset.setOnAction(e -> resetActive());
        autoStepControls();
        // A tool bar that wraps onto a second row rather than hiding buttons in an overflow menu
        // or squeezing them: at 200 % on a 1280x800 projector it needs two rows.
        FlowPane toolBar = new FlowPane(4, 4, run, asWideAsResume(pause), step, autoStep, autoStepRate,
                autoStepRateText, stop, reset);
        FlowPane.setMargin(reset, new Insets(0, 0, 0, 12)); // apart: it clears the figures
        toolBar.getStyleClass().add("tool-bar");
        toolBar.setAlignment(Pos.CENTER_LEFT);
        toolBar.setRowValignment(VPos.CENTER);
        toolBar.setId("toolbar");

        status.setId("status");
        status.getStyleClass().add("status-bar");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        MenuBar menus = menus();
        menus.getMenus().forEach(this::keepAccelerated);
        setTop(new VBox(menus, toolBar));
        setCenter(tabs);
        setBottom(new HeightMemo(status)); // its text changes at every frame of a run: the view above stays as laid out
        // What's this? holds until the next key, click or change of focus (Shift+F1 shows it anew:
        // this filter comes before onKey's, which runs the menus' shortcuts).
        addEventFilter(KeyEvent.KEY_PRESSED, e -> hideWhatsThis());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onPageKey);
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> hideWhatsThis());
        sceneProperty().flatMap(Scene::focusOwnerProperty).addListener(obs -> hideWhatsThis());
        // And when the window loses the keys (Alt+Tab): it floated over the other application.
        sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::focusedProperty)
                .addListener(obs -> hideWhatsThis());
        addEventHandler(StepWorkerEvent.STEP_WORKER, e -> stepWorkerActive(e.index()));
        keepKeysForTheWindow();
        stopSamplingWhenUnshown();
        widthProperty().addListener((obs, old, now) -> scaleText());
        heightProperty().addListener((obs, old, now) -> scaleText());
        window.zoomProperty().addListener((obs, old, now) -> scaleText());
        window.themeProperty().addListener((obs, old, now) -> applyTheme(now));
        window.settingsShownProperty().addListener((obs, old, now) -> showSettings());
        applyTheme(window.themeProperty().get());
        if (window.zoomProperty().get() != 1) {
            // A window that opens zoomed says so: a teacher found it at 150 % with no word of why.
            zoomNotice(zoomWords(", as last chosen"));
        }
        refresh();
    }

    /** Ends the zoom's words at once, as {@link #ZOOM_NOTICE} would: for tests, which do not wait for it. */
    PauseTransition zoomNoticeEnds() {
        return zoomNoticeEnds;
    }

    /** Says {@code words} in the status bar for {@link #ZOOM_NOTICE}, unless another notice replaces them. */
    private void zoomNotice(String words) {
        notice = words;
        zoomNoticeEnds.setOnFinished(e -> {
            if (notice.equals(words)) {
                notice = "";
                refresh();
            }
        });
        zoomNoticeEnds.playFromStart();
    }

    /** Whether the tabs show their brief titles ("Buffer"): the full ones do not fit side by side. */
    private boolean briefTitles;
    /**
     * Whether the tabs not shown show their badges' glyphs alone ("■", the words in a tooltip): even
     * the brief titles with four badges' words do not fit (200 % in 1024x700 after a run in each tab).
     */
    private boolean glyphBadges;
    /** Whether fitTabHeaders watches the tab strip's widths (see there). */
    private boolean tabStripWatched;
    /** A badge's words (in its properties), also when it shows its glyph alone. */
    private static final String BADGE_WORDS = "interleave.badge-words";
    /** What a badge shows (in its properties): its text, the state and the alarm its colours follow. */
    private static final String BADGE_SHOWN = "interleave.badge-shown";

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        fitTabHeaders();
    }

    /**
     * Brief tab titles when the full ones do not fit the window's width side by side: at 200 % in
     * 1024x700 the fourth tab read "Dining Philo" beside an overflow menu. Where even the brief ones
     * with their badges' words do not fit (200 % in 1024x700 after a run in each tab: the first tab
     * read "ounter"), the tabs not shown keep their badges' glyphs alone. Both are measured as if
     * the full titles and the badges' words showed, so that neither flips back and forth.
     */
    private void fitTabHeaders() {
        // The window's own tab headers, not those of a tab pane inside a view (the race lab's modes).
        Region area = null;
        for (Node child : tabs.getChildrenUnmodifiable()) {
            if (child.getStyleClass().contains("tab-header-area") && child instanceof Region region) {
                area = region;
            }
        }
        if (area == null || !(area.lookup(".headers-region") instanceof Region headers)
                || !(area.lookup(".tab-label") instanceof Labeled label)) {
            return; // no skin yet
        }
        if (!tabStripWatched) {
            // This runs before the tab pane lays out its strip in the same pass: the strip's width is
            // the last pass's, and its headers' widths are the old fonts' after a zoom. Measured again
            // once they change (at 150 %, grown from 1024x700 to 1920x1080, the tabs not shown kept
            // their badges' glyphs alone until another tab was chosen).
            tabStripWatched = true;
            area.widthProperty().addListener((obs, old, now) -> requestLayout());
            headers.widthProperty().addListener((obs, old, now) -> requestLayout());
        }
        // What the badges showing their glyphs alone save now.
        double words = 0;
        for (Label badge : badges.values()) {
            if (badge.getProperties().get(BADGE_WORDS) instanceof String said && !said.equals(badge.getText())) {
                words += Controls.textWidth(said, badge.getFont()) - Controls.textWidth(badge.getText(), badge.getFont());
            }
        }
        double brief = headers.prefWidth(-1) + words; // with the badges' words
        double full = brief;
        if (briefTitles) {
            for (Tab tab : tabs.getTabs()) {
                ScenarioTab.Title title = ((ScenarioTab) tab.getUserData()).title();
                full += Controls.textWidth(title.full(), label.getFont()) - Controls.textWidth(title.brief(), label.getFont());
            }
        }
        double room = area.getWidth() - area.snappedLeftInset() - area.snappedRightInset();
        // Room kept for the tab pane's overflow menu's button: the full titles, measured here 32 px
        // short of the strip at 150 % in 1280x800, showed beside that menu. And back to the longer
        // form only with an em more to spare, so that a width near the edge does not flip it.
        double em = label.getFont().getSize();
        double fits = room - 2 * em;
        boolean shorten = briefTitles ? full > fits - em : full > fits;
        if (shorten != briefTitles) {
            briefTitles = shorten;
            for (Tab tab : tabs.getTabs()) {
                ScenarioTab.Title title = ((ScenarioTab) tab.getUserData()).title();
                tab.setText(shorten ? title.brief() : title.full());
            }
            return; // measured again once laid out with them
        }
        boolean glyphs = shorten && (glyphBadges ? brief > fits - em : brief > fits);
        if (glyphs != glyphBadges) {
            glyphBadges = glyphs;
            showBadges();
        }
    }

    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    /**
     * Space, S and the other keys stay the window's. A control disabled while it has the focus (a
     * setting that Run locks, a breaker whose strategy is now in use) hands the focus to this root:
     * left to JavaFX, it went on to the next control, often a settings field, which then took Space
     * and S as text, or a control far down a scroll pane, which jumped to show it. And Enter in a
     * field, once the field has taken its value, gives the keys back to the window too: to the
     * field's own slider where it has one (the next Tab then goes on from there; from the root it
     * began again at the tab strip), else to this root.
     */
    private void keepKeysForTheWindow() {
        ChangeListener<Boolean> disabledWhileFocused = (obs, was, disabled) -> {
            if (disabled && ((ReadOnlyProperty<?>) obs).getBean() instanceof Node node
                    && node.isFocused()) {
                requestFocus();
            }
        };
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((owners, was, owner) -> {
                    if (was != null) {
                        was.disabledProperty().removeListener(disabledWhileFocused);
                    }
                    if (owner != null) {
                        owner.disabledProperty().addListener(disabledWhileFocused);
                    }
                });
            }
        });
        addEventHandler(ActionEvent.ACTION, e -> {
            if (e.getTarget() instanceof ButtonBase setup && setup.getProperties().containsKey(Controls.THEN_RUN)) {
                // The keys to the window, where Space runs, as the setup's line says: left on the
                // button, Space set it up again and nothing ran (a presenter's tryout).
                Platform.runLater(this::requestFocus);
            }
            if (e.getTarget() instanceof TextInputControl field) {
                Node holder = keysHolderNear(field);
                // As Tab from the node before it would (its ring then shows where the keys went, and the
                // panel scrolls no further than to show it): a delay's range is above its fields, and
                // Tab from a field went on past it. Directly if that fails; never left in a field.
                Node before = before(holder);
                if (before == null || !before.requestFocusTraversal(TraversalDirection.NEXT)
                        || getScene().getFocusOwner() != holder) {
                    holder.requestFocus();
                }
                if (getScene().getFocusOwner() instanceof TextInputControl) {
                    requestFocus();
                }
                if (getScene().getFocusOwner() == holder && field.getProperties().get(Controls.AFTER_ENTER) instanceof Runnable then) {
                    then.run();
                }
            }
        });
    }

    /**
     * In the setting {@code field} belongs to (a box of style class {@code setting}, a few levels up:
     * a slider and its field, a delay's range and its two fields), the first control that takes the
     * focus and not typed text: its slider. This root if the field has none (the seed).
     */
    private Node keysHolderNear(Node field) {
        Parent around = field.getParent();
        for (int up = 0; up < 3 && around != null && around != this; up++, around = around.getParent()) {
            if (around.getStyleClass().contains("setting")) {
                Node found = keysHolderIn(around);
                return found == null ? this : found;
            }
        }
        return this;
    }

    /** The node just before {@code node} among its parent's children; null for the root or a first child. */
    private Node before(Node node) {
        if (node == this || node.getParent() == null) {
            return null;
        }
        List<Node> siblings = node.getParent().getChildrenUnmodifiable();
        int at = siblings.indexOf(node);
        return at > 0 ? siblings.get(at - 1) : null;
    }

    private static Node keysHolderIn(Parent parent) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (!child.isVisible() || child.isDisabled() || child instanceof TextInputControl) {
                continue;
            }
            if (child.isFocusTraversable()) {
                return child;
            }
            if (child instanceof Parent inner && !(child instanceof Control)) {
                Node found = keysHolderIn(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Stops sampling once no window shows this view (its scene taken off its window: a test's next
     * scene on the same stage). Each frame sampler is an animation timer, which the toolkit holds
     * while it runs: it held the view, its view-models and their runs' event logs (24 MB each) for
     * good, 47 of them in one test JVM, which then ran out of its 2 GB.
     */
    private void stopSamplingWhenUnshown() {
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((windows, was, now) -> {
                    if (was != null && now == null) {
                        stopSampling();
                    }
                });
            }
        });
    }

    /**
     * The theme: AtlantaFX's stylesheet as the application's user-agent stylesheet (every window,
     * menus and dialogs included), and {@code :dark} on this root for Interleave's own colours.
     */
    private void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme.stylesheet());
        pseudoClassStateChanged(DARK, theme == Theme.DARK);
    }

    /** The window's settings: theme and zoom. */
    public WindowModel window() {
        return window;
    }

    // ---- menus ----

    private MenuBar menus() {
        MenuItem png = item("menu-export-png", "Export view as PNG…", "Shortcut+Shift+P", () -> exportWithChooser(
                "PNG image", "*.png", "png", this::exportPng));
        MenuItem csv = item("menu-export-csv", "Export plotted series as CSV…", "Shortcut+Shift+C", () -> {
            boolean plotted = active().plots().stream().flatMap(plot -> plot.series().stream())
                    .anyMatch(series -> !series.getData().isEmpty());
            if (!plotted) {
                // A file holding only the header, "Saved", would say the run had nothing to show.
                notice = active().noSeries();
                refresh();
            } else {
                exportWithChooser("CSV table", "*.csv", "csv", this::exportCsv);
            }
        });
        MenuItem json = item("menu-export-json", "Export run's figures as JSON…", "Shortcut+Shift+J", () -> {
            if (active().resultJson().isEmpty()) {
                notice = "Nothing to export yet: the figures are a run's once it has ended (let it end, or Stop it).";
                refresh();
            } else {
                exportWithChooser("JSON", "*.json", "json", this::exportJson);
            }
        });
        MenuItem trace = item("menu-export-trace", "Export trace for Perfetto…", "Shortcut+Shift+E", () -> {
            if (!active().canExportTrace()) {
                notice = active().noTrace();
                refresh();
            } else {
                exportWithChooser("Chrome trace", "*.json", "trace.json", this::exportTrace);
            }
        });
        MenuItem quit = item("menu-quit", "Quit", "Shortcut+Q", () -> {
            Window stage = getScene().getWindow();
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            if (stage instanceof Stage shown) {
                shown.close();
            }
        });
        // Alt+F, Alt+V, Alt+H open them, as F10 does the first (mnemonics: the underscore marks the letter).
        Menu file = new Menu("_File", null, png, csv, json, trace, new SeparatorMenuItem(), quit);
        file.setId("menu-file");

        ToggleGroup themes = new ToggleGroup();
        Menu view = new Menu("_View");
        view.setId("menu-view");
        for (Theme theme : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(theme.label());
            item.setId("menu-theme-" + theme.name().toLowerCase(Locale.ROOT));
            item.setToggleGroup(themes);
            item.setSelected(window.themeProperty().get() == theme);
            item.setOnAction(e -> window.themeProperty().set(theme));
            window.themeProperty().addListener((obs, old, now) -> item.setSelected(now == theme));
            view.getItems().add(item);
        }
        Menu motion = new Menu("Motion");
        motion.setId("menu-motion");
        ToggleGroup speeds = new ToggleGroup();
        for (Motion.Speed speed : Motion.Speed.values()) {
            RadioMenuItem item = new RadioMenuItem(switch (speed) {
                case OFF -> "Off: figures change in place";
                case NORMAL -> "Normal";
                case SLOW -> "Slow: for explaining one step";
            });
            item.setId("menu-motion-" + speed.label());
            item.setToggleGroup(speeds);
            item.setSelected(window.motionProperty().get() == speed);
            item.setOnAction(e -> window.motionProperty().set(speed));
            window.motionProperty().addListener((obs, old, now) -> item.setSelected(now == speed));
            motion.getItems().add(item);
        }
        view.getItems().addAll(
                item("menu-theme-switch", "Switch theme", "Shortcut+T", window::toggleTheme),
                new SeparatorMenuItem(),
                motion,
                new SeparatorMenuItem(),
                item("menu-zoom-in", "Zoom in", "Shortcut+Equals", () -> zoom(window::zoomIn)),
                item("menu-zoom-out", "Zoom out", "Shortcut+Minus", () -> zoom(window::zoomOut)),
                zoomResetItem(),
                item("menu-full-screen", "Full screen", "F11", this::toggleFullScreen),
                settingsItem(),
                new SeparatorMenuItem(),
                item("menu-reset-settings", "Reset this view's settings to defaults", null, () ->
                        command(() -> active().resetSettings())));
        Menu help = new Menu("_Help", null,
                item("menu-keys", "Keyboard map", "F1", this::showKeyboardMap),
                item("menu-whats-this", "What's this?", "Shift+F1", this::showWhatsThis),
                item("menu-about", "About Interleave", null, this::showAbout));
        help.setId("menu-help");
        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    /** View > Actual size, which names the zoom it returns from ("Actual size (now 150 %)"). */
    private MenuItem zoomResetItem() {
        MenuItem item = item("menu-zoom-reset", "Actual size", "Shortcut+0", () -> zoom(window::zoomReset));
        item.textProperty().bind(Bindings.createStringBinding(() -> window.zoomProperty().get() == 1 ? "Actual size"
                : "Actual size (now " + window.zoomTextBinding().get() + ")", window.zoomProperty()));
        return item;
    }

    /**
     * Zooms in, out or back, and says in the status bar where the zoom is now and which keys move it:
     * a teacher pressing Ctrl+= in front of a class saw the text grow with no word of how far it went,
     * or, at 200 %, nothing at all.
     */
    private void zoom(Runnable change) {
        double before = window.zoomProperty().get();
        change.run();
        double now = window.zoomProperty().get();
        boolean stayed = now == before;
        zoomNotice(zoomWords(stayed && now == WindowModel.ZOOMS.getLast() ? ", the largest"
                : stayed && now == WindowModel.ZOOMS.getFirst() ? ", the smallest" : ""));
        refresh();
    }

    /** "Zoom 150 %" and {@code after}, then the keys that change it from there. */
    private String zoomWords(String after) {
        double zoom = window.zoomProperty().get();
        List<String> keys = new ArrayList<>();
        if (zoom < WindowModel.ZOOMS.getLast()) {
            keys.add("Ctrl+= larger");
        }
        if (zoom > WindowModel.ZOOMS.getFirst()) {
            keys.addAll(List.of("Ctrl+- smaller", "Ctrl+0 actual size"));
        }
        return "Zoom " + window.zoomTextBinding().get() + after + "  ·  " + String.join(", ", keys)
                + " (100 % to 200 %)";
    }

    /** View > Settings panel: ticked while the views show their settings panels (Ctrl+B hides and shows them). */
    private CheckMenuItem settingsItem() {
        CheckMenuItem item = new CheckMenuItem("Settings panel");
        item.setId("menu-settings-panel");
        item.setAccelerator(KeyCombination.keyCombination("Shortcut+B"));
        item.selectedProperty().bindBidirectional(window.settingsShownProperty());
        return item;
    }

    /**
     * Shows or hides every built view's settings panel as the window says: hidden, it takes no room,
     * and the view's figures take the width. FX thread.
     */
    private void showSettings() {
        boolean shown = window.settingsShownProperty().get();
        List<Node> panels = new ArrayList<>();
        for (Tab tab : tabs.getTabs()) {
            settingsPanels(tab.getContent(), panels);
        }
        for (Node panel : panels) {
            panel.setVisible(shown);
            panel.setManaged(shown);
        }
    }

    /**
     * The settings panels under {@code node}, into {@code found}: through the tabs of a tab pane too,
     * which holds them before it has a skin (the race lab's two views, built with the tab, were
     * missed by a lookup of the scene graph).
     */
    private static void settingsPanels(Node node, List<Node> found) {
        if (node == null) {
            return;
        }
        if (node.getStyleClass().contains("settings-scroll")) {
            found.add(node);
            return;
        }
        if (node instanceof TabPane inner) {
            inner.getTabs().forEach(tab -> settingsPanels(tab.getContent(), found));
            return;
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> settingsPanels(child, found));
        }
    }

    private static MenuItem item(String id, String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /** A file export: writes to a given file, for the menus' file chooser and for tests. */
    @FunctionalInterface
    public interface Export {
        void to(Path file) throws IOException;
    }

    /** Where the last export went, for the next one's dialog; null before one. */
    private File exportFolder;

    /**
     * Asks where to write {@code kind}, offering "interleave-" + the tab's id + "." + {@code ending}:
     * the trace's ending is "trace.json", so that it and the figures' JSON are not offered one name
     * (accepting the second overwrote the first).
     */
    private void exportWithChooser(String kind, String pattern, String ending, Export export) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + kind);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialFileName("interleave-" + ((ScenarioTab) tabs.getSelectionModel().getSelectedItem()
                .getUserData()).id() + "." + ending);
        // The folder of the last export, else the home folder (not wherever the app was started from).
        File folder = exportFolder != null ? exportFolder : new File(System.getProperty("user.home"));
        if (folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        File chosen = chooser.showSaveDialog(getScene().getWindow());
        if (chosen == null) {
            return;
        }
        exportFolder = chosen.getAbsoluteFile().getParentFile();
        try {
            export.to(chosen.toPath());
            notice = "Saved " + chosen;
        } catch (IOException | RuntimeException e) {
            notice = "Not saved: " + (e.getMessage() == null ? e.toString() : e.getMessage());
        }
        refresh();
    }

    /**
     * Writes the view's page, as it looks now, to {@code file} as a PNG: the whole of its figures
     * side, scrolled out of sight or not, its plots and timeline drawn (the part on screen alone
     * began mid-card and left out the note saying whose figures they are, beside settings that had
     * changed since). Not the settings panel: the page's note says what its run ran with. FX thread.
     */
    public void exportPng(Path file) throws IOException {
        Node content = tabs.getSelectionModel().getSelectedItem().getContent();
        // The race tab has two pages, one of its modes shown.
        ScrollPane shown = shownPage();
        Node page = shown == null ? content : shown.getContent();
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(window.themeProperty().get() == Theme.DARK ? Color.web("#0d1117") : Color.WHITE);
        WritableImage image = InSight.seeingAll(page, () -> page.snapshot(parameters, null));
        try (OutputStream out = Files.newOutputStream(file)) {
            Png.write(image, out);
        }
    }

    /** Writes every plotted series of the view on screen to {@code file} as CSV ({@link PlotData#writeCsv}). FX thread. */
    public void exportCsv(Path file) throws IOException {
        PlotData.writeCsv(file, active().plots());
    }

    /**
     * Writes the figures of the view's ended run to {@code file}: the JSON object the command line's
     * {@code --json} prints. FX thread.
     *
     * @throws IllegalStateException if no run has ended in this view (or a run is going on)
     */
    public void exportJson(Path file) throws IOException {
        String json = active().resultJson().orElseThrow(() -> new IllegalStateException(
                "no ended run in this view: run one (or let it end), then export its figures"));
        Files.writeString(file, json + "\n");
    }

    /**
     * Writes the view's recorded run to {@code file} as a Chrome trace (Perfetto's UI, chrome://tracing).
     * FX thread.
     *
     * @throws IllegalStateException if the view has no recorded run
     */
    public void exportTrace(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            active().writeTrace(out);
        }
    }

    private void toggleFullScreen() {
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc is Stop; F11 leaves
            stage.setFullScreenExitHint("F11 leaves full screen");
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    /**
     * Every key the window answers to, and what it does: the keyboard map (F1). A long key wraps
     * between its alternatives, never inside one (no-break spaces): "Ctrl+Shift+P / C /" over a lone
     * "J" read as two keys.
     */
    static final List<String[]> KEYS = List.of(
            new String[] {"Space", "Run; while running, Pause; while paused, Resume; while Auto-step plays, Pause (it"
                    + " stops). In the race lab's Slow motion, Run and Resume are played as Auto-step: a random"
                    + " thread steps at the rate beside Auto-step. On a control with its ring, Space is the"
                    + " control's (Enter / Space, below)"},
            new String[] {"Ctrl+Enter", "As Space, from anywhere: on a focused button or choice, and in a settings field"
                    + " (its value taken first)"},
            new String[] {"S", "Step: one producer or consumer passes the gate and acts, and a thread its signal wakes"
                    + " finishes its own put or take (Bounded Buffer), or one philosopher's fork action"
                    + " (Dining Philosophers); from idle, starts the run paused (after a run that ended by itself,"
                    + " press it twice: the first keeps that run on screen). In the race lab's Slow motion, a"
                    + " random thread takes its next step"},
            new String[] {"1 to 4", "Race & Atomics, Slow motion: that thread takes its next step (or click the thread)"},
            new String[] {"A", "Auto-step on or off: Step played at the rate beside it, 1 to 20 a second"},
            new String[] {"[  ]", "Auto-step slower, faster: one step a second less, more"},
            new String[] {"Ctrl+1 to Ctrl+4", "Go to the tab at that place: Counter & Sum, Bounded Buffer, Race &"
                    + " Atomics, Dining Philosophers"},
            new String[] {"Ctrl+Tab  Ctrl+Shift+Tab", "The next tab, the one before; with the focus inside the race lab"
                    + " (Tab from its tab), its own two views (Slow motion, Full speed): Ctrl+1 to Ctrl+4 leave it"},
            new String[] {"Esc", "Stop: interrupt every thread of the run. In a dialog (this map, About), close it"},
            new String[] {"Ctrl+R", "Reset: clear the figures and plots"},
            new String[] {"Ctrl+T", "Switch theme (Primer Light / Primer Dark)"},
            new String[] {"Ctrl+=  Ctrl+-  Ctrl+0", "Zoom in, zoom out, actual size (100 % to 200 %)"},
            new String[] {"F11", "Full screen, and back"},
            new String[] {"Ctrl+B", "Hide the settings panel (the figures take the width), and show it again"},
            new String[] {"Ctrl+Shift+P /\u00a0C\u00a0/\u00a0J", "Export the view as PNG, the plotted series as CSV, the"
                    + " run's figures as JSON"},
            new String[] {"Ctrl+Shift+E", "Export the recorded run as a trace for Perfetto (Bounded Buffer, Dining"
                    + " Philosophers)"},
            new String[] {"Left\u00a0/\u00a0Right, Page\u00a0Up\u00a0/\u00a0Down, Home\u00a0/\u00a0End", "On the scrubber or in the event log, while"
                    + " paused or after a run: one event, 100 events, the run's start, back to now"},
            new String[] {"Page\u00a0Down\u00a0/\u00a0Up, Ctrl+Home\u00a0/\u00a0End", "Elsewhere: scroll the page a screen"
                    + " down or up, to its top or its foot"},
            new String[] {"+  -", "On the timeline (Tab to it, or click it): zoom in, zoom out (with the mouse:"
                    + " Ctrl+wheel, and drag to pan)"},
            new String[] {"Tab  Shift+Tab", "Move to the next control, the one before; a ring shows where the keys are."
                    + " On a delay's range, Tab goes from its low thumb to its high one, then on"},
            new String[] {"Left\u00a0/\u00a0Right", "On a choice, choose the next option or the one before; on a"
                    + " tab strip, the next tab or the one before; on a slider, move it"},
            new String[] {"Enter", "On a chip at the gate or a philosopher's seat (Tab to it): let that thread act"
                    + " next. In a settings field:"
                    + " take the value typed, and give the keys back to the window (to the field's slider)"},
            new String[] {"Enter\u00a0/\u00a0Space", "On a control reached by Tab (its ring shows): a guide's title"
                    + " opens or folds; Space presses a button, a choice, a check box or a switch"},
            new String[] {"F10, Alt+F\u00a0/\u00a0V\u00a0/\u00a0H", "The menus: File, View, Help (arrows move, Enter chooses, Esc"
                    + " closes)"},
            new String[] {"Ctrl+Q", "Quit"},
            new String[] {"F1", "This keyboard map: Down, Page Down and End scroll it, Esc closes it"},
            new String[] {"Shift+F1", "What's this: the tooltip of the control with the keys (its ring shows), as"
                    + " the pointer shows it; the next key or click hides it"});

    /**
     * Help, What's this? (Shift+F1): the tooltip of the control with the keys, under it, as the
     * pointer would show it. Tooltips came on hover alone, so what a control does was out of reach of
     * a teacher working by the keyboard (a low-vision tryout). The next key, click or change of
     * focus hides it.
     */
    void showWhatsThis() {
        hideWhatsThis();
        Node focused = getScene() == null ? null : getScene().getFocusOwner();
        if (focused == null || focused.localToScreen(focused.getBoundsInLocal()) == null) {
            return;
        }
        Tooltip tip = Controls.tip(Controls.tipTextAbove(focused)
                .orElse("No more to say of this control than its name. F1: the keyboard map."));
        tip.setId("whats-this");
        Bounds at = focused.localToScreen(focused.getBoundsInLocal());
        tip.show(focused, at.getMinX(), at.getMaxY() + 4);
        whatsThis = tip;
    }

    private void hideWhatsThis() {
        if (whatsThis != null) {
            whatsThis.hide();
            whatsThis = null;
        }
    }

    /** The What's this? tooltip showing, or null; for tests. */
    Tooltip whatsThis() {
        return whatsThis;
    }

    /**
     * Shows the keyboard map (Help, F1): keys on the left (a long one wraps), what they do on the
     * right, wrapped at 32 em or the window's width if narrower, and scrolling when taller than the
     * window. At 2560x1440 and 200 % (52 px text) the map, sized by its text alone, was wider than
     * the screen: the dialog squeezed the actions to a letter a line, 20,872 px tall; at 1024x700 its
     * last rows were below the screen.
     */
    public void showKeyboardMap() {
        double em = fontSize();
        // Keys in a bold monospaced key cap (interleave.css): its text, and half an em each side.
        Font keyFont = Font.font("monospace", FontWeight.BOLD, em);
        ToDoubleFunction<String> keyWidth = key -> Math.ceil(Controls.textWidth(key, keyFont)) + 1.5 * em;
        double keys = Math.min(12 * em, KEYS.stream().mapToDouble(key -> keyWidth.applyAsDouble(key[0])).max().orElse(0));
        GridPane grid = keyboardMapGrid(keys, keyWidth);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double roomWide = Math.min(getWidth() > 0 ? getWidth() : DEFAULT_WIDTH, screen.getWidth()) * 0.9
                - 4 * em - grid.getHgap();
        // Up to 44 em of words where the window has the room: at 32 em most rows took two or three lines,
        // and at 1920x1080 the map still needed a scroll bar, its last row cut at the dialog's foot.
        double actions = Math.max(12 * em, Math.min(44 * em, roomWide - keys));
        grid.getColumnConstraints().setAll(new ColumnConstraints(keys), new ColumnConstraints(actions));
        double tall = styledHeight(grid, keys + grid.getHgap() + actions);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setId("keyboard-map-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefViewportWidth(keys + grid.getHgap() + actions);
        // No taller than the window (the title, the padding and Close take about 7 em): the rest scrolls.
        double roomTall = Math.min(getHeight() > 0 ? getHeight() : DEFAULT_HEIGHT, screen.getHeight()) * 0.9 - 7 * em;
        scroll.setPrefViewportHeight(Math.max(4 * em, Math.min(tall, roomTall)));
        // The keys scroll it (Down, Page Down, End...): with the focus on Close, a keyboard-only
        // presenter could not read the rows below the fold (Enter on a chip, Ctrl+Q, F1).
        scroll.setFocusTraversable(true);
        pageKeysScrollAPage(scroll);
        showDialog("Keyboard map", scroll, scroll, "keyboard-map-dialog");
    }

    /**
     * Page Down and Page Up scroll {@code scroll} by what it shows, less two lines to read on from (a
     * tenth of its content's height, JavaFX's page, was about 45 px of a map 1,000 px tall: a
     * presenter pressed it twenty times).
     */
    private static void pageKeysScrollAPage(ScrollPane scroll) {
        scroll.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.PAGE_DOWN && e.getCode() != KeyCode.PAGE_UP) {
                return;
            }
            scrollAPage(scroll, e.getCode() == KeyCode.PAGE_DOWN, fontSizeOf(scroll));
            e.consume();
        });
    }

    /** Scrolls {@code scroll} down (else up) by what it shows, less two lines of {@code em} to read on from. */
    private static void scrollAPage(ScrollPane scroll, boolean down, double em) {
        double hidden = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        if (hidden > 0) {
            double page = Math.max(1, scroll.getViewportBounds().getHeight() - 2 * em);
            double step = page / hidden * (scroll.getVmax() - scroll.getVmin());
            double to = scroll.getVvalue() + (down ? step : -step);
            scroll.setVvalue(Math.clamp(to, scroll.getVmin(), scroll.getVmax()));
        }
    }

    /**
     * Page Down and Page Up scroll the page shown a screen down or up, as a browser's do, where the
     * control with the keys has not taken them (the event log, the scrubber, a list): in the race
     * lab, whose pages have nothing to Tab to under their plots, a keyboard-only student could not
     * bring the lower half into sight. Ctrl+Home and Ctrl+End: {@link #scrollsToAnEnd}.
     */
    private void onPageKey(KeyEvent e) {
        if ((e.getCode() != KeyCode.PAGE_DOWN && e.getCode() != KeyCode.PAGE_UP) || e.isShortcutDown()
                || e.isAltDown() || e.isShiftDown()) {
            return;
        }
        ScrollPane scroll = shownPage();
        if (scroll != null) {
            scrollAPage(scroll, e.getCode() == KeyCode.PAGE_DOWN, fontSizeOf(scroll));
            e.consume();
        }
    }

    /**
     * Ctrl+Home and Ctrl+End: the page shown scrolled to its top, to its foot; taken before the tab
     * strips, which keep them. Not from a control that takes Home and End with Ctrl held too: a
     * field (its text's start and end), a list, the scrubber and the timeline (the run's start, now).
     */
    private boolean scrollsToAnEnd(KeyEvent e) {
        if ((e.getCode() != KeyCode.HOME && e.getCode() != KeyCode.END) || !e.isShortcutDown() || e.isAltDown()
                || e.isShiftDown() || e.getTarget() instanceof TextInputControl || e.getTarget() instanceof ListView<?>
                || e.getTarget() instanceof TableView<?> || e.getTarget() instanceof Slider
                || e.getTarget() instanceof Timeline<?>) {
            return false;
        }
        ScrollPane scroll = shownPage();
        if (scroll == null) {
            return false;
        }
        scroll.setVvalue(e.getCode() == KeyCode.END ? scroll.getVmax() : scroll.getVmin());
        return true;
    }

    /** The live page of the tab shown, the race lab's mode shown, or null. */
    private ScrollPane shownPage() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab == null || tab.getContent() == null) {
            return null;
        }
        return tab.getContent().lookupAll(".live-scroll").stream().filter(ScrollPane.class::isInstance)
                .map(ScrollPane.class::cast).filter(scroll -> scroll.getContent() != null && InSight.shown(scroll))
                .findFirst().orElse(null);
    }

    /** The size of the text in {@code node}, in px. */
    private static double fontSizeOf(Node node) {
        return node instanceof Region region && region.lookup(".label") instanceof Labeled label
                ? label.getFont().getSize() : Font.getDefault().getSize();
    }

    /**
     * The keyboard map's rows: each key beside what it does. A key wider than {@code keys}, the
     * width its column will be given, wraps.
     */
    private static GridPane keyboardMapGrid(double keys, ToDoubleFunction<String> keyWidth) {
        GridPane grid = new GridPane();
        grid.setId("keyboard-map");
        grid.getStyleClass().add("keyboard-map");
        grid.setHgap(16);
        grid.setVgap(6);
        for (int row = 0; row < KEYS.size(); row++) {
            Label key = new Label(KEYS.get(row)[0]);
            key.getStyleClass().add("key");
            // Whole, wrapped only if longer than its column: a key squeezed beside the wrapped actions
            // read "..." (F1 at 1024x700), and so did a wrapped one-letter key, by a rounding.
            if (keyWidth.applyAsDouble(KEYS.get(row)[0]) > keys) {
                key.setWrapText(true);
                key.setMinHeight(Region.USE_PREF_SIZE);
            } else {
                key.setMinWidth(Region.USE_PREF_SIZE);
            }
            Label action = new Label(KEYS.get(row)[1]);
            action.setWrapText(true);
            action.setMinHeight(Region.USE_PREF_SIZE);
            GridPane.setValignment(key, VPos.TOP); // by an action's first line
            grid.addRow(row, key, action);
        }
        return grid;
    }

    /**
     * The height {@code content} takes at {@code width}, styled as the window (off screen, once), so
     * that a dialog can be sized to it before it shows.
     */
    private double styledHeight(Region content, double width) {
        Group probe = new Group(content);
        Scene probeScene = new Scene(probe);
        probeScene.getStylesheets().add(stylesheet());
        String style = content.getStyle();
        content.setStyle(fontSizeStyle());
        content.applyCss();
        double tall = content.prefHeight(width);
        probe.getChildren().clear();
        content.setStyle(style);
        return tall;
    }

    /** The About text: the versions of Interleave, Java and JavaFX. */
    static String aboutText() {
        return String.format(Locale.ROOT, "Interleave %s%nJava %s (%s)%nJavaFX %s%n%nReal threads contending for "
                        + "a counter, a sum and a bounded buffer, racing on a shared count and dining as philosophers,"
                        + " made visible.", Versions.interleave(),
                Runtime.version(), System.getProperty("java.vm.vendor", "?"),
                System.getProperty("javafx.runtime.version", "?"));
    }

    /** Shows the About box (Help, About). */
    public void showAbout() {
        Label text = new Label(aboutText());
        text.setId("about-text");
        text.setWrapText(true);
        showDialog("About Interleave", text, null);
    }

    /**
     * Shows a dialog over the window, styled as the window, its pane with {@code styleClasses} too;
     * {@code focus} (or, when null, its Close button) has the keys once it shows.
     */
    private void showDialog(String title, Node content, Node focus, String... styleClasses) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(title);
        // Said in the dialog too: the title bar may be off screen or drawn small (a projector at 200 %).
        dialog.getDialogPane().setHeaderText(title);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStyleClass().addAll(styleClasses);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().add(stylesheet());
        dialog.getDialogPane().setStyle(fontSizeStyle());
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        lastDialog = dialog;
        if (focus != null) {
            dialog.setOnShown(e -> focus.requestFocus());
        }
        dialog.show();
    }

    private static String stylesheet() {
        return Objects.requireNonNull(MainView.class.getResource("interleave.css")).toExternalForm();
    }

    /** The window's text size, as an inline style for a node outside the window (a dialog). */
    private String fontSizeStyle() {
        return String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", fontSize());
    }

    /** The dialog Help opened last, or null; for tests. */
    Dialog<?> lastDialog() {
        return lastDialog;
    }

    /**
     * The root font size for this window size at 100 %: 13 px up to 1280x800, growing with the
     * window up to 26 px; the zoom multiplies it.
     */
    static double fontSizeFor(double width, double height) {
        double scale = Math.clamp(Math.min(width / DEFAULT_WIDTH, height / DEFAULT_HEIGHT), 1, 2);
        return Math.round(BASE_FONT_SIZE * scale * 2) / 2.0;
    }

    /** The root font size of interleave.css, in pixels: the size at 100 % up to 1280x800. */
    static final double BASE_FONT_SIZE = 13;
    /** The window's width unless told otherwise (and the screen has room); the widest at 100 % text. */
    static final int DEFAULT_WIDTH = 1280;
    /** The window's height unless told otherwise (and the screen has room); the tallest at 100 % text. */
    static final int DEFAULT_HEIGHT = 800;
    /** The smallest window the layout supports: a size asked for is raised to it. */
    static final int MIN_WIDTH = 1024;
    /** The smallest window height the layout supports. */
    static final int MIN_HEIGHT = 700;

    private double fontSize;

    private void scaleText() {
        scaleText(getWidth(), getHeight());
    }

    /**
     * Sizes the text for a {@code width} x {@code height} window at the zoom. The window calls it
     * before it is first shown, so the first frame is styled once: sized only after the first
     * layout, every node was styled again before that frame.
     */
    void scaleText(double width, double height) {
        double size = Math.round(fontSizeFor(width, height) * window.zoomProperty().get() * 2) / 2.0;
        if (size != fontSize) {
            fontSize = size;
            // 13 px is the stylesheet's own root size: no inline style to parse for it.
            setStyle(size == BASE_FONT_SIZE ? "" : String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", size));
            // AtlantaFX's stylesheet gives every icon 18 px (beside 13 px text), and a style
            // overrides setIconSize: the size goes into the icon's inline style, which overrides
            // the stylesheet. Ikonli keeps the icon's font family and size there too: kept.
            int iconSize = (int) Math.round(size * 18 / BASE_FONT_SIZE);
            for (FontIcon icon : icons) {
                String ikonli = icon.getStyle().replaceAll("\\s*-fx-icon-size:[^;]*;", "");
                if (size != BASE_FONT_SIZE || !ikonli.equals(icon.getStyle())) {
                    icon.setStyle(ikonli + " -fx-icon-size: " + iconSize + "px;");
                }
            }
        }
    }

    /** The root font size in pixels (13 before the first layout). */
    public double fontSize() {
        return fontSize == 0 ? BASE_FONT_SIZE : fontSize;
    }

    /** The tab whose run is in progress, other than the active one; null if none. */
    private Tab otherRunInProgress() {
        Tab active = tabs.getSelectionModel().getSelectedItem();
        for (Map.Entry<Tab, RunControls> entry : models.entrySet()) {
            if (entry.getKey() != active && entry.getValue().tabRunState() != RunState.IDLE) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** Run, unless another tab's run is in progress: then refused, and the status bar says why. */
    void runActive() {
        if (refused(this::runActive)) {
            return;
        }
        command(() -> active().run());
    }

    /** Step; from idle it starts the run paused, so it is refused like Run while another run goes on. */
    private void stepActive() {
        stepActive(true);
    }

    /**
     * Step (the button or S); {@code typedValueFirst}: a value typed and not yet entered is taken
     * first, as for any command. Pressed after a run ended by itself, the first keeps that run on
     * screen and says so, the second starts the next (Auto-step's beats do not ask twice: A is one
     * deliberate press).
     */
    private void stepActive(boolean typedValueFirst) {
        if (heldFromIdle(!autoStepper.playingProperty().get(), () -> stepActive(typedValueFirst))) {
            return;
        }
        command(() -> active().step(), typedValueFirst);
    }

    /**
     * Whether a Step (or a worker's) pressed while idle is not taken, saying why in the status bar:
     * another tab's run goes on (see {@link #refused}: {@code retry} gives it again), or
     * ({@code keepsEndedRun}) the view keeps its ended run on screen this time.
     */
    private boolean heldFromIdle(boolean keepsEndedRun, Runnable retry) {
        if (active().runState() != RunState.IDLE) {
            return false;
        }
        if (refused(retry)) {
            return true;
        }
        Optional<String> kept = keepsEndedRun ? active().askStepAgain() : Optional.empty();
        kept.ifPresent(words -> {
            notice = words;
            refresh();
        });
        return kept.isPresent();
    }

    /** Pause or Resume; while Auto-step plays, Pause: Auto-step ends and the run stays paused. */
    private void togglePauseActive() {
        if (pause.isDisable()) {
            return; // Space as the greyed-out button: a deadlocked run has nothing to pause or resume
        }
        if (autoStepper.playingProperty().get() && active().runState() == RunState.PAUSED) {
            autoStepper.setPlaying(false);
            return;
        }
        autoStepper.setPlaying(false);
        command(() -> active().togglePause());
    }

    private void stopActive() {
        autoStepper.setPlaying(false);
        command(() -> active().stop());
    }

    private void resetActive() {
        autoStepper.setPlaying(false);
        command(() -> active().reset());
    }

    /** The Auto-step toggle and its rate slider, kept in step with the window's setting. */
    private void autoStepControls() {
        FontIcon graphic = new FontIcon(Feather.FAST_FORWARD);
        graphic.getStyleClass().add("toolbar-icon");
        icons.add(graphic);
        autoStep.setGraphic(graphic);
        autoStep.setId("auto-step");
        autoStep.setFocusTraversable(false);
        Controls.tip(autoStep, "Auto-step: Step played by itself at the rate beside it, one action at a "
                + "time, so a class can watch without anyone pressing S; from idle it starts the run paused. "
                + "Press again (or Pause, Stop) to end it. (A)");
        autoStep.setOnAction(e -> {
            if (autoStep.isSelected()) {
                takeTheTypedValue(); // its first beat may start the run
            }
            autoStepper.setPlaying(autoStep.isSelected());
            refresh();
        });
        autoStepper.playingProperty().addListener((obs, old, now) -> {
            autoStep.setSelected(now);
            refresh();
        });
        autoStepRate.setId("auto-step-rate");
        autoStepRate.setFocusTraversable(false);
        autoStepRate.setBlockIncrement(1);
        autoStepRate.setMajorTickUnit(1);
        autoStepRate.setMinorTickCount(0);
        autoStepRate.setSnapToTicks(true);
        autoStepRate.getStyleClass().add("auto-step-rate");
        Controls.tip(autoStepRate, "Auto-step's rate: 1 to 20 steps a second. A step waits for the last "
                + "one to be taken, so a worker sleeping in its delay slows it down.");
        autoStepRate.setValue(window.autoStepRateProperty().get());
        autoStepRate.valueProperty().addListener((obs, old, now) ->
                window.autoStepRateProperty().set((int) Math.round(now.doubleValue())));
        window.autoStepRateProperty().addListener((obs, old, now) -> {
            autoStepRate.setValue(now.intValue());
            models.values().forEach(model -> model.autoStepRate(now.intValue()));
        });
        autoStepRateText.setId("auto-step-rate-text");
        autoStepRateText.getStyleClass().add("auto-step-rate-text");
        autoStepRateText.textProperty().bind(Bindings.createStringBinding(
                () -> Words.count(window.autoStepRateProperty().get(), "step") + "/s", window.autoStepRateProperty()));
    }

    /** Auto-step, for tests: its beat can be called directly. */
    AutoStep autoStepper() {
        return autoStepper;
    }

    /** A chosen worker's step (keys 1 to 9, a click on a lane); from idle it starts the run paused, so it is refused like Run. */
    private void stepWorkerActive(int index) {
        if (!active().stepsChosenWorkers() || heldFromIdle(true, () -> stepWorkerActive(index))) {
            return;
        }
        command(() -> active().stepWorker(index));
    }

    /**
     * Whether a run here may not start now, saying why in the status bar: another tab's run goes on.
     * A run there that is deadlocked (its threads blocked for good, on no core) is stopped for it
     * instead, and {@code retry} is given again once it has ended: it could never end by itself, and
     * a class moving on to the next topic found Run refused in every other tab. Its figures stay in
     * its tab.
     */
    private boolean refused(Runnable retry) {
        Tab other = otherRunInProgress();
        if (other == null) {
            return false;
        }
        RunControls there = models.get(other);
        if (!there.alarm().isEmpty()) {
            there.stop();
            afterStopping = retry;
            stoppedFor = other;
            stoppedAs = there.alarm();
            notice = "Stopping the " + there.alarm() + " run in " + other.getText() + " first (it would never end by"
                    + " itself; its figures stay in its tab)…";
            refresh();
            return true;
        }
        notice = "Refused: the run in " + other.getText() + " is still " + standing(other) + ". One run at a time, so"
                + " two runs never share the cores and spoil each other's timings: stop it there (or let it end)"
                + " first.";
        refusal = notice;
        refresh();
        return true;
    }

    private void command(Runnable action) {
        command(action, true);
    }

    private void command(Runnable action, boolean typedValueFirst) {
        notice = "";
        if (typedValueFirst) {
            takeTheTypedValue();
        }
        action.run();
        UiPriority.sweepSoon(); // a run's threads lowered within ms, not up to 200 ms later
        refresh();
    }

    /**
     * A value typed into a setting's field and not yet entered is taken before a command the user
     * gives, as Enter would take it: the tool bar's buttons do not take the focus, so the field keeps
     * it, and the run would otherwise start with the value entered before.
     */
    private void takeTheTypedValue() {
        if (getScene() != null && getScene().getFocusOwner() instanceof TextField field) {
            field.fireEvent(new ActionEvent());
        }
    }

    /** The view-model of the view on screen. */
    public RunControls active() {
        return models.get(tabs.getSelectionModel().getSelectedItem());
    }

    /** Shows the scenario with this id (e.g. {@code "buffer"}). */
    public void select(String id) {
        tabs.getSelectionModel().select(byId.get(id));
    }

    /**
     * Builds a tab's view-model and view the first time it is shown: the first frame then makes and
     * lays out one scenario, not all; a tab never shown has no run to sample.
     */
    private void showContent(Tab tab) {
        if (tab.getContent() == null) {
            ScenarioTab scenario = (ScenarioTab) tab.getUserData();
            if (!models.containsKey(tab)) {
                watch(tab, scenario.model());
            }
            Controls.tabContent(tab, scenario.view());
            showSettings();
        }
    }

    /** Starts sampling {@code model}, the view-model of {@code tab}, and counts it in the tool bar's checks. */
    private void watch(Tab tab, RunControls model) {
        models.put(tab, model);
        model.autoStepRate(window.autoStepRateProperty().get());
        FrameSampler sampler = new FrameSampler(model, this::refresh, frameStats);
        sampler.setShown(tab == tabs.getSelectionModel().getSelectedItem());
        samplers.put(tab, sampler);
        sampler.start();
    }

    /** Stops pulling snapshots. FX thread. */
    public void stopSampling() {
        samplers.values().forEach(FrameSampler::stop);
    }

    /** Ends the runs of every view and waits for their threads. Any thread. */
    public void shutdown() {
        models.values().forEach(RunControls::shutdown);
    }

    /** The menu items with an accelerator, in {@code menu} and its submenus, into {@link #accelerated}. */
    private void keepAccelerated(Menu menu) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                keepAccelerated(sub);
            } else if (item.getAccelerator() != null) {
                accelerated.add(item);
            }
        }
    }

    /** Whether the tab being chosen was chosen by the keys (Ctrl+1 to Ctrl+4, Ctrl+Tab): see the selection's listener. */
    private boolean switchedByKeys;

    /**
     * The keys to the tab strip, its ring showing, as Tab from the tool bar above it would give them
     * (a focus asked for shows no ring): the tool bar's buttons are out of the Tab order, so the next
     * stop after them is the strip. Asked for directly, without the ring, if that ever fails.
     */
    private void ringOnTheTabStrip() {
        if (getScene() == null) {
            return;
        }
        if (!getTop().requestFocusTraversal(TraversalDirection.NEXT) || getScene().getFocusOwner() != tabs) {
            tabs.requestFocus();
        }
    }

    private void onKey(KeyEvent event) {
        if (event.getCode() == KeyCode.TAB && event.isControlDown() && !event.isAltDown()) {
            // Ctrl+Tab: the strip's own key (the race lab's inner strip takes it first, and the outer
            // selection does not change): said to the selection's listener, for this key alone.
            switchedByKeys = true;
            Platform.runLater(() -> switchedByKeys = false);
        }
        // The menus' shortcuts first, as the window's: a control with the keys may keep them otherwise
        // (ControlsFX's range slider, where Enter in a delay's field puts them, kept Ctrl+T and Ctrl+=).
        for (MenuItem item : accelerated) {
            if (!item.isDisable() && item.getAccelerator().match(event)) {
                // As the scene's accelerators do: a check item toggles before its action.
                if (item instanceof CheckMenuItem check) {
                    check.setSelected(!check.isSelected());
                }
                item.fire();
                event.consume();
                return;
            }
        }
        if (scrollsToAnEnd(event)) {
            event.consume();
            return;
        }
        boolean typing = event.getTarget() instanceof TextInputControl;
        // Ctrl+Enter: Space's Run, Pause and Resume from anywhere, where Space is the focused control's
        // (a button, a choice) or typed: after choosing "racy" by the keys, Space chose it again and
        // nothing ran (a keyboard user's tryout). In a field, its value is taken first.
        boolean runKey = event.getCode() == KeyCode.ENTER && event.isShortcutDown() && !event.isAltDown();
        if (runKey && typing) {
            takeTheTypedValue();
        }
        if (runKey || event.getCode() == KeyCode.SPACE && !typing && !pressesTheFocused(event)) {
            if (active().runState() == RunState.IDLE) {
                if (active().spaceKeepsEndedRun()) {
                    notice = "";
                    refresh();
                } else {
                    runActive();
                }
            } else {
                togglePauseActive();
            }
            event.consume();
        } else if (event.getCode() == KeyCode.S && !typing && !event.isShortcutDown()) {
            if (active().supportsStep()) {
                stepActive();
            } else {
                // The greyed-out button shows no tooltip, and S did nothing and said nothing (a tryout).
                notice = NO_STEP_HERE;
                refresh();
            }
            event.consume();
        } else if (event.getCode() == KeyCode.A && !typing && !event.isShortcutDown()) {
            if (!autoStep.isDisable()) {
                if (!autoStepper.playingProperty().get()) {
                    takeTheTypedValue(); // its first beat may start the run
                }
                autoStepper.setPlaying(!autoStepper.playingProperty().get());
            }
            event.consume();
        } else if (event.isShortcutDown() && !event.isShiftDown() && workerKey(event.getCode()) > 0) {
            // Ctrl+1 to Ctrl+4: a tab by its place, from anywhere: in the race lab Ctrl+Tab turns its
            // own two tabs, and a keyboard had no way out of it.
            int index = workerKey(event.getCode()) - 1;
            if (index < tabs.getTabs().size()) {
                switchedByKeys = true;
                tabs.getSelectionModel().select(index);
                if (switchedByKeys) { // the tab shown already: the keys go to the strip all the same
                    switchedByKeys = false;
                    ringOnTheTabStrip();
                }
            }
            event.consume();
        } else if (!typing && !event.isShortcutDown() && (event.getCode() == KeyCode.OPEN_BRACKET
                || event.getCode() == KeyCode.CLOSE_BRACKET)) {
            // The Auto-step rate, which the tool bar's slider (outside the Tab order) sets by mouse.
            int rate = window.autoStepRateProperty().get() + (event.getCode() == KeyCode.CLOSE_BRACKET ? 1 : -1);
            window.autoStepRateProperty().set(Math.clamp(rate, AutoStep.MIN_RATE, AutoStep.MAX_RATE));
            event.consume();
        } else if (!typing && !event.isShortcutDown() && workerKey(event.getCode()) > 0
                && active().stepsChosenWorkers()) {
            stepWorkerActive(workerKey(event.getCode()) - 1);
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE) {
            stopActive();
            event.consume();
        } else if (event.getCode() == KeyCode.R && event.isShortcutDown()) {
            resetActive();
            event.consume();
        } else if (event.isShortcutDown() && (event.getCode() == KeyCode.PLUS || event.getCode() == KeyCode.ADD
                || event.getCode() == KeyCode.EQUALS && event.isShiftDown())) {
            // The keypad's +, a layout's own + key, and Ctrl+Shift+= (the + over = on a US keyboard: a
            // teacher's "Ctrl and plus" did nothing); Ctrl+= alone is the menu's.
            zoom(window::zoomIn);
            event.consume();
        } else if (event.isShortcutDown() && event.getCode() == KeyCode.SUBTRACT) {
            zoom(window::zoomOut);
            event.consume();
        } else if (event.isShortcutDown() && event.getCode() == KeyCode.NUMPAD0) {
            zoom(window::zoomReset);
            event.consume();
        }
        refresh();
    }

    /**
     * Whether Space is the focused control's own key: a button, a choice, a check box, a switch or a
     * guide's title, with its ring shown (reached by keys: Tab, or the arrows in a choice). A
     * keyboard-only tryout could not open a guide, its Space taken for Run. A control clicked
     * shows no ring and leaves Space the window's: a setting clicked, then Space, runs as before.
     */
    private static boolean pressesTheFocused(KeyEvent event) {
        return event.getTarget() instanceof Node node && node.isFocusVisible()
                && (node instanceof ButtonBase || node instanceof TitledPane || node instanceof ToggleSwitch);
    }

    /** 1 to 9 for the digit keys (main row or keypad), else 0. */
    private static int workerKey(KeyCode code) {
        if (code.compareTo(KeyCode.DIGIT1) >= 0 && code.compareTo(KeyCode.DIGIT9) <= 0) {
            return code.ordinal() - KeyCode.DIGIT1.ordinal() + 1;
        }
        if (code.compareTo(KeyCode.NUMPAD1) >= 0 && code.compareTo(KeyCode.NUMPAD9) <= 0) {
            return code.ordinal() - KeyCode.NUMPAD1.ordinal() + 1;
        }
        return 0;
    }

    /** Brings the tool bar and the status bar in line with the active view's state. */
    void refresh() {
        // Called at every frame too: a command given while another tab's deadlocked run was being
        // stopped for it (see refused) is given again here, once that run has ended.
        if (afterStopping != null && otherRunInProgress() == null) {
            Runnable retry = afterStopping;
            String stopped = "Stopped the " + stoppedAs + " run in " + stoppedFor.getText()
                    + " (its figures stay in its tab)";
            afterStopping = null;
            stoppedFor = null;
            retry.run();
            // Said as it went: the retried command may start nothing (a Step that asks again first), and a
            // Step starts its run paused, which the line would otherwise not say while it says this.
            notice = switch (active().runState()) {
                case PAUSED -> autoStepper.playingProperty().get()
                        ? stopped + ", and started this one: Auto-step plays its steps (Space or A stops it)."
                        : stopped + ", and started this one paused, its first step taken: S steps again, Space resumes.";
                case IDLE -> notice.isEmpty() ? stopped + "." : stopped + ". " + notice;
                default -> stopped + ", and started this one.";
            };
        }
        RunControls model = active();
        RunState state = model.runState();
        Tab other = otherRunInProgress();
        if (other == null && !refusal.isEmpty() && notice.equals(refusal)) {
            notice = ""; // what it refused would be taken now
        }
        refusal = notice.equals(refusal) ? refusal : "";
        // A deadlocked run elsewhere does not hold Run here: Run stops it first (see refused).
        boolean canStart = state == RunState.IDLE && (other == null || !models.get(other).alarm().isEmpty());
        run.setDisable(!canStart);
        // A deadlocked run goes on in name only: nothing is left to pause (its status line says Stop ends
        // it), nor to resume: stepped into its deadlock, Resume freed no one and ended the rewinding.
        boolean stuck = state == RunState.RUNNING && !model.alarm().isEmpty();
        pause.setDisable(state != RunState.RUNNING && state != RunState.PAUSED || !model.alarm().isEmpty());
        // Auto-step plays steps from a paused run: to whoever watches, the run goes on, and Pause stops it.
        boolean autoStepping = autoStepper.playingProperty().get() && state == RunState.PAUSED;
        boolean resumes = state == RunState.PAUSED && !autoStepping;
        pause.setText(resumes ? "Resume" : "Pause");
        ((FontIcon) pause.getGraphic()).setIconCode(resumes ? Feather.PLAY : Feather.PAUSE);
        // Greyed out where no Step can do anything (a deadlocked table): the view says why.
        step.setDisable(!model.supportsStep() || !(state == RunState.PAUSED || canStart) || !model.whyNoStep().isEmpty());
        boolean playing = autoStepper.playingProperty().get();
        autoStep.setDisable(!playing && step.isDisable());
        // Its rate with it: where no step can be taken (Counter & Sum, Full speed, a free run) the slider looked
        // live; but live where Run itself plays steps at that rate (Slow motion), which [ and ] changed while
        // the slider was greyed out.
        autoStepRate.setDisable(autoStep.isDisable() && !(model.runAutoSteps() && state == RunState.RUNNING));
        autoStepRateText.setDisable(autoStepRate.isDisable());
        String stepTip = model.supportsStep() ? model.stepDescription() : NO_STEP_HERE;
        Controls.tip(step, stepTip);
        stop.setDisable(state != RunState.RUNNING && state != RunState.PAUSED);
        String text;
        if (!notice.isEmpty()) {
            text = notice;
        } else if (state == RunState.IDLE && other != null) {
            text = stateWord(state) + "  ·  The run in " + other.getText() + " is " + standing(other)
                    + (models.get(other).alarm().isEmpty()
                    ? " in its tab. One run at a time: Run here is refused until it ends or is stopped."
                    : " in its tab and will not end by itself: " + (model.supportsStep() ? "Run or Step" : "Run")
                    + " here stops it first (its figures stay there).");
        } else if (autoStepping) {
            // Not "Paused  ·  Paused: 3 workers parked at the gate; press S": the steps come by
            // themselves, and what stops them is what the line says.
            text = autoStepWords() + "  ·  Pause (Space) or A stops it there";
        } else {
            String sentence = model.statusSentence();
            // "Deadlocked", not "Running", where the threads are alive but blocked for good.
            String word = stuck ? Words.capitalized(model.alarm()) : stateWord(state);
            text = sentence.startsWith(word) ? sentence : word + "  ·  " + sentence;
            if (playing) {
                text = autoStepWords() + " (A ends it)  ·  " + text;
            }
        }
        if (!text.equals(status.getText())) {
            status.setText(text);
        }
        showBadges();
    }

    private void showBadges() {
        boolean autoStepping = autoStepper.playingProperty().get() && active().runState() == RunState.PAUSED;
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        models.forEach((tab, made) -> showBadge(badges.get(tab), made, autoStepping && tab == shown,
                glyphBadges && tab != shown));
    }

    private static final List<RunState> STATES = List.of(RunState.values());

    /** "Auto-step, at most 2 steps a second": a step waits for the last to be taken, so the rate is a ceiling. */
    private String autoStepWords() {
        return "Auto-step, at most " + Words.count(window.autoStepRateProperty().get(), "step") + " a second";
    }

    /**
     * The tab's badge: a glyph and a word, so the state never rests on colour alone. A run played by
     * Auto-step is paused between its steps, and shown as going on, as Auto-step: so is a run whose
     * Run is Auto-step (the race lab's Slow motion).
     */
    private static void showBadge(Label badge, RunControls tabModel, boolean autoStepping, boolean glyphOnly) {
        RunControls model = tabModel.badgeRun();
        boolean auto = autoStepping || model.runAutoSteps() && model.runState() == RunState.RUNNING;
        RunState state = auto ? RunState.RUNNING : model.runState();
        String alarm = state == RunState.IDLE ? "" : model.alarm();
        String ended = state == RunState.IDLE ? model.endedBadge() : "";
        String warning = state == RunState.IDLE ? "" : model.warning();
        String text = !alarm.isEmpty() ? "✘ " + alarm : !warning.isEmpty() ? "⟳ " + warning
                : auto ? "▶▶ auto-step" : switch (state) {
            case RUNNING -> "▶ running";
            case PAUSED -> "‖ paused";
            case STOPPING -> "■ stopping";
            case IDLE -> !ended.isEmpty() ? ended
                    : !model.endedAs().isEmpty() && model.shownVerdict().isPresent() ? "✘ " + model.endedAs()
                    : model.shownVerdict().map(verdict -> switch (verdict) {
                case OK -> "✓ done";
                case WRONG_TOTAL -> "✘ wrong";
                case STOPPED -> "■ stopped";
                case FAILED -> "✘ failed";
            }).orElse(model.showsEndedRun() ? "✓ done" : "");
        };
        // Which part of a two-part tab the badge is about, when it is not the part open (the race lab).
        String in = tabModel.badgeRunIn();
        if (!text.isEmpty() && !in.isEmpty()) {
            text += " (" + in + ")";
        }
        if (!text.equals(badge.getProperties().get(BADGE_WORDS))) {
            badge.getProperties().put(BADGE_WORDS, text);
            Controls.tip(badge, text); // the words, when the badge shows its glyph alone
        }
        if (glyphOnly && text.contains(" ")) {
            text = text.substring(0, text.indexOf(' ')); // "■ stopped": "■"
        }
        // The words and the state together: "✘ deadlocked" reads the same going on and once stopped,
        // and its colour stayed the live alarm's after Stop (a regression tryout).
        String shown = text + "|" + state + "|" + !alarm.isEmpty() + !warning.isEmpty();
        if (!shown.equals(badge.getProperties().get(BADGE_SHOWN))) {
            badge.getProperties().put(BADGE_SHOWN, shown);
            badge.setText(text);
            for (RunState each : STATES) {
                badge.pseudoClassStateChanged(PseudoClass.getPseudoClass(
                        each.name().toLowerCase(Locale.ROOT)), each == state);
            }
            badge.pseudoClassStateChanged(PseudoClass.getPseudoClass("done"),
                    state == RunState.IDLE && text.startsWith("✓"));
            badge.pseudoClassStateChanged(PseudoClass.getPseudoClass("ended-short"),
                    state == RunState.IDLE && !text.isEmpty() && !text.startsWith("✓"));
            // Wrong, failed, deadlocked, violated: apart from a run stopped by hand, which is no failure
            // (they shared one brown, and a Stop read as a failure in front of a class: a tryout).
            badge.pseudoClassStateChanged(PseudoClass.getPseudoClass("failed"),
                    state == RunState.IDLE && text.startsWith("✘"));
            badge.pseudoClassStateChanged(PseudoClass.getPseudoClass("alarm"), !alarm.isEmpty() || !warning.isEmpty());
            // The glyph alone keeps no room for the words (the tabs that need it narrower).
            badge.pseudoClassStateChanged(PseudoClass.getPseudoClass("glyph-only"), !text.contains(" "));
        }
    }

    /**
     * How the run in {@code other} stands, said from another tab: its alarm where it has one
     * ("deadlocked": "is still running" beside a table deadlocked for good read as a fault), else its
     * state ("running", "paused").
     */
    private String standing(Tab other) {
        RunControls going = models.get(other);
        return going.alarm().isEmpty() ? stateWord(going.tabRunState()).toLowerCase(Locale.ROOT) : going.alarm();
    }

    private static String stateWord(RunState state) {
        return switch (state) {
            case IDLE -> "Idle";
            case RUNNING -> "Running";
            case PAUSED -> "Paused";
            case STOPPING -> "Stopping";
        };
    }

    /**
     * Pause in a slot as wide as its "Resume": Pause and Resume are one button, and its width changed
     * with its word, moving Step, Stop and Reset under the pointer of whoever had just paused. An
     * unseen "Resume" beside it (its icon sized with the others) holds the width.
     */
    private StackPane asWideAsResume(Button button) {
        FontIcon graphic = new FontIcon(Feather.PLAY);
        graphic.getStyleClass().add("toolbar-icon");
        icons.add(graphic);
        Button widest = new Button("Resume", graphic);
        widest.setVisible(false);
        widest.setFocusTraversable(false);
        widest.setMouseTransparent(true);
        button.setMaxWidth(Double.MAX_VALUE);
        return new StackPane(widest, button);
    }

    private Button button(String id, String text, Feather icon, String tooltip) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add("toolbar-icon");
        icons.add(graphic);
        Button button = new Button(text, graphic);
        button.setId(id);
        Controls.tip(button, tooltip);
        button.setFocusTraversable(false);
        return button;
    }
}
