/* store.c: what the two stores share: opening by name (an SQLite path or
 * a PostgreSQL URL), the resume and batching rules, the schema, and the
 * GDELT columns derived from an event's identity. The backends are
 * sqlite.c and postgres.c; docs/store.md describes the schema. */
#include "sink/store.h"

#include <math.h>
#include <string.h>

/* The schema in one text for both databases; the @ marks differ:
 *   @C     a collation for keys that are sorted: PostgreSQL's "C" (byte
 *          order, as SQLite's BINARY and strcmp), nothing for SQLite
 *   @ID    the event id column: SQLite's rowid alias, a PostgreSQL bigint
 *   @VIEW  how to create a view only once: SQLite has IF NOT EXISTS,
 *          PostgreSQL OR REPLACE. */
static const char prl_store_tables[] =
    "CREATE TABLE IF NOT EXISTS parley_meta (\n"
    "    key TEXT PRIMARY KEY,\n"
    "    value TEXT NOT NULL\n"
    ");\n"
    "CREATE TABLE IF NOT EXISTS documents (\n"
    "    doc TEXT@C PRIMARY KEY,\n"
    "    ord BIGINT NOT NULL,\n"
    "    date TEXT NOT NULL,\n"
    "    url TEXT NOT NULL,\n"
    "    source_name TEXT NOT NULL,\n"
    "    dict TEXT NOT NULL,\n"
    "    hash TEXT NOT NULL,\n"
    "    chars BIGINT NOT NULL,\n"
    "    sentences INTEGER NOT NULL,\n"
    "    events INTEGER NOT NULL,\n"
    "    headline_support INTEGER NOT NULL DEFAULT 0,\n"
    "    repeated INTEGER NOT NULL DEFAULT 0\n"
    ");\n"
    "CREATE TABLE IF NOT EXISTS events (\n"
    "    globaleventid @ID,\n"
    "    date TEXT NOT NULL,\n"
    "    source TEXT@C NOT NULL,\n"
    "    target TEXT@C NOT NULL,\n"
    "    code TEXT@C NOT NULL,\n"
    "    place TEXT NOT NULL,\n"
    "    sqldate INTEGER,\n"
    "    monthyear INTEGER,\n"
    "    year INTEGER,\n"
    "    fractiondate DOUBLE PRECISION,\n"
    "    base TEXT NOT NULL,\n"
    "    root TEXT NOT NULL,\n"
    "    quad INTEGER,\n"
    "    goldstein DOUBLE PRECISION,\n"
    "    a1_country TEXT NOT NULL, a1_knowngroup TEXT NOT NULL, a1_ethnic TEXT NOT NULL,\n"
    "    a1_religion1 TEXT NOT NULL, a1_religion2 TEXT NOT NULL,\n"
    "    a1_type1 TEXT NOT NULL, a1_type2 TEXT NOT NULL, a1_type3 TEXT NOT NULL,\n"
    "    a2_country TEXT NOT NULL, a2_knowngroup TEXT NOT NULL, a2_ethnic TEXT NOT NULL,\n"
    "    a2_religion1 TEXT NOT NULL, a2_religion2 TEXT NOT NULL,\n"
    "    a2_type1 TEXT NOT NULL, a2_type2 TEXT NOT NULL, a2_type3 TEXT NOT NULL\n"
    ");\n"
    "CREATE TABLE IF NOT EXISTS mentions (\n"
    "    globaleventid BIGINT NOT NULL,\n"
    "    doc TEXT@C NOT NULL,\n"
    "    seq INTEGER NOT NULL,\n"
    "    sentence INTEGER NOT NULL,\n"
    "    part INTEGER NOT NULL,\n"
    "    sent_start INTEGER NOT NULL, sent_end INTEGER NOT NULL,\n"
    "    src_start INTEGER NOT NULL, src_end INTEGER NOT NULL,\n"
    "    tgt_start INTEGER NOT NULL, tgt_end INTEGER NOT NULL,\n"
    "    verb_start INTEGER NOT NULL, verb_end INTEGER NOT NULL,\n"
    "    a1_char BIGINT NOT NULL, a2_char BIGINT NOT NULL, action_char BIGINT NOT NULL,\n"
    "    confidence INTEGER NOT NULL,\n"
    "    in_lead INTEGER NOT NULL,\n"
    "    source_text TEXT NOT NULL,\n"
    "    target_text TEXT NOT NULL,\n"
    "    verb TEXT NOT NULL,\n"
    "    text TEXT NOT NULL,\n"
    "    pattern TEXT NOT NULL,\n"
    "    support INTEGER NOT NULL DEFAULT 0,\n"
    "    geo TEXT NOT NULL DEFAULT '',\n"
    "    PRIMARY KEY (doc, seq)\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS documents_ord ON documents (ord);\n"
    "CREATE INDEX IF NOT EXISTS events_date ON events (date);\n"
    "CREATE INDEX IF NOT EXISTS events_source ON events (source);\n"
    "CREATE INDEX IF NOT EXISTS events_target ON events (target);\n"
    "CREATE INDEX IF NOT EXISTS events_code ON events (code);\n"
    "CREATE INDEX IF NOT EXISTS mentions_event ON mentions (globaleventid);\n";

