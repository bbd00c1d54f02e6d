/* read_verbs_p2.c: the PETRARCH2 verb dictionary reader (CAMEO.2.0.txt).
 *
 * The file holds, in any order:
 *   &NAME                    a synset; the '+' lines under it are its
 *   +PHRASE                  phrases (regular plurals are added unless the
 *                            phrase or the label ends in '_')
 *   --- NAME [code] ---      a verb block: verb lines, then patterns
 *   VERB {FORMS} [code]      a verb; '+' marks the verb word of a multi-word
 *   +MULTI_WORD {...} [code] verb; {FORMS} replaces the generated forms
 *   - PATTERN [code]         a pattern of the current block
 *   ~ TRANSFORMATION         a verb-verb transformation, kept as raw text
 * and '#' or ';' comments (removed by lex.c). A '+' line belongs to the
 * synset above it until a block header starts verb blocks again.
 *
 * Codes are "[CODE]", "[ACTIVE:PASSIVE]" or "[:PASSIVE]": PETRARCH2's
 * pair is the code when the verb is active and when it is passive, stored
 * as code + passive_code (not TABARI's paired events); an empty active side
 * is stored as the null code "---".
 *
 * Patterns keep PETRARCH2's syntactic marks for a shallow coder: "{A B}"
 * (a noun phrase whose last word is the head) becomes PRL_W_NP_OPEN, the
 * words, PRL_W_NP_CLOSE; "(P X)" (a prepositional phrase: preposition then
 * a noun or a {} phrase) becomes PRL_W_PP_OPEN ... PRL_W_PP_CLOSE. docs/
 * petrarch2.md says how far a parser-free coder can follow them. */
#include <string.h>

#include "verb_collect.h"

typedef struct p2state {
    prl_lex lx;
    prl_model *m;
    const char *buf;        /* the caller's bytes, for original-case text */
    prl_vcollect vc;        /* the open block's forms and patterns, the synset's phrases */
    int bad_block;          /* the last block header was malformed: its
                               lines are skipped without more reports */
    int synset_noplural;    /* the label ended with '_' */
    prl_vec words;          /* prl_dword scratch for one pattern */
} p2state;

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* A defined synset by name (without '&'; a trailing '_' is ignored), or
 * UINT32_MAX. Unlike prl_model_synset this never creates one: PETRARCH2
 * requires a synset to be defined before a pattern uses it. */
static uint32_t find_synset(prl_model *m, const char *name, size_t n)
{
    while (n > 0 && name[n - 1] == '_')
        n--;
    const prl_synset *ss = m->synsets.data;
    for (size_t i = 0; i < m->synsets.len; i++)
        if (ss[i].n_phrases > 0 && strlen(ss[i].name) == n && memcmp(ss[i].name, name, n) == 0)
            return (uint32_t)i;
    return UINT32_MAX;
}

/* One event code side in [a,b): non-empty, no blanks or brackets. */
static int code_side(p2state *v, const prl_line *ln, char *a, char *b, const char **out)
{
    while (a < b && is_blank(*a))
        a++;
    while (b > a && is_blank(b[-1]))
        b--;
    if (a == b) {
        *out = NULL;
        return PRL_PARSE_OK;
    }
    for (char *q = a; q < b; q++)
        if (is_blank(*q) || strchr("[]{}()", *q))
            return prl_lex_error(&v->lx, ln, q, "unexpected '%c' in event code", *q);
    *out = prl_lex_str(&v->lx, a, b);
    return *out ? PRL_PARSE_OK : PRL_PARSE_NOMEM;
}

/* The code bracket at *p ('['): "[C]", "[A:P]" or "[:P]". Advances *p past
 * the ']'. */
