/* sentence.h: what the four parts of the sentence coder share: coder.c
 * (the API and the document and sentence loops), syntax.c (the shallow
 * parse), patterns.c (coding a verb by its patterns) and events.c
 * (recording events). Internal; kept apart from coder.h, which
 * enrich/geo.h also includes, so these short helper names stay private
 * to the coder. */
#ifndef PRL_CODE_SENTENCE_H
#define PRL_CODE_SENTENCE_H

#include <string.h>

#include "code/coder.h"

/* Small helpers stay static inline: they run for every token in the
 * parser's and the matcher's inner loops. */
static inline int is_punct(const ctok *t, char ch)
{
    return (t->t->kind == PRL_T_PUNCT || t->t->kind == PRL_T_END) &&
           t->t->len == 1 && t->t->norm[0] == ch;
}

static inline int is_word(const ctok *t)
{
    return t->t->kind == PRL_T_WORD || t->t->kind == PRL_T_NUMBER;
}

/* Code strings live in cbuf during a sentence. */
static inline uint32_t cb_add(parley_coder *c, const char *s, size_t n)
{
    if (prl_grow(c, (void **)&c->cbuf, &c->cbuf_cap, c->cbuf_len + n + 1, 1))
        return 0;
    uint32_t off = (uint32_t)c->cbuf_len;
    memcpy(c->cbuf + off, s, n);
    c->cbuf[off + n] = 0;
    c->cbuf_len += n + 1;
    return off;
}

static inline const char *cb_str(const parley_coder *c, uint32_t off)
{
    return c->cbuf + off;
}

static inline const char *slot_code(const parley_coder *c, const slot *s, unsigned k)
{
    return cb_str(c, c->codes[s->c_first + k]);
}

static inline int is_null_code(const char *s)
{
    return s[0] == '-' && s[1] == '-' && s[2] == '-' && !s[3];
}

/* Append a code (a cbuf offset) named by tokens [ts, te). Returns 0, or
 * -1 when out of memory. */
static inline int push_code(parley_coder *c, uint32_t off, uint32_t ts, uint32_t te)
{
    if (prl_grow(c, (void **)&c->codes, &c->cap_codes, c->n_codes + 1, 4) ||
        prl_grow(c, (void **)&c->cspan, &c->cap_cspan, c->n_codes + 1, 4))
        return -1;
    c->cspan[c->n_codes] = (ts & 0xffffu) << 16 | (te & 0xffffu);
    c->codes[c->n_codes++] = off;
    return 0;
}

/* Is the token's norm the word w? These run in loops over word lists for
 * every token, so one byte loop (no strlen, no memcmp call) settles
 * them; the first byte settles most. */
static inline int norm_is(const ctok *t, const char *w)
{
    const char *s = t->t->norm;
    size_t i = 0, len = t->t->len;
    while (w[i] && i < len && s[i] == w[i])
        i++;
    return !w[i] && i == len;
}

/* Does the norm end in suf (non-empty), with two bytes before it? */
static inline int ends_in(const ctok *t, const char *suf)
{
    size_t n = strlen(suf), len = t->t->len;
    return len > n + 1 && t->t->norm[len - 1] == suf[n - 1] &&
           memcmp(t->t->norm + len - n, suf, n) == 0;
}

/* ctok.lists: the word lists below, tested for every token many times
 * over, so each token is looked up in them once, by word_lists. */
enum { TL_SAYING = 1, TL_REPORTING = 2 };

/* Past and present forms of saying that are never part of a noun
 * phrase: "Germany said Russia attacked" has two phrases, not one. */
static inline int saying_verb(const ctok *t)
{
    return t->lists & TL_SAYING;
}

static inline int is_comma(const ctok *t)
{
    return t->t->kind == PRL_T_PUNCT && t->t->len == 1 &&
           (t->t->norm[0] == ',' || t->t->norm[0] == ';');
}

static inline uint32_t next_live(const parley_coder *c, uint32_t i, uint32_t e)
{
    while (i < e && c->tok[i].del)
        i++;
    return i;
}

static inline int act_of(const parley_coder *c, uint32_t tok)
{
    return c->actpos[tok];
}

/* The sentence being coded, as the event builder sees it. */
typedef struct sent_ctx {
    parley_doc *doc;
    uint32_t index;         /* 1-based sentence number */
    uint32_t start, end;
    parley_part part;
    const char *issues;
    int discard;            /* a ### code was hit */
    size_t first_event;     /* doc events of this sentence start here */
} sent_ctx;

/* Where an event's words are and how sure the coder is of it. */
typedef struct evid {
    const slot *S, *T;      /* source and target slots; S NULL: no source */
    unsigned i, j;          /* ... and the code of each */
    const verbm *v;
    int conf;               /* confidence before the actors' part */
} evid;

enum { V_NONE = 0, V_CODED, V_SUBORD, V_NEG };

/* coder.c */
void prl_tracef(parley_coder *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* syntax.c: the shallow parse, in the order code_sentence runs it ... */
unsigned prl_word_lists(const ctok *t);
void prl_find_nps(parley_coder *c);
void prl_build_slots(parley_coder *c);
void prl_comma_clauses(parley_coder *c);
void prl_find_clauses(parley_coder *c);
void prl_resolve_pronouns(parley_coder *c, const sent_ctx *sc);
void prl_set_forward(parley_coder *c, const sent_ctx *sc);
/* ... and the roles prl_code_verb asks about. */
int prl_pronoun_fits(const parley_coder *c, int p, int a);
int prl_object_ends(const parley_coder *c, uint32_t t);
int prl_no_object(const parley_coder *c, uint32_t t);
int prl_adverbial(const parley_coder *c, uint32_t t);
int prl_clause_subject(const parley_coder *c, unsigned ci);
int prl_find_source(const parley_coder *c, unsigned ci, uint32_t before,
                    int avoid, int *null_slot);
int prl_find_target(const parley_coder *c, unsigned ci, uint32_t after,
                    int src, unsigned *tclause, int *null_slot,
                    uint32_t nulls_from);
int prl_same_codes(const parley_coder *c, int a, int b);
int prl_buried_modifier(const parley_coder *c, int s, uint32_t from);
uint32_t prl_passive_by(const parley_coder *c, const verbm *v);
int prl_negation_at(const parley_coder *c, const verbm *v);
int prl_passive_aux(const parley_coder *c, const verbm *v);
int prl_participle(const parley_coder *c, const verbm *v);
int prl_event_noun(const parley_coder *c, size_t vi);
int prl_place_or_topic(const parley_coder *c, int s);

/* patterns.c */
void prl_pres_fill(parley_coder *c);
int prl_code_verb(parley_coder *c, sent_ctx *sc, unsigned ci, const verbm *v,
                  int inherit, int *used_src, unsigned *tclause);

/* events.c */
int prl_actor_conf(const char *code, const slot *sl);
int prl_emit(parley_coder *c, sent_ctx *sc, const char *src, const char *tgt,
             const char *code, const char *verb, const char *pat, int subord,
             const evid *ev_in, int swap);
const char *prl_clean_code(parley_coder *c, uint32_t off, int *subord,
                           char *buf, size_t cap);
int prl_symmetric_code(const char *code1, const char *code2);
const char *prl_verb_text(parley_coder *c, sent_ctx *sc, const verbm *v);
const char *prl_origin_text(parley_coder *c, sent_ctx *sc, uint32_t file,
                            uint32_t line);

#endif
