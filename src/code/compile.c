/* compile.c: the dictionary compiler (model -> image) and the image's
 * life cycle: save, load (mmap), load from a buffer, validate, free.
 *
 * The compiler normalizes every dictionary word with the text module (the
 * same segmenter and fold the coder's input goes through, so "DIDN'T" in a
 * dictionary splits exactly like "didn't" in text), interns words, builds
 * the tries and pattern programs in heap vectors, then lays everything out
 * as one image (image.h). The loader trusts nothing: every offset and index
 * is bounds-checked once at load, so the coder can index without checks
 * and a corrupt file gives PARLEY_EFORMAT, never a crash. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "code/compile.h"
#include "code/dict.h"
#include "text/text.h"

/* ------------------------------------------------------------------ */
/* Closed-class words the shallow parser needs, always interned.        */

typedef struct closed_word {
    const char *w;
    uint8_t cls, flags;
} closed_word;

static const closed_word CLOSED[] = {
    {"A", PRL_WC_INDEF, 0}, {"AN", PRL_WC_INDEF, 0}, {"THE", PRL_WC_DET, 0},
    {"THIS", PRL_WC_DET, 0}, {"THESE", PRL_WC_DET, 0},
    {"THOSE", PRL_WC_DET, 0}, {"SOME", PRL_WC_DET, 0},
    {"HIS", PRL_WC_POSS, 0}, {"HER", PRL_WC_POSS, 0}, {"ITS", PRL_WC_POSS, 0},
    {"THEIR", PRL_WC_POSS, 0}, {"OUR", PRL_WC_POSS, 0}, {"MY", PRL_WC_POSS, 0},
    {"YOUR", PRL_WC_POSS, 0},
    {"HE", PRL_WC_PRON, 0}, {"SHE", PRL_WC_PRON, 0}, {"IT", PRL_WC_PRON, 0},
    {"THEY", PRL_WC_PRON, 0}, {"THEM", PRL_WC_PRON, 0}, {"HIM", PRL_WC_PRON, 0},
    {"WE", PRL_WC_PRON, 0}, {"I", PRL_WC_PRON, 0}, {"YOU", PRL_WC_PRON, 0},
    {"US", PRL_WC_PRON, 0},
    {"AND", PRL_WC_CONJ, 0}, {"OR", PRL_WC_CONJ, 0}, {"BUT", PRL_WC_CONJ, 0},
    {"NOR", PRL_WC_CONJ, 0},
    {"OF", PRL_WC_PREP, PRL_WF_OF}, {"IN", PRL_WC_PREP, PRL_WF_LINK},
    {"FROM", PRL_WC_PREP, PRL_WF_LINK}, {"BY", PRL_WC_PREP, PRL_WF_BY},
    {"ON", PRL_WC_PREP, 0}, {"AT", PRL_WC_PREP, 0}, {"WITH", PRL_WC_PREP, 0},
    {"FOR", PRL_WC_PREP, 0}, {"TO", PRL_WC_PREP, 0}, {"INTO", PRL_WC_PREP, 0},
    {"ABOUT", PRL_WC_PREP, 0}, {"AGAINST", PRL_WC_PREP, 0},
    {"BETWEEN", PRL_WC_PREP, 0}, {"DURING", PRL_WC_PREP, 0},
    {"NEAR", PRL_WC_PREP, 0}, {"OVER", PRL_WC_PREP, 0},
    {"UNDER", PRL_WC_PREP, 0}, {"TOWARD", PRL_WC_PREP, 0},
    {"TOWARDS", PRL_WC_PREP, 0}, {"THROUGH", PRL_WC_PREP, 0},
    {"ACROSS", PRL_WC_PREP, 0}, {"AMONG", PRL_WC_PREP, 0},
    {"WITHOUT", PRL_WC_PREP, 0}, {"WITHIN", PRL_WC_PREP, 0},
    {"ALONG", PRL_WC_PREP, 0}, {"AROUND", PRL_WC_PREP, 0},
    {"DESPITE", PRL_WC_PREP, 0}, {"UPON", PRL_WC_PREP, 0},
    {"VIA", PRL_WC_PREP, 0}, {"OUTSIDE", PRL_WC_PREP, 0},
    {"INSIDE", PRL_WC_PREP, 0}, {"AMID", PRL_WC_PREP, 0},
    {"IS", PRL_WC_AUX, PRL_WF_PASSAUX}, {"ARE", PRL_WC_AUX, PRL_WF_PASSAUX},
    {"WAS", PRL_WC_AUX, PRL_WF_PASSAUX}, {"WERE", PRL_WC_AUX, PRL_WF_PASSAUX},
    {"BE", PRL_WC_AUX, PRL_WF_PASSAUX}, {"BEEN", PRL_WC_AUX, PRL_WF_PASSAUX},
    {"BEING", PRL_WC_AUX, PRL_WF_PASSAUX}, {"AM", PRL_WC_AUX, 0},
    {"HAS", PRL_WC_AUX, 0}, {"HAVE", PRL_WC_AUX, 0}, {"HAD", PRL_WC_AUX, 0},
    {"HAVING", PRL_WC_AUX, 0}, {"DO", PRL_WC_AUX, 0}, {"DOES", PRL_WC_AUX, 0},
    {"DID", PRL_WC_AUX, 0}, {"GET", PRL_WC_AUX, 0}, {"GOT", PRL_WC_AUX, 0},
    {"WILL", PRL_WC_MODAL, 0}, {"WOULD", PRL_WC_MODAL, 0},
    {"SHALL", PRL_WC_MODAL, 0}, {"SHOULD", PRL_WC_MODAL, 0},
    {"CAN", PRL_WC_MODAL, 0}, {"COULD", PRL_WC_MODAL, 0},
    {"MAY", PRL_WC_MODAL, 0}, {"MIGHT", PRL_WC_MODAL, 0},
    {"MUST", PRL_WC_MODAL, 0}, {"WO", PRL_WC_MODAL, 0}, {"CA", PRL_WC_MODAL, 0},
    {"NOT", PRL_WC_NEG, 0}, {"N'T", PRL_WC_NEG, 0}, {"NEVER", PRL_WC_NEG, 0},
    {"THAT", PRL_WC_SUB, 0}, {"WHICH", PRL_WC_SUB, 0}, {"WHO", PRL_WC_SUB, 0},
    {"WHOM", PRL_WC_SUB, 0}, {"WHOSE", PRL_WC_SUB, 0},
    {"WHEN", PRL_WC_SUB, 0}, {"WHILE", PRL_WC_SUB, 0},
    {"WHERE", PRL_WC_SUB, 0}, {"BECAUSE", PRL_WC_SUB, 0},
    {"ALTHOUGH", PRL_WC_SUB, 0}, {"THOUGH", PRL_WC_SUB, 0},
    {"IF", PRL_WC_SUB, 0}, {"WHETHER", PRL_WC_SUB, 0},
    {"AFTER", PRL_WC_SUB, 0}, {"BEFORE", PRL_WC_SUB, 0},
    {"SINCE", PRL_WC_SUB, 0}, {"UNTIL", PRL_WC_SUB, 0},
    {"AS", PRL_WC_SUB, 0}, {"WHEREAS", PRL_WC_SUB, 0},
    {"TODAY", PRL_WC_TIME, 0}, {"YESTERDAY", PRL_WC_TIME, 0},
    {"TOMORROW", PRL_WC_TIME, 0}, {"TONIGHT", PRL_WC_TIME, 0},
    {"NOW", PRL_WC_TIME, 0}, {"AGO", PRL_WC_TIME, 0},
    {"'S", PRL_WC_GEN, 0}, {"'", PRL_WC_GEN, 0},
    {"FORMER", PRL_WC_OPEN, PRL_WF_FORMER},
};

/* Irregular past forms: a verb after "a ... " is a noun only in its bare
 * form ("an anti- Gondor parade"), and these are not bare ("a senior
 * official said"). Regular -ED forms are recognized by their ending. */
