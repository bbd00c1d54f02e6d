/* read_verbs_p1.c: the PETRARCH-1 / TABARI verb dictionary reader.
 *
 * A file holds synsets ("&NAME" then "+phrase" lines) and verb blocks
 * ("--- NAME [code] ---", verb lines, then "- pattern [code]" lines).
 * TABARI files without "---" headers also work: a verb line that follows
 * patterns (or a synset, or nothing) starts a block of its own, named after
 * the verb, as TABARI attaches patterns to the verb above them. See
 * docs/dictionaries.md for the accepted syntax. */
#include <string.h>

#include "verb_collect.h"

typedef struct vstate {
    prl_lex lx;
    prl_model *m;
    prl_vcollect vc;        /* the open block's forms and patterns, the synset's phrases */
    int synset_noplural;    /* the label ended with '_' */
    size_t last_verb;       /* index in forms of the last verb line's base */
    int have_last_verb;
} vstate;

/* Close the open block; the next verb line starts from scratch. */
static int close_block(vstate *v)
{
    v->have_last_verb = 0;
    return prl_vc_close_block(&v->vc);
}

static int open_block(vstate *v, const prl_line *ln, const char *name,
                      const prl_vcode *code)
{
    int rc = close_block(v);
    return rc != PRL_PARSE_OK ? rc : prl_vc_open_block(&v->vc, ln->no, name, code);
}

static const char *null_code(vstate *v)
{
    return prl_arena_strndup(&v->m->arena, "---", 3);
}

/* "--- NAME [code] ---"; the trailing dashes are optional and may touch
 * the code ("--- DELAY [120]---"). */
static int block_header(vstate *v, const prl_line *ln)
{
    prl_lex *lx = &v->lx;
    int rc = prl_vc_close_synset(&v->vc);
    if (rc != PRL_PARSE_OK)
        return rc;
    char *p = ln->s;
    while (*p == '-')
        p++;
    p = prl_skip_ws(p);
    char *name = p;
    char *br = strchr(p, '[');
    char *ne = br ? br : p + strlen(p);
    while (ne > name && (ne[-1] == ' ' || ne[-1] == '\t' || ne[-1] == '-'))
        ne--;
    while (ne > name && ne[-1] == '_')
        ne--;
    if (ne == name)
        return prl_lex_error(lx, ln, name, "verb block has no name");
    prl_vcode code;
    memset(&code, 0, sizeof code);
    if (br) {
        char *cs, *ce;
        char *q = br;
        if ((rc = prl_parse_bracket(lx, ln, &q, &cs, &ce)) != PRL_PARSE_OK)
            return rc;
        if ((rc = prl_parse_vcode(lx, ln, cs, ce, &code)) != PRL_PARSE_OK)
            return rc;
        q = prl_skip_ws(q);
        if (*q == '[')
            prl_lex_warn(lx, ln, q, "second code in verb block header ignored");
        else if (*q && *q != '-')
            return prl_lex_error(lx, ln, q, "unexpected '%c' after the verb "
                                 "block code", *q);
    } else {
        code.code = null_code(v);
        if (!code.code)
            return PRL_PARSE_NOMEM;
    }
    const char *nm = prl_lex_str(lx, name, ne);
    if (!nm)
        return PRL_PARSE_NOMEM;
    return open_block(v, ln, nm, &code);
}

static int synset_header(vstate *v, const prl_line *ln)
{
    prl_lex *lx = &v->lx;
    int rc = prl_vc_close_synset(&v->vc);
    if (rc != PRL_PARSE_OK)
        return rc;
    char *name = ln->s + 1;
    char *e = name;
    while (*e && *e != ' ' && *e != '\t')
        e++;
    char *rest = prl_skip_ws(e);
    if (*rest)
        return prl_lex_error(lx, ln, rest, "unexpected text after synset name");
    int noplural = e > name && e[-1] == '_';
    while (e > name && e[-1] == '_')
        e--;
    if (e == name)
        return prl_lex_error(lx, ln, ln->s, "'&' without a synset name");
    const char *nm = prl_lex_str(lx, name, e);
    if (!nm)
        return PRL_PARSE_NOMEM;
    uint32_t idx = prl_model_synset(v->m, nm);
    if (idx == UINT32_MAX)
        return PRL_PARSE_NOMEM;
    prl_synset *ss = &PRL_VEC_AT(&v->m->synsets, prl_synset, idx);
    ss->at.file = lx->file;
    ss->at.line = ln->no;
    v->vc.in_synset = 1;
    v->vc.synset = idx;
    v->synset_noplural = noplural;
    return PRL_PARSE_OK;
}

