#!/usr/bin/env python3
"""report.py: turn the measurements of bench/run.sh into the results table.

    python3 bench/report.py MEASUREMENTS.tsv

Input: one line per run, tab-separated: tool, repetition, bytes read, wall
seconds, peak RSS in KiB, exit status. Output: per tool the median seconds,
MB/s (MB = 10^6 bytes; a tool run on a prefix is scaled by the prefix's size),
the largest peak RSS over its repetitions, then the ratios and the thresholds
of the requirement. A tool missing from the file (relx not built yet) is
printed as "pending" and its ratios and checks as "n/a".
"""
import statistics
import sys

ORDER = [
    ("rg-F", "rg -c -F -f triggers.txt (scan floor)"),
    ("rg-F-all", "rg -c -F --count-matches -f triggers.txt (every hit)"),
    ("rg-P", "rg -P -c -f rg_p_rules.txt (5 name-led regexes, one run)"),
    ("relx-j1", "relx extract --input-format jsonl -j 1 -"),
    ("relx-j2", "relx extract --input-format jsonl -j 2 -"),
    ("python-re", "peer_re.py (Python re, 24 rules)"),
    ("jieba", "peer_jieba.py (jieba.posseg, HMM on)"),
    ("jieba-nohmm", "peer_jieba.py --no-hmm (jieba.posseg, HMM off)"),
    ("relx-j1-big", "relx -j 1 on the big corpus"),
    ("relx-j2-big", "relx -j 2 on the big corpus"),
]


def load(path):
    runs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 6 or parts[0].startswith("#"):
                continue
            tool, _rep, nbytes, secs, rss, status = parts[:6]
            runs.setdefault(tool, []).append((int(nbytes), float(secs), int(rss), int(status)))
    return runs


def summarise(runs):
    out = {}
    for tool, rs in runs.items():
        nbytes = rs[0][0]
        secs = statistics.median(r[1] for r in rs)
        out[tool] = {
            "mb": nbytes / 1e6,
            "secs": secs,
            "mbps": nbytes / 1e6 / secs if secs > 0 else float("inf"),
            "rss": max(r[2] for r in rs) / 1024.0,
            "n": len(rs),
            "failed": sum(1 for r in rs if r[3] != 0),
        }
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: report.py MEASUREMENTS.tsv")
    s = summarise(load(sys.argv[1]))
    print("%-12s %9s %9s %10s %12s %5s  %s" % ("tool", "MB", "seconds", "MB/s", "peak RSS MiB", "runs", "command"))
    for key, desc in ORDER:
        if key in s:
            r = s[key]
            note = "" if not r["failed"] else "  (%d run(s) exited non-zero)" % r["failed"]
            mbps = ("%10.2f" if r["mbps"] >= 1 else "%10.4f") % r["mbps"]
            print("%-12s %9.1f %9.3f %s %12.1f %5d  %s%s"
                  % (key, r["mb"], r["secs"], mbps, r["rss"], r["n"], desc, note))
        elif key.startswith("relx") and not key.endswith("big"):
            print("%-12s %9s %9s %10s %12s %5s  %s" % (key, "-", "-", "pending", "-", "-", desc))

    def ratio(a, b):
        if a in s and b in s and s[b]["mbps"] > 0:
            return s[a]["mbps"] / s[b]["mbps"]
        return None

    def fmt(x, pct=False):
        if x is None:
            return "n/a"
        return "%.1f%%" % (100 * x) if pct else "%.2fx" % x

    print()
    print("ratios (throughput, same run):")
    rows = [
        ("relx-j1 / rg-F", ratio("relx-j1", "rg-F"), True),
        ("relx-j1 / rg-F-all", ratio("relx-j1", "rg-F-all"), True),
        ("relx-j1 / rg-P", ratio("relx-j1", "rg-P"), False),
        ("relx-j1 / python-re", ratio("relx-j1", "python-re"), False),
        ("relx-j2 / relx-j1", ratio("relx-j2", "relx-j1"), False),
        ("relx-j1 / jieba", ratio("relx-j1", "jieba"), False),
        ("relx-j1 / jieba-nohmm", ratio("relx-j1", "jieba-nohmm"), False),
        ("python-re / rg-P", ratio("python-re", "rg-P"), False),
    ]
    for name, x, pct in rows:
        print("  %-24s %s" % (name, fmt(x, pct)))

    print()
    print("thresholds:")
    rss_tools = [t for t in ("relx-j1", "relx-j2", "relx-j1-big", "relx-j2-big") if t in s]
    rss_max = max((s[t]["rss"] for t in rss_tools), default=None)
    checks = [
        ("relx -j 1 >= 10% of rg -F", ratio("relx-j1", "rg-F"), 0.10),
        ("relx -j 1 >= 3x rg -P", ratio("relx-j1", "rg-P"), 3.0),
        ("relx -j 1 >= 20x python re", ratio("relx-j1", "python-re"), 20.0),
        ("relx -j 2 >= 1.7x relx -j 1", ratio("relx-j2", "relx-j1"), 1.7),
    ]
    for name, x, limit in checks:
        verdict = "n/a (relx pending)" if x is None else ("PASS" if x >= limit else "FAIL")
        print("  %-32s %-8s %s" % (name, fmt(x, limit < 1), verdict))
    if rss_max is None:
        print("  %-32s %-8s %s" % ("peak RSS < 64 MiB", "n/a", "n/a (relx pending)"))
    else:
        big = "relx-j1-big" in s or "relx-j2-big" in s
        print("  %-32s %-8s %s%s" % ("peak RSS < 64 MiB", "%.1f" % rss_max,
                                     "PASS" if rss_max < 64 else "FAIL",
                                     "" if big else " (big corpus not run: use --big)"))


if __name__ == "__main__":
    main()
