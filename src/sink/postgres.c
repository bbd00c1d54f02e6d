/* postgres.c: the store in PostgreSQL, for teams (`--db postgresql://...`),
 * through libpq. The schema is SQLite's (store.c), so both hold the same
 * rows and `parley export` reads either.
 *
 * Documents are written in batches of PRL_STORE_BATCH: their rows are
 * collected as COPY text, sent with COPY into session-local staging
 * tables, and moved into place by a few set statements in one transaction
 * (replace stored copies of the batch's documents, add new events, add the
 * mentions, drop events left without mentions). A killed run loses at most
 * the open batch, and the next run resumes (prl_store_seen). */
#include "sink/store.h"

#include <libpq-fe.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A growing COPY buffer. */
typedef struct buf {
    char *p;
    size_t len, cap;
    int failed;
} buf;

typedef struct pg_store {
    prl_store base;
    PGconn *conn;
    buf docs, events, mentions;
    char **batch;           /* ids of the batch's documents */
    size_t nbatch, capbatch;
    long long ord;
} pg_store;

static void quiet(void *ud, const char *msg)
{
    (void)ud;
    (void)msg;          /* the library never prints: notices are dropped */
}

static int fail(pg_store *q, const char *what)
{
    const char *m = PQerrorMessage(q->conn);
    size_t n = strlen(m);
    while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
        n--;
    snprintf(q->base.err, sizeof q->base.err, "%s: %.*s", what, (int)n, m);
    return -1;
}

