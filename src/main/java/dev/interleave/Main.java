package dev.interleave;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

import dev.interleave.cli.Cli;
import dev.interleave.ui.shell.InterleaveApp;

/**
 * The one entry point. No arguments: the window. A subcommand ({@code calls}, {@code buffer}):
 * the headless command line, which never touches the display. {@code --smoke}, {@code --render DIR},
 * {@code --frame-stats} and {@code --train}: the window, driven by a script (start-up check, README
 * pictures, responsiveness figures, the AOT cache's training run).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (Boolean.getBoolean("interleave.startupTrace")) {
            long start = ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("[startup] main at " + (System.currentTimeMillis() - start) + " ms");
        }
        if (args.length == 0) {
            try {
                InterleaveApp.open();
            } catch (UnsupportedOperationException noDisplay) {
                // Over SSH or in CI: one line saying what to do instead, not JavaFX's stack trace.
                System.err.println("interleave: cannot open the window (" + noDisplay.getMessage() + "); give a command to"
                        + " run in the terminal instead: calls, buffer, race or philosophers (see 'interleave --help')");
                System.exit(Cli.CHECK_FAILED);
            }
            System.exit(0);
        }
        if (InterleaveApp.isScript(args[0])) {
            InterleaveApp.openScripted(args);
            System.exit(0);
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command line and returns its exit code, without exiting; what tests call. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.run(Scenarios.commands(), args, out, err);
    }
}