static int synset_phrase(vstate *v, const prl_line *ln)
{
    prl_lex *lx = &v->lx;
    char *s = ln->s + 1;
    /* PETRARCH: synset words are consecutive whether '_' or blank. */
    unsigned flags = PRL_PH_SYNSETS | PRL_PH_JOIN_ALL | (lx->stems ? PRL_PH_STEMS : 0);
    prl_phrase ph;
    int trailing_us = 0;
    int rc = prl_parse_phrase(lx, ln, s, s + strlen(s), flags, &ph, &trailing_us);
    if (rc != PRL_PARSE_OK)
        return rc;
    for (uint32_t i = 0; i < ph.n; i++)
        if (ph.w[i].kind == PRL_W_SYNSET && ph.w[i].synset == v->vc.synset)
            return prl_lex_error(lx, ln, s, "synset &%s refers to itself",
                                 PRL_VEC_AT(&v->m->synsets, prl_synset, v->vc.synset).name);
    prl_phrase *slot = prl_vec_push(&v->m->alloc, &v->vc.sphrases);
    if (!slot)
        return PRL_PARSE_NOMEM;
    *slot = ph;
    if (v->synset_noplural || trailing_us || !prl_phrase_pluralizable(&ph))
        return PRL_PARSE_OK;
    const char *pl = prl_plural(&v->m->arena, ph.w[ph.n - 1].text);
    if (!pl)
        return PRL_PARSE_NOMEM;
    if (pl == ph.w[ph.n - 1].text)
        return PRL_PARSE_OK;    /* already plural */
    prl_phrase pp;
    if (prl_phrase_with_last(&v->m->arena, &ph, pl, &pp) != PRL_PARSE_OK)
        return PRL_PARSE_NOMEM;
    slot = prl_vec_push(&v->m->alloc, &v->vc.sphrases);
    if (!slot)
        return PRL_PARSE_NOMEM;
    *slot = pp;
    return PRL_PARSE_OK;
}

/* One verb form such as "SAY", "+CLEAR_UP", "KLM_NOP_+RST" or "LASH OUT" in
 * [a,b): the words are consecutive and '+' marks the verb word (default:
 * the first). The line is edited in place ('+' becomes '_'). */
static int verb_form_words(vstate *v, const prl_line *ln, char *a, char *b,
                           prl_phrase *out, uint8_t *head)
{
    prl_lex *lx = &v->lx;
    int heads = 0;
    unsigned words = 0, h = 0;
    int at_start = 1;
    for (char *q = a; q < b; q++) {
        char c = *q;
        if (c == ' ' || c == '\t' || c == '_') {
            at_start = 1;
            continue;
        }
        if (c == '+') {
            if (!at_start || q + 1 >= b || q[1] == ' ' || q[1] == '\t' || q[1] == '_')
                return prl_lex_error(lx, ln, q, "'+' must come just before the "
                                     "verb word of a multi-word verb");
            if (++heads > 1)
                return prl_lex_error(lx, ln, q, "more than one '+' in a verb");
            h = words;
            *q = '_';
            continue;
        }
        if (strchr("*$%^&[]{}", c))
            return prl_lex_error(lx, ln, q, "unexpected '%c' in a verb", c);
        if (at_start)
            words++;
        at_start = 0;
    }
    int rc = prl_parse_phrase(lx, ln, a, b, PRL_PH_JOIN_ALL, out, NULL);
    if (rc != PRL_PARSE_OK)
        return rc;
    *head = (uint8_t)(h < out->n ? h : 0);
    return PRL_PARSE_OK;
}

