package dev.interleave.ui.shell;

import dev.interleave.ui.buffer.BufferViewModel;
import dev.interleave.ui.calls.CallsScenario;
import dev.interleave.ui.calls.CallsViewModel;
import dev.interleave.ui.buffer.BufferScenario;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.LivePlot;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import dev.interleave.engine.buffer.BufferRunner;
import dev.interleave.engine.calls.CallRunner;
import dev.interleave.engine.run.RunState;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Start
    void start(Stage stage) {
        calls = new CallsViewModel(callRunner);
        buffer = new BufferViewModel(bufferRunner);
        MainView view = new MainView(List.of(CallsScenario.tab(calls), BufferScenario.tab(buffer)), new FrameStats());
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(
                InterleaveApp.class.getResource("interleave.css")).toExternalForm());
        stage.setScene(scene);
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

    /** Moving a slider (with the keyboard, as a user can) changes the run's settings. */
    @Test
    void movingASliderChangesTheSettings(FxRobot robot) {
        int before = calls.settings().maxSleepMillis();
        robot.clickOn("#max-sleep-slider");
        robot.type(KeyCode.LEFT, 3);
        WaitForAsyncUtils.waitForFxEvents();
        int after = calls.settings().maxSleepMillis();
        assertNotEquals(before, after);
        assertEquals(String.format("%,d", after), robot.lookup("#max-sleep-field").queryAs(TextField.class).getText());

        Slider concurrency = robot.lookup("#concurrency-slider").queryAs(Slider.class);
        robot.interact(() -> concurrency.setValue(concurrency.getMax()));
        assertEquals(CallsViewModel.MAX_CONCURRENCY, calls.settings().concurrency());
    }

    /** Typing a value into a field sets it; a value out of range is clamped, never accepted. */
    @Test
    void typedValuesAreClamped(FxRobot robot) {
        robot.doubleClickOn("#calls-field").eraseText(12).write("99999999").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(CallsViewModel.MAX_CALLS, calls.settings().calls());
    }

    /** A 1,000-call run with a small max sleep ends showing 500,500 and the check mark. */
    @Test
    void thousandCallRunShowsTheCheckMark(FxRobot robot) throws Exception {
        setCalls(robot, 1_000, 100, 20);
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#verdict").queryAs(Label.class).getText().startsWith("✔"));
        assertEquals("✔ 500,500 = n(n+1)/2", robot.lookup("#verdict").queryAs(Label.class).getText());
        assertEquals("500,500", robot.lookup("#sum").queryAs(Label.class).getText());
        assertEquals("1,000 / 1,000", robot.lookup("#calls-completed").queryAs(Label.class).getText());
        // Both plots drew every point of the run, as a series named for its preset. (A plot redraws
        // at the layout pass after a point is added, so wait for the last one to be drawn.)
        for (String plot : List.of("#throughput-chart", "#in-flight-chart")) {
            LivePlot drawn = robot.lookup(plot).queryAs(LivePlot.class);
            var series = plot.equals("#throughput-chart") ? calls.throughputSeries() : calls.inFlightSeries();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return drawn.pointsDrawn() > 1 && drawn.pointsDrawn() == series.getFirst().getData().size();
            });
            assertEquals(List.of(CallsViewModel.Preset.SMALL.label()), drawn.legendNames(), plot);
        }
    }

    /** Pause freezes the numbers on screen; Resume lets the run finish. */
    @Test
    void pauseFreezesTheNumbers(FxRobot robot) throws Exception {
        setCalls(robot, 50_000, 1_000, 50);
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> calls.callsCompletedProperty().get() > 2_000);
        robot.clickOn("#pause");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // calls asleep finish their sleep, then wait
        String sum = robot.lookup("#sum").queryAs(Label.class).getText();
        String completed = robot.lookup("#calls-completed").queryAs(Label.class).getText();
        String counter = robot.lookup("#counter-value").queryAs(Label.class).getText();
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        assertEquals(sum, robot.lookup("#sum").queryAs(Label.class).getText());
        assertEquals(completed, robot.lookup("#calls-completed").queryAs(Label.class).getText());
        assertEquals(counter, robot.lookup("#counter-value").queryAs(Label.class).getText());
        assertEquals("Resume", robot.lookup("#pause").queryButton().getText());
        robot.clickOn("#pause");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#verdict").queryAs(Label.class).getText().startsWith("✔"));
    }

    /** Stop leaves no live engine task, and the keyboard drives the tool bar (Space runs, Esc stops). */
    @Test
    void stopLeavesNoLiveTask(FxRobot robot) throws Exception {
        setCalls(robot, 200_000, 20_000, 1_000);
        robot.clickOn("#tab-calls");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> callRunner.snapshot().inFlight() > 10_000);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> callRunner.state() == RunState.IDLE);
        assertEquals(0, callRunner.snapshot().inFlight());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#verdict").queryAs(Label.class).getText().startsWith("Stopped"));
    }

    /** In the buffer view one Step changes exactly one action, and the step text names it. */
    @Test
    void oneStepInTheBufferView(FxRobot robot) throws Exception {
        robot.clickOn("#tab-buffer");
        robot.interact(() -> {
            buffer.produceMinMillisProperty().set(0);
            buffer.produceMaxMillisProperty().set(5);
            buffer.consumeMinMillisProperty().set(0);
            buffer.consumeMaxMillisProperty().set(5);
        });
        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> buffer.consumedProperty().get() > 20);
        robot.clickOn("#pause");
        long before = settle();
        assertEquals("Step", robot.lookup("#step").queryButton().getText());
        robot.clickOn("#step");
        long after = settle();
        assertEquals(before + 1, after, "one step, one action");
        String text = robot.lookup("#step-text").queryAs(Label.class).getText();
        assertTrue(text.startsWith("Step 1: "), text);
        assertTrue(text.matches("Step 1: [PC]\\d+ .*"), "the step text names the worker: " + text);
        List<String> chips = robot.lookup(".worker").queryAll().stream().map(n -> n.getId()).toList();
        assertEquals(6, chips.size(), "3 producers and 3 consumers shown: " + chips);
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
}
