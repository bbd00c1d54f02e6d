/* html.c: the news-page extractor (html.h) and the `html` input form (one
 * page per input).
 *
 * A page goes through four steps:
 *  1. charset: valid UTF-8 stays as it is; anything else is decoded from
 *     the declared charset (HTTP header, else <meta>), windows-1252 when
 *     none is declared (what browsers assume), with iconv for the rest;
 *  2. a pre-pass drops comments and the contents of <script>, <style>,
 *     <svg>, <noscript>, <template> and <iframe>, keeping JSON-LD scripts
 *     aside. Real news pages are mostly script and style, and gumbo spends
 *     its time per byte, so this roughly halves the parse on a typical
 *     page; nothing dropped ever holds article text;
 *  3. gumbo parses the rest into a tree allocated in an arena (one reset
 *     per page); one walk collects the metadata (meta tags, <title>, <h1>,
 *     <time>, author hints) and scores the candidate containers by the
 *     paragraph text under them, leaving out boilerplate subtrees;
 *  4. the container chosen is walked again to collect its paragraphs:
 *     headings, figures, bylines, share/comment/related blocks and
 *     link-heavy paragraphs (lists of links) are left out; short lines
 *     that read like bylines, photo credits or calls to action are
 *     dropped too.
 *
 * The container is the first of: itemprop="articleBody"; an element
 * with a known content class (WordPress's entry-content, post-content,
 * article-body, story-body, ...); <article>; <main> or role="main"; with
 * the most paragraph text in each kind; failing those, the element with
 * the most text in its own <p> children. If boilerplate rules leave no
 * text, the page is walked once more with the class/id rules off (a
 * wrapper called "has-sidebar" must not hide a whole page), and then the
 * JSON-LD articleBody is used when there is one.
 *
 * Walks are iterative (an explicit stack), so deeply nested pages cannot
 * overflow the C stack. */
#include "intake/html.h"

#include <errno.h>
#include <gumbo.h>
#include <iconv.h>
#include <jansson.h>
#include <string.h>

#include "intake/intake.h"

#define MAX_JSONLD 16
#define META_MAX 1000           /* bytes kept of a title, author, ... */

typedef struct sbuf {
    char *p;
    size_t len, cap;
} sbuf;

typedef struct frame {
    GumboNode *node;
    unsigned next;              /* next child to visit */
    size_t txt;                 /* text bytes under this node (scan) */
    size_t psub;                /* paragraph text in the subtree */
    size_t pdirect;             /* text of its own <p> children */
    int cat;                    /* container kind, 0 = none */
    int in_link;                /* text walk: inside <a> */
} frame;

enum { CAT_ITEMPROP = 1, CAT_CLASS, CAT_ARTICLE, CAT_MAIN, N_CAT };

typedef struct span {
    size_t start, len;
} span;

struct prl_html {
    const prl_alloc *alloc;
    prl_arena arena;            /* the gumbo tree and this page's strings */
    int oom;
    int lenient;                /* class/id boilerplate rules off */

    sbuf conv;                  /* the page decoded to UTF-8 */
    sbuf clean;                 /* the page without scripts and styles */
    sbuf out;                   /* the body text */
    sbuf para;                  /* the paragraph being collected */
    size_t para_chars, para_links;
    sbuf tmp;                   /* node text */

    span jsonld[MAX_JSONLD];
    size_t n_jsonld;

    frame *stack;
    size_t stack_cap;

    /* Metadata found so far; lower level = better source. */
    const char *og_title, *tw_title, *h1, *title_tag;
    const char *author, *site, *url, *canonical, *ld_body;
    int author_level;
    char date[9];
    int date_level;
    GumboNode *best[N_CAT];
    size_t best_score[N_CAT];
    GumboNode *best_direct;
    size_t best_direct_score;
};

/* ------------------------------------------------------------------ */
/* Small buffers; a failed allocation sets h->oom, which sticks.        */

static int sb_reserve(prl_html *h, sbuf *b, size_t more)
{
    if (h->oom)
        return -1;
    size_t need = b->len + more + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 1024;
    while (cap < need)
        cap *= 2;
    char *p = prl_realloc(h->alloc, b->p, cap);
    if (!p) {
        h->oom = 1;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

static void sb_put(prl_html *h, sbuf *b, const char *s, size_t n)
{
    if (sb_reserve(h, b, n) != 0)
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void sb_putc(prl_html *h, sbuf *b, char c)
{
    if (sb_reserve(h, b, 1) != 0)
        return;
    b->p[b->len++] = c;
    b->p[b->len] = '\0';
}

static void sb_free(prl_html *h, sbuf *b)
{
    prl_free(h->alloc, b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* s[0,n) starts with the lower-case ASCII prefix, ignoring case. */
static int prefix_ci(const char *s, size_t n, const char *prefix)
{
    size_t m = strlen(prefix);
    if (n < m)
        return 0;
    for (size_t i = 0; i < m; i++)
        if (lower(s[i]) != prefix[i])
            return 0;
    return 1;
}

static int eq_ci(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (lower(*a) != lower(*b))
            return 0;
    return *a == *b;
}

/* ------------------------------------------------------------------ */
/* 1. Charset.                                                          */

/* Length of the valid UTF-8 prefix of s (all of it when valid). */
static size_t utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* ASCII runs, eight bytes at a time. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            k = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            k = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + k >= n)
            return i;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if ((k == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return i;
        i += k + 1;
    }
    return n;
}

static void put_utf8(prl_html *h, sbuf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    }
    sb_put(h, b, u, n);
}

/* windows-1252 (and so ISO-8859-1, as browsers read it) to UTF-8. */
static void from_cp1252(prl_html *h, const unsigned char *s, size_t n)
{
    static const uint16_t c1[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    };
    h->conv.len = 0;
    if (sb_reserve(h, &h->conv, n + n / 2) != 0)
        return;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c < 0x80)
            sb_putc(h, &h->conv, (char)c);
        else
            put_utf8(h, &h->conv, c < 0xA0 ? c1[c - 0x80] : c);
    }
}

/* Any other charset, through iconv; -1 if iconv does not know it. Bytes
 * it cannot convert become U+FFFD. */
static int from_iconv(prl_html *h, const char *charset, const char *s, size_t n)
{
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1)
        return -1;
    h->conv.len = 0;
    char *in = (char *)s;
    size_t left = n;
    while (left > 0 && !h->oom) {
        if (sb_reserve(h, &h->conv, left * 2 + 16) != 0)
            break;
        char *out = h->conv.p + h->conv.len;
        size_t room = h->conv.cap - h->conv.len - 1;
        size_t r = iconv(cd, &in, &left, &out, &room);
        h->conv.len = (size_t)(out - h->conv.p);
        if (r == (size_t)-1 && errno != E2BIG) {
            sb_put(h, &h->conv, "\xEF\xBF\xBD", 3);
            in++;
            left--;
        }
    }
    iconv_close(cd);
    if (!h->oom)
        h->conv.p[h->conv.len] = '\0';
    return 0;
}