static int parse_code(p2state *v, const prl_line *ln, char **p, prl_vcode *vc)
{
    char *cs, *ce, *open = *p;
    int rc = prl_parse_bracket(&v->lx, ln, p, &cs, &ce);
    if (rc != PRL_PARSE_OK)
        return rc;
    memset(vc, 0, sizeof *vc);
    char *colon = memchr(cs, ':', (size_t)(ce - cs));
    if (!colon) {
        if ((rc = code_side(v, ln, cs, ce, &vc->code)) != PRL_PARSE_OK)
            return rc;
        return PRL_PARSE_OK;   /* prl_parse_bracket rejected "[]" */
    }
    char *colon2 = memchr(colon + 1, ':', (size_t)(ce - colon - 1));
    if (colon2)
        return prl_lex_error(&v->lx, ln, colon2, "event code has more than one ':'");
    if ((rc = code_side(v, ln, cs, colon, &vc->code)) != PRL_PARSE_OK ||
        (rc = code_side(v, ln, colon + 1, ce, &vc->passive_code)) != PRL_PARSE_OK)
        return rc;
    if (!vc->passive_code)
        return prl_lex_error(&v->lx, ln, open, "no passive code after ':'");
    if (!vc->code && !(vc->code = prl_arena_strndup(&v->m->arena, "---", 3)))
        return PRL_PARSE_NOMEM;
    return PRL_PARSE_OK;
}

static int null_vcode(p2state *v, prl_vcode *vc)
{
    memset(vc, 0, sizeof *vc);
    vc->code = prl_arena_strndup(&v->m->arena, "---", 3);
    return vc->code ? PRL_PARSE_OK : PRL_PARSE_NOMEM;
}

/* "--- NAME [code] ---": the code is optional (null), the trailing dashes
 * too. */
static int block_header(p2state *v, const prl_line *ln)
{
    prl_lex *lx = &v->lx;
    int rc = prl_vc_close_synset(&v->vc);
    if (rc == PRL_PARSE_OK)
        rc = prl_vc_close_block(&v->vc);
    if (rc != PRL_PARSE_OK)
        return rc;
    char *p = ln->s;
    while (*p == '-')
        p++;
    char *name = prl_skip_ws(p);
    char *br = strchr(name, '[');
    char *ne = br ? br : name + strlen(name);
    while (ne > name && (is_blank(ne[-1]) || ne[-1] == '-'))
        ne--;
    if (ne == name)
        return prl_lex_error(lx, ln, name, "verb block has no name");
    prl_vcode code;
    if (br) {
        char *q = br;
        if ((rc = parse_code(v, ln, &q, &code)) != PRL_PARSE_OK)
            return rc;
        while (*q == '-' || is_blank(*q))   /* "[110]---  ---" occurs */
            q++;
        if (*q)
            return prl_lex_error(lx, ln, q, "unexpected '%c' after the verb block code", *q);
    } else if ((rc = null_vcode(v, &code)) != PRL_PARSE_OK) {
        return rc;
    }
    const char *nm = prl_lex_str(lx, name, ne);
    if (!nm)
        return PRL_PARSE_NOMEM;
    return prl_vc_open_block(&v->vc, ln->no, nm, &code);
}

static int synset_header(p2state *v, const prl_line *ln)
{
    prl_lex *lx = &v->lx;
    int rc = prl_vc_close_synset(&v->vc);
    if (rc == PRL_PARSE_OK)
        rc = prl_vc_close_block(&v->vc);
    if (rc != PRL_PARSE_OK)
        return rc;
    char *name = ln->s + 1;
    char *e = name;
    while (*e && !is_blank(*e))
        e++;
    char *rest = prl_skip_ws(e);
    if (*rest)
        return prl_lex_error(lx, ln, rest, "unexpected text after the synset name");
    int noplural = e > name && e[-1] == '_';
    while (e > name && e[-1] == '_')
        e--;
    if (e == name)
        return prl_lex_error(lx, ln, ln->s, "'&' without a synset name");
    for (char *q = name; q < e; q++)
        if (strchr("&{}()[]*$+%^", *q))
            return prl_lex_error(lx, ln, q, "unexpected '%c' in a synset name", *q);
    const char *nm = prl_lex_str(lx, name, e);
    if (!nm)
        return PRL_PARSE_NOMEM;
    uint32_t idx = prl_model_synset(v->m, nm);
    if (idx == UINT32_MAX)
        return PRL_PARSE_NOMEM;
    prl_synset *ss = &PRL_VEC_AT(&v->m->synsets, prl_synset, idx);
    if (ss->n_phrases == 0) {
        ss->at.file = lx->file;
        ss->at.line = ln->no;
    }
    v->vc.in_synset = 1;
    v->vc.synset = idx;
    v->synset_noplural = noplural;
    return PRL_PARSE_OK;
}

