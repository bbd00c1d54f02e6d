/* validate_tabari.c: `parley validate` on a TABARI validation suite
 * (TABARI manual 0.8.4b2, section 10.1; docs/formats.md has parley's
 * reading of it).
 *
 * The suite is TABARI text records (read by the tabari intake, which keeps
 * each record's comments apart from its text); the validation fields are
 * the brackets in those comments (src/intake/tabari_validation.c). The
 * dictionaries come from --dict, or from a .project file's <actorfile>,
 * <verbfile>, <agentfile> and <issuesfile> lines, whose <textfile>s are
 * then the suite and whose <optionsfile> sets the coder's options where
 * parley has the same option (src/intake/tabari_options.c).
 *
 * A record's verdict, in TABARI's order ("special codes are checked
 * first, and if there is a match, any source/target/event records are
 * not checked"):
 *   1. {---} passes when no event was coded, and so does {+++} (parley has
 *      no complexity filter: a record TABARI would set aside as complex is
 *      taken to expect no events); {###} passes when a discard dropped a
 *      sentence (or the story);
 *   2. otherwise the { S / T / E } fields are compared with the coded
 *      events as sets. A -{...} field is not checked, and its presence
 *      means "do not check additional records": every listed event must
 *      be coded, but events coded beyond them are not failures. A record
 *      whose only fields are {###} fails when nothing was discarded.
 * {OPTION: ...} fields apply their command before the record is coded
 * (and for the records after it, as in TABARI); a record with nothing but
 * options is counted as skipped. The first record without any field
 * ends the run ("The validation process stops ... when it encounters a
 * record without any validation fields"); the records left are counted
 * and named, and --all runs them (skipping the fieldless ones). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intake/intake.h"
#include "intake/tabari_validation.h"
#include "validate.h"

/* Warnings given once per file: "FILE\tWHAT". */
typedef struct once {
    char **seen;
    size_t n, cap;
} once;

typedef struct tstate {
    const prl_vopts *o;
    parley_dict *dict;
    parley_coder *coder;
    parley_doc *doc;
    prl_tv tv;
    prl_vtally tally;
    once warned;
    int rc;                 /* the exit status of errors so far */
    int stopped;            /* a record without fields was met */
    unsigned long not_run;  /* records from it to the end of its file */
} tstate;

/* The files a .project names, resolved against its directory. */
typedef struct project {
    char **dicts;           /* "KIND:PATH" */
    size_t n_dicts;
    char **texts;
    size_t n_texts;
    char **options;
    size_t n_options;
} project;

/* 1 the first time (file, what) is seen; 0 after (or out of memory). */
static int first_time(once *w, const char *file, const char *what)
{
    size_t fl = strlen(file), wl = strlen(what);
    for (size_t i = 0; i < w->n; i++)
        if (strncmp(w->seen[i], file, fl) == 0 && w->seen[i][fl] == '\t' &&
            strcmp(w->seen[i] + fl + 1, what) == 0)
            return 0;
    if (w->n == w->cap) {
        size_t nc = w->cap ? 2 * w->cap : 16;
        char **s = realloc(w->seen, nc * sizeof *s);
        if (!s)
            return 0;
        w->seen = s;
        w->cap = nc;
    }
    char *e = malloc(fl + wl + 2);
    if (!e)
        return 0;
    memcpy(e, file, fl);
    e[fl] = '\t';
    memcpy(e + fl + 1, what, wl + 1);
    w->seen[w->n++] = e;
    return 1;
}

static void once_free(once *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->seen[i]);
    free(w->seen);
}

/* ---- .project and .options ------------------------------------------ */

static int push(char ***list, size_t *n, char *s)
{
    char **l = realloc(*list, (*n + 1) * sizeof *l);
    if (!l) {
        free(s);
        return -1;
    }
    l[(*n)++] = s;
    *list = l;
    return 0;
}

static void project_free(project *p)
{
    for (size_t i = 0; i < p->n_dicts; i++)
        free(p->dicts[i]);
    for (size_t i = 0; i < p->n_texts; i++)
        free(p->texts[i]);
    for (size_t i = 0; i < p->n_options; i++)
        free(p->options[i]);
    free(p->dicts);
    free(p->texts);
    free(p->options);
}

