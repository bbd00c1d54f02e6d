/* guess.c: tell which kind of dictionary a file is, for PARLEY_DICT_AUTO.
 *
 * The file name decides first (case-insensitive): "CAMEO.2.0" is
 * PETRARCH2 verbs; a name containing "verb", "actor", "agent", "discard"
 * or "issue" gives that kind, except that a "verb" file whose patterns use
 * PETRARCH2's ( ) or { } groups, or that has "~ " transformation lines, is
 * PETRARCH2. Otherwise the content decides; PARLEY_DICT_AUTO is returned
 * when it cannot. */
#include <string.h>

#include "model.h"

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int icontains(const char *s, const char *needle)
{
    size_t nl = strlen(needle);
    for (; *s; s++) {
        size_t i = 0;
        while (i < nl && s[i] && lower((unsigned char)s[i]) == needle[i])
            i++;
        if (i == nl)
            return 1;
    }
    return 0;
}

typedef struct features {
    unsigned p2;            /* PETRARCH2 pattern groups or transformations */
    unsigned blocks;        /* "---" verb block headers */
    unsigned synsets;       /* "&NAME" lines */
    unsigned issues;        /* "<ISSUE" tags */
    unsigned agents;        /* "[~" / "~]" codes, "!X! =" sets */
    unsigned brackets;      /* lines with a [code] */
} features;

static void scan(const char *buf, size_t n, features *f)
{
    memset(f, 0, sizeof *f);
    const char *p = buf, *end = buf + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *s = p;
        while (s < le && (*s == ' ' || *s == '\t'))
            s++;
        const char *ce = s;                    /* content end: '#' or eol */
        while (ce < le && *ce != '#')
            ce++;
        if (s < ce) {
            if (ce - s >= 3 && memcmp(s, "---", 3) == 0)
                f->blocks++;
            else if (*s == '&')
                f->synsets++;
            else if (*s == '~' && ce - s >= 2 && s[1] == ' ')
                f->p2++;
            else if (*s == '<' && ce - s >= 6) {
                int i = 1;
                while (i < 6 && lower((unsigned char)s[i]) == "<issue"[i])
                    i++;
                f->issues += i == 6;
            }
            if (*s == '-' && ce - s >= 2 && s[1] == ' ') {
                for (const char *q = s; q < ce; q++)
                    if (*q == '(' || *q == '{') {
                        f->p2++;
                        break;
                    }
            }
            if (*s == '!')
                f->agents++;
            for (const char *q = s; q < ce; q++) {
                if (*q == '[') {
                    f->brackets++;
                    if (q + 1 < ce && q[1] == '~')
                        f->agents++;
                    break;
                }
            }
            for (const char *q = s; q + 1 < ce; q++)
                if (q[0] == '~' && q[1] == ']') {
                    f->agents++;
                    break;
                }
        }
        p = nl ? nl + 1 : end;
    }
}

parley_dict_kind prl_dict_guess_kind(const char *file, const char *buf, size_t n)
{
    features f;
    scan(buf ? buf : "", buf ? n : 0, &f);
    if (file) {
        const char *base = file;
        for (const char *s = file; *s; s++)
            if (*s == '/' || *s == '\\')
                base = s + 1;
        if (icontains(base, "cameo.2.0"))
            return PARLEY_DICT_VERBS_P2;
        if (icontains(base, "verb"))
            return f.p2 ? PARLEY_DICT_VERBS_P2 : PARLEY_DICT_VERBS;
        if (icontains(base, "actor"))
            return PARLEY_DICT_ACTORS;
        if (icontains(base, "agent"))
            return PARLEY_DICT_AGENTS;
        if (icontains(base, "discard"))
            return PARLEY_DICT_DISCARDS;
        if (icontains(base, "issue"))
            return PARLEY_DICT_ISSUES;
    }
    if (f.issues)
        return PARLEY_DICT_ISSUES;
    if (f.blocks || f.synsets)
        return f.p2 ? PARLEY_DICT_VERBS_P2 : PARLEY_DICT_VERBS;
    if (f.agents)
        return PARLEY_DICT_AGENTS;
    if (f.brackets)
        return PARLEY_DICT_ACTORS;
    return PARLEY_DICT_AUTO;
}
