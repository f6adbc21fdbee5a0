package dev.interleave.engine.buffer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.Outcome;
import dev.interleave.engine.run.RunState;
import dev.interleave.engine.run.ThreadKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Step, action by action, through {@link BufferRunner}'s public API: after each step the worker
 * that waited longest at the gate is the one that acted, the buffer holds exactly what a
 * sequential model of the two-condition buffer says it holds (including the waiter a put or take
 * wakes, which finishes its own action in the same step), the recorded actions are the model's,
 * and the whole state rebuilt from the event log is the snapshot's.
 */
@Timeout(60)
class BufferStepTest {

    /** Worker states in which a paused run's worker can do nothing more until a step. */
    private static final Set<WorkerState> PARKED = EnumSet.of(WorkerState.AT_GATE, WorkerState.WAITING_NOT_FULL,
            WorkerState.WAITING_NOT_EMPTY);
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final int STEPS = 24;

    /**
     * A step acts while the run's clock is paused, so its items are left out of the rate with its time:
     * a run only stepped has no items per second (counted over the clock's milliseconds, five steps in
     * six seconds read 80,067), and a run stepped, then resumed, is measured on what it did running.
     */
    @Test
    void stepsItemsAreLeftOutOfTheRateWithTheirTime() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.startPaused(BufferSettings.of(1, 1, 4, 2_000));
        BufferRunSnapshot now = runner.snapshot();
        while (now.consumed() < 3) {
            runner.step();
            now = awaitQuiescent(runner, now.gate().stepsTaken() + 1, now.buffer().actions() + 1);
        }
        assertEquals(now.consumed(), now.consumedWhilePaused(), "every item so far was a step's");
        assertEquals(0, now.itemsPerSecond(), "a stepped run's rate while paused");
        long stepped = now.consumed();
        runner.resume();
        BufferResult ended = runner.await(DEADLINE);
        assertEquals(Outcome.COMPLETED, ended.outcome());
        assertEquals(stepped, ended.consumedWhilePaused(), "the items of the steps, and no more");
        assertEquals((2_000 - stepped) * 1e9 / ended.elapsedNanos(), ended.itemsPerSecond(), 1e-6);

