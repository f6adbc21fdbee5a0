package dev.interleave.engine.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.interleave.engine.run.EventLog;

/**
 * A buffer's recorded events told in words: each put, take and wait as one action ("P3 put #17
 * into slot 5, signalled notEmpty and woke C1"), and any single event for an event list. The
 * words are built only when asked, never on the recording path. Stateless; any thread.
 */
public final class BufferNarration {

    private BufferNarration() {
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
     * The puts, takes and waits in {@code batch}, oldest first, each with whom its signal woke (the
     * {@link BufferEvent#WAKE} events after it). Other events are not actions and are left out.
     */
    public static List<Action> actions(EventLog.Batch batch) {
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (isAction(batch, i)) {
                actions.add(action(batch, i));
            }
        }
        return actions;
    }

    /** The latest put, take or wait in {@code batch}, if any. */
    public static Optional<Action> lastAction(EventLog.Batch batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (isAction(batch, i)) {
                return Optional.of(action(batch, i));
            }
        }
        return Optional.empty();
    }

    /** Whether event {@code i} is a put, a take or a wait. */
    public static boolean isAction(EventLog.Batch batch, int i) {
        BufferEvent kind = BufferEvent.of(batch, i);
        return kind.movesAnItem() || kind == BufferEvent.WAIT;
    }

    /** Event {@code i}, a put, take or wait, as an action. */
    private static Action action(EventLog.Batch batch, int i) {
        return new Action(batch.seq(i), name(batch, batch.track(i)), words(batch, i));
    }

    /**
     * Event {@code i} in words: a put or take with whom its signal woke, a wait, a wake-up, a gate
     * park or pass, and so on. Item numbers are written without separators ("#12345").
     */
    public static String words(EventLog.Batch batch, int i) {
        String who = name(batch, batch.track(i));
        return switch (BufferEvent.of(batch, i)) {
            case REGISTER -> String.format(Locale.ROOT, "%s joins as a %s", who,
                    batch.other(i) == Worker.Role.PRODUCER.ordinal() ? "producer" : "consumer");
            case REQUEST -> String.format(Locale.ROOT, "%s found the lock taken, queued for it and got it after %s",
                    who, duration(batch.nanos(i) - batch.item(i)));
            case PUT -> String.format(Locale.ROOT, "%s put #%d into slot %d, signalled notEmpty%s", who, batch.item(i),
                    batch.slot(i), woke(batch, i));
            case TAKE -> String.format(Locale.ROOT, "%s took #%d from slot %d, signalled notFull%s", who,
                    batch.item(i), batch.slot(i), woke(batch, i));
            case WAIT -> batch.other(i) == BufferEvent.ON_NOT_FULL
                    ? String.format(Locale.ROOT, "%s found the buffer full and waits on notFull with #%d", who,
                    batch.item(i))
                    : who + " found the buffer empty and waits on notEmpty";
            case WAKE -> batch.other(i) == batch.track(i)
                    ? who + " is woken: the buffer grew, and it waits for the lock to check again"
                    : String.format(Locale.ROOT, "%s is woken by %s's signal and waits for the lock", who,
                    name(batch, batch.other(i)));
            case LEAVE -> who + " was interrupted while waiting: it leaves the wait set, and its put or take ends";
            case PARK -> who + " parked at the gate";
            case PASS -> switch (batch.other(i)) {
                case BufferEvent.PASS_STEPPED -> who + " passed the gate: a step";
                case BufferEvent.PASS_OPENED -> who + " passed the gate: resumed";
                default -> who + " was interrupted at the gate";
            };
            case DONE -> who + " finished";
            case SPURIOUS -> who + " woke up spuriously (no signal: injected by the lab) and waits for the lock, to"
                    + " check again";
            case VIOLATION -> batch.other(i) == BufferEvent.OVER_FULL_SLOT
                    ? String.format(Locale.ROOT, "%s was about to put #%d over slot %d, which is full: violation,"
                    + " the run stops", who, batch.item(i), batch.slot(i))
                    : String.format(Locale.ROOT, "%s was about to take from slot %d, which is empty: violation,"
                    + " the run stops", who, batch.slot(i));
            case RESIZE -> String.format(Locale.ROOT, "the buffer now has %d slots (its items moved to the first)",
                    batch.item(i));
        };
    }

    /** " and woke C1", " and woke 3 threads" or " (no one was waiting)", for the put or take at {@code i}. */
    private static String woke(EventLog.Batch batch, int i) {
        int count = batch.other(i);
        if (count == 0) {
            return " (no one was waiting)";
        }
        if (count > 1) {
            return " and woke " + count + " threads";
        }
        int next = i + 1;
        if (next < batch.size() && BufferEvent.of(batch, next) == BufferEvent.WAKE) {
            return " and woke " + name(batch, batch.track(next));
        }
        return " and woke 1 thread"; // its WAKE event is past the end of this batch
    }

    /** Track {@code track}'s name, or "#n" if the batch's names do not reach it. */
    static String name(EventLog.Batch batch, int track) {
        List<String> names = batch.tracks();
        return track < names.size() ? names.get(track) : "#" + track;
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
