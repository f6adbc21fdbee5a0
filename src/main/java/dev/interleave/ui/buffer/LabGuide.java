package dev.interleave.ui.buffer;

import java.util.Locale;

import dev.interleave.engine.buffer.BufferImpl;
import dev.interleave.engine.buffer.Bug;
import dev.interleave.engine.buffer.WakePolicy;

/**
 * The condition-variable lab's guidance for one implementation and bug: what to set, what to try,
 * what to watch, and the question to answer. Plain data: the view shows it (collapsible), the
 * view-model applies its {@link Setup}. Each bug's setup is the one its lab test runs, so "Apply"
 * gives a run that shows the bug within seconds.
 *
 * @param title    one line, the guide's collapsed title
 * @param toTry     what to do
 * @param watch    what to look at while it runs
 * @param question the question to answer
 * @param setup    the configuration "Apply" sets
 */
public record LabGuide(String title, String toTry, String watch, String question, Setup setup) {

    /**
     * A configuration of the buffer view.
     *
     * @param producers      producer threads
     * @param consumers      consumer threads
     * @param capacity       slots
     * @param policy         signal or signal-all (the lock buffer's only)
     * @param spuriousPercent the lab's spurious wake-up rate, 0 to 100 %
     * @param produceMaxMillis the produce delay's top (its bottom is 0)
     * @param consumeMaxMillis the consume delay's top (its bottom is 0)
     */
    public record Setup(int producers, int consumers, int capacity, WakePolicy policy, int spuriousPercent,
                        int produceMaxMillis, int consumeMaxMillis) {

        /**
         * In words, as set on {@code impl}: "3 producers, 3 consumers, 1 slot, signal, spurious 0 %, ...";
         * the wake-up policy only where it applies (the lock buffer: the monitor has none), the spurious
         * rate too (the lock buffer and the monitor: a semaphore's acquire() never wakes spuriously).
         */
        public String words(BufferImpl impl) {
            // "no delays", not "produce 0..0 ms, consume 0..0 ms": the guides say it so.
            String delays = produceMaxMillis == 0 && consumeMaxMillis == 0 ? "no delays"
                    : String.format(Locale.ROOT, "produce 0..%d ms, consume 0..%d ms", produceMaxMillis, consumeMaxMillis);
            return String.format(Locale.ROOT, "%d producer%s, %d consumer%s, %d slot%s, %s%s%s",
                    producers, producers == 1 ? "" : "s", consumers, consumers == 1 ? "" : "s", capacity,
                    capacity == 1 ? "" : "s", impl == BufferImpl.LOCK ? policy.label() + ", " : "",
                    impl.takesSpurious() ? "spurious " + spuriousPercent + " %, " : "", delays);
        }
    }

    /** The whole guide as one text, for the collapsible pane. */
    public String text() {
        return "Try: " + toTry + "\nWatch: " + watch + "\nQuestion: " + question;
    }

