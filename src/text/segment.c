/* segment.c: sentences and tokens. Two passes over the text:
 *
 * 1. The lexer cuts the text into tokens, records what separates each from
 *    the one before (space, line break, blank line) and builds its matching
 *    form. ASCII goes through a 128-entry class table; utf8proc is consulted
 *    only for non-ASCII code points. Tokens and their norm strings are
 *    bump-allocated from the document arena: no allocation per token.
 * 2. The sentence pass walks the tokens once and places boundaries, which
 *    needs a token of look-ahead (the case of the next word, closing quotes)
 *    and, at line starts, a short look-ahead for datelines.
 *
 * The rules, and why each is as it is, are listed in text.h and at the
 * functions below. Everything is linear in the text size: look-ahead is
 * bounded, and no rule rescans. */
#include <string.h>
#include <utf8proc.h>

#include "text.h"

/* Character classes. */
enum {
    C_SP,       /* white space, controls, invisible format characters, and
                   '_': text joins words with it the way dictionaries do
                   ("Dol_Amroth" is DOL AMROTH, as the entry DOL_AMROTH) */
    C_NL,       /* line break */
    C_CR,       /* '\r': a line break unless "\r\n" */
    C_PARA,     /* U+2029 paragraph separator: a blank line */
    C_UP,       /* upper-case letter */
    C_LO,       /* lower-case letter */
    C_LET,      /* letter without case, other numbers */
    C_DG,       /* decimal digit */
    C_MARK,     /* combining mark: continues a word */
    C_IGN,      /* soft hyphen, joiners: inside words, dropped from norm */
    C_DOT,
    C_EXCL,     /* ! ? */
    C_APOS,     /* ' U+2019: apostrophe, closing quote or possessive */
    C_SQ,       /* ` U+2018 and other single quotes: only quotes */
    C_DQ,       /* " and every double quote */
    C_HYPH,     /* - U+2010 U+2011: can join words */
    C_DASH,     /* en, em, minus...: never inside a word */
    C_ELL,      /* U+2026 */
    C_COMMA,
    C_COLON,
    C_SLASH,
    C_JOIN,     /* @ & : inside a word between letters or digits */
    C_OPEN,     /* ( [ { */
    C_CLOSE,    /* ) ] } */
    C_OTHER     /* any other punctuation or symbol, one per token */
};

#define X C_OTHER
static const uint8_t ascii_class[128] = {
    /* 00 */ C_SP, C_SP, C_SP, C_SP, C_SP, C_SP, C_SP, C_SP,
    /* 08 */ C_SP, C_SP, C_NL, C_SP, C_SP, C_CR, C_SP, C_SP,
    /* 10 */ C_SP, C_SP, C_SP, C_SP, C_SP, C_SP, C_SP, C_SP,
    /* 18 */ C_SP, C_SP, C_SP, C_SP, C_SP, C_SP, C_SP, C_SP,
    /* 20 */ C_SP, C_EXCL, C_DQ, X, X, X, C_JOIN, C_APOS,
    /* 28 */ C_OPEN, C_CLOSE, X, X, C_COMMA, C_HYPH, C_DOT, C_SLASH,
    /* 30 */ C_DG, C_DG, C_DG, C_DG, C_DG, C_DG, C_DG, C_DG,
    /* 38 */ C_DG, C_DG, C_COLON, X, X, X, X, C_EXCL,
    /* 40 */ C_JOIN, C_UP, C_UP, C_UP, C_UP, C_UP, C_UP, C_UP,
    /* 48 */ C_UP, C_UP, C_UP, C_UP, C_UP, C_UP, C_UP, C_UP,
    /* 50 */ C_UP, C_UP, C_UP, C_UP, C_UP, C_UP, C_UP, C_UP,
    /* 58 */ C_UP, C_UP, C_UP, C_OPEN, X, C_CLOSE, X, C_SP,
    /* 60 */ C_SQ, C_LO, C_LO, C_LO, C_LO, C_LO, C_LO, C_LO,
    /* 68 */ C_LO, C_LO, C_LO, C_LO, C_LO, C_LO, C_LO, C_LO,
    /* 70 */ C_LO, C_LO, C_LO, C_LO, C_LO, C_LO, C_LO, C_LO,
    /* 78 */ C_LO, C_LO, C_LO, C_OPEN, X, C_CLOSE, X, C_SP,
};
#undef X

