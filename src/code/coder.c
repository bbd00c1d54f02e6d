/* coder.c: the coder: the parley_coder API, and per document, segment
 * the text, then per sentence run the lexical pass (match.c), a
 * TABARI-style shallow parse (syntax.c) and the event builder (patterns.c
 * codes verbs, events.c records events).
 *
 * Shallow parse, in order (docs/coding.md explains each rule):
 *  1. discards: a story discard drops the document, a sentence discard
 *     the sentence;
 *  2. noun phrases: runs of determiners, plain words, numbers, actors and
 *     agents ("the Calenardhon government", "Gondor's main opposition
 *     group");
 *  3. slots: compounds ("A, B and C") and links ("the ambassadors of A",
 *     "lawmakers in A and B") turn noun phrases into slots, each with its
 *     final codes (actor code plus agent codes, date restrictions applied);
 *  4. comma clauses: TABARI's deletion of short comma-delimited clauses
 *     at the beginning, inside and at the end of the sentence;
 *  5. clauses: the rest is cut at commas and at conjunctions that start a
 *     new verb phrase; a clause starting with a subject and a verb, or
 *     with a conjunction and a verb, is independent;
 *  6. events: in each clause the first verb that yields an event is coded
 *     (patterns longest match first, then the verb's default code); the
 *     source is the first actor of the clause before the verb, the target
 *     the first actor after it (passive voice swaps them, patterns can
 *     designate them with $ + % ^); dependent clauses after a coded one
 *     are consumed. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "code/sentence.h"
#include "doc.h"
#include "enrich/evidence.h"
#include "enrich/geo.h"

/* Trace lines go to the caller's hook, when there is one. */
void prl_tracef(parley_coder *c, const char *fmt, ...)
{
    if (!c->trace)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->tline, sizeof c->tline, fmt, ap);
    va_end(ap);
    c->trace(c->trace_ud, c->tline);
}


/* ------------------------------------------------------------------ */
/* One sentence.                                                        */

static void issues_of(parley_coder *c, sent_ctx *sc)
{
    const parley_dict *d = c->d;
    char buf[512];
    size_t len = 0;
    int ignore = 0;
    for (uint32_t i = 0; i < c->n; i++) {
        uint32_t end;
        uint32_t v = prl_walk_trie(c, PRL_TRIE_ISSUE, i, &end);
        if (!v)
            continue;
        const prl_img_entry *e = &d->entries[v - 1];
        if (e->flags)
            ignore = 1;
        if (!e->n || e->first >= d->n_codes)
            continue;
        const char *code = prl_dict_str(d, d->codes[e->first].code);
        size_t cl = strlen(code);
        /* dedupe */
        int dup = 0;
        for (const char *p = buf; !dup && p < buf + len;) {
            const char *q = memchr(p, ';', (size_t)(buf + len - p));
            size_t pl = q ? (size_t)(q - p) : (size_t)(buf + len - p);
            dup = pl == cl && memcmp(p, code, cl) == 0;
            p += pl + 1;
        }
        if (dup || len + cl + 2 >= sizeof buf)
            continue;
        if (len)
            buf[len++] = ';';
        memcpy(buf + len, code, cl);
        len += cl;
    }
    buf[len] = 0;
    sc->issues = (ignore || !len) ? "" : prl_arena_strndup(&sc->doc->arena, buf, len);
}

static void trace_sentence(parley_coder *c)
{
    if (!c->trace)
        return;
    char buf[480];
    size_t len = 0;
    for (uint32_t i = 0; i < c->n && len + 40 < sizeof buf; i++) {
        const ctok *t = &c->tok[i];
        const char *mark = t->del ? "~" : t->role == R_ACTOR ? "A:" : t->role == R_AGENT ? "G:"
                                     : t->role == R_VERB ? "V:" : "";
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s%.*s", i ? " " : "", mark,
                                (int)t->t->len, t->t->norm);
    }
    prl_tracef(c, "tokens: %s", buf);
    for (size_t s = 0; s < c->n_slots; s++) {
        const slot *sl = &c->slots[s];
        len = 0;
        for (unsigned k = 0; k < sl->c_n && len + 20 < sizeof buf; k++)
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", k ? "," : "",
                                    slot_code(c, sl, k));
        prl_tracef(c, "slot %zu [%u,%u) %s%s%s", s, sl->s, sl->e, buf, sl->compound ? " compound" : "",
                   sl->shadow ? " (link object)" : "");
    }
    for (size_t k = 0; k < c->n_clauses; k++)
        prl_tracef(c, "clause %zu [%u,%u)%s%s", k, c->clauses[k].s, c->clauses[k].e,
                   c->clauses[k].indep ? " independent" : "",
                   c->clauses[k].conjverb ? " conj" : "");
}

