package dev.interleave.ui.kit;

import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.History;
import dev.interleave.engine.run.Replay;
import dev.interleave.engine.run.RunState;

/**
 * A view's history: the run's recorded events (copied each frame), a position to rewind to, and
 * the events as lines of words. At a position the whole view shows the state as it was after that
 * event ({@link #shown()}); at {@link #PRESENT} it shows the run now. Used by every scenario that
 * records an {@link EventLog}: the view-model calls {@link #follow} each frame and shows
 * {@link #shown()} when it is not null. FX thread only; holds no {@code Node}.
 *
 * @param <R> the scenario's rebuilt state
 */
public class Rewind<R extends Replay<R>> {

    /** The position meaning "now": not rewound. */
    public static final long PRESENT = -1;

    /**
     * The most events {@link #lines()} holds: the newest at present (up to {@link #SLIDE_NANOS} late
     * while a fast run goes), else those around the position. A list of a million lines cost the
     * window a quarter of its time each frame (the list measures its whole length whenever lines
     * come), and nobody scrolls through a million lines: the scrubber reaches the rest.
     */
    public static final int LINES_SHOWN = 10_000;

    /**
     * While a run goes (rewinding not allowed, unless nothing can happen any more: a deadlock), the lines at present slide to the newest events at
     * once when at most this many came since they last did, else at most every {@link #SLIDE_NANOS}.
     * A free run adds a hundred thousand events a second: lines that change under the eye at every
     * frame cannot be read, and the list re-making its rows at every frame took a sixth of such a
     * frame (8 producers, 8 consumers, zero delays).
     */
    static final long SLIDE_MAX_LINES = 500;
    /** How often, at most, the lines slide while a fast run goes. */
    static final long SLIDE_NANOS = 250_000_000;

    /**
     * How to leave a rewound view, for the narration: "Now, End or Resume: back to now" while the run is
     * paused; once it has ended there is no Resume, and End goes back to its end; a run rewound while
     * it goes (a deadlock, where nothing can happen any more) has nothing to resume.
     */
    public static String wayBack(RunState state) {
        return wayBack(state, true);
    }

    /**
     * As {@link #wayBack(RunState)}, for a run that may not be resumable: paused in a deadlock,
     * Resume is greyed out, and only End is named.
     */
    public static String wayBack(RunState state, boolean canResume) {
        return switch (state) {
            // Now is the scrubber's button, End its key (a class saw no "End" on screen).
            case IDLE -> "(Now or End: back to the run's end)";
            case PAUSED -> canResume ? "(Now, End or Resume: back to now)" : "(Now or End: back to now)";
            case RUNNING, STOPPING -> "(Now or End: back to now)";
        };
    }

    /**
     * The moment a rewound view shows, in words, for sentences (the scrubber's own label is
     * shorter): "the run's start", or "just after event 41 (of 120 recorded)".
     */
    public static String moment(long position, long end) {
        return position == 0 ? "the run's start"
                : String.format(Locale.ROOT, "just after event %,d (of %,d recorded)", position - 1, end);
    }

    /** Styles an event's words for its line (e.g. separators in numbers). */
    private final UnaryOperator<String> style;
    private History<R> history;
    /** Events applied at the shown position (the state after event position - 1), or PRESENT. */
    private final ReadOnlyLongWrapper position = new ReadOnlyLongWrapper(this, "position", PRESENT);
    /** The first position the scrubber can reach. */
    private final ReadOnlyLongWrapper start = new ReadOnlyLongWrapper(this, "start");
    /** The last position: every event copied so far. */
    private final ReadOnlyLongWrapper end = new ReadOnlyLongWrapper(this, "end");
    /** Events the log dropped to make room (the window says so). */
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper(this, "dropped");
    /** Goes up whenever the history or the position changes: the timeline redraws then. */
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper(this, "version");
    /**
     * Whether rewinding is allowed now (paused, stopping, a run that has ended, or one where nothing
     * can happen any more); set by the view-model.
     */
    private final BooleanProperty allowed = new SimpleBooleanProperty(this, "allowed");
    private final BooleanBinding rewound = Bindings.createBooleanBinding(() -> position.get() != PRESENT, position);
    private final Lines lines = new Lines();
    /** The events the lines show: [linesFrom, linesTo). */
    private long linesFrom;
    private long linesTo;
    /** When the lines last slid to the newest events at present. */
    private long slidAt;
    private final LongSupplier clock;
    private R shown;

