/* decompress.c: transparent gzip and zstd decompression under the input
 * readers (see decompress.h).
 *
 * Why zlib and libzstd directly rather than libarchive's filters: the
 * readers need a plain byte stream of any form (JSONL, HTML, WARC), and
 * a damaged archive must not cost the rest of the file. Driving inflate
 * and ZSTD_decompressStream ourselves lets us tell a truncated stream
 * from corrupt data, name the byte offset, and resynchronise at the next
 * gzip member or zstd frame; libarchive stops at the first fatal error.
 * Both handle concatenated members / frames, which is how WARC.gz files
 * are written (one gzip member per record). */
#include "intake/decompress.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#define RAW_SIZE ((size_t)1 << 16)

static const unsigned char gz_magic[3] = {0x1f, 0x8b, 0x08};
static const unsigned char zstd_magic[4] = {0x28, 0xb5, 0x2f, 0xfd};

struct prl_zsrc {
    const prl_alloc *alloc;
    FILE *fp;
    prl_zkind kind;

    /* Compressed (or plain) bytes read ahead from fp. */
    unsigned char *raw;
    size_t pos, len;
    unsigned long long off;     /* file offset of raw[0] */
    int raw_eof, raw_err;

    z_stream zs;                /* gzip */
    int zs_ready, in_member;
    ZSTD_DStream *zd;           /* zstd */
    size_t zret;                /* ZSTD_decompressStream's last hint; 0 = frame done */

    int resync;                 /* skipping to the next member / frame */
    int done;
    unsigned problems;
    char first[200];            /* the first problem */
    char msg[260];
};

static size_t avail(const prl_zsrc *z)
{
    return z->len - z->pos;
}

static unsigned long long where(const prl_zsrc *z)
{
    return z->off + z->pos;
}

/* Keep the unread bytes and read more. */
static void raw_fill(prl_zsrc *z)
{
    if (z->raw_eof)
        return;
    if (z->pos > 0) {
        memmove(z->raw, z->raw + z->pos, z->len - z->pos);
        z->off += z->pos;
        z->len -= z->pos;
        z->pos = 0;
    }
    errno = 0;
    size_t want = RAW_SIZE - z->len;
    size_t got = fread(z->raw + z->len, 1, want, z->fp);
    z->len += got;
    if (got < want) {
        if (ferror(z->fp))
            z->raw_err = errno ? errno : EIO;
        z->raw_eof = 1;
    }
}

