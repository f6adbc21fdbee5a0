package dev.interleave.ui.kit;

import javafx.event.Event;
import javafx.event.EventType;

/**
 * A view asks the window to let one chosen worker take a step (a click on its lane): it bubbles up
 * to the window, which applies the same rules as to the keys 1 to 9 (not while another tab's run
 * goes on) and calls {@link RunControls#stepWorker}.
 */
public final class StepWorkerEvent extends Event {

    public static final EventType<StepWorkerEvent> STEP_WORKER = new EventType<>(Event.ANY, "STEP_WORKER");

    private final int index;

    /** @param index the worker, 0 for the first */
    public StepWorkerEvent(int index) {
        super(STEP_WORKER);
        this.index = index;
    }

    public int index() {
        return index;
    }
}
