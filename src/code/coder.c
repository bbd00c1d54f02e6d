/* coder.c: the coder: per document, segment the text, then per sentence
 * run the lexical pass (match.c), a TABARI-style shallow parse and the
 * event builder; plus the parley_coder API.
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
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "code/coder.h"
#include "doc.h"
#include "enrich/evidence.h"
#include "enrich/geo.h"

#define STEP_LIMIT 200000u
#define MAX_MEMBERS 16

/* ------------------------------------------------------------------ */
/* Small helpers.                                                       */

static int is_punct(const ctok *t, char ch)
{
    return (t->t->kind == PRL_T_PUNCT || t->t->kind == PRL_T_END) &&
           t->t->len == 1 && t->t->norm[0] == ch;
}

static int is_word(const ctok *t)
{
    return t->t->kind == PRL_T_WORD || t->t->kind == PRL_T_NUMBER;
}

static void tracef(parley_coder *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void tracef(parley_coder *c, const char *fmt, ...)
{
    if (!c->trace)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->tline, sizeof c->tline, fmt, ap);
    va_end(ap);
    c->trace(c->trace_ud, c->tline);
}

/* Code strings live in cbuf during a sentence. */
static uint32_t cb_add(parley_coder *c, const char *s, size_t n)
{
    if (prl_grow(c, (void **)&c->cbuf, &c->cbuf_cap, c->cbuf_len + n + 1, 1))
        return 0;
    uint32_t off = (uint32_t)c->cbuf_len;
    memcpy(c->cbuf + off, s, n);
    c->cbuf[off + n] = 0;
    c->cbuf_len += n + 1;
    return off;
}

static const char *cb_str(const parley_coder *c, uint32_t off)
{
    return c->cbuf + off;
}

static const char *slot_code(const parley_coder *c, const slot *s, unsigned k)
{
    return cb_str(c, c->codes[s->c_first + k]);
}

static int is_null_code(const char *s)
{
    return s[0] == '-' && s[1] == '-' && s[2] == '-' && !s[3];
}

/* Append a code (a cbuf offset) named by tokens [ts, te). Returns 0, or
 * -1 when out of memory. */
