/* lex.c: line reading with comment removal, and the phrase, code and plural
 * helpers that every dictionary reader shares. Keeping the comment rules in
 * one place makes all formats agree on what a comment is. */
#include <stdio.h>
#include <string.h>

#include "lex.h"

/* Longest phrase accepted, in words; longer ones are certainly garbage and
 * would only slow the compiler down. */
#define PRL_MAX_PHRASE_WORDS 255u

static int is_blank(int c)
{
    return c == ' ' || c == '\t';
}

char *prl_skip_ws(char *p)
{
    while (is_blank((unsigned char)*p))
        p++;
    return p;
}

static int ieq_prefix(const char *s, const char *end, const char *pre)
{
    for (; *pre; s++, pre++) {
        if (s >= end)
            return 0;
        int c = (unsigned char)*s;
        if (c >= 'a' && c <= 'z')
            c -= 32;
        int d = (unsigned char)*pre;
        if (d >= 'a' && d <= 'z')
            d -= 32;
        if (c != d)
            return 0;
    }
    return 1;
}

int prl_lex_file_stems(const char *file, const char *buf, size_t n)
{
    /* An explicit "# parley: stems|exact" comment wins. */
    const char *p = buf, *end = buf + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *q = p;
        while (q < le && is_blank((unsigned char)*q))
            q++;
        if (q < le && *q == '#') {
            q++;
            while (q < le && is_blank((unsigned char)*q))
                q++;
            if (ieq_prefix(q, le, "PARLEY:")) {
                q += 7;
                while (q < le && is_blank((unsigned char)*q))
                    q++;
                if (ieq_prefix(q, le, "STEMS"))
                    return 1;
                if (ieq_prefix(q, le, "EXACT"))
                    return 0;
            }
        }
        p = nl ? nl + 1 : end;
    }
    if (!file)
        return 0;
    const char *base = file;
    for (const char *s = file; *s; s++)
        if (*s == '/' || *s == '\\')
            base = s + 1;
    size_t bl = strlen(base);
    static const char *const ext[] = { ".actors", ".agents", ".verbs" };
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        size_t el = strlen(ext[i]);
        if (bl > el && ieq_prefix(base + bl - el, base + bl, ext[i]))
            return 1;
    }
    return 0;
}

parley_status prl_lex_open(prl_lex *lx, prl_model *m, const char *file,
                           const char *buf, size_t n)
{
    memset(lx, 0, sizeof *lx);
    lx->m = m;
    if (!file)
        file = "(buffer)";
    lx->file = prl_arena_strndup(&m->arena, file, strlen(file));
    lx->text = prl_malloc(&m->alloc, n + 1);
    if (!lx->file || !lx->text) {
        prl_free(&m->alloc, lx->text);
        lx->text = NULL;
        return PARLEY_ENOMEM;
    }
    if (n)
        memcpy(lx->text, buf, n);
    lx->text[n] = 0;
    lx->n = n;
    lx->stems = prl_lex_file_stems(file, buf, n);
    return PARLEY_OK;
}

void prl_lex_close(prl_lex *lx)
{
    if (lx->m)
        prl_free(&lx->m->alloc, lx->text);
    lx->text = NULL;
}

unsigned prl_lex_col(const prl_line *ln, const char *p)
{
    return p ? (unsigned)(p - ln->start) + 1 : 0;
}

static void vreport(prl_lex *lx, unsigned line, unsigned col, const char *pre,
                    const char *fmt, va_list ap)
{
    char msg[400];
    vsnprintf(msg, sizeof msg, fmt, ap);
    prl_diagf(lx->m->diag, lx->file, line, col, "%s%s", pre, msg);
}

int prl_lex_error(prl_lex *lx, const prl_line *ln, const char *p,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(lx, ln ? ln->no : lx->line, ln ? prl_lex_col(ln, p) : 0, "", fmt, ap);
    va_end(ap);
    lx->m->errors++;
    return 1;
}

void prl_lex_warn(prl_lex *lx, const prl_line *ln, const char *p,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(lx, ln ? ln->no : lx->line, ln ? prl_lex_col(ln, p) : 0, "warning: ",
            fmt, ap);
    va_end(ap);
}

