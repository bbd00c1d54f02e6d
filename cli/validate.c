/* validate.c: `parley validate FILE`: run a validation suite, PETRARCH XML
 * (here) or TABARI's own format (validate_tabari.c), and what both share:
 * the options, the tally per category, the event comparison and printing.
 * A file whose first byte (after blanks and a UTF-8 BOM) is '<' is
 * PETRARCH XML, any other TABARI; --format forces one, and a .project
 * file (--project, or a FILE ending in .project) is TABARI.
 *
 * PETRARCH XML: the file's <Environment> names the dictionaries (looked up in
 * ../dictionaries next to the file, as in the PETRARCH source tree, then
 * in the file's own directory); <Config> lines set coder options in file
 * order; each <Sentence> is coded and its events compared, as a set of
 * (source, target, code) triples, with its <EventCoding> expectations.
 *
 * Which records run follows PETRARCH's validation rules (PETRARCH-1
 * "Validation Input"): a record whose category is not in the
 * Environment's <Include> list, or is in its <Exclude> list, is skipped;
 * with "valid" in <Include> only records marked valid="true" run, and
 * this suite marks them sentence="true" (its sentence="false" records are
 * the TABARI features PETRARCH never implemented: "14.04.26: currently not
 * implemented"); a record with a <Skip> element is skipped and a <Stop>
 * element ends the run. expat reads these markers in a first pass
 * (keyed by the record's line), since the record reader does not keep
 * them. --all runs every record regardless. Records whose expectation is
 * about the parse tree itself (error="bad_input_parse") cannot apply to a
 * shallow coder and are skipped too. Prints each failure with expected
 * and got, a table per category, and ends with "N passed, N failed, N
 * skipped". Exit 0 when nothing failed, 1 otherwise, 2 on usage errors, 3
 * when the dictionaries cannot be read, 4 when the file cannot be read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>

#include "intake/petrarch_xml.h"
#include "validate.h"

/* What the first pass learned about one <Sentence>. */
typedef struct recmark {
    unsigned line;          /* line of its start tag (prl_px_item.line) */
    unsigned char valid;    /* sentence="true" or valid="true" */
    unsigned char skip;     /* has a <Skip> element */
} recmark;

/* The first pass: <Include>/<Exclude> lists, <Stop>, and the markers of
 * every record. */
typedef struct marks {
    char include[1024], exclude[1024];
    int has_include, has_exclude;
    unsigned stop_line;     /* first <Stop> outside a record, 0 if none */
    recmark *rec;
    size_t n_rec, cap_rec;
    int in_sentence;
    int capture;            /* 1: Include text, 2: Exclude text */
    int oom;
} marks;

typedef struct vstate {
    const char *xml;
    const char *dict_dir;
    int verbose, show;
    const char *trace_id;
    parley_dict *dict;
    parley_coder *coder;
    parley_doc *doc;
    int all;                /* --all: ignore Include/Exclude/valid/Skip/Stop */
    marks mk;
    prl_vtally tally;
} vstate;

/* ---- first pass ----------------------------------------------------- */

static int attr_true(const XML_Char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(atts[i], name) == 0)
            return (atts[i + 1][0] | 0x20) == 't' || atts[i + 1][0] == '1';
    return 0;
}

static void XMLCALL mk_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    XML_Parser xp = ud;
    marks *m = XML_GetUserData(xp);
    unsigned line = (unsigned)XML_GetCurrentLineNumber(xp);
    if (strcmp(name, "Sentence") == 0) {
        if (m->n_rec == m->cap_rec) {
            size_t nc = m->cap_rec ? 2 * m->cap_rec : 256;
            recmark *r = realloc(m->rec, nc * sizeof *r);
            if (!r) {
                m->oom = 1;
                return;
            }
            m->rec = r;
            m->cap_rec = nc;
        }
        recmark *r = &m->rec[m->n_rec++];
        r->line = line;
        r->valid = (unsigned char)(attr_true(atts, "sentence") || attr_true(atts, "valid"));
        r->skip = 0;
        m->in_sentence = 1;
    } else if (strcmp(name, "Skip") == 0 && m->in_sentence && m->n_rec) {
        m->rec[m->n_rec - 1].skip = 1;
    } else if (strcmp(name, "Stop") == 0 && !m->in_sentence && !m->stop_line) {
        m->stop_line = line;
    } else if (strcmp(name, "Include") == 0 || strcmp(name, "Exclude") == 0) {
        /* PETRARCH writes the list as text; its docs also show a
         * categories="..." attribute. */
        int inc = name[0] == 'I';
        char *buf = inc ? m->include : m->exclude;
        *(inc ? &m->has_include : &m->has_exclude) = 1;
        for (size_t i = 0; atts[i]; i += 2)
            if (strcmp(atts[i], "categories") == 0)
                snprintf(buf + strlen(buf), sizeof m->include - strlen(buf), " %s ",
                         atts[i + 1]);
        m->capture = inc ? 1 : 2;
    }
}

