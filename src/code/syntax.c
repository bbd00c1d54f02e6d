/* syntax.c: the coder's shallow parse of one sentence (docs/coding.md
 * explains each rule): noun phrases; slots (compounds and links, with
 * their final codes); comma clauses; clauses, relative and complement
 * clauses; pronoun reference; and the roles the event builder asks about:
 * source and target, passive voice, negation and modals, event nouns. */
#include <string.h>

#include "code/sentence.h"

#define MAX_MEMBERS 16

/* ------------------------------------------------------------------ */
/* Noun phrases.                                                        */

/* ctok.lists (TL_* in sentence.h): is the token in one of these lists? */
static int in_list(const ctok *t, const char *const *w, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (norm_is(t, w[k]))
            return 1;
    return 0;
}

unsigned prl_word_lists(const ctok *t)
{
    /* Verbs of saying or judging that are no dictionary verbs ("said",
     * "ruled", "noted", "found": see reporting_word), by first letter so
     * a token is compared with a few of them at most. */
    static const char *const a[] = {"ADDED", "ARGUED", "ARGUES"};
    static const char *const b[] = {"BELIEVES", "BELIEVED"};
    static const char *const c[] = {"CONCLUDED", "CLAIMED", "CONFIRMED"};
    static const char *const d[] = {"DETERMINED", "DECIDED"};
    static const char *const e[] = {"ESTIMATED", "EXPLAINED"};
    static const char *const f[] = {"FOUND"};
    static const char *const i[] = {"INSISTED", "INSISTS"};
    static const char *const j[] = {"JUDGED"};
    static const char *const n[] = {"NOTED"};
    static const char *const r[] = {"RULED", "REPORTED", "REVEALED"};
    static const char *const s[] = {"SAID", "SAYS", "SAY", "SAYING", "STATED",
                                    "SUGGESTED", "SHOWED"};
    static const char *const tl[] = {"TOLD", "THINKS"};
    static const char *const w[] = {"WROTE"};
    /* Past and present forms of saying that are never part of a noun
     * phrase (saying_verb): all of them reporting words too. */
    static const char *const say[] = {"SAID", "SAYS", "TOLD", "WROTE", "RULED",
                                      "NOTED", "ARGUED", "INSISTED", "CONCLUDED"};
    if (t->t->len < 3 || t->t->len > 10)
        return 0;
    const char *const *l = NULL;
    size_t nl = 0;
#define PRL_LIST(x) (l = (x), nl = sizeof(x) / sizeof(x)[0])
    switch (t->t->norm[0]) {
    case 'A': PRL_LIST(a); break;
    case 'B': PRL_LIST(b); break;
    case 'C': PRL_LIST(c); break;
    case 'D': PRL_LIST(d); break;
    case 'E': PRL_LIST(e); break;
    case 'F': PRL_LIST(f); break;
    case 'I': PRL_LIST(i); break;
    case 'J': PRL_LIST(j); break;
    case 'N': PRL_LIST(n); break;
    case 'R': PRL_LIST(r); break;
    case 'S': PRL_LIST(s); break;
    case 'T': PRL_LIST(tl); break;
    case 'W': PRL_LIST(w); break;
    default: return 0;
    }
#undef PRL_LIST
    if (!in_list(t, l, nl))
        return 0;
    return TL_REPORTING | (in_list(t, say, sizeof say / sizeof say[0]) ? TL_SAYING : 0);
}


static int np_token(const parley_coder *c, uint32_t i)
{
    const ctok *t = &c->tok[i];
    if (t->role == R_ACTOR || t->role == R_AGENT)
        return 1;
    if (t->role == R_VERB)
        return 0;
    if (t->t->kind == PRL_T_NUMBER)
        return 1;
    if (t->t->kind != PRL_T_WORD)
        return 0;
    if (t->cls == PRL_WC_OPEN && saying_verb(t))
        return 0;
    /* An irregular past after a noun is its verb: "The coalition came to
     * Iraq", "Kurds announce deal" stays one phrase (no such form). */
    if (t->cls == PRL_WC_OPEN && (t->wflags & PRL_WF_PAST) && i > 0 &&
        !(t->t->flags & PRL_TF_CAP) && c->tok[i - 1].t->kind == PRL_T_WORD &&
        c->tok[i - 1].cls == PRL_WC_OPEN)
        return 0;
    /* A reporting word right after a name is its verb ("news agency Fars
     * reported Iran issued"), after a determiner an adjective ("the
     * reported attack"). */
    if (t->cls == PRL_WC_OPEN && (t->lists & TL_REPORTING) && i > 0 &&
        !(t->t->flags & PRL_TF_CAP)) {
        const ctok *p = &c->tok[i - 1];
        if (p->role == R_ACTOR || p->role == R_AGENT ||
            (p->t->kind == PRL_T_WORD && (p->t->flags & PRL_TF_CAP) && p->cls == PRL_WC_OPEN))
            return 0;
    }
    switch (t->cls) {
    case PRL_WC_OPEN:
    case PRL_WC_DET:
    case PRL_WC_INDEF:
    case PRL_WC_POSS:
    case PRL_WC_GEN:
    case PRL_WC_PRON:
        return 1;
    default:
        return 0;
    }
}

void prl_find_nps(parley_coder *c)
{
    c->n_nps = 0;
    uint32_t u = 0;
    for (uint32_t i = 0; i < c->n;) {
        if (!np_token(c, i) || c->tok[i].cls == PRL_WC_GEN) {
            i++;
            continue;
        }
        np cur;
        memset(&cur, 0, sizeof cur);
        cur.s = (uint16_t)i;
        int content = 0;
        uint32_t j = i;
        if (c->tok[i].cls == PRL_WC_PRON) {
            cur.pron = 1;
            j = i + 1;
        } else {
            while (j < c->n && np_token(c, j)) {
                const ctok *t = &c->tok[j];
                if (t->cls == PRL_WC_PRON)
                    break;
                if (content && (t->cls == PRL_WC_DET || t->cls == PRL_WC_INDEF ||
                                t->cls == PRL_WC_POSS))
                    break;
                if (t->role == R_ACTOR || t->role == R_AGENT) {
                    const unit *un = &c->units[t->unit];
                    if (un->kind == R_ACTOR && !un->null)
                        cur.has_actor = 1;
                    if (un->kind == R_AGENT)
                        cur.has_agent = 1;
                    j = un->e;
                    content = 1;
                    continue;
                }
                if (t->cls == PRL_WC_GEN)
                    cur.gen = 1;
                else if (t->cls == PRL_WC_OPEN || t->t->kind == PRL_T_NUMBER)
                    content = 1;
                j++;
                /* "Ithilen's awful and evil minister": a conjunction of
                 * modifiers after a possessive actor stays inside the
                 * phrase when a head agent or actor follows. */
                if (j + 1 < c->n && c->tok[j].cls == PRL_WC_CONJ && cur.gen &&
                    cur.has_actor && c->tok[j - 1].cls == PRL_WC_OPEN &&
                    c->tok[j - 1].role == R_NONE) {
                    uint32_t k = j + 1;
                    while (k < c->n && c->tok[k].role == R_NONE &&
                           c->tok[k].cls == PRL_WC_OPEN && c->tok[k].t->kind == PRL_T_WORD)
                        k++;
                    if (k > j + 1 && k < c->n &&
                        (c->tok[k].role == R_ACTOR || c->tok[k].role == R_AGENT))
                        j++;
                }
            }
        }
        if (j <= i)
            j = i + 1;
        cur.e = (uint16_t)j;
        while (u < c->n_units && c->units[u].s < cur.s)
            u++;
        cur.a_first = (uint16_t)u;
        while (u < c->n_units && c->units[u].e <= cur.e)
            u++;
        cur.a_n = (uint16_t)(u - cur.a_first);
        if (prl_grow(c, (void **)&c->nps, &c->cap_nps, c->n_nps + 1, sizeof(np)))
            return;
        c->nps[c->n_nps++] = cur;
        i = j;
    }
}

/* ------------------------------------------------------------------ */
/* Codes of a member (one or more noun phrases read together).          */

typedef struct member {
    uint16_t np[4];
    uint8_t n;
} member;

static int agent_present(const char *code, size_t len, const char *chunk)
{
    for (size_t k = 0; k + 3 <= len; k += 3)
        if (memcmp(code + k, chunk, 3) == 0)
            return 1;
    return 0;
}

/* Add an agent code to buf (len bytes) as prefix or suffix, skipping
 * 3-character chunks the code already has on its 3-character grid
 * (TABARI 5.4: "Tamil Tiger guerrillas" is LKAREB, not LKAREBREB). */
static size_t add_agent(char *buf, size_t len, size_t cap, const char *ag,
                        int prefix)
{
    char add[64];
    size_t an = 0, al = strlen(ag);
    for (size_t k = 0; k < al && an + 3 < sizeof add; k += 3) {
        size_t m = al - k < 3 ? al - k : 3;
        if (m == 3 && agent_present(buf, len, ag + k))
            continue;
        memcpy(add + an, ag + k, m);
        an += m;
    }
    if (an == 0 || len + an >= cap)
        return len;
    if (prefix) {
        memmove(buf + an, buf, len);
        memcpy(buf, add, an);
    } else {
        memcpy(buf + len, add, an);
    }
    return len + an;
}

/* Append the member's codes to c->codes; returns the number added. inh is
 * a member whose actor (and all but its last agent) this agent-only
 * member inherits, or NULL. */
