# test_parallel.sh: relx as a line filter under GNU parallel --pipe, the way
# Hadoop streaming or Spark's rdd.pipe use it: every input line must come out as
# exactly one output line, nothing lost, nothing duplicated, order kept with -k.
# Run as: bash test_parallel.sh RELX SRCDIR. Skips (exit 0) if parallel is missing.
set -u
RELX=${1:?usage: test_parallel.sh PATH_TO_RELX SOURCE_DIR}
case $RELX in /*) ;; *) RELX=$PWD/$RELX ;; esac
if ! command -v parallel > /dev/null 2>&1; then
    echo "skipped: GNU parallel is not installed"
    echo "0 passed, 0 failed"
    exit 0
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/relx-par.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
PASS=0 FAIL=0
ok() { PASS=$((PASS + 1)); }
bad() { FAIL=$((FAIL + 1)); echo "FAIL: $*"; }
check() { local name=$1; shift; if "$@"; then ok; else bad "$name"; fi; }
docs() { python3 -c 'import sys,json
for l in open(sys.argv[1]): print(json.loads(l)["doc"])' "$1"; }
lines() { wc -l < "$1" | tr -d ' '; }

python3 - <<'EOF'
import random
random.seed(11)
words = "Alice Bob appointed resigned chairman director of Acme the was as and 董事長 辭職 接任".split()
with open("in.jsonl", "w") as f:
    for i in range(6000):
        n = random.choice([2, 8, 40, 300])
        text = " ".join(random.choice(words) for _ in range(n))
        if i % 500 == 7:
            f.write('{"id":"bad%05d", "text": \n' % i)   # malformed: still one line out
        else:
            f.write('{"id":"p%05d","text":"%s","i":%d}\n' % (i, text, i))
EOF
python3 -c 'import re,sys
for l in open("in.jsonl"): print(re.match(r"\{\"id\":\"(\w+)\"", l).group(1))' > want.ids
# A malformed line has no readable id: its error line is "line:N" within its block.
want_n=$(lines in.jsonl)

for j in 1 2; do
    parallel --pipe -k --block 20k -j 4 "$RELX" extract -j $j --input-format jsonl - \
        < in.jsonl > out 2> err
    check "-k -j $j: one line out per line in" test "$(lines out)" = "$want_n"
    docs out > got.ids
    python3 - want.ids got.ids <<'EOF'
import sys
want = open(sys.argv[1]).read().split(); got = open(sys.argv[2]).read().split()
ok = len(want) == len(got) and all(
    w == g or (w.startswith("bad") and g.startswith("line:")) for w, g in zip(want, got))
sys.exit(0 if ok else 1)
EOF
    check "-k -j $j: ids in input order" test $? -eq 0
    check "-k -j $j: no stderr" test ! -s err
done

# Without -k the blocks may come back in any order, but nothing is lost or doubled.
parallel --pipe --block 8k -j 6 "$RELX" extract -j 2 --input-format jsonl - < in.jsonl > out 2> err
check "unordered: one line out per line in" test "$(lines out)" = "$want_n"
docs out | grep -v '^line:' | sort > got.ids
grep -v '^bad' want.ids | sort > want.sorted
check "unordered: every id exactly once" cmp -s got.ids want.sorted

# Line-filter latency: with input still open, each line's answer must come out
# before the next line is sent (the writer flushes per line on a pipe).
python3 - "$RELX" <<'EOF'
import subprocess, sys, json
p = subprocess.Popen([sys.argv[1], "extract", "-j", "2", "--input-format", "jsonl", "-"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
for i in range(20):
    p.stdin.write(b'{"id":"q%d","text":"Alice was appointed."}\n' % i); p.stdin.flush()
    out = json.loads(p.stdout.readline())
    if out["doc"] != "q%d" % i: sys.exit(1)
p.stdin.close(); rest = p.stdout.read(); sys.exit(1 if rest or p.wait() != 0 else 0)
EOF
check "one line in, one line out, without waiting for EOF" test $? -eq 0

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
