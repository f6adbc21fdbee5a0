package dev.interleave.engine.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.History;

/**
 * A buffer's recorded events told in words: each action ({@link #isAction}: a put, take, wait,
 * spurious wake-up or unlocked-count's look) as one ("P3 put #17 into slot 5, signalled notEmpty
 * and woke C1"), and any single event for an event list, in the
 * terms of the implementation that ran ({@link Terms}: a monitor calls {@code notifyAll()}, a
 * semaphore's put releases {@code filledSlots}). The words are built only when asked, never on the
 * recording path. Stateless; any thread.
 */
public final class BufferNarration {

    /**
     * A violation's last words: the run is stopped, and the buffer with it (FirstViolation): threads
     * under way may still wake, wait or leave, so the log goes on for a few lines, but none puts or takes.
     */
    private static final String VIOLATION_STOPS_RUN = "so the run is stopped: nobody puts or takes after it";

    /**
     * What a consumer of the one-condition lock buffer waits on, in its code's name: take() awaits
     * notEmpty, which that bug made the same object as notFull ("C1 waits on notFull" read as a typo).
     */
    static final String ONE_CONDITION_NOT_EMPTY = "notEmpty (the one condition: notEmpty is notFull)";

    /**
     * What both sides of the one-condition lock buffer wait on, in a stall's words, named once as the
     * monitor's one wait set is ("P1, P2, P3 wait on notFull and C1, C2, C3 wait on notEmpty ..."
     * named two, a teacher's tryout), in the consumers' parenthesis.
     */
    static final String ONE_CONDITION_BOTH = "notFull (the one condition: notEmpty is notFull)";

    private BufferNarration() {
    }

    /**
     * What the implementation that ran calls its waits, wake-ups and lock, so the log says what the
     * code panel shows: the lock buffer awaits and signals its conditions (one condition with
     * {@link Bug#ONE_CONDITION}), the monitor calls {@code wait()} and {@code notifyAll()} (or
     * {@code notify()}), the semaphores block in {@code acquire()} and {@code release()} each other.
     *
     * @param impl   the implementation
     * @param bug    its planted bug
     * @param policy the lock buffer's signal or signal-all (ignored by the others)
     * @param spurious whether the lab makes some waits end by themselves (its spurious rate above 0,
     *                 on a buffer that takes it): a waiter may then leave the monitor's wait set with
     *                 no notify(), which a lost notify()'s words say
     */
    public record Terms(BufferImpl impl, Bug bug, WakePolicy policy, boolean spurious) {

        /** These terms with no spurious wake-ups. */
        public Terms(BufferImpl impl, Bug bug, WakePolicy policy) {
            this(impl, bug, policy, false);
        }

        /** The lock buffer, correct, with signal: the words the narration had before the lab. */
        public static final Terms LOCK = new Terms(BufferImpl.LOCK, Bug.NONE, WakePolicy.SIGNAL);

        /** The terms of the run {@code settings} describe. */
        public static Terms of(BufferSettings settings) {
            return new Terms(settings.impl(), settings.bug(), settings.policy(),
                    settings.spurious() > 0 && settings.impl().takesSpurious());
        }

        /** Tells events in these terms, for a {@link History}. */
        public History.Narrator narrator() {
            return (batch, i) -> words(this, batch, i);
        }

        private boolean monitor() {
            return impl == BufferImpl.MONITOR;
        }

        /**
         * With the planted unlocked count, why a put met a full slot (a take an empty one): the look
         * it went on from (its {@link BufferEvent#LOOK}, some lines up) was not under the lock.
         * Otherwise nothing.
         */
        private String unlockedLook(boolean put) {
            if (bug != Bug.UNLOCKED_COUNT) {
                return "";
            }
            if (semaphore()) {
                return put ? " (it saw a free slot with freeSlots.availablePermits() and went on without acquiring it)"
                        : " (it saw an item with filledSlots.availablePermits() and went on without acquiring it)";
            }
            return put ? " (it read count without the " + lock() + ", saw room, and went on)"
                    : " (it read count without the " + lock() + ", saw an item, and went on)";
        }

