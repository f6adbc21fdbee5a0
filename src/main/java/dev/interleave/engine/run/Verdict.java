package dev.interleave.engine.run;

/** A run's outcome and its check in one word, as {@code --json} prints it in {@code outcome}. */
public enum Verdict implements Labelled {
    /** Completed, and the check passed: exit 0. */
    OK("ok"),
    /** Completed, and the check failed (a wrong total, an item lost or consumed twice): exit 1. */
    WRONG_TOTAL("wrong-total"),
    /** Stopped before every task ran (Ctrl+C): exit 1. */
    STOPPED("stopped"),
    /** A task threw, or a thread could not be started: exit 1. */
    FAILED("failed");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The verdict on a run that ended with {@code outcome}; {@code ok}: it completed and its check passed. */
    public static Verdict of(Outcome outcome, boolean ok) {
        return switch (outcome) {
            case COMPLETED -> ok ? OK : WRONG_TOTAL;
            case STOPPED -> STOPPED;
            case FAILED -> FAILED;
        };
    }
}
