#!/bin/sh
# evidence.sh: evidence grading (docs/evidence.md) on the seed article,
# ../shared/data/news/seed-article/article.txt: its headline ("U.S. and
# Hamas Hold Direct Talks on Hostages in Gaza, Officials Say") codes
# USA <-> PSEREBHMS, root 04, but its body never names Hamas, so the
# headline event and the article must be graded `unsupported`.
#
# The article's first line is its headline; the test makes a JSONL record
# with that line as the title and the rest as the text (the text reader
# gives a document no title). It is coded with the default dictionaries
# and with the Phoenix dictionaries of ../shared/peers/petrarch2.
#
# Repeated sentences: read one by one, no body sentence of the article
# occurs twice, even ignoring case and punctuation. What it repeats is a
# template, and the near-duplicate rule (docs/evidence.md: a shared run of
# 8 words, a name counting as one word) counts 4 body sentences (numbered
# as parley numbers them, the headline being 1):
#   21 ~ 6   "the decision to engage in talks with designated terrorist
#            organizations" (10 words; 6: "The decision to engage ...
#            reflects", 21: "As the United States continues ..., the
#            decision to engage ... underscores")
#   23 ~ 6   the same 10 words ("In conclusion, the decision to engage ...
#            represents a significant shift in U.S. diplomatic policy.")
#   22 ~ 16  "the U.S. government is demonstrating a commitment to
#            pursuing" (9; 22 goes on "innovative approaches to addressing
#            global security threats")
#   25 ~ 16  "is demonstrating a commitment to pursuing diplomatic solutions
#            to complex geopolitical challenges" (12; "the United States"
#            in 25, "the U.S. government" in 16)
# They are still coded (only an event already coded from the sentence they
# repeat would be dropped). A control copy with one sentence really
# repeated counts 5, and with a sentence naming Hamas the headline becomes
# supported.
#
#   PARLEY=build/parley SHARED=../shared tests/cli/evidence.sh
set -u
cd "$(dirname "$0")/../.." || exit 2
PARLEY=${PARLEY:-build/parley}
SHARED=${SHARED:-../shared}
DEFAULT=$(dirname "$PARLEY")/default.dict
ART=$SHARED/data/news/seed-article/article.txt
PD=$SHARED/peers/petrarch2/dictionaries
T=$(mktemp -d "${TMPDIR:-/tmp}/parley-evidence.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
fail=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

if [ ! -f "$ART" ]; then
    echo "evidence.sh: skipped: $ART not found (the seed article lives in ../shared)"
    exit 0
fi
if [ ! -f "$DEFAULT" ]; then
    echo "evidence.sh: FAIL: $DEFAULT not built (make)"
    exit 1
fi

# tojsonl ID FILE: a JSONL record, title = the first line, text = the rest
# (JSON-escaped: backslash, quote, tab; lines joined with \n).
tojsonl() {
    awk -v id="$1" '
        function esc(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s);
                          gsub(/\t/, "\\t", s); gsub(/\r/, "", s); return s }
        NR == 1 { title = esc($0); next }
        { text = text (NR > 2 ? "\\n" : "") esc($0) }
        END { printf "{\"id\":\"%s\",\"date\":\"20250305\",\"title\":\"%s\",\"text\":\"%s\"}\n",
                     id, title, text }' "$2"
}
tojsonl seed "$ART" >"$T/seed.jsonl"

# cols FILE COL...: the named columns of a TSV output, tab-separated.
cols() {
    f=$1
    shift
    awk -F'\t' -v want="$*" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i;
                                       n = split(want, w, " "); next }
        { line = ""; for (k = 1; k <= n; k++) line = line (k > 1 ? "\t" : "") $col[w[k]];
          print line }' "$f"
}