static unsigned member_codes(parley_coder *c, const member *m, const member *inh)
{
    const unit *actor = NULL;
    const unit *agents[16];
    unsigned na = 0;
    int former = 0, place = 0;
    unsigned words = 0;
    for (unsigned k = 0; k < m->n; k++) {
        const np *p = &c->nps[m->np[k]];
        if (k > 0 && !actor && (c->tok[p->s - 1].wflags & PRL_WF_LINK))
            place = 1;
        for (uint32_t t = p->s; t < p->e; t++) {
            if (c->tok[t].wflags & PRL_WF_FORMER)
                former = 1;
            if (is_word(&c->tok[t]) && c->tok[t].cls != PRL_WC_GEN)
                words++;
        }
        for (unsigned a = p->a_first; a < (unsigned)p->a_first + p->a_n; a++) {
            const unit *un = &c->units[a];
            if (un->kind == R_ACTOR && !un->null && !actor)
                actor = un;
            else if (un->kind == R_AGENT && na < 16)
                agents[na++] = un;
        }
    }
    const unit *iagents[16];
    unsigned nia = 0;
    if (!actor && na && inh) {
        for (unsigned k = 0; k < inh->n; k++) {
            const np *p = &c->nps[inh->np[k]];
            for (unsigned a = p->a_first; a < (unsigned)p->a_first + p->a_n; a++) {
                const unit *un = &c->units[a];
                if (un->kind == R_ACTOR && !un->null && !actor)
                    actor = un;
                else if (un->kind == R_AGENT && nia < 16)
                    iagents[nia++] = un;
            }
        }
        if (nia)
            nia--;      /* the inherited phrase's head agent is its own */
    }
    char buf[128];
    unsigned added = 0;
    uint32_t ms = c->nps[m->np[0]].s, me = c->nps[m->np[m->n - 1]].e;
    if (!actor && !na) {
        const np *p = &c->nps[m->np[0]];
        if (c->new_actor_length > 0 && !p->pron && words &&
            words <= (unsigned)c->new_actor_length) {
            /* An unknown noun phrase becomes a "new actor": its words. */
            size_t len = 0;
            buf[len++] = '"';
            {
                uint32_t ts = c->nps[m->np[0]].s, te = c->nps[m->np[m->n - 1]].e;
                for (uint32_t t = ts; t < te; t++) {
                    const ctok *tk = &c->tok[t];
                    if (!is_word(tk) || tk->cls == PRL_WC_GEN)
                        continue;
                    if (len > 1 && len < sizeof buf - 2)
                        buf[len++] = ' ';
                    size_t tl = tk->t->len;
                    if (len + tl + 2 >= sizeof buf)
                        break;
                    memcpy(buf + len, tk->t->norm, tl);
                    len += tl;
                }
            }
            buf[len++] = '"';
            return push_code(c, cb_add(c, buf, len), ms, me) ? 0 : 1;
        }
        return push_code(c, cb_add(c, "---", 3), ms, me) ? 0 : 1;
    }
    /* Each piece of a coded compound ("FRO/BIL/SAM") is an actor. */
    const char *ac = actor ? actor->code : "---";
    for (const char *p = ac; *p;) {
        const char *q = strchr(p, '/');
        size_t len = q ? (size_t)(q - p) : strlen(p);
        if (len == 0 || len >= 64) {
            if (!q)
                break;
            p = q + 1;
            continue;
        }
        memcpy(buf, p, len);
        size_t bl = len;
        /* "police in London": a capital linked to an agent is a place, so
         * its country alone takes the agent (GBRCOP, not GBRGOVCOP). */
        if (place && na && bl == 6 && memcmp(buf + 3, "GOV", 3) == 0)
            bl = 3;
        for (unsigned k = 0; k < nia + na; k++) {
            const unit *g = k < nia ? iagents[k] : agents[k - nia];
            const char *code = former ? "ELI" : g->code;
            bl = add_agent(buf, bl, sizeof buf, code, g->prefix && !former);
        }
        if (push_code(c, cb_add(c, buf, bl), ms, me))
            return added;
        added++;
        if (!q)
            break;
        p = q + 1;
    }
    return added;
}

/* ------------------------------------------------------------------ */
/* Slots: compounds and links.                                          */

static int member_has_actor(const parley_coder *c, const member *m)
{
    for (unsigned k = 0; k < m->n; k++)
        if (c->nps[m->np[k]].has_actor)
            return 1;
    return 0;
}

static int member_agent_only(const parley_coder *c, const member *m)
{
    int ag = 0;
    for (unsigned k = 0; k < m->n; k++) {
        if (c->nps[m->np[k]].has_actor)
            return 0;
        ag |= c->nps[m->np[k]].has_agent;
    }
    return ag;
}

/* Group noun phrases starting at nps[k] into a compound: "A and B",
 * "A, B and C", "A, B, and C". Returns the number of members written. */
static unsigned group_at(const parley_coder *c, size_t k, member *out,
                         unsigned max)
{
    unsigned n = 0;
    out[n].n = 1;
    out[n].np[0] = (uint16_t)k;
    n++;
    int conj = 0;
    size_t cur = k;
    while (cur + 1 < c->n_nps && n < max && !conj) {
        uint32_t t = c->nps[cur].e;
        const np *next = &c->nps[cur + 1];
        if (t >= c->n)
            break;
        if (c->tok[t].cls == PRL_WC_CONJ && t + 1 == next->s &&
            strcmp(c->tok[t].t->norm, "BUT") != 0) {
            conj = 1;
        } else if (is_punct(&c->tok[t], ',')) {
            if (t + 1 == next->s)
                ;
            else if (t + 2 == next->s && c->tok[t + 1].cls == PRL_WC_CONJ)
                conj = 1;
            else
                break;
        } else {
            break;
        }
        if (next->pron || c->nps[cur].pron)
            break;
        /* "... opened ties as well and Serbia agreed": a plain phrase and
         * an actor followed by its verb are no compound; the conjunction
         * starts a clause. */
        if (conj && !c->nps[cur].has_actor && !c->nps[cur].has_agent &&
            (next->has_actor || next->has_agent) && next->e < c->n &&
            (c->tok[next->e].role == R_VERB || c->tok[next->e].cls == PRL_WC_AUX ||
             c->tok[next->e].cls == PRL_WC_MODAL)) {
            conj = 0;
            break;
        }
        out[n].n = 1;
        out[n].np[0] = (uint16_t)(cur + 1);
        n++;
        cur++;
    }
    if (!conj)
        return 1;
    /* A bare list of modifiers ("complete, full ties") is not a compound:
     * require an actor or agent somewhere, or the last member to be one. */
    int any = 0;
    for (unsigned i = 0; i < n; i++)
        any |= c->nps[out[i].np[0]].has_actor || c->nps[out[i].np[0]].has_agent;
    if (!any && c->new_actor_length <= 0)
        return 1;
    return n;
}

/* Append a slot for the members mem[0..n) spanning tokens [s, e), with
 * their codes; returns its index, or -1 when out of memory. */
static int new_slot(parley_coder *c, const member *mem, unsigned n, uint16_t s, uint16_t e)
{
    if (prl_grow(c, (void **)&c->slots, &c->cap_slots, c->n_slots + 1,
                 sizeof(slot)) || c->n_slots >= INT16_MAX)
        return -1;
    slot *sl = &c->slots[c->n_slots];
    memset(sl, 0, sizeof *sl);
    sl->s = s;
    sl->e = e;
    sl->alive = 1;
    sl->tail = -1;
    sl->pron = n == 1 && mem[0].n == 1 && c->nps[mem[0].np[0]].pron;
    sl->c_first = (uint16_t)c->n_codes;
    const member *inh = NULL;
    for (unsigned i = 0; i < n && c->n_codes - sl->c_first < PRL_MAX_CODES; i++) {
        member_codes(c, &mem[i], member_agent_only(c, &mem[i]) ? inh : NULL);
        if (member_has_actor(c, &mem[i]))
            inh = &mem[i];
    }
    if (c->oom)
        return -1;
    /* Drop null members when others are coded, and duplicates. */
    unsigned w = sl->c_first, coded = 0;
    for (unsigned i = sl->c_first; i < c->n_codes; i++)
        coded += !is_null_code(cb_str(c, c->codes[i]));
    for (unsigned i = sl->c_first; i < c->n_codes && i < (unsigned)sl->c_first + PRL_MAX_CODES; i++) {
        const char *code = cb_str(c, c->codes[i]);
        if (coded && is_null_code(code))
            continue;
        int dup = 0;
        for (unsigned j = sl->c_first; j < w; j++)
            dup |= strcmp(cb_str(c, c->codes[j]), code) == 0;
        if (!dup) {
            c->cspan[w] = c->cspan[i];
            c->codes[w++] = c->codes[i];
        }
    }
    c->n_codes = w;
    sl->c_n = (uint16_t)(w - sl->c_first);
    sl->coded = coded > 0;
    sl->level = 0;
    for (unsigned i = sl->c_first; i < w; i++) {
        const char *code = cb_str(c, c->codes[i]);
        if (is_null_code(code))
            continue;
        if (code[0] != '"')
            sl->level = 2;
        else if (!sl->level)
            sl->level = 1;
    }
    sl->compound = n > 1;
    return (int)c->n_slots++;
}

