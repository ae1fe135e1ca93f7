# test_rules_stats.sh: `relx rules --stats CORPUS` golden output (the time column
# blanked), over files, a folder (-r) and JSON Lines. Run as: bash test_rules_stats.sh RELX SRCDIR
set -u
RELX=${1:?usage: test_rules_stats.sh PATH_TO_RELX SOURCE_DIR}
SRC=${2:?usage: test_rules_stats.sh PATH_TO_RELX SOURCE_DIR}
case $RELX in /*) ;; *) RELX=$PWD/$RELX ;; esac
case $SRC in /*) ;; *) SRC=$PWD/$SRC ;; esac
. "$SRC/tests/explain/lib.sh"
cd "$T" || exit 1
LEX=$SRC/rules/lexicon
cat > t.rules <<'R'
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

rule: t.never
type: dismissal
pattern: {org} 開除 {person}
example: 台積電開除王建民。
R
mkdir corpus
printf '王建民宣布辭職。\n' > corpus/1.txt
printf '陳金鋒加入台積電。王建民加入鴻海。\n' > corpus/2.txt
printf '今天天氣很好。\n' > corpus/3.txt
blank() { sed -E 's/^(\S+ +[0-9]+ +[0-9]+ +[0-9]+) +[0-9]+\.[0-9]{3}/\1 TIME/' "$@"; }
"$RELX" rules --stats --no-default-rules --rules "$LEX" --rules t.rules -j 2 -r corpus > raw 2>err; rc=$?
check "exit 0" test $rc -eq 0
blank raw > out
golden rules-stats.txt out
check "time column is a number" grep -Eq '^t\.join\.org +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+\.[0-9]{3} ' raw
# the same counts from files, and from JSON Lines
"$RELX" rules --stats --no-default-rules --rules "$LEX" --rules t.rules -j 1 corpus/1.txt corpus/2.txt corpus/3.txt | blank > out2
check "files = folder" cmp -s out out2
python3 -c 'import json,sys
for i,f in enumerate(sys.argv[1:]): print(json.dumps({"id":str(i),"text":open(f).read()}))' corpus/*.txt > c.jsonl
"$RELX" rules --stats --input-format jsonl --no-default-rules --rules "$LEX" --rules t.rules c.jsonl | blank > out3
check "jsonl = folder" cmp -s out out3
# without --stats a corpus is an error; rules alone still lists the rules
"$RELX" rules --no-default-rules --rules "$LEX" --rules t.rules corpus > out 2>&1; rc=$?
check "corpus without --stats: exit 2" test $rc -eq 2
"$RELX" rules --no-default-rules --rules "$LEX" --rules t.rules > out 2>&1; rc=$?
check "rules lists" test $rc -eq 0 -a "$(wc -l < out)" = 4
finish
