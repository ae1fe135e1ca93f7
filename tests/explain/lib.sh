# lib.sh: shared by tests/explain/test_*.sh. Sourced after RELX and SRC are set.
# golden NAME FILE: compare FILE with tests/explain/golden/NAME; with
# RELX_UPDATE_GOLDEN=1 in the environment, write it instead.
T=$(mktemp -d "${TMPDIR:-/tmp}/relx-explain.XXXXXX")
trap 'rm -rf "$T"' EXIT
PASS=0 FAIL=0
ok() { PASS=$((PASS + 1)); }
bad() { FAIL=$((FAIL + 1)); echo "FAIL: $*"; }
check() { local name=$1; shift; if "$@"; then ok; else bad "$name"; fi; }
golden() {
    local want=$SRC/tests/explain/golden/$1
    if [ "${RELX_UPDATE_GOLDEN:-}" = 1 ]; then cp "$2" "$want"; ok; return; fi
    if diff -u "$want" "$2" > "$T/golden.diff"; then ok; else bad "golden $1"; cat "$T/golden.diff"; fi
}
finish() { echo "$PASS passed, $FAIL failed"; [ "$FAIL" -eq 0 ]; }
