/* patterns.c: coding a verb by its dictionary patterns: the matcher over
 * the live tokens of a clause, the presence set that skips patterns whose
 * words are absent from the sentence, and prl_code_verb, which takes the
 * longest pattern that matches (else the verb's default code), finds the
 * source and target and hands the event to events.c. */
#include <string.h>

#include "code/sentence.h"

#define STEP_LIMIT 200000u

static int verb_form(const ctok *t)
{
    return t->role == R_VERB ||
           (t->role == R_NONE && t->cls == PRL_WC_OPEN && t->t->kind == PRL_T_WORD &&
            !(t->t->flags & PRL_TF_CAP) &&
            (ends_in(t, "ED") || ends_in(t, "ES") || ends_in(t, "ING")));
}

/* The object of an object-control verb before the infinitive verb v
 * ("asked Zelensky to investigate", "urged NATO members to increase"):
 * a coded noun phrase right after a verb form and right before TO. Its
 * slot, or -1. */
static int control_object(const parley_coder *c, const verbm *v)
{
    uint32_t t = v->s;
    while (t > 0 && c->tok[t - 1].del)
        t--;
    if (t < 3 || !norm_is(&c->tok[t - 1], "TO"))
        return -1;
    const ctok *last = &c->tok[t - 2];
    if (last->slot < 0 || c->slots[last->slot].e != t - 1 || c->slots[last->slot].pron ||
        !c->slots[last->slot].coded)
        return -1;
    int s = last->slot;
    uint32_t b = c->slots[s].s;
    if (b == 0)
        return -1;
    /* The verb before the phrase, or its first word when the phrase took
     * it in ("might have encouraged newly elected ... Zelensky"). */
    return verb_form(&c->tok[b - 1]) || (b + 1 < t - 1 && verb_form(&c->tok[b]) &&
                                         c->tok[b - 1].cls == PRL_WC_AUX) ? s : -1;
}

/* Does an agent word without an actor modify the pattern's noun at token
 * n ("a military offensive", not "the minister's resignation" nor "the
 * national guard", where the noun is the agent)? */
static int agent_modifies(const parley_coder *c, int s, uint32_t n)
{
    const slot *sl = &c->slots[s];
    if (c->tok[n].role == R_AGENT || n == 0 || c->tok[n - 1].role != R_AGENT)
        return 0;
    for (unsigned i = sl->c_first; i < (unsigned)sl->c_first + sl->c_n; i++) {
        const char *code = cb_str(c, c->codes[i]);
        if (strncmp(code, "---", 3) != 0 || !code[3])
            return 0;
    }
    return sl->c_n > 0;
}

/* ------------------------------------------------------------------ */
/* Pattern matching over the live tokens of a clause.                   */

typedef struct pm {
    const prl_img_elem *el;
    unsigned n_left, n_right;
    int vjoin;
    uint32_t lo, hi;        /* act positions of the clause */
    uint32_t vs, ve;        /* act positions of the verb */
    int src, tgt, cmp, cmp_left;
    unsigned score;
    uint32_t rend;          /* end of the last right element matched */
    uint32_t lmin;          /* start of the leftmost word matched before
                               the verb (UINT32_MAX: none) */
    uint32_t nact;          /* a light verb's event noun (act position,
                               UINT32_MAX: none) ... */
    int hitn;               /* ... and a word of the pattern matched it */
    uint32_t negact;        /* the verb's negation (act position) ... */
    int hitneg;             /* ... and a word of the pattern matched it */
} pm;

/* The slot starting at act position p; a slot whose determiners the
 * pattern has already matched ("* THEIR ^ ABOUT +") also counts. */
static int slot_at_start(const parley_coder *c, uint32_t p)
{
    uint32_t t = c->act[p];
    int s = c->tok[t].slot;
    if (s < 0)
        return -1;
    /* The object of "X of Y" alone, after a ^ that skipped X. */
    if (c->slots[s].tail >= 0 && t > c->slots[s].head_e &&
        t >= c->slots[c->slots[s].tail].s)
        s = c->slots[s].tail;
    for (uint32_t k = c->slots[s].s; k < t; k++) {
        uint8_t cls = c->tok[k].cls;
        if (cls != PRL_WC_DET && cls != PRL_WC_INDEF && cls != PRL_WC_POSS)
            return -1;
    }
    return s;
}

static int slot_at_end(const parley_coder *c, uint32_t q)
{
    uint32_t t = c->act[q - 1];
    int s = c->tok[t].slot;
    if (s < 0 || c->slots[s].e != t + 1)
        return -1;
    return s;
}

static int slot_ok(const parley_coder *c, int s, int kind)
{
    const slot *sl = &c->slots[s];
    switch (kind) {
    case PRL_E_SKIP:
        return 1;
    case PRL_E_COMPOUND:
        return sl->coded && sl->c_n > 1;
    default:
        return sl->coded;
    }
}

