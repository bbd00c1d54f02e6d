/* test_evidence.c: evidence grading (src/enrich/evidence.c,
 * docs/evidence.md) on small documents coded with the spec dictionaries
 * (tests/spec/dict/) plus two actors of our own: each headline event's
 * support (supported, actors, unsupported), the article verdict, body
 * events graded "body", repeated sentences counted and coded once,
 * near-duplicates counted and their events coded once, the
 * actor mentions the coder records, and allocation failure at every step. */
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "parley/parley.h"
#include "enrich/evidence.h"

/* A known group (HMS is CAMEO's code for Hamas) under a fictional country,
 * and that country's people: the group is not its people. */
static const char extra_actors[] =
    "THE_FRONT [BORREBHMS]\n"
    "THE_FRONT_MILITIA [BORMILHMS]\n"
    "BORIAN_CIVILIANS [BORCVL]\n";

static parley_dict *spec_dict(void)
{
    static const struct {
        const char *file;
        parley_dict_kind kind;
    } files[] = {
        {"tests/spec/dict/verbs.txt", PARLEY_DICT_VERBS},
        {"tests/spec/dict/actors.txt", PARLEY_DICT_ACTORS},
        {"tests/spec/dict/agents.txt", PARLEY_DICT_AGENTS},
        {"tests/spec/dict/discards.txt", PARLEY_DICT_DISCARDS},
    };
    parley_builder *b = NULL;
    parley_dict *d = NULL;
    if (parley_builder_new(NULL, &b) != PARLEY_OK)
        return NULL;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        T_CHECK(parley_builder_add_file(b, files[i].kind, files[i].file) == PARLEY_OK);
    T_CHECK(parley_builder_add_buffer(b, PARLEY_DICT_ACTORS, "extra.actors", extra_actors,
                                      strlen(extra_actors)) == PARLEY_OK);
    T_CHECK(parley_builder_compile(b, &d) == PARLEY_OK);
    parley_builder_free(b);
    return d;
}

typedef struct fixture {
    parley_coder *c;
    parley_doc *doc;
} fixture;

/* Code title + body; returns the status. */
static parley_status code(fixture *f, const char *title, const char *body)
{
    parley_status st = parley_doc_set(f->doc, "t", "20250305", title, body, strlen(body));
    return st == PARLEY_OK ? parley_code(f->c, f->doc) : st;
}

/* The support of the first event with this source, target and part, as
 * its name; "missing" when there is none. */
static const char *support_of(const parley_doc *doc, const char *src, const char *tgt,
                              parley_part part)
{
    for (size_t i = 0; i < parley_doc_event_count(doc); i++) {
        const parley_event *e = parley_doc_event(doc, i);
        if (e->part == part && strcmp(e->source, src) == 0 && strcmp(e->target, tgt) == 0)
            return parley_support_name(e->support);
    }
    return "missing";
}

static const char *verdict(const parley_doc *doc)
{
    return parley_support_name(parley_doc_headline_support(doc));
}

#define HL PARLEY_PART_HEADLINE
#define BODY PARLEY_PART_BODY

static void test_identity(void)
{
    char b[8];
    T_STREQ(prl_evidence_actor("USAGOV", b), "c:USA");
    T_STREQ(prl_evidence_actor("USA", b), "c:USA");
    T_STREQ(prl_evidence_actor("USAMILGOV", b), "c:USA");
    T_STREQ(prl_evidence_actor("PSEREBHMS", b), "g:HMS");
    T_STREQ(prl_evidence_actor("PSEHMS", b), "g:HMS");
    T_STREQ(prl_evidence_actor("PSE", b), "c:PSE");
    T_STREQ(prl_evidence_actor("PSECVL", b), "c:PSE");
    T_STREQ(prl_evidence_actor("IGOUNOKID", b), "g:UNO");
    /* Only a leading country is the country: a US NGO is not the US. */
    T_STREQ(prl_evidence_actor("NGOUSA", b), "NGOUSA");
    T_STREQ(prl_evidence_actor("---REB", b), "---REB");
    T_STREQ(prl_evidence_actor("ALB", b), "c:ALB");   /* Albania, as it happens */
    T_STREQ(prl_evidence_actor("BORCVL", b), "BORCVL"); /* fictional: no country */
    T_STREQ(prl_evidence_actor("\"NEW ACTOR\"", b), "\"NEW ACTOR\"");
    T_STREQ(prl_evidence_actor("", b), "");
    T_STREQ(parley_support_name(PARLEY_SUPPORT_NONE), "none");
    T_STREQ(parley_support_name(PARLEY_SUPPORT_BODY), "body");
    T_STREQ(parley_support_name(PARLEY_SUPPORT_SUPPORTED), "supported");
    T_STREQ(parley_support_name(PARLEY_SUPPORT_ACTORS), "actors");
    T_STREQ(parley_support_name(PARLEY_SUPPORT_UNSUPPORTED), "unsupported");
    T_STREQ(parley_support_name((parley_support)99), "none");
}

