/* export.c: `parley export`, events read back out of a store (--db) as
 * GDELT 2.0 (with --mentions), JSON Lines or TSV on stdout.
 *
 * GDELT output groups the stored mentions by event exactly as `parley
 * code --format gdelt` does (the same code in src/sink/gdelt.c), so a
 * corpus coded into a store and exported gives the bytes the direct run
 * gives. JSON Lines and TSV give one line per mention in the order the
 * documents were stored, the lines `parley code` wrote for them. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "sink/sink.h"
#include "sink/store.h"

static const char usage_text[] =
    "Usage: parley export --db PATH|URL [OPTION]...\n"
    "Write the events of a store (made by 'parley code --db') to stdout.\n"
    "\n"
    "  --db PATH|URL        an SQLite file or a postgresql:// database (required)\n"
    "  --format FORMAT      jsonl (default), tsv or gdelt\n"
    "  --mentions FILE      with --format gdelt: write GDELT's mentions table too\n"
    "  --from DATE          only events on or after DATE (YYYYMMDD or YYYY-MM-DD)\n"
    "  --to DATE            only events on or before DATE\n"
    "  -h, --help           print this help and exit\n"
    "\n"
    "Exit status: 0 ok, 2 usage error, 4 the store or the output failed.\n";

enum { O_DB = 1, O_FORMAT, O_MENTIONS, O_FROM, O_TO, O_HELP };

static const prl_cli_opt opts[] = {
    {"db", 0, 1, O_DB},         {"format", 'f', 1, O_FORMAT},
    {"mentions", 0, 1, O_MENTIONS}, {"from", 0, 1, O_FROM},
    {"to", 0, 1, O_TO},         {"help", 'h', 0, O_HELP},
};

/* GDELT: the mentions of the current event, copied (the store's strings
 * live one row). */
typedef struct group {
    prl_mention *m;
    size_t n, cap;
    prl_arena arena;
    FILE *mentions;
    int failed;             /* errno of a write or allocation failure */
} group;

static int flush_group(group *g)
{
    if (g->n && prl_gdelt_event(stdout, g->mentions, NULL, g->m, g->n) < 0)
        g->failed = errno ? errno : EIO;
    g->n = 0;
    prl_arena_reset(&g->arena);
    return g->failed ? -1 : 0;
}

static const char *keep(group *g, const char *s)
{
    return prl_arena_strndup(&g->arena, s, strlen(s));
}

static int on_gdelt(void *ud, const prl_mention *m)
{
    group *g = ud;
    if (g->n && (g->m[0].id != m->id || strcmp(g->m[0].date, m->date) != 0) &&
        flush_group(g) != 0)
        return -1;
    if (g->n == g->cap) {
        size_t cap = g->cap ? 2 * g->cap : 64;
        prl_mention *nm = realloc(g->m, cap * sizeof *nm);
        if (!nm) {
            g->failed = ENOMEM;
            return -1;
        }
        g->m = nm;
        g->cap = cap;
    }
    prl_mention *k = &g->m[g->n++];
    *k = *m;
    const char **strs[] = {&k->doc, &k->date, &k->url, &k->source_name, &k->dict,
                           &k->source, &k->target, &k->code, &k->source_text,
                           &k->target_text};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        *strs[i] = keep(g, *strs[i]);
    for (int i = 0; i < 3; i++)
        if (k->geo[i].type) {
            k->geo[i].name = keep(g, k->geo[i].name);
            k->geo[i].country = keep(g, k->geo[i].country);
            k->geo[i].adm1 = keep(g, k->geo[i].adm1);
            k->geo[i].feature = keep(g, k->geo[i].feature);
        }
    k->verb = k->text = k->pattern = "";
    if (g->arena.failed) {
        g->failed = ENOMEM;
        return -1;
    }
    return 0;
}

/* JSON Lines / TSV: a mention back as the event `parley code` wrote. */
typedef struct lines {
    prl_sink sink;
    int failed;
} lines;

