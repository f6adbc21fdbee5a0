package dev.interleave.engine.buffer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.interleave.engine.run.ChromeTrace;
import dev.interleave.engine.run.Counts;
import dev.interleave.engine.run.EventLog;

/**
 * A buffer run's event log as a Chrome trace (Perfetto, chrome://tracing): one process for the
 * run, one thread track per producer and consumer (P1, C1, ... named by metadata events), each
 * state a complete event named as the chips name it ("producing", "awaits room", "waiting for
 * monitor", ...), each put and take an instant event {@code put} / {@code take} with {@code args}
 * item and slot (and instants for a violation, with its item and slot; a spurious wake-up, with the
 * wait it woke from; a resize, with its slots; a worker asked to leave, with none; and
 * unlocked-count's look, with what it saw), and each wake-up a flow from the signalling worker's put
 * or take to the worker it woke.
 *
 * <p>Streams: the log is read in chunks and each event is written as soon as it is known, so a
 * million events are never held twice. A log that dropped its oldest events is written from the
 * oldest it kept, and says so ({@link ChromeTrace#droppedBy}); a worker's track starts at its first
 * kept event. Reads the log from any thread
 * (the run may still go on: the trace then ends at the newest event read).
 */
public final class BufferTrace {

    /** The process id of the run in the trace. */
    public static final int PID = 1;
    /** Events read from the log at a time. */
    private static final int CHUNK = 1 << 16;
    /** Category of the state slices. */
    static final String STATE = "state";
    /** Category of puts and takes. */
    static final String ACTION = "action";
    /** Category and name of the wake-up flows. */
    static final String WAKE_UP = "wake-up";

    private BufferTrace() {
    }

    /**
     * Writes {@code log}'s events, of a run of {@code settings}, as a trace to {@code out} and closes
     * it; the process is named {@link #title}.
     */
    public static void write(EventLog log, BufferSettings settings, OutputStream out) throws IOException {
        try (ChromeTrace trace = new ChromeTrace(out)) {
            new Writer(log, trace, settings.impl()).write(title(settings));
        }
    }

    /**
     * A title for a run of {@code settings}: the buffer and its bug first, then what was set for it
     * (its delays where set, {@link BufferSettings#machinery}).
     */
    public static String title(BufferSettings settings) {
        String how = settings.machinery().isEmpty() ? "" : settings.machinery() + ", ";
        String delays = settings.delays().isEmpty() ? "" : settings.delays() + ", ";
        return String.format(Locale.ROOT, "Interleave buffer run: %s buffer, bug %s, %s, %s, %s, %s%s%s threads",
                settings.impl(), settings.bug(), Counts.of(settings.producers(), "producer"),
                Counts.of(settings.consumers(), "consumer"), Counts.of(settings.capacity(), "slot"), delays, how,
                settings.threads());
    }

    /** One trace's writing: each track's current state and since when. */
    private static final class Writer {
        private final EventLog log;
        private final ChromeTrace trace;
        private final long origin;
        /** The implementation that ran: states and looks are named as its chips and code name them. */
        private final BufferImpl impl;
        /** By track: its state now, or null before its first event read (or after DONE). */
        private final List<WorkerState> state = new ArrayList<>();
        /**
         * By track: whether its state now began at unlocked-count's look (waiting for the lock, as
         * the engine counts it, but not yet asking): its span is named as the chip says it.
         */
        private final List<Boolean> looked = new ArrayList<>();
        /** By track: since when (ns from the log's origin). */
        private final List<Long> since = new ArrayList<>();
        /** By track: the time of its latest put or take, the one whose signal its WAKE events report; -1 before one. */
        private final List<Long> movedAt = new ArrayList<>();
        /** Tracks named in the trace so far. */
        private int named;
        /** The latest event time seen. */
        private long last;
        /** The first event read: its number, -1 before it; and its time. */
        private long firstSeq = -1;
        private long firstKept;
        /** The number after the last event read. */
        private long endRead;

