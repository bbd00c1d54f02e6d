/* test_geo.c: geolocation (src/enrich/geo.c) against tests/geo/sentences.tsv,
 * hand-written sentences with the place their event should get, coded with
 * parley's default dictionaries (data/). Prints precision and recall and
 * fails below the figures docs/geo.md reports. Also: the gazetteer fold
 * and lookups, the seed headline (Gaza, Palestinian territories), a
 * dateline, actor places from the coder's spans, and pathological input
 * (many and long names, odd datelines). GEO_VERBOSE=1 lists every
 * sentence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parley/parley.h"
#include "enrich/gazetteer.h"
#include "t.h"

/* The floors: the measured figures, rounded down (docs/geo.md). */
#define MIN_PRECISION 0.97
#define MIN_RECALL 0.95

static parley_dict *default_dict(void)
{
    static const struct { parley_dict_kind k; const char *path; } files[] = {
        {PARLEY_DICT_VERBS, "data/verbs.txt"},     {PARLEY_DICT_ACTORS, "data/countries.txt"},
        {PARLEY_DICT_ACTORS, "data/regions.txt"},  {PARLEY_DICT_ACTORS, "data/groups.txt"},
        {PARLEY_DICT_ACTORS, "data/people.txt"},   {PARLEY_DICT_AGENTS, "data/agents.txt"},
        {PARLEY_DICT_DISCARDS, "data/discards.txt"},
    };
    parley_builder *b = NULL;
    parley_dict *d = NULL;
    if (parley_builder_new(NULL, &b) != PARLEY_OK)
        return NULL;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        if (parley_builder_add_file(b, files[i].k, files[i].path) != PARLEY_OK) {
            parley_builder_free(b);
            return NULL;
        }
    if (parley_builder_compile(b, &d) != PARLEY_OK)
        d = NULL;
    parley_builder_free(b);
    return d;
}

/* The first placed event's place, else the first event's (NULL place). */
static const parley_geo *first_geo(const parley_doc *doc, int *coded)
{
    size_t n = parley_doc_event_count(doc);
    *coded = n > 0;
    for (size_t i = 0; i < n; i++)
        if (parley_doc_event(doc, i)->geo)
            return parley_doc_event(doc, i)->geo;
    return NULL;
}

/* "Gaza/GZ", "Paris, Texas/US": the full name's start, up to a comma or
 * its end, and the FIPS code. */
static int same_place(const parley_geo *g, const char *want)
{
    const char *slash = strrchr(want, '/');
    if (!g || !slash)
        return 0;
    size_t n = (size_t)(slash - want);
    return strncmp(g->name, want, n) == 0 && (g->name[n] == ',' || g->name[n] == '\0') &&
           strcmp(g->country, slash + 1) == 0;
}

static void test_fold(void)
{
    char k[64];
    size_t n = 0;
    T_CHECK(prl_gz_fold("São", 4, k, &n, sizeof k) == 0);
    k[n] = '\0';
    T_STREQ(k, "SAO");
    n = 0;
    T_CHECK(prl_gz_fold("Port-au-Prince", 14, k, &n, sizeof k) == 0);
    k[n] = '\0';
    T_STREQ(k, "PORT AU PRINCE");
    n = 0;
    T_CHECK(prl_gz_fold("N'Djamena", 9, k, &n, sizeof k) == 0);
    k[n] = '\0';
    T_STREQ(k, "NDJAMENA");
    n = 0;
    T_CHECK(prl_gz_fold("Łódź", strlen("Łódź"), k, &n, sizeof k) == 0);
    k[n] = '\0';
    T_STREQ(k, "LODZ");
    n = 0;
    T_CHECK(prl_gz_fold("Москва", strlen("Москва"), k, &n, sizeof k) == -1);
    T_CHECK(prl_gz_find("GAZA", 4) != NULL);
    T_CHECK(prl_gz_find("WEST BANK", 9) != NULL);
    T_CHECK(prl_gz_find("NO SUCH PLACE", 13) == NULL);
    T_CHECK(prl_gz_find("MAY", 3) == NULL);          /* a month: stop list */
    const prl_gz_key *j = prl_gz_find("JORDAN", 6);
    T_CHECK(j && (j->flags & PRL_GZK_PERSON));
    const prl_gz_key *nice = prl_gz_find("NICE", 4);
    T_CHECK(nice && (nice->flags & PRL_GZK_WORD));
    uint32_t ps = prl_gz_country_of_code("PSEREB");
    T_CHECK(ps != PRL_GZ_NONE && strcmp(prl_gz_s(prl_gz.countries[ps].iso2), "PS") == 0);
    T_CHECK(prl_gz_country_of_code("KSV") != PRL_GZ_NONE);
    T_CHECK(prl_gz_country_of_code("IGO") == PRL_GZ_NONE);
    /* every key is found through the hash table */
    unsigned lost = 0;
    for (uint32_t i = 0; i < prl_gz.n_keys; i++)
        lost += prl_gz_find(prl_gz_s(prl_gz.keys[i].str), prl_gz.keys[i].len) !=
                &prl_gz.keys[i];
    T_CHECK(lost == 0);
}

