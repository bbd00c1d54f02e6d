/* explain.c: `parley explain`: code one sentence (or a short text) and
 * show why: the coder's trace (tokens, actors, patterns with FILE:LINE,
 * rejected candidates) on stdout, then the events found. For dictionary
 * work, not for bulk coding. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "intake/intake.h"

static const char usage_text[] =
    "Usage: parley explain [OPTION]... [SENTENCE...]\n"
    "Code one sentence and print the coder's trace, then its events.\n"
    "The words given are joined by spaces; with none, read standard input.\n"
    "\n"
    "  --dict FILE          dictionary, as for 'parley code' (repeatable)\n"
    "  --date YYYYMMDD      the sentence's date (for date-restricted actors)\n"
    "  --strict             a malformed dictionary line is an error\n"
    "  -h, --help           print this help and exit\n";

enum { O_DICT = 1, O_DATE, O_STRICT, O_HELP };

static const prl_cli_opt opts[] = {
    {"dict", 'd', 1, O_DICT}, {"date", 0, 1, O_DATE},
    {"strict", 0, 0, O_STRICT}, {"help", 'h', 0, O_HELP},
};

static void print_line(void *ud, const char *line)
{
    (void)ud;
    printf("%s\n", line);
}

/* The sentence: the operands joined by spaces, else all of stdin. */
static char *read_sentence(int nwords, char **words, size_t *len)
{
    if (nwords > 0) {
        size_t n = 0;
        for (int i = 0; i < nwords; i++)
            n += strlen(words[i]) + 1;
        char *s = malloc(n + 1);
        if (!s)
            return NULL;
        s[0] = '\0';
        for (int i = 0; i < nwords; i++) {
            if (i)
                strcat(s, " ");
            strcat(s, words[i]);
        }
        *len = strlen(s);
        return s;
    }
    size_t cap = 4096, n = 0;
    char *s = malloc(cap);
    while (s) {
        n += fread(s + n, 1, cap - n - 1, stdin);
        if (n < cap - 1 || n >= PARLEY_MAX_DOC_BYTES)
            break;
        char *t = realloc(s, cap * 2);
        if (!t) {
            free(s);
            return NULL;
        }
        s = t;
        cap *= 2;
    }
    if (s) {
        s[n] = '\0';
        *len = n;
    }
    return s;
}

static void print_event(const parley_doc *doc, const parley_event *ev)
{
    char g[32] = "?";
    if (ev->goldstein == ev->goldstein)     /* not NaN */
        snprintf(g, sizeof g, "%.1f", ev->goldstein);
    size_t len;
    const char *text = parley_doc_text(doc, &len);
    printf("event: %s -> %s %s (root %s, quad %d, goldstein %s)\n",
           ev->source ? ev->source : "", ev->target ? ev->target : "",
           ev->code ? ev->code : "", ev->root ? ev->root : "", ev->quad, g);
    printf("  sentence %u [%s] %.*s\n", (unsigned)ev->sentence,
           ev->part == PARLEY_PART_HEADLINE ? "headline" : "body",
           text && ev->end <= len && ev->start <= ev->end ? (int)(ev->end - ev->start) : 0,
           text ? text + ev->start : "");
    printf("  verb \"%s\", pattern %s%s%s\n", ev->verb ? ev->verb : "",
           ev->pattern ? ev->pattern : "", ev->issues && *ev->issues ? ", issues " : "",
           ev->issues ? ev->issues : "");
    /* Places (docs/geo.md); the "geo:" trace lines above show the
     * candidates and why one won. */
    const parley_geo *gs[3] = {ev->geo, ev->source_geo, ev->target_geo};
    const char *what[3] = {"where", "source at", "target at"};
    for (int i = 0; i < 3; i++)
        if (gs[i])
            printf("  %s: %s (type %d, %s %s, %.4f %.4f, feature %s, from \"%.*s\")\n",
                   what[i], gs[i]->name, gs[i]->type, gs[i]->country, gs[i]->adm1,
                   gs[i]->lat, gs[i]->lon, gs[i]->feature,
                   text && gs[i]->end <= len && gs[i]->start <= gs[i]->end
                       ? (int)(gs[i]->end - gs[i]->start) : 0,
                   text ? text + gs[i]->start : "");
    if (!ev->geo)
        printf("  where: not placed\n");
}

int prl_cmd_explain(int argc, char **argv)
{
    prl_cli_parser p;
    prl_cli_dicts dicts;
    const char *v, *date = NULL;
    char datebuf[9];
    char **words = NULL;
    int nwords = 0, code = PRL_EXIT_OK;
    char *text = NULL;
    size_t len = 0;
    parley_dict *dict = NULL;
    parley_coder *coder = NULL;
    parley_doc *doc = NULL;

    if (prl_cli_dicts_init(&dicts, argc) != 0)
        return PRL_EXIT_IO;
    words = calloc((size_t)argc + 1, sizeof *words);
    if (!words) {
        code = PRL_EXIT_IO;
        goto done;
    }
    prl_cli_parser_init(&p, argc, argv, "explain");
    for (int id; (id = prl_cli_next(&p, opts, sizeof opts / sizeof opts[0], &v)) != PRL_CLI_END;) {
        switch (id) {
        case PRL_CLI_OPERAND: words[nwords++] = (char *)v; break;
        case O_DICT: prl_cli_dicts_add(&dicts, v); break;
        case O_DATE:
            if (prl_cli_date(v, datebuf) != 0) {
                code = prl_cli_usage("explain", "bad --date '%s' (want YYYYMMDD or YYYY-MM-DD)", v);
                goto done;
            }
            date = datebuf;
            break;
        case O_STRICT: dicts.strict = 1; break;
        case O_HELP: fputs(usage_text, stdout); goto done;
        default: code = PRL_EXIT_USAGE; goto done;
        }
    }
    /* "-" alone means stdin, like the other commands. */
    if (nwords == 1 && strcmp(words[0], "-") == 0)
        nwords = 0;
    text = read_sentence(nwords, words, &len);
    if (!text) {
        prl_cli_error("%s", parley_strerror(PARLEY_ENOMEM));
        code = PRL_EXIT_IO;
        goto done;
    }
    if (ferror(stdin)) {
        prl_cli_error("stdin: read error");
        code = PRL_EXIT_IO;
        goto done;
    }
    parley_options o = prl_cli_options(dicts.strict);
    code = prl_cli_load_dict(&dicts, &o, &dict);
    if (code != PRL_EXIT_OK)
        goto done;
    parley_status st = parley_coder_new(dict, &o, &coder);
    if (st == PARLEY_OK)
        st = parley_doc_new(&o, &doc);
    if (st == PARLEY_OK)
        st = parley_doc_set(doc, "explain", date, NULL, text, len);
    if (st == PARLEY_OK) {
        parley_coder_trace(coder, print_line, NULL);
        st = parley_code(coder, doc);
    }
    if (st != PARLEY_OK) {
        prl_cli_error("explain: %s", parley_strerror(st));
        code = st == PARLEY_ETOOBIG || st == PARLEY_EINVAL ? PRL_EXIT_RECORDS : PRL_EXIT_IO;
        goto done;
    }
    size_t n = parley_doc_event_count(doc);
    printf("events: %zu\n", n);
    for (size_t i = 0; i < n; i++)
        print_event(doc, parley_doc_event(doc, i));
done:
    parley_doc_free(doc);
    parley_coder_free(coder);
    parley_dict_free(dict);
    free(text);
    free(words);
    prl_cli_dicts_free(&dicts);
    return code;
}