/* The charset named in a <meta> near the top: "charset=NAME". */
static void sniff_charset(const char *s, size_t n, char out[40])
{
    out[0] = '\0';
    if (n > 4096)
        n = 4096;
    for (size_t i = 0; i + 8 <= n; i++) {
        if (!prefix_ci(s + i, n - i, "charset="))
            continue;
        size_t j = i + 8, k = 0;
        while (j < n && (s[j] == '"' || s[j] == '\'' || s[j] == ' '))
            j++;
        while (j < n && k < 39 &&
               ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
                (s[j] >= '0' && s[j] <= '9') || s[j] == '-' || s[j] == '_' ||
                s[j] == ':' || s[j] == '.'))
            out[k++] = s[j++];
        out[k] = '\0';
        return;
    }
}

static int cp1252_family(const char *cs)
{
    static const char *names[] = {
        "", "windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "latin1",
        "latin-1", "l1", "us-ascii", "ascii", "iso_8859-1", "x-cp1252",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (eq_ci(cs, names[i]))
            return 1;
    return 0;
}

/* The page as UTF-8: either s itself or h->conv. */
static const char *decode(prl_html *h, const char *s, size_t n, const char *charset,
                          size_t *out_n)
{
    *out_n = n;
    if (utf8_valid((const unsigned char *)s, n) == n)
        return s;
    char cs[40];
    if (charset && *charset)
        snprintf(cs, sizeof cs, "%s", charset);
    else
        sniff_charset(s, n, cs);
    if (eq_ci(cs, "utf-8") || eq_ci(cs, "utf8"))
        return s;       /* declared UTF-8: the library repairs the text */
    if (cp1252_family(cs) || from_iconv(h, cs, s, n) != 0)
        from_cp1252(h, (const unsigned char *)s, n);
    if (h->oom)
        return NULL;
    *out_n = h->conv.len;
    return h->conv.p;
}

/* ------------------------------------------------------------------ */
/* 2. The pre-pass.                                                     */

/* Case-insensitive search for the lower-case needle in s[from,n). */
static size_t find_ci(const char *s, size_t n, size_t from, const char *needle)
{
    size_t m = strlen(needle);
    while (from + m <= n) {
        const char *p = memchr(s + from, needle[0], n - from);
        const char *q = needle[0] >= 'a' && needle[0] <= 'z'
                        ? memchr(s + from, needle[0] - 'a' + 'A', n - from) : NULL;
        if (!p || (q && q < p))
            p = q;
        if (!p)
            return n;
        size_t i = (size_t)(p - s);
        if (i + m <= n && prefix_ci(p, n - i, needle))
            return i;
        from = i + 1;
    }
    return n;
}

/* The end of a start tag beginning at s[i] ('<'): the index after '>',
 * stepping over quoted attribute values. n if it never ends. */
static size_t tag_end(const char *s, size_t n, size_t i)
{
    char quote = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return n;
}

static void strip(prl_html *h, const char *s, size_t n)
{
    static const char *raw[] = {"script", "style", "svg", "noscript", "template",
                                "iframe", "textarea"};
    h->clean.len = 0;
    h->n_jsonld = 0;
    if (sb_reserve(h, &h->clean, n) != 0)
        return;
    size_t i = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        size_t at = lt ? (size_t)(lt - s) : n;
        sb_put(h, &h->clean, s + i, at - i);
        if (at >= n)
            break;
        i = at;
        if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            const char *e = NULL;
            for (size_t j = i + 4; j + 3 <= n; j++) {
                const char *m = memchr(s + j, '-', n - j);
                if (!m)
                    break;
                j = (size_t)(m - s);
                if (j + 3 <= n && m[1] == '-' && m[2] == '>') {
                    e = m + 3;
                    break;
                }
            }
            i = e ? (size_t)(e - s) : n;
            sb_putc(h, &h->clean, ' ');
            continue;
        }
        size_t k = 0;
        for (; k < sizeof raw / sizeof raw[0]; k++) {
            size_t m = strlen(raw[k]);
            if (n - i > m + 1 && prefix_ci(s + i + 1, n - i - 1, raw[k]) &&
                (is_space((unsigned char)s[i + 1 + m]) || s[i + 1 + m] == '>' ||
                 s[i + 1 + m] == '/'))
                break;
        }
        if (k == sizeof raw / sizeof raw[0]) {
            sb_putc(h, &h->clean, '<');
            i++;
            continue;
        }
        size_t body = tag_end(s, n, i);
        char close[16];
        snprintf(close, sizeof close, "</%s", raw[k]);
        size_t end = find_ci(s, n, body, close);
        if (k == 0 && end < n && h->n_jsonld < MAX_JSONLD &&
            find_ci(s, body, i, "ld+json") < body) {
            h->jsonld[h->n_jsonld].start = body;
            h->jsonld[h->n_jsonld].len = end - body;
            h->n_jsonld++;
        }
        i = end < n ? tag_end(s, n, end) : n;
        sb_putc(h, &h->clean, ' ');
    }
}

