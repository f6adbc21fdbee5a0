package dev.interleave.engine.philosophers;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;

import dev.interleave.engine.run.ChromeTrace;
import dev.interleave.engine.run.EventLog;

/**
 * A deadlock-lab run's event log as a Chrome trace (Perfetto, chrome://tracing): one process for
 * the run, one thread track per philosopher (P1 to PN, named by metadata events), each state a
 * complete event named as the table's legend names it ("thinking", "waiting for a fork", ...), each
 * fork picked up or put down an instant event {@code pick up} / {@code put down} with {@code args}
 * fork (F1 is 1) and the forks in hand after it, a given-up try an instant {@code give up}, the
 * deadlock an instant {@code deadlock} on the track of the philosopher whose wait closed the circle,
 * and each fork handed over (put down while another waited for it, then picked up by that one) a
 * flow from the put-down to the pick-up.
 *
 * <p>Streams: the log is read in chunks and each event is written as soon as it is known. The
 * states come from a {@link TableState} replaying the log, the same rules the window's rewind
 * uses. A log that dropped its oldest events cannot be replayed: its trace is written from the
 * oldest kept event, each philosopher's track from its first event that tells its state (the state
 * an event leaves follows from the event alone: {@link TableState#stateAfter}); what needs the
 * whole run is left out: the forks in hand, the hand-over flows, the deadlock's circle. Reads the
 * log from any thread.
 */
public final class PhilosophersTrace {

    /** The process id of the run in the trace. */
    public static final int PID = 1;
    /** Events read from the log at a time. */
    private static final int CHUNK = 1 << 16;
    /** Category of the state slices. */
    static final String STATE = "state";
    /** Category of the fork actions. */
    static final String ACTION = "action";
    /** Category and name of the hand-over flows. */
    static final String HAND_OVER = "hand-over";
    /** An eating slice the run's end (Stop, its time up, a deadlock's end) cut short: no meal counted. */
    static final String CUT_SHORT = "eating, cut short (no meal counted)";

    private PhilosophersTrace() {
    }

    /**
     * Writes {@code log}'s events, recorded by a table of {@code settings}, as a trace to {@code out}
     * and closes it.
     */
    public static void write(EventLog log, PhilosophersSettings settings, OutputStream out) throws IOException {
        try (ChromeTrace trace = new ChromeTrace(out)) {
            new Writer(log, settings, trace).write();
        }
    }

    /** A title for a run of {@code settings}. */
    public static String title(PhilosophersSettings settings) {
        return String.format(Locale.ROOT, "Interleave dining philosophers: %d philosophers, %s, %s forks, %s threads",
                settings.n(), settings.strategy().label(), settings.fair() ? "fair" : "non-fair", settings.threads());
    }

    /** The words of a state in the trace and on the timeline's legend. */
    public static String words(PhilosopherState state) {
        return switch (state) {
            case THINKING -> "thinking";
            case HUNGRY -> "hungry";
            case WAITING_FOR_SEAT -> "waiting for a seat";
            case WAITING_FOR_FORK -> "waiting for a fork";
            case TRYING_FORK -> "trying a fork";
            case EATING -> "eating";
            case PUTTING_DOWN -> "putting forks down";
            case BACKING_OFF -> "backing off";
            case AT_GATE -> "at its gate";
            case DONE -> "left the table";
        };
    }

    /** One trace's writing. */
    private static final class Writer {
        private final EventLog log;
        private final PhilosophersSettings settings;
        private final ChromeTrace trace;
        private final long origin;
        private final int n;
        /** The table replayed so far, or null when the log dropped events (nothing to replay from). */
        private final TableState table;
        /** By philosopher: the state its open slice shows, or null. */
        private final PhilosopherState[] shown;
        /** By philosopher: since when (ns from the log's origin). */
        private final long[] since;
        /** By fork: the put-down that another philosopher waited for (its philosopher and time), or -1. */
        private final int[] handOverFrom;
        private final long[] handOverAt;
        /** The latest event time seen. */
        private long last;
        /** The first event read: its number, -1 before it; and its time. */
        private long firstSeq = -1;
        private long firstKept;
        /** The number after the last event read. */
        private long endRead;

        Writer(EventLog log, PhilosophersSettings settings, ChromeTrace trace) {
            this.log = log;
            this.settings = settings;
            this.trace = trace;
            this.origin = log.originNanos();
            this.n = settings.n();
            this.table = log.dropped() == 0 ? new TableState(n, settings.strategy() == Strategy.WAITER) : null;
            this.shown = new PhilosopherState[n];
            this.since = new long[n];
            this.handOverFrom = new int[n];
            Arrays.fill(handOverFrom, -1);
            this.handOverAt = new long[n];
        }