void prl_build_slots(parley_coder *c)
{
    c->n_slots = 0;
    c->n_codes = 0;
    c->cbuf_len = 0;
    member mem[MAX_MEMBERS * 2];
    for (size_t k = 0; k < c->n_nps;) {
        unsigned n = group_at(c, k, mem, MAX_MEMBERS);
        size_t next = k + n;
        uint16_t s = c->nps[k].s, e = c->nps[next - 1].e;
        size_t tail_np = SIZE_MAX;  /* "X of Y", X one agent-only phrase: Y */
        uint16_t head_e = 0;
        /* Links: "X of Y", "X in Y", "X from Y" where X has no actor. */
        while (next < c->n_nps) {
            uint32_t t = e;
            if (t + 1 >= c->n || c->nps[next].s != t + 1)
                break;
            const ctok *lk = &c->tok[t];
            member *last = &mem[n - 1];
            int of = lk->wflags & PRL_WF_OF, in = lk->wflags & PRL_WF_LINK;
            if (!of && !in)
                break;
            if (member_has_actor(c, last))
                break;
            if (in && !member_agent_only(c, last))
                break;
            /* "withdraw its troops from Lebanon": the pronoun's actor owns
             * them, the place after IN or FROM does not. */
            if (in && c->tok[c->nps[last->np[0]].s].cls == PRL_WC_POSS)
                break;
            if (last->n >= 4)
                break;
            member m2[MAX_MEMBERS];
            unsigned n2 = group_at(c, next, m2, MAX_MEMBERS);
            int cross = 1;
            for (unsigned i = 0; i < n; i++)
                cross &= member_agent_only(c, &mem[i]);
            if (!member_has_actor(c, &m2[0]) && n2 == 1) {
                /* null + of + null: one longer phrase */
                last->np[last->n++] = m2[0].np[0];
            } else if (cross && n > 1) {
                member out[MAX_MEMBERS * 2];
                unsigned no = 0;
                for (unsigned i = 0; i < n; i++)
                    for (unsigned j = 0; j < n2 && no < MAX_MEMBERS * 2; j++) {
                        out[no] = mem[i];
                        if (out[no].n < 4)
                            out[no].np[out[no].n++] = m2[j].np[0];
                        no++;
                    }
                memcpy(mem, out, no * sizeof *out);
                n = no;
            } else {
                if (n == 1 && last->n == 1 && of && member_agent_only(c, last) &&
                    tail_np == SIZE_MAX) {
                    tail_np = next;
                    head_e = (uint16_t)t;
                }
                member base = *last;
                n--;
                for (unsigned j = 0; j < n2 && n < MAX_MEMBERS * 2; j++) {
                    mem[n] = base;
                    mem[n].np[mem[n].n++] = m2[j].np[0];
                    n++;
                }
            }
            next += n2;
            e = c->nps[next - 1].e;
        }
        int si = new_slot(c, mem, n, s, e);
        if (si < 0)
            return;
        for (uint32_t t = s; t < e; t++)
            c->tok[t].slot = (int16_t)si;
        if (tail_np != SIZE_MAX) {
            /* PETRARCH sees "the parliament of Gondor" as two named
             * entities: a pattern's ^ may skip the first alone and its
             * + or $ then take the second (PATTERN-25). Keep the object's
             * own codes in a shadow slot for that. */
            member tm[MAX_MEMBERS];
            unsigned tn = group_at(c, tail_np, tm, MAX_MEMBERS);
            int ti = new_slot(c, tm, tn, c->nps[tail_np].s, e);
            if (ti < 0)
                return;
            c->slots[ti].shadow = 1;
            c->slots[si].head_e = head_e;
            c->slots[si].tail = (int16_t)ti;
        }
        k = next;
    }
}

/* ------------------------------------------------------------------ */
/* Comma clauses (TABARI 7.8) and clauses (TABARI 7.6).                 */


static int plain_word(const ctok *t)
{
    return t->t->kind == PRL_T_WORD && t->cls == PRL_WC_OPEN && t->role == R_NONE &&
           t->slot >= 0;
}

static unsigned count_words(const parley_coder *c, uint32_t a, uint32_t b)
{
    unsigned n = 0;
    for (uint32_t i = a; i < b; i++)
        n += is_word(&c->tok[i]) && c->tok[i].cls != PRL_WC_GEN;
    return n;
}

static void delete_range(parley_coder *c, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; i < b && i < c->n; i++)
        c->tok[i].del = 1;
}

static int has_verb(const parley_coder *c, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; i < b; i++)
        if (c->tok[i].role == R_VERB || saying_verb(&c->tok[i]))
            return 1;
    return 0;
}

/* Does the sentence open with a preposition or subordinator ("From
 * Israel, ...", "Because of ..., ", "According to ..., ")? */
static int opens_adverbial(const parley_coder *c)
{
    uint32_t f = next_live(c, 0, c->n);
    return f < c->n && (c->tok[f].cls == PRL_WC_PREP || c->tok[f].cls == PRL_WC_SUB ||
                        norm_is(&c->tok[f], "ACCORDING"));
}

void prl_comma_clauses(parley_coder *c)
{
    uint32_t pos[256];
    unsigned k = 0;
    uint32_t end = c->n;
    while (end > 0 && (c->tok[end - 1].t->kind == PRL_T_END ||
                       c->tok[end - 1].t->kind == PRL_T_QUOTE))
        end--;
    for (uint32_t i = 0; i < end && k < 256; i++) {
        ctok *t = &c->tok[i];
        if (!is_comma(t))
            continue;
        /* Commas inside compounds and between two plain modifiers
         * ("complete, full ties") do not delimit clauses. */
        if (t->slot >= 0 || (i > 0 && i + 1 < c->n && c->tok[i - 1].slot >= 0 &&
                             c->tok[i - 1].slot == c->tok[i + 1].slot))
            continue;
        if (i > 0 && i + 1 < c->n && plain_word(&c->tok[i - 1]) &&
            plain_word(&c->tok[i + 1]) && t->t->norm[0] == ',')
            continue;
        t->realcomma = 1;
        pos[k++] = i;
    }
    if (!k)
        return;
    unsigned n;
    /* Internal clauses first: "A, the largest B, did C" loses its
     * appositive and then has no comma left to end a clause. The decisions
     * use the original commas; begin and end clauses then use those left. */
    if (c->comma_max > 0) {
        uint8_t del[256];
        memset(del, 0, sizeof del);
        /* "From Israel, Secretary Pompeo spoke, defending ...": a
         * segment that holds the first verb after an opening phrase is
         * the main clause, not an aside. */
        uint8_t keep[256];
        memset(keep, 0, sizeof keep);
        if (k > 1 && opens_adverbial(c) && !has_verb(c, 0, pos[0]) &&
            has_verb(c, pos[0] + 1, pos[1]))
            keep[0] = 1;
        for (unsigned j = 0; j + 1 < k; j++) {
            n = count_words(c, pos[j] + 1, pos[j + 1]);
            if ((int)n >= c->comma_min && (int)n <= c->comma_max && !keep[j])
                del[j] = del[j + 1] = 1;
        }
        for (unsigned j = 0; j + 1 < k; j++) {
            n = count_words(c, pos[j] + 1, pos[j + 1]);
            if ((int)n >= c->comma_min && (int)n <= c->comma_max && !keep[j])
                delete_range(c, pos[j], pos[j + 1] + 1);
        }
        unsigned w = 0;
        for (unsigned j = 0; j < k; j++)
            if (!del[j])
                pos[w++] = pos[j];
        k = w;
    }
    if (!k)
        return;
    if (c->comma_bmax > 0) {
        n = count_words(c, 0, pos[0]);
        if ((int)n >= c->comma_bmin && (int)n <= c->comma_bmax)
            delete_range(c, 0, pos[0] + 1);
    }
    if (c->comma_emax > 0) {
        n = count_words(c, pos[k - 1] + 1, end);
        if ((int)n >= c->comma_emin && (int)n <= c->comma_emax)
            delete_range(c, pos[k - 1], end);
    }
}


/* A relative pronoun at token i, right after a noun phrase (a comma
 * between allowed): "the territory, which was occupied by Israel", "YPG
 * militia which support the PKK", "Ukraine, which Russia invaded".
 * Returns 1 when the pronoun is the subject of the verb after it, 2 when
 * a noun phrase follows it (it is the object), 0 when it is no relative
 * pronoun; *ante gets the noun phrase's slot. THAT counts only as a
 * subject ("the bill that would have allowed"): followed by a noun
 * phrase it is a complement ("the fact that Russia invaded"). */
static int relative_at(const parley_coder *c, uint32_t i, int *ante)
{
    const ctok *t = &c->tok[i];
    *ante = -1;
    if (t->cls != PRL_WC_SUB || t->del)
        return 0;
    int that = norm_is(t, "THAT");
    if (!that && !norm_is(t, "WHICH") && !norm_is(t, "WHO") && !norm_is(t, "WHOM"))
        return 0;
    uint32_t p = i;
    while (p > 0 && (c->tok[p - 1].del || is_comma(&c->tok[p - 1])))
        p--;
    if (p == 0 || c->tok[p - 1].slot < 0 || c->slots[c->tok[p - 1].slot].e != p)
        return 0;
    uint32_t j = next_live(c, i + 1, c->n);
    while (j < c->n && (c->tok[j].cls == PRL_WC_AUX || c->tok[j].cls == PRL_WC_MODAL ||
                        c->tok[j].cls == PRL_WC_NEG ||
                        (c->tok[j].cls == PRL_WC_OPEN && c->tok[j].role == R_NONE &&
                         ends_in(&c->tok[j], "LY"))))
        j = next_live(c, j + 1, c->n);
    if (j >= c->n)
        return 0;
    int r = 0;
    if (c->tok[j].role == R_VERB)
        r = 1;
    else if (!that && c->tok[j].slot >= 0 && j == next_live(c, i + 1, c->n))
        r = 2;
    if (r)
        *ante = c->tok[p - 1].slot;
    return r;
}

/* Does a coded noun phrase start at token j with a verb right after it
 * (auxiliaries, modals and negation between)? */
/* Does a verb follow from token k (before e), over auxiliaries, modals,
 * negations and (with adverbs) plain words outside phrases? A dictionary
 * verb, a saying verb, or after an auxiliary a participle, in the
 * dictionary or not ("but Congress has not passed his budget"). */
static int verb_follows(const parley_coder *c, uint32_t k, uint32_t e, int adverbs)
{
    int aux = 0;
    k = next_live(c, k, e);
    for (int m = 0; m < 3 && k < e && c->tok[k].role != R_VERB; m++) {
        const ctok *t = &c->tok[k];
        if (t->cls != PRL_WC_AUX && t->cls != PRL_WC_MODAL && t->cls != PRL_WC_NEG &&
            !(adverbs && t->cls == PRL_WC_OPEN && t->slot < 0 && !saying_verb(t)))
            break;
        aux |= t->cls == PRL_WC_AUX;
        k = next_live(c, k + 1, e);
    }
    if (k >= e)
        return 0;
    const ctok *t = &c->tok[k];
    return t->role == R_VERB || saying_verb(t) ||
           (aux && t->role == R_NONE && t->cls == PRL_WC_OPEN &&
            (ends_in(t, "ED") || ends_in(t, "EN")));
}

