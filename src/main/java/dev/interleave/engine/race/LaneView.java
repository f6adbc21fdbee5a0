package dev.interleave.engine.race;

/**
 * One thread of the stepper as a snapshot shows it.
 *
 * @param name           {@code T1} to {@code T4}
 * @param next           the step it takes when let, or null once done
 * @param registers      its own values in words ("r = 4", "seen = 4, next = 5"); empty before its first read
 * @param register       the value in its register (count++: r; CAS: seen, or next once computed;
 *                       incrementAndGet: the value returned), or null before the first
 * @param incrementsDone increments it completed
 * @param increments     increments it will do in all
 * @param casFailures    compareAndSet attempts of it that failed
 * @param stepsTaken     steps it took
 * @param done           whether it finished every increment (its thread has ended or is ending)
 */
public record LaneView(String name, Step next, String registers, Long register, int incrementsDone, int increments,
                       long casFailures, long stepsTaken, boolean done) {
}