/* Blank out comments in one line (in place), upper-case the rest, and
 * return its new length. `#` and `;` inside [...] are part of codes such as
 * [###], so only a bracket depth of zero starts a comment there. */
static size_t strip_line(prl_lex *lx, char *s, size_t len)
{
    int depth = 0;
    size_t first = 0;
    while (first < len && is_blank((unsigned char)s[first]))
        first++;
    for (size_t i = 0; i < len;) {
        if (lx->in_comment) {
            if (i + 2 < len && s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>') {
                s[i] = s[i + 1] = s[i + 2] = ' ';
                i += 3;
                lx->in_comment = 0;
            } else {
                s[i++] = ' ';
            }
            continue;
        }
        char c = s[i];
        if (c == '<' && i + 1 < len && s[i + 1] == '!') {
            if (i + 3 < len && s[i + 2] == '-' && s[i + 3] == '-') {
                lx->in_comment = 1;
                lx->comment_line = lx->line;
                lx->comment_col = (unsigned)i + 1;
                s[i] = s[i + 1] = s[i + 2] = s[i + 3] = ' ';
                i += 4;
                continue;
            }
            if (i == first) {
                /* "<! ..." declaration-like line (e.g. "<! -- x -->"):
                 * PETRARCH skips any line that starts with "<!". */
                return 0;
            }
        }
        if (depth == 0 && (c == '#' || c == ';'))
            return i;
        if (c == '[')
            depth++;
        else if (c == ']' && depth > 0)
            depth--;
        else if (c >= 'a' && c <= 'z')
            s[i] = (char)(c - 32);
        i++;
    }
    return len;
}

int prl_lex_next(prl_lex *lx, prl_line *ln)
{
    while (lx->text && lx->pos < lx->n) {
        char *start = lx->text + lx->pos;
        size_t rest = lx->n - lx->pos;
        char *nl = memchr(start, '\n', rest);
        size_t len = nl ? (size_t)(nl - start) : rest;
        lx->pos += nl ? len + 1 : len;
        lx->line++;
        for (size_t i = 0; i < len; i++)
            if (start[i] == '\0' || start[i] == '\r' || start[i] == '\v' ||
                start[i] == '\f')
                start[i] = ' ';
        int indented = len > 0 && is_blank((unsigned char)start[0]);
        len = strip_line(lx, start, len);
        while (len > 0 && is_blank((unsigned char)start[len - 1]))
            len--;
        start[len] = 0;
        char *s = prl_skip_ws(start);
        if (!*s)
            continue;
        if (strcmp(s, "~FINISH") == 0) {
            lx->pos = lx->n;    /* TABARI: nothing after ~FINISH is read */
            break;
        }
        ln->s = s;
        ln->start = start;
        ln->no = lx->line;
        ln->indented = indented;
        return 1;
    }
    if (lx->in_comment) {
        lx->in_comment = 0;
        prl_diagf(lx->m->diag, lx->file, lx->comment_line, lx->comment_col,
                  "unterminated '<!--' comment (no '-->' before the end of the file)");
        lx->m->errors++;
        lx->bad_eof = 1;
    }
    return 0;
}

const char *prl_lex_str(prl_lex *lx, const char *s, const char *e)
{
    return prl_arena_strndup(&lx->m->arena, s, (size_t)(e - s));
}

static int is_sep(int c)
{
    return c == ' ' || c == '\t' || c == '_';
}