/* ------------------------------------------------------------------ */
/* Strings kept for the page.                                           */

/* A copy of s[0,n) in the arena with whitespace runs made one space and
 * the ends trimmed; NULL if nothing is left. */
static const char *keep(prl_html *h, const char *s, size_t n)
{
    int cut = n > META_MAX;
    if (cut)
        n = META_MAX;
    char *d = prl_arena_alloc(&h->arena, n + 1);
    if (!d) {
        h->oom = 1;
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            c = ' ';        /* a no-break space */
            i++;
        }
        if (is_space(c)) {
            if (k > 0 && d[k - 1] != ' ')
                d[k++] = ' ';
        } else {
            d[k++] = (char)c;
        }
    }
    if (cut) {
        /* Do not end inside a UTF-8 sequence cut by META_MAX. */
        while (k > 0 && ((unsigned char)d[k - 1] & 0xC0) == 0x80)
            k--;
        if (k > 0 && (unsigned char)d[k - 1] >= 0xC0)
            k--;
    }
    while (k > 0 && d[k - 1] == ' ')
        k--;
    d[k] = '\0';
    return k ? d : NULL;
}

static const char *attr(const GumboNode *n, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : NULL;
}

static int has_children(const GumboNode *n)
{
    return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE ||
           n->type == GUMBO_NODE_DOCUMENT;
}

static const GumboVector *children(const GumboNode *n)
{
    return n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
                                          : &n->v.element.children;
}

static int push(prl_html *h, size_t depth, GumboNode *n)
{
    if (depth >= h->stack_cap) {
        size_t cap = h->stack_cap ? h->stack_cap * 2 : 64;
        frame *p = prl_realloc(h->alloc, h->stack, cap * sizeof *p);
        if (!p) {
            h->oom = 1;
            return -1;
        }
        h->stack = p;
        h->stack_cap = cap;
    }
    memset(&h->stack[depth], 0, sizeof h->stack[depth]);
    h->stack[depth].node = n;
    return 0;
}

/* All the text under n, whitespace collapsed, at most META_MAX bytes. */
static const char *node_text(prl_html *h, GumboNode *root)
{
    h->tmp.len = 0;
    GumboNode *st[64];
    unsigned idx[64];
    size_t d = 0;
    st[0] = root;
    idx[0] = 0;
    d = 1;
    while (d > 0 && h->tmp.len < META_MAX) {
        GumboNode *n = st[d - 1];
        const GumboVector *c = children(n);
        if (idx[d - 1] >= c->length) {
            d--;
            continue;
        }
        GumboNode *k = c->data[idx[d - 1]++];
        if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA ||
            k->type == GUMBO_NODE_WHITESPACE) {
            sb_put(h, &h->tmp, k->v.text.text, strlen(k->v.text.text));
        } else if (has_children(k) && d < 64) {
            if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == GUMBO_TAG_BR)
                sb_putc(h, &h->tmp, ' ');
            st[d] = k;
            idx[d] = 0;
            d++;
        }
    }
    if (h->oom || h->tmp.len == 0)
        return NULL;
    return keep(h, h->tmp.p, h->tmp.len);
}

