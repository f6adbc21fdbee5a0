package dev.interleave.ui.kit;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The wheel scrolls a live side as far as a browser's page (a notch was 40 px: a view three screens
 * tall took thirty), and leaves the wheel to a list inside.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class LiveScrollFxTest {

    private ScrollPane scroll;
    private Region tall;
    private ListView<String> list;
    private Stage stage;

    @Start
    void start(Stage primary) {
        tall = new Region();
        tall.setMinHeight(3_000);
        list = new ListView<>();
        for (int i = 0; i < 100; i++) {
            list.getItems().add("line " + i);
        }
        list.setPrefHeight(100);
        VBox content = new VBox(list, tall);
        scroll = Controls.liveScroll("live", content);
        scroll.setFitToHeight(false);
        stage = new Stage();
        stage.setScene(new Scene(scroll, 400, 500));
        stage.show();
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    /** How far the view has scrolled, in pixels. */
    private double scrolled() {
        double room = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        return scroll.getVvalue() / (scroll.getVmax() - scroll.getVmin()) * room;
    }

    private static ScrollEvent wheel(double deltaY, boolean control) {
        return new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false, control, false, false, false, false,
                0, deltaY, 0, deltaY, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
    }

    @Test
    void aNotchScrollsTwoAndAHalfTimesItsDistance(FxRobot robot) {
        robot.interact(() -> Event.fireEvent(tall, wheel(-40, false)));
        assertEquals(40 * Controls.WHEEL_SPEED, scrolled(), 1, "one notch down, 40 px by the wheel");
        robot.interact(() -> Event.fireEvent(tall, wheel(40, false)));
        assertEquals(0, scrolled(), 1, "and back");
        double[] listed = new double[1];
        robot.interact(() -> {
            Event.fireEvent(list.lookup(".list-cell"), wheel(-40, false)); // as the pointer picks it
            listed[0] = scrolled();
            Event.fireEvent(tall, wheel(-40, true));
        });
        assertEquals(0, listed[0], 1, "the list takes the wheel over it");
        assertEquals(40, scrolled(), 2, "with Ctrl held, the pane's own scroll (the timeline zooms then)");
    }
}