static int subject_and_verb(const parley_coder *c, uint32_t j)
{
    if (j >= c->n || c->tok[j].slot < 0 || c->slots[c->tok[j].slot].s != j ||
        !c->slots[c->tok[j].slot].coded)
        return 0;
    return verb_follows(c, c->slots[c->tok[j].slot].e, c->n, 0);
}

/* Is the noun phrase at token j, after AFTER or BEFORE, a time and no
 * clause ("visited Kenosha two days after Trump in what was ...")? Only
 * when a preposition, a comma or the end follows it; with a clause after
 * it TABARI reads on (PETRARCH's COMMA-05: "five years after Calenardhon
 * crowds burned down its embassy"). */
static int time_phrase(const parley_coder *c, uint32_t j)
{
    if (j >= c->n || c->tok[j].slot < 0 || c->slots[c->tok[j].slot].s != j)
        return 0;
    uint32_t k = next_live(c, c->slots[c->tok[j].slot].e, c->n);
    if (k >= c->n)
        return 1;
    const ctok *t = &c->tok[k];
    return t->cls == PRL_WC_PREP || is_comma(t) ||
           (t->t->kind == PRL_T_PUNCT && t->t->norm[0] == '.');
}

/* Does a subordinate clause with a subject and verb of its own start at
 * token i? Not THAT (a complement) nor the time words, which TABARI reads
 * through (see prl_find_clauses). */
static int sub_clause(const parley_coder *c, uint32_t i)
{
    const ctok *t = &c->tok[i];
    return t->cls == PRL_WC_SUB && t->slot < 0 && !norm_is(t, "THAT") &&
           !norm_is(t, "AFTER") && !norm_is(t, "BEFORE") && !norm_is(t, "SINCE") &&
           !norm_is(t, "UNTIL") && subject_and_verb(c, next_live(c, i + 1, c->n));
}

void prl_find_clauses(parley_coder *c)
{
    c->n_clauses = 0;
    uint32_t start = 0;
    for (uint32_t i = 0; i <= c->n; i++) {
        int cut = i == c->n;
        uint32_t ns = i;   /* start of the next clause */
        if (!cut && !c->tok[i].del) {
            const ctok *t = &c->tok[i];
            int ante;
            if (t->realcomma || is_punct(t, ':')) {
                cut = 1;
                ns = i + 1;
            } else if (i > start && relative_at(c, i, &ante)) {
                /* A relative clause is a clause of its own. */
                cut = 1;
            } else if (i > start && sub_clause(c, i)) {
                /* A subordinate clause with a subject and verb of its own:
                 * "Kurds announce deal with Assad's government as Turkey
                 * invades Syria's northeast". Not the time clauses, which
                 * TABARI reads through ("restore ties with Gondor, five
                 * years after Calenardhon crowds burned down its embassy"
                 * codes Gondor's burning in PETRARCH's suite, COMMA-07). */
                cut = 1;
            } else if (t->cls == PRL_WC_CONJ && t->slot < 0 && i > start) {
                uint32_t j = next_live(c, i + 1, c->n);
                while (j < c->n && (c->tok[j].cls == PRL_WC_NEG))
                    j = next_live(c, j + 1, c->n);
                if (j < c->n && (c->tok[j].role == R_VERB ||
                                 c->tok[j].cls == PRL_WC_AUX ||
                                 c->tok[j].cls == PRL_WC_MODAL))
                    cut = 1;
                /* A conjunction before a new subject and its verb: "...
                 * opened economic ties as well and Serbia agreed to ...". */
                if (!cut && subject_and_verb(c, j))
                    cut = 1;   /* "... but media reports said ..." too */
            }
        }
        if (!cut)
            continue;
        if (next_live(c, start, i) < i) {
            if (prl_grow(c, (void **)&c->clauses, &c->cap_clauses,
                         c->n_clauses + 1, sizeof(clause)))
                return;
            clause *cl = &c->clauses[c->n_clauses];
            memset(cl, 0, sizeof *cl);
            cl->s = (uint16_t)start;
            cl->e = (uint16_t)i;
            uint32_t k = next_live(c, start, i);
            if (c->n_clauses == 0)
                cl->indep = 1;
            cl->ante = -1;
            if (c->n_clauses > 0 && k < i) {
                int ante;
                cl->own = sub_clause(c, k);
                cl->rel = (uint8_t)relative_at(c, k, &ante);
                cl->ante = (int16_t)ante;
                /* After a comma it is a statement of its own about the
                 * noun: the main clause's verb does not consume it. */
                if (cl->rel && start > 0 && is_comma(&c->tok[start - 1]))
                    cl->indep = 1;
            }
            /* An opening prepositional or subordinate phrase ("In a letter
             * handed over to the UN on Monday, Iraq said ...", "After the
             * vote, ...") is not the main clause: the clause after it is
             * independent, so the opening one cannot consume it. */
            if (c->n_clauses == 0 && k < i &&
                (c->tok[k].cls == PRL_WC_PREP || c->tok[k].cls == PRL_WC_SUB))
                cl->adjunct = 1;
            if (c->n_clauses == 1 && c->clauses[0].adjunct)
                cl->indep = 1;
            if (k < i && c->tok[k].cls == PRL_WC_CONJ) {
                uint32_t j = next_live(c, k + 1, i);
                if (j < i && (c->tok[j].role == R_VERB || c->tok[j].cls == PRL_WC_AUX ||
                              c->tok[j].cls == PRL_WC_MODAL))
                    cl->indep = cl->conjverb = 1;
                k = j;
            }
            if (k < i && c->tok[k].role == R_VERB)
                cl->indep = 1;
            if (k < i && c->tok[k].slot >= 0 &&
                verb_follows(c, c->slots[c->tok[k].slot].e, i, 1))
                cl->indep = 1;
            for (uint32_t t = start; t < i; t++)
                c->tok[t].clause = (uint16_t)c->n_clauses;
            c->n_clauses++;
        }
        start = ns;
    }
}

/* ------------------------------------------------------------------ */
/* Pronoun reference (TABARI 7.7 and its FORWARD option, 8.4).          */

static int reporting_word(const parley_coder *c, const ctok *t);

/* What an antecedent is, for agreement with the pronoun. */
enum { K_PERSON = 1, K_ACTOR = 2, K_AGENT = 4, K_PLURAL = 8, K_MANY = 16 };

/* A person: its dictionary entry has dated codes (PETRARCH dictionaries
 * list people with the dates they held an office; countries, groups and
 * organizations have none). */
static int unit_person(const parley_coder *c, const unit *u)
{
    const parley_dict *d = c->d;
    if (u->entry >= d->n_entries)
        return 0;
    const prl_img_entry *e = &d->entries[u->entry];
    for (uint32_t k = 0; k < e->n && e->first + k < d->n_codes; k++)
        if (d->codes[e->first + k].from || d->codes[e->first + k].to)
            return 1;
    return 0;
}

static unsigned slot_kind(const parley_coder *c, const slot *sl)
{
    unsigned k = sl->compound ? K_PLURAL : 0;
    for (size_t u = 0; u < c->n_units; u++) {
        const unit *un = &c->units[u];
        if (un->s < sl->s || un->s >= sl->e)
            continue;
        if (un->kind == R_AGENT) {
            k |= K_AGENT;
            /* A plural role ("Chinese officials", "authorities") is no IT. */
            const ctok *h = &c->tok[un->e - 1];
            if (ends_in(h, "S") && !ends_in(h, "SS"))
                k |= K_MANY;
        }
        else if (!un->null)
            k |= unit_person(c, un) ? K_PERSON : K_ACTOR;
    }
    return k;
}

/* Pronoun classes: what each agrees with. */
enum { P_NONE, P_IT, P_HE, P_THEY };

static int pron_class(const ctok *t)
{
    if (norm_is(t, "IT") || norm_is(t, "ITS"))
        return P_IT;
    if (norm_is(t, "HE") || norm_is(t, "SHE") || norm_is(t, "HIS") || norm_is(t, "HER"))
        return P_HE;
    if (norm_is(t, "THEY") || norm_is(t, "THEIR"))
        return P_THEY;
    return P_NONE;
}

/* IT and ITS stand for a country or an organization, not a person; HE,
 * SHE, HIS, HER for a person the actor dictionary names (a role such as
 * "the government" is as often an institution, and was wrong more often
 * than right on the Wikinews articles); THEY and THEIR for a compound or,
 * within the sentence, a group role ("Israeli police"): `fwd` asks for a
 * compound only, as TABARI's FORWARD does. */
static int agrees(int pc, unsigned kind, int fwd)
{
    switch (pc) {
    case P_IT:
        return (kind & K_ACTOR) && !(kind & (K_PERSON | K_PLURAL | K_MANY));
    case P_HE:
        return (kind & K_PERSON) && !(kind & K_PLURAL);
    case P_THEY:
        return (kind & (fwd ? K_PLURAL : K_PLURAL | K_AGENT)) != 0;
    default:
        return 0;
    }
}

/* Can the pronoun heading slot p stand for slot a? Only IT is checked
 * here ("officials said it killed"): TABARI lets the other pronouns of a
 * reported clause stand for the speaker whatever they are. */
int prl_pronoun_fits(const parley_coder *c, int p, int a)
{
    const ctok *t = &c->tok[c->slots[p].s];
    return pron_class(t) != P_IT || agrees(P_IT, slot_kind(c, &c->slots[a]), 0);
}

/* The first agreeing slot with dictionary codes before token p that is
 * not in a deleted comma clause; -2 when there is none but some slot
 * with dictionary codes precedes p (the pronoun is then left alone: no
 * forwarding past an actor of the sentence), -1 when no slot does. */
