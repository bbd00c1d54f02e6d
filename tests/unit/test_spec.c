/* test_spec.c: runs the coding spec, tests/spec/coding.txt, against the
 * small dictionaries in tests/spec/dict/ through the public API: each case
 * is a document, coded by a fresh coder, whose events must equal the
 * expected set of (source, target, code) triples. An argument runs only
 * the cases whose title contains it. PARLEY_SPEC_DIR overrides
 * tests/spec. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "parley/parley.h"

#define MAXLINE 4096
#define MAXEXP 64

typedef struct spec_case {
    char title[256];
    unsigned line;
    char date[16];
    char opts[8][2][64];
    int n_opts;
    char text[MAXLINE];
    char exp[MAXEXP][3][64];
    int n_exp;
} spec_case;

/* Copy src into dst (cap bytes), cut if needed. */
static void copy(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = 0;
}

static int run_case(const parley_dict *d, const spec_case *sc)
{
    parley_coder *c = NULL;
    parley_doc *doc = NULL;
    int ok = 1;
    if (parley_coder_new(d, NULL, &c) != PARLEY_OK || parley_doc_new(NULL, &doc) != PARLEY_OK) {
        fprintf(stderr, "out of memory\n");
        parley_coder_free(c);
        return 0;
    }
    for (int i = 0; i < sc->n_opts; i++)
        if (parley_coder_set(c, sc->opts[i][0], sc->opts[i][1]) != PARLEY_OK) {
            fprintf(stderr, "coding.txt:%u: bad option %s\n", sc->line, sc->opts[i][0]);
            ok = 0;
        }
    if (parley_doc_set(doc, sc->title, sc->date[0] ? sc->date : NULL, NULL, sc->text,
                       strlen(sc->text)) != PARLEY_OK ||
        parley_code(c, doc) != PARLEY_OK) {
        fprintf(stderr, "coding.txt:%u: coding failed\n", sc->line);
        ok = 0;
    }
    size_t n = parley_doc_event_count(doc);
    /* Every expected event was coded, and nothing else. */
    for (int i = 0; i < sc->n_exp && ok; i++) {
        int found = 0;
        for (size_t k = 0; k < n && !found; k++) {
            const parley_event *e = parley_doc_event(doc, k);
            found = !strcmp(e->source, sc->exp[i][0]) && !strcmp(e->target, sc->exp[i][1]) &&
                    !strcmp(e->code, sc->exp[i][2]);
        }
        ok = found;
    }
    for (size_t k = 0; k < n && ok; k++) {
        const parley_event *e = parley_doc_event(doc, k);
        int found = 0;
        for (int i = 0; i < sc->n_exp && !found; i++)
            found = !strcmp(e->source, sc->exp[i][0]) && !strcmp(e->target, sc->exp[i][1]) &&
                    !strcmp(e->code, sc->exp[i][2]);
        ok = found;
    }
    if (!ok) {
        fprintf(stderr, "coding.txt:%u: %s\n  input: %s\n  expected:\n", sc->line, sc->title,
                sc->text);
        for (int i = 0; i < sc->n_exp; i++)
            fprintf(stderr, "    %s\t%s\t%s\n", sc->exp[i][0], sc->exp[i][1], sc->exp[i][2]);
        fprintf(stderr, "  got:\n");
        for (size_t k = 0; k < n; k++) {
            const parley_event *e = parley_doc_event(doc, k);
            fprintf(stderr, "    %s\t%s\t%s\t(%s)\n", e->source, e->target, e->code, e->pattern);
        }
    }
    parley_doc_free(doc);
    parley_coder_free(c);
    return ok;
}

int main(int argc, char **argv)
{
    const char *dir = getenv("PARLEY_SPEC_DIR");
    if (!dir)
        dir = "tests/spec";
    const char *filter = argc > 1 ? argv[1] : NULL;
    char path[1024];
    static const struct {
        const char *file;
        parley_dict_kind kind;
    } dicts[] = {
        {"verbs.txt", PARLEY_DICT_VERBS},     {"actors.txt", PARLEY_DICT_ACTORS},
        {"agents.txt", PARLEY_DICT_AGENTS},   {"discards.txt", PARLEY_DICT_DISCARDS},
    };
    parley_builder *b = NULL;
    T_CHECK(parley_builder_new(NULL, &b) == PARLEY_OK);
    for (size_t i = 0; b && i < sizeof dicts / sizeof dicts[0]; i++) {
        snprintf(path, sizeof path, "%s/dict/%s", dir, dicts[i].file);
        T_CHECK(parley_builder_add_file(b, dicts[i].kind, path) == PARLEY_OK);
    }
    T_CHECK(parley_builder_errors(b) == 0);
    parley_dict *d = NULL;
    T_CHECK(b && parley_builder_compile(b, &d) == PARLEY_OK);
    parley_builder_free(b);
    snprintf(path, sizeof path, "%s/coding.txt", dir);
    FILE *f = fopen(path, "r");
    T_CHECK(f != NULL);
    if (!f || !d) {
        parley_dict_free(d);
        return T_DONE();
    }

    static spec_case sc;
    char line[MAXLINE];
    unsigned lineno = 0, cases = 0, passed = 0;
    int state = 0;  /* 0 outside, 1 input, 2 expected */
    for (;;) {
        char *got = fgets(line, sizeof line, f);
        if (got) {
            lineno++;
            chomp(line);
        }
        int heading = got && strncmp(line, "## ", 3) == 0;
        if ((heading || !got) && state == 2) {
            if (!filter || strstr(sc.title, filter)) {
                cases++;
                int ok = run_case(d, &sc);
                T_CHECK(ok);
                passed += ok;
            }
            state = 0;
        }
        if (!got)
            break;
        if (heading) {
            memset(&sc, 0, sizeof sc);
            copy(sc.title, sizeof sc.title, line + 3);
            sc.line = lineno;
            state = 1;
            continue;
        }
        if (state == 1) {
            if (strcmp(line, ".") == 0) {
                state = 2;
            } else if (strncmp(line, "@date ", 6) == 0) {
                copy(sc.date, sizeof sc.date, line + 6);
            } else if (strncmp(line, "@set ", 5) == 0 && sc.n_opts < 8) {
                char *sp = strchr(line + 5, ' ');
                if (sp) {
                    *sp = 0;
                    copy(sc.opts[sc.n_opts][0], 64, line + 5);
                    copy(sc.opts[sc.n_opts][1], 64, sp + 1);
                    sc.n_opts++;
                }
            } else if (line[0]) {
                size_t tl = strlen(sc.text);
                snprintf(sc.text + tl, sizeof sc.text - tl, "%s%s", tl ? "\n" : "", line);
            }
        } else if (state == 2 && line[0] && sc.n_exp < MAXEXP) {
            char *t1 = strchr(line, '\t');
            char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
            T_CHECK(t1 && t2);
            if (t1 && t2) {
                *t1 = *t2 = 0;
                copy(sc.exp[sc.n_exp][0], 64, line);
                copy(sc.exp[sc.n_exp][1], 64, t1 + 1);
                copy(sc.exp[sc.n_exp][2], 64, t2 + 1);
                sc.n_exp++;
            }
        }
    }
    fclose(f);
    parley_dict_free(d);
    fprintf(stderr, "spec: %u cases, %u passed\n", cases, passed);
    T_CHECK(cases > 0);
    return T_DONE();
}
