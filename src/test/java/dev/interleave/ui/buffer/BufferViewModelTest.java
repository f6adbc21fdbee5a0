package dev.interleave.ui.buffer;

import dev.interleave.engine.buffer.BufferRunner;
import dev.interleave.engine.run.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Bounded Buffer view-model, without a toolkit. */
@Timeout(60)
class BufferViewModelTest {

    @Test
    void settingsCannotBeInvalid() {
        BufferViewModel model = new BufferViewModel(new BufferRunner());
        model.capacityProperty().set(0);
        assertEquals(1, model.capacityProperty().get());
        model.capacityProperty().set(100);
        assertEquals(BufferViewModel.MAX_CAPACITY, model.capacityProperty().get());
        assertEquals(BufferViewModel.MAX_CAPACITY, model.slots().size(), "the slots follow the size while idle");
        model.producersProperty().set(17);
        assertEquals(BufferViewModel.MAX_WORKERS, model.producersProperty().get());
        model.produceMinMillisProperty().set(900);
        assertTrue(model.produceMaxMillisProperty().get() >= 900, "min never passes max");
        model.consumeMaxMillisProperty().set(5);
        assertTrue(model.consumeMinMillisProperty().get() <= 5, "max never passes min");
        model.settings(); // valid
    }

    /** Run, pause, one step: the step text names the action, and exactly one action happened. */
    @Test
    void oneStepIsOneAction() throws Exception {
        BufferRunner runner = new BufferRunner();
        BufferViewModel model = new BufferViewModel(runner);
        model.produceMinMillisProperty().set(0);
        model.produceMaxMillisProperty().set(5);
        model.consumeMinMillisProperty().set(0);
        model.consumeMaxMillisProperty().set(5);
        model.run();
        Thread.sleep(300);
        model.togglePause();
        assertEquals(RunState.PAUSED, model.stateProperty().get());
        long actions = settle(model);
        model.step();
        long after = settle(model);
        assertEquals(actions + 1, after);
        assertTrue(model.stepTextProperty().get().startsWith("Step 1: "), model.stepTextProperty().get());
        model.stop();
        while (model.stateProperty().get() != RunState.IDLE) {
            Thread.sleep(10);
            model.sample(System.nanoTime());
        }
    }

    /** Samples until the actions count holds still for 200 ms (every worker parked). */
    private static long settle(BufferViewModel model) throws InterruptedException {
        long last = -1;
        int still = 0;
        while (still < 10) {
            Thread.sleep(20);
            model.sample(System.nanoTime());
            long now = model.actionsProperty().get();
            still = now == last ? still + 1 : 0;
            last = now;
        }
        return last;
    }
}
