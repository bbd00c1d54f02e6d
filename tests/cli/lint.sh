#!/bin/sh
# lint.sh: tests of `parley lint`. The default dictionaries in data/ must
# lint clean; the small bad dictionaries in tests/cli/lint/ hold one of each
# problem the linter knows, and its report must be exactly
# tests/cli/lint/expected.txt. Also checks --help and a usage error.
#
#   PARLEY=build/parley tests/cli/lint.sh
set -u
cd "$(dirname "$0")/../.." || exit 2
PARLEY=${PARLEY:-build/parley}
T=$(mktemp -d "${TMPDIR:-/tmp}/parley-lint.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
fail=0
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# 1. the default dictionaries are clean
PARLEY_DATA=data "$PARLEY" lint >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 0 ] || bad "default dictionaries: exit $rc, expected 0"
[ -s "$T/err" ] && { bad "default dictionaries have findings:"; head -n 20 "$T/err"; }

# 2. the same files named one by one, kinds given
"$PARLEY" lint --dict actors:data/countries.txt --dict actors:data/regions.txt \
    --dict actors:data/groups.txt --dict actors:data/people.txt \
    --dict agents:data/agents.txt --dict data/verbs.txt --dict data/discards.txt \
    >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 0 ] || { bad "data/ with --dict: exit $rc, expected 0"; head -n 20 "$T/err"; }

# 3. every problem reported, exactly
L=tests/cli/lint
"$PARLEY" lint --dict $L/bad.verbs.txt --dict $L/bad.actors.txt \
    --dict $L/bad.agents.txt --dict $L/bad.discards.txt >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 1 ] || bad "bad dictionaries: exit $rc, expected 1"
diff -u $L/expected.txt "$T/err" >"$T/diff" || { bad "bad dictionaries: report differs"; cat "$T/diff"; }

# 4. help and usage
"$PARLEY" lint --help >"$T/out" 2>"$T/err" || bad "lint --help: nonzero exit"
grep -q '^Usage: parley lint' "$T/out" || bad "lint --help: no usage text on stdout"
"$PARLEY" lint stray >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 2 ] || bad "lint with an operand: exit $rc, expected 2"
"$PARLEY" lint --dict $L/does-not-exist.txt >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 1 ] || bad "missing file: exit $rc, expected 1"
grep -q 'does-not-exist.txt: cannot read dictionary' "$T/err" || bad "missing file: no message"

if [ "$fail" -eq 0 ]; then
    echo "lint.sh: all passed"
    exit 0
fi
echo "lint.sh: $fail failed"
exit 1
