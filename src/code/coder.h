/* coder.h: the coder's internal state, shared by the lexical matcher
 * (match.c), the shallow parse (syntax.c), pattern matching (patterns.c)
 * and event building (events.c), driven by coder.c. Internal.
 *
 * Per sentence the coder works on these scratch arrays, owned by the
 * parley_coder and reused, so coding allocates nothing per sentence once
 * the arrays have grown to the longest sentence seen. */
#ifndef PRL_CODE_CODER_H
#define PRL_CODE_CODER_H

#include "code/dict.h"
#include "text/text.h"

#define PRL_MAX_STEMS 4
#define PRL_MAX_CODES 16    /* codes of one slot (compound / coded compound) */
#define PRL_PRES 8192       /* presence set slots (> 5 labels per token) */
#define PRL_PRES_BITS 4096  /* presence filter bits */

/* Token roles from the lexical pass. */
enum { R_NONE = 0, R_ACTOR, R_AGENT, R_VERB };

typedef struct ctok {
    const prl_token *t;
    uint32_t word;              /* word id or PRL_NONE */
    uint32_t stems[PRL_MAX_STEMS];
    uint8_t n_stems;
    uint8_t cls, wflags;
    uint8_t starts;             /* tries with a phrase starting here */
    uint8_t role;
    uint8_t del;                /* removed with a comma clause */
    uint8_t realcomma;          /* a comma that delimits clauses */
    uint16_t unit;              /* actor/agent unit or verb index */
    int16_t slot;               /* slot index or -1 */
    uint16_t clause;
    uint8_t quote;              /* quotation span number (1..255), 0 outside */
    uint8_t lists;              /* syntax.c word lists the norm is in, found
                                   once per sentence (TL_*) */
} ctok;

/* An actor or agent match. */
typedef struct unit {
    uint16_t s, e;
    uint8_t kind;               /* R_ACTOR / R_AGENT */
    uint8_t prefix;             /* agent: prefixed code (NGO~) */
    uint8_t null;               /* actor coded "---" */
    uint8_t former;             /* agent preceded by FORMER */
    uint32_t entry;
    const char *code;           /* actor: resolved code (may hold '/') */
} unit;

typedef struct verbm {
    uint16_t s, e;
    uint32_t entry;             /* ENTRIES index (verb trie) */
    uint8_t noun;               /* demoted to a noun */
    uint8_t light;              /* the event noun of a light verb ("held
                                   talks"): coded as a verb even as a noun */
} verbm;

/* A noun phrase: a run of tokens with its actors and agents. */
typedef struct np {
    uint16_t s, e;
    uint16_t a_first, a_n;      /* units in [a_first, a_first+a_n) */
    uint8_t has_actor, has_agent, pron, gen;
} np;

/* A slot: a noun phrase or compound of them, with its final codes. */
typedef struct slot {
    uint16_t s, e;              /* token span */
    uint16_t c_first, c_n;      /* codes in coder->codes */
    uint8_t coded;              /* has at least one non-null code */
    uint8_t level;              /* 2: dictionary codes, 1: only new actors
                                   ("\"TEXT\""), 0: null */
    uint8_t compound;           /* two or more members */
    uint8_t pron;
    uint8_t alive;
    uint8_t shadow;             /* a link's object alone: on no token */
    uint16_t head_e;            /* "X of Y" with X agent-only: X's end */
    int16_t tail;               /* ... and the shadow slot of Y, or -1 */
    uint8_t coref;              /* a pronoun given its antecedent's codes */
} slot;

typedef struct clause {
    uint16_t s, e;              /* token span (inclusive of deleted tokens) */
    uint8_t indep;              /* independent: may code on its own */
    uint8_t conjverb;           /* starts with conj + verb: inherits source */
    uint8_t adjunct;            /* an opening phrase ("In a letter handed
                                   over to ..., Iraq said"): consumes no
                                   clause after it */
    uint8_t done;
    uint8_t rel;                /* a relative clause: 1 its pronoun is the
                                   subject ("X, which was occupied by Y"),
                                   2 the object ("X, which Y invaded") */
    int16_t ante;               /* ... and the slot it is about, or -1 */
    uint8_t own;                /* a subordinate clause with its own subject
                                   and verb ("as Turkey invaded Syria"):
                                   the main clause's verb does not consume it */
} clause;

