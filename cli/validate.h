/* validate.h: what the two validation readers of `parley validate` share:
 * the command's options, the tally per category with its closing table
 * and "N passed, N failed, N skipped" line, the comparison of expected
 * and coded events, and the printing of a doc's events. cli/validate.c
 * holds these and the PETRARCH XML suites; cli/validate_tabari.c the
 * TABARI suites. */
#ifndef PRL_CLI_VALIDATE_H
#define PRL_CLI_VALIDATE_H

#include "cli.h"

/* The command line of `parley validate`. */
typedef struct prl_vopts {
    const char *file;       /* the suite (or a .project file) */
    const char *project;    /* --project, or file when it ends in .project */
    const char *dict_dir;   /* --dict-dir (PETRARCH XML) */
    const char *trace_id;   /* --trace ID */
    int verbose, show, all;
    prl_cli_dicts dicts;    /* --dict (TABARI) */
} prl_vopts;

#define PRL_V_MAX_CATS 64

typedef struct prl_vcat {
    char name[32];
    unsigned pass, fail, skip;
} prl_vcat;

typedef struct prl_vtally {
    prl_vcat cats[PRL_V_MAX_CATS];
    unsigned n_cats;
    unsigned pass, fail, skip;
} prl_vtally;

typedef enum prl_voutcome { PRL_V_PASS, PRL_V_FAIL, PRL_V_SKIP } prl_voutcome;

/* Count one record of category cat (NULL: "(none)"); past
 * PRL_V_MAX_CATS categories the last one takes the rest. */
void prl_vtally_count(prl_vtally *t, const char *cat, prl_voutcome o);

/* The table per category (when there is one) and the closing line. */
void prl_vtally_print(const prl_vtally *t);

/* One expected event. */
typedef struct prl_vexpect {
    const char *source, *target, *code;
} prl_vexpect;

/* Do the doc's events and the expectations agree? Every expected event
 * must be coded; with extra_ok, events not expected are allowed, else
 * every coded event must be expected too (the sets are equal). */
int prl_vmatch(const parley_doc *doc, const prl_vexpect *want, size_t n_want, int extra_ok);

/* "    SOURCE\tTARGET\tCODE\t(verb, pattern)" per event, or "(no events)"
 * with the discards noted. */
void prl_vprint_events(const parley_doc *doc);

/* A parley_trace_fn printing "  trace: LINE". */
void prl_vtrace_line(void *ud, const char *line);

/* Run a TABARI validation suite (cli/validate_tabari.c); returns the exit
 * status. */
int prl_validate_tabari(const prl_vopts *o);

#endif
