#include "sink/store.h"
parley_status prl_store_pg_open(const char *url, prl_store **out, char *err, size_t errlen)
{ (void)url; *out = NULL; snprintf(err, errlen, "PostgreSQL: not yet"); return PARLEY_EIO; }
