#!/bin/sh
# bench/run.sh PARLEY: throughput of the coder with the full Phoenix
# dictionaries on the Wikinews articles repeated to at least 50 MB.
# Prints compile and load time of the dictionaries, sentences/s and MB/s per
# core, peak RSS, the end-to-end command's speed, and `wc -w` on the same
# bytes as a yardstick. Needs ../shared (SHARED); skips without it.
set -eu
PARLEY=${1:-build/parley}
SHARED=${SHARED:-../shared}
D=$SHARED/peers/petrarch2/dictionaries
N=$SHARED/data/news/wikinews-vanatteveldt
if [ ! -d "$D" ] || [ ! -d "$N" ]; then
    echo "bench: skipped: $SHARED/peers and $SHARED/data/news are needed (not found)"
    exit 0
fi
B=build/bench
mkdir -p $B
CC=${CC:-cc}
$CC -std=c11 -D_DEFAULT_SOURCE -O2 -Iinclude -o $B/bench bench/bench.c bench/common.c build/libparley.a \
    -lutf8proc -lexpat -ljansson -lgumbo -lzstd -lz -lsqlite3 -lpq -lm

# Corpus: the Wikinews articles as JSON Lines, repeated to >= 50 MB.
python3 tools/csv2jsonl.py $N/wikinews_2019.csv $N/wikinews_2020.csv > $B/wikinews.jsonl
: > $B/corpus.jsonl
while [ "$(wc -c < $B/corpus.jsonl)" -lt 50000000 ]; do cat $B/wikinews.jsonl >> $B/corpus.jsonl; done
MB=$(awk "BEGIN { printf \"%.1f\", $(wc -c < $B/corpus.jsonl) / 1e6 }")

now() { date +%s.%N; }
t0=$(now)
"$PARLEY" compile -o $B/phoenix.dict --dict $D/CAMEO.verbpatterns.150430.txt \
    --dict $D/Phoenix.Countries.actors.txt --dict $D/Phoenix.International.actors.txt \
    --dict $D/Phoenix.MilNonState.actors.txt --dict $D/Phoenix.agents.txt \
    --dict $D/Phoenix.discards.txt >/dev/null
t1=$(now)
echo "== parley bench: Phoenix dictionaries, Wikinews x$(( $(wc -l < $B/corpus.jsonl) / $(wc -l < $B/wikinews.jsonl) )) ($MB MB JSONL)"
awk "BEGIN { printf \"compile           %.0f ms (parley compile, whole command)\n\", ($t1 - $t0) * 1000 }"
echo "image size        $(( $(wc -c < $B/phoenix.dict) / 1024 )) KB"
$B/bench $B/phoenix.dict $B/corpus.jsonl

# The default dictionaries (data/, compiled by make) on the same corpus:
# they are to code at least as fast as the Phoenix set.
DEF=$(dirname "$PARLEY")/default.dict
if [ -f "$DEF" ]; then
    echo "== default dictionaries ($DEF, $(( $(wc -c < "$DEF") / 1024 )) KB), the same corpus"
    $B/bench "$DEF" $B/corpus.jsonl
fi

# End to end: the command, JSONL in, JSONL out, versus wc -w on the same bytes.
t0=$(now); "$PARLEY" code --dict $B/phoenix.dict $B/corpus.jsonl > /dev/null; t1=$(now)
t2=$(now); wc -w $B/corpus.jsonl > /dev/null; t3=$(now)
awk "BEGIN { c = $t1 - $t0; w = $t3 - $t2;
  printf \"command           %.2f s wall, %.1f MB/s (parley code, JSONL in and out)\n\", c, $MB / c;
  printf \"wc -w             %.2f s wall, %.1f MB/s; parley takes %.1fx the time of wc -w\n\", w, $MB / w, c / w }"

# The store: `parley code --db` (SQLite) against plain JSONL on the same
# documents. The corpus repeats articles, and the store skips a document it
# already holds, so each copy gets its own id here (the line number
# prefixed), and the database starts empty. The goal: within 2x of JSONL.
awk '{ sub(/^\{"id": "/, "{\"id\": \"" NR "/"); print }' $B/corpus.jsonl > $B/corpus-ids.jsonl
rm -f $B/bench.db $B/bench.db-wal $B/bench.db-shm
t0=$(now); "$PARLEY" code --dict $B/phoenix.dict $B/corpus-ids.jsonl > /dev/null; t1=$(now)
t2=$(now); "$PARLEY" code --dict $B/phoenix.dict --db $B/bench.db $B/corpus-ids.jsonl; t3=$(now)
t4=$(now); "$PARLEY" export --db $B/bench.db --format gdelt > /dev/null; t5=$(now)
awk "BEGIN { j = $t1 - $t0; d = $t3 - $t2; e = $t5 - $t4;
  printf \"--db sqlite       %.2f s wall, %.1f MB/s; %.2fx the time of JSONL out (%.2f s)%s\n\", d, $MB / d, d / j, j, d / j <= 2 ? \"\" : \"  ** over 2x **\";
  printf \"export gdelt      %.2f s wall (all events of the store)\n\", e }"
