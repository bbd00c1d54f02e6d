#!/bin/sh
# geo.sh: geolocation end to end. The committed gazetteer table is what
# tools/gen-gazetteer.py makes from the Debian files (when they are
# installed: libtimezonemap-data, iso-codes, wordnet-base); the seed
# article's headline is placed in Gaza in JSON Lines, GDELT and `parley
# explain`; an ambiguous name without evidence is left out.
#
#   PARLEY=build/parley tests/cli/geo.sh
set -u
cd "$(dirname "$0")/../.." || exit 2
PARLEY=${PARLEY:-build/parley}
SHARED=${SHARED:-../shared}
T=$(mktemp -d "${TMPDIR:-/tmp}/parley-geo.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# 1. the table is the generator's output
G=/usr/share/libtimezonemap/ui
if [ -r $G/cities15000.txt ] && [ -r /usr/share/iso-codes/json/iso_3166-1.json ] &&
   [ -r /usr/share/wordnet/data.noun ]; then
    if python3 tools/gen-gazetteer.py $G /usr/share/iso-codes/json/iso_3166-1.json \
        /usr/share/wordnet data/gazetteer.extra.txt >"$T/table.c" &&
       cmp -s "$T/table.c" src/enrich/gazetteer_table.c; then ok; else
        bad "src/enrich/gazetteer_table.c is not what tools/gen-gazetteer.py makes (run make regen-gazetteer)"
    fi
else
    echo "geo.sh: gazetteer regeneration check skipped (libtimezonemap-data, iso-codes or wordnet-base not installed)"
fi

# 2. the seed headline, default dictionaries
SEED=$SHARED/data/news/seed-article/article.txt
if [ -r "$SEED" ]; then
    title=$(head -n 1 "$SEED")
else
    title="U.S. and Hamas Hold Direct Talks on Hostages in Gaza, Officials Say"
fi
python3 -c 'import json, sys; print(json.dumps({"id": "seed", "date": "2025-03-05", "title": sys.argv[1], "text": "No body."}))' \
    "$title" >"$T/seed.jsonl"
"$PARLEY" code "$T/seed.jsonl" >"$T/seed.out" 2>"$T/err" || bad "code seed: $(cat "$T/err")"
if python3 - "$T/seed.out" <<'PY'
import json, sys
evs = [json.loads(l) for l in open(sys.argv[1])]
head = [e for e in evs if e["part"] == "headline"]
assert head, "no headline event"
for e in head:
    g = e["geo"]
    assert g["name"] == "Gaza, Gaza Strip, Palestinian Territory", g
    assert (g["type"], g["country"], g["adm1"], g["feature"]) == (4, "GZ", "GZ", "281133"), g
PY
then ok; else bad "seed headline not placed in Gaza: $(head -c 600 "$T/seed.out")"; fi

# 3. GDELT columns 52-59: ActionGeo
"$PARLEY" code --format gdelt "$T/seed.jsonl" >"$T/seed.tsv" 2>"$T/err" || bad "gdelt: $(cat "$T/err")"
row=$(awk -F '\t' 'NR == 1 { print $52 "|" $53 "|" $54 "|" $55 "|" $56 "|" $57 "|" $58 "|" $59 }' "$T/seed.tsv")
if [ "$row" = "4|Gaza, Gaza Strip, Palestinian Territory|GZ|GZ||31.5000|34.4667|281133" ]; then ok; else
    bad "GDELT ActionGeo columns: '$row'"; fi

# 4. explain shows the candidates and the choice
"$PARLEY" explain "$title" >"$T/explain.txt" 2>&1
if grep -q '^geo: Gaza: candidate Gaza (city, PS, population 410000, evidence 2) <- best' "$T/explain.txt" &&
   grep -q '^geo: Gaza: candidate Gaza (region, MZ' "$T/explain.txt" &&
   grep -q '^  where: Gaza, Gaza Strip, Palestinian Territory (type 4' "$T/explain.txt"; then ok; else
    bad "explain: no candidates or choice"; cat "$T/explain.txt"; fi

# 5. unsure: Georgia without evidence, a person's name, a common word
"$PARLEY" explain "Police arrested protesters in Hyderabad." >"$T/x.txt" 2>&1
if grep -q 'unsure between IN and PK: left out' "$T/x.txt" && grep -q '^  where: not placed' "$T/x.txt"; then ok; else
    bad "Hyderabad without evidence was placed"; cat "$T/x.txt"; fi
"$PARLEY" explain "Nice police arrested protesters." >"$T/x.txt" 2>&1
if grep -q 'a common word without a locative: left out' "$T/x.txt"; then ok; else
    bad "sentence-initial Nice was taken as a place"; cat "$T/x.txt"; fi

echo "geo tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
