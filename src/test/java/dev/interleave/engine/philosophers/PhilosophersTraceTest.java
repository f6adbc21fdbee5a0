package dev.interleave.engine.philosophers;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.interleave.engine.run.DelayRange;
import dev.interleave.engine.run.EventLog;
import dev.interleave.engine.run.TraceEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deadlock-lab run's Chrome trace, parsed back: one process, a track per philosopher named P1 to
 * PN, each track's states in time order and not overlapping, as many pick-ups and put-downs as the
 * log holds, the deadlock on the track whose wait closed the circle, and every hand-over flow
 * joining a put-down to a pick-up of the same fork by another philosopher.
 */
@Timeout(120)
class PhilosophersTraceTest {

    private static List<TraceEvent> trace(EventLog log, PhilosophersSettings settings) throws Exception {
        return TraceEvent.parse(bytes(log, settings));
    }

    private static byte[] bytes(EventLog log, PhilosophersSettings settings) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PhilosophersTrace.write(log, settings, out);
        return out.toByteArray();
    }

    @Test
    void aDeadlockedRunsTraceHasATrackPerPhilosopherAndTheDeadlockOnTheClosingTrack() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        PhilosophersSettings settings = PhilosophersSettings.of(4, Strategy.NAIVE)
                .withDelays(new DelayRange(0, 1), new DelayRange(0, 1));
        runner.start(settings);
        Deadlock deadlock;
        try {
            deadlock = runner.awaitDeadlock(Await.DEADLINE);
        } finally {
            runner.stop();
        }
        assertNotNull(deadlock);
        EventLog log = runner.snapshot().log();
        List<TraceEvent> events = trace(log, settings);
        checkStructure(events, log, settings.n());
        List<TraceEvent> deadlocks = events.stream().filter(e -> "deadlock".equals(e.name())).toList();
        assertEquals(1, deadlocks.size());
        assertEquals(deadlock.philosophers().getFirst() + 1, deadlocks.getFirst().tid(), "on the closing track");
    }

    @Test
    void aFreeRunsTraceHasEveryForkActionAndFlowsJoiningHandOvers() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        PhilosophersSettings settings = PhilosophersSettings.of(5, Strategy.ORDERED)
                .withDelays(new DelayRange(0, 1), new DelayRange(0, 1)).withEnd(400, false);
        runner.start(settings);
        runner.await();
        EventLog log = runner.snapshot().log();
        List<TraceEvent> events = trace(log, settings);
        long flows = checkStructure(events, log, settings.n());
        assertTrue(flows > 0, "forks were handed over in 400 ms of an ordered table");
    }

    /**
     * A run longer than its log (the window keeps 1,000,000 events; a livelock fills that in seconds):
     * its trace still draws each philosopher's states from its first kept event that tells one, and
     * leaves out what needs the whole run rather than writing a placeholder (every state was gone
     * and each pick-up said "forks in hand": -1, a tryout).
     */
    @Test
    void aRunThatOutranItsLogStillHasEachPhilosophersStates() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        // A small log and a second's run: 4,096 events and 400 ms were outrun on a quiet machine, but not
        // with two builds beside it (330 events written).
        runner.setRecording(1_024);
        PhilosophersSettings settings = PhilosophersSettings.of(5, Strategy.ORDERED)
                .withDelays(new DelayRange(0, 1), new DelayRange(0, 1)).withEnd(1_000, false);
        runner.start(settings);
        runner.await();
        EventLog log = runner.snapshot().log();
        assertTrue(log.dropped() > 0, "the log dropped its oldest events: " + log.written() + " written");
        List<TraceEvent> events = trace(log, settings);
        checkStructure(events, log, settings.n());
        List<String> stateWords = new ArrayList<>(Arrays.stream(PhilosopherState.values()).map(PhilosophersTrace::words)
                .toList());
        stateWords.add(PhilosophersTrace.CUT_SHORT);
        for (int p = 0; p < settings.n(); p++) {
            int tid = p + 1;
            List<TraceEvent> states = events.stream().filter(e -> e.ph().equals("X") && e.tid() == tid).toList();
            assertTrue(states.size() > 10, "P" + tid + " has " + states.size() + " states");
            assertTrue(states.stream().allMatch(e -> stateWords.contains(e.name())), states.getFirst().toString());
        }
        // Said in the file: for a script in otherData, for someone in Perfetto on a track of its own.
        byte[] json = bytes(log, settings);
        assertEquals(Map.of("eventsRecorded", log.written(), "eventsKept", log.written() - log.dropped(),
                "eventsDropped", log.dropped()), TraceEvent.otherData(json));
        int recording = settings.n() + 2; // after the philosophers' tracks and the pauses'
        assertEquals(List.of(String.format(Locale.ROOT, "the oldest %,d events not kept", log.dropped())),
                events.stream().filter(e -> e.ph().equals("i") && e.tid() == recording).map(TraceEvent::name).toList());
        assertTrue(events.stream().anyMatch(e -> e.ph().equals("M") && e.tid() == recording
                && "Recording".equals(e.args().get("name"))), "the note's track is named");
        for (TraceEvent e : events) {
            if (e.ph().equals("i")) {
                assertTrue(e.args().values().stream().allMatch(v -> ((Number) v).longValue() >= 0), e.toString());
                assertFalse(e.args().containsKey("forks in hand"), "not known without the whole run: " + e);
            }
        }
    }

    /**
     * A meal counts once eaten: an eating slice the run's end cut short is named so, and the eating
     * slices are as many as the run's meals (a stopped run's trace had 374 for its 373 meals: a
     * teaching assistant's check). Nothing is said of dropped events where none were.
     */
    @Test
    void aMealTheEndCutShortIsNamedSo() throws Exception {
        PhilosophersRunner runner = new PhilosophersRunner();
        runner.setRecording(EventLog.DEFAULT_CAPACITY);
        // Meals of 150 ms and a run of 1 s: two of five eat at any moment, so the end cuts meals short.
        PhilosophersSettings settings = PhilosophersSettings.of(5, Strategy.ORDERED)
                .withDelays(new DelayRange(0, 0), new DelayRange(150, 150)).withEnd(1_000, false);
        runner.start(settings);
        PhilosophersResult result = runner.await();
        EventLog log = runner.snapshot().log();
        List<TraceEvent> events = trace(log, settings);
        long meals = result.meals().stream().mapToLong(Long::longValue).sum();
        assertTrue(meals > 0, "meals eaten");
        assertEquals(meals, events.stream().filter(e -> e.ph().equals("X") && e.name().equals("eating")).count(),
                "an eating slice a meal");
        assertTrue(events.stream().anyMatch(e -> e.ph().equals("X") && e.name().equals(PhilosophersTrace.CUT_SHORT)),
                "a meal the end cut short");
        assertEquals(Map.of(), TraceEvent.otherData(bytes(log, settings)), "nothing dropped, nothing said");
    }

    /** Checks the trace against the log; returns how many flows it has. */
    private static long checkStructure(List<TraceEvent> events, EventLog log, int n) {
        Map<Integer, String> names = new HashMap<>();
        Map<Integer, List<TraceEvent>> slices = new HashMap<>();
        Map<Long, TraceEvent> starts = new HashMap<>();
        Map<Long, TraceEvent> ends = new HashMap<>();
        Map<String, Integer> instants = new HashMap<>();
        List<TraceEvent> forkActions = new ArrayList<>();
        for (TraceEvent e : events) {
            assertEquals(PhilosophersTrace.PID, e.pid());
            switch (e.ph()) {
                case "M" -> {
                    if (e.name().equals("thread_name")) {
                        names.put(e.tid(), (String) e.args().get("name"));
                    }
                }
                case "X" -> slices.computeIfAbsent(e.tid(), t -> new ArrayList<>()).add(e);
                case "i" -> {
                    instants.merge(e.name(), 1, Integer::sum);
                    if (e.name().equals("pick up") || e.name().equals("put down")) {
                        forkActions.add(e);
                    }
                }
                case "s" -> starts.put(e.id(), e);
                case "f" -> ends.put(e.id(), e);
                default -> throw new AssertionError("unexpected phase " + e);
            }
        }
        for (int p = 0; p < n; p++) {
            assertEquals(Names.philosopher(p), names.get(p + 1), "track " + (p + 1));
        }
        for (List<TraceEvent> track : slices.values()) {
            for (int k = 1; k < track.size(); k++) {
                TraceEvent before = track.get(k - 1);
                TraceEvent now = track.get(k);
                assertTrue(now.ts() >= before.ts() + before.dur() - 1e-6, "overlap or disorder: " + before + " " + now);
            }
        }
        EventLog.Batch all = log.readAll();
        long takes = 0;
        long putDowns = 0;
        for (int i = 0; i < all.size(); i++) {
            takes += TableEvent.of(all, i) == TableEvent.TAKE ? 1 : 0;
            putDowns += TableEvent.of(all, i) == TableEvent.PUT_DOWN ? 1 : 0;
        }
        assertEquals(takes, (long) instants.getOrDefault("pick up", 0), "a pick-up per TAKE");
        assertEquals(putDowns, (long) instants.getOrDefault("put down", 0), "a put-down per PUT_DOWN");
        assertEquals(starts.keySet(), ends.keySet(), "every flow starts and ends");
        for (Map.Entry<Long, TraceEvent> flow : starts.entrySet()) {
            TraceEvent start = flow.getValue();
            TraceEvent end = ends.get(flow.getKey());
            // Events may share a time (the log stamps fast events in strides): some put-down at the
            // flow's start and some pick-up at its end must be of the same fork.
            List<Object> putDown = forkActions.stream().filter(x -> x.name().equals("put down")
                    && x.tid() == start.tid() && x.ts() == start.ts()).map(x -> x.args().get("fork")).toList();
            List<Object> pickUp = forkActions.stream().filter(x -> x.name().equals("pick up")
                    && x.tid() == end.tid() && x.ts() == end.ts()).map(x -> x.args().get("fork")).toList();
            assertTrue(putDown.stream().anyMatch(pickUp::contains), "the same fork handed over: put down "
                    + putDown + ", picked up " + pickUp);
            assertTrue(start.tid() != end.tid(), "to another philosopher");
            assertTrue(end.ts() >= start.ts(), "a flow ends after it starts");
        }
        return starts.size();
    }
}
