/* read_issues.c: the PETRARCH issues list reader (Phoenix.IssueCoding.txt).
 *
 * Lines are "phrase [CODE]", or "~phrase" / "~~phrase" (ignore phrases: a
 * sentence containing one gets no issues). <ISSUE CATEGORY="X"> and
 * </ISSUE> lines group entries; a phrase without a code inside a group gets
 * the category X (the real file has a dozen such lines). Within a phrase, "n:WORD" stands for
 * the noun and its plural, "v:WORD" for the verb and its regular forms, and
 * "A+B" for both "A B" and "A-B". Every expansion becomes its own entry;
 * matching is on consecutive, whole words. */
#include <string.h>

#include "lex.h"

/* Expansions per line; the real file needs at most 8. */
#define MAX_VARIANTS 256u

typedef struct strlist {
    const char *s[MAX_VARIANTS];
    unsigned n;
} strlist;

static int push(prl_lex *lx, const prl_line *ln, strlist *l, const char *a,
                size_t an, const char *sep, const char *b)
{
    if (l->n == MAX_VARIANTS)
        return prl_lex_error(lx, ln, NULL, "issue phrase expands to more than %u "
                             "phrases", MAX_VARIANTS);
    size_t sl = strlen(sep), bl = strlen(b);
    char *r = prl_arena_alloc(&lx->m->arena, an + sl + bl + 1);
    if (!r)
        return PRL_PARSE_NOMEM;
    memcpy(r, a, an);
    memcpy(r + an, sep, sl);
    memcpy(r + an + sl, b, bl + 1);
    l->s[l->n++] = r;
    return PRL_PARSE_OK;
}

/* The forms one part ("N:SCHOOL", "V:POWER", "PRE") stands for. */
static int part_forms(prl_lex *lx, const prl_line *ln, char *a, char *b, strlist *out)
{
    out->n = 0;
    int noun = 0, verb = 0;
    if (b - a >= 2 && a[1] == ':' && (a[0] == 'N' || a[0] == 'V')) {
        noun = a[0] == 'N';
        verb = a[0] == 'V';
        a += 2;
    }
    if (a == b)
        return prl_lex_error(lx, ln, a, "empty word in issue phrase");
    for (char *q = a; q < b; q++)
        if (*q == ':' || *q == '[' || *q == ']' || *q == '~')
            return prl_lex_error(lx, ln, q, "unexpected '%c' in issue phrase", *q);
    const char *w = prl_lex_str(lx, a, b);
    if (!w)
        return PRL_PARSE_NOMEM;
    int rc = push(lx, ln, out, w, strlen(w), "", "");
    if (rc != PRL_PARSE_OK)
        return rc;
    if (noun) {
        const char *pl = prl_plural(&lx->m->arena, w);
        if (!pl)
            return PRL_PARSE_NOMEM;
        if (pl == w)
            return PRL_PARSE_OK;
        return push(lx, ln, out, pl, strlen(pl), "", "");
    }
    if (verb) {
        const char *f[8];
        unsigned k = prl_inflect(&lx->m->arena, w, f);
        if (lx->m->arena.failed)
            return PRL_PARSE_NOMEM;
        for (unsigned i = 0; i < k && i < 8; i++) {
            int dup = !f[i] || !*f[i];
            for (unsigned j = 0; j < out->n && !dup; j++)
                dup = strcmp(out->s[j], f[i]) == 0;
            if (!dup && (rc = push(lx, ln, out, f[i], strlen(f[i]), "", "")) != PRL_PARSE_OK)
                return rc;
        }
    }
    return PRL_PARSE_OK;
}

/* All spellings of one blank-separated token such as "CYBER+N:ATTACK". */
static int token_forms(prl_lex *lx, const prl_line *ln, char *a, char *b, strlist *out)
{
    strlist *cur = out, parts;
    cur->n = 0;
    int rc = push(lx, ln, cur, "", 0, "", "");
    if (rc != PRL_PARSE_OK)
        return rc;
    int first = 1;
    while (a <= b) {
        char *e = a;
        while (e < b && *e != '+')
            e++;
        if ((rc = part_forms(lx, ln, a, e, &parts)) != PRL_PARSE_OK)
            return rc;
        strlist next;
        next.n = 0;
        for (unsigned i = 0; i < cur->n; i++)
            for (int sep = 0; sep < (first ? 1 : 2); sep++)
                for (unsigned j = 0; j < parts.n; j++)
                    if ((rc = push(lx, ln, &next, cur->s[i], strlen(cur->s[i]),
                                   first ? "" : sep ? "-" : " ", parts.s[j])) != PRL_PARSE_OK)
                        return rc;
        *cur = next;
        first = 0;
        a = e + 1;
    }
    return PRL_PARSE_OK;
}

typedef struct istate {
    prl_lex lx;
    const char *category;   /* of the enclosing <ISSUE CATEGORY="..."> */
} istate;

