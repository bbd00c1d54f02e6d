/* events.c: turning a coded verb into a document event: the verb code
 * string (TABARI's subordinate and dominant suffixes, codes symmetric
 * between a compound's members), the words that named each code (spans,
 * the dictionary line of the pattern) and the event's confidence. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "code/sentence.h"
#include "doc.h"

static const char *doc_str(parley_doc *doc, const char *s)
{
    return prl_arena_strndup(&doc->arena, s, strlen(s));
}

/* [*a, *b) bytes of the words that named code k of slot sl: the member's
 * own tokens, else the slot's; 0, 0 when none. */
static void code_span(const parley_coder *c, const slot *sl, unsigned k, uint32_t *a,
                      uint32_t *b)
{
    *a = *b = 0;
    if (!sl)
        return;
    uint32_t sp = k < sl->c_n ? c->cspan[sl->c_first + k] : 0;
    uint32_t ts = sp >> 16, te = sp & 0xffffu;
    if (ts >= te || te > c->n) {
        ts = sl->s;
        te = sl->e;
    }
    if (ts >= te || te > c->n)
        return;
    *a = c->tok[ts].t->start;
    *b = c->tok[te - 1].t->end;
}

/* The actor's part of the confidence: a code without a country ("---GOV")
 * or a new actor ("\"TEXT\"") is less sure, no actor at all ("---") even
 * less, a pronoun's antecedent less again. */
int prl_actor_conf(const char *code, const slot *sl)
{
    int d = 0;
    if (is_null_code(code))
        d -= 20;
    else if (code[0] == '"' || strncmp(code, "---", 3) == 0)
        d -= 10;
    if (sl && sl->coref)
        d -= 15;
    return d;
}

int prl_emit(parley_coder *c, sent_ctx *sc, const char *src, const char *tgt,
             const char *code, const char *verb, const char *pat, int subord,
             const evid *ev_in, int swap)
{
    if (!code || !*code || is_null_code(code))
        return 0;
    if (code[0] == '#' && strcmp(code, "###") == 0) {
        sc->discard = 1;
        return 0;
    }
    if (code[0] == '+' && strcmp(code, "+++") == 0)
        return 0;
    if (strcmp(src, tgt) == 0)
        return 0;
    if (c->require_dyad && (is_null_code(src) || is_null_code(tgt)))
        return 0;
    parley_doc *doc = sc->doc;
    /* One event per distinct triple in a sentence. */
    for (size_t i = sc->first_event; i < doc->n_events; i++) {
        const parley_event *e = &doc->events[i];
        if (strcmp(e->source, src) == 0 && strcmp(e->target, tgt) == 0 &&
            strcmp(e->code, code) == 0)
            return 1;
    }
    parley_event ev;
    memset(&ev, 0, sizeof ev);
    ev.sentence = sc->index;
    ev.start = sc->start;
    ev.end = sc->end;
    ev.part = sc->part;
    ev.source = doc_str(doc, src);
    ev.target = doc_str(doc, tgt);
    ev.code = doc_str(doc, code);
    const parley_cameo *cm = parley_cameo_lookup(code);
    ev.root = cm ? doc_str(doc, cm->code) : "";
    if (cm) {
        char root[3] = {cm->code[0], cm->code[1], 0};
        ev.root = doc_str(doc, root);
        ev.quad = cm->quad;
        ev.goldstein = cm->goldstein;
    } else {
        ev.root = "";
        ev.quad = 0;
        ev.goldstein = NAN;
    }
    ev.verb = verb;
    ev.pattern = pat;
    ev.issues = sc->issues ? sc->issues : "";
    if (ev_in) {
        const slot *S = swap ? ev_in->T : ev_in->S, *T = swap ? ev_in->S : ev_in->T;
        unsigned si = swap ? ev_in->j : ev_in->i, ti = swap ? ev_in->i : ev_in->j;
        code_span(c, S, si, &ev.source_start, &ev.source_end);
        code_span(c, T, ti, &ev.target_start, &ev.target_end);
        const verbm *v = ev_in->v;
        if (v && v->s < v->e && v->e <= c->n) {
            ev.verb_start = c->tok[v->s].t->start;
            ev.verb_end = c->tok[v->e - 1].t->end;
        }
        int conf = ev_in->conf + prl_actor_conf(src, S) + prl_actor_conf(tgt, T);
        ev.confidence = conf < 5 ? 5 : conf > 95 ? 95 : conf;
    }
    /* A subordinate event is marked by quad -1 until the sentence ends. */
    if (subord)
        ev.quad = -1 - ev.quad;
    if (!ev.source || !ev.target || !ev.code || !ev.root ||
        prl_doc_add_event(doc, &ev) != PARLEY_OK) {
        c->oom = 1;
        return 0;
    }
    return 1;
}

/* The code string of a verb code, with TABARI's '?' (subordinate) and '!'
 * (dominant) suffixes removed into *subord. Returns a cbuf offset. */
const char *prl_clean_code(parley_coder *c, uint32_t off, int *subord,
                           char *buf, size_t cap)
{
    const char *s = prl_dict_str(c->d, off);
    size_t n = strlen(s);
    *subord = 0;
    while (n && (s[n - 1] == '?' || s[n - 1] == '!')) {
        if (s[n - 1] == '?')
            *subord = 1;
        n--;
    }
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, s, n);
    buf[n] = 0;
    return buf;
}

/* A code that is the same seen from either side: a paired code [x:x], or
 * cooperation that a group does among itself (meet or negotiate, consult,
 * cooperate, sign an agreement). "Israel and Egypt held talks" is talks
 * between them. */
int prl_symmetric_code(const char *code1, const char *code2)
{
    static const char *const coop[] = {"036", "040", "041", "046", "050",
                                       "057", "060", "061", "062", "064"};
    if (*code2 && strcmp(code1, code2) == 0)
        return 1;
    for (size_t i = 0; i < sizeof coop / sizeof coop[0]; i++)
        if (strcmp(code1, coop[i]) == 0)
            return 1;
    return 0;
}

const char *prl_verb_text(parley_coder *c, sent_ctx *sc, const verbm *v)
{
    const prl_token *a = c->tok[v->s].t, *b = c->tok[v->e - 1].t;
    return prl_arena_strndup(&sc->doc->arena, c->text + a->start, b->end - a->start);
}

const char *prl_origin_text(parley_coder *c, sent_ctx *sc, uint32_t file,
                            uint32_t line)
{
    char buf[600];
    snprintf(buf, sizeof buf, "%s:%u", prl_dict_str(c->d, file), (unsigned)line);
    return doc_str(sc->doc, buf);
}
