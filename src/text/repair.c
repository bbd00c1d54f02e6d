/* repair.c: UTF-8 validation and repair. Well-formed text passes through
 * untouched (no copy), so offsets into the repaired text are offsets into
 * the input; ill-formed sequences become U+FFFD in an arena copy.
 *
 * Validation follows Unicode Table 3-7 (no overlongs, no surrogates,
 * nothing above U+10FFFF), and one U+FFFD replaces each maximal subpart of
 * an ill-formed sequence, the practice Unicode recommends and browsers use,
 * so the count of replacements is the same as other tools report. */
#include <string.h>

#include "text.h"

int prl_utf8_decode(const unsigned char *p, size_t n, int32_t *cp)
{
    unsigned b = p[0];
    if (b < 0x80) {
        *cp = (int32_t)b;
        return 1;
    }
    unsigned lo = 0x80, hi = 0xBF;
    int need;
    int32_t c;
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
        c = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        c = b & 0x0F;
        if (b == 0xE0)
            lo = 0xA0;          /* overlong */
        else if (b == 0xED)
            hi = 0x9F;          /* surrogates */
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        c = b & 0x07;
        if (b == 0xF0)
            lo = 0x90;          /* overlong */
        else if (b == 0xF4)
            hi = 0x8F;          /* above U+10FFFF */
    } else {
        *cp = -1;
        return 1;
    }
    for (int i = 1; i <= need; i++) {
        if ((size_t)i >= n || p[i] < lo || p[i] > hi) {
            *cp = -1;
            return i;           /* the maximal subpart ends before p[i] */
        }
        lo = 0x80;
        hi = 0xBF;
        c = (c << 6) | (p[i] & 0x3F);
    }
    *cp = c;
    return need + 1;
}

/* Offset of the first ill-formed byte, or n. ASCII is skipped eight bytes
 * at a time: most news text is nearly all ASCII. */
static size_t first_invalid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        int len = prl_utf8_decode(s + i, n - i, &cp);
        if (cp < 0)
            return i;
        i += (size_t)len;
    }
    return n;
}

parley_status prl_text_repair(prl_arena *ar, const char *in, size_t n,
                              const char **out, size_t *out_n, unsigned *replaced)
{
    const unsigned char *s = (const unsigned char *)in;
    *replaced = 0;
    *out = in;
    *out_n = n;
    if (n > PARLEY_MAX_DOC_BYTES)
        return PARLEY_ETOOBIG;
    size_t bad = first_invalid(s, n);
    if (bad == n)
        return PARLEY_OK;

    /* First pass: the exact size of the copy. */
    size_t size = bad;
    unsigned count = 0;
    for (size_t i = bad; i < n;) {
        int32_t cp;
        int len = prl_utf8_decode(s + i, n - i, &cp);
        if (cp < 0) {
            size += 3;
            count++;
        } else {
            size += (size_t)len;
        }
        i += (size_t)len;
    }
    char *d = prl_arena_alloc(ar, size + 1);
    if (!d)
        return PARLEY_ENOMEM;
    memcpy(d, in, bad);
    size_t o = bad;
    for (size_t i = bad; i < n;) {
        int32_t cp;
        int len = prl_utf8_decode(s + i, n - i, &cp);
        if (cp < 0) {
            memcpy(d + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            memcpy(d + o, s + i, (size_t)len);
            o += (size_t)len;
        }
        i += (size_t)len;
    }
    d[o] = 0;
    *out = d;
    *out_n = o;
    *replaced = count;
    return PARLEY_OK;
}