    /** The guidance for {@code impl} built with {@code bug} (which must go with it). */
    public static LabGuide of(BufferImpl impl, Bug bug) {
        if (!bug.appliesTo(impl)) {
            throw new IllegalArgumentException("bug " + bug + " does not go with " + impl + ": " + Bug.combinations());
        }
        return switch (bug) {
            case NONE -> correct(impl);
            case IF_NOT_WHILE -> impl == BufferImpl.LOCK
                    // signal-all, not spurious wake-ups: "another thread got there first" shown by Step,
                    // action by action (a teacher could only show it with the lab's spurious wake-ups).
                    ? new LabGuide("What to try: if-not-while, 1 producer, 3 consumers, signal-all",
                    "Apply, then Run, or press S a few times: the consumers find the buffer empty and wait on "
                            + "notEmpty, and each put signals all of them.",
                    "the first woken consumer to get the lock back takes the item; the next goes from await() "
                            + "straight on past the if, without looking at count again, and takes from the empty "
                            + "slot: the banner names the invariant. Stepped, all of that comes in the one step that "
                            + "puts the item (a woken thread passed the gate before it waited, and goes on without a "
                            + "step): ◀ above the slots walks back through it, event by event. Then set Wake-up "
                            + "policy signal, Spurious % 20 and "
                            + "Consumers 1, and Run: with one thread on each side no signal can break it (nobody else "
                            + "gets there first), so the violation comes from a wake-up without a signal.",
                    "which one word would have made the woken consumer look again, and why does that cost "
                            + "nothing when there was an item for it?",
                    new Setup(1, 3, 1, WakePolicy.SIGNAL_ALL, 0, 30, 0))
                    : new LabGuide("What to try: if-not-while, 1 producer, 3 consumers, no spurious wake-ups",
                    "Apply, then Run. notifyAll wakes every waiting consumer each time the producer puts one item.",
                    "the first consumer to get the monitor takes the item; the next one returns from wait() past "
                            + "the if and takes from the empty slot: the banner names the invariant.",
                    "notifyAll is right for a monitor, yet here it lays the bug bare: it wakes every consumer, "
                            + "and each goes on past the if. What must every woken thread do before it acts?",
                    new Setup(1, 3, 1, WakePolicy.SIGNAL, 0, 30, 0));
            case ONE_CONDITION -> new LabGuide("What to try: one-condition, 3 producers, 3 consumers, 1 slot, signal",
                    "Apply (3 producers, 3 consumers, 1 slot, signal, no delays), then Run until it stalls "
                            + "(a second or two), then 'Show how it stalled' and step forward through the log with "
                            + "the Right arrow key (Step starts a new run; after one that ended by itself, press it twice: the first keeps the ended run on screen). The button "
                            + "ticks 'Evenly spaced' above the timeline: the stall takes a millisecond, and so each event gets its room.",
                    "producers and consumers share one wait set; a put's signal can wake another producer, "
                            + "which finds the slot full and waits again (a futile wake-up), or a take's signal can "
                            + "wake another consumer, which finds it empty: either way the signal meant for the other "
                            + "side is lost, and a run may stall on either.",
                    "when everyone is waiting, who is waiting, and who should have been woken by the last signal?",
                    new Setup(3, 3, 1, WakePolicy.SIGNAL, 0, 0, 0));
            case NOTIFY -> new LabGuide("What to try: notify, 3 producers, 3 consumers, 1 slot",
                    "Apply (3 producers, 3 consumers, 1 slot, no delays), then Run until it stalls, then 'Show how "
                            + "it stalled': it ticks 'Evenly spaced' above the timeline, to show each notify() and "
                            + "whom it woke.",
                    "the monitor has one wait set for both sides; notify() picks one waiter, of either side. "
                            + "Count the futile wake-ups: some are a notify that woke the wrong side; others a woken "
                            + "thread that found its slot taken by one that never waited (the monitor does not hand "
                            + "itself to the woken thread first).",
                    "which waiter did the last notify() wake, and which one needed it? Why does notifyAll() "
                            + "never stall here?",
                    new Setup(3, 3, 1, WakePolicy.SIGNAL, 0, 0, 0));
            case UNLOCKED_COUNT -> impl == BufferImpl.SEMAPHORE
                    ? new LabGuide("What to try: unlocked-count, 3 producers, 1 consumer, 1 slot",
                    "Apply (3 producers, 1 consumer, 1 slot, no delays), then Run (the view stops at the broken "
                            + "action) and read the log from the top: each look at the permits, and the puts they let through, "
                            + "the second over the first. Or by hand: Step starts a new run, paused (after one that ended by "
                            + "itself, press it twice: the first keeps the ended run on screen); click producers at the gate so that two "
                            + "look before either puts: while paused, each stops after its look.",
                    "a producer looks at freeSlots.availablePermits(), sees 1 and goes on without taking the "
                            + "permit; it is still there at the next look (the same producer's next put, or "
                            + "another's), so a second put goes into the full slot: a put over a full slot.",
                    "availablePermits() said there was room: why is looking at a permit not the same as taking "
                            + "it, and what does acquire() do that the look does not?",
                    new Setup(3, 1, 1, WakePolicy.SIGNAL, 0, 0, 0))
                    : new LabGuide("What to try: unlocked-count, 3 producers, 3 consumers, 1 slot",
                    "Apply (3 producers, 3 consumers, 1 slot, no delays), then Run (the view stops at the broken "
                            + "action) and step back with ◀ to the looks. Then build the race by hand: Step starts a new run, "
                            + "paused (after one that ended by itself, press it twice: the first keeps the ended run on screen); click "
                            + "producers at the gate so that two look before either puts: while paused, each stops "
                            + "after its look.",
                    "two producers both read count < items.length before they lock (the lab's 1 ms pause "
                            + "holds that gap open): each look is a line of the log, and its chip waits at the "
                            + "look's line (⚠; ‖ while paused at the gate there). Both saw room and go ahead, and the "
                            + "second writes over the first one's item: a put over a full slot. Two consumers can do "
                            + "the same to one item: a take from an empty slot.",
                    "the check and the act are the same statements as in the correct code: what changed, and "
                            + "why does holding the " + (impl == BufferImpl.MONITOR ? "monitor" : "lock")
                            + " while checking fix it?",
                    new Setup(3, 3, 1, WakePolicy.SIGNAL, 0, 0, 0));
        };
    }

