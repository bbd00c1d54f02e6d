/* irregular.h: lookup in the irregular verb table generated from WordNet's
 * verb.exc (src/dict/irregular.c, made by tools/gen-irregular.sh). Only
 * src/dict/inflect.c should need this; everyone else calls prl_inflect. */
#ifndef PRL_DICT_IRREGULAR_H
#define PRL_DICT_IRREGULAR_H

#include <stddef.h>

/* The inflected forms WordNet lists for `base` (n bytes, upper case, words
 * separated by single spaces; need not be NUL-terminated). Stores up to max
 * pointers to static strings in forms, in byte order, and returns how many
 * forms the table has for base (which may be more than max). Cannot fail. */
unsigned prl_irregular_forms(const char *base, size_t n, const char **forms,
                             unsigned max);

/* Number of (base, form) pairs in the table, for tests. */
unsigned prl_irregular_count(void);

#endif
