/* petrarch_xml.c: the streaming PETRARCH XML reader (see petrarch_xml.h)
 * and the petrarch-xml input form built on it.
 *
 * expat calls back element by element; completed items (an Environment
 * block, a Config line, a Sentence) go to a small queue that prl_px_next
 * drains before feeding expat the next chunk, so memory stays bounded by
 * one chunk's worth of records. Strings live in an arena that is reset
 * when the queue is empty. */
#include <expat.h>
#include <stdio.h>
#include <string.h>

#include "intake/petrarch_xml.h"

#define CHUNK 65536

struct prl_px {
    const prl_alloc *a;
    FILE *fp;
    const char *name;
    XML_Parser xp;
    prl_arena arena;
    prl_vec queue;          /* prl_px_item */
    size_t head;
    prl_vec expects;        /* prl_px_expect of the open sentence */
    char *cap;              /* captured character data */
    size_t cap_len, cap_cap;
    int capturing;          /* 0 none, else which field */
    int in_env, in_sentence;
    prl_px_item env, sent;
    int done, failed, oom;
    char err[256];
    char *buf;
};

enum { CAP_NONE = 0, CAP_TEXT, CAP_VERB, CAP_ACTOR, CAP_AGENT, CAP_DISCARD, CAP_ISSUE };

static const char *attr(const XML_Char **atts, const char *name)
{
    for (size_t i = 0; atts && atts[i]; i += 2)
        if (strcmp(atts[i], name) == 0)
            return atts[i + 1];
    return NULL;
}

static const char *dup(prl_px *px, const char *s)
{
    if (!s)
        return NULL;
    const char *d = prl_arena_strndup(&px->arena, s, strlen(s));
    if (!d)
        px->oom = 1;
    return d;
}

/* Captured text with runs of white space collapsed to one blank, trimmed. */
static const char *collapse(prl_px *px, size_t *out_len)
{
    char *d = prl_arena_alloc(&px->arena, px->cap_len + 1);
    if (!d) {
        px->oom = 1;
        return NULL;
    }
    size_t n = 0;
    int space = 0;
    for (size_t i = 0; i < px->cap_len; i++) {
        unsigned char ch = (unsigned char)px->cap[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            space = n > 0;
            continue;
        }
        if (space)
            d[n++] = ' ';
        space = 0;
        d[n++] = (char)ch;
    }
    d[n] = 0;
    if (out_len)
        *out_len = n;
    return d;
}

