package dev.interleave.engine.buffer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The readable Java of {@code put} and {@code take} for each implementation and planted bug: the
 * text the condition-variable lab shows beside the animation, each line tagged with the
 * {@link Where} values it stands for, so the window can put each worker's chip at its line.
 *
 * <p>How it stays equivalent to the running code: the text is the algorithm without the lab's
 * instruments (the mirrors, the recording, the checks), and every line that does something carries a
 * {@link Line#key() key}: the fragment of the real statement, exactly as it is written in the real
 * class ({@link #sources}), that the line stands for ({@code notFull.await()}, {@code count ==
 * items.length}, {@code monitor.notifyAll()}, {@code mutex.acquire()}, or the bug's switch).
 * {@code BufferCodeTest} reads the real sources under {@code src/main/java} and fails if a key is not
 * there, or if a {@link Where} the real put or take records ({@code Where.X} in its source) is on no
 * line of the text: rename a condition, swap {@code notifyAll} for {@code notify}, or add a step,
 * and the test names the line that drifted. Behaviour is pinned by the lab's tests, which run each
 * bug in the real class and expect what the text predicts (a stall, a violation).
 */
public final class BufferCode {

    private BufferCode() {
    }

    /**
     * One line of code.
     *
     * @param text  the line as shown, indented with spaces
     * @param where what a worker at this line is doing; empty for lines no worker stops at
     * @param key   the fragment of the real source this line stands for, or null (braces, comments; a
     *              bug's comment stands for the check that plants the bug, such as "IF_NOT_WHILE")
     */
    public record Line(String text, Set<Where> where, String key) {
        public Line {
            Objects.requireNonNull(text);
            where = where.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(where));
        }

        /** Whether a worker at {@code place} sits at this line. */
        public boolean shows(Where place) {
            return where.contains(place);
        }

        /**
         * Whether this line is the lab's, not the algorithm's nor the bug's: the pause that holds
         * unlocked-count's race open.
         */
        public boolean labAid() {
            return LAB_PAUSE.equals(key);
        }
    }

    /** The lab's pause between unlocked-count's look and the lock, as the real classes write it. */
    public static final String LAB_PAUSE = "Thread.sleep(1)";

    /**
     * A method's text.
     *
     * @param name  "put" or "take"
     * @param lines its lines: the signature first (after the lock's two fields, over put)
     */
    public record Method(String name, List<Line> lines) {
        public Method {
            lines = List.copyOf(lines);
        }

        /**
         * The index of the line a worker at {@code place} sits at, or -1 when none (OUTSIDE: beside
         * the signature would mislead, so the window shows it outside the code).
         */
        public int lineOf(Where place) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).shows(place)) {
                    return i;
                }
            }
            return -1;
        }

        /** The text alone, one line each. */
        public String text() {
            StringBuilder out = new StringBuilder();
            for (Line line : lines) {
                out.append(line.text()).append('\n');
            }
            return out.toString();
        }
    }

    /** The real classes' sources (relative to src/main/java's package folder) the keys of {@code impl} are in. */
    public static List<String> sources(BufferImpl impl) {
        return switch (impl) {
            case LOCK -> List.of("BoundedBuffer.java", "WakePolicy.java");
            case MONITOR -> List.of("MonitorBuffer.java");
            case SEMAPHORE -> List.of("SemaphoreBuffer.java");
            case ABQ -> List.of("BufferRunner.java");
        };
    }

    /** {@code put} of {@code impl} with {@code bug} (and, for the lock, {@code policy}). */
    public static Method put(BufferImpl impl, Bug bug, WakePolicy policy) {
        return method(impl, bug, policy, true);
    }

    /** {@code take} of {@code impl} with {@code bug} (and, for the lock, {@code policy}). */
    public static Method take(BufferImpl impl, Bug bug, WakePolicy policy) {
        return method(impl, bug, policy, false);
    }

    private static Method method(BufferImpl impl, Bug bug, WakePolicy policy, boolean put) {
        if (!bug.appliesTo(impl)) {
            throw new IllegalArgumentException("bug " + bug + " does not go with " + impl + ": " + Bug.combinations());
        }
        Text t = new Text();
        switch (impl) {
            case LOCK -> lock(t, bug, policy, put);
            case MONITOR -> monitor(t, bug, put);
            case SEMAPHORE -> semaphore(t, bug, put);
            case ABQ -> abq(t, put);
        }
        return new Method(put ? "put" : "take", t.lines);
    }

    private static void lock(Text t, Bug bug, WakePolicy policy, boolean put) {
        String waitOn = put ? "notFull" : "notEmpty";
        String signalOn = put ? "notEmpty" : "notFull";
        String blocked = put ? "count == items.length" : "count == 0";
        if (put) {
            // The two conditions, as the buffer makes them, over put: one-condition's defect is here,
            // in code (a comment alone inside correct-looking methods was read as correct code). The
            // comment on a line of its own: a line longer than put's signature widened the panel, and
            // the code went under the picture where the other labs' sits beside it.
            t.line("Condition notFull = lock.newCondition();", "lock.newCondition()");
            if (bug == Bug.ONE_CONDITION) {
                t.comment("// one-condition: one wait set for both sides", "ONE_CONDITION");
                t.line("Condition notEmpty = notFull;", "oneCondition ? notFull");
            } else {
                t.line("Condition notEmpty = lock.newCondition();", "lock.newCondition()");
            }
            t.plain(""); // the fields, then the methods
        }
        signature(t, put);
        if (bug == Bug.UNLOCKED_COUNT) {
            unlockedLook(t, put, "reads count without the lock");
        }
        t.line("    lock.lockInterruptibly();", "lock.lockInterruptibly()", Where.ENTERING);
        t.plain("    try {");
        String loop = bug == Bug.IF_NOT_WHILE ? "if" : "while";
        String test = bug == Bug.UNLOCKED_COUNT ? "!" + (put ? "sawRoom" : "sawItem") + " && " + blocked : blocked;
        ifNotWhile(t, bug);
        t.line("        " + loop + " (" + test + ")", blocked, Where.CHECKING);
        t.line("            " + waitOn + ".await();", "await(" + waitOn + ", waiter)", Where.WAITING, Where.WOKEN, Where.INTERRUPTED);
        writeSlot(t, put, "        ");
        String signal = policy == WakePolicy.SIGNAL_ALL ? "signalAll" : "signal";
        t.line("        " + signalOn + "." + signal + "();", "condition." + signal + "()", Where.SIGNALLING);
        if (!put) {
            t.plain("        return item;");
        }
        t.plain("    } finally {");
        t.line("        lock.unlock();", "lock.unlock()", Where.RELEASING);
        t.plain("    }");
        t.plain("}");
    }

    private static void monitor(Text t, Bug bug, boolean put) {
        String blocked = put ? "count == items.length" : "count == 0";
        signature(t, put);
        if (bug == Bug.UNLOCKED_COUNT) {
            unlockedLook(t, put, "reads count outside synchronized");
        }
        t.line("    synchronized (monitor) {", "synchronized (monitor)", Where.ENTERING);
        String loop = bug == Bug.IF_NOT_WHILE ? "if" : "while";
        String test = bug == Bug.UNLOCKED_COUNT ? "!" + (put ? "sawRoom" : "sawItem") + " && " + blocked : blocked;
        ifNotWhile(t, bug);
        t.line("        " + loop + " (" + test + ")", blocked, Where.CHECKING);
        t.line("            monitor.wait();", "monitor.wait(", Where.WAITING, Where.WOKEN, Where.INTERRUPTED);
        writeSlot(t, put, "        ");
        if (bug == Bug.NOTIFY) {
            t.comment("        // notify: wakes one waiter, of either side", null);
            t.line("        monitor.notify();", "monitor.notify()", Where.SIGNALLING);
        } else {
            t.line("        monitor.notifyAll();", "monitor.notifyAll()", Where.SIGNALLING);
        }
        if (!put) {
            t.plain("        return item;");
        }
        t.line("    }", null, Where.RELEASING);
        t.plain("}");
    }

    /**
     * if-not-while's comment, on a line of its own above the test it spoils: at the end of the test's
     * line it made the widest line of the code, and the code went under the picture at 1366x768.
     */
    private static void ifNotWhile(Text t, Bug bug) {
        if (bug == Bug.IF_NOT_WHILE) {
            t.comment("        // if-not-while: no re-check once woken", "IF_NOT_WHILE");
        }
    }

    /**
     * unlocked-count's look at the count before the lock (or the monitor), and the lab's pause that
     * holds the gap open. A worker that looked ({@link Where#LOOKED}, recorded as a
     * {@link BufferEvent#LOOK}) sits at the look's line through the pause; live, until it asks for the
     * lock; rewound, until its next event (its put, take or wait, or a contended lock request).
     */
    private static void unlockedLook(Text t, boolean put, String comment) {
        String room = put ? "count < items.length" : "count > 0";
        t.comment("    // unlocked-count: " + comment, null);
        t.line("    boolean " + (put ? "sawRoom" : "sawItem") + " = " + room + ";",
                put ? "seen < slots" : "seen > 0", Where.LOOKED);
        t.line("    " + LAB_PAUSE + ";   // lab: widens the race window", LAB_PAUSE);
    }

    private static void semaphore(Text t, Bug bug, boolean put) {
        String mine = put ? "freeSlots" : "filledSlots";
        String theirs = put ? "filledSlots" : "freeSlots";
        signature(t, put);
        String saw = put ? "sawRoom" : "sawItem";
        if (bug == Bug.UNLOCKED_COUNT) {
            t.comment("    // unlocked-count: looks at the permits, takes none", null);
            t.line("    boolean " + saw + " = " + mine + ".availablePermits() > 0;", mine + ".availablePermits()",
                    Where.LOOKED);
            t.plain("    if (!" + saw + ")");
            t.line("        " + mine + ".acquire();", "acquire(" + mine + ", " + (put ? "producer" : "consumer"),
                    Where.CHECKING, Where.WAITING, Where.WOKEN, Where.INTERRUPTED);
        } else {
            t.line("    " + mine + ".acquire();", "acquire(" + mine + ", " + (put ? "producer" : "consumer"),
                    Where.CHECKING, Where.WAITING, Where.WOKEN, Where.INTERRUPTED);
        }
        t.line("    mutex.acquire();", "mutex.acquire()", Where.ENTERING);
        if (!put) {
            t.plain("    long item;");
        }
        t.plain("    try {");
        writeSlot(t, put, "        ", false);
        t.plain("    } finally {");
        t.line("        mutex.release();", "mutex.release()", Where.RELEASING);
        t.plain("    }");
        t.line("    " + theirs + ".release();", theirs + ".release()", Where.SIGNALLING);
        if (!put) {
            t.plain("    return item;");
        }
        t.plain("}");
    }

    private static void abq(Text t, boolean put) {
        t.plain(put ? "public void put(long item) throws InterruptedException {" : "public long take() throws InterruptedException {");
        t.comment("    // ArrayBlockingQueue: the lock algorithm, inside the JDK", null);
        t.comment("    // (its wait sets are not visible)", null);
        if (put) {
            t.line("    queue.put(item);", "queue.put(boxed)", Where.ENTERING, Where.CHECKING, Where.WAITING,
                    Where.WOKEN, Where.WRITING, Where.SIGNALLING, Where.RELEASING, Where.INTERRUPTED);
        } else {
            t.line("    return queue.take();", "queue.take()", Where.ENTERING, Where.CHECKING, Where.WAITING,
                    Where.WOKEN, Where.WRITING, Where.SIGNALLING, Where.RELEASING, Where.INTERRUPTED);
        }
        t.plain("}");
    }

    private static void signature(Text t, boolean put) {
        t.plain(put ? "public void put(long item) throws InterruptedException {"
                : "public long take() throws InterruptedException {");
    }

    private static void writeSlot(Text t, boolean put, String indent) {
        writeSlot(t, put, indent, true);
    }

    private static void writeSlot(Text t, boolean put, String indent, boolean declare) {
        if (put) {
            t.line(indent + "items[putIndex] = item;", "items[slot] = item", Where.WRITING);
            // Two lines, as the while and its await: one line wrapped at a large zoom, and its body then
            // read as the next statement.
            t.plain(indent + "if (++putIndex == items.length)");
            t.plain(indent + "    putIndex = 0;");
            t.plain(indent + "count++;");
        } else {
            t.line(indent + (declare ? "long " : "") + "item = items[takeIndex];", "items[slot] = 0", Where.WRITING);
            t.plain(indent + "items[takeIndex] = 0;");
            t.plain(indent + "if (++takeIndex == items.length)");
            t.plain(indent + "    takeIndex = 0;");
            t.plain(indent + "count--;");
        }
    }

    /** Lines being built. */
    private static final class Text {
        final List<Line> lines = new ArrayList<>();

        void line(String text, String key, Where... where) {
            lines.add(new Line(text, where.length == 0 ? Set.of() : EnumSet.of(where[0], where), key));
        }

        void plain(String text) {
            lines.add(new Line(text, Set.of(), null));
        }

        void comment(String text, String key) {
            lines.add(new Line(text, Set.of(), key));
        }
    }
}