static const char *const PAST[] = {
    "SAID", "MET", "LEFT", "TOLD", "GAVE", "TOOK", "SENT", "HELD", "KEPT",
    "FOUGHT", "BROKE", "SHOT", "HIT", "STRUCK", "SOUGHT", "BROUGHT",
    "BOUGHT", "CAUGHT", "TAUGHT", "THOUGHT", "LED", "FLED", "FLEW", "FELL",
    "WON", "LOST", "SPOKE", "WROTE", "DREW", "THREW", "KNEW", "GREW", "SAW",
    "MADE", "PAID", "LAID", "BEGAN", "RAN", "CAME", "BECAME", "WENT",
    "SET", "PUT", "CUT", "LET", "SHUT", "SOLD", "FOUND", "STOOD", "HUNG",
    "SANK", "SWORE", "TORE", "ROSE", "DROVE", "RODE", "STOLE", "CHOSE",
    "FROZE", "FORGAVE", "FORBADE", "OVERCAME", "UNDERTOOK", "WITHDREW",
    "WITHHELD", "OVERTHREW", "BLEW", "BUILT", "BENT", "DEALT", "MEANT",
    "SLEW", "SPENT", "LENT", "FED", "HID", "BURST", "CAST", "HURT", "HEARD",
    "SHOOK", "WOKE", "SPREAD", "SEIZED", "QUIT", "BADE", "BID", "DUG",
    "FLUNG", "FOUGHT", "GOT", "SLUNG", "SPUN", "STUCK", "STUNG", "STRUNG",
    "SWUNG", "WOUND", "WORE", "WEPT",
};

/* Open-class words with a coder flag: the forms of the verbs that negate
 * an infinitive after them (TABARI and PETRARCH code "failed to agree" as
 * an agreement; parley does not), and of the light verbs, whose meaning
 * comes from their event noun object ("hold talks", "launch an attack",
 * "make an appeal"). Listed by form: the coder sees words, not lemmas. */
static const closed_word FLAGGED[] = {
    {"FAIL", 0, PRL_WF_NEGV}, {"FAILS", 0, PRL_WF_NEGV},
    {"FAILED", 0, PRL_WF_NEGV}, {"FAILING", 0, PRL_WF_NEGV},
    {"REFUSE", 0, PRL_WF_NEGV}, {"REFUSES", 0, PRL_WF_NEGV},
    {"REFUSED", 0, PRL_WF_NEGV}, {"REFUSING", 0, PRL_WF_NEGV},
    {"DECLINE", 0, PRL_WF_NEGV}, {"DECLINES", 0, PRL_WF_NEGV},
    {"DECLINED", 0, PRL_WF_NEGV}, {"DECLINING", 0, PRL_WF_NEGV},
    {"HOLD", 0, PRL_WF_LIGHT}, {"HOLDS", 0, PRL_WF_LIGHT},
    {"HELD", 0, PRL_WF_LIGHT}, {"HOLDING", 0, PRL_WF_LIGHT},
    {"CONDUCT", 0, PRL_WF_LIGHT}, {"CONDUCTS", 0, PRL_WF_LIGHT},
    {"CONDUCTED", 0, PRL_WF_LIGHT}, {"CONDUCTING", 0, PRL_WF_LIGHT},
    {"LAUNCH", 0, PRL_WF_LIGHT}, {"LAUNCHES", 0, PRL_WF_LIGHT},
    {"LAUNCHED", 0, PRL_WF_LIGHT}, {"LAUNCHING", 0, PRL_WF_LIGHT},
    {"STAGE", 0, PRL_WF_LIGHT}, {"STAGES", 0, PRL_WF_LIGHT},
    {"STAGED", 0, PRL_WF_LIGHT}, {"STAGING", 0, PRL_WF_LIGHT},
    {"MAKE", 0, PRL_WF_LIGHT}, {"MAKES", 0, PRL_WF_LIGHT},
    {"MADE", 0, PRL_WF_LIGHT}, {"MAKING", 0, PRL_WF_LIGHT},
    {"MOUNT", 0, PRL_WF_LIGHT}, {"MOUNTS", 0, PRL_WF_LIGHT},
    {"MOUNTED", 0, PRL_WF_LIGHT}, {"MOUNTING", 0, PRL_WF_LIGHT},
    {"CARRY", 0, PRL_WF_LIGHT}, {"CARRIES", 0, PRL_WF_LIGHT},
    {"CARRIED", 0, PRL_WF_LIGHT}, {"CARRYING", 0, PRL_WF_LIGHT},
    {"PAY", 0, PRL_WF_LIGHT}, {"PAYS", 0, PRL_WF_LIGHT},
    {"PAID", 0, PRL_WF_LIGHT}, {"PAYING", 0, PRL_WF_LIGHT},
    {"ISSUE", 0, PRL_WF_LIGHT}, {"ISSUES", 0, PRL_WF_LIGHT},
    {"ISSUED", 0, PRL_WF_LIGHT}, {"ISSUING", 0, PRL_WF_LIGHT},
    {"UNDERTAKE", 0, PRL_WF_LIGHT}, {"UNDERTAKES", 0, PRL_WF_LIGHT},
    {"UNDERTOOK", 0, PRL_WF_LIGHT}, {"UNDERTAKEN", 0, PRL_WF_LIGHT},
    {"UNDERTAKING", 0, PRL_WF_LIGHT},
};

/* ------------------------------------------------------------------ */
/* Growable typed vectors for the build.                                */

typedef struct vec {
    void *p;
    size_t n, cap, item;
} vec;

static void *vpush(const prl_alloc *a, vec *v)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        void *p = prl_realloc(a, v->p, cap * v->item);
        if (!p)
            return NULL;
        v->p = p;
        v->cap = cap;
    }
    void *slot = (char *)v->p + v->n * v->item;
    memset(slot, 0, v->item);
    v->n++;
    return slot;
}

#define VAT(v, T, i) (((T *)(v).p)[i])

/* A (parent, label) -> child map for trie building, and a string -> id
 * map for words and strings; both open addressing with linear probing. */
typedef struct kmap {
    uint64_t *keys;
    uint32_t *vals;     /* value + 1; 0 empty */
    size_t cap, n;
} kmap;

typedef struct build {
    const prl_alloc *a;
    prl_arena tmp;      /* normalization scratch, reset per word */
    int oom;

    vec str;            /* char */
    kmap strmap;        /* hash -> offset (collisions chained by probing) */
    vec words, stems;   /* prl_img_word */
    kmap wmap, smap;
    vec nodes;          /* prl_img_node (edges filled at the end) */
    vec edges;          /* bedge */
    kmap emap;
    vec entries, codes, vforms, blocks, patterns, elems, synsets, synphr,
        vcodes;
    vec vpairs;         /* vpair: verb node -> vform, grouped at the end */
    uint32_t roots[PRL_TRIE_COUNT];
    uint32_t stem_lens;
} build;

typedef struct bedge {
    uint32_t parent, label, child;
} bedge;

typedef struct vpair {
    uint32_t node, vform, order;
} vpair;

static uint64_t mix64(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return k;
}

