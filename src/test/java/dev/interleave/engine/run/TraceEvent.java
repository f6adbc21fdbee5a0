package dev.interleave.engine.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One event of a Chrome trace as the tests read it back, and the reader (jackson-core's streaming
 * parser): every scenario's trace test parses with it.
 */
public record TraceEvent(String ph, String name, int pid, int tid, double ts, double dur, long id,
                         Map<String, Object> args) {

    /** The trace's events, read with jackson-core's streaming parser. */
    public static List<TraceEvent> parse(byte[] json) throws IOException {
        List<TraceEvent> events = new ArrayList<>();
        readField(json, "traceEvents", parser -> {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                events.add(event(parser));
            }
        });
        return events;
    }

    /** The trace's {@code otherData}, its whole-number fields; empty when it has none. */
    public static Map<String, Long> otherData(byte[] json) throws IOException {
        Map<String, Long> data = new HashMap<>();
        readField(json, "otherData", parser -> {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                data.put(key, parser.getLongValue());
            }
        });
        return data;
    }

    /** What reads a field's value, the parser at its first token. */
    private interface FieldReader {
        void read(JsonParser parser) throws IOException;
    }

    /** Reads the trace object's field {@code name} with {@code reader}, skipping the others. */
    private static void readField(byte[] json, String name, FieldReader reader) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals(name)) {
                    reader.read(parser);
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    private static TraceEvent event(JsonParser parser) throws IOException {
        String ph = null;
        String name = null;
        int pid = -1;
        int tid = -1;
        double ts = Double.NaN;
        double dur = 0;
        long id = 0;
        Map<String, Object> args = Map.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "ph" -> ph = parser.getText();
                case "name" -> name = parser.getText();
                case "pid" -> pid = parser.getIntValue();
                case "tid" -> tid = parser.getIntValue();
                case "ts" -> ts = parser.getDoubleValue();
                case "dur" -> dur = parser.getDoubleValue();
                case "id" -> id = parser.getLongValue();
                case "args" -> {
                    Map<String, Object> read = new HashMap<>();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        JsonToken token = parser.nextToken();
                        read.put(key, token == JsonToken.VALUE_STRING ? parser.getText() : parser.getLongValue());
                    }
                    args = read;
                }
                default -> {
                    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                        parser.skipChildren();
                    }
                }
            }
        }
        return new TraceEvent(ph, name, pid, tid, ts, dur, id, args);
    }
}
