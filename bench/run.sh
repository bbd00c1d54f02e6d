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
$CC -std=c11 -D_DEFAULT_SOURCE -O2 -Iinclude -o $B/bench bench/bench.c build/libparley.a \
    -lutf8proc -lexpat -ljansson -lgumbo -larchive -lzstd -lz -lsqlite3 -lpq -lm

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

# End to end: the command, JSONL in, JSONL out, versus wc -w on the same bytes.
t0=$(now); "$PARLEY" code --dict $B/phoenix.dict $B/corpus.jsonl > /dev/null; t1=$(now)
t2=$(now); wc -w $B/corpus.jsonl > /dev/null; t3=$(now)
awk "BEGIN { c = $t1 - $t0; w = $t3 - $t2;
  printf \"command           %.2f s wall, %.1f MB/s (parley code, JSONL in and out)\n\", c, $MB / c;
  printf \"wc -w             %.2f s wall, %.1f MB/s; parley takes %.1fx the time of wc -w\n\", w, $MB / w, c / w }"