static void enqueue(prl_px *px, const prl_px_item *it)
{
    prl_px_item *slot = prl_vec_push(px->a, &px->queue);
    if (!slot) {
        px->oom = 1;
        return;
    }
    *slot = *it;
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    prl_px *px = ud;
    unsigned line = (unsigned)XML_GetCurrentLineNumber(px->xp);
    if (strcmp(name, "Environment") == 0) {
        px->in_env = 1;
        memset(&px->env, 0, sizeof px->env);
        px->env.kind = PRL_PX_ENVIRONMENT;
        px->env.line = line;
    } else if (px->in_env && !px->in_sentence &&
               (strcmp(name, "Verbfile") == 0 || strcmp(name, "Actorfile") == 0 ||
                strcmp(name, "Agentfile") == 0 || strcmp(name, "Discardfile") == 0 ||
                strcmp(name, "Issuefile") == 0)) {
        px->capturing = name[1] == 'e' ? CAP_VERB : name[1] == 'c' ? CAP_ACTOR
                        : name[1] == 'g' ? CAP_AGENT : name[1] == 'i' ? CAP_DISCARD
                                                                      : CAP_ISSUE;
        px->cap_len = 0;
    } else if (strcmp(name, "Config") == 0) {
        const char *o = attr(atts, "option"), *v = attr(atts, "value");
        if (o && v) {
            prl_px_item it;
            memset(&it, 0, sizeof it);
            it.kind = PRL_PX_CONFIG;
            it.line = line;
            it.option = dup(px, o);
            it.value = dup(px, v);
            enqueue(px, &it);
        }
    } else if (strcmp(name, "Sentence") == 0) {
        px->in_sentence = 1;
        memset(&px->sent, 0, sizeof px->sent);
        px->sent.kind = PRL_PX_SENTENCE;
        px->sent.line = line;
        px->sent.id = dup(px, attr(atts, "id"));
        px->sent.date = dup(px, attr(atts, "date"));
        px->sent.category = dup(px, attr(atts, "category"));
        px->expects.len = 0;
    } else if (px->in_sentence && strcmp(name, "EventCoding") == 0) {
        const char *s = attr(atts, "sourcecode"), *t = attr(atts, "targetcode"),
                   *e = attr(atts, "eventcode"), *ne = attr(atts, "noevents"),
                   *er = attr(atts, "error");
        if (s && t && e) {
            prl_px_expect *x = prl_vec_push(px->a, &px->expects);
            if (!x) {
                px->oom = 1;
                return;
            }
            x->source = dup(px, s);
            x->target = dup(px, t);
            x->code = dup(px, e);
        }
        if (ne && (ne[0] == 'T' || ne[0] == 't' || ne[0] == '1'))
            px->sent.noevents = 1;
        if (er)
            px->sent.error = dup(px, er);
    } else if (px->in_sentence && strcmp(name, "Text") == 0) {
        px->capturing = CAP_TEXT;
        px->cap_len = 0;
    }
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    prl_px *px = ud;
    if (px->capturing && px->capturing != CAP_TEXT && px->in_env) {
        const char *v = collapse(px, NULL);
        switch (px->capturing) {
        case CAP_VERB: px->env.verbfile = v; break;
        case CAP_ACTOR: px->env.actorfile = v; break;
        case CAP_AGENT: px->env.agentfile = v; break;
        case CAP_DISCARD: px->env.discardfile = v; break;
        default: px->env.issuefile = v; break;
        }
        px->capturing = CAP_NONE;
    } else if (px->capturing == CAP_TEXT && strcmp(name, "Text") == 0) {
        px->sent.text = collapse(px, &px->sent.text_len);
        px->capturing = CAP_NONE;
    }
    if (strcmp(name, "Environment") == 0 && px->in_env) {
        px->in_env = 0;
        enqueue(px, &px->env);
    } else if (strcmp(name, "Sentence") == 0 && px->in_sentence) {
        px->in_sentence = 0;
        if (!px->sent.text) {
            px->sent.text = "";
            px->sent.text_len = 0;
        }
        size_t n = px->expects.len;
        if (n) {
            prl_px_expect *x = prl_arena_alloc(&px->arena, n * sizeof *x);
            if (!x) {
                px->oom = 1;
                return;
            }
            memcpy(x, px->expects.data, n * sizeof *x);
            px->sent.expect = x;
            px->sent.n_expect = n;
        }
        enqueue(px, &px->sent);
    }
}

static void XMLCALL on_chars(void *ud, const XML_Char *s, int len)
{
    prl_px *px = ud;
    if (!px->capturing || len <= 0)
        return;
    if (px->cap_len + (size_t)len + 1 > px->cap_cap) {
        size_t nc = px->cap_cap ? px->cap_cap : 1024;
        while (nc < px->cap_len + (size_t)len + 1)
            nc *= 2;
        if (nc > PARLEY_MAX_DOC_BYTES * 2u) {
            px->oom = 1;
            return;
        }
        char *p = prl_realloc(px->a, px->cap, nc);
        if (!p) {
            px->oom = 1;
            return;
        }
        px->cap = p;
        px->cap_cap = nc;
    }
    memcpy(px->cap + px->cap_len, s, (size_t)len);
    px->cap_len += (size_t)len;
}

prl_px *prl_px_new(const prl_alloc *a, FILE *fp, const char *name)
{
    if (!a || !a->fn)
        a = &prl_default_alloc;
    prl_px *px = prl_calloc(a, sizeof *px);
    if (!px)
        return NULL;
    px->a = a;
    px->fp = fp;
    px->name = name ? name : "<input>";
    prl_arena_init(&px->arena, a);
    prl_vec_init(&px->queue, sizeof(prl_px_item));
    prl_vec_init(&px->expects, sizeof(prl_px_expect));
    px->buf = prl_malloc(a, CHUNK);
    px->xp = XML_ParserCreate("UTF-8");
    if (!px->buf || !px->xp) {
        prl_px_free(px);
        return NULL;
    }
    XML_SetUserData(px->xp, px);
    XML_SetElementHandler(px->xp, on_start, on_end);
    XML_SetCharacterDataHandler(px->xp, on_chars);
    return px;
}

