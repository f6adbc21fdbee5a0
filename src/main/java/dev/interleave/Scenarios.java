package dev.interleave;

import java.util.List;
import java.util.function.Supplier;

import dev.interleave.cli.BufferCommand;
import dev.interleave.cli.CallsCommand;
import dev.interleave.cli.PhilosophersCommand;
import dev.interleave.cli.RaceCommand;
import dev.interleave.ui.buffer.BufferScenario;
import dev.interleave.ui.calls.CallsScenario;
import dev.interleave.ui.kit.ScenarioTab;
import dev.interleave.ui.philosophers.PhilosophersScenario;
import dev.interleave.ui.race.RaceScenario;

/**
 * Every scenario Interleave has, in the order the window's tabs and the command line's help show
 * them: the one place that names them all. A new scenario is an engine package, a ui package, a
 * command, and one line here.
 */
public final class Scenarios {

    /**
     * One scenario.
     *
     * @param tab     builds its tab: runner, view-model, view (FX thread); null for a scenario whose
     *                window is not built yet (it is on the command line only)
     * @param command its picocli command class
     */
    public record Scenario(Supplier<ScenarioTab> tab, Class<?> command) {
    }

    /** Every scenario, in order. */
    public static final List<Scenario> ALL = List.of(
            new Scenario(CallsScenario::tab, CallsCommand.class),
            new Scenario(BufferScenario::tab, BufferCommand.class),
            new Scenario(RaceScenario::tab, RaceCommand.class),
            new Scenario(PhilosophersScenario::tab, PhilosophersCommand.class));

    private Scenarios() {
    }

    /** The tabs of every scenario, new. FX thread. */
    public static List<ScenarioTab> tabs() {
        return ALL.stream().filter(scenario -> scenario.tab() != null).map(scenario -> scenario.tab().get()).toList();
    }

    /** The command classes of every scenario. */
    public static List<Class<?>> commands() {
        return ALL.stream().<Class<?>>map(Scenario::command).toList();
    }
}