echo "store size        $(( $(wc -c < $B/bench.db) / 1048576 )) MB ($(wc -l < $B/corpus-ids.jsonl) documents)"

# ---- article intake: HTML pages and WARC.gz crawls to coded events ----------
# The Wikinews articles wrapped in news-page templates (WordPress, a news
# site, a blog; tools/gen-html-corpus.py) to >= 50 MB of HTML, one file per
# page and the same pages as a .warc.gz crawl. First intake alone (read,
# decompress, parse, extract: bench/bench_intake.c, CPU time, median of 3),
# then the whole command to coded events, beside the same articles as JSON
# Lines (the coder's own speed). Target: intake >= 50 MB/s of HTML per core.
# (Exit status 1 is expected: one Wikinews article is only a date line, so
# its page has no article text and is reported.)
$CC -std=c11 -D_DEFAULT_SOURCE -O2 -Iinclude -Isrc -o $B/bench_intake bench/bench_intake.c bench/common.c \
    build/libparley.a -lutf8proc -lexpat -ljansson -lgumbo -lzstd -lz -lsqlite3 -lpq -lm
rm -rf $B/html
python3 tools/gen-html-corpus.py $B/html 50 $N/wikinews_2019.csv $N/wikinews_2020.csv
HTML_MB=$(cat $B/html/pages/*.html | wc -c | awk '{ printf "%.1f", $1 / 1e6 }')
WARC_MB=$(gzip -dc $B/html/pages.warc.gz | wc -c | awk '{ printf "%.1f", $1 / 1e6 }')
GZ_MB=$(wc -c < $B/html/pages.warc.gz | awk '{ printf "%.1f", $1 / 1e6 }')
echo "== intake: $(ls $B/html/pages | wc -l) pages, $HTML_MB MB of HTML; as WARC.gz $GZ_MB MB ($WARC_MB MB uncompressed)"
printf 'intake HTML       '; $B/bench_intake $B/html/pages/*.html
printf 'intake WARC.gz    '; $B/bench_intake $B/html/pages.warc.gz | tee $B/warc.txt
awk -v u="$WARC_MB" -v g="$GZ_MB" '{ for (i = 1; i <= NF; i++) if ($i == "CPU,") s = $(i - 2) }
    END { printf "                  = %.1f MB/s of uncompressed WARC per core\n", u / s }' $B/warc.txt
t0=$(now); "$PARLEY" code --dict $B/phoenix.dict $B/html/pages/*.html > /dev/null 2>&1 || :; t1=$(now)
t2=$(now); "$PARLEY" code --dict $B/phoenix.dict $B/html/pages.warc.gz > /dev/null 2>&1 || :; t3=$(now)
t4=$(now); "$PARLEY" code --dict $B/phoenix.dict $B/html/pages.jsonl > /dev/null 2>&1 || :; t5=$(now)
awk "BEGIN { h = $t1 - $t0; w = $t3 - $t2; j = $t5 - $t4;
  printf \"command HTML      %.2f s wall, %.1f MB/s of HTML to coded events\n\", h, $HTML_MB / h;
  printf \"command WARC.gz   %.2f s wall, %.1f MB/s of WARC.gz (%.1f MB/s uncompressed) to coded events\n\", w, $GZ_MB / w, $WARC_MB / w;
  printf \"command JSONL     %.2f s wall: the same articles without HTML; intake is %.0f%% of the HTML run\n\", j, (h - j) / h * 100 }"

# ---- geolocation: what placing events costs the coder ------------------------
# The same corpus and dictionaries; the geolocation pass (src/enrich/geo.c)
# timed alone beside the whole of parley_code (bench/bench_geo.c, CPU time,
# median of 3). Target: at most 20% of coding without places. The gazetteer
# is compiled into the library, so it adds nothing to the image load above.
$CC -std=c11 -D_DEFAULT_SOURCE -O2 -Iinclude -Isrc -o $B/bench_geo bench/bench_geo.c bench/common.c \
    build/libparley.a -lutf8proc -lexpat -ljansson -lgumbo -lzstd -lz -lsqlite3 -lpq -lm
echo "== geolocation: Phoenix dictionaries, the same corpus"
$B/bench_geo $B/phoenix.dict $B/corpus.jsonl
