package dev.interleave;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order the suite runs its test classes in: every class not named in {@link #SLOW} first, by
 * name, so that a broken unit test fails the build in seconds; then the slow ones, in the order
 * {@link #SLOW} gives (cheapest first). Set as the default in junit-platform.properties;
 * {@code SlowTestsLastTest} checks that each name still names a test class.
 */
public final class SlowTestsLast implements ClassOrderer {

    /** The slow test classes, cheapest first, with what they took in full runs on two shared cores. */
    static final List<String> SLOW = List.of(
            "dev.interleave.engine.run.LifecycleTest",          // 5-7 s: 2,500 races
            "dev.interleave.engine.buffer.BufferRunnerTest",    // 9-17 s: many whole runs
            "dev.interleave.engine.philosophers.PhilosophersRunnerTest", // 7-21 s: 130 whole runs, a 3 s livelock pair
            "dev.interleave.ui.philosophers.PhilosophersViewFxTest",     // 15-17 s: the lab's view, headless
            "dev.interleave.engine.buffer.BufferRecordingTest", // 10-16 s: whole runs, every snapshot rebuilt
            "dev.interleave.engine.calls.CallRunnerRaceTest",   // 10-13 s: 300 stop races, real sleeps
            "dev.interleave.ui.shell.AppProcessTest",           // 10-15 s: the app as a process
            "dev.interleave.ui.shell.MainViewFxTest",           // 30-50 s: the window, headless
            "dev.interleave.ui.race.RaceViewFxTest",            // 25 s: the race lab's tab, headless
            "dev.interleave.engine.run.GateLincheckTest",       // 14-19 s
            "dev.interleave.engine.calls.CallRunnerTest",       // 26-27 s: the 1,000,000-call run
            "dev.interleave.engine.calls.CounterLincheckTest",  // 22 s
            "dev.interleave.engine.race.RaceLincheckTest",      // 85 s with striped and packed
            "dev.interleave.engine.buffer.BufferLincheckTest",  // 45-67 s
            "dev.interleave.PackagedAppTest");                  // 67-81 s: builds and starts the image

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparingInt((ClassDescriptor descriptor) -> SLOW.indexOf(descriptor.getTestClass().getName()))
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }
}