static prl_verb_form *push_form(vstate *v, const prl_line *ln, const prl_phrase *ph,
                                uint8_t head, const char *base,
                                const prl_vcode *code, int generated)
{
    return prl_vc_push_form(&v->vc, ln->no, ph, head, base, code, generated);
}

/* Whether the forms from index `first` on already hold a phrase whose
 * head word is `w` with the same other words. */
static int have_form(vstate *v, size_t first, const prl_phrase *ph, uint8_t head,
                     const char *w)
{
    for (size_t i = first; i < v->vc.forms.len; i++) {
        const prl_verb_form *f = &PRL_VEC_AT(&v->vc.forms, prl_verb_form, i);
        if (f->words.n != ph->n || f->head != head)
            continue;
        int same = 1;
        for (uint32_t k = 0; k < ph->n && same; k++) {
            const char *t = k == head ? w : ph->w[k].text;
            same = strcmp(f->words.w[k].text, t) == 0;
        }
        if (same)
            return 1;
    }
    return 0;
}

/* Explicit forms "{A B_+C ...}" in [a,b) for the verb line whose base is
 * forms[first]. */
static int explicit_forms(vstate *v, const prl_line *ln, char *a, char *b,
                          size_t first)
{
    prl_verb_form base = PRL_VEC_AT(&v->vc.forms, prl_verb_form, first);
    char *p = a;
    while (p < b) {
        while (p < b && (*p == ' ' || *p == '\t'))
            p++;
        if (p >= b)
            break;
        char *e = p;
        while (e < b && *e != ' ' && *e != '\t')
            e++;
        int marked = memchr(p, '+', (size_t)(e - p)) != NULL;
        prl_phrase ph;
        uint8_t head;
        int rc = verb_form_words(v, ln, p, e, &ph, &head);
        if (rc == PRL_PARSE_BAD && !v->m->strict) {
            p = e;              /* skip just this form; keep the others */
            continue;
        }
        if (rc != PRL_PARSE_OK)
            return rc;
        /* An unmarked multi-word form keeps the base's verb position. */
        if (!marked && ph.n == base.words.n)
            head = base.head;
        if (!have_form(v, first, &ph, head, ph.w[head].text) &&
            !push_form(v, ln, &ph, head, base.base, &base.code, 0))
            return PRL_PARSE_NOMEM;
        p = e;
    }
    return PRL_PARSE_OK;
}

/* Regular and irregular inflections of the base's verb word. */
static int generated_forms(vstate *v, const prl_line *ln, size_t first)
{
    prl_verb_form base = PRL_VEC_AT(&v->vc.forms, prl_verb_form, first);
    const char *out[8];
    unsigned k = prl_inflect(&v->m->arena, base.words.w[base.head].text, out);
    if (v->m->arena.failed)
        return PRL_PARSE_NOMEM;
    if (k > 8)
        k = 8;
    for (unsigned i = 0; i < k; i++) {
        if (!out[i] || !*out[i] || have_form(v, first, &base.words, base.head, out[i]))
            continue;
        prl_phrase ph;
        if (base.words.n == 1) {
            if (prl_phrase_with_last(&v->m->arena, &base.words, out[i], &ph) != PRL_PARSE_OK)
                return PRL_PARSE_NOMEM;
        } else {
            prl_dword *w = prl_arena_alloc(&v->m->arena, base.words.n * sizeof *w);
            if (!w)
                return PRL_PARSE_NOMEM;
            memcpy(w, base.words.w, base.words.n * sizeof *w);
            w[base.head].text = out[i];
            ph.w = w;
            ph.n = base.words.n;
        }
        if (!push_form(v, ln, &ph, base.head, base.base, &base.code, 1))
            return PRL_PARSE_NOMEM;
    }
    return PRL_PARSE_OK;
}

/* "VERB {FORMS} [CODE]" in either order of {} and [], "+MULTI_WORD",
 * "RE_+ARREST". */
