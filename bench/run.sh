#!/usr/bin/env bash
# bench/run.sh: relx throughput and peak RSS against its peers, in one run, on one file.
#
#   bash bench/run.sh            # 200 MB corpus, 3 repetitions (about 10-15 minutes)
#   bash bench/run.sh --quick    # 20 MB corpus, 1 repetition, smaller prefixes
#   bash bench/run.sh --big      # also a corpus 10x the size (2 GB) for the RSS check
#
# Options: --mb N (corpus size, default 200), --reps N (default 3), --seed N,
# --re-mb N (prefix for the Python re peer, default 20), --jieba-mb N (prefix for
# jieba with its HMM, default 0.5), --nohmm-mb N (prefix for jieba without HMM,
# default 2), --relx PATH (use this binary, build nothing), --no-build (use
# build/relx of the project as it is), --big.
#
# Everything generated goes to bench/data/ (git-ignored): the corpus, prefixes,
# triggers.txt, a Release build of relx, measurements.tsv. The printed report is
# also saved in bench/results/.
#
# Each command reads the same file; wall time is taken around the command
# (date +%s%N), peak RSS with /usr/bin/time -f '%e %M'. Repetitions go round
# robin (every tool once, then again), so a noisy neighbour hits all tools alike;
# the report gives medians and, above all, ratios between tools of the same run.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
DATA=$HERE/data
PY=/usr/bin/python3   # Debian's python3-jieba lives here; the python3 on PATH may differ

MB=200 REPS=3 SEED=20240515 RE_MB=20 JIEBA_MB=0.5 NOHMM_MB=2 BIG=0 BUILD=1 RELX=""
while [ $# -gt 0 ]; do
    case $1 in
    --mb) MB=$2; shift ;;
    --reps) REPS=$2; shift ;;
    --seed) SEED=$2; shift ;;
    --re-mb) RE_MB=$2; shift ;;
    --jieba-mb) JIEBA_MB=$2; shift ;;
    --nohmm-mb) NOHMM_MB=$2; shift ;;
    --relx) RELX=$2; BUILD=0; shift ;;
    --no-build) BUILD=0 ;;
    --big) BIG=1 ;;
    --quick) MB=20 REPS=1 RE_MB=5 JIEBA_MB=0.2 NOHMM_MB=1 ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

need() { command -v "$1" >/dev/null 2>&1 || { echo "run.sh: $1 not found ($2)" >&2; exit 2; }; }
need rg "apt-get install ripgrep"
need cmake "apt-get install cmake"
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time not found (apt-get install time)" >&2; exit 2; }
[ -x "$PY" ] || { echo "run.sh: $PY not found" >&2; exit 2; }

mkdir -p "$DATA" "$HERE/results"
LOG=$DATA/run.log
TSV=$DATA/measurements.tsv
: > "$LOG"
: > "$TSV"
bytes_of() { awk -v m="$1" 'BEGIN { printf "%d", m * 1000000 }'; }

# ---------------------------------------------------------------- relx
if [ "$BUILD" = 1 ]; then
    echo "== building relx (Release) in bench/data/build"
    if cmake -S "$ROOT" -B "$DATA/build" -DCMAKE_BUILD_TYPE=Release >>"$LOG" 2>&1 &&
        cmake --build "$DATA/build" -j2 --target relx >>"$LOG" 2>&1; then
        RELX=$DATA/build/relx
    else
        echo "   build failed (see bench/data/run.log); trying build/relx"
        RELX=$ROOT/build/relx
    fi
elif [ -z "$RELX" ]; then
    RELX=$ROOT/build/relx
fi
if [ -x "$RELX" ] && "$RELX" rules >/dev/null 2>>"$LOG"; then
    HAVE_RELX=1
else
    HAVE_RELX=0
    echo "   relx is not runnable ($RELX): its rows will read 'pending'"
fi

# ---------------------------------------------------------------- inputs
CORPUS=$DATA/corpus-${MB}mb-seed${SEED}.jsonl
if [ ! -s "$CORPUS" ]; then
    echo "== generating $MB MB corpus (seed $SEED)"
    "$PY" "$HERE/gen_corpus.py" --mb "$MB" --seed "$SEED" --out "$CORPUS.tmp"
    mv "$CORPUS.tmp" "$CORPUS"
fi
CORPUS_BYTES=$(stat -c %s "$CORPUS")

TRIGGERS=$DATA/triggers.txt
if [ "$HAVE_RELX" = 1 ]; then
    "$PY" "$HERE/extract_triggers.py" --rules "$ROOT/rules" --relx "$RELX" > "$TRIGGERS"
else
    "$PY" "$HERE/extract_triggers.py" --rules "$ROOT/rules" > "$TRIGGERS"
fi

# a prefix of whole lines of about N MB
prefix() {
    local out=$DATA/prefix-$1mb-of-${MB}mb-seed${SEED}.jsonl
    if [ ! -s "$out" ]; then
        head -c "$(bytes_of "$1")" "$CORPUS" | head -n -1 > "$out"
    fi
    echo "$out"
}
RE_IN=$(prefix "$RE_MB")
NOHMM_IN=$(prefix "$NOHMM_MB")
JIEBA_IN=$(prefix "$JIEBA_MB")

