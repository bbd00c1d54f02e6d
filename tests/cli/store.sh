#!/bin/sh
# store.sh: the event store behind `parley code --db` and `parley export`.
#   - SQLite: the schema (tables, indexes, GDELT-named views); what goes in
#     comes back out byte for byte (GDELT, JSON Lines, TSV); --from/--to;
#     a second run skips stored documents; a changed document replaces its
#     rows (no orphan events); a new dictionary re-codes without doubling;
#     runs in turn into one database equal one run;
#   - kill -9 in the middle of a run over many documents, run again, and
#     compare with an uninterrupted run: same events, same counts;
#   - PostgreSQL (a real server from Debian's postgresql package, started
#     in a temporary directory on a unix socket) holds the same events as
#     SQLite. Skipped, saying so, when the server binaries are absent.
# Uses python3's sqlite3 module (stdlib) to look inside the database.
#
#   PARLEY=build/parley SHARED=../shared tests/cli/store.sh
set -u
cd "$(dirname "$0")/../.." || exit 2
PARLEY=${PARLEY:-build/parley}
case $PARLEY in /*) ;; *) PARLEY=$(pwd)/$PARLEY ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/parley-store.XXXXXX") || exit 2
PGDIR=
cleanup() {
    if [ -n "$PGDIR" ] && [ -f "$PGDIR/data/postmaster.pid" ]; then
        pgrun "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1
    fi
    [ -n "$PGDIR" ] && rm -rf "$PGDIR"
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() {
    fail=$((fail + 1))
    echo "FAIL: $*"
}
if ! python3 -c 'import sqlite3' 2>/dev/null; then
    echo "store tests: skipped: python3 with sqlite3 not found"
    exit 0
fi

D=tests/cli/dict
DICTS="--dict verbs:$D/test.verbs.txt --dict actors:$D/test.actors.txt --dict agents:$D/test.agents.txt"
EX=examples/articles.jsonl

# sql DB QUERY: print the rows of a query, tab-separated.
sql() {
    python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for r in c.execute(sys.argv[2]):
    print("\t".join("" if v is None else str(v) for v in r))' "$1" "$2"
}

# same NAME A B: files A and B are identical.
same() {
    if cmp -s "$2" "$3"; then ok; else
        bad "$1: files differ"
        diff "$2" "$3" | head -n 10
    fi
}

# exports DB PREFIX: GDELT events + mentions, JSON Lines and TSV of a store.
exports() {
    "$PARLEY" export --db "$1" --format gdelt --mentions "$2.m.tsv" >"$2.e.tsv" 2>"$T/err" || bad "export gdelt $1: $(cat "$T/err")"
    "$PARLEY" export --db "$1" >"$2.jsonl" 2>"$T/err" || bad "export jsonl $1: $(cat "$T/err")"
    "$PARLEY" export --db "$1" --format tsv >"$2.tsv" 2>"$T/err" || bad "export tsv $1: $(cat "$T/err")"
}

# ---- schema -----------------------------------------------------------------
DB=$T/a.db
if "$PARLEY" code $DICTS --db "$DB" --stats "$EX" >"$T/out" 2>"$T/err"; then ok; else
    bad "code --db: $(head -n 3 "$T/err")"; fi
if [ -s "$T/out" ]; then bad "--db without --format wrote to stdout"; else ok; fi
grep -q 'documents 5 = coded 5 + skipped 0 + errors 0' "$T/err" && ok || bad "stats: $(head -n 1 "$T/err")"
objects=$(sql "$DB" "SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1" | tr '\n' ' ')
for o in "table documents" "table events" "table mentions" "index events_date" \
         "index events_source" "index events_target" "index events_code" \
         "index mentions_event" "view gdelt_events" "view gdelt_mentions"; do
    case " $objects" in *" $o "*) ok ;; *) bad "schema: no $o (have: $objects)" ;; esac
done
cols=$(sql "$DB" "SELECT name FROM pragma_table_info('gdelt_events')" | tr '\n' ' ')
want=$(sed 1d ../shared/data/gdelt-format/GDELT2.export.columns.tsv 2>/dev/null | cut -f 2 | tr '\n' ' ')
if [ -z "$want" ]; then
    want=$(python3 -c 'import sys; sys.path.insert(0, "tests/cli"); import gdelt_check; print(" ".join(gdelt_check.EVENT_COLS) + " ")')
fi
if [ "$cols" = "$want" ]; then ok; else bad "gdelt_events columns: $cols"; fi
n=$(sql "$DB" "SELECT count(*) FROM pragma_table_info('gdelt_mentions')")
if [ "$n" = 16 ]; then ok; else bad "gdelt_mentions has $n columns"; fi
if [ "$(sql "$DB" 'PRAGMA journal_mode')" = wal ]; then ok; else bad "not in WAL mode"; fi

# ---- what goes in comes back out ---------------------------------------------
"$PARLEY" code $DICTS --format gdelt --mentions "$T/direct.m.tsv" "$EX" >"$T/direct.e.tsv"
"$PARLEY" code $DICTS "$EX" >"$T/direct.jsonl"
"$PARLEY" code $DICTS --format tsv "$EX" >"$T/direct.tsv"
exports "$DB" "$T/a"
same "export gdelt = code --format gdelt" "$T/direct.e.tsv" "$T/a.e.tsv"
same "export mentions = code --mentions" "$T/direct.m.tsv" "$T/a.m.tsv"
same "export jsonl = code" "$T/direct.jsonl" "$T/a.jsonl"
same "export tsv = code --format tsv" "$T/direct.tsv" "$T/a.tsv"
# The view agrees with the file on ids and counts.
sql "$DB" 'SELECT GLOBALEVENTID, NumMentions, NumSources, NumArticles, IsRootEvent, SOURCEURL FROM gdelt_events ORDER BY SQLDATE, GLOBALEVENTID' >"$T/view"
cut -f 1,32,33,34,26,61 "$T/direct.e.tsv" | awk -F '\t' -v OFS='\t' '{ print $1, $3, $4, $5, $2, $6 }' >"$T/file"
same "gdelt_events view = GDELT file" "$T/file" "$T/view"
# --format with --db writes both.
"$PARLEY" code $DICTS --db "$T/both.db" --format jsonl "$EX" >"$T/both.jsonl"
same "--db --format jsonl" "$T/direct.jsonl" "$T/both.jsonl"
# --from / --to select by event date.
"$PARLEY" export --db "$DB" --format gdelt --from 2025-02-01 --to 20250331 >"$T/range.tsv"
if [ -s "$T/range.tsv" ] && awk -F '\t' '$2 < 20250201 || $2 > 20250331 { exit 1 }' "$T/range.tsv"; then ok; else
    bad "--from/--to: $(cut -f 2 "$T/range.tsv" | tr '\n' ' ')"; fi
awk -F '\t' '$2 >= 20250201 && $2 <= 20250331' "$T/direct.e.tsv" >"$T/range.want"
same "--from/--to rows" "$T/range.want" "$T/range.tsv"
"$PARLEY" export --db "$T/no-such.db" >/dev/null 2>&1
if [ $? -eq 4 ] && [ ! -e "$T/no-such.db" ]; then ok; else bad "export of a missing store"; fi
"$PARLEY" export >/dev/null 2>&1
if [ $? -eq 2 ]; then ok; else bad "export without --db: not a usage error"; fi
# A store that cannot be opened is an I/O error (exit 4), named.
"$PARLEY" code $DICTS --db "$T/no/such/dir/x.db" "$EX" >/dev/null 2>"$T/err"
if [ $? -eq 4 ] && grep -q "no/such/dir/x.db: cannot open the store" "$T/err"; then ok; else
    bad "unopenable --db: $(cat "$T/err")"; fi
printf 'this is not a database, just some text long enough to look like a header\n' >"$T/junk.db"
"$PARLEY" code $DICTS --db "$T/junk.db" "$EX" >/dev/null 2>"$T/err"
if [ $? -eq 4 ] && grep -q "junk.db: cannot open the store" "$T/err"; then ok; else
    bad "--db on a file that is not a database: $(cat "$T/err")"; fi

# ---- resume: stored documents are skipped -------------------------------------
"$PARLEY" code $DICTS --db "$DB" --stats "$EX" 2>"$T/err"
grep -q 'documents 5 = coded 0 + skipped 5 + errors 0' "$T/err" && ok || bad "resume: $(head -n 1 "$T/err")"
exports "$DB" "$T/a2"
same "second run changes nothing" "$T/a.e.tsv" "$T/a2.e.tsv"

# ---- re-coding a document replaces its rows ------------------------------------
# ex-005 becomes a story about Japan and South Korea; its old event (KEN 057
# ETH on 20250402) is held by no other document and must go.
old=$(sql "$DB" "SELECT count(*) FROM events WHERE date = '20250402' AND source = 'KEN'")
if [ "$old" -ge 1 ]; then ok; else bad "setup: no KEN event on 20250402"; fi
echo '{"id":"ex-005","date":"2025-04-02","text":"Japan criticized South Korea on Wednesday."}' >"$T/change.jsonl"
"$PARLEY" code $DICTS --db "$DB" --stats "$T/change.jsonl" 2>"$T/err"
grep -q 'coded 1 + skipped 0' "$T/err" && ok || bad "changed document not re-coded: $(head -n 1 "$T/err")"
n=$(sql "$DB" "SELECT count(*) FROM events WHERE date = '20250402' AND source = 'KEN'")
if [ "$n" = 0 ]; then ok; else bad "old event of a replaced document kept ($n)"; fi
n=$(sql "$DB" "SELECT count(*) FROM mentions WHERE doc = 'ex-005'")
m=$(sql "$DB" "SELECT events FROM documents WHERE doc = 'ex-005'")
if [ "$n" = "$m" ] && [ "$(sql "$DB" "SELECT count(*) FROM documents WHERE doc = 'ex-005'")" = 1 ]; then ok; else
    bad "replaced document: $n mentions, documents says $m"; fi
n=$(sql "$DB" "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.globaleventid = e.globaleventid)")
if [ "$n" = 0 ]; then ok; else bad "$n events without mentions"; fi
# The store now holds what a run over the changed corpus gives.
{ grep -v '"ex-005"' "$EX"; cat "$T/change.jsonl"; } >"$T/changed.jsonl"
"$PARLEY" code $DICTS --format gdelt --mentions "$T/c.m.tsv" "$T/changed.jsonl" >"$T/c.e.tsv"
exports "$DB" "$T/a3"
same "replaced = coded fresh (events)" "$T/c.e.tsv" "$T/a3.e.tsv"
same "replaced = coded fresh (mentions)" "$T/c.m.tsv" "$T/a3.m.tsv"

# ---- a new dictionary version re-codes, without doubling ------------------------
cp "$D/test.verbs.txt" "$T/verbs.txt"
echo '# a comment: a new dictionary version' >>"$T/verbs.txt"
"$PARLEY" code --dict "verbs:$T/verbs.txt" --dict "actors:$D/test.actors.txt" \
    --dict "agents:$D/test.agents.txt" --db "$DB" --stats "$T/changed.jsonl" 2>"$T/err"
grep -q 'coded 5 + skipped 0' "$T/err" && ok || bad "new dictionary: $(head -n 1 "$T/err")"
exports "$DB" "$T/a4"
same "re-coded with a new dictionary: same events" "$T/c.e.tsv" "$T/a4.e.tsv"
n=$(sql "$DB" "SELECT count(DISTINCT dict) FROM documents")
if [ "$n" = 1 ]; then ok; else bad "documents hold $n dictionary versions"; fi

# ---- many runs in turn = one run --------------------------------------------------
python3 - "$EX" "$T/corpus.jsonl" <<'EOF'
# 1000 copies of the examples: ids and urls differ (7 sites), dates do not,
# so each event is reported in 1000 articles from 7 sources.
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
with open(sys.argv[2], "w") as out:
    for k in range(1000):
        for d in docs:
            e = dict(d, id="%s-%d" % (d["id"], k), url="https://site%d.example/%s/%d" % (k % 7, d["id"], k))
            out.write(json.dumps(e) + "\n")
EOF
head -n 2000 "$T/corpus.jsonl" >"$T/part1.jsonl"
tail -n +2001 "$T/corpus.jsonl" >"$T/part2.jsonl"
"$PARLEY" code $DICTS --db "$T/whole.db" "$T/corpus.jsonl"
"$PARLEY" code $DICTS --db "$T/turns.db" "$T/part1.jsonl"
"$PARLEY" code $DICTS --db "$T/turns.db" "$T/part2.jsonl"
"$PARLEY" code $DICTS --db "$T/turns.db" "$T/part1.jsonl"
exports "$T/whole.db" "$T/whole"
exports "$T/turns.db" "$T/turns"
same "runs in turn = one run (events)" "$T/whole.e.tsv" "$T/turns.e.tsv"
same "runs in turn = one run (mentions)" "$T/whole.m.tsv" "$T/turns.m.tsv"
same "runs in turn = one run (jsonl)" "$T/whole.jsonl" "$T/turns.jsonl"
"$PARLEY" code $DICTS --format gdelt --mentions "$T/cd.m.tsv" "$T/corpus.jsonl" >"$T/cd.e.tsv"
same "store = direct GDELT output (5000 documents)" "$T/cd.e.tsv" "$T/whole.e.tsv"
# KEN 057 ETH: its mentions in one copy of the examples, times 1000.
per=$(grep -c '"source":"KEN","target":"ETH","code":"057"' "$T/direct.jsonl")
row=$(awk -F '\t' '$6 == "KEN" && $16 == "ETH" { print $32, $33, $34 }' "$T/whole.e.tsv")
if [ "$per" -ge 1 ] && [ "$row" = "$((per * 1000)) 7 1000" ]; then ok; else
    bad "an event in 1000 articles from 7 sites: '$row' ($per mentions a copy)"; fi

# ---- kill -9 in the middle, then resume ---------------------------------------------
# The input comes through a FIFO, written slowly, so the run is surely in
# the middle (with an open transaction) when it is killed.
mkfifo "$T/fifo"
python3 - "$T/corpus.jsonl" >"$T/fifo" 2>/dev/null <<'EOF' &
import sys, time
for n, line in enumerate(open(sys.argv[1]), 1):
    sys.stdout.write(line)
    if n % 40 == 0:
        sys.stdout.flush()
        time.sleep(0.005)
EOF
feeder=$!
"$PARLEY" code $DICTS --db "$T/killed.db" --input jsonl "$T/fifo" 2>"$T/killed.err" &
pid=$!
# Wait until at least two batches are committed, then kill.
tries=0
while :; do
    n=0
    [ -f "$T/killed.db" ] && n=$(sql "$T/killed.db" "SELECT count(*) FROM documents" 2>/dev/null)
    [ "${n:-0}" -ge 600 ] && break
    tries=$((tries + 1))
    if [ $tries -gt 600 ]; then bad "kill test: the run never stored 600 documents"; break; fi
    sleep 0.05
done
sleep 0.1
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
kill "$feeder" 2>/dev/null
wait "$feeder" 2>/dev/null
stored=$(sql "$T/killed.db" "SELECT count(*) FROM documents")
echo "kill test: killed with $stored of 5000 documents stored"
if [ "$stored" -gt 0 ] && [ "$stored" -lt 5000 ]; then ok; else bad "kill test: $stored of 5000 documents stored at the kill"; fi
if [ "$(sql "$T/killed.db" 'PRAGMA integrity_check')" = ok ]; then ok; else bad "killed database fails integrity_check"; fi
# Consistent at the kill: every stored document has all its mentions.
n=$(sql "$T/killed.db" "SELECT count(*) FROM documents d WHERE d.events <> (SELECT count(*) FROM mentions m WHERE m.doc = d.doc)")
if [ "$n" = 0 ]; then ok; else bad "kill test: $n documents with missing mentions"; fi
"$PARLEY" code $DICTS --db "$T/killed.db" --stats "$T/corpus.jsonl" 2>"$T/err"
skipped=$(sed -n 's/.*+ skipped \([0-9]*\) .*/\1/p' "$T/err")
if [ "$skipped" = "$stored" ]; then ok; else bad "resume skipped $skipped, $stored were stored"; fi
exports "$T/killed.db" "$T/killed"
same "killed + resumed = uninterrupted (events)" "$T/whole.e.tsv" "$T/killed.e.tsv"
same "killed + resumed = uninterrupted (mentions)" "$T/whole.m.tsv" "$T/killed.m.tsv"
same "killed + resumed = uninterrupted (jsonl)" "$T/whole.jsonl" "$T/killed.jsonl"
for t in documents events mentions; do
    a=$(sql "$T/whole.db" "SELECT count(*) FROM $t")
    b=$(sql "$T/killed.db" "SELECT count(*) FROM $t")
    if [ "$a" = "$b" ]; then ok; else bad "kill test: $t: $b rows, uninterrupted $a"; fi