        Writer(EventLog log, ChromeTrace trace, BufferImpl impl) {
            this.log = log;
            this.trace = trace;
            this.impl = impl;
            this.origin = log.originNanos();
        }

        void write(String title) throws IOException {
            trace.processName(PID, title);
            long end = log.written();
            long next = log.dropped();
            while (next < end) {
                EventLog.Batch batch = log.read(next, (int) Math.min(CHUNK, end - next));
                if (batch.isEmpty()) {
                    break;
                }
                nameTracks(batch.tracks());
                for (int i = 0; i < batch.size(); i++) {
                    event(batch, i);
                }
                next = batch.endSeq();
            }
            for (int track = 0; track < state.size(); track++) {
                change(track, null, false, last);
            }
            trace.pauses(PID, tid(named), log, last); // the thread id after the workers'
            trace.droppedBy(PID, tid(named) + 1, endRead, firstSeq, firstKept); // read, not the log's counts now
        }

        private void nameTracks(List<String> names) throws IOException {
            for (; named < names.size(); named++) {
                trace.threadName(PID, tid(named), names.get(named));
                trace.threadSortIndex(PID, tid(named), named);
                state.add(null);
                looked.add(false);
                since.add(0L);
                movedAt.add(-1L);
            }
        }

        private void event(EventLog.Batch batch, int i) throws IOException {
            int track = batch.track(i);
            long at = batch.nanos(i) - origin;
            last = Math.max(last, at);
            if (firstSeq < 0) {
                firstSeq = batch.seq(i);
                firstKept = at;
            }
            endRead = batch.seq(i) + 1;
            BufferEvent kind = BufferEvent.of(batch, i);
            if (!kind.aboutAWorker()) {
                String slots = String.format(Locale.ROOT, "%,d %s", batch.item(i),
                        batch.item(i) == 1 ? "slot" : "slots");
                trace.instant(PID, tid(0), "resize to " + slots, ACTION, at, "slots", batch.item(i));
                return;
            }
            if (kind == BufferEvent.DISMISS) {
                trace.instant(PID, tid(track), "asked to leave", ACTION, at);
                return;
            }
            if (kind == BufferEvent.REQUEST) {
                // Waiting for the lock from when it asked (item) until it got in (the event's time).
                long asked = Math.min(at, Math.max(since.get(track), batch.item(i) - origin));
                change(track, WorkerState.WAITING_FOR_LOCK, false, asked);
            }
            WorkerState after = BufferEvent.stateAfter(batch, i);
            change(track, after, after == WorkerState.WAITING_FOR_LOCK
                    && BufferEvent.whereAfter(batch, i) == Where.LOOKED, at);
            switch (kind) {
                case PUT, TAKE -> {
                    // Each item's making (using) a slice of its own, from the put (take) before: a
                    // producer that never waited showed one "producing" slice of 9 s over its 22 puts
                    // (a teaching assistant's tryout, counting slices against items).
                    split(track, at);
                    trace.instant(PID, tid(track), kind == BufferEvent.PUT ? "put" : "take", ACTION, at, "item",
                            batch.item(i), "slot", batch.slot(i));
                    movedAt.set(track, at);
                }
                case WAKE -> {
                    // From the signaller's put or take: the one the WAKE names where it names one (a
                    // semaphore's or a monitor's woken thread tells its wake-up when it is back, by
                    // when its waker may have moved again), else its latest (the lock buffer's WAKEs
                    // follow it in the log). None from a thread woken by the buffer itself (it grew).
                    int signaller = batch.other(i);
                    if (signaller != track) {
                        long credited = creditedMove(batch, i, signaller);
                        long from = credited >= 0 ? credited : movedAt.get(signaller);
                        // None where the signaller's move came before the oldest event kept: such a
                        // flow started at 0 s, on no put or take, in a trace of a run past its log.
                        if (from >= 0) {
                            trace.flowStart(PID, tid(signaller), batch.seq(i), WAKE_UP, WAKE_UP, from);
                            trace.flowEnd(PID, tid(track), batch.seq(i), WAKE_UP, WAKE_UP, at);
                        }
                    }
                }
                // It woke from the wait its track shows before it, named as that state is ("awaits room").
                case SPURIOUS -> trace.instant(PID, tid(track), "spurious wake-up", ACTION, at, "woke from",
                        BufferEvent.waitState(batch.other(i)).words(impl));
                case LOOK -> trace.instant(PID, tid(track), lookName(BufferEvent.lookSaw(batch, i)), ACTION, at,
                        impl == BufferImpl.SEMAPHORE ? "permits seen" : "count seen", batch.item(i), "slots",
                        batch.slot(i));
                case VIOLATION -> trace.instant(PID, tid(track), "violation", ACTION, at, "item", batch.item(i),
                        "slot", batch.slot(i));
                default -> {
                }
            }
        }

