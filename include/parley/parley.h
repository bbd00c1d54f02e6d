/* parley.h: the public API of parley, a CAMEO political event coder.
 *
 * Three objects:
 *   parley_dict   compiled dictionaries; immutable once built or loaded and
 *                 safe to share read-only between any number of threads.
 *   parley_coder  one thread's options and scratch space, pointing at a dict.
 *                 A coder belongs to one thread at a time.
 *   parley_doc    one document (id, date, title, text) with the sentences and
 *                 events coded from it, all in one arena. A doc belongs to one
 *                 thread at a time. Every pointer the library returns into a
 *                 doc lives until the doc is reset or freed.
 *
 * Functions return parley_status (PARLEY_OK is 0); out-parameters come last.
 * The library never prints and never exits; warnings (malformed dictionary
 * lines, repaired text) go to the callback given at construction. */
#ifndef PARLEY_H
#define PARLEY_H

#include <stddef.h>
#include <stdint.h>

#include "parley/parley_version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define PARLEY_API __attribute__((visibility("default")))
#else
#define PARLEY_API
#endif

typedef enum parley_status {
    PARLEY_OK = 0,
    PARLEY_ENOMEM,      /* an allocation failed; the object is unchanged or freed */
    PARLEY_EINVAL,      /* a bad argument (NULL, unknown option, bad date) */
    PARLEY_EIO,         /* a file could not be read or written */
    PARLEY_EDICT,       /* a dictionary is malformed (strict mode) or unusable */
    PARLEY_EFORMAT,     /* an input record or compiled image is malformed */
    PARLEY_ETOOBIG      /* an input exceeds a size cap (see PARLEY_MAX_*) */
} parley_status;

/* Size caps; each has its own error message. */
#define PARLEY_MAX_DOC_BYTES (64u << 20)   /* one document's text */
#define PARLEY_MAX_SENTENCE_TOKENS 1024u   /* longer sentences are not coded */

/* Short English text for a status; static, never NULL. */
PARLEY_API const char *parley_strerror(parley_status s);

/* Runtime version, "MAJOR.MINOR.PATCH". */
PARLEY_API const char *parley_version(void);

/* Allocator hook, realloc-shaped: nsize 0 frees ptr and returns NULL;
 * otherwise returns a block of nsize bytes (or NULL on failure). */
typedef void *(*parley_alloc_fn)(void *ud, void *ptr, size_t nsize);

/* Warning callback: file may be NULL; line and column are 0 when unknown. */
typedef void (*parley_warn_fn)(void *ud, const char *file, unsigned line,
                               unsigned column, const char *message);

typedef struct parley_options {
    parley_alloc_fn alloc;  /* NULL: malloc/realloc/free */
    void *alloc_ud;
    parley_warn_fn warn;    /* NULL: warnings are dropped */
    void *warn_ud;
    int strict;             /* nonzero: a malformed dictionary line is fatal */
} parley_options;

/* ------------------------------------------------------------------ */
/* Dictionaries                                                         */

typedef enum parley_dict_kind {
    PARLEY_DICT_AUTO = 0,   /* guess from the file name, then the content */
    PARLEY_DICT_VERBS,      /* PETRARCH-1 / TABARI verb patterns */
    PARLEY_DICT_VERBS_P2,   /* PETRARCH2 verbs (CAMEO.2.0.txt) */
    PARLEY_DICT_ACTORS,
    PARLEY_DICT_AGENTS,
    PARLEY_DICT_DISCARDS,
    PARLEY_DICT_ISSUES
} parley_dict_kind;

typedef struct parley_builder parley_builder;
typedef struct parley_dict parley_dict;

/* A builder collects dictionary files, then compiles them into a dict.
 * opts may be NULL. Free with parley_builder_free. */
PARLEY_API parley_status parley_builder_new(const parley_options *opts,
                                            parley_builder **out);

/* Read one dictionary file. Malformed lines are reported through the warn
 * callback as FILE:LINE:COLUMN and skipped (PARLEY_EDICT in strict mode).
 * PARLEY_EIO if the file cannot be read. */
PARLEY_API parley_status parley_builder_add_file(parley_builder *b,
                                                 parley_dict_kind kind,
                                                 const char *path);

/* The same from memory; name is used in diagnostics. */
PARLEY_API parley_status parley_builder_add_buffer(parley_builder *b,
                                                   parley_dict_kind kind,
                                                   const char *name,
                                                   const char *buf, size_t n);

/* Compile everything added so far into a new dict (*out, free with
 * parley_dict_free). The builder stays usable and must still be freed. */
PARLEY_API parley_status parley_builder_compile(parley_builder *b,
                                                parley_dict **out);

/* Number of malformed lines reported so far. */
PARLEY_API unsigned parley_builder_errors(const parley_builder *b);

PARLEY_API void parley_builder_free(parley_builder *b);

/* Write a dict as one image file that parley_dict_load maps without
 * parsing. PARLEY_EIO on write failure. */
PARLEY_API parley_status parley_dict_save(const parley_dict *d,
                                          const char *path);