        runner.startPaused(BufferSettings.of(1, 1, 4, 2_000));
        now = runner.snapshot();
        while (now.consumed() < 2) {
            runner.step();
            now = awaitQuiescent(runner, now.gate().stepsTaken() + 1, now.buffer().actions() + 1);
        }
        BufferResult stopped = runner.stop();
        assertEquals(stopped.consumed(), stopped.consumedWhilePaused(), "stopped while paused: every item a step's");
        assertEquals(0, stopped.itemsPerSecond(), "a run only stepped has no rate");
    }

    /**
     * A paused run stays still with spurious wake-ups on: a stepped consumer's wait may end
     * spuriously in its step, and it then waits again until a signal. At 100 % a waiting thread woke
     * and waited again for ever while the run read "Paused" (an expert's audit: 5,885 spurious
     * wake-ups in one pause, told as part of the next step).
     */
    @ParameterizedTest
    @EnumSource(value = BufferImpl.class, names = {"LOCK", "MONITOR"})
    void aPausedRunStaysStillWithSpuriousWakeUpsOn(BufferImpl impl) throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(100_000);
        runner.startPaused(new BufferSettings(1, 2, 1, 0, DelayRange.NONE, DelayRange.NONE, WakePolicy.SIGNAL, false,
                ThreadKind.PLATFORM, impl, Bug.NONE, 1.0));
        try {
            BufferRunSnapshot now = awaitQuiescent(runner, 0, 0, settled -> settled.gate().waiting().size() == 3);
            String consumer = now.gate().waiting().stream().filter(name -> name.startsWith("C")).findFirst().orElseThrow();
            runner.step(consumer);
            awaitQuiescent(runner, 1, 1, settled -> settled.buffer().spuriousWakeups() > 0);
            // The step's own timed wait may still be running out: still once no event comes for 50 ms,
            // which a paused run with its waiters woken spuriously again and again never is.
            BufferSnapshot before = runner.snapshot().buffer();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            for (BufferSnapshot last = null; last == null || last.events() != before.events(); ) {
                assertTrue(System.nanoTime() < deadline, "events went on while paused after " + consumer + "'s step: "
                        + before.events() + " events, " + before.spuriousWakeups() + " spurious wake-ups");
                last = before;
                Thread.sleep(50);
                before = runner.snapshot().buffer();
            }
            Thread.sleep(300);
            BufferSnapshot after = runner.snapshot().buffer();
            assertEquals(before.spuriousWakeups(), after.spuriousWakeups(), "spurious wake-ups while paused after "
                    + consumer + "'s step");
            assertEquals(before.events(), after.events(), "events while paused");
        } finally {
            runner.stop();
        }
    }

    /**
     * One producer and two consumers over two slots, paused: each step lets the longest-waiting
     * worker at the gate act, the snapshot names it, and the slots, indices, wait sets and recent
     * actions after the step are the model's.
     */
    @Test
    void eachStepChangesTheSlotsAsTheModelSaysAndNamesWhoActed() throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(100_000);
        runner.start(BufferSettings.of(1, 2, 2, 0));
        try {
            awaitConsumed(runner, 10);
            runner.pause();
            BufferRunSnapshot paused = runner.snapshot();
            BufferRunSnapshot now = awaitQuiescent(runner, paused.gate().stepsTaken(), -1);
            int waits = 0;
            int wakeUps = 0;
            for (int step = 1; step <= STEPS; step++) {
                List<String> atGate = now.gate().waiting();
                assertFalse(atGate.isEmpty(), "nobody at the gate before step " + step + ": " + now.buffer().workers());
                String next = atGate.getFirst();
                Model model = Model.of(now.buffer());
                List<String> expectedActions = model.act(next);
                long eventsBefore = now.buffer().events();

                runner.step();
                now = awaitQuiescent(runner, now.gate().stepsTaken() + 1, now.buffer().actions() + 1);

                String when = "after step " + step + " by " + next;
                assertEquals(next, now.gate().lastStepped(), "who took the step, " + when);
                BufferSnapshot buffer = now.buffer();
                assertEquals(model.slots(), buffer.slots(), "slots " + when);
                assertEquals(model.putIndex, buffer.putIndex(), "putIndex " + when);
                assertEquals(model.takeIndex, buffer.takeIndex(), "takeIndex " + when);
                assertEquals(List.copyOf(model.notFull), buffer.notFullWaiters(), "notFull waiters " + when);
                assertEquals(List.copyOf(model.notEmpty), buffer.notEmptyWaiters(), "notEmpty waiters " + when);
                List<String> actions = BufferNarration.actions(now.log().read(eventsBefore,
                        (int) (buffer.events() - eventsBefore))).stream().map(BufferNarration.Action::words).toList();
                assertEquals(expectedActions.size(), actions.size(), "actions " + when + ": " + actions);
                for (int i = 0; i < actions.size(); i++) {
                    assertTrue(actions.get(i).startsWith(expectedActions.get(i)),
                            "action " + i + " " + when + ": expected '" + expectedActions.get(i) + "...', was '"
                                    + actions.get(i) + "'");
                }
                assertEquals(List.of(), buffer.brokenInvariants(), when);
                BufferReplay replay = new BufferReplay(buffer.capacity());
                replay.applyUntil(now.log().readAll(), buffer.events());
                assertEquals(buffer.withoutBlockedTimes(), replay.snapshot(), "the state rebuilt from the log " + when);
                assertEquals(now.gate().waiting(), replay.atGate(), "the gate's queue rebuilt from the log " + when);
                waits += (int) actions.stream().filter(words -> words.contains(" waits on ")).count();
                wakeUps += (int) actions.stream().filter(words -> words.contains(" and woke ")).count();
            }
            assertTrue(waits > 0 && wakeUps > 0,
                    "the steps should include waits and wake-ups, were " + waits + " and " + wakeUps);
        } finally {
            runner.stop();
        }
        BufferResult result = runner.await();
        assertEquals(Outcome.STOPPED, result.outcome());
        assertTrue(result.balanced(), result.toString());
    }

    /**
     * A producer waits at the gate, and on a full buffer, with the item it made, and the snapshot
     * shows it: the step given to a producer puts exactly the item it showed, and the state rebuilt
     * from the log shows the same items in hand. (Without it, a class that stepped P3 first saw "P3
     * put #3" bring an item from nowhere.)
     */
    @ParameterizedTest
    @EnumSource(value = BufferImpl.class, names = {"LOCK", "MONITOR", "SEMAPHORE"})
    void aProducerWaitsWithTheItemItMadeAndItsStepPutsThatItem(BufferImpl impl) throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(10_000);
        runner.startPaused(BufferSettings.of(3, 1, 1, 100).withImpl(impl));
        try {
            BufferRunSnapshot now = awaitQuiescent(runner, 0, 0);
            List<BufferSnapshot.WorkerView> producers = producers(now);
            assertEquals(Set.of(1L, 2L, 3L), Set.copyOf(producers.stream().map(BufferSnapshot.WorkerView::holding)
                    .toList()), "each producer at the gate holds the item it made: " + producers);
            assertEquals(BufferSnapshot.WorkerView.NOTHING, consumer(now).holding(), "a consumer holds nothing");
            assertRebuiltAsLive(now, "at the start");
            EventLog.Batch events = now.log().readAll();
            List<String> parks = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                if (BufferEvent.of(events, i) == BufferEvent.PARK) {
                    parks.add(BufferNarration.words(events, i));
                }
            }
            for (BufferSnapshot.WorkerView producer : producers) {
                assertTrue(parks.contains(producer.name() + " parked at the gate with #" + producer.holding()),
                        "the event log says what " + producer.name() + " parked with: " + parks);
            }
            assertTrue(parks.contains(consumer(now).name() + " parked at the gate"), parks.toString());

            // The producer holding the last item made acts first: it puts the item it showed.
            BufferSnapshot.WorkerView first = producers.stream()
                    .filter(p -> p.holding() == 3).findFirst().orElseThrow();
            runner.step(first.name());
            now = awaitQuiescent(runner, 1, 1);
            assertEquals(List.of(3L), now.buffer().slots(), first.name() + " put the item it held");
            assertRebuiltAsLive(now, "after " + first.name() + "'s put");

            // Another producer finds the one slot full: it waits on notFull with its item, and says so.
            BufferSnapshot.WorkerView second = producers(now).stream()
                    .filter(p -> p.state() == WorkerState.AT_GATE).findFirst().orElseThrow();
            runner.step(second.name());
            now = awaitQuiescent(runner, 2, 2);
            BufferSnapshot.WorkerView blocked = worker(now, second.name());
            assertEquals(WorkerState.WAITING_NOT_FULL, blocked.state());
            assertEquals(second.holding(), blocked.holding(), second.name() + " waits with the item it had at the gate");
            assertRebuiltAsLive(now, "with " + second.name() + " blocked");

            // The consumer's take wakes it, and it puts that item.
            // The woken put goes on in the call it began. The semaphore buffer's waiter marks itself
            // woken only once its thread runs, after the consumer is back at the gate: wait for the put.
            runner.step(consumer(now).name());
            now = awaitQuiescent(runner, 3, 3, settled -> worker(settled, second.name()).state() == WorkerState.AT_GATE);
            assertEquals(List.of(second.holding()), now.buffer().slots(), second.name() + " put the item it waited with");
            assertRebuiltAsLive(now, "after the take and " + second.name() + "'s put");
        } finally {
            runner.stop();
        }
    }

    /**
     * With unlocked-count a paused run stops each worker between its look and its lock, so the race
     * can be built by hand: stepping P1, P2, P1, P2, both look at the empty slot before either puts,
     * and P2's put is the violation. Each stop is at the look's line, live and rebuilt from the log.
     * (Before, a step ran a whole put, look, pause and lock together: stepping never showed the race.)
     */
    @ParameterizedTest
    @EnumSource(value = BufferImpl.class, names = {"LOCK", "MONITOR", "SEMAPHORE"})
    void unlockedCountsRaceIsBuiltByHandWithSteps(BufferImpl impl) throws Exception {
        BufferRunner runner = new BufferRunner();
        runner.setRecording(10_000);
        runner.startPaused(BufferSettings.of(2, 1, 1, 100).withImpl(impl).withBug(Bug.UNLOCKED_COUNT));
        try {
            awaitQuiescent(runner, 0, 0);
            for (String producer : List.of("P1", "P2")) {
                runner.step(producer);
                long steps = producer.equals("P1") ? 1 : 2;
                BufferRunSnapshot now = awaitQuiescent(runner, steps, 0,
                        settled -> worker(settled, producer).where() == Where.LOOKED);
                assertEquals(WorkerState.AT_GATE, worker(now, producer).state(), producer + " stopped after its look");
                assertEquals(0, now.buffer().count(), "nothing put yet");
                assertRebuiltAsLive(now, "with " + producer + " stopped after its look");
                EventLog.Batch events = now.log().readAll();
                assertEquals(producer + " parked at the gate after its look, before the " + impl.lockNoun()
                        + " (a step lets it on)", BufferNarration.words(new BufferNarration.Terms(impl,
                        Bug.UNLOCKED_COUNT, WakePolicy.SIGNAL), events, events.size() - 1));
            }
            runner.step("P1");
            BufferRunSnapshot now = awaitQuiescent(runner, 3, 1);
            assertEquals(1, now.buffer().count(), "P1 put into the slot it saw empty");
            runner.step("P2");
            BufferResult result = runner.await(DEADLINE);
            assertEquals(BufferOutcome.VIOLATED, result.labOutcome(), result.lab().toString());
            assertTrue(result.lab().violation().contains("P2 was about to put"), result.lab().violation());
        } finally {
            if (runner.state() != RunState.IDLE) {
                runner.stop();
            }
        }
    }

    private static List<BufferSnapshot.WorkerView> producers(BufferRunSnapshot now) {
        return now.buffer().workers().stream().filter(w -> w.role() == Worker.Role.PRODUCER).toList();
    }

    private static BufferSnapshot.WorkerView consumer(BufferRunSnapshot now) {
        return now.buffer().workers().stream().filter(w -> w.role() == Worker.Role.CONSUMER).findFirst().orElseThrow();
    }

    private static BufferSnapshot.WorkerView worker(BufferRunSnapshot now, String name) {
        return now.buffer().workers().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    private static void assertRebuiltAsLive(BufferRunSnapshot now, String when) {
        BufferReplay replay = BufferReplay.of(now.settings());
        replay.applyUntil(now.log().readAll(), now.buffer().events());
        assertEquals(now.buffer().workers(), replay.snapshot().workers(), "the workers rebuilt from the log " + when);
    }

    /**
     * The one-producer buffer as a sequential model: what one gated action does, including the
     * waiter it wakes (signal wakes the longest-waiting one), which then completes its own action.
     */
    private static final class Model {
        private final long[] slots;
        private int putIndex;
        private int takeIndex;
        private int count;
        private long produced;
        private final ArrayDeque<String> notFull;
        private final ArrayDeque<String> notEmpty;
        private final List<String> actions = new ArrayList<>();

        private Model(BufferSnapshot buffer) {
            slots = buffer.slots().stream().mapToLong(Long::longValue).toArray();
            putIndex = buffer.putIndex();
            takeIndex = buffer.takeIndex();
            count = buffer.count();
            produced = buffer.produced();
            notFull = new ArrayDeque<>(buffer.notFullWaiters());
            notEmpty = new ArrayDeque<>(buffer.notEmptyWaiters());
        }

        static Model of(BufferSnapshot buffer) {
            return new Model(buffer);
        }

        List<Long> slots() {
            return Arrays.stream(slots).boxed().toList();
        }

        /** What {@code worker}'s gated action does; returns the expected beginnings of the actions' words. */
        List<String> act(String worker) {
            if (worker.startsWith("P")) {
                if (count == slots.length) {
                    actions.add(worker + " found the buffer full and waits on notFull with #" + (produced + 1));
                    notFull.addLast(worker);
                } else {
                    put(worker);
                }
            } else if (count == 0) {
                actions.add(worker + " found the buffer empty and waits on notEmpty");
                notEmpty.addLast(worker);
            } else {
                take(worker);
            }
            return List.copyOf(actions);
        }

        /** The producer puts the next item (the only producer holds produced + 1); a waiting consumer wakes and takes. */
        private void put(String producer) {
            long item = ++produced;
            int slot = putIndex;
            slots[slot] = item;
            putIndex = (putIndex + 1) % slots.length;
            count++;
            String woken = notEmpty.pollFirst();
            actions.add(String.format(Locale.ROOT, "%s put #%d into slot %d, signalled notEmpty%s", producer, item,
                    slot, woken == null ? " (no one was waiting)" : " and woke " + woken));
            if (woken != null) {
                take(woken);
            }
        }

        /** The consumer takes the head item; a waiting producer wakes and puts. */
        private void take(String consumer) {
            int slot = takeIndex;
            long item = slots[slot];
            slots[slot] = 0;
            takeIndex = (takeIndex + 1) % slots.length;
            count--;
            String woken = notFull.pollFirst();
            actions.add(String.format(Locale.ROOT, "%s took #%d from slot %d, signalled notFull%s", consumer, item,
                    slot, woken == null ? " (no one was waiting)" : " and woke " + woken));
            if (woken != null) {
                put(woken);
            }
        }
    }

    private static void awaitConsumed(BufferRunner runner, long items) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (runner.snapshot().consumed() < items) {
            if (System.nanoTime() > deadline) {
                fail("fewer than " + items + " items consumed in " + DEADLINE);
            }
            Thread.sleep(1);
        }
    }

    /**
     * Waits (bounded) until {@code steps} steps have been taken, the stepping worker has entered its
     * put or take ({@code actions} of them, or any number if negative), and every worker is parked:
     * at the gate or in a wait set. A paused run's worker in those states can do nothing until the
     * next step. The action count matters: a worker that has just passed the gate still shows
     * AT_GATE until its put or take begins. In the lock and monitor buffers a worker woken by a
     * signal is marked WAITING_FOR_LOCK in the signaller's critical section, so it is never counted
     * as parked with its action to come; the semaphore buffer's waiter marks itself once its thread
     * runs, so a test that steps it waits for that too (the overload below).
     */
    private static BufferRunSnapshot awaitQuiescent(BufferRunner runner, long steps, long actions)
            throws InterruptedException {
        return awaitQuiescent(runner, steps, actions, settled -> true);
    }

    /** As above, and {@code also} holds: a worker whose wait has ended may not have run yet. */
    private static BufferRunSnapshot awaitQuiescent(BufferRunner runner, long steps, long actions,
            Predicate<BufferRunSnapshot> also) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            BufferRunSnapshot now = runner.snapshot();
            if (now.gate().stepsTaken() == steps && (actions < 0 || now.buffer().actions() == actions)
                    && now.buffer().workers().stream().allMatch(worker -> PARKED.contains(worker.state()))
                    && also.test(now)) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                fail("the run did not settle after step " + steps + ": " + now.gate() + " " + now.buffer().workers());
            }
            Thread.sleep(1);
        }
    }
}