static void XMLCALL mk_end(void *ud, const XML_Char *name)
{
    marks *m = XML_GetUserData((XML_Parser)ud);
    if (strcmp(name, "Sentence") == 0)
        m->in_sentence = 0;
    m->capture = 0;
}

static void XMLCALL mk_chars(void *ud, const XML_Char *s, int len)
{
    marks *m = XML_GetUserData((XML_Parser)ud);
    if (!m->capture || len <= 0)
        return;
    char *buf = m->capture == 1 ? m->include : m->exclude;
    size_t have = strlen(buf);
    if (have + (size_t)len + 2 < sizeof m->include) {
        memcpy(buf + have, s, (size_t)len);
        buf[have + (size_t)len] = 0;
    }
}

/* Read the markers of the whole file. 0 on success; -1 when it cannot be
 * read (the second pass reports XML errors with their position). */
static int read_marks(FILE *fp, marks *m)
{
    XML_Parser xp = XML_ParserCreate(NULL);
    if (!xp)
        return -1;
    XML_SetUserData(xp, m);
    XML_UseParserAsHandlerArg(xp);
    XML_SetElementHandler(xp, mk_start, mk_end);
    XML_SetCharacterDataHandler(xp, mk_chars);
    char buf[65536];
    int ok = 1;
    for (;;) {
        size_t n = fread(buf, 1, sizeof buf, fp);
        int last = n < sizeof buf;
        if (XML_Parse(xp, buf, (int)n, last) == XML_STATUS_ERROR) {
            ok = 0;
            break;
        }
        if (last)
            break;
    }
    XML_ParserFree(xp);
    rewind(fp);
    return ok && !m->oom && !ferror(fp) ? 0 : -1;
}

/* Is word w a blank-separated item of list? */
static int in_list(const char *list, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = list; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        const char *q = p;
        while (*q && *q != ' ' && *q != '\t' && *q != '\n' && *q != '\r')
            q++;
        if ((size_t)(q - p) == n && n && memcmp(p, w, n) == 0)
            return 1;
        p = q;
    }
    return 0;
}

/* Why PETRARCH's rules leave this record out, or NULL to run it. */
static const char *skip_reason(const vstate *v, const prl_px_item *it)
{
    if (it->error && strcmp(it->error, "bad_input_parse") == 0)
        return "expects a parse-tree error; parley reads no parses";
    if (v->all)
        return NULL;
    const recmark *r = NULL;
    for (size_t lo = 0, hi = v->mk.n_rec; lo < hi;) {   /* by line */
        size_t mid = lo + (hi - lo) / 2;
        if (v->mk.rec[mid].line == it->line) {
            r = &v->mk.rec[mid];
            break;
        }
        if (v->mk.rec[mid].line < it->line)
            lo = mid + 1;
        else
            hi = mid;
    }
    const char *cat = it->category ? it->category : "";
    if (r && r->skip)
        return "marked <Skip>";
    if (v->mk.has_include && !in_list(v->mk.include, cat))
        return "category not in <Include>";
    if (v->mk.has_exclude && in_list(v->mk.exclude, cat))
        return "category in <Exclude>";
    if (v->mk.has_include && in_list(v->mk.include, "valid") && r && !r->valid)
        return "not marked valid (sentence=\"true\") and <Include> has \"valid\"";
    return NULL;
}

static int exists(const char *p)
{
    FILE *f = fopen(p, "rb");
    if (!f)
        return 0;
    fclose(f);
    return 1;
}

