/* match.c: the lexical pass of the coder: each token is looked up once
 * (interned word id, TABARI stems, closed word class, syntax.c's word
 * lists; recent texts from a small cache), then actors,
 * agents and verbs are found by walking the image's tries, longest match
 * first, and verbs that are really nouns are demoted (TABARI 7.4).
 *
 * Phrase words joined by '_' must be adjacent; words separated by a blank
 * may have up to PRL_GAP plain words between them ("ITHILEN TELEVISION"
 * matches "Ithilen state-run television"), as in TABARI. */
#include <string.h>

#include "code/coder.h"
#include "code/sentence.h"     /* prl_word_lists, norm_is */

#define PRL_GAP 2

int prl_grow(parley_coder *c, void **p, size_t *cap, size_t n, size_t item)
{
    if (n <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 64;
    while (nc < n)
        nc *= 2;
    void *q = prl_realloc(&c->alloc, *p, nc * item);
    if (!q) {
        c->oom = 1;
        return -1;
    }
    *p = q;
    *cap = nc;
    return 0;
}

/* The lexical pass remembers the lookups of recent token texts: a text
 * recurs (THE, SAID, a name through a story), and its lookup (hash slot,
 * word, string, stems; and syntax.c's word lists) reads lines of a
 * dictionary far bigger than the cache each time. Per coder, 256 KB,
 * direct-mapped by the text's hash; texts of up to LEX_KEY bytes. */
#define LEX_CACHE 4096u
#define LEX_KEY 35u

struct prl_lexent {
    char key[LEX_KEY];
    uint8_t len;                /* 0: empty */
    uint32_t word;
    uint8_t cls, wflags, wstarts, n_stems;
    uint8_t sstarts;            /* the stems' starts */
    uint8_t lists;              /* prl_word_lists */
    uint32_t stems[PRL_MAX_STEMS];
};

/* The cache, allocated on first use; NULL when out of memory (then every
 * token is looked up: the cache only saves time). */
static struct prl_lexent *lex_cache(parley_coder *c)
{
    if (!c->lexcache && !c->lexcache_mem) {
        /* One entry per cache line: 64-byte aligned. */
        c->lexcache_mem = prl_calloc(&c->alloc, LEX_CACHE * sizeof *c->lexcache + 64);
        if (c->lexcache_mem)
            c->lexcache = (struct prl_lexent *)(((uintptr_t)c->lexcache_mem + 63) &
                                                ~(uintptr_t)63);
    }
    return c->lexcache;
}

static int lex_hit(const struct prl_lexent *e, const prl_token *tk)
{
    if (e->len != tk->len)
        return 0;
    for (uint32_t i = 0; i < tk->len; i++)
        if (e->key[i] != tk->norm[i])
            return 0;
    return 1;
}

/* Fill token t (its text tk) from a cache entry. */
static void lex_fill(ctok *t, const prl_token *tk, const struct prl_lexent *e)
{
    t->word = e->word;
    t->cls = e->cls;
    t->wflags = e->wflags;
    t->starts = e->wstarts;
    t->lists = e->lists;
    if (tk->kind == PRL_T_WORD) {
        t->n_stems = e->n_stems;
        memcpy(t->stems, e->stems, sizeof t->stems);
        t->starts |= e->sstarts;
    }
}

/* Look token i up in the dictionary (h: its text's hash) and remember
 * the result in the cache. */
static void lex_lookup(parley_coder *c, struct prl_lexent *cache, uint32_t i, uint32_t h)
{
    const parley_dict *d = c->d;
    const prl_token *tk = c->tok[i].t;
    struct prl_lexent e;
    memset(&e, 0, sizeof e);
    e.word = prl_dict_word_hashed(d, tk->norm, tk->len, h);
    if (e.word != PRL_NONE) {
        e.cls = d->words[e.word].cls;
        e.wflags = d->words[e.word].flags;
        e.wstarts = d->words[e.word].starts;
    }
    e.n_stems = (uint8_t)prl_dict_stems(d, tk->norm, tk->len, e.stems, PRL_MAX_STEMS);
    for (unsigned k = 0; k < e.n_stems; k++)
        e.sstarts |= d->stems[e.stems[k]].starts;
    e.lists = (uint8_t)prl_word_lists(&c->tok[i]);
    lex_fill(&c->tok[i], tk, &e);
    if (cache && tk->len <= LEX_KEY) {
        memcpy(e.key, tk->norm, tk->len);
        e.len = (uint8_t)tk->len;
        cache[h & (LEX_CACHE - 1)] = e;
    }
}

void prl_lex_tokens(parley_coder *c, const prl_token *toks, uint32_t n)
{
    _Static_assert(sizeof(struct prl_lexent) == 64, "a cache entry is one line");
    const parley_dict *d = c->d;
    uint32_t mask = d->n_whash - 1;
    struct prl_lexent *cache = lex_cache(c);
    /* Tokens found in the cache are done at once; the others (missed[])
     * are looked up below. Their hash slots are asked for first, then the
     * words the slots name: the lookups then find their lines in cache
     * instead of missing one after the other. */
    uint32_t missed[PARLEY_MAX_SENTENCE_TOKENS];
    uint32_t n_missed = 0;
    for (uint32_t i = 0; i < n; i++) {
        ctok *t = &c->tok[i];
        const prl_token *tk = &toks[i];
        memset(t, 0, sizeof *t);
        t->t = tk;
        t->slot = -1;
        t->word = PRL_NONE;
        if (tk->len == 0)
            continue;
        uint32_t h = prl_dict_word_hash(tk->norm, tk->len);
        if (cache && lex_hit(&cache[h & (LEX_CACHE - 1)], tk)) {
            lex_fill(t, tk, &cache[h & (LEX_CACHE - 1)]);
        } else if (n_missed < PARLEY_MAX_SENTENCE_TOKENS) {
            t->word = h;    /* for the moment */
            __builtin_prefetch(&d->whash[h & mask]);
            missed[n_missed++] = i;
        } else {
            lex_lookup(c, cache, i, h);
        }
    }
    for (uint32_t k = 0; k < n_missed; k++) {
        uint32_t v = d->whash[c->tok[missed[k]].word & mask];
        if (v)
            __builtin_prefetch(&d->words[v - 1]);
    }
    for (uint32_t k = 0; k < n_missed; k++)
        lex_lookup(c, cache, missed[k], c->tok[missed[k]].word);
}

int prl_tok_matches(const parley_coder *c, uint32_t i, uint32_t label)
{
    const ctok *t = &c->tok[i];
    uint32_t id = PRL_LBL_ID(label);
    if (label & PRL_LBL_STEM) {
        for (unsigned k = 0; k < t->n_stems; k++)
            if (t->stems[k] == id)
                return 1;
        return 0;
    }
    return t->word == id;
}

/* May a token be skipped inside a blank-separated dictionary phrase? */
static int skippable(const parley_coder *c, uint32_t i)
{
    const ctok *t = &c->tok[i];
    if (t->t->kind != PRL_T_WORD && t->t->kind != PRL_T_NUMBER)
        return 0;
    return t->cls == PRL_WC_OPEN || t->cls == PRL_WC_GEN;
}

/* Depth-first walk; *budget bounds the work so that a pathological text
 * ("A A A A ...") against a long gapped phrase stays linear. */
static void walk(const parley_coder *c, uint32_t node, uint32_t pos, int adj,
                 uint32_t *best_end, uint32_t *best_val, unsigned *budget)
{
    const parley_dict *d = c->d;
    uint32_t maxgap = adj ? 0 : PRL_GAP;
    if (*budget == 0)
        return;
    (*budget)--;
    if (d->nodes[node].n_edges == 0)
        return;             /* a leaf: most nodes are */
    for (uint32_t g = 0; g <= maxgap && pos + g < c->n; g++) {
        if (g > 0 && !skippable(c, pos + g - 1))
            break;
        uint32_t i = pos + g;
        const ctok *t = &c->tok[i];
        uint32_t labels[1 + PRL_MAX_STEMS];
        unsigned nl = 0;
        if (t->word != PRL_NONE)
            labels[nl++] = PRL_LBL(t->word, 0);
        for (unsigned k = 0; k < t->n_stems; k++)
            labels[nl++] = PRL_LBL(t->stems[k], 1);
        for (unsigned k = 0; k < nl; k++) {
            uint32_t kids[2];
            prl_dict_child2(d, node, labels[k], &kids[0], &kids[1]);
            for (int j = 0; j < 2; j++) {
                uint32_t ch = kids[j];
                if (ch == PRL_NONE)
                    continue;
                if (d->nodes[ch].value && i + 1 > *best_end) {
                    *best_end = i + 1;
                    *best_val = d->nodes[ch].value;
                }
                walk(c, ch, i + 1, j, best_end, best_val, budget);
            }
        }
    }
}

/* prl_walk_trie (coder.h) for a token that starts a phrase of the trie. */
uint32_t prl_walk_trie_from(const parley_coder *c, int trie, uint32_t at,
                            uint32_t *end)
{
    uint32_t best_end = 0, best_val = 0;
    unsigned budget = 4096;
    walk(c, c->d->h->roots[trie], at, 1, &best_end, &best_val, &budget);
    *end = best_end;
    return best_val;
}

/* The actor code in force on the document date: the first dated code
 * whose range holds the date, else the first undated one. */
static const char *actor_code(const parley_coder *c, const prl_img_entry *e)
{
    const parley_dict *d = c->d;
    if (e->first > d->n_codes || e->n > d->n_codes - e->first)
        return NULL;
    const char *dflt = NULL;
    for (uint32_t k = 0; k < e->n; k++) {
        const prl_img_code *pc = &d->codes[e->first + k];
        if (pc->from == 0 && pc->to == 0) {
            if (!dflt)
                dflt = prl_dict_str(d, pc->code);
            continue;
        }
        if (c->date && (pc->from == 0 || c->date >= pc->from) &&
            (pc->to == 0 || c->date <= pc->to))
            return prl_dict_str(d, pc->code);
    }
    return dflt;
}

void prl_find_units(parley_coder *c)
{
    const parley_dict *d = c->d;
    c->n_units = 0;
    const unsigned unit_tries = 1u << PRL_TRIE_ACTOR | 1u << PRL_TRIE_AGENT;
    for (uint32_t i = 0; i < c->n;) {
        /* Most tokens start no phrase: no walks for them. */
        if ((c->tok[i].t->kind != PRL_T_WORD && c->tok[i].t->kind != PRL_T_NUMBER) ||
            !(c->tok[i].starts & unit_tries)) {
            i++;
            continue;
        }
        uint32_t ae = 0, ge = 0;
        uint32_t av = prl_walk_trie(c, PRL_TRIE_ACTOR, i, &ae);
        uint32_t gv = prl_walk_trie(c, PRL_TRIE_AGENT, i, &ge);
        const char *acode = NULL;
        if (av) {
            acode = actor_code(c, &d->entries[av - 1]);
            if (!acode || !*acode)
                av = 0;
        }
        if (!av && !gv) {
            i++;
            continue;
        }
        if (prl_grow(c, (void **)&c->units, &c->cap_units, c->n_units + 1,
                     sizeof(unit)))
            return;
        unit *u = &c->units[c->n_units];
        memset(u, 0, sizeof *u);
        u->s = (uint16_t)i;
        if (av && (!gv || ae >= ge)) {
            u->kind = R_ACTOR;
            u->e = (uint16_t)ae;
            u->entry = av - 1;
            u->code = acode;
            u->null = strcmp(acode, "---") == 0;
        } else {
            const prl_img_entry *e = &d->entries[gv - 1];
            if (e->n < 1 || e->first >= d->n_codes) {
                i++;
                continue;
            }
            u->kind = R_AGENT;
            u->e = (uint16_t)ge;
            u->entry = gv - 1;
            u->code = prl_dict_str(d, d->codes[e->first].code);
            u->prefix = (uint8_t)(e->flags & 1);
        }
        for (uint32_t k = u->s; k < u->e; k++) {
            c->tok[k].role = u->kind;
            c->tok[k].unit = (uint16_t)c->n_units;
        }
        c->n_units++;
        i = u->e;
    }
}

static int ends_with(const prl_token *t, const char *suf)
{
    size_t n = strlen(suf);
    return t->len >= n + 2 && memcmp(t->norm + t->len - n, suf, n) == 0;
}

/* A bare form: not -ED, -ING, -S or -EN ("taken"; "open" is bare), so it
 * can be a noun after a determiner even when adjectives intervene ("an
 * anti- Gondor parade"). */
static int bare_form(const prl_token *t)
{
    return !ends_with(t, "ED") && !ends_with(t, "ING") && !ends_with(t, "S") &&
           (!ends_with(t, "EN") || strcmp(t->norm, "OPEN") == 0);
}

/* An event word heading an adverbial phrase (after, despite, amid, from,
 * against ...), or a noun phrase opened by THE with dates or plain
 * modifiers in between, is a noun: "despite criticism by the minister",
 * "from missile strike on Iraqi air base", "after protests in the
 * legislature", "the December 31 attack on the embassy", "the week of
 * pro-Democracy protests against the government". Such a phrase
 * names an event of someone the clause does not say. Prepositions that
 * attach to the clause's verb keep its subject as the noun's actor
 * ("engaged in ethnic cleansing", "responsible for mass killings",
 * "resorted to throwing stones during demonstrations", the CAMEO
 * manual's examples), and an actor in between makes a subject ("after
 * Russia attacks Kyiv"). */
static int object_noun(const parley_coder *c, uint32_t i)
{
    static const char *const no_subject[] = {"AFTER", "BEFORE", "SINCE", "UNTIL", "DESPITE", "OF",
                                             "AMID", "FROM", "AGAINST"};
    for (uint32_t k = i, m = 0; k-- > 0 && m < 6; m++) {
        const ctok *p = &c->tok[k];
        if (p->cls == PRL_WC_PREP || p->cls == PRL_WC_SUB) {
            for (size_t s = 0; s < sizeof no_subject / sizeof no_subject[0]; s++)
                if (p->t->len == strlen(no_subject[s]) &&
                    memcmp(p->t->norm, no_subject[s], p->t->len) == 0)
                    return 1;
            return 0;
        }
        if (p->cls == PRL_WC_DET)
            return m > 0 && p->t->len == 3 && memcmp(p->t->norm, "THE", 3) == 0;
        if (p->cls == PRL_WC_INDEF)
            return m > 0;
        if (p->t->kind == PRL_T_PUNCT && (p->t->norm[0] == '"' || p->t->norm[0] == '\''))
            continue;
        /* An agent modifies a bare form in running text ("the military
         * strike", "a television host"); a headline's present tense keeps
         * it a subject ("Police shoot man"), and so does an -S form ("The
         * President insists"). */
        if (p->role == R_AGENT && !c->headline && !ends_with(c->tok[i].t, "S"))
            continue;
        if (p->role != R_NONE || (p->t->kind != PRL_T_NUMBER &&
                                  (p->t->kind != PRL_T_WORD || p->cls != PRL_WC_OPEN)))
            return 0;
    }
    return 0;
}

/* Title-case headlines capitalize verbs too; body text capitalizes
 * names ("Tyumen State Medical University"), not verbs. A headline is
 * title case when most of its words are capitalized. Any other sentence
 * (a headline given with --input lines, `parley explain`) is title case
 * when its open-class words outside actors and agents, after the first,
 * are capitalized with at most one exception in five ("U.S. and Hamas
 * Hold Direct Talks on Hostages in Gaza"): a body sentence always has
 * lower-case verbs and nouns. Asked only for a capitalized verb, so it
 * may come after prl_find_verbs marked some verbs: those were R_NONE. */
static int title_case(const parley_coder *c)
{
    unsigned words = 0, caps = 0, open = 0, lower = 0;
    for (uint32_t i = 0; i < c->n; i++) {
        const ctok *t = &c->tok[i];
        if (t->t->kind != PRL_T_WORD)
            continue;
        words++;
        caps += (t->t->flags & PRL_TF_CAP) != 0;
        if (words > 1 && t->cls == PRL_WC_OPEN && (t->role == R_NONE || t->role == R_VERB) &&
            !(t->t->flags & PRL_TF_ALLCAP) && t->t->len > 1) {
            open++;
            lower += (t->t->flags & PRL_TF_CAP) == 0;
        }
    }
    return (c->headline && words && caps * 2 > words) || (open >= 3 && lower * 5 <= open);
}

void prl_find_verbs(parley_coder *c)
{
    const parley_dict *d = c->d;
    c->n_verbs = 0;
    int titlecase = -1;     /* title_case(c), once a verb asks */
    for (uint32_t i = 0; i < c->n;) {
        const ctok *t = &c->tok[i];
        if (t->role || t->t->kind != PRL_T_WORD || t->cls == PRL_WC_MODAL ||
            !(t->starts & 1u << PRL_TRIE_VERB)) {
            i++;
            continue;
        }
        uint32_t end = 0;
        uint32_t v = prl_walk_trie(c, PRL_TRIE_VERB, i, &end);
        if (!v) {
            i++;
            continue;
        }
        /* A verb may not run into an actor or agent. */
        int clash = 0;
        for (uint32_t k = i; k < end; k++)
            clash |= c->tok[k].role != R_NONE;
        if (clash) {
            i++;
            continue;
        }
        uint8_t noun = 0;
        const ctok *prev = i ? &c->tok[i - 1] : NULL;
        if (prev && (prev->cls == PRL_WC_DET || prev->cls == PRL_WC_INDEF ||
                     prev->cls == PRL_WC_POSS || prev->cls == PRL_WC_GEN))
            noun = 1;
        /* A participle between a number, a preposition or a verb and a
         * noun modifies the noun: "1,217 pledged delegates", "into alleged
         * misconduct", "extradite accused criminals"; also after a
         * gerund that is no dictionary verb: "guarding captured fighters". */
        if (!noun && prev && end == i + 1 && end < c->n &&
            (ends_with(t->t, "ED") || ends_with(t->t, "EN")) &&
            (prev->t->kind == PRL_T_NUMBER || prev->cls == PRL_WC_PREP ||
             prev->role == R_VERB ||
             (prev->role == R_NONE && prev->cls == PRL_WC_OPEN &&
              prev->t->kind == PRL_T_WORD && prev->t->len >= 6 &&
              !(prev->t->flags & PRL_TF_CAP) && ends_with(prev->t, "ING") &&
              !(prev->t->len == 7 && (memcmp(prev->t->norm, "MORNING", 7) == 0 ||
                                      memcmp(prev->t->norm, "EVENING", 7) == 0))))) {
            const ctok *nx = &c->tok[end];
            if (nx->t->kind == PRL_T_WORD &&
                ((nx->cls == PRL_WC_OPEN && nx->role == R_NONE) || nx->role == R_ACTOR ||
                 nx->role == R_AGENT))
                noun = 1;
        }
        /* A gerund after a noun and ON, FROM, ABOUT or OVER complements
         * the noun, with no subject of its own: "restrictions on flying
         * to Cuba", "a law from allowing"; not IN or OF, which go on
         * with the clause's subject ("forceful in blaming Iran", "the
         * process of returning the gorillas"). */
        if (!noun && i >= 2 && ends_with(t->t, "ING") && prev->cls == PRL_WC_PREP &&
            (norm_is(prev, "ON") || norm_is(prev, "FROM") || norm_is(prev, "ABOUT") ||
             norm_is(prev, "OVER"))) {
            const ctok *pp = &c->tok[i - 2];
            if (pp->role == R_NONE && pp->cls == PRL_WC_OPEN && pp->t->kind == PRL_T_WORD &&
                !(pp->t->flags & PRL_TF_CAP) && !ends_with(pp->t, "ED") &&
                !ends_with(pp->t, "ING"))
                noun = 1;
        }
        if (!noun && prev && (t->t->flags & PRL_TF_CAP) &&
            !(t->t->flags & PRL_TF_ALLCAP) && prev->t->kind == PRL_T_WORD) {
            if (titlecase < 0)
                titlecase = title_case(c);
            noun = !titlecase;
        }
        if (!noun && bare_form(t->t) && !(t->wflags & PRL_WF_PAST)) {
            /* Scan left over the noun phrase: an indefinite article or a
             * possessive pronoun before it makes this a noun. */
            for (uint32_t k = i, m = 0; k-- > 0 && m < 5; m++) {
                const ctok *p = &c->tok[k];
                if (p->cls == PRL_WC_INDEF || p->cls == PRL_WC_POSS) {
                    noun = 1;
                    break;
                }
                if (p->t->kind != PRL_T_WORD && p->t->kind != PRL_T_NUMBER &&
                    !(p->t->kind == PRL_T_PUNCT && p->t->len == 1 &&
                      p->t->norm[0] == '-'))
                    break;
                /* "a full and open investigation": modifiers joined */
                if (p->cls == PRL_WC_CONJ && k > 0 && c->tok[k - 1].role == R_NONE &&
                    c->tok[k - 1].cls == PRL_WC_OPEN && c->tok[k - 1].t->kind == PRL_T_WORD)
                    continue;
                if (p->role == R_VERB || (p->cls != PRL_WC_OPEN && p->role == R_NONE))
                    break;
            }
        }
        if (!noun && bare_form(t->t) && !(t->wflags & PRL_WF_PAST)) {
            /* "the first state", "the border state": THE and plain
             * modifiers only (an actor in between makes it a subject:
             * "The Philippines agree"). */
            for (uint32_t k = i, m = 0; k-- > 0 && m < 4; m++) {
                const ctok *p = &c->tok[k];
                if (p->cls == PRL_WC_DET) {
                    noun = m > 0;
                    break;
                }
                if (p->t->kind != PRL_T_WORD || p->role != R_NONE || p->cls != PRL_WC_OPEN)
                    break;
            }
        }
        if (!noun && !ends_with(t->t, "ING") && !ends_with(t->t, "ED") &&
            !(t->wflags & PRL_WF_PAST))
            noun = object_noun(c, i);
        if (t->cls == PRL_WC_AUX) {
            /* HAS, HAVE, DO ... are verbs only when no verb follows. */
            uint32_t j = end;
            while (j < c->n && c->tok[j].cls == PRL_WC_NEG)
                j++;
            if (j < c->n) {
                const ctok *nx = &c->tok[j];
                uint32_t e2;
                if (nx->cls == PRL_WC_AUX || nx->cls == PRL_WC_MODAL ||
                    (nx->role == R_NONE && nx->t->kind == PRL_T_WORD &&
                     (ends_with(nx->t, "ED") || ends_with(nx->t, "EN") ||
                      prl_walk_trie(c, PRL_TRIE_VERB, j, &e2))))
                    noun = 2;
            }
        }
        if (noun == 2) {
            i = end;
            continue;
        }
        if (prl_grow(c, (void **)&c->verbs, &c->cap_verbs, c->n_verbs + 1,
                     sizeof(verbm)))
            return;
        verbm *vm = &c->verbs[c->n_verbs];
        vm->s = (uint16_t)i;
        vm->e = (uint16_t)end;
        vm->entry = v - 1;
        vm->noun = noun;
        vm->light = 0;
        if (!noun)
            for (uint32_t k = i; k < end; k++) {
                c->tok[k].role = R_VERB;
                c->tok[k].unit = (uint16_t)c->n_verbs;
            }
        c->n_verbs++;
        (void)d;
        i = end;
    }
}
