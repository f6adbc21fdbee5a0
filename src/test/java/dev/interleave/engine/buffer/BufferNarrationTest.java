package dev.interleave.engine.buffer;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.interleave.engine.run.EventLog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The narration speaks each implementation's own terms: the lock buffer awaits and signals its
 * conditions (one condition with one-condition), the monitor calls wait() and notifyAll() (or
 * notify()), the semaphores block in acquire() and release each other; none borrows another's words.
 */
class BufferNarrationTest {

    /** C1 waits for an item, P1 puts one and wakes C1, C1 takes it; P1 then waits on a full buffer. */
    private static EventLog story() {
        EventLog log = new EventLog(64);
        int p1 = log.addTrack("P1");
        int c1 = log.addTrack("C1");
        log.append(BufferEvent.REGISTER.ordinal(), p1, 0, 0, Worker.Role.PRODUCER.ordinal());
        log.append(BufferEvent.REGISTER.ordinal(), c1, 0, 0, Worker.Role.CONSUMER.ordinal());
        log.append(BufferEvent.WAIT.ordinal(), c1, 0, 0, BufferEvent.ON_NOT_EMPTY);
        log.append(BufferEvent.PUT.ordinal(), p1, 1, 0, 1);
        log.append(BufferEvent.WAKE.ordinal(), c1, 0, 0, p1);
        log.append(BufferEvent.TAKE.ordinal(), c1, 1, 0, 0);
        log.append(BufferEvent.WAIT.ordinal(), p1, 2, 0, BufferEvent.ON_NOT_FULL);
        return log;
    }

    private static List<String> told(BufferImpl impl, Bug bug, WakePolicy policy) {
        EventLog.Batch all = story().readAll();
        BufferNarration.Terms terms = new BufferNarration.Terms(impl, bug, policy);
        return IntStream.range(2, all.size()).mapToObj(i -> BufferNarration.words(terms, all, i))
                .toList();
    }

    @Test
    void theLockBufferAwaitsAndSignalsItsConditions() {
        assertEquals(List.of("C1 found the buffer empty and waits on notEmpty",
                "P1 put #1 into slot 0, signalled notEmpty and woke C1",
                "C1 is woken by P1's signal and waits for the lock",
                "C1 took #1 from slot 0, signalled notFull (no one was waiting)",
                "P1 found the buffer full and waits on notFull with #2"),
                told(BufferImpl.LOCK, Bug.NONE, WakePolicy.SIGNAL));
        assertEquals("P1 put #1 into slot 0, called notEmpty.signalAll() and woke C1",
                told(BufferImpl.LOCK, Bug.NONE, WakePolicy.SIGNAL_ALL).get(1));
        // The woken thread names the call that woke it as the line before does: signalAll(), not "signal".
        assertEquals("C1 is woken by P1's signalAll() and waits for the lock",
                told(BufferImpl.LOCK, Bug.NONE, WakePolicy.SIGNAL_ALL).get(2));
        EventLog.Batch all = story().readAll();
        assertEquals(told(BufferImpl.LOCK, Bug.NONE, WakePolicy.SIGNAL).get(0), BufferNarration.words(all, 2),
                "without terms, the lock buffer's words");
    }

