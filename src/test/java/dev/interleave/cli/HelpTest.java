package dev.interleave.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import static dev.interleave.cli.CallsCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every run command's {@code --help} reads cleanly at 80 columns, and its {@code --version} answers. */
class HelpTest {

    private static final int COLUMNS = 80;

    /**
     * No line is wider than 80 columns; each line of each option's description is printed whole,
     * on its own line, the first beside the option's name; the hand-laid synopsis names every
     * option, each whole on one line.
     */
    @ParameterizedTest
    @ValueSource(strings = {"calls", "buffer", "race"})
    void eachOptionReadsCleanlyAt80Columns(String command) {
        CallsCommandTest.Invocation ran = run(command, "--help");
        assertEquals(0, ran.exitCode(), ran.err());
        List<String> lines = ran.out().lines().toList();
        for (String line : lines) {
            assertTrue(line.length() <= COLUMNS, "wider than " + COLUMNS + ": " + line);
        }
        List<String> synopsis = synopsis(lines);
        CommandLine.Model.CommandSpec spec = new CommandLine(switch (command) {
            case "calls" -> new CallsCommand();
            case "buffer" -> new BufferCommand();
            default -> new RaceCommand();
        }).getCommandSpec();
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue; // another command's spelling, taken but not shown (--threads-kind)
            }
            String name = option.longestName();
            String[] description = option.description();
            assertTrue(lines.stream().anyMatch(line -> line.contains(" " + name) && line.endsWith(" " + description[0])),
                    name + ": its description does not start on its line whole:\n" + ran.out());
            for (String part : description) {
                assertTrue(lines.stream().anyMatch(line -> line.endsWith(" " + part)),
                        name + ": '" + part + "' is split across lines:\n" + ran.out());
            }
            String token = option.usageHelp() || option.versionHelp() ? "-hV"
                    : option.arity().max() == 0 ? name : name + "=" + option.paramLabel();
            assertTrue(synopsis.stream().anyMatch(line -> line.contains(token)),
                    token + " is missing from the synopsis or split across its lines:\n" + String.join("\n", synopsis));
        }
    }

    /**
     * Picocli formats every help text ({@code %%} is a percent sign, {@code %n} a new line); a text
     * it cannot format ("20%)") it prints raw, with a warning on the standard error at each
     * {@code --help}, three times for one option: "Could not format 'The fraction of waits, 0 to 1 (or
     * a percentage: 20%),'".
     */
    @ParameterizedTest
    @ValueSource(classes = {Cli.class, CallsCommand.class, BufferCommand.class, RaceCommand.class,
        PhilosophersCommand.class})
    void everyHelpTextIsAFormatString(Class<?> command) {
        List<String> texts = new ArrayList<>();
        for (Class<?> type = command; type != null; type = type.getSuperclass()) {
            CommandLine.Command about = type.getAnnotation(CommandLine.Command.class);
            if (about != null) {
                texts.addAll(List.of(about.description()));
                texts.addAll(List.of(about.footer()));
                texts.addAll(List.of(about.header()));
            }
            for (Field field : type.getDeclaredFields()) {
                CommandLine.Option option = field.getAnnotation(CommandLine.Option.class);
                if (option != null) {
                    texts.addAll(List.of(option.description()));
                }
            }
        }
        assertTrue(!texts.isEmpty(), "no help text found");
        for (String text : texts) {
            try {
                String.format(Locale.ROOT, text);
            } catch (IllegalFormatException e) {
                throw new AssertionError(command.getSimpleName() + ": '" + text + "' is not a format string: " + e);
            }
        }
    }

    /** Each command's --version says the version, as the help promises: it printed nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"calls", "buffer", "race", "philosophers"})
    void eachCommandSaysItsVersion(String command) {
        CallsCommandTest.Invocation ran = run(command, "--version");
        assertEquals(0, ran.exitCode(), ran.err());
        assertTrue(ran.out().startsWith("Interleave "), "'" + ran.out() + "'");
    }

    /** "interleave help buffer" is buffer's help, as many tools take it; it ran buffer with no options. */
    @ParameterizedTest
    @ValueSource(strings = {"calls", "buffer", "race", "philosophers"})
    void helpAndACommandIsItsHelp(String command) {
        CallsCommandTest.Invocation ran = run("help", command);
        assertEquals(0, ran.exitCode(), ran.err());
        assertEquals(run(command, "--help").out(), ran.out());
    }

    /** "help bufer" names the command meant and the allowed ones, as "bufer" alone does (it said only "Unknown subcommand"). */
    @ParameterizedTest
    @ValueSource(strings = {"bufer:Unknown command: 'bufer' (did you mean buffer?); allowed: calls, buffer, race, philosophers",
            "nosuch:Unknown command: 'nosuch'; allowed: calls, buffer, race, philosophers"})
    void helpForAnUnknownCommandNamesTheAllowedOnes(String typedAndSaid) {
        String[] parts = typedAndSaid.split(":", 2);
        CallsCommandTest.Invocation ran = run("help", parts[0]);
        assertEquals(2, ran.exitCode());
        assertEquals(1, ran.err().lines().count(), ran.err());
        assertTrue(ran.err().startsWith("interleave: " + parts[1]), ran.err());
    }

    /** "help calls extra" is refused, as any stray word is: picocli's help command printed calls' help and exited 0. */
    @Test
    void helpTakesOneCommand() {
        CallsCommandTest.Invocation ran = run("help", "calls", "extra");
        assertEquals(2, ran.exitCode(), ran.out());
        assertEquals("", ran.out());
        assertEquals(List.of("interleave help: Unexpected argument after 'calls': 'extra'; allowed: one command"
                + " (calls, buffer, race, philosophers) (see 'interleave help --help')"), ran.err().lines().toList());
    }

    /**
     * A command's option given before any command says whose it is and where it goes ("interleave
     * --calls 10" listed the commands alone); the top's help says what no command does.
     */
    @Test
    void aCommandsOptionBeforeItsCommandSaysWhoseItIs() {
        CallsCommandTest.Invocation ran = run("--calls", "10");
        assertEquals(2, ran.exitCode());
        assertEquals(1, ran.err().lines().count(), ran.err());
        assertTrue(ran.err().startsWith("interleave: Unknown option: '--calls' (an option of calls: put it after the"
                + " command, e.g. 'interleave calls --calls ...')"), ran.err());
        CallsCommandTest.Invocation shared = run("--threads", "4");
        assertTrue(shared.err().contains("(an option of calls, buffer, race and philosophers: put it after the"
                + " command"), shared.err());
        assertTrue(run("--help").out().contains("With no command, opens the window"), run("--help").out());
    }

    /** The lines from "Usage:" to the last indented line that follows it. */
    private static List<String> synopsis(List<String> lines) {
        List<String> synopsis = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Usage: ") || !synopsis.isEmpty() && line.startsWith(" ")) {
                synopsis.add(line);
            } else if (!synopsis.isEmpty()) {
                break;
            }
        }
        assertTrue(synopsis.size() > 1, "no synopsis in " + lines);
        return synopsis;
    }
}
