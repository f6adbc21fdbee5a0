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
 * bar and the keys act on the view on screen; only that view's frame sampler runs.
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

    /** The window's content over {@code scenarios}, one tab each, the first shown. */
    public MainView(List<ScenarioTab> scenarios, FrameStats frameStats) {
        getStyleClass().add("main");
        for (ScenarioTab scenario : scenarios) {
            Tab tab = new Tab(scenario.title());
            tab.setId("tab-" + scenario.id());
            tab.setTooltip(Controls.tip(scenario.summary()));
            tab.setUserData(scenario);
            tabs.getTabs().add(tab);
            models.put(tab, scenario.model());
            samplers.put(tab, new FrameSampler(scenario.model(), this::refresh, frameStats));
            byId.put(scenario.id(), tab);
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            showContent(now);
            if (old != null) {
                samplers.get(old).stop();
            }
            samplers.get(now).start();
            refresh();
        });
        Tab first = tabs.getTabs().getFirst();
        showContent(first);
        samplers.get(first).start();

        run.setOnAction(e -> active().run());
        pause.setOnAction(e -> active().togglePause());
        step.setOnAction(e -> active().step());
        stop.setOnAction(e -> active().stop());
        reset.setOnAction(e -> active().reset());
        ToolBar toolBar = new ToolBar(run, pause, step, stop, new Separator(), reset);
        toolBar.setId("toolbar");

        status.setId("status");
        status.setText("");
        setTop(toolBar);
        setCenter(tabs);
        setBottom(status);
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
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
                active().run();
            } else {
                active().togglePause();
            }
            event.consume();
        } else if (event.getCode() == KeyCode.S && !typing && !event.isShortcutDown()) {
            active().step();
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE) {
            active().stop();
            event.consume();
        } else if (event.getCode() == KeyCode.R && event.isShortcutDown()) {
            active().reset();
            event.consume();
        }
        refresh();
    }

    /** Brings the tool bar and the status bar in line with the active view's state. */
    void refresh() {
        RunControls model = active();
        RunState state = model.runState();
        run.setDisable(state != RunState.IDLE);
        pause.setDisable(state != RunState.RUNNING && state != RunState.PAUSED);
        pause.setText(state == RunState.PAUSED ? "Resume" : "Pause");
        step.setDisable(!model.supportsStep() || state != RunState.PAUSED);
        step.getTooltip().setText(model.supportsStep()
                ? "While paused, let exactly one producer or consumer (the one waiting longest at the gate) make one put or take. (S)"
                : "Step lets one producer or consumer act: it applies to the Bounded Buffer view.");
        stop.setDisable(state != RunState.RUNNING && state != RunState.PAUSED);
        String sentence = model.statusSentence();
        String text = stateWord(state) + "  ·  " + sentence;
        if (!text.equals(status.getText())) {
            status.setText(text);
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
