#!/usr/bin/env python3
"""Checks the structure of a Chrome Trace Event Format file, as Perfetto's UI and chrome://tracing
rely on it, and prints what it holds.

    src/tools/check-trace.py run.json

Checks: the JSON is an object with "traceEvents" (or an array of events); every event has a known
phase, a pid and a number "ts"; the process and every thread used are named by metadata events;
on each thread, the complete events ("X") have dur >= 0, come in time order and never overlap;
puts and takes are thread instants ("i", "s":"t") with whole-number args item and slot, each item
put once and taken once, never taken before it was put (items cut off by a full log are counted
apart, not failed); every flow start ("s") has one end ("f") with the same id and vice versa, each
lies within a complete event on its thread, each start is at an instant of its thread (a put
or take of the buffer, a put-down of the deadlock lab) and ends on another thread; no instant's number is below 0 (a
placeholder), and a thread with instants has states too;
counter tracks ("C") go forward in time. Exit 0 when all hold, 1 otherwise (each problem printed,
the first 20 of each kind).
"""
import bisect
import json
import sys
from collections import defaultdict

PHASES = set("XBEiIsftCMbenR")


def main(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    events = data["traceEvents"] if isinstance(data, dict) else data
    problems = defaultdict(list)

    def problem(kind, text):
        problems[kind].append(text)

    process_names, thread_names = {}, {}
    slices = defaultdict(list)        # (pid, tid) -> [(ts, end, name, index)]
    instants = defaultdict(list)      # (pid, tid) -> [(ts, name)]
    flow_starts, flow_ends = {}, {}   # id -> (pid, tid, ts)
    counters = defaultdict(list)      # (pid, name) -> [ts]
    put_at, taken_at = {}, {}
    used_threads = set()
    for index, e in enumerate(events):
        ph = e.get("ph")
        if ph not in PHASES:
            problem("phase", f"event {index}: unknown phase {ph!r}")
            continue
        if not isinstance(e.get("pid"), int):
            problem("pid", f"event {index}: no whole-number pid")
            continue
        pid, tid = e["pid"], e.get("tid", 0)
        if ph == "M":
            name = e.get("args", {}).get("name")
            if e.get("name") == "process_name":
                process_names[pid] = name
            elif e.get("name") == "thread_name":
                thread_names[(pid, tid)] = name
            continue
        ts = e.get("ts")
        if not isinstance(ts, (int, float)):
            problem("ts", f"event {index}: no number ts")
            continue
        if ph != "C":
            used_threads.add((pid, tid))
        if ph == "X":
            dur = e.get("dur")
            if not isinstance(dur, (int, float)) or dur < 0:
                problem("dur", f"event {index}: dur {dur!r}")
                continue
            slices[(pid, tid)].append((ts, ts + dur, e.get("name"), index))
        elif ph == "i":
            if e.get("s") != "t":
                problem("instant", f"event {index}: instant not thread-scoped")
            name = e.get("name")
            instants[(pid, tid)].append((ts, name))
            for key, value in e.get("args", {}).items():
                if isinstance(value, (int, float)) and value < 0:
                    # A count or a number (item, slot, fork) below 0 is a placeholder, not a figure.
                    problem("args", f"event {index}: {name} has {key} {value}")
            if name in ("put", "take"):
                args = e.get("args", {})
                item, slot = args.get("item"), args.get("slot")
                if not isinstance(item, int) or not isinstance(slot, int):
                    problem("args", f"event {index}: {name} without whole-number item and slot: {args}")
                    continue
                seen = put_at if name == "put" else taken_at
                if item in seen:
                    problem("once", f"item {item} {name} twice (events {seen[item][1]} and {index})")
                seen[item] = (ts, index)
        elif ph in "sf":
            table = flow_starts if ph == "s" else flow_ends
            fid = e.get("id")
            if fid in table:
                problem("flow", f"event {index}: flow {fid} has two '{ph}' events")
            table[fid] = (pid, tid, ts)
        elif ph == "C":
            counters[(pid, e.get("name"))].append(ts)
            if not all(isinstance(v, (int, float)) for v in e.get("args", {}).values()):
                problem("counter", f"event {index}: counter values not numbers")

    for pid in {p for p, _ in used_threads} | {p for p, _ in counters}:
        if pid not in process_names:
            problem("names", f"process {pid} is not named (process_name)")
    for key in used_threads:
        if key not in thread_names:
            problem("names", f"thread {key} is not named (thread_name)")

    for key, track in slices.items():
        for (ts0, end0, name0, i0), (ts1, end1, name1, i1) in zip(track, track[1:]):
            if ts1 < ts0:
                problem("order", f"thread {thread_names.get(key, key)}: '{name1}' (event {i1}) at {ts1} comes after "
                                 f"'{name0}' at {ts0}")
            elif ts1 < end0 - 1e-6:
                problem("overlap", f"thread {thread_names.get(key, key)}: '{name1}' (event {i1}) at {ts1} starts "
                                   f"before '{name0}' ends at {end0}")

    starts_by_thread = {key: [start for start, _, _, _ in track] for key, track in slices.items()}

    def within_slice(pid, tid, ts):
        track = slices.get((pid, tid), ())
        # the slices of a thread are in time order and do not overlap: the one starting last at or
        # before ts is the only one that can hold it (or one ending exactly at ts, just before it)
        i = bisect.bisect_right(starts_by_thread.get((pid, tid), ()), ts + 1e-6) - 1
        return any(0 <= j < len(track) and track[j][0] - 1e-6 <= ts <= track[j][1] + 1e-6 for j in (i, i - 1))

    actions = {key: {ts for ts, _ in track} for key, track in instants.items()}
    for fid, (pid, tid, ts) in flow_starts.items():
        if fid not in flow_ends:
            problem("flow", f"flow {fid} starts on thread {tid} at {ts} and never ends")
        if not within_slice(pid, tid, ts):
            problem("flow", f"flow {fid} starts on thread {tid} at {ts} outside every slice of that thread")
        if ts not in actions.get((pid, tid), ()):
            problem("flow", f"flow {fid} starts on thread {tid} at {ts}, where that thread made no action (instant)")
        if fid in flow_ends and flow_ends[fid][:2] == (pid, tid):
            problem("flow", f"flow {fid} starts and ends on thread {tid}: no thread wakes itself or hands itself a fork")
    for fid, (pid, tid, ts) in flow_ends.items():
        if fid not in flow_starts:
            problem("flow", f"flow {fid} ends on thread {tid} at {ts} and never starts")
        if not within_slice(pid, tid, ts):
            problem("flow", f"flow {fid} ends on thread {tid} at {ts} outside every slice of that thread")

    for key, track in instants.items():
        # The buffer's resizes are the run's, written on the first track: not that worker's actions;
        # the note of events the log did not keep has a track of its own ("Recording").
        if not slices.get(key) and any(not (name or "").startswith(("resize to", "the oldest "))
                                       for _, name in track):
            # A worker that acted but has no state drawn: its track is only ticks.
            problem("states", f"thread {key[1]} has actions (instants) but no states (complete events)")

    for key, times in counters.items():
        if any(b < a for a, b in zip(times, times[1:])):
            problem("counter", f"counter {key[1]} goes back in time")

    cut_off = 0
    for item, (ts, index) in taken_at.items():
        if item not in put_at:
            cut_off += 1   # its put was before the oldest event the log kept
        elif put_at[item][0] > ts:
            problem("once", f"item {item} taken at {ts} before it was put at {put_at[item][0]}")
    never_taken = sorted(set(put_at) - set(taken_at))

    print(f"{path}: {len(events):,} events")
    other = data.get("otherData", {}) if isinstance(data, dict) else {}
    if "eventsDropped" in other:
        print(f"  the run recorded {other.get('eventsRecorded', 0):,} events and the log kept the newest "
              f"{other.get('eventsKept', 0):,}: the oldest {other['eventsDropped']:,} are not in this trace")
    for pid, name in sorted(process_names.items()):
        print(f"  process {pid}: {name}")
    names = [thread_names.get(k, k) for k in sorted(used_threads)]
    print(f"  thread tracks: {len(names)} ({', '.join(map(str, names[:12]))}{', ...' if len(names) > 12 else ''})")
    print(f"  complete events (states): {sum(map(len, slices.values())):,}, "
          f"in time order and not overlapping on every track: {not problems['order'] and not problems['overlap']}")
    if put_at or taken_at:
        print(f"  puts: {len(put_at):,}, takes: {len(taken_at):,}; items taken whose put the log no longer held: "
              f"{cut_off:,}; items put and not taken (in the buffer at the end): {len(never_taken):,}")
    others = defaultdict(int)
    for track in instants.values():
        for _, name in track:
            if name not in ("put", "take"):
                others[name] += 1
    if others:
        print("  instants: " + ", ".join(f"{name} {count:,}" for name, count in sorted(others.items())))
    print(f"  flows (wake-ups, hand-overs): {len(flow_starts):,} started, {len(flow_ends):,} ended")
    for key, times in sorted(counters.items()):
        print(f"  counter track '{key[1]}': {len(times):,} samples")
    failed = {kind: texts for kind, texts in problems.items() if texts}
    for kind, texts in failed.items():
        print(f"  PROBLEM ({kind}, {len(texts):,}):")
        for text in texts[:20]:
            print(f"    {text}")
    print("OK: the trace's structure holds" if not failed else "FAILED")
    return 0 if not failed else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: check-trace.py TRACE.json", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