if [ "$BIG" = 1 ]; then
    BIG_MB=$((MB * 10))
    BIG_CORPUS=$DATA/corpus-${BIG_MB}mb-seed${SEED}.jsonl
    if [ ! -s "$BIG_CORPUS" ]; then
        echo "== writing the $BIG_MB MB corpus: the $MB MB one 10 times, ids prefixed r0- .. r9-"
        for i in 0 1 2 3 4 5 6 7 8 9; do
            sed "s/^{\"id\": \"/{\"id\": \"r$i-/" "$CORPUS"
        done > "$BIG_CORPUS.tmp"
        mv "$BIG_CORPUS.tmp" "$BIG_CORPUS"
    fi
fi

# ---------------------------------------------------------------- measuring
# measure TOOL REP INPUT BYTES CMD...: CMD < INPUT > /dev/null, one line into $TSV
measure() {
    local tool=$1 rep=$2 input=$3 bytes=$4 tf=$DATA/.time st t0 t1 e m secs
    shift 4
    t0=$(date +%s%N)
    set +e
    /usr/bin/time -f '%e %M' -o "$tf" "$@" < "$input" > /dev/null 2>>"$LOG"
    st=$?
    set -e
    t1=$(date +%s%N)
    read -r e m < <(tail -n 1 "$tf")
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$rep" "$bytes" "$secs" "$m" "$st" >> "$TSV"
    awk -v t="$tool" -v r="$rep" -v n="$bytes" -v s="$secs" -v k="$m" -v st="$st" 'BEGIN {
        printf "   %-12s rep %d  %8.1f MB %9.3f s %9.2f MB/s %8.1f MiB%s\n", t, r, n / 1e6, s,
               n / 1e6 / s, k / 1024, (st == 0 ? "" : "  exit " st) }'
}

echo "== machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   $(rg --version | head -n 1), $("$PY" --version 2>&1)"
[ "$HAVE_RELX" = 1 ] && echo "   relx: $RELX"
echo "== corpus: $CORPUS ($CORPUS_BYTES bytes, $(wc -l < "$CORPUS") documents)"
echo "   triggers: $(wc -l < "$TRIGGERS") forms; rg -P rules: bench/rg_p_rules.txt (5 regexes, one rg run)"
echo "   prefixes: python re $RE_MB MB, jieba $JIEBA_MB MB (HMM on, 1 run), jieba --no-hmm $NOHMM_MB MB"
cat "$CORPUS" > /dev/null   # page cache: every tool reads from memory

for rep in $(seq 1 "$REPS"); do
    echo "== round $rep of $REPS"
    measure rg-F "$rep" /dev/null "$CORPUS_BYTES" rg -c -F -f "$TRIGGERS" "$CORPUS"
    measure rg-F-all "$rep" /dev/null "$CORPUS_BYTES" rg -c -F --count-matches -f "$TRIGGERS" "$CORPUS"
    measure rg-P "$rep" /dev/null "$CORPUS_BYTES" rg -P -c -f "$HERE/rg_p_rules.txt" "$CORPUS"
    if [ "$HAVE_RELX" = 1 ]; then
        measure relx-j1 "$rep" "$CORPUS" "$CORPUS_BYTES" "$RELX" extract --input-format jsonl -j 1 -
        measure relx-j2 "$rep" "$CORPUS" "$CORPUS_BYTES" "$RELX" extract --input-format jsonl -j 2 -
    fi
    measure python-re "$rep" "$RE_IN" "$(stat -c %s "$RE_IN")" "$PY" "$HERE/peer_re.py"
    measure jieba-nohmm "$rep" "$NOHMM_IN" "$(stat -c %s "$NOHMM_IN")" "$PY" "$HERE/peer_jieba.py" --no-hmm
    if [ "$rep" = 1 ]; then
        measure jieba "$rep" "$JIEBA_IN" "$(stat -c %s "$JIEBA_IN")" "$PY" "$HERE/peer_jieba.py"
    fi
done

if [ "$BIG" = 1 ] && [ "$HAVE_RELX" = 1 ]; then
    echo "== big corpus: $BIG_CORPUS"
    cat "$BIG_CORPUS" > /dev/null
    BIG_BYTES=$(stat -c %s "$BIG_CORPUS")
    # -j 2 only: it holds the most in flight (two workers, the reorder buffer), so
    # its peak RSS bounds -j 1's; one run, it is long
    measure relx-j2-big 1 "$BIG_CORPUS" "$BIG_BYTES" "$RELX" extract --input-format jsonl -j 2 -
fi

echo
OUT=$HERE/results/$(date +%Y%m%d-%H%M%S)-${MB}mb.txt
{
    echo "relx benchmark, $(date -u +%Y-%m-%dT%H:%MZ), corpus $MB MB seed $SEED, $REPS repetition(s), $(nproc) cores"
    "$PY" "$HERE/report.py" "$TSV"
} | tee "$OUT"
echo
echo "(report saved in ${OUT#$ROOT/}; raw runs in ${TSV#$ROOT/}; stderr of the tools in ${LOG#$ROOT/})"
