/* dedupe.c: one event counted once. An event's identity is its date,
 * source, target, CAMEO code and place (place is "": a headline seldom
 * names the place its body names, so places, docs/geo.md, are not part
 * of it); its GLOBALEVENTID is a hash of that identity, so the same event
 * gets the same id on every run, in every store, whatever the order of the
 * input. Every coded event of a document is a *mention* of its event; the
 * mentions of one event across sentences and articles are counted into
 * one GDELT row (gdelt.c).
 *
 * This file turns a coded document into mentions (character offsets,
 * lead, source name) and keeps the identity table `parley code --format
 * gdelt` needs: every mention of the run, sorted at the end so each event's
 * mentions are adjacent. docs/store.md states the rules. */
#include "sink/store.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- identity ------------------------------------------------------------ */

static uint64_t mix64(uint64_t x)
{
    /* splitmix64's finalizer: FNV-1a alone leaves the low bits of similar
     * keys correlated, and the id keeps only the low 53. */
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

/* FNV-1a 64 continued from h (prl_hash64 restarts on a zero seed). */
static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

uint64_t prl_event_id(const char *date, const char *source, const char *target,
                      const char *code, const char *place)
{
    const char *parts[5] = {date, source, target, code, place};
    uint64_t h = 0xcbf29ce484222325ull;
    for (int i = 0; i < 5; i++) {
        const char *p = parts[i] ? parts[i] : "";
        if (i)
            h = fnv(h, "\t", 1);
        h = fnv(h, p, strlen(p));
    }
    uint64_t id = mix64(h) & ((1ull << 53) - 1);
    return id ? id : 1;
}

uint64_t prl_doc_hash(const char *date, const char *title, const char *text,
                      size_t len, const char *url)
{
    uint64_t h = 0xcbf29ce484222325ull;
    const char *parts[3] = {date, title, url};
    for (int i = 0; i < 3; i++) {
        const char *p = parts[i] ? parts[i] : "";
        h = fnv(h, p, strlen(p) + 1);           /* with its NUL: unambiguous */
    }
    return fnv(h, text ? text : "", text ? len : 0);
}

/* ---- mentions of a document --------------------------------------------- */

void prl_url_host(const char *url, char *buf, size_t n)
{
    buf[0] = '\0';
    if (!url || n == 0)
        return;
    const char *p = strstr(url, "://");
    if (!p)
        return;
    p += 3;
    const char *at = p + strcspn(p, "/?#");
    const char *user = memchr(p, '@', (size_t)(at - p));
    if (user)
        p = user + 1;
    size_t len = strcspn(p, ":/?#");
    if (len > 4 && strncasecmp(p, "www.", 4) == 0) {
        p += 4;
        len -= 4;
    }
    if (len >= n)
        len = n - 1;
    for (size_t i = 0; i < len; i++) {
        char c = p[i];
        buf[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    buf[len] = '\0';
}

void prl_mentions_init(prl_mentions *ms, const parley_doc *doc, const char *url,
                       const char *dict)
{
    char *buf = ms->buf;
    size_t cap = ms->cap;
    memset(ms, 0, sizeof *ms);
    ms->buf = buf;          /* kept across documents */
    ms->cap = cap;
    ms->doc = doc;
    ms->text = parley_doc_text(doc, &ms->len);
    if (!ms->text) {
        ms->text = "";
        ms->len = 0;
    }
    size_t ns = parley_doc_sentence_count(doc);
    for (size_t i = 0; i < ns; i++) {
        const parley_sentence *s = parley_doc_sentence(doc, i);
        if (s && s->part == PARLEY_PART_BODY) {
            ms->first_body = s->index;
            break;
        }
    }
    prl_url_host(url, ms->host, sizeof ms->host);
    prl_mention *b = &ms->base;
    b->doc = parley_doc_id(doc) ? parley_doc_id(doc) : "";
    b->date = parley_doc_date(doc) ? parley_doc_date(doc) : "";
    b->url = url ? url : "";
    b->source_name = ms->host;
    b->dict = dict ? dict : "";
    b->headline_support = (int)parley_doc_headline_support(doc);
    b->repeated = parley_doc_repeated(doc);
    unsigned long chars = 0;
    for (size_t i = 0; i < ms->len; i++)
        chars += ((unsigned char)ms->text[i] & 0xC0) != 0x80;
    b->doc_chars = chars;
}

void prl_mentions_free(prl_mentions *ms)
{
    prl_free(&prl_default_alloc, ms->buf);
    ms->buf = NULL;
    ms->cap = 0;
}

/* Character offset of byte offset b in the text (UTF-8: count the bytes
 * that start a character). Events come in text order, so continuing from
 * the last answer makes a document's offsets linear overall. */
static long char_at(prl_mentions *ms, uint32_t b)
{
    if (b > ms->len)
        return -1;
    if (b < ms->pos_byte) {
        ms->pos_byte = 0;
        ms->pos_char = 0;
    }
    for (size_t i = ms->pos_byte; i < b; i++)
        ms->pos_char += ((unsigned char)ms->text[i] & 0xC0) != 0x80;
    ms->pos_byte = b;
    return (long)ms->pos_char;
}

static int span_ok(const prl_mentions *ms, uint32_t s, uint32_t e)
{
    return s < e && e <= ms->len;
}

parley_status prl_mentions_get(prl_mentions *ms, size_t i, prl_mention *m)
{
    const parley_event *ev = parley_doc_event(ms->doc, i);
    if (!ev)
        return PARLEY_EINVAL;
    *m = ms->base;
    m->source = ev->source ? ev->source : "";
    m->target = ev->target ? ev->target : "";
    m->code = ev->code ? ev->code : "";
    m->id = prl_event_id(m->date, m->source, m->target, m->code, "");
    prl_geo_cols_of(ev, m);     /* places: not in the identity (store.h) */
    m->seq = (uint32_t)i;
    m->sentence = ev->sentence;
    m->part = (int)ev->part;
    m->support = (int)ev->support;
    m->start = ev->start;
    m->end = ev->end;
    m->in_lead = ev->part == PARLEY_PART_HEADLINE ||
                 (ms->first_body && ev->sentence == ms->first_body);
    /* A confidence the coder does not give is the middle of the scale. */
    m->confidence = ev->confidence >= 1 && ev->confidence <= 100 ? ev->confidence : 50;
    m->verb = ev->verb ? ev->verb : "";
    m->pattern = ev->pattern ? ev->pattern : "";

    /* The spans, checked: the library's, but cheap to trust less. */
    int src = span_ok(ms, ev->source_start, ev->source_end);
    int tgt = span_ok(ms, ev->target_start, ev->target_end);
    int vb = span_ok(ms, ev->verb_start, ev->verb_end);
    int snt = ev->start <= ev->end && ev->end <= ms->len;
    m->src_start = src ? ev->source_start : 0;
    m->src_end = src ? ev->source_end : 0;
    m->tgt_start = tgt ? ev->target_start : 0;
    m->tgt_end = tgt ? ev->target_end : 0;
    m->verb_start = vb ? ev->verb_start : 0;
    m->verb_end = vb ? ev->verb_end : 0;
    /* Offsets in increasing order keep char_at linear. */
    m->a1_char = m->a2_char = m->action_char = -1;
    uint32_t offs[3] = {src ? ev->source_start : UINT32_MAX,
                        tgt ? ev->target_start : UINT32_MAX,
                        vb ? ev->verb_start : UINT32_MAX};
    long *dst[3] = {&m->a1_char, &m->a2_char, &m->action_char};
    for (int pass = 0; pass < 3; pass++) {
        int best = -1;
        for (int k = 0; k < 3; k++)
            if (offs[k] != UINT32_MAX && (best < 0 || offs[k] < offs[best]))
                best = k;
        if (best < 0)
            break;
        *dst[best] = char_at(ms, offs[best]);
        offs[best] = UINT32_MAX;
    }

    /* The actors' words and the sentence, NUL-terminated, in ms->buf. */
    size_t n1 = src ? ev->source_end - ev->source_start : 0;
    size_t n2 = tgt ? ev->target_end - ev->target_start : 0;
    size_t n3 = snt ? ev->end - ev->start : 0;
    size_t need = n1 + n2 + n3 + 3;
    if (need > ms->cap) {
        char *nb = prl_realloc(&prl_default_alloc, ms->buf, need);
        if (!nb)
            return PARLEY_ENOMEM;
        ms->buf = nb;
        ms->cap = need;
    }
    char *p = ms->buf;
    memcpy(p, ms->text + m->src_start, n1);
    p[n1] = '\0';
    m->source_text = p;
    p += n1 + 1;
    memcpy(p, ms->text + m->tgt_start, n2);
    p[n2] = '\0';
    m->target_text = p;
    p += n2 + 1;
    memcpy(p, ms->text + (snt ? ev->start : 0), n3);
    p[n3] = '\0';
    m->text = p;
    return PARLEY_OK;
}

/* ---- order ----------------------------------------------------------------- */

int prl_mention_cmp(const void *pa, const void *pb)
{
    const prl_mention *a = pa, *b = pb;
    int c = strcmp(a->date, b->date);
    if (c)
        return c;
    if (a->id != b->id)
        return a->id < b->id ? -1 : 1;
    if ((c = strcmp(a->doc, b->doc)) != 0)
        return c;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* ---- the identity table ----------------------------------------------------- */

/* One document id: the serial of its latest copy in this run. */
typedef struct docslot {
    const char *id;         /* NULL: empty slot */
    uint64_t hash;
    uint32_t serial;
} docslot;

struct prl_dedupe {
    const prl_alloc *alloc;
    prl_arena arena;        /* every string of every mention */
    prl_vec mentions;       /* prl_mention */
    prl_vec serials;        /* uint32_t: document serial of each mention */
    docslot *docs;
    size_t ndocs, capdocs;  /* capdocs: a power of two */
    uint32_t serial;
};

parley_status prl_dedupe_new(const prl_alloc *a, prl_dedupe **out)
{
    *out = NULL;
    if (!a)
        a = &prl_default_alloc;
    prl_dedupe *d = prl_calloc(a, sizeof *d);
    if (!d)
        return PARLEY_ENOMEM;
    d->alloc = a;
    prl_arena_init(&d->arena, a);
    prl_vec_init(&d->mentions, sizeof(prl_mention));
    prl_vec_init(&d->serials, sizeof(uint32_t));
    *out = d;
    return PARLEY_OK;
}

void prl_dedupe_free(prl_dedupe *d)
{
    if (!d)
        return;
    prl_arena_free(&d->arena);
    prl_vec_free(d->alloc, &d->mentions);
    prl_vec_free(d->alloc, &d->serials);
    prl_free(d->alloc, d->docs);
    prl_free(d->alloc, d);
}

/* Find or add id; returns its slot, NULL on no memory. */
static docslot *doc_slot(prl_dedupe *d, const char *id)
{
    if (2 * (d->ndocs + 1) > d->capdocs) {
        size_t cap = d->capdocs ? 2 * d->capdocs : 1024;
        docslot *nd = prl_calloc(d->alloc, cap * sizeof *nd);
        if (!nd)
            return NULL;
        for (size_t i = 0; i < d->capdocs; i++) {
            if (!d->docs[i].id)
                continue;
            size_t j = d->docs[i].hash & (cap - 1);
            while (nd[j].id)
                j = (j + 1) & (cap - 1);
            nd[j] = d->docs[i];
        }
        prl_free(d->alloc, d->docs);
        d->docs = nd;
        d->capdocs = cap;
    }
    uint64_t h = prl_hash64(id, strlen(id), 0);
    size_t j = h & (d->capdocs - 1);
    while (d->docs[j].id) {
        if (d->docs[j].hash == h && strcmp(d->docs[j].id, id) == 0)
            return &d->docs[j];
        j = (j + 1) & (d->capdocs - 1);
    }
    d->docs[j].id = id;     /* the caller stores a lasting copy */
    d->docs[j].hash = h;
    d->ndocs++;
    return &d->docs[j];
}

static const char *keep(prl_dedupe *d, const char *s)
{
    return prl_arena_strndup(&d->arena, s, strlen(s));
}

parley_status prl_dedupe_add(prl_dedupe *d, const parley_doc *doc,
                             const char *url, const char *dict)
{
    prl_mentions ms;
    memset(&ms, 0, sizeof ms);
    prl_mentions_init(&ms, doc, url, dict);
    /* Document strings once, shared by its mentions. */
    prl_mention base = ms.base;
    base.doc = keep(d, base.doc);
    base.date = keep(d, base.date);
    base.url = keep(d, base.url);
    base.source_name = keep(d, base.source_name);
    base.dict = keep(d, base.dict);
    if (d->arena.failed)
        return PARLEY_ENOMEM;
    docslot *slot = doc_slot(d, base.doc);
    if (!slot)
        return PARLEY_ENOMEM;
    slot->id = base.doc;
    slot->serial = ++d->serial;
    parley_status st = PARLEY_OK;
    size_t n = parley_doc_event_count(doc);
    for (size_t i = 0; i < n && st == PARLEY_OK; i++) {
        prl_mention m;
        if ((st = prl_mentions_get(&ms, i, &m)) != PARLEY_OK)
            break;
        prl_mention *k = prl_vec_push(d->alloc, &d->mentions);
        uint32_t *ser = prl_vec_push(d->alloc, &d->serials);
        if (!k || !ser) {
            if (k)
                d->mentions.len--;
            st = PARLEY_ENOMEM;
            break;
        }
        *ser = d->serial;
        *k = m;
        k->doc = base.doc;
        k->date = base.date;
        k->url = base.url;
        k->source_name = base.source_name;
        k->dict = base.dict;
        k->source = keep(d, m.source);
        k->target = keep(d, m.target);
        k->code = keep(d, m.code);
        k->source_text = keep(d, m.source_text);
        k->target_text = keep(d, m.target_text);
        for (int g = 0; g < 3; g++)
            if (k->geo[g].type) {
                k->geo[g].name = keep(d, m.geo[g].name);
                k->geo[g].country = keep(d, m.geo[g].country);
                k->geo[g].adm1 = keep(d, m.geo[g].adm1);
                k->geo[g].feature = keep(d, m.geo[g].feature);
            }
        /* Not written in GDELT's form: not kept. */
        k->verb = k->text = k->pattern = "";
        if (d->arena.failed)
            st = PARLEY_ENOMEM;
    }
    prl_mentions_free(&ms);
    return st;
}

parley_status prl_dedupe_finish(prl_dedupe *d, const prl_mention **ms, size_t *n)
{
    /* Drop the mentions of documents replaced later in the run. */
    prl_mention *m = d->mentions.data;
    const uint32_t *ser = d->serials.data;
    size_t w = 0;
    for (size_t i = 0; i < d->mentions.len; i++) {
        docslot *slot = doc_slot(d, m[i].doc);
        if (!slot)
            return PARLEY_ENOMEM;
        if (slot->serial == ser[i])
            m[w++] = m[i];
    }
    d->mentions.len = w;
    d->serials.len = 0;
    if (w)
        qsort(m, w, sizeof *m, prl_mention_cmp);
    *ms = m;
    *n = w;
    return PARLEY_OK;
}
