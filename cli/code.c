/* code.c: `parley code`, the filter: read documents from files (or stdin),
 * code them, write one line per event to stdout.
 *
 * Every document read ends as coded (with or without events) or as an
 * error naming FILE:LINE; --stats prints the counts and that they add up.
 * A file that cannot be opened or read is reported and the others go on
 * (exit 4 at the end); a failed write to stdout stops at once (exit 4). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "intake/intake.h"
#include "sink/sink.h"
#include "sink/store.h"

static const char usage_text[] =
    "Usage: parley code [OPTION]... [FILE|-]...\n"
    "Code news documents into CAMEO events, one per output line.\n"
    "With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "  --dict FILE          a compiled image, or a source dictionary (repeatable;\n"
    "                       KIND:FILE forces the kind: verbs, verbs2, actors,\n"
    "                       agents, discards, issues). Default: $PARLEY_DICT, else\n"
    "                       default.dict next to parley, else\n"
    "                       ../share/parley/default.dict from it, else\n"
    "                       /usr/local/share/parley/default.dict\n"
    "  --date YYYYMMDD      the date of documents that carry none\n"
    "  --format FORMAT      jsonl (default), tsv, or gdelt (GDELT 2.0 events: the\n"
    "                       same event in many sentences and articles once)\n"
    "  --mentions FILE      with --format gdelt: write GDELT's mentions table too\n"
    "  --db PATH|URL        store documents, events and mentions in an SQLite\n"
    "                       file or a postgresql:// database; documents already\n"
    "                       stored from the same text and dictionary are skipped.\n"
    "                       Nothing goes to stdout unless --format is given\n"
    "  --input FORM         jsonl, text, lines, tabari, petrarch-xml, html or warc\n"
    "                       (default: from the file name, else the first bytes);\n"
    "                       gzip and zstd input is decompressed\n"
    "  --lead N             code only the first N body sentences of each document\n"
    "                       (the headline is always coded; default: all)\n"
    "  --stats              print counts and time on stderr at the end\n"
    "  --strict             a malformed dictionary line is an error\n"
    "  --unbuffered         flush the output after each document\n"
    "  -h, --help           print this help and exit\n"
    "\n"
    "Exit status: 0 ok, 1 some documents failed, 2 usage error,\n"
    "3 dictionary error, 4 input or output error.\n";

enum { O_DICT = 1, O_DATE, O_FORMAT, O_INPUT, O_STATS, O_STRICT, O_UNBUF, O_HELP,
       O_MENTIONS, O_DB, O_LEAD };

static const prl_cli_opt opts[] = {
    {"dict", 'd', 1, O_DICT},     {"date", 0, 1, O_DATE},
    {"format", 'f', 1, O_FORMAT}, {"input", 'i', 1, O_INPUT},
    {"stats", 0, 0, O_STATS},     {"strict", 0, 0, O_STRICT},
    {"unbuffered", 0, 0, O_UNBUF}, {"help", 'h', 0, O_HELP},
    {"mentions", 0, 1, O_MENTIONS}, {"db", 0, 1, O_DB},
    {"lead", 0, 1, O_LEAD},
};

typedef struct counts {
    unsigned long docs, coded, errors, sentences, events, empty, discarded;
    unsigned long skipped;      /* --db: already stored, not coded again */
    /* evidence grading: documents by headline verdict, repeated sentences */
    unsigned long supported, actors, unsupported, repeated;
} counts;

typedef struct run {
    parley_coder *coder;
    parley_doc *doc;
    prl_sink sink;
    const char *date;       /* --date, normalised, or NULL */
    int unbuffered;
    int io_error;           /* an input could not be opened or read */
    int write_error;        /* stdout failed: stop */
    counts n;
    /* GDELT output and the store (docs/store.md). */
    prl_dedupe *gdelt;      /* --format gdelt: the run's identity table */
    prl_store *store;       /* --db */
    const char *db;         /* its name, for messages */
    int store_error;        /* the store failed: stop */
    int to_stdout;          /* 0: --db without --format */
    const char *dict;       /* parley_dict_version */
} run;