/* "PREFIX" + the path, relative paths taken from dir. */
static char *resolve(const char *prefix, const char *dir, const char *name, size_t n)
{
    size_t pl = strlen(prefix), dl = name[0] == '/' ? 0 : strlen(dir);
    char *s = malloc(pl + dl + 1 + n + 1);
    if (!s)
        return NULL;
    memcpy(s, prefix, pl);
    size_t k = pl;
    if (dl) {
        memcpy(s + k, dir, dl);
        k += dl;
        s[k++] = '/';
    }
    memcpy(s + k, name, n);
    s[k + n] = '\0';
    return s;
}

/* Read a .project file. 0, or an exit status after printing why. */
static int read_project(tstate *t, const char *path, project *p)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        prl_cli_error("%s: cannot open", path);
        return PRL_EXIT_IO;
    }
    char dir[4096];
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    if (slash == path)
        snprintf(dir, sizeof dir, "/");
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    unsigned lineno = 0;
    int rc = 0;
    while (rc == 0 && (got = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t n = (size_t)got;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        prl_tp_line tl;
        prl_tp_kind k = prl_tp_parse_line(line, n, &tl);
        if (k == PRL_TP_IGNORED)
            continue;
        if (k == PRL_TP_BAD) {
            fprintf(stderr, "parley: %s:%u: a tag line without '>': ignored\n", path, lineno);
            continue;
        }
        if (k == PRL_TP_SYSTEM) {
            if (first_time(&t->warned, path, "system"))
                fprintf(stderr, "parley: %s:%u: <%.*s> commands are not run by parley\n", path,
                        lineno, (int)tl.tag_len, tl.tag);
            continue;
        }
        if (!tl.value_len) {
            fprintf(stderr, "parley: %s:%u: <%.*s> names no file: ignored\n", path, lineno,
                    (int)tl.tag_len, tl.tag);
            continue;
        }
        if (k == PRL_TP_TEXT && tl.xml) {
            fprintf(stderr, "parley: %s:%u: TYPE=\"XML\" text files are not read by parley: "
                    "%.*s skipped\n", path, lineno, (int)tl.value_len, tl.value);
            t->rc = PRL_EXIT_IO;
            continue;
        }
        const char *prefix = k == PRL_TP_ACTORS ? "actors:" : k == PRL_TP_VERBS ? "verbs:"
                             : k == PRL_TP_AGENTS ? "agents:" : k == PRL_TP_ISSUES ? "issues:"
                             : "";
        char *s = resolve(prefix, dir, tl.value, tl.value_len);
        if (!s || push(k == PRL_TP_TEXT ? &p->texts : k == PRL_TP_OPTIONS ? &p->options
                                                                          : &p->dicts,
                       k == PRL_TP_TEXT ? &p->n_texts : k == PRL_TP_OPTIONS ? &p->n_options
                                                                            : &p->n_dicts,
                       s) != 0) {
            prl_cli_error("validate: out of memory");
            rc = PRL_EXIT_IO;
        }
    }
    if (ferror(f)) {
        prl_cli_error("%s: read error", path);
        rc = PRL_EXIT_IO;
    }
    free(line);
    fclose(f);
    return rc;
}

/* Apply one .options command (a line of an options file, or the text of
 * an {OPTION: ...} field) to the coder; warn, once per file and command,
 * about what parley does not apply. */
static void apply_option(tstate *t, const char *file, unsigned line, unsigned col,
                         const char *text, size_t n)
{
    prl_to_command cmd;
    prl_to_parse(text, n, &cmd);
    if (cmd.blank)
        return;
    for (unsigned i = 0; i < cmd.n_set; i++) {
        char v[16];
        snprintf(v, sizeof v, "%d", cmd.set[i].value);
        if (parley_coder_set(t->coder, cmd.set[i].option, v) != PARLEY_OK)
            fprintf(stderr, "parley: %s:%u: %s=%s not accepted\n", file, line,
                    cmd.set[i].option, v);
        else if (t->o->verbose)
            printf("note: %s:%u: %s=%s\n", file, line, cmd.set[i].option, v);
    }
    if (cmd.unsupported[0] && first_time(&t->warned, file, cmd.name)) {
        char msg[200];
        snprintf(msg, sizeof msg, ".options command %s (said once per file)",
                 cmd.unsupported);
        prl_cli_warn(NULL, file, line, col, msg);
    }
}

