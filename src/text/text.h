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
    PRL_TF_ABBREV = 4,  /* ends with '.' that is part of the word ("Gen.") */
    PRL_TF_TITLE = 8,   /* an abbreviated title before a name ("Mr.", "Gen."):
                           never ends a sentence */
    PRL_TF_MARKS = 16   /* the norm has an ASCII byte that is no letter or
                           digit ("U.S.", "AL-QAEDA", "'S"); without it,
                           every byte is one or part of a non-ASCII
                           character */
};

/* What separates a token from the one before it (prl_token.space). */
enum {
    PRL_SP_NONE = 0,    /* glued: "Israel" + "'s", "word" + "." */
    PRL_SP_SPACE = 1,   /* spaces or tabs on the same line */
    PRL_SP_LINE = 2,    /* one line break */
    PRL_SP_PARA = 3     /* a blank line, or the first token of the text */
};

/* Longest word token in bytes; a longer run of letters is cut into pieces
 * at code point boundaries (so norm always fits its uint16_t length). */
#define PRL_TOKEN_MAX 1024u

/* Largest text prl_text_segment accepts: repair can triple a document of
 * PARLEY_MAX_DOC_BYTES, and offsets must fit in 32 bits. */
#define PRL_TEXT_MAX_BYTES (4u * PARLEY_MAX_DOC_BYTES)

typedef struct prl_token {
    uint32_t start, end;    /* [start,end) bytes in the document text */
    const char *norm;       /* matching form: NFC, upper case, curly quotes
                               and dashes folded to ASCII; NUL-terminated,
                               in the document arena (fixed forms such as
                               "." or "N'T" may be static strings) */
    uint16_t len;           /* strlen(norm) */
    uint8_t kind;           /* prl_tkind */
    uint8_t flags;          /* PRL_TF_* */
    uint8_t space;          /* PRL_SP_*: what precedes the token */
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
    uint32_t dateline_start;    /* the first dateline dropped from a sentence */
    uint32_t dateline_end;      /* ("MINGORA, Pakistan (Reuters) -"); 0,0 if none */
} prl_segmented;

/* Replace invalid UTF-8 sequences by U+FFFD. On return *out points either
 * at `in` (nothing to repair) or at a copy in the arena; *replaced counts
 * the sequences replaced. Returns PARLEY_ENOMEM on allocation failure.
 * Each maximal ill-formed subpart (Unicode 3.9, "U+FFFD substitution of
 * maximal subparts") becomes one U+FFFD; a copy is NUL-terminated.
 * PARLEY_ETOOBIG when n > PARLEY_MAX_DOC_BYTES. */
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
/* The rules in detail (segment.c has the reasons):
 * - Every token belongs to exactly one sentence; sentences and tokens are
 *   in text order and never overlap. Tokens of a dropped dateline belong to
 *   no sentence and are not in `tokens` at all (see dateline_*).
 * - A sentence ends after . ! ? (plus closing quotes and brackets glued to
 *   it) unless the next word starts with a lower-case letter; a '.' that
 *   does not end a sentence becomes PRL_T_PUNCT, so PRL_T_END tokens only
 *   close sentences.
 * - The '.' of an abbreviation is part of the word (PRL_TF_ABBREV): known
 *   abbreviations, single capital initials, and dotted forms with short
 *   parts ("U.S.", "a.m.", "Ph.D."). Titles ("Mr.", "Gen.") never end a
 *   sentence; other abbreviations ("U.S.", "Inc.", "W.") end one only when
 *   the next word is a capitalized function word that typically opens a
 *   sentence ("The", "He", "But", "In", ...): "the U.S. Army" stays one
 *   sentence, "talks with the U.S. The move" is two. The abbreviation is
 *   then the last token (there is no separate END token).
 * - "..." and U+2026 are PRL_T_PUNCT "..." and end a sentence under the same
 *   function-word rule.
 * - A dateline at the start of a line is left out of its sentence: one
 *   line, at most 16 tokens and 100 bytes of capitalized words, numbers,
 *   commas and brackets, ended by a spaced dash followed by a capitalized
 *   word, and either starting with an all-capitals word of 3+ letters
 *   ("BAGHDAD -") or ending with ')' ("Washington (AP) -").
 * - Blank lines (and U+2029) always end a sentence; single line breaks do
 *   not (wire copy is hard-wrapped).
 * The dictionary compiler can segment a dictionary phrase with this same
 * function to split it exactly as text is split ("DIDN'T" -> DID N'T). */

/* Normalize one dictionary word or phrase to the token matching form
 * (upper case, folded punctuation); used by the dictionary compiler so that
 * dictionaries and text agree. Returns an arena string. */
const char *prl_text_norm_word(prl_arena *ar, const char *s, size_t n);
/* prl_text_norm_word trims the phrase and collapses any run of white space
 * (including Unicode spaces) to one ' '; '_' and other characters are kept.
 * Returns NULL only when the arena fails. */

/* Internal helpers shared by repair.c, segment.c and norm.c. */

/* Decode one UTF-8 code point from p[0..n), n >= 1. Returns the bytes
 * used (>= 1); *cp is -1 for an ill-formed sequence, and the length is
 * then that of its maximal subpart. */
int prl_utf8_decode(const unsigned char *p, size_t n, int32_t *cp);

/* The matching-form fold of one code point: curly and other quotes to
 * '"' or '\'', dashes and hyphens to '-', Unicode spaces to ' ',
 * invisible format characters (soft hyphen, joiners, BOM) to 0 (dropped).
 * Other code points come back unchanged. */
int32_t prl_text_fold_cp(int32_t cp);

/* Write the matching form of s[0..n) (fold, upper case, NFC, U+2026 as
 * "...", ill-formed bytes as U+FFFD) into dst with room for cap bytes,
 * NUL-terminated. Returns its length, or (size_t)-1 if cap is too small.
 * cap >= 4 * n + 8 always suffices. scratch holds nscratch code points
 * (4 * n + 8 always suffice); without enough, NFC is skipped. */
size_t prl_text_fold(const char *s, size_t n, char *dst, size_t cap,
                     int32_t *scratch, size_t nscratch);

#endif
