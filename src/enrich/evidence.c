/* evidence.c: evidence grading, parley's answer to "not all news is news".
 *
 * A web page's headline is often written apart from (and more boldly than)
 * its body: the seed article's headline has the United States talking to
 * Hamas, while its body never names Hamas. Counting such a headline event
 * like a wire report inflates the data, so every headline event is graded
 * against the body of its own document:
 *   supported    a body sentence codes the same event: the same source and
 *                target (compared by identity, below) and the same CAMEO
 *                root, or the reverse when both codes are symmetric;
 *   actors       the body names both its actors somewhere (an actor the
 *                coder recognised in a body sentence, in an event or not);
 *   unsupported  otherwise.
 * Body events are their own evidence ("body"). The document's verdict is
 * the best over its headline events ("none" without one).
 *
 * Actor identity: a code carrying a CAMEO known group is that group
 * (PSEREBHMS, PSEHMS and PSEGOVHMS are all Hamas); otherwise a code that
 * starts with a country is that country (USAGOV, USAMIL and USA are all
 * the United States: a headline's "U.S." is the body's "U.S. government");
 * any other code (---REB, NGOUSA, a new actor "TEXT") only itself. The
 * country's people (PSE, PSECVL) are not one of its groups (PSEREBHMS).
 *
 * Repeats: a body sentence whose words and numbers, ignoring case and
 * punctuation, equal an earlier body sentence's is a repeat: it is counted
 * and not coded (its events would be duplicates). A near-duplicate (a
 * shared run of 8 words, or most of its word trigrams, names counting as
 * one word: see "Near-duplicates" below) is counted too but still coded,
 * because it can carry other actors and events; only its events equal
 * (source, target, code) to one already coded from the sentences it
 * repeats are dropped, so a template's event is coded once and no
 * distinct event is lost.
 *
 * Everything lives in the document's arena: hash tables with open
 * addressing that double when half full (the old arrays stay in the arena
 * until the doc is reset, at most doubling their cost). Grading is linear
 * in the events and mentions of the document. docs/evidence.md is the
 * user-facing statement of these rules. */
#include "enrich/evidence.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "enrich/actorcode.h"

/* A set of NUL-terminated strings, interned in the arena. */
typedef struct strset {
    const char **key;       /* NULL: empty slot */
    uint64_t *hash;
    size_t cap, n;          /* cap a power of two, or 0 */
} strset;

/* A body sentence remembered for the repeat check. */
typedef struct sent_key {
    uint64_t hash;
    const prl_token *t;     /* NULL: empty slot */
    uint32_t n;
} sent_key;

/* One word n-gram of a body sentence (a multiset: one entry per
 * sentence containing it). */
typedef struct gram {
    uint64_t hash;
    uint32_t sent;          /* 0: empty slot */
} gram;

typedef struct mention {
    uint32_t sentence;
    parley_part part;
    const char *code;       /* interned in `codes` */
} mention;

struct prl_evidence {
    strset codes;
    mention *m;
    size_t n_m, cap_m;
    sent_key *sents;
    size_t n_sents, cap_sents;
    /* Near-duplicates: the word n-grams of the body sentences seen, and by
     * sentence index (1-based) the first sentence of each one's cluster. */
    gram *grams;
    size_t n_grams, cap_grams;
    uint32_t *root, *c3, *c8, *touched;
    size_t cap_ix;
    uint64_t *buf;          /* 2 * NEAR_MAX_STREAM: the stream, its grams */
    uint64_t work;          /* grams and events so far, against NEAR_BUDGET */
    uint64_t *th;           /* per token of the sentence: word_hash of its
                               norm (words and numbers only) */
    size_t cap_th;
};

/* Spread FNV's bits so the low ones index the table well. */
static uint64_t mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

static void *arena_zalloc(prl_arena *ar, size_t n)
{
    void *p = prl_arena_alloc(ar, n);
    if (p)
        memset(p, 0, n);
    return p;
}

