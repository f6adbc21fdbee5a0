package dev.interleave.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

    /** Where to write the run's trace ({@code --trace}), or null: the commands that have the option say. */
    Path traceFile() {
        return null;
    }

    /**
     * Writes the run's trace to {@code out} and closes it; called once, after the run has ended
     * (completed, failed, or stopped by Ctrl+C), only when {@link #traceFile()} is set.
     */
    void writeTrace(OutputStream out) throws IOException, InterruptedException {
        throw new UnsupportedOperationException(spec.name() + " writes no trace");
    }

    /** The trace's stream, opened before the run; null when there is no trace to write. */
    private OutputStream traceOut;
    /** Whether the trace was written (or tried). Guarded by this. */
    private boolean traceWritten;

    @Override
    public final Integer call() throws InterruptedException {
        S settings = settings();
        traceOut = openTrace();
        Running<R> run = start(settings);
        // Ctrl+C stops the run from a shutdown hook, and the JVM ends when the hook returns: the
        // hook writes the stopped run's trace itself (or waits for the main thread to finish it).
        Progress.Stoppable stop = () -> {
            run.stop().stop();
            writeTraceOnce();
        };
        R result = Progress.await(json, run.await(), stop, run.progressLine());
        boolean traceOk = writeTraceOnce();

        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? json(result) : text(result));
        out.flush();
        Throwable failure = failure(result);
        if (failure != null) {
            spec.commandLine().getErr().println(spec.name() + ": the run failed: " + oneLine(failure));
            spec.commandLine().getErr().flush();
        }
        return verdict(result) == Verdict.OK && "ok".equals(verdictLabel(result)) && traceOk ? Cli.OK
                : Cli.CHECK_FAILED;
    }

    /**
     * Opens {@link #traceFile()} for writing, before the run starts.
     *
     * @throws CommandLine.ParameterException (exit 2, one line) if it cannot be written
     */
    private OutputStream openTrace() {
        Path file = traceFile();
        if (file == null) {
            return null;
        }
        try {
            return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException | SecurityException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--trace': cannot"
                    + " write '" + file + "' (" + why(e) + "); allowed: a file that can be created or overwritten");
        }
    }

    /** Why a file cannot be written, in a few words. */
    private static String why(Exception e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such folder";
            case AccessDeniedException denied -> "permission denied";
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    /**
     * Writes the trace unless written already; false if writing failed (said on standard error).
     * Synchronized: the shutdown hook and the main thread may both call it, and whichever comes
     * second waits until the trace is whole.
     */
    private synchronized boolean writeTraceOnce() {
        if (traceOut == null || traceWritten) {
            return true;
        }
        traceWritten = true;
        try {
            writeTrace(traceOut);
            return true;
        } catch (IOException | InterruptedException | RuntimeException e) {
            spec.commandLine().getErr().println(spec.name() + ": could not write the trace to " + traceFile() + ": "
                    + oneLine(e));
            spec.commandLine().getErr().flush();
            return false;
        }
    }

    /**
     * The outcome in one word as {@code --json} prints it; only "ok" (with {@link Verdict#OK}) exits
     * 0. A scenario with findings of its own (the buffer lab's "stalled", "violated") says them here.
     */
    String verdictLabel(R result) {
        return verdict(result).label();
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
