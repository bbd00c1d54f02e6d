/* tsv.c: the tab-separated writer: a header line naming the columns of
 * PRL_SINK_COLUMNS, then one event per line. Inside a field a tab, newline,
 * carriage return and backslash are written as \t \n \r \\ so every event
 * stays on one line; a missing value (no date, no url, unknown goldstein
 * or quad) is an empty field. The span is written "START-END". */
#include "sink/sink.h"

#include <string.h>

static void put_field(FILE *f, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        const char *esc = c == '\t' ? "\\t" : c == '\n' ? "\\n"
                        : c == '\r' ? "\\r" : c == '\\' ? "\\\\" : NULL;
        if (!esc)
            continue;
        fwrite(s + run, 1, i - run, f);
        fputs(esc, f);
        run = i + 1;
    }
    fwrite(s + run, 1, n - run, f);
}

static void put_next(FILE *f, const char *s)
{
    putc('\t', f);
    if (s)
        put_field(f, s, strlen(s));
}

static int tsv_begin(prl_sink *s)
{
    static const char *const cols[] = {PRL_SINK_COLUMNS};
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
        if (i)
            putc('\t', s->out);
        fputs(cols[i], s->out);
    }
    putc('\n', s->out);
    return ferror(s->out) ? -1 : 0;
}

static int tsv_event(prl_sink *s, const prl_sink_event *e)
{
    FILE *f = s->out;
    const parley_event *ev = e->ev;
    char g[32];
    put_field(f, e->doc, strlen(e->doc));
    fprintf(f, "\t%u", (unsigned)ev->sentence);
    put_next(f, prl_sink_part(ev->part));
    put_next(f, parley_support_name(ev->support));
    put_next(f, e->date);
    put_next(f, ev->source);
    put_next(f, ev->target);
    put_next(f, ev->code);
    put_next(f, ev->root);
    if (ev->quad >= 1 && ev->quad <= 4)
        fprintf(f, "\t%d", ev->quad);
    else
        putc('\t', f);
    put_next(f, prl_sink_goldstein(ev->goldstein, g));
    put_next(f, ev->verb);
    putc('\t', f);
    put_field(f, e->text, e->text_len);
    fprintf(f, "\t%u-%u", (unsigned)ev->start, (unsigned)ev->end);
    put_next(f, e->url);
    put_next(f, ev->pattern);
    put_next(f, s->dict);
    put_next(f, parley_support_name(e->headline_support));
    fprintf(f, "\t%u\n", e->repeated);
    return ferror(f) ? -1 : 0;
}

const prl_sink_ops prl_sink_tsv = {
    "tsv", tsv_begin, tsv_event, NULL,
};