static int read_options_file(tstate *t, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        prl_cli_error("%s: cannot open options file", path);
        return PRL_EXIT_IO;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    unsigned lineno = 0;
    while ((got = getline(&line, &cap, f)) >= 0)
        apply_option(t, path, ++lineno, 0, line, (size_t)got);
    int bad = ferror(f);
    free(line);
    fclose(f);
    if (bad) {
        prl_cli_error("%s: read error", path);
        return PRL_EXIT_IO;
    }
    return 0;
}

/* ---- records ---------------------------------------------------------- */

/* TABARI suites name records CATEGORY-NN ("DEMO-04"): the category is the
 * id's first word (a header may carry more after the id) without its last
 * "-DIGITS". */
static void category_of(const char *id, char *out, size_t cap)
{
    size_t n = strcspn(id, " \t"), k = n;
    while (k > 0 && id[k - 1] >= '0' && id[k - 1] <= '9')
        k--;
    if (k < n && k > 1 && id[k - 1] == '-')
        snprintf(out, cap, "%.*s", (int)(k - 1), id);
    else
        snprintf(out, cap, "(none)");
}

typedef struct fields {
    prl_vexpect *want;
    size_t n_want;
    int none, discard, complex, unchecked, options;
    const prl_tv_field *attribution;
} fields;

static void print_expected(const fields *fs)
{
    printf("  expected:\n");
    if (fs->none)
        printf("    {---} (no events)\n");
    if (fs->complex)
        printf("    {+++} (complex: no events)\n");
    if (fs->discard)
        printf("    {###} (a discard)\n");
    for (size_t i = 0; i < fs->n_want; i++)
        printf("    %s\t%s\t%s\n", fs->want[i].source, fs->want[i].target, fs->want[i].code);
    if (fs->unchecked)
        printf("    -{...} (events beyond these are not checked)\n");
}

static int verdict(const parley_doc *doc, const fields *fs)
{
    size_t n = parley_doc_event_count(doc);
    if ((fs->none || fs->complex) && n == 0)
        return 1;
    if (fs->discard && (parley_doc_discarded(doc) || parley_doc_discarded_sentences(doc)))
        return 1;
    if (fs->discard && fs->n_want == 0)
        return 0;
    return prl_vmatch(doc, fs->want, fs->n_want, fs->unchecked);
}

