/* test_gdelt.c: GDELT output pieces: the actor-code splitter and its
 * tables (against data/cameo/country.txt .. type.txt, and those against
 * GDELT's lookup tables and the CAMEO country list in ../shared, skipped
 * with a message when absent), GLOBALEVENTID, url hosts, the mention
 * order, one event line and its mention lines, the store schema text. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "t.h"
#include "enrich/actorcode.h"
#include "sink/store.h"

#define SHARED "../shared/data/"

static void test_split(void)
{
    prl_actor_parts p;
    prl_actor_split("USAGOV", &p);
    T_STREQ(p.country, "USA");
    T_STREQ(p.type[0], "GOV");
    T_STREQ(p.knowngroup, "");
    T_STREQ(p.type[1], "");

    prl_actor_split("PSEREBHMS", &p);
    T_STREQ(p.country, "PSE");
    T_STREQ(p.type[0], "REB");
    T_STREQ(p.knowngroup, "HMS");

    /* UNO is a known group and a type: known group first, as GDELT. */
    prl_actor_split("IGOUNOKID", &p);
    T_STREQ(p.country, "");
    T_STREQ(p.type[0], "IGO");
    T_STREQ(p.knowngroup, "UNO");

    /* A country after a type ("NGOUSA"). */
    prl_actor_split("NGOUSA", &p);
    T_STREQ(p.country, "USA");
    T_STREQ(p.type[0], "NGO");

    /* PETRARCH's countryless agent. */
    prl_actor_split("---GOV", &p);
    T_STREQ(p.country, "");
    T_STREQ(p.type[0], "GOV");

    /* Ethnic group, religions, three types and a fourth dropped. */
    prl_actor_split("IRQKURREB", &p);
    T_STREQ(p.country, "IRQ");
    T_STREQ(p.ethnic, "kur");
    T_STREQ(p.type[0], "REB");
    prl_actor_split("ISRJEWMOS", &p);
    T_STREQ(p.religion[0], "JEW");
    T_STREQ(p.religion[1], "MOS");
    prl_actor_split("USAGOVMILLEGELI", &p);
    T_STREQ(p.type[0], "GOV");
    T_STREQ(p.type[1], "MIL");
    T_STREQ(p.type[2], "LEG");
    /* Ethnic codes in lower case; matching ignores case. */
    prl_actor_split("NGAHAUREB", &p);
    T_STREQ(p.ethnic, "hau");
    prl_actor_split("usagov", &p);
    T_STREQ(p.country, "USA");
    T_STREQ(p.type[0], "GOV");

    /* Nothing to split. */
    prl_actor_split(NULL, &p);
    T_STREQ(p.country, "");
    prl_actor_split("", &p);
    T_STREQ(p.type[0], "");
    prl_actor_split("US", &p);
    T_STREQ(p.country, "");
    prl_actor_split("ZZZQQQ", &p);
    T_STREQ(p.country, "");
    T_STREQ(p.type[0], "");
    prl_actor_split("USA/GOV", &p);
    T_STREQ(p.country, "USA");
}

/* The codes of a one-code-a-line file ('#' comments), or NULL. */
static char **read_codes(const char *path, size_t *n, int column_file)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    char line[512];
    size_t cap = 0;
    char **v = NULL;
    *n = 0;
    int first = 1;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#')
            continue;
        if (column_file && first) {   /* GDELT's tables: a CODE/LABEL header */
            first = 0;
            continue;
        }
        line[strcspn(line, column_file ? "\t\r\n" : "\r\n")] = '\0';
        if (!line[0])
            continue;
        if (*n == cap) {
            cap = cap ? 2 * cap : 256;
            v = realloc(v, cap * sizeof *v);
        }
        v[(*n)++] = strdup(line);
    }
    fclose(f);
    return v;
}

static void free_codes(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static int has(char **v, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(v[i], code) == 0)
            return 1;
    return 0;
}

