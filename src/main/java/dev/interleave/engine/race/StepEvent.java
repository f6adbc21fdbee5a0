package dev.interleave.engine.race;

/**
 * One step a thread of the stepper took, as it happened.
 *
 * @param number     1 for the first step of the run, then 2, 3, ...
 * @param thread     the thread's name, {@code T1} to {@code T4}
 * @param step       which step
 * @param words      what it did, in a sentence: "T2 wrote 5 over T1's 5: one increment lost"
 * @param countAfter the shared count after the step
 * @param lostAfter  increments lost so far after the step (completed increments less the count)
 * @param lostHere   how many increments this step lost (negative if a stale write put some back)
 * @param casFailed  whether this was a compareAndSet that failed (the thread retries)
 * @param atRandom   whether the thread was picked at random (S, Auto-step), not chosen by the learner
 */
public record StepEvent(long number, String thread, Step step, String words, long countAfter, long lostAfter,
                        long lostHere, boolean casFailed, boolean atRandom) {
}
