package dev.interleave.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One flat JSON object, written in the order its fields were added. Values are strings, whole
 * numbers, finite doubles, booleans or null: all the command line prints.
 */
final class Json {

    private final Map<String, String> fields = new LinkedHashMap<>();

    Json put(String name, String value) {
        fields.put(name, quote(value));
        return this;
    }

    Json put(String name, long value) {
        fields.put(name, Long.toString(value));
        return this;
    }

    Json put(String name, boolean value) {
        fields.put(name, Boolean.toString(value));
        return this;
    }

    /** A double rounded to 4 decimals. */
    Json put(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is not finite: " + value);
        }
        fields.put(name, String.format(Locale.ROOT, "%.4f", value));
        return this;
    }

    /** A double rounded to 4 decimals, or null when there is none. */
    Json put(String name, OptionalDouble value) {
        return value.isPresent() ? put(name, value.getAsDouble()) : putNull(name);
    }

    /** JSON null: the field has no value (not the string "null"). */
    /** An array of whole numbers. */
    Json put(String name, java.util.List<Long> values) {
        fields.put(name, values.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "[", "]")));
        return this;
    }

    Json putNull(String name) {
        fields.put(name, "null");
        return this;
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