static void test_tables(void)
{
    static const char *const files[PRL_ACTOR_TABLES] = {
        "data/cameo/country.txt", "data/cameo/knowngroup.txt", "data/cameo/ethnic.txt",
        "data/cameo/religion.txt", "data/cameo/type.txt"};
    static const char *const gdelt[PRL_ACTOR_TABLES] = {
        NULL, SHARED "cameo/CAMEO.knowngroup.txt", SHARED "cameo/CAMEO.ethnic.txt",
        SHARED "cameo/CAMEO.religion.txt", SHARED "cameo/CAMEO.type.txt"};
    int shared = 1;
    for (int t = 0; t < PRL_ACTOR_TABLES; t++) {
        size_t n, nf;
        const char *const *tab = prl_actor_table(t, &n);
        char **file = read_codes(files[t], &nf, 0);
        T_CHECK(file != NULL);
        if (!file)
            continue;
        /* The compiled table is the file, line for line. */
        T_CHECK(n == nf);
        for (size_t i = 0; i < n && i < nf; i++)
            T_STREQ(tab[i], file[i]);
        /* Sorted for the binary search, three letters or digits each. */
        for (size_t i = 0; i < n; i++) {
            T_CHECK(strlen(tab[i]) == 3 && isalnum((unsigned char)tab[i][0]) &&
                    isalnum((unsigned char)tab[i][1]) && isalnum((unsigned char)tab[i][2]));
            if (i)
                T_CHECK(strcasecmp(tab[i - 1], tab[i]) < 0);
            T_CHECK(prl_actor_lookup(t, tab[i]) == tab[i]);
        }
        /* The same codes as GDELT's table (duplicates there once here;
         * ethnic codes in lower case). */
        size_t ng;
        char **g = gdelt[t] ? read_codes(gdelt[t], &ng, 1) : NULL;
        if (gdelt[t] && !g) {
            shared = 0;
        } else if (g) {
            for (size_t i = 0; i < ng; i++)
                if (!has(file, nf, g[i])) {
                    T_CHECK(!"a GDELT code is missing from data/cameo");
                    fprintf(stderr, "  %s: %s\n", files[t], g[i]);
                }
            for (size_t i = 0; i < nf; i++)
                if (!has(g, ng, file[i])) {
                    T_CHECK(!"a data/cameo code is not in GDELT's table");
                    fprintf(stderr, "  %s: %s\n", files[t], file[i]);
                }
            free_codes(g, ng);
        }
        free_codes(file, nf);
    }
    T_CHECK(prl_actor_lookup(PRL_ACTOR_COUNTRY, "usa") != NULL);
    T_CHECK(prl_actor_lookup(PRL_ACTOR_COUNTRY, "XXQ") == NULL);

    /* Countries: every three-letter code of the CAMEO country list, and
     * every region code of the CAMEO manual's table 3.3. */
    FILE *f = fopen(SHARED "cameo-countries/countrynames.txt", "r");
    if (f) {
        char line[512];
        while (fgets(line, sizeof line, f)) {
            char *c = strchr(line, '\t');
            if (!c)
                continue;
            c++;
            size_t len = strcspn(c, "\t\r\n");
            if (len != 3 || !isupper((unsigned char)c[0]))
                continue;
            c[3] = '\0';
            if (!prl_actor_lookup(PRL_ACTOR_COUNTRY, c)) {
                T_CHECK(!"a CAMEO country code is missing");
                fprintf(stderr, "  %s\n", c);
            }
        }
        fclose(f);
    } else {
        shared = 0;
    }
    f = fopen("../shared/reference/CAMEO.Manual.1.1b3.md", "r");
    if (f) {
        char line[512];
        int in = 0, found = 0;
        while (fgets(line, sizeof line, f)) {
            if (strstr(line, "Table 3.3"))
                in = 1;
            else if (in && line[0] != '|' && found)
                break;
            char name[128], code[8];
            if (in && sscanf(line, "| %127[^|]| %7[A-Z] |", name, code) == 2 &&
                strlen(code) == 3) {
                found++;
                if (!prl_actor_lookup(PRL_ACTOR_COUNTRY, code)) {
                    T_CHECK(!"a CAMEO region code is missing");
                    fprintf(stderr, "  %s\n", code);
                }
            }
        }
        fclose(f);
        T_CHECK(found == 25);
    } else {
        shared = 0;
    }
    if (!shared)
        fprintf(stderr, "test_gdelt: skipped: the checks against ../shared "
                        "(GDELT's tables, the CAMEO lists) were not all found\n");
}