    /**
     * A wait again (the buffer's loop marks it) says so, a futile wake-up as the figure counts it,
     * spurious when the wake-up before it was; a first wait does not.
     */
    @Test
    void aWaitAfterAWakeUpIsAFutileOne() {
        EventLog log = new EventLog(64);
        int p1 = log.addTrack("P1");
        int p2 = log.addTrack("P2");
        int c1 = log.addTrack("C1");
        log.append(BufferEvent.REGISTER.ordinal(), p1, 0, 0, Worker.Role.PRODUCER.ordinal());
        log.append(BufferEvent.REGISTER.ordinal(), p2, 0, 0, Worker.Role.PRODUCER.ordinal());
        log.append(BufferEvent.REGISTER.ordinal(), c1, 0, 0, Worker.Role.CONSUMER.ordinal());
        log.append(BufferEvent.PUT.ordinal(), p1, 1, 0, 0);
        log.append(BufferEvent.WAIT.ordinal(), p2, 2, 0, BufferEvent.ON_NOT_FULL);
        log.append(BufferEvent.TAKE.ordinal(), c1, 1, 0, 1);
        log.append(BufferEvent.WAKE.ordinal(), p2, 0, 0, c1);
        log.append(BufferEvent.PUT.ordinal(), p1, 3, 0, 0); // P1 gets there first
        log.append(BufferEvent.REQUEST.ordinal(), p2, 0, 0, 0);
        log.append(BufferEvent.WAIT.ordinal(), p2, 2, BufferEvent.WAITS_AGAIN, BufferEvent.ON_NOT_FULL);
        log.append(BufferEvent.WAIT.ordinal(), c1, 0, BufferEvent.FIRST_WAIT, BufferEvent.ON_NOT_EMPTY);
        log.append(BufferEvent.SPURIOUS.ordinal(), c1, 0, 0, 0);
        log.append(BufferEvent.WAIT.ordinal(), c1, 0, BufferEvent.WAITS_AGAIN, BufferEvent.ON_NOT_EMPTY);
        EventLog.Batch all = log.readAll();
        assertEquals("P2 found the buffer full and waits on notFull with #2", BufferNarration.words(all, 4));
        assertEquals("P2 found the buffer still full and waits on notFull with #2 again (a futile wake-up)",
                BufferNarration.words(all, 9));
        assertEquals("C1 found the buffer empty and waits on notEmpty", BufferNarration.words(all, 10));
        assertEquals("C1 found the buffer still empty and waits on notEmpty again (a futile wake-up: it was spurious)",
                BufferNarration.words(all, 12));
        BufferNarration.Terms monitor = new BufferNarration.Terms(BufferImpl.MONITOR, Bug.NONE, WakePolicy.SIGNAL_ALL);
        assertEquals("P2 found the buffer still full and calls monitor.wait() with #2 again (a futile wake-up)",
                BufferNarration.words(monitor, all, 9));
        // Told from the wait alone, as a step's events are (the wake-up came in an earlier step).
        EventLog.Batch waitAlone = log.read(9, 1);
        assertEquals("P2 found the buffer still full and waits on notFull with #2 again (a futile wake-up)",
                BufferNarration.words(waitAlone, 0));
    }

    /** A worker asked to leave is told with its role's action, which it finishes first. */
    @Test
    void aWorkerAskedToLeaveFinishesItsActionFirst() {
        EventLog log = story();
        log.append(BufferEvent.DISMISS.ordinal(), 0, 0, 0, Worker.Role.PRODUCER.ordinal());
        log.append(BufferEvent.DISMISS.ordinal(), 1, 0, 0, Worker.Role.CONSUMER.ordinal());
        EventLog.Batch all = log.readAll();
        assertEquals("P1 is asked to leave (fewer producers set): it puts the item it holds or is making, and makes"
                + " no new one", BufferNarration.words(all, all.size() - 2));
        assertEquals("C1 is asked to leave (fewer consumers set): it finishes the take in progress, if any, and takes"
                + " no new item", BufferNarration.words(all, all.size() - 1));
    }

    /**
     * With the planted if, a woken waiter does not check again: the words say it goes straight on
     * (they said "to check again", the opposite of the lesson, found by a teacher's tryout).
     */
    @Test
    void theIfGoesStraightOnWithoutCheckingAgain() {
        assertEquals("C1 is woken by P1's signal and waits for the lock, then goes straight on: its if does not"
                + " check again", told(BufferImpl.LOCK, Bug.IF_NOT_WHILE, WakePolicy.SIGNAL).get(2));
        assertEquals("C1 is woken by P1's notifyAll() and waits for the monitor, then goes straight on: its if does"
                + " not check again", told(BufferImpl.MONITOR, Bug.IF_NOT_WHILE, WakePolicy.SIGNAL).get(2));
        EventLog log = new EventLog(8);
        int c1 = log.addTrack("C1");
        log.append(BufferEvent.SPURIOUS.ordinal(), c1, 0, 0, BufferEvent.ON_NOT_EMPTY);
        EventLog.Batch spurious = log.readAll();
        assertEquals("C1 woke up spuriously (no signal: injected by the lab) and waits for the lock, then goes"
                + " straight on: its if does not check again", BufferNarration.words(
                new BufferNarration.Terms(BufferImpl.LOCK, Bug.IF_NOT_WHILE, WakePolicy.SIGNAL), spurious, 0));
        assertEquals("C1 woke up spuriously (no signal: injected by the lab) and waits for the lock, to check again",
                BufferNarration.words(new BufferNarration.Terms(BufferImpl.LOCK, Bug.NONE, WakePolicy.SIGNAL),
                        spurious, 0));
    }

