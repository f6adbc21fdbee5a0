package dev.interleave.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.interleave.Scenarios;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.StyledStage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What each view's live side asks of the renderer: JavaFX's scroll pane keeps a bitmap of its
 * viewport, and around a live view any change re-rendered the whole page into it (in a free 8/8
 * buffer run, most of what the renderer did). No live side keeps one.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class LiveSidesFxTest {

    private MainView view;
    private Stage stage;

    @Start
    void start(Stage primary) {
        view = new MainView(Scenarios.tabs(), new FrameStats());
        stage = StyledStage.show(view, 1024, 700); // its own: the shared primary stage keeps its size
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    @Test
    void noLiveSideKeepsABitmapOfItsViewport() throws Exception {
        List<String> cached = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String tab : EveryView.ALL) {
            WaitForAsyncUtils.asyncFx(() -> EveryView.show(view, tab)).get();
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.asyncFx(() -> {
                for (Node live : view.lookupAll(".live-scroll")) {
                    if (!seen.contains(live.getId())) {
                        seen.add(live.getId());
                        if (live.lookup(".viewport").isCache()) {
                            cached.add(live.getId());
                        }
                    }
                }
            }).get();
        }
        assertEquals(Set.of("calls-live", "buffer-live", "stepper-live", "lab-live", "philosophers-live"),
                Set.copyOf(seen));
        assertEquals(List.of(), cached, "live sides whose viewport is cached");
    }
}
