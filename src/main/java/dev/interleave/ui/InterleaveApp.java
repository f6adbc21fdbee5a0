package dev.interleave.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The desktop application: the main window.
 */
public final class InterleaveApp extends Application {

    /** Window title. */
    public static final String TITLE = "Interleave";

    /** Opens the window and returns when it closes. */
    public static void open() {
        Application.launch(InterleaveApp.class);
    }

    @Override
    public void start(Stage stage) {
        Label placeholder = new Label("Interleave");
        placeholder.setId("placeholder");
        stage.setTitle(TITLE);
        stage.setScene(new Scene(new StackPane(placeholder), 1280, 800));
        stage.show();
    }
}
