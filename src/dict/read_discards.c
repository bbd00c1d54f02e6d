/* read_discards.c: the PETRARCH discard list reader.
 *
 * One phrase per line; a leading '+' makes it a story-level discard (the
 * whole story is dropped), otherwise only the sentence is. PETRARCH matches
 * " PHRASE" as a substring of the upper-cased sentence: the words are
 * consecutive, and the last word is a stem unless it ends with '_'. */
#include <string.h>

#include "lex.h"

static int one_line(prl_lex *lx, const prl_line *ln)
{
    char *s = ln->s;
    int story = 0;
    if (*s == '+') {
        story = 1;
        s = prl_skip_ws(s + 1);
    }
    char *e = s + strlen(s);
    char *br = strchr(s, '[');
    if (br) {
        /* TABARI put discards in the actor file as "PHRASE [###]". */
        char *p = br, *cs, *ce;
        int rc = prl_parse_bracket(lx, ln, &p, &cs, &ce);
        if (rc != PRL_PARSE_OK)
            return rc;
        if (ce - cs != 3 || memcmp(cs, "###", 3) != 0)
            return prl_lex_error(lx, ln, br, "a discard takes no code (only [###] "
                                 "is accepted)");
        p = prl_skip_ws(p);
        if (*p)
            return prl_lex_error(lx, ln, p, "unexpected '%c' after discard code", *p);
        e = br;
    }
    prl_phrase ph;
    int rc = prl_parse_phrase(lx, ln, s, e, PRL_PH_JOIN_ALL | PRL_PH_LAST_STEM, &ph, NULL);
    if (rc != PRL_PARSE_OK)
        return rc;
    prl_discard *d = prl_vec_push(&lx->m->alloc, &lx->m->discards);
    if (!d)
        return PRL_PARSE_NOMEM;
    d->phrase = ph;
    d->story = (uint8_t)story;
    d->at.file = lx->file;
    d->at.line = ln->no;
    return PRL_PARSE_OK;
}

parley_status prl_read_discards(prl_model *m, const char *file, const char *buf, size_t n)
{
    prl_lex lx;
    parley_status st = prl_lex_open(&lx, m, file, buf, n);
    if (st != PARLEY_OK)
        return st;
    prl_line ln;
    while (st == PARLEY_OK && prl_lex_next(&lx, &ln))
        st = prl_lex_status(m, one_line(&lx, &ln));
    if (st == PARLEY_OK && m->arena.failed)
        st = PARLEY_ENOMEM;
    if (st == PARLEY_OK && lx.bad_eof && m->strict)
        st = PARLEY_EDICT;
    prl_lex_close(&lx);
    return st;
}