static void set_date(prl_html *h, const char *s, int level)
{
    if (!s || (h->date_level && h->date_level <= level))
        return;
    while (is_space((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && is_space((unsigned char)s[n - 1]))
        n--;
    char d[9];
    if (prl_intake_date(s, n, d) == 0) {
        memcpy(h->date, d, 9);
        h->date_level = level;
    }
}

static void set_author(prl_html *h, const char *s, int level)
{
    if (!s || (h->author_level && h->author_level <= level))
        return;
    size_t n = strlen(s);
    if (prefix_ci(s, n, "http://") || prefix_ci(s, n, "https://"))
        return;     /* article:author is often a profile url */
    while (is_space((unsigned char)*s))
        s++;
    if (prefix_ci(s, strlen(s), "by "))
        s += 3;
    const char *k = keep(h, s, strlen(s));
    if (k) {
        h->author = k;
        h->author_level = level;
    }
}

/* ------------------------------------------------------------------ */
/* Boilerplate.                                                         */

/* Classes and ids naming blocks that never hold article text. Each word
 * of a class is matched whole ("ad" is not "head"); the substrings are
 * matched anywhere in one class name. */
static const char *const strong_words[] = {
    "ad", "ads", "adv", "advert", "advertisement", "nav", "navigation", "menu",
    "footer", "banner", "hidden", "share", "shares", "comment", "comments",
    "commentlist", "respond", "related", "recommended", "recommendations",
    "trending", "popular", "promo", "widget", "widgets", "toolbar", "tools",
    "more", "login", "print", "sponsor", "sponsored", "aside", "rail",
    "sidebar", "newsletter", "cookie", "cookies", "consent", "social", "modal",
    "popup", "overlay", "outbrain", "taboola", "subscribe", "subscription",
    "signup", "paywall", "pagination", "pager", "breadcrumb", "breadcrumbs",
    "masthead", "skip", "disqus",
};
static const char *const strong_subs[] = {
    "cookie", "consent", "gdpr", "newsletter", "sharedaddy", "relatedposts",
    "disqus", "breadcrumb", "advert", "paywall", "outbrain", "taboola",
    "screen-reader", "sr-only", "visually-hidden", "skip-link", "social",
    "sharing", "share-", "-share", "subscribe", "signup", "sign-up", "navbar",
};
/* Blocks around the article text that are not article text: bylines,
 * dates, captions, credits, tag lists. */
static const char *const weak_words[] = {
    "meta", "author", "authors", "date", "time", "published", "updated",
    "header", "kicker", "eyebrow", "photo", "image", "img", "figure",
    "gallery", "video", "tags", "tag", "label", "category", "categories",
    "bio", "caption", "credit", "credits", "byline", "dateline", "timestamp",
};
static const char *const weak_subs[] = {
    "byline", "caption", "credit", "dateline", "timestamp", "posted-on",
    "entry-meta", "post-meta", "article-meta",
};

static int in_list(const char *s, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
            return 1;
    return 0;
}

static int has_sub(const char *s, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        size_t m = strlen(list[i]);
        for (size_t j = 0; j + m <= n; j++)
            if (memcmp(s + j, list[i], m) == 0)
                return 1;
    }
    return 0;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* 2 strong, 1 weak, 0 none: what a class or id attribute value says. */
static int classify_names(const char *v)
{
    int best = 0;
    char name[96];
    while (v && *v) {
        while (*v && is_space((unsigned char)*v))
            v++;
        size_t n = 0;
        while (v[n] && !is_space((unsigned char)v[n]))
            n++;
        if (n == 0)
            break;
        size_t m = n < sizeof name - 1 ? n : sizeof name - 1;
        for (size_t i = 0; i < m; i++)
            name[i] = lower(v[i]);
        name[m] = '\0';
        v += n;
        /* WordPress post classes carry the post's tags and categories,
         * and layout classes describe the page ("has-sidebar"): neither
         * says what the element is. */
        if (prefix_ci(name, m, "tag-") || prefix_ci(name, m, "category-") ||
            prefix_ci(name, m, "has-") || prefix_ci(name, m, "no-") ||
            prefix_ci(name, m, "with-") || prefix_ci(name, m, "without-") ||
            prefix_ci(name, m, "is-"))
            continue;
        if (has_sub(name, m, strong_subs, COUNT(strong_subs)))
            return 2;
        if (has_sub(name, m, weak_subs, COUNT(weak_subs)))
            best = 1;
        /* Each word: split at '-' and '_'. */
        for (size_t i = 0; i < m;) {
            size_t j = i;
            while (j < m && name[j] != '-' && name[j] != '_')
                j++;
            if (in_list(name + i, j - i, strong_words, COUNT(strong_words)))
                return 2;
            if (in_list(name + i, j - i, weak_words, COUNT(weak_words)))
                best = 1;
            i = j + 1;
        }
    }
    return best;
}

/* 2: never article text (navigation, comments, ...); 1: next to the
 * article text (bylines, captions, headings); 0: may be article text. */
static int boiler(const prl_html *h, const GumboNode *n)
{
    switch (n->v.element.tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_MENU: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP:
        return 2;
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_LABEL: case GUMBO_TAG_IMG:
    case GUMBO_TAG_CAPTION:
        return 1;
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY:
        return 0;
    default:
        break;
    }
    const char *role = attr(n, "role");
    if (role && (eq_ci(role, "navigation") || eq_ci(role, "complementary") ||
                 eq_ci(role, "contentinfo") || eq_ci(role, "banner") ||
                 eq_ci(role, "dialog") || eq_ci(role, "alertdialog") ||
                 eq_ci(role, "search") || eq_ci(role, "menu") ||
                 eq_ci(role, "menubar") || eq_ci(role, "toolbar")))
        return 2;
    if (attr(n, "hidden"))
        return 2;
    const char *v = attr(n, "aria-hidden");
    if (v && eq_ci(v, "true"))
        return 2;
    v = attr(n, "style");
    if (v && (strstr(v, "display:none") || strstr(v, "display: none")))
        return 2;
    if (h->lenient)
        return 0;
    int c = classify_names(attr(n, "class"));
    if (c == 2)
        return 2;
    int i = classify_names(attr(n, "id"));
    return c > i ? c : i;
}

/* Class names of article-body containers in common templates. */
static int content_class(const char *v)
{
    static const char *const names[] = {
        "entry-content", "post-content", "article-content", "article-body",
        "article__body", "article-text", "articlebody", "story-body",
        "story-content", "story-text", "post-body", "post-entry", "entry-body",
        "content-body", "body-text", "td-post-content", "single-content",
        "c-entry-content", "article__content", "rich-text", "news-content",
        "main-content", "blog-post-content", "post-text",
    };
    char name[64];
    while (v && *v) {
        while (*v && is_space((unsigned char)*v))
            v++;
        size_t n = 0;
        while (v[n] && !is_space((unsigned char)v[n]))
            n++;
        if (n && n < sizeof name) {
            for (size_t i = 0; i < n; i++)
                name[i] = lower(v[i]);
            name[n] = '\0';
            for (size_t i = 0; i < COUNT(names); i++)
                if (strcmp(name, names[i]) == 0)
                    return 1;
        }
        v += n;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* 3. The scan: metadata and container scores.                          */

static void meta_tag(prl_html *h, const GumboNode *n)
{
    const char *key = attr(n, "property");
    const char *content = attr(n, "content");
    if (!key)
        key = attr(n, "name");
    if (!key)
        key = attr(n, "itemprop");
    if (!key || !content)
        return;
    if (eq_ci(key, "og:title")) {
        if (!h->og_title)
            h->og_title = keep(h, content, strlen(content));
    } else if (eq_ci(key, "twitter:title")) {
        if (!h->tw_title)
            h->tw_title = keep(h, content, strlen(content));
    } else if (eq_ci(key, "og:site_name")) {
        if (!h->site)
            h->site = keep(h, content, strlen(content));
    } else if (eq_ci(key, "og:url")) {
        if (!h->url)
            h->url = keep(h, content, strlen(content));
    } else if (eq_ci(key, "article:published_time") ||
               eq_ci(key, "og:article:published_time") ||
               eq_ci(key, "datepublished") || eq_ci(key, "article.published")) {
        set_date(h, content, 1);
    } else if (eq_ci(key, "pubdate") || eq_ci(key, "publishdate") ||
               eq_ci(key, "publish-date") || eq_ci(key, "date") ||
               eq_ci(key, "dc.date.issued") || eq_ci(key, "dc.date") ||
               eq_ci(key, "dcterms.created") || eq_ci(key, "sailthru.date") ||
               eq_ci(key, "parsely-pub-date") || eq_ci(key, "datecreated")) {
        set_date(h, content, 4);
    } else if (eq_ci(key, "author") || eq_ci(key, "article:author") ||
               eq_ci(key, "dc.creator") || eq_ci(key, "sailthru.author") ||
               eq_ci(key, "parsely-author")) {
        set_author(h, content, 1);
    }
}

/* What one element tells, on the way down. */
static void scan_enter(prl_html *h, frame *f)
{
    GumboNode *n = f->node;
    GumboTag tag = n->v.element.tag;
    switch (tag) {
    case GUMBO_TAG_META:
        meta_tag(h, n);
        break;
    case GUMBO_TAG_LINK: {
        const char *rel = attr(n, "rel"), *href = attr(n, "href");
        if (rel && href && eq_ci(rel, "canonical") && !h->canonical)
            h->canonical = keep(h, href, strlen(href));
        break;
    }
    case GUMBO_TAG_TITLE:
        if (!h->title_tag)
            h->title_tag = node_text(h, n);
        break;
    case GUMBO_TAG_H1:
        if (!h->h1)
            h->h1 = node_text(h, n);
        break;
    case GUMBO_TAG_TIME: {
        const char *dt = attr(n, "datetime");
        const char *ip = attr(n, "itemprop"), *cls = attr(n, "class");
        int good = attr(n, "pubdate") || (ip && eq_ci(ip, "datePublished")) ||
                   (cls && (strstr(cls, "publish") || strstr(cls, "entry-date") ||
                            strstr(cls, "post-date")));
        set_date(h, dt, good ? 3 : 5);
        break;
    }
    default:
        break;
    }
    const char *ip = attr(n, "itemprop");
    if (ip) {
        if (eq_ci(ip, "articleBody")) {
            f->cat = CAT_ITEMPROP;
        } else if (eq_ci(ip, "datePublished")) {
            const char *v = attr(n, "content");
            set_date(h, v ? v : attr(n, "datetime"), 1);
        } else if (eq_ci(ip, "author") && tag != GUMBO_TAG_META &&
                   (!h->author_level || h->author_level > 2)) {
            set_author(h, node_text(h, n), 2);
        }
    }
    const char *rel = attr(n, "rel");
    if (rel && eq_ci(rel, "author") && tag == GUMBO_TAG_A &&
        (!h->author_level || h->author_level > 3))
        set_author(h, node_text(h, n), 3);
    const char *cls = attr(n, "class");
    if (cls && tag != GUMBO_TAG_BODY && strstr(cls, "byline") && !h->author_level)
        set_author(h, node_text(h, n), 4);
    if (!f->cat && content_class(cls))
        f->cat = CAT_CLASS;
    if (!f->cat && tag == GUMBO_TAG_ARTICLE)
        f->cat = CAT_ARTICLE;
    const char *role = attr(n, "role");
    if (!f->cat && (tag == GUMBO_TAG_MAIN || (role && eq_ci(role, "main"))))
        f->cat = CAT_MAIN;
}

static int textish_block(GumboTag t)
{
    return t == GUMBO_TAG_DIV || t == GUMBO_TAG_TD || t == GUMBO_TAG_ARTICLE ||
           t == GUMBO_TAG_SECTION || t == GUMBO_TAG_MAIN || t == GUMBO_TAG_BLOCKQUOTE ||
           t == GUMBO_TAG_BODY || t == GUMBO_TAG_CENTER || t == GUMBO_TAG_FONT;
}

/* Non-blank bytes of a text node (cheap stand-in for its length). */
static size_t text_weight(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += !is_space((unsigned char)*s);
    return w;
}

static void scan(prl_html *h, GumboNode *root)
{
    if (push(h, 0, root) != 0)
        return;
    size_t d = 1;
    while (d > 0 && !h->oom) {
        frame *f = &h->stack[d - 1];
        const GumboVector *c = children(f->node);
        if (f->next < c->length) {
            GumboNode *k = c->data[f->next++];
            if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA) {
                size_t w = text_weight(k->v.text.text);
                f->txt += w;
                if (w >= 80 && f->node->type == GUMBO_NODE_ELEMENT &&
                    textish_block(f->node->v.element.tag)) {
                    f->pdirect += w;
                    f->psub += w;
                }
            } else if (k->type == GUMBO_NODE_ELEMENT || k->type == GUMBO_NODE_TEMPLATE) {
                int b = boiler(h, k);
                if (b == 2 && k->v.element.tag != GUMBO_TAG_HEAD)
                    continue;       /* never article text, no metadata */
                if (push(h, d, k) != 0)
                    return;
                d++;
                scan_enter(h, &h->stack[d - 1]);
                /* Headings, figures and bylines do not count as text, but
                 * their metadata (h1, time, author) does. */
                if (b)
                    h->stack[d - 1].cat = -1;
            }
            continue;
        }
        /* Leave f. */
        if (f->node->type == GUMBO_NODE_ELEMENT && f->node->v.element.tag == GUMBO_TAG_P &&
            f->cat >= 0) {
            f->psub += f->txt;
            if (d >= 2)
                h->stack[d - 2].pdirect += f->txt;
        }
        if (f->cat > 0 && f->psub > h->best_score[f->cat]) {
            h->best_score[f->cat] = f->psub;
            h->best[f->cat] = f->node;
        }
        if (f->cat >= 0 && f->pdirect > h->best_direct_score) {
            h->best_direct_score = f->pdirect;
            h->best_direct = f->node;
        }
        if (d >= 2 && f->cat >= 0) {
            frame *p = &h->stack[d - 2];
            p->psub += f->psub;
            p->txt += f->txt;
        }
        d--;
    }
}

/* ------------------------------------------------------------------ */
/* 4. The text walk.                                                    */

/* Short lines that are not article text, by how they start. */
static int boiler_line(const char *s, size_t n)
{
    static const char *const starts[] = {
        "photo:", "photo by", "photos:", "photograph:", "photograph by",
        "image:", "image by", "image credit", "picture:", "credit:", "credits:",
        "(photo", "(image", "photo credit", "file photo", "copyright ",
        "\xC2\xA9", "advertisement", "sponsored", "share this", "share on",
        "share:", "read more", "read also", "also read", "related:",
        "related articles", "related stories", "related posts", "see also",
        "click here", "sign up", "subscribe", "follow us", "leave a comment",
        "comments", "posted in", "posted on", "filed under", "tags:",
        "published:", "updated:", "last updated", "this article was",
        "we use cookies", "this site uses cookies", "this website uses cookies",
        "accept cookies", "continue reading", "recommended:",
    };
    if (n >= 200)
        return 0;
    for (size_t i = 0; i < COUNT(starts); i++)
        if (prefix_ci(s, n, starts[i]))
            return 1;
    /* "By Jane Doe" / "By JANE DOE, Associated Press": a byline, unless it
     * reads as a sentence ("By Monday, the troops had left."). */
    if (n < 80 && prefix_ci(s, n, "by ") && n > 3 && s[3] >= 'A' && s[3] <= 'Z' &&
        s[n - 1] != '.' && s[n - 1] != '!' && s[n - 1] != '?')
        return 1;
    return 0;
}

static void para_flush(prl_html *h)
{
    sbuf *p = &h->para;
    size_t n = p->len;
    while (n > 0 && (p->p[n - 1] == ' ' || p->p[n - 1] == '\n'))
        n--;
    size_t chars = h->para_chars, links = h->para_links;
    p->len = 0;
    h->para_chars = h->para_links = 0;
    if (n == 0)
        return;
    for (size_t i = 0; i < n; i++)
        if (p->p[i] == '\n')
            p->p[i] = ' ';
    if (chars > 0 && links * 2 > chars)
        return;     /* mostly links: a menu, a list of related stories */
    if (boiler_line(p->p, n))
        return;
    const char *t = h->og_title ? h->og_title : h->h1;
    if (t && strlen(t) == n && memcmp(t, p->p, n) == 0)
        return;
    if (h->out.len > 0)
        sb_put(h, &h->out, "\n\n", 2);
    sb_put(h, &h->out, p->p, n);
}

static void para_text(prl_html *h, const char *s, int in_link)
{
    sbuf *p = &h->para;
    size_t n = strlen(s);
    if (sb_reserve(h, p, n) != 0)
        return;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
            c = ' ';
            i++;
        }
        if (is_space(c)) {
            if (p->len > 0 && p->p[p->len - 1] != ' ' && p->p[p->len - 1] != '\n')
                p->p[p->len++] = ' ';
        } else {
            p->p[p->len++] = (char)c;
            h->para_chars++;
            if (in_link)
                h->para_links++;
        }
    }
    p->p[p->len] = '\0';
}

/* <br>: one is a space, two in a row end the paragraph (old blogs write
 * paragraphs that way). */
static void para_br(prl_html *h)
{
    sbuf *p = &h->para;
    if (p->len == 0)
        return;
    if (p->p[p->len - 1] == '\n') {
        para_flush(h);
        return;
    }
    if (p->p[p->len - 1] == ' ')
        p->p[p->len - 1] = '\n';
    else
        sb_putc(h, p, '\n');
}

static int block_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_LI:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_DL:
    case GUMBO_TAG_HR: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_BODY:
        return 1;
    default:
        return 0;
    }
}