static void test_ids(void)
{
    /* The documented derivation (docs/store.md); the value is also
     * recomputed in Python by tests/cli/gdelt.sh. */
    uint64_t id = prl_event_id("20250402", "KEN", "ETH", "057", "");
    T_CHECK(id == 281321540702965ull);
    T_CHECK(id == prl_event_id("20250402", "KEN", "ETH", "057", NULL));
    T_CHECK(id < (1ull << 53) && id > 0);
    T_CHECK(id != prl_event_id("20250402", "ETH", "KEN", "057", ""));
    T_CHECK(id != prl_event_id("20250403", "KEN", "ETH", "057", ""));
    T_CHECK(id != prl_event_id("20250402", "KEN", "ETH", "0571", ""));
    /* The separator keeps fields apart. */
    T_CHECK(prl_event_id("", "AB", "C", "01", "") != prl_event_id("", "A", "BC", "01", ""));
    T_CHECK(prl_doc_hash("20250101", "t", "x", 1, NULL) !=
            prl_doc_hash("20250101", NULL, "tx", 2, NULL));
    T_CHECK(prl_doc_hash("20250101", "t", "x", 1, "u") ==
            prl_doc_hash("20250101", "t", "x", 1, "u"));
}

static void test_host(void)
{
    char h[64];
    prl_url_host("https://www.BBC.co.uk/news/x", h, sizeof h);
    T_STREQ(h, "bbc.co.uk");
    prl_url_host("http://user@example.org:8080/a?b", h, sizeof h);
    T_STREQ(h, "example.org");
    prl_url_host("ex-005", h, sizeof h);
    T_STREQ(h, "");
    prl_url_host(NULL, h, sizeof h);
    T_STREQ(h, "");
    prl_url_host("https://www.", h, sizeof h);
    T_STREQ(h, "www.");
    prl_url_host("https://averyveryverylonghostname.example/", h, 8);
    T_STREQ(h, "averyve");
}

static prl_mention mention(const char *doc, const char *url, uint32_t seq)
{
    prl_mention m;
    memset(&m, 0, sizeof m);
    m.doc = doc;
    m.date = "20250402";
    m.url = url;
    m.source_name = "";
    m.dict = "d";
    m.source = "KENGOV";
    m.target = "---MIL";
    m.code = "057";
    m.id = prl_event_id(m.date, m.source, m.target, m.code, "");
    m.seq = seq;
    m.sentence = seq + 1;
    m.a1_char = 0;
    m.a2_char = 30;
    m.action_char = 12;
    m.confidence = 80;
    m.source_text = "Kenya's\tgovernment";
    m.target_text = "troops";
    m.verb = m.text = m.pattern = "";
    m.doc_chars = 100;
    return m;
}

static size_t fields(const char *line)
{
    size_t n = 1;
    for (; *line && *line != '\n'; line++)
        n += *line == '\t';
    return n;
}

