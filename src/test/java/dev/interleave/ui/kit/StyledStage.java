package dev.interleave.ui.kit;

import java.util.Objects;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A stage of its own for an FX test, styled as the window is (interleave.css): shown in the test's
 * {@code @Start}, closed after each test, so the shared primary stage keeps its size for the next
 * class. A class that shows its stage themed as the window ({@link #showThemed}) calls
 * {@link #unthemed} after its tests.
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

    /**
     * {@link #show} with the window's light theme too (AtlantaFX Primer Light, the user-agent
     * stylesheet for every stage): its paddings and looked-up colours, as the window has them. FX thread.
     */
    public static Stage showThemed(Parent root, double width, double height) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        return show(root, width, height);
    }

    /**
     * Back to JavaFX's default theme (Modena), which the other FX test classes are styled with; waits
     * until it is set. For a class's {@code @AfterAll} after {@link #showThemed}.
     */
    public static void unthemed() {
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes {@code stage} on the FX thread and waits until it is closed. */
    public static void close(Stage stage) {
        WaitForAsyncUtils.asyncFx(stage::close);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