static int set_grow(prl_arena *ar, strset *s)
{
    size_t cap = s->cap ? s->cap * 2 : 32;
    const char **key = arena_zalloc(ar, cap * sizeof *key);
    uint64_t *hash = prl_arena_alloc(ar, cap * sizeof *hash);
    if (!key || !hash)
        return -1;
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->key[i])
            continue;
        size_t j = s->hash[i] & (cap - 1);
        while (key[j])
            j = (j + 1) & (cap - 1);
        key[j] = s->key[i];
        hash[j] = s->hash[i];
    }
    s->key = key;
    s->hash = hash;
    s->cap = cap;
    return 0;
}

/* The slot of str[0..n) in s: where it is, or the empty slot where it
 * would go. s must have a slot (cap > 0). */
static size_t set_slot(const strset *s, const char *str, size_t n, uint64_t h)
{
    size_t j = h & (s->cap - 1);
    while (s->key[j] && !(s->hash[j] == h && strncmp(s->key[j], str, n) == 0 &&
                          s->key[j][n] == 0))
        j = (j + 1) & (s->cap - 1);
    return j;
}

/* The interned copy of str[0..n), added when new; NULL when out of
 * memory. */
static const char *set_add(prl_arena *ar, strset *s, const char *str, size_t n)
{
    if ((s->n + 1) * 2 > s->cap && set_grow(ar, s) != 0)
        return NULL;
    uint64_t h = mix(prl_hash64(str, n, 0));
    size_t j = set_slot(s, str, n, h);
    if (!s->key[j]) {
        const char *copy = prl_arena_strndup(ar, str, n);
        if (!copy)
            return NULL;
        s->key[j] = copy;
        s->hash[j] = h;
        s->n++;
    }
    return s->key[j];
}

static int set_has(const strset *s, const char *str, size_t n)
{
    if (!s->cap)
        return 0;
    return s->key[set_slot(s, str, n, mix(prl_hash64(str, n, 0)))] != NULL;
}

static struct prl_evidence *state(parley_doc *doc)
{
    if (!doc->evidence)
        doc->evidence = arena_zalloc(&doc->arena, sizeof *doc->evidence);
    return doc->evidence;
}

void prl_evidence_begin(parley_doc *doc)
{
    doc->evidence = NULL;
    doc->headline_support = PARLEY_SUPPORT_NONE;
    doc->repeated = 0;
}

/* ------------------------------------------------------------------ */
/* Repeated sentences.                                                  */

/* The normal form of a sentence is a byte stream: for each word or number
 * token, its letters and digits (upper case already: the token's norm;
 * bytes of non-ASCII letters kept), then a space. A cursor walks it so two
 * sentences compare without building the form. */
typedef struct cursor {
    const prl_token *t;
    uint32_t n, i;
    uint16_t j;
    int sep;                /* a token produced bytes: a space is due */
} cursor;

static int keep_byte(unsigned char ch)
{
    /* One test per class without branches: it runs for every byte. */
    return (ch >= 0x80) | ((unsigned)(ch - '0') < 10u) | ((unsigned)((ch | 0x20) - 'a') < 26u);
}

/* Word hashes: the bytes packed eight to a 64-bit word and each word
 * mixed in, so there is no multiply per byte. */
static uint64_t wh_step(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0x9e3779b97f4a7c15ull;
    return h ^ (h >> 29);
}

/* The hash of s[0..n). */
static uint64_t word_hash(const char *s, size_t n)
{
    uint64_t h = 0, acc = 0;
    for (size_t j = 0; j < n; j++) {
        acc |= (uint64_t)(unsigned char)s[j] << (8 * (j & 7));
        if ((j & 7) == 7) {
            h = wh_step(h, acc);
            acc = 0;
        }
    }
    return wh_step(h, acc | (uint64_t)(n & 0xff) << 56);   /* the top byte is free */
}

/* The same hash of the bytes of s[0..n) that keep_byte keeps; *kept
 * gets their number. */
static uint64_t kept_hash(const char *s, size_t n, size_t *kept)
{
    uint64_t h = 0, acc = 0;
    size_t m = 0;
    for (size_t j = 0; j < n; j++) {
        unsigned char ch = (unsigned char)s[j];
        if (!keep_byte(ch))
            continue;
        acc |= (uint64_t)ch << (8 * (m & 7));
        if ((m++ & 7) == 7) {
            h = wh_step(h, acc);
            acc = 0;
        }
    }
    *kept = m;
    return wh_step(h, acc | (uint64_t)(m & 0xff) << 56);
}