    /**
     * With the planted unlocked count, the violation says the look it went on from (the semaphore
     * lab's log read only "a put, then a put over a full slot").
     */
    @Test
    void anUnlockedCountViolationSaysWhatItLookedAt() {
        EventLog log = new EventLog(8);
        int p2 = log.addTrack("P2");
        log.append(BufferEvent.VIOLATION.ordinal(), p2, 2, 0, BufferEvent.OVER_FULL_SLOT);
        EventLog.Batch batch = log.readAll();
        assertEquals("P2 was about to put #2 over slot 0, which is full (it saw a free slot with"
                + " freeSlots.availablePermits() and went on without acquiring it): violation, so the run is stopped: nobody puts or takes after it",
                BufferNarration.words(new BufferNarration.Terms(BufferImpl.SEMAPHORE, Bug.UNLOCKED_COUNT,
                        WakePolicy.SIGNAL), batch, 0));
        assertEquals("P2 was about to put #2 over slot 0, which is full (it read count without the monitor, saw"
                + " room, and went on): violation, so the run is stopped: nobody puts or takes after it", BufferNarration.words(new BufferNarration.Terms(
                BufferImpl.MONITOR, Bug.UNLOCKED_COUNT, WakePolicy.SIGNAL), batch, 0));
        assertEquals("P2 was about to put #2 over slot 0, which is full: violation, so the run is stopped: nobody puts or takes after it",
                BufferNarration.words(new BufferNarration.Terms(BufferImpl.LOCK, Bug.IF_NOT_WHILE, WakePolicy.SIGNAL),
                        batch, 0));
    }

    /**
     * unlocked-count's look is told with what it read and what it will do: an action of its own, so
     * a step and the log show both threads reading the count before either locks.
     */
    @Test
    void aLookWithoutTheLockSaysWhatItSawAndWhatItWillDo() {
        EventLog log = new EventLog(8);
        int p1 = log.addTrack("P1");
        int c2 = log.addTrack("C2");
        log.append(BufferEvent.LOOK.ordinal(), p1, 0, 1, BufferEvent.lookOther(Worker.Role.PRODUCER, true));
        log.append(BufferEvent.LOOK.ordinal(), c2, 0, 3, BufferEvent.lookOther(Worker.Role.CONSUMER, false));
        log.append(BufferEvent.LOOK.ordinal(), p1, 1, 4, BufferEvent.lookOther(Worker.Role.PRODUCER, true));
        log.append(BufferEvent.LOOK.ordinal(), p1, 1, 1, BufferEvent.lookOther(Worker.Role.PRODUCER, false));
        EventLog.Batch batch = log.readAll();
        BufferNarration.Terms lock = new BufferNarration.Terms(BufferImpl.LOCK, Bug.UNLOCKED_COUNT, WakePolicy.SIGNAL);
        assertEquals("P1 read count without the lock: 0 of 1 slot full, room, so it will put without checking"
                + " under the lock", BufferNarration.words(lock, batch, 0));
        assertEquals("C2 read count without the lock: 0 of 3 slots full, no item, so it will check again under"
                + " the lock", BufferNarration.words(lock, batch, 1));
        assertEquals("C2 read count without the monitor: 0 of 3 slots full, no item, so it will check again"
                + " under the monitor", BufferNarration.words(new BufferNarration.Terms(BufferImpl.MONITOR,
                Bug.UNLOCKED_COUNT, WakePolicy.SIGNAL), batch, 1));
        assertEquals("P1 looked at freeSlots.availablePermits() without acquiring: 1, so it goes on to the mutex"
                + " without taking a permit", BufferNarration.words(new BufferNarration.Terms(BufferImpl.SEMAPHORE,
                Bug.UNLOCKED_COUNT, WakePolicy.SIGNAL), batch, 2));
        assertEquals("P1 read count without the lock: 1 of 1 slot full, no room, so it will check again under the"
                + " lock", BufferNarration.words(lock, batch, 3));
        assertEquals(List.of("P1", "C2", "P1", "P1"), BufferNarration.actions(lock, batch).stream()
                .map(BufferNarration.Action::worker).toList());
    }