/* Match synset phrase elements forward from act position p; returns the
 * end position or -1. Nested synsets recurse (depth-limited). */
static int match_fwd_elems(parley_coder *c, const prl_img_elem *el, unsigned n,
                           uint32_t p, uint32_t hi, unsigned *score, int depth);

static int match_synset(parley_coder *c, uint32_t syn, uint32_t p, uint32_t hi,
                        unsigned *score, int depth)
{
    const parley_dict *d = c->d;
    if (depth > 4 || syn >= d->n_synsets)
        return -1;
    const prl_img_synset *s = &d->synsets[syn];
    int best = -1;
    unsigned bscore = 0;
    for (uint32_t k = 0; k < s->n; k++) {
        const prl_img_synphr *ph = &d->synphr[s->first + k];
        unsigned sc = 0;
        int q = match_fwd_elems(c, &d->elems[ph->first_elem], ph->n, p, hi, &sc,
                                depth + 1);
        if (q >= 0 && (best < 0 || q > best)) {
            best = q;
            bscore = sc;
        }
    }
    if (best >= 0)
        *score += bscore;
    return best;
}

static int match_fwd_elems(parley_coder *c, const prl_img_elem *el, unsigned n,
                           uint32_t p, uint32_t hi, unsigned *score, int depth)
{
    const parley_dict *d = c->d;
    uint32_t pos = p;
    int adj = 1;    /* the phrase starts exactly at p */
    for (unsigned k = 0; k < n; k++) {
        const prl_img_elem *e = &el[k];
        int found = -1;
        for (uint32_t q = pos; q < hi && q <= pos + (adj ? 0 : 3); q++) {
            if (++c->steps > STEP_LIMIT)
                return -1;
            if (e->kind == PRL_E_WORD) {
                if (prl_tok_matches(c, c->act[q], e->arg)) {
                    *score += (e->arg & PRL_LBL_STEM ? d->stems[PRL_LBL_ID(e->arg)].len
                                                     : d->words[PRL_LBL_ID(e->arg)].len);
                    found = (int)q + 1;
                }
            } else if (e->kind == PRL_E_SYNSET) {
                found = match_synset(c, e->arg, q, hi, score, depth);
            }
            if (found >= 0)
                break;
        }
        if (found < 0)
            return -1;
        pos = (uint32_t)found;
        adj = e->joined;
    }
    return (int)pos;
}

/* Bind a slot to the $, + or % element that matched it; a % found
 * before the verb (left) marks a reciprocal reading. */
static void bind_slot(pm *m, unsigned kind, int s, int left)
{
    if (kind == PRL_E_SOURCE)
        m->src = s;
    else if (kind == PRL_E_TARGET)
        m->tgt = s;
    else if (kind == PRL_E_COMPOUND) {
        m->cmp = s;
        m->cmp_left |= left;
    }
}

/* One element at act position p, forward: returns its end or -1. */
static int elem_fwd(parley_coder *c, pm *m, const prl_img_elem *e, uint32_t p)
{
    if (e->kind == PRL_E_WORD || e->kind == PRL_E_SYNSET) {
        unsigned sc = 0;
        int q = match_fwd_elems(c, e, 1, p, m->hi, &sc, 0);
        if (q >= 0) {
            m->score += sc;
            if (m->nact >= p && m->nact < (uint32_t)q)
                m->hitn = 1;
        }
        return q;
    }
    int s = slot_at_start(c, p);
    if (s < 0 || !slot_ok(c, s, e->kind))
        return -1;
    bind_slot(m, e->kind, s, 0);
    uint32_t q = p;
    while (q < m->hi && c->act[q] < c->slots[s].e)
        q++;
    return (int)q;
}

/* A ^ on "X of Y" whose X is one agent-only phrase may skip X alone, as
 * PETRARCH's ^ skips one named entity: returns the end of X (the act
 * position of OF), or -1. */
static int skip_head(const parley_coder *c, const pm *m, uint32_t p)
{
    int s = slot_at_start(c, p);
    if (s < 0 || c->slots[s].tail < 0)
        return -1;
    uint32_t q = p;
    while (q < m->hi && c->act[q] < c->slots[s].head_e)
        q++;
    return q < m->hi ? (int)q : -1;
}

/* One element ending exactly at act position q: returns its start or -1. */
static int elem_back(parley_coder *c, pm *m, const prl_img_elem *e, uint32_t q)
{
    if (e->kind == PRL_E_WORD || e->kind == PRL_E_SYNSET) {
        for (uint32_t p = q; p-- > m->lo && q - p <= 6;) {
            unsigned sc = 0;
            int end = match_fwd_elems(c, e, 1, p, q, &sc, 0);
            if (end == (int)q) {
                m->score += sc;
                if (p < m->lmin)
                    m->lmin = p;
                if (m->negact >= p && m->negact < q)
                    m->hitneg = 1;
                return (int)p;
            }
            if (e->kind == PRL_E_WORD)
                break;
        }
        return -1;
    }
    int s = slot_at_end(c, q);
    if (s < 0 || !slot_ok(c, s, e->kind))
        return -1;
    bind_slot(m, e->kind, s, 1);
    uint32_t p = q;
    while (p > m->lo && c->tok[c->act[p - 1]].slot == s)
        p--;
    /* A target before the verb ("+ * FROM $") describes a passive. */
    if (e->kind == PRL_E_TARGET && p < m->lmin)
        m->lmin = p;
    return (int)p;
}


