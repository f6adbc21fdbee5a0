package dev.interleave.ui.buffer;

import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import dev.interleave.engine.buffer.BufferSnapshot;
import dev.interleave.engine.buffer.Worker;
import dev.interleave.engine.buffer.WorkerState;
import dev.interleave.ui.kit.OnFx;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A worker chip's words say what its own thread does. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class ChipWordsFxTest {

    /** A producer holding the lock is in put(), a consumer in take(): a consumer read "C2 in put/take". */
    @Test
    void aThreadHoldingTheLockIsInItsOwnMethod() {
        assertEquals("in put()", words(Worker.Role.PRODUCER, "P2"));
        assertEquals("in take()", words(Worker.Role.CONSUMER, "C2"));
    }

    private static String words(Worker.Role role, String name) {
        return OnFx.get(() -> {
            BufferView.WorkerChip chip = new BufferView.WorkerChip("queue-");
            chip.show(new BufferSnapshot.WorkerView(name, role, WorkerState.IN_BUFFER));
            return ((Label) chip.lookup(".worker-state")).getText();
        });
    }
}