prl_px_kind prl_px_next(prl_px *px, prl_px_item *it)
{
    memset(it, 0, sizeof *it);
    for (;;) {
        if (px->head < px->queue.len) {
            *it = PRL_VEC_AT(&px->queue, prl_px_item, px->head);
            px->head++;
            return it->kind;
        }
        if (px->failed || px->done) {
            it->kind = PRL_PX_END;
            return PRL_PX_END;
        }
        /* Queue drained: strings of earlier items may go. The open
         * sentence's fields were copied into the arena too, so keep the
         * arena while a sentence or environment is open. */
        px->queue.len = 0;
        px->head = 0;
        if (!px->in_sentence && !px->in_env)
            prl_arena_reset(&px->arena);
        size_t n = fread(px->buf, 1, CHUNK, px->fp);
        int last = n < CHUNK;
        if (last && ferror(px->fp)) {
            snprintf(px->err, sizeof px->err, "%s: read error", px->name);
            px->failed = 1;
            it->kind = PRL_PX_ERROR;
            return PRL_PX_ERROR;
        }
        if (XML_Parse(px->xp, px->buf, (int)n, last) == XML_STATUS_ERROR) {
            snprintf(px->err, sizeof px->err, "%s:%lu:%lu: %s", px->name,
                     (unsigned long)XML_GetCurrentLineNumber(px->xp),
                     (unsigned long)XML_GetCurrentColumnNumber(px->xp) + 1,
                     XML_ErrorString(XML_GetErrorCode(px->xp)));
            px->failed = 1;
            /* Hand out what was complete before the error first. */
            if (px->queue.len)
                continue;
            it->kind = PRL_PX_ERROR;
            return PRL_PX_ERROR;
        }
        if (px->oom || px->arena.failed) {
            snprintf(px->err, sizeof px->err, "%s: out of memory", px->name);
            px->failed = 1;
            it->kind = PRL_PX_ERROR;
            return PRL_PX_ERROR;
        }
        if (last)
            px->done = 1;
    }
}

const char *prl_px_error(const prl_px *px)
{
    return px->err;
}

void prl_px_free(prl_px *px)
{
    if (!px)
        return;
    const prl_alloc *a = px->a;
    if (px->xp)
        XML_ParserFree(px->xp);
    prl_arena_free(&px->arena);
    prl_vec_free(a, &px->queue);
    prl_vec_free(a, &px->expects);
    prl_free(a, px->cap);
    prl_free(a, px->buf);
    prl_free(a, px);
}

/* ------------------------------------------------------------------ */
/* The petrarch-xml input form: one record per <Sentence>.              */

typedef struct px_state {
    prl_px *px;
    char date[9];
} px_state;

static parley_status px_open(prl_intake *in)
{
    px_state *st = prl_calloc(in->alloc, sizeof *st);
    if (!st)
        return PARLEY_ENOMEM;
    st->px = prl_px_new(in->alloc, in->fp, in->name);
    if (!st->px) {
        prl_free(in->alloc, st);
        return PARLEY_ENOMEM;
    }
    in->state = st;
    return PARLEY_OK;
}

static prl_intake_result px_next(prl_intake *in, prl_record *rec)
{
    px_state *st = in->state;
    prl_px_item it;
    for (;;) {
        prl_px_kind k = prl_px_next(st->px, &it);
        if (k == PRL_PX_END)
            return PRL_INTAKE_END;
        if (k == PRL_PX_ERROR) {
            const char *e = prl_px_error(st->px);
            size_t n = strlen(e);
            if (n >= sizeof in->err)
                n = sizeof in->err - 1;
            memcpy(in->err, e, n);
            in->err[n] = 0;
            return PRL_INTAKE_FAIL;
        }
        if (k != PRL_PX_SENTENCE)
            continue;
        in->records++;
        memset(rec, 0, sizeof *rec);
        rec->line = it.line;
        rec->number = in->records;
        rec->id = it.id ? it.id : prl_intake_default_id(in, it.line);
        if (!rec->id)
            return PRL_INTAKE_FAIL;
        rec->date = NULL;
        if (it.date) {
            if (prl_intake_date(it.date, strlen(it.date), st->date) != 0)
                return prl_intake_bad(in, it.line, 0, "bad date \"%s\" in <Sentence>",
                                      it.date);
            rec->date = st->date;
        }
        rec->text = it.text;
        rec->len = it.text_len;
        return PRL_INTAKE_RECORD;
    }
}

static void px_close(prl_intake *in)
{
    px_state *st = in->state;
    if (!st)
        return;
    prl_px_free(st->px);
    prl_free(in->alloc, st);
    in->state = NULL;
}

const prl_intake_ops prl_intake_petrarch_xml = {"petrarch-xml", px_open, px_next,
                                                 px_close};