        /**
         * unlocked-count's look (event {@code i}, a {@link BufferEvent#LOOK}) by {@code who}: what it
         * read without the lock, and what it will do about it.
         */
        String look(String who, EventLog.Batch batch, int i) {
            boolean put = BufferEvent.lookByProducer(batch, i);
            boolean saw = BufferEvent.lookSaw(batch, i);
            long seen = batch.item(i);
            if (semaphore()) {
                String permits = put ? "freeSlots" : "filledSlots";
                return String.format(Locale.ROOT, "%s looked at %s.availablePermits() without acquiring: %d, %s",
                        who, permits, seen, saw ? "so it goes on to the mutex without taking a permit"
                        : "so it acquires " + permits);
            }
            String full = String.format(Locale.ROOT, "%d of %d %s full", seen, batch.slot(i),
                    batch.slot(i) == 1 ? "slot" : "slots");
            String then = saw ? (put ? "room, so it will put without checking under the " + lock()
                    : "an item, so it will take without checking under the " + lock())
                    : (put ? "no room" : "no item") + ", so it will check again under the " + lock();
            return String.format(Locale.ROOT, "%s read count without the %s: %s, %s", who, lock(), full, then);
        }

        /**
         * What a woken waiter does once it has the lock again: checks again (the while), or, with
         * the planted if, goes straight on whatever the buffer holds.
         */
        private String thenChecks() {
            return bug == Bug.IF_NOT_WHILE ? thenGoesStraightOn() : ", to check again";
        }

        /** With the planted if, that a woken waiter will not check again; otherwise nothing. */
        private String thenGoesStraightOn() {
            return bug == Bug.IF_NOT_WHILE ? ", then goes straight on: its if does not check again" : "";
        }

        private boolean semaphore() {
            return impl == BufferImpl.SEMAPHORE;
        }

        /** The lock, the monitor or the mutex. */
        String lock() {
            return impl.lockNoun();
        }

        /** What a producer ({@code producer}) or consumer waits on, as its code names it. */
        String waitsOn(boolean producer) {
            if (monitor()) {
                return "calls monitor.wait()";
            }
            if (semaphore()) {
                return producer ? "blocks in freeSlots.acquire()" : "blocks in filledSlots.acquire()";
            }
            if (bug == Bug.ONE_CONDITION) {
                // As the code it ran names it: take() awaits notEmpty, here the same object as notFull.
                return producer ? "waits on notFull (the one condition)" : "waits on " + ONE_CONDITION_NOT_EMPTY;
            }
            return producer ? "waits on notFull" : "waits on notEmpty";
        }

        /** What a put ({@code put}) or take does to wake the other side. */
        String wakes(boolean put) {
            if (monitor()) {
                return bug == Bug.NOTIFY ? "called notify()" : "called notifyAll()";
            }
            if (semaphore()) {
                return put ? "released filledSlots" : "released freeSlots";
            }
            if (bug == Bug.ONE_CONDITION) {
                // As the code names it: put() signals notEmpty, take() notFull, one object.
                String signal = policy == WakePolicy.SIGNAL_ALL ? ".signalAll()" : "";
                return put ? (signal.isEmpty() ? "signalled " + ONE_CONDITION_NOT_EMPTY
                        : "called notEmpty" + signal + " (the one condition: notEmpty is notFull)")
                        : (signal.isEmpty() ? "signalled notFull" : "called notFull" + signal) + " (the one condition)";
            }
            String condition = put ? "notEmpty" : "notFull";
            if (policy == WakePolicy.SIGNAL_ALL) {
                // As the code panel writes it ("signalled all of notEmpty" read oddly).
                return "called " + condition + ".signalAll()";
            }
            return "signalled " + condition;
        }

        /**
         * Whose wake-up call woke a thread: "P3's signal", "P3's signalAll()", "P3's notifyAll()", "P3's
         * release()". With signal-all, its own word: "woken by P2's signal" a line after "called
         * notEmpty.signalAll()" read as another call (a student's tryout).
         */
        String wokenBy(String waker) {
            if (monitor()) {
                return waker + (bug == Bug.NOTIFY ? "'s notify()" : "'s notifyAll()");
            }
            return waker + (semaphore() ? "'s release()" : policy == WakePolicy.SIGNAL_ALL ? "'s signalAll()" : "'s signal");
        }
    }

    /**
     * One thing a worker did in the buffer.
     *
     * @param seq    the number of its event in the log (actions come in the log's order)
     * @param worker who did it
     * @param words  what happened
     */
    public record Action(long seq, String worker, String words) {
    }