/* Classify one piece of a phrase into *w. */
static int classify(prl_lex *lx, const prl_line *ln, char *ws, char *we,
                    unsigned flags, prl_dword *w)
{
    size_t len = (size_t)(we - ws);
    if (flags & PRL_PH_TOKENS) {
        if (len == 1) {
            switch (*ws) {
            case '*': w->kind = PRL_W_VERB; return PRL_PARSE_OK;
            case '$': w->kind = PRL_W_SOURCE; return PRL_PARSE_OK;
            case '+': w->kind = PRL_W_TARGET; return PRL_PARSE_OK;
            case '%': w->kind = PRL_W_COMPOUND; return PRL_PARSE_OK;
            case '^': w->kind = PRL_W_SKIP; return PRL_PARSE_OK;
            default: break;
            }
        }
        for (char *q = ws; q < we; q++) {
            if (*q == '{' || *q == '}' || *q == '|') {
                prl_lex_error(lx, ln, q, "TABARI alternatives '{ A | B }' are not "
                              "supported (use a synset)");
                return PRL_PARSE_BAD;
            }
            if (*q == '*' || *q == '$' || *q == '%' || *q == '^' ||
                (*q == '+' && q == ws)) {
                prl_lex_error(lx, ln, q, "pattern token '%c' must be separated "
                              "from the word by a blank or '_'", *q);
                return PRL_PARSE_BAD;
            }
        }
    }
    if ((flags & PRL_PH_SYNSETS) && *ws == '&') {
        char *ne = we;
        if (ne - ws < 2) {
            prl_lex_error(lx, ln, ws, "'&' without a synset name");
            return PRL_PARSE_BAD;
        }
        const char *name = prl_lex_str(lx, ws + 1, ne);
        if (!name)
            return PRL_PARSE_NOMEM;
        uint32_t idx = prl_model_synset(lx->m, name);
        if (idx == UINT32_MAX)
            return PRL_PARSE_NOMEM;
        prl_synset *ss = &PRL_VEC_AT(&lx->m->synsets, prl_synset, idx);
        if (!ss->at.file) {
            /* First seen here: remember the use for "never defined". */
            ss->at.file = lx->file;
            ss->at.line = ln->no;
        }
        w->kind = PRL_W_SYNSET;
        w->synset = idx;
        return PRL_PARSE_OK;
    }
    w->kind = PRL_W_WORD;
    w->text = prl_lex_str(lx, ws, we);
    return w->text ? PRL_PARSE_OK : PRL_PARSE_NOMEM;
}

int prl_parse_phrase(prl_lex *lx, const prl_line *ln, char *s, char *end,
                     unsigned flags, prl_phrase *out, int *trailing_us)
{
    uint32_t count = 0;
    for (char *p = s; p < end;) {
        if (is_sep((unsigned char)*p)) {
            p++;
            continue;
        }
        count++;
        while (p < end && !is_sep((unsigned char)*p))
            p++;
    }
    if (count == 0) {
        prl_lex_error(lx, ln, s, "empty phrase");
        return PRL_PARSE_BAD;
    }
    if (count > PRL_MAX_PHRASE_WORDS) {
        prl_lex_error(lx, ln, s, "phrase has %u words (at most %u)", count,
                      PRL_MAX_PHRASE_WORDS);
        return PRL_PARSE_BAD;
    }
    prl_dword *w = prl_arena_alloc(&lx->m->arena, count * sizeof *w);
    if (!w)
        return PRL_PARSE_NOMEM;
    memset(w, 0, count * sizeof *w);
    uint32_t i = 0;
    int last_us = 0;
    for (char *p = s; p < end;) {
        if (is_sep((unsigned char)*p)) {
            p++;
            continue;
        }
        char *ws = p;
        while (p < end && !is_sep((unsigned char)*p))
            p++;
        char *we = p;
        int us = p < end && *p == '_';
        char *q = p;
        while (q < end && *q == '_')
            q++;
        int joined = us && q < end && !is_blank((unsigned char)*q);
        int rc = classify(lx, ln, ws, we, flags, &w[i]);
        if (rc != PRL_PARSE_OK)
            return rc;
        if (w[i].kind == PRL_W_WORD) {
            if (flags & PRL_PH_LAST_STEM)
                w[i].stem = (uint8_t)(i + 1 == count && !us);
            else if (flags & PRL_PH_STEMS)
                w[i].stem = (uint8_t)!us;
        }
        w[i].joined = (uint8_t)((flags & PRL_PH_JOIN_ALL) ? 1 : joined);
        last_us = us;
        i++;
    }
    w[count - 1].joined = 0;
    out->w = w;
    out->n = count;
    if (trailing_us)
        *trailing_us = last_us;
    return PRL_PARSE_OK;
}

