package dev.interleave.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run's history as the window reads it: the events copied from the run's log as they come
 * ({@link #catchUp}), with the rebuilt state ({@link Replay}) checkpointed every
 * {@link #CHECKPOINT_EVERY} events, so the state after any kept event ({@link #stateAt}) costs at
 * most that many events to rebuild. Any scenario that records into an {@link EventLog} and can
 * rebuild its state from it uses one; the scenario tells its events in words ({@link Narrator}).
 * When the log drops its oldest events, the history drops them too (and the checkpoints before
 * them). Memory: the events once more ({@link EventLog#BYTES_PER_EVENT} each) and a checkpoint per
 * {@link #CHECKPOINT_EVERY} events. Not thread-safe: one thread (the FX thread) uses it.
 */
public class History<R extends Replay<R>> {

    /** Tells one event in words, from the event alone. */
    @FunctionalInterface
    public interface Narrator {
        /** Event {@code i} of {@code batch} in words. */
        String words(EventLog.Batch batch, int i);
    }

    /** Events between two checkpoints. */
    public static final int CHECKPOINT_EVERY = 4_096;
    /** The most events read from the log per catch-up (a frame's worth is far fewer). */
    private static final int READ_MAX = 1 << 20;

    private final EventLog log;
    private final Narrator narrator;
    /** Copied events in order, each batch following the previous. */
    private final List<EventLog.Batch> batches = new ArrayList<>();
    /** Rebuilt states after event k * CHECKPOINT_EVERY - 1, i.e. with k * CHECKPOINT_EVERY events applied; the index of the first is firstCheckpoint. */
    private final List<R> checkpoints = new ArrayList<>();
    private long firstCheckpoint;
    /** The state rebuilt up to the newest event copied. */
    private final R live;
    /** The number after the newest event copied. */
    private long end;
    /** Whether the log had dropped events before the history began (then nothing can be rebuilt). */
    private boolean incomplete;

    /**
     * The history of the run that records into {@code log}.
     *
     * @param empty    the state before event 0 (this history applies the events to it)
     * @param narrator tells an event in words
     */
    public History(EventLog log, R empty, Narrator narrator) {
        this.log = Objects.requireNonNull(log);
        this.narrator = Objects.requireNonNull(narrator);
        this.live = Objects.requireNonNull(empty);
        checkpoints.add(live.copy());
    }

    public EventLog log() {
        return log;
    }

    /** Copies the events the log has published since the last call, and rebuilds up to the newest. */
    public void catchUp() {
        long written = log.written();
        while (end < written) {
            EventLog.Batch batch = log.read(end, (int) Math.min(READ_MAX, written - end));
            if (batch.isEmpty()) {
                return;
            }
            if (batch.firstSeq() > end) {
                // The log dropped events we never copied: the rebuilt state cannot go on.
                incomplete = true;
                batches.clear();
                checkpoints.clear();
                end = batch.firstSeq();
            }
            batches.add(batch);
            if (!incomplete) {
                for (int i = 0; i < batch.size(); i++) {
                    live.apply(batch, i);
                    if (live.events() % CHECKPOINT_EVERY == 0) {
                        checkpoints.add(live.copy());
                    }
                }
            }
            end = batch.endSeq();
        }
        forgetDropped();
    }

    /** Drops what the log has dropped: batches wholly before its oldest kept event, and their checkpoints. */
    private void forgetDropped() {
        long oldest = log.dropped();
        while (!batches.isEmpty() && batches.getFirst().endSeq() <= oldest) {
            batches.removeFirst();
        }
        while (checkpoints.size() > 1 && firstCheckpoint * CHECKPOINT_EVERY < oldest) {
            checkpoints.removeFirst();
            firstCheckpoint++;
        }
    }

    /** The number after the newest event copied. */
    public long end() {
        return end;
    }

    /**
     * The first event whose state can be rebuilt (a checkpoint's, once the log has dropped some):
     * {@link #end()} when none before it can be, as when the oldest checkpoint left is older than
     * the oldest event kept (a log shorter than two checkpoints apart), since the events after
     * that checkpoint are gone.
     */
    public long start() {
        if (incomplete || checkpoints.isEmpty()) {
            return end;
        }
        long checkpoint = firstCheckpoint * CHECKPOINT_EVERY;
        return checkpoint >= firstKept() ? checkpoint : end;
    }

    /**
     * Whether any state can be rebuilt: not once the log has dropped events this history never
     * copied (its frames fell behind a fast run), when {@link #start()} is {@link #end()} and
     * {@link #stateAt} refuses.
     */
    public boolean rebuilds() {
        return !incomplete;
    }

    /** The first event still copied. */
    public long firstKept() {
        return batches.isEmpty() ? end : batches.getFirst().firstSeq();
    }

    /**
     * Events the log has dropped, up to the newest copied (those before the history began are no
     * longer here either). The history may still hold a few of them, the start of a batch
     * the log dropped only in part: counted from what it holds, "keeps the newest 1,000,000 events:
     * 2,589,231 older ones were dropped" stood beside 3,600,650 recorded.
     */
    public long dropped() {
        return Math.min(end, Math.max(firstKept(), log.dropped()));
    }

    /**
     * The state as it was with {@code events} events applied (after event {@code events - 1}),
     * {@code start() <= events <= end()}. A copy: the caller may keep it.
     */
    public R stateAt(long events) {
        if (!rebuilds()) {
            // Its live state stopped at the gap: shown, it read 307,601 produced at event 3,144,599 of a
            // run that had produced 616,444 (a tryout, a free run whose frames fell behind the log).
            throw new IllegalStateException("the log dropped events never copied: no state can be rebuilt");
        }
        if (events < start() || events > end) {
            throw new IllegalArgumentException("events " + events + " outside " + start() + ".." + end);
        }
        if (events == end) {
            return live.copy();
        }
        int index = (int) (events / CHECKPOINT_EVERY - firstCheckpoint);
        R state = checkpoints.get(index).copy();
        for (EventLog.Batch batch : batches) {
            if (batch.endSeq() > state.events() && batch.firstSeq() <= state.events()) {
                state.applyUntil(batch, events);
            }
            if (state.events() >= events) {
                break;
            }
        }
        return state;
    }

    /**
     * {@link #stateAt}, with the kept events that complete the last one applied ({@link
     * Replay#completes}), wherever the log's reading cut them into batches: what a view rewound to
     * event {@code events - 1} shows. A put and the wake-ups of its signal are one action, and a view
     * that stopped between them showed a woken thread still in its wait set under "... and woke
     * P10". Its {@link Replay#events()} may be past {@code events}.
     */
    public R wholeAt(long events) {
        R state = stateAt(events);
        while (state.events() < end) {
            EventLog.Batch batch = batchOf(state.events());
            int i = batch == null ? -1 : (int) (state.events() - batch.firstSeq());
            if (batch == null || !state.completes(batch, i)) {
                break;
            }
            state.apply(batch, i);
        }
        return state;
    }

    /** The batch holding event {@code seq}, or null if it is not kept. */
    public EventLog.Batch batchOf(long seq) {
        int lo = 0;
        int hi = batches.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            EventLog.Batch batch = batches.get(mid);
            if (seq < batch.firstSeq()) {
                hi = mid - 1;
            } else if (seq >= batch.endSeq()) {
                lo = mid + 1;
            } else {
                return batch;
            }
        }
        return null;
    }

    /** Event {@code seq}'s time (ns, the log's clock), or the nearest kept event's. */
    public long nanosOf(long seq) {
        EventLog.Batch batch = batchOf(Math.max(firstKept(), Math.min(seq, end - 1)));
        return batch == null ? log.originNanos() : batch.nanos((int) (Math.max(firstKept(), Math.min(seq, end - 1))
                - batch.firstSeq()));
    }

    /** The first kept event at or after time {@code nanos} (end() if none): times never go down, so a binary search. */
    public long firstAtOrAfter(long nanos) {
        long lo = firstKept();
        long hi = end;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (nanosOf(mid) < nanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Event {@code seq} in words, or "" if not kept. */
    public String words(long seq) {
        EventLog.Batch batch = batchOf(seq);
        return batch == null ? "" : narrator.words(batch, (int) (seq - batch.firstSeq()));
    }
}