static int on_line(void *ud, const prl_mention *m)
{
    lines *l = ud;
    parley_event ev;
    memset(&ev, 0, sizeof ev);
    ev.sentence = m->sentence;
    ev.start = m->start;
    ev.end = m->end;
    ev.part = m->part == PARLEY_PART_HEADLINE ? PARLEY_PART_HEADLINE : PARLEY_PART_BODY;
    ev.source = m->source;
    ev.target = m->target;
    ev.code = m->code;
    /* root, quad and goldstein as the coder gives them: from the table. */
    const parley_cameo *cm = parley_cameo_lookup(m->code);
    char root[3] = "";
    if (cm)
        memcpy(root, cm->code, 2);
    ev.root = root;
    ev.quad = cm ? cm->quad : 0;
    ev.goldstein = cm ? cm->goldstein : NAN;
    ev.verb = m->verb;
    ev.pattern = m->pattern;
    ev.issues = "";
    ev.source_start = m->src_start;
    ev.source_end = m->src_end;
    ev.target_start = m->tgt_start;
    ev.target_end = m->tgt_end;
    ev.verb_start = m->verb_start;
    ev.verb_end = m->verb_end;
    ev.confidence = m->confidence;
    ev.support = (parley_support)m->support;
    ev.source_geo = m->geo[PRL_GEO_ACTOR1].type ? &m->geo[PRL_GEO_ACTOR1] : NULL;
    ev.target_geo = m->geo[PRL_GEO_ACTOR2].type ? &m->geo[PRL_GEO_ACTOR2] : NULL;
    ev.geo = m->geo[PRL_GEO_ACTION].type ? &m->geo[PRL_GEO_ACTION] : NULL;
    prl_sink_event e = {&ev, m->doc, m->date[0] ? m->date : NULL,
                        m->url[0] ? m->url : NULL, m->text, strlen(m->text),
                        (parley_support)m->headline_support, m->repeated};
    l->sink.dict = m->dict;
    errno = 0;
    if (l->sink.ops->event(&l->sink, &e) != 0) {
        l->failed = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

int prl_cmd_export(int argc, char **argv)
{
    prl_cli_parser p;
    const char *db = NULL, *format = "jsonl", *mentions_path = NULL, *v;
    char from[9], to[9];
    int have_from = 0, have_to = 0, code = PRL_EXIT_OK;
    prl_store *store = NULL;
    FILE *mentions = NULL;

    prl_cli_parser_init(&p, argc, argv, "export");
    for (int id; (id = prl_cli_next(&p, opts, sizeof opts / sizeof opts[0], &v)) != PRL_CLI_END;) {
        switch (id) {
        case O_DB: db = v; break;
        case O_FORMAT: format = v; break;
        case O_MENTIONS: mentions_path = v; break;
        case O_FROM:
        case O_TO:
            if (prl_cli_date(v, id == O_FROM ? from : to) != 0)
                return prl_cli_usage("export", "bad --%s '%s' (want YYYYMMDD or YYYY-MM-DD)",
                                     id == O_FROM ? "from" : "to", v);
            *(id == O_FROM ? &have_from : &have_to) = 1;
            break;
        case O_HELP:
            fputs(usage_text, stdout);
            return PRL_EXIT_OK;
        case PRL_CLI_OPERAND:
            return prl_cli_usage("export", "unexpected operand '%s'", v);
        default:
            return PRL_EXIT_USAGE;
        }
    }
    int gdelt = strcmp(format, "gdelt") == 0;
    const prl_sink_ops *ops = gdelt ? NULL : prl_sink_find(format);
    if (!db)
        return prl_cli_usage("export", "--db PATH is required");
    if (!gdelt && !ops)
        return prl_cli_usage("export", "unknown --format '%s' (jsonl, tsv or gdelt)", format);
    if (mentions_path && !gdelt)
        return prl_cli_usage("export", "--mentions needs --format gdelt");

    /* Reading must not create an empty store by mistake. */
    if (strstr(db, "://") == NULL && access(db, F_OK) != 0) {
        prl_cli_error("%s: no such store: %s", db, strerror(errno));
        return PRL_EXIT_IO;
    }
    char err[512];
    if (prl_store_open(db, &store, err, sizeof err) != PARLEY_OK) {
        prl_cli_error("%s: cannot open the store: %s", db, err);
        return PRL_EXIT_IO;
    }
    if (mentions_path && !(mentions = fopen(mentions_path, "w"))) {
        prl_cli_error("%s: cannot open for writing: %s", mentions_path, strerror(errno));
        prl_store_close(store);
        return PRL_EXIT_IO;
    }
    int rc, failed = 0;
    if (gdelt) {
        group g;
        memset(&g, 0, sizeof g);
        prl_arena_init(&g.arena, NULL);
        g.mentions = mentions;
        rc = prl_store_read(store, 1, have_from ? from : NULL, have_to ? to : NULL,
                            on_gdelt, &g);
        if (rc == 0)
            rc = flush_group(&g);
        failed = g.failed;
        free(g.m);
        prl_arena_free(&g.arena);
    } else {
        lines l;
        memset(&l, 0, sizeof l);
        errno = 0;
        if (prl_sink_begin(&l.sink, ops, stdout, "") != 0) {
            rc = -1;
            l.failed = errno ? errno : EIO;
        } else {
            rc = prl_store_read(store, 0, have_from ? from : NULL, have_to ? to : NULL,
                                on_line, &l);
            if (rc == 0 && prl_sink_end(&l.sink) != 0) {
                rc = -1;
                l.failed = errno ? errno : EIO;
            }
        }
        failed = l.failed;
    }
    if (rc != 0) {
        if (failed)
            prl_cli_error("%s", failed == ENOMEM ? parley_strerror(PARLEY_ENOMEM)
                                                 : "standard output: write error");
        else
            prl_cli_error("%s: %s", db, prl_store_error(store));
        code = PRL_EXIT_IO;
    }
    if (mentions && (fclose(mentions) != 0) && code == PRL_EXIT_OK) {
        prl_cli_error("%s: write error: %s", mentions_path, strerror(errno));
        code = PRL_EXIT_IO;
    }
    prl_store_close(store);
    return code;
}