/* The next byte of the normal form, or -1 at its end. */
static int next_byte(cursor *c)
{
    while (c->i < c->n) {
        const prl_token *t = &c->t[c->i];
        if (t->kind == PRL_T_WORD || t->kind == PRL_T_NUMBER) {
            while (c->j < t->len) {
                unsigned char ch = (unsigned char)t->norm[c->j++];
                if (keep_byte(ch)) {
                    c->sep = 1;
                    return ch;
                }
            }
        }
        c->i++;
        c->j = 0;
        if (c->sep) {
            c->sep = 0;
            return ' ';
        }
    }
    return -1;
}

static int same_form(const prl_token *a, uint32_t na, const prl_token *b, uint32_t nb)
{
    cursor x = {a, na, 0, 0, 0}, y = {b, nb, 0, 0, 0};
    for (;;) {
        int p = next_byte(&x), q = next_byte(&y);
        if (p != q)
            return 0;
        if (p < 0)
            return 1;
    }
}

static int sents_grow(prl_arena *ar, struct prl_evidence *ev)
{
    size_t cap = ev->cap_sents ? ev->cap_sents * 2 : 64;
    sent_key *t = arena_zalloc(ar, cap * sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < ev->cap_sents; i++) {
        if (!ev->sents[i].t)
            continue;
        size_t j = ev->sents[i].hash & (cap - 1);
        while (t[j].t)
            j = (j + 1) & (cap - 1);
        t[j] = ev->sents[i];
    }
    ev->sents = t;
    ev->cap_sents = cap;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Near-duplicates.                                                     */

/* A body sentence is reduced to a stream of word hashes: each word or
 * number token's norm, except that a name (a capitalised word that does
 * not open the sentence, with the capitalised words after it, also across
 * "of", "the", "and", "for", "de" and "'s") is one word, whatever its
 * length: "the Ministry of Foreign Affairs of the People's Republic of
 * China" counts one, so the long names that wire copy repeats sentence
 * after sentence do not make a shared run; and a template filled with
 * other names ("Trump granted <name> a full and unconditional pardon")
 * is not one either. Punctuation is skipped; the stream is cut at
 * NEAR_MAX_STREAM words.
 *
 * A sentence nearly repeats an earlier one when they share a run of
 * NEAR_RUN stream words (an 8-gram), or when it has at least NEAR_MIN_TRI
 * distinct trigrams and NEAR_TRI_NUM/NEAR_TRI_DEN of them occur in that
 * one sentence (a sentence repeated with a word or two changed).
 * Measured on the seed article and the Wikinews articles: see
 * docs/evidence.md. */
#define NEAR_MAX_STREAM 256u
#define NEAR_RUN 8u
#define NEAR_MIN_TRI 8u
#define NEAR_TRI_NUM 7u
#define NEAR_TRI_DEN 10u
#define NEAR_BUDGET 4000000u    /* grams looked up, matched and added, and
                                   events compared, per document; past it
                                   no more near-duplicate checks (a huge
                                   doc) */

static int is_word(const prl_token *t)
{
    return t->kind == PRL_T_WORD || t->kind == PRL_T_NUMBER;
}

static int name_joiner(const prl_token *t)
{
    static const char *const j[] = {"OF", "THE", "AND", "FOR", "DE", "'S"};
    switch (t->norm[0]) {   /* most words fail here, without a strcmp */
    case 'O': case 'T': case 'A': case 'F': case 'D': case '\'':
        break;
    default:
        return 0;
    }
    for (size_t i = 0; i < sizeof j / sizeof j[0]; i++)
        if (strcmp(t->norm, j[i]) == 0)
            return 1;
    return 0;
}

/* Fill out[] (cap NEAR_MAX_STREAM) with the stream; its length. th[i]
 * is the word_hash of word token i's norm. */
static uint32_t near_stream(const prl_token *toks, const uint64_t *th, uint32_t n,
                            uint64_t *out)
{
    uint32_t m = 0;
    for (uint32_t i = 0; i < n && m < NEAR_MAX_STREAM; i++) {
        const prl_token *t = &toks[i];
        if (!is_word(t))
            continue;
        if (!(t->flags & PRL_TF_CAP) || m == 0) {
            out[m++] = th[i];
            continue;
        }
        /* A name: one word, whatever it spans. */
        uint64_t h = prl_hash64(t->norm, t->len, 2);
        for (uint32_t k = i + 1, joined = 0; k < n && is_word(&toks[k]); k++) {
            if (toks[k].flags & PRL_TF_CAP) {
                for (; joined; joined--)    /* the joiners before it */
                    h = prl_hash64(toks[k - joined].norm, toks[k - joined].len, h);
                h = prl_hash64(toks[k].norm, toks[k].len, h);
                i = k;
            } else if (name_joiner(&toks[k])) {
                joined++;
            } else {
                break;
            }
        }
        out[m++] = mix(h);
    }
    return m;
}

/* The stream's words are well mixed hashes already, so a gram is their
 * sum, each times its position's odd constant, mixed once: the k
 * multiplications do not wait on each other. */
static uint64_t gram_hash(const uint64_t *s, uint32_t k, uint64_t seed)
{
    static const uint64_t pos[NEAR_RUN] = {
        0x9e3779b97f4a7c15ull, 0xc2b2ae3d27d4eb4full, 0x165667b19e3779f9ull,
        0xd6e8feb86659fd93ull, 0xff51afd7ed558ccdull, 0xc4ceb9fe1a85ec53ull,
        0x94d049bb133111ebull, 0xbf58476d1ce4e5b9ull,
    };
    uint64_t h = seed;
    for (uint32_t i = 0; i < k; i++)
        h += s[i] * pos[i];
    h = mix(h);
    return h ? h : 1;
}

static int grams_grow(prl_arena *ar, struct prl_evidence *ev, size_t text_len)
{
    /* First sized for the whole document (about one gram per three bytes
     * of text, the table at most half full), so a typical one never
     * rehashes; capped so a huge one still starts small. */
    size_t cap = 256;
    if (ev->cap_grams)
        cap = ev->cap_grams * 2;
    else
        while (cap < text_len * 2 / 3 && cap < 16384)
            cap *= 2;
    gram *t = arena_zalloc(ar, cap * sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < ev->cap_grams; i++) {
        if (!ev->grams[i].sent)
            continue;
        size_t j = ev->grams[i].hash & (cap - 1);
        while (t[j].sent)
            j = (j + 1) & (cap - 1);
        t[j] = ev->grams[i];
    }
    ev->grams = t;
    ev->cap_grams = cap;
    return 0;
}

/* Make the per-sentence arrays cover index ix. */
static int ix_grow(prl_arena *ar, struct prl_evidence *ev, uint32_t ix)
{
    if (ix < ev->cap_ix)
        return 0;
    size_t cap = ev->cap_ix ? ev->cap_ix : 64;
    while (cap <= ix)
        cap *= 2;
    uint32_t *a[4] = {ev->root, ev->c3, ev->c8, ev->touched};
    uint32_t **dst[4] = {&ev->root, &ev->c3, &ev->c8, &ev->touched};
    for (int k = 0; k < 4; k++) {
        uint32_t *t = arena_zalloc(ar, cap * sizeof *t);
        if (!t)
            return -1;
        if (ev->cap_ix)
            memcpy(t, a[k], ev->cap_ix * sizeof *t);
        *dst[k] = t;
    }
    ev->cap_ix = cap;
    return 0;
}

/* The k-grams of the stream s[0..m), each distinct one once (in first
 * occurrence order): count, per earlier sentence, how many of them it
 * has, and add them as the sentence's own. A gram is found in the table
 * with one probe: its cluster is walked for an entry of this sentence
 * (then the gram repeats within the sentence, or is the same under the
 * other n) and again, in cache now, to count the earlier sentences'
 * entries up to its end, where the gram goes. g has room for m grams.
 * Returns the number of distinct grams, or -1 when out of memory. */
static long count_add_grams(prl_arena *ar, struct prl_evidence *ev, const uint64_t *s,
                            uint32_t m, uint32_t k, uint64_t *g, uint32_t *count,
                            uint32_t *nt, uint32_t sentence, size_t text_len)
{
    if (m < k)
        return 0;
    uint32_t ng = m - k + 1, distinct = 0;
    for (uint32_t i = 0; i < ng; i++)
        g[i] = gram_hash(s + i, k, k);
    /* The probes land anywhere in a table of up to a few hundred KB: ask
     * for all their lines first, so the misses overlap. */
    for (uint32_t i = 0; i < ng && ev->cap_grams; i++)
        __builtin_prefetch(&ev->grams[g[i] & (ev->cap_grams - 1)]);
    for (uint32_t i = 0; i < ng; i++) {
        int seen = 0;
        for (size_t mask = ev->cap_grams - 1, j = g[i] & mask; ev->cap_grams && ev->grams[j].sent;
             j = (j + 1) & mask)
            seen |= ev->grams[j].sent == sentence && ev->grams[j].hash == g[i];
        if (seen)
            continue;
        if ((ev->n_grams + 1) * 2 > ev->cap_grams && grams_grow(ar, ev, text_len))
            return -1;
        /* The work counted is each distinct gram looked up, each stored
         * gram it matches and each gram added, not the probe steps: those
         * depend on the table's size, which depends on the document's
         * length, and the budget must not. */
        ev->work++;
        size_t mask = ev->cap_grams - 1, j = g[i] & mask;
        for (; ev->grams[j].sent; j = (j + 1) & mask) {
            uint32_t sj = ev->grams[j].sent;
            if (ev->grams[j].hash != g[i] || sj == sentence)
                continue;
            ev->work++;
            if (!ev->c3[sj] && !ev->c8[sj])
                ev->touched[(*nt)++] = sj;
            count[sj]++;
        }
        ev->grams[j].hash = g[i];
        ev->grams[j].sent = sentence;
        ev->n_grams++;
        ev->work++;
        distinct++;
    }
    return distinct;
}

/* The earlier body sentence that `sentence` nearly repeats (the one
 * sharing the most trigrams among those that qualify), or 0; the
 * sentence's grams are remembered either way. */
static uint32_t near_of(prl_arena *ar, struct prl_evidence *ev, uint32_t sentence,
                        const prl_token *toks, uint32_t n, size_t text_len)
{
    if (ev->work > NEAR_BUDGET || ix_grow(ar, ev, sentence))
        return 0;
    ev->root[sentence] = sentence;
    if (!ev->buf && !(ev->buf = prl_arena_alloc(ar, 2 * NEAR_MAX_STREAM * sizeof *ev->buf)))
        return 0;
    uint64_t *g = ev->buf + NEAR_MAX_STREAM;
    uint32_t m = near_stream(toks, ev->th, n, ev->buf), nt = 0;
    long n3 = count_add_grams(ar, ev, ev->buf, m, 3, g, ev->c3, &nt, sentence, text_len);
    long n8 = n3 < 0 ? -1 : count_add_grams(ar, ev, ev->buf, m, NEAR_RUN, g, ev->c8, &nt,
                                            sentence, text_len);
    int failed = n3 < 0 || n8 < 0;
    uint32_t best = 0, best_c = 0;
    for (uint32_t i = 0; i < nt; i++) {
        uint32_t s = ev->touched[i];
        int near = ev->c8[s] > 0 ||
                   (n3 >= NEAR_MIN_TRI && ev->c3[s] * NEAR_TRI_DEN >= (uint32_t)n3 * NEAR_TRI_NUM);
        if (near && (!best || ev->c3[s] > best_c || (ev->c3[s] == best_c && s < best))) {
            best = s;
            best_c = ev->c3[s];
        }
        ev->c3[s] = ev->c8[s] = 0;
    }
    if (failed)
        return 0;
    if (best)
        ev->root[sentence] = ev->root[best];
    return best;
}

/* Room in ev->th for n tokens. */
static int th_grow(prl_arena *ar, struct prl_evidence *ev, size_t n)
{
    size_t cap = ev->cap_th ? ev->cap_th * 2 : 256;
    while (cap < n)
        cap *= 2;
    uint64_t *t = prl_arena_alloc(ar, cap * sizeof *t);
    if (!t)
        return -1;
    ev->th = t;
    ev->cap_th = cap;
    return 0;
}

int prl_evidence_repeat(parley_doc *doc, uint32_t sentence, const prl_token *toks,
                        uint32_t n)
{
    /* One pass over the bytes of the words and numbers hashes each (for
     * the near-duplicate stream, near_stream) and the normal form, the
     * bytes next_byte yields: each word or number's kept bytes, then a
     * space if it had any. The form's hash chains the hash of each
     * token's kept bytes, so equal forms have equal hashes; same_form
     * settles the rest. */
    struct prl_evidence *ev = NULL;
    uint64_t h = 0xcbf29ce484222325ull;
    size_t len = 0;
    for (uint32_t i = 0; i < n; i++) {
        const prl_token *t = &toks[i];
        if (!is_word(t))
            continue;
        if (!ev) {
            ev = state(doc);
            if (!ev || (ev->cap_th < n && th_grow(&doc->arena, ev, n)))
                return PRL_REPEAT_NONE;     /* the arena's failed flag tells the coder */
        }
        ev->th[i] = word_hash(t->norm, t->len);
        /* Without PRL_TF_MARKS every byte is kept. */
        size_t kept = t->len;
        uint64_t kh = t->flags & PRL_TF_MARKS ? kept_hash(t->norm, t->len, &kept) : ev->th[i];
        if (!kept)
            continue;
        h = wh_step(h, kh);
        len += kept + 1;
    }
    if (len == 0)
        return PRL_REPEAT_NONE;
    h = mix(h ^ len);
    if ((ev->n_sents + 1) * 2 > ev->cap_sents && sents_grow(&doc->arena, ev))
        return PRL_REPEAT_NONE;     /* the arena's failed flag tells the coder */
    size_t j = h & (ev->cap_sents - 1);
    for (; ev->sents[j].t; j = (j + 1) & (ev->cap_sents - 1))
        if (ev->sents[j].hash == h &&
            same_form(ev->sents[j].t, ev->sents[j].n, toks, n)) {
            doc->repeated++;
            return PRL_REPEAT_EXACT;
        }
    ev->sents[j].hash = h;
    ev->sents[j].t = toks;
    ev->sents[j].n = n;
    ev->n_sents++;
    if (sentence == 0 || !near_of(&doc->arena, ev, sentence, toks, n, doc->len))
        return PRL_REPEAT_NONE;
    doc->repeated++;
    return PRL_REPEAT_NEAR;
}

uint32_t prl_evidence_near_root(const parley_doc *doc, uint32_t sentence)
{
    const struct prl_evidence *ev = doc ? doc->evidence : NULL;
    if (!ev || sentence >= ev->cap_ix || !ev->root[sentence])
        return sentence;
    return ev->root[sentence];
}

static int same_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

void prl_evidence_unrepeat(parley_doc *doc, uint32_t sentence, size_t first)
{
    struct prl_evidence *ev = doc->evidence;
    uint32_t r = prl_evidence_near_root(doc, sentence);
    if (!ev || r == sentence || first > doc->n_events)
        return;
    size_t w = first;
    for (size_t i = first; i < doc->n_events; i++) {
        const parley_event *e = &doc->events[i];
        int seen = 0;
        /* Past the budget duplicates are kept: too many to compare. */
        for (size_t k = 0; k < first && !seen && ev->work <= NEAR_BUDGET; k++) {
            const parley_event *o = &doc->events[k];
            ev->work++;
            seen = o->part == PARLEY_PART_BODY && o->sentence < ev->cap_ix &&
                   ev->root[o->sentence] == r && same_str(o->source, e->source) &&
                   same_str(o->target, e->target) && same_str(o->code, e->code);
        }
        if (!seen)
            doc->events[w++] = *e;
    }
    doc->n_events = w;
}

/* ------------------------------------------------------------------ */
/* Actor mentions.                                                      */

static int null_code(const char *code)
{
    return !code || !*code || strcmp(code, "---") == 0;
}

int prl_evidence_mention(parley_doc *doc, uint32_t sentence, parley_part part,
                         const char *code)
{
    if (null_code(code))
        return 0;
    struct prl_evidence *ev = state(doc);
    if (!ev)
        return -1;
    const char *k = set_add(&doc->arena, &ev->codes, code, strlen(code));
    if (!k)
        return -1;
    if (ev->n_m == ev->cap_m) {
        size_t cap = ev->cap_m ? ev->cap_m * 2 : 32;
        mention *m = prl_arena_alloc(&doc->arena, cap * sizeof *m);
        if (!m)
            return -1;
        if (ev->n_m)
            memcpy(m, ev->m, ev->n_m * sizeof *m);
        ev->m = m;
        ev->cap_m = cap;
    }
    ev->m[ev->n_m].sentence = sentence;
    ev->m[ev->n_m].part = part;
    ev->m[ev->n_m].code = k;
    ev->n_m++;
    return 0;
}

size_t prl_evidence_mention_count(const parley_doc *doc)
{
    return doc && doc->evidence ? doc->evidence->n_m : 0;
}

const char *prl_evidence_mention_at(const parley_doc *doc, size_t i,
                                    uint32_t *sentence)
{
    if (i >= prl_evidence_mention_count(doc))
        return NULL;
    if (sentence)
        *sentence = doc->evidence->m[i].sentence;
    return doc->evidence->m[i].code;
}

/* ------------------------------------------------------------------ */
/* Grading.                                                             */

const char *prl_evidence_actor(const char *code, char buf[8])
{
    if (!code)
        return "";
    for (const char *p = code; *p; p++)
        if (!keep_byte((unsigned char)*p) || (unsigned char)*p >= 0x80)
            return code;    /* "---REB", "A/B", a new actor "\"TEXT\"" */
    prl_actor_parts parts;
    prl_actor_split(code, &parts);
    if (parts.knowngroup[0]) {
        memcpy(buf, "g:", 2);
        memcpy(buf + 2, parts.knowngroup, 4);
        return buf;
    }
    /* Only a leading country: "NGOUSA" is an NGO, not the United States. */
    if (parts.country[0] && strlen(code) >= 3 &&
        prl_actor_lookup(PRL_ACTOR_COUNTRY, (char[4]){code[0], code[1], code[2], 0})) {
        memcpy(buf, "c:", 2);
        memcpy(buf + 2, parts.country, 4);
        return buf;
    }
    return code;
}

/* Codes whose event reads the same from either side: meeting, talking,
 * negotiating, cooperating, signing an agreement; a visit (042) is the
 * host's hosting (043). Any longer code under these counts too. */
static int symmetric(const char *code)
{
    static const char *const sym[] = {"036", "040", "041", "042", "043", "044",
                                      "046", "050", "057", "060", "061", "062",
                                      "064"};
    for (size_t i = 0; i < sizeof sym / sizeof sym[0]; i++)
        if (strncmp(code, sym[i], 3) == 0)
            return 1;
    return 0;
}

/* The root an event is compared by: its CAMEO root, or for a code outside
 * CAMEO the code itself. */
static const char *root_of(const parley_event *e)
{
    return e->root && *e->root ? e->root : e->code ? e->code : "";
}

/* "K\x1fSOURCE\x1fTARGET\x1fROOT" (identities) into buf, or into the arena
 * when longer (codes of new actors can be); NULL when out of memory. */
static const char *event_key(prl_arena *ar, char *buf, size_t cap, char kind,
                             const char *src, const char *tgt, const char *root,
                             size_t *len)
{
    char sb[8], tb[8];
    const char *s = prl_evidence_actor(src, sb), *t = prl_evidence_actor(tgt, tb);
    size_t ns = strlen(s), nt = strlen(t), nr = strlen(root);
    size_t n = 1 + 1 + ns + 1 + nt + 1 + nr;
    char *k = n < cap ? buf : prl_arena_alloc(ar, n + 1);
    if (!k)
        return NULL;
    char *p = k;
    *p++ = kind;
    *p++ = 0x1f;
    memcpy(p, s, ns);
    p += ns;
    *p++ = 0x1f;
    memcpy(p, t, nt);
    p += nt;
    *p++ = 0x1f;
    memcpy(p, root, nr);
    p[nr] = 0;
    *len = n;
    return k;
}

static int add_actor(prl_arena *ar, strset *actors, const char *code)
{
    if (null_code(code))
        return 0;
    char b[8];
    const char *k = prl_evidence_actor(code, b);
    return set_add(ar, actors, k, strlen(k)) ? 0 : -1;
}

static int has_actor(const strset *actors, const char *code)
{
    if (null_code(code))
        return 1;   /* an absent actor asks nothing of the body */
    char b[8];
    const char *k = prl_evidence_actor(code, b);
    return set_has(actors, k, strlen(k));
}

/* Index the body: every actor it names, every event it codes ('A') and,
 * for symmetric codes, the same again under 'S'. */
static int index_body(parley_doc *doc, strset *actors, strset *events)
{
    prl_arena *ar = &doc->arena;
    struct prl_evidence *ev = doc->evidence;
    for (size_t i = 0; ev && i < ev->n_m; i++)
        if (ev->m[i].part == PARLEY_PART_BODY && add_actor(ar, actors, ev->m[i].code))
            return -1;
    for (size_t i = 0; i < doc->n_events; i++) {
        parley_event *e = &doc->events[i];
        if (e->part != PARLEY_PART_BODY)
            continue;
        e->support = PARLEY_SUPPORT_BODY;
        /* An event's actors are mentions too (the slots already gave them;
         * this keeps "supported" a case of "actors" whatever the coder). */
        if (add_actor(ar, actors, e->source) || add_actor(ar, actors, e->target))
            return -1;
        char buf[128];
        size_t n;
        const char *root = root_of(e);
        const char *k = event_key(ar, buf, sizeof buf, 'A', e->source, e->target, root, &n);
        if (!k || !set_add(ar, events, k, n))
            return -1;
        if (symmetric(e->code ? e->code : "")) {
            k = event_key(ar, buf, sizeof buf, 'S', e->source, e->target, root, &n);
            if (!k || !set_add(ar, events, k, n))
                return -1;
        }
    }
    return 0;
}

static parley_support grade_one(prl_arena *ar, const strset *actors,
                                const strset *events, const parley_event *e)
{
    char buf[128];
    size_t n;
    const char *root = root_of(e);
    const char *k = event_key(ar, buf, sizeof buf, 'A', e->source, e->target, root, &n);
    if (k && set_has(events, k, n))
        return PARLEY_SUPPORT_SUPPORTED;
    if (symmetric(e->code ? e->code : "")) {
        k = event_key(ar, buf, sizeof buf, 'S', e->target, e->source, root, &n);
        if (k && set_has(events, k, n))
            return PARLEY_SUPPORT_SUPPORTED;
    }
    if (has_actor(actors, e->source) && has_actor(actors, e->target))
        return PARLEY_SUPPORT_ACTORS;
    return PARLEY_SUPPORT_UNSUPPORTED;
}

parley_status prl_evidence_grade(parley_doc *doc)
{
    prl_arena *ar = &doc->arena;
    doc->headline_support = PARLEY_SUPPORT_NONE;
    if (doc->discarded)
        doc->repeated = 0;      /* a discarded story is not coded at all */
    strset actors, events;
    memset(&actors, 0, sizeof actors);
    memset(&events, 0, sizeof events);
    if (!ar->failed && index_body(doc, &actors, &events) == 0) {
        for (size_t i = 0; i < doc->n_events; i++) {
            parley_event *e = &doc->events[i];
            if (e->part != PARLEY_PART_HEADLINE)
                continue;
            e->support = grade_one(ar, &actors, &events, e);
            if (doc->headline_support == PARLEY_SUPPORT_NONE ||
                e->support < doc->headline_support)
                doc->headline_support = e->support;
        }
    }
    if (ar->failed) {
        doc->n_events = 0;
        doc->headline_support = PARLEY_SUPPORT_NONE;
        return PARLEY_ENOMEM;
    }
    return PARLEY_OK;
}

/* ------------------------------------------------------------------ */
/* Public accessors.                                                    */

const char *parley_support_name(parley_support s)
{
    switch (s) {
    case PARLEY_SUPPORT_BODY: return "body";
    case PARLEY_SUPPORT_SUPPORTED: return "supported";
    case PARLEY_SUPPORT_ACTORS: return "actors";
    case PARLEY_SUPPORT_UNSUPPORTED: return "unsupported";
    default: return "none";
    }
}

parley_support parley_doc_headline_support(const parley_doc *doc)
{
    return doc ? doc->headline_support : PARLEY_SUPPORT_NONE;
}

unsigned parley_doc_repeated(const parley_doc *doc)
{
    return doc ? doc->repeated : 0;
}