/* Returns 1 if the story must be discarded. */
static int code_sentence(parley_coder *c, sent_ctx *sc, const prl_token *toks,
                         uint32_t n)
{
    c->n = n;
    if (n == 0 || n > PARLEY_MAX_SENTENCE_TOKENS)
        return 0;
    if (prl_grow(c, (void **)&c->tok, &c->cap_tok, n, sizeof(ctok)) ||
        prl_grow(c, (void **)&c->act, &c->cap_act, n, sizeof(uint32_t)) ||
        prl_grow(c, (void **)&c->actpos, &c->cap_actpos, n, sizeof(int32_t)))
        return 0;
    c->headline = sc->part == PARLEY_PART_HEADLINE;
    prl_lex_tokens(c, toks, n);     /* also the word lists (prl_word_lists) */
    prl_pres_fill(c);
    /* Quotation spans: each quote mark opens or closes one; the marks
     * themselves count as outside. */
    {
        unsigned q = 0, inside = 0;
        for (uint32_t i = 0; i < n; i++) {
            if (toks[i].kind == PRL_T_QUOTE) {
                inside = !inside;
                if (inside && q < 255)
                    q++;
                c->tok[i].quote = 0;
                continue;
            }
            c->tok[i].quote = inside ? (uint8_t)q : 0;
        }
    }

    /* Discards first: they decide whether anything else matters. */
    for (uint32_t i = 0; i < n; i++) {
        uint32_t end;
        uint32_t v = prl_walk_trie(c, PRL_TRIE_DISCARD, i, &end);
        if (!v)
            continue;
        const prl_img_entry *e = &c->d->entries[v - 1];
        prl_tracef(c, "discard %s at %s:%u", e->flags & 1 ? "story" : "sentence",
                   prl_dict_str(c->d, e->file), (unsigned)e->line);
        if (e->flags & 1)
            return 1;
        sc->discard = 1;    /* no events, and counted as a discard */
        return 0;
    }

    prl_find_units(c);
    prl_find_verbs(c);
    prl_find_nps(c);
    prl_build_slots(c);
    /* Evidence grading (src/enrich/evidence.c) needs every actor the
     * sentence names, whether or not an event uses it. */
    for (size_t k = 0; k < c->n_slots; k++)
        for (unsigned j = 0; j < c->slots[k].c_n; j++)
            if (prl_evidence_mention(sc->doc, sc->index, sc->part,
                                     slot_code(c, &c->slots[k], j)))
                c->oom = 1;
    prl_comma_clauses(c);
    if (c->oom)
        return 0;
    c->n_act = 0;
    for (uint32_t i = 0; i < n; i++) {
        c->actpos[i] = c->tok[i].del ? -1 : (int32_t)c->n_act;
        if (!c->tok[i].del)
            c->act[c->n_act++] = i;
    }
    prl_find_clauses(c);
    issues_of(c, sc);
    prl_resolve_pronouns(c, sc);
    trace_sentence(c);
    if (c->oom)
        return 0;

    int last_src = -1;
    for (unsigned ci = 0; ci < c->n_clauses; ci++) {
        clause *cl = &c->clauses[ci];
        if (cl->done)
            continue;
        int inherit = cl->conjverb ? last_src : -1;
        int coded = 0;
        c->src_from = 0;
        for (size_t vi = 0; vi < c->n_verbs && !coded; vi++) {
            const verbm *v = &c->verbs[vi];
            if ((v->noun && !v->light) || v->s < cl->s || v->s >= cl->e ||
                c->tok[v->s].del)
                continue;
            int used = -1;
            unsigned tcl = ci;
            int r = prl_code_verb(c, sc, ci, v, inherit, &used, &tcl);
            if (r == V_NEG) {
                /* A negated verb ends its clause: what follows is its
                 * complement ("did not agree to meet"). */
                coded = 1;
            } else if (r == V_CODED) {
                coded = 1;
                last_src = used;
                for (unsigned k = ci; k <= tcl && k < c->n_clauses; k++)
                    c->clauses[k].done = 1;
            } else if (r == V_SUBORD) {
                /* Reported speech: "X said Y attacked Z". The speech verb's
                 * event is kept only if nothing else codes; the next verb's
                 * source is looked for after it (Y), and a pronoun there
                 * ("X said he ...") stands for the speaker (TABARI 7.7). */
                c->src_from = v->e;
                if (used >= 0)
                    inherit = used;
            }
        }
        c->src_from = 0;
        if (!coded && cl->rel == 1) {
            /* "which belonged to Syria and was occupied by Israel": the
             * conjoined verb has the relative clause's subject. */
            last_src = cl->ante;
        } else if (!coded) {
            /* An uncoded clause with a subject of its own passes that on,
             * actor or not: in "a man ... entered a store, grabbed a
             * knife and began to stab people" the stabber is the man,
             * not London in the "On Sunday in London" before him. */
            int nul;
            int s = prl_find_source(c, ci, cl->e, -1, &nul);
            if (s >= 0 && last_src < 0)
                last_src = s;
            else if (last_src >= 0 && prl_clause_subject(c, ci) >= 0)
                last_src = s >= 0 ? s : nul;
        }
        if (coded && !cl->adjunct)
            for (unsigned k = ci + 1;
                 k < c->n_clauses && !c->clauses[k].indep && !c->clauses[k].own; k++)
                c->clauses[k].done = 1;
        cl->done = 1;
    }
    prl_set_forward(c, sc);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Public API.                                                          */

parley_status parley_coder_new(const parley_dict *d, const parley_options *opts,
                               parley_coder **out)
{
    if (!d || !out)
        return PARLEY_EINVAL;
    prl_alloc a = prl_default_alloc;
    if (opts && opts->alloc) {
        a.fn = opts->alloc;
        a.ud = opts->alloc_ud;
    }
    parley_coder *c = prl_calloc(&a, sizeof *c);
    if (!c)
        return PARLEY_ENOMEM;
    c->pres = prl_calloc(&a, PRL_PRES * sizeof *c->pres);
    c->pres_gen = prl_calloc(&a, PRL_PRES * sizeof *c->pres_gen);
    if (!c->pres || !c->pres_gen) {
        prl_free(&a, c->pres);
        prl_free(&a, c->pres_gen);
        prl_free(&a, c);
        return PARLEY_ENOMEM;
    }
    c->alloc = a;
    c->d = d;
    if (d->n_synsets) {
        c->syn_gen = prl_calloc(&a, d->n_synsets * sizeof *c->syn_gen);
        c->syn_ok = prl_calloc(&a, d->n_synsets);
        if (!c->syn_gen || !c->syn_ok) {
            parley_coder_free(c);
            return PARLEY_ENOMEM;
        }
        c->cap_syn = d->n_synsets;
    }
    /* PETRARCH's defaults (PETR_config.ini), which are TABARI's. */
    c->require_dyad = 1;
    c->new_actor_length = 0;
    c->comma_min = 2;
    c->comma_max = 8;
    c->comma_bmin = 0;
    c->comma_bmax = 0;
    c->comma_emin = 2;
    c->comma_emax = 8;
    *out = c;
    return PARLEY_OK;
}

static int parse_bool(const char *v, int *out)
{
    static const char *yes[] = {"true", "True", "TRUE", "1", "yes", "on"};
    static const char *no[] = {"false", "False", "FALSE", "0", "no", "off"};
    for (size_t i = 0; i < 6; i++) {
        if (strcmp(v, yes[i]) == 0) {
            *out = 1;
            return 0;
        }
        if (strcmp(v, no[i]) == 0) {
            *out = 0;
            return 0;
        }
    }
    return -1;
}

static int parse_int(const char *v, int *out)
{
    long x = 0;
    const char *p = v;
    if (!*p)
        return -1;
    for (; *p; p++) {
        if (*p < '0' || *p > '9' || x > 100000000)
            return -1;
        x = x * 10 + (*p - '0');
    }
    *out = (int)x;
    return 0;
}

parley_status parley_coder_set(parley_coder *c, const char *option,
                               const char *value)
{
    if (!c || !option || !value)
        return PARLEY_EINVAL;
    struct {
        const char *name;
        int *p;
    } ints[] = {
        {"new_actor_length", &c->new_actor_length},
        {"comma_min", &c->comma_min},   {"comma_max", &c->comma_max},
        {"comma_bmin", &c->comma_bmin}, {"comma_bmax", &c->comma_bmax},
        {"comma_emin", &c->comma_emin}, {"comma_emax", &c->comma_emax},
        {"lead", &c->lead},
    };
    if (strcmp(option, "require_dyad") == 0)
        return parse_bool(value, &c->require_dyad) ? PARLEY_EINVAL : PARLEY_OK;
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        if (strcmp(option, ints[i].name) == 0)
            return parse_int(value, ints[i].p) ? PARLEY_EINVAL : PARLEY_OK;
    if (strcmp(option, "default_date") == 0) {
        int v;
        if (strlen(value) != 8 || parse_int(value, &v))
            return PARLEY_EINVAL;
        c->default_date = v;
        return PARLEY_OK;
    }
    return PARLEY_EINVAL;
}

void parley_coder_trace(parley_coder *c, parley_trace_fn fn, void *ud)
{
    if (!c)
        return;
    c->trace = fn;
    c->trace_ud = ud;
}

parley_status parley_code(parley_coder *c, parley_doc *doc)
{
    if (!c || !doc)
        return PARLEY_EINVAL;
    doc->sentences = NULL;
    doc->n_sentences = 0;
    doc->events = NULL;
    doc->n_events = doc->cap_events = 0;
    doc->discarded = 0;
    doc->discarded_sentences = 0;
    prl_evidence_begin(doc);
    c->oom = 0;
    prl_segmented seg;
    parley_status st = prl_text_segment(&doc->arena, doc->text, doc->len, &seg);
    if (st != PARLEY_OK)
        return st;
    if (seg.n_sentences) {
        doc->sentences = prl_arena_alloc(&doc->arena,
                                         seg.n_sentences * sizeof(parley_sentence));
        if (!doc->sentences)
            return PARLEY_ENOMEM;
    }
    c->text = doc->text;
    c->date = doc->date_num ? doc->date_num : c->default_date;
    c->fwd_n = 0;
    c->fwd_sent = 0;
    uint32_t body_seen = 0;     /* for the "lead" option */
    for (uint32_t s = 0; s < seg.n_sentences; s++) {
        const prl_sentence *ps = &seg.sentences[s];
        parley_sentence *out = &doc->sentences[doc->n_sentences++];
        out->index = s + 1;
        out->start = ps->start;
        out->end = ps->end;
        out->part = ps->start < doc->title_end ? PARLEY_PART_HEADLINE : PARLEY_PART_BODY;
        sent_ctx sc;
        memset(&sc, 0, sizeof sc);
        sc.doc = doc;
        sc.index = s + 1;
        sc.start = ps->start;
        sc.end = ps->end;
        sc.part = out->part;
        sc.first_event = doc->n_events;
        if (ps->first > seg.n_tokens || ps->count > seg.n_tokens - ps->first)
            continue;
        /* A body sentence repeating an earlier one is counted and not coded
         * again; a near-duplicate is coded, but not its events already coded
         * (src/enrich/evidence.c). Both keep their place for "lead". */
        int repeat = out->part != PARLEY_PART_BODY ? PRL_REPEAT_NONE :
                     prl_evidence_repeat(doc, s + 1, seg.tokens + ps->first, ps->count);
        /* "lead": body sentences past the first N are listed, not coded
         * (so neither their events nor their discards count). */
        if (out->part == PARLEY_PART_BODY && c->lead > 0 &&
            ++body_seen > (uint32_t)c->lead)
            continue;
        if (repeat == PRL_REPEAT_EXACT)
            continue;
        int story = code_sentence(c, &sc, seg.tokens + ps->first, ps->count);
        if (c->oom || doc->arena.failed) {
            doc->n_events = 0;
            return PARLEY_ENOMEM;
        }
        if (story) {
            doc->discarded = 1;
            doc->discarded_sentences++;
            doc->n_events = 0;
            return prl_evidence_grade(doc);
        }
        if (sc.discard) {
            doc->discarded_sentences++;
            doc->n_events = sc.first_event;
            continue;
        }
        /* Subordinate events (TABARI '?') survive only alone. */
        int plain = 0;
        for (size_t i = sc.first_event; i < doc->n_events; i++)
            plain |= doc->events[i].quad >= 0;
        size_t w = sc.first_event;
        for (size_t i = sc.first_event; i < doc->n_events; i++) {
            parley_event *e = &doc->events[i];
            if (e->quad < 0) {
                if (plain)
                    continue;
                e->quad = -1 - e->quad;
            }
            doc->events[w++] = *e;
        }
        doc->n_events = w;
        if (repeat == PRL_REPEAT_NEAR)
            prl_evidence_unrepeat(doc, sc.index, sc.first_event);
    }
    st = prl_geo_doc(c, doc, &seg);     /* places: src/enrich/geo.c */
    if (st != PARLEY_OK)
        return doc->n_events = 0, st;
    return prl_evidence_grade(doc);     /* support of every event */
}

void parley_coder_free(parley_coder *c)
{
    if (!c)
        return;
    prl_alloc a = c->alloc;
    prl_free(&a, c->tok);
    prl_free(&a, c->units);
    prl_free(&a, c->verbs);
    prl_free(&a, c->nps);
    prl_free(&a, c->slots);
    prl_free(&a, c->clauses);
    prl_free(&a, c->act);
    prl_free(&a, c->actpos);
    prl_free(&a, c->cbuf);
    prl_free(&a, c->codes);
    prl_free(&a, c->cspan);
    prl_free(&a, c->pres);
    prl_free(&a, c->pres_gen);
    prl_free(&a, c->syn_gen);
    prl_free(&a, c->syn_ok);
    prl_free(&a, c->lexcache_mem);
    prl_free(&a, c);
}