static void record_error(run *r, const char *name, unsigned line, unsigned col,
                         const char *msg)
{
    r->n.errors++;
    prl_cli_warn(NULL, name, line, col, msg);
}

/* Code one record and write its events. */
static void code_record(run *r, const char *name, const prl_record *rec)
{
    char msg[512];
    uint64_t hash = 0;
    if (r->store) {
        hash = prl_doc_hash(rec->date ? rec->date : r->date, rec->title, rec->text,
                            rec->len, rec->url);
        int seen = prl_store_seen(r->store, rec->id, r->dict, hash);
        if (seen < 0) {
            r->store_error = 1;
            return;
        }
        if (seen) {
            r->n.skipped++;
            return;
        }
    }
    parley_status st = parley_doc_set(r->doc, rec->id, rec->date ? rec->date : r->date,
                                      rec->title, rec->text, rec->len);
    if (st == PARLEY_OK)
        st = parley_code(r->coder, r->doc);
    if (st != PARLEY_OK) {
        snprintf(msg, sizeof msg, "document %.200s: %s", rec->id, parley_strerror(st));
        record_error(r, name, rec->line, 0, msg);
        return;
    }
    r->n.coded++;
    size_t events = parley_doc_event_count(r->doc);
    r->n.sentences += parley_doc_sentence_count(r->doc);
    r->n.events += events;
    if (events == 0)
        r->n.empty++;
    if (parley_doc_discarded(r->doc))
        r->n.discarded++;
    switch (parley_doc_headline_support(r->doc)) {
    case PARLEY_SUPPORT_SUPPORTED: r->n.supported++; break;
    case PARLEY_SUPPORT_ACTORS: r->n.actors++; break;
    case PARLEY_SUPPORT_UNSUPPORTED: r->n.unsupported++; break;
    default: break;
    }
    r->n.repeated += parley_doc_repeated(r->doc);
    if (r->gdelt) {
        /* Out of memory for the identity table: the output would be
         * incomplete, so stop as for a write error. */
        if (prl_dedupe_add(r->gdelt, r->doc, rec->url, r->dict) != PARLEY_OK)
            r->write_error = ENOMEM;
    } else if (r->to_stdout && (prl_sink_doc(&r->sink, r->doc, rec->url) != 0 ||
                                (r->unbuffered && fflush(stdout) != 0))) {
        r->write_error = errno ? errno : EIO;
    }
    if (r->store && (prl_store_put(r->store, r->doc, rec->url, r->dict, hash) != 0 ||
                     (r->unbuffered && prl_store_commit(r->store) != 0)))
        r->store_error = 1;
}

/* Read and code every record of one input. */
static void code_input(run *r, const char *path, prl_intake_format form)
{
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "stdin" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        prl_cli_error("%s: cannot open: %s", path, strerror(errno));
        r->io_error = 1;
        return;
    }
    prl_intake in;
    parley_status st = prl_intake_open(&in, form, f, name, NULL);
    if (st != PARLEY_OK) {
        prl_cli_error("%s: %s", name, in.err);
        r->io_error = 1;
    } else {
        for (;;) {
            prl_record rec;
            prl_intake_result res = prl_intake_next(&in, &rec);
            if (res == PRL_INTAKE_END)
                break;
            if (res == PRL_INTAKE_FAIL) {
                prl_cli_warn(NULL, name, in.err_line, 0, in.err);
                r->io_error = 1;
                break;
            }
            r->n.docs++;
            if (res == PRL_INTAKE_BAD)
                record_error(r, name, in.err_line, in.err_col, in.err);
            else
                code_record(r, name, &rec);
            if (r->write_error || r->store_error)
                break;
        }
        prl_intake_close(&in);
    }
    if (!is_stdin)
        fclose(f);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void print_stats(const counts *n, int store, double seconds)
{
    if (store)      /* with --db, documents already stored are skipped */
        fprintf(stderr, "parley: stats: documents %lu = coded %lu + skipped %lu + errors %lu\n",
                n->docs, n->coded, n->skipped, n->errors);
    else
        fprintf(stderr, "parley: stats: documents %lu = coded %lu + errors %lu\n",
                n->docs, n->coded, n->errors);
    fprintf(stderr,
            "parley: stats: sentences %lu\n"
            "parley: stats: events %lu\n"
            "parley: stats: documents without events %lu (discarded %lu)\n"
            "parley: stats: headlines supported %lu, actors only %lu, unsupported %lu\n"
            "parley: stats: repeated sentences %lu\n"
            "parley: stats: seconds %.3f\n",
            n->sentences, n->events, n->empty, n->discarded, n->supported,
            n->actors, n->unsupported, n->repeated, seconds);
}

