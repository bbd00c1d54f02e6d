/* test_spans.c: the evidence the coder gives each event (docs/coding.md,
 * "Spans and confidence"): the byte spans of the source, target and verb
 * words in parley_doc_text(), a compound member's own words, a pronoun's
 * own word, and the confidence ordering. Uses the spec dictionaries. */
#include <stdlib.h>

#include "parley/parley.h"
#include "t.h"

static parley_dict *spec_dict(void)
{
    static const struct { const char *f; parley_dict_kind k; } files[] = {
        {"tests/spec/dict/verbs.txt", PARLEY_DICT_VERBS},
        {"tests/spec/dict/actors.txt", PARLEY_DICT_ACTORS},
        {"tests/spec/dict/agents.txt", PARLEY_DICT_AGENTS},
    };
    parley_builder *b = NULL;
    parley_dict *d = NULL;
    if (parley_builder_new(NULL, &b) != PARLEY_OK)
        return NULL;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        T_CHECK(parley_builder_add_file(b, files[i].k, files[i].f) == PARLEY_OK);
    T_CHECK(parley_builder_compile(b, &d) == PARLEY_OK);
    parley_builder_free(b);
    return d;
}

/* The text of [s, e) in the doc, in a static buffer. */
static const char *span(const parley_doc *doc, uint32_t s, uint32_t e)
{
    static char buf[256];
    size_t len = 0;
    const char *t = parley_doc_text(doc, &len);
    if (s > e || e > len || e - s >= sizeof buf)
        return "(bad span)";
    memcpy(buf, t + s, e - s);
    buf[e - s] = 0;
    return buf;
}

static const parley_event *find(const parley_doc *doc, const char *src, const char *tgt)
{
    for (size_t i = 0; i < parley_doc_event_count(doc); i++) {
        const parley_event *e = parley_doc_event(doc, i);
        if (strcmp(e->source, src) == 0 && strcmp(e->target, tgt) == 0)
            return e;
    }
    return NULL;
}

static void code(parley_coder *c, parley_doc *doc, const char *title, const char *text)
{
    T_CHECK(parley_doc_set(doc, "t", "20110101", title, text, strlen(text)) == PARLEY_OK);
    T_CHECK(parley_code(c, doc) == PARLEY_OK);
}

int main(void)
{
    parley_dict *d = spec_dict();
    parley_coder *c = NULL;
    parley_doc *doc = NULL;
    T_CHECK(d && parley_coder_new(d, NULL, &c) == PARLEY_OK);
    T_CHECK(parley_doc_new(NULL, &doc) == PARLEY_OK);
    if (!c || !doc)
        return T_DONE();

    /* Spans of actors and verb; a pattern is surer than the verb's code. */
    code(c, doc, NULL, "The government of Alba condemned Boria on Monday. "
                       "Alba met with Boria.");
    const parley_event *e = find(doc, "ALBGOV", "BOR");
    T_CHECK(e != NULL);
    if (e) {
        T_STREQ(span(doc, e->source_start, e->source_end), "The government of Alba");
        T_STREQ(span(doc, e->target_start, e->target_end), "Boria");
        T_STREQ(span(doc, e->verb_start, e->verb_end), "condemned");
        T_CHECK(e->confidence >= 1 && e->confidence <= 100);
    }
    const parley_event *m = find(doc, "ALB", "BOR");     /* "* WITH +" [046] */
    T_CHECK(m && strcmp(m->code, "046") == 0);
    if (e && m)
        T_CHECK(m->confidence > e->confidence);

    /* A compound: each event has its member's own words. */
    code(c, doc, NULL, "Alba and Boria condemned Caldia.");
    const parley_event *a = find(doc, "ALB", "CAL"), *b = find(doc, "BOR", "CAL");
    T_CHECK(a && b);
    if (a && b) {
        T_STREQ(span(doc, a->source_start, a->source_end), "Alba");
        T_STREQ(span(doc, b->source_start, b->source_end), "Boria");
    }

    /* A pronoun: its own word, and less confidence than a named actor. */
    code(c, doc, NULL, "Alba accused Boria of lying. It then condemned Caldia.");
    const parley_event *n = find(doc, "ALB", "BOR"), *p = find(doc, "ALB", "CAL");
    T_CHECK(n && p);
    if (n && p) {
        T_STREQ(span(doc, p->source_start, p->source_end), "It");
        T_STREQ(span(doc, p->target_start, p->target_end), "Caldia");
        T_CHECK(p->confidence < n->confidence);
    }

    /* The headline is less sure than the same sentence in the body, and
     * spans count the title's bytes (parley_doc_text()). */
    code(c, doc, "Alba condemned Boria", "Alba condemned Boria.");
    const parley_event *h = parley_doc_event_count(doc) == 2 ? parley_doc_event(doc, 0) : NULL;
    const parley_event *y = h ? parley_doc_event(doc, 1) : NULL;
    T_CHECK(h && y && h->part == PARLEY_PART_HEADLINE && y->part == PARLEY_PART_BODY);
    if (h && y) {
        T_CHECK(h->confidence < y->confidence);
        T_STREQ(span(doc, y->verb_start, y->verb_end), "condemned");
        T_CHECK(y->verb_start > h->verb_end);
    }

    parley_doc_free(doc);
    parley_coder_free(c);
    parley_dict_free(d);
    return T_DONE();
}
