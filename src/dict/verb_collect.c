/* verb_collect.c: a verb block's forms and patterns and a synset's phrases
 * as a reader gathers them (see verb_collect.h). */
#include <string.h>

#include "verb_collect.h"

void prl_vc_init(prl_vcollect *c, prl_model *m, const char *file)
{
    memset(c, 0, sizeof *c);
    c->m = m;
    c->file = file;
    prl_vec_init(&c->forms, sizeof(prl_verb_form));
    prl_vec_init(&c->patterns, sizeof(prl_pattern));
    prl_vec_init(&c->sphrases, sizeof(prl_phrase));
}

void prl_vc_free(prl_vcollect *c)
{
    prl_vec_free(&c->m->alloc, &c->forms);
    prl_vec_free(&c->m->alloc, &c->patterns);
    prl_vec_free(&c->m->alloc, &c->sphrases);
}

prl_verb_block *prl_vc_block(prl_vcollect *c)
{
    return &PRL_VEC_AT(&c->m->verbs, prl_verb_block, c->block);
}

int prl_vc_open_block(prl_vcollect *c, unsigned line, const char *name,
                      const prl_vcode *code)
{
    int rc = prl_vc_close_block(c);
    if (rc != PRL_PARSE_OK)
        return rc;
    prl_verb_block *b = prl_vec_push(&c->m->alloc, &c->m->verbs);
    if (!b)
        return PRL_PARSE_NOMEM;
    b->name = name;
    b->code = *code;
    b->at.file = c->file;
    b->at.line = line;
    c->block = c->m->verbs.len - 1;
    c->have_block = 1;
    return PRL_PARSE_OK;
}

int prl_vc_close_block(prl_vcollect *c)
{
    if (!c->have_block)
        return PRL_PARSE_OK;
    prl_verb_block *b = prl_vc_block(c);
    void *f, *p;
    int rc = prl_lex_copy_out(c->m, &c->forms, &f, &b->n_forms);
    if (rc == PRL_PARSE_OK)
        rc = prl_lex_copy_out(c->m, &c->patterns, &p, &b->n_patterns);
    if (rc != PRL_PARSE_OK)
        return rc;
    b->forms = f;
    b->patterns = p;
    c->have_block = 0;
    return PRL_PARSE_OK;
}

int prl_vc_close_synset(prl_vcollect *c)
{
    if (!c->in_synset)
        return PRL_PARSE_OK;
    c->in_synset = 0;
    return prl_lex_synset_append(c->m, c->synset, &c->sphrases);
}

prl_verb_form *prl_vc_push_form(prl_vcollect *c, unsigned line, const prl_phrase *ph,
                                uint8_t head, const char *base, const prl_vcode *code,
                                int generated)
{
    prl_verb_form *f = prl_vec_push(&c->m->alloc, &c->forms);
    if (!f)
        return NULL;
    f->words = *ph;
    f->head = head;
    f->base = base;
    f->code = *code;
    f->generated = (uint8_t)generated;
    f->at.file = c->file;
    f->at.line = line;
    return f;
}
