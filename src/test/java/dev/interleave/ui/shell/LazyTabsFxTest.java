package dev.interleave.ui.shell;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.interleave.engine.buffer.BufferRunner;
import dev.interleave.engine.calls.CallRunner;
import dev.interleave.engine.run.RunState;
import dev.interleave.ui.buffer.BufferView;
import dev.interleave.ui.buffer.BufferViewModel;
import dev.interleave.ui.calls.CallsView;
import dev.interleave.ui.calls.CallsViewModel;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.ScenarioTab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window makes a scenario's view-model and view when its tab is first shown, once: the first
 * frame builds the first scenario only, and a tab opened later works as if made up front.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class LazyTabsFxTest {

    private final AtomicInteger callsMade = new AtomicInteger();
    private final AtomicInteger buffersMade = new AtomicInteger();
    private final BufferRunner bufferRunner = new BufferRunner();
    private ScenarioTab callsTab;
    private ScenarioTab bufferTab;
    private MainView view;

    @Start
    void start(Stage stage) {
        callsTab = ScenarioTab.lazy("calls", new ScenarioTab.Title("Counter & Sum", "Counter"), "calls", () -> {
            callsMade.incrementAndGet();
            return new CallsViewModel(new CallRunner());
        }, CallsView::new);
        bufferTab = ScenarioTab.lazy("buffer", new ScenarioTab.Title("Bounded Buffer", "Buffer"), "buffer", () -> {
            buffersMade.incrementAndGet();
            return new BufferViewModel(bufferRunner);
        }, BufferView::new);
        view = new MainView(List.of(callsTab, bufferTab), new FrameStats());
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(InterleaveApp.class.getResource("interleave.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopRun() throws Exception {
        if (bufferRunner.state() != RunState.IDLE) {
            bufferRunner.stop();
        }
    }

    @Test
    void aTabsViewModelIsMadeWhenItIsFirstShownAndOnlyOnce(FxRobot robot) {
        assertEquals(1, callsMade.get(), "the first tab's view-model, for the first frame");
        assertEquals(0, buffersMade.get(), "no other tab's");
        assertTrue(bufferTab.madeModel().isEmpty());
        assertEquals("", robot.lookup("#badge-buffer").queryAs(Label.class).getText(), "no run, no badge");

        WaitForAsyncUtils.asyncFx(() -> view.select("buffer"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, buffersMade.get());
        assertSame(bufferTab.model(), view.active(), "the tool bar drives the view-model made");
        assertSame(bufferTab.view(), robot.lookup(".tab-pane").queryAs(TabPane.class)
                .getSelectionModel().getSelectedItem().getContent(), "its view, over that view-model");

        WaitForAsyncUtils.asyncFx(() -> view.select("calls"));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> view.select("buffer"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, callsMade.get(), "made once");
        assertEquals(1, buffersMade.get(), "made once");
    }

    @Test
    void aRunInATabOpenedLaterShowsInItsBadgeFromAnotherTab(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.select("buffer");
            view.active().run();
            view.select("calls");
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () ->
                robot.lookup("#badge-buffer").queryAs(Label.class).getText().contains("running"));
        bufferRunner.stop();
    }
}
