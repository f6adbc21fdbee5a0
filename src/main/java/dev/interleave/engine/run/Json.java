package dev.interleave.engine.run;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * One JSON object, written in the order its fields were added. Values are strings, whole
 * numbers, finite doubles, booleans, arrays of whole numbers, arrays of objects or null: all the command line's
 * {@code --json} prints, and the window's File, Export figures writes the same objects. Each
 * scenario builds its result's object beside its result ({@code CallJson}, {@code BufferJson},
 * {@code RaceJson}); {@link #ofRun} adds the fields every run has.
 */
public final class Json {

    private final Map<String, String> fields = new LinkedHashMap<>();

    public Json put(String name, String value) {
        fields.put(name, quote(value));
        return this;
    }

    public Json put(String name, long value) {
        fields.put(name, Long.toString(value));
        return this;
    }

    public Json put(String name, boolean value) {
        fields.put(name, Boolean.toString(value));
        return this;
    }

    /** A double rounded to 4 decimals. */
    public Json put(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is not finite: " + value);
        }
        fields.put(name, String.format(Locale.ROOT, "%.4f", value));
        return this;
    }

    /** A rate per second as {@link Counts#rate} says it, without its commas: "1234", "0.4". */
    public Json putRate(String name, double perSecond) {
        if (!Double.isFinite(perSecond)) {
            throw new IllegalArgumentException(name + " is not finite: " + perSecond);
        }
        fields.put(name, Counts.rate(perSecond).replace(",", ""));
        return this;
    }

    /**
     * {@code eventsRecorded} and {@code eventsDropped}: what {@code log}, a run's event log, recorded
     * and dropped; null for a run that did not record. The scenarios' JSON say them alike.
     */
    public Json putEvents(EventLog log) {
        return log == null ? putNull("eventsRecorded").putNull("eventsDropped")
                : put("eventsRecorded", log.written()).put("eventsDropped", log.dropped());
    }

    /**
     * A setting given as a fraction, as given: the shortest decimal that reads back as {@code value}
     * ({@link Double#toString}'s digits), never in exponent form. Rounded to 4 decimals, a spurious
     * rate of 0.00001 read 0.0000 and one of 0.99999 read 1.0000 (an engineer's tryout).
     */
    public Json putAsGiven(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is not finite: " + value);
        }
        fields.put(name, BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
        return this;
    }

    /** A double rounded to 4 decimals, or null when there is none. */
    public Json put(String name, OptionalDouble value) {
        return value.isPresent() ? put(name, value.getAsDouble()) : putNull(name);
    }

    /** A whole number, or null when there is none. */
    public Json put(String name, OptionalLong value) {
        return value.isPresent() ? put(name, value.getAsLong()) : putNull(name);
    }

    /** An array of whole numbers. */
    public Json put(String name, List<Long> values) {
        fields.put(name, values.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")));
        return this;
    }

    /** An array of objects, each already JSON (e.g. one run's object per measured run). */
    public Json putObjects(String name, List<String> objects) {
        fields.put(name, objects.stream().collect(Collectors.joining(",", "[", "]")));
        return this;
    }

    /** JSON null: the field has no value (not the string "null"). */
    public Json putNull(String name) {
        fields.put(name, "null");
        return this;
    }

    /**
     * A run's object: its scenario's {@code fields}, then {@code outcome} (the {@link Verdict}'s
     * label) and {@code failure} ({@code null}, or the failure in one line).
     */
    public static String ofRun(Json fields, Outcome outcome, boolean ok, Throwable failure) {
        fields.put("outcome", Verdict.of(outcome, ok).label());
        return (failure == null ? fields.putNull("failure") : fields.put("failure", oneLine(failure))).toString();
    }

    /**
     * A run's object with an outcome label of the scenario's own (a superset of the {@link Verdict}
     * labels, e.g. the buffer lab's "stalled"), then {@code failure}.
     */
    public static String ofRun(Json fields, String outcome, Throwable failure) {
        fields.put("outcome", outcome);
        return (failure == null ? fields.putNull("failure") : fields.put("failure", oneLine(failure))).toString();
    }

    /** A failure in one line: the exception's simple class name and its message, line breaks made spaces. */
    public static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        String line = message == null || message.isBlank()
                ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + message.strip();
        return line.replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(name)).append(':').append(value);
        });
        return out.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
