package dev.interleave.engine.philosophers;

import java.util.List;

/**
 * The four conditions that together make a deadlock (Coffman, Elphick and Shoshani, 1971), each
 * with a test of whether it holds at a moment of the table and the strategies that rule it out.
 * A deadlock needs all four at once; breaking any one prevents it.
 */
public enum Coffman {

    /** A fork is a lock: one philosopher at a time. No strategy here breaks it: it is what a fork is. */
    MUTUAL_EXCLUSION("Mutual exclusion", "a fork is held by one philosopher at a time", List.of(),
            "a fork serves one philosopher at a time") {
        @Override
        public boolean holdsNow(TableView table, Strategy strategy) {
            return table.forkHolders().stream().anyMatch(holder -> holder >= 0);
        }
    },

    /**
     * A philosopher holds one fork while it waits for another, with a time limit or without: a
     * {@code trylock} philosopher holds its left fork through its 10 ms try for the right. No
     * strategy here breaks it (taking both forks at once, or neither, would). It read "without a
     * time limit", and trylock was said to break it: a concurrency expert's review, as every seat
     * read "has F1 / tries F2" beside "Hold and wait: broken now". What a timed try breaks is no
     * preemption: a request that cannot be granted gives back what it holds.
     */
    HOLD_AND_WAIT("Hold and wait", "a philosopher holds a fork while it waits for another", List.of(),
            "each strategy holds its first fork while it waits for the second") {
        @Override
        public boolean holdsNow(TableView table, Strategy strategy) {
            return table.philosophers().stream().anyMatch(p -> !p.holding().isEmpty() && p.waitingFor() >= 0);
        }
    },

    /**
     * Nobody takes a fork from the philosopher who holds it; only the holder puts it down, after
     * eating. A {@code trylock} philosopher gives its own fork back when its try fails: the textbook
     * way to break it (a request that cannot be granted releases what it holds).
     */
    NO_PREEMPTION("No preemption", "a fork is put down only by its holder, after eating", List.of(Strategy.TRYLOCK),
            "") {
        @Override
        public boolean holdsNow(TableView table, Strategy strategy) {
            return !strategy.givesForksBack() && MUTUAL_EXCLUSION.holdsNow(table, strategy);
        }
    },

    /**
     * Each philosopher in a circle waits for a fork the next one holds. A circle of timed waits
     * ({@link WaitForGraph#timedCycle}) holds too, for as long as it lasts: it breaks when a try
     * runs out, as no preemption is broken then.
     */
    CIRCULAR_WAIT("Circular wait", "each philosopher in a circle waits for a fork the next one holds",
            List.of(Strategy.ORDERED, Strategy.WAITER), "") {
        @Override
        public boolean holdsNow(TableView table, Strategy strategy) {
            return !table.graph().cycle().isEmpty() || !table.graph().timedCycle().isEmpty();
        }
    };

    private final String title;
    private final String meaning;
    private final List<Strategy> brokenBy;
    /** Why no strategy here breaks it ({@link #unbroken()}); "" when one does. */
    private final String unbroken;

    Coffman(String title, String meaning, List<Strategy> brokenBy, String unbroken) {
        this.title = title;
        this.meaning = meaning;
        this.brokenBy = brokenBy;
        this.unbroken = unbroken;
    }

    /** Whether the condition holds at the moment {@code table} was taken, under {@code strategy}. */
    public abstract boolean holdsNow(TableView table, Strategy strategy);

    /** Its name, e.g. "Hold and wait". */
    public String title() {
        return title;
    }

    /** What it means at this table, in a few words. */
    public String meaning() {
        return meaning;
    }

    /** The strategies that rule it out, as fixes to try; empty for mutual exclusion and hold and wait. */
    public List<Strategy> brokenBy() {
        return brokenBy;
    }

    /** Why no strategy here breaks it, in a few words, when {@link #brokenBy} is empty; else "". */
    public String unbroken() {
        return unbroken;
    }

    /**
     * Whether {@code strategy} rules it out: one of {@link #brokenBy}, or one that gives its forks
     * back as {@code trylock} does (so {@code trylock-no-backoff} too, a fix that livelocks instead).
     */
    public boolean ruledOutBy(Strategy strategy) {
        return brokenBy.contains(strategy) || strategy.givesForksBack() && brokenBy.contains(Strategy.TRYLOCK);
    }
}
