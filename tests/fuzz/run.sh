#!/usr/bin/env bash
# Build the libFuzzer targets with clang and run each for a while.
# Usage: bash tests/fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET=60] [TARGET...]
# With FUZZ_SEED=N (and FUZZ_RUNS=M), each target runs M inputs from seed N
# instead: the same inputs every time (CI uses this).
#
# The seed corpora in tests/fuzz/corpus/ are read, never written: new inputs
# go to BUILD_DIR/corpus/TARGET, crashes to BUILD_DIR/artifacts/. Exit status 0
# when no target found anything, 1 otherwise (the crashing input is named).
# Every crash found must become a regression case (tests/hostile/ or a seed file).
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: run.sh BUILD_DIR [SECONDS] [TARGET...]}
secs=${2:-60}
shift $(( $# < 2 ? $# : 2 ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_rules fuzz_extract)

command -v clang >/dev/null || { echo "run.sh: clang is needed for libFuzzer" >&2; exit 2; }
CC=clang cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRELX_FUZZ=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}" >/dev/null

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for t in "${targets[@]}"; do
  case $t in
    fuzz_rules)   seeds=rules;   extra=(-max_len=4096 -dict="$src/tests/fuzz/rules.dict") ;;
    fuzz_extract) seeds=extract; extra=(-max_len=8192) ;;
    *) echo "run.sh: unknown target $t" >&2; exit 2 ;;
  esac
  mkdir -p "$build/corpus/$t" "$build/artifacts"
  echo "=== $t: ${secs}s"
  log="$build/$t.log"
  # FUZZ_SEED set (CI): a fixed seed and run count, so that a run is repeatable
  # and a green CI stays green for the same code; otherwise a timed random run.
  if [ -n "${FUZZ_SEED:-}" ]; then
    budget=(-seed="$FUZZ_SEED" -runs="${FUZZ_RUNS:-20000}" -max_total_time=$((secs * 3)))
  else
    budget=(-max_total_time="$secs")
  fi
  if "$build/tests/fuzz/$t" "${budget[@]}" -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" "${extra[@]}" \
       "$build/corpus/$t" "$src/tests/fuzz/corpus/$seeds" > "$log" 2>&1; then
    # the last status line (executions, coverage) and the final stats
    grep -E '^#[0-9]+' "$log" | tail -1
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log"
  else
    status=1
    echo "$t FOUND A PROBLEM (log: $log):"
    grep -E 'ERROR|SUMMARY|invariant|Test unit written|runtime error' "$log" | head -20
  fi
done
exit $status