/* "+PHRASE" under a synset: words only, consecutive ('_' or blank). */
static int synset_phrase(p2state *v, const prl_line *ln)
{
    prl_lex *lx = &v->lx;
    char *s = ln->s + 1;
    for (char *q = s; *q; q++)
        if (strchr("&{}()[]*$%^", *q) || (*q == '+' && (q == s || is_blank(q[-1]))))
            return prl_lex_error(lx, ln, q, "unexpected '%c' in a synset phrase "
                                 "(synsets hold words only)", *q);
    prl_phrase ph;
    int trailing_us = 0;
    int rc = prl_parse_phrase(lx, ln, s, s + strlen(s), PRL_PH_JOIN_ALL, &ph, &trailing_us);
    if (rc != PRL_PARSE_OK)
        return rc;
    prl_phrase *slot = prl_vec_push(&v->m->alloc, &v->vc.sphrases);
    if (!slot)
        return PRL_PARSE_NOMEM;
    *slot = ph;
    if (v->synset_noplural || trailing_us || !prl_phrase_pluralizable(&ph))
        return PRL_PARSE_OK;
    /* A word in a single S is most likely plural already (BLUE_HELMETS):
     * PETRARCH would add another S; parley adds nothing. */
    const char *last = ph.w[ph.n - 1].text;
    size_t ll = strlen(last);
    if (ll >= 2 && last[ll - 1] == 'S' && last[ll - 2] != 'S')
        return PRL_PARSE_OK;
    const char *pl = prl_plural(&v->m->arena, ph.w[ph.n - 1].text);
    if (!pl)
        return PRL_PARSE_NOMEM;
    if (strcmp(pl, ph.w[ph.n - 1].text) == 0)
        return PRL_PARSE_OK;
    prl_phrase pp;
    if (prl_phrase_with_last(&v->m->arena, &ph, pl, &pp) != PRL_PARSE_OK)
        return PRL_PARSE_NOMEM;
    slot = prl_vec_push(&v->m->alloc, &v->vc.sphrases);
    if (!slot)
        return PRL_PARSE_NOMEM;
    *slot = pp;
    return PRL_PARSE_OK;
}

/* One verb form in [a,b) such as "SAY", "+CLEAR_UP" or "WIRE_+TAP": words
 * joined by '_' (or blanks), '+' before the verb word (default: the first).
 * The text is edited in place ('+' becomes '_'). */
static int form_words(p2state *v, const prl_line *ln, char *a, char *b,
                      prl_phrase *out, uint8_t *head)
{
    prl_lex *lx = &v->lx;
    unsigned words = 0, h = 0;
    int heads = 0, at_start = 1;
    for (char *q = a; q < b; q++) {
        char c = *q;
        if (is_blank(c) || c == '_') {
            at_start = 1;
            continue;
        }
        if (c == '+') {
            if (!at_start || q + 1 >= b || is_blank(q[1]) || q[1] == '_' || q[1] == '+')
                return prl_lex_error(lx, ln, q, "'+' must come just before the verb "
                                     "word of a multi-word verb");
            if (++heads > 1)
                return prl_lex_error(lx, ln, q, "more than one '+' in a verb");
            h = words;
            *q = '_';
            continue;
        }
        if (strchr("*$%^&[]{}()", c))
            return prl_lex_error(lx, ln, q, "unexpected '%c' in a verb", c);
        if (at_start)
            words++;
        at_start = 0;
    }
    if (words > 255)
        return prl_lex_error(lx, ln, a, "verb has %u words (at most 255)", words);
    int rc = prl_parse_phrase(lx, ln, a, b, PRL_PH_JOIN_ALL, out, NULL);
    if (rc != PRL_PARSE_OK)
        return rc;
    *head = (uint8_t)(h < out->n ? h : 0);
    return PRL_PARSE_OK;
}

static int push_form(p2state *v, const prl_line *ln, const prl_phrase *ph, uint8_t head,
                     const char *base, const prl_vcode *code, int generated)
{
    return prl_vc_push_form(&v->vc, ln->no, ph, head, base, code, generated)
               ? PRL_PARSE_OK : PRL_PARSE_NOMEM;
}

