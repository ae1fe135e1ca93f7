#!/usr/bin/python3
"""peer_jieba.py: the benchmark's jieba peer (segmentation + part-of-speech tagging).

    /usr/bin/python3 bench/peer_jieba.py [--no-hmm] < corpus.jsonl > out.jsonl

Runs jieba.posseg.cut over each document's text (HMM on, jieba's defaults) and
writes one JSON line per document with the people (tags nr, nrfg, nrt) and
organisations (nt) it tagged, with code point offsets. It recognises entities
only and extracts no relations, so it does less than relx; it is here as the
usual first tool people reach for with Chinese text. Debian's python3-jieba is
installed for /usr/bin/python3 only. The dictionary is loaded before the
first document (its load time is in the measurement, about a second).

With its default HMM on, posseg is very slow on Traditional text (its HMM
tags every run of characters missing from its Simplified dictionary, 100-300x
slower than on Simplified text); --no-hmm (dictionary only) is the fast
setting, measured as a separate row.
"""
import json
import sys

import jieba
import jieba.posseg as pseg

PERSON = {"nr", "nrfg", "nrt"}
ORG = {"nt"}


def main():
    hmm = "--no-hmm" not in sys.argv[1:]
    jieba.setLogLevel(60)
    jieba.initialize()
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except ValueError as e:
            out.write(json.dumps({"error": str(e)}) + "\n")
            continue
        pos = 0
        ents = {}
        for pair in pseg.cut(doc.get("text", ""), HMM=hmm):
            word, flag = pair.word, pair.flag
            kind = "person" if flag in PERSON else "org" if flag in ORG else None
            if kind:
                ents.setdefault((kind, word), []).append(pos)
            pos += len(word)
        out.write(json.dumps({"doc": doc.get("id"),
                              "entities": [{"type": k, "name": w, "mentions": m}
                                           for (k, w), m in ents.items()]},
                             ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
