/* store.h: GDELT-compatible events and the event store.
 *
 * - dedupe.c: an event's identity and GLOBALEVENTID, the mentions of a
 *   coded document, and the in-memory identity table `parley code
 *   --format gdelt` collects a run into (the same event across sentences
 *   and articles becomes one event with counts).
 * - gdelt.c: GDELT 2.0's 61-column event export and 16-column mentions
 *   table, written from a group of mentions of one event.
 * - sqlite.c, postgres.c: the store behind --db (documents, events,
 *   mentions), SQLite for a path, PostgreSQL for a postgresql:// URL.
 *
 * The identity rule, the id derivation, the schema and the resume rule are
 * in docs/store.md. Nothing here prints: errors come back as text. */
#ifndef PRL_STORE_H
#define PRL_STORE_H

#include <stdio.h>

#include "../prl.h"
#include "../enrich/actorcode.h"

/* ---- identity (dedupe.c) ---------------------------------------------- */

/* GLOBALEVENTID of the event (date, source, target, code, place): FNV-1a 64
 * of "DATE\tSOURCE\tTARGET\tCODE\tPLACE", the splitmix64 finalizer, the low
 * 53 bits (exact in a double: R, JavaScript, spreadsheets), 0 taken as 1.
 * NULL strings count as "". */
uint64_t prl_event_id(const char *date, const char *source, const char *target,
                      const char *code, const char *place);

/* One mention: one event of one coded document, with every fact the
 * GDELT writer and the store need. Strings are NUL-terminated; "" when
 * not known. */
typedef struct prl_mention {
    uint64_t id;                /* GLOBALEVENTID of its event */
    /* the document */
    const char *doc, *date, *url;
    const char *source_name;    /* the url's host: GDELT's MentionSourceName */
    const char *dict;           /* dictionary version that coded it */
    unsigned long doc_chars;    /* document text length in characters */
    /* the event's identity */
    const char *source, *target, *code;
    /* the mention */
    uint32_t seq;               /* 0-based index of the event in its document */
    uint32_t sentence;          /* 1-based */
    int part;                   /* parley_part */
    uint32_t start, end;        /* the sentence's bytes in the document text */
    uint32_t src_start, src_end, tgt_start, tgt_end, verb_start, verb_end;
    long a1_char, a2_char, action_char;     /* character offsets, -1 unknown */
    int confidence;             /* 1-100 */
    int in_lead;                /* in the headline or the first body sentence */
    const char *source_text, *target_text;  /* the actors' words */
    const char *verb, *text, *pattern;      /* text: the sentence */
    /* evidence grading (docs/evidence.md) */
    int support;                /* the event's parley_support */
    int headline_support;       /* the document's parley_support */
    unsigned repeated;          /* the document's repeated sentences */
    /* places (docs/geo.md): Actor1Geo, Actor2Geo, ActionGeo; type 0 when
     * not placed. Not part of the event's identity: a headline seldom names
     * the place its body names, and both are one event. */
    parley_geo geo[3];
} prl_mention;

/* ---- places (geo_cols.c) ------------------------------------------------ */

enum { PRL_GEO_ACTOR1 = 0, PRL_GEO_ACTOR2, PRL_GEO_ACTION };

/* Fill m->geo from an event (pointers into the event's doc). */
void prl_geo_cols_of(const parley_event *ev, prl_mention *m);
/* The three places as one text (the store's mentions.geo column): per
 * place "TYPE\tNAME\tCOUNTRY\tADM1\tLAT\tLON\tFEATURE\tSTART\tEND" or
 * "", the three joined by '\n'. Returns the length, or (size_t)-1 when
 * cap is too small (1024 always suffices for gazetteer places). */
size_t prl_geo_cols_format(const prl_mention *m, char *buf, size_t cap);
/* Parse that text in place (s is modified; m->geo points into it). A
 * malformed place is left out. */
void prl_geo_cols_parse(char *s, prl_mention *m);
/* GDELT's 8 columns of a place (Type .. FeatureID), each followed by a tab;
 * 8 empty columns when not placed. */
void prl_geo_cols_gdelt(FILE *f, const parley_geo *g);

/* Turns a coded document's events into mentions. Holds pointers into doc,
 * url and dict, which must stay unchanged while it is used; the strings of
 * a mention live until the next prl_mention_get or the doc changes. */
typedef struct prl_mentions {
    const parley_doc *doc;
    const char *text;
    size_t len;
    uint32_t first_body;        /* index of the first body sentence; 0 none */
    size_t pos_byte, pos_char;  /* byte -> character offset cache */
    char host[256];
    char *buf;                  /* actor texts, sentence: grown by get */
    size_t cap;
    prl_mention base;           /* the document facts */
} prl_mentions;

void prl_mentions_init(prl_mentions *ms, const parley_doc *doc, const char *url,
                       const char *dict);
/* The i-th event of the document as a mention. PARLEY_ENOMEM or
 * PARLEY_EINVAL (no such event). */
parley_status prl_mentions_get(prl_mentions *ms, size_t i, prl_mention *m);
void prl_mentions_free(prl_mentions *ms);

/* The host of a URL ("https://www.bbc.co.uk/x" -> "bbc.co.uk"; a leading
 * "www." dropped) into buf; "" when url has no host. */
void prl_url_host(const char *url, char *buf, size_t n);

