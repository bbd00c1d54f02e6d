/* fuzz_dict.c: libFuzzer target for the dictionary readers. The first
 * byte picks the reader (low 3 bits), TABARI stems (0x80, through the file
 * name) and strict mode (0x40); the rest is the file. After reading, the
 * target checks the model's promises and aborts (a finding) when one
 * breaks: every phrase non-empty with a last word not joined, word texts
 * present, synset indices in range, one '*' per PETRARCH-1 pattern, codes
 * present, dates ordered, and errors never above the diagnostics sent. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dict/model.h"

static void check(int ok)
{
    if (!ok)
        abort();
}

static void check_phrase(const prl_model *m, const prl_phrase *p)
{
    check(p->n > 0 && p->w != NULL);
    check(!p->w[p->n - 1].joined);
    for (uint32_t i = 0; i < p->n; i++) {
        const prl_dword *w = &p->w[i];
        if (w->kind == PRL_W_WORD)
            check(w->text != NULL && w->text[0] != 0);
        else if (w->kind == PRL_W_SYNSET)
            check(w->synset < m->synsets.len);
        else
            check(w->kind <= PRL_W_PP_CLOSE && !w->stem);
    }
}

static void check_model(const prl_model *m, int p1)
{
    for (size_t i = 0; i < m->synsets.len; i++) {
        const prl_synset *s = &PRL_VEC_AT(&m->synsets, prl_synset, i);
        check(s->name != NULL);
        for (uint32_t k = 0; k < s->n_phrases; k++)
            check_phrase(m, &s->phrases[k]);
    }
    for (size_t i = 0; i < m->verbs.len; i++) {
        const prl_verb_block *b = &PRL_VEC_AT(&m->verbs, prl_verb_block, i);
        check(b->name != NULL && b->code.code != NULL);
        for (uint32_t k = 0; k < b->n_forms; k++) {
            const prl_verb_form *f = &b->forms[k];
            check_phrase(m, &f->words);
            check(f->head < f->words.n && f->code.code != NULL && f->base != NULL);
        }
        for (uint32_t k = 0; k < b->n_patterns; k++) {
            const prl_pattern *p = &b->patterns[k];
            check_phrase(m, &p->words);
            check(p->code.code != NULL);
            unsigned verbs = 0;
            for (uint32_t j = 0; j < p->words.n; j++)
                verbs += p->words.w[j].kind == PRL_W_VERB;
            check(!p1 || verbs == 1);
        }
    }
    for (size_t i = 0; i < m->actors.len; i++) {
        const prl_actor *a = &PRL_VEC_AT(&m->actors, prl_actor, i);
        check(a->n_names > 0);
        for (uint32_t k = 0; k < a->n_names; k++)
            check_phrase(m, &a->names[k]);
        for (uint32_t k = 0; k < a->n_codes; k++) {
            const prl_dated_code *c = &a->codes[k];
            check(c->code != NULL && c->code[0] != 0);
            check(c->from == 0 || (c->from >= 10000101 && c->from <= 99991231));
            check(c->to == 0 || (c->to >= 10000101 && c->to <= 99991231));
            check(c->to == 0 || c->from <= c->to);
        }
    }
    for (size_t i = 0; i < m->agents.len; i++) {
        const prl_agent *a = &PRL_VEC_AT(&m->agents, prl_agent, i);
        check(a->n_names > 0 && a->code != NULL && a->code[0] != 0);
        check(a->pos <= PRL_AGENT_PREFIX);
        for (uint32_t k = 0; k < a->n_names; k++)
            check_phrase(m, &a->names[k]);
    }
    for (size_t i = 0; i < m->discards.len; i++)
        check_phrase(m, &PRL_VEC_AT(&m->discards, prl_discard, i).phrase);
    for (size_t i = 0; i < m->issues.len; i++) {
        const prl_issue *is = &PRL_VEC_AT(&m->issues, prl_issue, i);
        check_phrase(m, &is->phrase);
        check(is->ignore <= 2 && (is->ignore || is->code != NULL));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static parley_status (*const readers[])(prl_model *, const char *, const char *, size_t) = {
        prl_read_verbs_p1, prl_read_actors, prl_read_agents,
        prl_read_discards, prl_read_issues, prl_read_verbs_p2,
    };
    unsigned pick = data[0] & 7u;
    if (pick >= sizeof readers / sizeof readers[0])
        pick = 0;
    const char *name = (data[0] & 0x80) ? "PETR.Validate.fuzz.txt" : "fuzz.txt";
    prl_diag d = { NULL, NULL, 0 };
    prl_model m;
    prl_model_init(&m, NULL, &d);
    m.strict = (data[0] & 0x40) != 0;
    parley_status st = readers[pick](&m, name, (const char *)data + 1, size - 1);
    check(st == PARLEY_OK || (st == PARLEY_EDICT && m.strict && m.errors > 0));
    check(m.errors <= d.count);
    check_model(&m, readers[pick] == prl_read_verbs_p1);
    prl_model_free(&m);
    return 0;
}