static int antecedent(const parley_coder *c, uint32_t p, int pc)
{
    int seen = 0;
    for (size_t k = 0; k < c->n_slots; k++) {
        const slot *sl = &c->slots[k];
        if (sl->s >= p)
            break;
        if (sl->shadow || sl->level != 2 || c->tok[sl->s].del)
            continue;
        seen = 1;
        if (agrees(pc, slot_kind(c, sl), 0))
            return (int)k;
    }
    return seen ? -2 : -1;
}

/* The agents of the pronoun's noun phrase ("its troops": MIL) appended to
 * code, as member_codes does for an actor. */
static size_t with_agents(const parley_coder *c, const slot *sl, char *buf, size_t len,
                          size_t cap)
{
    for (size_t u = 0; u < c->n_units; u++) {
        const unit *un = &c->units[u];
        if (un->s >= sl->s && un->s < sl->e && un->kind == R_AGENT)
            len = add_agent(buf, len, cap, un->code, un->prefix);
    }
    return len;
}

/* Give pronoun slots their antecedent's codes. A subject pronoun (HE,
 * SHE, IT, THEY: not after a verb or preposition, and no "it is"/"it
 * was") takes the first agreeing actor of the sentence before it (TABARI
 * 7.7); a possessive (ITS, HIS, HER, THEIR) heading a noun phrase with an
 * agent and no actor ("its troops") takes that actor with the agents.
 * With no actor before it, a pronoun opening its sentence takes the
 * subject of the previous sentence of the same part (c->fwd). The codes
 * keep the pronoun's own tokens as their span. */
void prl_resolve_pronouns(parley_coder *c, const sent_ctx *sc)
{
    int fwd_ok = c->fwd_n && c->fwd_sent + 1 == sc->index && c->fwd_part == sc->part;
    for (size_t k = 0; k < c->n_slots; k++) {
        slot *sl = &c->slots[k];
        const ctok *t = &c->tok[sl->s];
        if (sl->shadow || sl->compound || t->del)
            continue;
        int pc = pron_class(t);
        if (pc == P_NONE)
            continue;
        int poss = t->cls == PRL_WC_POSS;
        if (poss) {
            /* A possessive before a role and no actor: "---ROLE". */
            unsigned kind = slot_kind(c, sl);
            if (sl->e < sl->s + 2u || (kind & (K_ACTOR | K_PERSON)) || !(kind & K_AGENT))
                continue;
        } else {
            if (sl->coded)
                continue;
            if (!sl->pron)
                continue;
            uint32_t p = sl->s;
            while (p > 0 && c->tok[p - 1].del)
                p--;
            const ctok *prev = p > 0 ? &c->tok[p - 1] : NULL;
            if (prev && (prev->role == R_VERB || prev->cls == PRL_WC_PREP ||
                         norm_is(prev, "TO")))
                continue;       /* an object: "discussed it" */
            if (pc == P_IT && sl->e < c->n &&
                (norm_is(&c->tok[sl->e], "IS") || norm_is(&c->tok[sl->e], "WAS") ||
                 norm_is(&c->tok[sl->e], "'S") || norm_is(&c->tok[sl->e], "SEEMS") ||
                 norm_is(&c->tok[sl->e], "APPEARS") || norm_is(&c->tok[sl->e], "REMAINS")))
                continue;       /* "it is unclear": no referent */
        }
        if (t->quote)
            continue;   /* a quoted speaker's "he" is someone else */
        int a = antecedent(c, sl->s, pc);
        char buf[128];
        uint16_t first = (uint16_t)c->n_codes;
        if (a >= 0 && poss) {
            /* The antecedent's actors without their roles: "Chinese
             * citizens criticized their government" is CHNGOV. */
            const slot *A = &c->slots[a];
            for (size_t u = 0; u < c->n_units; u++) {
                const unit *un = &c->units[u];
                size_t len = strlen(un->code);
                if (un->s < A->s || un->s >= A->e || un->kind != R_ACTOR || un->null ||
                    len >= sizeof buf || strchr(un->code, '/'))
                    continue;
                memcpy(buf, un->code, len);
                len = with_agents(c, sl, buf, len, sizeof buf);
                if (push_code(c, cb_add(c, buf, len), sl->s, sl->e))
                    return;
            }
        } else if (a >= 0) {
            const slot *A = &c->slots[a];
            for (unsigned j = 0; j < A->c_n; j++) {
                size_t len = strlen(slot_code(c, A, j));
                if (len >= sizeof buf)
                    continue;
                memcpy(buf, slot_code(c, A, j), len);
                if (push_code(c, cb_add(c, buf, len), sl->s, sl->e))
                    return;
            }
        } else if (a == -1 && !poss && fwd_ok && agrees(pc, c->fwd_kind, 1)) {
            /* Only a pronoun opening the sentence (after a conjunction or
             * an adverb at most) reaches back. */
            uint32_t words = 0;
            for (uint32_t q = 0; q < sl->s; q++)
                words += c->tok[q].t->kind == PRL_T_WORD;
            if (words > 1)
                continue;
            const char *f = c->fwd;
            for (unsigned j = 0; j < c->fwd_n; j++, f += strlen(f) + 1) {
                size_t len = strlen(f);
                memcpy(buf, f, len);
                if (push_code(c, cb_add(c, buf, len), sl->s, sl->e))
                    return;
            }
        }
        if (c->n_codes == first || c->oom)
            continue;
        sl->c_first = first;
        sl->c_n = (uint16_t)(c->n_codes - first);
        sl->coded = 1;
        sl->level = 2;
        sl->coref = 1;
        prl_tracef(c, "pronoun %.*s: slot %zu takes %s%s", (int)t->t->len, t->t->norm, k,
                   slot_code(c, sl, 0), a >= 0 ? "" : " (previous sentence)");
    }
}

/* Remember the sentence's subject for a pronoun opening the next one:
 * the first slot with dictionary codes before the first verb (TABARI's
 * FORWARD: "provided that the actor ... occurred before a verb"). */
void prl_set_forward(parley_coder *c, const sent_ctx *sc)
{
    c->fwd_n = 0;
    c->fwd_sent = sc->index;
    c->fwd_part = sc->part;
    uint32_t v = c->n;
    for (size_t k = 0; k < c->n_verbs; k++)
        if (!c->verbs[k].noun && !c->tok[c->verbs[k].s].del && c->verbs[k].s < v)
            v = c->verbs[k].s;
    /* ... and before a verb of saying the dictionaries may lack ("They
     * concluded that the agreement between Turkey and Libya ..."). */
    for (uint32_t t = 0; t < v; t++)
        if (reporting_word(c, &c->tok[t])) {
            v = t;
            break;
        }
    for (size_t k = 0; k < c->n_slots; k++) {
        const slot *sl = &c->slots[k];
        if (sl->s >= v)
            break;
        if (sl->pron && !sl->coded && !c->tok[sl->s].del)
            return;     /* the subject is a pronoun we could not resolve */
        if (sl->shadow || sl->level != 2 || c->tok[sl->s].del)
            continue;
        size_t len = 0;
        for (unsigned j = 0; j < sl->c_n && c->fwd_n < PRL_MAX_FWD; j++) {
            const char *s = slot_code(c, sl, j);
            size_t n = strlen(s);
            if (is_null_code(s) || len + n + 1 > sizeof c->fwd)
                continue;
            memcpy(c->fwd + len, s, n + 1);
            len += n + 1;
            c->fwd_n++;
        }
        c->fwd_kind = (uint8_t)slot_kind(c, sl);
        /* A pronoun's antecedent carries over: "He then flew to Cairo." */
        if (sl->coref && c->tok[sl->s].cls != PRL_WC_POSS) {
            const ctok *t = &c->tok[sl->s];
            int pc = pron_class(t);
            c->fwd_kind = pc == P_IT ? K_ACTOR : pc == P_HE ? K_PERSON : K_PLURAL;
        }
        return;
    }
}
/* ------------------------------------------------------------------ */
/* Roles for the event builder: source and target, passive voice,       */
/* negation and modals, event nouns.                                    */

/* A verb of saying or judging that is no dictionary verb ("said",
 * "ruled", "noted", "found"): what follows it is its complement. */
static int reporting_word(const parley_coder *c, const ctok *t)
{
    if (t->del || t->role == R_ACTOR || t->role == R_AGENT || t->cls != PRL_WC_OPEN ||
        t->t->len < 3 || (t->slot >= 0 && c->slots[t->slot].coded))
        return 0;
    return (t->lists & TL_REPORTING) != 0;
}

/* The complement of a verb of saying or judging has its own subject:
 * "the judge ruled the draft violated the Constitution" is no violation
 * by the judge. Returns the token after the last such verb between
 * `from` and `before` when a noun phrase that is no pronoun is the last
 * one before `before` ("said the government would"); a pronoun there
 * stands for the speaker ("Trump said he banned travel", TABARI 7.7)
 * unless it is an IT that cannot ("officials said it killed"), and
 * with no subject the matrix subject stays. Else `from`. */
static uint32_t complement_from(const parley_coder *c, uint32_t from, uint32_t before)
{
    uint32_t r = UINT32_MAX;
    for (uint32_t t = from; t < before; t++)
        if (reporting_word(c, &c->tok[t]))
            r = t;
    if (r == UINT32_MAX)
        return from;
    /* The complement's subject: the first noun phrase after the verb
     * that is no time ("said Friday he was", "said on Wednesday they"). */
    static const char *const day[] = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                                      "FRIDAY", "SATURDAY", "SUNDAY"};
    for (uint32_t t = r + 1; t < before; t++) {
        const ctok *tk = &c->tok[t];
        if (tk->del || tk->slot < 0 || c->slots[tk->slot].s != t)
            continue;
        int time = tk->cls == PRL_WC_TIME ||
                   (t > r + 1 && c->tok[t - 1].cls == PRL_WC_PREP);
        for (size_t k = 0; !time && k < sizeof day / sizeof day[0]; k++)
            time = norm_is(tk, day[k]);
        if (time)
            continue;
        if (!c->slots[tk->slot].pron)
            return t;
        /* IT that cannot stand for the speaker ("officials said it killed
         * nine people") is a subject of its own. */
        if (pron_class(tk) == P_IT)
            for (uint32_t k = from; k < r; k++)
                if (!c->tok[k].del && c->tok[k].slot >= 0 &&
                    c->slots[c->tok[k].slot].s == k && c->slots[c->tok[k].slot].coded)
                    return agrees(P_IT, slot_kind(c, &c->slots[c->tok[k].slot]), 0) ? from : t;
        return from;
    }
    return from;
}

