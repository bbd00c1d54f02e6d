/* actorcode.h: split a CAMEO actor code ("USAGOV", "PSEREBHMS") into the
 * parts GDELT gives their own columns: country, known group, ethnic group,
 * religion 1-2 and type 1-3. The code tables are compiled in (actorcode.c)
 * from data/cameo/{country,knowngroup,ethnic,religion,type}.txt. */
#ifndef PRL_ACTORCODE_H
#define PRL_ACTORCODE_H

#include <stddef.h>

/* Each part is a NUL-terminated 3-character code, or "" when absent. */
typedef struct prl_actor_parts {
    char country[4];
    char knowngroup[4];
    char ethnic[4];         /* lower case, as GDELT writes it ("kur") */
    char religion[2][4];
    char type[3][4];
} prl_actor_parts;

/* Split code (may be NULL or empty: every part empty). Never fails; an
 * element no table knows is left out. See docs/store.md for the rule. */
void prl_actor_split(const char *code, prl_actor_parts *out);

/* The tables, for tests: PRL_ACTOR_COUNTRY .. PRL_ACTOR_TYPE. Each table
 * is sorted by strcasecmp order. */
enum { PRL_ACTOR_COUNTRY, PRL_ACTOR_KNOWNGROUP, PRL_ACTOR_ETHNIC,
       PRL_ACTOR_RELIGION, PRL_ACTOR_TYPE, PRL_ACTOR_TABLES };
const char *const *prl_actor_table(int which, size_t *n);

/* The table's own spelling of a code (case-insensitive lookup), or NULL. */
const char *prl_actor_lookup(int which, const char *code3);

#endif
