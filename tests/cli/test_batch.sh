# test_batch.sh: batch input and the worker pool -- JSONL mode, output identical
# for every -j, folder walking (-r, --glob, hidden, binary, link loops),
# --files-from and --max-doc-bytes. Run as: bash test_batch.sh RELX SRCDIR
# Asserts on structure (doc ids, line counts, error codes, exit status) only.
set -u
RELX=${1:?usage: test_batch.sh PATH_TO_RELX SOURCE_DIR}
case $RELX in /*) ;; *) RELX=$PWD/$RELX ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/relx-batch.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
PASS=0 FAIL=0
ok() { PASS=$((PASS + 1)); }
bad() { FAIL=$((FAIL + 1)); echo "FAIL: $*"; }
check() { local name=$1; shift; if "$@"; then ok; else bad "$name"; fi; }
docs() { python3 -c 'import sys,json
for l in open(sys.argv[1]): print(json.loads(l)["doc"])' "$1"; }
codes() { python3 -c 'import sys,json
for l in open(sys.argv[1]):
    o=json.loads(l); print(o["error"]["code"] if "error" in o else "-")' "$1"; }
lines() { wc -l < "$1" | tr -d ' '; }
flat() { tr '\n' ' '; }

# --- JSONL: one line out per non-blank line in, order kept, errors in place
cat > in.jsonl <<'EOF'
{"id":"a","text":"Alice Smith was appointed chief executive of Acme Corp."}
{"id":"b","text":"Bob Jones resigned.", "source":"wire", "tags":["x",1]}
{"id":"c","text":
{"id":"d"}
{"text":"no id here"}

{"id":42,"text":"A numeric id."}
   
["not","an","object"]
{"id":"e","text":17}
{"id":true,"text":"bool id"}
{"id":"f","text":"Last line without a newline."}
EOF
printf '%s' "$(cat in.jsonl)" > in2.jsonl   # drop the final newline
for j in 1 3; do
    "$RELX" extract -j $j --input-format jsonl in2.jsonl > out 2> err; rc=$?
    check "jsonl -j $j exits 1 (bad lines)" test $rc -eq 1
    check "jsonl -j $j: 10 lines out for 10 non-blank lines" test "$(lines out)" = 10
    check "jsonl -j $j: ids" test "$(docs out | flat)" = \
        "a b in2.jsonl:line:3 d in2.jsonl:line:5 42 in2.jsonl:line:9 e in2.jsonl:line:11 f "
    check "jsonl -j $j: error codes" test "$(codes out | flat)" = \
        "- - bad_json missing_text missing_id - bad_json missing_text bad_id - "
done
"$RELX" extract --input-format jsonl < in.jsonl > out; rc=$?
check "jsonl on stdin: ids name the line" test "$(docs out | sed -n 3p)" = "line:3"
python3 - out <<'EOF'
import json, sys
o = [json.loads(l) for l in open(sys.argv[1])]
sys.exit(0 if o[1].get("meta") == {"source": "wire", "tags": ["x", 1]} and "meta" not in o[0] else 1)
EOF
check "jsonl: other fields become meta" test $? -eq 0
printf '{"id":"x","text":"ok"}\r\n{"id":"y","text":"ok"}\r\n' | "$RELX" extract --input-format jsonl - > out
check "jsonl: CRLF lines" test "$(docs out | flat)" = "x y "

# --- output identical for every -j (text files and JSONL)
mkdir corpus
python3 - <<'EOF'
import random
random.seed(7)
words = "Alice Bob Carol appointed resigned chairman director of Acme Widget Ltd the was as and".split()
with open("corpus.jsonl", "w") as j:
    for i in range(2000):
        n = random.choice([3, 10, 30, 100, 300])
        text = " ".join(random.choice(words) for _ in range(n)) + "."
        if i % 97 == 0:
            j.write('{"id": "broken %d", \n' % i)
        else:
            j.write('{"id": "doc%05d", "text": "%s", "n": %d}\n' % (i, text, i))
        open("corpus/d%05d.txt" % i, "w").write(text)
EOF
"$RELX" extract -j 1 corpus/*.txt > ref.txt 2>/dev/null
"$RELX" extract -j 1 --input-format jsonl corpus.jsonl > ref.jsonl 2>/dev/null
"$RELX" extract -j 1 --input-format jsonl < corpus.jsonl > ref.stdin 2>/dev/null
check "corpus: 2000 lines" test "$(lines ref.txt)" = 2000
check "corpus jsonl: 2000 lines" test "$(lines ref.jsonl)" = 2000
for j in 2 4 8; do
    "$RELX" extract -j $j corpus/*.txt > out 2>/dev/null
    check "text -j $j identical to -j 1" cmp -s out ref.txt
    "$RELX" extract -j $j --input-format jsonl corpus.jsonl > out 2>/dev/null
    check "jsonl -j $j identical to -j 1" cmp -s out ref.jsonl
    "$RELX" extract -j $j --input-format jsonl < corpus.jsonl 2>/dev/null | cat > out
    check "jsonl stdin->pipe -j $j identical" cmp -s out ref.stdin
done
"$RELX" extract -j 4 --pretty corpus/d0000[0-5].txt > p4 2>/dev/null
"$RELX" extract -j 1 --pretty corpus/d0000[0-5].txt > p1 2>/dev/null
check "--pretty identical for -j 1 and -j 4" cmp -s p1 p4

# --- -r: sorted walk, --glob, hidden names, binary files, link loops
mkdir -p tree/b tree/a/deep tree/.git tree/c
printf 'one' > tree/b/z.txt
printf 'two' > tree/a/deep/y.txt
printf 'three' > tree/a/x.txt
printf 'four' > tree/a/x.md
printf 'hidden' > tree/.hidden.txt
printf 'in git' > tree/.git/config.txt
printf 'top' > tree/B.txt
printf 'bin\0ary' > tree/c/blob.txt
ln -s .. tree/c/loop          # a link back up: must not loop
ln -s ../b tree/c/tob         # a link to a sibling: walked again under its own name
"$RELX" extract -r --glob '*.txt' tree > out 2> err; rc=$?
check "-r: exit 1 (binary file)" test $rc -eq 1
check "-r --glob: sorted, hidden skipped, links followed once" test "$(docs out | flat)" = \
    "tree/B.txt tree/a/deep/y.txt tree/a/x.txt tree/b/z.txt tree/c/blob.txt tree/c/tob/z.txt "
check "-r: binary file is an error line" test "$(codes out | sed -n 5p)" = binary
"$RELX" extract -r --glob '*.md' --glob 'y.*' tree/ > out 2> err; rc=$?
check "-r two globs" test "$(docs out | flat)" = "tree/a/deep/y.txt tree/a/x.md "
check "-r two globs: exit 0" test $rc -eq 0
"$RELX" extract -r tree/a tree/b/z.txt > out; rc=$?
check "-r without --glob takes every file; files too" test "$(docs out | flat)" = \
    "tree/a/deep/y.txt tree/a/x.md tree/a/x.txt tree/b/z.txt "
"$RELX" extract tree/c/blob.txt > out 2>/dev/null
check "a binary file named directly goes to the library" test "$(lines out)" = 1
for j in 1 2 4; do
    "$RELX" extract -j $j -r tree > out.$j 2>/dev/null
done
check "-r output identical for -j 1, 2, 4" sh -c 'cmp -s out.1 out.2 && cmp -s out.1 out.4'

# --- --files-from
printf 'corpus/d00001.txt\n\ncorpus/d00002.txt\r\nnot/there.txt\ncorpus/d00003.txt\n' > list
"$RELX" extract --files-from list > out; rc=$?
check "--files-from: exit 1 (missing file)" test $rc -eq 1
check "--files-from: order, blank lines and CR ignored" test "$(docs out | flat)" = \
    "corpus/d00001.txt corpus/d00002.txt not/there.txt corpus/d00003.txt "
"$RELX" extract -j 3 --files-from - < list > out2
check "--files-from -" cmp -s out out2
"$RELX" extract corpus/d00000.txt --files-from list > out
docs out > ids
check "--files-from after operands" test "$(head -2 ids | flat)" = "corpus/d00000.txt corpus/d00001.txt "
"$RELX" extract --files-from nolist > out; rc=$?
check "--files-from missing list: error line, exit 1" test $rc -eq 1 -a "$(codes out)" = not_found

# --- --max-doc-bytes
head -c 5000 /dev/zero | tr '\0' 'a' > big.txt
printf 'small' > small.txt
"$RELX" extract --max-doc-bytes 1000 small.txt big.txt small.txt > out; rc=$?
check "--max-doc-bytes: exit 1" test $rc -eq 1
check "--max-doc-bytes: big file is too_large" test "$(codes out | flat)" = "- too_large - "
"$RELX" extract --max-doc-bytes 1K < big.txt > out; rc=$?
check "--max-doc-bytes on stdin" test $rc -eq 1 -a "$(codes out)" = too_large
cat big.txt | "$RELX" extract --max-doc-bytes 4999 - small.txt > out; rc=$?
check "--max-doc-bytes on a pipe, then the next file" test "$(codes out | flat)" = "too_large - "
"$RELX" extract --max-doc-bytes 5000 big.txt > out; rc=$?
check "--max-doc-bytes: a document of exactly N bytes is fine" test $rc -eq 0
python3 - <<'EOF'
with open("long.jsonl", "w") as f:
    f.write('{"id":"s1","text":"short"}\n')
    f.write('{"id":"long","text":"%s"}\n' % ("x" * 100000))
    f.write('{"text":"%s","id":"long2"}\n' % ("y" * 100000))
    f.write('{"id":"s2","text":"short"}\n')
EOF
for j in 1 2; do
    "$RELX" extract -j $j --input-format jsonl --max-doc-bytes 10K long.jsonl > out; rc=$?
    check "jsonl --max-doc-bytes -j $j: exit 1" test $rc -eq 1
    check "jsonl --max-doc-bytes -j $j: ids" test "$(docs out | flat)" = "s1 long long.jsonl:line:3 s2 "
    check "jsonl --max-doc-bytes -j $j: codes" test "$(codes out | flat)" = "- too_large too_large - "
done

# --- --stats sums over workers
"$RELX" extract -j 4 --stats corpus/*.txt > /dev/null 2> err
check "--stats counts every document" grep -q "2000 documents" err

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
