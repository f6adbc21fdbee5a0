package dev.interleave.engine.race;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import dev.interleave.engine.run.Gate;
import dev.interleave.engine.run.Gated;
import dev.interleave.engine.run.Hold;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.Run;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.Runner;
import dev.interleave.engine.run.ThreadKind;
import dev.interleave.engine.run.ThreadSource;

/**
 * The race lab in slow motion: 2 to 4 real threads increment one shared count with a
 * {@link StepProgram}, one {@link Step} at a time, each parked at its own {@link Gate} before each
 * step. While paused, {@link #step(int)} lets the thread the learner picks take its next step, and
 * {@link #step()} lets a thread picked at random; while running, the run plays by itself, a random
 * thread's step every {@link StepperSettings#paceMillis()} (Auto-step). After each step the
 * snapshot shows the count, every thread's registers and next step, and what the step did, lost
 * updates named as they happen.
 *
 * <p>Steps are taken one after another, never two at once: each is complete (its thread has
 * recorded it) before the next is let through, so a sequence of steps always gives the same
 * counts. The run ends when every thread has done its increments; Stop interrupts every thread and
 * returns once none is alive. The run kit's contract otherwise ({@link Runner}).
 */
public final class StepperRunner extends Runner<StepperSettings, StepperResult, StepperRunner.StepperRun> {

    /*
     * Implementation notes. Each run has one thread per lane and one conductor thread. A lane's
     * thread runs its program; before each step it records the step it will take next and passes
     * its own Gate, which is closed for the whole run: only a permit (Gate.step) lets it through,
     * once. The conductor is the only thread that grants permits: it takes a request (a lane, or any
     * lane while paused), or while playing picks a lane at random every pace, grants that lane one
     * permit, and waits (on `progressed`) until the lane has recorded its step before it takes the
     * next request. So exactly one lane thread acts at a time, and each recorded step sees the
     * effects of every step before it (the gate's lock and `lock` order them).
     *
     * `lock` guards every counter, every lane's fields, the events and the request counts. Lock
     * order: the lifecycle's lock, then AutoPlay's (Pause and Resume), then a gate's (a grant);
     * `lock` is never held while taking another. A lane thread takes `lock` and a gate's lock one
     * after the other, never both.
     */

    private static final int ANY = -1;

    private final ThreadSource threadSource;
    private final SplittableRandom seeds;

    public StepperRunner() {
        this(ThreadSource.REAL, new SplittableRandom().nextLong());
    }

    /** A runner whose threads come from {@code threadSource} and whose random picks follow {@code seed}. */
    StepperRunner(ThreadSource threadSource, long seed) {
        this.threadSource = Objects.requireNonNull(threadSource);
        this.seeds = new SplittableRandom(seed);
    }

    @Override
    protected synchronized StepperRun newRun(StepperSettings settings) {
        return new StepperRun(settings, new AutoPlay(), seeds.split());
    }

    @Override
    public boolean supportsStep() {
        return true;
    }

    /**
     * Lets thread {@code thread} (0 for T1) take its next step; returns at once, and the step is
     * taken after the steps asked for before it. A thread that has finished takes none.
     *
     * @throws IllegalStateException    unless paused
     * @throws IllegalArgumentException if there is no such thread
     */
    public void step(int thread) {
        StepperRun run = latest();
        if (run == null || state() != RunState.PAUSED) {
            throw new IllegalStateException("a chosen step works only while paused; the stepper is " + state());
        }
        run.ask(thread);
    }

    /**
     * Waits until every step asked for so far has been taken (or the run has ended).
     *
     * @throws TimeoutException if that has not happened within {@code timeout}
     */
    public void awaitSteps(Duration timeout) throws InterruptedException, TimeoutException {
        StepperRun run = latest();
        if (run != null) {
            run.awaitServed(timeout);
        }
    }

    /** The latest run now; {@link StepperSnapshot#NONE} before the first. */
    public StepperSnapshot snapshot() {
        RunState now = state();
        StepperRun run = latest();
        return run == null ? StepperSnapshot.NONE : run.snapshot(now);
    }