/* Is the noun phrase starting at token t the object of a preposition
 * that hangs on the clause (an adverbial: "According to the BBC, ...",
 * "On Sunday in London, ...", "broken with Trump") rather than on the
 * noun before it ("representatives from the UAE", "Democrats in
 * Congress", "the president of Ukraine")? A phrase after OF, or after a
 * preposition on a noun, is as adverbial as that noun. */
static int adverbial_np(const parley_coder *c, uint32_t t, int depth)
{
    while (t > 0 && c->tok[t - 1].del)
        t--;
    if (t == 0 || depth > 6)
        return 0;
    const ctok *p = &c->tok[t - 1];
    if (is_comma(p) && t >= 2 && c->tok[t - 2].slot >= 0 && c->tok[t].slot >= 0) {
        /* A place in apposition, between commas: "in London, England," */
        uint32_t e = c->slots[c->tok[t].slot].e;
        return e < c->n && is_comma(&c->tok[e]) &&
               adverbial_np(c, c->slots[c->tok[t - 2].slot].s, depth + 1);
    }
    if (p->cls != PRL_WC_PREP)
        return 0;
    uint32_t q = t - 1;
    while (q > 0 && c->tok[q - 1].del)
        q--;
    if (q == 0)
        return !(p->wflags & PRL_WF_OF);
    const ctok *b = &c->tok[q - 1];
    if (q >= 2 && c->tok[q - 2].cls == PRL_WC_AUX && (ends_in(b, "ED") || ends_in(b, "EN")))
        return 1; /* on a participle: "have broken with Trump" */
    if (norm_is(b, "ACCORDING") && c->tok[t].slot >= 0) {
        /* "According to The Washington Post, officials warned": the
         * source ends at the comma; without one, the subject may have
         * run into the phrase ("According to a zoo spokesperson
         * Malaysian authorities have"). */
        uint32_t e = c->slots[c->tok[t].slot].e;
        if (e < c->n && is_comma(&c->tok[e]))
            return 1;
    }
    if (b->slot >= 0 && !b->del) {
        /* On a noun: as adverbial as that noun. */
        return adverbial_np(c, c->slots[b->slot].s, depth + 1);
    }
    if (p->wflags & PRL_WF_OF)
        return 0;
    return 1;
}

/* Is the noun phrase starting at token t inside an attribution
 * ("according to prosecutor Josh Bash", "according to a report by the
 * UN")? Whoever says so is no target of the clause's verb. */
static int attribution_np(const parley_coder *c, uint32_t t, int depth)
{
    while (t > 0 && c->tok[t - 1].del)
        t--;
    if (t < 2 || depth > 6 || c->tok[t - 1].cls != PRL_WC_PREP)
        return 0;
    const ctok *b = &c->tok[t - 2];
    if (norm_is(&c->tok[t - 1], "TO") && norm_is(b, "ACCORDING"))
        return 1;
    return b->slot >= 0 && !b->del && attribution_np(c, c->slots[b->slot].s, depth + 1);
}

/* The subject of clause ci: its first noun phrase that is no adverbial
 * and no pronoun, coded or not; -1 when there is none. */
/* Is the noun phrase at token t adverbial ("according to X, ...", "on
 * Sunday in London, ...")? Never a source then. */
int prl_adverbial(const parley_coder *c, uint32_t t)
{
    return adverbial_np(c, t, 0);
}

int prl_clause_subject(const parley_coder *c, unsigned ci)
{
    const clause *cl = &c->clauses[ci];
    for (uint32_t t = cl->s; t < cl->e; t++) {
        const ctok *tk = &c->tok[t];
        if (!tk->del && tk->slot >= 0 && c->slots[tk->slot].s == t &&
            !c->slots[tk->slot].pron && !adverbial_np(c, t, 0))
            return tk->slot;
    }
    return -1;
}

/* The source search: the first slot of clause ci before token `before`
 * with dictionary codes, else with new-actor codes; *null_slot gets the
 * first uncoded one (a pronoun only as a last resort). */
int prl_find_source(const parley_coder *c, unsigned ci, uint32_t before,
                    int avoid, int *null_slot)
{
    const clause *cl = &c->clauses[ci];
    int lvl1 = -1, pron = -1;
    *null_slot = -1;
    uint32_t from = cl->s > c->src_from ? cl->s : c->src_from;
    uint32_t cfrom = complement_from(c, from, before < cl->e ? before : cl->e);
    if (cfrom == from && from == cl->s && cl->rel == 1) {
        /* A relative clause whose pronoun is the subject: the noun
         * phrase before it is the subject of its verbs. */
        if (cl->ante >= 0 && cl->ante != avoid) {
            if (c->slots[cl->ante].coded)
                return cl->ante;
            *null_slot = cl->ante;
        }
        return -1;
    }
    from = cfrom;
    /* A noun phrase that is the object of a preposition is no subject
     * when one that is not follows before the verb: "according to
     * witnesses and authorities, a man ... began to stab", "Other
     * Republicans have broken with Trump and have urged him". */
    int bare_np = 0;
    for (uint32_t t = from; t < before && t < cl->e && !bare_np; t++) {
        const ctok *tk = &c->tok[t];
        if (!tk->del && tk->slot >= 0 && c->slots[tk->slot].s == t && tk->slot != avoid &&
            !c->slots[tk->slot].pron)
            bare_np = !adverbial_np(c, t, 0);
    }
    for (uint32_t t = from; t < before && t < cl->e; t++) {
        const ctok *tk = &c->tok[t];
        if (tk->del || tk->slot < 0 || c->slots[tk->slot].s != t)
            continue;
        const slot *sl = &c->slots[tk->slot];
        if (tk->slot == avoid || (bare_np && adverbial_np(c, t, 0)))
            continue;
        if (sl->level == 2)
            return tk->slot;
        if (sl->level == 1 && lvl1 < 0)
            lvl1 = tk->slot;
        if (!sl->coded && *null_slot < 0 && !sl->pron)
            *null_slot = tk->slot;
        if (sl->pron && pron < 0)
            pron = tk->slot;
    }
    if (*null_slot < 0)
        *null_slot = pron;
    return lvl1;
}

/* Do slots a and b name the same country (the first three letters of
 * their first codes, "---" never)? */
static int same_country(const parley_coder *c, int a, int b)
{
    if (a < 0 || b < 0 || !c->slots[a].c_n || !c->slots[b].c_n)
        return 0;
    const char *x = slot_code(c, &c->slots[a], 0), *y = slot_code(c, &c->slots[b], 0);
    return strlen(x) >= 3 && strlen(y) >= 3 && memcmp(x, "---", 3) != 0 &&
           memcmp(x, y, 3) == 0;
}

int prl_same_codes(const parley_coder *c, int a, int b)
{
    if (a < 0 || b < 0)
        return 0;
    const slot *x = &c->slots[a], *y = &c->slots[b];
    for (unsigned i = 0; i < y->c_n; i++) {
        int found = 0;
        for (unsigned j = 0; j < x->c_n; j++)
            found |= strcmp(slot_code(c, y, i), slot_code(c, x, j)) == 0;
        if (!found)
            return 0;
    }
    return 1;
}

/* An actor buried in a modifier: a slot whose head (last word) is a
 * plain lower-case noun, so its actor only modifies it ("Iranian
 * interference", "Iraqi military bases"), that is the object of a
 * preposition after an uncoded noun phrase starting at or after token
 * `from` ("discussing concerns about Iranian interference"). Such an
 * actor is what the object is about, not the verb's target. */
int prl_buried_modifier(const parley_coder *c, int s, uint32_t from)
{
    const slot *sl = &c->slots[s];
    if (sl->shadow || sl->e == 0 || sl->s <= from)
        return 0;
    if (sl->e < sl->s + 2u)
        return 0;
    const ctok *h = &c->tok[sl->e - 1], *m = &c->tok[sl->e - 2];
    if (h->t->kind != PRL_T_WORD || h->role != R_NONE || h->cls != PRL_WC_OPEN ||
        (h->t->flags & PRL_TF_CAP) || (m->role != R_ACTOR && m->role != R_AGENT) ||
        ends_in(h, "ED") || ends_in(h, "ING"))
        return 0;
    uint32_t p = sl->s;
    while (p > from && c->tok[p - 1].del)
        p--;
    /* Prepositions of topic only: a recipient ("aid to the affected
     * Ithilen villages"), an opponent ("against") or a place ("eased
     * emergency measures in Kosovo province") is a target. */
    static const char *const topic[] = {"ABOUT", "OVER", "REGARDING", "CONCERNING",
                                        "DURING", "AMID"};
    int is_topic = 0;
    for (size_t k = 0; p > from && k < sizeof topic / sizeof topic[0]; k++)
        is_topic |= norm_is(&c->tok[p - 1], topic[k]);
    if (!is_topic)
        return 0;
    for (uint32_t t = from; t + 1 < p; t++) {
        const ctok *tk = &c->tok[t];
        if (!tk->del && tk->slot >= 0 && c->slots[tk->slot].s == t &&
            !c->slots[tk->slot].coded && !c->slots[tk->slot].pron)
            return 1;
    }
    return 0;
}

