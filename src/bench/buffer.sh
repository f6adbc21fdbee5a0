#!/usr/bin/env bash
# Benchmark of the second challenge: each of the lab's buffers (lock, monitor, semaphore), without
# and with recording (--record), against ArrayBlockingQueue, side by side in one session, zero
# delays, M items, each case RUNS rounds (default 3) of one run of each, interleaved; prints the
# median items/s of each and its ratio to abq (and, for the lock, recording/lock: the cost of
# recording).
#   src/bench/buffer.sh                                   # the issue's cases, M = 10,000,000
#   ITEMS=1000000 RUNS=1 src/bench/buffer.sh
#   IMPLS="lock abq" src/bench/buffer.sh                  # a subset (abq is always run: the baseline)
#   CASES="1 1 1024 platform;4 4 1024 platform" src/bench/buffer.sh   # some of the cases
# Implementations: lock (was "interleave", still accepted by --impl), recording (lock --record),
# monitor, semaphore, abq; any but abq with +rec records (monitor+rec is monitor --record).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-3}
items=${ITEMS:-10000000}
read -r -a impls <<<"${IMPLS:-lock recording monitor monitor+rec semaphore semaphore+rec abq}"
[[ " ${impls[*]} " == *" abq "* ]] || impls+=(abq)
IFS=';' read -r -a cases <<<"${CASES:-1 1 1024 platform;4 4 16 platform;4 4 1024 platform;100 100 16 platform;100 100 16 virtual}"
./mvnw -q -B compile
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
header=$(printf '%-22s' "P Q K threads")
for impl in "${impls[@]}"; do header+=$(printf ' %12s' "$impl/s"); done
short() { sed 's/monitor/mon/; s/semaphore/sem/; s/recording/rec/; s/+rec/+r/' <<<"$1"; }
for impl in "${impls[@]}"; do [[ $impl == abq ]] || header+=$(printf ' %9s' "$(short "$impl")/abq"); done
[[ " ${impls[*]} " == *" recording "* && " ${impls[*]} " == *" lock "* ]] && header+=$(printf ' %9s' "rec/lock")
echo "$header"
for case in "${cases[@]}"; do
  read -r p q k threads <<<"$case"
  declare -A rate=() values=()
  # Rounds interleave the implementations (one run of each, then the next round): on a shared,
  # noisy machine a slow minute then costs every implementation a run, not one of them all three.
  for i in $(seq "$runs"); do
    for impl in "${impls[@]}"; do
      case $impl in
        recording) flags="--impl lock --record" ;;
        *+rec) flags="--impl ${impl%+rec} --record" ;;
        *) flags="--impl $impl" ;;
      esac
      json=$(target/interleave buffer --producers $p --consumers $q --capacity $k --items $items --threads $threads $flags --json)
      grep -q '"ok":true' <<<"$json" || { echo "check failed: $json" >&2; exit 1; }
      values[$impl]+="$(sed -E 's/.*"itemsPerSecond":([0-9]+).*/\1/' <<<"$json") "
    done
  done
  for impl in "${impls[@]}"; do
    rate[$impl]=$(tr ' ' '\n' <<<"${values[$impl]}" | grep . | median)
    echo "  $impl P=$p Q=$q K=$k $threads: ${values[$impl]}" >&2
  done
  line=$(printf '%-22s' "$p $q $k $threads")
  for impl in "${impls[@]}"; do line+=$(printf ' %12.0f' "${rate[$impl]}"); done
  for impl in "${impls[@]}"; do [[ $impl == abq ]] || line+=$(printf ' %9s' "$(ratio "${rate[$impl]}" "${rate[abq]}")"); done
  [[ -n "${rate[recording]:-}" && -n "${rate[lock]:-}" ]] && line+=$(printf ' %9s' "$(ratio "${rate[recording]}" "${rate[lock]}")")
  echo "$line"
  unset rate values
done
