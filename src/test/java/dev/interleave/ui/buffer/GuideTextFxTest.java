package dev.interleave.ui.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.interleave.engine.buffer.Bug;
import dev.interleave.engine.buffer.BufferRunner;
import dev.interleave.ui.kit.FrameStats;
import dev.interleave.ui.kit.OnFx;
import dev.interleave.ui.shell.MainView;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The buffer's guide shows whole, never a last line ending in "...", at every window width from
 * 1024 to 2560 px and every zoom a projector takes: at 150 % in 2560x1440 one-condition's question
 * read "... and who should have been woken ..." (a teacher's tryout). Laid out in a scene of its
 * own, never shown: the headless screen is smaller than 2560 px.
 */
@ExtendWith(ApplicationExtension.class)
class GuideTextFxTest {

    @Start
    void start(Stage stage) {
    }

    @Test
    void everyBugsGuideShowsWholeAtEveryWidthAndZoom() {
        BufferViewModel model = OnFx.get(() -> new BufferViewModel(new BufferRunner()));
        MainView main = OnFx.get(() -> {
            MainView view = new MainView(List.of(BufferScenario.tab(model)), new FrameStats());
            Scene scene = new Scene(view, 2560, 1440);
            scene.getStylesheets().add(Objects.requireNonNull(
                    MainView.class.getResource("interleave.css")).toExternalForm());
            view.applyCss();
            view.layout(); // the view is built on its first layout
            ((TitledPane) view.lookup("#lab-guide")).setExpanded(true);
            return view;
        });
        Label text = OnFx.get(() -> (Label) main.lookup("#lab-guide-text"));
        List<String> cut = new ArrayList<>();
        for (double zoom : new double[] {1.0, 1.5, 2.0}) {
            for (Bug bug : Bug.values()) {
                OnFx.get(() -> {
                    main.window().zoomProperty().set(zoom);
                    model.implProperty().set(bug.impls().iterator().next());
                    model.bugProperty().set(bug);
                    return null;
                });
                for (int width = 1024; width <= 2560; width += 31) {
                    int w = width;
                    boolean truncated = OnFx.get(() -> {
                        main.resize(w, 1440);
                        main.applyCss();
                        main.layout();
                        main.layout();
                        return text.isTextTruncated();
                    });
                    if (truncated) {
                        cut.add(bug + " at " + w + " px, " + Math.round(zoom * 100) + " %");
                    }
                }
            }
        }
        assertEquals(List.of(), cut.size() > 5 ? cut.subList(0, 5) : cut, cut.size() + " cut");
    }
}