static const char prl_store_views[] =
    "CREATE @VIEW gdelt_events AS SELECT\n"
    "    e.globaleventid AS \"GLOBALEVENTID\",\n"
    "    e.sqldate AS \"SQLDATE\",\n"
    "    e.monthyear AS \"MonthYear\",\n"
    "    e.year AS \"Year\",\n"
    "    e.fractiondate AS \"FractionDate\",\n"
    "    replace(e.source, '---', '') AS \"Actor1Code\",\n"
    "    (SELECT upper(m.source_text) FROM mentions m JOIN documents d ON d.doc = m.doc WHERE m.globaleventid = e.globaleventid ORDER BY m.doc, m.seq LIMIT 1) AS \"Actor1Name\",\n"
    "    e.a1_country AS \"Actor1CountryCode\",\n"
    "    e.a1_knowngroup AS \"Actor1KnownGroupCode\",\n"
    "    e.a1_ethnic AS \"Actor1EthnicCode\",\n"
    "    e.a1_religion1 AS \"Actor1Religion1Code\",\n"
    "    e.a1_religion2 AS \"Actor1Religion2Code\",\n"
    "    e.a1_type1 AS \"Actor1Type1Code\",\n"
    "    e.a1_type2 AS \"Actor1Type2Code\",\n"
    "    e.a1_type3 AS \"Actor1Type3Code\",\n"
    "    replace(e.target, '---', '') AS \"Actor2Code\",\n"
    "    (SELECT upper(m.target_text) FROM mentions m JOIN documents d ON d.doc = m.doc WHERE m.globaleventid = e.globaleventid ORDER BY m.doc, m.seq LIMIT 1) AS \"Actor2Name\",\n"
    "    e.a2_country AS \"Actor2CountryCode\",\n"
    "    e.a2_knowngroup AS \"Actor2KnownGroupCode\",\n"
    "    e.a2_ethnic AS \"Actor2EthnicCode\",\n"
    "    e.a2_religion1 AS \"Actor2Religion1Code\",\n"
    "    e.a2_religion2 AS \"Actor2Religion2Code\",\n"
    "    e.a2_type1 AS \"Actor2Type1Code\",\n"
    "    e.a2_type2 AS \"Actor2Type2Code\",\n"
    "    e.a2_type3 AS \"Actor2Type3Code\",\n"
    "    (SELECT MAX(m.in_lead) FROM mentions m JOIN documents d ON d.doc = m.doc WHERE m.globaleventid = e.globaleventid) AS \"IsRootEvent\",\n"
    "    e.code AS \"EventCode\",\n"
    "    e.base AS \"EventBaseCode\",\n"
    "    e.root AS \"EventRootCode\",\n"
    "    e.quad AS \"QuadClass\",\n"
    "    e.goldstein AS \"GoldsteinScale\",\n"
    "    (SELECT COUNT(*) FROM mentions m JOIN documents d ON d.doc = m.doc WHERE m.globaleventid = e.globaleventid) AS \"NumMentions\",\n"
    "    (SELECT COUNT(DISTINCT CASE WHEN d.source_name <> '' THEN d.source_name ELSE 'doc:' || d.doc END) FROM mentions m JOIN documents d ON d.doc = m.doc WHERE m.globaleventid = e.globaleventid) AS \"NumSources\",\n"
    "    (SELECT COUNT(DISTINCT m.doc) FROM mentions m JOIN documents d ON d.doc = m.doc WHERE m.globaleventid = e.globaleventid) AS \"NumArticles\",\n"
    "    CAST(NULL AS DOUBLE PRECISION) AS \"AvgTone\",\n"
    "    CAST(NULL AS INTEGER) AS \"Actor1Geo_Type\",\n"
    "    CAST(NULL AS TEXT) AS \"Actor1Geo_FullName\",\n"
    "    CAST(NULL AS TEXT) AS \"Actor1Geo_CountryCode\",\n"
    "    CAST(NULL AS TEXT) AS \"Actor1Geo_ADM1Code\",\n"
    "    CAST(NULL AS TEXT) AS \"Actor1Geo_ADM2Code\",\n"
    "    CAST(NULL AS DOUBLE PRECISION) AS \"Actor1Geo_Lat\",\n"
    "    CAST(NULL AS DOUBLE PRECISION) AS \"Actor1Geo_Long\",\n"
    "    CAST(NULL AS TEXT) AS \"Actor1Geo_FeatureID\",\n"
    "    CAST(NULL AS INTEGER) AS \"Actor2Geo_Type\",\n"
    "    CAST(NULL AS TEXT) AS \"Actor2Geo_FullName\",\n"
    "    CAST(NULL AS TEXT) AS \"Actor2Geo_CountryCode\",\n"
    "    CAST(NULL AS TEXT) AS \"Actor2Geo_ADM1Code\",\n"
    "    CAST(NULL AS TEXT) AS \"Actor2Geo_ADM2Code\",\n"
    "    CAST(NULL AS DOUBLE PRECISION) AS \"Actor2Geo_Lat\",\n"
    "    CAST(NULL AS DOUBLE PRECISION) AS \"Actor2Geo_Long\",\n"
    "    CAST(NULL AS TEXT) AS \"Actor2Geo_FeatureID\",\n"
    "    CAST(NULL AS INTEGER) AS \"ActionGeo_Type\",\n"
    "    CAST(NULL AS TEXT) AS \"ActionGeo_FullName\",\n"
    "    CAST(NULL AS TEXT) AS \"ActionGeo_CountryCode\",\n"
    "    CAST(NULL AS TEXT) AS \"ActionGeo_ADM1Code\",\n"
    "    CAST(NULL AS TEXT) AS \"ActionGeo_ADM2Code\",\n"
    "    CAST(NULL AS DOUBLE PRECISION) AS \"ActionGeo_Lat\",\n"
    "    CAST(NULL AS DOUBLE PRECISION) AS \"ActionGeo_Long\",\n"
    "    CAST(NULL AS TEXT) AS \"ActionGeo_FeatureID\",\n"
    "    CAST(CASE WHEN e.date <> '' THEN e.date || '000000' END AS BIGINT) AS \"DATEADDED\",\n"
    "    (SELECT CASE WHEN d.url <> '' THEN d.url ELSE d.doc END FROM mentions m JOIN documents d ON d.doc = m.doc WHERE m.globaleventid = e.globaleventid ORDER BY m.doc, m.seq LIMIT 1) AS \"SOURCEURL\"\n"
    "FROM events e;\n"
    "CREATE @VIEW gdelt_mentions AS SELECT\n"
    "    m.globaleventid AS \"GLOBALEVENTID\",\n"
    "    CAST(CASE WHEN e.date <> '' THEN e.date || '000000' END AS BIGINT) AS \"EventTimeDate\",\n"
    "    CAST(CASE WHEN d.date <> '' THEN d.date || '000000' END AS BIGINT) AS \"MentionTimeDate\",\n"
    "    CASE WHEN d.url <> '' THEN 1 ELSE 2 END AS \"MentionType\",\n"
    "    d.source_name AS \"MentionSourceName\",\n"
    "    CASE WHEN d.url <> '' THEN d.url ELSE d.doc END AS \"MentionIdentifier\",\n"
    "    m.sentence AS \"SentenceID\",\n"
    "    m.a1_char AS \"Actor1CharOffset\",\n"
    "    m.a2_char AS \"Actor2CharOffset\",\n"
    "    m.action_char AS \"ActionCharOffset\",\n"
    "    CASE WHEN m.action_char >= 0 THEN 1 ELSE 0 END AS \"InRawText\",\n"
    "    m.confidence AS \"Confidence\",\n"
    "    d.chars AS \"MentionDocLen\",\n"
    "    CAST(NULL AS DOUBLE PRECISION) AS \"MentionDocTone\",\n"
    "    CAST(NULL AS TEXT) AS \"MentionDocTranslationInfo\",\n"
    "    CAST(NULL AS TEXT) AS \"Extras\"\n"
    "FROM mentions m JOIN events e ON e.globaleventid = m.globaleventid\n"
    "    JOIN documents d ON d.doc = m.doc;\n";

