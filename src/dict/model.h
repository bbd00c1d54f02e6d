/* model.h: the dictionaries as read, before compilation.
 *
 * Every dictionary reader (TABARI / PETRARCH-1 verbs, PETRARCH2 verbs,
 * actors, agents, discards, issues) appends to one prl_model. The compiler
 * (src/code/compile.c) turns a finished model into the flat, immutable image
 * that the coder reads. Readers never look at the image; the coder never
 * looks at the model.
 *
 * All strings are NUL-terminated, owned by the model's arena, and stored in
 * the dictionaries' convention: upper case, words separated by single
 * spaces, the '_' joiners already turned into `joined` flags. */
#ifndef PRL_DICT_MODEL_H
#define PRL_DICT_MODEL_H

#include "../prl.h"

/* One word of a dictionary phrase (actor name, agent, discard, pattern). */
typedef enum prl_wkind {
    PRL_W_WORD = 0,     /* literal word */
    PRL_W_SYNSET,       /* &NAME: any phrase of synset `synset` */
    PRL_W_VERB,         /* '*': the verb itself (patterns only) */
    PRL_W_SOURCE,       /* '$': source actor (patterns only) */
    PRL_W_TARGET,       /* '+': target actor (patterns only) */
    PRL_W_COMPOUND,     /* '%': compound actor, both roles (patterns only) */
    PRL_W_SKIP,         /* '^': skip the next noun phrase (patterns only) */
    PRL_W_NP_OPEN,      /* PETRARCH2 '{' ... */
    PRL_W_NP_CLOSE,     /* ... '}' */
    PRL_W_PP_OPEN,      /* PETRARCH2 '(' ... */
    PRL_W_PP_CLOSE      /* ... ')' */
} prl_wkind;

typedef struct prl_dword {
    const char *text;   /* PRL_W_WORD: the word, upper case */
    uint32_t synset;    /* PRL_W_SYNSET: index into model.synsets */
    uint8_t kind;       /* prl_wkind */
    uint8_t stem;       /* 1: TABARI stem, matches any token starting with text */
    uint8_t joined;     /* 1: the next word must follow immediately ('_') */
} prl_dword;

typedef struct prl_phrase {
    prl_dword *w;
    uint32_t n;
} prl_phrase;

/* Where an entry came from, for diagnostics and `parley explain`. */
typedef struct prl_origin {
    const char *file;   /* interned path as given */
    uint32_t line;
} prl_origin;

/* An actor code, optionally limited to a date range (YYYYMMDD, inclusive;
 * 0 = open end). Six-digit dates are widened by the reader (YYMMDD, with
 * the TABARI century rule: 00-30 -> 20xx, else 19xx). Both manuals read
 * the limits as "or equal to": [X <D] is to = D, [X >D] is from = D. An
 * undated code has from = to = 0; it is the default, used only when no
 * dated code of the actor applies (TABARI 6.5.2). Compound codes such as
 * "FRO/BIL/SAM" are kept as written. */
typedef struct prl_dated_code {
    const char *code;
    int32_t from, to;
} prl_dated_code;

typedef struct prl_actor {
    prl_phrase *names;      /* the entry line, then its '+' synonyms */
    uint32_t n_names;
    prl_dated_code *codes;  /* undated default(s) and dated codes, in file order */
    uint32_t n_codes;
    prl_origin at;
} prl_actor;

typedef enum prl_agent_pos {
    PRL_AGENT_SUFFIX = 0,   /* [~GOV]: appended to the actor code */
    PRL_AGENT_PREFIX        /* [NGO~]: prepended */
} prl_agent_pos;

typedef struct prl_agent {
    prl_phrase *names;      /* singular forms and generated / listed plurals */
    uint32_t n_names;
    const char *code;       /* without the '~' */
    uint8_t pos;            /* prl_agent_pos */
    prl_origin at;
} prl_agent;

typedef struct prl_discard {
    prl_phrase phrase;
    uint8_t story;          /* 1: '+' story-level discard */
    prl_origin at;
} prl_discard;

typedef struct prl_issue {
    prl_phrase phrase;
    const char *code;       /* NULL for ignore phrases */
    uint8_t ignore;         /* 1: '~' ignore phrase, 2: '~~'; either one
                               cancels issue coding of the sentence */
    prl_origin at;
} prl_issue;

