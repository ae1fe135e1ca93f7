#!/usr/bin/env bash
# JSON Lines input: the fast decoder (src/cli/jsonl_fast.c) and the full parser
# must agree. Each case is an input line and the expected doc id and error code
# ("-" for a result line). Usage: test_jsonl_parse.sh RELX SOURCE_DIR
set -u
relx=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/cases" <<'CASES'
{"id":"a1","text":"王大明宣布辭職。"}	a1	-
{"text":"x \u5f35 \ud83d\ude00 \n\t\"q\" \/ \\","id":7}	7	-
{"id":-3,"text":"y"}	-3	-
{"id":007,"text":"y"}	line:4	bad_json
{"id":-0,"text":"y"}	0	-
{"id":1.5,"text":"y"}	1.5	-
{"id":"dup","id":"dup2","text":"y"}	dup2	-
{"id":"m","text":"y","source":"z"}	m	-
{"id":"bad","text":"\ud800 lone"}	line:9	bad_json
{"id":"nul","text":"a\u0000b"}	nul	-
{"id":"t","text":5}	t	missing_text
{"id":"t2"}	t2	missing_text
  {"id" : "sp" , "text" : "spaced" }  	sp	-
{"id":"trail","text":"x"} x	line:14	bad_json
["not","object"]	line:15	bad_json
{"id":true,"text":"x"}	line:16	bad_id
CASES
cut -f1 "$tmp/cases" > "$tmp/in.jsonl"
printf '{"id":"inv","text":"\xff\xfe bad"}\n' >> "$tmp/in.jsonl"
printf 'line:17\tbad_json\n' > "$tmp/extra"
"$relx" extract --input-format jsonl - < "$tmp/in.jsonl" > "$tmp/out.jsonl"
python3 - "$tmp/cases" "$tmp/extra" "$tmp/out.jsonl" <<'PY'
import json, sys
want = [l.rstrip("\n").split("\t")[-2:] for l in open(sys.argv[1], encoding="utf-8")]
want += [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8")]
got = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")]
ok = bad = 0
for i, (w, g) in enumerate(zip(want, got)):
    code = g["error"]["code"] if "error" in g else "-"
    if [str(g["doc"]), code] == w:
        ok += 1
    else:
        bad += 1
        print(f"case {i + 1}: expected {w}, got {[g['doc'], code]}")
if len(got) != len(want):
    bad += 1
    print(f"{len(got)} output lines for {len(want)} inputs")
meta = [g for g in got if g.get("doc") == "m"]
if not meta or meta[0].get("meta") != {"source": "z"}:
    bad += 1
    print("meta not copied")
print(f"{ok} passed, {bad} failed")
sys.exit(1 if bad else 0)
PY
