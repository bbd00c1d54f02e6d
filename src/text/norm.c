/* norm.c: the matching form of words. Text tokens and dictionary entries
 * both pass through prl_text_fold, so "Hamas" in a story and "HAMAS" in a
 * dictionary meet: quotes, dashes and spaces are folded to ASCII, the
 * letters are upper-cased and the result is in NFC. Pure ASCII (most
 * words) takes a table-free fast path; utf8proc is used only for the rest,
 * always into caller buffers, so no allocation happens per word. */
#include <string.h>
#include <utf8proc.h>

#include "text.h"

int32_t prl_text_fold_cp(int32_t cp)
{
    if (cp < 0x80)
        return cp;
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: /* single quotes */
    case 0x2032: case 0x2035: case 0x02BC: case 0xFF07: /* primes, apostrophes */
    case 0x2039: case 0x203A:                           /* single guillemets */
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: /* double quotes */
    case 0x00AB: case 0x00BB: case 0x2033: case 0x2036:
    case 0x301D: case 0x301E: case 0x301F: case 0xFF02:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: /* hyphens, dashes */
    case 0x2014: case 0x2015: case 0x2212: case 0x2E3A:
    case 0x2E3B: case 0xFE58: case 0xFE63: case 0xFF0D:
        return '-';
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: /* spaces */
    case 0x3000:
        return ' ';
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: /* invisible */
    case 0x2060: case 0xFEFF:
        return 0;
    default:
        if (cp >= 0x2000 && cp <= 0x200A)
            return ' ';
        return cp;
    }
}

/* utf8proc calls this on every code point before decomposing: fold, then
 * upper-case (simple case mapping, so one code point stays one). */
static utf8proc_int32_t fold_upper(utf8proc_int32_t cp, void *data)
{
    (void)data;
    cp = prl_text_fold_cp(cp);
    return cp ? utf8proc_toupper(cp) : 0;
}

/* Fallback without NFC: fold and upper-case code point by code point. Also
 * the path for ill-formed input, which utf8proc refuses. */
static size_t fold_simple(const unsigned char *s, size_t n, char *dst, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int len = prl_utf8_decode(s + i, n - i, &cp);
        i += (size_t)len;
        if (cp < 0)
            cp = 0xFFFD;
        cp = fold_upper(cp, NULL);
        if (cp == 0)
            continue;
        if (cp == 0x2026) {
            if (o + 3 >= cap)
                return (size_t)-1;
            memcpy(dst + o, "...", 3);
            o += 3;
            continue;
        }
        if (o + 4 >= cap)
            return (size_t)-1;
        o += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)dst + o);
    }
    if (o >= cap)
        return (size_t)-1;
    dst[o] = 0;
    return o;
}

size_t prl_text_fold(const char *s, size_t n, char *dst, size_t cap,
                     int32_t *scratch, size_t nscratch)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    if (cap == 0)
        return (size_t)-1;
    for (; i < n && u[i] < 0x80; i++) {
        if (i + 1 >= cap)
            return (size_t)-1;
        unsigned char c = u[i];
        dst[i] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    if (i == n) {
        dst[i] = 0;
        return i;
    }
    if (!scratch || nscratch < 2)
        return fold_simple(u, n, dst, cap);
    utf8proc_ssize_t m = utf8proc_decompose_custom(
        u, (utf8proc_ssize_t)n, scratch, (utf8proc_ssize_t)nscratch,
        UTF8PROC_DECOMPOSE | UTF8PROC_STABLE, fold_upper, NULL);
    if (m < 0 || (size_t)m > nscratch)
        return fold_simple(u, n, dst, cap);
    /* Drop the code points folded to 0 before composing, so a removed
     * joiner does not block composition. */
    utf8proc_ssize_t k = 0;
    for (utf8proc_ssize_t j = 0; j < m; j++)
        if (scratch[j])
            scratch[k++] = scratch[j];
    m = utf8proc_normalize_utf32(scratch, k, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (m < 0)
        return fold_simple(u, n, dst, cap);
    size_t o = 0;
    for (utf8proc_ssize_t j = 0; j < m; j++) {
        if (scratch[j] == 0x2026) {
            if (o + 3 >= cap)
                return (size_t)-1;
            memcpy(dst + o, "...", 3);
            o += 3;
            continue;
        }
        if (o + 4 >= cap)
            return (size_t)-1;
        o += (size_t)utf8proc_encode_char(scratch[j], (utf8proc_uint8_t *)dst + o);
    }
    dst[o] = 0;
    return o;
}

static int is_space_cp(int32_t cp)
{
    if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 ||
        cp == 0x2028 || cp == 0x2029)
        return 1;
    return cp >= 0x80 && prl_text_fold_cp(cp) == ' ';
}

const char *prl_text_norm_word(prl_arena *ar, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    /* Collapse white space first, into an arena copy (dictionary entries
     * are few; this path is not hot). */
    char *tmp = prl_arena_alloc(ar, n + 1);
    if (!tmp)
        return NULL;
    size_t t = 0;
    int pending = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int len = prl_utf8_decode(u + i, n - i, &cp);
        if (is_space_cp(cp)) {
            pending = t > 0;
        } else {
            if (pending)
                tmp[t++] = ' ';
            pending = 0;
            memcpy(tmp + t, u + i, (size_t)len);
            t += (size_t)len;
        }
        i += (size_t)len;
    }
    size_t cap = 4 * t + 8;
    char *dst = prl_arena_alloc(ar, cap);
    int32_t *scratch = prl_arena_alloc(ar, cap * sizeof *scratch);
    if (!dst || !scratch)
        return NULL;
    if (prl_text_fold(tmp, t, dst, cap, scratch, cap) == (size_t)-1)
        return NULL;    /* cannot happen: cap is enough */
    return dst;
}