    /** A rewind whose lines show each event's words as they are. */
    public Rewind() {
        this(UnaryOperator.identity());
    }

    /** A rewind whose lines show each event's words restyled by {@code style}. */
    public Rewind(UnaryOperator<String> style) {
        this(style, System::nanoTime);
    }

    /** A rewind whose lines slide by {@code clock}'s time (for tests). */
    Rewind(UnaryOperator<String> style, LongSupplier clock) {
        this.style = Objects.requireNonNull(style);
        this.clock = Objects.requireNonNull(clock);
        this.slidAt = clock.getAsLong() - SLIDE_NANOS;
        // Paused or ended: the lines held back while the run went come at once.
        allowed.addListener((obs, was, now) -> {
            if (now && history != null && position.get() == PRESENT && linesTo != history.end()) {
                slideToNewest();
            }
        });
    }

    /**
     * Copies the new events of the run recording into {@code log}; a new log starts a new history,
     * made by {@code newHistory}.
     */
    public void follow(EventLog log, Supplier<History<R>> newHistory) {
        if (log == null) {
            return;
        }
        if (history == null || history.log() != log) {
            history = newHistory.get();
            position.set(PRESENT);
            shown = null;
            slidAt = clock.getAsLong() - SLIDE_NANOS; // a new run's first lines come at once
            showLines(firstLine(), firstLine());
        }
        long oldEnd = history.end();
        long oldFirst = history.firstKept();
        history.catchUp();
        if (history.end() != oldEnd || history.firstKept() != oldFirst) {
            if (position.get() == PRESENT || linesTo == oldEnd) {
                if (slidesNow()) {
                    slideToNewest();
                }
            } else {
                showLines(Math.max(firstLine(), linesFrom), Math.max(firstLine(), linesTo));
            }
            start.set(history.start());
            end.set(history.end());
            dropped.set(history.dropped());
            if (position.get() != PRESENT && position.get() < history.start()) {
                moveTo(history.start());
            }
            version.set(version.get() + 1);
        } else if (position.get() == PRESENT && linesTo != history.end() && slidesNow()) {
            slideToNewest(); // lines held back by a burst, and nothing since (a stall, a deadlock)
        }
    }

    /**
     * Whether the lines at present take in the new events now: always when rewinding is allowed
     * (paused, ended), when few came, when enough time has passed, or when the oldest line shown is
     * now before the first line there is ({@link #firstLine}); else they wait (see {@link #SLIDE_MAX_LINES}).
     */
    private boolean slidesNow() {
        return allowed.get() || history.end() - linesTo <= SLIDE_MAX_LINES
                || clock.getAsLong() - slidAt >= SLIDE_NANOS || firstLine() > linesFrom;
    }

    /** The lines show the newest {@link #LINES_SHOWN} events. */
    private void slideToNewest() {
        slidAt = clock.getAsLong();
        showLines(Math.max(firstLine(), history.end() - LINES_SHOWN), history.end());
    }

    /**
     * The oldest event the lines show: the oldest kept, or, once the log has dropped events, the one
     * just before the scrubber's start, the oldest moment it can rebuild. The lines shown are those a
     * selection can rewind to (Home showed three older lines above the start, a teacher read them as
     * reachable, and selecting one went to the start).
     */
    private long firstLine() {
        // A history that rebuilds nothing, or has dropped nothing, has its start at its end or at 0.
        return history.rebuilds() && history.dropped() > 0 ? Math.max(history.firstKept(), history.start() - 1)
                : history.firstKept();
    }

    /** Forgets the history (Reset, or a new run). */
    public void clear() {
        history = null;
        shown = null;
        slidAt = clock.getAsLong() - SLIDE_NANOS;
        position.set(PRESENT);
        start.set(0);
        end.set(0);
        dropped.set(0);
        showLines(0, 0);
        version.set(version.get() + 1);
    }

    /**
     * The lines show events [from, to): those that stay are kept, the others go from the front or
     * come at the end; a window that does not overlap the old one replaces it.
     */
    private void showLines(long from, long to) {
        int before = lines.size();
        boolean slides = from >= linesFrom && from <= linesTo && to >= linesTo;
        int removedAtFront = slides ? (int) (from - linesFrom) : before;
        linesFrom = from;
        linesTo = to;
        lines.changed(before, removedAtFront);
    }