static int same_phrase(const prl_phrase *a, const prl_phrase *b)
{
    if (a->n != b->n)
        return 0;
    for (uint32_t i = 0; i < a->n; i++)
        if (strcmp(a->w[i].text, b->w[i].text) != 0)
            return 0;
    return 1;
}

/* Is ph already among the forms from index first on (this verb line)? */
static int have_form(p2state *v, size_t first, const prl_phrase *ph)
{
    for (size_t i = first; i < v->vc.forms.len; i++)
        if (same_phrase(&PRL_VEC_AT(&v->vc.forms, prl_verb_form, i).words, ph))
            return 1;
    return 0;
}

/* "{A +B_C, ...}" in [a,b): the listed forms of the verb at forms[first].
 * Blanks or commas separate forms (CAMEO.2.0.txt uses both). */
static int listed_forms(p2state *v, const prl_line *ln, char *a, char *b, size_t first)
{
    prl_verb_form base = PRL_VEC_AT(&v->vc.forms, prl_verb_form, first);
    for (char *p = a; p < b;) {
        while (p < b && (is_blank(*p) || *p == ','))
            p++;
        if (p >= b)
            break;
        char *e = p;
        while (e < b && !is_blank(*e) && *e != ',')
            e++;
        int marked = memchr(p, '+', (size_t)(e - p)) != NULL;
        prl_phrase ph;
        uint8_t head;
        int rc = form_words(v, ln, p, e, &ph, &head);
        if (rc != PRL_PARSE_OK)
            return rc;
        if (!marked && ph.n == base.words.n)
            head = base.head;   /* unmarked: the verb sits where the base's does */
        if (!have_form(v, first, &ph) &&
            (rc = push_form(v, ln, &ph, head, base.base, &base.code, 0)) != PRL_PARSE_OK)
            return rc;
        p = e;
    }
    return PRL_PARSE_OK;
}

/* Regular and WordNet forms of the verb word of forms[first]. */
static int generated_forms(p2state *v, const prl_line *ln, size_t first)
{
    prl_verb_form base = PRL_VEC_AT(&v->vc.forms, prl_verb_form, first);
    const char *out[8];
    unsigned k = prl_inflect(&v->m->arena, base.words.w[base.head].text, out);
    if (k == 0)
        return PRL_PARSE_NOMEM;
    for (unsigned i = 1; i < k && i < 8; i++) {
        prl_dword *w = prl_arena_alloc(&v->m->arena, base.words.n * sizeof *w);
        if (!w)
            return PRL_PARSE_NOMEM;
        memcpy(w, base.words.w, base.words.n * sizeof *w);
        w[base.head].text = out[i];
        prl_phrase ph = { w, base.words.n };
        if (have_form(v, first, &ph))
            continue;
        int rc = push_form(v, ln, &ph, base.head, base.base, &base.code, 1);
        if (rc != PRL_PARSE_OK)
            return rc;
    }
    return PRL_PARSE_OK;
}

/* "VERB", "VERB {FORMS}", "VERB [CODE]", "+MULTI_WORD {FORMS} [CODE]". */
static int verb_line(p2state *v, const prl_line *ln)
{
    prl_lex *lx = &v->lx;
    int rc = prl_vc_close_synset(&v->vc);
    if (rc != PRL_PARSE_OK)
        return rc;
    if (!v->vc.have_block)
        return prl_lex_error(lx, ln, ln->s, "verb before any '--- NAME [code] ---' block header");
    if (v->vc.patterns.len > 0)
        prl_lex_warn(lx, ln, ln->s, "verb after the block's patterns (they apply to it too)");
    char *s = ln->s, *q = s;
    while (*q && *q != '{' && *q != '[')
        q++;
    char *vend = q;
    char *fa = NULL, *fb = NULL;
    int have_code = 0;
    prl_vcode code;
    while (*q) {
        if (is_blank(*q)) {
            q++;
        } else if (*q == '{' && !fa) {
            char *close = strchr(q, '}');
            if (!close)
                return prl_lex_error(lx, ln, q, "missing '}' after the verb forms");
            fa = q + 1;
            fb = close;
            q = close + 1;
        } else if (*q == '[' && !have_code) {
            if ((rc = parse_code(v, ln, &q, &code)) != PRL_PARSE_OK)
                return rc;
            have_code = 1;
        } else {
            return prl_lex_error(lx, ln, q, "unexpected '%c' after the verb", *q);
        }
    }
    while (vend > s && is_blank(vend[-1]))
        vend--;
    if (vend == s)
        return prl_lex_error(lx, ln, s, "verb forms or code without a verb");
    if (!have_code)
        code = prl_vc_block(&v->vc)->code;
    prl_phrase ph;
    uint8_t head;
    if ((rc = form_words(v, ln, s, vend, &ph, &head)) != PRL_PARSE_OK)
        return rc;
    const char *base = prl_phrase_text(v->m, &ph);
    if (!base)
        return PRL_PARSE_NOMEM;
    size_t first = v->vc.forms.len;
    if ((rc = push_form(v, ln, &ph, head, base, &code, 0)) != PRL_PARSE_OK)
        return rc;
    /* Listed forms replace the generated ones; "{}" means none at all
     * ("+ANGERED_BY {}" is already inflected). */
    if (fa)
        return listed_forms(v, ln, fa, fb, first);
    return generated_forms(v, ln, first);
}

