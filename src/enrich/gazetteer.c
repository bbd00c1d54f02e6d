/* gazetteer.c: lookups in the generated gazetteer table (gazetteer.h):
 * the name fold (which must match tools/gen-gazetteer.py's), the name hash
 * table, and countries by ISO alpha-3 or CAMEO code. */
#include "enrich/gazetteer.h"

#include <string.h>
#include <utf8proc.h>

#include "text/text.h"

uint32_t prl_gz_hash32(const char *s, size_t n)
{
    uint32_t h = 0x811c9dc5u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x01000193u;
    }
    return h;
}

const prl_gz_key *prl_gz_find(const char *fold, size_t n)
{
    uint32_t h = prl_gz_hash32(fold, n);
    uint32_t mask = prl_gz.n_hash - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t v = prl_gz.hash[i];
        if (v == 0)
            return NULL;
        const prl_gz_key *k = &prl_gz.keys[v - 1];
        if (k->hash == h && k->len == n && memcmp(prl_gz_s(k->str), fold, n) == 0)
            return k;
    }
}

/* Letters without a decomposition to ASCII, as GZ_SPECIAL in the
 * generator (upper case: the token text is already upper case). */
static const char *special(int32_t cp)
{
    switch (cp) {
    case 0x141: case 0x142: return "L";
    case 0xd8: case 0xf8: return "O";
    case 0x110: case 0x111: case 0xd0: case 0xf0: return "D";
    case 0x131: return "I";
    case 0xc6: case 0xe6: return "AE";
    case 0x152: case 0x153: return "OE";
    case 0xdf: case 0x1e9e: return "SS";
    case 0xde: case 0xfe: return "TH";
    case 0x126: case 0x127: return "H";
    default: return NULL;
    }
}

static int put(char *dst, size_t *len, size_t cap, char ch)
{
    if (ch == ' ') {
        /* one space between words, none at the start */
        if (*len == 0 || dst[*len - 1] == ' ')
            return 0;
    }
    if (*len + 1 >= cap)
        return -1;
    dst[(*len)++] = ch;
    return 0;
}

int prl_gz_fold(const char *s, size_t n, char *dst, size_t *len, size_t cap)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        if (p[i] < 0x80) {
            cp = p[i++];
        } else {
            int k = prl_utf8_decode(p + i, n - i, &cp);
            i += (size_t)k;
            if (cp < 0)
                return -1;
            cp = prl_text_fold_cp(cp);
            if (cp == 0)
                continue;
        }
        if (cp < 0x80) {
            char c = (char)cp;
            if (c == '\'' || c == '.' || c == '`')
                continue;
            if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (put(dst, len, cap, ' '))
                    return -1;
                continue;
            }
            if (c >= 'a' && c <= 'z')
                c = (char)(c - 'a' + 'A');
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                return -1;
            if (put(dst, len, cap, c))
                return -1;
            continue;
        }
        const char *sp = special(cp);
        if (sp) {
            for (; *sp; sp++)
                if (put(dst, len, cap, *sp))
                    return -1;
            continue;
        }
        /* Modifier apostrophes (U+02BB, U+02BC, U+00B4) drop like '\''. */
        if (cp == 0x2bb || cp == 0x2bc || cp == 0xb4)
            continue;
        utf8proc_int32_t d[8];
        int bc = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(
            cp, d, 8, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK, &bc);
        if (m <= 0 || m > 8)
            return -1;
        for (utf8proc_ssize_t j = 0; j < m; j++) {
            int32_t e = d[j];
            if (e >= 'a' && e <= 'z')
                e -= 'a' - 'A';
            if (!((e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9')))
                return -1;
            if (put(dst, len, cap, (char)e))
                return -1;
        }
    }
    return 0;
}

uint32_t prl_gz_country_of_code(const char *code)
{
    if (!code || strlen(code) < 3)
        return PRL_GZ_NONE;
    for (uint32_t i = 0; i < prl_gz.n_countries; i++) {
        const prl_gz_country *c = &prl_gz.countries[i];
        if (memcmp(prl_gz_s(c->iso3), code, 3) == 0 ||
            (prl_gz_s(c->cameo)[0] && memcmp(prl_gz_s(c->cameo), code, 3) == 0))
            return i;
    }
    return PRL_GZ_NONE;
}