        /**
         * The time of the put or take WAKE {@code i} names ({@code slot} events before it), when it is
         * the signaller's; -1 when it names none. Read from the log when it is in the chunk before:
         * three flows of 14,368 started at the signaller's latest move instead, their WAKEs just past
         * a chunk's start (event 65,577).
         */
        private long creditedMove(EventLog.Batch batch, int i, int signaller) {
            int back = batch.slot(i);
            if (back <= 0) {
                return -1;
            }
            EventLog.Batch where = batch;
            int move = i - back;
            if (move < 0) {
                where = log.read(batch.seq(i) - back, 1);
                move = 0;
                if (where.isEmpty() || where.seq(0) != batch.seq(i) - back) {
                    return -1; // dropped since
                }
            }
            return where.track(move) == signaller && BufferEvent.of(where, move).movesAnItem()
                    ? where.nanos(move) - origin : -1;
        }

        /** unlocked-count's look, as its code reads: it went on, or will check (the semaphores: acquire). */
        private String lookName(boolean wentOn) {
            if (impl == BufferImpl.SEMAPHORE) {
                return impl.lookedWords() + (wentOn ? ": went on" : ": will acquire");
            }
            return impl.lookedWords() + (wentOn ? ": went on" : ": will check");
        }

        /**
         * Ends {@code track}'s current state at {@code at} (a complete event), and starts {@code next}
         * (null: none); {@code lookedNext}: whether that state began at unlocked-count's look, named
         * as the chip names it.
         */
        private void change(int track, WorkerState next, boolean lookedNext, long at) throws IOException {
            WorkerState now = state.get(track);
            boolean lookedNow = looked.get(track);
            if (now == next && lookedNow == lookedNext && next != null) {
                return;
            }
            long from = since.get(track);
            // A wait on a condition is a slice even when it took no time the log could tell apart
            // (events that come fast share a clock reading, EventLog#append): 1,099 "awaits room"
            // slices stood for 1,127 waits on full.
            if (now != null && (at > from || at == from && now.waitsOnACondition())) {
                trace.complete(PID, tid(track), lookedNow ? impl.lookedWords() : now.words(impl), STATE, from,
                        at - from);
            }
            state.set(track, next == null || !next.drawn() ? null : next);
            looked.set(track, lookedNext);
            since.set(track, at);
        }

        /** Ends {@code track}'s current slice at {@code at} and starts another of the same state there. */
        private void split(int track, long at) throws IOException {
            WorkerState now = state.get(track);
            long from = since.get(track);
            if (now != null && at > from) {
                trace.complete(PID, tid(track), looked.get(track) ? impl.lookedWords() : now.words(impl), STATE, from,
                        at - from);
                since.set(track, at);
            }
        }

        /** Thread ids start at 1 (0 is the process's own). */
        private static int tid(int track) {
            return track + 1;
        }
    }
}
