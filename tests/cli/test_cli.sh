# test_cli.sh: the command line's contract -- options, exit codes, error lines,
# stdin, --pretty, closed pipes, write errors. Run as: bash test_cli.sh RELX SRCDIR
# Asserts on structure (doc ids, line counts, error codes, exit status), never on
# the exact extraction output, so it holds for any rule pack.
set -u
RELX=${1:?usage: test_cli.sh PATH_TO_RELX SOURCE_DIR}
case $RELX in /*) ;; *) RELX=$PWD/$RELX ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/relx-cli.XXXXXX")
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
cd "$T" || exit 1
PASS=0 FAIL=0
ok() { PASS=$((PASS + 1)); }
bad() { FAIL=$((FAIL + 1)); echo "FAIL: $*"; }
check() { # check NAME COND...
    local name=$1; shift
    if "$@"; then ok; else bad "$name"; fi
}
# docs FILE: the "doc" of every output line, one per line.
docs() { python3 -c 'import sys,json
for l in open(sys.argv[1]): print(json.loads(l)["doc"])' "$1"; }
# codes FILE: the error code of every line ("-" when it is not an error line).
codes() { python3 -c 'import sys,json
for l in open(sys.argv[1]):
    o=json.loads(l); print(o["error"]["code"] if "error" in o else "-")' "$1"; }
lines() { wc -l < "$1" | tr -d ' '; }

printf 'Alice Smith was appointed chief executive of Acme Corp on Monday.\n' > a.txt
printf 'Bob Jones stepped down as chairman of Widget Ltd.\n' > b.txt
mkdir sub

# --- usage errors: exit 2 with a "relx: " message and a hint
"$RELX" extract --no-such-flag a.txt > out 2> err; rc=$?
check "unknown flag exits 2" test $rc -eq 2
check "unknown flag message" grep -q "^relx: .*no-such-flag" err
check "unknown flag hint" grep -q "relx help extract" err
check "unknown flag writes no output" test ! -s out
"$RELX" > out 2> err; rc=$?
check "no command exits 2" test $rc -eq 2
check "no command prints usage" grep -q "usage" err
"$RELX" frobnicate > /dev/null 2> err; rc=$?
check "unknown command exits 2" test $rc -eq 2
check "unknown command message" grep -q "^relx: unknown command" err
for args in "-j 0" "-j x" "-j" "--jobs=-3" "--date 2024-13-01" "--date 2023-02-29" "--date tomorrow" \
            "--lang fr" "--input-format xml" "--max-doc-bytes 0" "--max-doc-bytes 12Q" "--encoding ebcdic" \
            "--pretty=yes" "--glob *.txt"; do
    # shellcheck disable=SC2086
    "$RELX" extract $args a.txt > out 2> err; rc=$?
    check "'$args' exits 2" test $rc -eq 2
    check "'$args' says relx:" grep -q "^relx: " err
done
"$RELX" extract a.txt --rules > out 2> err; rc=$?
check "missing option argument exits 2" test $rc -eq 2
check "missing option argument message" grep -q "^relx: .*needs an argument" err
"$RELX" check --date 2024-01-01 > /dev/null 2>&1; rc=$?
check "extract-only option on check exits 2" test $rc -eq 2
"$RELX" extract --date 2024-02-29 --lang en -j 2 --max-doc-bytes 1M --encoding UTF-8 --no-progress a.txt \
    > out 2> err; rc=$?
check "valid options accepted" test $rc -eq 0
check "valid options: one line" test "$(lines out)" = 1

# --- help and version
"$RELX" --version > out; rc=$?
check "--version" test $rc -eq 0 -a "$(cat out)" = "relx 0.1.0"
for t in extract check test rules; do
    "$RELX" help $t > out 2>&1; rc=$?
    check "help $t" test $rc -eq 0
    check "help $t names the command" grep -q "relx $t" out
    "$RELX" $t --help > out 2>&1; rc=$?
    check "$t --help" test $rc -eq 0
done
"$RELX" --help > out; check "--help" test $? -eq 0
check "--help lists extract" grep -q extract out
"$RELX" help nosuch > /dev/null 2>&1; check "help nosuch exits 2" test $? -eq 2
for o in --rules --no-default-rules --date --encoding --lang --trace --recursive --glob --files-from \
         --input-format --jobs --max-doc-bytes --stats --progress --no-progress --pretty; do
    "$RELX" help extract | grep -q -- "$o" || bad "help extract lacks $o"
done
ok

# --- files, error lines, order, exit status
"$RELX" extract a.txt missing.txt b.txt > out 2> err; rc=$?
check "missing file exits 1" test $rc -eq 1
check "missing file: 3 lines" test "$(lines out)" = 3
check "missing file: order kept" test "$(docs out | tr '\n' ' ')" = "a.txt missing.txt b.txt "
check "missing file: error code" test "$(codes out | tr '\n' ' ')" = "- not_found - "
for j in 1 2 4; do
    "$RELX" extract -j $j missing.txt a.txt sub b.txt > out 2> err; rc=$?
    check "-j $j: exit 1" test $rc -eq 1
    check "-j $j: directory as file is an error line" \
        test "$(codes out | tr '\n' ' ')" = "not_found - is_directory - "
done
ln -s nowhere.txt broken.txt
"$RELX" extract broken.txt a.txt > out 2> err; rc=$?
check "broken symlink exits 1" test $rc -eq 1
check "broken symlink error line" test "$(codes out | tr '\n' ' ')" = "not_found - "
if [ "$(id -u)" != 0 ]; then
    cp a.txt secret.txt; chmod 000 secret.txt
    "$RELX" extract secret.txt a.txt > out 2> err; rc=$?
    check "unreadable file exits 1" test $rc -eq 1
    check "unreadable file error line" test "$(codes out | tr '\n' ' ')" = "permission_denied - "
    chmod 644 secret.txt
fi
"$RELX" extract a.txt b.txt > out 2> err; rc=$?
check "good files exit 0" test $rc -eq 0
check "good files: no stderr" test ! -s err
check "good files: doc ids" test "$(docs out | tr '\n' ' ')" = "a.txt b.txt "

# --- stdin
"$RELX" extract < a.txt > out 2> err; rc=$?
check "stdin exits 0" test $rc -eq 0
check "stdin is one document '-'" test "$(docs out)" = "-"
printf 'line one\nline two\n\nline four\n' | "$RELX" extract > out; rc=$?
check "stdin with several lines is one document" test $rc -eq 0 -a "$(lines out)" = 1
"$RELX" extract a.txt - b.txt < b.txt > out; rc=$?
check "'-' among files" test "$(docs out | tr '\n' ' ')" = "a.txt - b.txt "
"$RELX" extract - < /dev/null > out; rc=$?
check "empty stdin is one document" test $rc -eq 0 -a "$(lines out)" = 1
"$RELX" extract - - < a.txt > /dev/null 2> err; rc=$?
check "stdin twice is a usage error" test $rc -eq 2
"$RELX" extract -- -j > out 2> /dev/null; rc=$?
check "'--' ends options" test "$(docs out)" = "-j"

# --- --pretty: valid JSON, one value per document
"$RELX" extract --pretty a.txt missing.txt b.txt > out; rc=$?
check "--pretty exits 1 (missing file)" test $rc -eq 1
check "--pretty is indented" grep -q '^  "doc": ' out
python3 - out <<'EOF'
import json, sys
s = open(sys.argv[1]).read(); d = json.JSONDecoder(); i = 0; ids = []
while i < len(s):
    if s[i].isspace(): i += 1; continue
    o, i = d.raw_decode(s, i); ids.append(o["doc"])
sys.exit(0 if ids == ["a.txt", "missing.txt", "b.txt"] else 1)
EOF
check "--pretty parses back, in order" test $? -eq 0
"$RELX" extract --pretty a.txt | python3 -m json.tool > /dev/null
check "--pretty single doc passes json.tool" test $? -eq 0

# --- --stats and --progress go to stderr only
"$RELX" extract --stats --progress a.txt b.txt missing.txt > out 2> err; rc=$?
check "--stats keeps stdout clean" test "$(lines out)" = 3
check "--stats reports documents" grep -q "3 documents" err
check "--stats reports errors" grep -q "1 error" err
check "--stats reports relations" grep -q "relation" err
"$RELX" extract a.txt > out 2> err
check "no progress when stderr is not a terminal" test ! -s err

# --- a closed pipe ends quietly with status 0
mkdir many
for i in $(seq 1 3000); do printf 'Carol %d was appointed director of Foo %d.\n' $i $i > many/d$i.txt; done
for j in 1 4; do
    ( "$RELX" extract -j $j many/*.txt 2> err; echo $? > rc ) | head -1 > out
    check "-j $j closed pipe: status 0" test "$(cat rc)" = 0
    check "-j $j closed pipe: no stderr" test ! -s err
    check "-j $j closed pipe: head got a line" test "$(lines out)" = 1
done
( yes '{"id":1,"text":"Dan was appointed CEO."}' | head -200000 | "$RELX" extract --input-format jsonl - 2> err
  echo $? > rc ) | head -3 > out
check "jsonl closed pipe: status 0" test "$(cat rc)" = 0
check "jsonl closed pipe: no stderr" test ! -s err

# --- write errors
if [ -w /dev/full ]; then
    "$RELX" extract many/d1.txt > /dev/full 2> err; rc=$?
    check "write error exits 1" test $rc -eq 1
    check "write error message" grep -q "^relx: write error" err
fi

# --- rule commands
"$RELX" check > out 2> err; rc=$?
check "check exits 0" test $rc -eq 0
check "check says rules OK" grep -q "^relx: [0-9]* rules\? OK" err
"$RELX" check --rules "$T/nonexistent/bad.rules" > /dev/null 2> err; rc=$?
check "check with a bad rule path exits 2" test $rc -eq 2
"$RELX" extract --rules "$T/nonexistent/bad.rules" a.txt > out 2> err; rc=$?
check "extract with a bad rule path exits 2" test $rc -eq 2 -a ! -s out
"$RELX" rules > out 2> err; rc=$?
check "rules exits 0" test $rc -eq 0
check "rules: 4 tab-separated fields" awk -F'\t' 'NF != 4 || $3 !~ /:[0-9]+$/ { exit 1 }' out
"$RELX" test > out 2> err; rc=$?
check "test prints the summary" grep -qE "^[0-9]+ passed, [0-9]+ failed$" out
if grep -q " 0 failed$" out; then check "test exits 0 when all pass" test $rc -eq 0
else check "test exits 1 on failures" test $rc -eq 1; fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
