#!/usr/bin/env python3
"""extract_triggers.py: the literal trigger words of relx's rule pack, one a line,
for `rg -c -F -f triggers.txt` (the scan floor of the benchmark).

    python3 bench/extract_triggers.py [--rules DIR] [--relx BIN] > bench/data/triggers.txt

Two sources, in this order:

1. `relx rules --triggers`, when the relx binary given with --relx has that
   command (one trigger a line, folded to Simplified and lower case).
2. Otherwise the rule files themselves: every `pattern:` line under rules/ is
   parsed with the pattern language (literals separated by white space,
   (a|b) groups, '?' after an optional item, {slots}, {gap:N}, `raw`, @lexicon),
   and the same choice relx makes for its prefilter is repeated: among the
   required items of a sequence, the literal or group whose shortest literal is
   longest; a group counts only if each alternative has a trigger. A pattern
   with no required literal (`{role} {person}`) contributes nothing; relx runs
   such patterns on every sentence, so the scan floor is generous to relx's
   competitors, not to relx.

relx folds its input before the scan (Traditional -> Simplified, ASCII case);
rg scans raw bytes. So every trigger is written out in the forms that occur in
raw text: as written, Simplified and Traditional (through the `opencc` command
line when it is installed; otherwise as written only, with a warning), and
English words also with a capital first letter, and a one-character
punctuation trigger also in its full-width form (relx folds widths).
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys

SPECIAL = set("{}()|?[]@\\`") | {" ", "\t", "\u3000"}


class Parser:
    """The pattern language, just enough of it to find the literals."""

    def __init__(self, text, lexdir):
        self.s = text
        self.i = 0
        self.lexdir = lexdir

    def alts(self):
        out = [self.seq()]
        while self.i < len(self.s) and self.s[self.i] == "|":
            self.i += 1
            out.append(self.seq())
        return out

    def seq(self):
        items = []
        s = self.s
        while self.i < len(s):
            c = s[self.i]
            if c in " \t\u3000":
                self.i += 1
                continue
            if c in "|)":
                return items
            if c == "?":
                if items:
                    items[-1]["opt"] = True
                self.i += 1
                continue
            items.append(self.item())
        return items

    def item(self):
        s = self.s
        c = s[self.i]
        if s.startswith("...", self.i):
            self.i += 3
            return {"kind": "gap", "opt": False}
        if c == "(":
            self.i += 1
            group = self.alts()
            if self.i < len(s) and s[self.i] == ")":
                self.i += 1
            return {"kind": "group", "alts": group, "opt": False}
        if c == "{":
            j = s.find("}", self.i)
            self.i = len(s) if j < 0 else j + 1
            return {"kind": "slot", "opt": False}
        if c == "`":
            j = s.find("`", self.i + 1)
            self.i = len(s) if j < 0 else j + 1
            return {"kind": "raw", "opt": False}
        if c == "@":
            j = self.i + 1
            while j < len(s) and (s[j].isascii() and (s[j].isalnum() or s[j] in "_-")):
                j += 1
            name = s[self.i + 1:j]
            self.i = j
            return {"kind": "lex", "words": read_lexicon(self.lexdir, name), "opt": False}
        buf = []
        while self.i < len(s):
            c = s[self.i]
            if c == "\\" and self.i + 1 < len(s):
                buf.append(s[self.i + 1])
                self.i += 2
                continue
            if c in SPECIAL or s.startswith("...", self.i):
                break
            buf.append(c)
            self.i += 1
        return {"kind": "lit", "text": "".join(buf), "opt": False}


def read_lexicon(lexdir, name):
    words = []
    path = os.path.join(lexdir, name + ".txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    words.extend(w.strip() for w in line.split("|") if w.strip())
    return words


def seq_triggers(items):
    """The best required item's literal set, or None."""
    best = None
    for nd in items:
        if nd["opt"]:
            continue
        cand = None
        if nd["kind"] == "lit" and nd["text"]:
            cand = [nd["text"]]
        elif nd["kind"] == "group":
            cand = alts_triggers(nd["alts"])
        elif nd["kind"] == "lex" and nd["words"]:
            cand = list(nd["words"])
        if not cand:
            continue
        shortest = min(len(w) for w in cand)
        if best is None or shortest > best[0] or (shortest == best[0] and len(cand) < len(best[1])):
            best = (shortest, cand)
    return None if best is None else best[1]


