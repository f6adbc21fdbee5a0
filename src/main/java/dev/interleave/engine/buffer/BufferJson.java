package dev.interleave.engine.buffer;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Json;

/**
 * A {@link BufferResult} as one JSON object: what {@code interleave buffer --json} prints and the
 * window's File, Export figures writes. Fields: {@code producers, consumers, capacity, items, impl,
 * policy, fair, threads, produceMs, consumeMs, elapsedMillis, consumed, consumedWhilePaused, itemsPerSecond, sum, expectedSum,
 * ok, duplicates, missing,
 * waitsOnFull, waitsOnEmpty, bug, spurious, violation, stalledAfterMillis, futileWakeups,
 * futileWakeupsProducers, futileWakeupsConsumers, spuriousWakeups, eventsRecorded, eventsDropped, outcome,
 * failure}. {@code eventsRecorded} and {@code eventsDropped} are the event log's (null for a run that
 * recorded none: the command line without {@code --record}, and abq). {@code outcome}
 * is the lab's ({@link BufferOutcome}: ok, wrong-total, stalled, violated, stopped, failed);
 * {@code violation} and {@code stalledAfterMillis} are null when there was none; {@code policy} is
 * null but for the lock buffer (the only one that chooses whom it wakes). A run without a number of
 * items (the window's, until Stop) has {@code items}, {@code expectedSum} and {@code duplicates} null
 * (nothing to check against), and {@code ok} null when it was stopped with no violation or stall
 * (false when it stalled, broke an invariant or failed).
 */
public final class BufferJson {

    private BufferJson() {
    }

    /** {@code result} with no events recorded. */
    public static String of(BufferResult result) {
        return of(result, null);
    }

    /** {@code result}, whose events {@code log} recorded (null: none). */
    public static String of(BufferResult result, EventLog log) {
        BufferSettings settings = result.settings();
        Json fields = new Json()
                .put("producers", settings.producers())
                .put("consumers", settings.consumers())
                .put("capacity", settings.capacity());
        if (settings.isBounded()) {
            fields.put("items", settings.items());
        } else {
            fields.putNull("items"); // the window's runs go until Stop: no number of items, nothing to sum to
        }
        fields.put("impl", settings.impl().label());
        if (settings.impl() == BufferImpl.LOCK) {
            fields.put("policy", settings.policy().label());
        } else {
            fields.putNull("policy"); // only the lock buffer chooses whom it wakes
        }
        fields.put("fair", settings.fair())
                .put("threads", settings.threads().label())
                // The delays change every figure: a saved run without them could not be told from one
                // without delays (an expert's audit). As the philosophers' thinkMs and eatMs: "a..b".
                .put("produceMs", settings.produceDelay().toString())
                .put("consumeMs", settings.consumeDelay().toString())
                .put("elapsedMillis", result.elapsedMillis())
                .put("consumed", result.consumed())
                // Steps' items (the window's), left out of itemsPerSecond with their time; 0 on the command line.
                .put("consumedWhilePaused", result.consumedWhilePaused())
                .putRate("itemsPerSecond", result.itemsPerSecond()) // a stalled run's: until the stall
                .put("sum", result.sum());
        if (settings.isBounded()) {
            fields.put("expectedSum", result.expectedSum()).put("ok", result.ok()).put("duplicates", result.duplicates());
        } else {
            // Until Stop: no sum to reach and no items to check one by one. Known wrong (stalled,
            // violated, failed) is still false; stopped with neither is not checked.
            fields.putNull("expectedSum");
            if (result.labOutcome() == BufferOutcome.STOPPED) {
                fields.putNull("ok");
            } else {
                fields.put("ok", false);
            }
            fields.putNull("duplicates");
        }
        if (result.missingChecked()) {
            fields.put("missing", result.missing());
        } else {
            fields.putNull("missing"); // not every item was consumed: not checked
        }
        fields.put("waitsOnFull", result.waitsOnFull())
                .put("waitsOnEmpty", result.waitsOnEmpty())
                .put("bug", settings.bug().label())
                .putAsGiven("spurious", settings.spurious());
        BufferResult.Lab lab = result.lab();
        if (lab.violation() == null) {
            fields.putNull("violation");
        } else {
            fields.put("violation", lab.violation());
        }
        if (lab.stall() == null) {
            fields.putNull("stalledAfterMillis");
        } else {
            fields.put("stalledAfterMillis", lab.stalledAfterMillis());
            fields.put("stall", lab.stall());
        }
        if (result.insideVisible()) {
            fields.put("futileWakeups", lab.futileProducerWakeups() + lab.futileConsumerWakeups())
                    .put("futileWakeupsProducers", lab.futileProducerWakeups())
                    .put("futileWakeupsConsumers", lab.futileConsumerWakeups())
                    .put("spuriousWakeups", lab.spuriousWakeups());
        } else {
            // Inside ArrayBlockingQueue no wake-up is seen: not 0, unknown.
            fields.putNull("futileWakeups").putNull("futileWakeupsProducers").putNull("futileWakeupsConsumers")
                    .putNull("spuriousWakeups");
        }
        fields.putEvents(log);
        return Json.ofRun(fields, result.labOutcome().label(), result.unexpectedFailure());
    }
}