/* <ISSUE CATEGORY="X" ...> opens a group, </ISSUE> closes it. */
static int tag_line(istate *is, const prl_line *ln)
{
    char *s = ln->s;
    if (strncmp(s, "</", 2) == 0) {
        is->category = NULL;
        return PRL_PARSE_OK;
    }
    is->category = NULL;
    char *c = strstr(s, "CATEGORY=\"");
    if (!c)
        return PRL_PARSE_OK;
    c += 10;
    char *e = strchr(c, '"');
    if (!e || e == c)
        return prl_lex_error(&is->lx, ln, c, "malformed CATEGORY=\"...\"");
    is->category = prl_lex_str(&is->lx, c, e);
    return is->category ? PRL_PARSE_OK : PRL_PARSE_NOMEM;
}

static int one_line(istate *is, const prl_line *ln)
{
    prl_lex *lx = &is->lx;
    char *s = ln->s;
    if (*s == '<') {
        if (s[strlen(s) - 1] == '>')
            return tag_line(is, ln);
        return prl_lex_error(lx, ln, s, "unexpected '<'");
    }
    int ignore = 0;
    while (*s == '~' && ignore < 2) {
        ignore++;
        s++;
    }
    s = prl_skip_ws(s);
    char *e = s + strlen(s);
    const char *code = NULL;
    char *br = strchr(s, '[');
    if (br) {
        char *p = br, *cs, *ce;
        int rc = prl_parse_bracket(lx, ln, &p, &cs, &ce);
        if (rc != PRL_PARSE_OK)
            return rc;
        p = prl_skip_ws(p);
        if (*p)
            prl_lex_warn(lx, ln, p, "text after the issue code ignored");
        if (ignore)
            return prl_lex_error(lx, ln, br, "an ignore phrase ('~') takes no code");
        for (char *q = cs; q < ce; q++)
            if (*q == ' ' || *q == '\t')
                return prl_lex_error(lx, ln, q, "blank in issue code");
        if (!(code = prl_lex_str(lx, cs, ce)))
            return PRL_PARSE_NOMEM;
        e = br;
    } else if (!ignore) {
        if (!is->category)
            return prl_lex_error(lx, ln, e, "issue phrase has no [CODE] and is "
                                 "not inside <ISSUE CATEGORY=\"...\">");
        code = is->category;    /* approximation: the group's category */
    }
    /* Cartesian product of the tokens' spellings. */
    strlist *all = prl_malloc(&lx->m->alloc, 3 * sizeof *all);
    if (!all)
        return PRL_PARSE_NOMEM;
    strlist *res = &all[0], *tok = &all[1], *next = &all[2];
    res->n = 0;
    int rc = push(lx, ln, res, "", 0, "", "");
    char *p = s;
    while (rc == PRL_PARSE_OK) {
        while (p < e && (*p == ' ' || *p == '\t'))
            p++;
        if (p >= e)
            break;
        char *te = p;
        while (te < e && *te != ' ' && *te != '\t')
            te++;
        if ((rc = token_forms(lx, ln, p, te, tok)) != PRL_PARSE_OK)
            break;
        next->n = 0;
        for (unsigned i = 0; i < res->n && rc == PRL_PARSE_OK; i++)
            for (unsigned j = 0; j < tok->n && rc == PRL_PARSE_OK; j++)
                rc = push(lx, ln, next, res->s[i], strlen(res->s[i]),
                          *res->s[i] ? " " : "", tok->s[j]);
        strlist *t = res;
        res = next;
        next = t;
        p = te;
    }
    for (unsigned i = 0; i < res->n && rc == PRL_PARSE_OK; i++) {
        char *t = (char *)res->s[i];
        prl_phrase ph;
        if ((rc = prl_parse_phrase(lx, ln, t, t + strlen(t), PRL_PH_JOIN_ALL, &ph,
                                   NULL)) != PRL_PARSE_OK) {
            break;
        }
        prl_issue *it = prl_vec_push(&lx->m->alloc, &lx->m->issues);
        if (!it) {
            rc = PRL_PARSE_NOMEM;
            break;
        }
        it->phrase = ph;
        it->code = code;
        it->ignore = (uint8_t)ignore;
        it->at.file = lx->file;
        it->at.line = ln->no;
    }
    prl_free(&lx->m->alloc, all);
    return rc;
}

parley_status prl_read_issues(prl_model *m, const char *file, const char *buf, size_t n)
{
    istate is;
    memset(&is, 0, sizeof is);
    parley_status st = prl_lex_open(&is.lx, m, file, buf, n);
    if (st != PARLEY_OK)
        return st;
    prl_line ln;
    while (st == PARLEY_OK && prl_lex_next(&is.lx, &ln))
        st = prl_lex_status(m, one_line(&is, &ln));
    if (st == PARLEY_OK && m->arena.failed)
        st = PARLEY_ENOMEM;
    if (st == PARLEY_OK && is.lx.bad_eof && m->strict)
        st = PARLEY_EDICT;
    prl_lex_close(&is.lx);
    return st;
}
