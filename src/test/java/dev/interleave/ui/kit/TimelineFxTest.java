package dev.interleave.ui.kit;

import java.util.List;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.interleave.engine.buffer.BufferEvent;
import dev.interleave.engine.buffer.BufferReplay;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.History;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline's zoom belongs to one run: the next run opens whole. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class TimelineFxTest {

    private Stage stage;
    private Rewind<BufferReplay> rewind;
    private Timeline<BufferReplay> timeline;

    /** Lanes with one state: enough to draw and zoom. */
    private static final class OneState implements Timeline.Lanes<BufferReplay> {
        public int stateAfter(EventLog.Batch batch, int i) {
            return 0;
        }

        public int stateOf(BufferReplay state, int lane) {
            return 0;
        }

        public int states() {
            return 1;
        }

        public String colour(int state) {
            return "-il-working";
        }

        public List<Timeline.Legend> legend() {
            return List.of(new Timeline.Legend(0, "working"));
        }

        public boolean marked(EventLog.Batch batch, int i) {
            return false;
        }

        public String mark(EventLog.Batch batch, int i) {
            return null;
        }
    }

    @Start
    void start(Stage primary) {
        rewind = new Rewind<>();
        timeline = new Timeline<>(rewind, new OneState());
        // The window's stylesheets: the timeline reads the theme's looked-up colours (without
        // them JavaFX logs a warning for each colour the canvas probes).
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage = StyledStage.show(timeline, 800, 300);
    }

    @AfterEach
    void close() {
        StyledStage.close(stage);
    }

    /** A log of one worker's registration and {@code events} more, 1 ms apart. */
    private static EventLog run(int events) throws InterruptedException {
        EventLog log = new EventLog(1_000);
        int track = log.addTrack("P1");
        log.appendNow(BufferEvent.REGISTER.ordinal(), track, 0, 0, 0);
        for (int i = 0; i < events; i++) {
            Thread.sleep(1);
            log.appendNow(BufferEvent.REQUEST.ordinal(), track, 0, 0, 0);
        }
        return log;
    }

    private void follow(EventLog log) {
        WaitForAsyncUtils.asyncFx(() -> rewind.follow(log, () -> new History<>(log, new BufferReplay(4),
                (batch, i) -> "event " + batch.seq(i))));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aZoomDoesNotCarryOverToTheNextRun() throws Exception {
        follow(run(20));
        WaitForAsyncUtils.asyncFx(() -> timeline.zoomBy(0.01, timeline.getWidth() / 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(timeline.spanNanos() > 0, "zoomed in on the first run");
        follow(run(20));
        assertEquals(0, timeline.spanNanos(), "the next run opens whole");
    }
}