/* Pattern elements -------------------------------------------------------- */

static prl_dword *push_word(p2state *v, uint8_t kind)
{
    prl_dword *w = prl_vec_push(&v->m->alloc, &v->words);
    if (w)
        w->kind = kind;
    return w;
}

static int is_item(uint8_t kind)
{
    return kind != PRL_W_NP_OPEN && kind != PRL_W_NP_CLOSE && kind != PRL_W_PP_OPEN &&
           kind != PRL_W_PP_CLOSE;
}

/* Parse the pattern text [a,b) into v->words. */
static int pattern_words(p2state *v, const prl_line *ln, char *a, char *b)
{
    prl_lex *lx = &v->lx;
    char *np_open = NULL, *pp_open = NULL;     /* open brackets, for columns */
    size_t np_start = 0, pp_start = 0;         /* their index in v->words */
    int verbs = 0, join = 0;
    v->words.len = 0;
    for (char *p = a; p < b;) {
        char c = *p;
        if (is_blank(c)) {
            join = 0;
            p++;
            continue;
        }
        if (c == '_') {
            join = v->words.len > 0 && is_item(PRL_VEC_AT(&v->words, prl_dword,
                                                          v->words.len - 1).kind);
            p++;
            continue;
        }
        if (c == '{' || c == '(' || c == '}' || c == ')') {
            join = 0;
            if (c == '{') {
                if (np_open)
                    return prl_lex_error(lx, ln, p, "'{' inside a noun phrase '{...}'");
                np_open = p;
                np_start = v->words.len;
                if (!push_word(v, PRL_W_NP_OPEN))
                    return PRL_PARSE_NOMEM;
            } else if (c == '(') {
                if (pp_open)
                    return prl_lex_error(lx, ln, p, "'(' inside a prepositional phrase '(...)'");
                if (np_open)
                    return prl_lex_error(lx, ln, p, "'(' inside a noun phrase '{...}'");
                pp_open = p;
                pp_start = v->words.len;
                if (!push_word(v, PRL_W_PP_OPEN))
                    return PRL_PARSE_NOMEM;
            } else if (c == '}') {
                if (!np_open)
                    return prl_lex_error(lx, ln, p, "'}' without '{'");
                if (v->words.len == np_start + 1)
                    return prl_lex_error(lx, ln, np_open, "empty noun phrase '{}'");
                np_open = NULL;
                if (!push_word(v, PRL_W_NP_CLOSE))
                    return PRL_PARSE_NOMEM;
            } else {
                if (!pp_open)
                    return prl_lex_error(lx, ln, p, "')' without '('");
                if (np_open)
                    return prl_lex_error(lx, ln, np_open, "'{' not closed before ')'");
                if (v->words.len == pp_start + 1)
                    return prl_lex_error(lx, ln, pp_open, "empty prepositional phrase '()'");
                if (PRL_VEC_AT(&v->words, prl_dword, pp_start + 1).kind != PRL_W_WORD)
                    return prl_lex_error(lx, ln, pp_open + 1, "a prepositional phrase "
                                         "'(...)' must start with the preposition");
                pp_open = NULL;
                if (!push_word(v, PRL_W_PP_CLOSE))
                    return PRL_PARSE_NOMEM;
            }
            p++;
            continue;
        }
        /* A word, a synset, or a one-character token. */
        /* Words end at '_'; synset names may contain it (&FIGHT_OF_WORDS). */
        char *ws = p;
        if (c == '*') {
            p++;
        } else {
            const char *stop = c == '&' ? "{}()*" : "_{}()*";
            while (p < b && !is_blank(*p) && !strchr(stop, *p))
                p++;
        }
        size_t len = (size_t)(p - ws);
        prl_dword w;
        memset(&w, 0, sizeof w);
        if (len == 1 && strchr("*$+%^", c)) {
            if (c == '*' && (np_open || pp_open))
                return prl_lex_error(lx, ln, ws, "the verb '*' inside brackets");
            if (c == '*' && ++verbs > 1)
                return prl_lex_error(lx, ln, ws, "more than one verb '*' in a pattern");
            static const uint8_t kinds[] = { PRL_W_VERB, PRL_W_SOURCE, PRL_W_TARGET,
                                             PRL_W_COMPOUND, PRL_W_SKIP };
            w.kind = kinds[strchr("*$+%^", c) - "*$+%^"];
        } else if (c == '&') {
            if (len < 2)
                return prl_lex_error(lx, ln, ws, "'&' without a synset name");
            uint32_t idx = find_synset(v->m, ws + 1, len - 1);
            if (idx == UINT32_MAX)
                return prl_lex_error(lx, ln, ws, "synset %.*s is not defined before "
                                     "this pattern (PETRARCH2 skips the pattern too)",
                                     (int)len, ws);
            w.kind = PRL_W_SYNSET;
            w.synset = idx;
        } else {
            for (char *q = ws; q < p; q++)
                if (strchr("$%^&[]", *q) || (*q == '+' && q == ws))
                    return prl_lex_error(lx, ln, q, "'%c' inside a word (pattern tokens "
                                         "stand alone)", *q);
            w.kind = PRL_W_WORD;
            if (!(w.text = prl_lex_str(lx, ws, p)))
                return PRL_PARSE_NOMEM;
        }
        if (join)
            PRL_VEC_AT(&v->words, prl_dword, v->words.len - 1).joined = 1;
        join = 0;
        prl_dword *slot = push_word(v, w.kind);
        if (!slot)
            return PRL_PARSE_NOMEM;
        *slot = w;
        if (v->words.len > 1024)
            return prl_lex_error(lx, ln, ws, "pattern has more than 1024 elements");
    }
    if (np_open)
        return prl_lex_error(lx, ln, np_open, "'{' without '}'");
    if (pp_open)
        return prl_lex_error(lx, ln, pp_open, "'(' without ')'");
    if (v->words.len == 0)
        return prl_lex_error(lx, ln, a, "empty pattern");
    return PRL_PARSE_OK;
}

