/* jsonl.c: the JSON Lines writer, one event per line, keys in the fixed
 * order of PRL_SINK_COLUMNS. Written by hand rather than through a JSON
 * library: the output is small and flat, and hand-writing keeps the bytes
 * deterministic and the writer fast. Strings are escaped per RFC 8259;
 * the library's text is valid UTF-8, so bytes >= 0x80 pass through. */
#include "sink/sink.h"

#include <string.h>

static void put_str(FILE *f, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0;
    putc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        fwrite(s + run, 1, i - run, f);
        run = i + 1;
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        case '\b': fputs("\\b", f); break;
        case '\f': fputs("\\f", f); break;
        default:
            fputs("\\u00", f);
            putc(hex[c >> 4], f);
            putc(hex[c & 15], f);
        }
    }
    fwrite(s + run, 1, n - run, f);
    putc('"', f);
}

static void put_key_str(FILE *f, const char *key, const char *s)
{
    fprintf(f, ",\"%s\":", key);
    if (s)
        put_str(f, s, strlen(s));
    else
        fputs("null", f);
}

/* A place (docs/geo.md) as an object; the key is left out when the event
 * has none. */
static void put_geo(FILE *f, const char *key, const parley_geo *g)
{
    if (!g)
        return;
    fprintf(f, ",\"%s\":{\"type\":%d", key, g->type);
    put_key_str(f, "name", g->name);
    put_key_str(f, "country", g->country);
    put_key_str(f, "adm1", g->adm1);
    fprintf(f, ",\"lat\":%.5f,\"lon\":%.5f", g->lat, g->lon);
    put_key_str(f, "feature", g->feature);
    fprintf(f, ",\"span\":[%u,%u]}", (unsigned)g->start, (unsigned)g->end);
}

static int jsonl_event(prl_sink *s, const prl_sink_event *e)
{
    FILE *f = s->out;
    const parley_event *ev = e->ev;
    char g[32];
    fputs("{\"doc\":", f);
    put_str(f, e->doc, strlen(e->doc));
    fprintf(f, ",\"sent\":%u", (unsigned)ev->sentence);
    put_key_str(f, "part", prl_sink_part(ev->part));
    put_key_str(f, "support", parley_support_name(ev->support));
    put_key_str(f, "date", e->date);
    put_key_str(f, "source", ev->source ? ev->source : "");
    put_key_str(f, "target", ev->target ? ev->target : "");
    put_key_str(f, "code", ev->code ? ev->code : "");
    put_key_str(f, "root", ev->root ? ev->root : "");
    if (ev->quad >= 1 && ev->quad <= 4)
        fprintf(f, ",\"quad\":%d", ev->quad);
    else
        fputs(",\"quad\":null", f);
    const char *gs = prl_sink_goldstein(ev->goldstein, g);
    fprintf(f, ",\"goldstein\":%s", gs ? gs : "null");
    put_key_str(f, "verb", ev->verb ? ev->verb : "");
    fputs(",\"text\":", f);
    put_str(f, e->text, e->text_len);
    fprintf(f, ",\"span\":[%u,%u]", (unsigned)ev->start, (unsigned)ev->end);
    if (e->url)
        put_key_str(f, "url", e->url);
    put_key_str(f, "pattern", ev->pattern ? ev->pattern : "");
    put_key_str(f, "dict", s->dict);
    put_key_str(f, "headline_support", parley_support_name(e->headline_support));
    fprintf(f, ",\"repeated\":%u", e->repeated);
    put_geo(f, "geo", ev->geo);
    put_geo(f, "source_geo", ev->source_geo);
    put_geo(f, "target_geo", ev->target_geo);
    fputs("}\n", f);
    return ferror(f) ? -1 : 0;
}

const prl_sink_ops prl_sink_jsonl = {
    "jsonl", NULL, jsonl_event, NULL,
};
