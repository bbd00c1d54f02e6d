/* sqlite.c: the embedded store behind `--db PATH` (Debian's libsqlite3).
 *
 * Durability and speed: the database runs in WAL mode with synchronous
 * NORMAL, and documents are written in transactions of PRL_STORE_BATCH
 * documents. A process killed at any point (kill -9) loses at most the
 * open transaction; every committed document is there with all its
 * mentions and events, never half of one, and the next run resumes by
 * skipping documents already stored (prl_store_seen). Statements are
 * prepared once. docs/store.md has the schema and the rules. */
#include "sink/store.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

enum {
    S_SEEN, S_HAVE, S_GONE, S_DEL_MENTIONS, S_DEL_DOC, S_DEL_EVENTS, S_CLEAR_GONE,
    S_PUT_DOC, S_PUT_EVENT, S_CHECK_EVENT, S_PUT_MENTION, S_COUNT
};

static const char *const sql[S_COUNT] = {
    [S_SEEN] = "SELECT dict, hash FROM documents WHERE doc = ?1",
    [S_HAVE] = "SELECT 1 FROM documents WHERE doc = ?1",
    [S_GONE] = "INSERT INTO temp.gone SELECT DISTINCT globaleventid FROM mentions WHERE doc = ?1",
    [S_DEL_MENTIONS] = "DELETE FROM mentions WHERE doc = ?1",
    [S_DEL_DOC] = "DELETE FROM documents WHERE doc = ?1",
    [S_DEL_EVENTS] = "DELETE FROM events WHERE globaleventid IN (SELECT id FROM temp.gone) "
                     "AND NOT EXISTS (SELECT 1 FROM mentions m "
                     "WHERE m.globaleventid = events.globaleventid)",
    [S_CLEAR_GONE] = "DELETE FROM temp.gone",
    [S_PUT_DOC] = "INSERT INTO documents (doc, ord, date, url, source_name, dict, hash, "
                  "chars, sentences, events, headline_support, repeated) "
                  "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
    [S_PUT_EVENT] = "INSERT INTO events VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,"
                    "?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26,?27,?28,?29,?30) "
                    "ON CONFLICT (globaleventid) DO NOTHING",
    [S_CHECK_EVENT] = "SELECT date, source, target, code FROM events WHERE globaleventid = ?1",
    [S_PUT_MENTION] = "INSERT INTO mentions VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,"
                      "?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,"
                      "?24,?25)",
};

typedef struct sq_store {
    prl_store base;
    sqlite3 *db;
    sqlite3_stmt *st[S_COUNT];
    int in_tx;
    long long ord;          /* the last documents.ord */
} sq_store;

static int fail(sq_store *q, const char *what)
{
    snprintf(q->base.err, sizeof q->base.err, "%s: %s", what, sqlite3_errmsg(q->db));
    return -1;
}