    /**
     * A chip, a code line's tooltip and the lanes' legend name the lock as the log does: a monitor's
     * chip read "waiting for lock" beside the log's "waits for the monitor".
     */
    @Test
    void theChipsNameTheLockAsTheLogDoes() {
        EventLog log = new EventLog(8);
        int p1 = log.addTrack("P1");
        int c1 = log.addTrack("C1");
        log.append(BufferEvent.WAKE.ordinal(), c1, 0, 0, p1);
        EventLog.Batch batch = log.readAll();
        for (BufferImpl impl : List.of(BufferImpl.LOCK, BufferImpl.MONITOR, BufferImpl.SEMAPHORE)) {
            String told = BufferNarration.words(new BufferNarration.Terms(impl, Bug.NONE, WakePolicy.SIGNAL), batch, 0);
            String lock = WorkerState.WAITING_FOR_LOCK.words(impl).substring("waiting for ".length());
            assertTrue(told.contains(" the " + lock), impl + ": the chip's '" + lock + "' against the log's '" + told + "'");
            assertTrue(told.contains(" the " + Where.WOKEN.words(impl).substring("woken, waiting for the ".length())),
                    impl + ": the code line's words against '" + told + "'");
        }
        assertEquals("waiting for monitor", WorkerState.WAITING_FOR_LOCK.words(BufferImpl.MONITOR));
        assertEquals("releasing the mutex", Where.RELEASING.words(BufferImpl.SEMAPHORE));
        assertEquals("awaits room", WorkerState.WAITING_NOT_FULL.words(BufferImpl.MONITOR));
    }

    @Test
    void oneConditionIsOneWaitSetForBothSides() {
        List<String> words = told(BufferImpl.LOCK, Bug.ONE_CONDITION, WakePolicy.SIGNAL);
        // In the names the code panel shows: take() awaits notEmpty, put() signals notEmpty, one object.
        assertEquals("C1 found the buffer empty and waits on notEmpty (the one condition: notEmpty is notFull)", words.get(0));
        assertEquals("P1 put #1 into slot 0, signalled notEmpty (the one condition: notEmpty is notFull) and woke C1",
                words.get(1));
        // notEmpty never without the words that it is notFull.
        assertFalse(String.join(" ", words).replace("notEmpty (the one condition: notEmpty is notFull)", "")
                .contains("notEmpty"), words.toString());
    }

    @Test
    void theMonitorWaitsAndNotifies() {
        List<String> words = told(BufferImpl.MONITOR, Bug.NONE, WakePolicy.SIGNAL);
        assertEquals(List.of("C1 found the buffer empty and calls monitor.wait()",
                "P1 put #1 into slot 0, called notifyAll() and woke C1",
                "C1 is woken by P1's notifyAll() and waits for the monitor",
                "C1 took #1 from slot 0, called notifyAll() (no one was waiting)",
                "P1 found the buffer full and calls monitor.wait() with #2"), words);
        List<String> notify = told(BufferImpl.MONITOR, Bug.NOTIFY, WakePolicy.SIGNAL);
        assertEquals("P1 put #1 into slot 0, called notify() and woke C1", notify.get(1));
        assertEquals("C1 is woken by P1's notify() and waits for the monitor", notify.get(2));
        for (String line : words) {
            assertFalse(line.contains("signal") || line.contains("notEmpty") || line.contains("the lock"), line);
        }
    }

    @Test
    void theSemaphoresAcquireAndRelease() {
        List<String> words = told(BufferImpl.SEMAPHORE, Bug.NONE, WakePolicy.SIGNAL);
        assertEquals(List.of("C1 found the buffer empty and blocks in filledSlots.acquire()",
                "P1 put #1 into slot 0, released filledSlots and woke C1",
                "C1 is let through by P1's release() and goes on to the mutex",
                "C1 took #1 from slot 0, released freeSlots",
                "P1 found the buffer full and blocks in freeSlots.acquire() with #2"), words);
        for (String line : words) {
            assertFalse(line.contains("signal") || line.contains("notEmpty") || line.contains("the lock"), line);
        }
    }