static void test_seed(parley_coder *c, parley_doc *doc)
{
    /* the seed article's headline (shared/data/news/seed-article) */
    const char *title = "U.S. and Hamas Hold Direct Talks on Hostages in Gaza, Officials Say";
    const char *body = "In a historic shift in diplomatic policy, the United States has "
                       "engaged in direct talks with groups.";
    T_CHECK(parley_doc_set(doc, "seed", "20250305", title, body, strlen(body)) == PARLEY_OK);
    T_CHECK(parley_code(c, doc) == PARLEY_OK);
    int headline = 0;
    for (size_t i = 0; i < parley_doc_event_count(doc); i++) {
        const parley_event *e = parley_doc_event(doc, i);
        if (e->part != PARLEY_PART_HEADLINE)
            continue;
        headline++;
        T_CHECK(e->geo != NULL);
        if (!e->geo)
            continue;
        T_STREQ(e->geo->name, "Gaza, Gaza Strip, Palestinian Territory");
        T_STREQ(e->geo->country, "GZ");
        T_CHECK(e->geo->type == 4);
        T_CHECK(e->geo->lat > 31.4 && e->geo->lat < 31.6);
        T_CHECK(e->geo->lon > 34.4 && e->geo->lon < 34.5);
        T_STREQ(e->geo->feature, "281133");
        size_t len;
        const char *text = parley_doc_text(doc, &len);
        T_CHECK(e->geo->end - e->geo->start == 4 && memcmp(text + e->geo->start, "Gaza", 4) == 0);
    }
    T_CHECK(headline > 0);
}

static void test_dateline(parley_coder *c, parley_doc *doc)
{
    const char *body = "KHARKIV, Ukraine (Reuters) - Russian troops shelled Ukrainian "
                       "positions on Monday.\n\nThe Kremlin said on Tuesday that it "
                       "rejected the proposal.";
    T_CHECK(parley_doc_set(doc, "d", "20250305", NULL, body, strlen(body)) == PARLEY_OK);
    T_CHECK(parley_code(c, doc) == PARLEY_OK);
    int lead = 0;
    for (size_t i = 0; i < parley_doc_event_count(doc); i++) {
        const parley_event *e = parley_doc_event(doc, i);
        if (e->sentence == 1) {
            lead++;
            T_CHECK(e->geo && strcmp(e->geo->country, "UP") == 0 &&
                    strncmp(e->geo->name, "Kharkiv,", 8) == 0);
        } else {
            T_CHECK(e->geo == NULL);    /* the dateline places the lead only */
        }
    }
    T_CHECK(lead > 0);
}

/* Many names, long names, odd datelines, other scripts: no crash, spans in
 * the text, places still found. */
static void test_hard(parley_coder *c, parley_doc *doc)
{
    size_t cap = 200000, n = 0;
    char *buf = malloc(cap);
    T_CHECK(buf != NULL);
    if (!buf)
        return;
    n += (size_t)snprintf(buf + n, cap - n, "Israeli jets struck Hamas targets in Gaza");
    for (int i = 0; i < 300; i++)
        n += (size_t)snprintf(buf + n, cap - n, ", Gaza City, Rafah, Khan Yunis");
    n += (size_t)snprintf(buf + n, cap - n, ".\n\nPolice arrested protesters in ");
    for (int i = 0; i < 2000; i++)
        buf[n++] = 'A';
    n += (size_t)snprintf(buf + n, cap - n, " and in São Paulo and in Москва and in Łódź.");
    const char *heads[] = {"GAZA CITY, (((( - ", "LONDON - ", "NOWHERE, Atlantis (AP) - ",
                           "PARIS, Texas, Sept. 3 (Reuters) - ", "", "\xe2\x80\x94 - ",
                           "MOSCOW - ", "\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90 - ",
                           "KYIV, \xd0\xa3\xd0\xba\xd1\x80\xd0\xb0\xd1\x97\xd0\xbd\xd0\xb0 (AP) - "};
    for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++) {
        char *text = malloc(n + 64);
        T_CHECK(text != NULL);
        if (!text)
            break;
        int k = snprintf(text, n + 64, "%s%.*s", heads[h], (int)n, buf);
        T_CHECK(parley_doc_set(doc, "hard", "20250305", "Gaza Gaza Gaza", text, (size_t)k) ==
                PARLEY_OK);
        T_CHECK(parley_code(c, doc) == PARLEY_OK);
        size_t len;
        parley_doc_text(doc, &len);
        for (size_t i = 0; i < parley_doc_event_count(doc); i++) {
            const parley_event *e = parley_doc_event(doc, i);
            const parley_geo *gs[3] = {e->geo, e->source_geo, e->target_geo};
            for (int j = 0; j < 3; j++)
                if (gs[j])
                    T_CHECK(gs[j]->start < gs[j]->end && gs[j]->end <= len &&
                            gs[j]->type >= 1 && gs[j]->type <= 5);
        }
        free(text);
    }
    free(buf);
}