/* Map an image written by parley_dict_save. PARLEY_EFORMAT if the file is
 * not a parley image of this version or fails its checks. */
PARLEY_API parley_status parley_dict_load(const char *path,
                                          const parley_options *opts,
                                          parley_dict **out);

/* The same from memory the caller keeps alive and unchanged until the dict
 * is freed (used by tests and fuzzers). */
PARLEY_API parley_status parley_dict_load_buffer(const void *buf, size_t n,
                                                 const parley_options *opts,
                                                 parley_dict **out);

/* The dictionary version: a hex content hash of every dictionary file's
 * bytes in the order added. Owned by the dict. */
PARLEY_API const char *parley_dict_version(const parley_dict *d);

PARLEY_API void parley_dict_free(parley_dict *d);

/* ------------------------------------------------------------------ */
/* Documents                                                            */

typedef struct parley_doc parley_doc;

/* Where an event's sentence came from. */
typedef enum parley_part {
    PARLEY_PART_BODY = 0,
    PARLEY_PART_HEADLINE = 1
} parley_part;

typedef struct parley_sentence {
    uint32_t index;         /* 1-based, over the whole document (title first) */
    uint32_t start, end;    /* [start,end) bytes in parley_doc_text() */
    parley_part part;
} parley_sentence;

/* Evidence grading (docs/evidence.md): how far an event is backed by the
 * body of its document. A body event is its own evidence (BODY). A
 * headline event is SUPPORTED when a body sentence codes the same event
 * (the same actors and CAMEO root; the reverse for symmetric codes),
 * ACTORS when the body at least names both its actors, and UNSUPPORTED
 * otherwise. NONE: not graded (the document's verdict when its headline
 * has no event). Values are ordered from best to worst verdict after
 * BODY; new values may be added at the end. */
typedef enum parley_support {
    PARLEY_SUPPORT_NONE = 0,
    PARLEY_SUPPORT_BODY,
    PARLEY_SUPPORT_SUPPORTED,
    PARLEY_SUPPORT_ACTORS,
    PARLEY_SUPPORT_UNSUPPORTED
} parley_support;

/* The verdict's name: "none", "body", "supported", "actors",
 * "unsupported"; static, never NULL ("none" for an unknown value). */
PARLEY_API const char *parley_support_name(parley_support s);

/* Where an event happened, or where an actor is (GDELT's ActionGeo,
 * Actor1Geo, Actor2Geo), from the offline gazetteer (docs/geo.md). */
typedef struct parley_geo {
    int type;               /* GDELT Geo_Type: 1 country, 2 US state, 3 US
                               city, 4 world city, 5 first-level region */
    const char *name;       /* full name: "Gaza, Gaza Strip, Palestinian
                               Territory" (city, region, country) */
    const char *country;    /* FIPS 10-4 country code, e.g. "GZ" */
    const char *adm1;       /* FIPS country + GeoNames admin1 code ("UP07",
                               "USAL"); the country code for a country */
    double lat, lon;        /* degrees, WGS84 */
    const char *feature;    /* GeoNames id (cities, regions); the FIPS code
                               for a country, as GDELT */
    uint32_t start, end;    /* [start,end) bytes in parley_doc_text() of the
                               name that placed it (may be in the dateline) */
} parley_geo;

/* One coded event: a plain record carrying its evidence. */
typedef struct parley_event {
    uint32_t sentence;      /* 1-based index of its sentence */
    uint32_t start, end;    /* the sentence's [start,end) bytes in parley_doc_text() */
    parley_part part;
    const char *source;     /* actor codes, e.g. "USAGOV" */
    const char *target;
    const char *code;       /* CAMEO event code as written, e.g. "046" */
    const char *root;       /* two-digit root, e.g. "04"; "" if not CAMEO */
    int quad;               /* 1 verbal coop, 2 material coop, 3 verbal
                               conflict, 4 material conflict; 0 unknown */
    double goldstein;       /* NaN when the code is not in the CAMEO table */
    const char *verb;       /* the words that matched the verb pattern */
    const char *pattern;    /* "FILE:LINE" of the pattern or verb entry */
    const char *issues;     /* ";"-joined issue codes, "" if none */
    /* Evidence for the event's mention (GDELT mentions table, the store).
     * [start,end) bytes in parley_doc_text() of the words that named the
     * source actor, the target actor and the verb; start == end when not
     * known (e.g. no source: a passive without agent). A compound's events
     * each have their own member's words; a resolved pronoun its own word. */
    uint32_t source_start, source_end;
    uint32_t target_start, target_end;
    uint32_t verb_start, verb_end;
    /* 1-100, how sure the coder is; 0 not known. A heuristic, not a
     * probability (docs/coding.md, "Spans and confidence"): 75 when a verb
     * pattern matched, 55 for the verb's own code, less for a headline, a
     * passive without agent, a long sentence, and per actor with no
     * country (---GOV), no actor (---) or resolved from a pronoun. */
    int confidence;
    parley_support support; /* evidence grade; BODY for every body event */
    /* Places (docs/geo.md), in the doc's arena; NULL when not placed:
     * parley says nothing rather than something wrong. */
    const parley_geo *geo;          /* where it happened (ActionGeo) */
    const parley_geo *source_geo;   /* the source actor's stated place */
    const parley_geo *target_geo;   /* the target actor's stated place */
} parley_event;

