package dev.interleave.engine.run;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * A trace in the Chrome Trace Event Format (JSON object form, {@code {"traceEvents": [...]}}), the
 * format Perfetto's UI and chrome://tracing open, written as it goes: each call writes one event
 * to the stream, nothing is kept. Times are given in nanoseconds from the trace's zero and written
 * in microseconds with three decimals, as the format counts them.
 *
 * <p>Not thread-safe: one thread writes a trace.
 */
public final class ChromeTrace implements Closeable {

    /** How every trace written here begins, to the first event. */
    public static final String BEGINNING = "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[";

    private final JsonGenerator json;
    /** Events the run recorded, said in otherData at the end ({@link #droppedBy}); -1: nothing to say. */
    private long recorded = -1;
    /** The oldest of {@link #recorded} not kept. */
    private long dropped;

    /** Starts a trace on {@code out}; {@link #close()} ends the JSON and closes the stream. */
    public ChromeTrace(OutputStream out) throws IOException {
        json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeStringField("displayTimeUnit", "ms");
        json.writeFieldName("traceEvents");
        json.writeStartArray();
    }

    /**
     * Whether a file that begins with {@code start} (its first bytes, as many as {@link #BEGINNING}
     * has, or all it holds) may be written over: it is empty, or a trace written here, whole or cut short.
     */
    public static boolean mayOverwrite(byte[] start) {
        byte[] beginning = BEGINNING.getBytes(StandardCharsets.UTF_8);
        int common = Math.min(start.length, beginning.length);
        return Arrays.equals(start, 0, common, beginning, 0, common);
    }

    /** Names process {@code pid} (a metadata event). */
    public void processName(int pid, String name) throws IOException {
        metadata(pid, 0, "process_name", "name", name);
    }

    /** Names thread {@code tid} of process {@code pid}: its track's title (a metadata event). */
    public void threadName(int pid, int tid, String name) throws IOException {
        metadata(pid, tid, "thread_name", "name", name);
    }

    /** Puts thread {@code tid}'s track at position {@code index} among its process's tracks. */
    public void threadSortIndex(int pid, int tid, int index) throws IOException {
        json.writeStartObject();
        json.writeStringField("ph", "M");
        json.writeStringField("name", "thread_sort_index");
        json.writeNumberField("pid", pid);
        json.writeNumberField("tid", tid);
        json.writeFieldName("args");
        json.writeStartObject();
        json.writeNumberField("sort_index", index);
        json.writeEndObject();
        json.writeEndObject();
    }

    private void metadata(int pid, int tid, String what, String key, String value) throws IOException {
        json.writeStartObject();
        json.writeStringField("ph", "M");
        json.writeStringField("name", what);
        json.writeNumberField("pid", pid);
        json.writeNumberField("tid", tid);
        json.writeFieldName("args");
        json.writeStartObject();
        json.writeStringField(key, value);
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A complete event ({@code "ph":"X"}): {@code name} on thread {@code tid} from {@code nanos} for {@code durNanos}. */
    public void complete(int pid, int tid, String name, String category, long nanos, long durNanos)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("ph", "X");
        json.writeStringField("name", name);
        json.writeStringField("cat", category);
        json.writeNumberField("pid", pid);
        json.writeNumberField("tid", tid);
        time("ts", nanos);
        time("dur", durNanos);
        json.writeEndObject();
    }

    /**
     * The recorded run's pauses ({@link EventLog#pauses()}), each a slice named "paused" on a track of
     * their own, "Pauses", as thread {@code tid} (one no worker has), sorted above the workers; a pause
     * going on ends at {@code endNanos}. Times from the log's origin. Nothing for a run never paused.
     */
    public void pauses(int pid, int tid, EventLog log, long endNanos) throws IOException {
        List<Stopwatch.Pause> pauses = log.pauses();
        if (pauses.isEmpty()) {
            return;
        }
        threadName(pid, tid, "Pauses");
        threadSortIndex(pid, tid, -1);
        for (Stopwatch.Pause pause : pauses) {
            long from = pause.fromNanos() - log.originNanos();
            long to = pause.goesOn() ? Math.max(from, endNanos) : pause.toNanos() - log.originNanos();
            complete(pid, tid, "paused", "pause", from, to - from);
        }
    }

    /**
     * Says that a recording did not keep its oldest events, where it did not: of {@code recorded}
     * events (as many as were read from its log), the oldest {@code dropped} are not in the trace. In
     * the file's {@code otherData} ({@code eventsRecorded}, {@code eventsKept}, {@code eventsDropped})
     * for a script, and as an instant with the same args at its first kept event, {@code
     * firstKeptNanos} from its origin, on a track of its own ("Recording", thread {@code tid}, sorted
     * first) for someone in Perfetto. A trace of a run past the log's million events began at item
     * #22,983 with 17 takes of items never put, and nothing in the file said why (a teaching
     * assistant's check). Nothing when none were dropped.
     */
    public void droppedBy(int pid, int tid, long recorded, long dropped, long firstKeptNanos) throws IOException {
        if (dropped <= 0) {
            return;
        }
        this.recorded = recorded;
        this.dropped = dropped;
        threadName(pid, tid, "Recording");
        threadSortIndex(pid, tid, -2);
        instantStart(pid, tid, String.format(Locale.ROOT, "the oldest %,d events not kept", dropped), "recording",
                firstKeptNanos);
        json.writeNumberField("eventsRecorded", recorded);
        json.writeNumberField("eventsKept", recorded - dropped);
        json.writeNumberField("eventsDropped", dropped);
        instantEnd();
    }

