/* jsonl.c: the JSON Lines reader. Each non-blank line is one JSON object
 * with "text" (required) and optional "id", "date", "title", "url" and
 * "source" (the publisher).
 * A line that is not such an object is one bad record; the next line is
 * read as usual, so one broken line never stops a stream. */
#include "intake/intake.h"

#include <jansson.h>
#include <string.h>

typedef struct jsonl_state {
    json_t *root;       /* the current record; its strings are lent out */
    char date[9];
    char id[32];        /* a numeric id as text */
} jsonl_state;

static parley_status jsonl_open(prl_intake *in)
{
    in->state = prl_calloc(in->alloc, sizeof(jsonl_state));
    return in->state ? PARLEY_OK : PARLEY_ENOMEM;
}

static void jsonl_close(prl_intake *in)
{
    jsonl_state *st = in->state;
    if (!st)
        return;
    json_decref(st->root);
    prl_free(in->alloc, st);
    in->state = NULL;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/* An optional string member: absent, null or "" give NULL. -1 if the
 * member has another type. */
static int opt_string(json_t *obj, const char *key, const char **out)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return -1;
    if (json_string_length(v) > 0)
        *out = json_string_value(v);
    return 0;
}

static prl_intake_result decode(prl_intake *in, jsonl_state *st,
                                prl_record *rec, unsigned line)
{
    json_error_t e;
    st->root = json_loadb(in->line, in->line_len, 0, &e);
    if (!st->root)
        return prl_intake_bad(in, line, e.column > 0 ? (unsigned)e.column : 0,
                              "invalid JSON: %s", e.text);
    json_t *root = st->root;
    if (!json_is_object(root))
        return prl_intake_bad(in, line, 0, "not a JSON object");

    json_t *text = json_object_get(root, "text");
    if (!text || json_is_null(text))
        return prl_intake_bad(in, line, 0, "no \"text\" member");
    if (!json_is_string(text))
        return prl_intake_bad(in, line, 0, "\"text\" is not a string");
    rec->text = json_string_value(text);
    rec->len = json_string_length(text);

    json_t *id = json_object_get(root, "id");
    if (json_is_integer(id)) {
        snprintf(st->id, sizeof st->id, "%" JSON_INTEGER_FORMAT,
                 json_integer_value(id));
        rec->id = st->id;
    } else if (opt_string(root, "id", &rec->id) != 0) {
        return prl_intake_bad(in, line, 0, "\"id\" is not a string or integer");
    }

    json_t *date = json_object_get(root, "date");
    if (json_is_integer(date)) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT,
                         json_integer_value(date));
        if (prl_intake_date(buf, (size_t)n, st->date) != 0)
            return prl_intake_bad(in, line, 0,
                                  "bad date %s (want YYYYMMDD or YYYY-MM-DD)", buf);
        rec->date = st->date;
    } else if (json_is_string(date) && json_string_length(date) > 0) {
        if (prl_intake_date(json_string_value(date), json_string_length(date),
                            st->date) != 0)
            return prl_intake_bad(in, line, 0,
                                  "bad date \"%.40s\" (want YYYYMMDD or YYYY-MM-DD)",
                                  json_string_value(date));
        rec->date = st->date;
    } else if (date && !json_is_null(date) && !json_is_string(date)) {
        return prl_intake_bad(in, line, 0, "\"date\" is not a string");
    }

    if (opt_string(root, "title", &rec->title) != 0)
        return prl_intake_bad(in, line, 0, "\"title\" is not a string");
    if (opt_string(root, "url", &rec->url) != 0)
        return prl_intake_bad(in, line, 0, "\"url\" is not a string");
    if (opt_string(root, "source", &rec->source) != 0)
        return prl_intake_bad(in, line, 0, "\"source\" is not a string");
    if (!rec->id && !(rec->id = prl_intake_default_id(in, line))) {
        snprintf(in->err, sizeof in->err, "%s", parley_strerror(PARLEY_ENOMEM));
        return PRL_INTAKE_FAIL;
    }
    rec->line = line;
    rec->number = in->records;
    return PRL_INTAKE_RECORD;
}

static prl_intake_result jsonl_next(prl_intake *in, prl_record *rec)
{
    jsonl_state *st = in->state;
    json_decref(st->root);
    st->root = NULL;
    for (;;) {
        prl_line_result r = prl_intake_getline(in);
        if (r == PRL_LINE_EOF)
            return PRL_INTAKE_END;
        if (r == PRL_LINE_ERROR)
            return PRL_INTAKE_FAIL;
        if (r == PRL_LINE_LONG) {
            in->records++;
            return prl_intake_bad(in, in->lineno, 0,
                                  "line longer than %zu MiB skipped",
                                  PRL_INTAKE_MAX_RECORD >> 20);
        }
        if (blank(in->line, in->line_len))
            continue;
        in->records++;
        return decode(in, st, rec, in->lineno);
    }
}

const prl_intake_ops prl_intake_jsonl = {
    "jsonl", jsonl_open, jsonl_next, jsonl_close,
};
