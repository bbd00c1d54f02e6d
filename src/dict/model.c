/* model.c: life cycle of the dictionary model that the readers fill, and
 * the synset table that verb readers share (patterns may name a synset
 * before the file defines it, so lookup creates on first use). */
#include <string.h>

#include "model.h"

void prl_model_init(prl_model *m, const prl_alloc *a, prl_diag *d)
{
    memset(m, 0, sizeof *m);
    m->alloc = a && a->fn ? *a : prl_default_alloc;
    /* The arena keeps a pointer to m->alloc: the model must not move. */
    prl_arena_init(&m->arena, &m->alloc);
    m->diag = d;
    prl_vec_init(&m->actors, sizeof(prl_actor));
    prl_vec_init(&m->agents, sizeof(prl_agent));
    prl_vec_init(&m->discards, sizeof(prl_discard));
    prl_vec_init(&m->issues, sizeof(prl_issue));
    prl_vec_init(&m->synsets, sizeof(prl_synset));
    prl_vec_init(&m->verbs, sizeof(prl_verb_block));
    prl_vec_init(&m->transforms, sizeof(prl_transform));
}

void prl_model_free(prl_model *m)
{
    if (!m)
        return;
    prl_vec_free(&m->alloc, &m->actors);
    prl_vec_free(&m->alloc, &m->agents);
    prl_vec_free(&m->alloc, &m->discards);
    prl_vec_free(&m->alloc, &m->issues);
    prl_vec_free(&m->alloc, &m->synsets);
    prl_vec_free(&m->alloc, &m->verbs);
    prl_vec_free(&m->alloc, &m->transforms);
    prl_arena_free(&m->arena);
}

/* Linear search: dictionaries have tens of synsets, not thousands. The
 * name is stored without '&' and without the TABARI trailing '_'. */
uint32_t prl_model_synset(prl_model *m, const char *name)
{
    size_t n = strlen(name);
    while (n > 0 && name[n - 1] == '_')
        n--;
    prl_synset *ss = m->synsets.data;
    for (size_t i = 0; i < m->synsets.len; i++)
        if (strlen(ss[i].name) == n && memcmp(ss[i].name, name, n) == 0)
            return (uint32_t)i;
    if (m->synsets.len >= UINT32_MAX - 1)
        return UINT32_MAX;
    const char *copy = prl_arena_strndup(&m->arena, name, n);
    if (!copy)
        return UINT32_MAX;
    prl_synset *s = prl_vec_push(&m->alloc, &m->synsets);
    if (!s)
        return UINT32_MAX;
    s->name = copy;
    return (uint32_t)(m->synsets.len - 1);
}