static void collect(prl_html *h, GumboNode *root)
{
    h->out.len = 0;
    h->para.len = 0;
    h->para_chars = h->para_links = 0;
    if (push(h, 0, root) != 0)
        return;
    size_t d = 1;
    while (d > 0 && !h->oom) {
        frame *f = &h->stack[d - 1];
        const GumboVector *c = children(f->node);
        if (f->next < c->length) {
            GumboNode *k = c->data[f->next++];
            if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA ||
                k->type == GUMBO_NODE_WHITESPACE) {
                para_text(h, k->v.text.text, f->in_link);
            } else if (k->type == GUMBO_NODE_ELEMENT) {
                GumboTag t = k->v.element.tag;
                if (t == GUMBO_TAG_BR) {
                    para_br(h);
                    continue;
                }
                if (boiler(h, k))
                    continue;
                if (block_tag(t))
                    para_flush(h);
                int link = f->in_link || t == GUMBO_TAG_A;
                if (push(h, d, k) != 0)
                    return;
                h->stack[d].in_link = link;
                d++;
            }
            continue;
        }
        if (f->node->type == GUMBO_NODE_ELEMENT && block_tag(f->node->v.element.tag))
            para_flush(h);
        d--;
    }
    para_flush(h);
}

/* ------------------------------------------------------------------ */
/* JSON-LD.                                                             */