        void write() throws IOException {
            trace.processName(PID, title(settings));
            for (int p = 0; p < n; p++) {
                trace.threadName(PID, tid(p), Names.philosopher(p));
                trace.threadSortIndex(PID, tid(p), p);
                shown[p] = table == null ? null : PhilosopherState.THINKING;
            }
            long end = log.written();
            long next = log.dropped();
            while (next < end) {
                EventLog.Batch batch = log.read(next, (int) Math.min(CHUNK, end - next));
                if (batch.isEmpty()) {
                    break;
                }
                for (int i = 0; i < batch.size(); i++) {
                    event(batch, i);
                }
                next = batch.endSeq();
            }
            for (int p = 0; p < n; p++) {
                change(p, null, last);
            }
            trace.pauses(PID, tid(n), log, last); // the thread id after the philosophers'
            trace.droppedBy(PID, tid(n) + 1, endRead, firstSeq, firstKept); // read, not the log's counts now
        }

        private void event(EventLog.Batch batch, int i) throws IOException {
            int p = batch.track(i);
            long at = batch.nanos(i) - origin;
            last = Math.max(last, at);
            if (firstSeq < 0) {
                firstSeq = batch.seq(i);
                firstKept = at;
            }
            endRead = batch.seq(i) + 1;
            TableEvent kind = TableEvent.of(batch, i);
            int f = TableEvent.fork(batch.slot(i));
            if (table == null) {
                PhilosopherState after = TableState.stateAfter(kind, batch.slot(i), batch.other(i));
                if (after != null) {
                    change(p, after, at);
                }
            } else if (table.events() == batch.seq(i)) {
                if (kind == TableEvent.PUT_DOWN) {
                    // Handed over when another philosopher waits for this very fork as it goes down.
                    boolean awaited = false;
                    for (int q = 0; q < n; q++) {
                        awaited |= q != p && table.waitingFor[q] == f;
                    }
                    handOverFrom[f] = awaited ? p : -1;
                    handOverAt[f] = at;
                }
                table.apply(batch, i);
                change(p, table.state(p), at);
            }
            switch (kind) {
                case TAKE, PUT_DOWN -> {
                    String name = kind == TableEvent.TAKE ? "pick up" : "put down";
                    if (table == null) {
                        trace.instant(PID, tid(p), name, ACTION, at, "fork", f + 1L);
                    } else {
                        trace.instant(PID, tid(p), name, ACTION, at, "fork", f + 1L, "forks in hand",
                                table.hands.get(p).size());
                    }
                    if (kind == TableEvent.TAKE && handOverFrom[f] >= 0 && handOverFrom[f] != p) {
                        long id = batch.seq(i);
                        trace.flowStart(PID, tid(handOverFrom[f]), id, HAND_OVER, HAND_OVER, handOverAt[f]);
                        trace.flowEnd(PID, tid(p), id, HAND_OVER, HAND_OVER, at);
                    }
                    if (kind == TableEvent.TAKE) {
                        handOverFrom[f] = -1;
                    }
                }
                case GIVE_UP -> trace.instant(PID, tid(p), "give up", ACTION, at, "fork", f + 1L, "after ms",
                        batch.other(i));
                case DEADLOCK -> {
                    if (table == null || table.deadlock() == null) {
                        trace.instant(PID, tid(p), "deadlock", ACTION, at, "fork", f + 1L);
                    } else {
                        trace.instant(PID, tid(p), "deadlock", ACTION, at, "fork", f + 1L, "circle of",
                                table.deadlock().philosophers().size());
                    }
                }
                default -> {
                }
            }
        }

        /** Ends p's current slice at {@code at} (a complete event), and starts {@code next} (null: none). */
        private void change(int p, PhilosopherState next, long at) throws IOException {
            PhilosopherState now = shown[p];
            if (now == next && next != null) {
                return;
            }
            if (now != null && at > since[p]) {
                // A meal counts when it is eaten (ATE, then the forks go down): one the run's end cut
                // short is named so, or the trace had 374 "eating" slices for the run's 373 meals (a
                // teaching assistant's check).
                boolean cutShort = now == PhilosopherState.EATING && next != PhilosopherState.PUTTING_DOWN;
                trace.complete(PID, tid(p), cutShort ? CUT_SHORT : words(now), STATE, since[p], at - since[p]);
            }
            shown[p] = next == PhilosopherState.DONE ? null : next;
            since[p] = at;
        }

        /** Thread ids start at 1 (0 is the process's own). */
        private static int tid(int p) {
            return p + 1;
        }
    }
}
