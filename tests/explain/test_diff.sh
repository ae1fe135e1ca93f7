# test_diff.sh: `relx diff OLD NEW` golden output and exit status, on hand-made
# outputs and on a real before/after rule edit. Run as: bash test_diff.sh RELX SRCDIR
set -u
RELX=${1:?usage: test_diff.sh PATH_TO_RELX SOURCE_DIR}
SRC=${2:?usage: test_diff.sh PATH_TO_RELX SOURCE_DIR}
case $RELX in /*) ;; *) RELX=$PWD/$RELX ;; esac
case $SRC in /*) ;; *) SRC=$PWD/$SRC ;; esac
. "$SRC/tests/explain/lib.sh"
cd "$T" || exit 1

P='{"id":"E1","name":"Anna Berg"}' O='{"id":"E2","name":"Acme"}' Q='{"id":"E3","name":"Bo Li"}'
cat > old.jsonl <<J
{"doc":"a.txt","relations":[{"type":"departure","person":$P,"org":$O,"role":"CTO","predecessor":null,"date":"2024-05","modality":"fact","rule":"r.old","evidence":{"text":"x","start":0,"end":1}}]}
{"doc":"b.txt","relations":[{"type":"join","person":$Q,"org":$O,"role":null,"predecessor":null,"date":null,"modality":"fact","rule":"r.join","evidence":{"text":"y","start":5,"end":9}}]}
{"doc":"gone.txt","relations":[{"type":"join","person":$Q,"org":null,"role":null,"predecessor":null,"date":null,"modality":"planned","rule":"r.join","evidence":{"text":"y","start":0,"end":2}}]}
J
# b.txt: the same relation by another rule at another offset is no change
cat > new.jsonl <<J
{"doc":"b.txt","relations":[{"type":"join","person":$Q,"org":$O,"role":null,"predecessor":null,"date":null,"modality":"fact","rule":"r.other","evidence":{"text":"yy","start":7,"end":9}}]}
{"doc":"a.txt","relations":[{"type":"succession","person":$Q,"org":$O,"role":"CTO","predecessor":$P,"date":"2024-05","modality":"fact","rule":"r.new","evidence":{"text":"x","start":0,"end":1}}]}
{"doc":"new.txt","relations":[]}
{"doc":"err.txt","error":{"code":"binary","message":"binary file"}}
J
"$RELX" diff old.jsonl new.jsonl > out 2>&1; rc=$?
check "different: exit 1" test $rc -eq 1
golden diff.txt out
"$RELX" diff old.jsonl old.jsonl > out 2>&1; rc=$?
check "identical: exit 0" test $rc -eq 0
check "identical: summary" grep -qx "3 documents, 0 changed: 0 relations added, 0 removed" out
"$RELX" diff old.jsonl nosuch.jsonl > out 2>&1; rc=$?
check "missing file: exit 2" test $rc -eq 2
check "missing file: message" grep -q "^relx: nosuch.jsonl: " out
printf 'not json\n' > bad.jsonl
"$RELX" diff old.jsonl bad.jsonl > out 2>&1; rc=$?
check "not relx output: exit 2" test $rc -eq 2
check "not relx output: file:line" grep -q "^relx: bad.jsonl:1: not a relx output line" out
"$RELX" diff old.jsonl > out 2>&1; rc=$?
check "one operand: exit 2" test $rc -eq 2
"$RELX" help diff > out 2>&1; rc=$?
check "help diff" test $rc -eq 0

# a real rule edit, before and after
LEX=$SRC/rules/lexicon
printf 'rule: t.handover\ntype: succession\npattern: {predecessor:person} {gap:4} 交棒 給 {person}\nexample: 劉德音交棒給魏哲家。\n' > h.rules
printf '台積電董事長劉德音宣布交棒予魏哲家。\n' > a.txt
printf '王建民宣布交棒給陳金鋒。\n' > b.txt
"$RELX" extract --no-default-rules --rules "$LEX" --rules h.rules a.txt b.txt > before.jsonl
sed -i 's/交棒 給/交棒 (給|予)/' h.rules
"$RELX" extract --no-default-rules --rules "$LEX" --rules h.rules a.txt b.txt > after.jsonl
"$RELX" diff before.jsonl after.jsonl > out 2>&1; rc=$?
check "rule edit: exit 1" test $rc -eq 1
golden diff-rule-edit.txt out

finish
