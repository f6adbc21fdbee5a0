package dev.interleave.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import dev.interleave.engine.run.ThreadKind;

/**
 * {@code --threads-kind}, race's name for the thread kind (its {@code --threads} is a count), taken
 * as well by the commands whose {@code --threads} is the kind: unknown there, picocli took it for
 * another option that it resembles. Not in their help, where {@code --threads} says it.
 */
final class ThreadsKindAlias {

    @Option(names = "--threads-kind", hidden = true, paramLabel = "KIND", converter = Values.Threads.class)
    private ThreadKind kind;

    /**
     * The kind asked for by either name: {@code threads} (its option's value or default) unless
     * {@code --threads-kind} was given.
     *
     * @throws CommandLine.ParameterException if both were given, naming different kinds
     */
    ThreadKind or(ThreadKind threads, CommandLine.Model.CommandSpec spec) {
        if (kind == null) {
            return threads;
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--threads") && kind != threads) {
            // Refused, not one of them taken: the run would say which, and a reader would not see why.
            throw new CommandLine.ParameterException(spec.commandLine(), "Options '--threads' and '--threads-kind'"
                    + " name two kinds (" + threads.label() + ", " + kind.label() + "); allowed: one of them, or"
                    + " both naming the same kind");
        }
        return kind;
    }
}
