#!/bin/sh
# conformance.sh: PETRARCH's own unit-test suite
# ($SHARED/peers/petrarch2/validation/PETR.UnitTest.records.xml) through
# `parley validate`. Fails when a record fails that is not listed in
# tests/conformance/known-failures.txt, and when a listed record passes
# (so the list stays true). Records the file itself leaves out (<Include>,
# valid="true"/sentence="true", parse-error records) are skipped by
# parley validate and reported as such. Skips with a message when $SHARED
# is absent.
#
#   PARLEY=build/parley SHARED=../shared tests/cli/conformance.sh
set -u
cd "$(dirname "$0")/../.." || exit 2
PARLEY=${PARLEY:-build/parley}
SHARED=${SHARED:-../shared}
FILE=$SHARED/peers/petrarch2/validation/PETR.UnitTest.records.xml
KNOWN=${KNOWN:-tests/conformance/known-failures.txt}
T=$(mktemp -d "${TMPDIR:-/tmp}/parley-conf.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

# PETRARCH's record selection (<Include>, <Exclude>, valid, <Skip>,
# <Stop>, parse-error records) on a small file; needs nothing from $SHARED.
"$PARLEY" validate --verbose --dict-dir tests/spec/dict tests/conformance/selection.xml \
    >"$T/sel" 2>&1
rc=$?
if [ "$rc" -ne 0 ] || ! grep -q -x '1 passed, 0 failed, 5 skipped' "$T/sel" ||
    grep -q 'A-4' "$T/sel"; then
    echo "FAIL: record selection (tests/conformance/selection.xml), exit $rc:"
    sed 's/^/    /' "$T/sel"
    exit 1
fi
"$PARLEY" validate --all --dict-dir tests/spec/dict tests/conformance/selection.xml \
    >"$T/sel" 2>&1
if ! grep -q -x '1 passed, 5 failed, 1 skipped' "$T/sel"; then
    echo "FAIL: validate --all should run every record but the parse-error one:"
    sed 's/^/    /' "$T/sel"
    exit 1
fi

if [ ! -f "$FILE" ]; then
    echo "skipped: conformance test ($FILE not found)"
    exit 0
fi

"$PARLEY" validate --verbose "$FILE" >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    echo "FAIL: parley validate exited $rc"
    sed 's/^/    /' "$T/err" | head -n 10
    exit 1
fi
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$T/out" | tail -n 1)
if [ -z "$summary" ]; then
    echo "FAIL: parley validate printed no summary line"
    tail -n 20 "$T/out"
    exit 1
fi

# Ids: the first word of each non-comment line of the list.
sed 's/#.*//' "$KNOWN" | awk 'NF { print $1 }' | sort -u >"$T/known"
awk '$1 == "FAIL" { print $2 }' "$T/out" | sort -u >"$T/failed"
awk '$1 == "ok" { print $2 }' "$T/out" | sort -u >"$T/passed"

bad=0
for id in $(comm -23 "$T/failed" "$T/known"); do
    echo "FAIL: $id fails and is not in $KNOWN:"
    awk -v id="$id" '$1 == "FAIL" && $2 == id { p = 1; print "    " $0; next }
                     p && /^  / { print "    " $0; next } { p = 0 }' "$T/out"
    bad=$((bad + 1))
done
for id in $(comm -12 "$T/passed" "$T/known"); do
    echo "FAIL: $id now passes: remove it from $KNOWN"
    bad=$((bad + 1))
done
for id in $(comm -23 "$T/known" "$T/failed"); do
    grep -q -x -F "$id" "$T/passed" ||
        echo "note: $id is listed in $KNOWN but was not run (skipped or absent)"
done

# The per-category table, then the suite's own line.
sed -n '/^category /,/^[0-9]* passed/p' "$T/out" | sed '$d'
echo "$summary"
nk=$(comm -12 "$T/failed" "$T/known" | wc -l | tr -d ' ')
if [ "$bad" -eq 0 ]; then
    echo "conformance: ok ($nk known failures, none new)"
    exit 0
fi
echo "conformance: $bad problem(s)"
exit 1
