/* read_actors.c: the TABARI / PETRARCH actor dictionary reader.
 *
 * An entry is a name line "NAME [CODE] ...", optional "+SYNONYM" lines, and
 * optional code lines "[CODE]", "[CODE <D]", "[CODE >D]", "[CODE D1-D2]"
 * (TABARI wants them indented; any line starting with '[' is accepted).
 * Codes may also follow the name on its line, several per line. Dates are
 * YYMMDD or YYYYMMDD and stored widened to YYYYMMDD. In a TABARI file
 * (stems), an entry whose one code is [###] is a discard. */
#include <string.h>

#include "lex.h"

typedef struct astate {
    prl_lex lx;
    prl_model *m;
    int open;               /* an entry is being collected */
    prl_vec names;          /* prl_phrase */
    prl_vec codes;          /* prl_dated_code */
    prl_origin at;
    int skip_section;       /* inside TABARI <NOUN> ... </NOUN> and kin */
    int skip_entry;         /* the entry line was bad: skip its '+' and
                               code lines instead of reporting each */
} astate;

static int close_entry(astate *a)
{
    if (!a->open)
        return PRL_PARSE_OK;
    a->open = 0;
    const prl_dated_code *only = a->codes.len == 1 ? a->codes.data : NULL;
    if (a->lx.stems && only && !only->from && !only->to && strcmp(only->code, "###") == 0) {
        /* TABARI (manual 6.3): "SOCCER [###]" in an actor file discards
         * the sentence. PETRARCH files keep ### as a code. */
        for (size_t i = 0; i < a->names.len; i++) {
            prl_discard *d = prl_vec_push(&a->m->alloc, &a->m->discards);
            if (!d)
                return PRL_PARSE_NOMEM;
            memset(d, 0, sizeof *d);
            d->phrase = ((prl_phrase *)a->names.data)[i];
            d->at = a->at;
        }
        a->names.len = 0;
        a->codes.len = 0;
        return PRL_PARSE_OK;
    }
    prl_actor *act = prl_vec_push(&a->m->alloc, &a->m->actors);
    if (!act)
        return PRL_PARSE_NOMEM;
    act->at = a->at;
    size_t nb = a->names.len * sizeof(prl_phrase);
    size_t cb = a->codes.len * sizeof(prl_dated_code);
    act->names = prl_arena_alloc(&a->m->arena, nb ? nb : 1);
    act->codes = cb ? prl_arena_alloc(&a->m->arena, cb) : NULL;
    if (!act->names || (cb && !act->codes)) {
        a->m->actors.len--;
        return PRL_PARSE_NOMEM;
    }
    memcpy(act->names, a->names.data, nb);
    if (cb)
        memcpy(act->codes, a->codes.data, cb);
    act->n_names = (uint32_t)a->names.len;
    act->n_codes = (uint32_t)a->codes.len;
    a->names.len = 0;
    a->codes.len = 0;
    return PRL_PARSE_OK;
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* A date of 6 (YYMMDD) or 8 (YYYYMMDD) digits at *p, widened; *p advances
 * past it. TABARI century rule: YY 00-30 is 20YY, else 19YY. */
static int parse_date(astate *a, const prl_line *ln, char **p, int32_t *out)
{
    char *s = *p, *e = s;
    while (is_digit((unsigned char)*e))
        e++;
    size_t n = (size_t)(e - s);
    char *tail = e;
    while (*tail && *tail != ' ' && *tail != '\t' && *tail != '-' && *tail != ']')
        tail++;
    if ((n != 6 && n != 8) || tail != e)
        return prl_lex_error(&a->lx, ln, s, "bad date '%.*s' (expected YYMMDD or "
                             "YYYYMMDD)", (int)(tail - s), s);
    int32_t v = 0;
    for (char *q = s; q < e; q++)
        v = v * 10 + (*q - '0');
    if (n == 6) {
        int32_t yy = v / 10000;
        v += (yy <= 30 ? 2000 : 1900) * 10000;
    }
    int32_t month = v / 100 % 100, day = v % 100;
    if (v < 10000101 || month < 1 || month > 12 || day < 1 || day > 31)
        return prl_lex_error(&a->lx, ln, s, "bad date '%.*s' (year, month or day "
                             "out of range)", (int)n, s);
    *out = v;
    *p = e;
    return PRL_PARSE_OK;
}

/* The content of one [...] code block in [cs,ce). */
static int actor_code(astate *a, const prl_line *ln, char *cs, char *ce)
{
    prl_lex *lx = &a->lx;
    char saved = *ce;
    *ce = 0;                /* work on a NUL-terminated copy in place */
    int rc = PRL_PARSE_OK;
    char *p = cs;
    while (*p && *p != ' ' && *p != '\t' && *p != '<' && *p != '>')
        p++;
    char *code_end = p;
    int digits = 0, dashes = 0, others = 0;
    for (char *q = cs; q < code_end; q++) {
        if (is_digit((unsigned char)*q))
            digits++;
        else if (*q == '-')
            dashes++;
        else
            others++;
    }
    prl_dated_code dc;
    memset(&dc, 0, sizeof dc);
    if (code_end == cs || (digits && !others)) {
        rc = prl_lex_error(lx, ln, cs, "date restriction without an actor code");
        goto out;
    }
    if (dashes && (digits || others)) {
        rc = prl_lex_error(lx, ln, cs, "malformed actor code '%.*s' (put a blank "
                           "between the code and its date)", (int)(code_end - cs), cs);
        goto out;
    }
    p = prl_skip_ws(p);
    if (*p == '<' || *p == '>') {
        char op = *p;
        p = prl_skip_ws(p + 1);
        int32_t d;
        if ((rc = parse_date(a, ln, &p, &d)) != PRL_PARSE_OK)
            goto out;
        if (op == '<')
            dc.to = d;
        else
            dc.from = d;
    } else if (is_digit((unsigned char)*p)) {
        if ((rc = parse_date(a, ln, &p, &dc.from)) != PRL_PARSE_OK)
            goto out;
        p = prl_skip_ws(p);
        if (*p != '-') {
            rc = prl_lex_error(lx, ln, p, "expected '-' in date range");
            goto out;
        }
        p = prl_skip_ws(p + 1);
        if ((rc = parse_date(a, ln, &p, &dc.to)) != PRL_PARSE_OK)
            goto out;
        if (dc.to < dc.from) {
            rc = prl_lex_error(lx, ln, cs, "date range ends before it starts");
            goto out;
        }
    }
    p = prl_skip_ws(p);
    if (*p) {
        rc = prl_lex_error(lx, ln, p, "unexpected '%c' in actor code", *p);
        goto out;
    }
    dc.code = prl_lex_str(lx, cs, code_end);
    if (!dc.code) {
        rc = PRL_PARSE_NOMEM;
        goto out;
    }
    prl_dated_code *slot = prl_vec_push(&a->m->alloc, &a->codes);
    if (!slot) {
        rc = PRL_PARSE_NOMEM;
        goto out;
    }
    *slot = dc;
out:
    *ce = saved;
    return rc;
}

/* Zero or more [...] blocks from p to the end of the line. A bad block is
 * reported and skipped; the others are kept. */
static int codes(astate *a, const prl_line *ln, char *p)
{
    int bad = PRL_PARSE_OK;
    for (;;) {
        p = prl_skip_ws(p);
        if (!*p)
            return bad;
        if (*p != '[') {
            /* Some files carry spreadsheet columns after the code. */
            prl_lex_warn(&a->lx, ln, p, "text after the actor code ignored");
            return bad;
        }
        char *cs, *ce;
        int rc = prl_parse_bracket(&a->lx, ln, &p, &cs, &ce);
        if (rc != PRL_PARSE_OK)
            return rc;          /* unterminated: nothing more to read */
        rc = actor_code(a, ln, cs, ce);
        if (rc == PRL_PARSE_NOMEM || (rc == PRL_PARSE_BAD && a->m->strict))
            return rc;
        if (rc == PRL_PARSE_BAD)
            bad = rc;
    }
}

static int name(astate *a, const prl_line *ln, char *s, char **rest)
{
    char *br = strchr(s, '[');
    char *e = br ? br : s + strlen(s);
    /* As in TABARI phrases and PETRARCH agents, '_' joins words and a
     * blank lets a few plain words come between them: ITHILEN TELEVISION
     * matches "Ithilen state-run television" (PETRARCH's unit test
     * PATTERN-09, "multi-word, disconnected actor phrase"). */
    unsigned flags = a->lx.stems ? PRL_PH_STEMS : 0;
    prl_phrase ph;
    int rc = prl_parse_phrase(&a->lx, ln, s, e, flags, &ph, NULL);
    if (rc != PRL_PARSE_OK)
        return rc;
    prl_phrase *slot = prl_vec_push(&a->m->alloc, &a->names);
    if (!slot)
        return PRL_PARSE_NOMEM;
    *slot = ph;
    *rest = e;
    return PRL_PARSE_OK;
}

static int section_tag(astate *a, const char *s)
{
    static const char *const tags[] = { "NOUN", "ADJECTIVE", "ADJ", "ATTRIB", "TIME" };
    int closing = s[1] == '/';
    const char *t = s + 1 + closing;
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
        size_t n = strlen(tags[i]);
        if (strncmp(t, tags[i], n) == 0 && (t[n] == '>' || t[n] == 'S')) {
            a->skip_section = !closing;
            return 1;
        }
    }
    return 0;
}

