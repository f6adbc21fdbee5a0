package dev.interleave.engine.calls;

import dev.interleave.engine.run.Json;

/**
 * A {@link CallResult} as one JSON object: what {@code interleave calls --json} prints and the
 * window's File, Export figures writes. Fields: {@code calls, concurrency, threads, counter, seed,
 * total, expected, ok, duplicates, elapsedMillis, idealMillis, efficiency, maxInFlight, outcome,
 * failure}.
 */
public final class CallJson {

    private CallJson() {
    }

    public static String of(CallResult result) {
        CallSettings settings = result.settings();
        Json fields = new Json()
                .put("calls", settings.calls())
                .put("concurrency", settings.concurrency())
                .put("threads", settings.threads().label())
                .put("counter", settings.counter().label())
                .put("seed", settings.seed())
                .put("total", result.total())
                .put("expected", result.expected())
                .put("ok", result.ok())
                .put("duplicates", result.duplicates())
                .put("elapsedMillis", result.elapsedMillis())
                .put("idealMillis", result.idealMillis())
                .put("efficiency", result.efficiency())
                .put("maxInFlight", result.maxInFlight());
        return Json.ofRun(fields, result.outcome(), result.ok(), result.failure());
    }
}