/* Content hash of a document as read (date, title, text, url): the resume
 * rule skips a document whose id, hash and dictionary are stored. */
uint64_t prl_doc_hash(const char *date, const char *title, const char *text,
                      size_t len, const char *url);

/* Order of mentions that groups them by event, events in GDELT's order:
 * date, GLOBALEVENTID, then doc id (byte order) and seq. qsort-shaped. */
int prl_mention_cmp(const void *a, const void *b);

/* The identity table: every mention of a run, kept until the end. A
 * document id seen again replaces the earlier document (as in the store). */
typedef struct prl_dedupe prl_dedupe;
parley_status prl_dedupe_new(const prl_alloc *a, prl_dedupe **out);
parley_status prl_dedupe_add(prl_dedupe *d, const parley_doc *doc,
                             const char *url, const char *dict);
/* Sort and drop replaced documents; then the mentions in prl_mention_cmp
 * order. */
parley_status prl_dedupe_finish(prl_dedupe *d, const prl_mention **ms, size_t *n);
void prl_dedupe_free(prl_dedupe *d);

/* ---- GDELT 2.0 (gdelt.c) ------------------------------------------------ */

/* Write one event line (61 tab-separated columns) from the n >= 1 mentions
 * of one event, in prl_mention_cmp order, and, when mentions is not NULL,
 * its mention lines (16 columns). An event whose code is not 2-4 digits
 * cannot be written in GDELT's form and is skipped. Returns 0, 1 when
 * skipped, -1 on a write error or no memory (errno set). */
int prl_gdelt_event(FILE *events, FILE *mentions, const prl_alloc *a,
                    const prl_mention *m, size_t n);

/* Write every event of sorted mentions (grouping runs of one id). */
int prl_gdelt_write(FILE *events, FILE *mentions, const prl_alloc *a,
                    const prl_mention *m, size_t n);

/* ---- the store (sqlite.c, postgres.c) ----------------------------------- */

typedef struct prl_store prl_store;

/* Open the store spec names, creating its schema when new: a URL starting
 * postgresql:// or postgres:// is PostgreSQL, anything else an SQLite file.
 * On failure *out is NULL and err holds the reason. */
parley_status prl_store_open(const char *spec, prl_store **out, char *err,
                             size_t errlen);

/* 1 when document doc is stored, coded with dictionary dict from content
 * with this hash (skip it), 0 when not, -1 on error. */
int prl_store_seen(prl_store *s, const char *doc, const char *dict, uint64_t hash);

/* Store a coded document and its mentions, replacing a stored document
 * with the same id (its mentions go, and events left with none). Rows are
 * written in transactions of many documents; a crash loses at most the
 * open transaction, never leaves half a document. 0 or -1. */
int prl_store_put(prl_store *s, const parley_doc *doc, const char *url,
                  const char *dict, uint64_t hash);

/* Commit the open transaction. 0 or -1. */
int prl_store_commit(prl_store *s);

/* Read mentions with event dates in [from, to] (YYYYMMDD; NULL: open),
 * in prl_mention_cmp order (by_event) or in the order documents were
 * stored and events within them (!by_event). fn returns 0 to go on. */
typedef int (*prl_store_fn)(void *ud, const prl_mention *m);
int prl_store_read(prl_store *s, int by_event, const char *from, const char *to,
                   prl_store_fn fn, void *ud);

/* The last error's text. */
const char *prl_store_error(const prl_store *s);

/* Commit nothing further: an open transaction is rolled back. NULL ok. */
void prl_store_close(prl_store *s);

/* For the backends. */
typedef struct prl_store_ops {
    int (*seen)(prl_store *s, const char *doc, const char *dict, const char *hash);
    int (*put)(prl_store *s, prl_mentions *ms, size_t n, const char *hash);
    int (*commit)(prl_store *s);
    int (*read)(prl_store *s, int by_event, const char *from, const char *to,
                prl_store_fn fn, void *ud);
    void (*close)(prl_store *s);
} prl_store_ops;

struct prl_store {
    const prl_store_ops *ops;
    char err[512];
    unsigned pending;           /* documents in the open transaction */
};

/* Documents per transaction. */
#define PRL_STORE_BATCH 256u

parley_status prl_store_sqlite_open(const char *path, prl_store **out,
                                    char *err, size_t errlen);
parley_status prl_store_pg_open(const char *url, prl_store **out, char *err,
                                size_t errlen);

/* The schema (docs/store.md) for PostgreSQL (pg) or SQLite: tables and
 * indexes, or (views) the GDELT-named views. A string to free with
 * prl_free(&prl_default_alloc, ...); NULL on no memory. */
char *prl_store_schema(int pg, int views);

/* GDELT's columns derived from an event's identity (store.c), the same
 * for the file writer and both stores. */
typedef struct prl_event_fields {
    char base[5], root[3];      /* EventBaseCode, EventRootCode */
    int quad;                   /* 0 when not known */
    double goldstein;           /* NaN when the code is not CAMEO */
    long sqldate, monthyear, year;  /* 0 when the event has no date */
    double fraction;            /* FractionDate */
    prl_actor_parts a1, a2;
    int a1_real, a2_real;       /* the actor code names an actor */
} prl_event_fields;
void prl_event_fields_of(const prl_mention *m, prl_event_fields *f);

/* A code GDELT's form can hold: 2-4 digits. */
int prl_gdelt_code_ok(const char *code);

#endif