static const struct subst {
    const char *mark, *sqlite, *pg;
} substs[] = {
    {"@C", "", " COLLATE \"C\""},
    {"@ID", "INTEGER PRIMARY KEY", "BIGINT PRIMARY KEY"},
    {"@VIEW", "VIEW IF NOT EXISTS", "OR REPLACE VIEW"},
};

char *prl_store_schema(int pg, int views)
{
    const char *src = views ? prl_store_views : prl_store_tables;
    size_t n = strlen(src) * 2 + 1;     /* room: each mark at most doubles */
    char *out = prl_malloc(&prl_default_alloc, n), *w = out;
    if (!out)
        return NULL;
    for (const char *p = src; *p;) {
        size_t k = 0, nsub = sizeof substs / sizeof substs[0];
        for (; k < nsub; k++)
            if (strncmp(p, substs[k].mark, strlen(substs[k].mark)) == 0 &&
                !(p[strlen(substs[k].mark)] >= 'A' && p[strlen(substs[k].mark)] <= 'Z'))
                break;
        if (*p == '@' && k < nsub) {
            const char *r = pg ? substs[k].pg : substs[k].sqlite;
            memcpy(w, r, strlen(r));
            w += strlen(r);
            p += strlen(substs[k].mark);
        } else {
            *w++ = *p++;
        }
    }
    *w = '\0';
    return out;
}