/* Resolve a dictionary named in the Environment block. */
static int resolve(const vstate *v, const char *name, char *out, size_t cap)
{
    char dir[4096];
    const char *slash = strrchr(v->xml, '/');
    if (slash)
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - v->xml), v->xml);
    else
        snprintf(dir, sizeof dir, ".");
    if (name[0] == '/') {
        snprintf(out, cap, "%s", name);
        return exists(out);
    }
    if (v->dict_dir) {
        snprintf(out, cap, "%s/%s", v->dict_dir, name);
        if (exists(out))
            return 1;
    }
    snprintf(out, cap, "%s/../dictionaries/%s", dir, name);
    if (exists(out))
        return 1;
    snprintf(out, cap, "%s/%s", dir, name);
    return exists(out);
}

static int load_env(vstate *v, const prl_px_item *it)
{
    struct {
        const char *name;
        parley_dict_kind kind;
    } files[] = {
        {it->verbfile, PARLEY_DICT_VERBS},   {it->actorfile, PARLEY_DICT_ACTORS},
        {it->agentfile, PARLEY_DICT_AGENTS}, {it->discardfile, PARLEY_DICT_DISCARDS},
        {it->issuefile, PARLEY_DICT_ISSUES},
    };
    parley_options opts;
    memset(&opts, 0, sizeof opts);
    opts.warn = prl_cli_warn;
    parley_builder *b;
    if (parley_builder_new(&opts, &b) != PARLEY_OK) {
        fprintf(stderr, "parley: validate: out of memory\n");
        return PRL_EXIT_DICT;
    }
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        if (!files[i].name || !*files[i].name)
            continue;
        char path[8192];
        if (!resolve(v, files[i].name, path, sizeof path)) {
            fprintf(stderr, "parley: %s:%u: dictionary %s not found\n", v->xml,
                    it->line, files[i].name);
            parley_builder_free(b);
            return PRL_EXIT_DICT;
        }
        parley_dict_kind kind = files[i].kind;
        if (kind == PARLEY_DICT_VERBS)
            kind = PARLEY_DICT_AUTO;    /* PETRARCH-1 or PETRARCH2 verbs */
        parley_status s = parley_builder_add_file(b, kind, path);
        if (s != PARLEY_OK) {
            fprintf(stderr, "parley: %s: %s\n", path, parley_strerror(s));
            parley_builder_free(b);
            return PRL_EXIT_DICT;
        }
    }
    parley_dict_free(v->dict);
    v->dict = NULL;
    parley_status s = parley_builder_compile(b, &v->dict);
    parley_builder_free(b);
    if (s != PARLEY_OK) {
        fprintf(stderr, "parley: validate: compiling dictionaries: %s\n",
                parley_strerror(s));
        return PRL_EXIT_DICT;
    }
    parley_coder_free(v->coder);
    v->coder = NULL;
    if (parley_coder_new(v->dict, NULL, &v->coder) != PARLEY_OK) {
        fprintf(stderr, "parley: validate: out of memory\n");
        return PRL_EXIT_DICT;
    }
    return 0;
}

/* ---- shared with validate_tabari.c ---------------------------------- */

void prl_vtally_count(prl_vtally *t, const char *name, prl_voutcome o)
{
    if (!name || !*name)
        name = "(none)";
    prl_vcat *c = NULL;
    for (unsigned i = 0; i < t->n_cats && !c; i++)
        if (strcmp(t->cats[i].name, name) == 0)
            c = &t->cats[i];
    if (!c && t->n_cats == PRL_V_MAX_CATS)
        c = &t->cats[PRL_V_MAX_CATS - 1];
    if (!c) {
        c = &t->cats[t->n_cats++];
        snprintf(c->name, sizeof c->name, "%s", name);
    }
    if (o == PRL_V_PASS)
        t->pass++, c->pass++;
    else if (o == PRL_V_FAIL)
        t->fail++, c->fail++;
    else
        t->skip++, c->skip++;
}

