package dev.interleave.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import dev.interleave.engine.run.ChromeTrace;
import dev.interleave.engine.run.EventLog;
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

    /** The options that say how many threads run ("--n"), for a count given as the thread kind. */
    abstract String countingOptions();

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

    /**
     * How long Ctrl+C's hook waits for the run to start, and then for the stopped run's report,
     * before the JVM ends without it.
     */
    private static final long REPORT_WAIT_SECONDS = 10;

    /**
     * The trace's file, opened before the run without emptying it (a Ctrl+C before the run began
     * leaves what it held); null when there is no trace to write. This and the two after it are set
     * once, by openTrace under this, before the run starts (the hook reads them under this too).
     */
    private FileChannel traceOut;
    /**
     * Whether the trace goes to standard output ({@code --trace -}, or the file standard output is):
     * the figures then go to standard error, so that neither is spoiled by the other.
     */
    private boolean traceToOut;
    /** Whether the trace's file can be emptied (a pipe or a terminal cannot: "Illegal seek"). */
    private boolean traceSeekable;
    /** Whether this command made the trace's file (a Ctrl+C before the run began removes it). */
    private boolean traceCreated;
    /** Whether the trace was written, tried, or given up. Guarded by this. */
    private boolean traceWritten;

    /**
     * Runs the command. Ctrl+C makes the JVM run the shutdown hook this registers first, and end
     * when the hook returns, with the signal's status (130) and before the main thread could print
     * anything: so the hook stops the run, writes its trace, waits for the main thread to report the
     * stopped run as any other ("outcome stopped"), and ends the JVM with that report's code (1). A
     * Ctrl+C while the run is being made (a first recorded run loads JFR: a second or more on a busy
     * machine) waits for it to start, then stops it the same way.
     */
    @Override
    public final Integer call() throws InterruptedException {
        S settings = settings();
        CompletableFuture<Running<R>> started = new CompletableFuture<>();
        CompletableFuture<Integer> reported = new CompletableFuture<>();
        Thread onCtrlC = Thread.ofPlatform().unstarted(() -> stopAndReport(started, reported));
        try {
            Runtime.getRuntime().addShutdownHook(onCtrlC); // before the trace's file is there to be seen
        } catch (IllegalStateException shuttingDown) {
            // Ctrl+C came before the command began: nothing was started or written, and the JVM ends
            // with the signal's status (130) as it would have a moment sooner. It printed a stack trace.
            return Cli.CHECK_FAILED;
        }
        try {
            openTrace();
            Running<R> run = start(settings);
            started.complete(run);
            R result = Progress.await(json, run.await(), run.progressLine());
            boolean traceOk = writeTraceOnce();

            PrintWriter out = traceToOut ? spec.commandLine().getErr() : spec.commandLine().getOut();
            out.println(json ? json(result) : text(result));
            out.flush();
            Throwable failure = failure(result);
            if (failure != null) {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": the run failed: " + oneLine(failure));
                spec.commandLine().getErr().flush();
            }
            int code = verdict(result) == Verdict.OK && "ok".equals(verdictLabel(result)) && traceOk ? Cli.OK
                    : Cli.CHECK_FAILED;
            reported.complete(code);
            return code;
        } finally {
            started.complete(null); // the run could not start: no run to stop
            reported.complete(Cli.CHECK_FAILED); // nothing to wait for if the run could not start
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook is running, and ends the JVM with the code reported above.
            }
        }
    }

    /** Ctrl+C's shutdown hook: see {@link #call()}. {@code started} gives the run, or null if it could not start. */
    private void stopAndReport(CompletableFuture<Running<R>> started, CompletableFuture<Integer> reported) {
        Running<R> run;
        try {
            run = started.get(REPORT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException notStarted) {
            run = null;
        }
        if (run == null) {
            discardTrace();
            return;
        }
        try {
            run.stop().stop();
        } catch (InterruptedException | TimeoutException | IllegalStateException stopping) {
            // The run ends with the JVM.
        }
        writeTraceOnce();
        try {
            Runtime.getRuntime().halt(reported.get(REPORT_WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException | ExecutionException | TimeoutException noReport) {
            // The JVM ends as the signal says.
        }
    }

    /**
     * Opens {@link #traceFile()} for writing, before the run starts, without emptying it yet.
     *
     * @throws CommandLine.ParameterException (exit 2, one line) if it cannot be written
     */
    private synchronized void openTrace() { // the hook's discardTrace may run beside it
        Path file = traceFile();
        if (file == null) {
            return;
        }
        if (isStandardOutput(file)) {
            traceToOut = true;
            return;
        }
        if (Files.isRegularFile(file) && !holdsNothingToKeep(file)) {
            // As root, "--trace /etc/passwd" (a check of an unwritable path) wrote a trace over the
            // system's users; a learner's notes.txt given by mistake would be lost as surely.
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--trace': '" + file
                    + "' holds something other than a trace, and is kept; allowed: a new file, or a trace to write over");
        }
        try {
            boolean existed = Files.exists(file);
            traceOut = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            traceCreated = !existed;
            traceSeekable = Files.isRegularFile(file);
        } catch (IOException | SecurityException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--trace': cannot"
                    + " write '" + file + "' (" + why(file, e)
                    + "); allowed: a file that can be created or overwritten");
        }
    }

    /**
     * Whether {@code file}, a regular file, is empty or a trace (ChromeTrace#mayOverwrite); also if it
     * cannot be read, as opening it for writing then says why it cannot be written, if it cannot.
     */
    private static boolean holdsNothingToKeep(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ChromeTrace.mayOverwrite(in.readNBytes(ChromeTrace.BEGINNING.length()));
        } catch (IOException | SecurityException unread) {
            return true; // opening it for writing says why it cannot be written, if it cannot
        }
    }

    /**
     * Whether {@code file} is standard output: "-", as many tools take it, or the very file (or pipe)
     * standard output is, given by name (/dev/stdout): the trace opened there apart from the figures
     * wrote over them, or, into a pipe, failed ("Illegal seek").
     */
    private static boolean isStandardOutput(Path file) {
        if (file.toString().equals("-")) {
            return true;
        }
        try {
            return Files.exists(file) && Files.isSameFile(file, Path.of("/dev/stdout"));
        } catch (IOException | SecurityException | InvalidPathException notAsked) {
            return false; // no /dev/stdout here, or not to be read: a file as any other
        }
    }

    /** A Ctrl+C before the run began: the trace's file as it was (gone, if this command made it). */
    private synchronized void discardTrace() {
        if (traceOut == null || traceWritten) {
            return;
        }
        traceWritten = true;
        try {
            traceOut.close();
            if (traceCreated) {
                Files.deleteIfExists(traceFile());
            }
        } catch (IOException ignored) {
            // The JVM is ending; an empty file may stay.
        }
    }

    /**
     * {@code stream}, not closed with the trace written to it (the figures come after it, Ctrl+C's
     * too), and failing as a file would: a PrintStream swallows its errors, and a trace cut off by a
     * closed pipe or a full disk was exit 0.
     */
    private static OutputStream kept(PrintStream stream) {
        return new FilterOutputStream(stream) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                stream.write(bytes, offset, length);
                failIfFailed();
            }

            @Override
            public void flush() throws IOException {
                stream.flush();
                failIfFailed();
            }

            @Override
            public void close() throws IOException {
                flush();
            }

            private void failIfFailed() throws IOException {
                if (stream.checkError()) {
                    throw new IOException("standard output could not be written (a closed pipe, or a full disk)");
                }
            }
        };
    }

    /** Why {@code file} cannot be written, in a few words. */
    private static String why(Path file, Exception e) {
        if (Files.isDirectory(file)) {
            // "Is a directory", the system's words, for '' and for a folder given: the tool's own.
            return file.toString().isEmpty() ? "an empty name" : "a folder";
        }
        return switch (e) {
            case NoSuchFileException missing -> file.toAbsolutePath().getParent() != null
                    && Files.isDirectory(file.toAbsolutePath().getParent())
                    ? "files cannot be made in that folder" : "no such folder";
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
        if (traceOut == null && !traceToOut || traceWritten) {
            return true;
        }
        traceWritten = true;
        try {
            if (traceToOut) {
                PrintStream out = spec.commandLine().getOut() instanceof Cli.Out given ? given.stream() : System.out;
                writeTrace(new BufferedOutputStream(kept(out), 1 << 16));
                return true;
            }
            if (traceSeekable) {
                traceOut.truncate(0);
            }
            writeTrace(new BufferedOutputStream(Channels.newOutputStream(traceOut), 1 << 16));
            return true;
        } catch (IOException | InterruptedException | RuntimeException e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": could not write the trace to " + traceFile() + ": "
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

    /**
     * The events line of a recorded run: "events         1,200,000 recorded, 1,000,000 kept (24 bytes
     * each), 200,000 dropped", so that a trace holding only the newest events says so.
     */
    static String events(EventLog log) {
        long written = log.written();
        return String.format(Locale.ROOT, "events         %,d recorded, %,d kept (%,d bytes each), %,d dropped",
                written, written - log.dropped(), EventLog.BYTES_PER_EVENT, log.dropped());
    }
}
