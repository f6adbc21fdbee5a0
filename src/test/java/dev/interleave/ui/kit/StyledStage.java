package dev.interleave.ui.kit;

import java.util.Objects;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A stage of its own for an FX test, styled as the window is (interleave.css): shown in the test's
 * {@code @Start}, closed after each test, so the shared primary stage keeps its size for the next
 * class.
 */
public final class StyledStage {

    private StyledStage() {
    }

    /** Shows {@code root} at {@code width} x {@code height} in a new stage with the window's stylesheet. FX thread. */
    public static Stage show(Parent root, double width, double height) {
        Stage stage = new Stage();
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(
                StyledStage.class.getResource("/dev/interleave/ui/shell/interleave.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    /** Closes {@code stage} on the FX thread and waits until it is closed. */
    public static void close(Stage stage) {
        WaitForAsyncUtils.asyncFx(stage::close);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
