/* sink.h: output writers. A writer turns each coded event into bytes on a
 * FILE*: JSON Lines (jsonl.c) or tab-separated values (tsv.c). Writers
 * only format what the event already carries (events are plain records
 * with their evidence); the same events give the same bytes on every run.
 *
 * Every event is written with the columns of PRL_SINK_COLUMNS, in order:
 *   doc sent part support date source target code root quad goldstein verb
 *   text span url pattern dict headline_support repeated
 * (see docs/formats.md for their meaning). A new writer is one file
 * defining a `const prl_sink_ops`, plus one line in prl_sink_find. */
#ifndef PRL_SINK_H
#define PRL_SINK_H

#include <stdio.h>

#include "../prl.h"

#define PRL_SINK_COLUMNS \
    "doc", "sent", "part", "support", "date", "source", "target", "code", \
    "root", "quad", "goldstein", "verb", "text", "span", "url", "pattern", \
    "dict", "headline_support", "repeated"

typedef struct prl_sink prl_sink;

/* What a writer gets for one event: the event, and the document facts it
 * shares with the other events of its document. */
typedef struct prl_sink_event {
    const parley_event *ev;
    const char *doc;        /* document id */
    const char *date;       /* YYYYMMDD or NULL */
    const char *url;        /* NULL when none */
    const char *text;       /* the sentence: text_len bytes (not NUL-ended) */
    size_t text_len;
    parley_support headline_support;    /* the document's verdict */
    unsigned repeated;                  /* the document's repeated sentences */
} prl_sink_event;

typedef struct prl_sink_ops {
    const char *name;                       /* as given to --format */
    int (*begin)(prl_sink *s);              /* a header, if the form has one */
    int (*event)(prl_sink *s, const prl_sink_event *e);
    int (*end)(prl_sink *s);
} prl_sink_ops;

struct prl_sink {
    const prl_sink_ops *ops;
    FILE *out;
    const char *dict;       /* parley_dict_version, on every event */
};

/* The writer called name ("jsonl", "tsv"), or NULL. */
const prl_sink_ops *prl_sink_find(const char *name);

/* Set up s to write with ops to out; dict is kept by pointer. Writes the
 * header. Each write function returns 0, or -1 when the stream has failed
 * (ferror on out; errno tells why). */
int prl_sink_begin(prl_sink *s, const prl_sink_ops *ops, FILE *out,
                   const char *dict);

/* Write every event of a coded document, in the document's order. */
int prl_sink_doc(prl_sink *s, const parley_doc *doc, const char *url);

int prl_sink_end(prl_sink *s);

/* For writers: the part's name ("headline", "body") and the goldstein
 * value as text ("-2.0"; NULL for NaN). buf must hold 32 bytes. */
const char *prl_sink_part(parley_part p);
const char *prl_sink_goldstein(double g, char buf[32]);

extern const prl_sink_ops prl_sink_jsonl;
extern const prl_sink_ops prl_sink_tsv;

#endif
