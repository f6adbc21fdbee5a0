package dev.interleave.engine.run;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run's events, newest {@link #capacity()} kept in memory: what each worker did, in the order it
 * happened, with a monotonic timestamp. Any scenario can record into one; the scenario names its
 * event kinds (small numbers, an enum's ordinals) and says what the fields mean for each kind.
 *
 * <p>An event is a kind, a track (the worker, a number from {@link #addTrack}), an item, a slot,
 * one more small number ({@code other}: whom a signal woke, how many, a state...) and the time.
 * The log keeps the newest {@code capacity} events; older ones are dropped and counted
 * ({@link #dropped()}). Each event takes {@link #BYTES_PER_EVENT} bytes, allocated up front.
 *
 * <p>Writers: one at a time. Every {@code append} and {@link #addTrack} must be made while holding
 * the one lock that serializes this log's writers (for the bounded buffer, the buffer's own lock:
 * the events are written where their data already is). Readers: any thread, any time, without
 * that lock; {@link #read} returns a copy of the events published so far.
 *
 * <p>Timestamps ({@link System#nanoTime()} values) never go down from one event to the next. To keep
 * the cost low when events come faster than one every {@value #FAST_NANOS} ns (a free-running
 * buffer writes millions a second, and one clock reading costs about 30 ns here), the log reads the
 * clock only every few events, at most {@value #MAX_STRIDE} apart, and gives the events in between
 * the time of the latest reading: then an event's time is a lower bound, at most
 * {@value #MAX_STRIDE} events early. It does so only once events have come that fast for
 * {@value #FAST_READINGS} clock readings in a row: a short burst (a step's put and the wake-ups of
 * its signal) never makes the next, slow, event share its time. Once events come further apart
 * than {@value #SLOW_NANOS} ns on average, each reads the clock again (so a shared reading is at
 * most {@value #MAX_STRIDE} x {@value #SLOW_NANOS} ns late); every event appended with
 * {@link #appendNow} or {@link #appendAt} carries its own time.
 */
public final class EventLog {

    /*
     * Implementation notes.
     *
     * A ring of events in one long[] (three longs per event: time, item, and a packed word holding
     * kind, track, other and slot), so one event's writes touch one or two cache lines. The ring has
     * capacity + 1 places, so that the event being written never overwrites one of the newest
     * `capacity` published ones; event number `seq` lives at place seq % (capacity + 1). Writers are serialized by the caller's lock, so the writer
     * fields below need nothing more (guarded by the writers' lock).
     *
     * Publication, as a sequence lock: the writer fills event w's slot, then stores written = w + 1
     * with release semantics (free on x86). A reader loads `written` with acquire semantics, copies
     * the events below it, then (after an acquire fence, so the copies cannot move after it) loads
     * `written` again: a writer may have overwritten, or be overwriting, every event older than
     * written' - capacity, so copies below that are discarded. What remains was published before
     * the first load and not overwritten since: each was read whole. (With places = capacity + 1,
     * the writer of event w overwrites w - places, so validFrom = written' - capacity.) The reads race with writes by
     * design; the check afterwards is what makes them safe (no value read from a discarded slot is
     * ever returned).
     *
     * Planted bug (Bug.NO_RECHECK, package-private, for the tests): the reader trusts its copy
     * without loading `written` again, so events overwritten while it copied come back torn or
     * from a later lap of the ring.
     */

    /** A mistake the log can be built with, on purpose, so that its checks can be shown to catch it. */
    enum Bug {
        /** The correct log. */
        NONE,
        /** Readers do not check, after copying, which events were overwritten meanwhile. */
        NO_RECHECK
    }

    /** The default number of events kept: the newest million. */
    public static final int DEFAULT_CAPACITY = 1_000_000;
    /** Memory per event kept: three longs. */
    public static final int BYTES_PER_EVENT = 3 * Long.BYTES;
    /** The most tracks a log can name (16 bits). */
    public static final int MAX_TRACKS = 1 << 16;
    /** The largest slot an event can carry (24 bits). */
    public static final int MAX_SLOT = (1 << 24) - 1;
    /** The largest {@code other} value an event can carry (16 bits). */
    public static final int MAX_OTHER = (1 << 16) - 1;
    /** The most kinds (8 bits). */
    public static final int MAX_KINDS = 1 << 8;
    /** Events closer together than this, on average, are timestamped in strides. */
    static final long FAST_NANOS = 2_000;
    /** The most events that share one clock reading. */
    static final int MAX_STRIDE = 32;
    /** Clock readings in a row that must find events fast before events start sharing one. */
    static final int FAST_READINGS = 32;
    /**
     * Events further apart than this, on average, read the clock each: then a shared reading is
     * at most MAX_STRIDE times this late.
     */
    static final long SLOW_NANOS = 50_000;

    private static final VarHandle WRITTEN;
    private static final VarHandle LAST_NANOS;
    private static final VarHandle STRIDE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            WRITTEN = lookup.findVarHandle(EventLog.class, "written", long.class);
            LAST_NANOS = lookup.findVarHandle(EventLog.class, "lastNanos", long.class);
            STRIDE = lookup.findVarHandle(EventLog.class, "stride", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Three longs per event: at 3i the time, at 3i + 1 the item, at 3i + 2 the packed kind, track, other and slot. */
    private final long[] ring;
    private final int capacity;
    /** Places in the ring: capacity + 1. */
    private final int places;
    /** When the log was made, or its run's clock started ({@link #startAt}): the zero of a trace's time axis. */
    private volatile long originNanos;
    /** The planted bug, or Bug.NONE. */
    private final Bug bug;

    /** Events published: the next event's number. Written (release) by the writer only; read (acquire) by anyone. */
    @SuppressWarnings("unused") // through WRITTEN
    private volatile long written;

    /** Index in ring of the next event's first long. Guarded by the writers' lock. */
    private int writeIndex;
    /**
     * The latest clock reading given to an event. Written under the writers' lock, opaque so that
     * {@link #recentNanos} may read it from any thread.
     */
    private long lastNanos;
    /** The number of the event that got lastNanos from the clock. Guarded by the writers' lock. */
    private long lastStampSeq;
    /** Events to append before the clock is read again. Guarded by the writers' lock. */
    private int untilStamp;
    /**
     * How many events share a clock reading now: 1 when slow, up to MAX_STRIDE when fast. Written
     * under the writers' lock, opaque so that {@link #recentNanos} may read it from any thread.
     */
    private int stride = 1;
    /** Clock readings in a row that found events fast. Guarded by the writers' lock. */
    private int fastReadings;

    /** The track names, by number; replaced (copy on write) when a track is added. */
    private volatile List<String> tracks = List.of();
    /** The clock of the run the log records, for its pauses; null for none. */
    private volatile Stopwatch clock;

    /** A log keeping the newest {@link #DEFAULT_CAPACITY} events. */
    public EventLog() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * @param capacity how many of the newest events to keep, 1 or more
     * @throws IllegalArgumentException if capacity is below 1 or its ring would exceed an array's size
     */
    public EventLog(int capacity) {
        this(capacity, Bug.NONE);
    }

    /** A log with a planted {@code bug} switched on (or not, with {@link Bug#NONE}). */
    EventLog(int capacity, Bug bug) {
        this.bug = Objects.requireNonNull(bug);
        if (capacity < 1 || capacity > Integer.MAX_VALUE / 3 - 9) {
            throw new IllegalArgumentException("an event log keeps 1 to " + (Integer.MAX_VALUE / 3 - 9)
                    + " events, was " + capacity);
        }
        this.capacity = capacity;
        this.places = capacity + 1;
        this.ring = new long[3 * places];
        this.originNanos = System.nanoTime();
        this.lastNanos = originNanos;
    }

    /** How many of the newest events it keeps. */
    public int capacity() {
        return capacity;
    }

    /** The {@link System#nanoTime()} when the log was made, or its run's clock started: the zero of its time axis. */
    public long originNanos() {
        return originNanos;
    }

    /**
     * Counts the log's time from {@code nanos}, when its run's clock started, so that the run's
     * active time and the log's "since Run" are one clock (a deadlock "detected after 15 ms of running
     * time" stood beside a timeline that put it at 19.6 ms: the log was made with the run, its clock
     * started later). Only before the first event, on the thread that made the log or one it started.
     *
     * @throws IllegalStateException if an event was appended already
     */
    public void startAt(long nanos) {
        if ((long) WRITTEN.getAcquire(this) != 0) {
            throw new IllegalStateException("the log has events already: its origin stays");
        }
        originNanos = nanos;
        lastNanos = nanos;
    }

    /**
     * Makes the pauses of the run {@code clock} times the log's own ({@link #pauses()}): the run's
     * history holds when it was paused as well as what its workers did. Call once, as the run is made.
     */
    public void pausesOf(Stopwatch clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The recorded run's pauses so far, on the events' clock, oldest first, the last going on while
     * the run is paused; none if the log was given no run's clock. Any thread.
     */
    public List<Stopwatch.Pause> pauses() {
        Stopwatch now = clock;
        return now == null ? List.of() : now.pauses();
    }

    // ---- writing: one writer at a time, holding the writers' lock ----

    /**
     * Names a new track (a worker) and returns its number: 0, 1, 2, ... Call only while holding the
     * writers' lock.
     *
     * @throws IllegalStateException if {@link #MAX_TRACKS} are named already
     */
    public int addTrack(String name) {
        List<String> now = tracks;
        if (now.size() >= MAX_TRACKS) {
            throw new IllegalStateException("an event log names at most " + MAX_TRACKS + " tracks");
        }
        List<String> more = new ArrayList<>(now.size() + 1);
        more.addAll(now);
        more.add(Objects.requireNonNull(name));
        tracks = List.copyOf(more);
        return now.size();
    }

    /**
     * Appends an event, timestamped by the stride rule (see the class comment): the cheap call for
     * hot paths. Call only while holding the writers' lock.
     */
    public void append(int kind, int track, long item, int slot, int other) {
        long nanos = --untilStamp <= 0 ? stamp(System.nanoTime()) : lastNanos;
        write(nanos, kind, track, item, slot, other);
    }

    /**
     * As {@link #append}, for an event whose time must not be before {@code notBefore}, a time its
     * writer took before it held the writers' lock ({@link #recentNanos}): when the shared clock
     * reading is earlier (the writer read the clock itself, and events came fast meanwhile), the
     * clock is read again. Call only while holding the writers' lock.
     */
    public void appendNotBefore(long notBefore, int kind, int track, long item, int slot, int other) {
        long nanos = --untilStamp <= 0 || lastNanos < notBefore ? stamp(System.nanoTime()) : lastNanos;
        write(nanos, kind, track, item, slot, other);
    }

    /** Appends an event with a fresh clock reading: for slow paths. Call only while holding the writers' lock. */
    public void appendNow(int kind, int track, long item, int slot, int other) {
        write(stamp(System.nanoTime()), kind, track, item, slot, other);
    }

    /**
     * Appends an event at {@code nanos}, a {@link System#nanoTime()} reading the caller just made
     * (raised to the previous event's time if it is earlier, so times never go down). Call only while
     * holding the writers' lock.
     */
    public void appendAt(long nanos, int kind, int track, long item, int slot, int other) {
        write(stamp(nanos), kind, track, item, slot, other);
    }

    /** The time for the event about to be written, from a clock reading; adapts the stride. */
    private long stamp(long nanos) {
        long seq = (long) WRITTEN.getOpaque(this);
        long events = seq - lastStampSeq;
        // Fast when the events since the previous reading came less than FAST_NANOS apart on average.
        boolean fast = events > 0 && nanos - lastNanos < events * FAST_NANOS;
        // Slow (a pause, a delay): every event reads the clock again. In between (a hiccup in a fast
        // run), the stride and the count of fast readings stay: a free run keeps its stride.
        boolean slow = events <= 0 || nanos - lastNanos >= events * SLOW_NANOS;
        if (slow) {
            fastReadings = 0;
            STRIDE.setOpaque(this, 1);
        } else if (fast && ++fastReadings >= FAST_READINGS) {
            STRIDE.setOpaque(this, Math.min(2 * stride, MAX_STRIDE));
        }
        untilStamp = stride;
        lastStampSeq = seq;
        if (nanos > lastNanos) {
            LAST_NANOS.setOpaque(this, nanos);
        }
        return lastNanos;
    }

    private void write(long nanos, int kind, int track, long item, int slot, int other) {
        int at = writeIndex;
        ring[at] = nanos;
        ring[at + 1] = item;
        ring[at + 2] = pack(kind, track, other, slot);
        writeIndex = at + 3 == ring.length ? 0 : at + 3;
        long seq = (long) WRITTEN.getOpaque(this);
        WRITTEN.setRelease(this, seq + 1);
    }

    /** kind in bits 0-7, track in 8-23, other in 24-39, slot in 40-63. */
    private static long pack(int kind, int track, int other, int slot) {
        assert kind >= 0 && kind < MAX_KINDS : kind;
        assert track >= 0 && track < MAX_TRACKS : track;
        assert other >= 0 && other <= MAX_OTHER : other;
        assert slot >= 0 && slot <= MAX_SLOT : slot;
        return kind | (long) track << 8 | (long) other << 24 | (long) slot << 40;
    }

    /**
     * A cheap lower bound for {@link System#nanoTime()} now, for a time a writer takes before it
     * holds the writers' lock: while events come fast (see the class comment), the latest clock
     * reading the log made, at most {@value #MAX_STRIDE} events old; otherwise a fresh reading.
     * Any thread.
     */
    public long recentNanos() {
        if ((int) STRIDE.getOpaque(this) > 1) {
            return (long) LAST_NANOS.getOpaque(this);
        }
        return System.nanoTime();
    }

    // ---- reading: any thread ----

    /** Events appended so far (the next event's number); any thread. */
    public long written() {
        return (long) WRITTEN.getAcquire(this);
    }

    /** Events dropped to make room for newer ones (the number of the oldest kept); any thread. */
    public long dropped() {
        return Math.max(0, written() - capacity);
    }

    /** The track names by number, as named so far; any thread. */
    public List<String> tracks() {
        return tracks;
    }

    /**
     * A copy of at most {@code max} events, from event number {@code from} on (or the oldest still
     * kept, if {@code from} was dropped). Any thread; never blocks a writer.
     */
    public Batch read(long from, int max) {
        if (from < 0 || max < 0) {
            throw new IllegalArgumentException("from and max must be 0 or more, were " + from + " and " + max);
        }
        long end = written();
        long start = Math.max(from, end - capacity);
        int size = (int) Math.max(0, Math.min(max, end - start));
        long[] copy = new long[3 * size];
        int at = (int) (start % places) * 3;
        int firstPart = Math.min(3 * size, ring.length - at);
        System.arraycopy(ring, at, copy, 0, firstPart);
        System.arraycopy(ring, 0, copy, firstPart, 3 * size - firstPart);
        if (bug == Bug.NO_RECHECK) {
            return new Batch(start, copy, tracks);
        }
        VarHandle.acquireFence();
        // Everything below validFrom may have been overwritten while we copied (the event numbered
        // `after` may be in the middle of being written over the one `places` before it).
        long after = written();
        long validFrom = after - capacity;
        int torn = (int) Math.max(0, Math.min(size, validFrom - start));
        if (torn > 0) {
            long[] kept = new long[3 * (size - torn)];
            System.arraycopy(copy, 3 * torn, kept, 0, kept.length);
            return new Batch(start + torn, kept, tracks);
        }
        return new Batch(start, copy, tracks);
    }

    /** Every event still kept, oldest first. Any thread. */
    public Batch readAll() {
        return read(0, capacity);
    }

    /**
     * One event, unpacked.
     *
     * @param seq   its number: events are numbered 0, 1, 2, ... in the order they were appended
     * @param nanos its time, a {@link System#nanoTime()} value (see {@link EventLog} for its precision)
     * @param kind  what happened, as the scenario numbers its kinds
     * @param track who did it (see {@link #addTrack})
     * @param item  the item, or whatever the kind says
     * @param slot  the slot, or whatever the kind says
     * @param other whatever else the kind says: whom a signal woke, how many, a state
     */
    public record Event(long seq, long nanos, int kind, int track, long item, int slot, int other) {
    }

    /**
     * A copy of consecutive events, numbered {@link #firstSeq()} on, with the track names as they
     * were when it was read. Immutable; any thread.
     */
    public static final class Batch {
        private final long firstSeq;
        private final long[] data;
        private final List<String> tracks;

        Batch(long firstSeq, long[] data, List<String> tracks) {
            this.firstSeq = firstSeq;
            this.data = data;
            this.tracks = tracks;
        }

        /** The number of the first event in it. */
        public long firstSeq() {
            return firstSeq;
        }

        /** The number after its last event. */
        public long endSeq() {
            return firstSeq + size();
        }

        public int size() {
            return data.length / 3;
        }

        public boolean isEmpty() {
            return data.length == 0;
        }

        /** The track names by number. */
        public List<String> tracks() {
            return tracks;
        }

        public long seq(int i) {
            return firstSeq + i;
        }

        public long nanos(int i) {
            return data[3 * i];
        }

        public long item(int i) {
            return data[3 * i + 1];
        }

        public int kind(int i) {
            return (int) (data[3 * i + 2] & 0xFF);
        }

        public int track(int i) {
            return (int) (data[3 * i + 2] >>> 8 & 0xFFFF);
        }

        public int other(int i) {
            return (int) (data[3 * i + 2] >>> 24 & 0xFFFF);
        }

        public int slot(int i) {
            return (int) (data[3 * i + 2] >>> 40);
        }

        public Event get(int i) {
            return new Event(seq(i), nanos(i), kind(i), track(i), item(i), slot(i), other(i));
        }

        /** Every event, unpacked: for tests and small batches. */
        public List<Event> events() {
            List<Event> all = new ArrayList<>(size());
            for (int i = 0; i < size(); i++) {
                all.add(get(i));
            }
            return all;
        }
    }
}
