package dev.interleave.ui.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
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
 * A view with nothing running rests: no layout pass asks for the next. The Bounded Buffer and Dining
 * Philosophers views (the scrubber's thumb at NaN before any run) and the race lab's Slow motion (a
 * width bound to the scroll pane's viewport, a new object at every pass) laid themselves out at every
 * pulse, and the renderer drew the whole window again each time: 1.2 cores of two, idle.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class IdleViewsFxTest {

    private MainView view;
    private Stage stage;

    @Start
    void start(Stage primary) {
        view = new MainView(Scenarios.tabs(), new FrameStats());
        stage = StyledStage.showThemed(view, 1280, 800);
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    @AfterAll
    static void unthemed() {
        StyledStage.unthemed();
    }

    /** For each view: no node of the window asks for more than two layouts in a second of rest. */
    @Test
    void everyIdleViewRests() throws Exception {
        List<String> restless = new ArrayList<>();
        for (String which : EveryView.ALL) {
            WaitForAsyncUtils.asyncFx(() -> EveryView.show(view, which)).get();
            Thread.sleep(500); // shown, styled, laid out, settled
            WaitForAsyncUtils.waitForFxEvents();
            Map<String, int[]> asked = new LinkedHashMap<>();
            WaitForAsyncUtils.asyncFx(() -> countLayoutRequests(asked)).get();
            Thread.sleep(1_000);
            WaitForAsyncUtils.asyncFx(() -> asked.forEach((node, count) -> {
                if (count[0] > 2) {
                    restless.add(which + ", " + node + ": " + count[0] + " layouts in 1 s");
                }
            })).get();
        }
        assertEquals(List.of(), restless);
    }

    /**
     * Counts, in {@code asked}, each time a parent of the window comes to need a layout (a layout
     * request stops at a parent already asking, so each is watched, not only the root). FX thread.
     */
    private void countLayoutRequests(Map<String, int[]> asked) {
        Deque<Parent> todo = new ArrayDeque<>(List.of(view));
        while (!todo.isEmpty()) {
            Parent parent = todo.pop();
            String name = parent.getClass().getSimpleName() + (parent.getId() == null ? "" : " #" + parent.getId());
            int[] count = asked.computeIfAbsent(name + " (" + System.identityHashCode(parent) + ")", k -> new int[1]);
            parent.needsLayoutProperty().addListener((obs, was, now) -> {
                if (now) {
                    count[0]++;
                }
            });
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (child instanceof Parent inner) {
                    todo.push(inner);
                }
            }
        }
    }
}
