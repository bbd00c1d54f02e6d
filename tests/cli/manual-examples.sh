#!/bin/sh
# manual-examples.sh: the default dictionaries against the example leads of
# the CAMEO manual 1.1b3 ($SHARED/reference/CAMEO.Manual.1.1b3.md), read at
# test time by tools/manual-examples.py (the manual is not in the repo).
# Each example is coded with build/default.dict; it is right at the root
# when one of its events has the root of the code it illustrates. The
# examples carry no date (weekdays only), so all get 20050101, within the
# period the manual's leads come from. Prints the table per root and fails
# when the overall root share drops under MIN_ROOT (just under the share
# measured when the dictionaries were last tuned; docs/evaluation.md).
#
#   PARLEY=build/parley SHARED=../shared tests/cli/manual-examples.sh
set -u
cd "$(dirname "$0")/../.." || exit 2
PARLEY=${PARLEY:-build/parley}
SHARED=${SHARED:-../shared}
MIN_ROOT=70
MANUAL=$SHARED/reference/CAMEO.Manual.1.1b3.md
if [ ! -f "$MANUAL" ]; then
    echo "manual-examples.sh: SKIP: $MANUAL not found (set SHARED)"
    exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "manual-examples.sh: SKIP: python3 not found"
    exit 0
fi
DICT=$(dirname "$PARLEY")/default.dict
if [ ! -f "$DICT" ]; then
    echo "manual-examples.sh: FAIL: $DICT not built (make)"
    exit 1
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/parley-manual.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

python3 tools/manual-examples.py extract "$MANUAL" 20050101 >"$T/examples.jsonl" || {
    echo "manual-examples.sh: FAIL: cannot extract the examples"; exit 1; }
"$PARLEY" code --dict "$DICT" --format tsv "$T/examples.jsonl" >"$T/events.tsv" || {
    echo "manual-examples.sh: FAIL: parley code exited $?"; exit 1; }
if python3 tools/manual-examples.py score "$T/examples.jsonl" "$T/events.tsv" "$MIN_ROOT"; then
    echo "manual-examples.sh: all passed"
    exit 0
fi
echo "manual-examples.sh: 1 failed"
exit 1