static int kmap_grow(const prl_alloc *a, kmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    uint64_t *keys = prl_calloc(a, cap * sizeof *keys);
    uint32_t *vals = prl_calloc(a, cap * sizeof *vals);
    if (!keys || !vals) {
        prl_free(a, keys);
        prl_free(a, vals);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->vals[i])
            continue;
        size_t j = mix64(m->keys[i]) & (cap - 1);
        while (vals[j])
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    prl_free(a, m->keys);
    prl_free(a, m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return 0;
}

static void kmap_free(const prl_alloc *a, kmap *m)
{
    prl_free(a, m->keys);
    prl_free(a, m->vals);
}

/* ------------------------------------------------------------------ */
/* Strings and words.                                                   */

static uint32_t add_str(build *b, const char *s, size_t n)
{
    if (b->oom)
        return 0;
    if (n == 0)
        return 0;
    /* Intern: identical strings share an offset (codes repeat a lot). */
    uint64_t h = prl_hash64(s, n, 0);
    if (b->strmap.n * 2 >= b->strmap.cap && kmap_grow(b->a, &b->strmap)) {
        b->oom = 1;
        return 0;
    }
    size_t j = mix64(h) & (b->strmap.cap - 1);
    while (b->strmap.vals[j]) {
        if (b->strmap.keys[j] == h) {
            uint32_t off = b->strmap.vals[j] - 1;
            const char *t = (const char *)b->str.p + off;
            if (strncmp(t, s, n) == 0 && t[n] == 0)
                return off;
        }
        j = (j + 1) & (b->strmap.cap - 1);
    }
    uint32_t off = (uint32_t)b->str.n;
    for (size_t i = 0; i < n; i++) {
        char *c = vpush(b->a, &b->str);
        if (!c) {
            b->oom = 1;
            return 0;
        }
        *c = s[i];
    }
    if (!vpush(b->a, &b->str)) {
        b->oom = 1;
        return 0;
    }
    b->strmap.keys[j] = h;
    b->strmap.vals[j] = off + 1;
    b->strmap.n++;
    return off;
}

static uint32_t intern(build *b, vec *words, kmap *map, const char *s,
                       size_t n)
{
    if (b->oom)
        return 0;
    uint64_t h = prl_hash64(s, n, 0);
    if (map->n * 2 >= map->cap && kmap_grow(b->a, map)) {
        b->oom = 1;
        return 0;
    }
    size_t j = mix64(h) & (map->cap - 1);
    while (map->vals[j]) {
        if (map->keys[j] == h) {
            prl_img_word *w = &VAT(*words, prl_img_word, map->vals[j] - 1);
            const char *t = (const char *)b->str.p + w->str;
            if (w->len == n && memcmp(t, s, n) == 0)
                return map->vals[j] - 1;
        }
        j = (j + 1) & (map->cap - 1);
    }
    if (words->n >= PRL_MAX_ID) {
        b->oom = 1;
        return 0;
    }
    uint32_t off = add_str(b, s, n);
    prl_img_word *w = vpush(b->a, words);
    if (!w || b->oom) {
        b->oom = 1;
        return 0;
    }
    w->str = off;
    w->len = (uint32_t)n;
    w->hash = (uint32_t)h;
    map->keys[j] = h;
    map->vals[j] = (uint32_t)words->n;
    map->n++;
    return (uint32_t)words->n - 1;
}

/* A normalized word of a dictionary phrase: a dictionary word can split
 * into several tokens ("DIDN'T" -> DID N'T), which are then joined. */
typedef struct nword {
    uint32_t label;     /* PRL_LBL(id, stem) */
    uint8_t joined;     /* next must follow immediately */
} nword;

#define MAXNW 64

/* Normalize one dictionary word into labels; returns the count (0 if the
 * word is pure punctuation the segmenter drops). */
static unsigned norm_word(build *b, const char *text, int stem, int joined,
                          nword *out, unsigned max)
{
    if (!text || !*text || b->oom || max == 0)
        return 0;
    prl_arena_reset(&b->tmp);
    size_t n = strlen(text);
    prl_segmented seg;
    if (prl_text_segment(&b->tmp, text, n, &seg) != PARLEY_OK) {
        b->oom = b->tmp.failed;
        return 0;
    }
    unsigned k = 0;
    for (uint32_t i = 0; i < seg.n_tokens && k < max; i++) {
        const prl_token *t = &seg.tokens[i];
        if (t->len == 0)
            continue;
        int last = i + 1 == seg.n_tokens;
        if (stem && last && t->len < 32) {
            uint32_t id = intern(b, &b->stems, &b->smap, t->norm, t->len);
            b->stem_lens |= 1u << t->len;
            out[k].label = PRL_LBL(id, 1);
        } else {
            out[k].label = PRL_LBL(intern(b, &b->words, &b->wmap, t->norm, t->len), 0);
        }
        out[k].joined = last ? (uint8_t)joined : 1;
        k++;
    }
    return k;
}

/* ------------------------------------------------------------------ */
/* Tries.                                                               */

static uint32_t new_node(build *b)
{
    prl_img_node *n = vpush(b->a, &b->nodes);
    if (!n) {
        b->oom = 1;
        return 0;
    }
    return (uint32_t)b->nodes.n - 1;
}

static uint32_t child(build *b, uint32_t parent, uint32_t label)
{
    if (b->oom)
        return 0;
    uint64_t key = ((uint64_t)parent << 32) | label;
    if (b->emap.n * 2 >= b->emap.cap && kmap_grow(b->a, &b->emap)) {
        b->oom = 1;
        return 0;
    }
    size_t j = mix64(key) & (b->emap.cap - 1);
    while (b->emap.vals[j]) {
        if (b->emap.keys[j] == key)
            return b->emap.vals[j] - 1;
        j = (j + 1) & (b->emap.cap - 1);
    }
    for (int t = 0; t < PRL_TRIE_COUNT; t++)
        if (parent == b->roots[t]) {
            vec *w = (label & PRL_LBL_STEM) ? &b->stems : &b->words;
            VAT(*w, prl_img_word, PRL_LBL_ID(label)).starts |= (uint8_t)(1u << t);
        }
    uint32_t c = new_node(b);
    bedge *e = vpush(b->a, &b->edges);
    if (!e || b->oom) {
        b->oom = 1;
        return 0;
    }
    e->parent = parent;
    e->label = label;
    e->child = c;
    b->emap.keys[j] = key;
    b->emap.vals[j] = c + 1;
    b->emap.n++;
    return c;
}

/* Insert a phrase of plain words into trie t; returns its end node, or
 * PRL_NONE if the phrase has no usable word. */
static uint32_t insert_phrase(build *b, int t, const prl_phrase *ph)
{
    uint32_t node = b->roots[t];
    unsigned used = 0;
    nword nw[MAXNW];
    for (uint32_t i = 0; i < ph->n; i++) {
        const prl_dword *w = &ph->w[i];
        if (w->kind != PRL_W_WORD)
            continue;
        unsigned k = norm_word(b, w->text, w->stem, w->joined, nw, MAXNW);
        for (unsigned j = 0; j < k; j++) {
            uint32_t label = nw[j].label;
            /* The joined flag belongs to the edge: it says whether the
             * word after this one must be adjacent. The last word's flag
             * is meaningless, so clear it to share end nodes. */
            int last_word = (i + 1 == ph->n) && (j + 1 == k);
            if (nw[j].joined && !last_word)
                label |= PRL_LBL_JOINED;
            node = child(b, node, label);
            used++;
        }
    }
    return used ? node : PRL_NONE;
}

static uint32_t new_entry(build *b, uint32_t first, uint32_t n,
                          uint32_t flags, const prl_origin *at)
{
    prl_img_entry *e = vpush(b->a, &b->entries);
    if (!e) {
        b->oom = 1;
        return 0;
    }
    e->first = first;
    e->n = n;
    e->flags = flags;
    e->file = at && at->file ? add_str(b, at->file, strlen(at->file)) : 0;
    e->line = at ? at->line : 0;
    return (uint32_t)b->entries.n;     /* value = index + 1 */
}

static uint32_t add_code(build *b, const char *code, int32_t from, int32_t to)
{
    prl_img_code *c = vpush(b->a, &b->codes);
    if (!c) {
        b->oom = 1;
        return 0;
    }
    c->code = code ? add_str(b, code, strlen(code)) : 0;
    c->from = from;
    c->to = to;
    return (uint32_t)b->codes.n - 1;
}

static uint32_t add_vcode(build *b, const prl_vcode *vc)
{
    prl_img_vcode *v = vpush(b->a, &b->vcodes);
    if (!v) {
        b->oom = 1;
        return 0;
    }
    v->code = vc->code ? add_str(b, vc->code, strlen(vc->code)) : 0;
    v->code2 = vc->code2 ? add_str(b, vc->code2, strlen(vc->code2)) : 0;
    v->passive = vc->passive_code
                     ? add_str(b, vc->passive_code, strlen(vc->passive_code))
                     : 0;
    return (uint32_t)b->vcodes.n - 1;
}

/* Pattern / synset elements from a phrase. Returns the number written;
 * *verb_at gets the number of elements before the verb (PRL_NONE if the
 * phrase has no verb element) and *vjoin whether the verb is joined to the
 * next element. */
static uint32_t add_elems(build *b, const prl_phrase *ph, uint32_t n_synsets,
                          uint32_t *verb_at, int *vjoin)
{
    uint32_t count = 0;
    *verb_at = PRL_NONE;
    *vjoin = 0;
    nword nw[MAXNW];
    for (uint32_t i = 0; i < ph->n; i++) {
        const prl_dword *w = &ph->w[i];
        prl_img_elem *e;
        switch (w->kind) {
        case PRL_W_WORD: {
            unsigned k = norm_word(b, w->text, w->stem, w->joined, nw, MAXNW);
            for (unsigned j = 0; j < k; j++) {
                e = vpush(b->a, &b->elems);
                if (!e) {
                    b->oom = 1;
                    return count;
                }
                e->kind = PRL_E_WORD;
                e->arg = nw[j].label;
                e->joined = nw[j].joined;
                count++;
            }
            break;
        }
        case PRL_W_VERB:
            if (*verb_at == PRL_NONE) {
                *verb_at = count;
                *vjoin = w->joined;
            }
            break;
        case PRL_W_SYNSET:
        case PRL_W_SOURCE:
        case PRL_W_TARGET:
        case PRL_W_COMPOUND:
        case PRL_W_SKIP:
            if (w->kind == PRL_W_SYNSET && w->synset >= n_synsets)
                break;
            e = vpush(b->a, &b->elems);
            if (!e) {
                b->oom = 1;
                return count;
            }
            e->kind = w->kind == PRL_W_SYNSET   ? PRL_E_SYNSET
                      : w->kind == PRL_W_SOURCE ? PRL_E_SOURCE
                      : w->kind == PRL_W_TARGET ? PRL_E_TARGET
                      : w->kind == PRL_W_COMPOUND ? PRL_E_COMPOUND
                                                  : PRL_E_SKIP;
            e->arg = w->kind == PRL_W_SYNSET ? w->synset : 0;
            e->joined = w->joined;
            count++;
            break;
        default:
            /* PETRARCH2 phrase brackets: the shallow matcher has no
             * phrase structure, so they are dropped. */
            break;
        }
    }
    return count;
}

static int cmp_edge(const void *x, const void *y)
{
    const bedge *a = x, *b = y;
    if (a->parent != b->parent)
        return a->parent < b->parent ? -1 : 1;
    if (a->label != b->label)
        return a->label < b->label ? -1 : 1;
    return 0;
}

static int cmp_vpair(const void *x, const void *y)
{
    const vpair *a = x, *b = y;
    if (a->node != b->node)
        return a->node < b->node ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* ------------------------------------------------------------------ */
/* Model -> build.                                                      */

static void compile_model(build *b, const prl_model *m)
{
    for (int t = 0; t < PRL_TRIE_COUNT; t++)
        b->roots[t] = new_node(b);
    add_str(b, "", 0);
    { char *z = vpush(b->a, &b->str); if (!z) b->oom = 1; }   /* offset 0: "" */

    for (size_t i = 0; i < sizeof CLOSED / sizeof CLOSED[0]; i++) {
        /* Already in matching form; interned as is because the
         * segmenter would split a lone "'S". */
        uint32_t id = intern(b, &b->words, &b->wmap, CLOSED[i].w,
                             strlen(CLOSED[i].w));
        if (!b->oom) {
            prl_img_word *w = &VAT(b->words, prl_img_word, id);
            w->cls = CLOSED[i].cls;
            w->flags = CLOSED[i].flags;
        }
    }

    for (size_t i = 0; i < sizeof FLAGGED / sizeof FLAGGED[0] && !b->oom; i++) {
        uint32_t id = intern(b, &b->words, &b->wmap, FLAGGED[i].w,
                             strlen(FLAGGED[i].w));
        if (!b->oom)
            VAT(b->words, prl_img_word, id).flags |= FLAGGED[i].flags;
    }

    for (size_t i = 0; i < sizeof PAST / sizeof PAST[0] && !b->oom; i++) {
        uint32_t id = intern(b, &b->words, &b->wmap, PAST[i], strlen(PAST[i]));
        if (!b->oom)
            VAT(b->words, prl_img_word, id).flags |= PRL_WF_PAST;
    }

    /* Actors: the first entry for a phrase wins (later duplicates are the
     * dictionary's problem; the linter reports them). */
    for (size_t i = 0; i < m->actors.len && !b->oom; i++) {
        const prl_actor *a = &PRL_VEC_AT(&m->actors, prl_actor, i);
        uint32_t first = (uint32_t)b->codes.n;
        for (uint32_t c = 0; c < a->n_codes; c++)
            add_code(b, a->codes[c].code, a->codes[c].from, a->codes[c].to);
        uint32_t val = 0;
        for (uint32_t k = 0; k < a->n_names && !b->oom; k++) {
            uint32_t node = insert_phrase(b, PRL_TRIE_ACTOR, &a->names[k]);
            if (node == PRL_NONE)
                continue;
            prl_img_node *nd = &VAT(b->nodes, prl_img_node, node);
            if (nd->value)
                continue;
            if (!val)
                val = new_entry(b, first, a->n_codes, 0, &a->at);
            VAT(b->nodes, prl_img_node, node).value = val;
        }
    }
    for (size_t i = 0; i < m->agents.len && !b->oom; i++) {
        const prl_agent *a = &PRL_VEC_AT(&m->agents, prl_agent, i);
        uint32_t c = add_code(b, a->code, 0, 0);
        uint32_t val = 0;
        for (uint32_t k = 0; k < a->n_names && !b->oom; k++) {
            uint32_t node = insert_phrase(b, PRL_TRIE_AGENT, &a->names[k]);
            if (node == PRL_NONE || VAT(b->nodes, prl_img_node, node).value)
                continue;
            if (!val)
                val = new_entry(b, c, 1, a->pos == PRL_AGENT_PREFIX, &a->at);
            VAT(b->nodes, prl_img_node, node).value = val;
        }
    }
    for (size_t i = 0; i < m->discards.len && !b->oom; i++) {
        const prl_discard *dc = &PRL_VEC_AT(&m->discards, prl_discard, i);
        uint32_t node = insert_phrase(b, PRL_TRIE_DISCARD, &dc->phrase);
        if (node == PRL_NONE || VAT(b->nodes, prl_img_node, node).value)
            continue;
        uint32_t val = new_entry(b, 0, 0, dc->story, &dc->at);
        VAT(b->nodes, prl_img_node, node).value = val;
    }
    for (size_t i = 0; i < m->issues.len && !b->oom; i++) {
        const prl_issue *is = &PRL_VEC_AT(&m->issues, prl_issue, i);
        uint32_t node = insert_phrase(b, PRL_TRIE_ISSUE, &is->phrase);
        if (node == PRL_NONE || VAT(b->nodes, prl_img_node, node).value)
            continue;
        uint32_t c = add_code(b, is->code, 0, 0);
        uint32_t val = new_entry(b, c, is->code ? 1 : 0, is->ignore, &is->at);
        VAT(b->nodes, prl_img_node, node).value = val;
    }

    /* Synsets first: patterns refer to them by index. */
    uint32_t n_syn = (uint32_t)m->synsets.len;
    for (size_t i = 0; i < m->synsets.len && !b->oom; i++) {
        const prl_synset *s = &PRL_VEC_AT(&m->synsets, prl_synset, i);
        prl_img_synset *is = vpush(b->a, &b->synsets);
        if (!is) {
            b->oom = 1;
            break;
        }
        is->name = s->name ? add_str(b, s->name, strlen(s->name)) : 0;
        uint32_t first = (uint32_t)b->synphr.n;
        for (uint32_t k = 0; k < s->n_phrases && !b->oom; k++) {
            uint32_t fe = (uint32_t)b->elems.n, va;
            int vj;
            uint32_t ne = add_elems(b, &s->phrases[k], n_syn, &va, &vj);
            if (!ne)
                continue;
            prl_img_synphr *p = vpush(b->a, &b->synphr);
            if (!p) {
                b->oom = 1;
                break;
            }
            p->first_elem = fe;
            p->n = ne;
        }
        is = &VAT(b->synsets, prl_img_synset, i);
        is->first = first;
        is->n = (uint32_t)b->synphr.n - first;
    }

    uint32_t order = 0;
    for (size_t i = 0; i < m->verbs.len && !b->oom; i++) {
        const prl_verb_block *vb = &PRL_VEC_AT(&m->verbs, prl_verb_block, i);
        uint32_t bi = (uint32_t)b->blocks.n;
        prl_img_block *blk = vpush(b->a, &b->blocks);
        if (!blk) {
            b->oom = 1;
            break;
        }
        blk->name = vb->name ? add_str(b, vb->name, strlen(vb->name)) : 0;
        blk->vcode = add_vcode(b, &vb->code);
        blk = &VAT(b->blocks, prl_img_block, bi);
        blk->first_pattern = (uint32_t)b->patterns.n;
        for (uint32_t k = 0; k < vb->n_patterns && !b->oom; k++) {
            const prl_pattern *p = &vb->patterns[k];
            uint32_t fe = (uint32_t)b->elems.n, va;
            int vj;
            uint32_t ne = add_elems(b, &p->words, n_syn, &va, &vj);
            if (va == PRL_NONE)
                va = 0;     /* PETRARCH2: the verb comes first */
            uint32_t vc = add_vcode(b, &p->code);
            prl_img_pattern *ip = vpush(b->a, &b->patterns);
            if (!ip) {
                b->oom = 1;
                break;
            }
            ip->first_elem = fe;
            ip->n_left = (uint16_t)(va > 0xffff ? 0xffff : va);
            ip->n_right = (uint16_t)(ne - va > 0xffff ? 0xffff : ne - va);
            if (ip->n_left + ip->n_right != ne) {
                /* absurdly long pattern: drop it */
                b->patterns.n--;
                continue;
            }
            ip->vcode = vc;
            ip->flags = vj ? PRL_PF_VJOIN : 0;
            /* The key: the longest literal word, likely the rarest. */
            ip->key = PRL_NONE;
            uint32_t klen = 0;
            for (uint32_t k2 = 0; k2 < ne; k2++) {
                const prl_img_elem *e = &VAT(b->elems, prl_img_elem, fe + k2);
                if (e->kind != PRL_E_WORD)
                    continue;
                const vec *wv = (e->arg & PRL_LBL_STEM) ? &b->stems : &b->words;
                uint32_t len = VAT(*wv, prl_img_word, PRL_LBL_ID(e->arg)).len;
                if (len > klen) {
                    klen = len;
                    ip->key = e->arg;
                }
            }
            ip->file = p->at.file ? add_str(b, p->at.file, strlen(p->at.file)) : 0;
            ip->line = p->at.line;
        }
        blk = &VAT(b->blocks, prl_img_block, bi);
        blk->n_patterns = (uint32_t)b->patterns.n - blk->first_pattern;

        for (uint32_t k = 0; k < vb->n_forms && !b->oom; k++) {
            const prl_verb_form *f = &vb->forms[k];
            uint32_t node = insert_phrase(b, PRL_TRIE_VERB, &f->words);
            if (node == PRL_NONE)
                continue;
            prl_img_vform *vf = vpush(b->a, &b->vforms);
            if (!vf) {
                b->oom = 1;
                break;
            }
            vf->block = bi;
            vf->vcode = add_vcode(b, &f->code);
            vf->file = f->at.file ? add_str(b, f->at.file, strlen(f->at.file)) : 0;
            vf->line = f->at.line;
            vpair *vp = vpush(b->a, &b->vpairs);
            if (!vp) {
                b->oom = 1;
                break;
            }
            vp->node = node;
            vp->vform = (uint32_t)b->vforms.n - 1;
            vp->order = order++;
        }
    }
}

/* Group verb forms by node: each verb end node gets one entry whose vforms
 * are contiguous. The vforms vector is rewritten in node order. */
static void finish_verbs(build *b)
{
    if (b->oom || b->vpairs.n == 0)
        return;
    qsort(b->vpairs.p, b->vpairs.n, sizeof(vpair), cmp_vpair);
    vec nf = {NULL, 0, 0, sizeof(prl_img_vform)};
    for (size_t i = 0; i < b->vpairs.n && !b->oom;) {
        size_t j = i;
        uint32_t node = VAT(b->vpairs, vpair, i).node;
        uint32_t first = (uint32_t)nf.n;
        while (j < b->vpairs.n && VAT(b->vpairs, vpair, j).node == node) {
            prl_img_vform *d = vpush(b->a, &nf);
            if (!d) {
                b->oom = 1;
                break;
            }
            *d = VAT(b->vforms, prl_img_vform, VAT(b->vpairs, vpair, j).vform);
            j++;
        }
        prl_img_vform *f0 = &VAT(nf, prl_img_vform, first);
        prl_origin at = {NULL, f0->line};
        uint32_t val = new_entry(b, first, (uint32_t)(j - i), 0, &at);
        VAT(b->entries, prl_img_entry, val - 1).file = f0->file;
        VAT(b->nodes, prl_img_node, node).value = val;
        i = j;
    }
    prl_free(b->a, b->vforms.p);
    b->vforms = nf;
}

/* ------------------------------------------------------------------ */
/* Layout.                                                              */

static size_t align8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

static uint32_t pow2_at_least(size_t n)
{
    uint32_t c = 16;
    while (c < n)
        c <<= 1;
    return c;
}

static void fill_hash(const prl_img_word *w, uint32_t n, uint32_t *tab,
                      uint32_t cap)
{
    for (uint32_t i = 0; i < n; i++) {
        uint32_t j = w[i].hash & (cap - 1);
        while (tab[j])
            j = (j + 1) & (cap - 1);
        tab[j] = i + 1;
    }
}

static parley_status layout(build *b, uint64_t hash, void **out, size_t *out_n)
{
    size_t nwh = pow2_at_least(b->words.n * 2 + 1);
    size_t nsh = pow2_at_least(b->stems.n * 2 + 1);
    size_t counts[PRL_SEC_COUNT] = {
        b->str.n, b->words.n, nwh, b->stems.n, nsh, b->nodes.n, b->edges.n,
        b->entries.n, b->codes.n, b->vforms.n, b->blocks.n, b->patterns.n,
        b->elems.n, b->synsets.n, b->synphr.n, b->vcodes.n};
    static const size_t sizes[PRL_SEC_COUNT] = {
        1, sizeof(prl_img_word), 4, sizeof(prl_img_word), 4,
        sizeof(prl_img_node), sizeof(prl_img_edge), sizeof(prl_img_entry),
        sizeof(prl_img_code), sizeof(prl_img_vform), sizeof(prl_img_block),
        sizeof(prl_img_pattern), sizeof(prl_img_elem), sizeof(prl_img_synset),
        sizeof(prl_img_synphr), sizeof(prl_img_vcode)};
    size_t off = align8(sizeof(prl_img_header));
    size_t offs[PRL_SEC_COUNT];
    for (int s = 0; s < PRL_SEC_COUNT; s++) {
        if (counts[s] > 0x3fffffffu)
            return PARLEY_ETOOBIG;
        offs[s] = off;
        off = align8(off + counts[s] * sizes[s]);
    }
    if (off > 0xffffffffu)
        return PARLEY_ETOOBIG;
    unsigned char *img = prl_calloc(b->a, off);
    if (!img)
        return PARLEY_ENOMEM;
    prl_img_header *h = (prl_img_header *)img;
    memcpy(h->magic, PRL_IMG_MAGIC, 8);
    h->version = PRL_IMG_VERSION;
    h->endian = PRL_IMG_ENDIAN;
    h->size = off;
    h->hash = hash;
    memcpy(h->roots, b->roots, sizeof h->roots);
    h->stem_lens = b->stem_lens;
    for (int s = 0; s < PRL_SEC_COUNT; s++) {
        h->sec[s].off = (uint32_t)offs[s];
        h->sec[s].n = (uint32_t)counts[s];
    }
    /* An empty vector has no buffer: memcpy from NULL is undefined even
     * for 0 bytes. */
    if (b->str.n)
        memcpy(img + offs[PRL_SEC_STR], b->str.p, b->str.n);
    if (b->words.n)
        memcpy(img + offs[PRL_SEC_WORDS], b->words.p, b->words.n * sizeof(prl_img_word));
    if (b->stems.n)
        memcpy(img + offs[PRL_SEC_STEMS], b->stems.p, b->stems.n * sizeof(prl_img_word));
    fill_hash((prl_img_word *)(img + offs[PRL_SEC_WORDS]), (uint32_t)b->words.n,
              (uint32_t *)(img + offs[PRL_SEC_WHASH]), (uint32_t)nwh);
    fill_hash((prl_img_word *)(img + offs[PRL_SEC_STEMS]), (uint32_t)b->stems.n,
              (uint32_t *)(img + offs[PRL_SEC_SHASH]), (uint32_t)nsh);

    /* Edges sorted by (parent, label); each node gets its range. */
    if (b->edges.n)
        qsort(b->edges.p, b->edges.n, sizeof(bedge), cmp_edge);
    prl_img_node *nodes = (prl_img_node *)(img + offs[PRL_SEC_NODES]);
    prl_img_edge *edges = (prl_img_edge *)(img + offs[PRL_SEC_EDGES]);
    if (b->nodes.n)
        memcpy(nodes, b->nodes.p, b->nodes.n * sizeof(prl_img_node));
    for (size_t i = 0; i < b->nodes.n; i++)
        nodes[i].first_edge = nodes[i].n_edges = 0;
    for (size_t i = 0; i < b->edges.n; i++) {
        const bedge *e = &VAT(b->edges, bedge, i);
        edges[i].label = e->label;
        edges[i].child = e->child;
        if (nodes[e->parent].n_edges == 0)
            nodes[e->parent].first_edge = (uint32_t)i;
        nodes[e->parent].n_edges++;
    }
#define COPY(S, V, T) \
    do { if (b->V.n) memcpy(img + offs[S], b->V.p, b->V.n * sizeof(T)); } while (0)
    COPY(PRL_SEC_ENTRIES, entries, prl_img_entry);
    COPY(PRL_SEC_CODES, codes, prl_img_code);
    COPY(PRL_SEC_VFORMS, vforms, prl_img_vform);
    COPY(PRL_SEC_BLOCKS, blocks, prl_img_block);
    COPY(PRL_SEC_PATTERNS, patterns, prl_img_pattern);
    COPY(PRL_SEC_ELEMS, elems, prl_img_elem);
    COPY(PRL_SEC_SYNSETS, synsets, prl_img_synset);
    COPY(PRL_SEC_SYNPHR, synphr, prl_img_synphr);
    COPY(PRL_SEC_VCODES, vcodes, prl_img_vcode);
#undef COPY
    *out = img;
    *out_n = off;
    return PARLEY_OK;
}

static void build_free(build *b)
{
    vec *vs[] = {&b->str, &b->words, &b->stems, &b->nodes, &b->edges,
                 &b->entries, &b->codes, &b->vforms, &b->blocks, &b->patterns,
                 &b->elems, &b->synsets, &b->synphr, &b->vcodes, &b->vpairs};
    for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++)
        prl_free(b->a, vs[i]->p);
    kmap_free(b->a, &b->strmap);
    kmap_free(b->a, &b->wmap);
    kmap_free(b->a, &b->smap);
    kmap_free(b->a, &b->emap);
    prl_arena_free(&b->tmp);
}

parley_status prl_compile(const prl_model *m, const prl_alloc *a,
                          parley_dict **out)
{
    if (!m || !out)
        return PARLEY_EINVAL;
    *out = NULL;
    if (!a || !a->fn)
        a = &prl_default_alloc;
    build b;
    memset(&b, 0, sizeof b);
    b.a = a;
    prl_arena_init(&b.tmp, a);
    b.str.item = 1;
    b.words.item = b.stems.item = sizeof(prl_img_word);
    b.nodes.item = sizeof(prl_img_node);
    b.edges.item = sizeof(bedge);
    b.entries.item = sizeof(prl_img_entry);
    b.codes.item = sizeof(prl_img_code);
    b.vforms.item = sizeof(prl_img_vform);
    b.blocks.item = sizeof(prl_img_block);
    b.patterns.item = sizeof(prl_img_pattern);
    b.elems.item = sizeof(prl_img_elem);
    b.synsets.item = sizeof(prl_img_synset);
    b.synphr.item = sizeof(prl_img_synphr);
    b.vcodes.item = sizeof(prl_img_vcode);
    b.vpairs.item = sizeof(vpair);

    compile_model(&b, m);
    finish_verbs(&b);
    parley_status st = PARLEY_ENOMEM;
    void *img = NULL;
    size_t n = 0;
    if (!b.oom)
        st = layout(&b, m->hash, &img, &n);
    build_free(&b);
    if (st != PARLEY_OK)
        return st;
    st = prl_dict_open(img, n, img, NULL, 0, a, out);
    if (st != PARLEY_OK)
        prl_free(a, img);
    return st;
}

/* ------------------------------------------------------------------ */
/* Validation and the dict object.                                      */

static int bad_str(const parley_dict *d, uint32_t off)
{
    return off >= d->n_str;
}

static int check_words(const parley_dict *d, const prl_img_word *w,
                       uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (bad_str(d, w[i].str) || w[i].len >= d->n_str - w[i].str ||
            w[i].cls >= PRL_WC_COUNT)
            return -1;
    return 0;
}

static int check_label(const parley_dict *d, uint32_t label)
{
    uint32_t id = PRL_LBL_ID(label);
    return (label & PRL_LBL_STEM) ? id >= d->n_stems : id >= d->n_words;
}

static int check_elems(const parley_dict *d, uint32_t first, uint32_t n)
{
    if (first > d->n_elems || n > d->n_elems - first)
        return -1;
    for (uint32_t i = first; i < first + n; i++) {
        const prl_img_elem *e = &d->elems[i];
        if (e->kind > PRL_E_SKIP)
            return -1;
        if (e->kind == PRL_E_WORD && check_label(d, e->arg))
            return -1;
        if (e->kind == PRL_E_SYNSET && e->arg >= d->n_synsets)
            return -1;
    }
    return 0;
}

static int validate(parley_dict *d)
{
    const prl_img_header *h = d->h;
    if (memcmp(h->magic, PRL_IMG_MAGIC, 8) != 0 ||
        h->version != PRL_IMG_VERSION || h->endian != PRL_IMG_ENDIAN ||
        h->size != d->size)
        return -1;
    static const size_t sizes[PRL_SEC_COUNT] = {
        1, sizeof(prl_img_word), 4, sizeof(prl_img_word), 4,
        sizeof(prl_img_node), sizeof(prl_img_edge), sizeof(prl_img_entry),
        sizeof(prl_img_code), sizeof(prl_img_vform), sizeof(prl_img_block),
        sizeof(prl_img_pattern), sizeof(prl_img_elem), sizeof(prl_img_synset),
        sizeof(prl_img_synphr), sizeof(prl_img_vcode)};
    const void *sp[PRL_SEC_COUNT];
    for (int s = 0; s < PRL_SEC_COUNT; s++) {
        uint64_t off = h->sec[s].off, len = (uint64_t)h->sec[s].n * sizes[s];
        if (off % 8 || off < sizeof *h || off > d->size || len > d->size - off)
            return -1;
        sp[s] = d->base + off;
    }
    d->str = sp[PRL_SEC_STR];            d->n_str = h->sec[PRL_SEC_STR].n;
    d->words = sp[PRL_SEC_WORDS];        d->n_words = h->sec[PRL_SEC_WORDS].n;
    d->whash = sp[PRL_SEC_WHASH];        d->n_whash = h->sec[PRL_SEC_WHASH].n;
    d->stems = sp[PRL_SEC_STEMS];        d->n_stems = h->sec[PRL_SEC_STEMS].n;
    d->shash = sp[PRL_SEC_SHASH];        d->n_shash = h->sec[PRL_SEC_SHASH].n;
    d->nodes = sp[PRL_SEC_NODES];        d->n_nodes = h->sec[PRL_SEC_NODES].n;
    d->edges = sp[PRL_SEC_EDGES];        d->n_edges = h->sec[PRL_SEC_EDGES].n;
    d->entries = sp[PRL_SEC_ENTRIES];    d->n_entries = h->sec[PRL_SEC_ENTRIES].n;
    d->codes = sp[PRL_SEC_CODES];        d->n_codes = h->sec[PRL_SEC_CODES].n;
    d->vforms = sp[PRL_SEC_VFORMS];      d->n_vforms = h->sec[PRL_SEC_VFORMS].n;
    d->blocks = sp[PRL_SEC_BLOCKS];      d->n_blocks = h->sec[PRL_SEC_BLOCKS].n;
    d->patterns = sp[PRL_SEC_PATTERNS];  d->n_patterns = h->sec[PRL_SEC_PATTERNS].n;
    d->elems = sp[PRL_SEC_ELEMS];        d->n_elems = h->sec[PRL_SEC_ELEMS].n;
    d->synsets = sp[PRL_SEC_SYNSETS];    d->n_synsets = h->sec[PRL_SEC_SYNSETS].n;
    d->synphr = sp[PRL_SEC_SYNPHR];      d->n_synphr = h->sec[PRL_SEC_SYNPHR].n;
    d->vcodes = sp[PRL_SEC_VCODES];      d->n_vcodes = h->sec[PRL_SEC_VCODES].n;

    /* Strings: the pool must end with NUL so every offset is a string. */
    if (d->n_str == 0 || d->str[d->n_str - 1] != 0)
        return -1;
    /* Hash tables: power of two, values in range. */
    if (!d->n_whash || (d->n_whash & (d->n_whash - 1)) || !d->n_shash ||
        (d->n_shash & (d->n_shash - 1)) || d->n_whash <= d->n_words ||
        d->n_shash <= d->n_stems)
        return -1;
    for (uint32_t i = 0; i < d->n_whash; i++)
        if (d->whash[i] > d->n_words)
            return -1;
    for (uint32_t i = 0; i < d->n_shash; i++)
        if (d->shash[i] > d->n_stems)
            return -1;
    if (check_words(d, d->words, d->n_words) ||
        check_words(d, d->stems, d->n_stems))
        return -1;
    for (int t = 0; t < PRL_TRIE_COUNT; t++)
        if (h->roots[t] >= d->n_nodes)
            return -1;
    for (uint32_t i = 0; i < d->n_nodes; i++) {
        const prl_img_node *n = &d->nodes[i];
        if (n->first_edge > d->n_edges || n->n_edges > d->n_edges - n->first_edge ||
            n->value > d->n_entries)
            return -1;
        for (uint32_t e = n->first_edge; e < n->first_edge + n->n_edges; e++) {
            if (d->edges[e].child >= d->n_nodes ||
                check_label(d, d->edges[e].label & ~PRL_LBL_JOINED))
                return -1;
            if (e > n->first_edge && d->edges[e].label <= d->edges[e - 1].label)
                return -1;
        }
    }
    for (uint32_t i = 0; i < d->n_entries; i++) {
        const prl_img_entry *e = &d->entries[i];
        /* An entry indexes codes or vforms; both bounds must hold for the
         * one it is used with, so check against the larger meaning: the
         * coder knows from the trie which array applies. */
        if (bad_str(d, e->file))
            return -1;
        int ok_codes = e->first <= d->n_codes && e->n <= d->n_codes - e->first;
        int ok_vforms = e->first <= d->n_vforms && e->n <= d->n_vforms - e->first;
        if (!ok_codes && !ok_vforms)
            return -1;
    }
    /* Per-trie entry meaning: walk each trie's nodes. A node reachable from
     * two tries is not produced by the compiler; validate by trie. */
    for (uint32_t i = 0; i < d->n_codes; i++)
        if (bad_str(d, d->codes[i].code))
            return -1;
    for (uint32_t i = 0; i < d->n_vcodes; i++)
        if (bad_str(d, d->vcodes[i].code) || bad_str(d, d->vcodes[i].code2) ||
            bad_str(d, d->vcodes[i].passive))
            return -1;
    for (uint32_t i = 0; i < d->n_vforms; i++)
        if (d->vforms[i].block >= d->n_blocks || d->vforms[i].vcode >= d->n_vcodes ||
            bad_str(d, d->vforms[i].file))
            return -1;
    for (uint32_t i = 0; i < d->n_blocks; i++) {
        const prl_img_block *b = &d->blocks[i];
        if (bad_str(d, b->name) || b->vcode >= d->n_vcodes ||
            b->first_pattern > d->n_patterns ||
            b->n_patterns > d->n_patterns - b->first_pattern)
            return -1;
    }
    for (uint32_t i = 0; i < d->n_patterns; i++) {
        const prl_img_pattern *p = &d->patterns[i];
        if (p->vcode >= d->n_vcodes || bad_str(d, p->file) ||
            (p->key != PRL_NONE && check_label(d, p->key)) ||
            check_elems(d, p->first_elem, (uint32_t)p->n_left + p->n_right))
            return -1;
    }
    for (uint32_t i = 0; i < d->n_synsets; i++) {
        const prl_img_synset *s = &d->synsets[i];
        if (bad_str(d, s->name) || s->first > d->n_synphr ||
            s->n > d->n_synphr - s->first)
            return -1;
    }
    for (uint32_t i = 0; i < d->n_synphr; i++)
        if (check_elems(d, d->synphr[i].first_elem, d->synphr[i].n))
            return -1;
    /* Entries reached through the verb trie index vforms; through the
     * others, codes. Check each trie's entries with its own meaning. */
    uint32_t *stack = prl_malloc(&d->alloc, (size_t)d->n_nodes * 4 + 4);
    unsigned char *seen = prl_calloc(&d->alloc, (size_t)d->n_nodes + 1);
    int bad = !stack || !seen;
    for (int t = 0; t < PRL_TRIE_COUNT && !bad; t++) {
        uint32_t top = 0;
        stack[top++] = h->roots[t];
        while (top && !bad) {
            uint32_t n = stack[--top];
            if (seen[n]) {
                if (seen[n] != t + 1)
                    bad = 1;    /* shared between tries, or a cycle */
                continue;
            }
            seen[n] = (unsigned char)(t + 1);
            const prl_img_node *nd = &d->nodes[n];
            if (nd->value) {
                const prl_img_entry *e = &d->entries[nd->value - 1];
                if (t == PRL_TRIE_VERB)
                    bad |= !(e->first <= d->n_vforms && e->n <= d->n_vforms - e->first);
                else
                    bad |= !(e->first <= d->n_codes && e->n <= d->n_codes - e->first);
            }
            for (uint32_t e = nd->first_edge; e < nd->first_edge + nd->n_edges; e++)
                if (top < d->n_nodes)
                    stack[top++] = d->edges[e].child;
        }
    }
    prl_free(&d->alloc, stack);
    prl_free(&d->alloc, seen);
    return bad ? -1 : 0;
}

/* See parley_dict.rootix. Not having it only costs speed. */
static void build_rootix(parley_dict *d)
{
    size_t nids = (size_t)d->n_words + d->n_stems;
    uint32_t *ix = prl_calloc(&d->alloc, (size_t)PRL_TRIE_COUNT * nids * sizeof *ix + 1);
    if (!ix)
        return;
    for (int t = 0; t < PRL_TRIE_COUNT; t++) {
        const prl_img_node *n = &d->nodes[d->h->roots[t]];
        for (uint32_t e = n->first_edge; e < n->first_edge + n->n_edges; e++) {
            uint32_t label = d->edges[e].label, id = PRL_LBL_ID(label);
            int stem = (label & PRL_LBL_STEM) != 0;
            if (id >= (stem ? d->n_stems : d->n_words))
                continue;
            uint32_t *slot = &ix[(stem ? d->n_words + id : id) * (size_t)PRL_TRIE_COUNT + t];
            if (!*slot)     /* edges are sorted: the plain one comes first */
                *slot = e + 1;
        }
    }
    d->rootix = ix;
}

/* See parley_dict.pkeys. */
static int build_pkeys(parley_dict *d)
{
    d->pkeys = prl_malloc(&d->alloc, (size_t)d->n_patterns * sizeof *d->pkeys + 1);
    if (!d->pkeys)
        return -1;
    for (uint32_t i = 0; i < d->n_patterns; i++) {
        const char *code = prl_dict_str(d, d->vcodes[d->patterns[i].vcode].code);
        d->pkeys[i] = strcmp(code, "+++") == 0 ? PRL_PKEY_SKIP : d->patterns[i].key;
    }
    return 0;
}

parley_status prl_dict_open(const void *buf, size_t n, void *owned,
                            void *map, size_t map_len, const prl_alloc *a,
                            parley_dict **out)
{
    *out = NULL;
    if (!a || !a->fn)
        a = &prl_default_alloc;
    if (!buf || n < sizeof(prl_img_header) || ((uintptr_t)buf & 7))
        return PARLEY_EFORMAT;
    parley_dict *d = prl_calloc(a, sizeof *d);
    if (!d)
        return PARLEY_ENOMEM;
    d->alloc = *a;
    d->base = buf;
    d->size = n;
    d->h = buf;
    if (validate(d)) {
        prl_free(a, d);
        return PARLEY_EFORMAT;
    }
    if (build_pkeys(d)) {
        prl_free(a, d);
        return PARLEY_ENOMEM;
    }
    d->owned = owned;
    d->map = map;
    d->map_len = map_len;
    snprintf(d->version, sizeof d->version, "%016llx",
             (unsigned long long)d->h->hash);
    for (uint32_t i = 0; i < d->n_stems; i++) {
        const prl_img_word *w = &d->stems[i];
        if (w->len < 1 || w->len > 31)
            continue;
        d->stem_lens1[(unsigned char)d->str[w->str]] |= 1u << w->len;
        if (w->len >= 2)
            d->stem_lens2[prl_stem_pair(d->str + w->str)] |= 1u << w->len;
    }
    build_rootix(d);
    *out = d;
    return PARLEY_OK;
}

uint32_t prl_dict_word(const parley_dict *d, const char *s, size_t n)
{
    return prl_dict_word_hashed(d, s, n, prl_dict_word_hash(s, n));
}

uint32_t prl_dict_word_hashed(const parley_dict *d, const char *s, size_t n,
                              uint32_t h)
{
    uint32_t mask = d->n_whash - 1;
    for (uint32_t j = h & mask, k = 0; k <= mask; j = (j + 1) & mask, k++) {
        uint32_t v = d->whash[j];
        if (!v)
            return PRL_NONE;
        const prl_img_word *w = &d->words[v - 1];
        if (w->hash == h && w->len == n) {
            /* Words are short: a plain loop beats a memcmp call. */
            const char *ws = d->str + w->str;
            size_t i = 0;
            while (i < n && ws[i] == s[i])
                i++;
            if (i == n)
                return v - 1;
        }
    }
    return PRL_NONE;
}

unsigned prl_dict_stems(const parley_dict *d, const char *s, size_t n,
                        uint32_t *out, unsigned max)
{
    if (n == 0 || !d->n_stems)
        return 0;
    uint32_t lens = d->h->stem_lens & d->stem_lens1[(unsigned char)s[0]];
    if (lens & ~2u)         /* stems of 2+ bytes: filter by the first two */
        lens &= 2u | (n >= 2 ? d->stem_lens2[prl_stem_pair(s)] : 0u);
    if (!lens)
        return 0;
    unsigned k = 0;
    uint64_t h = 0xcbf29ce484222325ull;
    uint32_t mask = d->n_shash - 1;
    for (size_t i = 0; i < n && i < 31 && k < max; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
        size_t L = i + 1;
        if (!(lens >> L))
            break;          /* no longer stem starts with s[0] */
        if (!(lens & (1u << L)))
            continue;
        uint32_t hh = (uint32_t)h;
        for (uint32_t j = hh & mask, c = 0; c <= mask; j = (j + 1) & mask, c++) {
            uint32_t v = d->shash[j];
            if (!v)
                break;
            const prl_img_word *w = &d->stems[v - 1];
            if (w->hash == hh && w->len == L && memcmp(d->str + w->str, s, L) == 0) {
                out[k++] = v - 1;
                break;
            }
        }
    }
    return k;
}

void prl_dict_child2(const parley_dict *d, uint32_t node, uint32_t label,
                     uint32_t *plain, uint32_t *joined)
{
    const prl_img_node *n = &d->nodes[node];
    uint32_t lo = n->first_edge, hi = n->first_edge + n->n_edges;
    *plain = *joined = PRL_NONE;
    if (d->rootix && n->n_edges > 64 && !(label & PRL_LBL_JOINED)) {
        for (int t = 0; t < PRL_TRIE_COUNT; t++) {
            if (d->h->roots[t] != node)
                continue;
            uint32_t id = PRL_LBL_ID(label);
            int stem = (label & PRL_LBL_STEM) != 0;
            if (id >= (stem ? d->n_stems : d->n_words))
                return;
            uint32_t v = d->rootix[(stem ? d->n_words + id : id) * (size_t)PRL_TRIE_COUNT + t];
            if (!v)
                return;
            lo = hi = v - 1;
            break;
        }
    }
    if (hi - lo <= 8) {
        /* Most inner nodes have a few edges: a short scan beats the
         * binary search's unpredictable branches. */
        while (lo < hi && d->edges[lo].label < label)
            lo++;
    } else {
        while (lo < hi) {
            uint32_t mid = lo + (hi - lo) / 2;
            if (d->edges[mid].label < label)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
    uint32_t end = n->first_edge + n->n_edges;
    if (lo < end && d->edges[lo].label == label)
        *plain = d->edges[lo++].child;
    if (lo < end && d->edges[lo].label == (label | PRL_LBL_JOINED))
        *joined = d->edges[lo].child;
}

uint32_t prl_dict_child(const parley_dict *d, uint32_t node, uint32_t label)
{
    const prl_img_node *n = &d->nodes[node];
    uint32_t lo = n->first_edge, hi = n->first_edge + n->n_edges;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        uint32_t l = d->edges[mid].label;
        if (l == label)
            return d->edges[mid].child;
        if (l < label)
            lo = mid + 1;
        else
            hi = mid;
    }
    return PRL_NONE;
}

/* ------------------------------------------------------------------ */
/* Public API: save, load, version, free.                               */

parley_status parley_dict_save(const parley_dict *d, const char *path)
{
    if (!d || !path)
        return PARLEY_EINVAL;
    /* Write a temporary file and rename it over the target: a process
     * that has the old image mapped keeps reading the old, intact file
     * (truncating it in place would make its pages vanish: SIGBUS). */
    char tmp[4096];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid()) >= sizeof tmp)
        return PARLEY_EINVAL;
    FILE *f = fopen(tmp, "wb");
    if (!f)
        return PARLEY_EIO;
    int ok = fwrite(d->base, 1, d->size, f) == d->size;
    ok &= fflush(f) == 0;
    ok &= fclose(f) == 0;
    if (ok)
        ok = rename(tmp, path) == 0;
    if (!ok)
        remove(tmp);
    return ok ? PARLEY_OK : PARLEY_EIO;
}