static void test_grades(fixture *f)
{
    /* The same event in the body, with an agent on the source (ALBGOV is
     * Alba): supported. */
    T_CHECK(code(f, "Alba condemned Boria.",
                 "The government of Alba condemned Boria on Monday.") == PARLEY_OK);
    T_STREQ(support_of(f->doc, "ALB", "BOR", HL), "supported");
    T_STREQ(support_of(f->doc, "ALBGOV", "BOR", BODY), "body");
    T_STREQ(verdict(f->doc), "supported");
    T_CHECK(parley_doc_repeated(f->doc) == 0);

    /* Another code of the same root (12x) still supports. */
    T_CHECK(code(f, "Alba condemned Boria.", "Alba refused Boria's offer.") == PARLEY_OK);
    T_STREQ(support_of(f->doc, "ALB", "BOR", BODY), "body");
    T_STREQ(verdict(f->doc), "supported");

    /* The reverse of a symmetric code (a meeting) supports. */
    T_CHECK(code(f, "Alba met Boria.", "Boria met Alba in Caldia on Friday.") == PARLEY_OK);
    T_STREQ(support_of(f->doc, "ALB", "BOR", HL), "supported");
    T_STREQ(verdict(f->doc), "supported");

    /* The reverse of an accusation does not: but both actors are named. */
    T_CHECK(code(f, "Alba condemned Boria.", "Boria attacked Alba.") == PARLEY_OK);
    T_STREQ(support_of(f->doc, "ALB", "BOR", HL), "actors");
    T_STREQ(support_of(f->doc, "BOR", "ALB", BODY), "body");
    T_STREQ(verdict(f->doc), "actors");

    /* Both actors named, no event in the body at all (CELEBRATE is null):
     * actor mentions come from every sentence, not only from events. */
    T_CHECK(code(f, "Alba condemned Boria.", "Alba and Boria celebrated.") == PARLEY_OK);
    T_CHECK(parley_doc_event_count(f->doc) == 1);
    T_STREQ(support_of(f->doc, "ALB", "BOR", HL), "actors");
    T_STREQ(verdict(f->doc), "actors");

    /* One actor only, and events about others: unsupported. */
    T_CHECK(code(f, "Alba condemned Boria.",
                 "Alba celebrated. Caldia attacked Denora.") == PARLEY_OK);
    T_STREQ(support_of(f->doc, "ALB", "BOR", HL), "unsupported");
    T_STREQ(support_of(f->doc, "CAL", "DEN", BODY), "body");
    T_STREQ(verdict(f->doc), "unsupported");

    /* No body at all: nothing supports the headline. */
    T_CHECK(code(f, "Alba condemned Boria.", "") == PARLEY_OK);
    T_STREQ(verdict(f->doc), "unsupported");

    /* A known group is not its country's people, nor its country... */
    T_CHECK(code(f, "Alba condemned the Front.",
                 "Alba condemned Borian civilians. Boria celebrated.") == PARLEY_OK);
    T_STREQ(support_of(f->doc, "ALB", "BORREBHMS", HL), "unsupported");
    T_STREQ(verdict(f->doc), "unsupported");
    /* ... but is itself under another type code. */
    T_CHECK(code(f, "Alba condemned the Front.",
                 "Alba condemned the Front militia.") == PARLEY_OK);
    T_STREQ(support_of(f->doc, "ALB", "BORREBHMS", HL), "supported");

    /* The article verdict is the best of its headline events: the
     * compound headline gives ALB>CAL (supported) and BOR>CAL (actors). */
    T_CHECK(code(f, "Alba and Boria condemned Caldia.",
                 "Alba condemned Caldia. Boria celebrated.") == PARLEY_OK);
    T_STREQ(support_of(f->doc, "ALB", "CAL", HL), "supported");
    T_STREQ(support_of(f->doc, "BOR", "CAL", HL), "actors");
    T_STREQ(verdict(f->doc), "supported");

    /* No title, or a title without an event: no verdict; body events are
     * "body". */
    T_CHECK(code(f, NULL, "Alba condemned Boria.") == PARLEY_OK);
    T_STREQ(support_of(f->doc, "ALB", "BOR", BODY), "body");
    T_STREQ(verdict(f->doc), "none");
    T_CHECK(code(f, "Weather in Alba", "Alba condemned Boria.") == PARLEY_OK);
    T_STREQ(verdict(f->doc), "none");

    /* A discarded story: no events, no verdict, no repeats. */
    T_CHECK(code(f, "Alba condemned Boria.",
                 "Boria celebrated. Boria celebrated. A hurricane hit Alba.") == PARLEY_OK);
    T_CHECK(parley_doc_discarded(f->doc));
    T_CHECK(parley_doc_event_count(f->doc) == 0);
    T_STREQ(verdict(f->doc), "none");
    T_CHECK(parley_doc_repeated(f->doc) == 0);

    /* A new document resets everything, before and after coding. */
    T_CHECK(parley_doc_set(f->doc, "t", NULL, "Alba condemned Boria.", "x", 1) == PARLEY_OK);
    T_STREQ(verdict(f->doc), "none");
    T_CHECK(parley_doc_repeated(f->doc) == 0);
}

