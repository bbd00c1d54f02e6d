/* verb_collect.h: what a verb dictionary reader gathers while it reads a
 * verb block (its forms and patterns) or a synset (its phrases), and moves
 * into the model when the block or synset ends. Shared by the PETRARCH-1 /
 * TABARI reader (read_verbs_p1.c) and the PETRARCH2 one (read_verbs_p2.c). */
#ifndef PRL_DICT_VERB_COLLECT_H
#define PRL_DICT_VERB_COLLECT_H

#include "lex.h"

typedef struct prl_vcollect {
    prl_model *m;
    const char *file;       /* the file being read (lex's copy) */
    int have_block;
    size_t block;           /* index in m->verbs of the open block */
    prl_vec forms;          /* prl_verb_form of the open block */
    prl_vec patterns;       /* prl_pattern of the open block */
    int in_synset;          /* '+' lines belong to synset `synset` */
    uint32_t synset;
    prl_vec sphrases;       /* prl_phrase of the synset being defined */
} prl_vcollect;

void prl_vc_init(prl_vcollect *c, prl_model *m, const char *file);
/* Frees the scratch vectors; what was moved into the model stays. */
void prl_vc_free(prl_vcollect *c);

/* The open block; only while have_block. */
prl_verb_block *prl_vc_block(prl_vcollect *c);
/* Close the open block (if any) and open a new one named `name`. */
int prl_vc_open_block(prl_vcollect *c, unsigned line, const char *name,
                      const prl_vcode *code);
/* Move the open block's forms and patterns into the model's arena. */
int prl_vc_close_block(prl_vcollect *c);
/* Append the phrases collected for the open synset to it; a label may be
 * defined again (here or in another file) and then grows. */
int prl_vc_close_synset(prl_vcollect *c);
/* A form of the open block, read at `line`; NULL when out of memory. */
prl_verb_form *prl_vc_push_form(prl_vcollect *c, unsigned line, const prl_phrase *ph,
                                uint8_t head, const char *base, const prl_vcode *code,
                                int generated);

#endif
