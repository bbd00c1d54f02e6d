/* petrarch_xml.h: a streaming reader of PETRARCH XML files: validation
 * suites (<Environment>, <Config>, <Sentence> records with <EventCoding>
 * expectations) and plain PETRARCH input (<Sentences> of <Sentence>).
 *
 * The file is fed to expat in chunks; each complete top-level item is
 * handed out by prl_px_next, so input of any size streams. <Parse> trees
 * are ignored: parley is a shallow coder. Strings in an item live until
 * the next prl_px_next or prl_px_free. */
#ifndef PRL_INTAKE_PETRARCH_XML_H
#define PRL_INTAKE_PETRARCH_XML_H

#include <stdio.h>

#include "intake/intake.h"

#define PRL_PETRARCH_XML_INTAKE 1
extern const prl_intake_ops prl_intake_petrarch_xml;

typedef enum prl_px_kind {
    PRL_PX_ENVIRONMENT = 0, /* the <Environment> block */
    PRL_PX_CONFIG,          /* <Config option=".." value=".."> */
    PRL_PX_SENTENCE,        /* one <Sentence> record */
    PRL_PX_END,             /* end of input */
    PRL_PX_ERROR            /* malformed XML or read error: err says why */
} prl_px_kind;

typedef struct prl_px_expect {
    const char *source, *target, *code;
} prl_px_expect;

typedef struct prl_px_item {
    prl_px_kind kind;
    unsigned line;          /* where the item starts */
    /* PRL_PX_ENVIRONMENT: dictionary file names as written (NULL if
     * absent) */
    const char *verbfile, *actorfile, *agentfile, *discardfile, *issuefile;
    /* PRL_PX_CONFIG */
    const char *option, *value;
    /* PRL_PX_SENTENCE */
    const char *id, *date, *category;
    const char *text;       /* whitespace-collapsed, NUL-terminated */
    size_t text_len;
    prl_px_expect *expect;  /* the <EventCoding> expectations */
    size_t n_expect;
    int noevents;           /* an <EventCoding noevents="True"> */
    const char *error;      /* an <EventCoding error="..."> or NULL */
} prl_px_item;

typedef struct prl_px prl_px;

/* A reader of fp (not closed by it); name is used in messages. NULL when
 * out of memory. */
prl_px *prl_px_new(const prl_alloc *a, FILE *fp, const char *name);

/* The next item. On PRL_PX_ERROR, prl_px_error tells why (with line and
 * column); further calls return PRL_PX_END. */
prl_px_kind prl_px_next(prl_px *px, prl_px_item *it);
const char *prl_px_error(const prl_px *px);

void prl_px_free(prl_px *px);

#endif