static void problem(prl_zsrc *z, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void problem(prl_zsrc *z, const char *fmt, ...)
{
    if (z->problems++ == 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(z->first, sizeof z->first, fmt, ap);
        va_end(ap);
    }
}

/* Skip to the next occurrence of magic; 0 if the input ends first. */
static int seek_magic(prl_zsrc *z, const unsigned char *magic, size_t m)
{
    for (;;) {
        if (avail(z) < m) {
            if (z->raw_eof) {
                z->pos = z->len;
                return 0;
            }
            raw_fill(z);
            continue;
        }
        unsigned char *p = memchr(z->raw + z->pos, magic[0], avail(z));
        if (!p) {
            z->pos = z->len;
            continue;
        }
        z->pos = (size_t)(p - z->raw);
        if (avail(z) < m)
            continue;
        if (memcmp(p, magic, m) == 0) {
            z->resync = 0;
            return 1;
        }
        z->pos++;
    }
}

static voidpf z_alloc(voidpf opaque, uInt items, uInt size)
{
    if (size && items > SIZE_MAX / size)
        return Z_NULL;
    return prl_malloc(opaque, (size_t)items * size);
}

static void z_free(voidpf opaque, voidpf p)
{
    prl_free(opaque, p);
}

static size_t gz_read(prl_zsrc *z, unsigned char *dst, size_t n, int *err)
{
    size_t got = 0;
    while (got < n && !z->done && !z->raw_err) {
        if (z->resync && !seek_magic(z, gz_magic, sizeof gz_magic)) {
            z->done = 1;
            break;
        }
        if (avail(z) < 2 && !z->raw_eof) {
            raw_fill(z);
            continue;
        }
        if (!z->in_member) {
            if (avail(z) == 0) {
                z->done = 1;        /* a clean end between members */
                break;
            }
            if (avail(z) >= 2 && z->raw[z->pos] == 0x1f && z->raw[z->pos + 1] == 0x8b) {
                inflateReset(&z->zs);
                z->in_member = 1;
            } else if (z->raw[z->pos] == 0) {
                z->pos++;           /* zero padding after the last member */
                continue;
            } else {
                problem(z, "data after the end of the gzip stream at byte %llu ignored",
                        where(z));
                z->done = 1;
                break;
            }
        }
        size_t in_n = avail(z), out_n = n - got;
        if (in_n > UINT_MAX)
            in_n = UINT_MAX;
        if (out_n > UINT_MAX)
            out_n = UINT_MAX;
        z->zs.next_in = z->raw + z->pos;
        z->zs.avail_in = (uInt)in_n;
        z->zs.next_out = dst + got;
        z->zs.avail_out = (uInt)out_n;
        int r = inflate(&z->zs, Z_NO_FLUSH);
        size_t used = in_n - z->zs.avail_in, made = out_n - z->zs.avail_out;
        z->pos += used;
        got += made;
        if (r == Z_STREAM_END) {
            z->in_member = 0;
        } else if (r == Z_OK) {
            continue;
        } else if (r == Z_BUF_ERROR) {
            if (avail(z) == 0 && z->raw_eof && made == 0) {
                problem(z, "truncated gzip data: the input ends inside a compressed "
                        "member (at byte %llu)", where(z));
                z->done = 1;
            }
        } else if (r == Z_MEM_ERROR) {
            *err = ENOMEM;
            z->done = 1;
        } else {
            problem(z, "corrupt gzip data at byte %llu (%s); skipped to the next member",
                    where(z), z->zs.msg ? z->zs.msg : "bad data");
            if (used == 0 && avail(z) > 0)
                z->pos++;
            z->in_member = 0;
            z->resync = 1;
        }
    }
    return got;
}

static size_t zstd_read(prl_zsrc *z, unsigned char *dst, size_t n, int *err)
{
    size_t got = 0;
    while (got < n && !z->done && !z->raw_err) {
        if (z->resync) {
            if (!seek_magic(z, zstd_magic, sizeof zstd_magic)) {
                z->done = 1;
                break;
            }
            z->zret = 0;
        }
        if (avail(z) == 0 && !z->raw_eof) {
            raw_fill(z);
            continue;
        }
        if (avail(z) == 0 && z->zret == 0) {
            z->done = 1;            /* a clean end between frames */
            break;
        }
        ZSTD_inBuffer zin = {z->raw + z->pos, avail(z), 0};
        ZSTD_outBuffer zout = {dst + got, n - got, 0};
        size_t r = ZSTD_decompressStream(z->zd, &zout, &zin);
        z->pos += zin.pos;
        got += zout.pos;
        if (ZSTD_isError(r)) {
            if (ZSTD_getErrorCode(r) == ZSTD_error_memory_allocation) {
                *err = ENOMEM;
                z->done = 1;
                break;
            }
            problem(z, "corrupt zstd data at byte %llu (%s); skipped to the next frame",
                    where(z), ZSTD_getErrorName(r));
            ZSTD_DCtx_reset(z->zd, ZSTD_reset_session_only);
            if (zin.pos == 0 && avail(z) > 0)
                z->pos++;
            z->resync = 1;
            continue;
        }
        z->zret = r;
        if (avail(z) == 0 && z->raw_eof && zin.pos == 0 && zout.pos == 0) {
            if (r != 0)
                problem(z, "truncated zstd data: the input ends inside a frame "
                        "(at byte %llu)", where(z));
            z->done = 1;
        }
    }
    return got;
}

static size_t plain_read(prl_zsrc *z, unsigned char *dst, size_t n)
{
    size_t got = 0;
    if (avail(z) > 0) {
        got = avail(z) < n ? avail(z) : n;
        memcpy(dst, z->raw + z->pos, got);
        z->pos += got;
    }
    if (got < n && !z->raw_eof) {
        /* Past the first block: straight from the file, no copy. */
        errno = 0;
        size_t r = fread(dst + got, 1, n - got, z->fp);
        got += r;
        if (got < n) {
            if (ferror(z->fp))
                z->raw_err = errno ? errno : EIO;
            z->raw_eof = 1;
        }
    }
    return got;
}

parley_status prl_zsrc_open(const prl_alloc *a, FILE *fp, prl_zsrc **out)
{
    *out = NULL;
    prl_zsrc *z = prl_calloc(a, sizeof *z);
    if (!z)
        return PARLEY_ENOMEM;
    z->alloc = a;
    z->fp = fp;
    z->raw = prl_malloc(a, RAW_SIZE);
    if (!z->raw) {
        prl_free(a, z);
        return PARLEY_ENOMEM;
    }
    raw_fill(z);
    if (z->len >= 2 && z->raw[0] == gz_magic[0] && z->raw[1] == gz_magic[1]) {
        z->zs.zalloc = z_alloc;
        z->zs.zfree = z_free;
        z->zs.opaque = (voidpf)a;
        /* 16 + MAX_WBITS: gzip wrapper only, the largest window. */
        if (inflateInit2(&z->zs, 16 + MAX_WBITS) != Z_OK) {
            prl_zsrc_free(z);
            return PARLEY_ENOMEM;
        }
        z->zs_ready = 1;
        z->kind = PRL_Z_GZIP;
    } else if (z->len >= 4 && memcmp(z->raw, zstd_magic, 4) == 0) {
        z->zd = ZSTD_createDStream();
        if (!z->zd) {
            prl_zsrc_free(z);
            return PARLEY_ENOMEM;
        }
        z->kind = PRL_Z_ZSTD;
    }
    *out = z;
    return PARLEY_OK;
}

size_t prl_zsrc_read(prl_zsrc *z, void *dst, size_t n, int *eof, int *err)
{
    size_t got;
    int e = 0;
    switch (z->kind) {
    case PRL_Z_GZIP: got = gz_read(z, dst, n, &e); break;
    case PRL_Z_ZSTD: got = zstd_read(z, dst, n, &e); break;
    default: got = plain_read(z, dst, n); break;
    }
    if (z->raw_err)
        e = z->raw_err;
    if (e)
        *err = e;
    else if (got < n)
        *eof = 1;
    return got;
}

prl_zkind prl_zsrc_kind(const prl_zsrc *z)
{
    return z ? z->kind : PRL_Z_NONE;
}

const char *prl_zsrc_error(prl_zsrc *z)
{
    if (!z || z->problems == 0)
        return NULL;
    if (z->problems == 1)
        return z->first;
    snprintf(z->msg, sizeof z->msg, "%s (and %u more damaged places)", z->first,
             z->problems - 1);
    return z->msg;
}

void prl_zsrc_free(prl_zsrc *z)
{
    if (!z)
        return;
    if (z->zs_ready)
        inflateEnd(&z->zs);
    ZSTD_freeDStream(z->zd);
    prl_free(z->alloc, z->raw);
    prl_free(z->alloc, z);
}