static int one_line(astate *a, const prl_line *ln)
{
    char *s = ln->s;
    int rc;
    if (s[0] == '<' && s[strlen(s) - 1] == '>') {
        /* TABARI section tags; nouns and adjectives carry no codes. */
        if (section_tag(a, s))
            return close_entry(a);
        return PRL_PARSE_OK;
    }
    if (a->skip_section)
        return PRL_PARSE_OK;
    if ((s[0] == '[' || s[0] == '+') && a->skip_entry)
        return PRL_PARSE_OK;
    if (s[0] == '[') {
        if (!a->open)
            return prl_lex_error(&a->lx, ln, s, "actor code line before any actor");
        return codes(a, ln, s);
    }
    char *rest;
    if (s[0] == '+') {
        if (!a->open)
            return prl_lex_error(&a->lx, ln, s, "synonym '+' before any actor");
        if ((rc = name(a, ln, s + 1, &rest)) != PRL_PARSE_OK)
            return rc;
        return codes(a, ln, rest);
    }
    if ((rc = close_entry(a)) != PRL_PARSE_OK)
        return rc;
    a->skip_entry = 1;
    if ((rc = name(a, ln, s, &rest)) != PRL_PARSE_OK)
        return rc;
    a->skip_entry = 0;
    a->open = 1;
    a->at.file = a->lx.file;
    a->at.line = ln->no;
    return codes(a, ln, rest);
}

parley_status prl_read_actors(prl_model *m, const char *file, const char *buf, size_t n)
{
    astate a;
    memset(&a, 0, sizeof a);
    a.m = m;
    prl_vec_init(&a.names, sizeof(prl_phrase));
    prl_vec_init(&a.codes, sizeof(prl_dated_code));
    parley_status st = prl_lex_open(&a.lx, m, file, buf, n);
    if (st != PARLEY_OK)
        return st;
    prl_line ln;
    while (st == PARLEY_OK && prl_lex_next(&a.lx, &ln))
        st = prl_lex_status(m, one_line(&a, &ln));
    if (close_entry(&a) != PRL_PARSE_OK || m->arena.failed)
        st = PARLEY_ENOMEM;
    if (st == PARLEY_OK && a.lx.bad_eof && m->strict)
        st = PARLEY_EDICT;
    prl_vec_free(&m->alloc, &a.names);
    prl_vec_free(&m->alloc, &a.codes);
    prl_lex_close(&a.lx);
    return st;
}
