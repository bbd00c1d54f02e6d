/* cli.h: what the parley command's subcommands share: exit codes, the
 * diagnostics printer, a small option parser and dictionary loading from
 * --dict options. The command uses the public API (parley/parley.h) plus
 * the intake and sink modules; nothing else of the library. */
#ifndef PRL_CLI_H
#define PRL_CLI_H

#include <stddef.h>

#include "parley/parley.h"

/* Exit codes, documented in docs/parley.1. */
enum {
    PRL_EXIT_OK = 0,
    PRL_EXIT_RECORDS = 1,   /* some input records failed */
    PRL_EXIT_USAGE = 2,
    PRL_EXIT_DICT = 3,      /* a dictionary could not be read or compiled */
    PRL_EXIT_IO = 4         /* an input could not be read or output written */
};

/* The subcommands: each takes its own argv (argv[0] is the command name)
 * and returns an exit code. */
int prl_cmd_code(int argc, char **argv);
int prl_cmd_compile(int argc, char **argv);
int prl_cmd_explain(int argc, char **argv);
/* Commands written in other modules: cli/validate.c (PETRARCH validation
 * files) and cli/lint.c (the dictionary linter). */
int prl_cmd_validate(int argc, char **argv);
int prl_cmd_lint(int argc, char **argv);
/* cli/export.c: events read back out of a store (--db). */
int prl_cmd_export(int argc, char **argv);

/* Print "parley: MESSAGE" on stderr. */
void prl_cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Print "parley: CMD: MESSAGE" and a hint to use --help on stderr, and
 * return PRL_EXIT_USAGE. */
int prl_cli_usage(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A parley_warn_fn printing "parley: FILE:LINE:COLUMN: message" on
 * stderr, leaving out the parts that are unknown (NULL / 0). ud unused. */
void prl_cli_warn(void *ud, const char *file, unsigned line, unsigned column,
                  const char *message);

/* A minimal option parser: "--name VALUE", "--name=VALUE", "-x VALUE",
 * flags, "--" (the rest are operands) and "-" (an operand: stdin). */
typedef struct prl_cli_opt {
    const char *name;       /* long name without "--" */
    char short_name;        /* 0: none */
    int has_value;
    int id;                 /* returned by prl_cli_next; > 0 */
} prl_cli_opt;

typedef struct prl_cli_parser {
    int argc;
    char **argv;
    int i;                  /* next argument */
    int operands_only;      /* after "--" */
    const char *cmd;        /* for messages */
} prl_cli_parser;

enum { PRL_CLI_END = -1, PRL_CLI_OPERAND = 0, PRL_CLI_BAD = -2 };

void prl_cli_parser_init(prl_cli_parser *p, int argc, char **argv,
                         const char *cmd);

/* The next argument: an option's id (its value, if any, in *value), or
 * PRL_CLI_OPERAND (the operand in *value), PRL_CLI_END, or PRL_CLI_BAD
 * after printing a usage error. */
int prl_cli_next(prl_cli_parser *p, const prl_cli_opt *opts, size_t nopts,
                 const char **value);

/* The --dict options of a command. */
typedef struct prl_cli_dicts {
    const char **specs;     /* "PATH" or "KIND:PATH" */
    size_t n;
    int strict;             /* --strict: a malformed line is fatal */
    int summary;            /* print one count for malformed dictionary
                               lines instead of each (the `code` filter);
                               --strict still prints each */
} prl_cli_dicts;

/* Add one --dict value (specs has room for argc entries, see
 * prl_cli_dicts_init). */
void prl_cli_dicts_add(prl_cli_dicts *d, const char *spec);
int prl_cli_dicts_init(prl_cli_dicts *d, int argc);
void prl_cli_dicts_free(prl_cli_dicts *d);

/* Load or build the dictionary named by d:
 *   - none given: the default image ($PARLEY_DICT, else default.dict next
 *     to the parley binary, else /usr/local/share/parley/default.dict);
 *   - one file that is a compiled image: parley_dict_load;
 *   - otherwise each is a source dictionary read by the builder, its kind
 *     guessed (PARLEY_DICT_AUTO) unless given as KIND:PATH with KIND one
 *     of verbs, verbs2, actors, agents, discards, issues.
 * Dictionary warnings are printed with prl_cli_warn. Returns PRL_EXIT_OK
 * and *out, or PRL_EXIT_DICT after printing why. */
int prl_cli_load_dict(const prl_cli_dicts *d, const parley_options *opts,
                      parley_dict **out);

/* Options every command uses: warnings printed, strictness from d. */
parley_options prl_cli_options(int strict);

/* Normalise a --date value (YYYYMMDD or YYYY-MM-DD) into out; -1 if bad. */
int prl_cli_date(const char *s, char out[9]);

#endif