    /** Changes the time between two steps while playing, from the next step on. */
    public void setPace(int millis) {
        StepperRun run = latest();
        if (run != null) {
            run.paceMillis = Math.clamp(millis, StepperSettings.MIN_PACE_MILLIS, StepperSettings.MAX_PACE_MILLIS);
        }
    }

    /**
     * The run's hold: while open (running) the conductor steps a random lane every pace; Pause
     * closes it. A grant made while playing holds the lock, so no auto-step lands after Pause.
     */
    private static final class AutoPlay implements Hold {
        private final ReentrantLock lock = new ReentrantLock();
        /** Guarded by lock. A run started paused ({@link #startPaused}) has it closed before it starts. */
        private boolean playing = true;

        @Override
        public void close() {
            lock.lock();
            try {
                playing = false;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void open() {
            lock.lock();
            try {
                playing = true;
            } finally {
                lock.unlock();
            }
        }

        boolean isPlaying() {
            lock.lock();
            try {
                return playing;
            } finally {
                lock.unlock();
            }
        }

        /** Runs {@code grant} while holding the lock, if playing; returns whether it ran. */
        boolean ifPlaying(Runnable grant) {
            lock.lock();
            try {
                if (playing) {
                    grant.run();
                }
                return playing;
            } finally {
                lock.unlock();
            }
        }
    }

    final class StepperRun extends Run<StepperResult> {
        private final StepperSettings settings;
        private final AutoPlay play;
        private final SplittableRandom random;
        /** The shared count every lane increments. */
        private final AtomicLong count = new AtomicLong();
        private final LaneImpl[] lanes;
        /** Each lane's thread, then the conductor's. */
        private final AtomicReferenceArray<Thread> threads;
        /** Lanes asked for (ANY: a random one), oldest first. */
        private final LinkedBlockingQueue<Integer> requests = new LinkedBlockingQueue<>();
        private final ReentrantLock lock = new ReentrantLock();
        /** Signalled when a lane records a step or ends, and when a request has been served. */
        private final Condition progressed = lock.newCondition();
        /** Steps taken. Guarded by lock. */
        private long steps;
        /** Increments completed over all lanes. Invariant: completed - count = updates lost. Guarded by lock. */
        private long completed;
        /** Failed compareAndSet attempts. Guarded by lock. */
        private long casFailures;
        /** The step at which the goal was reached, or 0. Guarded by lock. */
        private long goalReachedAt;
        /** Whether the step granted now was picked at random (S, Auto-step) rather than chosen. Guarded by lock. */
        private boolean pickedAtRandom;
        /** Steps picked at random so far, and when the goal was reached. Guarded by lock. */
        private long randomSteps;
        private long randomStepsAtGoal;
        /** Requests made and requests served. Invariant: served <= asked. Guarded by lock. */
        private long asked;
        private long served;
        /** The lane that wrote the count last, or -1. Guarded by lock. */
        private int lastWriter = -1;
        /** The latest steps, oldest first, at most EVENTS_KEPT. Guarded by lock. */
        private final ArrayDeque<StepEvent> events = new ArrayDeque<>();
        private volatile int paceMillis;

        StepperRun(StepperSettings settings, AutoPlay play, SplittableRandom random) {
            super(play);
            this.settings = settings;
            this.play = play;
            this.random = random;
            this.paceMillis = settings.paceMillis();
            this.lanes = new LaneImpl[settings.threads()];
            for (int i = 0; i < lanes.length; i++) {
                lanes[i] = new LaneImpl(i);
            }
            this.threads = new AtomicReferenceArray<>(lanes.length + 1);
        }

        @Override
        protected void launch() {
            ThreadFactory factory = threadSource.factory(ThreadKind.PLATFORM, "interleave-stepper-");
            for (int i = 0; i <= lanes.length && !isCancelled(); i++) {
                Thread thread;
                if (i < lanes.length) {
                    LaneImpl lane = lanes[i];
                    thread = factory.newThread(() -> work(lane));
                    thread.setName("interleave-stepper-" + lane.name);
                } else {
                    thread = factory.newThread(this::conduct);
                    thread.setName("interleave-stepper-conductor");
                }
                thread.start();
                threads.set(i, thread);
                if (isCancelled()) {
                    thread.interrupt();
                }
            }
        }

        @Override
        protected void step() {
            request(ANY);
        }

        void ask(int thread) {
            if (thread < 0 || thread >= lanes.length) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "there is no T%d: threads are T1 to T%d",
                        thread + 1, lanes.length));
            }
            request(thread);
        }

