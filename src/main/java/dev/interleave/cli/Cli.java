package dev.interleave.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import dev.interleave.engine.run.Labelled;
import dev.interleave.engine.run.Labels;

/**
 * The headless face of Interleave: {@code interleave calls ...} and {@code interleave buffer ...}
 * run the same engine the window shows and print the same figures, as text or one JSON object.
 *
 * <p>Exit codes: 0 the run's check passed, 1 it did not (a mismatch, a failed or stopped run),
 * 2 a bad argument (one line on standard error, printed before any thread starts).
 */
@Command(name = "interleave", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = {"Real threads contending for a counter, a sum and a bounded buffer; a race and atomics lab;"
                + " dining philosophers that deadlock.", "",
            "With no command, opens the window; with one, runs it here and prints its figures (each command's"
                + " --help says its options)."})
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
        // "interleave help buffer" is buffer's help, as many tools take it.
        commandLine.addSubcommand(new CommandLine.HelpCommand());
        commandLine.setOut(new Out(out));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setParameterExceptionHandler(Cli::badArgument);
        if (args.length > 2 && args[0].equals("help")) {
            // picocli's help command reads one command and lets the rest go: "help calls extra" printed calls' help.
            List<String> rest = Arrays.asList(args).subList(2, args.length);
            return badArgument(new CommandLine.ParameterException(commandLine.getSubcommands().get("help"),
                    "Unexpected " + (rest.size() == 1 ? "argument" : "arguments") + " after '" + args[1] + "': "
                            + rest.stream().map(word -> "'" + word + "'").collect(Collectors.joining(", "))
                            + "; allowed: one command (" + commandLine.getSubcommands().keySet().stream()
                                    .filter(name -> !name.equals("help")).collect(Collectors.joining(", ")) + ")"), args);
        }
        return commandLine.execute(args);
    }

    /**
     * Standard output as the commands print to it, holding the stream itself: a trace written there
     * ({@code --trace -}) is bytes, streamed as they are made.
     */
    static final class Out extends PrintWriter {
        private final PrintStream stream;

        Out(PrintStream stream) {
            super(stream, true, StandardCharsets.UTF_8);
            this.stream = stream;
        }

        PrintStream stream() {
            return stream;
        }
    }

    @Override
    public void run() {
        // `interleave` with an unknown word lands in badArgument; with none, Main opens the window.
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand; allowed: "
                + String.join(", ", spec.subcommands().keySet()) + " (or no arguments to open the window)");
    }

    /** What picocli's help command says of a command it does not know. */
    private static final Pattern UNKNOWN_HELP = Pattern.compile("Unknown subcommand '(.*)'\\.");

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
        if (e instanceof CommandLine.UnmatchedArgumentException unmatchedException) {
            message = unknown(command, unmatchedException.getUnmatched());
        }
        // picocli's own words, said as ours are (a review found them lower-case, or not saying what is allowed).
        if (e instanceof CommandLine.OverwrittenOptionException overwritten
                && overwritten.getOverwritten().isOption()) {
            message = "Option '" + ((CommandLine.Model.OptionSpec) overwritten.getOverwritten()).longestName()
                    + "' is given more than once; allowed: once";
        } else if (message.endsWith(Values.Threads.COUNT_ELSEWHERE)
                && command.getCommand() instanceof RunCommand<?, ?> counted) {
            // The option that counts, by name: "(see --help) (see 'interleave calls --help')" said where twice.
            message = message.replace(Values.Threads.COUNT_ELSEWHERE,
                    "how many threads run is set by " + counted.countingOptions());
        } else if (message.contains("' is not a boolean")) {
            message = message.replace("' is not a boolean", "' is neither true nor false")
                    + "; allowed: true or false, or the option alone for true";
        }
        // "help bufer": picocli's help command's own words, said as a command typed wrong is.
        Matcher helpFor = UNKNOWN_HELP.matcher(message);
        if (helpFor.matches() && !command.getSubcommands().isEmpty()) {
            message = unknown(command, List.of(helpFor.group(1))) + "; allowed: "
                    + String.join(", ", command.getSubcommands().keySet());
        }
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + message + allowed(e, message)
                + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        command.getErr().flush();
        return BAD_ARGUMENT;
    }

    /**
     * The words picocli could not match, said as what they were taken for (its "Unmatched argument
     * at index 0" is its own jargon): an unknown command (the first word at the top; the rest were
     * its options), unknown options (a value that came with one is not named), or a stray argument;
     * with the name meant ({@link #closest}).
     */
    private static String unknown(CommandLine command, List<String> unmatched) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        List<String> options = unmatched.stream().filter(word -> word.startsWith("-")).toList();
        String first = unmatched.isEmpty() ? "" : unmatched.getFirst();
        boolean commandExpected = !spec.subcommands().isEmpty() && !first.startsWith("-");
        String message;
        String typed;
        if (commandExpected) {
            message = "Unknown command: '" + first + "'";
            typed = first;
        } else if (!options.isEmpty()) {
            message = "Unknown option" + (options.size() == 1 ? "" : "s") + ": " + options.stream()
                    .map(option -> "'" + option + "'").collect(Collectors.joining(", "));
            typed = options.getFirst().split("=", 2)[0]; // "--fiar=true" is --fiar mistyped
        } else {
            message = "Unknown argument" + (unmatched.size() == 1 ? "" : "s") + ": " + unmatched.stream()
                    .map(word -> "'" + word + "'").collect(Collectors.joining(", "));
            typed = "";
        }
        // A command's option given before any command ("interleave --calls 10"): say whose it is.
        if (!commandExpected && !spec.subcommands().isEmpty() && !typed.isEmpty()) {
            List<String> owners = spec.subcommands().entrySet().stream()
                    .filter(sub -> sub.getValue().getCommandSpec().findOption(typed) != null)
                    .map(Map.Entry::getKey).toList();
            if (!owners.isEmpty()) {
                String whose = owners.size() == 1 ? owners.getFirst()
                        : String.join(", ", owners.subList(0, owners.size() - 1)) + " and " + owners.getLast();
                return message + " (an option of " + whose + ": put it after the command, e.g. 'interleave "
                        + owners.getFirst() + " " + typed + " ...')";
            }
        }
        String meant = closest(typed, commandExpected ? spec.subcommands().keySet()
                : spec.options().stream().map(CommandLine.Model.OptionSpec::longestName).toList());
        return meant == null ? message : message + " (did you mean " + meant + "?)";
    }

    /**
     * The name {@code word} was meant for: the one name a typo away (a letter missed, added, changed,
     * or two swapped: "--fiar"), else the one name it begins ("--max-sleep"); {@code null} if none or
     * several. Not picocli's suggestions, which can be far off (--trace for "--trheads").
     */
    static String closest(String word, Collection<String> names) {
        if (word.replace("-", "").length() < 2) {
            return null;
        }
        List<String> near = names.stream().filter(name -> typos(word, name) == 1).toList();
        if (near.isEmpty()) {
            near = names.stream().filter(name -> name.startsWith(word)).toList();
        }
        return near.size() == 1 ? near.getFirst() : null;
    }

    /** The optimal string alignment distance: insertions, deletions, changes and swaps of neighbours. */
    private static int typos(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + change);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
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
                            .filter(option -> !option.hidden()) // an alias --help does not list (--threads-kind)
                            .sorted(Comparator.comparing(option -> !option.required())) // required first
                            .map(CommandLine.Model.OptionSpec::longestName).toList())
                    : "; allowed: " + String.join(", ", spec.subcommands().keySet());
        }
        List<CommandLine.Model.ArgSpec> about = e instanceof CommandLine.MissingParameterException missing
                ? missing.getMissing() : e.getArgSpec() == null ? List.of() : List.of(e.getArgSpec());
        // Each missing option with what it takes (two missing were named, and only the first described).
        return about.stream().filter(CommandLine.Model.ArgSpec::isOption)
                .map(arg -> "; " + ((CommandLine.Model.OptionSpec) arg).longestName() + ": " + takes(arg))
                .collect(Collectors.joining());
    }

    /**
     * What {@code arg} takes: one of its names where it names a kind ({@link Labelled}), else the
     * first line of its description, which says what it is and its range; --help has the rest.
     * Philosophers' five strategies, each described as --help does, made a missing --strategy's
     * line 450 characters long (a review of the command line), and --concurrency's whole
     * description one of 420 (an engineer's tryout).
     */
    private static String takes(CommandLine.Model.ArgSpec arg) {
        if (arg.type().isEnum() && Labelled.class.isAssignableFrom(arg.type())) {
            return "one of " + Labels.labels(arg.type().asSubclass(Labelled.class));
        }
        return arg.description()[0].strip().replaceFirst("[.,;]$", "");
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