static void run_record(tstate *t, const char *file, const prl_record *r)
{
    char cat[32];
    category_of(r->id, cat, sizeof cat);
    prl_tv *tv = &t->tv;
    /* Options apply whatever else the record holds. */
    for (size_t i = 0; i < tv->fields.len; i++) {
        const prl_tv_field *f = PRL_TV_FIELD(tv, i);
        if (f->kind == PRL_TV_OPTION)
            apply_option(t, file, f->line, f->col, f->option, strlen(f->option));
    }
    if (tv->errors.len) {
        for (size_t i = 0; i < tv->errors.len; i++) {
            const prl_tv_error *e = PRL_TV_ERROR(tv, i);
            prl_cli_warn(NULL, file, e->line, e->col, e->msg);
        }
        prl_vtally_count(&t->tally, cat, PRL_V_FAIL);
        printf("FAIL %s (%s) line %u: malformed validation field at line %u (not coded)\n",
               r->id, cat, r->line, PRL_TV_ERROR(tv, 0)->line);
        return;
    }
    fields fs;
    memset(&fs, 0, sizeof fs);
    fs.want = tv->fields.len ? malloc(tv->fields.len * sizeof *fs.want) : NULL;
    if (tv->fields.len && !fs.want) {
        prl_vtally_count(&t->tally, cat, PRL_V_FAIL);
        printf("FAIL %s: out of memory\n", r->id);
        return;
    }
    for (size_t i = 0; i < tv->fields.len; i++) {
        const prl_tv_field *f = PRL_TV_FIELD(tv, i);
        switch (f->kind) {
        case PRL_TV_EVENT:
            fs.want[fs.n_want].source = f->source;
            fs.want[fs.n_want].target = f->target;
            fs.want[fs.n_want].code = f->code;
            fs.n_want++;
            if (f->attribution && !fs.attribution)
                fs.attribution = f;
            break;
        case PRL_TV_NONE: fs.none = 1; break;
        case PRL_TV_DISCARD: fs.discard = 1; break;
        case PRL_TV_COMPLEX: fs.complex = 1; break;
        case PRL_TV_UNCHECKED: fs.unchecked = 1; break;
        case PRL_TV_OPTION: fs.options = 1; break;
        }
    }
    if (fs.attribution && first_time(&t->warned, file, "attribution"))
        prl_cli_warn(NULL, file, fs.attribution->line, fs.attribution->col,
                     "attribution codes (a fourth field) are not checked by parley "
                     "(said once per file)");
    if (!fs.n_want && !fs.none && !fs.discard && !fs.complex && !fs.unchecked) {
        prl_vtally_count(&t->tally, cat, PRL_V_SKIP);
        if (t->o->verbose)
            printf("SKIP %s: sets options only\n", r->id);
        free(fs.want);
        return;
    }
    /* --trace names the whole id or its first word. */
    size_t idw = strcspn(r->id, " \t");
    int tracing = t->o->trace_id && (strcmp(t->o->trace_id, r->id) == 0 ||
                                     (strlen(t->o->trace_id) == idw &&
                                      strncmp(t->o->trace_id, r->id, idw) == 0));
    parley_coder_trace(t->coder, tracing ? prl_vtrace_line : NULL, NULL);
    if (tracing)
        printf("TRACE %s: %s\n", r->id, r->text);
    parley_status s = parley_doc_set(t->doc, r->id, r->date, NULL, r->text, r->len);
    if (s == PARLEY_EINVAL)     /* a date the coder refuses: code without it */
        s = parley_doc_set(t->doc, r->id, NULL, NULL, r->text, r->len);
    if (s == PARLEY_OK)
        s = parley_code(t->coder, t->doc);
    if (s != PARLEY_OK) {
        prl_vtally_count(&t->tally, cat, PRL_V_FAIL);
        printf("FAIL %s (%s) line %u: %s\n", r->id, cat, r->line, parley_strerror(s));
        free(fs.want);
        return;
    }
    if (verdict(t->doc, &fs)) {
        prl_vtally_count(&t->tally, cat, PRL_V_PASS);
        if (t->o->verbose || t->o->show || tracing) {
            printf("ok   %s\n", r->id);
            if (t->o->show || tracing)
                prl_vprint_events(t->doc);
        }
    } else {
        prl_vtally_count(&t->tally, cat, PRL_V_FAIL);
        printf("FAIL %s (%s) line %u: %s\n", r->id, cat, r->line, r->text);
        print_expected(&fs);
        printf("  got:\n");
        prl_vprint_events(t->doc);
    }
    free(fs.want);
}

/* Run the records of one text file. */
static void run_file(tstate *t, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        prl_cli_error("%s: cannot open", path);
        t->rc = PRL_EXIT_IO;
        return;
    }
    prl_intake in;
    if (prl_intake_open(&in, PRL_INTAKE_TABARI, fp, path, NULL) != PARLEY_OK) {
        fclose(fp);
        prl_cli_error("validate: out of memory");
        t->rc = PRL_EXIT_IO;
        return;
    }
    char stop_id[64] = "";
    unsigned stop_line = 0;
    for (;;) {
        prl_record r;
        prl_intake_result res = prl_intake_next(&in, &r);
        if (res == PRL_INTAKE_END)
            break;
        if (res == PRL_INTAKE_FAIL) {
            prl_cli_warn(NULL, path, in.err_line, in.err_col, in.err);
            t->rc = PRL_EXIT_IO;
            break;
        }
        if (t->stopped) {
            t->not_run++;
            continue;
        }
        if (res == PRL_INTAKE_BAD) {
            prl_cli_warn(NULL, path, in.err_line, in.err_col, in.err);
            prl_vtally_count(&t->tally, "(unread)", PRL_V_FAIL);
            printf("FAIL %s:%u: unreadable record: %s\n", path, in.err_line, in.err);
            continue;
        }
        size_t clen;
        unsigned first;
        const char *c = prl_intake_tabari_comments(&in, &clen, &first);
        if (prl_tv_parse(&t->tv, c, clen, first) != PARLEY_OK) {
            prl_cli_error("validate: out of memory");
            t->rc = PRL_EXIT_IO;
            break;
        }
        if (t->tv.n_brackets == 0) {
            if (t->o->all) {
                char cat[32];
                category_of(r.id, cat, sizeof cat);
                prl_vtally_count(&t->tally, cat, PRL_V_SKIP);
                if (t->o->verbose)
                    printf("SKIP %s: no validation fields\n", r.id);
                continue;
            }
            t->stopped = 1;
            t->not_run = 1;
            snprintf(stop_id, sizeof stop_id, "%s", r.id);
            stop_line = r.line;
            continue;
        }
        run_record(t, path, &r);
    }
    prl_intake_close(&in);
    fclose(fp);
    if (stop_line)
        printf("note: %s:%u: record %s has no validation fields: validation stops there; "
               "%lu record%s not run (--all runs them)\n", path, stop_line, stop_id,
               t->not_run, t->not_run == 1 ? "" : "s");
}

