/* sink.c: what the writers share: finding a writer by name, walking a
 * document's events, and the few value formats both forms use. */
#include "sink/sink.h"

#include <math.h>
#include <string.h>

const prl_sink_ops *prl_sink_find(const char *name)
{
    static const prl_sink_ops *const all[] = {&prl_sink_jsonl, &prl_sink_tsv};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (strcmp(all[i]->name, name) == 0)
            return all[i];
    return NULL;
}

int prl_sink_begin(prl_sink *s, const prl_sink_ops *ops, FILE *out,
                   const char *dict)
{
    s->ops = ops;
    s->out = out;
    s->dict = dict ? dict : "";
    if (ops->begin && ops->begin(s) != 0)
        return -1;
    return ferror(out) ? -1 : 0;
}

int prl_sink_doc(prl_sink *s, const parley_doc *doc, const char *url)
{
    size_t len = 0;
    const char *text = parley_doc_text(doc, &len);
    size_t n = parley_doc_event_count(doc);
    for (size_t i = 0; i < n; i++) {
        const parley_event *ev = parley_doc_event(doc, i);
        if (!ev)
            continue;
        prl_sink_event e = {ev, parley_doc_id(doc), parley_doc_date(doc), url,
                            "", 0, parley_doc_headline_support(doc),
                            parley_doc_repeated(doc)};
        /* The span is the library's; clamp it rather than trust it. */
        if (text && ev->start <= ev->end && ev->end <= len) {
            e.text = text + ev->start;
            e.text_len = ev->end - ev->start;
        }
        if (!e.doc)
            e.doc = "";
        if (s->ops->event(s, &e) != 0)
            return -1;
    }
    return ferror(s->out) ? -1 : 0;
}

int prl_sink_end(prl_sink *s)
{
    if (s->ops->end && s->ops->end(s) != 0)
        return -1;
    return ferror(s->out) ? -1 : 0;
}

const char *prl_sink_part(parley_part p)
{
    return p == PARLEY_PART_HEADLINE ? "headline" : "body";
}

const char *prl_sink_goldstein(double g, char buf[32])
{
    if (isnan(g) || isinf(g))
        return NULL;
    if (g == 0)
        g = 0;          /* no "-0.0" */
    /* CAMEO's scale has one decimal; fixed precision keeps bytes stable. */
    snprintf(buf, 32, "%.1f", g);
    return buf;
}