void prl_vtally_print(const prl_vtally *t)
{
    if (t->n_cats) {
        printf("\n%-12s %6s %6s %6s\n", "category", "passed", "failed", "skipped");
        for (unsigned i = 0; i < t->n_cats; i++)
            printf("%-12s %6u %6u %6u\n", t->cats[i].name, t->cats[i].pass, t->cats[i].fail,
                   t->cats[i].skip);
    }
    printf("%u passed, %u failed, %u skipped\n", t->pass, t->fail, t->skip);
}

static int same_event(const char *s1, const char *t1, const char *c1, const char *s2,
                      const char *t2, const char *c2)
{
    return strcmp(s1, s2) == 0 && strcmp(t1, t2) == 0 && strcmp(c1, c2) == 0;
}

int prl_vmatch(const parley_doc *doc, const prl_vexpect *want, size_t n_want, int extra_ok)
{
    size_t n = parley_doc_event_count(doc);
    for (size_t i = 0; i < n_want; i++) {
        int found = 0;
        for (size_t j = 0; j < n && !found; j++) {
            const parley_event *e = parley_doc_event(doc, j);
            found = same_event(e->source, e->target, e->code, want[i].source,
                               want[i].target, want[i].code);
        }
        if (!found)
            return 0;
    }
    if (extra_ok)
        return 1;
    for (size_t j = 0; j < n; j++) {
        const parley_event *e = parley_doc_event(doc, j);
        int found = 0;
        for (size_t i = 0; i < n_want && !found; i++)
            found = same_event(e->source, e->target, e->code, want[i].source,
                               want[i].target, want[i].code);
        if (!found)
            return 0;
    }
    return 1;
}

void prl_vprint_events(const parley_doc *doc)
{
    size_t n = parley_doc_event_count(doc);
    if (!n)
        printf("    (no events)%s\n",
               parley_doc_discarded(doc) ? " [story discarded]"
               : parley_doc_discarded_sentences(doc) ? " [sentence discarded]" : "");
    for (size_t i = 0; i < n; i++) {
        const parley_event *e = parley_doc_event(doc, i);
        printf("    %s\t%s\t%s\t(%s, %s)\n", e->source, e->target, e->code, e->verb,
               e->pattern);
    }
}

void prl_vtrace_line(void *ud, const char *line)
{
    (void)ud;
    fprintf(stdout, "  trace: %s\n", line);
}

/* ---- PETRARCH XML ---------------------------------------------------- */

static void run_sentence(vstate *v, const prl_px_item *it)
{
    const char *id = it->id ? it->id : "?";
    const char *why = skip_reason(v, it);
    if (why) {
        prl_vtally_count(&v->tally, it->category, PRL_V_SKIP);
        if (v->verbose)
            printf("SKIP %s: %s\n", id, why);
        return;
    }
    if (!v->coder) {
        prl_vtally_count(&v->tally, it->category, PRL_V_FAIL);
        printf("FAIL %s: no dictionaries (no <Environment> before it)\n", id);
        return;
    }
    int tracing = v->trace_id && strcmp(v->trace_id, id) == 0;
    parley_coder_trace(v->coder, tracing ? prl_vtrace_line : NULL, NULL);
    if (tracing)
        printf("TRACE %s: %s\n", id, it->text);
    parley_status s = parley_doc_set(v->doc, id, it->date, NULL, it->text, it->text_len);
    if (s == PARLEY_EINVAL)     /* a bad date: code without it */
        s = parley_doc_set(v->doc, id, NULL, NULL, it->text, it->text_len);
    if (s == PARLEY_OK)
        s = parley_code(v->coder, v->doc);
    if (s != PARLEY_OK) {
        prl_vtally_count(&v->tally, it->category, PRL_V_FAIL);
        printf("FAIL %s (%s) line %u: %s\n", id, it->category ? it->category : "",
               it->line, parley_strerror(s));
        return;
    }
    const parley_doc *doc = v->doc;
    prl_vexpect *want = it->n_expect ? malloc(it->n_expect * sizeof *want) : NULL;
    if (it->n_expect && !want) {
        prl_vtally_count(&v->tally, it->category, PRL_V_FAIL);
        printf("FAIL %s: out of memory\n", id);
        return;
    }
    for (size_t i = 0; i < it->n_expect; i++) {
        want[i].source = it->expect[i].source;
        want[i].target = it->expect[i].target;
        want[i].code = it->expect[i].code;
    }
    int ok = prl_vmatch(doc, want, it->n_expect, 0);
    free(want);
    if (it->error && strcmp(it->error, "storydiscard") == 0)
        ok = ok && parley_doc_discarded(doc);
    if (ok) {
        prl_vtally_count(&v->tally, it->category, PRL_V_PASS);
        if (v->verbose || v->show || tracing) {
            printf("ok   %s\n", id);
            if (v->show || tracing)
                prl_vprint_events(doc);
        }
        return;
    }
    prl_vtally_count(&v->tally, it->category, PRL_V_FAIL);
    printf("FAIL %s (%s) line %u: %s\n", id, it->category ? it->category : "", it->line,
           it->text);
    printf("  expected:\n");
    if (!it->n_expect)
        printf("    (no events)%s%s\n", it->error ? " error=" : "",
               it->error ? it->error : "");
    for (size_t i = 0; i < it->n_expect; i++)
        printf("    %s\t%s\t%s\n", it->expect[i].source, it->expect[i].target,
               it->expect[i].code);
    printf("  got:\n");
    prl_vprint_events(doc);
}

