#!/usr/bin/env bash
# Benchmark of the first challenge, as the issue asks: each case 3 times through the command line
# (target/interleave, which the compile writes: the command line's JVM options), under
# /usr/bin/time -v; prints each run and the medians.
#   src/bench/calls.sh                 # both challenge cases
#   src/bench/calls.sh "--calls 1000 --concurrency 100"   # one case
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
runs=${RUNS:-3}
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=("--calls 1000 --concurrency 100" "--calls 1000000 --concurrency 100000")
./mvnw -q -B compile
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
for case in "${cases[@]}"; do
  echo "== interleave calls $case --json   ($runs runs)"
  effs=(); rss=(); els=()
  for i in $(seq "$runs"); do
    log=$(mktemp)
    json=$(/usr/bin/time -v -o "$log" target/interleave calls $case --json)
    peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log"); rm -f "$log"
    eff=$(sed -E 's/.*"efficiency":([0-9.]+|null).*/\1/' <<<"$json")
    el=$(sed -E 's/.*"elapsedMillis":([0-9]+).*/\1/' <<<"$json")
    ideal=$(sed -E 's/.*"idealMillis":([0-9]+).*/\1/' <<<"$json")
    ok=$(sed -E 's/.*"ok":(true|false).*/\1/' <<<"$json")
    printf '  run %d: ok=%s elapsed=%s ms ideal=%s ms efficiency=%s peakRSS=%d MB\n' "$i" "$ok" "$el" "$ideal" "$eff" $((peak / 1024))
    effs+=("$eff"); rss+=($((peak / 1024))); els+=("$el")
  done
  printf '  median: elapsed=%s ms efficiency=%s peakRSS=%s MB\n' \
    "$(printf '%s\n' "${els[@]}" | median)" "$(printf '%s\n' "${effs[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)"
done
