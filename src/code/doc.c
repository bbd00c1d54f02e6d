/* doc.c: the parley_doc API: a document's fields, its text (title, a
 * blank line, then the body, after UTF-8 repair), and read access to the
 * sentences and events the coder fills in. */
#include <string.h>

#include "doc.h"
#include "text/text.h"

parley_status parley_doc_new(const parley_options *opts, parley_doc **out)
{
    if (!out)
        return PARLEY_EINVAL;
    prl_alloc a = prl_default_alloc;
    if (opts && opts->alloc) {
        a.fn = opts->alloc;
        a.ud = opts->alloc_ud;
    }
    parley_doc *d = prl_calloc(&a, sizeof *d);
    if (!d)
        return PARLEY_ENOMEM;
    d->alloc = a;
    prl_arena_init(&d->arena, &d->alloc);
    d->id = "";
    d->text = "";
    *out = d;
    return PARLEY_OK;
}

/* "YYYYMMDD" with a plausible month and day; returns the number or -1. */
static int32_t parse_date(const char *s)
{
    int32_t v = 0;
    for (int i = 0; i < 8; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    if (s[8])
        return -1;
    int m = (v / 100) % 100, d = v % 100;
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    return v;
}

static void clear(parley_doc *doc)
{
    prl_arena_reset(&doc->arena);
    doc->id = "";
    doc->date = NULL;
    doc->date_num = 0;
    doc->text = "";
    doc->len = 0;
    doc->title_end = 0;
    doc->repaired = 0;
    doc->discarded = 0;
    doc->discarded_sentences = 0;
    doc->sentences = NULL;
    doc->n_sentences = 0;
    doc->events = NULL;
    doc->n_events = doc->cap_events = 0;
    doc->evidence = NULL;
    doc->headline_support = PARLEY_SUPPORT_NONE;
    doc->repeated = 0;
}

parley_status parley_doc_set(parley_doc *doc, const char *id,
                             const char *date, const char *title,
                             const char *text, size_t len)
{
    if (!doc || (!text && len))
        return PARLEY_EINVAL;
    int32_t dn = 0;
    if (date && (dn = parse_date(date)) < 0)
        return PARLEY_EINVAL;
    size_t tlen = title ? strlen(title) : 0;
    if (len > PARLEY_MAX_DOC_BYTES || tlen > PARLEY_MAX_DOC_BYTES - len)
        return PARLEY_ETOOBIG;
    clear(doc);
    prl_arena *ar = &doc->arena;
    doc->id = prl_arena_strndup(ar, id ? id : "", id ? strlen(id) : 0);
    if (date) {
        doc->date = prl_arena_strndup(ar, date, 8);
        doc->date_num = dn;
    }
    size_t total = tlen ? tlen + 2 + len : len;
    char *raw = prl_arena_alloc(ar, total + 1);
    if (!raw || ar->failed) {
        clear(doc);
        return PARLEY_ENOMEM;
    }
    if (tlen) {
        memcpy(raw, title, tlen);
        raw[tlen] = '\n';
        raw[tlen + 1] = '\n';
        if (len)
            memcpy(raw + tlen + 2, text, len);
    } else if (len) {
        memcpy(raw, text, len);
    }
    raw[total] = 0;
    const char *out;
    size_t out_n;
    unsigned rep = 0;
    parley_status s = prl_text_repair(ar, raw, total, &out, &out_n, &rep);
    if (s != PARLEY_OK) {
        clear(doc);
        return s;
    }
    /* Repair can lengthen the title; find where the title ends in the
     * repaired text by repairing it alone (cheap: titles are short). */
    size_t title_end = 0;
    if (tlen) {
        const char *tout;
        size_t tn;
        unsigned r2;
        if (prl_text_repair(ar, title, tlen, &tout, &tn, &r2) != PARLEY_OK) {
            clear(doc);
            return PARLEY_ENOMEM;
        }
        title_end = tn;
    }
    if (out == raw)
        doc->text = raw;
    else {
        char *c = prl_arena_strndup(ar, out, out_n);
        if (!c) {
            clear(doc);
            return PARLEY_ENOMEM;
        }
        doc->text = c;
    }
    doc->len = out_n;
    doc->title_end = title_end;
    doc->repaired = rep;
    if (ar->failed) {
        clear(doc);
        return PARLEY_ENOMEM;
    }
    return PARLEY_OK;
}

parley_status prl_doc_add_event(parley_doc *doc, const parley_event *ev)
{
    if (doc->n_events == doc->cap_events) {
        size_t cap = doc->cap_events ? doc->cap_events * 2 : 16;
        parley_event *e = prl_arena_alloc(&doc->arena, cap * sizeof *e);
        if (!e)
            return PARLEY_ENOMEM;
        if (doc->n_events)
            memcpy(e, doc->events, doc->n_events * sizeof *e);
        doc->events = e;
        doc->cap_events = cap;
    }
    doc->events[doc->n_events++] = *ev;
    return PARLEY_OK;
}

const char *parley_doc_id(const parley_doc *doc)
{
    return doc ? doc->id : "";
}

const char *parley_doc_date(const parley_doc *doc)
{
    return doc ? doc->date : NULL;
}

const char *parley_doc_text(const parley_doc *doc, size_t *len)
{
    if (len)
        *len = doc ? doc->len : 0;
    return doc ? doc->text : "";
}

unsigned parley_doc_repaired(const parley_doc *doc)
{
    return doc ? doc->repaired : 0;
}

size_t parley_doc_sentence_count(const parley_doc *doc)
{
    return doc ? doc->n_sentences : 0;
}

const parley_sentence *parley_doc_sentence(const parley_doc *doc, size_t i)
{
    return doc && i < doc->n_sentences ? &doc->sentences[i] : NULL;
}

size_t parley_doc_event_count(const parley_doc *doc)
{
    return doc ? doc->n_events : 0;
}

const parley_event *parley_doc_event(const parley_doc *doc, size_t i)
{
    return doc && i < doc->n_events ? &doc->events[i] : NULL;
}

int parley_doc_discarded(const parley_doc *doc)
{
    return doc ? doc->discarded : 0;
}

unsigned parley_doc_discarded_sentences(const parley_doc *doc)
{
    return doc ? doc->discarded_sentences : 0;
}

void parley_doc_free(parley_doc *doc)
{
    if (!doc)
        return;
    prl_alloc a = doc->alloc;
    prl_arena_free(&doc->arena);
    prl_free(&a, doc);
}
