/* text.h: from document bytes to sentences and tokens.
 *
 * Pipeline: prl_text_repair (invalid UTF-8 replaced by U+FFFD and counted)
 * -> prl_text_segment (sentences and tokens). Offsets always refer to the
 * repaired text, which is the document text every span in the output uses;
 * valid input is not changed by repair, so offsets then match the input. */
#ifndef PRL_TEXT_H
#define PRL_TEXT_H

#include "../prl.h"

typedef enum prl_tkind {
    PRL_T_WORD = 0,     /* letters, digits, inner '-', '.', '\'' ("U.S.", "al-Qaeda") */
    PRL_T_NUMBER,       /* digits with optional , . separators */
    PRL_T_PUNCT,        /* , ; : ( ) and the like, one per token */
    PRL_T_QUOTE,        /* any quote mark, normalized to '"' */
    PRL_T_END           /* sentence-final . ! ? */
} prl_tkind;

enum {
    PRL_TF_CAP = 1,     /* first letter upper case in the text */
    PRL_TF_ALLCAP = 2,  /* every letter upper case */
    PRL_TF_ABBREV = 4   /* ends with '.' that is part of the word ("Gen.") */
};

typedef struct prl_token {
    uint32_t start, end;    /* [start,end) bytes in the document text */
    const char *norm;       /* matching form: NFC, upper case, curly quotes
                               and dashes folded to ASCII; NUL-terminated,
                               in the document arena */
    uint16_t len;           /* strlen(norm) */
    uint8_t kind;           /* prl_tkind */
    uint8_t flags;          /* PRL_TF_* */
} prl_token;

typedef struct prl_sentence {
    uint32_t start, end;    /* [start,end) bytes in the document text */
    uint32_t first;         /* index of its first token */
    uint32_t count;         /* number of tokens */
} prl_sentence;

typedef struct prl_segmented {
    prl_token *tokens;
    uint32_t n_tokens;
    prl_sentence *sentences;
    uint32_t n_sentences;
} prl_segmented;

/* Replace invalid UTF-8 sequences by U+FFFD. On return *out points either
 * at `in` (nothing to repair) or at a copy in the arena; *replaced counts
 * the sequences replaced. Returns PARLEY_ENOMEM on allocation failure. */
parley_status prl_text_repair(prl_arena *ar, const char *in, size_t n,
                              const char **out, size_t *out_n, unsigned *replaced);

/* Split text into sentences and tokens, all in the arena. Sentence
 * boundaries survive abbreviations (U.S., Gen., Jan., Mr., initials),
 * datelines ("MINGORA, Pakistan (Reuters) -" starts, not ends, a sentence),
 * quotes and parentheses. Contractions and possessives split in the
 * Treebank way: "didn't" -> DID N'T, "Israel's" -> ISRAEL 'S. Blank lines
 * always end a sentence (titles, paragraphs). */
parley_status prl_text_segment(prl_arena *ar, const char *text, size_t n,
                               prl_segmented *out);

/* Normalize one dictionary word or phrase to the token matching form
 * (upper case, folded punctuation); used by the dictionary compiler so that
 * dictionaries and text agree. Returns an arena string. */
const char *prl_text_norm_word(prl_arena *ar, const char *s, size_t n);

#endif
