/* tabari_validation.h: the parts of a TABARI validation suite beyond its
 * text records (TABARI manual 0.8.4b2, sections 4.1, 8 and 10.1):
 *
 *  - tabari_validation.c: the validation fields in a record's comments,
 *    "{ SOURCE / TARGET / EVENT }" and the special codes;
 *  - tabari_project.c: the lines of a .project file;
 *  - tabari_options.c: .options command lines, as parley coder options.
 *
 * The records themselves are read by the TABARI intake (tabari.c), whose
 * prl_intake_tabari_comments gives each record's comment text. These
 * readers never print: they return what they found and why a part was
 * refused, with line and column, for the caller to report. */
#ifndef PRL_INTAKE_TABARI_VALIDATION_H
#define PRL_INTAKE_TABARI_VALIDATION_H

#include "../prl.h"

/* ---- validation fields (tabari_validation.c) ------------------------ */

typedef enum prl_tv_kind {
    PRL_TV_EVENT = 0,       /* { SOURCE / TARGET / EVENT }: an expected event */
    PRL_TV_NONE,            /* {---} (or {- - -}): no events */
    PRL_TV_DISCARD,         /* {###}: a discard code was found */
    PRL_TV_COMPLEX,         /* {+++}: the complexity filter fired */
    PRL_TV_OPTION,          /* {OPTION: line}: an .options command */
    PRL_TV_UNCHECKED        /* -{...}: not checked (see below) */
} prl_tv_kind;

typedef struct prl_tv_field {
    prl_tv_kind kind;
    unsigned line, col;     /* of its '{' */
    /* PRL_TV_EVENT: the codes, blank-trimmed; attribution is a fourth
     * field ("{ S / T / E / ATTR }") or NULL */
    const char *source, *target, *code, *attribution;
    const char *option;     /* PRL_TV_OPTION: the command, trimmed */
} prl_tv_field;

typedef struct prl_tv_error {
    unsigned line, col;
    char msg[192];
} prl_tv_error;

/* The fields of one record. Strings live in the arena until the next
 * prl_tv_parse or prl_tv_free. */
typedef struct prl_tv {
    const prl_alloc *alloc;
    prl_arena arena;
    prl_vec fields;         /* prl_tv_field */
    prl_vec errors;         /* prl_tv_error: malformed brackets */
    size_t n_brackets;      /* every '{' found, malformed ones too */
} prl_tv;

void prl_tv_init(prl_tv *tv, const prl_alloc *a);
void prl_tv_free(prl_tv *tv);

/* Parse a record's comment text (as prl_intake_tabari_comments gives it:
 * line k is file line first_line + k, columns as in the file). Each
 * "{...}" is one field; text outside brackets is ignored. A literal
 * backslash-n (TABARI's line break mark) at the start of a line or after
 * a blank is a blank. Inside a bracket:
 *   "---", "###", "+++" (blanks ignored, so "- - -" too): special codes;
 *   "OPTION:" then an .options command line;
 *   otherwise three (or four) fields separated by '/', none empty.
 * A '{' preceded by '-' is PRL_TV_UNCHECKED and its content is not read.
 * A bracket that is none of these, or has no '}', or holds a '{', is an
 * error (in tv->errors, with its line and column) and is not a field.
 * PARLEY_ENOMEM, else PARLEY_OK. */
parley_status prl_tv_parse(prl_tv *tv, const char *text, size_t len, unsigned first_line);

#define PRL_TV_FIELD(tv, i) (&PRL_VEC_AT(&(tv)->fields, prl_tv_field, i))
#define PRL_TV_ERROR(tv, i) (&PRL_VEC_AT(&(tv)->errors, prl_tv_error, i))

/* ---- .project files (tabari_project.c) ------------------------------ */

typedef enum prl_tp_kind {
    PRL_TP_IGNORED = 0,     /* not a tag line, or a tag parley has no use
                               for (<eventfile>, <coder>, <session>, ...) */
    PRL_TP_ACTORS,          /* <actorfile> (<ac...>) */
    PRL_TP_VERBS,           /* <verbfile> (<ve...>) */
    PRL_TP_AGENTS,          /* <agentfile> (<ag...>) */
    PRL_TP_TEXT,            /* <textfile> (<te...>) */
    PRL_TP_ISSUES,          /* <issuesfile> (<is...>) */
    PRL_TP_OPTIONS,         /* <optionsfile> (<op...>) */
    PRL_TP_SYSTEM,          /* <system> / <run>: never run by parley */
    PRL_TP_BAD              /* starts with '<' but has no '>' */
} prl_tp_kind;

typedef struct prl_tp_line {
    prl_tp_kind kind;
    const char *tag;        /* the tag's name, tag_len bytes */
    size_t tag_len;
    const char *value;      /* the blank-trimmed value, value_len bytes */
    size_t value_len;
    int xml;                /* the tag has TYPE="XML" (a TABARI XML text) */
} prl_tp_line;

/* Classify one line (without its newline). As TABARI does, only lines
 * whose first character is '<' count, and a tag is known by its first two
 * letters, in any case. The value is what follows '>' up to an optional
 * "</" terminator (after which comments may follow). */
prl_tp_kind prl_tp_parse_line(const char *s, size_t n, prl_tp_line *out);

/* ---- .options commands (tabari_options.c) --------------------------- */

#define PRL_TO_MAX_SET 6

typedef struct prl_to_command {
    int blank;              /* an empty or comment-only line */
    char name[24];          /* the command, upper-cased: "COMMA", "COMPLEX",
                               "SET: NAME" (each SET parameter apart) */
    struct {
        const char *option; /* a parley_coder_set option name */
        int value;
    } set[PRL_TO_MAX_SET];
    unsigned n_set;
    /* Why (part of) the line is not applied, "" when all of it is. */
    char unsupported[120];
} prl_to_command;

/* Read one .options command line (also the text of a validation
 * "{OPTION: ...}"). Text after '#' or "//" is a comment. parley applies
 * COMMA: (MIN, MAX, BMIN, BMAX, EMIN, EMAX, or OFF) as the coder's
 * comma_* options; every other command is reported unsupported. */
void prl_to_parse(const char *s, size_t n, prl_to_command *out);

#endif