static const prl_alloc *opts_alloc(const parley_options *opts, prl_alloc *tmp)
{
    if (opts && opts->alloc) {
        tmp->fn = opts->alloc;
        tmp->ud = opts->alloc_ud;
        return tmp;
    }
    return &prl_default_alloc;
}

parley_status parley_dict_load(const char *path, const parley_options *opts,
                               parley_dict **out)
{
    if (!path || !out)
        return PARLEY_EINVAL;
    *out = NULL;
    prl_alloc tmp;
    const prl_alloc *a = opts_alloc(opts, &tmp);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return PARLEY_EIO;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        close(fd);
        return PARLEY_EIO;
    }
    if (st.st_size < (off_t)sizeof(prl_img_header) || (uint64_t)st.st_size > 0xffffffffu) {
        close(fd);
        return PARLEY_EFORMAT;
    }
    size_t n = (size_t)st.st_size;
    void *map = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return PARLEY_EIO;
    parley_status s = prl_dict_open(map, n, NULL, map, n, a, out);
    if (s != PARLEY_OK)
        munmap(map, n);
    return s;
}

parley_status parley_dict_load_buffer(const void *buf, size_t n,
                                      const parley_options *opts,
                                      parley_dict **out)
{
    if (!buf || !out)
        return PARLEY_EINVAL;
    *out = NULL;
    prl_alloc tmp;
    const prl_alloc *a = opts_alloc(opts, &tmp);
    if (n < sizeof(prl_img_header))
        return PARLEY_EFORMAT;
    if ((uintptr_t)buf & 7) {
        /* The image needs 8-byte alignment: copy an unaligned buffer. */
        void *copy = prl_malloc(a, n);
        if (!copy)
            return PARLEY_ENOMEM;
        memcpy(copy, buf, n);
        parley_status s = prl_dict_open(copy, n, copy, NULL, 0, a, out);
        if (s != PARLEY_OK)
            prl_free(a, copy);
        return s;
    }
    return prl_dict_open(buf, n, NULL, NULL, 0, a, out);
}

const char *parley_dict_version(const parley_dict *d)
{
    return d ? d->version : "";
}

void parley_dict_free(parley_dict *d)
{
    if (!d)
        return;
    prl_alloc a = d->alloc;
    if (d->map)
        munmap(d->map, d->map_len);
    prl_free(&a, d->rootix);
    prl_free(&a, d->pkeys);
    prl_free(&a, d->owned);
    prl_free(&a, d);
}