    /**
     * Shows the state with {@code events} events applied, within [start, end]; refused unless allowed,
     * and where the history rebuilds nothing ({@link History#rebuilds}).
     */
    public void moveTo(long events) {
        if (history == null || !allowed.get() || !history.rebuilds()) {
            return; // nothing to rebuild: the view stays at now, and the dropped note says why
        }
        long clamped = Math.max(history.start(), Math.min(history.end(), events));
        shown = history.wholeAt(clamped); // a put with the wake-ups it made, never between them
        // The line of the event just applied; at the start (none applied), the first line there is.
        long event = Math.max(clamped - 1, firstLine());
        if (event < history.end() && (event < linesFrom || event >= linesTo)) {
            long from = Math.max(firstLine(), Math.min(event - LINES_SHOWN / 2, history.end() - LINES_SHOWN));
            showLines(from, Math.min(history.end(), from + LINES_SHOWN));
        }
        position.set(clamped);
        version.set(version.get() + 1);
    }

    /** Moves by {@code delta} events from where the view is (from the newest event when at present). */
    public void moveBy(long delta) {
        long from = position.get() == PRESENT ? end.get() : position.get();
        moveTo(from + delta);
    }

    /**
     * One event on; from the newest event, on to now (it stopped there, the view still rewound to
     * the same state as now, and ▶ greyed out). ▶ and Right both.
     */
    public void stepOn() {
        moveOn(1);
    }

    /**
     * {@code delta} events on; past the newest event, on to now, as {@link #stepOn()} goes (Page Down
     * from 10 events before the end stopped at the newest, still "Rewound", a learner's tryout).
     */
    public void moveOn(long delta) {
        if (position.get() != PRESENT && position.get() + delta > end.get()) {
            toPresent();
        } else {
            moveBy(delta);
        }
    }

    /** Back to the present: the view shows the run now. */
    public void toPresent() {
        if (position.get() != PRESENT) {
            shown = null;
            if (history != null && linesTo != history.end()) {
                slideToNewest();
            }
            position.set(PRESENT);
            version.set(version.get() + 1);
        }
    }

    /** The rebuilt state at the position, or null at present. */
    public R shown() {
        return shown;
    }

    /** The history (null before the first recorded run). */
    public History<R> history() {
        return history;
    }

    public ReadOnlyLongProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty startProperty() {
        return start.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty endProperty() {
        return end.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public BooleanProperty allowedProperty() {
        return allowed;
    }

    /** True while the view shows a past position. */
    public BooleanBinding rewoundBinding() {
        return rewound;
    }

    /**
     * Up to {@link #LINES_SHOWN} kept events in words, oldest first: the newest at present (up to
     * {@link #SLIDE_NANOS} late while a fast run goes, see {@link #SLIDE_MAX_LINES}), else those
     * around the position (a position outside them moves them). Line i is event
     * {@link #eventOfLine eventOfLine(i)}. Built lazily, a line when a list cell asks for it.
     */
    public ObservableList<String> lines() {
        return lines;
    }

    /** The event number of line {@code index}. */
    public long eventOfLine(int index) {
        return linesFrom + index;
    }

    /** The line of event {@code seq}, or -1 when no line shows it. */
    public int lineOf(long seq) {
        return seq < linesFrom || seq >= linesTo ? -1 : (int) (seq - linesFrom);
    }

    /** The events as lines, narrated on demand. */
    private final class Lines extends ObservableListBase<String> {
        @Override
        public String get(int index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException(index);
            }
            long seq = linesFrom + index;
            return String.format(Locale.ROOT, "%,d  %s", seq, style.apply(history.words(seq)));
        }

        @Override
        public int size() {
            return (int) (linesTo - linesFrom);
        }

        /** The list had {@code before} lines; {@code removedAtFront} went from its front, the rest was added at its end. */
        void changed(int before, int removedAtFront) {
            int now = size();
            int removed = Math.min(before, removedAtFront);
            int kept = before - removed;
            if (removed == 0 && kept == now) {
                return;
            }
            beginChange();
            if (removed > 0) {
                nextRemove(0, Collections.nCopies(removed, ""));
            }
            if (now < kept) {
                nextRemove(now, Collections.nCopies(kept - now, ""));
                kept = now;
            }
            if (now > kept) {
                nextAdd(kept, now);
            }
            endChange();
        }
    }
}
