#!/bin/sh
# default-dict.sh: clear sentences coded with the default dictionaries
# (build/default.dict, compiled from data/ by make), each expected triple
# checked, and nothing else coded. The first is the seed article's headline
# (../shared/data/news/seed-article), a title-case headline that must code
# USA <-> Hamas consult/negotiate (046, root 04). The others cover an attack,
# a reciprocal agreement, an appeal, a complaint, an ultimatum, shelling, a
# ban, an intent in the future tense, a date-restricted person (Kofi Annan,
# UN Secretary-General 1997-2006), a negated agreement (no event) and "car"
# (not the Central African Republic: no event); then argument structure: a
# passive whose subject sits in an earlier clause (no event: the court's
# convict is no actor, and Pakistan in the opening phrase is no source),
# an adverbial phrase before the subject (no event), a verb's coded object
# before a pattern's preposition (Iran, not Denmark), an event noun after
# DESPITE (no event) and a subordinate clause with its own subject (Turkey
# invades, not the Syrian government), and an event noun that is the object
# of a negated verb (no event), and police in a capital (the country's
# police, not its government's), and a source after "according to" (no
# event: The Washington Post is the press, and no source of the warning),
# "a full and open investigation" (a noun: no investigation by Ukraine), and
# a passive whose agent after BY is no actor (no event: the soldiers are
# the victims, not the source), and a possessive pronoun's own troops (not
# Lebanon's: the target is Lebanon).
#
#   PARLEY=build/parley tests/cli/default-dict.sh
set -u
cd "$(dirname "$0")/../.." || exit 2
PARLEY=${PARLEY:-build/parley}
DICT=$(dirname "$PARLEY")/default.dict
D=tests/cli/default-dict
T=$(mktemp -d "${TMPDIR:-/tmp}/parley-defdict.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
fail=0
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

if [ ! -f "$DICT" ]; then
    echo "default-dict.sh: FAIL: $DICT not built (make)"
    exit 1
fi
"$PARLEY" code --dict "$DICT" --format tsv $D/input.jsonl >"$T/out.tsv" 2>"$T/err"
rc=$?
[ "$rc" -eq 0 ] || { bad "parley code: exit $rc"; cat "$T/err"; }
# doc, source, target, code: the columns that say who did what to whom
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { print $col["doc"] "\t" $col["source"] "\t" $col["target"] "\t" $col["code"] }' \
    "$T/out.tsv" >"$T/got.tsv"
diff -u $D/expected.tsv "$T/got.tsv" >"$T/diff" || { bad "events differ from $D/expected.tsv"; cat "$T/diff"; }

# the headline's root and part, from the full row
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $col["doc"] == "seed" { print $col["part"], $col["root"] }' "$T/out.tsv" | sort -u >"$T/seed"
[ "$(cat "$T/seed")" = "headline 04" ] || bad "seed headline: got '$(cat "$T/seed")', expected 'headline 04'"

if [ "$fail" -eq 0 ]; then
    echo "default-dict.sh: all passed"
    exit 0
fi
echo "default-dict.sh: $fail failed"
exit 1