        private void request(int lane) {
            lock.lock();
            try {
                asked++;
                requests.add(lane);
            } finally {
                lock.unlock();
            }
        }

        private void work(LaneImpl lane) {
            try {
                for (int i = 0; i < settings.increments() && !isCancelled(); i++) {
                    settings.program().increment(lane);
                }
            } catch (InterruptedException e) {
                // Stop.
            } catch (RuntimeException | Error e) {
                fail(e);
            } finally {
                lock.lock();
                try {
                    lane.ended = true;
                    progressed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }

        /** The conductor: one step at a time, asked for or (while playing) at random. */
        private void conduct() {
            try {
                while (!isCancelled() && !allDone()) {
                    Integer request = requests.poll(play.isPlaying() ? paceMillis : 50, TimeUnit.MILLISECONDS);
                    if (request != null) {
                        int target = request == ANY ? randomUnfinished() : request;
                        if (target >= 0 && !isDone(target)) {
                            takeStep(target, false, request == ANY);
                        }
                        lock.lock();
                        try {
                            served++;
                            progressed.signalAll();
                        } finally {
                            lock.unlock();
                        }
                    } else {
                        int target = randomUnfinished();
                        if (target >= 0) {
                            takeStep(target, true, true);
                        }
                    }
                }
            } catch (InterruptedException e) {
                // Stop.
            } catch (RuntimeException | Error e) {
                fail(e);
            }
        }

        /** Lets lane {@code index} take one step and waits until it has recorded it (or ended). */
        private void takeStep(int index, boolean onlyIfPlaying, boolean atRandom) throws InterruptedException {
            LaneImpl lane = lanes[index];
            long before;
            lock.lock();
            try {
                before = lane.stepsTaken;
                pickedAtRandom = atRandom; // one step at a time: the lane's record() reads it
            } finally {
                lock.unlock();
            }
            if (onlyIfPlaying) {
                if (!play.ifPlaying(lane.gate::step)) {
                    return;
                }
            } else {
                lane.gate.step();
            }
            lock.lockInterruptibly();
            try {
                while (lane.stepsTaken == before && !lane.ended) {
                    progressed.await();
                }
            } finally {
                lock.unlock();
            }
        }

        private int randomUnfinished() {
            List<Integer> open = new ArrayList<>();
            lock.lock();
            try {
                for (LaneImpl lane : lanes) {
                    if (!lane.done && !lane.ended) {
                        open.add(lane.index);
                    }
                }
            } finally {
                lock.unlock();
            }
            return open.isEmpty() ? -1 : open.get(random.nextInt(open.size()));
        }

        private boolean isDone(int index) {
            lock.lock();
            try {
                return lanes[index].done || lanes[index].ended;
            } finally {
                lock.unlock();
            }
        }

        private boolean allDone() {
            lock.lock();
            try {
                for (LaneImpl lane : lanes) {
                    if (!lane.done && !lane.ended) {
                        return false;
                    }
                }
                return true;
            } finally {
                lock.unlock();
            }
        }

        void awaitServed(Duration timeout) throws InterruptedException, TimeoutException {
            long left = timeout.toNanos();
            lock.lock();
            try {
                while (served < asked && result() == null && !allEndedLocked()) {
                    if (left <= 0) {
                        throw new TimeoutException(String.format(Locale.ROOT, "%,d of %,d steps taken after %s",
                                served, asked, timeout));
                    }
                    left = progressed.awaitNanos(left);
                }
            } finally {
                lock.unlock();
            }
        }

        private boolean allEndedLocked() {
            for (LaneImpl lane : lanes) {
                if (!lane.ended) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Records a step lane {@code lane} has just taken. Call only when holding lock.
         *
         * @param completes whether the step completed an increment
         * @param lostHere  increments the step lost (negative: a stale write put some back)
         */
        private void record(LaneImpl lane, Step step, String words, boolean completes, long lostHere,
                            boolean casFailed) {
            assert lock.isHeldByCurrentThread();
            steps++;
            lane.stepsTaken++;
            if (pickedAtRandom) {
                randomSteps++;
            }
            // The lane's next step, known now (its thread sets it again before it parks): the one after
            // this in the program, round to the first after the last step or a failed swap.
            List<Step> program = settings.program().steps();
            lane.next = program.get((program.indexOf(step) + 1) % program.size());
            if (completes) {
                completed++;
                lane.incrementsDone++;
                if (lane.incrementsDone == settings.increments()) {
                    lane.done = true;
                    lane.next = null;
                }
            }
            long lostAfter = completed - count.get();
            if (settings.goalLost() > 0 && goalReachedAt == 0 && lostAfter >= settings.goalLost()) {
                goalReachedAt = steps;
                randomStepsAtGoal = randomSteps;
            }
            events.addLast(new StepEvent(steps, lane.name, step, words, count.get(), lostAfter, lostHere, casFailed,
                    pickedAtRandom));
            while (events.size() > StepperSnapshot.EVENTS_KEPT) {
                events.removeFirst();
            }
            progressed.signalAll();
        }

        @Override
        protected void interruptThreads() {
            Thread self = Thread.currentThread();
            for (int i = 0; i < threads.length(); i++) {
                Thread thread = threads.get(i);
                if (thread != null && thread != self) {
                    thread.interrupt();
                }
            }
        }

        @Override
        protected void joinThreads() throws InterruptedException {
            for (int i = 0; i < threads.length(); i++) {
                Thread thread = threads.get(i);
                if (thread != null) {
                    thread.join();
                }
            }
        }

        @Override
        protected boolean ranToEnd() {
            lock.lock();
            try {
                for (LaneImpl lane : lanes) {
                    if (!lane.done) {
                        return false;
                    }
                }
                return true;
            } finally {
                lock.unlock();
            }
        }

        @Override
        protected StepperResult result(Outcome outcome, Throwable failure, long elapsedNanos) {
            lock.lock();
            try {
                return new StepperResult(settings, outcome, failure, count.get(), completed, steps, casFailures,
                        goalReachedAt);
            } finally {
                lock.unlock();
            }
        }

        StepperSnapshot snapshot(RunState now) {
            StepperResult ended = result();
            lock.lock();
            try {
                List<LaneView> views = new ArrayList<>(lanes.length);
                for (LaneImpl lane : lanes) {
                    views.add(new LaneView(lane.name, lane.next, lane.registers, lane.register, lane.incrementsDone,
                            settings.increments(), lane.casFailures, lane.stepsTaken, lane.done));
                }
                return new StepperSnapshot(now, settings, count.get(), completed, steps, views, List.copyOf(events),
                        goalReachedAt, randomStepsAtGoal, asked - served, ended);
            } finally {
                lock.unlock();
            }
        }

        /** One thread's lane: its gate, what it holds, and how it records each step. */
        private final class LaneImpl implements StepProgram.Lane, Gated {
            private final int index;
            private final String name;
            /** Closed for the whole run: each permit lets this lane's thread take one step. */
            private final Gate gate = new Gate();
            /** The step it takes when let; null once done. Guarded by lock. */
            private Step next;
            /** Its registers in words. Guarded by lock. */
            private String registers = "";
            /** Its register's value, or null before the first read. Guarded by lock. */
            private Long register;
            /** Guarded by lock. */
            private int incrementsDone;
            /** Guarded by lock. */
            private long casFailures;
            /** Guarded by lock. */
            private long stepsTaken;
            /** Every increment done. Guarded by lock. */
            private boolean done;
            /** Its thread has left its loop (done, stopped or failed). Guarded by lock. */
            private boolean ended;

            LaneImpl(int index) {
                this.index = index;
                this.name = "T" + (index + 1);
                this.next = settings.program().steps().getFirst();
                gate.close();
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public void parkedAtGate() {
                // The lane's next step, recorded before it parks, says what it waits to do.
            }

            @Override
            public void await(Step step) throws InterruptedException {
                lock.lock();
                try {
                    next = step;
                } finally {
                    lock.unlock();
                }
                gate.pass(this);
            }

            @Override
            public AtomicLong count() {
                return count;
            }

            @Override
            public void read(long value) {
                lock.lock();
                try {
                    register = value;
                    registers = "r = " + value;
                    record(this, Step.READ, String.format(Locale.ROOT, "%s read %d into its register", name, value),
                            false, 0, false);
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void added(long value) {
                lock.lock();
                try {
                    register = value;
                    registers = "r = " + value;
                    record(this, Step.ADD, String.format(Locale.ROOT,
                            "%s added 1 in its register: r = %d (the count is still %d)", name, value, count.get()),
                            false, 0, false);
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void wrote(long overwritten, long value) {
                lock.lock();
                try {
                    long lostBefore = completed - overwritten;
                    long lostAfter = completed + 1 - value;
                    long lostHere = lostAfter - lostBefore;
                    String over = lastWriter >= 0 && lastWriter != index
                            ? lanes[lastWriter].name + "'s " + overwritten : Long.toString(overwritten);
                    String words;
                    if (lostHere > 0) {
                        words = String.format(Locale.ROOT, "%s wrote %d over %s: %s lost", name, value, over,
                                increments(lostHere));
                    } else if (lostHere < 0) {
                        // Said how: "the count wins back one increment" puzzled a learner.
                        words = String.format(Locale.ROOT, "%s wrote %d over %s: %s read %d before a stale write lowered the"
                                + " count, so %s lost %s back (%s lost in all)", name, value, over, name, value - 1,
                                increments(-lostHere), lostHere == -1 ? "comes" : "come", increments(lostAfter));
                    } else {
                        words = String.format(Locale.ROOT, "%s wrote %d back: the count is %d", name, value, value);
                    }
                    lastWriter = index;
                    registers = "r = " + value;
                    record(this, Step.WRITE, words, true, lostHere, false);
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void incremented(long value) {
                lock.lock();
                try {
                    register = value;
                    // After "register: ": the value incrementAndGet returned ("register: returned 1" read oddly).
                    registers = value + ", as incrementAndGet returned it";
                    lastWriter = index;
                    record(this, Step.INCREMENT_AND_GET, String.format(Locale.ROOT,
                            "%s incrementAndGet: the count went from %d to %d in one indivisible step", name,
                            value - 1, value), true, 0, false);
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void seen(long seen) {
                lock.lock();
                try {
                    register = seen;
                    registers = "seen = " + seen;
                    record(this, Step.CAS_READ, String.format(Locale.ROOT,
                            "%s read %d: its compareAndSet will expect %d", name, seen, seen), false, 0, false);
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void computed(long seen, long next) {
                lock.lock();
                try {
                    register = next;
                    registers = "seen = " + seen + ", next = " + next;
                    record(this, Step.CAS_COMPUTE, String.format(Locale.ROOT,
                            "%s computed next = %d in its registers (the count is %d)", name, next, count.get()),
                            false, 0, false);
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void swapped(long seen, long next, boolean swapped) {
                lock.lock();
                try {
                    String words;
                    if (swapped) {
                        lastWriter = index;
                        words = String.format(Locale.ROOT, "%s compareAndSet(%d, %d) succeeded: the count is %d",
                                name, seen, next, next);
                    } else {
                        casFailures++;
                        StepperRun.this.casFailures++;
                        String writer = lastWriter >= 0 && lastWriter != index ? " (" + lanes[lastWriter].name
                                + " changed it)" : "";
                        words = String.format(Locale.ROOT, "%s compareAndSet(%d, %d) failed: the count is %d, not %d%s;"
                                + " nothing written, %s reads again and retries", name, seen, next, count.get(), seen,
                                writer, name);
                    }
                    record(this, Step.CAS_SWAP, words, swapped, 0, !swapped);
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** "one increment", "two increments", "5 increments". */
    static String increments(long n) {
        String[] words = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        return (n >= 0 && n < words.length ? words[(int) n] : Long.toString(n)) + (n == 1 ? " increment" : " increments");
    }
}