int prl_gdelt_code_ok(const char *code)
{
    size_t n = strlen(code);
    if (n < 2 || n > 4)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (code[i] < '0' || code[i] > '9')
            return 0;
    return 1;
}

static int real_actor(const char *code)
{
    for (const char *p = code; *p; p++)
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
            return 1;
    return 0;
}

void prl_event_fields_of(const prl_mention *m, prl_event_fields *f)
{
    memset(f, 0, sizeof *f);
    const char *code = m->code, *date = m->date;
    size_t cl = strlen(code);
    memcpy(f->base, code, cl > 3 ? 3 : cl);
    memcpy(f->root, code, cl > 2 ? 2 : cl);
    const parley_cameo *cm = parley_cameo_lookup(code);
    f->goldstein = cm ? cm->goldstein : NAN;
    if (cm) {
        f->quad = cm->quad;
    } else if (prl_gdelt_code_ok(code)) {
        /* Not a CAMEO code, but GDELT's quad class is a function of the
         * root (data/cameo/README.md, quirk 5). */
        int r = (code[0] - '0') * 10 + (code[1] - '0');
        f->quad = r < 1 || r > 20 ? 0 : r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4;
    }
    if (strlen(date) == 8 && strspn(date, "0123456789") == 8) {
        long v = 0;
        for (int i = 0; i < 8; i++)
            v = v * 10 + (date[i] - '0');
        f->sqldate = v;
        f->monthyear = v / 100;
        f->year = v / 10000;
        /* GDELT's FractionDate: year + ((month - 1) * 30 + day) / 365. */
        f->fraction = (double)f->year + ((v / 100 % 100 - 1) * 30 + v % 100) / 365.0;
    }
    f->a1_real = real_actor(m->source);
    f->a2_real = real_actor(m->target);
    prl_actor_split(f->a1_real ? m->source : NULL, &f->a1);
    prl_actor_split(f->a2_real ? m->target : NULL, &f->a2);
}

/* ---- dispatch ---- */

parley_status prl_store_open(const char *spec, prl_store **out, char *err,
                             size_t errlen)
{
    *out = NULL;
    if (strncmp(spec, "postgresql://", 13) == 0 || strncmp(spec, "postgres://", 11) == 0)
        return prl_store_pg_open(spec, out, err, errlen);
    return prl_store_sqlite_open(spec, out, err, errlen);
}

int prl_store_seen(prl_store *s, const char *doc, const char *dict, uint64_t hash)
{
    char h[17];
    snprintf(h, sizeof h, "%016llx", (unsigned long long)hash);
    return s->ops->seen(s, doc, dict ? dict : "", h);
}

int prl_store_put(prl_store *s, const parley_doc *doc, const char *url,
                  const char *dict, uint64_t hash)
{
    char h[17];
    snprintf(h, sizeof h, "%016llx", (unsigned long long)hash);
    prl_mentions ms;
    memset(&ms, 0, sizeof ms);
    prl_mentions_init(&ms, doc, url, dict);
    int rc = s->ops->put(s, &ms, parley_doc_event_count(doc), h);
    prl_mentions_free(&ms);
    if (rc == 0 && ++s->pending >= PRL_STORE_BATCH)
        rc = prl_store_commit(s);
    return rc;
}

int prl_store_commit(prl_store *s)
{
    s->pending = 0;
    return s->ops->commit(s);
}

int prl_store_read(prl_store *s, int by_event, const char *from, const char *to,
                   prl_store_fn fn, void *ud)
{
    return s->ops->read(s, by_event, from, to, fn, ud);
}

const char *prl_store_error(const prl_store *s)
{
    return s->err;
}

void prl_store_close(prl_store *s)
{
    if (s)
        s->ops->close(s);
}