/* Is dependent clause k no part of the verb's object: a relative clause
 * after a comma, which is about the noun before it ("attacked the town,
 * which Ukraine held"), or an adverbial clause ("visiting Kenosha, where
 * riots had broken out", "shoot man dead after knife attack in London",
 * "rejected the demarcation, and that Greece and Turkey might")? A
 * restrictive relative clause (no comma) and a THAT complement are. */
static int adverbial_clause(const parley_coder *c, unsigned k)
{
    const clause *cl = &c->clauses[k];
    uint32_t f = next_live(c, cl->s, cl->e);
    if (f >= cl->e)
        return 0;
    uint32_t p = cl->s;
    while (p > 0 && c->tok[p - 1].del)
        p--;
    int comma = p > 0 && is_comma(&c->tok[p - 1]);
    if (comma && cl->rel)
        return 1;
    const ctok *t = &c->tok[f];
    if (t->cls == PRL_WC_CONJ) {
        /* "expressed disappointment and that the office intends to" */
        uint32_t g = next_live(c, f + 1, cl->e);
        if (g < cl->e && c->tok[g].cls == PRL_WC_SUB && (comma || norm_is(&c->tok[g], "THAT")))
            return 1;
    }
    /* AS is left open: "resigned as the opposition threatened to storm
     * his residence" accedes to the opposition (CAMEO 0831). */
    return t->cls == PRL_WC_SUB && !cl->rel && !norm_is(t, "THAT") && !norm_is(t, "AS");
}

/* Does the comma at token t open a closing attribution (", ABC of
 * Australia reported.", ", witnesses said, ...")? */
static int reported_after(const parley_coder *c, uint32_t t)
{
    for (uint32_t k = t + 1, m = 0; k < c->n && m < 8; k++) {
        const ctok *tk = &c->tok[k];
        if (tk->del)
            continue;
        if (is_comma(tk))
            return 0;
        if (saying_verb(tk) || (tk->lists & TL_REPORTING))
            return 1;
        m++;
    }
    return 0;
}

/* Does the noun phrase at token t follow AS: a description ("assailed
 * the event as the darkest convention in American history"), no target. */
static int after_as(const parley_coder *c, uint32_t t)
{
    uint32_t p = t;
    while (p > 0 && (c->tok[p - 1].del || (c->tok[p - 1].t->kind == PRL_T_PUNCT &&
                                           c->tok[p - 1].t->norm[0] == '"')))
        p--;
    if (p == 0 || !norm_is(&c->tok[p - 1], "AS"))
        return 0;
    /* "as the opposition threatened": AS opens a clause, its subject is
     * a phrase like any other. */
    uint32_t e = next_live(c, c->slots[c->tok[t].slot].e, c->n);
    return e >= c->n || (c->tok[e].role != R_VERB && c->tok[e].cls != PRL_WC_AUX &&
                         c->tok[e].cls != PRL_WC_MODAL);
}

/* Where a search for a verb's object ends: a semicolon, a colon, a closing
 * attribution, a description after AS, the start of an adverbial clause. */
int prl_object_ends(const parley_coder *c, uint32_t t)
{
    const ctok *tk = &c->tok[t];
    if (tk->del)
        return 0;
    if (is_comma(tk))
        return tk->t->norm[0] == ';' || reported_after(c, t);
    if (is_punct(tk, ':'))
        return 1;   /* what follows elaborates: a quotation, a list */
    if (tk->slot >= 0 && c->slots[tk->slot].s == t && after_as(c, t))
        return 1;
    if (tk->cls == PRL_WC_SUB && (norm_is(tk, "AFTER") || norm_is(tk, "BEFORE")))
        return time_phrase(c, next_live(c, t + 1, c->n));
    /* An adverbial clause starts with a subordinator or a conjunction. */
    if (tk->cls != PRL_WC_SUB && tk->cls != PRL_WC_CONJ)
        return 0;
    for (unsigned k = 1; k < c->n_clauses; k++)
        if (c->clauses[k].s == t)
            return !c->clauses[k].indep && adverbial_clause(c, k);
    return 0;
}

/* Is the conjunction at t followed by a verb of its own ("and said") or
 * a clause ("expressed disappointment and that the office intends")? */
static int conjoined_verb(const parley_coder *c, uint32_t t)
{
    uint32_t v = next_live(c, t + 1, c->n);
    if (v >= c->n)
        return 0;
    const ctok *tk = &c->tok[v];
    return tk->role == R_VERB || saying_verb(tk) || tk->cls == PRL_WC_AUX ||
           tk->cls == PRL_WC_MODAL || tk->cls == PRL_WC_SUB;
}

/* Does a verb follow the TO at t ("to participate", not "to Ukraine",
 * "to the talks" nor "to protesters")? */
static int infinitive_after(const parley_coder *c, uint32_t t)
{
    uint32_t v = next_live(c, t + 1, c->n);
    if (v >= c->n)
        return 0;
    const ctok *tk = &c->tok[v];
    if (tk->role == R_VERB)
        return 1;
    return tk->role == R_NONE && tk->cls == PRL_WC_OPEN && tk->t->kind == PRL_T_WORD &&
           !(tk->t->flags & PRL_TF_CAP) && (tk->slot < 0 || !c->slots[tk->slot].coded);
}

/* A phrase that is never a verb's object: the source of an attribution. */
int prl_no_object(const parley_coder *c, uint32_t t)
{
    return attribution_np(c, t, 0);
}

/* The target search: the first slot after token `after` in clause ci and
 * the dependent clauses after it, with dictionary codes (else new-actor
 * codes) that differ from the source's; *tclause gets its clause and
 * *null_slot the first uncoded slot of clause ci from token nulls_from
 * (after the words the verb's pattern matched: "burned down its embassy"
 * has the target "its embassy", not "down"). */
int prl_find_target(const parley_coder *c, unsigned ci, uint32_t after,
                    int src, unsigned *tclause, int *null_slot,
                    uint32_t nulls_from)
{
    *null_slot = -1;
    int lvl1 = -1, passed = 0, prep_object = 0;
    unsigned lvl1_clause = ci;
    for (unsigned k = ci; k < c->n_clauses; k++) {
        /* A relative clause after a comma is about the noun before it,
         * which the search has passed: "attacked the town, which Ukraine
         * held", "visiting Kenosha, where riots had broken out due to the
         * police shooting"; so is an adverbial clause after a comma. A
         * restrictive one (no comma) is part of the object. */
        if (k > ci && (c->clauses[k].indep || adverbial_clause(c, k)))
            break;
        const clause *cl = &c->clauses[k];
        /* The punctuation between clauses: "justified the strike ...:
         * \"At the direction of the President, ...\"" */
        for (uint32_t t = k > ci ? c->clauses[k - 1].e : cl->s; t < cl->s; t++)
            if (is_punct(&c->tok[t], ':') || is_punct(&c->tok[t], ';'))
                goto done;
        for (uint32_t t = k == ci ? after : cl->s; t < cl->e; t++) {
            const ctok *tk = &c->tok[t];
            if (prl_object_ends(c, t) && !(t == cl->s && k > ci))
                goto done;
            /* "declined the request and said the family left": after
             * the verb's own object, a conjunction and a verb (or a
             * subordinator) start a second predicate with objects of its
             * own. */
            if (passed && tk->cls == PRL_WC_CONJ && conjoined_verb(c, t))
                goto done;
            /* "traveling to Cleveland, Ohio to participate in a debate
             * against Biden": an infinitive after the object of the
             * verb's own preposition has objects of its own. */
            if (prep_object && norm_is(tk, "TO") && infinitive_after(c, t))
                goto done;
            if (tk->del || tk->slot < 0 || c->slots[tk->slot].s != t)
                continue;
            const slot *sl = &c->slots[tk->slot];
            passed |= k == ci;
            prep_object |= k == ci && t == after && after > 0 &&
                           c->tok[after - 1].cls == PRL_WC_PREP;
            if (tk->slot == src)
                continue;
            if (after_as(c, t))
                goto done;
            /* A subject pronoun stands for a source, never a target; a
             * possessive one for the source's own ("withdraw its troops
             * from Lebanon", "move its embassy in Israel") neither. */
            if (sl->coref && (tk->cls != PRL_WC_POSS || same_country(c, src, tk->slot)))
                continue;
            /* The attribution ends the verb's phrase. */
            if (attribution_np(c, t, 0))
                goto done;
            if (sl->coded && k == ci && prl_buried_modifier(c, tk->slot, after))
                continue;
            if (sl->coded && !prl_same_codes(c, src, tk->slot)) {
                if (sl->level == 2) {
                    *tclause = k;
                    return tk->slot;
                }
                if (lvl1 < 0) {
                    lvl1 = tk->slot;
                    lvl1_clause = k;
                }
            }
            if (k == ci && *null_slot < 0 && !sl->coded && !sl->pron && t >= nulls_from)
                *null_slot = tk->slot;
        }
    }
done:
    *tclause = lvl1_clause;
    return lvl1;
}

/* A plain word outside any coded phrase ("fiercely", "earlier"). */
static int adverb_like(const parley_coder *c, const ctok *t)
{
    return t->t->kind == PRL_T_WORD && t->cls == PRL_WC_OPEN && t->role == R_NONE &&
           (t->slot < 0 || !c->slots[t->slot].coded);
}

/* Passive voice (TABARI 7.9): WAS/WERE/BEEN/IS... one or two words before
 * the verb and BY right after it (one adverb may intervene). Returns the
 * token after BY, or 0. */
uint32_t prl_passive_by(const parley_coder *c, const verbm *v)
{
    int aux = 0;
    for (uint32_t k = v->s, m = 0; k-- > 0 && m < 3; m++) {
        const ctok *t = &c->tok[k];
        if (t->del)
            continue;
        if (t->wflags & PRL_WF_PASSAUX) {
            aux = 1;
            break;
        }
        if (!adverb_like(c, t) && t->cls != PRL_WC_NEG)
            break;
    }
    if (!aux)
        return 0;
    for (uint32_t k = v->e, m = 0; k < c->n && m < 2; k++, m++) {
        const ctok *t = &c->tok[k];
        if (t->wflags & PRL_WF_BY)
            return k + 1;
        if (!adverb_like(c, t))
            break;
    }
    return 0;
}

