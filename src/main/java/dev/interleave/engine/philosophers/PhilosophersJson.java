package dev.interleave.engine.philosophers;

import java.util.List;
import java.util.OptionalLong;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Json;

/**
 * A {@link PhilosophersResult} as one JSON object: what {@code interleave philosophers --json} prints and the
 * window's File, Export figures writes. Fields: {@code n, strategy, fair, deadlocked, cycle,
 * detectedAfterMillis, meals, attempts, jain, livelock, livelockFromMillis, livelockSpells,
 * livelockLongestMillis, outcome}, then {@code threads, thinkMs, eatMs, elapsedMillis, starving,
 * eventsRecorded, eventsDropped, failure}. {@code cycle} lists the philosophers' numbers (P1 is 1) in wait
 * order, starting with the one whose wait closed the circle ({@code []} without a deadlock); {@code
 * detectedAfterMillis} is {@code null} without one, {@code livelockFromMillis} and {@code
 * livelockLongestMillis} without a livelock ({@code livelockSpells} is 0), and {@code jain} when nobody has
 * eaten; {@code outcome} is {@code ok}, {@code deadlock}, {@code livelock}, {@code stopped} or {@code
 * failed}; {@code eventsRecorded} and {@code eventsDropped} are the event log's, as the buffer's JSON has
 * them (null for a run that did not record: the command line records only for {@code --trace}).
 */
public final class PhilosophersJson {

    private PhilosophersJson() {
    }

    /** {@link #of(PhilosophersResult, EventLog)} of a run that did not record. */
    public static String of(PhilosophersResult result) {
        return of(result, null);
    }

    /** The result, and what {@code log} (that run's, or null) recorded and dropped. */
    public static String of(PhilosophersResult result, EventLog log) {
        PhilosophersSettings settings = result.settings();
        Json fields = new Json()
                .put("n", settings.n())
                .put("strategy", settings.strategy().label())
                .put("fair", settings.fair())
                .put("deadlocked", result.deadlocked())
                .put("cycle", result.deadlocked() ? result.deadlock().numbers() : List.of());
        if (result.deadlocked()) {
            fields.put("detectedAfterMillis", result.deadlock().detectedAfterMillis());
        } else {
            fields.putNull("detectedAfterMillis");
        }
        fields.put("meals", result.meals())
                .put("attempts", result.attempts())
                .put("jain", result.jain())
                .put("livelock", result.livelock())
                // When the livelock rule first held, as the text's "yes, first at 1,199 ms"; null without one.
                .put("livelockFromMillis", result.livelock()
                        ? OptionalLong.of(result.livelockAfterNanos() / 1_000_000) : OptionalLong.empty())
                // The window's banner after a livelock: its spells, and the longest stretch with no meal.
                .put("livelockSpells", result.livelockSpells())
                .put("livelockLongestMillis", result.livelock()
                        ? OptionalLong.of(result.livelockLongestNanos() / 1_000_000) : OptionalLong.empty())
                .put("outcome", result.verdict())
                .put("threads", settings.threads().label())
                .put("thinkMs", settings.think().toString())
                .put("eatMs", settings.eat().toString())
                .put("elapsedMillis", result.elapsedMillis());
        // null, not [], while too few meals were eaten to judge: [] read as "nobody starved".
        if (result.starvationJudged()) {
            fields.put("starving", result.starving().stream().map(p -> (long) p + 1).toList());
        } else {
            fields.putNull("starving");
        }
        fields.putEvents(log);
        return (result.failure() == null ? fields.putNull("failure")
                : fields.put("failure", Json.oneLine(result.failure()))).toString();
    }
}