static int article_type(json_t *type)
{
    static const char *const names[] = {
        "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle",
        "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "Report", "LiveBlogPosting", "WebPage", "Posting", "SocialMediaPosting",
    };
    if (json_is_array(type)) {
        size_t i;
        json_t *v;
        json_array_foreach(type, i, v)
            if (article_type(v))
                return 1;
        return 0;
    }
    const char *s = json_string_value(type);
    if (!s)
        return 0;
    for (size_t i = 0; i < COUNT(names); i++)
        if (strcmp(s, names[i]) == 0)
            return 1;
    return 0;
}

static const char *ld_name(json_t *v)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_object(v))
        return json_string_value(json_object_get(v, "name"));
    if (json_is_array(v) && json_array_size(v) > 0)
        return ld_name(json_array_get(v, 0));
    return NULL;
}

/* Take what an article object says; 1 if it was one. */
static int ld_object(prl_html *h, json_t *o, int depth)
{
    if (depth > 4)
        return 0;
    if (json_is_array(o)) {
        size_t i;
        json_t *v;
        json_array_foreach(o, i, v)
            if (ld_object(h, v, depth + 1))
                return 1;
        return 0;
    }
    if (!json_is_object(o))
        return 0;
    json_t *graph = json_object_get(o, "@graph");
    if (graph && ld_object(h, graph, depth + 1))
        return 1;
    if (!article_type(json_object_get(o, "@type")))
        return 0;
    json_t *dp = json_object_get(o, "datePublished");
    if (!dp)
        dp = json_object_get(o, "dateCreated");
    set_date(h, json_string_value(dp), 2);
    json_t *au = json_object_get(o, "author");
    if (json_is_array(au)) {
        /* Several authors: "A, B" (at most four). */
        h->tmp.len = 0;
        for (size_t i = 0; i < json_array_size(au) && i < 4; i++) {
            const char *nm = ld_name(json_array_get(au, i));
            if (!nm || !*nm)
                continue;
            if (h->tmp.len)
                sb_put(h, &h->tmp, ", ", 2);
            sb_put(h, &h->tmp, nm, strlen(nm));
        }
        if (h->tmp.len && !h->oom)
            set_author(h, h->tmp.p, 2);
    } else {
        set_author(h, ld_name(au), 2);
    }
    const char *pub = ld_name(json_object_get(o, "publisher"));
    if (!h->site && pub)
        h->site = keep(h, pub, strlen(pub));
    const char *hl = json_string_value(json_object_get(o, "headline"));
    if (!h->tw_title && hl)
        h->tw_title = keep(h, hl, strlen(hl));
    const char *body = json_string_value(json_object_get(o, "articleBody"));
    if (body && !h->ld_body)
        h->ld_body = prl_arena_strndup(&h->arena, body, strlen(body));
    /* A WebPage wrapper: keep looking for the article itself. */
    json_t *type = json_object_get(o, "@type");
    return !(json_is_string(type) && strcmp(json_string_value(type), "WebPage") == 0);
}