static void test_event_line(void)
{
    prl_mention m[3] = {mention("a", "https://www.x.example/1", 0),
                        mention("a", "https://www.x.example/1", 3),
                        mention("b", "", 1)};
    m[0].source_name = m[1].source_name = "x.example";
    m[2].in_lead = 1;
    qsort(m, 3, sizeof m[0], prl_mention_cmp);
    T_STREQ(m[0].doc, "a");
    T_CHECK(m[0].seq == 0 && m[1].seq == 3);
    FILE *ev = tmpfile(), *mn = tmpfile();
    T_CHECK(ev && mn);
    if (!ev || !mn)
        return;
    T_CHECK(prl_gdelt_write(ev, mn, NULL, m, 3) == 0);
    rewind(ev);
    rewind(mn);
    char line[4096];
    T_CHECK(fgets(line, sizeof line, ev) != NULL);
    T_CHECK(fields(line) == 61);
    /* Split the line and look at the columns that matter. */
    char *col[61] = {0};
    size_t k = 0;
    line[strcspn(line, "\n")] = '\0';
    for (char *p = line; k < 61; k++) {
        col[k] = p;
        char *t = strchr(p, '\t');
        if (!t)
            break;
        *t = '\0';
        p = t + 1;
    }
    T_CHECK(k == 60);
    if (k == 60) {
        T_STREQ(col[1], "20250402");
        T_STREQ(col[2], "202504");
        T_STREQ(col[3], "2025");
        T_STREQ(col[4], "2025.2521");
        T_STREQ(col[5], "KENGOV");
        T_STREQ(col[6], "KENYA'S GOVERNMENT");
        T_STREQ(col[7], "KEN");
        T_STREQ(col[12], "GOV");
        T_STREQ(col[15], "MIL");
        T_STREQ(col[17], "");
        T_STREQ(col[22], "MIL");
        T_STREQ(col[25], "1");
        T_STREQ(col[26], "057");
        T_STREQ(col[27], "057");
        T_STREQ(col[28], "05");
        T_STREQ(col[29], "1");
        T_STREQ(col[30], "8.0");
        T_STREQ(col[31], "3");      /* mentions */
        T_STREQ(col[32], "2");      /* sources: x.example, and b (no url) */
        T_STREQ(col[33], "2");      /* articles */
        T_STREQ(col[34], "");
        T_STREQ(col[59], "20250402000000");
        T_STREQ(col[60], "https://www.x.example/1");
    }
    T_CHECK(fgets(line, sizeof line, ev) == NULL);
    int rows = 0;
    while (fgets(line, sizeof line, mn)) {
        T_CHECK(fields(line) == 16);
        rows++;
    }
    T_CHECK(rows == 3);
    fclose(ev);
    fclose(mn);
    FILE *f;

    /* Quotes would confuse CSV readers; odd actor codes are no codes. */
    prl_mention q = mention("\"quoted\" id", "", 0);
    q.source = "\"NEW ACTOR\"";
    q.source_text = "\"the Front\"";
    f = tmpfile();
    T_CHECK(f && prl_gdelt_event(f, NULL, NULL, &q, 1) == 0);
    if (f) {
        rewind(f);
        T_CHECK(fgets(line, sizeof line, f) != NULL);
        T_CHECK(strchr(line, '"') == NULL);
        T_CHECK(fields(line) == 61);
        T_CHECK(strstr(line, "\t%22quoted%22 id\n") != NULL);
        T_CHECK(strstr(line, "\t2025.2521\t\t\t\t") != NULL);  /* no Actor1 */
        fclose(f);
    }

    /* A code GDELT cannot hold is skipped. */
    m[0].code = "ABC";
    f = tmpfile();
    T_CHECK(prl_gdelt_event(f, NULL, NULL, m, 1) == 1);
    T_CHECK(f && ftell(f) == 0);
    if (f)
        fclose(f);
    T_CHECK(prl_gdelt_code_ok("0211") && prl_gdelt_code_ok("04") &&
            !prl_gdelt_code_ok("4") && !prl_gdelt_code_ok("02111") && !prl_gdelt_code_ok("0a1"));

    /* Derived fields: a non-CAMEO code still gets GDELT's quad by root. */
    prl_event_fields ef;
    prl_mention x = mention("a", "", 0);
    x.code = "1213";
    x.date = "";
    prl_event_fields_of(&x, &ef);
    T_CHECK(ef.quad == 3 && isnan(ef.goldstein) && ef.sqldate == 0);
    T_STREQ(ef.base, "121");
    T_STREQ(ef.root, "12");
}

static void test_schema(void)
{
    char *pg = prl_store_schema(1, 0), *lite = prl_store_schema(0, 0);
    char *views = prl_store_schema(0, 1);
    T_CHECK(pg && lite && views);
    if (pg && lite && views) {
        T_CHECK(strchr(pg, '@') == NULL && strchr(lite, '@') == NULL && !strchr(views, '@'));
        T_CHECK(strstr(pg, "doc TEXT COLLATE \"C\" PRIMARY KEY") != NULL);
        T_CHECK(strstr(lite, "doc TEXT PRIMARY KEY") != NULL);
        T_CHECK(strstr(lite, "globaleventid INTEGER PRIMARY KEY") != NULL);
        T_CHECK(strstr(views, "CREATE VIEW IF NOT EXISTS gdelt_events") != NULL);
        T_CHECK(strstr(views, "AS \"SOURCEURL\"") != NULL);
    }
    prl_free(&prl_default_alloc, pg);
    prl_free(&prl_default_alloc, lite);
    prl_free(&prl_default_alloc, views);
}

int main(void)
{
    test_split();
    test_tables();
    test_ids();
    test_host();
    test_event_line();
    test_schema();
    return T_DONE();
}