/* Is the pattern element a preposition ("WITH", "AGAINST")? */
static int elem_is_prep(const parley_coder *c, const prl_img_elem *e)
{
    if (e->kind != PRL_E_WORD || (e->arg & PRL_LBL_STEM))
        return 0;
    uint32_t id = PRL_LBL_ID(e->arg);
    return id < c->d->n_words && c->d->words[id].cls == PRL_WC_PREP;
}

/* Is slot s the country of the clause's first coded actor before act
 * position vs (its code a prefix of that actor's code)? */
static int own_country(const parley_coder *c, int s, uint32_t vs)
{
    const slot *o = &c->slots[s];
    if (!o->c_n)
        return 0;
    const char *oc = slot_code(c, o, 0);
    size_t n = strlen(oc);
    for (uint32_t p = 0; p < vs && p < c->n_act; p++) {
        int t = c->tok[c->act[p]].slot;
        if (t >= 0 && t != s && c->slots[t].coded && c->slots[t].c_n) {
            const char *sc = slot_code(c, &c->slots[t], 0);
            return n >= 3 && strncmp(sc, oc, n) == 0;
        }
    }
    return 0;
}

static int match_right(parley_coder *c, pm *m, unsigned k, uint32_t pos, int adj)
{
    if (k == m->n_right)
        return 1;
    const prl_img_elem *e = &m->el[m->n_left + k];
    /* An actor after a preposition of the pattern is that preposition's
     * object, before the next preposition: "* WITH + [040]" on "met with
     * Zalmay Khalilzad, a US peace envoy, in Qatar" does not reach past
     * Khalilzad (no actor) to Qatar. */
    int pobj = k > 0 && (e->kind == PRL_E_SOURCE || e->kind == PRL_E_TARGET ||
                         e->kind == PRL_E_COMPOUND) &&
               elem_is_prep(c, &m->el[m->n_left + k - 1]);
    /* A preposition of the pattern right after the verb does not reach
     * past the verb's own object: "sanctioned Iran ... over plots against
     * dissidents" is no "* AGAINST +". */
    int vprep = k == 0 && pos == m->ve && elem_is_prep(c, e);
    for (uint32_t p = pos; p < m->hi; p++) {
        if (adj && p != pos)
            break;
        if (pobj && p > pos && c->tok[c->act[p]].cls == PRL_WC_PREP &&
            c->tok[c->act[p]].slot < 0)
            break;      /* another preposition: the object did not bind */
        if (vprep && p == pos) {
            /* ... unless the object is the subject's own country ("Trump
             * withdrew the US from a treaty with Iran"). */
            int os = slot_at_start(c, p);
            if (os >= 0 && c->slots[os].coded && !own_country(c, os, m->vs))
                break;
        }
        if ((e->kind == PRL_E_TARGET || e->kind == PRL_E_SOURCE) && p > pos) {
            if (prl_object_ends(c, c->act[p]))
                break;
            int ts = slot_at_start(c, p);
            if (ts >= 0 && (prl_buried_modifier(c, ts, c->act[pos]) ||
                            prl_no_object(c, c->act[p])))
                continue;
        }
        if (++c->steps > STEP_LIMIT)
            return 0;
        pm save = *m;
        if (e->kind == PRL_E_SKIP) {
            int h = skip_head(c, m, p);
            if (h >= 0 && match_right(c, m, k + 1, (uint32_t)h, e->joined))
                return 1;
            *m = save;
        }
        int q = elem_fwd(c, m, e, p);
        if (q >= 0 && (e->kind == PRL_E_WORD || e->kind == PRL_E_SYNSET))
            m->rend = (uint32_t)q;
        if (q >= 0 && match_right(c, m, k + 1, (uint32_t)q, e->joined))
            return 1;
        *m = save;
    }
    return 0;
}