    /**
     * A semaphore's release does not know whom it lets through: the real buffer records its put
     * naming no one, and the consumer's own WAKE after it. The words do not say "no one was waiting"
     * of the release that lets C1 through (they did, a line before "C1 is let through by P1's
     * release()", found by a learner's tryout).
     */
    @Test
    void theSemaphoresReleaseDoesNotSayNoOneWaitedWhenItLetsSomeoneThrough() throws InterruptedException {
        EventLog log = new EventLog(1_000);
        LabBuffer buffer = BufferRunner.newBuffer(BufferSettings.of(1, 1, 1, 1).withImpl(BufferImpl.SEMAPHORE), log);
        Worker producer = new Worker("P1", Worker.Role.PRODUCER);
        Worker consumer = new Worker("C1", Worker.Role.CONSUMER);
        buffer.register(producer);
        buffer.register(consumer);
        Thread taker = BoundedBufferContractTest.Threads.start(() -> buffer.take(consumer));
        BoundedBufferContractTest.Threads.awaitWaiting(taker);
        buffer.put(producer, 1);
        BoundedBufferContractTest.Threads.join(taker);
        EventLog.Batch all = log.readAll();
        BufferNarration.Terms terms = new BufferNarration.Terms(BufferImpl.SEMAPHORE, Bug.NONE, WakePolicy.SIGNAL);
        List<String> words = IntStream.range(0, all.size()).mapToObj(i -> BufferNarration.words(terms, all, i))
                .toList();
        assertTrue(words.contains("P1 put #1 into slot 0, released filledSlots"), String.join("\n", words));
        assertTrue(words.contains("C1 is let through by P1's release() and goes on to the mutex"),
                String.join("\n", words));
        assertTrue(words.stream().noneMatch(line -> line.contains("no one was waiting")), String.join("\n", words));
    }

    /**
     * A notify() with every waiter already woken is told as lost, not as "no one was waiting" under a
     * wait set that still shows the woken; a wake-up with several notify() calls in flight names the
     * earliest as a guess.
     */
    @Test
    void aLostNotifyIsToldLostAndAGuessedWakerAsAGuess() {
        EventLog log = new EventLog(64);
        int p1 = log.addTrack("P1");
        int p2 = log.addTrack("P2");
        int c1 = log.addTrack("C1");
        log.append(BufferEvent.PUT.ordinal(), p2, 2, 1, BufferEvent.NOTIFY_LOST);
        log.append(BufferEvent.WAKE.ordinal(), c1, BufferEvent.WOKEN_BY_ONE_OF, 0, p1);
        EventLog.Batch all = log.readAll();
        BufferNarration.Terms notify = new BufferNarration.Terms(BufferImpl.MONITOR, Bug.NOTIFY, WakePolicy.SIGNAL);
        assertEquals("P2 put #2 into slot 1, called notify() and woke nobody: no thread was waiting that an earlier"
                + " notify() had not already woken, so this notify() is lost", BufferNarration.words(notify, all, 0));
        assertEquals("C1 is woken by P1's notify(), most likely (a wait(1 ms) was running out as it came, and the JVM"
                + " does not say which ended which), and waits for the monitor", BufferNarration.words(notify, all, 1));
        // A notify() that woke someone, followed at once by another's wake-up: not named as its own (the
        // log read "P1 put #8 ... and woke C3", then "C3 is woken by C1's notify()", a regression tryout).
        EventLog woke = new EventLog(64);
        int q1 = woke.addTrack("P1");
        int d1 = woke.addTrack("C1");
        int d3 = woke.addTrack("C3");
        woke.append(BufferEvent.PUT.ordinal(), q1, 8, 0, 1);
        woke.append(BufferEvent.WAKE.ordinal(), d3, BufferEvent.WOKEN_BY_ONE_OF, 0, d1);
        assertEquals("P1 put #8 into slot 0, called notify() and woke one waiting thread (it says so itself when it has"
                + " the monitor back)", BufferNarration.words(notify, woke.readAll(), 0));
    }

