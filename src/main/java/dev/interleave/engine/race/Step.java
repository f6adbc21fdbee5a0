package dev.interleave.engine.race;

/**
 * One step of one increment in the slow-motion stepper: the unit a thread takes when the learner
 * (or Auto-step) lets it. Each step is one line (or two) of the program a thread runs ({@link #code()}).
 */
public enum Step {

    /** count++, step 1: read the shared count into the thread's register. */
    READ("long r = count;", "read"),
    /** count++, step 2: add one in the register; the shared count does not change. */
    ADD("r = r + 1;", "add"),
    /** count++, step 3: write the register back, over whatever the count holds now. */
    WRITE("count = r;", "write"),
    /** {@code AtomicLong.incrementAndGet()}: read, add and write as one indivisible step. */
    INCREMENT_AND_GET("count.incrementAndGet();", "increment"),
    /** CAS loop, step 1: read the count; the value seen is what compareAndSet will expect. */
    CAS_READ("long seen = count.get();", "read"),
    /** CAS loop, step 2: compute the new value in the thread's own registers. */
    CAS_COMPUTE("long next = seen + 1;", "compute"),
    /** CAS loop, step 3: swap in the new value only if the count still holds the value seen; else retry. */
    CAS_SWAP("if (!count.compareAndSet(seen, next))\n    retry;", "compare-and-set");

    private final String code;
    private final String verb;

    Step(String code, String verb) {
        this.code = code;
        this.verb = verb;
    }

    /**
     * The Java this step is: one line, or two where one would be long (the compare-and-set, then
     * its retry: one step), so that a thread's lane stays narrow.
     */
    public String code() {
        return code;
    }

    /** The step in one word or two: "read", "compare-and-set". */
    public String verb() {
        return verb;
    }
}