    /** A thread-scoped instant event ({@code "ph":"i"}) with no arguments. */
    public void instant(int pid, int tid, String name, String category, long nanos) throws IOException {
        instantStart(pid, tid, name, category, nanos);
        instantEnd();
    }

    /** A thread-scoped instant event ({@code "ph":"i"}) with one text argument. */
    public void instant(int pid, int tid, String name, String category, long nanos, String key, String value)
            throws IOException {
        instantStart(pid, tid, name, category, nanos);
        json.writeStringField(key, value);
        instantEnd();
    }

    /** A thread-scoped instant event ({@code "ph":"i"}) with one whole-number argument. */
    public void instant(int pid, int tid, String name, String category, long nanos, String key, long value)
            throws IOException {
        instantStart(pid, tid, name, category, nanos);
        json.writeNumberField(key, value);
        instantEnd();
    }

    /**
     * A thread-scoped instant event ({@code "ph":"i"}) with two whole-number arguments, e.g. a put
     * with its item and slot.
     */
    public void instant(int pid, int tid, String name, String category, long nanos, String key1, long value1,
                        String key2, long value2) throws IOException {
        instantStart(pid, tid, name, category, nanos);
        json.writeNumberField(key1, value1);
        json.writeNumberField(key2, value2);
        instantEnd();
    }

    /** Closes an instant's {@code args} object and the instant. */
    private void instantEnd() throws IOException {
        json.writeEndObject();
        json.writeEndObject();
    }

    /** An instant's fields up to its open {@code args} object. */
    private void instantStart(int pid, int tid, String name, String category, long nanos) throws IOException {
        json.writeStartObject();
        json.writeStringField("ph", "i");
        json.writeStringField("s", "t");
        json.writeStringField("name", name);
        json.writeStringField("cat", category);
        json.writeNumberField("pid", pid);
        json.writeNumberField("tid", tid);
        time("ts", nanos);
        json.writeFieldName("args");
        json.writeStartObject();
    }

    /**
     * The start of flow {@code id} ({@code "ph":"s"}), bound to the slice on thread {@code tid} that
     * encloses {@code nanos}: the arrow's tail.
     */
    public void flowStart(int pid, int tid, long id, String name, String category, long nanos) throws IOException {
        flow("s", pid, tid, id, name, category, nanos);
    }

    /**
     * The end of flow {@code id} ({@code "ph":"f"}, {@code "bp":"e"}), bound to the slice on thread
     * {@code tid} that encloses {@code nanos}: the arrow's head.
     */
    public void flowEnd(int pid, int tid, long id, String name, String category, long nanos) throws IOException {
        flow("f", pid, tid, id, name, category, nanos);
    }

    private void flow(String phase, int pid, int tid, long id, String name, String category, long nanos)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("ph", phase);
        if (phase.equals("f")) {
            json.writeStringField("bp", "e");
        }
        json.writeStringField("name", name);
        json.writeStringField("cat", category);
        json.writeNumberField("id", id);
        json.writeNumberField("pid", pid);
        json.writeNumberField("tid", tid);
        time("ts", nanos);
        json.writeEndObject();
    }

    /** A counter event ({@code "ph":"C"}): track {@code name} of process {@code pid} takes {@code value} at {@code nanos}. */
    public void counter(int pid, String name, long nanos, String series, long value) throws IOException {
        json.writeStartObject();
        json.writeStringField("ph", "C");
        json.writeStringField("name", name);
        json.writeNumberField("pid", pid);
        json.writeNumberField("tid", 0);
        time("ts", nanos);
        json.writeFieldName("args");
        json.writeStartObject();
        json.writeNumberField(series, value);
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A time in nanoseconds, written in microseconds with three decimals ("1234.567"), never in exponent form. */
    private void time(String field, long nanos) throws IOException {
        json.writeFieldName(field);
        json.writeNumber(micros(nanos));
    }

    /** {@code nanos} in microseconds, three decimals: 1234567 is "1234.567", -5 is "-0.005". */
    static String micros(long nanos) {
        long abs = Math.abs(nanos);
        long fraction = abs % 1_000;
        String text = abs / 1_000 + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
        return nanos < 0 ? "-" + text : text;
    }

    /** Ends the JSON and closes the stream. */
    @Override
    public void close() throws IOException {
        json.writeEndArray();
        if (recorded >= 0) {
            json.writeFieldName("otherData");
            json.writeStartObject();
            json.writeNumberField("eventsRecorded", recorded);
            json.writeNumberField("eventsKept", recorded - dropped);
            json.writeNumberField("eventsDropped", dropped);
            json.writeEndObject();
        }
        json.writeEndObject();
        json.close();
    }
}
