package dev.interleave.engine.philosophers;

import java.util.List;

import dev.interleave.engine.run.Stopwatch;

/**
 * A deadlock the table detected: a circle of philosophers, each waiting without a time limit for a
 * fork the next one holds.
 *
 * @param philosophers       the circle, by index (0 is P1), starting with the philosopher whose
 *                           wait closed it
 * @param forks              {@code forks.get(k)} is the fork (index; 0 is F1) that
 *                           {@code philosophers.get(k)} waits for, held by the next philosopher in
 *                           the circle (the last one's, by the first)
 * @param detectedAfterNanos the run's active time when the circle closed
 */
public record Deadlock(List<Integer> philosophers, List<Integer> forks, long detectedAfterNanos) {

    public Deadlock {
        philosophers = List.copyOf(philosophers);
        forks = List.copyOf(forks);
        if (philosophers.size() < 2 || philosophers.size() != forks.size()) {
            throw new IllegalArgumentException("a circle of at least two philosophers, one fork each");
        }
    }

    /** The circle in arrows: "P3 → F1 → P1 → F2 → P2 → F3 → P3". */
    public String arrows() {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < philosophers.size(); k++) {
            out.append(Names.philosopher(philosophers.get(k))).append(" → ").append(Names.fork(forks.get(k)))
                    .append(" → ");
        }
        return out.append(Names.philosopher(philosophers.getFirst())).toString();
    }

    /** The circle in words: "P3 waits for F1, held by P1; P1 waits for F2, held by P2; ...". */
    public String words() {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < philosophers.size(); k++) {
            if (k > 0) {
                out.append("; ");
            }
            out.append(Names.philosopher(philosophers.get(k))).append(" waits for ").append(Names.fork(forks.get(k)))
                    .append(", held by ").append(Names.philosopher(philosophers.get((k + 1) % philosophers.size())));
        }
        return out.toString();
    }

    /** The philosophers' numbers as people read them (P1 is 1), in circle order. */
    public List<Long> numbers() {
        return philosophers.stream().map(p -> (long) p + 1).toList();
    }

    public long detectedAfterMillis() {
        return Stopwatch.nearestMillis(detectedAfterNanos);
    }
}
