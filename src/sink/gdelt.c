/* gdelt.c: the GDELT 2.0 event export (61 tab-separated columns, the
 * order of GDELT2.export.columns.tsv) and mentions table (16 columns),
 * written from the mentions of one event (dedupe.c groups them). Tools
 * built for GDELT (BigQuery schemas, gdeltPyR, gdeltr2, pandas, R) read
 * these files as they read GDELT's own.
 *
 * GDELT's files have no quoting or escaping: a tab, newline or carriage
 * return inside a value is written as a space. A value parley does not
 * have (tone, a place it could not tell, a date the document lacks) is an
 * empty field. docs/store.md lists every column's source. */
#include "sink/store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sink/sink.h"

/* A free-text value (url, document id, host). A double quote would make
 * CSV readers that expect quoting (Python's csv module by default, R's
 * read.delim) swallow the following tabs, so it is percent-encoded as in
 * a URL. */
static void put_clean(FILE *f, const char *s)
{
    for (; *s; s++) {
        char c = *s;
        if (c == '"')
            fputs("%22", f);
        else
            putc(c == '\t' || c == '\n' || c == '\r' ? ' ' : c, f);
    }
}

/* An actor's name as GDELT writes it: the words, upper case, single
 * spaces, no double quotes. */
static void put_name(FILE *f, const char *s)
{
    int space = 0, any = 0;
    for (; *s; s++) {
        char c = *s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"') {
            space = any;
            continue;
        }
        if (space)
            putc(' ', f);
        space = 0;
        any = 1;
        putc(c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c, f);
    }
}

static void tab(FILE *f)
{
    putc('\t', f);
}

/* The actor code as GDELT writes it: PETRARCH writes an agent without a
 * country as "---GOV", GDELT "GOV" with the country empty. A code with
 * other characters (a new actor written in quotes, say) is no CAMEO code:
 * empty. */
static int gdelt_actor(const char *code, char out[64])
{
    size_t n = 0;
    for (const char *c = code; *c; c++) {
        if (strncmp(c, "---", 3) == 0) {
            c += 2;
            continue;
        }
        if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')) ||
            n + 1 >= 64)
            return 0;
        out[n++] = *c;
    }
    out[n] = '\0';
    return n > 0;
}

/* Actor{1,2}Code .. Type3Code: 10 columns, each followed by a tab. */
static void put_actor(FILE *f, const char *code, const char *name,
                      const prl_actor_parts *p)
{
    char clean[64];
    int real = gdelt_actor(code, clean);
    if (real)
        fputs(clean, f);
    tab(f);
    if (real)
        put_name(f, name);
    tab(f);
    const char *parts[8] = {p->country, p->knowngroup, p->ethnic, p->religion[0],
                            p->religion[1], p->type[0], p->type[1], p->type[2]};
    for (int i = 0; i < 8; i++) {
        if (real)
            fputs(parts[i], f);
        tab(f);
    }
}

/* A valid YYYYMMDD (the library checks document dates already). */
static int have_date(const char *d)
{
    return strlen(d) == 8 && strspn(d, "0123456789") == 8;
}

/* Where a mention came from: its url's host, or (no url) the document
 * itself, so url-less documents count as separate sources. */
typedef struct srckey {
    int doc;
    const char *s;
} srckey;

static int srckey_cmp(const void *pa, const void *pb)
{
    const srckey *a = pa, *b = pb;
    if (a->doc != b->doc)
        return a->doc - b->doc;
    return strcmp(a->s, b->s);
}

static void put_mention(FILE *f, const prl_mention *m, const char *added)
{
    int url = m->url[0] != '\0';
    fprintf(f, "%llu\t%s\t", (unsigned long long)m->id, added);
    if (have_date(m->date))
        fprintf(f, "%s000000", m->date);
    fprintf(f, "\t%d\t", url ? 1 : 2);   /* 1 WEB, 2 CITATIONONLY */
    put_clean(f, m->source_name);
    tab(f);
    put_clean(f, url ? m->url : m->doc);
    fprintf(f, "\t%u\t%ld\t%ld\t%ld\t%d\t%d\t%lu\t\t\t\n", (unsigned)m->sentence,
            m->a1_char, m->a2_char, m->action_char, m->action_char >= 0 ? 1 : 0,
            m->confidence, m->doc_chars);
}

int prl_gdelt_event(FILE *events, FILE *mentions, const prl_alloc *a,
                    const prl_mention *m, size_t n)
{
    if (n == 0 || !prl_gdelt_code_ok(m[0].code))
        return 1;
    const prl_mention *first = &m[0];   /* first in doc-id order: SOURCEURL */
    unsigned long articles = 0, sources = 0;
    int root = 0;
    srckey *keys = prl_malloc(a, n * sizeof *keys);
    if (!keys) {
        errno = ENOMEM;
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        root |= m[i].in_lead;
        if (i == 0 || strcmp(m[i].doc, m[i - 1].doc) != 0)
            articles++;
        keys[i].doc = m[i].source_name[0] == '\0';
        keys[i].s = keys[i].doc ? m[i].doc : m[i].source_name;
    }
    qsort(keys, n, sizeof *keys, srckey_cmp);
    for (size_t i = 0; i < n; i++)
        sources += i == 0 || srckey_cmp(&keys[i], &keys[i - 1]) != 0;
    prl_free(a, keys);

    FILE *f = events;
    prl_event_fields ef;
    prl_event_fields_of(first, &ef);
    char added[16] = "";
    fprintf(f, "%llu\t", (unsigned long long)first->id);
    if (ef.sqldate) {
        fprintf(f, "%ld\t%ld\t%ld\t%.4f\t", ef.sqldate, ef.monthyear, ef.year, ef.fraction);
        snprintf(added, sizeof added, "%ld000000", ef.sqldate);
    } else {
        fputs("\t\t\t\t", f);
    }
    put_actor(f, first->source, first->source_text, &ef.a1);
    put_actor(f, first->target, first->target_text, &ef.a2);
    fprintf(f, "%d\t%s\t%s\t%s\t", root, first->code, ef.base, ef.root);
    if (ef.quad)
        fprintf(f, "%d", ef.quad);
    tab(f);
    char g[32];
    const char *gs = prl_sink_goldstein(ef.goldstein, g);
    if (gs)
        fputs(gs, f);
    fprintf(f, "\t%lu\t%lu\t%lu\t", (unsigned long)n, sources, articles);
    /* AvgTone (empty), then Actor1Geo_*, Actor2Geo_*, ActionGeo_* (8 each):
     * each the first mention's that has one (docs/geo.md). */
    tab(f);
    for (int k = 0; k < 3; k++) {
        const parley_geo *pg = NULL;
        for (size_t i = 0; i < n && !pg; i++)
            if (m[i].geo[k].type > 0)
                pg = &m[i].geo[k];
        prl_geo_cols_gdelt(f, pg);
    }
    fputs(added, f);
    tab(f);
    put_clean(f, first->url[0] ? first->url : first->doc);
    putc('\n', f);
    if (mentions)
        for (size_t i = 0; i < n; i++)
            put_mention(mentions, &m[i], added);
    if (ferror(events) || (mentions && ferror(mentions)))
        return -1;
    return 0;
}

int prl_gdelt_write(FILE *events, FILE *mentions, const prl_alloc *a,
                    const prl_mention *m, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && m[j].id == m[i].id && strcmp(m[j].date, m[i].date) == 0)
            j++;
        if (prl_gdelt_event(events, mentions, a, m + i, j - i) < 0)
            return -1;
        i = j;
    }
    return 0;
}