    /**
     * A notify() that woke nobody is lost only where threads were waiting (each woken already by a
     * notify() still in flight); with nobody waiting at all it is harmless, and told so: the event says
     * which (PUT's or TAKE's other, 0 or NOTIFY_LOST), so a replay of the log tells the same.
     */
    @Test
    void aNotifyWithNobodyWaitingIsHarmlessAndOneWithAllWokenIsLost() {
        EventLog log = new EventLog(64);
        int p1 = log.addTrack("P1");
        int c1 = log.addTrack("C1");
        log.append(BufferEvent.PUT.ordinal(), p1, 1, 0, 0);
        log.append(BufferEvent.TAKE.ordinal(), c1, 1, 0, BufferEvent.NOTIFY_LOST);
        EventLog.Batch all = log.readAll();
        BufferNarration.Terms notify = new BufferNarration.Terms(BufferImpl.MONITOR, Bug.NOTIFY, WakePolicy.SIGNAL);
        assertEquals("P1 put #1 into slot 0, called notify(): nobody was waiting, so this notify() woke nobody"
                + " (harmless)", BufferNarration.words(notify, all, 0));
        assertEquals("C1 took #1 from slot 0, called notify() and woke nobody: no thread was waiting that an earlier"
                + " notify() had not already woken, so this notify() is lost", BufferNarration.words(notify, all, 1));
        assertEquals(0, BufferEvent.woken(all, 1), "a lost notify() woke nobody");
        assertEquals(0, BufferEvent.woken(all, 0));
    }

    /**
     * With spurious wake-ups on, a waiter whose wait(1 ms) ran out has left the monitor's wait set by
     * itself, though the picture shows it waiting until it has the monitor back: a lost notify() says
     * so, where it said only that every waiter had been woken by an earlier notify(). The terms of a
     * run know it from its settings, and only where the buffer takes the spurious rate.
     */
    @Test
    void aLostNotifyWithSpuriousWakeUpsOnSaysAWaiterMayHaveLeftByItself() {
        EventLog log = new EventLog(64);
        int c1 = log.addTrack("C1");
        log.append(BufferEvent.TAKE.ordinal(), c1, 1, 0, BufferEvent.NOTIFY_LOST);
        BufferSettings spurious = BufferSettings.of(3, 3, 1, 100).withImpl(BufferImpl.MONITOR).withBug(Bug.NOTIFY)
                .withSpurious(0.5);
        BufferNarration.Terms terms = BufferNarration.Terms.of(spurious);
        assertTrue(terms.spurious());
        assertEquals("C1 took #1 from slot 0, called notify() and woke nobody: every thread shown waiting had been"
                + " woken by an earlier notify() or had left the wait set by itself, its wait(1 ms) run out (a"
                + " spurious wake-up, told when it has the monitor back), so this notify() is lost",
                BufferNarration.words(terms, log.readAll(), 0));
        assertFalse(BufferNarration.Terms.of(spurious.withSpurious(0)).spurious());
        assertFalse(BufferNarration.Terms.of(spurious.withImpl(BufferImpl.SEMAPHORE)).spurious(),
                "a semaphore's acquire() never wakes spuriously");
    }