/* Run a PETRARCH XML suite. */
static int validate_xml(const prl_vopts *o)
{
    vstate v;
    memset(&v, 0, sizeof v);
    v.xml = o->file;
    v.dict_dir = o->dict_dir;
    v.verbose = o->verbose;
    v.show = o->show;
    v.all = o->all;
    v.trace_id = o->trace_id;
    if (o->dicts.n)
        fprintf(stderr, "parley: validate: --dict is for TABARI suites; %s names its "
                "dictionaries in <Environment>\n", v.xml);
    FILE *fp = fopen(v.xml, "rb");
    if (!fp) {
        fprintf(stderr, "parley: %s: cannot open\n", v.xml);
        return PRL_EXIT_IO;
    }
    if (read_marks(fp, &v.mk) != 0) {
        /* Unreadable or malformed: run everything; the reader below
         * reports the error with its position. */
        free(v.mk.rec);
        memset(&v.mk, 0, sizeof v.mk);
    }
    prl_px *px = prl_px_new(NULL, fp, v.xml);
    if (!px || parley_doc_new(NULL, &v.doc) != PARLEY_OK) {
        fclose(fp);
        prl_px_free(px);
        fprintf(stderr, "parley: validate: out of memory\n");
        return PRL_EXIT_IO;
    }
    int rc = PRL_EXIT_OK;
    prl_px_item it;
    for (;;) {
        prl_px_kind k = prl_px_next(px, &it);
        if (k == PRL_PX_END)
            break;
        if (k == PRL_PX_ERROR) {
            fprintf(stderr, "parley: %s\n", prl_px_error(px));
            rc = PRL_EXIT_IO;
            break;
        }
        if (k == PRL_PX_ENVIRONMENT) {
            int r = load_env(&v, &it);
            if (r) {
                rc = r;
                break;
            }
        } else if (k == PRL_PX_CONFIG) {
            if (v.coder && parley_coder_set(v.coder, it.option, it.value) != PARLEY_OK &&
                v.verbose)
                printf("note: line %u: option %s=%s not used by parley\n", it.line, it.option,
                       it.value);
        } else if (k == PRL_PX_SENTENCE) {
            if (!v.all && v.mk.stop_line && it.line > v.mk.stop_line) {
                printf("note: <Stop> at line %u: the remaining records are not run\n",
                       v.mk.stop_line);
                break;
            }
            run_sentence(&v, &it);
        }
    }
    fclose(fp);
    prl_px_free(px);
    prl_vtally_print(&v.tally);
    free(v.mk.rec);
    parley_doc_free(v.doc);
    parley_coder_free(v.coder);
    parley_dict_free(v.dict);
    if (rc)
        return rc;
    return v.tally.fail ? PRL_EXIT_RECORDS : PRL_EXIT_OK;
}

/* ---- the command ----------------------------------------------------- */

static const char usage_text[] =
    "usage: parley validate [--verbose] [--show] [--all] [--trace ID]\n"
    "                       [--format tabari|petrarch-xml] [--dict-dir DIR]\n"
    "                       [--dict FILE]... [--project FILE.project] [FILE]\n";

