package dev.interleave.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import dev.interleave.engine.run.Json;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.Verdict;

/**
 * What every run command does: build its settings from the options, start its runner, wait with a
 * progress line (Ctrl+C stops the run), print one result as text or one JSON object, name a failure
 * on standard error, and return the exit code. A command says only how to build its settings, how
 * to start its runner, and how to print its result.
 *
 * @param <S> the scenario's settings
 * @param <R> the scenario's result
 */
abstract class RunCommand<S, R> implements Callable<Integer> {

    /** The command as picocli parsed it: its name, its output and error writers. Set by picocli. */
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Print one JSON object (and no progress line) instead of text. */
    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    /** A started run, as the base class drives it. */
    record Running<R>(Progress.Awaitable<R> await, Progress.Stoppable stop, Supplier<String> progressLine) {
    }

    /**
     * The settings the options describe.
     *
     * @throws CommandLine.ParameterException if the options, though each valid, do not go together
     */
    abstract S settings();

    /** Starts a run of {@code settings} on a new runner. */
    abstract Running<R> start(S settings);

    /** How the run ended. */
    abstract Outcome outcome(R result);

    /** Whether the run completed and its check passed (the total, the sum, each item once). */
    abstract boolean ok(R result);

    /** What the run threw, or null. */
    abstract Throwable failure(R result);

    /** The result as one JSON object, {@code outcome} and {@code failure} included (the scenario's {@code ...Json} class). */
    abstract String json(R result);

    /** The result as text, lines without a final line break. */
    abstract String text(R result);

    @Override
    public final Integer call() throws InterruptedException {
        S settings = settings();
        Running<R> run = start(settings);
        R result = Progress.await(json, run.await(), run.stop(), run.progressLine());

        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? json(result) : text(result));
        out.flush();
        Throwable failure = failure(result);
        if (failure != null) {
            spec.commandLine().getErr().println(spec.name() + ": the run failed: " + oneLine(failure));
            spec.commandLine().getErr().flush();
        }
        return verdict(result) == Verdict.OK ? Cli.OK : Cli.CHECK_FAILED;
    }

    /** The outcome and the check in one word; only {@link Verdict#OK} exits 0. */
    final Verdict verdict(R result) {
        return Verdict.of(outcome(result), ok(result));
    }

    /** A failure in one line: the exception's simple class name and its message, line breaks made spaces. */
    static String oneLine(Throwable failure) {
        return Json.oneLine(failure);
    }
}
