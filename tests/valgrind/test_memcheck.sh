#!/usr/bin/env bash
# test_memcheck.sh: valgrind memcheck over a few end-to-end relx runs, among them
# hostile ones (invalid UTF-8, a binary file, bad JSON Lines, a bad rule file, a
# rule that hits its match limit, worker threads). Any memory error or leak fails.
# Run as: bash test_memcheck.sh PATH_TO_RELX SOURCE_DIR
# Skipped (exit 0) when valgrind is absent or relx is a sanitizer build.
set -u
RELX=${1:?usage: test_memcheck.sh PATH_TO_RELX SOURCE_DIR}
SRC=${2:-$PWD}
case $RELX in /*) ;; *) RELX=$PWD/$RELX ;; esac
case $SRC in /*) ;; *) SRC=$PWD/$SRC ;; esac
if ! command -v valgrind > /dev/null; then
    echo "valgrind not installed: memcheck skipped"; echo "0 passed, 0 failed"; exit 0
fi
if nm "$RELX" 2>/dev/null | grep -q '__asan_init'; then
    echo "sanitizer build: memcheck skipped"; echo "0 passed, 0 failed"; exit 0
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/relx-memcheck.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
PASS=0 FAIL=0

# real_errors LOG: the memcheck reports that are not PCRE2 JIT noise. Code that
# PCRE2 generates at run time has no symbols and cannot be unwound, so every
# frame of a report from inside it is "???"; memcheck flags its word-at-a-time
# reads as uninitialised. A report with any named frame (relx, libc, jansson,
# pcre2 itself: leaks always have malloc) is real.
real_errors() {
    awk '/^==[0-9]+== *$/ { if (blk != "" && named) print blk; blk = ""; named = 0; next }
         { blk = blk "\n" $0 }
         / (at|by) 0x[0-9A-Fa-f]+: / && !/: \?\?\?$/ { named = 1 }
         /^==[0-9]+== [A-Z].*(lost|definitely|indirectly|possibly)/ { named = 1 }
         END { if (blk != "" && named) print blk }' "$1"
}

# vg NAME EXPECTED_STATUS ARGS...: relx under memcheck; its exit status is relx's
# own, the verdict on memory comes from the log.
vg() {
    local name=$1 want=$2; shift 2
    timeout 600 valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
        --errors-for-leak-kinds=definite,indirect,possible --log-file=vg.log "$RELX" "$@" > out 2> err
    local rc=$?
    real_errors vg.log > vg.real
    if [ $rc -eq "$want" ] && [ ! -s vg.real ]; then
        PASS=$((PASS + 1))
    else
        FAIL=$((FAIL + 1))
        echo "FAIL: $name: exit status $rc (expected $want)"
        head -60 vg.real
    fi
}

cp "$SRC/samples/zh-hant-chip-maker.txt" sample.txt
printf 'ab\xff\xc0\xaf \xed\xa0\x80 張三宣布辭職。Bob Jones stepped down as chairman.\xe4' > bad.txt
printf 'x\0y' > bin.txt
mkdir walk && cp bad.txt walk/a.txt && cp bin.txt walk/b.txt && ln -s /nonexistent walk/c.txt
printf '{"id":"1","text":"Bob Jones stepped down as chairman.","src":"x"}\nnot json\n{"id":2}\n' > in.jsonl
printf 'rule: t.a\ntype: departure\npattern: {person} (離職|辭職\nexample: x\n' > broken.rules
printf 'rule: t.backtrack\ntype: departure\npattern: {person} said `(?:(?:a|aa)+)+b`\nexample: Alice Smith said aab\n' > bt.rules
python3 -c 'print("Alice Smith said " + "a"*40 + "c and b. Bob Jones stepped down as chairman.")' > bt.txt

vg "sample article, --trace" 0 extract --trace sample.txt
vg "invalid UTF-8, binary file, broken link in a walk, 2 workers" 1 extract -j 2 -r walk bad.txt
vg "JSON Lines with bad lines" 1 extract --input-format jsonl in.jsonl
vg "rule file with an error" 2 check --rules broken.rules
vg "rule hitting its match limit" 0 extract --rules bt.rules bt.txt
grep -q 'match limit' out || { FAIL=$((FAIL + 1)); echo "FAIL: no match-limit warning"; }

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
