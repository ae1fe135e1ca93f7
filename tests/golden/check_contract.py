#!/usr/bin/env python3
"""Check relx output lines against the contract of docs/output.md.

  check_contract.py OUTPUT.jsonl FILE...   (FILE i is the input of output line i)

Checks: one line per input, valid JSON objects; result lines have doc, lang, date,
entities, relations with the documented types; ids unique; every mention and
evidence span satisfies text[start:end] == the reported text (code points);
relation arguments point at entities of the same line with the right type and
name; the entity name is one of its mentions; dates are ISO at some precision;
a relation marked derived ("rule": "<id>+predecessor-left") is the departure of
the predecessor of a succession of the same line by rule <id>, with its date,
modality (or planned where the succession is a fact), evidence, and its org and
role where it has them.
"""
import json
import re
import sys

TYPES = {"departure", "appointment", "succession", "join", "dismissal",
         "reinstatement", "promotion", "holds_role"}
MODALITIES = {"fact", "planned", "rumoured", "denied"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PREDECESSOR_LEFT = "+predecessor-left"


def check_derived(path, r, relations):
    """A derived departure repeats a succession of the same line (see docs/output.md)."""
    base = r["rule"][:-len(PREDECESSOR_LEFT)]
    if r["type"] != "departure" or r["predecessor"] is not None:
        fail(f"{path}: derived relation {r['rule']} is not a departure without predecessor")
    for s in relations:
        if (s["type"] == "succession" and s["rule"] == base and s["predecessor"] == r["person"]
                and all(s[k] == r[k] for k in ("date", "evidence"))
                and (s["modality"] == r["modality"] or (s["modality"] == "fact" and r["modality"] == "planned"))
                and all(s[k] is None or s[k] == r[k] for k in ("org", "role"))):
            return
    fail(f"{path}: derived departure {r['person']} has no succession by {base} behind it")


def fail(msg):
    print("contract violation:", msg)
    sys.exit(1)


def main():
    out_path, inputs = sys.argv[1], sys.argv[2:]
    lines = [l for l in open(out_path, encoding="utf-8").read().split("\n") if l]
    if len(lines) != len(inputs):
        fail(f"{len(lines)} output lines for {len(inputs)} inputs")
    checked = 0
    for line, path in zip(lines, inputs):
        d = json.loads(line)
        if not isinstance(d, dict) or "doc" not in d:
            fail(f"{path}: not an object with doc")
        if "error" in d:
            if set(d["error"]) != {"code", "message"}:
                fail(f"{path}: error object keys {set(d['error'])}")
            continue
        raw = open(path, "rb").read()
        text = raw.decode("utf-8-sig", errors="replace")
        for key in ("lang", "date", "entities", "relations"):
            if key not in d:
                fail(f"{path}: missing {key}")
        if d["lang"] not in ("zh-Hant", "zh-Hans", "en"):
            fail(f"{path}: lang {d['lang']}")
        if d["date"] is not None and not DATE.match(d["date"]):
            fail(f"{path}: date {d['date']}")
        ents = {}
        for e in d["entities"]:
            if e["id"] in ents:
                fail(f"{path}: duplicate id {e['id']}")
            if e["type"] not in ("person", "org"):
                fail(f"{path}: entity type {e['type']}")
            ents[e["id"]] = e
            if not e["mentions"]:
                fail(f"{path}: {e['id']} has no mentions")
            for m in e["mentions"]:
                if text[m["start"]:m["end"]] != m["text"]:
                    fail(f"{path}: mention {m} is {text[m['start']:m['end']]!r} in the text")
                checked += 1
            if e["name"] not in [m["text"] for m in e["mentions"]]:
                fail(f"{path}: name {e['name']!r} is none of its mentions")
        for r in d["relations"]:
            if r["type"] not in TYPES:
                fail(f"{path}: relation type {r['type']}")
            if r.get("modality") not in MODALITIES:
                fail(f"{path}: modality {r.get('modality')}")
            for arg, want in (("person", "person"), ("predecessor", "person"), ("org", "org")):
                v = r.get(arg)
                if arg == "person" and v is None:
                    fail(f"{path}: relation without person")
                if v is None:
                    continue
                e = ents.get(v["id"])
                if not e or e["type"] != want or e["name"] != v["name"]:
                    fail(f"{path}: {arg} {v} does not point at a {want} entity")
            if r["role"] is not None and not isinstance(r["role"], str):
                fail(f"{path}: role {r['role']!r}")
            if r["date"] is not None and not DATE.match(r["date"]):
                fail(f"{path}: relation date {r['date']}")
            if not isinstance(r.get("rule"), str) or not r["rule"]:
                fail(f"{path}: rule {r.get('rule')!r}")
            if r["rule"].endswith(PREDECESSOR_LEFT):
                check_derived(path, r, d["relations"])
            ev = r["evidence"]
            if text[ev["start"]:ev["end"]] != ev["text"]:
                fail(f"{path}: evidence {ev} is {text[ev['start']:ev['end']]!r} in the text")
            checked += 1
    print(f"{len(lines)} documents, {checked} spans checked")


if __name__ == "__main__":
    main()