/* Does the file start, after blanks and a UTF-8 BOM, with '<'? -1 when
 * it cannot be opened. */
static int starts_with_tag(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    int c, n = 0;
    do {
        c = getc(f);
        n++;
    } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
             (n <= 3 && (c == 0xEF || c == 0xBB || c == 0xBF)));
    fclose(f);
    return c == '<';
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

int prl_cmd_validate(int argc, char **argv)
{
    enum { O_VERBOSE = 1, O_SHOW, O_ALL, O_TRACE, O_DICT_DIR, O_DICT, O_PROJECT, O_FORMAT,
           O_HELP };
    static const prl_cli_opt opts[] = {
        {"verbose", 'v', 0, O_VERBOSE}, {"show", 0, 0, O_SHOW},
        {"all", 0, 0, O_ALL},           {"trace", 0, 1, O_TRACE},
        {"dict-dir", 0, 1, O_DICT_DIR}, {"dict", 'd', 1, O_DICT},
        {"project", 0, 1, O_PROJECT},   {"format", 0, 1, O_FORMAT},
        {"help", 'h', 0, O_HELP},
    };
    prl_vopts o;
    memset(&o, 0, sizeof o);
    if (prl_cli_dicts_init(&o.dicts, argc) != 0) {
        prl_cli_error("validate: out of memory");
        return PRL_EXIT_USAGE;
    }
    const char *format = NULL;
    prl_cli_parser p;
    prl_cli_parser_init(&p, argc, argv, "validate");
    int id, rc = -1;
    const char *val;
    while (rc < 0 && (id = prl_cli_next(&p, opts, sizeof opts / sizeof opts[0], &val)) !=
                         PRL_CLI_END) {
        switch (id) {
        case O_VERBOSE: o.verbose = 1; break;
        case O_SHOW: o.show = 1; break;
        case O_ALL: o.all = 1; break;
        case O_TRACE: o.trace_id = val; break;
        case O_DICT_DIR: o.dict_dir = val; break;
        case O_DICT: prl_cli_dicts_add(&o.dicts, val); break;
        case O_PROJECT: o.project = val; break;
        case O_FORMAT: format = val; break;
        case O_HELP:
            printf("%s"
                   "Code a validation suite and compare with its expectations.\n"
                   "PETRARCH XML suites name their dictionaries and options; records\n"
                   "they leave out (<Include>, <Exclude>, valid, <Skip>, <Stop>) are\n"
                   "skipped, and --all runs them too. TABARI suites (text records with\n"
                   "{ SOURCE / TARGET / EVENT } fields in a comment) take --dict files\n"
                   "or a .project file; the run stops at a record without fields,\n"
                   "unless --all.\n", usage_text);
            rc = PRL_EXIT_OK;
            break;
        case PRL_CLI_OPERAND:
            if (o.file) {
                rc = prl_cli_usage("validate", "one suite at a time (%s)", val);
                break;
            }
            o.file = val;
            break;
        default:
            rc = PRL_EXIT_USAGE;
            break;
        }
    }
    if (rc >= 0) {
        prl_cli_dicts_free(&o.dicts);
        return rc;
    }
    if (!o.project && o.file && ends_with(o.file, ".project")) {
        o.project = o.file;
        o.file = NULL;
    }
    int tabari = 0;
    if (format && strcmp(format, "tabari") == 0)
        tabari = 1;
    else if (format && strcmp(format, "petrarch-xml") == 0)
        tabari = 0;
    else if (format)
        rc = prl_cli_usage("validate", "--format is tabari or petrarch-xml, not %s", format);
    if (rc < 0 && !format)
        tabari = o.project || (o.file && starts_with_tag(o.file) == 0);
    if (rc < 0 && !o.file && !o.project) {
        fputs(usage_text, stderr);
        rc = PRL_EXIT_USAGE;
    }
    if (rc < 0 && o.project && !tabari)
        rc = prl_cli_usage("validate", "a .project file is a TABARI suite");
    if (rc < 0)
        rc = tabari ? prl_validate_tabari(&o) : validate_xml(&o);
    prl_cli_dicts_free(&o.dicts);
    return rc;
}
