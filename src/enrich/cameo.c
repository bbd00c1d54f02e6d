/* cameo.c: CAMEO facts for an event code: parley's short label, the
 * Goldstein value and the quad class (1 verbal cooperation, 2 material
 * cooperation, 3 verbal conflict, 4 material conflict, as GDELT assigns
 * them: roots 01-05, 06-09, 10-14, 15-20). The table and where its facts
 * come from are described in data/cameo/README.md. */
#include <string.h>

#include "cameo.h"

/* Binary search over the sorted static table; the table is read-only, so
 * this is safe from any number of threads. */
const parley_cameo *parley_cameo_lookup(const char *code)
{
    if (!code)
        return NULL;
    size_t lo = 0, hi = prl_cameo_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(code, prl_cameo_table[mid].code);
        if (c == 0)
            return &prl_cameo_table[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}