struct parley_coder {
    prl_alloc alloc;
    const parley_dict *d;
    parley_trace_fn trace;
    void *trace_ud;

    /* options */
    int require_dyad;
    int new_actor_length;
    int comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax;
    int32_t default_date;
    int lead;           /* code only the first `lead` body sentences; 0 = all
                           (the Phoenix convention; set as option "lead") */

    /* scratch, grown on demand */
    ctok *tok;          size_t cap_tok;
    unit *units;        size_t n_units, cap_units;
    verbm *verbs;       size_t n_verbs, cap_verbs;
    np *nps;            size_t n_nps, cap_nps;
    slot *slots;        size_t n_slots, cap_slots;
    clause *clauses;    size_t n_clauses, cap_clauses;
    uint32_t *act;      size_t n_act, cap_act;      /* active token indices */
    int32_t *actpos;    size_t cap_actpos;           /* token -> act pos */
    char *cbuf;         size_t cbuf_len, cbuf_cap;   /* code strings */
    uint32_t *codes;    size_t n_codes, cap_codes;   /* offsets in cbuf */
    uint32_t *cspan;    size_t cap_cspan;   /* per code: the token range
                                               [s,e) that named it, s<<16|e */
    char tline[512];    /* trace line buffer */
    /* Labels present in the sentence: a set with generation stamps, so
     * patterns whose key word is absent are skipped without matching. */
    uint32_t *pres, *pres_gen;
    uint32_t gen;
    /* The same labels as bits by another hash, cleared per sentence: most
     * lookups fail, and this answers them from 512 bytes in cache. */
    uint64_t pres_bits[PRL_PRES_BITS / 64];
    struct prl_lexent *lexcache;    /* match.c: recent token lookups */
    void *lexcache_mem;
    uint32_t *syn_gen;          /* per synset: gen when syn_ok was set */
    uint8_t *syn_ok;            /* per synset: some phrase may match */
    size_t cap_syn;

    /* current sentence */
    const char *text;
    uint32_t n;         /* tokens */
    int32_t date;
    int oom;
    unsigned steps;     /* pattern matcher work counter */
    uint32_t src_from;  /* source search starts here (reported speech) */
    int headline;       /* the sentence is from the title */

    /* Pronoun forwarding (docs/coding.md): the subject actor of the last
     * coded sentence, for a pronoun opening the next one. */
    char fwd[128];      /* up to PRL_MAX_FWD codes, each NUL-terminated */
    uint8_t fwd_n;
    uint8_t fwd_kind;   /* K_* bits of syntax.c */
    uint32_t fwd_sent;  /* its sentence number (1-based); 0 none */
    parley_part fwd_part;
};

#define PRL_MAX_FWD 4

/* match.c */
void prl_lex_tokens(parley_coder *c, const prl_token *toks, uint32_t n);
uint32_t prl_walk_trie_from(const parley_coder *c, int trie, uint32_t at,
                            uint32_t *end);

/* Longest phrase of a trie starting at token `at`: its ENTRIES value
 * (index + 1) or 0; *end gets the token after it. Inline, because most
 * tokens start no phrase and are settled by one test. */
static inline uint32_t prl_walk_trie(const parley_coder *c, int trie, uint32_t at,
                                     uint32_t *end)
{
    if (!(c->tok[at].starts & (1u << trie))) {
        *end = 0;
        return 0;
    }
    return prl_walk_trie_from(c, trie, at, end);
}
void prl_find_units(parley_coder *c);
void prl_find_verbs(parley_coder *c);
int prl_tok_matches(const parley_coder *c, uint32_t i, uint32_t label);

/* Grow an array to hold n items. Returns 0, or -1 on allocation failure
 * (sets c->oom). */
int prl_grow(parley_coder *c, void **p, size_t *cap, size_t n, size_t item);

#endif
