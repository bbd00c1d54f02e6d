/* test_cameo.c: the CAMEO facts table. Lookups, the table's own
 * consistency (sorted, roots present, quad by root), and agreement with the
 * GDELT lookup tables in ../shared/data/cameo (skipped with a message when
 * ../shared is absent), minding the quirks data/cameo/README.md resolves. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "enrich/cameo.h"

#define SHARED "../shared/data/cameo/"

/* Codes parley has that GDELT's tables lack (README.md, quirks 1 and 4). */
static const char *const extra[] = { "106", "155", "176", "1834", "1951", "1952", NULL };

static int quad_of_root(int root)
{
    return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

static void test_lookup(void)
{
    const parley_cameo *c = parley_cameo_lookup("046");
    T_CHECK(c != NULL);
    if (c) {
        T_STREQ(c->code, "046");
        T_CHECK(c->goldstein == 7.0 && c->quad == 1);
        T_STREQ(c->label, "negotiate");
    }
    c = parley_cameo_lookup("0874");
    T_CHECK(c && c->goldstein == 10.0 && c->quad == 2);
    c = parley_cameo_lookup("20");
    T_CHECK(c && c->goldstein == -10.0 && c->quad == 4);
    c = parley_cameo_lookup("190");
    T_CHECK(c && c->goldstein == -10.0 && c->quad == 4);
    c = parley_cameo_lookup("141");
    T_CHECK(c && c->goldstein == -6.5 && c->quad == 3);
    c = parley_cameo_lookup("090");
    T_CHECK(c && c->goldstein == -2.0 && c->quad == 2);
    c = parley_cameo_lookup("106");
    T_CHECK(c && c->goldstein == -5.0 && c->quad == 3);
    T_CHECK(parley_cameo_lookup("01") && parley_cameo_lookup("2042"));
    T_CHECK(parley_cameo_lookup("999") == NULL);
    T_CHECK(parley_cameo_lookup("") == NULL);
    T_CHECK(parley_cameo_lookup(NULL) == NULL);
    T_CHECK(parley_cameo_lookup("0460") == NULL);
    T_CHECK(parley_cameo_lookup("46") == NULL);
    T_CHECK(parley_cameo_lookup("046 ") == NULL);
    T_CHECK(parley_cameo_lookup("1213") == NULL);   /* used by a peer dictionary, not CAMEO */
    T_CHECK(parley_cameo_lookup("00") == NULL && parley_cameo_lookup("21") == NULL);
}

static void test_table(void)
{
    T_CHECK(prl_cameo_count == 316);
    size_t roots = 0, three = 0, four = 0;
    for (size_t i = 0; i < prl_cameo_count; i++) {
        const parley_cameo *c = &prl_cameo_table[i];
        size_t n = strlen(c->code);
        T_CHECK(n >= 2 && n <= 4 && strspn(c->code, "0123456789") == n);
        roots += n == 2;
        three += n == 3;
        four += n == 4;
        if (i)
            T_CHECK(strcmp(prl_cameo_table[i - 1].code, c->code) < 0);
        T_CHECK(c->label && c->label[0]);
        T_CHECK(c->goldstein >= -10.0 && c->goldstein <= 10.0);
        int root = (c->code[0] - '0') * 10 + (c->code[1] - '0');
        T_CHECK(root >= 1 && root <= 20);
        T_CHECK(c->quad == quad_of_root(root));
        /* Its root and (for four digits) its three-digit parent exist. */
        char up[4] = { c->code[0], c->code[1], 0, 0 };
        const parley_cameo *r = parley_cameo_lookup(up);
        T_CHECK(r && r->quad == c->quad);
        if (n == 4) {
            up[2] = c->code[2];
            T_CHECK(parley_cameo_lookup(up) != NULL);
        }
        T_CHECK(parley_cameo_lookup(c->code) == c);
    }
    T_CHECK(roots == 20 && three == 149 && four == 147);
}

/* Split a line at tabs in place; returns the number of fields. */
static int fields(char *line, char **f, int max)
{
    int n = 0;
    line[strcspn(line, "\r\n")] = 0;
    while (n < max) {
        f[n++] = line;
        char *tab = strchr(line, '\t');
        if (!tab)
            break;
        *tab = 0;
        line = tab + 1;
    }
    return n;
}

static int is_extra(const char *code)
{
    for (const char *const *e = extra; *e; e++)
        if (strcmp(*e, code) == 0)
            return 1;
    return 0;
}

static void test_shared(void)
{
    FILE *ev = fopen(SHARED "CAMEO.eventcodes.txt", "r");
    FILE *gs = fopen(SHARED "CAMEO.goldsteinscale.txt", "r");
    FILE *qc = fopen(SHARED "CAMEO.quadclass.derived.tsv", "r");
    if (!ev || !gs || !qc) {
        fprintf(stderr, "test_cameo: %s not found, skipping the comparison "
                "with the GDELT tables\n", SHARED);
        if (ev) fclose(ev);
        if (gs) fclose(gs);
        if (qc) fclose(qc);
        return;
    }
    char line[512], *f[8];
    unsigned seen = 0, in_gdelt = 0;
    char gdelt_codes[400][5];

    /* Goldstein: every code present with the same value. */
    if (!fgets(line, sizeof line, gs))     /* the header */
        line[0] = 0;
    while (fgets(line, sizeof line, gs)) {
        if (fields(line, f, 8) != 2)
            continue;
        const parley_cameo *c = parley_cameo_lookup(f[0]);
        T_CHECK(c != NULL);
        if (!c) {
            fprintf(stderr, "  missing Goldstein code %s\n", f[0]);
            continue;
        }
        T_CHECK(fabs(c->goldstein - strtod(f[1], NULL)) < 1e-9);
        seen++;
        if (in_gdelt < 400)
            snprintf(gdelt_codes[in_gdelt++], 5, "%s", f[0]);
    }
    T_CHECK(seen == 310);

    /* Event codes: every code present. Quirk 1: the 1056 line hides
     * "106:[-5.0] Demand withdrawal" in its label; 106 must exist with
     * that Goldstein value. */
    seen = 0;
    int hidden = 0;
    if (!fgets(line, sizeof line, ev))     /* the header */
        line[0] = 0;
    while (fgets(line, sizeof line, ev)) {
        if (fields(line, f, 8) != 2)
            continue;
        T_CHECK(parley_cameo_lookup(f[0]) != NULL);
        seen++;
        const char *h = strstr(f[1], ":[");
        if (h && h - f[1] >= 3) {
            char code[4] = { h[-3], h[-2], h[-1], 0 };
            const parley_cameo *c = parley_cameo_lookup(code);
            T_CHECK(c && fabs(c->goldstein - strtod(h + 2, NULL)) < 1e-9);
            hidden++;
        }
    }
    T_CHECK(seen == 310 && hidden == 1);

    /* Quad class by root. */
    seen = 0;
    if (!fgets(line, sizeof line, qc))     /* the header */
        line[0] = 0;
    while (fgets(line, sizeof line, qc)) {
        if (fields(line, f, 8) < 2)
            continue;
        const parley_cameo *c = parley_cameo_lookup(f[0]);
        T_CHECK(c && c->quad == atoi(f[1]));
        seen++;
    }
    T_CHECK(seen == 20);

    /* parley's codes beyond GDELT's are exactly the documented ones. */
    for (size_t i = 0; i < prl_cameo_count; i++) {
        int found = 0;
        for (unsigned j = 0; j < in_gdelt && !found; j++)
            found = strcmp(gdelt_codes[j], prl_cameo_table[i].code) == 0;
        T_CHECK(found != is_extra(prl_cameo_table[i].code));
    }
    fclose(ev);
    fclose(gs);
    fclose(qc);
}

int main(void)
{
    test_lookup();
    test_table();
    test_shared();
    return T_DONE();
}
