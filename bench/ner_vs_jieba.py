#!/usr/bin/env python3
"""Entity F1 of relx and of jieba's part-of-speech tags, side by side.

  python3 bench/ner_vs_jieba.py [--relx build/relx] [--shared ../shared] [SET...]

SET is a folder or a .jsonl data set of the shared evaluation (default: eval/dev
and eval/datasets/cluener-dev). jieba (Debian's python3-jieba) runs with
/usr/bin/python3: nr/nrfg/nrt -> person, nt -> org, the usual mapping. Both
outputs are scored by the shared scorer (score.py --system), so the figures are
comparable. Needs ../shared (the evaluation data is not part of relx).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

JIEBA = r'''
import json, sys
import jieba, jieba.posseg as pseg
jieba.setLogLevel(60)
out = open(sys.argv[2], "w", encoding="utf-8")
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    ents, seen = [], set()
    for w, f in pseg.cut(d["text"]):
        t = "person" if f in ("nr", "nrfg", "nrt") else "org" if f == "nt" else None
        if t and (t, w) not in seen:
            seen.add((t, w))
            ents.append({"id": "E%d" % (len(ents) + 1), "type": t, "name": w,
                         "mentions": []})
    out.write(json.dumps({"doc": d["id"], "entities": ents, "relations": []},
                         ensure_ascii=False) + "\n")
'''


def documents(path):
    """(doc key for score.py --system, text) of a folder of .txt/.gold.json or a .jsonl."""
    if path.endswith(".jsonl"):
        for line in open(path, encoding="utf-8"):
            g = json.loads(line)
            yield g["doc"], g["text"]
    else:
        for name in sorted(os.listdir(path)):
            if name.endswith(".gold.json"):
                txt = os.path.join(path, name[:-len(".gold.json")] + ".txt")
                yield txt, open(txt, encoding="utf-8").read()


def score(shared, system, path):
    p = subprocess.run([sys.executable, os.path.join(shared, "eval", "score.py"), "--json",
                        "--system", system, path], capture_output=True, text=True, check=True)
    return json.loads(p.stdout)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--relx", default=os.path.join(here, "..", "build", "relx"))
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("sets", nargs="*")
    a = ap.parse_args()
    sets = a.sets or [os.path.join(a.shared, "eval", "dev"),
                      os.path.join(a.shared, "eval", "datasets", "cluener-dev", "cluener-dev.jsonl")]
    print(f"{'set':<16} {'type':<7} {'relx F1':>8} {'jieba F1':>9}")
    with tempfile.TemporaryDirectory() as td:
        for path in sets:
            docs = list(documents(path))
            inp = os.path.join(td, "in.jsonl")
            with open(inp, "w", encoding="utf-8") as f:
                for key, text in docs:
                    f.write(json.dumps({"id": key, "text": text}, ensure_ascii=False) + "\n")
            rel = os.path.join(td, "relx.jsonl")
            with open(inp, "rb") as fin, open(rel, "wb") as fout:
                subprocess.run([a.relx, "extract", "--input-format", "jsonl", "-"], stdin=fin,
                               stdout=fout, check=False)
            jb = os.path.join(td, "jieba.jsonl")
            subprocess.run(["/usr/bin/python3", "-c", JIEBA, inp, jb], check=True)
            sr, sj = score(a.shared, rel, path), score(a.shared, jb, path)
            name = os.path.basename(path.rstrip("/"))[:16]
            for t in ("person", "org", "all"):
                k = "entity." + t
                print(f"{name:<16} {t:<7} {sr[k]['f1']:>8.3f} {sj[k]['f1']:>9.3f}")


if __name__ == "__main__":
    main()