int prl_parse_bracket(prl_lex *lx, const prl_line *ln, char **p,
                      char **cs, char **ce)
{
    char *open = *p;
    char *close = strchr(open + 1, ']');
    if (!close) {
        prl_lex_error(lx, ln, open, "missing ']' after '['");
        return PRL_PARSE_BAD;
    }
    char *a = prl_skip_ws(open + 1);
    char *b = close;
    while (b > a && is_blank((unsigned char)b[-1]))
        b--;
    *p = close + 1;
    if (a == b) {
        prl_lex_error(lx, ln, open, "empty code '[]'");
        return PRL_PARSE_BAD;
    }
    *cs = a;
    *ce = b;
    return PRL_PARSE_OK;
}

/* One event code: non-empty, no blanks or brackets. */
static int one_code(prl_lex *lx, const prl_line *ln, char *a, char *b,
                    const char **out)
{
    while (a < b && is_blank((unsigned char)*a))
        a++;
    while (b > a && is_blank((unsigned char)b[-1]))
        b--;
    if (a == b) {
        prl_lex_error(lx, ln, a, "empty event code");
        return PRL_PARSE_BAD;
    }
    for (char *q = a; q < b; q++) {
        if (is_blank((unsigned char)*q) || *q == '[' || *q == '{' || *q == '}') {
            prl_lex_error(lx, ln, q, "unexpected '%c' in event code", *q);
            return PRL_PARSE_BAD;
        }
    }
    *out = prl_lex_str(lx, a, b);
    return *out ? PRL_PARSE_OK : PRL_PARSE_NOMEM;
}

int prl_parse_vcode(prl_lex *lx, const prl_line *ln, char *cs, char *ce,
                    prl_vcode *vc)
{
    memset(vc, 0, sizeof *vc);
    char *colon = memchr(cs, ':', (size_t)(ce - cs));
    if (!colon)
        return one_code(lx, ln, cs, ce, &vc->code);
    if (memchr(colon + 1, ':', (size_t)(ce - colon - 1))) {
        prl_lex_error(lx, ln, colon, "paired code has more than one ':'");
        return PRL_PARSE_BAD;
    }
    int rc = one_code(lx, ln, cs, colon, &vc->code);
    if (rc == PRL_PARSE_OK)
        rc = one_code(lx, ln, colon + 1, ce, &vc->code2);
    return rc;
}

const char *prl_plural(prl_arena *ar, const char *w)
{
    size_t n = strlen(w);
    char buf[256];
    if (n == 0 || n + 3 > sizeof buf)
        return prl_arena_strndup(ar, w, n);
    memcpy(buf, w, n);
    char last = w[n - 1];
    char prev = n >= 2 ? w[n - 2] : 0;
    if (n >= 3 && strcmp(w + n - 3, "MAN") == 0) {
        buf[n - 2] = 'E';
    } else if (last == 'Y' && n >= 2 && !strchr("AEIOU", prev)) {
        memcpy(buf + n - 1, "IES", 3);
        n += 2;
    } else if (last == 'S' && n >= 2 && prev != 'S' && !strchr("AIOU", prev)) {
        return w;   /* AFFAIRS, FORCES: already plural */
    } else if (last == 'S' || last == 'X' || last == 'Z' ||
               ((last == 'H') && (prev == 'C' || prev == 'S'))) {
        memcpy(buf + n, "ES", 2);
        n += 2;
    } else {
        buf[n++] = 'S';
    }
    return prl_arena_strndup(ar, buf, n);
}

int prl_phrase_with_last(prl_arena *ar, const prl_phrase *ph, const char *last,
                         prl_phrase *out)
{
    prl_dword *w = prl_arena_alloc(ar, ph->n * sizeof *w);
    if (!w)
        return PRL_PARSE_NOMEM;
    memcpy(w, ph->w, ph->n * sizeof *w);
    w[ph->n - 1].text = last;
    w[ph->n - 1].stem = 0;
    out->w = w;
    out->n = ph->n;
    return PRL_PARSE_OK;
}

int prl_phrase_pluralizable(const prl_phrase *ph)
{
    return ph->n > 0 && ph->w[ph->n - 1].kind == PRL_W_WORD &&
           !ph->w[ph->n - 1].stem;
}