/* Run SQL with no rows wanted. */
static int exec(pg_store *q, const char *sql, const char *what)
{
    PGresult *r = PQexec(q->conn, sql);
    ExecStatusType st = PQresultStatus(r);
    PQclear(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        return fail(q, what);
    return 0;
}

static void put_raw(buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *np = prl_realloc(&prl_default_alloc, b->p, cap);
        if (!np) {
            b->failed = 1;
            return;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

/* One COPY text field, escaped; sep is the tab or newline after it. */
static void put_text(buf *b, const char *s, char sep)
{
    size_t run = 0, i = 0;
    for (; s[i]; i++) {
        char c = s[i];
        const char *esc = c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n"
                        : c == '\r' ? "\\r" : NULL;
        if (!esc)
            continue;
        put_raw(b, s + run, i - run);
        put_raw(b, esc, 2);
        run = i + 1;
    }
    put_raw(b, s + run, i - run);
    put_raw(b, &sep, 1);
}

static void put_num(buf *b, long long v, char sep)
{
    char t[32];
    int n = snprintf(t, sizeof t, "%lld%c", v, sep);
    put_raw(b, t, (size_t)n);
}

static void put_null(buf *b, char sep)
{
    put_raw(b, "\\N", 2);
    put_raw(b, &sep, 1);
}

static void put_double(buf *b, double v, char sep)
{
    if (isnan(v)) {
        put_null(b, sep);
        return;
    }
    char t[48];
    int n = snprintf(t, sizeof t, "%.17g%c", v, sep);
    put_raw(b, t, (size_t)n);
}

static int in_batch(const pg_store *q, const char *doc)
{
    for (size_t i = 0; i < q->nbatch; i++)
        if (strcmp(q->batch[i], doc) == 0)
            return 1;
    return 0;
}

static void clear_batch(pg_store *q)
{
    for (size_t i = 0; i < q->nbatch; i++)
        prl_free(&prl_default_alloc, q->batch[i]);
    q->nbatch = 0;
    q->docs.len = q->events.len = q->mentions.len = 0;
    q->docs.failed = q->events.failed = q->mentions.failed = 0;
}

static int copy(pg_store *q, const char *table, const buf *b)
{
    char sql[128];
    snprintf(sql, sizeof sql, "COPY %s FROM STDIN", table);
    PGresult *r = PQexec(q->conn, sql);
    ExecStatusType st = PQresultStatus(r);
    PQclear(r);
    if (st != PGRES_COPY_IN)
        return fail(q, "COPY");
    if ((b->len && PQputCopyData(q->conn, b->p, (int)b->len) != 1) ||
        PQputCopyEnd(q->conn, NULL) != 1)
        return fail(q, "COPY");
    int ok = 1;
    while ((r = PQgetResult(q->conn)) != NULL) {
        ok &= PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
    }
    return ok ? 0 : fail(q, "COPY");
}

/* Move the staged batch into place: one transaction. */
static const char apply_sql[] =
    "CREATE TEMP TABLE IF NOT EXISTS gone (id BIGINT);"
    "INSERT INTO gone SELECT DISTINCT globaleventid FROM mentions"
    " WHERE doc IN (SELECT doc FROM stage_docs);"
    "DELETE FROM mentions WHERE doc IN (SELECT doc FROM stage_docs);"
    "DELETE FROM documents WHERE doc IN (SELECT doc FROM stage_docs);"
    "INSERT INTO documents SELECT * FROM stage_docs;"
    /* A GLOBALEVENTID held by another identity (a hash collision): the
     * mention is left out, as in SQLite. */
    "DELETE FROM stage_mentions sm USING stage_events se, events e"
    " WHERE sm.globaleventid = se.globaleventid AND e.globaleventid = se.globaleventid"
    " AND (e.date, e.source, e.target, e.code)"
    " IS DISTINCT FROM (se.date, se.source, se.target, se.code);"
    "INSERT INTO events SELECT DISTINCT ON (globaleventid) * FROM stage_events"
    " ORDER BY globaleventid ON CONFLICT (globaleventid) DO NOTHING;"
    "INSERT INTO mentions SELECT * FROM stage_mentions;"
    "DELETE FROM events WHERE globaleventid IN (SELECT id FROM gone)"
    " AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.globaleventid = events.globaleventid);"
    "DELETE FROM gone;";

static int pg_commit(prl_store *base)
{
    pg_store *q = (pg_store *)base;
    if (q->nbatch == 0)
        return 0;
    if (q->docs.failed || q->events.failed || q->mentions.failed) {
        snprintf(q->base.err, sizeof q->base.err, "%s", parley_strerror(PARLEY_ENOMEM));
        clear_batch(q);
        return -1;
    }
    int rc = exec(q, "BEGIN", "BEGIN");
    if (rc == 0)
        rc = copy(q, "stage_docs", &q->docs);
    if (rc == 0)
        rc = copy(q, "stage_events", &q->events);
    if (rc == 0)
        rc = copy(q, "stage_mentions", &q->mentions);
    if (rc == 0)
        rc = exec(q, apply_sql, "storing documents");
    if (rc == 0)
        rc = exec(q, "COMMIT", "COMMIT");
    else
        exec(q, "ROLLBACK", "ROLLBACK");
    clear_batch(q);
    return rc;
}

static int pg_seen(prl_store *base, const char *doc, const char *dict, const char *hash)
{
    pg_store *q = (pg_store *)base;
    /* A document of the open batch: write the batch so the answer holds. */
    if (in_batch(q, doc) && pg_commit(base) != 0)
        return -1;
    const char *params[1] = {doc};
    PGresult *r = PQexecParams(q->conn, "SELECT dict, hash FROM documents WHERE doc = $1",
                               1, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        PQclear(r);
        return fail(q, "reading documents");
    }
    int seen = PQntuples(r) == 1 && strcmp(PQgetvalue(r, 0, 0), dict) == 0 &&
               strcmp(PQgetvalue(r, 0, 1), hash) == 0;
    PQclear(r);
    return seen;
}

static void put_parts(buf *b, const prl_actor_parts *p, char last)
{
    const char *v[8] = {p->country, p->knowngroup, p->ethnic, p->religion[0],
                        p->religion[1], p->type[0], p->type[1], p->type[2]};
    for (int k = 0; k < 8; k++)
        put_text(b, v[k], k == 7 ? last : '\t');
}

static int pg_put(prl_store *base, prl_mentions *ms, size_t n, const char *hash)
{
    pg_store *q = (pg_store *)base;
    const prl_mention *d = &ms->base;
    if (in_batch(q, d->doc) && pg_commit(base) != 0)
        return -1;
    if (q->nbatch == q->capbatch) {
        size_t cap = q->capbatch ? 2 * q->capbatch : PRL_STORE_BATCH;
        char **nb = prl_realloc(&prl_default_alloc, q->batch, cap * sizeof *nb);
        if (!nb)
            goto nomem;
        q->batch = nb;
        q->capbatch = cap;
    }
    if (!(q->batch[q->nbatch] = prl_strndup(&prl_default_alloc, d->doc, strlen(d->doc))))
        goto nomem;
    q->nbatch++;

    buf *b = &q->docs;
    put_text(b, d->doc, '\t');
    put_num(b, ++q->ord, '\t');
    put_text(b, d->date, '\t');
    put_text(b, d->url, '\t');
    put_text(b, d->source_name, '\t');
    put_text(b, d->dict, '\t');
    put_text(b, hash, '\t');
    put_num(b, (long long)d->doc_chars, '\t');
    put_num(b, (long long)parley_doc_sentence_count(ms->doc), '\t');
    put_num(b, (long long)n, '\t');
    put_num(b, d->headline_support, '\t');
    put_num(b, (long long)d->repeated, '\n');
    for (size_t i = 0; i < n; i++) {
        prl_mention m;
        if (prl_mentions_get(ms, i, &m) != PARLEY_OK)
            goto nomem;
        prl_event_fields f;
        prl_event_fields_of(&m, &f);
        b = &q->events;
        put_num(b, (long long)m.id, '\t');
        put_text(b, m.date, '\t');
        put_text(b, m.source, '\t');
        put_text(b, m.target, '\t');
        put_text(b, m.code, '\t');
        put_text(b, "", '\t');
        if (f.sqldate) {
            put_num(b, f.sqldate, '\t');
            put_num(b, f.monthyear, '\t');
            put_num(b, f.year, '\t');
            put_double(b, f.fraction, '\t');
        } else {
            for (int k = 0; k < 4; k++)
                put_null(b, '\t');
        }
        put_text(b, f.base, '\t');
        put_text(b, f.root, '\t');
        if (f.quad)
            put_num(b, f.quad, '\t');
        else
            put_null(b, '\t');
        put_double(b, f.goldstein, '\t');
        put_parts(b, &f.a1, '\t');
        put_parts(b, &f.a2, '\n');

        b = &q->mentions;
        put_num(b, (long long)m.id, '\t');
        put_text(b, m.doc, '\t');
        const long long nums[] = {m.seq, m.sentence, m.part, m.start, m.end,
                                  m.src_start, m.src_end, m.tgt_start, m.tgt_end,
                                  m.verb_start, m.verb_end, m.a1_char, m.a2_char,
                                  m.action_char, m.confidence, m.in_lead};
        for (int k = 0; k < 16; k++)
            put_num(b, nums[k], '\t');
        put_text(b, m.source_text, '\t');
        put_text(b, m.target_text, '\t');
        put_text(b, m.verb, '\t');
        put_text(b, m.text, '\t');
        put_text(b, m.pattern, '\t');
        put_num(b, m.support, '\t');
        char geo[1024];
        size_t gn = prl_geo_cols_format(&m, geo, sizeof geo);
        put_text(b, gn == (size_t)-1 ? "" : geo, '\n');
    }
    return 0;
nomem:
    snprintf(q->base.err, sizeof q->base.err, "%s", parley_strerror(PARLEY_ENOMEM));
    return -1;
}

static int pg_read(prl_store *base, int by_event, const char *from, const char *to,
                   prl_store_fn fn, void *ud)
{
    pg_store *q = (pg_store *)base;
    char query[2048];
    snprintf(query, sizeof query,
             "SELECT m.globaleventid, d.doc, d.date, d.url, d.source_name, d.dict, d.chars,"
             " e.source, e.target, e.code, m.seq, m.sentence, m.part, m.sent_start,"
             " m.sent_end, m.src_start, m.src_end, m.tgt_start, m.tgt_end, m.verb_start,"
             " m.verb_end, m.a1_char, m.a2_char, m.action_char, m.confidence, m.in_lead,"
             " m.source_text, m.target_text, m.verb, m.text, m.pattern,"
             " m.support, d.headline_support, d.repeated, m.geo"
             " FROM mentions m JOIN events e ON e.globaleventid = m.globaleventid"
             " JOIN documents d ON d.doc = m.doc"
             " WHERE ($1::text IS NULL OR e.date >= $1) AND ($2::text IS NULL OR e.date <= $2)"
             " ORDER BY %s",
             by_event ? "e.date COLLATE \"C\", m.globaleventid, m.doc, m.seq"
                      : "d.ord, m.seq");
    const char *params[2] = {from, to};
    if (!PQsendQueryParams(q->conn, query, 2, NULL, params, NULL, NULL, 0) ||
        !PQsetSingleRowMode(q->conn))
        return fail(q, "reading the store");
    PGresult *r;
    int stop = 0, bad = 0;
    while ((r = PQgetResult(q->conn)) != NULL) {
        ExecStatusType st = PQresultStatus(r);
        if (st == PGRES_SINGLE_TUPLE && !stop) {
            prl_mention m;
            memset(&m, 0, sizeof m);
            long long v[34];
            for (int k = 0; k < 34; k++)
                v[k] = strtoll(PQgetvalue(r, 0, k), NULL, 10);
            m.id = (uint64_t)v[0];
            m.doc = PQgetvalue(r, 0, 1);
            m.date = PQgetvalue(r, 0, 2);
            m.url = PQgetvalue(r, 0, 3);
            m.source_name = PQgetvalue(r, 0, 4);
            m.dict = PQgetvalue(r, 0, 5);
            m.doc_chars = (unsigned long)v[6];
            m.source = PQgetvalue(r, 0, 7);
            m.target = PQgetvalue(r, 0, 8);
            m.code = PQgetvalue(r, 0, 9);
            m.seq = (uint32_t)v[10];
            m.sentence = (uint32_t)v[11];
            m.part = (int)v[12];
            uint32_t *u[] = {&m.start, &m.end, &m.src_start, &m.src_end, &m.tgt_start,
                             &m.tgt_end, &m.verb_start, &m.verb_end};
            for (int k = 0; k < 8; k++)
                *u[k] = (uint32_t)v[13 + k];
            m.a1_char = (long)v[21];
            m.a2_char = (long)v[22];
            m.action_char = (long)v[23];
            m.confidence = (int)v[24];
            m.in_lead = (int)v[25];
            m.source_text = PQgetvalue(r, 0, 26);
            m.target_text = PQgetvalue(r, 0, 27);
            m.verb = PQgetvalue(r, 0, 28);
            m.text = PQgetvalue(r, 0, 29);
            m.pattern = PQgetvalue(r, 0, 30);
            m.support = (int)v[31];
            m.headline_support = (int)v[32];
            m.repeated = (unsigned)v[33];
            char geo[1024];
            snprintf(geo, sizeof geo, "%s", PQgetvalue(r, 0, 34));
            prl_geo_cols_parse(geo, &m);
            stop = fn(ud, &m) != 0;
        } else if (st != PGRES_SINGLE_TUPLE && st != PGRES_TUPLES_OK && !bad) {
            bad = 1;
            fail(q, "reading the store");
        }
        PQclear(r);
    }
    return stop || bad ? -1 : 0;
}

static void pg_close(prl_store *base)
{
    pg_store *q = (pg_store *)base;
    clear_batch(q);     /* an uncommitted batch is dropped */
    prl_free(&prl_default_alloc, q->batch);
    prl_free(&prl_default_alloc, q->docs.p);
    prl_free(&prl_default_alloc, q->events.p);
    prl_free(&prl_default_alloc, q->mentions.p);
    PQfinish(q->conn);
    prl_free(&prl_default_alloc, q);
}

static const prl_store_ops pg_ops = {pg_seen, pg_put, pg_commit, pg_read, pg_close};

parley_status prl_store_pg_open(const char *url, prl_store **out, char *err,
                                size_t errlen)
{
    *out = NULL;
    pg_store *q = prl_calloc(&prl_default_alloc, sizeof *q);
    if (!q) {
        snprintf(err, errlen, "%s", parley_strerror(PARLEY_ENOMEM));
        return PARLEY_ENOMEM;
    }
    q->base.ops = &pg_ops;
    q->conn = PQconnectdb(url);
    char *tables = NULL, *views = NULL;
    if (!q->conn || PQstatus(q->conn) != CONNECTION_OK) {
        if (q->conn)
            fail(q, "cannot connect");
        else
            snprintf(q->base.err, sizeof q->base.err, "%s", parley_strerror(PARLEY_ENOMEM));
        goto bad;
    }
    PQsetNoticeProcessor(q->conn, quiet, NULL);
    tables = prl_store_schema(1, 0);
    views = prl_store_schema(1, 1);
    if (!tables || !views) {
        snprintf(q->base.err, sizeof q->base.err, "%s", parley_strerror(PARLEY_ENOMEM));
        goto bad;
    }
    /* The schema in one transaction; an advisory lock keeps two first
     * runs from creating it at once. */
    if (exec(q, "BEGIN; SELECT pg_advisory_xact_lock(7243051)", "creating the schema") != 0 ||
        exec(q, tables, "creating the schema") != 0 ||
        exec(q, views, "creating the schema") != 0 ||
        exec(q, "INSERT INTO parley_meta VALUES ('schema', '1') ON CONFLICT (key) DO NOTHING;"
                "COMMIT", "creating the schema") != 0) {
        exec(q, "ROLLBACK", "ROLLBACK");
        goto bad;
    }
    if (exec(q, "CREATE TEMP TABLE stage_docs (LIKE documents) ON COMMIT DELETE ROWS;"
                "CREATE TEMP TABLE stage_events (LIKE events) ON COMMIT DELETE ROWS;"
                "CREATE TEMP TABLE stage_mentions (LIKE mentions) ON COMMIT DELETE ROWS",
             "creating staging tables") != 0)
        goto bad;
    PGresult *r = PQexec(q->conn, "SELECT COALESCE(MAX(ord), 0) FROM documents");
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        PQclear(r);
        fail(q, "reading documents");
        goto bad;
    }
    q->ord = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    PQclear(r);
    prl_free(&prl_default_alloc, tables);
    prl_free(&prl_default_alloc, views);
    *out = &q->base;
    return PARLEY_OK;
bad:
    snprintf(err, errlen, "%s", q->base.err);
    prl_free(&prl_default_alloc, tables);
    prl_free(&prl_default_alloc, views);
    pg_close(&q->base);
    return PARLEY_EIO;
}
