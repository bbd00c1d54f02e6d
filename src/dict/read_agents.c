/* read_agents.c: the TABARI / PETRARCH agent dictionary reader.
 *
 * Entries are "PHRASE {PLURALS} [~CODE]" ([CODE~] puts the code before the
 * actor's). Without {...} a regular plural of the last word is generated;
 * "{}" means none; "{A B}" lists them. "!NAME! = A, B, C" defines a
 * substitution set: every entry that uses !NAME! (even inside a word, as in
 * CONGRESS!PERSON!) is read once per value, without generated plurals. */
#include <string.h>

#include "lex.h"

/* Caps that keep a hostile file from exploding the model. */
#define MAX_EXPANSIONS 64u
#define MAX_SUBST_VALUES 64u

typedef struct subst {
    const char *name;       /* between the '!'s */
    const char **values;
    uint32_t n;
} subst;

typedef struct gstate {
    prl_lex lx;
    prl_model *m;
    prl_vec substs;         /* subst */
    prl_vec names;          /* prl_phrase of the entry being read */
} gstate;

static const subst *find_subst(gstate *g, const char *s, size_t n)
{
    const subst *t = g->substs.data;
    for (size_t i = g->substs.len; i-- > 0;)    /* latest definition wins */
        if (strlen(t[i].name) == n && memcmp(t[i].name, s, n) == 0)
            return &t[i];
    return NULL;
}

/* "!NAME! = A, B, C" */
static int subst_line(gstate *g, const prl_line *ln)
{
    prl_lex *lx = &g->lx;
    char *s = ln->s;
    char *close = strchr(s + 1, '!');
    if (!close || close == s + 1)
        return prl_lex_error(lx, ln, s, "substitution set needs a name between "
                             "'!' marks");
    char *p = prl_skip_ws(close + 1);
    if (*p != '=')
        return prl_lex_error(lx, ln, p, "expected '=' after substitution name");
    p++;
    const char *vals[MAX_SUBST_VALUES];
    uint32_t n = 0;
    for (;;) {
        char *a = prl_skip_ws(p);
        char *e = strchr(a, ',');
        char *b = e ? e : a + strlen(a);
        while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
            b--;
        if (a == b)
            return prl_lex_error(lx, ln, a, "empty value in substitution set");
        for (char *q = a; q < b; q++)
            if (*q == '!' || *q == '[' || *q == '{')
                return prl_lex_error(lx, ln, q, "unexpected '%c' in substitution "
                                     "value", *q);
        if (n == MAX_SUBST_VALUES)
            return prl_lex_error(lx, ln, a, "more than %u values in a substitution "
                                 "set", MAX_SUBST_VALUES);
        if (!(vals[n++] = prl_lex_str(lx, a, b)))
            return PRL_PARSE_NOMEM;
        if (!e)
            break;
        p = e + 1;
    }
    subst *t = prl_vec_push(&g->m->alloc, &g->substs);
    const char **arr = prl_arena_alloc(&g->m->arena, n * sizeof *arr);
    if (!t || !arr)
        return PRL_PARSE_NOMEM;
    memcpy(arr, vals, n * sizeof *arr);
    t->values = arr;
    t->n = n;
    t->name = prl_lex_str(lx, s + 1, close);
    return t->name ? PRL_PARSE_OK : PRL_PARSE_NOMEM;
}

/* Expand the !NAME! markers of [s,e) into out[] (arena strings); *n gets
 * the count. `at` locates errors. */
static int expand(gstate *g, const prl_line *ln, char *s, char *e,
                  char **out, unsigned *n)
{
    prl_lex *lx = &g->lx;
    char *first = prl_arena_strndup(&g->m->arena, s, (size_t)(e - s));
    if (!first)
        return PRL_PARSE_NOMEM;
    out[0] = first;
    *n = 1;
    for (unsigned i = 0; i < *n;) {
        char *t = out[i];
        char *a = strchr(t, '!');
        if (!a) {
            i++;
            continue;
        }
        char *b = strchr(a + 1, '!');
        const char *src = s + (a - t);     /* position in the line, if unchanged */
        if (src >= e || *src != '!')
            src = s;
        if (!b)
            return prl_lex_error(lx, ln, src, "unterminated '!' substitution marker");
        const subst *sb = find_subst(g, a + 1, (size_t)(b - a - 1));
        if (!sb || sb->n == 0)
            return prl_lex_error(lx, ln, src, "substitution set '%.*s' is not defined "
                                 "(define it above its first use)", (int)(b - a + 1), a);
        if (*n - 1 + sb->n > MAX_EXPANSIONS)
            return prl_lex_error(lx, ln, s, "entry expands to more than %u phrases",
                                 MAX_EXPANSIONS);
        size_t pre = (size_t)(a - t), post = strlen(b + 1);
        char *made[MAX_SUBST_VALUES];
        for (uint32_t k = 0; k < sb->n; k++) {
            size_t vl = strlen(sb->values[k]);
            char *r = prl_arena_alloc(&g->m->arena, pre + vl + post + 1);
            if (!r)
                return PRL_PARSE_NOMEM;
            memcpy(r, t, pre);
            memcpy(r + pre, sb->values[k], vl);
            memcpy(r + pre + vl, b + 1, post + 1);
            made[k] = r;
        }
        /* Replace out[i] by the first value, append the rest. */
        out[i] = made[0];
        for (uint32_t k = 1; k < sb->n; k++)
            out[(*n)++] = made[k];
    }
    return PRL_PARSE_OK;
}