/* A modal of a hypothetical, a preference or a possibility: "could
 * begin", "might have encouraged", "should be decided", "would have
 * allowed", "would prefer to agree". Such a verb reports no event, so it
 * is blocked as a negated one is, and codes only through a pattern that
 * names the modal: the intent and threat codes ("WOULD * [032]", "WOULD *
 * [1381]") are about exactly this. WOULD right before the verb after a
 * verb of saying is reported future ("announced it would prohibit all
 * aid", "said they would meet"), not a hypothetical: it blocks only
 * before HAVE, through an infinitive chain (`chained`: "would seek to
 * extradite") or with no such verb before it. WILL, CAN, MUST and MAY
 * are left alone: what will happen is the dictionaries' business, and
 * wire leads code "may spur reconciliation" (PETRARCH's COMPOUND-32). */
static int hypothetical_modal(const parley_coder *c, uint32_t k, int chained)
{
    const ctok *t = &c->tok[k];
    if (norm_is(t, "COULD") || norm_is(t, "MIGHT") || norm_is(t, "SHOULD"))
        return 1;
    if (!norm_is(t, "WOULD"))
        return 0;
    if (chained)
        return 1;
    uint32_t nx = next_live(c, k + 1, c->n);
    if (nx < c->n && norm_is(&c->tok[nx], "HAVE"))
        return 1;
    for (uint32_t j = 0; j < k; j++)
        if (reporting_word(c, &c->tok[j]) || norm_is(&c->tok[j], "ANNOUNCED") ||
            norm_is(&c->tok[j], "ANNOUNCES"))
            return 0;
    return 1;
}

/* Negation of a verb: NOT, N'T or NEVER before it, over auxiliaries,
 * modals and adverbs ("could not agree", "has never met", "did not
 * formally sign"); NO LONGER; or FAIL / REFUSE / DECLINE TO before it
 * ("failed to agree"); a subject with NEITHER; and a verb whose subject
 * follows WHETHER or IF (a question or a condition, not an event).
 * Returns the token of the negation, or -1. "Not only" is no negation. */
int prl_negation_at(const parley_coder *c, const verbm *v)
{
    int chained = 0, modal = -1;
    for (uint32_t k = v->s, m = 0; k-- > 0 && m < 5; m++) {
        const ctok *t = &c->tok[k];
        if (t->del)
            return modal;
        if (t->cls == PRL_WC_NEG)
            return (k + 1 < v->s && norm_is(&c->tok[k + 1], "ONLY")) ? modal : (int)k;
        if (norm_is(t, "LONGER") && k > 0 && norm_is(&c->tok[k - 1], "NO"))
            return (int)k - 1;
        if (t->cls == PRL_WC_MODAL && modal < 0 && hypothetical_modal(c, k, chained)) {
            /* a negation further left wins: "neither ... would endorse" */
            modal = (int)k;
            continue;
        }
        if (t->cls == PRL_WC_AUX || t->cls == PRL_WC_MODAL)
            continue;
        if (norm_is(t, "TO")) {
            /* "refused to meet", "failed to formally agree"; "agreed not
             * to attack"; and through a verb of an infinitive chain: "won't
             * try to clash", "did not want to meet". */
            uint32_t j = k;
            while (j > 0 && c->tok[j - 1].t->kind == PRL_T_WORD &&
                   c->tok[j - 1].cls == PRL_WC_OPEN && ends_in(&c->tok[j - 1], "LY") &&
                   !(c->tok[j - 1].wflags & PRL_WF_NEGV))
                j--;
            if (j == 0)
                return modal;
            const ctok *w = &c->tok[j - 1];
            if (w->wflags & PRL_WF_NEGV)
                return (int)j - 1;
            if (norm_is(w, "YET"))      /* "has yet to concede" */
                return (int)j - 1;
            if (w->cls == PRL_WC_NEG)
                return (int)j - 1;
            if (!w->del && w->slot >= 0 && c->slots[w->slot].coded && c->slots[w->slot].e == j) {
                /* Over the object of the chain's verb: "did not persuade
                 * world leaders to sanction". */
                uint32_t b = c->slots[w->slot].s;
                if (b == 0)
                    return modal;
                const ctok *vb = &c->tok[b - 1];
                if (vb->cls == PRL_WC_NEG)      /* the chunk took the verb in */
                    return (int)b - 1;
                if (vb->del || vb->t->kind != PRL_T_WORD || vb->cls != PRL_WC_OPEN ||
                    (vb->role != R_NONE && vb->role != R_VERB))
                    return modal;
                k = b - 1;
                chained = 1;
                continue;
            }
            if (w->del || w->t->kind != PRL_T_WORD || w->cls != PRL_WC_OPEN ||
                (w->role != R_NONE && w->role != R_VERB))
                return modal;
            k = j - 1;      /* the chain's verb: go on left of it */
            chained = 1;
            continue;
        }
        if (t->t->kind == PRL_T_WORD && t->cls == PRL_WC_OPEN && t->role == R_NONE &&
            ends_in(t, "LY"))
            continue;
        /* The object of a negated participle, over one modifier: "has not
         * pursued criminal charges". */
        for (uint32_t j = k, step = 0; m < 2 && step < 2 && j > 0; step++, j--) {
            const ctok *w = &c->tok[j];
            if (w->t->kind != PRL_T_WORD || w->cls != PRL_WC_OPEN ||
                (w->role != R_NONE && w->role != R_AGENT))
                break;
            if (w->role == R_NONE && (ends_in(w, "ED") || ends_in(w, "EN")) &&
                c->tok[j - 1].cls == PRL_WC_NEG)
                return (int)j - 1;
        }
        if (t->slot >= 0) {
            /* The subject: "neither the EU nor the US would endorse";
             * and an open question or condition is no event either:
             * "would not say whether (or not) he supported". */
            const slot *sl = &c->slots[t->slot];
            if (norm_is(&c->tok[sl->s], "NEITHER"))
                return sl->s;
            uint32_t j = sl->s;
            while (j > 0 && c->tok[j - 1].del)
                j--;
            if (j > 0 && norm_is(&c->tok[j - 1], "NEITHER"))
                return (int)j - 1;
            if (j >= 2 && norm_is(&c->tok[j - 1], "NOT") && norm_is(&c->tok[j - 2], "OR"))
                j -= 2;
            if (j > 0 && (norm_is(&c->tok[j - 1], "WHETHER") || norm_is(&c->tok[j - 1], "IF")))
                return (int)j - 1;
        }
        return modal;
    }
    return modal;
}

/* The passive auxiliary (WAS, IS, BEEN ...) one or two words before the
 * verb, adverbs and negation between (TABARI 7.9), or -1. */
int prl_passive_aux(const parley_coder *c, const verbm *v)
{
    for (uint32_t k = v->s, m = 0; k-- > 0 && m < 3; m++) {
        const ctok *t = &c->tok[k];
        if (t->del)
            continue;
        if (t->wflags & PRL_WF_PASSAUX)
            return (int)k;
        if (!adverb_like(c, t) && t->cls != PRL_WC_NEG)
            break;
    }
    return -1;
}

/* A past prl_participle: -ED, -EN or an irregular past form ("held",
 * "shot"). "Is expecting" or "were to storm" are not passives. */
int prl_participle(const parley_coder *c, const verbm *v)
{
    const ctok *t = &c->tok[v->s];
    return ends_in(t, "ED") || ends_in(t, "EN") || (t->wflags & PRL_WF_PAST);
}

/* The event noun object of a light verb: the head of the noun phrase right
 * after it ("held direct talks", "launched an attack", "made an appeal
 * for"), when that head is a verb form of the dictionary. Returns its
 * index in c->verbs, or -1. The phrase runs over determiners, numbers,
 * plain words and verb forms; a prl_participle after a plain word starts a
 * new phrase ("held a press conference discussing ..."). */
int prl_event_noun(const parley_coder *c, size_t vi)
{
    const verbm *v = &c->verbs[vi];
    size_t nv = vi + 1;
    int last = -1;
    int content = 0;
    for (uint32_t k = v->e; k < c->n && k < (uint32_t)v->e + 6u; k++) {
        const ctok *t = &c->tok[k];
        if (t->del)
            break;
        while (nv < c->n_verbs && c->verbs[nv].s < k)
            nv++;
        if (nv < c->n_verbs && c->verbs[nv].s == k) {
            if (content && (ends_in(t, "ING") || ends_in(t, "ED")))
                break;
            last = (int)nv;
            content = 1;
            k = c->verbs[nv].e - 1u;
            continue;
        }
        if (t->cls == PRL_WC_DET || t->cls == PRL_WC_INDEF || t->cls == PRL_WC_POSS ||
            t->t->kind == PRL_T_NUMBER ||
            (t->t->kind == PRL_T_WORD && t->cls == PRL_WC_OPEN && t->role == R_NONE)) {
            if (t->cls == PRL_WC_OPEN || t->t->kind == PRL_T_NUMBER) {
                content = 1;
                last = -1;
            }
            continue;
        }
        break;
    }
    return last;
}

/* Is the slot the object of IN or AT (a place) or of ON, ABOUT or OVER
 * (a topic)? A symmetric event's partner is neither. */
int prl_place_or_topic(const parley_coder *c, int s)
{
    uint32_t p = c->slots[s].s;
    while (p > 0 && c->tok[p - 1].del)
        p--;
    return p > 0 && (norm_is(&c->tok[p - 1], "IN") || norm_is(&c->tok[p - 1], "AT") ||
                     norm_is(&c->tok[p - 1], "ON") || norm_is(&c->tok[p - 1], "ABOUT") ||
                     norm_is(&c->tok[p - 1], "OVER"));
}