static void jsonld(prl_html *h, const char *page)
{
    for (size_t i = 0; i < h->n_jsonld && !h->oom; i++) {
        json_error_t e;
        json_t *root = json_loadb(page + h->jsonld[i].start, h->jsonld[i].len,
                                  0, &e);
        if (!root)
            continue;       /* broken JSON-LD is common and harmless */
        int found = ld_object(h, root, 0);
        json_decref(root);
        if (found)
            break;
    }
}

/* ------------------------------------------------------------------ */
/* The title.                                                           */

/* t without a trailing " | Site" (or " - Site", ...): always when the
 * suffix is the site name; for <title>, also when the suffix is shorter
 * than what it follows. */
static const char *clean_title(prl_html *h, const char *t, int from_title_tag)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                       " :: ", " \xC2\xBB "};
    if (!t)
        return NULL;
    size_t n = strlen(t), cut = n;
    for (size_t i = 0; i < COUNT(seps); i++) {
        size_t m = strlen(seps[i]);
        for (size_t j = n; j-- > 0;) {
            if (j + m > n || memcmp(t + j, seps[i], m) != 0)
                continue;
            const char *suffix = t + j + m;
            size_t sl = n - j - m;
            if ((h->site && eq_ci(suffix, h->site)) ||
                (from_title_tag && sl < j && j < cut)) {
                if (j < cut)
                    cut = j;
            }
            break;
        }
    }
    if (cut == n || cut == 0)
        return t;
    return keep(h, t, cut);
}

/* ------------------------------------------------------------------ */

parley_status prl_html_new(const prl_alloc *a, prl_html **out)
{
    prl_html *h = prl_calloc(a, sizeof *h);
    *out = NULL;
    if (!h)
        return PARLEY_ENOMEM;
    h->alloc = a;
    prl_arena_init(&h->arena, a);
    *out = h;
    return PARLEY_OK;
}

/* gumbo allocates from the page's arena and never frees one by one.
 * gumbo 0.10 does not check for a NULL allocation: if the arena cannot
 * grow, gumbo crashes. Nothing here can prevent that short of patching
 * gumbo; the arena at least keeps gumbo's many small allocations off
 * the heap and bounds a page's memory to a few times its size. */
static void *g_alloc(void *ud, size_t n)
{
    prl_html *h = ud;
    void *p = prl_arena_alloc(&h->arena, n);
    if (!p)
        h->oom = 1;
    return p;
}

static void g_free(void *ud, void *p)
{
    (void)ud;
    (void)p;
}

static void reset(prl_html *h)
{
    prl_arena_reset(&h->arena);
    h->arena.failed = 0;
    h->oom = 0;
    h->lenient = 0;
    h->og_title = h->tw_title = h->h1 = h->title_tag = NULL;
    h->author = h->site = h->url = h->canonical = h->ld_body = NULL;
    h->author_level = h->date_level = 0;
    h->date[0] = '\0';
}

static GumboNode *choose(prl_html *h)
{
    for (int k = 1; k < N_CAT; k++)
        if (h->best[k] && h->best_score[k] >= 80)
            return h->best[k];
    if (h->best_direct)
        return h->best_direct;
    for (int k = 1; k < N_CAT; k++)
        if (h->best[k] && h->best_score[k] > 0)
            return h->best[k];
    return NULL;
}

