/* decompress.h: the byte source under every input reader. It reads the
 * input's first bytes; when they are a gzip (1f 8b) or zstd (28 b5 2f fd)
 * magic number it decompresses transparently, otherwise it passes the
 * bytes through. Readers never see the difference (intake.c's refill
 * reads from here), so every form can be compressed.
 *
 * Damage never crashes and never hides: a truncated stream ends the data
 * where the damage starts; corrupt data inside a stream is skipped up to
 * the next gzip member or zstd frame (a WARC.gz holds one record per
 * member, so one damaged record costs only that record). Either way
 * prl_zsrc_error then names what happened, and intake.c reports it as a
 * failure of the input once its readers have taken every good record. */
#ifndef PRL_DECOMPRESS_H
#define PRL_DECOMPRESS_H

#include <stdio.h>

#include "../prl.h"

typedef enum prl_zkind {
    PRL_Z_NONE = 0,
    PRL_Z_GZIP,
    PRL_Z_ZSTD
} prl_zkind;

typedef struct prl_zsrc prl_zsrc;

/* Read the first bytes of fp and choose: gzip, zstd or plain. PARLEY_OK
 * and *out (free with prl_zsrc_free), or PARLEY_ENOMEM. A read error
 * shows up at the first prl_zsrc_read. */
parley_status prl_zsrc_open(const prl_alloc *a, FILE *fp, prl_zsrc **out);

/* Read up to n bytes of (decompressed) data into dst. Returns fewer than n
 * only at the end of the data, with *eof set, or on a read error of fp,
 * with *err set to the errno value. */
size_t prl_zsrc_read(prl_zsrc *z, void *dst, size_t n, int *eof, int *err);

prl_zkind prl_zsrc_kind(const prl_zsrc *z);

/* What was wrong with the compressed data ("truncated gzip data ..."), or
 * NULL when nothing was. Owned by z. */
const char *prl_zsrc_error(prl_zsrc *z);

void prl_zsrc_free(prl_zsrc *z);

#endif