static int match_left(parley_coder *c, pm *m, int k, uint32_t end, int adj)
{
    if (k < 0)
        return 1;
    const prl_img_elem *e = &m->el[k];
    for (uint32_t q = end; q > m->lo; q--) {
        if (adj && q != end)
            break;
        if (++c->steps > STEP_LIMIT)
            return 0;
        pm save = *m;
        int p = elem_back(c, m, e, q);
        if (p >= 0 && match_left(c, m, k - 1, (uint32_t)p, k > 0 ? m->el[k - 1].joined : 0))
            return 1;
        *m = save;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* The presence set of the sentence's labels.                           */

static uint32_t pres_slot(uint32_t label)
{
    return (label * 2654435761u) >> 19;     /* 13 bits: PRL_PRES */
}

static inline uint32_t pres_bit(uint32_t label)
{
    return (label * 0x9e3779b1u) >> 20;     /* 12 bits: PRL_PRES_BITS */
}

static void pres_add(parley_coder *c, uint32_t label)
{
    uint32_t b = pres_bit(label);
    c->pres_bits[b >> 6] |= 1ull << (b & 63);
    uint32_t h = pres_slot(label) & (PRL_PRES - 1);
    while (c->pres_gen[h] == c->gen) {
        if (c->pres[h] == label)
            return;
        h = (h + 1) & (PRL_PRES - 1);
    }
    c->pres_gen[h] = c->gen;
    c->pres[h] = label;
}

static inline int pres_has(const parley_coder *c, uint32_t label)
{
    uint32_t b = pres_bit(label);
    if (!(c->pres_bits[b >> 6] >> (b & 63) & 1))
        return 0;
    uint32_t h = pres_slot(label) & (PRL_PRES - 1);
    while (c->pres_gen[h] == c->gen) {
        if (c->pres[h] == label)
            return 1;
        h = (h + 1) & (PRL_PRES - 1);
    }
    return 0;
}

void prl_pres_fill(parley_coder *c)
{
    if (++c->gen == 0) {
        memset(c->pres_gen, 0, PRL_PRES * sizeof *c->pres_gen);
        if (c->cap_syn)
            memset(c->syn_gen, 0, c->cap_syn * sizeof *c->syn_gen);
        c->gen = 1;
    }
    memset(c->pres_bits, 0, sizeof c->pres_bits);
    for (uint32_t i = 0; i < c->n; i++) {
        const ctok *t = &c->tok[i];
        if (t->word != PRL_NONE)
            pres_add(c, PRL_LBL(t->word, 0));
        for (unsigned k = 0; k < t->n_stems; k++)
            pres_add(c, PRL_LBL(t->stems[k], 1));
    }
}

/* Could a synset match in this sentence: does one of its phrases have
 * all its literal words present? Cached per sentence. */
static int syn_possible(parley_coder *c, uint32_t syn, int depth);

static int elems_possible(parley_coder *c, const prl_img_elem *el, unsigned n,
                          int depth)
{
    for (unsigned k = 0; k < n; k++) {
        if (el[k].kind == PRL_E_WORD && !pres_has(c, el[k].arg))
            return 0;
        if (el[k].kind == PRL_E_SYNSET && !syn_possible(c, el[k].arg, depth + 1))
            return 0;
    }
    return 1;
}

static int syn_possible(parley_coder *c, uint32_t syn, int depth)
{
    const parley_dict *d = c->d;
    if (syn >= d->n_synsets || depth > 4)
        return 0;
    if (syn < c->cap_syn && c->syn_gen[syn] == c->gen)
        return c->syn_ok[syn];
    int ok = 0;
    const prl_img_synset *s = &d->synsets[syn];
    for (uint32_t k = 0; k < s->n && !ok; k++) {
        const prl_img_synphr *ph = &d->synphr[s->first + k];
        ok = elems_possible(c, &d->elems[ph->first_elem], ph->n, depth);
    }
    if (syn < c->cap_syn) {
        c->syn_gen[syn] = c->gen;
        c->syn_ok[syn] = (uint8_t)ok;
    }
    return ok;
}

/* ------------------------------------------------------------------ */
/* Coding one verb of a clause.                                         */

int prl_code_verb(parley_coder *c, sent_ctx *sc, unsigned ci, const verbm *v,
                  int inherit, int *used_src, unsigned *tclause)
{
    const parley_dict *d = c->d;
    const prl_img_entry *ent = &d->entries[v->entry];
    if (ent->first > d->n_vforms || ent->n > d->n_vforms - ent->first || !ent->n)
        return V_NONE;
    const clause *cl = &c->clauses[ci];
    int vs = act_of(c, v->s), ve = act_of(c, v->e - 1);
    if (vs < 0 || ve < 0)
        return V_NONE;
    /* Clause bounds in act space. */
    uint32_t lo = 0, hi = 0;
    {
        uint32_t t = next_live(c, cl->s, cl->e);
        lo = t < cl->e ? (uint32_t)act_of(c, t) : (uint32_t)vs;
        hi = (uint32_t)ve + 1;
        for (uint32_t k = cl->e; k-- > cl->s;)
            if (!c->tok[k].del) {
                hi = (uint32_t)act_of(c, k) + 1;
                break;
            }
    }
    /* A negated verb codes only through a pattern that matched its
     * negation ("NOT *", "&NEGATVAUXVRB *"): "Israel and Hamas could not
     * agree" is no agreement. */
    int neg = prl_negation_at(c, v);
    int neg_act = neg >= 0 ? act_of(c, (uint32_t)neg) : -1;
    if (neg_act < 0 || (uint32_t)neg_act < lo)
        neg = neg_act = -1;
    /* A light verb with an event noun object ("hold talks", "launch an
     * attack", "make an appeal") codes only through a pattern that names
     * the noun ("* TALKS WITH +"): the words after the noun belong to it
     * ("Hold Direct Talks on Hostages" is no hostage-taking by HOLD's
     * "* &HOSTAGE"); otherwise the noun codes as the verb. */
    int noun_vi = -1;
    uint32_t nact = UINT32_MAX;
    if (c->tok[v->s].wflags & PRL_WF_LIGHT) {
        noun_vi = prl_event_noun(c, (size_t)(v - c->verbs));
        int na = noun_vi >= 0 ? act_of(c, c->verbs[noun_vi].s) : -1;
        if (na < 0)
            noun_vi = -1;
        else
            nact = (uint32_t)na;
    }
    /* Best pattern over every block the form belongs to. */
    pm best;
    memset(&best, 0, sizeof best);
    int have = 0;
    const prl_img_pattern *bp = NULL;
    uint32_t vcode = d->vforms[ent->first + ent->n - 1].vcode;
    const prl_img_vform *vf_used = &d->vforms[ent->first + ent->n - 1];
    for (uint32_t f = 0; f < ent->n; f++) {
        const prl_img_vform *vf = &d->vforms[ent->first + f];
        const prl_img_block *blk = &d->blocks[vf->block];
        for (uint32_t k = 0; k < blk->n_patterns; k++) {
            /* The key test first: it usually fails, and reads only the
             * keys (d->pkeys, which also mark the "+++" patterns), not
             * the patterns or their code strings. */
            uint32_t key = d->pkeys[blk->first_pattern + k];
            if (key == PRL_PKEY_SKIP || (key != PRL_NONE && !pres_has(c, key)))
                continue;
            const prl_img_pattern *p = &d->patterns[blk->first_pattern + k];
            if (!elems_possible(c, &d->elems[p->first_elem],
                                (unsigned)p->n_left + p->n_right, 0))
                continue;
            pm m;
            memset(&m, 0, sizeof m);
            m.el = &d->elems[p->first_elem];
            m.n_left = p->n_left;
            m.n_right = p->n_right;
            m.lo = lo;
            m.hi = hi;
            m.vs = (uint32_t)vs;
            m.ve = (uint32_t)ve + 1;
            m.src = m.tgt = m.cmp = -1;
            m.lmin = UINT32_MAX;
            m.nact = nact;
            m.negact = neg_act >= 0 ? (uint32_t)neg_act : UINT32_MAX;
            c->steps = 0;
            int ok = match_left(c, &m, (int)m.n_left - 1, m.vs,
                                m.n_left ? m.el[m.n_left - 1].joined : 0);
            if (ok)
                ok = match_right(c, &m, 0, m.ve, (p->flags & PRL_PF_VJOIN) != 0);
            if (!ok)
                continue;
            if (neg_act >= 0 && !m.hitneg)
                continue;
            if (nact != UINT32_MAX && !m.hitn)
                continue;
            if (!have || m.score > best.score) {
                best = m;
                bp = p;
                have = 1;
                vf_used = vf;
            }
        }
    }
    if (neg >= 0 && !bp) {
        /* The negation passes on along an infinitive chain ("won't try to
         * clash"); otherwise it ends the clause. */
        uint32_t nx = next_live(c, v->e, cl->e);
        int chain = nx < cl->e && norm_is(&c->tok[nx], "TO");
        prl_tracef(c, "verb %.*s: negated by %.*s, no pattern codes the negation%s",
                   (int)(c->tok[v->e - 1].t->end - c->tok[v->s].t->start),
                   c->text + c->tok[v->s].t->start, (int)c->tok[neg].t->len,
                   c->tok[neg].t->norm, chain ? " (passed on)" : "");
        return chain ? V_NONE : V_NEG;
    }
    if (noun_vi >= 0 && !bp) {
        const verbm *nv = &c->verbs[noun_vi];
        prl_tracef(c, "verb %.*s: light verb, its event noun %.*s codes",
                   (int)(c->tok[v->e - 1].t->end - c->tok[v->s].t->start),
                   c->text + c->tok[v->s].t->start,
                   (int)(c->tok[nv->e - 1].t->end - c->tok[nv->s].t->start),
                   c->text + c->tok[nv->s].t->start);
        c->verbs[noun_vi].light = 1;
        return V_NONE;
    }
    const prl_img_vcode *vc = &d->vcodes[bp ? bp->vcode : vcode];
    if (!bp) {
        /* The form's own code; with several blocks, the last one coded. */
        for (uint32_t f = ent->n; f-- > 0;) {
            const prl_img_vform *vf = &d->vforms[ent->first + f];
            const char *s = prl_dict_str(d, d->vcodes[vf->vcode].code);
            if (*s && !is_null_code(s)) {
                vc = &d->vcodes[vf->vcode];
                vf_used = vf;
                break;
            }
        }
    }
    int subord = 0;
    char code1[64], code2[64], codep[64];
    prl_clean_code(c, vc->code, &subord, code1, sizeof code1);
    int sub2;
    prl_clean_code(c, vc->code2, &sub2, code2, sizeof code2);
    prl_clean_code(c, vc->passive, &sub2, codep, sizeof codep);
    prl_tracef(c, "verb %.*s: %s %s:%u code %s", (int)(c->tok[v->e - 1].t->end - c->tok[v->s].t->start),
               c->text + c->tok[v->s].t->start, bp ? "pattern" : "no pattern, verb",
               prl_dict_str(d, bp ? bp->file : vf_used->file),
               (unsigned)(bp ? bp->line : vf_used->line), *code1 ? code1 : "(none)");
    if (!*code1 || is_null_code(code1) || strcmp(code1, "+++") == 0)
        return V_NONE;

    int src = -1, tgt = -1, nulls = -1, nullt = -1;
    int recip = 0;
    if (have) {
        src = best.src;
        tgt = best.tgt;
        if (best.cmp >= 0) {
            if (best.cmp_left && src < 0 && tgt < 0) {
                src = best.cmp;
                recip = 1;
            } else if (tgt < 0) {
                tgt = best.cmp;
            } else if (src < 0) {
                src = best.cmp;
            }
        }
    }
    /* Passive voice: an auxiliary and a prl_participle ("was sentenced"), not
     * raising ("is said to be", "is expected to visit"), and a pattern, if
     * any, that matched nothing before the verb: one that did ("+ * FROM
     * $", "WAS_* BY") describes the construction itself. */
    int aux = prl_passive_aux(c, v);
    int aux_act = aux >= 0 ? act_of(c, (uint32_t)aux) : -1;
    int pv = aux_act >= 0 && prl_participle(c, v) && !recip &&
             !(have && best.lmin <= (uint32_t)aux_act);
    if (!pv && aux < 0 && prl_participle(c, v) && !recip && !(have && best.lmin != UINT32_MAX)) {
        /* A prl_participle right before BY without an auxiliary is a passive
         * all the same: a headline ("Oil facilities in Saudi Arabia hit
         * by drone attacks") or a reduced relative, when an actor or agent
         * follows BY ("shortened by one hour", "responded by firing" are
         * measures and means, not agents). */
        uint32_t b = next_live(c, v->e, cl->e);
        uint32_t b2 = b < cl->e ? next_live(c, b + 1, cl->e) : cl->e;
        pv = b < cl->e && (c->tok[b].wflags & PRL_WF_BY) && b2 < cl->e &&
             c->tok[b2].slot >= 0 && c->slots[c->tok[b2].slot].coded;
    }
    if (pv && v->e + 1u < c->n && norm_is(&c->tok[v->e], "TO") &&
        (c->tok[v->e + 1].role == R_VERB || c->tok[v->e + 1].cls == PRL_WC_AUX))
        pv = 0;
    int designated = src >= 0 || tgt >= 0;
    int passive = 0, agentless = 0;
    if (pv) {
        /* The agent after BY, near the verb or further on ("was sentenced
         * for her murder to life in prison by a court in Multan"), is the
         * source and the subject the target, whatever slots an active
         * pattern designated. Without an agent the subject is the target
         * when the actor after the verb is a place ("The PKK is banned in
         * Turkey", "an advisor was sentenced in U.S. Federal Court") or
         * there is none: that event has no source. Otherwise the TABARI
         * reading stands (PETRARCH's "The Philippines was criticized over
         * its dispute with Eriador" codes PHL against ERI). */
        uint32_t by = 0;
        for (uint32_t k = v->e; k < cl->e && !by; k++)
            if (!c->tok[k].del && (c->tok[k].wflags & PRL_WF_BY))
                by = k + 1;
        int subj = prl_find_source(c, ci, v->s, -1, &nulls);
        if (subj < 0)
            subj = nulls;
        if (subj < 0)
            subj = inherit;     /* "which belonged to Syria and was occupied by Israel" */
        for (unsigned k = ci; subj < 0 && k-- > 0;)
            subj = prl_clause_subject(c, k);    /* "Waseem, brother of ..., was
                                                   sentenced by a court" */
        int bys = by && by < c->n ? c->tok[by].slot : -1;
        if (bys >= 0 && c->slots[bys].coded && subj >= 0) {
            src = bys;
            tgt = subj;
            passive = designated = 1;
        } else if (subj >= 0) {
            int t = tgt;
            if (t < 0 && src < 0) {
                unsigned tc;
                int nt;
                t = prl_find_target(c, ci, v->e, subj, &tc, &nt, v->e);
            }
            uint32_t p = t >= 0 ? c->slots[t].s : 0;
            while (p > 0 && c->tok[p - 1].del)
                p--;
            /* ... or the object of a gerund ("were found guilty of raping
             * a Canadian tourist" is no sentence passed on the tourist), a
             * time ("agreed under former President Obama") or a phrase
             * after a comma ("civilians were wounded, as were seventeen
             * from the Armed Forces"). */
            int comma = 0;
            for (uint32_t k = v->e; t >= 0 && k < c->slots[t].s; k++)
                comma |= !c->tok[k].del && is_comma(&c->tok[k]);
            /* An agent after BY that is no actor ("were killed by an
             * improvised explosive device outside the Iraqi city") makes the
             * subject the target all the same. */
            if (t < 0 || comma || (bys >= 0 && !c->slots[bys].coded) ||
                (p > 0 && (norm_is(&c->tok[p - 1], "IN") || norm_is(&c->tok[p - 1], "AT") ||
                           norm_is(&c->tok[p - 1], "UNDER") || ends_in(&c->tok[p - 1], "ING")))) {
                src = -1;
                tgt = subj;
                agentless = 1;
            }
        }
    }
    if (!designated && !agentless) {
        uint32_t by = prl_passive_by(c, v);
        if (by && by < c->n && c->tok[by].slot >= 0 && c->slots[c->tok[by].slot].coded) {
            int subj = prl_find_source(c, ci, v->s, -1, &nulls);
            if (subj >= 0) {
                src = c->tok[by].slot;
                tgt = subj;
                passive = 1;
            }
        }
    }
    unsigned tcl = ci;
    int ctl = src < 0 && !recip && !agentless ? control_object(c, v) : -1;
    if (ctl >= 0) {
        /* "encouraged Zelensky to investigate Hunter Biden": the object
         * of the verb before is the infinitive's subject. */
        src = ctl != tgt ? ctl : -1;
    } else if (src < 0 && !recip && !agentless) {
        src = prl_find_source(c, ci, v->s, tgt, &nulls);
        if (src >= 0 && tgt >= 0 && prl_same_codes(c, tgt, src)) {
            /* TABARI 5.8: with a designated target, the source is the
             * first actor whose code differs. */
            int s2 = -1;
            const clause *cc = &c->clauses[ci];
            for (uint32_t t = cc->s; t < v->s; t++)
                if (!c->tok[t].del && c->tok[t].slot >= 0 && c->tok[t].slot != tgt &&
                    c->tok[t].slot != src && c->slots[c->tok[t].slot].coded &&
                    !prl_same_codes(c, tgt, c->tok[t].slot) &&
                    !prl_adverbial(c, c->slots[c->tok[t].slot].s)) {
                    s2 = c->tok[t].slot;
                    break;
                }
            src = s2;
        }
        /* The clause's own subject, actor or not, beats the inherited
         * one: "officials said a man attacked Boria" is no attack by the
         * officials. */
        if (src < 0 && inherit >= 0 &&
            (nulls < 0 || (c->slots[nulls].pron && prl_pronoun_fits(c, nulls, inherit))))
            src = inherit;
        if (src < 0 && tgt >= 0 && designated && nulls < 0) {
            /* a designated target before the verb: source from the
             * sentence start (not past an uncoded subject of the verb's
             * own: "said the draft violated agreements with Ukraine") */
            for (uint32_t t = 0; t < v->s; t++)
                if (!c->tok[t].del && c->tok[t].slot >= 0 && c->tok[t].slot != tgt &&
                    c->slots[c->tok[t].slot].coded && !c->slots[c->tok[t].slot].coref &&
                    !prl_adverbial(c, c->slots[c->tok[t].slot].s)) {
                    src = c->tok[t].slot;
                    break;
                }
        }
        if (src < 0)
            src = nulls;
    }
    if (recip)
        tgt = src;
    if (tgt < 0 && !passive && cl->rel == 2 && cl->ante >= 0 && cl->ante != src &&
        (uint32_t)act_of(c, next_live(c, cl->s, cl->e)) < (uint32_t)vs) {
        /* "Ukraine, which Russia invaded": the pronoun is the object. */
        tgt = cl->ante;
    }
    if (tgt < 0) {
        /* Words the pattern matched after the verb belong to the verb
         * phrase ("burned down"): the target comes after them. */
        uint32_t after = v->e, nulls_from = v->e;
        if (have && best.rend > best.ve && best.rend <= c->n_act)
            nulls_from = c->act[best.rend - 1] + 1;
        tgt = prl_find_target(c, ci, after, src, &tcl, &nullt, nulls_from);
        /* An agent word in the phrase that holds the pattern's own noun
         * describes the event: "began a military offensive" has no
         * military target. */
        if (tgt >= 0 && nulls_from > v->e && c->slots[tgt].s < nulls_from &&
            c->slots[tgt].e >= nulls_from && agent_modifies(c, tgt, nulls_from - 1)) {
            int nt2;
            tgt = prl_find_target(c, tcl, c->slots[tgt].e, src, &tcl, &nt2, c->slots[tgt].e);
        }
        int sym = src >= 0 && c->slots[src].compound && c->slots[src].coded &&
                  prl_symmetric_code(code1, code2);
        /* A symmetric event (meet, consult, negotiate, cooperate, sign)
         * has a partner, not a place: "The Taliban met with Khalilzad in
         * Qatar" is no meeting with Qatar, and "Israel and Egypt held
         * talks in Cairo" are talks between them. */
        int symc = prl_symmetric_code(code1, code2);
        for (int guard = 0; tgt >= 0 && symc && guard < 8 && prl_place_or_topic(c, tgt); guard++) {
            int nt2;
            tgt = prl_find_target(c, tcl, c->slots[tgt].e, src, &tcl, &nt2, c->slots[tgt].e);
        }
        /* TABARI 5.8: a compound source with no target acts on itself;
         * only when a pattern matched or the code is symmetric, since a
         * bare verb with a compound subject and no object ("A, B and C
         * conducted searches") is rarely an event between them. */
        if (tgt < 0 && (bp || sym) && src >= 0 && c->slots[src].compound &&
            c->slots[src].coded)
            tgt = src;
        if (tgt < 0)
            tgt = nullt;
    } else if (designated && tgt != src && prl_symmetric_code(code1, code2) &&
               prl_place_or_topic(c, tgt) && !(have && best.rend == (uint32_t)act_of(c, c->slots[tgt].s))) {
        /* The same for a + that a pattern bound past a preposition it did
         * not name ("* + [040:040]" on "met ... in Qatar"). */
        tgt = (src >= 0 && c->slots[src].compound && c->slots[src].coded) ? src : -1;
    }
    if ((src < 0 && !agentless) || tgt < 0)
        return V_NONE;
    {
        /* A verb inside a quotation codes only with its actors inside the
         * same quotation: "Trump said Bolton ... \"likes dropping bombs on
         * people\"" is no bombing by Trump, and "\"... destroy our way of
         * life,\" said Khan" no threat against Khan. */
        uint8_t vq = c->tok[v->s].quote;
        if (vq && ((src >= 0 && c->tok[c->slots[src].s].quote != vq) ||
                   c->tok[c->slots[tgt].s].quote != vq)) {
            prl_tracef(c, "verb %.*s: inside a quotation, an actor outside it",
                       (int)(c->tok[v->e - 1].t->end - c->tok[v->s].t->start),
                       c->text + c->tok[v->s].t->start);
            return V_NONE;
        }
    }
    const char *use = ((passive || agentless) && *codep) ? codep : code1;
    const char *vt = prl_verb_text(c, sc, v);
    const char *pat = bp ? prl_origin_text(c, sc, bp->file, bp->line)
                         : prl_origin_text(c, sc, vf_used->file, vf_used->line);
    const slot *T = &c->slots[tgt];
    int n = 0;
    /* Confidence (docs/coding.md): a pattern that matched is surer than
     * the verb's own code; a headline, a passive without agent and a long
     * sentence are less sure; prl_actor_conf takes off for the actors. */
    evid ed;
    memset(&ed, 0, sizeof ed);
    ed.T = T;
    ed.v = v;
    ed.conf = bp ? 75 : 55;
    if (c->headline)
        ed.conf -= 10;
    if (agentless)
        ed.conf -= 15;
    if (c->n > 40)
        ed.conf -= 10;
    else if (c->n > 25)
        ed.conf -= 5;
    if (agentless) {
        /* No source: an event only without require_dyad. */
        for (unsigned j = 0; j < T->c_n; j++) {
            const char *b = slot_code(c, T, j);
            ed.j = j;
            n += prl_emit(c, sc, "---", b, use, vt, pat, subord, &ed, 0);
            if (*code2)
                n += prl_emit(c, sc, b, "---", code2, vt, pat, subord, &ed, 1);
        }
        *used_src = tgt;
        *tclause = tcl;
        prl_tracef(c, "  passive without agent: no source, target slot %d: %d events", tgt, n);
        return subord ? V_SUBORD : V_CODED;
    }
    const slot *S = &c->slots[src];
    ed.S = S;
    for (unsigned i = 0; i < S->c_n; i++)
        for (unsigned j = 0; j < T->c_n; j++) {
            const char *a = slot_code(c, S, i), *b = slot_code(c, T, j);
            ed.i = i;
            ed.j = j;
            n += prl_emit(c, sc, a, b, use, vt, pat, subord, &ed, 0);
            if (*code2)
                n += prl_emit(c, sc, b, a, code2, vt, pat, subord, &ed, 1);
        }
    *used_src = passive ? tgt : src;
    *tclause = tcl;
    prl_tracef(c, "  source slot %d, target slot %d%s: %d events", src, tgt,
               passive ? " (passive)" : "", n);
    /* A verb with a subject and an object is this clause's verb even when
     * its events are dropped (null actors under require_dyad). */
    return subord ? V_SUBORD : V_CODED;
}
