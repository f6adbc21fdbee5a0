package dev.interleave.engine.philosophers;

/** How philosophers and forks are named: index 0 is P1 and F1. Philosopher Pi's left fork is Fi. */
public final class Names {

    private Names() {
    }

    public static String philosopher(int index) {
        return "P" + (index + 1);
    }

    public static String fork(int index) {
        return "F" + (index + 1);
    }
}
