# test_docs.sh: every example of docs/rules.md runs.
#   - every ```rules block is a complete rule file: `relx check` must accept it and
#     (outside the tutorial, whose drafts fail on purpose) `relx test` must pass its
#     examples (with the built-in lexicons, without the built-in rules);
#   - the tutorial is replayed in a scratch folder: a block preceded by
#     <!-- file: NAME --> is saved as NAME; in a ```console block, "$ relx ..."
#     is run (stdout and stderr) and must print the lines below it, where a line
#     "..." stands for any number of lines and a line "... TEXT" for one line
#     ending in TEXT; in a ```sh block, every line starting
#     with "relx " is run and must not fail with a usage or rule error (exit 2).
# Run as: bash test_docs.sh RELX SRCDIR
set -u
RELX=${1:?usage: test_docs.sh PATH_TO_RELX SOURCE_DIR}
SRC=${2:?usage: test_docs.sh PATH_TO_RELX SOURCE_DIR}
case $RELX in /*) ;; *) RELX=$PWD/$RELX ;; esac
case $SRC in /*) ;; *) SRC=$PWD/$SRC ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/relx-docs.XXXXXX")
trap 'rm -rf "$T"' EXIT
mkdir "$T/bin" "$T/blocks" "$T/tutorial"
ln -s "$RELX" "$T/bin/relx"

python3 - "$SRC/docs/rules.md" "$T" "$SRC" <<'PY'
import os, re, subprocess, sys

md, tmp, src = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(md, encoding="utf-8").read()
env = dict(os.environ, PATH=os.path.join(tmp, "bin") + ":" + os.environ["PATH"], NO_COLOR="1")
passed = failed = 0

def ok():
    global passed
    passed += 1

def bad(msg):
    global failed
    failed += 1
    print("FAIL: " + msg)

# fenced blocks with their line number, language and the line before them
lines = text.split("\n")
blocks = []
i = 0
while i < len(lines):
    m = re.match(r"^```(\w*)\s*$", lines[i])
    if m:
        start = i
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        prev = next((lines[k] for k in range(start - 1, -1, -1) if lines[k].strip()), "")
        blocks.append((start + 1, m.group(1), "\n".join(lines[start + 1:j]) + "\n", prev))
        i = j + 1
        continue
    i += 1

tut_end = text.index("\n## Reference") if "\n## Reference" in text else len(text)
tut_end_line = text[:tut_end].count("\n") + 1

# 1. every rules block checks and tests (the tutorial's drafts are meant to fail
# their examples: they are tested where the tutorial runs `relx test`)
for n, (line, lang, body, prev) in enumerate(blocks):
    if lang != "rules":
        continue
    tutorial = line <= tut_end_line
    f = os.path.join(tmp, "blocks", "block%d.rules" % n)
    open(f, "w", encoding="utf-8").write(body)
    base = ["relx", "--no-default-rules", "--rules", os.path.join(src, "rules/lexicon"), "--rules", f]
    r = subprocess.run([base[0], "check"] + base[1:], env=env, capture_output=True, text=True)
    # relx check also runs the examples: a tutorial draft may fail those, but
    # it must compile (no "error:" diagnostics)
    draft_ok = tutorial and r.returncode == 2 and "error:" not in r.stderr
    if r.returncode != 0 and not draft_ok:
        bad("docs/rules.md:%d: relx check: %s" % (line, r.stderr.strip()))
    else:
        ok()
    if tutorial:
        continue
    r = subprocess.run([base[0], "test"] + base[1:], env=env, capture_output=True, text=True)
    if r.returncode != 0:
        bad("docs/rules.md:%d: relx test:\n%s" % (line, r.stdout.rstrip()))
    else:
        ok()

# 2. the tutorial, replayed in order
def match(expected, actual):
    """expected lines against actual lines; a line '...' matches any run of lines"""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(match(expected[1:], actual[k:]) for k in range(len(actual) + 1))
    if expected[0].startswith("... "):  # the end of a line
        same = bool(actual) and actual[0].endswith(expected[0][4:])
    else:
        same = bool(actual) and actual[0] == expected[0]
    return same and match(expected[1:], actual[1:])

cwd = os.path.join(tmp, "tutorial")
ran = 0
for line, lang, body, prev in blocks:
    if line > tut_end_line:
        break
    m = re.match(r"^<!--\s*file:\s*(\S+)\s*-->$", prev.strip())
    if m:
        open(os.path.join(cwd, m.group(1)), "w", encoding="utf-8").write(body)
        continue
    if lang == "console":
        cmds = []
        for l in body.rstrip("\n").split("\n"):
            if l.startswith("$ "):
                cmds.append([l[2:], []])
            elif cmds:
                cmds[-1][1].append(l)
        for cmd, want in cmds:
            ran += 1
            r = subprocess.run(["bash", "-c", cmd + " 2>&1"], cwd=cwd, env=env, capture_output=True,
                               text=True)
            got = r.stdout.rstrip("\n").split("\n") if r.stdout.strip() else []
            while want and want[-1] == "":
                want.pop()
            failing_example = any("example failed" in w for w in want)
            if (r.returncode == 2 and not failing_example) or not match(want, got):
                bad("docs/rules.md:%d: $ %s (exit %d)\n--- expected\n%s\n--- got\n%s" %
                    (line, cmd, r.returncode, "\n".join(want), "\n".join(got)))
            else:
                ok()
    elif lang == "sh":
        for l in body.split("\n"):
            if not l.startswith("relx "):
                continue
            ran += 1
            r = subprocess.run(["bash", "-c", l], cwd=cwd, env=env, capture_output=True, text=True)
            if r.returncode not in (0, 1):
                bad("docs/rules.md:%d: %s: exit %d\n%s" % (line, l, r.returncode, r.stderr))
            else:
                ok()
if ran < 8:
    bad("the tutorial has only %d runnable commands" % ran)
else:
    ok()
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
