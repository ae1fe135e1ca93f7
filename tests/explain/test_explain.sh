# test_explain.sh: `relx explain` golden outputs, and the rule-writing walkthrough
# of docs/rules.md's tutorial: a first rule for "X 交棒給 Y" fails on a near-miss
# sentence, explain shows where (file:line:col of the element), the fixed rule
# passes `relx test`. Only the built-in lexicons are loaded, not the built-in
# rules, so the outputs depend on nothing but these rule files.
# Run as: bash test_explain.sh RELX SRCDIR
set -u
RELX=${1:?usage: test_explain.sh PATH_TO_RELX SOURCE_DIR}
SRC=${2:?usage: test_explain.sh PATH_TO_RELX SOURCE_DIR}
case $RELX in /*) ;; *) RELX=$PWD/$RELX ;; esac
case $SRC in /*) ;; *) SRC=$PWD/$SRC ;; esac
. "$SRC/tests/explain/lib.sh"
cd "$T" || exit 1
export NO_COLOR=1
LEX=$SRC/rules/lexicon
rx() { "$RELX" "$@"; }

# --- the walkthrough
cat > handover.rules <<'R'
rule: zh.succession.handover
type: succession
pattern: {predecessor:person} 正式? 交棒 給 {person}
example: 台積電董事長劉德音正式交棒給魏哲家。
expect: person=魏哲家; predecessor=劉德音
example: 台積電董事長劉德音宣布交棒予魏哲家。
expect: person=魏哲家; predecessor=劉德音
R
printf '台積電董事長劉德音宣布交棒予魏哲家。\n' > near.txt
rx test --no-default-rules --rules "$LEX" --rules handover.rules > out 2>&1; rc=$?
check "v1: relx test fails" test $rc -eq 1
check "v1: 1 passed, 1 failed" grep -qx "1 passed, 1 failed" out
check "v1: names the failing example" grep -q "^handover.rules:6:10: rule zh.succession.handover: example failed" out
rx explain --no-default-rules --rules "$LEX" --rules handover.rules near.txt > out 2>&1
check "v1 explain exits 0" test $? -eq 0
golden walkthrough-1.txt out
check "v1: stopped at 交棒, line 3 col 35" grep -q "stopped:  handover.rules:3:35: 交棒  expected at 9" out

sed -i 's/正式? 交棒 給/{gap:4} 交棒 給/' handover.rules
rx explain --no-default-rules --rules "$LEX" --rules handover.rules near.txt > out 2>&1
golden walkthrough-2.txt out
check "v2: stopped at 給" grep -q "stopped:  handover.rules:3:42: 給  expected at 13" out

sed -i 's/交棒 給/交棒 (給|予)/' handover.rules
rx explain --no-default-rules --rules "$LEX" --rules handover.rules near.txt > out 2>&1
golden walkthrough-3.txt out
check "v3: matches and is kept" grep -q "^      kept" out
rx test --no-default-rules --rules "$LEX" --rules handover.rules > out 2>&1; rc=$?
check "v3: relx test passes" test $rc -eq 0
check "v3: 2 passed, 0 failed" grep -qx "2 passed, 0 failed" out

# --- overlap verdicts, a sentence without a person, a rule not tried
cat > overlap.rules <<'R'
rule: t.departure.plain
type: departure
pattern: {person} {gap:4} 辭職
example: 王建民辭職。

rule: t.departure.announce
type: departure
priority: 60
pattern: {person} 宣布 辭職
example: 王建民宣布辭職。

rule: t.join.org
type: join
pattern: {person} 加入 {org}
example: 王建民加入台積電。
R
printf '王建民宣布辭職。今天天氣很好。王建民加入台積電。\n' > doc.txt
rx explain --no-default-rules --rules "$LEX" --rules overlap.rules doc.txt > out 2>&1
golden overlap.txt out
check "lost with the reason" grep -q "lost to t.departure.announce: .*higher priority (60 > 50)" out
check "no person" grep -q "no person recognised in this sentence" out
rx explain --no-default-rules --rules "$LEX" --rules overlap.rules --rule t.join.org --sentence 1 doc.txt > out 2>&1
golden not-tried.txt out
check "not tried: trigger absent" grep -q "not tried: .*" out
check "--sentence 1 only" test "$(grep -c '^sentence ' out)" = 1

# --- JSON
rx explain --json --no-default-rules --rules "$LEX" --rules handover.rules --rules overlap.rules near.txt doc.txt > out 2>&1
check "json: one line per document" test "$(wc -l < out)" = 2
check "json: fields" python3 -c '
import json,sys
docs=[json.loads(l) for l in open("out")]
s=docs[0]["sentences"][0]
p=[p for p in s["patterns"] if p["rule"]=="zh.succession.handover"][0]
assert p["matches"]==1 and p["candidates"][0]["verdict"]=="kept", p
assert s["mentions"][0]["type"] in ("org","person","role")
s=docs[1]["sentences"][0]
assert any(c.get("lost_to")=="t.departure.announce" for p in s["patterns"] for c in p["candidates"])
'
sed -i 's/交棒 (給|予)/交棒 給/' handover.rules
rx explain --json --no-default-rules --rules "$LEX" --rules handover.rules near.txt > out 2>&1
check "json: near miss" python3 -c '
import json
d=json.loads(open("out").read())
p=d["sentences"][0]["patterns"][0]
f=p["near_miss"]["failed"]
assert (f["line"],f["col"],f["element"],f["at"])==(3,42,"給",13), f
'

# --- colour, errors
rx explain --color --no-default-rules --rules "$LEX" --rules handover.rules near.txt > out 2>&1
check "--color colours" grep -q $'\033\\[' out
rx explain --no-default-rules --rules "$LEX" --rules handover.rules near.txt > out 2>&1
check "no colour into a file" test "$(grep -c $'\033' out)" = 0
rx explain --rule no.such.rule near.txt > out 2>&1
check "unknown --rule exits 2" test $? -eq 2
rx explain --sentence 0 near.txt > out 2>&1
check "--sentence 0 exits 2" test $? -eq 2
printf 'x' | rx explain --no-default-rules --rules "$LEX" --rules handover.rules - > out 2>&1
check "stdin" grep -q "^doc -: 1 sentence" out
rx explain missing.txt > out 2>&1
check "missing file exits 1" test $? -eq 1

finish