/* "- PATTERN [code]". */
static int pattern_line(p2state *v, const prl_line *ln)
{
    prl_lex *lx = &v->lx;
    char *s = ln->s;
    int rc = prl_vc_close_synset(&v->vc);
    if (rc != PRL_PARSE_OK)
        return rc;
    if (s[1] == '-')
        return prl_lex_error(lx, ln, s, "line starts with '--' (a pattern is "
                             "'- words [code]', a block '--- NAME [code] ---')");
    if (!v->vc.have_block)
        return prl_lex_error(lx, ln, s, "pattern before any '--- NAME [code] ---' block header");
    char *a = s + 1;
    char *br = strchr(a, '[');
    if (!br)
        return prl_lex_error(lx, ln, prl_skip_ws(a), "pattern has no code '[...]'");
    prl_vcode code;
    char *q = br;
    if ((rc = parse_code(v, ln, &q, &code)) != PRL_PARSE_OK)
        return rc;
    q = prl_skip_ws(q);
    if (*q)
        return prl_lex_error(lx, ln, q, "unexpected '%c' after the pattern code", *q);
    if ((rc = pattern_words(v, ln, a, br)) != PRL_PARSE_OK)
        return rc;
    prl_phrase ph;
    void *w;
    if ((rc = prl_lex_copy_out(v->m, &v->words, &w, &ph.n)) != PRL_PARSE_OK)
        return rc;
    ph.w = w;
    prl_pattern *pt = prl_vec_push(&v->m->alloc, &v->vc.patterns);
    if (!pt)
        return PRL_PARSE_NOMEM;
    pt->words = ph;
    pt->code = code;
    pt->at.file = lx->file;
    pt->at.line = ln->no;
    return PRL_PARSE_OK;
}