done

# ---- PostgreSQL: the same events as SQLite ------------------------------------------
PGBIN=
for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && PGBIN=$d
done
if [ -z "$PGBIN" ]; then
    echo "skipped: PostgreSQL tests (no /usr/lib/postgresql/*/bin/initdb: install Debian's postgresql)"
else
    PGDIR=$(mktemp -d /tmp/parley-pg.XXXXXX)
    PGRUN=
    if [ "$(id -u)" = 0 ]; then
        # initdb refuses to run as root: run the server as nobody.
        chmod 755 "$PGDIR"
        chown nobody "$PGDIR"
        if command -v runuser >/dev/null 2>&1; then PGRUN="runuser -u nobody --"
        else PGRUN="su nobody -s /bin/sh -c"; fi
    fi
    pgrun() {
        if [ -z "$PGRUN" ]; then "$@"
        elif [ "${PGRUN#runuser}" != "$PGRUN" ]; then $PGRUN "$@"
        else $PGRUN "$*"; fi
    }
    if pgrun "$PGBIN/initdb" -D "$PGDIR/data" -U parley --auth=trust -E UTF8 \
            --no-locale >"$T/initdb.log" 2>&1 &&
       pgrun "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -t 60 \
            -o "-k $PGDIR -c listen_addresses= -p 5432 -c fsync=off" start >"$T/pgctl.log" 2>&1; then
        ok
        PGURL="postgresql:///postgres?host=$PGDIR&port=5432&user=parley"
        if "$PARLEY" code $DICTS --db "$PGURL" --stats "$T/corpus.jsonl" 2>"$T/err"; then ok; else
            bad "code --db postgresql: $(head -n 3 "$T/err")"; fi
        grep -q 'documents 5000 = coded 5000 + skipped 0 + errors 0' "$T/err" && ok || bad "pg stats: $(head -n 1 "$T/err")"
        exports "$PGURL" "$T/pg"
        same "PostgreSQL = SQLite (events)" "$T/whole.e.tsv" "$T/pg.e.tsv"
        same "PostgreSQL = SQLite (mentions)" "$T/whole.m.tsv" "$T/pg.m.tsv"
        same "PostgreSQL = SQLite (jsonl)" "$T/whole.jsonl" "$T/pg.jsonl"
        "$PARLEY" code $DICTS --db "$PGURL" --stats "$T/part1.jsonl" 2>"$T/err"
        grep -q 'coded 0 + skipped 2000' "$T/err" && ok || bad "pg resume: $(head -n 1 "$T/err")"
        # A replaced document, as in SQLite.
        "$PARLEY" code $DICTS --db "$PGURL" "$T/change.jsonl" 2>/dev/null
        "$PARLEY" code $DICTS --db "$T/whole.db" "$T/change.jsonl" 2>/dev/null
        exports "$PGURL" "$T/pg2"
        exports "$T/whole.db" "$T/whole2"
        same "PostgreSQL = SQLite after a replacement" "$T/whole2.e.tsv" "$T/pg2.e.tsv"
        same "PostgreSQL = SQLite after a replacement (mentions)" "$T/whole2.m.tsv" "$T/pg2.m.tsv"
    else
        bad "could not start PostgreSQL:"
        cat "$T/initdb.log" "$T/pgctl.log" "$PGDIR/log" 2>/dev/null | tail -n 15
    fi
fi

echo "store tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