static void test_repeats(fixture *f)
{
    /* Case and punctuation do not make a new sentence; coded once. */
    T_CHECK(code(f, NULL, "Alba condemned Boria.\n\nALBA CONDEMNED BORIA!\n\n"
                          "Alba, condemned -- Boria?") == PARLEY_OK);
    T_CHECK(parley_doc_sentence_count(f->doc) == 3);
    T_CHECK(parley_doc_repeated(f->doc) == 2);
    T_CHECK(parley_doc_event_count(f->doc) == 1);
    T_CHECK(parley_doc_event(f->doc, 0)->sentence == 1);

    /* Numbers count: different numbers, different sentences. */
    T_CHECK(code(f, NULL, "Alba condemned Boria 2 times. Alba condemned Boria 3 times. "
                          "Alba condemned Boria 2 times.") == PARLEY_OK);
    T_CHECK(parley_doc_repeated(f->doc) == 1);
    T_CHECK(parley_doc_event_count(f->doc) == 2);

    /* A shared phrase is not a repeat. */
    T_CHECK(code(f, NULL, "Alba condemned Boria. Alba condemned Boria and Caldia.")
            == PARLEY_OK);
    T_CHECK(parley_doc_repeated(f->doc) == 0);

    /* A near-duplicate (a shared run of 8 words) is counted and coded: its
     * other event is kept. */
    T_CHECK(code(f, NULL, "Alba condemned Boria in a long statement about the border "
                          "dispute and the fishing rights. Caldia condemned Denora in a "
                          "long statement about the border dispute and the fishing "
                          "rights.") == PARLEY_OK);
    T_CHECK(parley_doc_repeated(f->doc) == 1);
    T_CHECK(prl_evidence_near_root(f->doc, 2) == 1);
    T_STREQ(support_of(f->doc, "ALB", "BOR", BODY), "body");
    T_STREQ(support_of(f->doc, "CAL", "DEN", BODY), "body");
    T_CHECK(parley_doc_event_count(f->doc) == 2);

    /* One with the same event: the event is coded once, from the first. */
    T_CHECK(code(f, NULL, "Alba condemned Boria in a long statement about the border "
                          "dispute and the fishing rights. In a long statement about the "
                          "border dispute and the fishing rights, Alba condemned Boria "
                          "again.") == PARLEY_OK);
    T_CHECK(parley_doc_repeated(f->doc) == 1);
    T_CHECK(parley_doc_event_count(f->doc) == 1);
    T_CHECK(parley_doc_event_count(f->doc) == 1 &&
            parley_doc_event(f->doc, 0)->sentence == 1);

    /* Chains: the third repeats the second, which repeats the first; the
     * first's event is still not coded again. */
    T_CHECK(code(f, NULL, "Alba condemned Boria over the border dispute and the fishing "
                          "rights in the north. Caldia condemned Denora over the border "
                          "dispute and the fishing rights in the north and the south. "
                          "Alba condemned Boria over the fishing rights in the north and "
                          "the south.") == PARLEY_OK);
    T_CHECK(parley_doc_repeated(f->doc) == 2);
    T_CHECK(prl_evidence_near_root(f->doc, 3) == 1);
    T_CHECK(parley_doc_event_count(f->doc) == 2);

    /* A long name is one word: sharing it is not a near-duplicate. */
    T_CHECK(code(f, NULL, "The Ministry of Foreign Affairs of the People's Republic of "
                          "Alba condemned Boria. The Ministry of Foreign Affairs of the "
                          "People's Republic of Alba celebrated.") == PARLEY_OK);
    T_CHECK(parley_doc_repeated(f->doc) == 0);

    /* The headline is not compared: a body that repeats it supports it. */
    T_CHECK(code(f, "Alba condemned Boria.", "Alba condemned Boria.") == PARLEY_OK);
    T_CHECK(parley_doc_repeated(f->doc) == 0);
    T_STREQ(verdict(f->doc), "supported");

    /* Sentences without words are never repeats. */
    T_CHECK(code(f, NULL, "Alba condemned Boria.\n\n***\n\n***\n\n...") == PARLEY_OK);
    T_CHECK(parley_doc_repeated(f->doc) == 0);

    /* Repeats are counted past "lead" too, and keep their place in it. */
    T_CHECK(parley_coder_set(f->c, "lead", "1") == PARLEY_OK);
    T_CHECK(code(f, NULL, "Boria celebrated. Boria celebrated. Alba condemned Boria. "
                          "Boria celebrated.") == PARLEY_OK);
    T_CHECK(parley_doc_repeated(f->doc) == 2);
    T_CHECK(parley_doc_event_count(f->doc) == 0);
    T_CHECK(parley_coder_set(f->c, "lead", "0") == PARLEY_OK);

    /* Many sentences: the tables grow; every other sentence repeats. */
    size_t n = 3000;
    char *big = malloc(n * 40);
    T_CHECK(big != NULL);
    if (!big)
        return;
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(big + len, "Alba condemned Boria %zu times. ", i / 2);
    T_CHECK(parley_doc_set(f->doc, "big", NULL, NULL, big, len) == PARLEY_OK);
    T_CHECK(parley_code(f->c, f->doc) == PARLEY_OK);
    T_CHECK(parley_doc_repeated(f->doc) == n / 2);
    T_CHECK(parley_doc_event_count(f->doc) == n / 2);
    free(big);
}