    /**
     * The actions in {@code batch} ({@link #isAction}), oldest first, each put and take
     * with whom its signal woke (the {@link BufferEvent#WAKE} events after it). Other events are not
     * actions and are left out.
     */
    public static List<Action> actions(EventLog.Batch batch) {
        return actions(Terms.LOCK, batch);
    }

    /** {@link #actions(EventLog.Batch)} in the terms of {@code terms}. */
    public static List<Action> actions(Terms terms, EventLog.Batch batch) {
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (isAction(batch, i)) {
                actions.add(action(terms, batch, i));
            }
        }
        return actions;
    }

    /** The latest action in {@code batch} ({@link #isAction}), if any. */
    public static Optional<Action> lastAction(EventLog.Batch batch) {
        return lastAction(Terms.LOCK, batch);
    }

    /** {@link #lastAction(EventLog.Batch)} in the terms of {@code terms}. */
    public static Optional<Action> lastAction(Terms terms, EventLog.Batch batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (isAction(batch, i)) {
                return Optional.of(action(terms, batch, i));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether event {@code i} is a put, a take, a wait, a spurious wake-up or unlocked-count's look.
     * The wake-up is one: without it, a step whose waiter woke spuriously and waited again read "C3
     * waits on notEmpty; then C3 waits on notEmpty", hiding the wake-up that the lab injected for the
     * learner to see. The look is one: it is the bug, and a step reads "P2 read count without the
     * lock: 0 of 1 slot full, room...; then P2 put #4 into slot 0".
     */
    public static boolean isAction(EventLog.Batch batch, int i) {
        BufferEvent kind = BufferEvent.of(batch, i);
        return kind.movesAnItem() || kind == BufferEvent.WAIT || kind == BufferEvent.SPURIOUS
                || kind == BufferEvent.LOOK;
    }

    /** Event {@code i}, an action ({@link #isAction}), as one. */
    private static Action action(Terms terms, EventLog.Batch batch, int i) {
        return new Action(batch.seq(i), name(batch, batch.track(i)), words(terms, batch, i));
    }

    /** How far back {@link #waitsAgain} looks for a spurious wake-up before the wait, in events. */
    private static final int SPURIOUS_LOOK_BACK_EVENTS = 4_096;

    /**
     * " again (a futile wake-up)" when wait event {@code i} is a wait again ({@link
     * BufferEvent#waitsAgain}: woken, the thread found its condition still false, as the futile
     * wake-ups figure counts it); " again (a futile wake-up: it was spurious)" when its own event
     * before it in {@code batch} (lock requests aside, at most {@link #SPURIOUS_LOOK_BACK_EVENTS}
     * back) is a spurious wake-up; else "". A learner stepping through a one-condition stall read
     * "C1 found the buffer empty and waits on notEmpty" for its wait after a wake-up as for its
     * first: the lost signal, the guide's answer, went unsaid.
     */
    private static String waitsAgain(EventLog.Batch batch, int i) {
        if (!BufferEvent.waitsAgain(batch, i)) {
            return "";
        }
        int track = batch.track(i);
        for (int j = i - 1; j >= 0 && i - j <= SPURIOUS_LOOK_BACK_EVENTS; j--) {
            if (batch.track(j) == track && BufferEvent.of(batch, j) != BufferEvent.REQUEST) {
                return BufferEvent.of(batch, j) == BufferEvent.SPURIOUS ? " again (a futile wake-up: it was spurious)"
                        : " again (a futile wake-up)";
            }
        }
        return " again (a futile wake-up)";
    }

    /** Event {@code i} in the lock buffer's words ({@link Terms#LOCK}). */
    public static String words(EventLog.Batch batch, int i) {
        return words(Terms.LOCK, batch, i);
    }

    /**
     * Event {@code i} in words, in the terms of {@code terms}: a put or take with whom its signal
     * woke, a wait, a wake-up, a gate park or pass, and so on. Item numbers are written without
     * separators ("#12345").
     */
    public static String words(Terms terms, EventLog.Batch batch, int i) {
        String who = name(batch, batch.track(i));
        return switch (BufferEvent.of(batch, i)) {
            case REGISTER -> String.format(Locale.ROOT, "%s joins as a %s", who,
                    batch.other(i) == Worker.Role.PRODUCER.ordinal() ? "producer" : "consumer");
            case REQUEST -> String.format(Locale.ROOT, "%s found the %s taken, queued for it and got it %s",
                    who, terms.lock(), waited(batch.nanos(i) - batch.item(i)));
            case PUT -> String.format(Locale.ROOT, "%s put #%d into slot %d, %s%s", who, batch.item(i),
                    batch.slot(i), terms.wakes(true), woke(terms, batch, i));
            case TAKE -> String.format(Locale.ROOT, "%s took #%d from slot %d, %s%s", who,
                    batch.item(i), batch.slot(i), terms.wakes(false), woke(terms, batch, i));
            case WAIT -> {
                String again = waitsAgain(batch, i);
                String still = again.isEmpty() ? "" : "still ";
                yield batch.other(i) == BufferEvent.ON_NOT_FULL
                        ? String.format(Locale.ROOT, "%s found the buffer %sfull and %s with #%d%s", who, still,
                        terms.waitsOn(true), batch.item(i), again)
                        : who + " found the buffer " + still + "empty and " + terms.waitsOn(false) + again;
            }
            case WAKE -> batch.other(i) == batch.track(i)
                    ? who + " is woken: the buffer grew, and it waits for the " + terms.lock() + terms.thenChecks()
                    : terms.semaphore()
                    ? String.format(Locale.ROOT, "%s is let through by %s and goes on to the mutex", who,
                    terms.wokenBy(name(batch, batch.other(i))))
                    : batch.item(i) == BufferEvent.WOKEN_BY_ONE_OF
                    ? String.format(Locale.ROOT, "%s is woken by %s, most likely (a wait(1 ms) was running out as it"
                    + " came, and the JVM does not say which ended which), and waits for the %s%s", who,
                    terms.wokenBy(name(batch, batch.other(i))), terms.lock(), terms.thenGoesStraightOn())
                    : String.format(Locale.ROOT, "%s is woken by %s and waits for the %s%s", who,
                    terms.wokenBy(name(batch, batch.other(i))), terms.lock(), terms.thenGoesStraightOn());
            case LEAVE -> who + " was interrupted while waiting: it leaves the wait set, and its put or take ends";
            case PARK -> batch.slot(i) == BufferEvent.AT_LOOK
                    ? who + " parked at the gate after its look, before the " + terms.lock()
                    + " (a step lets it on)"
                    : batch.item(i) > 0
                    ? String.format(Locale.ROOT, "%s parked at the gate with #%d", who, batch.item(i))
                    : who + " parked at the gate";
            case PASS -> switch (batch.other(i)) {
                case BufferEvent.PASS_STEPPED -> who + " passed the gate: a step";
                case BufferEvent.PASS_OPENED -> who + " passed the gate: resumed";
                default -> who + " was interrupted at the gate";
            };
            // As its chip says: "✓ done", "– ended" (the run stopped first) or "– left". Not "the run was
            // stopped": a learner who had not pressed Stop read it at a stall the lab had ended the run at.
            case DONE -> switch (batch.other(i)) {
                case BufferEvent.DONE_STOPPED -> who + " ended with the run, its part not done";
                case BufferEvent.DONE_LEFT -> who + " left the run";
                default -> who + " finished";
            };
            // The lock buffer's and the monitor's only: a semaphore's acquire() never wakes spuriously.
            case SPURIOUS -> who + " woke up spuriously (no " + (terms.monitor() ? "notify" : "signal")
                    + ": injected by the lab) and waits for the " + terms.lock() + terms.thenChecks();
            case VIOLATION -> batch.other(i) == BufferEvent.OVER_FULL_SLOT
                    ? String.format(Locale.ROOT, "%s was about to put #%d over slot %d, which is full%s: violation, %s",
                    who, batch.item(i), batch.slot(i), terms.unlockedLook(true), VIOLATION_STOPS_RUN)
                    : String.format(Locale.ROOT, "%s was about to take from slot %d, which is empty%s: violation, %s",
                    who, batch.slot(i), terms.unlockedLook(false), VIOLATION_STOPS_RUN);
            case RESIZE -> String.format(Locale.ROOT, "the buffer now has %d slots (its items moved to the first)",
                    batch.item(i));
            case LOOK -> terms.look(who, batch, i);
            case DISMISS -> batch.other(i) == Worker.Role.PRODUCER.ordinal()
                    ? who + " is asked to leave (fewer producers set): it puts the item it holds or is making,"
                    + " and makes no new one"
                    : who + " is asked to leave (fewer consumers set): it finishes the take in progress, if any,"
                    + " and takes no new item";
        };
    }

    /** How many events after a notify() its woken thread's WAKE is looked for, to name it. */
    private static final int NOTIFIED_LOOK_AHEAD = 256;

    /**
     * " and woke C1", " and woke 3 threads" or " (no one was waiting)", for the put or take at
     * {@code i}; nothing for a semaphore's release that names no one: a release does not say whom it
     * lets through, and the one let through tells it itself, in its own event (WAKE) later. A
     * {@code notify()} does not name whom it woke either: the one woken tells it, and names the
     * notify's put or take, so it is named here where its WAKE is in {@code batch}. A {@code notify()}
     * that woke nobody is told lost only where threads were waiting, all woken already
     * ({@link BufferEvent#NOTIFY_LOST}); with nobody waiting, harmless.
     */
    private static String woke(Terms terms, EventLog.Batch batch, int i) {
        if (BufferEvent.notifyLost(batch, i)) {
            // Lost where the wait set's picture still shows threads: each was woken by an earlier notify()
            // and has not got the monitor back yet (MonitorBuffer).
            // With spurious wake-ups on, a waiter whose wait(1 ms) ran out has left the wait set too,
            // though the picture shows it until it has the monitor back (its SPURIOUS says so then).
            return terms.spurious()
                    ? " and woke nobody: every thread shown waiting had been woken by an earlier notify() or"
                            + " had left the wait set by itself, its wait(1 ms) run out (a spurious wake-up,"
                            + " told when it has the monitor back), so this notify() is lost"
                    : " and woke nobody: no thread was waiting that an earlier notify() had not already woken,"
                            + " so this notify() is lost";
        }
        int count = BufferEvent.woken(batch, i);
        if (count == 0) {
            // With nobody waiting at all, a notify() that wakes nobody is harmless: nobody needed it.
            return terms.semaphore() ? "" : terms.monitor() && terms.bug() == Bug.NOTIFY
                    ? ": nobody was waiting, so this notify() woke nobody (harmless)" : " (no one was waiting)";
        }
        if (count > 1) {
            return " and woke " + count + " threads";
        }
        int next = i + 1;
        boolean wakeNext = next < batch.size() && BufferEvent.of(batch, next) == BufferEvent.WAKE;
        if (terms.monitor() && terms.bug() == Bug.NOTIFY) {
            // The thread a notify() woke tells its wake-up when it has the monitor back, naming this
            // move (WAKE's slot): named here where that is within the batch (it read "the JVM's pick (its
            // own line says which)" in a step's words, where no line said which, a learner's tryout).
            for (int j = next; j < Math.min(batch.size(), next + NOTIFIED_LOOK_AHEAD); j++) {
                boolean itsMove = BufferEvent.wakerMove(batch, j) == batch.seq(i)
                        // a WAKE right after that names no move: this worker's latest, surely
                        || j == next && batch.slot(j) == 0 && batch.other(j) == batch.track(i)
                        && batch.item(j) != BufferEvent.WOKEN_BY_ONE_OF;
                if (BufferEvent.of(batch, j) == BufferEvent.WAKE && itsMove) {
                    return " and woke " + name(batch, batch.track(j))
                            + (batch.item(j) == BufferEvent.WOKEN_BY_ONE_OF ? ", most likely" : "");
                }
            }
            return " and woke one waiting thread (it says so itself when it has the monitor back)";
        }
        if (wakeNext) {
            return " and woke " + name(batch, batch.track(next));
        }
        return " and woke 1 thread"; // its WAKE event is past the end of this batch
    }

    /** Track {@code track}'s name, or "#n" if the batch's names do not reach it. */
    static String name(EventLog.Batch batch, int track) {
        List<String> names = batch.tracks();
        return track < names.size() ? names.get(track) : "#" + track;
    }

    /**
     * "after 12 µs"; a wait under a microsecond (the log may give a fast run's events one clock
     * reading, so it can even read 0) is "in under a microsecond", not "after 0 ns".
     */
    static String waited(long nanos) {
        return nanos < 1_000 ? "in under a microsecond" : "after " + duration(nanos);
    }

    /** A short duration: "850 ns", "12 µs", "3.4 ms", "1.2 s". */
    static String duration(long nanos) {
        if (nanos < 1_000) {
            return Math.max(0, nanos) + " ns";
        }
        if (nanos < 1_000_000) {
            return nanos / 1_000 + " µs";
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