int prl_validate_tabari(const prl_vopts *o)
{
    tstate t;
    memset(&t, 0, sizeof t);
    t.o = o;
    project p;
    memset(&p, 0, sizeof p);
    int rc = 0;
    if (o->project)
        rc = read_project(&t, o->project, &p);
    /* The project's dictionaries, then the --dict ones. */
    prl_cli_dicts d;
    if (rc == 0 && prl_cli_dicts_init(&d, (int)(p.n_dicts + o->dicts.n)) != 0)
        rc = PRL_EXIT_IO;
    if (rc) {
        project_free(&p);
        once_free(&t.warned);
        return rc;
    }
    for (size_t i = 0; i < p.n_dicts; i++)
        prl_cli_dicts_add(&d, p.dicts[i]);
    for (size_t i = 0; i < o->dicts.n; i++)
        prl_cli_dicts_add(&d, o->dicts.specs[i]);
    if (!d.n) {
        rc = prl_cli_usage("validate", "a TABARI suite needs dictionaries: --dict FILE or "
                           "--project FILE.project");
    } else if (!o->file && !p.n_texts) {
        rc = prl_cli_usage("validate", "%s names no <textfile>", o->project);
    } else {
        parley_options popts = prl_cli_options(0);
        rc = prl_cli_load_dict(&d, &popts, &t.dict);
    }
    prl_cli_dicts_free(&d);
    if (rc == 0 && (parley_coder_new(t.dict, NULL, &t.coder) != PARLEY_OK ||
                    parley_doc_new(NULL, &t.doc) != PARLEY_OK)) {
        prl_cli_error("validate: out of memory");
        rc = PRL_EXIT_IO;
    }
    if (rc == 0) {
        /* TABARI's own defaults (manual 8.6), not PETRARCH's: a TABARI
         * suite is written against them; its .options may change them. */
        static const char *const tabari_comma[][2] = {
            {"comma_min", "2"},    {"comma_max", "10"}, {"comma_bmin", "128"},
            {"comma_bmax", "0"},   {"comma_emin", "2"}, {"comma_emax", "10"}};
        for (size_t i = 0; i < sizeof tabari_comma / sizeof tabari_comma[0]; i++)
            parley_coder_set(t.coder, tabari_comma[i][0], tabari_comma[i][1]);
        prl_tv_init(&t.tv, NULL);
        for (size_t i = 0; i < p.n_options; i++)
            if (read_options_file(&t, p.options[i]) != 0)
                t.rc = PRL_EXIT_IO;
        if (o->file) {
            run_file(&t, o->file);
        } else {
            size_t i;
            for (i = 0; i < p.n_texts && !t.stopped; i++)
                run_file(&t, p.texts[i]);
            if (t.stopped && i < p.n_texts)
                printf("note: %zu later <textfile>%s not run\n", p.n_texts - i,
                       p.n_texts - i == 1 ? "" : "s");
        }
        prl_vtally_print(&t.tally);
        prl_tv_free(&t.tv);
        rc = t.rc ? t.rc : t.tally.fail ? PRL_EXIT_RECORDS : PRL_EXIT_OK;
    }
    parley_doc_free(t.doc);
    parley_coder_free(t.coder);
    parley_dict_free(t.dict);
    project_free(&p);
    once_free(&t.warned);
    return rc;
}