    private static LabGuide correct(BufferImpl impl) {
        return switch (impl) {
            case LOCK -> new LabGuide("What to try: the correct lock buffer, signal, then signal-all",
                    "Apply (3 producers, 3 consumers, 1 slot, delays 0 to 300 ms), Run, then Stop, switch to "
                            + "signal-all and Run again. Change producers and consumers while it runs.",
                    "every chip sits at the line its thread is at. Under the code, the futile wake-ups climb with "
                            + "signal-all (the thundering herd), several times as fast as with signal: compare"
                            + " their counts after the same time. With signal they are not 0: a thread woken can"
                            + " find the slot taken by one that never waited, and without the delays that happens"
                            + " often.",
                    "signal wakes one waiter: why is that enough with two conditions, when it is not with one "
                            + "(try bug one-condition)?",
                    new Setup(3, 3, 1, WakePolicy.SIGNAL, 0, 300, 300));
            case MONITOR -> new LabGuide("What to try: the monitor, 3 producers, 3 consumers, 1 slot",
                    "Apply (delays 0 to 300 ms), Run, and watch the one wait set. Then set both delays to 0 and "
                            + "compare 'Items per second, whole run' with the lock buffer's, bug none (not with "
                            + "Apply, which brings the delays back), on platform threads and on virtual threads. "
                            + "Last, try bug notify.",
                    "notifyAll() wakes every waiter, producers and consumers alike; most find their condition "
                            + "false and wait again: the futile wake-ups plot shows the price. With zero delays on "
                            + "platform threads the two buffers keep within a few times of each other; on virtual "
                            + "threads the monitor falls ten to fifty times behind here, even behind the lock buffer "
                            + "with signal-all: most likely the JDK hands a monitor over between virtual threads "
                            + "more slowly than a lock.",
                    "why must a monitor use notifyAll() where the lock buffer can use signal()?",
                    new Setup(3, 3, 1, WakePolicy.SIGNAL, 0, 300, 300));
            case SEMAPHORE -> new LabGuide("What to try: the semaphores, 3 producers, 3 consumers, 1 slot",
                    "Apply (delays 0 to 300 ms), Run, then Pause (Space) and step (S): watch where each thread waits.",
                    "a thread waits in acquire() of freeSlots or filledSlots, never in a loop of ours: acquire() "
                            + "returns only with a permit, so no code of ours wakes to find nothing (the futile "
                            + "wake-ups plot stays flat). A release adds a permit and wakes the first thread queued, "
                            + "but unless the semaphores are fair (Fair lock) a thread arriving meanwhile may take the "
                            + "permit first; the woken one then parks again inside the JDK's acquire(), unseen: the "
                            + "lab sees acquire() as one call.",
                    "why must freeSlots.acquire() come before mutex.acquire()? What would happen the other way "
                            + "round with a full buffer?",
                    new Setup(3, 3, 1, WakePolicy.SIGNAL, 0, 300, 300));
            case ABQ -> new LabGuide("What to try: ArrayBlockingQueue, the baseline",
                    "Apply and Run: the JDK's own queue, the lock algorithm without the lab's instruments.",
                    "only the counts move: abq's wait sets, slots and each thread's line are not visible.",
                    "its put is the lock buffer's put: which lines of the lock buffer's code would you expect "
                            + "inside it?",
                    new Setup(3, 3, 1, WakePolicy.SIGNAL, 0, 300, 300));
        };
    }
}
