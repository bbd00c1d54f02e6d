/* doc.h: struct parley_doc, shared by the document API (src/code/doc.c)
 * and the coder (src/code/coder.c). Internal.
 *
 * A document owns one arena: its id, date, text, sentences and events all
 * live there and are released together by parley_doc_set (reset) or
 * parley_doc_free. */
#ifndef PRL_DOC_H
#define PRL_DOC_H

#include "prl.h"

struct parley_doc {
    prl_alloc alloc;
    prl_arena arena;
    const char *id;         /* "" when none */
    const char *date;       /* "YYYYMMDD" or NULL */
    int32_t date_num;       /* YYYYMMDD or 0 */
    const char *text;       /* title "\n\n" body, repaired; NUL-terminated */
    size_t len;
    size_t title_end;       /* bytes of text that belong to the title */
    unsigned repaired;
    int discarded;          /* a story-level discard matched */
    unsigned discarded_sentences;   /* sentences a discard dropped */

    parley_sentence *sentences;
    size_t n_sentences;
    parley_event *events;
    size_t n_events, cap_events;

    /* Evidence grading (src/enrich/evidence.c), filled by parley_code. */
    struct prl_evidence *evidence;  /* its state, in the arena; NULL none */
    parley_support headline_support;
    unsigned repeated;              /* body sentences (nearly) repeated */
};

/* Append an event (copied; strings must already live in the doc arena or
 * be static). Returns PARLEY_ENOMEM on failure. */
parley_status prl_doc_add_event(parley_doc *doc, const parley_event *ev);

#endif