const char *prl_phrase_text(prl_model *m, const prl_phrase *ph)
{
    size_t len = 0;
    for (uint32_t i = 0; i < ph->n; i++) {
        const prl_dword *w = &ph->w[i];
        if (w->kind == PRL_W_WORD)
            len += strlen(w->text);
        else if (w->kind == PRL_W_SYNSET)
            len += 1 + strlen(PRL_VEC_AT(&m->synsets, prl_synset, w->synset).name);
        else
            len += 1;
        len += 1;
    }
    char *s = prl_arena_alloc(&m->arena, len + 1);
    if (!s)
        return NULL;
    char *p = s;
    for (uint32_t i = 0; i < ph->n; i++) {
        const prl_dword *w = &ph->w[i];
        if (i)
            *p++ = ' ';
        const char *t = NULL;
        switch (w->kind) {
        case PRL_W_WORD: t = w->text; break;
        case PRL_W_SYNSET:
            *p++ = '&';
            t = PRL_VEC_AT(&m->synsets, prl_synset, w->synset).name;
            break;
        case PRL_W_VERB: t = "*"; break;
        case PRL_W_SOURCE: t = "$"; break;
        case PRL_W_TARGET: t = "+"; break;
        case PRL_W_COMPOUND: t = "%"; break;
        case PRL_W_SKIP: t = "^"; break;
        default: t = "?"; break;
        }
        size_t tl = strlen(t);
        memcpy(p, t, tl);
        p += tl;
    }
    *p = 0;
    return s;
}

int prl_lex_copy_out(prl_model *m, prl_vec *v, void **out, uint32_t *n)
{
    *out = NULL;
    *n = 0;
    if (v->len == 0)
        return PRL_PARSE_OK;
    void *a = prl_arena_alloc(&m->arena, v->len * v->item);
    if (!a)
        return PRL_PARSE_NOMEM;
    memcpy(a, v->data, v->len * v->item);
    *out = a;
    *n = (uint32_t)v->len;
    v->len = 0;
    return PRL_PARSE_OK;
}

int prl_lex_synset_append(prl_model *m, uint32_t synset, prl_vec *phrases)
{
    if (phrases->len == 0)
        return PRL_PARSE_OK;
    prl_synset *ss = &PRL_VEC_AT(&m->synsets, prl_synset, synset);
    size_t n = ss->n_phrases + phrases->len;
    prl_phrase *a = prl_arena_alloc(&m->arena, n * sizeof *a);
    if (!a)
        return PRL_PARSE_NOMEM;
    if (ss->n_phrases)
        memcpy(a, ss->phrases, ss->n_phrases * sizeof *a);
    memcpy(a + ss->n_phrases, phrases->data, phrases->len * sizeof *a);
    ss->phrases = a;
    ss->n_phrases = (uint32_t)n;
    phrases->len = 0;
    return PRL_PARSE_OK;
}

int prl_lex_entry_parts(prl_lex *lx, const prl_line *ln, const char *list,
                        const char *what, char **text_end, char **fa, char **fb,
                        char **cs, char **ce)
{
    char *q = ln->s;
    while (*q && *q != '{' && *q != '[')
        q++;
    *text_end = q;
    *fa = *fb = *cs = *ce = NULL;
    while (*q) {
        if (*q == ' ' || *q == '\t') {
            q++;
        } else if (*q == '{' && !*fa) {
            char *close = strchr(q, '}');
            if (!close)
                return prl_lex_error(lx, ln, q, "missing '}' after %s", list);
            *fa = q + 1;
            *fb = close;
            q = close + 1;
        } else if (*q == '[' && !*cs) {
            int rc = prl_parse_bracket(lx, ln, &q, cs, ce);
            if (rc != PRL_PARSE_OK)
                return rc;
        } else {
            return prl_lex_error(lx, ln, q, "unexpected '%c' after %s", *q, what);
        }
    }
    return PRL_PARSE_OK;
}

parley_status prl_lex_status(const prl_model *m, int rc)
{
    if (rc == PRL_PARSE_NOMEM)
        return PARLEY_ENOMEM;
    if (rc == PRL_PARSE_BAD && m->strict)
        return PARLEY_EDICT;
    return PARLEY_OK;
}