int prl_cmd_code(int argc, char **argv)
{
    double t0 = now();
    prl_cli_parser p;
    prl_cli_dicts dicts;
    const prl_sink_ops *format = &prl_sink_jsonl;
    prl_intake_format form = PRL_INTAKE_GUESS;
    int stats = 0, unbuffered = 0, nfiles = 0, code = PRL_EXIT_OK;
    char date[9];
    const char *date_opt = NULL, *v, *mentions_path = NULL, *db = NULL, *lead_opt = NULL;
    int gdelt = 0, format_given = 0;
    FILE *mentions = NULL;
    parley_dict *dict = NULL;
    run r;
    memset(&r, 0, sizeof r);

    if (prl_cli_dicts_init(&dicts, argc) != 0)
        return PRL_EXIT_IO;
    dicts.summary = 1;
    const char **inputs = (const char **)calloc((size_t)argc + 1, sizeof *inputs);
    if (!inputs) {
        prl_cli_dicts_free(&dicts);
        prl_cli_error("%s", parley_strerror(PARLEY_ENOMEM));
        return PRL_EXIT_IO;
    }
    prl_cli_parser_init(&p, argc, argv, "code");
    for (int id; (id = prl_cli_next(&p, opts, sizeof opts / sizeof opts[0], &v)) != PRL_CLI_END;) {
        switch (id) {
        case PRL_CLI_OPERAND: inputs[nfiles++] = v; break;
        case O_DICT: prl_cli_dicts_add(&dicts, v); break;
        case O_DATE:
            if (prl_cli_date(v, date) != 0) {
                code = prl_cli_usage("code", "bad --date '%s' (want YYYYMMDD or YYYY-MM-DD)", v);
                goto out;
            }
            date_opt = date;
            break;
        case O_FORMAT:
            format_given = 1;
            gdelt = strcmp(v, "gdelt") == 0;
            if (!gdelt && !(format = prl_sink_find(v))) {
                code = prl_cli_usage("code", "unknown --format '%s' (jsonl, tsv or gdelt)", v);
                goto out;
            }
            break;
        case O_MENTIONS: mentions_path = v; break;
        case O_DB: db = v; break;
        case O_INPUT: {
            int f = prl_intake_format_parse(v);
            if (f < 0) {
                code = prl_cli_usage("code", "unknown --input '%s' (jsonl, text, lines, "
                                     "tabari, petrarch-xml, html or warc)", v);
                goto out;
            }
            if (!prl_intake_available((prl_intake_format)f)) {
                code = prl_cli_usage("code", "--input %s is not available in this build", v);
                goto out;
            }
            form = (prl_intake_format)f;
            break;
        }
        case O_LEAD:
            /* Digits only, at most 9 of them: the coder takes an int. */
            if (!*v || strspn(v, "0123456789") != strlen(v) || strlen(v) > 9) {
                code = prl_cli_usage("code", "bad --lead '%s' (want a number of "
                                     "sentences; 0 codes all)", v);
                goto out;
            }
            lead_opt = v;
            break;
        case O_STATS: stats = 1; break;
        case O_STRICT: dicts.strict = 1; break;
        case O_UNBUF: unbuffered = 1; break;
        case O_HELP:
            fputs(usage_text, stdout);     /* main checks the write */
            goto out;
        default: code = PRL_EXIT_USAGE; goto out;
        }
    }
    if (nfiles == 0)
        inputs[nfiles++] = "-";
    if (mentions_path && !gdelt) {
        code = prl_cli_usage("code", "--mentions needs --format gdelt");
        goto out;
    }

    parley_options o = prl_cli_options(dicts.strict);
    r.date = date_opt;
    r.unbuffered = unbuffered;
    code = prl_cli_load_dict(&dicts, &o, &dict);
    if (code != PRL_EXIT_OK)
        goto out;
    parley_status st = parley_coder_new(dict, &o, &r.coder);
    if (st == PARLEY_OK && lead_opt)
        st = parley_coder_set(r.coder, "lead", lead_opt);
    if (st == PARLEY_OK)
        st = parley_doc_new(&o, &r.doc);
    if (st != PARLEY_OK) {
        prl_cli_error("%s", parley_strerror(st));
        code = PRL_EXIT_IO;
        goto out;
    }
    r.dict = parley_dict_version(dict);
    r.to_stdout = format_given || !db;
    if (gdelt && (st = prl_dedupe_new(NULL, &r.gdelt)) != PARLEY_OK) {
        prl_cli_error("%s", parley_strerror(st));
        code = PRL_EXIT_IO;
        goto out;
    }
    if (mentions_path && !(mentions = fopen(mentions_path, "w"))) {
        prl_cli_error("%s: cannot open for writing: %s", mentions_path, strerror(errno));
        code = PRL_EXIT_IO;
        goto out;
    }
    if (db) {
        char err[512];
        if (prl_store_open(db, &r.store, err, sizeof err) != PARLEY_OK) {
            prl_cli_error("%s: cannot open the store: %s", db, err);
            code = PRL_EXIT_IO;
            goto out;
        }
        r.db = db;
    }
    errno = 0;
    if (r.to_stdout && !gdelt &&
        prl_sink_begin(&r.sink, format, stdout, parley_dict_version(dict)) != 0) {
        r.write_error = errno ? errno : EIO;
    } else {
        for (int i = 0; i < nfiles && !r.write_error && !r.store_error; i++)
            code_input(&r, inputs[i], form);
        if (!r.write_error && r.to_stdout && !gdelt && prl_sink_end(&r.sink) != 0)
            r.write_error = errno ? errno : EIO;
    }
    if (r.store && !r.store_error && prl_store_commit(r.store) != 0)
        r.store_error = 1;
    if (r.store_error)
        prl_cli_error("%s: %s", r.db, prl_store_error(r.store));
    if (gdelt && !r.write_error) {
        const prl_mention *ms;
        size_t nm;
        errno = 0;
        st = prl_dedupe_finish(r.gdelt, &ms, &nm);
        if (st != PARLEY_OK || prl_gdelt_write(stdout, mentions, NULL, ms, nm) != 0 ||
            (mentions && (fflush(mentions) != 0 || ferror(mentions))))
            r.write_error = st != PARLEY_OK ? ENOMEM : errno ? errno : EIO;
    }
    if (!r.write_error && (fflush(stdout) != 0 || ferror(stdout)))
        r.write_error = errno ? errno : EIO;
    if (r.write_error)
        prl_cli_error("standard output: write error: %s", strerror(r.write_error));
    if (stats)
        print_stats(&r.n, r.store != NULL, now() - t0);
    code = r.write_error || r.io_error || r.store_error ? PRL_EXIT_IO
         : r.n.errors ? PRL_EXIT_RECORDS : PRL_EXIT_OK;
out:
    prl_store_close(r.store);
    prl_dedupe_free(r.gdelt);
    if (mentions && fclose(mentions) != 0 && code == PRL_EXIT_OK) {
        prl_cli_error("%s: write error: %s", mentions_path, strerror(errno));
        code = PRL_EXIT_IO;
    }
    parley_doc_free(r.doc);
    parley_coder_free(r.coder);
    parley_dict_free(dict);
    free(inputs);
    prl_cli_dicts_free(&dicts);
    return code;
}