static int push_code(parley_coder *c, uint32_t off, uint32_t ts, uint32_t te)
{
    if (prl_grow(c, (void **)&c->codes, &c->cap_codes, c->n_codes + 1, 4) ||
        prl_grow(c, (void **)&c->cspan, &c->cap_cspan, c->n_codes + 1, 4))
        return -1;
    c->cspan[c->n_codes] = (ts & 0xffffu) << 16 | (te & 0xffffu);
    c->codes[c->n_codes++] = off;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Noun phrases.                                                        */

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

/* Past and present forms of saying that are never part of a noun
 * phrase: "Germany said Russia attacked" has two phrases, not one. */
/* ctok.lists: the word lists below, tested for every token many times
 * over, so each token is looked up in them once, by word_lists. */
enum { TL_SAYING = 1, TL_REPORTING = 2 };

static int in_list(const ctok *t, const char *const *w, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (norm_is(t, w[k]))
            return 1;
    return 0;
}

static unsigned word_lists(const ctok *t)
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

static int saying_verb(const ctok *t)
{
    return t->lists & TL_SAYING;
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

static void find_nps(parley_coder *c)
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
    int former = 0;
    unsigned words = 0;
    for (unsigned k = 0; k < m->n; k++) {
        const np *p = &c->nps[m->np[k]];
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

static void build_slots(parley_coder *c)
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

static int is_comma(const ctok *t)
{
    return t->t->kind == PRL_T_PUNCT && t->t->len == 1 &&
           (t->t->norm[0] == ',' || t->t->norm[0] == ';');
}

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

static void comma_clauses(parley_coder *c)
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
        for (unsigned j = 0; j + 1 < k; j++) {
            n = count_words(c, pos[j] + 1, pos[j + 1]);
            if ((int)n >= c->comma_min && (int)n <= c->comma_max)
                del[j] = del[j + 1] = 1;
        }
        for (unsigned j = 0; j + 1 < k; j++) {
            n = count_words(c, pos[j] + 1, pos[j + 1]);
            if ((int)n >= c->comma_min && (int)n <= c->comma_max)
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

static uint32_t next_live(const parley_coder *c, uint32_t i, uint32_t e)
{
    while (i < e && c->tok[i].del)
        i++;
    return i;
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

static void find_clauses(parley_coder *c)
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
                if (!cut && j < c->n && c->tok[j].slot >= 0 &&
                    c->slots[c->tok[j].slot].s == j && c->slots[c->tok[j].slot].coded) {
                    uint32_t k = next_live(c, c->slots[c->tok[j].slot].e, c->n);
                    for (int m = 0; m < 3 && k < c->n && c->tok[k].role != R_VERB &&
                                    (c->tok[k].cls == PRL_WC_AUX || c->tok[k].cls == PRL_WC_MODAL ||
                                     c->tok[k].cls == PRL_WC_NEG);
                         m++)
                        k = next_live(c, k + 1, c->n);
                    if (k < c->n && (c->tok[k].role == R_VERB || saying_verb(&c->tok[k])))
                        cut = 1;   /* "... but media reports said ..." too */
                }
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
            if (k < i && c->tok[k].slot >= 0) {
                uint32_t j = next_live(c, c->slots[c->tok[k].slot].e, i);
                for (int m = 0; m < 3 && j < i && c->tok[j].role != R_VERB &&
                                (c->tok[j].cls == PRL_WC_AUX || c->tok[j].cls == PRL_WC_MODAL ||
                                 c->tok[j].cls == PRL_WC_NEG ||
                                 (c->tok[j].cls == PRL_WC_OPEN && c->tok[j].slot < 0 &&
                                  !saying_verb(&c->tok[j])));
                     m++)
                    j = next_live(c, j + 1, i);
                if (j < i && (c->tok[j].role == R_VERB || saying_verb(&c->tok[j])))
                    cl->indep = 1;
            }
            for (uint32_t t = start; t < i; t++)
                c->tok[t].clause = (uint16_t)c->n_clauses;
            c->n_clauses++;
        }
        start = ns;
    }
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
    if (e->kind == PRL_E_SOURCE)
        m->src = s;
    else if (e->kind == PRL_E_TARGET)
        m->tgt = s;
    else if (e->kind == PRL_E_COMPOUND)
        m->cmp = s;
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
    if (e->kind == PRL_E_SOURCE)
        m->src = s;
    else if (e->kind == PRL_E_TARGET)
        m->tgt = s;
    else if (e->kind == PRL_E_COMPOUND) {
        m->cmp = s;
        m->cmp_left = 1;
    }
    uint32_t p = q;
    while (p > m->lo && c->tok[c->act[p - 1]].slot == s)
        p--;
    /* A target before the verb ("+ * FROM $") describes a passive. */
    if (e->kind == PRL_E_TARGET && p < m->lmin)
        m->lmin = p;
    return (int)p;
}

static int buried_modifier(const parley_coder *c, int s, uint32_t from);

/* Is the pattern element a preposition ("WITH", "AGAINST")? */
static int elem_is_prep(const parley_coder *c, const prl_img_elem *e)
{
    if (e->kind != PRL_E_WORD || (e->arg & PRL_LBL_STEM))
        return 0;
    uint32_t id = PRL_LBL_ID(e->arg);
    return id < c->d->n_words && c->d->words[id].cls == PRL_WC_PREP;
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
    for (uint32_t p = pos; p < m->hi; p++) {
        if (adj && p != pos)
            break;
        if (pobj && p > pos && c->tok[c->act[p]].cls == PRL_WC_PREP &&
            c->tok[c->act[p]].slot < 0)
            break;      /* another preposition: the object did not bind */
        if ((e->kind == PRL_E_TARGET || e->kind == PRL_E_SOURCE) && p > pos) {
            int ts = slot_at_start(c, p);
            if (ts >= 0 && buried_modifier(c, ts, c->act[pos]))
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

static void pres_add(parley_coder *c, uint32_t label)
{
    uint32_t h = pres_slot(label) & (PRL_PRES - 1);
    while (c->pres_gen[h] == c->gen) {
        if (c->pres[h] == label)
            return;
        h = (h + 1) & (PRL_PRES - 1);
    }
    c->pres_gen[h] = c->gen;
    c->pres[h] = label;
}

static int pres_has(const parley_coder *c, uint32_t label)
{
    uint32_t h = pres_slot(label) & (PRL_PRES - 1);
    while (c->pres_gen[h] == c->gen) {
        if (c->pres[h] == label)
            return 1;
        h = (h + 1) & (PRL_PRES - 1);
    }
    return 0;
}

static void pres_fill(parley_coder *c)
{
    if (++c->gen == 0) {
        memset(c->pres_gen, 0, PRL_PRES * sizeof *c->pres_gen);
        if (c->cap_syn)
            memset(c->syn_gen, 0, c->cap_syn * sizeof *c->syn_gen);
        c->gen = 1;
    }
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
/* Events.                                                              */

typedef struct sent_ctx {
    parley_doc *doc;
    uint32_t index;         /* 1-based sentence number */
    uint32_t start, end;
    parley_part part;
    const char *issues;
    int discard;            /* a ### code was hit */
    size_t first_event;     /* doc events of this sentence start here */
} sent_ctx;

static const char *doc_str(parley_doc *doc, const char *s)
{
    return prl_arena_strndup(&doc->arena, s, strlen(s));
}

/* ------------------------------------------------------------------ */
/* Pronoun reference (TABARI 7.7 and its FORWARD option, 8.4).          */

static int reporting_word(const parley_coder *c, const ctok *t);

/* What an antecedent is, for agreement with the pronoun. */
enum { K_PERSON = 1, K_ACTOR = 2, K_AGENT = 4, K_PLURAL = 8 };

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
        if (un->kind == R_AGENT)
            k |= K_AGENT;
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
        return (kind & K_ACTOR) && !(kind & (K_PERSON | K_PLURAL));
    case P_HE:
        return (kind & K_PERSON) && !(kind & K_PLURAL);
    case P_THEY:
        return (kind & (fwd ? K_PLURAL : K_PLURAL | K_AGENT)) != 0;
    default:
        return 0;
    }
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
static void resolve_pronouns(parley_coder *c, const sent_ctx *sc)
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
        tracef(c, "pronoun %.*s: slot %zu takes %s%s", (int)t->t->len, t->t->norm, k,
               slot_code(c, sl, 0), a >= 0 ? "" : " (previous sentence)");
    }
}

/* Remember the sentence's subject for a pronoun opening the next one:
 * the first slot with dictionary codes before the first verb (TABARI's
 * FORWARD: "provided that the actor ... occurred before a verb"). */
static void set_forward(parley_coder *c, const sent_ctx *sc)
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


/* Where an event's words are and how sure the coder is of it. */
typedef struct evid {
    const slot *S, *T;      /* source and target slots; S NULL: no source */
    unsigned i, j;          /* ... and the code of each */
    const verbm *v;
    int conf;               /* confidence before the actors' part */
} evid;

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
static int actor_conf(const char *code, const slot *sl)
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

static int emit(parley_coder *c, sent_ctx *sc, const char *src, const char *tgt,
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
        int conf = ev_in->conf + actor_conf(src, S) + actor_conf(tgt, T);
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
static const char *clean_code(parley_coder *c, uint32_t off, int *subord,
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

static int act_of(const parley_coder *c, uint32_t tok)
{
    return c->actpos[tok];
}

/* The source search: the first slot of clause ci before token `before`
 * with dictionary codes, else with new-actor codes; *null_slot gets the
 * first uncoded one (a pronoun only as a last resort). */
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
 * stands for the speaker ("Trump said he banned travel", TABARI 7.7), and
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
        return c->slots[tk->slot].pron ? from : t;
    }
    return from;
}

static int find_source(const parley_coder *c, unsigned ci, uint32_t before,
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
    for (uint32_t t = from; t < before && t < cl->e; t++) {
        const ctok *tk = &c->tok[t];
        if (tk->del || tk->slot < 0 || c->slots[tk->slot].s != t)
            continue;
        const slot *sl = &c->slots[tk->slot];
        if (tk->slot == avoid)
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

static int same_codes(const parley_coder *c, int a, int b)
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
static int buried_modifier(const parley_coder *c, int s, uint32_t from)
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

/* The target search: the first slot after token `after` in clause ci and
 * the dependent clauses after it, with dictionary codes (else new-actor
 * codes) that differ from the source's; *tclause gets its clause and
 * *null_slot the first uncoded slot of clause ci from token nulls_from
 * (after the words the verb's pattern matched: "burned down its embassy"
 * has the target "its embassy", not "down"). */
static int find_target(const parley_coder *c, unsigned ci, uint32_t after,
                       int src, unsigned *tclause, int *null_slot,
                       uint32_t nulls_from)
{
    *null_slot = -1;
    int lvl1 = -1;
    unsigned lvl1_clause = ci;
    for (unsigned k = ci; k < c->n_clauses; k++) {
        /* A relative clause after a comma is about the noun before it,
         * which the search has passed: "attacked the town, which Ukraine
         * held". A restrictive one (no comma) is part of the object. */
        if (k > ci && (c->clauses[k].indep ||
                       (c->clauses[k].rel && c->clauses[k].s > 0 &&
                        is_comma(&c->tok[c->clauses[k].s - 1]))))
            break;
        const clause *cl = &c->clauses[k];
        for (uint32_t t = k == ci ? after : cl->s; t < cl->e; t++) {
            const ctok *tk = &c->tok[t];
            if (tk->del || tk->slot < 0 || c->slots[tk->slot].s != t)
                continue;
            const slot *sl = &c->slots[tk->slot];
            if (tk->slot == src)
                continue;
            /* A subject pronoun stands for a source, never a target. */
            if (sl->coref && tk->cls != PRL_WC_POSS)
                continue;
            if (sl->coded && k == ci && buried_modifier(c, tk->slot, after))
                continue;
            if (sl->coded && !same_codes(c, src, tk->slot)) {
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
static uint32_t passive_by(const parley_coder *c, const verbm *v)
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
static int negation_at(const parley_coder *c, const verbm *v)
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
static int passive_aux(const parley_coder *c, const verbm *v)
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

/* A past participle: -ED, -EN or an irregular past form ("held",
 * "shot"). "Is expecting" or "were to storm" are not passives. */
static int participle(const parley_coder *c, const verbm *v)
{
    const ctok *t = &c->tok[v->s];
    return ends_in(t, "ED") || ends_in(t, "EN") || (t->wflags & PRL_WF_PAST);
}

/* The event noun object of a light verb: the head of the noun phrase right
 * after it ("held direct talks", "launched an attack", "made an appeal
 * for"), when that head is a verb form of the dictionary. Returns its
 * index in c->verbs, or -1. The phrase runs over determiners, numbers,
 * plain words and verb forms; a participle after a plain word starts a
 * new phrase ("held a press conference discussing ..."). */
static int event_noun(const parley_coder *c, size_t vi)
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

/* A code that is the same seen from either side: a paired code [x:x], or
 * cooperation that a group does among itself (meet or negotiate, consult,
 * cooperate, sign an agreement). "Israel and Egypt held talks" is talks
 * between them. */
static int symmetric_code(const char *code1, const char *code2)
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

/* Is the slot the object of IN or AT: a place? */
static int after_place(const parley_coder *c, int s)
{
    uint32_t p = c->slots[s].s;
    while (p > 0 && c->tok[p - 1].del)
        p--;
    return p > 0 && (norm_is(&c->tok[p - 1], "IN") || norm_is(&c->tok[p - 1], "AT"));
}

enum { V_NONE = 0, V_CODED, V_SUBORD, V_NEG };

static const char *verb_text(parley_coder *c, sent_ctx *sc, const verbm *v)
{
    const prl_token *a = c->tok[v->s].t, *b = c->tok[v->e - 1].t;
    return prl_arena_strndup(&sc->doc->arena, c->text + a->start, b->end - a->start);
}

static const char *origin_text(parley_coder *c, sent_ctx *sc, uint32_t file,
                               uint32_t line)
{
    char buf[600];
    snprintf(buf, sizeof buf, "%s:%u", prl_dict_str(c->d, file), (unsigned)line);
    return doc_str(sc->doc, buf);
}

static int code_verb(parley_coder *c, sent_ctx *sc, unsigned ci, const verbm *v,
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
    int neg = negation_at(c, v);
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
        noun_vi = event_noun(c, (size_t)(v - c->verbs));
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
            const prl_img_pattern *p = &d->patterns[blk->first_pattern + k];
            /* The key test first: it is in the pattern and usually fails,
             * and saves reading the code's string. */
            if (p->key != PRL_NONE && !pres_has(c, p->key))
                continue;
            const char *pc = prl_dict_str(d, d->vcodes[p->vcode].code);
            if (pc[0] == '+' && strcmp(pc, "+++") == 0)
                continue;
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
        tracef(c, "verb %.*s: negated by %.*s, no pattern codes the negation%s",
               (int)(c->tok[v->e - 1].t->end - c->tok[v->s].t->start),
               c->text + c->tok[v->s].t->start, (int)c->tok[neg].t->len,
               c->tok[neg].t->norm, chain ? " (passed on)" : "");
        return chain ? V_NONE : V_NEG;
    }
    if (noun_vi >= 0 && !bp) {
        const verbm *nv = &c->verbs[noun_vi];
        tracef(c, "verb %.*s: light verb, its event noun %.*s codes",
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
    clean_code(c, vc->code, &subord, code1, sizeof code1);
    int sub2;
    clean_code(c, vc->code2, &sub2, code2, sizeof code2);
    clean_code(c, vc->passive, &sub2, codep, sizeof codep);
    tracef(c, "verb %.*s: %s %s:%u code %s", (int)(c->tok[v->e - 1].t->end - c->tok[v->s].t->start),
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
    /* Passive voice: an auxiliary and a participle ("was sentenced"), not
     * raising ("is said to be", "is expected to visit"), and a pattern, if
     * any, that matched nothing before the verb: one that did ("+ * FROM
     * $", "WAS_* BY") describes the construction itself. */
    int aux = passive_aux(c, v);
    int aux_act = aux >= 0 ? act_of(c, (uint32_t)aux) : -1;
    int pv = aux_act >= 0 && participle(c, v) && !recip &&
             !(have && best.lmin <= (uint32_t)aux_act);
    if (!pv && aux < 0 && participle(c, v) && !recip && !(have && best.lmin != UINT32_MAX)) {
        /* A participle right before BY without an auxiliary is a passive
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
        int subj = find_source(c, ci, v->s, -1, &nulls);
        if (subj < 0)
            subj = nulls;
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
                t = find_target(c, ci, v->e, subj, &tc, &nt, v->e);
            }
            uint32_t p = t >= 0 ? c->slots[t].s : 0;
            while (p > 0 && c->tok[p - 1].del)
                p--;
            if (t < 0 || (p > 0 && (norm_is(&c->tok[p - 1], "IN") ||
                                    norm_is(&c->tok[p - 1], "AT")))) {
                src = -1;
                tgt = subj;
                agentless = 1;
            }
        }
    }
    if (!designated && !agentless) {
        uint32_t by = passive_by(c, v);
        if (by && by < c->n && c->tok[by].slot >= 0 && c->slots[c->tok[by].slot].coded) {
            int subj = find_source(c, ci, v->s, -1, &nulls);
            if (subj >= 0) {
                src = c->tok[by].slot;
                tgt = subj;
                passive = 1;
            }
        }
    }
    unsigned tcl = ci;
    if (src < 0 && !recip && !agentless) {
        src = find_source(c, ci, v->s, tgt, &nulls);
        if (src >= 0 && tgt >= 0 && same_codes(c, tgt, src)) {
            /* TABARI 5.8: with a designated target, the source is the
             * first actor whose code differs. */
            int s2 = -1;
            const clause *cc = &c->clauses[ci];
            for (uint32_t t = cc->s; t < v->s; t++)
                if (!c->tok[t].del && c->tok[t].slot >= 0 && c->tok[t].slot != tgt &&
                    c->tok[t].slot != src && c->slots[c->tok[t].slot].coded &&
                    !same_codes(c, tgt, c->tok[t].slot)) {
                    s2 = c->tok[t].slot;
                    break;
                }
            src = s2;
        }
        if (src < 0 && inherit >= 0)
            src = inherit;
        if (src < 0 && tgt >= 0 && designated && nulls < 0) {
            /* a designated target before the verb: source from the
             * sentence start (not past an uncoded subject of the verb's
             * own: "said the draft violated agreements with Ukraine") */
            for (uint32_t t = 0; t < v->s; t++)
                if (!c->tok[t].del && c->tok[t].slot >= 0 && c->tok[t].slot != tgt &&
                    c->slots[c->tok[t].slot].coded && !c->slots[c->tok[t].slot].coref) {
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
        tgt = find_target(c, ci, after, src, &tcl, &nullt, nulls_from);
        int sym = src >= 0 && c->slots[src].compound && c->slots[src].coded &&
                  symmetric_code(code1, code2);
        /* A symmetric event (meet, consult, negotiate, cooperate, sign)
         * has a partner, not a place: "The Taliban met with Khalilzad in
         * Qatar" is no meeting with Qatar, and "Israel and Egypt held
         * talks in Cairo" are talks between them. */
        int symc = symmetric_code(code1, code2);
        for (int guard = 0; tgt >= 0 && symc && guard < 8 && after_place(c, tgt); guard++) {
            int nt2;
            tgt = find_target(c, tcl, c->slots[tgt].e, src, &tcl, &nt2, c->slots[tgt].e);
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
    } else if (designated && tgt != src && symmetric_code(code1, code2) &&
               after_place(c, tgt) && !(have && best.rend == (uint32_t)act_of(c, c->slots[tgt].s))) {
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
            tracef(c, "verb %.*s: inside a quotation, an actor outside it",
                   (int)(c->tok[v->e - 1].t->end - c->tok[v->s].t->start),
                   c->text + c->tok[v->s].t->start);
            return V_NONE;
        }
    }
    const char *use = ((passive || agentless) && *codep) ? codep : code1;
    const char *vt = verb_text(c, sc, v);
    const char *pat = bp ? origin_text(c, sc, bp->file, bp->line)
                         : origin_text(c, sc, vf_used->file, vf_used->line);
    const slot *T = &c->slots[tgt];
    int n = 0;
    /* Confidence (docs/coding.md): a pattern that matched is surer than
     * the verb's own code; a headline, a passive without agent and a long
     * sentence are less sure; actor_conf takes off for the actors. */
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
            n += emit(c, sc, "---", b, use, vt, pat, subord, &ed, 0);
            if (*code2)
                n += emit(c, sc, b, "---", code2, vt, pat, subord, &ed, 1);
        }
        *used_src = tgt;
        *tclause = tcl;
        tracef(c, "  passive without agent: no source, target slot %d: %d events", tgt, n);
        return subord ? V_SUBORD : V_CODED;
    }
    const slot *S = &c->slots[src];
    ed.S = S;
    for (unsigned i = 0; i < S->c_n; i++)
        for (unsigned j = 0; j < T->c_n; j++) {
            const char *a = slot_code(c, S, i), *b = slot_code(c, T, j);
            ed.i = i;
            ed.j = j;
            n += emit(c, sc, a, b, use, vt, pat, subord, &ed, 0);
            if (*code2)
                n += emit(c, sc, b, a, code2, vt, pat, subord, &ed, 1);
        }
    *used_src = passive ? tgt : src;
    *tclause = tcl;
    tracef(c, "  source slot %d, target slot %d%s: %d events", src, tgt,
           passive ? " (passive)" : "", n);
    /* A verb with a subject and an object is this clause's verb even when
     * its events are dropped (null actors under require_dyad). */
    return subord ? V_SUBORD : V_CODED;
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
    tracef(c, "tokens: %s", buf);
    for (size_t s = 0; s < c->n_slots; s++) {
        const slot *sl = &c->slots[s];
        len = 0;
        for (unsigned k = 0; k < sl->c_n && len + 20 < sizeof buf; k++)
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", k ? "," : "",
                                    slot_code(c, sl, k));
        tracef(c, "slot %zu [%u,%u) %s%s%s", s, sl->s, sl->e, buf, sl->compound ? " compound" : "",
               sl->shadow ? " (link object)" : "");
    }
    for (size_t k = 0; k < c->n_clauses; k++)
        tracef(c, "clause %zu [%u,%u)%s%s", k, c->clauses[k].s, c->clauses[k].e,
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
    prl_lex_tokens(c, toks, n);
    for (uint32_t i = 0; i < n; i++)
        c->tok[i].lists = (uint8_t)word_lists(&c->tok[i]);
    pres_fill(c);
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
        tracef(c, "discard %s at %s:%u", e->flags & 1 ? "story" : "sentence",
               prl_dict_str(c->d, e->file), (unsigned)e->line);
        return (e->flags & 1) ? 1 : 0;
    }

    prl_find_units(c);
    prl_find_verbs(c);
    find_nps(c);
    build_slots(c);
    /* Evidence grading (src/enrich/evidence.c) needs every actor the
     * sentence names, whether or not an event uses it. */
    for (size_t k = 0; k < c->n_slots; k++)
        for (unsigned j = 0; j < c->slots[k].c_n; j++)
            if (prl_evidence_mention(sc->doc, sc->index, sc->part,
                                     slot_code(c, &c->slots[k], j)))
                c->oom = 1;
    comma_clauses(c);
    if (c->oom)
        return 0;
    c->n_act = 0;
    for (uint32_t i = 0; i < n; i++) {
        c->actpos[i] = c->tok[i].del ? -1 : (int32_t)c->n_act;
        if (!c->tok[i].del)
            c->act[c->n_act++] = i;
    }
    find_clauses(c);
    issues_of(c, sc);
    resolve_pronouns(c, sc);
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
            int r = code_verb(c, sc, ci, v, inherit, &used, &tcl);
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
        } else if (!coded && last_src < 0) {
            int nul;
            int s = find_source(c, ci, cl->e, -1, &nul);
            if (s >= 0)
                last_src = s;
        }
        if (coded && !cl->adjunct)
            for (unsigned k = ci + 1; k < c->n_clauses && !c->clauses[k].indep; k++)
                c->clauses[k].done = 1;
        cl->done = 1;
    }
    set_forward(c, sc);
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
            doc->n_events = 0;
            return prl_evidence_grade(doc);
        }
        if (sc.discard) {
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
    prl_free(&a, c);
}