static int add_name(gstate *g, const prl_line *ln, char *s, int plural)
{
    unsigned flags = g->lx.stems ? PRL_PH_STEMS : 0;
    prl_phrase ph;
    int rc = prl_parse_phrase(&g->lx, ln, s, s + strlen(s), flags, &ph, NULL);
    if (rc != PRL_PARSE_OK)
        return rc;
    prl_phrase *slot = prl_vec_push(&g->m->alloc, &g->names);
    if (!slot)
        return PRL_PARSE_NOMEM;
    *slot = ph;
    if (!plural || !prl_phrase_pluralizable(&ph))
        return PRL_PARSE_OK;
    const char *pl = prl_plural(&g->m->arena, ph.w[ph.n - 1].text);
    if (pl == ph.w[ph.n - 1].text)
        return PRL_PARSE_OK;    /* already plural */
    prl_phrase pp;
    if (!pl || prl_phrase_with_last(&g->m->arena, &ph, pl, &pp) != PRL_PARSE_OK)
        return PRL_PARSE_NOMEM;
    slot = prl_vec_push(&g->m->alloc, &g->names);
    if (!slot)
        return PRL_PARSE_NOMEM;
    *slot = pp;
    return PRL_PARSE_OK;
}

static int entry_line(gstate *g, const prl_line *ln)
{
    prl_lex *lx = &g->lx;
    char *s = ln->s;
    char *pend, *fa, *fb, *cs, *ce;
    int rc = prl_lex_entry_parts(lx, ln, "plurals", "agent", &pend, &fa, &fb, &cs, &ce);
    if (rc != PRL_PARSE_OK)
        return rc;
    if (!cs)
        return prl_lex_error(lx, ln, pend, "agent has no code (expected "
                             "[~CODE] or [CODE~])");
    int pre = *cs == '~', post = ce[-1] == '~';
    if (pre == post)
        return prl_lex_error(lx, ln, cs, "agent code needs one '~', before the code "
                             "(added after the actor's) or after it (added before)");
    char *ca = pre ? prl_skip_ws(cs + 1) : cs;
    char *cb = post ? ce - 1 : ce;
    while (cb > ca && (cb[-1] == ' ' || cb[-1] == '\t'))
        cb--;
    if (ca == cb)
        return prl_lex_error(lx, ln, cs, "empty agent code");
    for (char *c = ca; c < cb; c++)
        if (*c == ' ' || *c == '\t' || *c == '~' || *c == '[')
            return prl_lex_error(lx, ln, c, "unexpected '%c' in agent code", *c);

    char *texts[MAX_EXPANSIONS];
    unsigned nt;
    if ((rc = expand(g, ln, s, pend, texts, &nt)) != PRL_PARSE_OK)
        return rc;
    int substituted = nt > 1 || memchr(s, '!', (size_t)(pend - s)) != NULL;
    g->names.len = 0;
    for (unsigned i = 0; i < nt; i++)
        if ((rc = add_name(g, ln, texts[i], !fa && !substituted)) != PRL_PARSE_OK)
            return rc;
    if (fa) {
        char *p = fa;
        while (p < fb) {
            while (p < fb && (*p == ' ' || *p == '\t'))
                p++;
            if (p >= fb)
                break;
            char *e = p;
            while (e < fb && *e != ' ' && *e != '\t')
                e++;
            if ((rc = expand(g, ln, p, e, texts, &nt)) != PRL_PARSE_OK)
                return rc;
            for (unsigned i = 0; i < nt; i++)
                if ((rc = add_name(g, ln, texts[i], 0)) != PRL_PARSE_OK)
                    return rc;
            p = e;
        }
    }
    prl_agent *ag = prl_vec_push(&g->m->alloc, &g->m->agents);
    if (!ag)
        return PRL_PARSE_NOMEM;
    size_t nb = g->names.len * sizeof(prl_phrase);
    ag->names = prl_arena_alloc(&g->m->arena, nb);
    ag->code = prl_lex_str(lx, ca, cb);
    if (!ag->names || !ag->code) {
        g->m->agents.len--;
        return PRL_PARSE_NOMEM;
    }
    memcpy(ag->names, g->names.data, nb);
    ag->n_names = (uint32_t)g->names.len;
    ag->pos = (uint8_t)(pre ? PRL_AGENT_SUFFIX : PRL_AGENT_PREFIX);
    ag->at.file = lx->file;
    ag->at.line = ln->no;
    return PRL_PARSE_OK;
}

parley_status prl_read_agents(prl_model *m, const char *file, const char *buf, size_t n)
{
    gstate g;
    memset(&g, 0, sizeof g);
    g.m = m;
    prl_vec_init(&g.substs, sizeof(subst));
    prl_vec_init(&g.names, sizeof(prl_phrase));
    parley_status st = prl_lex_open(&g.lx, m, file, buf, n);
    if (st != PARLEY_OK)
        return st;
    prl_line ln;
    while (st == PARLEY_OK && prl_lex_next(&g.lx, &ln)) {
        /* "!NAME! = ..." defines a set; "!NAME!_OF_X [~C]" uses one. */
        int is_def = 0;
        if (ln.s[0] == '!') {
            char *close = strchr(ln.s + 1, '!');
            is_def = !close || *prl_skip_ws(close + 1) == '=';
        }
        st = prl_lex_status(m, is_def ? subst_line(&g, &ln) : entry_line(&g, &ln));
    }
    if (st == PARLEY_OK && m->arena.failed)
        st = PARLEY_ENOMEM;
    if (st == PARLEY_OK && g.lx.bad_eof && m->strict)
        st = PARLEY_EDICT;
    prl_vec_free(&m->alloc, &g.substs);
    prl_vec_free(&m->alloc, &g.names);
    prl_lex_close(&g.lx);
    return st;
}