/* New empty document; opts may be NULL. */
PARLEY_API parley_status parley_doc_new(const parley_options *opts,
                                        parley_doc **out);

/* Set the document's fields, replacing earlier content and events. Strings
 * are copied. date is "YYYYMMDD" or NULL (actor date restrictions then use
 * the coder's default date). title may be NULL. Invalid UTF-8 in text is
 * replaced by U+FFFD and counted. PARLEY_EINVAL for a malformed date,
 * PARLEY_ETOOBIG above PARLEY_MAX_DOC_BYTES. */
PARLEY_API parley_status parley_doc_set(parley_doc *doc, const char *id,
                                        const char *date, const char *title,
                                        const char *text, size_t len);

PARLEY_API const char *parley_doc_id(const parley_doc *doc);
PARLEY_API const char *parley_doc_date(const parley_doc *doc);
/* The text every span refers to: title, a blank line, then the body (when
 * there is a title), after UTF-8 repair. */
PARLEY_API const char *parley_doc_text(const parley_doc *doc, size_t *len);
PARLEY_API unsigned parley_doc_repaired(const parley_doc *doc);

PARLEY_API size_t parley_doc_sentence_count(const parley_doc *doc);
PARLEY_API const parley_sentence *parley_doc_sentence(const parley_doc *doc,
                                                      size_t i);
PARLEY_API size_t parley_doc_event_count(const parley_doc *doc);
PARLEY_API const parley_event *parley_doc_event(const parley_doc *doc,
                                                size_t i);

/* 1 if the whole story was dropped by a story-level discard. */
PARLEY_API int parley_doc_discarded(const parley_doc *doc);

/* How many sentences a discard dropped after parley_code: a sentence-level
 * discard phrase or a verb pattern coded "###" (TABARI's discard code); 1
 * for a story-level discard too (the sentence that dropped the story);
 * 0 before parley_code. */
PARLEY_API unsigned parley_doc_discarded_sentences(const parley_doc *doc);

/* The article's headline verdict after parley_code: the best support of
 * its headline events (SUPPORTED, ACTORS or UNSUPPORTED), or NONE when the
 * headline has no event (no title, an uncodable title, a discarded story,
 * a doc not coded yet). docs/evidence.md has the rules. */
PARLEY_API parley_support parley_doc_headline_support(const parley_doc *doc);

/* Body sentences that repeated an earlier body sentence (the same words
 * and numbers, ignoring case and punctuation: not coded again) or nearly
 * repeated one (coded, but not the events already coded from it); 0
 * before parley_code. docs/evidence.md has the rules. */
PARLEY_API unsigned parley_doc_repeated(const parley_doc *doc);

PARLEY_API void parley_doc_free(parley_doc *doc);

/* ------------------------------------------------------------------ */
/* Coding                                                               */

typedef struct parley_coder parley_coder;

/* A coder for one thread; d must outlive it. opts may be NULL. */
PARLEY_API parley_status parley_coder_new(const parley_dict *d,
                                          const parley_options *opts,
                                          parley_coder **out);

/* Set a coding option by its PETRARCH config name, so validation files'
 * <Config> lines apply unchanged: require_dyad (true/false), new_actor_length,
 * comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax,
 * default_date (YYYYMMDD); and parley's own: lead (N: code only the first N
 * body sentences, the Phoenix convention; 0, the default, codes all; the
 * headline is always coded and sentence indices do not change).
 * PARLEY_EINVAL for an unknown option or value. */
PARLEY_API parley_status parley_coder_set(parley_coder *c, const char *option,
                                          const char *value);

/* Trace callback for `parley explain`: called with one line of text per
 * step (tokens, chunks, matched actors and patterns with FILE:LINE,
 * rejected candidates and why). NULL turns tracing off. */
typedef void (*parley_trace_fn)(void *ud, const char *line);
PARLEY_API void parley_coder_trace(parley_coder *c, parley_trace_fn fn,
                                   void *ud);

/* Segment and code a document: its sentences and events replace earlier
 * ones. Can fail with PARLEY_ENOMEM (the doc then holds no events). */
PARLEY_API parley_status parley_code(parley_coder *c, parley_doc *doc);

PARLEY_API void parley_coder_free(parley_coder *c);

/* ------------------------------------------------------------------ */
/* CAMEO facts                                                          */

typedef struct parley_cameo {
    const char *code;       /* "046" */
    const char *label;      /* parley's own short label */
    double goldstein;
    int quad;
} parley_cameo;

/* Look up a CAMEO event code; NULL if it is not a CAMEO code. */
PARLEY_API const parley_cameo *parley_cameo_lookup(const char *code);

#ifdef __cplusplus
}
#endif
#endif