/* The coder's actor spans: an actor's own place is its geo ("positions near
 * Kharkiv", "protesters in Paris, Texas" even when the coder reads "Paris"
 * as France); a country named as the actor is its place; a nationality
 * alone is not ("The Japanese foreign minister"); a place that is the whole
 * actor still places a material event ("withdrew from Mali"). */
static const parley_event *code_one(parley_coder *c, parley_doc *doc, const char *s)
{
    T_CHECK(parley_doc_set(doc, "a", "20250305", NULL, s, strlen(s)) == PARLEY_OK);
    T_CHECK(parley_code(c, doc) == PARLEY_OK);
    T_CHECK(parley_doc_event_count(doc) > 0);
    return parley_doc_event_count(doc) ? parley_doc_event(doc, 0) : NULL;
}

static void test_actors(parley_coder *c, parley_doc *doc)
{
    const parley_event *e =
        code_one(c, doc, "Russian troops shelled Ukrainian positions near Kharkiv.");
    T_CHECK(e && e->source_geo == NULL);
    T_CHECK(e && same_place(e->target_geo, "Kharkiv/UP") && same_place(e->geo, "Kharkiv/UP"));
    e = code_one(c, doc, "Police arrested protesters in Paris, Texas on Friday.");
    T_CHECK(e && same_place(e->target_geo, "Paris, Texas/US"));
    e = code_one(c, doc, "The Japanese foreign minister criticized China.");
    T_CHECK(e && e->source_geo == NULL && e->geo == NULL);
    T_CHECK(e && same_place(e->target_geo, "China/CH"));
    e = code_one(c, doc, "French troops withdrew from Mali.");
    T_CHECK(e && same_place(e->geo, "Mali/ML") && same_place(e->target_geo, "Mali/ML"));
    e = code_one(c, doc, "Police in Cairo arrested dozens of activists in Alexandria.");
    T_CHECK(e && same_place(e->source_geo, "Cairo/EG") && same_place(e->geo, "Alexandria/EG"));
}

static void test_set(parley_coder *c, parley_doc *doc)
{
    FILE *f = fopen("tests/geo/sentences.tsv", "r");
    T_CHECK(f != NULL);
    if (!f)
        return;
    int verbose = getenv("GEO_VERBOSE") != NULL;
    char line[1024];
    unsigned lines = 0, uncoded = 0, tp = 0, fp = 0, fn = 0, tn = 0, with_place = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *tab = strchr(line, '\t');
        T_CHECK(tab != NULL);
        if (!tab)
            continue;
        *tab = '\0';
        const char *want = tab + 1;
        lines++;
        T_CHECK(parley_doc_set(doc, "s", "20250305", NULL, line, strlen(line)) == PARLEY_OK);
        T_CHECK(parley_code(c, doc) == PARLEY_OK);
        int coded;
        const parley_geo *g = first_geo(doc, &coded);
        const char *verdict;
        if (!coded) {
            uncoded++;
            verdict = "uncoded";
        } else if (strcmp(want, "-") == 0) {
            verdict = g ? (fp++, "WRONG (no place expected)") : (tn++, "ok");
        } else {
            with_place++;
            if (!g)
                verdict = (fn++, "missed");
            else if (same_place(g, want))
                verdict = (tp++, "ok");
            else
                verdict = (fp++, fn++, "WRONG");
        }
        if (verbose || strncmp(verdict, "WRONG", 5) == 0)
            fprintf(stderr, "  %-8s %s | want %s | got %s\n", verdict, line, want,
                    g ? g->name : "-");
    }
    fclose(f);
    double precision = tp + fp ? (double)tp / (tp + fp) : 0;
    double recall = with_place ? (double)tp / with_place : 0;
    fprintf(stderr, "geo: %u sentences, %u coded (%u uncoded); %u placed right, %u "
            "placed wrong or where none is stated, %u missed, %u rightly unplaced; "
            "precision %.3f, recall %.3f\n",
            lines, lines - uncoded, uncoded, tp, fp, fn, tn, precision, recall);
    T_CHECK(lines >= 100);
    T_CHECK(precision >= MIN_PRECISION);
    T_CHECK(recall >= MIN_RECALL);
}

int main(void)
{
    test_fold();
    parley_dict *d = default_dict();
    T_CHECK(d != NULL);
    if (!d)
        return T_DONE();
    parley_coder *c = NULL;
    parley_doc *doc = NULL;
    T_CHECK(parley_coder_new(d, NULL, &c) == PARLEY_OK);
    T_CHECK(parley_doc_new(NULL, &doc) == PARLEY_OK);
    if (c && doc) {
        test_seed(c, doc);
        test_dateline(c, doc);
        test_hard(c, doc);
        test_actors(c, doc);
        test_set(c, doc);
    }
    parley_doc_free(doc);
    parley_coder_free(c);
    parley_dict_free(d);
    return T_DONE();
}
