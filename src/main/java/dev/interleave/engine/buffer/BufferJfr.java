package dev.interleave.engine.buffer;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The bounded buffer's put, take, wait and signal as JDK Flight Recorder events (category
 * "Interleave", "Bounded Buffer"), with the item, the slot and the worker: a run started with
 * {@code -XX:StartFlightRecording:filename=run.jfr} shows them in JDK Mission Control beside the
 * JDK's own thread-park events, and {@code jfr print --events dev.interleave.Put run.jfr} lists
 * them. Without a recording they cost nothing: {@code shouldCommit()} is false and the JIT removes
 * the event objects.
 */
final class BufferJfr {

    private BufferJfr() {
    }

    @Name("dev.interleave.Put")
    @Label("Put")
    @Category({"Interleave", "Bounded Buffer"})
    @Description("A producer put an item into a slot of the bounded buffer and signalled notEmpty.")
    @StackTrace(false)
    static final class Put extends Event {
        @Label("Worker")
        String worker;
        @Label("Item")
        long item;
        @Label("Slot")
        int slot;
    }

    @Name("dev.interleave.Take")
    @Label("Take")
    @Category({"Interleave", "Bounded Buffer"})
    @Description("A consumer took an item from a slot of the bounded buffer and signalled notFull.")
    @StackTrace(false)
    static final class Take extends Event {
        @Label("Worker")
        String worker;
        @Label("Item")
        long item;
        @Label("Slot")
        int slot;
    }

    @Name("dev.interleave.Wait")
    @Label("Wait")
    @Category({"Interleave", "Bounded Buffer"})
    @Description("A worker found the buffer full (or empty) and waited on notFull (or notEmpty): the event lasts"
            + " as long as the wait.")
    @StackTrace(false)
    static final class Wait extends Event {
        @Label("Worker")
        String worker;
        @Label("Condition")
        String condition;
        @Label("Item")
        @Description("The producer's item in hand; 0 for a consumer.")
        long item;
        @Label("Slot")
        @Description("The put (or take) position waited for.")
        int slot;
    }

    @Name("dev.interleave.Signal")
    @Label("Signal")
    @Category({"Interleave", "Bounded Buffer"})
    @Description("A put signalled notEmpty, or a take notFull, and woke this many waiters.")
    @StackTrace(false)
    static final class Signal extends Event {
        @Label("Worker")
        String worker;
        @Label("Condition")
        String condition;
        @Label("Woken")
        int woken;
        @Label("Item")
        long item;
        @Label("Slot")
        int slot;
    }

    /**
     * Loads and initialises the event classes. The first use of a JFR event class loads JFR itself
     * (it instruments each event class as it loads): 100 to 300 ms here, which the first waiter
     * would otherwise spend holding the buffer's lock, with every other worker queued behind it.
     */
    static void load() {
        new Put();
        new Take();
        new Wait();
        new Signal();
    }

    static void put(Worker worker, long item, int slot) {
        Put event = new Put();
        if (event.shouldCommit()) {
            event.worker = worker.name();
            event.item = item;
            event.slot = slot;
            event.commit();
        }
    }

    static void take(Worker worker, long item, int slot) {
        Take event = new Take();
        if (event.shouldCommit()) {
            event.worker = worker.name();
            event.item = item;
            event.slot = slot;
            event.commit();
        }
    }

    static void signal(Worker worker, String condition, int woken, long item, int slot) {
        Signal event = new Signal();
        if (event.shouldCommit()) {
            event.worker = worker.name();
            event.condition = condition;
            event.woken = woken;
            event.item = item;
            event.slot = slot;
            event.commit();
        }
    }

    /** A wait's event, begun now; {@link #endWait} commits it. */
    static Wait beginWait() {
        Wait event = new Wait();
        event.begin();
        return event;
    }

    static void endWait(Wait event, Worker worker, String condition, long item, int slot) {
        event.end();
        if (event.shouldCommit()) {
            event.worker = worker.name();
            event.condition = condition;
            event.item = item;
            event.slot = slot;
            event.commit();
        }
    }
}
