package dev.interleave.ui.shell;

import dev.interleave.ui.kit.Controls;
import dev.interleave.ui.kit.FrameSampler;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.RunControls;
import dev.interleave.ui.kit.ScenarioTab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.interleave.engine.run.RunState;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.StatusBar;

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

    private final Button run = button("run", "Run", "Start a run: real threads, with the settings on the left. (Space)");
    private final Button pause = button("pause", "Pause",
            "Pause: every thread parks at its next step and nothing changes until Resume. (Space)");
    private final Button step = button("step", "Step",
            "While paused, let exactly one producer or consumer (the one waiting longest at the gate) make one put or take. (S)");
    private final Button stop = button("stop", "Stop", "Stop: interrupt every thread of the run and wait until none is left. (Esc)");
    private final Button reset = button("reset", "Reset", "Clear the figures and plots (stops a run first). (Ctrl+R)");
    private final StatusBar status = new StatusBar();
    private final TabPane tabs = new TabPane();
    private final Map<Tab, RunControls> models = new LinkedHashMap<>();
    private final Map<Tab, FrameSampler> samplers = new LinkedHashMap<>();
    private final Map<String, Tab> byId = new LinkedHashMap<>();
    private final Map<Tab, Label> badges = new LinkedHashMap<>();
    /** Set when a Run was refused; shown in the status bar until the next command. */
    private String refusal = "";

    /** The window's content over {@code scenarios}, one tab each, the first shown. */
    public MainView(List<ScenarioTab> scenarios, FrameStats frameStats) {
        getStyleClass().add("main");
        for (ScenarioTab scenario : scenarios) {
            Tab tab = new Tab(scenario.title());
            tab.setId("tab-" + scenario.id());
            tab.setTooltip(Controls.tip(scenario.summary()));
            tab.setUserData(scenario);
            Label badge = new Label();
            badge.setId("badge-" + scenario.id());
            badge.getStyleClass().add("tab-badge");
            // Always managed: a tab header adds an unmanaged graphic to its label never again.
            tab.setGraphic(badge);
            badges.put(tab, badge);
            tabs.getTabs().add(tab);
            models.put(tab, scenario.model());
            samplers.put(tab, new FrameSampler(scenario.model(), this::refresh, frameStats));
            byId.put(scenario.id(), tab);
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            showContent(now);
            samplers.forEach((tab, sampler) -> sampler.setShown(tab == now));
            refusal = "";
            refresh();
        });
        Tab first = tabs.getTabs().getFirst();
        showContent(first);
        samplers.forEach((tab, sampler) -> {
            sampler.setShown(tab == first);
            sampler.start();
        });

        run.setOnAction(e -> runActive());
        pause.setOnAction(e -> command(() -> active().togglePause()));
        step.setOnAction(e -> stepActive());
        stop.setOnAction(e -> command(() -> active().stop()));
        reset.setOnAction(e -> command(() -> active().reset()));
        ToolBar toolBar = new ToolBar(run, pause, step, stop, new Separator(), reset);
        toolBar.setId("toolbar");

        status.setId("status");
        status.setText("");
        setTop(toolBar);
        setCenter(tabs);
        setBottom(status);
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        widthProperty().addListener((obs, old, now) -> scaleText());
        heightProperty().addListener((obs, old, now) -> scaleText());
        refresh();
    }

    /** The root font size for this window size: 13 px up to 1280x800, growing with the window up to 26 px. */
    static double fontSizeFor(double width, double height) {
        double scale = Math.clamp(Math.min(width / 1280, height / 800), 1, 2);
        return Math.round(13 * scale * 2) / 2.0;
    }

    private double fontSize;

    private void scaleText() {
        double size = fontSizeFor(getWidth(), getHeight());
        if (size != fontSize) {
            fontSize = size;
            setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", size));
        }
    }

    /** The root font size in pixels (13 before the first layout). */
    public double fontSize() {
        return fontSize == 0 ? 13 : fontSize;
    }

    /** The tab whose run is in progress, other than the active one; null if none. */
    private Tab otherRunInProgress() {
        Tab active = tabs.getSelectionModel().getSelectedItem();
        for (Map.Entry<Tab, RunControls> entry : models.entrySet()) {
            if (entry.getKey() != active && entry.getValue().runState() != RunState.IDLE) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** Run, unless another tab's run is in progress: then refused, and the status bar says why. */
    private void runActive() {
        if (refused()) {
            return;
        }
        command(() -> active().run());
    }

    /** Step; from idle it starts the run paused, so it is refused like Run while another run goes on. */
    private void stepActive() {
        if (active().runState() == RunState.IDLE && refused()) {
            return;
        }
        command(() -> active().step());
    }

    private boolean refused() {
        Tab other = otherRunInProgress();
        if (other == null) {
            return false;
        }
        refusal = "Refused: " + other.getText() + "'s run is still " + stateWord(models.get(other).runState())
                .toLowerCase(java.util.Locale.ROOT) + ". One run at a time, so two runs never share the cores and spoil "
                + "each other's timings: stop it there (or let it end) first.";
        refresh();
        return true;
    }

    private void command(Runnable action) {
        refusal = "";
        action.run();
        refresh();
    }

    /** The view-model of the view on screen. */
    public RunControls active() {
        return models.get(tabs.getSelectionModel().getSelectedItem());
    }

    /** Shows the scenario with this id (e.g. {@code "buffer"}). */
    public void select(String id) {
        tabs.getSelectionModel().select(byId.get(id));
    }

    /** Builds a tab's view the first time it is shown: the first frame then lays out one view, not all. */
    private static void showContent(Tab tab) {
        if (tab.getContent() == null) {
            tab.setContent(((ScenarioTab) tab.getUserData()).view().get());
        }
    }

    /** Stops pulling snapshots. FX thread. */
    public void stopSampling() {
        samplers.values().forEach(FrameSampler::stop);
    }

    /** Ends the runs of every view and waits for their threads. Any thread. */
    public void shutdown() {
        models.values().forEach(RunControls::shutdown);
    }

    private void onKey(KeyEvent event) {
        boolean typing = event.getTarget() instanceof TextInputControl;
        if (event.getCode() == KeyCode.SPACE && !typing) {
            if (active().runState() == RunState.IDLE) {
                runActive();
            } else {
                command(() -> active().togglePause());
            }
            event.consume();
        } else if (event.getCode() == KeyCode.S && !typing && !event.isShortcutDown()) {
            if (active().supportsStep()) {
                stepActive();
            }
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE) {
            command(() -> active().stop());
            event.consume();
        } else if (event.getCode() == KeyCode.R && event.isShortcutDown()) {
            command(() -> active().reset());
            event.consume();
        }
        refresh();
    }

    /** Brings the tool bar and the status bar in line with the active view's state. */
    void refresh() {
        RunControls model = active();
        RunState state = model.runState();
        Tab other = otherRunInProgress();
        boolean canStart = state == RunState.IDLE && other == null;
        run.setDisable(!canStart);
        pause.setDisable(state != RunState.RUNNING && state != RunState.PAUSED);
        pause.setText(state == RunState.PAUSED ? "Resume" : "Pause");
        step.setDisable(!model.supportsStep() || !(state == RunState.PAUSED || canStart));
        String stepTip = model.supportsStep()
                ? "Let exactly one producer or consumer (the one waiting longest at the gate) make one put or take; "
                + "from idle, this starts the run paused and takes its first step. (S)"
                : "Step lets one producer or consumer act: it applies to the Bounded Buffer view.";
        if (!stepTip.equals(step.getTooltip().getText())) {
            step.getTooltip().setText(stepTip);
        }
        stop.setDisable(state != RunState.RUNNING && state != RunState.PAUSED);
        String text;
        if (!refusal.isEmpty()) {
            text = refusal;
        } else if (state == RunState.IDLE && other != null) {
            text = stateWord(state) + "  ·  " + other.getText() + "'s run is "
                    + stateWord(models.get(other).runState()).toLowerCase(java.util.Locale.ROOT)
                    + " in its tab. One run at a time: Run here waits until it ends or is stopped.";
        } else {
            String sentence = model.statusSentence();
            text = sentence.startsWith(stateWord(state)) ? sentence : stateWord(state) + "  ·  " + sentence;
        }
        if (!text.equals(status.getText())) {
            status.setText(text);
        }
        badges.forEach((tab, badge) -> showBadge(badge, models.get(tab)));
    }

    private static final List<RunState> STATES = List.of(RunState.values());

    /** The tab's badge: a glyph and a word, so the state never rests on colour alone. */
    private static void showBadge(Label badge, RunControls model) {
        RunState state = model.runState();
        String text = switch (state) {
            case RUNNING -> "▶ running";
            case PAUSED -> "‖ paused";
            case STOPPING -> "■ stopping";
            case IDLE -> model.showsEndedRun() ? "✓ done" : "";
        };
        if (!text.equals(badge.getText())) {
            badge.setText(text);
            for (RunState each : STATES) {
                badge.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(
                        each.name().toLowerCase(java.util.Locale.ROOT)), each == state);
            }
            badge.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("done"),
                    state == RunState.IDLE && !text.isEmpty());
        }
    }

    private static String stateWord(RunState state) {
        return switch (state) {
            case IDLE -> "Idle";
            case RUNNING -> "Running";
            case PAUSED -> "Paused";
            case STOPPING -> "Stopping";
        };
    }

    private static Button button(String id, String text, String tooltip) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(Controls.tip(tooltip));
        button.setFocusTraversable(false);
        return button;
    }
}