/* Class of a non-ASCII code point (cp < 0: ill-formed byte). */
static int uclass(int32_t cp)
{
    if (cp < 0)
        return C_OTHER;
    switch (cp) {
    case 0x2019: case 0x02BC: case 0x2032: case 0xFF07:
        return C_APOS;
    case 0x2010: case 0x2011:
        return C_HYPH;
    case 0x2026:
        return C_ELL;
    case 0x0085: case 0x2028:
        return C_NL;
    case 0x2029:
        return C_PARA;
    case 0x200B: case 0xFEFF:
        return C_SP;
    case 0x00AD: case 0x200C: case 0x200D: case 0x2060:
        return C_IGN;
    default:
        break;
    }
    switch (prl_text_fold_cp(cp)) {
    case '\'': return C_SQ;
    case '"': return C_DQ;
    case '-': return C_DASH;
    case ' ': return C_SP;
    default: break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return C_UP;
    case UTF8PROC_CATEGORY_LL:
        return C_LO;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return C_LET;
    case UTF8PROC_CATEGORY_ND:
        return C_DG;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return C_MARK;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
        return C_SP;
    case UTF8PROC_CATEGORY_ZL:
        return C_NL;
    case UTF8PROC_CATEGORY_ZP:
        return C_PARA;
    case UTF8PROC_CATEGORY_CF:
        return C_IGN;   /* bidi marks and the like */
    default:
        return C_OTHER;
    }
}

/* Class of the character at p (p < e); *len gets its byte length. */
static inline int class_at(const uint8_t *p, const uint8_t *e, int *len)
{
    if (*p < 0x80) {
        *len = 1;
        return ascii_class[*p];
    }
    int32_t cp;
    *len = prl_utf8_decode(p, (size_t)(e - p), &cp);
    return uclass(cp);
}

/* Class of one byte, for look-ahead at a byte that may not be ASCII. */
static inline int byte_class(uint8_t b)
{
    return b < 0x80 ? ascii_class[b] : C_OTHER;
}

static inline int is_wordch(int c)
{
    return c >= C_UP && c <= C_IGN;
}

static inline int is_alnum(int c)
{
    return c >= C_UP && c <= C_DG;
}

/* PRL_TF_MARKS when norm s[0..n) has an ASCII byte that is no letter or
 * digit. */