def alts_triggers(alts):
    out = []
    for seq in alts:
        t = seq_triggers(seq)
        if not t:
            return None
        for w in t:
            if w not in out:
                out.append(w)
    return out


def rule_patterns(rules_dir):
    files = sorted(glob.glob(os.path.join(rules_dir, "**", "*.rules"), recursive=True))
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("pattern:"):
                    yield path, line[len("pattern:"):].strip()


def from_rules(rules_dir):
    lexdir = os.path.join(rules_dir, "lexicon")
    words, n_pat, n_free = [], 0, 0
    for _path, pat in rule_patterns(rules_dir):
        n_pat += 1
        t = alts_triggers(Parser(pat, lexdir).alts())
        if not t:
            n_free += 1
            continue
        words.extend(t)
    print("extract_triggers: %d patterns, %d without a required literal (run on every sentence)"
          % (n_pat, n_free), file=sys.stderr)
    return words


def from_relx(relx):
    try:
        p = subprocess.run([relx, "rules", "--triggers"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if p.returncode != 0 or not p.stdout.strip():
        return None
    # one trigger a line; tolerate extra tab-separated columns
    words = [line.split("\t")[0].strip() for line in p.stdout.splitlines() if line.strip()]
    print("extract_triggers: %d triggers from `%s rules --triggers`" % (len(words), relx),
          file=sys.stderr)
    return words


def opencc(words, config):
    if not shutil.which("opencc"):
        return None
    p = subprocess.run(["opencc", "-c", config], input="\n".join(words) + "\n",
                       capture_output=True, text=True)
    out = p.stdout.split("\n")
    if p.returncode != 0 or len(out) < len(words):
        return None
    return out[:len(words)]


def variants(words):
    words = [w for w in dict.fromkeys(words) if w]
    forms = list(words)
    cjk = [w for w in words if not w.isascii()]
    simp = opencc(cjk, "t2s.json")
    trad = opencc(cjk, "s2t.json")
    tw = opencc(cjk, "s2tw.json")
    if simp is None or trad is None:
        print("extract_triggers: opencc not found; Chinese triggers only as written "
              "(apt-get install opencc for both scripts)", file=sys.stderr)
    else:
        forms += simp + trad + (tw or [])
        forms += opencc(simp, "s2t.json") or []
    for w in words:
        if len(w) == 1 and w.isascii() and not w.isalnum() and "!" <= w <= "~":
            forms.append(chr(ord(w) + 0xFEE0))  # relx folds full-width punctuation
        if w.isascii() and w[:1].isalpha():
            forms.append(w[0].upper() + w[1:])
            forms.append(w.lower())
    return [w for w in dict.fromkeys(forms) if w.strip()]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="trigger words of the relx rule pack")
    ap.add_argument("--rules", default=os.path.join(here, "..", "rules"))
    ap.add_argument("--relx", help="relx binary; its `rules --triggers` is preferred when present")
    ap.add_argument("--source", action="store_true", help="print where the triggers came from")
    args = ap.parse_args()
    words = from_relx(args.relx) if args.relx else None
    source = "relx rules --triggers"
    if words is None:
        words = from_rules(args.rules)
        source = "rule files (" + os.path.normpath(args.rules) + ")"
    out = variants(words)
    print("extract_triggers: %d distinct triggers, %d forms written (source: %s)"
          % (len(dict.fromkeys(words)), len(out), source), file=sys.stderr)
    sys.stdout.write("".join(w + "\n" for w in out))


if __name__ == "__main__":
    main()