/* "~ a (b . ATTACK) SAY = a b 112": checked for its shape, stored as
 * written (original case: the lower-case letters are actor variables). */
static int transform_line(p2state *v, const prl_line *ln)
{
    prl_lex *lx = &v->lx;
    int rc = prl_vc_close_synset(&v->vc);
    if (rc != PRL_PARSE_OK)
        return rc;
    char *s = ln->s;
    char *eq = strchr(s, '=');
    char *open = strchr(s, '(');
    char *close = open ? strchr(open, ')') : NULL;
    if (!eq)
        return prl_lex_error(lx, ln, s, "transformation has no '='");
    if (!open || !close || close > eq)
        return prl_lex_error(lx, ln, open ? open : s, "transformation needs '(source "
                             "target VERB)' before '='");
    if (!*prl_skip_ws(eq + 1))
        return prl_lex_error(lx, ln, eq, "transformation has nothing after '='");
    /* lex.c upper-cased the line in place; take the original letters back
     * from the caller's buffer (same offsets). */
    size_t off = (size_t)(s - lx->text), len = strlen(s);
    char *t = prl_arena_alloc(&v->m->arena, len + 1);
    if (!t)
        return PRL_PARSE_NOMEM;
    for (size_t i = 0; i < len; i++) {
        char o = v->buf[off + i];
        t[i] = (o >= 'a' && o <= 'z' && s[i] == o - 32) ? o : s[i];
    }
    t[len] = 0;
    prl_transform *tr = prl_vec_push(&v->m->alloc, &v->m->transforms);
    if (!tr)
        return PRL_PARSE_NOMEM;
    tr->text = t;
    tr->at.file = lx->file;
    tr->at.line = ln->no;
    return PRL_PARSE_OK;
}

static int one_line(p2state *v, const prl_line *ln)
{
    char *s = ln->s;
    if (s[0] == '-' && s[1] == '-' && s[2] == '-') {
        int rc = block_header(v, ln);
        v->bad_block = rc == PRL_PARSE_BAD;
        return rc;
    }
    if (s[0] == '&' || s[0] == '~' || (s[0] == '+' && v->vc.in_synset))
        v->bad_block = 0;
    else if (v->bad_block)
        return PRL_PARSE_OK;    /* reported with its header */
    switch (s[0]) {
    case '-':
        return pattern_line(v, ln);
    case '&':
        return synset_header(v, ln);
    case '+':
        if (v->vc.in_synset)
            return synset_phrase(v, ln);
        return verb_line(v, ln);
    case '~':
        return transform_line(v, ln);
    default:
        return verb_line(v, ln);
    }
}

parley_status prl_read_verbs_p2(prl_model *m, const char *file, const char *buf, size_t n)
{
    p2state v;
    memset(&v, 0, sizeof v);
    v.m = m;
    v.buf = buf;
    prl_vec_init(&v.words, sizeof(prl_dword));
    parley_status st = prl_lex_open(&v.lx, m, file, buf, n);
    if (st != PARLEY_OK)
        return st;
    prl_vc_init(&v.vc, m, v.lx.file);
    prl_line ln;
    while (st == PARLEY_OK && prl_lex_next(&v.lx, &ln))
        st = prl_lex_status(m, one_line(&v, &ln));
    if (prl_vc_close_synset(&v.vc) != PRL_PARSE_OK || prl_vc_close_block(&v.vc) != PRL_PARSE_OK)
        st = PARLEY_ENOMEM;
    if (st == PARLEY_OK && v.lx.bad_eof && m->strict)
        st = PARLEY_EDICT;
    if (st == PARLEY_OK && m->arena.failed)
        st = PARLEY_ENOMEM;
    prl_vc_free(&v.vc);
    prl_vec_free(&m->alloc, &v.words);
    prl_lex_close(&v.lx);
    return st;
}
