#!/bin/sh
# gdelt.sh: `parley code --format gdelt --mentions FILE`: every row of the
# event export and the mentions table read with Python's csv module under
# GDELT's 61 and 16 column names and checked for types and code formats
# (tests/cli/gdelt_check.py); the same corpus coded twice gives identical
# bytes; one event reported in many articles is one row with its counts;
# GLOBALEVENTID follows the derivation in docs/store.md. With ../shared it
# also codes Wikinews articles with the Phoenix dictionaries and checks
# every row of that.
#
#   PARLEY=build/parley SHARED=../shared tests/cli/gdelt.sh
set -u
cd "$(dirname "$0")/../.." || exit 2
PARLEY=${PARLEY:-build/parley}
SHARED=${SHARED:-../shared}
case $PARLEY in /*) ;; *) PARLEY=$(pwd)/$PARLEY ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/parley-gdelt.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() {
    fail=$((fail + 1))
    echo "FAIL: $*"
}
if ! command -v python3 >/dev/null 2>&1; then
    echo "gdelt tests: skipped: python3 not found"
    exit 0
fi

D=tests/cli/dict
DICTS="--dict verbs:$D/test.verbs.txt --dict actors:$D/test.actors.txt --dict agents:$D/test.agents.txt"
EX=examples/articles.jsonl
FMT=$SHARED/data/gdelt-format
CHECK="python3 tests/cli/gdelt_check.py"

# check NAME EVENTS MENTIONS: the csv-module check of every row.
check() {
    if $CHECK "$2" "$3" data/cameo "$FMT" >"$T/check.out" 2>&1; then
        ok
    else
        bad "$1: rows do not check:"
        sed 's/^/    /' "$T/check.out" | head -n 20
    fi
}

# ---- the examples: every row, twice the same bytes ---------------------------
if "$PARLEY" code $DICTS --format gdelt --mentions "$T/m1.tsv" "$EX" >"$T/e1.tsv" 2>"$T/err"; then ok; else
    bad "code --format gdelt failed: $(head -n 3 "$T/err")"; fi
check examples "$T/e1.tsv" "$T/m1.tsv"
if [ -s "$T/e1.tsv" ] && [ -s "$T/m1.tsv" ]; then ok; else bad "examples: no events or no mentions"; fi
"$PARLEY" code $DICTS --format gdelt --mentions "$T/m2.tsv" "$EX" >"$T/e2.tsv" 2>/dev/null
if cmp -s "$T/e1.tsv" "$T/e2.tsv" && cmp -s "$T/m1.tsv" "$T/m2.tsv"; then ok; else
    bad "coding twice gave different bytes"; fi
# The order of the input does not change the rows (ids come from identity).
sort -r "$EX" >"$T/reversed.jsonl"
"$PARLEY" code $DICTS --format gdelt --mentions "$T/m3.tsv" "$T/reversed.jsonl" >"$T/e3.tsv" 2>/dev/null
if cmp -s "$T/e1.tsv" "$T/e3.tsv" && cmp -s "$T/m1.tsv" "$T/m3.tsv"; then ok; else
    bad "input order changed the GDELT output"
    diff "$T/e1.tsv" "$T/e3.tsv" | head -n 6
fi
# Without --mentions, the same event file.
"$PARLEY" code $DICTS --format gdelt "$EX" >"$T/e4.tsv" 2>/dev/null
if cmp -s "$T/e1.tsv" "$T/e4.tsv"; then ok; else bad "--mentions changed the event file"; fi
# Events = distinct (date, source, target, code) of the JSONL output.
"$PARLEY" code $DICTS "$EX" >"$T/ex.jsonl" 2>/dev/null
want=$(python3 -c '
import json, sys
print(len({(e["date"], e["source"], e["target"], e["code"]) for e in map(json.loads, open(sys.argv[1]))}))
' "$T/ex.jsonl")
got=$(wc -l <"$T/e1.tsv" | tr -d ' ')
if [ "$want" = "$got" ]; then ok; else bad "examples: $got event rows, expected $want distinct events"; fi
ments=$(wc -l <"$T/m1.tsv" | tr -d ' ')
if [ "$ments" = "$(wc -l <"$T/ex.jsonl" | tr -d ' ')" ]; then ok; else
    bad "examples: $ments mention rows, expected one per JSONL event"; fi

# ---- one event, many articles -------------------------------------------------
{
    echo '{"id":"k1","date":"2025-04-02","text":"Kenya signed a trade agreement with Ethiopia.","url":"https://www.alpha.example/a"}'
    echo '{"id":"k2","date":"2025-04-02","text":"Kenya signed a trade agreement with Ethiopia. Kenya signed a trade agreement with Ethiopia on Wednesday.","url":"https://alpha.example/b"}'
    echo '{"id":"k3","date":"2025-04-02","title":"Kenya Signs Trade Agreement With Ethiopia","text":"Officials met in Nairobi. Kenya signed a trade agreement with Ethiopia.","url":"https://beta.example/c"}'
    echo '{"id":"k4","date":"2025-04-03","text":"Kenya signed a trade agreement with Ethiopia."}'
} >"$T/same.jsonl"
"$PARLEY" code $DICTS --format gdelt --mentions "$T/sm.tsv" "$T/same.jsonl" >"$T/se.tsv" 2>"$T/err"
check "one event" "$T/se.tsv" "$T/sm.tsv"
# Columns: 2 SQLDATE, 6 Actor1Code, 16 Actor2Code, 26 IsRootEvent, 27 EventCode,
# 32-34 NumMentions NumSources NumArticles, 61 SOURCEURL. NumMentions is
# the number of such events in the JSONL output (at least k1 one, k2 two).
"$PARLEY" code $DICTS "$T/same.jsonl" >"$T/same.out" 2>/dev/null
n=$(grep '"date":"20250402"' "$T/same.out" | grep -c '"source":"KEN","target":"ETH","code":"057"')
row=$(awk -F '\t' '$2 == "20250402" && $6 == "KEN" && $16 == "ETH" && $27 == "057" {
    print $26, $32, $33, $34, $61 }' "$T/se.tsv")
if [ "$n" -ge 4 ] && [ "$row" = "1 $n 2 3 https://www.alpha.example/a" ]; then ok; else
    bad "one event in three articles: got '$row', expected '1 $n 2 3 https://www.alpha.example/a'"
    cat "$T/se.tsv" | cut -f 1-6,16,26-34,61
fi
row=$(awk -F '\t' '$2 == "20250403" && $6 == "KEN" { print $32, $33, $34, $61 }' "$T/se.tsv")
if [ "$row" = "1 1 1 k4" ]; then ok; else bad "another day is another event: got '$row'"; fi
# Mention rows: source names (host, "www." dropped), sentence ids, type 2 without url.
if awk -F '\t' '$6 == "https://www.alpha.example/a" && $5 == "alpha.example" && $4 == 1 && $7 == 1 { f = 1 }
        END { exit !f }' "$T/sm.tsv"; then ok; else bad "mention row of k1 wrong"; cat "$T/sm.tsv"; fi
if awk -F '\t' '$6 == "k4" && $4 == 2 && $5 == "" { f = 1 } END { exit !f }' "$T/sm.tsv"; then ok; else
    bad "a document without url is a citation-only mention"; fi
if [ "$(awk -F '\t' '$6 == "https://alpha.example/b"' "$T/sm.tsv" | wc -l | tr -d ' ')" = 2 ]; then ok; else
    bad "two sentences of one article: two mentions"; fi

# A document id seen again replaces the earlier one (as the store does).
{ cat "$T/same.jsonl"; sed -n 1p "$T/same.jsonl"; } >"$T/again.jsonl"
"$PARLEY" code $DICTS --format gdelt --mentions "$T/am.tsv" "$T/again.jsonl" >"$T/ae.tsv" 2>/dev/null
if cmp -s "$T/ae.tsv" "$T/se.tsv" && cmp -s "$T/am.tsv" "$T/sm.tsv"; then ok; else
    bad "a repeated document was counted twice"; fi

# ---- GLOBALEVENTID: the documented derivation -----------------------------------
want=$(python3 -c '
M = (1 << 64) - 1
h = 0xcbf29ce484222325
for b in "20250402\tKEN\tETH\t057\t".encode():
    h = ((h ^ b) * 0x100000001b3) & M
h ^= h >> 30; h = (h * 0xbf58476d1ce4e5b9) & M
h ^= h >> 27; h = (h * 0x94d049bb133111eb) & M
h ^= h >> 31
print((h & ((1 << 53) - 1)) or 1)')
got=$(awk -F '\t' '$2 == "20250402" && $6 == "KEN" && $16 == "ETH" && $27 == "057" { print $1 }' "$T/se.tsv")
if [ "$want" = "$got" ]; then ok; else bad "GLOBALEVENTID $got, docs/store.md derivation gives $want"; fi

# ---- usage ----------------------------------------------------------------------
"$PARLEY" code $DICTS --mentions "$T/x.tsv" "$EX" >/dev/null 2>"$T/err"
if [ $? -eq 2 ] && grep -q 'needs --format gdelt' "$T/err"; then ok; else bad "--mentions without gdelt not refused"; fi
"$PARLEY" code $DICTS --format gdelt --mentions "$T/no/such/dir/m.tsv" "$EX" >/dev/null 2>"$T/err"
if [ $? -eq 4 ]; then ok; else bad "unwritable --mentions file: not exit 4"; fi

# ---- real articles with the Phoenix dictionaries ----------------------------------
P=$SHARED/peers/petrarch2/dictionaries
N=$SHARED/data/news/wikinews-vanatteveldt
if [ -f "$P/CAMEO.verbpatterns.150430.txt" ] && [ -f "$N/wikinews_2019.csv" ]; then
    "$PARLEY" compile -o "$T/phoenix.dict" --dict "verbs:$P/CAMEO.verbpatterns.150430.txt" \
        --dict "actors:$P/Phoenix.Countries.actors.txt" \
        --dict "actors:$P/Phoenix.International.actors.txt" \
        --dict "actors:$P/Phoenix.MilNonState.actors.txt" \
        --dict "agents:$P/Phoenix.agents.txt" --dict "discards:$P/Phoenix.discards.txt" \
        >/dev/null 2>&1
    python3 tools/csv2jsonl.py "$N/wikinews_2019.csv" | head -n 400 >"$T/wiki.jsonl"
    "$PARLEY" code --dict "$T/phoenix.dict" --format gdelt --mentions "$T/wm.tsv" \
        "$T/wiki.jsonl" >"$T/we.tsv" 2>/dev/null
    check "wikinews" "$T/we.tsv" "$T/wm.tsv"
    if [ "$(wc -l <"$T/we.tsv")" -gt 50 ]; then ok; else bad "wikinews: few events ($(wc -l <"$T/we.tsv"))"; fi
    "$PARLEY" code --dict "$T/phoenix.dict" --format gdelt --mentions "$T/wm2.tsv" \
        "$T/wiki.jsonl" >"$T/we2.tsv" 2>/dev/null
    if cmp -s "$T/we.tsv" "$T/we2.tsv" && cmp -s "$T/wm.tsv" "$T/wm2.tsv"; then ok; else
        bad "wikinews coded twice gave different bytes"; fi
else
    echo "skipped: Wikinews GDELT check ($P or $N not found)"
fi

echo "gdelt tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
