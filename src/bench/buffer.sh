#!/usr/bin/env bash
# Benchmark of the second challenge: Interleave's instrumented buffer, without and with recording
# (--record), against ArrayBlockingQueue, side by side in one session, zero delays, M items, each
# case RUNS times (default 3); prints the median items/s of each and the ratios: interleave/abq,
# recording/abq and recording/interleave (the cost of recording).
#   src/bench/buffer.sh            # the issue's cases, M = 10,000,000
#   ITEMS=1000000 RUNS=1 src/bench/buffer.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-3}
items=${ITEMS:-10000000}
cases=("1 1 1024 platform" "4 4 16 platform" "4 4 1024 platform" "100 100 16 platform" "100 100 16 virtual")
./mvnw -q -B compile
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
printf '%-22s %13s %13s %13s %9s %9s %9s\n' "P Q K threads" "interleave/s" "recording/s" "abq/s" \
  "int/abq" "rec/abq" "rec/int"
for case in "${cases[@]}"; do
  read -r p q k threads <<<"$case"
  declare -A rate=()
  for impl in interleave recording abq; do
    values=()
    for i in $(seq "$runs"); do
      case $impl in
        recording) flags="--impl interleave --record" ;;
        *) flags="--impl $impl" ;;
      esac
      json=$(./mvnw -q -B compile exec:exec -Dargs="buffer --producers $p --consumers $q --capacity $k --items $items --threads $threads $flags --json")
      grep -q '"ok":true' <<<"$json" || { echo "check failed: $json" >&2; exit 1; }
      values+=("$(sed -E 's/.*"itemsPerSecond":([0-9]+).*/\1/' <<<"$json")")
    done
    rate[$impl]=$(printf '%s\n' "${values[@]}" | median)
    echo "  $impl P=$p Q=$q K=$k $threads: ${values[*]}" >&2
  done
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN {print a / b}'; }
  printf '%-22s %13.0f %13.0f %13.0f %9.2f %9.2f %9.2f\n' "$p $q $k $threads" "${rate[interleave]}" \
    "${rate[recording]}" "${rate[abq]}" "$(ratio "${rate[interleave]}" "${rate[abq]}")" \
    "$(ratio "${rate[recording]}" "${rate[abq]}")" "$(ratio "${rate[recording]}" "${rate[interleave]}")"
done
