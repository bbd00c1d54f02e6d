#!/bin/sh
# run.sh: command-line tests for parley: help and usage errors, exit codes,
# bad input records, missing files, --stats, output forms, and golden
# outputs for a small fixed corpus (examples/ and tests/cli/fixtures/) with
# the small dictionaries in tests/cli/dict/. With ../shared present it also
# codes the seed article's headline with the Phoenix dictionaries.
#
#   PARLEY=build/parley SHARED=../shared tests/cli/run.sh
#   REGEN=1 tests/cli/run.sh      rewrite tests/golden/ (make regen-golden);
#                                 read the diff before committing it
#
# Plain POSIX sh; a failing golden test prints its diff.
set -u
cd "$(dirname "$0")/../.." || exit 2
PARLEY=${PARLEY:-build/parley}
SHARED=${SHARED:-../shared}
REGEN=${REGEN:-0}
case $PARLEY in /*) ;; *) PARLEY=$(pwd)/$PARLEY ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/parley-cli.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() {
    fail=$((fail + 1))
    echo "FAIL: $*"
}

# run WANT_RC NAME CMD...: run CMD (stdout to $T/out, stderr to $T/err)
# and check its exit status.
run() {
    want=$1 name=$2
    shift 2
    "$@" >"$T/out" 2>"$T/err"
    rc=$?
    if [ "$rc" -eq "$want" ]; then
        ok
    else
        bad "$name: exit status $rc, expected $want"
        sed 's/^/    stderr: /' "$T/err" | head -n 5
    fi
}

# has NAME FILE TEXT: FILE contains the fixed string TEXT.
has() {
    if grep -F -q -e "$3" "$2"; then
        ok
    else
        bad "$1: '$3' not found in $(basename "$2")"
        sed 's/^/    /' "$2" | head -n 5
    fi
}

# empty NAME FILE
empty() {
    if [ -s "$2" ]; then
        bad "$1: expected no output, got:"
        sed 's/^/    /' "$2" | head -n 5
    else
        ok
    fi
}

# golden NAME: compare $T/out with tests/golden/NAME (or write it with REGEN=1).
golden() {
    g=tests/golden/$1
    if [ "$REGEN" = 1 ]; then
        cp "$T/out" "$g"
        echo "regenerated $g: read it (git diff) before committing"
        ok
    elif [ ! -f "$g" ]; then
        bad "golden $1: tests/golden/$1 is missing (make regen-golden, then read it)"
    elif diff -u "$g" "$T/out" >"$T/diff"; then
        ok
    else
        bad "golden $1 differs (- expected, + got):"
        cat "$T/diff"
    fi
}

D=tests/cli/dict
DICTS="--dict verbs:$D/test.verbs.txt --dict actors:$D/test.actors.txt --dict agents:$D/test.agents.txt"
EX=examples/articles.jsonl

# ---- help, version, usage errors (exit 2) ---------------------------------
run 0 "--help" "$PARLEY" --help
has "--help" "$T/out" "Usage: parley COMMAND"
empty "--help stderr" "$T/err"
run 0 "code --help" "$PARLEY" code --help
has "code --help" "$T/out" "Usage: parley code"
run 0 "compile --help" "$PARLEY" compile --help
run 0 "explain --help" "$PARLEY" explain --help
run 0 "--version" "$PARLEY" --version
if grep -E -q '^parley [0-9]+\.[0-9]+\.[0-9]+$' "$T/out"; then ok; else bad "--version: $(cat "$T/out")"; fi

run 2 "no command" "$PARLEY"
run 2 "unknown command" "$PARLEY" frobnicate
has "unknown command" "$T/err" "unknown command 'frobnicate'"
run 2 "unknown option" "$PARLEY" code --bogus
has "unknown option" "$T/err" "parley: code: unknown option '--bogus'"
run 2 "option without value" "$PARLEY" code --dict
has "option without value" "$T/err" "needs a value"
run 2 "bad --format" "$PARLEY" code --format xml
run 2 "bad --input" "$PARLEY" code --input docx
run 2 "bad --date" "$PARLEY" code --date 20251301
run 2 "compile without -o" "$PARLEY" compile --dict "$D/test.verbs.txt"
has "compile without -o" "$T/err" "-o OUT.dict is required"
run 2 "flag with value" "$PARLEY" code --stats=yes

# ---- dictionary errors (exit 3) -------------------------------------------
run 3 "missing --dict file" "$PARLEY" code --dict "$T/no-such.dict" "$EX"
has "missing --dict file" "$T/err" "no-such.dict"
run 3 "missing PARLEY_DICT" env PARLEY_DICT="$T/no-such.dict" "$PARLEY" code "$EX"
printf 'PRL\0garbage' >"$T/bad.dict"
run 3 "corrupt image" "$PARLEY" code --dict "$T/bad.dict" "$EX"
has "corrupt image" "$T/err" "bad.dict"

# ---- coding: golden outputs -----------------------------------------------
run 0 "examples jsonl" "$PARLEY" code $DICTS "$EX"
golden examples.jsonl
cp "$T/out" "$T/first.jsonl"
run 0 "examples again" "$PARLEY" code $DICTS "$EX"
if cmp -s "$T/out" "$T/first.jsonl"; then ok; else bad "two runs gave different bytes"; fi
run 0 "examples tsv" "$PARLEY" code $DICTS --format tsv "$EX"
golden examples.tsv
run 0 "examples tabari" "$PARLEY" code $DICTS --input tabari examples/articles.tabari
golden articles.tabari.jsonl
run 0 "edge cases" "$PARLEY" code $DICTS --date 20250601 tests/cli/fixtures/edge.jsonl
golden edge.jsonl
run 0 "edge cases tsv" "$PARLEY" code $DICTS --date 20250601 --format tsv tests/cli/fixtures/edge.jsonl
golden edge.tsv
run 0 "lines" "$PARLEY" code $DICTS --input lines --date 2025-06-01 tests/cli/fixtures/sentences.lines
golden sentences.lines.jsonl

run 0 "petrarch-xml" "$PARLEY" code $DICTS tests/cli/fixtures/sentences.xml
golden sentences.xml.jsonl

# TSV: the header line, then one line per JSONL event.
run 0 "tsv header" "$PARLEY" code $DICTS --format tsv "$EX"
printf 'doc\tsent\tpart\tsupport\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\tverb\ttext\tspan\turl\tpattern\tdict\theadline_support\trepeated\n' >"$T/header"
head -n 1 "$T/out" >"$T/got-header"
if cmp -s "$T/header" "$T/got-header"; then ok; else bad "tsv header: $(cat "$T/got-header")"; fi
if [ $(($(wc -l <"$T/out") - 1)) -eq "$(wc -l <"$T/first.jsonl")" ]; then ok; else bad "tsv and jsonl event counts differ"; fi

# stdin, "-" and the guess from the first byte.
run 0 "stdin" sh -c "\"\$0\" code $DICTS <\"\$1\"" "$PARLEY" "$EX"
if cmp -s "$T/out" "$T/first.jsonl"; then ok; else bad "stdin output differs from file output"; fi

# ---- compiled image: same events as the sources ---------------------------
run 0 "compile" "$PARLEY" compile $DICTS -o "$T/test.dict"
if grep -E -q '^[0-9a-f]+$' "$T/out"; then ok; else bad "compile printed: $(cat "$T/out")"; fi
run 0 "code with image" "$PARLEY" code --dict "$T/test.dict" "$EX"
if cmp -s "$T/out" "$T/first.jsonl"; then ok; else
    bad "image and source dictionaries code differently:"
    diff -u "$T/first.jsonl" "$T/out" | head -n 20
fi
run 0 "PARLEY_DICT" env PARLEY_DICT="$T/test.dict" "$PARLEY" code "$EX"
if cmp -s "$T/out" "$T/first.jsonl"; then ok; else bad "PARLEY_DICT output differs"; fi
run 3 "image mixed with sources" "$PARLEY" code --dict "$T/test.dict" --dict "actors:$D/test.actors.txt" "$EX"

# ---- bad records: reported by FILE:LINE, the others coded, exit 1 ---------
{
    sed -n 1p "$EX"
    echo '{"id":"broken", "text": '
    sed -n 5p "$EX"
    echo '{"id":"nodate","date":"2025-02-30","text":"x"}'
    echo '{"id":"notext","title":"Only a title"}'
    echo '[1,2,3]'
} >"$T/mixed.jsonl"
run 1 "bad JSONL lines" "$PARLEY" code $DICTS --stats "$T/mixed.jsonl"
has "bad JSONL lines" "$T/err" "parley: $T/mixed.jsonl:2:"
has "bad date" "$T/err" "parley: $T/mixed.jsonl:4: bad date \"2025-02-30\""
has "missing text" "$T/err" "parley: $T/mixed.jsonl:5: no \"text\" member"
has "not an object" "$T/err" "parley: $T/mixed.jsonl:6: not a JSON object"
has "bad JSONL lines coded" "$T/out" '"doc":"ex-001"'
has "bad JSONL lines coded" "$T/out" '"doc":"ex-005"'
has "bad JSONL stats" "$T/err" "parley: stats: documents 6 = coded 2 + errors 4"

# ---- a file that cannot be opened: reported, the others coded, exit 4 ------
run 4 "missing input" "$PARLEY" code $DICTS --stats "$EX" "$T/no-such.jsonl" tests/cli/fixtures/edge.jsonl
has "missing input" "$T/err" "parley: $T/no-such.jsonl: cannot open"
has "missing input, first coded" "$T/out" '"doc":"ex-001"'
has "missing input, last coded" "$T/out" '"doc":"edge-1"'
has "missing input stats" "$T/err" "parley: stats: documents 9 = coded 9 + errors 0"

# ---- --stats adds up --------------------------------------------------------
run 0 "stats" "$PARLEY" code $DICTS --stats "$EX"
line=$(grep '^parley: stats: documents [0-9]' "$T/err")
set -- $line
if [ $# -eq 10 ] && [ "$4" -eq $(($7 + ${10})) ] && [ "$4" -eq 5 ]; then ok; else bad "stats: '$line'"; fi
events=$(sed -n 's/^parley: stats: events //p' "$T/err")
if [ "$events" = "$(wc -l <"$T/out" | tr -d ' ')" ]; then ok; else bad "stats: events $events but $(wc -l <"$T/out") lines"; fi
has "stats" "$T/err" "parley: stats: sentences "
has "stats" "$T/err" "parley: stats: documents without events "
has "stats" "$T/err" "parley: stats: seconds "

# ---- other input forms and their errors ------------------------------------
printf 'Kenya signed a trade agreement\0 with Ethiopia.\n' >"$T/binary.txt"
run 1 "NUL in text" "$PARLEY" code $DICTS --input text "$T/binary.txt"
has "NUL in text" "$T/err" "parley: $T/binary.txt:1:31: binary input (NUL byte) skipped"
printf 'Kenya signed a trade agreement with Ethiopia.\n' >"$T/story"
run 0 "guess text" "$PARLEY" code $DICTS --stats "$T/story"
has "guess text" "$T/err" "documents 1 = coded 1"
{
    printf '# comment block\nnot a record\n\n'
    printf '2502x0 bad-date\nKenya signed a trade agreement with Ethiopia.\n\n'
    printf '250402 good\nKenya signed a trade agreement with Ethiopia.\n'
} >"$T/t.tabari"
run 1 "tabari bad date" "$PARLEY" code $DICTS --stats --input tabari "$T/t.tabari"
has "tabari bad date" "$T/err" "parley: $T/t.tabari:4:1: bad date \"2502x0\""
has "tabari bad date" "$T/err" "documents 2 = coded 1 + errors 1"

# A line over 64 MiB is one bad record; the next line is still coded.
{
    printf '{"id":"huge","text":"'
    head -c 67108870 /dev/zero | tr '\0' 'a'
    printf '"}\n'
    sed -n 5p "$EX"
} >"$T/huge.jsonl"
run 1 "huge line" "$PARLEY" code $DICTS --stats "$T/huge.jsonl"
has "huge line" "$T/err" "parley: $T/huge.jsonl:1: line longer than 64 MiB skipped"
has "huge line" "$T/out" '"doc":"ex-005"'
rm -f "$T/huge.jsonl"

# ---- output errors: exit 4 --------------------------------------------------
if [ -w /dev/full ]; then
    "$PARLEY" code $DICTS --format tsv "$EX" >/dev/full 2>"$T/err"
    rc=$?
    if [ "$rc" -eq 4 ]; then ok; else bad "write to /dev/full: exit $rc, expected 4"; fi
    has "write error" "$T/err" "write error"
fi
run 0 "unbuffered" "$PARLEY" code $DICTS --unbuffered "$EX"
if cmp -s "$T/out" "$T/first.jsonl"; then ok; else bad "--unbuffered output differs"; fi

# ---- explain -----------------------------------------------------------------
run 0 "explain" "$PARLEY" explain $DICTS --date 20250402 "Kenya signed a trade agreement with Ethiopia."
has "explain" "$T/out" "events: 1"
has "explain" "$T/out" "event: KEN -> ETH 057"
echo "Kenya signed a trade agreement with Ethiopia." >"$T/sentence"
run 0 "explain stdin" sh -c "\"\$0\" explain $DICTS <\"\$1\"" "$PARLEY" "$T/sentence"
has "explain stdin" "$T/out" "event: KEN -> ETH 057"

# ---- the seed article's headline with the Phoenix dictionaries ---------------
P=$SHARED/peers/petrarch2/dictionaries
if [ -f "$P/CAMEO.verbpatterns.150430.txt" ]; then
    run 0 "phoenix compile" "$PARLEY" compile -o "$T/phoenix.dict" \
        --dict "verbs:$P/CAMEO.verbpatterns.150430.txt" \
        --dict "actors:$P/Phoenix.Countries.actors.txt" \
        --dict "actors:$P/Phoenix.International.actors.txt" \
        --dict "actors:$P/Phoenix.MilNonState.actors.txt" \
        --dict "agents:$P/Phoenix.agents.txt" \
        --dict "discards:$P/Phoenix.discards.txt"
    echo "U.S. and Hamas Hold Direct Talks on Hostages in Gaza, Officials Say" >"$T/seed"
    run 0 "seed headline" "$PARLEY" code --dict "$T/phoenix.dict" --input lines \
        --date 20250305 --format tsv "$T/seed"
    # Columns: 6 source, 7 target, 9 root. Either direction counts.
    if awk -F '\t' 'NR > 1 && $9 == "04" &&
            (($6 ~ /^USA/ && $7 ~ /^PSEREBHMS/) || ($6 ~ /^PSEREBHMS/ && $7 ~ /^USA/)) { f = 1 }
            END { exit !f }' "$T/out"; then
        ok
    else
        bad "seed headline: no USA <-> PSEREBHMS consult/negotiate (root 04) event; got:"
        sed 's/^/    /' "$T/out"
    fi
else
    echo "skipped: seed headline test ($P not found)"
fi

# ---- article intake: HTML pages, WARC crawls, compressed input -------------
# (tests/cli/fixtures/html/ are pages in the shapes of WordPress, a news site
# with og: tags and JSON-LD, an old blog, a script-rendered page, a Latin-1
# page and a page with no article; tests/cli/fixtures/warc/ holds them as a
# crawl, made by tools/make-warc.py. The boilerplate of every page holds
# sentences that would code: none may appear in the goldens.)
H=tests/cli/fixtures/html
W=tests/cli/fixtures/warc
run 0 "html pages" "$PARLEY" code $DICTS --stats $H/wordpress.html $H/news.html \
    $H/blog.html $H/script-rendered.html $H/latin1.html
golden html.jsonl
has "html pages stats" "$T/err" "parley: stats: documents 5 = coded 5 + errors 0"
for word in Russia cookie Share "posts near the border" Photo; do
    if grep -F -q "$word" "$T/out"; then bad "html pages: boilerplate '$word' was coded"; else ok; fi
done
run 0 "html tsv" "$PARLEY" code $DICTS --format tsv $H/news.html
golden html.tsv
run 0 "html from stdin, guessed" sh -c "\"\$0\" code $DICTS <\"\$1\"" "$PARLEY" $H/news.html
has "html from stdin" "$T/out" '"doc":"stdin:1"'
has "html from stdin" "$T/out" '"part":"headline"'
run 1 "html without article" "$PARLEY" code $DICTS --stats $H/nobody.html
has "html without article" "$T/err" "parley: $H/nobody.html:1: HTML page has no article text"
has "html without article" "$T/err" "documents 1 = coded 0 + errors 1"

run 1 "warc" "$PARLEY" code $DICTS --stats $W/pages.warc
golden warc.jsonl
cp "$T/out" "$T/warc.jsonl"
has "warc page without text" "$T/err" "parley: $W/pages.warc: WARC record 13 (urn:uuid:f82bef04-c4a5-c415-e6f9-68a893325a77, https://news.example/nobody): HTML page has no article text"
has "warc stats" "$T/err" "parley: stats: documents 5 = coded 4 + errors 1"
run 1 "warc.gz" "$PARLEY" code $DICTS $W/pages.warc.gz
golden warc.gz.jsonl
if cmp -s "$T/out" "$T/warc.jsonl"; then ok; else bad "warc.gz and warc give different events"; fi
run 1 "warc.zst" "$PARLEY" code $DICTS $W/pages.warc.zst
if cmp -s "$T/out" "$T/warc.jsonl"; then ok; else bad "warc.zst and warc give different events"; fi
run 1 "warc.gz from stdin" sh -c "\"\$0\" code $DICTS --input warc <\"\$1\"" "$PARLEY" $W/pages.warc.gz
if cmp -s "$T/out" "$T/warc.jsonl"; then ok; else bad "warc.gz on stdin differs"; fi

gzip -c -n "$EX" >"$T/articles.jsonl.gz"
run 0 "jsonl.gz" "$PARLEY" code $DICTS "$T/articles.jsonl.gz"
if cmp -s "$T/out" "$T/first.jsonl"; then ok; else bad "jsonl.gz and jsonl give different events"; fi

# --lead: the headline and the first N body sentences; indices unchanged.
run 0 "lead 1" "$PARLEY" code $DICTS --lead 1 --format tsv $H/news.html
golden lead1.tsv
if awk -F '\t' 'NR > 1 && $2 > 2 { f = 1 } END { exit f }' "$T/out"; then ok; else bad "--lead 1 coded sentence 3 or later"; fi
run 0 "lead 0" "$PARLEY" code $DICTS --lead 0 $H/news.html
has "lead 0 codes all" "$T/out" '"sent":3'
run 2 "bad --lead" "$PARLEY" code $DICTS --lead -3 $H/news.html
run 2 "bad --lead" "$PARLEY" code $DICTS --lead two $H/news.html
has "bad --lead" "$T/err" "bad --lead 'two'"

# Bad input: each is reported naming the file and record, the other records
# go on, and the counts add up.
head -c 6000 $W/pages.warc.gz >"$T/cut.warc.gz"
run 4 "truncated warc.gz" "$PARLEY" code $DICTS --stats "$T/cut.warc.gz"
has "truncated warc.gz" "$T/err" "parley: $T/cut.warc.gz: WARC record 9 (urn:uuid:a5cda0d9-a48c-8246-a0d3-93d0b077dc51, https://news.example/news): truncated WARC record"
has "truncated warc.gz" "$T/err" "parley: $T/cut.warc.gz: truncated gzip data: the input ends inside a compressed member (at byte 6000)"
has "truncated warc.gz" "$T/err" "documents 2 = coded 1 + errors 1"
has "truncated warc.gz" "$T/out" '"doc":"urn:uuid:c8e239dc-77e3-9799-db75-293ef4f5ee1b"'
head -c 9000 $W/pages.warc >"$T/cut.warc"
run 1 "truncated warc" "$PARLEY" code $DICTS --stats "$T/cut.warc"
has "truncated warc" "$T/err" "truncated WARC record (173 of 179 content bytes)"
has "truncated warc" "$T/err" "documents 2 = coded 1 + errors 1"
# A damaged gzip member in the middle: skipped to the next member; the
# records after it are still read.
python3 - "$W/pages.warc.gz" "$T/damaged.warc.gz" <<'PY'
import sys
d = bytearray(open(sys.argv[1], "rb").read())
for i in range(3000, 3050):
    d[i] ^= 0x55
open(sys.argv[2], "wb").write(d)
PY
run 4 "damaged warc.gz" "$PARLEY" code $DICTS --stats "$T/damaged.warc.gz"
has "damaged warc.gz" "$T/err" "corrupt gzip data at byte"
has "damaged warc.gz" "$T/out" '"doc":"urn:uuid:0976faae-effa-a194-c6b4-13779bea22f4"'
line=$(grep '^parley: stats: documents [0-9]' "$T/err")
set -- $line
if [ $# -eq 10 ] && [ "$4" -eq $(($7 + ${10})) ]; then ok; else bad "damaged warc.gz stats: '$line'"; fi
head -c 300 "$T/articles.jsonl.gz" >"$T/cut.jsonl.gz"
run 4 "truncated jsonl.gz" "$PARLEY" code $DICTS --stats "$T/cut.jsonl.gz"
has "truncated jsonl.gz" "$T/err" "parley: $T/cut.jsonl.gz: truncated gzip data"
printf '{"id":"bad-utf8","text":"Kenya signed \377 a trade agreement with Ethiopia."}\n' >"$T/utf8.jsonl"
sed -n 5p "$EX" >>"$T/utf8.jsonl"
run 1 "invalid UTF-8" "$PARLEY" code $DICTS --stats "$T/utf8.jsonl"
has "invalid UTF-8" "$T/err" "parley: $T/utf8.jsonl:1:"
has "invalid UTF-8" "$T/err" "documents 2 = coded 1 + errors 1"
head -c 4096 "$PARLEY" >"$T/binary.bin"
run 1 "binary as html" "$PARLEY" code $DICTS --input html "$T/binary.bin"
has "binary as html" "$T/err" "parley: $T/binary.bin:1: binary input (NUL byte) skipped"
run 1 "binary as warc" "$PARLEY" code $DICTS --stats --input warc "$T/binary.bin"
has "binary as warc" "$T/err" "not a WARC record"
# A 50 MB JSONL line (under the 64 MiB record cap) is read and coded.
{
    printf '{"id":"big","text":"'
    head -c 50000000 /dev/zero | tr '\0' 'a'
    printf ' Kenya signed a trade agreement with Ethiopia."}\n'
    sed -n 5p "$EX"
} >"$T/big.jsonl"
run 0 "50 MB line" "$PARLEY" code $DICTS --stats "$T/big.jsonl"
has "50 MB line" "$T/err" "documents 2 = coded 2 + errors 0"
rm -f "$T/big.jsonl"
# ---- end of article intake --------------------------------------------------

# ---- malformed dictionary lines ----------------------------------------------
# `code` (the filter) counts them in one line and codes with the rest;
# `compile` names each as FILE:LINE:COLUMN; --strict makes one fatal (exit 3).
{ cat tests/cli/dict/test.actors.txt; printf 'BROKEN_ACTOR [KEN\n'; } >"$T/bad.actors.txt"
BADDICTS="--dict verbs:tests/cli/dict/test.verbs.txt --dict actors:$T/bad.actors.txt"
echo "Kenya signed a trade agreement with Ethiopia." >"$T/one.txt"
run 0 "malformed dictionary line, code" "$PARLEY" code $BADDICTS --input lines --format tsv "$T/one.txt"
has "malformed dictionary line, code" "$T/err" "parley: 1 dictionary line was malformed and skipped"
has "malformed dictionary line, code" "$T/out" "	KEN	ETH	057	"
n=$(grep -c "bad.actors.txt:" "$T/err")
if [ "$n" -eq 0 ]; then ok; else bad "code printed each malformed dictionary line"; fi
run 0 "malformed dictionary line, compile" "$PARLEY" compile -o "$T/bad.dict" $BADDICTS
has "malformed dictionary line, compile" "$T/err" "parley: $T/bad.actors.txt:$(wc -l <"$T/bad.actors.txt"):"
run 3 "malformed dictionary line, --strict" "$PARLEY" code --strict $BADDICTS --input lines "$T/one.txt"
has "malformed dictionary line, --strict" "$T/err" "parley: $T/bad.actors.txt:$(wc -l <"$T/bad.actors.txt"):"

echo "cli tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
