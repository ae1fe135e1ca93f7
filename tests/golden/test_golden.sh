#!/usr/bin/env bash
# Golden-file tests: for every tests/golden/NAME.txt, `relx extract` (with the
# options in NAME.args, if any) must print exactly NAME.expected.jsonl.
# Usage: test_golden.sh RELX SOURCE_DIR     (REGEN=1 rewrites the expected files)
set -u
relx=$1; src=$2
dir="$src/tests/golden"
pass=0; fail=0
for txt in "$dir"/*.txt; do
  name=$(basename "$txt" .txt)
  args=()
  [ -f "$dir/$name.args" ] && read -r -a args < "$dir/$name.args"
  actual=$(cd "$dir" && "$relx" extract "${args[@]}" "$name.txt" 2>&1)
  if [ "${REGEN:-0}" = 1 ]; then
    printf '%s\n' "$actual" > "$dir/$name.expected.jsonl"
  fi
  if [ "$actual" = "$(cat "$dir/$name.expected.jsonl" 2>/dev/null)" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL golden $name"
    diff <(printf '%s\n' "$actual" | python3 -m json.tool --no-ensure-ascii 2>/dev/null || printf '%s\n' "$actual") \
         <(python3 -m json.tool --no-ensure-ascii "$dir/$name.expected.jsonl" 2>/dev/null || cat "$dir/$name.expected.jsonl") | head -40
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