static void test_mentions(fixture *f)
{
    /* Every actor the coder recognised, per sentence, events or not. */
    T_CHECK(code(f, "Alba condemned Boria.",
                 "Caldia celebrated. The government of Denora celebrated.") == PARLEY_OK);
    size_t n = prl_evidence_mention_count(f->doc);
    int seen[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        uint32_t s = 0;
        const char *code_ = prl_evidence_mention_at(f->doc, i, &s);
        if (strcmp(code_, "ALB") == 0 && s == 1)
            seen[0]++;
        if (strcmp(code_, "BOR") == 0 && s == 1)
            seen[1]++;
        if (strcmp(code_, "CAL") == 0 && s == 2)
            seen[2]++;
        if (strcmp(code_, "DENGOV") == 0 && s == 3)
            seen[3]++;
    }
    /* Five: "the government of Denora" is DENGOV, and DEN on its own (the
     * coder keeps the object of "X of Y" for patterns). */
    T_CHECK(n == 5);
    T_CHECK(seen[0] == 1 && seen[1] == 1 && seen[2] == 1 && seen[3] == 1);
    T_CHECK(prl_evidence_mention_at(f->doc, n, NULL) == NULL);
}

/* An allocator that fails the Nth allocation (and every one after). */
typedef struct failing {
    long left;
    int failed;
} failing;

static void *fail_alloc(void *ud, void *p, size_t n)
{
    failing *fa = ud;
    if (n == 0) {
        free(p);
        return NULL;
    }
    if (fa->left-- <= 0) {
        fa->failed = 1;
        return NULL;
    }
    return realloc(p, n);
}

static void test_oom(const parley_dict *d)
{
    static const char body[] =
        "Alba condemned Boria. Alba condemned Boria. Caldia met Denora. "
        "The government of Alba celebrated. Boria attacked the Front.";
    int ok_seen = 0;
    for (long n = 0; n < 400 && !ok_seen; n++) {
        failing fa = {n, 0};
        parley_options o;
        memset(&o, 0, sizeof o);
        o.alloc = fail_alloc;
        o.alloc_ud = &fa;
        parley_coder *c = NULL;
        parley_doc *doc = NULL;
        if (parley_coder_new(d, NULL, &c) != PARLEY_OK)
            break;
        parley_status st = parley_doc_new(&o, &doc);
        if (st == PARLEY_OK)
            st = parley_doc_set(doc, "oom", NULL, "Alba condemned the Front.", body,
                                strlen(body));
        if (st == PARLEY_OK)
            st = parley_code(c, doc);
        T_CHECK(st == PARLEY_OK || st == PARLEY_ENOMEM);
        if (st == PARLEY_OK) {
            ok_seen = 1;
            T_CHECK(parley_doc_repeated(doc) == 1);
            T_STREQ(parley_support_name(parley_doc_headline_support(doc)), "actors");
        } else if (doc) {
            T_CHECK(parley_doc_event_count(doc) == 0);
        }
        parley_doc_free(doc);
        parley_coder_free(c);
    }
    T_CHECK(ok_seen);
}

int main(void)
{
    parley_dict *d = spec_dict();
    T_CHECK(d != NULL);
    if (!d)
        return T_DONE();
    fixture f = {NULL, NULL};
    T_CHECK(parley_coder_new(d, NULL, &f.c) == PARLEY_OK);
    T_CHECK(parley_doc_new(NULL, &f.doc) == PARLEY_OK);
    test_identity();
    if (f.c && f.doc) {
        test_grades(&f);
        test_repeats(&f);
        test_mentions(&f);
    }
    test_oom(d);
    parley_doc_free(f.doc);
    parley_coder_free(f.c);
    parley_dict_free(d);
    return T_DONE();
}