static uint8_t marks_of(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t b = (uint8_t)s[i];
        if (b < 0x80 && !is_alnum(ascii_class[b]))
            return PRL_TF_MARKS;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Fixed word lists. Short and rarely consulted (only before a '.' or at
 * a possible sentence end), so a linear scan is fine. */

/* Abbreviations whose '.' belongs to the word. Titles come first: they
 * precede a name and never end a sentence. The others may end one (see
 * opener_word). All need a capital first letter except the lower-case
 * ones, which match in any case ("vs.", "etc."). */
static const char *const titles[] = {
    "MR", "MRS", "MS", "MESSRS", "DR", "GEN", "GENS", "COL", "LT", "SGT",
    "CAPT", "CMDR", "MAJ", "ADM", "BRIG", "GOV", "SEN", "REP", "REV", "PROF",
    "PRES", "HON", "AMB", "SUPT", "ATTY", "CPL", "PVT", "vs", NULL
};
static const char *const abbrevs[] = {
    "INC", "CORP", "LTD", "CO", "BROS", "JR", "SR", "ST", "MT", "FT", "NO",
    "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT",
    "NOV", "DEC", "DEPT", "UNIV", "ASSN", "AVE", "BLVD",
    "ALA", "ARIZ", "ARK", "CALIF", "COLO", "CONN", "FLA", "GA", "KAN", "KY",
    "MD", "MICH", "MINN", "MONT", "NEB", "NEV", "OKLA", "ORE", "PA", "TENN",
    "TEX", "VT", "WIS", "WYO",
    "etc", "approx", "est", "cf", "al", NULL
};

/* Does word w[0..n) (ASCII letters) match an entry of list? */
static int in_list(const char *const *list, const uint8_t *w, size_t n)
{
    int cap = w[0] >= 'A' && w[0] <= 'Z';
    for (; *list; list++) {
        const char *e = *list;
        int any_case = e[0] >= 'a';
        if (((unsigned char)e[0] & ~0x20u) != (w[0] & ~0x20u) ||
            strlen(e) != n || (!any_case && !cap))
            continue;
        size_t i = 0;
        for (; i < n; i++) {
            unsigned c = w[i] & ~0x20u;     /* ASCII upper case */
            unsigned d = (unsigned char)e[i] & ~0x20u;
            if (c != d)
                break;
        }
        if (i == n)
            return 1;
    }
    return 0;
}

/* Capitalized function words that typically open a sentence: after an
 * abbreviation that can end a sentence ("U.S.", "Inc.", an initial) or an
 * ellipsis, one of these means a new sentence. A name or noun ("the U.S.
 * Army", "George W. Bush") does not. Compared with the token's norm. */
static const char *const openers[] = {
    "THE", "A", "AN", "HE", "SHE", "IT", "THEY", "WE", "I", "YOU", "THIS",
    "THAT", "THESE", "THOSE", "THERE", "HIS", "HER", "ITS", "THEIR", "OUR",
    "MY", "BUT", "AND", "OR", "SO", "YET", "IN", "ON", "AT", "BY", "FOR",
    "FROM", "WITH", "AFTER", "BEFORE", "WHEN", "WHILE", "IF", "AS", "ALSO",
    "HOWEVER", "MEANWHILE", "THEN", "SOME", "MANY", "MOST", "ALL", "BOTH",
    "EACH", "WHAT", "WHO", "WHERE", "WHY", "HOW", "ONE", NULL
};

/* After "a.m." or "p.m.", a capitalized word starts a sentence unless it
 * goes on telling the time ("5 p.m. Monday", "6 a.m. EST"). */
static const char *const time_words[] = {
    "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
    "SUNDAY", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY",
    "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "EASTERN",
    "CENTRAL", "MOUNTAIN", "PACIFIC", "LOCAL", "GMT", "UTC", "BST", "CET",
    "CEST", "EET", "EEST", "MSK", "IST", "JST", "KST", "AEST", "AEDT", "ET",
    "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT",
    NULL
};

static int in_norms(const char *const *list, const char *norm)
{
    for (; *list; list++)
        if (strcmp(*list, norm) == 0)
            return 1;
    return 0;
}

static int time_of_day(const prl_token *t)
{
    return strcmp(t->norm, "A.M.") == 0 || strcmp(t->norm, "P.M.") == 0;
}

static int opener_word(const prl_token *t)
{
    if (t->kind != PRL_T_WORD || !(t->flags & PRL_TF_CAP) || t->len > 9)
        return 0;
    return in_norms(openers, t->norm);
}

/* ------------------------------------------------------------------ */
/* Pass 1: the lexer. */

typedef struct lexer {
    prl_arena *ar;
    const uint8_t *text, *end;
    prl_token *tok;
    uint32_t n, cap;
    char *pool;             /* norm strings: bump space in the arena */
    size_t pool_left;
    int32_t *scratch;       /* code points for non-ASCII folding */
} lexer;

#define SCRATCH_N (4 * PRL_TOKEN_MAX + 16)
#define POOL_CHUNK 65536u

static prl_token *new_token(lexer *L)
{
    if (L->n == L->cap) {
        /* Arenas do not realloc: copy into a block twice the size. The
         * old block is wasted, at most as much again as the final array. */
        uint32_t cap = L->cap * 2;
        prl_token *t = prl_arena_alloc(L->ar, (size_t)cap * sizeof *t);
        if (!t)
            return NULL;
        memcpy(t, L->tok, (size_t)L->n * sizeof *t);
        L->tok = t;
        L->cap = cap;
    }
    return &L->tok[L->n++];
}

static char *pool_reserve(lexer *L, size_t need)
{
    if (L->pool_left < need) {
        size_t size = need > POOL_CHUNK ? need : POOL_CHUNK;
        char *p = prl_arena_alloc(L->ar, size);
        if (!p)
            return NULL;
        L->pool = p;
        L->pool_left = size;
    }
    return L->pool;
}

/* Emit a token whose norm is a fixed string. */
static prl_token *emit_fixed(lexer *L, const uint8_t *s, const uint8_t *e,
                             int kind, const char *norm, uint8_t space)
{
    prl_token *t = new_token(L);
    if (!t)
        return NULL;
    t->start = (uint32_t)(s - L->text);
    t->end = (uint32_t)(e - L->text);
    t->norm = norm;
    t->len = (uint16_t)(norm[0] && norm[1] ? strlen(norm) : norm[0] != 0);
    t->kind = (uint8_t)kind;
    t->flags = marks_of(norm, t->len);
    t->space = space;
    return t;
}

/* Flags of a non-ASCII word, from its code points. */
static uint8_t uflags(const uint8_t *s, const uint8_t *e)
{
    int first = 1, upper = 0, lower = 0, cap = 0;
    while (s < e) {
        int32_t cp;
        s += prl_utf8_decode(s, (size_t)(e - s), &cp);
        if (cp < 0)
            continue;
        int c = cp < 0x80 ? ascii_class[cp] : uclass(cp);
        if (c == C_UP || c == C_LO || c == C_LET) {
            if (first)
                cap = c == C_UP;
            first = 0;
            upper += c == C_UP;
            lower += c == C_LO;
        }
    }
    return (uint8_t)((cap ? PRL_TF_CAP : 0) |
                     (upper && !lower ? PRL_TF_ALLCAP : 0));
}

/* Emit a word or number token for [s, e): norm is built here. */
static prl_token *emit_word(lexer *L, const uint8_t *s, const uint8_t *e,
                            int kind, uint8_t flags, uint8_t space)
{
    size_t n = (size_t)(e - s);
    size_t i = 0;
    char *d = pool_reserve(L, n + 1);
    if (!d)
        return NULL;
    /* ASCII fast path: upper-case and flags in one loop. */
    int first = 1, upper = 0, lower = 0, cap = 0, marks = 0;
    for (; i < n && s[i] < 0x80; i++) {
        uint8_t c = s[i];
        int k = ascii_class[c];
        if (k == C_LO) {
            lower = 1;
            if (first)
                first = 0;
            c = (uint8_t)(c - 32);
        } else if (k == C_UP) {
            upper = 1;
            if (first)
                cap = 1, first = 0;
        } else if (k != C_DG) {
            marks = 1;
        }
        d[i] = (char)c;
    }
    size_t len = i;
    if (i < n) {
        /* Non-ASCII: fold the whole token through utf8proc. */
        if (!L->scratch) {
            L->scratch = prl_arena_alloc(L->ar, SCRATCH_N * sizeof(int32_t));
            if (!L->scratch)
                return NULL;
        }
        size_t cap_bytes = 4 * n + 8;
        d = pool_reserve(L, cap_bytes);
        if (!d)
            return NULL;
        len = prl_text_fold((const char *)s, n, d, cap_bytes, L->scratch, SCRATCH_N);
        if (len == (size_t)-1 || len > 0xFFFF)
            len = 0;    /* cannot happen for n <= PRL_TOKEN_MAX */
        flags |= uflags(s, e) | marks_of(d, len);
    } else {
        flags |= (uint8_t)((cap ? PRL_TF_CAP : 0) |
                           (upper && !lower ? PRL_TF_ALLCAP : 0) |
                           (marks ? PRL_TF_MARKS : 0));
    }
    d[len] = 0;
    L->pool += len + 1;
    L->pool_left -= len + 1;
    prl_token *t = new_token(L);
    if (!t)
        return NULL;
    t->start = (uint32_t)(s - L->text);
    t->end = (uint32_t)(e - L->text);
    t->norm = d;
    t->len = (uint16_t)len;
    if (kind == PRL_T_WORD && n == 2 && s[0] == 'U' && s[1] == 'S' &&
        !(e < L->end && *e == '$')) {
        /* "US" in capitals is the United States, not the pronoun that
         * upper-casing makes of "us": it matches as "U.S." does (not in
         * "US$2 million"). */
        t->norm = "U.S.";
        t->len = 4;
        flags |= PRL_TF_MARKS;
    }
    t->kind = (uint8_t)kind;
    t->flags = flags;
    t->space = space;
    return t;
}

static int ieq(const uint8_t *s, size_t n, const char *lit)
{
    if (strlen(lit) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((s[i] | 0x20) != (unsigned char)lit[i])
            return 0;
    return 1;
}

/* Treebank clitics after an apostrophe, and their norms. */
static const char *clitic(const uint8_t *s, size_t n)
{
    static const char *const forms[][2] = {
        { "s", "'S" }, { "re", "'RE" }, { "ve", "'VE" }, { "ll", "'LL" },
        { "d", "'D" }, { "m", "'M" },
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (ieq(s, n, forms[i][0]))
            return forms[i][1];
    return NULL;
}

/* A URL starts with a scheme or "www."; it runs to white space, a quote or
 * an angle bracket, minus trailing punctuation ("see http://x.org/a." ends
 * the sentence). One token, kind WORD. */
static size_t url_prefix(const uint8_t *p, const uint8_t *e)
{
    static const char *const pre[] = { "http://", "https://", "ftp://", "www." };
    uint8_t c = *p | 0x20;
    if (c != 'h' && c != 'f' && c != 'w')
        return 0;       /* the common case, cheaply */
    for (size_t i = 0; i < 4; i++) {
        size_t n = strlen(pre[i]);
        if ((size_t)(e - p) > n && ieq(p, n, pre[i]) && p[n] > ' ' && p[n] < 0x7F)
            return n;
    }
    return 0;
}

static const uint8_t *lex_url(lexer *L, const uint8_t *p, uint8_t space)
{
    const uint8_t *q = p;
    const uint8_t *lim = L->end - p > 4096 ? p + 4096 : L->end;
    int open = 0;
    while (q < lim && *q > ' ' && *q < 0x7F && *q != '"' && *q != '<' &&
           *q != '>' && *q != '`') {
        open += *q == '(';
        open -= *q == ')';
        q++;
    }
    while (q > p + 1) {
        uint8_t c = q[-1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
            c == '?' || c == '\'' || (c == ')' && open < 0)) {
            open += c == ')';
            q--;
        } else {
            break;
        }
    }
    return emit_word(L, p, q, PRL_T_WORD, 0, space) ? q : NULL;
}

/* A word or number starting at p. Inside a word: '.' and '-' before a
 * letter or digit ("U.S", "al-Qaeda", "3.5"), an apostrophe before a letter
 * ("didn't", "O'Brien"), , : / between digits ("1,000", "10:30", "9/11"),
 * @ & between letters or digits ("AT&T", e-mail addresses). Then the
 * trailing '.' of an abbreviation, then the Treebank split of clitics. */
static const uint8_t *lex_word(lexer *L, const uint8_t *p, uint8_t space)
{
    const uint8_t *q = p, *e = L->end;
    const uint8_t *lim = (size_t)(e - p) > PRL_TOKEN_MAX ? p + PRL_TOKEN_MAX : e;
    const uint8_t *apos = NULL;     /* last inner apostrophe */
    int apos_len = 0;
    int letters = 0, dots = 0, seg = 0, max_seg = 0, prev = -1;
    while (q < lim) {
        int l, c;
        if (*q < 0x80) {
            l = 1;
            c = ascii_class[*q];
        } else {
            c = class_at(q, e, &l);
        }
        if (is_wordch(c)) {
            if (q + l > lim)
                break;          /* keep code points whole at the cap */
            letters += c != C_DG;
            seg++;
            prev = c;
            q += l;
            continue;
        }
        if (q + l >= lim)
            break;
        int nl;
        int nc = class_at(q + l, e, &nl);
        int ok = 0;
        switch (c) {
        case C_DOT:
            if (is_alnum(nc)) {
                ok = 1;
                dots++;
                max_seg = seg > max_seg ? seg : max_seg;
                seg = 0;
            }
            break;
        case C_HYPH:
            ok = is_alnum(nc);
            break;
        case C_APOS:
            if (nc == C_UP || nc == C_LO || nc == C_LET) {
                ok = 1;
                apos = q;
                apos_len = l;
            }
            break;
        case C_COMMA: case C_COLON: case C_SLASH:
            ok = prev == C_DG && nc == C_DG;
            break;
        case C_JOIN:
            ok = is_alnum(prev) && is_alnum(nc);
            break;
        default:
            break;
        }
        if (!ok)
            break;
        prev = c;
        q += l;
    }
    if (q == p) {
        /* Only at the size cap with a multi-byte code point: take it. */
        int l;
        class_at(q, e, &l);
        q += l;
    }
    max_seg = seg > max_seg ? seg : max_seg;

    uint8_t flags = 0;
    size_t n = (size_t)(q - p);
    /* The trailing '.' of an abbreviation (not of an ellipsis). */
    if (q < e && *q == '.' && !(q + 1 < e && q[1] == '.') && letters) {
        int abbrev = 0;
        if (dots)
            abbrev = max_seg <= 3;      /* "U.S", "a.m", not "example.com" */
        else if (n == 1 && byte_class(*p) == C_UP)
            abbrev = 1;                 /* an initial */
        else if (n <= 6 && in_list(titles, p, n))
            abbrev = 1, flags = PRL_TF_TITLE;
        else if (n <= 6 && in_list(abbrevs, p, n))
            abbrev = 1;
        if (abbrev) {
            q++;
            flags |= PRL_TF_ABBREV;
        }
    }
    int kind = letters || byte_class(*p) != C_DG ? PRL_T_WORD : PRL_T_NUMBER;

    /* Treebank clitics: "didn't" -> did n't, "Israel's" -> Israel 's. */
    if (apos && !(flags & PRL_TF_ABBREV)) {
        const uint8_t *suf = apos + apos_len;
        size_t sn = (size_t)(q - suf);
        if (sn == 1 && (*suf | 0x20) == 't' && apos - 1 > p &&
            (apos[-1] | 0x20) == 'n') {
            if (!emit_word(L, p, apos - 1, kind, 0, space))
                return NULL;
            prl_token *t = emit_fixed(L, apos - 1, q, PRL_T_WORD, "N'T", PRL_SP_NONE);
            if (!t)
                return NULL;
            t->flags |= apos[-1] == 'N' ? PRL_TF_CAP | (*suf == 'T' ? PRL_TF_ALLCAP : 0) : 0;
            return q;
        }
        const char *cl = clitic(suf, sn);
        if (cl && apos > p) {
            if (!emit_word(L, p, apos, kind, 0, space))
                return NULL;
            prl_token *t = emit_fixed(L, apos, q, PRL_T_WORD, cl, PRL_SP_NONE);
            if (!t)
                return NULL;
            t->flags |= ascii_class[*suf] == C_UP ? PRL_TF_CAP | PRL_TF_ALLCAP : 0;
            return q;
        }
    }
    return emit_word(L, p, q, kind, flags, space) ? q : NULL;
}

/* One token (or a word and its clitic) starting at p, of class c. */
static const uint8_t *lex_token(lexer *L, const uint8_t *p, int c, int len,
                                uint8_t space)
{
    const uint8_t *e = L->end, *q;
    prl_token *prev = L->n ? &L->tok[L->n - 1] : NULL;
    int l;
    switch (c) {
    case C_UP: case C_LO: case C_LET: case C_DG: case C_MARK: case C_IGN:
        if (c != C_DG && url_prefix(p, e))
            return lex_url(L, p, space);
        return lex_word(L, p, space);
    case C_DOT:
        q = p;
        while (q < e && *q == '.')
            q++;
        if (q - p == 3)
            return emit_fixed(L, p, q, PRL_T_PUNCT, "...", space) ? q : NULL;
        /* ".5": a number, when not glued to a word. */
        if (q - p == 1 && q < e && byte_class(*q) == C_DG &&
            (space != PRL_SP_NONE || !prev || prev->kind != PRL_T_WORD)) {
            uint32_t at = L->n;
            const uint8_t *w = lex_word(L, q, space);
            if (w) {
                prl_token *t = &L->tok[at];
                t->start--;
                /* Rebuild the norm with its leading '.'. */
                size_t n = t->len;
                char *d = pool_reserve(L, n + 2);
                if (!d)
                    return NULL;
                d[0] = '.';
                memcpy(d + 1, t->norm, n + 1);
                L->pool += n + 2;
                L->pool_left -= n + 2;
                t->norm = d;
                t->len = (uint16_t)(n + 1);
                t->flags |= PRL_TF_MARKS;
            }
            return w;
        }
        /* "." ".." "....": a sentence end candidate. */
        return emit_fixed(L, p, q, PRL_T_END, ".", space) ? q : NULL;
    case C_ELL:
        return emit_fixed(L, p, p + len, PRL_T_PUNCT, "...", space) ? p + len : NULL;
    case C_EXCL:
        q = p + 1;
        while (q < e && (*q == '!' || *q == '?' || *q == '.'))
            q++;
        return emit_fixed(L, p, q, PRL_T_END, *p == '!' ? "!" : "?", space) ? q : NULL;
    case C_APOS:
        q = p + len;
        /* "Hamas' leaders": a possessive after a word ending in s. */
        if (space == PRL_SP_NONE && prev && prev->kind == PRL_T_WORD &&
            prev->end > prev->start &&
            (L->text[prev->end - 1] | 0x20) == 's' &&
            (q >= e || !is_alnum(class_at(q, e, &l))))
            return emit_fixed(L, p, q, PRL_T_WORD, "'", space) ? q : NULL;
        if (*p == '\'' && q < e && *q == '\'')
            q++;                        /* '' */
        return emit_fixed(L, p, q, PRL_T_QUOTE, "\"", space) ? q : NULL;
    case C_SQ:
        q = p + len;
        if (*p == '`' && q < e && *q == '`')
            q++;                        /* `` */
        return emit_fixed(L, p, q, PRL_T_QUOTE, "\"", space) ? q : NULL;
    case C_DQ:
        return emit_fixed(L, p, p + len, PRL_T_QUOTE, "\"", space) ? p + len : NULL;
    case C_HYPH: case C_DASH:
        q = p + len;
        while (q < e) {
            int k = class_at(q, e, &l);
            if (k != C_HYPH && k != C_DASH)
                break;
            q += l;
        }
        return emit_fixed(L, p, q, PRL_T_PUNCT, "-", space) ? q : NULL;
    default:
        /* One punctuation mark or symbol. ASCII ones get a static norm. */
        if (*p < 0x80) {
            static const char ascii_str[128][2] = {
                ['!'] = "!", ['#'] = "#", ['$'] = "$", ['%'] = "%", ['&'] = "&",
                ['('] = "(", [')'] = ")", ['*'] = "*", ['+'] = "+", [','] = ",",
                ['/'] = "/", [':'] = ":", [';'] = ";", ['<'] = "<", ['='] = "=",
                ['>'] = ">", ['?'] = "?", ['@'] = "@", ['['] = "[", ['\\'] = "\\",
                [']'] = "]", ['^'] = "^", ['_'] = "_", ['{'] = "{", ['|'] = "|",
                ['}'] = "}", ['~'] = "~",
            };
            const char *norm = ascii_str[*p][0] ? ascii_str[*p] : "?";
            return emit_fixed(L, p, p + 1, PRL_T_PUNCT, norm, space) ? p + 1 : NULL;
        }
        return emit_word(L, p, p + len, PRL_T_PUNCT, 0, space) ? p + len : NULL;
    }
}

static parley_status lex(lexer *L)
{
    const uint8_t *p = L->text, *e = L->end;
    int nl = 0, sp = 0, first = 1;
    while (p < e) {
        int len, c;
        if (*p < 0x80) {
            len = 1;
            c = ascii_class[*p];
        } else {
            c = class_at(p, e, &len);
        }
        switch (c) {
        case C_SP: case C_IGN:
            sp = 1;
            p += len;
            continue;
        case C_CR:
            if (p + 1 < e && p[1] == '\n')
                sp = 1;         /* the '\n' counts */
            else
                nl++;
            p++;
            continue;
        case C_NL:
            nl++;
            p += len;
            continue;
        case C_PARA:
            nl += 2;
            p += len;
            continue;
        default:
            break;
        }
        uint8_t space = first ? PRL_SP_PARA : nl >= 2 ? PRL_SP_PARA :
                        nl ? PRL_SP_LINE : sp ? PRL_SP_SPACE : PRL_SP_NONE;
        first = nl = sp = 0;
        p = lex_token(L, p, c, len, space);
        if (!p)
            return PARLEY_ENOMEM;
    }
    return PARLEY_OK;
}

/* ------------------------------------------------------------------ */
/* Pass 2: sentences. */

static int is_dash(const prl_token *t)
{
    return t->kind == PRL_T_PUNCT && t->norm[0] == '-' && t->norm[1] == 0;
}

static int is_punct(const prl_token *t, char c)
{
    return t->kind == PRL_T_PUNCT && t->norm[0] == c && t->norm[1] == 0;
}

/* Is there a dateline at token i (a line start)? Returns the index of its
 * dash, or -1. Wire stories open "MINGORA, Pakistan (Reuters) - Troops...":
 * left in the sentence, the place and agency would be read as its subject,
 * and made a sentence of its own it would be coded as a headline-like
 * fragment. So the sentence starts after the dash, and the dateline's
 * tokens are dropped. The test is strict (see text.h) because a wrong
 * guess drops a real subject. */
static long dateline(const prl_token *t, uint32_t i, uint32_t n)
{
    const prl_token *f = &t[i];
    if (f->kind != PRL_T_WORD || !(f->flags & PRL_TF_CAP))
        return -1;
    int city = (f->flags & PRL_TF_ALLCAP) && !(f->flags & PRL_TF_ABBREV) &&
               f->len >= 3;
    for (uint32_t j = i; j < n && j < i + 16; j++) {
        const prl_token *tj = &t[j];
        if (tj->end - f->start > 100 || (j > i && tj->space >= PRL_SP_LINE))
            return -1;
        if (j > i && is_dash(tj)) {
            if (tj->space == PRL_SP_NONE || j + 1 >= n)
                return -1;
            const prl_token *nx = &t[j + 1];
            if (nx->space != PRL_SP_SPACE)
                return -1;
            if (!(nx->kind == PRL_T_QUOTE || nx->kind == PRL_T_NUMBER ||
                  (nx->kind == PRL_T_WORD && (nx->flags & PRL_TF_CAP))))
                return -1;
            return city || is_punct(&t[j - 1], ')') ? (long)j : -1;
        }
        switch (tj->kind) {
        case PRL_T_WORD:
            if (!(tj->flags & PRL_TF_CAP) ||
                (tj->space == PRL_SP_NONE && j > i && t[j - 1].kind == PRL_T_WORD))
                return -1;      /* lower case, or a clitic ("ISRAEL 'S") */
            break;
        case PRL_T_NUMBER:
            break;
        case PRL_T_PUNCT:
            if (!is_punct(tj, ',') && !is_punct(tj, '(') && !is_punct(tj, ')') &&
                !is_punct(tj, '/'))
                return -1;
            break;
        default:
            return -1;
        }
    }
    return -1;
}

static int is_closer(const prl_token *t)
{
    return t->space == PRL_SP_NONE &&
           (t->kind == PRL_T_QUOTE || is_punct(t, ')') || is_punct(t, ']') ||
            is_punct(t, '}'));
}

/* After a sentence-end candidate `c` (and its closers), does the sentence
 * end before `nx` (NULL at the end of the text)? */
static int ends_before(const prl_token *c, const prl_token *nx, const uint8_t *text)
{
    if (!nx || nx->space == PRL_SP_PARA)
        return 1;
    if (nx->space == PRL_SP_NONE)
        return 0;       /* "Yahoo!Inc", ".)," and the like */
    if (c->kind == PRL_T_END) {
        /* Lower case next: an unknown abbreviation ("approx. five") or a
         * quote going on ("'Go!' he said"). Everything else is a start. */
        int l;
        return class_at(text + nx->start, text + nx->end, &l) != C_LO;
    }
    if (c->flags & PRL_TF_TITLE)
        return 0;
    if (time_of_day(c) && nx->kind == PRL_T_WORD && (nx->flags & PRL_TF_CAP))
        return !in_norms(time_words, nx->norm);
    return opener_word(nx);
}

typedef struct sbuild {
    prl_arena *ar;
    prl_sentence *s;
    uint32_t n, cap;
} sbuild;

static int add_sentence(sbuild *b, const prl_token *tok, uint32_t first, uint32_t end)
{
    if (first == end)
        return 1;
    if (b->n == b->cap) {
        uint32_t cap = b->cap ? b->cap * 2 : 64;
        prl_sentence *s = prl_arena_alloc(b->ar, (size_t)cap * sizeof *s);
        if (!s)
            return 0;
        if (b->n)
            memcpy(s, b->s, (size_t)b->n * sizeof *s);
        b->s = s;
        b->cap = cap;
    }
    prl_sentence *s = &b->s[b->n++];
    s->start = tok[first].start;
    s->end = tok[end - 1].end;
    s->first = first;
    s->count = end - first;
    return 1;
}

/* Place sentence boundaries; drops dateline tokens by compacting the
 * array in place (w <= r always). */
static parley_status sentences(prl_arena *ar, const uint8_t *text,
                               prl_segmented *out)
{
    prl_token *t = out->tokens;
    uint32_t n = out->n_tokens, r = 0, w = 0, first = 0;
    int open = 0;
    sbuild b = { ar, NULL, 0, 0 };
    while (r < n) {
        if (open && t[r].space == PRL_SP_PARA) {
            if (!add_sentence(&b, t, first, w))
                return PARLEY_ENOMEM;
            open = 0;
        }
        if (!open && t[r].space >= PRL_SP_LINE) {
            long d = dateline(t, r, n);
            if (d >= 0) {
                if (out->dateline_end == 0) {
                    out->dateline_start = t[r].start;
                    out->dateline_end = t[d].end;
                }
                r = (uint32_t)d + 1;
                continue;
            }
        }
        if (!open) {
            open = 1;
            first = w;
        }
        prl_token c = t[r++];
        uint32_t ci = w;
        t[w++] = c;
        int cand = c.kind == PRL_T_END ||
                   (c.kind == PRL_T_PUNCT && strcmp(c.norm, "...") == 0) ||
                   (c.kind == PRL_T_WORD && (c.flags & PRL_TF_ABBREV));
        if (!cand)
            continue;
        while (r < n && is_closer(&t[r]))
            t[w++] = t[r++];
        if (ends_before(&c, r < n ? &t[r] : NULL, text)) {
            if (!add_sentence(&b, t, first, w))
                return PARLEY_ENOMEM;
            open = 0;
        } else if (c.kind == PRL_T_END) {
            t[ci].kind = PRL_T_PUNCT;   /* END only closes sentences */
        }
    }
    if (open && !add_sentence(&b, t, first, w))
        return PARLEY_ENOMEM;
    out->n_tokens = w;
    out->sentences = b.s;
    out->n_sentences = b.n;
    return PARLEY_OK;
}

parley_status prl_text_segment(prl_arena *ar, const char *text, size_t n,
                               prl_segmented *out)
{
    memset(out, 0, sizeof *out);
    if (n > PRL_TEXT_MAX_BYTES)
        return PARLEY_ETOOBIG;
    if (n == 0)
        return PARLEY_OK;
    lexer L;
    memset(&L, 0, sizeof L);
    L.ar = ar;
    L.text = (const uint8_t *)text;
    L.end = L.text + n;
    /* About one token per five bytes of news text; grows if needed. */
    L.cap = (uint32_t)(n / 5 + 16);
    L.tok = prl_arena_alloc(ar, (size_t)L.cap * sizeof *L.tok);
    /* Norms take about the text's size: one block usually suffices. */
    size_t pool = n + n / 4 + 64;
    L.pool = prl_arena_alloc(ar, pool);
    L.pool_left = pool;
    if (!L.tok || !L.pool)
        return PARLEY_ENOMEM;
    parley_status st = lex(&L);
    if (st != PARLEY_OK)
        return st;
    out->tokens = L.tok;
    out->n_tokens = L.n;
    st = sentences(ar, L.text, out);
    if (st != PARLEY_OK)
        memset(out, 0, sizeof *out);
    return st;
}
