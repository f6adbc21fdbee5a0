package dev.interleave.engine.race;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The challenge's arithmetic ({@link StepperSettings#par}, {@link StepperSettings#maxGoal},
 * {@link StepperSettings#mostLost}) against a breadth-first search of every interleaving of count++
 * as the stepper takes it: read, add, write, one step each.
 */
class StepperSettingsTest {

    /**
     * For every goal one stale read can reach, par is the fewest steps the search finds; and the most
     * any interleaving loses is mostLost (the count ends at 2, or at 1 with one increment each).
     */
    @Test
    void parAndTheMostLostAreWhatASearchOfEveryInterleavingFinds() {
        int[][] cases = {{2, 1}, {2, 2}, {2, 3}, {2, 4}, {2, 5}, {3, 1}, {3, 2}, {3, 3}, {4, 1}, {4, 2}};
        for (int[] each : cases) {
            int threads = each[0];
            int increments = each[1];
            int[] fewest = fewestStepsToLose(threads, increments);
            String setup = threads + " threads of " + increments;
            for (int goal = 1; goal <= StepperSettings.maxGoal(threads, increments); goal++) {
                StepperSettings settings = StepperSettings.of(threads, StepProgram.COUNT_PLUS_PLUS, increments)
                        .withGoal(goal);
                assertEquals(fewest[goal], settings.par(), setup + ", goal " + goal);
            }
            int most = 0;
            while (most + 1 < fewest.length && fewest[most + 1] > 0) {
                most++;
            }
            assertEquals(most, StepperSettings.mostLost(threads, increments), setup);
        }
    }

    /**
     * By lost updates L, the fewest steps after which completed - count >= L, over every interleaving;
     * 0 where no interleaving loses L. A state: the count, and each thread's increments done, its next
     * step (0 read, 1 add, 2 write) and its register.
     */
    private static int[] fewestStepsToLose(int threads, int increments) {
        int[] fewest = new int[threads * increments + 1];
        // state: [count, done x threads, phase x threads, register x threads, completed, steps]
        int width = 3 + 3 * threads;
        Set<String> seen = new HashSet<>();
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        queue.add(new int[width]);
        while (!queue.isEmpty()) {
            int[] state = queue.poll();
            int count = state[0];
            int completed = state[width - 2];
            int steps = state[width - 1];
            for (int lost = 1; lost <= completed - count; lost++) {
                if (fewest[lost] == 0) {
                    fewest[lost] = steps;
                }
            }
            for (int t = 0; t < threads; t++) {
                int done = 1 + t;
                int phase = 1 + threads + t;
                int register = 1 + 2 * threads + t;
                if (state[done] == increments) {
                    continue;
                }
                int[] next = state.clone();
                switch (state[phase]) {
                    case 0 -> next[register] = count;
                    case 1 -> next[register] = state[register] + 1;
                    default -> {
                        next[0] = state[register];
                        next[register] = 0;
                        next[done]++;
                        next[width - 2]++;
                    }
                }
                next[phase] = (state[phase] + 1) % 3;
                next[width - 1]++;
                if (seen.add(Arrays.toString(Arrays.copyOf(next, width - 1)))) {
                    queue.add(next);
                }
            }
        }
        return fewest;
    }
}