static int verb_line(vstate *v, const prl_line *ln)
{
    prl_lex *lx = &v->lx;
    char *s = ln->s;
    char *vend, *fa, *fb, *cs, *ce;
    int rc = prl_lex_entry_parts(lx, ln, "verb forms", "the verb", &vend, &fa, &fb, &cs, &ce);
    if (rc != PRL_PARSE_OK)
        return rc;
    prl_vcode code;
    if (cs && (rc = prl_parse_vcode(lx, ln, cs, ce, &code)) != PRL_PARSE_OK)
        return rc;
    prl_phrase ph;
    uint8_t head;
    if ((rc = verb_form_words(v, ln, s, vend, &ph, &head)) != PRL_PARSE_OK)
        return rc;
    const char *base = prl_phrase_text(v->m, &ph);
    if (!base)
        return PRL_PARSE_NOMEM;
    /* A verb after patterns, after a synset, or before any block header
     * starts a block of its own (TABARI layout). */
    if (!v->vc.have_block || v->vc.in_synset || v->vc.patterns.len > 0) {
        if ((rc = prl_vc_close_synset(&v->vc)) != PRL_PARSE_OK)
            return rc;
        prl_vcode bc;
        if (cs) {
            bc = code;
        } else {
            memset(&bc, 0, sizeof bc);
            if (!(bc.code = null_code(v)))
                return PRL_PARSE_NOMEM;
        }
        if ((rc = open_block(v, ln, base, &bc)) != PRL_PARSE_OK)
            return rc;
    }
    if (!cs)
        code = prl_vc_block(&v->vc)->code;
    size_t first = v->vc.forms.len;
    if (!push_form(v, ln, &ph, head, base, &code, 0))
        return PRL_PARSE_NOMEM;
    v->last_verb = first;
    v->have_last_verb = 1;
    if (fa)
        return explicit_forms(v, ln, fa, fb, first);
    return generated_forms(v, ln, first);
}

/* TABARI: "{BROKE_ BROKEN_}" on its own line lists the forms of the verb
 * above. The forms already generated for it are dropped. */
static int forms_line(vstate *v, const prl_line *ln)
{
    prl_lex *lx = &v->lx;
    if (!v->have_last_verb)
        return prl_lex_error(lx, ln, ln->s, "verb forms '{...}' without a verb above");
    char *a = ln->s + 1;
    char *close = strchr(a, '}');
    if (!close)
        return prl_lex_error(lx, ln, ln->s, "missing '}' after verb forms");
    char *rest = prl_skip_ws(close + 1);
    if (*rest)
        return prl_lex_error(lx, ln, rest, "unexpected '%c' after verb forms", *rest);
    size_t first = v->last_verb;
    size_t keep = first + 1;
    for (size_t i = first + 1; i < v->vc.forms.len; i++) {
        prl_verb_form *f = &PRL_VEC_AT(&v->vc.forms, prl_verb_form, i);
        if (!f->generated)
            PRL_VEC_AT(&v->vc.forms, prl_verb_form, keep++) = *f;
    }
    v->vc.forms.len = keep;
    return explicit_forms(v, ln, a, close, first);
}