static int exec(sq_store *q, const char *s)
{
    char *msg = NULL;
    if (sqlite3_exec(q->db, s, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(q->base.err, sizeof q->base.err, "%s", msg ? msg : sqlite3_errmsg(q->db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static int begin(sq_store *q)
{
    if (q->in_tx)
        return 0;
    /* IMMEDIATE: take the write lock now, so a second writer waits here
     * (busy timeout) rather than failing in the middle of a document. */
    if (exec(q, "BEGIN IMMEDIATE") != 0)
        return -1;
    q->in_tx = 1;
    return 0;
}

static sqlite3_stmt *stmt(sq_store *q, int k)
{
    sqlite3_stmt *s = q->st[k];
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return s;
}

static void text(sqlite3_stmt *s, int i, const char *v)
{
    sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

/* Run a statement with no rows; 0 or -1. */
static int run(sq_store *q, sqlite3_stmt *s, const char *what)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : fail(q, what);
}

static int sq_seen(prl_store *base, const char *doc, const char *dict, const char *hash)
{
    sq_store *q = (sq_store *)base;
    sqlite3_stmt *s = stmt(q, S_SEEN);
    text(s, 1, doc);
    int rc = sqlite3_step(s), seen = 0;
    if (rc == SQLITE_ROW) {
        const char *d = (const char *)sqlite3_column_text(s, 0);
        const char *h = (const char *)sqlite3_column_text(s, 1);
        seen = d && h && strcmp(d, dict) == 0 && strcmp(h, hash) == 0;
    } else if (rc != SQLITE_DONE) {
        sqlite3_reset(s);
        return fail(q, "reading documents");
    }
    sqlite3_reset(s);
    return seen;
}

/* Remove a stored document: its mentions, then the events no other
 * mention holds. */
static int drop_doc(sq_store *q, const char *doc)
{
    sqlite3_stmt *s = stmt(q, S_HAVE);
    text(s, 1, doc);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc == SQLITE_DONE)
        return 0;           /* a new document: nothing to replace */
    if (rc != SQLITE_ROW)
        return fail(q, "reading documents");
    const int steps[] = {S_GONE, S_DEL_MENTIONS, S_DEL_DOC};
    for (size_t i = 0; i < 3; i++) {
        s = stmt(q, steps[i]);
        text(s, 1, doc);
        if (run(q, s, "replacing a document") != 0)
            return -1;
    }
    if (run(q, stmt(q, S_DEL_EVENTS), "replacing a document") != 0 ||
        run(q, stmt(q, S_CLEAR_GONE), "replacing a document") != 0)
        return -1;
    return 0;
}

static void bind_parts(sqlite3_stmt *s, int i, const prl_actor_parts *p)
{
    const char *v[8] = {p->country, p->knowngroup, p->ethnic, p->religion[0],
                        p->religion[1], p->type[0], p->type[1], p->type[2]};
    for (int k = 0; k < 8; k++)
        sqlite3_bind_text(s, i + k, v[k], -1, SQLITE_TRANSIENT);
}

/* Insert the event of m if new; 1 if the id is held by another identity
 * (a GLOBALEVENTID collision: the mention is left out), 0 ok, -1 error. */
static int put_event(sq_store *q, const prl_mention *m)
{
    prl_event_fields f;
    prl_event_fields_of(m, &f);
    sqlite3_stmt *s = stmt(q, S_PUT_EVENT);
    sqlite3_bind_int64(s, 1, (sqlite3_int64)m->id);
    text(s, 2, m->date);
    text(s, 3, m->source);
    text(s, 4, m->target);
    text(s, 5, m->code);
    text(s, 6, "");
    if (f.sqldate) {
        sqlite3_bind_int64(s, 7, f.sqldate);
        sqlite3_bind_int64(s, 8, f.monthyear);
        sqlite3_bind_int64(s, 9, f.year);
        sqlite3_bind_double(s, 10, f.fraction);
    }
    sqlite3_bind_text(s, 11, f.base, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 12, f.root, -1, SQLITE_TRANSIENT);
    if (f.quad)
        sqlite3_bind_int(s, 13, f.quad);
    if (!isnan(f.goldstein))
        sqlite3_bind_double(s, 14, f.goldstein);
    bind_parts(s, 15, &f.a1);
    bind_parts(s, 23, &f.a2);
    if (run(q, s, "writing an event") != 0)
        return -1;
    if (sqlite3_changes(q->db) > 0)
        return 0;
    /* The id was there: the same identity, or (rarely) a collision. */
    s = stmt(q, S_CHECK_EVENT);
    sqlite3_bind_int64(s, 1, (sqlite3_int64)m->id);
    int same = 0;
    if (sqlite3_step(s) == SQLITE_ROW) {
        const char *v[4] = {m->date, m->source, m->target, m->code};
        same = 1;
        for (int k = 0; k < 4; k++) {
            const char *c = (const char *)sqlite3_column_text(s, k);
            same &= c && strcmp(c, v[k]) == 0;
        }
    }
    sqlite3_reset(s);
    return same ? 0 : 1;
}

static int put_mention(sq_store *q, const prl_mention *m)
{
    sqlite3_stmt *s = stmt(q, S_PUT_MENTION);
    sqlite3_bind_int64(s, 1, (sqlite3_int64)m->id);
    text(s, 2, m->doc);
    const long long nums[] = {m->seq, m->sentence, m->part, m->start, m->end,
                              m->src_start, m->src_end, m->tgt_start, m->tgt_end,
                              m->verb_start, m->verb_end, m->a1_char, m->a2_char,
                              m->action_char, m->confidence, m->in_lead};
    for (int k = 0; k < 16; k++)
        sqlite3_bind_int64(s, 3 + k, nums[k]);
    text(s, 19, m->source_text);
    text(s, 20, m->target_text);
    text(s, 21, m->verb);
    text(s, 22, m->text);
    text(s, 23, m->pattern);
    sqlite3_bind_int(s, 24, m->support);
    char geo[1024];
    size_t gn = prl_geo_cols_format(m, geo, sizeof geo);
    text(s, 25, gn == (size_t)-1 ? "" : geo);
    return run(q, s, "writing a mention");
}

static int sq_put(prl_store *base, prl_mentions *ms, size_t n, const char *hash)
{
    sq_store *q = (sq_store *)base;
    const prl_mention *b = &ms->base;
    if (begin(q) != 0 || drop_doc(q, b->doc) != 0)
        return -1;
    sqlite3_stmt *s = stmt(q, S_PUT_DOC);
    text(s, 1, b->doc);
    sqlite3_bind_int64(s, 2, ++q->ord);
    text(s, 3, b->date);
    text(s, 4, b->url);
    text(s, 5, b->source_name);
    text(s, 6, b->dict);
    text(s, 7, hash);
    sqlite3_bind_int64(s, 8, (sqlite3_int64)b->doc_chars);
    sqlite3_bind_int64(s, 9, (sqlite3_int64)parley_doc_sentence_count(ms->doc));
    sqlite3_bind_int64(s, 10, (sqlite3_int64)n);
    sqlite3_bind_int(s, 11, b->headline_support);
    sqlite3_bind_int64(s, 12, (sqlite3_int64)b->repeated);
    if (run(q, s, "writing a document") != 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        prl_mention m;
        if (prl_mentions_get(ms, i, &m) != PARLEY_OK) {
            snprintf(q->base.err, sizeof q->base.err, "%s", parley_strerror(PARLEY_ENOMEM));
            return -1;
        }
        int rc = put_event(q, &m);
        if (rc < 0)
            return -1;
        if (rc == 0 && put_mention(q, &m) != 0)
            return -1;
    }
    return 0;
}

static int sq_commit(prl_store *base)
{
    sq_store *q = (sq_store *)base;
    if (!q->in_tx)
        return 0;
    q->in_tx = 0;
    return exec(q, "COMMIT");
}

static const char *col(sqlite3_stmt *s, int i)
{
    const char *v = (const char *)sqlite3_column_text(s, i);
    return v ? v : "";
}

static int sq_read(prl_store *base, int by_event, const char *from, const char *to,
                   prl_store_fn fn, void *ud)
{
    sq_store *q = (sq_store *)base;
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
             " WHERE (?1 IS NULL OR e.date >= ?1) AND (?2 IS NULL OR e.date <= ?2)"
             " ORDER BY %s",
             by_event ? "e.date, m.globaleventid, m.doc, m.seq" : "d.ord, m.seq");
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(q->db, query, -1, &s, NULL) != SQLITE_OK)
        return fail(q, "reading the store");
    if (from)
        text(s, 1, from);
    if (to)
        text(s, 2, to);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        prl_mention m;
        memset(&m, 0, sizeof m);
        m.id = (uint64_t)sqlite3_column_int64(s, 0);
        m.doc = col(s, 1);
        m.date = col(s, 2);
        m.url = col(s, 3);
        m.source_name = col(s, 4);
        m.dict = col(s, 5);
        m.doc_chars = (unsigned long)sqlite3_column_int64(s, 6);
        m.source = col(s, 7);
        m.target = col(s, 8);
        m.code = col(s, 9);
        m.seq = (uint32_t)sqlite3_column_int64(s, 10);
        m.sentence = (uint32_t)sqlite3_column_int64(s, 11);
        m.part = sqlite3_column_int(s, 12);
        uint32_t *u[] = {&m.start, &m.end, &m.src_start, &m.src_end, &m.tgt_start,
                         &m.tgt_end, &m.verb_start, &m.verb_end};
        for (int k = 0; k < 8; k++)
            *u[k] = (uint32_t)sqlite3_column_int64(s, 13 + k);
        m.a1_char = (long)sqlite3_column_int64(s, 21);
        m.a2_char = (long)sqlite3_column_int64(s, 22);
        m.action_char = (long)sqlite3_column_int64(s, 23);
        m.confidence = sqlite3_column_int(s, 24);
        m.in_lead = sqlite3_column_int(s, 25);
        m.source_text = col(s, 26);
        m.target_text = col(s, 27);
        m.verb = col(s, 28);
        m.text = col(s, 29);
        m.pattern = col(s, 30);
        m.support = sqlite3_column_int(s, 31);
        m.headline_support = sqlite3_column_int(s, 32);
        m.repeated = (unsigned)sqlite3_column_int64(s, 33);
        char geo[1024];
        snprintf(geo, sizeof geo, "%s", col(s, 34));
        prl_geo_cols_parse(geo, &m);
        stop = fn(ud, &m);
    }
    if (!stop && rc != SQLITE_DONE) {
        fail(q, "reading the store");
        sqlite3_finalize(s);
        return -1;
    }
    sqlite3_finalize(s);
    return stop ? -1 : 0;
}

static void sq_close(prl_store *base)
{
    sq_store *q = (sq_store *)base;
    if (q->in_tx)
        exec(q, "ROLLBACK");
    for (int k = 0; k < S_COUNT; k++)
        sqlite3_finalize(q->st[k]);
    sqlite3_close(q->db);
    prl_free(&prl_default_alloc, q);
}

static const prl_store_ops sq_ops = {sq_seen, sq_put, sq_commit, sq_read, sq_close};

/* Create what is missing: tables and indexes, the views once. */
static int schema(sq_store *q)
{
    if (exec(q, "BEGIN IMMEDIATE") != 0)
        return -1;
    char *tables = prl_store_schema(0, 0), *views = prl_store_schema(0, 1);
    int rc = !tables || !views ? -1 : exec(q, tables) || exec(q, views) ? -1 : 0;
    if (!tables || !views)
        snprintf(q->base.err, sizeof q->base.err, "%s", parley_strerror(PARLEY_ENOMEM));
    prl_free(&prl_default_alloc, tables);
    prl_free(&prl_default_alloc, views);
    if (rc == 0)
        rc = exec(q, "INSERT INTO parley_meta VALUES ('schema', '1') "
                     "ON CONFLICT (key) DO NOTHING");
    if (rc == 0)
        rc = exec(q, "COMMIT");
    else
        sqlite3_exec(q->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

parley_status prl_store_sqlite_open(const char *path, prl_store **out, char *err,
                                    size_t errlen)
{
    *out = NULL;
    sq_store *q = prl_calloc(&prl_default_alloc, sizeof *q);
    if (!q) {
        snprintf(err, errlen, "%s", parley_strerror(PARLEY_ENOMEM));
        return PARLEY_ENOMEM;
    }
    q->base.ops = &sq_ops;
    parley_status st = PARLEY_EIO;
    int rc = sqlite3_open_v2(path, &q->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK) {
        snprintf(q->base.err, sizeof q->base.err, "%s",
                 q->db ? sqlite3_errmsg(q->db) : sqlite3_errstr(rc));
        goto bad;
    }
    /* Another run on the same file waits for the lock rather than fail. */
    sqlite3_busy_timeout(q->db, 60000);
    if (exec(q, "PRAGMA journal_mode=WAL") != 0 ||
        exec(q, "PRAGMA synchronous=NORMAL") != 0 || schema(q) != 0 ||
        exec(q, "CREATE TEMP TABLE IF NOT EXISTS gone (id INTEGER)") != 0)
        goto bad;
    for (int k = 0; k < S_COUNT; k++)
        if (sqlite3_prepare_v3(q->db, sql[k], -1, SQLITE_PREPARE_PERSISTENT,
                               &q->st[k], NULL) != SQLITE_OK) {
            fail(q, "preparing statements (is this a parley store?)");
            goto bad;
        }
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(q->db, "SELECT COALESCE(MAX(ord), 0) FROM documents", -1, &s,
                           NULL) != SQLITE_OK || sqlite3_step(s) != SQLITE_ROW) {
        sqlite3_finalize(s);
        fail(q, "reading documents");
        goto bad;
    }
    q->ord = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    *out = &q->base;
    return PARLEY_OK;
bad:
    snprintf(err, errlen, "%s", q->base.err);
    sq_close(&q->base);
    return st;
}
