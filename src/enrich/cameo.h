/* cameo.h: the CAMEO event code table behind parley_cameo_lookup. The
 * table is generated (tools/gen-cameo.sh) from data/cameo/eventcodes.tsv
 * and compiled in: no file is read at run time. */
#ifndef PRL_CAMEO_H
#define PRL_CAMEO_H

#include <stddef.h>

#include "parley/parley.h"

/* Every CAMEO code, sorted by code in byte order (strcmp). */
extern const parley_cameo prl_cameo_table[];
extern const size_t prl_cameo_count;

#endif