typedef struct prl_synset {
    const char *name;       /* without '&' and trailing '_' */
    prl_phrase *phrases;
    uint32_t n_phrases;
    prl_origin at;
} prl_synset;

/* Event codes of a pattern or verb. `code2` is the second event of a
 * PETRARCH-1/TABARI paired code [a:b] (NULL otherwise). PETRARCH2's
 * [active:passive] is stored as code + passive_code instead. The special
 * codes are kept as written: "---" null, "###" discard. */
typedef struct prl_vcode {
    const char *code;
    const char *code2;
    const char *passive_code;
} prl_vcode;

typedef struct prl_pattern {
    prl_phrase words;       /* includes exactly one PRL_W_VERB element for
                               PETRARCH-1/TABARI; PETRARCH2 patterns may
                               have none (the verb is implied first) */
    prl_vcode code;
    prl_origin at;
} prl_pattern;

/* A verb block: "--- NAME [code] ---" followed by verb lines and patterns.
 * Each verb line is a base form (with optional explicit inflections and an
 * optional own code) or a '+' multi-word verb. */
typedef struct prl_verb_form {
    prl_phrase words;       /* the form; multi-word verbs have n > 1 */
    const char *base;       /* the base form it was listed under */
    prl_vcode code;         /* own code, or the block's when none given */
    uint8_t generated;      /* 1: inflection made by rule, not listed */
    uint8_t head;           /* index in words of the verb itself: the word
                               marked '+' in a multi-word verb ("RE_+ARREST"
                               -> 1); 0 for single words and unmarked ones */
    prl_origin at;
} prl_verb_form;

typedef struct prl_verb_block {
    const char *name;
    prl_vcode code;         /* the block's default */
    prl_verb_form *forms;
    uint32_t n_forms;
    prl_pattern *patterns;
    uint32_t n_patterns;
    prl_origin at;
} prl_verb_block;

/* PETRARCH2 '~' transformations are kept as raw lines for now. */
typedef struct prl_transform {
    const char *text;
    prl_origin at;
} prl_transform;

typedef struct prl_model {
    prl_alloc alloc;
    prl_arena arena;        /* every string and array below */
    prl_diag *diag;
    int strict;             /* errors are fatal */
    unsigned errors;        /* malformed lines reported */

    prl_vec actors;         /* prl_actor */
    prl_vec agents;         /* prl_agent */
    prl_vec discards;       /* prl_discard */
    prl_vec issues;         /* prl_issue */
    prl_vec synsets;        /* prl_synset */
    prl_vec verbs;          /* prl_verb_block */
    prl_vec transforms;     /* prl_transform */

    uint64_t hash;          /* running hash over every file's bytes, in order */
} prl_model;

void prl_model_init(prl_model *m, const prl_alloc *a, prl_diag *d);
void prl_model_free(prl_model *m);

/* Find or create a synset by name (returns its index); used by readers for
 * forward references. A trailing '_' on name is ignored. UINT32_MAX on
 * allocation failure. */
uint32_t prl_model_synset(prl_model *m, const char *name);

/* Readers. Each reads one file already in memory, appends to the model,
 * reports malformed lines through m->diag as FILE:LINE:COLUMN and skips
 * them. They return PARLEY_OK, PARLEY_ENOMEM, or PARLEY_EDICT when strict
 * and a line was malformed. */
parley_status prl_read_verbs_p1(prl_model *m, const char *file, const char *buf, size_t n);
parley_status prl_read_verbs_p2(prl_model *m, const char *file, const char *buf, size_t n);
parley_status prl_read_actors(prl_model *m, const char *file, const char *buf, size_t n);
parley_status prl_read_agents(prl_model *m, const char *file, const char *buf, size_t n);
parley_status prl_read_discards(prl_model *m, const char *file, const char *buf, size_t n);
parley_status prl_read_issues(prl_model *m, const char *file, const char *buf, size_t n);

/* Guess the kind of a dictionary from its file name, then its content. */
parley_dict_kind prl_dict_guess_kind(const char *file, const char *buf, size_t n);

/* Regular inflections of a base verb form, plus irregular ones from the
 * generated table (src/dict/irregular.c). Writes up to 8 forms into out. */
unsigned prl_inflect(prl_arena *ar, const char *base, const char *out[8]);

#endif