parley_status prl_html_extract(prl_html *h, const char *html, size_t len,
                               const char *charset, prl_html_page *out)
{
    memset(out, 0, sizeof *out);
    out->text = "";
    reset(h);
    size_t n;
    const char *page = decode(h, html, len, charset, &n);
    if (!page)
        return PARLEY_ENOMEM;
    strip(h, page, n);
    if (h->oom)
        return PARLEY_ENOMEM;

    GumboOptions opt = kGumboDefaultOptions;
    opt.allocator = g_alloc;
    opt.deallocator = g_free;
    opt.userdata = h;
    opt.max_errors = 0;     /* parse errors are not recorded: not needed */
    GumboOutput *g = gumbo_parse_with_options(&opt, h->clean.p, h->clean.len);
    if (h->oom || !g)
        return PARLEY_ENOMEM;

    jsonld(h, page);
    for (int pass = 0; pass < 2 && !h->oom; pass++) {
        h->lenient = pass;
        memset(h->best, 0, sizeof h->best);
        memset(h->best_score, 0, sizeof h->best_score);
        h->best_direct = NULL;
        h->best_direct_score = 0;
        scan(h, g->document);
        GumboNode *c = choose(h);
        h->out.len = 0;
        if (c)
            collect(h, c);
        if (h->out.len > 0)
            break;
    }
    if (h->oom)
        return PARLEY_ENOMEM;

    out->site = h->site;
    out->title = h->og_title ? clean_title(h, h->og_title, 0)
               : h->tw_title ? clean_title(h, h->tw_title, 0)
               : h->h1 ? h->h1 : clean_title(h, h->title_tag, 1);
    out->date = h->date_level ? h->date : NULL;
    out->author = h->author;
    out->url = h->url ? h->url : h->canonical;
    if (h->out.len == 0 && h->ld_body) {
        /* Nothing in the markup (a page drawn by script): the JSON-LD
         * articleBody, if the page has one. */
        const char *b = h->ld_body;
        for (size_t i = 0; b[i];) {
            size_t j = i;
            while (b[j] && b[j] != '\n')
                j++;
            size_t k = i;
            while (k < j && is_space((unsigned char)b[k]))
                k++;
            if (k < j) {
                if (h->out.len > 0)
                    sb_put(h, &h->out, "\n\n", 2);
                sb_put(h, &h->out, b + k, j - k);
            }
            i = b[j] ? j + 1 : j;
        }
    }
    if (h->oom)
        return PARLEY_ENOMEM;
    if (h->out.len > 0) {
        out->text = h->out.p;
        out->len = h->out.len;
    }
    return PARLEY_OK;
}

void prl_html_free(prl_html *h)
{
    if (!h)
        return;
    prl_arena_free(&h->arena);
    sb_free(h, &h->conv);
    sb_free(h, &h->clean);
    sb_free(h, &h->out);
    sb_free(h, &h->para);
    sb_free(h, &h->tmp);
    prl_free(h->alloc, h->stack);
    prl_free(h->alloc, h);
}

/* ------------------------------------------------------------------ */
/* The html input form: the whole input is one page.                    */

typedef struct html_state {
    prl_html *h;
    int done;
} html_state;

static parley_status html_open(prl_intake *in)
{
    html_state *st = prl_calloc(in->alloc, sizeof *st);
    if (!st)
        return PARLEY_ENOMEM;
    if (prl_html_new(in->alloc, &st->h) != PARLEY_OK) {
        prl_free(in->alloc, st);
        return PARLEY_ENOMEM;
    }
    in->state = st;
    return PARLEY_OK;
}

static void html_close(prl_intake *in)
{
    html_state *st = in->state;
    if (!st)
        return;
    prl_html_free(st->h);
    prl_free(in->alloc, st);
    in->state = NULL;
}

static prl_intake_result html_next(prl_intake *in, prl_record *rec)
{
    html_state *st = in->state;
    if (st->done)
        return PRL_INTAKE_END;
    st->done = 1;
    prl_line_result r = prl_intake_slurp(in, PRL_INTAKE_MAX_RECORD);
    if (r == PRL_LINE_ERROR)
        return PRL_INTAKE_FAIL;
    if (r == PRL_LINE_EOF)
        return PRL_INTAKE_END;
    in->records++;
    if (r == PRL_LINE_LONG)
        return prl_intake_bad(in, 1, 0, "HTML page longer than %zu MiB skipped",
                              PRL_INTAKE_MAX_RECORD >> 20);
    const char *nul = memchr(in->line, '\0', in->line_len);
    if (nul) {
        unsigned line = 1;
        for (const char *p = in->line; p < nul; p++)
            line += *p == '\n';
        return prl_intake_bad(in, line, 0, "binary input (NUL byte) skipped");
    }
    prl_html_page pg;
    if (prl_html_extract(st->h, in->line, in->line_len, NULL, &pg) != PARLEY_OK) {
        snprintf(in->err, sizeof in->err, "%s", parley_strerror(PARLEY_ENOMEM));
        return PRL_INTAKE_FAIL;
    }
    if (pg.len == 0)
        return prl_intake_bad(in, 1, 0, "HTML page has no article text");
    rec->id = prl_intake_default_id(in, 1);
    if (!rec->id) {
        snprintf(in->err, sizeof in->err, "%s", parley_strerror(PARLEY_ENOMEM));
        return PRL_INTAKE_FAIL;
    }
    rec->title = pg.title;
    rec->date = pg.date;
    rec->author = pg.author;
    rec->source = pg.site;
    rec->url = pg.url;
    rec->text = pg.text;
    rec->len = pg.len;
    rec->line = 1;
    rec->number = in->records;
    return PRL_INTAKE_RECORD;
}

const prl_intake_ops prl_intake_html = {
    "html", html_open, html_next, html_close,
};