# check NAME ARGS...: code the seed article with the given dictionary
# arguments and check the grading.
check() {
    name=$1
    shift
    "$PARLEY" code "$@" --format tsv --stats "$T/seed.jsonl" >"$T/$name.tsv" 2>"$T/$name.err"
    rc=$?
    [ "$rc" -eq 0 ] && ok || { bad "$name: parley code exit $rc"; cat "$T/$name.err"; return; }
    # the headline event: USA <-> Hamas, root 04, graded unsupported
    cols "$T/$name.tsv" part source target root support >"$T/$name.ev"
    if grep -q "^headline	USA	PSEREBHMS	04	unsupported\$" "$T/$name.ev" ||
       grep -q "^headline	PSEREBHMS	USA	04	unsupported\$" "$T/$name.ev"; then ok; else
        bad "$name: no unsupported headline USA<->PSEREBHMS 04 event; events:"
        cat "$T/$name.ev"
    fi
    # every headline event unsupported, every body event its own evidence
    awk -F'\t' '($1 == "headline" && $5 != "unsupported") || ($1 == "body" && $5 != "body")' \
        "$T/$name.ev" >"$T/$name.odd"
    [ -s "$T/$name.odd" ] && { bad "$name: unexpected support:"; cat "$T/$name.odd"; } || ok
    # the article: unsupported, 4 near-duplicate sentences (the top comment)
    cols "$T/$name.tsv" headline_support repeated | sort -u >"$T/$name.doc"
    [ "$(cat "$T/$name.doc")" = "unsupported	4" ] && ok ||
        bad "$name: article verdict/repeats: got '$(cat "$T/$name.doc")', expected 'unsupported	4'"
    grep -q "^parley: stats: headlines supported 0, actors only 0, unsupported 1\$" "$T/$name.err" &&
        ok || bad "$name: --stats verdict line: $(grep headlines "$T/$name.err")"
    grep -q "^parley: stats: repeated sentences 4\$" "$T/$name.err" && ok ||
        bad "$name: --stats repeated line: $(grep repeated "$T/$name.err")"
}

check default --dict "$DEFAULT"

# JSON Lines: "support" follows "part"; the article's fields follow "dict".
"$PARLEY" code --dict "$DEFAULT" "$T/seed.jsonl" >"$T/seed.out.jsonl" 2>"$T/err"
if grep '"sent":1,"part":"headline","support":"unsupported",' "$T/seed.out.jsonl" |
   grep -q '"source":"USA","target":"PSEREBHMS","code":"04[0-9]","root":"04".*,"headline_support":"unsupported","repeated":4[,}]'; then
    ok; else bad "jsonl: no headline USA>PSEREBHMS line graded unsupported"; cat "$T/seed.out.jsonl"; fi

if [ -d "$PD" ]; then
    check phoenix --dict "$PD/CAMEO.verbpatterns.150430.txt" \
        --dict "$PD/Phoenix.Countries.actors.txt" --dict "$PD/Phoenix.International.actors.txt" \
        --dict "$PD/Phoenix.MilNonState.actors.txt" --dict "$PD/Phoenix.agents.txt" \
        --dict "$PD/Phoenix.discards.txt" --date 20250305
else
    echo "evidence.sh: skipped the Phoenix run: $PD not found"
fi

# Controls, so the verdicts above are not constants: the same article (it
# ends without a newline) with
# its second paragraph's first sentence repeated (other case, other
# punctuation) and with a sentence that names Hamas.
{
    cat "$ART"
    printf '\n\nTHE DECISION TO ENGAGE IN TALKS WITH DESIGNATED TERRORIST ORGANIZATIONS REFLECTS A GROWING RECOGNITION OF THE NEED FOR DIALOGUE AND DIPLOMACY IN RESOLVING CONFLICTS AND PROMOTING PEACE!\n'
    printf '\nU.S. officials met Hamas negotiators in Doha on Tuesday.\n'
} >"$T/control.txt"
tojsonl control "$T/control.txt" >"$T/control.jsonl"
"$PARLEY" code --dict "$DEFAULT" --format tsv "$T/control.jsonl" >"$T/control.tsv" 2>"$T/err" ||
    bad "control: parley code failed: $(cat "$T/err")"
cols "$T/control.tsv" headline_support repeated | sort -u >"$T/control.doc"
[ "$(cat "$T/control.doc")" = "supported	5" ] && ok ||
    bad "control: article verdict/repeats: got '$(cat "$T/control.doc")', expected 'supported	5'"

if [ "$fail" -eq 0 ]; then
    echo "evidence.sh: all $pass passed"
    exit 0
fi
echo "evidence.sh: $fail failed ($pass passed)"
exit 1
