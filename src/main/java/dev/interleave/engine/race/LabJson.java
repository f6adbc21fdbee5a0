package dev.interleave.engine.race;

import dev.interleave.engine.run.Json;

/**
 * The race lab's results as JSON objects, for the window's File, Export run's figures as JSON and
 * the command line's {@code race --measure --json} (one strategy's runs: {@link RaceJson}).
 */
public final class LabJson {

    private LabJson() {
    }

    /**
     * A measurement: {@code measure, threads, increments, repeat, threadsKind, fair, runs}, where {@code
     * repeat} is the runs made of each strategy, layout or throughput point, and {@code runs} holds each
     * measured run as {@code interleave race --json} prints it, then {@code outcome} and {@code failure}.
     */
    public static String of(LabResult result) {
        LabSettings settings = result.settings();
        Json fields = new Json()
                .put("measure", settings.measure().label())
                .put("threads", settings.threads())
                .put("increments", settings.increments())
                .put("repeat", settings.measure().runsOfEach(settings.repeat())) // the runs made, of each
                .put("threadsKind", settings.threadKind().label())
                .put("fair", settings.fair())
                .putObjects("runs", result.legs().stream().map(RaceJson::of).toList());
        return Json.ofRun(fields, result.outcome(), result.ok(), result.failure());
    }

    /**
     * A slow-motion run: {@code threads, program, increments, steps, count, completed, lost,
     * casFailures}, then {@code outcome} (wrong-total when an update was lost) and {@code failure}.
     */
    public static String of(StepperResult result) {
        StepperSettings settings = result.settings();
        Json fields = new Json()
                .put("threads", settings.threads())
                .put("program", settings.program().label())
                .put("increments", settings.increments())
                .put("steps", result.steps())
                .put("count", result.count())
                .put("completed", result.completed())
                .put("lost", result.lost())
                .put("casFailures", result.casFailures());
        return Json.ofRun(fields, result.outcome(), result.lost() == 0, result.failure());
    }
}
