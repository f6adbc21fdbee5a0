package dev.interleave.ui.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.controlsfx.control.RangeSlider;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.WakePolicy;
import dev.interleave.engine.buffer.BufferRunner;
import dev.interleave.engine.buffer.Bug;
import dev.interleave.engine.buffer.Worker;
import dev.interleave.engine.calls.CallRunner;
import dev.interleave.engine.calls.CounterKind;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Runner;
import dev.interleave.engine.run.ThreadKind;
import dev.interleave.ui.buffer.BufferScenario;
import dev.interleave.ui.buffer.BufferViewModel;
import dev.interleave.ui.calls.CallsScenario;
import dev.interleave.ui.calls.CallsViewModel;
import dev.interleave.ui.kit.Controls;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.LivePlot;
import dev.interleave.ui.kit.Motion;
import dev.interleave.ui.kit.OnFx;
import dev.interleave.ui.kit.Wcag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window, driven as a user drives it (TestFX on JavaFX's headless platform), controls found
 * by {@code #id}.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class MainViewFxTest {

    private final CallRunner callRunner = new CallRunner();
    private final BufferRunner bufferRunner = new BufferRunner();
    private CallsViewModel calls;
    private BufferViewModel buffer;
    private Stage stage;
    private MainView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        calls = new CallsViewModel(callRunner);
        buffer = new BufferViewModel(bufferRunner);
        view = new MainView(List.of(CallsScenario.tab(calls), BufferScenario.tab(buffer)), new FrameStats());
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(
                InterleaveApp.class.getResource("interleave.css")).toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene(); // 1280x800 again after a test made the shared stage 1024x700
        stage.show();
    }

    @AfterEach
    void stopRuns() throws Exception {
        if (callRunner.state() != RunState.IDLE) {
            callRunner.stop();
        }
        if (bufferRunner.state() != RunState.IDLE) {
            bufferRunner.stop();
        }
    }

    /**
     * The 1,000,000-call preset greys platform threads out with a note that says why; the counters do
     * not move under the pointer for it (the note pushed them 60 px down, and a learner's click on
     * atomic hit nothing).
     */
    @Test
    void theLargePresetLeavesTheCountersWhereTheyAre(FxRobot robot) {
        robot.clickOn(OnFx.node(robot, "#tab-calls"));
        Node atomic = OnFx.node(robot, "#counter-atomic");
        double before = OnFx.get(() -> atomic.localToScene(atomic.getBoundsInLocal()).getMinY());
        robot.interact(() -> ((ButtonBase) OnFx.node(robot, "#preset-large")).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(OnFx.text(robot, "#threads-message").isEmpty(), "the note says why platform is greyed out");
        assertEquals(before, OnFx.get(() -> atomic.localToScene(atomic.getBoundsInLocal()).getMinY()), 0.5);
    }

    /**
     * Shift+F1 shows the tooltip of the control with the keys, as the pointer would: tooltips came on
     * hover alone, out of reach of a teacher working by the keyboard (a low-vision tryout). A control
     * with none of its own says its row's; the next key hides it.
     */
    @Test
    void shiftF1ShowsTheFocusedControlsTooltip(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-calls"));
        robot.interact(() -> robot.lookup("#seed").query().requestFocus());
        robot.push(KeyCode.SHIFT, KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Tooltip shown = OnFx.get(view::whatsThis);
        assertNotNull(shown, "a tooltip shows");
        assertTrue(OnFx.get(shown::isShowing));
        assertEquals("Seeds the random sleeps: the same seed gives the same sleeps, run after run.",
                OnFx.get(shown::getText));
        Bounds field = OnFx.get(() -> robot.lookup("#seed").query().localToScreen(
                robot.lookup("#seed").query().getBoundsInLocal()));
        assertTrue(OnFx.get(shown::getAnchorY) >= field.getMaxY(), "under the field, not over it");
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(OnFx.get(view::whatsThis), "the next key hides it");
        assertFalse(OnFx.get(shown::isShowing));
        // Help, What's this? names its key.
        assertEquals("Shift+F1", OnFx.get(() -> ((MenuBar) robot.lookup("#menu-bar").query()).getMenus().stream()
                .flatMap(menu -> menu.getItems().stream()).filter(item -> "menu-whats-this".equals(item.getId()))
                .findFirst().orElseThrow().getAccelerator().getDisplayText()));
    }

    /**
     * Ctrl+Enter runs and pauses from anywhere: on a focused choice, where Space presses the choice
     * (after choosing a counter by the keys, Space chose it again and nothing ran: a keyboard user's
     * tryout), and in a field, whose typed value it takes first.
     */
    @Test
    void ctrlEnterRunsWhereSpaceIsTheFocusedControls(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-calls"));
        robot.interact(() -> {
            calls.callsProperty().set(100_000);
            calls.maxSleepMillisProperty().set(1_000); // long enough to be seen running
            view.requestFocus();
        });
        // A choice reached by Tab, its ring showing: Space is the choice's.
        for (int press = 0; press < 40 && !(OnFx.get(() -> stage.getScene().getFocusOwner()) instanceof ToggleButton); press++) {
            robot.push(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(OnFx.get(() -> stage.getScene().getFocusOwner()) instanceof ToggleButton, "Tab reached a choice");
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunState.IDLE, callRunner.state(), "Space on a choice presses the choice");
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> callRunner.state() == RunState.RUNNING);
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> callRunner.state() == RunState.PAUSED);
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> callRunner.state() == RunState.IDLE);
        WaitForAsyncUtils.waitForFxEvents();

        robot.doubleClickOn("#calls-field").eraseText(12).write("2000");
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> callRunner.state() == RunState.RUNNING);
        assertEquals(2_000, calls.settings().calls(), "the typed value, taken before the run");
    }

    /** Counter & Sum's guide names the presets and counters by their buttons' words, and ends on a question. */
    @Test
    void theCountersGuideSpeaksTheButtonsWords(FxRobot robot) {
        robot.clickOn(OnFx.node(robot, "#tab-calls"));
        String guide = OnFx.text(robot, "#calls-guide-text");
        for (CallsViewModel.Preset preset : CallsViewModel.Preset.values()) {
            assertTrue(guide.contains(preset.label()), preset.label() + " in: " + guide);
        }
        for (CounterKind kind : CounterKind.values()) {
            assertTrue(guide.contains(kind.label()), kind.label() + " in: " + guide);
        }
        assertTrue(guide.strip().endsWith("?"), guide);
    }

    /**
     * Space and S stay the window's keys: a setting that had the focus when Run locked it hands the
     * focus to the window (not to the next field, which took Space as text), and so does Enter in a
     * field once it has taken its value.
     */
    @Test
    void keysStayTheWindowsWhenAFocusedSettingIsLockedOrAFieldTakesItsValue(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        robot.clickOn(OnFx.node(robot, "#impl-lock"));
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bufferRunner.state() == RunState.RUNNING);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200); // a few pulses: the scene moves a disabled control's focus at a pulse
        WaitForAsyncUtils.waitForFxEvents();
        Node owner = stage.getScene().getFocusOwner();
        assertFalse(owner instanceof TextInputControl, "the focus went to a field: " + owner);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bufferRunner.state() == RunState.PAUSED);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bufferRunner.state() == RunState.IDLE);

        robot.doubleClickOn("#producers-field").write("2").type(KeyCode.ENTER);
        assertEquals(2, buffer.producersProperty().get());
        owner = stage.getScene().getFocusOwner();
        // To the field's own slider: Tab goes on from there, not from the tab strip again.
        assertEquals("producers-slider", owner.getId(), "Enter left the focus in " + owner);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bufferRunner.state() == RunState.RUNNING);
    }

    /**
     * Enter in either of a delay's fields gives the keys to its range, above them, with its ring, as
     * Tab would: from the fields, Tab went on past it (to the other field, or to the next setting,
     * scrolling the panel to its foot), and the range got the focus unseen.
     */
    @Test
    void enterInADelaysFieldGivesTheKeysToItsRange(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        for (String field : List.of("#produce-delay-min", "#produce-delay-max")) {
            Node typed = OnFx.get(() -> robot.lookup(field).query()); // below the fold: scrolled to next
            robot.interact(() -> Controls.scrollTo(typed));
            robot.clickOn(typed).type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            Node owner = stage.getScene().getFocusOwner();
            assertEquals("produce-delay-slider", owner.getId(), "Enter in " + field + " left the focus in " + owner);
            assertTrue(owner.isFocusVisible(), "its ring shows, after Enter in " + field);
            // On the thumb of the end typed: Right then moves that end, not the other.
            boolean upper = field.endsWith("max");
            String thumb = upper ? ".high-thumb" : ".low-thumb";
            assertTrue(OnFx.get(() -> owner.lookup(thumb).isFocused()), "after Enter in " + field + ", " + thumb + " has the keys");
            int lowBefore = buffer.produceMinMillisProperty().get();
            int highBefore = buffer.produceMaxMillisProperty().get();
            robot.type(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(upper ? lowBefore : highBefore, upper ? buffer.produceMinMillisProperty().get()
                    : buffer.produceMaxMillisProperty().get(), "Right after Enter in " + field + " moved the other end");
            assertNotEquals(upper ? highBefore : lowBefore, upper ? buffer.produceMaxMillisProperty().get()
                    : buffer.produceMinMillisProperty().get(), "Right after Enter in " + field + " moved its own end");
        }
    }

    /** Moving a slider (with the keyboard, as a user can) changes the run's settings. */
    @Test
    void movingASliderChangesTheSettings(FxRobot robot) {
        int before = calls.settings().maxSleepMillis();
        robot.clickOn(OnFx.node(robot, "#max-sleep-slider"));
        robot.type(KeyCode.LEFT, 3);
        WaitForAsyncUtils.waitForFxEvents();
        int after = calls.settings().maxSleepMillis();
        assertNotEquals(before, after);
        assertEquals(String.format("%,d", after), OnFx.get(() -> robot.lookup("#max-sleep-field").queryAs(TextField.class).getText()));

        Slider concurrency = robot.lookup("#concurrency-slider").queryAs(Slider.class);
        robot.interact(() -> concurrency.setValue(concurrency.getMax()));
        assertEquals(CallsViewModel.MAX_CONCURRENCY, calls.settings().concurrency());
    }

    /** A typed value out of range is never accepted, and never changed silently: the line under the field says why. */
    @Test
    void typedValuesAreClampedAndTheFieldSaysWhy(FxRobot robot) {
        typeInto(robot, "#calls-field", "99999999");
        assertEquals(CallsViewModel.MAX_CALLS, calls.settings().calls());
        assertTrue(message(robot, "#calls-message").startsWith("99,999,999 is above the maximum, 10,000,000"),
                message(robot, "#calls-message"));
        typeInto(robot, "#calls-field", "0");
        assertEquals(1, calls.settings().calls());
        assertEquals("0 is below the minimum, 1: set to 1.", message(robot, "#calls-message"));
        typeInto(robot, "#calls-field", "-5");
        assertEquals(1, calls.settings().calls(), "-5 is not 5");
        assertEquals("-5 is below the minimum, 1: set to 1.", message(robot, "#calls-message"));
        typeInto(robot, "#calls-field", "2500");
        assertEquals(2_500, calls.settings().calls());
        assertFalse(OnFx.get(() -> robot.lookup("#calls-message").queryAs(Label.class).isVisible()), "a valid value clears the message");
        typeInto(robot, "#calls-field", "abc");
        assertEquals(2_500, calls.settings().calls());
        assertEquals("\u201cabc\u201d is not a whole number: kept 2,500.", message(robot, "#calls-message"));
        // The seed takes whole numbers only: a letter is refused with a word, the seed kept and shown.
        typeInto(robot, "#seed", "7");
        assertEquals(7, calls.settings().seed());
        typeInto(robot, "#seed", "7x");
        assertEquals("7", OnFx.get(() -> robot.lookup("#seed").queryAs(TextField.class).getText()));
        assertEquals("\u201c7x\u201d is not a whole number: kept 7.", message(robot, "#seed-message"));
        typeInto(robot, "#seed", "71");
        assertFalse(OnFx.get(() -> robot.lookup("#seed-message").queryAs(Label.class).isVisible()), "a seed taken clears the message");
        assertEquals(71, calls.settings().seed());
        // The tests' 3 GB heap holds the command line's whole range (the window's 1 GB, about half:
        // CallsViewModelTest), so the field stops where the command line does.
        typeInto(robot, "#concurrency-field", "2000000");
        assertEquals(CallsViewModel.MAX_CONCURRENCY, calls.settings().concurrency());
        assertTrue(message(robot, "#concurrency-message").startsWith("2,000,000 is above the maximum, 1,000,000"),
                message(robot, "#concurrency-message"));

        robot.interact(() -> {
            calls.callsProperty().set(100_000); // 2,500 calls would be at most 2,500 platform threads
            calls.concurrencyProperty().set(100);
            calls.threadsProperty().set(ThreadKind.PLATFORM);
        });
        typeInto(robot, "#concurrency-field", "20000");
        assertEquals(ThreadKind.VIRTUAL, calls.settings().threads());
        assertTrue(message(robot, "#threads-message").startsWith("Switched to virtual threads"),
                message(robot, "#threads-message"));
    }

    /**
     * What a field said about a typed value is about that typing: the next Reset or Run clears it
     * (the value it set stays), so a class never reads it beside a later run's figures.
     */
    @Test
    void resetAndRunClearTheFieldsMessages(FxRobot robot) throws Exception {
        typeInto(robot, "#calls-field", "0");
        assertEquals("0 is below the minimum, 1: set to 1.", message(robot, "#calls-message"));
        robot.interact(calls::reset);
        assertFalse(OnFx.get(() -> robot.lookup("#calls-message").queryAs(Label.class).isVisible()), "Reset clears the message");
        assertEquals(1, calls.settings().calls(), "and keeps the value");

        typeInto(robot, "#max-sleep-field", "-3");
        assertTrue(message(robot, "#max-sleep-message").startsWith("-3 is below the minimum"));
        typeInto(robot, "#seed", "x");
        assertTrue(message(robot, "#seed-message").contains("is not a whole number"));
        robot.interact(calls::run);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(OnFx.get(() -> robot.lookup("#max-sleep-message").queryAs(Label.class).isVisible()), "Run clears the message");
        assertFalse(OnFx.get(() -> robot.lookup("#seed-message").queryAs(Label.class).isVisible()), "Run clears the seed's message");

        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        robot.interact(buffer::reset);
        typeInto(robot, "#capacity-field", "0");
        assertTrue(message(robot, "#capacity-message").startsWith("0 is below the minimum"));
        robot.interact(buffer::run);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(OnFx.get(() -> robot.lookup("#capacity-message").queryAs(Label.class).isVisible()), "Run clears the buffer's too");
    }

    private static void typeInto(FxRobot robot, String field, String text) {
        robot.doubleClickOn(field).eraseText(14).write(text).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String message(FxRobot robot, String id) {
        Label label = robot.lookup(id).queryAs(Label.class);
        assertTrue(label.isVisible(), id + " is shown");
        return label.getText();
    }

    /** A 1,000-call run with a small max sleep ends showing 500,500 and the check mark. */
    @Test
    void thousandCallRunShowsTheCheckMark(FxRobot robot) throws Exception {
        setCalls(robot, 1_000, 100, 20);
        // Before a run the note over the figures says why they are zeros (blank, its line read as a gap).
        assertEquals(Controls.NO_RUN_FIGURES, OnFx.text(robot, "#last-run"));
        robot.clickOn(OnFx.node(robot, "#run"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> OnFx.text(robot, "#verdict").startsWith("✔"));
        Label verdict = robot.lookup("#verdict").queryAs(Label.class);
        assertEquals("✔ 500,500 = n(n+1)/2", verdict.getText());
        // The success banner is drawn as success only: never in the failure colour (both pseudo-classes
        // were once set at the end of a run, and the failure rule won).
        WaitForAsyncUtils.waitForFxEvents();
        var states = verdict.getPseudoClassStates().stream().map(Object::toString).toList();
        assertTrue(states.contains("success") && !states.contains("failure"), states.toString());
        assertEquals(Color.web("#005a9c"), verdict.getTextFill(), "the success colour");
        assertEquals("500,500", OnFx.text(robot, "#sum"));
        assertEquals("1,000 / 1,000", OnFx.text(robot, "#calls-completed"));
        // Both plots drew every point of the run, as a series named for its preset. (A plot redraws
        // at the layout pass after a point is added, so wait for the last one to be drawn.)
        for (String plot : List.of("#throughput-chart", "#in-flight-chart")) {
            LivePlot drawn = robot.lookup(plot).queryAs(LivePlot.class);
            var series = plot.equals("#throughput-chart") ? calls.throughputSeries() : calls.inFlightSeries();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return drawn.pointsDrawn() > 1 && drawn.pointsDrawn() == series.getFirst().getData().size();
            });
            assertEquals(List.of("#1 " + CallsViewModel.Preset.SMALL.label() + ", sleeps ≤ 20 ms, atomic counter"), drawn.legendNames(), plot);
        }

        // New settings do not turn the run's figures into another run's: they stay, marked as the last run's.
        robot.interact(() -> calls.callsProperty().set(100_000));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.text(robot, "#last-run")
                .contains("settings have changed"));
        assertEquals("1,000 / 1,000", OnFx.text(robot, "#calls-completed"));
        assertEquals("of 500,500", OnFx.text(robot, "#sum-detail"));
        assertTrue(OnFx.text(robot, "#last-run").startsWith("Last run's figures (1,000 calls"));
        assertEquals("✓ done", OnFx.text(robot, "#badge-calls"));
        @SuppressWarnings("unchecked")
        TableView<CallsViewModel.PastRun> pastRuns = robot.lookup("#past-runs").queryAs(TableView.class);
        assertEquals(1, pastRuns.getItems().size(), "the ended run is a row of the past-runs table");
        assertEquals("✔ 500,500", pastRuns.getItems().getFirst().result());
        // Reset clears the figures, and the note says so again.
        robot.clickOn(OnFx.node(robot, "#reset"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.text(robot, "#last-run").equals(Controls.NO_RUN_FIGURES));
    }

    /** Pause freezes the numbers on screen, its rate the one before the pause; Resume lets the run finish. */
    @Test
    void pauseFreezesTheNumbers(FxRobot robot) throws Exception {
        // About 5 s of run (50 ms of sleep at most ended it in 1.3 s, under load before the click came).
        setCalls(robot, 50_000, 1_000, 200);
        robot.clickOn(OnFx.node(robot, "#run"));
        // Past the rate's first half second, which is over the time since Run.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> calls.callsCompletedProperty().get() > 2_000
                && calls.elapsedMillisProperty().get() > 600);
        robot.clickOn(OnFx.node(robot, "#pause"));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // calls asleep finish their sleep, then wait
        String sum = OnFx.text(robot, "#sum");
        String completed = OnFx.text(robot, "#calls-completed");
        String counter = OnFx.text(robot, "#counter-value");
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        assertEquals(sum, OnFx.text(robot, "#sum"));
        assertEquals(completed, OnFx.text(robot, "#calls-completed"));
        assertEquals(counter, OnFx.text(robot, "#counter-value"));
        assertEquals(RunState.PAUSED, callRunner.state(), "the click came during the run");
        // Step is greyed out here, and a greyed button shows no tooltip: the status line says why.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.text(robot, "#status")
                .endsWith("(no Step here: Pause holds every thread at once; Space resumes)"));
        // Paused, the rate says it is the one before the pause (within a few frames: the view-model
        // takes the run's state from its samples).
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.text(robot, "#rate")
                .endsWith("calls per second (before the pause)"));
        assertEquals("Resume", OnFx.text(robot, "#pause"));
        robot.clickOn(OnFx.node(robot, "#pause"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.text(robot, "#rate").endsWith("calls per second (the last 0.5 s)"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> OnFx.text(robot, "#verdict").startsWith("✔"));
        // Ended, the whole run's rate, said so: the same words read 167,882 mid-run and 75,102 at the end.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.text(robot, "#rate").endsWith("calls per second (the whole run)"));
    }

    /** Stop leaves no live engine task, and the keyboard drives the tool bar (Space runs, Esc stops). */
    @Test
    void stopLeavesNoLiveTask(FxRobot robot) throws Exception {
        setCalls(robot, 200_000, 20_000, 1_000);
        robot.clickOn(OnFx.node(robot, "#tab-calls"));
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> callRunner.snapshot().inFlight() > 10_000);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> callRunner.state() == RunState.IDLE);
        assertEquals(0, callRunner.snapshot().inFlight());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> OnFx.text(robot, "#verdict").startsWith("Stopped"));
    }

    /** In the buffer view one Step changes exactly one action, and the step text names it. */
    @Test
    void oneStepInTheBufferView(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        robot.interact(() -> {
            buffer.produceMinMillisProperty().set(0);
            buffer.produceMaxMillisProperty().set(5);
            buffer.consumeMinMillisProperty().set(0);
            buffer.consumeMaxMillisProperty().set(5);
        });
        robot.clickOn(OnFx.node(robot, "#run"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> buffer.consumedProperty().get() > 20);
        robot.clickOn(OnFx.node(robot, "#pause"));
        long before = settle();
        assertEquals("Step", OnFx.text(robot, "#step"));
        robot.clickOn(OnFx.node(robot, "#step"));
        long after = settle();
        assertEquals(before + 1, after, "one step, one action");
        String text = OnFx.text(robot, "#step-text");
        assertTrue(text.startsWith("Step 1: "), text);
        assertTrue(text.matches("Step 1: [PC]\\d+ .*"), "the step text names the worker: " + text);
        List<String> chips = robot.lookup(".worker").queryAll().stream().map(n -> n.getId())
                .filter(id -> id != null && id.startsWith("worker-")).toList(); // a hidden queue chip has no id
        assertEquals(6, chips.size(), "3 producers and 3 consumers shown: " + chips);
        assertEquals("‖ paused", OnFx.text(robot, "#badge-buffer"));
    }

    /**
     * A producer's or consumer's chip in its lane, while its thread waits at the gate, chooses that
     * thread to step next, as the gate's queue's chips do (a learner clicked them and nothing happened).
     */
    @Test
    void aLaneChipAtTheGateChoosesWhoStepsNext(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        robot.interact(() -> {
            buffer.produceMinMillisProperty().set(0);
            buffer.produceMaxMillisProperty().set(5);
            buffer.consumeMinMillisProperty().set(0);
            buffer.consumeMaxMillisProperty().set(5);
        });
        robot.clickOn(OnFx.node(robot, "#run"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> buffer.consumedProperty().get() > 20);
        robot.clickOn(OnFx.node(robot, "#pause"));
        settle();
        PseudoClass atGate = PseudoClass.getPseudoClass("at-gate");
        for (int step = 0; step < 3; step++) {
            String first = bufferRunner.snapshot().gate().waiting().getFirst(); // what S would step
            List<Node> waiting = robot.lookup(".lane-choosable").queryAll().stream()
                    .filter(node -> node.getPseudoClassStates().contains(atGate)).toList();
            assertTrue(waiting.size() >= 2, "lane chips at the gate: " + waiting.size());
            Node chosen = waiting.stream().filter(node -> !node.getId().equals("worker-" + first)).findFirst()
                    .orElseThrow(); // not the one a plain step would let through
            String name = chosen.getId().substring("worker-".length());
            robot.clickOn(chosen);
            settle();
            assertEquals(name, bufferRunner.snapshot().gate().lastStepped(), "the clicked chip's thread stepped");
        }
    }

    /**
     * Auto-step's rate (its slider and its words) is greyed out with Auto-step, where no step can be
     * taken: in Counter & Sum, and in the buffer while its run runs freely (the slider looked live).
     */
    @Test
    void theAutoStepRateIsOfferedWhereAutoStepIs(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-calls"));
        assertEquals(List.of(true, true, true), rateDisabled(robot), "no Auto-step in Counter & Sum, nor its rate");
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        assertEquals(List.of(false, false, false), rateDisabled(robot), "Auto-step and its rate in the buffer");
        robot.interact(buffer::run);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bufferRunner.state() == RunState.RUNNING);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> rateDisabled(robot).equals(List.of(true, true, true)));
    }

    /** Whether Auto-step, its rate's slider and its rate's words are greyed out. */
    private static List<Boolean> rateDisabled(FxRobot robot) {
        return OnFx.get(() -> List.of("#auto-step", "#auto-step-rate", "#auto-step-rate-text").stream()
                .map(id -> robot.lookup(id).query().isDisabled()).toList());
    }

    /** Step while idle starts the run paused and takes its first step. */
    @Test
    void stepFromIdleStartsPaused(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        assertFalse(OnFx.get(() -> robot.lookup("#step").queryButton().isDisabled()), "Step is offered while idle");
        robot.clickOn(OnFx.node(robot, "#step"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> buffer.stepTextProperty().get().startsWith("Step 1: "));
        assertEquals(RunState.PAUSED, bufferRunner.state());
        assertEquals(1, bufferRunner.snapshot().gate().stepsTaken());
    }

    /**
     * One Step more than the run's last keeps the ended run on screen and says so; the next starts
     * a new run. A teacher stepping into the if-not-while violation pressed S once more and the
     * banner, the badge and the steps were gone.
     */
    @Test
    void aStepAfterTheRunEndedKeepsItOnScreenUntilAsked(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        robot.interact(() -> {
            buffer.bugProperty().set(Bug.IF_NOT_WHILE);
            buffer.spuriousPercentProperty().set(100); // a consumer's first wait ends the run at once
        });
        for (int press = 0; press < 40 && !OnFx.get(buffer::showsEndedRun); press++) {
            robot.push(KeyCode.S);
            settle();
        }
        assertTrue(OnFx.get(buffer::showsEndedRun), "the spurious wake-ups end the run violated");
        long runs = OnFx.get(() -> buffer.freshStartsProperty().get());
        String badge = OnFx.text(robot, "#badge-buffer");
        String steps = OnFx.text(robot, "#step-text");
        robot.push(KeyCode.S);
        settle();
        assertEquals(runs, OnFx.get(() -> buffer.freshStartsProperty().get()), "no new run");
        assertTrue(OnFx.get(buffer::showsEndedRun));
        assertEquals(badge, OnFx.text(robot, "#badge-buffer"));
        assertTrue(OnFx.node(robot, "#badge-buffer").getPseudoClassStates().contains(PseudoClass.getPseudoClass("failed")),
                "a violated run's badge in the failure colour: " + badge);
        assertEquals(steps, OnFx.text(robot, "#step-text"));
        assertTrue(OnFx.text(robot, "#status").contains("press Step (S) again, or Run, to start a new one"),
                OnFx.text(robot, "#status"));

        robot.push(KeyCode.S);
        settle();
        assertEquals(runs + 1, OnFx.get(() -> buffer.freshStartsProperty().get()), "asked twice: a new run");
        assertFalse(OnFx.text(robot, "#status").contains("again"), OnFx.text(robot, "#status"));
    }

    /**
     * A value typed and not yet entered is the one the run takes, as if Enter had been pressed: the
     * tool bar's buttons leave the focus in the field, and "4" typed then Run clicked had run the old
     * value.
     */
    @Test
    void aValueTypedAndNotEnteredIsTheRunsValue(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        int before = buffer.producersProperty().get();
        int typed = before == 3 ? 4 : 3;
        robot.doubleClickOn("#producers-field").write(Integer.toString(typed)); // no Enter
        robot.clickOn(OnFx.node(robot, "#step"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bufferRunner.state() == RunState.PAUSED);
        long producers = bufferRunner.snapshot().buffer().workers().stream()
                .filter(w -> w.role() == Worker.Role.PRODUCER).count();
        assertEquals(typed, producers, "the run's producers, typed " + typed + " over " + before);
        assertEquals(typed, bufferRunner.snapshot().settings().producers());
    }

    /**
     * Auto-step's beats leave a field being typed in alone: the settings that apply live stay editable
     * while it plays, and a beat that took the typed value would enter the "1" of a "12" on its way.
     */
    @Test
    void autoStepsBeatsLeaveAFieldBeingTypedIn(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        robot.interact(() -> view.window().autoStepRateProperty().set(20));
        robot.clickOn(OnFx.node(robot, "#auto-step"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bufferRunner.snapshot().gate().stepsTaken() >= 1);
        int before = buffer.capacityProperty().get();
        robot.doubleClickOn("#capacity-field").write(before == 1 ? "2" : "1"); // no Enter
        for (int beat = 0; beat < 3; beat++) {
            robot.interact(() -> view.autoStepper().beat());
        }
        assertEquals(before, buffer.capacityProperty().get(), "a beat entered the value being typed");
        assertTrue(OnFx.get(() -> robot.lookup("#capacity-field").query().isFocused()), "the field keeps the keys");
        robot.interact(() -> view.autoStepper().setPlaying(false));
    }

    /**
     * Auto-step from idle starts the run paused and plays steps by itself, one at a time, the run
     * staying paused; A ends it. While it plays the window shows the run going on (the tab's badge,
     * Pause, the status line: they said "paused", "Resume" and "Your turn: press S"), and Pause
     * (Space) stops it there; Resume then lets the run go on freely.
     */
    @Test
    void autoStepPlaysStepsWhileThePausedRunWaits(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        robot.interact(() -> view.window().autoStepRateProperty().set(1));
        assertEquals("1 step/s", OnFx.text(robot, "#auto-step-rate-text"));
        robot.interact(() -> view.window().autoStepRateProperty().set(20));
        assertEquals("20 steps/s", OnFx.text(robot, "#auto-step-rate-text"));
        robot.clickOn(OnFx.node(robot, "#auto-step"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bufferRunner.snapshot().gate().stepsTaken() >= 5);
        assertEquals(RunState.PAUSED, bufferRunner.state(), "Auto-step steps a paused run");
        assertTrue(OnFx.get(() -> robot.lookup("#auto-step").queryAs(ToggleButton.class).isSelected()));
        assertTrue(bufferRunner.snapshot().gate().permits() <= 1, "steps never pile up behind a slow one");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("▶▶ auto-step", OnFx.text(robot, "#badge-buffer"));
        double autoStepWidth = OnFx.get(() -> robot.lookup("#badge-buffer").queryAs(Label.class).getWidth());
        assertEquals("Pause", OnFx.text(robot, "#pause"));
        String status = OnFx.text(robot, "#status");
        assertTrue(status.startsWith("Auto-step, at most 20 steps a second") && !status.contains("Paused"), status);

        robot.push(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.autoStepper().playingProperty().get(), "A ends Auto-step");
        assertFalse(OnFx.get(() -> robot.lookup("#auto-step").queryAs(ToggleButton.class).isSelected()));
        assertEquals(RunState.PAUSED, bufferRunner.state(), "and the run stays paused");

        robot.push(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.autoStepper().playingProperty().get(), "A starts it again");
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.autoStepper().playingProperty().get(), "Pause (Space) ends Auto-step");
        assertEquals(RunState.PAUSED, bufferRunner.state(), "and the run stays paused");
        assertEquals("‖ paused", OnFx.text(robot, "#badge-buffer"));
        // One width: the tabs after it stay put as Auto-step goes on and off (they moved by 14 px).
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> OnFx.get(() -> robot.lookup("#badge-buffer")
                .queryAs(Label.class).getWidth()) == autoStepWidth);
        assertEquals("Resume", OnFx.text(robot, "#pause"));
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunState.RUNNING, bufferRunner.state(), "Resume lets the run go on freely");
        robot.interact(() -> view.autoStepper().beat());
        assertEquals(RunState.RUNNING, bufferRunner.state(), "a stray beat after it ended steps nothing");
    }

    /**
     * ControlsFX's range slider (the delay ranges) is drawn under Primer in both themes: its
     * track and thumbs have a fill (Primer lacks the Modena colours its stylesheet looks up); and
     * every slider's track can be seen on a projector.
     */
    @Test
    void theDelayRangeSlidersAreDrawnInBothThemes(FxRobot robot) {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        for (int theme = 0; theme < 2; theme++) {
            robot.interact(() -> {
                view.applyCss();
                view.layout();
            });
            for (String part : List.of(".range-slider .track", ".range-slider .low-thumb", ".range-slider .high-thumb")) {
                Region region = robot.lookup(part).queryAs(Region.class);
                assertTrue(region.getBackground() != null && !region.getBackground().getFills().isEmpty(),
                        part + " has a fill in " + view.window().themeProperty().get());
            }
            // Every track stands out from the panel behind it, 3:1 at least (Primer's own: 1.1 to 1.3).
            for (String part : List.of(".slider > .track", ".range-slider > .track")) {
                for (Node node : robot.lookup(part).queryAll()) {
                    Region track = (Region) node;
                    if (!track.isVisible() || track.getScene() == null) {
                        continue;
                    }
                    Color ink = (Color) track.getBackground().getFills()
                            .getLast().getFill();
                    Color paper = behind(track);
                    double ratio = Wcag.contrast(ink, paper);
                    assertTrue(ratio >= 3, part + " " + ink + " on " + paper + ": " + ratio + ":1 in "
                            + view.window().themeProperty().get());
                }
            }
            robot.interact(() -> view.window().toggleTheme());
        }
    }

    /**
     * A setting locked while a run goes on still reads, its name and its value (4.5:1 at least, the
     * control's opacity taken in), in both themes: at Primer's disabled opacity, 0.4, they read grey
     * on near-black in the dark theme (a teacher's tryout at 150 %).
     */
    @Test
    void aLockedSettingStillReadsInBothThemes(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-calls"));
        robot.interact(() -> {
            calls.maxSleepMillisProperty().set(1_000);
            calls.run();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> calls.stateProperty().get() == RunState.RUNNING);
        try {
            for (int theme = 0; theme < 2; theme++) {
                robot.interact(() -> {
                    view.applyCss();
                    view.layout();
                });
                int checked = 0;
                for (Node node : robot.lookup(".settings .label").queryAll()) {
                    if (!(node instanceof Label label) || !label.isDisabled() || !label.isVisible()
                            || label.getText().isEmpty() || !(label.getTextFill() instanceof Color ink)) {
                        continue;
                    }
                    Color paper = behind(label);
                    double opacity = shownOpacity(label);
                    double ratio = Wcag.contrast(paper.interpolate(ink, opacity), paper);
                    assertTrue(ratio >= 4.5, "\"" + label.getText() + "\" at opacity " + opacity + ": "
                            + ratio + ":1 in " + view.window().themeProperty().get());
                    checked++;
                }
                for (Node node : robot.lookup(".settings .text-field").queryAll()) {
                    TextField field = (TextField) node;
                    if (!field.isDisabled() || !field.isVisible()) {
                        continue;
                    }
                    Color ink = (Color) ((Text) field.lookup(".text")).getFill();
                    Color paper = behind(field);
                    Color face = (Color) field.getBackground().getFills().getLast().getFill();
                    double opacity = shownOpacity(field);
                    double ratio = Wcag.contrast(paper.interpolate(ink, opacity), paper.interpolate(face, opacity));
                    assertTrue(ratio >= 4.5, field.getId() + "'s value " + field.getText() + " at opacity " + opacity
                            + ": " + ratio + ":1 in " + view.window().themeProperty().get());
                    checked++;
                }
                assertTrue(checked >= 6, "locked settings checked: " + checked);
                robot.interact(() -> view.window().toggleTheme());
            }
        } finally {
            robot.interact(() -> view.window().themeProperty().set(Theme.LIGHT));
            robot.interact(calls::stop);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> callRunner.state() == RunState.IDLE);
        }
    }

    /** {@code node}'s opacity as drawn: its own times its parents'. */
    private static double shownOpacity(Node node) {
        double opacity = 1;
        for (Node at = node; at != null; at = at.getParent()) {
            opacity *= at.getOpacity();
        }
        return opacity;
    }

    /**
     * A switch reads off or on in both themes: off, its track is the panel's shade (in the dark theme
     * ControlsFX's #f5f5f5 track, with a dark thumb, read as on); on, its track is the accent, as a
     * chosen option is; its thumb stands out from its track either way.
     */
    @Test
    void aSwitchReadsOffOrOnInBothThemes(FxRobot robot) {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        ToggleSwitch fair = robot.lookup("#fair").queryAs(ToggleSwitch.class);
        for (int theme = 0; theme < 2; theme++) {
            for (boolean on : List.of(false, true)) {
                robot.interact(() -> {
                    fair.setSelected(on);
                    view.applyCss();
                    view.layout();
                });
                String where = (on ? "on" : "off") + " in " + view.window().themeProperty().get();
                Region track = (Region) fair.lookup(".thumb-area");
                Region thumb = (Region) fair.lookup(".thumb");
                Color trackInk = (Color) track.getBackground().getFills().getLast().getFill();
                Color thumbInk = (Color) thumb.getBackground().getFills().getLast().getFill();
                if (on) {
                    Color chosen = (Color) ((Region) robot.lookup("#impl .toggle-button:selected").query())
                            .getBackground().getFills().getLast().getFill();
                    assertEquals(chosen, trackInk, "the track " + where + ": the accent, as a chosen option");
                } else {
                    double ratio = Wcag.contrast(trackInk, behind(fair));
                    assertTrue(ratio < 1.5, "the track " + where + " " + trackInk + " on the panel " + behind(fair)
                            + ": " + ratio + ":1");
                }
                double ratio = Wcag.contrast(thumbInk, trackInk);
                assertTrue(ratio >= 3, "the thumb " + where + " " + thumbInk + " on its track " + trackInk + ": " + ratio + ":1");
            }
            robot.interact(() -> fair.setSelected(false));
            robot.interact(() -> view.window().toggleTheme());
        }
    }

    /**
     * A choice locked by a run reads as what the run uses, in both themes: the chosen option's text
     * on its fill, as they show (the node's opacity over the panel), 4.5:1 at least. At Primer's
     * disabled opacity it was white on pale blue, 1.3:1, in the light theme (a teacher's tryout).
     */
    @Test
    void aLockedChoiceStaysReadableInBothThemes(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        robot.interact(() -> buffer.run());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> OnFx.get(
                () -> robot.lookup("#policy .toggle-button:selected").query().isDisabled()));
        for (int theme = 0; theme < 2; theme++) {
            robot.interact(() -> {
                view.applyCss();
                view.layout();
            });
            for (String row : List.of("#policy", "#buffer-threads", "#impl", "#bug")) {
                ToggleButton chosen = robot.lookup(row + " .toggle-button:selected").queryAs(ToggleButton.class);
                assertTrue(chosen.isDisabled(), row + " locked while the run goes on");
                Color paper = behind(chosen);
                double opacity = 1;
                for (Node up = chosen; up != null; up = up.getParent()) {
                    opacity *= up.getOpacity();
                }
                Color fill = blend((Color) chosen.getBackground().getFills().getLast().getFill(), paper, opacity);
                Color ink = blend((Color) chosen.getTextFill(), fill, opacity);
                double ratio = Wcag.contrast(ink, fill);
                assertTrue(ratio >= 4.5, row + " '" + chosen.getText() + "' " + ink + " on " + fill + ": " + ratio
                        + ":1 in " + view.window().themeProperty().get());
            }
            robot.interact(() -> view.window().toggleTheme());
        }
        // A row that does not apply (the monitor has no wake-up policy) shows no choice: none is in
        // effect (it read "signal" though the monitor calls notifyAll()). The lock's choice is kept.
        robot.interact(() -> buffer.stop());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bufferRunner.state() == RunState.IDLE);
        WakePolicy chosen = buffer.policyProperty().get();
        robot.interact(() -> buffer.implProperty().set(BufferImpl.MONITOR));
        assertTrue(robot.lookup("#policy .toggle-button:selected").queryAll().isEmpty(), "the monitor's policy row");
        assertEquals(chosen, buffer.policyProperty().get());
        robot.interact(() -> buffer.implProperty().set(BufferImpl.LOCK));
        assertEquals(chosen, robot.lookup("#policy .toggle-button:selected").queryAs(ToggleButton.class).getUserData());
    }

    /** {@code top} drawn at {@code opacity} over {@code under}. */
    private static Color blend(Color top, Color under, double opacity) {
        double a = top.getOpacity() * opacity;
        return new Color(a * top.getRed() + (1 - a) * under.getRed(), a * top.getGreen() + (1 - a) * under.getGreen(),
                a * top.getBlue() + (1 - a) * under.getBlue(), 1);
    }

    /** The colour of the nearest box behind {@code node} with an opaque fill. */
    private static Color behind(Node node) {
        for (Parent up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof Region region && region.getBackground() != null) {
                for (var fill : region.getBackground().getFills().reversed()) {
                    if (fill.getFill() instanceof Color colour && colour.getOpacity() == 1) {
                        return colour;
                    }
                }
            }
        }
        throw new AssertionError("nothing opaque behind " + node);
    }

    /**
     * Motion: with it on, steps send items and woken threads travelling on the motion layer, and
     * the tokens are dropped when they land; with it off (View > Motion > Off) nothing is drawn.
     */
    @Test
    void motionIsDrawnWhenOnAndNeverWhenOff(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        Pane layer = robot.lookup("#motion-layer").queryAs(Pane.class);
        try {
            robot.interact(() -> {
                view.window().motionProperty().set(Motion.Speed.OFF);
                view.window().autoStepRateProperty().set(20);
            });
            robot.clickOn(OnFx.node(robot, "#auto-step"));
            long start = bufferRunner.snapshot().gate().stepsTaken();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                assertEquals(0, layer.getChildren().size(), "motion off draws nothing");
                return bufferRunner.snapshot().gate().stepsTaken() > start + 8;
            });
            robot.interact(() -> view.window().motionProperty().set(Motion.Speed.NORMAL));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !layer.getChildren().isEmpty());
            robot.push(KeyCode.A);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> layer.getChildren().isEmpty());
        } finally {
            robot.interact(() -> view.window().motionProperty().set(Motion.Speed.NORMAL));
        }
    }

    /**
     * Motion never falls behind a run: in a free run of some sixty puts and takes a second (about
     * one a frame), items are drawn one at a time, each when it happened, rather than a cloud of
     * tokens trailing the run.
     */
    @Test
    void motionKeepsUpWithAFreeRun(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        Pane layer = robot.lookup("#motion-layer").queryAs(Pane.class);
        AtomicInteger itemsDrawn = new AtomicInteger();
        AtomicInteger fadedOut = new AtomicInteger();
        ListChangeListener<Node> counter = change -> {
            while (change.next()) {
                change.getAddedSubList().stream().filter(n -> n.getStyleClass().contains("motion-item"))
                        .forEach(n -> itemsDrawn.incrementAndGet());
                change.getRemoved().stream().filter(n -> n.getOpacity() < 0.05).forEach(n -> fadedOut.incrementAndGet());
            }
        };
        robot.interact(() -> {
            view.window().motionProperty().set(Motion.Speed.NORMAL);
            buffer.producersProperty().set(1);
            buffer.consumersProperty().set(1);
            buffer.produceMinMillisProperty().set(20);
            buffer.produceMaxMillisProperty().set(40);
            buffer.consumeMinMillisProperty().set(20);
            buffer.consumeMaxMillisProperty().set(40);
            layer.getChildren().addListener(counter);
        });
        try {
            robot.clickOn(OnFx.node(robot, "#run"));
            int most = 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < end) {
                int[] items = {0};
                robot.interact(() -> items[0] = (int) layer.getChildren().stream()
                        .filter(n -> n.getStyleClass().contains("motion-item")).count());
                most = Math.max(most, items[0]);
                Thread.sleep(20);
            }
            long moves = 2 * bufferRunner.snapshot().consumed();
            assertTrue(moves > 60, "the run went on: " + moves + " puts and takes");
            // A flight takes a third of a second: about nine in 3 s, whatever the machine's load.
            assertTrue(itemsDrawn.get() >= 4, "items are drawn: " + itemsDrawn.get());
            assertTrue(itemsDrawn.get() < moves / 2, itemsDrawn.get() + " drawn of " + moves
                    + " moves: a free run's moves are not all drawn");
            // One in flight, and the one before it in the frame it lands, at most.
            assertTrue(most <= 2, most + " items in flight at once");
            // Each fades as it lands, rather than cover the slot or chip it reached.
            assertTrue(fadedOut.get() >= 3, fadedOut.get() + " of " + itemsDrawn.get() + " landed faded out");
        } finally {
            robot.interact(() -> layer.getChildren().removeListener(counter));
        }
    }

    /**
     * Stepping, every move is drawn, and steps taken faster than their flights (here 80 ms apart,
     * slow flights of a second) shorten them rather than queue them: the picture keeps up with the
     * steps (queued, moves more than three flights behind were not drawn at all).
     */
    @Test
    void stepsFasterThanTheirFlightsShortenThem(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        Pane layer = robot.lookup("#motion-layer").queryAs(Pane.class);
        AtomicInteger itemsDrawn = new AtomicInteger();
        ListChangeListener<Node> counter = change -> {
            while (change.next()) {
                change.getAddedSubList().stream().filter(n -> n.getStyleClass().contains("motion-item"))
                        .forEach(n -> itemsDrawn.incrementAndGet());
            }
        };
        robot.interact(() -> {
            view.window().motionProperty().set(Motion.Speed.SLOW);
            buffer.produceMinMillisProperty().set(0);
            buffer.produceMaxMillisProperty().set(0);
            buffer.consumeMinMillisProperty().set(0);
            buffer.consumeMaxMillisProperty().set(0);
            layer.getChildren().addListener(counter);
        });
        try {
            int steps = 0;
            while (steps < 12) {
                robot.push(KeyCode.S);
                steps++;
                Thread.sleep(80);
            }
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> layer.getChildren().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(RunState.PAUSED, bufferRunner.state(), "S from idle starts the run paused");
            long moves = bufferRunner.snapshot().buffer().produced() + bufferRunner.snapshot().buffer().consumed();
            assertTrue(moves >= 4 && moves <= 2L * steps, "the steps moved items, one step at a time: " + moves
                    + " moves in " + steps + " steps");
            // Queued, moves more than three slow flights behind were not drawn at all.
            assertEquals(moves, itemsDrawn.get(), "every move is drawn");
        } finally {
            robot.interact(() -> {
                layer.getChildren().removeListener(counter);
                view.window().motionProperty().set(Motion.Speed.NORMAL);
            });
        }
    }

    /**
     * Auto-step is offered only where Step applies: the Counter & Sum view cannot step, and S there
     * says where steps are (it did nothing and said nothing, the greyed-out button no tooltip).
     */
    @Test
    void autoStepIsOfferedOnlyWhereStepApplies(FxRobot robot) {
        assertTrue(OnFx.get(() -> robot.lookup("#auto-step").queryAs(ToggleButton.class).isDisabled()), "Counter & Sum cannot step");
        robot.clickOn(OnFx.node(robot, "#tab-calls"));
        robot.push(KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MainView.NO_STEP_HERE, OnFx.text(robot, "#status"));
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        assertFalse(OnFx.get(() -> robot.lookup("#auto-step").queryAs(ToggleButton.class).isDisabled()));
    }

    /** The wait sets are queues of the workers' own chips, in wait order. */
    @Test
    void waitSetsAreChipsInWaitOrder(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        robot.interact(() -> {
            buffer.capacityProperty().set(1);
            buffer.producersProperty().set(4);
            buffer.consumersProperty().set(1);
            buffer.produceMinMillisProperty().set(0);
            buffer.produceMaxMillisProperty().set(0);
            buffer.consumeMinMillisProperty().set(300);
            buffer.consumeMaxMillisProperty().set(300);
        });
        robot.clickOn(OnFx.node(robot, "#run"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> buffer.notFullWaiters().size() >= 2);
        robot.clickOn(OnFx.node(robot, "#pause"));
        settle();
        List<String> waiters = List.copyOf(buffer.notFullWaiters());
        var queue = robot.lookup("#not-full-queue").queryAs(FlowPane.class);
        // A shorter queue hides the chips past its end: those shown are the queue.
        List<Node> chips = queue.getChildren().stream()
                .filter(n -> n.getStyleClass().contains("worker") && n.isVisible()).toList();
        List<String> shown = chips.stream().map(n -> n.getId().substring("not-full-queue-".length())).toList();
        assertEquals(waiters, shown);
        assertTrue(chips.stream().allMatch(n -> n.getPseudoClassStates().toString().contains("waiting-not-full")));
        // The occupancy axis is the buffer's size in whole slots: 0 and 1 for one slot. The plot is
        // below the fold at 1280x800, and drawn once scrolled to.
        LivePlot occupancy = robot.lookup("#occupancy-chart").queryAs(LivePlot.class);
        robot.interact(() -> robot.lookup("#buffer-live").queryAs(ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("0", "1"), occupancy.yTickLabels());
    }

    /**
     * One run at a time: with the buffer's run going, Space in the other tab starts nothing, the status
     * bar says why, and the buffer's tab says its run is running; that run goes on being sampled (and
     * plotted) while its tab is hidden.
     */
    @Test
    void oneRunAtATimeAndHiddenRunsKeepBeingPlotted(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        robot.interact(() -> {
            buffer.produceMinMillisProperty().set(0);
            buffer.produceMaxMillisProperty().set(5);
        });
        robot.clickOn(OnFx.node(robot, "#run"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> buffer.occupancySeries().getData().size() > 2);
        robot.clickOn(OnFx.node(robot, "#tab-calls"));
        assertEquals("▶ running", OnFx.text(robot, "#badge-buffer"));
        assertTrue(OnFx.get(() -> robot.lookup("#run").queryButton().isDisabled()));
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertTrue(status.getText().contains("The run in Bounded Buffer is running"), status.getText());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunState.IDLE, callRunner.state(), "a second run is refused");
        assertTrue(status.getText().startsWith("Refused: the run in Bounded Buffer is still running"), status.getText());

        double hiddenSince = lastX(buffer.occupancySeries());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lastX(buffer.occupancySeries()) > hiddenSince + 1);
        var points = buffer.occupancySeries().getData();
        for (int i = 1; i < points.size(); i++) {
            double gap = points.get(i).getXValue().doubleValue() - points.get(i - 1).getXValue().doubleValue();
            // Sampled ten times a second while hidden; 1.5 s allows a loaded machine's stalls (a tab that
            // stopped sampling never gets past the wait above).
            assertTrue(gap < 1.5, "no gap in the plot while hidden: " + gap + " s before point " + i);
        }
        // The buffer's run ends while the class looks at Counter & Sum: the refusal goes with it (it
        // said "still running" until the next command).
        robot.interact(buffer::stop);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bufferRunner.state() == RunState.IDLE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> OnFx.get(status::getText).startsWith("Idle"));
        assertFalse(OnFx.get(status::getText).contains("Refused"), OnFx.get(status::getText));
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "■ stopped".equals(
                OnFx.text(robot, "#badge-buffer")));
        assertFalse(OnFx.text(robot, "#badge-buffer").contains("done"),
                "a stopped run is not called done");
        // Nor coloured as a failure: a Stop and a wrong total shared one brown (a tryout in the dark theme).
        assertFalse(OnFx.node(robot, "#badge-buffer").getPseudoClassStates().contains(PseudoClass.getPseudoClass("failed")),
                "a stopped run is no failure");
    }

    /**
     * A stopped run's efficiency is over the calls that ran, and its card says so: a teacher read
     * "Efficiency 99.8 %" on a run stopped at 465 calls of 1,000 as a fine run.
     */
    @Test
    void aStoppedRunsEfficiencyIsOverTheCallsThatRan(FxRobot robot) throws Exception {
        setCalls(robot, 1_000, 100, 1_000);
        assertEquals("ideal ÷ elapsed", OnFx.text(robot, "#efficiency-detail"));
        robot.clickOn(OnFx.node(robot, "#run"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> calls.callsCompletedProperty().get() > 50);
        robot.clickOn(OnFx.node(robot, "#stop"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> OnFx.text(robot, "#verdict").startsWith("Stopped after"));
        assertEquals("over the calls run before Stop", OnFx.text(robot, "#efficiency-detail"));
    }

    private static double lastX(XYChart.Series<Number, Number> series) {
        var data = series.getData();
        return data.isEmpty() ? 0 : data.getLast().getXValue().doubleValue();
    }

    /** Text grows with the window: 13 px up to 1280x800, about 1.8 times that at 2560x1440, at most twice. */
    @Test
    void textScalesWithTheWindow() {
        assertEquals(13, MainView.fontSizeFor(1024, 700));
        assertEquals(13, MainView.fontSizeFor(1280, 800));
        assertEquals(23.5, MainView.fontSizeFor(2560, 1440));
        assertEquals(26, MainView.fontSizeFor(3840, 2160));
    }

    /**
     * At 1024x700 the figure cards keep their columns when a run's detail line appears under the
     * counter ("78,299 not yet returned" made them go from four columns to two at Run, and back at
     * the end, moving everything below): the line wraps within its card, whole.
     */
    @Test
    void theFigureCardsKeepTheirColumnsWhenADetailLineAppears(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        GridPane figures = (GridPane) robot.lookup("#counter-value").query().getParent().getParent();
        Label detail = robot.lookup("#counter-value-detail").queryAs(Label.class);
        Region card = (Region) detail.getParent();
        Label efficiency = robot.lookup("#efficiency-detail").queryAs(Label.class);
        int[] columns = new int[3];
        double[] lines = new double[1];
        robot.interact(() -> {
            view.applyCss();
            view.layout();
            columns[0] = figures.getColumnConstraints().size();
            double before = card.getHeight();
            detail.textProperty().unbind(); // as a run sets it, without running 100,000 calls here
            detail.setText("78,299 not yet returned");
            view.applyCss();
            view.layout();
            columns[1] = figures.getColumnConstraints().size();
            lines[0] = (card.getHeight() - before) / (1.35 * detail.getFont().getSize());
            // A stopped run's: it kept two columns for the rest of the session (the widest text seen stays).
            efficiency.textProperty().unbind();
            efficiency.setText("over the calls run before Stop");
            view.applyCss();
            view.layout();
            columns[2] = figures.getColumnConstraints().size();
        });
        assertEquals(4, columns[0], "four columns at 1024x700");
        assertEquals(4, columns[1], "still four with the detail line");
        assertEquals(4, columns[2], "still four with a stopped run's efficiency detail");
        assertFalse(detail.isTextTruncated(), "the detail wraps, whole");
        assertFalse(efficiency.isTextTruncated(), "the efficiency detail wraps, whole");
        // Wrapped at the card's width: the card grows by a line at most, not by a word to a line (a
        // preferred width of 1 on the line did that: the grid asked its height for no width).
        assertTrue(lines[0] <= 1.3, "the card grew by " + lines[0] + " lines");
    }

    /** At 1024x700 with 16 producers and 16 consumers the buffer view scrolls, and its plots keep their height. */
    @Test
    void smallestWindowScrollsRatherThanSqueezing(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        robot.interact(() -> {
            buffer.producersProperty().set(16);
            buffer.consumersProperty().set(16);
        });
        robot.clickOn(OnFx.node(robot, "#run"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> buffer.workers().size() == 32);
        WaitForAsyncUtils.waitForFxEvents();
        // Looked up on the FX thread: the running view changes its nodes meanwhile (a lookup from the
        // test's thread walked a list of children as it shrank: IndexOutOfBoundsException, in CI).
        robot.interact(() -> {
            LivePlot occupancy = (LivePlot) view.lookup("#occupancy-chart");
            ScrollPane live = (ScrollPane) view.lookup("#buffer-live");
            assertTrue(occupancy.getHeight() >= 200, "plot height " + occupancy.getHeight());
            assertTrue(live.getContent().getBoundsInLocal().getHeight() > live.getViewportBounds().getHeight(),
                    "the view is taller than the window, so it scrolls");
            for (String id : List.of("#produced", "#consumed", "#waits-full", "#waits-empty", "#last-action")) {
                assertFalse(((Label) view.lookup(id)).isTextTruncated(), id + " is cut");
            }
        });
    }

    private long settle() {
        long last = -1;
        int still = 0;
        while (still < 10) {
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            long now = buffer.actionsProperty().get();
            still = now == last ? still + 1 : 0;
            last = now;
        }
        return last;
    }

    private void setCalls(FxRobot robot, int n, int concurrency, int maxSleep) {
        robot.interact(() -> {
            calls.callsProperty().set(n);
            calls.concurrencyProperty().set(concurrency);
            calls.maxSleepMillisProperty().set(maxSleep);
        });
    }

    // ---- a window fit for a classroom: zoom, themes, menus, exports, kept settings ----

    /**
     * The figure cards keep their columns when a text narrows at a run's end: at 150 % "at the end"
     * becoming "97.1 %" put them from two columns into four under a class's eyes. Here a wide text
     * makes two columns, and the short one that replaces it keeps them.
     */
    @Test
    void theFigureCardsKeepTheirColumnsWhenATextNarrows(FxRobot robot) {
        GridPane figures = (GridPane) robot.lookup("#counter-value").query().getParent().getParent();
        Label efficiency = robot.lookup("#efficiency").queryAs(Label.class);
        int[] columns = new int[3];
        robot.interact(() -> {
            view.applyCss();
            view.layout();
            columns[0] = figures.getColumnConstraints().size();
            efficiency.textProperty().unbind(); // as a run sets it
            efficiency.setText("at the end of the run, once its ideal is known");
            view.applyCss();
            view.layout();
            columns[1] = figures.getColumnConstraints().size();
            efficiency.setText("97.1 %");
            view.applyCss();
            view.layout();
            columns[2] = figures.getColumnConstraints().size();
        });
        assertEquals(4, columns[0], "four columns at first");
        assertEquals(2, columns[1], "two for the wide text");
        assertEquals(2, columns[2], "still two when it narrows");
    }

    /**
     * Arrow keys, Home and End pressed inside a view stay there: the window's tab pane switched to the
     * previous tab on Left from the focused timeline (and from any control inside that left it unused).
     */
    @Test
    void arrowKeysInsideAViewDoNotSwitchTabs(FxRobot robot) {
        robot.interact(() -> view.select("buffer"));
        WaitForAsyncUtils.waitForFxEvents();
        Node timeline = robot.lookup("#timeline").query();
        robot.interact(timeline::requestFocus);
        for (KeyCode key : List.of(KeyCode.LEFT, KeyCode.LEFT, KeyCode.RIGHT, KeyCode.HOME, KeyCode.END, KeyCode.UP)) {
            robot.push(key);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("tab-buffer", robot.lookup("#scenarios").queryAs(TabPane.class).getSelectionModel()
                    .getSelectedItem().getId(), "after " + key);
        }
    }

    /**
     * A guide's title reached by Tab opens by Enter and folds by Space, time and again, and Space
     * there is the guide's, not Run: a keyboard-only tryout found Enter doing nothing and Space
     * starting a run (the window took it). A control clicked still leaves Space the window's
     * ({@link #keysStayTheWindowsWhenAFocusedSettingIsLockedOrAFieldTakesItsValue}).
     */
    @Test
    void enterAndSpaceOpenAndFoldAGuideReachedByTab(FxRobot robot) {
        // The buffer's guide too, built apart from the others: Enter did nothing there (a keyboard tryout).
        record Guide(String tab, String id, Runner<?, ?, ?> runner) {
        }
        for (Guide where : List.of(new Guide("#tab-calls", "#calls-guide", callRunner),
                new Guide("#tab-buffer", "#lab-guide", bufferRunner))) {
            robot.clickOn(OnFx.node(robot, where.tab()));
            TitledPane guide = robot.lookup(where.id()).queryAs(TitledPane.class);
            tabTo(robot, guide);
            assertFalse(guide.isExpanded());
            robot.push(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(guide.isExpanded(), where.id() + ": Enter opens it");
            robot.push(KeyCode.SPACE);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(guide.isExpanded(), where.id() + ": Space folds it");
            robot.push(KeyCode.SPACE);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(guide.isExpanded(), where.id() + ": a second Space opens it again");
            assertTrue(guide.isFocused() && guide.isFocusVisible(), where.id() + ": its ring still shows");
            assertEquals(RunState.IDLE, where.runner().state(), where.id() + ": no run started");
            assertEquals("Run", OnFx.text(robot, "#run"), where.id() + ": no run started");
            robot.interact(() -> guide.setExpanded(false));
        }
    }

    /**
     * A guide's setup pressed by the keys hands them to the window, so that Space runs as the line it
     * writes says ("Press Run (Space)"): left on the button, Space set it up again and nothing ran (a
     * presenter's tryout).
     */
    @Test
    void spaceRunsAfterASetupPressedByTheKeys(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        TitledPane guide = robot.lookup("#lab-guide").queryAs(TitledPane.class);
        robot.interact(() -> {
            guide.setAnimated(false);
            guide.setExpanded(true);
        });
        tabTo(robot, robot.lookup("#lab-guide-apply").query());
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(OnFx.get(() -> buffer.guideAppliedProperty().get()).startsWith("Set: "), "Space pressed Apply");
        assertEquals(view, OnFx.get(() -> stage.getScene().getFocusOwner()), "the keys are the window's");
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bufferRunner.state() == RunState.RUNNING);
    }

    /**
     * Page Down and Page Up scroll the page shown a screen less two lines, and Ctrl+End and Ctrl+Home
     * to its foot and top, where the control with the keys does not take them: the race lab's pages
     * have nothing to Tab to under their plots, and a keyboard-only student could not scroll them.
     */
    @Test
    void thePageKeysScrollThePageShown(FxRobot robot) {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        ScrollPane page = robot.lookup("#buffer-live").queryAs(ScrollPane.class);
        tabTo(robot, robot.lookup("#lab-guide").query());
        double[] sizes = OnFx.get(() -> new double[] {page.getContent().getLayoutBounds().getHeight(),
                page.getViewportBounds().getHeight()});
        assertTrue(sizes[0] > sizes[1] + 100, "the page scrolls: " + Arrays.toString(sizes));
        assertEquals(0, OnFx.get(page::getVvalue), 1e-9);
        robot.push(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        double down = OnFx.get(page::getVvalue) * (sizes[0] - sizes[1]);
        double em = OnFx.get(() -> ((Labeled) page.lookup(".label")).getFont().getSize());
        assertEquals(Math.min(sizes[1] - 2 * em, sizes[0] - sizes[1]), down, 1, "a screen down, less two lines, of a"
                + " viewport " + sizes[1] + " px tall");
        robot.push(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, OnFx.get(page::getVvalue), 1e-9, "a screen up");
        robot.push(KeyCode.CONTROL, KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, OnFx.get(page::getVvalue), 1e-9, "Ctrl+End: the foot");
        robot.push(KeyCode.CONTROL, KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, OnFx.get(page::getVvalue), 1e-9, "Ctrl+Home: the top");
        assertTrue(OnFx.get(() -> robot.lookup("#lab-guide").query().isFocused()), "the keys stay where they were");
        // In a field, Ctrl+End is the field's (the end of its text): the page stays.
        TextField field = robot.lookup("#capacity-field").queryAs(TextField.class);
        robot.interact(field::requestFocus);
        double before = OnFx.get(page::getVvalue);
        robot.push(KeyCode.CONTROL, KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, OnFx.get(page::getVvalue), 1e-9, "Ctrl+End in a field: the field's");
        assertEquals(OnFx.get(() -> field.getText().length()), OnFx.get(field::getCaretPosition), "its caret at the end");
    }

    /** Presses Tab until {@code target} has the focus (within 80 presses), as a keyboard user does. */
    private void tabTo(FxRobot robot, Node target) {
        for (int press = 0; press < 80 && !OnFx.get(target::isFocused); press++) {
            robot.push(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(OnFx.get(target::isFocused), "Tab never reached " + target.getId() + ": the focus is on "
                + OnFx.get(() -> stage.getScene().getFocusOwner()));
    }

    /** A window that opens zoomed (the zoom last chosen) says so in its status bar. */
    @Test
    void aWindowOpenedZoomedSaysSo(FxRobot robot) {
        String[] status = new String[1];
        robot.interact(() -> {
            WindowModel zoomed = new WindowModel(null, Theme.LIGHT);
            zoomed.zoomProperty().set(1.5);
            MainView opened = new MainView(List.of(CallsScenario.tab(new CallsViewModel(new CallRunner()))),
                    new FrameStats(), zoomed);
            status[0] = ((Label) opened.lookup("#status")).getText();
            opened.stopSampling();
        });
        assertTrue(status[0].startsWith("Zoom 150 %, as last chosen  ·  Ctrl+= larger"), status[0]);
    }

    /** Pause turning into Resume moves nothing on the tool bar: Step stayed under the pointer of who paused. */
    @Test
    void pauseAndResumeTakeOneWidth(FxRobot robot) {
        Button pause = robot.lookup("#pause").queryAs(Button.class);
        Node step = robot.lookup("#step").query();
        double[] x = new double[2];
        robot.interact(() -> {
            view.applyCss();
            view.layout();
            x[0] = step.localToScene(0, 0).getX();
            pause.setText("Resume");
            view.applyCss();
            view.layout();
            x[1] = step.localToScene(0, 0).getX();
            view.refresh(); // back to what the state says
        });
        assertEquals(x[0], x[1], 0.5, "Step's place with Pause, then with Resume");
    }

    /**
     * The zoom says where it is: in the status bar at each Ctrl+= (or Ctrl and +) / Ctrl+- / Ctrl+0, for
     * a few seconds, and in View > Actual size.
     */
    @Test
    void theZoomSaysWhereItIs(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertTrue(status.getText().startsWith("Zoom 110 %  ·  Ctrl+= larger"), status.getText());
        MenuItem reset = ((MenuBar) view.lookup("#menu-bar")).getMenus().stream()
                .flatMap(menu -> menu.getItems().stream())
                .filter(item -> "menu-zoom-reset".equals(item.getId())).findFirst().orElseThrow();
        assertEquals("Actual size (now 110 %)", reset.getText());
        for (int i = 0; i < 6; i++) {
            robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Zoom 200 %, the largest  ·  Ctrl+- smaller, Ctrl+0 actual size (100 % to 200 %)",
                status.getText());
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Zoom 100 %  ·  Ctrl+= larger (100 % to 200 %)", status.getText());
        assertEquals("Actual size", reset.getText());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS); // Ctrl and + on a US keyboard: it did nothing
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(status.getText().startsWith("Zoom 110 %  ·  "), status.getText());
        // The words go after a few seconds (they stood in for the view's own line until the next command):
        // the timer runs for ZOOM_NOTICE, and its end, run here at once, takes them away.
        PauseTransition ends = view.zoomNoticeEnds();
        assertEquals(Animation.Status.RUNNING, OnFx.get(ends::getStatus));
        assertEquals(MainView.ZOOM_NOTICE, ends.getDuration());
        robot.interact(() -> {
            ends.stop();
            ends.getOnFinished().handle(null);
        });
        assertFalse(status.getText().startsWith("Zoom"), status.getText());
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * At 150 % (Ctrl+= three times) the figure cards have at least their preferred size, in two
     * columns where four do not fit. At 200 % (Ctrl+= up to the last step) every tool bar button
     * and every control of the settings panel has at least its preferred size: the panel scrolls
     * rather than squeezes, and the figure cards stand in one column. No two cards overlap.
     */
    @Test
    void at200PercentNothingIsSqueezed(FxRobot robot) {
        for (int i = 0; i < 3; i++) {
            robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.5, view.window().zoomProperty().get());
        assertEquals(List.of(), figureCards(robot), "figure cards at 150 %");
        for (int i = 0; i < 8; i++) {
            robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2.0, view.window().zoomProperty().get(), "Ctrl+= zooms to 200 %");
        assertEquals(26, view.fontSize(), 0.01, "the root font doubles");
        List<String> squeezed = new ArrayList<>();
        robot.interact(() -> {
            view.applyCss();
            view.layout();
            for (Node node : robot.lookup("#toolbar .button").queryAll()) {
                check((Region) node, squeezed);
            }
            for (String query : List.of(".settings .button", ".settings .text-field", ".settings .toggle-button")) {
                for (Node node : robot.lookup(query).queryAll()) {
                    check((Region) node, squeezed);
                }
            }
        });
        assertEquals(List.of(), squeezed);
        assertEquals(List.of(), figureCards(robot), "figure cards at 200 % (one column)");
        // The large run's count whole ("1,000,000 / 1,000..." was cut at 200 % in 2560x1440).
        Label completed = robot.lookup("#calls-completed").queryAs(Label.class);
        robot.interact(() -> {
            completed.textProperty().unbind();
            completed.setText("1,000,000 / 1,000,000");
            view.applyCss();
            view.layout();
        });
        assertEquals(List.of(), figureCards(robot), "figure cards at 200 % with the large run's count");
        assertFalse(completed.isTextTruncated(), completed.getText());
        // The tool bar's icons grow with the text: as tall as its letters, not left at 100 %'s size.
        for (String id : List.of("#run", "#pause", "#step", "#auto-step", "#stop", "#reset")) {
            Labeled button = robot.lookup(id).queryAs(Labeled.class);
            double[] heights = new double[2];
            robot.interact(() -> {
                heights[0] = button.getGraphic().getLayoutBounds().getHeight();
                heights[1] = button.getFont().getSize();
            });
            assertTrue(heights[0] >= 0.8 * heights[1], id + "'s icon is " + heights[0] + " px tall beside "
                    + heights[1] + " px text");
        }
        assertFalse(OnFx.get(() -> robot.lookup("#run").queryButton().isDisabled()));
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, view.window().zoomProperty().get(), "Ctrl+0 is 100 % again");
    }

    /** The figure cards shown that are narrower or lower than they would like, or that overlap another. */
    private List<String> figureCards(FxRobot robot) {
        List<String> cards = new ArrayList<>();
        robot.interact(() -> {
            view.applyCss();
            view.layout();
            List<Node> shown = robot.lookup(".figure").queryAll().stream()
                    .filter(Node::isVisible).toList();
            for (Node node : shown) {
                check((Region) node, cards);
            }
            // Nor do two cards overlap (a card kept the span of the four-column layout: Sum lay over Calls completed).
            for (Node a : shown) {
                for (Node b : shown) {
                    Bounds ab = a.localToScene(a.getLayoutBounds());
                    Bounds bb = b.localToScene(b.getLayoutBounds());
                    if (a != b && a.getParent() == b.getParent() && a.getScene() != null
                            && ab.getMinX() < bb.getMaxX() - 1 && bb.getMinX() < ab.getMaxX() - 1
                            && ab.getMinY() < bb.getMaxY() - 1 && bb.getMinY() < ab.getMaxY() - 1) {
                        cards.add(((Label) a.lookup(".figure-caption")).getText() + " overlaps "
                                + ((Label) b.lookup(".figure-caption")).getText());
                    }
                }
            }
        });
        return cards;
    }

    private static void check(Region region, List<String> squeezed) {
        if (!region.isVisible() || region.getScene() == null) {
            return;
        }
        double prefWidth = region.prefWidth(-1);
        double prefHeight = region.prefHeight(region.getWidth());
        if (region.getWidth() < prefWidth - 0.5 || region.getHeight() < prefHeight - 0.5) {
            squeezed.add(String.format(Locale.ROOT, "%s %s: %.0fx%.0f < %.0fx%.0f", region.getId(),
                    region.getStyleClass(), region.getWidth(), region.getHeight(), prefWidth, prefHeight));
        }
    }

    /** The theme switch (Ctrl+T) recolours the canvas plots: a series' colour is read from the theme's stylesheet. */
    @Test
    void theThemeSwitchRecoloursThePlots(FxRobot robot) {
        LivePlot plot = robot.lookup("#throughput-chart").queryAs(LivePlot.class);
        Paint light = plot.seriesColor(0);
        assertEquals(Color.web("#0072b2"), light, "Okabe-Ito blue on the light theme");
        robot.push(KeyCode.CONTROL, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            assertEquals(Theme.DARK, view.window().themeProperty().get());
            assertTrue(view.getPseudoClassStates().contains(PseudoClass.getPseudoClass("dark")));
            Paint dark = plot.seriesColor(0);
            assertNotEquals(light, dark, "the series colour follows the theme");
            assertEquals(Color.web("#56b4e9"), dark);
        } finally {
            robot.interact(() -> view.window().themeProperty().set(Theme.LIGHT));
        }
        assertEquals(light, plot.seriesColor(0), "and back");
    }

    /**
     * The window's shortcuts work with the keys on a delay's range slider (where Enter in its field
     * puts them): Ctrl+T and Ctrl+= did nothing there, the slider keeping them (a tryout, mid-demo).
     */
    @Test
    void theShortcutsWorkFromADelaysRangeSlider(FxRobot robot) {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        Node field = robot.lookup("#produce-delay-max").query();
        robot.interact(field::requestFocus); // below the panel's fold at this size
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(OnFx.get(() -> view.getScene().getFocusOwner()) instanceof RangeSlider,
                "Enter gave the keys to the range: " + OnFx.get(() -> view.getScene().getFocusOwner()));
        try {
            robot.push(KeyCode.CONTROL, KeyCode.T);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(Theme.DARK, view.window().themeProperty().get());
            robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(view.window().zoomProperty().get() > 1, "zoomed in: " + view.window().zoomProperty().get());
        } finally {
            robot.interact(() -> {
                view.window().themeProperty().set(Theme.LIGHT);
                view.window().zoomReset();
                view.select("calls");
            });
        }
    }

    /**
     * Ctrl+B hides the settings panel of every view, the one shown and one built later, and the
     * figures take the width; Ctrl+B again brings them back.
     */
    @Test
    void ctrlBHidesTheSettingsPanelsAndTheFiguresTakeTheWidth(FxRobot robot) {
        ScrollPane live = robot.lookup("#calls-live").queryAs(ScrollPane.class);
        double before = live.getWidth();
        robot.push(KeyCode.CONTROL, KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            assertFalse(view.window().settingsShownProperty().get());
            Node panel = view.lookupAll(".settings-scroll").iterator().next();
            assertFalse(panel.isVisible() || panel.isManaged(), "the settings panel takes no room");
            assertTrue(live.getWidth() > before + 100, "the figures take the width: " + before + " -> " + live.getWidth());
            robot.interact(() -> view.select("buffer")); // built now, hidden as the window says
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(2, view.lookupAll(".settings-scroll").size(), "both views' panels");
            for (Node each : view.lookupAll(".settings-scroll")) {
                assertFalse(each.isManaged(), "every view's panel hidden, the one built later too");
            }
            robot.push(KeyCode.CONTROL, KeyCode.B);
            WaitForAsyncUtils.waitForFxEvents();
            for (Node each : view.lookupAll(".settings-scroll")) {
                assertTrue(each.isVisible() && each.isManaged(), "back again");
            }
        } finally {
            robot.interact(() -> {
                view.window().settingsShownProperty().set(true);
                view.select("calls");
            });
        }
    }

    /**
     * Before a run there is nothing to export as CSV or JSON: each says so in the status line, and
     * no file is asked for (a CSV of the header alone, "Saved", said the run had shown nothing).
     */
    @Test
    void exportsWithNothingToExportSayWhy(FxRobot robot) {
        for (String id : List.of("menu-export-csv", "menu-export-json")) {
            robot.interact(() -> robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus()
                    .getFirst().getItems().stream().filter(item -> id.equals(item.getId())).findFirst()
                    .orElseThrow().fire());
            String status = OnFx.text(robot, "#status");
            assertTrue(status.contains("Nothing to export"), id + ": " + status);
        }
        // Counter & Sum keeps no trace in the window: it says where one is to be had, not "yet" (a
        // teacher's tryout took "Nothing to export yet" to mean a run would give one).
        robot.interact(() -> robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus()
                .getFirst().getItems().stream().filter(item -> "menu-export-trace".equals(item.getId())).findFirst()
                .orElseThrow().fire());
        String status = OnFx.text(robot, "#status");
        assertTrue(status.startsWith("Counter & Sum records no trace in the window") && status.contains("--trace FILE"),
                status);
    }

    /**
     * A buffer run only stepped plots nothing, and Export plotted series says why in the buffer's
     * words: a teacher's tryout read there that "the race lab's measurements draw bars".
     */
    @Test
    void exportingTheSeriesOfARunOnlySteppedSaysWhyNone(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        robot.clickOn(OnFx.node(robot, "#step"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> OnFx.text(robot, "#step-text").startsWith("Step 1: "));
        robot.interact(() -> robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus()
                .getFirst().getItems().stream().filter(item -> "menu-export-csv".equals(item.getId())).findFirst()
                .orElseThrow().fire());
        String status = OnFx.text(robot, "#status");
        assertTrue(status.startsWith("Nothing to export as CSV. The plots count only the time the run runs, and a step"
                + " acts while the run is paused"), status);
        assertFalse(status.contains("race"), status);
    }

    /**
     * The exported PNG is the view's whole page, not the part on screen: in the buffer view at
     * 1280x800 its plots are below the fold, and they are in the picture, drawn (a plot out of sight
     * is not drawn until it comes into sight: blank in a picture of the page).
     */
    @Test
    void theExportedPictureIsTheWholePageWithItsPlotsDrawn(FxRobot robot) throws Exception {
        robot.clickOn(OnFx.node(robot, "#tab-buffer"));
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane scroll = robot.lookup("#buffer-live").queryAs(ScrollPane.class);
        Node page = scroll.getContent();
        Node plot = robot.lookup("#occupancy-chart").lookup((Node node) -> node instanceof Canvas).query();
        Bounds at = OnFx.get(() -> page.sceneToLocal(plot.localToScene(plot.getLayoutBounds())));
        assertTrue(OnFx.get(() -> at.getMinY() > scroll.getViewportBounds().getHeight()),
                "the plot is below the fold: " + at);
        Path png = Files.createTempFile("interleave-page", ".png");
        try {
            robot.interact(() -> {
                try {
                    view.exportPng(png);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Image image = new Image(png.toUri().toString());
            assertEquals(Math.ceil(OnFx.get(() -> page.getLayoutBounds().getHeight())), image.getHeight(), 1,
                    "the whole page");
            // The plot's frame and grid are drawn: more than the background in its rectangle.
            int background = image.getPixelReader().getArgb((int) at.getMinX() + 2, (int) at.getMinY() + 2);
            long ink = 0;
            for (int y = (int) at.getMinY(); y < (int) at.getMaxY(); y++) {
                for (int x = (int) at.getMinX(); x < (int) at.getMaxX(); x++) {
                    ink += image.getPixelReader().getArgb(x, y) != background ? 1 : 0;
                }
            }
            assertTrue(ink > 500, ink + " pixels drawn in the plot's " + at);
        } finally {
            Files.deleteIfExists(png);
        }
    }

    /** File, Export: the view as PNG, the series as CSV and the run's figures as the command line's JSON, each read back. */
    @Test
    void exportsWriteFilesThatReadBack(FxRobot robot) throws Exception {
        robot.interact(() -> {
            calls.callsProperty().set(200);
            calls.concurrencyProperty().set(20);
            calls.maxSleepMillisProperty().set(5);
        });
        robot.clickOn(OnFx.node(robot, "#run"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> OnFx.text(robot, "#verdict").startsWith("✔"));
        Path dir = Files.createTempDirectory("interleave-export");
        Path png = dir.resolve("view.png");
        Path csv = dir.resolve("series.csv");
        Path json = dir.resolve("run.json");
        try {
            robot.interact(() -> {
                try {
                    view.exportPng(png);
                    view.exportCsv(csv);
                    view.exportJson(json);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Image image = new Image(png.toUri().toString());
            assertFalse(image.isError(), "a PNG JavaFX reads");
            Node page = robot.lookup("#calls-live").queryAs(ScrollPane.class).getContent();
            assertEquals(Math.ceil(page.getLayoutBounds().getWidth()), image.getWidth(), 1);
            assertEquals(Math.ceil(page.getLayoutBounds().getHeight()), image.getHeight(), 1);

            List<String> rows = Files.readAllLines(csv);
            assertEquals("plot,series,seconds,value,measure", rows.getFirst());
            assertTrue(rows.size() > 2, "points were written: " + rows.size());
            assertTrue(rows.stream().anyMatch(r -> r.startsWith("throughput,1,000 calls") || r.startsWith("throughput,")));
            for (String row : rows.subList(1, rows.size())) {
                String[] cells = row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
                assertEquals(5, cells.length, row);
                Double.parseDouble(cells[2]);
                Double.parseDouble(cells[3]);
            }

            String text = Files.readString(json).strip();
            Matcher total = Pattern.compile("\"total\":(\\d+)").matcher(text);
            assertTrue(total.find(), text);
            assertEquals(20_100, Long.parseLong(total.group(1)));
            assertTrue(text.contains("\"calls\":200,\"concurrency\":20,") && text.contains("\"outcome\":\"ok\""), text);
            assertEquals(calls.resultJson().orElseThrow(), text, "the object --json prints for the same run");
        } finally {
            for (Path file : List.of(png, csv, json, dir)) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Alt and a menu's underlined letter opens it, from the keyboard alone (Alt+F did nothing, found
     * by a keyboard-only tryout).
     */
    @Test
    void altAndALetterOpensAMenu(FxRobot robot) throws Exception {
        Menu viewMenu = ((MenuBar) view.lookup("#menu-bar")).getMenus().stream()
                .filter(menu -> "menu-view".equals(menu.getId())).findFirst().orElseThrow();
        assertEquals("_View", viewMenu.getText());
        robot.clickOn("#status");
        robot.press(KeyCode.ALT, KeyCode.V).release(KeyCode.V, KeyCode.ALT);
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, viewMenu::isShowing);
        } finally {
            robot.interact(viewMenu::hide);
        }
    }

    /** F1 shows the keyboard map; Help, About names the versions of Interleave, Java and JavaFX. */
    @Test
    void helpShowsTheKeyboardMapAndTheVersions(FxRobot robot) {
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Dialog<?> map = view.lastDialog();
        assertTrue(map != null && map.isShowing(), "F1 opens the keyboard map");
        try {
            assertEquals("keyboard-map-scroll", map.getDialogPane().getContent().getId());
            assertEquals(List.of(), cutInKeyboardMap(robot, map), "keys or actions cut in the keyboard map");
            assertEquals("Keyboard map", map.getDialogPane().getHeaderText(), "titled in the dialog itself");
            List<String> keys = MainView.KEYS.stream().map(key -> key[0]).toList();
            assertTrue(keys.contains("Tab  Shift+Tab") && keys.contains("Enter\u00a0/\u00a0Space"), "keys: " + keys);
            // Keys that work though the map did not list them (a keyboard user's tryout).
            assertTrue(keys.contains("Ctrl+Tab  Ctrl+Shift+Tab") && keys.contains("+  -"), "keys: " + keys);
            robot.push(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(map.isShowing(), "Esc closes it, as the map says");
        } finally {
            robot.interact(map::close);
        }
        String about = MainView.aboutText();
        assertTrue(about.contains("Java " + Runtime.version()), about);
        assertTrue(about.contains("JavaFX " + System.getProperty("javafx.runtime.version")), about);
        assertTrue(about.matches("(?s)Interleave \\d+\\.\\d+.*"), about);
    }

    /**
     * At 200 %, the keyboard map stays within the window, its actions wrapped in lines of words
     * (at 2560x1440 and 200 %, one letter a line and 20,872 px tall, before), and scrolls when
     * taller than the window.
     */
    @Test
    void theKeyboardMapFitsTheWindowAt200Percent(FxRobot robot) throws Exception {
        // The headless platform's screen is no larger than this window: 200 % of 13 px text here
        // stands for a projector's screen at 26 px and more.
        try {
            robot.interact(() -> view.window().zoomProperty().set(2.0));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(view::showKeyboardMap);
            WaitForAsyncUtils.waitForFxEvents();
            Dialog<?> map = view.lastDialog();
            try {
                assertTrue(map.getWidth() <= view.getWidth(), "the map is " + map.getWidth() + " px wide in a "
                        + view.getWidth() + " px window");
                assertTrue(map.getHeight() <= view.getHeight(), "the map is " + map.getHeight() + " px tall in a "
                        + view.getHeight() + " px window");
                assertEquals(List.of(), cutInKeyboardMap(robot, map), "keys or actions cut in the keyboard map");
                double[] shown = new double[2];
                robot.interact(() -> {
                    ScrollPane scroll = (ScrollPane) map.getDialogPane().getContent();
                    shown[0] = scroll.getViewportBounds().getWidth();
                    shown[1] = ((Region) scroll.getContent()).getWidth();
                });
                assertTrue(shown[0] >= shown[1] - 1, "the map is " + shown[1] + " px wide, " + shown[0] + " px of it shown");
                // Taller than the window, it scrolls by keys: it has the focus, not Close.
                ScrollPane scroll = (ScrollPane) map.getDialogPane().getContent();
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, scroll::isFocused);
                // Page Down: a page, what it shows less a line or two (JavaFX's was 45 px of 1,000).
                robot.push(KeyCode.HOME);
                robot.push(KeyCode.PAGE_DOWN);
                WaitForAsyncUtils.waitForFxEvents();
                double[] paged = OnFx.get(() -> new double[] {scroll.getVvalue()
                        * (scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight()),
                        scroll.getViewportBounds().getHeight()});
                assertTrue(paged[0] >= 0.7 * paged[1], "Page Down scrolled " + paged[0] + " px of a " + paged[1]
                        + " px view");
                robot.push(KeyCode.END);
                WaitForAsyncUtils.waitForFxEvents();
                assertEquals(1.0, scroll.getVvalue(), 1e-9, "End: the last rows");
                robot.push(KeyCode.PAGE_UP);
                WaitForAsyncUtils.waitForFxEvents();
                assertTrue(scroll.getVvalue() < 1.0, "Page Up: " + scroll.getVvalue());
                // Each action as wide as its one line, or at least 12 em: wrapped in lines of words.
                double em = view.fontSize();
                List<String> squeezed = new ArrayList<>();
                robot.interact(() -> map.getDialogPane().lookupAll(".keyboard-map .label").forEach(node -> {
                    Label label = (Label) node;
                    if (!label.getStyleClass().contains("key")
                            && label.getWidth() < Math.min(label.prefWidth(-1), 12 * em) - 1) {
                        squeezed.add(label.getText() + ": " + label.getWidth() + " px");
                    }
                }));
                assertEquals(List.of(), squeezed, "actions squeezed at " + em + " px text");
            } finally {
                robot.interact(map::close);
            }
        } finally {
            robot.interact(() -> view.window().zoomProperty().set(1.0));
        }
    }

    /**
     * Tooltips are at the window's text size, zoom included, and wrap at about 29 em: AtlantaFX gave
     * them 14 px whatever the zoom (13 px beside 40 px text on a projector, found by a teacher's tryout).
     */
    @Test
    void tooltipsFollowTheZoom(FxRobot robot) throws Exception {
        Node field = robot.lookup("#calls-field").query();
        Node settings = robot.lookup("#calls-settings .heading").query(); // "Presets", at the panel's top
        try {
            // 150 %: the headless platform's screen is 1,000 px square, and a popup past its edge breaks it
            // (its blit throws IndexOutOfBoundsException). The pointer stays inside the settings panel: on
            // its way across the cards at 150 %, their tooltips show one after another, and the taller
            // ones run past the screen's foot.
            robot.moveTo(settings);
            robot.interact(() -> view.window().zoomProperty().set(1.5));
            WaitForAsyncUtils.waitForFxEvents();
            robot.moveTo(field);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> tooltipOf(field) != null && tooltipOf(field).isShowing());
            double[] shown = new double[2];
            robot.interact(() -> {
                shown[0] = tooltipOf(field).getFont().getSize();
                shown[1] = tooltipOf(field).getMaxWidth();
            });
            assertEquals(view.fontSize(), shown[0], 0.6, "the tooltip's text size at " + view.fontSize() + " px text");
            assertEquals(29 * shown[0], shown[1], 1, "wrapped at 29 em");
        } finally {
            robot.moveTo(settings);
            robot.interact(() -> view.window().zoomProperty().set(1.0));
        }
    }

    private static Tooltip tooltipOf(Node node) {
        return (Tooltip) node.getProperties().get("javafx.scene.control.Tooltip");
    }

    /** The keys and actions of {@code map} whose text is cut ("..."). */
    private static List<String> cutInKeyboardMap(FxRobot robot, Dialog<?> map) {
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            map.getDialogPane().applyCss();
            map.getDialogPane().layout();
            for (Node node : map.getDialogPane().lookupAll(".keyboard-map .label")) {
                Label label = (Label) node;
                if (label.isTextTruncated()) {
                    cut.add(label.getText());
                }
            }
        });
        return cut;
    }

    /**
     * Reset to defaults clears what the fields said about values typed before: "“abc” is not a whole
     * number: kept 1,000." stayed under Calls, which held its default, 1,000, and so did not change.
     */
    @Test
    void resetToDefaultsClearsTheFieldsMessages(FxRobot robot) {
        typeInto(robot, "#calls-field", "abc");
        typeInto(robot, "#concurrency-field", "-5");
        assertEquals("\u201cabc\u201d is not a whole number: kept 1,000.", message(robot, "#calls-message"));
        assertEquals("-5 is below the minimum, 1: set to 1.", message(robot, "#concurrency-message"));
        robot.interact(() -> robot.lookup("#reset-settings").queryButton().fire());
        for (String id : List.of("#calls-message", "#concurrency-message")) {
            Label line = robot.lookup(id).queryAs(Label.class);
            assertFalse(OnFx.get(line::isVisible), id + ": " + OnFx.get(line::getText));
        }
    }

    /** The settings panel's Reset to defaults puts every setting back, the fields included. */
    @Test
    void resetToDefaultsInTheSettingsPanel(FxRobot robot) {
        robot.interact(() -> {
            calls.callsProperty().set(4_321);
            calls.seedProperty().set(7);
        });
        robot.interact(() -> robot.lookup("#reset-settings").queryButton().fire());
        assertEquals(1_000, calls.callsProperty().get());
        assertEquals("1,000", OnFx.get(() -> robot.lookup("#calls-field").queryAs(TextField.class).getText()));
        assertEquals("42", OnFx.get(() -> robot.lookup("#seed").queryAs(TextField.class).getText()));
    }
}