    /**
     * The real monitor buffer with the notify bug records which: a put and a take with nobody waiting
     * (harmless), then, on one carrier, C1 waiting and P1 putting twice, so that C1, woken by the first
     * notify(), is not yet back in the monitor at the second (lost). Its log's words say so.
     */
    @Test
    void theMonitorBufferRecordsAHarmlessNotifyApartFromALostOne() throws Exception {
        EventLog log = new EventLog(1_000);
        LabBuffer buffer = new MonitorBuffer(4, Bug.NOTIFY, 0, log);
        Worker producer = new Worker("P1", Worker.Role.PRODUCER);
        Worker consumer = new Worker("C1", Worker.Role.CONSUMER);
        buffer.register(producer);
        buffer.register(consumer);
        buffer.put(producer, 1);
        assertEquals(1, buffer.take(consumer));
        ExecutorService carrier = Executors.newSingleThreadExecutor();
        try {
            Thread.Builder.OfVirtual oneCarrier = OneCarrier.virtualThreadsOn(carrier);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            oneCarrier.uncaughtExceptionHandler((thread, e) -> failure.compareAndSet(null, e));
            AtomicLong took = new AtomicLong();
            Thread c1 = oneCarrier.start(() -> {
                try {
                    took.set(buffer.take(consumer));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            BoundedBufferContractTest.Threads.awaitWaiting(c1);
            assertEquals(List.of("C1"), buffer.snapshot().notEmptyWaiters(), "C1 waits in monitor.wait()");
            Thread p1 = oneCarrier.start(() -> {
                try {
                    buffer.put(producer, 2);
                    buffer.put(producer, 3);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            BoundedBufferContractTest.Threads.join(p1);
            BoundedBufferContractTest.Threads.join(c1);
            assertEquals(null, failure.get(), "a thread of the test failed");
            assertEquals(2, took.get());
        } finally {
            carrier.shutdownNow();
        }
        EventLog.Batch all = log.readAll();
        BufferNarration.Terms notify = new BufferNarration.Terms(BufferImpl.MONITOR, Bug.NOTIFY, WakePolicy.SIGNAL);
        List<String> words = IntStream.range(0, all.size()).mapToObj(i -> BufferNarration.words(notify, all, i))
                .filter(line -> line.contains(" put #") || line.contains(" took #")).toList();
        String harmless = ", called notify(): nobody was waiting, so this notify() woke nobody (harmless)";
        assertEquals(List.of("P1 put #1 into slot 0" + harmless,
                "C1 took #1 from slot 0" + harmless,
                "P1 put #2 into slot 1, called notify() and woke C1",
                "P1 put #3 into slot 2, called notify() and woke nobody: no thread was waiting that an earlier notify()"
                        + " had not already woken, so this notify() is lost",
                "C1 took #2 from slot 1" + harmless), words);
    }

    /**
     * The monitor's notify() wakes a thread the JVM picks and does not name: with two waiting, the
     * thread it woke records its own wake-up when it is back in the monitor, maybe after others
     * acted, naming the notifier and its put or take. The put names it where that wake-up is in the
     * words' events (a step's words said "its own line says which" with no such line, a learner's
     * tryout), and says it will tell it itself where not, rather than "woke 1 thread".
     */
    @Test
    void aNotifyDoesNotNameWhomItWokeButTheWokenThreadDoes() {
        EventLog log = new EventLog(64);
        int p1 = log.addTrack("P1");
        int c1 = log.addTrack("C1");
        int c2 = log.addTrack("C2");
        log.append(BufferEvent.WAIT.ordinal(), c1, 0, 0, BufferEvent.ON_NOT_EMPTY);
        log.append(BufferEvent.WAIT.ordinal(), c2, 0, 0, BufferEvent.ON_NOT_EMPTY);
        log.append(BufferEvent.PUT.ordinal(), p1, 1, 0, 1);
        log.append(BufferEvent.WAIT.ordinal(), p1, 2, 0, BufferEvent.ON_NOT_FULL);
        log.append(BufferEvent.WAKE.ordinal(), c2, 0, 2, p1); // event 4: back to event 2, P1's put
        EventLog.Batch all = log.readAll();
        BufferNarration.Terms notify = new BufferNarration.Terms(BufferImpl.MONITOR, Bug.NOTIFY, WakePolicy.SIGNAL);
        assertEquals("P1 put #1 into slot 0, called notify() and woke C2", BufferNarration.words(notify, all, 2));
        assertEquals("P1 put #1 into slot 0, called notify() and woke one waiting thread (it says so itself when it has"
                + " the monitor back)", BufferNarration.words(notify, log.read(0, 4), 2), "C2 not back yet");
        assertEquals("C2 is woken by P1's notify() and waits for the monitor", BufferNarration.words(notify, all, 4));
        BufferNarration.Terms lock = new BufferNarration.Terms(BufferImpl.LOCK, Bug.NONE, WakePolicy.SIGNAL);
        assertEquals("P1 put #1 into slot 0, signalled notEmpty and woke 1 thread", BufferNarration.words(lock, all, 2),
                "a batch cut before the lock's WAKE: the signal's words stay");
    }

    /** A lock wait shorter than a microsecond (the log's clock readings may even make it 0) is not "after 0 ns". */
    @Test
    void aWaitUnderAMicrosecondIsSaidSo() {
        assertEquals("in under a microsecond", BufferNarration.waited(0));
        assertEquals("in under a microsecond", BufferNarration.waited(999));
        assertEquals("after 12 µs", BufferNarration.waited(12_345));
        assertEquals("after 3.2 ms", BufferNarration.waited(3_200_000));
    }
}
