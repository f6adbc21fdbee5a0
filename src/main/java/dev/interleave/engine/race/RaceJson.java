package dev.interleave.engine.race;

import java.util.OptionalLong;

import dev.interleave.engine.run.Json;

/**
 * A {@link RaceResult} as one JSON object: what {@code interleave race --json} prints. Fields:
 * {@code threads, increments, strategy, threadsKind, fair, repeat, expected, totals, lost,
 * opsPerSecond, runOpsPerSecond, casRetries, outcome, failure}.
 */
public final class RaceJson {

    private RaceJson() {
    }

    public static String of(RaceResult result) {
        RaceSettings settings = result.settings();
        Json fields = new Json()
                .put("threads", settings.threads())
                .put("increments", settings.increments())
                .put("strategy", settings.strategy().label())
                .put("threadsKind", settings.threadKind().label())
                .put("fair", settings.fair())
                .put("repeat", settings.repeat())
                .put("expected", settings.expected())
                .put("totals", result.totals())
                .put("lost", result.lost())
                // No run finished (stopped in its first): no rate, null, not 0.
                .put("opsPerSecond", result.totals().isEmpty() ? OptionalLong.empty()
                        : OptionalLong.of(Math.round(result.opsPerSecond())))
                .put("runOpsPerSecond", result.runOpsPerSecond().stream().map(Math::round).toList())
                .put("casRetries", result.casRetries());
        return Json.ofRun(fields, result.outcome(), result.ok(), result.failure());
    }
}
