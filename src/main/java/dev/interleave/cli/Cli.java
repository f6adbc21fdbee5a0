package dev.interleave.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless face of Interleave: {@code interleave calls ...} and {@code interleave buffer ...}
 * run the same engine the window shows and print the same figures, as text or one JSON object.
 *
 * <p>Exit codes: 0 the run's check passed, 1 it did not (a mismatch, a failed or stopped run),
 * 2 a bad argument (one line on standard error, printed before any thread starts).
 */
@Command(name = "interleave", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Real threads contending for a counter, a sum and a bounded buffer; a race and atomics lab;"
                + " dining philosophers that deadlock.")
public final class Cli implements Runnable {

    /** Exit code of a run whose check passed. */
    public static final int OK = 0;
    /** Exit code of a run whose check failed. */
    public static final int CHECK_FAILED = 1;
    /** Exit code of a bad argument. */
    public static final int BAD_ARGUMENT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private Cli() {
    }

    /**
     * Runs the command line {@code args} with {@code commands} (one per scenario, in order) as its
     * subcommands and returns the exit code.
     */
    public static int run(List<Class<?>> commands, String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new Cli());
        for (Class<?> command : commands) {
            commandLine.addSubcommand(command);
        }
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setParameterExceptionHandler(Cli::badArgument);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        // `interleave` with an unknown word lands in badArgument; with none, Main opens the window.
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; allowed: "
                + String.join(", ", spec.subcommands().keySet()) + " (or no arguments to open the window)");
    }

    /** One line naming what is wrong and what is allowed; never a stack trace, never the usage screen. */
    private static int badArgument(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        if (e instanceof CommandLine.MissingParameterException && !command.getUnmatchedArguments().isEmpty()) {
            // A mistyped option ("--increment 10") left its required one missing: the typo is what to
            // fix, and "Missing required option '--increments=K'" alone did not name it.
            return badArgument(new CommandLine.UnmatchedArgumentException(command,
                    command.getUnmatchedArguments()), args);
        }
        String message = e.getMessage() == null ? "bad argument" : e.getMessage().strip().lines().findFirst().orElse("");
        if (e instanceof CommandLine.UnmatchedArgumentException) {
            // picocli's "Unmatched argument at index 0: 'foo'" is its own jargon: say what the word was taken for.
            String what = command.getCommandSpec().subcommands().isEmpty() ? "argument" : "command";
            message = message.replaceFirst("^Unmatched arguments? (at|from) index \\d+: ", "Unknown " + what
                    + (message.startsWith("Unmatched arguments") ? "s" : "") + ": ");
            // "--thread 4": the option is unknown, and its value only came with it.
            List<String> options = ((CommandLine.UnmatchedArgumentException) e).getUnmatched().stream()
                    .filter(word -> word.startsWith("-")).toList();
            if (!options.isEmpty() && command.getCommandSpec().subcommands().isEmpty()) {
                message = "Unknown option" + (options.size() == 1 ? "" : "s") + ": " + options.stream()
                        .map(option -> "'" + option + "'").collect(Collectors.joining(", "));
            }
            // A typo ("calss", "--producer") names the word meant: picocli finds the close ones.
            List<String> close = ((CommandLine.UnmatchedArgumentException) e).getSuggestions();
            if (!close.isEmpty()) {
                message += " (did you mean " + close.getFirst() + "?)";
            }
        }
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + message + allowed(e, message)
                + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        command.getErr().flush();
        return BAD_ARGUMENT;
    }

    /** What is allowed, when picocli's own message does not say. */
    private static String allowed(CommandLine.ParameterException e, String message) {
        if (message.contains("allowed")) {
            return "";
        }
        CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
        if (e instanceof CommandLine.UnmatchedArgumentException) {
            return spec.subcommands().isEmpty()
                    ? "; allowed options: " + String.join(", ", spec.options().stream()
                            .sorted(Comparator.comparing(option -> !option.required())) // required first
                            .map(CommandLine.Model.OptionSpec::longestName).toList())
                    : "; allowed: " + String.join(", ", spec.subcommands().keySet());
        }
        List<CommandLine.Model.ArgSpec> about = e instanceof CommandLine.MissingParameterException missing
                ? missing.getMissing() : e.getArgSpec() == null ? List.of() : List.of(e.getArgSpec());
        // Each missing option with what it takes (two missing were named, and only the first described).
        return about.stream().filter(CommandLine.Model.ArgSpec::isOption)
                .map(arg -> "; " + ((CommandLine.Model.OptionSpec) arg).longestName() + ": "
                        // Each line stripped: a continued line's indent in --help ran into "right;   if it fails".
                        + Arrays.stream(arg.description()).map(String::strip).collect(Collectors.joining(" "))
                                .replaceFirst("\\.$", ""))
                .collect(Collectors.joining());
    }

    /** The version from the module descriptor (set by the build), or "dev" when run from classes without one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Cli.class.getModule().getDescriptor() == null ? "dev"
                    : Cli.class.getModule().getDescriptor().rawVersion().orElse("dev");
            return new String[] {"Interleave " + version};
        }
    }
}
