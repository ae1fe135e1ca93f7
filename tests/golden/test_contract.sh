#!/usr/bin/env bash
# Every output line of `relx extract` over the samples and the golden inputs
# follows the contract of docs/output.md, offsets included.
# Usage: test_contract.sh RELX SOURCE_DIR
set -u
relx=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
files=("$src"/samples/*.txt "$src"/tests/golden/*.txt)
"$relx" extract "${files[@]}" > "$tmp/out.jsonl"
status=$?
if [ $status -ne 0 ]; then echo "relx exited $status"; echo "0 passed, 1 failed"; exit 1; fi
if python3 "$src/tests/golden/check_contract.py" "$tmp/out.jsonl" "${files[@]}"; then
  echo "1 passed, 0 failed"
else
  echo "0 passed, 1 failed"; exit 1
fi