static int pattern_line(vstate *v, const prl_line *ln)
{
    prl_lex *lx = &v->lx;
    char *s = ln->s;
    if (s[1] == '-')
        return prl_lex_error(lx, ln, s, "pattern line starts with '--' "
                             "(a pattern is '- words [code]', a block '--- NAME [code] ---')");
    int rc = prl_vc_close_synset(&v->vc);
    if (rc != PRL_PARSE_OK)
        return rc;
    if (!v->vc.have_block)
        return prl_lex_error(lx, ln, s, "pattern before any verb");
    char *a = s + 1;
    char *br = strchr(a, '[');
    char *b = br ? br : a + strlen(a);
    prl_vcode code;
    if (br) {
        char *q = br, *cs, *ce;
        if ((rc = prl_parse_bracket(lx, ln, &q, &cs, &ce)) != PRL_PARSE_OK)
            return rc;
        if ((rc = prl_parse_vcode(lx, ln, cs, ce, &code)) != PRL_PARSE_OK)
            return rc;
        q = prl_skip_ws(q);
        if (*q)
            return prl_lex_error(lx, ln, q, "unexpected '%c' after the pattern code", *q);
    } else {
        code = prl_vc_block(&v->vc)->code;
    }
    unsigned flags = PRL_PH_TOKENS | PRL_PH_SYNSETS | (lx->stems ? PRL_PH_STEMS : 0);
    prl_phrase ph;
    if ((rc = prl_parse_phrase(lx, ln, a, b, flags, &ph, NULL)) != PRL_PARSE_OK)
        return rc;
    unsigned verbs = 0;
    for (uint32_t i = 0; i < ph.n; i++)
        verbs += ph.w[i].kind == PRL_W_VERB;
    if (verbs == 0)
        return prl_lex_error(lx, ln, prl_skip_ws(a), "pattern has no verb marker '*'");
    if (verbs > 1)
        return prl_lex_error(lx, ln, prl_skip_ws(a), "pattern has %u verb markers "
                             "'*' (needs exactly one)", verbs);
    prl_pattern *pt = prl_vec_push(&v->m->alloc, &v->vc.patterns);
    if (!pt)
        return PRL_PARSE_NOMEM;
    pt->words = ph;
    pt->code = code;
    pt->at.file = lx->file;
    pt->at.line = ln->no;
    return PRL_PARSE_OK;
}

static int one_line(vstate *v, const prl_line *ln)
{
    char *s = ln->s;
    switch (s[0]) {
    case '-':
        if (s[1] == '-' && s[2] == '-')
            return block_header(v, ln);
        return pattern_line(v, ln);
    case '&':
        return synset_header(v, ln);
    case '+':
        if (v->vc.in_synset)
            return synset_phrase(v, ln);
        return verb_line(v, ln);
    case '{':
        return forms_line(v, ln);
    case '~':
        return prl_lex_error(&v->lx, ln, s, "unexpected '~' line (a PETRARCH2 "
                             "transformation? read this file as PETRARCH2 verbs)");
    case '<':
        /* TABARI section tags such as <SYNSETS> carry no information. */
        if (s[strlen(s) - 1] == '>')
            return PRL_PARSE_OK;
        return prl_lex_error(&v->lx, ln, s, "unexpected '<'");
    default:
        return verb_line(v, ln);
    }
}

/* Report synsets that patterns of this file use but nothing defines. */
static void check_synsets(vstate *v)
{
    prl_synset *ss = v->m->synsets.data;
    for (size_t i = 0; i < v->m->synsets.len; i++) {
        if (ss[i].n_phrases == 0 && ss[i].at.file == v->lx.file) {
            prl_diagf(v->m->diag, v->lx.file, ss[i].at.line, 0,
                      "synset &%s is used but never defined", ss[i].name);
            v->m->errors++;
        }
    }
}

parley_status prl_read_verbs_p1(prl_model *m, const char *file, const char *buf, size_t n)
{
    vstate v;
    memset(&v, 0, sizeof v);
    v.m = m;
    parley_status st = prl_lex_open(&v.lx, m, file, buf, n);
    if (st != PARLEY_OK)
        return st;
    prl_vc_init(&v.vc, m, v.lx.file);
    prl_line ln;
    while (st == PARLEY_OK && prl_lex_next(&v.lx, &ln))
        st = prl_lex_status(m, one_line(&v, &ln));
    if (prl_vc_close_synset(&v.vc) != PRL_PARSE_OK || close_block(&v) != PRL_PARSE_OK)
        st = PARLEY_ENOMEM;
    if (st == PARLEY_OK) {
        unsigned before = m->errors;
        check_synsets(&v);
        if ((m->errors != before || v.lx.bad_eof) && m->strict)
            st = PARLEY_EDICT;
    }
    if (st == PARLEY_OK && m->arena.failed)
        st = PARLEY_ENOMEM;
    prl_vc_free(&v.vc);
    prl_lex_close(&v.lx);
    return st;
}
