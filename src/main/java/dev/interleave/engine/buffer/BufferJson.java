package dev.interleave.engine.buffer;

import dev.interleave.engine.run.Json;

/**
 * A {@link BufferResult} as one JSON object: what {@code interleave buffer --json} prints and the
 * window's File, Export figures writes. Fields: {@code producers, consumers, capacity, items, impl,
 * policy, fair, threads, elapsedMillis, itemsPerSecond, sum, expectedSum, ok, duplicates, missing,
 * waitsOnFull, waitsOnEmpty, outcome, failure}.
 */
public final class BufferJson {

    private BufferJson() {
    }

    public static String of(BufferResult result) {
        BufferSettings settings = result.settings();
        Json fields = new Json()
                .put("producers", settings.producers())
                .put("consumers", settings.consumers())
                .put("capacity", settings.capacity())
                .put("items", settings.items())
                .put("impl", settings.impl().label())
                .put("policy", settings.policy().label())
                .put("fair", settings.fair())
                .put("threads", settings.threads().label())
                .put("elapsedMillis", result.elapsedMillis())
                .put("itemsPerSecond", Math.round(result.itemsPerSecond()))
                .put("sum", result.sum())
                .put("expectedSum", result.expectedSum())
                .put("ok", result.ok())
                .put("duplicates", result.duplicates())
                .put("missing", result.missing())
                .put("waitsOnFull", result.waitsOnFull())
                .put("waitsOnEmpty", result.waitsOnEmpty());
        return Json.ofRun(fields, result.outcome(), result.ok(), result.failure());
    }
}
