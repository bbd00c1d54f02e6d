/* lex.h: the line reader and phrase parser shared by every dictionary
 * reader (verbs, actors, agents, discards, issues).
 *
 * A reader opens a prl_lex over one file in memory; prl_lex_next hands it
 * one content line at a time with comments already removed (`#` and `;`
 * to end of line outside [...], `<!-- ... -->` across lines, whole-line
 * `<!...` declarations), the text upper-cased (ASCII) and trailing blanks
 * trimmed. Blank lines are skipped. Columns in diagnostics are 1-based byte
 * offsets in the original line, because the content is the original line
 * with comments blanked out in place. */
#ifndef PRL_DICT_LEX_H
#define PRL_DICT_LEX_H

#include "model.h"

typedef struct prl_lex {
    prl_model *m;
    const char *file;       /* interned in the model's arena */
    char *text;             /* mutable copy of the file, NUL-terminated */
    size_t n, pos;
    unsigned line;          /* number of the line last returned */
    int in_comment;         /* inside <!-- ... --> */
    unsigned comment_line, comment_col;
    int stems;              /* 1: TABARI stems apply to words without '_' */
    int bad_eof;            /* an unterminated comment was reported */
} prl_lex;

typedef struct prl_line {
    char *s;                /* content after leading blanks; NUL-terminated */
    char *start;            /* the line's first byte, for columns */
    unsigned no;            /* 1-based line number */
    int indented;           /* the raw line began with a blank or tab */
} prl_line;

/* Open a reader over buf. The model keeps a copy of `file` for origins.
 * Decides the stem convention for the file (see prl_lex_file_stems).
 * PARLEY_ENOMEM on allocation failure. */
parley_status prl_lex_open(prl_lex *lx, prl_model *m, const char *file,
                           const char *buf, size_t n);

/* Next content line; 0 at end of input (or after a ~FINISH line, the
 * TABARI end mark). At the end, reports an unterminated <!-- comment. */
int prl_lex_next(prl_lex *lx, prl_line *ln);

void prl_lex_close(prl_lex *lx);

/* 1-based column of p within the line. */
unsigned prl_lex_col(const prl_line *ln, const char *p);

/* Report a malformed line at p (NULL: no column): counts an error.
 * Always returns 1, so readers can write `bad = prl_lex_error(...)`. */
int prl_lex_error(prl_lex *lx, const prl_line *ln, const char *p,
                  const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Report a tolerated oddity ("warning: ..."); not counted as an error. */
void prl_lex_warn(prl_lex *lx, const prl_line *ln, const char *p,
                  const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Whether a file uses TABARI stems: words without a trailing '_' match any
 * token they begin. A comment line "# parley: stems" or "# parley: exact"
 * decides; otherwise files named PETR.Validate.* or *.actors / *.agents /
 * *.verbs (TABARI names) use stems, every other file exact words
 * (PETRARCH). */
int prl_lex_file_stems(const char *file, const char *buf, size_t n);

/* Phrase parsing flags. */
enum {
    PRL_PH_TOKENS = 1,      /* allow pattern tokens * $ + % ^ */
    PRL_PH_SYNSETS = 2,     /* allow &NAME synset references */
    PRL_PH_STEMS = 4,       /* TABARI: a word not followed by '_' is a stem */
    PRL_PH_JOIN_ALL = 8,    /* every word joined to the next (blank = '_') */
    PRL_PH_LAST_STEM = 16   /* discards: only the last word may be a stem */
};

/* Result codes of the parsing helpers. */
enum { PRL_PARSE_OK = 0, PRL_PARSE_BAD = 1, PRL_PARSE_NOMEM = 2 };

/* What one line's parse result means for the whole file: reading goes on
 * (PARLEY_OK) unless memory ran out or a bad line meets strict mode. */
parley_status prl_lex_status(const prl_model *m, int rc);

/* Split an entry line "TEXT {LIST} [CODE]" ({} and [] in either order,
 * each optional): *text_end is where TEXT ends, [*fa,*fb) the inside of
 * the braces and [*cs,*ce) of the brackets (NULL when absent). `list` and
 * `what` name the braces and the entry in error messages. */
int prl_lex_entry_parts(prl_lex *lx, const prl_line *ln, const char *list,
                        const char *what, char **text_end, char **fa, char **fb,
                        char **cs, char **ce);

/* Move a scratch vector's items into the model's arena (*out, *n) and
 * empty the vector; PRL_PARSE_NOMEM on allocation failure. */
int prl_lex_copy_out(prl_model *m, prl_vec *v, void **out, uint32_t *n);

/* Append the prl_phrase items of `phrases` to synset `synset` and empty the
 * vector. A synset label may be defined in several places (TABARI allows
 * repeating one) and then grows. */
int prl_lex_synset_append(prl_model *m, uint32_t synset, prl_vec *phrases);

/* Parse the words in [s,end) into *out (arena memory). Words are split at
 * blanks and '_'; see docs/dictionaries.md for the flags. *trailing_us is
 * set to 1 when the phrase ends with '_' (may be NULL). Malformed input is
 * reported at its column and gives PRL_PARSE_BAD. */
int prl_parse_phrase(prl_lex *lx, const prl_line *ln, char *s, char *end,
                     unsigned flags, prl_phrase *out, int *trailing_us);

/* Parse the bracket at *p ('['), returning its trimmed content in
 * [*cs,*ce) and advancing *p past ']'. PRL_PARSE_BAD (reported) when the
 * ']' is missing or the code is empty. */
int prl_parse_bracket(prl_lex *lx, const prl_line *ln, char **p,
                      char **cs, char **ce);

/* Parse an event code "CODE" or paired "A:B" from [cs,ce) into *vc. */
int prl_parse_vcode(prl_lex *lx, const prl_line *ln, char *cs, char *ce,
                    prl_vcode *vc);

/* Regular English plural of an upper-case word (arena string): MAN->MEN,
 * consonant+Y->IES, S X Z CH SH->ES, else +S. A word that already looks
 * plural (S after a consonant other than S, or after E: AFFAIRS, FORCES)
 * gets none: w itself is returned. NULL on ENOMEM. */
const char *prl_plural(prl_arena *ar, const char *w);

/* Copy of ph with its last word replaced by `last` (arena memory). */
int prl_phrase_with_last(prl_arena *ar, const prl_phrase *ph, const char *last,
                         prl_phrase *out);

/* 1 if the phrase can take a generated plural: it ends in an exact word. */
int prl_phrase_pluralizable(const prl_phrase *ph);

/* Space-joined text of a phrase (arena string): words as written, tokens
 * as their symbol, synsets as &NAME. NULL on ENOMEM. */
const char *prl_phrase_text(prl_model *m, const prl_phrase *ph);

/* Skip blanks and tabs. */
char *prl_skip_ws(char *p);

/* Copy [s,e) into the arena; NULL on ENOMEM. */
const char *prl_lex_str(prl_lex *lx, const char *s, const char *e);

#endif
